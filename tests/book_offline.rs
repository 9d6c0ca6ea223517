//! The built book (`book/book/**`) works offline: every formula was rendered to MathML when the
//! book was built (no raw `\(`, `\[` or `$$` is left for a script to typeset), and no script,
//! style sheet, font or image comes from another site. Links in the text to cite a source may
//! point outside (`<a href="https://...">`); nothing is fetched from them unless the reader
//! follows them.
//!
//! The book must have been built first, so the tests are ignored by default; `.ci/run` runs
//! them after `mdbook build book` with `cargo test --test book_offline -- --ignored`. The
//! print test also needs Debian's `chromium`.

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

#[test]
#[ignore = "needs the built book and Debian's chromium: run after `mdbook build book`"]
fn the_print_page_opens_every_worked_solution() {
    let print = root().join("print.html");
    let before = std::fs::read_to_string(&print).unwrap_or_default();
    let folded = before.matches("<details>").count();
    assert!(folded > 10, "only {folded} folded solutions in print.html");
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--dump-dom",
        ])
        .arg(format!("file://{}", print.display()))
        .output()
        .expect("chromium (apt-get install chromium) must be installed for this test");
    let dom = String::from_utf8_lossy(&out.stdout);
    let all = tags(&dom, "details");
    assert_eq!(
        all.len(),
        folded,
        "the page's solutions, after its scripts ran"
    );
    let closed: Vec<&&str> = all.iter().filter(|t| !t.contains("open")).collect();
    assert!(
        closed.is_empty(),
        "{} of {folded} worked solutions stay folded on print.html",
        closed.len()
    );
}

/// Loads every chapter in a 390 px wide frame of headless Chromium and reports, per page, the
/// page's scroll width, the smallest plot text in CSS pixels and the number of plots.
fn measure_on_a_phone(pages: &[&str]) -> Vec<(String, f64, f64, usize)> {
    let book = root();
    let list: Vec<String> = pages.iter().map(|p| format!("\"{p}\"")).collect();
    let html = format!(
        r#"<html><body><pre id="out"></pre><script>
var pages = [{list}];
var out = document.getElementById("out"); var i = 0;
function next() {{
  if (i >= pages.length) {{ return; }}
  var f = document.createElement("iframe"); f.style.width = "390px"; f.style.height = "800px";
  f.onload = function () {{
    var d = f.contentDocument;
    var svgs = d.querySelectorAll("figure.gbl-plot svg"); var small = 1000;
    svgs.forEach(function (s) {{
      var r = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      s.querySelectorAll("[font-size]").forEach(function (t) {{
        var px = parseFloat(t.getAttribute("font-size")) * r; if (px > 0 && px < small) small = px; }});
    }});
    out.textContent += pages[i] + " " + d.documentElement.scrollWidth + " " + small + " " + svgs.length + "\n";
    f.remove(); i++; next();
  }};
  f.src = "file://{book}/" + pages[i] + ".html"; document.body.appendChild(f);
}}
next();
</script></body></html>"#,
        list = list.join(","),
        book = book.display()
    );
    let dir = std::env::temp_dir().join(format!("gbl-book-phone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let page = dir.join("measure.html");
    std::fs::write(&page, html).expect("write the measuring page");
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=30000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium (apt-get install chromium) must be installed for this test");
    let _ = std::fs::remove_dir_all(&dir);
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"out\">").map_or(0, |i| i + 14);
    let end = dom[start..].find("</pre>").map_or(start, |i| start + i);
    dom[start..end]
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.parse().ok()?,
                f.get(2)?.parse().ok()?,
                f.get(3)?.parse().ok()?,
            ))
        })
        .collect()
}

#[test]
#[ignore = "needs the built book and Debian's chromium: run after `mdbook build book`"]
fn on_a_phone_pages_do_not_scroll_sideways_and_plot_text_stays_readable() {
    let pages = [
        "introduction",
        "aim",
        "iterating",
        "seeing-descent",
        "big-steps",
        "learning-rate",
        "many-variables",
        "beyond-bowls",
        "backpropagation",
        "asides",
        "quiz",
        "appendix/using-gbl",
        "appendix/writing-exercises",
        "appendix/expressions",
        "appendix/errata",
    ];
    let measured = measure_on_a_phone(&pages);
    assert_eq!(
        measured.len(),
        pages.len(),
        "every page measured: {measured:?}"
    );
    let plots: usize = measured.iter().map(|m| m.3).sum();
    assert!(plots >= 10, "only {plots} plots measured");
    for (page, width, smallest, n) in &measured {
        assert!(
            *width <= 390.0,
            "{page} is {width} px wide in a 390 px frame"
        );
        if *n > 0 {
            // Font sizes are written to one decimal: 12 px within that rounding.
            assert!(*smallest >= 11.9, "{page}: plot text at {smallest:.1} px");
        }
    }
}

/// Runs `script` (which fills `<pre id="out">`) in headless Chromium with the chapter `page`
/// loaded in a frame of the same origin, and returns what it wrote.
fn in_a_frame(page: &str, script: &str) -> String {
    let html = format!(
        r#"<html><body><pre id="out"></pre><iframe id="f" style="width:900px;height:900px"></iframe><script>
var f = document.getElementById("f"); var out = document.getElementById("out");
f.onload = function () {{ var d = f.contentDocument; var w = f.contentWindow; {script} }};
f.src = "file://{book}/{page}";
</script></body></html>"#,
        book = root().display()
    );
    let dir = std::env::temp_dir().join(format!("gbl-book-frame-{}-{page}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("frame.html");
    std::fs::write(&file, html).expect("write the page");
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium (apt-get install chromium) must be installed for this test");
    let _ = std::fs::remove_dir_all(&dir);
    let dom = String::from_utf8_lossy(&out.stdout).to_string();
    let start = dom.find("<pre id=\"out\">").map_or(0, |i| i + 14);
    let end = dom[start..].find("</pre>").map_or(start, |i| start + i);
    dom[start..end].to_string()
}

#[test]
#[ignore = "needs the built book and Debian's chromium: run after `mdbook build book`"]
fn printing_a_chapter_shows_every_worked_solution() {
    // The script path (Firefox, Safari): `beforeprint` opens every <details>, `afterprint`
    // folds them again.
    let script = r#"
var all = d.querySelectorAll("details"); var n = all.length;
w.dispatchEvent(new w.Event("beforeprint"));
var opened = d.querySelectorAll("details[open]").length;
w.dispatchEvent(new w.Event("afterprint"));
var after = d.querySelectorAll("details[open]").length;
out.textContent = n + " " + opened + " " + after;"#;
    let got = in_a_frame("big-steps.html", script);
    let n: Vec<usize> = got
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    assert_eq!(n.len(), 3, "chromium reported: {got:?}");
    assert!(n[0] >= 3, "only {} folded solutions on the page", n[0]);
    assert_eq!(n[1], n[0], "beforeprint opened {} of {}", n[1], n[0]);
    assert_eq!(n[2], 0, "afterprint leaves {} open", n[2]);

    // The style path (Chromium): the print rules alone show the solutions' text. They are
    // applied to the screen here, since headless Chromium cannot switch to print media.
    let script = r#"
var css = "";
for (var s of d.styleSheets) { try { for (var r of s.cssRules) {
  if (r.media && r.media.mediaText === "print") { for (var q of r.cssRules) { css += q.cssText + "\n"; } }
} } catch (e) {} }
var st = d.createElement("style"); st.textContent = css; d.head.appendChild(st);
var shown = 0, all = d.querySelectorAll("details");
all.forEach(function (x) { var p = x.querySelector("summary ~ *"); if (p && p.getBoundingClientRect().height > 0) shown++; });
out.textContent = all.length + " " + shown + " " + (css.indexOf("details-content") >= 0);"#;
    let got = in_a_frame("big-steps.html", script);
    let parts: Vec<&str> = got.split_whitespace().collect();
    assert_eq!(parts.len(), 3, "chromium reported: {got:?}");
    assert_eq!(
        parts[2], "true",
        "no print rule for <details> in the book's styles"
    );
    assert_eq!(
        parts[0], parts[1],
        "solutions shown by the print rules: {got}"
    );
}
