//! Backpropagation through a graph of named nodes.
//!
//! A graph is written as statements `z = x - 2; y = 2*z^2`: each node is an expression over
//! the inputs and the nodes before it, and the last node is the output. The forward pass
//! evaluates the nodes in order. Each edge p → n carries the local derivative ∂n/∂p (the
//! symbolic partial derivative of n's expression, evaluated at the forward values). The
//! backward pass sets d(out)/d(out) = 1 and walks an explicit topological order in reverse
//! (built by depth-first search from the output, as micrograd does), adding
//! d(out)/d(n) · ∂n/∂p into d(out)/d(p) for every edge. A node that feeds several others
//! gets the sum over every path.

use super::budget::try_derivative;
use super::diff::Rules;
use super::eval::{EvalError, Program};
use super::expr::BinOp;
use super::expr::Expr;
use super::parse::{ParseError, parse};
use crate::num::PyNum;

/// A node defined by a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Its name.
    pub name: String,
    /// Its expression over inputs and earlier nodes.
    pub expr: Expr,
    /// The names it uses, in order of first use.
    pub parents: Vec<String>,
}

/// A graph: inputs (names used but not defined) and nodes in order; the last is the output.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    /// Names used but never defined, in order of first use.
    pub inputs: Vec<String>,
    /// Defined nodes, in the order written.
    pub nodes: Vec<Node>,
}

/// A problem in a graph's text, with the characters it concerns (0-based, end exclusive).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message} (column {})", self.start + 1)]
pub struct GraphError {
    /// What is wrong.
    pub message: String,
    /// First character concerned.
    pub start: usize,
    /// One past the last.
    pub end: usize,
}

impl GraphError {
    /// The message with the graph's text and carets under the spot.
    pub fn render(&self, src: &str) -> String {
        let pe = ParseError {
            kind: super::parse::ParseErrorKind::Empty,
            start: self.start,
            end: self.end,
        };
        format!("{self}\n{}", pe.caret(src))
    }
}

impl Graph {
    /// Parses `name = expr` statements separated by `;` or new lines.
    pub fn parse(src: &str) -> Result<Graph, GraphError> {
        if src.chars().count() > 4 * super::parse::MAX_LEN {
            return Err(GraphError {
                message: format!(
                    "the graph is longer than {} characters",
                    4 * super::parse::MAX_LEN
                ),
                start: 0,
                end: 1,
            });
        }
        let mut nodes: Vec<Node> = Vec::new();
        let mut inputs: Vec<String> = Vec::new();
        let mut offset = 0usize; // in characters
        for stmt in src.split([';', '\n']) {
            let here = offset;
            offset += stmt.chars().count() + 1;
            if stmt.trim().is_empty() {
                continue;
            }
            let node = statement(stmt, here, &nodes, &inputs)?;
            for p in &node.parents {
                if !nodes.iter().any(|n| &n.name == p) && !inputs.contains(p) {
                    inputs.push(p.clone());
                }
            }
            nodes.push(node);
        }
        if nodes.is_empty() {
            return Err(GraphError {
                message: "the graph has no statement 'name = expression'".into(),
                start: 0,
                end: 1,
            });
        }
        Ok(Graph { inputs, nodes })
    }

    /// The output node's name.
    pub fn output(&self) -> &str {
        self.nodes.last().map_or("", |n| n.name.as_str())
    }

    /// All names: inputs first, then nodes in order.
    pub fn names(&self) -> Vec<String> {
        let mut out = self.inputs.clone();
        out.extend(self.nodes.iter().map(|n| n.name.clone()));
        out
    }
}

/// The statement `name = expr` that starts at character `here` of the graph, checked against
/// the nodes and inputs before it.
fn statement(
    stmt: &str,
    here: usize,
    nodes: &[Node],
    inputs: &[String],
) -> Result<Node, GraphError> {
    let err = |message: String, start: usize, end: usize| GraphError {
        message,
        start: here + start,
        end: here + end,
    };
    let Some(eq) = stmt.find('=') else {
        let len = stmt.chars().count();
        return Err(err(
            "expected a statement 'name = expression'".into(),
            0,
            len.max(1),
        ));
    };
    let eq_col = stmt[..eq].chars().count();
    let name = stmt[..eq].trim();
    let name_start = stmt[..eq].chars().take_while(|c| c.is_whitespace()).count();
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return Err(err(
            format!(
                "'{name}' is not a node name (letters, digits and '_', starting with a letter)"
            ),
            name_start,
            eq_col.max(name_start + 1),
        ));
    }
    if super::expr::Func::from_name(name).is_some() {
        return Err(err(
            format!("'{name}' is a function name"),
            name_start,
            eq_col,
        ));
    }
    let rhs = &stmt[eq + 1..];
    let expr = parse(rhs)
        .map_err(|e| err(e.kind.to_string(), eq_col + 1 + e.start, eq_col + 1 + e.end))?;
    if nodes.iter().any(|n| n.name == name) || inputs.iter().any(|i| i == name) {
        let what = if inputs.iter().any(|i| i == name) {
            "is already used as an input before this line"
        } else {
            "is defined twice"
        };
        return Err(err(
            format!("'{name}' {what}"),
            name_start,
            name_start + name.chars().count(),
        ));
    }
    let parents = expr.variables();
    if parents.iter().any(|p| p == name) {
        return Err(err(
            format!("'{name}' depends on itself"),
            name_start,
            eq_col,
        ));
    }
    Ok(Node {
        name: name.to_string(),
        expr,
        parents,
    })
}

/// A slip to reproduce in the backward pass (the checker names the one that explains a wrong
/// answer); [`Slip::None`] is the correct computation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Slip {
    /// The correct chain rule.
    #[default]
    None,
    /// Forgets the inner derivatives: every edge into a node other than the output counts 1.
    DropInner,
    /// Evaluates the output's local derivatives at the input's value instead of the node's.
    OuterAtInput,
    /// Differentiates `u^c` as `u^(c-1)`, dropping the factor c.
    DropPowerFactor,
}

/// One edge with its local derivative.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Index (in [`Pass::names`]) of the node used.
    pub from: usize,
    /// Index of the node that uses it.
    pub to: usize,
    /// ∂to/∂from as an expression.
    pub local_expr: Expr,
    /// Its value at the forward values.
    pub local: PyNum,
}

/// The result of the forward and backward passes.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    /// Inputs then nodes.
    pub names: Vec<String>,
    /// Forward values, by name index.
    pub values: Vec<PyNum>,
    /// d(output)/d(name), by name index.
    pub grads: Vec<PyNum>,
    /// Every edge.
    pub edges: Vec<Edge>,
    /// The topological order used (name indices, inputs included, output last).
    pub order: Vec<usize>,
}

/// Why a pass failed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PassError {
    /// An input has no value.
    #[error("the input '{0}' has no value (give it with --at {0}=NUMBER)")]
    Missing(String),
    /// A value was given for a name that is not an input.
    #[error("'{0}' is not an input of the graph (its inputs are: {1})")]
    NotAnInput(String, String),
    /// The work would pass a budget.
    #[error(transparent)]
    Budget(#[from] super::budget::OverBudget),
    /// A node could not be evaluated.
    #[error("computing {node}: {error}")]
    Eval {
        /// The node or edge.
        node: String,
        /// What failed.
        error: EvalError,
    },
}

impl Pass {
    /// The index of a name.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The forward value of a name.
    pub fn value(&self, name: &str) -> Option<PyNum> {
        self.index(name).map(|i| self.values[i])
    }

    /// d(output)/d(name).
    pub fn grad(&self, name: &str) -> Option<PyNum> {
        self.index(name).map(|i| self.grads[i])
    }

    /// The local derivative ∂to/∂from, when `from` feeds `to` directly.
    pub fn local(&self, to: &str, from: &str) -> Option<&Edge> {
        let (t, f) = (self.index(to)?, self.index(from)?);
        self.edges.iter().find(|e| e.to == t && e.from == f)
    }
}

/// Runs the forward and backward passes with the inputs set to `at`.
pub fn run(graph: &Graph, at: &[(String, PyNum)], slip: Slip) -> Result<Pass, PassError> {
    for (name, _) in at {
        if !graph.inputs.contains(name) {
            return Err(PassError::NotAnInput(name.clone(), graph.inputs.join(", ")));
        }
    }
    let names = graph.names();
    let values = forward(graph, &names, at)?;
    let edges = local_derivatives(graph, &names, &values, slip)?;
    let output = names.len() - 1;
    let order = topological_order(names.len(), &edges, output);
    let grads = backward(&names, &edges, &order, output)?;
    Ok(Pass {
        names,
        values,
        grads,
        edges,
        order,
    })
}

/// The error of evaluating `node`.
fn eval_err(node: String) -> impl FnOnce(EvalError) -> PassError {
    move |error: EvalError| PassError::Eval { node, error }
}

/// The forward pass: the inputs' values from `at`, then each node in the order written
/// (each node uses only names before it).
fn forward(
    graph: &Graph,
    names: &[String],
    at: &[(String, PyNum)],
) -> Result<Vec<PyNum>, PassError> {
    let mut values: Vec<PyNum> = Vec::with_capacity(names.len());
    for input in &graph.inputs {
        match at.iter().find(|(n, _)| n == input) {
            Some((_, v)) => values.push(*v),
            None => return Err(PassError::Missing(input.clone())),
        }
    }
    for node in &graph.nodes {
        let known = &names[..values.len()];
        let p = Program::compile(&node.expr, known).map_err(eval_err(node.name.clone()))?;
        let v = p.eval(&values).map_err(eval_err(node.name.clone()))?;
        values.push(v);
    }
    Ok(values)
}

/// The local derivative ∂node/∂parent of every edge, at the forward values (with `slip`
/// built in).
fn local_derivatives(
    graph: &Graph,
    names: &[String],
    values: &[PyNum],
    slip: Slip,
) -> Result<Vec<Edge>, PassError> {
    let rules = Rules {
        drop_power_factor: slip == Slip::DropPowerFactor,
        drop_inner: false,
    };
    let n_in = graph.inputs.len();
    let output = names.len() - 1;
    let mut edges = Vec::new();
    for (k, node) in graph.nodes.iter().enumerate() {
        let to = n_in + k;
        for parent in &node.parents {
            let from = names.iter().position(|n| n == parent).unwrap_or(0);
            let local_expr = try_derivative(&node.expr, parent, rules)?;
            let mut point = values[..to].to_vec();
            if slip == Slip::OuterAtInput
                && to == output
                && let Some(&input) = values.first()
            {
                point.iter_mut().skip(n_in).for_each(|v| *v = input);
            }
            let local = if slip == Slip::DropInner && to != output {
                PyNum::Int(1)
            } else {
                Program::compile(&local_expr, &names[..to])
                    .and_then(|p| p.eval(&point))
                    .map_err(eval_err(format!("∂{}/∂{}", node.name, parent)))?
            };
            edges.push(Edge {
                from,
                to,
                local_expr,
                local,
            });
        }
    }
    Ok(edges)
}

/// The backward pass: d(output)/d(output) = 1, then, in reverse topological `order`, each
/// node passes its gradient times the local derivative to each parent (summed over uses).
fn backward(
    names: &[String],
    edges: &[Edge],
    order: &[usize],
    output: usize,
) -> Result<Vec<PyNum>, PassError> {
    let mut grads = vec![PyNum::Int(0); names.len()];
    grads[output] = PyNum::Int(1);
    for &n in order.iter().rev() {
        for e in edges.iter().filter(|e| e.to == n) {
            let contribution = super::eval::binary(BinOp::Mul, grads[n], e.local)
                .and_then(|c| super::eval::binary(BinOp::Add, grads[e.from], c))
                .map_err(|kind| PassError::Eval {
                    node: format!("d{}/d{}", names[output], names[e.from]),
                    error: EvalError {
                        kind,
                        node: names[e.from].clone(),
                    },
                })?;
            grads[e.from] = contribution;
        }
    }
    Ok(grads)
}

/// Nodes that reach `output`, parents before children (depth-first, as micrograd builds it).
fn topological_order(n: usize, edges: &[Edge], output: usize) -> Vec<usize> {
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    // Iterative DFS: (node, next parent edge to visit).
    let mut stack: Vec<(usize, usize)> = vec![(output, 0)];
    seen[output] = true;
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        let parents: Vec<usize> = edges
            .iter()
            .filter(|e| e.to == node)
            .map(|e| e.from)
            .collect();
        if let Some(&p) = parents.get(*next) {
            *next += 1;
            if !seen[p] {
                seen[p] = true;
                stack.push((p, 0));
            }
        } else {
            order.push(node);
            stack.pop();
        }
    }
    order
}
