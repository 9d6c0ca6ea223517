//! The trace judge: any text as the printed output of a student's program, judged against
//! the bundled trace exercises (the first byte chooses which).
#![no_main]

use std::sync::LazyLock;

use gbl::check::{Context, Given, check_exercise};
use gbl::exercise::compute::default_params;
use gbl::exercise::load::{Loaded, Origin, load_all};
use gbl::exercise::model::Question;
use indexmap::IndexMap;
use libfuzzer_sys::fuzz_target;

/// Each bundled exercise with a trace question, and that question's id.
static TRACES: LazyLock<Vec<(Loaded, String)>> = LazyLock::new(|| {
    load_all(&Origin::bundled())
        .0
        .into_iter()
        .filter_map(|l| {
            let id = l.exercise.questions.iter().find_map(|q| match q {
                Question::Trace(t) => Some(t.id.clone()),
                _ => None,
            })?;
            Some((l, id))
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if TRACES.is_empty() {
        return;
    }
    let (l, qid) = &TRACES[pick as usize % TRACES.len()];
    let Ok(params) = default_params(&l.exercise) else {
        return;
    };
    let Ok(ctx) = Context::new(l, params) else {
        return;
    };
    let mut given = IndexMap::new();
    given.insert(
        qid.clone(),
        Given::Trace {
            name: "out.txt".into(),
            text: text.to_string(),
        },
    );
    let _ = check_exercise(&ctx, &given);
});
