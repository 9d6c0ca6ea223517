//! The book's mdBook preprocessor: replaces every `{{#gbl ...}}` directive in the chapters
//! with what the engine computes, so that the book and the checker can never disagree.
//!
//! Directives (see [`directive`] for the syntax; `book/src/appendix/writing-exercises.md`
//! lists them for authors):
//!
//! | directive | becomes |
//! |---|---|
//! | `exercise ID` | the task with its numbers, the commands that check it, a folded worked solution |
//! | `trace f= from= lr= steps= print= [header=] [grad=]` | a code block with what the Python program prints |
//! | `table f= from= lr= steps= [grad=] [digits=]` | a Markdown table of the steps, each update written out |
//! | `value f= from= lr= steps= show= [grad=] [fmt=]` | one number or word, inline |
//! | `derive expr= [wrt=]` | the derivative as gbl prints it, inline in backticks |
//! | `plot path\|iterates\|compare\|rates\|contour ...` | an inline SVG plot of a run |
//! | `plot graph graph= at=` | an inline SVG of a computational graph |
//! | `backprop graph= at=` | the forward table and the backward table |
//! | `schema` | the reference of every field of the exercise format |
//!
//! Before the directives run, every formula (`\\( ... \\)`, `\\[ ... \\]`) becomes MathML
//! (see `math.rs`), so the built book needs no script and no network to show its mathematics.
//!
//! A directive that cannot be run (unknown kind, unknown or missing argument, a bad
//! expression, a missing exercise) is an error naming the chapter's file and line; every such
//! error in the book is reported at once, and the build fails.

pub(crate) mod checker;
pub mod directive;
mod exercise;
mod form;
mod graph;
pub mod i18n;
mod markdown;
pub(crate) mod math;
mod plots;
mod run;
mod schema;
pub mod search;

use std::fmt;
use std::path::{Path, PathBuf};

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use crate::exercise::load::{Loaded, Origin, load_all};
use directive::{Directive, DirectiveError, Piece};

/// The preprocessor's name, as in `[preprocessor.gbl]`.
pub(crate) const NAME: &str = "gbl";

/// The renderers the output suits: the HTML book and the Markdown renderer.
pub(crate) const RENDERERS: &[&str] = &["html", "markdown"];

/// Whether the preprocessor supports `renderer`.
pub(crate) fn supports(renderer: &str) -> bool {
    RENDERERS.contains(&renderer)
}

/// What directives may use: the exercises.
pub struct Env {
    /// Every exercise that loaded.
    pub exercises: Vec<Loaded>,
    /// Exercise files that did not load, as messages (`file:line:col: ...`).
    pub broken: Vec<String>,
    /// Where the exercises came from, for messages.
    pub origin: String,
}

impl Env {
    /// Loads exercises from `origin`.
    pub fn load(origin: &Origin) -> Env {
        let (exercises, bad) = load_all(origin);
        Env {
            exercises,
            broken: bad.iter().map(ToString::to_string).collect(),
            origin: origin.describe(),
        }
    }

    /// The exercise folder set in `book.toml` (`[preprocessor.gbl] exercises = "DIR"`,
    /// relative to the book's root), else `GBL_EXERCISES`, else the bundled exercises.
    pub fn from_context(ctx: &PreprocessorContext) -> anyhow::Result<Env> {
        // The edition's language, not the environment's: the exercises' texts and gbl's
        // sentences in the English book are English, in the Korean book Korean.
        let lang = ctx
            .config
            .book
            .language
            .as_deref()
            .and_then(gbl_core::i18n::Lang::parse)
            .unwrap_or_default();
        gbl_core::i18n::set(lang);
        let dir: Option<PathBuf> = ctx
            .config
            .get(&format!("preprocessor.{NAME}.exercises"))
            .map_err(|e| anyhow::anyhow!("book.toml: preprocessor.{NAME}.exercises: {e}"))?;
        let origin = match dir {
            Some(d) => {
                let d = ctx.root.join(d);
                if !d.is_dir() {
                    anyhow::bail!(
                        "book.toml: preprocessor.{NAME}.exercises: the folder {} does not exist",
                        d.display()
                    );
                }
                Origin::dir(d)
            }
            None => Origin::choose(&[], false),
        };
        Ok(Env::load(&origin))
    }
}

/// A directive that failed, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct BookError {
    /// The chapter's file, relative to the book's root (`src/aim.md`).
    pub file: String,
    /// The chapter's title.
    pub chapter: String,
    /// The 1-based line of the directive.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} (chapter \"{}\")",
            self.file, self.line, self.message, self.chapter
        )
    }
}

/// Every failed directive of a book.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct BookErrors(pub Vec<BookError>);

impl fmt::Display for BookErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "{n} broken gbl directive{} in the book:",
            if n == 1 { "" } else { "s" }
        )?;
        let shown = crate::exercise::load::MAX_DIAGNOSTICS;
        for e in self.0.iter().take(shown) {
            writeln!(f, "  {e}")?;
        }
        if n > shown {
            writeln!(f, "  and {} more (the first {shown} are shown)", n - shown)?;
        }
        Ok(())
    }
}

/// Replaces the directives of one chapter. `file` and `chapter` name it in errors.
pub fn process_chapter(
    text: &str,
    file: &str,
    chapter: &str,
    env: &Env,
) -> Result<String, Vec<BookError>> {
    // A translated chapter comes with its directives and formulas in code spans (see `i18n`).
    let text = &i18n::unprotect(text);
    let mut out = String::with_capacity(text.len());
    let mut errors = Vec::new();
    let located = |e: DirectiveError| BookError {
        file: file.to_string(),
        chapter: chapter.to_string(),
        line: e.line,
        message: e.message,
    };
    let rendered = match math::render(text) {
        Ok(t) => t,
        Err(e) => {
            errors.extend(e.into_iter().map(|e| BookError {
                file: file.to_string(),
                chapter: chapter.to_string(),
                line: e.line,
                message: e.message,
            }));
            text.to_string()
        }
    };
    for piece in directive::split(&rendered) {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Broken(e, original) => {
                errors.push(located(e));
                out.push_str(&original);
            }
            Piece::Directive(d) => match expand(&d, env) {
                Ok(Expansion::Inline(s)) => out.push_str(&s),
                Ok(Expansion::Block(s)) if d.own_line => {
                    out.push('\n');
                    out.push_str(s.trim_end());
                    out.push('\n');
                }
                Ok(Expansion::Block(_)) => errors.push(located(d.error(format!(
                    "{} makes a block (a table, code or a figure): put it on a line of its own",
                    d.what()
                )))),
                Err(e) => errors.push(located(e)),
            },
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// What a directive becomes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expansion {
    /// Text inside a paragraph (a number, a word, an expression in backticks).
    Inline(String),
    /// Markdown blocks: it must stand on its own line.
    Block(String),
}

/// Runs one directive.
pub(crate) fn expand(d: &Directive, env: &Env) -> Result<Expansion, DirectiveError> {
    match d.kind.as_str() {
        "exercise" => exercise::exercise(d, env).map(Expansion::Block),
        "trace" => run::trace(d).map(Expansion::Block),
        "table" => run::table(d).map(Expansion::Block),
        "value" => run::value(d).map(Expansion::Inline),
        "derive" => run::derive(d).map(Expansion::Inline),
        "plot" => plots::plot(d).map(Expansion::Block),
        "backprop" => graph::backprop(d).map(Expansion::Block),
        "schema" => schema::schema(d).map(Expansion::Block),
        other => Err(d.error(format!(
            "unknown kind '{other}' (known: exercise, trace, table, value, derive, plot, \
             backprop, schema)"
        ))),
    }
}

/// Replaces the directives of every chapter; fails with every broken directive.
pub fn process_book(mut book: Book, src: &Path, env: &Env) -> Result<Book, BookErrors> {
    let mut errors = Vec::new();
    book.for_each_mut(|item| {
        let BookItem::Chapter(ch) = item else { return };
        let file = ch
            .source_path
            .as_ref()
            .or(ch.path.as_ref())
            .map(|p| src.join(p).display().to_string())
            .unwrap_or_else(|| ch.name.clone());
        match process_chapter(&ch.content, &file, &ch.name, env) {
            Ok(text) => ch.content = text,
            Err(e) => errors.extend(e),
        }
    });
    if errors.is_empty() {
        Ok(book)
    } else {
        Err(BookErrors(errors))
    }
}

/// gbl as an mdBook [`Preprocessor`].
#[derive(Debug, Default, Clone, Copy)]
pub struct GblPreprocessor;

impl Preprocessor for GblPreprocessor {
    fn name(&self) -> &str {
        NAME
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> anyhow::Result<Book> {
        let env = Env::from_context(ctx)?;
        let book = process_book(book, &ctx.config.book.src, &env).map_err(|e| {
            let mut msg = e.to_string();
            if !env.broken.is_empty() {
                msg.push_str(&format!(
                    "(some exercises in {} did not load: {})",
                    env.origin,
                    env.broken.join("; ")
                ));
            }
            anyhow::anyhow!(msg.trim_end().to_string())
        })?;
        Ok(book)
    }

    fn supports_renderer(&self, renderer: &str) -> anyhow::Result<bool> {
        Ok(supports(renderer))
    }
}
