//! Tests of the trace judge as a whole: determinism under other work limits, reading.

use super::*;
use crate::check::NoFiles;
use crate::exercise::compute::default_params;
use crate::exercise::load::{Source, parse_exercise};

/// gd-trace with `steps` updates, its question and its run.
fn gd_trace(steps: usize) -> crate::exercise::load::Loaded {
    let yaml = include_str!("../../../../exercises/gd-trace.yaml")
        .replace("steps: 20", &format!("steps: {steps}"));
    parse_exercise(
        "gd-trace",
        Source {
            name: "gd-trace.yaml".into(),
            text: yaml,
        },
    )
    .expect("parses")
}

/// Runs `f` on gd-trace with `steps` updates: its context, trace question and expected lines.
fn with_gd_trace<R>(
    steps: usize,
    f: impl FnOnce(&Context, &Question, &TraceQuestion, &Layout) -> R,
) -> R {
    let loaded = gd_trace(steps);
    let ctx =
        Context::new(&loaded, default_params(&loaded.exercise).expect("params")).expect("computes");
    let q = loaded.exercise.questions.first().expect("a question");
    let Question::Trace(t) = q else {
        panic!("a trace question");
    };
    let Some(Computed::Descent(d)) = ctx.results.runs.get(&t.run) else {
        panic!("a descent");
    };
    f(&ctx, q, t, &Layout::new(t, d).expect("layout"))
}

#[test]
fn the_verdict_does_not_depend_on_the_work_limits_or_a_clock() {
    let loaded = gd_trace(2_000);
    let ctx =
        Context::new(&loaded, default_params(&loaded.exercise).expect("params")).expect("computes");
    let Some(Question::Trace(t)) = loaded.exercise.questions.first() else {
        panic!("a trace question");
    };
    let Some(Computed::Descent(d)) = ctx.results.runs.get(&t.run) else {
        panic!("a descent");
    };
    let layout = Layout::new(t, d).expect("layout");
    // A 2,000-line trace with lines left out, lines added and a slip.
    let mut lines: Vec<String> = (0..layout.len()).map(|k| layout.line(k)).collect();
    lines.remove(700);
    lines.insert(1_200, "1200-th x: 9.9999".into());
    lines.remove(1_500);
    lines[40] = lines[40].replace("0.", "1.");
    let printed: Vec<&str> = lines.iter().map(String::as_str).collect();
    let default = check_lines(&layout, printed.clone(), t, align::Limits::default());
    let roomy = align::Limits {
        max_lines: 100_000,
        max_edits: 50_000,
        max_compares: usize::MAX,
        max_cells: usize::MAX,
    };
    let again = check_lines(&layout, printed, t, roomy);
    assert_eq!(default, again);
    assert_eq!(default.counted, 2_002);
    assert!(default.right > 1_990, "{}", default.right);
    // No clock in the judge: the verdict is a function of the input alone.
    for (name, src) in [
        ("mod.rs", include_str!("mod.rs")),
        ("align.rs", include_str!("align.rs")),
        ("judge.rs", include_str!("judge.rs")),
        ("carry.rs", include_str!("carry.rs")),
        ("diagnose.rs", include_str!("diagnose.rs")),
    ] {
        let code = src.split("#[cfg(test)]").next().unwrap_or(src);
        for clock in ["Instant", "SystemTime", "deadline"] {
            assert!(!code.contains(clock), "{name} uses {clock}");
        }
    }
}

#[test]
fn printed_lines_drop_line_ends_and_trailing_blank_lines() {
    for text in ["a\r\nb  \n\n\n", "\u{feff}a\n", "\n\n", "", "a\n\n b\n  \n"] {
        assert_eq!(printed_count(text), printed_lines(text).len(), "{text:?}");
    }
    assert_eq!(printed_lines("a\r\nb  \n\n\n"), ["a", "b"]);
    assert_eq!(printed_lines("\u{feff}a\n"), ["a"]);
    assert!(printed_lines("\n\n").is_empty());
}

#[test]
fn a_trace_of_more_lines_than_the_budget_is_refused_and_trailing_blank_lines_do_not_count() {
    with_gd_trace(20, |ctx, q, t, layout| {
        let trace = |text: String| Given::Trace {
            name: "out.txt".into(),
            text,
        };
        let over = check_question(
            ctx,
            q,
            t,
            Some(&trace("0\n".repeat(MAX_TRACE_LINES + 1))),
            &NoFiles,
        );
        assert_eq!(over.status, Status::Invalid);
        assert_eq!(
            over.feedback,
            "'out.txt' has 200001 lines, more than the 200000 a trace may have (the task prints 21): \
         print only what the task asks"
        );
        // At the budget the trace is judged: wrong, with every line read.
        let at = check_question(
            ctx,
            q,
            t,
            Some(&trace("0\n".repeat(MAX_TRACE_LINES))),
            &NoFiles,
        );
        assert_eq!(at.status, Status::Wrong);
        // The right trace followed by a million blank lines is right.
        let right: String = (0..layout.len()).map(|k| layout.line(k) + "\n").collect();
        let padded = check_question(
            ctx,
            q,
            t,
            Some(&trace(right + &"\n".repeat(1_000_000))),
            &NoFiles,
        );
        assert_eq!(padded.status, Status::Correct);
        assert_eq!(padded.score, 20.0);
    })
}
