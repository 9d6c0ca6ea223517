//! `gbl solve`'s worked solution: the author's text, if any, and the engine's steps, with the
//! student's numbers. Asking for it reveals the exercise's answers (see [`super::state`]);
//! a quiz may close solutions (`solutions: false`).

use std::io::Write;

use serde_json::{Value, json};

use super::{Student, state};
use crate::exercise::compute::{Slip, compute};
use crate::exercise::load::Loaded;
use crate::exercise::prompt::fill;
use crate::style::Paint;
use gbl_core::t;

/// A worked solution.
pub(crate) struct Solution {
    /// The exercise.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The author's solution, numbers filled in.
    pub authored: Option<String>,
    /// The engine's steps, one line each (a line ending in `:` heads a part).
    pub lines: Vec<String>,
}

/// The worked solution of `l` for `student`, which from now on reveals its answers.
pub(crate) fn solution(l: &Loaded, student: &Student) -> anyhow::Result<Solution> {
    if let Some(q) = student.quiz()
        && !q.quiz.solutions
    {
        anyhow::bail!(t!("cli-quiz-no-solution", quiz = q.source.name, id = l.id));
    }
    let params = student.variant.params(l)?;
    let results = compute(&l.exercise, &params, Slip::None)
        .map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    state::reveal(l, student.name());
    let lines = crate::solve::worked(&l.exercise, &results);
    let authored = match &l.exercise.solution {
        Some(text) => Some(
            fill(text, &results)
                .map_err(|e| anyhow::anyhow!("{}: solution: {e}", l.source.name))?,
        ),
        None => None,
    };
    Ok(Solution {
        id: l.id.clone(),
        title: l.exercise.title.clone(),
        authored,
        lines,
    })
}

impl Solution {
    /// `{"id", "title", "solution", "lines"}` (`solution`: the author's, or null).
    pub(crate) fn json(&self) -> Value {
        json!({"id": self.id, "title": self.title, "solution": self.authored, "lines": self.lines})
    }

    /// The title, the author's solution, then the steps (a part's heading in bold).
    pub(crate) fn write_text(&self, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{}  {}",
            paint.strong(&self.title),
            paint.dim(&format!("({})", self.id))
        )?;
        if let Some(text) = &self.authored {
            for line in text.trim_end().lines() {
                writeln!(out, "  {line}")?;
            }
            writeln!(out, "  {}", paint.strong(&t!("cli-solve-steps")))?;
        }
        for line in &self.lines {
            let styled = if line.ends_with(':') {
                paint.strong(line)
            } else {
                line.clone()
            };
            writeln!(out, "  {styled}")?;
        }
        Ok(())
    }
}
