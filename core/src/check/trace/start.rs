//! Whose start a run began from. Credit is carried forward only from the student's own
//! start: a trace whose header prints another start (a classmate's variant, or invented
//! numbers) and whose first update departs from the reference was computed from that other
//! start, so no line of it earns credit carried forward, and the feedback names the start
//! it used. A run whose very first update departs (no line after an update agrees with the
//! reference before it) and whose later lines follow from that value is not anchored at the
//! student's start either (the gradient printed for x, a classmate's run without its header):
//! it earns no carried-forward credit. Without a header, the start is worked back from the first update's printed
//! point `x1` (the `p` with `p − lr·∇f(p) = x1`): when that is a short number (at most three
//! significant digits, within what the printed digits allow) other than the exercise's
//! start, the run began there.

use super::judge::{Judge, Pair, Paired};
use super::layout::{Layout, Part};
use super::precision::NOISE;
use super::reference_pass::printed_point;
use crate::engine::PyNum;
use crate::engine::descent::{Run, Stepper};

use super::judge::{Expect, number_ok};
use super::layout::Kind;

/// How many updates a worked-back start must reproduce.
const CHECKED_STEPS: usize = 5;

/// The start the student's header prints, when it is not the exercise's and the first
/// update's lines depart from the reference: the sentence that says so.
pub(crate) fn other_start(judge: &Judge, pairs: &[Pair], ok: &[bool]) -> Option<String> {
    let layout = judge.layout;
    let vars = &layout.d.run.vars;
    let mut printed = vec![None; vars.len()];
    let mut line = None;
    let mut buf = String::new();
    let mut first_step_departs = false;
    for (idx, p) in pairs.iter().enumerate() {
        let Paired::Both(k, j) = p.get() else {
            continue;
        };
        let slot = layout.slot(k);
        match slot.part {
            Part::Header => {
                layout.render(k, &mut buf);
                if let Ok(ex) = judge.extract(k, j, &buf) {
                    let before = printed.iter().filter(|v| v.is_some()).count();
                    printed_point(layout, k, &ex, &mut printed);
                    if printed.iter().filter(|v| v.is_some()).count() > before {
                        line.get_or_insert(j);
                    }
                }
            }
            Part::Step if slot.i == 1 => first_step_departs |= !ok[idx],
            _ => {}
        }
    }
    if !first_step_departs {
        return None;
    }
    if printed.iter().all(Option::is_none) {
        return worked_back(judge, pairs);
    }
    let differs =
        printed
            .iter()
            .zip(&layout.d.x0)
            .any(|(p, x0): (&Option<(PyNum, f64)>, &PyNum)| {
                p.is_some_and(|(v, h)| {
                    let (v, x0) = (v.to_f64(), x0.to_f64());
                    (v - x0).abs() > h + NOISE * x0.abs().max(1e-300)
                })
            });
    if !differs {
        return None;
    }
    let show = |point: &mut dyn Iterator<Item = PyNum>| -> String {
        vars.iter()
            .zip(point)
            .map(|(name, v)| format!("{name} = {}", crate::pyfmt::repr_value(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let theirs = show(
        &mut printed
            .iter()
            .zip(&layout.d.x0)
            .map(|(p, x0)| p.map_or(*x0, |(v, _)| v)),
    );
    let ours = show(&mut layout.d.x0.iter().copied());
    Some(crate::t!(
        "trace-other-start",
        theirs = theirs,
        line = judge.line_no(line.unwrap_or(0)),
        ours = ours
    ))
}

/// The start worked back from the first update's printed point, when it is a short number
/// other than the exercise's start.
fn worked_back(judge: &Judge, pairs: &[Pair]) -> Option<String> {
    let layout = judge.layout;
    let (x1, line) = first_update(judge, pairs)?;
    let p = before_step(layout, &x1)?;
    let start = short_start(&p, &x1)?;
    if !reproduces(judge, pairs, &start) {
        return None;
    }
    let differs = start
        .iter()
        .zip(&p)
        .zip(&layout.d.x0)
        .zip(&x1)
        .any(|(((s, v), x0), (_, h))| {
            let x0 = x0.to_f64();
            (s - x0).abs() > 10.0 * h + NOISE * v.abs().max(x0.abs())
        });
    if !differs {
        return None;
    }
    let vars = &layout.d.run.vars;
    let show = |pt: &mut dyn Iterator<Item = String>| -> String {
        vars.iter()
            .zip(pt)
            .map(|(name, v)| format!("{name} = {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let theirs = show(
        &mut start
            .iter()
            .map(|&v| crate::pyfmt::repr_value(PyNum::whole_or_float(v))),
    );
    let ours = show(&mut layout.d.x0.iter().map(|&v| crate::pyfmt::repr_value(v)));
    Some(crate::t!(
        "trace-worked-back-start",
        theirs = theirs,
        line = judge.line_no(line.unwrap_or(0)),
        ours = ours
    ))
}

/// Each coordinate of a point as printed, with half a unit of its last digit.
type ValuesPrinted = Vec<(f64, f64)>;

/// The point printed after the first update, each coordinate with half a unit of its last
/// digit, and the first printed line it was read from.
fn first_update(judge: &Judge, pairs: &[Pair]) -> Option<(ValuesPrinted, Option<usize>)> {
    let layout = judge.layout;
    let mut buf = String::new();
    let mut point = vec![None; layout.d.run.vars.len()];
    let mut line = None;
    for p in pairs {
        let Paired::Both(k, j) = p.get() else {
            continue;
        };
        if layout.slot(k).part != Part::Step || layout.slot(k).i != 1 {
            continue;
        }
        layout.render(k, &mut buf);
        if let Ok(ex) = judge.extract(k, j, &buf) {
            printed_point(layout, k, &ex, &mut point);
            line.get_or_insert(j);
        }
    }
    let x1: Vec<(f64, f64)> = point
        .iter()
        .map(|p| p.map(|(v, h): (PyNum, f64)| (v.to_f64(), h)))
        .collect::<Option<Vec<_>>>()?;
    Some((x1, line))
}

/// The point p one update before `x1`: p = x1 + lr·∇f(p), by fixed-point iteration (a
/// contraction where descent is stable); `None` unless it settles.
fn before_step(layout: &Layout, x1: &[(f64, f64)]) -> Option<Vec<f64>> {
    let lr = layout.d.run.lr;
    let mut p: Vec<f64> = x1.iter().map(|v| v.0).collect();
    for _ in 0..200 {
        let at: Vec<PyNum> = p.iter().map(|&v| PyNum::Float(v)).collect();
        let s = Stepper::new(&layout.d.problem, &at, lr).ok()?;
        let next: Vec<f64> = x1
            .iter()
            .zip(&s.gradient)
            .map(|(x, g)| x.0 + lr.to_f64() * g.to_f64())
            .collect();
        let moved = next
            .iter()
            .zip(&p)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        p = next;
        if !p.iter().all(|v| v.is_finite()) {
            return None;
        }
        if moved <= 1e-13 * p.iter().map(|v| v.abs()).fold(1.0, f64::max) {
            return Some(p);
        }
    }
    None
}

/// Each coordinate of `p` as a short number (1 to 3 significant digits) within ten half
/// units of the digits printed for it in `x1`.
fn short_start(p: &[f64], x1: &[(f64, f64)]) -> Option<Vec<f64>> {
    let mut start = Vec::with_capacity(p.len());
    for (&v, &(_, h)) in p.iter().zip(x1) {
        let slack = 10.0 * h + NOISE * v.abs();
        let short = (1..=3)
            .map(|s| {
                format!("{:.*e}", s - 1, v)
                    .parse::<f64>()
                    .unwrap_or(f64::NAN)
            })
            .find(|r| (r - v).abs() <= slack)?;
        start.push(short);
    }
    Some(start)
}

/// Whether the run from `start` reproduces, at the digits printed, every variable of the
/// first [`CHECKED_STEPS`] updates' printed lines (at least two lines).
fn reproduces(judge: &Judge, pairs: &[Pair], start: &[f64]) -> bool {
    let layout = judge.layout;
    let x0: Vec<PyNum> = start.iter().map(|&v| PyNum::Float(v)).collect();
    let steps = layout.updates().min(CHECKED_STEPS);
    let run = Run::new(&layout.d.problem, &x0, layout.d.run.lr, steps);
    let mut buf = String::new();
    let mut checked = 0;
    for p in pairs {
        let Paired::Both(k, j) = p.get() else {
            continue;
        };
        let slot = layout.slot(k);
        if slot.part != Part::Step || slot.i > steps {
            continue;
        }
        if slot.i >= run.len() {
            return false;
        }
        layout.render(k, &mut buf);
        let Ok(ex) = judge.extract(k, j, &buf) else {
            return false;
        };
        for (f, got) in layout.tpl(slot).fields.iter().zip(&ex.values) {
            let Kind::Var(v) = f.kind else { continue };
            let Some(&want) = run.point(slot.i).get(v) else {
                return false;
            };
            let e = Expect {
                value: want.to_f64() * f.scale,
                spread: 0.0,
            };
            if !got
                .as_ref()
                .is_some_and(|n| number_ok(n, e, judge.rules.tol))
            {
                return false;
            }
            checked += 1;
        }
    }
    checked >= 2
}

/// When the first departing line is the first update's and later lines would follow from it:
/// the sentence that says so (before any line is judged as following).
pub(crate) fn unanchored(
    judge: &Judge,
    pairs: &[Pair],
    ok: &[bool],
    lines: &[super::LineReport],
) -> Option<String> {
    let layout = judge.layout;
    if !lines.iter().any(|l| l.status == super::LineStatus::Follows) {
        return None;
    }
    // The first step line, paired, and whether anything after an update agreed before it.
    for (idx, p) in pairs.iter().enumerate() {
        let Paired::Both(k, j) = p.get() else {
            continue;
        };
        let slot = layout.slot(k);
        if slot.part != Part::Step {
            continue;
        }
        if ok[idx] || slot.i != 1 {
            return None;
        }
        let x0 = layout
            .d
            .x0
            .iter()
            .zip(vars_of(layout))
            .map(|(v, name)| format!("{name} = {}", crate::pyfmt::repr_value(*v)))
            .collect::<Vec<_>>()
            .join(", ");
        // Say that the lines follow from that value only when lines with the point do: a
        // value line (y = f at the printed point) follows from any printed point.
        let point_follows = lines.iter().any(|l| {
            l.status == super::LineStatus::Follows
                && l.line.is_some_and(|n| {
                    n >= 1
                        && n <= layout.len()
                        && layout
                            .tpl(layout.slot(n - 1))
                            .fields
                            .iter()
                            .any(|f| matches!(f.kind, Kind::Var(_)))
                })
        });
        return Some(if point_follows {
            crate::t!(
                "trace-first-update-departs-follows",
                line = judge.line_no(j),
                start = x0
            )
        } else {
            crate::t!(
                "trace-first-update-departs",
                line = judge.line_no(j),
                start = x0
            )
        });
    }
    None
}

fn vars_of<'a>(layout: &'a super::layout::Layout) -> impl Iterator<Item = &'a String> {
    layout.d.run.vars.iter()
}
