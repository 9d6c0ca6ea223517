//! gbl: an exercise checker for gradient descent and backpropagation.
//!
//! The library holds everything; the `gbl` binary only parses arguments and maps the outcome
//! to an exit code.

#![warn(unreachable_pub)]

// The core crate's modules, under their old paths: `gbl::engine`, `crate::pyfmt`, ...
pub(crate) use gbl_core::{bindings, clip, solve};
pub use gbl_core::{engine, pyfmt, reference_output};

mod authoring;
pub mod book;
pub mod check;
pub mod cli;
mod cmd;
pub(crate) mod derivative;
pub mod exercise;
pub(crate) mod fsutil;
pub mod grade;
pub mod playground;
pub mod plot;
mod render;
mod student;
pub(crate) mod style;
