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
use std::sync::mpsc::Receiver;
use std::time::Duration;

use anyhow::Context as _;
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::{ExerciseSource, Format, Outcome, StudentArgs};
use crate::check::{answers, render};
use crate::exercise::load::Loaded;
use crate::fsutil::watch::{Fingerprint, changed, fingerprint, folders};
use crate::render::json::error_doc;
use crate::student::answer_file::{check_file, files_read};
use crate::student::render::totals;
use crate::style::Paint;
use gbl_core::t;

/// Arguments of `gbl watch`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
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

/// One round: check and show the first exercise that is not yet right.
fn round(
    args: &Args,
    exercises: &[Loaded],
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let student = args.student.student(exercises)?;
    let fc = check_file(&args.answer_file, exercises, &student)?;
    student.allow_reveal(args.reveal)?;
    let reveal = student.revealer(exercises, args.reveal);
    if args.format == Format::Json {
        let mut doc = crate::student::render::json(&fc, &reveal);
        doc["next"] = serde_json::json!(fc.next_step());
        writeln!(out, "{doc}")?;
        return Ok(());
    }
    if let Some(e) = fc.first_unfinished() {
        render::exercise_text(e, reveal(&e.id), paint, out)?;
    }
    for d in &fc.problems {
        writeln!(out, "{} {d}", paint.bad(&t!("cli-problem-label")))?;
    }
    writeln!(out, "{}", totals(&fc))?;
    writeln!(out, "{}", paint.strong(&fc.next_step()))?;
    Ok(())
}

/// A round, its error (if any) reported in the round's place.
fn round_or_report(
    args: &Args,
    exercises: &[Loaded],
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match round(args, exercises, paint, out) {
        Ok(()) => Ok(()),
        Err(e) if args.format == Format::Json => {
            writeln!(out, "{}", error_doc(&format!("{e:#}")))
        }
        Err(e) => writeln!(out, "{} {e:#}", paint.bad("error:")),
    }
}

/// Watches the folders of `files`, and no longer those of the files named before.
fn rewatch(
    debouncer: &mut Debouncer<RecommendedWatcher>,
    dirs: &mut BTreeSet<PathBuf>,
    files: &[PathBuf],
) -> anyhow::Result<()> {
    let want = folders(files);
    for d in dirs.difference(&want) {
        let _ = debouncer.watcher().unwatch(d);
    }
    for d in want.difference(dirs) {
        debouncer
            .watcher()
            .watch(d, RecursiveMode::NonRecursive)
            .with_context(|| t!("cli-watch-cannot-watch", folder = d.display()))?;
    }
    *dirs = want;
    Ok(())
}

/// Waits for a real change of `files`; the files that changed, or `None` when the watcher
/// has stopped.
fn next_change(
    rx: &Receiver<DebounceEventResult>,
    files: &[PathBuf],
    last: &mut Fingerprint,
) -> Option<Vec<String>> {
    loop {
        let events = rx.recv().ok()?;
        if events.is_err() {
            continue;
        }
        let now = fingerprint(files, answers::MAX_ANSWER_BYTES);
        if now != *last {
            let changed = changed(&now, last);
            *last = now;
            return Some(changed);
        }
    }
}

fn shown(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `gbl watch`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !args.answer_file.is_file() {
        anyhow::bail!(t!("cli-watch-no-file", file = args.answer_file.display()));
    }
    let exercises = args.source.load()?;
    let json = args.format == Format::Json;
    round_or_report(&args, &exercises, paint, out)?;
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(200), tx)
        .with_context(|| t!("cli-watch-cannot-start"))?;
    let answer_file: &Path = &args.answer_file;
    let mut files = files_read(answer_file, &exercises);
    let mut dirs = BTreeSet::new();
    let mut last = fingerprint(&files, answers::MAX_ANSWER_BYTES);
    loop {
        rewatch(&mut debouncer, &mut dirs, &files)?;
        if !json {
            let note = t!("cli-watch-watching", files = shown(&files));
            writeln!(out, "{}", paint.dim(&note))?;
        }
        out.flush()?;
        let Some(changed) = next_change(&rx, &files, &mut last) else {
            return Ok(Outcome::Correct);
        };
        if !json {
            // Clear the screen and move home, only on a terminal.
            if paint.on {
                write!(out, "\x1b[2J\x1b[H")?;
            }
            let note = t!("cli-watch-changed", files = changed.join(", "));
            writeln!(out, "{}", paint.dim(&note))?;
        }
        round_or_report(&args, &exercises, paint, out)?;
        let renewed = files_read(answer_file, &exercises);
        if renewed != files {
            files = renewed;
            last = fingerprint(&files, answers::MAX_ANSWER_BYTES);
        }
    }
}
