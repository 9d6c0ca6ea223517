//! Replays a fuzz corpus through the expression reader exactly as the `expr` fuzz target does
//! (parse, evaluate, differentiate under the node budget, print, read as a graph), many times,
//! without sanitizers, printing the resident memory as it goes:
//!
//! ```text
//! cargo build --release --example expr_replay
//! target/release/examples/expr_replay fuzz/corpus/expr 40
//! ```
//!
//! Under libFuzzer with AddressSanitizer the `expr` target's resident memory climbs with the
//! number of runs (about 1 GB after 225,000), though no single input needs much; replayed here
//! it stays flat, which shows that the climb is the instrumentation's, not gbl's.

use gbl::engine::budget::try_derivative;
use gbl::engine::diff::Rules;
use gbl::engine::{PyNum, eval::eval, parse};

/// This process's resident memory, as `/proc/self/status` gives it.
fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| "VmRSS: unknown".into())
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "fuzz/corpus/expr".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(40);
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        inputs.push(std::fs::read(entry?.path())?);
    }
    for round in 0..rounds {
        for data in &inputs {
            let Ok(text) = std::str::from_utf8(data) else {
                continue;
            };
            let Ok(e) = parse(text) else { continue };
            let vars = e.variables();
            let at: Vec<(String, PyNum)> = vars
                .iter()
                .map(|v| (v.clone(), PyNum::Float(1.5)))
                .collect();
            let _ = eval(&e, &at);
            for v in vars.iter().take(4) {
                if let Ok(d) = try_derivative(&e, v, Rules::default()) {
                    let _ = eval(&d, &at);
                    let _ = d.to_string();
                }
            }
            let _ = gbl::engine::backprop::Graph::parse(text);
        }
        if round % 5 == 0 || round + 1 == rounds {
            println!(
                "round {round} of {rounds} ({} inputs): {}",
                inputs.len(),
                resident()
            );
        }
    }
    Ok(())
}
