//! What can go wrong while parsing, with the characters it concerns.

use super::{MAX_LEN, MAX_NESTING};

/// What went wrong while parsing.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ParseErrorKind {
    /// Nothing to parse.
    #[error("the expression is empty")]
    Empty,
    /// An operand (number, name, parenthesis) was needed.
    #[error("expected {expected}, found {found}")]
    Expected {
        /// What the parser needed, e.g. "a number, a name or '('".
        expected: String,
        /// What it found, e.g. "')'" or "the end of the expression".
        found: String,
    },
    /// Two operands in a row, as in `2x` or `x y`.
    #[error("expected an operator before {found} (write a product with '*', as in 2*x)")]
    MissingOperator {
        /// The token that needed an operator before it.
        found: String,
    },
    /// A `(` that is never closed.
    #[error("this '(' is never closed")]
    Unclosed,
    /// A `)` with no `(`.
    #[error("')' without a matching '('")]
    Unmatched,
    /// A name followed by `(` that is no known function.
    #[error("unknown function '{name}' (known: exp, log, sqrt, sin, cos, tanh, abs)")]
    UnknownFunction {
        /// The name used.
        name: String,
    },
    /// A function name used without its parentheses.
    #[error("the function '{name}' needs its argument in parentheses, as in {name}(x)")]
    FunctionWithoutParens {
        /// The function's name.
        name: String,
    },
    /// A comma, as in `f(x, y)`: functions take one argument.
    #[error("functions take one argument; ',' is not part of an expression")]
    Comma,
    /// A character outside the language.
    #[error("unexpected character '{ch}'{hint}")]
    BadChar {
        /// The character.
        ch: char,
        /// A suggestion, starting with "; " when there is one.
        hint: String,
    },
    /// A number that does not read as one, such as `1e` or `1.2.3`.
    #[error("'{text}' is not a number")]
    BadNumber {
        /// The text of the would-be number.
        text: String,
    },
    /// Longer than [`MAX_LEN`].
    #[error("the expression is {len} characters long; the limit is {MAX_LEN}")]
    TooLong {
        /// Its length in characters.
        len: usize,
    },
    /// Nested deeper than [`MAX_NESTING`] or [`MAX_DEPTH`].
    #[error(
        "the expression nests too deeply (the limit is {MAX_NESTING} levels of parentheses, signs and powers)"
    )]
    TooDeep,
}

/// A parse error with the characters it concerns (0-based, end exclusive).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{kind} (column {})", self.column())]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// First character concerned, 0-based.
    pub start: usize,
    /// One past the last character concerned.
    pub end: usize,
}

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
