//! Dates, as doctors write them: `03/2025`, `March 2025`, `5 March 2025`,
//! `March 5, 2025`, `2025-03-05`, `05/03/2025`, `2024`. The value is the
//! ISO form of what was given: `2025`, `2025-03` or `2025-03-05`.
//!
//! Day and month in numbers (`05/03/2025`) are read by the question's
//! `date_order` (`dmy` or `mdy`); without it, a date whose two parts are
//! both 12 or under and differ is unclear and asked about, never guessed
//! (one over 12 can only be the day). A word that is no part of a date
//! ("last spring", "recently") makes it unclear; a two-digit year too,
//! but after a day and a month (`14/9/25`, `20.10.26`) or after an
//! apostrophe (`Sept '25`), where it is 20YY. An impossible date
//! (31/02/2025, month 13) is invalid.
//!
//! Linear: the length is limited first, then one pass over the words.

use crate::survey::DateOrder;
use crate::understand::answer::{Answer, Value};

/// The longest answer read as a date, in bytes.
const MAX_LENGTH: usize = 100;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that may stand between the parts ("the 5th of March, 2025").
const FILLERS: &[&str] = &["the", "of", "in", "on"];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    /// Digits (an ordinal's suffix taken off), with their count.
    Number(u32, usize),
    /// A month named in words, 1-12.
    Month(u32),
}

fn month(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == word
                || (word.len() >= 3 && m.starts_with(word) && (word.len() == 3 || word == "sept"))
        })
        .map(|i| i as u32 + 1)
}

/// A month named in words (`march`, `mar`, `sept`), 1-12.
pub(super) fn month_number(word: &str) -> Option<u32> {
    month(word)
}

fn parts(text: &str) -> Result<Vec<Part>, String> {
    let mut out = Vec::new();
    // "mid-November 2026", "end of Nov 2026": a part of a month of a
    // year; the month is the answer. Only before a month and its year
    // ("early 2024" is no month).
    let mut within: Option<String> = None;
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '.'))
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        // `Sept '25`: an apostrophe before two digits marks a year of this
        // century.
        if let Some(short) = word.strip_prefix(['\'', '’'])
            && short.len() == 2
            && short.bytes().all(|b| b.is_ascii_digit())
        {
            out.push(Part::Number(2000 + short.parse::<u32>().unwrap_or(0), 4));
            if out.len() > 3 {
                return Err("more parts than a date has".to_owned());
            }
            continue;
        }
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 4 {
                return Err(format!("'{word}' is not part of a date"));
            }
            out.push(Part::Number(digits.parse().unwrap_or(0), digits.len()));
        } else if let Some(m) = month(&word) {
            out.push(Part::Month(m));
        } else if out.is_empty() && WITHIN_MONTH.contains(&word.as_str()) {
            within.get_or_insert(word);
        } else if !FILLERS.contains(&word.as_str()) {
            return Err(format!("'{word}' is not part of a date"));
        }
        if out.len() > 3 {
            return Err("more parts than a date has".to_owned());
        }
    }
    if let Some(word) = within
        && !matches!(out.as_slice(), [Part::Month(_), Part::Number(_, 4)])
    {
        return Err(format!("'{word}' is not part of a date"));
    }
    Ok(out)
}

/// Reads `text` as a date.
pub(super) fn date(text: &str, order: Option<DateOrder>) -> Answer {
    let first = text.lines().next().unwrap_or_default().trim();
    if first.len() > MAX_LENGTH {
        return Answer::unclear("too long to be a date", text);
    }
    // "Mon 30th November 2026": a day of the week beside the date, kept
    // only when it agrees.
    if let Some((day, rest)) = first.split_once(' ')
        && let Some(day) = weekday(&day.to_lowercase())
    {
        let answer = date(rest, order);
        return match &answer.value {
            Some(Value::Text(iso)) if iso.len() == 10 => {
                let agrees = iso
                    .parse::<jiff::civil::Date>()
                    .is_ok_and(|d| d.weekday().to_monday_one_offset() == day);
                if agrees {
                    Answer::ok(Value::Text(iso.clone()), text)
                } else {
                    Answer::unclear("the day of the week does not agree with the date", text)
                }
            }
            _ => Answer::unclear("a day of the week beside no whole date", text),
        };
    }
    let parts = match parts(first) {
        Ok(parts) => parts,
        Err(why) => return Answer::unclear(why, text),
    };
    use Part::*;
    // A two-digit year is 20YY only after a day and a month (`14/9/25`,
    // `20.10.26`, `5 March 25`): "03/25" or "March 25" could be a day.
    let full = parts.len() == 3;
    let year = |y: u32, digits: usize| -> Result<i16, Answer> {
        let (y, digits) = if digits == 2 && full {
            (2000 + y, 4)
        } else {
            (y, digits)
        };
        if digits != 4 {
            return Err(Answer::unclear(
                "the year in two digits: write it in full",
                text,
            ));
        }
        if !(1900..=2100).contains(&y) {
            return Err(Answer::invalid(
                format!("{y} is not a plausible year"),
                text,
            ));
        }
        Ok(y as i16)
    };
    let read = match parts.as_slice() {
        [Number(y, 4)] => year(*y, 4).map(|y| (y, None, None)),
        [Month(m), Number(y, d)] | [Number(y, d @ 4), Month(m)] => {
            year(*y, *d).map(|y| (y, Some(*m), None))
        }
        [Number(m, _), Number(y, 4)] | [Number(y, 4), Number(m, _)] => {
            year(*y, 4).map(|y| (y, Some(*m), None))
        }
        [Number(day, _), Month(m), Number(y, d)] | [Month(m), Number(day, _), Number(y, d)] => {
            year(*y, *d).map(|y| (y, Some(*m), Some(*day)))
        }
        [Number(y, 4), Number(m, _), Number(day, _)] => {
            year(*y, 4).map(|y| (y, Some(*m), Some(*day)))
        }
        [Number(a, _), Number(b, _), Number(y, d)] => year(*y, *d).and_then(|y| {
            let (day, month) = match (*a > 12, *b > 12, order) {
                (true, false, _) => (*a, *b),
                (false, true, _) => (*b, *a),
                (true, true, _) => {
                    return Err(Answer::invalid("neither part can be the month", text));
                }
                (false, false, _) if a == b => (*a, *b),
                (false, false, Some(DateOrder::Dmy)) => (*a, *b),
                (false, false, Some(DateOrder::Mdy)) => (*b, *a),
                (false, false, None) => {
                    return Err(Answer::unclear(
                        "day and month could be either way round: write the month in words",
                        text,
                    ));
                }
            };
            Ok((y, Some(month), Some(day)))
        }),
        [] => Err(Answer::unclear("no date found", text)),
        _ => Err(Answer::unclear("not a date we can read for certain", text)),
    };
    let (y, m, d) = match read {
        Ok(read) => read,
        Err(answer) => return answer,
    };
    let iso = match (m, d) {
        (None, _) => format!("{y:04}"),
        (Some(m), None) if (1..=12).contains(&m) => format!("{y:04}-{m:02}"),
        (Some(m), Some(d)) if jiff::civil::Date::new(y, m as i8, d as i8).is_ok() => {
            format!("{y:04}-{m:02}-{d:02}")
        }
        _ => return Answer::invalid("no such date", text),
    };
    Answer::ok(Value::Text(iso), text)
}

/// A date said relative to the day it was written, as `today` (the reply's
/// date) makes it: "yesterday", "today", "last month", "this month", "last
/// year", "this year", "last October" (the last October before this
/// month): its ISO form, day, month or year as precise as the words.
/// `None` for anything else, and for "last January" written in January
/// (this month, or a year ago?).
pub(crate) fn relative(text: &str, today: jiff::civil::Date) -> Option<String> {
    let first = text.lines().next().unwrap_or_default().trim();
    if first.len() > MAX_LENGTH {
        return None;
    }
    relative_words(first, today).or_else(|| {
        // "Earlier today (CSCI on the ward)", "Boxing Day - a new
        // admission": a remark after the date, never a doubt or another
        // date ("yesterday, or maybe the day before", "today?").
        let at = [" (", " - ", " – ", " — ", ", ", "; "]
            .iter()
            .filter_map(|sep| first.find(sep))
            .min()?;
        let remark = first[at..].to_lowercase();
        if super::doubt::doubted(first) || remark.contains('?') || remark.contains(" or ") {
            return None;
        }
        relative_words(&first[..at], today)
    })
}

/// [`relative`] of the whole of `first`, the answer's first line.
fn relative_words(first: &str, today: jiff::civil::Date) -> Option<String> {
    let first = first
        .trim_end_matches(['.', '!'])
        .to_lowercase()
        .replace(['\'', '’'], "");
    let words: Vec<&str> = first.split_whitespace().collect();
    let (year, month) = (today.year(), today.month());
    let month_before = |y: i16, m: i8| if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    Some(match words.as_slice() {
        ["yesterday"] | ["yesterday", "morning" | "afternoon" | "evening"] => {
            today.yesterday().ok()?.to_string()
        }
        ["today"] | ["earlier", "today"] | ["this", "morning" | "afternoon"] => today.to_string(),
        ["the", "day", "before", "yesterday"] => {
            today.yesterday().ok()?.yesterday().ok()?.to_string()
        }
        ["last", "night"] => today.yesterday().ok()?.to_string(),
        ["last", "month"] => {
            let (y, m) = month_before(year, month);
            format!("{y:04}-{m:02}")
        }
        ["this", "month"] => format!("{year:04}-{month:02}"),
        ["last", "year"] => format!("{:04}", year - 1),
        ["this", "year"] => format!("{year:04}"),
        ["last", name] => {
            let named = i8::try_from(month_number(name)?).ok()?;
            if named == month {
                return None;
            }
            let y = if named < month { year } else { year - 1 };
            format!("{y:04}-{named:02}")
        }
        _ => {
            return holiday(&words, today)
                .or_else(|| week_commencing(&words, today))
                .or_else(|| weekday_gone(&words, today))
                .or_else(|| weekday_beside(&words, today))
                .or_else(|| without_year(&words, today));
        }
    })
}

/// The days of the week as written ("Mon", "Tues", "Thursday"), Monday
/// first.
const WEEKDAYS: [&[&str]; 7] = [
    &["monday", "mon"],
    &["tuesday", "tue", "tues"],
    &["wednesday", "wed", "weds"],
    &["thursday", "thu", "thur", "thurs"],
    &["friday", "fri"],
    &["saturday", "sat"],
    &["sunday", "sun"],
];

/// A day of the week named by `word` (a comma or dot after it taken
/// off), Monday 1 to Sunday 7.
fn weekday(word: &str) -> Option<i8> {
    let word = word.trim_end_matches([',', '.']);
    WEEKDAYS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as i8 + 1)
}

/// "Friday just gone", "this past Tuesday", "Monday just passed": the
/// most recent such day before `today`. `None` on that very day (today, or
/// a week ago?), and for "last Friday" (the one just gone, or the one
/// before?).
fn weekday_gone(words: &[&str], today: jiff::civil::Date) -> Option<String> {
    let day = match words {
        [day, "just", "gone" | "passed" | "past"] | ["this", "past", day] => weekday(day)?,
        _ => return None,
    };
    let back = (today.weekday().to_monday_one_offset() - day).rem_euclid(7);
    if back == 0 {
        return None;
    }
    Some(
        today
            .checked_sub(jiff::Span::new().days(back))
            .ok()?
            .to_string(),
    )
}

/// "Mon 30th Nov", "Tuesday 8 December": a day of the week beside a
/// day and month without a year. The weekday is dropped; the date is read
/// as [`without_year`] reads it, and only when the weekday agrees with it
/// (else which is meant?).
fn weekday_beside(words: &[&str], today: jiff::civil::Date) -> Option<String> {
    let (day, rest) = words.split_first()?;
    let day = weekday(day)?;
    let iso = without_year(rest, today)?;
    let date = iso.parse::<jiff::civil::Date>().ok()?;
    (date.weekday().to_monday_one_offset() == day).then_some(iso)
}

/// Days of the year known by name ("Boxing Day", "New Year's Eve",
/// "Christmas Eve"; the apostrophe taken off): their day and month.
const HOLIDAYS: &[(&[&str], i8, i8)] = &[
    (&["christmas", "eve"], 24, 12),
    (&["christmas", "day"], 25, 12),
    (&["xmas", "eve"], 24, 12),
    (&["xmas", "day"], 25, 12),
    (&["boxing", "day"], 26, 12),
    (&["new", "years", "eve"], 31, 12),
    (&["new", "years", "day"], 1, 1),
];

/// A day known by name ([`HOLIDAYS`]), perhaps after "on": the most
/// recent one on or before `today`, as a day and month without a year is
/// ([`without_year`]).
fn holiday(words: &[&str], today: jiff::civil::Date) -> Option<String> {
    let words = words.strip_prefix(&["on"]).unwrap_or(words);
    let &(_, day, month) = HOLIDAYS.iter().find(|(name, _, _)| *name == words)?;
    let day = day.to_string();
    without_year(&[day.as_str(), MONTHS[month as usize - 1]], today)
}

/// "w/c 7th December", "week commencing 7 Dec", "w/b 30/11/2026", "the
/// week of 7th December": a week named by its first day. The month, when
/// the whole week lies within it; `None` when it runs into the next (which
/// month?), and for a first day not read (after `today`, as for
/// [`without_year`]).
fn week_commencing(words: &[&str], today: jiff::civil::Date) -> Option<String> {
    let rest = match words {
        ["w/c" | "w/b" | "wc" | "wb", rest @ ..] => rest,
        [
            "week",
            "commencing" | "beginning" | "starting" | "of",
            rest @ ..,
        ] => rest,
        [
            "the",
            "week",
            "commencing" | "beginning" | "starting" | "of",
            rest @ ..,
        ] => rest,
        _ => return None,
    };
    let first = match date(&rest.join(" "), Some(DateOrder::Dmy)).value {
        Some(Value::Text(iso)) if iso.len() == 10 => iso.parse::<jiff::civil::Date>().ok()?,
        _ => without_year(rest, today)?
            .parse::<jiff::civil::Date>()
            .ok()?,
    };
    if first > today {
        return None;
    }
    let last = first.checked_add(jiff::Span::new().days(6)).ok()?;
    (last.month() == first.month()).then(|| format!("{:04}-{:02}", first.year(), first.month()))
}

/// Words that place a day within its month ("end of November", "mid
/// December"): the month is still the answer.
const WITHIN_MONTH: &[&str] = &[
    "early",
    "mid",
    "middle",
    "late",
    "end",
    "beginning",
    "start",
];

/// Has the part of a month named by `within` ("early", "mid", "end
/// of") begun by its `day`? The start from the 1st, the middle from the
/// 11th, the end from the 21st.
fn begun(within: &[&str], day: i8) -> bool {
    within.iter().all(|w| match *w {
        "early" | "beginning" | "start" => true,
        "mid" | "middle" => day >= 11,
        _ => day >= 21,
    })
}

/// A day and month, or a month alone, written without a year ("8th
/// December", "December 8", "Nov", "end of November"): the most recent
/// one on or before `today` (the reply's date), as precise as the words.
/// `None` for anything else, for a day of the reply's own month after its
/// date (a slip, or a plan?), and for a part of the reply's own month
/// named ("end of December" written on the 18th: not over yet).
fn without_year(words: &[&str], today: jiff::civil::Date) -> Option<String> {
    let words: Vec<&str> = words
        .iter()
        .flat_map(|w| w.split(['-', ',']))
        .filter(|w| !w.is_empty() && !FILLERS.contains(w))
        .collect();
    let day = |w: &str| -> Option<i8> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        let plain = !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th");
        plain.then(|| digits.parse().ok()).flatten()
    };
    let named = |w: &str| month_number(w).and_then(|m| i8::try_from(m).ok());
    let (year, month) = (today.year(), today.month());
    match words.as_slice() {
        // "8th December", "December 8th"; "March 25" (the 25th, or 2025?)
        // needs the ordinal.
        [d, m] | [m, d]
            if day(d).is_some()
                && named(m).is_some()
                && (words[0] == *d || d.ends_with(|c: char| c.is_ascii_alphabetic())) =>
        {
            let (d, m) = (day(d)?, named(m)?);
            let this_year = jiff::civil::Date::new(year, m, d).ok()?;
            let date = if this_year <= today {
                this_year
            } else if m == month {
                return None;
            } else {
                jiff::civil::Date::new(year - 1, m, d).ok()?
            };
            Some(date.to_string())
        }
        [m] => {
            let m = named(m)?;
            let y = if m <= month { year } else { year - 1 };
            Some(format!("{y:04}-{m:02}"))
        }
        [within @ .., m]
            if !within.is_empty() && within.iter().all(|w| WITHIN_MONTH.contains(w)) =>
        {
            let m = named(m)?;
            if m == month {
                // "early December" in December: the month, once the part
                // named has begun ("end of December" on the 18th: not yet).
                return begun(within, today.day()).then(|| format!("{year:04}-{m:02}"));
            }
            let y = if m < month { year } else { year - 1 };
            Some(format!("{y:04}-{m:02}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::answer::Status;

    #[test]
    fn dates_relative_to_the_reply_are_counted_from_its_day() {
        let today = jiff::civil::date(2026, 1, 6);
        for (text, want) in [
            ("Yesterday.", Some("2026-01-05")),
            ("today", Some("2026-01-06")),
            ("Last month", Some("2025-12")),
            ("this month", Some("2026-01")),
            ("last year", Some("2025")),
            ("last October", Some("2025-10")),
            ("last Oct", Some("2025-10")),
            ("last January", None),
            ("last spring", None),
            ("last week", None),
            ("2 years ago", None),
        ] {
            assert_eq!(relative(text, today).as_deref(), want, "{text}");
        }
        let december = jiff::civil::date(2026, 12, 16);
        assert_eq!(relative("last March", december).as_deref(), Some("2026-03"));
    }

    #[test]
    fn dates_without_a_year_are_the_most_recent_before_the_reply() {
        let december = jiff::civil::date(2026, 12, 18);
        for (text, want) in [
            ("8th December", Some("2026-12-08")),
            ("8 Dec", Some("2026-12-08")),
            ("December 8th.", Some("2026-12-08")),
            ("March 25", None),
            ("Dec 8", None),
            ("the 8th of December", Some("2026-12-08")),
            ("18 December", Some("2026-12-18")),
            ("30th November", Some("2026-11-30")),
            ("20th December", None),
            ("25 Dec", None),
            ("3rd January", Some("2026-01-03")),
            ("31 Feb", None),
            ("Nov", Some("2026-11")),
            ("November.", Some("2026-11")),
            ("in November", Some("2026-11")),
            ("Dec", Some("2026-12")),
            ("end of November", Some("2026-11")),
            ("Mid-October", Some("2026-10")),
            ("early Sept", Some("2026-09")),
            ("the beginning of March", Some("2026-03")),
            ("end of December", None),
            ("about 8th December", None),
            ("8th or 9th December", None),
            ("November or December", None),
            ("sometime in November", None),
            ("8/12", None),
            ("a couple of weeks ago", None),
            ("last week", None),
            ("summer", None),
        ] {
            assert_eq!(relative(text, december).as_deref(), want, "{text}");
        }
        let january = jiff::civil::date(2027, 1, 6);
        for (text, want) in [
            ("8th December", Some("2026-12-08")),
            ("Nov", Some("2026-11")),
            ("end of November", Some("2026-11")),
            ("Jan", Some("2027-01")),
            ("6 January", Some("2027-01-06")),
            ("7 January", None),
        ] {
            assert_eq!(relative(text, january).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn days_by_name_weeks_and_remarks_are_counted_from_the_reply() {
        let january = jiff::civil::date(2027, 1, 4);
        for (text, want) in [
            ("New Year's Eve", Some("2026-12-31")),
            ("new years eve", Some("2026-12-31")),
            ("Boxing Day", Some("2026-12-26")),
            ("on Christmas Eve", Some("2026-12-24")),
            ("Christmas Day.", Some("2026-12-25")),
            ("New Year’s Day", Some("2027-01-01")),
            ("Christmas", None),
            ("over Christmas", None),
            ("w/c 7th December", Some("2026-12")),
            ("Week commencing 7 Dec", Some("2026-12")),
            ("the week of 14th December", Some("2026-12")),
            ("w/b 16/11/2026", Some("2026-11")),
            ("w/c 28th December", None),
            ("w/c 4th January", Some("2027-01")),
            ("w/c 11th January", None),
            ("w/c", None),
            ("Earlier today", Some("2027-01-04")),
            ("Earlier today (CSCI on the ward)", Some("2027-01-04")),
            ("this morning", Some("2027-01-04")),
            ("yesterday evening", Some("2027-01-03")),
            (
                "Yesterday - new admission with bone pain",
                Some("2027-01-03"),
            ),
            ("Boxing Day (on call)", Some("2026-12-26")),
            ("yesterday, or maybe the day before", None),
            ("today (I think)", None),
            ("Earlier today?", None),
            ("later today", None),
        ] {
            assert_eq!(relative(text, january).as_deref(), want, "{text}");
        }
        // A day by name in the reply's own month, still to come: unclear.
        let december = jiff::civil::date(2026, 12, 10);
        assert_eq!(relative("Christmas Eve", december), None);
        assert_eq!(relative("w/c 14th December", december), None);
        assert_eq!(relative("New Year's Eve", december), None);
        assert_eq!(
            relative("Boxing Day", jiff::civil::date(2026, 11, 20)).as_deref(),
            Some("2025-12-26")
        );
    }

    #[test]
    fn weekdays_beside_dates_and_days_just_gone() {
        // Thursday 17 December 2026.
        let thursday = jiff::civil::date(2026, 12, 17);
        for (text, want) in [
            ("Mon 30th Nov", Some("2026-11-30")),
            ("Tues 8th Dec", Some("2026-12-08")),
            ("Tuesday, 8 December", Some("2026-12-08")),
            ("Mon 30th Nov (on call)", Some("2026-11-30")),
            ("Wed 8th Dec", None),
            ("Mon Nov", None),
            ("Sat 19th Dec", None),
            ("Friday just gone", Some("2026-12-11")),
            ("this past Monday", Some("2026-12-14")),
            ("Thursday just gone", None),
            ("last Friday", None),
            ("Friday", None),
            ("last night", Some("2026-12-16")),
            ("Last night (on call)", Some("2026-12-16")),
            ("early Dec", Some("2026-12")),
            ("mid December", Some("2026-12")),
            ("end of December", None),
            ("late Dec", None),
        ] {
            assert_eq!(relative(text, thursday).as_deref(), want, "{text}");
        }
        assert_eq!(
            relative("mid December", jiff::civil::date(2026, 12, 4)),
            None
        );
        assert_eq!(
            iso("Monday 30th November 2026", None).as_deref(),
            Some("2026-11-30")
        );
        for unclear in ["Tuesday 30th November 2026", "Mon 2026", "Friday"] {
            assert_eq!(date(unclear, None).status, Status::Unclear, "{unclear}");
        }
    }

    #[test]
    fn a_part_of_a_month_with_its_year_is_the_month() {
        for (text, want) in [
            ("mid-November 2026", "2026-11"),
            ("Mid November 2026", "2026-11"),
            ("end of Nov 2026", "2026-11"),
            ("early March 2025", "2025-03"),
        ] {
            assert_eq!(iso(text, None).as_deref(), Some(want), "{text}");
        }
        for unclear in [
            "early 2024",
            "mid-2025",
            "mid 5 November 2026",
            "November mid 2026",
        ] {
            assert_eq!(date(unclear, None).status, Status::Unclear, "{unclear}");
        }
    }

    fn iso(text: &str, order: Option<DateOrder>) -> Option<String> {
        match date(text, order).value {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        }
    }

    #[test]
    fn dates_as_doctors_write_them() {
        for (text, want) in [
            ("03/2025", "2025-03"),
            ("3/2025", "2025-03"),
            ("2025-03", "2025-03"),
            ("March 2025", "2025-03"),
            ("mar 2025", "2025-03"),
            ("Sept. 2024", "2024-09"),
            ("5 March 2025", "2025-03-05"),
            ("the 5th of March, 2025", "2025-03-05"),
            ("March 5, 2025", "2025-03-05"),
            ("2025-03-05", "2025-03-05"),
            ("25/12/2025", "2025-12-25"),
            ("12/25/2025", "2025-12-25"),
            ("05/05/2025", "2025-05-05"),
            ("2024", "2024"),
            ("2024.", "2024"),
        ] {
            assert_eq!(iso(text, None).as_deref(), Some(want), "{text}");
        }
        assert_eq!(
            iso("05/03/2025", Some(DateOrder::Dmy)).as_deref(),
            Some("2025-03-05")
        );
        assert_eq!(
            iso("05/03/2025", Some(DateOrder::Mdy)).as_deref(),
            Some("2025-05-03")
        );
        for (text, want) in [
            ("14/9/25", "2025-09-14"),
            ("20.10.26", "2026-10-20"),
            ("5 March 25", "2025-03-05"),
            ("Sept '25", "2025-09"),
            ("Oct ’24", "2024-10"),
        ] {
            assert_eq!(
                iso(text, Some(DateOrder::Dmy)).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for unclear in ["March 25", "3/25", "'25 or '26"] {
            assert_eq!(
                date(unclear, Some(DateOrder::Dmy)).status,
                Status::Unclear,
                "{unclear}"
            );
        }
        for unclear in [
            "05/03/2025",
            "last spring",
            "a couple of months ago",
            "last year",
            "early 2024",
            "recently",
            "03/25",
            "March or April 2025",
            "",
        ] {
            assert_eq!(date(unclear, None).status, Status::Unclear, "{unclear}");
        }
        for invalid in ["31/02/2025", "13/2025", "32/13/2025", "1850"] {
            assert_eq!(date(invalid, None).status, Status::Invalid, "{invalid}");
        }
        assert_eq!(date(&"1 ".repeat(10_000), None).status, Status::Unclear);
    }
}
