//! A ranking's answer: the options from rank 1 down. Read from a numbered
//! list of labels or letters (`1. Lack of evidence`), `b > a > d > c`,
//! letters or labels in order (`b, a, d, c`), or a rank beside each
//! option (`a) 2`, `Side effects - 1`, `2 a) Lack of ...`). Every option
//! must get a distinct rank from 1 to n: ties, gaps, a missing or an
//! unknown option make the answer unclear (asked about), never guessed.
//!
//! Linear: the text is cut to [`super::grid::MAX_LENGTH`] bytes and
//! [`super::grid::MAX_PIECES`] pieces before any reading.

use std::sync::LazyLock;

use regex::Regex;

use super::grid::{self, Named};
use crate::survey::ChoiceOption;
use crate::understand::answer::{Answer, Value};

/// One piece of a ranking: the rank written, the option named, and where
/// its words put it ("the biggest is ...").
struct Ranked {
    rank: Option<usize>,
    option: Result<usize, String>,
    said: Option<Place>,
}

/// Where words of a ranking put an option: first ("the biggest is
/// access") or last ("lack of expertise is the smallest").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    First,
    Last,
}

/// The words that put an option first or last.
const PLACE_WORDS: &str = r"(?P<w>biggest|largest|greatest|main|top|first|highest|worst|most\s+important|smallest|least(?:\s+important)?|lowest|last)(?:\s+(?:one|barrier|problem|issue|factor|of\s+all|of\s+them|of\s+the\s+\w+))?";

/// "Then lack of evidence", "followed by side effects", "and finally
/// access": words that lead on to the next option and say nothing else.
static LEADING_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:and\s+)?(?:(?:then|followed\s+by|next|after\s+that|finally|lastly)\s+)?(?P<rest>\S.*)$")
        .expect("valid regex")
});
/// "The biggest is access to the drug", "smallest: side effects".
static PLACED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:the\s+)?{PLACE_WORDS}\s*(?:is|would\s+be|[:=\-–])\s+(?P<rest>\S.*)$"
    ))
    .expect("valid regex")
});
/// "Lack of expertise is the smallest", "side effects last".
static PLACED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?P<rest>.*?\S)\s+(?:(?:is|are|being|as|comes?)\s+)?(?:the\s+)?{PLACE_WORDS}\s*$"
    ))
    .expect("valid regex")
});

/// A piece of a ranking in words ("the biggest is access to the drug",
/// "then lack of evidence", "lack of expertise is the smallest"): the
/// option's part and where the words put it, when the option's part names
/// one option and the whole piece does not.
fn in_words<'a>(text: &'a str, options: &[ChoiceOption]) -> Option<(&'a str, Option<Place>)> {
    if option_named(text, options).is_ok() {
        return None;
    }
    let led = LEADING_ON
        .captures(text)
        .and_then(|c| c.name("rest"))
        .map_or(text, |m| m.as_str());
    let (rest, word) = match PLACED_BEFORE
        .captures(led)
        .or_else(|| PLACED_AFTER.captures(led))
    {
        Some(c) => (c.name("rest")?.as_str(), Some(c.name("w")?.as_str())),
        None => (led, None),
    };
    let place = word.map(|w| {
        let w = w.to_ascii_lowercase();
        if ["smallest", "least", "lowest", "last"]
            .iter()
            .any(|l| w.starts_with(l))
        {
            Place::Last
        } else {
            Place::First
        }
    });
    let rest = rest.trim().trim_end_matches(['.', ',']);
    (rest.len() < text.trim().len() && option_named(rest, options).is_ok()).then_some((rest, place))
}

/// A rank written before (`1.`, `1)`, `1st`, `#1`, `1 -`) an option.
fn leading_rank(piece: &str) -> Option<(usize, &str)> {
    let piece = piece.trim_start_matches('#');
    // `(1) evidence`: the rank in brackets.
    let piece = match piece.strip_prefix('(') {
        Some(rest)
            if rest
                .find(')')
                .is_some_and(|at| at > 0 && rest[..at].bytes().all(|b| b.is_ascii_digit())) =>
        {
            rest
        }
        _ => piece,
    };
    let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rank = piece[..digits].parse().ok()?;
    let mut rest = &piece[digits..];
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(r) = rest.strip_prefix(suffix) {
            rest = r;
            break;
        }
    }
    let after = rest.trim_start_matches(['.', ')', ':', '-', '–', '=', ' ']);
    // "1" alone, or "1." then the option, or `1b` (a lone letter); not
    // "12abc".
    let lone_letter = rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic());
    (after.len() < rest.len() || rest.is_empty() || lone_letter).then_some((rank, after.trim()))
}

/// A rank written after an option (`a) 2`, `evidence - 1`, `access (3)`,
/// `b=4`).
fn trailing_rank(piece: &str) -> Option<(&str, usize)> {
    let piece = piece.trim_end_matches([')', ' ', '.']);
    let mut end = piece.len();
    for suffix in ["st", "nd", "rd", "th"] {
        if piece.ends_with(suffix)
            && piece[..piece.len() - 2].ends_with(|c: char| c.is_ascii_digit())
        {
            end = piece.len() - 2;
            break;
        }
    }
    let body = &piece[..end];
    let digits = body.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rank = body[body.len() - digits..].parse().ok()?;
    let before = &body[..body.len() - digits];
    let head = before.trim_end_matches([' ', ':', '-', '–', '=', '(', '#']);
    // The option before needs a separator, or is one letter ("a2").
    if head.len() == before.len()
        && !(head.len() == 1 && head.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return None;
    }
    Some((head.trim(), rank))
}

/// The option `text` names: a letter (`b`, `b)`, with or without its
/// label), its label, its id, or words only its label has.
fn option_named(text: &str, options: &[ChoiceOption]) -> Result<usize, String> {
    let labels: Vec<(&str, &str)> = options
        .iter()
        .map(|o| (o.id.as_str(), o.label.as_str()))
        .collect();
    let text = text.trim().trim_end_matches(['.', ',']);
    if let Some((i, rest)) = grid::letter_key(text) {
        if i >= options.len() {
            return Err(format!(
                "\"{text}\": there is no option {}",
                crate::survey::questionnaire::option_letter(i)
            ));
        }
        let rest = grid::without_label(rest, &options[i].label);
        if rest.is_empty() {
            return Ok(i);
        }
    }
    match grid::named(text, &labels) {
        Named::One(i) => Ok(i),
        Named::Several => Err(format!("\"{text}\" fits more than one option")),
        Named::None => Err(format!("\"{text}\" is none of the options")),
    }
}

/// An option named, then a remark about it that holds no number and no
/// lone letter: `b (biggest)`, `c - evidence is the main one`, `d
/// (access is a close third)`. The option's part, when it names one
/// option and the whole does not.
fn without_remark<'a>(text: &'a str, options: &[ChoiceOption]) -> Option<&'a str> {
    let at = [" (", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()?;
    let (head, remark) = (text[..at].trim(), &text[at..]);
    let words: Vec<String> = remark
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // A lone letter is another option, but for "I" and the article ("a
    // close third"); a tie or a choice is no remark.
    let plain = !remark.bytes().any(|b| b.is_ascii_digit())
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().count() != 1
                || w == "i"
                || (w == "a" && words.get(i + 1).is_some_and(|n| n.chars().count() > 1))
        })
        && !words.iter().any(|w| {
            ["or", "equal", "equally", "same", "tied", "tie", "joint"].contains(&w.as_str())
        });
    (plain && option_named(text, options).is_err() && option_named(head, options).is_ok())
        .then_some(head)
}

fn piece(text: &str, options: &[ChoiceOption]) -> Ranked {
    if let Some((named, said)) = in_words(text, options) {
        return Ranked {
            rank: None,
            option: option_named(named, options),
            said,
        };
    }
    let text = without_remark(text, options).unwrap_or(text);
    if let Some((rank, rest)) = ordinal_word(text)
        && option_named(text, options).is_err()
        && let Ok(option) = option_named(rest, options)
    {
        return Ranked {
            rank: Some(rank),
            option: Ok(option),
            said: None,
        };
    }
    if let Some((rank, rest)) = leading_rank(text) {
        if trailing_rank(rest).is_some() && !rest.is_empty() {
            return Ranked {
                rank: Some(rank),
                option: Err(format!("\"{text}\" has two numbers")),
                said: None,
            };
        }
        return Ranked {
            rank: Some(rank),
            option: option_named(rest, options),
            said: None,
        };
    }
    if let Some((head, rank)) = trailing_rank(text) {
        return Ranked {
            rank: Some(rank),
            option: option_named(head, options),
            said: None,
        };
    }
    Ranked {
        rank: None,
        option: option_named(text, options),
        said: None,
    }
}

/// The pieces of a ranking: one per line, or, on one line, between `>`,
/// commas or semicolons, or single letters apart (`b a d c`).
fn pieces(text: &str, count: usize) -> Result<Vec<&str>, String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() != 1 {
        return Ok(grid::pieces(text, count));
    }
    let line = lines[0];
    if line.contains('<') {
        return Err("written with \"<\": say which comes first with numbers 1 to n".to_owned());
    }
    if line.contains('>') {
        return Ok(line
            .split('>')
            .map(str::trim)
            .take(grid::MAX_PIECES)
            .collect());
    }
    if let Some(listed) = numbered_on_one_line(line, count) {
        return Ok(listed);
    }
    // `1b 2a 3d 4c`: each word a rank and a letter.
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 1
        && words.len() <= grid::MAX_PIECES
        && words.iter().all(|w| {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&digits)
                && w.len() == digits + 1
                && w.as_bytes()[digits].is_ascii_alphabetic()
        })
    {
        return Ok(words);
    }
    if let Some(pairs) = letter_rank_pairs(line) {
        return Ok(pairs);
    }
    // `b then a then d then c`, `b/a/d/c`, `b-a-d-c`: lone letters apart.
    for sep in [" then ", "/", "-"] {
        let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
        if parts.len() > 1
            && parts.len() <= grid::MAX_PIECES
            && parts
                .iter()
                .all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            return Ok(parts);
        }
    }
    if let Some(letters) = run_together(line, count) {
        return Ok(letters);
    }
    let parts = grid::pieces(line, count);
    if parts.len() == 1 {
        let letters: Vec<&str> = line.split_whitespace().collect();
        if letters.len() > 1
            && letters.iter().all(|w| {
                w.trim_end_matches(')').len() == 1
                    && w.chars().all(|c| c.is_ascii_alphabetic() || c == ')')
            })
        {
            return Ok(letters.into_iter().take(grid::MAX_PIECES).collect());
        }
    }
    Ok(parts)
}

/// `a 3 b 1 c 4 d 2`: each option's lone letter, a space and its rank,
/// in pairs on one line: the pairs (`a 3`), read as `a) 3` is.
fn letter_rank_pairs(line: &str) -> Option<Vec<&str>> {
    let words: Vec<(usize, &str)> = line
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    if words.len() < 4 || !words.len().is_multiple_of(2) || words.len() > 2 * grid::MAX_PIECES {
        return None;
    }
    let mut out = Vec::new();
    for pair in words.chunks(2) {
        let ((at, letter), (end, rank)) = (pair[0], pair[1]);
        let fits = letter.len() == 1
            && letter.bytes().all(|b| b.is_ascii_alphabetic())
            && (1..=2).contains(&rank.len())
            && rank.bytes().all(|b| b.is_ascii_digit());
        if !fits {
            return None;
        }
        out.push(&line[at..end + rank.len()]);
    }
    Some(out)
}

/// "d second", "third: a", "second - access": an ordinal word (second to
/// tenth) before or after an option (never an option's own word, "Second
/// opinion": the caller reads the whole first): its rank and the option's
/// part.
/// "First" and "last" are read as places ([`Place`]).
fn ordinal_word(piece: &str) -> Option<(usize, &str)> {
    const ORDINALS: [&str; 9] = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    let piece = piece.trim().trim_end_matches(['.', ',']);
    let rank = |w: &str| {
        let w = w.trim_matches([':', '-', '–', '=']).to_ascii_lowercase();
        ORDINALS.iter().position(|o| *o == w).map(|i| i + 2)
    };
    if let Some((head, last)) = piece.rsplit_once(' ')
        && let Some(r) = rank(last)
    {
        return Some((r, head.trim_end_matches([' ', ':', '-', '–', '='])));
    }
    let (first, rest) = piece.split_once(' ')?;
    Some((
        rank(first)?,
        rest.trim_start_matches([' ', ':', '-', '–', '=']),
    ))
}

/// The options' letters run together, `bdac` or `BDAC`: one word of
/// exactly `count` (three or more) letters, each an option's letter, each
/// once. Anything else (`bdab`, `bda`) is not read this way.
fn run_together(line: &str, count: usize) -> Option<Vec<&str>> {
    if !(3..=grid::MAX_PIECES).contains(&count) || line.len() != count {
        return None;
    }
    let mut seen = vec![false; count];
    for b in line.bytes() {
        let at = usize::from(b.to_ascii_lowercase().checked_sub(b'a')?);
        if !b.is_ascii_alphabetic() || at >= count || std::mem::replace(&mut seen[at], true) {
            return None;
        }
    }
    Some((0..count).map(|i| &line[i..i + 1]).collect())
}

/// A numbered list on one line, `1) b 2) a 3) d 4) c` or `1. b 2. a 3. d
/// 4. c`: the entries, when the line starts at 1 and every mark from 2 to
/// `count` follows in order, spaced. One pass over the line per mark.
fn numbered_on_one_line(line: &str, count: usize) -> Option<Vec<&str>> {
    let (first, _) = leading_rank(line)?;
    if first != 1 || !(2..=20).contains(&count) {
        return None;
    }
    let mut cuts = vec![0];
    let mut from = 0;
    for rank in 2..=count {
        let at = [
            format!(" {rank}) "),
            format!(" {rank}. "),
            format!(" ({rank}) "),
        ]
        .iter()
        .filter_map(|mark| line[from..].find(mark.as_str()).map(|i| from + i))
        .min()?;
        cuts.push(at);
        from = at + 1;
    }
    cuts.push(line.len());
    Some(cuts.windows(2).map(|w| line[w[0]..w[1]].trim()).collect())
}

/// Reads `text` as a ranking of `options`.
pub(super) fn ranking(text: &str, options: &[ChoiceOption]) -> Answer {
    let text = text.trim();
    if text.len() > grid::MAX_LENGTH {
        return Answer::unclear("too long to read as a ranking", "");
    }
    let n = options.len();
    let pieces = match pieces(text, n) {
        Ok(pieces) => pieces,
        Err(why) => return Answer::unclear(why, text),
    };
    let mut read: Vec<Ranked> = pieces.iter().map(|p| piece(p, options)).collect();
    // "b first, d second, a third, c last": beside ranks, "first" is 1
    // and "last" the last.
    if read.iter().any(|r| r.rank.is_some()) {
        for r in read.iter_mut().filter(|r| r.rank.is_none()) {
            r.rank = match r.said {
                Some(Place::First) => Some(1),
                Some(Place::Last) => Some(n),
                None => None,
            };
        }
    }
    let mut by_rank: Vec<Option<usize>> = vec![None; n];
    let mut seen = vec![false; n];
    let ranked = read.iter().filter(|r| r.rank.is_some()).count();
    if ranked != 0 && ranked != read.len() {
        return Answer::unclear("some options have a number and some do not", text);
    }
    for (at, r) in read.iter().enumerate() {
        let option = match &r.option {
            Ok(i) => *i,
            Err(why) => return Answer::unclear(why.clone(), text),
        };
        if std::mem::replace(&mut seen[option], true) {
            return Answer::unclear(format!("{} is ranked twice", options[option].label), text);
        }
        let rank = r.rank.unwrap_or(at + 1);
        // "The biggest is ..." written anywhere but first, "... is the
        // smallest" anywhere but last: the words and the order disagree.
        let placed = match r.said {
            Some(Place::First) => rank == 1,
            Some(Place::Last) => rank == read.len(),
            None => true,
        };
        if !placed {
            return Answer::unclear(
                format!(
                    "{}: its words and its place disagree",
                    options[option].label
                ),
                text,
            );
        }
        if rank == 0 || rank > n {
            return Answer::unclear(format!("rank {rank}: the ranks go from 1 to {n}"), text);
        }
        if by_rank[rank - 1].replace(option).is_some() {
            return Answer::unclear(format!("a tie: two options ranked {rank}"), text);
        }
    }
    if let Some(missing) = seen.iter().position(|s| !s) {
        return Answer::unclear(format!("\"{}\" has no rank", options[missing].label), text);
    }
    let ids = by_rank
        .into_iter()
        .map(|o| o.map(|i| options[i].id.clone()))
        .collect::<Option<Vec<String>>>();
    match ids {
        Some(ids) => Answer::ok(Value::Choices(ids), text),
        None => Answer::unclear("a gap in the ranks", text),
    }
}
