//! Format-string templates such as `"{i}-th x: {x:.4f}"`, parsed once and rendered with
//! values looked up by name, as a Python f-string would print them.
//!
//! Supported: literal text, `{{` and `}}`, `{name}`, `{name:spec}`, `{name!r}` / `!s` / `!a`
//! (followed by a string spec if any, as in Python), and the f-string self-documenting form
//! `{name=}`, `{name = :.4f}`. As in f-strings, spaces around the name are allowed. Names are
//! identifiers `[A-Za-z_][A-Za-z0-9_]*`, or one of the namespaces [`NAMESPACES`] followed by
//! `.NAME` (`{run.f}`, `{point.y}`); positional fields, other attribute or index access,
//! expressions and nested fields in a spec are rejected with a clear message.

use super::{FormatError, format_str, format_value, repr_value};
use crate::num::PyNum;

/// The names that may be followed by `.NAME` in a field: `run.f`, `point.y`.
pub(crate) const NAMESPACES: [&str; 2] = ["run", "point"];

/// The largest template accepted, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 10_000;
/// The most replacement fields a template may have.
pub const MAX_FIELDS: usize = 1_000;

/// A template that cannot be parsed, or a field that cannot be rendered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} (column {column})")]
pub struct TemplateError {
    /// What is wrong.
    pub message: String,
    /// The 1-based column (in characters) of the problem in the template.
    pub column: usize,
}

impl TemplateError {
    fn new(message: impl Into<String>, column: usize) -> Self {
        TemplateError {
            message: message.into(),
            column: column.max(1),
        }
    }

    /// The template on one line (control characters shown as visible symbols) and a caret `^`
    /// under the error's column on the next line (at most just past the end of the template).
    pub fn render_with_caret(&self, src: &str) -> String {
        let line: String = src.chars().map(visible).collect();
        let indent = self.column.min(src.chars().count() + 1).saturating_sub(1);
        format!("{line}\n{}^", " ".repeat(indent))
    }
}

/// One character as shown on a single line: newlines as `⏎`, other controls as `·`.
fn visible(c: char) -> char {
    match c {
        '\n' => '⏎',
        c if c.is_control() => '·',
        c => c,
    }
}

/// One piece of a template.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Literal text, with `{{` and `}}` already turned into `{` and `}`.
    Literal(String),
    /// A replacement field.
    Field(Field),
}

/// A replacement field `{name!conv=:spec}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The name of the value.
    pub name: String,
    /// The format spec after `:` (empty if none).
    pub spec: String,
    /// The conversion after `!`: `r`, `s` or `a`.
    pub conversion: Option<char>,
    /// For `{name = }`, the text shown before the value: everything from after `{` up to and
    /// including `=` and the spaces after it, exactly as written (`"name = "`).
    pub self_doc: Option<String>,
    /// Byte offsets of the whole field in the template, from `{` to just after `}`.
    pub span: (usize, usize),
}

/// A parsed Python format-string template such as `"{i}-th x: {x:.4f}"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    source: String,
    pieces: Vec<Piece>,
}

impl Template {
    /// Parse a template; errors carry the column of the problem.
    pub fn parse(src: &str) -> Result<Template, TemplateError> {
        if src.len() > MAX_TEMPLATE_BYTES {
            let column = src
                .char_indices()
                .take_while(|(i, _)| *i < MAX_TEMPLATE_BYTES)
                .count();
            return Err(TemplateError::new(
                format!(
                    "template is too long ({} bytes; at most {MAX_TEMPLATE_BYTES} are allowed)",
                    src.len()
                ),
                column + 1,
            ));
        }
        let pieces = Scanner::new(src).pieces()?;
        Ok(Template {
            source: src.to_string(),
            pieces,
        })
    }

    /// The literal and field pieces, in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The replacement fields, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Field(f) => Some(f),
            Piece::Literal(_) => None,
        })
    }

    /// The template as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Render with values looked up by field name. An unknown name is an error naming it and
    /// its column; so is a spec that does not apply to the value (`{i:.2f}` is fine for an int,
    /// `{x:d}` is not for a float).
    pub fn render(&self, lookup: &dyn Fn(&str) -> Option<PyNum>) -> Result<String, TemplateError> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Field(field) => out.push_str(&self.render_field(field, lookup)?),
            }
        }
        Ok(out)
    }

    fn render_field(
        &self,
        field: &Field,
        lookup: &dyn Fn(&str) -> Option<PyNum>,
    ) -> Result<String, TemplateError> {
        let value = lookup(&field.name).ok_or_else(|| {
            TemplateError::new(
                format!("unknown name '{}'", field.name),
                name_column(&self.source, field),
            )
        })?;
        let text = format_field(value, field)
            .map_err(|e| spec_error(e, spec_column(&self.source, field)))?;
        Ok(match &field.self_doc {
            Some(doc) => format!("{doc}{text}"),
            None => text,
        })
    }
}

/// The value's text for a field: conversion then string spec, or number spec.
fn format_field(value: PyNum, field: &Field) -> Result<String, FormatError> {
    if field.conversion.is_some() {
        format_str(&repr_value(value), &field.spec)
    } else {
        format_value(value, &field.spec)
    }
}

/// A spec error moved to its column in the template.
fn spec_error(e: FormatError, spec_column: usize) -> TemplateError {
    TemplateError::new(e.message, (spec_column + e.column).saturating_sub(1))
}

/// 1-based column of a byte offset (on a char boundary) in `src`.
fn column_at(src: &str, byte: usize) -> usize {
    src.get(..byte).map_or(0, |s| s.chars().count()) + 1
}

/// Column of a field's name (after `{` and any spaces).
fn name_column(src: &str, field: &Field) -> usize {
    let inner = src.get(field.span.0 + 1..).unwrap_or("");
    let spaces = inner.len() - inner.trim_start_matches([' ', '\t']).len();
    column_at(src, field.span.0 + 1 + spaces)
}

/// Column of a field's spec (just before the closing `}`), or of the field if it has none.
fn spec_column(src: &str, field: &Field) -> usize {
    if field.spec.is_empty() {
        return column_at(src, field.span.0);
    }
    column_at(src, field.span.1.saturating_sub(1 + field.spec.len()))
}

/// A cursor over the template's characters.
struct Scanner<'a> {
    src: &'a str,
    chars: Vec<(usize, char)>,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        Scanner {
            src,
            chars: src.char_indices().collect(),
            pos: 0,
        }
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).map(|&(_, c)| c)
    }

    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    fn byte(&self, pos: usize) -> usize {
        self.chars.get(pos).map_or(self.src.len(), |&(b, _)| b)
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.src
            .get(self.byte(from)..self.byte(to))
            .unwrap_or("")
            .to_string()
    }

    fn error(&self, message: impl Into<String>, pos: usize) -> TemplateError {
        TemplateError::new(message, pos + 1)
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    /// The whole template as pieces.
    fn pieces(&mut self) -> Result<Vec<Piece>, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut fields = 0;
        while let Some(c) = self.peek() {
            match (c, self.peek_at(1)) {
                ('{', Some('{')) | ('}', Some('}')) => {
                    literal.push(c);
                    self.pos += 2;
                }
                ('{', _) => {
                    fields += 1;
                    if fields > MAX_FIELDS {
                        let msg = format!("too many fields (at most {MAX_FIELDS} are allowed)");
                        return Err(self.error(msg, self.pos));
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Field(self.field()?));
                }
                ('}', _) => {
                    let msg = "single '}' is not allowed (write '}}' for a literal brace)";
                    return Err(self.error(msg, self.pos));
                }
                _ => {
                    literal.push(c);
                    self.pos += 1;
                }
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        Ok(pieces)
    }

    /// One field, with the cursor on its `{`.
    fn field(&mut self) -> Result<Field, TemplateError> {
        let open = self.pos;
        self.pos += 1;
        self.skip_spaces();
        let name = self.name(open)?;
        self.skip_spaces();
        let self_doc = self.self_doc(open)?;
        let conversion = self.conversion(open)?;
        let (spec, spec_pos) = self.spec(open)?;
        self.pos += 1; // the closing '}', checked by `spec`
        let field = Field {
            name,
            spec,
            conversion,
            self_doc,
            span: (self.byte(open), self.byte(self.pos)),
        };
        check_spec(&field).map_err(|e| spec_error(e, spec_pos + 1))?;
        Ok(field)
    }

    fn unclosed(&self, open: usize) -> TemplateError {
        self.error(
            "unclosed '{' (expected '}'; write '{{' for a literal brace)",
            open,
        )
    }

    /// The identifier after `{`.
    fn name(&mut self, open: usize) -> Result<String, TemplateError> {
        let start = self.pos;
        match self.peek() {
            None => return Err(self.unclosed(open)),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
            Some('}') => {
                let msg = "empty field '{}': positional fields are not supported; name the value, e.g. '{x}'";
                return Err(self.error(msg, open));
            }
            Some(c) if c.is_ascii_digit() => {
                let msg =
                    "positional fields such as '{0}' are not supported; name the value, e.g. '{x}'";
                return Err(self.error(msg, start));
            }
            Some(c @ (':' | '!' | '=')) => {
                return Err(self.error(format!("missing name before '{c}'"), start));
            }
            Some(c) => {
                let msg = format!("expected a name after '{{', found '{c}'");
                return Err(self.error(msg, start));
            }
        }
        self.skip_ident();
        // `run.NAME` and `point.NAME`: gbl's own namespaces, which no variable can collide with.
        let base = self.text(start, self.pos);
        if NAMESPACES.contains(&base.as_str())
            && self.peek() == Some('.')
            && matches!(self.peek_at(1), Some(c) if c.is_ascii_alphabetic() || c == '_')
        {
            self.pos += 1;
            self.skip_ident();
        }
        Ok(self.text(start, self.pos))
    }

    fn skip_ident(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '_') {
            self.pos += 1;
        }
    }

    /// `=` and the spaces after it, for `{name = }`.
    fn self_doc(&mut self, open: usize) -> Result<Option<String>, TemplateError> {
        let at = self.pos;
        let message = match (self.peek(), self.peek_at(1)) {
            (None, _) => return Err(self.unclosed(open)),
            (Some('='), Some('=')) | (Some('!'), Some('=')) => {
                "comparisons are not supported in a field; use a plain name".to_string()
            }
            (Some('='), _) => {
                self.pos += 1;
                self.skip_spaces();
                return Ok(Some(self.text(open + 1, self.pos)));
            }
            (Some('!' | ':' | '}'), _) => return Ok(None),
            (Some('.'), _) => {
                "attribute access is not supported in a field; use a plain name".into()
            }
            (Some('['), _) => "indexing is not supported in a field; use a plain name".into(),
            (Some('('), _) => {
                "function calls are not supported in a field; use a plain name".into()
            }
            (Some('{'), _) => "unexpected '{' in a field".into(),
            (Some(c), _) => format!(
                "expressions are not supported in a field: expected '=', '!', ':' or '}}' after the name, found '{c}'"
            ),
        };
        Err(self.error(message, at))
    }

    /// `!r`, `!s` or `!a`.
    fn conversion(&mut self, open: usize) -> Result<Option<char>, TemplateError> {
        if self.peek() != Some('!') {
            return Ok(None);
        }
        self.pos += 1;
        let conversion = match self.peek() {
            None => return Err(self.unclosed(open)),
            Some(c @ ('r' | 's' | 'a')) => c,
            Some(c) => {
                let msg = format!("invalid conversion character '{c}': expected 's', 'r', or 'a'");
                return Err(self.error(msg, self.pos));
            }
        };
        self.pos += 1;
        match self.peek() {
            None => Err(self.unclosed(open)),
            Some(':' | '}') => Ok(Some(conversion)),
            Some(c) => {
                let msg = format!("expected ':' or '}}' after '!{conversion}', found '{c}'");
                Err(self.error(msg, self.pos))
            }
        }
    }

    /// The spec after `:` up to the closing `}` (left under the cursor), and where it starts.
    fn spec(&mut self, open: usize) -> Result<(String, usize), TemplateError> {
        match self.peek() {
            None => return Err(self.unclosed(open)),
            Some(':') => self.pos += 1,
            Some('}') => return Ok((String::new(), self.pos)),
            Some(c) => {
                let msg = format!("expected '!', ':' or '}}' in a field, found '{c}'");
                return Err(self.error(msg, self.pos));
            }
        }
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.unclosed(open)),
                Some('}') => return Ok((self.text(start, self.pos), start)),
                Some('{') => {
                    let msg = "nested fields in a format spec are not supported";
                    return Err(self.error(msg, self.pos));
                }
                Some(_) => self.pos += 1,
            }
        }
    }
}

/// Reject at parse time a spec that would fail for any number (or, after a conversion, for any
/// string); a spec that suits only ints or only floats is checked when rendering.
fn check_spec(field: &Field) -> Result<(), FormatError> {
    if field.spec.is_empty() {
        return Ok(());
    }
    if field.conversion.is_some() {
        return format_str("0", &field.spec).map(drop);
    }
    match format_value(PyNum::Float(0.0), &field.spec) {
        Ok(_) => Ok(()),
        Err(float_error) => format_value(PyNum::Int(0), &field.spec)
            .map(drop)
            .map_err(|_| float_error),
    }
}
