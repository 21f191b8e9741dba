//! The recipient list: a CSV file, or the first sheet of an Excel workbook
//! (`.xlsx`, read with calamine), with `name,email` and any extra columns
//! (`centre`, `region`, ...) that templates and the report can use. Both
//! go through the same checks; a workbook's problems name the sheet, row
//! and column.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use lettre::Address;

use crate::survey::problems::Problems;

/// One person to invite, as listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Recipient {
    /// Name as written in the list.
    pub name: String,
    /// Address as written in the list.
    pub email: String,
    /// Every other column, by header.
    pub attributes: BTreeMap<String, String>,
}

impl Recipient {
    /// The address compared without regard to case: two rows that differ
    /// only in case are the same person.
    pub fn key(&self) -> String {
        self.email.to_lowercase()
    }
}

/// Reads and checks a recipient list; every bad row is reported with its
/// line.
pub fn load(path: &Path) -> Result<Vec<Recipient>, Problems> {
    let list = load_rows(path)?;
    list.problems.into_result(list.good)
}

/// A recipient list read row by row: the rows that passed, and those that
/// did not, so that a bad row keeps that person's last good state while
/// every other row applies.
#[derive(Debug, Default)]
pub struct Rows {
    /// The rows that passed every check.
    pub good: Vec<Recipient>,
    /// The addresses (compared without regard to case) of rows that failed
    /// a check but could still be told apart: they keep what they had.
    pub held: Vec<String>,
    /// What was wrong, with file, line and fix.
    pub problems: Problems,
}

/// Where a row or cell is: a line of a CSV file, or a row (and column) of
/// a workbook's sheet, as Excel numbers them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// 1-based line of the CSV file.
    Line(usize),
    /// A row of the first sheet of a workbook, 1-based as Excel shows it.
    Sheet {
        /// The sheet's name.
        sheet: String,
        /// 1-based row.
        row: usize,
        /// 0-based index of the sheet's first column in the used range.
        first_column: usize,
    },
}

impl Place {
    /// Records a problem at this place, in `column` (index into the row)
    /// when it concerns one cell. A sheet's place is named in the message,
    /// since a workbook has no lines: `sheet 'Doctors', row 3, column B
    /// (email): ...`.
    fn problem(
        &self,
        problems: &mut Problems,
        path: &Path,
        column: Option<(usize, &str)>,
        message: String,
        fix: &str,
    ) {
        match self {
            Place::Line(line) => problems.at(path, Some((*line, None)), message, fix),
            Place::Sheet {
                sheet,
                row,
                first_column,
            } => {
                let (number, named) = match column {
                    Some((i, header)) => {
                        let letter = column_letter(first_column + i);
                        (
                            Some(first_column + i + 1),
                            format!(", column {letter} ({header})"),
                        )
                    }
                    None => (None, String::new()),
                };
                problems.at(
                    path,
                    Some((*row, number)),
                    format!("sheet '{sheet}', row {row}{named}: {message}"),
                    fix,
                );
            }
        }
    }

    /// The line or row number, for "first on line N".
    fn number(&self) -> usize {
        match self {
            Place::Line(line) => *line,
            Place::Sheet { row, .. } => *row,
        }
    }

    fn noun(&self) -> &'static str {
        match self {
            Place::Line(_) => "line",
            Place::Sheet { .. } => "row",
        }
    }
}

/// `A`, ..., `Z`, `AA`, ... for a 0-based column index.
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A recipient list's header and where its rows come from, whatever file
/// it is: a CSV file is read a row at a time (a list of a million people
/// is never held), a workbook's sheet as calamine reads it (at most
/// [`MAX_WORKBOOK_BYTES`] on disk).
struct Table {
    /// Where the header row is.
    header_place: Place,
    /// The header row.
    headers: Vec<String>,
    /// The rows not yet read.
    rows: Source,
}

/// The rows of a [`Table`] not yet read.
enum Source {
    /// A CSV file, read as the rows are asked for.
    Csv(Box<csv::Reader<std::fs::File>>),
    /// A workbook's rows: each one's place and cells, or why it could not
    /// be read.
    Sheet(std::vec::IntoIter<(Place, Result<Vec<String>, String>)>),
}

/// Is `path` an Excel workbook (by its extension)?
fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Reads the file into a [`Table`]; only a file that cannot be read at
/// all, or has no header row, is an error.
fn read_table(path: &Path) -> Result<Table, Problems> {
    if is_workbook(path) {
        read_workbook(path)
    } else {
        read_csv(path)
    }
}

fn read_csv(path: &Path) -> Result<Table, Problems> {
    let mut problems = Problems::default();
    let mut reader = match std::fs::File::open(path) {
        Ok(file) => csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(file),
        Err(err) => {
            problems.at(
                path,
                None,
                format!("cannot read the recipient list: {err}"),
                "check 'recipients' in the survey file",
            );
            return Err(problems);
        }
    };
    let headers = match reader.headers() {
        Ok(headers) => headers.iter().map(str::to_owned).collect(),
        Err(err) => {
            problems.at(
                path,
                Some((1, None)),
                format!("bad header row: {err}"),
                "the first row must be name,email,...",
            );
            return Err(problems);
        }
    };
    Ok(Table {
        header_place: Place::Line(1),
        headers,
        rows: Source::Csv(Box::new(reader)),
    })
}

/// The largest `.xlsx` file read, in bytes: checked before calamine opens
/// it. A list of 100,000 doctors is about 5 MB.
pub const MAX_WORKBOOK_BYTES: u64 = 20 * 1024 * 1024;
/// The most the workbook's parts may unzip to together, in bytes, as its
/// zip directory declares them (a zip bomb stops here, before calamine
/// unzips anything).
const MAX_WORKBOOK_UNZIPPED: u64 = 200 * 1024 * 1024;
/// More parts than this is not a recipient list.
const MAX_WORKBOOK_ENTRIES: usize = 10_000;

/// Checks the workbook's size on disk, then the number and unzipped size
/// of its parts from the zip directory alone, before anything is parsed.
fn within_workbook_limits(path: &Path) -> Result<(), String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read it: {e}"))?
        .len();
    if size > MAX_WORKBOOK_BYTES {
        return Err(format!(
            "{size} bytes; at most {MAX_WORKBOOK_BYTES} are read"
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    // Not a zip file: calamine says so in its own words below.
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    if archive.len() > MAX_WORKBOOK_ENTRIES {
        return Err(format!("{} parts in the workbook", archive.len()));
    }
    let mut unzipped: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| format!("part {i} of the workbook: {e}"))?;
        unzipped = unzipped.saturating_add(entry.size());
    }
    if unzipped > MAX_WORKBOOK_UNZIPPED {
        return Err(format!(
            "its parts unzip to {unzipped} bytes; at most {MAX_WORKBOOK_UNZIPPED} are read"
        ));
    }
    Ok(())
}

/// The first sheet of an `.xlsx` workbook, its first used row the header.
/// Numbers are written as Excel shows them in General format (`12`, not
/// `12.0`); a cell holding an Excel error (`#N/A`) makes its row unreadable.
fn read_workbook(path: &Path) -> Result<Table, Problems> {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut problems = Problems::default();
    let cannot = |problems: &mut Problems, err: String| {
        problems.at(
            path,
            None,
            format!("cannot read the recipient list as an Excel workbook: {err}"),
            "check 'recipients' in the survey file; save the list as .xlsx or .csv",
        );
    };
    if let Err(err) = within_workbook_limits(path) {
        problems.at(
            path,
            None,
            format!("the recipient list is too large to read: {err}"),
            "keep only the list in the workbook's first sheet (no pictures or other sheets), or save it as .csv",
        );
        return Err(problems);
    }
    let mut workbook: Xlsx<_> = match open_workbook(path) {
        Ok(workbook) => workbook,
        Err(err) => {
            cannot(&mut problems, err.to_string());
            return Err(problems);
        }
    };
    let sheet = workbook.sheet_names().first().cloned().unwrap_or_default();
    let range = match workbook.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(err)) => {
            cannot(&mut problems, format!("sheet '{sheet}': {err}"));
            return Err(problems);
        }
        None => {
            cannot(&mut problems, "it has no sheet".to_owned());
            return Err(problems);
        }
    };
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let place = |i: usize| Place::Sheet {
        sheet: sheet.clone(),
        row: first_row as usize + i + 1,
        first_column: first_column as usize,
    };
    let text = |cell: &Data| -> Result<String, String> {
        match cell {
            Data::Error(e) => Err(format!("a cell holds the Excel error {e}")),
            Data::String(s) => Ok(s.trim().to_owned()),
            other => Ok(other.to_string()),
        }
    };
    let mut rows = range.rows().enumerate();
    let Some((_, header)) = rows.next() else {
        problems.at(
            path,
            None,
            format!("sheet '{sheet}' is empty"),
            "the first sheet's first row must be name, email, ...",
        );
        return Err(problems);
    };
    let headers = header
        .iter()
        .map(|cell| text(cell).unwrap_or_default())
        .collect();
    let rows = rows
        // Rows left empty inside the used range are not people.
        .filter(|(_, cells)| cells.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(i, cells)| {
            let cells: Result<Vec<String>, String> = cells.iter().map(text).collect();
            (place(i), cells)
        })
        .collect::<Vec<_>>();
    Ok(Table {
        header_place: place(0),
        headers,
        rows: Source::Sheet(rows.into_iter()),
    })
}

/// Reads a recipient list row by row (see [`Rows`]): a CSV file, or the
/// first sheet of an Excel workbook (`.xlsx`) with the header in its first
/// row. Only a list that cannot be read at all (no file, no header) is an
/// error. Every row is held: [`ListReader`] reads one without holding them.
pub fn load_rows(path: &Path) -> Result<Rows, Problems> {
    let mut reader = ListReader::open(path)?;
    let good = reader.by_ref().collect();
    let (held, problems) = reader.into_held_and_problems();
    Ok(Rows {
        good,
        held,
        problems,
    })
}

/// Checks a recipient list without keeping its rows (only each address,
/// to find those listed twice): every problem, or how many people it
/// lists.
pub fn check(path: &Path) -> Result<usize, Problems> {
    let mut reader = ListReader::open(path)?;
    let listed = reader.by_ref().count();
    reader.into_held_and_problems().1.into_result(listed)
}

/// The file of a recipient list as it was when read: its size, time of
/// last change and inode. The same stamp later means the same file, read
/// again, would give the same rows, so that what was found in it can be
/// kept instead of reading a million rows again
/// ([`ListStamp::settled`] says when a stamp can be relied on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListStamp {
    /// Size in bytes.
    pub size: u64,
    /// Last modification, in nanoseconds since the Unix epoch.
    pub modified_ns: i64,
    /// The file's inode (an editor that saves by renaming makes a new one).
    pub inode: u64,
}

/// The version of the rules a list is checked by: a stamp recorded under
/// other rules is not relied on (a new release's new check is applied to
/// an unchanged file). Raise it with any change to what a row must be.
pub const LIST_RULES: i64 = 1;

/// How long before a read a file must have last changed for its stamp to
/// be relied on: a write within the same tick of the file system's clock
/// as the one before it would leave the time unchanged (ext4 counts in
/// jiffies; FAT and some network file systems in seconds).
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

impl ListStamp {
    /// The stamp of the file at `path` now; `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<ListStamp> {
        std::fs::metadata(path)
            .ok()
            .and_then(|m| ListStamp::from_metadata(&m))
    }

    fn from_metadata(meta: &std::fs::Metadata) -> Option<ListStamp> {
        use std::os::unix::fs::MetadataExt;
        let modified = meta.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(ListStamp {
            size: meta.len(),
            modified_ns: i64::try_from(since.as_nanos()).ok()?,
            inode: meta.ino(),
        })
    }

    /// Can this stamp, taken when a read began at `read_at`, be relied on
    /// later? Only when the file had last changed well before: a change
    /// made during the read, in the same tick of the file system's clock,
    /// would otherwise go unseen (git's "racily clean" entries).
    pub fn settled(&self, read_at: std::time::SystemTime) -> bool {
        let Ok(read) = read_at.duration_since(std::time::UNIX_EPOCH) else {
            return false;
        };
        i128::from(self.modified_ns) + SETTLED.as_nanos() as i128 <= read.as_nanos() as i128
    }
}

/// A recipient list read a row at a time: an iterator over the rows that
/// pass every check, in the order listed. A row that fails a check is set
/// aside with its reason ([`ListReader::problems`]) and the rest goes on;
/// one whose address can still be told apart is held
/// ([`ListReader::keeps`]: that person keeps their last good state). Only
/// each listed address is kept (to find those listed twice), never the
/// rows.
pub struct ListReader {
    path: std::path::PathBuf,
    headers: Vec<String>,
    name_col: usize,
    email_col: usize,
    rows: Source,
    /// The other columns as a person's attributes are stored: by header
    /// in byte order, a header written twice taking its last column's
    /// value, each with its JSON key (`"centre":`) written once.
    attribute_columns: Vec<(usize, String)>,
    /// The row being read (one buffer for every row of a CSV file).
    record: csv::StringRecord,
    /// Every address that passed, compared without regard to case, with
    /// the line or row it is first on.
    seen: HashMap<Box<str>, usize>,
    held: Vec<String>,
    problems: Problems,
    stamp: Option<ListStamp>,
    read_at: std::time::SystemTime,
}

impl std::fmt::Debug for ListReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListReader")
            .field("path", &self.path)
            .field("listed", &self.seen.len())
            .field("problems", &self.problems.0.len())
            .finish_non_exhaustive()
    }
}

impl ListReader {
    /// Opens a recipient list and reads its header. Only a list that
    /// cannot be read at all (no file, no header with `name` and `email`)
    /// is an error.
    pub fn open(path: &Path) -> Result<ListReader, Problems> {
        let read_at = std::time::SystemTime::now();
        let stamp = ListStamp::of(path);
        let table = read_table(path)?;
        let mut problems = Problems::default();
        let headers = table.headers;
        let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(name_col), Some(email_col)) = (column("name"), column("email")) else {
            let first_row = if is_workbook(path) {
                "first row of the first sheet"
            } else {
                "first row"
            };
            table.header_place.problem(
                &mut problems,
                path,
                None,
                format!(
                    "the header row must have 'name' and 'email' columns (found: {})",
                    headers.join(",")
                ),
                &format!("make the {first_row} name,email followed by any extra columns"),
            );
            return Err(problems);
        };
        let attribute_columns = attribute_columns(&headers, name_col, email_col);
        Ok(ListReader {
            path: path.to_owned(),
            headers,
            name_col,
            email_col,
            rows: table.rows,
            attribute_columns,
            record: csv::StringRecord::new(),
            seen: HashMap::new(),
            held: Vec::new(),
            problems,
            stamp,
            read_at,
        })
    }

    /// The file's stamp when the read began, when it can be relied on
    /// ([`ListStamp::settled`]).
    pub fn settled_stamp(&self) -> Option<ListStamp> {
        self.stamp.filter(|s| s.settled(self.read_at))
    }

    /// The list's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many people passed so far.
    pub fn listed(&self) -> usize {
        self.seen.len()
    }

    /// Is the person of this address (compared without regard to case)
    /// in the list read so far: listed, or held by a row that failed a
    /// check? Nobody else is to be removed once every row is read.
    pub fn keeps(&self, key: &str) -> bool {
        self.seen.contains_key(key) || self.held.iter().any(|h| h == key)
    }

    /// What was wrong so far, with file, line and fix.
    pub fn problems(&self) -> &Problems {
        &self.problems
    }

    /// The held addresses and the problems, once read.
    pub fn into_held_and_problems(self) -> (Vec<String>, Problems) {
        (self.held, self.problems)
    }

    /// The next row as read into `self.record`: its place, or why it
    /// could not be read; `None` at the end.
    fn next_cells(&mut self) -> Option<(Place, Result<(), String>)> {
        match &mut self.rows {
            Source::Sheet(rows) => {
                let (place, cells) = rows.next()?;
                Some((place, cells.map(|cells| self.record = cells.into())))
            }
            Source::Csv(reader) => match reader.read_record(&mut self.record) {
                Ok(false) => None,
                Ok(true) => Some((
                    Place::Line(self.record.position().map_or(0, |p| p.line() as usize)),
                    Ok(()),
                )),
                Err(err) => {
                    let place = Place::Line(err.position().map_or(0, |p| p.line() as usize));
                    let stop = matches!(err.kind(), csv::ErrorKind::Io(_));
                    if stop {
                        // The file cannot be read further: what was read
                        // stands, the rest is a problem.
                        self.rows = Source::Sheet(Vec::new().into_iter());
                    }
                    Some((place, Err(format!("unreadable row: {err}"))))
                }
            },
        }
    }

    /// Checks the row read (`self.record`): does it list a person? If
    /// not, the problem is recorded (and the address held when it can be
    /// told apart). Nothing of the row is copied but its address's key.
    fn check(&mut self, place: Place) -> bool {
        let path = self.path.as_path();
        let headers = &self.headers;
        let problems = &mut self.problems;
        let record = &self.record;
        let (name_col, email_col) = (self.name_col, self.email_col);
        let cell = |i: usize| record.get(i).unwrap_or_default();
        let email = cell(email_col);
        let name = cell(name_col);
        let email_cell = Some((email_col, headers[email_col].as_str()));
        // A line break or other control character would end up in a mail
        // header (lettre panics on one in a name); never let it through.
        if let Some((i, c)) = record
            .iter()
            .enumerate()
            .find_map(|(i, field)| field.chars().find(|c| c.is_control()).map(|c| (i, c)))
        {
            let header = headers.get(i).map_or("", String::as_str);
            place.problem(
                problems,
                path,
                Some((i, header)),
                format!(
                    "the '{header}' field of '{}' holds a line break or control character (U+{:04X}); this row is not applied, the person keeps what they had",
                    email.escape_debug(),
                    c as u32
                ),
                "remove the line break or control character from the field",
            );
            self.held.push(email.trim().to_lowercase());
            return false;
        }
        if email.parse::<Address>().is_err() {
            place.problem(
                problems,
                path,
                email_cell,
                format!("'{email}' is not a valid email address"),
                "correct the address or remove the row",
            );
            return false;
        }
        let key = email.to_lowercase();
        if let Some(first) = self.seen.get(key.as_str()) {
            place.problem(
                problems,
                path,
                email_cell,
                format!(
                    "'{email}' is listed twice (first on {} {first}); addresses are compared without regard to case",
                    place.noun()
                ),
                "remove one of the rows",
            );
            return false;
        }
        self.seen.insert(key.into_boxed_str(), place.number());
        if name.is_empty() {
            place.problem(
                problems,
                path,
                Some((name_col, headers[name_col].as_str())),
                format!("no name for '{email}'"),
                "fill in the name column",
            );
        }
        true
    }

    /// The person of the row read and checked ([`ListReader::check`]).
    fn recipient(&self) -> Recipient {
        let cell = |i: usize| self.record.get(i).unwrap_or_default().to_owned();
        let attributes = self
            .headers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != self.name_col && *i != self.email_col)
            .map(|(i, header)| (header.to_owned(), cell(i)))
            .collect();
        Recipient {
            name: cell(self.name_col),
            email: cell(self.email_col),
            attributes,
        }
    }

    /// The next row that passes every check, as the store takes it in
    /// ([`ListedRow`]); those that do not are set aside with their reason
    /// on the way, as by the iterator. One allocation a row where the
    /// iterator's [`Recipient`] takes about ten (a million people, issue 23).
    pub fn next_row(&mut self) -> Option<ListedRow> {
        loop {
            let (place, cells) = self.next_cells()?;
            match cells {
                Ok(()) => {
                    if self.check(place) {
                        return Some(self.listed_row());
                    }
                }
                Err(err) => self.unreadable(place, err),
            }
        }
    }

    /// The row read and checked as a [`ListedRow`]: address, key, name
    /// and attributes' JSON written into one string.
    fn listed_row(&self) -> ListedRow {
        let cell = |i: usize| self.record.get(i).unwrap_or_default();
        let (email, name) = (cell(self.email_col), cell(self.name_col));
        let values: usize = self
            .attribute_columns
            .iter()
            .map(|(i, key)| key.len() + cell(*i).len() + 3)
            .sum();
        let mut text = String::with_capacity(2 * email.len() + name.len() + values + 2);
        text.push_str(email);
        let email_end = text.len();
        push_lowercase(&mut text, email);
        let key_end = text.len();
        text.push_str(name);
        let name_end = text.len();
        text.push('{');
        for (n, (i, key)) in self.attribute_columns.iter().enumerate() {
            if n > 0 {
                text.push(',');
            }
            text.push_str(key);
            push_json_string(&mut text, cell(*i));
        }
        text.push('}');
        ListedRow {
            text,
            email_end,
            key_end,
            name_end,
        }
    }

    /// A row that could not be read, recorded as a problem.
    fn unreadable(&mut self, place: Place, err: String) {
        place.problem(
            &mut self.problems,
            &self.path,
            None,
            err,
            "every row needs as many fields as the header, and no cell an error",
        );
    }
}

/// One person of the list as the store takes them in, from
/// [`ListReader::next_row`]: what [`Recipient`] holds, with the address's
/// key and the attributes already as stored (the JSON object
/// `serde_json` writes of [`Recipient::attributes`]), in one string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRow {
    text: String,
    email_end: usize,
    key_end: usize,
    name_end: usize,
}

impl ListedRow {
    /// Address as written in the list.
    pub fn email(&self) -> &str {
        &self.text[..self.email_end]
    }

    /// The address compared without regard to case ([`Recipient::key`]).
    pub fn key(&self) -> &str {
        &self.text[self.email_end..self.key_end]
    }

    /// Name as written in the list.
    pub fn name(&self) -> &str {
        &self.text[self.key_end..self.name_end]
    }

    /// Every other column, by header, as the JSON object stored.
    pub fn attributes_json(&self) -> &str {
        &self.text[self.name_end..]
    }
}

/// The columns other than name and email, as [`ListReader`] writes them
/// ([`Recipient::attributes`] is a map: by header in byte order, the last
/// of a header written twice), each with its header as a JSON key.
fn attribute_columns(
    headers: &[String],
    name_col: usize,
    email_col: usize,
) -> Vec<(usize, String)> {
    let mut columns: Vec<(usize, &String)> = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != name_col && *i != email_col)
        .collect();
    // Stable: of equal headers the last column stays last, and is kept.
    columns.sort_by(|a, b| a.1.cmp(b.1));
    let mut kept: Vec<(usize, &String)> = Vec::with_capacity(columns.len());
    for column in columns {
        match kept.last_mut() {
            Some(last) if last.1 == column.1 => *last = column,
            _ => kept.push(column),
        }
    }
    kept.into_iter()
        .map(|(i, header)| {
            let mut key = String::new();
            push_json_string(&mut key, header);
            key.push(':');
            (i, key)
        })
        .collect()
}

/// `s` lowercased onto `text`, as `str::to_lowercase` gives it.
fn push_lowercase(text: &mut String, s: &str) {
    if s.is_ascii() {
        text.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        text.push_str(&s.to_lowercase());
    }
}

/// `s` as a JSON string onto `text`, as `serde_json` writes it.
fn push_json_string(text: &mut String, s: &str) {
    if s.bytes().any(|b| b < 0x20) {
        // Never in a listed row (a control character holds it); serde_json
        // knows its escapes.
        text.push_str(&serde_json::to_string(s).expect("a string serialises"));
        return;
    }
    text.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            text.push('\\');
        }
        text.push(c);
    }
    text.push('"');
}

impl Iterator for ListReader {
    type Item = Recipient;

    /// The next row that passes every check; those that do not are set
    /// aside with their reason on the way.
    fn next(&mut self) -> Option<Recipient> {
        loop {
            let (place, cells) = self.next_cells()?;
            match cells {
                Ok(()) => {
                    if self.check(place) {
                        return Some(self.recipient());
                    }
                }
                Err(err) => self.unreadable(place, err),
            }
        }
    }
}

/// The extra column names of a list (for template checks). A CSV file's
/// header alone is read.
pub fn columns(path: &Path) -> Vec<String> {
    read_table(path)
        .map(|table| table.headers)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
        file
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let csv =
            write("name,email,centre\nA,a@x.test,North\nB,not-an-address,South\nC,A@X.test,West\n");
        let problems = load(csv.path()).unwrap_err();
        let lines: Vec<_> = problems.0.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(3), Some(4)]);
        assert!(
            problems.0[1]
                .message
                .contains("listed twice (first on line 2)")
        );
    }

    #[test]
    fn a_control_character_in_any_field_holds_that_row_only() {
        let csv = write(
            "name,email,centre\n\"Dr A\r\nBcc: x@evil.test\",a@x.test,North\nDr B,b@x.test,\"So\tuth\"\nDr C,c@x.test,West\n",
        );
        let rows = load_rows(csv.path()).unwrap();
        assert_eq!(rows.good.len(), 1);
        assert_eq!(rows.good[0].email, "c@x.test");
        assert_eq!(rows.held, ["a@x.test", "b@x.test"]);
        let lines: Vec<_> = rows.problems.0.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(4)]);
        assert!(
            rows.problems.0[0].message.contains("'name' field"),
            "{}",
            rows.problems
        );
        assert!(load(csv.path()).is_err());
    }

    /// The store's row of a person ([`ListReader::next_row`]) holds what
    /// the iterator's [`Recipient`] does, its attributes exactly as
    /// `serde_json` writes the map, whatever the headers (out of order,
    /// written twice, quotes, backslashes, outside ASCII, empty), and the
    /// same rows are set aside with the same problems.
    #[test]
    fn a_listed_row_is_the_recipient_as_stored() {
        let csv = write(concat!(
            "zone,Email,\"say \"\"hi\"\"\",name,centre,Zone,,centre,back\\slash\n",
            "z1,Dr.A@X.test,q\"uote,Dr A,North,Z1,empty,South,b\\s\n",
            "z2,bad-address,q,Dr B,N,Z,e,S,b\n",
            "z3,b@Klinik-S\u{fc}d.test,\u{e9}t\u{e9},,C3,Z3,e3,D3,\u{1f600}\n",
            "z4,dr.a@x.test,q,Dr A again,N,Z,e,S,b\n",
            "z5,c@x.test,q,\"Dr \tC\",N,Z,e,S,b\n",
            "z6,d@x.test,q,Dr D\n",
            "z7,e@x.test,,Dr E,,,,,\n",
        ));
        let mut people = ListReader::open(csv.path()).unwrap();
        let recipients: Vec<Recipient> = people.by_ref().collect();
        let mut rows = ListReader::open(csv.path()).unwrap();
        let listed: Vec<ListedRow> = std::iter::from_fn(|| rows.next_row()).collect();
        assert_eq!(listed.len(), 3);
        assert_eq!(listed.len(), recipients.len());
        for (row, person) in listed.iter().zip(&recipients) {
            assert_eq!(row.email(), person.email);
            assert_eq!(row.key(), person.key());
            assert_eq!(row.name(), person.name);
            assert_eq!(
                row.attributes_json(),
                serde_json::to_string(&person.attributes).unwrap()
            );
        }
        assert_eq!(
            listed[0].attributes_json(),
            r#"{"":"empty","Zone":"Z1","back\\slash":"b\\s","centre":"South","say \"hi\"":"q\"uote","zone":"z1"}"#
        );
        assert_eq!(listed[1].key(), "b@klinik-s\u{fc}d.test");
        let (held, problems) = people.into_held_and_problems();
        assert_eq!(rows.into_held_and_problems(), (held, problems));
    }

    #[test]
    fn keeps_extra_columns() {
        let csv = write("name,email,centre\nDr A,a@x.test,North\n");
        let list = load(csv.path()).unwrap();
        assert_eq!(list[0].attributes["centre"], "North");
        assert_eq!(list[0].key(), "a@x.test");
    }

    /// Writes a workbook as Excel does (shared strings), `rows[0]` the
    /// header, starting at `at` (0-based row, column) of a sheet named
    /// `Doctors`, with a second sheet that must be ignored.
    fn workbook(rows: &[&[&str]], at: (u32, u16)) -> tempfile::TempPath {
        let path = tempfile::Builder::new()
            .suffix(".xlsx")
            .tempfile()
            .unwrap()
            .into_temp_path();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Doctors").unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (at.0 + r as u32, at.1 + c as u16);
                if cell.is_empty() {
                    continue;
                }
                match cell.parse::<f64>() {
                    Ok(number) => sheet.write_number(r, c, number).unwrap(),
                    Err(_) => sheet.write_string(r, c, *cell).unwrap(),
                };
            }
        }
        let other = book.add_worksheet();
        other.write_string(0, 0, "not a list").unwrap();
        book.save(&path).unwrap();
        path
    }

    #[test]
    fn reads_the_first_sheet_of_a_workbook() {
        let path = workbook(
            &[
                &["Name", "Email", "centre", "beds"],
                &["Dr A", " a@x.test ", "North", "12"],
                &["", "", "", ""],
                &["Dr B", "b@x.test", "", "7.5"],
            ],
            (0, 0),
        );
        let list = load(&path).unwrap();
        assert_eq!(list.len(), 2, "the empty row is no one");
        assert_eq!(
            (list[0].name.as_str(), list[0].email.as_str()),
            ("Dr A", "a@x.test")
        );
        assert_eq!(list[0].attributes["centre"], "North");
        assert_eq!(
            list[0].attributes["beds"], "12",
            "a whole number as Excel shows it"
        );
        assert_eq!(list[1].attributes["beds"], "7.5");
        assert_eq!(list[1].attributes["centre"], "");
        assert_eq!(columns(&path), ["Name", "Email", "centre", "beds"]);
    }

    #[test]
    fn a_workbooks_problems_name_sheet_row_and_column() {
        // The table starts at B3, as a lead's sheet with a title often does.
        let path = workbook(
            &[
                &["name", "email", "centre"],
                &["Dr A", "a@x.test", "North"],
                &["Dr B", "not-an-address", "South"],
                &["Dr C", "A@X.test", "West"],
                &["", "d@x.test", "East"],
                &["Dr E", "e@x.test", "Ea\nst"],
            ],
            (2, 1),
        );
        let rows = load_rows(&path).unwrap();
        assert_eq!(rows.good.len(), 2, "{}", rows.problems);
        assert_eq!(rows.held, ["e@x.test"]);
        let places: Vec<_> = rows.problems.0.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(
            places,
            [
                (Some(5), Some(3)),
                (Some(6), Some(3)),
                (Some(7), Some(2)),
                (Some(8), Some(4))
            ]
        );
        let messages: Vec<&str> = rows.problems.0.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages[0].starts_with("sheet 'Doctors', row 5, column C (email): 'not-an-address'"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1]
                .contains("row 6, column C (email): 'A@X.test' is listed twice (first on row 4)"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].starts_with("sheet 'Doctors', row 7, column B (name): no name"),
            "{}",
            messages[2]
        );
        assert!(
            messages[3]
                .starts_with("sheet 'Doctors', row 8, column D (centre): the 'centre' field"),
            "{}",
            messages[3]
        );
    }

    #[test]
    fn a_workbook_without_the_columns_or_readable_bytes_is_refused() {
        let path = workbook(&[&["who", "address"], &["Dr A", "a@x.test"]], (0, 0));
        let problems = load(&path).unwrap_err();
        assert!(
            problems.0[0]
                .message
                .starts_with("sheet 'Doctors', row 1: the header row must have 'name' and 'email'"),
            "{problems}"
        );
        let not_a_workbook = write("name,email\nDr A,a@x.test\n");
        let renamed = not_a_workbook.path().with_extension("xlsx");
        std::fs::copy(not_a_workbook.path(), &renamed).unwrap();
        let problems = load(&renamed).unwrap_err();
        std::fs::remove_file(&renamed).unwrap();
        assert!(
            problems.0[0]
                .message
                .contains("cannot read the recipient list as an Excel workbook"),
            "{problems}"
        );
    }

    #[test]
    fn a_workbook_over_the_size_limit_is_refused_before_it_is_opened() {
        // Large enough on disk, whatever is inside: the size decides first.
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("doctors.xlsx");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_WORKBOOK_BYTES + 1).unwrap();
        let problems = load(&big).unwrap_err();
        let problem = &problems.0[0];
        assert_eq!(problem.file, big, "{problems}");
        assert!(
            problem.message.starts_with(&format!(
                "the recipient list is too large to read: {} bytes; at most {MAX_WORKBOOK_BYTES} are read",
                MAX_WORKBOOK_BYTES + 1
            )),
            "{problems}"
        );
        assert!(problems.to_string().contains("doctors.xlsx"), "{problems}");
    }

    #[test]
    fn a_workbook_that_unzips_past_the_limit_is_refused_before_it_is_parsed() {
        // A small file whose one part declares (and holds) 201 MB of zeros.
        let dir = tempfile::tempdir().unwrap();
        let bomb = dir.path().join("list.xlsx");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        zip.start_file(
            "xl/worksheets/sheet1.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true),
        )
        .unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..201 {
            std::io::Write::write_all(&mut zip, &zeros).unwrap();
        }
        zip.finish().unwrap();
        assert!(std::fs::metadata(&bomb).unwrap().len() < MAX_WORKBOOK_BYTES);
        let problems = load(&bomb).unwrap_err();
        assert!(
            problems.0[0]
                .message
                .starts_with("the recipient list is too large to read: its parts unzip to"),
            "{problems}"
        );
    }

    #[test]
    fn column_letters_go_past_z() {
        let letters: Vec<String> = [0, 25, 26, 51, 701, 702].map(column_letter).into();
        assert_eq!(letters, ["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    }
}
