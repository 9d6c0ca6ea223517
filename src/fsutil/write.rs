//! Atomic writes: a temporary file created exclusively beside the target, then renamed
//! over it, keeping its permissions; a link or a special file as target is refused.

use std::fs::Metadata;
use std::io::Write;
use std::path::Path;

use super::special_kind;

/// Checks that `path` may be replaced by [`write_atomic`]: it does not exist yet, or it is a
/// regular file (not a symbolic link, folder, FIFO or device). Returns the existing file's
/// metadata.
pub(crate) fn check_output(path: &Path) -> std::io::Result<Option<Metadata>> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
        Ok(meta) => match special_kind(&meta) {
            None => Ok(Some(meta)),
            Some(kind) => Err(std::io::Error::other(format!(
                "it is {kind}; gbl only replaces regular files"
            ))),
        },
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that an interrupted run never leaves a half-written file in place of the last good one.
/// The temporary file is created exclusively under an unpredictable name (a link planted in
/// the folder cannot redirect it); a file that is replaced keeps its permissions; a target
/// that is not a regular file is refused (see [`check_output`]).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the bytes written by `fill` a piece at a time (so that a
/// large file need not be held in memory first).
pub(crate) fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let old = check_output(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut tmp = TempFile::new_in(&dir)?;
    {
        let mut w = std::io::BufWriter::new(&mut tmp.file);
        fill(&mut w)?;
        w.flush()?;
    }
    if let Some(old) = old {
        tmp.file.set_permissions(old.permissions())?;
    }
    tmp.file.sync_all()?;
    std::fs::rename(&tmp.path, path)?;
    tmp.persisted = true;
    Ok(())
}

/// A temporary file created exclusively, with an unpredictable name, in a folder given as it
/// is (relative paths stay relative, so a folder deeper than `PATH_MAX` works); removed
/// unless it was renamed into place.
struct TempFile {
    path: std::path::PathBuf,
    file: std::fs::File,
    persisted: bool,
}

impl TempFile {
    fn new_in(dir: &Path) -> std::io::Result<TempFile> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            // A new file gets the usual mode (0666 less the umask), as `File::create` would.
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o666);
        }
        let mut last = None;
        // A name already taken (even by a planted link: `create_new` follows none) is
        // skipped for another.
        for _ in 0..100 {
            let name: String = (0..12).map(|_| fastrand::alphanumeric()).collect();
            let path = dir.join(format!(".gbl-{name}.tmp"));
            match options.open(&path) {
                Ok(file) => {
                    return Ok(TempFile {
                        path,
                        file,
                        persisted: false,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no temporary name left")))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("out.csv");
        write_atomic(&f, b"one").expect("first");
        write_atomic(&f, b"two").expect("second");
        assert_eq!(std::fs::read(&f).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.csv")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_under_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").expect("write");
        let planted = dir
            .path()
            .join(format!(".out.csv.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("link");
        let f = dir.path().join("out.csv");
        write_atomic(&f, b"grades").expect("written");
        assert_eq!(std::fs::read(&victim).expect("read"), b"keep");
        assert_eq!(std::fs::read(&f).expect("read"), b"grades");
    }
}
