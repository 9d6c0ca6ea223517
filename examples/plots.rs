//! Write one SVG of each plot kind, with the lecture's data computed by the engine, to a
//! folder, to look at them side by side.
//!
//! Usage: `cargo run --example plots -- OUT_DIR`

use std::path::PathBuf;

use gbl::playground::{self as backprop, Descent, descend};
use gbl::plot;
use gbl::plot::figures::{descent_svg, graph_svg, iterates_svg, label, path1d};

/// A run from the lecture: `f` from `x=3` (or `x1=3,x2=-2`) with learning rate `lr`.
fn lecture_run(f: &str, from: &str, lr: &str, steps: usize) -> anyhow::Result<Descent> {
    descend(f, &[from.to_string()], lr, steps, &[])
}

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "plots".into()));
    std::fs::create_dir_all(&dir)?;
    let write = |name: &str, svg: String| std::fs::write(dir.join(name), svg);

    let d = lecture_run("x^2/10", "x=3", "1", 20)?;
    write("descent_path.svg", descent_svg(&d))?;
    write(
        "iterates.svg",
        iterates_svg("x against iteration", &[("x_k".into(), &d.run)]),
    )?;

    // Three coefficients, the same learning rate.
    let three = ["x^2/10", "x^2/5", "x^2/3"]
        .into_iter()
        .map(|f| lecture_run(f, "x=3", "1", 10))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let paths: Vec<_> = three
        .iter()
        .map(|d| path1d(&label(&d.problem.vars, &d.f), &d.problem, &d.run))
        .collect();
    write(
        "side_by_side.svg",
        plot::side_by_side("Same learning rate, three functions", &paths),
    )?;
    let runs: Vec<(String, _)> = three
        .iter()
        .map(|d| (label(&d.problem.vars, &d.f), &d.run))
        .collect();
    write(
        "iterates_three.svg",
        iterates_svg("x against iteration, three functions", &runs),
    )?;

    // 2x^2 from 3 with lr 1 diverges: 3, -9, 27, -81, ...
    write(
        "diverging.svg",
        descent_svg(&lecture_run("2*x^2", "x=3", "1", 4)?),
    )?;
    let long = lecture_run("2*x^2", "x=3", "1", 60)?;
    write(
        "diverging_long.svg",
        iterates_svg("Divergence, 60 steps", &[("x_k".into(), &long.run)]),
    )?;

    // Two variables: the contour of log f with the path.
    write(
        "contour.svg",
        descent_svg(&lecture_run("x1^2 + x2^2", "x1=3,x2=-2", "0.1", 10)?),
    )?;

    // The chain-rule graph at x = 5: z = 3, y = 18, dy/dx = 12.
    let (g, p) = backprop::compute("z = x - 2; y = 2*z^2", &["x=5".to_string()])?;
    write(
        "graph.svg",
        graph_svg("Computational graph of y = 2(x - 2)^2", &g, &p),
    )?;
    Ok(())
}
