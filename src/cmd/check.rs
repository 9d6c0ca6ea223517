//! `gbl check`: check answers given on the command line, a trace, or an answer file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::{ExerciseSource, Format, Outcome, ParamsArg, StudentArgs};
use crate::check::render;
use crate::check::{Report, Status};
use crate::exercise::catalog::find;
use crate::exercise::model::Question;
use crate::render::json::print_json;
use crate::student::answer_file::check_file;
use crate::student::given::{add_trace, cli_answers};
use crate::student::render as file_render;
use crate::style::Paint;
use gbl_core::t;

/// Arguments of `gbl check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The exercise to check (not needed with --answers).
    pub id: Option<String>,
    /// Answers as QUESTION=VALUE, e.g. x1=2.4 grad=0.6 df="(x-2)/5" verdict=diverges.
    #[arg(value_name = "QUESTION=VALUE")]
    pub answers: Vec<String>,
    /// An answer file (exercise id → question id → answer) to check in full; `--answers`
    /// alone, or `gbl check` with no exercise, reads ./answers.yaml.
    #[arg(
        long = "answers",
        value_name = "FILE",
        conflicts_with = "trace",
        num_args = 0..=1,
        default_missing_value = "answers.yaml"
    )]
    pub answer_file: Option<PathBuf>,
    /// A file with what your program printed, for the exercise's trace question; `-` reads
    /// standard input (python3 gd.py | gbl check gd-trace --trace -).
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Show the answer of every question that is not right (otherwise shown only after
    /// 'gbl solve' or the last hint).
    #[arg(long)]
    pub reveal: bool,
    /// A quiz and a student: that student's numbers, the quiz's exercises and points.
    #[command(flatten)]
    pub student: StudentArgs,
    /// One variant by its numbers (with an exercise id).
    #[command(flatten)]
    pub params: ParamsArg,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl check`.
pub(crate) fn run(mut args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // `gbl check` alone checks ./answers.yaml when there is one.
    if args.id.is_none() && args.answer_file.is_none() && Path::new("answers.yaml").is_file() {
        args.answer_file = Some(PathBuf::from("answers.yaml"));
    }
    let exercises = match (&args.answer_file, &args.id, &args.student.quiz) {
        (None, Some(id), None) => args.source.load_one(id)?,
        _ => args.source.load()?,
    };
    if args.params.params.is_some() && args.answer_file.is_some() {
        bail!(t!("cli-check-params-with-answers"));
    }
    let student = args.student.student_with(&exercises, &args.params)?;
    student.allow_reveal(args.reveal)?;
    let reveal = student.revealer(&exercises, args.reveal);
    let report = match (&args.answer_file, &args.id) {
        (Some(file), None) => {
            if !args.answers.is_empty() {
                bail!(t!("cli-check-answers-twice"));
            }
            let fc = check_file(file, &exercises, &student)?;
            match args.format {
                Format::Json => print_json(out, &file_render::json(&fc, &reveal))?,
                Format::Text => file_render::text(&fc, &reveal, paint, out)?,
            }
            return Ok(Outcome::of(fc.all_right()));
        }
        (Some(_), Some(_)) => {
            bail!(t!("cli-check-answers-with-id"))
        }
        (None, None) => {
            bail!(t!("cli-check-nothing"))
        }
        (None, Some(id)) => {
            let l = find(&exercises, id)?;
            let mut given = cli_answers(l, &args.answers)?;
            if let Some(trace) = &args.trace {
                add_trace(l, &mut given, trace)?;
            }
            if given.is_empty() {
                let ids = l
                    .exercise
                    .questions
                    .iter()
                    .map(Question::id)
                    .collect::<Vec<_>>()
                    .join(", ");
                bail!(t!("cli-check-no-answers", id = l.id, ids = ids));
            }
            // Every question counts: one left out is reported as not answered.
            let r = Report::new(vec![student.check(l, &given)?]);
            for q in r
                .exercises
                .iter()
                .flat_map(|e| &e.questions)
                .filter(|q| q.status == Status::Invalid)
            {
                eprintln!("{}: {}: {}", gbl_core::t!("cli-error"), q.id, q.feedback);
            }
            r
        }
    };
    match args.format {
        Format::Json => print_json(out, &render::json(&report, &reveal))?,
        Format::Text => render::text(&report, &reveal, paint, out)?,
    }
    Ok(outcome(&report))
}

/// 0 all correct, 1 something wrong or missing, 2 an answer that is not an answer.
pub(crate) fn outcome(r: &Report) -> Outcome {
    let statuses = r
        .exercises
        .iter()
        .flat_map(|e| e.questions.iter().map(|q| q.status));
    let mut outcome = Outcome::Correct;
    for s in statuses {
        match s {
            Status::Invalid => return Outcome::Invalid,
            Status::Wrong | Status::Missing => outcome = Outcome::Wrong,
            Status::Correct => {}
        }
    }
    outcome
}
