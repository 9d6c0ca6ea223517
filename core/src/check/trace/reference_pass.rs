//! The first two passes over a trace's paired lines (the third, credit carried forward, is
//! `carry.rs`):
//! 1. each pair against the reference ([`against_reference`]);
//! 2. from the first departing lines, the wrong rule, if one explains them ([`name_rule`]).

use super::diagnose::{self, Found, WindowLine};
use super::extract::Extracted;
use super::judge::{Judge, Pair, Paired};
use super::layout::{Kind, Layout, Part};
use crate::engine::PyNum;

/// How many lines from the first departure the diagnosis looks at.
const WINDOW: usize = 40;

/// The student's printed value of each variable, with half a unit of its last printed digit
/// (`None` where not printed).
pub(super) type PrintedPoint = Vec<Option<(PyNum, f64)>>;

/// Lines that agree with the reference but print other labels than the template's.
#[derive(Default)]
pub(super) struct Labels {
    /// Lines with other labels.
    pub other: usize,
    /// Lines that number the iterations differently.
    pub index: usize,
    /// The first such line: (expected line, printed line), 0-based.
    pub first: Option<(usize, usize)>,
    /// Lines (right or not) that print more values than the template.
    pub extras: usize,
    /// The first of them: printed line, 0-based.
    pub first_extras: Option<usize>,
}

/// Each pair's verdict against the reference.
pub(super) struct ReferenceVerdicts {
    /// Per pair: a printed line that agrees with its expected line (false for a missing or an
    /// extra line).
    pub ok: Vec<bool>,
    /// The agreeing lines whose labels differ.
    pub labels: Labels,
}

/// Pass 1: each printed line against the reference of the expected line it is paired with;
/// a missing or an extra line does not agree.
pub(super) fn against_reference(judge: &Judge, pairs: &[Pair]) -> ReferenceVerdicts {
    let mut buf = String::new();
    let mut ok = Vec::with_capacity(pairs.len());
    let mut labels = Labels::default();
    for p in pairs {
        match p.get() {
            Paired::Both(k, j) => {
                let r = judge.against_reference(k, j, &mut buf);
                if r.extras {
                    labels.extras += 1;
                    labels.first_extras.get_or_insert(j);
                }
                if r.ok && r.labels_differ {
                    labels.other += 1;
                    labels.first.get_or_insert((k, j));
                }
                if r.ok && r.index_differs {
                    labels.index += 1;
                    labels.first.get_or_insert((k, j));
                }
                ok.push(r.ok);
            }
            _ => ok.push(false),
        }
    }
    ReferenceVerdicts { ok, labels }
}

/// The values of the variable fields a printed line gives, with their half units: an integer
/// where the reference is one and the student printed one, else the number (unscaled for a
/// `%` field); the half unit is 0 for a field printed whole (`{x}`).
pub(super) fn printed_point(
    layout: &Layout,
    k: usize,
    ex: &Extracted,
    out: &mut [Option<(PyNum, f64)>],
) {
    let slot = layout.slot(k);
    let tpl = layout.tpl(slot);
    for (f, got) in tpl.fields.iter().zip(&ex.values) {
        if let (Kind::Var(v), Some(n)) = (f.kind, got)
            && n.value.is_finite()
            && let Some(slot_out) = out.get_mut(v)
        {
            let reference_int = layout.value(slot, f).is_some_and(PyNum::is_int);
            let value = if reference_int && n.is_integer_literal() && n.value.abs() < 1e15 {
                PyNum::Int(n.value as i64)
            } else {
                PyNum::Float(n.value / f.scale)
            };
            // The student's value lies within half a unit of the digits printed, and of the
            // template's digits when fewer are printed (`round(x, 4)` printing 1.92).
            let h = if f.exact {
                0.0
            } else {
                let asked = super::precision::template_half_unit(f.digits, n.value);
                n.half_unit().min(asked) / f.scale
            };
            *slot_out = Some((value, h));
        }
    }
}

/// The student's start `x0`: the point their header lines print, each variable they do not
/// print taken from the exercise.
fn student_start(judge: &Judge, pairs: &[Pair]) -> Vec<PyNum> {
    let layout = judge.layout;
    let mut buf = String::new();
    let mut printed: PrintedPoint = vec![None; layout.d.run.vars.len()];
    for p in pairs {
        if let Paired::Both(k, j) = p.get()
            && layout.slot(k).part == Part::Header
        {
            layout.render(k, &mut buf);
            if let Ok(ex) = judge.extract(k, j, &buf) {
                printed_point(layout, k, &ex, &mut printed);
            }
        }
    }
    printed
        .iter()
        .zip(&layout.d.x0)
        .map(|(p, x0)| p.map_or(*x0, |(v, _)| v))
        .collect()
}

/// Pass 2: the wrong rule that explains the printed lines, read from the first departing line
/// on (at most [`WINDOW`] readable lines), from the student's own start; `None` when every line
/// agrees or no rule explains them.
pub(super) fn name_rule(judge: &Judge, pairs: &[Pair], ok: &[bool]) -> Option<Found> {
    let first_bad = ok.iter().position(|o| !o)?;
    let layout = judge.layout;
    let start = student_start(judge, pairs);
    let mut buf = String::new();
    let mut window = Vec::new();
    for (idx, p) in pairs.iter().enumerate().skip(first_bad) {
        if window.len() >= WINDOW {
            break;
        }
        if let Paired::Both(k, j) = p.get() {
            layout.render(k, &mut buf);
            if let Ok(ex) = judge.extract(k, j, &buf) {
                window.push(WindowLine {
                    k,
                    ex,
                    ref_ok: ok[idx],
                });
            }
        }
    }
    if let Some(value) = diagnose::constant_lines(layout, &window) {
        return Some(Found {
            code: "constant-lines",
            message: crate::t!("trace-constant-lines", values = value),
        });
    }
    diagnose::rule(layout, &window, &start, judge.rules.tol)
}
