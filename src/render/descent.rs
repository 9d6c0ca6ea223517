//! Writing a descent as it is computed: JSON, a table or the `--print` templates, one step
//! at a time, so that memory stays flat in the number of steps.
//!
//! A first pass ([`survey`]) runs the descent to judge it (an [`Observer`] keeps only what the
//! verdict needs) and to measure the table's columns; the second pass runs it again and writes
//! each step as it comes. Both passes compute the same numbers, in the same order.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};

use crate::engine::descent::{StepError, Stepper, format_point};
use crate::engine::eval::EvalErrorKind;
use crate::engine::verdict::{Judgement, Observer, judge_observed, short};
use crate::engine::{PyNum, Verdict};
use crate::playground::Prepared;
use crate::pyfmt::Template;
use crate::reference_output::render::StepState;
use crate::style::Paint;

/// What the first pass found.
pub(crate) struct Survey {
    /// The verdict.
    pub(crate) judgement: Judgement,
    /// Why the run stopped early (an overflow), if it did.
    pub(crate) stopped: Option<StepError>,
    /// The table's column widths (empty when no table is written).
    pub(crate) widths: Vec<usize>,
}

/// Runs the descent, calling `each` with the stepper and the gradient its last update used,
/// for the start and after each update. A failed evaluation ends the walk and is returned.
fn walk(
    p: &Prepared,
    each: &mut dyn FnMut(&Stepper, &[PyNum]) -> anyhow::Result<()>,
) -> anyhow::Result<Option<StepError>> {
    let mut s = match Stepper::new(&p.problem, &p.x0, p.lr) {
        Ok(s) => s,
        Err(e) => return Ok(Some(e)),
    };
    let mut used = s.gradient.clone();
    each(&s, &used)?;
    for _ in 0..p.steps {
        used.copy_from_slice(&s.gradient);
        if let Err(e) = s.step() {
            return Ok(Some(e));
        }
        each(&s, &used)?;
    }
    Ok(None)
}

/// The first pass: the verdict, and the table's widths when `table`.
pub(crate) fn survey(p: &Prepared, table: bool) -> anyhow::Result<Survey> {
    let mut seen = Observer::new(&p.x0, p.steps + 1);
    let head = head_cells(&p.problem.vars);
    let mut widths: Vec<usize> = if table {
        head.iter().map(|h| h.chars().count()).collect()
    } else {
        Vec::new()
    };
    let stopped = walk(p, &mut |s, _| {
        seen.see(&s.x, s.value);
        if table {
            for (w, c) in widths.iter_mut().zip(row_cells(s)) {
                *w = (*w).max(c.chars().count());
            }
        }
        Ok(())
    })?;
    if let Some(e) = &stopped
        && e.error.kind != EvalErrorKind::Overflow
    {
        bail!("the run cannot go on {e}");
    }
    let judgement = judge_observed(&p.problem, &p.x0, p.lr, &seen, stopped.as_ref());
    Ok(Survey {
        judgement,
        stopped,
        widths,
    })
}

/// `--print` (and `--header`): each template rendered and written as its step is computed.
pub(crate) fn write_templates(
    p: &Prepared,
    header: Option<&Template>,
    step: &Template,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let vars = &p.problem.vars;
    walk(p, &mut |s, used| {
        let state = StepState {
            vars,
            lr: p.lr,
            i: s.i,
            x: &s.x,
            value: s.value,
            grad_used: used,
        };
        let t = if s.i == 0 { header } else { Some(step) };
        if let Some(t) = t {
            let line = state.render(t).map_err(|e| anyhow::anyhow!("{e}"))?;
            writeln!(out, "{line}")?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A point as a JSON object {VAR: NUM}.
struct PointJson<'a, X>(&'a [String], &'a [X]);

impl<X: Serialize> Serialize for PointJson<'_, X> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(Some(self.0.len()))?;
        for (v, x) in self.0.iter().zip(self.1) {
            m.serialize_entry(v, x)?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct StepJson<'a> {
    i: usize,
    point: PointJson<'a, PyNum>,
    value: PyNum,
    gradient: PointJson<'a, PyNum>,
}

/// The steps, computed while they are serialized.
struct StepsJson<'a>(&'a Prepared);

impl Serialize for StepsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let vars = &p.problem.vars;
        let mut seq = ser.serialize_seq(None)?;
        let mut failed = None;
        // The first pass proved the run; an error here is the serializer's (e.g. the reader
        // went away), carried out of the closure.
        let _ = walk(p, &mut |s, _| {
            let step = StepJson {
                i: s.i,
                point: PointJson(vars, &s.x),
                value: s.value,
                gradient: PointJson(vars, &s.gradient),
            };
            if let Err(e) = seq.serialize_element(&step) {
                failed = Some(e);
                bail!("stop");
            }
            Ok(())
        });
        if let Some(e) = failed {
            return Err(e);
        }
        seq.end()
    }
}

/// The contract's JSON: expr, lr, steps [{i, point, value, gradient}], verdict; plus the
/// verdict's reason, the decisive factor, lr_max, x_star, diverged_at and the derivatives.
#[derive(Serialize)]
struct DescentJson<'a> {
    expr: String,
    lr: PyNum,
    steps: StepsJson<'a>,
    verdict: &'static str,
    reason: &'a str,
    factor: Option<f64>,
    lr_max: Option<f64>,
    x_star: Option<PointJson<'a, f64>>,
    diverged_at: Option<usize>,
    stopped: Option<String>,
    derivative: serde_json::Map<String, serde_json::Value>,
}

/// Writes the JSON document, the steps as they are computed.
pub(crate) fn write_json(p: &Prepared, seen: &Survey, out: &mut dyn Write) -> anyhow::Result<()> {
    let vars = &p.problem.vars;
    let j = &seen.judgement;
    let mut derivative = serde_json::Map::new();
    for (v, g) in vars.iter().zip(p.problem.grad_exprs()) {
        derivative.insert(v.clone(), serde_json::Value::String(g.to_string()));
    }
    let doc = DescentJson {
        expr: p.f.to_string(),
        lr: p.lr,
        steps: StepsJson(p),
        verdict: j.verdict.name(),
        reason: &j.reason,
        factor: j.factor,
        lr_max: j.lr_max,
        x_star: j.x_star.as_deref().map(|x| PointJson(vars, x)),
        diverged_at: j.diverged_at,
        stopped: seen.stopped.as_ref().map(|e| e.to_string()),
        derivative,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

fn head_cells(vars: &[String]) -> Vec<String> {
    let mut head = vec!["step".to_string()];
    head.extend(vars.iter().cloned());
    head.push("f".into());
    head.extend(vars.iter().map(|v| format!("∂f/∂{v}")));
    head
}

fn row_cells(s: &Stepper) -> Vec<String> {
    let mut r = vec![s.i.to_string()];
    r.extend(s.x.iter().map(|x| cell(*x)));
    r.push(cell(s.value));
    r.extend(s.gradient.iter().map(|x| cell(*x)));
    r
}

fn line(cells: &[String], widths: &[usize]) -> String {
    cells
        .iter()
        .zip(widths)
        .map(|(c, w)| format!("{c:>w$}"))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The table: f, its gradient, the start, one row per step as it is computed, the verdict.
pub(crate) fn write_table(
    p: &Prepared,
    seen: &Survey,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let vars = &p.problem.vars;
    let grads: Vec<String> = vars
        .iter()
        .zip(p.problem.grad_exprs())
        .map(|(v, g)| format!("∂f/∂{v} = {}", g.presented()))
        .collect();
    writeln!(
        out,
        "{} {}",
        paint.dim("f ="),
        paint.code(&p.f.presented().to_string())
    )?;
    writeln!(out, "{}", paint.dim(&grads.join("    ")))?;
    writeln!(
        out,
        "{}",
        paint.dim(&format!(
            "lr = {}, from {}",
            p.lr,
            format_point(vars, &p.x0)
        ))
    )?;
    let widths = &seen.widths;
    writeln!(out, "{}", paint.strong(&line(&head_cells(vars), widths)))?;
    walk(p, &mut |s, _| {
        writeln!(out, "{}", line(&row_cells(s), widths))?;
        Ok(())
    })?;
    if let Some(e) = &seen.stopped {
        writeln!(out, "{}", paint.bad(&format!("stopped {e}")))?;
    }
    let j = &seen.judgement;
    let verdict = match j.verdict {
        Verdict::Converges | Verdict::Oscillates => paint.good(j.verdict.name()),
        _ => paint.bad(j.verdict.name()),
    };
    writeln!(out, "verdict: {verdict}: {}", j.reason)?;
    match (j.diverged_at, &seen.stopped) {
        // The reason already says where the run left its bound.
        (Some(k), _) if j.reason.contains(&format!("at step {k}")) => {}
        (Some(k), Some(stop)) if stop.step == k => {
            writeln!(out, "the values stop being finite numbers at step {k}")?
        }
        (Some(k), _) => {
            let x0: Vec<f64> = p.x0.iter().map(|x| x.to_f64()).collect();
            let b = crate::engine::verdict::bound(&x0);
            writeln!(out, "|x| passes {} at step {k}", short(b))?
        }
        (None, _) => {}
    }
    if let Some(m) = j.lr_max {
        writeln!(out, "learning rates below {} converge", short(m))?;
    }
    Ok(())
}

/// A table cell: up to 6 significant digits.
fn cell(x: PyNum) -> String {
    match x {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => short(f),
    }
}
