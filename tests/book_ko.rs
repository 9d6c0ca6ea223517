//! The Korean edition (`book/book/ko`) against the English one (`book/book`), page by page:
//! every number the engine put on a page (formulas, plots, tables, program output) is the same
//! in both, no number of the English text is missing from the Korean, and every page is Korean.
//!
//! Both editions must have been built first, so the tests are ignored by default; `.ci/run`
//! runs them after `mdbook build book` and
//! `MDBOOK_BOOK__LANGUAGE=ko mdbook build book -d book/book/ko`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("book/book")
}

/// The chapters of an edition: `.html` files, relative to its folder (not the other edition's).
fn pages(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir.join(rel)) else {
        return;
    };
    for e in entries.flatten() {
        let name = PathBuf::from(e.file_name());
        let p = rel.join(&name);
        if e.path().is_dir() {
            if p != Path::new("ko") {
                pages(dir, &p, out);
            }
        } else if name.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
}

/// What is between `<main>` and `</main>`, scripts removed.
fn main_of(html: &str) -> String {
    let start = html.find("<main>").map_or(0, |i| i + 6);
    let end = html.find("</main>").unwrap_or(html.len());
    let mut body = html[start..end.max(start)].to_string();
    while let Some(i) = body.find("<script") {
        let close = body[i..]
            .find("</script>")
            .map_or(body.len(), |e| i + e + 9);
        body.replace_range(i..close, "");
    }
    body
}

/// `html` without its `id="..."` and `href="..."` attributes (heading anchors are made from
/// the heading's words, which are translated).
fn without_anchors(html: &str) -> String {
    let mut out = html.to_string();
    for attr in [" id=\"", " href=\""] {
        while let Some(i) = out.find(attr) {
            let from = i + attr.len();
            let close = out[from..].find('"').map_or(out.len(), |e| from + e + 1);
            out.replace_range(i..close, " ");
        }
    }
    out
}

/// The numbers written in `text` (digits with an optional fraction and exponent), counted.
fn numbers(text: &str) -> BTreeMap<String, usize> {
    let b = text.as_bytes();
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < b.len() {
        // Digits inside a name (`h2`) or a character reference (`&#39;`) are no number.
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'#'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
        }
        if i + 1 < b.len()
            && b[i] == b'e'
            && (b[i + 1].is_ascii_digit() || b[i + 1] == b'-' || b[i + 1] == b'+')
        {
            i += 2;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        let n = text[start..i].trim_end_matches('.').to_string();
        *out.entry(n).or_insert(0) += 1;
    }
    out
}

/// `html` with each plot (`<svg>`) reduced to its text: its tick labels, titles and legends
/// carry the engine's numbers; the positions of its shapes depend on how wide the labels are
/// in each language.
fn plots_as_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        out.push_str(&rest[..i]);
        let end = rest[i..]
            .find("</svg>")
            .map_or(rest.len(), |e| i + e + "</svg>".len());
        let mut inside = false;
        for c in rest[i..end].chars() {
            match c {
                '<' => {
                    inside = true;
                    out.push(' ');
                }
                '>' => inside = false,
                _ if !inside => out.push(c),
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The engine's output on a page: every `<math>`, `<svg>`, `<table>` and `<pre>` element.
fn engine_parts(html: &str) -> String {
    let mut out = String::new();
    for (open, close) in [
        ("<math", "</math>"),
        ("<svg", "</svg>"),
        ("<table", "</table>"),
        ("<pre", "</pre>"),
    ] {
        let mut rest = html;
        while let Some(i) = rest.find(open) {
            let end = rest[i..]
                .find(close)
                .map_or(rest.len(), |e| i + e + close.len());
            out.push_str(&rest[i..end]);
            out.push('\n');
            rest = &rest[end..];
        }
    }
    out
}

fn both_editions() -> Vec<(PathBuf, String, String)> {
    let en = root();
    let ko = en.join("ko");
    assert!(
        ko.join("index.html").is_file(),
        "build both editions first: mdbook build book && MDBOOK_BOOK__LANGUAGE=ko mdbook build book -d book/book/ko"
    );
    let mut list = Vec::new();
    pages(&ko, Path::new(""), &mut list);
    list.sort();
    assert!(list.len() >= 15, "only {} Korean pages", list.len());
    list.into_iter()
        .map(|p| {
            let e = std::fs::read_to_string(en.join(&p)).expect("the English page exists");
            let k = std::fs::read_to_string(ko.join(&p)).expect("readable");
            (p, e, k)
        })
        .collect()
}

#[test]
#[ignore = "needs both editions built (see the module comment)"]
fn the_engines_numbers_are_the_same_in_both_editions() {
    let mut differ = Vec::new();
    for (page, en, ko) in both_editions() {
        let (a, b) = (
            numbers(&plots_as_text(&without_anchors(&engine_parts(&main_of(
                &en,
            ))))),
            numbers(&plots_as_text(&without_anchors(&engine_parts(&main_of(
                &ko,
            ))))),
        );
        if a != b {
            differ.push(format!("{}: English {a:?}, Korean {b:?}", page.display()));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
#[ignore = "needs both editions built (see the module comment)"]
fn no_number_of_the_english_text_is_missing_in_korean() {
    let mut missing = Vec::new();
    for (page, en, ko) in both_editions() {
        let a = numbers(&plots_as_text(&without_anchors(&main_of(&en))));
        let b = numbers(&plots_as_text(&without_anchors(&main_of(&ko))));
        for (n, count) in &a {
            let got = b.get(n).copied().unwrap_or(0);
            if got < *count {
                missing.push(format!(
                    "{}: {n} appears {count} times in English, {got} in Korean",
                    page.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
#[ignore = "needs both editions built (see the module comment)"]
fn every_korean_page_is_korean_and_links_to_its_english_page() {
    for (page, _, ko) in both_editions() {
        assert!(
            ko.contains("<html lang=\"ko\""),
            "{}: not marked lang=ko",
            page.display()
        );
        let hangul = main_of(&ko)
            .chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
            .count();
        // mdBook writes these two itself: the table of contents (chapter titles, translated, in
        // each page's sidebar) and the not-found page (its own English text).
        if page == Path::new("toc.html") {
            continue;
        }
        if page != Path::new("404.html") {
            assert!(hangul > 0, "{}: no Korean text", page.display());
        }
        assert!(
            ko.contains("/gbl-") && ko.contains(".js\""),
            "{}: the script that adds the language link is missing",
            page.display()
        );
    }
}

#[test]
fn numbers_are_read_as_written() {
    let n = numbers("x = 2.4000, 1e-4 and 3.6e+2; h2 is a name, &#39; a quote; 10.");
    let got: Vec<(&str, usize)> = n.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        got,
        vec![("10", 1), ("1e-4", 1), ("2.4000", 1), ("3.6e+2", 1)]
    );
}

#[test]
#[ignore = "needs both editions built (see the module comment)"]
fn the_korean_search_index_has_korean_words() {
    let ko = root().join("ko");
    let file = std::fs::read_dir(&ko)
        .expect("the Korean book")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("searchindex") && n.ends_with(".js"))
        })
        .expect("a search index");
    let text = std::fs::read_to_string(&file).expect("readable");
    // `gbl mdbook search-index` names its trimmer in the index, and the body's trie has the
    // lecture's words letter by letter (JSON inside a JavaScript string).
    assert!(
        text.contains("\"pipeline\":[\"gbl-trimmer\"]"),
        "{}: run `gbl mdbook search-index book/book/ko` after building the Korean book",
        file.display()
    );
    for word in ["학습률", "미분계수", "발산"] {
        let path: Vec<String> = word.chars().map(|c| format!("\"{c}\":{{")).collect();
        let mut at = text.find("\"body\":{\"root\":").expect("a body index");
        for step in &path {
            at += text[at..]
                .find(step.as_str())
                .unwrap_or_else(|| panic!("{word} is not in the index"));
        }
    }
}
