//! Exercises: the YAML model, loading, computing, references, variants and validation.

// The model, its parsing from text and its computations live in the core crate, under
// their old paths here. `load` is this crate's: it re-exports the core's parsing and adds
// the files.
pub use gbl_core::exercise::{
    ambiguity, answer, bounds, compute, condition, drift, dupkeys, gradcheck, locate, model,
    prompt, reference, rest, variant, yaml,
};

pub mod lint;
pub mod load;
pub mod sources;
pub mod validate;

pub use model::{Exercise, Question};
