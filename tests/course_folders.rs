#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! Course folders add up: the bundled exercises plus any number of `--exercises DIR` and
//! `GBL_EXERCISES` folders; an id defined twice names both files; `--no-bundled`; a quiz saved
//! beside the exercises never breaks the folder; chapters are free text in your own folders.

use std::path::Path;

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1").env_remove("GBL_EXERCISES").env(
        "GBL_STATE_DIR",
        std::env::temp_dir().join("gbl-course-folders-state"),
    );
    c
}

/// An exercise whose x1 is 4 - 0.25·2·4 = 2 (f = x², f' = 2x).
const MINE: &str = "format: 1\ntitle: Mine\nchapter: Week 3, my own notes\nprompt: From {{x0}}.\nparams: {x0: 4}\nruns:\n  main:\n    descent: {f: x^2, from: {x: x0}, lr: 0.25, steps: 1}\nquestions:\n  - {id: x1, kind: number, prompt: x1, answer: \"main.x[1]\"}\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn run(c: &mut Command) -> (i32, String, String) {
    let out = c.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn two_folders_and_the_bundle_are_all_listed() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    write(a.path(), "week-a.yaml", MINE);
    write(b.path(), "week-b.yml", MINE);
    let (code, out, err) = run(gbl()
        .args(["list", "--exercises"])
        .arg(a.path())
        .arg("--exercises")
        .arg(b.path()));
    assert_eq!(code, 0, "{err}");
    for id in ["week-a", "week-b", "gd-one-step", "neuron-gradient"] {
        assert!(out.contains(id), "{id} missing in:\n{out}");
    }
    // GBL_EXERCISES takes several folders, separated like PATH.
    let joined = std::env::join_paths([a.path(), b.path()]).unwrap();
    let (code, out, err) = run(gbl()
        .env("GBL_EXERCISES", &joined)
        .args(["check", "week-b", "x1=2"]));
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = run(gbl().env("GBL_EXERCISES", &joined).args([
        "check",
        "gd-one-step",
        "x1=2.4",
        "--no-bundled",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("there is no exercise 'gd-one-step'"), "{err}");
}

#[test]
fn an_id_defined_twice_is_an_error_naming_both_files() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    write(a.path(), "week.yaml", MINE);
    write(b.path(), "week.yaml", MINE);
    let (code, _, err) = run(gbl()
        .args(["check", "week", "x1=2", "--exercises"])
        .arg(a.path())
        .arg("--exercises")
        .arg(b.path()));
    assert_eq!(code, 2);
    let first = a.path().join("week.yaml").display().to_string();
    let second = b.path().join("week.yaml").display().to_string();
    assert!(
        err.contains(&format!(
            "{second}: the exercise id 'week' is also defined in {first}; rename one of them"
        )),
        "{err}"
    );
    // A copy of a bundled exercise in your folder points at --no-bundled.
    write(a.path(), "gd-one-step.yaml", MINE);
    let (code, _, err) = run(gbl().args(["list", "--exercises"]).arg(a.path()));
    assert_eq!(code, 2);
    assert!(
        err.contains("'gd-one-step' is also defined in exercises/gd-one-step.yaml")
            && err.contains("--no-bundled"),
        "{err}"
    );
    let (code, out, err) = run(gbl()
        .args([
            "check",
            "gd-one-step",
            "x1=2",
            "--no-bundled",
            "--exercises",
        ])
        .arg(a.path()));
    assert_eq!(code, 0, "your copy is used alone: {out}{err}");
}

#[test]
fn a_quiz_beside_the_exercises_breaks_nothing() {
    let a = tempfile::tempdir().unwrap();
    write(a.path(), "week.yaml", MINE);
    write(
        a.path(),
        "quiz.yaml",
        "format: 1\ntitle: Q\nsalt: s3cret\nexercises:\n  - {id: week, points: 2}\n  - {id: gd-one-step, points: 1}\n",
    );
    let (code, out, err) = run(gbl().args(["list", "--exercises"]).arg(a.path()));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("week") && !out.contains("quiz "), "{out}");
    let (code, out, err) = run(gbl().args(["validate"]).arg(a.path()));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 exercise files are valid"), "{out}");
    let (code, out, err) =
        run(gbl()
            .current_dir(a.path())
            .args(["validate", "quiz.yaml", "--exercises", "."]));
    assert_eq!(
        code, 0,
        "a quiz mixing bundled and own exercises: {out}{err}"
    );
}

#[test]
fn chapters_are_free_text_outside_the_bundled_book() {
    let a = tempfile::tempdir().unwrap();
    write(a.path(), "week.yaml", MINE);
    let (code, out, err) = run(gbl().args(["validate"]).arg(a.path()));
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("chapter"), "{out}");
}

/// The sample course in solutions/course (also graded by .ci/run): totals checked by hand in
/// the submissions' comments.
#[test]
fn the_sample_course_grades_as_hand_checked() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("solutions/course");
    let (code, out, err) = run(gbl()
        .arg("grade")
        .arg(root.join("quiz.yaml"))
        .arg(root.join("class"))
        .arg("--exercises")
        .arg(root.join("exercises"))
        .arg("--roster")
        .arg(root.join("roster.csv"))
        .arg("-q"));
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "student,score,max_score,week1-two-steps,gd-one-step,error\n\
         ada,4,4,2,2,\n\
         ben,2,4,1,1,\n\
         cy,0,4,0,0,missing: no submission\n"
    );
    let (code, out, err) = run(gbl()
        .arg("validate")
        .arg(root.join("quiz.yaml"))
        .arg("--exercises")
        .arg(root.join("exercises")));
    assert_eq!(code, 0, "{out}{err}");
}
