//! `schema`: the reference of every field of the exercise format, generated from the same
//! serde types (through their JSON Schema) that read the files, so it cannot fall behind.

use serde_json::{Map, Value};

use super::directive::{Directive, DirectiveError};
use super::markdown::{code, table};
use crate::playground::exercise_schema;

/// The order in which the schema's definitions are described, with a heading for each.
const SECTIONS: &[(&str, &str)] = &[
    ("RunSpec", "A run (`runs.NAME`)"),
    ("DescentSpec", "A descent run (`runs.NAME.descent`)"),
    ("GraphSpec", "A graph run (`runs.NAME.graph`)"),
    (
        "DerivativeSpec",
        "A derivative run (`runs.NAME.derivative`)",
    ),
    ("Variation", "A variation (`vary.PARAM`)"),
    ("Tolerance", "A tolerance (`tolerance`)"),
    ("AuthorTest", "An author's test (`tests[i]`)"),
    ("Translation", "The texts in Korean (`ko`)"),
];

/// Runs a `schema` directive.
pub(crate) fn schema(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&[], &[], &[])?;
    let s = exercise_schema();
    let defs = s
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut out = String::from("#### The exercise file {#schema-exercise}\n\n");
    out.push_str(&fields(&s));
    for (name, heading) in SECTIONS {
        let Some(def) = defs.get(*name) else { continue };
        out.push_str(&format!(
            "\n#### {heading} {{#schema-{}}}\n\n",
            name.to_lowercase()
        ));
        if let Some(desc) = def.get("description").and_then(Value::as_str) {
            out.push_str(&format!("{}\n\n", one_line(desc)));
        }
        out.push_str(&fields(def));
    }
    if let Some(q) = defs.get("Question") {
        out.push_str("\n#### A question (`questions[i]`) {#schema-question}\n\n");
        if let Some(desc) = q.get("description").and_then(Value::as_str) {
            out.push_str(&format!("{}\n\n", one_line(desc)));
        }
        for variant in q
            .get("oneOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let kind = variant
                .pointer("/properties/kind/const")
                .and_then(Value::as_str)
                .unwrap_or("?");
            out.push_str(&format!("\n**`kind: {kind}`**: "));
            if let Some(desc) = variant.get("description").and_then(Value::as_str) {
                out.push_str(&one_line(desc));
            }
            out.push_str("\n\n");
            out.push_str(&fields(variant));
        }
    }
    if let Some(v) = defs.get("Value") {
        out.push_str("\n#### A value {#schema-value}\n\n");
        if let Some(desc) = v.get("description").and_then(Value::as_str) {
            out.push_str(&one_line(desc));
        }
        let kinds: Vec<String> = v
            .get("anyOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|k| {
                let desc = k.get("description").and_then(Value::as_str)?;
                Some(format!("- {}: {}", type_of(k), one_line(desc)))
            })
            .collect();
        out.push_str(&format!(" One of:\n\n{}\n", kinds.join("\n")));
    }
    Ok(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

/// The table of an object's fields: name, type, required, meaning.
fn fields(obj: &Value) -> String {
    let empty = Map::new();
    let props = obj
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let required: Vec<&str> = obj
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let rows: Vec<Vec<String>> = props
        .iter()
        .filter(|(name, _)| name.as_str() != "kind")
        .map(|(name, p)| {
            vec![
                code(name),
                cell(&type_of(p)),
                if required.contains(&name.as_str()) {
                    "yes".into()
                } else {
                    "no".into()
                },
                cell(p.get("description").and_then(Value::as_str).unwrap_or("")),
            ]
        })
        .collect();
    table(
        &[
            "field".into(),
            "type".into(),
            "required".into(),
            "meaning".into(),
        ],
        &rows,
        &[],
    )
}

/// A field's type in words, with links to the sections above.
fn type_of(p: &Value) -> String {
    if let Some(r) = p.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!("[{}](#schema-{})", name.to_lowercase(), name.to_lowercase());
    }
    if let Some(options) = p.get("anyOf").and_then(Value::as_array) {
        let kinds: Vec<String> = options
            .iter()
            .filter(|o| o.get("type").and_then(Value::as_str) != Some("null"))
            .map(type_of)
            .collect();
        return kinds.join(" or ");
    }
    let types: Vec<&str> = match p.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    };
    let words: Vec<String> = types
        .iter()
        .map(|t| match *t {
            "string" => "text".to_string(),
            "integer" => "whole number".to_string(),
            "number" => "number".to_string(),
            "boolean" => "true or false".to_string(),
            "array" => {
                if let Some(items) = p.get("prefixItems").and_then(Value::as_array) {
                    let parts: Vec<String> = items.iter().map(type_of).collect();
                    format!("[{}]", parts.join(", "))
                } else {
                    match p.get("items") {
                        Some(items) => format!("list of {}", type_of(items)),
                        None => "list".to_string(),
                    }
                }
            }
            "object" => match p.get("additionalProperties") {
                Some(v @ Value::Object(_)) => format!("map of name → {}", type_of(v)),
                _ => "map".to_string(),
            },
            other => other.to_string(),
        })
        .collect();
    if words.is_empty() {
        "any".into()
    } else {
        words.join(" or ")
    }
}
