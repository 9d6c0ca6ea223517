//! Loading exercises: one pass that reads and parses each file; [`super::validate`] checks
//! what was read. Parsing from text is the core's (`gbl_core::exercise::load`, re-exported
//! here); this module adds the files: one exercise file, the bundled exercises and folders.

pub use gbl_core::exercise::load::{
    Diagnostic, Loaded, Locator, MAX_DIAGNOSTICS, Source, clip, parse_exercise, parse_exercise_all,
    yaml_error,
};

pub use super::file::BUNDLED;
pub(crate) use super::file::{BUNDLED_FILES, diagnostics_error, read_exercise};
pub use super::sources::{Origin, exercise_files, load_all};
