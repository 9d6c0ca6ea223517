//! A hand-written gradient must be f's own derivative.
//!
//! The lecture's programs write `df_dx` by hand, and so may an exercise (`grad:`). gbl's
//! promise is that every expected value comes from the engine, so a hand-written derivative is
//! proved equal to the engine's ([`crate::engine::equiv`]: symbolically, or at points drawn
//! from the expressions) before any run uses it. A mismatch is refused with both expressions
//! and a point where they differ. An exercise that means a different update says so with
//! `different_update:` (its reason is shown by the worked solution). The proof itself is run
//! with the descent run (`compute::descent`); this module words the refusal.

use crate::engine::Expr;
use crate::pyfmt::present;

/// The sentence for a derivative that is not f's.
pub fn mismatch(
    v: &str,
    given: &Expr,
    derivative: &Expr,
    why: Option<crate::engine::equiv::Difference>,
) -> String {
    let at = match why {
        Some(d) => format!(
            ": at {} it gives {}, the derivative {}",
            d.point,
            shown(d.given),
            shown(d.expected)
        ),
        None => " (they could not be compared at any point where both are defined)".into(),
    };
    format!(
        "the given derivative by {v}, {given}, is not f's derivative {derivative}{at}; fix it, or say why the update differs with 'different_update:'"
    )
}

/// A value in the sentence; an undefined one (NaN) is said so.
fn shown(v: f64) -> String {
    if v.is_nan() {
        "no value".into()
    } else {
        present(v)
    }
}
