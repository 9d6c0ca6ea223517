#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! `gbl validate` past a file's first structural error: every misspelt key of the file is
//! reported at its own line and column (the first error once, not twice). Nothing after a
//! YAML syntax error is read (see `validate_yaml.rs` for what before it still is).

use std::path::Path;

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1").env_remove("GBL_EXERCISES");
    c
}

/// Validates `text` as `mine.yaml` in a fresh folder, given by its path (a single file
/// when `single`): (exit code, stdout, the file's path as shown).
fn validate(text: &str, single: bool) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.yaml");
    std::fs::write(&file, text).unwrap();
    let target: &Path = if single { &file } else { dir.path() };
    let out = gbl().arg("validate").arg(target).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &err,
        file.display().to_string(),
    )
}

/// Four misspelt keys: at the top level (line 5), in a run (line 8), in two questions
/// (lines 15 and 20); each column is the key's first character.
const FOUR: &str = "format: 1
title: Mine
chapter: week 1
prompt: From {{x0}}.
colour: blue
runs:
  main:
    descnt: {f: x^2, from: {x: 4}, lr: 0.25, steps: 1}
questions:
  - id: a
    kind: number
    prompt: x1
    answer: main.x[1]
  - id: b
    kind: number
    prompt: x1
    answr: main.x[1]
  - id: c
    kind: number
    weigth: 2
    prompt: x1
    answer: main.x[1]
";

fn problem_lines<'a>(out: &'a str, file: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(file)).collect()
}

#[test]
fn every_misspelt_key_of_a_file_is_reported_at_its_key() {
    for single in [true, false] {
        let (code, out, file) = validate(FOUR, single);
        assert_eq!(code, 1, "{out}");
        let lines = problem_lines(&out, &file);
        let at: Vec<String> = ["5:1", "8:5", "17:5", "20:5"]
            .iter()
            .map(|p| format!("{file}:{p}:"))
            .collect();
        assert_eq!(lines.len(), 4, "{out}");
        for (line, at) in lines.iter().zip(&at) {
            assert!(
                line.contains(at.as_str()),
                "{line} should be at {at}\n{out}"
            );
        }
        assert!(lines[0].contains("unknown field `colour`"), "{out}");
        assert!(
            lines[1].contains("runs.main: unknown field `descnt`"),
            "{out}"
        );
        assert!(
            lines[2].contains("questions[1]: unknown field `answr`"),
            "{out}"
        );
        assert!(
            lines[3].contains("questions[2]: unknown field `weigth`"),
            "{out}"
        );
        // One file, with four problems: the count names files, not problems.
        assert!(out.contains("4 problems in 1 of 1 exercise files"), "{out}");
    }
}

#[test]
fn a_single_error_is_reported_once() {
    let text = FOUR
        .replace("colour: blue\n", "")
        .replace("descnt", "descent")
        .replace("weigth: 2", "points: 2");
    let (code, out, file) = validate(&text, true);
    assert_eq!(code, 1, "{out}");
    let lines = problem_lines(&out, &file);
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].contains(&format!("{file}:16:5:")), "{out}");
    assert!(lines[0].contains("unknown field `answr`"), "{out}");
}

/// An unclosed flow sequence at the top swallows the rest of the file: only the error.
#[test]
fn a_yaml_syntax_error_still_stops_the_file() {
    let text = FOUR.replace("title: Mine", "title: [Mine");
    let (code, out, file) = validate(&text, true);
    assert_eq!(code, 1, "{out}");
    assert_eq!(problem_lines(&out, &file).len(), 1, "{out}");
}

/// A syntax error in the file's last entry, with nothing else wrong.
const SYNTAX_AT_END: &str = "format: 1
title: Mine
chapter: week 1
prompt: From {{x0}}.
params:
  x0: 3
runs:
  main:
    descent: {f: x^2, from: {x: x0}, lr: 0.25, steps: 1}
questions:
  - id: a
    kind: number
    prompt: x1
    answer: main.x[1]
hints:
  - \"unclosed
";

#[test]
fn a_syntax_error_alone_is_reported_and_fails_the_file() {
    for single in [true, false] {
        let (code, out, file) = validate(SYNTAX_AT_END, single);
        assert_eq!(code, 1, "{out}");
        let lines = problem_lines(&out, &file);
        assert_eq!(lines.len(), 1, "{out}");
        assert!(
            lines[0].contains("unexpected end of stream, while scanning a quoted scalar"),
            "{out}"
        );
    }
}

#[test]
fn a_key_twice_a_misspelt_key_and_a_syntax_error_are_each_reported_once() {
    let text = SYNTAX_AT_END
        .replace("  x0: 3\n", "  x0: 3\n  x0: 4\n")
        .replace("steps: 1}", "steps: 1, stps: 2}");
    let (code, out, file) = validate(&text, true);
    assert_eq!(code, 1, "{out}");
    let lines = problem_lines(&out, &file);
    // x0 again at line 7, column 3; stps at line 10, column 58; the unclosed quote at the end.
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l
                .contains(":7:3: the key 'x0' is given twice in this mapping (first at line 6)")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(":10:58:") && l.contains("unknown field `stps`")),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.contains("unexpected end of stream")),
        "{out}"
    );
    assert!(!out.contains("duplicate entry"), "{out}");
}

#[test]
fn a_quiz_with_a_syntax_error_is_told_as_a_quiz() {
    let quiz = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("solutions/quiz/quiz.yaml"),
    )
    .unwrap();
    let text = quiz + "  - \"oops\n";
    let (code, out, file) = validate(&text, true);
    assert_eq!(code, 1, "{out}");
    let lines = problem_lines(&out, &file);
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].contains("unexpected end of stream"), "{out}");
    // Not read as an exercise: no word about a quiz's own keys.
    assert!(!out.contains("unknown field `salt`"), "{out}");
}
