//! Rendering the reference output of a run from Python format templates, exactly as a
//! Python program that prints with those f-strings would print it.
//!
//! A header template is printed once with the start point; the step template after each
//! update i = 1..N, with the point after the update, `y` = f there, and `grad` (or
//! `grad_VAR`, `dy_dVAR`, `df_dVAR`) = the gradient that the update used, i.e. the one at the
//! point before it, as in the lecture's programs; a footer template once at the end, with the
//! last point. Each template is one `print()`: its text plus a new line, so a template with
//! `\n` inside prints several lines and one ending in `\n` prints an empty line after it.

use crate::engine::PyNum;
use crate::engine::descent::Run;
use crate::pyfmt::{Template, TemplateError};

/// The values a template can name at one step of a run.
pub struct StepFields<'a> {
    run: &'a Run,
}

impl<'a> StepFields<'a> {
    /// Fields over a recorded run.
    pub fn new(run: &'a Run) -> StepFields<'a> {
        StepFields { run }
    }

    /// The number of updates recorded.
    pub fn updates(&self) -> usize {
        self.run.len().saturating_sub(1)
    }

    /// The value of `name` for the line printed after update `i` (0: before any update).
    pub fn lookup(&self, i: usize, name: &str) -> Option<PyNum> {
        let run = self.run;
        let grad_step = i.saturating_sub(1);
        let grad_of = |var: &str| run.var_index(var).map(|k| run.gradient(grad_step)[k]);
        match name {
            "i" => i64::try_from(i).ok().map(PyNum::Int),
            "lr" => Some(run.lr),
            "y" | "f" => Some(run.value(i)),
            "grad" | "dy_dx" | "df_dx" | "g" if run.vars.len() == 1 => {
                Some(run.gradient(grad_step)[0])
            }
            _ => {
                if let Some(k) = run.var_index(name) {
                    return Some(run.point(i)[k]);
                }
                ["grad_", "dy_d", "df_d", "g_"]
                    .iter()
                    .find_map(|p| name.strip_prefix(p))
                    .and_then(grad_of)
            }
        }
    }

    /// The names a template may use, for error messages.
    pub fn names(&self) -> Vec<String> {
        let mut out = vec!["i".to_string()];
        out.extend(self.run.vars.iter().cloned());
        out.push("y".into());
        if self.run.vars.len() == 1 {
            out.push("grad".into());
        }
        out.extend(self.run.vars.iter().map(|v| format!("grad_{v}")));
        out.push("lr".into());
        out
    }
}

/// A template field that names nothing, or a value its spec cannot format.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct RenderError {
    /// What went wrong, with the template and a caret.
    pub message: String,
}

fn render_one(fields: &StepFields, i: usize, t: &Template) -> Result<String, RenderError> {
    t.render(&|name| fields.lookup(i, name))
        .map_err(|e: TemplateError| RenderError {
            message: format!(
                "{} (known fields: {})\n{}",
                e.message,
                fields.names().join(", "),
                e.render_with_caret(t.source())
            ),
        })
}

/// Renders header, one step template per update, and footer into `lines`.
pub fn render_templates(
    fields: &StepFields,
    header: Option<&Template>,
    step: &Template,
    footer: Option<&Template>,
    lines: &mut Vec<String>,
) -> Result<(), RenderError> {
    let mut text = String::new();
    if let Some(h) = header {
        text.push_str(&render_one(fields, 0, h)?);
        text.push('\n');
    }
    for i in 1..=fields.updates() {
        text.push_str(&render_one(fields, i, step)?);
        text.push('\n');
    }
    if let Some(f) = footer {
        text.push_str(&render_one(fields, fields.updates(), f)?);
        text.push('\n');
    }
    if text.pop().is_none() {
        return Ok(());
    }
    lines.extend(text.split('\n').map(str::to_string));
    Ok(())
}
