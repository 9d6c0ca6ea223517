//! The reference output of a trace question: the lines a Python program printing with the
//! question's templates prints for the question's descent run. The trace checker judges a
//! student's output against these; validation proves that they can be rendered.

use super::compute::{Computed, Results};
use super::model::TraceQuestion;
use crate::pyfmt::Template;
use crate::trace::render::{StepFields, render_templates};

fn templates(list: &[String]) -> Result<Option<Template>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    let joined = list.join("\n");
    Template::parse(&joined)
        .map(Some)
        .map_err(|e| format!("{}\n{}", e.message, e.render_with_caret(&joined)))
}

/// The reference output: what a Python program printing with the question's templates prints.
pub fn reference_lines(t: &TraceQuestion, results: &Results) -> Result<Vec<String>, String> {
    let Some(Computed::Descent(d)) = results.runs.get(&t.run) else {
        return Err(format!("'{}' is not a descent run", t.run));
    };
    let header = templates(&t.header)?;
    let step = templates(&t.step)?.ok_or("a trace needs a step template")?;
    let footer = templates(&t.footer)?;
    let fields = StepFields::new(&d.run);
    let mut lines = Vec::new();
    render_templates(&fields, header.as_ref(), &step, footer.as_ref(), &mut lines)
        .map_err(|e| e.message)?;
    Ok(lines)
}
