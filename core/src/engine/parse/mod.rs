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

mod error;
mod lex;

pub use error::{ParseError, ParseErrorKind};

use super::expr::{BinOp, Expr, Func};
use crate::t;
use lex::{Tok, Token, is_operator, lex};

/// The longest expression accepted, in characters.
pub const MAX_LEN: usize = 4096;
/// The deepest nesting of parentheses, signs and powers accepted.
pub const MAX_NESTING: usize = 200;
/// The deepest tree accepted (a chain `x + x + ... + x` is as deep as it is long).
pub const MAX_DEPTH: usize = 1000;

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
                    expected: t!("parse-expected-operator"),
                    found: t.describe(),
                },
            )),
        }
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
        self.advance();
        t
    }

    /// Moves past the current token (never past the end) and gives its index: the recursive
    /// steps keep indices, not tokens, so that their frames stay small.
    fn advance(&mut self) -> usize {
        let at = self.pos.min(self.tokens.len() - 1);
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        at
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

    fn join(&self, op: BinOp, a: Parsed, b: Parsed, at: usize) -> Step<Parsed> {
        let depth = 1 + a.1.max(b.1);
        if depth > MAX_DEPTH {
            return Err(self.error_at(&self.tokens[at], ParseErrorKind::TooDeep));
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
            let at = self.advance();
            let rhs = self.term()?;
            acc = self.join(op, acc, rhs, at)?;
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
            let at = self.advance();
            let rhs = self.unary()?;
            acc = self.join(op, acc, rhs, at)?;
        }
    }

    fn unary(&mut self) -> Step<Parsed> {
        match self.peek().kind {
            Tok::Minus | Tok::Plus => {
                let sign = self.advance();
                self.enter()?;
                let (e, d) = self.unary()?;
                self.nesting -= 1;
                if self.tokens[sign].kind == Tok::Plus {
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
        let at = self.advance();
        self.enter()?;
        let exponent = self.unary()?;
        self.nesting -= 1;
        self.join(BinOp::Pow, base, exponent, at)
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
            self.advance();
            let open = self.advance();
            let (arg, d) = self.group(open)?;
            (Expr::call(f, arg), d + 1)
        } else if self.peek().kind == Tok::Open {
            let open = self.advance();
            self.group(open)?
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
                        t!("parse-expected-operand-after", op = prev.text)
                    }
                    _ => t!("parse-expected-operand"),
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
    fn group(&mut self, open: usize) -> Step<Parsed> {
        self.enter()?;
        if self.peek().kind == Tok::End {
            return Err(self.error_at(&self.tokens[open], ParseErrorKind::Unclosed));
        }
        let parsed = self.expr()?;
        self.nesting -= 1;
        self.close(open)?;
        Ok(parsed)
    }

    /// The `)` that closes the group opened at `open`.
    fn close(&mut self, open: usize) -> Step<()> {
        let t = self.peek();
        match t.kind {
            Tok::Close => {
                self.bump();
                Ok(())
            }
            Tok::End => Err(self.error_at(&self.tokens[open], ParseErrorKind::Unclosed)),
            Tok::Comma => Err(self.error_at(t, ParseErrorKind::Comma)),
            _ => Err(self.error_at(
                t,
                ParseErrorKind::Expected {
                    expected: t!("parse-expected-operator-or-close"),
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
