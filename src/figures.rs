//! Figures: turns engine results into the plain data that [`crate::plot`] draws.
//! Used by `gbl descend --plot` and by the book.

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

/// One run of a one-variable function as a path.
pub fn path1d(label: &str, problem: &Problem, run: &Run) -> Path1D {
    path1d_around(label, problem, run, None)
}

/// One run of a one-variable function as a path, the function drawn on both sides of its
/// minimiser `x_star` when that is known.
pub fn path1d_around(label: &str, problem: &Problem, run: &Run, x_star: Option<f64>) -> Path1D {
    path1d_including(label, problem, run, x_star, &[])
}

/// [`path1d_around`], with the function drawn at least over the values of `include` too
/// (to show a part of the function the run never visits, such as a deeper minimum).
pub fn path1d_including(
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

/// The contour of log f (or f, where f is not positive) with the path, for two variables.
pub fn contour_of(problem: &Problem, run: &Run) -> (Contour, Vec<(f64, f64)>) {
    contour_around(problem, run, None)
}

/// [`contour_of`], centred on the minimiser `x_star` when that is known.
pub fn contour_around(
    problem: &Problem,
    run: &Run,
    x_star: Option<&[f64]>,
) -> (Contour, Vec<(f64, f64)>) {
    let a = xs_of(run, 0);
    let b = xs_of(run, 1);
    let star = |k: usize| x_star.and_then(|s| s.get(k).copied());
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
    let raw: Vec<Vec<f64>> = ys
        .iter()
        .map(|&y| xs.iter().map(|&x| eval_at(problem, &[x, y])).collect())
        .collect();
    // f = 0 exactly (a grid point on the minimum) has log f = -inf, which is not drawn.
    let positive = raw.iter().flatten().all(|v| !v.is_finite() || *v >= 0.0)
        && raw.iter().flatten().any(|v| *v > 0.0);
    let (z, z_label) = if positive {
        let z = raw
            .iter()
            .map(|row| row.iter().map(|v| v.ln()).collect())
            .collect();
        (z, "log f".to_string())
    } else {
        (raw, "f".to_string())
    };
    let path = a.into_iter().zip(b).collect();
    let c = Contour {
        x_name: problem.vars[0].clone(),
        y_name: problem.vars[1].clone(),
        xs,
        ys,
        z,
        z_label,
    };
    (c, path)
}

/// The figure for a descent: the path on f (one variable), the contour with the path (two),
/// or each variable against the iteration (more).
pub fn descent_svg(d: &Descent) -> String {
    let title = format!("gradient descent on f = {}, lr = {}", d.f, d.run.lr);
    match d.problem.vars.len() {
        1 => plot::descent_path(
            &title,
            &path1d_around(
                &format!("f({}) = {}", d.problem.vars[0], d.f),
                &d.problem,
                &d.run,
                d.judgement.x_star.as_ref().and_then(|s| s.first().copied()),
            ),
        ),
        2 => {
            let (c, path) = contour_around(&d.problem, &d.run, d.judgement.x_star.as_deref());
            plot::contour(&title, &c, &path)
        }
        _ => {
            let series: Vec<(String, Vec<f64>)> = d
                .problem
                .vars
                .iter()
                .enumerate()
                .map(|(k, v)| (v.clone(), xs_of(&d.run, k)))
                .collect();
            plot::iterates(&title, &series)
        }
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
