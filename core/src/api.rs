//! JSON in, JSON out: checking one exercise's answers, its hints and its worked solution, for a
//! caller that has text and no files (the book's web page, through `wasm.rs`).
//!
//! A request names the exercise by its YAML text and file name, the parameters of the
//! variant the page shows, and the answers as the reader typed them:
//!
//! ```json
//! {"file": "gd-one-step.yaml", "source": "title: ...", "params": {"x0": -2, "lr": 1},
//!  "answers": {"x1": "2,4", "grad": "3/5", "trace": "0-th x: 3.0000\n..."},
//!  "reveal": false, "hint": 1}
//! ```
//!
//! - `file`: the exercise's file name; its stem is the exercise's id, and errors name it.
//! - `params` (optional): the parameters that differ from the exercise's defaults.
//! - `answers` (optional): question id → the text typed, as after `QUESTION=` on the command
//!   line (a comma or a fraction behaves as there). A trace question's answer is the pasted
//!   output, or `{"name": "out.txt", "text": "..."}` for a file the reader picked.
//! - `reveal` (optional): show the expected answers, as `gbl check --reveal`.
//! - `hint` (for [`hint`]): which hint, from 1.
//! - `lang` (optional): `"ko"` for the sentences in Korean (see [`crate::i18n`]); English
//!   otherwise. Numbers, ids and keys are the same in both.
//!
//! [`check`] answers exactly what `gbl check ID QUESTION=VALUE... --format json` prints for
//! the same exercise, numbers and answers (a trace question answered by pasted text is
//! `given` as `(text)`); [`hint`] and [`solution`] what `gbl hint --format json` and
//! `gbl solve --format json` print, except that the page keeps the count of hints shown. Every
//! error is `{"error": {"message", "file", "line", "column"}}`, as on exit 2; nothing panics.

use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::check::{Context, Given, NoFiles, Report, check_exercise, report};
use crate::engine::PyNum;
use crate::exercise::compute::ComputeError;
use crate::exercise::load::{Diagnostic, Loaded, Source, parse_exercise};
use crate::exercise::model::Question;
use crate::exercise::prompt::fill;
use crate::exercise::variant::{ChooseError, choose};
use crate::t;

/// A request (see the module's documentation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    file: String,
    source: String,
    #[serde(default)]
    params: IndexMap<String, serde_json::Number>,
    #[serde(default)]
    answers: IndexMap<String, Answer>,
    #[serde(default)]
    reveal: bool,
    #[serde(default)]
    hint: Option<usize>,
    /// The language (read by `in_its_language` before the request is parsed).
    #[serde(default, rename = "lang")]
    _lang: Option<String>,
}

/// One answer as the page sends it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Answer {
    /// The text typed (or pasted, for a trace).
    Text(String),
    /// A number sent as a JSON number: its text.
    Number(serde_json::Number),
    /// A trace file the reader picked: its name and text.
    File { name: String, text: String },
}

/// Why a request cannot be answered.
#[derive(Debug)]
enum ApiError {
    Request(serde_json::Error),
    Exercise(Diagnostic),
    NoQuestion {
        id: String,
        question: String,
        near: Option<String>,
        ids: String,
    },
    Variant(ChooseError),
    Compute {
        file: String,
        error: ComputeError,
    },
    Solution {
        file: String,
        error: String,
    },
    NoHint {
        id: String,
        n: usize,
        of: usize,
    },
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> ApiError {
        ApiError::Request(e)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ApiError::Request(e) => t!("api-request-invalid", error = e),
            ApiError::Exercise(d) => d.to_string(),
            ApiError::NoQuestion {
                id,
                question,
                near: Some(near),
                ids,
            } => t!(
                "answers-no-question-near",
                exercise = id,
                question = format!("'{question}'"),
                near = near,
                ids = ids
            ),
            ApiError::NoQuestion {
                id,
                question,
                near: None,
                ids,
            } => t!(
                "answers-no-question",
                exercise = id,
                question = format!("'{question}'"),
                ids = ids
            ),
            ApiError::Variant(e) => e.to_string(),
            ApiError::Compute { file, error } => format!("{file}: {error}"),
            ApiError::Solution { file, error } => {
                t!("api-solution-error", file = file, error = error)
            }
            ApiError::NoHint { id, n, of } => t!("hint-no-such", id = id, of = of, n = n),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ApiError {}

/// Checks the answers of a request: the JSON `gbl check --format json` prints.
pub fn check(request: &str) -> String {
    in_its_language(request, || respond(checked(request)))
}

/// The hint a request asks for (`"hint": n`, from 1): the JSON `gbl hint --format json`
/// prints, `{"id", "hints": [{"n", "text"}], "of", "note"}`.
pub fn hint(request: &str) -> String {
    in_its_language(request, || respond(hinted(request)))
}

/// The worked solution of a request's exercise with its numbers: the JSON
/// `gbl solve --format json` prints, `{"id", "title", "solution", "lines"}`.
pub fn solution(request: &str) -> String {
    in_its_language(request, || respond(solved(request)))
}

/// Runs `f` in the language the request asks for (`"lang": "ko"`; English without one, or
/// for a request that is not JSON).
fn in_its_language(request: &str, f: impl FnOnce() -> String) -> String {
    #[derive(Deserialize)]
    struct Lang {
        #[serde(default)]
        lang: Option<String>,
    }
    let lang = serde_json::from_str::<Lang>(request)
        .ok()
        .and_then(|l| l.lang)
        .and_then(|l| crate::i18n::Lang::parse(&l))
        .unwrap_or_default();
    crate::i18n::with(lang, f)
}

/// The JSON of an error (exit 2 on the command line): `{"error": {"message", "file", "line",
/// "column"}}`, the position read from a leading `FILE:LINE:COL: ` or `FILE: ` when the
/// message has one, else null.
pub fn error_doc(message: &str) -> Value {
    let first = message.lines().next().unwrap_or_default();
    let mut parts = first.splitn(4, ':');
    let (a, b, c) = (parts.next(), parts.next(), parts.next());
    let num = |s: Option<&str>| s.and_then(|s| s.trim().parse::<u64>().ok());
    let (file, line, col) = match (a, num(b), num(c)) {
        (Some(f), Some(l), Some(c)) if !f.contains(' ') && !f.is_empty() => {
            (Some(f.to_string()), Some(l), Some(c))
        }
        (Some(f), _, _)
            if !f.contains(' ')
                && b.is_some()
                && [".yaml", ".yml", ".txt", ".json", ".csv"]
                    .iter()
                    .any(|x| f.ends_with(x)) =>
        {
            (Some(f.to_string()), None, None)
        }
        _ => (None, None, None),
    };
    json!({"error": {"message": message, "file": file, "line": line, "column": col}})
}

/// A JSON document as the command line prints it: indented, with a final newline.
fn respond(r: Result<Value, ApiError>) -> String {
    let v = r.unwrap_or_else(|e| error_doc(&e.to_string()));
    let mut out = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "null".into());
    out.push('\n');
    out
}

/// The request read, its exercise parsed.
fn parsed(request: &str) -> Result<(Request, Loaded), ApiError> {
    let r: Request = serde_json::from_str(request)?;
    let id = Path::new(&r.file)
        .file_stem()
        .map_or_else(|| r.file.clone(), |s| s.to_string_lossy().into_owned());
    let source = Source {
        name: r.file.clone(),
        text: r.source.clone(),
    };
    let l = parse_exercise(&id, source).map_err(ApiError::Exercise)?;
    Ok((r, l))
}

/// The parameters: the exercise's defaults, with those of the request in their place, when
/// they are one of its variants.
fn params(r: &Request, l: &Loaded) -> Result<IndexMap<String, PyNum>, ApiError> {
    let asked: IndexMap<String, PyNum> = r
        .params
        .iter()
        .map(|(name, n)| {
            let v = match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => PyNum::Int(i),
                (None, Some(f)) => PyNum::Float(f),
                (None, None) => PyNum::Float(f64::NAN),
            };
            (name.clone(), v)
        })
        .collect();
    choose(&l.id, &l.exercise, &asked).map_err(|e| match e {
        ChooseError::Compute(error) => ApiError::Compute {
            file: l.source.name.clone(),
            error,
        },
        other => ApiError::Variant(other),
    })
}

/// The context of the request's exercise with its numbers.
fn context<'a>(r: &Request, l: &'a Loaded) -> Result<Context<'a>, ApiError> {
    Context::new(l, params(r, l)?).map_err(|error| ApiError::Compute {
        file: l.source.name.clone(),
        error,
    })
}

/// The answers given, by question; a question the exercise does not have is an error.
fn given(r: &Request, l: &Loaded) -> Result<IndexMap<String, Given>, ApiError> {
    let mut out = IndexMap::new();
    for (q, a) in &r.answers {
        let q = q.trim();
        if !l.exercise.questions.iter().any(|x| x.id() == q) {
            let ids: Vec<&str> = l.exercise.questions.iter().map(Question::id).collect();
            let near = crate::check::answers::did_you_mean(q, ids.iter().copied());
            return Err(ApiError::NoQuestion {
                id: l.id.clone(),
                question: q.to_string(),
                near,
                ids: ids.join(", "),
            });
        }
        let g = match a {
            Answer::Text(t) => Given::Text(t.trim().to_string()),
            Answer::Number(n) => Given::Text(n.to_string()),
            Answer::File { name, text } => Given::Trace {
                name: name.clone(),
                text: text.clone(),
            },
        };
        out.insert(q.to_string(), g);
    }
    Ok(out)
}

fn checked(request: &str) -> Result<Value, ApiError> {
    let (r, l) = parsed(request)?;
    let given = given(&r, &l)?;
    let ctx = context(&r, &l)?;
    let report = Report::new(vec![check_exercise(&ctx, &given, &NoFiles)]);
    Ok(report::json(&report, &|_| r.reveal))
}

fn hinted(request: &str) -> Result<Value, ApiError> {
    let (r, l) = parsed(request)?;
    let hints = &l.exercise.hints;
    if hints.is_empty() {
        let note = t!("hint-none", id = l.id);
        return Ok(json!({"id": l.id, "hints": [], "of": 0, "note": note}));
    }
    let n = r.hint.unwrap_or(1);
    if n == 0 || n > hints.len() {
        return Err(ApiError::NoHint {
            id: l.id.clone(),
            n,
            of: hints.len(),
        });
    }
    let ctx = context(&r, &l)?;
    let text = fill(&hints[n - 1], &ctx.results)
        .unwrap_or_else(|_| hints[n - 1].clone())
        .trim_end()
        .to_string();
    let note = (n == hints.len()).then(|| t!("hint-last", id = l.id));
    Ok(json!({"id": l.id, "hints": [{"n": n, "text": text}], "of": hints.len(), "note": note}))
}

fn solved(request: &str) -> Result<Value, ApiError> {
    let (r, l) = parsed(request)?;
    let ctx = context(&r, &l)?;
    let lines = crate::solve::worked(&l.exercise, &ctx.results);
    let authored = match &l.exercise.solution {
        Some(text) => Some(
            fill(text, &ctx.results).map_err(|error| ApiError::Solution {
                file: l.source.name.clone(),
                error: error.to_string(),
            })?,
        ),
        None => None,
    };
    Ok(json!({"id": l.id, "title": l.exercise.title, "solution": authored, "lines": lines}))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GD_ONE_STEP: &str = include_str!("../../exercises/gd-one-step.yaml");

    fn request(extra: Value) -> String {
        let mut r = json!({"file": "gd-one-step.yaml", "source": GD_ONE_STEP});
        if let (Some(r), Some(extra)) = (r.as_object_mut(), extra.as_object()) {
            r.extend(extra.clone());
        }
        r.to_string()
    }

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("the response is JSON")
    }

    #[test]
    fn errors_are_json_documents_never_panics() {
        for bad in ["", "{", "[]", "{\"file\": 1}", "\u{0}"] {
            let v = parse(&check(bad));
            assert!(v["error"]["message"].is_string(), "{bad:?}: {v}");
        }
        let v = parse(&check(&request(json!({"answers": {"nope": "1"}}))));
        let m = v["error"]["message"].as_str().unwrap_or_default();
        assert!(m.starts_with("'gd-one-step' has no question 'nope'"), "{m}");
        let v = parse(&check(&request(json!({"params": {"zz": 1}}))));
        assert!(v["error"]["message"].as_str().is_some(), "{v}");
        // Numbers no variant has are refused, not computed into nonsense.
        let v = parse(&check(&request(json!({"params": {"x0": 1e308}}))));
        assert_eq!(
            v["error"]["message"],
            "'gd-one-step' has no variant with x0=1e+308 (its numbers come from its 'params' and 'vary')",
            "{v}"
        );
        let v = parse(&check(&request(json!({"params": {"x0": -2}}))));
        assert!(v["exercises"].is_array(), "{v}");
        let v = parse(&check(
            &json!({"file": "bad.yaml", "source": "title: [unclosed"}).to_string(),
        ));
        assert_eq!(v["error"]["file"], "bad.yaml", "{v}");
        assert!(v["error"]["line"].is_u64(), "{v}");
    }

    #[test]
    fn a_check_reports_every_question() {
        let v = parse(&check(&request(json!({"answers": {"x1": "abc"}}))));
        let qs = v["exercises"][0]["questions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(!qs.is_empty());
        assert!(qs.iter().any(|q| q["status"] == "invalid"), "{v}");
        assert!(qs.iter().all(|q| q["revealed"].is_boolean()), "{v}");
    }

    #[test]
    fn hints_one_at_a_time_and_the_solution() {
        let v = parse(&hint(&request(json!({"hint": 1}))));
        assert!(v.get("error").is_none(), "{v}");
        let v = parse(&solution(&request(json!({}))));
        assert_eq!(v["id"], "gd-one-step", "{v}");
        assert!(v["lines"].as_array().is_some_and(|l| !l.is_empty()), "{v}");
    }
}
