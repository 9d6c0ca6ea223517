//! Descent throughput: the lecture's 20-step run, and a 1,000,000-step run stored and
//! streamed. Each figure is the median of repeated timings (std::time::Instant).
//!
//! Run with `cargo bench --bench descent`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gbl::engine::descent::{Problem, Run, Stepper};
use gbl::engine::{PyNum, parse};

/// Times `f` `reps` times and returns the median duration.
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
    let vars = vec!["x".to_string()];
    let f = parse("1/10*x^2").expect("parses");

    // The lecture's run: 20 steps of x^2/10 from 3 with lr 1 (Problem::new and Run::new each
    // time), timed in batches of 1000 runs.
    let batch = 1000;
    let t = median(31, || {
        for _ in 0..batch {
            let p = Problem::new(&f, &vars, None).expect("compiles");
            let run = Run::new(&p, &[PyNum::Int(3)], PyNum::Int(1), 20);
            black_box(run.point(20)[0]);
        }
    });
    let lecture_per_s = batch as f64 / t.as_secs_f64();
    println!(
        "lecture 20-step run (Problem::new + Run::new): median {:.2} µs/run, {:.0} runs/s",
        t.as_secs_f64() * 1e6 / batch as f64,
        lecture_per_s
    );

    // A million steps of x^2/10 with lr 0.1 from 3.
    let steps = 1_000_000;
    let p = Problem::new(&f, &vars, None).expect("compiles");
    let stored = median(11, || {
        let run = Run::new(&p, &[PyNum::Int(3)], PyNum::Float(0.1), steps);
        black_box(run.point(steps)[0]);
    });
    let streamed = median(11, || {
        let mut s = Stepper::new(&p, &[PyNum::Int(3)], PyNum::Float(0.1)).expect("starts");
        for _ in 0..steps {
            s.step().expect("steps");
        }
        black_box(s.x[0]);
    });
    for (what, t) in [
        ("stored (Run::new)", stored),
        ("streamed (Stepper)", streamed),
    ] {
        println!(
            "1,000,000-step run, {what}: median {:.1} ms/run, {:.2} runs/s, {:.1} ns/step",
            t.as_secs_f64() * 1e3,
            1.0 / t.as_secs_f64(),
            t.as_secs_f64() * 1e9 / steps as f64
        );
    }
    println!(
        "stored / streamed time ratio: {:.2}",
        stored.as_secs_f64() / streamed.as_secs_f64()
    );
}
