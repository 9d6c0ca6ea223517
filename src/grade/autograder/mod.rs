//! Gradescope's autograder in one upload: the files `gbl gradescope` zips.
//!
//! ```text
//! setup.sh         checks that gbl runs (nothing to install)
//! run_autograder   grades /autograder/submission for the student in
//!                  /autograder/submission_metadata.json into /autograder/results/results.json
//! gbl              the gbl binary
//! quiz.yaml        the quiz
//! exercises/ID.yaml  each of the quiz's exercises, as read (bundled ones included)
//! ```
//!
//! Gradescope unzips the package in `/autograder/source` and copies `run_autograder` to
//! `/autograder/`; the script finds everything relative to its own folder, so the same
//! package also runs in any folder laid out the same way. The package uses only its own
//! exercises (`--no-bundled`), so it grades the same whichever gbl built it.

pub(crate) mod zip;

use zip::Entry;

use crate::exercise::load::Loaded;
use crate::grade::export::gradescope::Visibility;

/// The largest gbl binary packaged, in bytes.
pub(crate) const MAX_BINARY_BYTES: u64 = 512 << 20;

/// What goes in the package.
#[derive(Clone, Debug)]
pub(crate) struct Package<'a> {
    /// The quiz file's text.
    pub quiz: &'a str,
    /// The quiz's exercises.
    pub exercises: Vec<&'a Loaded>,
    /// The gbl binary's bytes.
    pub binary: Vec<u8>,
    /// When students see the expected answers.
    pub expected: Visibility,
    /// When students see their results (Gradescope's default: at once).
    pub visibility: Option<Visibility>,
}

/// `setup.sh`: Gradescope runs it once when it builds the image.
const SETUP: &str = "#!/usr/bin/env bash
# Written by `gbl gradescope`. gbl is one binary in /autograder/source: nothing to install.
set -eu
chmod +x /autograder/source/gbl /autograder/source/run_autograder || true
/autograder/source/gbl --version
";

/// `run_autograder`: grades one upload.
fn run_script(expected: Visibility, visibility: Option<Visibility>) -> String {
    let shown = match visibility {
        Some(v) => format!(" \\\n    --visibility {}", flag(v)),
        None => String::new(),
    };
    format!(
        "#!/usr/bin/env bash
# Written by `gbl gradescope`. Gradescope runs it as /autograder/run_autograder, with this
# package in /autograder/source, the student's upload in /autograder/submission and their
# identity in /autograder/submission_metadata.json (which keys their numbers).
set -u
root=\"$(cd \"$(dirname \"$0\")\" && pwd)\"
src=\"$root/source\"
mkdir -p \"$root/results\"
GBL_EXERCISES= \"$src/gbl\" grade \"$src/quiz.yaml\" \"$root/submission\" \\
    --format gradescope --metadata \"$root/submission_metadata.json\" \\
    --no-bundled --exercises \"$src/exercises\" \\
    --expected {}{shown} \\
    --quiet --color never -o \"$root/results/results.json\"
code=$?
# 0 (all right) and 1 (something wrong) both wrote results; 2 means nothing was graded.
if [ \"$code\" -le 1 ] && [ -f \"$root/results/results.json\" ]; then
    exit 0
fi
exit \"$code\"
",
        flag(expected)
    )
}

/// A visibility as the command line writes it.
fn flag(v: Visibility) -> &'static str {
    match v {
        Visibility::Visible => "visible",
        Visibility::Hidden => "hidden",
        Visibility::AfterDueDate => "after-due-date",
        Visibility::AfterPublished => "after-published",
    }
}

/// The package's files, in the order they are zipped.
pub(crate) fn entries(p: &Package) -> Vec<Entry> {
    let mut files = vec![
        Entry {
            name: "setup.sh".into(),
            mode: 0o755,
            bytes: SETUP.as_bytes().to_vec(),
        },
        Entry {
            name: "run_autograder".into(),
            mode: 0o755,
            bytes: run_script(p.expected, p.visibility).into_bytes(),
        },
        Entry {
            name: "quiz.yaml".into(),
            mode: 0o644,
            bytes: p.quiz.as_bytes().to_vec(),
        },
    ];
    for l in &p.exercises {
        files.push(Entry {
            name: format!("exercises/{}.yaml", l.id),
            mode: 0o644,
            bytes: l.source.text.as_bytes().to_vec(),
        });
    }
    files.push(Entry {
        name: "gbl".into(),
        mode: 0o755,
        bytes: p.binary.clone(),
    });
    files
}

/// The package as ZIP bytes.
pub(crate) fn zip(p: &Package) -> Result<Vec<u8>, zip::TooLarge> {
    zip::write(&entries(p))
}

/// The binary's bytes, refusing anything that is not a regular file under the budget.
pub(crate) fn read_binary(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    use anyhow::Context as _;
    use std::io::Read as _;
    let file = crate::fsutil::open_regular(path)
        .map_err(|e| anyhow::anyhow!("cannot package {}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_BINARY_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > MAX_BINARY_BYTES {
        anyhow::bail!(
            "cannot package {}: it is larger than the {} MB a gbl binary may have",
            path.display(),
            MAX_BINARY_BYTES >> 20
        );
    }
    Ok(bytes)
}
