//! The `gbl` command: parses arguments and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    // A thread of its own, with the default stack (the parser's limits bound every recursion:
    // core/tests/stack.rs), so that a panic still ends in exit code 2 with a sentence.
    let worker = std::thread::Builder::new().spawn(gbl::cli::main);
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: gbl stopped unexpectedly (this is a bug; please report it)");
            ExitCode::from(2)
        }
    }
}
