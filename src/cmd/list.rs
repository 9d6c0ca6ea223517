//! `gbl list`: every exercise with its chapter and, given answers, whether it passes.

use std::io::Write;
use std::path::PathBuf;

use super::ExerciseSource;
use crate::check::answers;
use crate::cli::Outcome;
use crate::style::Paint;

/// Arguments of `gbl list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An answer file: show which exercises it gets right.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl list`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = args.source.load()?;
    let parsed = match &args.answers {
        Some(f) => Some(
            answers::read(f, &exercises)
                .map_err(|ds| crate::exercise::load::diagnostics_error(&ds))?,
        ),
        None => None,
    };
    // Chapters in book order, exercises by id within each.
    let mut order: Vec<&crate::exercise::load::Loaded> = exercises.iter().collect();
    let rank = |c: &str| {
        crate::exercise::validate::CHAPTERS
            .iter()
            .position(|x| *x == c)
            .unwrap_or(99)
    };
    order.sort_by(|a, b| {
        rank(&a.exercise.chapter)
            .cmp(&rank(&b.exercise.chapter))
            .then(a.id.cmp(&b.id))
    });
    let width = order.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let mut all_pass = true;
    let mut chapter = String::new();
    for l in order {
        if l.exercise.chapter != chapter {
            chapter = l.exercise.chapter.clone();
            writeln!(out, "{}", paint.strong(&chapter))?;
        }
        let status = match &parsed {
            None => String::new(),
            Some(p) => match p.answers.get(&l.id) {
                None => {
                    all_pass = false;
                    paint.dim("· not attempted")
                }
                Some(given) => {
                    let r = super::check::check_one(l, given, false)?;
                    let right = r
                        .questions
                        .iter()
                        .filter(|q| q.status == crate::check::Status::Correct)
                        .count();
                    if r.all_correct() {
                        paint.good("✓ passes")
                    } else {
                        all_pass = false;
                        paint.bad(&format!("✗ {right} of {} right", r.questions.len()))
                    }
                }
            },
        };
        writeln!(
            out,
            "  {:<width$}  {:<44}  {status}",
            l.id, l.exercise.title
        )?;
    }
    Ok(if parsed.is_some() && !all_pass {
        Outcome::Wrong
    } else {
        Outcome::Correct
    })
}
