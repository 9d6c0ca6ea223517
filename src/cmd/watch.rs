//! `gbl watch --answers FILE`: re-checks whenever the answers (or a trace) are saved.
//!
//! Changes are debounced (several saves in quick succession count once); after each, the
//! screen is cleared and the first exercise that is not yet right is shown. Ctrl-C stops.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer, notify::RecursiveMode};

use super::ExerciseSource;
use crate::check::{Report, answers, render};
use crate::cli::Outcome;
use crate::style::Paint;

/// Arguments of `gbl watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The answer file to check on every save.
    #[arg(long = "answers", value_name = "FILE")]
    pub answer_file: PathBuf,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// One round: check and show the first exercise that is not yet right.
fn round(args: &Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<()> {
    let exercises = args.source.load()?;
    // Clear the screen and move home, only on a terminal.
    if paint.on {
        write!(out, "\x1b[2J\x1b[H")?;
    }
    let parsed = match answers::read(&args.answer_file, &exercises) {
        Ok(p) => p,
        Err(ds) => {
            for d in ds {
                writeln!(out, "{} {d}", paint.bad("error:"))?;
            }
            return Ok(());
        }
    };
    let mut reports = Vec::new();
    for (id, given) in &parsed.answers {
        let l = super::find(&exercises, id)?;
        reports.push(super::check::check_one(l, given, false)?);
    }
    let report = Report::new(reports);
    match report.exercises.iter().find(|e| !e.all_correct()) {
        Some(e) => render::exercise_text(e, paint, out)?,
        None => writeln!(
            out,
            "{}",
            paint.good(&format!(
                "every exercise in the file is right ({})",
                report.exercises.len()
            ))
        )?,
    }
    writeln!(
        out,
        "{}",
        paint.dim(&format!(
            "score {}/{} · watching {} (Ctrl-C stops)",
            report.score,
            report.max_score,
            args.answer_file.display()
        ))
    )?;
    out.flush()?;
    Ok(())
}

/// Runs `gbl watch`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !args.answer_file.is_file() {
        anyhow::bail!("{}: no such file", args.answer_file.display());
    }
    round(&args, paint, out)?;
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(Duration::from_millis(300), tx).context("starting the file watcher")?;
    let dir = match args.answer_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    debouncer
        .watcher()
        .watch(&dir, RecursiveMode::Recursive)
        .with_context(|| format!("watching {}", dir.display()))?;
    // Reading files raises events too, and so does output written into the same folder:
    // re-check only when the answer file or a file it names has really changed.
    let mut last = fingerprint(&args.answer_file, &dir);
    for events in rx {
        if events.is_err() {
            continue;
        }
        let now = fingerprint(&args.answer_file, &dir);
        if now == last {
            continue;
        }
        last = now;
        if let Err(e) = round(&args, paint, out) {
            writeln!(out, "{} {e:#}", paint.bad("error:"))?;
        }
    }
    Ok(Outcome::Correct)
}

/// The answer file's text, and the size and time of each file in its folder that it names.
fn fingerprint(
    answer_file: &std::path::Path,
    dir: &std::path::Path,
) -> (String, Vec<(String, u64, Option<std::time::SystemTime>)>) {
    let text = crate::fsutil::read_text(answer_file, crate::check::answers::MAX_ANSWER_BYTES)
        .unwrap_or_default();
    let mut named = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if text.contains(&name) {
                let meta = e.metadata().ok();
                named.push((
                    name,
                    meta.as_ref().map_or(0, |m| m.len()),
                    meta.and_then(|m| m.modified().ok()),
                ));
            }
        }
    }
    named.sort();
    (text, named)
}
