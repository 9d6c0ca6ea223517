//! `gbl watch [--answers FILE]`: re-checks whenever the answer file or a trace it names is
//! saved.
//!
//! Exactly those files are watched (through their folders, not recursively, since editors
//! save by replacing a file), wherever they are; the list is renewed when the answer file
//! changes. Changes are debounced (several saves in quick succession count once) and a
//! round runs only when a watched file's content, size or time really changed. After each,
//! the screen is cleared (on a terminal) and the first exercise that is not yet right is
//! shown, with what to do next. Ctrl-C stops.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer, notify::RecursiveMode};

use super::ExerciseSource;
use super::student::{FileCheck, Student, StudentArgs, check_file};
use crate::check::{answers, render};
use crate::cli::{Format, Outcome};
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;
use crate::style::Paint;

/// Arguments of `gbl watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The answer file to check on every save.
    #[arg(long = "answers", value_name = "FILE", default_value = "answers.yaml")]
    pub answer_file: PathBuf,
    /// Show the answer of every question that is not right.
    #[arg(long)]
    pub reveal: bool,
    /// Output format: with json, one line of JSON per round (the document of
    /// `gbl check --answers --format json` with a "next" key), and nothing else.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: that student's numbers, the quiz's exercises and points.
    #[command(flatten)]
    pub student: StudentArgs,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// What to do next, as rustlings says it: the first exercise not right, or done.
fn next_step(fc: &FileCheck) -> String {
    // What the student is working on comes first, then what they have not started.
    let pairs = || fc.report.exercises.iter().zip(&fc.answered);
    let first = pairs()
        .find(|(e, answered)| **answered && !e.all_correct())
        .or_else(|| pairs().find(|(e, _)| !e.all_correct()));
    match first {
        None if fc.problems.is_empty() => "every exercise is right: well done".into(),
        None => "fix the problems above in the answer file".into(),
        Some((e, false)) => format!(
            "next: 'gbl show {}' for the task, then write its answers in the file",
            e.id
        ),
        Some((e, true)) => format!(
            "next: fix {} and save ('gbl hint {}' if you are stuck)",
            e.id, e.id
        ),
    }
}

/// One round: check and show the first exercise that is not yet right.
fn round(
    args: &Args,
    exercises: &[Loaded],
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let student = Student::new(&args.student, exercises)?;
    let fc = check_file(&args.answer_file, exercises, &student)?;
    student.allow_reveal(args.reveal)?;
    let reveal = student.revealer(exercises, args.reveal);
    if args.format == Format::Json {
        let mut doc = super::report::json(&fc, &reveal);
        doc["next"] = serde_json::json!(next_step(&fc));
        writeln!(out, "{doc}")?;
        return Ok(());
    }
    let shown = fc
        .report
        .exercises
        .iter()
        .zip(&fc.answered)
        .find(|(e, answered)| **answered && !e.all_correct());
    if let Some((e, _)) = shown {
        render::exercise_text(e, reveal(&e.id), paint, out)?;
    }
    for d in &fc.problems {
        writeln!(out, "{} {d}", paint.bad("problem:"))?;
    }
    writeln!(
        out,
        "score {}/{} · {}",
        super::report::score(fc.report.score),
        super::report::score(fc.report.max_score),
        fc.summary()
    )?;
    writeln!(out, "{}", paint.strong(&next_step(&fc)))?;
    Ok(())
}

fn report_error(
    e: &anyhow::Error,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if json {
        writeln!(out, "{}", super::error_doc(&format!("{e:#}")))
    } else {
        writeln!(out, "{} {e:#}", paint.bad("error:"))
    }
}

/// The files a round reads: the answer file and the trace files it names.
fn watched(answer_file: &Path, exercises: &[Loaded]) -> Vec<PathBuf> {
    let mut files = vec![answer_file.to_path_buf()];
    let dir = answer_file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if let Ok(read) = answers::read_lenient(answer_file, exercises) {
        for (ex, given) in &read.file.answers {
            for (q, g) in given {
                let is_trace = exercises
                    .iter()
                    .find(|l| &l.id == ex)
                    .and_then(|l| l.exercise.questions.iter().find(|x| x.id() == q))
                    .is_some_and(|x| matches!(x, Question::Trace(_)));
                if let (true, crate::check::Given::Trace { name, .. })
                | (true, crate::check::Given::Unreadable { name, .. }) = (is_trace, g)
                {
                    files.push(dir.join(name));
                }
            }
        }
    }
    files
}

/// Each watched file's size, time and (for the answer file) text: a round runs only when
/// this changes, since reading files raises events too.
type Fingerprint = Vec<(
    PathBuf,
    Option<(u64, Option<std::time::SystemTime>)>,
    String,
)>;

fn fingerprint(files: &[PathBuf]) -> Fingerprint {
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let meta = std::fs::metadata(f)
                .ok()
                .map(|m| (m.len(), m.modified().ok()));
            let text = if i == 0 {
                crate::fsutil::read_text(f, answers::MAX_ANSWER_BYTES).unwrap_or_default()
            } else {
                String::new()
            };
            (f.clone(), meta, text)
        })
        .collect()
}

/// The folders to watch for `files` (each file's own folder).
fn folders(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    files
        .iter()
        .map(|f| match f.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        })
        .filter(|d| d.is_dir())
        .collect()
}

/// Runs `gbl watch`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !args.answer_file.is_file() {
        anyhow::bail!(
            "{}: no such file ('gbl init' writes a starter answers.yaml; or name one with --answers FILE)",
            args.answer_file.display()
        );
    }
    let exercises = args.source.load()?;
    let json = args.format == Format::Json;
    if let Err(e) = round(&args, &exercises, paint, out) {
        report_error(&e, json, paint, out)?;
    }
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(Duration::from_millis(200), tx).context("starting the file watcher")?;
    let mut files = watched(&args.answer_file, &exercises);
    let mut dirs = BTreeSet::new();
    let mut last = fingerprint(&files);
    loop {
        // Watch the folders of the files named now; forget those no longer named.
        let want = folders(&files);
        for d in dirs.difference(&want) {
            let _ = debouncer.watcher().unwatch(d);
        }
        for d in want.difference(&dirs) {
            debouncer
                .watcher()
                .watch(d, RecursiveMode::NonRecursive)
                .with_context(|| format!("watching {}", d.display()))?;
        }
        dirs = want;
        if !json {
            writeln!(
                out,
                "{}",
                paint.dim(&format!(
                    "watching {} (Ctrl-C stops)",
                    files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            )?;
        }
        out.flush()?;
        let changed = loop {
            let Ok(events) = rx.recv() else {
                return Ok(Outcome::Correct);
            };
            if events.is_err() {
                continue;
            }
            let now = fingerprint(&files);
            if now != last {
                let changed: Vec<String> = now
                    .iter()
                    .zip(&last)
                    .filter(|(a, b)| a != b)
                    .map(|(a, _)| a.0.display().to_string())
                    .collect();
                last = now;
                break changed;
            }
        };
        if !json {
            // Clear the screen and move home, only on a terminal.
            if paint.on {
                write!(out, "\x1b[2J\x1b[H")?;
            }
            writeln!(
                out,
                "{}",
                paint.dim(&format!("{} changed: checking again", changed.join(", ")))
            )?;
        }
        if let Err(e) = round(&args, &exercises, paint, out) {
            report_error(&e, json, paint, out)?;
        }
        let renewed = watched(&args.answer_file, &exercises);
        if renewed != files {
            files = renewed;
            last = fingerprint(&files);
        }
    }
}
