"""The cases of held-back set 21o (see tests/fixtures/heldback21o/README.md):
replies from Jack Clarke dated 20-24 Dec 2026, in the week before the
survey closes (Thu 31 Dec 2026 17:00). Helpers of this set only (the shared
files in scripts/heldback_common/ are unchanged): expected answers in
question order, an explicit Date, the reminder of 29 Nov 2026 that two
replies answer, and a Gmail follow-up quoting his own earlier reply."""
import datetime
import email.utils
import re

from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403
from clients_new import h, reply, apple_reply, outlook_win, word_table, word_paras, inv_html, inv_text, apple_mac, apple_mac_plain, apple_mac_text

EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"
Y, N = True, False


def E(*vals, comment=None):
    """Expected answers for questions 1-9 in order (None: not answered; a
    dict: already an answer, e.g. INF(...) or UNCLEAR), and the comment."""
    out = {}
    for qid, v in zip(IDS[:9], vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    if comment is not None:
        out["comments"] = comment if isinstance(comment, dict) else ok(comment)
    return out


def INFALL(*vals):
    return E(*[INF(v) for v in vals])


def at(day, hh, mm):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, tzinfo=datetime.timezone.utc))


def redate(raw, date):
    return re.sub(rb"\nDate: [^\r\n]*", ("\nDate: " + date).encode(), raw, count=1)


# ---------- the first reminder (3 days after the invitation) ----------
REM_WHEN = datetime.datetime(2026, 11, 29, 0, 48, 48)
REM_ID = f"<reminder.1.{TOKEN}@survey.test>"
REM_SUBJECT = "Reminder: " + SUBJECT
REM_INTRO = ("A reminder: we have not yet had your answers to our survey of specialist palliative care "
             "doctors about ketamine for pain. If you have replied in the meantime, thank you, and please "
             "ignore this email.")
_cut = INV_TEXT.find("The survey closes")
REM_TEXT = "Dear Dr Jack Clarke,\n\n" + REM_INTRO + "\n\n" + INV_TEXT[_cut:]
_hcut = INV_HTML_BODY.find('<p style="margin:0 0 12px 0;">The survey closes')
_hstart = INV_HTML_BODY.find('<p style="margin:0 0 12px 0;">We are surveying')
REM_HTML = INV_HTML_BODY[:_hstart] + '<p style="margin:0 0 12px 0;">' + esc(REM_INTRO) + "</p>\n" + INV_HTML_BODY[_hcut:]
REM_REFS = f"{INV_ID} {REM_ID}"


# =====================================================================
# Outlook 365 for Windows
# =====================================================================
n = "heldback21o_numbered_xmas_sig_outlook"
case(n, outlook_win(n, top=["Hi,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. b and c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                            "Happy Christmas,", "Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine",
                            "North Hospice, Leeds LS17 6QB", "Tel: 0113 496 0712 | Bleep 2214",
                            "On annual leave 24 Dec – 3 Jan"]),
     E(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y),
     note="Outlook for Windows: a numbered '1. Yes' list on top, then a signature full of numbers (postcode, phone, bleep) and leave dates '24 Dec – 3 Jan'. The signature answers nothing.")

n = "heldback21o_answer_lines_teal_outlook"
case(n, outlook_win(n, top=["Answers typed in below – have a good Christmas.", "", "Jack"],
                    on_line={1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "a", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                             10: "We've started 3 patients on it this December alone."}, color="#008080"),
     E(Y, Y, Y, 8, [EXP], Y, Y, N, Y, comment="We've started 3 patients on it this December alone."),
     note="Outlook for Windows: answers typed in teal on each Answer: line of the unquoted original; the comment on 10's line holds a number and a month.")

n = "heldback21o_below_answer_reasons_outlook"
case(n, outlook_win(n, top=["See below – my answers are in green.", "", "J"],
                    below={1: "Yes – mostly in the last 48 hours, by syringe driver", 2: "No, never that early",
                           3: "Yes – twice this year, both on high-dose oxycodone",
                           4: "6 – I'd still ring a colleague before starting it",
                           5: "b and c (the hallucinations put our nurses off)", 6: "Yes, dated 2023, due for review in March",
                           7: "Not yet – the community teams asked us for it in November", 8: "Yes please", 9: "Yes, definitely"},
                    color="#00B050"),
     E(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y),
     note="Outlook for Windows: green paragraphs below each Answer:, each a clear answer followed by a reason holding numbers, years and months ('48 hours', 'twice this year', 'dated 2023', 'Not yet – ... in November' is no).")

n = "heldback21o_paren_reasons_list_outlook"
case(n, outlook_win(n, top=["Dear all,", "", "1) Yes (perhaps a dozen times in 20 years)", "2) No",
                            "3) No (we'd rotate the opioid first)", "4) 5", "5) a, b", "6) No", "7) No", "8) Yes",
                            "9) Yes (a proper RCT in hospice patients, ideally)", "", "Kind regards", "Jack Clarke"]),
     E(Y, N, N, 5, [EXP, EVI], N, N, Y, Y),
     note="Outlook for Windows: a '1)' list with reasons in brackets holding numbers ('a dozen times in 20 years').")

n = "heldback21o_ps_change_outlook"
case(n, outlook_win(n, top=["1. Yes", "2. Yes", "3. Yes", "4. 7", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "",
                            "Best wishes", "Jack", "",
                            "PS Our pharmacist has just reminded me that we do have a written protocol (the 2019 one in the blue folder), so 6 should be Yes, not No."]),
     E(Y, Y, Y, 7, [EXP], Y, N, Y, Y),
     note="Outlook for Windows: a PS below the sign-off changes 6 from No to Yes ('so 6 should be Yes, not No'); the PS's '2019' is a year.")

n = "heldback21o_partial_promise_outlook"
case(n, outlook_win(n, top=["1. Yes", "2. Yes", "3. No", "4. 4", "5. c", "",
                            "That's the first five – I'll send 6 to 10 after the ward round, hopefully by the 23rd.", "", "Jack"]),
     E(Y, Y, N, 4, [SIDE]),
     note="Outlook for Windows: only 1-5 answered, with a promise of '6 to 10' by 'the 23rd'; 6-9 are missing (the promise answers nothing).")

n = "heldback21o_secretary_outlook"
case(n, outlook_win(n, top=["Dear Regional Palliative Care Audit Group,", "",
                            "Dr Clarke has asked me to send his answers, as he is on leave until 4 January:", "",
                            "Q1 Yes", "Q2 No", "Q3 Yes", "Q4 6", "Q5 b", "Q6 Yes", "Q7 Yes", "Q8 Yes", "Q9 No", "",
                            "Kind regards,", "Karen Whitley", "Medical Secretary to Dr J Clarke"]),
     E(Y, N, Y, 6, [EVI], Y, Y, Y, N),
     note="Outlook for Windows: his secretary sends his 'Q1 Yes' list from his mailbox while he is on leave 'until 4 January'; read as his own.")

n = "heldback21o_word_table_outlook"
_rows = [["Question", "Answer"], ["1", "Yes"], ["2", "No"], ["3", "Yes"], ["4", "7"], ["5", "a and c"], ["6", "Yes"],
         ["7", "Yes"], ["8", "Yes"], ["9", "Yes"], ["10", "Could the guidance cover the 3 community hospitals too?"]]
_th, _tt = word_table(_rows, widths=[80, 360])
case(n, outlook_win(n, top_html=word_paras(["Hello,", "", "I've put my answers in a table, easier on my eyes:", ""]) + _th
                    + word_paras(["", "Jack"]),
                    top_text="Hello,\n\nI've put my answers in a table, easier on my eyes:\n\n" + _tt + "\n\nJack"),
     E(Y, N, Y, 7, [EXP, SIDE], Y, Y, Y, Y, comment="Could the guidance cover the 3 community hospitals too?"),
     note="Outlook for Windows: a two-column Word table (Question | Answer), tab-separated in the text part; row 10 is a comment holding a number.")

n = "heldback21o_option_marks_outlook"
case(n, outlook_win(n, top=["Marked up below.", "", "Jack"],
                    on_line={1: "Yes", 2: "No", 3: "Yes", 4: "5", 6: "No", 7: "No", 8: "Yes", 9: "Yes"},
                    after_option={(5, "b"): "<-- this one", (5, "c"): "<-- and this"}, color="#7030A0"),
     E(Y, N, Y, 5, [EVI, SIDE], N, N, Y, Y),
     note="Outlook for Windows: answers on the Answer: lines in purple, and for 5 arrows typed after options b) and c) ('<-- this one', '<-- and this'), its Answer: line left empty.")

n = "heldback21o_trap_depends_week_outlook"
case(n, outlook_win(n, top=["1. Yes", "2. No", "3. Yes",
                            "4. Depends on the week – after a good MDT 7, on a weekend on call nearer 4", "5. a", "6. Yes",
                            "7. Partly – it covers two of our three community teams", "8. Yes", "9. Yes", "", "Jack"]),
     E(Y, N, Y, UNCLEAR, [EXP], Y, UNCLEAR, Y, Y),
     note="TRAP. Outlook for Windows: 4 gives two scores for two situations ('after a good MDT 7, on a weekend on call nearer 4'); 7 is 'Partly – it covers two of our three community teams'. Both would be asked.")

n = "heldback21o_summary_bar_outlook"
case(n, outlook_win(n, top=["Hi,", "", "It's a yes from me to all the yes/no ones bar 2 and 7, which are no.",
                            "Confidence 6/10. Barrier: the lack of evidence.", "", "Thanks and happy holidays,", "Jack"]),
     E(Y, N, Y, 6, [EVI], Y, N, Y, Y),
     note="Outlook for Windows: a summary ('a yes ... to all the yes/no ones bar 2 and 7, which are no') covering 1-3 and 6-9; 'Confidence 6/10'; 'Barrier: the lack of evidence' is b).")

n = "heldback21o_non_native_outlook"
case(n, outlook_win(n, top=["Dear colleagues,", "", "Please find my answers:", "1. Yes, I have used it.",
                            "2. No, I did not use it in the early phase.", "3. Yes.", "4. I give 7.", "5. a and b.",
                            "6. Yes, we have.", "7. Not, we do not have it.", "8. Yes, I would like this.", "9. Yes, sure.", "",
                            "I wish you Merry Christmas and a happy new year 2027.", "Dr Jack Clarke"]),
     E(Y, N, Y, 7, [EXP, EVI], Y, N, Y, Y),
     note="Outlook for Windows: a non-native writer's phrasing ('I give 7.', 'Not, we do not have it.' is no, 'Yes, sure.'); the closing '2027' is a year.")

# =====================================================================
# Outlook on the web / NHSmail
# =====================================================================
n = "heldback21o_nhsmail_dash_owa"
case(n, owa(n, ["1 - Yes", "2 - Yes", "3 - Yes", "4 - 8", "5 - A", "6 - Yes", "7 - Yes", "8 - No", "9 - Yes", "",
                "Jack Clarke", "Consultant in Palliative Medicine", "Tel 0113 496 0188 ext 4021"],
            frm='"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke3@nhs.net>'),
     E(Y, Y, Y, 8, [EXP], Y, Y, N, Y),
     note="Outlook on the web from his NHSmail address: a '1 - Yes' list, then a signature with a phone number and extension.")

n = "heldback21o_on_line_html_only_owa"
case(n, owa(n, ["Answers filled in below.", "", "Jack"],
            original=inv_html(on_line={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                                       10: "Would be good to see the results by centre."}, color="#C00000"),
            html_only=True),
     E(Y, N, Y, 6, [EVI], N, N, Y, Y, comment="Would be good to see the results by centre."),
     note="Outlook on the web, HTML only: answers in red on each quoted Answer: line, a comment on 10's.")

n = "heldback21o_chatty_xmas_owa"
case(n, owa(n, ["Hello Asha and team,", "",
                "Sorry this is so last-minute – the run-up to Christmas has been chaos (14 admissions in 10 days and 2 consultants off with flu).",
                "", "1. Yes – more often than I'd like", "2. No", "3. Yes", "4. 8",
                "5. b – the evidence base is still mostly case series", "6. Yes",
                "7. Yes – rolled out to the 3 district nursing teams in October", "8. Yes", "9. Yes", "",
                "Have a lovely Christmas – I'm on call on the 25th and 26th, so spare a thought!", "", "Jack"]),
     E(Y, N, Y, 8, [EVI], Y, Y, Y, Y),
     note="Outlook on the web: a chatty opening with numbers ('14 admissions in 10 days and 2 consultants off'), a numbered list with reasons, a seasonal close with dates ('the 25th and 26th'). Only the list answers.")

n = "heldback21o_first_half_owa"
case(n, owa(n, ["Quick answers to the first four while I have a minute:", "", "1. Yes", "2. No", "3. Yes", "4. 7", "",
                "Back to you with the rest later today.", "", "Jack"], date=at(21, 8, 40)),
     E(Y, N, Y, 7),
     note="Outlook on the web: the first of two messages (21 Dec 08:40), answering 1-4 only and promising the rest; 5-9 are missing here.")

n = "heldback21o_second_half_owa"
case(n, owa(n, ["The rest of my answers, as promised:", "", "5. a and c", "6. yes", "7. no", "8. yes", "9. yes",
                "10. Happy to help write the regional guidance if you need volunteers.", "", "Jack"], date=at(21, 16, 20)),
     E(None, None, None, None, [EXP, SIDE], Y, N, Y, Y, comment="Happy to help write the regional guidance if you need volunteers."),
     note="Outlook on the web: the second of two messages (21 Dec 16:20), another reply to the invitation, answering 5-10 only; 1-4 are missing here (they are in the first message).")

n = "heldback21o_trap_contradiction_owa"
case(n, owa(n, ["1. Yes", "2. No", "3. No", "4. 7", "5. b", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                "Funnily enough we had a case last week – a lady on 60 mg of oxycodone a day who was too drowsy to talk to her family, "
                "so we started ketamine and halved the oxycodone. Worked beautifully.", "", "Jack"]),
     E(Y, N, UNCLEAR, 7, [EVI], Y, Y, N, Y),
     note="TRAP. Outlook on the web: '3. No', then a paragraph describing ketamine started to halve the oxycodone of a drowsy patient, i.e. exactly question 3, without correcting the answer; a careful human would ask about 3.")

# =====================================================================
# Outlook for iOS / Android / Mac / plain text
# =====================================================================
n = "heldback21o_terse_outlook_ios"
case(n, outlook_mobile(n, ["1y", "2n", "3y", "4 6", "5 bc", "6y", "7n", "8y", "9y", "", "Jack"], platform="iOS"),
     E(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y),
     note="Outlook for iOS: a terse list without separators ('1y', '2n', '4 6' is 4 → 6, '5 bc').")

n = "heldback21o_trap_unsure_outlook_ios"
case(n, outlook_mobile(n, ["1. Yes", "2. Once? Can't remember whether it was really early on", "3. Yes", "4. 6",
                           "5. Mostly a, perhaps b", "6. Yes", "7. No", "8. Yes", "9. Yes"], platform="iOS"),
     E(Y, UNCLEAR, Y, 6, UNCLEAR, Y, N, Y, Y),
     note="TRAP. Outlook for iOS: 2 is 'Once? Can't remember whether it was really early on' and 5 is 'Mostly a, perhaps b'; both would be asked.")

n = "heldback21o_bare_in_order_outlook_android"
case(n, outlook_mobile(n, ["Y N Y 7 AC Y Y Y Y", "(in order – typing on the bus, sorry)"], platform="Android"),
     INFALL(Y, N, Y, 7, [EXP, SIDE], Y, Y, Y, Y),
     note="Outlook for Android: bare answers on one line without numbers, 'in order'; every value inferred (to be confirmed).")

n = "heldback21o_topic_labels_outlook_mac"
case(n, reply(n, "outlook_mac", top=["Hi Asha,", "", "End of life: yes", "Early adjuvant: no", "Opioid sparing: yes",
                                     "Confidence: 8", "Barriers: evidence", "Written protocol: yes", "Community guidance: yes",
                                     "Training: no – I teach on the regional course", "Research: yes", "",
                                     "Best wishes for the holidays,", "Jack"]),
     E(Y, N, Y, 8, [EVI], Y, Y, N, Y),
     note="Outlook for Mac: answers labelled by topic ('Opioid sparing: yes', 'Community guidance: yes' for 7, 'Barriers: evidence' is b).")

n = "heldback21o_answer_lines_plain_outlook"
case(n, outlook_text(n, "Answers in the form below.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n"
                     + text_inline(on_line={1: "Yes", 2: "No", 3: "No", 4: "5", 5: "A, B", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
                                            10: "None of our GPs will take on a ketamine syringe driver over a bank holiday."},
                                   prefix="") + "\n"),
     E(Y, N, N, 5, [EXP, EVI], Y, N, Y, Y, comment="None of our GPs will take on a ketamine syringe driver over a bank holiday."),
     note="Outlook plain text: answers on each Answer: line below -----Original Message-----; the comment on 10 begins with 'None' but is a comment, not an answer to 5.")

# =====================================================================
# Gmail
# =====================================================================
n = "heldback21o_numbered_gmail"
case(n, gmail_top(n, ["Apologies for the delay – 9 admissions since Friday and the Christmas rota to sort out.", "",
                      "1. Yes", "2. Yes", "3. Yes", "4. 9", "5. d", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                      "Hope the audit group gets a break between the 25th and the 1st!"], sign=("Cheers,", "Jack")),
     E(Y, Y, Y, 9, [NONE], Y, Y, N, Y),
     note="Gmail web: a '1. Yes' list between seasonal remarks with numbers ('9 admissions since Friday', 'between the 25th and the 1st'); '5. d' is No barriers.")

n = "heldback21o_inline_split_gmail"
case(n, reply(n, "gmail_web", top=["Answers below each question.", "", "Jack"],
              answers={1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                       10: "I'd welcome a regional prescribing chart."}),
     E(Y, N, Y, 7, [EXP, EVI], N, N, Y, Y, comment="I'd welcome a regional prescribing chart."),
     note="Gmail web: the quote split below each quoted Answer:, his answer unquoted in between; a comment below 10.")

GM_FROM = '"Jack Clarke" <jclarke.pallcare@gmail.com>'
n1 = "heldback21o_followup_first_gmail"
_top1 = ["1. yes", "2. no", "3. yes", "4. 8", "5. a", "6. yes", "7. yes", "8. yes", "9. yes", "", "Jack"]
case(n1, reply(n1, "gmail_web", top=_top1, frm=GM_FROM, date=at(20, 11, 5)),
     E(Y, N, Y, 8, [EXP], Y, Y, Y, Y),
     note="Gmail web from his personal address (20 Dec 11:05): a plain numbered list; his follow-up the next day adds to 5 and 10.")

n = "heldback21o_followup_add_gmail"
_first_id = f"<CAF{h(n1, 24)}{h(n1, 14, 'w').upper()}@mail.gmail.com>"
_first_when = datetime.datetime(2026, 12, 20, 11, 5)
_wrote_self = f"On {_first_when:%a}, {_first_when.day} {_first_when:%b %Y} at {_first_when:%H:%M}, Jack Clarke <jclarke.pallcare@gmail.com> wrote:"
_first_text = "\n".join(_top1) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
_first_html = ('<div dir="ltr">' + "".join(f"<div>{esc(l) if l else '<br>'}</div>" for l in _top1) + "</div><br>"
               + gmail_quote_html(INV_HTML_BODY))
_top2 = ["Sorry, one more thing – on 5 I should have included side effects too, so a and c.", "",
         "And for 10: our pharmacy only stocks the oral solution, which makes community use awkward.", "", "Jack"]
case(n, reply(n, "gmail_web", top=_top2, frm=GM_FROM, date=at(21, 9, 15), in_reply_to=_first_id,
              references=f"{INV_ID} {_first_id}", quote_text=quote(_first_text), quote_html=_first_html,
              attr_text=_wrote_self.replace(" <jclarke", " <\njclarke") + "\n",
              attr_html='<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">' + esc(_wrote_self) + "<br></div>"),
     E(None, None, None, None, [EXP, SIDE], None, None, None, None,
       comment="our pharmacy only stocks the oral solution, which makes community use awkward."),
     note="Gmail web, a follow-up (21 Dec 09:15) to his own reply of the day before (quoted, not counted again): 5 becomes 'a and c' (stated in full), and a comment for 10. Only those two are answered here.")

n = "heldback21o_reasons_gmail_android"
case(n, reply(n, "gmail_android", top=["1 yes, mostly for the last few days of life", "2 no", "3 yes - methadone rotation had failed first",
                                       "4 7", "5 b", "6 yes", "7 no", "8 yes", "9 yes", "", "J"]),
     E(Y, N, Y, 7, [EVI], Y, N, Y, Y),
     note="Gmail for Android: a '1 yes' list without punctuation, reasons after some answers; '4 7' is 4 → 7.")

n = "heldback21o_trap_range_gmail_android"
case(n, reply(n, "gmail_android", top=["1. Yes", "2. No", "3. Yes", "4. 5 or 6", "5. a and b", "6. Yes", "7. No", "8. Yes",
                                       "9. Dunno – the trials so far have been fairly negative"]),
     E(Y, N, Y, UNCLEAR, [EXP, EVI], Y, N, Y, UNCLEAR),
     note="TRAP. Gmail for Android: 4 is '5 or 6' and 9 is 'Dunno – the trials so far have been fairly negative'; both would be asked.")

n = "heldback21o_other_text_gmail_ios"
case(n, reply(n, "gmail_ios", top=["Q1 - yes", "Q2 - yes", "Q3 - no", "Q4 - 6", "Q5 - a, c and e (getting the drug out of hours)",
                                   "Q6 - yes", "Q7 - yes", "Q8 - yes", "Q9 - yes"]),
     E(Y, Y, N, 6, ok([EXP, SIDE, OTHER], other="getting the drug out of hours"), Y, Y, Y, Y),
     note="Gmail for iOS: a 'Q1 - yes' list; 5 names a), c) and e) with the 'other' text in brackets.")

n = "heldback21o_reminder_gmail"
_rw = datetime.datetime(2026, 11, 29, 0, 48)
_rwrote = f"On {_rw:%a}, {_rw.day} {_rw:%b %Y} at {_rw:%H:%M}, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
case(n, reply(n, "gmail_web", top=["I think I missed the November email – here you go:", "", "1 - Yes", "2 - No", "3 - Yes", "4 - 7",
                                   "5 - b, c", "6 - Yes", "7 - Yes", "8 - Yes", "9 - Yes",
                                   "10 - A shared community chart would help our district nurses.", "", "Jack"],
              subject="Re: " + REM_SUBJECT, in_reply_to=REM_ID, references=REM_REFS,
              quote_text=quote(REM_TEXT), quote_html=REM_HTML,
              attr_text=_rwrote.replace(" <survey@", " <\nsurvey@") + "\n",
              attr_html='<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">' + esc(_rwrote) + "<br></div>"),
     E(Y, N, Y, 7, [EVI, SIDE], Y, Y, Y, Y, comment="A shared community chart would help our district nurses."),
     note="Gmail web: a reply to the reminder of 29 Nov (not the invitation), the reminder quoted; a '1 - Yes' list with a comment on 10.")

# =====================================================================
# Apple: iPhone, Mac
# =====================================================================
n = "heldback21o_numbered_iphone"
case(n, apple_reply(n, "iphone", top=["1 Yes", "2 No", "3 Yes", "4 8", "5 A", "6 Yes", "7 No", "8 No", "9 Yes"]),
     E(Y, N, Y, 8, [EXP], Y, N, N, Y),
     note="iPhone Mail: a '1 Yes' list above 'Sent from my iPhone'; '4 8' is 4 → 8.")

n = "heldback21o_inline_iphone"
case(n, apple_reply(n, "iphone", top=["Answers in between the questions."],
                    answers={1: "Yes, a handful of times", 2: "No", 3: "Yes", 4: "5", 5: "A and B", 6: "Yes", 7: "No",
                             8: "Yes", 9: "Yes"}),
     E(Y, N, Y, 5, [EXP, EVI], Y, N, Y, Y),
     note="iPhone Mail: the quote split below each quoted Answer:, his answers unquoted in between ('Yes, a handful of times').")

n = "heldback21o_reminder_iphone"
_awrote = f"On {_rw.day} {_rw:%b %Y}, at {_rw:%H:%M}, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
case(n, apple_reply(n, "iphone", top=["Sorry – buried under Christmas cards.", "", "1, 3, 6, 8, 9 – yes", "2 and 7 – no",
                                      "Confidence 6, barrier b"],
                    subject="Re: " + REM_SUBJECT, in_reply_to=REM_ID, references=REM_REFS,
                    quote_text=quote(REM_TEXT), quote_html=REM_HTML,
                    attr_text="> " + _awrote + "\n>",
                    attr_html='<div dir="ltr"><br><blockquote type="cite">' + esc(_awrote) + "<br><br></blockquote></div>"),
     E(Y, N, Y, 6, [EVI], Y, N, Y, Y),
     note="iPhone Mail: a reply to the reminder of 29 Nov, grouping by answer ('1, 3, 6, 8, 9 – yes', '2 and 7 – no') and 'Confidence 6, barrier b'.")

n = "heldback21o_trap_hedges_iphone"
case(n, apple_reply(n, "iphone", top=["1. Yes", "2. No", "3. I think so – my registrar did it on my advice", "4. 7", "5. c",
                                      "6. There's a draft from 2021 somewhere, never signed off", "7. No", "8. Yes", "9. Yes"]),
     E(Y, N, UNCLEAR, 7, [SIDE], UNCLEAR, N, Y, Y),
     note="TRAP. iPhone Mail: 3 is 'I think so – my registrar did it on my advice' (did he?), 6 is a draft 'never signed off'; both would be asked.")

n = "heldback21o_autocorrect_iphone"
case(n, apple_reply(n, "iphone", top=["1. Yes", "2. No", "3. Yes", "4. 7", "5. b", "6. Yes", "7. Now", "8. Yes", "9. Yes", "",
                                      "7 should be No – autocorrect, sorry"]),
     E(Y, N, Y, 7, [EVI], Y, N, Y, Y),
     note="iPhone Mail: autocorrect turned 7's 'No' into 'Now'; a line below the list says '7 should be No'.")

n = "heldback21o_colon_comment_apple_mac"
case(n, apple_mac(n, ["Dear Asha,", "", "1: Yes", "2: Yes", "3: No", "4: 7", "5: B", "6: Yes", "7: No", "8: Yes", "9: Yes",
                      "10: We badly need a regional protocol – every hospice in the patch seems to use a different starting dose.",
                      "", "Merry Christmas,", "Jack"]),
     E(Y, Y, N, 7, [EVI], Y, N, Y, Y,
       comment="We badly need a regional protocol – every hospice in the patch seems to use a different starting dose."),
     note="Apple Mail for Mac (rich text): a '1: Yes' list with a comment on '10:'.")

n = "heldback21o_flowed_reasons_apple_mac"
_long3 = ("3. Yes – a man in his fifties on the equivalent of 400 mg a day of oral morphine whose myoclonus settled once we "
          "could bring the dose down by a third")
_long10 = ("10. The main obstacle for us is getting ketamine to patients at home over weekends and bank holidays; "
           "the on-call pharmacist rota makes it close to impossible.")
case(n, apple_mac_plain(n, apple_mac_text(["Hello,", "", "1. Yes", "2. No", _long3, "4. 6", "5. a and c", "6. Yes", "7. No",
                                           "8. Yes", "9. Yes", _long10, "", "Jack"])),
     E(Y, N, Y, 6, [EXP, SIDE], Y, N, Y, Y,
       comment="The main obstacle for us is getting ketamine to patients at home over weekends and bank holidays; "
               "the on-call pharmacist rota makes it close to impossible."),
     note="Apple Mail for Mac, plain text format=flowed DelSp=yes: 3's long reason (doses, 'a third') and the comment on 10 are soft-broken; the comment is its lines joined.")

# =====================================================================
# Thunderbird, Samsung, Yahoo
# =====================================================================
n = "heldback21o_inline_thunderbird"
case(n, thunderbird_flowed(n, "Hello,\n\nMy answers are below each question.\n\n" + WROTE_TB + "\n"
                           + text_inline(answers={1: "Yes", 2: "No", 3: "Yes, though only once the opioid had been pushed as far as it would go and the pain was still winning",
                                                  4: "7", 5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}) + "\n\nJack\n"),
     E(Y, N, Y, 7, [EVI], Y, Y, N, Y),
     note="Thunderbird format=flowed: answers below each quoted Answer:, one with a long reason soft-broken by format=flowed.")

n = "heldback21o_non_native_thunderbird"
case(n, thunderbird_flowed(n, "Dear colleagues,\n\n1 - Yes, several times\n2 - No\n3 - Yes, as well\n4 - 6 of 10\n5 - b, c\n"
                           "6 - Yes, we have one since 2020\n7 - No, this is not yet developed\n8 - Yes, gladly\n9 - Yes, absolutely\n"
                           "10 - In our team we use it mostly in the hospice, seldom at home.\n\n"
                           "Best regards and nice holidays,\nJack Clarke\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     E(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y, comment="In our team we use it mostly in the hospice, seldom at home."),
     note="Thunderbird format=flowed: a non-native writer's '1 - Yes' list ('6 of 10' is 6, 'we have one since 2020'), with a comment on 10.")

n = "heldback21o_semicolons_samsung"
case(n, reply(n, "samsung", top=["1 yes; 2 yes; 3 no; 4 6; 5 a; 6 no; 7 no; 8 yes; 9 yes", "",
                                 "Merry Xmas – off till the 29th"]),
     E(Y, Y, N, 6, [EXP], N, N, Y, Y),
     note="Samsung Email: all on one line separated by semicolons ('4 6' is 4 → 6), then a seasonal line with a date.")

n = "heldback21o_trap_yes_and_no_yahoo"
case(n, yahoo(n, ["1. Yes", "2. Yes and no – I add it early for neuropathic pain but not routinely", "3. Yes", "4. 7",
                  "5. A, B, C and D really", "6. Yes", "7. No", "8. Yes", "9. Yes"]),
     E(Y, UNCLEAR, Y, 7, UNCLEAR, Y, N, Y, Y),
     note="TRAP. Yahoo Mail: 2 is 'Yes and no – ...'; 5 names a, b, c and the exclusive d) No barriers together; both would be asked.")
