//! Checking a trace: the lines a student's program printed while it ran gradient descent.
//!
//! # Reading
//! The file is UTF-8 (a byte-order mark is dropped); lines end in `\n` or `\r\n`; trailing
//! spaces and trailing empty lines do not count. Each printed line is paired with an expected
//! line: line by line when there are as many of each, else by a Myers diff (from `similar`)
//! over the stretch between the agreeing first and last lines, where a printed line *equals*
//! an expected one when it agrees with it by the rules below (so a missing or an extra line in
//! the middle does not shift every line after it).
//!
//! # One line against the reference
//! A line is read against its template: when the text around the numbers is the template's,
//! each field's number is read where the field is; otherwise (other labels, `iter 1: x =
//! 2.4000`) its numbers are taken in order, one per field (or, if the template's own text has
//! numbers, one per number of the expected line). Only the numbers count: other labels earn a
//! note, and are wrong only with `strict_labels`. The iteration number `i` is a label too.
//! A number is right when it is the engine's full-precision value correctly rounded to the
//! digits printed (more digits are fine), compared in decimal, or within the exercise's
//! tolerance (see [`crate::check::number`]). `nan`, `inf` and `1e400` are never right.
//!
//! # Credit carried forward
//! After a line departs from the reference, each later step is judged by one step of the
//! reference rule from the student's *own* previous values: the point after step i is
//! predicted as `S(p) = p − lr·∇f(p)` where `p` is what the student printed for the point
//! after step i−1 (every variable taken from the student's lines; one not printed is taken
//! from the prediction). `y` is f at the student's printed point after the step, the gradient
//! is ∇f(p). A printed value has fewer digits than the student's true value: the truth lies
//! within `h` = half a unit of the last printed digit of each coordinate of `p` (0 for a value
//! printed whole by `{x}`). That uncertainty moves the prediction by at most `E`, measured by
//! evaluating the rule with each coordinate moved by ±h (plus 5 % for curvature). A carried
//! line is right when its number is a correct rounding, to the digits it prints, of *some*
//! value within `E` of the prediction: `|printed − prediction| ≤ h_printed + E` — which
//! accepts either rounding neighbour exactly when the propagated error could flip the last
//! digit — or within the tolerance widened by `E`. Such a line is `follows` and earns
//! [`FOLLOWS_CREDIT`] (a whole line: the score counts the lines that are right under the
//! rule). A step whose lines all agree with the reference puts the student back on it (the
//! next step is predicted from the reference exactly).
//!
//! A single slip therefore costs its own line only, wherever it falls; a printing typo
//! (later lines back on the reference) costs one line too. A different rule (see [`diagnose`]) is wrong on
//! every line, and once a rule is named no credit is carried forward: lines earn credit only
//! where they happen to agree with the reference.
//!
//! # Score
//! `points × credit / (expected lines + extra lines)`, where a correct line earns 1 and a
//! follows line [`FOLLOWS_CREDIT`]; missing lines earn nothing and extra lines count against. The lines before
//! the loop (the header) do not make a trace on their own: when no line after an update
//! earns credit, the score is 0.
//!
//! # Report
//! [`TraceReport`] is data: per-line verdicts (serialized as the JSON array `lines` of the
//! question), a summary, the named mistake, notes. [`render_text`] draws a unified diff
//! around the departures. For traces of more than [`MAX_LISTED_LINES`] lines only the lines
//! that are not plainly correct are listed.

mod diagnose;
mod judge;
mod layout;
mod scan;
mod text;

use serde::Serialize;
use serde_json::json;

pub use text::render_text;

use super::number::Printed;
use super::{Context, Given, QuestionReport, Status};
use crate::engine::PyNum;
use crate::exercise::compute::{Computed, Results};
use crate::exercise::model::{Question, TraceQuestion};
use crate::pyfmt::Template;
use crate::trace::render::{StepFields, render_templates};
use diagnose::{Found, WindowLine};
use judge::{Basis, Judge, LineJudgement, Pair, Rules, judge_fields, predict};
use layout::{Kind, Layout, Part};

/// Traces longer than this list only the lines that are not plainly correct.
pub const MAX_LISTED_LINES: usize = 20_000;
/// What a carried-forward line earns, as a fraction of a correct line: it shows the right rule
/// applied to the student's own value, so it counts as right and one slip costs its own line.
pub const FOLLOWS_CREDIT: f64 = 1.0;
/// How many lines from the first departure the diagnosis looks at.
const WINDOW: usize = 40;
/// The longest printed text kept in a report, in characters.
const MAX_SHOWN_CHARS: usize = 200;

/// A line's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineStatus {
    /// Agrees with the reference.
    Correct,
    /// Departs from the reference, but follows from the student's own previous line by one
    /// step of the right rule (credit carried forward).
    Follows,
    /// Wrong.
    Wrong,
    /// Expected, not printed.
    Missing,
    /// Printed, not expected.
    Extra,
}

/// One number that does not match.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberReport {
    /// The field's name in the template (`x`, `y`).
    pub name: String,
    /// The expected value, with the digits printed.
    pub expected: String,
    /// What was printed there.
    pub printed: String,
}

/// One line's verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineReport {
    /// 1-based line number in the expected output (`None` for an extra line).
    pub line: Option<usize>,
    /// 1-based line number in the printed file (`None` for a missing line).
    pub printed_line: Option<usize>,
    /// The verdict.
    pub status: LineStatus,
    /// The expected line (the reference's).
    pub expected: Option<String>,
    /// The printed line.
    pub printed: Option<String>,
    /// For a `follows` line: the printed line whose values it was judged from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judged_from: Option<usize>,
    /// For a `wrong` line: the first number that is wrong, against the reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<NumberReport>,
    /// Why the line could not be read, or that its labels differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A named mistake in a trace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// A short code (`learning-rate`, `add-gradient`, `stopped-early`).
    pub code: String,
    /// What to tell the student.
    pub message: String,
}

/// The verdict on a whole trace. Serialized as the array of its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceReport {
    /// How many lines were expected.
    pub expected_lines: usize,
    /// How many lines were printed (trailing empty lines left out).
    pub printed_lines: usize,
    /// Lines that earn credit (correct or follows).
    pub right: usize,
    /// The credit earned, in lines: a correct line earns 1, a follows line
    /// [`FOLLOWS_CREDIT`].
    pub credit: f64,
    /// Lines the score is out of (expected plus extra).
    pub counted: usize,
    /// The first line (printed line number, else expected) that departs, if any.
    pub first_departure: Option<usize>,
    /// What went wrong, one sentence per departure (`line 5: expected 1.2288, printed
    /// 1.3288; lines 6-21 follow correctly from your line 5`).
    pub summary: Vec<String>,
    /// The mistakes named.
    pub findings: Vec<Finding>,
    /// Notes that cost nothing (other labels).
    pub notes: Vec<String>,
    /// Correct lines left out of `lines` (long traces only).
    pub omitted_correct: usize,
    /// Every line's verdict, in order.
    pub lines: Vec<LineReport>,
}

impl Serialize for TraceReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.lines.serialize(s)
    }
}

fn templates(list: &[String]) -> Result<Option<Template>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    let joined = list.join("\n");
    Template::parse(&joined)
        .map(Some)
        .map_err(|e| format!("{}\n{}", e.message, e.render_with_caret(&joined)))
}

/// The reference output: what a Python program printing with the question's templates prints.
pub fn reference_lines(t: &TraceQuestion, results: &Results) -> Result<Vec<String>, String> {
    let Some(Computed::Descent(d)) = results.runs.get(&t.run) else {
        return Err(format!("'{}' is not a descent run", t.run));
    };
    let header = templates(&t.header)?;
    let step = templates(&t.step)?.ok_or("a trace needs a step template")?;
    let footer = templates(&t.footer)?;
    let fields = StepFields::new(&d.run);
    let mut lines = Vec::new();
    render_templates(&fields, header.as_ref(), &step, footer.as_ref(), &mut lines)
        .map_err(|e| e.message)?;
    Ok(lines)
}

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
    let d = match ctx.results.runs.get(&t.run) {
        Some(Computed::Descent(d)) => d,
        _ => {
            return base(
                Status::Invalid,
                format!("the exercise is broken: '{}' is not a descent run", t.run),
                None,
            );
        }
    };
    if d.run.is_empty() {
        return base(
            Status::Invalid,
            "the exercise is broken: its run cannot even start".into(),
            None,
        );
    }
    let layout = match Layout::new(t, d) {
        Ok(l) => l,
        Err(e) => {
            return base(
                Status::Invalid,
                format!("the exercise is broken: {e}"),
                None,
            );
        }
    };
    let (name, text) = match given {
        None => return base(Status::Missing, "no trace given".into(), None),
        Some(Given::Trace { name, text }) => (name.clone(), text.as_str()),
        Some(Given::Unreadable { name, reason }) => {
            return base(Status::Invalid, reason.clone(), Some(name.clone()));
        }
        Some(Given::Text(t)) => ("(text)".to_string(), t.as_str()),
    };
    let printed = printed_lines(text);
    let report = check_lines(&layout, &printed, t);
    let mut r = base(
        if report.right == report.counted && report.counted > 0 {
            Status::Correct
        } else {
            Status::Wrong
        },
        feedback(&report),
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
        json!(format!("{} lines", layout.len()))
    };
    r.lines = Some(report);
    r
}

fn feedback(r: &TraceReport) -> String {
    if r.printed_lines == 0 {
        return "your program printed nothing".into();
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

/// The values of the variable fields a printed line gives, with their half units.
fn printed_point(
    layout: &Layout,
    k: usize,
    ex: &layout::Extracted,
    out: &mut [Option<(PyNum, f64)>],
) {
    let slot = layout.slot(k);
    let tpl = layout.tpl(slot);
    for (f, got) in tpl.fields.iter().zip(&ex.values) {
        if let (Kind::Var(v), Some(n)) = (f.kind, got)
            && n.value.is_finite()
            && let Some(slot_out) = out.get_mut(v)
        {
            let reference_int = layout.value(slot, f).is_some_and(PyNum::is_int);
            let value = if reference_int && n.is_integer_literal() && n.value.abs() < 1e15 {
                PyNum::Int(n.value as i64)
            } else {
                PyNum::Float(n.value / f.scale)
            };
            let h = if f.exact {
                0.0
            } else {
                n.half_unit() / f.scale
            };
            *slot_out = Some((value, h));
        }
    }
}

/// Judges the printed lines against the layout.
fn check_lines(layout: &Layout, printed: &[&str], t: &TraceQuestion) -> TraceReport {
    let rules = Rules {
        strict: t.strict_labels,
        tol: t.tolerance,
    };
    let judge = Judge {
        layout,
        printed,
        rules,
    };
    let ne = layout.len();
    let mut report = TraceReport {
        expected_lines: ne,
        printed_lines: printed.len(),
        right: 0,
        credit: 0.0,
        counted: ne,
        first_departure: None,
        summary: Vec::new(),
        findings: Vec::new(),
        notes: Vec::new(),
        omitted_correct: 0,
        lines: Vec::new(),
    };
    if printed.is_empty() {
        report.summary.push("your program printed nothing".into());
        return report;
    }
    let pairs = judge.align();
    // Pass 1: each pair against the reference.
    let mut buf = String::new();
    let mut ok = Vec::with_capacity(pairs.len());
    let mut label_lines = 0usize;
    let mut index_lines = 0usize;
    let mut first_label: Option<(usize, usize)> = None;
    for p in &pairs {
        match *p {
            Pair::Both(k, j) => {
                let r = judge.against_reference(k, j, &mut buf);
                if r.ok && r.labels_differ {
                    label_lines += 1;
                    first_label.get_or_insert((k, j));
                }
                if r.ok && r.index_differs {
                    index_lines += 1;
                    first_label.get_or_insert((k, j));
                }
                ok.push(r.ok);
            }
            _ => ok.push(false),
        }
    }
    let first_bad = ok.iter().position(|o| !o);

    // The student's start, for the diagnosis.
    let vars = layout.d.run.vars.len();
    let mut start_printed: Vec<Option<(PyNum, f64)>> = vec![None; vars];
    for p in &pairs {
        if let Pair::Both(k, j) = *p
            && layout.slot(k).part == Part::Header
        {
            layout.render(k, &mut buf);
            if let Ok(ex) = judge.extract(k, j, &buf) {
                printed_point(layout, k, &ex, &mut start_printed);
            }
        }
    }
    let start: Vec<PyNum> = start_printed
        .iter()
        .zip(&layout.d.x0)
        .map(|(p, x0)| p.map_or(*x0, |(v, _)| v))
        .collect();

    // Pass 2: name the rule from the first departing lines.
    let mut rule: Option<Found> = None;
    if let Some(fb) = first_bad {
        let mut window = Vec::new();
        for (idx, p) in pairs.iter().enumerate().skip(fb) {
            if window.len() >= WINDOW {
                break;
            }
            if let Pair::Both(k, j) = *p {
                layout.render(k, &mut buf);
                if let Ok(ex) = judge.extract(k, j, &buf) {
                    window.push(WindowLine {
                        k,
                        ex,
                        ref_ok: ok[idx],
                    });
                }
            }
        }
        rule = diagnose::rule(layout, &window, &start, rules.tol);
    }
    let carry = rule.is_none();

    // Pass 3: carry credit forward, group by group, and build the line reports.
    let listed_all = ne + printed.len() <= 2 * MAX_LISTED_LINES;
    let mut basis = Basis {
        x: layout.d.x0.clone(),
        err: vec![0.0; vars],
        from: None,
        departed: false,
    };
    let mut idx = 0;
    let mut lines: Vec<LineReport> = Vec::new();
    let mut omitted = 0usize;
    let mut extra = 0usize;
    let mut right = 0usize;
    let mut right_steps = 0usize;
    let mut credit = 0.0f64;
    while idx < pairs.len() {
        // One group: the lines printed from one step's values, with extra lines among them.
        let group = match pairs[idx] {
            Pair::Both(k, _) | Pair::Missing(k) => layout.slot(k).group,
            Pair::Extra(_) => usize::MAX,
        };
        let mut end = idx + 1;
        while end < pairs.len() {
            let g = match pairs[end] {
                Pair::Both(k, _) | Pair::Missing(k) => layout.slot(k).group,
                Pair::Extra(_) => group,
            };
            if g != group {
                break;
            }
            end += 1;
        }
        let members = idx..end;
        idx = end;
        let group_ok = members
            .clone()
            .all(|m| ok[m] || matches!(pairs[m], Pair::Extra(_)));
        let slot = match pairs[members.start] {
            Pair::Both(k, _) | Pair::Missing(k) => Some(layout.slot(k)),
            Pair::Extra(_) => None,
        };
        // The student's printed point in this group.
        let mut point: Vec<Option<(PyNum, f64)>> = vec![None; vars];
        let mut point_line: Option<usize> = None;
        if !group_ok {
            for m in members.clone() {
                if let Pair::Both(k, j) = pairs[m] {
                    layout.render(k, &mut buf);
                    if let Ok(ex) = judge.extract(k, j, &buf) {
                        let before = point.iter().filter(|p| p.is_some()).count();
                        printed_point(layout, k, &ex, &mut point);
                        if point.iter().filter(|p| p.is_some()).count() > before {
                            point_line = Some(j + 1);
                        }
                    }
                    point_line.get_or_insert(j + 1);
                }
            }
        }
        let prediction = match slot {
            // A departing group is predicted even from the reference: its own `y` is judged
            // at the point the student printed in it.
            Some(s) if !group_ok && carry => predict(layout, s, &basis, &point),
            _ => None,
        };
        for m in members {
            let (status, line) = match pairs[m] {
                Pair::Extra(j) => {
                    extra += 1;
                    (
                        LineStatus::Extra,
                        LineReport {
                            line: None,
                            printed_line: Some(j + 1),
                            status: LineStatus::Extra,
                            expected: None,
                            printed: Some(clip(printed[j])),
                            judged_from: None,
                            number: None,
                            note: None,
                        },
                    )
                }
                Pair::Missing(k) => (
                    LineStatus::Missing,
                    LineReport {
                        line: Some(k + 1),
                        printed_line: None,
                        status: LineStatus::Missing,
                        expected: Some(layout.line(k)),
                        printed: None,
                        judged_from: None,
                        number: None,
                        note: None,
                    },
                ),
                Pair::Both(k, j) => {
                    let mut rep = LineReport {
                        line: Some(k + 1),
                        printed_line: Some(j + 1),
                        status: LineStatus::Correct,
                        expected: None,
                        printed: None,
                        judged_from: None,
                        number: None,
                        note: None,
                    };
                    if !ok[m] {
                        let r: LineJudgement = judge.against_reference(k, j, &mut buf);
                        let follows = prediction.as_ref().is_some_and(|pred| {
                            let slot = layout.slot(k);
                            let tpl = layout.tpl(slot);
                            judge.extract(k, j, &buf).is_ok_and(|ex| {
                                let reference = |f: &layout::FieldInfo| layout.value(slot, f);
                                let expect = |f: &layout::FieldInfo| match f.kind {
                                    Kind::Lr => reference(f).map(|v| judge::Expect {
                                        value: v.to_f64(),
                                        spread: 0.0,
                                    }),
                                    _ => pred.of(f),
                                };
                                judge_fields(&tpl.fields, &ex, &expect, &reference, rules).ok
                            })
                        });
                        if follows {
                            rep.status = LineStatus::Follows;
                            rep.judged_from = if basis.departed {
                                basis.from
                            } else {
                                point_line
                            };
                        } else {
                            rep.status = LineStatus::Wrong;
                        }
                        rep.number = r.mismatch.map(|mm| NumberReport {
                            name: mm.name,
                            expected: mm.expected,
                            printed: mm.printed,
                        });
                        rep.note = r.unreadable.or_else(|| {
                            (t.strict_labels && r.labels_differ)
                                .then(|| "the labels differ from the template's".to_string())
                        });
                    }
                    (rep.status, rep)
                }
            };
            if matches!(status, LineStatus::Correct | LineStatus::Follows) {
                right += 1;
                credit += if status == LineStatus::Follows {
                    FOLLOWS_CREDIT
                } else {
                    1.0
                };
                if slot.is_some_and(|s| s.part != Part::Header) {
                    right_steps += 1;
                }
            }
            if status == LineStatus::Correct && !listed_all {
                omitted += 1;
                continue;
            }
            let mut line = line;
            if line.expected.is_none()
                && let Some(k) = line.line
            {
                line.expected = Some(layout.line(k - 1));
            }
            if line.printed.is_none()
                && let Some(j) = line.printed_line
            {
                line.printed = Some(clip(printed[j - 1]));
            }
            lines.push(line);
        }
        // Where the next step starts from.
        if let Some(s) = slot {
            if group_ok {
                // The run is not empty (checked before), so the point exists.
                let i = s.i.min(layout.d.run.len().saturating_sub(1));
                basis = Basis {
                    x: layout.d.run.point(i).to_vec(),
                    err: vec![0.0; vars],
                    from: None,
                    departed: false,
                };
            } else {
                let mut x = Vec::with_capacity(vars);
                let mut err = Vec::with_capacity(vars);
                for (v, printed_v) in point.iter().enumerate() {
                    match *printed_v {
                        Some((p, h)) => {
                            x.push(p);
                            err.push(h);
                        }
                        None => match prediction.as_ref().and_then(|p| p.point.get(v)) {
                            Some(e) if s.part == Part::Step => {
                                x.push(PyNum::Float(e.value));
                                err.push(e.spread);
                            }
                            _ => {
                                let i = s.i.min(layout.d.run.len().saturating_sub(1));
                                x.push(
                                    layout
                                        .d
                                        .run
                                        .point(i)
                                        .get(v)
                                        .copied()
                                        .unwrap_or(PyNum::Int(0)),
                                );
                                err.push(0.0);
                            }
                        },
                    }
                }
                basis = Basis {
                    x,
                    err,
                    from: point_line.or(basis.from),
                    departed: true,
                };
            }
        }
    }
    // The lines before the first update do not make a trace on their own.
    if right_steps == 0 && right > 0 {
        report.notes.push(
            "no line after an update earns credit, so the lines before the loop earn nothing either"
                .into(),
        );
        right = 0;
        credit = 0.0;
    }
    report.right = right;
    report.credit = credit;
    report.counted = ne + extra;
    report.omitted_correct = omitted;
    report.first_departure = lines
        .iter()
        .find(|l| l.status != LineStatus::Correct)
        .and_then(|l| l.printed_line.or(l.line));
    report.summary = summarize(&lines);
    if let Some(f) = rule {
        report.findings.push(Finding {
            code: f.code.to_string(),
            message: f.message,
        });
    }
    length_findings(layout, &pairs, &mut report);
    if label_lines > 0 {
        let (k, j) = first_label.unwrap_or((0, 0));
        report.notes.push(format!(
            "{label_lines} line{} use{} other labels than the template (e.g. `{}` for `{}`); only the numbers count",
            if label_lines == 1 { "" } else { "s" },
            if label_lines == 1 { "s" } else { "" },
            clip(printed.get(j).copied().unwrap_or_default()),
            layout.line(k)
        ));
    } else if index_lines > 0 {
        report.notes.push(format!(
            "{index_lines} line{} number the iterations differently from the template",
            if index_lines == 1 { "" } else { "s" }
        ));
    }
    report.lines = lines;
    report
}

/// Stopping early and running too long, from the unpaired lines at the end.
fn length_findings(layout: &Layout, pairs: &[Pair], report: &mut TraceReport) {
    let missing_tail: Vec<usize> = pairs
        .iter()
        .rev()
        .take_while(|p| matches!(p, Pair::Missing(_)))
        .filter_map(|p| match p {
            Pair::Missing(k) => Some(*k),
            _ => None,
        })
        .collect();
    let extra_tail = pairs
        .iter()
        .rev()
        .take_while(|p| matches!(p, Pair::Extra(_)))
        .count();
    let n = layout.updates();
    if !missing_tail.is_empty() {
        let last_printed_step = pairs
            .iter()
            .filter_map(|p| match p {
                Pair::Both(k, _) => Some(layout.slot(*k)),
                _ => None,
            })
            .filter(|s| s.part == Part::Step)
            .map(|s| s.i)
            .max()
            .unwrap_or(0);
        let m = missing_tail.len();
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

fn range(a: usize, b: usize) -> String {
    if a == b {
        format!("line {a}")
    } else {
        format!("lines {a}-{b}")
    }
}

/// One sentence per departure: the wrong line, and the lines that follow from it.
fn summarize(lines: &[LineReport]) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let l = &lines[n];
        let at = l.printed_line.or(l.line).unwrap_or(0);
        match l.status {
            LineStatus::Correct => {
                n += 1;
                continue;
            }
            LineStatus::Wrong => {
                let mut s = match (&l.number, &l.note) {
                    (Some(num), _) => format!(
                        "line {at}: expected {}, printed {}",
                        num.expected, num.printed
                    ),
                    (None, Some(note)) => format!("line {at}: {note}"),
                    (None, None) => format!("line {at} is wrong"),
                };
                let mut m = n + 1;
                let mut wrong_after = n + 1;
                while wrong_after < lines.len() && lines[wrong_after].status == LineStatus::Wrong {
                    wrong_after += 1;
                }
                if wrong_after > n + 2 {
                    // A run of wrong lines: one sentence for all of them.
                    let a = lines[n + 1].printed_line.unwrap_or(0);
                    let b = lines[wrong_after - 1].printed_line.unwrap_or(a);
                    s.push_str(&format!("; {} are wrong too", range(a, b)));
                    out.push(s);
                    n = wrong_after;
                    continue;
                }
                while m < lines.len() && lines[m].status == LineStatus::Follows {
                    m += 1;
                }
                if m > n + 1 {
                    let a = lines[n + 1].printed_line.unwrap_or(0);
                    let b = lines[m - 1].printed_line.unwrap_or(0);
                    s.push_str(&format!(
                        "; {} follow{} correctly from your line {at}",
                        range(a, b),
                        if a == b { "s" } else { "" }
                    ));
                }
                out.push(s);
                n = m;
            }
            LineStatus::Follows => {
                let a = l.printed_line.unwrap_or(0);
                let mut m = n + 1;
                while m < lines.len() && lines[m].status == LineStatus::Follows {
                    m += 1;
                }
                let b = lines[m - 1].printed_line.unwrap_or(a);
                out.push(format!(
                    "{} follow{} correctly from your line {}",
                    range(a, b),
                    if a == b { "s" } else { "" },
                    l.judged_from.unwrap_or(0)
                ));
                n = m;
            }
            LineStatus::Missing | LineStatus::Extra => {
                let status = l.status;
                let mut m = n + 1;
                while m < lines.len() && lines[m].status == status {
                    m += 1;
                }
                if status == LineStatus::Missing {
                    let a = l.line.unwrap_or(0);
                    let b = lines[m - 1].line.unwrap_or(a);
                    out.push(format!("expected {} not printed", range(a, b)));
                } else {
                    let a = l.printed_line.unwrap_or(0);
                    let b = lines[m - 1].printed_line.unwrap_or(a);
                    out.push(format!("{} not expected", range(a, b)));
                }
                n = m;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_lines_drop_line_ends_and_trailing_blank_lines() {
        assert_eq!(printed_lines("a\r\nb  \n\n\n"), ["a", "b"]);
        assert_eq!(printed_lines("\u{feff}a\n"), ["a"]);
        assert!(printed_lines("\n\n").is_empty());
    }
}
