//! Bad input is a feature: each gets a clear message naming the file (and line, where there
//! is one), exit code 2, and no panic.

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    c.env_remove("GBL_EXERCISES").env("NO_COLOR", "1");
    c
}

/// Writes `content` to `name` in a fresh folder and runs `gbl check --answers` on it.
fn check_file(name: &str, content: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("written");
    let out = gbl()
        .current_dir(dir.path())
        .args(["check", "--answers", name])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

#[test]
fn malformed_yaml_names_line_and_column() {
    let (code, _, err) = check_file("a.yaml", b"gd-one-step: {grad: 0.6, x1: [2.4}\n");
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "error: a.yaml:1:34: did not find expected ',' or ']', while parsing a flow sequence at line 1 column 30"
    );
}

#[test]
fn unknown_exercise_and_question_are_named() {
    // Each problem at its line, the rest still checked, exit 1 (the file could be read).
    let (code, out, _) = check_file(
        "a.yaml",
        b"gd-one-stp: {grad: 0.6}\ngd-diverge: {x3: -81}\n",
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("problem: a.yaml:1:13: gd-one-stp: there is no exercise 'gd-one-stp' (did you mean gd-one-step, mv-one-step?)"),
        "{out}"
    );
    assert!(out.contains("✓ x3"), "the rest is checked: {out}");
    let (code, out, _) = check_file("a.yaml", b"gd-one-step: {grad: 0.6, x2: 1}\n");
    assert_eq!(code, 1);
    assert!(
        out.contains("problem: a.yaml:1:26: gd-one-step.x2: 'gd-one-step' has no question 'x2' (its questions: grad, x1)"),
        "{out}"
    );
    let out = gbl()
        .args(["check", "gd-one-stp", "x1=1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: there is no exercise 'gd-one-stp' (did you mean gd-one-step, mv-one-step?)"
    );
}

#[test]
fn a_string_nan_or_1e999_where_a_number_belongs() {
    let (code, out, _) = check_file("a.yaml", b"gd-one-step:\n  grad: abc\n  x1: .nan\n");
    assert_eq!(code, 1);
    assert!(
        out.contains("a.yaml:2:9: gd-one-step.grad: 'abc' is not a number"),
        "{out}"
    );
    assert!(
        out.contains("a.yaml:3:7: gd-one-step.x1: '.nan' is not a number: give a finite value"),
        "{out}"
    );
    assert!(out.contains("! grad"), "the report is still written: {out}");
    let (code, out, _) = check_file("a.yaml", b"gd-one-step: {grad: 1e999, x1: 2.4}\n");
    assert_eq!(code, 1);
    assert!(
        out.contains("'1e999' is not a number: it is too large for a float"),
        "{out}"
    );
    let out = gbl()
        .args(["check", "gd-one-step", "x1=1e999"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = gbl()
        .args(["check", "gd-one-step", "x1="])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("x1: no answer: give a number"),
        "{out:?}"
    );
}

#[test]
fn missing_empty_huge_and_binary_files() {
    let out = gbl()
        .args(["check", "--answers", "/nonexistent/answers.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("/nonexistent/answers.yaml: cannot read the answer file")
    );

    // An empty file can be read: nothing is answered.
    let (code, out, _) = check_file("empty.yaml", b"");
    assert_eq!(code, 1);
    assert!(
        out.contains("problem: empty.yaml: the answer file is empty"),
        "{out}"
    );
    assert!(out.contains("0 of 16 exercises answered"), "{out}");

    let (code, _, err) = check_file("huge.yaml", &vec![b'a'; 10 << 20]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "huge.yaml: cannot read the answer file: the file is larger than 1048576 bytes"
        ),
        "{err}"
    );

    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (code, _, err) = check_file("junk.yaml", &junk);
    assert_eq!(code, 2);
    assert!(err.contains("junk.yaml"), "{err}");
}

#[test]
fn deep_nesting_and_odd_shapes() {
    let deep = format!(
        "gd-one-step: {{grad: {}{}}}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    // Deeper than the YAML budget: the file cannot be read, so nothing is checked (exit 2).
    let (code, _, err) = check_file("deep.yaml", deep.as_bytes());
    assert_eq!(code, 2);
    assert!(
        err.contains("deep.yaml:1:") && err.contains("nests deeper than 64 levels"),
        "{err}"
    );
    let (code, _, err) = check_file("list.yaml", b"- 1\n- 2\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("list.yaml:1:1: an answer file maps exercise ids"),
        "{err}"
    );
}

#[test]
fn a_trace_path_may_not_leave_the_answer_files_folder() {
    let (code, out, _) = check_file("a.yaml", b"gd-trace: {trace: ../../etc/passwd}\n");
    assert_eq!(code, 1);
    assert!(out.contains("leaves the answer file's folder"), "{out}");
    let (code, out, _) = check_file("a.yaml", b"gd-trace: {trace: /etc/passwd}\n");
    assert_eq!(code, 1);
    assert!(out.contains("leaves the answer file's folder"), "{out}");
}

#[test]
fn validate_names_the_file_line_and_misspelt_key() {
    let out = gbl()
        .args(["validate", "tests/fixtures/broken/misspelt.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "tests/fixtures/broken/misspelt.yaml:12:5: questions: unknown field `anwser`"
        ),
        "{text}"
    );
}

#[test]
fn validate_reports_every_problem_at_once() {
    let out = gbl()
        .args(["validate", "tests/fixtures/broken/many-problems.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let f = "tests/fixtures/broken/many-problems.yaml";
    for expected in [
        format!(
            "{f}:2:5: id: the id 'another-name' does not match the file name 'many-problems.yaml'"
        ),
        format!("{f}:26:9: questions[1].id: the id 'x1' is used twice"),
        format!("{f}:33:13: questions[2].answer: 'other.q': run 'other' has no value 'q'"),
        format!("{f}:5:30: prompt: '{{{{nothing}}}}' names no parameter (parameters: a)"),
        format!(
            "{f}:13:10: runs.main.descent.f: expected an operand after '^', found the end of the expression (column 5)"
        ),
        format!("{f}:29:13: questions[1].answer: 'other.x[7]': the run has steps 0 to 2"),
        format!(
            "{f}:20:18: require.other.verdict: required to be converges, but the reference solution gives diverges"
        ),
        "required to be converges, but the reference solution gives cycles (in the variant a = 1)"
            .to_string(),
    ] {
        assert!(text.contains(&expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        text.contains("8 problems in 1 of 1 exercise files"),
        "{text}"
    );
    assert!(
        !text.contains("chapter"),
        "a chapter is free text in your own folder: {text}"
    );
}

#[test]
fn a_trace_path_that_stays_inside_is_normalised_and_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("traces")).expect("mkdir");
    let lecture = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("solutions/traces/gd-trace.txt"),
    )
    .expect("the lecture's trace");
    std::fs::write(dir.path().join("traces/out.txt"), lecture).expect("written");
    for (path, inside) in [
        ("traces/../traces/out.txt", true),
        ("./traces/./out.txt", true),
        ("traces/../../out.txt", false),
        ("traces/../../x/../out.txt", false),
    ] {
        std::fs::write(
            dir.path().join("a.yaml"),
            format!("gd-trace: {{trace: '{path}'}}\n"),
        )
        .expect("written");
        let out = gbl()
            .current_dir(dir.path())
            .args(["check", "--answers", "a.yaml"])
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            text.contains("leaves the answer file's folder"),
            !inside,
            "{path}: {text}"
        );
        assert_eq!(
            text.contains("all 21 lines right"),
            inside,
            "{path}: {text}"
        );
    }
}
