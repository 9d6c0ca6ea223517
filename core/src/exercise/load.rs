//! Parsing exercises from text: an exercise's [`Source`] (name and text) becomes a
//! [`Loaded`] exercise, or every structural problem as a [`Diagnostic`] with its line and
//! column. Reading files and the bundled exercises is the `gbl` crate's `exercise::load`,
//! which re-exports this; validation checks what was parsed.

pub use super::diagnostic::{Diagnostic, Locator, MAX_DIAGNOSTICS, Source, clip, yaml_error};
use super::model::Exercise;
use super::pos::Pos;

/// An exercise as read, with its id and source.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The id: the file name without `.yaml`.
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// The parsed exercise.
    pub exercise: Exercise,
    /// Whether it is one of the exercises built into gbl (whose chapters are the book's).
    pub bundled: bool,
}

/// Parses one exercise from its text; its first problem only (see [`parse_exercise_all`]).
pub fn parse_exercise(id: &str, source: Source) -> Result<Loaded, Diagnostic> {
    parse_exercise_all(id, source).map_err(|mut ds| ds.swap_remove(0))
}

/// Parses one exercise from its text; when it cannot be read, every structural problem
/// found (the first one first, then those of [`super::rest`]), never an empty list. serde's
/// first problem is left out when it lies in what a YAML syntax error left unfinished (the
/// syntax error is reported instead).
pub fn parse_exercise_all(id: &str, source: Source) -> Result<Loaded, Vec<Diagnostic>> {
    parse_one(id, &source).map_err(|first| {
        let (keep, more) = super::rest::more_problems(&source, &first);
        // A file that cannot be read always has a problem to show: the first, when nothing
        // else was found.
        let first = (keep || more.is_empty()).then_some(first);
        let all: Vec<Diagnostic> = first.into_iter().chain(more).collect();
        clip(all)
    })
}

fn parse_one(id: &str, source: &Source) -> Result<Loaded, Diagnostic> {
    let source = source.clone();
    if source.text.trim().is_empty() {
        return Err(Diagnostic {
            file: source.name.clone(),
            pos: None,
            message: "the file is empty".into(),
        });
    }
    let mut exercise: Exercise =
        super::yaml::from_str(&source.name, &source.text).map_err(|d| placed(d, &source))?;
    // The texts a student reads, in the language of the messages (`ko:` where it has them).
    exercise.localize(crate::i18n::current());
    Ok(Loaded {
        id: id.to_string(),
        source,
        exercise,
        bundled: false,
    })
}

/// A parse error said better: a field given twice at its second key (serde names no place),
/// and a missing `format` with what to add.
fn placed(d: Diagnostic, source: &Source) -> Diagnostic {
    if let Some(key) = field_in(&d.message, "duplicate field `")
        && let Some(dup) = super::dupkeys::duplicates(&source.text)
            .into_iter()
            .find(|x| x.key == key)
    {
        return Diagnostic {
            pos: Some(dup.pos),
            message: dup.message(),
            ..d
        };
    }
    if field_in(&d.message, "missing field `").as_deref() == Some("format") {
        return Diagnostic {
            pos: Some(Pos { line: 1, col: 1 }),
            message: "missing field `format`: add `format: 1` as the file's first line (the \
                      version of the exercise format)"
                .into(),
            ..d
        };
    }
    d
}

/// The name in a serde message such as "duplicate field `title`".
fn field_in(msg: &str, lead: &str) -> Option<String> {
    let rest = &msg[msg.find(lead)? + lead.len()..];
    Some(rest[..rest.find('`')?].to_string())
}
