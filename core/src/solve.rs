//! Worked solutions, step by step, produced by the engine. Used by `gbl solve` and the book.

use crate::engine::PyNum;
use crate::engine::verdict::short;
use crate::exercise::compute::{Computed, Results};
use crate::exercise::model::{Exercise, Question};

/// The most steps written out in full; longer runs show the first and last ones.
const SHOWN_STEPS: usize = 12;

/// A number as a person writes it: ints as they are, floats to 6 significant digits.
pub fn num(v: PyNum) -> String {
    match v {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => short(f),
    }
}

/// `(3)` for one value, `(3, -2)` for several.
fn point(xs: &[PyNum]) -> String {
    let parts: Vec<String> = xs.iter().map(|x| num(*x)).collect();
    format!("({})", parts.join(", "))
}

/// The worked solution as lines of text (Markdown-friendly: no line needs escaping).
pub fn worked(exercise: &Exercise, results: &Results) -> Vec<String> {
    let mut out = Vec::new();
    let many_runs = results.runs.len() > 1;
    for (name, run) in &results.runs {
        if many_runs {
            out.push(format!("Run `{name}`:"));
        }
        match run {
            Computed::Descent(d) => {
                let vars = &d.run.vars;
                out.push(format!("f({}) = {}", vars.join(", "), d.f.presented()));
                for (v, g) in vars.iter().zip(d.problem.grad_exprs()) {
                    out.push(format!("∂f/∂{v} = {}", g.presented()));
                }
                if let Some(why) = &d.different_update {
                    let own: Vec<String> = vars
                        .iter()
                        .zip(&d.derivative)
                        .map(|(v, g)| format!("∂f/∂{v} = {}", g.presented()))
                        .collect();
                    out.push(format!(
                        "This update does not use f's own derivative ({}) on purpose: {why}",
                        own.join(", ")
                    ));
                }
                out.push(format!(
                    "Start at {} = {} with learning rate lr = {}; each update is x := x - lr·f'(x).",
                    if vars.len() == 1 { vars[0].clone() } else { format!("({})", vars.join(", ")) },
                    if vars.len() == 1 { num(d.run.point(0)[0]) } else { point(&d.run.point(0)) },
                    d.run.lr
                ));
                let updates = d.run.len().saturating_sub(1);
                for k in 1..=updates {
                    if updates > SHOWN_STEPS && k == SHOWN_STEPS / 2 + 1 {
                        out.push(format!("… ({} more updates) …", updates - SHOWN_STEPS));
                    }
                    if updates > SHOWN_STEPS
                        && k > SHOWN_STEPS / 2
                        && k <= updates - SHOWN_STEPS / 2
                    {
                        continue;
                    }
                    let before = d.run.point(k - 1);
                    let g = d.run.gradient(k - 1);
                    let parts: Vec<String> = vars
                        .iter()
                        .enumerate()
                        .map(|(i, v)| {
                            format!(
                                "{v} := {} - {} × {} = {}",
                                num(before[i]),
                                d.run.lr,
                                paren(num(g[i])),
                                num(d.run.point(k)[i])
                            )
                        })
                        .collect();
                    let grads: Vec<String> = vars
                        .iter()
                        .enumerate()
                        .map(|(i, v)| format!("∂f/∂{v}{} = {}", point(&before), num(g[i])))
                        .collect();
                    out.push(format!(
                        "Step {k}: {}; {}; f = {}",
                        grads.join(", "),
                        parts.join(", "),
                        num(d.run.value(k))
                    ));
                }
                out.push(format!(
                    "Verdict: {} ({}).",
                    d.judgement.verdict, d.judgement.reason
                ));
            }
            Computed::Graph(g) => {
                let p = &g.pass;
                out.push("Forward pass:".into());
                for (i, name) in p.names.iter().enumerate() {
                    match g.graph.nodes.iter().find(|n| &n.name == name) {
                        Some(n) => out.push(format!("{name} = {} = {}", n.expr, num(p.values[i]))),
                        None => out.push(format!("{name} = {} (input)", num(p.values[i]))),
                    }
                }
                out.push("Local derivatives:".into());
                for e in &p.edges {
                    out.push(format!(
                        "∂{}/∂{} = {} = {}",
                        p.names[e.to],
                        p.names[e.from],
                        e.local_expr,
                        num(e.local)
                    ));
                }
                let output = g.graph.output();
                out.push(format!(
                    "Backward pass (d{output}/d{output} = 1, then each node in reverse order):"
                ));
                for &i in p.order.iter().rev() {
                    let name = &p.names[i];
                    if name == output {
                        continue;
                    }
                    let terms: Vec<String> = p
                        .edges
                        .iter()
                        .filter(|e| e.from == i)
                        .map(|e| {
                            format!("d{output}/d{} · ∂{}/∂{name}", p.names[e.to], p.names[e.to])
                        })
                        .collect();
                    let values: Vec<String> = p
                        .edges
                        .iter()
                        .filter(|e| e.from == i)
                        .map(|e| format!("{} · {}", paren(num(p.grads[e.to])), paren(num(e.local))))
                        .collect();
                    out.push(format!(
                        "d{output}/d{name} = {} = {} = {}",
                        terms.join(" + "),
                        values.join(" + "),
                        num(p.grads[i])
                    ));
                }
            }
            Computed::Derivative(d) => {
                out.push(format!(
                    "d/d{} ({}) = {}",
                    d.wrt,
                    d.f.presented(),
                    d.derivative.presented()
                ));
                if let Some(v) = d.value {
                    out.push(format!("Its value at the given point: {}", num(v)));
                }
            }
        }
    }
    out.push("Answers:".into());
    for q in &exercise.questions {
        let value = match q {
            Question::Trace(_) => "the printed trace (see `gbl show`)".to_string(),
            _ => crate::exercise::answer::resolve(q.answer_ref(), results)
                .map(|a| match a {
                    crate::exercise::reference::Answer::Num(n) => num(n),
                    other => other.to_string(),
                })
                .unwrap_or_else(|e| e),
        };
        out.push(format!("{} = {value}", q.id()));
    }
    out
}

fn paren(s: String) -> String {
    if s.starts_with('-') {
        format!("({s})")
    } else {
        s
    }
}
