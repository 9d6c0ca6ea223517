//! gbl: an exercise checker for gradient descent and backpropagation.
//!
//! The library holds everything; the `gbl` binary only parses arguments and maps the outcome
//! to an exit code.

// The core crate's modules, under their old paths: `gbl::engine`, `crate::pyfmt`, ...
pub use gbl_core::{bindings, clip, engine, pyfmt, solve, trace};

pub mod book;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod exercise;
pub mod fsutil;
pub mod grade;
pub mod playground;
pub mod plot;
pub mod style;
