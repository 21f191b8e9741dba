//! A survey file drafted from a questionnaire as a lead writes it
//! (`mailsurvey new --from`): numbered questions, options as `a)`, `-` or
//! `[ ]` lines, and the usual hints ("yes/no", "0 = none ... 10 =
//! complete", "choose all that apply", "other (please specify)",
//! "optional"). Pure: text in, commented TOML out. Every question is typed;
//! what could not be decided is a `# TODO` beside it, and everything outside
//! the questions is a template with TODOs that `mailsurvey validate` then
//! names with file and line. A Word document is first turned into lines by
//! [`super::docx`].

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::survey::draft_conditions::{self as conditions, Clause, Earlier};
use crate::survey::problems::Problems;

/// The largest questionnaire read, in bytes of text; checked before any work.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// More questions than this is not a questionnaire a doctor answers by email.
const MAX_QUESTIONS: usize = 500;
/// Lines outside any question echoed as TODOs, at most.
const MAX_ECHOED: usize = 20;

/// A drafted survey file and what is left to decide in it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The survey file's text (TOML with comments).
    pub toml: String,
    /// How many questions were found.
    pub questions: usize,
    /// How many `# TODO` comments it holds.
    pub todos: usize,
}

/// Reads a questionnaire file (plain text, or a Word `.docx`), its size
/// checked before reading, and drafts a survey file from it.
pub fn from_file(path: &Path) -> crate::Result<Draft> {
    let io = |source| crate::Error::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let is_docx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let limit = if is_docx {
        super::docx::MAX_DOCX_BYTES
    } else {
        MAX_TEXT_BYTES
    } as u64;
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = if is_docx || bytes.starts_with(b"PK\x03\x04") {
        super::docx::paragraphs(&bytes, MAX_TEXT_BYTES).map_err(|why| {
            let mut problems = Problems::default();
            problems.at(
                path,
                None,
                format!("cannot read the Word document: {why}"),
                "save it again as .docx from Word, or as plain text (.txt)",
            );
            crate::Error::Invalid(problems)
        })?
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    draft(&text, &name).map_err(|why| {
        let mut problems = Problems::default();
        problems.at(path, None, why, "number the questions: 1. ..., 2. ...");
        crate::Error::Invalid(problems)
    })
}

fn too_large(path: &Path, size: u64, limit: u64) -> crate::Error {
    let mut problems = Problems::default();
    problems.at(
        path,
        None,
        format!("the questionnaire is {size} bytes; at most {limit} are read"),
        "give the questionnaire alone, without images or appendices",
    );
    crate::Error::Invalid(problems)
}

/// Drafts a survey file from a questionnaire's text; `source` names it in
/// the file's header. Fails (with the reason) when the text is too large or
/// holds no numbered question.
pub fn draft(text: &str, source: &str) -> Result<Draft, String> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "the questionnaire is {} bytes; at most {MAX_TEXT_BYTES} are read",
            text.len()
        ));
    }
    let read = read_blocks(text);
    if read.blocks.is_empty() {
        return Err("no numbered question found (1. ..., 2) ..., Q3: ...)".into());
    }
    if read.blocks.len() > MAX_QUESTIONS {
        return Err(format!(
            "{} questions found; at most {MAX_QUESTIONS} are drafted",
            read.blocks.len()
        ));
    }
    let mut ids = Ids::default();
    let mut questions: Vec<Drafted> = read
        .blocks
        .iter()
        .enumerate()
        .map(|(n, block)| typed(block, n + 1, &mut ids))
        .collect();
    resolve_conditions(&mut questions);
    Ok(render(&read.preamble, &questions, source))
}

/// Each question's condition, matched to the yes/no questions before it:
/// a `show_if`, or a TODO saying why it could not be.
fn resolve_conditions(questions: &mut [Drafted]) {
    for i in 0..questions.len() {
        let (before, rest) = questions.split_at_mut(i);
        let question = &mut rest[0];
        let Some(clause) = question.clause.take() else {
            continue;
        };
        let earlier: Vec<Earlier<'_>> = before
            .iter()
            .enumerate()
            .map(|(n, q)| Earlier {
                number: n + 1,
                id: &q.id,
                text: &q.text,
                yes_no: q.kind == DraftedKind::YesNo,
            })
            .collect();
        match conditions::resolve(&clause, &earlier) {
            Ok(show_if) => {
                question
                    .notes
                    .push("show_if read from the condition written with the question".into());
                question.show_if = Some(show_if);
            }
            Err(todo) => question.todos.push(todo),
        }
    }
}

/// A condition opening the question's text or ending it ("If yes to 1:
/// ...", "(only if ...)"), unless one was found on a line of its own: the
/// text without it, and the condition.
fn conditioned(text: String, found: Option<Clause>) -> (String, Option<Clause>) {
    if found.is_some() {
        return (text, found);
    }
    if let Some((rest, clause)) = conditions::only_if(&text).filter(|(rest, _)| !rest.is_empty()) {
        return (rest, Some(clause));
    }
    match conditions::leading(&text) {
        Some((rest, clause)) => (rest, Some(clause)),
        None => (text, None),
    }
}

/// "How many years ...": a duration in that unit; "how long": in years,
/// with a TODO to check the unit.
fn duration_unit(text: &str, todos: &mut Vec<String>) -> Option<&'static str> {
    if let Some(caps) = DURATION.captures(text) {
        return ["years", "months", "weeks", "days"]
            .into_iter()
            .find(|u| caps[1].eq_ignore_ascii_case(u));
    }
    HOW_LONG.is_match(text).then(|| {
        todos.push("how long: written as a duration in years; check unit".into());
        "years"
    })
}

/// One question as written: its number's line, the lines that follow it
/// before a blank line, its options, and lines after those.
#[derive(Debug, Default)]
struct Block {
    header: Vec<String>,
    options: Vec<String>,
    trailing: Vec<String>,
    after_blank: bool,
}

struct Read {
    preamble: Vec<String>,
    blocks: Vec<Block>,
}

static QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:q(?:uestion)?\s*)?\d{1,3}\s*[.):]\s*(\S.*)$").expect("question regex")
});
static OPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[a-zA-Z][.)]\s+|[-*•◦▪–]\s+|\[\s*[xX]?\s*\]\s*|[☐□○◯]\s*)(\S.*)$")
        .expect("option regex")
});

/// Splits the text into question blocks, one pass over its lines.
fn read_blocks(text: &str) -> Read {
    let mut preamble = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    for line in text.lines() {
        let line = clean(line);
        let line = line.trim();
        if let Some(caps) = QUESTION.captures(line) {
            blocks.push(Block {
                header: vec![caps[1].trim().to_owned()],
                ..Block::default()
            });
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            if !line.is_empty() {
                preamble.push(line.to_owned());
            }
            continue;
        };
        if line.is_empty() {
            block.after_blank = true;
        } else if let Some(caps) = OPTION.captures(line) {
            block.options.push(caps[1].trim().to_owned());
        } else if block.options.is_empty() && !block.after_blank {
            block.header.push(line.to_owned());
        } else {
            block.trailing.push(line.to_owned());
        }
    }
    Read { preamble, blocks }
}

/// Control characters (not allowed in TOML comments) as spaces, and a
/// byte-order mark dropped.
fn clean(line: &str) -> String {
    line.chars()
        .filter(|&c| c != '\u{feff}')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
enum DraftedKind {
    YesNo,
    Single(Vec<Choice>),
    Multiple(Vec<Choice>),
    Scale {
        min: i64,
        max: i64,
        min_label: Option<String>,
        max_label: Option<String>,
    },
    Number,
    Text,
    /// A duration in this unit (`years`).
    Duration(&'static str),
    /// A grid: lettered items on one scale.
    Grid {
        items: Vec<Choice>,
        min: i64,
        max: i64,
        min_label: Option<String>,
        max_label: Option<String>,
    },
    /// A ranking of the lettered options.
    Ranking(Vec<Choice>),
}

impl DraftedKind {
    fn name(&self) -> &'static str {
        match self {
            DraftedKind::YesNo => "yes_no",
            DraftedKind::Single(_) => "single_choice",
            DraftedKind::Multiple(_) => "multiple_choice",
            DraftedKind::Scale { .. } => "scale",
            DraftedKind::Number => "number",
            DraftedKind::Text => "text",
            DraftedKind::Duration(_) => "duration",
            DraftedKind::Grid { .. } => "grid",
            DraftedKind::Ranking(_) => "ranking",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Choice {
    id: String,
    label: String,
    exclusive: bool,
    other: bool,
}

#[derive(Debug)]
struct Drafted {
    written: Vec<String>,
    id: String,
    text: String,
    required: bool,
    kind: DraftedKind,
    todos: Vec<String>,
    notes: Vec<String>,
    /// A condition written with the question, before it is matched.
    clause: Option<Clause>,
    /// The condition, matched to an earlier question.
    show_if: Option<String>,
}

/// What the hints in a question's lines said.
#[derive(Debug, Default)]
struct Hints {
    all_that_apply: bool,
    choose_one: bool,
    optional: bool,
    yes_no: bool,
    ends: Vec<(i64, Option<String>)>,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a hint's regex")
}

static ALL_THAT_APPLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\(?\s*\b(?:please\s+)?(?:choose|select|tick|check|mark|circle)\s+(?:all|any|as many as)(?:\s+(?:that|which|as))?\s+appl(?:y|ies)\b\.?\s*\)?",
    )
});
static CHOOSE_ONE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\(?\s*\b(?:please\s+)?(?:choose|select|tick|check|mark|circle)\s+(?:only\s+)?one(?:\s+(?:option|answer))?(?:\s+only)?\b\.?\s*\)?",
    )
});
static OPTIONAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\(\s*optional\s*\)|\[\s*optional\s*\]|^optional\s*[:\-–]\s*|[-–,]?\s*\boptional\.?\s*$",
    )
});
static YES_NO: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\(?\s*\byes\s*(?:/|or|-)\s*no\b\s*\)?\s*[.?]?\s*$"));
/// `0 = none ... 10 = complete`, `(0 = not at all, 10 = fully)`.
static LABELLED_ENDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\(?\s*(-?\d{1,4})\s*=\s*([^=()]*?)\s*(?:,|;|\.{2,}|…|\bto\b|–|-)\s*(-?\d{1,4})\s*=\s*([^=()]*?)\s*\)?\s*$",
    )
});
/// `1 (low) to 5 (high)`.
static BRACKETED_ENDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bon\s+a\s+scale\s+(?:of|from)\s+)?(-?\d{1,4})\s*\(([^()]+)\)\s*(?:to|-|–)\s*(-?\d{1,4})\s*\(([^()]+)\)",
    )
});
/// `(0-10)`, `(scale 1 to 5)`, or a line `0-10` of its own.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\(\s*(?:(?:on\s+a\s+)?scale\s*(?:of|from)?\s*)?(-?\d{1,4})\s*(?:-|–|to)\s*(-?\d{1,4})\s*\)|^(?:(?:on\s+a\s+)?scale\s*(?:of|from)?\s*)?(-?\d{1,4})\s*(?:-|–|to)\s*(-?\d{1,4})$)",
    )
});
/// `on a scale of 0 to 10` inside the sentence (kept in the text).
static SCALE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bon\s+a\s+scale\s+(?:of|from)\s+(-?\d{1,4})\s*(?:-|–|to)\s*(-?\d{1,4})\b")
});
/// A line `0 = not at all` naming one end.
static ONE_END: LazyLock<Regex> = LazyLock::new(|| re(r"^(-?\d{1,4})\s*=\s*(\S.*)$"));
static OTHER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^other\b|\bplease\s+specify\b|\bspecify\s*:"));
static EXCLUSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:none\b|no\s+\w|not\s+applicable|n/a\b|don'?t\s+know|prefer\s+not)")
});
static YES_NO_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:have|has|had|do|does|did|is|are|was|were|would|will|should|could|can|may)\s+\S")
});
static DURATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^how\s+many\s+(years|months|weeks|days)\b"));
static HOW_LONG: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:for\s+)?how\s+long\b"));
static NUMBER_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:how\s+many|how\s+much|how\s+old|how\s+long|number\s+of)\b"));
static FREE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:comments?|describe|explain|why|tell\s+us|details?|suggestions?|anything\s+else)\b",
    )
});

/// Removes every hint from `line`, recording it in `hints`; what is left is
/// the line's own words.
fn take_hints(line: &str, hints: &mut Hints) -> String {
    let mut line = line.to_owned();
    let strip = |line: &mut String, pattern: &Regex| -> bool {
        if pattern.is_match(line) {
            *line = pattern.replace(line, " ").into_owned();
            true
        } else {
            false
        }
    };
    hints.all_that_apply |= strip(&mut line, &ALL_THAT_APPLY);
    hints.choose_one |= strip(&mut line, &CHOOSE_ONE);
    hints.optional |= strip(&mut line, &OPTIONAL);
    if let Some(caps) = LABELLED_ENDS.captures(&line) {
        hints.ends = vec![
            (caps[1].parse().unwrap_or(0), label(&caps[2])),
            (caps[3].parse().unwrap_or(0), label(&caps[4])),
        ];
        line = LABELLED_ENDS.replace(&line, " ").into_owned();
    } else if let Some(caps) = BRACKETED_ENDS.captures(&line) {
        hints.ends = vec![
            (caps[1].parse().unwrap_or(0), label(&caps[2])),
            (caps[3].parse().unwrap_or(0), label(&caps[4])),
        ];
        line = BRACKETED_ENDS.replace(&line, " ").into_owned();
    } else if let Some(caps) = RANGE.captures(&line) {
        let (lo, hi) = match (caps.get(1), caps.get(2)) {
            (Some(lo), Some(hi)) => (lo.as_str(), hi.as_str()),
            _ => (&caps[3], &caps[4]),
        };
        hints.ends = vec![
            (lo.parse().unwrap_or(0), None),
            (hi.parse().unwrap_or(0), None),
        ];
        line = RANGE.replace(&line, " ").into_owned();
    } else if let Some(caps) = SCALE_IN_TEXT.captures(&line) {
        hints.ends = vec![
            (caps[1].parse().unwrap_or(0), None),
            (caps[2].parse().unwrap_or(0), None),
        ];
    } else if let Some(caps) = ONE_END.captures(line.trim()) {
        let end = (caps[1].parse().unwrap_or(0), label(&caps[2]));
        hints.ends.push(end);
        line.clear();
    }
    hints.yes_no |= strip(&mut line, &YES_NO);
    tidy(&line)
}

fn label(text: &str) -> Option<String> {
    let text = text
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == '.');
    (!text.is_empty()).then(|| text.trim().to_owned())
}

/// Single spaces, no empty brackets, no space before punctuation.
fn tidy(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = joined
        .replace("( )", "")
        .replace("()", "")
        .replace("[ ]", "");
    let mut out = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    for mark in ["?", ".", ",", ":"] {
        out = out.replace(&format!(" {mark}"), mark);
    }
    out.trim_end_matches([',', ';', ':', '-', '–'])
        .trim()
        .to_owned()
}

/// The lines after a question's options: hints, a condition on a line of
/// its own (returned), and anything else as a TODO.
fn trailing(block: &Block, hints: &mut Hints, todos: &mut Vec<String>) -> Option<Clause> {
    let mut clause = None;
    for line in block.trailing.iter().take(MAX_ECHOED) {
        if let Some((_, found)) = conditions::only_if(line).filter(|(rest, _)| rest.is_empty()) {
            clause = Some(found);
            continue;
        }
        let flags = |h: &Hints| {
            (
                h.all_that_apply,
                h.choose_one,
                h.optional,
                h.yes_no,
                h.ends.len(),
            )
        };
        let before = flags(hints);
        let left = take_hints(line, hints);
        if !left.is_empty() || before == flags(hints) {
            todos.push(format!(
                "this line was not read as part of the question: {line}"
            ));
        }
    }
    clause
}

/// Types one question block.
fn typed(block: &Block, number: usize, ids: &mut Ids) -> Drafted {
    let mut hints = Hints::default();
    let mut words = Vec::new();
    for line in &block.header {
        let left = take_hints(line, &mut hints);
        if !left.is_empty() {
            words.push(left);
        }
    }
    let mut todos = Vec::new();
    let mut notes = Vec::new();
    let clause = trailing(block, &mut hints, &mut todos);
    let (text, clause) = conditioned(tidy(&words.join(" ")), clause);
    let text = if text.is_empty() {
        todos.push("the question has no words of its own: write them in text".into());
        block.header.join(" ")
    } else {
        text
    };

    let labels: Vec<String> = block.options.iter().map(|o| tidy(o)).collect();
    let yes_no_options = labels.len() == 2
        && labels[0].eq_ignore_ascii_case("yes")
        && labels[1].eq_ignore_ascii_case("no");
    let ends = scale_ends(&hints.ends);
    let kind = if yes_no_options {
        DraftedKind::YesNo
    } else if let Some(kind) = grid_or_ranking(&text, &labels, ends.clone(), &mut notes) {
        kind
    } else if !labels.is_empty() {
        if ends.is_some() {
            todos.push(
                "both options and scale ends were found: written as a choice, not a scale".into(),
            );
        }
        if labels.len() > 26 {
            todos.push(format!(
                "{} options: more than 26 cannot be lettered a) to z); split the question",
                labels.len()
            ));
        }
        let multiple = hints.all_that_apply;
        if !multiple && !hints.choose_one {
            todos.push(
                "one answer or several? Written as single_choice (one answer); if several, make it type = \"multiple_choice\"".into(),
            );
        }
        let options = choices(&labels, multiple, &mut notes);
        if multiple {
            DraftedKind::Multiple(options)
        } else {
            DraftedKind::Single(options)
        }
    } else if let Some((min, max, min_label, max_label)) = ends {
        if min_label.is_none() || max_label.is_none() {
            todos.push("say what the scale's ends mean in min_label and max_label".into());
        }
        DraftedKind::Scale {
            min,
            max,
            min_label,
            max_label,
        }
    } else if hints.yes_no {
        DraftedKind::YesNo
    } else if hints.all_that_apply || hints.choose_one {
        todos.push(
            "it asks to choose but lists no options: add them as a), b) lines in the questionnaire, or options here".into(),
        );
        DraftedKind::Text
    } else if !hints.ends.is_empty() {
        todos.push("a scale's ends were not both found: give min, max and their labels".into());
        DraftedKind::Text
    } else if let Some(unit) = duration_unit(&text, &mut todos) {
        DraftedKind::Duration(unit)
    } else if NUMBER_OPENING.is_match(&text) {
        todos.push("guessed a number from the wording: add min and max if it has bounds, or change the type".into());
        DraftedKind::Number
    } else if YES_NO_OPENING.is_match(&text) && text.ends_with('?') {
        todos
            .push("guessed yes/no from the wording: check, or give options or \"(yes/no)\"".into());
        DraftedKind::YesNo
    } else {
        if !FREE_TEXT.is_match(&text) {
            todos.push(
                "no options, scale or yes/no found: written as free text; check the type".into(),
            );
        }
        DraftedKind::Text
    };

    let mut written = block.header.clone();
    written.extend(block.options.iter().map(|o| format!("  {o}")));
    Drafted {
        written,
        id: unique(slug(&text, 3).unwrap_or_else(|| format!("q{number}")), ids),
        text,
        required: !hints.optional,
        kind,
        todos,
        notes,
        clause,
        show_if: None,
    }
}

/// "Rank these barriers from 1 = biggest" over lettered options: a
/// ranking. Lettered items with both ends of a scale ("How confident are
/// you in: a) dosing, b) routes; 1 = not at all to 5 = very"): a grid.
fn grid_or_ranking(
    text: &str,
    labels: &[String],
    ends: Option<Ends>,
    notes: &mut Vec<String>,
) -> Option<DraftedKind> {
    if labels.len() < 2 {
        return None;
    }
    if RANK.is_match(text) {
        return Some(DraftedKind::Ranking(choices(labels, false, notes)));
    }
    let (min, max, min_label, max_label) = ends?;
    Some(DraftedKind::Grid {
        items: choices(labels, false, notes),
        min,
        max,
        min_label,
        max_label,
    })
}

static RANK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\brank\b|\bin order of\b"));

type Ends = (i64, i64, Option<String>, Option<String>);

fn scale_ends(ends: &[(i64, Option<String>)]) -> Option<Ends> {
    let [(a, a_label), (b, b_label)] = ends else {
        return None;
    };
    if a < b {
        Some((*a, *b, a_label.clone(), b_label.clone()))
    } else if b < a {
        Some((*b, *a, b_label.clone(), a_label.clone()))
    } else {
        None
    }
}

fn choices(labels: &[String], multiple: bool, notes: &mut Vec<String>) -> Vec<Choice> {
    let mut ids = Ids::default();
    labels
        .iter()
        .enumerate()
        .map(|(n, label)| {
            let other = OTHER.is_match(label);
            let exclusive = multiple && !other && EXCLUSIVE.is_match(label);
            if exclusive {
                notes.push(format!(
                    "\"{label}\" is chosen alone (exclusive), read from its wording"
                ));
            }
            let id = if other {
                "other".to_owned()
            } else if exclusive
                && (label.to_ascii_lowercase().starts_with("no ")
                    || label.eq_ignore_ascii_case("none"))
            {
                "none".to_owned()
            } else {
                slug(label, 2).unwrap_or_else(|| ((b'a' + (n % 26) as u8) as char).to_string())
            };
            Choice {
                id: unique(id, &mut ids),
                label: label.clone(),
                exclusive,
                other,
            }
        })
        .collect()
}

const STOPWORDS: &[&str] = &[
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can",
    "could", "did", "do", "does", "ever", "for", "from", "had", "has", "have", "how", "i", "if",
    "in", "into", "is", "it", "its", "lack", "may", "me", "might", "more", "most", "much", "my",
    "no", "not", "of", "on", "or", "our", "please", "should", "so", "some", "such", "than", "that",
    "the", "their", "there", "these", "they", "this", "those", "to", "us", "use", "used", "using",
    "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
    "you", "your",
];

/// An id from the first `words` words that say something, in lowercase
/// ASCII letters, digits and `_`.
fn slug(text: &str, words: usize) -> Option<String> {
    let picked: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .take(words)
        .collect();
    let mut id = picked.join("_");
    id.truncate(40);
    let id = id.trim_end_matches('_').to_owned();
    match id.chars().next() {
        None => None,
        Some(c) if c.is_ascii_digit() => Some(format!("q{id}")),
        Some(_) => Some(id),
    }
}

/// The ids given so far, and for each id the next number to try after
/// it: a thousand options called "Other" number themselves in linear
/// time (trying `_2`, `_3`, ... from 2 each time was quadratic).
#[derive(Default)]
struct Ids {
    seen: HashSet<String>,
    next: HashMap<String, usize>,
}

fn unique(id: String, ids: &mut Ids) -> String {
    if ids.seen.insert(id.clone()) {
        return id;
    }
    let n = ids.next.entry(id.clone()).or_insert(2);
    loop {
        let candidate = format!("{id}_{n}");
        *n += 1;
        if ids.seen.insert(candidate.clone()) {
            return candidate;
        }
    }
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

const TEMPLATE: &str = r#"
# TODO: who receives the report: one [[lead]] table for each.
# [[lead]]
# name = "Dr A. Lead"
# email = "lead@example.org"

# TODO: whom the mail comes from; replies come back to this mailbox.
# [sender]
# name = "Regional Audit Group"
# address = "survey@example.org"

# TODO: when collection opens and closes, in the survey's time zone.
# [period]
# time_zone = "Europe/London"
# open = "2026-01-05T09:00"
# close = "2026-02-06T17:00"
# reminders = ["7 days before close", "2 days before close"]
# early_close = false

# TODO: your organisation's outgoing mail server.
# [smtp]
# host = "smtp.example.org"
# port = 587
# security = "starttls"
# username = "survey@example.org"
# password = { env = "MAILSURVEY_PASSWORD" }

# TODO: the mailbox that receives the replies.
# [imap]
# host = "imap.example.org"
# port = 143
# security = "starttls"
# username = "survey@example.org"
# password = { env = "MAILSURVEY_PASSWORD" }

# Optional: [report], [replies], [sending] and [retention] (see README.md);
# without them the defaults apply.
"#;

fn comment(out: &mut String, prefix: &str, text: &str) {
    let _ = writeln!(out, "# {prefix}{}", clean(text));
}

fn render(preamble: &[String], questions: &[Drafted], source: &str) -> Draft {
    let mut out = String::new();
    let mut todos = header(&mut out, preamble, source);
    out.push_str(TEMPLATE);
    todos += TEMPLATE.matches("# TODO").count();
    out.push_str("\n# The questions, in the order asked; each as written in the questionnaire\n# above its table.\n");
    for q in questions {
        todos += question(&mut out, q);
    }
    Draft {
        toml: out,
        questions: questions.len(),
        todos,
    }
}

/// The draft's opening comment, the preamble's lines not used, and the
/// `[survey]` table; returns how many TODOs it wrote.
fn header(out: &mut String, preamble: &[String], source: &str) -> usize {
    let mut todos = 0;
    let _ = writeln!(
        out,
        "# Survey file drafted by `mailsurvey new` from {}.\n# Fill in every TODO, then run `mailsurvey validate --survey THIS_FILE`\n# until it says ok. Every field is explained in README.md.\n",
        clean(source)
    );
    let title = preamble.first().cloned().unwrap_or_default();
    for line in preamble.iter().skip(1).take(MAX_ECHOED) {
        comment(out, "TODO: before the first question, not used: ", line);
        todos += 1;
    }
    out.push_str("[survey]\n");
    for (key, what, value) in survey_fields(title) {
        let _ = writeln!(out, "# TODO: {what}.\n{key} = {}", quoted(&value));
        todos += 1;
    }
    todos
}

/// The `[survey]` table's fields: key, what to write there, the value
/// drafted (the questionnaire's title, or a starting point).
fn survey_fields(title: String) -> [(&'static str, &'static str, String); 10] {
    [
        (
            "id",
            "a short stable name: letters, digits, '-' or '_' (e.g. audit-2026)",
            String::new(),
        ),
        (
            "title",
            "the title, shown in subjects and the report",
            title,
        ),
        (
            "description",
            "one or two sentences on what the survey is about",
            String::new(),
        ),
        (
            "recipients",
            "the recipient list: a CSV or .xlsx file with name and email columns",
            "recipients.csv".into(),
        ),
        (
            "database",
            "where the survey's state is kept (SQLite)",
            "mailsurvey.db".into(),
        ),
        (
            "purpose",
            "why you ask (the invitation tells the doctors)",
            String::new(),
        ),
        ("run_by", "who runs the study", String::new()),
        (
            "ethics_reference",
            "the ethics approval or registration",
            String::new(),
        ),
        (
            "data_use",
            "how the answers are used and kept",
            String::new(),
        ),
        (
            "withdrawal",
            "how to stop or withdraw (check the wording)",
            "Reply 'unsubscribe' to stop all further emails, or 'please delete my answers' and we will delete everything you sent.".into(),
        ),
    ]
}

/// One `[[question]]` table, below the lines it was drafted from, its notes
/// and its TODOs; returns how many TODOs it wrote.
fn question(out: &mut String, q: &Drafted) -> usize {
    let mut todos = 0;
    out.push('\n');
    for line in &q.written {
        comment(out, "| ", line);
    }
    for note in &q.notes {
        comment(out, "", note);
    }
    for todo in &q.todos {
        comment(out, "TODO: ", todo);
        todos += 1;
    }
    let _ = writeln!(
        out,
        "[[question]]\nid = {}\ntype = {}\ntext = {}",
        quoted(&q.id),
        quoted(q.kind.name()),
        quoted(&q.text)
    );
    kind_fields(out, &q.kind);
    if let Some(show_if) = &q.show_if {
        let _ = writeln!(out, "show_if = {}", quoted(show_if));
        if matches!(
            q.kind,
            DraftedKind::YesNo
                | DraftedKind::Single(_)
                | DraftedKind::Multiple(_)
                | DraftedKind::Duration(_)
        ) {
            out.push_str("allow = [\"not_applicable\"]\n");
        }
    }
    if !q.required {
        out.push_str("required = false\n");
    }
    todos
}

/// The fields a question's type needs: a scale's ends and labels, a
/// number's bounds (commented out), a choice's options.
fn kind_fields(out: &mut String, kind: &DraftedKind) {
    match kind {
        DraftedKind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => {
            let _ = writeln!(out, "min = {min}\nmax = {max}");
            for (key, value) in [("min_label", min_label), ("max_label", max_label)] {
                match value {
                    Some(value) => {
                        let _ = writeln!(out, "{key} = {}", quoted(value));
                    }
                    None => {
                        let _ = writeln!(out, "# {key} = \"\"");
                    }
                }
            }
        }
        DraftedKind::Number => out.push_str("# min = 0\n# max = 100\n"),
        DraftedKind::Single(options) | DraftedKind::Multiple(options) => {
            out.push_str("options = [\n");
            for o in options {
                let _ = write!(
                    out,
                    "  {{ id = {}, label = {}",
                    quoted(&o.id),
                    quoted(&o.label)
                );
                if o.exclusive {
                    out.push_str(", exclusive = true");
                }
                if o.other {
                    out.push_str(", other = true");
                }
                out.push_str(" },\n");
            }
            out.push_str("]\n");
        }
        DraftedKind::Duration(unit) => {
            let _ = writeln!(out, "unit = {}", quoted(unit));
        }
        DraftedKind::Grid {
            items,
            min,
            max,
            min_label,
            max_label,
        } => {
            out.push_str("items = [\n");
            for i in items {
                let _ = writeln!(
                    out,
                    "  {{ id = {}, label = {} }},",
                    quoted(&i.id),
                    quoted(&i.label)
                );
            }
            out.push_str("]\n");
            kind_fields(
                out,
                &DraftedKind::Scale {
                    min: *min,
                    max: *max,
                    min_label: min_label.clone(),
                    max_label: max_label.clone(),
                },
            );
        }
        DraftedKind::Ranking(options) => {
            out.push_str("options = [\n");
            for o in options {
                let _ = writeln!(
                    out,
                    "  {{ id = {}, label = {} }},",
                    quoted(&o.id),
                    quoted(&o.label)
                );
            }
            out.push_str("]\n");
        }
        DraftedKind::YesNo | DraftedKind::Text => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields the brief compares: type, text, options (label, other,
    /// exclusive), scale ends and labels, required. Ids are derived, so
    /// they are not compared.
    fn questions_of(toml_text: &str) -> Vec<String> {
        let table: toml::Table = toml_text.parse().expect("valid TOML");
        table["question"]
            .as_array()
            .expect("questions")
            .iter()
            .map(|q| {
                let q = q.as_table().unwrap();
                let get = |k: &str| q.get(k).map(|v| v.to_string()).unwrap_or_default();
                let options: Vec<String> = q
                    .get("options")
                    .and_then(|o| o.as_array())
                    .map(|o| {
                        o.iter()
                            .map(|o| {
                                let o = o.as_table().unwrap();
                                let flag = |k: &str| o.get(k).and_then(|v| v.as_bool()) == Some(true);
                                format!("{} other={} exclusive={}", o["label"], flag("other"), flag("exclusive"))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let required = q.get("required").and_then(|v| v.as_bool()).unwrap_or(true);
                format!(
                    "type={} text={} min={} max={} min_label={} max_label={} required={required} options={options:?}",
                    get("type"),
                    get("text"),
                    get("min").replace(".0", ""),
                    get("max").replace(".0", ""),
                    get("min_label"),
                    get("max_label"),
                )
            })
            .collect()
    }

    const ROOT: &str = env!("CARGO_MANIFEST_DIR");

    #[test]
    fn draft_of_the_seed_questionnaire_asks_what_the_example_asks() {
        let seed = std::fs::read_to_string(format!("{ROOT}/tests/fixtures/questionnaire/seed.txt"))
            .unwrap();
        let example = std::fs::read_to_string(format!("{ROOT}/config/example.toml")).unwrap();
        let drafted = draft(&seed, "seed.txt").unwrap();
        assert_eq!(drafted.questions, 10);
        assert_eq!(
            questions_of(&drafted.toml),
            questions_of(&example),
            "{}",
            drafted.toml
        );
        // "No barriers" and "Other" get the example's ids.
        assert!(
            drafted
                .toml
                .contains(r#"{ id = "none", label = "No barriers", exclusive = true }"#)
        );
        assert!(
            drafted
                .toml
                .contains(r#"{ id = "other", label = "Other (please specify)", other = true }"#)
        );
        // The questions were all decided; only the template's TODOs remain.
        let question_part = drafted
            .toml
            .split("[[question]]")
            .skip(1)
            .collect::<String>();
        assert!(!question_part.contains("TODO"), "{}", drafted.toml);
    }

    fn one(text: &str) -> String {
        let drafted = draft(text, "q.txt").unwrap();
        drafted
            .toml
            .split("# The questions")
            .nth(1)
            .unwrap()
            .to_owned()
    }

    #[test]
    fn draft_reads_conditions_as_a_lead_writes_them_and_durations() {
        let text = "1. Have you used ketamine for pain in palliative care? (yes/no)\n\
                    2. If you have used ketamine: in which situations? (choose all that apply)\n\
                    a) End of life\nb) Early adjuvant\n\n\
                    3. Does your service have a written protocol? (yes/no)\n\
                    4. Has it been shared with community teams? (yes/no)\n\
                    Only if your service has a protocol\n\n\
                    5. If yes to 3: who wrote it?\n\
                    6. If no to 1, why not?\n\
                    7. If yes to 9: anything else?\n\
                    8. How many years have you worked in palliative care?\n\
                    9. For how long have you prescribed it?\n";
        let drafted = draft(text, "q.txt").unwrap();
        let table: toml::Table = drafted.toml.parse().expect("valid TOML");
        let questions = table["question"].as_array().unwrap();
        let field = |i: usize, key: &str| {
            questions[i]
                .get(key)
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        };
        let id = |i: usize| field(i, "id").unwrap();
        assert_eq!(field(1, "show_if"), Some(format!("{} == yes", id(0))));
        assert_eq!(
            field(1, "text").as_deref(),
            Some("If you have used ketamine: in which situations?")
        );
        assert_eq!(field(1, "allow").as_deref(), Some("[\"not_applicable\"]"));
        assert_eq!(field(3, "show_if"), Some(format!("{} == yes", id(2))));
        assert_eq!(
            field(3, "text").as_deref(),
            Some("Has it been shared with community teams?")
        );
        assert_eq!(field(4, "show_if"), Some(format!("{} == yes", id(2))));
        assert_eq!(field(4, "text").as_deref(), Some("Who wrote it?"));
        assert_eq!(field(5, "show_if"), Some(format!("{} == no", id(0))));
        assert_eq!(field(6, "show_if"), None);
        assert!(
            drafted
                .toml
                .contains("TODO: a condition on question 9, which does not come before it"),
            "{}",
            drafted.toml
        );
        assert_eq!(field(7, "type").as_deref(), Some("duration"));
        assert_eq!(field(7, "unit").as_deref(), Some("years"));
        assert_eq!(field(8, "type").as_deref(), Some("duration"));
        assert!(
            drafted
                .toml
                .contains("TODO: how long: written as a duration in years")
        );
    }

    #[test]
    fn draft_reads_grids_and_rankings() {
        let text = "1. How confident are you in each of these? (1 = not at all, 5 = very)\n\
                    a) Choosing a starting dose\nb) Choosing the route\nc) Managing side effects\n\n\
                    2. Rank these barriers from 1 = biggest\n\
                    a) Lack of expertise\nb) Lack of evidence\nc) Side effects\n\n\
                    3. Which barriers apply? (choose all that apply)\na) Cost\nb) Time\n";
        let drafted = draft(text, "q.txt").unwrap();
        let table: toml::Table = drafted.toml.parse().expect("valid TOML");
        let questions = table["question"].as_array().unwrap();
        let field = |i: usize, key: &str| questions[i].get(key).map(|v| v.to_string());
        assert_eq!(
            field(0, "type").as_deref(),
            Some("\"grid\""),
            "{}",
            drafted.toml
        );
        assert_eq!(field(0, "min").as_deref(), Some("1"));
        assert_eq!(field(0, "max").as_deref(), Some("5"));
        assert_eq!(questions[0]["items"].as_array().unwrap().len(), 3);
        assert_eq!(
            questions[0]["items"][1]["label"].as_str(),
            Some("Choosing the route")
        );
        assert_eq!(
            field(1, "type").as_deref(),
            Some("\"ranking\""),
            "{}",
            drafted.toml
        );
        assert_eq!(questions[1]["options"].as_array().unwrap().len(), 3);
        assert_eq!(field(2, "type").as_deref(), Some("\"multiple_choice\""));
        // The draft, its TODOs aside, is a survey file the checker takes.
        let dir = tempfile::tempdir().unwrap();
        let example = std::fs::read_to_string(format!("{ROOT}/config/example.toml")).unwrap();
        let head = example.split("[[question]]").next().unwrap().replace(
            "example-recipients.csv",
            &format!("{ROOT}/config/example-recipients.csv"),
        );
        let questions_toml = &drafted.toml[drafted.toml.find("[[question]]").unwrap()..];
        let path = dir.path().join("survey.toml");
        std::fs::write(&path, format!("{head}\n{questions_toml}")).unwrap();
        let survey = crate::survey::Survey::load(&path).unwrap();
        assert!(matches!(
            survey.questions[0].kind,
            crate::survey::QuestionKind::Grid { .. }
        ));
        assert!(matches!(
            survey.questions[1].kind,
            crate::survey::QuestionKind::Ranking(_)
        ));
    }

    #[test]
    fn draft_reads_each_common_form_of_a_scale() {
        for (text, expect) in [
            ("1. Pain today? (0-10)", "min = 0\nmax = 10\n"),
            (
                "1. Pain today?\n0 = none ... 10 = complete",
                "min_label = \"none\"\nmax_label = \"complete\"",
            ),
            (
                "1. Satisfied? 1 (low) to 5 (high)",
                "min = 1\nmax = 5\nmin_label = \"low\"\nmax_label = \"high\"",
            ),
            ("1. How useful, on a scale of 1 to 7?", "min = 1\nmax = 7\n"),
            (
                "1. Pain?\n   0 = none\n   10 = worst imaginable",
                "max_label = \"worst imaginable\"",
            ),
        ] {
            let got = one(text);
            assert!(got.contains("type = \"scale\""), "{text}: {got}");
            assert!(got.contains(expect), "{text}: {got}");
        }
        assert!(one("1. Pain today? (0-10)").contains("text = \"Pain today?\""));
        assert!(one("1. Pain today? (0-10)").contains("TODO: say what the scale's ends mean"));
    }

    #[test]
    fn draft_types_options_and_marks_what_it_could_not_decide() {
        let got = one("Q1: Which grade are you?\n- Consultant\n- Registrar\n[ ] Other");
        assert!(got.contains("type = \"single_choice\""), "{got}");
        assert!(got.contains("TODO: one answer or several?"), "{got}");
        assert!(
            got.contains("{ id = \"other\", label = \"Other\", other = true }"),
            "{got}"
        );
        let got = one("2) Do you prescribe it?\n a) Yes\n b) No");
        assert!(got.contains("type = \"yes_no\""), "{got}");
        assert!(!got.contains("TODO"), "{got}");
        let got = one("3. Do you prescribe it?");
        assert!(
            got.contains("type = \"yes_no\"") && got.contains("TODO: guessed yes/no"),
            "{got}"
        );
        let got = one("4. How many patients a month?");
        assert!(
            got.contains("type = \"number\"") && got.contains("TODO"),
            "{got}"
        );
        let got = one("5. Your role\n\nThank you for taking part.");
        assert!(got.contains("type = \"text\""), "{got}");
        assert!(
            got.contains("TODO: this line was not read as part of the question: Thank you"),
            "{got}"
        );
        let got = one("6. Optional: anything else?");
        assert!(
            got.contains("required = false") && got.contains("text = \"anything else?\""),
            "{got}"
        );
    }

    #[test]
    fn draft_ids_are_unique_and_valid() {
        let got =
            one("1. Do you use ketamine?\n2. Do you use ketamine?\n3. 123?\n4. Évaluez-vous?");
        for id in ["ketamine", "ketamine_2", "q123", "valuez_vous"] {
            assert!(got.contains(&format!("id = \"{id}\"")), "{id}: {got}");
        }
    }

    #[test]
    fn draft_refuses_text_without_questions_and_oversized_text() {
        assert!(draft("Just a letter.\nNo questions.", "x").is_err());
        let big = "1. Why?\n".repeat(MAX_TEXT_BYTES / 8 + 1);
        assert!(draft(&big, "x").unwrap_err().contains("bytes"));
    }

    #[test]
    fn draft_time_grows_linearly_with_its_input() {
        let unit = "12. Which (choose all that apply)? 0 = a, 10 = b ((((((\n- x - - - - (((\n";
        // Best of three, in this thread's CPU time: a busy machine does
        // not decide.
        let time = |n: usize| {
            let text = unit.repeat(n);
            (0..3)
                .map(|_| {
                    let start = crate::test_support::thread_cpu_time();
                    let _ = draft(&text, "x");
                    crate::test_support::thread_cpu_time() - start
                })
                .min()
                .expect("three runs")
        };
        let small = time(100);
        let large = time(400);
        assert!(
            large < small * 12 + std::time::Duration::from_millis(50),
            "4x the input took {large:?} against {small:?}"
        );
    }
}
