//! A graph's forward and backward passes, as JSON and as text.

use std::io::Write;

use serde_json::{Value, json};

use crate::engine::backprop::{Graph, Pass};
use crate::style::Paint;

/// The contract's JSON: output, nodes [{name, value, grad}] (inputs first); plus each node's
/// expression and every edge with its local derivative.
pub(crate) fn to_json(g: &Graph, p: &Pass) -> Value {
    let nodes: Vec<Value> = p
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let expr = g
                .nodes
                .iter()
                .find(|n| &n.name == name)
                .map(|n| n.expr.to_string());
            json!({"name": name, "value": p.values[i], "grad": p.grads[i], "expr": expr})
        })
        .collect();
    let edges: Vec<Value> = p
        .edges
        .iter()
        .map(|e| {
            json!({
                "from": p.names[e.from],
                "to": p.names[e.to],
                "local": e.local,
                "local_expr": e.local_expr.to_string(),
            })
        })
        .collect();
    json!({"output": g.output(), "nodes": nodes, "edges": edges})
}

/// The passes as text: forward values, local derivatives, then the backward pass.
pub(crate) fn write_text(
    g: &Graph,
    p: &Pass,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let output = g.output();
    writeln!(out, "{}", paint.strong("forward"))?;
    for (i, name) in p.names.iter().enumerate() {
        let what = match g.nodes.iter().find(|n| &n.name == name) {
            Some(n) => format!("{name} = {}", n.expr),
            None => format!("{name} (input)"),
        };
        writeln!(out, "  {:<28} = {}", paint.code(&what), p.values[i])?;
    }
    writeln!(out, "{}", paint.strong("local derivatives"))?;
    for e in &p.edges {
        let label = format!("∂{}/∂{} = {}", p.names[e.to], p.names[e.from], e.local_expr);
        writeln!(out, "  {:<28} = {}", paint.code(&label), e.local)?;
    }
    writeln!(
        out,
        "{}",
        paint.strong(&format!(
            "backward (d{output}/d·, in reverse topological order)"
        ))
    )?;
    for &i in p.order.iter().rev() {
        let name = &p.names[i];
        let paths = p.edges.iter().filter(|e| e.from == i).count();
        let note = if paths > 1 {
            paint.dim(&format!("  (sum over {paths} paths)"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  d{output}/d{name:<24} = {}{note}",
            paint.strong(&p.grads[i].to_string())
        )?;
    }
    for (i, name) in p.names.iter().enumerate() {
        if !p.order.contains(&i) {
            writeln!(
                out,
                "  {}",
                paint.dim(&format!(
                    "{name} does not reach {output}: d{output}/d{name} = 0"
                ))
            )?;
        }
    }
    Ok(())
}
