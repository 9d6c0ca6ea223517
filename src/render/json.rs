//! JSON documents every command shares: the error of exit 2, a problem at its place, and
//! how a document is printed.

use serde_json::{Value, json};

use crate::exercise::load::Diagnostic;

/// Prints a JSON document followed by a new line.
pub(crate) fn print_json(out: &mut dyn std::io::Write, value: &Value) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// The JSON document of an error (exit 2): `{"error": {"message", "file", "line",
/// "column"}}`, the position read from a leading `FILE:LINE:COL: ` or `FILE: ` when the
/// message has one, else null.
pub(crate) fn error_doc(message: &str) -> Value {
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

/// A problem as JSON: `{"message", "file", "line", "column"}`.
pub(crate) fn problem_json(d: &Diagnostic) -> Value {
    json!({
        "message": d.message,
        "file": d.file,
        "line": d.pos.map(|p| p.line),
        "column": d.pos.map(|p| p.col),
    })
}
