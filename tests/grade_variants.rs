#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! Per-student variants through `show`, `check` and `grade`: two students get different
//! numbers, one student always gets the same, and without a salt everyone gets the defaults.

use std::path::PathBuf;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1")
        .env_remove("GBL_EXERCISES")
        .arg("--color")
        .arg("never");
    c
}

fn quiz() -> String {
    root()
        .join("solutions/quiz/quiz.yaml")
        .display()
        .to_string()
}

fn show(id: &str, extra: &[&str]) -> String {
    let out = gbl().arg("show").arg(id).args(extra).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn two_students_differ_and_each_is_stable() {
    let q = quiz();
    let ada = show("gd-one-step", &["--quiz", &q, "--student", "ada"]);
    let ben = show("gd-one-step", &["--quiz", &q, "--student", "ben"]);
    // Hand-checked in solutions/quiz/class: ada starts at -5, ben at -4.
    assert!(ada.contains("start at x = -5 and"), "{ada}");
    assert!(ben.contains("start at x = -4 and"), "{ben}");
    assert_eq!(
        ada,
        show("gd-one-step", &["--quiz", &q, "--student", "ada"])
    );
    assert!(ada.contains("check with --quiz"), "{ada}");
}

#[test]
fn without_a_salt_everyone_gets_the_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let q = tmp.path().join("q.yaml");
    std::fs::write(
        &q,
        "format: 1\ntitle: T\nexercises: [{id: chain-rule-x5, points: 4}]\n",
    )
    .unwrap();
    let q = q.display().to_string();
    let plain = show("chain-rule-x5", &[]);
    for s in ["ada", "ben", "zoe"] {
        let theirs = show("chain-rule-x5", &["--quiz", &q, "--student", s]);
        assert!(theirs.starts_with(&plain), "{s}: {theirs}");
    }
}

#[test]
fn check_uses_the_students_numbers_for_every_exercise_of_an_answer_file() {
    let answers = root().join("solutions/quiz/class/ada/answers.yaml");
    let q = quiz();
    gbl()
        .args(["check", "--answers"])
        .arg(&answers)
        .args(["--quiz", &q, "--student", "ada"])
        .assert()
        .code(0);
    // The same answers are wrong for the default numbers, and for ben's.
    gbl()
        .args(["check", "--answers"])
        .arg(&answers)
        .assert()
        .code(1);
    gbl()
        .args(["check", "--answers"])
        .arg(&answers)
        .args(["--quiz", &q, "--student", "ben"])
        .assert()
        .code(1);
    gbl()
        .args([
            "check",
            "gd-one-step",
            "grad=-1",
            "x1=-4",
            "--quiz",
            &q,
            "--student",
            "ada",
        ])
        .assert()
        .code(0);
    // An exercise outside the quiz, and --quiz without --student, cannot be checked.
    gbl()
        .args([
            "check",
            "gd-zigzag",
            "x1=1",
            "--quiz",
            &q,
            "--student",
            "ada",
        ])
        .assert()
        .code(2);
    gbl()
        .args(["check", "gd-one-step", "grad=-1", "--quiz", &q])
        .assert()
        .code(2);
}

#[test]
fn grade_draws_each_students_numbers_from_the_file_name() {
    let tmp = tempfile::tempdir().unwrap();
    let ada =
        std::fs::read_to_string(root().join("solutions/quiz/class/ada/answers.yaml")).unwrap();
    // Only hand-computed answers, no trace: ada's numbers.
    let text: String = ada
        .lines()
        .filter(|l| !l.contains("trace"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(tmp.path().join("ada.yaml"), &text).unwrap();
    std::fs::write(tmp.path().join("ben.yaml"), &text).unwrap();
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(tmp.path())
        .arg("-q")
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[1], "ada,9,11,2,4,3,0,");
    // ben's numbers differ everywhere but in gd-diverge's verdict (1.5 points).
    assert_eq!(lines[2], "ben,1.5,11,0,0,1.5,0,");
}
