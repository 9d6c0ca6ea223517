//! The core's JSON API (what the book's page calls, compiled to WebAssembly) answers exactly
//! what `gbl check ... --format json` prints for the same exercise, numbers and answers: right
//! answers, wrong ones with a named mistake, invalid ones, a comma for a point, and traces.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::{Value, json};

/// What `gbl check` prints on stdout, with no saved progress (nothing revealed).
fn cli(state: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("gbl")
        .expect("the gbl binary")
        .env_remove("GBL_EXERCISES")
        .env("NO_COLOR", "1")
        .env("GBL_STATE_DIR", state)
        .timeout(Duration::from_secs(60))
        .args(args)
        .output()
        .expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn exercise(id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("exercises/{id}.yaml"));
    std::fs::read_to_string(path).expect("a bundled exercise")
}

fn trace(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("exercises/traces/{file}"));
    std::fs::read_to_string(path).expect("a bundled trace")
}

/// The API's answer for `id` with `answers` (and `params`).
fn api(id: &str, params: Value, answers: Value) -> String {
    let request = json!({
        "file": format!("{id}.yaml"),
        "source": exercise(id),
        "params": params,
        "answers": answers,
    });
    gbl_core::api::check(&request.to_string())
}

/// `gbl check ID Q=V...` and the API with the same answers print the same bytes.
fn same(state: &Path, id: &str, answers: &[(&str, &str)]) -> Value {
    let mut args = vec!["check".to_string(), id.to_string()];
    args.extend(answers.iter().map(|(q, v)| format!("{q}={v}")));
    args.extend(["--format".to_string(), "json".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let printed = cli(state, &args);
    let map: serde_json::Map<String, Value> = answers
        .iter()
        .map(|(q, v)| (q.to_string(), json!(v)))
        .collect();
    let answered = api(id, json!({}), Value::Object(map));
    assert_eq!(answered, printed, "{id} {answers:?}");
    serde_json::from_str(&printed).expect("JSON")
}

fn question<'a>(v: &'a Value, q: &str) -> &'a Value {
    v["exercises"][0]["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|x| x["id"] == q))
        .expect("the question")
}

#[test]
fn answers_get_the_verdicts_and_sentences_of_gbl_check() {
    let state = tempfile::tempdir().expect("temp dir");
    let s = state.path();
    let right = same(s, "gd-one-step", &[("grad", "0.6"), ("x1", "12/5")]);
    assert_eq!(right["score"], 2.0);
    let wrong = same(s, "gd-one-step", &[("x1", "3.6")]);
    assert_eq!(question(&wrong, "x1")["mistake"], "add-gradient");
    let invalid = same(s, "gd-one-step", &[("x1", "abc")]);
    assert_eq!(question(&invalid, "x1")["status"], "invalid");
    let comma = same(s, "gd-one-step", &[("x1", "2,4")]);
    assert_eq!(question(&comma, "x1")["given"], "2,4");
    let chain = same(
        s,
        "chain-rule-x5",
        &[("z", "3"), ("y", "18"), ("dy_dz", "12"), ("dy_dx", "12")],
    );
    assert_eq!(chain["score"], chain["max_score"]);
    let factor = same(s, "chain-rule-x5", &[("dy_dz", "6")]);
    assert_eq!(question(&factor, "dy_dz")["mistake"], "power-rule-factor");
    let bad = same(s, "chain-rule-x5", &[("y", "1/0")]);
    assert_ne!(question(&bad, "y")["status"], "correct");
}

#[test]
fn a_pasted_trace_gets_the_verdict_of_gbl_check_trace() {
    let state = tempfile::tempdir().expect("temp dir");
    for (id, file, right) in [
        ("gd-trace", "gd-trace-right.txt", true),
        ("gd-trace", "gd-trace-add-gradient.txt", false),
        ("mv-trace", "mv-trace-right.txt", true),
        ("mv-trace", "mv-trace-value-before-update.txt", false),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("exercises/traces/{file}"));
        let path = path.to_string_lossy();
        let printed = cli(
            state.path(),
            &["check", id, "--trace", &path, "--format", "json"],
        );
        let answered = api(
            id,
            json!({}),
            json!({"trace": {"name": file, "text": trace(file)}}),
        );
        assert_eq!(answered, printed, "{id} {file}");
        let v: Value = serde_json::from_str(&answered).expect("JSON");
        assert_eq!(
            question(&v, "trace")["status"] == "correct",
            right,
            "{file}"
        );
    }
}

#[test]
fn the_parameters_of_a_variant_are_the_exercise_with_those_numbers() {
    let state = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = exercise("gd-one-step").replace("  x0: 3\n", "  x0: -2\n");
    std::fs::write(dir.path().join("gd-one-step.yaml"), yaml).expect("written");
    let folder = dir.path().to_string_lossy();
    for x1 in ["-1.6", "-2.4", "-1,6"] {
        let printed = cli(
            state.path(),
            &[
                "check",
                "--exercises",
                &folder,
                "--no-bundled",
                "gd-one-step",
                &format!("x1={x1}"),
                "--format",
                "json",
            ],
        );
        let answered = api("gd-one-step", json!({"x0": -2}), json!({"x1": x1}));
        assert_eq!(answered, printed, "x1={x1}");
    }
}

#[test]
fn an_unknown_question_is_the_error_gbl_check_prints() {
    let state = tempfile::tempdir().expect("temp dir");
    let printed = cli(
        state.path(),
        &["check", "gd-one-step", "x2=1", "--format", "json"],
    );
    let answered = api("gd-one-step", json!({}), json!({"x2": "1"}));
    assert_eq!(answered, printed);
}
