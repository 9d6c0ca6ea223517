//! Exercises: the YAML model, loading, computing, references, variants and validation.

// The model and its computations live in the core crate, under their old paths here.
pub use gbl_core::exercise::{
    ambiguity, answer, bounds, compute, condition, gradcheck, model, prompt, reference, variant,
};

pub mod drift;
pub mod dupkeys;
pub mod lint;
pub mod load;
pub mod locate;
pub mod rest;
pub mod sources;
pub mod validate;
pub mod yaml;

pub use model::{Exercise, Question};
