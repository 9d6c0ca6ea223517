//! The student's commands: list, show, hint, solve, schema, completions, man, and exercises
//! from another folder.

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    // `gbl solve` remembers what it revealed: never in the real home.
    c.env_remove("GBL_EXERCISES").env("NO_COLOR", "1").env(
        "GBL_STATE_DIR",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-student-state"),
    );
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn list_shows_every_exercise_by_chapter_and_what_passes() {
    let text = stdout(gbl().arg("list"));
    for id in [
        "gd-one-step",
        "gd-update-table",
        "gd-trace",
        "gd-shifted-minimum",
        "gd-coefficients",
        "gd-zigzag",
        "gd-diverge",
        "gd-learning-rate",
        "mv-one-step",
        "mv-trace",
        "chain-rule-x5",
        "neuron-gradient",
        "quiz-shifted-step",
        "quiz-learning-rate",
        "quiz-two-variables",
        "quiz-two-weights",
    ] {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
    assert!(
        text.find("aim").expect("aim") < text.find("backpropagation").expect("backpropagation")
    );

    let dir = tempfile::tempdir().expect("a temp dir");
    let f = dir.path().join("a.yaml");
    std::fs::write(
        &f,
        "gd-one-step: {grad: 0.6, x1: 2.4}\ngd-diverge: {verdict: converges, x3: -81}\n",
    )
    .expect("written");
    let out = gbl()
        .args(["list", "--answers"])
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "not everything passes");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.contains(id))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("gd-one-step").ends_with("✓ done"), "{text}");
    assert!(
        line("gd-diverge").ends_with("✗ started: 1 of 2 right"),
        "{text}"
    );
    assert!(line("gd-zigzag").ends_with("· not started"), "{text}");
    assert!(
        text.contains("score 3/83 · 2 of 16 exercises answered, 1 fully right"),
        "{text}"
    );
    // The same as one JSON document.
    let out = gbl()
        .args(["list", "--format", "json", "--answers"])
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["answered"], 2);
    assert_eq!(v["fully_right"], 1);
    assert_eq!(v["exercises"][0]["id"], "gd-one-step");
    assert_eq!(v["exercises"][0]["progress"], "done");
    let zigzag = v["exercises"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == "gd-zigzag"))
        .expect("gd-zigzag");
    assert_eq!(zigzag["progress"], "not started");
}

#[test]
fn show_fills_in_the_numbers_and_says_how_to_check() {
    let text = stdout(gbl().args(["show", "gd-diverge"]));
    assert!(
        text.contains("Take f(x) = 2*x^2 with f'(x) = 4*x, learning rate 1"),
        "{text}"
    );
    assert!(text.contains("and start at x = 3."), "{text}");
    assert!(
        text.contains("check with: gbl check gd-diverge verdict=... x3=..."),
        "{text}"
    );
    let text = stdout(gbl().args(["show", "gd-trace"]));
    assert!(text.contains("(21 lines expected)"), "{text}");
    assert!(
        text.contains("python3 gd-trace.py > out.txt; gbl check gd-trace --trace out.txt"),
        "{text}"
    );
    assert!(
        text.contains("(gd-trace.py is your program; 'gbl init' writes a starter"),
        "{text}"
    );
}

#[test]
fn hint_gives_the_next_hint_each_time() {
    let state = tempfile::tempdir().expect("a temp dir");
    let hint = || {
        let mut c = gbl();
        c.env("GBL_STATE_DIR", state.path())
            .args(["hint", "gd-one-step"]);
        stdout(&mut c)
    };
    assert!(
        hint().starts_with("hint 1/3: The derivative of x^2/10 is 2x/10 = x/5. Put x = 3 into it.")
    );
    assert!(hint().starts_with("hint 2/3:"));
    let third = hint();
    assert!(
        third.starts_with("hint 3/3: x := 3 - 1 × f'(3)."),
        "{third}"
    );
    assert!(third.contains("that was the last hint"), "{third}");
    assert!(hint().starts_with("hint 3/3:"), "stays on the last hint");
    let all =
        stdout(
            gbl()
                .env("GBL_STATE_DIR", state.path())
                .args(["hint", "gd-one-step", "--all"]),
        );
    assert_eq!(all.lines().filter(|l| l.starts_with("hint ")).count(), 3);
    stdout(
        gbl()
            .env("GBL_STATE_DIR", state.path())
            .args(["hint", "gd-one-step", "--reset"]),
    );
    assert!(hint().starts_with("hint 1/3:"));
}

#[test]
fn solve_works_the_update_out_with_the_engines_numbers() {
    let text = stdout(gbl().args(["solve", "gd-one-step"]));
    assert!(
        text.contains("Step 1: ∂f/∂x(3) = 0.6; x := 3 - 1 × 0.6 = 2.4; f = 0.576"),
        "{text}"
    );
    assert!(
        text.contains("grad = 0.6") && text.contains("x1 = 2.4"),
        "{text}"
    );
    let text = stdout(gbl().args(["solve", "chain-rule-x5"]));
    assert!(
        text.contains("dy/dx = dy/dz · ∂z/∂x = 12 · 1 = 12"),
        "{text}"
    );
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated: serde_json::Value =
        serde_json::from_str(&stdout(gbl().arg("schema"))).expect("JSON");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("exercises/exercise.schema.json").expect("the schema file"),
    )
    .expect("JSON");
    assert_eq!(
        generated, committed,
        "run: gbl schema > exercises/exercise.schema.json"
    );
    assert_eq!(generated["title"], "gbl exercise");
    let kinds = serde_json::to_string(&generated).expect("text");
    for k in [
        "number",
        "exact",
        "expression",
        "choice",
        "integer",
        "trace",
    ] {
        assert!(kinds.contains(&format!("\"{k}\"")), "{k}");
    }
    for file in std::fs::read_dir("exercises")
        .expect("the folder")
        .flatten()
    {
        let name = file.file_name().to_string_lossy().into_owned();
        if name.ends_with(".yaml") {
            let text = std::fs::read_to_string(file.path()).expect("readable");
            assert!(
                text.starts_with("# yaml-language-server: $schema=./exercise.schema.json"),
                "{name} names the schema for editors"
            );
        }
    }
}

#[test]
fn completions_and_man_page() {
    let bash = stdout(gbl().args(["completions", "bash"]));
    assert!(bash.contains("gbl") && bash.contains("descend"));
    let man = stdout(gbl().arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH gbl"),
        "{}",
        &man[..200.min(man.len())]
    );
}

#[test]
fn exercises_from_another_folder() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("my-step.yaml"),
        "format: 1\ntitle: Mine\nchapter: aim\nprompt: From {{x0}}.\nparams: {x0: 4}\nruns:\n  main:\n    descent: {f: x^2, from: {x: x0}, lr: 0.25, steps: 1}\nquestions:\n  - {id: x1, kind: number, prompt: x1, answer: \"main.x[1]\"}\n",
    )
    .expect("written");
    // x := 4 - 0.25·8 = 2
    let out = gbl()
        .args(["check", "my-step", "x1=2", "--exercises"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = gbl()
        .env("GBL_EXERCISES", dir.path())
        .args(["check", "my-step", "x1=3"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let out = gbl()
        .env("GBL_EXERCISES", dir.path())
        .args(["check", "gd-one-step", "grad=0.6", "x1=2.4"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "the bundled ones are used beside a folder: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = gbl()
        .env("GBL_EXERCISES", dir.path())
        .args(["check", "gd-one-step", "x1=2.4", "--no-bundled"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "--no-bundled leaves them out");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("there is no exercise 'gd-one-step'"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = gbl()
        .args(["list", "--exercises", "/nonexistent"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent does not exist"));
}

#[test]
fn validate_prints_one_json_document_with_every_problem_at_its_place() {
    let out = gbl()
        .args(["validate", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["files"], 16);
    assert_eq!(doc["problems"], serde_json::json!([]));

    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.yaml"), "format: 1\nid: bad\n").expect("write");
    let out = gbl()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["valid"], false);
    let first = &doc["problems"][0];
    assert_eq!(first["message"], "missing field `title`");
    assert!(
        first["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("bad.yaml")),
        "{first}"
    );
    assert_eq!(first["line"], 1);
}

#[test]
fn params_choose_one_variant_of_an_exercise() {
    // gd-one-step from x0 = -2 (worked by hand): f'(-2) = -0.4, x1 = -2 - (-0.4) = -1.6.
    let out = gbl()
        .args(["check", "gd-one-step", "--params", r#"{"x0": -2, "lr": 1}"#])
        .args(["grad=-0.4", "x1=-1.6", "--color", "never"])
        .output()
        .expect("gbl runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The same numbers as NAME=VALUE; adding the gradient is named.
    let out = gbl()
        .args(["check", "gd-one-step", "--params", "x0=-2", "x1=-2.4"])
        .args(["--format", "json"])
        .output()
        .expect("gbl runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("\"mistake\": \"add-gradient\""), "{text}");
    let out = gbl()
        .args([
            "show",
            "gd-one-step",
            "--params",
            "x0=-2",
            "--color",
            "never",
        ])
        .output()
        .expect("gbl runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("What is f'(-2)?"), "{text}");
    // Numbers that are no variant, and --params with an answer file, are refused (exit 2).
    for (args, want) in [
        (
            vec!["check", "gd-one-step", "--params", "x0=7", "x1=1"],
            "'gd-one-step' has no variant with x0=7",
        ),
        (
            vec!["check", "gd-one-step", "--params", "x0=abc", "x1=1"],
            "--params: x0=abc is not a number",
        ),
        (
            vec![
                "check",
                "--answers",
                "solutions/answers.yaml",
                "--params",
                "x0=2",
            ],
            "use it with an exercise id",
        ),
    ] {
        let out = gbl().args(&args).output().expect("gbl runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
}
