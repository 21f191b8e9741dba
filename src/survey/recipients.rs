//! The recipient list: a CSV file with `name,email` and any extra columns
//! (`centre`, `region`, ...) that templates and the report can use.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use lettre::Address;

use crate::problems::Problems;

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

/// Reads a recipient list row by row (see [`Rows`]). Only a list that
/// cannot be read at all (no file, no header) is an error.
pub fn load_rows(path: &Path) -> Result<Rows, Problems> {
    let mut problems = Problems::default();
    let mut held = Vec::new();
    let mut reader = match csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
    {
        Ok(reader) => reader,
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
        Ok(headers) => headers.clone(),
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
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(name_col), Some(email_col)) = (column("name"), column("email")) else {
        problems.at(
            path,
            Some((1, None)),
            format!(
                "the header row must have 'name' and 'email' columns (found: {})",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
            "make the first row name,email followed by any extra columns",
        );
        return Err(problems);
    };
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut recipients = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map(|p| (p.line() as usize, None));
                problems.at(
                    path,
                    line,
                    format!("unreadable row: {err}"),
                    "every row needs as many fields as the header",
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let email = record.get(email_col).unwrap_or_default().to_owned();
        let name = record.get(name_col).unwrap_or_default().to_owned();
        // A line break or other control character would end up in a mail
        // header (lettre panics on one in a name); never let it through.
        if let Some((column, c)) = headers
            .iter()
            .zip(record.iter())
            .find_map(|(header, field)| {
                field
                    .chars()
                    .find(|c| c.is_control())
                    .map(|c| (header.to_owned(), c))
            })
        {
            problems.at(
                path,
                Some((line as usize, None)),
                format!(
                    "the '{column}' field of '{}' holds a line break or control character (U+{:04X}); this row is not applied, the person keeps what they had",
                    email.escape_debug(),
                    c as u32
                ),
                "remove the line break or control character from the field",
            );
            held.push(email.trim().to_lowercase());
            continue;
        }
        if email.parse::<Address>().is_err() {
            problems.at(
                path,
                Some((line as usize, None)),
                format!("'{email}' is not a valid email address"),
                "correct the address or remove the row",
            );
            continue;
        }
        if let Some(first) = seen.insert(email.to_lowercase(), line) {
            problems.at(
                path,
                Some((line as usize, None)),
                format!("'{email}' is listed twice (first on line {first}); addresses are compared without regard to case"),
                "remove one of the rows",
            );
            seen.insert(email.to_lowercase(), first);
            continue;
        }
        if name.is_empty() {
            problems.at(
                path,
                Some((line as usize, None)),
                format!("no name for '{email}'"),
                "fill in the name column",
            );
        }
        let attributes = headers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != name_col && *i != email_col)
            .map(|(i, header)| {
                (
                    header.to_owned(),
                    record.get(i).unwrap_or_default().to_owned(),
                )
            })
            .collect();
        recipients.push(Recipient {
            name,
            email,
            attributes,
        });
    }
    Ok(Rows {
        good: recipients,
        held,
        problems,
    })
}

/// The extra column names of a list (for template checks).
pub fn columns(path: &Path) -> Vec<String> {
    csv::Reader::from_path(path)
        .and_then(|mut r| r.headers().cloned())
        .map(|h| h.iter().map(str::to_owned).collect())
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

    #[test]
    fn keeps_extra_columns() {
        let csv = write("name,email,centre\nDr A,a@x.test,North\n");
        let list = load(csv.path()).unwrap();
        assert_eq!(list[0].attributes["centre"], "North");
        assert_eq!(list[0].key(), "a@x.test");
    }
}
