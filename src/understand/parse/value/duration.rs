//! Durations, as doctors write them: `10`, `10 yrs`, `ten years`,
//! `2 years and 6 months`, `18 months` (1.5 for a years question). The
//! value is a number in the question's unit, to two decimals.
//!
//! Never guessed: a hedge (`about 10`, `10+`, `over 10`) or a range
//! (`8-10`, `8 to 10`, `8 or 9`) is unclear, and so is a year given for a
//! number of years (`2015`). `since 2015` is a number only with a date to
//! count to: this reader leaves it unclear, and the reply's Date header
//! turns it into an inferred value ([`since`], `understand::classify`).
//!
//! Linear: the length is limited first, then one pass over the words.

use crate::survey::DurationUnit;
use crate::understand::answer::{Answer, Value};

use super::number::NUMBER_WORDS;

/// The longest answer read as a duration, in bytes.
const MAX_LENGTH: usize = 120;

/// Words that make a number approximate, or a bound, not a value.
const HEDGES: &[&str] = &[
    "about",
    "around",
    "approx",
    "approximately",
    "roughly",
    "circa",
    "ca",
    "nearly",
    "almost",
    "over",
    "more",
    "less",
    "under",
    "least",
    "most",
    "maybe",
    "perhaps",
    "probably",
    "ish",
    "odd",
    "some",
    "several",
    "few",
    "couple",
    "plus",
    "just",
    "guess",
    "estimate",
];

/// Words that join two numbers into a range or a choice.
const RANGES: &[&str] = &["to", "or", "between", "and/or"];

/// Words that may stand around a duration without changing it.
const FILLERS: &[&str] = &[
    "i",
    "have",
    "worked",
    "been",
    "for",
    "in",
    "palliative",
    "care",
    "total",
    "a",
    "an",
    "of",
    "and",
    "years'",
    "experience",
    "now",
    "so",
    "far",
    "it",
    "is",
    "its",
    "full",
    "time",
    "fulltime",
    "the",
    "specialty",
    "speciality",
    "exactly",
    "practice",
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn unit_word(word: &str) -> Option<DurationUnit> {
    Some(match word {
        "year" | "years" | "yr" | "yrs" | "y" | "yo" => DurationUnit::Years,
        "month" | "months" | "mo" | "mos" | "mth" | "mths" | "mnths" => DurationUnit::Months,
        "week" | "weeks" | "wk" | "wks" | "w" => DurationUnit::Weeks,
        "day" | "days" | "d" => DurationUnit::Days,
        _ => return None,
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64, usize),
    Word(String),
    /// `-`, `–`, `/` between numbers: a range; `+`, `~`, `?`, `>`, `<`: a hedge.
    Mark(char),
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                let decimal = (d == '.' || d == ',')
                    && text[i + 1..].starts_with(|n: char| n.is_ascii_digit());
                if d.is_ascii_digit() || decimal {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let digits = text[start..end].replace(',', ".");
            let whole = digits.split('.').next().map_or(0, str::len);
            out.push(Token::Number(digits.parse().unwrap_or(0.0), whole));
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphabetic() || d == '\'' || d == '’' {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = text[start..end].to_lowercase().replace('’', "'");
            out.push(Token::Word(word));
        } else if let Some(part) = vulgar_fraction(c) {
            // "2½ years" is 2.5; "½" alone a half.
            match out.last_mut() {
                Some(Token::Number(n, _))
                    if text[..start].ends_with(|d: char| d.is_ascii_digit()) =>
                {
                    *n += part
                }
                _ => out.push(Token::Number(part, 0)),
            }
        } else if "-–—/+~?<>≈≥≤±".contains(c) {
            out.push(Token::Mark(c));
        }
    }
    out
}

/// The value of a fraction written as one character (`½`, `¼`, `¾`).
fn vulgar_fraction(c: char) -> Option<f64> {
    match c {
        '½' => Some(0.5),
        '¼' => Some(0.25),
        '¾' => Some(0.75),
        _ => None,
    }
}

/// A number word (`ten`, `twenty five`, `twenty-five` read as two words)
/// at `words[at..]`: its value and how many words it took.
fn number_word(tokens: &[Token], at: usize) -> Option<(f64, usize)> {
    let Token::Word(word) = &tokens[at] else {
        return None;
    };
    let Some((_, tens)) = TENS.iter().find(|(w, _)| w == word) else {
        return NUMBER_WORDS
            .iter()
            .position(|w| w == word)
            .map(|n| (n as f64, 1));
    };
    let next = |i: usize| match tokens.get(i) {
        Some(Token::Word(w)) => NUMBER_WORDS[1..10]
            .iter()
            .position(|n| n == w)
            .map(|n| n as u32 + 1),
        _ => None,
    };
    match (tokens.get(at + 1), next(at + 1), next(at + 2)) {
        (_, Some(unit), _) => Some(((tens + unit) as f64, 2)),
        (Some(Token::Mark('-')), _, Some(unit)) => Some(((tens + unit) as f64, 3)),
        _ => Some((*tens as f64, 1)),
    }
}

/// Words that say when a duration started: "since 2015", "started in
/// 2012", "began in March 2014".
const STARTS: &[&str] = &["since", "started", "starting", "began", "begun", "from"];

/// Words of a milestone of a doctor's career before their time in the
/// specialty ("Qualified 2005", "graduated in 2003"): said before the
/// start, they are no part of the duration.
const MILESTONES: &[&str] = &["qualified", "graduated", "qualifying", "graduating"];

/// "Qualified 2005, in palliative care since 2012": a clause naming a
/// milestone ([`MILESTONES`]) with its year, then a comma or semicolon,
/// then the start: the start's text, when the milestone's year is no
/// later than the start's (else which is meant?).
fn after_milestone(first: &str) -> Option<(i16, Option<i8>)> {
    let at = first.find([',', ';'])?;
    let tokens = tokens(&first[..at]);
    let mut year = None;
    let mut named = false;
    for token in &tokens {
        match token {
            Token::Word(w) if MILESTONES.contains(&w.as_str()) => named = true,
            Token::Word(w) if w == "in" || w == "i" => {}
            Token::Number(y, 4) if year.is_none() && (1900.0..=2100.0).contains(y) => {
                year = Some(*y as i16)
            }
            _ => return None,
        }
    }
    let start = since(first[at + 1..].trim())?;
    (named && year.is_some_and(|y| y <= start.0)).then_some(start)
}

/// `since 2015`, `since March 2015`, `started in 2012`: the year (and
/// month) a duration is counted from, when that is what `text` says.
pub(crate) fn since(text: &str) -> Option<(i16, Option<i8>)> {
    let first = text.lines().next().unwrap_or_default();
    if first.len() > MAX_LENGTH {
        return None;
    }
    if let Some(start) = after_milestone(first) {
        return Some(start);
    }
    let (start, remark) = without_reason(first);
    let tokens = tokens(start);
    let at = tokens
        .iter()
        .position(|t| matches!(t, Token::Word(w) if STARTS.contains(&w.as_str())))?;
    // "started in 2012", "began in March 2014".
    let from =
        at + 1 + usize::from(matches!(tokens.get(at + 1), Some(Token::Word(w)) if w == "in"));
    let mut month = None;
    let mut year = None;
    for token in &tokens[from..] {
        match token {
            Token::Number(y, 4) if year.is_none() && (1900.0..=2100.0).contains(y) => {
                year = Some(*y as i16)
            }
            Token::Word(w) if year.is_none() && month.is_none() => {
                month = super::date::month_number(w).map(|m| m as i8);
                month?;
            }
            _ => return None,
        }
    }
    let before = &tokens[..at];
    let plain = before
        .iter()
        .all(|t| matches!(t, Token::Word(w) if FILLERS.contains(&w.as_str())));
    // "since 2013 (consultant since 2019)": a grade reached within the
    // span, never before its start.
    let within = remark.is_none_or(|later| year.is_some_and(|y| later >= y));
    (plain && within && year.is_some()).then(|| (year.unwrap_or_default(), month))
}

/// Words in the reason after a start that make the start uncertain or
/// not the whole story: another number, a hedge, a break.
const NOT_A_PLAIN_REASON: &[&str] = &[
    "or", "break", "breaks", "gap", "off", "except", "apart", "until", "till", "part",
];

/// `since 2019 (before that, general practice)`, `since 2015 - the year
/// the unit opened`: the start without its reason, when the reason (after
/// a bracket, a spaced dash, a comma or a semicolon) holds no number (in
/// digits or words), no hedge and nothing that breaks the span ("or", "a
/// break", "part time"), or is only the doctor's grade ([`grade`]: "(ST4)",
/// "(consultant since 2019)", with the year that grade began); otherwise
/// `text` unchanged (and the words after the year then make it no start at
/// all). One pass over `text`.
fn without_reason(text: &str) -> (&str, Option<i16>) {
    let Some(at) = ["(", " - ", " – ", " — ", ";", ","]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
    else {
        return (text, None);
    };
    let reason = &text[at..];
    let plain = tokens(reason).iter().all(|t| match t {
        Token::Word(w) => {
            !HEDGES.contains(&w.as_str())
                && !NOT_A_PLAIN_REASON.contains(&w.as_str())
                && !NUMBER_WORDS.contains(&w.as_str())
                && !TENS.iter().any(|(tens, _)| tens == w)
        }
        Token::Number(..) => false,
        Token::Mark(c) => "-–—".contains(*c),
    });
    if plain {
        return (&text[..at], None);
    }
    match grade(reason) {
        Some(since) => (&text[..at], since),
        None => (text, None),
    }
}

/// Career grades a remark on a duration may name.
const GRADES: &[&str] = &[
    "consultant",
    "registrar",
    "spr",
    "str",
    "st",
    "ct",
    "fy",
    "trainee",
    "fellow",
    "specialist",
    "specialty",
    "speciality",
    "associate",
    "doctor",
    "sas",
    "locum",
];

/// Training grades written with their year: "ST4", "CT2", "FY2".
const NUMBERED_GRADES: &[&str] = &["st", "ct", "fy", "spr", "str"];

/// Words that may join a grade's words in a remark.
const GRADE_LINKS: &[&str] = &[
    "as",
    "a",
    "an",
    "since",
    "from",
    "now",
    "currently",
    "i'm",
    "am",
    "grade",
    "level",
];

/// Is `reason` only the doctor's grade ("(ST4)", "(as a registrar)",
/// "(consultant since 2019)")? `Some` with the year the grade began when
/// the remark gives one (after "since" or "from"); a grade's year ("ST4")
/// is no number of the duration. Any other number, a second year or any
/// other word makes it no grade remark (`None`): "12 years (6 as
/// consultant)" stays unclear.
fn grade(reason: &str) -> Option<Option<i16>> {
    let tokens = tokens(reason);
    let mut named = false;
    let mut since = None;
    for (i, token) in tokens.iter().enumerate() {
        let after = |words: &[&str]| {
            i > 0 && matches!(&tokens[i - 1], Token::Word(w) if words.contains(&w.as_str()))
        };
        match token {
            Token::Word(w) if GRADES.contains(&w.as_str()) => named = true,
            Token::Word(w) if GRADE_LINKS.contains(&w.as_str()) => {}
            Token::Number(_, digits) if *digits <= 2 && after(NUMBERED_GRADES) => {}
            Token::Number(year, 4)
                if since.is_none()
                    && after(&["since", "from"])
                    && (1900.0..=2100.0).contains(year) =>
            {
                since = Some(*year as i16)
            }
            Token::Mark(c) if "-–—".contains(*c) => {}
            _ => return None,
        }
    }
    named.then_some(since)
}

/// The duration from `since` to `to` (the reply's date) in `unit`, if it
/// can be counted: years from the years alone, or from the month too when
/// it was given (`since March 2015` to December 2026 is 11.75 years, to
/// two decimals); months only when the month was given. `None` for a date
/// after `to` or a unit too fine for what was given.
pub(crate) fn counted(
    since: (i16, Option<i8>),
    to: jiff::civil::Date,
    unit: DurationUnit,
) -> Option<f64> {
    let (year, month) = since;
    let years = i64::from(to.year()) - i64::from(year);
    let value = match (unit, month) {
        (DurationUnit::Years, None) => years as f64,
        (DurationUnit::Years, Some(m)) => {
            let months = years * 12 + i64::from(to.month()) - i64::from(m);
            (months as f64 / 12.0 * 100.0).round() / 100.0
        }
        (DurationUnit::Months, Some(m)) => {
            (years * 12 + i64::from(to.month()) - i64::from(m)) as f64
        }
        _ => return None,
    };
    (value >= 0.0).then_some(value)
}

/// Reads `text` as a duration in `unit`.
pub(super) fn duration(text: &str, unit: DurationUnit) -> Answer {
    let first = text.lines().next().unwrap_or_default().trim();
    if first.len() > MAX_LENGTH {
        return Answer::unclear("too long to be a duration", text);
    }
    if let Some((year, _)) = since(first) {
        return Answer::unclear(
            format!("counted from {year}: the reply has no date to count to"),
            text,
        );
    }
    if let Some(answer) = clinical_fraction(first, unit) {
        return answer;
    }
    // `20 yrs (including training)`: a plain remark after the value.
    let tokens = tokens(without_reason(first).0);
    let mut parts: Vec<(f64, Option<DurationUnit>)> = Vec::new();
    let mut i = 0;
    let mut last_was_number = false;
    while i < tokens.len() {
        let (value, took) = match &tokens[i] {
            Token::Number(n, _) => (*n, 1),
            Token::Word(w) if w == "half" => {
                let article =
                    matches!(tokens.get(i + 1), Some(Token::Word(a)) if a == "a" || a == "an");
                (0.5, if article { 2 } else { 1 })
            }
            Token::Word(w)
                if (w == "a" || w == "an" || w == "one")
                    && matches!(tokens.get(i + 1), Some(Token::Word(u)) if unit_word(u).is_some()) =>
            {
                (1.0, 1)
            }
            Token::Word(w) => match number_word(&tokens, i) {
                Some(found) => found,
                None => {
                    let word = w.as_str();
                    if HEDGES.contains(&word) || word.ends_with("ish") {
                        return Answer::unclear("the duration is hedged", text);
                    }
                    if RANGES.contains(&word) && last_was_number {
                        return Answer::unclear("a range, not one duration", text);
                    }
                    if let Some(u) = unit_word(word) {
                        match parts.last_mut() {
                            Some((_, slot @ None)) => *slot = Some(u),
                            _ => return Answer::unclear(format!("'{w}' without a number"), text),
                        }
                    } else if word == "and" && parts.last().is_some() {
                        // "two and a half years", "2 years and 6 months"
                    } else if !FILLERS.contains(&word) {
                        return Answer::unclear(format!("'{w}' is not part of a duration"), text);
                    }
                    i += 1;
                    last_was_number = false;
                    continue;
                }
            },
            Token::Mark(c @ ('-' | '–' | '—' | '/')) if last_was_number => {
                return Answer::unclear(format!("a range ('{c}'), not one duration"), text);
            }
            Token::Mark('-' | '–' | '—' | '/') => {
                i += 1;
                continue;
            }
            Token::Mark(_) => return Answer::unclear("the duration is hedged", text),
        };
        if let Token::Number(year, 4) = tokens[i]
            && (1900.0..=2100.0).contains(&year)
        {
            return Answer::unclear(
                format!("{year} is a year: write how many {}", unit.name()),
                text,
            );
        }
        // "half a year", "two and a half years": a half of the unit after.
        if value == 0.5
            && let Some((before, None)) = parts.last().copied()
            && matches!(tokens.get(i.wrapping_sub(2)), Some(Token::Word(w)) if w == "and")
        {
            parts.pop();
            parts.push((before + 0.5, None));
        } else {
            parts.push((value, None));
        }
        i += took;
        last_was_number = true;
    }
    total(&parts, unit, text)
}

/// `18/12`, `6/52`: months and weeks as clinical notes write them (18
/// twelfths of a year, 6 fifty-seconds), the whole answer and nothing
/// else; `18/10` stays a range.
fn clinical_fraction(text: &str, unit: DurationUnit) -> Option<Answer> {
    let (count, of) = text.split_once('/')?;
    let (count, of) = (count.trim(), of.trim());
    if count.is_empty() || count.len() > 3 || !count.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let counted = match of {
        "12" => DurationUnit::Months,
        "52" => DurationUnit::Weeks,
        _ => return None,
    };
    let count: f64 = count.parse().ok()?;
    Some(total(&[(count, Some(counted))], unit, text))
}

/// The parts read (`2 years`, `6 months`) added up in `unit`.
fn total(parts: &[(f64, Option<DurationUnit>)], unit: DurationUnit, text: &str) -> Answer {
    if parts.is_empty() {
        return Answer::unclear("no duration found", text);
    }
    if parts.len() > 1 && parts.iter().any(|(_, u)| u.is_none()) {
        return Answer::unclear("more than one number", text);
    }
    let mut units: Vec<DurationUnit> = parts.iter().filter_map(|(_, u)| *u).collect();
    units.dedup();
    if units.len() != parts.iter().filter(|(_, u)| u.is_some()).count() {
        return Answer::unclear("the same unit twice", text);
    }
    let days: f64 = parts
        .iter()
        .map(|(n, u)| n * u.unwrap_or(unit).days())
        .sum();
    let value = (days / unit.days() * 100.0).round() / 100.0;
    let limit = 100.0 * DurationUnit::Years.days() / unit.days();
    if value > limit {
        return Answer::invalid(format!("{value} {} is not a career", unit.name()), text);
    }
    if value.fract() == 0.0 {
        Answer::ok(Value::Integer(value as i64), text)
    } else {
        Answer::ok(Value::Number(value), text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::answer::Status;

    fn read(text: &str, unit: DurationUnit) -> Option<f64> {
        match duration(text, unit).value {
            Some(Value::Integer(n)) => Some(n as f64),
            Some(Value::Number(x)) => Some(x),
            _ => None,
        }
    }

    #[test]
    fn durations_as_doctors_write_them() {
        use DurationUnit::*;
        for (text, unit, want) in [
            ("10", Years, 10.0),
            ("10 yrs", Years, 10.0),
            ("10yrs", Years, 10.0),
            ("ten years", Years, 10.0),
            ("10 years", Years, 10.0),
            ("Ten years.", Years, 10.0),
            ("twenty five years", Years, 25.0),
            ("twenty-five", Years, 25.0),
            ("18 months", Years, 1.5),
            ("6 months", Years, 0.5),
            ("2 years and 6 months", Years, 2.5),
            ("2 years 6 months", Years, 2.5),
            ("two and a half years", Years, 2.5),
            ("half a year", Years, 0.5),
            ("a year", Years, 1.0),
            ("1.5 years", Years, 1.5),
            ("I have worked 12 years in palliative care", Years, 12.0),
            ("2 years", Months, 24.0),
            ("3 weeks", Days, 21.0),
            ("0", Years, 0.0),
            ("18/12", Years, 1.5),
            ("9/12", Years, 0.75),
            ("6/52", Weeks, 6.0),
            ("2½ years", Years, 2.5),
            ("7¾", Years, 7.75),
            ("½ year", Years, 0.5),
        ] {
            assert_eq!(read(text, unit), Some(want), "{text}");
        }
        for unclear in [
            "about 10",
            "around ten years",
            "10+",
            "over 10 years",
            "8-10",
            "8 - 10 years",
            "8 to 10",
            "8 or 9",
            "10ish",
            "≥10",
            "≤ 5 years",
            "10 ± 1",
            "2 ½ years",
            "a few years",
            "since 2015",
            "since March 2015",
            "2015",
            "10 years, 12 with training",
            "18/10",
            "12/18",
            "started in 2012",
            "many",
            "",
            "years",
        ] {
            assert_eq!(
                duration(unclear, Years).status,
                Status::Unclear,
                "{unclear}"
            );
        }
        assert_eq!(duration("500 years", Years).status, Status::Invalid);
        assert_eq!(
            duration(&"1 ".repeat(10_000), Years).status,
            Status::Unclear
        );
    }

    #[test]
    fn since_counts_to_the_date_of_the_reply() {
        let reply = jiff::civil::date(2026, 3, 10);
        assert_eq!(since("since 2015"), Some((2015, None)));
        assert_eq!(since("Since March 2015."), Some((2015, Some(3))));
        assert_eq!(since("I have worked since 2015"), Some((2015, None)));
        assert_eq!(since("Started in 2012"), Some((2012, None)));
        assert_eq!(since("I began in March 2014"), Some((2014, Some(3))));
        assert_eq!(since("10 years, started as a GP"), None);
        assert_eq!(since("since 2015 or 2016"), None);
        assert_eq!(since("about 10, since 2015"), None);
        assert_eq!(since("10"), None);
        assert_eq!(since("From 2017"), Some((2017, None)));
        assert_eq!(since("from 2017 to 2020"), None);
        assert_eq!(since("10 years, from 2015"), None);
        assert_eq!(
            since("Qualified 2005, in palliative care since 2012"),
            Some((2012, None))
        );
        assert_eq!(since("graduated in 2003; since 2010"), Some((2010, None)));
        assert_eq!(since("Qualified 2015, since 2012"), None);
        assert_eq!(since("Qualified 2005, since 2012 or 2013"), None);
        assert_eq!(since("Qualified 2005"), None);
        // A reason after the start, in brackets or after a dash or comma.
        for with_reason in [
            "since 2015 (before that I was in general practice)",
            "since 2015 - when the hospice opened its unit",
            "Since 2015, when I started as a registrar",
        ] {
            assert_eq!(since(with_reason), Some((2015, None)), "{with_reason}");
        }
        // The same for a number of years.
        use DurationUnit::Years;
        let value = |text: &str| duration(text, Years).value;
        assert_eq!(
            value("20 yrs (including training)"),
            Some(Value::Integer(20))
        );
        assert_eq!(
            value("8 years - all of it in hospices"),
            Some(Value::Integer(8))
        );
        for not_plain in [
            "12 years (6 as consultant)",
            "10 (give or take)",
            "10 years (on and off)",
            "10, maybe more",
        ] {
            assert_eq!(
                duration(not_plain, Years).status,
                Status::Unclear,
                "{not_plain}"
            );
        }
        // The doctor's grade after the value or the start.
        assert_eq!(value("18 months (ST4)"), Some(Value::Number(1.5)));
        assert_eq!(value("4 yrs (as a registrar)"), Some(Value::Integer(4)));
        assert_eq!(
            value("13 years (consultant since 2019)"),
            Some(Value::Integer(13))
        );
        assert_eq!(
            since("Since 2013 (consultant since 2019)"),
            Some((2013, None))
        );
        assert_eq!(since("since 2013 - ST6 now"), Some((2013, None)));
        for not_a_grade in [
            "12 years (ST4 and ST5)",
            "18 months (ST4, 6 of them in hospices)",
            "10 years (palliative since 2019)",
            "10 (consultant for 4)",
        ] {
            assert_eq!(
                duration(not_a_grade, Years).status,
                Status::Unclear,
                "{not_a_grade}"
            );
        }
        for not_plain in [
            "Since 2013 (consultant since 2009)",
            "since 2013 (palliative since 2019)",
            "since 2013 (consultant since 2019 or 2020)",
            "since 2015 (or 2016)",
            "since 2015, with a career break",
            "since 2015 (roughly)",
            "since 2015, ten years full time",
            "since 2015 (part time until 2018)",
        ] {
            assert_eq!(since(not_plain), None, "{not_plain}");
        }
        use DurationUnit::*;
        assert_eq!(counted((2015, None), reply, Years), Some(11.0));
        // The month, when given, counts too.
        assert_eq!(counted((2015, Some(3)), reply, Years), Some(11.0));
        assert_eq!(
            counted((2015, Some(3)), jiff::civil::date(2026, 12, 6), Years),
            Some(11.75)
        );
        assert_eq!(counted((2015, Some(9)), reply, Years), Some(10.5));
        assert_eq!(counted((2026, Some(5)), reply, Years), None);
        assert_eq!(counted((2015, Some(3)), reply, Months), Some(132.0));
        assert_eq!(counted((2015, None), reply, Months), None);
        assert_eq!(counted((2027, None), reply, Years), None);
    }
}
