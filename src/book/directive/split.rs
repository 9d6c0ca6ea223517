//! Finding the directives in a chapter: the text between them is kept, an escaped
//! directive (`\{{#gbl ...}}`) is text, and a chapter runs at most [`MAX_DIRECTIVES`].

use super::parse::parse_at;
use super::{Directive, DirectiveError, OPEN};

/// A piece of a chapter: text to keep, or a directive to replace.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Piece {
    /// Text kept as it is (an escaped directive has already lost its backslash).
    Text(String),
    /// A directive.
    Directive(Directive),
    /// A directive that could not be parsed; its text is kept.
    Broken(DirectiveError, String),
}

/// The 1-based line of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
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
pub(crate) fn split(text: &str) -> Vec<Piece> {
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
