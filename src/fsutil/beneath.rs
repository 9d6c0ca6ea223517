//! Opening a file named inside a folder without ever leaving it, however deep the folder is.
//!
//! An answer file names its traces relative to its own folder. The name is first normalised
//! lexically (by the caller); then, on Linux, the file is opened with `openat2` and
//! `RESOLVE_BENEATH` relative to the folder: the kernel refuses any path, symbolic links
//! included, that resolves outside it, and no absolute path is ever built, so a class folder
//! nested deeper than `PATH_MAX` reads like any other. Elsewhere (or on a kernel without
//! `openat2`) the real paths are compared, which needs the absolute path to fit in
//! `PATH_MAX`.

use std::fs::File;
use std::path::Path;

use super::{ReadError, open_regular, special_kind};

/// Why a file inside a folder could not be opened.
#[derive(Debug)]
pub(crate) enum BeneathError {
    /// The path resolves outside the folder (through a symbolic link).
    Outside,
    /// It could not be read.
    Read(ReadError),
}

impl From<ReadError> for BeneathError {
    fn from(e: ReadError) -> Self {
        BeneathError::Read(e)
    }
}

impl From<std::io::Error> for BeneathError {
    fn from(e: std::io::Error) -> Self {
        BeneathError::Read(ReadError::Io(e))
    }
}

/// Opens the regular file `rel` (relative, already normalised) inside `dir` for reading,
/// non-blocking, refusing a path that resolves outside `dir` and anything but a regular file.
pub(crate) fn open_beneath(dir: &Path, rel: &Path) -> Result<File, BeneathError> {
    #[cfg(target_os = "linux")]
    if let Some(opened) = linux::open_beneath(dir, rel) {
        let f = opened?;
        if let Some(kind) = special_kind(&f.metadata()?) {
            return Err(ReadError::NotRegular(kind).into());
        }
        return Ok(f);
    }
    let full = dir.join(rel);
    match (full.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(base)) if !real.starts_with(&base) => return Err(BeneathError::Outside),
        (Err(e), _) => return Err(e.into()),
        _ => {}
    }
    Ok(open_regular(&full)?)
}

/// Whether the folder `inner` is `outer` or inside it, followed through links. On Unix the
/// folders are compared by device and inode, climbing from `inner` through `..` one level at
/// a time (relative to the last), so no absolute path is built and any depth works.
pub(crate) fn is_within(inner: &Path, outer: &Path) -> std::io::Result<bool> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let id = |st: &rustix::fs::Stat| (st.st_dev, st.st_ino);
        let target = id(&rustix::fs::stat(outer)?);
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let mut fd = rustix::fs::open(inner, flags, Mode::empty())?;
        // Bounded: a folder tree deeper than this is not a class folder.
        for _ in 0..100_000 {
            let here = id(&rustix::fs::fstat(&fd)?);
            if here == target {
                return Ok(true);
            }
            let up = rustix::fs::openat(&fd, "..", flags, Mode::empty())?;
            if id(&rustix::fs::fstat(&up)?) == here {
                // The root: its `..` is itself.
                return Ok(false);
            }
            fd = up;
        }
        Ok(false)
    }
    #[cfg(not(unix))]
    {
        Ok(inner.canonicalize()?.starts_with(outer.canonicalize()?))
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::fs::File;
    use std::path::Path;

    use rustix::fs::{Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;

    use super::BeneathError;

    /// `openat2(dir, rel, RESOLVE_BENEATH)`; `None` when the kernel has no `openat2` (or a
    /// sandbox forbids it), for the portable way.
    pub(super) fn open_beneath(dir: &Path, rel: &Path) -> Option<Result<File, BeneathError>> {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let dir_fd = match rustix::fs::open(
            dir,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        ) {
            Ok(fd) => fd,
            Err(e) => return Some(Err(std::io::Error::from(e).into())),
        };
        match rustix::fs::openat2(
            &dir_fd,
            rel,
            OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
            ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS,
        ) {
            Ok(fd) => Some(Ok(File::from(fd))),
            Err(Errno::NOSYS | Errno::PERM) => None,
            Err(Errno::XDEV) => Some(Err(BeneathError::Outside)),
            Err(e) => Some(Err(std::io::Error::from(e).into())),
        }
    }
}

/// (A folder deeper than `PATH_MAX` is tested end to end in `tests/deep_class.rs`: it needs
/// a working folder that deep.)
#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::fs::Mode;

    #[test]
    fn a_folder_is_within_itself_and_its_ancestors_only() {
        let root = tempfile::tempdir().expect("temp dir");
        let class = root.path().join("class");
        let deep = class.join("ada").join("traces");
        std::fs::create_dir_all(&deep).expect("dirs");
        std::fs::create_dir(root.path().join("out")).expect("dir");
        assert!(is_within(&deep, &class).expect("compares"));
        assert!(is_within(&class, &class).expect("compares"));
        assert!(!is_within(&class, &deep).expect("compares"));
        assert!(!is_within(&root.path().join("out"), &class).expect("compares"));
        // A link into the class is inside it.
        std::os::unix::fs::symlink(&deep, root.path().join("link")).expect("link");
        assert!(is_within(&root.path().join("link"), &class).expect("compares"));
    }

    #[test]
    fn a_link_out_of_the_folder_is_refused_and_one_inside_is_followed() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("class");
        std::fs::create_dir(&dir).expect("dir");
        std::fs::write(root.path().join("secret.txt"), "s").expect("w");
        std::fs::write(dir.join("mine.txt"), "m").expect("w");
        std::os::unix::fs::symlink("../secret.txt", dir.join("out")).expect("link");
        std::os::unix::fs::symlink("mine.txt", dir.join("in")).expect("link");
        assert!(matches!(
            open_beneath(&dir, Path::new("out")),
            Err(BeneathError::Outside)
        ));
        let mut text = String::new();
        let mut f = open_beneath(&dir, Path::new("in")).expect("a link inside");
        std::io::Read::read_to_string(&mut f, &mut text).expect("reads");
        assert_eq!(text, "m");
        std::fs::create_dir(dir.join("sub")).expect("dir");
        assert!(matches!(
            open_beneath(&dir, Path::new("sub")),
            Err(BeneathError::Read(ReadError::NotRegular(_)))
        ));
        rustix::fs::mknodat(
            rustix::fs::CWD,
            dir.join("pipe").as_path(),
            rustix::fs::FileType::Fifo,
            Mode::from_raw_mode(0o644),
            0,
        )
        .expect("fifo");
        assert!(matches!(
            open_beneath(&dir, Path::new("pipe")),
            Err(BeneathError::Read(ReadError::NotRegular(_)))
        ));
    }
}
