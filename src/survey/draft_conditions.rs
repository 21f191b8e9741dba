//! Conditions as a lead writes them in a questionnaire, for
//! [`super::draft`]: "If yes to 1: ...", "If you answered no to question
//! 3, ...", "If you have used ketamine: ...", "(Only if your service has
//! a protocol)". Each becomes a `show_if` on an earlier yes/no question
//! (by its number, or by the words it shares with the condition); one
//! that names no earlier yes/no question is a TODO, never guessed. Pure,
//! and linear: each pattern is a regex on one line, its length bounded.

use std::sync::LazyLock;

use regex::Regex;

/// What a condition says, before it is matched to a question.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Clause {
    /// "yes to 1", "no to question 3".
    Numbered {
        /// Yes (or no).
        yes: bool,
        /// The question's number in the questionnaire.
        number: usize,
    },
    /// "you have used ketamine", "your service has a protocol".
    Words(String),
}

/// An earlier question, as a condition may name it.
pub(super) struct Earlier<'a> {
    /// Its number in the questionnaire (1-based).
    pub number: usize,
    /// Its id in the drafted file.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Is it a yes/no question?
    pub yes_no: bool,
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:only\s+)?if\s+(?:you\s+(?:answered|said|ticked)\s+)?(yes|no)\s+(?:to|at|in|for|on)\s+(?:q(?:uestion)?\s*)?(\d{1,3})\b\s*(?:above\s*)?[:,.)\-–]*\s*(.*)$",
    )
    .expect("numbered condition regex")
});
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^if\s+((?:you|your)\b[^:?]{2,100}?)\s*[:,]\s*\S")
        .expect("worded condition regex")
});
static ONLY_IF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*[(\[]?\s*\b(?:please\s+)?(?:answer\s+)?only\s+(?:answer\s+)?if\s+([^()\[\]?]{3,100}?)\s*[)\]]?\s*\.?\s*$",
    )
    .expect("only-if regex")
});
static ANSWERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:you\s+(?:answered|said|ticked)\s+)?(yes|no)\s+(?:to|at|in|for|on)\s+(?:q(?:uestion)?\s*)?(\d{1,3})\b",
    )
    .expect("answered regex")
});

/// A condition opening the question's text: the text without it (a
/// numbered one is taken out; one in words is the lead's wording, kept),
/// and the condition.
pub(super) fn leading(text: &str) -> Option<(String, Clause)> {
    if let Some(caps) = NUMBERED.captures(text) {
        let rest = capitalised(caps[3].trim());
        let clause = Clause::Numbered {
            yes: caps[1].eq_ignore_ascii_case("yes"),
            number: caps[2].parse().ok()?,
        };
        return (!rest.is_empty()).then_some((rest, clause));
    }
    let caps = WORDS.captures(text)?;
    Some((text.to_owned(), Clause::Words(caps[1].to_owned())))
}

/// "Only if your service has a protocol" ending a line (in brackets or
/// not): the line without it, and the condition.
pub(super) fn only_if(line: &str) -> Option<(String, Clause)> {
    let caps = ONLY_IF.captures(line)?;
    let whole = caps.get(0)?;
    let said = caps[1].trim();
    let clause = match ANSWERED.captures(said) {
        Some(a) => Clause::Numbered {
            yes: a[1].eq_ignore_ascii_case("yes"),
            number: a[2].parse().ok()?,
        },
        None => Clause::Words(said.to_owned()),
    };
    Some((line[..whole.start()].trim().to_owned(), clause))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Words a condition and a question share without meaning anything.
const STOP: &[&str] = &[
    "a", "an", "the", "if", "only", "you", "your", "have", "has", "had", "do", "does", "did", "is",
    "are", "was", "were", "been", "be", "any", "ever", "we", "our", "it", "there", "in", "of",
    "for", "to", "with", "at", "on", "this", "that", "i", "my", "answer", "answered", "service",
    "services",
];

/// Words that turn a condition round: "if you have not used it".
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "don't", "haven't", "hasn't", "doesn't", "didn't",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.len() > 3 => stem.to_owned(),
                _ => w,
            }
        })
        .collect()
}

/// The `show_if` a clause means over the questions before it, or why it
/// could not be decided (for a TODO).
pub(super) fn resolve(clause: &Clause, earlier: &[Earlier<'_>]) -> Result<String, String> {
    match clause {
        Clause::Numbered { yes, number } => {
            let Some(q) = earlier.iter().find(|q| q.number == *number) else {
                return Err(format!(
                    "a condition on question {number}, which does not come before it: write show_if"
                ));
            };
            if !q.yes_no {
                return Err(format!(
                    "a condition on question {number}, which is not yes/no: write show_if"
                ));
            }
            Ok(format!("{} == {}", q.id, if *yes { "yes" } else { "no" }))
        }
        Clause::Words(said) => {
            let said = words(said);
            let negated = said.iter().any(|w| NEGATIONS.contains(&w.as_str()));
            let content: Vec<&String> = said
                .iter()
                .filter(|w| !STOP.contains(&w.as_str()) && !NEGATIONS.contains(&w.as_str()))
                .collect();
            let matched = earlier.iter().rev().find(|q| {
                let theirs = words(q.text);
                q.yes_no && !content.is_empty() && content.iter().all(|w| theirs.contains(w))
            });
            match matched {
                Some(q) => Ok(format!(
                    "{} == {}",
                    q.id,
                    if negated { "no" } else { "yes" }
                )),
                None => Err(format!(
                    "a condition (\"if {}\") that names no earlier yes/no question: write show_if",
                    said.join(" ")
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_as_leads_write_them() {
        let numbered = |yes, number| Clause::Numbered { yes, number };
        assert_eq!(
            leading("If yes to 1: in which situations?"),
            Some(("In which situations?".into(), numbered(true, 1)))
        );
        assert_eq!(
            leading("If you answered no to question 3, why not?"),
            Some(("Why not?".into(), numbered(false, 3)))
        );
        assert_eq!(
            leading("If you have used ketamine: in which situations?"),
            Some((
                "If you have used ketamine: in which situations?".into(),
                Clause::Words("you have used ketamine".into())
            ))
        );
        assert_eq!(leading("In which situations?"), None);
        assert_eq!(
            only_if(
                "Has it been shared with community teams? (Only if your service has a protocol)"
            ),
            Some((
                "Has it been shared with community teams?".into(),
                Clause::Words("your service has a protocol".into())
            ))
        );
        assert_eq!(
            only_if("Only answer if you answered yes to 5."),
            Some((String::new(), numbered(true, 5)))
        );
        let earlier = [
            Earlier {
                number: 1,
                id: "used_ketamine",
                text: "Have you used ketamine for pain in palliative care?",
                yes_no: true,
            },
            Earlier {
                number: 2,
                id: "confidence",
                text: "How confident are you?",
                yes_no: false,
            },
            Earlier {
                number: 3,
                id: "written_protocol",
                text: "Does your service have a written protocol for ketamine?",
                yes_no: true,
            },
        ];
        let resolved = |clause: Clause| resolve(&clause, &earlier);
        assert_eq!(resolved(numbered(true, 1)).unwrap(), "used_ketamine == yes");
        assert_eq!(
            resolved(numbered(false, 3)).unwrap(),
            "written_protocol == no"
        );
        assert!(
            resolved(numbered(true, 2))
                .unwrap_err()
                .contains("not yes/no")
        );
        assert!(
            resolved(numbered(true, 4))
                .unwrap_err()
                .contains("does not come before")
        );
        let said = |w: &str| Clause::Words(w.into());
        assert_eq!(
            resolved(said("you have used ketamine")).unwrap(),
            "used_ketamine == yes"
        );
        assert_eq!(
            resolved(said("you have never used ketamine")).unwrap(),
            "used_ketamine == no"
        );
        assert_eq!(
            resolved(said("your service has a protocol")).unwrap(),
            "written_protocol == yes"
        );
        assert!(resolved(said("you work in a hospice")).is_err());
        assert_eq!(only_if(&"x".repeat(100_000)), None);
    }
}
