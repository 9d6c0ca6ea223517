//! A trace report as text: the summary, the named mistake, notes, and a unified diff around
//! the departures (expected `-`, printed `+`), with the numbers side by side.

use std::io::{self, Write};

use super::trace::{LineReport, LineStatus, TraceReport};
use crate::style::Paint;
use gbl_core::t;

/// Lines of context shown around a departure.
const CONTEXT: usize = 1;
/// Carried-forward lines shown in a row before the rest are summed up.
const FOLLOWS_SHOWN: usize = 2;
/// Departing lines shown in all; the rest are counted.
const MAX_SHOWN: usize = 24;

const INDENT: &str = "      ";

/// The per-line verdicts as text, indented under the question.
pub(crate) fn render_text(t: &TraceReport, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    for f in &t.findings {
        writeln!(
            out,
            "{INDENT}{} {}",
            paint.warn(&t!("cli-trace-mistake-label")),
            f.message
        )?;
    }
    for s in t.summary.iter().skip(1).take(5) {
        writeln!(out, "{INDENT}{s}")?;
    }
    if t.summary.len() > 6 {
        writeln!(
            out,
            "{INDENT}{}",
            t!("cli-trace-more", count = t.summary.len() - 6)
        )?;
    }
    for n in &t.notes {
        writeln!(
            out,
            "{INDENT}{} {n}",
            paint.dim(&t!("cli-trace-note-label"))
        )?;
    }
    if t.lines.iter().all(|l| l.status == LineStatus::Correct) {
        return Ok(());
    }
    diff(t, paint, out)
}

fn num_width(t: &TraceReport) -> usize {
    t.lines
        .iter()
        .filter_map(|l| l.line.max(l.printed_line))
        .max()
        .unwrap_or(1)
        .to_string()
        .len()
}

/// The unified diff around the departures, and the scoring rule under it.
fn diff(t: &TraceReport, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let lines = &t.lines;
    let w = num_width(t);
    let show = shown(lines);
    writeln!(
        out,
        "{INDENT}{} {}",
        paint.dim(&t!("cli-trace-diff-expected")),
        paint.dim(&t!("cli-trace-diff-printed"))
    )?;
    let first = lines.iter().position(|l| l.status != LineStatus::Correct);
    let mut n = 0;
    let mut gap = true;
    while n < lines.len() {
        if !show[n] {
            let start = n;
            while n < lines.len() && !show[n] {
                n += 1;
            }
            skipped_stretch(&lines[start..n], paint, out)?;
            gap = true;
            continue;
        }
        let l = &lines[n];
        if gap {
            let at = l.line.or(l.printed_line).unwrap_or(0);
            writeln!(
                out,
                "{INDENT}{}",
                paint.dim(&t!("cli-trace-hunk", line = at))
            )?;
            gap = false;
        }
        line(l, Some(n) == first, w, paint, out)?;
        n += 1;
    }
    if t.omitted_correct > 0 {
        writeln!(
            out,
            "{INDENT}{}",
            t!("cli-trace-omitted-correct", count = t.omitted_correct)
        )?;
    }
    if t.omitted_departing > 0 {
        writeln!(
            out,
            "{INDENT}{}",
            t!("cli-trace-omitted-departing", count = t.omitted_departing)
        )?;
    }
    writeln!(out, "{INDENT}{}", paint.dim(&scoring_line(t)))
}

/// Which lines to show: departures with context, long runs of carried lines shortened, at
/// most [`MAX_SHOWN`] departures.
fn shown(lines: &[LineReport]) -> Vec<bool> {
    let mut show = vec![false; lines.len()];
    let mut shown_departures = 0;
    let mut run = 0;
    for (n, l) in lines.iter().enumerate() {
        if l.status == LineStatus::Correct {
            run = 0;
            continue;
        }
        if l.status == LineStatus::Follows {
            run += 1;
            if run > FOLLOWS_SHOWN {
                continue;
            }
        } else {
            run = 0;
        }
        if shown_departures >= MAX_SHOWN {
            continue;
        }
        shown_departures += 1;
        let lo = n.saturating_sub(CONTEXT);
        let hi = (n + CONTEXT).min(lines.len() - 1);
        for s in show.iter_mut().take(hi + 1).skip(lo) {
            *s = true;
        }
    }
    show
}

/// A stretch of lines not shown: says what is in it (lines that follow, more departing).
fn skipped_stretch(skipped: &[LineReport], paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let follows = skipped
        .iter()
        .filter(|l| l.status == LineStatus::Follows)
        .count();
    let other = skipped
        .iter()
        .filter(|l| !matches!(l.status, LineStatus::Correct | LineStatus::Follows))
        .count();
    let mut what = Vec::new();
    if follows > 0 {
        what.push(paint.good(&if follows == 1 {
            t!("cli-trace-skipped-follows-one", count = follows)
        } else {
            t!("cli-trace-skipped-follows", count = follows)
        }));
    }
    if other > 0 {
        what.push(paint.bad(&t!("cli-trace-skipped-departing", count = other)));
    }
    if !what.is_empty() {
        writeln!(out, "{INDENT}  … {}", what.join(", "))?;
    }
    Ok(())
}

/// The scoring rule in one line, with this trace's counts.
pub(crate) fn scoring_line(t: &TraceReport) -> String {
    let follows = t
        .lines
        .iter()
        .filter(|l| l.status == LineStatus::Follows)
        .count();
    let (right, counted) = (t.right, t.counted);
    let correct = t.right - follows.min(t.right);
    match t.skipped {
        0 => t!(
            "cli-trace-scoring",
            right = right,
            counted = counted,
            correct = correct,
            follows = follows
        ),
        1 => t!(
            "cli-trace-scoring-skipped-one",
            right = right,
            counted = counted,
            correct = correct,
            follows = follows,
            skipped = t.skipped
        ),
        _ => t!(
            "cli-trace-scoring-skipped",
            right = right,
            counted = counted,
            correct = correct,
            follows = follows,
            skipped = t.skipped
        ),
    }
}

fn line(
    l: &LineReport,
    first: bool,
    w: usize,
    paint: Paint,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mark = if first { "▶" } else { " " };
    let no = |v: Option<usize>| v.map_or(" ".repeat(w), |v| format!("{v:>w$}"));
    let exp = l.expected.as_deref().unwrap_or("");
    let got = l.printed.as_deref().unwrap_or("");
    match l.status {
        LineStatus::Correct => {
            writeln!(
                out,
                "{INDENT}{mark} {}   {}",
                no(l.printed_line),
                paint.dim(got)
            )
        }
        LineStatus::Missing => writeln!(
            out,
            "{INDENT}{mark} {} - {}   {}",
            no(l.line),
            paint.warn(exp),
            paint.warn(&t!("cli-trace-line-missing"))
        ),
        LineStatus::Extra => writeln!(
            out,
            "{INDENT}{mark} {} + {}   {}",
            no(l.printed_line),
            paint.bad(got),
            paint.bad(&t!("cli-trace-line-extra"))
        ),
        LineStatus::Wrong | LineStatus::Follows => {
            writeln!(out, "{INDENT}{mark} {} - {}", no(l.line), paint.dim(exp))?;
            let detail = match (&l.status, &l.number, &l.note) {
                (LineStatus::Follows, _, _) => paint.good(&t!(
                    "cli-trace-line-follows",
                    line = l.judged_from.unwrap_or(0)
                )),
                (_, Some(num), _) => paint.bad(&format!("{}: {}", num.name, num.describe())),
                (_, None, Some(note)) => paint.bad(note),
                _ => paint.bad(&t!("cli-trace-line-wrong")),
            };
            let shown = if l.status == LineStatus::Follows {
                paint.good(got)
            } else {
                paint.bad(got)
            };
            writeln!(out, "{INDENT}  {} + {shown}   {detail}", no(l.printed_line))
        }
    }
}
