//! Names that mean two things.
//!
//! In a template or a reference the run's own variables win over gbl's built-in fields: `{y}`
//! in a run over x and y prints the variable y (see [`crate::reference_output::render`]). An exercise
//! written before that rule, or by someone who did not think of it, may mean the built-in, so
//! `gbl validate` refuses every such name, says which meaning it has now and which it would
//! have had, and names the spellings that cannot be mistaken: `run.f` (`{run.f}`,
//! `main.run.y[1]`) for the built-in, `point.y` for the variable.

use super::model::{Exercise, Question};
use super::reference::{Reference, Seg, ambiguous_field};
use crate::pyfmt::Template;
use crate::reference_output::render::{Field, ambiguous};

/// Every ambiguous name in the exercise, as (YAML path, message).
pub fn check(ex: &Exercise) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let vars_of = |run: &str| -> Option<Vec<String>> {
        let d = ex.runs.get(run)?.descent.as_ref()?;
        Some(d.from.keys().cloned().collect())
    };
    for (i, q) in ex.questions.iter().enumerate() {
        match q {
            Question::Trace(t) => {
                let Some(vars) = vars_of(&t.run) else {
                    continue;
                };
                for (part, list) in [
                    ("header", &t.header),
                    ("step", &t.step),
                    ("footer", &t.footer),
                ] {
                    for (k, src) in list.iter().enumerate() {
                        let Ok(tpl) = Template::parse(src) else {
                            continue;
                        };
                        for f in tpl.fields() {
                            if let Some(b) = ambiguous(&f.name, &vars) {
                                out.push((
                                    format!("questions[{i}].{part}[{k}]"),
                                    template_message(&f.name, &t.run, b, &vars),
                                ));
                            }
                        }
                    }
                }
            }
            _ => {
                let path = format!("questions[{i}].answer");
                out.extend(reference(q.answer_ref(), &path, &vars_of));
            }
        }
        out.extend(placeholders(
            q.prompt(),
            &format!("questions[{i}].prompt"),
            &vars_of,
        ));
    }
    out.extend(placeholders(&ex.prompt, "prompt", &vars_of));
    for (i, h) in ex.hints.iter().enumerate() {
        out.extend(placeholders(h, &format!("hints[{i}]"), &vars_of));
    }
    for key in ex.require.keys() {
        out.extend(reference(key, &format!("require.{key}"), &vars_of));
    }
    out
}

fn template_message(name: &str, run: &str, builtin: Field, vars: &[String]) -> String {
    format!(
        "'{{{name}}}' is ambiguous: run '{run}' has a variable '{name}', so it prints that variable; without it, it would print {}. Write '{{{}}}' for {} or '{{point.{name}}}' for the variable",
        builtin.describe(vars),
        builtin.unambiguous_name(vars),
        builtin.describe(vars),
    )
}

fn reference(
    src: &str,
    path: &str,
    vars_of: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Option<(String, String)> {
    let r = Reference::parse(src).ok()?;
    let vars = vars_of(&r.run)?;
    let name = ambiguous_field(&r, &vars)?;
    let rest: String = r
        .path
        .iter()
        .map(|s| match s {
            Seg::Name(n) => format!(".{n}"),
            Seg::Index(k) => format!("[{k}]"),
        })
        .collect();
    Some((
        path.to_string(),
        format!(
            "'{r}' is ambiguous: run '{run}' has a variable '{name}', so it names that variable; without it, it would name the run's built-in '{name}'. Write '{run}.run{rest}' for the built-in or '{run}.point{rest}' for the variable",
            run = r.run
        ),
    ))
}

fn placeholders(
    text: &str,
    path: &str,
    vars_of: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            break;
        };
        let key = after[..close].trim();
        if key.contains('.') {
            out.extend(reference(key, path, vars_of));
        }
        rest = &after[close + 2..];
    }
    out
}
