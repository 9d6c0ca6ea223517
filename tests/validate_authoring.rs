#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! `gbl validate` on authoring mistakes: keys given twice (also in `params`) at the second
//! key's line and column, a missing `format` with what to add, an id students cannot type, the
//! same id as `.yaml` and `.yml`, and a quiz without a salt (a warning).

use std::path::Path;

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").unwrap();
    c.env("NO_COLOR", "1").env_remove("GBL_EXERCISES");
    c
}

const GOOD: &str = "format: 1\ntitle: Mine\nchapter: week 1\nprompt: From {{x0}}.\nparams: {x0: 4}\nruns:\n  main:\n    descent: {f: x^2, from: {x: x0}, lr: 0.25, steps: 1}\nquestions:\n  - {id: x1, kind: number, prompt: x1, answer: \"main.x[1]\"}\n";

/// Validates the folder `dir`: (exit code, stdout).
fn validate(dir: &Path) -> (i32, String) {
    let out = gbl().arg("validate").arg(dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn one(name: &str, text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let (code, out) = validate(dir.path());
    (code, out, dir.path().join(name).display().to_string())
}

#[test]
fn the_good_exercise_is_valid() {
    let (code, out, _) = one("mine.yaml", GOOD);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_key_given_twice_is_an_error_at_the_second() {
    let text = GOOD.replace("chapter: week 1\n", "chapter: week 1\ntitle: Again\n");
    let (code, out, f) = one("mine.yaml", &text);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "error: {f}:4:1: the key 'title' is given twice in this mapping (first at line 2); keep one"
        )),
        "{out}"
    );
    // In params, where the parser would let the last one win silently.
    let text = GOOD.replace("params: {x0: 4}", "params: {x0: 4, x0: 2}");
    let (code, out, f) = one("mine.yaml", &text);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "error: {f}:5:17: the key 'x0' is given twice in this mapping (first at line 5); keep one"
        )),
        "{out}"
    );
}

#[test]
fn a_missing_format_says_what_to_add() {
    let (code, out, f) = one("mine.yaml", GOOD.trim_start_matches("format: 1\n"));
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("{f}:1:1: missing field `format`: add `format: 1`")),
        "{out}"
    );
}

#[test]
fn ids_students_cannot_type_and_ids_defined_twice() {
    let (code, out, f) = one("my step.yaml", GOOD);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "{f}: the id 'my step' (the file name) has a space in it"
        )),
        "{out}"
    );
    assert!(out.contains("e.g. to 'my-step.yaml'"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("twin.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("twin.yml"), GOOD).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 1);
    let yml = dir.path().join("twin.yml").display().to_string();
    let yaml = dir.path().join("twin.yaml").display().to_string();
    assert!(
        out.contains(&format!(
            "{yml}: the exercise id 'twin' is also defined in {yaml}; rename one of them"
        )),
        "{out}"
    );
}

#[test]
fn a_quiz_without_a_salt_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = dir.path().join("quiz.yaml");
    std::fs::write(
        &quiz,
        "format: 1\ntitle: Q\nexercises:\n  - {id: gd-one-step, points: 2}\n",
    )
    .unwrap();
    let out = gbl().arg("validate").arg(&quiz).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!(
            "warning: {}: the quiz has no salt, so every student gets the same numbers",
            quiz.display()
        )),
        "{text}"
    );
    std::fs::write(
        &quiz,
        "format: 1\ntitle: Q\nsalt: s\nexercises:\n  - {id: gd-one-step, points: 2}\n",
    )
    .unwrap();
    let out = gbl().arg("validate").arg(&quiz).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("warning"));
}

#[test]
fn placeholders_take_a_python_format_spec() {
    let dir = tempfile::tempdir().unwrap();
    let text = GOOD.replace(
        "prompt: From {{x0}}.",
        "prompt: \"From {{x0:.2f}} with lr {{main.lr:.3f}} to {{ main.x[1] :+.3e }}.\"",
    );
    std::fs::write(dir.path().join("mine.yaml"), &text).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 0, "{out}");
    let out = gbl()
        .args(["show", "mine", "--exercises"])
        .arg(dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    // CPython: format(4, ".2f"), format(0.25, ".3f"), format(4 - 0.25*2*4, "+.3e").
    assert!(
        shown.contains("From 4.00 with lr 0.250 to +2.000e+00."),
        "{shown}"
    );
    // A spec Python would refuse is an error at its place.
    let bad = GOOD.replace("prompt: From {{x0}}.", "prompt: From {{x0:.2q}}.");
    std::fs::write(dir.path().join("mine.yaml"), &bad).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(":4:14: prompt: '{{x0:.2q}}': format spec ':.2q'"),
        "{out}"
    );
}

#[test]
fn an_authored_solution_comes_before_the_generated_steps() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{GOOD}solution: |\n  Start at {{{{x0}}}} and move against the slope: x1 = {{{{main.x[1]:.1f}}}}.\n"
    );
    std::fs::write(dir.path().join("mine.yaml"), &text).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 0, "{out}");
    let out = gbl()
        .args(["solve", "mine", "--exercises"])
        .arg(dir.path())
        .env("GBL_STATE_DIR", dir.path().join("state"))
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    // x1 = 4 - 0.25·(2·4) = 2, formatted as Python's format(2.0, ".1f").
    let authored = shown
        .find("  Start at 4 and move against the slope: x1 = 2.0.\n")
        .unwrap_or_else(|| panic!("{shown}"));
    let steps = shown
        .find("Step by step:")
        .unwrap_or_else(|| panic!("{shown}"));
    let first = shown.find("Step 1").unwrap_or_else(|| panic!("{shown}"));
    assert!(authored < steps && steps < first, "{shown}");
    // A placeholder that names nothing is an error at the solution.
    let bad = format!("{GOOD}solution: \"{{{{nothing}}}}\"\n");
    std::fs::write(dir.path().join("mine.yaml"), &bad).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(":11:12: solution: '{{nothing}}' names no parameter"),
        "{out}"
    );
}

#[test]
fn an_unknown_placeholder_is_reported_once_at_itself() {
    let text = GOOD.replace(
        "prompt: From {{x0}}.",
        "prompt: |\n  From here\n  start at {{x00}} now.",
    );
    let (code, out, f) = one("mine.yaml", &text);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "error: {f}:6:12: prompt: '{{{{x00}}}}' names no parameter (parameters: x0)\n1 problem in 1 of 1 exercise files\n"
        )
    );
}

#[test]
fn a_converging_exercise_is_watched_in_every_variant() {
    // f = x², lr from 0.25 to 1.25: each step multiplies x by 1 - 2·lr, so lr = 1 cycles
    // (x → -x) and lr = 1.25 diverges (|1 - 2.5| > 1); the default lr = 0.25 converges.
    let text = GOOD
        .replace(
            "params: {x0: 4}",
            "params: {x0: 4, lr: 0.25}\nvary:\n  lr: {range: [0.25, 1.25], step: 0.25}",
        )
        .replace("lr: 0.25, steps: 1}", "lr: lr, steps: 3}");
    let (code, out, f) = one("mine.yaml", &text);
    assert_eq!(code, 0, "a warning, not an error: {out}");
    assert!(
        out.contains(&format!(
            "warning: {f}:9:3: runs.main: the run converges with the default numbers but cycles (in the variant lr = 1.0); add `require: {{main.verdict: converges}}`"
        )),
        "{out}"
    );
    // One update alone is not watched: its verdict is not part of the exercise.
    let single = text.replace("steps: 3}", "steps: 1}");
    let (code, out, _) = one("mine.yaml", &single);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("warning"), "{out}");
    let pinned = format!("{text}require:\n  main.verdict: converges\n");
    let (code, out, _) = one("mine.yaml", &pinned);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("warning"), "{out}");
    assert!(out.contains("required to be converges"), "{out}");
}

#[test]
fn require_takes_comparisons() {
    // Variants x0 ∈ {1, 2, 3} and lr ∈ {0.25, 0.75}; f = x², so a = 1 and 1/a = 1.
    let text = GOOD
        .replace(
            "params: {x0: 4}",
            "params: {x0: 1, lr: 0.25}\nvary:\n  x0: {choices: [1, 2, 3]}\n  lr: {choices: [0.25, 0.75]}",
        )
        .replace("lr: 0.25, steps: 1}", "lr: lr, steps: 1}");
    let ok = format!(
        "{text}require:\n  lr < 1: the run must converge\n  main.x[1] <= x0: a step goes downhill\n"
    );
    let (code, out, _) = one("mine.yaml", &ok);
    assert_eq!(code, 0, "{out}");
    let bad = format!("{text}require:\n  x0 != 2: the factor must show\n");
    let (code, out, f) = one("mine.yaml", &bad);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "{f}:15:12: require.x0 != 2: required: x0 != 2 (the factor must show), but x0 is 2 and 2 is 2 (in the variant x0 = 2, lr = 0.25)"
        )),
        "{out}"
    );
    let nonsense = format!("{text}require:\n  main.verdict < 2: why\n");
    let (code, out, _) = one("mine.yaml", &nonsense);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("words only with == or !="), "{out}");
}

#[test]
fn an_answer_may_be_an_expression_over_parameters_and_run_values() {
    let dir = tempfile::tempdir().unwrap();
    let text = GOOD
        .replace("params: {x0: 4}", "params: {x0: 4, lr: 0.25}")
        .replace("lr: 0.25, steps: 1}", "lr: lr, steps: 1}")
        .replace(
            "answer: \"main.x[1]\"}",
            "answer: \"main.x[1]\"}\n  - {id: w1, kind: number, prompt: again, answer: \"x0 - lr*main.grad[0]\"}",
        );
    std::fs::write(dir.path().join("mine.yaml"), &text).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 0, "{out}");
    let check = |answers: &[&str]| {
        gbl()
            .args(["check", "mine"])
            .args(answers)
            .arg("--exercises")
            .arg(dir.path())
            .env("GBL_STATE_DIR", dir.path().join("state"))
            .output()
            .unwrap()
            .status
            .code()
    };
    // Python: x0 - lr*(2*x0) = 4 - 0.25*8 = 2.0.
    assert_eq!(check(&["x1=2", "w1=2"]), Some(0));
    assert_eq!(check(&["x1=2", "w1=3"]), Some(1));
    // A reference that names nothing is an error at the answer.
    let bad = text.replace("x0 - lr*main.grad[0]", "x0 - lr*main.slope[0]");
    std::fs::write(dir.path().join("mine.yaml"), &bad).unwrap();
    let (code, out) = validate(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("questions[1].answer: 'main.slope[0]'"),
        "{out}"
    );
}

#[test]
fn the_authors_tests_run_in_every_variant() {
    // f = x², x1 = x0 - 0.25·2·x0 = x0/2; adding the gradient instead gives
    // x0 + 0.25·2·x0 = 1.5·x0, the sign slip the checker names add-gradient.
    let text = GOOD
        .replace(
            "params: {x0: 4}",
            "params: {x0: 4}\nvary:\n  x0: {choices: [2, 4, 6]}",
        )
        .to_string();
    let passing = format!(
        "{text}tests:\n  - {{question: x1, answer: \"main.x[1]\", status: correct, score: 1, mistake: none}}\n  - {{question: x1, answer: \"main.x[0] + 0.25*main.grad[0]\", status: wrong, score: 0, mistake: add-gradient}}\n  - {{question: x1, answer: oops, status: invalid}}\n"
    );
    let (code, out, _) = one("mine.yaml", &passing);
    assert_eq!(code, 0, "{out}");
    // A claim the checker does not make fails, with what it got instead.
    let failing = format!(
        "{text}tests:\n  - {{question: x1, answer: \"main.x[0]\", status: wrong, mistake: add-gradient}}\n  - {{question: nope, answer: 1, status: wrong}}\n"
    );
    let (code, out, f) = one("mine.yaml", &failing);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "{f}:14:3: tests[0]: the answer 4 to x1 gets mistake "
        )),
        "{out}"
    );
    assert!(
        out.contains("(not add-gradient) in the variant x0 = 4"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{f}:15:3: tests[1]: there is no question 'nope'")),
        "{out}"
    );
}
