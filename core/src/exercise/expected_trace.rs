//! The reference output of a trace question: the lines a Python program printing with the
//! question's templates prints for the question's descent run. The trace checker judges a
//! student's output against these; validation proves that they can be rendered.

use super::compute::{Computed, Results};
use super::model::TraceQuestion;
use crate::pyfmt::Template;
use crate::reference_output::render::{RenderError, StepFields, render_templates};

/// Why a trace question's reference output cannot be rendered.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExpectedTraceError {
    /// The question's run is no descent of the exercise.
    #[error("'{0}' is not a descent run")]
    NotADescent(String),
    /// The question has no step template.
    #[error("a trace needs a step template")]
    NoStep,
    /// A template does not parse: the message, then the template with a caret.
    #[error("{0}")]
    Template(String),
    /// A template cannot be rendered for this run (an unknown field, a spec that does not
    /// apply).
    #[error("{}", .0.message)]
    Render(#[from] RenderError),
}

fn templates(list: &[String]) -> Result<Option<Template>, ExpectedTraceError> {
    if list.is_empty() {
        return Ok(None);
    }
    let joined = list.join("\n");
    Template::parse(&joined).map(Some).map_err(|e| {
        ExpectedTraceError::Template(format!("{}\n{}", e.message, e.render_with_caret(&joined)))
    })
}

/// The reference output: what a Python program printing with the question's templates prints.
pub fn reference_lines(
    t: &TraceQuestion,
    results: &Results,
) -> Result<Vec<String>, ExpectedTraceError> {
    let Some(Computed::Descent(d)) = results.runs.get(&t.run) else {
        return Err(ExpectedTraceError::NotADescent(t.run.clone()));
    };
    let header = templates(&t.header)?;
    let step = templates(&t.step)?.ok_or(ExpectedTraceError::NoStep)?;
    let footer = templates(&t.footer)?;
    let fields = StepFields::new(&d.run);
    let mut lines = Vec::new();
    render_templates(&fields, header.as_ref(), &step, footer.as_ref(), &mut lines)?;
    Ok(lines)
}
