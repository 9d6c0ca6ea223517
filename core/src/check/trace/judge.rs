//! Pairing printed lines with expected ones, and judging each: against the reference, or,
//! after a departure, by one step of the rule from the student's own previous values.

use super::extract::{Extracted, extract};
use super::layout::{FieldInfo, Kind, Layout, Part, Slot};
use super::precision::{self, Digits, NumVerdict};
use super::scan::Number;
use crate::check::number::{Verdict, compare};
use crate::engine::PyNum;
use crate::engine::descent::Stepper;
use crate::exercise::model::Tolerance;
use crate::t;

/// The longest line judged, in bytes; longer ones are wrong without a closer look.
pub(crate) const MAX_LINE_BYTES: usize = 10_000;

pub(crate) use super::pair::{Pair, Paired};

/// A value a printed number is judged against.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Expect {
    /// The value.
    pub value: f64,
    /// How far the true value may be from it (0 for the reference; for a prediction from
    /// rounded values, how far that rounding can move it).
    pub spread: f64,
}

/// One field that does not match.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mismatch {
    /// The field's name.
    pub name: String,
    /// The expected value, printed with the student's digits (or the template's).
    pub expected: String,
    /// What was printed (`nothing` when no number was there).
    pub printed: String,
    /// Set when the printed number is a rounding of the value to fewer digits than the
    /// template asks for: what it asks.
    pub coarse: Option<Digits>,
}

/// How a line compares.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LineJudgement {
    /// Every number right.
    pub ok: bool,
    /// The first wrong field.
    pub mismatch: Option<Mismatch>,
    /// The labels differ from the template (a note, or wrong with `strict_labels`).
    pub labels_differ: bool,
    /// The iteration number differs (a label).
    pub index_differs: bool,
    /// The line prints more values than the template (a note).
    pub extras: bool,
    /// The line could not be read against the template (wrong number of numbers, too long).
    pub unreadable: Option<String>,
}

/// The settings for judging.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rules {
    /// Labels must match.
    pub strict: bool,
    /// The exercise's tolerance.
    pub tol: Option<Tolerance>,
}

/// The value `v` (scaled for a `%` field) as the template prints it; the reference's own
/// value where there is one (so an integer prints as one).
fn shown(v: f64, reference: Option<PyNum>, f: &FieldInfo) -> String {
    match reference {
        Some(r) if r.to_f64() * f.scale == v => f.format(r),
        _ => f.format(PyNum::Float(v / f.scale)),
    }
}

/// A printed number against `e` by the field's digits: the reference (no spread) or a
/// prediction from the student's own values.
pub(crate) fn judge_number(
    n: &Number,
    e: Expect,
    f: &FieldInfo,
    tol: Option<Tolerance>,
) -> NumVerdict {
    if e.spread > 0.0 {
        precision::against_prediction(n, e.value, e.spread, f.digits, tol)
    } else {
        precision::against_value(n, e.value, f.digits, tol)
    }
}

/// Whether a printed number is right for `e` at the digits printed: a correct rounding of
/// the value, within float noise of it, or within the tolerance; with a spread, a correct
/// rounding of some value within the spread. (The template's digits are judged by
/// [`judge_number`].)
pub(crate) fn number_ok(n: &Number, e: Expect, tol: Option<Tolerance>) -> bool {
    if !n.value.is_finite() || !e.value.is_finite() {
        return false;
    }
    if compare(&n.printed, e.value, 0, tol) == Verdict::Right
        || precision::within_noise(n.value, e.value)
    {
        return true;
    }
    if e.spread > 0.0 {
        let diff = (n.value - e.value).abs();
        let slack = 1e-12 * e.value.abs().max(n.value.abs()).max(1e-300);
        if diff <= n.half_unit() + e.spread + slack {
            return true;
        }
        if let Some(t) = tol {
            let widened = |l: f64| diff <= l + e.spread + slack;
            if t.abs.is_some_and(widened) || t.rel.is_some_and(|r| widened(r * e.value.abs())) {
                return true;
            }
        }
    }
    false
}

/// Judges printed line `text`, read as `ex`, against `expect` (one value per field;
/// `None` for the iteration number and for fields judged elsewhere).
pub(crate) fn judge_fields(
    fields: &[FieldInfo],
    ex: &Extracted,
    expect: &dyn Fn(&FieldInfo) -> Option<Expect>,
    reference: &dyn Fn(&FieldInfo) -> Option<PyNum>,
    rules: Rules,
) -> LineJudgement {
    let mut j = LineJudgement {
        ok: true,
        mismatch: None,
        labels_differ: !ex.same_labels,
        index_differs: false,
        extras: ex.extras,
        unreadable: None,
    };
    for (f, got) in fields.iter().zip(&ex.values) {
        let want = if f.kind == Kind::Index {
            reference(f).map(|v| Expect {
                value: v.to_f64(),
                spread: 0.0,
            })
        } else {
            expect(f)
        };
        let Some(want) = want else { continue };
        // A line that prints no iteration number (`print(x)`) numbers nothing differently.
        if f.kind == Kind::Index && got.is_none() {
            continue;
        }
        let want = Expect {
            value: want.value * f.scale,
            spread: want.spread * f.scale,
        };
        let verdict = got
            .as_ref()
            .map_or(NumVerdict::Wrong, |n| judge_number(n, want, f, rules.tol));
        if verdict == NumVerdict::Right {
            continue;
        }
        if f.kind == Kind::Index {
            j.index_differs = true;
            if !rules.strict {
                continue;
            }
        }
        j.ok = false;
        if j.mismatch.is_none() {
            let exact = (want.spread == 0.0).then(|| reference(f)).flatten();
            j.mismatch = Some(Mismatch {
                name: f.name.clone(),
                expected: shown(want.value, exact, f),
                printed: got
                    .as_ref()
                    .map_or_else(|| t!("trace-no-number"), |n| n.text.clone()),
                coarse: (verdict == NumVerdict::Coarse).then_some(f.digits),
            });
        }
    }
    // The template's exact text: other labels and extra values are wrong.
    if rules.strict && (j.labels_differ || ex.extras) {
        j.labels_differ = true;
        j.ok = false;
    }
    j
}

/// Everything needed to judge lines of one trace.
pub(crate) struct Judge<'a> {
    /// The expected output.
    pub layout: &'a Layout<'a>,
    /// The printed lines (line ends and trailing spaces removed).
    pub printed: &'a [&'a str],
    /// Strictness and tolerance.
    pub rules: Rules,
    /// For each printed line, its 0-based line number in the file (skipped lines counted).
    pub origin: &'a [usize],
}

impl Judge<'_> {
    /// The 1-based line number in the file of printed line j.
    pub(crate) fn line_no(&self, j: usize) -> usize {
        self.origin.get(j).map_or(j + 1, |o| o + 1)
    }

    /// Reads printed line j for expected line k.
    pub(super) fn extract(
        &self,
        k: usize,
        j: usize,
        expected_text: &str,
    ) -> Result<Extracted, String> {
        let line = self.printed.get(j).copied().unwrap_or_default();
        if line.len() > MAX_LINE_BYTES {
            return Err(t!("trace-line-too-long", bytes = line.len()));
        }
        let tpl = self.layout.tpl(self.layout.slot(k));
        extract(line, tpl, Some(expected_text)).ok_or_else(|| {
            let found = super::scan::numbers(line).count();
            let count = tpl.fields.len();
            if count == 1 {
                t!("trace-expected-numbers-one", count = count, found = found)
            } else {
                t!("trace-expected-numbers", count = count, found = found)
            }
        })
    }

    /// Judges printed line j against the reference of expected line k.
    pub(crate) fn against_reference(&self, k: usize, j: usize, buf: &mut String) -> LineJudgement {
        self.layout.render(k, buf);
        let line = self.printed.get(j).copied().unwrap_or_default();
        if line == buf.as_str() {
            return LineJudgement {
                ok: true,
                mismatch: None,
                labels_differ: false,
                index_differs: false,
                extras: false,
                unreadable: None,
            };
        }
        let slot = self.layout.slot(k);
        let tpl = self.layout.tpl(slot);
        let ex = match self.extract(k, j, buf) {
            Ok(ex) => ex,
            Err(why) => return unreadable(why),
        };
        let reference = |f: &FieldInfo| self.layout.value(slot, f);
        let expect = |f: &FieldInfo| {
            reference(f).map(|v| Expect {
                value: v.to_f64(),
                spread: 0.0,
            })
        };
        let mut j = judge_fields(&tpl.fields, &ex, &expect, &reference, self.rules);
        if tpl.fields.is_empty() && line.trim() != buf.trim() {
            j.labels_differ = true;
            j.ok = !self.rules.strict && !line.trim().is_empty();
        }
        j
    }
}

fn unreadable(why: String) -> LineJudgement {
    LineJudgement {
        ok: false,
        mismatch: None,
        labels_differ: false,
        index_differs: false,
        extras: false,
        unreadable: Some(why),
    }
}

/// The student's point after a step, as the next step starts from it.
#[derive(Clone, Debug)]
pub(crate) struct Basis {
    /// The point.
    pub x: Vec<PyNum>,
    /// How far each coordinate may be from the student's true value (half a unit of the last
    /// printed digit; 0 when taken from the reference).
    pub err: Vec<f64>,
    /// The printed line (1-based) the point was read from, if it was.
    pub from: Option<usize>,
    /// Whether the point is the student's own (after a departure), not the reference's.
    pub departed: bool,
}

/// The step map and f, evaluated at a point: (next point, f, gradient), as f64.
fn evaluate(l: &Layout, x: &[PyNum]) -> Option<(Vec<f64>, f64, Vec<f64>)> {
    let mut s = Stepper::new(&l.d.problem, x, l.d.run.lr).ok()?;
    let value = s.value.to_f64();
    let grad: Vec<f64> = s.gradient.iter().map(|g| g.to_f64()).collect();
    s.step().ok()?;
    Some((s.x.iter().map(|v| v.to_f64()).collect(), value, grad))
}

/// `g(x)` and how far it can move when each coordinate moves by up to `err` (measured by
/// moving each coordinate both ways; 5 % added for curvature).
fn spread(
    x: &[PyNum],
    err: &[f64],
    g: &dyn Fn(&[PyNum]) -> Option<Vec<f64>>,
) -> Option<(Vec<f64>, Vec<f64>)> {
    let base = g(x)?;
    let mut e = vec![0.0; base.len()];
    for (j, &ej) in err.iter().enumerate() {
        if ej <= 0.0 {
            continue;
        }
        let mut worst = vec![0.0f64; base.len()];
        for sign in [-1.0, 1.0] {
            let mut moved = x.to_vec();
            moved[j] = PyNum::Float(x[j].to_f64() + sign * ej);
            let gm = g(&moved)?;
            for (w, (a, b)) in worst.iter_mut().zip(gm.iter().zip(&base)) {
                *w = w.max((a - b).abs());
            }
        }
        for (ei, w) in e.iter_mut().zip(worst) {
            *ei += w * 1.05;
        }
    }
    Some((base, e))
}

/// The values one step of the reference rule gives from the student's previous point, for
/// one group of lines (one step's printout), with their spreads.
pub(crate) struct Prediction {
    /// The point after the step (or the basis itself for the header and footer).
    pub point: Vec<Expect>,
    /// f at the student's point after the step.
    pub value: Option<Expect>,
    /// The gradient at the point before the step.
    pub grad: Vec<Expect>,
}

impl Prediction {
    /// The predicted value of a field (`None` for the iteration number and `lr`, which are
    /// judged against the reference).
    pub(super) fn of(&self, f: &FieldInfo) -> Option<Expect> {
        match f.kind {
            Kind::Var(k) => self.point.get(k).copied(),
            Kind::Value => self.value,
            Kind::Grad(k) => self.grad.get(k).copied(),
            Kind::Index | Kind::Lr => None,
        }
    }
}

fn expects(v: &[f64], e: &[f64]) -> Vec<Expect> {
    v.iter()
        .zip(e)
        .map(|(&value, &spread)| Expect { value, spread })
        .collect()
}

/// The prediction for a group at `slot` from `basis`; `printed_point` holds the student's
/// printed values for the point after the step (with their half units), where printed.
pub(crate) fn predict(
    l: &Layout,
    slot: Slot,
    basis: &Basis,
    printed_point: &[Option<(PyNum, f64)>],
) -> Option<Prediction> {
    let (point, point_err, grad, grad_err) = if slot.part == Part::Step {
        let (next, next_err) = spread(&basis.x, &basis.err, &|x| evaluate(l, x).map(|r| r.0))?;
        let (grad, grad_err) = spread(&basis.x, &basis.err, &|x| evaluate(l, x).map(|r| r.2))?;
        (next, next_err, grad, grad_err)
    } else {
        let x: Vec<f64> = basis.x.iter().map(|v| v.to_f64()).collect();
        let (grad, grad_err) = spread(&basis.x, &basis.err, &|x| evaluate(l, x).map(|r| r.2))?;
        (x, basis.err.clone(), grad, grad_err)
    };
    // f is judged at the student's own point after the step where it is printed.
    let mut cur = Vec::with_capacity(point.len());
    let mut cur_err = Vec::with_capacity(point.len());
    for (k, (&v, &e)) in point.iter().zip(&point_err).enumerate() {
        match printed_point.get(k).copied().flatten() {
            Some((p, h)) => {
                cur.push(p);
                cur_err.push(h);
            }
            None => {
                cur.push(PyNum::Float(v));
                cur_err.push(e);
            }
        }
    }
    let value =
        spread(&cur, &cur_err, &|x| evaluate(l, x).map(|r| vec![r.1])).and_then(|(v, e)| {
            Some(Expect {
                value: *v.first()?,
                spread: *e.first()?,
            })
        });
    Some(Prediction {
        point: expects(&point, &point_err),
        value,
        grad: expects(&grad, &grad_err),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::trace::scan::parse_field;

    fn n(s: &str) -> Number {
        parse_field(s).expect("a number")
    }

    #[test]
    fn the_reference_is_compared_in_decimal() {
        let e = Expect {
            value: 2.4000000000000004,
            spread: 0.0,
        };
        assert!(number_ok(&n("2.4000"), e, None));
        assert!(number_ok(&n("2.40000000"), e, None));
        assert!(!number_ok(&n("2.4001"), e, None));
        let tol = Some(Tolerance {
            abs: Some(1e-4),
            rel: None,
        });
        // 2.4001 − 2.4 is a little more than 1e-4 in f64; in decimal it is exactly 1e-4.
        assert!(number_ok(&n("2.4001"), e, tol));
        assert!(parse_field("nan").is_none());
        assert!(!number_ok(&n("1e400"), e, None));
    }

    #[test]
    fn a_carried_line_accepts_a_rounding_neighbour_only_within_the_spread() {
        // From a printed 1.3288 (true value within ±0.00005), one step x − x/5 predicts
        // 1.06304 ± 0.00004: 1.0630 and 1.0631 are both possible roundings, 1.0632 is not.
        let e = Expect {
            value: 1.06304,
            spread: 0.00004,
        };
        assert!(number_ok(&n("1.0630"), e, None));
        assert!(number_ok(&n("1.0631"), e, None));
        assert!(!number_ok(&n("1.0632"), e, None));
        assert!(!number_ok(&n("1.0629"), e, None));
    }
}
