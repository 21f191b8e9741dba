//! Files that hold personal data (the store with raw replies, answers and
//! tokens; reports and exports; dry-run emails with their tokens) are
//! created readable by their owner only, whatever the process umask: files
//! 0600, directories we create 0700. A umask of 022 would otherwise leave
//! every doctor's answers readable by every account on the machine.
//!
//! Existing directories are left as they are (the lead chose them); an
//! existing store file that others can read is tightened, and the caller is
//! told so it can say it.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::{Error, Result};

/// Mode of every file we write.
pub const FILE_MODE: u32 = 0o600;
/// Mode of every directory we create.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` and any missing parents, each new one 0700 (the umask can
/// only take bits away, so the mode is set again afterwards).
pub fn create_dir_all(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        create_dir_all(parent)?;
    }
    match DirBuilder::new().mode(DIR_MODE).create(dir) {
        Ok(()) => std::fs::set_permissions(dir, Permissions::from_mode(DIR_MODE))
            .map_err(|e| Error::io(dir, e)),
        // Another process made it meanwhile.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(Error::io(dir, e)),
    }
}

/// Writes `bytes` to `path` (replacing it), as a 0600 file.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    create(path)?
        .write_all(bytes)
        .map_err(|e| Error::io(path, e))
}

/// Creates `path` (replacing it) as a 0600 file open for writing, for a
/// file written piece by piece.
pub fn create(path: &Path) -> Result<std::fs::File> {
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(FILE_MODE)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    // An existing file keeps its mode through open(2): set it.
    file.set_permissions(Permissions::from_mode(FILE_MODE))
        .map_err(|e| Error::io(path, e))?;
    Ok(file)
}

/// Makes sure the store file at `path` exists and is 0600 before SQLite
/// opens it (SQLite gives its `-wal` and `-shm` files the database file's
/// mode). Returns the old mode when an existing file, or its `-wal`/`-shm`,
/// was readable or writable by others and has been tightened.
pub fn prepare_database(path: &Path) -> Result<Option<u32>> {
    if let Some(dir) = path.parent() {
        create_dir_all(dir)?;
    }
    let mut loosest = None;
    for suffix in ["", "-wal", "-shm"] {
        let file = path.with_file_name(format!(
            "{}{suffix}",
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
        match std::fs::metadata(&file) {
            Ok(meta) => {
                let mode = meta.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    std::fs::set_permissions(&file, Permissions::from_mode(FILE_MODE))
                        .map_err(|e| Error::io(&file, e))?;
                    loosest.get_or_insert(mode);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && suffix.is_empty() => {
                OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(FILE_MODE)
                    .open(&file)
                    .and_then(|f| f.set_permissions(Permissions::from_mode(FILE_MODE)))
                    .or_else(|e| {
                        // Created by another process meanwhile: fine.
                        if e.kind() == std::io::ErrorKind::AlreadyExists {
                            Ok(())
                        } else {
                            Err(e)
                        }
                    })
                    .map_err(|e| Error::io(&file, e))?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&file, e)),
        }
    }
    Ok(loosest)
}

/// The mode of a secret's file when others than its owner may read or
/// write it (`None` when it is private or cannot be read: reading it
/// reports that).
pub fn exposed(path: &Path) -> Option<u32> {
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn files_are_0600_and_new_directories_0700() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        create_dir_all(&dir).unwrap();
        assert_eq!(mode(&root.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("f.csv");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, Permissions::from_mode(0o644)).unwrap();
        write(&file, b"new").unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
    }

    #[test]
    fn a_loose_store_file_is_tightened_and_reported() {
        let root = tempfile::tempdir().unwrap();
        let db = root.path().join("new/state.db");
        assert_eq!(prepare_database(&db).unwrap(), None);
        assert_eq!(mode(&db), 0o600);
        std::fs::set_permissions(&db, Permissions::from_mode(0o644)).unwrap();
        std::fs::write(root.path().join("new/state.db-wal"), "").unwrap();
        std::fs::set_permissions(
            root.path().join("new/state.db-wal"),
            Permissions::from_mode(0o666),
        )
        .unwrap();
        assert_eq!(prepare_database(&db).unwrap(), Some(0o644));
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(&root.path().join("new/state.db-wal")), 0o600);
        assert_eq!(exposed(&db), None);
        std::fs::set_permissions(&db, Permissions::from_mode(0o640)).unwrap();
        assert_eq!(exposed(&db), Some(0o640));
    }
}
