//! A trace printed before the update (`print` first, then `x = x - lr*g`): line i shows the
//! point after i − 1 updates. Once that rule is proven (see [`super::diagnose`]), each printed
//! step line is judged against the expected line whose values it shows: the step-1 line
//! shows the start again (an extra line), step i's line is paired with step i − 1's, and the
//! last update's lines were never printed (missing). The values that are right earn their
//! credit; the iteration numbers are labels (wrong only with `strict_labels`).

use super::judge::{Pair, Paired};
use super::layout::{Layout, Part};

/// The pairs re-made for a trace printed before each update.
pub(crate) fn shifted(layout: &Layout, pairs: &[Pair]) -> Vec<Pair> {
    let s = layout.step_lines().max(1);
    let mut out = Vec::with_capacity(pairs.len() + s);
    let mut last_step_missing_done = false;
    let mut missing_last = |out: &mut Vec<Pair>| {
        if !last_step_missing_done {
            last_step_missing_done = true;
            let h = (0..layout.len())
                .find(|&k| layout.slot(k).part != Part::Header)
                .unwrap_or(0);
            let end = h + layout.updates() * s;
            out.extend(
                (end.saturating_sub(s)..end.min(layout.len()))
                    .map(|k| Pair::from(Paired::Missing(k))),
            );
        }
    };
    for &p in pairs {
        match p.get() {
            Paired::Both(k, j) if layout.slot(k).part == Part::Step => {
                if layout.slot(k).i == 1 {
                    out.push(Paired::Extra(j).into());
                } else {
                    out.push(Paired::Both(k - s, j).into());
                }
            }
            Paired::Missing(k) if layout.slot(k).part == Part::Step => {
                if layout.slot(k).i > 1 {
                    out.push(Paired::Missing(k - s).into());
                }
            }
            Paired::Both(k, _) | Paired::Missing(k) if layout.slot(k).part == Part::Footer => {
                missing_last(&mut out);
                out.push(p);
            }
            _ => out.push(p),
        }
    }
    missing_last(&mut out);
    out
}
