//! Files: atomic writes and bounded reads that never block.
//!
//! The rules every reader and writer of gbl follows:
//! - **Only regular files are read.** A path is checked with `metadata` before it is opened,
//!   and opened non-blocking, so a FIFO, a device or a socket given as an answer file, a trace
//!   or a quiz is a clear error for that one file, never a hang ([`check_regular`]).
//! - **Reads are bounded**: at most `limit` bytes are read from disk ([`read_text`]).
//! - **A group of reads can share a budget** ([`with_read_budget`]): `gbl grade` gives each
//!   submission one, so a student who hands in many large traces costs the class no more
//!   than one submission's worth of reading and memory. The file's size is checked against
//!   what is left *before* it is read.
//! - **Writes are atomic and safe**: the new content goes to a temporary file created
//!   exclusively, with an unpredictable name, in the target's folder, then renamed over the
//!   target; the target keeps its permissions; a symbolic link or a special file as target is
//!   refused rather than replaced ([`write_atomic`]).

mod beneath;
mod pipe;
mod read;
mod trace_text;
pub(crate) mod watch;
mod write;

pub(crate) use beneath::{BeneathError, is_within, open_beneath};
pub(crate) use pipe::QuietPipe;
pub(crate) use read::{
    check_regular, open_regular, read_bytes, read_text, read_text_from, special_kind,
    with_read_budget,
};
pub(crate) use trace_text::{is_plain_utf8, read_trace_file, read_trace_from, read_trace_text};
pub(crate) use write::{check_output, write_atomic, write_atomic_with};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The operating system's error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A folder, FIFO, device or socket where a regular file belongs.
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    /// Larger than the limit.
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid bytes at offset {0})")]
    NotText(usize),
    /// Over the budget shared by a group of reads (one submission's files).
    #[error(
        "it would take the files read together over {budget} bytes, the budget of one submission"
    )]
    OverBudget {
        /// The shared budget in bytes.
        budget: u64,
    },
}
