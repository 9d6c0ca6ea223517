//! A link checker over the built book (`book/book/**/*.html`): every relative link points at a
//! file that exists, and every `#fragment` at an id on that page.
//!
//! The book must have been built first, so the test is ignored by default; `.ci/run` runs it
//! after `mdbook build book` with `cargo test --test book_links -- --ignored`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            html_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
}

/// The values of `attr="..."` in an HTML text.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

fn decode(s: &str) -> String {
    let mut out = String::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut buf = Vec::new();
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            buf.push(b);
            i += 3;
            continue;
        }
        buf.push(bytes[i]);
        i += 1;
    }
    out.push_str(&String::from_utf8_lossy(&buf));
    out.replace("&amp;", "&")
}

#[test]
#[ignore = "needs the built book: run after `mdbook build book`"]
fn every_link_in_the_built_book_resolves() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("book/book");
    let mut files = Vec::new();
    html_files(&root, &mut files);
    assert!(
        files.len() > 10,
        "no built book in {} (run `mdbook build book` first)",
        root.display()
    );
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut texts = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        ids.insert(
            f.clone(),
            attribute_values(&text, "id")
                .into_iter()
                .map(decode)
                .collect(),
        );
        texts.push((f.clone(), text));
    }
    let mut broken = Vec::new();
    for (f, text) in &texts {
        let dir = f.parent().unwrap_or(&root);
        for href in attribute_values(text, "href") {
            if href.contains("://")
                || href.starts_with("mailto:")
                || href.starts_with("javascript:")
                || href.is_empty()
            {
                continue;
            }
            let (path, frag) = match href.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (href, None),
            };
            let target = if path.is_empty() {
                f.clone()
            } else {
                // An absolute path (the 404 page's) is relative to the site's root.
                let base = if path.starts_with('/') {
                    root.as_path()
                } else {
                    dir
                };
                let mut t = base.join(decode(path.trim_start_matches('/')));
                if t.is_dir() {
                    t = t.join("index.html");
                }
                t
            };
            let target = std::fs::canonicalize(&target).unwrap_or(target);
            let shown = f.strip_prefix(&root).unwrap_or(f).display().to_string();
            if !target.is_file() {
                broken.push(format!("{shown}: {href}: no such file"));
                continue;
            }
            if let Some(frag) = frag.filter(|fr| !fr.is_empty()) {
                let known = ids
                    .iter()
                    .find(|(p, _)| std::fs::canonicalize(p).ok().as_ref() == Some(&target))
                    .map(|(_, s)| s);
                if known.is_some_and(|s| !s.contains(&decode(frag))) {
                    broken.push(format!("{shown}: {href}: no id '{frag}' on that page"));
                }
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
