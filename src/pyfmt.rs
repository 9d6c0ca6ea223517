//! Python string formatting (placeholder, replaced by the full implementation).

/// Python's `repr(v)` of a float.
pub fn repr_float(v: f64) -> String {
    format!("{v:?}")
}
