//! `report.html`: the HTML part of the report email. Mail clients are the
//! constraint: Outlook renders with Word, Gmail strips `<style>` blocks in
//! some views, and nobody runs scripts or fetches remote images. So the
//! layout is nested tables, all CSS is inline, bar charts are table cells
//! with percentage widths and background colours, and one column of at
//! most 680 pixels reads the same on a phone and a desktop.

use std::fmt::Write as _;

use super::Delivery;
use super::figures::{Breakdown, Cell, Figures, Group, Outcome, QuestionFigures, Share};
use super::fit::{Lists, fitted};
use super::stats;
use super::text::group_key;
use crate::survey::questionnaire::escape;

const FONT: &str = "font-family:Arial,Helvetica,sans-serif;";
const INK: &str = "#111827";
const MUTED: &str = "#4b5563";
const TRACK: &str = "#e5e7eb";
const PRIMARY: &str = "#2563eb";
const SECONDARY: &str = "#94a3b8";
const RULE: &str = "#e5e7eb";

/// Gmail clips a message whose HTML is over about 102 KB ("[Message
/// clipped] View entire message"), and the lead reads a clipped report
/// only by clicking through. The HTML is kept under this many bytes
/// before its transfer encoding, which makes it at most 1.37 times larger
/// (base64 with its line breaks; quoted-printable is chosen only when
/// shorter), so the part as sent stays under 102 KB whatever the answers
/// hold.
pub(super) const HTML_LIMIT: usize = 72 * 1024;

/// Renders the HTML report: every list in full when it fits in
/// [`HTML_LIMIT`]; otherwise the long lists (free-text answers, "other"
/// texts, the quality section's answers) share what the rest of the
/// report leaves, each showing its first items and saying how many more
/// are in the attachments (`responses.csv`, `report.json`). A list that
/// needs less than an equal share keeps all of it; the others split the
/// rest.
pub(super) fn render(f: &Figures, delivery: &Delivery) -> String {
    fitted(HTML_LIMIT, delivery, |lists| render_with(f, lists))
}

/// What a cut list says about the items it does not show.
fn more_note(left: usize, what: &str, r#where: &str) -> String {
    format!(
        "&hellip; and {left} more {what}{}, not shown here so that this email stays under Gmail's clipping limit: {}.",
        if left == 1 { "" } else { "s" },
        escape(r#where)
    )
}

/// The report with each long list cut as `lists` says.
fn render_with(f: &Figures, lists: &mut Lists) -> String {
    let mut body = String::new();
    header(&mut body, f);
    section(&mut body, "Results");
    let _ = write!(
        body,
        r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="background:#eff6ff;border-left:4px solid {PRIMARY};padding:12px 14px;font-size:15px;line-height:1.5;color:{INK};">{}</td></tr></table>"#,
        escape(&f.results)
    );
    participation(&mut body, f);
    section(&mut body, "Questions");
    for q in &f.questions {
        question(&mut body, q, lists);
    }
    if let Some(b) = &f.breakdown {
        breakdown(&mut body, b, lists);
    }
    quality(&mut body, f, lists);
    notes(&mut body, &lists.delivery);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{title}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:12px 6px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:680px;background:#ffffff;border:1px solid {RULE};border-radius:6px;">
<tr><td style="padding:18px 14px 22px 14px;{FONT}color:{INK};font-size:15px;line-height:1.4;">
{body}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"#,
        title = escape(&f.survey.title),
    )
}

fn header(out: &mut String, f: &Figures) {
    let kind = if f.interim {
        "Interim report &ndash; collection still open; figures may change"
    } else {
        "Summary report"
    };
    let _ = write!(
        out,
        r#"<div style="font-size:13px;color:{MUTED};text-transform:uppercase;letter-spacing:0.05em;">{kind}</div>
<h1 style="margin:4px 0 8px 0;font-size:22px;line-height:1.25;color:{INK};">{}</h1>
<div style="font-size:13px;color:{MUTED};">Collection period: {} to {} ({})<br>Generated {}</div>
"#,
        escape(&f.survey.title),
        escape(&f.survey.open),
        escape(&f.survey.close),
        escape(&f.survey.time_zone),
        escape(&f.generated_at),
    );
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        r#"<h2 style="margin:26px 0 10px 0;padding-bottom:4px;border-bottom:2px solid {RULE};font-size:18px;color:{INK};">{}</h2>"#,
        escape(title)
    );
}

/// A horizontal bar: `percent` of the width in `colour` on a grey track.
fn bar(percent: Option<f64>, colour: &str) -> String {
    let filled = percent.map_or(0, |p| {
        if p > 0.0 {
            (p.round() as u32).clamp(1, 100)
        } else {
            0
        }
    });
    let cell = |width: u32, colour: &str| {
        format!(
            r#"<td width="{width}%" height="12" bgcolor="{colour}" style="width:{width}%;height:12px;background:{colour};font-size:0;line-height:0;">&nbsp;</td>"#
        )
    };
    let cells = match filled {
        0 => cell(100, TRACK),
        100 => cell(100, colour),
        w => cell(w, colour) + &cell(100 - w, TRACK),
    };
    format!(
        r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;"><tr>{cells}</tr></table>"#
    )
}

/// A labelled share with its bar and interval, stacked so it fits a phone.
fn share_row(out: &mut String, label: &str, share: &Share, colour: &str) {
    let _ = write!(
        out,
        r#"<tr><td style="padding:8px 0 2px 0;font-size:14px;color:{INK};">{}</td><td align="right" style="padding:8px 0 2px 8px;font-size:14px;white-space:nowrap;vertical-align:bottom;"><b>{}</b> <span style="color:{MUTED};">({}/{})</span></td></tr>
<tr><td colspan="2">{}</td></tr>
<tr><td colspan="2" style="padding:2px 0 0 0;font-size:12px;color:{MUTED};">{}</td></tr>
"#,
        escape(label),
        share.percent_text(),
        share.count,
        share.n,
        bar(share.percent, colour),
        share.ci_text(),
    );
}

fn participation(out: &mut String, f: &Figures) {
    let p = &f.participation;
    section(out, "Participation");
    let tile = |value: String, label: &str| {
        format!(
            r#"<td width="33%" align="center" style="padding:10px 4px;background:#f9fafb;border:1px solid {RULE};"><div style="font-size:24px;font-weight:bold;color:{INK};">{value}</div><div style="font-size:12px;color:{MUTED};">{label}</div></td>"#
        )
    };
    let _ = writeln!(
        out,
        r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;"><tr>{}{}{}</tr></table>"#,
        tile(p.invited.to_string(), "invited"),
        tile(p.respondents.to_string(), "responded"),
        tile(p.response_rate.percent_text(), "response rate"),
    );
    let row = |label: &str, value: String| {
        format!(
            r#"<tr><td style="padding:6px 8px 6px 0;border-bottom:1px solid {RULE};font-size:14px;color:{MUTED};white-space:nowrap;vertical-align:top;">{label}</td><td style="padding:6px 0;border-bottom:1px solid {RULE};font-size:14px;">{value}</td></tr>"#
        )
    };
    let mut rows = vec![
        row("Invited", p.invited.to_string()),
        row("Delivered", p.delivered.to_string()),
        row("Bounced", p.bounced.to_string()),
        row("Opted out", p.opted_out.to_string()),
        row(
            "Responded",
            format!(
                "{} ({} complete, {} partial)",
                p.respondents, p.complete, p.partial
            ),
        ),
        row(
            "Response rate",
            format!(
                "<b>{}</b> of invited; {} of delivered",
                escape(&p.response_rate.text()),
                escape(&p.response_rate_delivered.text())
            ),
        ),
    ];
    let mut late = format!("{} (after the close; not counted)", p.late.len());
    for l in &p.late {
        let who = l
            .name
            .as_deref()
            .map(|n| format!("{}, ", escape(n)))
            .unwrap_or_default();
        let _ = write!(late, "<br>{who}{}", escape(&l.received_at));
    }
    rows.push(row("Late replies", late));
    let _ = writeln!(
        out,
        r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin-top:10px;border-collapse:collapse;">{}</table>"#,
        rows.concat()
    );
}

fn question(out: &mut String, q: &QuestionFigures, lists: &mut Lists) {
    let mut n_line = q.n_line();
    if let Outcome::Choice { multiple: true, .. } = q.outcome {
        n_line.push_str("; more than one could be chosen");
    }
    let _ = writeln!(
        out,
        r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:18px 0 0 0;"><tr><td style="font-size:15px;font-weight:bold;color:{INK};line-height:1.35;">{}.&nbsp;{}</td></tr><tr><td style="padding-top:2px;font-size:13px;color:{MUTED};">{}</td></tr></table>"#,
        q.number,
        escape(&q.text),
        escape(&n_line)
    );
    let open = r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0">"#;
    match &q.outcome {
        Outcome::YesNo { yes, no } => {
            out.push_str(open);
            share_row(out, "Yes", yes, PRIMARY);
            share_row(out, "No", no, SECONDARY);
            out.push_str("</table>\n");
        }
        Outcome::Choice {
            options,
            other_texts,
            ..
        } => {
            out.push_str(open);
            for o in options {
                share_row(out, &o.label, &o.share, PRIMARY);
            }
            out.push_str("</table>\n");
            if !other_texts.is_empty() {
                quotes(out, "Other answers, verbatim", other_texts, lists);
            }
        }
        Outcome::Numeric {
            summary,
            distribution,
        } => {
            if let Some(s) = summary {
                let stat = |label: &str, value: String| {
                    format!(
                        r#"<td align="center" style="padding:6px 2px;background:#f9fafb;border:1px solid {RULE};"><div style="font-size:17px;font-weight:bold;">{value}</div><div style="font-size:11px;color:{MUTED};">{label}</div></td>"#
                    )
                };
                let _ = writeln!(
                    out,
                    r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin-top:8px;border-collapse:collapse;"><tr>{}{}{}{}{}</tr></table>"#,
                    stat("mean", stats::number(s.mean)),
                    stat("SD", s.sd.map_or_else(|| "-".to_owned(), stats::number)),
                    stat("median", stats::number(s.median)),
                    stat(
                        "IQR",
                        format!("{}&ndash;{}", stats::number(s.q1), stats::number(s.q3))
                    ),
                    stat(
                        "range",
                        format!("{}&ndash;{}", stats::number(s.min), stats::number(s.max))
                    ),
                );
                let _ = write!(
                    out,
                    r#"<div style="margin-top:6px;font-size:12px;color:{MUTED};">Distribution: answers per value, longest bar = most frequent (n = {})</div><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin-top:4px;">"#,
                    s.n
                );
                // Bars relative to the tallest, so the shape shows even when
                // no value holds more than a quarter of the answers.
                let tallest = distribution
                    .iter()
                    .map(|b| b.share.count)
                    .max()
                    .unwrap_or(0)
                    .max(1);
                for b in distribution {
                    let _ = write!(
                        out,
                        r#"<tr><td width="44" align="right" style="width:44px;padding:2px 8px 2px 0;font-size:13px;color:{MUTED};white-space:nowrap;">{}</td><td style="padding:2px 0;">{}</td><td width="82" align="right" style="width:82px;padding:2px 0 2px 6px;font-size:13px;white-space:nowrap;"><b>{}</b> <span style="color:{MUTED};">{}</span></td></tr>"#,
                        escape(&b.label),
                        bar(Some(b.share.count as f64 * 100.0 / tallest as f64), PRIMARY),
                        b.share.count,
                        b.share.percent_text(),
                    );
                }
                out.push_str("</table>\n");
            }
        }
        Outcome::Grid { items } => {
            out.push_str(open);
            for (i, item) in items.iter().enumerate() {
                let _ = write!(
                    out,
                    r#"<tr><td style="padding:4px 0;font-size:14px;color:{INK};"><b>{}) {}</b><br><span style="font-size:13px;color:{MUTED};">{}</span></td></tr>"#,
                    crate::survey::questionnaire::option_letter(i),
                    escape(&item.label),
                    escape(&item.summary())
                );
            }
            out.push_str("</table>\n");
        }
        Outcome::Ranking { options } => {
            out.push_str(open);
            for o in super::text::by_mean_rank(options) {
                let _ = write!(
                    out,
                    r#"<tr><td style="padding:4px 0;font-size:14px;color:{INK};"><b>{}</b><br><span style="font-size:13px;color:{MUTED};">{}</span></td></tr>"#,
                    escape(&o.label),
                    escape(&o.summary())
                );
            }
            out.push_str("</table>\n");
        }
        Outcome::Text { answers } => {
            if !answers.is_empty() {
                quotes(out, "Every answer, verbatim", answers, lists);
            }
        }
    }
}

fn quotes(out: &mut String, title: &str, texts: &[String], lists: &mut Lists) {
    let (shown, left) = lists.take(texts, |t| {
        format!(
            r#"<div style="margin:6px 0 0 0;padding:6px 10px;border-left:3px solid {SECONDARY};background:#f9fafb;font-size:14px;color:{INK};">{}</div>"#,
            escape(t).replace('\n', "<br>")
        )
    });
    let title = if left == 0 {
        escape(title)
    } else {
        format!(
            "{} (the first {} of {})",
            escape(title),
            texts.len() - left,
            texts.len()
        )
    };
    let _ = write!(
        out,
        r#"<div style="margin-top:8px;font-size:12px;color:{MUTED};">{title}</div>{shown}"#
    );
    if left > 0 {
        let _ = write!(
            out,
            r#"<div style="margin-top:6px;font-size:13px;color:{MUTED};">{}</div>"#,
            more_note(
                left,
                "answer",
                &format!(
                    "every answer is in {}",
                    lists.delivery.place("responses.csv and report.json")
                )
            )
        );
    }
    out.push('\n');
}

/// Background of a breakdown cell: the higher the share, the deeper the
/// blue, so patterns across groups show at a glance.
fn shade(cell: &Cell) -> String {
    match cell.share.as_ref().and_then(|s| s.percent) {
        Some(p) if !cell.suppressed => {
            let t = p / 100.0;
            let mix = |from: f64, to: f64| (from + (to - from) * t).round() as u8;
            format!(
                "#{:02x}{:02x}{:02x}",
                mix(255.0, 147.0),
                mix(255.0, 197.0),
                mix(255.0, 253.0)
            )
        }
        _ => "#f9fafb".to_owned(),
    }
}

/// A group's line of the breakdown's legend: its key, name and invited.
fn legend_row(key: &str, g: &Group) -> String {
    format!(
        r#"<tr><td width="22" style="width:22px;padding:2px 0;font-size:13px;font-weight:bold;vertical-align:top;">{key}</td><td style="padding:2px 0;font-size:13px;">{} <span style="color:{MUTED};">({} invited)</span></td></tr>"#,
        escape(&g.name),
        g.invited
    )
}

fn breakdown_cell(cell: &Cell, min_cell: usize) -> String {
    let background = shade(cell);
    let content = if cell.suppressed {
        format!(r#"<span style="color:{MUTED};">&lt;{min_cell}</span>"#)
    } else {
        match &cell.share {
            Some(s) => format!(
                r#"<b>{}</b><br><span style="font-size:11px;color:{MUTED};">{}/{}</span>"#,
                s.percent
                    .map_or_else(|| "-".to_owned(), |p| format!("{p:.0}%")),
                s.count,
                s.n
            ),
            None => "-".to_owned(),
        }
    };
    format!(
        r#"<td align="center" bgcolor="{background}" style="padding:5px 2px;border:1px solid #ffffff;background:{background};font-size:13px;line-height:1.2;">{content}</td>"#
    )
}

fn breakdown(out: &mut String, b: &Breakdown, lists: &mut Lists) {
    section(out, &format!("By {}", b.attribute));
    let _ = writeln!(
        out,
        r#"<div style="font-size:13px;color:{MUTED};margin-bottom:8px;">Responses and the share answering yes per {}, of those who answered (yes/n below). Cells that would describe fewer than {} people show &ldquo;&lt;{}&rdquo;, so nobody can be recognised. Percentages here are rounded to whole numbers; the question sections above give one decimal.</div>"#,
        escape(&b.attribute),
        b.min_cell,
        b.min_cell
    );
    // A group is a line of the legend and a column of the table: what it
    // takes of the budget is both, with the longest key.
    let widest = group_key(b.groups.len());
    let (_, left) = lists.take(&b.groups, |g| {
        let mut cells = legend_row(&widest, g);
        cells.push_str(&breakdown_cell(&g.responded, b.min_cell));
        for cell in &g.yes {
            cells.push_str(&breakdown_cell(cell, b.min_cell));
        }
        let _ = write!(
            cells,
            r#"<td align="center" style="padding:4px 2px;font-size:13px;font-weight:bold;">{widest}</td>"#
        );
        cells
    });
    let groups = &b.groups[..b.groups.len() - left];
    out.push_str(r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-bottom:8px;">"#);
    for (i, g) in groups.iter().enumerate() {
        out.push_str(&legend_row(&group_key(i), g));
    }
    out.push_str("</table>\n");
    let mut table = String::from(
        r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">"#,
    );
    let _ = write!(
        table,
        r#"<tr><td style="padding:4px 2px;font-size:12px;color:{MUTED};"></td>"#
    );
    for i in 0..groups.len() {
        let _ = write!(
            table,
            r#"<td align="center" style="padding:4px 2px;font-size:13px;font-weight:bold;">{}</td>"#,
            group_key(i)
        );
    }
    table.push_str("</tr>");
    let label = |text: String| {
        format!(
            r#"<td style="padding:4px 6px 4px 0;font-size:12px;color:{INK};word-break:break-word;">{text}</td>"#
        )
    };
    table.push_str("<tr>");
    table.push_str(&label("Responded".to_owned()));
    for g in groups {
        table.push_str(&breakdown_cell(&g.responded, b.min_cell));
    }
    table.push_str("</tr>");
    for (k, q) in b.questions.iter().enumerate() {
        table.push_str("<tr>");
        table.push_str(&label(format!(
            "{}.&nbsp;{}",
            q.number,
            escape(&q.id).replace('_', " ")
        )));
        for g in groups {
            table.push_str(&breakdown_cell(&g.yes[k], b.min_cell));
        }
        table.push_str("</tr>");
    }
    table.push_str("</table>\n");
    out.push_str(&table);
    if left > 0 {
        let _ = writeln!(
            out,
            r#"<div style="margin-top:6px;font-size:13px;color:{MUTED};">{}</div>"#,
            more_note(
                left,
                "group",
                &format!(
                    "every group is in {} (breakdown)",
                    lists.delivery.place("report.json")
                )
            )
        );
    }
}

fn quality(out: &mut String, f: &Figures, lists: &mut Lists) {
    let q = &f.quality;
    section(out, "Data quality");
    let delivery = lists.delivery.clone();
    let mut issues = |list: &[super::figures::Issue]| {
        let (shown, left) = lists.take(list, |i| {
            format!(
                "<br>&bull; {}, question {} ({}): {}",
                escape(&i.respondent),
                i.number,
                escape(&i.question),
                escape(&i.reason)
            )
        });
        listed(shown, left, &delivery)
    };
    let mut rows = vec![
        (
            "Replies from another address than the one invited",
            q.different_sender.to_string(),
        ),
        (
            "Answers still unclear",
            format!("{}{}", q.unclear.len(), issues(&q.unclear)),
        ),
        (
            "Answers that were not possible",
            format!("{}{}", q.invalid.len(), issues(&q.invalid)),
        ),
        (
            "Clarification emails sent",
            q.clarifications_sent.to_string(),
        ),
        (
            "Replies without any valid answer (not counted)",
            q.replied_without_valid_answer.to_string(),
        ),
    ];
    if !q.answered_not_applicable.is_empty() {
        rows.push((
            "Answers to questions that did not apply (kept, not counted)",
            format!(
                "{}{}",
                q.answered_not_applicable.len(),
                issues(&q.answered_not_applicable)
            ),
        ));
    }
    if !q.inferred_unconfirmed.is_empty() || q.inferred_confirmed > 0 {
        let (shown, left) = lists.take(&q.inferred_unconfirmed, |i| {
            format!(
                "<br>&bull; {}, question {} ({})",
                escape(&i.respondent),
                i.number,
                escape(&i.question)
            )
        });
        let listed = listed(shown, left, &delivery);
        rows.insert(
            3,
            (
                "Answers inferred, unconfirmed (not counted)",
                format!("{}{listed}", q.inferred_unconfirmed.len()),
            ),
        );
        rows.insert(
            4,
            (
                "Inferred answers confirmed by the doctor (counted)",
                q.inferred_confirmed.to_string(),
            ),
        );
    }
    if q.unverified_bounces > 0 {
        rows.push((
            "Unverified bounces (nothing of ours in them; nobody bounced)",
            q.unverified_bounces.to_string(),
        ));
    }
    out.push_str(r#"<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">"#);
    for (label, value) in rows {
        let _ = write!(
            out,
            r#"<tr><td style="padding:6px 8px 6px 0;border-bottom:1px solid {RULE};font-size:14px;color:{MUTED};vertical-align:top;">{label}</td><td align="right" style="padding:6px 0;border-bottom:1px solid {RULE};font-size:14px;vertical-align:top;">{value}</td></tr>"#
        );
    }
    out.push_str("</table>\n");
}

/// A quality list as shown, with what a cut left out.
fn listed(shown: String, left: usize, delivery: &Delivery) -> String {
    if left == 0 {
        return shown;
    }
    format!(
        "{shown}<br>{}",
        more_note(
            left,
            "answer",
            &format!(
                "every one is listed in {} (quality)",
                delivery.place("report.json")
            )
        )
    )
}

fn notes(out: &mut String, delivery: &Delivery) {
    let _ = writeln!(
        out,
        r#"<div style="margin-top:22px;font-size:12px;line-height:1.45;color:{MUTED};">Percentages are of those who gave a valid answer to the question (n), rounded half up to one decimal. 95% CI: Wilson score interval. SD: sample standard deviation. Median and IQR (first to third quartile): linear interpolation between order statistics (Hyndman&ndash;Fan type 7, as in R, NumPy and Excel QUARTILE.INC). A respondent is a person with at least one valid answer.<br><br>{}: <b>responses.csv</b> (one row per respondent, one column per question; unanswered and unclear cells empty), <b>codebook.csv</b> (what each column and code means), <b>responses.R</b>, <b>responses.sps</b> and <b>responses.do</b> (load responses.csv into R, SPSS/PSPP or Stata with every variable and value labelled) and <b>report.json</b> (every figure in this report).</div>"#,
        escape(&delivery.heading())
    );
}
