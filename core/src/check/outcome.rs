//! What comparing one answer found, before it becomes a question's report.

use super::diagnose::Matcher;

/// The result of comparing one answer.
pub(crate) enum Outcome {
    /// Right, with a note.
    Right(String),
    /// Wrong: how, and how to look for the mistake behind it.
    Wrong {
        /// Which way it is off (never the expected value).
        feedback: String,
        /// How to compare alternatives with the answer, to name the mistake.
        matcher: Option<Matcher>,
        /// A mistake already named.
        mistake: Option<&'static str>,
    },
    /// Not an answer of this kind.
    Invalid(String),
    /// The exercise itself is broken.
    Broken(String),
}

impl Outcome {
    pub(crate) fn wrong(feedback: String, matcher: Option<Matcher>) -> Outcome {
        Outcome::Wrong {
            feedback,
            matcher,
            mistake: None,
        }
    }
}
