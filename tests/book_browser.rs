//! The built book (`book/book/**`) in a browser, Debian's headless `chromium`: printing shows
//! every worked solution (on the print page, and on a chapter by its script and by its print
//! rules), and on a phone (390 px) no page scrolls sideways and plot text stays at 12 px or more.
//!
//! The book must have been built first, so the tests are ignored by default; `.ci/run` runs
//! them after `mdbook build book` with `cargo test --test book_browser -- --ignored` when
//! `chromium` is installed.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("book/book")
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
