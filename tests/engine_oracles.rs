//! The engine against oracles that are not the code under test:
//! (a) backpropagation against central finite differences through the graph: each node's
//!     value is nudged, the nodes after it recomputed, and the output's change measured;
//! (b) the verdict against a long run simulated here, in plain floats, for random quadratics
//!     of several variables (x1..x3 with random curvatures) and learning rates.

use gbl::engine::backprop::{Graph, Slip, run as backprop};
use gbl::engine::descent::{Problem, Run};
use gbl::engine::eval::eval;
use gbl::engine::verdict::{Verdict, judge};
use gbl::engine::{PyNum, parse};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        ..ProptestConfig::default()
    }
}

/// A small smooth expression over the given names (no domain errors on any real input).
fn smooth(names: &'static [&'static str]) -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(names.to_vec()).prop_map(str::to_string),
        prop::sample::select(vec!["0.5", "2", "3", "-1.5"]).prop_map(str::to_string),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (
                inner.clone(),
                inner.clone(),
                prop::sample::select(vec!["+", "-", "*"])
            )
                .prop_map(|(a, b, op)| format!("({a} {op} {b})")),
            inner.clone().prop_map(|a| format!("sin({a})")),
            inner.clone().prop_map(|a| format!("tanh({a})")),
            inner.clone().prop_map(|a| format!("({a})^2")),
            inner.clone().prop_map(|a| format!("exp(({a})/4)")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("({a})/(1 + ({b})^2)")),
        ]
    })
}

/// The output after recomputing every node in order, with node `nudged` moved by `h`.
fn forward(graph: &Graph, at: &[(String, PyNum)], nudged: &str, h: f64) -> Option<f64> {
    let mut values: Vec<(String, PyNum)> = at
        .iter()
        .map(|(n, v)| {
            if n == nudged {
                (n.clone(), PyNum::Float(v.to_f64() + h))
            } else {
                (n.clone(), *v)
            }
        })
        .collect();
    let mut last = None;
    for node in &graph.nodes {
        let mut v = eval(&node.expr, &values).ok()?.to_f64();
        if node.name == nudged {
            v += h;
        }
        values.push((node.name.clone(), PyNum::Float(v)));
        last = Some(v);
    }
    last.filter(|v| v.is_finite())
}

proptest! {
    #![proptest_config(config(150))]

    /// (a) Every node's grad (inputs included, a node used twice summed over both paths)
    /// equals the output's change per unit change of that node, by central differences.
    #[test]
    fn backprop_matches_finite_differences_through_the_graph(
        e1 in smooth(&["x", "y"]),
        e2 in smooth(&["a", "x"]),
        e3 in smooth(&["a", "b", "y"]),
        x in -2.0f64..2.0,
        y in -2.0f64..2.0,
    ) {
        let src = format!("a = {e1}; b = {e2}; out = {e3} + a*b");
        let graph = Graph::parse(&src).map_err(|e| TestCaseError::fail(e.render(&src)))?;
        let at: Vec<(String, PyNum)> = graph
            .inputs
            .iter()
            .map(|n| (n.clone(), PyNum::Float(if n == "x" { x } else { y })))
            .collect();
        let Ok(pass) = backprop(&graph, &at, Slip::None) else { return Ok(()) };
        let names: Vec<String> = graph.inputs.iter().chain(graph.nodes.iter().map(|n| &n.name)).cloned().collect();
        for name in names {
            let h = 1e-5;
            let diff = |h: f64| match (forward(&graph, &at, &name, h), forward(&graph, &at, &name, -h)) {
                (Some(up), Some(down)) => Some(((up - down) / (2.0 * h), 1.0 + up.abs().max(down.abs()))),
                _ => None,
            };
            let (Some((wide, size)), Some((narrow, _))) = (diff(h), diff(h / 2.0)) else {
                continue;
            };
            // Central differences are an oracle only where they settle: when halving h moves
            // them by more than the tolerance (sin(exp(68)) turns a full circle within h),
            // the function is too steep for them to say anything, so the case is skipped.
            if (wide - narrow).abs() > 1e-6 * size.max(narrow.abs()) {
                continue;
            }
            // Richardson's extrapolation of the two.
            let fd = (4.0 * narrow - wide) / 3.0;
            let got = pass.grad(&name).map_or(0.0, PyNum::to_f64);
            prop_assert!(
                (got - fd).abs() <= 1e-5 * size.max(got.abs()),
                "{src} at x={x}, y={y}: backprop d out/d{name} = {got}, finite differences {fd}"
            );
        }
    }

    /// (b) On f = c1·x1² + c2·x2² + c3·x3² (+ a cross term), the verdict is what a run of
    /// 20,000 updates simulated here shows. Cases within 2% of a boundary (|r| = 1, r = 0)
    /// are skipped: there a finite run cannot tell.
    #[test]
    fn verdict_matches_a_long_simulated_run(
        c in prop::collection::vec(0.05f64..5.0, 3),
        cross in prop::sample::select(vec![0.0, 0.3]),
        lr in 0.01f64..1.2,
        x0 in prop::collection::vec(-3.0f64..3.0, 3),
    ) {
        // Hessian: diag(2c) plus the cross term 2·cross·x1·x2 (kept positive definite).
        let h = [
            [2.0 * c[0], 2.0 * cross, 0.0],
            [2.0 * cross, 2.0 * c[1], 0.0],
            [0.0, 0.0, 2.0 * c[2]],
        ];
        if 4.0 * c[0] * c[1] <= 4.0 * cross * cross * 1.5 {
            return Ok(());
        }
        // Eigenvalues of the 2x2 block and the third, to stay away from boundaries.
        let (p, q) = (h[0][0] + h[1][1], h[0][0] * h[1][1] - h[0][1] * h[0][1]);
        let disc = (p * p / 4.0 - q).max(0.0).sqrt();
        let lambdas = [p / 2.0 - disc, p / 2.0 + disc, h[2][2]];
        for l in lambdas {
            let r = 1.0 - lr * l;
            if (r.abs() - 1.0).abs() < 0.02 || r.abs() < 0.02 {
                return Ok(());
            }
        }
        let f = format!(
            "{}*x1^2 + {}*x2^2 + {}*x3^2 + {}*x1*x2",
            c[0], c[1], c[2], 2.0 * cross
        );
        let vars: Vec<String> = ["x1", "x2", "x3"].iter().map(|s| s.to_string()).collect();
        let problem = Problem::new(&parse(&f).expect("parses"), &vars, None).expect("compiles");
        let start: Vec<PyNum> = x0.iter().map(|v| PyNum::Float(*v)).collect();
        let run = Run::new(&problem, &start, PyNum::Float(lr), 10);
        let verdict = judge(&problem, &start, PyNum::Float(lr), &run).verdict;

        // The oracle: x := x - lr·H·x, 20,000 times, in plain floats.
        let mut x = [x0[0], x0[1], x0[2]];
        let (mut diverged, mut flips, mut moves) = (false, 0usize, 0usize);
        let mut prev_step = [0.0; 3];
        for k in 0..20_000 {
            let g: Vec<f64> = (0..3).map(|i| (0..3).map(|j| h[i][j] * x[j]).sum()).collect();
            let step: Vec<f64> = g.iter().map(|gi| -lr * gi).collect();
            if k > 0 && k < 40 {
                let dot: f64 = step.iter().zip(prev_step).map(|(a, b)| a * b).sum();
                let tiny = step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-12;
                if !tiny {
                    moves += 1;
                    if dot < 0.0 {
                        flips += 1;
                    }
                }
            }
            for (xi, si) in x.iter_mut().zip(&step) {
                *xi += si;
            }
            prev_step.copy_from_slice(&step);
            if x.iter().any(|v| !v.is_finite() || v.abs() > 1e6) {
                diverged = true;
                break;
            }
        }
        let settled = x.iter().all(|v| v.abs() < 1e-6);
        let expected = if diverged {
            Verdict::Diverges
        } else if settled && moves > 0 && flips * 2 > moves {
            Verdict::Oscillates
        } else if settled {
            Verdict::Converges
        } else {
            return Ok(()); // neither: too slow to tell in 20,000 steps
        };
        // Whether the run "oscillates" depends on the directions the start has a part in,
        // which step-flips over 40 steps only approximate: a settling run must be judged as
        // settling (converges or oscillates); every other outcome must match exactly.
        let settles = |v: Verdict| matches!(v, Verdict::Oscillates | Verdict::Converges);
        if settles(expected) {
            prop_assert!(settles(verdict), "{} from {:?} with lr {}: {:?}", f, x0, lr, verdict);
        } else {
            prop_assert_eq!(verdict, expected, "{} from {:?} with lr {}", f, x0, lr);
        }
    }
}

#[test]
fn the_verdict_names_each_direction_without_contradiction() {
    // x1² + 10·x2² with lr 0.09: r = 1 - 0.09·2 = 0.82 and 1 - 0.09·20 = -0.8.
    let vars: Vec<String> = ["x1", "x2"].iter().map(|s| s.to_string()).collect();
    let f = parse("x1^2 + 10*x2^2").expect("parses");
    let problem = Problem::new(&f, &vars, None).expect("compiles");
    let x0 = [PyNum::Int(3), PyNum::Int(-2)];
    let lr = PyNum::Float(0.09);
    let run = Run::new(&problem, &x0, lr, 5);
    let j = judge(&problem, &x0, lr, &run);
    assert_eq!(j.verdict, Verdict::Oscillates);
    assert!(
        j.reason
            .contains("λ = 2 gives r = 0.82, λ = 20 gives r = -0.8"),
        "{}",
        j.reason
    );
    assert!(
        j.reason.contains("along λ = 20 r = -0.8 < 0"),
        "{}",
        j.reason
    );
    assert!(!j.reason.contains("r = 0.82: -1 < r < 0"), "{}", j.reason);
}

#[test]
fn a_zero_learning_rate_never_moves_and_is_not_called_cycles() {
    for f in ["x^2", "x^4 + x"] {
        let vars = vec!["x".to_string()];
        let problem = Problem::new(&parse(f).expect("parses"), &vars, None).expect("compiles");
        let x0 = [PyNum::Int(3)];
        let run = Run::new(&problem, &x0, PyNum::Int(0), 3);
        let j = judge(&problem, &x0, PyNum::Int(0), &run);
        assert_ne!(j.verdict, Verdict::Cycles, "{f}");
        assert!(j.reason.contains("x never moves"), "{f}: {}", j.reason);
        assert_eq!(*run.point(3), [PyNum::Int(3)], "x stays at 3");
    }
}
