//! A derivative asked for on the command line (`gbl derive`): the expression parsed, the
//! variable chosen, the derivative taken within the size limits, and its value at a point.

use std::io::Write;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::bindings::bindings;
use crate::engine::PyNum;
use crate::engine::budget::try_derivative;
use crate::engine::diff::Rules;
use crate::engine::eval::eval;
use crate::engine::expr::Expr;
use crate::playground::parse_arg;
use crate::style::Paint;

/// A derivative and, at a point, its value.
pub(crate) struct Derived {
    /// The expression.
    pub expr: Expr,
    /// The variable it is taken by.
    pub wrt: String,
    /// The derivative.
    pub derivative: Expr,
    /// The point, `VAR=NUM` pairs in the order given.
    pub at: Vec<(String, PyNum)>,
    /// The derivative's value at the point, when one is given.
    pub value: Option<PyNum>,
}

/// The derivative of `expr` by `wrt` (which may be left out when `expr` has at most one
/// variable), evaluated at `at` (`VAR=NUM,...`) when given.
pub(crate) fn of(expr: &str, wrt: Option<&str>, at: &[String]) -> anyhow::Result<Derived> {
    let e = parse_arg("the expression", expr)?;
    let vars = e.variables();
    let wrt = match (wrt, vars.as_slice()) {
        (Some(w), _) => w.to_string(),
        (None, [only]) => only.clone(),
        (None, []) => "x".to_string(),
        (None, many) => bail!(
            "the expression has several variables ({}); choose one with --wrt",
            many.join(", ")
        ),
    };
    if !crate::bindings::is_name(&wrt) {
        bail!("--wrt: '{wrt}' is not a variable name");
    }
    let d = try_derivative(&e, &wrt, Rules::default())?;
    let at = bindings(at).map_err(anyhow::Error::msg).context("--at")?;
    let value = if at.is_empty() {
        None
    } else {
        let needed = d.variables();
        if let Some(missing) = needed.iter().find(|v| !at.iter().any(|(n, _)| n == *v)) {
            bail!("--at: the derivative uses '{missing}', which has no value");
        }
        let point = at
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(eval(&d, &at).with_context(|| format!("evaluating the derivative at {point}"))?)
    };
    Ok(Derived {
        expr: e,
        wrt,
        derivative: d,
        at,
        value,
    })
}

impl Derived {
    /// The contract's JSON: `{"expr", "wrt", "derivative", "value"}` (`value` null without
    /// a point).
    pub(crate) fn json(&self) -> Value {
        json!({
            "expr": self.expr.to_string(),
            "wrt": self.wrt,
            "derivative": self.derivative.to_string(),
            "value": self.value,
        })
    }

    /// `d/dx (EXPR)`, the derivative as a person writes it, and its value at the point.
    pub(crate) fn write_text(&self, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{} {}",
            paint.dim(&format!("d/d{}", self.wrt)),
            paint.code(&format!("({})", self.expr))
        )?;
        writeln!(
            out,
            "  = {}",
            paint.strong(&self.derivative.presented().to_string())
        )?;
        if let Some(v) = self.value {
            let point: Vec<String> = self.at.iter().map(|(n, v)| format!("{n} = {v}")).collect();
            writeln!(
                out,
                "  = {} at {}",
                paint.strong(&crate::pyfmt::present_num(v)),
                point.join(", ")
            )?;
        }
        Ok(())
    }
}
