//! `report.txt`: the report as plain text, 72 columns, readable in any mail
//! client and pasteable anywhere. Bars are `#` characters, one per 5%.

use std::fmt::Write as _;

use super::Delivery;
use super::figures::{Breakdown, Cell, Figures, Issue, Outcome, QuestionFigures, Share};
use super::fit::{Lists, fitted};
use super::stats;

const WIDTH: usize = 72;

/// The text part is kept under this many bytes, as the HTML is (see
/// [`super::html::HTML_LIMIT`]): a national survey's thousands of free-text
/// answers would otherwise make it megabytes.
pub(super) const TEXT_LIMIT: usize = 72 * 1024;

/// Renders the text report: every list in full when it fits in
/// [`TEXT_LIMIT`], else the long lists cut as the HTML's are, each saying
/// how many more there are and where.
pub(super) fn render(f: &Figures, delivery: &Delivery) -> String {
    fitted(TEXT_LIMIT, delivery, |lists| render_with(f, lists))
}

/// What a cut list says about the items it does not show.
fn more(left: usize, what: &str, r#where: &str) -> String {
    format!(
        "... and {left} more {what}{}, not shown here to keep this email short: {where}.",
        if left == 1 { "" } else { "s" }
    )
}

/// The items of a long list, each rendered by `one`, as many as `lists`
/// allows, then what was left out.
fn listed<T>(out: &mut String, lists: &mut Lists, items: &[T], one: impl Fn(&T) -> String) {
    let (shown, left) = lists.take(items, one);
    out.push_str(&shown);
    if left > 0 {
        let place = lists.delivery.place("responses.csv and report.json");
        out.push_str(&wrap(
            &more(left, "answer", &format!("every one is in {place}")),
            3,
        ));
    }
}

fn render_with(f: &Figures, lists: &mut Lists) -> String {
    let mut out = String::new();
    let kind = if f.interim {
        "Interim report (collection still open; figures may change)"
    } else {
        "Summary report"
    };
    out.push_str(&wrap(&f.survey.title, 0));
    let _ = writeln!(out, "{kind}");
    out.push_str(&wrap(
        &format!(
            "Collection period: {} to {} ({})",
            f.survey.open, f.survey.close, f.survey.time_zone
        ),
        0,
    ));
    let _ = writeln!(out, "Generated: {}", f.generated_at);

    heading(&mut out, "Results");
    out.push_str(&wrap(&f.results, 0));

    participation(&mut out, f);

    heading(&mut out, "Questions");
    for (i, q) in f.questions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        question(&mut out, q, lists);
    }

    if let Some(b) = &f.breakdown {
        breakdown(&mut out, b);
    }

    quality(&mut out, f, lists);

    heading(&mut out, "Notes");
    out.push_str(&wrap(
        "Percentages are of those who gave a valid answer to the question (n), \
         rounded half up to one decimal. 95% CI: Wilson score interval. SD: \
         sample standard deviation. Median and IQR (first to third quartile): \
         linear interpolation between order statistics (Hyndman-Fan type 7, as \
         in R, NumPy and Excel QUARTILE.INC). A respondent is a person with at \
         least one valid answer.",
        0,
    ));
    out.push_str(&wrap(
        &format!(
            "{}: responses.csv (one row per respondent, one column per \
             question; unanswered and unclear cells empty), codebook.csv (what \
             each column and code means), responses.R, responses.sps and \
             responses.do (load responses.csv into R, SPSS/PSPP or Stata with \
             every variable and value labelled) and report.json (every figure in \
             this report).",
            lists.delivery.heading()
        ),
        0,
    ));
    out
}

/// One answer the report could not count, as listed.
fn issue_line(issue: &Issue) -> String {
    wrap(
        &format!(
            "- {}, question {} ({}): {}",
            issue.respondent, issue.number, issue.question, issue.reason
        ),
        3,
    )
}

fn heading(out: &mut String, title: &str) {
    let title = title.to_uppercase();
    let _ = write!(out, "\n{title}\n{}\n", "-".repeat(title.chars().count()));
}

/// Wraps `text` at [`WIDTH`], every line indented by `indent` spaces.
pub(super) fn wrap(text: &str, indent: usize) -> String {
    hang(text, indent, indent)
}

/// Wraps `text` at [`WIDTH`]: the first line indented by `first`, the
/// others by `rest`, so numbered items and bullets keep their text aligned.
fn hang(text: &str, first: usize, rest: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut indent = first;
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{}{line}", " ".repeat(indent));
            line.clear();
            indent = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{}{line}", " ".repeat(indent));
    }
    out
}

/// A bar of `#`, one per 10% (rounded half up); anything above zero shows
/// at least one.
fn bar(share: &Share) -> String {
    let tenths = share.percent.map_or(0, |p| (p * 10.0).round() as usize);
    let hashes = (tenths + 50) / 100;
    let hashes = if share.count > 0 { hashes.max(1) } else { 0 };
    "#".repeat(hashes)
}

fn participation(out: &mut String, f: &Figures) {
    let p = &f.participation;
    heading(out, "Participation");
    let row = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "{label:<16}{value}");
    };
    row(out, "Invited", p.invited.to_string());
    row(out, "Delivered", p.delivered.to_string());
    row(out, "Bounced", p.bounced.to_string());
    row(out, "Opted out", p.opted_out.to_string());
    row(
        out,
        "Responded",
        format!(
            "{} ({} complete, {} partial)",
            p.respondents, p.complete, p.partial
        ),
    );
    row(
        out,
        "Response rate",
        format!("{} of invited", p.response_rate.text()),
    );
    row(
        out,
        "",
        format!("{} of delivered", p.response_rate_delivered.text()),
    );
    row(
        out,
        "Late replies",
        format!("{} (after the close; not counted)", p.late.len()),
    );
    for late in &p.late {
        let who = late
            .name
            .as_deref()
            .map(|n| format!("{n}, "))
            .unwrap_or_default();
        row(out, "", format!("- {who}{}", late.received_at));
    }
}

/// One labelled row of shares: `label  81.4% (35/43)  95% CI ..  ####`.
fn share_rows(out: &mut String, rows: &[(String, &Share)]) {
    let label_width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(22);
    let share_width = rows.iter().map(|(_, s)| s.text().len()).max().unwrap_or(0);
    let ci_width = rows
        .iter()
        .map(|(_, s)| s.ci_text().len())
        .max()
        .unwrap_or(0);
    for (label, share) in rows {
        let numbers = format!(
            "{:<share_width$}  {:<ci_width$}  {}",
            share.text(),
            share.ci_text(),
            bar(share)
        );
        if label.chars().count() > label_width {
            out.push_str(&wrap(label, 3));
            let _ = writeln!(out, "   {:label_width$}  {}", "", numbers.trim_end());
        } else {
            let _ = writeln!(out, "   {label:<label_width$}  {}", numbers.trim_end());
        }
    }
}

fn question(out: &mut String, q: &QuestionFigures, lists: &mut Lists) {
    let number = format!("{}. ", q.number);
    out.push_str(&hang(&format!("{number}{}", q.text), 0, number.len()));
    let mut n_line = q.n_line();
    match &q.outcome {
        Outcome::YesNo { yes, no } => {
            let _ = writeln!(out, "   {n_line}");
            share_rows(out, &[("Yes".to_owned(), yes), ("No".to_owned(), no)]);
        }
        Outcome::Choice {
            multiple,
            options,
            other_texts,
        } => {
            if *multiple {
                n_line.push_str("; more than one could be chosen");
            }
            out.push_str(&wrap(&n_line, 3));
            let rows: Vec<(String, &Share)> = options
                .iter()
                .map(|o| (o.label.clone(), &o.share))
                .collect();
            share_rows(out, &rows);
            if !other_texts.is_empty() {
                let _ = writeln!(out, "   Other answers, verbatim:");
                listed(out, lists, other_texts, |t| {
                    hang(&format!("- \u{201c}{t}\u{201d}"), 5, 7)
                });
            }
        }
        Outcome::Numeric {
            summary,
            distribution,
        } => {
            match summary {
                Some(s) => {
                    let sd =
                        s.sd.map(|sd| format!("SD {}, ", stats::number(sd)))
                            .unwrap_or_default();
                    out.push_str(&wrap(
                        &format!(
                            "{n_line}; mean {}, {sd}median {}, IQR {} to {}, range {} to {}",
                            stats::number(s.mean),
                            stats::number(s.median),
                            stats::number(s.q1),
                            stats::number(s.q3),
                            stats::number(s.min),
                            stats::number(s.max),
                        ),
                        3,
                    ));
                }
                None => {
                    let _ = writeln!(out, "   {n_line}");
                }
            }
            if summary.is_some() {
                let width = distribution
                    .iter()
                    .map(|b| b.label.chars().count())
                    .max()
                    .unwrap_or(0);
                // Bars relative to the tallest (20 characters), so the shape
                // shows even when no value holds a quarter of the answers.
                let tallest = distribution
                    .iter()
                    .map(|b| b.share.count)
                    .max()
                    .unwrap_or(0)
                    .max(1);
                for b in distribution {
                    let _ = writeln!(
                        out,
                        "   {:>width$} | {:<20} {:>3}  {}",
                        b.label,
                        "#".repeat((b.share.count * 40 + tallest) / (2 * tallest)),
                        b.share.count,
                        b.share.percent_text()
                    );
                }
            }
        }
        Outcome::Grid { items } => {
            out.push_str(&wrap(&n_line, 3));
            for (i, item) in items.iter().enumerate() {
                let letter = crate::survey::questionnaire::option_letter(i);
                out.push_str(&hang(
                    &format!("{letter}) {}: {}", item.label, item.summary()),
                    3,
                    6,
                ));
            }
        }
        Outcome::Ranking { options } => {
            out.push_str(&wrap(&format!("{n_line}, who ranked every option"), 3));
            for o in by_mean_rank(options) {
                out.push_str(&hang(&format!("{}: {}", o.label, o.summary()), 3, 6));
            }
        }
        Outcome::Text { answers } => {
            let _ = writeln!(out, "   {n_line}; every answer verbatim:");
            listed(out, lists, answers, |a| {
                hang(&format!("- \u{201c}{a}\u{201d}"), 5, 7)
            });
        }
    }
}

/// A ranking's options from the lowest mean rank (the first) down; not
/// ranked last.
pub(super) fn by_mean_rank(
    options: &[super::figures::RankFigures],
) -> Vec<&super::figures::RankFigures> {
    let mut sorted: Vec<_> = options.iter().collect();
    sorted.sort_by(|a, b| {
        a.mean_rank
            .unwrap_or(f64::MAX)
            .total_cmp(&b.mean_rank.unwrap_or(f64::MAX))
    });
    sorted
}

/// `A`, `B`, ... then `27`, `28`: short column names for groups.
pub(super) fn group_key(index: usize) -> String {
    if index < 26 {
        ((b'A' + index as u8) as char).to_string()
    } else {
        (index + 1).to_string()
    }
}

/// A cell's two lines: the percentage and its count of n.
pub(super) fn cell_lines(cell: &Cell, min_cell: usize) -> (String, String) {
    if cell.suppressed {
        return (format!("<{min_cell}"), String::new());
    }
    match &cell.share {
        Some(s) => (s.percent_text(), format!("{}/{}", s.count, s.n)),
        None => ("-".to_owned(), String::new()),
    }
}

fn breakdown(out: &mut String, b: &Breakdown) {
    heading(out, &format!("By {}", b.attribute));
    out.push_str(&wrap(
        &format!(
            "Responses and the yes/no questions per {}. Cells that would describe \
             fewer than {} people are shown as \u{201c}<{}\u{201d}, so nobody can be \
             recognised.",
            b.attribute, b.min_cell, b.min_cell
        ),
        0,
    ));
    out.push('\n');
    for (i, g) in b.groups.iter().enumerate() {
        out.push_str(&wrap(
            &format!("{}  {} ({} invited)", group_key(i), g.name, g.invited),
            3,
        ));
    }
    out.push('\n');
    const LABEL: usize = 20;
    const COLUMN: usize = 8;
    let mut line = format!("{:LABEL$}", "");
    for i in 0..b.groups.len() {
        let _ = write!(line, "{:>COLUMN$}", group_key(i));
    }
    let _ = writeln!(out, "{}", line.trim_end());
    let mut rows: Vec<(String, Vec<&Cell>)> = vec![(
        "Responded".to_owned(),
        b.groups.iter().map(|g| &g.responded).collect(),
    )];
    for (k, q) in b.questions.iter().enumerate() {
        let mut label = format!("{}. {}", q.number, q.id);
        if label.chars().count() > LABEL - 1 {
            label = label.chars().take(LABEL - 2).collect::<String>() + "~";
        }
        rows.push((label, b.groups.iter().map(|g| &g.yes[k]).collect()));
    }
    for (label, cells) in rows {
        let lines: Vec<(String, String)> =
            cells.iter().map(|c| cell_lines(c, b.min_cell)).collect();
        let mut first = format!("{label:<LABEL$}");
        let mut second = format!("{:LABEL$}", "");
        for (pct, count) in &lines {
            let _ = write!(first, "{pct:>COLUMN$}");
            let _ = write!(second, "{count:>COLUMN$}");
        }
        let _ = writeln!(out, "{}", first.trim_end());
        if !second.trim().is_empty() {
            let _ = writeln!(out, "{}", second.trim_end());
        }
    }
    out.push_str(&wrap(
        "Question rows show the percentage answering yes, and yes of n below.",
        0,
    ));
}

fn quality(out: &mut String, f: &Figures, lists: &mut Lists) {
    let q = &f.quality;
    heading(out, "Data quality");
    let _ = writeln!(
        out,
        "Replies from another address than the one invited: {}",
        q.different_sender
    );
    let _ = writeln!(out, "Answers still unclear: {}", q.unclear.len());
    listed(out, lists, &q.unclear, issue_line);
    let _ = writeln!(out, "Answers that were not possible: {}", q.invalid.len());
    listed(out, lists, &q.invalid, issue_line);
    if !q.answered_not_applicable.is_empty() {
        let _ = writeln!(
            out,
            "Answers to questions that did not apply (kept, not counted): {}",
            q.answered_not_applicable.len()
        );
        listed(out, lists, &q.answered_not_applicable, issue_line);
    }
    if !q.inferred_unconfirmed.is_empty() || q.inferred_confirmed > 0 {
        let _ = writeln!(
            out,
            "Answers inferred, unconfirmed (not counted): {}",
            q.inferred_unconfirmed.len()
        );
        listed(out, lists, &q.inferred_unconfirmed, |issue| {
            wrap(
                &format!(
                    "- {}, question {} ({})",
                    issue.respondent, issue.number, issue.question
                ),
                3,
            )
        });
        let _ = writeln!(
            out,
            "Inferred answers confirmed by the doctor (counted): {}",
            q.inferred_confirmed
        );
    }
    if q.unverified_bounces > 0 {
        let _ = writeln!(
            out,
            "Unverified bounces (nothing of ours in them; nobody bounced): {}",
            q.unverified_bounces
        );
    }
    let _ = writeln!(out, "Clarification emails sent: {}", q.clarifications_sent);
    let _ = writeln!(
        out,
        "Replies without any valid answer (not counted): {}",
        q.replied_without_valid_answer
    );
}
