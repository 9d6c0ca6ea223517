//! `gbl mdbook`: the book's mdBook preprocessor (mdBook runs it; see `book/book.toml`).
//!
//! `gbl mdbook supports RENDERER` exits 0 when the renderer is supported (html, markdown)
//! and 1 otherwise; `gbl mdbook` reads mdBook's `[context, book]` JSON on standard input and
//! writes the book, every `{{#gbl ...}}` directive replaced, as JSON on standard output.
//! A broken directive is an error naming the chapter's file and line (exit code 2), which
//! fails the build.

use std::io::Write;

use anyhow::Context;
use mdbook_preprocessor::Preprocessor;

use super::Outcome;
use crate::book::{GblPreprocessor, supports};

/// The largest book read from mdBook, in bytes (every chapter's Markdown as JSON; the
/// lecture's book is well under a megabyte).
pub(crate) const MAX_INPUT_BYTES: u64 = 32 << 20;

/// Arguments of `gbl mdbook`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What mdBook asks.
    #[command(subcommand)]
    pub command: Option<Sub>,
}

/// `gbl mdbook supports RENDERER`, `gbl mdbook protect`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Sub {
    /// Exit 0 if the preprocessor supports this renderer (html, markdown), 1 if not.
    Supports {
        /// The renderer's name.
        renderer: String,
    },
    /// The step before translation (mdbook-gettext): wraps every directive and formula in a
    /// code span so that gettext keeps it byte for byte; `gbl mdbook` unwraps it.
    Protect {
        /// What mdBook asks (`supports RENDERER`: every renderer is supported).
        #[command(subcommand)]
        command: Option<ProtectSub>,
    },
    /// After `mdbook build`, rebuilds the search index of a translated edition so that it
    /// keeps words of every script (mdBook's own index keeps only Latin words).
    SearchIndex {
        /// The built book's folder (e.g. book/book/ko).
        dir: std::path::PathBuf,
    },
    /// Before `mdbook build`: embeds the page's checker (gbl-core built for WebAssembly) in
    /// the script the answer forms load, book/src/gbl-checker.js by default.
    Checker {
        /// The module: target/wasm32-unknown-unknown/wasm/gbl_core.wasm after
        /// `cargo build -p gbl-core --target wasm32-unknown-unknown --profile wasm`.
        wasm: std::path::PathBuf,
        /// The script to write.
        #[arg(long, short, default_value = "book/src/gbl-checker.js")]
        out: std::path::PathBuf,
    },
}

/// `gbl mdbook protect supports RENDERER`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum ProtectSub {
    /// Exit 0: the step suits every renderer (the translation extractor too).
    Supports {
        /// The renderer's name.
        renderer: String,
    },
}

/// Runs `gbl mdbook`.
pub(crate) fn run(args: Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let protect = match args.command {
        Some(Sub::Supports { renderer }) => {
            return Ok(if supports(&renderer) {
                Outcome::Correct
            } else {
                Outcome::Wrong
            });
        }
        Some(Sub::Protect {
            command: Some(ProtectSub::Supports { .. }),
        }) => return Ok(Outcome::Correct),
        Some(Sub::Protect { command: None }) => true,
        Some(Sub::SearchIndex { dir }) => {
            let (path, sections) = crate::book::search::reindex(&dir)?;
            writeln!(
                out,
                "{}: {sections} sections indexed, words of every script kept",
                path.display()
            )?;
            return Ok(Outcome::Correct);
        }
        Some(Sub::Checker { wasm, out: path }) => {
            let bytes = crate::book::checker::embed(&wasm, &path)?;
            writeln!(
                out,
                "{}: the page's checker, {bytes} bytes of WebAssembly",
                path.display()
            )?;
            return Ok(Outcome::Correct);
        }
        None => false,
    };
    let input = crate::fsutil::read_text_from(std::io::stdin().lock(), MAX_INPUT_BYTES)
        .context("gbl mdbook: reading mdBook's input on standard input")?;
    let (ctx, book) = mdbook_preprocessor::parse_input(input.as_bytes())
        .context("gbl mdbook: reading mdBook's input on standard input")?;
    let book = if protect {
        crate::book::i18n::protect_book(book)
    } else {
        GblPreprocessor.run(&ctx, book)?
    };
    serde_json::to_writer(&mut *out, &book).context("gbl mdbook: writing the book")?;
    out.flush()?;
    Ok(Outcome::Correct)
}
