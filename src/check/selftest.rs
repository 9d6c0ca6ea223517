//! The author's tests of an exercise (`tests:`), run by `gbl validate` in every variant it
//! proves: each gives one question an answer and says the status (and optionally the score and
//! the diagnosed mistake) it must get. A test that fails says what it got instead.

use indexmap::IndexMap;

use super::{Context, Given, check_exercise};
use crate::exercise::answer::resolve;
use crate::exercise::load::{Diagnostic, Loaded};
use crate::exercise::model::Value;
use crate::exercise::reference::Answer;
use crate::exercise::variant;

/// The answer a test gives in one variant.
fn given(answer: &Value, results: &crate::exercise::compute::Results) -> Given {
    match answer {
        Value::Int(i) => Given::Text(i.to_string()),
        Value::Float(f) => Given::Text(crate::pyfmt::repr_float(*f)),
        Value::Text(t) => match resolve(t, results) {
            Ok(Answer::Num(n)) => Given::Text(crate::pyfmt::repr_value(n)),
            _ => Given::Text(t.clone()),
        },
    }
}

/// The status's name as written in `tests:`.
fn status_name(s: super::Status) -> &'static str {
    match s {
        super::Status::Correct => "correct",
        super::Status::Wrong => "wrong",
        super::Status::Missing => "missing",
        super::Status::Invalid => "invalid",
    }
}

/// Every failing test, at its place (`tests[1]`), at most one message per test.
pub fn run(l: &Loaded) -> Vec<Diagnostic> {
    let ex = &l.exercise;
    if ex.tests.is_empty() {
        return Vec::new();
    }
    let Ok(variants) = variant::all(ex) else {
        return Vec::new(); // reported by validation
    };
    let mut out = Vec::new();
    let mut failed = vec![false; ex.tests.len()];
    for params in variants {
        let Ok(ctx) = Context::new(l, params.clone()) else {
            continue; // reported by validation
        };
        for (k, t) in ex.tests.iter().enumerate() {
            if failed[k] {
                continue;
            }
            let mut answers = IndexMap::new();
            answers.insert(t.question.clone(), given(&t.answer, &ctx.results));
            let report = check_exercise(&ctx, &answers);
            let path = format!("tests[{k}]");
            let Some(q) = report.questions.iter().find(|q| q.id == t.question) else {
                failed[k] = true;
                out.push(Diagnostic::at(
                    &l.source,
                    &path,
                    format!("there is no question '{}'", t.question),
                ));
                continue;
            };
            let got_mistake = q.mistake.as_deref().unwrap_or("none");
            let mut wrong = Vec::new();
            if status_name(q.status) != t.status {
                wrong.push(format!(
                    "status {} (not {})",
                    status_name(q.status),
                    t.status
                ));
            }
            if let Some(s) = t.score
                && (q.score - s).abs() > 1e-9
            {
                wrong.push(format!("score {} (not {s})", q.score));
            }
            if let Some(m) = &t.mistake
                && m != got_mistake
            {
                wrong.push(format!("mistake {got_mistake} (not {m})"));
            }
            if !wrong.is_empty() {
                failed[k] = true;
                let variant: Vec<String> = ex
                    .vary
                    .keys()
                    .filter_map(|name| params.get(name).map(|v| format!("{name} = {v}")))
                    .collect();
                let where_ = if variant.is_empty() {
                    String::new()
                } else {
                    format!(" in the variant {}", variant.join(", "))
                };
                out.push(Diagnostic::at(
                    &l.source,
                    &path,
                    format!(
                        "the answer {} to {} gets {}{where_}; feedback: {}",
                        q.given.as_deref().unwrap_or("(none)"),
                        t.question,
                        wrong.join(", "),
                        q.feedback
                    ),
                ));
            }
        }
    }
    out
}
