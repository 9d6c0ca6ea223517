//! gbl's core: the reference engine, Python's number formatting, the rendering of reference
//! output, the exercise model, checking answers and traces, grading one submission, and a
//! JSON-in/JSON-out API for web pages (`api`, exported to WebAssembly by `wasm`). It reads no
//! files, writes to no terminal and starts no threads, so it builds for `wasm32-unknown-unknown`
//! as well as for the `gbl` binary. Callers pass text in and get values and text back. See ARCHITECTURE.md at the repository's root.

pub mod api;
pub mod bindings;
pub mod check;
pub mod clip;
pub mod engine;
pub mod exercise;
pub mod grade;
pub mod i18n;
pub mod num;
pub mod pyfmt;
pub mod reference_output;
pub mod solve;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
