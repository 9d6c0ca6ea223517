//! Rendering the reference output of a run from Python format templates, exactly as a
//! Python program that prints with those f-strings would print it.
//!
//! A header template is printed once with the start point; the step template after each
//! update i = 1..N, with the point after the update, `y` = f there, and `grad` (or
//! `grad_VAR`, `dy_dVAR`, `df_dVAR`) = the gradient that the update used, i.e. the one at the
//! point before it, as in the lecture's programs; a footer template once at the end, with the
//! last point. Each template is one `print()`: its text plus a new line, so a template with
//! `\n` inside prints several lines and one ending in `\n` prints an empty line after it.
//!
//! Names are resolved by [`resolve`], with one rule: **the run's own variables always win**.
//! A plain name that is a variable of the run is that variable (`{y}` in a run over x and y
//! prints y, never f). The built-in fields are also reachable under the `run.` prefix, which no
//! variable can have: `{run.i}`, `{run.lr}`, `{run.f}` (also `run.y`, `run.value`),
//! `{run.grad}` (one variable) and `{run.grad_VAR}`; `{point.VAR}` names a variable
//! explicitly. A plain built-in name that is also a variable is [`ambiguous`], which
//! `gbl validate` refuses in an exercise.

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
        match resolve(name, &run.vars)? {
            Field::Index => i64::try_from(i).ok().map(PyNum::Int),
            Field::Lr => Some(run.lr),
            Field::Value => Some(run.value(i)),
            Field::Var(k) => run.point(i).get(k).copied(),
            Field::Grad(k) => run.gradient(i.saturating_sub(1)).get(k).copied(),
        }
    }

    /// The names a template may use, for error messages.
    pub fn names(&self) -> Vec<String> {
        field_names(&self.run.vars)
    }
}

/// The values a template can name at one step, as a run is computed (nothing stored).
pub struct StepState<'a> {
    /// The variables.
    pub vars: &'a [String],
    /// The learning rate.
    pub lr: PyNum,
    /// The update just made (0: the start).
    pub i: usize,
    /// The point after update i.
    pub x: &'a [PyNum],
    /// f there.
    pub value: PyNum,
    /// The gradient update i used (the one at the point before it; at the start, the start's).
    pub grad_used: &'a [PyNum],
}

impl StepState<'_> {
    /// The value of `name` at this step.
    pub fn lookup(&self, name: &str) -> Option<PyNum> {
        match resolve(name, self.vars)? {
            Field::Index => i64::try_from(self.i).ok().map(PyNum::Int),
            Field::Lr => Some(self.lr),
            Field::Value => Some(self.value),
            Field::Var(k) => self.x.get(k).copied(),
            Field::Grad(k) => self.grad_used.get(k).copied(),
        }
    }

    /// Renders one template at this step (an unknown name or a bad spec is an error with
    /// the known names and a caret).
    pub fn render(&self, t: &Template) -> Result<String, RenderError> {
        t.render(&|name| self.lookup(name))
            .map_err(|e: TemplateError| RenderError {
                message: format!(
                    "{} (known fields: {})\n{}",
                    e.message,
                    field_names(self.vars).join(", "),
                    e.render_with_caret(t.source())
                ),
            })
    }
}

/// The names a template may use over `vars`, for error messages.
pub(crate) fn field_names(vars: &[String]) -> Vec<String> {
    let mut out = vec!["i".to_string()];
    out.extend(vars.iter().cloned());
    out.push("y".into());
    if vars.len() == 1 {
        out.push("grad".into());
    }
    out.extend(vars.iter().map(|v| format!("grad_{v}")));
    out.push("lr".into());
    out.retain(|n| ambiguous(n, vars).is_none());
    out.extend(["run.i", "run.f", "run.lr"].map(String::from));
    out
}

/// What a template field (or a reference into a descent) names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The iteration number `i`.
    Index,
    /// The learning rate.
    Lr,
    /// f at the point (after the update).
    Value,
    /// Variable k of the point (after the update).
    Var(usize),
    /// Partial derivative k at the point before the update (the one the update used).
    Grad(usize),
}

impl Field {
    /// What the field means, in words, for messages.
    pub fn describe(self, vars: &[String]) -> String {
        let var = |k: usize| vars.get(k).map_or("?", String::as_str);
        match self {
            Field::Index => "the iteration number i".into(),
            Field::Lr => "the learning rate".into(),
            Field::Value => "f's value".into(),
            Field::Var(k) => format!("the variable {}", var(k)),
            Field::Grad(k) => format!("the partial derivative by {}", var(k)),
        }
    }

    /// The name under which the field can never be mistaken for a variable.
    pub(crate) fn unambiguous_name(self, vars: &[String]) -> String {
        let var = |k: usize| vars.get(k).map_or("?", String::as_str);
        match self {
            Field::Index => "run.i".into(),
            Field::Lr => "run.lr".into(),
            Field::Value => "run.f".into(),
            Field::Var(k) => format!("point.{}", var(k)),
            Field::Grad(k) => format!("run.grad_{}", var(k)),
        }
    }
}

/// The built-in meaning of a plain name, ignoring the run's variables.
fn builtin(name: &str, vars: &[String]) -> Option<Field> {
    let var = |v: &str| vars.iter().position(|x| x == v);
    match name {
        "i" => Some(Field::Index),
        "lr" => Some(Field::Lr),
        "y" | "f" | "value" => Some(Field::Value),
        "grad" | "dy_dx" | "df_dx" | "g" if vars.len() == 1 => Some(Field::Grad(0)),
        _ => ["grad_", "dy_d", "df_d", "g_"]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .and_then(var)
            .map(Field::Grad),
    }
}

/// What `name` means in a run over `vars`: a variable first, then a built-in; `run.NAME` is
/// always the built-in and `point.VAR` always the variable.
pub fn resolve(name: &str, vars: &[String]) -> Option<Field> {
    let var = |v: &str| vars.iter().position(|x| x == v);
    if let Some(b) = name.strip_prefix("run.") {
        return builtin(b, vars);
    }
    if let Some(v) = name.strip_prefix("point.") {
        return var(v).map(Field::Var);
    }
    var(name).map(Field::Var).or_else(|| builtin(name, vars))
}

/// For a plain name that is a variable of the run and also a built-in field: the built-in
/// meaning it loses to the variable (for `gbl validate` to refuse).
pub fn ambiguous(name: &str, vars: &[String]) -> Option<Field> {
    if vars.iter().any(|v| v == name) {
        builtin(name, vars)
    } else {
        None
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
