//! The book's own chapters, expanded by the preprocessor: the numbers of "Away from the bowl"
//! (a run stuck in a local minimum, a saddle point) and of the ill-conditioned bowl in "Many
//! variables" are the engine's, and they agree with a plain gradient-descent loop written here
//! independently of the engine.

use std::path::PathBuf;

use gbl::book::{Env, process_chapter};
use gbl::exercise::load::Origin;

fn chapter(name: &str) -> (String, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("book/src").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let env = Env::load(&Origin::dir(root.join("exercises")));
    let out = process_chapter(&text, name, name, &env).unwrap_or_else(|e| panic!("{e:?}"));
    (text, out)
}

/// Gradient descent on a function of one variable, by hand.
fn descend1(grad: impl Fn(f64) -> f64, x0: f64, lr: f64, steps: usize) -> f64 {
    (0..steps).fold(x0, |x, _| x - lr * grad(x))
}

/// Gradient descent on a function of two variables, by hand (simultaneous update).
fn descend2(grad: impl Fn(f64, f64) -> (f64, f64), p: (f64, f64), lr: f64, n: usize) -> (f64, f64) {
    (0..n).fold(p, |(a, b), _| {
        let (ga, gb) = grad(a, b);
        (a - lr * ga, b - lr * gb)
    })
}

fn quartic(x: f64) -> f64 {
    x.powi(4) - 3.0 * x * x + x
}

fn quartic_grad(x: f64) -> f64 {
    4.0 * x.powi(3) - 6.0 * x + 1.0
}

fn saddle(a: f64, b: f64) -> f64 {
    a * a + b.powi(4) / 4.0 - b * b / 2.0
}

fn saddle_grad(a: f64, b: f64) -> (f64, f64) {
    (2.0 * a, b.powi(3) - b)
}

/// The text after `from` up to the next `to`, to find a number in its sentence.
fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let i = text
        .find(from)
        .unwrap_or_else(|| panic!("'{from}' not in the chapter"));
    let rest = &text[i + from.len()..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[test]
fn the_local_minimum_and_the_global_one_are_the_engines() {
    let (src, out) = chapter("beyond-bowls.md");
    assert!(!out.contains("{{#gbl"), "a directive was left unexpanded");
    assert!(
        out.contains("<figure class=\"gbl-plot\""),
        "the plots are drawn"
    );
    let right = descend1(quartic_grad, 2.0, 0.05, 30);
    let left = descend1(quartic_grad, -2.0, 0.05, 30);
    // Stuck on the right: a local minimum, higher than the left one.
    assert!(right > 1.0 && left < -1.0 && quartic(right) > quartic(left) + 2.0);
    let stuck = between(&out, "after 30 iterations", "The same rate");
    assert!(stuck.contains(&format!("{right:.4}")), "{stuck}");
    assert!(stuck.contains(&format!("{:.4}", quartic(right))), "{stuck}");
    let global = between(&out, "at <math", "the lowest point");
    assert!(global.contains(&format!("{left:.4}")), "{global}");
    assert!(
        global.contains(&format!("{:.4}", quartic(left))),
        "{global}"
    );
    // The numbers come from directives, never typed in the source.
    for n in [right, left, quartic(right), quartic(left)] {
        assert!(!src.contains(&format!("{n:.4}")), "{n:.4} typed by hand");
    }
}

#[test]
fn the_saddle_traps_the_start_on_the_ridge_and_lets_the_other_escape() {
    let (src, out) = chapter("beyond-bowls.md");
    let (a, b) = descend2(saddle_grad, (2.0, 0.0), 0.1, 80);
    assert_eq!(b, 0.0);
    let ridge = between(&out, "after 80 iterations", "converges");
    assert!(
        ridge.contains(&format!("{a:.2e}").replace("e-", "e-0")),
        "{ridge}"
    );
    let escape: Vec<f64> = [20, 40, 80]
        .iter()
        .map(|&n| descend2(saddle_grad, (2.0, 0.01), 0.1, n).1)
        .collect();
    // Slowly, then all at once: close to the valley at x2 = 1 after 80 iterations.
    assert!(escape[0] < 0.1 && escape[1] > 0.3 && (escape[2] - 1.0).abs() < 0.01);
    let text = between(&out, "After 20 iterations", "plateau");
    for x2 in &escape {
        assert!(text.contains(&format!("{x2:.4}")), "{x2:.4} not in: {text}");
        assert!(!src.contains(&format!("{x2:.4}")), "{x2:.4} typed by hand");
    }
    let (a80, b80) = descend2(saddle_grad, (2.0, 0.01), 0.1, 80);
    assert!(text.contains(&format!("{:.4}", saddle(a80, b80))), "{text}");
}

#[test]
fn the_ill_conditioned_bowl_zigzags_across_its_valley() {
    let (_, out) = chapter("many-variables.md");
    let section = between(&out, "A bowl steeper one way", "## Exercises");
    assert!(
        section.contains("<figure class=\"gbl-plot\""),
        "the zigzag is drawn"
    );
    // x2 flips its sign every step (factor 1 - 20 lr < 0) while x1 creeps (factor 1 - 2 lr).
    let lr = 0.09;
    let grad = |a: f64, b: f64| (2.0 * a, 20.0 * b);
    let signs: Vec<bool> = (1..=4)
        .map(|n| descend2(grad, (3.0, 1.0), lr, n).1 > 0.0)
        .collect();
    assert_eq!(signs, [false, true, false, true]);
    let (a, b) = descend2(grad, (3.0, 1.0), lr, 10);
    assert!(section.contains(&format!("{a:.4}")), "x1 after 10: {a:.4}");
    assert!(section.contains(&format!("{b:.4}")), "x2 after 10: {b:.4}");
}

#[test]
fn plot_path_over_widens_the_drawing_and_rejects_what_is_not_an_interval() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let env = Env::load(&Origin::dir(root.join("exercises")));
    let run = |over: &str| {
        let text = format!(
            "text\n\n{{{{#gbl plot path f=\"x^4 - 3*x^2 + x\" from=\"x=2\" lr=0.05 steps=30{over}}}}}\n"
        );
        process_chapter(&text, "src/t.md", "T", &env)
    };
    let narrow = run("").expect("the plot without over");
    let wide = run(" over=\"-2.2, 2.2\"").expect("the plot with over");
    // The widened plot shows the deeper valley at x = -1.3: its x axis reaches -2.
    // Tick labels are written as `>\n-2\n</text>`.
    let tick = |svg: &str, t: &str| svg.contains(&format!(">\n{t}\n</text>"));
    assert!(!tick(&narrow, "-2"), "the run alone stays right of 0");
    assert!(tick(&wide, "-2"), "no tick at -2");
    for bad in [
        " over=\"1\"",
        " over=\"a, b\"",
        " over=\"1, 2, 3\"",
        " over=\"inf, 1\"",
    ] {
        let e = run(bad).expect_err("not an interval");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 3, "{e:?}");
        assert!(e[0].message.contains("is not an interval"), "{e:?}");
    }
    let two =
        "{{#gbl plot path f=\"x1^2 + x2^2\" from=\"x1=1, x2=1\" lr=0.1 steps=3 over=\"-1, 1\"}}\n";
    let e = process_chapter(two, "src/t.md", "T", &env).expect_err("one variable only");
    assert!(e[0].message.contains("one variable"), "{e:?}");
}
