//! Naming the mistake behind a wrong answer.
//!
//! The engine recomputes the exercise with each usual mistake built in (a [`Slip`]), or reads a
//! neighbouring value (one step off, f instead of f'), and the first one that reproduces the
//! student's answer, by the same rule that judged it, is named.

use super::Context;
use super::equiv::equivalent;
use super::number::{Printed, Verdict, compare};
use crate::engine::{Expr, PyNum};
use crate::exercise::compute::{Computed, Results, Slip};
use crate::exercise::model::Tolerance;
use crate::exercise::reference::{Answer, Reference, Seg};

/// How an alternative answer is compared with what the student gave.
pub(crate) enum Matcher {
    /// A printed number, by the question's rounding rule.
    Number {
        /// What was printed.
        given: Printed,
        /// Significant digits required.
        sig: u32,
        /// Tolerance.
        tol: Option<Tolerance>,
    },
    /// An exact value.
    Exact(f64),
    /// An expression.
    Expression(Expr),
}

impl Matcher {
    fn matches(&self, a: &Answer) -> bool {
        match (self, a) {
            (Matcher::Number { given, sig, tol }, Answer::Num(v)) => {
                compare(given, v.to_f64(), *sig, *tol) == Verdict::Right
            }
            (Matcher::Exact(g), Answer::Num(v)) => {
                (g - v.to_f64()).abs() <= 1e-9 * g.abs().max(v.to_f64().abs()).max(1e-3)
            }
            (Matcher::Expression(g), Answer::Expr(e)) => equivalent(g, e).is_ok(),
            _ => false,
        }
    }
}

/// A named mistake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Diagnosis {
    /// A short code, for class summaries (`add-gradient`).
    pub code: &'static str,
    /// What to tell the student.
    pub message: String,
}

fn lr_of(results: &Results, run: &str) -> Option<PyNum> {
    match results.runs.get(run) {
        Some(Computed::Descent(d)) => Some(d.run.lr),
        _ => None,
    }
}

fn with_field(r: &Reference, from: &str, to: &str) -> Option<Reference> {
    let mut out = r.clone();
    let first = out.path.iter_mut().find_map(|s| match s {
        Seg::Name(n) => Some(n),
        Seg::Index(_) => None,
    })?;
    // `from == "x"` stands for any variable's name (`x`, `x1`, `w`).
    let is_variable = !["grad", "y", "value", "verdict"].contains(&first.as_str());
    if first != from && !(from == "x" && is_variable) {
        return None;
    }
    *first = to.to_string();
    Some(out)
}

fn negated(a: &Answer) -> Option<Answer> {
    match a {
        Answer::Num(PyNum::Int(i)) if *i != 0 => Some(Answer::Num(PyNum::Int(-i))),
        Answer::Num(PyNum::Float(f)) if *f != 0.0 => Some(Answer::Num(PyNum::Float(-f))),
        Answer::Expr(e) => Some(Answer::Expr(crate::engine::simplify(&Expr::minus(
            e.clone(),
        )))),
        _ => None,
    }
}

/// The first usual mistake that reproduces the student's answer.
pub(crate) fn explain(
    ctx: &Context,
    r: &Reference,
    expected: &Answer,
    m: &Matcher,
) -> Option<Diagnosis> {
    let run_kind = ctx.results.runs.get(&r.run)?;
    let lr = lr_of(&ctx.results, &r.run);
    let first = r.path.iter().find_map(|s| match s {
        Seg::Name(n) => Some(n.as_str()),
        Seg::Index(_) => None,
    })?;
    let try_ref = |alt: &Reference, results: &Results| {
        alt.resolve(results).ok().is_some_and(|a| m.matches(&a))
    };
    let try_slip = |slip: Slip| ctx.with_slip(slip).is_some_and(|res| try_ref(r, &res));
    let d = |code, message: String| Some(Diagnosis { code, message });

    match run_kind {
        // "0 < lr < 1" is a habit, not the bound: it is named before any slip that happens
        // to give 1 too.
        Computed::Descent(_) if first == "lr_max" => {
            if m.matches(&Answer::Num(PyNum::Int(1))) {
                return d(
                    "lr-below-one-habit",
                    "1 is the '0 < lr < 1' habit, not this function's bound: for f = a·x^2 an update multiplies x by 1 - 2·a·lr, and the run converges exactly when that factor lies between -1 and 1".into(),
                );
            }
            if try_slip(Slip::DropPowerFactor) {
                return d("power-rule-factor", "you dropped the exponent's factor of the power rule: f'(x) of a·x^2 is 2·a·x, so an update multiplies x by 1 - 2·a·lr".into());
            }
        }
        Computed::Descent(_) => {
            let is_grad = first == "grad" || first.starts_with("grad_");
            if is_grad {
                if with_field(r, first, "y").is_some_and(|alt| try_ref(&alt, &ctx.results)) {
                    return d("value-for-gradient", "this is f(x), not f'(x)".into());
                }
            } else if first != "y" && first != "value" {
                if try_slip(Slip::AddGradient) {
                    return d("add-gradient", "you added the gradient instead of subtracting it: the update is x := x - lr·f'(x)".into());
                }
                if lr.is_some_and(|l| l.to_f64() != 1.0) && try_slip(Slip::NoLearningRate) {
                    return d(
                        "no-learning-rate",
                        format!(
                            "you left out the learning rate: the update is x := x - lr·f'(x) with lr = {}",
                            lr.unwrap_or(PyNum::Int(1))
                        ),
                    );
                }
                if try_slip(Slip::ValueForGradient) {
                    return d(
                        "value-for-gradient",
                        "you used f(x) in the update instead of f'(x)".into(),
                    );
                }
                let alt = with_field(r, first, "grad").map(|mut a| {
                    a.path.retain(|s| {
                        matches!(s, Seg::Index(_)) || matches!(s, Seg::Name(n) if n == "grad")
                    });
                    a
                });
                if alt.is_some_and(|a| try_ref(&a, &ctx.results)) {
                    return d(
                        "gradient-for-value",
                        "this is the gradient f'(x), not the new x".into(),
                    );
                }
            }
            if try_slip(Slip::DropPowerFactor) {
                return d("power-rule-factor", "you dropped the exponent's factor of the power rule: d/dx x^n = n·x^(n-1) (for a square, the factor 2)".into());
            }
            if try_slip(Slip::DropInner) {
                return d("missed-inner-derivative", "you missed the inner derivative of the chain rule: multiply by the derivative of the inside".into());
            }
            if let Some(Seg::Index(asked)) = r.path.iter().find(|s| matches!(s, Seg::Index(_))) {
                let asked = *asked;
                let later = r.shifted(1);
                let beyond = ctx.with_slip(Slip::ExtraStep);
                if try_ref(&later, &ctx.results) || beyond.is_some_and(|b| try_ref(&later, &b)) {
                    return d(
                        "one-step-too-many",
                        "that is the value one step later: you took one step too many".into(),
                    );
                }
                if try_ref(&r.shifted(-1), &ctx.results) {
                    return d("one-step-too-few", "that is the value one step earlier: you took one step too few (or gave the value before the update)".into());
                }
                let steps = match run_kind {
                    Computed::Descent(dr) => dr.run.len() as i64,
                    _ => 0,
                };
                for k in 0..steps {
                    if asked >= 0 && k != asked && try_ref(&r.shifted(k - asked), &ctx.results) {
                        return d(
                            "wrong-step",
                            format!(
                                "that is the value after {k} update{}; the question asks for the value after {asked}",
                                if k == 1 { "" } else { "s" }
                            ),
                        );
                    }
                }
            }
            for digits in 1..=3u8 {
                if try_slip(Slip::RoundEarly(digits)) {
                    return d(
                        "rounded-too-early",
                        format!(
                            "you rounded to {digits} decimal{} along the way; keep full precision until the end",
                            if digits == 1 { "" } else { "s" }
                        ),
                    );
                }
            }
        }
        Computed::Graph(g) => {
            // A flipped sign is the likelier slip than another node that happens to have the
            // opposite gradient (dJ/dt = -dJ/db for J = (w·x + b - t)^2).
            if negated(expected).is_some_and(|n| m.matches(&n)) {
                return d("sign", "right size, wrong sign".into());
            }
            if try_slip(Slip::OuterAtInput) {
                return d("outer-at-input", "you evaluated the outer derivative at the input x instead of at the inner node's value".into());
            }
            if try_slip(Slip::DropInner) {
                return d("missed-inner-derivative", "you missed the inner derivative of the chain rule: multiply by the local derivative of each inner node on the path".into());
            }
            if try_slip(Slip::DropPowerFactor) {
                return d("power-rule-factor", "you dropped the exponent's factor of the power rule: d/dz z^n = n·z^(n-1) (for a square, the factor 2)".into());
            }
            if let (true, Some(Seg::Name(asked))) = (first == "grad", r.path.get(1)) {
                let out = g.graph.output();
                for name in &g.pass.names {
                    let value = Reference::parse(&format!("{}.value.{name}", r.run));
                    if value.is_ok_and(|v| try_ref(&v, &ctx.results)) {
                        return d(
                            "value-for-gradient",
                            format!(
                                "that is the value of {name} from the forward pass, not the gradient d{out}/d{asked}"
                            ),
                        );
                    }
                    let grad = Reference::parse(&format!("{}.grad.{name}", r.run));
                    if name != asked && grad.is_ok_and(|v| try_ref(&v, &ctx.results)) {
                        return d(
                            "wrong-node",
                            format!(
                                "that is d{out}/d{name}, the gradient at {name}; the question asks for d{out}/d{asked}"
                            ),
                        );
                    }
                }
            }
        }
        Computed::Derivative(_) => {
            if try_slip(Slip::ValueForGradient) {
                return d(
                    "value-for-gradient",
                    "this is the function itself, not its derivative".into(),
                );
            }
            if try_slip(Slip::DropPowerFactor) {
                return d(
                    "power-rule-factor",
                    "you dropped the exponent's factor of the power rule: d/dx u^n = n·u^(n-1)·u'"
                        .into(),
                );
            }
            if try_slip(Slip::DropInner) {
                return d("missed-inner-derivative", "you missed the inner derivative of the chain rule: multiply by the derivative of the inside".into());
            }
        }
    }
    if negated(expected).is_some_and(|n| m.matches(&n)) {
        return d("sign", "right size, wrong sign".into());
    }
    None
}
