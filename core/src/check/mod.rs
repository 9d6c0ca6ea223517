//! The parts of checking that need nothing but values: comparing a printed number with the
//! engine's (`number`), whether two expressions are the same function (`equiv`), and the
//! sentences that describe a wrong value without giving it away (`feedback`). Checking a
//! whole answer file or trace is in `gbl`'s `check` module, which re-exports these.

pub mod equiv;
pub mod feedback;
pub mod number;
