//! Exercises: the YAML model, loading, computing, references, variants and validation.

// The model, its parsing from text, its computations and its validation live in the core
// crate, under their old paths here. `load` is this crate's: it re-exports the core's parsing
// and adds the files (`file`: one exercise file and the bundle; `sources`: folders).
pub use gbl_core::exercise::{
    ambiguity, answer, bounds, compute, condition, drift, dupkeys, expected_trace, gradcheck, lint,
    locate, model, prompt, reference, rest, validate, variant, yaml,
};

pub(crate) mod catalog;
mod file;
pub mod load;
pub mod sources;

pub use model::{Exercise, Question};
