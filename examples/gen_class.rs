//! Generates a synthetic class for benchmarking `gbl grade`:
//!
//! ```sh
//! cargo run --release --example gen_class -- DIR N
//! gbl grade DIR/quiz.yaml DIR/class -o grades.csv
//! ```
//!
//! `DIR/quiz.yaml` is a salted quiz of four exercises (one with a trace); `DIR/class/` holds N
//! submissions, cycling through ten kinds: all right with a trace folder, all right in one
//! file, partly wrong with the classic mistakes, a trace with a slip, missing answers,
//! malformed YAML, empty, a hostile trace path, junk bytes and unknown exercise ids. The
//! right answers are each student's own, computed by gbl's engine.

use std::fmt::Write as _;
use std::path::Path;

use gbl::check::{Context, check_exercise};
use gbl::exercise::load::{Origin, load_all};
use gbl::grade::quiz::{self, Quiz};

const QUIZ: &str = "format: 1
title: Synthetic quiz
salt: benchmark-salt
exercises:
  - {id: gd-one-step, points: 2}
  - {id: chain-rule-x5, points: 4}
  - {id: gd-diverge, points: 3}
  - {id: gd-trace, points: 2}
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(n)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        return Err("usage: gen_class DIR N".into());
    };
    let dir = Path::new(dir);
    let class = dir.join("class");
    std::fs::create_dir_all(&class)?;
    std::fs::write(dir.join("quiz.yaml"), QUIZ)?;
    let q: Quiz = serde_yaml::from_str(QUIZ)?;
    let (exercises, _) = load_all(&Origin::bundled());
    let trace_ex = exercises
        .iter()
        .find(|l| l.id == "gd-trace")
        .ok_or("no gd-trace")?;
    let trace_ctx = Context::new(trace_ex, quiz::Quiz::params_for(&q, trace_ex, "x")?)?;
    let trace: String = match trace_ex.exercise.questions.first() {
        Some(gbl::exercise::Question::Trace(t)) => {
            gbl::check::trace::reference_lines(t, &trace_ctx.results)?.join("\n") + "\n"
        }
        _ => return Err("gd-trace has no trace question".into()),
    };
    for i in 0..n {
        let student = format!("s{i:06}");
        // The student's right answers, as an answer file without the trace.
        let mut right = String::new();
        let mut wrong = String::new();
        for e in &q.exercises {
            if e.id == "gd-trace" {
                continue;
            }
            let l = exercises
                .iter()
                .find(|l| l.id == e.id)
                .ok_or("unknown exercise")?;
            let ctx = Context::new(l, q.params_for(l, &student)?)?;
            let r = check_exercise(&ctx, &Default::default());
            let pairs: Vec<String> = r
                .questions
                .iter()
                .map(|qr| format!("{}: {}", qr.id, qr.expected))
                .collect();
            writeln!(right, "{}: {{{}}}", e.id, pairs.join(", "))?;
            // Partly wrong: every other number doubled.
            let pairs: Vec<String> = r
                .questions
                .iter()
                .enumerate()
                .map(|(k, qr)| match qr.expected.as_f64() {
                    Some(v) if k % 2 == 1 => format!("{}: {}", qr.id, 2.0 * v + 1.0),
                    _ => format!("{}: {}", qr.id, qr.expected),
                })
                .collect();
            writeln!(wrong, "{}: {{{}}}", e.id, pairs.join(", "))?;
        }
        let folder = |answers: &str, trace_text: &str| -> std::io::Result<()> {
            let d = class.join(&student);
            std::fs::create_dir_all(d.join("traces"))?;
            std::fs::write(d.join("answers.yaml"), answers)?;
            std::fs::write(d.join("traces/out.txt"), trace_text)
        };
        let file = |text: &[u8]| std::fs::write(class.join(format!("{student}.yaml")), text);
        match i % 10 {
            0 => folder(
                &format!("{right}gd-trace: {{trace: traces/out.txt}}\n"),
                &trace,
            )?,
            1 => file(right.as_bytes())?,
            2 => file(wrong.as_bytes())?,
            3 => folder(
                &format!("{wrong}gd-trace: {{trace: traces/out.txt}}\n"),
                &trace.replacen("0.9830", "0.9831", 1),
            )?,
            4 => file(right.lines().next().unwrap_or_default().as_bytes())?,
            5 => file(b"gd-one-step: {grad: 0.6, x1: 2.4\nchain-rule-x5: [\n")?,
            6 => file(b"")?,
            7 => folder(
                &format!("{right}gd-trace: {{trace: ../../etc/passwd}}\n"),
                &trace,
            )?,
            8 => file(&[0x89, b'P', b'N', b'G', 0xff, 0xfe, 0, 1, 2, 3])?,
            _ => file(format!("gd-one-stp: {{grad: 1}}\n{wrong}").as_bytes())?,
        }
    }
    println!("{n} submissions in {}", class.display());
    Ok(())
}
