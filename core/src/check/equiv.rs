//! Whether two expressions are the same function: the engine's check (see
//! [`crate::engine::equiv`]), re-exported for the checker.

pub use crate::engine::equiv::{Difference, equivalent, equivalent_keyed};
