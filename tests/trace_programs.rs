//! Trace verdicts on the output of real CPython programs, run by `python3` inside the test
//! (the test fails, not skips, without it): right programs in many styles earn full marks,
//! coarse precisions and wrong rules earn less with a plain, true sentence, garbage earns
//! nothing, a run from another start earns no carried-forward credit, a UTF-16 file is read,
//! and `gbl grade` flags a trace with another student's numbers.

use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("binary");
    c.env_remove("NO_COLOR")
        .env_remove("GBL_EXERCISES")
        .arg("--color")
        .arg("never")
        .timeout(Duration::from_secs(60));
    c
}

/// What `python3` prints for `program` (stdout only).
fn python(program: &str) -> String {
    use std::io::Write;
    let mut child = Std::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed to run this test (CI installs it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(program.as_bytes())
        .expect("write the program");
    let out = child.wait_with_output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{program}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let ex = dir.path().join("exercises");
        std::fs::create_dir(&ex).expect("mkdir");
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
        for name in ["gd-trace.yaml", "mv-trace.yaml"] {
            std::fs::copy(bundled.join(name), ex.join(name)).expect("copy");
        }
        // A classmate's variant: the same exercise starting at 5.
        let gd = std::fs::read_to_string(bundled.join("gd-trace.yaml")).expect("read");
        std::fs::write(ex.join("gd-five.yaml"), gd.replace("x0: 3", "x0: 5")).expect("write");
        // A run whose values are short decimals: x halves from 4.
        std::fs::write(
            ex.join("gd-halves.yaml"),
            gd.replace("x0: 3", "x0: 4")
                .replace("steps: 20", "steps: 5")
                .replace("grad: {x: 1/5 * x}", "grad: {x: 1/2 * x}")
                .replace("f: 1/10 * x^2", "f: 1/4 * x^2"),
        )
        .expect("write");
        Fixture { dir }
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// `gbl check EX --trace FILE --format json` → the question's report and the text output.
    fn check(&self, ex: &str, file: &Path) -> (Value, String) {
        let exercises = self.dir.path().join("exercises");
        let run = |extra: &[&str]| {
            let out = gbl()
                .args(["check", ex, "--trace"])
                .arg(file)
                // The fixture's copies of bundled exercises stand in for the bundle.
                .arg("--no-bundled")
                .arg("--exercises")
                .arg(&exercises)
                .args(extra)
                .output()
                .expect("runs");
            let code = out.status.code().unwrap_or(-1);
            assert!(code == 0 || code == 1, "{out:?}");
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let json = run(&["--format", "json"]);
        let v: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        (v["exercises"][0]["questions"][0].clone(), run(&[]))
    }

    /// Runs `program` and checks its output.
    fn run(&self, ex: &str, name: &str, program: &str) -> (Value, String) {
        let out = python(program);
        let f = self.file(&format!("{name}.txt"), out);
        self.check(ex, &f)
    }
}

fn score(q: &Value) -> f64 {
    q["score"].as_f64().expect("a score")
}

fn feedback(q: &Value) -> &str {
    q["feedback"].as_str().expect("feedback")
}

fn mistake(q: &Value) -> Option<&str> {
    q["mistake"].as_str()
}

/// A gradient-descent program for gd-trace: `{update}` moves x, `{body}` prints.
fn gd(update: &str, body: &str) -> String {
    format!(
        "x = 3\nprint(f'Initial x: {{x}}')\nfor i in range(1, 21):\n    g = x / 5\n    {update}\n{body}"
    )
}

const RIGHT_GD: &[(&str, &str, &str)] = &[
    ("template", "x = x - g", "    print(f'{i}-th x: {x:.4f}')\n"),
    (
        "blank lines between iterations",
        "x = x - g",
        "    print(f'{i}-th x: {x:.4f}')\n    print()\n",
    ),
    (
        "an extra value on the line",
        "x = x - g",
        "    print(f'{i}-th x: {x:.4f}  grad: {g:.4f}')\n",
    ),
    (
        "x = 0.8*x printed in full",
        "x = 0.8 * x",
        "    print(f'{i}-th x: {x}')\n",
    ),
    (
        "round(x, 4)",
        "x = x - g",
        "    print(f'{i}-th x: {round(x, 4)}')\n",
    ),
    (
        "more digits",
        "x = x - g",
        "    print(f'{i}-th x: {x:.7f}')\n",
    ),
    ("print(i, x)", "x = x - g", "    print(i, x)\n"),
    ("an f-string i: x", "x = x - g", "    print(f'{i}: {x}')\n"),
    (
        "str.format",
        "x = x - g",
        "    print('{}-th x: {:.4f}'.format(i, x))\n",
    ),
    (
        "other labels",
        "x -= g",
        "    print('iteration', i, 'x =', '%.5f' % x)\n",
    ),
    (
        "debug prints, an IDE header and exit line",
        "print('debug', g)\n    x = x - g",
        "    print(f'{i}-th x: {x:.4f}')\nprint()\nprint('Process finished with exit code 0')\n",
    ),
    (
        "indented lines",
        "x = x - g",
        "    print(f'    {i}-th x: {x:.4f}')\n",
    ),
    (
        "a summary line after the loop",
        "x = x - g",
        "    print(f'{i}-th x: {x:.4f}')\nprint(f'Final x: {x:.4f}')\n",
    ),
    (
        "print(i, x) with debug prints",
        "print('slope', g)\n    x = x - g",
        "    print(i, x)\n",
    ),
];

#[test]
fn right_programs_in_many_styles_earn_full_marks() {
    let fx = Fixture::new();
    for (name, update, body) in RIGHT_GD {
        let mut program = gd(update, body);
        if name.contains("IDE") {
            program = format!("print('/usr/bin/python3 /home/me/gd.py')\n{program}");
        }
        let (q, text) = fx.run("gd-trace", "right", &program);
        assert_eq!(score(&q), 20.0, "{name}: {text}");
        assert_eq!(q["status"], "correct", "{name}: {text}");
        assert!(
            feedback(&q).starts_with("all 21 lines right"),
            "{name}: {q}"
        );
    }
}

#[test]
fn skipped_lines_and_extra_values_get_one_true_note() {
    let fx = Fixture::new();
    let (_, text) = fx.run("gd-trace", "blank", &gd("x = x - g", RIGHT_GD[1].2));
    // 20 print() calls; the last empty line ends the file and is not a line.
    assert!(
        text.contains(
            "note: 19 lines skipped as not part of the answer (19 blank); skipped lines cost nothing"
        ),
        "{text}"
    );
    let (_, text) = fx.run("gd-trace", "grad", &gd("x = x - g", RIGHT_GD[2].2));
    assert!(
        text.contains("note: 20 lines print more values than the template (e.g. `1-th x: 2.4000  grad: 0.6000`); only the template's values count"),
        "{text}"
    );
    let program = format!(
        "print('/usr/bin/python3 /home/me/gd.py')\n{}",
        gd(RIGHT_GD[10].1, RIGHT_GD[10].2)
    );
    let (_, text) = fx.run("gd-trace", "ide", &program);
    assert!(
        text.contains("note: 23 lines skipped as not part of the answer (1 blank; 2 without numbers or from the console, like line 1: `/usr/bin/python3 /home/me/gd.py`; 20 without the iteration's shape, like line 3: `debug 0.6`)"),
        "{text}"
    );
    assert!(!text.contains("too many"), "{text}");
}

#[test]
fn the_two_variable_trace_passes_in_other_styles() {
    let fx = Fixture::new();
    let program = "x1, x2 = 3.0, -2.0\nlr = 0.1\n\
        print('Initial (x1, x2): ({}, {})'.format(3, -2))\nprint('Initial y:', x1*x1 + x2*x2)\n\
        for i in range(1, 11):\n    g1, g2 = 2*x1, 2*x2\n    x1 = x1 - lr*g1\n    x2 = x2 - lr*g2\n    print()\n\
        \x20   print('{}-th (x1, x2): ({:.3f}, {:.3f})  grad: ({:.3f}, {:.3f})'.format(i, x1, x2, g1, g2))\n\
        \x20   print('y: {:.3f}'.format(x1*x1 + x2*x2))\n";
    let (q, text) = fx.run("mv-trace", "mv", program);
    assert_eq!(score(&q), 20.0, "{text}");
    let program = "x1, x2 = 3, -2\nprint(f'Initial (x1, x2): ({x1}, {x2})')\nprint(f'Initial y: {x1**2 + x2**2}')\n\
        for i in range(1, 11):\n    x1, x2 = 0.8*x1, 0.8*x2\n    print(f'{i}-th (x1, x2): ({x1}, {x2})')\n    print(f'y: {x1**2 + x2**2}')\n";
    let (q, text) = fx.run("mv-trace", "mv-full", program);
    assert_eq!(score(&q), 20.0, "{text}");
    // y on the same line as the point; a list printed with print(i, list).
    let program = "x1, x2 = 3, -2\nprint(f'Initial (x1, x2): ({x1}, {x2})')\nprint(f'Initial y: {x1**2 + x2**2}')\n\
        for i in range(1, 11):\n    x1, x2 = x1 - 0.1*2*x1, x2 - 0.1*2*x2\n    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f}) y: {x1**2 + x2**2:.3f}')\n";
    let (q, text) = fx.run("mv-trace", "mv-one-line", program);
    assert_eq!(score(&q), 20.0, "{text}");
    assert!(
        text.contains("note: 10 lines print several of the template's lines side by side (e.g. line 3); each is read as those lines"),
        "{text}"
    );
    let program = "x = [3, -2]\nprint('Initial (x1, x2):', tuple(x))\nprint('Initial y:', x[0]**2 + x[1]**2)\n\
        for i in range(1, 11):\n    x = [v - 0.1*2*v for v in x]\n    print(i, [round(v, 3) for v in x])\n    print('y:', round(x[0]**2 + x[1]**2, 3))\n";
    let (q, text) = fx.run("mv-trace", "mv-list", program);
    assert_eq!(score(&q), 20.0, "{text}");
    // Values after their names, in another order than the template's: the names decide.
    let program = "x1, x2 = 3, -2\nprint(f'Initial (x1, x2): ({x1}, {x2})')\nprint(f'Initial y: {x1**2 + x2**2}')\n\
        for i in range(1, 11):\n    x1, x2 = x1 - 0.1*2*x1, x2 - 0.1*2*x2\n    print(f'{i}: x2 = {x2:.3f}, x1 = {x1:.3f}')\n    print(f'y = {x1**2 + x2**2:.3f}')\n";
    let (q, text) = fx.run("mv-trace", "mv-names", program);
    assert_eq!(score(&q), 20.0, "{text}");
    // Both lines of an iteration on one line, each value after its name.
    let program = "x1, x2 = 3, -2\nprint(f'Initial (x1, x2): ({x1}, {x2})')\nprint(f'Initial y: {x1**2 + x2**2}')\n\
        for i in range(1, 11):\n    x1, x2 = x1 - 0.1*2*x1, x2 - 0.1*2*x2\n    print(f'{i}: x1 = {x1:.3f}, x2 = {x2:.3f}, y = {x1**2 + x2**2:.3f}')\n";
    let (q, text) = fx.run("mv-trace", "mv-names-one-line", program);
    assert_eq!(score(&q), 20.0, "{text}");
    // Both lines of an iteration on one plain line, without labels: print(i, x1, x2, y).
    let program = "x = [3.0, -2.0]\nprint('Initial (x1, x2):', tuple(x))\nprint('Initial y:', x[0]**2 + x[1]**2)\n\
        for i in range(10):\n    x = [v - 0.1*2*v for v in x]\n    print(i+1, x[0], x[1], x[0]**2 + x[1]**2)\n";
    let (q, text) = fx.run("mv-trace", "mv-plain-one-line", program);
    assert_eq!(score(&q), 20.0, "{text}");
    assert!(!feedback(&q).contains("stopped"), "{q}");
}

#[test]
fn a_first_update_that_departs_is_not_said_to_be_followed_when_it_is_not() {
    let fx = Fixture::new();
    // x2's step uses the new x1 (-2 - 0.1*2*2.4 = -2.48): the points after it follow no
    // step of the rule, only the y lines are f at the printed points.
    let program = "x1, x2 = 3, -2\nprint(f'Initial (x1, x2): ({x1}, {x2})')\nprint(f'Initial y: {x1**2 + x2**2}')\n\
        for i in range(1, 11):\n    x1 = x1 - 0.1*2*x1\n    x2 = x2 - 0.1*2*x1\n    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')\n    print(f'y: {x1**2 + x2**2:.3f}')\n";
    let (q, text) = fx.run("mv-trace", "mv-x1-in-x2", program);
    assert_eq!(score(&q), 0.0, "{text}");
    let f = feedback(&q);
    assert!(!f.contains("follow the update from that value"), "{f}");
    assert!(
        f.contains("your first update already departs (your line 3): credit is carried forward only from a run that follows from your start x1 = 3, x2 = -2, so the lines after it are judged against the reference"),
        "{f}"
    );
    assert!(f.contains("line 3: expected -1.600, printed -2.480"), "{f}");
}

#[test]
fn coarser_precision_is_wrong_and_said_plainly() {
    let fx = Fixture::new();
    let (q, text) = fx.run(
        "gd-trace",
        "f0",
        &gd("x = x - g", "    print(f'{i}-th x: {x:.0f}')\n"),
    );
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("precision"), "{q}");
    assert!(
        feedback(&q).contains("line 2: printed 2 where the task asks 4 decimals (2.4000)"),
        "{q}"
    );
    assert!(
        feedback(&q).contains("your numbers have fewer digits than the task asks (4 decimals)"),
        "{q}"
    );
    for spec in [".1f", ".2f", ".3f", ".1e"] {
        let body = format!("    print(f'{{i}}-th x: {{x:{spec}}}')\n");
        let (q, text) = fx.run("gd-trace", "coarse", &gd("x = x - g", &body));
        // Only the values that are exact at 4 decimals (2.4, 1.92, 1.536) can be right.
        assert!(score(&q) < 6.0, "{spec}: {text}");
        assert_eq!(mistake(&q), Some("precision"), "{spec}: {q}");
        assert!(
            feedback(&q).contains("where the task asks 4 decimals"),
            "{spec}: {q}"
        );
        assert!(!feedback(&q).contains("follow"), "{spec}: {q}");
    }
}

#[test]
fn short_values_printed_by_round_are_right_with_no_mistake_named() {
    let fx = Fixture::new();
    // 2.0, 1.0, 0.5, 0.25, 0.125: round(x, 4) prints no number with 4 decimals, all right.
    let program = "x = 4\nprint(f'Initial x: {x}')\nfor i in range(1, 6):\n    x = x - x / 2\n    print(f'{i}-th x: {round(x, 4)}')\n";
    let (q, text) = fx.run("gd-halves", "halves", program);
    assert_eq!(score(&q), 20.0, "{text}");
    assert_eq!(q["mistake"], Value::Null, "{q}");
    assert_eq!(feedback(&q), "all 6 lines right", "{q}");
}

#[test]
fn a_wrong_derivative_printed_coarsely_earns_nothing_and_is_named() {
    let fx = Fixture::new();
    let (q, text) = fx.run(
        "gd-trace",
        "deriv",
        &gd("x = x - 2 * x / 5", "    print(f'{i}-th x: {x:.1f}')\n"),
    );
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("learning-rate"), "{q}");
    assert!(
        feedback(&q).contains("a derivative 2 times the right one"),
        "{q}"
    );
}

#[test]
fn garbage_earns_nothing_and_is_said_to_be_so() {
    let fx = Fixture::new();
    let zeros = "print('Initial x: 3')\nfor i in range(1, 21):\n    print(f'{i}-th x: 0')\n";
    let (q, text) = fx.run("gd-trace", "zeros", zeros);
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("constant-lines"), "{q}");
    assert!(
        feedback(&q)
            .contains("your lines after each update print the same numbers in every iteration (0): that is no gradient-descent run"),
        "{q}"
    );
    assert!(!feedback(&q).contains("lr = 5"), "{q}");
    // The same for two lines per iteration.
    let zeros = "print('Initial (x1, x2): (3, -2)')\nprint('Initial y: 13')\nfor i in range(1, 11):\n    print(f'{i}-th (x1, x2): (0.000, 0.000)')\n    print('y: 0.000')\n";
    let (q, text) = fx.run("mv-trace", "mv-zeros", zeros);
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("constant-lines"), "{q}");
    // Random numbers follow no rule.
    let random = "import random\nrandom.seed(7)\nprint('Initial x: 3')\n\
        for i in range(1, 21):\n    print(f'{i}-th x: {random.random():.4f}')\n";
    let (q, text) = fx.run("gd-trace", "random", random);
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("no-rule"), "{q}");
    assert!(
        feedback(&q)
            .contains("from your line 2 on, the numbers follow no gradient-descent rule found"),
        "{q}"
    );
    // Another exercise's output.
    let mv = "x1, x2 = 3, -2\nprint(f'Initial (x1, x2): ({x1}, {x2})')\nprint(f'Initial y: {x1**2 + x2**2}')\n\
        for i in range(1, 11):\n    x1, x2 = 0.8*x1, 0.8*x2\n    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')\n    print(f'y: {x1**2 + x2**2:.3f}')\n";
    let (q, text) = fx.run("gd-trace", "other", mv);
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("other-output"), "{q}");
    assert!(
        feedback(&q).starts_with(
            "none of your lines has the labels of this exercise's output (`1-th x: 2.4000`)"
        ),
        "{q}"
    );
}

#[test]
fn printing_before_the_update_credits_the_values_that_are_right() {
    let fx = Fixture::new();
    let program = "x = 3\nprint(f'Initial x: {x}')\nfor i in range(1, 21):\n    print(f'{i}-th x: {x:.4f}')\n    x = x - x / 5\n";
    let (q, text) = fx.run("gd-trace", "before", program);
    assert_eq!(mistake(&q), Some("print-before-update"), "{q}");
    // Initial x and x1..x19 are right (20 lines); `1-th x: 3.0000` is extra and x20 missing:
    // 20 of 22 lines.
    assert!((score(&q) - 20.0 * 20.0 / 22.0).abs() < 1e-6, "{text}");
    assert!(feedback(&q).contains("20 of 22 lines right"), "{q}");
    assert!(!feedback(&q).contains("stopped"), "{q}");
}

#[test]
fn a_run_from_another_start_earns_no_carried_credit_and_names_it() {
    let fx = Fixture::new();
    let copied = gd("x = x - g", "    print(f'{i}-th x: {x:.4f}')\n");
    let (q, text) = fx.run("gd-five", "copied", &copied);
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("other-start"), "{q}");
    assert!(
        feedback(&q).starts_with(
            "your run starts at x = 3 (your line 1), not at this exercise's start x = 5"
        ),
        "{q}"
    );
    assert!(!feedback(&q).contains("follow correctly"), "{q}");
    // Without the header line, the start is worked back from the first update.
    let out = python(&copied);
    let body: String = out.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let (q, text) = fx.check("gd-five", &fx.file("copied2.txt", body));
    assert_eq!(score(&q), 0.0, "{text}");
    assert!(
        feedback(&q).starts_with("your lines follow from a start x = 3 (worked back from your line 1), not from this exercise's start x = 5"),
        "{q}"
    );
    // The gradient printed for x follows the same update, from 0.6: not from the start.
    let (q, text) = fx.run(
        "gd-trace",
        "gradient",
        &gd("x = x - g", "    print(f'{i}-th x: {g:.4f}')\n"),
    );
    assert_eq!(score(&q), 0.0, "{text}");
    assert_eq!(mistake(&q), Some("other-start"), "{q}");
    assert!(
        feedback(&q).starts_with("your first update already departs (your line 2) and the lines after it follow the update from that value, not from your start x = 3"),
        "{q}"
    );
    // A wrong learning rate is named with a readable derivative.
    let (q, _) = fx.run(
        "gd-trace",
        "lr",
        &gd("x = x - 0.1 * g", "    print(f'{i}-th x: {x:.4f}')\n"),
    );
    assert_eq!(
        feedback(&q).split("; line").next(),
        Some(
            "your steps match lr = 0.1; the exercise uses 1 (or, with the same steps, a derivative 0.1 times the right one: f'(x) = 0.1*(1/5*x) instead of 1/5*x)"
        ),
        "{q}"
    );
    // A slip in one's own run still carries credit forward.
    let slip = gd(
        "x = x - g\n    if i == 4:\n        x += 0.1",
        "    print(f'{i}-th x: {x:.4f}')\n",
    );
    let (q, text) = fx.run("gd-trace", "slip", &slip);
    assert!(score(&q) > 18.0, "{text}");
    assert!(
        feedback(&q).contains(
            "line 5: expected 1.2288, printed 1.3288; lines 6-21 follow correctly from your line 5"
        ),
        "{q}"
    );
}

#[test]
fn a_utf16_file_from_powershell_is_read_and_other_encodings_are_named() {
    let fx = Fixture::new();
    let out = python(&gd("x = x - g", "    print(f'{i}-th x: {x:.4f}')\n"));
    // What PowerShell's `>` writes: UTF-16 LE with a byte-order mark and CRLF.
    let mut bytes = vec![0xFF, 0xFE];
    for u in out.replace('\n', "\r\n").encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let (q, text) = fx.check("gd-trace", &fx.file("ps.txt", &bytes));
    assert_eq!(score(&q), 20.0, "{text}");
    // Latin-1: refused with a sentence that says what it may be.
    let latin1 = fx.file("latin1.txt", b"Initial x: 3\n1-th x: 2,4\xb0\n");
    let out = gbl()
        .args(["check", "gd-trace", "--trace"])
        .arg(&latin1)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt: cannot read it: the file is not UTF-8 text (invalid bytes at offset 24): it may be in a legacy encoding such as Windows-1252 or Latin-1"),
        "{err}"
    );
}

#[test]
fn the_diff_shows_the_templates_digits_and_the_scoring_rule() {
    let fx = Fixture::new();
    let slip = gd(
        "x = 0.8 * x\n    if i == 9:\n        x += 0.01",
        "    print(f'{i}-th x: {x}')\n",
    );
    let (_, text) = fx.run("gd-trace", "diff", &slip);
    // The expected value as the template prints it, beside the student's full value.
    assert!(
        text.contains("x: expected 0.4027, printed 0.41265318400000034"),
        "{text}"
    );
    assert!(
        text.contains("\n      score: 20 of 21 lines right (9 correct, 11 carried forward): a line is right when its numbers are the reference at the template's digits, or one step of the rule from your own previous line\n"),
        "{text}"
    );
}

#[test]
fn grade_flags_a_trace_with_another_students_numbers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ex = tmp.path().join("ex");
    std::fs::create_dir(&ex).expect("mkdir");
    let gd_yaml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/gd-trace.yaml"),
    )
    .expect("read");
    std::fs::write(
        ex.join("gd-vtrace.yaml"),
        // gd-trace varies its start; this copy draws from eight starts.
        gd_yaml.replace(
            "vary:\n  x0: {choices: [2, 3, 4, 5]}\n",
            "vary:\n  x0: {choices: [-5, -4, -3, -2, 2, 3, 4, 5]}\n",
        ),
    )
    .expect("write");
    let quiz = tmp.path().join("quiz.yaml");
    std::fs::write(
        &quiz,
        "format: 1\ntitle: T\nsalt: s1\nexercises:\n  - {id: gd-vtrace, points: 20}\n",
    )
    .expect("write");
    // With salt s1, ada starts at -2, eve at 5 and fay at -3 (see `gbl show --student`).
    let start = |s: &str| -> i64 {
        let out = gbl()
            .args(["show", "gd-vtrace", "--quiz"])
            .arg(&quiz)
            .args(["--student", s, "--exercises"])
            .arg(&ex)
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let at = text.find("starts at x = ").expect("a start") + "starts at x = ".len();
        text[at..]
            .split_whitespace()
            .next()
            .and_then(|t| t.parse().ok())
            .expect("a number")
    };
    let (ada, eve, fay) = (start("ada"), start("eve"), start("fay"));
    assert!(ada != fay && ada != eve, "{ada} {eve} {fay}");
    let class = tmp.path().join("class");
    for (s, x0) in [("ada", ada), ("eve", eve), ("fay", ada)] {
        let dir = class.join(s);
        std::fs::create_dir_all(dir.join("traces")).expect("mkdir");
        let program = format!(
            "x = {x0}\nprint(f'Initial x: {{x}}')\nfor i in range(1, 21):\n    x = x - x / 5\n    print(f'{{i}}-th x: {{x:.4f}}')\n"
        );
        std::fs::write(dir.join("traces/t.txt"), python(&program)).expect("write");
        std::fs::write(
            dir.join("answers.yaml"),
            "gd-vtrace: {trace: traces/t.txt}\n",
        )
        .expect("write");
    }
    let book = tmp.path().join("g.json");
    let out = gbl()
        .arg("grade")
        .arg(&quiz)
        .arg(&class)
        .arg("--exercises")
        .arg(&ex)
        .args(["--format", "json", "-o"])
        .arg(&book)
        .output()
        .expect("runs");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains(
            "traces with another student's numbers:\n  fay: gd-vtrace.trace: the numbers of student ada's variant"
        ),
        "{summary}"
    );
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&book).expect("gradebook")).expect("json");
    let row = |s: &str| {
        v["students"]
            .as_array()
            .expect("students")
            .iter()
            .find(|r| r["student"] == s)
            .expect("a row")["exercises"][0]["questions"][0]
            .clone()
    };
    assert_eq!(row("fay")["mistake"], "other-variant");
    assert!(
        row("fay")["feedback"]
            .as_str()
            .expect("feedback")
            .starts_with("the numbers of student ada's variant, not yours"),
        "{}",
        row("fay")
    );
    assert_eq!(row("fay")["score"].as_f64(), Some(0.0));
    assert_eq!(row("ada")["score"].as_f64(), Some(20.0));
    assert_eq!(row("eve")["mistake"], Value::Null);
}

#[test]
fn bare_values_without_the_start_line_miss_only_the_start_line() {
    let fx = Fixture::new();
    // Twenty right values, no `Initial x:` line, no iteration numbers.
    let program = "x = 3\nfor i in range(20):\n    x = x - x/5\n    print('%.4f' % x)\n";
    let (q, text) = fx.run("gd-trace", "bare-no-start", program);
    let f = feedback(&q);
    assert!(
        f.starts_with("expected line 1 not printed; 20 of 21 lines right"),
        "{text}"
    );
    assert!(!f.contains("your run starts at"), "{f}");
    assert!(!f.contains("stopped after"), "{f}");
    // 20 of 21 lines: 20·20/21 points.
    assert!((score(&q) - 19.05).abs() < 0.01, "{text}");
}
