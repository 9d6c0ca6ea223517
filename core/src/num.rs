//! Numbers as a plain Python program holds them.
//!
//! Python keeps `3` as an int and `3.0` as a float, and prints them differently (`3` and `3.0`).
//! An int stays an int under `+ - *` and integer powers; `/` and every math function give a
//! float. gbl follows the same rules so that a trace it renders matches CPython digit for digit.
//! Ints are kept as `i64`; an int operation that would overflow falls back to a float (Python
//! would switch to a big int: the value is the same to 15 digits, only a bare `{x}` differs).
//!
//! The bottom of the core: the engine computes with these numbers and `pyfmt` prints them
//! (`impl Display for PyNum` lives there, beside Python's `repr`).

/// A Python number: an int or a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyNum {
    /// A Python int (kept while it fits in 64 bits).
    Int(i64),
    /// A Python float (IEEE 754 double).
    Float(f64),
}

impl PyNum {
    /// The value as an `f64` (as Python's `float(v)`).
    pub fn to_f64(self) -> f64 {
        match self {
            PyNum::Int(i) => i as f64,
            PyNum::Float(f) => f,
        }
    }

    /// Whether the value is a Python int.
    pub fn is_int(self) -> bool {
        matches!(self, PyNum::Int(_))
    }

    /// `v` as a person would have typed it in Python: an int when whole (and small enough to
    /// be one exactly), else a float.
    pub(crate) fn whole_or_float(v: f64) -> PyNum {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            PyNum::Int(v as i64)
        } else {
            PyNum::Float(v)
        }
    }
}

impl From<f64> for PyNum {
    fn from(v: f64) -> Self {
        PyNum::Float(v)
    }
}

impl From<i64> for PyNum {
    fn from(v: i64) -> Self {
        PyNum::Int(v)
    }
}

impl serde::Serialize for PyNum {
    /// An int as a JSON integer, a float as a JSON number (finite floats only reach here).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PyNum::Int(i) => s.serialize_i64(*i),
            PyNum::Float(f) => s.serialize_f64(*f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PyNum;

    #[test]
    fn an_int_is_an_int_and_a_whole_float_is_not() {
        // Python: isinstance(3, int) is True, isinstance(3.0, int) is False.
        assert!(PyNum::Int(3).is_int());
        assert!(!PyNum::Float(3.0).is_int());
        assert_eq!(PyNum::Int(-7).to_f64(), -7.0);
    }
}
