//! Write one SVG of each plot kind, with the lecture's data, to a folder.
//!
//! Usage: `cargo run --example plots -- OUT_DIR`

use std::path::PathBuf;

use gbl::plot::{self, Contour, GraphEdge, GraphNode, Path1D};

/// `n + 1` evenly spaced points from `a` to `b`.
fn grid(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..=n).map(|i| a + (b - a) * i as f64 / n as f64).collect()
}

/// A run of `steps` steps of `x := x - lr * df(x)` from `x0`, on `f` sampled over `[a, b]`.
fn run(
    label: &str,
    f: impl Fn(f64) -> f64,
    df: impl Fn(f64) -> f64,
    lr: f64,
    x0: f64,
    steps: usize,
    (a, b): (f64, f64),
) -> Path1D {
    let mut xs = vec![x0];
    for _ in 0..steps {
        let x = xs[xs.len() - 1];
        xs.push(x - lr * df(x));
    }
    Path1D {
        label: label.to_string(),
        f: grid(a, b, 200).into_iter().map(|x| (x, f(x))).collect(),
        ys: xs.iter().map(|&x| f(x)).collect(),
        xs,
    }
}

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "plots".into()));
    std::fs::create_dir_all(&dir)?;
    let write = |name: &str, svg: String| std::fs::write(dir.join(name), svg);

    // f(x) = x^2/10 from 3, 20 steps of x := x - x/5.
    let p = run(
        "f(x) = x^2/10",
        |x| x * x / 10.0,
        |x| x / 5.0,
        1.0,
        3.0,
        20,
        (-3.5, 3.5),
    );
    write(
        "descent_path.svg",
        plot::descent_path("Gradient descent on f(x) = x^2/10", &p),
    )?;
    write(
        "iterates.svg",
        plot::iterates(
            "Iterates x_k, f(x) = x^2/10",
            &[("x_k".into(), p.xs.clone())],
        ),
    )?;

    // Three functions, lr = 1, 10 steps.
    let runs = [
        run(
            "f1(x) = x^2/10",
            |x| x * x / 10.0,
            |x| x / 5.0,
            1.0,
            3.0,
            10,
            (-3.5, 3.5),
        ),
        run(
            "f2(x) = x^2/5",
            |x| x * x / 5.0,
            |x| 2.0 * x / 5.0,
            1.0,
            3.0,
            10,
            (-3.5, 3.5),
        ),
        run(
            "f3(x) = x^2/3",
            |x| x * x / 3.0,
            |x| 2.0 * x / 3.0,
            1.0,
            3.0,
            10,
            (-3.5, 3.5),
        ),
    ];
    write(
        "side_by_side.svg",
        plot::side_by_side("Same step size, three functions", &runs),
    )?;
    let series: Vec<(String, Vec<f64>)> = runs
        .iter()
        .map(|r| (r.label.clone(), r.xs.clone()))
        .collect();
    write(
        "iterates_three.svg",
        plot::iterates("x against iteration, three functions", &series),
    )?;

    // 2x^2 from 3 with lr 1 diverges: 3, -9, 27, -81, ...
    let d = run(
        "f(x) = 2x^2",
        |x| 2.0 * x * x,
        |x| 4.0 * x,
        1.0,
        3.0,
        4,
        (-90.0, 90.0),
    );
    write(
        "diverging.svg",
        plot::descent_path("Divergence on f(x) = 2x^2", &d),
    )?;
    let long = run(
        "f(x) = 2x^2",
        |x| 2.0 * x * x,
        |x| 4.0 * x,
        1.0,
        3.0,
        60,
        (-90.0, 90.0),
    );
    write(
        "diverging_long.svg",
        plot::iterates(
            "Divergence on f(x) = 2x^2, 60 steps",
            &[("x_k".into(), long.xs)],
        ),
    )?;

    // log(x1^2 + x2^2) on [-4, 4]^2, path from (3, -2), x := x - 0.1 * 2x.
    let xs = grid(-4.0, 4.0, 120);
    let ys = xs.clone();
    let z = ys
        .iter()
        .map(|&b| xs.iter().map(|&a| (a * a + b * b).ln()).collect())
        .collect();
    let c = Contour {
        x_name: "x1".into(),
        y_name: "x2".into(),
        xs,
        ys,
        z,
        z_label: "log f(x1, x2)".into(),
    };
    let mut path = vec![(3.0, -2.0)];
    for _ in 0..10 {
        let (a, b) = path[path.len() - 1];
        path.push((a - 0.1 * 2.0 * a, b - 0.1 * 2.0 * b));
    }
    write(
        "contour.svg",
        plot::contour("Gradient descent on f(x1, x2) = x1^2 + x2^2", &c, &path),
    )?;

    // x = 5, z = x - 2 = 3, y = 2 z^2 = 18.
    let node = |name: &str, expr: Option<&str>, value: &str, grad: &str| GraphNode {
        name: name.into(),
        expr: expr.map(Into::into),
        value: value.into(),
        grad: grad.into(),
    };
    let nodes = [
        node("x", None, "5", "dy/dx = 12"),
        node("z", Some("z = x - 2"), "3", "dy/dz = 12"),
        node("y", Some("y = 2*z^2"), "18", "dy/dy = 1"),
    ];
    let edges = [
        GraphEdge {
            from: 0,
            to: 1,
            label: "∂z/∂x = 1".into(),
        },
        GraphEdge {
            from: 1,
            to: 2,
            label: "∂y/∂z = 4z = 12".into(),
        },
    ];
    write(
        "graph.svg",
        plot::graph(
            "Computational graph of y = 2(x - 2)^2 at x = 5",
            &nodes,
            &edges,
        ),
    )?;
    Ok(())
}
