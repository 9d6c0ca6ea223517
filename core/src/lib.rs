//! gbl's core: the reference engine, Python's number formatting and the rendering of
//! reference output. It reads no files, writes to no terminal and starts no threads, so it
//! builds for `wasm32-unknown-unknown` as well as for the `gbl` binary. Callers pass text in
//! and get values and text back. See ARCHITECTURE.md at the repository's root.

pub mod bindings;
pub mod check;
pub mod clip;
pub mod engine;
pub mod exercise;
pub mod grade;
pub mod pyfmt;
pub mod solve;
pub mod trace;
