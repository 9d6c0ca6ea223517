//! `gbl hint ID`: the next hint each time it is asked for the same exercise.
//!
//! How many hints each exercise has shown is kept in gbl's state folder (see
//! [`super::state`]); after the last hint, `gbl check` shows the exercise's answers.

use std::io::Write;

use super::ExerciseSource;
use super::state::{key, load as load_state, save as save_state};
use super::student::{Student, StudentArgs};
use crate::check::Context;
use crate::cli::{Format, Outcome};
use crate::exercise::prompt::fill;
use crate::style::Paint;

/// Arguments of `gbl hint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exercise.
    pub id: String,
    /// Show every hint at once.
    #[arg(long)]
    pub all: bool,
    /// Start again from the first hint.
    #[arg(long, conflicts_with = "all")]
    pub reset: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: hints with that student's numbers.
    #[command(flatten)]
    pub student: StudentArgs,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// What `gbl hint` shows: the hints (numbered from 1) and a closing note.
struct Shown {
    id: String,
    hints: Vec<(usize, String)>,
    of: usize,
    note: Option<String>,
}

/// Runs `gbl hint`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = match args.student.quiz {
        Some(_) => args.source.load()?,
        None => args.source.load_one(&args.id)?,
    };
    let l = super::find(&exercises, &args.id)?;
    let student = Student::new(&args.student, &exercises)?;
    let k = key(&l.id, student.name());
    let hints = &l.exercise.hints;
    let mut state = load_state();
    let mut shown = Shown {
        id: l.id.clone(),
        hints: Vec::new(),
        of: hints.len(),
        note: None,
    };
    if args.reset {
        state.remove(&k);
        save_state(&state);
        shown.note = Some(format!(
            "hints for '{}' start again from the first, and its answers are hidden again",
            l.id
        ));
        return write(&shown, args.format, paint, out);
    }
    if hints.is_empty() {
        shown.note = Some(format!("'{}' has no hints; try 'gbl solve {}'", l.id, l.id));
        return write(&shown, args.format, paint, out);
    }
    let params = student.variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = |i: usize| {
        fill(&hints[i], &ctx.results)
            .unwrap_or_else(|_| hints[i].clone())
            .trim_end()
            .to_string()
    };
    let range = if args.all {
        0..hints.len()
    } else {
        let i = state.get(&k).copied().unwrap_or(0).min(hints.len() - 1);
        i..i + 1
    };
    shown.hints = range.clone().map(|i| (i + 1, text(i))).collect();
    if range.end == hints.len() {
        shown.note = Some(if student.may_reveal() {
            format!(
                "that was the last hint; 'gbl check' now shows the answers, and 'gbl solve {}' a worked solution",
                l.id
            )
        } else {
            "that was the last hint".to_string()
        });
    }
    state.insert(k, range.end);
    save_state(&state);
    write(&shown, args.format, paint, out)
}

fn write(s: &Shown, format: Format, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if format == Format::Json {
        let hints: Vec<serde_json::Value> = s
            .hints
            .iter()
            .map(|(n, t)| serde_json::json!({"n": n, "text": t}))
            .collect();
        super::print_json(
            out,
            &serde_json::json!({"id": s.id, "hints": hints, "of": s.of, "note": s.note}),
        )?;
        return Ok(Outcome::Correct);
    }
    for (n, t) in &s.hints {
        writeln!(out, "{} {t}", paint.strong(&format!("hint {n}/{}:", s.of)))?;
    }
    if let Some(note) = &s.note {
        if s.hints.is_empty() {
            writeln!(out, "{note}")?;
        } else {
            writeln!(out, "{}", paint.dim(note))?;
        }
    }
    Ok(Outcome::Correct)
}
