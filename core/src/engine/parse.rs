//! The expression parser.
//!
//! Grammar (the same precedence as Python):
//!
//! ```text
//! expr    = term { ("+" | "-") term }
//! term    = unary { ("*" | "/") unary }
//! unary   = ("-" | "+") unary | power
//! power   = primary [ ("^" | "**") unary ]      right-associative: 2^3^2 = 2^9
//! primary = number | name | func "(" expr ")" | "(" expr ")"
//! func    = "exp" | "log" | "sqrt" | "sin" | "cos" | "tanh" | "abs"
//! ```
//!
//! So `-x^2` is `-(x^2)`, `2^-1` is `0.5` and `1/10 * x^2` is `(1/10)·x²`. Hard limits keep
//! any input from hanging or overflowing the stack: [`MAX_LEN`] characters, [`MAX_NESTING`]
//! levels of parentheses, signs and powers, and [`MAX_DEPTH`] levels in the finished tree.

use super::expr::{BinOp, Expr, Func};
use crate::num::PyNum;

/// The longest expression accepted, in characters.
pub const MAX_LEN: usize = 4096;
/// The deepest nesting of parentheses, signs and powers accepted.
pub const MAX_NESTING: usize = 200;
/// The deepest tree accepted (a chain `x + x + ... + x` is as deep as it is long).
pub const MAX_DEPTH: usize = 1000;

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

/// Parses an expression.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    let len = src.chars().count();
    if len > MAX_LEN {
        return Err(ParseError {
            kind: ParseErrorKind::TooLong { len },
            start: 0,
            end: 1,
        });
    }
    let tokens = lex(src)?;
    let mut p = Parser {
        tokens,
        pos: 0,
        nesting: 0,
    };
    p.whole().map_err(|e| *e)
}

impl Parser {
    /// The whole expression, up to the end of the text.
    fn whole(&mut self) -> Step<Expr> {
        if self.peek().kind == Tok::End {
            return Err(self.error_here(ParseErrorKind::Empty));
        }
        let (e, _) = self.expr()?;
        let t = self.peek().clone();
        match t.kind {
            Tok::End => Ok(e),
            Tok::Close => Err(self.error_at(&t, ParseErrorKind::Unmatched)),
            Tok::Comma => Err(self.error_at(&t, ParseErrorKind::Comma)),
            Tok::Num(_) | Tok::Name(_) | Tok::Open => Err(self.error_at(
                &t,
                ParseErrorKind::MissingOperator {
                    found: t.describe(),
                },
            )),
            _ => Err(self.error_at(
                &t,
                ParseErrorKind::Expected {
                    expected: "an operator".into(),
                    found: t.describe(),
                },
            )),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
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

#[derive(Clone, Debug)]
struct Token {
    kind: Tok,
    text: String,
    start: usize,
    end: usize,
}

impl Token {
    fn describe(&self) -> String {
        match self.kind {
            Tok::End => "the end of the expression".into(),
            Tok::Num(_) => format!("the number '{}'", self.text),
            Tok::Name(_) => format!("the name '{}'", self.text),
            _ => format!("'{}'", self.text),
        }
    }
}

fn lex(src: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let single = |kind: Tok, text: &str| Token {
            kind,
            text: text.into(),
            start,
            end: start + text.chars().count(),
        };
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                i += 1;
                continue;
            }
            '+' => out.push(single(Tok::Plus, "+")),
            '-' => out.push(single(Tok::Minus, "-")),
            '*' if chars.get(i + 1) == Some(&'*') => out.push(single(Tok::Pow, "**")),
            '*' => out.push(single(Tok::Star, "*")),
            '/' => out.push(single(Tok::Slash, "/")),
            '^' => out.push(single(Tok::Pow, "^")),
            '(' => out.push(single(Tok::Open, "(")),
            ')' => out.push(single(Tok::Close, ")")),
            ',' => out.push(single(Tok::Comma, ",")),
            c if c.is_ascii_digit() || c == '.' => {
                let end = scan_number(&chars, i);
                let text: String = chars[i..end].iter().collect();
                let kind = number_value(&text).ok_or_else(|| ParseError {
                    kind: ParseErrorKind::BadNumber { text: text.clone() },
                    start,
                    end,
                })?;
                out.push(Token {
                    kind: Tok::Num(kind),
                    text,
                    start,
                    end,
                });
                i = end;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut end = i;
                while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_')
                {
                    end += 1;
                }
                let text: String = chars[i..end].iter().collect();
                out.push(Token {
                    kind: Tok::Name(text.clone()),
                    text,
                    start,
                    end,
                });
                i = end;
                continue;
            }
            other => {
                return Err(ParseError {
                    kind: ParseErrorKind::BadChar {
                        ch: other,
                        hint: char_hint(other).into(),
                    },
                    start,
                    end: start + 1,
                });
            }
        }
        i += out.last().map_or(1, |t| t.end - t.start);
    }
    out.push(Token {
        kind: Tok::End,
        text: String::new(),
        start: chars.len(),
        end: chars.len() + 1,
    });
    Ok(out)
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

fn char_hint(c: char) -> &'static str {
    match c {
        '×' | '·' | '⋅' => "; write a product with '*'",
        '÷' => "; write a division with '/'",
        '−' | '–' | '—' => "; write a minus sign with '-'",
        '²' | '³' => "; write a power with '^', as in x^2",
        '[' | ']' | '{' | '}' => "; group with '(' and ')'",
        '=' => "; an expression has no '=' (give only the right-hand side)",
        _ => "",
    }
}

/// A parser's step: the error is boxed so that the recursion, one frame set per level of
/// nesting, keeps its frames small.
type Step<T> = Result<T, Box<ParseError>>;

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    nesting: usize,
}

/// A parsed subtree and the depth of its tree.
type Parsed = (Expr, usize);

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn error_at(&self, t: &Token, kind: ParseErrorKind) -> Box<ParseError> {
        Box::new(ParseError {
            kind,
            start: t.start,
            end: t.end,
        })
    }

    fn error_here(&self, kind: ParseErrorKind) -> Box<ParseError> {
        self.error_at(self.peek(), kind)
    }

    fn enter(&mut self) -> Step<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.error_here(ParseErrorKind::TooDeep));
        }
        Ok(())
    }

    fn join(&self, op: BinOp, a: Parsed, b: Parsed, at: &Token) -> Step<Parsed> {
        let depth = 1 + a.1.max(b.1);
        if depth > MAX_DEPTH {
            return Err(self.error_at(at, ParseErrorKind::TooDeep));
        }
        Ok((Expr::bin(op, a.0, b.0), depth))
    }

    fn expr(&mut self) -> Step<Parsed> {
        let mut acc = self.term()?;
        loop {
            let op = match self.peek().kind {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => return Ok(acc),
            };
            let at = self.bump();
            let rhs = self.term()?;
            acc = self.join(op, acc, rhs, &at)?;
        }
    }

    fn term(&mut self) -> Step<Parsed> {
        let mut acc = self.unary()?;
        loop {
            let op = match self.peek().kind {
                Tok::Star => BinOp::Mul,
                Tok::Slash => BinOp::Div,
                _ => return Ok(acc),
            };
            let at = self.bump();
            let rhs = self.unary()?;
            acc = self.join(op, acc, rhs, &at)?;
        }
    }

    fn unary(&mut self) -> Step<Parsed> {
        match self.peek().kind {
            Tok::Minus | Tok::Plus => {
                let sign = self.bump();
                self.enter()?;
                let (e, d) = self.unary()?;
                self.nesting -= 1;
                if sign.kind == Tok::Plus {
                    Ok((e, d))
                } else {
                    Ok((Expr::minus(e), d + 1))
                }
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Step<Parsed> {
        let base = self.primary()?;
        if self.peek().kind != Tok::Pow {
            return Ok(base);
        }
        let at = self.bump();
        self.enter()?;
        let exponent = self.unary()?;
        self.nesting -= 1;
        self.join(BinOp::Pow, base, exponent, &at)
    }

    /// A number, a name, a call or a group. Only calls and groups recurse; everything else,
    /// errors included, is in [`Parser::leaf`] and [`Parser::close`], so that each level of
    /// nesting costs little stack.
    fn primary(&mut self) -> Step<Parsed> {
        let idx = self.pos;
        let is_call = match &self.peek().kind {
            Tok::Name(name) => {
                Func::from_name(name).filter(|_| self.peek_at(1) == Some(&Tok::Open))
            }
            _ => None,
        };
        let parsed = if let Some(f) = is_call {
            self.bump();
            let open = self.bump();
            let (arg, d) = self.group(&open)?;
            (Expr::call(f, arg), d + 1)
        } else if self.peek().kind == Tok::Open {
            let open = self.bump();
            self.group(&open)?
        } else {
            self.leaf(idx)?
        };
        self.no_operand_next()?;
        Ok(parsed)
    }

    /// The kind of the token `ahead` places after the current one.
    fn peek_at(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.pos + ahead).map(|t| &t.kind)
    }

    /// A number or a variable (the token at `idx`), or the error for what stands there instead.
    fn leaf(&mut self, idx: usize) -> Step<Parsed> {
        let t = self.bump();
        match &t.kind {
            Tok::Num(n) => Ok((Expr::Num(*n), 1)),
            Tok::Name(name) => match (Func::from_name(name), self.peek().kind == Tok::Open) {
                (Some(_), _) => Err(self.error_at(
                    &t,
                    ParseErrorKind::FunctionWithoutParens { name: name.clone() },
                )),
                (None, true) => {
                    Err(self.error_at(&t, ParseErrorKind::UnknownFunction { name: name.clone() }))
                }
                (None, false) => Ok((Expr::Var(name.clone()), 1)),
            },
            Tok::Close if self.is_unmatched_close() => {
                Err(self.error_at(&t, ParseErrorKind::Unmatched))
            }
            _ => {
                let prev = idx.checked_sub(1).and_then(|i| self.tokens.get(i));
                let expected = match prev {
                    Some(prev) if is_operator(&prev.kind) => {
                        format!("an operand after '{}'", prev.text)
                    }
                    _ => "a number, a name or '('".to_string(),
                };
                Err(self.error_at(
                    &t,
                    ParseErrorKind::Expected {
                        expected,
                        found: t.describe(),
                    },
                ))
            }
        }
    }

    /// An operand may not follow an operand (`2x`, `x y`, `(x)(y)`).
    fn no_operand_next(&self) -> Step<()> {
        let next = self.peek();
        if matches!(next.kind, Tok::Num(_) | Tok::Name(_) | Tok::Open) {
            return Err(self.error_at(
                next,
                ParseErrorKind::MissingOperator {
                    found: next.describe(),
                },
            ));
        }
        Ok(())
    }

    /// Parses `expr )` after an opening parenthesis.
    fn group(&mut self, open: &Token) -> Step<Parsed> {
        self.enter()?;
        if self.peek().kind == Tok::End {
            return Err(self.error_at(open, ParseErrorKind::Unclosed));
        }
        let parsed = self.expr()?;
        self.nesting -= 1;
        self.close(open)?;
        Ok(parsed)
    }

    /// The `)` that closes the group opened at `open`.
    fn close(&mut self, open: &Token) -> Step<()> {
        let t = self.peek();
        match t.kind {
            Tok::Close => {
                self.bump();
                Ok(())
            }
            Tok::End => Err(self.error_at(open, ParseErrorKind::Unclosed)),
            Tok::Comma => Err(self.error_at(t, ParseErrorKind::Comma)),
            _ => Err(self.error_at(
                t,
                ParseErrorKind::Expected {
                    expected: "an operator or ')'".into(),
                    found: t.describe(),
                },
            )),
        }
    }

    /// Whether the `)` just consumed has no `(` before it.
    fn is_unmatched_close(&self) -> bool {
        let mut depth = 0i64;
        for t in &self.tokens[..self.pos.saturating_sub(1)] {
            match t.kind {
                Tok::Open => depth += 1,
                Tok::Close => depth -= 1,
                _ => {}
            }
        }
        depth <= 0
    }
}

fn is_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Plus | Tok::Minus | Tok::Star | Tok::Slash | Tok::Pow
    )
}
