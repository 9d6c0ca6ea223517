//! JSON Schemas of what the student's commands print with `--format json` (`gbl schema
//! check`, `gbl schema list`, `gbl schema error`), so that editors and scripts can rely on
//! the shapes. They are written out by hand, from the renderers they describe
//! (`gbl check`'s and `gbl list`'s reports and [`super::json::error_doc`]).

use serde_json::{Value, json};

fn nullable(t: &str) -> Value {
    json!({"type": [t, "null"]})
}

/// `{"error": {"message", "file", "line", "column"}}`: printed on exit 2.
pub(crate) fn error() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gbl error (exit 2)",
        "type": "object",
        "required": ["error"],
        "properties": {"error": {
            "type": "object",
            "required": ["message", "file", "line", "column"],
            "properties": {
                "message": {"type": "string", "description": "What went wrong, as on stderr."},
                "file": nullable("string"),
                "line": nullable("integer"),
                "column": nullable("integer")
            }
        }}
    })
}

fn problem() -> Value {
    json!({
        "type": "object",
        "description": "A problem in the answer file, at its place.",
        "required": ["message", "file", "line", "column"],
        "properties": {
            "message": {"type": "string"},
            "file": {"type": "string"},
            "line": nullable("integer"),
            "column": nullable("integer")
        }
    })
}

/// `gbl check --format json`.
pub(crate) fn check() -> Value {
    let question = json!({
        "type": "object",
        "required": ["id", "status", "expected", "given", "feedback", "score", "max_score", "revealed"],
        "properties": {
            "id": {"type": "string"},
            "status": {"enum": ["correct", "wrong", "missing", "invalid"]},
            "expected": {"description": "The answer (a number or a string); null until revealed (--reveal, gbl solve, the last hint) unless the answer given is correct."},
            "given": nullable("string"),
            "feedback": {"type": "string", "description": "What to learn; never the expected value."},
            "score": {"type": "number"},
            "max_score": {"type": "number"},
            "revealed": {"type": "boolean"},
            "mistake": {"type": "string", "description": "The diagnosed mistake's code (add-gradient, sign, ...), when one is found."},
            "lines": {"description": "For a trace: the verdict on each line."}
        }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gbl check",
        "type": "object",
        "required": ["score", "max_score", "exercises"],
        "properties": {
            "score": {"type": "number"},
            "max_score": {"type": "number", "description": "With an answer file: of every exercise (the quiz's points with --quiz), answered or not."},
            "answered": {"type": "integer", "description": "With an answer file: how many exercises have an answer."},
            "fully_right": {"type": "integer", "description": "With an answer file: how many exercises are fully right."},
            "problems": {"type": "array", "items": problem(), "description": "With an answer file: each problem at its line."},
            "exercises": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "score", "max_score", "questions"],
                "properties": {
                    "id": {"type": "string"},
                    "score": {"type": "number"},
                    "max_score": {"type": "number"},
                    "answered": {"type": "boolean", "description": "With an answer file."},
                    "questions": {"type": "array", "items": question}
                }
            }}
        }
    })
}

/// `gbl list --format json`.
pub(crate) fn list() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gbl list",
        "type": "object",
        "required": ["exercises"],
        "properties": {
            "exercises": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "title", "chapter"],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "chapter": {"type": "string"},
                    "progress": {"enum": ["done", "started", "not started"], "description": "With answers."},
                    "right": {"type": "integer", "description": "Questions right, with answers."},
                    "questions": {"type": "integer"},
                    "score": {"type": "number"},
                    "max_score": {"type": "number"}
                }
            }},
            "score": {"type": "number"},
            "max_score": {"type": "number"},
            "answered": {"type": "integer"},
            "fully_right": {"type": "integer"},
            "problems": {"type": "array", "items": problem()}
        }
    })
}
