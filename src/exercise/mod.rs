//! Exercises: the YAML model, loading, computing, references, variants and validation.

pub mod ambiguity;
pub mod answer;
pub mod bounds;
pub mod compute;
pub mod condition;
pub mod drift;
pub mod dupkeys;
pub mod gradcheck;
pub mod lint;
pub mod load;
pub mod locate;
pub mod model;
pub mod prompt;
pub mod reference;
pub mod rest;
pub mod sources;
pub mod validate;
pub mod variant;
pub mod yaml;

pub use model::{Exercise, Question};
