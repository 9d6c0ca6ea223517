//! A printed line paired with an expected one, and how a million pairs are kept small.
//!
//! [`Paired`] is what the judge matches on (line numbers as `usize`); [`Pair`] is how a list
//! of pairs keeps it: two `u32` line numbers, `u32::MAX` for the side that has no line. A
//! printed trace has at most [`crate::check::answers::MAX_TRACE_BYTES`] bytes, so its line
//! numbers fit; an expected line number fits while the run's steps (at most
//! [`crate::engine::budget::MAX_STORED`] values) times the step template's lines stay under
//! `u32::MAX` (over 200 lines per step at the largest run), else it saturates, never wraps.

/// What a printed line is paired with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paired {
    /// Expected line k and printed line j.
    Both(usize, usize),
    /// Expected line k, not printed.
    Missing(usize),
    /// Printed line j, not expected.
    Extra(usize),
}

/// A [`Paired`] as kept in a trace's list of pairs: two line numbers, [`Pair::NONE`] for the
/// side that has no line, in 8 bytes instead of 24 (a million-line trace keeps a million).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    expected: u32,
    printed: u32,
}

impl Pair {
    /// The side without a line.
    const NONE: u32 = u32::MAX;

    /// The pair, to match on.
    pub(super) fn get(self) -> Paired {
        let n = |v: u32| v as usize;
        match (self.expected, self.printed) {
            (Self::NONE, j) => Paired::Extra(n(j)),
            (k, Self::NONE) => Paired::Missing(n(k)),
            (k, j) => Paired::Both(n(k), n(j)),
        }
    }
}

impl From<Paired> for Pair {
    fn from(p: Paired) -> Pair {
        // Saturates rather than wraps (see the module note on when a number would not fit).
        let n = |v: usize| u32::try_from(v).unwrap_or(Self::NONE - 1);
        let (expected, printed) = match p {
            Paired::Both(k, j) => (n(k), n(j)),
            Paired::Missing(k) => (n(k), Self::NONE),
            Paired::Extra(j) => (Self::NONE, n(j)),
        };
        Pair { expected, printed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_keeps_what_it_was_given_in_8_bytes() {
        assert_eq!(std::mem::size_of::<Pair>(), 8);
        for p in [
            Paired::Both(0, 0),
            Paired::Both(999_999, 1_000_003),
            Paired::Missing(0),
            Paired::Missing(1_000_000),
            Paired::Extra(0),
            Paired::Extra(7),
        ] {
            assert_eq!(Pair::from(p).get(), p);
        }
    }
}
