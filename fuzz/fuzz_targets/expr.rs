//! The expression parser, with every derivative simplified and evaluated, as gbl does it for
//! what a user types: any text is parsed or refused, never a panic; what parses is
//! differentiated under the node budget (`try_derivative`: an expression whose derivative would
//! be too large is refused before it is built), simplified and evaluated; and the same text is
//! read as a backprop graph.
#![no_main]

use gbl::engine::budget::try_derivative;
use gbl::engine::diff::Rules;
use gbl::engine::{PyNum, eval::eval, parse};
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
        let Ok(d) = try_derivative(&e, v, Rules::default()) else {
            continue;
        };
        let _ = eval(&d, &at);
        let _ = d.to_string();
    }
    let _ = gbl::engine::backprop::Graph::parse(text);
});
