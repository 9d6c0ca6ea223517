//! A computational graph as boxes and arrows, laid out left to right by depth.
//!
//! Each box shows the node's name, expression, forward value and (in a second colour) its
//! gradient; each arrow carries its local derivative in a third colour.

use super::colour::{AXIS, DERIV, GRAD, INK, Rgb, WHITE};
use super::legend::{self, Item, Swatch};
use super::svg::{Anchor, Canvas, Font, LARGE, MEDIUM, render, text_width};
use super::{GraphEdge, GraphNode};

/// Box fill.
const BOX: Rgb = Rgb(244, 247, 252);
/// Box outline.
const BOX_EDGE: Rgb = Rgb(70, 80, 100);
/// Name font size.
const NAME: f64 = 16.0;
/// Line height inside a box.
const LINE: f64 = 20.0;

/// The lines of text in a node's box, with their colour and boldness.
fn node_lines(n: &GraphNode) -> Vec<(String, Rgb, bool)> {
    let mut v = vec![(n.name.clone(), INK, true)];
    if let Some(e) = &n.expr {
        v.push((e.clone(), INK, false));
    }
    let value = if n.value.contains('=') {
        n.value.clone()
    } else {
        gbl_core::t!("plot-node-value", value = n.value)
    };
    v.push((value, INK, false));
    let grad = if n.grad.contains('=') {
        n.grad.clone()
    } else {
        gbl_core::t!("plot-node-grad", grad = n.grad)
    };
    v.push((grad, GRAD, false));
    v
}

/// Longest-path depth of each node from the sources (bounded, so cycles terminate).
fn depths(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut d = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(a, b) in edges {
            if d[b] < d[a] + 1 && d[a] + 1 < n {
                d[b] = d[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    d
}

/// The legend of a graph: what the three colours mean.
fn legend_items() -> [Item; 3] {
    [
        Item {
            swatch: Swatch::Square(INK),
            label: gbl_core::t!("plot-forward-value"),
        },
        Item {
            swatch: Swatch::Square(GRAD),
            label: gbl_core::t!("plot-gradient"),
        },
        Item {
            swatch: Swatch::Line(DERIV),
            label: gbl_core::t!("plot-local-derivative"),
        },
    ]
}

/// Where everything goes: the canvas, the boxes, and each node's centre.
struct Layout {
    /// Canvas width and height.
    w: f64,
    h: f64,
    /// Top of the first row of boxes.
    top: f64,
    /// Height of a row of boxes.
    row_h: f64,
    /// Half the width and half the height of a box.
    half: (f64, f64),
    /// The centre of each node's box.
    centre: Vec<(f64, f64)>,
}

/// Nodes in columns by depth, boxes sized for the longest line, gaps for the longest
/// edge label, the canvas wide enough for the title.
fn layout(title: &str, lines: &[Vec<(String, Rgb, bool)>], valid: &[&GraphEdge]) -> Layout {
    let n = lines.len();
    let pairs: Vec<(usize, usize)> = valid.iter().map(|e| (e.from, e.to)).collect();
    let depth = depths(n, &pairs);
    let cols = depth.iter().max().map_or(0, |m| m + 1);
    let mut column: Vec<Vec<usize>> = vec![Vec::new(); cols];
    for (i, d) in depth.iter().enumerate() {
        column[*d].push(i);
    }
    let box_w = lines
        .iter()
        .flatten()
        .map(|(s, _, b)| text_width(s, if *b { NAME } else { MEDIUM }))
        .fold(90.0, f64::max)
        + 24.0;
    let box_h = lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * LINE + 14.0;
    let gap = valid
        .iter()
        .map(|e| text_width(&e.label, MEDIUM))
        .fold(70.0, f64::max)
        + 40.0;
    let rows = column.iter().map(Vec::len).max().unwrap_or(0);
    let margin = 20.0;
    let content_w = cols as f64 * box_w + cols.saturating_sub(1) as f64 * gap;
    let w = (content_w + 2.0 * margin)
        .max(560.0)
        .max(text_width(title, LARGE) + 40.0);
    let lh = legend::height(&legend_items(), w - 20.0);
    let top = 34.0 + lh + 20.0;
    let row_h = box_h + 50.0;
    let h = top + rows.max(1) as f64 * row_h + 10.0;
    let x0 = (w - content_w) / 2.0;
    let mut centre = vec![(0.0, 0.0); n];
    for (d, col) in column.iter().enumerate() {
        let cx = x0 + d as f64 * (box_w + gap) + box_w / 2.0;
        let col_h = col.len() as f64 * row_h;
        let y_start = top + (rows as f64 * row_h - col_h) / 2.0 + row_h / 2.0;
        for (r, &i) in col.iter().enumerate() {
            centre[i] = (cx, y_start + r as f64 * row_h);
        }
    }
    Layout {
        w,
        h,
        top,
        row_h,
        half: (box_w / 2.0, box_h / 2.0),
        centre,
    }
}

/// See [`super::graph`].
pub(crate) fn graph(title: &str, nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    let n = nodes.len();
    let valid: Vec<&GraphEdge> = edges
        .iter()
        .filter(|e| e.from < n && e.to < n && e.from != e.to)
        .collect();
    let lines: Vec<_> = nodes.iter().map(node_lines).collect();
    let lay = layout(title, &lines, &valid);
    render(lay.w as u32, lay.h as u32, title, |cv| {
        super::path::title_at(cv, title, lay.w);
        legend::draw(cv, &legend_items(), 10.0, lay.w - 10.0, 34.0);
        if n == 0 {
            let at = (lay.w / 2.0, lay.top + lay.row_h / 2.0);
            cv.text(
                &gbl_core::t!("plot-empty-graph"),
                at,
                MEDIUM,
                Anchor::Middle,
            );
        }
        for e in &valid {
            arrow(cv, lay.centre[e.from], lay.centre[e.to], lay.half, &e.label);
        }
        for (ls, &centre) in lines.iter().zip(&lay.centre) {
            node_box(cv, centre, lay.half, ls);
        }
    })
}

/// A node's box centred at `(cx, cy)`, with its lines of text.
fn node_box(
    cv: &mut Canvas,
    (cx, cy): (f64, f64),
    (hw, hh): (f64, f64),
    ls: &[(String, Rgb, bool)],
) {
    cv.rect(
        (cx - hw, cy - hh),
        (cx + hw, cy + hh),
        Some(BOX),
        Some((BOX_EDGE, 2)),
    );
    let y0 = cy - hh + 7.0 + LINE / 2.0;
    for (k, (s, colour, bold)) in ls.iter().enumerate() {
        let size = if *bold { NAME } else { MEDIUM };
        let font = Font::new(size, Anchor::Middle).colour(*colour).bold(*bold);
        cv.text_styled(s, (cx, y0 + k as f64 * LINE), font);
    }
}

/// Where the ray from a box centre towards `d` leaves the box.
fn exit((cx, cy): (f64, f64), (dx, dy): (f64, f64), (hw, hh): (f64, f64)) -> (f64, f64) {
    let tx = if dx.abs() > 1e-9 {
        hw / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        hh / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty);
    if t.is_finite() {
        (cx + t * dx, cy + t * dy)
    } else {
        (cx, cy)
    }
}

/// An arrow between two boxes, labelled at its middle.
fn arrow(cv: &mut Canvas, a: (f64, f64), b: (f64, f64), half: (f64, f64), label: &str) {
    let d = (b.0 - a.0, b.1 - a.1);
    let len = (d.0 * d.0 + d.1 * d.1).sqrt();
    if len.is_nan() || len <= 1e-6 {
        return;
    }
    let p = exit(a, d, half);
    let q = exit(b, (-d.0, -d.1), half);
    let u = (d.0 / len, d.1 / len);
    let (al, aw) = (12.0, 6.0);
    let base = (q.0 - u.0 * al, q.1 - u.1 * al);
    cv.line(&[p, base], AXIS, 2);
    let head = [
        q,
        (base.0 - u.1 * aw, base.1 + u.0 * aw),
        (base.0 + u.1 * aw, base.1 - u.0 * aw),
    ];
    cv.polygon(&head, AXIS, None);
    let m = ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
    let tw = text_width(label, MEDIUM);
    let ly = m.1 - 14.0;
    if !label.trim().is_empty() {
        cv.rect(
            (m.0 - tw / 2.0 - 3.0, ly - 10.0),
            (m.0 + tw / 2.0 + 3.0, ly + 10.0),
            Some(WHITE),
            None,
        );
    }
    let font = Font::new(MEDIUM, Anchor::Middle).colour(DERIV);
    cv.text_styled(label, (m.0, ly), font);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_of_a_chain_and_a_cycle() {
        assert_eq!(depths(3, &[(0, 1), (1, 2)]), vec![0, 1, 2]);
        let d = depths(2, &[(0, 1), (1, 0)]);
        assert!(d.iter().all(|&x| x < 2));
    }
}
