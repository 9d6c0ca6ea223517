//! A graph run: the nodes parsed, parameters filled in, the forward and backward passes.

use indexmap::IndexMap;

use super::{ComputeError, Computed, GraphResult, Slip, err, substitute, value_of};
use crate::engine::PyNum;
use crate::engine::backprop::{self, Graph};
use crate::exercise::model::GraphSpec;

/// Computes the graph run `g` at `path` (`runs.NAME.graph`).
pub(super) fn run(
    g: &GraphSpec,
    params: &IndexMap<String, PyNum>,
    slip: Slip,
    path: &str,
) -> Result<Computed, ComputeError> {
    let parsed =
        Graph::parse(&g.nodes).map_err(|e| err(format!("{path}.nodes"), e.render(&g.nodes)))?;
    let graph = with_params(parsed, params);
    let mut at = Vec::new();
    for (name, v) in &g.at {
        at.push((
            name.clone(),
            value_of(v, params, &format!("{path}.at.{name}"))?,
        ));
    }
    let gslip = match slip {
        Slip::DropInner => backprop::Slip::DropInner,
        Slip::OuterAtInput => backprop::Slip::OuterAtInput,
        Slip::DropPowerFactor => backprop::Slip::DropPowerFactor,
        _ => backprop::Slip::None,
    };
    let pass = backprop::run(&graph, &at, gslip).map_err(|e| err(path.into(), e.to_string()))?;
    Ok(Computed::Graph(Box::new(GraphResult { graph, pass })))
}

/// The graph with its parameters filled in: they are no longer inputs or parents.
fn with_params(graph: Graph, params: &IndexMap<String, PyNum>) -> Graph {
    Graph {
        inputs: graph
            .inputs
            .iter()
            .filter(|i| !params.contains_key(*i))
            .cloned()
            .collect(),
        nodes: graph
            .nodes
            .into_iter()
            .map(|mut n| {
                n.expr = substitute(&n.expr, params);
                n.parents.retain(|p| !params.contains_key(p));
                n
            })
            .collect(),
    }
}
