//! The book preprocessor: mdBook's `[context, book]` JSON, then every chapter's directives
//! replaced (with the bundled exercises).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use gbl::book::{Env, process_book};
use gbl::exercise::load::Origin;
use libfuzzer_sys::fuzz_target;

static ENV: LazyLock<Env> = LazyLock::new(|| Env::load(&Origin::bundled()));

fuzz_target!(|data: &[u8]| {
    let Ok((_ctx, book)) = mdbook_preprocessor::parse_input(data) else {
        return;
    };
    let _ = process_book(book, Path::new("src"), &ENV);
});
