//! The exercise model, its parsing from text and what the engine computes from it: the YAML
//! schema's types (`model`); parsing with every problem located (`load` over `yaml`, which
//! reads under the budget of `scan`; `diagnostic`, `locate`, `pos`, `rest`, `dupkeys`); the
//! computed results, references into them, answers, bounds, conditions, prompts, variants,
//! the reference output of a trace (`expected_trace`). Validation (`validate`, `lint`)
//! reports every problem at once. Reading exercise files stays in `gbl`.

pub mod ambiguity;
pub mod answer;
pub mod bounds;
pub mod compute;
pub mod condition;
pub mod diagnostic;
pub mod drift;
pub mod dupkeys;
pub mod expected_trace;
pub mod gradcheck;
pub mod lint;
pub mod load;
pub mod locate;
pub mod model;
pub mod pos;
pub mod prompt;
pub mod reference;
pub mod rest;
pub mod scan;
pub mod suggest;
pub mod validate;
pub mod variant;
pub mod yaml;

pub use model::{Exercise, Question};
