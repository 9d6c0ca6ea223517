//! Answers given on the command line: `QUESTION=VALUE` pairs, and a trace named with
//! `--trace FILE` (or `-` for standard input).

use std::path::Path;

use anyhow::bail;
use indexmap::IndexMap;

use crate::check::{Given, answers};
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;
use crate::fsutil::{ReadError, check_regular, is_plain_utf8, read_trace_from, read_trace_text};

/// The answers given on the command line, by question.
pub(crate) fn cli_answers(l: &Loaded, args: &[String]) -> anyhow::Result<IndexMap<String, Given>> {
    let mut out = IndexMap::new();
    for a in args {
        let Some((q, v)) = a.split_once('=') else {
            bail!("expected QUESTION=VALUE, found '{a}'");
        };
        let q = q.trim();
        let Some(question) = l.exercise.questions.iter().find(|x| x.id() == q) else {
            let ids: Vec<&str> = l.exercise.questions.iter().map(Question::id).collect();
            let near = answers::did_you_mean(q, ids.iter().copied())
                .map(|m| format!("{m} "))
                .unwrap_or_default();
            bail!(
                "'{}' has no question '{q}' ({near}its questions: {})",
                l.id,
                ids.join(", ")
            );
        };
        if let Question::Trace(_) = question {
            bail!("'{q}' is a trace question: give the file with --trace FILE");
        }
        if out
            .insert(q.to_string(), Given::Text(v.trim().to_string()))
            .is_some()
        {
            bail!("'{q}' is answered twice");
        }
    }
    Ok(out)
}

/// Adds the trace in `trace` as the answer to the exercise's one trace question.
pub(crate) fn add_trace(
    l: &Loaded,
    given: &mut IndexMap<String, Given>,
    trace: &Path,
) -> anyhow::Result<()> {
    let traces: Vec<&Question> = l
        .exercise
        .questions
        .iter()
        .filter(|q| matches!(q, Question::Trace(_)))
        .collect();
    let [q] = traces.as_slice() else {
        bail!("'{}' has no trace question", l.id);
    };
    given.insert(q.id().to_string(), read_cli_trace(trace)?);
    Ok(())
}

/// Trace files larger than this are judged while they are read, when they can be.
const STREAM_ABOVE: u64 = 1 << 20;

/// Reads the trace named on the command line: any file the student names, or standard input
/// for `-` (`python3 gd.py | gbl check gd-trace --trace -`).
fn read_cli_trace(trace: &Path) -> anyhow::Result<Given> {
    if trace.as_os_str() == "-" {
        let text = read_trace_from(std::io::stdin().lock(), answers::MAX_TRACE_BYTES)
            .map_err(|e| anyhow::anyhow!("standard input: {e}"))?;
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
    let text = read_trace_text(trace, answers::MAX_TRACE_BYTES).map_err(|e| {
        // `--trace /dev/stdin` from a pipe is a FIFO: say how a pipe is read.
        let pipe = match e {
            ReadError::NotRegular(kind) if kind.contains("FIFO") => {
                " (to read what a program pipes in, write --trace -)"
            }
            _ => "",
        };
        anyhow::anyhow!("{}: cannot read it: {e}{pipe}", trace.display())
    })?;
    Ok(Given::Trace { name, text })
}
