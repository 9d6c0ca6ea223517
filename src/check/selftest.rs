//! The author's tests of an exercise (`tests:`), run by `gbl validate` in every variant it
//! proves (a trace test with the exercise's own numbers only): each gives one question an answer (or a trace: a file beside the exercise, or text)
//! and says the status (and optionally the score and the diagnosed mistake) it must get. A
//! test that fails says what it got instead.

use std::path::Path;

use indexmap::IndexMap;

use super::answers::{MAX_TRACE_BYTES, inside};
use super::{Context, Given, QuestionReport, check_exercise};
use crate::engine::PyNum;
use crate::exercise::answer::resolve;
use crate::exercise::load::{BUNDLED_FILES, Diagnostic, Loaded};
use crate::exercise::model::{AuthorTest, Exercise, Value};
use crate::exercise::reference::Answer;
use crate::exercise::variant;

/// What a test gives: an answer (computed in each variant) or a trace (for the defaults).
enum Input<'a> {
    Answer(&'a Value),
    Trace(Given),
}

/// What test `t` gives, or why it cannot give anything (with the path at fault).
fn input<'a>(l: &Loaded, t: &'a AuthorTest, k: usize) -> Result<Input<'a>, (String, String)> {
    let at = format!("tests[{k}]");
    match (&t.answer, &t.trace, &t.trace_text) {
        (Some(a), None, None) => Ok(Input::Answer(a)),
        (None, Some(file), None) => read_trace(l, file)
            .map(|text| {
                Input::Trace(Given::Trace {
                    name: file.clone(),
                    text,
                })
            })
            .map_err(|why| (format!("{at}.trace"), why)),
        (None, None, Some(text)) => Ok(Input::Trace(Given::Trace {
            name: "trace_text".into(),
            text: text.clone(),
        })),
        _ => Err((
            at,
            "give exactly one of `answer`, `trace` (a file) and `trace_text` (the trace itself)"
                .into(),
        )),
    }
}

/// The text of a test's trace file, named relative to the exercise file's folder and never
/// outside it; for a bundled exercise, from the files built in beside it.
fn read_trace(l: &Loaded, file: &str) -> Result<String, String> {
    let shown = crate::clip::quoted(file);
    let path = Path::new(file);
    if path.is_absolute() || file.starts_with('/') || file.starts_with('\\') {
        return Err(format!(
            "{shown} is an absolute path; name the file relative to the exercise file's folder \
             (e.g. traces/right.txt)"
        ));
    }
    let Some(rel) = inside(path) else {
        return Err(format!(
            "{shown} leaves the exercise file's folder; name a file inside it"
        ));
    };
    if l.bundled {
        let key: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let key = key.join("/");
        return BUNDLED_FILES
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, text)| text.to_string())
            .ok_or_else(|| format!("{shown} is not among the files built in with the exercises"));
    }
    let dir = Path::new(&l.source.name)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let full = dir.join(rel);
    // A symbolic link may still point outside: compare real paths.
    match (full.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(base)) if !real.starts_with(&base) => {
            return Err(format!("{shown} leads outside the exercise file's folder"));
        }
        (Err(e), _) => return Err(format!("cannot read {shown}: {e}")),
        _ => {}
    }
    crate::fsutil::read_trace_text(&full, MAX_TRACE_BYTES)
        .map_err(|e| format!("cannot read {shown}: {e}"))
}

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
    let mut inputs = Vec::with_capacity(ex.tests.len());
    for (k, t) in ex.tests.iter().enumerate() {
        match input(l, t, k) {
            Ok(i) => inputs.push(Some(i)),
            Err((path, why)) => {
                failed[k] = true;
                inputs.push(None);
                out.push(Diagnostic::at(&l.source, &path, why));
            }
        }
    }
    // The defaults come first; a trace is what a program printed for one set of numbers, so
    // a trace test runs with the exercise's own numbers only.
    for (v, params) in variants.into_iter().enumerate() {
        let Ok(ctx) = Context::new(l, params.clone()) else {
            continue; // reported by validation
        };
        for (k, t) in ex.tests.iter().enumerate() {
            if failed[k] {
                continue;
            }
            let given = match &inputs[k] {
                Some(Input::Answer(a)) => given(a, &ctx.results),
                Some(Input::Trace(g)) if v == 0 => g.clone(),
                Some(Input::Trace(_)) | None => continue,
            };
            let mut answers = IndexMap::new();
            answers.insert(t.question.clone(), given);
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
            let wrong = differences(t, q);
            if !wrong.is_empty() {
                failed[k] = true;
                out.push(Diagnostic::at(
                    &l.source,
                    &path,
                    failure(ex, &params, t, q, &wrong),
                ));
            }
        }
    }
    out
}

/// What test `t` expects that question report `q` does not have: `status wrong (not
/// correct)`, `score 0.5 (not 1)`, `mistake none (not add-gradient)`.
fn differences(t: &AuthorTest, q: &QuestionReport) -> Vec<String> {
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
    wrong
}

/// A failing test, said in full: what it gives, to which question, what it gets instead
/// (`wrong`) in which variant, and the feedback.
fn failure(
    ex: &Exercise,
    params: &IndexMap<String, PyNum>,
    t: &AuthorTest,
    q: &QuestionReport,
    wrong: &[String],
) -> String {
    let variant: Vec<String> = ex
        .vary
        .keys()
        .filter_map(|name| params.get(name).map(|v| format!("{name} = {v}")))
        .collect();
    let what = match (&t.trace, &t.trace_text) {
        (Some(file), _) => format!("the trace {} for", crate::clip::quoted(file)),
        (_, Some(_)) => "the trace in trace_text for".to_string(),
        _ => format!("the answer {} to", q.given.as_deref().unwrap_or("(none)")),
    };
    let where_ = if variant.is_empty() {
        String::new()
    } else {
        format!(" in the variant {}", variant.join(", "))
    };
    format!(
        "{} {} gets {}{where_}; feedback: {}",
        what,
        t.question,
        wrong.join(", "),
        q.feedback
    )
}
