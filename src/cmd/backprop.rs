//! `gbl backprop "z = x - 2; y = 2*z^2" --at x=5`: forward and backward passes.

use std::io::Write;

use anyhow::Context;
use serde_json::{Value, json};

use crate::cli::{Format, Outcome};
use crate::engine::backprop::{Graph, Pass};
use crate::playground::compute;
use crate::style::Paint;

/// Arguments of `gbl backprop`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph: statements `name = expression` separated by ';' or new lines; the last
    /// node is the output, e.g. "z = x - 2; y = 2*z^2".
    pub graph: String,
    /// The inputs' values, e.g. x=5 or w=0.5,x=2,b=0,t=3.
    #[arg(long, value_name = "VAR=NUM,...")]
    pub at: Vec<String>,
    /// Also draw the graph (values, local derivatives, gradients) as an SVG to this file.
    #[arg(long, value_name = "FILE")]
    pub plot: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gbl backprop`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (g, p) = compute(&args.graph, &args.at)?;
    if let Some(path) = &args.plot {
        let title = format!("computational graph of {}", g.output());
        let svg = crate::plot::figures::graph_svg(&title, &g, &p);
        crate::fsutil::write_atomic(path, svg.as_bytes())
            .with_context(|| format!("writing the plot to {}", path.display()))?;
    }
    match args.format {
        Format::Json => super::print_json(out, &to_json(&g, &p))?,
        Format::Text => write_text(&g, &p, paint, out)?,
    }
    Ok(Outcome::Correct)
}

/// The contract's JSON: output, nodes [{name, value, grad}] (inputs first); plus each node's
/// expression and every edge with its local derivative.
pub fn to_json(g: &Graph, p: &Pass) -> Value {
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

fn write_text(g: &Graph, p: &Pass, paint: Paint, out: &mut dyn Write) -> anyhow::Result<()> {
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
