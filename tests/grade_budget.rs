#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! One student never costs the class: each submission's reading is under one budget, and
//! the file that would exceed it is an error in that student's row while the rest is graded.

use std::path::PathBuf;

use gbl::exercise::load::{Origin, Source, load_all};
use gbl::grade::submission::{Kind, Submission};
use gbl::grade::{Setup, grade_one, quiz};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_trace_that_would_exceed_the_submission_budget_is_refused_alone() {
    let (all, bad) = load_all(&Origin::bundled());
    assert!(bad.is_empty());
    let q = quiz::parse(Source {
        name: "q.yaml".into(),
        text: "format: 1\ntitle: T\nexercises:\n  - {id: gd-trace, points: 1}\n  - {id: mv-trace, points: 1}\n".into(),
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answers = "gd-trace: {trace: gd.txt}\nmv-trace: {trace: mv.txt}\n";
    std::fs::write(dir.path().join("answers.yaml"), answers).unwrap();
    let gd = std::fs::read(root().join("tests/fixtures/lecture/gd-trace.txt")).unwrap();
    let mv = std::fs::read(root().join("tests/fixtures/lecture/mv-trace.txt")).unwrap();
    std::fs::write(dir.path().join("gd.txt"), &gd).unwrap();
    std::fs::write(dir.path().join("mv.txt"), &mv).unwrap();
    let sub = Submission {
        student: "ada".into(),
        answers: dir.path().join("answers.yaml"),
        shown: "ada/answers.yaml".into(),
        kind: Kind::Folder,
        problem: None,
    };
    let mut setup = Setup::new(&q.quiz, &all).unwrap();

    // With the default budget both traces are read, and both are right.
    let g = grade_one(&sub, &setup);
    assert_eq!(g.problems, Vec::<String>::new());
    assert_eq!(g.score, 2.0);

    // A budget that holds the answer file and the first trace only.
    let budget = (answers.len() + gd.len() + mv.len() - 1) as u64;
    setup.submission_bytes = budget;
    let g = grade_one(&sub, &setup);
    assert_eq!(g.score, 1.0);
    assert_eq!(
        g.problems,
        vec![format!(
            "mv-trace.trace: cannot read 'mv.txt': it would take the files read together over {budget} bytes, the budget of one submission"
        )]
    );

    // A line budget that holds the first trace only: the second is not judged.
    setup.submission_bytes = gbl::grade::budget::SUBMISSION_BYTES;
    let gd_lines = String::from_utf8(gd).unwrap().lines().count();
    let mv_lines = String::from_utf8(mv).unwrap().lines().count();
    setup.trace_lines = gd_lines;
    let g = grade_one(&sub, &setup);
    assert_eq!(g.score, 1.0);
    assert_eq!(
        g.problems,
        vec![format!(
            "mv-trace.trace: 'mv.txt' has {mv_lines} lines: the traces of one submission may hold {gd_lines} lines together, and 0 are left"
        )]
    );
}
