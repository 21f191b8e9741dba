//! The results paragraph: the figures in plain English, in the order of the
//! questionnaire, for the lead to paste into an abstract and then shorten.
//! The program cannot paraphrase a question, so each is quoted; every
//! percentage carries its count and n.

use super::figures::{Figures, Outcome, QuestionFigures};
use super::stats;

/// The paragraph for `figures`.
pub(super) fn paragraph(figures: &Figures) -> String {
    let p = &figures.participation;
    let mut sentences = Vec::new();
    let rate = &p.response_rate;
    let mut opening = format!(
        "{} {} participated (response rate {}, {}/{}",
        p.respondents,
        figures.survey.participants,
        rate.percent_text(),
        rate.count,
        rate.n
    );
    if p.delivered != p.invited {
        opening.push_str(&format!(
            "; {} of the {} reached",
            p.response_rate_delivered.percent_text(),
            p.delivered
        ));
    }
    opening.push_str(").");
    if figures.interim {
        opening = format!("Interim results: {opening}");
    }
    sentences.push(opening);

    let mut yes_run: Vec<&QuestionFigures> = Vec::new();
    for q in &figures.questions {
        if matches!(q.outcome, Outcome::YesNo { .. }) {
            yes_run.push(q);
            continue;
        }
        if !yes_run.is_empty() {
            sentences.push(yes_sentence(&yes_run));
            yes_run.clear();
        }
        if let Some(sentence) = sentence(q) {
            sentences.push(sentence);
        }
    }
    if !yes_run.is_empty() {
        sentences.push(yes_sentence(&yes_run));
    }
    sentences.join(" ")
}

/// `81.4% (35/43) answered yes to "A", 60.5% (26/43) to "B" and ...`
fn yes_sentence(questions: &[&QuestionFigures]) -> String {
    let parts: Vec<String> = questions
        .iter()
        .filter_map(|q| match &q.outcome {
            Outcome::YesNo { yes, .. } if yes.n > 0 => Some((yes.text(), &q.text)),
            _ => None,
        })
        .enumerate()
        .map(|(i, (share, text))| {
            if i == 0 {
                format!("{share} answered yes to \u{201c}{text}\u{201d}")
            } else {
                format!("{share} to \u{201c}{text}\u{201d}")
            }
        })
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    format!("{}.", join_and(&parts))
}

fn sentence(q: &QuestionFigures) -> Option<String> {
    if q.n == 0 {
        return None;
    }
    match &q.outcome {
        Outcome::YesNo { .. } => None,
        Outcome::Choice { options, .. } => {
            let mut chosen: Vec<_> = options.iter().filter(|o| o.share.count > 0).collect();
            chosen.sort_by_key(|o| std::cmp::Reverse(o.share.count));
            let parts: Vec<String> = chosen
                .iter()
                .map(|o| format!("{} {}", o.label, o.share.text()))
                .collect();
            Some(format!(
                "Asked \u{201c}{}\u{201d}, respondents chose {}.",
                q.text,
                join_and(&parts)
            ))
        }
        Outcome::Numeric {
            summary: Some(s), ..
        } => {
            let sd =
                s.sd.map(|sd| format!(", SD {}", stats::number(sd)))
                    .unwrap_or_default();
            Some(format!(
                "Asked \u{201c}{}\u{201d}, answers ranged from {} to {} (mean {}{sd}, median {}; n = {}).",
                q.text,
                stats::number(s.min),
                stats::number(s.max),
                stats::number(s.mean),
                stats::number(s.median),
                s.n
            ))
        }
        Outcome::Numeric { summary: None, .. } => None,
        Outcome::Grid { items } => {
            let parts: Vec<String> = items
                .iter()
                .filter(|i| i.n > 0)
                .map(|i| format!("{} ({})", i.label, i.summary()))
                .collect();
            (!parts.is_empty()).then(|| {
                format!(
                    "Asked \u{201c}{}\u{201d}, respondents answered: {}.",
                    q.text,
                    parts.join("; ")
                )
            })
        }
        Outcome::Ranking { options } => {
            let order: Vec<String> = super::text::by_mean_rank(options)
                .iter()
                .filter_map(|o| {
                    o.mean_rank.map(|m| {
                        format!(
                            "{} (mean rank {}, first for {})",
                            o.label,
                            stats::number(m),
                            o.first.text()
                        )
                    })
                })
                .collect();
            Some(format!(
                "Asked \u{201c}{}\u{201d}, the {} who ranked every option put them in this order: {}.",
                q.text,
                q.n,
                order.join(", ")
            ))
        }
        // A date question's answers are ISO dates, sorted.
        Outcome::Text { answers } if q.kind == "date" => {
            let (first, last) = (answers.first()?, answers.last()?);
            Some(format!(
                "Asked \u{201c}{}\u{201d}, {} gave a date, from {first} to {last} (median {}).",
                q.text,
                answers.len(),
                answers[(answers.len() - 1) / 2]
            ))
        }
        Outcome::Text { answers } => Some(format!(
            "{} gave a free-text answer to \u{201c}{}\u{201d}.",
            answers.len(),
            q.text
        )),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_given_as_a_span_and_texts_as_a_count() {
        let question = |kind, answers: &[&str]| QuestionFigures {
            number: 10,
            id: "last_prescribed".into(),
            text: "When did you last prescribe it?".into(),
            kind,
            n: answers.len(),
            unanswered: 0,
            unclear: 0,
            invalid: 0,
            inferred: 0,
            not_applicable: 0,
            prefer_not_to_say: 0,
            answered_not_applicable: 0,
            outcome: Outcome::Text {
                answers: answers.iter().map(|a| a.to_string()).collect(),
            },
        };
        let dates = ["2019-03", "2025-06-01", "2026-11-20"];
        assert_eq!(
            sentence(&question("date", &dates)).unwrap(),
            "Asked \u{201c}When did you last prescribe it?\u{201d}, 3 gave a date, from 2019-03 to 2026-11-20 (median 2025-06-01)."
        );
        assert_eq!(sentence(&question("date", &[])), None);
        assert!(
            sentence(&question("text", &dates))
                .unwrap()
                .starts_with("3 gave a free-text answer")
        );
    }

    #[test]
    fn lists_read_as_english() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&words(&["a"])), "a");
        assert_eq!(join_and(&words(&["a", "b"])), "a and b");
        assert_eq!(join_and(&words(&["a", "b", "c"])), "a, b and c");
    }
}
