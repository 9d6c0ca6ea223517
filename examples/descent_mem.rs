//! One 1,000,000-step descent of x^2/10 (lr 0.1, from 3), for measuring peak memory:
//!
//! ```text
//! /usr/bin/time -v target/release/examples/descent_mem          # stored in a Run
//! /usr/bin/time -v target/release/examples/descent_mem stream   # streamed with a Stepper
//! ```
//!
//! ("Maximum resident set size"). A short run keeps three `PyNum`s (16 bytes each) per step
//! per variable; a run this long (over `FLAT_NUMBERS`) keeps the point every 1,024 steps
//! (16 KB here, where storing every step took 48 MB). A streamed run keeps only the current
//! point, and
//! `Stepper::step` allocates nothing (the evaluation stack is reserved once, see
//! `Program::eval_with`), so its peak stays at the size of the program itself.

use gbl::engine::descent::{Problem, Run, Stepper};
use gbl::engine::{PyNum, parse};

fn main() {
    let steps = 1_000_000;
    let stream = std::env::args().any(|a| a == "stream");
    let f = parse("1/10*x^2").expect("parses");
    let vars = vec!["x".to_string()];
    let p = Problem::new(&f, &vars, None).expect("compiles");
    if stream {
        let mut s = Stepper::new(&p, &[PyNum::Int(3)], PyNum::Float(0.1)).expect("starts");
        for _ in 0..steps {
            s.step().expect("steps");
        }
        println!("streamed run: {} steps, last x = {}", s.i, s.x[0]);
    } else {
        let run = Run::new(&p, &[PyNum::Int(3)], PyNum::Float(0.1), steps);
        println!(
            "stored run: {} steps, last x = {}",
            run.len() - 1,
            run.point(steps)[0]
        );
    }
}
