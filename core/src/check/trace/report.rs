//! The verdict on a trace, as data: each line's status, the numbers that differ, the mistakes
//! named, and the totals the score is computed from. Serialized as the JSON array `lines` of
//! the question.

use serde::Serialize;

use crate::t;

/// A line's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineStatus {
    /// Agrees with the reference.
    Correct,
    /// Departs from the reference, but follows from the student's own previous line by one
    /// step of the right rule (credit carried forward).
    Follows,
    /// Wrong.
    Wrong,
    /// Expected, not printed.
    Missing,
    /// Printed, not expected.
    Extra,
}

/// One number that does not match.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberReport {
    /// The field's name in the template (`x`, `y`).
    pub name: String,
    /// The expected value, with the digits printed.
    pub expected: String,
    /// What was printed there.
    pub printed: String,
    /// When the printed number rounds the value to fewer digits than the task asks: what it
    /// asks (`asks 4 decimals`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coarse: Option<String>,
}

impl NumberReport {
    /// `expected 2.4000, printed 2.4010`, or `printed 2 where the task asks 4 decimals
    /// (2.4000)`.
    pub fn describe(&self) -> String {
        match &self.coarse {
            Some(asks) => t!(
                "trace-number-coarse",
                printed = self.printed,
                asks = asks,
                expected = self.expected
            ),
            None => t!(
                "trace-number-expected",
                expected = self.expected,
                printed = self.printed
            ),
        }
    }
}

/// One line's verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineReport {
    /// 1-based line number in the expected output (`None` for an extra line).
    pub line: Option<usize>,
    /// 1-based line number in the printed file (`None` for a missing line).
    pub printed_line: Option<usize>,
    /// The verdict.
    pub status: LineStatus,
    /// The expected line (the reference's).
    pub expected: Option<String>,
    /// The printed line.
    pub printed: Option<String>,
    /// For a `follows` line: the printed line whose values it was judged from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judged_from: Option<usize>,
    /// For a `wrong` line: the first number that is wrong, against the reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<NumberReport>,
    /// Why the line could not be read, or that its labels differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A named mistake in a trace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// A short code (`learning-rate`, `add-gradient`, `stopped-early`).
    pub code: String,
    /// What to tell the student.
    pub message: String,
}

/// The verdict on a whole trace. Serialized as the array of its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceReport {
    /// How many lines were expected.
    pub expected_lines: usize,
    /// How many lines were printed (trailing empty lines left out).
    pub printed_lines: usize,
    /// Lines that earn credit (correct or follows).
    pub right: usize,
    /// The credit earned, in lines: a correct line earns 1, a follows line
    /// [`FOLLOWS_CREDIT`](super::FOLLOWS_CREDIT).
    pub credit: f64,
    /// Lines the score is out of (expected plus extra).
    pub counted: usize,
    /// The first line (printed line number, else expected) that departs, if any.
    pub first_departure: Option<usize>,
    /// What went wrong, one sentence per departure (`line 5: expected 1.2288, printed
    /// 1.3288; lines 6-21 follow correctly from your line 5`).
    pub summary: Vec<String>,
    /// The mistakes named.
    pub findings: Vec<Finding>,
    /// Notes that cost nothing (other labels).
    pub notes: Vec<String>,
    /// Correct lines left out of `lines` (long traces only).
    pub omitted_correct: usize,
    /// Departing lines left out of `lines` past [`MAX_LISTED_LINES`](super::MAX_LISTED_LINES) listed ones.
    pub omitted_departing: usize,
    /// Printed lines skipped as not part of the answer (blank, console, debug prints).
    pub skipped: usize,
    /// Every line's verdict, in order.
    pub lines: Vec<LineReport>,
}

impl Serialize for TraceReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.lines.serialize(s)
    }
}
