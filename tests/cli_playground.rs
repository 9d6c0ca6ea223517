//! The engine playground through the `gbl` binary: `derive`, `descend`, `backprop`, their
//! JSON shapes, verdicts, exit codes, error messages and colour policy.
//!
//! Expected numbers were worked out by hand: for a·x² with learning rate lr each step
//! multiplies x by r = 1 − 2·a·lr, and lr_max = 1/a; for a quadratic in several variables
//! r = 1 − lr·λ for each eigenvalue λ of the Hessian and lr_max = 2/λ_max.

use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::{Value, json};

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("binary");
    c.env_remove("NO_COLOR").timeout(Duration::from_secs(20));
    c
}

/// Runs gbl and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = gbl().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs gbl with `--format json`, expects success, and parses exactly one JSON document.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "gbl {all:?}: {err}");
    assert!(!out.contains('\x1b'), "escape codes in JSON: {out:?}");
    let mut docs = serde_json::Deserializer::from_str(&out).into_iter::<Value>();
    let v = docs.next().expect("a document").expect("valid JSON");
    assert!(docs.next().is_none(), "more than one JSON document: {out}");
    v
}

/// Expects exit code 2, no panic, and a message containing every `needles`. The time limit only
/// guards against a hang (timed tests flake on shared machines); the one-second target is
/// measured with `benches/bad_input.sh`.
fn fails(args: &[&str], needles: &[&str]) -> String {
    let t = Instant::now();
    let (code, out, err) = run(args);
    let took = t.elapsed();
    let shown: Vec<String> = args.iter().map(|a| a.chars().take(40).collect()).collect();
    assert_eq!(code, 2, "gbl {shown:?}: exit {code}, stderr {err}");
    assert!(
        took < Duration::from_secs(10),
        "gbl {shown:?} hung for {took:?}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("error: "), "{err}");
    if args.windows(2).any(|w| w == ["--format", "json"]) {
        // With --format json, the error is also one JSON document on stdout.
        let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
        let message = v["error"]["message"].as_str().expect("error.message");
        for n in needles {
            assert!(message.contains(n), "{message} lacks {n:?}");
        }
    } else {
        assert!(out.is_empty(), "stdout should be empty: {out}");
    }
    for n in needles {
        assert!(
            err.contains(n),
            "stderr of gbl {shown:?} lacks {n:?}:\n{err}"
        );
    }
    err
}

#[test]
fn derive_json() {
    assert_eq!(
        json(&["derive", "1/10*x^2"]),
        json!({"expr": "1/10*x^2", "wrt": "x", "derivative": "x/5", "value": null})
    );
    // 3/5 = 0.6
    assert_eq!(
        json(&["derive", "1/10*x^2", "--at", "x=3"])["value"],
        json!(0.6)
    );
    assert_eq!(
        json(&["derive", "(x-2)^2/10"]),
        json!({"expr": "(x - 2)^2/10", "wrt": "x", "derivative": "(x - 2)/5", "value": null})
    );
    // (3 - 2)/5 = 0.2
    assert_eq!(
        json(&["derive", "(x-2)^2/10", "--at", "x=3"])["value"],
        json!(0.2)
    );
    // With several variables, --wrt chooses; d/dx2 of x1^2 + x2^2 is 2*x2, at x2 = -2: -4.
    let v = json(&["derive", "x1^2 + x2^2", "--wrt", "x2", "--at", "x1=3,x2=-2"]);
    assert_eq!(v["derivative"], "2*x2");
    assert_eq!(v["value"], json!(-4));
}

#[test]
fn derive_needs_wrt_with_several_variables() {
    fails(&["derive", "x*y"], &["several variables", "x, y", "--wrt"]);
}

/// The steps' shape: i, point, value, gradient for every step, i counting from 0.
fn check_steps(v: &Value, vars: &[&str], n: usize) {
    let steps = v["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), n + 1);
    for (k, s) in steps.iter().enumerate() {
        let keys: Vec<&str> = s
            .as_object()
            .expect("object")
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys, ["i", "point", "value", "gradient"]);
        assert_eq!(s["i"], json!(k));
        for part in ["point", "gradient"] {
            let names: Vec<&str> = s[part]
                .as_object()
                .expect(part)
                .keys()
                .map(|k| k.as_str())
                .collect();
            assert_eq!(names, vars);
        }
        assert!(s["value"].is_number());
    }
}

#[test]
fn descend_json_shape_and_converges() {
    let v = json(&[
        "descend", "x^2/10", "--from", "x=3", "--lr", "1", "--steps", "3",
    ]);
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(&keys[..4], ["expr", "lr", "steps", "verdict"]);
    assert_eq!(v["expr"], "x^2/10");
    assert_eq!(v["lr"], json!(1));
    check_steps(&v, &["x"], 3);
    // x: 3 -> 2.4 -> 1.92 -> 1.536 (times 0.8); f = x²/10; f' = x/5.
    assert_eq!(
        v["steps"][0],
        json!({"i": 0, "point": {"x": 3}, "value": 0.9, "gradient": {"x": 0.6}})
    );
    assert_eq!(v["steps"][1]["point"]["x"], json!(2.4));
    assert_eq!(v["steps"][3]["point"]["x"], json!(1.536));
    assert_eq!(v["verdict"], "converges");
    assert_eq!(v["factor"], json!(0.8));
    assert_eq!(v["lr_max"], json!(10.0));
}

#[test]
fn descend_oscillates_cycles_diverges() {
    // 3/4 x², lr 1: r = 1 - 2·(3/4)·1 = -0.5.
    let v = json(&[
        "descend", "3/4*x^2", "--from", "x=1", "--lr", "1", "--steps", "4",
    ]);
    assert_eq!(v["verdict"], "oscillates");
    assert_eq!(v["factor"], json!(-0.5));
    // x²: r = -1, x jumps between 1 and -1.
    let v = json(&[
        "descend", "x^2", "--from", "x=1", "--lr", "1", "--steps", "4",
    ]);
    assert_eq!(v["verdict"], "cycles");
    let xs: Vec<&Value> = (0..5).map(|k| &v["steps"][k]["point"]["x"]).collect();
    assert_eq!(
        xs,
        [&json!(1), &json!(-1), &json!(1), &json!(-1), &json!(1)]
    );
    // 2x², lr 1: x = 3·(-3)^k passes 10^6 at k = 12 (3^12 = 531441 > 333333.3 > 3^11).
    let v = json(&[
        "descend", "2*x^2", "--from", "x=3", "--lr", "1", "--steps", "3",
    ]);
    assert_eq!(v["verdict"], "diverges");
    assert_eq!(v["diverged_at"], json!(12));
    assert_eq!(v["lr_max"], json!(0.5));
    assert_eq!(v["steps"][3]["point"]["x"], json!(-81));
    // Run long enough, the step is seen in the run itself.
    let v = json(&[
        "descend", "2*x^2", "--from", "x=3", "--lr", "1", "--steps", "15",
    ]);
    assert_eq!(v["diverged_at"], json!(12));
    assert_eq!(v["steps"][12]["point"]["x"], json!(1_594_323));
}

#[test]
fn descend_non_quadratic_settles_at_the_local_minimum() {
    // f = x⁴ - 3x², f' = 4x³ - 6x = 0 at x* = sqrt(1.5); f''(x*) = 12·1.5 - 6 = 12, so
    // r = 1 - 0.1·12 = -0.2: the run crosses the minimum while converging; lr_max = 2/12.
    let v = json(&[
        "descend",
        "x^4 - 3*x^2",
        "--from",
        "x=1",
        "--lr",
        "0.1",
        "--steps",
        "50",
    ]);
    assert_eq!(v["verdict"], "oscillates");
    let xs = v["x_star"]["x"].as_f64().expect("x_star");
    assert!((xs - 1.5f64.sqrt()).abs() < 1e-9, "{xs}");
    let last = v["steps"][50]["point"]["x"].as_f64().expect("x");
    assert!((last - 1.5f64.sqrt()).abs() < 1e-9, "{last}");
    let lr_max = v["lr_max"].as_f64().expect("lr_max");
    assert!((lr_max - 2.0 / 12.0).abs() < 1e-6, "{lr_max}");
    // From -1 it settles at -sqrt(1.5).
    let v = json(&[
        "descend",
        "x^4 - 3*x^2",
        "--from",
        "x=-1",
        "--lr",
        "0.1",
        "--steps",
        "50",
    ]);
    let xs = v["x_star"]["x"].as_f64().expect("x_star");
    assert!((xs + 1.5f64.sqrt()).abs() < 1e-9, "{xs}");
}

#[test]
fn descend_two_variable_quadratic() {
    // Hessian diag(2, 20): lr 0.15 gives r = 1 - 0.15·20 = -2 along x2 -> diverges; the error
    // in x2 doubles each step and passes 10^6 at step 20 (2^20 > 10^6 > 2^19).
    let v = json(&[
        "descend",
        "x1^2 + 10*x2^2",
        "--from",
        "x1=1,x2=1",
        "--lr",
        "0.15",
        "--steps",
        "5",
    ]);
    check_steps(&v, &["x1", "x2"], 5);
    assert_eq!(v["verdict"], "diverges");
    assert_eq!(v["factor"], json!(-2.0));
    assert_eq!(v["lr_max"], json!(0.1));
    assert_eq!(v["diverged_at"], json!(20));
    assert_eq!(v["steps"][0]["gradient"], json!({"x1": 2, "x2": 20}));
    // lr 0.05: r = 0.9 along x1 and 0 along x2 -> converges.
    let v = json(&[
        "descend",
        "x1^2 + 10*x2^2",
        "--from",
        "x1=1,x2=1",
        "--lr",
        "0.05",
        "--steps",
        "5",
    ]);
    assert_eq!(v["verdict"], "converges");
    assert_eq!(v["factor"], json!(0.9));
    assert_eq!(v["diverged_at"], Value::Null);
    assert_eq!(v["steps"][1]["point"]["x2"], json!(0.0));
}

#[test]
fn backprop_json() {
    let v = json(&["backprop", "z = x - 2; y = 2*z^2", "--at", "x=5"]);
    assert_eq!(v["output"], "y");
    let got: Vec<(Value, Value, Value)> = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| (n["name"].clone(), n["value"].clone(), n["grad"].clone()))
        .collect();
    assert_eq!(
        got,
        [
            (json!("x"), json!(5), json!(12)),
            (json!("z"), json!(3), json!(12)),
            (json!("y"), json!(18), json!(1)),
        ]
    );
    // Fan-out: y = a*a with a = 2x at x = 3: dy/da = 2a = 12 (both paths), dy/dx = 24.
    let v = json(&["backprop", "a = 2*x; y = a*a", "--at", "x=3"]);
    assert_eq!(v["nodes"][1]["grad"], json!(12));
    assert_eq!(v["nodes"][0]["grad"], json!(24));
}

#[test]
fn bad_expressions_exit_2_with_the_spot() {
    let d = ["--from", "x=1", "--lr", "0.1", "--steps", "3"];
    let with = |e: &str| {
        let mut v = vec!["descend", e];
        v.extend(d);
        v.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let cases: &[(&str, &[&str])] = &[
        ("(x+1", &["never closed", "column 1", "(x+1\n  ^"]),
        (
            "x+1)",
            &["without a matching '('", "column 4", "x+1)\n     ^"],
        ),
        ("foo(x)", &["unknown function 'foo'", "column 1", "^^^"]),
        (
            "x ^",
            &["expected an operand after '^'", "column 4", "x ^\n     ^"],
        ),
        ("", &["the expression is empty"]),
    ];
    for (e, needles) in cases {
        let args = with(e);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        fails(&args, needles);
        // The same through derive, and in JSON mode (the error also as JSON on stdout).
        fails(&["derive", e], needles);
        fails(&["derive", e, "--format", "json"], needles);
    }
}

#[test]
fn huge_inputs_exit_2_quickly() {
    // A 100 KB expression.
    let long = "x + ".repeat(25_000) + "x";
    fails(
        &["derive", &long],
        &["100001 characters long", "the limit is 4096"],
    );
    fails(
        &["descend", &long, "--from", "x=1"],
        &["100001 characters long"],
    );
    // Deep nesting. (Linux refuses a single argument over 128 KiB, so 100,000 nested
    // parentheses cannot reach the program; 65,000 is the most that can. The library test
    // in parse_errors.rs takes 100,000.)
    let n = 65_000;
    let deep = format!("{}x{}", "(".repeat(n), ")".repeat(n));
    fails(&["derive", &deep], &["130001 characters long"]);
    let deep = format!("{}x{}", "(".repeat(1000), ")".repeat(1000));
    fails(&["derive", &deep], &["nests too deeply", "column 202"]);
    let signs = format!("{}x", "-".repeat(300));
    fails(&["derive", &signs], &["nests too deeply"]);
    let tower = format!("x{}", "^x".repeat(300));
    fails(&["derive", &tower], &["nests too deeply"]);
    let graph = format!("y = {}x{}", "(".repeat(1000), ")".repeat(1000));
    fails(&["backprop", &graph, "--at", "x=1"], &["nests too deeply"]);
}

#[test]
fn bad_runs_exit_2() {
    fails(
        &["descend", "x + y", "--from", "x=1"],
        &["'y'", "no start value", "--from"],
    );
    let err = fails(&["descend", "x^2", "--from", "x=1e400"], &["--from"]);
    assert_eq!(err.trim(), "error: --from: '1e400' is not a number");
    fails(
        &["descend", "x^2", "--from", "x=1", "--steps", "99999999999"],
        &["--steps", "at most 10000000"],
    );
    fails(
        &[
            "descend",
            "x^2",
            "--from",
            "x=1",
            "--steps",
            "999999999999999999999999",
        ],
        &["--steps"],
    );
    // log(x) from 1 with lr 1: x = 1 - 1/1 = 0, where log is not defined.
    fails(
        &[
            "descend", "log(x)", "--from", "x=1", "--lr", "1", "--steps", "5",
        ],
        &["step 1", "log of 0.0"],
    );
    fails(
        &["derive", "1/x", "--at", "x=0"],
        &["x = 0", "division by zero"],
    );
    fails(
        &["backprop", "z = x - 2; y = 2*z^2", "--at", "w=5"],
        &["'w' is not an input"],
    );
    fails(&["backprop", "z = x - 2; y = 2*z^2"], &["'x' has no value"]);
}

#[test]
fn colour_policy() {
    let text = ["derive", "1/10*x^2", "--at", "x=3"];
    let table = ["descend", "x^2/10", "--from", "x=3", "--steps", "2"];
    let back = ["backprop", "z = x - 2; y = 2*z^2", "--at", "x=5"];
    for args in [&text[..], &table[..], &back[..]] {
        let mut never = args.to_vec();
        never.extend(["--color", "never"]);
        let (code, out, _) = run(&never);
        assert_eq!(code, 0);
        assert!(!out.contains('\x1b'), "--color never: {out:?}");
        let out = gbl()
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("runs");
        assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
        let mut always = args.to_vec();
        always.extend(["--color", "always"]);
        let (code, out, _) = run(&always);
        assert_eq!(code, 0);
        assert!(out.contains("\x1b["), "--color always: {out:?}");
        // JSON never has colour, even when forced.
        let mut j = always.clone();
        j.extend(["--format", "json"]);
        let (code, out, _) = run(&j);
        assert_eq!(code, 0);
        assert!(!out.contains('\x1b'), "{out:?}");
        serde_json::from_str::<Value>(&out).expect("one JSON document");
    }
}

#[test]
fn an_expression_may_start_with_a_minus() {
    // d/dx (-x²) = -2x, at x = 2: -4.
    let v = json(&["derive", "-x^2", "--at", "x=2"]);
    assert_eq!(v["derivative"], "-2*x");
    assert_eq!(v["value"], json!(-4));
    let v = json(&[
        "descend",
        "-x^2 + x^4",
        "--from",
        "x=1",
        "--lr",
        "0.1",
        "--steps",
        "1",
    ]);
    // f'(1) = -2 + 4 = 2, so x1 = 1 - 0.1·2 = 0.8.
    assert_eq!(v["steps"][1]["point"]["x"], json!(0.8));
}

#[test]
fn one_variable_takes_a_bare_start_even_a_negative_one() {
    // x³ from -1 with lr 0.1: f'(-1) = 3, so x1 = -1 - 0.3 = -1.3 (CPython: -1.3).
    let v = json(&[
        "descend", "x^3", "--from", "-1", "--lr", "0.1", "--steps", "1",
    ]);
    assert_eq!(v["steps"][0]["point"]["x"], json!(-1));
    assert_eq!(v["steps"][1]["point"]["x"], json!(-1.3));
    // The same run named the long way.
    let named = json(&[
        "descend",
        "x^3",
        "--from=x=-1",
        "--lr",
        "0.1",
        "--steps",
        "1",
    ]);
    assert_eq!(v["steps"], named["steps"]);
    // Two variables still need their names.
    fails(
        &["descend", "x^2 + y^2", "--from", "3", "--steps", "1"],
        &["--from", "NAME=VALUE"],
    );
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    // `gbl descend ... | head -1`: 100,000 rows are far more than a pipe buffers, so gbl
    // writes into a closed pipe; it stops quietly instead of printing an error.
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gbl"))
        .args(["descend", "x^2/10", "--from", "x=3", "--steps", "100000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
