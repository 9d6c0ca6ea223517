//! Answer files: parsed against the bundled exercises, then every answered exercise is
//! checked, as `gbl check --answers` does (trace paths lead nowhere: no file is read).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use gbl::check::answers;
use gbl::check::{Context, check_exercise};
use gbl::exercise::compute::default_params;
use gbl::exercise::load::{Loaded, Origin, Source, load_all};
use libfuzzer_sys::fuzz_target;

static BUNDLED: LazyLock<Vec<Loaded>> = LazyLock::new(|| load_all(&Origin::bundled()).0);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source {
        name: "answers.yaml".into(),
        text: text.to_string(),
    };
    let dir = Path::new("/nonexistent/gbl-fuzz");
    let Ok(af) = answers::parse(source, dir, &BUNDLED) else {
        return;
    };
    for (id, given) in &af.answers {
        let Some(l) = BUNDLED.iter().find(|l| &l.id == id) else {
            continue;
        };
        let Ok(params) = default_params(&l.exercise) else {
            continue;
        };
        if let Ok(ctx) = Context::new(l, params) {
            let _ = check_exercise(&ctx, given);
        }
    }
});
