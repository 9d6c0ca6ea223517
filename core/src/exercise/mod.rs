//! The exercise model and what the engine computes from it: the YAML schema's types, the
//! computed results, references into them, answers, bounds, conditions, prompts, variants.
//! Reading exercises from files, locating YAML positions and validation stay in `gbl`.

pub mod ambiguity;
pub mod answer;
pub mod bounds;
pub mod compute;
pub mod condition;
pub mod gradcheck;
pub mod model;
pub mod prompt;
pub mod reference;
pub mod variant;

pub use model::{Exercise, Question};
