//! A value asked for, given as an expression in the exercise's variables (`4*(x-2)` where
//! dy/dx at x = 5 is asked): the student is told to put the point in, and whether the
//! expression itself is the right one there.

use super::Context;
use super::feedback::off_by;
use super::outcome::Outcome;
use crate::engine::eval::eval;
use crate::engine::{PyNum, parse};
use crate::exercise::reference::{Answer, Reference};
use crate::t;

/// The value of `var` at the question's point: a graph's input, or a descent's start.
fn value_of(ctx: &Context, r: &Reference, var: &str) -> Option<PyNum> {
    [
        format!("{}.value.{var}", r.run),
        format!("{}.{var}[0]", r.run),
    ]
    .iter()
    .find_map(
        |src| match Reference::parse(src).ok()?.resolve(&ctx.results) {
            Ok(Answer::Num(v)) => Some(v),
            _ => None,
        },
    )
}

/// `Some` when `text` is an expression whose every variable has a value at the question's
/// point: a wrong answer that says to put the point in.
pub(crate) fn put_in(ctx: &Context, r: &Reference, text: &str, want: PyNum) -> Option<Outcome> {
    let e = parse(text).ok()?;
    let vars = e.variables();
    if vars.is_empty() {
        return None;
    }
    let mut at = Vec::new();
    for v in &vars {
        at.push((v.to_string(), value_of(ctx, r, v)?));
    }
    let point: Vec<String> = at.iter().map(|(n, v)| format!("{n} = {v}")).collect();
    let point = point.join(", ");
    let names: Vec<&str> = at.iter().map(|(n, _)| n.as_str()).collect();
    let value = eval(&e, &at).ok()?.to_f64();
    let want = want.to_f64();
    let same = (value - want).abs() <= 1e-9 * value.abs().max(want.abs()).max(1e-3);
    let feedback = if same {
        t!(
            "answer-expression-right",
            given = text,
            names = names.join(", "),
            point = point
        )
    } else {
        t!(
            "answer-expression-wrong",
            given = text,
            names = names.join(", "),
            point = point,
            value = crate::engine::verdict::short(value),
            off = off_by(value, want)
        )
    };
    Some(Outcome::Wrong {
        feedback,
        matcher: None,
        mistake: Some("expression-not-value"),
    })
}
