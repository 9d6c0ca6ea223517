//! Answers given on the command line: `QUESTION=VALUE` pairs, and a trace named with
//! `--trace FILE` (or `-` for standard input).

use std::path::Path;

use indexmap::IndexMap;

use crate::check::{Given, answers};
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;
use crate::fsutil::{ReadError, check_regular, is_plain_utf8, read_trace_from, read_trace_text};
use gbl_core::t;

/// Why answers given on the command line cannot be checked.
#[derive(Debug)]
pub(crate) enum GivenError {
    /// An argument that is not `QUESTION=VALUE`.
    NotAnAnswer(String),
    /// A question the exercise does not have.
    NoQuestion {
        /// The exercise.
        exercise: String,
        /// The question asked for.
        question: String,
        /// The closest question ids (`a, b`), if any.
        near: Option<String>,
        /// The exercise's questions, separated by commas.
        ids: String,
    },
    /// A trace question answered with `QUESTION=VALUE`.
    TraceQuestion(String),
    /// A question answered twice.
    Twice(String),
    /// `--trace` for an exercise without a trace question.
    NoTraceQuestion(String),
    /// Standard input cannot be read as a trace.
    Stdin(ReadError),
    /// The trace file cannot be read.
    Unreadable {
        /// The file, as given.
        path: String,
        /// Why.
        error: ReadError,
        /// Whether a FIFO was given (then how to read a pipe is said).
        pipe: bool,
    },
}

impl std::fmt::Display for GivenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            GivenError::NotAnAnswer(arg) => t!("cli-not-an-answer", arg = arg),
            GivenError::NoQuestion {
                exercise,
                question,
                near: None,
                ids,
            } => t!(
                "cli-no-question",
                exercise = exercise,
                question = question,
                ids = ids
            ),
            GivenError::NoQuestion {
                exercise,
                question,
                near: Some(near),
                ids,
            } => t!(
                "cli-no-question-near",
                exercise = exercise,
                question = question,
                near = near,
                ids = ids
            ),
            GivenError::TraceQuestion(q) => t!("cli-trace-question", question = q),
            GivenError::Twice(q) => t!("cli-answered-twice", question = q),
            GivenError::NoTraceQuestion(e) => t!("cli-no-trace-question", exercise = e),
            GivenError::Stdin(error) => t!("cli-stdin-unreadable", error = error),
            GivenError::Unreadable {
                path,
                error,
                pipe: false,
            } => t!("cli-trace-file-unreadable", path = path, error = error),
            GivenError::Unreadable {
                path,
                error,
                pipe: true,
            } => t!("cli-trace-file-unreadable-pipe", path = path, error = error),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for GivenError {}

/// The answers given on the command line, by question.
pub(crate) fn cli_answers(
    l: &Loaded,
    args: &[String],
) -> Result<IndexMap<String, Given>, GivenError> {
    let mut out = IndexMap::new();
    for a in args {
        let Some((q, v)) = a.split_once('=') else {
            return Err(GivenError::NotAnAnswer(a.clone()));
        };
        let q = q.trim();
        let Some(question) = l.exercise.questions.iter().find(|x| x.id() == q) else {
            let ids: Vec<&str> = l.exercise.questions.iter().map(Question::id).collect();
            let near = crate::exercise::catalog::near_ids(q, ids.iter().copied());
            return Err(GivenError::NoQuestion {
                exercise: l.id.clone(),
                question: q.to_string(),
                near,
                ids: ids.join(", "),
            });
        };
        if let Question::Trace(_) = question {
            return Err(GivenError::TraceQuestion(q.to_string()));
        }
        if out
            .insert(q.to_string(), Given::Text(v.trim().to_string()))
            .is_some()
        {
            return Err(GivenError::Twice(q.to_string()));
        }
    }
    Ok(out)
}

/// Adds the trace in `trace` as the answer to the exercise's one trace question.
pub(crate) fn add_trace(
    l: &Loaded,
    given: &mut IndexMap<String, Given>,
    trace: &Path,
) -> Result<(), GivenError> {
    let traces: Vec<&Question> = l
        .exercise
        .questions
        .iter()
        .filter(|q| matches!(q, Question::Trace(_)))
        .collect();
    let [q] = traces.as_slice() else {
        return Err(GivenError::NoTraceQuestion(l.id.clone()));
    };
    given.insert(q.id().to_string(), read_cli_trace(trace)?);
    Ok(())
}

/// Trace files larger than this are judged while they are read, when they can be.
const STREAM_ABOVE: u64 = 1 << 20;

/// Reads the trace named on the command line: any file the student names, or standard input
/// for `-` (`python3 gd.py | gbl check gd-trace --trace -`).
fn read_cli_trace(trace: &Path) -> Result<Given, GivenError> {
    if trace.as_os_str() == "-" {
        let text = read_trace_from(std::io::stdin().lock(), answers::MAX_TRACE_BYTES)
            .map_err(GivenError::Stdin)?;
        return Ok(Given::Trace {
            name: "stdin".to_string(),
            text,
        });
    }
    let name = trace.file_name().map_or_else(
        || trace.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if check_regular(trace).is_ok_and(|m| m.len() > STREAM_ABOVE)
        && is_plain_utf8(trace, answers::MAX_TRACE_BYTES)
    {
        // Judged while it is read: a million-line trace is never held whole.
        return Ok(Given::TraceFile {
            name,
            path: trace.to_path_buf(),
        });
    }
    let text = read_trace_text(trace, answers::MAX_TRACE_BYTES).map_err(|error| {
        // `--trace /dev/stdin` from a pipe is a FIFO: say how a pipe is read.
        let pipe = matches!(&error, ReadError::NotRegular(kind) if kind.contains("FIFO"));
        GivenError::Unreadable {
            path: trace.display().to_string(),
            error,
            pipe,
        }
    })?;
    Ok(Given::Trace { name, text })
}
