//! The lecture's plots as self-contained SVG strings.
//!
//! Every drawing function here takes plain data and returns a standalone `<svg>` element
//! (with `width`, `height`, a `viewBox` of the same size, a white background and a
//! `<title>`), ready to be written to a file by `gbl descend --plot` or inlined into an
//! mdBook page. [`figures`] turns the engine's runs and graphs into that data; it is where
//! every plot of a run gets its numbers.
//!
//! The SVG is written element by element (`svg.rs`); text is emitted as `<text>` elements
//! rendered by the viewer's own sans-serif font, and the layout uses a conservative width
//! estimate instead of font metrics.
//!
//! All functions accept any data: non-finite values are skipped, empty and constant data
//! get a small default range, and data spanning many orders of magnitude (a diverging
//! descent) is drawn on a symmetric log axis. They never panic.

mod axes;
mod colour;
mod contour;
pub mod figures;
mod graph;
mod legend;
mod path;
mod scale;
mod svg;

/// Escaping text for XML (SVG) and HTML alike.
pub(crate) use svg::escape;

/// One descent run in one variable, as data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path1D {
    /// Name of the function, e.g. `"f(x) = x^2/10"`; used in legends and panel titles.
    pub label: String,
    /// The function sampled on a grid, as `(x, f(x))` pairs in drawing order.
    pub f: Vec<(f64, f64)>,
    /// The visited points `x_0, ..., x_n`.
    pub xs: Vec<f64>,
    /// The function values `f(x_k)` at the visited points.
    pub ys: Vec<f64>,
}

/// A two-variable function evaluated on a grid, for [`contour`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contour {
    /// Name of the horizontal variable, e.g. `"x1"`.
    pub x_name: String,
    /// Name of the vertical variable, e.g. `"x2"`.
    pub y_name: String,
    /// Grid coordinates along the horizontal axis, increasing.
    pub xs: Vec<f64>,
    /// Grid coordinates along the vertical axis, increasing.
    pub ys: Vec<f64>,
    /// Values: `z[j][i]` is the value at `(xs[i], ys[j])`.
    pub z: Vec<Vec<f64>>,
    /// What `z` is, e.g. `"log f(x1, x2)"`; titles the contour colour bar.
    pub z_label: String,
}

/// A node of a computational graph, for [`graph`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphNode {
    /// The node's name, e.g. `"z"`.
    pub name: String,
    /// Its defining expression, e.g. `"z = x - 2"`; `None` for inputs.
    pub expr: Option<String>,
    /// Its forward value, e.g. `"3"` (shown as `value = 3`; a string containing `=` is
    /// shown as is).
    pub value: String,
    /// Its gradient d(output)/d(node), e.g. `"dy/dz = 12"` (a string without `=` is shown
    /// as `grad = ...`).
    pub grad: String,
}

/// A directed edge of a computational graph, for [`graph`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphEdge {
    /// Index of the source node in the node slice.
    pub from: usize,
    /// Index of the target node in the node slice.
    pub to: usize,
    /// The local derivative and its value, e.g. `"∂y/∂z = 4z = 12"`.
    pub label: String,
}

/// The function with the visited points coloured by iteration.
///
/// Draws `path.f` as a dark curve, the iterates `(x_k, f(x_k))` as markers joined by a
/// light line and coloured on a rainbow scale from iteration 0 to n, a colour bar titled
/// "iteration", axes `x` and `f(x)`, and the title.
pub fn descent_path(title: &str, path: &Path1D) -> String {
    path::descent_path(title, path)
}

/// `x` against iteration: markers joined by lines, one series per entry with a legend of
/// the series names, axes `iteration` and `x`.
pub fn iterates(title: &str, series: &[(String, Vec<f64>)]) -> String {
    path::iterates(title, series)
}

/// Several runs side by side: one panel per run (three per row), each titled with its
/// own `label` and drawn like [`descent_path`], sharing one iteration colour bar.
pub fn side_by_side(title: &str, paths: &[Path1D]) -> String {
    path::side_by_side(title, paths)
}

/// Contour lines of `c.z` with the descent `path` on top.
///
/// The path is a dark line with markers coloured by iteration; its start is marked by a
/// square and its end by a diamond. Axes are named `c.x_name` and `c.y_name`; a legend
/// names the "descent path", and two colour bars show the iteration and the contour
/// levels of `c.z_label`.
pub fn contour(title: &str, c: &Contour, path: &[(f64, f64)]) -> String {
    contour::contour(title, c, path)
}

/// A computational graph as boxes and arrows laid out left to right by depth.
///
/// Each box shows the node's name, expression and forward value, and its gradient in a
/// second colour; each arrow is labelled with its edge's local derivative. Edges with
/// out-of-range indices or from a node to itself are ignored.
pub fn graph(title: &str, nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    graph::graph(title, nodes, edges)
}
