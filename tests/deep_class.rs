//! A class folder nested deeper than `PATH_MAX` (4,096 bytes of absolute path) grades as it
//! does anywhere else: its traces are read, the gradebook is written, and a gradebook inside
//! the submissions folder is still refused. (Linux: the folders are made with a shell's
//! `cd`, one level at a time.)
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

/// Runs `script` in bash from `start`, with `$GBL` and `$QUIZ` set.
fn bash(start: &Path, script: &str) -> std::process::Output {
    let quiz = Path::new(env!("CARGO_MANIFEST_DIR")).join("solutions/quiz");
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(start)
        .env("GBL", env!("CARGO_BIN_EXE_gbl"))
        .env("QUIZ", quiz)
        .output()
        .expect("bash runs")
}

/// Goes 25 levels of 200-character folders down (5,000 bytes), then runs `then`.
fn deep(then: &str) -> String {
    format!(
        "set -e; n=$(printf 'd%.0s' $(seq 200)); \
         for i in $(seq 25); do mkdir \"$n\"; cd \"$n\"; done; \
         test \"$(pwd | wc -c)\" -gt 4096; \
         cp \"$QUIZ/quiz.yaml\" .; mkdir class; cp -r \"$QUIZ/class/ada\" class/; \
         {then}"
    )
}

#[test]
fn a_class_deeper_than_path_max_grades_like_a_shallow_one() {
    let grade = "\"$GBL\" grade quiz.yaml class -o grades.csv --color never -q; cat grades.csv";
    let root = tempfile::tempdir().expect("temp dir");
    let shallow = bash(
        root.path(),
        "set -e; cp \"$QUIZ/quiz.yaml\" .; mkdir class; cp -r \"$QUIZ/class/ada\" class/; \
         \"$GBL\" grade quiz.yaml class -o grades.csv --color never -q; cat grades.csv",
    );
    let deep_root = tempfile::tempdir().expect("temp dir");
    let deep = bash(deep_root.path(), &deep(grade));
    assert!(
        deep.status.success(),
        "{}",
        String::from_utf8_lossy(&deep.stderr)
    );
    let deep_csv = String::from_utf8_lossy(&deep.stdout);
    assert_eq!(deep_csv, String::from_utf8_lossy(&shallow.stdout));
    // ada's answers are all right, her trace included (2 points of 2).
    assert!(
        deep_csv.lines().any(|l| l == "ada,11,11,2,4,3,2,"),
        "{deep_csv}"
    );
}

#[test]
fn a_gradebook_inside_a_deep_class_is_still_refused() {
    let root = tempfile::tempdir().expect("temp dir");
    let out = bash(
        root.path(),
        &deep("\"$GBL\" grade quiz.yaml class -o class/g.csv --color never -q"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "cannot write the gradebook class/g.csv: it is inside the submissions folder class"
        ),
        "{err}"
    );
}
