//! The catalogues: every message in both languages with the same arguments, every message the
//! code uses present with the arguments the code gives.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use gbl_core::i18n::{CATALOGUES, Lang};

/// Message id → the arguments its value refers to, for one catalogue file.
fn messages(text: &str, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{file}: does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{file}: '{}' twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

/// Every message of a language, over its files.
fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (l, files) in CATALOGUES {
        if l != lang {
            continue;
        }
        for (name, text) in files {
            for (id, vars) in messages(text, &format!("{}/{name}", l.code())) {
                assert!(
                    all.insert(id.clone(), vars).is_none(),
                    "'{id}' in two files"
                );
            }
        }
    }
    all
}

#[test]
fn both_languages_have_every_message_with_the_same_arguments() {
    let en = catalogue(Lang::En);
    let ko = catalogue(Lang::Ko);
    let only_en: Vec<&String> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    let only_ko: Vec<&String> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty(),
        "not in the Korean catalogue: {only_en:?}"
    );
    assert!(
        only_ko.is_empty(),
        "not in the English catalogue: {only_ko:?}"
    );
    for (id, vars) in &en {
        assert_eq!(Some(vars), ko.get(id), "'{id}': the arguments differ");
    }
}

/// Every `t!("id", name = ...)` in the sources of both crates: (file, id, argument names).
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("src"), root.join("core/src")] {
        walk(&dir, &mut |path, text| {
            let mut rest = text;
            while let Some(at) = rest.find("t!(") {
                // `t!` itself, not the end of `format!` or `assert!`; the id may be on the
                // next line (rustfmt breaks long calls).
                let word = rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                rest = rest[at + 3..].trim_start();
                if word || !rest.starts_with('"') {
                    continue;
                }
                rest = &rest[1..];
                let Some(end) = rest.find('"') else { break };
                let id = rest[..end].to_string();
                let args = call_args(&rest[end + 1..]);
                out.push((path.display().to_string(), id, args));
            }
        });
    }
    out
}

/// The names of `name = value` arguments up to the call's closing parenthesis.
fn call_args(text: &str) -> BTreeSet<String> {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut top = String::new();
    let mut prev = ' ';
    for c in text.chars() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
        } else if c == '"' {
            in_str = true;
        } else if "([{".contains(c) {
            depth += 1;
        } else if ")]}".contains(c) {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 {
            top.push(c);
        }
        prev = c;
    }
    top.split(',')
        .filter_map(|part| {
            let (name, _) = part.split_once('=')?;
            let name = name.trim();
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .then(|| name.to_string())
        })
        .collect()
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path, &str)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, f);
        } else if p.extension().is_some_and(|e| e == "rs")
            && !p.parent().is_some_and(|d| d.ends_with("i18n"))
            && let Ok(text) = std::fs::read_to_string(&p)
        {
            f(&p, &text);
        }
    }
}

#[test]
fn every_message_the_code_uses_exists_with_the_arguments_it_is_given() {
    let en = catalogue(Lang::En);
    let uses = uses();
    assert!(
        !uses.is_empty(),
        "no t!(...) found: is the scan looking in the right place?"
    );
    for (file, id, args) in uses {
        let Some(vars) = en.get(&id) else {
            panic!("{file}: t!(\"{id}\") is in no catalogue");
        };
        assert_eq!(
            &args, vars,
            "{file}: t!(\"{id}\"): the arguments given and used differ"
        );
    }
}
