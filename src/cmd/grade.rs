//! `gbl grade QUIZ PATH`: grade a folder of submissions against a quiz, write a gradebook
//! and print a class summary.
//!
//! Exit codes: 0 every answer of every student is right; 1 something is wrong, missing or
//! unreadable in some submission (a broken submission never stops the batch); 2 the quiz
//! or PATH cannot be used.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use super::{ExerciseSource, Outcome};
use crate::fsutil::{QuietPipe, write_atomic_with};
use crate::grade::class::{
    Enrolled, check_gradebook_path, enroll, gradescope_student, one, usable_quiz,
};
use crate::grade::export::gradescope::Visibility;
use crate::grade::export::{Book, GradeFormat};
use crate::grade::submission::{self, Found};
use crate::grade::summary::{Tally, render};
use crate::grade::{Setup, grade_all};
use crate::style::Paint;

/// Arguments of `gbl grade`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
PATH holds one submission per student: NAME.yaml (an answer file) or a folder NAME/ with \
answers.yaml and the trace files it names. A folder that itself holds answers.yaml is one \
submission (as in Gradescope's /autograder/submission). The student is named by the file or \
folder; with --format gradescope, by --student or the identity in Gradescope's \
submission_metadata.json (never by a folder name). A submission that cannot be read scores 0 for what cannot be read, with the reason \
in its row; symbolic links in PATH are not followed and only regular files are read (a FIFO \
or a device is refused), each \
submission may have at most 64 MB read, names that are not UTF-8 are shown escaped, and hidden \
entries and __MACOSX are skipped.

The class summary goes to standard error when the gradebook goes to standard output, and to \
standard output with -o.")]
pub(crate) struct Args {
    /// The quiz file (YAML: format, title, exercises with points, optional salt; see
    /// 'gbl schema quiz').
    pub quiz: PathBuf,
    /// The folder of submissions, or one submission folder holding answers.yaml.
    pub path: PathBuf,
    /// Write the gradebook to this file (atomically, keeping its permissions) instead of
    /// standard output ('-o -'). A symbolic link, a special file or a file inside PATH is
    /// refused.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The gradebook's format: csv (one row per student), json (every question), or
    /// gradescope (results.json for the one submission in PATH).
    #[arg(long, value_enum, default_value_t = GradeFormat::Csv)]
    pub format: GradeFormat,
    /// Name the student of a single submission (PATH holding answers.yaml); their variant is
    /// drawn for this name.
    #[arg(long, value_name = "NAME")]
    pub student: Option<String>,
    /// With --format gradescope: Gradescope's submission_metadata.json, whose first user's
    /// email (else sid, else id) names the student (default: submission_metadata.json next to
    /// PATH, as in /autograder). Without it or --student, gbl refuses.
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
    /// With --format gradescope: when students see the expected answers (default
    /// after-due-date: a last, 0-point test lists them; visible shows them in each question).
    #[arg(long, value_enum, value_name = "WHEN")]
    pub expected: Option<Visibility>,
    /// With --format gradescope: when the student sees the results, which show the expected
    /// answers (Gradescope's default is at once; after-due-date keeps a quiz's answers
    /// hidden until it closes).
    #[arg(long, value_enum, value_name = "WHEN")]
    pub visibility: Option<Visibility>,
    /// The class roster (CSV: key,name,email; key is the name of the student's submission):
    /// every student on it is in the gradebook, one without a submission as "missing".
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Leave out the class summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Refuses the options of `--format gradescope` with another format.
fn check_format_options(args: &Args) -> anyhow::Result<()> {
    if args.format != GradeFormat::Gradescope {
        for (given, flag) in [
            (args.visibility.is_some(), "--visibility"),
            (args.metadata.is_some(), "--metadata"),
            (args.expected.is_some(), "--expected"),
        ] {
            if given {
                bail!("{flag} is for --format gradescope");
            }
        }
    }
    Ok(())
}

/// The submissions to grade: the one of a Gradescope student, the one folder PATH when it
/// holds answers.yaml, else every submission in PATH; with the roster's students merged in.
fn submissions(args: &Args) -> anyhow::Result<(Found, Option<Enrolled>)> {
    let holds_answers = std::fs::symlink_metadata(args.path.join(submission::ANSWERS)).is_ok();
    let mut found = if args.format == GradeFormat::Gradescope {
        let student = gradescope_student(
            &args.path,
            holds_answers,
            args.student.as_deref(),
            args.metadata.as_deref(),
        )?;
        one(&args.path, Some(&student))
    } else if holds_answers {
        one(&args.path, args.student.as_deref())
    } else {
        if args.student.is_some() {
            bail!(
                "--student names the student of a single submission, but {} holds no answers.yaml",
                args.path.display()
            );
        }
        submission::discover(&args.path)
            .with_context(|| format!("cannot read the folder {}", args.path.display()))?
    };
    let enrolled = match &args.roster {
        Some(_) if args.format == GradeFormat::Gradescope => {
            bail!("--roster is for a class (--format csv or json), not one Gradescope submission")
        }
        Some(file) => Some(enroll(&mut found, file)?),
        None => None,
    };
    if found.submissions.is_empty() {
        bail!(
            "{}: no submissions (NAME.yaml files or NAME/ folders with answers.yaml)",
            args.path.display()
        );
    }
    Ok((found, enrolled))
}

/// Writes the gradebook to `output` (atomically) or to `out`, and the class summary after
/// it: to `out` with a file, else to standard error.
fn finish(
    book: Book,
    tally: &Tally,
    output: Option<&Path>,
    quiet: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match output {
        Some(file) => {
            write_atomic_with(file, |w| {
                book.finish_into(w)
                    .map_err(|e| std::io::Error::other(format!("{e:#}")))
            })
            .with_context(|| format!("cannot write the gradebook {}", file.display()))?;
            if !quiet {
                render(tally, paint, out)?;
                writeln!(
                    out,
                    "{}",
                    paint.dim(&format!("gradebook: {}", file.display()))
                )?;
            }
        }
        None => {
            book.finish_into(out)?;
            out.flush()?;
            if !quiet {
                render(tally, paint, &mut QuietPipe::new(std::io::stderr().lock()))?;
            }
        }
    }
    Ok(())
}

/// Runs `gbl grade`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = args.source.load()?;
    let q = usable_quiz(&args.quiz, &exercises)?;
    check_format_options(&args)?;
    let setup = Setup::new(&q.quiz, &exercises).map_err(|e| anyhow::anyhow!("{e}"))?;
    if !args.path.is_dir() {
        bail!(
            "{}: not a folder of submissions (or a submission folder holding answers.yaml)",
            args.path.display()
        );
    }
    let output = args.output.as_deref().filter(|o| o.as_os_str() != "-");
    if let Some(file) = output {
        check_gradebook_path(file, &args.path)?;
    }
    let (found, enrolled) = submissions(&args)?;
    let mut book = Book::new(args.format, &setup)?
        .with_visibility(args.visibility)
        .with_expected(args.expected);
    let mut tally = Tally::new(&q.quiz.title, q.quiz.max_score());
    tally.ignored = found.ignored.clone();
    if let Some(e) = enrolled {
        tally.missing = e.missing.into_iter().collect();
        tally.not_on_roster = e.strangers;
        tally.roster_size = e.size;
    }
    let mut all_correct = true;
    grade_all(&found.submissions, &setup, |g| {
        all_correct &= g.all_correct();
        tally.add(&g);
        book.add(&g)
    })?;
    finish(book, &tally, output, args.quiet, paint, out)?;
    Ok(Outcome::of(all_correct))
}
