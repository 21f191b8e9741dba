//! Golden outbound mail: every kind of message we send to a doctor,
//! rendered with a fixed clock and a fixed token and compared byte for byte
//! (MIME boundaries aside) with `tests/golden/mail/*.eml`. A change on
//! purpose is accepted with `MAILSURVEY_BLESS=1 cargo test --test it golden`;
//! a mismatch writes `NAME.eml.failed` beside the golden file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use mailsurvey::compose::compose;
use mailsurvey::compose::invitation::{self, Invitee, QuestionnaireMail};
use mailsurvey::compose::token::Token;
use mailsurvey::follow_up::{self, Context};
use mailsurvey::store::StoredRecipient;
use mailsurvey::survey::Survey;
use mailsurvey::survey::templates::Templates;
use mailsurvey::understand::answer::{Answer, Value};

use crate::support::ROOT;

const TOKEN: &str = "abcdefghijklmnopqrstuvwxyz234567";

fn survey() -> Survey {
    Survey::load(&Path::new(ROOT).join("config/example.toml")).unwrap()
}

fn now() -> Timestamp {
    "2026-12-01T09:00:00Z".parse().unwrap()
}

fn person() -> StoredRecipient {
    StoredRecipient {
        id: 7,
        email: "jack.clarke@north-hospice.test".into(),
        name: "Dr Jack Clarke".into(),
        attributes: BTreeMap::from([("centre".into(), "St Columba's Hospice".into())]),
        token: Token::parse(TOKEN).unwrap(),
        listed: true,
        status: mailsurvey::store::RecipientStatus::Active,
    }
}

/// Replaces lettre's random MIME boundaries with stable names.
fn normalise(raw: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(raw).into_owned();
    let mut boundaries: Vec<String> = text
        .match_indices("boundary=\"")
        .map(|(at, m)| {
            let start = at + m.len();
            text[start..start + text[start..].find('"').unwrap()].to_owned()
        })
        .collect();
    boundaries.dedup();
    for (i, boundary) in boundaries.iter().enumerate() {
        text = text.replace(boundary, &format!("BOUNDARY-{i}"));
    }
    text
}

fn check(name: &str, raw: &[u8]) {
    let path: PathBuf = Path::new(ROOT)
        .join("tests/golden/mail")
        .join(format!("{name}.eml"));
    let actual = normalise(raw);
    if std::env::var_os("MAILSURVEY_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with MAILSURVEY_BLESS=1 to create it",
            path.display()
        )
    });
    let failed = path.with_extension("eml.failed");
    if actual != expected {
        std::fs::write(&failed, &actual).unwrap();
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .map_or("at the end".to_owned(), |i| format!("at line {}", i + 1));
        panic!(
            "{name} differs from {} {line}; see {}",
            path.display(),
            failed.display()
        );
    }
    let _ = std::fs::remove_file(failed);
}

#[test]
fn golden_invitation_and_reminder() {
    let survey = survey();
    let templates = Templates::load(None).unwrap();
    let token = Token::parse(TOKEN).unwrap();
    let person = person();
    let invitee = Invitee {
        name: &person.name,
        email: &person.email,
        attributes: &person.attributes,
        token: &token,
    };
    for (name, kind) in [
        ("invitation", QuestionnaireMail::Invitation),
        ("reminder-2", QuestionnaireMail::Reminder(2)),
    ] {
        let draft = invitation::draft(&survey, &templates, &invitee, kind, now()).unwrap();
        check(name, &compose(draft, now()).unwrap().bytes);
    }
}

#[test]
fn golden_receipt_clarification_and_notes() {
    let survey = survey();
    let person = person();
    let templates = Templates::load(None).unwrap();
    let context = Context {
        survey: &survey,
        templates: &templates,
        recipient: &person,
        in_reply_to: Some("reply-1@doctors.test".into()),
        seq: 42,
        to: person.email.clone(),
    };
    let mut answers: BTreeMap<String, Answer> = BTreeMap::from([
        ("end_of_life".into(), Answer::ok(Value::Bool(true), "yes")),
        (
            "early_adjuvant".into(),
            Answer::ok(Value::Bool(false), "no"),
        ),
        (
            "opioid_sparing".into(),
            Answer::ok(Value::Bool(true), "yes"),
        ),
        (
            "confidence".into(),
            Answer::unclear("two numbers: 6 and 7", "6 or 7"),
        ),
        (
            "barriers".into(),
            Answer {
                other: Some("cost of the drug".into()),
                ..Answer::ok(
                    Value::Choices(vec!["evidence".into(), "other".into()]),
                    "b, e - cost of the drug",
                )
            },
        ),
        (
            "written_protocol".into(),
            Answer::ok(Value::Bool(false), "no"),
        ),
        (
            "shared_guidance".into(),
            Answer::ok(Value::Bool(false), "no"),
        ),
        (
            "training".into(),
            Answer::ok(Value::Bool(true), "yes please"),
        ),
    ]);
    let draft =
        follow_up::draft(follow_up::FollowUpKind::Clarification, &context, &answers).unwrap();
    check("clarification", &compose(draft, now()).unwrap().bytes);
    answers.insert("confidence".into(), Answer::ok(Value::Integer(7), "7"));
    answers.insert("research".into(), Answer::ok(Value::Bool(true), "yes"));
    let draft = follow_up::draft(follow_up::FollowUpKind::Receipt, &context, &answers).unwrap();
    check("receipt", &compose(draft, now()).unwrap().bytes);
    for (name, kind) in [
        (
            "opt-out-confirmation",
            follow_up::FollowUpKind::OptOutConfirmation,
        ),
        ("closed-notice", follow_up::FollowUpKind::ClosedNotice),
    ] {
        let draft = follow_up::draft(kind, &context, &BTreeMap::new()).unwrap();
        check(name, &compose(draft, now()).unwrap().bytes);
    }
}

/// Mails that know what applies, on the second example
/// (`config/seed-full.toml`): a clarification while the answer two
/// conditions depend on is unclear asks for it and for what applies
/// regardless, never for the questions waiting on it nor for one whose
/// condition is false (answered anyway); the receipt after the doctor's
/// correction echoes the duration counted from a year, saying so.
#[test]
fn golden_mails_know_what_applies() {
    let survey = Survey::load(&Path::new(ROOT).join("config/seed-full.toml")).unwrap();
    let person = person();
    let templates = Templates::load(None).unwrap();
    let context = Context {
        survey: &survey,
        templates: &templates,
        recipient: &person,
        in_reply_to: Some("reply-1@doctors.test".into()),
        seq: 43,
        to: person.email.clone(),
    };
    let ok = |v: Value, s: &str| Answer::ok(v, s);
    let mut answers: BTreeMap<String, Answer> = BTreeMap::from([
        (
            "used_ketamine".into(),
            Answer::unclear("a hedge", "not really, once maybe"),
        ),
        ("confidence".into(), ok(Value::Integer(4), "4")),
        (
            "barriers".into(),
            ok(Value::Choices(vec!["evidence".into()]), "b"),
        ),
        (
            "barrier_rank".into(),
            ok(
                Value::Choices(vec![
                    "evidence".into(),
                    "expertise".into(),
                    "side_effects".into(),
                    "access".into(),
                ]),
                "b > a > c > d",
            ),
        ),
        ("written_protocol".into(), ok(Value::Bool(false), "no")),
        ("protocol_shared".into(), ok(Value::Bool(true), "yes")),
        (
            "years_in_palliative".into(),
            Answer::unclear("the duration is hedged", "about 10"),
        ),
    ]);
    let draft =
        follow_up::draft(follow_up::FollowUpKind::Clarification, &context, &answers).unwrap();
    let raw = compose(draft, now()).unwrap().bytes;
    let text = String::from_utf8_lossy(&raw).replace("=\r\n", "");
    assert!(text.contains("1. Have you used ketamine"), "{text}");
    assert!(text.contains("9. Would you benefit"), "{text}");
    assert!(text.contains("11. How many years"), "{text}");
    for waiting in [
        "2. If you have used",
        "4. How confident",
        "10. If you have used",
        "8. If your service",
    ] {
        assert!(!text.contains(waiting), "{waiting} is not asked: {text}");
    }
    check("clarification-conditions", &raw);
    answers.insert("used_ketamine".into(), ok(Value::Bool(false), "no"));
    answers.insert(
        "situations".into(),
        Answer::of_reserved(mailsurvey::survey::Reserved::NotApplicable, None, "n/a"),
    );
    answers.insert("training".into(), ok(Value::Bool(true), "yes"));
    answers.insert(
        "years_in_palliative".into(),
        ok(Value::Integer(11), "since 2015"),
    );
    let draft = follow_up::draft(follow_up::FollowUpKind::Receipt, &context, &answers).unwrap();
    let raw = compose(draft, now()).unwrap().bytes;
    let text = String::from_utf8_lossy(&raw).replace("=\r\n", "");
    assert!(
        text.contains("11 years (counted from 2015 to the date of your reply)"),
        "{text}"
    );
    assert!(
        text.contains("8. yes (this question did not apply to you: kept, not counted)"),
        "{text}"
    );
    check("receipt-conditions", &raw);
}

#[test]
fn golden_confirmations() {
    use mailsurvey::decide::confirmation::{Request, Why};
    let survey = survey();
    let person = person();
    let templates = Templates::load(None).unwrap();
    // The message that asked came from somewhere else: the confirmation
    // still goes to the listed address, unthreaded.
    let context = Context {
        survey: &survey,
        templates: &templates,
        recipient: &person,
        in_reply_to: Some("forged-1@elsewhere.test".into()),
        seq: 43,
        to: "someone@elsewhere.test".into(),
    };
    let mut answers = Request::new(Why::NoToken);
    answers.answers = BTreeMap::from([
        ("end_of_life".into(), Answer::ok(Value::Bool(true), "yes")),
        ("confidence".into(), Answer::ok(Value::Integer(3), "3")),
        (
            "comments".into(),
            Answer::ok(
                Value::Text("See <a href=\"http://evil.test\">here</a>".into()),
                "x",
            ),
        ),
    ]);
    let mut opt_out = Request::new(Why::NoToken);
    opt_out.opt_out = true;
    let mut inferred = Request::new(Why::Inferred);
    inferred.answers = answers.answers.clone();
    // With the token from another address (issue 18, finding 8): a stop
    // of mail and a deletion request asked, nothing applied yet.
    let mut other_address = Request::new(Why::OtherAddress);
    other_address.stop_asked = true;
    other_address.withdrawal = true;
    // Inferred answers with something also missing: one message asks for
    // both, with the missing questions' blocks.
    let mut current = inferred.answers.clone();
    current.insert(
        "early_adjuvant".into(),
        Answer::ok(Value::Bool(false), "no"),
    );
    let draft = follow_up::confirmation_asking(&context, &inferred, Some(&current)).unwrap();
    let bytes = compose(draft, now()).unwrap().bytes;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert!(text.contains("We still need"), "{text}");
    assert!(
        text.contains("3. Have you used ketamine to enable a reduction"),
        "{text}"
    );
    check("confirmation-inferred-missing", &bytes);
    for (name, request) in [
        ("confirmation-answers", &answers),
        ("confirmation-opt-out", &opt_out),
        ("confirmation-inferred", &inferred),
        ("confirmation-other-address", &other_address),
    ] {
        let draft = follow_up::confirmation(&context, request).unwrap();
        assert_eq!(draft.to.email.to_string(), person.email);
        assert_eq!(draft.in_reply_to, None);
        let bytes = compose(draft, now()).unwrap().bytes;
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("evil.test"), "{name}: {text}");
        check(name, &bytes);
    }
}

/// The progress digest of the seed survey mid-collection, as the leads
/// get it: every section filled, outside text (a bounce's reason with a
/// link and an escape sequence, a stranger's address, a subject) shown
/// shortened and unlinked, no answers (`digest_results` is off).
#[test]
fn golden_progress_digest() {
    use mailsurvey::report::Share;
    use mailsurvey::report::digest::{
        self, Bounced, Cause, Centres, Digest, Held, SetAside, Slot, Unclear, Waiting,
    };
    use mailsurvey::report::shown::unlinked;
    let survey = survey();
    let centres = [
        ("City General Hospital Palliative Care", 10, 4),
        ("Coastal Hospice", 10, 3),
        ("Moorland Community Palliative Team", 10, 5),
        ("Riverside Palliative Care Unit", 10, 2),
        ("St Columba's Hospice", 10, 6),
        ("Valley Specialist Palliative Service", 4, 3),
    ];
    let facts = Digest {
        title: survey.title.clone(),
        survey_file: "/srv/surveys/ketamine 2026.toml".into(),
        made_at: "Monday 23 November 2026, 17:00 GMT".into(),
        cause: Some(Cause::Reminder(1)),
        invited: 54,
        responded: Share::of(23, 54),
        complete: 19,
        partial: 4,
        not_yet_sent: 6,
        waiting: Waiting {
            count: 27,
            names: None,
        },
        bounced: vec![Bounced {
            name: "Dr Ruth Okafor".into(),
            email: "ruth.okafor@coastal-hospice.test".into(),
            reason: unlinked(
                "host mx.coastal-hospice.test said: 550 5.1.1 <ruth.okafor@coastal-hospice.test>: \
                 Recipient address rejected\r\n\x1b[2J see https://evil.test/fix and make this line \
                 far longer than anyone needs to read on a phone",
                digest::OUTSIDE_TEXT_CHARS,
            ),
        }],
        unverified_bounces: 1,
        opted_out: 2,
        held: vec![Held {
            id: 41,
            from: unlinked("j.clarke@gmail.test", 80),
            whose: "jack.clarke@north-hospice.test".into(),
        }],
        unclear: vec![Unclear {
            name: "Dr Aisha Lewis".into(),
            email: "aisha.lewis@riverside-pcu.test".into(),
            number: 4,
            question: "confidence".into(),
            values: "a whole number from 0 to 10".into(),
        }],
        set_aside: vec![SetAside {
            id: 57,
            subject: unlinked("Re: Survey \u{202e} www.evil.test", 80),
            reason: unlinked("took longer than 10 s to read", digest::OUTSIDE_TEXT_CHARS),
        }],
        problems: vec![
            "IMAP since Monday 23 November 2026, 08:12 GMT: the server refused the login \
             (AUTHENTICATIONFAILED); check the password or token named in [imap]"
                .into(),
        ],
        next_reminder: Some("Saturday 28 November 2026, 17:00 GMT".into()),
        close: "Thursday 31 December 2026, 17:00 GMT".into(),
        closed: false,
        centres: Some(Centres {
            column: "centre".into(),
            min_cell: 5,
            groups: centres
                .iter()
                .map(|(name, invited, responded)| (name.to_string(), *invited, *responded))
                .collect(),
            show_small: false,
        }),
        results: None,
    };
    let slot = Slot {
        at: now(),
        cause: Cause::Reminder(1),
    };
    let message_id = digest::message_id(&survey, Some(slot), now());
    assert_eq!(message_id, "digest.ketamine-2026.1796115600@survey.test");
    let draft = digest::draft(&survey, &facts, message_id).unwrap();
    assert_eq!(draft.to.email.to_string(), "lead@survey.test");
    let bytes = compose(draft, now()).unwrap().bytes;
    let mail = crate::support::parse(&bytes);
    assert_eq!(
        mail.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-generated")
    );
    assert_eq!(
        mail.subject(),
        Some(
            "Progress: 23 of 54 answered, 5 for you - Ketamine in specialist palliative care: a regional survey"
        )
    );
    let text = mail.body_text(0).unwrap();
    let html = mail.body_html(0).unwrap();
    for part in [&text, &html] {
        for never in [
            "https://",
            "evil.test",
            "\u{1b}",
            "\u{202e}",
            "<a ",
            "gmail.test",
        ] {
            assert!(!part.contains(never), "{never:?} in\n{part}");
        }
    }
    for said in [
        "23 of 54 invited have answered (42.6%): 19 complete, 4 partial.",
        "6 invitations not sent yet.",
        "Dr Ruth Okafor <ruth.okafor@coastal-hospice.test>: \"host mx[.]coastal-hospice[.]test said: 550 5.1.1",
        "  mailsurvey review --survey '/srv/surveys/ketamine 2026.toml' --accept 41",
        "  mailsurvey review --survey '/srv/surveys/ketamine 2026.toml' --settle aisha.lewis@riverside-pcu.test confidence VALUE",
        "  mailsurvey review --survey '/srv/surveys/ketamine 2026.toml' --retry 57",
        "Valley Specialist Palliative Service: 4 invited (fewer than 5: not shown)",
        "St Columba's Hospice: 6 of 10 (60.0%)",
        "Next reminder: Saturday 28 November 2026, 17:00 GMT.",
        "Interim results are not shown",
    ] {
        assert!(text.contains(said), "{said:?} not in\n{text}");
    }
    check("digest", &bytes);
}

/// A grid and a ranking (`config/seed-full.toml`): the invitation shows
/// the grid's items and the ranking's options lettered, each with its
/// hint; a clarification after a reply that gave two of the grid's three
/// items and a ranking with a tie asks for exactly the missing item (its
/// own letter kept) and the ranking, and lists the two items understood.
#[test]
fn golden_grid_and_ranking() {
    let survey = Survey::load(&Path::new(ROOT).join("config/seed-full.toml")).unwrap();
    let templates = Templates::load(None).unwrap();
    let token = Token::parse(TOKEN).unwrap();
    let person = person();
    let invitee = Invitee {
        name: &person.name,
        email: &person.email,
        attributes: &person.attributes,
        token: &token,
    };
    let draft = invitation::draft(
        &survey,
        &templates,
        &invitee,
        QuestionnaireMail::Invitation,
        now(),
    )
    .unwrap();
    let raw = compose(draft, now()).unwrap().bytes;
    let text = String::from_utf8_lossy(&raw).replace("=\r\n", "");
    for line in [
        "a) Choosing a starting dose",
        "c) Recognising and managing side effects",
        "d) Access to the drug (supply and licensing)",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    check("invitation-grid-ranking", &raw);
    let context = Context {
        survey: &survey,
        templates: &templates,
        recipient: &person,
        in_reply_to: Some("reply-1@doctors.test".into()),
        seq: 44,
        to: person.email.clone(),
    };
    let ok = |v: Value, s: &str| Answer::ok(v, s);
    let answers: BTreeMap<String, Answer> = BTreeMap::from([
        ("used_ketamine".into(), ok(Value::Bool(true), "yes")),
        (
            "situations".into(),
            ok(Value::Choices(vec!["end_of_life".into()]), "a"),
        ),
        ("confidence".into(), ok(Value::Integer(7), "7")),
        (
            "confidence_areas.dosing".into(),
            ok(Value::Integer(4), "a) 4"),
        ),
        (
            "confidence_areas.side_effects".into(),
            ok(Value::Integer(5), "c) 5"),
        ),
        (
            "barriers".into(),
            ok(Value::Choices(vec!["evidence".into()]), "b"),
        ),
        (
            "barrier_rank".into(),
            Answer::unclear("a tie: two options ranked 1", "a) 1, b) 1, c) 2, d) 3"),
        ),
        ("written_protocol".into(), ok(Value::Bool(false), "no")),
        ("training".into(), ok(Value::Bool(true), "yes")),
        ("years_in_palliative".into(), ok(Value::Integer(10), "10")),
    ]);
    let draft =
        follow_up::draft(follow_up::FollowUpKind::Clarification, &context, &answers).unwrap();
    let raw = compose(draft, now()).unwrap().bytes;
    let text = String::from_utf8_lossy(&raw).replace("=\r\n", "");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"b) Choosing the route (oral or subcutaneous)"),
        "{text}"
    );
    assert!(!lines.contains(&"a) Choosing a starting dose"), "{text}");
    assert!(text.contains("4a) Choosing a starting dose: 4"), "{text}");
    assert!(text.contains("6. Rank these barriers"), "{text}");
    check("clarification-grid-ranking", &raw);
}
