//! Reading a printed line's numbers for a template's fields.
//!
//! In order: by the template's own text (labels equal); each field's number after its name
//! and `:` or `=` (`x1 = 2.400, x2 = -1.600`, `grad: 0.6000  x: 2.4000`); the line's numbers
//! in order, one per field, when there are as many; the template's text followed by more
//! values (`1-th x: 2.4000  grad: 0.6000`); the numbers other than the iteration number,
//! when the line has no counter; else one per number of the expected line, keeping those at
//! fields.

use super::layout::{Kind, LinePiece, LineTpl};
use super::scan::{self, Number};

/// The numbers a printed line gives for a template's fields.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Extracted {
    /// One per field, in order; `None` where the text there is not a number (`nan`).
    pub values: Vec<Option<Number>>,
    /// Whether the line's text around the numbers matches the template.
    pub same_labels: bool,
    /// Whether the line prints more values than the template (`grad: 0.6000`), read by the
    /// template's text or by the fields' names.
    pub extras: bool,
}

/// Reads the numbers of `line` for the fields of `tpl`: first by the template's own text
/// (labels equal); else, labels differing, the line's numbers in order, one per field (or one
/// per number of the expected line `expected`, keeping those at fields).
pub(crate) fn extract(line: &str, tpl: &LineTpl, expected: Option<&str>) -> Option<Extracted> {
    // Leading spaces are indentation, unless the template itself starts with them.
    let indented = matches!(tpl.pieces.first(), Some(LinePiece::Text(t)) if t.starts_with(char::is_whitespace));
    let line = if indented { line } else { line.trim_start() };
    let templated = by_template(line, tpl);
    if let Some(values) = &templated
        && values.iter().all(Option::is_some)
    {
        return templated.map(|values| read(values, true, false));
    }
    let found: Vec<Number> = scan::numbers(line).collect();
    let n = tpl.fields.len();
    if found.len() > n
        && let Some(values) = template_then_extras(line, tpl, &found)
    {
        return Some(read(values, true, true));
    }
    // Each value after its own name (`x1 = 2.400, x2 = -1.600`): the names say which is which.
    if let Some(values) = by_name_and_counter(line, tpl, &found) {
        return Some(read(values, false, found.len() > n));
    }
    if found.len() == n {
        // Also when the template's text matches but a field holds more than a number
        // (`np.float64(2.4)`, as NumPy 2 prints a float inside a tuple).
        return Some(read(found.into_iter().map(Some).collect(), false, false));
    }
    if let Some(values) = templated {
        // The template's text, with a field that is not a number (`nan`).
        return Some(read(values, true, false));
    }
    if let Some(values) = without_counter(tpl, &found) {
        return Some(read(values, false, false));
    }
    by_expected_line(tpl, expected?, &found).map(|values| read(values, false, false))
}

fn read(values: Vec<Option<Number>>, same_labels: bool, extras: bool) -> Extracted {
    Extracted {
        values,
        same_labels,
        extras,
    }
}

/// Each value after its own name, and the counter by position: a whole number before every
/// named value.
fn by_name_and_counter(line: &str, tpl: &LineTpl, found: &[Number]) -> Option<Vec<Option<Number>>> {
    let mut values = by_name(line, tpl, found)?;
    let first_named = values.iter().flatten().map(|v| v.start).min();
    if found.len() >= tpl.fields.len() {
        for ((f, v), num) in tpl.fields.iter().zip(values.iter_mut()).zip(found) {
            if f.kind == Kind::Index
                && num.is_integer_literal()
                && first_named.is_none_or(|at| num.end <= at)
            {
                *v = Some(num.clone());
            }
        }
    }
    Some(values)
}

/// A line without the iteration number (`x = 2.4` for `{i}-th x: {x:.4f}`): the numbers
/// are the other fields, in order; the counter is a label.
fn without_counter(tpl: &LineTpl, found: &[Number]) -> Option<Vec<Option<Number>>> {
    let n = tpl.fields.len();
    let counted = tpl.fields.iter().filter(|f| f.kind != Kind::Index).count();
    if !(counted < n && counted > 0 && found.len() == counted) {
        return None;
    }
    let mut rest = found.iter().cloned();
    Some(
        tpl.fields
            .iter()
            .map(|f| {
                if f.kind == Kind::Index {
                    None
                } else {
                    rest.next()
                }
            })
            .collect(),
    )
}

/// The expected line may have numbers in its labels too: one number per number of the
/// expected line, keeping those at fields.
fn by_expected_line(
    tpl: &LineTpl,
    expected: &str,
    found: &[Number],
) -> Option<Vec<Option<Number>>> {
    let spans = field_spans(tpl, expected)?;
    let all: Vec<Number> = scan::numbers(expected).collect();
    if all.len() != found.len() {
        return None;
    }
    let mut values = Vec::with_capacity(tpl.fields.len());
    for (s, e) in spans {
        let idx = all.iter().position(|num| num.start >= s && num.end <= e)?;
        values.push(found.get(idx).cloned());
    }
    Some(values)
}

/// The byte ranges of the fields in the expected line, found by walking its literal text.
fn field_spans(tpl: &LineTpl, line: &str) -> Option<Vec<(usize, usize)>> {
    let mut pos = 0;
    let mut spans = Vec::new();
    let mut pending: Option<usize> = None;
    for p in &tpl.pieces {
        match p {
            LinePiece::Text(t) => {
                let at = if pending.is_some() {
                    pos + line.get(pos..)?.find(t.as_str())?
                } else {
                    pos
                };
                if let Some(start) = pending.take() {
                    spans.push((start, at));
                }
                if !line.get(at..)?.starts_with(t.as_str()) {
                    return None;
                }
                pos = at + t.len();
            }
            LinePiece::Field(_) => {
                if let Some(start) = pending.take() {
                    // Two fields side by side: no way to split them by text.
                    spans.push((start, start));
                }
                pending = Some(pos);
            }
        }
    }
    match pending {
        Some(start) => spans.push((start, line.len())),
        // Text after the template's last piece: not the template's text.
        None if pos != line.len() => return None,
        None => {}
    }
    Some(spans)
}

/// The field values of `line` when its text around them is the template's.
fn by_template(line: &str, tpl: &LineTpl) -> Option<Vec<Option<Number>>> {
    let spans = field_spans(tpl, line)?;
    if spans.len() != tpl.fields.len() {
        return None;
    }
    let mut out = Vec::with_capacity(spans.len());
    for ((s, e), f) in spans.into_iter().zip(&tpl.fields) {
        let text = line.get(s..e)?;
        let text = text
            .strip_prefix(f.self_doc.as_str())
            .unwrap_or(text)
            .trim();
        let text = text.strip_suffix('%').unwrap_or(text);
        out.push(scan::parse_field(text));
    }
    Some(out)
}

/// The template's text up to its last field, then more values: `1-th x: 2.4000  grad: 0.6000`
/// for `{i}-th x: {x:.4f}`. The line is cut after the n-th number (and the template's text
/// after its last field) and read by the template.
fn template_then_extras(
    line: &str,
    tpl: &LineTpl,
    found: &[Number],
) -> Option<Vec<Option<Number>>> {
    let n = tpl.fields.len();
    let tail = match tpl.pieces.last() {
        Some(LinePiece::Text(t)) => t.as_str(),
        _ => "",
    };
    let last = found.get(n.checked_sub(1)?)?;
    let rest = line.get(last.end..)?;
    if !rest.starts_with(tail) {
        return None;
    }
    let cut = line.get(..last.end + tail.len())?;
    let values = by_template(cut, tpl)?;
    values.iter().all(Option::is_some).then_some(values)
}

/// Each field's number found after its name and `:` or `=` (`x: 2.4000`, `x=2.4`), wherever
/// it stands in the line; the iteration number is a label. `None` unless every other field is
/// found so.
fn by_name(line: &str, tpl: &LineTpl, found: &[Number]) -> Option<Vec<Option<Number>>> {
    let mut values = Vec::with_capacity(tpl.fields.len());
    let mut any = false;
    for f in &tpl.fields {
        if f.kind == Kind::Index {
            values.push(None);
            continue;
        }
        let hit = found.iter().find(|num| {
            let before = line.get(..num.start).unwrap_or_default().trim_end();
            let Some(before) = before.strip_suffix([':', '=']) else {
                return false;
            };
            let before = before.trim_end();
            before.ends_with(f.name.as_str())
                && !before[..before.len() - f.name.len()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })?;
        values.push(Some(hit.clone()));
        any = true;
    }
    any.then_some(values)
}
