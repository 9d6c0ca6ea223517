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

// The JSON document of an error (exit 2) is the core's: the web page's API answers with it.
pub(crate) use gbl_core::api::error_doc;

/// A problem as JSON: `{"message", "file", "line", "column"}`.
pub(crate) fn problem_json(d: &Diagnostic) -> Value {
    json!({
        "message": d.message,
        "file": d.file,
        "line": d.pos.map(|p| p.line),
        "column": d.pos.map(|p| p.col),
    })
}
