//! Directives over one gradient-descent run: `trace`, `table`, `value`, and `derive`.
//!
//! A run is written as on the command line of `gbl descend`: `f="1/10*x^2" from="x=3"
//! lr=1 steps=20`, with `grad="x=1/5*x"` (several separated by `;`) for a hand-written
//! derivative.

use super::directive::{Directive, DirectiveError};
use super::markdown::{code, escape, fence, num, paren, table as md_table};
use crate::engine::{PyNum, parse};
use crate::playground::{Descent, descend, unescape};
use crate::pyfmt::{Template, format_value};
use crate::reference_output::render::{StepFields, render_templates};

/// The arguments of a run.
pub(crate) const RUN_ARGS: [&str; 4] = ["f", "from", "lr", "steps"];

/// The most updates a run in the book may take (the book is built often).
pub(crate) const MAX_BOOK_STEPS: usize = 100_000;

/// The number of updates in `steps=`.
pub(crate) fn steps_of(d: &Directive, key: &str) -> Result<usize, DirectiveError> {
    let s = d.req(key)?;
    let n: usize = s.trim().parse().map_err(|_| {
        d.error(format!(
            "{}: {key}={s:?} is not a number of steps (a whole number)",
            d.what()
        ))
    })?;
    if n > MAX_BOOK_STEPS {
        return Err(d.error(format!(
            "{}: at most {MAX_BOOK_STEPS} steps in the book",
            d.what()
        )));
    }
    Ok(n)
}

/// Runs the descent a directive describes, with the learning rate `lr`.
pub(crate) fn run_with_lr(d: &Directive, f: &str, lr: &str) -> Result<Descent, DirectiveError> {
    let steps = steps_of(d, "steps")?;
    let from = d.req("from")?;
    let grad: Vec<String> = d
        .get("grad")
        .map(|g| {
            g.split(';')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    descend(f, &[from.to_string()], lr, steps, &grad)
        .map_err(|e| d.error(format!("{}: {e:#}", d.what())))
}

/// Runs the descent of `f= from= lr= steps= [grad=]`.
pub(crate) fn run_of(d: &Directive) -> Result<Descent, DirectiveError> {
    run_with_lr(d, d.req("f")?, d.req("lr")?)
}

/// The run must have made every step asked for.
fn complete(d: &Directive, run: &Descent, steps: usize) -> Result<(), DirectiveError> {
    if run.run.len() < steps + 1 {
        let why = run
            .run
            .stopped
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default();
        return Err(d.error(format!(
            "{}: the run stops after {} of {steps} steps {why}",
            d.what(),
            run.run.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn template(d: &Directive, key: &str, src: &str) -> Result<Template, DirectiveError> {
    let t = unescape(src);
    Template::parse(&t).map_err(|e| {
        d.error(format!(
            "{}: {key}: {}\n{}",
            d.what(),
            e.message,
            e.render_with_caret(&t)
        ))
    })
}

/// `trace`: a code block with exactly what the lecture's Python program prints.
pub(crate) fn trace(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(
        &[],
        &["f", "from", "lr", "steps", "print"],
        &["header", "grad"],
    )?;
    let step = template(d, "print", d.req("print")?)?;
    let header = d
        .get("header")
        .map(|h| template(d, "header", h))
        .transpose()?;
    let run = run_of(d)?;
    complete(d, &run, steps_of(d, "steps")?)?;
    let mut lines = Vec::new();
    render_templates(
        &StepFields::new(&run.run),
        header.as_ref(),
        &step,
        None,
        &mut lines,
    )
    .map_err(|e| d.error(format!("{}: {e}", d.what())))?;
    Ok(fence("text", &lines))
}

fn digits_of(d: &Directive) -> Result<Option<usize>, DirectiveError> {
    d.get("digits")
        .map(|s| {
            s.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n <= 17)
                .ok_or_else(|| {
                    d.error(format!(
                        "{}: digits={s:?} is not a number of decimals from 0 to 17",
                        d.what()
                    ))
                })
        })
        .transpose()
}

/// `table`: every step of a run, the update written out.
pub(crate) fn table(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&[], &RUN_ARGS, &["grad", "digits"])?;
    let digits = digits_of(d)?;
    let run = run_of(d)?;
    complete(d, &run, steps_of(d, "steps")?)?;
    Ok(steps_table(&run, digits))
}

/// The table of a run's steps: k, the point, f, the gradient, and the update.
pub(crate) fn steps_table(run: &Descent, digits: Option<usize>) -> String {
    let r = &run.run;
    let vars = &r.vars;
    let one = vars.len() == 1;
    let n = |v: PyNum| num(v, digits);
    let lr = r.lr;
    let lr_one = lr.to_f64() == 1.0;
    let mut head = vec!["k".to_string()];
    head.extend(vars.iter().map(|v| escape(v)));
    if one {
        head.push(escape(&format!("f({})", vars[0])));
        head.push(escape(&format!("f'({})", vars[0])));
    } else {
        head.push("f".into());
        head.extend(vars.iter().map(|v| escape(&format!("∂f/∂{v}"))));
    }
    for v in vars {
        let partial = if one {
            format!("f'({v})")
        } else {
            format!("∂f/∂{v}")
        };
        let rule = if lr_one {
            format!("{v} - {partial}")
        } else {
            format!("{v} - {lr}·{partial}")
        };
        head.push(gbl_core::t!("book-next", rule = escape(&rule)));
    }
    let rows: Vec<Vec<String>> = (0..r.len())
        .map(|k| {
            let mut row = vec![k.to_string()];
            row.extend(r.point(k).iter().map(|x| n(*x)));
            row.push(n(r.value(k)));
            row.extend(r.gradient(k).iter().map(|g| n(*g)));
            for i in 0..vars.len() {
                if k + 1 < r.len() {
                    let x = n(r.point(k)[i]);
                    let g = paren(n(r.gradient(k)[i]));
                    let next = n(r.point(k + 1)[i]);
                    let step = if lr_one {
                        g
                    } else {
                        format!("{} × {g}", n(lr))
                    };
                    row.push(escape(&format!("{x} - {step} = {next}")));
                } else {
                    row.push(String::new());
                }
            }
            row
        })
        .collect();
    let mut right = vec![true; head.len()];
    for r in right.iter_mut().rev().take(vars.len()) {
        *r = false;
    }
    let mut out = md_table(&head, &rows, &right);
    if let Some(e) = &r.stopped {
        out.push_str(&format!("\nThe run stops {}.\n", escape(&e.to_string())));
    }
    out
}

/// `value`: one number or word of a run, for a sentence.
pub(crate) fn value(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&[], &["f", "from", "lr", "steps", "show"], &["grad", "fmt"])?;
    let show = d.req("show")?;
    let steps = steps_of(d, "steps")?;
    let run = run_of(d)?;
    let j = &run.judgement;
    let missing = |what: &str| {
        d.error(format!(
            "{}: this run has no {what} (gbl knows it only for quadratic functions)",
            d.what()
        ))
    };
    // The run's own variables win over built-in names (a variable may be called `lr`).
    let builtin = if run.run.var_index(show).is_some() {
        ""
    } else {
        show
    };
    let v: PyNum = match builtin {
        "verdict" => return Ok(j.verdict.name().to_string()),
        "factor" => PyNum::Float(j.factor.ok_or_else(|| missing("factor"))?),
        "lr_max" => PyNum::Float(j.lr_max.ok_or_else(|| missing("largest learning rate"))?),
        "lr" => run.run.lr,
        _ => {
            complete(d, &run, steps)?;
            let r = &run.run;
            let grad_var = match builtin {
                "grad" if r.vars.len() == 1 => Some(0),
                _ => show.strip_prefix("grad_").and_then(|v| r.var_index(v)),
            };
            if let Some(k) = grad_var {
                r.gradient(steps)[k]
            } else if let Some(k) = r.var_index(show) {
                r.point(steps)[k]
            } else if show == "y" || show == "f" {
                r.value(steps)
            } else {
                let mut known: Vec<String> = r.vars.clone();
                known.push("y".into());
                known.push(if r.vars.len() == 1 {
                    "grad".into()
                } else {
                    "grad_VAR".into()
                });
                known.extend(["verdict", "factor", "lr_max", "lr"].map(String::from));
                return Err(d.error(format!(
                    "{}: show={show:?} is not a value of this run (known: {})",
                    d.what(),
                    known.join(", ")
                )));
            }
        }
    };
    match d.get("fmt") {
        Some(spec) => format_value(v, spec)
            .map(|s| escape(&s))
            .map_err(|e| d.error(format!("{}: fmt={spec:?}: {}", d.what(), e.message))),
        None => Ok(escape(&num(v, None))),
    }
}

/// `derive`: the derivative as gbl prints it, in backticks.
pub(crate) fn derive(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&[], &["expr"], &["wrt"])?;
    let src = d.req("expr")?;
    let e = parse(src).map_err(|e| d.error(format!("{}: expr: {}", d.what(), e.render(src))))?;
    let vars = e.variables();
    let wrt = match (d.get("wrt"), vars.as_slice()) {
        (Some(w), _) => w.to_string(),
        (None, [only]) => only.clone(),
        (None, _) => {
            return Err(d.error(format!(
                "{}: say which variable to differentiate by: wrt=...",
                d.what()
            )));
        }
    };
    if !crate::bindings::is_name(&wrt) {
        return Err(d.error(format!("{}: wrt={wrt:?} is not a variable name", d.what())));
    }
    let derivative = crate::engine::budget::try_derivative(&e, &wrt, Default::default())
        .map_err(|err| d.error(format!("{}: {err}", d.what())))?;
    Ok(code(&derivative.to_string()))
}
