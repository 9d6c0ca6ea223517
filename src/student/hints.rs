//! `gbl hint`'s hints: the next one each time it is asked for the same exercise.
//!
//! How many hints each exercise has shown is kept in gbl's state folder (see
//! [`super::state`]); after the last hint, `gbl check` shows the exercise's answers.

use std::io::Write;

use serde_json::{Value, json};

use super::Student;
use super::state::{key, load as load_state, save as save_state};
use crate::check::Context;
use crate::exercise::load::Loaded;
use crate::exercise::prompt::fill;
use crate::style::Paint;

/// What `gbl hint` shows: the hints (numbered from 1) and a closing note.
pub(crate) struct Shown {
    /// The exercise.
    pub id: String,
    /// The hints shown now, each with its number (from 1).
    pub hints: Vec<(usize, String)>,
    /// How many hints the exercise has.
    pub of: usize,
    /// A closing note: the hints start again, there are none, that was the last.
    pub note: Option<String>,
}

/// The hints to show for `l` (the next one, or `all`), counted in the student's state; with
/// `reset`, none, and the count starts again (which hides the answers again).
pub(crate) fn hints(
    l: &Loaded,
    student: &Student,
    all: bool,
    reset: bool,
) -> anyhow::Result<Shown> {
    let k = key(&l.id, student.name());
    let hints = &l.exercise.hints;
    let mut state = load_state();
    let mut shown = Shown {
        id: l.id.clone(),
        hints: Vec::new(),
        of: hints.len(),
        note: None,
    };
    if reset {
        state.remove(&k);
        save_state(&state);
        shown.note = Some(format!(
            "hints for '{}' start again from the first, and its answers are hidden again",
            l.id
        ));
        return Ok(shown);
    }
    if hints.is_empty() {
        shown.note = Some(gbl_core::t!("hint-none", id = l.id));
        return Ok(shown);
    }
    let params = student.variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = |i: usize| {
        fill(&hints[i], &ctx.results)
            .unwrap_or_else(|_| hints[i].clone())
            .trim_end()
            .to_string()
    };
    let range = if all {
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
    Ok(shown)
}

impl Shown {
    /// `{"id", "hints": [{"n", "text"}], "of", "note"}`.
    pub(crate) fn json(&self) -> Value {
        let hints: Vec<Value> = self
            .hints
            .iter()
            .map(|(n, t)| json!({"n": n, "text": t}))
            .collect();
        json!({"id": self.id, "hints": hints, "of": self.of, "note": self.note})
    }

    /// Each hint as `hint 2/3: ...`, then the note.
    pub(crate) fn write_text(&self, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
        for (n, t) in &self.hints {
            writeln!(
                out,
                "{} {t}",
                paint.strong(&format!("hint {n}/{}:", self.of))
            )?;
        }
        if let Some(note) = &self.note {
            if self.hints.is_empty() {
                writeln!(out, "{note}")?;
            } else {
                writeln!(out, "{}", paint.dim(note))?;
            }
        }
        Ok(())
    }
}
