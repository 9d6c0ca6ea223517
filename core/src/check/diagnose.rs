//! Naming the mistake behind a wrong answer.
//!
//! The engine recomputes the exercise with each usual mistake built in (a [`Slip`]), or reads a
//! neighbouring value (one step off, f instead of f'), and the first one that reproduces the
//! student's answer, by the same rule that judged it, is named.

use super::Context;
use super::equiv::equivalent;
use super::number::{Printed, Verdict, compare};
use crate::engine::{Expr, PyNum};
use crate::exercise::compute::{Computed, DescentResult, GraphResult, Results, Slip};
use crate::exercise::model::Tolerance;
use crate::exercise::reference::{Answer, Reference, Seg};
use crate::t;

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

/// `r` with its first name `from` changed to `to` (`from == "x"` matches any variable).
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

/// `a` with its sign flipped (zero has none).
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
    let first = r.path.iter().find_map(|s| match s {
        Seg::Name(n) => Some(n.as_str()),
        Seg::Index(_) => None,
    })?;
    let probe = Probe { ctx, r, m, first };
    let named = match run_kind {
        Computed::Descent(_) if first == "lr_max" => probe.learning_rate_bound(),
        Computed::Descent(dr) => probe.descent(dr),
        Computed::Graph(g) => probe.graph(expected, g),
        Computed::Derivative(_) => probe.derivative(),
    };
    named.or_else(|| sign(expected, m))
}

/// The English plural category of a count, for a message's select: `one` or `other`.
pub(crate) fn plural(n: i64) -> &'static str {
    if n == 1 { "one" } else { "other" }
}

fn d(code: &'static str, message: String) -> Option<Diagnosis> {
    Some(Diagnosis { code, message })
}

/// Right size, wrong sign.
fn sign(expected: &Answer, m: &Matcher) -> Option<Diagnosis> {
    if negated(expected).is_some_and(|n| m.matches(&n)) {
        return d("sign", t!("mistake-sign"));
    }
    None
}

/// The question asked, and the student's answer to reproduce.
struct Probe<'a> {
    ctx: &'a Context<'a>,
    r: &'a Reference,
    m: &'a Matcher,
    /// The first name on the question's path (`x`, `grad`, `lr_max`).
    first: &'a str,
}

impl Probe<'_> {
    /// Whether `alt`, read from `results`, gives the student's answer.
    fn gives(&self, alt: &Reference, results: &Results) -> bool {
        alt.resolve(results)
            .ok()
            .is_some_and(|a| self.m.matches(&a))
    }

    /// Whether `alt` gives the student's answer in the correct results.
    fn gives_here(&self, alt: &Reference) -> bool {
        self.gives(alt, &self.ctx.results)
    }

    /// Whether the question's own reference gives the student's answer with `slip` built in.
    fn slipped(&self, slip: Slip) -> bool {
        self.ctx
            .with_slip(slip)
            .is_some_and(|res| self.gives(self.r, &res))
    }

    /// The largest learning rate that converges. "0 < lr < 1" is a habit, not the bound: it
    /// is named before any slip that happens to give 1 too.
    fn learning_rate_bound(&self) -> Option<Diagnosis> {
        if self.m.matches(&Answer::Num(PyNum::Int(1))) {
            return d("lr-below-one-habit", t!("mistake-lr-below-one-habit"));
        }
        if self.slipped(Slip::DropPowerFactor) {
            return d("power-rule-factor", t!("mistake-power-rule-factor-lr"));
        }
        None
    }

    /// A value of a gradient-descent run: a wrong quantity or update, a slip in the
    /// derivative, the wrong step, or rounding along the way.
    fn descent(&self, dr: &DescentResult) -> Option<Diagnosis> {
        let first = self.first;
        let named = if first == "grad" || first.starts_with("grad_") {
            self.value_for_gradient()
        } else if first != "y" && first != "value" {
            self.wrong_update(dr.run.lr)
        } else {
            None
        };
        named
            .or_else(|| self.descent_derivative())
            .or_else(|| self.wrong_step(dr.run.len() as i64))
            .or_else(|| self.rounded_early())
    }

    /// A gradient answered with f(x).
    fn value_for_gradient(&self) -> Option<Diagnosis> {
        if with_field(self.r, self.first, "y").is_some_and(|alt| self.gives_here(&alt)) {
            return d("value-for-gradient", t!("mistake-value-for-gradient"));
        }
        None
    }

    /// A new point computed by another update: the gradient added, no learning rate, f for
    /// f', or the gradient itself given.
    fn wrong_update(&self, lr: PyNum) -> Option<Diagnosis> {
        if self.slipped(Slip::AddGradient) {
            return d("add-gradient", t!("mistake-add-gradient"));
        }
        if lr.to_f64() != 1.0 && self.slipped(Slip::NoLearningRate) {
            return d("no-learning-rate", t!("mistake-no-learning-rate", lr = lr));
        }
        if self.slipped(Slip::ValueForGradient) {
            return d("value-for-gradient", t!("mistake-value-in-update"));
        }
        let alt = with_field(self.r, self.first, "grad").map(|mut a| {
            a.path
                .retain(|s| matches!(s, Seg::Index(_)) || matches!(s, Seg::Name(n) if n == "grad"));
            a
        });
        if alt.is_some_and(|a| self.gives_here(&a)) {
            return d("gradient-for-value", t!("mistake-gradient-for-value"));
        }
        None
    }

    /// A slip in the derivative behind a descent: the power rule's factor or the chain
    /// rule's inner derivative.
    fn descent_derivative(&self) -> Option<Diagnosis> {
        if self.slipped(Slip::DropPowerFactor) {
            return d("power-rule-factor", t!("mistake-power-rule-factor-descent"));
        }
        if self.slipped(Slip::DropInner) {
            return d(
                "missed-inner-derivative",
                t!("mistake-missed-inner-derivative"),
            );
        }
        None
    }

    /// The value after another step than the one asked, in a run of `steps` points.
    fn wrong_step(&self, steps: i64) -> Option<Diagnosis> {
        let r = self.r;
        let Some(Seg::Index(asked)) = r.path.iter().find(|s| matches!(s, Seg::Index(_))) else {
            return None;
        };
        let asked = *asked;
        let later = r.shifted(1);
        let beyond = self.ctx.with_slip(Slip::ExtraStep);
        if self.gives_here(&later) || beyond.is_some_and(|b| self.gives(&later, &b)) {
            return d("one-step-too-many", t!("mistake-one-step-too-many"));
        }
        if self.gives_here(&r.shifted(-1)) {
            return d("one-step-too-few", t!("mistake-one-step-too-few"));
        }
        for k in 0..steps {
            if asked >= 0 && k != asked && self.gives_here(&r.shifted(k - asked)) {
                return d(
                    "wrong-step",
                    t!(
                        "mistake-wrong-step",
                        k = k,
                        k_plural = plural(k),
                        asked = asked
                    ),
                );
            }
        }
        None
    }

    /// Rounded to 1 to 3 decimals along the way.
    fn rounded_early(&self) -> Option<Diagnosis> {
        for digits in 1..=3u8 {
            if self.slipped(Slip::RoundEarly(digits)) {
                return d(
                    "rounded-too-early",
                    t!(
                        "mistake-rounded-too-early",
                        digits = digits,
                        digits_plural = plural(i64::from(digits))
                    ),
                );
            }
        }
        None
    }

    /// A value or gradient of a backpropagation graph.
    fn graph(&self, expected: &Answer, g: &GraphResult) -> Option<Diagnosis> {
        // A flipped sign is the likelier slip than another node that happens to have the
        // opposite gradient (dJ/dt = -dJ/db for J = (w·x + b - t)^2).
        sign(expected, self.m)
            .or_else(|| self.graph_slip())
            .or_else(|| self.other_node(g))
    }

    /// A slip in the backward pass: the outer derivative at the input, the inner derivative
    /// missed, the power rule's factor dropped.
    fn graph_slip(&self) -> Option<Diagnosis> {
        if self.slipped(Slip::OuterAtInput) {
            return d("outer-at-input", t!("mistake-outer-at-input"));
        }
        if self.slipped(Slip::DropInner) {
            return d(
                "missed-inner-derivative",
                t!("mistake-missed-inner-derivative-graph"),
            );
        }
        if self.slipped(Slip::DropPowerFactor) {
            return d("power-rule-factor", t!("mistake-power-rule-factor-graph"));
        }
        None
    }

    /// A gradient answered with a node's forward value or another node's gradient.
    fn other_node(&self, g: &GraphResult) -> Option<Diagnosis> {
        let r = self.r;
        let (true, Some(Seg::Name(asked))) = (self.first == "grad", r.path.get(1)) else {
            return None;
        };
        let out = g.graph.output();
        for name in &g.pass.names {
            let value = Reference::parse(&format!("{}.value.{name}", r.run));
            if value.is_ok_and(|v| self.gives_here(&v)) {
                return d(
                    "value-for-gradient",
                    t!(
                        "mistake-forward-value-for-gradient",
                        name = name,
                        out = out,
                        asked = asked
                    ),
                );
            }
            let grad = Reference::parse(&format!("{}.grad.{name}", r.run));
            if name != asked && grad.is_ok_and(|v| self.gives_here(&v)) {
                return d(
                    "wrong-node",
                    t!("mistake-wrong-node", out = out, name = name, asked = asked),
                );
            }
        }
        None
    }

    /// A derivative question: f for f', or a slip in the derivative.
    fn derivative(&self) -> Option<Diagnosis> {
        if self.slipped(Slip::ValueForGradient) {
            return d("value-for-gradient", t!("mistake-function-for-derivative"));
        }
        if self.slipped(Slip::DropPowerFactor) {
            return d(
                "power-rule-factor",
                t!("mistake-power-rule-factor-derivative"),
            );
        }
        if self.slipped(Slip::DropInner) {
            return d(
                "missed-inner-derivative",
                t!("mistake-missed-inner-derivative"),
            );
        }
        None
    }
}
