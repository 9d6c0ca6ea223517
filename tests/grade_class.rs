#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! `gbl grade` over the sample class in `solutions/quiz/` and over hostile folders built here:
//! every student's total against a hand-computed expectation, and every kind of broken
//! submission graded 0 for what cannot be read, with the reason, while the batch goes on.

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

fn quiz() -> PathBuf {
    root().join("solutions/quiz/quiz.yaml")
}

/// (student, total, error column) from the CSV gradebook.
fn rows(csv: &[u8]) -> Vec<(String, f64, String)> {
    let mut r = csv::Reader::from_reader(csv);
    let headers = r.headers().unwrap().clone();
    let err = headers.iter().position(|h| h == "error").unwrap();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                rec[0].to_string(),
                rec[1].parse().unwrap(),
                rec[err].to_string(),
            )
        })
        .collect()
}

#[test]
fn every_student_of_the_sample_class_gets_the_hand_computed_total() {
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(root().join("solutions/quiz/class"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let rows = rows(&out.stdout);
    // Points: gd-one-step 2 (1 a question), chain-rule-x5 4 (1 each), gd-diverge 3 (1.5
    // each), gd-trace 2 (2/21 a line).
    let expected = [
        ("ada", 11.0),                                 // all right
        ("ben", 9.0),                                  // all right, but a single file has no trace
        ("cleo", 1.0 + 2.0 + 1.5 + 2.0 * 20.0 / 21.0), // x1, dy_dz, dy_dx, verdict wrong; 20 of 21 lines
        ("dan", 2.0),                                  // only gd-one-step
        ("eve", 0.0),                                  // malformed YAML
        ("finn", 0.0),                                 // empty
        ("gus", 6.0),             // right, but the trace path leaves the folder
        ("hana", 0.0),            // junk bytes
        ("ivy", 4.0 + 1.5),       // misspelt exercise and question ids
        ("jo", 1.0 + 2.0),        // grad and the trace right
        ("kai", 0.0),             // no answers.yaml
        ("lea", 1.0 + 1.0 + 3.0), // z, y and gd-diverge right
    ];
    assert_eq!(rows.len(), expected.len());
    for ((student, total, _), (want_student, want)) in rows.iter().zip(expected) {
        assert_eq!(student, want_student);
        assert!(
            (total - want).abs() < 1e-8,
            "{student}: {total}, expected {want}"
        );
    }
    let error = |s: &str| rows.iter().find(|r| r.0 == s).unwrap().2.clone();
    assert_eq!(error("ada"), "");
    assert_eq!(error("dan"), "");
    assert!(error("ben").contains("single-file submission has no trace files"));
    assert!(
        error("eve").starts_with("eve.yaml:3:14: "),
        "{}",
        error("eve")
    );
    assert_eq!(error("finn"), "finn.yaml: the answer file is empty");
    assert!(error("gus").contains("'../../etc/passwd' leaves the answer file's folder"));
    assert!(error("hana").contains("not UTF-8 text"));
    assert!(error("ivy").contains("ivy.yaml:2:13: gd-one-stp: there is no exercise"));
    assert!(error("ivy").contains("ivy.yaml:4:33: gd-diverge.x_3:"));
    assert_eq!(
        error("kai"),
        "no answers.yaml in the submission folder (it holds answer.yaml: name it answers.yaml)"
    );
    assert!(error("lea").starts_with("chain-rule-x5.dy_dx: 'abc' is not a number"));
}

#[test]
fn the_summary_names_the_common_mistakes_and_the_distribution() {
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(root().join("solutions/quiz/class"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains("12 submissions · mean 3.99/11 · median 4"),
        "{summary}"
    );
    // 0, 0, 0, 0 | 2 | 3 | 5 | 5.5, 6, 6.4 | 9 | 11
    assert!(summary.contains("[  0%,  10%)    4  #"), "{summary}");
    assert!(summary.contains("[ 50%,  60%)    3  #"), "{summary}");
    assert!(summary.contains("[ 90%, 100%]    1  #"), "{summary}");
    assert!(summary.contains("add-gradient ×3"), "{summary}");
    assert!(summary.contains("power-rule-factor ×2"), "{summary}");
    assert!(summary.contains("8 of 12 submissions have parts that could not be read"));
    // Each unreadable submission is listed with its reason.
    for line in [
        "  finn: finn.yaml: the answer file is empty",
        "  kai: no answers.yaml in the submission folder (it holds answer.yaml: name it answers.yaml)",
        "  gus: gd-trace.trace: '../../etc/passwd' leaves the answer file's folder; name a file inside it",
    ] {
        assert!(
            summary.contains(&format!("{line}\n")),
            "{line} in:\n{summary}"
        );
    }
    // One trace with some lines right is partial credit, not simply wrong.
    assert!(
        summary.contains("gd-trace.trace          2/12    16%  1 partly right  7 unanswered"),
        "{summary}"
    );
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[cfg(unix)]
#[test]
fn links_huge_files_and_duplicates_never_stop_the_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("class");
    let secret = tmp.path().join("secret.txt");
    std::fs::write(&secret, "gd-one-step: {grad: 0.6, x1: 2.4}\n").unwrap();
    // A link to an answer file outside the folder.
    std::fs::create_dir_all(&class).unwrap();
    std::os::unix::fs::symlink(&secret, class.join("link.yaml")).unwrap();
    // A folder whose trace is a link leading out of it.
    write(
        &class,
        "tracer/answers.yaml",
        "gd-trace: {trace: out.txt}\n",
    );
    std::os::unix::fs::symlink(&secret, class.join("tracer/out.txt")).unwrap();
    // A folder whose answers.yaml is itself a link.
    std::fs::create_dir_all(class.join("linked")).unwrap();
    std::os::unix::fs::symlink(&secret, class.join("linked/answers.yaml")).unwrap();
    // A 1 GB answer file (sparse: it takes no room on disk).
    let huge = std::fs::File::create(class.join("huge.yaml")).unwrap();
    huge.set_len(1 << 30).unwrap();
    // Two submissions with one name, a right one, and files that are not submissions.
    write(&class, "twice.yaml", "gd-one-step: {grad: 0.6, x1: 2.4}\n");
    write(
        &class,
        "twice/answers.yaml",
        "gd-one-step: {grad: 0.6, x1: 2.4}\n",
    );
    write(&class, "right.yaml", "gd-one-step: {grad: 0.6, x1: 2.4}\n");
    write(&class, "notes.txt", "not a submission\n");
    write(
        &class,
        ".hidden.yaml",
        "gd-one-step: {grad: 0.6, x1: 2.4}\n",
    );
    let q = tmp.path().join("quiz.yaml");
    std::fs::write(
        &q,
        "format: 1\ntitle: T\nexercises:\n  - {id: gd-one-step, points: 2}\n  - {id: gd-trace, points: 1}\n",
    )
    .unwrap();
    let out = gbl()
        .arg("grade")
        .arg(&q)
        .arg(&class)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let rows = rows(&out.stdout);
    let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        names,
        ["huge", "link", "linked", "right", "tracer", "twice"]
    );
    let row = |s: &str| rows.iter().find(|r| r.0 == s).unwrap().clone();
    assert_eq!(row("right").1, 2.0);
    assert!(
        row("huge").2.contains("larger than 1048576 bytes"),
        "{:?}",
        row("huge")
    );
    assert!(
        row("link").2.contains("is a symbolic link"),
        "{:?}",
        row("link")
    );
    assert!(
        row("linked").2.contains("is a symbolic link"),
        "{:?}",
        row("linked")
    );
    assert!(
        row("tracer").2.contains("leads outside"),
        "{:?}",
        row("tracer")
    );
    assert!(
        row("twice").2.contains("2 submissions for 'twice'"),
        "{:?}",
        row("twice")
    );
    for s in ["huge", "link", "linked", "tracer", "twice"] {
        assert_eq!(row(s).1, 0.0, "{s}");
    }
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains("not submissions, ignored: notes.txt"),
        "{summary}"
    );
}

#[test]
fn an_unusable_quiz_or_path_exits_2_with_the_position() {
    let tmp = tempfile::tempdir().unwrap();
    let q = tmp.path().join("quiz.yaml");
    std::fs::write(
        &q,
        "format: 1\ntitle: T\nexercises:\n  - {id: nope, points: 1}\n",
    )
    .unwrap();
    let class = root().join("solutions/quiz/class");
    let err = gbl()
        .arg("grade")
        .arg(&q)
        .arg(&class)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(err.stderr).unwrap();
    assert!(
        err.contains("quiz.yaml:4:6: exercises[0].id: there is no exercise 'nope'"),
        "{err}"
    );
    std::fs::write(&q, "format: 1\ntitle: T\nexercises: []\npoints: 3\n").unwrap();
    let err = gbl()
        .arg("grade")
        .arg(&q)
        .arg(&class)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(err.stderr).unwrap();
    assert!(
        err.contains("quiz.yaml:4:1: unknown field `points`"),
        "{err}"
    );
    gbl()
        .arg("grade")
        .arg(quiz())
        .arg(tmp.path().join("nowhere"))
        .assert()
        .code(2);
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    gbl().arg("grade").arg(quiz()).arg(&empty).assert().code(2);
}

#[test]
fn an_all_right_class_exits_0_and_the_gradebook_file_is_written_atomically() {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("class");
    write(&class, "a.yaml", "gd-one-step: {grad: 0.6, x1: 2.4}\n");
    write(
        &class,
        "b/answers.yaml",
        "gd-one-step: {grad: 3/5, x1: 12/5}\n",
    );
    let q = tmp.path().join("quiz.yaml");
    std::fs::write(
        &q,
        "format: 1\ntitle: T\nexercises: [{id: gd-one-step, points: 3}]\n",
    )
    .unwrap();
    let book = tmp.path().join("grades.csv");
    std::fs::write(&book, "the last good gradebook\n").unwrap();
    let out = gbl()
        .arg("grade")
        .arg(&q)
        .arg(&class)
        .arg("-o")
        .arg(&book)
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_eq!(
        std::fs::read_to_string(&book).unwrap(),
        "student,score,max_score,gd-one-step,error\na,3,3,3,\nb,3,3,3,\n"
    );
    // With -o, the summary is on standard output; no temporary file is left behind.
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("2 submissions")
    );
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(left.len(), 3);
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("class");
    write(
        &class,
        "=HYPERLINK(\"evil\",\"x\").yaml",
        "gd-one-step: {x1: 1}\n",
    );
    write(&class, "+sum.yaml", "gd-one-step: {x1: 1}\n");
    write(&class, "-minus.yaml", "{{{\n");
    write(&class, "plain.yaml", "gd-one-step: {x1: 1}\n");
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(&class)
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let mut students: Vec<String> = rows(&out.stdout).into_iter().map(|r| r.0).collect();
    students.sort();
    assert_eq!(
        students,
        ["'+sum", "'-minus", "'=HYPERLINK(\"evil\",\"x\")", "plain"]
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        let first = line.trim_start_matches('"');
        assert!(!first.starts_with(['=', '+', '-', '@']), "{line}");
        // The error cell starts after the last comma-separated score.
        for cell in line.split(',') {
            assert!(
                !cell.trim_start_matches('"').starts_with(['=', '+', '@']),
                "{line}"
            );
        }
    }
}

#[test]
fn a_roster_puts_every_student_in_the_gradebook() {
    let tmp = tempfile::tempdir().unwrap();
    let roster = tmp.path().join("roster.csv");
    std::fs::write(
        &roster,
        "key,name,email\nada,Ada Lovelace,ada@uni.edu\ncleo,Cleo,cleo@uni.edu\nzoe,Zoe,zoe@uni.edu\n",
    )
    .unwrap();
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(root().join("solutions/quiz/class"))
        .arg("--roster")
        .arg(&roster)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r = rows(&out.stdout);
    assert_eq!(r.len(), 13, "12 submissions and zoe");
    assert_eq!(
        r.last().unwrap(),
        &("zoe".to_string(), 0.0, "missing: no submission".to_string())
    );
    // ada and cleo as without a roster (hand-checked in the golden tests).
    assert!(r.contains(&("ada".to_string(), 11.0, String::new())));
    let summary = String::from_utf8(out.stderr).unwrap();
    for line in [
        "13 students (1 without a submission) · mean 3.68/11",
        "8 of 12 submissions have parts that could not be read",
        "1 of 3 students on the roster handed in nothing: zoe\n",
        "not on the roster, graded anyway: ben, dan, eve, finn, gus, hana, ivy, jo, kai, lea\n",
    ] {
        assert!(summary.contains(line), "{line} in:\n{summary}");
    }
    assert!(
        !summary.contains("  zoe:"),
        "missing is not unreadable: {summary}"
    );
    // A student twice on the roster is an error at its line; nothing is graded.
    std::fs::write(&roster, "ada\ncleo\nada\n").unwrap();
    let out = gbl()
        .arg("grade")
        .arg(quiz())
        .arg(root().join("solutions/quiz/class"))
        .arg("--roster")
        .arg(&roster)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("roster.csv:3: the student 'ada' is on the roster twice")
    );
}
