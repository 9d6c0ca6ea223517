//! Answer files: exercise id → question id → answer.
//!
//! ```yaml
//! gd-one-step: {grad: 0.6, x1: 2.4}
//! chain-rule-x5: {z: 3, y: 18, dy_dz: 12, dy_dx: "12"}
//! gd-trace: {trace: traces/gd-trace.txt}
//! ```
//!
//! A trace file is named relative to the answer file and must stay inside its folder: the
//! caller reads it (the core opens no file) and gives what it read as a [`Given`].

use indexmap::IndexMap;
use serde_yaml::Value;

use super::Given;
use crate::exercise::load::{Diagnostic, Loaded, Source};
use crate::exercise::model::Question;
use crate::t;

/// The answers for one exercise.
pub type ExerciseAnswers = IndexMap<String, Given>;

/// A parsed answer file.
#[derive(Debug)]
pub struct AnswerFile {
    /// The file's text and name.
    pub source: Source,
    /// Exercise id → question id → answer, in the file's order.
    pub answers: IndexMap<String, ExerciseAnswers>,
}

/// Parses an answer file's text; `trace` reads a trace file the file names (a path as
/// written). Any problem is an error (graders want the whole file right).
pub fn parse(
    source: Source,
    exercises: &[Loaded],
    trace: &mut dyn FnMut(&str) -> Given,
) -> Result<AnswerFile, Vec<Diagnostic>> {
    if source.text.trim().is_empty() {
        return Err(vec![Diagnostic {
            file: source.name.clone(),
            pos: None,
            message: t!("answers-empty-file"),
        }]);
    }
    let l = parse_lenient(source, exercises, trace)?;
    // A value that is not an answer is a problem here too.
    let mut problems = l.problems;
    for (ex_id, given) in &l.file.answers {
        for (q_id, g) in given {
            if let Given::Unreadable { reason, .. } = g
                && !is_trace(exercises, ex_id, q_id)
            {
                problems.push(Diagnostic::at(
                    &l.file.source,
                    &format!("{ex_id}.{q_id}"),
                    reason.clone(),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(l.file)
    } else {
        Err(crate::exercise::load::clip(problems))
    }
}

fn is_trace(exercises: &[Loaded], ex_id: &str, q_id: &str) -> bool {
    exercises
        .iter()
        .find(|l| l.id == ex_id)
        .and_then(|l| l.exercise.questions.iter().find(|q| q.id() == q_id))
        .is_some_and(|q| matches!(q, Question::Trace(_)))
}

/// An answer file read question by question.
#[derive(Debug)]
pub struct Lenient {
    /// The answers that could be read; a value that is not an answer is kept as
    /// [`Given::Unreadable`], so that its question is reported as invalid.
    pub file: AnswerFile,
    /// Unknown exercises and questions, and keys that are not ids, each at its line.
    pub problems: Vec<Diagnostic>,
}

pub use crate::exercise::suggest::did_you_mean;

/// Parses an answer file's text question by question: the answers that can be read, and
/// every problem at its own line (an unknown exercise or question, a value that is not an
/// answer). `Err` only when the text is not YAML or not a mapping. `trace` reads a trace
/// file the file names (a path as written).
pub fn parse_lenient(
    source: Source,
    exercises: &[Loaded],
    trace: &mut dyn FnMut(&str) -> Given,
) -> Result<Lenient, Vec<Diagnostic>> {
    if source.text.trim().is_empty() {
        return Ok(Lenient {
            file: AnswerFile {
                source,
                answers: IndexMap::new(),
            },
            problems: Vec::new(),
        });
    }
    let top = top_mapping(&source)?;
    let locator = crate::exercise::load::Locator::new(&source);
    let at = |path: &str, m: String| locator.at(path, m);
    let mut problems = Vec::new();
    let mut answers = IndexMap::new();
    for (k, v) in top {
        let Some((ex_id, loaded)) = known_exercise(&k, exercises, &at, &mut problems) else {
            continue;
        };
        let qs = match v {
            Value::Mapping(qs) => qs,
            // `gd-one-step:` with nothing under it: not answered yet.
            Value::Null => serde_yaml::Mapping::new(),
            _ => {
                problems.push(at(&ex_id, t!("answers-not-pairs", exercise = ex_id)));
                continue;
            }
        };
        let mut given = IndexMap::new();
        for (qk, qv) in qs {
            let Some((q_id, q)) = known_question(&qk, &ex_id, loaded, &at, &mut problems) else {
                continue;
            };
            // An empty value is a question not answered yet (as `gbl init` writes them).
            if qv.is_null() {
                continue;
            }
            let path = format!("{ex_id}.{q_id}");
            let g = given_answer(&source.text, &path, &q_id, q, &qv, trace);
            given.insert(q_id, g);
        }
        answers.insert(ex_id, given);
    }
    Ok(Lenient {
        file: AnswerFile { source, answers },
        problems: crate::exercise::load::clip(problems),
    })
}

/// The file's top-level mapping (empty for a file of comments only), or why it is not one.
fn top_mapping(source: &Source) -> Result<serde_yaml::Mapping, Vec<Diagnostic>> {
    let doc: Value =
        crate::exercise::yaml::from_str(&source.name, &source.text).map_err(|d| vec![d])?;
    match doc {
        Value::Mapping(top) => Ok(top),
        // Only comments (a fresh `gbl init` file with everything removed): nothing answered.
        Value::Null => Ok(serde_yaml::Mapping::new()),
        _ => Err(vec![Diagnostic {
            file: source.name.clone(),
            pos: Some(crate::exercise::locate::Pos { line: 1, col: 1 }),
            message: t!("answers-not-mapping"),
        }]),
    }
}

/// The exercise a top-level key names, or a problem (not an id; no such exercise, with the
/// ids closest to it).
fn known_exercise<'e>(
    k: &Value,
    exercises: &'e [Loaded],
    at: &dyn Fn(&str, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, &'e Loaded)> {
    let Some(ex_id) = k.as_str().map(str::to_string) else {
        problems.push(at("", t!("answers-not-exercise-id", value = describe(k))));
        return None;
    };
    let Some(loaded) = exercises.iter().find(|l| l.id == ex_id) else {
        // Past the problems that are shown, a suggestion is work nobody reads.
        let hint = (problems.len() < crate::exercise::load::MAX_DIAGNOSTICS)
            .then(|| did_you_mean(&ex_id, exercises.iter().map(|l| l.id.as_str())))
            .flatten()
            .unwrap_or_else(|| t!("answers-see-list"));
        problems.push(at(
            &ex_id,
            t!(
                "answers-no-exercise",
                exercise = crate::clip::quoted(&ex_id),
                hint = hint
            ),
        ));
        return None;
    };
    Some((ex_id, loaded))
}

/// The question a key under exercise `ex_id` names, or a problem (not an id; no such
/// question, with the exercise's questions).
fn known_question<'e>(
    qk: &Value,
    ex_id: &str,
    loaded: &'e Loaded,
    at: &dyn Fn(&str, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, &'e Question)> {
    let Some(q_id) = qk
        .as_str()
        .map(str::to_string)
        .or_else(|| qk.as_i64().map(|i| i.to_string()))
    else {
        problems.push(at(
            ex_id,
            t!("answers-not-question-id", value = describe(qk)),
        ));
        return None;
    };
    let Some(q) = loaded.exercise.questions.iter().find(|q| q.id() == q_id) else {
        let ids: Vec<&str> = loaded.exercise.questions.iter().map(Question::id).collect();
        let question = crate::clip::quoted(&q_id);
        let ids = ids.join(", ");
        let message = match did_you_mean(&q_id, loaded.exercise.questions.iter().map(Question::id))
        {
            Some(near) => t!(
                "answers-no-question-near",
                exercise = ex_id,
                question = question,
                near = near,
                ids = ids
            ),
            None => t!(
                "answers-no-question",
                exercise = ex_id,
                question = question,
                ids = ids
            ),
        };
        problems.push(at(&format!("{ex_id}.{q_id}"), message));
        return None;
    };
    Some((q_id, q))
}

/// The answer given to question `q` (at `path`, key `q_id`); a value that is not an answer
/// is kept as [`Given::Unreadable`].
fn given_answer(
    text: &str,
    path: &str,
    q_id: &str,
    q: &Question,
    qv: &Value,
    trace: &mut dyn FnMut(&str) -> Given,
) -> Given {
    // A number as the student wrote it (`0.0180`, not the float's `0.018`): the
    // digits written are part of the answer.
    let g = match (qv, q) {
        (Value::Number(n), Question::Number(_) | Question::Exact(_)) => {
            match written_number(text, path, q_id, n) {
                Some(t) => Ok(Given::Text(t)),
                None => answer(q, qv, trace),
            }
        }
        _ => answer(q, qv, trace),
    };
    g.unwrap_or_else(|reason| Given::Unreadable {
        name: shown(qv),
        reason,
    })
}

/// The text of the number at `path` as written in the file, when it can be found and reads
/// as the same value.
fn written_number(text: &str, path: &str, key: &str, n: &serde_yaml::Number) -> Option<String> {
    let pos = crate::exercise::locate::locate(text, path);
    let line = text.lines().nth(pos.line.checked_sub(1)?)?;
    let rest: String = line.chars().skip(pos.col.checked_sub(1)?).collect();
    // In a flow mapping the position is the key's: skip `key:`.
    let rest = match rest.strip_prefix(key) {
        Some(after) => after.trim_start().strip_prefix(':')?,
        None => rest.as_str(),
    };
    let raw = rest.trim_start().split([',', '}', '#', ']']).next()?.trim();
    let same = match (n.as_i64(), n.as_f64()) {
        (Some(i), _) => raw.parse::<i64>().ok() == Some(i),
        (None, Some(f)) => raw.parse::<f64>().ok() == Some(f),
        _ => false,
    };
    same.then(|| raw.to_string())
}

/// A value as the student wrote it, for reports.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => number_text(n),
        Value::Bool(b) => b.to_string(),
        other => describe(other),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => t!("value-empty"),
        Value::Bool(b) => format!("'{b}'"),
        Value::Number(n) => format!("'{n}'"),
        Value::String(s) => crate::clip::quoted(s),
        Value::Sequence(_) => t!("value-list"),
        Value::Mapping(_) => t!("value-mapping"),
        Value::Tagged(_) => t!("value-tagged"),
    }
}

/// One answer: a scalar as text, or `{trace: PATH}` for a trace question.
fn answer(q: &Question, v: &Value, trace: &mut dyn FnMut(&str) -> Given) -> Result<Given, String> {
    match (q, v) {
        (Question::Trace(_), Value::Mapping(m)) => {
            let file = m
                .get("trace")
                .and_then(Value::as_str)
                .ok_or_else(|| t!("answers-trace-form"))?;
            if m.len() != 1 {
                return Err(t!("answers-trace-only-key"));
            }
            Ok(trace(file))
        }
        (Question::Trace(_), Value::String(s)) => Ok(trace(s)),
        (Question::Trace(_), other) => Err(t!("answers-not-trace", value = describe(other))),
        (_, Value::Number(n)) => Ok(Given::Text(number_text(n))),
        (_, Value::String(s)) => Ok(Given::Text(s.clone())),
        (_, other) => Err(t!("answers-not-answer", value = describe(other))),
    }
}

/// A YAML number as text: ints as written, floats as Python's repr (`2.4`, `1e-05`).
fn number_text(n: &serde_yaml::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    match n.as_f64() {
        Some(f) if f.is_finite() => crate::pyfmt::repr_float(f),
        _ => n.to_string(),
    }
}
