//! Recursion is bounded by the parser's limits, and the deepest input they allow fits in a
//! 1 MiB stack (WebAssembly's default, and less than any thread's default), debug build
//! included: parse, print, evaluate, derive, simplify, compare and load at the limits.

use gbl_core::engine::budget::{derivative_size, try_derivative};
use gbl_core::engine::diff::Rules;
use gbl_core::engine::dual::{eval_dual, hessian};
use gbl_core::engine::equiv::equivalent;
use gbl_core::engine::parse::{MAX_DEPTH, MAX_LEN, MAX_NESTING};
use gbl_core::engine::{Expr, Program, PyNum, parse, simplify};
use gbl_core::exercise::load::{Source, parse_exercise_all};
use gbl_core::exercise::yaml::MAX_DEPTH as YAML_DEPTH;

/// The stack a browser gives WebAssembly by default.
const STACK: usize = 1 << 20;

fn on_small_stack(work: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(work)
        .expect("a thread")
        .join()
        .expect("the work fits in 1 MiB of stack");
}

/// `a op b op c …` with `n` operands: a left spine `n` deep.
fn chain(operand: &str, op: &str, n: usize) -> String {
    vec![operand; n].join(op)
}

/// Every expression at the limits: long chains of each operator, and nesting of each kind.
fn deepest() -> Vec<String> {
    let n = MAX_NESTING;
    let mut all = vec![
        chain("1", "+", MAX_DEPTH),
        chain("x", "+", MAX_DEPTH),
        chain("x", "-", MAX_DEPTH),
        chain("x", "*", MAX_DEPTH),
        chain("x", "/", MAX_DEPTH),
        chain("y", "*", MAX_DEPTH / 2) + "+" + &chain("x", "*", MAX_DEPTH / 2 - 1),
        chain("x*y", "+", MAX_DEPTH - 1),
        chain("sin(x)", "*", MAX_DEPTH),
        // Derivatives as deep as their functions: each level a rule that keeps the depth.
        format!("x{}", "/2".repeat(MAX_DEPTH - 1)),
        format!("x{}", "-x/3".repeat(MAX_DEPTH / 2 - 1)),
        format!("sin(x){}", "*2".repeat(MAX_DEPTH - 2)),
        format!("{}*x", chain("2", "*", MAX_DEPTH - 1)),
        format!("{}x{}", "(x+".repeat(n - 1), ")".repeat(n - 1)),
        format!("{}x{}", "(x*".repeat(n - 1), ")".repeat(n - 1)),
        format!("{}x{}", "sin(".repeat(n - 1), ")".repeat(n - 1)),
        format!(
            "{}x{}",
            "exp(tanh(".repeat(n / 2 - 1),
            "))".repeat(n / 2 - 1)
        ),
        format!("{}x", "-".repeat(n)),
        chain("x", "^", n),
        chain("x", "**", n),
        // Nesting and a long chain together: each level a chain of its own.
        format!("{}x{}", "(x*x*x*x+".repeat(n - 1), ")".repeat(n - 1)),
    ];
    all.retain(|text| text.len() <= MAX_LEN);
    all
}

/// Everything the engine does with an expression, as a front end would.
fn exercise_engine(text: &str) {
    let Ok(e) = parse(text) else {
        return; // refused by a limit: nothing to recurse on
    };
    let _ = e.to_string();
    let _ = e.presented().to_string();
    let vars = e.variables();
    let at: Vec<(String, PyNum)> = vars
        .iter()
        .map(|v| (v.clone(), PyNum::Float(0.5)))
        .collect();
    let _ = gbl_core::engine::eval::eval(&e, &at);
    let _ = simplify(&e);
    let _ = equivalent(&e, &e);
    let _ = e.substitute(&|_| Some(Expr::float(0.25)));
    let mut grads = Vec::new();
    for v in &vars {
        for rules in [
            Rules::default(),
            Rules {
                drop_inner: true,
                ..Rules::default()
            },
        ] {
            let _ = derivative_size(&e, v, rules);
        }
        if let Ok(d) = try_derivative(&e, v, Rules::default()) {
            let _ = d.to_string();
            let _ = d.presented().to_string();
            let _ = equivalent(&d, &d);
            let _ = simplify(&d);
            if let Ok(p) = Program::compile(&d, &vars) {
                grads.push(p);
            }
        }
    }
    if let Ok(p) = Program::compile(&e, &vars) {
        let x = vec![0.5; vars.len()];
        let _ = p.eval(&vec![PyNum::Float(0.5); vars.len()]);
        let _ = eval_dual(&p, &x, 0, &mut Vec::new());
        if grads.len() == vars.len() {
            let _ = hessian(&grads, &x);
        }
    }
}

#[test]
fn the_deepest_expressions_fit_in_a_small_stack() {
    for text in deepest() {
        on_small_stack(move || exercise_engine(&text));
    }
}

#[test]
fn the_deepest_expressions_are_accepted() {
    // The limits themselves, not the stack, are what refuse an input: these all parse.
    for text in deepest() {
        assert!(
            parse(&text).is_ok(),
            "refused: {}…",
            &text[..40.min(text.len())]
        );
    }
}

#[test]
fn the_deepest_yaml_fits_in_a_small_stack() {
    let d = YAML_DEPTH - 2;
    let texts = [
        format!("id: deep\nprompt: {}1{}\n", "[".repeat(d), "]".repeat(d)),
        format!("id: deep\nprompt: {}1{}\n", "{a: ".repeat(d), "}".repeat(d)),
        (0..d)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect::<String>()
            + &"  ".repeat(d)
            + "1\n",
        (0..d)
            .map(|i| format!("{}-\n", "  ".repeat(i)))
            .collect::<String>()
            + &"  ".repeat(d)
            + "1\n",
    ];
    for text in texts {
        on_small_stack(move || {
            let source = Source {
                name: "deep.yaml".into(),
                text,
            };
            let _ = parse_exercise_all("deep", source);
        });
    }
}
