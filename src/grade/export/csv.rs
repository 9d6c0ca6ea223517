//! The CSV gradebook: `student,score,max_score,EXERCISE...,error`, one row per student.
//!
//! A text cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return, as OWASP lists them) is written with a `'` in front, so
//! that a submission named `=HYPERLINK(...).yaml` shows as text. Scores are never negative,
//! so numbers are written as they are.

use super::super::{Graded, Setup};

/// The CSV gradebook so far: only the rows are kept.
pub(crate) struct CsvBook {
    w: ::csv::Writer<Vec<u8>>,
}

impl CsvBook {
    /// A gradebook with its header row.
    pub(crate) fn new(setup: &Setup) -> anyhow::Result<CsvBook> {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        let mut header = vec!["student", "score", "max_score"];
        header.extend(setup.items.iter().map(|i| i.loaded.id.as_str()));
        header.push("error");
        w.write_record(header.iter().map(|h| text_cell(h)))?;
        Ok(CsvBook { w })
    }

    /// Adds a student's row.
    pub(crate) fn add(&mut self, g: &Graded) -> anyhow::Result<()> {
        let mut row = vec![
            text_cell(&g.student),
            super::score(g.score),
            super::score(g.max_score),
        ];
        row.extend(g.exercises.iter().map(|e| super::score(e.score)));
        row.push(text_cell(&g.error()));
        self.w.write_record(&row)?;
        Ok(())
    }

    /// The file's bytes.
    pub(crate) fn finish(self) -> anyhow::Result<Vec<u8>> {
        self.w
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write the gradebook: {}", e.error()))
    }
}

/// A text cell that no spreadsheet runs as a formula: `'` in front of a formula's first sign.
pub(crate) fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn formulas_become_text() {
        for (given, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("alice", "alice"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(text_cell(given), written, "{given:?}");
        }
    }
}
