//! Answer files: exercise id → question id → answer.
//!
//! ```yaml
//! gd-one-step: {grad: 0.6, x1: 2.4}
//! chain-rule-x5: {z: 3, y: 18, dy_dz: 12, dy_dx: "12"}
//! gd-trace: {trace: traces/gd-trace.txt}
//! ```
//!
//! A trace file is named relative to the answer file and must stay inside its folder.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde_yaml::Value;

use super::Given;
use crate::exercise::load::{Diagnostic, Loaded, Source};
use crate::exercise::model::Question;
use crate::fsutil::read_text;

/// The largest answer file read, in bytes.
pub const MAX_ANSWER_BYTES: u64 = 1 << 20;
/// The largest trace file read, in bytes.
pub const MAX_TRACE_BYTES: u64 = 64 << 20;

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

/// Reads an answer file and checks that every exercise and question it names exists.
/// Trace files are read here, resolved against the answer file's folder.
pub fn read(path: &Path, exercises: &[Loaded]) -> Result<AnswerFile, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let text = read_text(path, MAX_ANSWER_BYTES).map_err(|e| {
        vec![Diagnostic {
            file: name.clone(),
            pos: None,
            message: format!("cannot read the answer file: {e}"),
        }]
    })?;
    let source = Source { name, text };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(source, &dir, exercises)
}

/// Parses an answer file's text; `dir` is the folder trace paths are relative to.
pub fn parse(
    source: Source,
    dir: &Path,
    exercises: &[Loaded],
) -> Result<AnswerFile, Vec<Diagnostic>> {
    let locator = crate::exercise::load::Locator::new(&source);
    let at = |path: &str, m: String| locator.at(path, m);
    if source.text.trim().is_empty() {
        return Err(vec![Diagnostic {
            file: source.name.clone(),
            pos: None,
            message: "the answer file is empty".into(),
        }]);
    }
    let doc: Value =
        crate::exercise::yaml::from_str(&source.name, &source.text).map_err(|d| vec![d])?;
    let Value::Mapping(top) = doc else {
        return Err(vec![Diagnostic {
            file: source.name.clone(),
            pos: Some(crate::exercise::locate::Pos { line: 1, col: 1 }),
            message: "an answer file maps exercise ids to their answers, e.g. 'gd-one-step: {grad: 0.6, x1: 2.4}'".into(),
        }]);
    };
    let mut problems = Vec::new();
    let mut answers = IndexMap::new();
    for (k, v) in top {
        let Some(ex_id) = k.as_str().map(str::to_string) else {
            problems.push(at("", format!("{} is not an exercise id", describe(&k))));
            continue;
        };
        let Some(loaded) = exercises.iter().find(|l| l.id == ex_id) else {
            problems.push(at(
                &ex_id,
                format!(
                    "there is no exercise {} (see 'gbl list')",
                    crate::clip::quoted(&ex_id)
                ),
            ));
            continue;
        };
        let Value::Mapping(qs) = v else {
            problems.push(at(
                &ex_id,
                format!("expected the answers of '{ex_id}' as 'question: answer' pairs"),
            ));
            continue;
        };
        let mut given = IndexMap::new();
        for (qk, qv) in qs {
            let Some(q_id) = qk
                .as_str()
                .map(str::to_string)
                .or_else(|| qk.as_i64().map(|i| i.to_string()))
            else {
                problems.push(at(
                    &ex_id,
                    format!("{} is not a question id", describe(&qk)),
                ));
                continue;
            };
            let path = format!("{ex_id}.{q_id}");
            let Some(q) = loaded.exercise.questions.iter().find(|q| q.id() == q_id) else {
                let ids: Vec<&str> = loaded.exercise.questions.iter().map(Question::id).collect();
                problems.push(at(
                    &path,
                    format!(
                        "'{ex_id}' has no question {} (its questions: {})",
                        crate::clip::quoted(&q_id),
                        ids.join(", ")
                    ),
                ));
                continue;
            };
            match answer(q, &qv, dir) {
                Ok(g) => {
                    given.insert(q_id, g);
                }
                Err(m) => problems.push(at(&path, m)),
            }
        }
        answers.insert(ex_id, given);
    }
    if problems.is_empty() {
        Ok(AnswerFile { source, answers })
    } else {
        Err(crate::exercise::load::clip(problems))
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "an empty value".into(),
        Value::Bool(b) => format!("'{b}'"),
        Value::Number(n) => format!("'{n}'"),
        Value::String(s) => crate::clip::quoted(s),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(_) => "a tagged value".into(),
    }
}

/// One answer: a scalar as text, or `{trace: PATH}` for a trace question.
fn answer(q: &Question, v: &Value, dir: &Path) -> Result<Given, String> {
    match (q, v) {
        (Question::Trace(_), Value::Mapping(m)) => {
            let file = m
                .get("trace")
                .and_then(Value::as_str)
                .ok_or_else(|| "a trace answer is written {trace: PATH}".to_string())?;
            if m.len() != 1 {
                return Err("a trace answer has only the key 'trace'".into());
            }
            Ok(read_trace(dir, file))
        }
        (Question::Trace(_), Value::String(s)) => Ok(read_trace(dir, s)),
        (Question::Trace(_), other) => Err(format!(
            "{} is not a trace file: write {{trace: PATH}}",
            describe(other)
        )),
        (_, Value::Number(n)) => Ok(Given::Text(number_text(n))),
        (_, Value::String(s)) => Ok(Given::Text(s.clone())),
        (_, other) => Err(format!(
            "{} is not an answer: give a number, a fraction or expression in quotes, or a word",
            describe(other)
        )),
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

/// Reads a trace named in an answer file, refusing paths that leave the file's folder.
pub fn read_trace(dir: &Path, file: &str) -> Given {
    let shown = crate::clip::quoted(file);
    let unreadable = |reason: String| Given::Unreadable {
        name: file.to_string(),
        reason,
    };
    let rel = Path::new(file);
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return unreadable(format!(
            "{shown} leaves the answer file's folder; name a file inside it"
        ));
    }
    let full: PathBuf = dir.join(rel);
    // A symbolic link may still point outside: compare real paths.
    match (full.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(base)) if !real.starts_with(&base) => {
            return unreadable(format!("{shown} leads outside the answer file's folder"));
        }
        (Err(e), _) => return unreadable(format!("cannot read {shown}: {e}")),
        _ => {}
    }
    match read_text(&full, MAX_TRACE_BYTES) {
        Ok(text) => Given::Trace {
            name: file.to_string(),
            text,
        },
        Err(e) => unreadable(format!("cannot read {shown}: {e}")),
    }
}
