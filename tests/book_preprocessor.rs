//! The book's preprocessor: every directive kind is replaced by what the engine computes,
//! broken directives fail with the chapter's file and line, the numbers are the lecture's,
//! and the real book's chapters all expand.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use gbl::book::{Env, GblPreprocessor, process_chapter};
use gbl::exercise::load::Origin;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn env() -> Env {
    Env::load(&Origin::dir(root().join("exercises")))
}

fn expand(text: &str) -> String {
    match process_chapter(text, "src/test.md", "Test", &env()) {
        Ok(s) => s,
        Err(e) => panic!("{e:?}"),
    }
}

fn errors(text: &str) -> Vec<String> {
    match process_chapter(text, "src/test.md", "Test", &env()) {
        Ok(s) => panic!("expected an error, got:\n{s}"),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

fn book(chapters: &[(&str, &str)]) -> Book {
    let items = chapters
        .iter()
        .map(|(name, text)| {
            BookItem::Chapter(Chapter::new(
                name,
                text.to_string(),
                format!("{}.md", name.to_lowercase()),
                Vec::new(),
            ))
        })
        .collect();
    Book::new_with_items(items)
}

fn context() -> PreprocessorContext {
    let mut config = Config::default();
    if let Err(e) = config.set("preprocessor.gbl.exercises", "exercises") {
        panic!("{e}");
    }
    PreprocessorContext::new(root(), config, "html".to_string())
}

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("binary");
    c.timeout(Duration::from_secs(60));
    c
}

#[test]
fn every_directive_kind_is_replaced() {
    let text = r#"# Everything

{{#gbl exercise gd-one-step}}

{{#gbl trace f="1/10*x^2" from="x=3" lr=1 steps=20 header="Initial x: {x}" print="{i}-th x: {x:.4f}"}}

{{#gbl table f="1/10*x^2" from="x=1" lr=1 steps=1}}

The factor is
{{#gbl value f="1/10*x^2" from="x=3" lr=1 steps=1 show=factor}}
and the derivative
{{#gbl derive expr="1/10*x^2" wrt=x}}
as gbl writes it.

{{#gbl plot path f="1/10*x^2" from="x=3" lr=1 steps=20}}

{{#gbl plot iterates f="1/10*x^2" from="x=3" lr=1 steps=20}}

{{#gbl plot compare f="x^2/10; x^2/5; x^2/3" from="x=3" lr=1 steps=10}}

{{#gbl plot rates f="2*x^2" from="x=3" lr="0.05; 0.1; 0.3" steps=10}}

{{#gbl plot contour f="x1^2 + x2^2" from="x1=3, x2=-2" lr=0.1 steps=10}}

{{#gbl plot graph graph="z = x - 2; y = 2*z^2" at="x=5"}}

{{#gbl backprop graph="z = x - 2; y = 2*z^2" at="x=5"}}

{{#gbl schema}}

Escaped: \{{#gbl exercise nope}}
"#;
    let out = expand(text);
    assert!(!out.contains("{{#gbl exercise gd"), "{out}");
    assert!(out.contains("Escaped: {{#gbl exercise nope}}"));
    // exercise: title, filled prompt, the command, the folded solution.
    assert!(
        out.contains("### Exercise: One step of gradient descent (`gd-one-step`) {#gd-one-step}")
    );
    assert!(out.contains("start at x = 3"));
    assert!(out.contains("$ gbl check gd-one-step grad=... x1=..."));
    assert!(out.contains("<details>\n<summary>Worked solution</summary>"));
    assert!(out.contains("- x1 = 2.4\n"), "{out}");
    // trace: the lecture's twenty lines.
    assert!(out.contains("```text\nInitial x: 3\n1-th x: 2.4000\n"));
    assert!(out.contains("20-th x: 0.0346\n```"));
    // table: the update from x = 1 gives 0.8 (the notes copied the x = -3 line here).
    assert!(
        out.contains("| 0 | 1 | 0.1 | 0.2 | 1 - 0.2 = 0.8 |"),
        "{out}"
    );
    // value and derive: bare inline text.
    assert!(out.contains("The factor is\n0.8\nand the derivative\n`x/5`\nas gbl"));
    // plots: inline SVG, no blank line inside (Markdown would end the HTML block there).
    // Each figure carries the width at which its smallest text is 12 px (phones keep it).
    let figures: Vec<&str> = out
        .split("<figure class=\"gbl-plot\" style=\"--gbl-min-width:")
        .skip(1)
        .collect();
    assert_eq!(figures.len(), 6);
    for fig in &figures {
        let (px, rest) = fig.split_once("px\">\n").expect("a width in px");
        assert!(rest.starts_with("<svg"), "{fig:.80}");
        let px: u32 = px.parse().expect("a whole number of px");
        assert!((300..=2000).contains(&px), "min width {px} px");
    }
    for fig in out.split("<figure").skip(1) {
        let body = &fig[..fig.find("</figure>").expect("closed")];
        assert!(!body.contains("\n\n"), "a blank line inside a figure");
    }
    assert!(
        out.contains("f(x) = x^2/5"),
        "compare panels are labelled with their functions"
    );
    assert!(out.contains("lr = 0.3 (oscillates)"));
    assert!(
        out.contains("\nx1\n") && out.contains("\nx2\n"),
        "contour axes are x1 and x2"
    );
    // backprop: both tables.
    assert!(out.contains("| `z` | `z = x - 2` | 3 |"), "{out}");
    assert!(out.contains("| `y` | `y = 2*z^2` | 18 |"));
    assert!(out.contains("dy/dx = dy/dz · ∂z/∂x = 12 · 1 = 12"));
    // schema: the generated field reference.
    assert!(out.contains("#### The exercise file {#schema-exercise}"));
    assert!(out.contains("| `chapter` | text | yes |"));
}

#[test]
fn the_lectures_numbers() {
    let out = expand(
        r#"
{{#gbl trace f="2*x^2" from="x=3" lr=1 steps=3 header="Initial x: {x}" print="{i}-th Iteration\ndy_dx = {grad:.4f}\nnext x: {x:.4f}\n"}}

{{#gbl trace f="2*x^2" from="x=3" lr=0.1 steps=3 print="dy_dx = {grad:.4f} next x: {x:.4f}"}}

{{#gbl trace f="x1^2 + x2^2" from="x1=3, x2=-2" lr=0.1 steps=10 header="Initial y: {y}" print="({x1:.3f}, {x2:.3f}) {y:.3f}"}}

{{#gbl backprop graph="a = x*x; b = 3*x; y = a + b" at="x=2"}}

x from -2:
{{#gbl value f="1/10*x^2" from="x=-2" lr=1 steps=1 show=x fmt=".1f"}}
; from 1:
{{#gbl value f="1/10*x^2" from="x=1" lr=1 steps=1 show=x fmt=".1f"}}
; verdict
{{#gbl value f="2*x^2" from="x=3" lr=1 steps=10 show=verdict}}
; lr_max
{{#gbl value f="2*x^2" from="x=3" lr=0.1 steps=1 show=lr_max}}
; y
{{#gbl value f="x1^2 + x2^2" from="x1=3, x2=-2" lr=0.1 steps=1 show=y fmt=".3f"}}
"#,
    );
    let diverge = "Initial x: 3\n1-th Iteration\ndy_dx = 12.0000\nnext x: -9.0000\n\n\
                   2-th Iteration\ndy_dx = -36.0000\nnext x: 27.0000\n\n\
                   3-th Iteration\ndy_dx = 108.0000\nnext x: -81.0000\n\n```";
    assert!(out.contains(diverge), "{out}");
    assert!(out.contains(
        "dy_dx = 12.0000 next x: 1.8000\ndy_dx = 7.2000 next x: 1.0800\ndy_dx = 4.3200 next x: 0.6480\n```"
    ));
    assert!(out.contains("Initial y: 13\n(2.400, -1.600) 8.320\n(1.920, -1.280) 5.325\n"));
    assert!(out.contains("(0.322, -0.215) 0.150\n```"));
    assert!(out.contains(
        "x from -2:\n-1.6\n; from 1:\n0.8\n; verdict\ndiverges\n; lr_max\n0.5\n; y\n8.320\n"
    ));
    // A node used twice adds up its paths: dy/dx = 2x + 3 = 7 at x = 2.
    assert!(
        out.contains("dy/dx = dy/da · ∂a/∂x + dy/db · ∂b/∂x = 1 · 4 + 1 · 3 = 7"),
        "{out}"
    );
    assert!(out.contains("adds up its paths"));
}

#[test]
fn broken_directives_name_the_file_and_line() {
    let e = errors("# A\n\ntext\n{{#gbl tabel f=x^2}}\n");
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with("src/test.md:4: unknown kind 'tabel'"),
        "{e:?}"
    );
    assert!(e[0].ends_with("(chapter \"Test\")"));

    let e = errors("\n{{#gbl exercise gd-one-stp}}\n");
    assert!(
        e[0].starts_with("src/test.md:2: there is no exercise 'gd-one-stp'"),
        "{e:?}"
    );
    assert!(e[0].contains("did you mean gd-one-step"), "{e:?}");

    let cases = [
        (
            "{{#gbl table f=\"1/10*x^2\" from=\"x=3\" lr=1}}",
            "'table': missing argument 'steps=...'",
        ),
        (
            "{{#gbl table f=\"1/10*x^2\" from=\"x=3\" lr=1 steps=2 colour=red}}",
            "unknown argument 'colour'",
        ),
        (
            "{{#gbl table f=\"1/10*x^^2\" from=\"x=3\" lr=1 steps=2}}",
            "the function",
        ),
        (
            "{{#gbl table f=\"x^2\" from=\"x=3\" lr=1 steps=many}}",
            "not a number of steps",
        ),
        (
            "{{#gbl value f=\"x^2\" from=\"x=3\" lr=1 steps=1 show=z}}",
            "show=\"z\" is not a value",
        ),
        (
            "{{#gbl value f=\"x^2\" from=\"x=3\" lr=1 steps=1 show=x fmt=\".4q\"}}",
            "fmt",
        ),
        (
            "{{#gbl trace f=\"x^2\" from=\"x=3\" lr=1 steps=1 print=\"{i}-th {z}\"}}",
            "z",
        ),
        ("{{#gbl derive expr=\"x1*x2\"}}", "wrt="),
        (
            "{{#gbl plot pie f=x^2 from=x=3 lr=1 steps=1}}",
            "unknown kind 'pie'",
        ),
        (
            "{{#gbl plot contour f=x^2 from=x=3 lr=1 steps=1}}",
            "two variables",
        ),
        (
            "{{#gbl backprop graph=\"y = = x\" at=\"x=1\"}}",
            "the graph",
        ),
        ("{{#gbl exercise}}", "missing an exercise id"),
        ("{{#gbl table f=\"x^2 from=x=3}}", "no closing quote"),
        ("{{#gbl table f=x^2", "no closing '}}'"),
        (
            "A table inside {{#gbl table f=x^2 from=x=3 lr=1 steps=1}} a sentence.",
            "line of its own",
        ),
    ];
    for (text, want) in cases {
        let e = errors(&format!("# T\n\n{text}\n"));
        assert_eq!(e.len(), 1, "{text}: {e:?}");
        assert!(e[0].starts_with("src/test.md:3: "), "{text}: {e:?}");
        assert!(e[0].contains(want), "{text}: expected {want:?} in {e:?}");
    }

    // Every broken directive of a chapter is reported, not only the first.
    let e = errors("{{#gbl nope}}\n\n{{#gbl exercise nope}}\n\n{{#gbl schema extra}}\n");
    let lines: Vec<&str> = e.iter().map(|m| &m[..m.find(": ").unwrap_or(0)]).collect();
    assert_eq!(lines, ["src/test.md:1", "src/test.md:3", "src/test.md:5"]);
}

#[test]
fn the_preprocessor_over_a_book() {
    let ok = book(&[
        (
            "Aim",
            "# Aim\n\n{{#gbl table f=\"1/10*x^2\" from=\"x=1\" lr=1 steps=1}}\n",
        ),
        ("Other", "# Other\n\nNo directives {{#include here.md}}.\n"),
    ]);
    let out = match GblPreprocessor.run(&context(), ok) {
        Ok(b) => b,
        Err(e) => panic!("{e:#}"),
    };
    let texts: Vec<&str> = out.chapters().map(|c| c.content.as_str()).collect();
    assert!(texts[0].contains("1 - 0.2 = 0.8"));
    assert_eq!(texts[1], "# Other\n\nNo directives {{#include here.md}}.\n");

    let bad = book(&[
        ("Aim", "# Aim\n\n{{#gbl exercise missing-one}}\n"),
        ("Other", "# Other\n\nok\n\n{{#gbl table f=x^2}}\n"),
    ]);
    let msg = match GblPreprocessor.run(&context(), bad) {
        Ok(_) => panic!("a broken book was accepted"),
        Err(e) => format!("{e:#}"),
    };
    assert!(msg.contains("2 broken gbl directives"), "{msg}");
    assert!(
        msg.contains("src/aim.md:3: there is no exercise 'missing-one'"),
        "{msg}"
    );
    assert!(msg.contains("(chapter \"Aim\")"));
    assert!(
        msg.contains("src/other.md:5: 'table': missing argument"),
        "{msg}"
    );
    assert!(GblPreprocessor.supports_renderer("html").unwrap_or(false));
    assert!(!GblPreprocessor.supports_renderer("epub").unwrap_or(true));
}

#[test]
fn gbl_mdbook_speaks_the_protocol() {
    gbl().args(["mdbook", "supports", "html"]).assert().code(0);
    gbl()
        .args(["mdbook", "supports", "markdown"])
        .assert()
        .code(0);
    gbl().args(["mdbook", "supports", "epub"]).assert().code(1);

    let input = |b: Book| serde_json::to_string(&(context(), b)).expect("json");
    let ok = book(&[(
        "Iterating",
        "# It\n\n{{#gbl trace f=\"1/10*x^2\" from=\"x=3\" lr=1 steps=20 print=\"{i}-th x: {x:.4f}\"}}\n",
    )]);
    let out = gbl()
        .arg("mdbook")
        .write_stdin(input(ok))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back: Book = serde_json::from_slice(&out.stdout).expect("a book on stdout");
    let text = &back.chapters().next().expect("a chapter").content;
    assert!(text.contains("20-th x: 0.0346"), "{text}");

    let bad = book(&[("Quiz", "# Quiz\n\n{{#gbl exercise no-such-exercise}}\n")]);
    let out = gbl()
        .arg("mdbook")
        .write_stdin(input(bad))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("src/quiz.md:3: there is no exercise 'no-such-exercise'"),
        "{err}"
    );

    gbl().arg("mdbook").write_stdin("not json").assert().code(2);
}

/// Every chapter of the real book, as mdBook would give it.
fn chapters() -> Vec<(String, String)> {
    let src = root().join("book/src");
    let mut out = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("book/src").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                let rel = p.strip_prefix(&src).unwrap_or(&p).display().to_string();
                out.push((rel, std::fs::read_to_string(&p).expect("chapter")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_whole_book_expands() {
    let env = env();
    let mut problems = Vec::new();
    for (file, text) in chapters() {
        match process_chapter(&text, &format!("src/{file}"), &file, &env) {
            Ok(out) => {
                // Only the escaped ones (`\{{#gbl ...}}`, shown as examples) are left.
                assert_eq!(
                    out.matches("{{#gbl ").count(),
                    text.matches("\\{{#gbl ").count(),
                    "{file}: a directive was left"
                );
            }
            Err(e) => problems.extend(e.iter().map(ToString::to_string)),
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_bundled_exercise_is_in_its_chapter() {
    let env = env();
    assert!(env.broken.is_empty(), "{:?}", env.broken);
    assert!(env.exercises.len() >= 16);
    for l in &env.exercises {
        let file = root()
            .join("book/src")
            .join(format!("{}.md", l.exercise.chapter));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: chapter '{}': {e}", l.id, l.exercise.chapter));
        // `{{#gbl exercise ID}}`, or with one of its variants: `{{#gbl exercise ID x0=4}}`.
        assert!(
            text.contains(&format!("{{{{#gbl exercise {}}}}}", l.id))
                || text.contains(&format!("{{{{#gbl exercise {} ", l.id)),
            "exercise {} is not in its chapter {}",
            l.id,
            file.display()
        );
    }
}

#[test]
fn relative_links_in_the_sources_point_at_chapters() {
    let src = root().join("book/src");
    for (file, text) in chapters() {
        let dir = Path::new(&file).parent().unwrap_or(Path::new(""));
        for part in text.split("](").skip(1) {
            let Some(end) = part.find(')') else { continue };
            let target = &part[..end];
            if target.contains("://") || target.starts_with('#') || target.starts_with("mailto:") {
                continue;
            }
            let path = target.split('#').next().unwrap_or("");
            assert!(
                src.join(dir).join(path).is_file(),
                "{file}: the link ({target}) points at no file"
            );
        }
    }
}

#[test]
fn protect_wraps_for_gettext_and_the_preprocessor_unwraps() {
    gbl()
        .args(["mdbook", "protect", "supports", "xgettext"])
        .assert()
        .code(0);
    let original = "# It\n\nStart at \\\\( x_0 = 3 \\\\):\n\n{{#gbl trace f=\"1/10*x^2\" from=\"x=3\" lr=1 steps=20 print=\"{i}-th x: {x:.4f}\"}}\n";
    let input = |b: Book| serde_json::to_string(&(context(), b)).expect("json");
    let run = |args: &[&str], stdin: String| -> Book {
        let out = gbl().args(args).write_stdin(stdin).output().expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("a book on stdout")
    };
    let protected = run(&["mdbook", "protect"], input(book(&[("It", original)])));
    let text = protected
        .chapters()
        .next()
        .expect("a chapter")
        .content
        .clone();
    assert_eq!(
        text,
        "# It\n\nStart at `\\\\( x_0 = 3 \\\\)`:\n\n`{{#gbl trace f=\"1/10*x^2\" from=\"x=3\" lr=1 steps=20 print=\"{i}-th x: {x:.4f}\"}}`\n"
    );
    // The preprocessor gives the same chapter from the wrapped text as from the original.
    let from_protected = run(&["mdbook"], input(protected));
    let from_original = run(&["mdbook"], input(book(&[("It", original)])));
    let a = &from_protected.chapters().next().expect("a chapter").content;
    let b = &from_original.chapters().next().expect("a chapter").content;
    assert_eq!(a, b);
    assert!(a.contains("20-th x: 0.0346") && a.contains("<math"), "{a}");
}

#[test]
fn every_chapter_survives_protect_and_unprotect() {
    for (name, text) in chapters() {
        let p = gbl::book::i18n::protect(&text);
        assert_eq!(gbl::book::i18n::unprotect(&p), text, "{name}");
        // Every directive is now in a code span (or escaped, to be shown as text).
        for (at, _) in p.match_indices("{{#gbl") {
            let before = p[..at].chars().last();
            assert!(
                matches!(before, Some('`' | '\\')),
                "{name}: a directive left bare at byte {at}"
            );
        }
    }
}

#[test]
fn an_exercise_takes_one_of_its_variants_and_its_form_carries_the_numbers() {
    // gd-one-step: f(x) = x^2/10, lr = 1. From x0 = -2 (worked by hand): f'(-2) = -0.4 and
    // x1 = -2 - (-0.4) = -1.6.
    let out = expand("{{#gbl exercise gd-one-step x0=-2}}\n");
    assert!(out.contains("start at x = -2"), "{out}");
    assert!(out.contains("What is f&apos;(-2)?"), "{out}");
    assert!(
        out.contains(r#"data-gbl-params="&#123;&quot;x0&quot;:-2,&quot;lr&quot;:1&#125;""#),
        "{out}"
    );
    assert!(out.contains(r#"data-gbl-exercise="gd-one-step""#), "{out}");
    for q in ["grad", "x1"] {
        assert!(
            out.contains(&format!(r#"data-gbl-question="{q}""#)),
            "{out}"
        );
        assert!(
            out.contains(&format!(r#"data-gbl-feedback="{q}""#)),
            "{out}"
        );
    }
    assert!(out.contains("data-gbl-check"), "{out}");
    assert!(
        out.contains("$ gbl check gd-one-step --params 'x0=-2' grad=... x1=..."),
        "{out}"
    );
    assert!(out.contains("x := -2 - 1 × (-0.4) = -1.6"), "{out}");
    // The form is one HTML block: no blank line inside it.
    let form = &out[out.find("<form").unwrap_or(0)..out.find("</form>").unwrap_or(0)];
    assert!(!form.contains("\n\n"), "{form}");
    // The defaults need no --params.
    let out = expand("{{#gbl exercise gd-one-step}}\n");
    assert!(
        out.contains("$ gbl check gd-one-step grad=... x1=..."),
        "{out}"
    );

    // Numbers that are not a variant, and names that are not parameters, are errors.
    let e = errors("{{#gbl exercise gd-one-step x0=7}}\n");
    assert!(
        e.len() == 1 && e[0].contains("'gd-one-step' has no variant with x0=7"),
        "{e:?}"
    );
    let e = errors("{{#gbl exercise gd-one-step y=1}}\n");
    assert!(e.len() == 1 && e[0].contains("'y'"), "{e:?}");
    let e = errors("{{#gbl exercise gd-one-step x0=abc}}\n");
    assert!(
        e.len() == 1 && e[0].contains("x0=abc is not a number"),
        "{e:?}"
    );
}
