//! What a judged trace adds up to: one sentence per departure, the mistakes named from the
//! length of the output, a note on other labels, and the feedback line.

use std::collections::BTreeMap;

use super::judge::{Pair, Paired};
use super::layout::{Layout, Part};
use super::reference_pass::Labels;
use super::{Finding, LineReport, LineStatus, TraceReport, clip};

/// The feedback line: the named mistake, the first departure, stopping early or running too
/// long, and how many lines are right.
pub(super) fn feedback(r: &TraceReport) -> String {
    if r.printed_lines == 0 {
        return match r.findings.iter().find(|f| f.code == "crashed") {
            Some(f) => f.message.clone(),
            None => "your program printed nothing".into(),
        };
    }
    if r.right == r.counted {
        let mut s = format!("all {} lines right", r.counted);
        if !r.notes.is_empty() {
            s.push_str(" (see the note)");
        }
        return s;
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(f) = r
        .findings
        .iter()
        .find(|f| !matches!(f.code.as_str(), "stopped-early" | "ran-too-long"))
    {
        parts.push(f.message.clone());
    }
    if let Some(first) = r.summary.first() {
        parts.push(first.clone());
    }
    for f in r
        .findings
        .iter()
        .filter(|f| matches!(f.code.as_str(), "stopped-early" | "ran-too-long"))
    {
        parts.push(f.message.clone());
    }
    let follows = r
        .lines
        .iter()
        .filter(|l| l.status == LineStatus::Follows)
        .count();
    if follows > 0 {
        parts.push(format!(
            "{} of {} lines right ({follows} carried forward)",
            r.right, r.counted
        ));
    } else {
        parts.push(format!("{} of {} lines right", r.right, r.counted));
    }
    parts.join("; ")
}

/// Which iterations have a printed line paired with one of their step lines: entry `i` for
/// iteration `i` (one flag per iteration, not a set of a million numbers).
fn printed_steps(layout: &Layout, pairs: &[Pair]) -> Vec<bool> {
    let mut seen = vec![false; layout.updates() + 1];
    for p in pairs {
        if let Paired::Both(k, _) = p.get() {
            let s = layout.slot(k);
            if s.part == Part::Step
                && let Some(flag) = seen.get_mut(s.i)
            {
                *flag = true;
            }
        }
    }
    seen
}

/// Stopping early and running too long, from the unpaired lines at the end.
pub(super) fn length_findings(layout: &Layout, pairs: &[Pair], report: &mut TraceReport) {
    let missing_tail = pairs
        .iter()
        .rev()
        .take_while(|p| matches!(p.get(), Paired::Missing(_)))
        .count();
    let extra_tail = pairs
        .iter()
        .rev()
        .take_while(|p| matches!(p.get(), Paired::Extra(_)))
        .count();
    let n = layout.updates();
    let printed_steps = printed_steps(layout, pairs);
    // A line of the step template left out of iterations whose other lines were printed.
    let mut left_out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for p in pairs {
        if let Paired::Missing(k) = p.get() {
            let s = layout.slot(k);
            if s.part == Part::Step && printed_steps.get(s.i).copied().unwrap_or(false) {
                left_out.entry(s.tpl).or_default().push(k);
            }
        }
    }
    for ks in left_out.values().filter(|ks| ks.len() >= 2) {
        report.findings.push(Finding {
            code: "missing-line".into(),
            message: format!(
                "the line printed like `{}` is missing from {} of the {n} iterations: print every line of the step after each update",
                clip(&layout.line(ks[0])),
                ks.len()
            ),
        });
    }
    let last_printed_step = printed_steps.iter().rposition(|&p| p).unwrap_or(0);
    if missing_tail > 0 && last_printed_step < n {
        let last_printed_step = pairs
            .iter()
            .filter_map(|p| match p.get() {
                Paired::Both(k, _) => Some(layout.slot(k)),
                _ => None,
            })
            .filter(|s| s.part == Part::Step)
            .map(|s| s.i)
            .max()
            .unwrap_or(0);
        let m = missing_tail;
        report.findings.push(Finding {
            code: "stopped-early".into(),
            message: format!(
                "the last {m} expected line{} {} missing: your program stopped after {last_printed_step} of {n} iterations",
                if m == 1 { "" } else { "s" },
                if m == 1 { "is" } else { "are" }
            ),
        });
    }
    if extra_tail > 0 {
        let s = layout.step_lines().max(1);
        let more = if extra_tail % s == 0 {
            format!(
                " ({} iteration{} too many)",
                extra_tail / s,
                if extra_tail / s == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        report.findings.push(Finding {
            code: "ran-too-long".into(),
            message: format!(
                "your program printed {extra_tail} line{} more than expected{more}: the exercise asks for {n} iterations",
                if extra_tail == 1 { "" } else { "s" }
            ),
        });
    }
}

/// The note on lines that agree with the reference under other labels than the template's
/// (with one example), else on lines that number the iterations differently; only the
/// numbers count.
pub(super) fn label_note(labels: &Labels, layout: &Layout, printed: &[&str]) -> Vec<String> {
    let mut notes: Vec<String> = other_labels(labels, layout, printed).into_iter().collect();
    if let Some(j) = labels.first_extras {
        let n = labels.extras;
        notes.push(format!(
            "{n} line{} print{} more values than the template (e.g. `{}`); only the template's values count",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            clip(printed.get(j).copied().unwrap_or_default())
        ));
    }
    notes
}

fn other_labels(labels: &Labels, layout: &Layout, printed: &[&str]) -> Option<String> {
    if labels.other > 0 {
        let n = labels.other;
        let (k, j) = labels.first.unwrap_or((0, 0));
        Some(format!(
            "{n} line{} use{} other labels than the template (e.g. `{}` for `{}`); only the numbers count",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            clip(printed.get(j).copied().unwrap_or_default()),
            layout.line(k)
        ))
    } else if labels.index > 0 {
        let n = labels.index;
        Some(format!(
            "{n} line{} number the iterations differently from the template",
            if n == 1 { "" } else { "s" }
        ))
    } else {
        None
    }
}

/// `line a`, or `lines a-b` for several.
fn range(a: usize, b: usize) -> String {
    if a == b {
        format!("line {a}")
    } else {
        format!("lines {a}-{b}")
    }
}

/// One sentence per departure: the wrong line, and the lines that follow from it.
pub(super) fn summarize(lines: &[LineReport]) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let l = &lines[n];
        let (sentence, next) = match l.status {
            LineStatus::Correct => {
                n += 1;
                continue;
            }
            LineStatus::Wrong => wrong_from(lines, n),
            LineStatus::Follows => {
                let a = l.printed_line.unwrap_or(0);
                let m = run_end(lines, n + 1, LineStatus::Follows);
                let b = lines[m - 1].printed_line.unwrap_or(a);
                let s = format!(
                    "{} follow{} correctly from your line {}",
                    range(a, b),
                    if a == b { "s" } else { "" },
                    l.judged_from.unwrap_or(0)
                );
                (s, m)
            }
            LineStatus::Missing | LineStatus::Extra => {
                let m = run_end(lines, n + 1, l.status);
                let s = if l.status == LineStatus::Missing {
                    let a = l.line.unwrap_or(0);
                    let b = lines[m - 1].line.unwrap_or(a);
                    format!("expected {} not printed", range(a, b))
                } else {
                    let a = l.printed_line.unwrap_or(0);
                    let b = lines[m - 1].printed_line.unwrap_or(a);
                    format!("{} not expected", range(a, b))
                };
                (s, m)
            }
        };
        out.push(sentence);
        n = next;
    }
    out
}

/// Where the run of lines with `status` that starts at `from` ends.
fn run_end(lines: &[LineReport], from: usize, status: LineStatus) -> usize {
    let mut m = from;
    while m < lines.len() && lines[m].status == status {
        m += 1;
    }
    m
}

/// The sentence on the wrong line `n`, with the wrong lines or the lines that follow after
/// it, and where the next sentence starts.
fn wrong_from(lines: &[LineReport], n: usize) -> (String, usize) {
    let l = &lines[n];
    let at = l.printed_line.or(l.line).unwrap_or(0);
    let mut s = match (&l.number, &l.note) {
        (Some(num), _) => format!("line {at}: {}", num.describe()),
        (None, Some(note)) => format!("line {at}: {note}"),
        (None, None) => format!("line {at} is wrong"),
    };
    let wrong_after = run_end(lines, n + 1, LineStatus::Wrong);
    if wrong_after > n + 2 {
        // A run of wrong lines: one sentence for all of them.
        let a = lines[n + 1].printed_line.unwrap_or(0);
        let b = lines[wrong_after - 1].printed_line.unwrap_or(a);
        s.push_str(&format!("; {} are wrong too", range(a, b)));
        return (s, wrong_after);
    }
    let m = run_end(lines, n + 1, LineStatus::Follows);
    if m > n + 1 {
        let a = lines[n + 1].printed_line.unwrap_or(0);
        let b = lines[m - 1].printed_line.unwrap_or(0);
        s.push_str(&format!(
            "; {} follow{} correctly from your line {at}",
            range(a, b),
            if a == b { "s" } else { "" }
        ));
    }
    (s, m)
}
