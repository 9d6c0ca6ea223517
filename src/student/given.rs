//! Answers given on the command line: `QUESTION=VALUE` pairs, and a trace named with
//! `--trace FILE` (or `-` for standard input).

use std::path::Path;

use indexmap::IndexMap;

use crate::check::{Given, answers};
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;
use crate::fsutil::{ReadError, check_regular, is_plain_utf8, read_trace_from, read_trace_text};

/// Why answers given on the command line cannot be checked.
#[derive(Debug, thiserror::Error)]
pub(crate) enum GivenError {
    /// An argument that is not `QUESTION=VALUE`.
    #[error("expected QUESTION=VALUE, found '{0}'")]
    NotAnAnswer(String),
    /// A question the exercise does not have.
    #[error("'{exercise}' has no question '{question}' ({near}its questions: {ids})")]
    NoQuestion {
        /// The exercise.
        exercise: String,
        /// The question asked for.
        question: String,
        /// `did you mean ...? `, or nothing.
        near: String,
        /// The exercise's questions, separated by commas.
        ids: String,
    },
    /// A trace question answered with `QUESTION=VALUE`.
    #[error("'{0}' is a trace question: give the file with --trace FILE")]
    TraceQuestion(String),
    /// A question answered twice.
    #[error("'{0}' is answered twice")]
    Twice(String),
    /// `--trace` for an exercise without a trace question.
    #[error("'{0}' has no trace question")]
    NoTraceQuestion(String),
    /// Standard input cannot be read as a trace.
    #[error("standard input: {0}")]
    Stdin(ReadError),
    /// The trace file cannot be read.
    #[error("{path}: cannot read it: {error}{pipe}")]
    Unreadable {
        /// The file, as given.
        path: String,
        /// Why.
        error: ReadError,
        /// How to read a pipe, when a FIFO was given.
        pipe: &'static str,
    },
}

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
            let near = answers::did_you_mean(q, ids.iter().copied())
                .map(|m| format!("{m} "))
                .unwrap_or_default();
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
        let pipe = match error {
            ReadError::NotRegular(kind) if kind.contains("FIFO") => {
                " (to read what a program pipes in, write --trace -)"
            }
            _ => "",
        };
        GivenError::Unreadable {
            path: trace.display().to_string(),
            error,
            pipe,
        }
    })?;
    Ok(Given::Trace { name, text })
}
