//! `gbl list`: every exercise with its chapter and, given answers, the student's progress
//! (done, started, not started), with the totals.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::ExerciseSource;
use super::student::{FileCheck, Student, StudentArgs, check_file};
use crate::cli::{Format, Outcome};
use crate::exercise::load::Loaded;
use crate::style::Paint;

/// Arguments of `gbl list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An answer file: show the progress in it (`--answers` alone, or ./answers.yaml when
    /// there is one, reads ./answers.yaml).
    #[arg(
        long,
        value_name = "FILE",
        num_args = 0..=1,
        default_missing_value = "answers.yaml"
    )]
    pub answers: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: the quiz's exercises, in that student's numbers and points.
    #[command(flatten)]
    pub student: StudentArgs,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// An exercise's progress: `done`, `started` or `not started`.
fn progress(fc: &FileCheck, i: usize) -> (&'static str, usize) {
    let e = &fc.report.exercises[i];
    let right = e
        .questions
        .iter()
        .filter(|q| q.status == crate::check::Status::Correct)
        .count();
    let p = if e.all_correct() {
        "done"
    } else if fc.answered[i] {
        "started"
    } else {
        "not started"
    };
    (p, right)
}

/// Runs `gbl list`.
pub fn run(mut args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if args.answers.is_none() && Path::new("answers.yaml").is_file() {
        args.answers = Some(PathBuf::from("answers.yaml"));
    }
    let exercises = args.source.load()?;
    let student = Student::new(&args.student, &exercises)?;
    let scope: Vec<&Loaded> = student.scope(&exercises);
    let fc = match &args.answers {
        Some(f) => Some(check_file(f, &exercises, &student)?),
        None => None,
    };
    if args.format == Format::Json {
        let items: Vec<serde_json::Value> = scope
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut v =
                    json!({"id": l.id, "title": l.exercise.title, "chapter": l.exercise.chapter});
                if let Some(fc) = &fc {
                    let e = &fc.report.exercises[i];
                    let (p, right) = progress(fc, i);
                    v["progress"] = json!(p);
                    v["right"] = json!(right);
                    v["questions"] = json!(e.questions.len());
                    v["score"] = json!(e.score);
                    v["max_score"] = json!(e.max_score);
                }
                v
            })
            .collect();
        let mut doc = json!({ "exercises": items });
        if let Some(fc) = &fc {
            doc["score"] = json!(fc.report.score);
            doc["max_score"] = json!(fc.report.max_score);
            doc["answered"] = json!(fc.answered_count());
            doc["fully_right"] = json!(fc.right_count());
            doc["problems"] = fc
                .problems
                .iter()
                .map(super::report::problem_json)
                .collect();
        }
        super::print_json(out, &doc)?;
    } else {
        write_text(&scope, fc.as_ref(), paint, out)?;
    }
    Ok(match &fc {
        Some(fc) => fc.outcome(),
        None => Outcome::Correct,
    })
}

fn write_text(
    scope: &[&Loaded],
    fc: Option<&FileCheck>,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let width = scope.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let mut chapter = String::new();
    for (i, l) in scope.iter().enumerate() {
        if l.exercise.chapter != chapter {
            chapter = l.exercise.chapter.clone();
            writeln!(out, "{}", paint.strong(&chapter))?;
        }
        let status = match fc {
            None => String::new(),
            Some(fc) => match progress(fc, i) {
                ("done", _) => paint.good("✓ done"),
                ("started", right) => paint.bad(&format!(
                    "✗ started: {right} of {} right",
                    fc.report.exercises[i].questions.len()
                )),
                _ => paint.dim("· not started"),
            },
        };
        writeln!(
            out,
            "  {:<width$}  {:<44}  {status}",
            l.id, l.exercise.title
        )?;
    }
    if let Some(fc) = fc {
        for d in &fc.problems {
            writeln!(out, "{} {d}", paint.bad("problem:"))?;
        }
        writeln!(
            out,
            "{}",
            paint.strong(&format!(
                "score {}/{} · {}",
                super::report::score(fc.report.score),
                super::report::score(fc.report.max_score),
                fc.summary()
            ))
        )?;
    }
    Ok(())
}
