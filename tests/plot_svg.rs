//! Properties of the SVG plots: well-formed, labelled, one marker per visited point, and
//! no panic on any data.

use gbl::plot::{self, Contour, GraphEdge, GraphNode, Path1D};
use proptest::prelude::*;

/// Check the SVG is a single balanced element tree with quoted attributes and escaped text.
fn assert_well_formed(svg: &str) {
    assert!(
        svg.starts_with("<svg "),
        "starts with <svg: {}",
        &svg[..svg.len().min(80)]
    );
    assert!(svg.contains("viewBox=\"0 0 "), "has a viewBox");
    assert!(
        svg.contains(" width=\"") && svg.contains(" height=\""),
        "has width and height"
    );
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        check_text(text);
        let Some(j) = rest[i..].find('>') else {
            panic!("unterminated tag");
        };
        let tag = &rest[i + 1..i + j];
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_default();
            assert_eq!(open, name.trim(), "mismatched closing tag");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or_default();
            stack.push(name.to_string());
        }
        rest = &rest[i + j + 1..];
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed tags: {stack:?}");
    assert!(
        !svg.contains("NaN") && !svg.contains("inf\""),
        "no NaN or inf in the output"
    );
}

/// Character data may only contain `&` as the start of an entity.
fn check_text(text: &str) {
    for (k, _) in text.match_indices('&') {
        let ent = &text[k..];
        assert!(
            ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"]
                .iter()
                .any(|e| ent.starts_with(e)),
            "bare & in {text:?}"
        );
    }
}

/// The contents of all `<text>` elements, unescaped and trimmed.
fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text ") {
        rest = &rest[i..];
        let (Some(a), Some(b)) = (rest.find('>'), rest.find("</text>")) else {
            break;
        };
        let t = rest[a + 1..b]
            .trim()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        out.push(t);
        rest = &rest[b..];
    }
    out
}

/// Number of filled circles: the point markers.
fn markers(svg: &str) -> usize {
    svg.split("<circle ")
        .skip(1)
        .filter(|c| !c.contains("fill=\"none\""))
        .count()
}

/// Logical font sizes (the drawing is scaled by width / viewBox width).
fn font_sizes(svg: &str) -> Vec<f64> {
    let num = |key: &str| -> f64 {
        svg.split(key)
            .nth(1)
            .and_then(|s| s.split(['"', ' ']).next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let scale = num(" width=\"") / num("viewBox=\"0 0 ");
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
        .map(|v| v * scale)
        .collect()
}

fn has(svg: &str, label: &str) -> bool {
    texts(svg).iter().any(|t| t == label)
}

fn lecture_path(steps: usize) -> Path1D {
    let mut xs = vec![3.0];
    for _ in 0..steps {
        let x: f64 = xs[xs.len() - 1];
        xs.push(x - x / 5.0);
    }
    Path1D {
        label: "f(x) = x^2/10".into(),
        f: (0..=100)
            .map(|i| -3.5 + 0.07 * i as f64)
            .map(|x| (x, x * x / 10.0))
            .collect(),
        ys: xs.iter().map(|x| x * x / 10.0).collect(),
        xs,
    }
}

#[test]
fn descent_path_is_labelled_with_one_marker_per_point() {
    let svg = plot::descent_path("Descent <on> x^2/10 & more", &lecture_path(20));
    assert_well_formed(&svg);
    assert_eq!(markers(&svg), 21);
    for label in [
        "x",
        "f(x)",
        "iteration",
        "0",
        "20",
        "f(x) = x^2/10",
        "Descent <on> x^2/10 & more",
    ] {
        assert!(
            has(&svg, label),
            "missing text {label:?}: {:?}",
            texts(&svg)
        );
    }
    assert!(svg.contains("Descent &lt;on&gt; x^2/10 &amp; more"));
    assert!(svg.contains("fill=\"#FFFFFF\""), "white background");
    let sizes = font_sizes(&svg);
    assert!(
        !sizes.is_empty() && sizes.iter().all(|s| *s >= 12.0),
        "{sizes:?}"
    );
}

#[test]
fn iterates_has_legend_and_axes() {
    let series = vec![
        ("lr = 1".to_string(), vec![3.0, 2.4, 1.92, 1.536, 1.2288]),
        ("lr = 0.5".to_string(), vec![3.0, 2.7, 2.43]),
    ];
    let svg = plot::iterates("Iterates", &series);
    assert_well_formed(&svg);
    assert_eq!(markers(&svg), 8);
    for label in ["iteration", "x", "lr = 1", "lr = 0.5", "Iterates"] {
        assert!(has(&svg, label), "missing {label:?}");
    }
}

#[test]
fn side_by_side_panels_have_distinct_labels() {
    let mk = |label: &str, c: f64| {
        let mut p = lecture_path(10);
        p.label = label.into();
        p.ys = p.xs.iter().map(|x| c * x * x).collect();
        p
    };
    let paths = [
        mk("f1(x) = x^2/10", 0.1),
        mk("f2(x) = x^2/5", 0.2),
        mk("f3(x) = x^2/3", 1.0 / 3.0),
    ];
    let svg = plot::side_by_side("Three functions", &paths);
    assert_well_formed(&svg);
    assert_eq!(markers(&svg), 33);
    let t = texts(&svg);
    for p in &paths {
        assert_eq!(
            t.iter().filter(|s| **s == p.label).count(),
            1,
            "panel label {:?}",
            p.label
        );
    }
}

#[test]
fn contour_names_axes_by_variable() {
    let xs: Vec<f64> = (0..=40).map(|i| -4.0 + 0.2 * i as f64).collect();
    let c = Contour {
        x_name: "x1".into(),
        y_name: "x2".into(),
        ys: xs.clone(),
        z: xs
            .iter()
            .map(|b| xs.iter().map(|a| (a * a + b * b).ln()).collect())
            .collect(),
        xs,
        z_label: "log f".into(),
    };
    let mut path = vec![(3.0, -2.0)];
    for _ in 0..10 {
        let (a, b) = path[path.len() - 1];
        path.push((0.8 * a, 0.8 * b));
    }
    let svg = plot::contour("Contour", &c, &path);
    assert_well_formed(&svg);
    assert_eq!(markers(&svg), 11);
    for label in [
        "x1",
        "x2",
        "descent path",
        "start",
        "end",
        "log f",
        "iteration",
    ] {
        assert!(has(&svg, label), "missing {label:?}");
    }
    assert!(
        !has(&svg, "x") && !has(&svg, "y"),
        "axes are not called x and y"
    );
    assert!(
        svg.matches("<polyline").count() > 5,
        "contour lines are drawn"
    );
}

#[test]
fn graph_shows_nodes_edges_and_gradients() {
    let node = |name: &str, expr: Option<&str>, value: &str, grad: &str| GraphNode {
        name: name.into(),
        expr: expr.map(Into::into),
        value: value.into(),
        grad: grad.into(),
    };
    let nodes = [
        node("x", None, "5", "dy/dx = 12"),
        node("z", Some("z = x - 2"), "3", "dy/dz = 12"),
        node("y", Some("y = 2*z^2"), "18", "dy/dy = 1"),
    ];
    let edges = [
        GraphEdge {
            from: 0,
            to: 1,
            label: "∂z/∂x = 1".into(),
        },
        GraphEdge {
            from: 1,
            to: 2,
            label: "∂y/∂z = 4z = 12".into(),
        },
    ];
    let svg = plot::graph("Graph", &nodes, &edges);
    assert_well_formed(&svg);
    for label in [
        "x",
        "z",
        "y",
        "z = x - 2",
        "y = 2*z^2",
        "value = 5",
        "value = 3",
        "value = 18",
        "dy/dx = 12",
        "dy/dz = 12",
        "dy/dy = 1",
        "∂z/∂x = 1",
        "∂y/∂z = 4z = 12",
    ] {
        assert!(has(&svg, label), "missing {label:?}: {:?}", texts(&svg));
    }
    // Gradients are drawn in a second colour.
    let grad_fill = svg
        .split("<text ")
        .find(|t| t.contains(">\ndy/dz = 12") || t.contains(">dy/dz = 12"))
        .and_then(|t| {
            t.split("fill=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_string)
        });
    let value_fill = svg
        .split("<text ")
        .find(|t| t.contains("value = 3"))
        .and_then(|t| {
            t.split("fill=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_string)
        });
    assert!(
        grad_fill.is_some() && grad_fill != value_fill,
        "{grad_fill:?} {value_fill:?}"
    );
    // Three boxes, left to right: x, z and y centred at increasing x positions.
    let pos = |name: &str| -> f64 {
        svg.split("<text ")
            .find(|t| {
                t.split_once('>')
                    .map(|(_, b)| b.split("</text>").next().unwrap_or("").trim())
                    == Some(name)
            })
            .and_then(|t| t.split("x=\"").nth(1)?.split('"').next()?.parse().ok())
            .unwrap_or(f64::NAN)
    };
    assert!(
        pos("x") < pos("z") && pos("z") < pos("y"),
        "{} {} {}",
        pos("x"),
        pos("z"),
        pos("y")
    );
}

#[test]
fn diverging_run_gets_compact_ticks() {
    let mut xs = vec![3.0f64];
    while xs[xs.len() - 1].abs() < 1e30 {
        let x = xs[xs.len() - 1];
        xs.push(-3.0 * x);
    }
    let p = Path1D {
        label: "2x^2".into(),
        f: (-100..=100)
            .map(|i| (i as f64, 2.0 * (i * i) as f64))
            .collect(),
        ys: xs.iter().map(|x| 2.0 * x * x).collect(),
        xs: xs.clone(),
    };
    for svg in [
        plot::descent_path("Diverging", &p),
        plot::iterates("Diverging", &[("x".into(), xs.clone())]),
    ] {
        assert_well_formed(&svg);
        assert_eq!(markers(&svg), xs.len());
        let long: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|t| t.len() <= 12 && t.parse::<f64>().is_ok())
            .collect();
        assert!(long.len() >= 4, "has numeric tick labels: {long:?}");
        assert!(
            long.iter().all(|t| t.len() <= 7),
            "compact tick labels: {long:?}"
        );
    }
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = Path1D::default();
    let single = Path1D {
        label: "one".into(),
        f: vec![(1.0, 1.0)],
        xs: vec![1.0],
        ys: vec![1.0],
    };
    let constant = Path1D {
        label: "c".into(),
        f: vec![(0.0, 2.0), (1.0, 2.0)],
        xs: vec![0.5; 4],
        ys: vec![2.0; 4],
    };
    for p in [&empty, &single, &constant] {
        assert_well_formed(&plot::descent_path("", p));
    }
    assert_eq!(markers(&plot::descent_path("", &single)), 1);
    assert_eq!(markers(&plot::descent_path("", &constant)), 4);
    assert_well_formed(&plot::side_by_side("none", &[]));
    assert_well_formed(&plot::iterates("none", &[]));
    assert_well_formed(&plot::contour("none", &Contour::default(), &[]));
    assert_well_formed(&plot::graph(
        "none",
        &[],
        &[GraphEdge {
            from: 3,
            to: 7,
            label: "?".into(),
        }],
    ));
    let cyc = [
        GraphNode::default(),
        GraphNode {
            name: "a<b & \"c\"".into(),
            ..Default::default()
        },
    ];
    let svg = plot::graph(
        "cycle",
        &cyc,
        &[
            GraphEdge {
                from: 0,
                to: 1,
                label: "e".into(),
            },
            GraphEdge {
                from: 1,
                to: 0,
                label: "f".into(),
            },
        ],
    );
    assert_well_formed(&svg);
    assert!(has(&svg, "a<b & \"c\""));
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => -10.0f64..10.0,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => prop::num::f64::NORMAL,
        1 => (-300i32..300).prop_map(|e| 10f64.powi(e)),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN_POSITIVE),
    ]
}

fn values(max: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(value(), 0..max)
}

fn path1d() -> impl Strategy<Value = Path1D> {
    (values(30), values(30), values(20), values(20), ".{0,12}").prop_map(
        |(fx, fy, xs, ys, label)| Path1D {
            label,
            f: fx.into_iter().zip(fy).collect(),
            xs,
            ys,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_data_gives_well_formed_svg(
        p in path1d(),
        q in path1d(),
        series in prop::collection::vec((".{0,8}", values(20)), 0..4),
        gx in values(8), gy in values(8), gz in prop::collection::vec(values(9), 0..9),
        cpath in prop::collection::vec((value(), value()), 0..12),
        names in prop::collection::vec(".{0,10}", 0..6),
        raw_edges in prop::collection::vec((0usize..8, 0usize..8, ".{0,10}"), 0..8),
    ) {
        assert_well_formed(&plot::descent_path("p", &p));
        assert_well_formed(&plot::iterates("s", &series));
        assert_well_formed(&plot::side_by_side("pq", &[p.clone(), q]));
        let c = Contour { x_name: "x1".into(), y_name: "x2".into(), xs: gx, ys: gy, z: gz, z_label: "z".into() };
        assert_well_formed(&plot::contour("c", &c, &cpath));
        let nodes: Vec<GraphNode> = names
            .iter()
            .map(|n| GraphNode { name: n.clone(), expr: Some(format!("{n} = <&>")), value: n.clone(), grad: "1".into() })
            .collect();
        let edges: Vec<GraphEdge> = raw_edges.into_iter().map(|(from, to, label)| GraphEdge { from, to, label }).collect();
        assert_well_formed(&plot::graph("g", &nodes, &edges));
        // Finite points inside the data get one marker each.
        let finite = p.xs.iter().zip(&p.ys).filter(|(x, y)| x.is_finite() && y.is_finite()).count();
        prop_assert_eq!(markers(&plot::descent_path("p", &p)), finite);
    }
}
