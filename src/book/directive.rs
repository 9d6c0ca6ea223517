//! Finding and parsing `{{#gbl KIND ARGS...}}` directives in a chapter's Markdown.
//!
//! Syntax (one directive; it may span lines):
//!
//! ```text
//! directive = "{{#gbl" , ws , KIND , { ws , arg } , [ ws ] , "}}" ;
//! arg       = word | key , "=" , value ;
//! value     = word | '"' , { any character but '"', or '\"' } , '"' ;
//! word      = { any character but white space, '"' and "}}" } ;
//! ```
//!
//! Bare words are positional (`{{#gbl exercise gd-one-step}}`, `{{#gbl plot path ...}}`);
//! `key=value` pairs are named. Inside quotes `\"` is a quote; every other backslash is kept
//! as written (so `print="x: {x}\n"` keeps its `\n` for the template). A directive written
//! `\{{#gbl ...}}` is not run: it is printed as `{{#gbl ...}}`.

/// The text that opens a directive.
pub const OPEN: &str = "{{#gbl";

/// One directive as written in a chapter.
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    /// The kind: `exercise`, `trace`, `table`, `value`, `derive`, `plot`, `backprop`, `schema`.
    pub kind: String,
    /// Bare words after the kind, in order.
    pub positional: Vec<String>,
    /// `key=value` pairs, in order.
    pub named: Vec<(String, String)>,
    /// Byte offset of `{{` in the chapter.
    pub start: usize,
    /// Byte offset just after `}}`.
    pub end: usize,
    /// The 1-based line of `{{`.
    pub line: usize,
    /// Whether the directive is alone on its line(s) (only white space around it).
    pub own_line: bool,
}

/// A directive that cannot be parsed, or whose arguments do not fit its kind.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct DirectiveError {
    /// The 1-based line of the directive.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A piece of a chapter: text to keep, or a directive to replace.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Text kept as it is (an escaped directive has already lost its backslash).
    Text(String),
    /// A directive.
    Directive(Directive),
    /// A directive that could not be parsed; its text is kept.
    Broken(DirectiveError, String),
}

/// The 1-based line of byte offset `at`.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The most directives (working or broken) run in one chapter; a real chapter has a few
/// dozen. Past it, the rest of the chapter is kept as text and one error says so.
pub const MAX_DIRECTIVES: usize = 2_000;

/// Line numbers of increasing byte offsets, counted once over the text (so finding the
/// line of every directive is linear in the chapter, not quadratic).
struct Lines<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            return line_of(self.text, offset);
        }
        self.line += self.text.as_bytes()[self.at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = offset;
        self.line
    }
}

/// Splits a chapter into text and directives (at most [`MAX_DIRECTIVES`] of them).
pub fn split(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut kept = String::new();
    let mut pos = 0;
    let mut lines = Lines {
        text,
        at: 0,
        line: 1,
    };
    let mut count = 0;
    while let Some(found) = text[pos..].find(OPEN) {
        let start = pos + found;
        if start > 0 && text.as_bytes()[start - 1] == b'\\' {
            kept.push_str(&text[pos..start - 1]);
            kept.push_str(OPEN);
            pos = start + OPEN.len();
            continue;
        }
        kept.push_str(&text[pos..start]);
        let line = lines.of(start);
        count += 1;
        if count > MAX_DIRECTIVES {
            let error = DirectiveError {
                line,
                message: format!(
                    "the chapter has more than {MAX_DIRECTIVES} gbl directives, the most run in \
                     one chapter; from here on they are not run (split the chapter)"
                ),
            };
            pieces.push(Piece::Text(std::mem::take(&mut kept)));
            pieces.push(Piece::Broken(error, text[start..].to_string()));
            pos = text.len();
            break;
        }
        match parse_at(text, start, line) {
            Ok(d) => {
                pos = d.end;
                pieces.push(Piece::Text(std::mem::take(&mut kept)));
                pieces.push(Piece::Directive(d));
            }
            Err((e, end)) => {
                pieces.push(Piece::Text(std::mem::take(&mut kept)));
                pieces.push(Piece::Broken(e, text[start..end].to_string()));
                pos = end;
            }
        }
    }
    kept.push_str(&text[pos..]);
    pieces.push(Piece::Text(kept));
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    pieces
}

/// Parses the directive whose `{{` is at `start`. On error, also returns where to resume.
/// `line` is the 1-based line of `start`.
fn parse_at(text: &str, start: usize, line: usize) -> Result<Directive, (DirectiveError, usize)> {
    let fail = |message: String, end: usize| (DirectiveError { line, message }, end);
    let body_start = start + OPEN.len();
    let rest = &text[body_start..];
    if !rest.starts_with(char::is_whitespace) {
        let end = rest.find("}}").map_or(text.len(), |e| body_start + e + 2);
        return Err(fail(
            "expected a space and a kind after '{{#gbl', e.g. {{#gbl exercise gd-one-step}}".into(),
            end,
        ));
    }
    let mut words: Vec<(Option<String>, String)> = Vec::new();
    let mut chars = rest.char_indices().peekable();
    let end = loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(i, c)) = chars.peek() else {
            return Err(fail(
                "this directive has no closing '}}'".into(),
                text.len(),
            ));
        };
        if rest[i..].starts_with("}}") {
            break body_start + i + 2;
        }
        if c == '"' {
            let resume = rest[i..]
                .find("}}")
                .map_or(text.len(), |e| body_start + i + e + 2);
            return Err(fail(
                format!(
                    "a quoted value needs a name in front of it: name=\"...\" (at '{}')",
                    excerpt(&rest[i..])
                ),
                resume,
            ));
        }
        // A word, or key=value.
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
                if chars.peek().is_some_and(|&(_, c)| c == '"') {
                    chars.next();
                    let mut closed = false;
                    while let Some((k, c)) = chars.next() {
                        if c == '\\' && rest[k + 1..].starts_with('"') {
                            chars.next();
                            value.push('"');
                        } else if c == '"' {
                            closed = true;
                            break;
                        } else {
                            value.push(c);
                        }
                    }
                    if !closed {
                        return Err(fail(
                            format!("the value of '{key}' has no closing quote"),
                            text.len(),
                        ));
                    }
                    break;
                }
                continue;
            }
            if c == '"' {
                let resume = rest[j..]
                    .find("}}")
                    .map_or(text.len(), |e| body_start + j + e + 2);
                return Err(fail(
                    format!(
                        "a quote in the middle of '{}': write name=\"value\"",
                        excerpt(&rest[i..])
                    ),
                    resume,
                ));
            }
            if has_key {
                value.push(c);
            } else {
                key.push(c);
            }
            chars.next();
        }
        if has_key {
            if key.is_empty() {
                return Err(fail(
                    format!("'={value}' has no name in front of it"),
                    rest.find("}}").map_or(text.len(), |e| body_start + e + 2),
                ));
            }
            words.push((Some(key), value));
        } else {
            words.push((None, key));
        }
    };
    let mut words = words.into_iter();
    let kind = match words.next() {
        Some((None, kind)) => kind,
        Some((Some(k), _)) => {
            return Err(fail(
                format!(
                    "expected a kind (exercise, trace, table, value, derive, plot, backprop, schema) before '{k}=...'"
                ),
                end,
            ));
        }
        None => return Err(fail("this directive has no kind".into(), end)),
    };
    let mut positional = Vec::new();
    let mut named: Vec<(String, String)> = Vec::new();
    for (k, v) in words {
        match k {
            None => positional.push(v),
            Some(k) => {
                if named.iter().any(|(n, _)| *n == k) {
                    return Err(fail(format!("'{k}' is given twice"), end));
                }
                named.push((k, v));
            }
        }
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let own_line =
        text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
    Ok(Directive {
        kind,
        positional,
        named,
        start,
        end,
        line,
        own_line,
    })
}

fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if let Some(i) = out.find("}}") {
        out.truncate(i);
    }
    out
}

impl Directive {
    /// An error about this directive.
    pub fn error(&self, message: impl Into<String>) -> DirectiveError {
        DirectiveError {
            line: self.line,
            message: message.into(),
        }
    }

    /// Checks the named arguments against those `required` and those `optional`, and the
    /// number of positional words against `positional` (their names, for messages).
    pub fn expect(
        &self,
        positional: &[&str],
        required: &[&str],
        optional: &[&str],
    ) -> Result<(), DirectiveError> {
        let what = self.what();
        if self.positional.len() > positional.len() {
            let extra = &self.positional[positional.len()];
            return Err(self.error(if positional.is_empty() {
                format!("{what}: unexpected word '{extra}' (arguments are written name=value)")
            } else {
                format!(
                    "{what}: unexpected word '{extra}' after {}",
                    positional.join(" ")
                )
            }));
        }
        if self.positional.len() < positional.len() {
            return Err(self.error(format!(
                "{what}: missing {}",
                positional[self.positional.len()]
            )));
        }
        for (k, _) in &self.named {
            if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
                let mut known: Vec<&str> = required.to_vec();
                known.extend(optional);
                return Err(self.error(format!(
                    "{what}: unknown argument '{k}' (known: {})",
                    known.join(", ")
                )));
            }
        }
        for r in required {
            if self.get(r).is_none() {
                return Err(self.error(format!("{what}: missing argument '{r}=...'")));
            }
        }
        Ok(())
    }

    /// The directive's name in messages: `table` or `plot path`.
    pub fn what(&self) -> String {
        match (self.kind.as_str(), self.positional.first()) {
            ("plot", Some(p)) => format!("'plot {p}'"),
            (k, _) => format!("'{k}'"),
        }
    }

    /// A named argument.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A named argument that [`Directive::expect`] has required.
    pub fn req(&self, key: &str) -> Result<&str, DirectiveError> {
        self.get(key)
            .ok_or_else(|| self.error(format!("{}: missing argument '{key}=...'", self.what())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Directive {
        match split(text).into_iter().find_map(|p| match p {
            Piece::Directive(d) => Some(d),
            _ => None,
        }) {
            Some(d) => d,
            None => panic!("no directive in {text:?}"),
        }
    }

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

    #[test]
    fn expect_names_the_problem() {
        let d = one("{{#gbl table f=x^2 from=x=3 lr=1 step=3}}");
        let e = d.expect(&[], &["f", "from", "lr", "steps"], &["digits"]);
        assert!(e.is_err_and(|e| e.message.contains("unknown argument 'step'")));
        let d = one("{{#gbl table f=x^2 from=x=3 lr=1}}");
        let e = d.expect(&[], &["f", "from", "lr", "steps"], &["digits"]);
        assert!(e.is_err_and(|e| e.message.contains("missing argument 'steps=...'")));
        let d = one("{{#gbl exercise}}");
        let e = d.expect(&["an exercise id"], &[], &[]);
        assert!(e.is_err_and(|e| e.message.contains("missing an exercise id")));
    }
}
