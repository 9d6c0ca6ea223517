//! `gbl hint ID`: the next hint each time it is asked for the same exercise.
//!
//! How many hints each exercise has shown is kept in `hints.json` in gbl's state folder:
//! `$GBL_STATE_DIR`, else `$XDG_STATE_HOME/gbl`, else `~/.local/state/gbl`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use super::ExerciseSource;
use crate::check::Context;
use crate::cli::Outcome;
use crate::exercise::compute::default_params;
use crate::exercise::prompt::fill;
use crate::style::Paint;

/// Arguments of `gbl hint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exercise.
    pub id: String,
    /// Show every hint at once.
    #[arg(long)]
    pub all: bool,
    /// Start again from the first hint.
    #[arg(long, conflicts_with = "all")]
    pub reset: bool,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

fn state_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("GBL_STATE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => match std::env::var_os("XDG_STATE_HOME") {
            Some(d) if !d.is_empty() => PathBuf::from(d).join("gbl"),
            _ => PathBuf::from(std::env::var_os("HOME")?).join(".local/state/gbl"),
        },
    };
    Some(dir.join("hints.json"))
}

/// The largest hint state file read, in bytes (it holds one count per exercise).
const MAX_STATE_BYTES: u64 = 1 << 20;

fn load_state() -> BTreeMap<String, usize> {
    state_file()
        .and_then(|f| crate::fsutil::read_text(&f, MAX_STATE_BYTES).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save_state(state: &BTreeMap<String, usize>) {
    if let Some(f) = state_file() {
        if let Some(dir) = f.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(state) {
            // Losing the count only means a hint is shown again: not worth failing for.
            let _ = crate::fsutil::write_atomic(&f, text.as_bytes());
        }
    }
}

/// Runs `gbl hint`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = args.source.load_one(&args.id)?;
    let l = super::find(&exercises, &args.id)?;
    let hints = &l.exercise.hints;
    if hints.is_empty() {
        writeln!(out, "'{}' has no hints; try 'gbl solve {}'", l.id, l.id)?;
        return Ok(Outcome::Correct);
    }
    let params = default_params(&l.exercise).map_err(|e| anyhow::anyhow!("{e}"))?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = |i: usize| fill(&hints[i], &ctx.results).unwrap_or_else(|_| hints[i].clone());
    let mut state = load_state();
    if args.reset {
        state.remove(&l.id);
        save_state(&state);
        writeln!(out, "hints for '{}' start again from the first", l.id)?;
        return Ok(Outcome::Correct);
    }
    if args.all {
        for i in 0..hints.len() {
            writeln!(
                out,
                "{} {}",
                paint.strong(&format!("hint {}/{}:", i + 1, hints.len())),
                text(i).trim_end()
            )?;
        }
        return Ok(Outcome::Correct);
    }
    let shown = state.get(&l.id).copied().unwrap_or(0);
    let i = shown.min(hints.len() - 1);
    writeln!(
        out,
        "{} {}",
        paint.strong(&format!("hint {}/{}:", i + 1, hints.len())),
        text(i).trim_end()
    )?;
    if i + 1 == hints.len() {
        writeln!(
            out,
            "{}",
            paint.dim(&format!(
                "that was the last hint; 'gbl solve {}' shows a worked solution",
                l.id
            ))
        )?;
    }
    state.insert(l.id.clone(), (i + 1).min(hints.len()));
    save_state(&state);
    Ok(Outcome::Correct)
}
