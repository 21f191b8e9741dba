//! A recipient list kept as an Excel workbook: a survey whose
//! `recipients` is an `.xlsx` file sends its invitations through the real
//! binary, to the people on the workbook's first sheet.

use std::time::Duration;

use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

#[test]
fn a_survey_whose_list_is_a_workbook_sends_its_invitations() {
    let stack = Stack::shared();
    let lists = tempfile::tempdir().unwrap();
    let workbook = lists.path().join("doctors.xlsx");
    let fixture = Fixture::new(
        &stack,
        &[(
            "survey",
            "recipients",
            toml_string(workbook.to_str().unwrap()),
        )],
    );
    // Three of the fixture's own (tagged) doctors, as a lead's sheet holds
    // them: a title row above the table, the header, a centre column.
    let people: Vec<(String, String)> = fixture.recipients()[..3].to_vec();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Doctors").unwrap();
    sheet.write_string(0, 0, "Regional audit list").unwrap();
    for (c, header) in ["name", "email", "centre"].iter().enumerate() {
        sheet.write_string(2, c as u16, *header).unwrap();
    }
    for (r, (name, email)) in people.iter().enumerate() {
        let r = 3 + r as u32;
        sheet.write_string(r, 0, name).unwrap();
        sheet.write_string(r, 1, email).unwrap();
        sheet
            .write_string(r, 2, "Riverside Palliative Care Unit")
            .unwrap();
    }
    book.save(&workbook).unwrap();

    // A title row above the header is not a header: say so, with the sheet.
    let refused = fixture.mailsurvey(&["validate"]);
    let said = String::from_utf8_lossy(&refused.stderr).into_owned()
        + &String::from_utf8_lossy(&refused.stdout);
    assert!(!refused.status.success(), "{said}");
    assert!(
        said.contains("sheet 'Doctors', row 1: the header row must have 'name' and 'email'"),
        "{said}"
    );

    // The table as most leads keep it: the header in the first row.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Doctors").unwrap();
    for (c, header) in ["name", "email", "centre"].iter().enumerate() {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for (r, (name, email)) in people.iter().enumerate() {
        let r = 1 + r as u32;
        sheet.write_string(r, 0, name).unwrap();
        sheet.write_string(r, 1, email).unwrap();
        sheet
            .write_string(r, 2, "Riverside Palliative Care Unit")
            .unwrap();
    }
    book.save(&workbook).unwrap();
    let sent = fixture.mailsurvey(&["send"]);
    assert!(
        sent.status.success(),
        "{}{}",
        String::from_utf8_lossy(&sent.stdout),
        String::from_utf8_lossy(&sent.stderr)
    );
    fixture.wait_until(Duration::from_secs(60), "3 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&3)
    });
    fixture.wait_delivered(people.iter().map(|(_, email)| email.as_str()));
    for (name, email) in &people {
        let inbox = stack.inbox(email);
        assert_eq!(inbox.len(), 1, "{email}");
        let message = parse(&inbox[0]);
        let text = message.body_text(0).unwrap();
        assert!(
            text.contains(&format!("Dear {name},")),
            "{email}'s invitation does not greet them by the name on the sheet:\n{text}"
        );
    }
    // Nobody else on the example list was invited.
    assert_eq!(stack.inbox(&fixture.recipients()[3].1).len(), 0);
}
