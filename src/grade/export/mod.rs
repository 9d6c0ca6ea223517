//! Gradebooks: one file per format. Each takes graded submissions one at a time, in the
//! students' order, and turns them into the bytes of the file at the end.

pub(crate) mod csv;
pub(crate) mod gradescope;
pub(crate) mod json;

use super::{Graded, Setup};

/// The gradebook formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GradeFormat {
    /// One row per student: student, score, max_score, one column per exercise, error.
    #[default]
    Csv,
    /// Every question of every student: status, expected, given, feedback, score.
    Json,
    /// Gradescope's results.json for one submission.
    Gradescope,
}

/// A gradebook being written.
pub(crate) enum Book {
    /// CSV rows so far.
    Csv(Box<csv::CsvBook>),
    /// JSON: every student's full report.
    Json(json::JsonBook),
    /// Gradescope: the one submission, when students see its results, and when they see
    /// the expected answers.
    Gradescope(
        Option<serde_json::Value>,
        Option<gradescope::Visibility>,
        gradescope::Visibility,
    ),
}

impl Book {
    /// An empty gradebook of the format for the quiz.
    pub(crate) fn new(format: GradeFormat, setup: &Setup) -> anyhow::Result<Book> {
        Ok(match format {
            GradeFormat::Csv => Book::Csv(Box::new(csv::CsvBook::new(setup)?)),
            GradeFormat::Json => Book::Json(json::JsonBook::new(setup)?),
            GradeFormat::Gradescope => {
                Book::Gradescope(None, None, gradescope::Visibility::AfterDueDate)
            }
        })
    }

    /// Sets when students see a Gradescope result (Gradescope shows it at once by default).
    pub(crate) fn with_visibility(self, v: Option<gradescope::Visibility>) -> Book {
        match self {
            Book::Gradescope(r, _, e) => Book::Gradescope(r, v, e),
            other => other,
        }
    }

    /// Sets when students see the expected answers on Gradescope (after the due date unless
    /// set).
    pub(crate) fn with_expected(self, when: Option<gradescope::Visibility>) -> Book {
        match (self, when) {
            (Book::Gradescope(r, v, _), Some(e)) => Book::Gradescope(r, v, e),
            (other, _) => other,
        }
    }

    /// Adds a graded submission.
    pub(crate) fn add(&mut self, g: &Graded) -> anyhow::Result<()> {
        match self {
            Book::Csv(b) => b.add(g)?,
            Book::Json(b) => b.add(g)?,
            Book::Gradescope(slot, visibility, expected) => {
                if slot.is_some() {
                    anyhow::bail!("Gradescope's results.json holds one submission");
                }
                let mut r = gradescope::results(g, *expected);
                if let (Some(v), Some(obj)) = (visibility, r.as_object_mut()) {
                    obj.insert("visibility".into(), v.as_str().into());
                }
                *slot = Some(r);
            }
        }
        Ok(())
    }

    /// Writes the file to `out` (the JSON gradebook from its spill file, a student at a
    /// time).
    pub(crate) fn finish_into(self, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        match self {
            Book::Json(b) => b.finish_into(out),
            other => Ok(out.write_all(&other.finish()?)?),
        }
    }

    /// The file's bytes.
    pub(crate) fn finish(self) -> anyhow::Result<Vec<u8>> {
        let mut bytes = match self {
            Book::Csv(b) => return b.finish(),
            Book::Json(b) => return b.finish(),
            Book::Gradescope(v, _, _) => {
                serde_json::to_vec_pretty(&v.unwrap_or(serde_json::Value::Null))?
            }
        };
        bytes.push(b'\n');
        Ok(bytes)
    }
}

/// A score as written in gradebooks: the shortest decimal that reads back the same (`2`,
/// `1.5`, `0.333333333`).
pub(crate) fn score(v: f64) -> String {
    format!("{v}")
}
