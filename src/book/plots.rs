//! `plot KIND ...`: the lecture's pictures as SVG inside the page.
//!
//! - `plot path f= from= lr= steps= [over="LO, HI"]`: the function with the visited points
//!   coloured by iteration (two variables: the contour of log f with the path); `over` draws a
//!   function of one variable at least over that interval (to show what the run never visits);
//! - `plot iterates f= from= lr= steps=`: each variable against the iteration;
//! - `plot compare f="a; b; c" from= lr= steps=`: one panel per function, side by side;
//! - `plot rates f= from= lr="0.05; 0.1; 0.3" steps=`: x against the iteration, one line
//!   per learning rate;
//! - `plot contour f= from= lr= steps=`: the contour of log f with the path (two variables);
//! - `plot graph graph= at=`: the computational graph with values, local derivatives and
//!   gradients.

use super::directive::{Directive, DirectiveError};
use super::run::{run_of, run_with_lr};
use crate::playground::Descent;
use crate::plot;
use crate::plot::figures::{
    contour_of, descent_svg, graph_svg, iterates_svg, path_of, path_svg, series_of,
};

/// The kinds of plot, for messages.
const KINDS: &str = "path, iterates, compare, rates, contour, graph";

/// The arguments of a run.
const RUN_ARGS: [&str; 4] = ["f", "from", "lr", "steps"];

fn list(s: &str) -> Vec<&str> {
    s.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `over="LO, HI"`: the interval a one-variable plot must show, besides the run's points.
fn interval(d: &Directive, over: &str) -> Result<Vec<f64>, DirectiveError> {
    let bad = || {
        d.error(format!(
            "'plot path': over=\"{over}\" is not an interval: write two numbers, e.g. over=\"-2, 2\""
        ))
    };
    let parts: Vec<&str> = over.split(',').map(str::trim).collect();
    if parts.len() != 2 {
        return Err(bad());
    }
    let mut out = Vec::new();
    for p in parts {
        let v: f64 = p.parse().map_err(|_| bad())?;
        if !v.is_finite() || v.abs() > 1e6 {
            return Err(bad());
        }
        out.push(v);
    }
    Ok(out)
}

/// Runs a `plot` directive.
pub(crate) fn plot(d: &Directive) -> Result<String, DirectiveError> {
    let Some(kind) = d.positional.first() else {
        return Err(d.error(format!("'plot': say what to plot ({KINDS})")));
    };
    let svg = match kind.as_str() {
        "path" => path(d)?,
        "iterates" => iterates(d)?,
        "compare" => compare(d)?,
        "rates" => rates(d)?,
        "contour" => contour(d)?,
        "graph" => {
            d.expect(&["the kind"], &["graph", "at"], &[])?;
            let (g, p) = super::graph::compute(d)?;
            graph_svg(
                &gbl_core::t!("plot-graph-title", output = g.output()),
                &g,
                &p,
            )
        }
        other => {
            return Err(d.error(format!("'plot': unknown kind '{other}' (known: {KINDS})")));
        }
    };
    Ok(figure(&svg))
}

/// `plot path`: the function with the visited points, or the contour for two variables.
fn path(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&["the kind"], &RUN_ARGS, &["grad", "over"])?;
    let r = run_of(d)?;
    let Some(over) = d.get("over") else {
        return Ok(descent_svg(&r));
    };
    let include = interval(d, over)?;
    if r.problem.vars.len() != 1 {
        return Err(d.error("'plot path': over= widens the drawing of a function of one variable"));
    }
    Ok(path_svg(&r, &include))
}

/// `plot iterates`: each variable against the iteration.
fn iterates(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&["the kind"], &RUN_ARGS, &["grad"])?;
    let r = run_of(d)?;
    let title = gbl_core::t!("plot-iterates-title", f = r.f, lr = r.run.lr);
    let series = series_of(&r, |v| gbl_core::t!("plot-after-k-updates", var = v));
    Ok(plot::iterates(&title, &series))
}

/// The runs of `f=` (several functions, or one) with each learning rate of `lrs`, all of
/// functions of one variable; `why` says which plot needs that.
fn runs_of_one_variable(
    d: &Directive,
    fs: &[&str],
    lrs: &[&str],
    why: impl Fn(&str, &Descent) -> String,
) -> Result<Vec<Descent>, DirectiveError> {
    let mut runs = Vec::new();
    for f in fs {
        for lr in lrs {
            let r = run_with_lr(d, f, lr)?;
            if r.problem.vars.len() != 1 {
                return Err(d.error(why(f, &r)));
            }
            runs.push(r);
        }
    }
    Ok(runs)
}

/// `plot compare`: one panel per function, side by side.
fn compare(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&["the kind"], &RUN_ARGS, &[])?;
    let fs = list(d.req("f")?);
    if fs.len() < 2 {
        return Err(d.error(
            "'plot compare': give several functions separated by ';', e.g. f=\"x^2/10; x^2/5\"",
        ));
    }
    let lr = d.req("lr")?;
    let runs = runs_of_one_variable(d, &fs, &[lr], |f, r| {
        format!(
            "'plot compare': {f} has {} variables; compare draws functions of one",
            r.problem.vars.len()
        )
    })?;
    let paths: Vec<_> = runs.iter().map(|r| path_of(r, &[])).collect();
    let (start, steps) = match runs.last() {
        Some(r) => (
            gbl_core::t!(
                "plot-from",
                var = r.problem.vars[0],
                x0 = crate::solve::num(r.run.point(0)[0])
            ),
            r.run.len().saturating_sub(1),
        ),
        None => (String::new(), 0),
    };
    Ok(plot::side_by_side(
        &gbl_core::t!("plot-compare-title", start = start, lr = lr, steps = steps),
        &paths,
    ))
}

/// `plot rates`: x against the iteration, one line per learning rate.
fn rates(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&["the kind"], &RUN_ARGS, &["grad"])?;
    let f = d.req("f")?;
    let lrs = list(d.req("lr")?);
    if lrs.is_empty() {
        return Err(
            d.error("'plot rates': give learning rates separated by ';', e.g. lr=\"0.05; 0.1\"")
        );
    }
    let runs = runs_of_one_variable(d, &[f], &lrs, |_, _| {
        "'plot rates' draws functions of one variable".to_string()
    })?;
    let named: Vec<(String, _)> = lrs
        .iter()
        .zip(&runs)
        .map(|(lr, r)| {
            let verdict = verdict_word(&r.judgement.verdict.to_string());
            (
                gbl_core::t!("plot-rate", lr = lr, verdict = verdict),
                &r.run,
            )
        })
        .collect();
    let name = runs
        .last()
        .map(|r| crate::plot::figures::label(&r.problem.vars, &r.f))
        .unwrap_or_default();
    Ok(iterates_svg(
        &gbl_core::t!("plot-rates-title", f = name),
        &named,
    ))
}

/// `plot contour`: the contour of log f with the path (two variables).
fn contour(d: &Directive) -> Result<String, DirectiveError> {
    d.expect(&["the kind"], &RUN_ARGS, &["grad"])?;
    let r = run_of(d)?;
    if r.problem.vars.len() != 2 {
        return Err(d.error(format!(
            "'plot contour' needs a function of two variables; this one has {}",
            r.problem.vars.len()
        )));
    }
    let (c, path) = contour_of(&r);
    let title = gbl_core::t!("plot-contour-title", z = c.z_label, lr = r.run.lr);
    Ok(plot::contour(&title, &c, &path))
}

/// The smallest size, in CSS pixels, at which a plot's text may be shown on a narrow screen.
pub(crate) const MIN_TEXT_PX: f64 = 12.0;

/// An SVG as an HTML block: on lines without blank ones, so that Markdown keeps it whole.
/// The figure carries `--gbl-min-width`, the narrowest width at which its smallest text is
/// still [`MIN_TEXT_PX`] (never more than the plot's own width): on a phone the plot keeps that
/// width and scrolls sideways inside its box (see `book/theme/gbl.css`).
pub(crate) fn figure(svg: &str) -> String {
    let body: Vec<&str> = svg
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with("<?xml"))
        .collect();
    let style = readable_width(svg)
        .map(|w| format!(" style=\"--gbl-min-width:{w}px\""))
        .unwrap_or_default();
    format!(
        "<figure class=\"gbl-plot\"{style}>\n{}\n</figure>\n",
        body.join("\n")
    )
}

/// The width (CSS px) at which the smallest `font-size` of `svg` shows at [`MIN_TEXT_PX`],
/// capped at the SVG's own `width`; `None` without a `viewBox` or any text.
pub(crate) fn readable_width(svg: &str) -> Option<u32> {
    let head = &svg[..svg.find('>')?];
    let lower = head.to_ascii_lowercase();
    let number_after = |key: &str| -> Option<&str> {
        let i = lower.find(key)? + key.len();
        let rest = &head[i..];
        Some(&rest[..rest.find('"')?])
    };
    let view_w: f64 = number_after("viewbox=\"")?
        .split_whitespace()
        .nth(2)?
        .parse()
        .ok()?;
    let own_w: f64 = number_after(" width=\"")?.parse().ok()?;
    let smallest = svg
        .split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold(f64::INFINITY, f64::min);
    let positive = |v: f64| v.is_finite() && v > 0.0;
    if !positive(smallest) || !positive(view_w) || !positive(own_w) {
        return None;
    }
    Some((view_w * MIN_TEXT_PX / smallest).min(own_w).ceil() as u32)
}

/// A verdict as a plot's legend says it (`converges`; in Korean 수렴).
fn verdict_word(verdict: &str) -> String {
    match verdict {
        "converges" => gbl_core::t!("plot-verdict-converges"),
        "oscillates" => gbl_core::t!("plot-verdict-oscillates"),
        "cycles" => gbl_core::t!("plot-verdict-cycles"),
        "diverges" => gbl_core::t!("plot-verdict-diverges"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readable_width_shows_the_smallest_text_at_12_px() {
        let svg = "<svg width=\"640\" height=\"440\" viewbox=\"0 0 1280 880\">\
                   <text font-size=\"34\">t</text><text font-size=\"26\">a</text></svg>";
        // 1280 units shown at 591 px: 26 units are 26 * 591 / 1280 = 12.0 px.
        assert_eq!(readable_width(svg), Some(591));
        assert!(
            figure(svg).starts_with("<figure class=\"gbl-plot\" style=\"--gbl-min-width:591px\">")
        );
        let small =
            "<svg width=\"300\" viewBox=\"0 0 600 400\"><text font-size=\"10\">x</text></svg>";
        assert_eq!(
            readable_width(small),
            Some(300),
            "never wider than the plot itself"
        );
        assert_eq!(readable_width("<svg width=\"300\"><text/></svg>"), None);
    }
}
