//! Figures of engine results: a descent or a graph turned into the plain data that the
//! drawing functions of [`crate::plot`] take. Every plot of a run, for `gbl descend --plot`
//! and for the book's `plot` directives, takes its data from here.

use crate::engine::backprop::{Graph, Pass};
use crate::engine::descent::{Problem, Run};
use crate::engine::{Expr, PyNum};
use crate::playground::Descent;
use crate::plot::{self, Contour, GraphEdge, GraphNode, Path1D};

/// Grid points across a function's plot.
const SAMPLES: usize = 201;

fn finite(v: &[f64]) -> impl Iterator<Item = f64> + '_ {
    v.iter().copied().filter(|x| x.is_finite())
}

/// A range covering `values` with a margin (at least one unit wide).
fn span(values: &[f64]) -> (f64, f64) {
    let lo = finite(values).fold(f64::INFINITY, f64::min);
    let hi = finite(values).fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return (-1.0, 1.0);
    }
    let width = (hi - lo).max(1.0);
    (lo - 0.15 * width, hi + 0.15 * width)
}

fn eval_at(problem: &Problem, x: &[f64]) -> f64 {
    let point: Vec<PyNum> = x.iter().map(|&v| PyNum::Float(v)).collect();
    problem.f.eval(&point).map_or(f64::NAN, PyNum::to_f64)
}

/// The visited x (one variable) of a run.
fn xs_of(run: &Run, k: usize) -> Vec<f64> {
    (0..run.len()).map(|i| run.point(i)[k].to_f64()).collect()
}

/// The values and their mirror images around the minimiser `x_star`, when it is known and
/// finite: a range over both covers the bowl on both sides of its bottom.
fn mirrored(values: &[f64], x_star: Option<f64>) -> Vec<f64> {
    match x_star.filter(|c| c.is_finite()) {
        Some(c) => values
            .iter()
            .flat_map(|&v| [v, 2.0 * c - v])
            .chain([c])
            .collect(),
        None => values.to_vec(),
    }
}

/// The minimiser of a function of one variable, when the verdict knows it.
fn x_star_1(d: &Descent) -> Option<f64> {
    d.judgement.x_star.as_ref().and_then(|s| s.first().copied())
}

/// One run of a one-variable function as a path.
pub fn path1d(label: &str, problem: &Problem, run: &Run) -> Path1D {
    path1d_including(label, problem, run, None, &[])
}

/// One run of a one-variable function as a path, the function drawn on both sides of its
/// minimiser `x_star` when that is known, and at least over the values of `include` (to
/// show a part of the function the run never visits, such as a deeper minimum).
fn path1d_including(
    label: &str,
    problem: &Problem,
    run: &Run,
    x_star: Option<f64>,
    include: &[f64],
) -> Path1D {
    let xs = xs_of(run, 0);
    let ys: Vec<f64> = (0..run.len()).map(|i| run.value(i).to_f64()).collect();
    let mut wanted = mirrored(&xs, x_star);
    wanted.extend(include.iter().copied().filter(|v| v.is_finite()));
    let (lo, hi) = span(&wanted);
    let f = (0..SAMPLES)
        .map(|i| {
            let x = lo + (hi - lo) * i as f64 / (SAMPLES - 1) as f64;
            (x, eval_at(problem, &[x]))
        })
        .collect();
    Path1D {
        label: label.to_string(),
        f,
        xs,
        ys,
    }
}

/// A descent of a function of one variable as a path labelled `f(x) = ...`, drawn around
/// its minimiser and at least over `include`.
pub(crate) fn path_of(d: &Descent, include: &[f64]) -> Path1D {
    let label = label(&d.problem.vars, &d.f);
    path1d_including(&label, &d.problem, &d.run, x_star_1(d), include)
}

/// Each variable of a descent against the iteration, the series named by `name`.
pub(crate) fn series_of(d: &Descent, name: impl Fn(&str) -> String) -> Vec<(String, Vec<f64>)> {
    (d.problem.vars.iter().enumerate())
        .map(|(k, v)| (name(v), xs_of(&d.run, k)))
        .collect()
}

/// The contour of log f (or f, where f is not positive) with the path of a descent in two
/// variables, centred on its minimiser when that is known.
pub(crate) fn contour_of(d: &Descent) -> (Contour, Vec<(f64, f64)>) {
    let run = &d.run;
    let a = xs_of(run, 0);
    let b = xs_of(run, 1);
    let star = |k: usize| d.judgement.x_star.as_ref().and_then(|s| s.get(k).copied());
    let (alo, ahi) = span(&mirrored(&a, star(0)));
    let (blo, bhi) = span(&mirrored(&b, star(1)));
    let half = ((ahi - alo).max(bhi - blo)) / 2.0;
    let (ac, bc) = ((alo + ahi) / 2.0, (blo + bhi) / 2.0);
    let n = 81;
    let grid = |c: f64| -> Vec<f64> {
        (0..n)
            .map(|i| c - half + 2.0 * half * i as f64 / (n - 1) as f64)
            .collect()
    };
    let (xs, ys) = (grid(ac), grid(bc));
    let (z, z_label) = log_if_positive(
        ys.iter()
            .map(|&y| xs.iter().map(|&x| eval_at(&d.problem, &[x, y])).collect())
            .collect(),
    );
    let path = a.into_iter().zip(b).collect();
    let c = Contour {
        x_name: d.problem.vars[0].clone(),
        y_name: d.problem.vars[1].clone(),
        xs,
        ys,
        z,
        z_label,
    };
    (c, path)
}

/// log f and its name where f is positive on the grid, else f itself. (f = 0 exactly, a
/// grid point on the minimum, has log f = -inf, which is not drawn.)
fn log_if_positive(raw: Vec<Vec<f64>>) -> (Vec<Vec<f64>>, String) {
    let positive = raw.iter().flatten().all(|v| !v.is_finite() || *v >= 0.0)
        && raw.iter().flatten().any(|v| *v > 0.0);
    if positive {
        let z = raw
            .iter()
            .map(|row| row.iter().map(|v| v.ln()).collect())
            .collect();
        (z, "log f".to_string())
    } else {
        (raw, "f".to_string())
    }
}

/// The title of a descent's figure.
fn descent_title(d: &Descent) -> String {
    gbl_core::t!("plot-path-title", f = d.f, lr = d.run.lr)
}

/// A descent of a function of one variable on its function, drawn at least over `include`.
pub(crate) fn path_svg(d: &Descent, include: &[f64]) -> String {
    plot::descent_path(&descent_title(d), &path_of(d, include))
}

/// The figure for a descent: the path on f (one variable), the contour with the path (two),
/// or each variable against the iteration (more).
pub fn descent_svg(d: &Descent) -> String {
    match d.problem.vars.len() {
        1 => path_svg(d, &[]),
        2 => {
            let (c, path) = contour_of(d);
            plot::contour(&descent_title(d), &c, &path)
        }
        _ => plot::iterates(&descent_title(d), &series_of(d, str::to_string)),
    }
}

/// x against the iteration for several runs of one-variable functions.
pub fn iterates_svg(title: &str, runs: &[(String, &Run)]) -> String {
    let series: Vec<(String, Vec<f64>)> = runs
        .iter()
        .map(|(label, run)| (label.clone(), xs_of(run, 0)))
        .collect();
    plot::iterates(title, &series)
}

/// A graph's nodes and edges, labelled with values, local derivatives and gradients.
pub fn graph_svg(title: &str, g: &Graph, p: &Pass) -> String {
    let output = g.output();
    let nodes: Vec<GraphNode> = p
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| GraphNode {
            name: name.clone(),
            expr: g
                .nodes
                .iter()
                .find(|n| &n.name == name)
                .map(|n| format!("{name} = {}", n.expr)),
            value: format!("{name} = {}", p.values[i]),
            grad: format!("d{output}/d{name} = {}", p.grads[i]),
        })
        .collect();
    let edges: Vec<GraphEdge> = p
        .edges
        .iter()
        .map(|e| GraphEdge {
            from: e.from,
            to: e.to,
            label: format!(
                "∂{}/∂{} = {} = {}",
                p.names[e.to], p.names[e.from], e.local_expr, e.local
            ),
        })
        .collect();
    plot::graph(title, &nodes, &edges)
}

/// A label for a function: `f(x) = 1/10*x^2`.
pub fn label(vars: &[String], f: &Expr) -> String {
    format!("f({}) = {f}", vars.join(", "))
}
