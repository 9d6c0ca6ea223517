//! Worked solutions, step by step, produced by the engine. Used by `gbl solve` and the book.

use crate::engine::PyNum;
use crate::engine::backprop::Pass;
use crate::exercise::compute::{Computed, DerivativeResult, DescentResult, GraphResult, Results};
use crate::exercise::model::{Exercise, Question};
use crate::pyfmt::present::paren;
use crate::t;

/// A number as a person writes it: ints as they are, floats to 6 significant digits (the
/// presenter's [`crate::pyfmt::present::short_num`]).
pub use crate::pyfmt::present::short_num as num;

/// The most steps written out in full; longer runs show the first and last ones.
const SHOWN_STEPS: usize = 12;

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
            out.push(t!("solve-run", run = name));
        }
        match run {
            Computed::Descent(d) => descent(d, &mut out),
            Computed::Graph(g) => graph(g, &mut out),
            Computed::Derivative(d) => derivative(d, &mut out),
        }
    }
    out.push(t!("solve-answers"));
    for q in &exercise.questions {
        let value = match q {
            Question::Trace(_) => t!("solve-trace-answer"),
            _ => crate::exercise::answer::resolve(q.answer_ref(), results)
                .map(|a| match a {
                    crate::exercise::reference::Answer::Num(n) => num(n),
                    other => other.to_string(),
                })
                .unwrap_or_else(|e| e.to_string()),
        };
        out.push(format!("{} = {value}", q.id()));
    }
    out
}

/// A descent: f, its gradient, the start, each update (the middle ones elided past
/// [`SHOWN_STEPS`]) and the verdict.
fn descent(d: &DescentResult, out: &mut Vec<String>) {
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
        out.push(t!(
            "solve-different-update",
            own = own.join(", "),
            why = why
        ));
    }
    out.push(t!(
        "solve-start",
        var = if vars.len() == 1 {
            vars[0].clone()
        } else {
            format!("({})", vars.join(", "))
        },
        value = if vars.len() == 1 {
            num(d.run.point(0)[0])
        } else {
            point(&d.run.point(0))
        },
        lr = d.run.lr
    ));
    let updates = d.run.len().saturating_sub(1);
    for k in 1..=updates {
        if updates > SHOWN_STEPS && k == SHOWN_STEPS / 2 + 1 {
            out.push(t!("solve-more-updates", n = updates - SHOWN_STEPS));
        }
        if updates > SHOWN_STEPS && k > SHOWN_STEPS / 2 && k <= updates - SHOWN_STEPS / 2 {
            continue;
        }
        out.push(update(d, k));
    }
    out.push(t!(
        "solve-verdict",
        verdict = d.judgement.verdict,
        reason = d.judgement.reason
    ));
}

/// Update `k` of a descent: the gradient where it starts, each variable's update, and f.
fn update(d: &DescentResult, k: usize) -> String {
    let vars = &d.run.vars;
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
    t!(
        "solve-step",
        k = k,
        gradients = grads.join(", "),
        updates = parts.join(", "),
        f = num(d.run.value(k))
    )
}

/// A graph: the forward pass, the local derivatives, and the backward pass.
fn graph(g: &GraphResult, out: &mut Vec<String>) {
    let p = &g.pass;
    out.push(t!("solve-forward"));
    for (i, name) in p.names.iter().enumerate() {
        match g.graph.nodes.iter().find(|n| &n.name == name) {
            Some(n) => out.push(format!("{name} = {} = {}", n.expr, num(p.values[i]))),
            None => out.push(t!("solve-input", name = name, value = num(p.values[i]))),
        }
    }
    out.push(t!("solve-local"));
    for e in &p.edges {
        out.push(format!(
            "∂{}/∂{} = {} = {}",
            p.names[e.to],
            p.names[e.from],
            e.local_expr,
            num(e.local)
        ));
    }
    backward(g, out);
}

/// The backward pass: each node's gradient as the sum over its uses of the upstream
/// gradient times the local derivative, in reverse topological order.
fn backward(g: &GraphResult, out: &mut Vec<String>) {
    let p = &g.pass;
    let output = g.graph.output();
    out.push(t!("solve-backward", out = output));
    for &i in p.order.iter().rev() {
        if p.names[i] != output {
            out.push(gradient_line(p, output, i));
        }
    }
}

/// How node `i`'s gradient sums over the nodes that use it, in symbols, in numbers and as the
/// total: `dy/dz = dy/dw · ∂w/∂z + ... = 3 · 2 + ... = 6` (the worked solution and the book's
/// backward table both write it so).
pub fn gradient_line(p: &Pass, output: &str, i: usize) -> String {
    let name = &p.names[i];
    let uses = || p.edges.iter().filter(move |e| e.from == i);
    let terms: Vec<String> = uses()
        .map(|e| format!("d{output}/d{} · ∂{}/∂{name}", p.names[e.to], p.names[e.to]))
        .collect();
    let values: Vec<String> = uses()
        .map(|e| format!("{} · {}", paren(num(p.grads[e.to])), paren(num(e.local))))
        .collect();
    format!(
        "d{output}/d{name} = {} = {} = {}",
        terms.join(" + "),
        values.join(" + "),
        num(p.grads[i])
    )
}

/// A derivative, and its value at the given point.
fn derivative(d: &DerivativeResult, out: &mut Vec<String>) {
    out.push(format!(
        "d/d{} ({}) = {}",
        d.wrt,
        d.f.presented(),
        d.derivative.presented()
    ));
    if let Some(v) = d.value {
        out.push(t!("solve-value-at-point", value = num(v)));
    }
}
