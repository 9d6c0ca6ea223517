//! Property tests of the engine against independent computations:
//! (a) symbolic derivatives against central finite differences,
//! (b) printing then parsing keeps the value and the text,
//! (c) simplification keeps the value,
//! (d) backpropagation against the symbolic derivative of the substituted output,
//! (e) the parser never panics and stays fast on arbitrary text.

use gbl::engine::backprop::{Graph, Slip, run as backprop};
use gbl::engine::eval::eval;
use gbl::engine::{BinOp, Expr, Func, PyNum, derivative, parse, simplify};
use proptest::prelude::*;

const CASES: u32 = 200;

fn config() -> ProptestConfig {
    ProptestConfig {
        // PROPTEST_CASES overrides the modest default for a longer hunt.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(CASES),
        ..ProptestConfig::default()
    }
}

/// A number literal: small ints, and floats including negative ones and ones that print in
/// scientific notation.
fn literal() -> impl Strategy<Value = Expr> {
    prop_oneof![
        (0i64..6).prop_map(Expr::int),
        (-3i64..0).prop_map(Expr::int),
        prop::sample::select(vec![0.5, 1.5, 2.25, 0.1, 3.0, -0.75, -2.0, 1e-5, 2.5e-7])
            .prop_map(Expr::float),
    ]
}

/// Expressions over the variables `vars`, with every operator and function of the language.
fn expr_over(vars: &'static [&'static str]) -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        3 => prop::sample::select(vars.to_vec()).prop_map(Expr::var),
        2 => literal(),
    ];
    leaf.prop_recursive(4, 24, 2, |inner| {
        let positive = prop_oneof![
            inner.clone().prop_map(|a| Expr::call(Func::Exp, a)),
            inner.clone().prop_map(|a| Expr::bin(
                BinOp::Add,
                Expr::bin(BinOp::Pow, a, Expr::int(2)),
                Expr::int(1)
            )),
            inner.clone().prop_map(|a| Expr::bin(
                BinOp::Add,
                Expr::call(Func::Abs, a),
                Expr::float(0.5)
            )),
        ];
        prop_oneof![
            (
                prop::sample::select(vec![BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div]),
                inner.clone(),
                inner.clone()
            )
                .prop_map(|(op, a, b)| Expr::bin(op, a, b)),
            // Small integer exponents, negative ones included.
            (inner.clone(), -2i64..5).prop_map(|(a, n)| Expr::bin(BinOp::Pow, a, Expr::int(n))),
            // Real exponents on positive bases, constant or not.
            (
                positive.clone(),
                prop::sample::select(vec![0.5, -0.5, 1.5, 2.7, -1.25])
            )
                .prop_map(|(a, c)| Expr::bin(BinOp::Pow, a, Expr::float(c))),
            (positive, inner.clone()).prop_map(|(a, b)| Expr::bin(BinOp::Pow, a, b)),
            inner.clone().prop_map(Expr::minus),
            (prop::sample::select(Func::ALL.to_vec()), inner).prop_map(|(f, a)| Expr::call(f, a)),
        ]
    })
}

fn xy() -> impl Strategy<Value = Expr> {
    expr_over(&["x", "y"])
}

fn point() -> impl Strategy<Value = (f64, f64)> {
    (-3.0f64..3.0, -3.0f64..3.0)
}

/// The value of `e` at (x, y), as a finite float, or `None` where it is not defined.
fn at(e: &Expr, x: f64, y: f64) -> Option<f64> {
    let b = [
        ("x".to_string(), PyNum::Float(x)),
        ("y".to_string(), PyNum::Float(y)),
    ];
    eval(e, &b)
        .ok()
        .map(PyNum::to_f64)
        .filter(|v| v.is_finite())
}

/// The largest magnitude of any subexpression at (x, y): the scale of rounding errors.
fn scale(e: &Expr, x: f64, y: f64) -> f64 {
    let mut m = 1.0f64;
    e.visit(&mut |s| {
        if let Some(v) = at(s, x, y) {
            m = m.max(v.abs());
        }
    });
    m
}

fn close(a: f64, b: f64, rel: f64, scale: f64) -> bool {
    (a - b).abs() <= rel * scale.max(a.abs()).max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(config())]

    /// (a) d/dx and d/dy agree with a central difference wherever f is smooth.
    #[test]
    fn derivative_matches_finite_differences(e in xy(), (x, y) in point()) {
        for (var, dx, dy) in [("x", 1.0, 0.0), ("y", 0.0, 1.0)] {
            let d = derivative(&e, var);
            let Some(symbolic) = at(&d, x, y) else { continue };
            let v = var_value(var, x, y);
            let h = 1e-4 * v.abs().max(1.0);
            let f = |t: f64| at(&e, x + t * dx, y + t * dy);
            let (Some(f0), Some(fp), Some(fm), Some(fp2), Some(fm2)) =
                (f(0.0), f(h), f(-h), f(h / 2.0), f(-h / 2.0))
            else {
                continue;
            };
            if f0.abs() > 1e8 || symbolic.abs() > 1e8 {
                continue;
            }
            let fd = (fp - fm) / (2.0 * h);
            let fd_half = (fp2 - fm2) / h;
            // Skip points near a kink or a singularity: there the second difference is huge
            // or halving h changes the difference quotient.
            let second = (fp - 2.0 * f0 + fm) / (h * h);
            let s = scale(&e, x, y);
            if second.abs() > 1e4 * (1.0 + f0.abs()) || !close(fd, fd_half, 1e-5, s) {
                continue;
            }
            // Richardson's extrapolation of the two central differences cancels their h²
            // error term: on fast-turning functions (sin(exp(y)^2) under a large power) the
            // plain difference is off by 1e-3 while this one is off by 1e-5.
            let extrapolated = (4.0 * fd_half - fd) / 3.0;
            prop_assert!(
                close(symbolic, extrapolated, 1e-4, 1.0 + s * 1e-6),
                "d/d{var} of {e} at x={x}, y={y}: symbolic {d} = {symbolic}, finite difference {extrapolated}"
            );
        }
    }

    /// (b) Printing then parsing gives the same value, and printing again gives the same text.
    #[test]
    fn print_parse_round_trip(e in xy(), (x, y) in point()) {
        let text = e.to_string();
        let back = parse(&text).map_err(|err| TestCaseError::fail(format!(
            "{e:?} prints as {text:?}, which does not parse:\n{}", err.render(&text))))?;
        prop_assert_eq!(back.to_string(), text.clone());
        match (at(&e, x, y), at(&back, x, y)) {
            (Some(a), Some(b)) => prop_assert!(
                close(a, b, 1e-12, 1.0) || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()),
                "{text}: {a} before printing, {b} after"
            ),
            (None, None) => {}
            (a, b) => prop_assert!(false, "{text}: {a:?} before printing, {b:?} after"),
        }
    }

    /// (c) The simplified expression has the same value.
    #[test]
    fn simplify_keeps_the_value(e in xy(), (x, y) in point()) {
        let s = simplify(&e);
        let Some(a) = at(&e, x, y) else { return Ok(()) };
        let sc = scale(&e, x, y);
        if sc > 1e12 {
            return Ok(());
        }
        let b = at(&s, x, y);
        prop_assert!(
            b.is_some_and(|b| close(a, b, 1e-9, sc)),
            "{e} = {a} at x={x}, y={y}, but its simplified form {s} = {b:?}"
        );
    }

    /// (d) Backprop through `a = E1(x, y); b = E2(a, x); out = E3(a, b)` gives the symbolic
    /// derivative of the fully substituted output.
    #[test]
    fn backprop_matches_symbolic_derivative(
        e1 in expr_over(&["x", "y"]),
        e2 in expr_over(&["a", "x"]),
        e3 in expr_over(&["a", "b"]),
        (x, y) in point(),
    ) {
        let src = format!("a = {e1}; b = {e2}; out = {e3}");
        let graph = Graph::parse(&src).map_err(|err| TestCaseError::fail(err.render(&src)))?;
        let at_inputs: Vec<(String, PyNum)> = graph
            .inputs
            .iter()
            .map(|n| (n.clone(), PyNum::Float(var_value(n, x, y))))
            .collect();
        let Ok(pass) = backprop(&graph, &at_inputs, Slip::None) else { return Ok(()) };
        let a_sub = |n: &str| (n == "a").then(|| e1.clone());
        let b_full = e2.substitute(&a_sub);
        let out_full = e3.substitute(&|n: &str| match n {
            "a" => Some(e1.clone()),
            "b" => Some(b_full.clone()),
            _ => None,
        });
        let sc = scale(&out_full, x, y);
        if sc > 1e8 {
            return Ok(());
        }
        for var in ["x", "y"] {
            let d = derivative(&out_full, var);
            let Some(want) = at(&d, x, y) else { continue };
            let got = pass.grad(var).map_or(0.0, PyNum::to_f64);
            if !got.is_finite() {
                continue;
            }
            prop_assert!(
                close(got, want, 1e-6, 1.0 + 1e-3 * want.abs()),
                "{src} at x={x}, y={y}: backprop d out/d{var} = {got}, symbolic {d} = {want}"
            );
        }
    }

    /// (e) Arbitrary text: an expression or an error, never a panic, and quickly.
    #[test]
    fn parser_never_panics_on_any_text(s in any::<String>()) {
        check_parse_total(&s)?;
    }

    /// (e) Text made of the language's own pieces, where mistakes are most likely.
    #[test]
    fn parser_never_panics_on_operator_soup(
        parts in prop::collection::vec(prop::sample::select(vec![
            "x", "y", "1", "0.5", "1e", "1e-3", ".", "2.", "+", "-", "*", "**", "/", "^", "(", ")",
            ",", " ", "exp", "log(", "sqrt", "abs(", "×", "²", "é", "\u{0}", "\n", "=", "e", "E",
        ]), 0..60)
    ) {
        check_parse_total(&parts.concat())?;
    }
}

fn var_value(name: &str, x: f64, y: f64) -> f64 {
    if name == "x" { x } else { y }
}

fn check_parse_total(s: &str) -> Result<(), TestCaseError> {
    let t = std::time::Instant::now();
    let result = std::panic::catch_unwind(|| parse(s));
    let elapsed = t.elapsed();
    // Only a guard against a hang; speed is measured in benchmarks, not timed tests.
    prop_assert!(elapsed.as_secs() < 5, "{s:?} took {elapsed:?}");
    match result {
        Err(_) => prop_assert!(false, "parse panicked on {s:?}"),
        Ok(Ok(e)) => {
            // Whatever parses prints as something that parses back to the same text.
            let text = e.to_string();
            let back = parse(&text).map(|b| b.to_string());
            prop_assert_eq!(back, Ok(text));
        }
        Ok(Err(err)) => {
            let n = s.chars().count();
            prop_assert!(err.start <= n && err.end <= n + 1 && err.start < err.end);
            let _ = err.render(s);
        }
    }
    Ok(())
}
