//! The student's loop end to end: `gbl init` a folder, check it (unanswered exercises
//! counted), hints that end in revealing the answer, a quiz student's own numbers and points,
//! `gbl watch` seeing a trace file change, and one JSON document for every command.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;

fn gbl(state: &Path) -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    c.env_remove("GBL_EXERCISES")
        .env("NO_COLOR", "1")
        .env("GBL_STATE_DIR", state);
    c
}

fn run(c: &mut Command) -> (i32, String, String) {
    let out = c.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ALL: [&str; 16] = [
    "gd-one-step",
    "gd-update-table",
    "gd-shifted-minimum",
    "gd-trace",
    "gd-coefficients",
    "gd-diverge",
    "gd-zigzag",
    "gd-learning-rate",
    "mv-one-step",
    "mv-trace",
    "chain-rule-x5",
    "neuron-gradient",
    "quiz-shifted-step",
    "quiz-learning-rate",
    "quiz-two-variables",
    "quiz-two-weights",
];

#[test]
fn init_writes_every_question_and_starters_that_do_not_solve() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let hw = dir.path().join("hw");
    let (code, out, err) = run(gbl(state.path()).arg("init").arg(&hw));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote"), "{out}");
    let yaml = std::fs::read_to_string(hw.join("answers.yaml")).expect("answers.yaml");
    // Every exercise and every question, with its prompt, values empty.
    for id in ALL {
        assert!(yaml.contains(&format!("\n{id}:\n")), "{id} in:\n{yaml}");
        let (_, show, _) = run(gbl(state.path()).args(["show", id, "--format", "json"]));
        let v: serde_json::Value = serde_json::from_str(&show).expect("JSON");
        for q in v["questions"].as_array().expect("questions") {
            let qid = q["id"].as_str().expect("id");
            assert!(yaml.contains(&format!("\n  {qid}:\n")), "{id}.{qid}");
            let first = q["prompt"].as_str().expect("prompt").lines().next();
            assert!(
                yaml.contains(&format!("  # {}", first.unwrap_or_default())),
                "{id}.{qid} prompt"
            );
        }
    }
    assert!(
        yaml.contains("# What is f'(3)?\n  grad:\n"),
        "prompts with the numbers: {yaml}"
    );
    assert!(hw.join("traces").is_dir());
    // Checking the fresh folder: nothing answered, nothing broken, exit 1.
    let (code, out, _) = run(gbl(state.path()).arg("check").current_dir(&hw));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("score 0/83 · 0 of 16 exercises answered, 0 fully right"),
        "{out}"
    );
    assert!(
        !out.contains("problem:"),
        "an empty value is not a problem: {out}"
    );
    // The starter programs print the expected shape from placeholders, never the answers.
    let py = std::fs::read_to_string(hw.join("gd-trace.py")).expect("gd-trace.py");
    assert!(py.contains("# TODO"), "{py}");
    assert!(py.contains("print(f\"{i}-th x: {x:.4f}\")"), "{py}");
    assert!(!py.contains("x / 5") && !py.contains("2.4"), "{py}");
    let mv = std::fs::read_to_string(hw.join("mv-trace.py")).expect("mv-trace.py");
    assert!(mv.contains("print(f\"y: {y:.3f}\")"), "{mv}");
    if let Ok(o) = std::process::Command::new("python3")
        .arg("gd-trace.py")
        .current_dir(&hw)
        .output()
    {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::write(hw.join("traces/gd-trace.txt"), &o.stdout).expect("written");
        // The starter's output has the right shape and the wrong numbers: it fails.
        let (code, out, _) = run(gbl(state.path())
            .args(["check", "gd-trace", "--trace"])
            .arg(hw.join("traces/gd-trace.txt")));
        assert_eq!(code, 1, "{out}");
    }
    // Never overwrites: a second init refuses and leaves the file as it was.
    std::fs::write(hw.join("answers.yaml"), "gd-one-step: {grad: 0.6}\n").expect("written");
    let (code, _, err) = run(gbl(state.path()).arg("init").arg(&hw));
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(hw.join("answers.yaml")).expect("kept"),
        "gd-one-step: {grad: 0.6}\n"
    );
}

#[test]
fn the_answer_is_hidden_until_the_last_hint_or_solve() {
    let state = tempfile::tempdir().expect("a temp dir");
    let check = |extra: &[&str]| {
        run(gbl(state.path())
            .args(["check", "gd-one-step", "grad=0.6", "x1=2.5"])
            .args(extra))
        .1
    };
    let text = check(&[]);
    assert!(text.contains("too big, by less than 10%"), "{text}");
    assert!(!text.contains("2.4"), "the answer is not told: {text}");
    assert!(
        check(&["--reveal"]).contains("(answer: 2.4)"),
        "--reveal shows it"
    );
    for _ in 0..2 {
        run(gbl(state.path()).args(["hint", "gd-one-step"]));
        assert!(!check(&[]).contains("answer:"), "not before the last hint");
    }
    let (_, last, _) = run(gbl(state.path()).args(["hint", "gd-one-step"]));
    assert!(last.contains("'gbl check' now shows the answers"), "{last}");
    assert!(check(&[]).contains("(answer: 2.4)"));
    let json = check(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["exercises"][0]["questions"][1]["expected"], 2.4);
    assert_eq!(v["exercises"][0]["questions"][1]["revealed"], true);
    run(gbl(state.path()).args(["hint", "gd-one-step", "--reset"]));
    assert!(
        !check(&[]).contains("answer:"),
        "hidden again after --reset"
    );
    // gbl solve reveals it too.
    let (code, _, _) = run(gbl(state.path()).args(["solve", "gd-one-step"]));
    assert_eq!(code, 0);
    assert!(check(&[]).contains("(answer: 2.4)"));
}

fn quiz_file(dir: &Path, solutions: bool) -> std::path::PathBuf {
    let f = dir.join("quiz.yaml");
    std::fs::write(
        &f,
        format!(
            "format: 1\ntitle: Q\nsalt: s\nsolutions: {solutions}\nexercises:\n  - {{id: gd-one-step, points: 2}}\n  - {{id: chain-rule-x5, points: 4}}\n  - {{id: gd-diverge, points: 3}}\n"
        ),
    )
    .expect("written");
    f
}

#[test]
fn a_quiz_student_gets_their_numbers_points_and_missing_exercises() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let quiz = quiz_file(dir.path(), true);
    let q = |c: &mut Command| {
        c.arg("--quiz").arg(&quiz).args(["--student", "ada"]);
        run(c)
    };
    // ada's numbers, from show.
    let (_, show, err) = q(gbl(state.path()).args(["show", "gd-one-step", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&show).expect(&err);
    let prompt = v["prompt"].as_str().expect("prompt").to_string();
    // Her hint and solution use the same numbers as her task.
    let (code, hint, _) = q(gbl(state.path()).args(["hint", "gd-one-step"]));
    assert_eq!(code, 0);
    let (_, solve, _) = q(gbl(state.path()).args(["solve", "gd-one-step", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&solve).expect("JSON");
    let start = prompt
        .split("start at x = ")
        .nth(1)
        .and_then(|r| r.split([' ', ',']).next())
        .expect("a start in the prompt")
        .to_string();
    assert!(hint.contains(&format!("x = {start}")), "{hint} / {prompt}");
    assert!(
        v["lines"].to_string().contains(&format!("({start})")),
        "{solve} / {prompt}"
    );
    // An answer file with one exercise: totals in the quiz's 9 points, the others listed.
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, "gd-diverge: {verdict: diverges}\n").expect("written");
    let (code, out, _) = q(gbl(state.path()).args(["check", "--answers"]).arg(&answers));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("score 1.5/9 · 1 of 3 exercises answered, 0 fully right"),
        "{out}"
    );
    assert!(
        out.contains("not answered:\n  ? gd-one-step") && out.contains("  ? chain-rule-x5"),
        "{out}"
    );
    let (code, out, _) = q(gbl(state.path())
        .args(["list", "--format", "json", "--answers"])
        .arg(&answers));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["max_score"], 9.0);
    assert_eq!(v["exercises"].as_array().map(Vec::len), Some(3));
    // An instructor may close the solutions.
    let closed = quiz_file(&dir.path().join("."), false);
    let (code, _, err) = run(gbl(state.path())
        .args(["solve", "gd-one-step", "--quiz"])
        .arg(&closed)
        .args(["--student", "ada"]));
    assert_eq!(code, 2);
    assert!(err.contains("keeps its solutions closed"), "{err}");
    let (code, _, err) = run(gbl(state.path())
        .args(["check", "gd-one-step", "x1=1", "--reveal", "--quiz"])
        .arg(&closed)
        .args(["--student", "ada"]));
    assert_eq!(code, 2);
    assert!(err.contains("--reveal is not available"), "{err}");
    // Not even after the last hint.
    for _ in 0..3 {
        q(gbl(state.path()).args(["hint", "gd-one-step"]));
    }
    let (_, out, _) = run(gbl(state.path())
        .args(["check", "gd-one-step", "x1=1", "--quiz"])
        .arg(&closed)
        .args(["--student", "ada"]));
    assert!(!out.contains("answer:"), "{out}");
}

#[test]
fn every_command_prints_one_json_document_even_on_exit_2() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let tab = dir.path().join("tab.yaml");
    std::fs::write(&tab, "gd-one-step:\n\tx1: 2\n").expect("written");
    let tab = tab.to_str().expect("utf-8");
    let missing = dir.path().join("none.yaml");
    let missing = missing.to_str().expect("utf-8");
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["check", "gd-one-step", "x1=2.4"], 1),
        (vec!["check", "gd-one-stp", "x1=2.4"], 2),
        (vec!["check", "gd-one-step", "x1=(2"], 2),
        (vec!["check", "--answers", tab], 2),
        (vec!["check", "--answers", missing], 2),
        (vec!["check", "--bogus"], 2),
        (vec!["list"], 0),
        (vec!["list", "--answers", missing], 2),
        (vec!["show", "gd-one-step"], 0),
        (vec!["show", "nope"], 2),
        (vec!["hint", "gd-one-step"], 0),
        (vec!["hint", "nope"], 2),
        (vec!["solve", "gd-one-step"], 0),
        (vec!["solve", "nope"], 2),
        (vec!["watch", "--answers", missing], 2),
        (vec!["derive", "x^"], 2),
    ];
    for (args, want) in cases {
        let (code, out, err) = run(gbl(state.path()).args(&args).args(["--format", "json"]));
        assert_eq!(code, want, "{args:?}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("{args:?}: not one JSON document ({e}): {out}"));
        // An answer that is not a number is still a report (exit 2), not an error.
        if args.contains(&"x1=(2") {
            assert_eq!(
                v["exercises"][0]["questions"][1]["status"], "invalid",
                "{v}"
            );
        } else if want == 2 {
            let e = &v["error"];
            assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
            for k in ["file", "line", "column"] {
                assert!(e.get(k).is_some(), "{args:?}: {k} in {v}");
            }
        }
    }
    // The tab error at its line.
    let (_, out, err) =
        run(gbl(state.path()).args(["check", "--answers", tab, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        v["error"]["message"],
        format!("{tab}:2:1: tabs are not allowed for indentation; use spaces")
    );
    assert_eq!(v["error"]["file"], tab);
    assert_eq!(v["error"]["line"], 2);
    assert_eq!(v["error"]["column"], 1);
    assert!(
        err.contains("tabs are not allowed for indentation; use spaces"),
        "{err}"
    );
}

/// Reads lines from a child's stdout on a thread, so that a test can wait with a timeout.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

#[test]
fn watch_rechecks_when_a_named_trace_file_changes() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir_all(dir.path().join("traces")).expect("mkdir");
    let trace = dir.path().join("traces/gd.txt");
    std::fs::write(&trace, "Initial x: 3\n1-th x: 2.5000\n").expect("written");
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, "gd-trace: {trace: traces/gd.txt}\n").expect("written");
    let bin = assert_cmd::cargo::cargo_bin("gbl");
    let mut child = std::process::Command::new(bin)
        .env_remove("GBL_EXERCISES")
        .env("NO_COLOR", "1")
        .env("GBL_STATE_DIR", state.path())
        .args(["watch", "--format", "json", "--answers"])
        .arg(&answers)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let rx = lines_of(&mut child);
    let round = |rx: &std::sync::mpsc::Receiver<String>| -> serde_json::Value {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a round within 20 s");
        serde_json::from_str(&line).expect("one JSON line per round")
    };
    let trace_status = |v: &serde_json::Value| {
        v["exercises"]
            .as_array()
            .and_then(|es| es.iter().find(|e| e["id"] == "gd-trace"))
            .map(|e| e["questions"][0]["status"].clone())
    };
    let first = round(&rx);
    assert_eq!(trace_status(&first), Some("wrong".into()), "{first}");
    assert_eq!(
        first["next"],
        "next: fix gd-trace and save ('gbl hint gd-trace' if you are stuck)"
    );
    // The watcher is set up just after the first round: save the trace, and save it again
    // while no round comes (on a busy machine the first save may come too early).
    let right = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("solutions/traces/gd-trace.txt"),
    )
    .expect("the reference trace");
    let mut second = None;
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(300));
        std::fs::write(&trace, &right).expect("saved");
        if let Ok(line) = rx.recv_timeout(Duration::from_secs(2)) {
            second = Some(serde_json::from_str::<serde_json::Value>(&line).expect("JSON"));
            break;
        }
    }
    let second = second.expect("a round after the trace was saved");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(trace_status(&second), Some("correct".into()), "{second}");
    assert_eq!(
        second["next"],
        "next: 'gbl show gd-one-step' for the task, then write its answers in the file"
    );
}

#[test]
fn check_and_list_read_answers_yaml_in_the_current_folder() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("answers.yaml"),
        "gd-one-step: {grad: 0.6, x1: 2.4}\n",
    )
    .expect("written");
    let (code, out, _) = run(gbl(state.path()).arg("check").current_dir(dir.path()));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("1 of 16 exercises answered, 1 fully right"),
        "{out}"
    );
    let (_, out, _) = run(gbl(state.path())
        .args(["check", "--answers"])
        .current_dir(dir.path()));
    assert!(out.contains("1 of 16 exercises answered"), "{out}");
    let (_, out, _) = run(gbl(state.path()).arg("list").current_dir(dir.path()));
    assert!(out.contains("✓ done"), "{out}");
    // Without one, 'gbl check' says how to start.
    let empty = tempfile::tempdir().expect("a temp dir");
    let (code, _, err) = run(gbl(state.path()).arg("check").current_dir(empty.path()));
    assert_eq!(code, 2);
    assert!(err.contains("'gbl init' writes one"), "{err}");
}

/// Every key a schema object requires is in `doc`, recursively through `properties` and
/// array `items` (a small check of the documents against `gbl schema check|list|error`).
fn conforms(schema: &serde_json::Value, doc: &serde_json::Value, at: &str) {
    if let Some(req) = schema["required"].as_array() {
        for k in req {
            let k = k.as_str().expect("a key");
            assert!(doc.get(k).is_some(), "{at}: '{k}' missing in {doc}");
        }
    }
    if let (Some(props), Some(obj)) = (schema["properties"].as_object(), doc.as_object()) {
        for (k, sub) in props {
            if let Some(v) = obj.get(k) {
                conforms(sub, v, &format!("{at}.{k}"));
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), doc.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            conforms(items, v, &format!("{at}[{i}]"));
        }
    }
    if let Some(allowed) = schema["enum"].as_array() {
        assert!(allowed.contains(doc), "{at}: {doc} not in {allowed:?}");
    }
}

#[test]
fn the_json_documents_have_the_shapes_gbl_schema_prints() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let answers = dir.path().join("answers.yaml");
    std::fs::write(
        &answers,
        "gd-one-step: {grad: 0.6, x1: 3.6}\ngd-one-stp: {x1: 1}\nchain-rule-x5: {z: abc}\n",
    )
    .expect("written");
    let schema = |kind: &str| -> serde_json::Value {
        let (_, out, _) = run(gbl(state.path()).args(["schema", kind]));
        serde_json::from_str(&out).expect("a schema")
    };
    let doc = |args: &[&str]| -> serde_json::Value {
        let (_, out, _) = run(gbl(state.path()).args(args).args(["--format", "json"]));
        serde_json::from_str(&out).expect("a document")
    };
    let a = answers.to_str().expect("utf-8");
    let checked = doc(&["check", "--answers", a]);
    assert_eq!(
        checked["problems"].as_array().map(Vec::len),
        Some(2),
        "{checked}"
    );
    conforms(&schema("check"), &checked, "check --answers");
    conforms(
        &schema("check"),
        &doc(&["check", "gd-one-step", "x1=2"]),
        "check",
    );
    conforms(&schema("list"), &doc(&["list", "--answers", a]), "list");
    conforms(&schema("list"), &doc(&["list"]), "list");
    conforms(&schema("error"), &doc(&["show", "nope"]), "error");
}
