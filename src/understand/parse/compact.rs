//! Compact forms of a whole reply on few lines: a plain-text table drawn
//! with pipes (`| 4 | 7 |`), question codes with short answers on one line
//! (`Q1 Y, Q2 N, Q3 Y`, `1Y 2N 3N 4-6`), and summaries ("yes to all but 2
//! and 5"). Each reader takes one line, already bounded, and walks it once.

use std::sync::LazyLock;

use regex::Regex;

/// What a line with pipes is.
#[derive(Debug, PartialEq)]
pub(super) enum Row<'a> {
    /// A row for question `.0` (0-based), its answer (the last cell, the
    /// cell of the column a header named, or the header of the column
    /// marked), and the label the row gives the question, if any (`1 End
    /// of life | Y`, `1 | End of life | Y`): the caller checks that it
    /// names no other question.
    Answer(usize, String, Option<&'a str>),
    /// A row for one item of question `.0` by its letter (`4a. Starting
    /// dose | 3`, `4(b) | 4`): the item's letter and its answer. Only a
    /// grid has items; the caller checks that the question is one.
    Item(usize, char, String),
    /// A row for question `.0` whose answer cannot be told (both Yes and
    /// No marked, a mark that is no mark, two free cells filled): the row.
    Unclear(usize, String),
    /// A header naming the answers' column (`| No. | Answer | Notes |`) or
    /// columns headed by answers (`| Q | Yes | No | Other |`): the rows
    /// below take their answer from them.
    Header(Columns),
    /// A header, a rule (`|---|---|`, `+----+`) or a row for no question:
    /// not read.
    Other,
}

/// How a table's header laid out its columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Columns {
    /// The column a header named as the answers' ("Answer", "Reply").
    pub answer: Option<usize>,
    /// Columns headed by an answer (`Yes`, `No`, `N`, an option's letter):
    /// a mark (`X`, a tick, `*`) in one of them gives that answer. At
    /// least two, or none.
    pub marks: Vec<(usize, String)>,
}

/// Headers of the column that holds the answers.
const ANSWER_COLUMN: &[&str] = &[
    "answer",
    "answers",
    "your answer",
    "my answer",
    "response",
    "responses",
    "reply",
];

/// What marks a column's answer in a row: a cross or a tick, a star or a
/// bullet. A cross that says no (`✗`, `❌`) is not among them: in a
/// column it could mean either.
const MARKS: &[&str] = &[
    "x",
    "✓",
    "✔",
    "✔\u{fe0f}",
    "☑",
    "☑\u{fe0f}",
    "☒",
    "✅",
    "*",
    "•",
    "●",
    "(x)",
    "[x]",
];

/// A header cell that is itself an answer: yes, no, or an option's
/// letter (`a`, `a)`, `(a)`).
fn answer_header(cell: &str) -> Option<String> {
    let c = cell.trim_matches(['*', '_', ':', ' ', '?']).to_lowercase();
    match c.as_str() {
        "yes" | "y" => return Some("yes".to_owned()),
        "no" | "n" => return Some("no".to_owned()),
        _ => {}
    }
    let letter = c.trim_start_matches('(').trim_end_matches([')', '.']);
    let mut chars = letter.chars();
    match (chars.next(), chars.next()) {
        (Some(l), None) if l.is_ascii_lowercase() => Some(l.to_string()),
        _ => None,
    }
}

/// A table's header row: a first cell that is no question number and
/// either a cell naming the answers' column or at least two cells that
/// are answers (`Yes | No`, `a | b | c`).
pub(super) fn header(cells: &[&str]) -> Option<Columns> {
    let yes_no = |c: &str| matches!(answer_header(c).as_deref(), Some("yes" | "no"));
    if cells
        .first()
        .is_none_or(|c| code_number(c).is_some() || yes_no(c))
    {
        return None;
    }
    let answer = cells.iter().position(|c| {
        let c = c.trim_matches(['*', '_', ':', ' ']).to_ascii_lowercase();
        ANSWER_COLUMN.contains(&c.as_str())
    });
    let marks: Vec<(usize, String)> = cells
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(at, c)| answer_header(c).map(|a| (at, a)))
        .collect();
    // Options' letters head columns only as a run from `a` (`a | b | c`).
    let letters = marks.iter().filter(|(_, a)| a.len() == 1);
    let run = letters
        .zip('a'..='z')
        .all(|((_, a), expected)| a.starts_with(expected));
    let marks = if marks.len() >= 2 && run {
        marks
    } else {
        Vec::new()
    };
    (answer.is_some_and(|at| at > 0) || !marks.is_empty()).then_some(Columns {
        answer: answer.filter(|at| *at > 0),
        marks,
    })
}

/// A line of a table drawn with pipes: at least two cells, the first a
/// question number (`1`, `Q1`, `1.`), the answer in the column a header
/// named, in the column it headed by an answer and the row marked, or
/// else in the last cell; a header (above); or the table's rule
/// (`|---|`, `+----+`). `None` for any other line.
pub(super) fn table_row<'a>(
    text: &'a str,
    questions: usize,
    columns: Option<&Columns>,
) -> Option<Row<'a>> {
    if !text.contains('|') {
        return ascii_rule(text).then_some(Row::Other);
    }
    let trimmed = text.trim();
    let trimmed = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let trimmed = trimmed.strip_suffix('|').unwrap_or(trimmed);
    let mut cells: Vec<&str> = trimmed.split('|').map(str::trim).collect();
    if cells.len() < 2 {
        return None;
    }
    if let Some(columns) = header(&cells) {
        return Some(Row::Header(columns));
    }
    if columns.is_none() {
        // Without a header, empty cells hold nothing: the answer is the
        // last cell written.
        cells.retain(|c| !c.is_empty());
    }
    // The number alone, or the number and a label in one cell.
    let Some(first) = cells.first().copied() else {
        return Some(Row::Other);
    };
    if let Some(item) = item_row(&cells, questions) {
        return Some(item);
    }
    let (first, mut label) = match code_number(first) {
        Some(_) => (first, None),
        None => match first.split_once(' ') {
            Some((n, words)) if code_number(n).is_some() => (n, Some(words.trim())),
            _ => (first, None),
        },
    };
    let Some(number) = code_number(first) else {
        // A rule (`|---|:--|`) is the table's; any other line is not.
        let rule = cells.iter().all(|c| {
            c.chars()
                .all(|ch| matches!(ch, '-' | ':' | '=' | '+' | ' '))
        });
        return rule.then_some(Row::Other);
    };
    let Some(index) = number.checked_sub(1).filter(|i| *i < questions) else {
        return Some(Row::Other);
    };
    if let Some(columns) = columns.filter(|c| !c.marks.is_empty()) {
        if label.is_none() && cells.len() > 2 && columns.marks[0].0 > 1 {
            label = Some(cells[1]);
        }
        return Some(marked_row(index, &cells, columns, label));
    }
    let at = columns.and_then(|c| c.answer).unwrap_or(cells.len() - 1);
    if at >= 2 {
        label = Some(cells[1]);
    }
    let answer = cells.get(at).copied().unwrap_or_default();
    if answer.is_empty() {
        return Some(Row::Other);
    }
    Some(Row::Answer(index, answer.to_owned(), label))
}

/// A row whose first cell starts with a grid item's code (`4a.`, `4a)`,
/// `4(a)`, `Q4a`), perhaps before the item's words, and whose last cell
/// is its answer: [`Row::Item`]. `None` for any other row.
fn item_row<'a>(cells: &[&str], questions: usize) -> Option<Row<'a>> {
    let [first, .., last] = cells else {
        return None;
    };
    let (number, letter) = item_code(first.split(' ').next()?)?;
    let index = number.checked_sub(1).filter(|i| *i < questions)?;
    (!last.is_empty()).then(|| Row::Item(index, letter, (*last).to_owned()))
}

/// `4a.`, `4a)`, `4a:`, `4(a)`, `Q4a`, `q4.b`: a question's number and an
/// item's letter, else `None`.
pub(super) fn item_code(word: &str) -> Option<(usize, char)> {
    let lower = word.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix('q').unwrap_or(&lower);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let number = rest[..digits].parse().ok()?;
    let tail = rest[digits..].trim_start_matches('.');
    let tail = tail
        .strip_prefix('(')
        .map_or(tail, |t| t.strip_suffix(')').unwrap_or(t));
    let tail = tail.trim_end_matches(['.', ')', ':']);
    let mut chars = tail.chars();
    match (chars.next(), chars.next()) {
        (Some(letter @ 'a'..='z'), None) => Some((number, letter)),
        _ => None,
    }
}

/// A row under a header whose columns are answers: the answer of the one
/// marked column (`Yes`; letters of several for a choice: `a, c`), or,
/// with none marked, what the row wrote in the answers' column or in the
/// one other cell filled after the marks (`Other`, `Comments`). Both Yes
/// and No marked, something in a marked column that is no mark (`?`,
/// `maybe`), or two other cells filled: unclear.
fn marked_row<'a>(
    index: usize,
    cells: &[&str],
    columns: &Columns,
    label: Option<&'a str>,
) -> Row<'a> {
    let unclear = || Row::Unclear(index, cells.join(" | "));
    let mut marked = Vec::new();
    for (at, answer) in &columns.marks {
        let cell = cells.get(*at).copied().unwrap_or_default();
        if cell.is_empty() {
            continue;
        }
        if !MARKS.contains(&cell.to_lowercase().as_str()) {
            return unclear();
        }
        marked.push(answer.as_str());
    }
    let yes_no = marked
        .iter()
        .filter(|a| matches!(**a, "yes" | "no"))
        .count();
    if yes_no > 1 || (yes_no == 1 && marked.len() > 1) {
        return unclear();
    }
    if !marked.is_empty() {
        return Row::Answer(index, marked.join(", "), label);
    }
    let first_mark = columns.marks[0].0;
    let free: Vec<&str> = match columns.answer {
        Some(at) => cells.get(at).into_iter().copied().collect(),
        None => cells
            .iter()
            .enumerate()
            .filter(|(at, _)| *at > first_mark && !columns.marks.iter().any(|m| m.0 == *at))
            .map(|(_, c)| *c)
            .collect(),
    };
    let filled: Vec<&str> = free.into_iter().filter(|c| !c.is_empty()).collect();
    match filled.as_slice() {
        [] => Row::Other,
        [one] => Row::Answer(index, (*one).to_owned(), label),
        _ => unclear(),
    }
}

/// A rule of a table drawn in ASCII: `+----+--------+`.
fn ascii_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 3
        && t.contains('+')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':' | ' '))
}

/// Box-drawing characters (`┌─┬─┐`, `│`, `║`, `╠═╬═╣`) as the pipes and
/// dashes of a plain table: a line drawn with them reads as one drawn with
/// `|` and `-`. Any other character is itself.
pub(super) fn unboxed(c: char) -> char {
    match c {
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' | '╼' | '╾' => {
            '-'
        }
        '\u{2500}'..='\u{257f}' => '|',
        c => c,
    }
}

/// `1`, `1.`, `Q1`, `q.1`, `Question 1`: the number, else `None`.
pub(super) fn code_number(cell: &str) -> Option<usize> {
    let lower = cell.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("question")
        .or_else(|| lower.strip_prefix('q'))
        .unwrap_or(&lower)
        .trim_start_matches(['.', ' ', '#']);
    let rest = rest.trim_end_matches(['.', ')', ':']);
    (!rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.parse().ok())
        .flatten()
}

/// A code and its glued answer: `Q1`, `1Y`, `4-6`, `Q5:a+c`.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(q\.?\s*)?(\d{1,2})(?:[.):=\-]?)(\S*)$").expect("valid regex")
});

/// Question codes with short answers on one line: `Q1 Y, Q2 N, Q3 Y, Q4
/// 7`, `1Y 2N 3N 4-6 5B` or `1Y/2N/4=6/5=B` (a slash between codes; a
/// slash inside an answer, `5=a/b`, is not a code and the line is not
/// read). At least three codes, their numbers rising,
/// every answer one short word (at most five characters); anything else
/// on the line and it is not read this way.
///
/// Codes parted by spaces alone keep a slash inside an answer (`1:Y 2:N
/// 5:B/C`: 5's answer is `B/C`, read, or asked, as any answer is); codes
/// between commas may have a space between number and answer (`1y, 2n, 4
/// 6, 5 b&c`, see [`comma_codes`]).
pub(super) fn codes(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    let out = code_list_split(text, questions, &[';'])
        .or_else(|| code_list(text, questions))
        .or_else(|| comma_codes(text, questions))?;
    (out.len() >= 3).then_some(out)
}

/// Codes between commas, each one question's number and its short answer,
/// glued (`1y`), after a mark (`4-6`, `Q4: 6`) or after a space (`4 6`, `5
/// b&c`): at least three, their numbers rising, nothing else between the
/// commas. A number glued to a digit (`12`) is a number, never a code.
fn comma_codes(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    let text = text.trim().trim_end_matches('.');
    let mut out: Vec<(usize, String)> = Vec::new();
    for cell in text.split(',').map(str::trim) {
        let c = COMMA_CODE.captures(cell)?;
        let number: usize = c[1].parse().ok()?;
        let answer = c.get(2).or(c.get(3)).or(c.get(4))?.as_str();
        if !(1..=questions).contains(&number)
            || out.last().is_some_and(|(last, _)| *last >= number - 1)
        {
            return None;
        }
        out.push((number - 1, answer.replace(['+', '&'], ", ")));
    }
    (out.len() >= 3).then_some(out)
}

/// Answers grouped by a range of questions: `1-3: yes, yes, no`, `Q6 to
/// Q9 - yes, no, yes, yes`. The range rises and ends at a question; the
/// answers after it, between commas (the last perhaps after "and"), are
/// exactly as many as the range's questions, each at most three words,
/// and go to them in order; one bare yes or no ("1-3: yes") or one value
/// said for all ("6-9: all yes") goes to each. Any other count, and
/// `None` (read elsewhere, or asked).
pub(super) fn grouped_range(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    let c = GROUPED_RANGE.captures(text.trim())?;
    let first: usize = c[1].parse().ok()?;
    let last: usize = c[2].parse().ok()?;
    if first == 0 || last <= first || last > questions {
        return None;
    }
    let rest = c[3].trim().trim_end_matches('.');
    let pieces: Vec<&str> = rest
        .split(',')
        .flat_map(|p| {
            let p = p.trim();
            // "yes, no and yes": the last two parted by "and".
            match p.split_once(" and ") {
                Some((a, b)) if !a.contains(' ') && !b.trim().contains(' ') => vec![a, b.trim()],
                _ => vec![p],
            }
        })
        .map(|p| p.strip_prefix("and ").unwrap_or(p).trim())
        .collect();
    // "6-9: all yes", "6-9: yes to all": the one value for every question
    // of the range (each read as its answer: a yes for a score is asked).
    // "1-3: yes": a bare yes or no alone after the range is the same.
    if let [one] = pieces.as_slice() {
        let value = match ALL_SAME.captures(one) {
            Some(c) => c.get(1).or(c.get(2))?.as_str().to_lowercase(),
            None if ["yes", "no"].contains(&one.to_lowercase().as_str()) => one.to_lowercase(),
            None => return None,
        };
        return Some((first - 1..last).map(|q| (q, value.clone())).collect());
    }
    if pieces.len() != last - first + 1
        || pieces
            .iter()
            .any(|p| p.is_empty() || p.split_whitespace().count() > 3)
    {
        return None;
    }
    Some(
        pieces
            .into_iter()
            .enumerate()
            .map(|(k, p)| (first - 1 + k, p.to_owned()))
            .collect(),
    )
}

/// One value for a whole range: "all yes", "all no", "yes to all", "yes
/// to all of them", "yes for all four", "all of them yes", "yes
/// throughout".
static ALL_SAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:all(?:\s+of\s+them)?\s+(?:are\s+)?(?:an?\s+)?(yes|no)|(yes|no)\s+(?:(?:to|for)\s+(?:all|each|every\s+one)(?:\s+of\s+them|\s+(?:two|three|four|five|six|seven|eight|nine))?|throughout|across\s+the\s+board))\s*[.!]*$",
    )
    .expect("valid regex")
});

/// A range of questions and a mark, then answers: `1-3: `, `Q6 to Q9 - `.
static GROUPED_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:q(?:uestions?|s)?\.?\s*)?(\d{1,2})\s*(?:-|–|to)\s*(?:q\.?\s*)?(\d{1,2})\s*(?::|=|\)|\.|\s[-–—])\s*(\S.*)$",
    )
    .expect("valid regex")
});

/// One code between commas: `1y`, `Q4: 6`, `4 6`, `5 b&c`.
static COMMA_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:q\.?\s*)?(\d{1,2})(?:([a-z][^\s\d]{0,4})|\s*[.):=\-]?\s*?\s(\S{1,5})|[.):=\-](\S{1,5}))$")
        .expect("valid regex")
});

/// Question codes between pipes on one line: `Q1 Y | Q2 N | Q3 Y | Q4 7
/// | Q5 B` (no table: every cell is one code with its answer). At least
/// three cells, their numbers rising; any other cell, and `None` (a
/// table's row is read as one).
pub(super) fn piped_codes(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    if !text.contains('|') {
        return None;
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    for cell in text.split('|').map(str::trim).filter(|c| !c.is_empty()) {
        let [code] = <[(usize, String); 1]>::try_from(code_list(cell, questions)?).ok()?;
        if out.last().is_some_and(|(last, _)| *last >= code.0) {
            return None;
        }
        out.push(code);
    }
    (out.len() >= 3).then_some(out)
}

/// The codes of [`codes`], however few.
fn code_list(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    code_list_split(text, questions, &[';', '/'])
}

/// The codes of [`code_list`], parted by spaces and `parts`.
fn code_list_split(text: &str, questions: usize, parts: &[char]) -> Option<Vec<(usize, String)>> {
    // A comma ends a code ("Q1 Y, Q2 N") or joins two options glued to one
    // ("5-a,c"). Split as read: most lines are no codes, told by their
    // first word (issue 23).
    let tokens = text
        .split(|c: char| c.is_whitespace() || parts.contains(&c))
        .map(|t| t.trim_end_matches(','))
        .filter(|t| !t.is_empty());
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut waiting = false;
    for token in tokens {
        if waiting {
            if token.chars().count() > 5 {
                return None;
            }
            out.last_mut()?.1 = token.to_owned();
            waiting = false;
            continue;
        }
        // [`CODE`] starts with a `q` or a digit: any other token is told
        // from its first character, before the search for captures.
        if !token.starts_with(|c: char| c == 'q' || c == 'Q' || c.is_numeric()) {
            return None;
        }
        let c = CODE.captures(token)?;
        let number: usize = c[2].parse().ok()?;
        let glued = &c[3];
        if glued.contains('/') && glued.contains(|c: char| c.is_ascii_digit()) {
            // "1Y/2N": codes between slashes, not one answer.
            return None;
        }
        if glued.is_empty() && c.get(1).is_none() && !token.ends_with(['.', ')', ':', '=', '-']) {
            // A bare number with its answer after a space ("1 Y") is a
            // listed answer, not a code; the line is not codes.
            return None;
        }
        if !(1..=questions).contains(&number)
            || out.last().is_some_and(|(last, _)| *last >= number - 1)
            || glued.chars().count() > 5
        {
            return None;
        }
        out.push((number - 1, glued.to_owned()));
        waiting = glued.is_empty();
    }
    if waiting || out.is_empty() {
        return None;
    }
    Some(
        out.into_iter()
            .map(|(q, a)| (q, a.replace(['+', ','], ", ")))
            .collect(),
    )
}

/// "Yes to all but 2 and 5", "no to everything apart from Q1 and Q8",
/// "All yes except the community guidance one", "everything's a yes bar 2
/// and 6", perhaps after "In short:" or "Short version:"; the exceptions'
/// value may follow them: "which are no", "where it's a no", "(both
/// no)", "(no)", "- both no", "(no to those)".
static SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:hi|hello|dear \w+)\s*[,.!]?\s*)?(?:(?:in\s+short|short\s+version|in\s+brief|quick\s+version|summary|briefly)\s*[:,\-–—]\s*)?(?:it'?s\s+|that'?s\s+|(?:my\s+)?answers?\s*(?:is|are)?\s*:?\s*)?(?:(yes|no)\s+(?:(?:to|for)\s+(?:all|everything|every\s+question|all\s+(?:the\s+)?questions|all\s+of\s+them|all\s+(?:of\s+)?(?:the\s+)?(?:yes\s*/\s*no|yes-no|yes\s+or\s+no|y\s*/\s*n)\s+(?:ones|questions))|across\s+the\s+board)|(?:all|everything)(?:\s+is|\s+are|'s|’s)?\s+(?:an?\s+)?(yes|no))(?:\s+(?:from|for)\s+(?:me|us|my\s+side))?(?:\s*,?\s*(?:but|bar|except(?:\s+for)?|apart\s+from|other\s+than|save\s+for|save)\s+(.+?)(?:\s*,?\s*(?:(?:which|that|those|these|they)\s+(?:are|is|were|was)|where\s+(?:it|they)(?:'s|’s|\s+is|'re|’re|\s+are))\s+(?:both\s+|all\s+)?(?:an?\s+)?(yes|no)|\s*\(\s*(?:(?:both|all|each|which|those|these|they)\s+)?(?:(?:are|is|were|was)\s+)?(?:both\s+|all\s+)?(?:an?\s+)?(yes|no)\s*\)|\s*(?:\(\s*|,\s*|\s[-–—]\s*)(yes|no)\s+(?:to|for)\s+(?:those|these|them|both)(?:\s+(?:two|three|of\s+them))?\s*\)?|\s*(?:,|\s[-–—])\s*(?:both|all|each|those|these|they|they'?re|they’re)\s+(?:(?:are|were)\s+)?(?:both\s+|all\s+)?(?:an?\s+)?(yes|no))?)?\s*[.!]*$",
    )
    .expect("valid regex")
});

/// "all the yes/no ones", "all of the yes/no questions": a summary for the
/// yes/no questions alone.
static YES_NO_ONES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\ball\s+(?:of\s+)?(?:the\s+)?(?:yes\s*/\s*no|yes-no|yes\s+or\s+no|y\s*/\s*n)\s+(?:ones|questions)\b")
        .expect("valid regex")
});

/// A summary, then the questions the doctor is not sure of, perhaps with
/// a reason after a spaced dash: "Yes across the board except I'm not
/// sure about 7 - best ask Helen".
static UNSURE_EXCEPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s*,?\s+(?:but|except(?:\s+for)?|apart\s+from|other\s+than|save\s+for)\s+(?:that\s+)?(?:(?:i'?m|i’m|i\s+am)\s+)?(?:not\s+sure|unsure)\s+(?:about|of|on|for)\s+(.+?)(?:\s+[-–—]\s+(.+?))?\s*[.!]*$")
        .expect("valid regex")
});

/// Reads a summary with no exceptions of its own followed by the
/// questions the doctor is not sure of ([`UNSURE_EXCEPTION`]): those are
/// asked, the rest take the summary's value. The reason after a dash
/// must be a plain one ([`plain_reason`]).
pub(super) fn unsure_summary(
    text: &str,
    questions: usize,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Option<Summary> {
    let c = UNSURE_EXCEPTION.captures(text.trim())?;
    let head = summary(&c[1], questions, named).filter(|s| s.except.is_empty())?;
    if c.get(3)
        .is_some_and(|reason| !plain_reason(reason.as_str()))
    {
        return None;
    }
    let unsure = exception_list(&c[2], questions, named)?;
    Some(Summary { unsure, ..head })
}

/// A question number or a range of them (`3`, `Q3`, `1-3`, `1 to 3`).
const NUMBERS: &str = r"(?:q\.?\s*|questions?\s+)?\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?";

/// "Yes to 1-3 and 6, no to 7 and 8; yes to 9", "Yes: 1, 3, 6": the whole
/// line is such clauses, each a value and the question numbers (or
/// ranges) it is for.
static VALUE_LISTS: LazyLock<Regex> = LazyLock::new(|| {
    let list = format!(r"{NUMBERS}(?:\s*(?:,|&|\band\b)\s*{NUMBERS})*");
    let clause = format!(r"(?:yes|no)\s*(?:\s(?:to|for)\s+|[:=]\s*){list}");
    Regex::new(&format!(
        r"(?i)^\s*{clause}(?:\s*[,;]?\s*(?:and\s+)?{clause})*\s*[.!]*\s*$"
    ))
    .expect("valid regex")
});
/// One clause of such a line.
static VALUE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let list = format!(r"{NUMBERS}(?:\s*(?:,|&|\band\b)\s*{NUMBERS})*");
    Regex::new(&format!(
        r"(?i)(yes|no)\s*(?:\s(?:to|for)\s+|[:=]\s*)({list})"
    ))
    .expect("valid regex")
});
/// A number or range within a clause.
static NUMBER_OR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d{1,2})(?:\s*(?:-|–|to)\s*(\d{1,2}))?").expect("valid regex")
});

/// "Yes to 1-3 and 6, no to 7 and 8, yes to 9": each question number
/// named (0-based) with the value given it, in the order written. A range
/// must rise and every number be a question's; otherwise (or when the
/// line is anything more) `None`. A question named twice gets both values
/// (the caller's answers then disagree, and it is asked).
pub(super) fn value_lists(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    if !VALUE_LISTS.is_match(text) {
        return None;
    }
    let mut out = Vec::new();
    for clause in VALUE_LIST.captures_iter(text) {
        let value = clause[1].to_ascii_lowercase();
        for n in NUMBER_OR_RANGE.captures_iter(&clause[2]) {
            let first: usize = n[1].parse().ok()?;
            let last: usize = match n.get(2) {
                Some(m) => m.as_str().parse().ok()?,
                None => first,
            };
            if first == 0 || last < first || last > questions {
                return None;
            }
            out.extend((first..=last).map(|q| (q - 1, value.clone())));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A question number and `=` or `:` starting a piece of a line: `4 = 5`,
/// `Q5: a+c`.
static NUMBERED_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[,;/]\s*)(?:q\.?\s*)?(\d{1,2})\s*([=:])(\s*)").expect("valid regex")
});

/// Several numbered answers on one line, each a question number, `=` or
/// `:`, and its answer: `4 = 5, 5 = a+c`, `Q4: 8; Q5: b, c`. At least
/// two, the first at the start of the line, the numbers rising, each
/// answer not empty; a colon glued to a digit (`9:30`, a time) is not
/// one. Also "1 yes, 2 no, 3 yes" (see [`spaced_pieces`]). `None` for
/// any other line.
pub(super) fn numbered_pieces(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    separated_pieces(text, questions).or_else(|| spaced_pieces(text, questions))
}

/// A question number and a space starting a piece of a line: `1 yes`.
static SPACED_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[,;/|]\s*)(?:q\.?\s*)?(\d{1,2})\s+").expect("valid regex")
});

/// Marks written between a question's number and its answer: `4 - 8`,
/// `4 – 8`, `4 : 8`, `4 = 8`.
const NUMBER_MARKS: &[char] = &['-', '–', '—', ':', '=', '.', ')'];

/// "1 yes, 2 no, 3 yes, 4 7, 5 a": numbered answers between commas (or
/// semicolons, slashes, pipes), each number and its answer a space apart,
/// perhaps with a spaced mark between (`4 - 8, 5 - c`); or with nothing
/// but spaces between the pieces ("1 y 2 n 3 y 4 7 5 b", see
/// [`run_together`]). Stricter than with `=` or `:`: at least three
/// pieces, the numbers one after another, each answer at most two words
/// (one when only spaces part the pieces).
fn spaced_pieces(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    let text = text.trim().trim_end_matches('.');
    if !text.contains([',', ';', '/', '|']) {
        return run_together(text, questions);
    }
    let mut starts: Vec<(usize, usize, usize)> = Vec::new();
    for c in SPACED_PIECE.captures_iter(text) {
        let whole = c.get(0)?;
        let number: usize = c[1].parse().ok()?;
        if starts.is_empty() && whole.start() != 0 {
            return None;
        }
        let follows = starts.last().is_none_or(|(last, _, _)| number == last + 1);
        if number == 0 || number > questions || !follows {
            return None;
        }
        starts.push((number, whole.start(), whole.end()));
    }
    if starts.len() < 3 {
        return None;
    }
    let mut out = Vec::new();
    for (k, (number, _, end)) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).map_or(text.len(), |next| next.1);
        let answer = text[*end..stop].trim();
        // "4 - 8": the mark between number and answer is neither.
        let answer = match answer.strip_prefix(NUMBER_MARKS) {
            Some(rest) if rest.starts_with(' ') => rest.trim(),
            _ => answer,
        };
        if answer.is_empty() || answer.split_whitespace().count() > 2 {
            return None;
        }
        out.push((number - 1, answer.to_owned()));
    }
    Some(out)
}

/// "1 y 2 n 3 y 4 7 5 b 6 y": numbered answers with only spaces between
/// them (a phone's keyboard hides the line breaks): each question's
/// number, perhaps a mark (`1. y`, `1 - y`), then exactly one word, and
/// the next number must be the one after. So "4 7 5 b" can only be 7 for
/// question 4 and b for question 5. At least three pieces, starting the
/// line, nothing left over; an answer of two words ("a c") breaks the
/// count and the line is not read this way.
fn run_together(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    let mut tokens = text.split_whitespace();
    let mut out: Vec<(usize, String)> = Vec::new();
    while let Some(token) = tokens.next() {
        let digits = token.trim_end_matches(NUMBER_MARKS);
        let number: usize = (digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()?;
        let follows = out.last().is_none_or(|(last, _)| number == last + 2);
        if number == 0 || number > questions || !follows || token.len() > digits.len() + 1 {
            return None;
        }
        let mut answer = tokens.next()?;
        if answer.chars().all(|c| NUMBER_MARKS.contains(&c)) {
            answer = tokens.next()?;
        }
        if answer.chars().count() > 5 || answer.chars().all(|c| NUMBER_MARKS.contains(&c)) {
            return None;
        }
        out.push((number - 1, answer.to_owned()));
    }
    (out.len() >= 3).then_some(out)
}

/// Pieces with `=` or `:` (see [`numbered_pieces`]).
fn separated_pieces(text: &str, questions: usize) -> Option<Vec<(usize, String)>> {
    let text = text.trim();
    let mut starts: Vec<(usize, usize, usize)> = Vec::new();
    for c in NUMBERED_PIECE.captures_iter(text) {
        let whole = c.get(0)?;
        let number: usize = c[1].parse().ok()?;
        let after = text[whole.end()..].chars().next();
        if &c[2] == ":" && c[3].is_empty() && after.is_some_and(|ch| ch.is_ascii_digit()) {
            return None;
        }
        if starts.is_empty() && whole.start() != 0 {
            return None;
        }
        if number == 0
            || number > questions
            || starts.last().is_some_and(|(last, _, _)| *last >= number)
        {
            return None;
        }
        starts.push((number, whole.start(), whole.end()));
    }
    if starts.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (k, (number, _, end)) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).map_or(text.len(), |next| next.1);
        let answer = text[*end..stop]
            .trim()
            .trim_end_matches(['.', ',', ';'])
            .trim();
        if answer.is_empty() {
            return None;
        }
        out.push((number - 1, answer.to_owned()));
    }
    Some(out)
}

/// A line of a table pasted as text (Word, Excel: cells between tabs)
/// whose first cell is a question number, alone or before a short label
/// (`1.\tYes`, `1. End of life\tYes`), or that is a table's header
/// ([`header`]: `Question\tYes\tNo\tOther`): the line with its cells
/// between pipes, empty ones kept in their place (`| 1. End of life | X |
/// |`), for [`table_row`]. `None` for any other line.
pub(super) fn tabbed_row(line: &str) -> Option<String> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    let first = cells.first()?;
    let number = first.split(' ').next()?;
    if code_number(number).is_none() && item_code(number).is_none() && header(&cells).is_none() {
        return None;
    }
    (cells.iter().filter(|c| !c.is_empty()).count() >= 2)
        .then(|| format!("| {} |", cells.join(" | ")))
}

/// A summary: its value for the questions it covers, and the questions
/// excepted (0-based).
#[derive(Debug, Default, PartialEq)]
pub(super) struct Summary {
    /// Yes to all, or no to all.
    pub value: bool,
    /// The questions excepted ("but 2 and 5").
    pub except: Vec<usize>,
    /// The questions the doctor is not sure of ("except I'm not sure
    /// about 7"): asked, whatever their kind.
    pub unsure: Vec<usize>,
    /// Only the yes/no questions are covered ("yes to all the yes/no
    /// ones"): a question of another kind is left as it is.
    pub yes_no_only: bool,
    /// The `unsure` questions were the summary's exceptions, their value
    /// doubted by the words after them ("where it's complicated"; see
    /// [`doubted_exceptions`]).
    pub doubted_exceptions: bool,
    /// The summary line gives its exceptions' value ("..., which are
    /// no", "(both no)").
    pub valued: bool,
}

/// Words after a summary's exceptions that doubt or put off their value
/// ("where it's complicated", "those depend", "see below", "I'll come
/// back to them", "it's mixed", "sort of", "it varies").
const DOUBTING: &[&str] = &[
    "complicated",
    "complex",
    "tricky",
    "sure",
    "unsure",
    "depends",
    "depend",
    "depending",
    "varies",
    "vary",
    "variable",
    "mixed",
    "partly",
    "partially",
    "sort",
    "kind",
    "below",
    "later",
    "back",
    "unclear",
    "difficult",
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "sometimes",
    "nuanced",
    "borderline",
];

/// "Yes to all except 3 and 7" (`head`), then words that doubt or put
/// off the exceptions' value (`after`: "where it's complicated", "those
/// depend"): the exceptions are asked, never taken as the opposite of the
/// summary. `None` when the summary has no exceptions, the head already
/// gives their value ("which are no"), or nothing in `after` doubts.
pub(super) fn doubted_exceptions(summary: &Summary, after: &str) -> Option<Summary> {
    if summary.except.is_empty() || summary.valued {
        return None;
    }
    let doubts = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| DOUBTING.contains(&w.to_lowercase().as_str()));
    doubts.then(|| Summary {
        value: summary.value,
        except: Vec::new(),
        unsure: summary.except.clone(),
        yes_no_only: summary.yes_no_only,
        doubted_exceptions: true,
        valued: summary.valued,
    })
}

/// Words that join the exceptions' numbers ("questions 2 and 5").
const JOINING: &[&str] = &[
    "and",
    "question",
    "questions",
    "no",
    "no.",
    "nos",
    "nos.",
    "numbers",
    "number",
];

/// Reads a summary line. The exceptions are question numbers joined by
/// commas, "and", "&" (with "question", "questions", "Q", "no."), or
/// questions named by their words ("the community guidance one", "the
/// question about training"), each of which `named` must tie to exactly
/// one question; anything else and the line is not a summary.
pub(super) fn summary(
    text: &str,
    questions: usize,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Option<Summary> {
    let c = SUMMARY.captures(text.trim())?;
    let value = c.get(1).or(c.get(2))?.as_str().eq_ignore_ascii_case("yes");
    // "No to all apart from 8 and 9, which are yes": the exceptions must
    // be the other value, or the line says two things at once.
    let valued = c.get(4).or(c.get(5)).or(c.get(6)).or(c.get(7));
    if valued.is_some_and(|w| w.as_str().eq_ignore_ascii_case("yes") == value) {
        return None;
    }
    let except = match c.get(3) {
        Some(list) => exception_list(list.as_str(), questions, named)?,
        None => Vec::new(),
    };
    Some(Summary {
        value,
        except,
        yes_no_only: YES_NO_ONES.is_match(text),
        valued: valued.is_some(),
        ..Default::default()
    })
}

/// The questions a list of exceptions names ("2 and 5", "Q1, Q3 & 8",
/// "the community guidance one"): each piece between commas, "&" or
/// "and" must name some; `None` otherwise, or for none.
fn exception_list(
    list: &str,
    questions: usize,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Option<Vec<usize>> {
    let mut except = Vec::new();
    for piece in list
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        except.extend(excepted(piece, questions, named)?);
    }
    (!except.is_empty()).then_some(except)
}

/// A yes or a no, as a word or a plural ("yeses", "no's").
const YES_NO_WORD: &str = r"(yes|no)(?:'s|’s|es|s)?";

/// "Mostly no's I'm afraid - the only yeses are 1 and 9", "the only no
/// was 7", "only 2 and 8 are yes (for us)": the questions named take one value,
/// every other the opposite; a lead ("mostly no", "largely yes from
/// me") must give that opposite.
static ONLY_SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    let lead = format!(
        r"(?:(?:mostly|mainly|largely|nearly\s+all|almost\s+all)\s+{YES_NO_WORD}(?:\s+(?:from\s+me|i'?m\s+afraid|i’m\s+afraid|sadly|really))*\s*(?:[-–—:;,]\s*|\s)\s*)?"
    );
    let numbers = r"(?:for\s+|to\s+)?(.+?)";
    Regex::new(&format!(
        r"(?i)^{lead}(?:(?:the\s+)?only\s+{YES_NO_WORD}\s+(?:are|were|is|was|would\s+be)\s+{numbers}|only\s+(.+?)\s+(?:are|were|is|was)\s+(?:an?\s+)?{YES_NO_WORD})(?:\s+(?:for|from)\s+(?:me|us|my\s+side))?\s*[.!]*$"
    ))
    .expect("valid regex")
});

/// Reads a summary by its only exceptions ([`ONLY_SUMMARY`]): the value
/// of every question but those named, which take the opposite. `None`
/// when a lead gives the same value as the exceptions (the line says two
/// things at once) or the list names anything but questions.
pub(super) fn only_summary(
    text: &str,
    questions: usize,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Option<Summary> {
    let c = ONLY_SUMMARY.captures(text.trim())?;
    let is_yes = |i: usize| c.get(i).map(|m| m.as_str().eq_ignore_ascii_case("yes"));
    let exceptions_yes = is_yes(2).or(is_yes(5))?;
    if is_yes(1) == Some(exceptions_yes) {
        return None;
    }
    let list = c.get(3).or(c.get(4))?.as_str();
    let except = exception_list(list, questions, named)?;
    Some(Summary {
        value: !exceptions_yes,
        except,
        ..Default::default()
    })
}

/// A summary with a reason after it ("Yes to everything - we're big
/// users here!", "Yes to everything (we run a clinic)"): the summary of
/// the part before the reason, when the reason is a plain one
/// ([`plain_reason`]).
pub(super) fn summary_with_reason(
    text: &str,
    questions: usize,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Option<Summary> {
    let (head, reason) = reason_cut(text)?;
    let summary = summary(head, questions, named)?;
    (summary.except.is_empty() && plain_reason(reason)).then_some(summary)
}

/// The line cut before a reason: at ` - `, ` – `, ` — ` or ` (`.
fn reason_cut(text: &str) -> Option<(&str, &str)> {
    let text = text.trim().trim_end_matches(['.', '!']);
    // Each separator has one of these: without them, none is searched
    // for (issue 23: four searchers built for nearly every line).
    if !text.contains(['-', '–', '—', '(']) {
        return None;
    }
    [" - ", " – ", " — ", " ("]
        .iter()
        .filter_map(|sep| text.find(sep).map(|at| (at, sep.len())))
        .min()
        .map(|(at, len)| (&text[..at], text[at + len..].trim_end_matches(')')))
}

/// Words that make a reason after a summary more than a reason: another
/// answer, an exception, a doubt, a correction, a question or a place.
const NOT_PLAIN: &[&str] = &[
    "yes",
    "no",
    "not",
    "but",
    "except",
    "apart",
    "other",
    "save",
    "bar",
    "besides",
    "excluding",
    "question",
    "questions",
    "q",
    "sure",
    "wait",
    "sorry",
    "actually",
    "meant",
    "mean",
    "rest",
    "first",
    "last",
    "all",
    "everything",
    "maybe",
    "perhaps",
    "probably",
    "unsure",
    "unless",
];

/// A reason that only explains ("we're big users here", "I've never
/// prescribed it myself"): at most 25 words, no number, none of
/// [`NOT_PLAIN`].
pub(super) fn plain_reason(reason: &str) -> bool {
    let words: Vec<String> = reason
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty()
        && words.len() <= 25
        && !reason.chars().any(|c| c.is_ascii_digit())
        && !words.iter().any(|w| NOT_PLAIN.contains(&w.as_str()))
}

/// Questions named by their place: "the first three", or "the rest".
#[derive(Debug, PartialEq)]
pub(super) enum Place {
    /// The first `.0` questions take the value `.1` ("no to the first
    /// three", "the first two are yes").
    First(usize, bool),
    /// Every question nothing else answers takes the value ("yes to the
    /// rest", "everything else no", "yes to everything after that").
    Rest(bool),
    /// A question (0-based) answered by its number between the places
    /// ("First three yes, 4 = 7, 5 = a, and yes to everything after
    /// that"): the answer's text, read as a listed answer is.
    Numbered(usize, String),
}

/// The words of a place.
const PLACE: &str = r"(?:the\s+)?first\s+(\w+)(?:\s+(?:questions?|ones|answers))?|(?:(?:the|all\s+the|all)\s+)?(?:rest|others|remainder|remaining(?:\s+(?:ones|questions))?)(?:\s+of\s+(?:them|the\s+questions))?|everything\s+else|all\s+else|everything\s+(?:else\s+)?after\s+(?:that|those|this|them)|(?:all\s+)?the\s+(?:ones|questions)\s+after\s+(?:that|those|this)";

/// "yes to the first three", "no for the rest".
static PLACE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:and\s+)?(yes|no)\s+(?:to|for)\s+(?:all\s+)?(?:{PLACE})$"
    ))
    .expect("valid regex")
});

/// Can `piece` be one of [`PLACE_AFTER`] or [`PLACE_BEFORE`]? Both need
/// a "yes" or a "no", so an ASCII piece without either cannot; any other
/// is searched (`(?i)` matches `ſ` as `s`). Most lines read here place
/// nothing: this spares them the searches for captures (issue 23).
fn says_yes_or_no(piece: &str) -> bool {
    if !piece.is_ascii() {
        return true;
    }
    // Looked for in place, not in a lowercase copy: 109,000 copies of
    // bench_parse's two rounds (issue 23).
    let has = |word: &[u8]| {
        piece
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    has(b"yes") || has(b"no")
}

/// "the first three are all no", "everything else yes", "the rest: no".
static PLACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:and\s+)?(?:{PLACE})\s*(?:(?:are|is)\s+(?:all\s+)?|[:=\-–]\s*)?(?:an?\s+)?(yes|no)s?$"
    ))
    .expect("valid regex")
});

/// A question by its number and a short answer, between the places of
/// a line: "4 = 7", "5: a", "Q4 - 6" (at most three words).
static PLACED_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:q\.?\s*)?(\d{1,2})\s*(?:=|:|\)|\s[-–—])\s*(\S+(?:\s+\S+){0,2})$")
        .expect("valid regex")
});

/// A count in digits or words, one to ten.
fn count(word: &str) -> Option<usize> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let lower = word.to_ascii_lowercase();
    WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|i| i + 1)
        .or_else(|| lower.parse().ok().filter(|n| (1..=10).contains(n)))
}

/// A line that answers questions by their place: clauses between commas,
/// semicolons or "and" ("No to the first three, yes to the rest"; "The
/// first three are all no"; "Everything else yes"), then perhaps a plain
/// reason (after a dash or bracket, or as the last pieces: "..., I'm
/// afraid"). `None` when any other piece stands on the line, or a count
/// passes the last question.
pub(super) fn by_position(text: &str, questions: usize) -> Option<Vec<Place>> {
    // The first piece must place, and every piece is part of the line:
    // a line with no yes or no places nothing (most lines read here).
    if !says_yes_or_no(text) {
        return None;
    }
    let line = text.trim().trim_end_matches(['.', '!']);
    let (head, reason) = reason_cut(line).unwrap_or((line, ""));
    let pieces: Vec<&str> = head
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut places = Vec::new();
    let mut rest_of_line = Vec::new();
    for piece in pieces {
        if !rest_of_line.is_empty() {
            rest_of_line.push(piece);
            continue;
        }
        let found = if says_yes_or_no(piece) {
            PLACE_AFTER
                .captures(piece)
                .map(|c| (c.get(1), c.get(2)))
                .or_else(|| PLACE_BEFORE.captures(piece).map(|c| (c.get(2), c.get(1))))
        } else {
            None
        };
        if !places.is_empty()
            && rest_of_line.is_empty()
            && let Some(c) = PLACED_CODE.captures(piece)
            && let Some(q) = c[1]
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|q| *q < questions)
        {
            places.push(Place::Numbered(q, c[2].to_owned()));
            continue;
        }
        let Some((Some(value), first)) = found else {
            if places.is_empty() {
                // Nothing placed before the rest of the line: no place
                // can follow, so the line is none (its other pieces are
                // not searched).
                return None;
            }
            rest_of_line.push(piece);
            continue;
        };
        let yes = value.as_str().eq_ignore_ascii_case("yes");
        places.push(match first {
            Some(n) => Place::First(count(n.as_str()).filter(|n| *n <= questions)?, yes),
            None => Place::Rest(yes),
        });
    }
    let more = [rest_of_line.join(" "), reason.to_owned()].join(" ");
    (!places.is_empty() && (more.trim().is_empty() || plain_reason(&more))).then_some(places)
}

/// The questions one piece of a summary's exceptions names: numbers
/// ("2", "Q5", "questions 2") or a question's words.
fn excepted(
    piece: &str,
    questions: usize,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Option<Vec<usize>> {
    let words: Vec<String> = piece
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .filter(|w| !JOINING.contains(&w.as_str()))
        .collect();
    let numbers: Option<Vec<usize>> = words
        .iter()
        .map(|w| code_number(w)?.checked_sub(1).filter(|i| *i < questions))
        .collect();
    match numbers {
        Some(n) if !n.is_empty() => Some(n),
        _ if words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) => None,
        _ => named(piece).map(|q| vec![q]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_that_may_say_yes_or_no() {
        for (piece, want) in [
            ("yes to the first three", true),
            ("The rest: NO", true),
            ("everything else Yes", true),
            ("nothing", true),
            ("maybe", false),
            ("ye s", false),
            ("n", false),
            ("", false),
            // Not ASCII: searched, whatever it holds.
            ("caf\u{e9}", true),
        ] {
            assert_eq!(says_yes_or_no(piece), want, "{piece}");
        }
    }

    #[test]
    fn a_grid_items_code() {
        for (word, want) in [
            ("4a.", Some((4, 'a'))),
            ("4b)", Some((4, 'b'))),
            ("4(c)", Some((4, 'c'))),
            ("Q4a", Some((4, 'a'))),
            ("q4.b", Some((4, 'b'))),
            ("4", None),
            ("4.", None),
            ("4ab", None),
            ("10am", None),
            ("a4", None),
        ] {
            assert_eq!(item_code(word), want, "{word}");
        }
        assert_eq!(
            table_row("| 4a. Starting dose | 3 |", 12, None),
            Some(Row::Item(3, 'a', "3".to_owned()))
        );
        assert_eq!(
            tabbed_row("4c. Side effects\t5").as_deref(),
            Some("| 4c. Side effects | 5 |")
        );
    }

    #[test]
    fn table_rows() {
        assert_eq!(
            table_row("| 4 | 7 |", 10, None),
            Some(Row::Answer(3, "7".to_owned(), None))
        );
        assert_eq!(
            table_row("Q1  | End of life | Y", 10, None),
            Some(Row::Answer(0, "Y".to_owned(), Some("End of life")))
        );
        assert_eq!(
            table_row("4 Confidence (0-10)   | 4", 10, None),
            Some(Row::Answer(3, "4".to_owned(), Some("Confidence (0-10)")))
        );
        assert_eq!(table_row("|---|---|", 10, None), Some(Row::Other));
        assert_eq!(
            table_row("| Q | Answer |", 10, None),
            Some(Row::Header(Columns {
                answer: Some(1),
                marks: vec![]
            }))
        );
        assert_eq!(
            table_row("| No. | Your answer | Notes |", 10, None),
            Some(Row::Header(Columns {
                answer: Some(1),
                marks: vec![]
            }))
        );
        assert_eq!(
            table_row(
                "| 4 | 6 | would be 8 with a protocol |",
                10,
                Some(&answer_at(1))
            ),
            Some(Row::Answer(3, "6".to_owned(), None))
        );
        assert_eq!(
            table_row(
                "| 4 | Confidence | 6 | more with a protocol |",
                10,
                Some(&answer_at(2))
            ),
            Some(Row::Answer(3, "6".to_owned(), Some("Confidence")))
        );
        assert_eq!(table_row("| 12 | yes |", 10, None), Some(Row::Other));
        assert_eq!(table_row("no pipes here", 10, None), None);
        assert_eq!(table_row("a | b", 10, None), None);
    }

    #[test]
    fn codes_on_one_line() {
        assert_eq!(
            codes("Q1 Y, Q2 N, Q3 Y, Q4 7, Q5 a+c", 10),
            Some(vec![
                (0, "Y".into()),
                (1, "N".into()),
                (2, "Y".into()),
                (3, "7".into()),
                (4, "a, c".into())
            ])
        );
        assert_eq!(codes("1Y 2N 3N 4-6", 10).map(|c| c.len()), Some(4));
        assert_eq!(
            codes("1y 2n 4-7 5-a,c", 10),
            Some(vec![
                (0, "y".into()),
                (1, "n".into()),
                (3, "7".into()),
                (4, "a, c".into())
            ])
        );
        // Not codes: a sentence, numbers falling, too few, a long word.
        assert_eq!(codes("3 of 5 consultants 7 days", 10), None);
        assert_eq!(codes("Q2 Y Q1 N Q3 Y", 10), None);
        assert_eq!(codes("Q1 Y Q2 N", 10), None);
        assert_eq!(codes("Q1 Y Q2 N Q3 sometimes", 10), None);
        assert_eq!(codes("1 Y 2 N 3 Y", 10), None);
    }

    #[test]
    fn codes_between_commas_and_after_colons() {
        assert_eq!(
            codes("1n, 2 y, 4 5, 5 a&c, 6n", 10),
            Some(vec![
                (0, "n".into()),
                (1, "y".into()),
                (3, "5".into()),
                (4, "a, c".into()),
                (5, "n".into())
            ])
        );
        assert_eq!(
            codes("1:N 2:Y 5:A/C", 10),
            Some(vec![(0, "N".into()), (1, "Y".into()), (4, "A/C".into())])
        );
        // Words between commas, a number glued to a digit, numbers falling,
        // codes between slashes glued into one answer.
        assert_eq!(codes("1n, 2y, 12 of us agree", 10), None);
        assert_eq!(codes("12, 15, 20", 10), None);
        assert_eq!(codes("3y, 2n, 4 5", 10), None);
        assert_eq!(
            codes("1Y/2N 3Y 4N", 10).map(|c| c[0].1.clone()),
            Some("Y".into())
        );
    }

    #[test]
    fn answers_grouped_by_ranges() {
        assert_eq!(
            grouped_range("1-3: yes, yes, no", 10),
            Some(vec![(0, "yes".into()), (1, "yes".into()), (2, "no".into())])
        );
        assert_eq!(
            grouped_range("Q6 to Q9 - no, no, yes and yes", 10).map(|g| g.len()),
            Some(4)
        );
        // Too few or too many answers, one for all, a falling or too long range.
        assert_eq!(grouped_range("1-3: yes, no", 10), None);
        assert_eq!(
            grouped_range("1-3: yes", 10),
            Some(vec![
                (0, "yes".into()),
                (1, "yes".into()),
                (2, "yes".into())
            ])
        );
        assert_eq!(grouped_range("1-3: yes mostly", 10), None);
        // One value said for the whole range.
        let all_yes = Some(vec![
            (5, "yes".into()),
            (6, "yes".into()),
            (7, "yes".into()),
            (8, "yes".into()),
        ]);
        assert_eq!(grouped_range("6-9: all yes", 10), all_yes);
        assert_eq!(grouped_range("Q6 to Q9 - yes to all of them", 10), all_yes);
        assert_eq!(grouped_range("6-9: mostly yes", 10), None);
        assert_eq!(grouped_range("6-9: all yes but 8", 10), None);
        assert_eq!(grouped_range("1-2: yes, no, yes", 10), None);
        assert_eq!(grouped_range("3-1: yes, no, yes", 10), None);
        assert_eq!(grouped_range("8-11: yes, no, yes, no", 10), None);
    }

    #[test]
    fn codes_between_pipes() {
        assert_eq!(
            piped_codes("Q1 N | Q2 Y | Q3 N | Q4 4 | Q5 c", 10),
            Some(vec![
                (0, "N".into()),
                (1, "Y".into()),
                (2, "N".into()),
                (3, "4".into()),
                (4, "c".into())
            ])
        );
        assert_eq!(
            piped_codes("| 1y | 2n | 3y |", 10).map(|c| c.len()),
            Some(3)
        );
        // A table's row, a cell of two codes or of words, too few, falling.
        assert_eq!(piped_codes("| 1 | Y |", 10), None);
        assert_eq!(piped_codes("4 Confidence | 7 | Q5 a", 10), None);
        assert_eq!(piped_codes("Q1 Y Q2 N | Q3 Y | Q4 7", 10), None);
        assert_eq!(piped_codes("Q1 Y | Q2 N", 10), None);
        assert_eq!(piped_codes("Q2 Y | Q1 N | Q3 Y", 10), None);
        assert_eq!(piped_codes("Q1 Y | Q2 N | Q3 yes and no", 10), None);
    }

    #[test]
    fn codes_between_slashes() {
        assert_eq!(
            codes("1Y/2N/3Y/4=6/5=B", 10),
            Some(vec![
                (0, "Y".into()),
                (1, "N".into()),
                (2, "Y".into()),
                (3, "6".into()),
                (4, "B".into())
            ])
        );
        assert_eq!(codes("1y / 2n / 3y", 10).map(|c| c.len()), Some(3));
        // "a/b" (either, or both) is no code: the line is not read.
        assert_eq!(codes("1Y/2N/3Y/4=6/5=a/b/6N", 10), None);
        assert_eq!(codes("4=6/10", 10), None);
    }

    #[test]
    fn values_listed_by_question_numbers() {
        let yes = |q: &[usize]| q.iter().map(|q| (*q, "yes".to_owned())).collect::<Vec<_>>();
        let mut want = yes(&[0, 1, 2, 5]);
        want.extend([
            (6, "no".to_owned()),
            (7, "no".to_owned()),
            (8, "yes".to_owned()),
        ]);
        assert_eq!(
            value_lists("Yes to 1-3 and 6, no to 7 and 8, yes to 9.", 10),
            Some(want)
        );
        assert_eq!(
            value_lists("no to Q2 & Q3; yes for questions 1 to 2", 10).map(|v| v.len()),
            Some(4)
        );
        // A range falling or past the last question, anything else on the
        // line, or no number: not read.
        assert_eq!(
            value_lists("Yes: 1, 3, 6", 10),
            Some(vec![
                (0, "yes".into()),
                (2, "yes".into()),
                (5, "yes".into())
            ])
        );
        assert_eq!(value_lists("No: 2 patients", 10), None);
        assert_eq!(value_lists("yes to 3-1", 10), None);
        assert_eq!(value_lists("yes to 1-12", 10), None);
        assert_eq!(value_lists("yes to 1-3 mostly", 10), None);
        assert_eq!(value_lists("yes to all", 10), None);
        assert_eq!(value_lists("I said yes to 2 last year", 10), None);
    }

    #[test]
    fn numbered_pieces_on_one_line() {
        assert_eq!(
            numbered_pieces("4 = 5, 5 = a+c", 10),
            Some(vec![(3, "5".into()), (4, "a+c".into())])
        );
        assert_eq!(
            numbered_pieces("Q4: 8; Q5: b, c.", 10),
            Some(vec![(3, "8".into()), (4, "b, c".into())])
        );
        // One piece, numbers falling, a time, text before: not read.
        assert_eq!(numbered_pieces("4 = 5", 10), None);
        assert_eq!(numbered_pieces("5 = a, 4 = 7", 10), None);
        assert_eq!(numbered_pieces("9:30, 10:00 suits me", 10), None);
        assert_eq!(numbered_pieces("Call me: 4 = 5, 5 = a", 10), None);
        assert_eq!(numbered_pieces("4 =, 5 = a", 10), None);
        assert_eq!(
            numbered_pieces("1 yes, 2 no, 3 yes, 4 7, 5 a c.", 10).map(|p| p.len()),
            Some(5)
        );
        // Marks between number and answer, other separators between pieces.
        let read = |t: &str| numbered_pieces(t, 10);
        let answers = |t: &str| read(t).map(|p| p.into_iter().map(|(_, a)| a).collect::<Vec<_>>());
        assert_eq!(
            answers("1 Yes, 2 No, 3 - no, 4 - 8, 5 – c"),
            Some(vec![
                "Yes".into(),
                "No".into(),
                "no".into(),
                "8".into(),
                "c".into()
            ])
        );
        assert_eq!(answers("1 yes / 2 no / 3 yes").map(|a| a.len()), Some(3));
        assert_eq!(
            answers("1 yes; 2 no; 3 yes | 4 6").map(|a| a.len()),
            Some(4)
        );
        // Only spaces between the pieces: one word each, numbers in turn.
        assert_eq!(
            answers("1 y 2 n 3 y 4 7 5 b 6 y"),
            Some(vec![
                "y".into(),
                "n".into(),
                "y".into(),
                "7".into(),
                "b".into(),
                "y".into()
            ])
        );
        assert_eq!(answers("1. Y 2 - N 3: Y 4 = 6").map(|a| a.len()), Some(4));
        for text in [
            "1 y 2 n 3 y 4 7 5 a c 6 y",
            "1 y 2 n 4 y",
            "3 of our 5 consultants",
            "2 or 3 times",
            "1 y 2 n",
            "1 y 2 n 3 yes please",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
        // Spaced: fewer than three, a gap, or a long answer: not read.
        assert_eq!(numbered_pieces("1 yes, 2 no", 10), None);
        assert_eq!(numbered_pieces("1 yes, 3 no, 4 yes", 10), None);
        assert_eq!(
            numbered_pieces("1 patient, 2 or 3 times a year, 3 no", 10),
            None
        );
    }

    #[test]
    fn rows_pasted_with_tabs() {
        assert_eq!(
            tabbed_row("1. End of life\tYes").as_deref(),
            Some("| 1. End of life | Yes |")
        );
        assert_eq!(
            tabbed_row("Q4\t\tConfidence\t7").as_deref(),
            Some("| Q4 |  | Confidence | 7 |")
        );
        assert_eq!(
            tabbed_row("Question\tYes\tNo\tOther").as_deref(),
            Some("| Question | Yes | No | Other |")
        );
        assert_eq!(
            tabbed_row("2. Early\t\tX\t").as_deref(),
            Some("| 2. Early |  | X |  |")
        );
        assert_eq!(tabbed_row("Sent:\t5 January 2026"), None);
        assert_eq!(tabbed_row("1.\t"), None);
        // Read as a table without a header, empty cells hold nothing.
        assert_eq!(
            table_row("| Q4 |  | Confidence | 7 |", 10, None),
            Some(Row::Answer(3, "7".to_owned(), Some("Confidence")))
        );
    }

    fn answer_at(at: usize) -> Columns {
        Columns {
            answer: Some(at),
            marks: vec![],
        }
    }

    #[test]
    fn columns_headed_by_answers_take_the_marked_one() {
        let Some(Row::Header(columns)) = table_row("| Question | Yes | No | Other |", 10, None)
        else {
            panic!("a header");
        };
        let row = |line| table_row(line, 10, Some(&columns));
        assert_eq!(
            row("| 1. End of life | X |  |  |"),
            Some(Row::Answer(0, "yes".to_owned(), Some("End of life")))
        );
        assert_eq!(
            row("| 2 |  | ✓ |  |"),
            Some(Row::Answer(1, "no".to_owned(), None))
        );
        assert_eq!(
            row("| 4 |  |  | 6 |"),
            Some(Row::Answer(3, "6".to_owned(), None))
        );
        assert_eq!(
            row("| 2 | x | x |  |"),
            Some(Row::Unclear(1, "2 | x | x | ".to_owned()))
        );
        assert_eq!(
            row("| 9 | ? |  |  |"),
            Some(Row::Unclear(8, "9 | ? |  | ".to_owned()))
        );
        assert_eq!(row("| 3 |  |  |  |"), Some(Row::Other));
        // Options as columns: the letters marked.
        let Some(Row::Header(options)) = table_row("| Q | a | b | c | d |", 10, None) else {
            panic!("a header");
        };
        assert_eq!(
            table_row("| 5 | x |  | x |  |", 10, Some(&options)),
            Some(Row::Answer(4, "a, c".to_owned(), None))
        );
        // Box-drawing lines read as pipes and dashes; `+---+` is a rule.
        let boxed: String = "├────┼────┤".chars().map(unboxed).collect();
        assert_eq!(table_row(&boxed, 10, None), Some(Row::Other));
        assert_eq!(table_row("+----+--------+", 10, None), Some(Row::Other));
        // Not headers: an option line, yes and no as the first cell.
        assert_eq!(header(&["a", "b", "c"]), None);
        assert_eq!(header(&["Q", "c", "d"]), None);
        assert_eq!(header(&["Yes", "No", "No"]), None);
    }

    #[test]
    fn questions_by_place_and_summaries_with_a_reason() {
        use Place::{First, Numbered, Rest};
        assert_eq!(
            by_position(
                "First three yes, 4 = 7, 5 = a, and yes to everything after that.",
                10
            ),
            Some(vec![
                First(3, true),
                Numbered(3, "7".into()),
                Numbered(4, "a".into()),
                Rest(true)
            ])
        );
        // Three numbered pieces, a yes/no among them.
        assert_eq!(
            by_position(
                "First two yes, 3 = yes, 4 = 6, 5 = b, and yes to the rest.",
                10
            ),
            Some(vec![
                First(2, true),
                Numbered(2, "yes".into()),
                Numbered(3, "6".into()),
                Numbered(4, "b".into()),
                Rest(true)
            ])
        );
        // A piece that is no answer by number: the line is none.
        assert_eq!(
            by_position("First three yes, 4 = 7, and 5 is a tricky one for me", 10),
            None
        );
        assert_eq!(by_position("4 = 7, first three yes", 10), None);
        assert_eq!(
            by_position(
                "No to the first three questions - I've never prescribed it myself.",
                10
            ),
            Some(vec![First(3, false)])
        );
        assert_eq!(
            by_position("Yes to the first two, no to the rest.", 10),
            Some(vec![First(2, true), Rest(false)])
        );
        assert_eq!(
            by_position("The first three are all no, I'm afraid.", 10),
            Some(vec![First(3, false)])
        );
        assert_eq!(
            by_position("Everything else yes", 10),
            Some(vec![Rest(true)])
        );
        assert_eq!(by_position("Yes to the rest.", 10), Some(vec![Rest(true)]));
        assert_eq!(by_position("Yes to the first half or so.", 10), None);
        assert_eq!(by_position("No to the rest, except 9", 10), None);
        assert_eq!(by_position("Yes to the first twelve", 10), None);
        assert!(plain_reason("we're big users here!"));
        assert!(!plain_reason("but not sure about the research one"));
        assert!(!plain_reason("no to 4"));
        let named = |_: &str| None;
        assert_eq!(
            summary_with_reason("Yes to everything - we're big users here!", 10, &named),
            Some(Summary {
                value: true,
                except: vec![],
                ..Default::default()
            })
        );
        assert_eq!(
            summary_with_reason("Yes to everything (we run a busy service).", 10, &named),
            Some(Summary {
                value: true,
                except: vec![],
                ..Default::default()
            })
        );
        assert_eq!(
            summary_with_reason("Yes to everything - except the scale", 10, &named),
            None
        );
    }

    #[test]
    fn a_summarys_exceptions_doubted_by_the_words_after_them() {
        let none = |_: &str| None;
        let exceptions = |head: &str| summary(head, 10, &none).unwrap();
        let asked = |value: bool, unsure: Vec<usize>| {
            Some(Summary {
                value,
                unsure,
                doubted_exceptions: true,
                ..Default::default()
            })
        };
        // (head, words after it, the summary read)
        let cases = [
            (
                "Yes to all except 3 and 7",
                "where it's complicated",
                asked(true, vec![2, 6]),
            ),
            (
                "Yes to all except 3 and 7",
                "which I'm not sure about",
                asked(true, vec![2, 6]),
            ),
            (
                "No to everything but 8",
                "those depend on the patient",
                asked(false, vec![7]),
            ),
            (
                "Yes to all apart from 3 and 7",
                "see below",
                asked(true, vec![2, 6]),
            ),
            (
                "Yes to all except 3",
                "I'll come back to you on that",
                asked(true, vec![2]),
            ),
            ("Yes to all except 3", "it's mixed", asked(true, vec![2])),
            (
                "Yes to all except 3",
                "it varies by team",
                asked(true, vec![2]),
            ),
            ("Yes to all except 3", "sort of", asked(true, vec![2])),
            ("Yes to all except 3", "partly", asked(true, vec![2])),
            ("Yes to all except 3", "tricky", asked(true, vec![2])),
            // A reason for a no, nothing after, or the value already given:
            // the exceptions stay no.
            ("Yes to all except 3 and 7", "we have no protocol", None),
            ("Yes to all except 3 and 7", "", None),
            (
                "Yes to all except 3 and 7, which are no",
                "it's complicated",
                None,
            ),
            ("Yes to all except 3 and 7 (both no)", "sort of", None),
            // No exceptions: nothing to doubt.
            ("Yes to all", "it's complicated", None),
        ];
        for (head, after, want) in cases {
            assert_eq!(
                doubted_exceptions(&exceptions(head), after),
                want,
                "{head} / {after}"
            );
        }
    }

    #[test]
    fn summaries_with_questions_not_sure_of() {
        let none = |_: &str| None;
        assert_eq!(
            unsure_summary(
                "No across the board, except I'm not sure about 6 - would need to check with pharmacy.",
                10,
                &none
            ),
            Some(Summary {
                value: false,
                unsure: vec![5],
                ..Default::default()
            })
        );
        assert_eq!(
            unsure_summary("Yes to all but not sure about 3 and 8", 10, &none),
            Some(Summary {
                value: true,
                unsure: vec![2, 7],
                ..Default::default()
            })
        );
        // Exceptions of its own, a reason that is more, no question.
        assert_eq!(
            unsure_summary("Yes to all but 2, not sure about 3", 10, &none),
            None
        );
        assert_eq!(
            unsure_summary("Yes to all but not sure about 3 - probably no", 10, &none),
            None
        );
        assert_eq!(
            unsure_summary("Yes to all but not sure about the rest", 10, &none),
            None
        );
        assert_eq!(
            summary("Yes to all the yes/no ones", 10, &none),
            Some(Summary {
                value: true,
                yes_no_only: true,
                ..Default::default()
            })
        );
        assert_eq!(
            summary(
                "Yes to all of the yes/no questions except 3 and 8, which are no.",
                10,
                &none
            ),
            Some(Summary {
                value: true,
                except: vec![2, 7],
                yes_no_only: true,
                valued: true,
                ..Default::default()
            })
        );
        // "Most of" is not all of them.
        assert_eq!(
            summary("Yes to most of the yes/no questions", 10, &none),
            None
        );
    }

    #[test]
    fn summaries_by_their_only_exceptions() {
        let none = |_: &str| None;
        assert_eq!(
            only_summary(
                "Mostly no's I'm afraid - the only yeses are 2 and 8.",
                10,
                &none
            ),
            Some(Summary {
                value: false,
                except: vec![1, 7],
                ..Default::default()
            })
        );
        assert_eq!(
            only_summary("Largely yes from me, the only no's are 3 and 6", 10, &none),
            Some(Summary {
                value: true,
                except: vec![2, 5],
                ..Default::default()
            })
        );
        assert_eq!(
            only_summary("the only no was question 7", 10, &none),
            Some(Summary {
                value: true,
                except: vec![6],
                ..Default::default()
            })
        );
        assert_eq!(
            only_summary("Only 1, 2 and 9 are yes for us", 10, &none),
            Some(Summary {
                value: false,
                except: vec![0, 1, 8],
                ..Default::default()
            })
        );
        // A lead of the same value, anything more, a number past the last.
        assert_eq!(
            only_summary("Mostly yes - the only yeses are 1 and 9", 10, &none),
            None
        );
        assert_eq!(
            only_summary("the only yeses are 1 and 9, maybe 6", 10, &none),
            None
        );
        assert_eq!(only_summary("the only yeses are 1 and 12", 10, &none), None);
        assert_eq!(
            only_summary("the only one I use is ketamine", 10, &none),
            None
        );
    }

    #[test]
    fn summaries() {
        let survey = crate::survey::example();
        let index = super::super::prose::Index::new(&survey.questions);
        let named = |label: &str| match index.label(label) {
            super::super::prose::Tie::One(q) => Some(q),
            _ => None,
        };
        let summary = |text: &str| summary(text, 10, &named);
        assert_eq!(
            summary("Everything's a no bar 3 and 8 (yes to those)."),
            Some(Summary {
                value: false,
                except: vec![2, 7],
                valued: true,
                ..Default::default()
            })
        );
        // The exceptions said to be the summary's own value: two things at once.
        assert_eq!(
            summary("Everything's a no bar 3 and 8 (no to those)."),
            None
        );
        assert_eq!(
            summary("Yes to all but 2 and 5."),
            Some(Summary {
                value: true,
                except: vec![1, 4],
                ..Default::default()
            })
        );
        assert_eq!(
            summary("Hi, no to everything apart from Q1 & Q8"),
            Some(Summary {
                value: false,
                except: vec![0, 7],
                ..Default::default()
            })
        );
        assert_eq!(
            summary("yes to all"),
            Some(Summary {
                value: true,
                except: vec![],
                ..Default::default()
            })
        );
        assert_eq!(
            summary("All yes except the community guidance one"),
            Some(Summary {
                value: true,
                except: vec![6],
                ..Default::default()
            })
        );
        assert_eq!(
            summary("Yes to everything except the question about training and the research one"),
            Some(Summary {
                value: true,
                except: vec![7, 8],
                ..Default::default()
            })
        );
        assert_eq!(
            summary("In short: yes to all of them except numbers 8 and 9, where it's a no."),
            Some(Summary {
                value: true,
                except: vec![7, 8],
                valued: true,
                ..Default::default()
            })
        );
        assert_eq!(
            summary("No to everything apart from 8 and 9, which are yes."),
            Some(Summary {
                value: false,
                except: vec![7, 8],
                valued: true,
                ..Default::default()
            })
        );
        for (text, value, except) in [
            ("Yes to all except 2 and 6 (both no).", true, vec![1, 5]),
            ("No to all apart from 3 (yes)", false, vec![2]),
            (
                "Yes to everything but 4 and 7 - both are a no",
                true,
                vec![3, 6],
            ),
            (
                "No to all but 8 and 9, they're both yes.",
                false,
                vec![7, 8],
            ),
        ] {
            assert_eq!(
                summary(text),
                Some(Summary {
                    value,
                    except,
                    valued: true,
                    ..Default::default()
                }),
                "{text}"
            );
        }
        // The exceptions' value must be the other one.
        assert_eq!(summary("Yes to all except 2 and 6 (both yes)"), None);
        assert_eq!(
            summary("Everything is a no except 8 and 9."),
            Some(Summary {
                value: false,
                except: vec![7, 8],
                ..Default::default()
            })
        );
        assert_eq!(
            summary("Everything's a yes apart from 3"),
            Some(Summary {
                value: true,
                except: vec![2],
                ..Default::default()
            })
        );
        assert_eq!(summary("Yes to all but 3, which is yes"), None);
        // Whose answer it is, said after the value.
        for (text, value, except) in [
            ("All yes from me", true, vec![]),
            ("Everything's a yes from me.", true, vec![]),
            ("No to all from me apart from 1", false, vec![0]),
            ("yes to everything for us, except 7", true, vec![6]),
        ] {
            assert_eq!(
                summary(text),
                Some(Summary {
                    value,
                    except,
                    ..Default::default()
                }),
                "{text}"
            );
        }
        assert_eq!(summary("All yes from me, but not sure about 6"), None);
        assert_eq!(summary("All yes from my colleague"), None);
        // Exceptions that name no one question, or no question: not read.
        assert_eq!(summary("Yes to all but the ones about ketamine"), None);
        assert_eq!(summary("Yes to all but 12"), None);
        assert_eq!(summary("Yes to all but 2 and the ones I skipped"), None);
        assert_eq!(summary("I said yes to all of them last year"), None);
    }
}
