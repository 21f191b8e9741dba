//! The survey files a service runs: which files a path names, loading one
//! (with the fingerprint that tells a reload whether it changed), and
//! opening its store, shared by the surveys kept in one database. Apart
//! from the supervisor because what counts as a change and which handle a
//! database gets are decisions of their own, made once per file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::run::daemon;
use crate::store::Store;
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::{Error, Result};

/// The survey files `path` names: itself, or the `*.toml` files in it
/// (sorted, so logs and STATUS keep one order).
pub fn survey_files(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        let file = entry.path();
        if file.extension().is_some_and(|e| e == "toml") && file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// A loaded survey and what tells whether its files changed since.
pub(super) struct Loaded {
    pub(super) survey: Survey,
    pub(super) templates: Templates,
    pub(super) fingerprint: Vec<u8>,
}

/// The survey file's bytes and the templates' names and bytes: a reload
/// replaces the daemon only when one of them changed.
pub(super) fn fingerprint(path: &Path, survey: Option<&Survey>) -> Vec<u8> {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    hash.update(std::fs::read(path).unwrap_or_default());
    if let Some(dir) = survey.and_then(|s| s.templates_dir.as_ref())
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        let mut files: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        files.sort();
        for file in files {
            hash.update(file.as_os_str().as_encoded_bytes());
            hash.update(std::fs::read(&file).unwrap_or_default());
        }
    }
    hash.finalize().to_vec()
}

pub(super) fn load(path: &Path) -> Result<Loaded> {
    let (survey, templates) = daemon::load(path)?;
    crate::connect::credentials::warn_if_exposed(&survey);
    let fingerprint = fingerprint(path, Some(&survey));
    Ok(Loaded {
        survey,
        templates,
        fingerprint,
    })
}

/// The survey's store: the handle already open on its database, or a new one.
pub(super) fn open_store(
    stores: &mut BTreeMap<PathBuf, Store>,
    survey: &Survey,
    now: Timestamp,
) -> Result<Store> {
    let store = match stores.get(&survey.database) {
        Some(store) => store.clone(),
        None => {
            let store = Store::open(&survey.database)?;
            stores.insert(survey.database.clone(), store.clone());
            store
        }
    };
    // A lock held through the wait is named (file and holder); for a
    // single file the service then exits and its unit restarts it.
    store
        .ensure_survey(survey, now)
        .map_err(|err| err.at_database(&survey.database))?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_lists_its_survey_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.toml", "a.toml", "notes.txt"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("credentials")).unwrap();
        let files = survey_files(dir.path()).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        let one = dir.path().join("a.toml");
        assert_eq!(survey_files(&one).unwrap(), vec![one]);
    }
}
