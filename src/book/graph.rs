//! `backprop graph= at=`: the forward pass and the backward pass as two tables.

use gbl_core::t;

use super::directive::{Directive, DirectiveError};
use super::markdown::{code, escape, num, table};
use crate::engine::backprop::{Graph, Pass};

/// Runs the graph of `graph= at=`.
pub(crate) fn compute(d: &Directive) -> Result<(Graph, Pass), DirectiveError> {
    let graph = d.req("graph")?;
    let at = d.req("at")?;
    crate::playground::compute(graph, &[at.to_string()])
        .map_err(|e| d.error(format!("{}: {e:#}", d.what())))
}

/// Runs a `backprop` directive.
pub(crate) fn backprop(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&[], &["graph", "at"], &[])?;
    let (g, p) = compute(d)?;
    Ok(tables(&g, &p))
}

/// The forward table (node, definition, value) and the backward table (node, local
/// derivatives, gradient with the products written out), in reverse topological order.
pub(crate) fn tables(g: &Graph, p: &Pass) -> String {
    let output = g.output();
    let mut out = format!("{}\n\n", t!("book-forward-pass"));
    out.push_str(&table(
        &[t!("book-node"), t!("book-defined-as"), t!("book-value")],
        &forward_rows(g, p),
        &[false, false, true],
    ));
    let fan_out = (0..p.names.len()).any(|i| p.edges.iter().filter(|e| e.from == i).count() > 1);
    let heading = if fan_out {
        t!("book-backward-pass-fan-out", output = output)
    } else {
        t!("book-backward-pass", output = output)
    };
    out.push_str(&format!("\n{heading}\n\n"));
    let backward: Vec<Vec<String>> = p
        .order
        .iter()
        .rev()
        .map(|&i| backward_row(g, p, i))
        .collect();
    out.push_str(&table(
        &[
            t!("book-node"),
            t!("book-local-derivatives"),
            escape(&t!("book-gradient-of", output = output)),
        ],
        &backward,
        &[false, false, false],
    ));
    out.push_str(&unused_note(g, p));
    out
}

/// A row per node: its name, its definition (or "input"), its value.
fn forward_rows(g: &Graph, p: &Pass) -> Vec<Vec<String>> {
    p.names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let def = match g.nodes.iter().find(|nd| &nd.name == name) {
                Some(nd) => code(&format!("{name} = {}", nd.expr)),
                None => t!("book-input"),
            };
            vec![code(name), def, num(p.values[i], None)]
        })
        .collect()
}

/// The row of node `i` in the backward table: its local derivatives and its gradient, the
/// sum over its uses written out.
fn backward_row(g: &Graph, p: &Pass, i: usize) -> Vec<String> {
    let output = g.output();
    let n = |v| num(v, None);
    let name = &p.names[i];
    if name == output {
        return vec![
            code(name),
            t!("book-the-output"),
            escape(&format!("d{output}/d{output} = 1")),
        ];
    }
    let uses: Vec<_> = p.edges.iter().filter(|e| e.from == i).collect();
    let locals: Vec<String> = uses
        .iter()
        .map(|e| {
            let local = format!("∂{}/∂{name}", p.names[e.to]);
            let expr = e.local_expr.to_string();
            let value = n(e.local);
            if expr == value {
                format!("{} = {value}", escape(&local))
            } else {
                format!("{} = {} = {value}", escape(&local), code(&expr))
            }
        })
        .collect();
    let grad = crate::solve::gradient_line(p, output, i);
    vec![code(name), locals.join("; "), escape(&grad)]
}

/// A sentence naming the nodes that do not reach the output (gradient 0), if any.
fn unused_note(g: &Graph, p: &Pass) -> String {
    let unused: Vec<&String> = p
        .names
        .iter()
        .enumerate()
        .filter(|(i, _)| !p.order.contains(i))
        .map(|(_, n)| n)
        .collect();
    if unused.is_empty() {
        return String::new();
    }
    let names: Vec<String> = unused.iter().map(|n| code(n)).collect();
    let text = if unused.len() == 1 {
        t!(
            "book-unused-one",
            nodes = names.join(", "),
            output = code(g.output())
        )
    } else {
        t!(
            "book-unused",
            nodes = names.join(", "),
            output = code(g.output())
        )
    };
    format!("\n{text}\n")
}
