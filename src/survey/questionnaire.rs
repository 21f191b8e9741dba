//! The question block of every questionnaire email: a contract that doctors
//! and the reply parser both rely on, so code renders it, not templates.
//!
//! Text: questions numbered `1.` .. `N.` in survey order, each starting its
//! own line (wrapped lines continue indented by three spaces), options on
//! their own lines as `a) ...`, and a line `Answer:` alone after each
//! question. The HTML part shows the same literal lines, in paragraphs
//! rather than lists or tables, because many clients quote the HTML part in
//! a reply and turn lists into something else.

use crate::survey::{Question, QuestionKind, Reserved};

/// Width the text part wraps at.
const WIDTH: usize = 72;
/// Indent of a wrapped question's continuation lines.
const INDENT: &str = "   ";

/// The letter of the `index`-th option: `a`, `b`, ...
pub fn option_letter(index: usize) -> char {
    (b'a' + index as u8) as char
}

/// An option as the questionnaire shows it, `b) Lack of evidence`, or
/// `None` for an id the question does not have (each caller decides what
/// to echo then).
pub fn option_label(question: &Question, id: &str) -> Option<String> {
    let options = question.options();
    let index = options.iter().position(|o| o.id == id)?;
    Some(format!(
        "{}) {}",
        option_letter(index),
        options[index].label
    ))
}

/// How to answer, shown above the questions.
pub fn instructions_text() -> String {
    "How to answer: reply to this email and write your answer after each \
     \"Answer:\" line, or list your answers at the top of your reply, one per \
     line, for example:\n   1. yes\n   2. no"
        .to_owned()
}

/// The hint after a question's text, saying what kind of answer it takes.
fn hint(question: &Question) -> Option<String> {
    let kind = match &question.kind {
        QuestionKind::YesNo | QuestionKind::Text | QuestionKind::Scale { .. } => None,
        QuestionKind::SingleChoice(_) => Some("choose one letter".to_owned()),
        QuestionKind::Grid { each, .. } => Some(match each.as_ref() {
            QuestionKind::Scale { min, max, .. } => {
                format!("a number from {min} to {max} for each letter")
            }
            _ => format!(
                "for each letter, one of: {}",
                question
                    .grid_options()
                    .iter()
                    .map(|o| o.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }),
        QuestionKind::Ranking(options) => Some(format!(
            "number every letter from 1 to {}, each number once",
            options.len()
        )),
        QuestionKind::Date {
            order: Some(crate::survey::DateOrder::Mdy),
        } => Some("a date, such as March 2025 or 03/05/2025".to_owned()),
        QuestionKind::Date { .. } => Some("a date, such as March 2025 or 05/03/2025".to_owned()),
        QuestionKind::Duration { unit } => Some(format!("a number of {}", unit.name())),
        QuestionKind::MultipleChoice(options) => {
            Some(match options.iter().position(|o| o.exclusive) {
                Some(i) => format!("choose all that apply, or {} alone", option_letter(i)),
                None => "choose all that apply".to_owned(),
            })
        }
        QuestionKind::Number { min, max } => Some(match (min, max) {
            (Some(lo), Some(hi)) => format!("a number from {lo} to {hi}"),
            (Some(lo), None) => format!("a number, at least {lo}"),
            (None, Some(hi)) => format!("a number, at most {hi}"),
            (None, None) => "a number".to_owned(),
        }),
    };
    let allowed = match (
        question.allows(Reserved::NotApplicable),
        question.allows(Reserved::PreferNotToSay),
    ) {
        (true, true) => Some("n/a if it does not apply, or \"prefer not to say\""),
        (true, false) => Some("n/a if it does not apply"),
        (false, true) => Some("or \"prefer not to say\""),
        (false, false) => None,
    };
    let only_if = question
        .show_if
        .as_ref()
        .map(|s| format!("answer only if {}", s.words));
    let parts: Vec<&str> = [
        only_if.as_deref(),
        kind.as_deref(),
        allowed,
        (!question.required).then_some("optional"),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The heading line(s) of question `number` (1-based), unwrapped.
pub fn heading(number: usize, question: &Question) -> String {
    let mut line = format!("{number}. {}", question.display_text());
    if let Some(hint) = hint(question) {
        line.push_str(&format!(" ({hint})"));
    }
    line
}

/// Renders `questions`, each with its 1-based number, as text.
pub fn render_text<'a>(questions: impl IntoIterator<Item = (usize, &'a Question)>) -> String {
    render_text_asking(questions.into_iter().map(|(n, q)| (n, q, None)))
}

/// The lettered lines shown under `question`: all, or only the grid
/// items `asked` (by index), each keeping its own letter so a reply to a
/// clarification reads as a reply to the invitation.
fn lettered_lines<'q>(question: &'q Question, asked: Option<&[usize]>) -> Vec<(char, &'q str)> {
    question
        .lettered()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| asked.is_none_or(|asked| asked.contains(i)))
        .map(|(i, label)| (option_letter(i), label))
        .collect()
}

/// Renders `questions` as text, each with its 1-based number and, for a
/// grid, the items to ask (`None`: all).
pub fn render_text_asking<'a>(
    questions: impl IntoIterator<Item = (usize, &'a Question, Option<Vec<usize>>)>,
) -> String {
    let mut out = String::new();
    for (number, question, asked) in questions {
        out.push_str(&wrap(&heading(number, question)));
        for (letter, label) in lettered_lines(question, asked.as_deref()) {
            out.push_str(&wrap(&format!("{letter}) {label}")));
        }
        out.push_str("Answer:\n\n");
    }
    out
}

/// Renders `questions` as HTML with the same literal lines as the text.
pub fn render_html<'a>(questions: impl IntoIterator<Item = (usize, &'a Question)>) -> String {
    render_html_asking(questions.into_iter().map(|(n, q)| (n, q, None)))
}

/// Renders `questions` as HTML with the same literal lines as
/// [`render_text_asking`].
pub fn render_html_asking<'a>(
    questions: impl IntoIterator<Item = (usize, &'a Question, Option<Vec<usize>>)>,
) -> String {
    const P: &str = "margin:0 0 4px 0;font-size:16px;line-height:1.45;";
    let mut out = String::new();
    for (number, question, asked) in questions {
        out.push_str(&format!(
            "<div style=\"margin:0 0 20px 0;\">\n<p style=\"{P}font-weight:bold;\">{}</p>\n",
            escape(&heading(number, question))
        ));
        for (letter, label) in lettered_lines(question, asked.as_deref()) {
            out.push_str(&format!(
                "<p style=\"{P}padding-left:16px;\">{letter}) {}</p>\n",
                escape(label)
            ));
        }
        out.push_str(&format!(
            "<p style=\"{P}color:#1a5d8f;\">Answer:</p>\n</div>\n"
        ));
    }
    out
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Wraps one logical line at [`WIDTH`]; continuation lines are indented.
fn wrap(line: &str) -> String {
    let mut out = String::new();
    let mut current = String::new();
    for word in line.split_whitespace() {
        let limit = if out.is_empty() {
            WIDTH
        } else {
            WIDTH - INDENT.len()
        };
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > limit {
            push_line(&mut out, &current);
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    push_line(&mut out, &current);
    out
}

fn push_line(out: &mut String, line: &str) {
    if !out.is_empty() {
        out.push_str(INDENT);
    }
    out.push_str(line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::ChoiceOption;

    fn question(kind: QuestionKind, text: &str) -> Question {
        Question {
            id: "q".into(),
            text: text.into(),
            required: true,
            kind,
            allow: Vec::new(),
            show_if: None,
        }
    }

    #[test]
    fn long_questions_wrap_with_an_indent() {
        let q = question(
            QuestionKind::YesNo,
            "Have you used ketamine to control intractable pain in end-of-life situations, in addition to strong opioids?",
        );
        let text = render_text([(1, &q)]);
        let lines: Vec<_> = text.lines().collect();
        assert!(lines[0].starts_with("1. Have you used"));
        assert!(lines[1].starts_with("   "));
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH));
        assert_eq!(lines[2], "Answer:");
    }

    #[test]
    fn options_are_lettered_and_html_keeps_the_same_lines() {
        let options = ["Cost", "Time <busy>"]
            .iter()
            .enumerate()
            .map(|(i, l)| ChoiceOption {
                id: format!("o{i}"),
                label: l.to_string(),
                exclusive: false,
                other: false,
            })
            .collect();
        let q = question(QuestionKind::MultipleChoice(options), "Which?");
        let text = render_text([(5, &q)]);
        assert_eq!(
            text,
            "5. Which? (choose all that apply)\na) Cost\nb) Time <busy>\nAnswer:\n\n"
        );
        let html = render_html([(5, &q)]);
        assert!(html.contains(">5. Which? (choose all that apply)</p>"));
        assert!(html.contains(">b) Time &lt;busy&gt;</p>"));
        assert!(html.contains(">Answer:</p>"));
        assert!(!html.contains("<ol") && !html.contains("<table"));
    }
}
