//! Question types beyond the six (issue 22), through the real binary on
//! the local mail stack, with the seed survey as it would have asked its
//! questions (`config/seed-conditions.toml`).

use std::time::Duration;

use crate::support::*;
use mailsurvey::store::MailKind;

const SURVEY: &str = "config/seed-conditions.toml";

/// The clarification in `email`'s inbox (soft line breaks of
/// quoted-printable joined), once delivered: the outbox says "sent" when
/// Postfix took it, before Dovecot has it.
fn clarification_of(fixture: &Fixture, stack: &Stack, email: &str) -> String {
    let find = || {
        stack
            .inbox(email)
            .into_iter()
            .map(|raw| String::from_utf8_lossy(&raw).replace("=\r\n", ""))
            .find(|m| m.contains("One more thing"))
    };
    fixture.wait_until(
        Duration::from_secs(60),
        "the clarification delivered",
        || find().is_some(),
    );
    find().expect("the clarification delivered")
}

/// The doctors reply in turn (`replies`: each body with how many answers
/// it records); two of them get a receipt and doctor `asked` a
/// clarification, whose text is returned once delivered.
fn two_receipts_and_a_clarification(
    fixture: &Fixture,
    stack: &Stack,
    doctors: &[(String, String)],
    replies: &[(&str, usize)],
    asked: usize,
) -> String {
    for ((_, email), (body, answers)) in doctors.iter().zip(replies) {
        fixture.reply_and_wait_recorded(email, body, *answers);
    }
    fixture.wait_until(
        Duration::from_secs(60),
        "two receipts and a clarification",
        || {
            fixture.receipts_sent() == 2
                && fixture
                    .outbox_states(MailKind::Clarification)
                    .values()
                    .sum::<usize>()
                    == 1
        },
    );
    clarification_of(fixture, stack, &doctors[asked].1)
}

/// Doctors answer "n/a", "prefer not to say" and "decline" where the survey
/// allows them: the answers are recorded as such (no clarification asks
/// for them), `responses.csv` carries their codes, and the report's
/// percentages are over those who gave a value, with n and the others
/// shown.
#[test]
fn not_applicable_and_prefer_not_to_say_are_answers_outside_every_denominator() {
    let stack = Stack::shared();
    let fixture = Fixture::of(&stack, SURVEY, &[]);
    let (doctors, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let replies = [
        "1. no\n2. n/a\n3. 5\n4. a\n5. no\n6. N/A - we have none\n7. yes",
        "1. yes\n2. a, b\n3. prefer not to say\n4. b\n5. yes\n6. yes\n7. yes",
        "1. yes\n2. a\n3. 8\n4. c\n5. yes\n6. no\n7. decline",
    ];
    for ((_, email), body) in doctors.iter().zip(replies) {
        fixture.reply_and_wait_recorded(email, body, 7);
    }
    fixture.wait_until(Duration::from_secs(60), "three receipts", || {
        fixture.receipts_sent() == 3
    });
    assert!(
        fixture.outbox_states(MailKind::Clarification).is_empty(),
        "nobody is asked about an n/a"
    );
    let made = Made::of(&fixture);
    let text = &made.text;
    // Situations: 2 of 2 who used it chose a; the n/a is outside n.
    assert!(text.contains("n = 2 (1 not applicable)"), "{text}");
    // Confidence: mean of 5 and 8 over 2, one preferred not to say.
    assert!(text.contains("n = 2 (1 preferred not to say)"), "{text}");
    assert!(text.contains("mean 6.5"), "{text}");
    // Training: 2 yes of 2; one declined.
    assert!(text.contains("100.0% (2/2)"), "{text}");
    let csv = &made.csv;
    assert_eq!(made.count("situations_end_of_life", "-8"), 1, "{csv}");
    assert_eq!(made.count("confidence", "-9"), 1, "{csv}");
    assert_eq!(made.count("training", "-9"), 1, "{csv}");
    assert_eq!(made.count("protocol_shared", "-8"), 1, "{csv}");
    assert_eq!(made.count("protocol_shared", "0"), 1, "{csv}");
    let codebook = &made.codebook;
    assert!(
        codebook.contains("-8 = not applicable; -9 = prefer not to say"),
        "{codebook}"
    );
    daemon.terminate();
}

/// The seed survey's two conditions through the whole path: a doctor who
/// never used ketamine writes "n/a" under the questions that do not apply
/// to them, one answers a question that did not apply, one leaves out a
/// question that applies. Receipts for the first two (nothing is missing),
/// a clarification for the third asking only for what applies; the report
/// states each percentage over those the question applied to, and
/// `responses.csv` has "not applicable" for every condition that was false.
#[test]
fn conditions_decide_what_is_asked_and_every_denominator() {
    let stack = Stack::shared();
    let fixture = Fixture::of(&stack, SURVEY, &[]);
    let (doctors, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let invitation = String::from_utf8_lossy(&stack.inbox(&doctors[0].1)[0]).into_owned();
    assert!(
        invitation.contains("answer only if you") && invitation.contains("answered yes to 1"),
        "the condition in words: {invitation}"
    );
    let replies = [
        ("1. no\n2. n/a\n3. 5\n4. a\n5. no\n6. n/a\n7. yes", 7),
        ("1. no\n2. a or b\n3. 6\n4. b\n5. yes\n6. yes\n7. yes", 7),
        (
            "1. yes\n2. a, b\n3. 8\n4. c\n5. yes\n7. yes\n8. 05/03/2025",
            7,
        ),
    ];
    let clarification = two_receipts_and_a_clarification(&fixture, &stack, &doctors, &replies, 2);
    assert!(
        clarification.contains("6. If your service has a written"),
        "{clarification}"
    );
    let made = Made::of(&fixture);
    let text = &made.text;
    // Situations applied to one doctor, who chose a and b.
    assert!(
        text.contains("n = 1 (2 not applicable, of whom 1 answered anyway)"),
        "{text}"
    );
    // Shared with community teams: applied to two; one yes, one not answered.
    assert!(
        text.contains("n = 1 (1 not applicable, 1 not answered)"),
        "{text}"
    );
    // status counts it apart, not among the unclear answers, and review
    // does not ask the lead to settle it (it is unclear: "a or b").
    let status = fixture.mailsurvey(&["status"]);
    let shown = String::from_utf8_lossy(&status.stdout);
    assert!(
        shown.contains("answers to questions that did not apply: 1")
            && shown.contains("unclear answers: 0"),
        "{shown}"
    );
    let review = fixture.mailsurvey(&["review"]);
    let shown = String::from_utf8_lossy(&review.stdout);
    assert!(shown.contains("Unclear answers (0)"), "{shown}");
    // The answer given anyway is listed for the lead.
    assert!(
        text.contains("Answers to questions that did not apply (kept, not counted): 1"),
        "{text}"
    );
    assert!(
        text.contains("question 2 (situations): answered, though only"),
        "{text}"
    );
    // Questions without a condition: over all three.
    assert!(text.contains("mean 6.3"), "{text}");
    let csv = &made.csv;
    assert_eq!(made.count("situations_end_of_life", "-8"), 2, "{csv}");
    assert_eq!(made.count("situations_end_of_life", "1"), 1, "{csv}");
    assert_eq!(made.sorted("protocol_shared"), ["", "-8", "1"], "{csv}");
    // The answer given anyway is flagged, after every question's columns;
    // an "n/a" to a question that did not apply is no answer given anyway.
    assert_eq!(
        made.sorted("situations_answered_anyway"),
        ["0", "0", "1"],
        "{csv}"
    );
    assert_eq!(
        made.column("protocol_shared_answered_anyway"),
        ["0", "0", "0"],
        "{csv}"
    );
    assert!(
        made.at("situations_answered_anyway") > made.at("comments"),
        "the flags come last: {csv}"
    );
    let codebook = &made.codebook;
    assert!(
        codebook.contains("1 = answered though it did not apply"),
        "{codebook}"
    );
    // The date, read by the survey's date_order (dmy), in ISO form.
    assert_eq!(made.count("last_prescribed", "2025-03-05"), 1, "{csv}");
    daemon.terminate();
}

/// `validate` names every mistake in a condition with its file, line and
/// fix: a test the question's type cannot answer, a later question, an
/// unknown one, a syntax error.
#[test]
fn validate_names_each_condition_mistake_with_file_line_and_fix() {
    let stack = Stack::shared();
    let fixture = Fixture::of(&stack, SURVEY, &[]);
    let text = std::fs::read_to_string(&fixture.survey).unwrap();
    let bad = text
        .replacen(
            "show_if = \"used_ketamine == yes\"",
            "show_if = \"used_ketamine >= 3\"",
            1,
        )
        .replacen(
            "show_if = \"written_protocol == yes\"",
            "show_if = \"training == yes or nobody == no\"",
            1,
        )
        .replacen(
            "show_if = \"used_ketamine == yes\"",
            "show_if = \"used_ketamine = yes\"",
            1,
        );
    std::fs::write(&fixture.survey, bad).unwrap();
    let out = fixture.mailsurvey(&["validate"]);
    assert!(!out.status.success());
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let file = fixture.survey.to_str().unwrap();
    for (message, fix) in [
        (
            "question 'situations': show_if: 'used_ketamine' is a yes/no question",
            "fix: write used_ketamine == yes or used_ketamine == no",
        ),
        (
            "question 'protocol_shared': show_if tests a later question, 'training'",
            "fix: a condition can only test earlier questions",
        ),
        (
            "question 'protocol_shared': show_if tests an unknown question 'nobody'",
            "fix: use the id of an earlier question: used_ketamine, situations",
        ),
        (
            "question 'last_prescribed': show_if: '=' is not a comparison",
            "fix: write it like used_ketamine == yes",
        ),
    ] {
        let line = said
            .lines()
            .position(|l| l.contains(message))
            .unwrap_or_else(|| panic!("{message}: {said}"));
        let lines: Vec<&str> = said.lines().collect();
        assert!(lines[line].contains(&format!("{file}:")), "{said}");
        assert!(lines[line + 1].contains(fix), "{said}");
    }
}

/// What `report --out` made: the report's text and JSON, `responses.csv`
/// as its header and rows, and the codebook.
struct Made {
    text: String,
    json: serde_json::Value,
    csv: String,
    header: Vec<String>,
    table: Vec<Vec<String>>,
    codebook: String,
}

impl Made {
    /// Runs `mailsurvey report` for `fixture` and reads what it wrote.
    fn of(fixture: &Fixture) -> Made {
        let out = fixture.dir.path().join("report");
        let made = fixture.mailsurvey(&["report", "--out", out.to_str().unwrap()]);
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
        let csv = read("responses.csv");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let table = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        Made {
            text: read("report.txt"),
            json: serde_json::from_str(&read("report.json")).unwrap(),
            csv,
            header,
            table,
            codebook: read("codebook.csv"),
        }
    }

    /// Where column `name` is.
    fn at(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {}", self.csv))
    }

    /// Column `name`'s cells, in row order.
    fn column(&self, name: &str) -> Vec<&str> {
        let at = self.at(name);
        self.table.iter().map(|r| r[at].as_str()).collect()
    }

    /// Column `name`'s cells, sorted.
    fn sorted(&self, name: &str) -> Vec<&str> {
        let mut cells = self.column(name);
        cells.sort();
        cells
    }

    /// How many rows hold `value` in column `name`.
    fn count(&self, name: &str, value: &str) -> usize {
        self.column(name).iter().filter(|c| **c == value).count()
    }

    /// The report's text with its wrapping undone.
    fn flat(&self) -> String {
        self.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The first `n` doctors of `survey` answer from `cohort`, one mail-client
/// style each, and the report is made once every answer is recorded (a
/// grid counts an answer per item).
fn simulated(survey: &str, cohort: &str, n: usize) -> Made {
    use crate::doctors::{self, Answers, Doctor, Style, Value};
    let stack = Stack::shared();
    let fixture = Fixture::of(&stack, survey, &[]);
    let (rows, mut daemon) = fixture.invite_first(n, Duration::from_secs(60));
    let cohort = Answers::load_cohort(&std::path::Path::new(ROOT).join(cohort)).unwrap();
    for (i, ((name, email), answers)) in rows.iter().zip(&cohort).enumerate() {
        let doctor = Doctor {
            name: name.clone(),
            email: email.clone(),
            centre: "St Columba's Hospice".into(),
        };
        let inbox = stack.inbox(email);
        let questionnaire = doctors::newest_questionnaire(&inbox).expect("an invitation");
        let mail = doctors::reply(questionnaire, &doctor, answers, Style::rotation(i)).unwrap();
        doctors::send(stack.port("MAILSTACK_SMTP_PORT"), &mail).unwrap();
    }
    for ((_, email), answers) in rows.iter().zip(&cohort) {
        let given: usize = answers
            .items
            .iter()
            .map(|(id, v)| match v {
                Value::Text(t) if t.is_empty() => 0,
                _ if id == "confidence_areas" => 3,
                _ => 1,
            })
            .sum();
        fixture.wait_recorded(email, given, Duration::from_secs(120));
    }
    let made = Made::of(&fixture);
    daemon.terminate();
    made
}

/// The seed survey with its conditions answered by simulated doctors in
/// eight mail clients, one style each (`tests/fixtures/cohort-conditions.csv`,
/// the first eight rows): "n/a" where a condition is false, one doctor who
/// never used ketamine names a situation anyway, one without a written
/// protocol says whether it was shared. The report states each percentage
/// over those the question applied to, with the not applicable and those
/// who answered anyway in its n line; `responses.csv` has the
/// not-applicable code (never an empty, missing cell) for every false
/// condition, and flags the two answers given anyway.
#[test]
fn simulated_doctors_in_eight_clients_are_counted_over_those_each_question_applied_to() {
    let got = simulated(SURVEY, "tests/fixtures/cohort-conditions.csv", 8);
    let (text, csv) = (&got.text, &got.csv);
    // Situations applied to the seven who used ketamine; the eighth named
    // one anyway. Shared with community teams applied to the three with a
    // written protocol; of the five without, four wrote n/a, one answered.
    assert!(
        text.contains("n = 7 (1 not applicable, of whom 1 answered anyway)"),
        "{text}"
    );
    assert!(
        text.contains("n = 3 (5 not applicable, of whom 1 answered anyway)"),
        "{text}"
    );
    assert_eq!(got.count("situations_end_of_life", "-8"), 1, "{csv}");
    assert_eq!(got.count("situations_end_of_life", ""), 0, "{csv}");
    assert_eq!(got.count("protocol_shared", "-8"), 5, "{csv}");
    assert_eq!(got.count("protocol_shared", ""), 0, "{csv}");
    assert_eq!(got.count("situations_answered_anyway", "1"), 1, "{csv}");
    assert_eq!(
        got.count("protocol_shared_answered_anyway", "1"),
        1,
        "{csv}"
    );
}

/// The second example whole (`config/seed-full.toml`: conditions, "n/a",
/// a grid, a ranking, a date and a duration), answered by simulated
/// doctors in eight mail clients from `tests/fixtures/cohort-full.csv`:
/// the doctor who never used ketamine writes "n/a" for the grid that does
/// not apply to them (-8 in each item's column, never missing), every
/// ranking and duration is read (`18 months` is 1.5 years), and the
/// denominators are those of the questions' conditions.
#[test]
fn simulated_doctors_answer_the_second_example_with_every_type() {
    let got = simulated("config/seed-full.toml", "tests/fixtures/cohort-full.csv", 8);
    let (text, csv) = (&got.text, &got.csv);
    assert!(
        text.contains("n = 7 (1 not applicable, of whom 1 answered anyway)"),
        "{text}"
    );
    assert!(
        text.contains("n = 3 (5 not applicable, of whom 1 answered anyway)"),
        "{text}"
    );
    for item in ["dosing", "routes", "side_effects"] {
        let column = format!("confidence_areas_{item}");
        assert_eq!(got.count(&column, "-8"), 1, "{csv}");
        assert_eq!(got.count(&column, ""), 0, "{csv}");
    }
    assert_eq!(got.count("barrier_rank_evidence", ""), 0, "{csv}");
    assert_eq!(got.count("years_in_palliative", ""), 0, "{csv}");
    assert_eq!(got.count("years_in_palliative", "1.5"), 1, "{csv}");
    // 10, 12, 10, 1.5, 7, 20, 10, 12 years.
    assert!(text.contains("median 10,"), "{text}");
    assert!(text.contains("range 1.5 to 20"), "{text}");
}

/// A grid and a ranking through the real binary (`config/seed-full.toml`):
/// three doctors answer the grid as letters, by the items' words and with
/// one item left out, and the ranking as `b > a > d > c`, a numbered list
/// of labels and letters in order. The one who left an item out is asked
/// for exactly that item (with its own letter); the report gives each
/// item's n and median and each option's mean rank and firsts, and
/// `responses.csv` a column per item and a rank per option.
#[test]
fn a_grid_and_a_ranking_are_read_asked_for_and_counted() {
    let stack = Stack::shared();
    let fixture = Fixture::of(&stack, "config/seed-full.toml", &[]);
    let (doctors, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let invitation = String::from_utf8_lossy(&stack.inbox(&doctors[0].1)[0]).replace("=\r\n", "");
    assert!(
        invitation.contains("a) Choosing a starting dose")
            && invitation.contains("d) Access to the drug (supply and licensing)"),
        "items and options lettered: {invitation}"
    );
    let replies = [
        (
            "1. yes\n2. a\n3. 7\n4. a) 4, b) 3, c) 5\n5. a\n6. b > a > d > c\n7. no\n8. n/a\n9. yes\n11. 10",
            12,
        ),
        (
            "1. yes\n2. a, b\n3. 8\n4. dosing - 5, routes - 4, side effects - 3\n5. b\n6. 1 evidence, 2 access, 3 expertise, 4 side effects\n7. yes\n8. yes\n9. no\n11. 12",
            12,
        ),
        (
            "1. yes\n2. a\n3. 6\n4. a) 2, c) 4\n5. c\n6. a, b, c, d\n7. no\n8. n/a\n9. yes\n11. 5",
            11,
        ),
    ];
    let clarification = two_receipts_and_a_clarification(&fixture, &stack, &doctors, &replies, 2);
    let lines: Vec<&str> = clarification.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"b) Choosing the route (oral or subcutaneous)"),
        "the missing item is asked for: {clarification}"
    );
    assert!(
        !lines.contains(&"a) Choosing a starting dose")
            && !lines.contains(&"c) Recognising and managing side effects"),
        "only the missing item: {clarification}"
    );
    let made = Made::of(&fixture);
    daemon.terminate();
    let (text, flat) = (&made.text, made.flat());
    for figure in [
        // Dosing 4, 5, 2; routes 3, 4 (one missing); side effects 5, 3, 4.
        "a) Choosing a starting dose: n = 3; median 4; at 1 0.0% (0/3), at 5 33.3% (1/3)",
        "b) Choosing the route (oral or subcutaneous): n = 2; median 3.5",
        "c) Recognising and managing side effects: n = 3; median 4",
        // Evidence ranked 1, 1, 2; expertise 2, 3, 1.
        "Lack of evidence: mean rank 1.3; ranked first by 66.7% (2/3)",
        "Lack of expertise and familiarity: mean rank 2; ranked first by 33.3% (1/3)",
        "Side effects: mean rank 3.7; ranked first by 0.0% (0/3)",
    ] {
        assert!(flat.contains(figure), "{figure}: {text}");
    }
    let csv = &made.csv;
    assert_eq!(
        made.sorted("confidence_areas_dosing"),
        ["2", "4", "5"],
        "{csv}"
    );
    assert_eq!(
        made.sorted("confidence_areas_routes"),
        ["", "3", "4"],
        "{csv}"
    );
    assert_eq!(
        made.sorted("barrier_rank_evidence"),
        ["1", "1", "2"],
        "{csv}"
    );
    assert_eq!(made.sorted("barrier_rank_access"), ["2", "3", "4"], "{csv}");
}

/// The survey with a choice grid (`tests/fixtures/replies/choice-grid/survey.toml`:
/// each setting takes one route, not a number) through the real binary:
/// three doctors answer it by letters, by the items' and the options'
/// words with one item left out, and "n/a" for the whole grid (never
/// used ketamine). The one who left an item out is asked for exactly that
/// item; a later "Sorry, 2b should be subcutaneous" replaces that item
/// only; the report gives each item's n and each option's share, and
/// report.json the same; `responses.csv` has a column per item coded in
/// option order (1 = Oral), -8 for the "n/a", and the codebook its labels.
#[test]
fn a_choice_grid_is_read_asked_for_and_counted() {
    let stack = Stack::shared();
    let fixture = Fixture::of(
        &stack,
        "tests/fixtures/replies/choice-grid/survey.toml",
        &[],
    );
    let (doctors, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let invitation = String::from_utf8_lossy(&stack.inbox(&doctors[0].1)[0]).replace("=\r\n", "");
    assert!(
        invitation.contains("a) On the inpatient unit")
            && invitation.contains("for each letter, one of: Oral"),
        "items lettered, the options named: {invitation}"
    );
    let replies = [
        ("1. yes\n2. a) subcutaneous, b) oral, c) not used\n3. 7", 5),
        (
            "1. yes\n2. inpatient unit - oral, home - syringe driver\n3. 5",
            4,
        ),
        ("1. no\n2. n/a\n3. 3", 5),
    ];
    let clarification = two_receipts_and_a_clarification(&fixture, &stack, &doctors, &replies, 1);
    let lines: Vec<&str> = clarification.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"c) On hospital wards") && !lines.contains(&"a) On the inpatient unit"),
        "only the missing item is asked for: {clarification}"
    );
    // A later correction of one item replaces that item only.
    let first = &doctors[0].1;
    fixture.reply_as(first, "Sorry, 2b should be subcutaneous");
    let store = fixture.store();
    let person = store
        .recipient_by_email(&fixture.survey_id(), first)
        .unwrap()
        .unwrap();
    let chosen = |item: &str| {
        store
            .current_answers(person.id)
            .unwrap()
            .get(&format!("route_by_setting.{item}"))
            .and_then(|a| a.value.clone())
            .map(|v| serde_json::to_value(v).unwrap())
    };
    fixture.wait_until(
        Duration::from_secs(60),
        "the correction of item b recorded",
        || chosen("home") == Some(serde_json::json!("subcutaneous")),
    );
    assert_eq!(chosen("hospice"), Some(serde_json::json!("subcutaneous")));
    assert_eq!(chosen("hospital"), Some(serde_json::json!("not_used")));
    let made = Made::of(&fixture);
    daemon.terminate();
    let (text, flat) = (&made.text, made.flat());
    for figure in [
        "a) On the inpatient unit: n = 2; Oral 50.0% (1/2), Subcutaneous (syringe driver) 50.0% (1/2), Not used in this setting 0.0% (0/2)",
        "c) On hospital wards: n = 1; Oral 0.0% (0/1), Subcutaneous (syringe driver) 0.0% (0/1), Not used in this setting 100.0% (1/1)",
    ] {
        assert!(flat.contains(figure), "{figure}: {text}");
    }
    let csv = &made.csv;
    assert_eq!(
        made.sorted("route_by_setting_hospice"),
        ["-8", "1", "2"],
        "{csv}"
    );
    assert_eq!(
        made.sorted("route_by_setting_home"),
        ["-8", "2", "2"],
        "{csv}"
    );
    assert_eq!(
        made.sorted("route_by_setting_hospital"),
        ["", "-8", "3"],
        "{csv}"
    );
    let codebook = &made.codebook;
    assert!(
        codebook
            .contains("1 = Oral; 2 = Subcutaneous (syringe driver); 3 = Not used in this setting"),
        "{codebook}"
    );
    // report.json: the grid's items, each with its n.
    let items = made.json.to_string();
    for (item, n) in [("hospice", 2), ("home", 2), ("hospital", 1)] {
        assert!(
            find_item(&made.json, item).is_some_and(|i| i["n"] == n),
            "{item}: n = {n} in {items}"
        );
    }
}

/// The grid item `id` anywhere in the report's JSON.
fn find_item<'a>(json: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
    match json {
        serde_json::Value::Object(map) => {
            if map.get("id").is_some_and(|v| v == id) && map.contains_key("n") {
                return Some(json);
            }
            map.values().find_map(|v| find_item(v, id))
        }
        serde_json::Value::Array(list) => list.iter().find_map(|v| find_item(v, id)),
        _ => None,
    }
}
