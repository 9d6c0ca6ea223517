//! Evaluation, with Python's number rules.
//!
//! An expression is compiled once into a [`Program`]: a flat list of stack operations in
//! postfix order, with variables resolved to slots. Running a program touches no heap memory
//! when the caller keeps a [`Stack`], so a descent of a million steps allocates nothing per
//! step. Every operation follows CPython: `int op int` stays an int for `+ - *` and
//! non-negative powers, `/` and the functions give floats, and a result that is not a finite
//! number is an error that names the operation (CPython raises `ZeroDivisionError`,
//! `ValueError: math domain error` or `OverflowError` in the same places).

use super::expr::{BinOp, Expr, Func};
use crate::num::PyNum;
use crate::t;

/// Why an evaluation has no finite result.
#[derive(Clone, Debug, PartialEq)]
pub enum EvalErrorKind {
    /// `a / 0`.
    DivisionByZero,
    /// `0 ^ negative`.
    ZeroToNegativePower,
    /// `log` of zero or a negative number.
    LogDomain(String),
    /// `sqrt` of a negative number.
    SqrtDomain(String),
    /// `sin`/`cos` of an infinite value, or similar.
    Domain(&'static str, String),
    /// A negative number to a non-integer power (a complex number in Python).
    NegativeFractionalPower {
        /// The base.
        base: String,
        /// The exponent.
        exp: String,
    },
    /// The result is too large for a float.
    Overflow,
    /// A variable has no value.
    Unbound(String),
}

/// An evaluation error, with the subexpression where it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalError {
    /// What went wrong.
    pub kind: EvalErrorKind,
    /// The subexpression that failed, printed (shortened when long).
    pub node: String,
}

impl std::fmt::Display for EvalErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            EvalErrorKind::DivisionByZero => t!("eval-division-by-zero"),
            EvalErrorKind::ZeroToNegativePower => t!("eval-zero-to-negative-power"),
            EvalErrorKind::LogDomain(v) => t!("eval-log-domain", value = v),
            EvalErrorKind::SqrtDomain(v) => t!("eval-sqrt-domain", value = v),
            EvalErrorKind::Domain(func, v) => t!("eval-domain", func = func, value = v),
            EvalErrorKind::NegativeFractionalPower { base, exp } => {
                t!("eval-negative-fractional-power", base = base, exp = exp)
            }
            EvalErrorKind::Overflow => t!("eval-overflow"),
            EvalErrorKind::Unbound(name) => t!("eval-unbound", name = name),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EvalErrorKind {}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (problem, node) = (&self.kind, &self.node);
        f.write_str(&t!("eval-in-node", problem = problem, node = node))
    }
}

impl std::error::Error for EvalError {}

/// One stack operation of a compiled [`Program`], in postfix order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Op {
    Const(PyNum),
    Load(usize),
    Neg,
    Bin(BinOp),
    Call(Func),
}

/// A compiled expression over a fixed list of variables.
#[derive(Clone, Debug)]
pub struct Program {
    ops: Vec<Op>,
    /// For each op, the pre-order index of the node it came from (to name it in errors).
    nodes: Vec<u32>,
    expr: Expr,
    max_stack: usize,
}

/// A reusable evaluation stack.
#[derive(Debug, Default)]
pub struct Stack(Vec<PyNum>);

impl Program {
    /// Compiles `expr` with its variables bound, in order, to `vars` (the slots of the values
    /// passed to [`Program::eval`]). A variable not in `vars` is an error.
    pub fn compile(expr: &Expr, vars: &[String]) -> Result<Program, EvalError> {
        let mut p = Program {
            ops: Vec::with_capacity(expr.size()),
            nodes: Vec::with_capacity(expr.size()),
            expr: expr.clone(),
            max_stack: 0,
        };
        p.emit(expr, vars)?;
        Ok(p)
    }

    /// The expression this program computes.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// The operations, in postfix order.
    pub(crate) fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// The number of operations (the work of one evaluation).
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the program has no operations (never: every expression has at least one).
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The slots (variables) the program reads, each once, in slot order.
    pub(crate) fn slots_used(&self) -> Vec<usize> {
        let mut used: Vec<usize> = self
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Load(i) => Some(*i),
                _ => None,
            })
            .collect();
        used.sort_unstable();
        used.dedup();
        used
    }

    /// Appends the postfix operations of `e`, walking the tree with a stack of its own (not
    /// the thread's: a tree may be as deep as the parser and the budgets allow).
    fn emit(&mut self, e: &Expr, vars: &[String]) -> Result<(), EvalError> {
        // (node, its pre-order index, whether its operands are already emitted)
        let mut todo: Vec<(&Expr, u32, bool)> = vec![(e, 0, false)];
        let mut counter = 0u32;
        let mut depth = 0usize;
        while let Some((e, node, operands_done)) = todo.pop() {
            if !operands_done {
                let node = counter;
                counter += 1;
                todo.push((e, node, true));
                match e {
                    Expr::Num(_) | Expr::Var(_) => {}
                    Expr::Neg(a) | Expr::Call(_, a) => todo.push((a, 0, false)),
                    Expr::Bin(_, a, b) => {
                        todo.push((b, 0, false));
                        todo.push((a, 0, false));
                    }
                }
                continue;
            }
            let op = match e {
                Expr::Num(n) => Op::Const(*n),
                Expr::Var(v) => match vars.iter().position(|x| x == v) {
                    Some(i) => Op::Load(i),
                    None => {
                        return Err(EvalError {
                            kind: EvalErrorKind::Unbound(v.clone()),
                            node: v.clone(),
                        });
                    }
                },
                Expr::Neg(_) => Op::Neg,
                Expr::Call(f, _) => Op::Call(*f),
                Expr::Bin(op, _, _) => Op::Bin(*op),
            };
            match op {
                Op::Const(_) | Op::Load(_) => depth += 1,
                Op::Bin(_) => depth -= 1,
                _ => {}
            }
            self.max_stack = self.max_stack.max(depth);
            self.ops.push(op);
            self.nodes.push(node);
        }
        Ok(())
    }

    /// Evaluates with `values[i]` for the i-th variable, using (and keeping) `stack`'s memory.
    pub fn eval_with(&self, values: &[PyNum], stack: &mut Stack) -> Result<PyNum, EvalError> {
        let s = &mut stack.0;
        s.clear();
        s.reserve(self.max_stack);
        for (k, op) in self.ops.iter().enumerate() {
            let r = match *op {
                Op::Const(n) => Ok(n),
                Op::Load(i) => Ok(values[i]),
                Op::Neg => neg(pop(s)),
                Op::Call(f) => call(f, pop(s)),
                Op::Bin(op) => {
                    let b = pop(s);
                    let a = pop(s);
                    binary(op, a, b)
                }
            };
            match r {
                Ok(v) => s.push(v),
                Err(kind) => {
                    return Err(EvalError {
                        kind,
                        node: self.describe(self.nodes[k]),
                    });
                }
            }
        }
        Ok(pop(s))
    }

    /// Evaluates with `values[i]` for the i-th variable.
    pub fn eval(&self, values: &[PyNum]) -> Result<PyNum, EvalError> {
        self.eval_with(values, &mut Stack::default())
    }

    /// The subexpression with pre-order index `node`, printed and shortened.
    fn describe(&self, node: u32) -> String {
        let mut i = 0u32;
        let mut found = None;
        self.expr.visit(&mut |e| {
            if i == node {
                found = Some(e.to_string());
            }
            i += 1;
        });
        let text = found.unwrap_or_default();
        let short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            format!("'{short}…'")
        } else {
            format!("'{short}'")
        }
    }
}

/// Evaluates an expression whose variables take the values `bindings` (name, value).
pub fn eval(expr: &Expr, bindings: &[(String, PyNum)]) -> Result<PyNum, EvalError> {
    let names: Vec<String> = bindings.iter().map(|(n, _)| n.clone()).collect();
    let values: Vec<PyNum> = bindings.iter().map(|(_, v)| *v).collect();
    Program::compile(expr, &names)?.eval(&values)
}

fn pop(s: &mut Vec<PyNum>) -> PyNum {
    // The compiler emits balanced postfix code, so the stack is never empty here.
    s.pop().unwrap_or(PyNum::Int(0))
}

fn float(v: f64) -> Result<PyNum, EvalErrorKind> {
    if v.is_finite() {
        Ok(PyNum::Float(v))
    } else {
        Err(EvalErrorKind::Overflow)
    }
}

fn neg(a: PyNum) -> Result<PyNum, EvalErrorKind> {
    match a {
        PyNum::Int(i) => Ok(i
            .checked_neg()
            .map_or(PyNum::Float(-(i as f64)), PyNum::Int)),
        PyNum::Float(f) => Ok(PyNum::Float(-f)),
    }
}

/// `a op b` as CPython computes it.
pub(crate) fn binary(op: BinOp, a: PyNum, b: PyNum) -> Result<PyNum, EvalErrorKind> {
    use PyNum::Int;
    match (op, a, b) {
        (BinOp::Add, Int(x), Int(y)) => int_or_float(x.checked_add(y), x as f64 + y as f64),
        (BinOp::Sub, Int(x), Int(y)) => int_or_float(x.checked_sub(y), x as f64 - y as f64),
        (BinOp::Mul, Int(x), Int(y)) => int_or_float(x.checked_mul(y), x as f64 * y as f64),
        (BinOp::Add, _, _) => float(a.to_f64() + b.to_f64()),
        (BinOp::Sub, _, _) => float(a.to_f64() - b.to_f64()),
        (BinOp::Mul, _, _) => float(a.to_f64() * b.to_f64()),
        (BinOp::Div, _, _) => {
            if b.to_f64() == 0.0 {
                Err(EvalErrorKind::DivisionByZero)
            } else {
                float(a.to_f64() / b.to_f64())
            }
        }
        (BinOp::Pow, Int(x), Int(y)) if y >= 0 => {
            let exact = u32::try_from(y).ok().and_then(|y| x.checked_pow(y));
            match exact {
                Some(v) => Ok(Int(v)),
                None => power(x as f64, y as f64),
            }
        }
        (BinOp::Pow, _, _) => power(a.to_f64(), b.to_f64()),
    }
}

fn int_or_float(exact: Option<i64>, approx: f64) -> Result<PyNum, EvalErrorKind> {
    match exact {
        Some(v) => Ok(PyNum::Int(v)),
        None => float(approx),
    }
}

fn power(x: f64, y: f64) -> Result<PyNum, EvalErrorKind> {
    if x == 0.0 && y < 0.0 {
        return Err(EvalErrorKind::ZeroToNegativePower);
    }
    if x < 0.0 && y.fract() != 0.0 {
        return Err(EvalErrorKind::NegativeFractionalPower {
            base: PyNum::Float(x).to_string(),
            exp: PyNum::Float(y).to_string(),
        });
    }
    float(x.powf(y))
}

/// `f(a)` as Python's `math` module (and the builtin `abs`) computes it.
pub(crate) fn call(f: Func, a: PyNum) -> Result<PyNum, EvalErrorKind> {
    if let (Func::Abs, PyNum::Int(i)) = (f, a) {
        return Ok(i
            .checked_abs()
            .map_or(PyNum::Float((i as f64).abs()), PyNum::Int));
    }
    let x = a.to_f64();
    let shown = || a.to_string();
    match f {
        Func::Exp => float(x.exp()),
        Func::Log if x <= 0.0 => Err(EvalErrorKind::LogDomain(shown())),
        Func::Log => float(x.ln()),
        Func::Sqrt if x < 0.0 => Err(EvalErrorKind::SqrtDomain(shown())),
        Func::Sqrt => float(x.sqrt()),
        Func::Sin | Func::Cos if !x.is_finite() => Err(EvalErrorKind::Domain(f.name(), shown())),
        Func::Sin => float(x.sin()),
        Func::Cos => float(x.cos()),
        Func::Tanh => float(x.tanh()),
        Func::Abs => float(x.abs()),
    }
}
