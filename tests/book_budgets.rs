#![allow(clippy::unwrap_used)] // a test that cannot set up should fail loudly

//! The book preprocessor under hostile chapters: 300,000 broken directives in one chapter
//! used to hang the build (each directive's line was counted from the chapter's start);
//! now lines are counted once, at most 2,000 directives run per chapter, and the error
//! list shows the first hundred.

use std::path::{Path, PathBuf};
use std::time::Instant;

use gbl::book::directive::MAX_DIRECTIVES;
use gbl::book::{Env, process_book, process_chapter};
use gbl::exercise::load::Origin;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};

fn env() -> Env {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Env::load(&Origin::dir(root.join("exercises")))
}

#[test]
fn three_hundred_thousand_broken_directives_stop_at_the_budget() {
    let text = "{{#gbl}}\n".repeat(300_000);
    let start = Instant::now();
    let errors = process_chapter(&text, "src/x.md", "X", &env()).unwrap_err();
    assert!(start.elapsed().as_secs_f64() < 10.0);
    assert_eq!(errors.len(), MAX_DIRECTIVES + 1);
    assert_eq!(errors[1].line, 2);
    assert_eq!(errors[MAX_DIRECTIVES - 1].line, MAX_DIRECTIVES);
    let last = &errors[MAX_DIRECTIVES];
    assert_eq!(last.line, MAX_DIRECTIVES + 1);
    assert_eq!(
        last.message,
        "the chapter has more than 2000 gbl directives, the most run in one chapter; from here on they are not run (split the chapter)"
    );

    let book = Book::new_with_items(vec![BookItem::Chapter(Chapter::new(
        "X",
        text,
        "x.md",
        Vec::new(),
    ))]);
    let shown = process_book(book, Path::new("src"), &env())
        .unwrap_err()
        .to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], "2001 broken gbl directives in the book:");
    assert_eq!(lines.len(), 1 + 100 + 1);
    assert_eq!(lines[101], "  and 1901 more (the first 100 are shown)");
}

#[test]
fn a_directive_far_down_a_long_chapter_keeps_its_line() {
    let text = format!(
        "{}{{{{#gbl nonsense}}}}\n",
        "text {{ not a directive\n".repeat(50_000)
    );
    let errors = process_chapter(&text, "src/x.md", "X", &env()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 50_001);
}
