//! The lexer: the expression's characters as tokens (numbers, names, operators,
//! parentheses), each with the characters it spans.

use super::{ParseError, ParseErrorKind};
use crate::num::PyNum;
use crate::t;

/// A token's kind.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Num(PyNum),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    Pow,
    Open,
    Close,
    Comma,
    End,
}

/// A token and the characters it spans (0-based, end exclusive).
#[derive(Clone, Debug)]
pub(super) struct Token {
    pub(super) kind: Tok,
    pub(super) text: String,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Token {
    /// The token in a message: `the number '3'`, `the name 'x'`, `'+'`.
    pub(super) fn describe(&self) -> String {
        match self.kind {
            Tok::End => t!("parse-found-end"),
            Tok::Num(_) => t!("parse-found-number", text = self.text),
            Tok::Name(_) => t!("parse-found-name", text = self.text),
            _ => t!("parse-found-token", text = self.text),
        }
    }
}

/// The tokens of `src`, ending with [`Tok::End`]; positions count characters.
pub(super) fn lex(src: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let token = if matches!(c, ' ' | '\t' | '\n' | '\r') {
            i += 1;
            continue;
        } else if let Some((kind, text)) = symbol(c, chars.get(i + 1)) {
            Token {
                kind,
                text: text.into(),
                start: i,
                end: i + text.chars().count(),
            }
        } else if c.is_ascii_digit() || c == '.' {
            number(&chars, i)?
        } else if c.is_ascii_alphabetic() || c == '_' {
            name(&chars, i)
        } else {
            return Err(ParseError {
                kind: ParseErrorKind::BadChar {
                    ch: c,
                    hint: char_hint(c),
                },
                start: i,
                end: i + 1,
            });
        };
        i = token.end;
        out.push(token);
    }
    out.push(Token {
        kind: Tok::End,
        text: String::new(),
        start: chars.len(),
        end: chars.len() + 1,
    });
    Ok(out)
}

/// An operator or a parenthesis, and its text (`**` when `c` is `*` and `next` another).
fn symbol(c: char, next: Option<&char>) -> Option<(Tok, &'static str)> {
    Some(match c {
        '+' => (Tok::Plus, "+"),
        '-' => (Tok::Minus, "-"),
        '*' if next == Some(&'*') => (Tok::Pow, "**"),
        '*' => (Tok::Star, "*"),
        '/' => (Tok::Slash, "/"),
        '^' => (Tok::Pow, "^"),
        '(' => (Tok::Open, "("),
        ')' => (Tok::Close, ")"),
        ',' => (Tok::Comma, ","),
        _ => return None,
    })
}

/// The number literal starting at `start`.
fn number(chars: &[char], start: usize) -> Result<Token, ParseError> {
    let end = scan_number(chars, start);
    let text: String = chars[start..end].iter().collect();
    let kind = number_value(&text).ok_or_else(|| ParseError {
        kind: ParseErrorKind::BadNumber { text: text.clone() },
        start,
        end,
    })?;
    Ok(Token {
        kind: Tok::Num(kind),
        text,
        start,
        end,
    })
}

/// The name starting at `start`: letters, digits and `_`.
fn name(chars: &[char], start: usize) -> Token {
    let mut end = start;
    while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_') {
        end += 1;
    }
    let text: String = chars[start..end].iter().collect();
    Token {
        kind: Tok::Name(text.clone()),
        text,
        start,
        end,
    }
}

/// Scans digits, one '.', more digits and an exponent; stops before anything else, so that
/// `1.2.3` reads `1.2` then reports the rest.
fn scan_number(chars: &[char], mut i: usize) -> usize {
    let digits = |i: &mut usize| {
        while *i < chars.len() && (chars[*i].is_ascii_digit() || chars[*i] == '.') {
            *i += 1;
        }
    };
    digits(&mut i);
    if i < chars.len() && (chars[i] == 'e' || chars[i] == 'E') {
        let mut j = i + 1;
        if j < chars.len() && (chars[j] == '+' || chars[j] == '-') {
            j += 1;
        }
        if j < chars.len() && chars[j].is_ascii_digit() {
            i = j;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            // `1e` or `1e+`: take it all so that the error names it.
            i = j;
        }
    }
    i
}

/// The value of a number literal: an int when it has no '.' and no exponent, as in Python.
fn number_value(text: &str) -> Option<PyNum> {
    if text.chars().filter(|&c| c == '.').count() > 1 || text == "." {
        return None;
    }
    let is_float = text.contains(['.', 'e', 'E']);
    if !is_float && let Ok(i) = text.parse::<i64>() {
        return Some(PyNum::Int(i));
    }
    let v: f64 = text.parse().ok()?;
    // `1e999` is not a float (Python reads it as inf; an exercise checker should not).
    v.is_finite().then_some(PyNum::Float(v))
}

/// A suggestion for a character outside the language, starting with "; " (a clause joined
/// to the sentence), or nothing.
fn char_hint(c: char) -> String {
    let hint = match c {
        '×' | '·' | '⋅' => t!("parse-hint-product"),
        '÷' => t!("parse-hint-division"),
        '−' | '–' | '—' => t!("parse-hint-minus"),
        '²' | '³' => t!("parse-hint-power"),
        '[' | ']' | '{' | '}' => t!("parse-hint-group"),
        '=' => t!("parse-hint-equals"),
        _ => return String::new(),
    };
    format!("; {hint}")
}

/// Whether a token is a binary operator (an operand must follow it).
pub(super) fn is_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Plus | Tok::Minus | Tok::Star | Tok::Slash | Tok::Pow
    )
}
