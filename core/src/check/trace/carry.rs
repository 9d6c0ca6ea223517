//! Judging a trace line by line, with credit carried forward.
//!
//! Three passes over the paired lines: 1. each pair against the reference and 2. the wrong
//! rule named from the first departing lines (both in `reference_pass.rs`); then
//! 3. group by group (the lines printed from one step's values), each departing line against
//!    one step of the reference rule from the student's own previous values,
//!    `S(p) = p − lr·∇f(p)` ± `E`, unless a rule was named ([`carry_forward`]).

use std::ops::Range;

use super::judge::{Basis, Expect, Judge, Pair, Paired, Prediction, judge_fields, predict};
use super::layout::{FieldInfo, Kind, Layout, Part, Slot};
use super::reference_pass::{PrintedPoint, printed_point};
use super::{FOLLOWS_CREDIT, LineReport, LineStatus, MAX_LISTED_LINES, NumberReport, clip};
use crate::engine::PyNum;
use crate::t;

/// What the lines earned, in pass 3.
#[derive(Default)]
pub(super) struct Tally {
    /// Lines that earn credit (correct or follows).
    pub right: usize,
    /// The credit earned, in lines.
    pub credit: f64,
    /// Lines that earn credit and were printed after an update (not in the header).
    pub right_steps: usize,
    /// Correct lines left out of the report (long traces only).
    pub omitted: usize,
    /// Printed lines not expected.
    pub extra: usize,
    /// Departing lines left out of the report past [`MAX_LISTED_LINES`].
    pub unlisted: usize,
}

impl Tally {
    /// Counts one line: a correct line earns 1, a follows line [`FOLLOWS_CREDIT`], an extra
    /// line counts against.
    fn count(&mut self, status: LineStatus, slot: Option<Slot>) {
        match status {
            LineStatus::Correct | LineStatus::Follows => {
                self.right += 1;
                self.credit += if status == LineStatus::Follows {
                    FOLLOWS_CREDIT
                } else {
                    1.0
                };
                if slot.is_some_and(|s| s.part != Part::Header) {
                    self.right_steps += 1;
                }
            }
            LineStatus::Extra => self.extra += 1,
            LineStatus::Wrong | LineStatus::Missing => {}
        }
    }
}

/// Where a pair's expected line comes from; an extra line comes from no step.
fn slot_of(layout: &Layout, p: Pair) -> Option<Slot> {
    match p.get() {
        Paired::Both(k, _) | Paired::Missing(k) => Some(layout.slot(k)),
        Paired::Extra(_) => None,
    }
}

/// The group that starts at pair `start`: the pairs printed from one step's values, with the
/// extra lines among and after them (extra lines before any expected line make a group of
/// their own).
fn group_at(layout: &Layout, pairs: &[Pair], start: usize) -> Range<usize> {
    let group = slot_of(layout, pairs[start]).map(|s| s.group);
    let mut end = start + 1;
    while let Some(&p) = pairs.get(end) {
        if let Some(s) = slot_of(layout, p)
            && Some(s.group) != group
        {
            break;
        }
        end += 1;
    }
    start..end
}

/// The point the student printed in a departing group, and the printed line (1-based) it was
/// last read from (else the group's last printed line).
fn group_point(
    judge: &Judge,
    pairs: &[Pair],
    members: Range<usize>,
    buf: &mut String,
) -> (PrintedPoint, Option<usize>) {
    let layout = judge.layout;
    let mut point: PrintedPoint = vec![None; layout.d.run.vars.len()];
    let mut point_line = None;
    for m in members {
        if let Paired::Both(k, j) = pairs[m].get() {
            layout.render(k, buf);
            if let Ok(ex) = judge.extract(k, j, buf) {
                let before = point.iter().filter(|p| p.is_some()).count();
                printed_point(layout, k, &ex, &mut point);
                if point.iter().filter(|p| p.is_some()).count() > before {
                    point_line = Some(j + 1);
                }
            }
            point_line.get_or_insert(j + 1);
        }
    }
    (point, point_line)
}

/// Whether printed line j follows from the student's previous values: read against expected
/// line k (rendered in `expected`), each number is a correct rounding of some value within the
/// spread of the prediction (`lr` and the iteration number against the reference).
fn follows(judge: &Judge, k: usize, j: usize, expected: &str, pred: &Prediction) -> bool {
    let layout = judge.layout;
    let slot = layout.slot(k);
    let tpl = layout.tpl(slot);
    judge.extract(k, j, expected).is_ok_and(|ex| {
        let reference = |f: &FieldInfo| layout.value(slot, f);
        let expect = |f: &FieldInfo| match f.kind {
            Kind::Lr => reference(f).map(|v| Expect {
                value: v.to_f64(),
                spread: 0.0,
            }),
            _ => pred.of(f),
        };
        judge_fields(&tpl.fields, &ex, &expect, &reference, judge.rules).ok
    })
}

/// A printed line j that departs from expected line k: `follows` when it follows from the
/// prediction (judged from the line the student's previous point was read from), else
/// `wrong`; either way with its first number wrong against the reference, or why it could not
/// be read, or (with `strict_labels`) that its labels differ.
fn departing_line(
    judge: &Judge,
    (k, j): (usize, usize),
    prediction: Option<&Prediction>,
    judged_from: Option<usize>,
    buf: &mut String,
) -> LineReport {
    let r = judge.against_reference(k, j, buf);
    let follows = prediction.is_some_and(|pred| follows(judge, k, j, buf, pred));
    let mut rep = bare_line(Some(k), Some(j), LineStatus::Wrong);
    if follows {
        rep.status = LineStatus::Follows;
        rep.judged_from = judged_from;
    }
    rep.number = r.mismatch.map(|mm| NumberReport {
        name: mm.name,
        expected: mm.expected,
        printed: mm.printed,
        coarse: mm.coarse.map(|d| d.describe()),
    });
    rep.note = r
        .unreadable
        .or_else(|| (judge.rules.strict && r.labels_differ).then(|| t!("trace-labels-differ")));
    rep
}

/// A line's verdict without its texts, for expected line k and printed line j (0-based).
fn bare_line(k: Option<usize>, j: Option<usize>, status: LineStatus) -> LineReport {
    LineReport {
        line: k.map(|k| k + 1),
        printed_line: j.map(|j| j + 1),
        status,
        expected: None,
        printed: None,
        judged_from: None,
        number: None,
        note: None,
    }
}

/// A line's verdict with the expected and the printed text filled in (the printed one clipped).
fn with_texts(mut line: LineReport, layout: &Layout, printed: &[&str]) -> LineReport {
    line.expected = line.line.map(|k| layout.line(k - 1));
    line.printed = line.printed_line.map(|j| clip(printed[j - 1]));
    line
}

/// Back on the reference: after a step whose lines all agree with it, the next step is
/// predicted from the reference's point exactly.
fn on_reference(layout: &Layout, s: Slot) -> Basis {
    // The run is not empty (checked before), so the point exists.
    let i = s.i.min(layout.d.run.len().saturating_sub(1));
    Basis {
        x: layout.d.run.point(i).to_vec(),
        err: vec![0.0; layout.d.run.vars.len()],
        from: None,
        departed: false,
    }
}

/// The student's own point after a departing step, as the next step starts from it: each
/// variable as printed (within half a unit); one not printed taken from the prediction in a
/// step (with its spread), else from the reference.
fn student_basis(
    layout: &Layout,
    s: Slot,
    point: &[Option<(PyNum, f64)>],
    point_line: Option<usize>,
    prediction: Option<&Prediction>,
    previous: &Basis,
) -> Basis {
    let vars = layout.d.run.vars.len();
    let mut x = Vec::with_capacity(vars);
    let mut err = Vec::with_capacity(vars);
    for (v, printed_v) in point.iter().enumerate() {
        let (value, h) = match *printed_v {
            Some(printed) => printed,
            None => match prediction.and_then(|p| p.point.get(v)) {
                Some(e) if s.part == Part::Step => (PyNum::Float(e.value), e.spread),
                _ => {
                    let i = s.i.min(layout.d.run.len().saturating_sub(1));
                    let reference = layout.d.run.point(i).get(v).copied();
                    (reference.unwrap_or(PyNum::Int(0)), 0.0)
                }
            },
        };
        x.push(value);
        err.push(h);
    }
    Basis {
        x,
        err,
        from: point_line.or(previous.from),
        departed: true,
    }
}

/// Pass 3: every line's verdict, group by group. A group whose lines all agree with the
/// reference is correct and puts the student back on it; in a departing group, each departing
/// line `follows` when one step of the rule from the student's previous point predicts it
/// (only when `carry`: no wrong rule was named), else it is `wrong`. For a long trace the
/// correct lines are counted, not listed.
pub(super) fn carry_forward(
    judge: &Judge,
    pairs: &[Pair],
    ok: &[bool],
    carry: bool,
) -> (Vec<LineReport>, Tally) {
    let layout = judge.layout;
    let printed = judge.printed;
    let listed_all = layout.len() + printed.len() <= 2 * MAX_LISTED_LINES;
    let mut basis = Basis {
        x: layout.d.x0.clone(),
        err: vec![0.0; layout.d.run.vars.len()],
        from: None,
        departed: false,
    };
    let mut lines: Vec<LineReport> = Vec::new();
    let mut tally = Tally::default();
    let mut buf = String::new();
    let mut idx = 0;
    while idx < pairs.len() {
        let members = group_at(layout, pairs, idx);
        idx = members.end;
        let group_ok = members
            .clone()
            .all(|m| ok[m] || matches!(pairs[m].get(), Paired::Extra(_)));
        let slot = slot_of(layout, pairs[members.start]);
        let (point, point_line) = if group_ok {
            (vec![None; layout.d.run.vars.len()], None)
        } else {
            group_point(judge, pairs, members.clone(), &mut buf)
        };
        let prediction = match slot {
            // A departing group is predicted even from the reference: its own `y` is judged
            // at the point the student printed in it.
            Some(s) if !group_ok && carry => predict(layout, s, &basis, &point),
            _ => None,
        };
        let judged_from = if basis.departed {
            basis.from
        } else {
            point_line
        };
        for m in members {
            let line = match pairs[m].get() {
                Paired::Extra(j) => bare_line(None, Some(j), LineStatus::Extra),
                Paired::Missing(k) => bare_line(Some(k), None, LineStatus::Missing),
                Paired::Both(k, j) if ok[m] => bare_line(Some(k), Some(j), LineStatus::Correct),
                Paired::Both(k, j) => {
                    departing_line(judge, (k, j), prediction.as_ref(), judged_from, &mut buf)
                }
            };
            tally.count(line.status, slot);
            if line.status == LineStatus::Correct && !listed_all {
                tally.omitted += 1;
                continue;
            }
            // A budget on the report: past it, departing lines are counted, not listed.
            if lines.len() >= MAX_LISTED_LINES {
                tally.unlisted += 1;
                continue;
            }
            lines.push(with_texts(line, layout, printed));
        }
        // Where the next step starts from.
        if let Some(s) = slot {
            basis = if group_ok {
                on_reference(layout, s)
            } else {
                student_basis(layout, s, &point, point_line, prediction.as_ref(), &basis)
            };
        }
    }
    (lines, tally)
}
