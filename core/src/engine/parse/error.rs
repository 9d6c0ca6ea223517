//! What can go wrong while parsing, with the characters it concerns.

use std::fmt;

use super::{MAX_LEN, MAX_NESTING};
use crate::t;

/// What went wrong while parsing.
#[derive(Clone, Debug, PartialEq)]
pub enum ParseErrorKind {
    /// Nothing to parse.
    Empty,
    /// An operand (number, name, parenthesis) was needed.
    Expected {
        /// What the parser needed, e.g. "a number, a name or '('".
        expected: String,
        /// What it found, e.g. "')'" or "the end of the expression".
        found: String,
    },
    /// Two operands in a row, as in `2x` or `x y`.
    MissingOperator {
        /// The token that needed an operator before it.
        found: String,
    },
    /// A `(` that is never closed.
    Unclosed,
    /// A `)` with no `(`.
    Unmatched,
    /// A name followed by `(` that is no known function.
    UnknownFunction {
        /// The name used.
        name: String,
    },
    /// A function name used without its parentheses.
    FunctionWithoutParens {
        /// The function's name.
        name: String,
    },
    /// A comma, as in `f(x, y)`: functions take one argument.
    Comma,
    /// A character outside the language.
    BadChar {
        /// The character.
        ch: char,
        /// A suggestion, starting with "; " when there is one.
        hint: String,
    },
    /// A number that does not read as one, such as `1e` or `1.2.3`.
    BadNumber {
        /// The text of the would-be number.
        text: String,
    },
    /// Longer than [`MAX_LEN`].
    TooLong {
        /// Its length in characters.
        len: usize,
    },
    /// Nested deeper than [`MAX_NESTING`] or [`MAX_DEPTH`].
    TooDeep,
}

/// A parse error with the characters it concerns (0-based, end exclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// First character concerned, 0-based.
    pub start: usize,
    /// One past the last character concerned.
    pub end: usize,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ParseErrorKind::Empty => t!("parse-empty"),
            ParseErrorKind::Expected { expected, found } => {
                t!("parse-expected", expected = expected, found = found)
            }
            ParseErrorKind::MissingOperator { found } => {
                t!("parse-missing-operator", found = found)
            }
            ParseErrorKind::Unclosed => t!("parse-unclosed"),
            ParseErrorKind::Unmatched => t!("parse-unmatched"),
            ParseErrorKind::UnknownFunction { name } => {
                t!("parse-unknown-function", name = name)
            }
            ParseErrorKind::FunctionWithoutParens { name } => {
                t!("parse-function-without-parens", name = name)
            }
            ParseErrorKind::Comma => t!("parse-comma"),
            ParseErrorKind::BadChar { ch, hint } => {
                format!("{}{hint}", t!("parse-bad-char", ch = ch))
            }
            ParseErrorKind::BadNumber { text } => t!("parse-bad-number", text = text),
            ParseErrorKind::TooLong { len } => t!("parse-too-long", len = len, max = MAX_LEN),
            ParseErrorKind::TooDeep => t!("parse-too-deep", max = MAX_NESTING),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ParseErrorKind {}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (problem, column) = (&self.kind, self.column());
        f.write_str(&t!("parse-at-column", problem = problem, column = column))
    }
}

impl std::error::Error for ParseError {}

impl ParseError {
    /// The 1-based column where the problem starts.
    pub fn column(&self) -> usize {
        self.start + 1
    }

    /// The source line with carets under the spot, indented by two spaces:
    ///
    /// ```text
    ///   x ^
    ///      ^
    /// ```
    pub fn caret(&self, src: &str) -> String {
        let line: String = src
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect();
        let width = self.end.saturating_sub(self.start).max(1);
        format!(
            "  {line}\n  {}{}",
            " ".repeat(self.start),
            "^".repeat(width)
        )
    }

    /// The message followed by the source with carets, for a terminal.
    pub fn render(&self, src: &str) -> String {
        if matches!(self.kind, ParseErrorKind::TooLong { .. }) {
            return self.to_string();
        }
        format!("{self}\n{}", self.caret(src))
    }
}
