"""The cases of heldback21y (see tests/fixtures/heldback21y/README.md): 42
replies from consultants and specialty doctors in hospices and hospital
teams, 1-20 Dec 2026. Two helpers of the set's own: answers in question
order (`A`) and an explicit Date header (`D`)."""
import datetime, email.utils
from lib import *  # noqa: F401,F403
import clients as C1
import clients_new as C2

Y, N = True, False
EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"


def A(*vals, comment=None):
    """Expected answers in question order: a bool, int or list is `ok`, a
    dict is taken as it is, None leaves the question out."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def D(day, hour, minute, second=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hour, minute, second, tzinfo=datetime.timezone.utc))


def n(s):
    return "heldback21y_" + s


# ======================= Outlook 365 for Windows =======================

name = n("hospice_list_win")
case(name, C2.outlook_win(name, top=[
    "Hi Asha,", "",
    "1. Yes – in the last days, via the syringe driver",
    "2. No",
    "3. Yes",
    "4. 6",
    "5. b",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes", "",
    "Jack", "",
    "Dr Jack Clarke",
    "Specialty Doctor in Palliative Medicine",
    "St Columba's Hospice | ext 2218"]),
    A(Y, N, Y, 6, [EVI], Y, N, Y, Y),
    note="Outlook for Windows, the everyday numbered list on top with a reason after 1 and a signature with an extension.")

name = n("orange_on_lines_win")
case(name, C2.outlook_win(name, top=["Answered in orange in your email below.", "", "Jack"],
                          on_line={1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "a, c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                                   10: "Our protocol is shared with the two district nursing teams we cover."},
                          color="#C55A11"),
     A(Y, Y, Y, 8, [EXP, SIDE], Y, Y, N, Y, comment="Our protocol is shared with the two district nursing teams we cover."),
     note="Outlook for Windows, answers typed in orange on each Answer: line of the unquoted original, the comment on 10's Answer: line.")

name = n("below_lines_reasons_win")
case(name, C2.outlook_win(name, top=["Jack"],
                          below={1: "Yes – though rarely, maybe twice a year", 2: "No",
                                 3: "Yes, for opioid-induced hyperalgesia", 4: "5",
                                 5: "a – we don't see enough of it to stay fluent",
                                 6: "No – we'd ring the hospital pharmacist for a regimen", 7: "No", 8: "Yes", 9: "Yes"},
                          color="#00807F"),
     A(Y, N, Y, 5, [EXP], N, N, Y, Y),
     note="Outlook for Windows, teal paragraphs typed below each Answer: line with reasons after some answers; only a first name on top.")

name = n("ticked_options_win")
case(name, C2.outlook_win(name, top=["My answers are in red against each question.", "", "Regards", "Jack"],
                          on_line={1: "Y", 2: "N", 3: "Y", 4: "7", 6: "Y", 7: "Y", 8: "N", 9: "Y"},
                          after_option={(5, "b"): "\u2713", (5, "c"): "\u2713"}, color="#FF0000"),
     A(Y, N, Y, 7, [EVI, SIDE], Y, Y, N, Y),
     note="Outlook for Windows, Y/N in red on the Answer: lines, tick marks typed after barrier options b) and c) with 5's Answer: line left empty.")

name = n("yes_no_table_win")
_top = ["Asha – I've done the yes/no ones as a table, easier on my end:", ""]
_rows = [["Question", "Yes", "No"],
         ["1. End of life, with strong opioids", "X", ""],
         ["2. Early, as an adjuvant", "", "X"],
         ["3. To bring the opioid dose down", "X", ""],
         ["6. Written protocol", "", "X"],
         ["7. Community guidance", "", "X"],
         ["8. More training for me", "X", ""],
         ["9. More research", "X", ""]]
_after = ["", "4 – 4/10", "5 – a, b", "", "Thanks, Jack"]
_th, _tt = C2.word_table(_rows, widths=[260, 60, 60])
case(name, C2.outlook_desktop_raw(
    name, C2.word_paras(_top) + _th + C2.word_paras(_after) + OUTLOOK_FROM_HTML + word_original(),
    "\n".join(_top) + "\n" + _tt + "\n" + "\n".join(_after) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
    A(Y, N, Y, 4, [EXP, EVI], N, N, Y, Y),
    note="Outlook for Windows, a Word table with Yes and No columns and an X in one of them for the seven yes/no questions, then 4 and 5 as lines below the table.")

name = n("disclaimer_win")
case(name, C2.outlook_win(name, top=[
    "Dear Asha,", "",
    "1 - yes (rarely)",
    "2 - yes",
    "3 - no",
    "4 - 7",
    "5 - c",
    "6 - yes",
    "7 - no",
    "8 - yes",
    "9 - yes",
    "10 - A regional ketamine prescribing and monitoring chart would help all of us.", "",
    "Many thanks",
    "Jack", "",
    "Dr Jack Clarke | Consultant in Palliative Medicine",
    "Wharfedale Hospice & Airedale Palliative Care Team", "",
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error please notify the sender and delete it. Views expressed are those of the author and not necessarily those of the organisation."]),
    A(Y, Y, N, 7, [SIDE], Y, N, Y, Y, comment="A regional ketamine prescribing and monitoring chart would help all of us."),
    note="Outlook for Windows, `1 - yes` list with a bracketed aside after 1, a comment at 10 and a long confidentiality footer below the signature.")

name = n("struck_through_win")
_lines = ["Hi Asha", "", "1. Yes", "2. No", "3. No", "4. 3", "5. a and b", None, "7. No", "8. Yes", "9. Yes", "", "Jack"]
_six = "6. Yes \u2013 just checked the intranet, it was reissued in 2025"
_html = "".join('<p class="MsoNormal">6. <s>No</s> Yes \u2013 just checked the intranet, it was reissued in 2025<o:p></o:p></p>\n'
                if l is None else C2.word_paras([l]) for l in _lines)
_text = "\n".join("6. No Yes \u2013 just checked the intranet, it was reissued in 2025" if l is None else l for l in _lines)
case(name, C2.outlook_win(name, top_html=_html, top_text=_text),
     A(Y, N, N, 3, [EXP, EVI], Y, N, Y, Y),
     note="Outlook for Windows, a list where 6's first answer 'No' is struck through (Word strikethrough) and 'Yes' typed after it with a reason: read as shown, yes (the text part loses the strikethrough).")

name = n("questions_in_caps_win")
case(name, C2.outlook_win(name, top=[
    "Asha \u2013 quick answers:", "",
    "Ketamine at end of life on top of opioids? YES",
    "Early adjuvant? NO",
    "To cut the opioid dose for side effects? YES",
    "Confidence? 7",
    "Barriers? EVIDENCE",
    "Written protocol? YES",
    "Community guidance? YES",
    "More training? NO",
    "More research? YES", "",
    "Jack"]),
    A(Y, N, Y, 7, [EVI], Y, Y, N, Y),
    note="Outlook for Windows, each question shortened in his own words with a question mark and the answer after it in capitals, in the survey's order, no numbers.")

name = n("trap_half_point_win")
case(name, C2.outlook_win(name, top=[
    "1. Yes", "2. Yes", "3. Yes", "4. 6\u00bd", "5. c", "6. Yes",
    "7. Ask our community CNS lead, she'd know",
    "8. Yes", "9. Yes",
    "10. Please share the results with the hospice pharmacists too.", "",
    "Jack Clarke", "Consultant, Marsh Lane Hospice"]),
    A(Y, Y, Y, UNCLEAR, [SIDE], Y, UNCLEAR, Y, Y, comment="Please share the results with the hospice pharmacists too."),
    note="TRAP. Outlook for Windows list: a confidence of 6\u00bd (between two points of the 0-10 scale) and 7 passed to a colleague without an answer: both to ask.")

# ======================= Outlook on the web / NHSmail =======================

name = n("nhsmail_html_owa")
case(name, C1.owa(name, [
    "Hello Asha,", "",
    "1) Yes", "2) Yes \u2013 alongside a methadone switch, once or twice", "3) No", "4) 5", "5) a & b",
    "6) No", "7) No", "8) Yes \u2013 sign me up", "9) Yes", "",
    "Jack Clarke",
    "Specialty Doctor, Palliative Care Team, Riverside University Hospitals"],
    html_only=True, frm='"CLARKE, Jack (RIVERSIDE UNIVERSITY HOSPITALS NHS TRUST)" <jack.clarke7@nhs.net>'),
    A(Y, Y, N, 5, [EXP, EVI], N, N, Y, Y),
    note="Outlook on the web from an NHSmail address (display name in NHSmail's SURNAME, First (ORGANISATION) form), HTML only, `1)` list: read as his own.")

_ol = {1: "Yes", 2: "No", 3: "No", 4: "2", 5: "a", 6: "Yes", 7: "No", 8: "Yes \u2013 ideally hands-on with a syringe driver", 9: "Yes",
       10: "New-ish in post, still finding my feet with the local formulary."}
name = n("red_on_lines_owa")
case(name, C1.owa(name, ["See answers on the lines below.", "", "Thanks,", "Jack"],
                  original=C2.inv_html(on_line=_ol, color="#C00000"), original_text=C2.inv_text(on_line=_ol, prefix="")),
     A(Y, N, N, 2, [EXP], Y, N, Y, Y, comment="New-ish in post, still finding my feet with the local formulary."),
     note="Outlook on the web, answers in dark red on the Answer: lines of the original, a reason after 8, the comment on 10's line.")

name = n("compact_owa")
case(name, C1.owa(name, ["1.Y", "2.Y", "3.N", "4.8", "5.C", "6.Y", "7.Y", "8.N", "9.Y", "", "JC"]),
     A(Y, Y, N, 8, [SIDE], Y, Y, N, Y),
     note="Outlook on the web, a terse list without spaces (`4.8` is 4's 8, `5.C` option c), initials only.")

name = n("hospital_team_owa")
case(name, C1.owa(name, [
    "Dear Asha,", "",
    "Answering as consultant for the hospital support team at Riverside General:", "",
    "1 \u2013 Yes",
    "2 \u2013 Yes, for neuropathic pain not settling on an opioid plus a gabapentinoid",
    "3 \u2013 Yes",
    "4 \u2013 8",
    "5 \u2013 b and c",
    "6 \u2013 Yes, it sits in the trust's injectable medicines guide",
    "7 \u2013 No, the community teams follow the hospice's",
    "8 \u2013 No",
    "9 \u2013 Yes, particularly around oral dosing", "",
    "10 \u2013 Happy to help with the analysis if you need a hand.", "",
    "Best wishes",
    "Jack"]),
    A(Y, Y, Y, 8, [EVI, SIDE], Y, N, N, Y, comment="Happy to help with the analysis if you need a hand."),
    note="Outlook on the web, a hospital support team consultant: en-dash list with reasons (the trust's guide is his service's protocol; the community teams following the hospice's is his service's no), comment set apart at 10.")

name = n("trap_check_notes_owa")
case(name, C1.owa(name, [
    "1. Yes", "2. No", "3. Possibly \u2013 would have to check my notes", "4. 5 to 6", "5. a",
    "6. Yes", "7. Yes", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, N, UNCLEAR, UNCLEAR, [EXP], Y, Y, Y, Y),
    note="TRAP. Outlook on the web list: 3 'Possibly' pending a look at his notes, and a confidence given as a range '5 to 6': both to ask.")

name = n("second_half_owa")
case(name, C1.owa(name, [
    "And the rest:", "",
    "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. The biggest gap for us is out-of-hours pharmacy supply.", "",
    "Jack"], date=D(8, 18, 52, 17)),
    A(None, None, None, None, None, Y, N, Y, Y, comment="The biggest gap for us is out-of-hours pharmacy supply."),
    note="Outlook on the web, the second half of a reply in two parts (8 Dec 18:52, after `first_half_iphone` at 07:38): 6-10 only; 1-5 missing here.")

name = n("bleep_sig_owa")
case(name, C1.owa(name, [
    "Hello Asha", "",
    "1. Yes",
    "2. No \u2013 I'd reach for other adjuvants first",
    "3. Yes",
    "4. 6",
    "5. A and C",
    "6. Yes",
    "7. Yes",
    "8. Yes",
    "9. Yes \u2013 especially for the oral route", "",
    "Jack Clarke",
    "Consultant, Palliative Medicine",
    "Bleep 5530 / Mobile 07700 900412"]),
    A(Y, N, Y, 6, [EXP, SIDE], Y, Y, Y, Y),
    note="Outlook on the web, numbered list with reasons after 2 and 9, capital letters for the barriers, signature with bleep and mobile.")

# ======================= Outlook mobile, Mac, plain text =======================

name = n("corridor_ios_outlook")
case(name, C1.outlook_mobile(name, ["1 yes", "2 no", "3 yes", "4 7", "5 b", "6 no", "7 no", "8 yes", "9 yes", "", "J"]),
     A(Y, N, Y, 7, [EVI], N, N, Y, Y),
     note="Outlook for iOS, lower-case list with a space only after each number (`4 7` is 4's 7), signed with an initial.")

name = n("between_clinics_ios_outlook")
case(name, C1.outlook_mobile(name, [
    "Between clinics so brief:", "",
    "1. Yes", "2. Yes (low dose oral)", "3. No", "4. 6/10", "5. side effects mainly",
    "6. Yes", "7. Not yet \u2013 on the to-do list", "8. Yes", "9. Without question", "", "Jack"]),
    A(Y, Y, N, 6, [SIDE], Y, N, Y, Y),
    note="Outlook for iOS, a brief list: `6/10`, barrier in words ('side effects mainly'), 'Not yet – on the to-do list' (no), 'Without question' (yes).")

name = n("hyphen_android_outlook")
case(name, C1.outlook_mobile(name, [
    "1- yes", "2- yes", "3- yes", "4- 9", "5- d", "6- yes", "7- yes", "8- no", "9- yes",
    "10- We run a monthly ketamine review clinic, happy to share the template."], platform="Android"),
    A(Y, Y, Y, 9, [NONE], Y, Y, N, Y, comment="We run a monthly ketamine review clinic, happy to share the template."),
    note="Outlook for Android, `1- yes` list, d (No barriers), a comment at 10.")

name = n("under_each_outlook_mac")
case(name, C2.reply(name, "outlook_mac", top=["Replies typed under each question.", "", "Jack"],
                    answers={1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "That's all from me."}),
     A(Y, N, N, 3, [EXP, EVI], N, N, Y, Y),
     note="Outlook for Mac, answers in paragraphs below each Answer: line of the unquoted original; 'That\'s all from me.' below 10 is no comment.")

name = n("plain_text_outlook")
case(name, C1.outlook_text(name, "\n".join([
    "Asha,", "",
    "Q1 yes", "Q2 no", "Q3 no", "Q4 4", "Q5 b, c", "Q6 yes", "Q7 no", "Q8 yes", "Q9 yes",
    "Q10 I'd value a regional advice line for ketamine queries.", "",
    "Jack Clarke",
    "Specialty Doctor, Hospice at Home team", "", ""]) + "\n" + C1.ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    A(Y, N, N, 4, [EVI, SIDE], Y, N, Y, Y, comment="I'd value a regional advice line for ketamine queries."),
    note="Outlook in plain text (-----Original Message-----), `Q1 yes` list without punctuation, comment at Q10.")

# ======================= Gmail =======================

name = n("yes_to_no_to_gmail")
case(name, C2.reply(name, "gmail_web", top=[
    "Hi Asha,", "",
    "1, 3, 6, 8, 9: yes",
    "2, 7: no",
    "Confidence 6 out of 10, and the barrier for me is mainly the lack of evidence (b).", "",
    "Cheers,", "Jack"]),
    A(Y, N, Y, 6, [EVI], Y, N, Y, Y),
    note="Gmail web, the yes/no questions grouped by answer (question numbers, colon, yes / no), then confidence and barrier in one sentence: plainly given.")

name = n("full_stops_gmail")
case(name, C2.reply(name, "gmail_web", top=[
    "Dear Dr Rahman,", "",
    "1. Yes.", "2. Yes.", "3. Yes.", "4. 9.", "5. d (none).", "6. Yes.", "7. Yes.", "8. No.", "9. Yes.",
    "10. We've used it for years; what we'd most like now is a shared regional chart.", "",
    "Kind regards,", "Jack Clarke", "Medical Director, Hilltop Hospice"]),
    A(Y, Y, Y, 9, [NONE], Y, Y, N, Y, comment="We've used it for years; what we'd most like now is a shared regional chart."),
    note="Gmail web, a formal list with full stops (`4. 9.` is 4's 9), d (none), a comment at 10, a medical director's signature.")

name = n("under_quoted_gmail")
case(name, C2.reply(name, "gmail_web", top=["Answers under each question.", "", "Jack"],
                    answers={1: "yes", 2: "no", 3: "yes", 4: "7", 5: "b \u2013 small trials, mixed results", 6: "yes", 7: "no", 8: "yes", 9: "yes"}),
     A(Y, N, Y, 7, [EVI], Y, N, Y, Y),
     note="Gmail web, answers typed unquoted below each quoted Answer: line (the quote split), a reason after b.")

name = n("trap_draft_protocol_gmail")
case(name, C2.reply(name, "gmail_web", top=[
    "Hi,", "",
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b, c",
    "6. There's a draft with the governance committee, still awaiting approval",
    "7. No",
    "8. Torn \u2013 I did the regional course but it was a while ago",
    "9. Yes", "", "Jack"]),
    A(Y, N, Y, 7, [EVI, SIDE], UNCLEAR, N, UNCLEAR, Y),
    note="TRAP. Gmail web list: 6 a draft protocol still awaiting approval (does it count?) and 8 'Torn': both to ask.")

name = n("bare_lines_gmail_android")
case(name, C2.reply(name, "gmail_android", top=["Yes", "Yes", "No", "5", "a", "No", "No", "Yes", "Yes", "", "Jack"]),
     A(INF(Y), INF(Y), INF(N), INF(5), INF([EXP]), INF(N), INF(N), INF(Y), INF(Y)),
     note="Gmail for Android, nine bare answers one per line without numbers or introduction: inferred in order, to be confirmed.")

name = n("colons_gmail_android")
case(name, C2.reply(name, "gmail_android", top=[
    "1: yes", "2: no", "3: yes", "4: 8", "5: c", "6: yes", "7: yes", "8: yes", "9: yes",
    "10: Would love to see the results before the March regional meeting.", "", "Jack"]),
    A(Y, N, Y, 8, [SIDE], Y, Y, Y, Y, comment="Would love to see the results before the March regional meeting."),
    note="Gmail for Android, `1: yes` list, a comment at 10.")

name = n("dashes_gmail_ios")
case(name, C2.reply(name, "gmail_ios", top=[
    "1 \u2013 Yes", "2 \u2013 No", "3 \u2013 Yes", "4 \u2013 5", "5 \u2013 a & b", "6 \u2013 No", "7 \u2013 No",
    "8 \u2013 Yes, keen", "9 \u2013 Yes", "", "Jack"]),
    A(Y, N, Y, 5, [EXP, EVI], N, N, Y, Y),
    note="Gmail for iOS, en-dash list, `a & b`, 'Yes, keen'.")

name = n("evening_long_gmail_ios")
case(name, C2.reply(name, "gmail_ios", top=[
    "Asha,", "",
    "Finally sitting down with this \u2013 apologies for the delay.", "",
    "1. Yes. Mostly in the last week or two of life when someone's pain has escaped everything else, usually as a subcutaneous infusion alongside the oxycodone or alfentanil.",
    "2. No. I'd still see it as a third-line agent and wouldn't start it early.",
    "3. Yes, a handful of times \u2013 a couple of patients with myoclonus and confusion on high-dose morphine where adding ketamine let us halve the opioid.",
    "4. 7. Comfortable with the subcut route, less so with oral conversions.",
    "5. The side effects worry me more than anything (c), and the evidence is weak (b).",
    "6. Yes, updated last year.",
    "7. No.",
    "8. Yes \u2013 particularly around oral conversion and stopping it.",
    "9. Yes.",
    "10. A regional approach to monitoring (LFTs, urinary symptoms) would be really valuable, as we all do it slightly differently at the moment.", "",
    "Night,", "Jack"], date=D(14, 21, 17, 40)),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y,
      comment="A regional approach to monitoring (LFTs, urinary symptoms) would be really valuable, as we all do it slightly differently at the moment."),
    note="Gmail for iOS, a long evening reply (14 Dec 21:17): each answer followed by sentences of explanation, barriers named in words with letters in brackets, a long comment.")

# ======================= Apple =======================

name = n("brief_iphone")
case(name, C1.iphone(name, ["1 Yes", "2 Yes", "3 Yes", "4 8", "5 Nothing stopping me", "6 Yes", "7 Yes", "8 No", "9 Yes", "", "Jack"]),
     A(Y, Y, Y, 8, [NONE], Y, Y, N, Y),
     note="iPhone Mail, a brief list; 'Nothing stopping me' for 5 is d) No barriers.")

name = n("split_quote_iphone")
case(name, C2.apple_reply(name, "iphone", top=["Answered in the text", ""],
                          answers={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b", 6: "Yes", 7: "Yes", 8: "Yes",
                                   9: "No \u2013 we need audit more than trials",
                                   10: "Our inpatient unit closed in the autumn so ketamine now goes through the community team."}),
     A(Y, N, Y, 6, [EVI], Y, Y, Y, N, comment="Our inpatient unit closed in the autumn so ketamine now goes through the community team."),
     note="iPhone Mail, the quote split below each quoted Answer: line with the answer typed there, a reason after 9's no, a comment below 10's Answer:.")

name = n("trap_comment_contradicts_iphone")
case(name, C1.iphone(name, [
    "1. Yes", "2. No", "3. No", "4. 6", "5. Mainly c. In two minds about a.", "6. Yes", "7. Yes", "8. Yes", "9. Yes",
    "10. Where it's earned its place for us is getting people off high opioid doses when they become toxic.", "", "Jack"]),
    A(Y, N, UNCLEAR, 6, UNCLEAR, Y, Y, Y, Y,
      comment="Where it's earned its place for us is getting people off high opioid doses when they become toxic."),
    note="TRAP. iPhone Mail list: 3 'No' while his own comment says its main use for them is getting opioid doses down in toxicity, and 5 'Mainly c' with a second option he is in two minds about: both to ask.")

name = n("first_half_iphone")
case(name, C1.iphone(name, [
    "Quick answers to the first five before clinic \u2013 will do the rest tonight.", "",
    "1. yes", "2. no", "3. yes", "4. 7", "5. b", "", "Jack"], date=D(8, 7, 38, 5)),
    A(Y, N, Y, 7, [EVI]),
    note="iPhone Mail, the first half of a reply in two parts (8 Dec 07:38, before clinic; `second_half_owa` that evening): 1-5 only; 6-9 missing here.")

name = n("all_but_two_iphone")
case(name, C1.iphone(name, ["2 and 7 are no, every other yes/no question is a yes.", "Confidence 7, barrier is b.", "", "Jack"]),
     A(Y, N, Y, 7, [EVI], Y, N, Y, Y),
     note="iPhone Mail, two lines: the two noes named and every other yes/no question a yes, then confidence and barrier: plainly given.")

name = n("list_ipad")
_l = ["1. Yes", "2. No", "3. Yes", "4. 4", "5. a, b and c", "6. No", "7. No", "8. Yes", "9. Yes",
      "10. We're a small hospice without our own pharmacist, which colours all of the above.", "", "Jack"]
case(name, C1.apple(name, C1.iphone_text(_l, tail="Sent from my iPad"), C1.iphone_html(_l, tail="Sent from my iPad"), mailer="iPad Mail (23B85)"),
     A(Y, N, Y, 4, [EXP, EVI, SIDE], N, N, Y, Y, comment="We're a small hospice without our own pharmacist, which colours all of the above."),
     note="iPad Mail, numbered list, three barriers `a, b and c`, a comment at 10.")

name = n("other_barrier_apple_mac")
case(name, C2.apple_mac(name, [
    "Hi Asha,", "",
    "1) Yes \u2014 via syringe driver", "2) No", "3) Yes", "4) 8",
    "5) b and e \u2013 the oral solution is a special-order product here",
    "6) Yes", "7) Yes", "8) No", "9) Yes", "", "Best", "Jack"]),
    A(Y, N, Y, 8, ok([EVI, OTHER], other="the oral solution is a special-order product here"), Y, Y, N, Y),
    note="Apple Mail on macOS (rich text), `1)` list, barriers b and e) Other with its text after an en dash.")

name = n("evening_flowed_apple_mac")
case(name, C2.apple_mac_plain(name, C2.apple_mac_text([
    "Dear Asha,", "",
    "Apologies, this has sat in my inbox for a week.", "",
    "1. Yes \u2013 in perhaps three or four patients a year, nearly always in the final days when escalating opioids have made things worse rather than better.",
    "2. No.",
    "3. Yes, in a patient with severe opioid-induced hyperalgesia where we brought the hydromorphone down by about a third.",
    "4. 6 \u2013 I know the indications but always double-check the doses with our pharmacist.",
    "5. a and b. I don't use it often enough to feel fluent, and the trial data don't help.",
    "6. Yes.",
    "7. No, though the community team have asked for it.",
    "8. Yes.",
    "9. Yes.",
    "10. Thank you for doing this \u2013 it would be good to agree a regional starting dose and titration schedule so patients moving between the hospice and the hospital don't get two different approaches.", "",
    "Best wishes,", "Jack"]), date=D(3, 21, 4, 12)),
    A(Y, N, Y, 6, [EXP, EVI], Y, N, Y, Y,
      comment="Thank you for doing this \u2013 it would be good to agree a regional starting dose and titration schedule so patients moving between the hospice and the hospital don't get two different approaches."),
    note="Apple Mail on macOS, plain text format=flowed DelSp=yes (3 Dec 21:04): long answers and a long comment soft-broken; the comment is one line.")

# ======================= Thunderbird, Samsung, Yahoo =======================

name = n("bottom_inline_thunderbird")
_tb = (WROTE_TB + "\n" + text_inline(answers={
    1: "Yes", 2: "Yes \u2013 a couple of times alongside a methadone switch", 3: "No", 4: "7", 5: "B", 6: "Yes", 7: "No", 8: "No", 9: "Yes",
    10: "In my view our nurse prescribers would benefit from training more than the doctors would."})
    + "\n\n-- \nDr Jack Clarke\nAssociate Specialist, Palliative Medicine\nFellside Hospice\n")
case(name, C1.thunderbird_flowed(name, _tb, cte="8bit", eightbit=True),
     A(Y, Y, N, 7, [EVI], Y, N, N, Y, comment="In my view our nurse prescribers would benefit from training more than the doctors would."),
     note="Thunderbird, text only format=flowed, bottom-posting: answers typed unquoted below each quoted Answer: line, a comment below 10's, a `-- ` signature.")

name = n("trap_none_but_cost_tb115")
case(name, C2.reply(name, "tb115", top=[
    "Hello Asha,", "",
    "1. Yes", "2. Yes", "3. Yes", "4. 8",
    "5. d \u2013 apart from the cost, which is a pain",
    "6. Yes", "7. Yes",
    "8. Possibly next year once I've finished my MSc",
    "9. Yes", "", "Jack"]),
    A(Y, Y, Y, 8, UNCLEAR, Y, Y, UNCLEAR, Y),
    note="TRAP. Thunderbird (HTML and flowed text) list: 5 d (No barriers) with a barrier of his own after it ('apart from the cost'), and 8 'Possibly next year': both to ask.")

name = n("space_dash_samsung")
case(name, C2.reply(name, "samsung", top=["1 -yes", "2 -yes", "3 -no", "4 -5", "5 -b", "6 -yes", "7 -no", "8 -yes", "9 -yes", "", "Jack"]),
     A(Y, Y, N, 5, [EVI], Y, N, Y, Y),
     note="Samsung Email, a list typed quickly on the phone with the dash against the answer (`1 -yes`, `4 -5` is 4's 5).")

name = n("trap_paper_practice_samsung")
case(name, C2.reply(name, "samsung", top=[
    "1. Y", "2. ?Y", "3. Y", "4. 3 on paper, 7 in practice", "5. a", "6. Y", "7. N", "8. Y", "9. Y", "", "Jack"]),
    A(Y, UNCLEAR, Y, UNCLEAR, [EXP], Y, N, Y, Y),
    note="TRAP. Samsung Email Y/N list: 2 '?Y' (the clinician's query mark: possibly yes) and a confidence given as two numbers (on paper and in practice): both to ask.")

name = n("list_yahoo")
case(name, C1.yahoo(name, [
    "Hello Dr Rahman,", "",
    "1. Yes", "2. No", "3. No", "4. 2", "5. a", "6. No", "7. No", "8. Yes \u2013 would be grateful", "9. Yes", "",
    "Regards", "Jack Clarke", "Specialty Doctor (part-time), Eastfield Hospice"]),
    A(Y, N, N, 2, [EXP], N, N, Y, Y),
    note="Yahoo Mail, numbered list with a part-time specialty doctor's signature.")
