//! Naming the rule a trace actually followed, from its first departing lines.
//!
//! Each candidate is a whole run of the engine with one change to the rule (a different
//! learning rate, the gradient added, a scaled derivative, x printed before the update, a
//! sequential update, x rounded at every step, f used for f'), started where the student
//! started. A candidate names the mistake when it reproduces, at the digits printed, every
//! line in a window from the first departure on, at least two of which depart from the
//! reference. A candidate identical to the reference at the digits printed can never do that,
//! so a sequential update is only named when the function couples the variables.

use super::extract::Extracted;
use super::judge::{Expect, number_ok};
use super::layout::{FieldInfo, Kind, Layout};
use crate::engine::descent::{Problem, Run, Stepper};
use crate::engine::{BinOp, Expr, PyNum, simplify};
use crate::exercise::model::Tolerance;
use crate::trace::render::StepFields;

/// A named mistake.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// A short code (`learning-rate`).
    pub code: &'static str,
    /// What to tell the student.
    pub message: String,
}

/// A printed line in the window, read against its template.
pub(crate) struct WindowLine {
    /// The expected line it is paired with.
    pub k: usize,
    /// Its numbers.
    pub ex: Extracted,
    /// Whether it agrees with the reference.
    pub ref_ok: bool,
}

fn num(v: f64) -> PyNum {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        PyNum::Int(v as i64)
    } else {
        PyNum::Float(v)
    }
}

fn show(v: PyNum) -> String {
    crate::pyfmt::repr_value(v)
}

/// Whether `run` reproduces every window line, two of them departing from the reference.
fn explains(l: &Layout, run: &Run, window: &[WindowLine], tol: Option<Tolerance>) -> bool {
    let fields = StepFields::new(run);
    explains_by(l, run.len(), window, tol, &|i, f| fields.lookup(i, &f.name))
}

/// Whether `run` reproduces every window line at the digits printed (departing or not).
fn reproduces(l: &Layout, run: &Run, window: &[WindowLine], tol: Option<Tolerance>) -> bool {
    let fields = StepFields::new(run);
    let lookup = |i: usize, f: &FieldInfo| fields.lookup(i, &f.name);
    window.iter().all(|w| {
        let slot = l.slot(w.k);
        slot.i < run.len()
            && l.tpl(slot)
                .fields
                .iter()
                .zip(&w.ex.values)
                .filter(|(f, _)| f.kind != Kind::Index)
                .all(|(f, got)| {
                    lookup(slot.i, f).is_some_and(|want| {
                        let e = Expect {
                            value: want.to_f64() * f.scale,
                            spread: 0.0,
                        };
                        got.as_ref().is_some_and(|n| number_ok(n, e, tol))
                    })
                })
    })
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

/// Whether the values `lookup(i, field)` (for steps `i < len`) reproduce every window line,
/// two of them departing from the reference.
fn explains_by(
    l: &Layout,
    len: usize,
    window: &[WindowLine],
    tol: Option<Tolerance>,
    lookup: &dyn Fn(usize, &FieldInfo) -> Option<PyNum>,
) -> bool {
    let mut departing = 0;
    for w in window {
        let slot = l.slot(w.k);
        if slot.i >= len {
            return false;
        }
        let tpl = l.tpl(slot);
        for (f, got) in tpl.fields.iter().zip(&w.ex.values) {
            if f.kind == Kind::Index {
                continue;
            }
            let Some(want) = lookup(slot.i, f) else {
                return false;
            };
            let e = Expect {
                value: want.to_f64() * f.scale,
                spread: 0.0,
            };
            if !got.as_ref().is_some_and(|n| number_ok(n, e, tol)) {
                return false;
            }
        }
        if !w.ref_ok {
            departing += 1;
        }
    }
    departing >= 2
}

/// `v` to `s` significant digits.
fn round_sig(v: f64, s: usize) -> f64 {
    format!("{:.*e}", s.saturating_sub(1), v)
        .parse()
        .unwrap_or(v)
}

/// The simplest numbers within `unc` of `v` (1 to 4 significant digits).
fn nice(v: f64, unc: f64) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for s in 1..=4 {
        let r = round_sig(v, s);
        if (r - v).abs() <= unc * 1.01 + 1e-12 * v.abs() && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

fn derivative_text(p: &Problem, k: usize, c: f64) -> (String, String) {
    let g = p.grad_exprs().get(k).map(|e| (*e).clone());
    let g = g.unwrap_or(Expr::Num(PyNum::Int(0)));
    let scaled = simplify(&Expr::bin(BinOp::Mul, Expr::Num(num(c)), g.clone()));
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
        format!("{}*({g})", show(num(c)))
    } else {
        text
    };
    (format!("{name} = {shown}"), format!("{g}"))
}

fn factor_two(c: f64) -> &'static str {
    if (c - 0.5).abs() < 1e-12 {
        " — a factor 2 missing, as when x² is differentiated as x (d/dx x^n = n·x^(n-1))"
    } else if (c - 2.0).abs() < 1e-12 {
        " — a factor 2 too many"
    } else {
        ""
    }
}

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
    let d = l.d;
    let p = &d.problem;
    let lr = d.run.lr;
    let steps = window.iter().map(|w| l.slot(w.k).i).max()?.min(l.updates());
    let found = |code, message: String| Some(Found { code, message });
    // The right rule from the student's start reproduces the lines at their own digits:
    // they depart only by their digits (or their start), and no other rule is proven.
    if reproduces(l, &Run::new(p, start, lr, steps), window, tol) {
        return None;
    }

    // Printed before the update: line i shows the point after i - 1 updates.
    let right = Run::new(p, start, lr, steps);
    let mut shifted: Vec<Vec<PyNum>> = Vec::with_capacity(right.len() + 1);
    if !right.is_empty() {
        shifted.push(right.point(0).to_vec());
        for i in 0..right.len().saturating_sub(1) {
            shifted.push(right.point(i).to_vec());
        }
    }
    if explains(l, &Run::from_points(p, lr, &shifted), window, tol) {
        return found(
            "print-before-update",
            "each line shows x before its update, not after it (off by one): update x first, then print".into(),
        );
    }

    // x printed after the update but y = f(x) from the point before it.
    let right_fields = StepFields::new(&right);
    let value_before = |i: usize, f: &FieldInfo| {
        let at = if f.kind == Kind::Value {
            i.saturating_sub(1)
        } else {
            i
        };
        right_fields.lookup(at, &f.name)
    };
    if explains_by(l, right.len(), window, tol, &value_before) {
        return found(
            "value-before-update",
            "your y lines show f at the point before the update: compute y = f(x) after the update, at the new point".into(),
        );
    }

    // Two variables printed in each other's places: `({x2:.3f}, {x1:.3f})`.
    if let [a, b] = p.vars.as_slice() {
        let swapped = |i: usize, f: &FieldInfo| match f.kind {
            Kind::Var(0) => right_fields.lookup(i, b),
            Kind::Var(1) => right_fields.lookup(i, a),
            _ => right_fields.lookup(i, &f.name),
        };
        if explains_by(l, right.len(), window, tol, &swapped) {
            return found(
                "swapped-variables",
                format!(
                    "your lines show {b} where {a} belongs and {a} where {b} belongs: print them in the template's order"
                ),
            );
        }
    }

    // A different learning rate or a scaled derivative, inferred from the first departing
    // step that prints a variable, then checked over the whole window.
    let prints_grad = window.iter().any(|w| {
        l.tpl(l.slot(w.k))
            .fields
            .iter()
            .any(|f| matches!(f.kind, Kind::Grad(_)))
    });
    if let Some((r_list, k)) = infer_lr(l, window, start) {
        for r in r_list {
            if (r - lr.to_f64()).abs() <= 1e-12 * r.abs().max(1.0) {
                continue;
            }
            let c = r / lr.to_f64();
            let by_lr = Run::new(p, start, num(r), steps);
            let scaled_grad = || -> Option<Run> {
                let exprs: Vec<Expr> = p
                    .grad_exprs()
                    .iter()
                    .map(|g| simplify(&Expr::bin(BinOp::Mul, Expr::Num(num(c)), (*g).clone())))
                    .collect();
                let q = Problem::new(&d.f, &p.vars, Some(&exprs)).ok()?;
                Some(Run::new(&q, start, lr, steps))
            };
            let lr_fits = explains(l, &by_lr, window, tol);
            let grad_fits = prints_grad
                && c > 0.0
                && scaled_grad().is_some_and(|run| explains(l, &run, window, tol));
            if grad_fits {
                let (wrong, right) = derivative_text(p, k, c);
                return found(
                    "gradient-factor",
                    format!(
                        "your gradient is {} times the right one: your steps match {wrong} instead of {right}{}",
                        show(num(c)),
                        factor_two(c)
                    ),
                );
            }
            if !lr_fits {
                continue;
            }
            if (r + lr.to_f64()).abs() <= 1e-12 * r.abs().max(1.0) {
                return found(
                    "add-gradient",
                    "you added the gradient instead of subtracting it: the update is x := x - lr·f'(x)".into(),
                );
            }
            if r < 0.0 {
                return found(
                    "add-gradient",
                    format!(
                        "you added the gradient instead of subtracting it, and your steps match lr = {}; the exercise uses {}",
                        show(num(-r)),
                        show(lr)
                    ),
                );
            }
            if r == 1.0 {
                return found(
                    "no-learning-rate",
                    format!(
                        "your steps match lr = 1: you left out the learning rate (the exercise uses {})",
                        show(lr)
                    ),
                );
            }
            let mut message = format!(
                "your steps match lr = {}; the exercise uses {}",
                show(num(r)),
                show(lr)
            );
            if !prints_grad {
                let (wrong, right) = derivative_text(p, k, c);
                message.push_str(&format!(
                    " (or, with the same steps, a derivative {} times the right one: {wrong} instead of {right}{})",
                    show(num(c)),
                    factor_two(c)
                ));
            }
            return found("learning-rate", message);
        }
    }

    // One variable after the other.
    if p.vars.len() >= 2 {
        let run = sequential(p, start, lr, steps);
        if explains(l, &run, window, tol) {
            return found(
                "sequential-update",
                format!(
                    "your update of {} uses the new {} (one variable after the other): compute every partial derivative at the old point first, then move all variables together",
                    p.vars[1], p.vars[0]
                ),
            );
        }
    }

    // x rounded at every step.
    let mut digits: Vec<usize> = window
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
        let run = rounded(p, start, lr, steps, dgt);
        if explains(l, &run, window, tol) {
            return found(
                "rounded-each-step",
                format!(
                    "your values match rounding x to {dgt} decimals at every step: keep full precision and round only when printing"
                ),
            );
        }
    }

    // f instead of f'.
    if let Ok(q) = Problem::new(&d.f, &p.vars, Some(&vec![d.f.clone(); p.vars.len()]))
        && explains(l, &Run::new(&q, start, lr, steps), window, tol)
    {
        return found(
            "value-for-gradient",
            "your steps use f(x) instead of f'(x): the update is x := x - lr·f'(x)".into(),
        );
    }
    None
}

/// Learning rates that explain the first departing step that prints a variable, and the
/// variable they were read from.
fn infer_lr(l: &Layout, window: &[WindowLine], start: &[PyNum]) -> Option<(Vec<f64>, usize)> {
    let p = &l.d.problem;
    for w in window.iter().filter(|w| !w.ref_ok) {
        let slot = l.slot(w.k);
        if slot.i == 0 {
            continue;
        }
        let tpl = l.tpl(slot);
        // The point before this step: the reference's (the lines before agree with it),
        // or the student's start for the first step.
        let before: Vec<PyNum> = if slot.i == 1 {
            start.to_vec()
        } else {
            l.d.run.point(slot.i - 1).to_vec()
        };
        let s = Stepper::new(p, &before, l.d.run.lr).ok()?;
        // The variable with the steepest slope gives the sharpest estimate.
        let mut best: Option<(f64, f64, usize)> = None;
        for (f, got) in tpl.fields.iter().zip(&w.ex.values) {
            if let (Kind::Var(k), Some(n)) = (f.kind, got) {
                let g = s.gradient.get(k)?.to_f64();
                let b = before.get(k)?.to_f64();
                if n.value.is_finite() && g.abs() > best.map_or(0.0, |x| x.1.abs()) {
                    best = Some(((b - n.value) / g, g, k));
                    let _ = n;
                }
            }
        }
        if let Some((r, g, k)) = best {
            let h = tpl
                .fields
                .iter()
                .zip(&w.ex.values)
                .find_map(|(f, n)| (f.kind == Kind::Var(k)).then_some(n.as_ref()?.half_unit()))
                .unwrap_or(0.0);
            return Some((nice(r, 2.0 * h / g.abs()), k));
        }
    }
    None
}

fn sequential(p: &Problem, start: &[PyNum], lr: PyNum, steps: usize) -> Run {
    let mut x = start.to_vec();
    let mut points = vec![x.clone()];
    'outer: for _ in 0..steps {
        for k in 0..x.len() {
            let Ok(g) = p.grad[k].eval(&x) else {
                break 'outer;
            };
            let next = x[k].to_f64() - lr.to_f64() * g.to_f64();
            if !next.is_finite() {
                break 'outer;
            }
            x[k] = PyNum::Float(next);
        }
        points.push(x.clone());
    }
    Run::from_points(p, lr, &points)
}

fn rounded(p: &Problem, start: &[PyNum], lr: PyNum, steps: usize, d: usize) -> Run {
    let mut x = start.to_vec();
    let mut points = vec![x.clone()];
    for _ in 0..steps {
        let Ok(s) = Stepper::new(p, &x, lr) else {
            break;
        };
        let mut next = Vec::with_capacity(x.len());
        for (xi, gi) in x.iter().zip(&s.gradient) {
            let v = xi.to_f64() - lr.to_f64() * gi.to_f64();
            if !v.is_finite() {
                return Run::from_points(p, lr, &points);
            }
            next.push(PyNum::Float(format!("{v:.d$}").parse().unwrap_or(v)));
        }
        x = next;
        points.push(x.clone());
    }
    Run::from_points(p, lr, &points)
}
