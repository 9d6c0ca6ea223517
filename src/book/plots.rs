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
use crate::figures::{contour_around, descent_svg, graph_svg, path1d_around, path1d_including};
use crate::plot;

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
pub fn plot(d: &Directive) -> Result<String, DirectiveError> {
    let kinds = "path, iterates, compare, rates, contour, graph";
    let Some(kind) = d.positional.first() else {
        return Err(d.error(format!("'plot': say what to plot ({kinds})")));
    };
    let run_args = ["f", "from", "lr", "steps"];
    let svg = match kind.as_str() {
        "path" => {
            d.expect(&["the kind"], &run_args, &["grad", "over"])?;
            let r = run_of(d)?;
            match d.get("over") {
                None => descent_svg(&r),
                Some(over) => {
                    let include = interval(d, over)?;
                    if r.problem.vars.len() != 1 {
                        return Err(d.error(
                            "'plot path': over= widens the drawing of a function of one variable",
                        ));
                    }
                    let x_star = r.judgement.x_star.as_ref().and_then(|s| s.first().copied());
                    let label = format!("f({}) = {}", r.problem.vars[0], r.f);
                    plot::descent_path(
                        &format!("gradient descent on f = {}, lr = {}", r.f, r.run.lr),
                        &path1d_including(&label, &r.problem, &r.run, x_star, &include),
                    )
                }
            }
        }
        "iterates" => {
            d.expect(&["the kind"], &run_args, &["grad"])?;
            let r = run_of(d)?;
            let title = format!("x against the iteration: f = {}, lr = {}", r.f, r.run.lr);
            let series: Vec<(String, Vec<f64>)> = r
                .run
                .vars
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    let xs = (0..r.run.len())
                        .map(|i| r.run.point(i)[k].to_f64())
                        .collect();
                    (format!("{v} after k updates"), xs)
                })
                .collect();
            plot::iterates(&title, &series)
        }
        "compare" => {
            d.expect(&["the kind"], &run_args, &[])?;
            let fs = list(d.req("f")?);
            if fs.len() < 2 {
                return Err(d.error(
                    "'plot compare': give several functions separated by ';', e.g. f=\"x^2/10; x^2/5\"",
                ));
            }
            let lr = d.req("lr")?;
            let mut paths = Vec::new();
            let (mut start, mut steps) = (String::new(), 0);
            for f in fs {
                let r = run_with_lr(d, f, lr)?;
                if r.problem.vars.len() != 1 {
                    return Err(d.error(format!(
                        "'plot compare': {f} has {} variables; compare draws functions of one",
                        r.problem.vars.len()
                    )));
                }
                let label = format!("f({}) = {}", r.problem.vars[0], r.f);
                let x_star = r.judgement.x_star.as_ref().and_then(|s| s.first().copied());
                paths.push(path1d_around(&label, &r.problem, &r.run, x_star));
                start = format!(
                    "from {} = {}",
                    r.problem.vars[0],
                    crate::solve::num(r.run.point(0)[0])
                );
                steps = r.run.len().saturating_sub(1);
            }
            plot::side_by_side(
                &format!("gradient descent {start}, lr = {lr}, {steps} steps"),
                &paths,
            )
        }
        "rates" => {
            d.expect(&["the kind"], &run_args, &["grad"])?;
            let f = d.req("f")?;
            let lrs = list(d.req("lr")?);
            if lrs.is_empty() {
                return Err(d.error(
                    "'plot rates': give learning rates separated by ';', e.g. lr=\"0.05; 0.1\"",
                ));
            }
            let mut series = Vec::new();
            let mut name = String::new();
            for lr in lrs {
                let r = run_with_lr(d, f, lr)?;
                if r.problem.vars.len() != 1 {
                    return Err(d.error("'plot rates' draws functions of one variable"));
                }
                name = format!("f({}) = {}", r.problem.vars[0], r.f);
                let xs = (0..r.run.len())
                    .map(|i| r.run.point(i)[0].to_f64())
                    .collect();
                series.push((format!("lr = {lr} ({})", r.judgement.verdict), xs));
            }
            plot::iterates(&format!("learning rates compared on {name}"), &series)
        }
        "contour" => {
            d.expect(&["the kind"], &run_args, &["grad"])?;
            let r = run_of(d)?;
            if r.problem.vars.len() != 2 {
                return Err(d.error(format!(
                    "'plot contour' needs a function of two variables; this one has {}",
                    r.problem.vars.len()
                )));
            }
            let (c, path) = contour_around(&r.problem, &r.run, r.judgement.x_star.as_deref());
            let title = format!(
                "contours of {} with the descent path, lr = {}",
                c.z_label, r.run.lr
            );
            plot::contour(&title, &c, &path)
        }
        "graph" => {
            d.expect(&["the kind"], &["graph", "at"], &[])?;
            let (g, p) = super::graph::compute(d)?;
            graph_svg(&format!("computational graph of {}", g.output()), &g, &p)
        }
        other => {
            return Err(d.error(format!("'plot': unknown kind '{other}' (known: {kinds})")));
        }
    };
    Ok(figure(&svg))
}

/// The smallest size, in CSS pixels, at which a plot's text may be shown on a narrow screen.
pub const MIN_TEXT_PX: f64 = 12.0;

/// An SVG as an HTML block: on lines without blank ones, so that Markdown keeps it whole.
/// The figure carries `--gbl-min-width`, the narrowest width at which its smallest text is
/// still [`MIN_TEXT_PX`] (never more than the plot's own width): on a phone the plot keeps that
/// width and scrolls sideways inside its box (see `book/theme/gbl.css`).
pub fn figure(svg: &str) -> String {
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
pub fn readable_width(svg: &str) -> Option<u32> {
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
