//! One module per subcommand: its arguments, and a `run` that checks them, calls the
//! library, renders what it returns and says how it went ([`Outcome`]). The arguments
//! several subcommands share are here.

use std::path::PathBuf;

use crate::exercise::catalog::{self, CatalogError};
use crate::exercise::load::{Loaded, Origin};
use crate::grade::quiz::{Variant, parse_params};
use crate::student::Student;

pub(crate) mod backprop;
pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod derive;
pub(crate) mod descend;
pub(crate) mod grade;
pub(crate) mod gradescope;
pub(crate) mod hint;
pub(crate) mod init;
pub(crate) mod list;
pub(crate) mod mdbook;
pub(crate) mod schema;
pub(crate) mod show;
pub(crate) mod solve;
pub(crate) mod validate;
pub(crate) mod watch;

/// What a command found, when it could check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything checked is correct (or there was nothing to check).
    Correct,
    /// Something is wrong or missing.
    Wrong,
    /// Something given could not be checked (an answer that is not an answer); the report
    /// was still written.
    Invalid,
}

impl Outcome {
    /// `Correct` when everything is right, else `Wrong`.
    pub(crate) fn of(all_right: bool) -> Outcome {
        if all_right {
            Outcome::Correct
        } else {
            Outcome::Wrong
        }
    }
}

/// Output format of the playground and checking commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Readable text (coloured on a terminal).
    #[default]
    Text,
    /// Exactly one JSON document on standard output.
    Json,
}

/// Where to read exercises from: shared by every command that uses them.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ExerciseSource {
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
    pub(crate) fn origin(&self) -> Origin {
        Origin::choose(&self.exercises, self.no_bundled)
    }

    /// Every exercise (see [`catalog::load`]).
    pub(crate) fn load(&self) -> Result<Vec<Loaded>, CatalogError> {
        catalog::load(&self.origin())
    }

    /// The exercise `id`, alone when it can be (see [`catalog::load_one`]).
    pub(crate) fn load_one(&self, id: &str) -> Result<Vec<Loaded>, CatalogError> {
        catalog::load_one(&self.origin(), id)
    }
}

/// `--params`: one variant of an exercise, by its numbers (check, show, hint, solve).
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ParamsArg {
    /// The numbers of one variant of the exercise, as the book's answer forms carry them in
    /// data-gbl-params: '{"x0": -2, "lr": 1}' or 'x0=-2 lr=1' (only numbers the exercise's
    /// 'params' and 'vary' allow).
    #[arg(long, value_name = "NUMBERS", conflicts_with = "quiz")]
    pub params: Option<String>,
}

impl ParamsArg {
    /// The variant asked for, if any.
    pub(crate) fn variant(&self) -> anyhow::Result<Option<Variant>> {
        self.params
            .as_deref()
            .map(|p| Ok(Variant::fixed(parse_params(p)?)))
            .transpose()
    }
}

/// `--quiz QUIZ --student NAME`, shared by the student's commands.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct StudentArgs {
    /// A quiz file: use the numbers, exercises and points --student gets in it.
    #[arg(long, value_name = "QUIZ", requires = "student")]
    pub quiz: Option<PathBuf>,
    /// The student whose numbers to use (with --quiz).
    #[arg(long, value_name = "NAME", requires = "quiz")]
    pub student: Option<String>,
}

impl StudentArgs {
    /// The student these arguments name (the exercises' own numbers without a quiz).
    pub(crate) fn student(&self, exercises: &[Loaded]) -> anyhow::Result<Student> {
        Student::new(self.quiz.as_deref(), self.student.as_deref(), exercises)
    }

    /// The student these arguments name, with the numbers `params` asks for when it does.
    pub(crate) fn student_with(
        &self,
        exercises: &[Loaded],
        params: &ParamsArg,
    ) -> anyhow::Result<Student> {
        let mut student = self.student(exercises)?;
        if let Some(v) = params.variant()? {
            student.variant = v;
        }
        Ok(student)
    }

    /// The exercise `id` and whose numbers to use: with a quiz every exercise is loaded (the
    /// quiz names them), without one only the exercise asked for.
    pub(crate) fn choose(
        &self,
        source: &ExerciseSource,
        id: &str,
        params: &ParamsArg,
    ) -> anyhow::Result<Chosen> {
        let exercises = match self.quiz {
            Some(_) => source.load()?,
            None => source.load_one(id)?,
        };
        // With no such exercise, the error names the closest ids.
        crate::exercise::catalog::find(&exercises, id)?;
        let index = exercises
            .iter()
            .position(|l| l.id == id)
            .unwrap_or_default();
        let student = self.student_with(&exercises, params)?;
        Ok(Chosen {
            exercises,
            index,
            student,
        })
    }
}

/// An exercise asked for by id, among the exercises loaded, with whose numbers to use.
pub(crate) struct Chosen {
    exercises: Vec<Loaded>,
    index: usize,
    /// Whose numbers.
    pub(crate) student: Student,
}

impl Chosen {
    /// The exercise.
    pub(crate) fn exercise(&self) -> &Loaded {
        &self.exercises[self.index]
    }
}
