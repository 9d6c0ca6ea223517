//! The fields a run offers to references, checked before anything is computed.

use super::{Reference, ReferenceError, Seg};

/// The marker [`descent_field`] returns for a variable of the run.
pub(super) const VAR_FIELD: &str = "point";

/// Splits a descent reference's names into its field and the names after it: a variable of
/// the run wins over a built-in field of the same name (`main.y[1]` is the variable y when
/// the run has one); `run.FIELD` is always the built-in and `point.VAR` always the variable.
/// A variable comes back as the field [`VAR_FIELD`] followed by its name.
pub(crate) fn descent_field<'a>(
    names: &[&'a str],
    vars: &[String],
) -> Option<(&'a str, Vec<&'a str>)> {
    let (first, rest) = names.split_first()?;
    match *first {
        "run" if !rest.is_empty() => Some((rest[0], rest[1..].to_vec())),
        "point" if !rest.is_empty() => Some((VAR_FIELD, rest.to_vec())),
        v if vars.iter().any(|x| x == v) => Some((VAR_FIELD, vec![*first])),
        other => Some((other, rest.to_vec())),
    }
}

/// For a plain descent field that is also a variable of the run: the built-in it loses to the
/// variable, for `gbl validate` to refuse as ambiguous.
pub(crate) fn ambiguous_field(reference: &Reference, vars: &[String]) -> Option<String> {
    let first = match reference.path.first()? {
        Seg::Name(n) => n.as_str(),
        Seg::Index(_) => return None,
    };
    let builtin = DESCENT_FIELDS.contains(&first)
        || first
            .strip_prefix("grad_")
            .is_some_and(|v| vars.iter().any(|x| x == v));
    (builtin && vars.iter().any(|v| v == first)).then(|| first.to_string())
}

/// The built-in fields of a descent run.
pub(crate) const DESCENT_FIELDS: [&str; 12] = [
    "y",
    "value",
    "grad",
    "verdict",
    "factor",
    "lr_max",
    "x_star",
    "diverged_at",
    "derivative",
    "f",
    "lr",
    "steps",
];

impl Reference {
    /// Checks, before anything is computed, that the reference names a run of the exercise and
    /// a value such a run has.
    pub(crate) fn check_static(
        &self,
        runs: &indexmap::IndexMap<String, crate::exercise::model::RunSpec>,
    ) -> Result<(), ReferenceError> {
        let spec = runs
            .get(&self.run)
            .ok_or_else(|| ReferenceError::UnknownRun {
                reference: self.to_string(),
                run: self.run.clone(),
                runs: runs.keys().cloned().collect::<Vec<_>>().join(", "),
            })?;
        let names = self.names();
        let mut first = names.first().copied().unwrap_or("");
        let known: Vec<String> = if let Some(d) = &spec.descent {
            let vars: Vec<String> = d.from.keys().cloned().collect();
            if let Some((field, rest)) = descent_field(&names, &vars) {
                first = if field == VAR_FIELD {
                    rest.first().copied().unwrap_or("")
                } else {
                    field
                };
            }
            let mut k: Vec<String> = DESCENT_FIELDS.iter().map(|s| s.to_string()).collect();
            for v in d.from.keys() {
                k.push(v.clone());
                k.push(format!("grad_{v}"));
            }
            k
        } else if spec.graph.is_some() {
            ["value", "grad", "local", "local_expr", "output"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        } else {
            ["derivative", "f", "value"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        if known.iter().any(|k| k == first) {
            Ok(())
        } else {
            Err(ReferenceError::UnknownField {
                reference: self.to_string(),
                run: self.run.clone(),
                field: first.into(),
                known: known.join(", "),
            })
        }
    }
}
