//! The exercises in use: every one loaded and sound, or only the one asked for, and an
//! exercise found by its id (or the closest ids suggested).

use crate::exercise::load::{BUNDLED, Loaded, Origin, Source, load_all, parse_exercise};
use gbl_core::t;

/// Why the exercises in use cannot be used.
#[derive(Debug)]
pub(crate) enum CatalogError {
    /// A folder given with `--exercises` (or in `GBL_EXERCISES`) is not there.
    NoFolder(String),
    /// Exercises that do not parse, or ids defined twice: one problem a line.
    Invalid(String),
    /// No exercise has this id.
    Unknown {
        /// The id asked for.
        id: String,
        /// The closest ids (`a, b`), if any.
        near: Option<String>,
    },
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::NoFolder(folder) => f.write_str(&t!("cli-no-folder", folder = folder)),
            CatalogError::Invalid(problems) => {
                write!(f, "{problems}\n({})", t!("cli-invalid-exercises"))
            }
            CatalogError::Unknown {
                id,
                near: Some(near),
            } => f.write_str(&t!("cli-no-exercise", id = id, near = near)),
            CatalogError::Unknown { id, near: None } => {
                f.write_str(&t!("cli-no-exercise-see-list", id = id))
            }
        }
    }
}

impl std::error::Error for CatalogError {}

/// The ids closest to `id`, as `a, b`, if any (the core's `did you mean a, b?`, read in
/// English to take the ids out of it, so that the sentence around them is the catalogue's).
pub(crate) fn near_ids<'a>(id: &str, ids: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let asked = gbl_core::i18n::with(gbl_core::i18n::Lang::En, || did_you_mean(id, ids))?;
    Some(
        asked
            .strip_prefix("did you mean ")
            .and_then(|s| s.strip_suffix('?'))
            .unwrap_or(&asked)
            .to_string(),
    )
}

/// Every exercise; any that does not parse, or whose id is defined twice, is an error
/// naming its file, line and column.
pub(crate) fn load(origin: &Origin) -> Result<Vec<Loaded>, CatalogError> {
    for d in &origin.dirs {
        if !d.is_dir() {
            return Err(CatalogError::NoFolder(d.display().to_string()));
        }
    }
    let (ok, bad) = load_all(origin);
    if !bad.is_empty() {
        let lines: Vec<String> = bad.iter().map(|d| d.to_string()).collect();
        return Err(CatalogError::Invalid(lines.join("\n")));
    }
    Ok(ok)
}

/// Only the exercise `id` when only the bundled exercises are in use (parsing one is
/// faster than parsing all); with folders every exercise is loaded, so that an id
/// defined twice is caught, and so is an unknown id (with the closest ids suggested).
pub(crate) fn load_one(origin: &Origin, id: &str) -> Result<Vec<Loaded>, CatalogError> {
    if !origin.bundled || !origin.dirs.is_empty() {
        return load(origin);
    }
    let one = BUNDLED
        .iter()
        .find(|(file, _)| file.strip_suffix(".yaml") == Some(id))
        .map(|(file, text)| {
            parse_exercise(
                id,
                Source {
                    name: format!("exercises/{file}"),
                    text: text.to_string(),
                },
            )
        });
    match one {
        Some(Ok(l)) => Ok(vec![Loaded { bundled: true, ..l }]),
        Some(Err(d)) => Err(CatalogError::Invalid(d.to_string())),
        None => load(origin),
    }
}

/// The exercise with this id, or an error that suggests the closest ids.
pub(crate) fn find<'a>(exercises: &'a [Loaded], id: &str) -> Result<&'a Loaded, CatalogError> {
    if let Some(l) = exercises.iter().find(|l| l.id == id) {
        return Ok(l);
    }
    let near = near_ids(id, exercises.iter().map(|l| l.id.as_str()));
    Err(CatalogError::Unknown {
        id: id.to_string(),
        near,
    })
}

pub(crate) use gbl_core::exercise::suggest::did_you_mean;
