//! What a judged trace adds up to: one sentence per departure, the mistakes named from the
//! length of the output, a note on other labels, and the feedback line.

use std::collections::BTreeMap;

use super::judge::{Pair, Paired};
use super::layout::{Layout, Part};
use super::reference_pass::Labels;
use super::{Finding, LineReport, LineStatus, TraceReport, clip};
use crate::t;

/// The feedback line: the named mistake, the first departure, stopping early or running too
/// long, and how many lines are right.
pub(super) fn feedback(r: &TraceReport) -> String {
    if r.printed_lines == 0 {
        return match r.findings.iter().find(|f| f.code == "crashed") {
            Some(f) => f.message.clone(),
            None => t!("trace-printed-nothing"),
        };
    }
    if r.right == r.counted {
        return if r.notes.is_empty() {
            t!("trace-all-right", count = r.counted)
        } else {
            t!("trace-all-right-see-note", count = r.counted)
        };
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
        parts.push(t!(
            "trace-right-of-carried",
            right = r.right,
            counted = r.counted,
            follows = follows
        ));
    } else {
        parts.push(t!("trace-right-of", right = r.right, counted = r.counted));
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
            message: t!(
                "trace-missing-line",
                line = clip(&layout.line(ks[0])),
                count = ks.len(),
                iterations = n
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
            message: if m == 1 {
                t!(
                    "trace-stopped-early-one",
                    count = m,
                    done = last_printed_step,
                    iterations = n
                )
            } else {
                t!(
                    "trace-stopped-early",
                    count = m,
                    done = last_printed_step,
                    iterations = n
                )
            },
        });
    }
    if extra_tail > 0 {
        let s = layout.step_lines().max(1);
        let (count, iterations) = (extra_tail, n);
        let message = match (extra_tail % s == 0, extra_tail == 1, extra_tail / s) {
            (false, true, _) => t!(
                "trace-ran-too-long-one",
                count = count,
                iterations = iterations
            ),
            (false, false, _) => t!("trace-ran-too-long", count = count, iterations = iterations),
            (true, true, steps) => t!(
                "trace-ran-too-long-one-step",
                count = count,
                steps = steps,
                iterations = iterations
            ),
            (true, false, 1) => t!(
                "trace-ran-too-long-step",
                count = count,
                steps = 1,
                iterations = iterations
            ),
            (true, false, steps) => t!(
                "trace-ran-too-long-steps",
                count = count,
                steps = steps,
                iterations = iterations
            ),
        };
        report.findings.push(Finding {
            code: "ran-too-long".into(),
            message,
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
        let example = clip(printed.get(j).copied().unwrap_or_default());
        notes.push(if n == 1 {
            t!("trace-extras-note-one", count = n, example = example)
        } else {
            t!("trace-extras-note", count = n, example = example)
        });
    }
    notes
}

fn other_labels(labels: &Labels, layout: &Layout, printed: &[&str]) -> Option<String> {
    if labels.other > 0 {
        let n = labels.other;
        let (k, j) = labels.first.unwrap_or((0, 0));
        let example = clip(printed.get(j).copied().unwrap_or_default());
        let template = layout.line(k);
        Some(if n == 1 {
            t!(
                "trace-other-labels-one",
                count = n,
                example = example,
                template = template
            )
        } else {
            t!(
                "trace-other-labels",
                count = n,
                example = example,
                template = template
            )
        })
    } else if labels.index > 0 {
        let n = labels.index;
        Some(if n == 1 {
            t!("trace-index-differs-one", count = n)
        } else {
            t!("trace-index-differs", count = n)
        })
    } else {
        None
    }
}

/// `line a`, or `lines a-b` for several.
fn range(a: usize, b: usize) -> String {
    if a == b {
        t!("trace-line", line = a)
    } else {
        t!("trace-line-range", first = a, last = b)
    }
}

/// `lines a-b follow correctly from your line n` (`follows` for one line).
fn follow(a: usize, b: usize, from: usize) -> String {
    let lines = range(a, b);
    if a == b {
        t!("trace-follows-one", lines = lines, from = from)
    } else {
        t!("trace-follows", lines = lines, from = from)
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
                (follow(a, b, l.judged_from.unwrap_or(0)), m)
            }
            LineStatus::Missing | LineStatus::Extra => {
                let m = run_end(lines, n + 1, l.status);
                let s = if l.status == LineStatus::Missing {
                    let a = l.line.unwrap_or(0);
                    let b = lines[m - 1].line.unwrap_or(a);
                    t!("trace-not-printed", lines = range(a, b))
                } else {
                    let a = l.printed_line.unwrap_or(0);
                    let b = lines[m - 1].printed_line.unwrap_or(a);
                    t!("trace-not-expected", lines = range(a, b))
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
        (Some(num), _) => t!("trace-line-number", line = at, number = num.describe()),
        (None, Some(note)) => t!("trace-line-note", line = at, note = note),
        (None, None) => t!("trace-line-wrong", line = at),
    };
    let wrong_after = run_end(lines, n + 1, LineStatus::Wrong);
    if wrong_after > n + 2 {
        // A run of wrong lines: one sentence for all of them.
        let a = lines[n + 1].printed_line.unwrap_or(0);
        let b = lines[wrong_after - 1].printed_line.unwrap_or(a);
        s.push_str("; ");
        s.push_str(&t!("trace-also-wrong", lines = range(a, b)));
        return (s, wrong_after);
    }
    let m = run_end(lines, n + 1, LineStatus::Follows);
    if m > n + 1 {
        let a = lines[n + 1].printed_line.unwrap_or(0);
        let b = lines[m - 1].printed_line.unwrap_or(0);
        s.push_str("; ");
        s.push_str(&follow(a, b, at));
    }
    (s, m)
}
