//! The window: the printed lines from the first departure on, read against their templates,
//! and whether a run of the engine reproduces them at the digits printed.

use super::extract::Extracted;
use super::judge::{Expect, number_ok};
use super::layout::{FieldInfo, Kind, Layout};
use crate::engine::PyNum;
use crate::engine::descent::Run;
use crate::exercise::model::Tolerance;
use crate::reference_output::render::StepFields;

/// A printed line in the window, read against its template.
pub(crate) struct WindowLine {
    /// The expected line it is paired with.
    pub k: usize,
    /// Its numbers.
    pub ex: Extracted,
    /// Whether it agrees with the reference.
    pub ref_ok: bool,
}

/// Whether `run` reproduces every window line, two of them departing from the reference.
pub(super) fn explains(
    l: &Layout,
    run: &Run,
    window: &[WindowLine],
    tol: Option<Tolerance>,
) -> bool {
    let fields = StepFields::new(run);
    explains_by(l, run.len(), window, tol, &|i, f| fields.lookup(i, &f.name))
}

/// Whether `run` reproduces every window line at the digits printed (departing or not).
pub(super) fn reproduces(
    l: &Layout,
    run: &Run,
    window: &[WindowLine],
    tol: Option<Tolerance>,
) -> bool {
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

/// Whether the values `lookup(i, field)` (for steps `i < len`) reproduce every window line,
/// two of them departing from the reference.
pub(super) fn explains_by(
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
