//! Unit tests for `pyfmt`. Every expected string in the tables below was produced by running
//! CPython 3.11 (`repr(v)` / `format(v, spec)`); the differential test in
//! `tests/pyfmt_cpython.rs` compares thousands more.

use super::*;
use proptest::prelude::*;

const REPRS: &[(f64, &str)] = &[
    (0.0, "0.0"),
    (-0.0, "-0.0"),
    (3.0, "3.0"),
    (0.1, "0.1"),
    (0.30000000000000004, "0.30000000000000004"),
    (1e-05, "1e-05"),
    (0.0001, "0.0001"),
    (9.9999e-05, "9.9999e-05"),
    (1.5e+16, "1.5e+16"),
    (1e+16, "1e+16"),
    (9999999999999998.0, "9999999999999998.0"),
    (1000000000000000.0, "1000000000000000.0"),
    (123456789.0, "123456789.0"),
    (2.4000000000000004, "2.4000000000000004"),
    (0.3333333333333333, "0.3333333333333333"),
    (-2.5, "-2.5"),
    (5e-324, "5e-324"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"),
    (1.7976931348623157e+308, "1.7976931348623157e+308"),
    (f64::INFINITY, "inf"),
    (f64::NEG_INFINITY, "-inf"),
    (f64::NAN, "nan"),
    (1e+22, "1e+22"),
    (1e-07, "1e-07"),
    (100.0, "100.0"),
    (0.5, "0.5"),
    (1370695764785664.2, "1370695764785664.2"),
];
const FORMATS: &[(PyNum, &str, &str)] = &[
    (PyNum::Float(2.4000000000000004), ".4f", "2.4000"),
    (PyNum::Float(3.25159), "8.3f", "   3.252"),
    (PyNum::Float(1234.5), "+.2e", "+1.23e+03"),
    (PyNum::Float(0.0001234), "g", "0.0001234"),
    (PyNum::Float(1234567.0), "g", "1.23457e+06"),
    (PyNum::Float(2.0), ".3g", "2"),
    (PyNum::Float(2.0), ".3", "2.0"),
    (PyNum::Float(1234.5), ".3", "1.23e+03"),
    (PyNum::Float(1234567.891), ",", "1,234,567.891"),
    (PyNum::Float(1234567.891), "_.2f", "1_234_567.89"),
    (PyNum::Float(0.256), "%", "25.600000%"),
    (PyNum::Float(0.256), ".1%", "25.6%"),
    (PyNum::Float(3.0), "", "3.0"),
    (PyNum::Float(3.0), ">10", "       3.0"),
    (PyNum::Float(-3.0), "010.4f", "-0003.0000"),
    (PyNum::Float(-0.0), "z.2f", "0.00"),
    (PyNum::Float(-0.001), "z.2f", "0.00"),
    (PyNum::Float(-0.001), ".2f", "-0.00"),
    (PyNum::Float(0.125), ".2f", "0.12"),
    (PyNum::Float(0.375), ".2f", "0.38"),
    (PyNum::Float(2.675), ".2f", "2.67"),
    (PyNum::Float(2.5), ".0f", "2"),
    (PyNum::Float(3.5), ".0f", "4"),
    (PyNum::Float(1.25), ".1e", "1.2e+00"),
    (PyNum::Float(15.0), ".0e", "2e+01"),
    (PyNum::Float(1e+16), "", "1e+16"),
    (PyNum::Float(1e-05), ".3", "1e-05"),
    (PyNum::Float(1.0), "#g", "1.00000"),
    (PyNum::Float(1.0), "#.0f", "1."),
    (PyNum::Float(1e+16), "#", "1.e+16"),
    (PyNum::Float(f64::INFINITY), "F", "INF"),
    (PyNum::Float(f64::NEG_INFINITY), "e", "-inf"),
    (PyNum::Float(f64::NAN), "G", "NAN"),
    (PyNum::Float(f64::NAN), "+.3f", "+nan"),
    (PyNum::Float(f64::INFINITY), "010", "0000000inf"),
    (PyNum::Float(1234.5), "012,.2f", "0,001,234.50"),
    (PyNum::Float(-1234.5), "*^+15,.1f", "***-1,234.5****"),
    (PyNum::Float(1.5), "=+8", "+    1.5"),
    (PyNum::Float(1.5), " ", " 1.5"),
    (PyNum::Float(1e-07), "E", "1.000000E-07"),
    (PyNum::Float(123456.0), ".0g", "1e+05"),
    (PyNum::Float(0.0), "g", "0"),
    (PyNum::Float(0.0), ".3", "0.0"),
    (PyNum::Float(100.0), ".3", "1e+02"),
    (PyNum::Float(1e+100), ".2e", "1.00e+100"),
    (PyNum::Float(12345.678), "n", "12345.7"),
    (PyNum::Float(1.5), "é<7", "1.5éééé"),
    (PyNum::Float(9.995), ".2f", "9.99"),
    (PyNum::Float(0.05), ".1f", "0.1"),
    (PyNum::Int(3), "", "3"),
    (PyNum::Int(3), "d", "3"),
    (PyNum::Int(12), ".4f", "12.0000"),
    (PyNum::Int(1234567), ",", "1,234,567"),
    (PyNum::Int(1234567), "_", "1_234_567"),
    (PyNum::Int(255), "x", "ff"),
    (PyNum::Int(255), "#X", "0XFF"),
    (PyNum::Int(255), "#010x", "0x000000ff"),
    (PyNum::Int(-255), "#b", "-0b11111111"),
    (PyNum::Int(12345), "_b", "11_0000_0011_1001"),
    (PyNum::Int(8), "o", "10"),
    (PyNum::Int(65), "c", "A"),
    (PyNum::Int(65), "05c", "0000A"),
    (PyNum::Int(1234), "09,", "0,001,234"),
    (PyNum::Int(1234), "<010", "1234000000"),
    (PyNum::Int(-42), "=+8", "-     42"),
    (PyNum::Int(5), "%", "500.000000%"),
    (PyNum::Int(7), "e", "7.000000e+00"),
    (PyNum::Int(9007199254740993), ".17g", "9007199254740992"),
    (PyNum::Int(i64::MIN), "#x", "-0x8000000000000000"),
    (PyNum::Int(42), "n", "42"),
    (PyNum::Int(42), "^7", "  42   "),
    (PyNum::Int(-1), "+", "-1"),
    (PyNum::Int(9), " ", " 9"),
];
const ERRORS: &[(PyNum, &str, &str)] = &[
    (
        PyNum::Float(1.5),
        "d",
        "Unknown format code 'd' for object of type 'float'",
    ),
    (
        PyNum::Int(3),
        ".2",
        "Precision not allowed in integer format specifier",
    ),
    (
        PyNum::Int(3),
        "z",
        "Negative zero coercion (z) not allowed in integer format specifier",
    ),
    (PyNum::Float(1.5), ".", "Format specifier missing precision"),
    (PyNum::Float(1.5), ",_", "Cannot specify both ',' and '_'."),
    (
        PyNum::Float(1.5),
        "abc",
        "Invalid format specifier 'abc' for object of type 'float'",
    ),
    (PyNum::Int(3), ",c", "Cannot specify ',' with 'c'."),
    (
        PyNum::Int(3),
        "+c",
        "Sign not allowed with integer format specifier 'c'",
    ),
    (
        PyNum::Float(1.5),
        "99999999999999999999",
        "Too many decimal digits in format string",
    ),
    (PyNum::Int(-1), "c", "%c arg not in range(0x110000)"),
    (
        PyNum::Int(3),
        "\u{1}",
        "Unknown format code '\\x1' for object of type 'int'",
    ),
];

#[test]
fn repr_matches_cpython() {
    for &(v, want) in REPRS {
        assert_eq!(repr_float(v), want, "repr({v:?})");
        assert_eq!(PyNum::Float(v).to_string(), want, "str({v:?})");
    }
}

#[test]
fn format_matches_cpython() {
    for &(v, spec, want) in FORMATS {
        assert_eq!(
            format_value(v, spec).as_deref(),
            Ok(want),
            "format({v:?}, {spec:?})"
        );
    }
}

#[test]
fn errors_use_cpython_wording() {
    for &(v, spec, want) in ERRORS {
        let err = format_value(v, spec).expect_err(spec);
        assert_eq!(err.message, want, "format({v:?}, {spec:?})");
        assert_eq!(err.to_string(), want);
    }
}

#[test]
fn errors_point_at_the_offending_column() {
    let cases: &[(PyNum, &str, usize)] = &[
        (PyNum::Float(1.5), ">10d", 4),
        (PyNum::Int(3), "08.2", 3),
        (PyNum::Int(3), "+#z,d", 3),
        (PyNum::Float(1.5), "10,_f", 4),
        (PyNum::Float(1.5), "10.", 3),
        (PyNum::Float(1.5), "+10ab", 4),
        (PyNum::Float(1.5), "2000f", 1),
        (PyNum::Float(1.5), ".1001f", 2),
        (PyNum::Int(65), "*>+c", 3),
    ];
    for &(v, spec, column) in cases {
        let err = format_value(v, spec).expect_err(spec);
        assert_eq!(err.column, column, "format({v:?}, {spec:?}): {err}");
    }
}

#[test]
fn width_and_precision_are_limited() {
    let v = PyNum::Float(1.5);
    assert_eq!(format_value(v, "1000").map(|s| s.len()), Ok(1000));
    assert_eq!(format_value(v, ".1000f").map(|s| s.len()), Ok(1002));
    let err = format_value(v, "1001").expect_err("width 1001");
    assert!(err.message.contains("width 1001 is too large"), "{err}");
    let err = format_value(v, ".5000e").expect_err("precision 5000");
    assert!(err.message.contains("precision 5000 is too large"), "{err}");
}

#[test]
fn string_specs_follow_str_format() {
    assert_eq!(format_str("3.0", "10").as_deref(), Ok("3.0       "));
    assert_eq!(format_str("3.0", ">10").as_deref(), Ok("       3.0"));
    assert_eq!(format_str("3.0", "^9s").as_deref(), Ok("   3.0   "));
    assert_eq!(format_str("3.0", "05").as_deref(), Ok("3.000"));
    assert_eq!(format_str("3.0", ".1").as_deref(), Ok("3"));
    let err = format_str("3.0", "+").expect_err("sign");
    assert_eq!(err.message, "Sign not allowed in string format specifier");
    let err = format_str("3.0", "0=5").expect_err("=");
    assert_eq!(
        err.message,
        "'=' alignment not allowed in string format specifier"
    );
    let err = format_str("3.0", "d").expect_err("d");
    assert_eq!(
        err.message,
        "Unknown format code 'd' for object of type 'str'"
    );
}

/// Named values for a template.
type Vars<'a> = &'a [(&'a str, PyNum)];

fn render(src: &str, vars: Vars<'_>) -> Result<String, TemplateError> {
    let lookup = |name: &str| vars.iter().find(|(n, _)| *n == name).map(|&(_, v)| v);
    Template::parse(src)?.render(&lookup)
}

#[test]
fn lecture_templates_render_like_cpython() {
    let x = PyNum::Float(2.4000000000000004);
    let cases: &[(&str, Vars<'_>, &str)] = &[
        (
            "{i}-th x: {x:.4f}",
            &[("i", PyNum::Int(1)), ("x", x)],
            "1-th x: 2.4000",
        ),
        ("Initial x: {x}", &[("x", PyNum::Int(3))], "Initial x: 3"),
        (
            "Initial x: {x}",
            &[("x", PyNum::Float(3.0))],
            "Initial x: 3.0",
        ),
        (
            "{dy_dx = :.4f}",
            &[("dy_dx", PyNum::Int(12))],
            "dy_dx = 12.0000",
        ),
        ("{dy_dx=:}", &[("dy_dx", PyNum::Int(12))], "dy_dx=12"),
        (
            "({x1:.3f}, {x2:.3f})",
            &[
                ("x1", PyNum::Float(0.1 + 0.2)),
                ("x2", PyNum::Float(-1.23456)),
            ],
            "(0.300, -1.235)",
        ),
        ("{x=}", &[("x", x)], "x=2.4000000000000004"),
        ("{ x = }", &[("x", x)], " x = 2.4000000000000004"),
        ("{x = !r:>20}", &[("x", x)], "x =   2.4000000000000004"),
        ("{x!r:10}|", &[("x", PyNum::Float(3.0))], "3.0       |"),
        ("{{x}} {x=:.2e}", &[("x", x)], "{x} x=2.40e+00"),
        ("{i=}", &[("i", PyNum::Int(1))], "i=1"),
        ("}}{{", &[], "}{"),
        ("", &[], ""),
    ];
    for &(src, vars, want) in cases {
        assert_eq!(render(src, vars).as_deref(), Ok(want), "{src:?}");
    }
}

#[test]
fn template_pieces_and_fields() {
    let t = Template::parse("a{{b {x = !r:>8} é{y:.2f}").expect("valid template");
    assert_eq!(t.source(), "a{{b {x = !r:>8} é{y:.2f}");
    let fields: Vec<&Field> = t.fields().collect();
    assert_eq!(
        fields[0],
        &Field {
            name: "x".into(),
            spec: ">8".into(),
            conversion: Some('r'),
            self_doc: Some("x = ".into()),
            span: (5, 16),
        }
    );
    assert_eq!(fields[1].span, (19, 26));
    assert_eq!(&t.source()[19..26], "{y:.2f}");
    assert_eq!(&t.source()[5..16], "{x = !r:>8}");
    assert_eq!(t.pieces().len(), 4);
    assert_eq!(t.pieces()[0], Piece::Literal("a{b ".into()));
    assert_eq!(t.pieces()[2], Piece::Literal(" é".into()));
}

#[test]
fn template_errors_name_the_problem_and_column() {
    let cases: &[(&str, &str, usize)] = &[
        ("x: {x", "unclosed '{'", 4),
        ("a } b", "single '}'", 3),
        ("{}", "positional", 1),
        ("{0}", "positional", 2),
        ("{x.real}", "attribute access", 3),
        ("{x[0]}", "indexing", 3),
        ("{x+1}", "expressions are not supported", 3),
        ("{x == 1}", "comparisons", 4),
        ("{x:{w}}", "nested fields", 4),
        ("{x!z}", "invalid conversion character 'z'", 4),
        ("{x!r .2f}", "expected ':' or '}' after '!r'", 5),
        ("{x= y}", "expected '!', ':' or '}'", 5),
        ("{:.2f}", "missing name before ':'", 2),
        (
            "é {x:.2q}",
            "Unknown format code 'q' for object of type 'float'",
            8,
        ),
        ("{x:abc}", "Invalid format specifier 'abc'", 4),
        ("{x!r:+}", "Sign not allowed in string format specifier", 6),
    ];
    for &(src, message, column) in cases {
        let err = Template::parse(src).expect_err(src);
        assert!(err.message.contains(message), "{src:?}: {err}");
        assert_eq!(err.column, column, "{src:?}: {err}");
    }
}

#[test]
fn render_errors_name_the_field() {
    let err = render("x = {x:.2f}, y = {  y}", &[("x", PyNum::Float(1.0))]).expect_err("y");
    assert_eq!(err.message, "unknown name 'y'");
    assert_eq!(err.column, 21);
    assert_eq!(err.to_string(), "unknown name 'y' (column 21)");
    let err = render("value: {x:>5d}", &[("x", PyNum::Float(1.0))]).expect_err("d");
    assert_eq!(
        err.message,
        "Unknown format code 'd' for object of type 'float'"
    );
    assert_eq!(err.column, 13);
    assert_eq!(
        render("{x:>5d}", &[("x", PyNum::Int(7))]).as_deref(),
        Ok("    7")
    );
}

#[test]
fn caret_points_at_the_column() {
    let err = Template::parse("iter {i}: {x:.4f").expect_err("unclosed");
    assert_eq!(
        err.render_with_caret("iter {i}: {x:.4f"),
        "iter {i}: {x:.4f\n          ^"
    );
    let err = TemplateError {
        message: "m".into(),
        column: 3,
    };
    assert_eq!(err.render_with_caret("a\nb}"), "a⏎b}\n  ^");
    let far = TemplateError {
        message: "m".into(),
        column: usize::MAX,
    };
    assert_eq!(far.render_with_caret("ab"), "ab\n  ^");
}

#[test]
fn template_limits() {
    let long = "a".repeat(MAX_TEMPLATE_BYTES + 1);
    let err = Template::parse(&long).expect_err("too long");
    assert!(err.message.contains("too long"), "{err}");
    assert_eq!(err.column, MAX_TEMPLATE_BYTES + 1);
    assert!(Template::parse(&"a".repeat(MAX_TEMPLATE_BYTES)).is_ok());
    let many = "{x}".repeat(MAX_FIELDS);
    assert_eq!(
        Template::parse(&many).map(|t| t.fields().count()),
        Ok(MAX_FIELDS)
    );
    let err = Template::parse(&format!("{many}{{x}}")).expect_err("too many fields");
    assert!(err.message.contains("too many fields"), "{err}");
    assert_eq!(err.column, 3 * MAX_FIELDS + 1);
}

proptest! {
    #[test]
    fn parse_never_panics(src in "[{}a-z_ 0-9:!=.<>^+\\-#,%éx\\[\\]()]{0,40}") {
        if let Ok(t) = Template::parse(&src) {
            let _ = t.render(&|_| Some(PyNum::Float(-1.5)));
            let _ = t.render(&|_| Some(PyNum::Int(-7)));
        }
    }

    #[test]
    fn parse_never_panics_on_any_string(src in "\\PC{0,60}") {
        match Template::parse(&src) {
            Ok(t) => prop_assert_eq!(t.source(), src.as_str()),
            Err(e) => {
                prop_assert!(e.column >= 1 && e.column <= src.chars().count() + 1);
                let _ = e.render_with_caret(&src);
            }
        }
    }

    #[test]
    fn format_never_panics(
        spec in "[ <>=^+\\-z#0-9,_.eEfFgGn%bcdoxXsé*]{0,12}",
        bits in any::<u64>(),
        int in any::<i64>(),
    ) {
        let _ = format_value(PyNum::Float(f64::from_bits(bits)), &spec);
        let _ = format_value(PyNum::Int(int), &spec);
        let _ = format_str("abc", &spec);
    }

    #[test]
    fn format_never_panics_on_any_spec(spec in "\\PC{0,20}", v in any::<f64>()) {
        let _ = format_value(PyNum::Float(v), &spec);
        let _ = format_value(PyNum::Int(v as i64), &spec);
    }

    #[test]
    fn repr_round_trips(bits in any::<u64>()) {
        let v = f64::from_bits(bits);
        let text = repr_float(v);
        if v.is_finite() {
            let back: f64 = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(back.to_bits(), v.to_bits());
        }
    }
}
