//! Trace checking throughput: a 1,000,000-line trace checked against its reference, through
//! the library (exercise computed, lines paired and judged, report built). Each figure is the
//! median of repeated timings. The command-line comparison with `numdiff` is in
//! `benches/trace.sh`.
//!
//! Run with `cargo bench --bench trace`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gbl::check::{Context, Given, check_exercise};
use gbl::exercise::compute::default_params;
use gbl::exercise::load::{Source, parse_exercise};
use indexmap::IndexMap;

const STEPS: usize = 1_000_000;

fn median(reps: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[reps / 2]
}

fn main() {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/exercises/gd-trace.yaml"
    ))
    .expect("the bundled exercise")
    .replace("steps: 20", &format!("steps: {STEPS}"));
    let loaded = parse_exercise(
        "gd-big",
        Source {
            name: "gd-big.yaml".into(),
            text: yaml,
        },
    )
    .expect("parses");
    let params = default_params(&loaded.exercise).expect("params");
    let ctx = Context::new(&loaded, params.clone()).expect("computes");
    let q = &loaded.exercise.questions[0];
    let gbl::exercise::model::Question::Trace(t) = q else {
        panic!("a trace question")
    };
    let reference = gbl::check::trace::reference_lines(t, &ctx.results).expect("renders");
    let text = reference.join("\n") + "\n";
    let mut slipped = reference.clone();
    slipped[10] = slipped[10].replace("0.", "1.");
    let slipped = slipped.join("\n") + "\n";
    drop(reference);

    for (name, trace) in [("matching", &text), ("slip at line 11", &slipped)] {
        let mut given = IndexMap::new();
        given.insert(
            q.id().to_string(),
            Given::Trace {
                name: "big.txt".into(),
                text: trace.clone(),
            },
        );
        // The whole check, engine run included, as `gbl check` does it.
        let t = median(5, || {
            let ctx = Context::new(&loaded, params.clone()).expect("computes");
            black_box(check_exercise(&ctx, &given));
        });
        let report = check_exercise(&ctx, &given);
        println!(
            "{STEPS} lines, {name}: {:.1} ms (score {}/{})",
            t.as_secs_f64() * 1e3,
            report.score,
            report.max_score
        );
    }
}
