//! Exercise and quiz files: loading, then validation (which proves every variant's reference
//! solution). The first byte chooses: even an exercise, odd a quiz.
#![no_main]

use std::sync::LazyLock;

use gbl::exercise::load::{Loaded, Origin, Source, load_all, parse_exercise};
use gbl::exercise::validate::validate;
use gbl::grade::quiz;
use libfuzzer_sys::fuzz_target;

static BUNDLED: LazyLock<Vec<Loaded>> = LazyLock::new(|| load_all(&Origin::bundled()).0);

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let source = Source {
        name: "fuzz.yaml".into(),
        text: text.to_string(),
    };
    if kind % 2 == 0 {
        if let Ok(l) = parse_exercise("fuzz", source) {
            let _ = validate(&l);
        }
    } else if let Ok(q) = quiz::parse(source) {
        let _ = quiz::check(&q, &BUNDLED);
    }
});
