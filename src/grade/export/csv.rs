//! The CSV gradebook: `student,score,max_score,EXERCISE...,error`, one row per student.

use super::super::{Graded, Setup};

/// The CSV gradebook so far: only the rows are kept.
pub struct CsvBook {
    w: ::csv::Writer<Vec<u8>>,
}

impl CsvBook {
    /// A gradebook with its header row.
    pub fn new(setup: &Setup) -> anyhow::Result<CsvBook> {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        let mut header = vec!["student", "score", "max_score"];
        header.extend(setup.items.iter().map(|i| i.loaded.id.as_str()));
        header.push("error");
        w.write_record(&header)?;
        Ok(CsvBook { w })
    }

    /// Adds a student's row.
    pub fn add(&mut self, g: &Graded) -> anyhow::Result<()> {
        let mut row = vec![
            g.student.clone(),
            super::score(g.score),
            super::score(g.max_score),
        ];
        row.extend(g.exercises.iter().map(|e| super::score(e.score)));
        row.push(g.error());
        self.w.write_record(&row)?;
        Ok(())
    }

    /// The file's bytes.
    pub fn finish(self) -> anyhow::Result<Vec<u8>> {
        self.w
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write the gradebook: {}", e.error()))
    }
}
