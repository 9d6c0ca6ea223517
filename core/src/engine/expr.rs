//! The expression tree and its printer.
//!
//! An [`Expr`] is what the parser builds and what every other part of the engine works on:
//! numbers, variables, the five binary operators, unary minus and the seven functions. The
//! printer writes the fewest parentheses that keep the tree's shape, so that printing then
//! parsing gives back the same tree, evaluated in the same order.

use std::fmt;

use crate::num::PyNum;

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `a + b`
    Add,
    /// `a - b`
    Sub,
    /// `a * b`
    Mul,
    /// `a / b` (real division, as in Python 3)
    Div,
    /// `a ^ b`, also written `a ** b`
    Pow,
}

/// A function of one argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Func {
    /// e to the power of the argument
    Exp,
    /// natural logarithm
    Log,
    /// square root
    Sqrt,
    /// sine (radians)
    Sin,
    /// cosine (radians)
    Cos,
    /// hyperbolic tangent
    Tanh,
    /// absolute value
    Abs,
}

impl Func {
    /// Every function, in the order the documentation lists them.
    pub const ALL: [Func; 7] = [
        Func::Exp,
        Func::Log,
        Func::Sqrt,
        Func::Sin,
        Func::Cos,
        Func::Tanh,
        Func::Abs,
    ];

    /// The function's name as written in an expression.
    pub fn name(self) -> &'static str {
        match self {
            Func::Exp => "exp",
            Func::Log => "log",
            Func::Sqrt => "sqrt",
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tanh => "tanh",
            Func::Abs => "abs",
        }
    }

    /// The function with this name, if there is one.
    pub(crate) fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A number literal: `3` is an int, `3.0`, `0.1` and `1e-3` are floats (as in Python).
    Num(PyNum),
    /// A variable such as `x`, `x1`, `w` or `dy_dz`.
    Var(String),
    /// Unary minus: `-a`.
    Neg(Box<Expr>),
    /// A binary operation: `a + b`, `a - b`, `a * b`, `a / b`, `a ^ b`.
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// A function call: `exp(a)`.
    Call(Func, Box<Expr>),
}

impl Expr {
    /// An int literal.
    pub fn int(v: i64) -> Expr {
        Expr::Num(PyNum::Int(v))
    }

    /// A float literal.
    pub fn float(v: f64) -> Expr {
        Expr::Num(PyNum::Float(v))
    }

    /// A variable.
    pub fn var(name: &str) -> Expr {
        Expr::Var(name.to_string())
    }

    /// `a op b`.
    pub fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::Bin(op, Box::new(a), Box::new(b))
    }

    /// `f(a)`.
    pub fn call(f: Func, a: Expr) -> Expr {
        Expr::Call(f, Box::new(a))
    }

    /// `-a`.
    pub fn minus(a: Expr) -> Expr {
        Expr::Neg(Box::new(a))
    }

    /// The number, if this is a number literal.
    pub(crate) fn as_num(&self) -> Option<PyNum> {
        match self {
            Expr::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// Every variable the expression uses, in order of first appearance.
    pub fn variables(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        self.visit(&mut |e| {
            if let Expr::Var(v) = e
                && !out.iter().any(|o| o == v)
            {
                out.push(v.clone());
            }
        });
        out
    }

    /// Whether the expression uses the variable `name`.
    pub fn uses(&self, name: &str) -> bool {
        let mut found = false;
        self.visit(&mut |e| {
            if matches!(e, Expr::Var(v) if v == name) {
                found = true;
            }
        });
        found
    }

    /// Calls `f` on every node, parents before children, left before right.
    pub fn visit(&self, f: &mut dyn FnMut(&Expr)) {
        f(self);
        match self {
            Expr::Num(_) | Expr::Var(_) => {}
            Expr::Neg(a) | Expr::Call(_, a) => a.visit(f),
            Expr::Bin(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
        }
    }

    /// The expression with each variable named in `values` replaced by that expression.
    pub fn substitute(&self, values: &dyn Fn(&str) -> Option<Expr>) -> Expr {
        match self {
            Expr::Num(_) => self.clone(),
            Expr::Var(v) => values(v).unwrap_or_else(|| self.clone()),
            Expr::Neg(a) => Expr::minus(a.substitute(values)),
            Expr::Call(f, a) => Expr::call(*f, a.substitute(values)),
            Expr::Bin(op, a, b) => Expr::bin(*op, a.substitute(values), b.substitute(values)),
        }
    }

    /// The number of nodes.
    pub fn size(&self) -> usize {
        let mut n = 0;
        self.visit(&mut |_| n += 1);
        n
    }

    /// Binding strength, for printing: sums 1, products 2, unary minus 3, powers 4, atoms 5.
    fn precedence(&self) -> u8 {
        match self {
            Expr::Bin(BinOp::Add | BinOp::Sub, ..) => 1,
            Expr::Bin(BinOp::Mul | BinOp::Div, ..) => 2,
            Expr::Neg(_) => 3,
            Expr::Num(n) if n.to_f64().is_sign_negative() => 3,
            Expr::Bin(BinOp::Pow, ..) => 4,
            Expr::Num(_) | Expr::Var(_) | Expr::Call(..) => 5,
        }
    }
}

impl BinOp {
    /// The operator as printed: ` + `, ` - `, `*`, `/`, `^`.
    fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => " + ",
            BinOp::Sub => " - ",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
        }
    }
}

impl fmt::Display for BinOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl fmt::Display for Expr {
    /// Prints with the fewest parentheses that keep the tree: `(x - 2)/5`, `2*x1`, `-x^2`.
    /// Numbers are exact (Python's repr), so the text parses back to the same tree.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(f, self, false)
    }
}

/// An expression printed for a person: like [`Expr`]'s `Display`, with each float shown by
/// the number presenter ([`crate::pyfmt::present`]): `0.02*x`, not `0.020000000000000004*x`.
pub struct Presented<'a>(&'a Expr);

impl fmt::Display for Presented<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(f, self.0, true)
    }
}

impl Expr {
    /// The expression as a person should read it (float noise removed from its numbers).
    pub fn presented(&self) -> Presented<'_> {
        Presented(self)
    }
}

/// Writes `e`. The recursion passes through this function and [`write_operand`] only, both
/// with small frames (numbers are written by [`write_number`]), so a tree as deep as the
/// parser allows prints on a small stack.
fn write_expr(f: &mut fmt::Formatter<'_>, e: &Expr, people: bool) -> fmt::Result {
    match e {
        Expr::Num(n) => write_number(f, *n, people),
        Expr::Var(v) => f.write_str(v),
        Expr::Neg(a) => {
            f.write_str("-")?;
            write_operand(f, a, a.precedence() <= 3, people)
        }
        Expr::Call(func, a) => {
            f.write_str(func.name())?;
            f.write_str("(")?;
            write_expr(f, a, people)?;
            f.write_str(")")
        }
        Expr::Bin(op, a, b) => {
            let (left_parens, right_parens) = parens(*op, e.precedence(), a, b);
            write_operand(f, a, left_parens, people)?;
            f.write_str(op.symbol())?;
            write_operand(f, b, right_parens, people)
        }
    }
}

/// Whether the operands of `a op b` (of precedence `p`) need parentheses.
fn parens(op: BinOp, p: u8, a: &Expr, b: &Expr) -> (bool, bool) {
    match op {
        // Right-associative: `(a^b)^c` and `(-a)^b` need parentheses on the left;
        // the exponent may be a unary minus (`2^-x`) as in Python.
        BinOp::Pow => (a.precedence() <= p, b.precedence() < 3),
        // Left-associative: `a - (b - c)` and `a*(b*c)` keep their parentheses
        // so that the order of evaluation is kept too.
        _ => (a.precedence() < p, b.precedence() <= p),
    }
}

/// A number: exact (Python's repr), or for a person, by the presenter.
fn write_number(f: &mut fmt::Formatter<'_>, n: PyNum, people: bool) -> fmt::Result {
    if people {
        f.write_str(&crate::pyfmt::present_num(n))
    } else {
        write!(f, "{n}")
    }
}

fn write_operand(f: &mut fmt::Formatter<'_>, e: &Expr, parens: bool, people: bool) -> fmt::Result {
    if parens {
        f.write_str("(")?;
        write_expr(f, e, people)?;
        f.write_str(")")
    } else {
        write_expr(f, e, people)
    }
}
