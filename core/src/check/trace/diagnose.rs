//! Naming the rule a trace actually followed, from its first departing lines.
//!
//! Each candidate is a whole run of the engine with one change to the rule (a different
//! learning rate, the gradient added, a scaled derivative, x printed before the update, a
//! sequential update, x rounded at every step, f used for f'), started where the student
//! started. A candidate names the mistake when it reproduces, at the digits printed, every
//! line in a window from the first departure on, at least two of which depart from the
//! reference. A candidate identical to the reference at the digits printed can never do that,
//! so a sequential update is only named when the function couples the variables.

use super::layout::{FieldInfo, Kind, Layout};
pub(crate) use super::window::WindowLine;
use super::window::{explains, explains_by, reproduces};
use super::wrong_runs;
use crate::engine::descent::{Problem, Run};
use crate::engine::{BinOp, Expr, PyNum, simplify};
use crate::exercise::model::Tolerance;
use crate::reference_output::render::StepFields;
use crate::t;

/// A named mistake.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// A short code (`learning-rate`).
    pub code: &'static str,
    /// What to tell the student.
    pub message: String,
}

fn show(v: PyNum) -> String {
    crate::pyfmt::repr_value(v)
}

/// The lines after an update that print the same numbers on every line (`0`, `0`, `0`),
/// where the reference's change: not a run of gradient descent. Returns the value printed.
pub(crate) fn constant_lines(l: &Layout, window: &[WindowLine]) -> Option<String> {
    let steps: Vec<&WindowLine> = window
        .iter()
        .filter(|w| l.slot(w.k).part == super::layout::Part::Step)
        .collect();
    if steps.len() < 3 {
        return None;
    }
    let texts = |w: &WindowLine| -> Vec<Option<f64>> {
        l.tpl(l.slot(w.k))
            .fields
            .iter()
            .zip(&w.ex.values)
            .filter(|(f, _)| !matches!(f.kind, Kind::Index | Kind::Lr))
            .map(|(_, n)| n.as_ref().map(|n| n.value))
            .collect()
    };
    // Each line of the step template prints the same numbers in every iteration.
    let first = texts(steps[0]);
    if first.is_empty() || first.iter().any(Option::is_none) {
        return None;
    }
    for w in &steps {
        let same_tpl = steps
            .iter()
            .find(|f| l.slot(f.k).tpl == l.slot(w.k).tpl)
            .map(|f| texts(f));
        let values = texts(w);
        if values.iter().any(Option::is_none) || same_tpl.as_ref() != Some(&values) {
            return None;
        }
    }
    // The reference moves over the same lines (else constant lines are right).
    let (a, b) = (l.slot(steps[0].k), l.slot(steps[steps.len() - 1].k));
    if l.d.run.point(a.i.min(l.d.run.len() - 1)) == l.d.run.point(b.i.min(l.d.run.len() - 1)) {
        return None;
    }
    let shown: Vec<String> = steps[0]
        .ex
        .values
        .iter()
        .zip(&l.tpl(l.slot(steps[0].k)).fields)
        .filter(|(_, f)| !matches!(f.kind, Kind::Index | Kind::Lr))
        .filter_map(|(n, _)| n.as_ref().map(|n| n.text.clone()))
        .collect();
    Some(shown.join(", "))
}

/// `f'(x) = <the scaled derivative>` and the right derivative, for a gradient `c` times the
/// right one.
fn derivative_text(p: &Problem, k: usize, c: f64) -> (String, String) {
    let g = p.grad_exprs().get(k).map(|e| (*e).clone());
    let g = g.unwrap_or(Expr::Num(PyNum::Int(0)));
    let scaled = simplify(&Expr::bin(
        BinOp::Mul,
        Expr::Num(PyNum::whole_or_float(c)),
        g.clone(),
    ));
    let name = if p.vars.len() == 1 {
        format!("f'({})", p.vars[0])
    } else {
        format!("∂f/∂{}", p.vars.get(k).map_or("x", String::as_str))
    };
    // A product with float noise in it (0.1 × 1/5 = 0.020000000000000004) reads better as
    // the factor times the right derivative.
    let text = format!("{scaled}");
    let noisy = super::scan::numbers(&text).any(|n| n.printed.digits.len() > 12);
    let shown = if noisy {
        format!("{}*({g})", show(PyNum::whole_or_float(c)))
    } else {
        text
    };
    (format!("{name} = {shown}"), format!("{g}"))
}

/// What a factor of ½ or 2 usually means: a clause to add after the sentence.
fn factor_two(c: f64) -> Option<String> {
    if (c - 0.5).abs() < 1e-12 {
        Some(t!("trace-factor-half"))
    } else if (c - 2.0).abs() < 1e-12 {
        Some(t!("trace-factor-double"))
    } else {
        None
    }
}

/// What every candidate rule is tried against.
struct Candidates<'a> {
    l: &'a Layout<'a>,
    window: &'a [WindowLine],
    /// The student's start.
    start: &'a [PyNum],
    tol: Option<Tolerance>,
    /// The updates the window reaches.
    steps: usize,
    /// The right rule from the student's start.
    right: Run,
}

impl Candidates<'_> {
    fn problem(&self) -> &Problem {
        &self.l.d.problem
    }

    fn lr(&self) -> PyNum {
        self.l.d.run.lr
    }

    /// Whether `run` reproduces every window line, two of them departing.
    fn explained_by(&self, run: &Run) -> bool {
        explains(self.l, run, self.window, self.tol)
    }

    /// Whether the right run's values, read by `lookup`, reproduce every window line, two of
    /// them departing.
    fn explained_by_lookup(&self, lookup: &dyn Fn(usize, &FieldInfo) -> Option<PyNum>) -> bool {
        explains_by(self.l, self.right.len(), self.window, self.tol, lookup)
    }
}

/// A diagnosis: the mistake it names, if its rule explains the window.
type Diagnose = fn(&Candidates) -> Option<Found>;

/// The diagnoses, in the order they are tried; the first that explains the window names the
/// rule.
const DIAGNOSES: [Diagnose; 7] = [
    print_before_update,
    value_before_update,
    swapped_variables,
    other_learning_rate,
    sequential_update,
    rounded_each_step,
    value_for_gradient,
];

/// The rule behind the window's lines, if one of the usual ones explains them all.
pub(crate) fn rule(
    l: &Layout,
    window: &[WindowLine],
    start: &[PyNum],
    tol: Option<Tolerance>,
) -> Option<Found> {
    if window.iter().filter(|w| !w.ref_ok).count() < 2 {
        return None;
    }
    let steps = window.iter().map(|w| l.slot(w.k).i).max()?.min(l.updates());
    let right = Run::new(&l.d.problem, start, l.d.run.lr, steps);
    // The right rule from the student's start reproduces the lines at their own digits:
    // they depart only by their digits (or their start), and no other rule is proven.
    if reproduces(l, &right, window, tol) {
        return None;
    }
    let c = Candidates {
        l,
        window,
        start,
        tol,
        steps,
        right,
    };
    DIAGNOSES.iter().find_map(|diagnose| diagnose(&c))
}

fn found(code: &'static str, message: String) -> Option<Found> {
    Some(Found { code, message })
}

/// Printed before the update: line i shows the point after i - 1 updates.
fn print_before_update(c: &Candidates) -> Option<Found> {
    let shifted = wrong_runs::printed_before(c.problem(), c.lr(), &c.right);
    if !c.explained_by(&shifted) {
        return None;
    }
    found("print-before-update", t!("trace-print-before-update"))
}

/// x printed after the update but y = f(x) from the point before it.
fn value_before_update(c: &Candidates) -> Option<Found> {
    let right_fields = StepFields::new(&c.right);
    let value_before = |i: usize, f: &FieldInfo| {
        let at = if f.kind == Kind::Value {
            i.saturating_sub(1)
        } else {
            i
        };
        right_fields.lookup(at, &f.name)
    };
    if !c.explained_by_lookup(&value_before) {
        return None;
    }
    found("value-before-update", t!("trace-value-before-update"))
}

/// Two variables printed in each other's places: `({x2:.3f}, {x1:.3f})`.
fn swapped_variables(c: &Candidates) -> Option<Found> {
    let [a, b] = c.problem().vars.as_slice() else {
        return None;
    };
    let right_fields = StepFields::new(&c.right);
    let swapped = |i: usize, f: &FieldInfo| match f.kind {
        Kind::Var(0) => right_fields.lookup(i, b),
        Kind::Var(1) => right_fields.lookup(i, a),
        _ => right_fields.lookup(i, &f.name),
    };
    if !c.explained_by_lookup(&swapped) {
        return None;
    }
    found(
        "swapped-variables",
        t!("trace-swapped-variables", first = a, second = b),
    )
}

/// A different learning rate or a scaled derivative, inferred from the first departing
/// step that prints a variable, then checked over the whole window.
fn other_learning_rate(c: &Candidates) -> Option<Found> {
    let (l, window) = (c.l, c.window);
    let prints_grad = window.iter().any(|w| {
        l.tpl(l.slot(w.k))
            .fields
            .iter()
            .any(|f| matches!(f.kind, Kind::Grad(_)))
    });
    let (r_list, k) = wrong_runs::infer_lr(l, window, c.start)?;
    let lr = c.lr().to_f64();
    for r in r_list {
        if (r - lr).abs() <= 1e-12 * r.abs().max(1.0) {
            continue;
        }
        let factor = r / lr;
        let grad_fits = prints_grad
            && factor > 0.0
            && wrong_runs::scaled_gradient(&l.d.f, c.problem(), c.start, c.lr(), c.steps, factor)
                .is_some_and(|run| c.explained_by(&run));
        if grad_fits {
            let (wrong, right) = derivative_text(c.problem(), k, factor);
            let mut message = t!(
                "trace-gradient-factor",
                factor = show(PyNum::whole_or_float(factor)),
                wrong = wrong,
                right = right
            );
            if let Some(why) = factor_two(factor) {
                message.push(' ');
                message.push_str(&why);
            }
            return found("gradient-factor", message);
        }
        if c.explained_by(&Run::new(
            c.problem(),
            c.start,
            PyNum::whole_or_float(r),
            c.steps,
        )) {
            return learning_rate_found(c, r, k, prints_grad);
        }
    }
    None
}

/// The mistake behind steps that match learning rate `r` (read from variable `k`).
fn learning_rate_found(c: &Candidates, r: f64, k: usize, prints_grad: bool) -> Option<Found> {
    let lr = c.lr();
    if (r + lr.to_f64()).abs() <= 1e-12 * r.abs().max(1.0) {
        return found("add-gradient", t!("mistake-add-gradient"));
    }
    if r < 0.0 {
        return found(
            "add-gradient",
            t!(
                "trace-add-gradient-lr",
                lr = show(PyNum::whole_or_float(-r)),
                ours = show(lr)
            ),
        );
    }
    if r == 1.0 {
        return found(
            "no-learning-rate",
            t!("trace-no-learning-rate", ours = show(lr)),
        );
    }
    let (rate, ours) = (show(PyNum::whole_or_float(r)), show(lr));
    if prints_grad {
        return found(
            "learning-rate",
            t!("trace-learning-rate", lr = rate, ours = ours),
        );
    }
    let factor = r / lr.to_f64();
    let (wrong, right) = derivative_text(c.problem(), k, factor);
    let shown = show(PyNum::whole_or_float(factor));
    let message = match factor_two(factor) {
        None => t!(
            "trace-learning-rate-or-derivative",
            lr = rate,
            ours = ours,
            factor = shown,
            wrong = wrong,
            right = right
        ),
        Some(why) => t!(
            "trace-learning-rate-or-derivative-factor",
            lr = rate,
            ours = ours,
            factor = shown,
            wrong = wrong,
            right = right,
            why = why
        ),
    };
    found("learning-rate", message)
}

/// One variable after the other.
fn sequential_update(c: &Candidates) -> Option<Found> {
    let p = c.problem();
    if p.vars.len() < 2 || !c.explained_by(&wrong_runs::sequential(p, c.start, c.lr(), c.steps)) {
        return None;
    }
    found(
        "sequential-update",
        t!(
            "trace-sequential-update",
            second = p.vars[1],
            first = p.vars[0]
        ),
    )
}

/// x rounded at every step, to the decimals printed or to 0 to 8.
fn rounded_each_step(c: &Candidates) -> Option<Found> {
    let mut digits: Vec<usize> = c
        .window
        .iter()
        .flat_map(|w| w.ex.values.iter().flatten())
        .map(|n| n.printed.decimals().clamp(0, 12) as usize)
        .collect();
    digits.extend(0..=8);
    digits.dedup();
    let mut tried = Vec::new();
    for dgt in digits {
        if tried.contains(&dgt) {
            continue;
        }
        tried.push(dgt);
        let run = wrong_runs::rounded(c.problem(), c.start, c.lr(), c.steps, dgt);
        if c.explained_by(&run) {
            return found(
                "rounded-each-step",
                t!("trace-rounded-each-step", digits = dgt),
            );
        }
    }
    None
}

/// f instead of f'.
fn value_for_gradient(c: &Candidates) -> Option<Found> {
    let (d, p) = (c.l.d, c.problem());
    let q = Problem::new(&d.f, &p.vars, Some(&vec![d.f.clone(); p.vars.len()])).ok()?;
    if !c.explained_by(&Run::new(&q, c.start, c.lr(), c.steps)) {
        return None;
    }
    found("value-for-gradient", t!("trace-value-for-gradient"))
}
