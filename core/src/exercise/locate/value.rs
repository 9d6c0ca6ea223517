//! A node of the tree as a YAML value, for reading what came before a syntax error.

use super::{Kind, NodeId, Pos, Tree};

impl Tree {
    /// The node `id` as a YAML value, when it and everything in it were read to the end
    /// before `before` (a syntax error's place); plain scalars are typed as YAML reads them.
    /// `budget` counts the nodes made, aliases included, so a chain of aliases cannot blow
    /// up.
    pub fn value(&self, id: NodeId, before: Pos, budget: &mut usize) -> Option<serde_yaml::Value> {
        use serde_yaml::Value;
        *budget = budget.checked_sub(1)?;
        let n = &self.nodes[self.resolve(id)];
        if !n.complete || n.end > before {
            return None;
        }
        Some(match &n.kind {
            Kind::Scalar { text, plain: false } => Value::String(text.clone()),
            Kind::Scalar { text, plain: true } => match serde_yaml::from_str::<Value>(text) {
                Ok(v @ (Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_))) => v,
                _ => Value::String(text.clone()),
            },
            Kind::Seq(items) => Value::Sequence(
                items
                    .iter()
                    .map(|&i| self.value(i, before, budget))
                    .collect::<Option<_>>()?,
            ),
            Kind::Map(entries) => {
                let mut m = serde_yaml::Mapping::new();
                for e in entries {
                    m.insert(
                        Value::String(e.key.clone()),
                        self.value(e.value, before, budget)?,
                    );
                }
                Value::Mapping(m)
            }
            Kind::Alias(None) => return None,
            Kind::Alias(Some(_)) => unreachable!("resolved above"),
        })
    }
}
