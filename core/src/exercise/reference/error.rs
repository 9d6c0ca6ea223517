//! Why a reference cannot be read or resolved.

/// Why a reference cannot be read or resolved. Its message names the reference as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// No run name at the start.
    #[error("'{0}' is not a reference (expected RUN.FIELD, e.g. main.x[1])")]
    NotAReference(String),
    /// A '.' with no name after it.
    #[error("'{0}': expected a name after '.'")]
    NameAfterDot(String),
    /// A '[' with no ']'.
    #[error("'{0}': '[' without ']'")]
    Unclosed(String),
    /// What stands in brackets is not a whole number.
    #[error("'{src}': '{text}' is not a step number")]
    NotAStep {
        /// The reference.
        src: String,
        /// What stands in the brackets.
        text: String,
    },
    /// A character that cannot follow.
    #[error("'{src}': unexpected '{ch}'")]
    Unexpected {
        /// The reference.
        src: String,
        /// The character.
        ch: char,
    },
    /// A run's name alone.
    #[error("'{src}' names a run but no value in it (e.g. {run}.x[1])")]
    RunOnly {
        /// The reference.
        src: String,
        /// The run.
        run: String,
    },
    /// The run is not computed.
    #[error("'{reference}': there is no run named '{run}'")]
    NoRun {
        /// The reference.
        reference: String,
        /// The run it names.
        run: String,
    },
    /// The run is not in the exercise (said before anything is computed, with the runs there are).
    #[error("'{reference}': there is no run named '{run}' (runs: {runs})")]
    UnknownRun {
        /// The reference.
        reference: String,
        /// The run it names.
        run: String,
        /// The exercise's runs, listed.
        runs: String,
    },
    /// The run has no such value.
    #[error("'{reference}' does not name a value of run '{run}'")]
    NotAValue {
        /// The reference.
        reference: String,
        /// The run.
        run: String,
    },
    /// The run's kind has no such field (said before anything is computed).
    #[error("'{reference}': run '{run}' has no value '{field}' (it has: {known})")]
    UnknownField {
        /// The reference.
        reference: String,
        /// The run.
        run: String,
        /// The field asked for.
        field: String,
        /// The fields such a run has, listed.
        known: String,
    },
    /// A value of one variable of several, with no variable named.
    #[error("'{reference}': name the variable ({vars})")]
    NameTheVariable {
        /// The reference.
        reference: String,
        /// The run's variables, listed.
        vars: String,
    },
    /// A value of a step, with no step given.
    #[error("'{0}': give the step, e.g. [1]")]
    GiveTheStep(String),
    /// A step the run does not have.
    #[error("'{reference}': the run has steps 0 to {last}")]
    NoSuchStep {
        /// The reference.
        reference: String,
        /// The run's last step.
        last: i64,
    },
    /// A value the run does not define (no factor, no minimum, …): the sentence after the
    /// reference says which.
    #[error("'{reference}': {why}")]
    Undefined {
        /// The reference.
        reference: String,
        /// What is not defined, e.g. "the run does not diverge".
        why: &'static str,
    },
}

impl From<ReferenceError> for String {
    fn from(e: ReferenceError) -> String {
        e.to_string()
    }
}
