//! A grid's answer, item by item: `a) 4`, `dosing - 4` or the item's own
//! words, a row of values in the items' order (only when there are exactly
//! as many as items), a table row from HTML (`Choosing a starting dose 4`),
//! or "n/a" for the whole grid where the question allows it. An item given
//! twice with different values, an unknown letter, a value out of range or
//! a row of the wrong length is unclear, never guessed.
//!
//! Linear: the text is cut to [`MAX_LENGTH`] bytes and [`MAX_PIECES`]
//! pieces before any reading, and each piece is read once.

use super::plain_words;
use crate::survey::{Question, QuestionKind};
use crate::understand::answer::{Answer, Status};

/// Longest answer text read as a grid's answer; longer is unclear.
pub(crate) const MAX_LENGTH: usize = 4_000;
/// Most pieces (lines, or parts between commas) read.
pub(crate) const MAX_PIECES: usize = 200;

/// What a reply says to a grid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum GridReading {
    /// One answer for the whole grid: "n/a", or unclear as a whole.
    Whole(Answer),
    /// Item by item, in the items' order: `None` where an item is not given.
    Items(Vec<Option<Answer>>),
}

impl GridReading {
    /// Is every item given, each read with certainty (or the whole grid
    /// answered "n/a")?
    pub(crate) fn is_complete(&self) -> bool {
        match self {
            GridReading::Whole(answer) => answer.is_ok(),
            GridReading::Items(items) => {
                items.iter().all(|a| a.as_ref().is_some_and(Answer::is_ok))
            }
        }
    }
}

/// The pieces of an answer: lines, cut again at commas, semicolons and
/// item letters (`a) 4 b) 3`); at most [`MAX_PIECES`].
pub(super) fn pieces(text: &str, letters: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        for part in line.split([',', ';', '|']) {
            // `a4 b3 c5`: each word a letter and its number.
            let words: Vec<&str> = part.split_whitespace().collect();
            if words.len() > 1
                && words.iter().all(|w| {
                    w.len() >= 2
                        && w.as_bytes()[0].is_ascii_alphabetic()
                        && w[1..].bytes().all(|b| b.is_ascii_digit())
                })
            {
                out.extend(words);
                continue;
            }
            let mut start = 0;
            for at in letter_marks(part, letters) {
                // `2 a) Lack of ...`: a number before the letter is its rank.
                let before = part[start..at].trim();
                if before
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"#.):-".contains(&b))
                {
                    continue;
                }
                if at > start && !part[start..at].trim().is_empty() {
                    out.push(part[start..at].trim());
                }
                start = at;
            }
            if !part[start..].trim().is_empty() {
                out.push(part[start..].trim());
            }
            if out.len() >= MAX_PIECES {
                out.truncate(MAX_PIECES);
                return out;
            }
        }
    }
    out
}

/// Where `x)` or `(x)` starts a lettered entry inside `text` (not at its
/// start), for letters within the first `letters`; also `x=`, `x:` and,
/// before a number, `x.` and `x-` (`a=4 b=3 c=5`, `a. 4  b. 3`, `a-4
/// b-3`), a lone letter only (never the end of a word).
fn letter_marks(text: &str, letters: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let digit_after = |at: usize| {
        bytes[at.min(bytes.len())..]
            .iter()
            .find(|b| **b != b' ')
            .is_some_and(u8::is_ascii_digit)
    };
    for i in 1..bytes.len() {
        let open = bytes[i - 1] == b'(' && i >= 2 && bytes[i - 2] == b' ';
        let spaced = bytes[i - 1] == b' ' || open;
        if !spaced
            || !bytes[i].is_ascii_alphabetic()
            || usize::from(bytes[i].to_ascii_lowercase() - b'a') >= letters
        {
            continue;
        }
        let keyed = match bytes.get(i + 1) {
            Some(b')') => true,
            Some(b'=' | b':') => !open,
            Some(b'.' | b'-') => !open && digit_after(i + 2),
            // `a - 3  b - 4`: a spaced dash, then a number.
            Some(b' ') => !open && spaced_dash_then_digit(&text[i + 1..]),
            _ => false,
        };
        if keyed {
            out.push(if open { i - 1 } else { i });
        }
    }
    out
}

/// Does `after` (what follows a lone letter) hold a spaced dash and
/// then a number (` - 4`, ` – 4`)?
fn spaced_dash_then_digit(after: &str) -> bool {
    let rest = after.trim_start();
    rest.len() < after.len()
        && rest.strip_prefix(['-', '–']).is_some_and(|r| {
            r.starts_with(' ') && r.trim_start().starts_with(|c: char| c.is_ascii_digit())
        })
}

/// The letter a piece starts with as a key (`a)`, `(a)`, `a.`, `a:`,
/// `a -`, `a=`, `a 4`, `a4`), as an index, and the rest after it.
pub(super) fn letter_key(piece: &str) -> Option<(usize, &str)> {
    let piece = piece.trim_start_matches(['*', '_', ' ']);
    let (piece, bracketed) = match piece.strip_prefix('(') {
        Some(rest) => (rest, true),
        None => (piece, false),
    };
    let mut chars = piece.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    let rest = chars.as_str();
    let index = usize::from(letter.to_ascii_lowercase() as u8 - b'a');
    let next = rest.chars().next();
    let after = match next {
        None => return (!bracketed).then_some((index, "")),
        Some(')') => &rest[1..],
        Some('.' | ':' | '=') if !bracketed => &rest[1..],
        // `a-4`, `a- 4`: a dash then a number.
        Some('-' | '–')
            if !bracketed
                && rest[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()) =>
        {
            &rest[rest.chars().next()?.len_utf8()..]
        }
        Some(' ') if !bracketed => {
            let trimmed = rest.trim_start();
            match trimmed.chars().next() {
                Some('-' | '–' | '—' | '=' | ':') => {
                    &trimmed[trimmed.chars().next()?.len_utf8()..]
                }
                Some(c) if c.is_ascii_digit() => trimmed,
                _ => return None,
            }
        }
        Some(c) if c.is_ascii_digit() && !bracketed => rest,
        _ => return None,
    };
    Some((index, after.trim()))
}

/// A crude stem for matching an item's or option's words: lowercase, a
/// plural or `-ing`/`-ed`/`-e` ending off, at most five letters
/// ("dosing" and "dose" agree).
fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    for end in ["ing", "ed", "es", "s", "e"] {
        if w.len() > end.len() + 2 && w.ends_with(end) {
            w.truncate(w.len() - end.len());
            break;
        }
    }
    w.chars().take(5).collect()
}

/// Words that say nothing about which item or option is meant.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "my", "i", "is", "it",
];

fn stems(text: &str) -> Vec<String> {
    plain_words(text)
        .iter()
        .filter(|w| !STOP.contains(&w.as_str()) && w.chars().any(char::is_alphabetic))
        .map(|w| stem(w))
        .collect()
}

/// How a piece's words name one of several labelled things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named {
    /// Exactly this one.
    One(usize),
    /// Words of several: unclear which.
    Several,
    /// None of them.
    None,
}

/// Which of `labels` (each an id and a label) `words` name: the whole
/// label, the id, or words all found in exactly one label.
pub(super) fn named(words: &str, labels: &[(&str, &str)]) -> Named {
    let wanted = normalise(words);
    if wanted.is_empty() {
        return Named::None;
    }
    if let Some(i) = labels.iter().position(|(id, label)| {
        normalise(label) == wanted || normalise(&id.replace('_', " ")) == wanted
    }) {
        return Named::One(i);
    }
    if let Some(found) = initialism(words, labels) {
        return found;
    }
    let asked = stems(words);
    if asked.is_empty() || asked.len() > 12 {
        return Named::None;
    }
    let fits: Vec<usize> = labels
        .iter()
        .enumerate()
        .filter(|(_, (id, label))| {
            let own: Vec<String> = stems(&format!("{label} {}", id.replace('_', " ")));
            asked.iter().all(|s| own.contains(s))
        })
        .map(|(i, _)| i)
        .collect();
    if fits.is_empty() {
        return with_initialism(words, labels);
    }
    match fits.len() {
        0 => Named::None,
        1 => Named::One(fits[0]),
        _ => Named::Several,
    }
}

/// An item named by its initials, in capitals, perhaps plural ("SEs",
/// "SE" for "side effects"): the labels (or ids) with consecutive words
/// of those initials. `None` when `words` is no such word.
fn initialism(words: &str, labels: &[(&str, &str)]) -> Option<Named> {
    let word = words.trim();
    let caps = word.strip_suffix('s').unwrap_or(word);
    if !(2..=4).contains(&caps.len()) || !caps.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let caps = caps.to_ascii_lowercase();
    let fits: Vec<usize> = labels
        .iter()
        .enumerate()
        .filter(|(_, (id, label))| {
            [(*label).to_owned(), id.replace('_', " ")]
                .iter()
                .any(|text| {
                    let initials: String = plain_words(text)
                        .iter()
                        .filter(|w| !STOP.contains(&w.as_str()))
                        .filter_map(|w| w.chars().next())
                        .collect();
                    initials.contains(&caps)
                })
        })
        .map(|(i, _)| i)
        .collect();
    Some(match fits.as_slice() {
        [] => Named::None,
        [one] => Named::One(*one),
        _ => Named::Several,
    })
}

/// Words naming an item with one of them its initials ("managing SEs"):
/// the items whose initials fit that word and whose words hold the rest.
fn with_initialism(words: &str, labels: &[(&str, &str)]) -> Named {
    let all: Vec<&str> = words.split_whitespace().collect();
    let Some(at) = all
        .iter()
        .position(|w| initialism(w, labels).is_some_and(|n| n != Named::None))
    else {
        return Named::None;
    };
    let rest: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, w)| *w)
        .collect();
    let asked = stems(&rest.join(" "));
    let fits: Vec<usize> = (0..labels.len())
        .filter(|&i| {
            let (id, label) = labels[i];
            let own = stems(&format!("{label} {}", id.replace('_', " ")));
            initialism(all[at], &labels[i..=i]) == Some(Named::One(0))
                && asked.iter().all(|s| own.contains(s))
        })
        .collect();
    match fits.as_slice() {
        [] => Named::None,
        [one] => Named::One(*one),
        _ => Named::Several,
    }
}

fn normalise(text: &str) -> String {
    plain_words(text).join(" ")
}

/// `rest` without the label it starts with (`Choosing a starting dose: 4`
/// gives `4`), or unchanged.
pub(super) fn without_label<'a>(rest: &'a str, label: &str) -> &'a str {
    let lower = rest.to_lowercase();
    let label = label.to_lowercase();
    let cut = if lower.starts_with(&label) {
        label.len()
    } else {
        return rest;
    };
    rest.get(cut..)
        .unwrap_or(rest)
        .trim_start_matches([' ', ':', '-', '–', '—', '=', '.'])
        .trim()
}

/// `rest`, what follows item `own`'s letter, without the item's words
/// before its value: its whole label (`Choosing a starting dose: 4`), or,
/// as a Word table's row holds them, words that name this item and no
/// other, then the value as the last word (`Route (oral or subcut)\t4`,
/// `Starting dose 3`); otherwise unchanged. `None` when those words name
/// another item (`a) Side effects 3`).
fn without_own_words<'a>(rest: &'a str, own: usize, labels: &[(&str, &str)]) -> Option<&'a str> {
    let rest = without_label(rest, labels[own].1);
    let Some(at) = rest.trim_end().rfind([' ', '\t']) else {
        return Some(rest);
    };
    let (words, value) = (rest[..at].trim(), rest[at..].trim());
    let words = words
        .trim_end_matches([':', '-', '–', '—', '=', '|'])
        .trim();
    if !value.chars().all(|c| c.is_ascii_digit()) {
        return Some(rest);
    }
    match named(words, labels) {
        Named::One(i) if i == own => Some(value),
        Named::One(_) => None,
        _ => Some(rest),
    }
}

/// A piece named by words: `dosing - 4`, `Side effects: 5`,
/// `Choosing a starting dose 4` (a table row). The item and the value's
/// text.
fn labelled<'a>(piece: &'a str, labels: &[(&str, &str)]) -> Option<(Named, &'a str)> {
    for sep in [" - ", " – ", " — ", ":", "=", " -"] {
        if let Some(at) = piece.find(sep) {
            // `side effects 3 - still learning`: the item's words, its
            // value, then a remark after the dash (read with the value).
            let before = piece[..at].trim_end();
            if let Some(sp) = before.rfind(' ')
                && before[sp + 1..].bytes().all(|b| b.is_ascii_digit())
                && let found @ (Named::One(_) | Named::Several) = named(&before[..sp], labels)
            {
                return Some((found, piece[sp + 1..].trim()));
            }
            let (words, value) = (&piece[..at], piece[at + sep.len()..].trim());
            return Some((named(words, labels), value));
        }
    }
    // `4 (dose)`: the value, then the item's words in brackets.
    if let Some(inner) = piece.trim_end().strip_suffix(')')
        && let Some((value, words)) = inner.split_once(" (")
        && !value.trim().contains(' ')
        && let found @ (Named::One(_) | Named::Several) = named(words, labels)
    {
        return Some((found, value.trim()));
    }
    // `4 for dosing`: the value first, then "for" and the item's words.
    if let Some((value, words)) = piece.split_once(" for ")
        && !value.trim().contains(' ')
        && let found @ (Named::One(_) | Named::Several) = named(words, labels)
    {
        return Some((found, value.trim()));
    }
    let at = piece.trim_end().rfind(' ')?;
    let (words, value) = (&piece[..at], piece[at + 1..].trim());
    match named(words, labels) {
        Named::None => None,
        found => Some((found, value)),
    }
}

/// Keeps `value`, given for item `i` in `piece`, among `keyed`: read as
/// the item reads it, or, when it speaks of another item by its letter
/// with a value of its own ("5 (actually b is more like 2)"), unclear for
/// both (which value is whose?); "5 - b is the weak spot" is 5 with its
/// reason.
fn keep_keyed<'a>(
    keyed: &mut [Vec<(Answer, &'a str)>],
    i: usize,
    value: &str,
    piece: &'a str,
    item: &dyn Fn(usize, &str) -> Answer,
) {
    let others = if values_in(value) > 1 {
        items_mentioned(value, i, keyed.len())
    } else {
        Vec::new()
    };
    if !others.is_empty() {
        for j in others.into_iter().chain([i]) {
            keyed[j].push((
                Answer::unclear(format!("\"{piece}\" speaks of another item too"), piece),
                piece,
            ));
        }
    } else if !value.is_empty() {
        keyed[i].push((item(i, value), piece));
    }
}

/// The item whose lone letter (not "a", the article) starts `piece`
/// before a word with no number in the piece.
fn letter_then_words(piece: &str, count: usize) -> Option<usize> {
    let b = piece.as_bytes();
    let letter = b.first()?.to_ascii_lowercase();
    let index = usize::from(letter.wrapping_sub(b'a'));
    (b.len() > 2
        && letter != b'a'
        && letter != b'i'
        && index < count
        && b[1] == b' '
        && b[2].is_ascii_alphabetic()
        && !b.iter().any(u8::is_ascii_digit))
    .then_some(index)
}

/// `3 for dosing and routes`: one value for two or more items named by
/// their words, joined by "and" or "&": the items (each named alone, all
/// different) and the value.
fn for_several<'a>(piece: &'a str, labels: &[(&str, &str)]) -> Option<(Vec<usize>, &'a str)> {
    let (value, words) = piece.split_once(" for ")?;
    if value.trim().contains(' ') {
        return None;
    }
    let mut found = Vec::new();
    for part in words.split(" and ").flat_map(|p| p.split(" & ")) {
        match named(part, labels) {
            Named::One(i) if !found.contains(&i) => found.push(i),
            _ => return None,
        }
    }
    (found.len() > 1).then_some((found, value.trim()))
}

/// Reads `text` as `question`'s answer, a grid. `item` reads one item's
/// value (the item's own question: the grid's scale or options, its
/// `allow`).
pub(crate) fn read(
    question: &Question,
    text: &str,
    item: impl Fn(usize, &str) -> Answer,
    whole: impl Fn(&str) -> Option<Answer>,
) -> GridReading {
    read_with(question, text, &item, &whole)
}

/// [`read`], its readers as trait objects (so [`all_except`] can read
/// what follows "except" as a grid's answer of its own).
fn read_with(
    question: &Question,
    text: &str,
    item: &dyn Fn(usize, &str) -> Answer,
    whole: &dyn Fn(&str) -> Option<Answer>,
) -> GridReading {
    let QuestionKind::Grid { items, .. } = &question.kind else {
        return GridReading::Whole(Answer::unclear("not a grid", text));
    };
    let text = text.trim();
    if text.len() > MAX_LENGTH {
        return GridReading::Whole(Answer::unclear("too long to read as a grid's answer", ""));
    }
    let labels: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i.id.as_str(), i.label.as_str()))
        .collect();
    if let Some(reading) = all_except(question, text, item, whole) {
        return reading;
    }
    let table = table_rows(text);
    let text = table.as_deref().unwrap_or(text);
    let pieces = pieces(text, items.len());
    let mut keyed: Vec<Vec<(Answer, &str)>> = vec![Vec::new(); items.len()];
    let mut bare = Vec::new();
    let mut any_key = false;
    for piece in &pieces {
        if let Some((several, value)) = for_several(piece, &labels) {
            any_key = true;
            for i in several {
                keyed[i].push((item(i, value), piece));
            }
            continue;
        }
        let key = match letter_key(piece) {
            Some((i, rest)) if i < items.len() => match without_own_words(rest, i, &labels) {
                Some(value) => Some((Named::One(i), value)),
                None => {
                    // `a) Side effects 3`: the letter of one item, the
                    // words of another.
                    keyed[i].push((
                        Answer::unclear(
                            format!("\"{piece}\": the letter and the words name different items"),
                            *piece,
                        ),
                        piece,
                    ));
                    any_key = true;
                    continue;
                }
            },
            Some((_, rest)) if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
                return GridReading::Whole(Answer::unclear(
                    format!("\"{piece}\": the grid has no such letter"),
                    text,
                ));
            }
            _ => labelled(piece, &labels),
        };
        match key {
            Some((Named::One(i), value)) => {
                any_key = true;
                keep_keyed(&mut keyed, i, value, piece, item);
            }
            Some((Named::Several, _)) => {
                return GridReading::Whole(Answer::unclear(
                    format!("\"{piece}\" fits more than one item"),
                    text,
                ));
            }
            Some((Named::None, _)) | None => {
                // `b depends whether they can swallow`: an item's letter
                // (never the article "a") with words and no value: that
                // item is asked about, never left out.
                if let Some(i) = letter_then_words(piece, items.len()) {
                    keyed[i].push((
                        Answer::unclear(format!("\"{piece}\" gives no value"), *piece),
                        piece,
                    ));
                }
                bare.push(*piece)
            }
        }
    }
    if any_key {
        return GridReading::Items(keyed.into_iter().map(settle_item).collect());
    }
    if let Some(answer) = whole(text) {
        return GridReading::Whole(answer);
    }
    if let Some(value) =
        same_for_all(text, items.len()).or_else(|| words_for_all(text, items.len()))
    {
        let answers: Vec<Answer> = (0..items.len())
            .map(|i| Answer {
                source: text.to_owned(),
                ..item(i, value)
            })
            .collect();
        if answers.iter().all(|a| a.status != Status::Unclear) {
            return GridReading::Items(answers.into_iter().map(Some).collect());
        }
    }
    in_order(text, &bare, items.len(), item)
}

/// A table drawn with pipes as the whole answer (`| a) dose | 3 |`, `|
/// Dosing | 4 |`, a header row above its `|---|` rule): each row as `a)
/// 3` when its first cell starts with an item's letter, else as `Dosing -
/// 4` (the item by its words), the value its last cell; the header and
/// the rule left out. `None` when any line is no such row.
fn table_rows(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(MAX_PIECES)
        .collect();
    if lines.len() < 2 || !lines.iter().all(|l| l.starts_with('|')) {
        return None;
    }
    let rule = |l: &str| l.contains('-') && l.chars().all(|c| "|-:+ ".contains(c));
    let mut out = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if rule(line) || lines.get(at + 1).is_some_and(|next| rule(next)) {
            continue;
        }
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let [key, .., value] = cells.as_slice() else {
            return None;
        };
        out.push(match letter_key(key) {
            Some((i, _)) if i < 26 => format!("{}) {value}", char::from(b'a' + i as u8)),
            _ => format!("{key} - {value}"),
        });
    }
    (!out.is_empty()).then(|| out.join("\n"))
}

/// Words that say one value is every item's: "4 for all three", "4
/// across the board", "all 4s", "4 for each", "4 for every one of them".
const FOR_ALL: &[&str] = &[
    "for",
    "all",
    "each",
    "every",
    "one",
    "of",
    "them",
    "the",
    "items",
    "across",
    "board",
    "throughout",
    "everything",
    "to",
    "three",
    "four",
    "five",
    "six",
    "two",
    "round",
    "both",
];

/// The value a grid's answer gives every item ("4 for all three", "4
/// across the board", "all 4s", "5 for both"), when it is one value, once,
/// and the words around it only say "all" (and, when they count the
/// items, count them right: "4 for all four" of three items is not read).
fn same_for_all(text: &str, count: usize) -> Option<&str> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || ",.;:!()".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 8 {
        return None;
    }
    let is_value = |w: &str| w.trim_end_matches('s').bytes().all(|b| b.is_ascii_digit());
    let mut values = words.iter().filter(|w| is_value(w));
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    let said: Vec<String> = words
        .iter()
        .filter(|w| !is_value(w))
        .map(|w| w.to_lowercase())
        .collect();
    let all = said.iter().any(|w| {
        [
            "all",
            "each",
            "every",
            "everything",
            "board",
            "throughout",
            "both",
        ]
        .contains(&w.as_str())
    });
    let counted = ["two", "three", "four", "five", "six"]
        .iter()
        .position(|n| said.iter().any(|w| w == n))
        .map(|i| i + 2);
    let both = said.iter().any(|w| w == "both");
    (all && said.iter().all(|w| FOR_ALL.contains(&w.as_str()))
        && counted.is_none_or(|n| n == count)
        && (!both || count == 2))
        .then(|| value.trim_end_matches('s'))
}

/// "Very confident on all three", "not at all confident for each": words
/// (no number) then only words saying "all": the words, for every item
/// (read as the item's scale reads them; the caller keeps them only when
/// every item reads them).
fn words_for_all(text: &str, count: usize) -> Option<&str> {
    let lower = text.to_lowercase();
    let words: Vec<(usize, &str)> = lower
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
        .collect();
    if words.len() > 10 || text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let tail = words
        .iter()
        .rposition(|(_, w)| {
            let w = w.trim_matches(|c: char| ",.;:!()".contains(c));
            !(FOR_ALL.contains(&w) || w == "on" || w == "with")
        })
        .map_or(0, |i| i + 1);
    let head = words.get(tail).map(|(at, _)| *at)?;
    if tail == 0 {
        return None;
    }
    let value = text[..head]
        .trim_end()
        .trim_end_matches([',', '-', '–'])
        .trim_end();
    let said: Vec<&str> = words[tail..]
        .iter()
        .map(|(_, w)| *w)
        .filter(|w| !matches!(*w, "on" | "with"))
        .collect();
    same_for_all(&format!("1 {}", said.join(" ")), count).map(|_| value)
}

/// "All 5s except routes - 4", "4 for all apart from b) 3": one value for
/// every item but those named after "except" (or "apart from", "but"),
/// read as a grid's answer of their own: each of those must be read with
/// certainty, at least one item must be left to the value for all, and
/// the value must be one `same_for_all` reads. `None` otherwise.
fn all_except(
    question: &Question,
    text: &str,
    item: &dyn Fn(usize, &str) -> Answer,
    whole: &dyn Fn(&str) -> Option<Answer>,
) -> Option<GridReading> {
    let QuestionKind::Grid { items, .. } = &question.kind else {
        return None;
    };
    if text.contains('\n') {
        return None;
    }
    let lower = text.to_lowercase();
    let (at, len) = [" except for ", " except ", " apart from ", " but "]
        .iter()
        .find_map(|sep| lower.find(sep).map(|at| (at, sep.len())))?;
    let (head, rest) = (text[..at].trim_end_matches([',', ' ']), &text[at + len..]);
    let value = same_for_all(head, items.len())?;
    let GridReading::Items(named) = read_with(question, rest, item, whole) else {
        return None;
    };
    let given = named.iter().filter(|a| a.is_some()).count();
    if given == 0 || given == items.len() || named.iter().flatten().any(|a| !a.is_ok()) {
        return None;
    }
    let answers: Vec<Option<Answer>> = named
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            a.or_else(|| {
                Some(Answer {
                    source: text.to_owned(),
                    ..item(i, value)
                })
            })
        })
        .collect();
    answers
        .iter()
        .flatten()
        .all(Answer::is_ok)
        .then_some(GridReading::Items(answers))
}

/// How many numbers `text` holds, in digits (`4`, `4/5` counts one) or
/// in words. One pass.
fn values_in(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '/')
        .filter(|w| {
            let w = w.to_lowercase();
            w.starts_with(|c: char| c.is_ascii_digit())
                || super::number::NUMBER_WORDS.contains(&w.as_str())
        })
        .count()
}

/// The other items an item's value text (`5 (actually b is more like
/// 2)`) speaks of by their letters: lone letters of the grid other than
/// its own (an "a" only where no word follows it: "a big one" is the
/// article; never the "I" of "I think"). Then which value is whose cannot
/// be told, for either item.
fn items_mentioned(value: &str, own: usize, count: usize) -> Vec<usize> {
    let bytes = value.as_bytes();
    let mentioned = |i: usize| {
        let c = bytes[i];
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        let index = usize::from(c.to_ascii_lowercase().wrapping_sub(b'a'));
        // A lone letter: after a space or bracket, before a space,
        // bracket or punctuation (never the `a` of `n/a`).
        let lone = before.is_none_or(|b| b == b' ' || b == b'(')
            && after.is_none_or(|a| b" ):=,.".contains(&a));
        // "a fair bit": the article, a word after it.
        let article = c.eq_ignore_ascii_case(&b'a')
            && after == Some(b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
        (c.is_ascii_alphabetic() && c != b'I' && lone && index < count && index != own && !article)
            .then_some(index)
    };
    (0..bytes.len()).filter_map(mentioned).collect()
}

/// One item's readings: one, or several that agree; otherwise unclear.
fn settle_item(readings: Vec<(Answer, &str)>) -> Option<Answer> {
    let first = readings.first()?.0.clone();
    if readings
        .iter()
        .all(|(a, _)| a.value == first.value && a.status == first.status)
    {
        return Some(first);
    }
    let sources: Vec<&str> = readings.iter().map(|(_, s)| *s).collect();
    Some(Answer::unclear(
        format!("given twice: {}", sources.join(" and ")),
        sources.join("\n"),
    ))
}

/// Values without item names: read in the items' order only when there
/// are exactly as many as items (a row of numbers may be one piece,
/// `4 3 5` or `4/3/5`).
fn in_order(
    text: &str,
    bare: &[&str],
    count: usize,
    item: impl Fn(usize, &str) -> Answer,
) -> GridReading {
    // `4, 3 and 5`, `4 3 5 respectively`: "and" between the last two
    // values, and words that only say "in this order", are no values.
    let bare: Vec<&str> = bare
        .iter()
        .flat_map(|p| p.split(" and "))
        .map(|p| {
            p.trim()
                .trim_end_matches("respectively")
                .trim_end_matches("in that order")
                .trim_end_matches("in order")
                .trim()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let bare = &bare[..];
    let row: Vec<&str> = if bare.len() == 1 {
        // `4-4-3`: numbers joined by dashes alone, as one row (never `3-4`
        // for one item: a row must give every item).
        let dashed = bare[0].contains(['-', '–'])
            && bare[0]
                .split(['-', '–'])
                .map(str::trim)
                .all(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()));
        bare[0]
            .split(|c| c == ' ' || c == '/' || (dashed && (c == '-' || c == '–')))
            .filter(|w| !w.is_empty())
            .collect()
    } else {
        bare.to_vec()
    };
    let numbers = row.len() > 1
        && row
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let row = if numbers || bare.len() > 1 {
        row
    } else {
        bare.to_vec()
    };
    if row.len() != count {
        return GridReading::Whole(Answer::unclear(
            format!(
                "{} for {count} items: say which value is for which letter",
                match row.len() {
                    1 => "one answer".to_owned(),
                    n => format!("{n} answers"),
                }
            ),
            text,
        ));
    }
    let answers: Vec<Answer> = row.iter().enumerate().map(|(i, v)| item(i, v)).collect();
    if answers.iter().any(|a| a.status != Status::Ok) && !numbers {
        return GridReading::Whole(Answer::unclear(
            "not one value per item in order: say which value is for which letter",
            text,
        ));
    }
    GridReading::Items(answers.into_iter().map(Some).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::answer::Value;

    fn survey() -> crate::survey::Survey {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml");
        crate::survey::Survey::load(&path).expect("loads")
    }

    /// Each item's value (`Some(n)`), `None` for unclear, absent when
    /// not given; or the whole grid's reserved answer.
    fn items(text: &str) -> Result<Vec<Option<Option<i64>>>, Answer> {
        let survey = survey();
        match super::super::read_grid(&survey.questions[3], text) {
            GridReading::Whole(answer) => Err(answer),
            GridReading::Items(items) => Ok(items
                .into_iter()
                .map(|a| {
                    a.map(|a| match (a.status, a.value) {
                        (Status::Ok, Some(Value::Integer(n))) => Some(n),
                        _ => None,
                    })
                })
                .collect()),
        }
    }

    #[test]
    fn grids_as_doctors_write_them() {
        let all = |a, b, c| Ok(vec![Some(Some(a)), Some(Some(b)), Some(Some(c))]);
        for (text, expected) in [
            ("a) 4\nb) 3\nc) 5", all(4, 3, 5)),
            ("a) 4, b) 3, c) 5", all(4, 3, 5)),
            ("a) 4 b) 3 c) 5", all(4, 3, 5)),
            ("a4 b3 c5", Ok(vec![None, None, None])),
            ("a - 4\nb: 3\nc=5", all(4, 3, 5)),
            ("(a) 4 (b) 3 (c) 5", all(4, 3, 5)),
            ("a=4 b=3 c=5", all(4, 3, 5)),
            ("a. 4  b. 3  c. 5", all(4, 3, 5)),
            ("a-4 b-3 c-5", all(4, 3, 5)),
            ("a: 4 b: 3 c: 5", all(4, 3, 5)),
            ("4, 3 and 5", all(4, 3, 5)),
            ("4 3 5 respectively", all(4, 3, 5)),
            (
                "4 for dosing, 3 for route, 5 for side effects",
                all(4, 3, 5),
            ),
            ("dosing - 4\nroutes - 3\nside effects - 5", all(4, 3, 5)),
            ("Dose: 4; route: 3; side effects: 5", all(4, 3, 5)),
            // An item by its initials in capitals ("SEs": side effects).
            ("dose 4, route 3, SEs 5", all(4, 3, 5)),
            ("dose 4, route 3, SE 5", all(4, 3, 5)),
            (
                "Choosing a starting dose 4\nChoosing the route (oral or subcutaneous) 3\nRecognising and managing side effects 5",
                all(4, 3, 5),
            ),
            (
                "a) Choosing a starting dose: 4\nb) Choosing the route (oral or subcutaneous): 3\nc) Recognising and managing side effects: 5",
                all(4, 3, 5),
            ),
            ("4 3 5", all(4, 3, 5)),
            ("4, 3, 5", all(4, 3, 5)),
            ("4/3/5", all(4, 3, 5)),
            ("4-3-5", all(4, 3, 5)),
            ("4 - 3 - 5", all(4, 3, 5)),
            (
                "a) Starting dose\t3\nb) Route (oral or subcut)\t4\nc) Side effects\t2",
                all(3, 4, 2),
            ),
            (
                "a) Starting dose 3\nb) Route 4\nc) Side effects 2",
                all(3, 4, 2),
            ),
            ("4\n3\n5", all(4, 3, 5)),
            ("a) 4\nc) 5", Ok(vec![Some(Some(4)), None, Some(Some(5))])),
            // Out of range: that item is invalid (below), the others read.
            (
                "a) 4, b) 7, c) 5",
                Ok(vec![Some(Some(4)), Some(None), Some(Some(5))]),
            ),
            // A remark about another item: that item's value cannot be
            // told from it.
            (
                "a) 4 b) 3 c) 5 (actually b is more like 2)",
                Ok(vec![Some(Some(4)), Some(None), Some(None)]),
            ),
            ("a) 4 b) 3 (a fair bit) c) 5", all(4, 3, 5)),
            ("a) 4 b) 3 c) 5 - b is the weak spot", all(4, 3, 5)),
            (
                "a) 4 b) 3 c) 5 (b nearer two)",
                Ok(vec![Some(Some(4)), Some(None), Some(None)]),
            ),
            // Given twice, differently: unclear.
            (
                "a) 4, a) 2, b) 3, c) 5",
                Ok(vec![Some(None), Some(Some(3)), Some(Some(5))]),
            ),
            (
                "a) 4, b) n/a, c) 5",
                Ok(vec![Some(Some(4)), Some(None), Some(Some(5))]),
            ),
        ] {
            let got = items(text);
            let got = got.map(|items| {
                items
                    .into_iter()
                    .map(|i| i.map(|v| v.filter(|_| true)))
                    .collect::<Vec<_>>()
            });
            if text == "a4 b3 c5" {
                assert!(
                    matches!(got, Ok(ref v) if v.iter().all(Option::is_some)),
                    "{text}: {got:?}"
                );
                continue;
            }
            if text == "a) 4, b) n/a, c) 5" {
                // "n/a" for one item is that item's reserved answer.
                let survey = survey();
                let GridReading::Items(read) = super::super::read_grid(&survey.questions[3], text)
                else {
                    panic!("{text}")
                };
                assert_eq!(
                    read[1].as_ref().and_then(Answer::reserved),
                    Some(crate::survey::Reserved::NotApplicable)
                );
                continue;
            }
            assert_eq!(got, expected, "{text}");
        }
    }

    /// A value outside the grid's scale is invalid, as a scale's answer
    /// is (so the clarification names the range), in any form, and only
    /// for its item.
    #[test]
    fn grids_in_words_for_all_items_and_items_by_their_words() {
        let all = |a, b, c| Ok(vec![Some(Some(a)), Some(Some(b)), Some(Some(c))]);
        for (text, expected) in [
            ("Very confident on all three", all(5, 5, 5)),
            ("not at all confident for each", all(1, 1, 1)),
            ("All 5s except routes - 4", all(5, 4, 5)),
            ("all 4s apart from b) 2", all(4, 2, 4)),
            ("a - 3  b - 4  c - 5", all(3, 4, 5)),
            ("4 (dose), 4 (route), 3 (side effects)", all(4, 4, 3)),
            (
                "Dose 2, route 2, side effects 3 - still learning",
                all(2, 2, 3),
            ),
            ("dosing 4, route 3, managing SEs 4", all(4, 3, 4)),
            ("3 for dosing and routes, 4 for side effects", all(3, 3, 4)),
            (
                "a 4, b depends whether they can swallow, c 4",
                Ok(vec![Some(Some(4)), Some(None), Some(Some(4))]),
            ),
        ] {
            assert_eq!(items(text), expected, "{text}");
        }
        for unclear in [
            "fairly confident on all three",
            "Very confident on all four",
            "All 5s except routes - 4 or 3",
            "all 4s except c",
        ] {
            assert!(
                !matches!(items(unclear), Ok(v) if v.iter().any(|i| matches!(i, Some(Some(_))))),
                "{unclear}"
            );
        }
    }

    #[test]
    fn a_table_drawn_with_pipes() {
        for text in [
            "| item | score |\n|---|---|\n| a) dose | 4 |\n| b) route | 3 |\n| c) side effects | 5 |",
            "| Area | Score |\n|------|-------|\n| Dosing | 4 |\n| Route | 3 |\n| Side effects | 5 |",
            "| a | 4 |\n| b | 3 |\n| c | 5 |",
        ] {
            assert_eq!(
                items(text),
                Ok(vec![Some(Some(4)), Some(Some(3)), Some(Some(5))]),
                "{text}"
            );
        }
        // An item given as the scale's own end words.
        assert_eq!(
            items("a) 4, b) very confident, c) Not at all confident."),
            Ok(vec![Some(Some(4)), Some(Some(5)), Some(Some(1))])
        );
        assert_eq!(
            items("a) 4, b) quite confident, c) 5"),
            Ok(vec![Some(Some(4)), Some(None), Some(Some(5))]),
            "words that are not the scale's own end words stay unclear"
        );
    }

    #[test]
    fn a_value_out_of_range_is_invalid_for_its_item_only() {
        let survey = survey();
        for text in [
            "a) 4, b) 7, c) 5",
            "4 7 5",
            "dosing - 4\nroutes - 7\nside effects - 5",
        ] {
            let GridReading::Items(read) = super::super::read_grid(&survey.questions[3], text)
            else {
                panic!("{text}")
            };
            let statuses: Vec<Option<Status>> =
                read.iter().map(|a| a.as_ref().map(|a| a.status)).collect();
            assert_eq!(
                statuses,
                [Some(Status::Ok), Some(Status::Invalid), Some(Status::Ok)],
                "{text}"
            );
            let reason = read[1]
                .as_ref()
                .and_then(|a| a.reason.clone())
                .unwrap_or_default();
            assert!(reason.contains("outside"), "{text}: {reason}");
        }
    }

    #[test]
    fn unclear_grids_are_never_guessed() {
        for text in [
            "4",
            "4 3",
            "4 3 5 2",
            "quite confident overall",
            "a) 4, d) 3, c) 5",
            "lack: 4",
            "3-4",
            "3-4-5-4",
            "3-4 4",
        ] {
            let got = items(text);
            let unclear = match &got {
                Err(answer) => answer.status == Status::Unclear,
                Ok(items) => items.iter().all(Option::is_none),
            };
            assert!(unclear || text == "lack: 4", "{text}: {got:?}");
        }
        // One value for every item, said so.
        for text in [
            "4 for all three",
            "4 across the board",
            "all 4s",
            "4 for each",
            "4 to all",
        ] {
            assert_eq!(items(text), Ok(vec![Some(Some(4)); 3]), "{text}");
        }
        for text in [
            "4 for all four",
            "4 for both",
            "4 for most",
            "4 or 5 for all",
            "4 for all, 5 for c",
        ] {
            let got = items(text);
            assert!(
                !matches!(&got, Ok(v) if v.iter().all(|i| i.is_some_and(|v| v.is_some()))),
                "{text}: {got:?}"
            );
        }
        // A table row whose words name another item than its letter's
        // is not read as this item's value.
        let got = items("a) Side effects\t3\nb) Route\t4\nc) Starting dose\t2");
        assert!(
            !matches!(&got, Ok(v) if v.iter().all(|i| i.is_some_and(|v| v.is_some()))),
            "{got:?}"
        );
        // "n/a" for the whole grid where the grid allows it.
        let whole = items("n/a").unwrap_err();
        assert_eq!(
            whole.reserved(),
            Some(crate::survey::Reserved::NotApplicable)
        );
        let whole = items("N/A - never used it").unwrap_err();
        assert_eq!(
            whole.reserved(),
            Some(crate::survey::Reserved::NotApplicable)
        );
    }

    fn ranked(text: &str) -> Result<Vec<String>, String> {
        let survey = survey();
        let answer = super::super::read(&survey.questions[5], text);
        match (answer.status, answer.value) {
            (Status::Ok, Some(Value::Choices(ids))) => Ok(ids),
            _ => Err(answer.reason.unwrap_or_default()),
        }
    }

    #[test]
    fn rankings_as_doctors_write_them() {
        let order = ["evidence", "expertise", "access", "side_effects"];
        for text in [
            "b > a > d > c",
            "b, a, d, c",
            "b a d c",
            "b\na\nd\nc",
            "1. b\n2. a\n3. d\n4. c",
            "1. Lack of evidence\n2. Lack of expertise and familiarity\n3. Access to the drug (supply and licensing)\n4. Side effects",
            "1 evidence, 2 expertise, 3 access, 4 side effects",
            "a) 2\nb) 1\nc) 4\nd) 3",
            "a) 2, b) 1, c) 4, d) 3",
            "expertise - 2\nevidence - 1\nside effects - 4\naccess - 3",
            "a) Lack of expertise and familiarity 2\nb) Lack of evidence 1\nc) Side effects 4\nd) Access to the drug (supply and licensing) 3",
            "2 a) Lack of expertise and familiarity\n1 b) Lack of evidence\n4 c) Side effects\n3 d) Access to the drug (supply and licensing)",
            "1st evidence, 2nd expertise, 3rd access, 4th side effects",
            "evidence > expertise > access > side effects",
            "1b 2a 3d 4c",
            "1) b 2) a 3) d 4) c",
            "1. b 2. a 3. d 4. c",
            "b then a then d then c",
            "b/a/d/c",
            "b-a-d-c",
            "b (biggest), a, d, c (smallest)",
            "b, a, d, c - evidence is the main one",
            "b > a > d > c (access is a close third)",
            "The biggest is lack of evidence, then expertise, then access; side effects is the smallest",
            "Biggest: evidence, followed by expertise, then access, and side effects last",
            "lack of evidence is the biggest, then expertise, then access, then side effects",
            "b first, a second, d third, c last",
            "d third, b first, c last, second a",
            "a 2 b 1 c 4 d 3",
            "(1) evidence (2) expertise (3) access (4) side effects",
        ] {
            assert_eq!(ranked(text), Ok(order.map(String::from).to_vec()), "{text}");
        }
    }

    #[test]
    fn ties_gaps_and_unknown_options_are_unclear() {
        for (text, why) in [
            ("a) 1, b) 1, c) 2, d) 3", "tie"),
            ("a) 1, b) 2, c) 4, d) 5", "ranks go from 1"),
            ("b > a > d", "has no rank"),
            ("b first, a second, d second, c last", "tie"),
            ("a 2 b 1 c 4 d 4", "tie"),
            ("a 2 b 1 c 4", "has no rank"),
            ("b first, a second, c last", "disagree"),
            ("b > a > e > c", "no option e"),
            ("b > a > d > c > a", "twice"),
            ("a < b < c < d", "<"),
            (
                "lack > side effects > access > evidence",
                "more than one option",
            ),
            ("2 1 4 3", "two numbers"),
            ("a) 1, b, c) 3, d) 4", "some options have a number"),
            ("b = a > d > c", "none of the options"),
            ("1b 2a 3d", "has no rank"),
            ("1) b 2) a 4) d 3) c", "none of the options"),
            ("b/a/d", "has no rank"),
            ("b (or a), a, d, c", "none of the options"),
            ("b, a (joint first), d, c", "none of the options"),
            ("b (2nd), a, d, c", "some options have a number"),
            ("all equally", "none of the options"),
            (
                "Evidence, then the biggest is expertise, then access, then side effects",
                "its words and its place disagree",
            ),
            (
                "The smallest is evidence, then expertise, then access, then side effects",
                "its words and its place disagree",
            ),
            (
                "The biggest is cost, then evidence, then access",
                "none of the options",
            ),
        ] {
            let got = ranked(text);
            assert!(
                matches!(&got, Err(reason) if reason.contains(why)),
                "{text}: {got:?}"
            );
        }
    }
}
