//! One module per subcommand.

pub mod backprop;
pub mod check;
pub mod completions;
pub mod derive;
pub mod descend;
pub mod grade;
pub mod gradescope;
pub mod hint;
pub mod init;
pub mod list;
pub mod mdbook;
pub mod output_schema;
pub mod report;
pub mod schema;
pub mod show;
pub mod solve;
pub mod state;
pub mod student;
pub mod validate;
pub mod watch;

pub use crate::playground::parse_arg;

/// Prints a JSON document followed by a new line.
pub fn print_json(out: &mut dyn std::io::Write, value: &serde_json::Value) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

// The JSON document of an error (exit 2) is the core's: the web page's API answers with it.
pub use gbl_core::api::error_doc;

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::exercise::load::{Loaded, Origin, load_all};

/// Where to read exercises from: shared by every command that uses them.
#[derive(Debug, Clone, clap::Args)]
pub struct ExerciseSource {
    /// Also read the exercises of this folder (repeatable; added to the bundled ones and to
    /// the folders of GBL_EXERCISES, which are separated like PATH).
    #[arg(long, value_name = "DIR", global = true)]
    pub exercises: Vec<PathBuf>,
    /// Leave out the bundled exercises: use only your folders.
    #[arg(long, global = true)]
    pub no_bundled: bool,
}

impl ExerciseSource {
    /// Where the exercises come from.
    pub fn origin(&self) -> Origin {
        Origin::choose(&self.exercises, self.no_bundled)
    }

    /// Every exercise; any that does not parse, or whose id is defined twice, is an error
    /// naming its file, line and column.
    pub fn load(&self) -> anyhow::Result<Vec<Loaded>> {
        let origin = self.origin();
        for d in &origin.dirs {
            if !d.is_dir() {
                bail!("the exercise folder {} does not exist", d.display());
            }
        }
        let (ok, bad) = load_all(&origin);
        if !bad.is_empty() {
            let lines: Vec<String> = bad.iter().map(|d| d.to_string()).collect();
            bail!(
                "{}\n(run 'gbl validate' for every problem)",
                lines.join("\n")
            );
        }
        Ok(ok)
    }
}

impl ExerciseSource {
    /// Only the exercise `id` when only the bundled exercises are in use (parsing one is
    /// faster than parsing all); with folders every exercise is loaded, so that an id
    /// defined twice is caught, and so is an unknown id (with the closest ids suggested).
    pub fn load_one(&self, id: &str) -> anyhow::Result<Vec<Loaded>> {
        use crate::exercise::load::{BUNDLED, Source, parse_exercise};
        let origin = self.origin();
        if !origin.bundled || !origin.dirs.is_empty() {
            return self.load();
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
            Some(Err(d)) => bail!("{d}\n(run 'gbl validate' for every problem)"),
            None => self.load(),
        }
    }
}

/// The exercise with this id, or an error that suggests the closest ids.
pub fn find<'a>(exercises: &'a [Loaded], id: &str) -> anyhow::Result<&'a Loaded> {
    if let Some(l) = exercises.iter().find(|l| l.id == id) {
        return Ok(l);
    }
    let hint = crate::check::answers::did_you_mean(id, exercises.iter().map(|l| l.id.as_str()))
        .unwrap_or_else(|| "see 'gbl list'".to_string());
    bail!("there is no exercise '{id}' ({hint})")
}

/// A path shown in messages.
pub fn shown(p: &Path) -> String {
    p.display().to_string()
}
