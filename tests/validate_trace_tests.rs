#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! Author's tests with a trace (`tests: [{question: trace, trace: FILE, ...}]`): the bundled
//! `gd-trace` and `mv-trace` carry a right trace and a common mistake each, made by real
//! CPython programs (this test runs them again with `python3` and fails, not skips, without
//! it); `gbl validate` runs them, fails a test whose trace does not get what it says, and
//! refuses trace files outside the exercise file's folder.

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1").env_remove("GBL_EXERCISES");
    c
}

/// (exit code, stdout and stderr) of `gbl validate` on `target`.
fn validate(target: &Path) -> (i32, String) {
    let out = gbl().arg("validate").arg(target).output().unwrap();
    let all =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!all.contains("panicked"), "{all}");
    (out.status.code().unwrap_or(-1), all)
}

#[test]
fn the_trace_files_are_what_the_programs_print() {
    for (program, trace) in [
        ("solutions/programs/gd-trace.py", "gd-trace-right.txt"),
        (
            "solutions/programs/mistakes/gd-trace-add-gradient.py",
            "gd-trace-add-gradient.txt",
        ),
        ("solutions/programs/mv-trace.py", "mv-trace-right.txt"),
        (
            "solutions/programs/mistakes/mv-trace-value-before-update.py",
            "mv-trace-value-before-update.txt",
        ),
    ] {
        let out = Std::new("python3")
            .arg(root().join(program))
            .output()
            .expect("python3 must be installed to run this test (CI installs it)");
        assert!(out.status.success(), "{program}");
        let kept = std::fs::read(root().join("exercises/traces").join(trace)).unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(kept).unwrap(),
            "{program} no longer prints exercises/traces/{trace}"
        );
    }
    // The numbers, by hand: x := x + x/5 from 3 is 3.6, 4.32, 5.184; the point after one
    // update of x1^2 + x2^2 at lr 0.1 is (2.4, -1.6), where f is 8.32, but the mistaken
    // program prints f at the start, 13.
    let add =
        std::fs::read_to_string(root().join("exercises/traces/gd-trace-add-gradient.txt")).unwrap();
    assert!(add.starts_with("Initial x: 3\n1-th x: 3.6000\n2-th x: 4.3200\n3-th x: 5.1840\n"));
    let before =
        std::fs::read_to_string(root().join("exercises/traces/mv-trace-value-before-update.txt"))
            .unwrap();
    assert!(before.contains("1-th (x1, x2): (2.400, -1.600)\ny: 13.000\n2-th"));
}

#[test]
fn the_bundled_trace_tests_pass_from_the_binary_and_from_the_folder() {
    // Bundled: the trace files are built into the binary.
    let out = gbl()
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["valid"], true);
    // From the folder: read beside the files.
    let (code, all) = validate(&root().join("exercises"));
    assert_eq!(code, 0, "{all}");
}

/// A copy of the bundled gd-trace and its trace files in `ex/` of a fresh folder, with `edit`
/// applied to the exercise and `more` appended to its tests.
fn copy(edit: impl Fn(String) -> String, more: &str) -> (tempfile::TempDir, PathBuf) {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("ex");
    std::fs::create_dir_all(dir.join("traces")).unwrap();
    for t in ["gd-trace-right.txt", "gd-trace-add-gradient.txt"] {
        std::fs::copy(
            root().join("exercises/traces").join(t),
            dir.join("traces").join(t),
        )
        .unwrap();
    }
    let text = std::fs::read_to_string(root().join("exercises/gd-trace.yaml")).unwrap();
    let file = dir.join("gd-trace.yaml");
    std::fs::write(&file, edit(text) + more).unwrap();
    (top, file)
}

fn line_of(file: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_trace_test_that_does_not_hold_fails_at_its_line() {
    let (_dir, file) = copy(
        |t| t.replace("mistake: add-gradient}", "mistake: no-learning-rate}"),
        "",
    );
    let (code, all) = validate(&file);
    assert_eq!(code, 1, "{all}");
    let line = line_of(&file, "gd-trace-add-gradient.txt");
    let want = format!(
        "{}:{line}:3: tests[1]: the trace 'traces/gd-trace-add-gradient.txt' for trace gets \
         mistake add-gradient (not no-learning-rate) in the variant x0 = 3; feedback: you added \
         the gradient instead \
         of subtracting it",
        file.display()
    );
    assert!(all.contains(&want), "{all}");
    assert!(all.contains("1 problem in 1 of 1 exercise files"), "{all}");
}

#[test]
fn an_inline_trace_is_tested_too() {
    let more = "  - question: trace\n    trace_text: |\n      Initial x: 3\n      1-th x: 3.0000\n      2-th x: 2.4000\n    status: wrong\n    mistake: print-before-update\n";
    let (_dir, file) = copy(|t| t, more);
    let (code, all) = validate(&file);
    assert_eq!(code, 0, "{all}");
    let (_dir, file) = copy(|t| t, &more.replace("status: wrong", "status: correct"));
    let (code, all) = validate(&file);
    assert_eq!(code, 1, "{all}");
    assert!(
        all.contains("tests[2]: the trace in trace_text for trace gets status wrong (not correct)"),
        "{all}"
    );
}

#[test]
fn trace_files_outside_the_folder_are_refused() {
    let more = "  - {question: trace, trace: ../gd-trace-right.txt, status: correct}\n  - {question: trace, trace: /etc/passwd, status: wrong}\n  - {question: trace, trace: traces/none.txt, status: wrong}\n  - {question: trace, answer: 2, trace: traces/gd-trace-right.txt, status: wrong}\n  - {question: trace, status: wrong}\n";
    let (_dir, file) = copy(|t| t, more);
    // Outside the folder, but a real file: refused all the same.
    std::fs::copy(
        root().join("exercises/traces/gd-trace-right.txt"),
        file.parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("gd-trace-right.txt"),
    )
    .ok();
    let (code, all) = validate(&file);
    assert_eq!(code, 1, "{all}");
    let f = file.display().to_string();
    let at = |needle: &str| line_of(&file, needle);
    for want in [
        format!(
            "{f}:{}:23: tests[2].trace: '../gd-trace-right.txt' leaves the exercise file's \
             folder; name a file inside it",
            at("../gd-trace-right.txt")
        ),
        format!(
            "{f}:{}:23: tests[3].trace: '/etc/passwd' is an absolute path; name the file \
             relative to the exercise file's folder",
            at("/etc/passwd")
        ),
        format!(
            "{f}:{}:23: tests[4].trace: cannot read 'traces/none.txt'",
            at("traces/none.txt")
        ),
        format!(
            "{f}:{}:3: tests[5]: give exactly one of `answer`, `trace` (a file) and \
             `trace_text` (the trace itself)",
            at("answer: 2, trace")
        ),
        format!(
            "{f}:{}:3: tests[6]: give exactly one of",
            at("{question: trace, status: wrong}")
        ),
    ] {
        assert!(all.contains(&want), "{want}\n{all}");
    }
    assert!(all.contains("5 problems in 1 of 1 exercise files"), "{all}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_that_leads_outside_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "Initial x: 3\n").unwrap();
    let more = "  - {question: trace, trace: traces/link.txt, status: wrong}\n";
    let (_dir, file) = copy(|t| t, more);
    std::os::unix::fs::symlink(&secret, file.parent().unwrap().join("traces/link.txt")).unwrap();
    let (code, all) = validate(&file);
    assert_eq!(code, 1, "{all}");
    assert!(
        all.contains("tests[2].trace: 'traces/link.txt' leads outside the exercise file's folder"),
        "{all}"
    );
}
