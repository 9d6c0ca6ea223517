#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly
#![cfg(unix)]

//! Hostile files: FIFOs and other special files where gbl expects a regular file, output
//! paths that are links or devices, and a reader that goes away. Each is a clear error for
//! that one file (or submission), never a hang, and the exit code stays the one the work
//! earned.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

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

fn quiz() -> PathBuf {
    root().join("solutions/quiz/quiz.yaml")
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// A class of one good student, `ada`, plus whatever `setup` adds.
fn class(setup: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    std::fs::write(
        class.join("ada.yaml"),
        "gd-one-step: {grad: 0.6, x1: 2.4}\n",
    )
    .unwrap();
    setup(&class);
    dir
}

fn csv_row<'a>(csv: &'a str, student: &str) -> &'a str {
    csv.lines()
        .find(|l| l.starts_with(&format!("{student},")))
        .unwrap_or_else(|| panic!("no row for {student} in\n{csv}"))
}

#[test]
fn fifos_as_answer_files_and_traces_cost_only_their_own_row() {
    let dir = class(|c| {
        mkfifo(&c.join("zed.yaml"));
        std::fs::create_dir(c.join("yan")).unwrap();
        mkfifo(&c.join("yan/answers.yaml"));
        std::fs::create_dir(c.join("xia")).unwrap();
        std::fs::write(c.join("xia/answers.yaml"), "gd-trace: {trace: out.txt}\n").unwrap();
        mkfifo(&c.join("xia/out.txt"));
    });
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(dir.path().join("class"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv_row(&csv, "zed")
            .ends_with("\"cannot read zed.yaml: it is a FIFO (named pipe), not a regular file\""),
        "{csv}"
    );
    assert!(
        csv_row(&csv, "yan").ends_with(
            "\"cannot read yan/answers.yaml: it is a FIFO (named pipe), not a regular file\""
        ),
        "{csv}"
    );
    assert!(
        csv_row(&csv, "xia").contains("cannot read 'out.txt': it is a FIFO (named pipe)"),
        "{csv}"
    );
    // The good student is graded as usual, next to them.
    assert!(csv_row(&csv, "ada").starts_with("ada,"), "{csv}");
}

#[test]
fn a_fifo_given_to_trace_answers_or_quiz_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec![
            "check".into(),
            "gd-trace".into(),
            "--trace".into(),
            fifo.clone().into(),
        ],
        vec!["check".into(), "--answers".into(), fifo.clone().into()],
        vec![
            "grade".into(),
            fifo.clone().into(),
            root().join("solutions/quiz/class").into(),
        ],
    ];
    for args in cases {
        let out = gbl().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("it is a FIFO (named pipe), not a regular file"),
            "{args:?}: {stderr}"
        );
        // Only --trace has a way to read a pipe, and says it.
        assert_eq!(
            stderr.contains("(to read what a program pipes in, write --trace -)"),
            args[0] == "check" && args[2] == "--trace",
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_fifo_in_the_exercise_folder_is_named_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("exercises/gd-one-step.yaml"),
        dir.path().join("gd-one-step.yaml"),
    )
    .unwrap();
    mkfifo(&dir.path().join("stuck.yaml"));
    let out = gbl().arg("validate").arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_ne!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("stuck.yaml: cannot read it: it is a FIFO"),
        "{stdout}{stderr}"
    );
}

fn grade_to(output: &Path) -> std::process::Output {
    gbl()
        .arg("grade")
        .arg(quiz())
        .arg(root().join("solutions/quiz/class"))
        .arg("-o")
        .arg(output)
        .output()
        .unwrap()
}

#[test]
fn the_gradebook_replaces_neither_a_link_nor_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let link = dir.path().join("grades.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let out = grade_to(&link);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("it is a symbolic link; gbl only replaces regular files"),
        "{stderr}"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");

    let fifo = dir.path().join("fifo.csv");
    mkfifo(&fifo);
    let out = grade_to(&fifo);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("it is a FIFO (named pipe)"), "{stderr}");
}

#[test]
fn a_private_gradebook_stays_private() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("grades.csv");
    std::fs::write(&book, "old").unwrap();
    std::fs::set_permissions(&book, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = grade_to(&book);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let meta = std::fs::metadata(&book).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(&book)
            .unwrap()
            .starts_with("student,")
    );
}

#[test]
fn dash_is_standard_output() {
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(root().join("solutions/quiz/class"))
        .args(["-o", "-", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("student,score,"));
}

#[test]
fn a_gradebook_inside_the_submissions_folder_is_refused() {
    let dir = class(|_| {});
    let inside = dir.path().join("class/grades.yaml");
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(dir.path().join("class"))
        .arg("-o")
        .arg(&inside)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("it is inside the submissions folder"),
        "{stderr}"
    );
    assert!(!inside.exists());
}

/// Runs gbl with a standard output whose reader has already gone away.
fn exit_code_into_a_closed_pipe(args: &[&std::ffi::OsStr]) -> Option<i32> {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gbl"))
        .env("NO_COLOR", "1")
        .env_remove("GBL_EXERCISES")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    child.wait().unwrap().code()
}

#[test]
fn a_closed_pipe_keeps_the_exit_code_the_work_earned() {
    let q = quiz();
    let class = root().join("solutions/quiz/class");
    assert_eq!(
        exit_code_into_a_closed_pipe(&[
            "grade".as_ref(),
            q.as_os_str(),
            class.as_os_str(),
            "--quiet".as_ref()
        ]),
        Some(1)
    );
    assert_eq!(
        exit_code_into_a_closed_pipe(&["check".as_ref(), "gd-one-step".as_ref(), "x1=9".as_ref()]),
        Some(1)
    );
    assert_eq!(
        exit_code_into_a_closed_pipe(&[
            "check".as_ref(),
            "gd-one-step".as_ref(),
            "x1=2.4".as_ref(),
            "grad=0.6".as_ref()
        ]),
        Some(0)
    );
}

#[test]
fn names_that_are_not_utf8_stay_two_students_and_macos_litter_is_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = class(|c| {
        let one = "gd-one-step: {grad: 0.6}\n";
        for raw in [&b"b\xff.yaml"[..], &b"b\xfe.yaml"[..]] {
            std::fs::write(c.join(std::ffi::OsStr::from_bytes(raw)), one).unwrap();
        }
        std::fs::create_dir(c.join("__MACOSX")).unwrap();
        std::fs::write(c.join("__MACOSX/ada.yaml"), "junk: [").unwrap();
    });
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(dir.path().join("class"))
        .arg("--quiet")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let csv = String::from_utf8(out.stdout).unwrap();
    let students: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(students, ["ada", "b\\xfe", "b\\xff"], "{csv}");
    assert!(!csv.contains("submissions for"), "{csv}");
    assert!(!csv.contains("MACOSX"), "{csv}");
}
