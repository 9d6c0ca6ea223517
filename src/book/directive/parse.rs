//! Parsing one directive, from its `{{#gbl` to its `}}`: the words, the `key=value`
//! pairs with their quoted values, and whether it stands alone on its line(s).

use std::iter::Peekable;
use std::str::CharIndices;

use super::{Directive, DirectiveError, OPEN};

/// A word of a directive: a bare word (`None`, the word), or `key=value`.
type Word = (Option<String>, String);

/// Why a directive cannot be parsed, and the byte offset to resume the chapter from.
type Fail = (String, usize);

/// A directive's words sorted: its kind, its other bare words, its named pairs.
type Sorted = (String, Vec<String>, Vec<(String, String)>);

/// The characters after `{{#gbl`, with their byte offsets in that rest.
type Chars<'a> = Peekable<CharIndices<'a>>;

/// The text of a chapter from just after a directive's `{{#gbl`.
struct Body<'a> {
    /// The whole chapter.
    text: &'a str,
    /// Byte offset just after `{{#gbl`.
    start: usize,
}

impl<'a> Body<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.start..]
    }

    /// Where to resume after a broken directive: after the first `}}` from offset `i` of
    /// the rest, else at the end of the chapter.
    fn resume_after(&self, i: usize) -> usize {
        self.rest()[i..]
            .find("}}")
            .map_or(self.text.len(), |e| self.start + i + e + 2)
    }
}

/// Parses the directive whose `{{` is at `start`. On error, also returns where to resume.
/// `line` is the 1-based line of `start`.
pub(super) fn parse_at(
    text: &str,
    start: usize,
    line: usize,
) -> Result<Directive, (DirectiveError, usize)> {
    let located = |(message, end): Fail| (DirectiveError { line, message }, end);
    let body = Body {
        text,
        start: start + OPEN.len(),
    };
    let (words, end) = words(&body).map_err(located)?;
    let (kind, positional, named) = sort(words).map_err(|m| located((m, end)))?;
    Ok(Directive {
        kind,
        positional,
        named,
        start,
        end,
        line,
        own_line: alone_on_line(text, start, end),
    })
}

/// The words of a directive up to its `}}`, and the byte offset just after it.
fn words(body: &Body) -> Result<(Vec<Word>, usize), Fail> {
    let rest = body.rest();
    if !rest.starts_with(char::is_whitespace) {
        return Err((
            "expected a space and a kind after '{{#gbl', e.g. {{#gbl exercise gd-one-step}}".into(),
            body.resume_after(0),
        ));
    }
    let mut words = Vec::new();
    let mut chars = rest.char_indices().peekable();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(i, c)) = chars.peek() else {
            return Err(("this directive has no closing '}}'".into(), body.text.len()));
        };
        if rest[i..].starts_with("}}") {
            return Ok((words, body.start + i + 2));
        }
        if c == '"' {
            return Err((
                format!(
                    "a quoted value needs a name in front of it: name=\"...\" (at '{}')",
                    excerpt(&rest[i..])
                ),
                body.resume_after(i),
            ));
        }
        words.push(word(body, &mut chars, i)?);
    }
}

/// One word, or `key=value`, starting at offset `i` of the rest.
fn word(body: &Body, chars: &mut Chars, i: usize) -> Result<Word, Fail> {
    let rest = body.rest();
    let mut key = String::new();
    let mut value = String::new();
    let mut has_key = false;
    while let Some(&(j, c)) = chars.peek() {
        if c.is_whitespace() || rest[j..].starts_with("}}") {
            break;
        }
        if c == '=' && !has_key {
            has_key = true;
            chars.next();
            if chars.next_if(|&(_, c)| c == '"').is_some() {
                value = quoted(rest, chars).ok_or_else(|| {
                    (
                        format!("the value of '{key}' has no closing quote"),
                        body.text.len(),
                    )
                })?;
                break;
            }
            continue;
        }
        if c == '"' {
            return Err((
                format!(
                    "a quote in the middle of '{}': write name=\"value\"",
                    excerpt(&rest[i..])
                ),
                body.resume_after(j),
            ));
        }
        if has_key {
            value.push(c);
        } else {
            key.push(c);
        }
        chars.next();
    }
    match (has_key, key.is_empty()) {
        (false, _) => Ok((None, key)),
        (true, false) => Ok((Some(key), value)),
        (true, true) => Err((
            format!("'={value}' has no name in front of it"),
            body.resume_after(0),
        )),
    }
}

/// A quoted value after its opening quote, up to its closing one (`\"` is a quote, every
/// other backslash is kept); `None` without a closing quote.
fn quoted(rest: &str, chars: &mut Chars) -> Option<String> {
    let mut value = String::new();
    while let Some((k, c)) = chars.next() {
        if c == '\\' && rest[k + 1..].starts_with('"') {
            chars.next();
            value.push('"');
        } else if c == '"' {
            return Some(value);
        } else {
            value.push(c);
        }
    }
    None
}

/// The kind (the first word), the other bare words and the named pairs.
fn sort(words: Vec<Word>) -> Result<Sorted, String> {
    let mut words = words.into_iter();
    let kind = match words.next() {
        Some((None, kind)) => kind,
        Some((Some(k), _)) => {
            return Err(format!(
                "expected a kind (exercise, trace, table, value, derive, plot, backprop, schema) before '{k}=...'"
            ));
        }
        None => return Err("this directive has no kind".into()),
    };
    let mut positional = Vec::new();
    let mut named: Vec<(String, String)> = Vec::new();
    for (k, v) in words {
        match k {
            None => positional.push(v),
            Some(k) if named.iter().any(|(n, _)| *n == k) => {
                return Err(format!("'{k}' is given twice"));
            }
            Some(k) => named.push((k, v)),
        }
    }
    Ok((kind, positional, named))
}

/// Whether only white space stands around `start..end` on its line(s).
fn alone_on_line(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty()
}

fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if let Some(i) = out.find("}}") {
        out.truncate(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::first_directive as one;
    use super::super::{DirectiveError, Piece, split};

    fn broken(text: &str) -> DirectiveError {
        match split(text).into_iter().find_map(|p| match p {
            Piece::Broken(e, _) => Some(e),
            _ => None,
        }) {
            Some(e) => e,
            None => panic!("no broken directive in {text:?}"),
        }
    }

    #[test]
    fn words_and_pairs() {
        let d = one("a\n\n{{#gbl plot path f=\"1/10*x^2\" from=x=3 lr=1}}\n");
        assert_eq!(d.kind, "plot");
        assert_eq!(d.positional, ["path"]);
        assert_eq!(
            d.named,
            [
                ("f".to_string(), "1/10*x^2".to_string()),
                ("from".into(), "x=3".into()),
                ("lr".into(), "1".into())
            ]
        );
        assert_eq!(d.line, 3);
        assert!(d.own_line);
    }

    #[test]
    fn braces_and_escapes_inside_quotes() {
        let d = one(r#"x {{#gbl trace print="{i}-th x: {x:.4f}\n" header="say \"hi\""}} y"#);
        assert_eq!(d.get("print"), Some(r"{i}-th x: {x:.4f}\n"));
        assert_eq!(d.get("header"), Some(r#"say "hi""#));
        assert!(!d.own_line);
    }

    #[test]
    fn escaped_directive_is_text() {
        let p = split(r"see \{{#gbl exercise ID}} here");
        assert_eq!(p, [Piece::Text("see {{#gbl exercise ID}} here".into())]);
    }

    #[test]
    fn errors() {
        assert!(
            broken("{{#gbl table f=\"x^2}}")
                .message
                .contains("closing quote")
        );
        assert!(broken("{{#gbl table f=x^2").message.contains("no closing"));
        assert!(
            broken("{{#gbltable}}")
                .message
                .contains("a space and a kind")
        );
        assert!(broken("{{#gbl lr=1}}").message.contains("expected a kind"));
        assert!(broken("{{#gbl table lr=1 lr=2}}").message.contains("twice"));
        assert!(broken("\n{{#gbl table \"x\"}}").line == 2);
    }
}
