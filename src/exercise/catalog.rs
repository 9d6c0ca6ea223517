//! The exercises in use: every one loaded and sound, or only the one asked for, and an
//! exercise found by its id (or the closest ids suggested).

use crate::exercise::load::{BUNDLED, Loaded, Origin, Source, load_all, parse_exercise};

/// Why the exercises in use cannot be used.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CatalogError {
    /// A folder given with `--exercises` (or in `GBL_EXERCISES`) is not there.
    #[error("the exercise folder {0} does not exist")]
    NoFolder(String),
    /// Exercises that do not parse, or ids defined twice: one problem a line.
    #[error("{0}\n(run 'gbl validate' for every problem)")]
    Invalid(String),
    /// No exercise has this id.
    #[error("there is no exercise '{id}' ({hint})")]
    Unknown {
        /// The id asked for.
        id: String,
        /// The closest ids, or where to look.
        hint: String,
    },
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
    let hint = did_you_mean(id, exercises.iter().map(|l| l.id.as_str()))
        .unwrap_or_else(|| "see 'gbl list'".to_string());
    Err(CatalogError::Unknown {
        id: id.to_string(),
        hint,
    })
}

pub(crate) use gbl_core::exercise::suggest::did_you_mean;
