//! `gbl validate [PATH...]`: every problem in exercise files, each with its file, line and
//! column, and proof that each reference solution runs for every variant.

use std::io::Write;
use std::path::PathBuf;

use super::ExerciseSource;
use crate::cli::{Format, Outcome};
use crate::exercise::load::{Diagnostic, Origin, exercise_files, load_all, read_exercise};
use crate::exercise::validate::validate_with_warnings;
use crate::style::Paint;

/// Arguments of `gbl validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exercise files or folders (default: the exercises in use), or quiz files (a
    /// top-level `exercises:` list; checked against the exercises in use, every variant
    /// proved).
    pub paths: Vec<PathBuf>,
    /// Where the exercises come from when no path is given.
    #[command(flatten)]
    pub source: ExerciseSource,
    /// Output format: `json` prints `{"valid", "files", "problems", "warnings"}`, each
    /// problem and warning as `{"message", "file", "line", "column"}`.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gbl validate`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut loaded = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut quizzes = 0;
    let mut quiz_problems = Vec::new();
    let mut warnings: Vec<Diagnostic> = Vec::new();
    if args.paths.is_empty() {
        let (ok, bad) = load_all(&args.source.origin());
        loaded = ok;
        problems = bad;
    } else {
        for p in &args.paths {
            if p.is_dir() {
                let (ok, bad) = load_all(&Origin::dir(p.clone()));
                loaded.extend(ok);
                problems.extend(bad);
                if exercise_files(p).map(|f| f.is_empty()).unwrap_or(false) {
                    anyhow::bail!("{}: no exercise files (*.yaml) in this folder", p.display());
                }
            } else if p.exists() && crate::grade::quiz::is_quiz_file(p) {
                quizzes += 1;
                match crate::grade::quiz::read(p) {
                    Ok(q) => {
                        warnings.extend(quiz_warnings(&q));
                        quiz_problems.extend(crate::grade::quiz::check(&q, &args.source.load()?))
                    }
                    Err(d) => quiz_problems.push(d),
                }
            } else if p.exists() {
                match read_exercise(p) {
                    Ok(l) => loaded.push(l),
                    Err(ds) => problems.extend(ds),
                }
            } else {
                anyhow::bail!("{}: no such file or folder", p.display());
            }
        }
    }
    // An unreadable file may have several problems: count each file once.
    let unreadable: std::collections::BTreeSet<&str> =
        problems.iter().map(|d| d.file.as_str()).collect();
    let count = loaded.len() + unreadable.len();
    let count = count + quizzes;
    let what = if quizzes > 0 {
        "exercise and quiz files"
    } else {
        "exercise files"
    };
    problems.extend(quiz_problems);
    for l in &loaded {
        problems.extend(crate::exercise::lint::problems(l));
        let (errors, warned) = validate_with_warnings(l);
        // The author's tests mean something only on a sound exercise.
        let sound = errors.is_empty();
        problems.extend(errors);
        if sound {
            problems.extend(crate::check::selftest::run(l));
        }
        warnings.extend(warned);
    }
    if args.format == Format::Json {
        let list = |ds: &[Diagnostic]| -> Vec<serde_json::Value> {
            ds.iter().map(super::report::problem_json).collect()
        };
        super::print_json(
            out,
            &serde_json::json!({
                "valid": problems.is_empty(),
                "files": count,
                "problems": list(&problems),
                "warnings": list(&warnings),
            }),
        )?;
        return Ok(if problems.is_empty() {
            Outcome::Correct
        } else {
            Outcome::Wrong
        });
    }
    for d in &problems {
        writeln!(out, "{} {d}", paint.bad("error:"))?;
    }
    for d in &warnings {
        writeln!(out, "{} {d}", paint.warn("warning:"))?;
    }
    let files_with_problems = {
        let mut f: Vec<&str> = problems.iter().map(|d| d.file.as_str()).collect();
        f.sort();
        f.dedup();
        f.len()
    };
    if problems.is_empty() {
        writeln!(
            out,
            "{}",
            paint.good(&format!(
                "{count} {what} are valid; every reference solution runs"
            ))
        )?;
        Ok(Outcome::Correct)
    } else {
        writeln!(
            out,
            "{}",
            paint.bad(&format!(
                "{} problem{} in {files_with_problems} of {count} {what}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ))
        )?;
        Ok(Outcome::Wrong)
    }
}

/// What is allowed in a quiz but is probably not meant: no salt (every student gets the
/// exercises' default numbers, so answers can be shared).
fn quiz_warnings(q: &crate::grade::quiz::LoadedQuiz) -> Vec<Diagnostic> {
    if q.quiz.salt.is_some() {
        return Vec::new();
    }
    vec![Diagnostic {
        file: q.source.name.clone(),
        pos: None,
        message: "the quiz has no salt, so every student gets the same numbers (and can share \
                  answers); add a secret `salt: \"...\"` to give each student their own"
            .into(),
    }]
}
