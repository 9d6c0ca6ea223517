//! Feedback that teaches: for each usual mistake, a wrong answer that commits it gets that
//! diagnosis. Whole text outputs (colour off) are snapshots, reviewed by hand: each wrong
//! value below was worked out by committing the mistake on paper.

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    // No state: no answer has been revealed by a hint or `gbl solve`.
    c.env_remove("GBL_EXERCISES").env("NO_COLOR", "1").env(
        "GBL_STATE_DIR",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-gbl-state"),
    );
    c
}

/// Runs `gbl check ARGS --color never` and returns (exit code, stdout).
fn check(args: &[&str]) -> (i32, String) {
    let out = gbl()
        .arg("check")
        .args(args)
        .args(["--color", "never"])
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

macro_rules! mistake {
    ($name:ident, $args:expr, $code:expr) => {
        #[test]
        fn $name() {
            let (code, text) = check(&$args);
            assert_eq!(code, 1, "a wrong answer exits 1:\n{text}");
            insta::assert_snapshot!(stringify!($name), text);
            // The mistake's code is in the JSON too.
            let mut args: Vec<&str> = $args.to_vec();
            args.extend(["--format", "json"]);
            let (_, json) = check(&args);
            let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
            let wrong = v["exercises"][0]["questions"]
                .as_array()
                .and_then(|qs| qs.iter().find(|q| q["status"] == "wrong"))
                .expect("a wrong question");
            assert_eq!(wrong["mistake"], $code);
            assert_eq!(wrong["expected"], serde_json::Value::Null, "not revealed");
        }
    };
}

// x := 3 + 1·0.6 = 3.6
mistake!(
    added_the_gradient,
    ["gd-one-step", "x1=3.6"],
    "add-gradient"
);
// 2x² with lr 0.1 but without it: x := x - 4x = -3x, so 3 → -9 → 27 → -81.
mistake!(
    forgot_the_learning_rate,
    ["gd-learning-rate", "x3=-81"],
    "no-learning-rate"
);
// f(3) = 0.9 given as f'(3).
mistake!(
    f_instead_of_the_derivative,
    ["gd-one-step", "grad=0.9"],
    "value-for-gradient"
);
// x := 3 - f(3) = 3 - 0.9 = 2.1
mistake!(
    f_in_the_update,
    ["gd-one-step", "x1=2.1"],
    "value-for-gradient"
);
// d/dx1 (x1²) taken as x1: x1 := 3 - 0.1·3 = 2.7
mistake!(
    dropped_the_factor_two,
    ["mv-one-step", "x1=2.7"],
    "power-rule-factor"
);
// dy/dz = 2z = 6 instead of 4z = 12
mistake!(
    dropped_the_factor_two_in_a_graph,
    ["chain-rule-x5", "dy_dz=6"],
    "power-rule-factor"
);
// 2x² from 3, lr 1: x4 = 243
mistake!(
    one_step_too_many,
    ["gd-diverge", "x3=243"],
    "one-step-too-many"
);
// x2 = 27
mistake!(
    one_step_too_few,
    ["gd-diverge", "x3=27"],
    "one-step-too-few"
);
// dJ/dw = dJ/dyhat = 2(1 - 3) = -4, without dyhat/dw = x = 2
mistake!(
    missed_the_inner_derivative,
    ["neuron-gradient", "dJ_dw=-4"],
    "missed-inner-derivative"
);
// dy/dz = 4z evaluated at x = 5: 20
mistake!(
    outer_derivative_at_x,
    ["chain-rule-x5", "dy_dx=20"],
    "outer-at-input"
);
// x²/5 from 3 (x := 0.6·x) rounded to 1 decimal each step: 1.8 1.1 0.7 0.4 0.2 0.1 0.1 0.1
// 0.1 0.1, while the answer 0.0181 is 0.0 to 1 decimal. (x²/10 rounded the same way ends at
// 0.3, which is also the answer 0.322 to 1 decimal: that is only too few digits.)
mistake!(
    rounded_too_early,
    ["gd-coefficients", "x10_f2=0.1"],
    "rounded-too-early"
);
// (x - 2)² differentiated without the factor 2: (x - 2)/10
mistake!(
    expression_without_the_factor_two,
    ["gd-shifted-minimum", "df=(x-2)/10"],
    "power-rule-factor"
);
// f itself given as f'
mistake!(
    expression_is_f_itself,
    ["gd-shifted-minimum", "df=(x-2)^2/10"],
    "value-for-gradient"
);
// 2.4 with the wrong sign
mistake!(wrong_sign, ["gd-one-step", "x1=-2.4"], "sign");

#[test]
fn right_rounded_fractional_and_equivalent_answers_are_correct() {
    for args in [
        vec!["gd-one-step", "grad=0.6", "x1=2.4"],
        vec!["gd-one-step", "x1=2.40000"],
        vec!["gd-coefficients", "x10_f2=0.0181"],
        vec!["gd-coefficients", "x10_f2=0.018140"],
        vec!["chain-rule-x5", "dy_dx=24/2", "z=3", "y=18", "dy_dz=12"],
        vec!["gd-shifted-minimum", "df=0.2*x - 0.4", "x_star=2"],
        vec!["gd-shifted-minimum", "df=x/5-2/5"],
        vec!["gd-zigzag", "verdict=Oscillates", "x1=-1.5"],
        vec!["gd-learning-rate", "lr_max=1/2", "x3=0.648"],
    ] {
        // Questions left out count as not answered (exit 1); every one given is right.
        let (code, text) = check(&args);
        let all = text.lines().filter(|l| l.starts_with("  ? ")).count() == 0;
        assert_eq!(code, if all { 0 } else { 1 }, "{args:?}:\n{text}");
        assert!(
            !text.contains('✗') && !text.contains("  ! "),
            "{args:?}:\n{text}"
        );
        assert_eq!(
            text.matches("  ✓ ").count(),
            args.len() - 1,
            "{args:?}:\n{text}"
        );
    }
}

#[test]
fn too_few_digits_is_said_as_such() {
    let (code, text) = check(&["gd-coefficients", "x10_f2=0.018"]);
    assert_eq!(code, 1);
    assert!(
        text.contains(
            "too few digits: 0.018 is right as far as it goes; give at least 3 significant digits"
        ),
        "{text}"
    );
    assert!(!text.contains("0.0181"), "the answer is not told: {text}");
    // 0.3 for 0.322123 is too short, not "rounded along the way".
    let (code, text) = check(&["gd-coefficients", "x10_f1=0.3"]);
    assert_eq!(code, 1);
    assert!(text.contains("too few digits: 0.3 is right"), "{text}");
}

#[test]
fn json_has_the_contract_shape() {
    let (code, json) = check(&["chain-rule-x5", "z=3", "dy_dx=20", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    // The questions left out count: 1 of 4, not 1 of 2.
    assert_eq!(v["score"], 1.0);
    assert_eq!(v["max_score"], 4.0);
    let e = &v["exercises"][0];
    assert_eq!(e["id"], "chain-rule-x5");
    let qs = e["questions"].as_array().expect("questions");
    assert_eq!(qs.len(), 4);
    assert_eq!(qs[0]["id"], "z");
    assert_eq!(qs[0]["status"], "correct");
    assert_eq!(qs[0]["expected"], 3);
    assert_eq!(qs[0]["revealed"], true);
    assert_eq!(qs[0]["given"], "3");
    assert_eq!(qs[1]["id"], "y");
    assert_eq!(qs[1]["status"], "missing");
    assert_eq!(qs[1]["feedback"], "not answered");
    assert_eq!(qs[3]["id"], "dy_dx");
    assert_eq!(qs[3]["status"], "wrong");
    // Not revealed to a student until asked for.
    assert_eq!(qs[3]["expected"], serde_json::Value::Null);
    assert_eq!(qs[3]["revealed"], false);
    assert!(
        qs[3]["feedback"]
            .as_str()
            .expect("text")
            .contains("outer derivative")
    );
    let (_, json) = check(&["chain-rule-x5", "dy_dx=20", "--format", "json", "--reveal"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    assert_eq!(v["exercises"][0]["questions"][3]["expected"], 12);
    assert_eq!(v["exercises"][0]["questions"][3]["revealed"], true);
    assert!(!json.contains('\u{1b}'), "no colour codes in JSON");
}

#[test]
fn the_reference_answers_pass_and_a_wrong_sample_fails() {
    let out = gbl()
        .args([
            "check",
            "--answers",
            "solutions/answers.yaml",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["exercises"].as_array().map(Vec::len), Some(16));
    assert_eq!(v["score"], v["max_score"]);

    let dir = tempfile::tempdir().expect("a temp dir");
    let f = dir.path().join("answers.yaml");
    std::fs::write(
        &f,
        "gd-one-step: {grad: 0.6, x1: 3.6}\ngd-diverge: {verdict: converges}\n",
    )
    .expect("written");
    let out = gbl()
        .args(["check", "--answers"])
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("you added the gradient"), "{text}");
    assert!(text.contains("? x3"), "a missing answer is marked: {text}");
    assert!(
        text.contains("score 1/83 · 2 of 16 exercises answered, 0 fully right"),
        "{text}"
    );
    assert!(
        text.contains("not answered:\n  ? gd-update-table"),
        "{text}"
    );
}

#[test]
fn every_bundled_exercise_is_proved_by_its_reference_solution() {
    let out = gbl().arg("validate").output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("16 exercise files are valid"), "{text}");
}

/// (exit code, feedback, mistake) of the one question answered in `args`.
fn one(args: &[&str]) -> (i32, String, serde_json::Value) {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let (code, json) = check(&a);
    let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    let q = v["exercises"][0]["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["status"] != "missing"))
        .cloned()
        .unwrap_or_default();
    (
        code,
        q["feedback"].as_str().unwrap_or_default().to_string(),
        q["mistake"].clone(),
    )
}

#[test]
fn the_lectures_mistakes_get_true_names() {
    // 2x² with lr: x := (1 - 4·lr)·x converges for lr < 1/2; 1 is the "0 < lr < 1" habit.
    let (_, f, m) = one(&["gd-learning-rate", "lr_max=1"]);
    assert_eq!(m, "lr-below-one-habit");
    assert!(f.contains("'0 < lr < 1' habit"), "{f}");
    assert!(!f.contains("power rule"), "{f}");
    // J = (w·x + b - t)², w = 0.5, x = 2, b = 0, t = 3: dJ/db = 2·(1 - 3) = -4. 4 is the sign,
    // although dJ/dt happens to be 4 too.
    let (_, f, m) = one(&["neuron-gradient", "dJ_db=4"]);
    assert_eq!(m, "sign");
    assert!(!f.contains("dJ/dt"), "{f}");
    // dy/dx = 4·(x - 2) before x = 5 is put in: the right expression, not yet a value.
    let (code, f, m) = one(&["chain-rule-x5", "dy_dx=4*(x-2)"]);
    assert_eq!((code, m), (1, "expression-not-value".into()));
    assert!(f.contains("put x = 5 in"), "{f}");
    assert!(f.contains("and the right one"), "{f}");
    // 4·(x - 1) at 5 is 16, not 12: said so, without the 12.
    let (_, f, _) = one(&["chain-rule-x5", "dy_dx=4*(x-1)"]);
    assert!(f.contains("put x = 5 in (here yours gives 16"), "{f}");
    assert!(!f.contains("12"), "{f}");
    // 0.3 for 0.322123: only too few digits.
    let (_, f, m) = one(&["gd-coefficients", "x10_f1=0.3"]);
    assert_eq!(m, "too-few-digits");
    assert!(!f.contains("rounded"), "{f}");
}

#[test]
fn wrong_values_say_which_way_and_how_far_never_the_answer() {
    for (args, says) in [
        (["gd-one-step", "x1=2.5"], "too big, by less than 10%"),
        (
            ["gd-one-step", "x1=1"],
            "too small, less than half the right size",
        ),
        (["gd-one-step", "grad=1.2"], "2 times too big"),
        (
            ["gd-diverge", "x3=-27"],
            "too big (3 times too small in size)",
        ),
    ] {
        let (code, f, _) = one(&args);
        assert_eq!(code, 1);
        assert_eq!(f, says, "{args:?}");
    }
    let (_, text) = check(&["gd-shifted-minimum", "df=(x-2)/4"]);
    assert!(
        text.contains(
            // The point is drawn from the question, its numbers and the answer; by hand:
            // (5.74 - 2)/4 = 0.935, (5.74 - 2)/5 = 0.748.
            "not the same function: at x = 5.74 yours gives 0.935 (too big, by 10% to 50% there)"
        ),
        "{text}"
    );
    assert!(!text.contains("/5"), "{text}");
}

#[test]
fn verdict_words_in_their_common_forms_and_in_korean() {
    for (id, word) in [
        ("gd-diverge", "diverging"),
        ("gd-diverge", "Divergent"),
        ("gd-diverge", "diverged"),
        ("gd-diverge", "발산"),
        ("gd-zigzag", "oscillating"),
        ("gd-zigzag", "진동"),
    ] {
        let (code, f, _) = one(&[id, &format!("verdict={word}")]);
        assert_eq!(f, "correct", "{id} {word}");
        assert_eq!(code, 1, "the other question is not answered");
    }
    // Wrong, in any form, is wrong (exit 1), not an unknown word (exit 2).
    for word in ["수렴", "converging", "순환", "cycling"] {
        let (code, f, _) = one(&["gd-diverge", &format!("verdict={word}")]);
        assert_eq!(code, 1, "{word}: {f}");
        assert!(f.starts_with("the run does not do that"), "{f}");
        assert!(!f.contains("diverges"), "the answer is not told: {f}");
    }
    // An oscillating run converges: accepted, and the finer word taught.
    let (_, f, _) = one(&["gd-zigzag", "verdict=converges"]);
    assert!(
        f.starts_with("correct: it converges; more exactly it oscillates"),
        "{f}"
    );
    let (code, f, _) = one(&["gd-diverge", "verdict=stays"]);
    assert_eq!(code, 2);
    assert!(f.contains("is not one of"), "{f}");
    assert!(!f.contains("did you mean"), "{f}");
    let (_, f, _) = one(&["gd-diverge", "verdict=divereges"]);
    assert!(f.ends_with("(did you mean diverges?)"), "{f}");
}

#[test]
fn answers_keep_their_digits_as_written_and_typos_get_help() {
    // 0.0180 in YAML is the float 0.018; the student wrote 4 significant digits, so it is not
    // "too few digits": it is wrong in the last digit (0.0181 is right), and x²/5 rounded to 3
    // decimals at every step ends at 0.018.
    let dir = tempfile::tempdir().expect("a temp dir");
    let f = dir.path().join("answers.yaml");
    std::fs::write(
        &f,
        "gd-coefficients:\n  x10_f2: 0.0180   # mine\ngd-one-step: {grad: 0.60, x1: 2.40}\n",
    )
    .expect("written");
    let out = gbl()
        .args(["check", "--answers"])
        .arg(&f)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("✗ x10_f2  0.0180 "), "{text}");
    assert!(!text.contains("too few digits"), "{text}");
    assert!(
        text.contains("you rounded to 3 decimals along the way"),
        "{text}"
    );
    assert!(text.contains("✓ x1    2.40 "), "{text}");
    // A decimal comma, and a question id in the wrong case.
    let (code, f, _) = one(&["gd-one-step", "x1=2,4"]);
    assert_eq!(code, 2);
    assert_eq!(
        f,
        "'2,4' is not a number: write decimals with a point (2.4)"
    );
    let out = gbl()
        .args(["check", "gd-one-step", "X1=2.4"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("did you mean x1?"),
        "{out:?}"
    );
}
