#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! Budgets, not size caps alone: inputs under the size caps that used to cost minutes or
//! flood the terminal (deep YAML, tens of thousands of errors, a megabyte answer, absurd
//! points) are refused or clipped quickly, with a message that names the budget.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1")
        .env_remove("GBL_EXERCISES")
        .timeout(Duration::from_secs(20));
    c
}

/// Runs `gbl check --answers` on `text`: (exit code, stdout, stderr, seconds).
fn check_answers(text: &str) -> (Option<i32>, String, String, f64) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), text).unwrap();
    let start = Instant::now();
    let out = gbl()
        .current_dir(dir.path())
        .args(["check", "--answers", "a.yaml"])
        .output()
        .unwrap();
    let secs = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        secs,
    )
}

#[test]
fn a_400000_deep_flow_sequence_is_refused_at_once() {
    let text = format!(
        "gd-one-step: {}{}\n",
        "[".repeat(400_000),
        "]".repeat(400_000)
    );
    let (code, _, stderr, secs) = check_answers(&text);
    assert_eq!(code, Some(2));
    // "gd-one-step: " is 13 columns; the block level and 63 brackets fit the budget of 64.
    assert_eq!(
        stderr,
        "error: a.yaml:1:77: the YAML nests deeper than 64 levels, the most gbl reads\n"
    );
    assert!(secs < 5.0, "{secs} s");
}

#[test]
fn deep_block_nesting_is_refused_too() {
    let (code, _, stderr, _) = check_answers(&"- ".repeat(400_000));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("nests deeper than 64 levels"), "{stderr}");
}

#[test]
fn seventy_one_thousand_unknown_ids_are_over_the_values_budget() {
    let text: String = (0..71_000).map(|i| format!("nope-{i}: 1\n")).collect();
    let (code, _, stderr, secs) = check_answers(&text);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: a.yaml:50001:1: the YAML holds more than 50000 values, the most gbl reads\n"
    );
    // Was about 300 s (a position lookup per error, each scanning the file).
    assert!(secs < 5.0, "{secs} s");
}

#[test]
fn forty_thousand_unknown_ids_report_a_hundred_and_count_the_rest() {
    let text: String = (0..40_000).map(|i| format!("nope-{i}: 1\n")).collect();
    let (code, stdout, _, secs) = check_answers(&text);
    // The file could be read: its problems are reported with the rest (exit 1, not 2).
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("problem:"))
        .collect();
    assert_eq!(lines.len(), 101, "{}", &stdout[..stdout.len().min(500)]);
    assert_eq!(
        lines[0],
        "problem: a.yaml:1:9: nope-0: there is no exercise 'nope-0' (see 'gbl list')"
    );
    assert_eq!(
        lines[99],
        "problem: a.yaml:100:10: nope-99: there is no exercise 'nope-99' (see 'gbl list')"
    );
    assert_eq!(
        lines[100],
        "problem: a.yaml: and 39900 more problems (the first 100 are shown)"
    );
    // Was quadratic: a position lookup per error, each scanning the file.
    assert!(secs < 10.0, "{secs} s");
}

#[test]
fn a_megabyte_answer_is_clipped_in_every_message() {
    let text = format!("gd-one-step: {{grad: \"{}\"}}\n", "a".repeat(1_000_000));
    let (code, stdout, stderr, _) = check_answers(&text);
    // An answer that is not a number: reported in the check, the rest still checked.
    assert_eq!(code, Some(1));
    let head = "a".repeat(60);
    assert!(stdout.len() < 2000, "{} bytes of output", stdout.len());
    assert!(stderr.len() < 1000, "{} bytes on stderr", stderr.len());
    assert!(
        stdout.contains(&format!("'{head}…' (1,000,000 characters) is not a number")),
        "{stdout}"
    );
    assert!(!stdout.contains(&"a".repeat(61)), "{stdout}");
}

/// Copies the bundled exercise `id` into a fresh folder, edited by `edit`, and validates it.
fn validate_edited(id: &str, edit: impl FnOnce(String) -> String) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(format!("exercises/{id}.yaml"))).unwrap();
    std::fs::write(dir.path().join(format!("{id}.yaml")), edit(text)).unwrap();
    validate(dir.path())
}

fn validate(dir: &Path) -> (Option<i32>, String) {
    let out = gbl().arg("validate").arg(dir).output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("panicked"), "{all}");
    (out.status.code(), all)
}

#[test]
fn points_digits_and_tolerances_must_be_finite_and_sensible() {
    let (code, all) = validate_edited("gd-one-step", |t| {
        t.replace(
            "    answer: main.grad[0]\n",
            "    answer: main.grad[0]\n    points: 1e300\n    sig_digits: 4000000000\n    tolerance: {abs: .nan, rel: 2}\n",
        )
    });
    assert_eq!(code, Some(1), "{all}");
    for want in [
        ":29:13: questions[0].points: 1e+300 points is more than the 1000000 a question may be worth",
        ":30:17: questions[0].sig_digits: 4000000000 significant digits: give a whole number from 1 to 17",
        ":31:17: questions[0].tolerance.abs: nan is not a tolerance: give a finite number >= 0",
        ":31:28: questions[0].tolerance.rel: 2 is not a relative tolerance: give a number from 0 to 1",
    ] {
        assert!(all.contains(want), "{want}\nnot in\n{all}");
    }
}

#[test]
fn quiz_points_of_1e300_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = dir.path().join("quiz.yaml");
    std::fs::write(
        &quiz,
        "format: 1\ntitle: T\nexercises:\n  - {id: gd-one-step, points: 1e300}\n",
    )
    .unwrap();
    let out = gbl()
        .arg("grade")
        .arg(&quiz)
        .arg(root().join("solutions/quiz/class"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "quiz.yaml:4:23: exercises[0].points: 1e+300 points is more than the 1000000 an exercise may be worth"
        ),
        "{stderr}"
    );
}

#[test]
fn proving_ten_thousand_variants_of_a_million_steps_is_refused_quickly() {
    let start = Instant::now();
    let (code, all) = validate_edited("gd-one-step", |t| {
        t.replace(
            "  x0: {choices: [-5, -4, -3, -2, 2, 3, 4, 5]}",
            "  x0: {range: [1, 10000], step: 1}",
        )
        .replace("      steps: 1\n", "      steps: 1000000\n")
    });
    assert_eq!(code, Some(1), "{all}");
    assert!(
        all.contains("vary: proving 10001 variants of runs of about 2000002 steps × variables each is more than the 5000000 gbl validate computes"),
        "{all}"
    );
    assert!(start.elapsed().as_secs_f64() < 15.0);
}

#[test]
fn a_thousand_bad_questions_report_a_hundred_problems() {
    let (code, all) = validate_edited("gd-one-step", |t| {
        let bad: String = (0..1000)
            .map(|i| format!("  - {{id: q{i}, kind: number, prompt: P, answer: main.nothing}}\n"))
            .collect();
        t.replacen("\nquestions:\n", &format!("\nquestions:\n{bad}"), 1)
    });
    assert_eq!(code, Some(1), "{all}");
    assert!(
        all.contains("and 900 more problems (the first 100 are shown)"),
        "{all}"
    );
}

#[test]
fn a_megabyte_id_or_trace_path_is_clipped_too() {
    let long = "a".repeat(1_000_000);
    let clipped = format!("'{}…' (1,000,000 characters)", "a".repeat(60));
    for (text, want) in [
        (
            format!("? {long}\n: 1\n"),
            format!("there is no exercise {clipped} (see 'gbl list')"),
        ),
        (
            format!("gd-one-step:\n  ? {long}\n  : 1\n"),
            format!("'gd-one-step' has no question {clipped} (its questions: grad, x1)"),
        ),
        (
            format!("gd-trace: {{trace: {long}}}\n"),
            format!("cannot read {clipped}: "),
        ),
    ] {
        let (code, stdout, stderr, _) = check_answers(&text);
        // Problems of single answers are reported with the rest of the check (exit 1).
        assert_eq!(code, Some(1));
        assert!(
            stdout.contains(&want),
            "{want}\nnot in\n{}",
            &stdout[..stdout.len().min(500)]
        );
        assert!(
            stderr.len() + stdout.len() < 2_000,
            "{} bytes",
            stderr.len() + stdout.len()
        );
    }
}
