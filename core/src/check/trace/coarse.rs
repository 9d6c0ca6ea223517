//! A trace printed with fewer digits than its task asks, everywhere.

use super::judge::{Judge, Pair, Paired};
use super::layout::Kind;
use super::precision::{Digits, NumVerdict, against_value};

/// When no printed number of a trace shows the digits its template asks for (every line
/// printed with `{x:.1f}` where the task asks `{x:.4f}`) and one of them is wrong for it: what
/// the task asks, for the first such field. Such a trace earns no credit carried forward: its
/// lines cannot show that they follow from the student's own values.
pub(crate) fn coarse_trace(judge: &Judge, pairs: &[Pair]) -> Option<Digits> {
    let layout = judge.layout;
    let mut buf = String::new();
    let mut asked = None;
    let mut coarse = false;
    for p in pairs {
        let Paired::Both(k, j) = p.get() else {
            continue;
        };
        let slot = layout.slot(k);
        layout.render(k, &mut buf);
        let Ok(ex) = judge.extract(k, j, &buf) else {
            continue;
        };
        for (f, got) in layout.tpl(slot).fields.iter().zip(&ex.values) {
            if matches!(f.kind, Kind::Index | Kind::Lr) || f.digits == Digits::Full {
                continue;
            }
            let (Some(n), Some(v)) = (got, layout.value(slot, f)) else {
                continue;
            };
            let value = v.to_f64() * f.scale;
            match f.digits.last_exp(value) {
                Some(t) if n.printed.exp <= t => return None,
                _ => {
                    if against_value(n, value, f.digits, judge.rules.tol) == NumVerdict::Coarse {
                        coarse = true;
                    }
                    asked.get_or_insert(f.digits);
                }
            }
        }
    }
    asked.filter(|_| coarse)
}
