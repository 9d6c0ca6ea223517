//! Reading a trace file for the core's judge: the file system behind [`TraceFiles`]. A long
//! trace is handed over as a stream, so that it is judged while it is read.

use std::io::BufRead;
use std::path::Path;

use super::TraceFiles;

/// Bytes read from the file at a time.
const BUFFER: usize = 64 << 10;

/// The file system: trace files opened non-blocking, regular files only, within the limit.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FileSystem;

impl TraceFiles for FileSystem {
    fn stream(&self, path: &Path, limit: u64) -> Option<Box<dyn BufRead + '_>> {
        let file = crate::fsutil::open_regular(path).ok()?;
        if file.metadata().ok()?.len() > limit {
            return None;
        }
        Some(Box::new(std::io::BufReader::with_capacity(BUFFER, file)))
    }

    fn text(&self, path: &Path, limit: u64) -> Result<String, Box<dyn std::error::Error>> {
        Ok(crate::fsutil::read_trace_text(path, limit)?)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::check::trace::{check_question, reference_lines};
    use crate::check::{Context, Given, QuestionReport, Status};
    use crate::exercise::compute::default_params;
    use crate::exercise::load::{Source, parse_exercise};
    use crate::exercise::model::{Question, TraceQuestion};

    /// The file system, counting how often a whole text was read.
    #[derive(Default)]
    struct Counted {
        texts: Cell<usize>,
    }

    impl TraceFiles for Counted {
        fn stream(&self, path: &Path, limit: u64) -> Option<Box<dyn BufRead + '_>> {
            FileSystem.stream(path, limit)
        }

        fn text(&self, path: &Path, limit: u64) -> Result<String, Box<dyn std::error::Error>> {
            self.texts.set(self.texts.get() + 1);
            FileSystem.text(path, limit)
        }
    }

    /// Runs `f` on gd-trace with `steps` updates: its context and trace question.
    fn with_gd_trace<R>(
        steps: usize,
        f: impl FnOnce(&Context, &Question, &TraceQuestion) -> R,
    ) -> R {
        let yaml = include_str!("../../exercises/gd-trace.yaml")
            .replace("steps: 20", &format!("steps: {steps}"));
        let loaded = parse_exercise(
            "gd-trace",
            Source {
                name: "gd-trace.yaml".into(),
                text: yaml,
            },
        )
        .expect("parses");
        let ctx = Context::new(&loaded, default_params(&loaded.exercise).expect("params"))
            .expect("computes");
        let q = loaded.exercise.questions.first().expect("a question");
        let Question::Trace(t) = q else {
            panic!("a trace question");
        };
        f(&ctx, q, t)
    }

    /// The expected lines of gd-trace with `steps` updates.
    fn expected_lines(steps: usize) -> Vec<String> {
        with_gd_trace(steps, |ctx, _, t| {
            reference_lines(t, &ctx.results).expect("renders")
        })
    }

    /// Checks gd-trace with `steps` updates against each given trace file, read whole and read
    /// while judged; returns both verdicts and whether the long-trace reading judged it alone.
    fn both_ways(
        steps: usize,
        files: &[(&str, Vec<u8>)],
    ) -> Vec<(QuestionReport, QuestionReport, bool)> {
        with_gd_trace(steps, |ctx, q, t| {
            let dir = tempfile::tempdir().expect("temp dir");
            files
                .iter()
                .map(|(name, bytes)| {
                    let path = dir.path().join(name);
                    std::fs::write(&path, bytes).expect("written");
                    let text = crate::fsutil::read_trace_text(&path, 1 << 30).expect("readable");
                    let whole = Given::Trace {
                        name: name.to_string(),
                        text,
                    };
                    let file = Given::TraceFile {
                        name: name.to_string(),
                        path: path.clone(),
                    };
                    let files = Counted::default();
                    let file = check_question(ctx, q, t, Some(&file), &files);
                    // Judged while read alone: the whole text was never asked for.
                    let streamed = files.texts.get() == 0;
                    (
                        check_question(ctx, q, t, Some(&whole), &FileSystem),
                        file,
                        streamed,
                    )
                })
                .collect()
        })
    }

    #[test]
    fn a_long_trace_read_while_judged_gets_the_verdict_of_the_whole_file() {
        let steps = 30_000;
        let lines = expected_lines(steps);
        assert_eq!(
            lines[1], "1-th x: 2.4000",
            "the reference, by hand: 3 - 3/5"
        );
        let join =
            |l: &[String], end: &str| l.iter().map(|s| format!("{s}{end}")).collect::<String>();
        let exact = join(&lines, "\n");
        let mut marked = vec![0xEF, 0xBB, 0xBF];
        marked.extend(join(&lines, "  \r\n").into_bytes());
        marked.extend(b"\n\n   \n");
        let mut blank_inside = lines.clone();
        blank_inside.insert(5, String::new());
        let mut one_wrong = lines.clone();
        one_wrong[20_000] = one_wrong[20_000].replace("-th x: ", "-th x: 1");
        let mut too_many = lines.clone();
        too_many.push("30001-th x: 0.0000".into());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(exact.encode_utf16().flat_map(u16::to_le_bytes));
        let files = [
            ("exact.txt", exact.clone().into_bytes()),
            ("marked.txt", marked),
            ("blank.txt", join(&blank_inside, "\n").into_bytes()),
            ("wrong.txt", join(&one_wrong, "\n").into_bytes()),
            ("more.txt", join(&too_many, "\n").into_bytes()),
            (
                "fewer.txt",
                join(&lines[..lines.len() - 1], "\n").into_bytes(),
            ),
            ("utf16.txt", utf16),
        ];
        let results = both_ways(steps, &files);
        for ((name, _), (whole, file, streamed)) in files.iter().zip(&results) {
            assert_eq!(whole, file, "{name}: the same verdict either way");
            let right = matches!(*name, "exact.txt" | "marked.txt");
            assert_eq!(
                *streamed, right,
                "{name}: judged while read only when exact"
            );
            let same_text = matches!(*name, "blank.txt" | "utf16.txt");
            assert_eq!(
                whole.status == Status::Correct,
                right || same_text,
                "{name}"
            );
        }
        assert_eq!(results[0].1.score, 20.0);
        assert_eq!(results[0].1.feedback, "all 30001 lines right");
    }

    #[test]
    fn a_short_trace_is_never_judged_while_read() {
        let results = both_ways(
            20,
            &[(
                "short.txt",
                expected_lines(20)
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect::<String>()
                    .into_bytes(),
            )],
        );
        let (whole, file, streamed) = &results[0];
        assert!(!streamed);
        assert_eq!(whole, file);
        // Short traces list every line.
        assert_eq!(file.lines.as_ref().map(|l| l.lines.len()), Some(21));
    }
}
