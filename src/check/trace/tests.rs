//! Tests of the trace judge as a whole: determinism under other work limits, reading.

use super::*;
use crate::exercise::compute::default_params;
use crate::exercise::load::{Source, parse_exercise};

/// gd-trace with `steps` updates, its question and its run.
fn gd_trace(steps: usize) -> crate::exercise::load::Loaded {
    let yaml = include_str!("../../../exercises/gd-trace.yaml")
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

/// The expected lines of gd-trace with `steps` updates.
fn expected_lines(steps: usize) -> Vec<String> {
    with_gd_trace(steps, |_, _, _, layout| {
        (0..layout.len()).map(|k| layout.line(k)).collect()
    })
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

/// Checks gd-trace with `steps` updates against each given trace file, read whole and read
/// while judged; returns both verdicts and whether the long-trace reading judged it alone.
fn both_ways(
    steps: usize,
    files: &[(&str, Vec<u8>)],
) -> Vec<(QuestionReport, QuestionReport, bool)> {
    with_gd_trace(steps, |ctx, q, t, layout| {
        let dir = tempfile::tempdir().expect("temp dir");
        files
            .iter()
            .map(|(name, bytes)| {
                let path = dir.path().join(name);
                std::fs::write(&path, bytes).expect("written");
                let text = crate::fsutil::read_trace_text(&path, 1 << 30).expect("readable");
                let whole = Given::Trace {
                    name: name.to_string(),
                    text,
                };
                let file = Given::TraceFile {
                    name: name.to_string(),
                    path: path.clone(),
                };
                let streamed = stream::exact_long_trace(layout, &path, 1 << 30).is_some();
                (
                    check_question(ctx, q, t, Some(&whole)),
                    check_question(ctx, q, t, Some(&file)),
                    streamed,
                )
            })
            .collect()
    })
}

#[test]
fn a_long_trace_read_while_judged_gets_the_verdict_of_the_whole_file() {
    let steps = 30_000;
    let lines = expected_lines(steps);
    assert_eq!(
        lines[1], "1-th x: 2.4000",
        "the reference, by hand: 3 - 3/5"
    );
    let join = |l: &[String], end: &str| l.iter().map(|s| format!("{s}{end}")).collect::<String>();
    let exact = join(&lines, "\n");
    let mut marked = vec![0xEF, 0xBB, 0xBF];
    marked.extend(join(&lines, "  \r\n").into_bytes());
    marked.extend(b"\n\n   \n");
    let mut blank_inside = lines.clone();
    blank_inside.insert(5, String::new());
    let mut one_wrong = lines.clone();
    one_wrong[20_000] = one_wrong[20_000].replace("-th x: ", "-th x: 1");
    let mut too_many = lines.clone();
    too_many.push("30001-th x: 0.0000".into());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(exact.encode_utf16().flat_map(u16::to_le_bytes));
    let files = [
        ("exact.txt", exact.clone().into_bytes()),
        ("marked.txt", marked),
        ("blank.txt", join(&blank_inside, "\n").into_bytes()),
        ("wrong.txt", join(&one_wrong, "\n").into_bytes()),
        ("more.txt", join(&too_many, "\n").into_bytes()),
        (
            "fewer.txt",
            join(&lines[..lines.len() - 1], "\n").into_bytes(),
        ),
        ("utf16.txt", utf16),
    ];
    let results = both_ways(steps, &files);
    for ((name, _), (whole, file, streamed)) in files.iter().zip(&results) {
        assert_eq!(whole, file, "{name}: the same verdict either way");
        let right = matches!(*name, "exact.txt" | "marked.txt");
        assert_eq!(
            *streamed, right,
            "{name}: judged while read only when exact"
        );
        let same_text = matches!(*name, "blank.txt" | "utf16.txt");
        assert_eq!(
            whole.status == Status::Correct,
            right || same_text,
            "{name}"
        );
    }
    assert_eq!(results[0].1.score, 20.0);
    assert_eq!(results[0].1.feedback, "all 30001 lines right");
}

#[test]
fn a_short_trace_is_never_judged_while_read() {
    let results = both_ways(
        20,
        &[(
            "short.txt",
            expected_lines(20)
                .iter()
                .map(|l| format!("{l}\n"))
                .collect::<String>()
                .into_bytes(),
        )],
    );
    let (whole, file, streamed) = &results[0];
    assert!(!streamed);
    assert_eq!(whole, file);
    // Short traces list every line.
    assert_eq!(file.lines.as_ref().map(|l| l.lines.len()), Some(21));
}

#[test]
fn a_trace_of_more_lines_than_the_budget_is_refused_and_trailing_blank_lines_do_not_count() {
    with_gd_trace(20, |ctx, q, t, layout| {
        let trace = |text: String| Given::Trace {
            name: "out.txt".into(),
            text,
        };
        let over = check_question(ctx, q, t, Some(&trace("0\n".repeat(MAX_TRACE_LINES + 1))));
        assert_eq!(over.status, Status::Invalid);
        assert_eq!(
            over.feedback,
            "'out.txt' has 200001 lines, more than the 200000 a trace may have (the task prints 21): \
         print only what the task asks"
        );
        // At the budget the trace is judged: wrong, with every line read.
        let at = check_question(ctx, q, t, Some(&trace("0\n".repeat(MAX_TRACE_LINES))));
        assert_eq!(at.status, Status::Wrong);
        // The right trace followed by a million blank lines is right.
        let right: String = (0..layout.len()).map(|k| layout.line(k) + "\n").collect();
        let padded = check_question(ctx, q, t, Some(&trace(right + &"\n".repeat(1_000_000))));
        assert_eq!(padded.status, Status::Correct);
        assert_eq!(padded.score, 20.0);
    })
}
