#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! `gbl validate` places problems as a YAML parser reads the file (not by indentation or by
//! looking for `key:` text), and a YAML syntax error no longer hides the problems of the
//! entries read before it. Each case here was placed wrongly, or missed, by the text scan
//! that came before the parser.

use assert_cmd::Command;

/// Validates `text` as `mine.yaml`: (exit code, the problem lines with the path cut to
/// `mine.yaml`).
fn validate(text: &str) -> (i32, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.yaml");
    std::fs::write(&file, text).unwrap();
    let out = Command::cargo_bin("gbl")
        .unwrap()
        .env("NO_COLOR", "1")
        .env_remove("GBL_EXERCISES")
        .arg("validate")
        .arg(&file)
        .output()
        .unwrap();
    let all =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!all.contains("panicked"), "{all}");
    let shown = file.display().to_string();
    let lines = all
        .lines()
        .filter(|l| l.contains(&shown))
        .map(|l| l.replace(&shown, "mine.yaml"))
        .collect();
    (out.status.code().unwrap_or(-1), lines)
}

const HEAD: &str = "format: 1\ntitle: Mine\nchapter: week 1\nprompt: From {{x0}}.\n";

const RUN: &str = "runs:\n  main:\n    descent: {f: x^2, from: {x: x0}, lr: 0.25, steps: 1}\n";

fn has(lines: &[String], at: &str, words: &str) -> bool {
    lines
        .iter()
        .any(|l| l.starts_with(&format!("error: mine.yaml:{at}: ")) && l.contains(words))
}

#[test]
fn a_flow_mapping_over_two_lines_is_read_for_duplicates_and_places() {
    let text = format!(
        "{HEAD}params: {{x0: 4,\n         x0: 2}}\n{RUN}questions:\n  - {{id: b, kind: number,\n     prompt: x1, answer: main.z}}\n"
    );
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    // The second x0 (line 6, column 10), naming the first's line.
    assert!(
        has(
            &lines,
            "6:10",
            "the key 'x0' is given twice in this mapping (first at line 5)"
        ),
        "{lines:?}"
    );
    // The answer key on the item's second line, not the item's `-`.
    assert!(
        has(&lines, "12:18", "questions[0].answer: 'main.z'"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 2, "{lines:?}");
}

#[test]
fn key_text_in_a_block_scalar_a_string_or_a_comment_is_not_a_key() {
    let text = format!(
        "{HEAD}params: {{x0: 4}}\n{RUN}questions:\n  - id: a\n    kind: number\n    prompt: |\n      answer: main.x[1]\n    note: \"answer:\n      main.x[1]\" # answer: main.x[1]\n    answer: main.q\n"
    );
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    // `note` is not a question's field: at its key, line 14.
    assert!(has(&lines, "14:5", "unknown field `note`"), "{lines:?}");
    assert_eq!(lines.len(), 1, "{lines:?}");
    let (_, lines) = validate(&text.replace(
        "    note: \"answer:\n      main.x[1]\" # answer: main.x[1]\n",
        "    # answer: main.x[1]\n",
    ));
    // The real `answer:` (line 15), not the text in the block scalar (line 13) or the
    // comment (line 14).
    assert!(
        has(&lines, "15:13", "questions[0].answer: 'main.q'"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
}

#[test]
fn quoted_keys_are_keys() {
    let text =
        format!("{HEAD}\"title\": Again\nparams: {{'x0': 4, \"x0\": 2}}\n{RUN}questions: []\n");
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        has(
            &lines,
            "5:1",
            "the key 'title' is given twice in this mapping (first at line 2)"
        ),
        "{lines:?}"
    );
    assert!(
        has(&lines, "6:19", "the key 'x0' is given twice"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 2, "{lines:?}");
}

#[test]
fn anchors_aliases_and_a_document_start() {
    let text = format!(
        "---\n{HEAD}params: {{x0: 4}}\nruns:\n  main: &m\n    descent: {{f: x^2, from: {{x: x0}}, lr: 0.25, steps: 1}}\n  other: *m\nquestions:\n  - id: a\n    kind: number\n    prompt: x1\n    answer: other.q\n"
    );
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        has(&lines, "15:13", "questions[0].answer: 'other.q'"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
}

#[test]
fn tabs_after_colons_and_crlf_line_ends() {
    // `key:<tab>value` is valid YAML; the old scan wanted a space after the colon.
    let text = format!(
        "{HEAD}title:\tAgain\nparams: {{x0:\t4, lr: 1, x0: 2}}\n{RUN}questions:\n  - id: a\n    kind: number\n    prompt: x1\n    answer: main.q\n"
    )
    .replace("title: Mine", "title:\tMine")
    .replace('\n', "\r\n");
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        has(
            &lines,
            "5:1",
            "the key 'title' is given twice in this mapping (first at line 2)"
        ),
        "{lines:?}"
    );
    assert!(
        has(&lines, "6:24", "the key 'x0' is given twice"),
        "{lines:?}"
    );
    let (code, lines) = validate(&text.replace("title:\tAgain\r\n", ""));
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        has(&lines, "5:24", "the key 'x0' is given twice"),
        "{lines:?}"
    );
    assert!(
        has(&lines, "13:13", "questions[0].answer: 'main.q'"),
        "{lines:?}"
    );
}

#[test]
fn a_syntax_error_keeps_the_problems_of_the_entries_before_it() {
    let text = format!(
        "{HEAD}runs:\n  main:\n    descnt: {{f: x^2, from: {{x: 4}}, lr: 0.25, steps: 1}}\n  other:\n    descent: {{f: x^2, from: {{x: 4}}, lr: 0.25, steps: 1}}\nquestions:\n  - id: a\n    kind: number\n    weigth: 2\n    answer: main.x[1]\n  - id: b\n    kind: number\n    answr: \"main.x[1]\n  - id: c\n    kind: numbr\ntests: [{{question: a, answer: 2, statuss: correct}}]\n"
    );
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        has(&lines, "7:5", "runs.main: unknown field `descnt`"),
        "{lines:?}"
    );
    assert!(
        has(&lines, "13:5", "questions[0]: unknown field `weigth`"),
        "{lines:?}"
    );
    // The syntax error at the parser's place: the end of the text, where the string that
    // opens on line 17 is still open.
    assert!(
        has(
            &lines,
            "21:1",
            "found unexpected end of stream, while scanning a quoted scalar at line 17 column 12"
        ),
        "{lines:?}"
    );
    // Nothing about question b, c or the tests, which come after the error.
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn a_syntax_error_first_still_lets_earlier_entries_be_checked() {
    let text = format!(
        "{HEAD}{RUN}questions:\n  - id: a\n    kind: number\n    weigth: 2\n    answer: main.x[1]\n  - id: b\n    kind: [number\n"
    );
    let (code, lines) = validate(&text.replace("steps: 1", "stepz: 1"));
    assert_eq!(code, 1, "{lines:?}");
    // serde met this one first: at its key.
    assert!(
        has(&lines, "7:48", "runs.main.descent: unknown field `stepz`"),
        "{lines:?}"
    );
    assert!(
        has(
            &lines,
            "15:1",
            "did not find expected ',' or ']', while parsing a flow sequence at line 14 column 11"
        ),
        "{lines:?}"
    );
    assert!(
        has(&lines, "11:5", "questions[0]: unknown field `weigth`"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn a_problem_in_what_the_syntax_error_left_unfinished_gives_way_to_the_error() {
    // serde reads `title: [Mine` as a list before it meets the error; the list is the error.
    let text = format!("{HEAD}{RUN}questions: []\n").replace("title: Mine", "title: [Mine");
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    assert_eq!(
        lines,
        vec![
            "error: mine.yaml:3:8: did not find expected ',' or ']', while parsing a flow \
             sequence at line 2 column 8"
                .to_string()
        ]
    );
}

#[test]
fn a_misspelt_key_deeper_in_an_entry_is_placed_at_the_key() {
    // serde meets `descnt` first; `stps`, one level down in another run, is found by rest.
    let text = format!(
        "{HEAD}runs:\n  main:\n    descnt: {{f: x^2, from: {{x: 4}}, lr: 0.25, steps: 1}}\n  other:\n    descent: {{f: x^2, from: {{x: 4}}, lr: 0.25, stps: 1}}\nquestions: []\n"
    );
    let (code, lines) = validate(&text);
    assert_eq!(code, 1, "{lines:?}");
    assert!(
        has(&lines, "7:5", "runs.main: unknown field `descnt`"),
        "{lines:?}"
    );
    assert!(
        has(&lines, "9:47", "runs.other.descent: unknown field `stps`"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 2, "{lines:?}");
}
