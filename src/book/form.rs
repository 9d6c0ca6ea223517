//! The answer form of an exercise in the book's page: one field per question (a text area and
//! a file picker for a trace question), checked in the page by gbl-core compiled to
//! WebAssembly (`book/theme/gbl-check.js`, the module embedded by `gbl mdbook checker`), so
//! that the page gives the verdicts and sentences `gbl check` gives.
//!
//! The attributes are a contract that outside tests drive the page by (documented in the
//! book's appendix "Using gbl", beside the JSON shapes):
//! - the form: `data-gbl-exercise="ID"` and `data-gbl-params`, the JSON object of every
//!   parameter behind the form's numbers (`gbl check ID --params '…'` takes it as it is);
//!   `data-gbl-file` and `data-gbl-source` carry the exercise's file name and YAML to the
//!   checker, and `data-gbl-hints` how many hints it has;
//! - each field: `data-gbl-question="QID"` (a trace question's text area too);
//! - the buttons: `data-gbl-check`, `data-gbl-hint`, `data-gbl-clear`;
//! - per question a feedback element `data-gbl-feedback="QID"`, whose text becomes the
//!   sentence of `gbl check --format json` and whose `data-gbl-status` becomes `correct`,
//!   `wrong`, `invalid` or `missing` (not answered) after a check.

use indexmap::IndexMap;
use serde_json::{Map, Value};

use crate::engine::PyNum;

/// One question's field.
pub(crate) struct Field<'a> {
    /// The question's id.
    pub(crate) id: &'a str,
    /// The question as the reader sees it (Markdown code spans allowed).
    pub(crate) prompt: String,
    /// A trace question: a text area and a file picker.
    pub(crate) trace: bool,
    /// A choice question's choices (offered as suggestions; anything may be typed).
    pub(crate) choices: Vec<String>,
}

/// What a form is for: the exercise, its source and its numbers.
pub(crate) struct FormOf<'a> {
    /// The exercise's id.
    pub(crate) id: &'a str,
    /// Its file name (its stem is the id).
    pub(crate) file: &'a str,
    /// Its YAML.
    pub(crate) source: &'a str,
    /// Every parameter behind the numbers shown.
    pub(crate) params: &'a IndexMap<String, PyNum>,
    /// How many hints it has.
    pub(crate) hints: usize,
}

/// The JSON object of `params` (`{"x0":-2,"lr":1}`): integers stay integers, and a float
/// keeps its point (`1.0`), as the exercise wrote them.
pub(crate) fn params_json(params: &IndexMap<String, PyNum>) -> String {
    let mut map = Map::new();
    for (k, v) in params {
        let v = match v {
            PyNum::Int(i) => Value::from(*i),
            PyNum::Float(f) => Value::from(*f),
        };
        map.insert(k.clone(), v);
    }
    Value::Object(map).to_string()
}

/// The form: raw HTML on consecutive lines with no blank line, so that Markdown keeps it
/// as one HTML block.
pub(crate) fn form(of: &FormOf, fields: &[Field]) -> String {
    let mut out = format!(
        "<form class=\"gbl-form\" data-gbl-exercise=\"{}\" data-gbl-params=\"{}\" data-gbl-file=\"{}\" data-gbl-hints=\"{}\" data-gbl-source=\"{}\" autocomplete=\"off\" novalidate>\n",
        attr(of.id),
        attr(&params_json(of.params)),
        attr(of.file),
        of.hints,
        attr(of.source),
    );
    for f in fields {
        out.push_str(&field(of.id, f));
    }
    out.push_str(
        "<div class=\"gbl-buttons\"><button type=\"button\" data-gbl-check>Check</button>",
    );
    if of.hints > 0 {
        out.push_str(" <button type=\"button\" data-gbl-hint>Hint</button>");
    }
    out.push_str(" <button type=\"button\" data-gbl-clear>Clear</button> <span class=\"gbl-summary\" data-gbl-summary aria-live=\"polite\"></span></div>\n");
    if of.hints > 0 {
        out.push_str("<ol class=\"gbl-hints\" data-gbl-hints-shown></ol>\n");
    }
    out.push_str(&format!(
        "<noscript><p>{}</p></noscript>\n",
        attr(&gbl_core::t!("book-form-noscript"))
    ));
    out.push_str("</form>\n");
    out
}

/// One question: its label, its field and its feedback element.
fn field(exercise: &str, f: &Field) -> String {
    let id = attr(f.id);
    let html_id = format!("gbl-{}-{}", attr(exercise), id);
    let label = format!(
        "<label for=\"{html_id}\"><code>{id}</code>: {}</label>",
        inline(&f.prompt)
    );
    let input = if f.trace {
        let paste = attr(&gbl_core::t!("book-form-paste"));
        let file = attr(&gbl_core::t!("book-form-file", question = id));
        format!(
            "<textarea id=\"{html_id}\" data-gbl-question=\"{id}\" rows=\"6\" spellcheck=\"false\" placeholder=\"{paste}\"></textarea><br><input type=\"file\" data-gbl-trace-file=\"{id}\" accept=\".txt,.log,text/plain\" aria-label=\"{file}\">"
        )
    } else if f.choices.is_empty() {
        format!(
            "<input id=\"{html_id}\" type=\"text\" data-gbl-question=\"{id}\" spellcheck=\"false\" inputmode=\"text\">"
        )
    } else {
        let options: String = f
            .choices
            .iter()
            .map(|c| format!("<option value=\"{}\"></option>", attr(c)))
            .collect();
        format!(
            "<input id=\"{html_id}\" type=\"text\" data-gbl-question=\"{id}\" spellcheck=\"false\" list=\"{html_id}-choices\"><datalist id=\"{html_id}-choices\">{options}</datalist>"
        )
    };
    format!(
        "<div class=\"gbl-field\">{label} {input}<div class=\"gbl-feedback\" data-gbl-feedback=\"{id}\" aria-live=\"polite\"></div><div class=\"gbl-expected\" data-gbl-expected=\"{id}\"></div></div>\n"
    )
}

/// Text as an HTML attribute's value: the plot's XML escapes, and line breaks and braces as
/// character references (one line, and nothing for mdBook's `{{#...}}` links to read).
pub(crate) fn attr(s: &str) -> String {
    crate::plot::escape(s)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('{', "&#123;")
        .replace('}', "&#125;")
}

/// A line of text with Markdown code spans as HTML: escaped, `code` as `<code>`.
fn inline(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", attr(part))
            } else {
                attr(part)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_stay_on_one_line_and_quote_everything() {
        assert_eq!(
            attr("a: \"x\" & 'y'\n{{#include z}}<b>"),
            "a: &quot;x&quot; &amp; &apos;y&apos;&#10;&#123;&#123;#include z&#125;&#125;&lt;b&gt;"
        );
    }

    #[test]
    fn params_keep_integers_and_floats_apart() {
        let mut p = IndexMap::new();
        p.insert("x0".to_string(), PyNum::Int(-2));
        p.insert("lr".to_string(), PyNum::Float(1.0));
        p.insert("a".to_string(), PyNum::Float(0.25));
        assert_eq!(params_json(&p), r#"{"x0":-2,"lr":1.0,"a":0.25}"#);
    }

    #[test]
    fn code_spans_become_code_elements() {
        assert_eq!(
            inline("Print `x<1` and\n  `{k}`"),
            "Print <code>x&lt;1</code> and <code>&#123;k&#125;</code>"
        );
    }
}
