//! Property tests of the trace judge through the library: right programs written in many
//! styles (labels, f-strings and `str.format` digits, `round`, full precision with float
//! noise, blank lines, debug prints, console lines) all earn full marks; coarse precisions
//! and wrong rules all earn less, with the mistake named. The traces are made here by
//! formatting the values as CPython would (Rust's `{:.N}` and Python's `{:.Nf}` agree on every
//! f64; full values use gbl's `repr`, itself tested against CPython in `pyfmt_cpython.rs`);
//! the fixed cases of `trace_programs.rs` run real `python3` programs.

use gbl::check::{Context, Given, check_exercise};
use gbl::exercise::compute::default_params;
use gbl::exercise::load::{Loaded, Source, parse_exercise};
use gbl::pyfmt::repr_float;
use indexmap::IndexMap;
use proptest::prelude::*;

const CASES: u32 = 96;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(CASES),
        ..ProptestConfig::default()
    }
}

fn loaded() -> Loaded {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/exercises/gd-trace.yaml"
    ))
    .expect("the bundled exercise");
    parse_exercise(
        "gd-trace",
        Source {
            name: "gd-trace.yaml".into(),
            text: yaml,
        },
    )
    .expect("parses")
}

/// (score, max, mistake, feedback) of a trace for gd-trace.
fn judge(l: &Loaded, text: String) -> (f64, f64, Option<String>, String) {
    let ctx = Context::new(l, default_params(&l.exercise).expect("params")).expect("computes");
    let mut given = IndexMap::new();
    given.insert(
        "trace".to_string(),
        Given::Trace {
            name: "t.txt".into(),
            text,
        },
    );
    let r = check_exercise(&ctx, &given);
    let q = &r.questions[0];
    (q.score, q.max_score, q.mistake.clone(), q.feedback.clone())
}

/// How the student labels a line: `{i}` and `{v}` stand for the counter and the value, `{g}`
/// for the slope.
const LABELS: &[&str] = &[
    "{i}-th x: {v}",
    "{i}-th x: {v}  grad: {g}",
    "iter {i}: x = {v}",
    "{i} {v}",
    "{i}: {v}",
    "x = {v}",
    "step {i}, x={v}",
];

/// How the value is printed.
#[derive(Clone, Copy, Debug)]
enum Digits {
    /// `{x:.Nf}`.
    Fixed(usize),
    /// `round(x, 4)` printed by repr.
    Round4,
    /// repr of the full value.
    Full,
}

fn show(v: f64, d: Digits) -> String {
    match d {
        Digits::Fixed(n) => format!("{v:.n$}"),
        Digits::Round4 => repr_float(format!("{v:.4}").parse().unwrap_or(v)),
        Digits::Full => repr_float(v),
    }
}

#[derive(Clone, Debug)]
struct Style {
    label: &'static str,
    digits: Digits,
    /// `x = 0.8 * x` instead of `x = x - x / 5` (float noise in full values).
    times: bool,
    blank: bool,
    debug: bool,
    console: bool,
}

fn style(right_digits: bool) -> impl Strategy<Value = Style> {
    let digits = if right_digits {
        prop_oneof![
            (4usize..12).prop_map(Digits::Fixed),
            Just(Digits::Round4),
            Just(Digits::Full),
        ]
        .boxed()
    } else {
        (0usize..3).prop_map(Digits::Fixed).boxed()
    };
    (
        prop::sample::select(LABELS),
        digits,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(label, digits, times, blank, debug, console)| Style {
            label,
            digits,
            times,
            blank,
            debug,
            console,
        })
}

/// The output of a program in `s`'s style with learning rate `lr` (1 is the exercise's).
fn trace(s: &Style, lr: f64) -> String {
    let mut out = String::new();
    if s.console {
        out.push_str("/usr/bin/python3 /home/student/gd.py\n");
    }
    out.push_str("Initial x: 3\n");
    let mut x = 3.0_f64;
    for i in 1..=20 {
        let g = x / 5.0;
        if s.debug {
            out.push_str(&format!("debug {}\n", repr_float(g)));
        }
        x = if s.times && lr == 1.0 {
            0.8 * x
        } else {
            x - lr * g
        };
        let line = s
            .label
            .replace("{i}", &i.to_string())
            .replace("{v}", &show(x, s.digits))
            .replace("{g}", &format!("{g:.4}"));
        out.push_str(&line);
        out.push('\n');
        if s.blank {
            out.push('\n');
        }
    }
    if s.console {
        out.push_str("\nProcess finished with exit code 0\n");
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn right_programs_in_any_style_earn_full_marks(s in style(true)) {
        let l = loaded();
        let text = trace(&s, 1.0);
        let (score, max, _, feedback) = judge(&l, text.clone());
        prop_assert_eq!(score, max, "{:?}\n{}\n{}", s, feedback, text);
    }

    #[test]
    fn coarse_precision_earns_less_and_is_named(s in style(false)) {
        let l = loaded();
        let text = trace(&s, 1.0);
        let (score, max, mistake, feedback) = judge(&l, text.clone());
        prop_assert!(score < max / 3.0, "{:?}\n{}\n{}", s, feedback, text);
        prop_assert_eq!(mistake.as_deref(), Some("precision"), "{:?}\n{}", s, feedback);
        prop_assert!(feedback.contains("where the task asks 4 decimals"), "{}", feedback);
    }

    #[test]
    fn wrong_rules_earn_less_with_the_rule_named(
        s in style(true),
        (lr, code) in prop::sample::select(vec![
            (0.5, "learning-rate"),
            (2.0, "learning-rate"),
            (1.5, "learning-rate"),
            (-1.0, "add-gradient"),
        ]),
    ) {
        let l = loaded();
        let text = trace(&s, lr);
        let (score, max, mistake, feedback) = judge(&l, text.clone());
        prop_assert!(score < max / 10.0, "{:?}\n{}\n{}", s, feedback, text);
        prop_assert_eq!(mistake.as_deref(), Some(code), "{:?}\n{}", s, feedback);
    }
}

/// Pieces of odd output: numbers, labels, console text, blank lines, unicode, junk.
fn odd_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (-5.0f64..5.0).prop_map(|v| format!("{v:.4}")),
        (0u32..30).prop_map(|i| i.to_string()),
        Just("-th x: ".to_string()),
        Just("Initial x: ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("  grad: ".to_string()),
        Just("x = ".to_string()),
        Just("nan".to_string()),
        Just("1e400".to_string()),
        Just("Process finished with exit code 0\n".to_string()),
        Just("Traceback (most recent call last):\n".to_string()),
        Just("é∂ ".to_string()),
        Just("(".to_string()),
        Just(", ".to_string()),
        "[ -~]{0,12}",
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn odd_output_never_panics_and_scores_within_bounds(
        pieces in prop::collection::vec(odd_piece(), 0..120),
    ) {
        let l = loaded();
        let text: String = pieces.concat();
        let (score, max, _, feedback) = judge(&l, text.clone());
        prop_assert!((0.0..=max).contains(&score), "{}\n{}", feedback, text);
        prop_assert!(!feedback.is_empty());
        // The same text judged twice gives the same verdict.
        let (again, _, _, feedback2) = judge(&l, text);
        prop_assert_eq!(score, again);
        prop_assert_eq!(feedback, feedback2);
    }
}
