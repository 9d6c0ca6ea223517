//! gbl: an exercise checker for gradient descent and backpropagation.
//!
//! The library holds everything; the `gbl` binary only parses arguments and maps the outcome
//! to an exit code.

pub mod bindings;
pub mod book;
pub mod check;
pub mod cli;
pub mod clip;
pub mod cmd;
pub mod engine;
pub mod exercise;
pub mod figures;
pub mod fsutil;
pub mod grade;
pub mod playground;
pub mod plot;
pub mod pyfmt;
pub mod solve;
pub mod style;
pub mod trace;
