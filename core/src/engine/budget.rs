//! Work budgets: what a command may spend, checked before the work is done.
//!
//! The input limits ([`crate::engine::parse::MAX_LEN`] and friends) bound the size of what a
//! user types, not the work it causes: the derivative of `x^x^…^x` grows with the square of
//! its length, and a descent costs steps × the size of f and its gradient. So every command
//! that derives, simplifies, descends or backpropagates checks its work against a budget
//! first and stops with exit code 2 and a sentence naming the budget:
//!
//! - [`MAX_NODES`]: expression nodes a derivative may have before it is simplified
//!   (predicted by [`derivative_size`] without building it), and [`MAX_SIMPLIFY_WORK`]
//!   steps to simplify it;
//! - [`MAX_WORK`]: evaluation operations of one run, steps × (size of f and its gradient);
//! - [`MAX_STORED`]: numbers a run that is kept in memory may hold (steps × variables);
//!   `gbl descend` itself streams and stores nothing.

use super::diff::{Rules, diff};
use super::expr::{BinOp, Expr, Func};
use super::simplify::{MAX_SIMPLIFY_WORK, try_simplify};
use crate::t;

/// The most nodes a derivative may have before it is simplified.
pub(crate) const MAX_NODES: u64 = 12_000;
/// The most nodes the derivatives of one function by all its variables may have together.
pub(crate) const MAX_NODES_TOTAL: u64 = 120_000;
/// The most evaluation operations a verdict may spend on its own probe run and Hessian.
pub(crate) const MAX_PROBE_WORK: u64 = 10_000_000;
/// The most evaluation operations one run may take (steps × program sizes).
pub(crate) const MAX_WORK: u64 = 300_000_000;
/// The most numbers a stored run may hold (points and gradients, steps × variables).
pub const MAX_STORED: u64 = 20_000_000;

/// Work that would pass a budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverBudget {
    /// What would be too much work, e.g. "the derivative of f by x".
    pub what: String,
    /// How much it needs.
    pub needed: u64,
    /// The budget.
    pub limit: u64,
    /// What is counted.
    pub unit: Unit,
    /// What to do about it.
    pub advice: Advice,
}

/// What a budget counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Nodes of an expression.
    Nodes,
    /// Steps of simplification.
    Steps,
    /// Evaluation operations.
    Operations,
    /// Numbers kept in memory.
    Numbers,
}

/// What to do when a budget is passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    /// Write the function more simply.
    Simpler,
    /// Fewer variables or a simpler function.
    FewerVariables,
    /// Fewer steps or a simpler function.
    FewerStepsOrSimpler,
    /// Fewer steps.
    FewerSteps,
}

impl Unit {
    /// The unit in the reader's language.
    fn text(self) -> String {
        match self {
            Unit::Nodes => t!("budget-unit-nodes"),
            Unit::Steps => t!("budget-unit-steps"),
            Unit::Operations => t!("budget-unit-operations"),
            Unit::Numbers => t!("budget-unit-numbers"),
        }
    }
}

impl Advice {
    /// The advice in the reader's language.
    fn text(self) -> String {
        match self {
            Advice::Simpler => t!("budget-advice-simpler"),
            Advice::FewerVariables => t!("budget-advice-fewer-variables"),
            Advice::FewerStepsOrSimpler => t!("budget-advice-fewer-steps-simpler"),
            Advice::FewerSteps => t!("budget-advice-fewer-steps"),
        }
    }
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, n, l) = (&self.what, self.needed, self.limit);
        let (u, a) = (self.unit.text(), self.advice.text());
        // One line, so that the catalogue test reads the call's arguments.
        #[rustfmt::skip]
        let text = t!("budget-over", what = w, needed = n, limit = l, unit = u, advice = a);
        f.write_str(&text)
    }
}

impl std::error::Error for OverBudget {}

/// Checks `needed` against `limit`.
pub fn check(
    what: impl FnOnce() -> String,
    needed: u64,
    limit: u64,
    unit: Unit,
    advice: Advice,
) -> Result<(), OverBudget> {
    if needed <= limit {
        Ok(())
    } else {
        Err(OverBudget {
            what: what(),
            needed,
            limit,
            unit,
            advice,
        })
    }
}

/// d(e)/d(v) under `rules`, simplified, unless its raw form would pass [`MAX_NODES`].
pub fn try_derivative(e: &Expr, v: &str, rules: Rules) -> Result<Expr, OverBudget> {
    check(
        || t!("budget-derivative", expr = shorten(e), var = v),
        derivative_size(e, v, rules),
        MAX_NODES,
        Unit::Nodes,
        Advice::Simpler,
    )?;
    let raw = diff(e, v, rules);
    try_simplify(&raw).map_err(|needed| OverBudget {
        what: t!("budget-simplify-derivative", expr = shorten(e), var = v),
        needed,
        limit: MAX_SIMPLIFY_WORK,
        unit: Unit::Steps,
        advice: Advice::Simpler,
    })
}

/// An expression in a sentence, shortened when long.
pub(crate) fn shorten(e: &Expr) -> String {
    let text = e.to_string();
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("'{short}…'")
    } else {
        format!("'{short}'")
    }
}

/// The number of nodes [`diff`] builds for d(e)/d(v), without building it (saturating).
pub fn derivative_size(e: &Expr, v: &str, rules: Rules) -> u64 {
    if !e.uses(v) {
        return 1;
    }
    // The recursion stays in this small function (the operands' sizes first, then the rule
    // adds its own nodes), so a tree as deep as the parser allows costs little stack.
    let total = match e {
        Expr::Num(_) | Expr::Var(_) => 1,
        Expr::Neg(a) => 1 + derivative_size(a, v, rules),
        Expr::Bin(op, a, b) => {
            let b_const = !b.uses(v);
            let sa = match op {
                BinOp::Pow if b_const => inner_size(a, v, rules),
                _ => derivative_size(a, v, rules),
            };
            let sb = derivative_size(b, v, rules);
            bin_size(*op, e, a, b, v, rules, sa, sb)
        }
        Expr::Call(f, a) => 1 + call_size(*f, e, a) + inner_size(a, v, rules),
    };
    total.min(u64::MAX / 4)
}

/// The size of the inner derivative a', or 1 when the rules drop it.
fn inner_size(a: &Expr, v: &str, rules: Rules) -> u64 {
    if rules.drop_inner && !matches!(a, Expr::Var(_)) {
        1
    } else {
        derivative_size(a, v, rules)
    }
}

/// The nodes [`diff`]'s rule for `e` = `a op b` builds, given the sizes `sa` and `sb` of the
/// operands' derivatives (`sa` the inner derivative's for a constant power).
#[allow(clippy::too_many_arguments)] // the rule's inputs, as diff has them
fn bin_size(
    op: BinOp,
    e: &Expr,
    a: &Expr,
    b: &Expr,
    v: &str,
    rules: Rules,
    sa: u64,
    sb: u64,
) -> u64 {
    let n = |x: &Expr| x.size() as u64;
    match op {
        BinOp::Add | BinOp::Sub => 1 + sa + sb,
        BinOp::Mul => 3 + sa + n(b) + n(a) + sb,
        BinOp::Div if !b.uses(v) => 1 + sa + n(b),
        BinOp::Div => 6 + sa + sb + n(a) + 2 * n(b),
        BinOp::Pow if !b.uses(v) => {
            let lowered = 3 + n(a) + n(b);
            let outer = if rules.drop_power_factor {
                lowered
            } else {
                1 + n(b) + lowered
            };
            1 + outer + sa
        }
        BinOp::Pow if !a.uses(v) => 3 + n(e) + n(a) + sb,
        BinOp::Pow => 6 + n(e) + sb + 2 * n(a) + n(b) + sa,
    }
}

/// The nodes of f'(a) for `e` = f(a).
fn call_size(f: Func, e: &Expr, a: &Expr) -> u64 {
    let n = |x: &Expr| x.size() as u64;
    match f {
        Func::Exp => n(e),
        Func::Log => 2 + n(a),
        Func::Sqrt => 4 + n(e),
        Func::Sin => 1 + n(a),
        Func::Cos => 2 + n(a),
        Func::Tanh => 4 + n(e),
        Func::Abs => 1 + n(a) + n(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse;

    #[test]
    fn the_predicted_size_is_the_built_size() {
        for src in [
            "x^2/10",
            "sin(cos(x))*exp(x)/(x + 1)",
            "x^x + 2^x + log(x)*sqrt(x)*tanh(x)*abs(x)",
            "(x - 2)^2/10 - x/(x^2 + y)",
            "-x^3",
        ] {
            let e = parse(src).expect("parses");
            for rules in [
                Rules::default(),
                Rules {
                    drop_inner: true,
                    drop_power_factor: true,
                },
            ] {
                assert_eq!(
                    derivative_size(&e, "x", rules),
                    diff(&e, "x", rules).size() as u64,
                    "{src}"
                );
            }
        }
    }

    #[test]
    fn an_exploding_derivative_is_refused_before_it_is_built() {
        let tower = vec!["x"; 199].join("^");
        let e = parse(&tower).expect("parses");
        let err = try_derivative(&e, "x", Rules::default()).expect_err("over budget");
        assert!(
            err.to_string()
                .contains("expression nodes, more than the work budget of 12000"),
            "{err}"
        );
        assert!(try_derivative(&parse("x^x^x").expect("parses"), "x", Rules::default()).is_ok());
    }
}
