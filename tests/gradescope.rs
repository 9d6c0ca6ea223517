#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! Gradescope: the student is keyed by the identity in submission_metadata.json (or
//! --student), never by a folder name; a whole class folder is refused; the expected answers
//! wait for the due date unless the instructor says otherwise; and `gbl gradescope` writes an
//! autograder whose `run_autograder` runs in a Gradescope-like folder.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1").env_remove("GBL_EXERCISES");
    c
}

fn quiz() -> PathBuf {
    root().join("solutions/quiz/quiz.yaml")
}

/// Copies a folder (files and subfolders).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A Gradescope-like /autograder: cleo's files in submission/, and her metadata.
fn autograder_root(email: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("solutions/quiz/class/cleo"),
        &tmp.path().join("submission"),
    );
    std::fs::write(
        tmp.path().join("submission_metadata.json"),
        format!(
            r#"{{"id": 1, "created_at": "2026-01-01T00:00:00Z", "assignment": {{"due_date": "2026-01-02T00:00:00Z"}}, "users": [{{"email": "{email}", "id": 77, "name": "C", "sid": "s77"}}]}}"#
        ),
    )
    .unwrap();
    std::fs::create_dir(tmp.path().join("results")).unwrap();
    tmp
}

fn results(args: &[&str], path: &Path) -> (i32, Value, String) {
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(path)
        .args(["--format", "gradescope", "--quiet"])
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_identity_comes_from_the_metadata_beside_the_submission() {
    let ag = autograder_root("cleo");
    let sub = ag.path().join("submission");
    let (code, by_metadata, err) = results(&[], &sub);
    assert_eq!(code, 1, "{err}");
    // cleo's score with her own numbers, hand-checked in grade_golden.rs.
    assert!((by_metadata["score"].as_f64().unwrap() - 6.404761905).abs() < 1e-9);
    assert!(
        by_metadata["output"]
            .as_str()
            .unwrap()
            .starts_with("cleo: 6.404761905/11 points")
    );
    let (_, by_flag, _) = results(&["--student", "cleo"], &sub);
    assert_eq!(by_metadata, by_flag);
    // An explicit --metadata file works from anywhere.
    let (code, explicit, _) = results(
        &[
            "--metadata",
            ag.path().join("submission_metadata.json").to_str().unwrap(),
        ],
        &root().join("solutions/quiz/class/cleo"),
    );
    assert_eq!(code, 1);
    assert_eq!(explicit, by_metadata);
}

#[test]
fn without_an_identity_nothing_is_graded() {
    // cleo's folder in the repository has no metadata beside it.
    let (code, v, err) = results(&[], &root().join("solutions/quiz/class/cleo"));
    assert_eq!(code, 2);
    assert_eq!(v, Value::Null, "no results written");
    assert!(
        err.contains("--format gradescope needs the student's identity")
            && err.contains("--metadata /autograder/submission_metadata.json"),
        "{err}"
    );
    let ag = autograder_root("cleo");
    std::fs::write(
        ag.path().join("submission_metadata.json"),
        r#"{"users": []}"#,
    )
    .unwrap();
    let (code, _, err) = results(&[], &ag.path().join("submission"));
    assert_eq!(code, 2);
    assert!(err.contains("no \"users\" list with a user in it"), "{err}");
}

#[test]
fn a_whole_class_folder_is_refused() {
    let (code, v, err) = results(&["--student", "x"], &root().join("solutions/quiz/class"));
    assert_eq!(code, 2);
    assert_eq!(v, Value::Null);
    assert!(err.contains("holds 12 submissions, not one"), "{err}");
}

#[test]
fn expected_answers_wait_for_the_due_date_by_default() {
    let ag = autograder_root("cleo");
    let (_, v, _) = results(&[], &ag.path().join("submission"));
    let tests = v["tests"].as_array().unwrap();
    // 9 questions, then the expected answers.
    assert_eq!(tests.len(), 10);
    for t in &tests[..9] {
        assert!(
            !t["output"].as_str().unwrap().contains("expected: `"),
            "{t}"
        );
    }
    // cleo's trace departs at one line: while hidden, its test says how many lines are right
    // and where it departs, without quoting a single expected line.
    let trace = tests
        .iter()
        .find(|t| t["name"] == "gd-trace.trace")
        .expect("the trace's test");
    let out = trace["output"].as_str().unwrap();
    assert!(out.contains("20 of 21 lines right"), "{out}");
    assert!(out.contains("the first line that departs is line"), "{out}");
    assert!(
        out.contains("(the expected lines are shown after the due date)"),
        "{out}"
    );
    assert!(!out.contains("expected 0."), "{out}");
    let last = &tests[9];
    assert_eq!(last["name"], "expected answers");
    assert_eq!(last["visibility"], "after_due_date");
    assert_eq!(last["max_score"], 0);
    let shown = last["output"].as_str().unwrap();
    // cleo's x0 = -3 (grade_golden.rs): grad -0.6, x1 = -3 - 1·(-0.6) = -2.4.
    assert!(shown.contains("- gd-one-step.grad: `-0.6`"), "{shown}");
    assert!(shown.contains("- gd-one-step.x1: `-2.4`"), "{shown}");
    // An empty upload shows no expected answer either.
    let empty = tempfile::tempdir().unwrap();
    let (code, v, err) = results(&["--student", "cleo"], empty.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(v["score"], 0.0);
    let tests = v["tests"].as_array().unwrap();
    assert!(
        tests[..9]
            .iter()
            .all(|t| !t["output"].as_str().unwrap().contains("expected: `")),
        "{v}"
    );
    // The instructor may show them at once, in each question.
    let (_, v, _) = results(&["--expected", "visible"], &ag.path().join("submission"));
    let tests = v["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 9);
    assert!(
        tests[1]["output"]
            .as_str()
            .unwrap()
            .contains("expected: `-2.4`")
    );
    // Visible: the trace's whole feedback, with the expected value of the line that departs.
    let trace = tests
        .iter()
        .find(|t| t["name"] == "gd-trace.trace")
        .expect("the trace's test");
    let out = trace["output"].as_str().unwrap();
    assert!(out.contains(": expected "), "{out}");
    assert!(!out.contains("shown after the due date"), "{out}");
}

/// Unzips with CPython's zipfile (an independent reader), applying each file's Unix mode.
fn unzip(zip: &Path, into: &Path) {
    let script = "import os, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for i in z.infolist():
    p = z.extract(i, sys.argv[2])
    os.chmod(p, (i.external_attr >> 16) & 0o7777)
";
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(zip)
        .arg(into)
        .status()
        .expect("python3 (CI installs it) reads the package");
    assert!(
        status.success(),
        "CPython's zipfile could not read the package"
    );
}

#[cfg(unix)]
#[test]
fn the_package_runs_in_a_gradescope_like_folder() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let zip = tmp.path().join("autograder.zip");
    let out = gbl()
        .arg("gradescope")
        .arg(quiz())
        .arg("-o")
        .arg(&zip)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("the autograder for 'Sample quiz"), "{said}");
    // Gradescope: the package in source/, run_autograder copied beside it.
    let ag = autograder_root("cleo");
    let source = ag.path().join("source");
    unzip(&zip, &source);
    for (file, mode) in [
        ("setup.sh", 0o755),
        ("run_autograder", 0o755),
        ("gbl", 0o755),
        ("quiz.yaml", 0o644),
        ("exercises/gd-one-step.yaml", 0o644),
        ("exercises/chain-rule-x5.yaml", 0o644),
        ("exercises/gd-diverge.yaml", 0o644),
        ("exercises/gd-trace.yaml", 0o644),
    ] {
        let meta = std::fs::metadata(source.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(meta.permissions().mode() & 0o777, mode, "{file}");
    }
    assert_eq!(
        std::fs::read_dir(source.join("exercises")).unwrap().count(),
        4,
        "only the quiz's exercises"
    );
    std::fs::copy(
        source.join("run_autograder"),
        ag.path().join("run_autograder"),
    )
    .unwrap();
    let run = std::process::Command::new(ag.path().join("run_autograder"))
        .env_remove("GBL_EXERCISES")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: Value =
        serde_json::from_slice(&std::fs::read(ag.path().join("results/results.json")).unwrap())
            .unwrap();
    // cleo, keyed by her email in the metadata: her score as graded by hand.
    assert!(
        (v["score"].as_f64().unwrap() - 6.404761905).abs() < 1e-9,
        "{v}"
    );
    let tests = v["tests"].as_array().unwrap();
    assert_eq!(tests.last().unwrap()["visibility"], "after_due_date");
    // Without metadata the script fails loudly instead of grading a made-up student.
    std::fs::remove_file(ag.path().join("submission_metadata.json")).unwrap();
    std::fs::remove_file(ag.path().join("results/results.json")).unwrap();
    let run = std::process::Command::new(ag.path().join("run_autograder"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(!ag.path().join("results/results.json").exists());
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("submission_metadata.json"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // The same quiz and binary give the same package, byte for byte.
    let again = tmp.path().join("again.zip");
    gbl()
        .arg("gradescope")
        .arg(quiz())
        .arg("-o")
        .arg(&again)
        .assert()
        .success();
    assert_eq!(std::fs::read(&zip).unwrap(), std::fs::read(&again).unwrap());
}
