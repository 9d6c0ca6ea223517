use super::*;

const DOC: &str = "format: 1\ntitle: T\nruns:\n  main:\n    descent:\n      f: \"x^\"\n      lr: 1\nquestions:\n  - id: a\n    kind: number\n    answer: main.x[1]\n  - id: b\n    kind: number\n    answer: main.q\nanswers: {grad: 0.6, x1: 2.4}\n";

#[test]
fn finds_nested_keys_and_items() {
    assert_eq!(locate(DOC, "runs.main.descent.f"), Pos { line: 6, col: 10 });
    assert_eq!(
        locate(DOC, "runs.main.descent.lr"),
        Pos { line: 7, col: 11 }
    );
    assert_eq!(
        locate(DOC, "questions[1].answer"),
        Pos { line: 14, col: 13 }
    );
    assert_eq!(locate(DOC, "questions[0].id"), Pos { line: 9, col: 9 });
    assert_eq!(locate(DOC, "questions[1]"), Pos { line: 12, col: 3 });
}

#[test]
fn finds_flow_keys_and_falls_back_to_the_parent() {
    assert_eq!(locate(DOC, "answers.x1"), Pos { line: 15, col: 22 });
    assert_eq!(locate(DOC, "runs.main.nothing"), Pos { line: 4, col: 3 });
}

#[test]
fn finds_keys_that_hold_dots() {
    let doc = "format: 1\nrequire:\n  main.verdict: diverges\n  other.x[1]: 2\nquestions: []\n";
    assert_eq!(
        locate(doc, "require.main.verdict"),
        Pos { line: 3, col: 17 }
    );
    let flow = "require: {main.verdict: diverges}\n";
    assert_eq!(
        locate(flow, "require.main.verdict"),
        Pos { line: 1, col: 11 }
    );
    // Not there at all: the parent.
    assert_eq!(locate(doc, "require.main.x"), Pos { line: 2, col: 1 });
}

#[test]
fn splits_paths() {
    assert_eq!(
        steps("questions[2].answer"),
        vec![Step::Key("questions"), Step::Index(2), Step::Key("answer")]
    );
}

#[test]
fn text_that_only_looks_like_keys_is_not_taken_for_them() {
    // `answer:` inside a block scalar, a quoted string and a comment come before the
    // real key; a text scan by indentation or by `key:` would stop at one of them.
    let doc = "questions:\n  - id: a\n    prompt: |\n      answer: not this\n    note: \"answer: nor this\" # answer: nor this\n    answer: main.x[1]\n";
    assert_eq!(locate(doc, "questions[0].answer"), Pos { line: 6, col: 13 });
    assert_eq!(locate(doc, "questions[0].prompt"), Pos { line: 3, col: 13 });
    let t = Tree::parse(doc);
    assert_eq!(
        t.key_pos("questions[0].note"),
        Some(Pos { line: 5, col: 5 })
    );
}

#[test]
fn quoted_keys_anchors_document_start_tabs_and_crlf() {
    let doc = "---\n\"runs\":\n  main: &m\n    lr: 1\n  other: *m\n'title': x\t# a tab before the comment\n";
    let t = Tree::parse(doc);
    assert_eq!(t.error(), None);
    assert_eq!(t.locate("runs.main.lr"), Pos { line: 4, col: 9 });
    // Through the alias, to where the value is written.
    assert_eq!(t.locate("runs.other.lr"), Pos { line: 4, col: 9 });
    assert_eq!(t.locate("runs.other"), Pos { line: 5, col: 10 });
    assert_eq!(t.locate("title"), Pos { line: 6, col: 10 });
    let crlf = doc.replace('\n', "\r\n");
    let t = Tree::parse(&crlf);
    assert_eq!(t.locate("runs.main.lr"), Pos { line: 4, col: 9 });
    assert_eq!(t.locate("title"), Pos { line: 6, col: 10 });
}

#[test]
fn a_syntax_error_keeps_what_came_before_it() {
    let doc = "a: 1\nb: [1, 2]\nc: \"open\n";
    let t = Tree::parse(doc);
    let (at, _) = t.error().expect("an error");
    assert_eq!(at.line, 3);
    let b = t.at("b").expect("b");
    let mut budget = 100;
    assert_eq!(
        t.value(b, *at, &mut budget),
        Some(serde_yaml::from_str("[1, 2]").expect("yaml"))
    );
    assert_eq!(t.at("c"), None);
    assert!(!t.node(t.root().expect("root")).complete);
}

#[test]
fn over_budget_text_is_not_parsed() {
    let deep = format!("a: {}1{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let t = Tree::parse(&deep);
    assert!(t.error().is_some_and(|(_, m)| m.contains("nests deeper")));
    assert_eq!(t.root(), None);
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        "\u{feff}a: 1\n",
        "a: 1\rb: 2\r",
        "- - -",
        "{{{",
        "\"unclosed: x",
        ": : :",
        "a: 1\n---\nb: 2\n",
        "? [a, b]\n: c\n",
        "a: *nothing\n",
        "&a [*a]\n",
        "é: 1\n😀: {é: 2, é: 3}\n",
        "a:\t\n\tb: 1\n",
    ] {
        let t = Tree::parse(text);
        for path in ["a", "b", "a[0]", "a.b.c", "😀.é", "[0][1]"] {
            let _ = (t.locate(path), t.key_pos(path), t.at(path));
        }
        let _ = t.key_in_mapping_at(Pos { line: 1, col: 1 }, "a");
    }
    // Characters, not bytes: the second é is at column 11 of line 2.
    let t = Tree::parse("é: 1\n😀: {é: 2, é: 3}\n");
    assert_eq!(t.duplicates()[0].pos, Pos { line: 2, col: 11 });
}

/// Every YAML file of the repository that serde reads, the tree reads to its end too
/// (the two parsers agree on what gbl's own files are).
#[test]
// A test may read the repository's files; the core itself never does.
#[allow(clippy::disallowed_methods)]
fn the_tree_reads_every_yaml_file_serde_reads() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
    // The repository's root, above the core crate's folder.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for d in ["exercises", "solutions", "tests/fixtures", "book/src"] {
        walk(&root.join(d), &mut files);
    }
    let mut read = 0;
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        if serde_yaml::from_str::<serde_yaml::Value>(&text).is_err() {
            continue;
        }
        let t = Tree::parse(&text);
        assert_eq!(t.error(), None, "{}", f.display());
        assert!(
            t.root().is_none_or(|r| t.node(r).complete),
            "{}",
            f.display()
        );
        read += 1;
    }
    assert!(read >= 12, "{read}");
}
