//! The `gbl` command: parses arguments and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Deeply nested expressions recurse; a large stack keeps the limits, not the stack, in charge.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(gbl::cli::main);
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: gbl stopped unexpectedly (this is a bug; please report it)");
            ExitCode::from(2)
        }
    }
}
