//! Expected values that are always right: a run's own variables win over built-in names,
//! hand-written gradients are proved, variations are bounded before they are drawn, and
//! expression answers are compared at points nobody can know in advance.

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    // `gbl solve` remembers what it revealed: never in the real home.
    c.env_remove("GBL_EXERCISES").env("NO_COLOR", "1").env(
        "GBL_STATE_DIR",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("expected-values-state"),
    );
    c
}

/// Runs gbl with `args`; returns (exit code, stdout, stderr), asserting no panic.
fn run(args: &[&str], dir: Option<&std::path::Path>) -> (i32, String, String) {
    let mut c = gbl();
    if let Some(d) = dir {
        c.current_dir(d);
    }
    let out = c.args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

/// Writes an exercise `id.yaml` into a fresh folder and validates it.
fn validate(id: &str, yaml: &str) -> (i32, String, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join(format!("{id}.yaml")), yaml).expect("written");
    let file = format!("{id}.yaml");
    let (code, out, err) = run(&["validate", &file], Some(dir.path()));
    (code, out, err, dir)
}

// ---------------------------------------------------------------- names

#[test]
fn descend_print_y_is_the_variable_y_not_f() {
    // CPython: x, y = 3, -2; two updates of x^2 + y^2 with lr 0.1 -> (2.4, -1.6), (1.92, -1.28).
    let (code, out, _) = run(
        &[
            "descend",
            "x^2 + y^2",
            "--from",
            "x=3,y=-2",
            "--lr",
            "0.1",
            "--steps",
            "2",
            "--print",
            "({x:.3f}, {y:.3f}) f={run.f:.3f} i={run.i}",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "(2.400, -1.600) f=8.320 i=1\n(1.920, -1.280) f=5.325 i=2\n"
    );
}

#[test]
fn variables_named_like_built_ins_win_in_templates() {
    // Variables g, i and lr: f = g^2 + i^2 + lr^2 from (1, 2, 3), learning rate 0.25.
    // CPython: each variable is multiplied by 1 - 2*0.25 = 0.5 per update.
    let (code, out, _) = run(
        &[
            "descend",
            "g^2 + i^2 + lr^2",
            "--from",
            "g=1,i=2,lr=3",
            "--lr",
            "0.25",
            "--steps",
            "1",
            "--print",
            "{g} {i} {lr} {run.i} {run.lr} {run.grad_g}",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(out, "0.5 1.0 1.5 1 0.25 2\n");
}

const MV_XY: &str = r#"format: 1
title: Two variables named x and y
chapter: many-variables
prompt: Descend f = {{main.f}}.
runs:
  main:
    descent: {f: x^2 + y^2, from: {x: 3, y: -2}, lr: 0.1, steps: 2}
questions:
  - id: trace
    kind: trace
    prompt: The output.
    run: main
    step: ["({x:.3f}, {y:.3f})", "y: {y:.3f}"]
  - id: y1
    kind: number
    prompt: y after one update?
    answer: main.y[1]
"#;

#[test]
fn validate_refuses_a_name_that_is_both_a_variable_and_a_built_in() {
    let (code, out, _, _dir) = validate("mv-xy", MV_XY);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "mv-xy.yaml:13:12: questions[0].step[0]: '{y}' is ambiguous: run 'main' has a variable 'y', so it prints that variable; without it, it would print f's value. Write '{run.f}' for f's value or '{point.y}' for the variable"
        ),
        "{out}"
    );
    assert!(
        out.contains("questions[1].answer: 'main.y[1]' is ambiguous: run 'main' has a variable 'y', so it names that variable; without it, it would name the run's built-in 'y'. Write 'main.run.y[1]' for the built-in or 'main.point.y[1]' for the variable"),
        "{out}"
    );
}

#[test]
fn unambiguous_names_validate_and_mean_what_they_say() {
    let fixed = MV_XY
        .replace(
            "\"({x:.3f}, {y:.3f})\", \"y: {y:.3f}\"",
            "\"({x:.3f}, {point.y:.3f})\", \"y: {run.f:.3f}\"",
        )
        .replace("main.y[1]", "main.point.y[1]");
    let (code, out, _, dir) = validate("mv-xy", &fixed);
    assert_eq!(code, 0, "{out}");
    // The variable y after one update: -2 - 0.1*(-4) = -1.6 (CPython: -1.6).
    let (code, out, err) = run(
        &["check", "mv-xy", "y1=-1.6", "--exercises", "."],
        Some(dir.path()),
    );
    // The trace question is not answered here, so the exercise is not done (exit 1), but y1
    // is right.
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("✓ y1") && l.contains("-1.6")),
        "{out}"
    );
}

#[test]
fn the_lecture_y_lines_keep_working() {
    // mv-trace prints y = f(x1, x2) with `{y:.3f}`: no variable y, so y is f's value.
    let (code, out, _) = run(
        &[
            "descend",
            "x1^2 + x2^2",
            "--from",
            "x1=3,x2=-2",
            "--lr",
            "0.1",
            "--steps",
            "2",
            "--print",
            "y: {y:.3f}",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(out, "y: 8.320\ny: 5.325\n");
    let (code, out, _) = run(&["validate"], None);
    assert_eq!(code, 0, "{out}");
}

// ---------------------------------------------------------------- gradients

fn one_step(grad: &str, extra: &str) -> String {
    format!(
        r#"format: 1
title: One step
chapter: aim
prompt: Take f(x) = {{{{main.f}}}}.
runs:
  main:
    descent:
      f: 1/10 * x^2
      grad: {{x: {grad}}}{extra}
      from: {{x: 3}}
      lr: 1
      steps: 1
questions:
  - id: x1
    kind: number
    prompt: x after one update?
    answer: main.x[1]
"#
    )
}

#[test]
fn validate_refuses_a_hand_written_gradient_that_is_not_the_derivative() {
    let (code, out, _, _dir) = validate("one", &one_step("1/4 * x", ""));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("one.yaml:9:14: runs.main.descent.grad.x: the given derivative by x, 1/4*x, is not f's derivative x/5: at x = "),
        "{out}"
    );
}

#[test]
fn a_correct_hand_written_gradient_validates() {
    let (code, out, _, _dir) = validate("one", &one_step("x/5", ""));
    assert_eq!(code, 0, "{out}");
    let (code, out, _, _dir) = validate("one", &one_step("0.2*x", ""));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_different_update_is_allowed_when_said_and_explained_by_solve() {
    let yaml = one_step(
        "1/4 * x",
        "\n      different_update: the program uses a steeper slope on purpose",
    );
    let (code, out, _, dir) = validate("one", &yaml);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(&["solve", "one", "--exercises", "."], Some(dir.path()));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("the program uses a steeper slope on purpose"),
        "{out}"
    );
    assert!(
        out.contains("x/5"),
        "f's own derivative is shown too: {out}"
    );
}

#[test]
fn descend_refuses_a_wrong_grad() {
    let (code, _, err) = run(
        &["descend", "1/10*x^2", "--from", "3", "--grad", "x=1/4*x"],
        None,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "--grad: the given derivative by x, 1/4*x, is not f's derivative x/5: at x = "
        ),
        "{err}"
    );
    let (code, _, _) = run(
        &["descend", "1/10*x^2", "--from", "3", "--grad", "x=1/5*x"],
        None,
    );
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------- variants

fn varied(vary: &str) -> String {
    format!(
        r#"format: 1
title: Varied
chapter: aim
prompt: Take f(x) = {{{{main.f}}}} from {{{{x0}}}}.
params:
  x0: 3
vary:
  x0: {vary}
runs:
  main:
    descent: {{f: 1/10 * x^2, from: {{x: x0}}, lr: 1, steps: 1}}
questions:
  - id: x1
    kind: number
    prompt: x after one update?
    answer: main.x[1]
"#
    )
}

#[test]
fn a_huge_range_is_a_validate_error_with_its_line() {
    let (code, out, _, _dir) = validate("v", &varied("{range: [0, 1e300], step: 1e-300}"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("v.yaml:8:7: vary.x0: the range has too many values; at most 10000"),
        "{out}"
    );
}

#[test]
fn a_step_that_misses_the_end_is_a_validate_error() {
    let (code, out, _, _dir) = validate("v", &varied("{range: [0, 1], step: 0.3}"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("vary.x0: the step 0.3 does not reach the end 1.0 from 0.0 (the last value would be 0.9)"),
        "{out}"
    );
}

#[test]
fn a_step_too_small_for_its_numbers_is_a_validate_error() {
    let (code, out, _, _dir) = validate(
        "v",
        &varied("{range: [1e17, 1.00000000000001e17], step: 1}"),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("vary.x0: "), "{out}");
}

#[test]
fn drawing_from_a_bad_range_never_panics() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("ex")).expect("a folder");
    std::fs::write(
        dir.path().join("ex/v.yaml"),
        varied("{range: [0, 1e300], step: 1e-300}"),
    )
    .expect("written");
    std::fs::write(
        dir.path().join("quiz.yaml"),
        "format: 1\ntitle: Q\nsalt: s\nexercises:\n  - {id: v, points: 1}\n",
    )
    .expect("written");
    let (code, _, err) = run(
        &[
            "show",
            "v",
            "--exercises",
            "ex",
            "--quiz",
            "quiz.yaml",
            "--student",
            "ada",
        ],
        Some(dir.path()),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("vary.x0"), "{err}");
    std::fs::create_dir(dir.path().join("subs")).expect("a folder");
    std::fs::write(dir.path().join("subs/ada.yaml"), "v: {x1: 2.4}\n").expect("written");
    let (code, _, err) = run(
        &["grade", "quiz.yaml", "subs", "--exercises", "ex"],
        Some(dir.path()),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("vary.x0"), "{err}");
}

// ---------------------------------------------------------------- numbers for people

const NOISY: &str = r#"format: 1
title: Noise
chapter: aim
prompt: "f(x) = {{main.f}} from x = 2 with lr = 0.9: x becomes {{main.x[1]}}."
runs:
  main:
    descent: {f: x^2/2, from: {x: 2}, lr: 0.9, steps: 1}
  d:
    derivative: {f: 0.1*0.2*x^2, wrt: x}
questions:
  - id: x1
    kind: number
    prompt: x after one update?
    answer: main.x[1]
  - id: df
    kind: expression
    prompt: "f'(x) for f = {{d.f}}?"
    answer: d.derivative
"#;

#[test]
fn prompts_feedback_and_json_show_the_number_the_task_means() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("ex")).expect("a folder");
    std::fs::write(dir.path().join("ex/noisy.yaml"), NOISY).expect("written");
    // CPython: 2 - 0.9*2 = 0.19999999999999996; 0.1*0.2*2 = 0.04000000000000001.
    let (code, out, err) = run(&["show", "noisy", "--exercises", "ex"], Some(dir.path()));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("x becomes 0.2."), "{out}");
    assert!(!out.contains("0.19999999999999996"), "{out}");
    // The gradebook (JSON for people) carries the values the task means.
    std::fs::create_dir(dir.path().join("subs")).expect("a folder");
    std::fs::write(
        dir.path().join("subs/ada.yaml"),
        "noisy: {x1: 0.3, df: x}\n",
    )
    .expect("written");
    std::fs::write(
        dir.path().join("quiz.yaml"),
        "format: 1\ntitle: Q\nexercises:\n  - {id: noisy, points: 2}\n",
    )
    .expect("written");
    let (code, out, err) = run(
        &[
            "grade",
            "quiz.yaml",
            "subs",
            "--exercises",
            "ex",
            "--format",
            "json",
        ],
        Some(dir.path()),
    );
    assert_eq!(code, 1, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let mut expected = Vec::new();
    collect(&doc, "expected", &mut expected);
    assert!(expected.contains(&serde_json::json!(0.2)), "{out}");
    assert!(expected.contains(&serde_json::json!("0.04*x")), "{out}");
    let mut feedback = Vec::new();
    collect(&doc, "feedback", &mut feedback);
    let df = feedback
        .iter()
        .filter_map(|f| f.as_str())
        .find(|f| f.contains("at x = "))
        .expect("the expression's feedback names a point");
    assert!(!df.contains("0.04000000000000001"), "{df}");
    // Machine JSON keeps exact values: the descent's own JSON has the float as computed.
    let (_, out, _) = run(
        &[
            "descend", "x^2/2", "--from", "2", "--lr", "0.9", "--steps", "1", "--format", "json",
        ],
        None,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        doc["steps"][1]["point"]["x"],
        serde_json::json!(0.19999999999999996)
    );
}

// ---------------------------------------------------------------- budgets

#[test]
fn an_exploding_derivative_is_refused_by_the_budget() {
    let tower = vec!["x"; 199].join("^");
    for args in [
        vec!["derive", tower.as_str()],
        vec!["descend", tower.as_str(), "--from", "1.1", "--steps", "10"],
    ] {
        let (code, _, err) = run(&args, None);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(
                "needs 80587 expression nodes, more than the work budget of 12000 expression nodes"
            ),
            "{err}"
        );
    }
    let (code, _, err) = run(
        &[
            "backprop",
            &format!("z = {tower}; y = 2*z"),
            "--at",
            "x=1.1",
        ],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("work budget"), "{err}");
}

#[test]
fn a_gradient_of_many_variables_is_refused_by_the_total_budget() {
    let tower: Vec<String> = (0..200).map(|i| format!("x{i}")).collect();
    let from: Vec<String> = (0..200).map(|i| format!("x{i}=1.0")).collect();
    let (code, _, err) = run(
        &[
            "descend",
            &tower.join("^"),
            "--from",
            &from.join(","),
            "--steps",
            "10",
        ],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the gradient of 'x0^x1^"), "{err}");
    assert!(
        err.contains("more than the work budget of 120000 expression nodes"),
        "{err}"
    );
}

#[test]
fn a_run_too_large_to_keep_is_a_validate_error() {
    let yaml = r#"format: 1
title: Long
chapter: aim
prompt: Long.
runs:
  main:
    descent: {f: x1^2 + x2^2 + x3^2 + x4^2 + x5^2 + x6^2 + x7^2 + x8^2 + x9^2 + x10^2 + x11^2, from: {x1: 1, x2: 1, x3: 1, x4: 1, x5: 1, x6: 1, x7: 1, x8: 1, x9: 1, x10: 1, x11: 1}, lr: 0.1, steps: 1000000}
questions:
  - id: x
    kind: number
    prompt: x1 at the end?
    answer: main.x1[-1]
"#;
    let (code, out, _, _dir) = validate("long", yaml);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("runs.main.descent.steps: keeping a run of 1000000 steps in 11 variables needs 23000023 numbers, more than the work budget of 20000000 numbers"),
        "{out}"
    );
}

/// Every value under `key` anywhere in a JSON document.
fn collect(v: &serde_json::Value, key: &str, out: &mut Vec<serde_json::Value>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                if k == key {
                    out.push(x.clone());
                }
                collect(x, key, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, key, out)),
        _ => {}
    }
}
