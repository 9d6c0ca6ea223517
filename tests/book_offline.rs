//! The built book (`book/book/**`) works offline: every formula was rendered to MathML when the
//! book was built (no raw `\(`, `\[` or `$$` is left for a script to typeset), and no script,
//! style sheet, font or image comes from another site. Links in the text to cite a source may
//! point outside (`<a href="https://...">`); nothing is fetched from them unless the reader
//! follows them.
//!
//! The book must have been built first, so the tests are ignored by default; `.ci/run` runs
//! them after `mdbook build book` with `cargo test --test book_offline -- --ignored`. What a
//! browser shows (print, phones) is tested in `book_browser.rs`.

use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("book/book")
}

/// Every built page with its text; fails when the book was not built.
fn pages() -> Vec<(String, String)> {
    let root = root();
    let mut found = Vec::new();
    files(&root, "html", &mut found);
    assert!(
        found.len() > 10,
        "no built book in {} (run `mdbook build book` first)",
        root.display()
    );
    found.sort();
    found
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (
                p.strip_prefix(&root).unwrap_or(&p).display().to_string(),
                text,
            )
        })
        .collect()
}

fn is_external(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//")
}

/// Every tag `<name ...>` of an HTML text, as its text between `<` and `>`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        let boundary = rest.starts_with([' ', '>', '\n', '/']);
        if let Some(end) = rest.find('>')
            && boundary
        {
            out.push(&rest[..end]);
        }
    }
    out
}

/// The value of `attr="..."` (or `'...'`) in a tag's text.
fn attr<'a>(tag: &'a str, attr: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for q in ['"', '\''] {
        let needle = format!(" {attr}={q}");
        let mut rest = tag;
        while let Some(i) = rest.find(&needle) {
            rest = &rest[i + needle.len()..];
            if let Some(end) = rest.find(q) {
                out.push(&rest[..end]);
                rest = &rest[end..];
            }
        }
    }
    out
}

#[test]
#[ignore = "needs the built book: run after `mdbook build book`"]
fn no_raw_tex_is_left_in_any_page() {
    let mut raw = Vec::new();
    for (page, text) in pages() {
        for delim in ["\\(", "\\)", "\\[", "\\]", "$$"] {
            let n = text.matches(delim).count();
            if n > 0 {
                raw.push(format!("{page}: {n} × {delim}"));
            }
        }
    }
    assert!(
        raw.is_empty(),
        "raw TeX in the built book:\n{}",
        raw.join("\n")
    );
}

#[test]
#[ignore = "needs the built book: run after `mdbook build book`"]
fn formulas_are_mathml_and_no_mathjax_is_loaded() {
    let pages = pages();
    let print = &pages
        .iter()
        .find(|(p, _)| p == "print.html")
        .expect("print.html")
        .1;
    let n = print.matches("<math").count();
    // The lecture's chapters hold several hundred formulas (381 raw `\(` before MathML).
    assert!(n > 300, "only {n} MathML formulas in print.html");
    assert_eq!(n, print.matches("</math>").count());
    assert!(print.contains("<math display=\"block\">"));
    for (page, text) in &pages {
        assert!(
            !text.to_lowercase().contains("mathjax"),
            "{page} mentions MathJax"
        );
        // TeX the converter did not understand leaks into the formula's text as braces,
        // backslashes, underscores or stars (`\operatorname*{argmin}_x` did).
        for formula in text.split("<math").skip(1) {
            let body = &formula[..formula.find("</math>").unwrap_or(formula.len())];
            let shown = strip_tags(body);
            for leak in ["{", "}", "&#92;", "&#95;", "&#42;"] {
                assert!(
                    !shown.contains(leak),
                    "{page}: raw TeX in a formula: {shown}"
                );
            }
        }
    }
}

/// The text of an HTML fragment, without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
#[ignore = "needs the built book: run after `mdbook build book`"]
fn no_resource_comes_from_another_site() {
    let mut external = Vec::new();
    for (page, text) in pages() {
        for (tag, attrs) in [
            ("script", &["src"][..]),
            ("link", &["href"]),
            ("img", &["src", "srcset"]),
            ("source", &["src", "srcset"]),
            ("iframe", &["src"]),
            ("audio", &["src"]),
            ("video", &["src", "poster"]),
            ("embed", &["src"]),
            ("object", &["data"]),
            ("image", &["href", "xlink:href"]),
            ("use", &["href", "xlink:href"]),
        ] {
            for t in tags(&text, tag) {
                for a in attrs {
                    for v in attr(t, a) {
                        if is_external(v) {
                            external.push(format!("{page}: <{tag} {a}=\"{v}\">"));
                        }
                    }
                }
            }
        }
        for t in tags(&text, "style") {
            if t.contains("@import") {
                external.push(format!("{page}: a <style> imports"));
            }
        }
        let lower = text.to_lowercase();
        for bad in ["url(http", "url('http", "url(\"http", "url(//", "@import"] {
            if lower.contains(bad) {
                external.push(format!("{page}: {bad}"));
            }
        }
    }
    let mut css = Vec::new();
    files(&root(), "css", &mut css);
    assert!(!css.is_empty(), "no style sheet in the built book");
    for f in css {
        let text = std::fs::read_to_string(&f)
            .unwrap_or_default()
            .to_lowercase();
        for bad in ["url(http", "url('http", "url(\"http", "url(//", "@import"] {
            if text.contains(bad) {
                external.push(format!("{}: {bad}", f.display()));
            }
        }
    }
    assert!(
        external.is_empty(),
        "the built book loads from other sites:\n{}",
        external.join("\n")
    );
}

#[test]
#[ignore = "needs the built book: run after `mdbook build book`"]
fn the_math_font_ships_with_the_book() {
    let font = root().join("math-font/latinmodern-math.woff2");
    let bytes = std::fs::read(&font).unwrap_or_default();
    assert!(
        bytes.starts_with(b"wOF2"),
        "{} is not a WOFF2 font",
        font.display()
    );
    let mut css = Vec::new();
    files(&root().join("theme"), "css", &mut css);
    let text: String = css
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();
    assert!(
        text.contains("url(\"../math-font/latinmodern-math.woff2\")"),
        "gbl.css does not point at the shipped math font"
    );
}
