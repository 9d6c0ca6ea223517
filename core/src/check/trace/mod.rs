//! Checking a trace: the lines a student's program printed while it ran gradient descent.
//!
//! # Reading
//! The file is UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark (the
//! caller decodes it: `gbl`'s `fsutil::decode_trace`); lines end in `\n` or `\r\n`; trailing
//! spaces and trailing empty lines do not count; a Python traceback is cut off and named. Lines that are not the
//! answer — blank lines, console text, debug prints without the iteration's shape — are
//! skipped with one note and never counted (`shape.rs`).
//!
//! # Pairing
//! Each answer line is paired with an expected line: line by line when there are as many of
//! each, else by a diff bounded by work, never by time (`align.rs`).
//!
//! # One line against the reference
//! A line is read against its template (`extract.rs`): by the template's text; by position
//! (other labels, `iter 1: x = 2.4000`, `print(i, x)`); or, with more values than the
//! template (`1-th x: 2.4000  grad: 0.6000`), by the template's text followed by the extras or
//! by each field's name. Only the numbers count: other labels and extra values earn a note,
//! and other labels are wrong only with `strict_labels`. The iteration number `i` is a label
//! too. A number is judged by the digits the template asks for (`precision.rs`): within float
//! noise, or the reference at the template's digits (fewer digits only when the value is the
//! same decimal; more digits when they round to it), or within the exercise's tolerance.
//! `nan`, `inf` and `1e400` are never right.
//!
//! # Credit carried forward
//! After a line departs from the reference, each later step is judged by one step of the
//! reference rule from the student's *own* previous values: the point after step i is
//! predicted as `S(p) = p − lr·∇f(p)` where `p` is what the student printed for the point
//! after step i−1 (every variable taken from the student's lines; one not printed is taken
//! from the prediction). `y` is f at the student's printed point after the step, the gradient
//! is ∇f(p). A printed value has fewer digits than the student's true value: the truth lies
//! within `h` = half a unit of the last digit printed (or asked by the template, if fewer) of
//! each coordinate of `p` (0 for a value printed whole by `{x}`). That uncertainty moves the
//! prediction by at most `E`, measured by evaluating the rule with each coordinate moved by
//! ±h (plus 5 % for curvature). A carried line is right when its number is a rounding, to the
//! template's digits, of *some* value within `E` of the prediction, or within the tolerance
//! widened by `E`. Such a line is `follows` and earns [`FOLLOWS_CREDIT`]. A step whose lines
//! all agree with the reference puts the student back on it.
//!
//! No credit is carried forward when a rule is named (see `diagnose.rs`), when no number shows
//! the template's digits, or when the run began at another start than the student's own
//! (`start.rs`). A trace printed before the update is re-paired so that each line is judged
//! against the iteration it shows (`before.rs`).
//!
//! # Score
//! `points × credit / (expected lines + extra lines)`, where a correct line earns 1 and a
//! follows line [`FOLLOWS_CREDIT`]; missing lines earn nothing and extra lines count against;
//! skipped lines do not count. The lines before the loop (the header) do not make a trace on
//! their own: when no line after an update earns credit, the score is 0; lines that all print
//! the same value after each update earn nothing.
//!
//! # Report
//! [`TraceReport`] is data: per-line verdicts (serialized as the JSON array `lines` of the
//! question), a summary, the named mistakes (`findings.rs`), notes. [`render_text`] draws a
//! unified diff around the departures with the expected numbers as the template prints them,
//! and the scoring rule in one line under it. For traces of more than [`MAX_LISTED_LINES`]
//! lines only the lines that are not plainly correct are listed.

mod align;
mod before;
mod carry;
mod coarse;
mod combine;
mod diagnose;
mod extract;
mod findings;
mod judge;
mod layout;
mod line_shape;
mod pair;
mod precision;
mod reference_pass;
mod report;
mod rounding;
mod scan;
mod shape;
mod start;
mod stream;
mod summary;
mod window;
mod wrong_runs;

use serde_json::json;

use super::number::Printed;
use super::{Context, Given, QuestionReport, Status, TraceFiles};
use crate::exercise::compute::Computed;
use crate::exercise::model::{Question, TraceQuestion};
use crate::t;
// The reference output, under its old path here.
pub use crate::exercise::expected_trace::reference_lines;
use judge::{Judge, Rules};
use layout::Layout;
pub use report::{Finding, LineReport, LineStatus, NumberReport, TraceReport};

/// The most lines a trace may have, unless the task prints more than half as many: then twice
/// the lines it prints. Judging costs time and memory per line; a 20 MB file of 10,000,000
/// short lines is refused at once instead of judged for seconds.
pub(crate) const MAX_TRACE_LINES: usize = 200_000;
/// Traces longer than this list only the lines that are not plainly correct.
pub(crate) const MAX_LISTED_LINES: usize = 20_000;
/// What a carried-forward line earns, as a fraction of a correct line: it shows the right rule
/// applied to the student's own value, so it counts as right and one slip costs its own line.
pub(crate) const FOLLOWS_CREDIT: f64 = 1.0;
/// The largest trace file read, in bytes.
pub const MAX_TRACE_BYTES: u64 = 64 << 20;
/// The longest printed text kept in a report, in characters.
const MAX_SHOWN_CHARS: usize = 200;

/// The numbers in a line, as printed (`1-th x: 2.4000` has 1 and 2.4000; the 1 of `x1` is
/// part of a name).
pub fn numbers(line: &str) -> Vec<Printed> {
    scan::numbers(line).map(|n| n.printed).collect()
}

/// The printed lines: line ends, trailing spaces and trailing empty lines removed.
fn printed_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// How many lines [`printed_lines`] gives, counted without keeping them.
fn printed_count(text: &str) -> usize {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut lines, mut blank_run) = (0, 0);
    for line in text.split('\n') {
        if line.trim_end().is_empty() {
            blank_run += 1;
        } else {
            lines += blank_run + 1;
            blank_run = 0;
        }
    }
    lines
}

/// A Python traceback printed with the output (`2>&1`): cuts it off the printed lines and
/// returns its last line, the error (`NameError: name 'x' is not defined`).
fn python_error(printed: &mut Vec<&str>) -> Option<String> {
    let at = printed
        .iter()
        .position(|l| l.starts_with("Traceback (most recent call last):"))?;
    let error = printed[at..]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map_or_else(String::new, |l| clip(l.trim()));
    printed.truncate(at);
    Some(error)
}

fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_SHOWN_CHARS {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX_SHOWN_CHARS).collect();
        out.push('…');
        out
    }
}

/// Checks a trace question.
pub fn check_question(
    ctx: &Context,
    q: &Question,
    t: &TraceQuestion,
    given: Option<&Given>,
    files: &dyn TraceFiles,
) -> QuestionReport {
    let base = |status, feedback: String, given: Option<String>| QuestionReport {
        id: q.id().to_string(),
        status,
        expected: json!(null),
        given,
        feedback,
        score: 0.0,
        max_score: q.points(),
        mistake: None,
        lines: None,
    };
    let layout = match layout_of(ctx, t) {
        Ok(l) => l,
        Err(why) => return base(Status::Invalid, why, None),
    };
    let read;
    let (name, text) = match given {
        None => return base(Status::Missing, t!("trace-no-trace-given"), None),
        Some(Given::Trace { name, text }) => (name.clone(), text.as_str()),
        Some(Given::TraceFile { name, path }) => {
            let limit = MAX_TRACE_BYTES;
            if let Some(report) = files
                .stream(path, limit)
                .and_then(|mut lines| stream::exact_long_trace(&layout, &mut lines))
            {
                return finish(q, &layout, report, base, name.clone());
            }
            read = match files.text(path, limit) {
                Ok(text) => text,
                Err(e) => {
                    let why = t!(
                        "trace-cannot-read",
                        name = crate::clip::quoted(name),
                        error = e
                    );
                    return base(Status::Invalid, why, Some(name.clone()));
                }
            };
            (name.clone(), read.as_str())
        }
        Some(Given::Unreadable { name, reason }) => {
            return base(Status::Invalid, reason.clone(), Some(name.clone()));
        }
        Some(Given::Text(t)) => ("(text)".to_string(), t.as_str()),
    };
    let (count, budget) = (printed_count(text), MAX_TRACE_LINES.max(2 * layout.len()));
    if count > budget {
        let why = t!(
            "trace-too-many-lines",
            name = crate::clip::quoted(&name),
            count = count,
            budget = budget,
            lines = layout.len()
        );
        return base(Status::Invalid, why, Some(name));
    }
    let mut printed = printed_lines(text);
    let crash = python_error(&mut printed);
    let printed_count = printed.len();
    let mut report = check_lines(&layout, printed, t, align::Limits::default());
    if let Some(error) = crash {
        report.findings.insert(0, crashed(printed_count, &error));
    }
    finish(q, &layout, report, base, name)
}

/// The lines the trace question's run prints, or why the exercise is broken.
fn layout_of<'a>(ctx: &'a Context, t: &TraceQuestion) -> Result<Layout<'a>, String> {
    let d = match ctx.results.runs.get(&t.run) {
        Some(Computed::Descent(d)) => d,
        _ => {
            return Err(t!("trace-broken-not-descent", run = t.run));
        }
    };
    if d.run.is_empty() {
        return Err(t!("trace-broken-cannot-start"));
    }
    Layout::new(t, d).map_err(|e| t!("trace-broken", error = e))
}

/// The program stopped with `error` after printing `printed` lines.
fn crashed(printed: usize, error: &str) -> Finding {
    Finding {
        code: "crashed".into(),
        message: match printed {
            0 => t!("trace-crashed-before-printing", error = error),
            1 => t!("trace-crashed-after-one", count = 1, error = error),
            n => t!("trace-crashed-after", count = n, error = error),
        },
    }
}

/// The question's verdict from the trace's report: status, feedback, score, the mistake
/// named and the expected output.
fn finish(
    q: &Question,
    layout: &Layout,
    report: TraceReport,
    base: impl Fn(Status, String, Option<String>) -> QuestionReport,
    name: String,
) -> QuestionReport {
    let mut r = base(
        if report.right == report.counted && report.counted > 0 {
            Status::Correct
        } else {
            Status::Wrong
        },
        summary::feedback(&report),
        Some(name),
    );
    r.score = if report.counted == 0 {
        0.0
    } else {
        super::round_score(q.points() * report.credit / report.counted as f64)
    };
    r.mistake = report
        .findings
        .iter()
        .find(|f| !matches!(f.code.as_str(), "stopped-early" | "ran-too-long"))
        .or(report.findings.first())
        .map(|f| f.code.clone());
    r.expected = if layout.len() <= MAX_LISTED_LINES {
        let mut all = String::new();
        for k in 0..layout.len() {
            if k > 0 {
                all.push('\n');
            }
            all.push_str(&layout.line(k));
        }
        json!(all)
    } else {
        json!(t!("trace-expected-lines", count = layout.len()))
    };
    r.lines = Some(report);
    r
}

/// Judges the printed lines against the layout: pairs them, judges each against the
/// reference, names a wrong rule, carries credit forward, and sums up.
fn check_lines(
    layout: &Layout,
    all_printed: Vec<&str>,
    t: &TraceQuestion,
    limits: align::Limits,
) -> TraceReport {
    let all_count = all_printed.len();
    let answer = shape::answer_lines(layout, all_printed);
    let printed = answer.lines.as_slice();
    let judge = Judge {
        layout,
        printed,
        rules: Rules {
            strict: t.strict_labels,
            tol: t.tolerance,
        },
        origin: &answer.origin,
    };
    let mut report = empty_report(layout.len(), all_count, &answer);
    if all_count == 0 {
        report.summary.push(t!("trace-printed-nothing"));
        return report;
    }
    if printed.is_empty() {
        report.summary.push(t!("trace-no-answer-lines"));
        return report;
    }
    let mut pairs = align::align(&judge, limits);
    let mut verdicts = reference_pass::against_reference(&judge, &pairs);
    let rule = reference_pass::name_rule(&judge, &pairs, &verdicts.ok);
    let printed_before = rule
        .as_ref()
        .is_some_and(|f| f.code == "print-before-update");
    if printed_before {
        pairs = before::shifted(layout, &pairs);
        verdicts = reference_pass::against_reference(&judge, &pairs);
    }
    let coarse = coarse::coarse_trace(&judge, &pairs);
    let mut other_start = start::other_start(&judge, &pairs, &verdicts.ok);
    let carry = rule.is_none() && coarse.is_none() && other_start.is_none();
    let (mut lines, mut tally) = carry::carry_forward(&judge, &pairs, &verdicts.ok, carry);
    if carry && let Some(message) = start::unanchored(&judge, &pairs, &verdicts.ok, &lines) {
        // The lines follow from a first update that is not one step from the start.
        other_start = Some(message);
        (lines, tally) = carry::carry_forward(&judge, &pairs, &verdicts.ok, false);
    }
    numbered_in_file(&mut lines, &answer.origin);
    let garbage = rule.as_ref().is_some_and(|f| f.code == "constant-lines");
    score(&mut report, &tally, garbage, &lines);
    let other_output = rule.is_none()
        && answer.shaped == 0
        && 2 * answer.labelled >= printed.len()
        && tally.right_steps == 0
        && !printed_before;
    let found = findings::Found {
        rule,
        other_start,
        coarse,
        other_output,
    };
    report
        .findings
        .extend(findings::collect(layout, found, &lines));
    if !printed_before && !other_output {
        summary::length_findings(layout, &pairs, &mut report);
    }
    report
        .notes
        .extend(summary::label_note(&verdicts.labels, layout, printed));
    report.lines = lines;
    report
}

/// The report before any line is judged: nothing right, every expected line counted.
fn empty_report(expected: usize, printed: usize, answer: &shape::Answer) -> TraceReport {
    TraceReport {
        expected_lines: expected,
        printed_lines: printed,
        right: 0,
        credit: 0.0,
        counted: expected,
        first_departure: None,
        summary: Vec::new(),
        findings: Vec::new(),
        notes: answer.note.iter().cloned().collect(),
        omitted_correct: 0,
        omitted_departing: 0,
        skipped: answer.skipped,
        lines: Vec::new(),
    }
}

/// Line numbers in the file, skipped lines counted (`origin`: each answer line's 0-based
/// line in the file, empty when none was skipped).
fn numbered_in_file(lines: &mut [LineReport], origin: &[usize]) {
    let in_file = |j: usize| origin.get(j - 1).map_or(j, |o| o + 1);
    for l in lines {
        l.printed_line = l.printed_line.map(in_file);
        l.judged_from = l.judged_from.map(in_file);
    }
}

/// The credit, the lines counted and the summary, from the tally of the judged `lines`.
/// Lines that print the same values after every update (`garbage`) earn nothing, and nor do
/// the lines before the loop on their own.
fn score(report: &mut TraceReport, tally: &carry::Tally, garbage: bool, lines: &[LineReport]) {
    let (mut right, mut credit) = (tally.right, tally.credit);
    if garbage {
        right = 0;
        credit = 0.0;
    }
    if tally.right_steps == 0 && right > 0 {
        report.notes.push(t!("trace-header-alone"));
        right = 0;
        credit = 0.0;
    }
    report.right = right;
    report.credit = credit;
    report.counted = report.expected_lines + tally.extra;
    report.omitted_correct = tally.omitted;
    report.omitted_departing = tally.unlisted;
    report.first_departure = lines
        .iter()
        .find(|l| l.status != LineStatus::Correct)
        .and_then(|l| l.printed_line.or(l.line));
    report.summary = summary::summarize(lines);
}

#[cfg(test)]
mod tests;
