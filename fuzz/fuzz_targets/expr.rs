//! The expression parser, with every derivative simplified and evaluated: any text is
//! parsed or refused, never a panic, and what parses can be differentiated and evaluated.
#![no_main]

use gbl::engine::{PyNum, derivative, eval::eval, parse, simplify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(e) = parse(text) else { return };
    let vars = e.variables();
    let at: Vec<(String, PyNum)> = vars
        .iter()
        .map(|v| (v.clone(), PyNum::Float(1.5)))
        .collect();
    let _ = eval(&e, &at);
    for v in vars.iter().take(4) {
        let d = simplify(&derivative(&e, v));
        let _ = eval(&d, &at);
        let _ = d.to_string();
    }
    let _ = gbl::engine::backprop::Graph::parse(text);
});
