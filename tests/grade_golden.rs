#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! Golden gradebooks: the CSV of the sample class, the JSON of three students and
//! Gradescope's results.json, each reviewed by hand (the values are checked in the
//! comments), and byte-identical across runs.

use std::path::{Path, PathBuf};

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

fn grade(args: &[&str], path: &Path) -> String {
    let out = gbl()
        .arg("grade")
        .arg(root().join("solutions/quiz/quiz.yaml"))
        .arg(path)
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

// Hand-checked: the per-exercise columns add up to the totals; cleo's trace earns 2·20/21 =
// 1.904761905 (to 1e-9); eve's malformed YAML, finn's empty file, hana's junk bytes and kai's
// missing answers.yaml score 0 with the reason in the last column.
#[test]
fn csv_of_the_sample_class() {
    let class = root().join("solutions/quiz/class");
    let csv = grade(&[], &class);
    insta::assert_snapshot!(csv);
    assert_eq!(csv, grade(&[], &class), "two runs differ");
}

// Hand-checked: ada's numbers are x0 = -5 (grad -1, x1 -4), z = 4 (y 32, dy/dz 16), a = 2.5
// and x0 = 3 (x3 = (1 - 5)^3·3 = -192); cleo's x1 -3.6 is -3 + (-0.6), the gradient added;
// her dy/dz 14 is 2z for z = 7 (the factor 2 of d/dz 2z^2 = 4z dropped); dan answered only
// gd-one-step (x0 = 4: grad 0.8, x1 3.2).
#[test]
fn json_of_three_students() {
    let tmp = tempfile::tempdir().unwrap();
    let class = root().join("solutions/quiz/class");
    copy_dir(&class.join("ada"), &tmp.path().join("ada"));
    copy_dir(&class.join("cleo"), &tmp.path().join("cleo"));
    std::fs::copy(class.join("dan.yaml"), tmp.path().join("dan.yaml")).unwrap();
    let json = grade(&["--format", "json"], tmp.path());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["students"].as_array().unwrap().len(), 3);
    insta::assert_snapshot!(json);
    assert_eq!(
        json,
        grade(&["--format", "json"], tmp.path()),
        "two runs differ"
    );
}

// Hand-checked: cleo's folder alone, as Gradescope runs it (PATH holds answers.yaml); named
// with --student so she gets her own numbers; score 1 + 2 + 1.5 + 1.904761905. The expected
// answers are shown in each question here (--expected visible; see tests/gradescope.rs for the
// default, which keeps them for after the due date).
#[test]
fn gradescope_results_of_one_submission() {
    let dir = root().join("solutions/quiz/class/cleo");
    let out = gbl()
        .arg("grade")
        .arg(root().join("solutions/quiz/quiz.yaml"))
        .arg(&dir)
        .args(["--format", "gradescope", "--student", "cleo", "--quiet"])
        .args(["--expected", "visible"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let json = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!((v["score"].as_f64().unwrap() - 6.404761905).abs() < 1e-9);
    insta::assert_snapshot!(json);
}

// Gradescope shows results at once unless results.json says otherwise; a quiz's expected
// answers can wait for the due date.
#[test]
fn gradescope_results_can_wait_for_the_due_date() {
    let dir = root().join("solutions/quiz/class/cleo");
    let out = gbl()
        .arg("grade")
        .arg(root().join("solutions/quiz/quiz.yaml"))
        .arg(&dir)
        .args(["--format", "gradescope", "--student", "cleo", "--quiet"])
        .args(["--visibility", "after-due-date"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["visibility"], "after_due_date");
    assert!((v["score"].as_f64().unwrap() - 6.404761905).abs() < 1e-9);
    // Without the option the key is absent (Gradescope's default: visible).
    let out = gbl()
        .arg("grade")
        .arg(root().join("solutions/quiz/quiz.yaml"))
        .arg(&dir)
        .args(["--format", "gradescope", "--student", "cleo", "--quiet"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("visibility").is_none(), "{v}");
    // Only for Gradescope.
    gbl()
        .arg("grade")
        .arg(root().join("solutions/quiz/quiz.yaml"))
        .arg(root().join("solutions/quiz/class"))
        .args(["--visibility", "hidden"])
        .assert()
        .code(2);
}
