//! Checking traces through the `gbl` binary: the lecture's own output, other labels, more
//! digits, CRLF and a BOM; each usual wrong rule named; credit carried forward after a slip;
//! bad input; JSON per-line verdicts; trace files named in answer files; our own solution
//! programs.
//!
//! The wrong traces were made by running small Python variants with CPython 3.11; their output
//! is kept here so that the tests run without Python. Where `python3` is installed, each
//! variant is run again and must print exactly the kept output.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("binary");
    c.env_remove("NO_COLOR")
        .arg("--color")
        .arg("never")
        .timeout(Duration::from_secs(60));
    c
}

/// Runs gbl and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = gbl().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary folder with our test exercises (the bundled ones plus a coupled one).
struct Fixture {
    dir: tempfile::TempDir,
}

const COUPLED: &str = r#"format: 1
title: Coupled variables
chapter: many-variables
prompt: A function whose variables are coupled.
runs:
  main:
    descent: {f: x1^2 + x1*x2 + x2^2, from: {x1: 3, x2: -2}, lr: 0.1, steps: 10}
questions:
  - id: trace
    kind: trace
    prompt: The program's output.
    run: main
    header: ["Initial (x1, x2): ({x1}, {x2})", "Initial y: {y}"]
    step: ["{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})", "y: {y:.3f}"]
    points: 20
"#;

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let ex = dir.path().join("exercises");
        std::fs::create_dir(&ex).expect("mkdir");
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
        for name in ["gd-trace.yaml", "mv-trace.yaml"] {
            std::fs::copy(bundled.join(name), ex.join(name)).expect("copy");
        }
        std::fs::write(ex.join("mv-coupled.yaml"), COUPLED).expect("write");
        std::fs::write(
            ex.join("gd-strict.yaml"),
            std::fs::read_to_string(bundled.join("gd-trace.yaml"))
                .expect("read")
                .replace("    points: 20", "    points: 20\n    strict_labels: true"),
        )
        .expect("write");
        Fixture { dir }
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// `gbl check EX --trace FILE` (+ extra args) → (code, stdout, stderr).
    fn check(&self, ex: &str, file: &Path, extra: &[&str]) -> (i32, String, String) {
        let exercises = self.dir.path().join("exercises");
        let mut args = vec![
            "check",
            ex,
            "--trace",
            file.to_str().expect("utf-8 path"),
            "--no-bundled",
            "--exercises",
            exercises.to_str().expect("utf-8 path"),
        ];
        args.extend(extra);
        run(&args)
    }

    /// The question's JSON report.
    fn json(&self, ex: &str, file: &Path) -> (i32, Value) {
        let (code, out, err) = self.check(ex, file, &["--format", "json"]);
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
        (code, v["exercises"][0]["questions"][0].clone())
    }
}

fn score(q: &Value) -> f64 {
    q["score"].as_f64().expect("a score")
}

/// The lecture's own output (CPython 3.11), as in the notes.
const LECTURE_GD: &str = include_str!("fixtures/lecture/gd-trace.txt");

/// The lecture's two-variable output (CPython 3.11), as in the notes.
const LECTURE_MV: &str = include_str!("fixtures/lecture/mv-trace.txt");

fn python3() -> Option<&'static str> {
    let ok = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some("python3")
}

fn variant(
    name: &str,
) -> &'static (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
) {
    VARIANTS
        .iter()
        .find(|v| v.0 == name)
        .unwrap_or_else(|| panic!("no variant {name}"))
}

/// (name, exercise, Python program, its output as CPython 3.11 printed it, mistake code)
const VARIANTS: &[(&str, &str, &str, &str, Option<&str>)] = &[
    (
        "slip",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    x = x - x / 5
    if i == 4:
        x += 0.1
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.4000
2-th x: 1.9200
3-th x: 1.5360
4-th x: 1.3288
5-th x: 1.0630
6-th x: 0.8504
7-th x: 0.6803
8-th x: 0.5443
9-th x: 0.4354
10-th x: 0.3483
11-th x: 0.2787
12-th x: 0.2229
13-th x: 0.1783
14-th x: 0.1427
15-th x: 0.1141
16-th x: 0.0913
17-th x: 0.0731
18-th x: 0.0584
19-th x: 0.0468
20-th x: 0.0374
"#,
        None,
    ),
    (
        "late",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    x = x - x / 5
    if i == 17:
        x += 0.1
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.4000
2-th x: 1.9200
3-th x: 1.5360
4-th x: 1.2288
5-th x: 0.9830
6-th x: 0.7864
7-th x: 0.6291
8-th x: 0.5033
9-th x: 0.4027
10-th x: 0.3221
11-th x: 0.2577
12-th x: 0.2062
13-th x: 0.1649
14-th x: 0.1319
15-th x: 0.1056
16-th x: 0.0844
17-th x: 0.1676
18-th x: 0.1340
19-th x: 0.1072
20-th x: 0.0858
"#,
        None,
    ),
    (
        "add_gradient",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    x = x + x / 5
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 3.6000
2-th x: 4.3200
3-th x: 5.1840
4-th x: 6.2208
5-th x: 7.4650
6-th x: 8.9580
7-th x: 10.7495
8-th x: 12.8995
9-th x: 15.4793
10-th x: 18.5752
11-th x: 22.2903
12-th x: 26.7483
13-th x: 32.0980
14-th x: 38.5176
15-th x: 46.2211
16-th x: 55.4653
17-th x: 66.5583
18-th x: 79.8700
19-th x: 95.8440
20-th x: 115.0128
"#,
        Some("add-gradient"),
    ),
    (
        "half_lr",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    x = x - 0.5 * (x / 5)
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.7000
2-th x: 2.4300
3-th x: 2.1870
4-th x: 1.9683
5-th x: 1.7715
6-th x: 1.5943
7-th x: 1.4349
8-th x: 1.2914
9-th x: 1.1623
10-th x: 1.0460
11-th x: 0.9414
12-th x: 0.8473
13-th x: 0.7626
14-th x: 0.6863
15-th x: 0.6177
16-th x: 0.5559
17-th x: 0.5003
18-th x: 0.4503
19-th x: 0.4053
20-th x: 0.3647
"#,
        Some("learning-rate"),
    ),
    (
        "derivative_x_over_10",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    x = x - x / 10
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.7000
2-th x: 2.4300
3-th x: 2.1870
4-th x: 1.9683
5-th x: 1.7715
6-th x: 1.5943
7-th x: 1.4349
8-th x: 1.2914
9-th x: 1.1623
10-th x: 1.0460
11-th x: 0.9414
12-th x: 0.8473
13-th x: 0.7626
14-th x: 0.6863
15-th x: 0.6177
16-th x: 0.5559
17-th x: 0.5003
18-th x: 0.4503
19-th x: 0.4053
20-th x: 0.3647
"#,
        Some("learning-rate"),
    ),
    (
        "print_before_update",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    print(f'{i}-th x: {x:.4f}')
    x = x - x / 5
"#,
        r#"Initial x: 3
1-th x: 3.0000
2-th x: 2.4000
3-th x: 1.9200
4-th x: 1.5360
5-th x: 1.2288
6-th x: 0.9830
7-th x: 0.7864
8-th x: 0.6291
9-th x: 0.5033
10-th x: 0.4027
11-th x: 0.3221
12-th x: 0.2577
13-th x: 0.2062
14-th x: 0.1649
15-th x: 0.1319
16-th x: 0.1056
17-th x: 0.0844
18-th x: 0.0676
19-th x: 0.0540
20-th x: 0.0432
"#,
        Some("print-before-update"),
    ),
    (
        "stops_early",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 15 + 1):
    x = x - x / 5
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.4000
2-th x: 1.9200
3-th x: 1.5360
4-th x: 1.2288
5-th x: 0.9830
6-th x: 0.7864
7-th x: 0.6291
8-th x: 0.5033
9-th x: 0.4027
10-th x: 0.3221
11-th x: 0.2577
12-th x: 0.2062
13-th x: 0.1649
14-th x: 0.1319
15-th x: 0.1056
"#,
        Some("stopped-early"),
    ),
    (
        "runs_too_long",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 25 + 1):
    x = x - x / 5
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.4000
2-th x: 1.9200
3-th x: 1.5360
4-th x: 1.2288
5-th x: 0.9830
6-th x: 0.7864
7-th x: 0.6291
8-th x: 0.5033
9-th x: 0.4027
10-th x: 0.3221
11-th x: 0.2577
12-th x: 0.2062
13-th x: 0.1649
14-th x: 0.1319
15-th x: 0.1056
16-th x: 0.0844
17-th x: 0.0676
18-th x: 0.0540
19-th x: 0.0432
20-th x: 0.0346
21-th x: 0.0277
22-th x: 0.0221
23-th x: 0.0177
24-th x: 0.0142
25-th x: 0.0113
"#,
        Some("ran-too-long"),
    ),
    (
        "rounds_each_step",
        "gd-trace",
        r#"x = 3
print(f'Initial x: {x}')
for i in range(1, 20 + 1):
    x = round(x - x / 5, 2)
    print(f'{i}-th x: {x:.4f}')
"#,
        r#"Initial x: 3
1-th x: 2.4000
2-th x: 1.9200
3-th x: 1.5400
4-th x: 1.2300
5-th x: 0.9800
6-th x: 0.7800
7-th x: 0.6200
8-th x: 0.5000
9-th x: 0.4000
10-th x: 0.3200
11-th x: 0.2600
12-th x: 0.2100
13-th x: 0.1700
14-th x: 0.1400
15-th x: 0.1100
16-th x: 0.0900
17-th x: 0.0700
18-th x: 0.0600
19-th x: 0.0500
20-th x: 0.0400
"#,
        Some("rounded-each-step"),
    ),
    (
        "mv_no_lr",
        "mv-trace",
        r#"def f(x1, x2): return x1**2 + x2**2
x1, x2 = 3, -2
print(f'Initial (x1, x2): ({x1}, {x2})')
print(f'Initial y: {f(x1, x2)}')
for i in range(1, 11):
    x1, x2 = x1 - 2 * x1, x2 - 2 * x2
    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')
    print(f'y: {f(x1, x2):.3f}')
"#,
        r#"Initial (x1, x2): (3, -2)
Initial y: 13
1-th (x1, x2): (-3.000, 2.000)
y: 13.000
2-th (x1, x2): (3.000, -2.000)
y: 13.000
3-th (x1, x2): (-3.000, 2.000)
y: 13.000
4-th (x1, x2): (3.000, -2.000)
y: 13.000
5-th (x1, x2): (-3.000, 2.000)
y: 13.000
6-th (x1, x2): (3.000, -2.000)
y: 13.000
7-th (x1, x2): (-3.000, 2.000)
y: 13.000
8-th (x1, x2): (3.000, -2.000)
y: 13.000
9-th (x1, x2): (-3.000, 2.000)
y: 13.000
10-th (x1, x2): (3.000, -2.000)
y: 13.000
"#,
        Some("no-learning-rate"),
    ),
    (
        "mv_slip",
        "mv-trace",
        r#"def f(x1, x2): return x1**2 + x2**2
x1, x2 = 3, -2
print(f'Initial (x1, x2): ({x1}, {x2})')
print(f'Initial y: {f(x1, x2)}')
for i in range(1, 11):
    x1, x2 = x1 - 0.1 * 2 * x1, x2 - 0.1 * 2 * x2
    if i == 3:
        x1 += 0.05
    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')
    print(f'y: {f(x1, x2):.3f}')
"#,
        r#"Initial (x1, x2): (3, -2)
Initial y: 13
1-th (x1, x2): (2.400, -1.600)
y: 8.320
2-th (x1, x2): (1.920, -1.280)
y: 5.325
3-th (x1, x2): (1.586, -1.024)
y: 3.564
4-th (x1, x2): (1.269, -0.819)
y: 2.281
5-th (x1, x2): (1.015, -0.655)
y: 1.460
6-th (x1, x2): (0.812, -0.524)
y: 0.934
7-th (x1, x2): (0.650, -0.419)
y: 0.598
8-th (x1, x2): (0.520, -0.336)
y: 0.383
9-th (x1, x2): (0.416, -0.268)
y: 0.245
10-th (x1, x2): (0.333, -0.215)
y: 0.157
"#,
        None,
    ),
    (
        "mv_y_before_update",
        "mv-trace",
        r#"def f(x1, x2): return x1**2 + x2**2
x1, x2 = 3, -2
print(f'Initial (x1, x2): ({x1}, {x2})')
print(f'Initial y: {f(x1, x2)}')
for i in range(1, 11):
    y = f(x1, x2)
    x1, x2 = x1 - 0.1 * 2 * x1, x2 - 0.1 * 2 * x2
    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')
    print(f'y: {y:.3f}')
"#,
        r#"Initial (x1, x2): (3, -2)
Initial y: 13
1-th (x1, x2): (2.400, -1.600)
y: 13.000
2-th (x1, x2): (1.920, -1.280)
y: 8.320
3-th (x1, x2): (1.536, -1.024)
y: 5.325
4-th (x1, x2): (1.229, -0.819)
y: 3.408
5-th (x1, x2): (0.983, -0.655)
y: 2.181
6-th (x1, x2): (0.786, -0.524)
y: 1.396
7-th (x1, x2): (0.629, -0.419)
y: 0.893
8-th (x1, x2): (0.503, -0.336)
y: 0.572
9-th (x1, x2): (0.403, -0.268)
y: 0.366
10-th (x1, x2): (0.322, -0.215)
y: 0.234
"#,
        Some("value-before-update"),
    ),
    (
        "mv_no_y_lines",
        "mv-trace",
        r#"def f(x1, x2): return x1**2 + x2**2
x1, x2 = 3, -2
print(f'Initial (x1, x2): ({x1}, {x2})')
print(f'Initial y: {f(x1, x2)}')
for i in range(1, 11):
    x1, x2 = x1 - 0.1 * 2 * x1, x2 - 0.1 * 2 * x2
    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')
"#,
        r#"Initial (x1, x2): (3, -2)
Initial y: 13
1-th (x1, x2): (2.400, -1.600)
2-th (x1, x2): (1.920, -1.280)
3-th (x1, x2): (1.536, -1.024)
4-th (x1, x2): (1.229, -0.819)
5-th (x1, x2): (0.983, -0.655)
6-th (x1, x2): (0.786, -0.524)
7-th (x1, x2): (0.629, -0.419)
8-th (x1, x2): (0.503, -0.336)
9-th (x1, x2): (0.403, -0.268)
10-th (x1, x2): (0.322, -0.215)
"#,
        Some("missing-line"),
    ),
    (
        "mv_swapped",
        "mv-trace",
        r#"def f(x1, x2): return x1**2 + x2**2
x1, x2 = 3, -2
print(f'Initial (x1, x2): ({x1}, {x2})')
print(f'Initial y: {f(x1, x2)}')
for i in range(1, 11):
    x1, x2 = x1 - 0.1 * 2 * x1, x2 - 0.1 * 2 * x2
    print(f'{i}-th (x1, x2): ({x2:.3f}, {x1:.3f})')
    print(f'y: {f(x1, x2):.3f}')
"#,
        r#"Initial (x1, x2): (3, -2)
Initial y: 13
1-th (x1, x2): (-1.600, 2.400)
y: 8.320
2-th (x1, x2): (-1.280, 1.920)
y: 5.325
3-th (x1, x2): (-1.024, 1.536)
y: 3.408
4-th (x1, x2): (-0.819, 1.229)
y: 2.181
5-th (x1, x2): (-0.655, 0.983)
y: 1.396
6-th (x1, x2): (-0.524, 0.786)
y: 0.893
7-th (x1, x2): (-0.419, 0.629)
y: 0.572
8-th (x1, x2): (-0.336, 0.503)
y: 0.366
9-th (x1, x2): (-0.268, 0.403)
y: 0.234
10-th (x1, x2): (-0.215, 0.322)
y: 0.150
"#,
        Some("swapped-variables"),
    ),
    (
        "coupled_sequential",
        "mv-coupled",
        r#"def f(x1, x2): return x1**2 + x1*x2 + x2**2
x1, x2 = 3, -2
print(f'Initial (x1, x2): ({x1}, {x2})')
print(f'Initial y: {f(x1, x2)}')
for i in range(1, 11):
    x1 = x1 - 0.1 * (2 * x1 + x2)
    x2 = x2 - 0.1 * (x1 + 2 * x2)
    print(f'{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})')
    print(f'y: {f(x1, x2):.3f}')
"#,
        r#"Initial (x1, x2): (3, -2)
Initial y: 7
1-th (x1, x2): (2.600, -1.860)
y: 5.384
2-th (x1, x2): (2.266, -1.715)
y: 4.189
3-th (x1, x2): (1.984, -1.570)
y: 3.287
4-th (x1, x2): (1.744, -1.431)
y: 2.594
5-th (x1, x2): (1.539, -1.298)
y: 2.055
6-th (x1, x2): (1.361, -1.175)
y: 1.633
7-th (x1, x2): (1.206, -1.060)
y: 1.300
8-th (x1, x2): (1.071, -0.955)
y: 1.036
9-th (x1, x2): (0.952, -0.860)
y: 0.827
10-th (x1, x2): (0.848, -0.772)
y: 0.660
"#,
        Some("sequential-update"),
    ),
];

#[test]
fn the_lectures_own_output_passes() {
    let fx = Fixture::new();
    let gd = fx.file("gd.txt", LECTURE_GD);
    let (code, out, err) = fx.check("gd-trace", &gd, &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("all 21 lines right"), "{out}");
    let mv = fx.file("mv.txt", LECTURE_MV);
    let (code, out, err) = fx.check("mv-trace", &mv, &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("all 22 lines right"), "{out}");
}

#[test]
fn other_labels_pass_with_a_note_unless_strict() {
    let fx = Fixture::new();
    let text: String = LECTURE_GD
        .lines()
        .map(|l| match l.split_once("-th x: ") {
            Some((i, x)) => format!("iter {i}: x = {x}\n"),
            None => format!("{l}\n"),
        })
        .collect();
    let f = fx.file("labels.txt", &text);
    let (code, out, _) = fx.check("gd-trace", &f, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("note: 20 lines use other labels than the template (e.g. `iter 1: x = 2.4000` for `1-th x: 2.4000`); only the numbers count"), "{out}");
    let (code, out, _) = fx.check("gd-strict", &f, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the labels differ from the template's"),
        "{out}"
    );
    // Extra values are not the template's exact text either.
    let extras: String = LECTURE_GD
        .lines()
        .map(|l| match l.contains("-th") {
            true => format!("{l}  grad: 0.1\n"),
            false => format!("{l}\n"),
        })
        .collect();
    let f = fx.file("extras.txt", &extras);
    let (code, out, _) = fx.check("gd-trace", &f, &[]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = fx.check("gd-strict", &f, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the labels differ from the template's"),
        "{out}"
    );
}

#[test]
fn a_line_without_the_iteration_number_is_read_by_its_other_numbers() {
    let fx = Fixture::new();
    // `print(f'x = {x:.4f}')`: the lecture's values without the counter.
    let text: String = LECTURE_GD
        .lines()
        .map(|l| match l.split_once("-th x: ") {
            Some((_, x)) => format!("x = {x}\n"),
            None => format!("{l}\n"),
        })
        .collect();
    let f = fx.file("no-counter.txt", &text);
    let (code, out, _) = fx.check("gd-trace", &f, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("(e.g. `x = 2.4000` for `1-th x: 2.4000`)"),
        "{out}"
    );
    let (code, _, _) = fx.check("gd-strict", &f, &[]);
    assert_eq!(code, 1);
    // A wrong value on such a line is still named: the lecture's 4th x is 1.2288.
    let slipped = fx.file(
        "no-counter-slip.txt",
        text.replacen("x = 1.2288", "x = 1.3288", 1),
    );
    let (code, out, _) = fx.check("gd-trace", &slipped, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("line 5: expected 1.2288, printed 1.3288"),
        "{out}"
    );
    // Two variables: `(x1, x2): (2.400, -0.200)` without the counter.
    let text: String = LECTURE_MV
        .lines()
        .map(|l| match l.split_once("-th ") {
            Some((_, rest)) => format!("{rest}\n"),
            None => format!("{l}\n"),
        })
        .collect();
    let f = fx.file("mv-no-counter.txt", &text);
    let (code, out, _) = fx.check("mv-trace", &f, &[]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_trace_piped_on_standard_input() {
    // `python3 gd.py | gbl check gd-trace --trace -`
    let out = gbl()
        .args(["check", "gd-trace", "--trace", "-"])
        .write_stdin(variant("slip").3)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("stdin  line 5: expected 1.2288, printed 1.3288; lines 6-21 follow correctly from your line 5"),
        "{text}"
    );
    let out = gbl()
        .args(["check", "gd-trace", "--trace", "-"])
        .write_stdin(LECTURE_GD)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    // Junk on standard input is refused like junk in a file.
    let out = gbl()
        .args(["check", "gd-trace", "--trace", "-"])
        .write_stdin(vec![0x80_u8, 0xff, 0x00, 0xfe])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("standard input: the file is not UTF-8 text"),
        "{out:?}"
    );
}

#[test]
fn a_program_that_crashed_is_told_so() {
    let fx = Fixture::new();
    // `python3 gd.py > out.txt 2>&1` where the loop hits a NameError after the 7th update
    // (CPython 3.11's output).
    let crashed = r#"Initial x: 3
1-th x: 2.4000
2-th x: 1.9200
3-th x: 1.5360
4-th x: 1.2288
5-th x: 0.9830
6-th x: 0.7864
7-th x: 0.6291
Traceback (most recent call last):
  File "gd.py", line 7, in <module>
    y = undefined_name
        ^^^^^^^^^^^^^^
NameError: name 'undefined_name' is not defined
"#;
    let f = fx.file("crashed.txt", crashed);
    let (code, q) = fx.json("gd-trace", &f);
    assert_eq!(code, 1);
    assert_eq!(q["mistake"], "crashed", "{q}");
    let feedback = q["feedback"].as_str().unwrap_or_default();
    assert!(
        feedback.starts_with("your program stopped with an error after 8 lines: NameError: name 'undefined_name' is not defined"),
        "{feedback}"
    );
    assert!(
        feedback.contains("your program stopped after 7 of 20 iterations"),
        "{feedback}"
    );
    // The 8 lines before the error are right; the traceback is not judged as output.
    assert!(feedback.ends_with("8 of 21 lines right"), "{feedback}");
    // An error before the first line.
    let f = fx.file(
        "crashed-at-once.txt",
        "Traceback (most recent call last):\n  File \"gd.py\", line 1, in <module>\nZeroDivisionError: division by zero\n",
    );
    let (code, q) = fx.json("gd-trace", &f);
    assert_eq!(code, 1);
    assert_eq!(
        q["feedback"],
        "your program stopped with an error before printing anything: ZeroDivisionError: division by zero"
    );
}

#[test]
fn numpy_floats_printed_in_a_tuple_are_read() {
    let fx = Fixture::new();
    // NumPy 2 prints a float inside a tuple as `np.float64(2.4)`:
    // `print(f'{i}-th (x1, x2): {(x1, x2)}')` with NumPy values.
    let text: String = LECTURE_MV
        .lines()
        .map(|l| match l.split_once(": (") {
            Some((head, rest)) if head.ends_with("-th (x1, x2)") => {
                let (a, b) = rest
                    .trim_end_matches(')')
                    .split_once(", ")
                    .expect("two values");
                format!("{head}: (np.float64({a}), np.float64({b}))\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    assert!(text.contains("1-th (x1, x2): (np.float64(2.400), np.float64(-1.600))"));
    let f = fx.file("numpy.txt", &text);
    let (code, out, _) = fx.check("mv-trace", &f, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("only the numbers count"), "{out}");
    // A wrong value inside is still named: the lecture's first x1 is 2.400.
    let f = fx.file(
        "numpy-wrong.txt",
        text.replacen("np.float64(2.400)", "np.float64(2.500)", 1),
    );
    let (code, out, _) = fx.check("mv-trace", &f, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("line 3: expected 2.400, printed 2.500"),
        "{out}"
    );
}

#[test]
fn more_digits_and_a_tolerance_free_rounding_pass() {
    let fx = Fixture::new();
    // x printed with 8 decimals: every value is a correct rounding to the digits printed.
    let mut x: f64 = 3.0;
    let mut text = String::from("Initial x: 3\n");
    for i in 1..=20 {
        x -= 1.0 * (1.0 / 5.0 * x);
        text.push_str(&format!("{i}-th x: {x:.8}\n"));
    }
    let f = fx.file("digits.txt", &text);
    let (code, out, _) = fx.check("gd-trace", &f, &[]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn crlf_and_a_bom_pass() {
    let fx = Fixture::new();
    let mut bytes = vec![0xef, 0xbb, 0xbf];
    bytes.extend(LECTURE_GD.replace('\n', "\r\n").into_bytes());
    let f = fx.file("crlf.txt", bytes);
    let (code, out, err) = fx.check("gd-trace", &f, &[]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn the_kept_variant_outputs_are_what_python_prints() {
    let Some(py) = python3() else {
        eprintln!("notice: python3 is not installed; the kept outputs are used as they are");
        return;
    };
    for (name, _, src, kept, _) in VARIANTS {
        let out = std::process::Command::new(py)
            .args(["-c", src])
            .output()
            .expect("python3 runs");
        assert!(out.status.success(), "{name}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), *kept, "{name}");
    }
}

#[test]
fn each_wrong_rule_is_named() {
    let fx = Fixture::new();
    let messages = [
        (
            "add_gradient",
            "you added the gradient instead of subtracting it",
        ),
        ("half_lr", "your steps match lr = 0.5; the exercise uses 1"),
        (
            "derivative_x_over_10",
            "f'(x) = 0.1*x instead of 1/5*x — a factor 2 missing",
        ),
        (
            "print_before_update",
            "each line shows x before its update, not after it (off by one)",
        ),
        (
            "stops_early",
            "your program stopped after 15 of 20 iterations",
        ),
        (
            "runs_too_long",
            "(5 iterations too many): the exercise asks for 20 iterations",
        ),
        ("rounds_each_step", "rounding x to 2 decimals at every step"),
        (
            "mv_no_lr",
            "your steps match lr = 1: you left out the learning rate (the exercise uses 0.1)",
        ),
        (
            "coupled_sequential",
            "your update of x2 uses the new x1 (one variable after the other)",
        ),
        (
            "mv_y_before_update",
            "your y lines show f at the point before the update",
        ),
        (
            "mv_swapped",
            "your lines show x2 where x1 belongs and x1 where x2 belongs",
        ),
        (
            "mv_no_y_lines",
            "the line printed like `y: 8.320` is missing from 10 of the 10 iterations",
        ),
    ];
    for (name, message) in messages {
        let (_, ex, _, output, code) = variant(name);
        let f = fx.file(&format!("{name}.txt"), output);
        let (exit, q) = fx.json(ex, &f);
        assert_eq!(exit, 1, "{name}: {q}");
        assert_eq!(q["mistake"].as_str(), *code, "{name}: {q}");
        let feedback = q["feedback"].as_str().unwrap_or_default();
        assert!(feedback.contains(message), "{name}: {feedback}");
    }
}

#[test]
fn a_wrong_rule_earns_nothing() {
    let fx = Fixture::new();
    for name in [
        "add_gradient",
        "half_lr",
        "derivative_x_over_10",
        "mv_no_lr",
        "coupled_sequential",
    ] {
        let (_, ex, _, output, _) = variant(name);
        let (_, q) = fx.json(ex, &fx.file("rule.txt", output));
        assert_eq!(score(&q), 0.0, "{name}: {q}");
    }
}

#[test]
fn a_slip_gets_partial_credit_with_the_line_named() {
    let fx = Fixture::new();
    let (_, _, _, output, _) = variant("slip");
    let f = fx.file("slip.txt", output);
    let (code, out, _) = fx.check("gd-trace", &f, &[]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "line 5: expected 1.2288, printed 1.3288; lines 6-21 follow correctly from your line 5; 20 of 21 lines right (16 carried forward)"
        ),
        "{out}"
    );
    // The diff marks the first departing line and shows both numbers.
    assert!(out.contains("▶  5 - 4-th x: 1.2288"), "{out}");
    assert!(
        out.contains("5 + 4-th x: 1.3288   x: expected 1.2288, printed 1.3288"),
        "{out}"
    );
    assert!(
        out.contains("6 + 5-th x: 1.0630   follows from your line 5"),
        "{out}"
    );
    let (_, q) = fx.json("gd-trace", &f);
    // 20 of 21 lines right under the rule, out of 20 points.
    assert!((score(&q) - 20.0 * 20.0 / 21.0).abs() < 1e-6, "{q}");

    // Two variables: the y of the slipped step is f at the student's own point.
    let (_, ex, _, output, _) = variant("mv_slip");
    let (code, out, _) = fx.check(ex, &fx.file("mvslip.txt", output), &[]);
    assert_eq!(code, 1);
    assert!(
        out.contains("line 7: expected 1.536, printed 1.586; lines 8-22 follow correctly from your line 7; 21 of 22 lines right (15 carried forward)"),
        "{out}"
    );
}

#[test]
fn a_slip_costs_one_line_wherever_it_falls_and_scores_more_than_a_wrong_rule() {
    let fx = Fixture::new();
    let s = |name: &str| {
        let (_, ex, _, output, _) = variant(name);
        score(&fx.json(ex, &fx.file("t.txt", output)).1)
    };
    // A slip carried forward: its own line is wrong, each later line that follows correctly
    // from the student's own value counts as right (the issue: "the score counts lines that
    // are right under that rule").
    let early = s("slip");
    let late = s("late");
    let rule = s("add_gradient");
    assert!((early - 20.0 * 20.0 / 21.0).abs() < 1e-6, "{early}");
    assert!((late - 20.0 * 20.0 / 21.0).abs() < 1e-6, "{late}");
    assert_eq!(rule, 0.0, "a wrong rule earns nothing");
    assert!(late > rule && early > rule, "{late} {early} vs {rule}");
    // A printing typo (the program itself right) costs one line only.
    let typo = score(
        &fx.json(
            "gd-trace",
            &fx.file(
                "typo.txt",
                LECTURE_GD.replace("2-th x: 1.9200", "2-th x: 1.9300"),
            ),
        )
        .1,
    );
    assert!((typo - 20.0 * 20.0 / 21.0).abs() < 1e-6, "{typo}");
    assert_eq!(rule, 0.0);
}

#[test]
fn bad_input_gets_a_clear_verdict_and_no_panic() {
    let fx = Fixture::new();
    // Missing file: could not check.
    let (code, _, err) = fx.check("gd-trace", &fx.dir.path().join("nope.txt"), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");
    // Empty file: checked, and wrong.
    let (code, out, _) = fx.check("gd-trace", &fx.file("empty.txt", ""), &[]);
    assert_eq!(code, 1);
    assert!(out.contains("your program printed nothing"), "{out}");
    // Binary junk.
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (code, _, err) = fx.check("gd-trace", &fx.file("junk.bin", junk), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
    // NUL bytes and control characters are text, and simply wrong.
    let (code, _, err) = fx.check(
        "gd-trace",
        &fx.file("nul.txt", "\0\0\x01\n1-th x: \x7f\n"),
        &[],
    );
    assert_eq!(code, 1, "{err}");
    // nan, inf and 1e400 are wrong values.
    let text = LECTURE_GD
        .replace("5-th x: 0.9830", "5-th x: nan")
        .replace("6-th x: 0.7864", "6-th x: inf")
        .replace("7-th x: 0.6291", "7-th x: 1e400");
    let (code, out, _) = fx.check("gd-trace", &fx.file("nan.txt", text), &[]);
    assert_eq!(code, 1);
    assert!(
        out.contains("x: expected 0.9830, printed no number"),
        "{out}"
    );
    assert!(out.contains("x: expected 0.6291, printed 1e400"), "{out}");
    // A line of 10 MB.
    let long = format!("Initial x: 3\n1-th x: {}\n", "9".repeat(10 << 20));
    let (code, out, _) = fx.check("gd-trace", &fx.file("long.txt", long), &[]);
    assert_eq!(code, 1);
    assert!(
        out.contains("line 2: the line is 10485768 bytes long"),
        "{out}"
    );
    assert!(out.len() < 10_000, "the report repeats the long line");
}

#[test]
fn a_200_mb_file_is_refused_quickly_without_reading_it_all() {
    let fx = Fixture::new();
    let p = fx.dir.path().join("big.txt");
    let f = std::fs::File::create(&p).expect("create");
    f.set_len(200 << 20).expect("sparse file");
    let t = Instant::now();
    let (code, _, err) = fx.check("gd-trace", &p, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than"), "{err}");
    assert!(t.elapsed() < Duration::from_secs(20));
}

#[test]
fn json_carries_per_line_verdicts() {
    let fx = Fixture::new();
    let (_, _, _, output, _) = variant("slip");
    let (code, q) = fx.json("gd-trace", &fx.file("slip.txt", output));
    assert_eq!(code, 1);
    assert_eq!(q["status"], "wrong");
    let lines = q["lines"].as_array().expect("lines");
    assert_eq!(lines.len(), 21);
    assert_eq!(lines[0]["status"], "correct");
    assert_eq!(lines[0]["line"], 1);
    let wrong = &lines[4];
    assert_eq!(wrong["status"], "wrong");
    assert_eq!(wrong["expected"], "4-th x: 1.2288");
    assert_eq!(wrong["printed"], "4-th x: 1.3288");
    assert_eq!(wrong["number"]["expected"], "1.2288");
    assert_eq!(wrong["number"]["printed"], "1.3288");
    let follows = &lines[5];
    assert_eq!(follows["status"], "follows");
    assert_eq!(follows["line"], 6);
    assert_eq!(follows["printed_line"], 6);
    assert_eq!(follows["judged_from"], 5);
    assert_eq!(follows["expected"], "5-th x: 0.9830");
    assert_eq!(follows["printed"], "5-th x: 1.0630");
    // Missing and extra lines.
    let (_, _, _, output, _) = variant("stops_early");
    let (_, q) = fx.json("gd-trace", &fx.file("short.txt", output));
    let lines = q["lines"].as_array().expect("lines");
    assert_eq!(lines[20]["status"], "missing");
    assert_eq!(lines[20]["printed"], Value::Null);
    let (_, _, _, output, _) = variant("runs_too_long");
    let (_, q) = fx.json("gd-trace", &fx.file("long.txt", output));
    let lines = q["lines"].as_array().expect("lines");
    assert_eq!(lines[25]["status"], "extra");
    assert_eq!(lines[25]["line"], Value::Null);
}

#[test]
fn answer_files_name_traces_inside_their_folder_only() {
    let fx = Fixture::new();
    let root = fx.dir.path();
    std::fs::create_dir_all(root.join("hw/traces")).expect("mkdir");
    std::fs::write(root.join("hw/traces/gd.txt"), LECTURE_GD).expect("write");
    std::fs::write(root.join("outside.txt"), LECTURE_GD).expect("write");
    let exercises = root.join("exercises");
    let check = |yaml: &str| {
        let file = root.join("hw/answers.yaml");
        std::fs::write(&file, yaml).expect("write");
        run(&[
            "check",
            "--answers",
            file.to_str().expect("utf-8"),
            "--no-bundled",
            "--exercises",
            exercises.to_str().expect("utf-8"),
        ])
    };
    // The folder's other exercises are not answered (exit 1); the trace itself is right.
    let (code, out, err) = check("gd-trace: {trace: traces/gd.txt}\n");
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("✓ trace  traces/gd.txt  all 21 lines right"),
        "{out}"
    );
    let (code, err, _) = check("gd-trace: {trace: ../outside.txt}\n");
    assert_eq!(code, 1, "a problem in the file, the rest checked");
    assert!(err.contains("leaves the answer file's folder"), "{err}");
    let abs = root.join("outside.txt");
    let (code, err, _) = check(&format!("gd-trace: {{trace: '{}'}}\n", abs.display()));
    assert_eq!(code, 1, "a problem in the file, the rest checked");
    assert!(err.contains("leaves the answer file's folder"), "{err}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&abs, root.join("hw/traces/link.txt")).expect("symlink");
        let (code, err, _) = check("gd-trace: {trace: traces/link.txt}\n");
        assert_eq!(code, 1, "a problem in the file, the rest checked");
        assert!(
            err.contains("leads outside the answer file's folder"),
            "{err}"
        );
    }
}

#[test]
fn our_solution_programs_print_what_gbl_accepts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for id in ["gd-trace", "mv-trace"] {
        let kept = root.join(format!("solutions/traces/{id}.txt"));
        let (code, out, err) = run(&["check", id, "--trace", kept.to_str().expect("utf-8")]);
        assert_eq!(code, 0, "{id}: {out}{err}");
        let Some(py) = python3() else {
            eprintln!("notice: python3 is not installed; solutions/programs/{id}.py was not run");
            continue;
        };
        let program = root.join(format!("solutions/programs/{id}.py"));
        let output = std::process::Command::new(py)
            .arg(&program)
            .output()
            .expect("python3 runs");
        assert!(output.status.success(), "{id}");
        let fresh = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(fresh.path(), &output.stdout).expect("write");
        let (code, out, err) = run(&[
            "check",
            id,
            "--trace",
            fresh.path().to_str().expect("utf-8"),
        ]);
        assert_eq!(code, 0, "{id}: {out}{err}");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            std::fs::read_to_string(&kept).expect("kept trace"),
            "{id}: solutions/traces is not the program's output"
        );
    }
}
