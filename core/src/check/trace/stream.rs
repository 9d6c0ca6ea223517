//! The long trace read a line at a time: a trace of more than [`MAX_LISTED_LINES`] expected
//! lines whose every line is the reference's text, exactly, is judged while it is read, with
//! nothing kept but the line being read. Anything else (another line, a blank line in the
//! middle, a line too many, an encoding other than UTF-8) stops the reading, and the trace is
//! read whole and judged by the full rules, which give the same verdict on an exact trace
//! (tested).

use std::io::BufRead;

use super::layout::Layout;
use super::{MAX_LISTED_LINES, TraceReport};

/// Judges the trace `reader` gives (the caller opened the file) while reading it, when it is
/// long and every line is exactly the reference's; `None` when it is not (or cannot be read
/// so), for the full rules.
pub(super) fn exact_long_trace(layout: &Layout, reader: &mut dyn BufRead) -> Option<TraceReport> {
    let ne = layout.len();
    if ne <= MAX_LISTED_LINES {
        return None;
    }
    let first = reader.fill_buf().ok()?;
    // UTF-16 and UTF-32 are decoded by the full reader.
    if first.starts_with(&[0xFF, 0xFE]) || first.starts_with(&[0xFE, 0xFF]) || first.contains(&0) {
        return None;
    }
    let mut raw = Vec::new();
    let mut expected = String::new();
    let mut lines = 0;
    let mut blank_run = 0;
    loop {
        raw.clear();
        if reader.read_until(b'\n', &mut raw).ok()? == 0 {
            break;
        }
        if raw.len() > super::judge::MAX_LINE_BYTES {
            return None;
        }
        let mut line = std::str::from_utf8(&raw).ok()?;
        if lines == 0 && blank_run == 0 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        let line = line.trim_end();
        if line.is_empty() {
            // Only trailing empty lines are left out of a trace.
            blank_run += 1;
            continue;
        }
        if blank_run > 0 || lines == ne {
            return None;
        }
        layout.render(lines, &mut expected);
        if line != expected {
            return None;
        }
        lines += 1;
    }
    (lines == ne).then(|| TraceReport {
        expected_lines: ne,
        printed_lines: ne,
        right: ne,
        credit: ne as f64,
        counted: ne,
        first_departure: None,
        summary: Vec::new(),
        findings: Vec::new(),
        notes: Vec::new(),
        omitted_correct: ne,
        omitted_departing: 0,
        skipped: 0,
        lines: Vec::new(),
    })
}
