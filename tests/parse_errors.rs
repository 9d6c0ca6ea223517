//! The parser's error messages as a user sees them (message, column and caret line), one row
//! per input, and some valid inputs with their printed form and value.
//!
//! Every `ParseErrorKind` variant has at least one row. The expected texts were worked out by
//! hand from the grammar (`src/engine/parse.rs`): the caret line is the source indented by two
//! spaces, then carets under the characters concerned.

use gbl::engine::eval::eval;
use gbl::engine::parse::{MAX_DEPTH, MAX_LEN, MAX_NESTING, ParseErrorKind};
use gbl::engine::{PyNum, parse};

/// Parses `src`, expecting an error; returns the rendered text and the kind.
fn error(src: &str) -> (String, ParseErrorKind) {
    match parse(src) {
        Ok(e) => panic!("{src:?} parsed as {e}"),
        Err(err) => (err.render(src), err.kind),
    }
}

#[test]
fn every_error_kind_renders_with_column_and_caret() {
    // (input, full rendered error)
    let table: &[(&str, &str)] = &[
        // Empty
        ("", "the expression is empty (column 1)\n  \n  ^"),
        ("   ", "the expression is empty (column 4)\n     \n     ^"),
        // Expected: after an operator, and at the start
        (
            "x ^",
            "expected an operand after '^', found the end of the expression (column 4)\n  x ^\n     ^",
        ),
        (
            "x +",
            "expected an operand after '+', found the end of the expression (column 4)\n  x +\n     ^",
        ),
        (
            "2 * / x",
            "expected an operand after '*', found '/' (column 5)\n  2 * / x\n      ^",
        ),
        (
            "*x",
            "expected a number, a name or '(', found '*' (column 1)\n  *x\n  ^",
        ),
        (
            "()",
            "expected a number, a name or '(', found ')' (column 2)\n  ()\n   ^",
        ),
        (
            "x ** ** 2",
            "expected an operand after '**', found '**' (column 6)\n  x ** ** 2\n       ^^",
        ),
        (
            "(x + 1 2",
            "expected an operator before the number '2' (write a product with '*', as in 2*x) (column 8)\n  (x + 1 2\n         ^",
        ),
        // MissingOperator
        (
            "2x",
            "expected an operator before the name 'x' (write a product with '*', as in 2*x) (column 2)\n  2x\n   ^",
        ),
        (
            "x y",
            "expected an operator before the name 'y' (write a product with '*', as in 2*x) (column 3)\n  x y\n    ^",
        ),
        (
            "2(x+1)",
            "expected an operator before '(' (write a product with '*', as in 2*x) (column 2)\n  2(x+1)\n   ^",
        ),
        // Unclosed
        ("(x+1", "this '(' is never closed (column 1)\n  (x+1\n  ^"),
        (
            "exp((x)",
            "this '(' is never closed (column 4)\n  exp((x)\n     ^",
        ),
        ("(", "this '(' is never closed (column 1)\n  (\n  ^"),
        // Unmatched
        (
            "x+1)",
            "')' without a matching '(' (column 4)\n  x+1)\n     ^",
        ),
        (")", "')' without a matching '(' (column 1)\n  )\n  ^"),
        // UnknownFunction
        (
            "foo(x)",
            "unknown function 'foo' (known: exp, log, sqrt, sin, cos, tanh, abs) (column 1)\n  foo(x)\n  ^^^",
        ),
        // `f(x, y)`: `f` is no known function, and that is reported before the comma.
        (
            "f(x, y)",
            "unknown function 'f' (known: exp, log, sqrt, sin, cos, tanh, abs) (column 1)\n  f(x, y)\n  ^",
        ),
        // FunctionWithoutParens
        (
            "exp x",
            "the function 'exp' needs its argument in parentheses, as in exp(x) (column 1)\n  exp x\n  ^^^",
        ),
        (
            "2*sqrt",
            "the function 'sqrt' needs its argument in parentheses, as in sqrt(x) (column 3)\n  2*sqrt\n    ^^^^",
        ),
        // Comma: a known function with two arguments, and a comma at the top level
        (
            "exp(x, y)",
            "functions take one argument; ',' is not part of an expression (column 6)\n  exp(x, y)\n       ^",
        ),
        (
            "x, y",
            "functions take one argument; ',' is not part of an expression (column 2)\n  x, y\n   ^",
        ),
        // BadChar, with and without a hint (columns count characters, not bytes)
        (
            "x × 2",
            "unexpected character '×'; write a product with '*' (column 3)\n  x × 2\n    ^",
        ),
        (
            "x²",
            "unexpected character '²'; write a power with '^', as in x^2 (column 2)\n  x²\n   ^",
        ),
        (
            "y = x",
            "unexpected character '='; an expression has no '=' (give only the right-hand side) (column 3)\n  y = x\n    ^",
        ),
        (
            "x − 1",
            "unexpected character '−'; write a minus sign with '-' (column 3)\n  x − 1\n    ^",
        ),
        (
            "x $ 1",
            "unexpected character '$' (column 3)\n  x $ 1\n    ^",
        ),
        // BadNumber
        ("1e", "'1e' is not a number (column 1)\n  1e\n  ^^"),
        (
            "2*1e+",
            "'1e+' is not a number (column 3)\n  2*1e+\n    ^^^",
        ),
        (
            "1.2.3",
            "'1.2.3' is not a number (column 1)\n  1.2.3\n  ^^^^^",
        ),
        (".", "'.' is not a number (column 1)\n  .\n  ^"),
    ];
    let mut failures = Vec::new();
    for (src, want) in table {
        let (got, _) = error(src);
        if got != *want {
            failures.push(format!("{src:?}\n  want: {want:?}\n  got:  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn too_long_is_reported_without_echoing_the_input() {
    // A 100 KB expression.
    let src = "x + ".repeat(25_000) + "x";
    let (text, kind) = error(&src);
    assert_eq!(kind, ParseErrorKind::TooLong { len: 100_001 });
    assert_eq!(
        text,
        format!("the expression is 100001 characters long; the limit is {MAX_LEN} (column 1)")
    );
    // Length counts characters, not bytes: 4096 two-byte characters are not too long.
    let ok = "é".repeat(MAX_LEN);
    assert!(!matches!(
        parse(&ok).map_err(|e| e.kind),
        Err(ParseErrorKind::TooLong { .. })
    ));
}

#[test]
fn a_hundred_thousand_parentheses_are_too_long_before_they_are_too_deep() {
    let n = 100_000;
    let src = format!("{}x{}", "(".repeat(n), ")".repeat(n));
    let t = std::time::Instant::now();
    let (text, kind) = error(&src);
    // Only a guard against a hang; the time is measured in benches/bad_input.sh.
    assert!(t.elapsed().as_secs() < 10, "took {:?}", t.elapsed());
    assert_eq!(kind, ParseErrorKind::TooLong { len: 2 * n + 1 });
    assert_eq!(
        text,
        "the expression is 200001 characters long; the limit is 4096 (column 1)"
    );
}

const TOO_DEEP: &str =
    "the expression nests too deeply (the limit is 200 levels of parentheses, signs and powers)";

/// The rendered error for `src` with one caret at 0-based `at` (`width` carets).
fn rendered_too_deep(src: &str, at: usize, width: usize) -> String {
    format!(
        "{TOO_DEEP} (column {})\n  {src}\n  {}{}",
        at + 1,
        " ".repeat(at),
        "^".repeat(width)
    )
}

#[test]
fn too_deep_parentheses() {
    assert_eq!(MAX_NESTING, 200);
    // 200 levels are fine, 201 are not; the error is at the first token inside level 201.
    let ok = format!("{}x{}", "(".repeat(200), ")".repeat(200));
    assert_eq!(parse(&ok).map(|e| e.to_string()), Ok("x".to_string()));
    let src = format!("{}x{}", "(".repeat(201), ")".repeat(201));
    let (text, kind) = error(&src);
    assert_eq!(kind, ParseErrorKind::TooDeep);
    assert_eq!(text, rendered_too_deep(&src, 201, 1));
    // 1000 levels (within the length limit).
    let src = format!("{}x{}", "(".repeat(1000), ")".repeat(1000));
    let (text, kind) = error(&src);
    assert_eq!(kind, ParseErrorKind::TooDeep);
    assert_eq!(text, rendered_too_deep(&src, 201, 1));
}

#[test]
fn too_deep_unary_minus_chain() {
    // 300 signs: the 201st sign enters level 201; the error points at the 202nd sign.
    let src = format!("{}x", "-".repeat(300));
    let (text, kind) = error(&src);
    assert_eq!(kind, ParseErrorKind::TooDeep);
    assert_eq!(text, rendered_too_deep(&src, 201, 1));
    // 200 signs parse, and an even number of minus signs is x again.
    let ok = format!("{}x", "-".repeat(200));
    let e = parse(&ok).expect("200 signs parse");
    assert_eq!(eval(&e, &[("x".into(), PyNum::Int(7))]), Ok(PyNum::Int(7)));
}

#[test]
fn too_deep_power_tower() {
    // x^x^...^x with 300 powers: the 201st '^' is at 2*201 - 1 = 401; the x after it at 402.
    let src = format!("x{}", "^x".repeat(300));
    let (text, kind) = error(&src);
    assert_eq!(kind, ParseErrorKind::TooDeep);
    assert_eq!(text, rendered_too_deep(&src, 402, 1));
    let ok = format!("x{}", "^x".repeat(200));
    assert!(parse(&ok).is_ok());
}

#[test]
fn too_deep_flat_chain() {
    // A left-associative chain is as deep as it is long: x + x + ... is refused past
    // MAX_DEPTH, at the operator that makes the tree too deep.
    assert_eq!(MAX_DEPTH, 1000);
    let ok = format!("x{}", "+x".repeat(999));
    assert!(parse(&ok).is_ok());
    let src = format!("x{}", "+x".repeat(1000));
    let (text, kind) = error(&src);
    assert_eq!(kind, ParseErrorKind::TooDeep);
    // The 1000th '+' is at 2*1000 - 1 = 1999.
    assert_eq!(text, rendered_too_deep(&src, 1999, 1));
}

#[test]
fn valid_inputs_print_and_evaluate_like_python() {
    // (input, printed form, value at x = 3 as CPython computes it)
    let table: &[(&str, &str, PyNum)] = &[
        ("x * -2", "x*-2", PyNum::Int(-6)),
        ("-x^2", "-x^2", PyNum::Int(-9)),
        ("-2^2", "-2^2", PyNum::Int(-4)),
        ("(-x)^2", "(-x)^2", PyNum::Int(9)),
        ("2^-1", "2^-1", PyNum::Float(0.5)),
        ("2**3**2", "2^3^2", PyNum::Int(512)),
        ("(2^3)^2", "(2^3)^2", PyNum::Int(64)),
        // 1/10 * 3**2 is 0.9 in CPython (0.1 * 9 rounds to 0.9).
        ("1/10 * x^2", "1/10*x^2", PyNum::Float(0.9)),
        ("x/10*x", "x/10*x", PyNum::Float(0.8999999999999999)),
        ("(x - 2)^2/10", "(x - 2)^2/10", PyNum::Float(0.1)),
        ("x - (x - 1)", "x - (x - 1)", PyNum::Int(1)),
        ("x - x - 1", "x - x - 1", PyNum::Int(-1)),
        ("2*(x*3)", "2*(x*3)", PyNum::Int(18)),
        ("+x", "x", PyNum::Int(3)),
        ("3.0", "3.0", PyNum::Float(3.0)),
        ("1e-3", "0.001", PyNum::Float(0.001)),
        ("abs(-x)", "abs(-x)", PyNum::Int(3)),
        ("sqrt(x + 1)", "sqrt(x + 1)", PyNum::Float(2.0)),
        ("exp(0)*x", "exp(0)*x", PyNum::Float(3.0)),
    ];
    let mut failures = Vec::new();
    for (src, printed, value) in table {
        let e = parse(src).unwrap_or_else(|err| panic!("{src}: {}", err.render(src)));
        let got_printed = e.to_string();
        let got_value = eval(&e, &[("x".into(), PyNum::Int(3))]);
        let reparsed = parse(&got_printed).map(|r| r == e);
        if got_printed != *printed || got_value != Ok(*value) || reparsed != Ok(true) {
            failures.push(format!(
                "{src:?}: printed {got_printed:?} (want {printed:?}), value {got_value:?} (want {value:?}), reparses to the same tree: {reparsed:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_values_in_the_table_are_cpythons() {
    let Ok(out) = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "from math import *\nx = 3\nprint([x * -2, -x**2, -2**2, (-x)**2, 2**-1, 2**3**2, (2**3)**2, \
             1/10 * x**2, x/10*x, (x - 2)**2/10, x - (x - 1), x - x - 1, 2*(x*3), +x, 3.0, 1e-3, \
             abs(-x), sqrt(x + 1), exp(0)*x])",
        )
        .output()
    else {
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.trim(),
        "[-6, -9, -4, 9, 0.5, 512, 64, 0.9, 0.8999999999999999, 0.1, 1, -1, 18, 3, 3.0, 0.001, 3, 2.0, 3.0]"
    );
}
