"""The cases of heldback21q: replies to the invitation sent 8-18 Dec 2026 by a
doctor at his desk between clinics (see tests/fixtures/heldback21q/README.md).
Two helpers of its own: A() (expected answers in question order) and
outlook_plain_inline() (Outlook plain text with the answers typed on the
Answer: lines below -----Original Message-----)."""
from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403
import email.utils

P = "heldback21q_"
HOSPICE_SIG = ["Dr Jack Clarke", "Consultant in Palliative Medicine",
               "North Hospice | Willow Lane | Northby NB4 7QT", "Tel 01632 960 418 | Bleep 2271"]


def A(*vals):
    """Expected answers in question order: a bool, int, list or str is ok;
    a dict (UNCLEAR, INF(...), ok(..., other)) is taken as it is; None
    leaves the question out."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    return out


def at(y, mo, d, hh, mm, ss):
    return email.utils.format_datetime(datetime.datetime(y, mo, d, hh, mm, ss, tzinfo=datetime.timezone.utc))


def redate(raw, name, date):
    """The same message sent at `date` (for a pair whose order matters)."""
    old = b"\nDate: " + reply_date(name).encode()
    assert raw.count(old) == 1
    return raw.replace(old, b"\nDate: " + date.encode())


def outlook_plain_inline(name, top, on_line):
    text = "\n".join(top) + "\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=on_line, prefix="") + "\n"
    return outlook_text(name, text)


E, X, S, N, O = "expertise", "evidence", "side_effects", "none", "other"

# ---------------------------------------------------------------- Outlook 365 for Windows
n = P + "between_clinics_numbered_outlook"
case(n, outlook_win(n, top=["Hi Asha,", "",
                            "Grabbing ten minutes between the morning and afternoon clinics, so here goes:", "",
                            "1. Yes", "2. No", "3. Yes", "4. 7", "5. a and b", "6. Yes", "7. No", "8. Yes", "9. Yes",
                            "10. Good luck with the write-up. If the regional guidance ends up recommending oral ketamine "
                            "in the community, the GPs will need a lot of hand-holding.",
                            "", "Best wishes,", "Jack", "", *HOSPICE_SIG]),
     A(True, False, True, 7, [E, X], True, False, True, True,
       "Good luck with the write-up. If the regional guidance ends up recommending oral ketamine in the community, "
       "the GPs will need a lot of hand-holding."),
     note="Outlook 365 for Windows: a numbered list `1. Yes` on top with a comment, over a signature holding a postcode, "
          "phone and bleep number.")

n = P + "bracket_reasons_outlook"
case(n, outlook_win(n, top=["Asha \u2013 answers below, reasons in brackets where I thought they might help.", "",
                            "1) Yes (mostly in the last days, when the driver already has a fair bit of opioid and midazolam in it)",
                            "2) No (I want the opioid properly titrated before I add anything exotic)",
                            "3) Yes (a lady on 75 micrograms of fentanyl with myoclonus \u2013 we halved the patch within a week)",
                            "4) 6 (it would be higher if I prescribed it more than a few times a year)",
                            "5) b, c (the dysphoria frightens the ward staff more than it frightens me)",
                            "6) Yes (on the intranet, last reviewed 2025)",
                            "7) No", "8) Yes", "9) Yes", "", "J"]),
     A(True, False, True, 6, [X, S], True, False, True, True),
     note="Outlook 365 for Windows: `1)` list with a reason in brackets after most answers, the reasons holding doses, "
          "a year and numbers ('75 micrograms', '2025', 'a few times a year').")

n = P + "qualified_but_certain_outlook"
case(n, outlook_win(n, top=["Dear Dr Rahman,", "", "Happy to help. My answers:", "",
                            "1. Yes, though only a handful of times in my career",
                            "2. Never, no",
                            "3. Yes \u2013 one I can clearly remember, a man on high-dose oxycodone who had become too drowsy to talk to his family",
                            "4. I'd say 6",
                            "5. Lack of evidence, first and foremost",
                            "6. Yes, though I couldn't tell you offhand which version we're on",
                            "7. No \u2013 and I'd know, as I sit on the group that would write it",
                            "8. I suppose so, yes \u2013 everyone could do with a refresher",
                            "9. Yes, without question",
                            "", "Kind regards,", "Jack Clarke", "Specialty Doctor in Palliative Medicine"]),
     A(True, False, True, 6, [X], True, False, True, True),
     note="Outlook 365 for Windows: every answer certain despite an everyday qualifier about something else ('only a "
          "handful of times', 'I couldn't tell you offhand which version', 'I suppose so, yes', 'I'd say 6'); 'Never, no' is no; "
          "'Lack of evidence, first and foremost' is b) alone.")

n = P + "answer_lines_amber_outlook"
case(n, outlook_win(n, top=["Hi,", "", "I've put my answers next to each Answer: below.", "", "Jack"],
                    on_line={1: "Yes \u2013 in the dying phase only", 2: "No", 3: "Yes", 4: "8",
                             5: "c \u2013 mainly the hallucinations", 6: "Yes",
                             7: "Yes, with both community teams, signed off in October", 8: "No \u2013 I teach on it",
                             9: "Yes", 10: "The hospice pharmacist deserves most of the credit for our protocol."},
                    color="#C65911"),
     A(True, False, True, 8, [S], True, True, False, True, "The hospice pharmacist deserves most of the credit for our protocol."),
     note="Outlook 365 for Windows: answers in amber typed on each Answer: line of the unquoted original, some with a "
          "reason after a dash, and a comment on 10's line.")

n = P + "below_answer_navy_outlook"
case(n, outlook_win(n, top=["Answers in blue under each question. Sorry for the delay, December clinics are always packed.", "", "Jack"],
                    below={1: "Yes.", 2: "Yes \u2013 with methadone, for a young man with a crush fracture whose pain was clearly going to be complex",
                           3: "No.", 4: "5 \u2013 middling", 5: "a, b and c I'm afraid", 6: "No. We've been meaning to write one for years.",
                           7: "No.", 8: "Yes please.", 9: "Yes."},
                    color="#002060"),
     A(True, True, False, 5, [E, X, S], False, False, True, True),
     note="Outlook 365 for Windows: answers in navy in a paragraph below each Answer:, with asides ('5 \u2013 middling', "
          "'a, b and c I'm afraid', 'No. We've been meaning to write one for years.').")

n = P + "brackets_after_question_outlook"
case(n, outlook_win(n, top=["See my answers in square brackets after each question.", "", "Thanks,", "Jack"],
                    after_question={1: "[Yes]", 2: "[No]", 3: "[No]", 4: "[4]", 5: "[A + B]", 6: "[Yes]", 7: "[No]",
                                    8: "[Yes]", 9: "[Yes]"},
                    color="#385723"),
     A(True, False, False, 4, [E, X], True, False, True, True),
     note="Outlook 365 for Windows: answers in dark green square brackets typed at the end of each question's own text "
          "(for 5 after '(choose all that apply, or d alone)').")

n = P + "word_table_outlook"
rows = [["No.", "Answer"], ["1", "Yes"], ["2", "No"], ["3", "Yes"], ["4", "7"], ["5", "b"],
        ["6", "No (a draft is with pharmacy)"], ["7", "No"], ["8", "Yes"], ["9", "Yes"], ["10", "Nothing to add"]]
thtml, ttext = word_table(rows, widths=[60, 320])
intro = ["Hi Asha,", "", "I've done it as a table, hope that's OK.", ""]
sign = ["", "Jack"]
case(n, outlook_win(n, top_html=word_paras(intro) + thtml + word_paras(sign), top_text="\n".join(intro) + "\n" + ttext + "\n" + "\n".join(sign)),
     A(True, False, True, 7, [X], False, False, True, True),
     note="Outlook 365 for Windows: a two-column Word table (No. | Answer; tab-separated in the text part); 'No (a draft "
          "is with pharmacy)' is no; 'Nothing to add' for 10 is no comment.")

n = P + "ps_lowers_confidence_outlook"
case(n, outlook_win(n, top=["1 - Yes", "2 - Yes", "3 - Yes", "4 - 7", "5 - a", "6 - Yes", "7 - No", "8 - Yes", "9 - Yes", "",
                            "Thanks", "Jack", "",
                            "PS Re-reading 4 on my way out: having only done two since the summer, 5 is nearer the mark than 7."]),
     A(True, True, True, 5, [E], True, False, True, True),
     note="Outlook 365 for Windows: `1 - Yes` list, then a PS below the sign-off lowering 4 from 7 to 5 ('5 is nearer "
          "the mark than 7'): 5.")

n = P + "summary_second_seventh_outlook"
case(n, outlook_win(n, top=["Asha,", "",
                            "Quick one from me: it's a yes for every yes/no question except the second and the seventh, which are no.",
                            "Confidence 6 out of 10.",
                            "Barriers: lack of evidence and the side effects.",
                            "Nothing else to add.", "", "Jack"]),
     A(True, False, True, 6, [X, S], True, False, True, True),
     note="Outlook 365 for Windows: a summary ('a yes for every yes/no question except the second and the seventh, "
          "which are no'), 'Confidence 6 out of 10', barriers in words (b and c); 'Nothing else to add' is no comment.")

n = P + "trap_no_number_outlook"
case(n, outlook_win(n, top=["Hi Asha", "",
                            "1. Yes", "2. No", "3. Yes",
                            "4. Hard to put a number on it \u2013 I haven't prescribed it since I moved here two years ago, "
                            "and I'd be looking everything up",
                            "5. b",
                            "6. Not sure \u2013 there's a syringe driver compatibility chart that lists ketamine, but whether "
                            "that counts as a protocol I couldn't say",
                            "7. No", "8. Yes", "9. Yes", "", "Jack"]),
     A(True, False, True, UNCLEAR, [X], UNCLEAR, False, True, True),
     note="TRAP. Outlook 365 for Windows: 4 gives no number ('Hard to put a number on it \u2013 ... two years ago') and "
          "6 is 'Not sure \u2013 ... whether that counts as a protocol I couldn't say': both unclear (a careful human "
          "would ask); the rest plain.")

n = P + "prose_letter_outlook"
case(n, outlook_win(n, top=["Dear Asha,", "",
                            "Thank you for including me. Rather than fill in the form I'll just answer in order.", "",
                            "On question 1, yes: I've added ketamine to a syringe driver for intractable pain at the end of "
                            "life on several occasions. On 2, no, I haven't used it early on as an adjuvant. On 3, yes, once, "
                            "to let us bring the morphine down in a patient with opioid toxicity. For 4 I'd give myself a 7. "
                            "The barriers for me (question 5) are the side effects, and to some extent my own lack of "
                            "familiarity \u2013 so c and a.", "",
                            "We do have a written protocol (6: yes), but no shared guidance for the community (7: no). I would "
                            "welcome more training (8: yes), and more research is definitely needed (9: yes).", "",
                            "With best wishes,", "Jack"]),
     A(True, False, True, 7, [E, S], True, False, True, True),
     note="Outlook 365 for Windows: two paragraphs of prose answering in order, each answer tied to its question number "
          "('On question 1, yes', 'For 4 I'd give myself a 7', 'so c and a', '(6: yes)').")

n = P + "forgot_nine_outlook"
case(n, redate(outlook_win(n, top=["Morning Asha,", "",
                                   "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. b", "6. Yes", "7. Yes", "8. No",
                                   "10. Keep the report short \u2013 nobody on the units reads the long versions.",
                                   "", "Jack"]), n, at(2026, 12, 10, 8, 52, 13)),
     A(True, True, True, 8, [X], True, True, False, None,
       "Keep the report short \u2013 nobody on the units reads the long versions."),
     note="Outlook 365 for Windows: the first of two messages; the list skips 9 (research) by mistake, which is missing "
          "here (his follow-up `followup_nine_owa`, sent the same day, gives it).")

n = P + "self_correction_outlook"
case(n, outlook_win(n, top=["Hi Asha,", "",
                            "1. Yes", "2. No",
                            "3. No \u2013 hang on, yes: the man whose oxycodone was making him hallucinate last spring. Yes.",
                            "4. 7", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
     A(True, False, True, 7, [E, S], True, False, True, True),
     note="Outlook 365 for Windows: 3 corrected on its own line ('No \u2013 hang on, yes: ... Yes.'): yes.")

# ---------------------------------------------------------------- Outlook plain text
n = P + "answer_lines_plain_outlook"
case(n, outlook_plain_inline(n, ["Answers on the Answer: lines.", "", "Jack Clarke"],
                             {1: "Y", 2: "N", 3: "N", 4: "3 - I've only ever done it under supervision", 5: "A", 6: "N", 7: "N",
                              8: "Y - very much so", 9: "Y", 10: "We're a small unit: one consultant and me."}),
     A(True, False, False, 3, [E], False, False, True, True, "We're a small unit: one consultant and me."),
     note="Outlook plain text: the original below -----Original Message----- unquoted, answers typed on its Answer: "
          "lines as Y/N, '3 - I've only ever done it under supervision' (3), `A`, and a comment.")

# ---------------------------------------------------------------- Outlook on the web / NHSmail
n = P + "nhsmail_en_dash_owa"
case(n, owa(n, ["Hi Asha,", "", "Replying from my NHSmail as the hospice system is playing up today.", "",
                "1 \u2013 Yes", "2 \u2013 No", "3 \u2013 No, not so far", "4 \u2013 6", "5 \u2013 B & C", "6 \u2013 Yes",
                "7 \u2013 Yes", "8 \u2013 Yes", "9 \u2013 Yes", "", "Regards", "Jack Clarke", "Consultant, North Hospice"],
            frm='"Clarke Jack (NORTH HOSPICE)" <jack.clarke7@nhs.net>'),
     A(True, False, False, 6, [X, S], True, True, True, True),
     note="Outlook on the web from his NHSmail address (read as his own): `1 \u2013 Yes` list with en dashes; 'No, not "
          "so far' is no; `B & C`.")

n = P + "on_line_green_html_only_owa"
on = {1: "yes", 2: "no", 3: "yes", 4: "7/10", 5: "a", 6: "yes", 7: "no", 8: "yes",
      9: "no \u2013 I think the answer is better audit, not more trials", 10: "Glad someone is finally doing this."}
case(n, owa(n, ["Answers in green.", "", "J"], original=inv_html(on_line=on, color="#00B050"), html_only=True),
     A(True, False, True, 7, [E], True, False, True, False, "Glad someone is finally doing this."),
     note="Outlook on the web, HTML only: answers in green on each Answer: line of the original below the divRplyFwdMsg "
          "block; `7/10` is 7; 9 is 'no \u2013 I think the answer is better audit, not more trials'; a comment.")

n = P + "q_colon_owa"
case(n, owa(n, ["Q1: Yes", "Q2: No", "Q3: Yes", "Q4: 9", "Q5: d", "Q6: Yes", "Q7: Yes",
                "Q8: No \u2013 I run the regional study day on it", "Q9: Yes",
                "Q10: Our protocol is shared with the two neighbouring hospices, happy to send it.", "", "Jack"]),
     A(True, False, True, 9, [N], True, True, False, True, "Our protocol is shared with the two neighbouring hospices, happy to send it."),
     note="Outlook on the web: `Q1: Yes` list; `d` is No barriers; 8 'No \u2013 I run the regional study day on it'; a comment.")

n = P + "trap_arguably_owa"
case(n, owa(n, ["Asha, here you go \u2013 a couple I genuinely wasn't sure how to answer.", "",
                "1. Yes",
                "2. Arguably. I started it alongside the first dose of oxycodone in a man with a Pancoast tumour, but he'd "
                "already been through gabapentin and amitriptyline, so whether that is \"early\" I'm not sure",
                "3. Yes", "4. 7",
                "5. c, and possibly b \u2013 I go back and forth on that one",
                "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
     A(True, UNCLEAR, True, 7, UNCLEAR, True, False, True, True),
     note="TRAP. Outlook on the web: 2 'Arguably ... whether that is \"early\" I'm not sure' and 5 'c, and possibly b \u2013 "
          "I go back and forth' are unclear (he says himself he wasn't sure); the rest plain.")

n = P + "followup_nine_owa"
case(n, owa(n, ["Sorry Asha, I've just noticed I skipped number 9 this morning.", "", "9 \u2013 yes, definitely.", "", "Jack"],
            date=at(2026, 12, 10, 12, 41, 5)),
     A(None, None, None, None, None, None, None, None, True),
     note="Outlook on the web: a second reply to the invitation the same day giving only the 9 he skipped in "
          "`forgot_nine_outlook` ('9 \u2013 yes, definitely'); the other questions are missing from this message.")

# ---------------------------------------------------------------- Outlook for iOS / Android / Mac
n = P + "terse_outlook_ios"
case(n, outlook_mobile(n, ["In clinic, sorry for brevity", "", "1 y", "2 n", "3 y", "4 6", "5 b", "6 y", "7 n", "8 y", "9 y"]),
     A(True, False, True, 6, [X], True, False, True, True),
     note="Outlook for iOS: terse `1 y` / `4 6` list below a one-line apology.")

n = P + "typos_outlook_android"
case(n, outlook_mobile(n, ["1. Yse", "2. Mo", "3. Yes", "4. 5", "5. A, c", "6. Yes", "7. Mo", "8. Yes", "9. Yea", "", "Jack"],
                       platform="Android"),
     A(True, False, True, 5, [E, S], True, False, True, True),
     note="Outlook for Android: slips of the thumb 'Yse' (yes), 'Mo' (no, m beside n), and 'Yea' for yes.")

n = P + "trap_no_idea_outlook_ios"
case(n, outlook_mobile(n, ["1 Yes", "2 No", "3 Yes", "4 5-ish? Never really thought about it", "5 b",
                           "6 We've a draft doing the rounds, no idea if it ever got signed off",
                           "7 No", "8 Yes", "9 Yes"]),
     A(True, False, True, UNCLEAR, [X], UNCLEAR, False, True, True),
     note="TRAP. Outlook for iOS: '5-ish? Never really thought about it' (a questioned guess) and 'We've a draft doing "
          "the rounds, no idea if it ever got signed off' are unclear; the rest plain.")

n = P + "colon_list_outlook_mac"
case(n, reply(n, "outlook_mac", top=["Hi Asha,", "",
                                     "1: Yes",
                                     "2: Yes \u2013 in a couple of patients with neuropathic pain who were struggling from the outset",
                                     "3: Yes", "4: 8", "5: None", "6: Yes", "7: No, though it's on the agenda for January", "8: No",
                                     "9: Yes", "10: Happy to share our audit of the last 20 patients if useful.", "", "Jack"]),
     A(True, True, True, 8, [N], True, False, False, True, "Happy to share our audit of the last 20 patients if useful."),
     note="Outlook for Mac: `1: Yes` list with reasons; 'None' is d) No barriers; 'No, though it's on the agenda for "
          "January' is no; a comment holding a number.")

# ---------------------------------------------------------------- Gmail
n = P + "dash_reasons_gmail"
case(n, gmail_top(n, ["Hi Asha,", "",
                      "1 - yes, maybe a dozen times", "2 - no", "3 - yes, twice this year", "4 - 7", "5 - b", "6 - yes", "7 - no",
                      "8 - yes", "9 - yes, a proper trial in the community would be worth its weight in gold"]),
     A(True, False, True, 7, [X], True, False, True, True),
     note="Gmail web: `1 - yes` list; 'maybe a dozen times' hedges the count, not the yes; reasons holding numbers.")

n = P + "inline_split_gmail"
case(n, reply(n, "gmail_web", top=["Answers below each question.", "", "Jack"],
              answers={1: "Yes", 2: "No, not my practice", 3: "Yes", 4: "6, give or take", 5: "a & b", 6: "No", 7: "No",
                       8: "Yes", 9: "Yes", 10: "Would be good to see the results by hospice as well as overall."}),
     A(True, False, True, 6, [E, X], False, False, True, True, "Would be good to see the results by hospice as well as overall."),
     note="Gmail web: the quote split below each quoted Answer:, his answers unquoted in between; '6, give or take' is 6; "
          "`a & b`; a comment.")

n = P + "brief_gmail_android"
case(n, reply(n, "gmail_android", top=["1 yes", "2 no", "3 no", "4 4", "5 a b", "6 no", "7 no", "8 yes", "9 yes",
                                       "Sent between patients, hope it's legible"]),
     A(True, False, False, 4, [E, X], False, False, True, True),
     note="Gmail for Android: bare `1 yes` list, `4 4`, `a b`, an aside below.")

n = P + "topic_words_gmail_ios"
case(n, reply(n, "gmail_ios", top=["Hi Asha",
                                   "Dying patients, pain not controlled on opioids \u2013 yes",
                                   "Early on alongside opioids \u2013 no",
                                   "To let us lower the opioid \u2013 yes",
                                   "How confident \u2013 7",
                                   "What holds me back \u2013 side effects",
                                   "Written protocol \u2013 yes",
                                   "Guidance for the community teams \u2013 no",
                                   "More training \u2013 yes",
                                   "More research \u2013 yes",
                                   "Jack"]),
     A(True, False, True, 7, [S], True, False, True, True),
     note="Gmail for iOS: no numbers, each answer after a label for the question's topic in his own words.")

n = P + "trap_not_as_such_gmail"
case(n, gmail_top(n, ["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. Yes",
                      "7. Not as such \u2013 the district nurses just use our inpatient protocol",
                      "8. Yes",
                      "9. Honestly not sure. Part of me thinks the small trials we already have tell us most of what we'll ever know"],
                  sign=("Thanks,", "Jack")),
     A(True, False, True, 6, [X], True, UNCLEAR, True, UNCLEAR),
     note="TRAP. Gmail web: 7 'Not as such \u2013 the district nurses just use our inpatient protocol' (guidance is "
          "shared, but none developed for them: ask) and 9 'Honestly not sure ...' are unclear; the rest plain.")

n = P + "personal_gmail"
case(n, gmail_top(n, ["Asha \u2013 sending this from my own account as Outlook has frozen on me again.", "",
                      "1. Yes", "2. No", "3. Yes", "4. 8", "5. Lack of evidence", "6. Yes", "7. Yes", "8. No", "9. Yes",
                      "10. The new regional formulary should say something about ketamine, even if it's only \"seek specialist advice\"."],
                  sign=("Jack",), frm='"Jack Clarke" <jackclarke.hospice@gmail.com>'),
     A(True, False, True, 8, [X], True, True, False, True,
       "The new regional formulary should say something about ketamine, even if it's only \"seek specialist advice\"."),
     note="Gmail web from his personal Gmail address (read as his own): `1. Yes` list, barriers in words, a comment with quotes.")

n = P + "caps_lunch_gmail"
case(n, gmail_top(n, ["Hope this is clear, typing with one hand and eating lunch with the other.", "",
                      "1. YES", "2. NO", "3. YES", "4. 5", "5. A + C", "6. NO", "7. NO", "8. YES", "9. YES"],
                  sign=("J",)),
     A(True, False, True, 5, [E, S], False, False, True, True),
     note="Gmail web: the answers in capitals below an aside; `A + C`.")

# ---------------------------------------------------------------- Apple
n = P + "numbered_iphone"
case(n, iphone(n, ["1. Yes", "2. No", "3. Yes", "4. 7", "5. B and C", "6. Yes", "7. No", "8. Yes", "9. Yes",
                   "10. Sorry it's late, the pre-Christmas clinics are rammed"]),
     A(True, False, True, 7, [X, S], True, False, True, True, "Sorry it's late, the pre-Christmas clinics are rammed"),
     note="iPhone Mail: `1. Yes` list, `B and C`, an apology as the comment on 10.")

n = P + "inline_split_iphone"
case(n, apple_reply(n, "iphone", top=["See below"],
                    answers={1: "Yes", 2: "Yes \u2013 once, in a young woman with a brachial plexopathy", 3: "No", 4: "6", 5: "a",
                             6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}),
     A(True, True, False, 6, [E], True, True, True, True),
     note="iPhone Mail: 'See below' and the quote split below each quoted Answer:, his answers unquoted in between.")

n = P + "bare_lines_iphone"
case(n, iphone(n, ["Yes", "No", "Yes", "6", "b and c", "Yes", "No", "Yes", "Yes"]),
     A(INF(True), INF(False), INF(True), INF(6), INF([X, S]), INF(True), INF(False), INF(True), INF(True)),
     note="iPhone Mail: nine bare answers one a line in question order, without numbers (inferred, to be confirmed).")

n = P + "trap_cant_remember_iphone"
case(n, iphone(n, ["1 yes", "2 no", "3 I think so? Can't remember if it was me or the registrar who made the call", "4 6",
                   "5 Mostly c. Maybe a", "6 yes", "7 no", "8 yes", "9 yes"]),
     A(True, False, UNCLEAR, 6, UNCLEAR, True, False, True, True),
     note="TRAP. iPhone Mail: 3 'I think so? Can't remember if it was me or the registrar' and 5 'Mostly c. Maybe a' "
          "are unclear; the rest plain.")

n = P + "rich_dash_other_apple_mail"
case(n, apple_mac(n, ["Dear Asha,", "", "Q1 \u2013 Yes", "Q2 \u2013 No", "Q3 \u2013 Yes", "Q4 \u2013 8",
                      "Q5 \u2013 b, and e \u2013 pharmacy won't keep it in stock without a named patient",
                      "Q6 \u2013 Yes", "Q7 \u2013 No", "Q8 \u2013 Yes", "Q9 \u2013 Yes", "", "Kind regards,", "Jack"]),
     A(True, False, True, 8, ok([X, O], other="pharmacy won't keep it in stock without a named patient"), True, False, True, True),
     note="Apple Mail (macOS, rich text): `Q1 \u2013 Yes` list; 5 is b) and e) Other with its text after a dash.")

n = P + "plain_flowed_apple_mail"
long_comment = ("One thing the survey doesn't capture is how often we are asked for advice by the acute trust about patients "
                "already on ketamine from the pain team; those conversations are where most of my uncertainty sits, and I "
                "suspect I'm not alone in that.")
case(n, apple_mac_plain(n, apple_mac_text(["1: yes", "2: no", "3: yes", "4: 7", "5: a", "6: yes", "7: no", "8: yes", "9: yes",
                                           "10: " + long_comment, "", "Jack"])),
     A(True, False, True, 7, [E], True, False, True, True, long_comment),
     note="Apple Mail (macOS, plain text, format=flowed DelSp=yes): `1: yes` list with a long comment on 10 soft-broken "
          "by the client.")

n = P + "dictated_iphone"
case(n, iphone(n, ["Dictating this walking back from clinic so apologies for any odd words.",
                   "Question 1 yes", "Question 2 no", "Question 3 yes", "Question 4 seven", "Question 5 B and C",
                   "Question 6 yes", "Question 7 no", "Question 8 yes", "Question 9 yes"]),
     A(True, False, True, 7, [X, S], True, False, True, True),
     note="iPhone Mail, dictated: 'Question 1 yes' lines, 'seven' in words.")

n = P + "on_line_apple_mail"
case(n, apple_reply(n, "apple_mac", top=["Answers in the form below.", "", "Jack"],
                    on_line={1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "c", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                             10: "Thanks for doing this."}),
     A(True, False, True, 5, [S], False, False, True, True, "Thanks for doing this."),
     note="Apple Mail (macOS, rich text): answers typed on each Answer: line inside the quote (blue in HTML, `> Answer: Yes` "
          "in text), a comment on 10's line.")

# ---------------------------------------------------------------- others
n = P + "inline_flowed_thunderbird"
tb_answers = {1: "Yes - in perhaps one patient in twenty on the unit, always as a last resort when the pain has outrun everything else we have tried",
              2: "No", 3: "Yes", 4: "7",
              5: "b - the trials we have are small and mostly negative, which makes it hard to justify to colleagues",
              6: "Yes", 7: "No", 8: "Yes",
              9: "Yes - and ideally something pragmatic, in hospices, not just a pain clinic population"}
case(n, thunderbird_flowed(n, "Answers below, with some reasoning.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=tb_answers)),
     A(True, False, True, 7, [X], True, False, True, True),
     note="Thunderbird format=flowed: answers below each quoted Answer:, the long reasons soft-broken by the client.")

n = P + "top_list_sig_thunderbird"
case(n, thunderbird_flowed(n, "Hi Asha,\n\n1 - yes\n2 - no\n3 - yes\n4 - 6\n5 - a, b\n6 - yes\n7 - no\n8 - yes\n9 - yes\n"
                              "10 - Would be worth asking the hospice pharmacists the same questions.\n\n-- \nDr Jack Clarke\n"
                              "Specialty Doctor, Palliative Medicine\nNorth Hospice, Northby NB4 7QT\n\n" + WROTE_TB + "\n" + quote(INV_TEXT)),
     A(True, False, True, 6, [E, X], True, False, True, True, "Would be worth asking the hospice pharmacists the same questions."),
     note="Thunderbird format=flowed: `1 - yes` list with a comment, over a `-- ` signature with a postcode.")

n = P + "trap_second_thoughts_samsung"
case(n, reply(n, "samsung", top=["1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
                                 "Having thought about 4 a bit more on the way back to my desk \u2013 for anything other than a "
                                 "straightforward CSCI I'm probably nearer a 3."]),
     A(True, False, True, UNCLEAR, [X], True, False, True, True),
     note="TRAP. Samsung Email: 4 is 6 in the list, then a line below gives a second figure for other situations "
          "('for anything other than a straightforward CSCI I'm probably nearer a 3'): two numbers for two situations, unclear.")

n = P + "full_sentences_yahoo"
case(n, yahoo(n, ["Dear Dr Rahman,", "Answers to your questions:", "1. Yes, I have", "2. No, I haven't", "3. Yes, I have",
                  "4. Seven", "5. Side effects", "6. Yes, we do", "7. No, we haven't", "8. Yes, I would", "9. Yes, I do",
                  "Regards,", "Jack Clarke"]),
     A(True, False, True, 7, [S], True, False, True, True),
     note="Yahoo Mail: short full-sentence answers ('Yes, I have', 'No, we haven't'), 'Seven' in words.")


# Replies between clinics: a time the spread puts on a Saturday moves to the
# Monday after, a Sunday to the Friday before (still 8-18 Dec, same clock time).
def _weekdays_only():
    for i, (name, raw, expected) in enumerate(CASES):
        m = re.search(rb"\nDate: ([^\r\n]+)", raw)
        d = email.utils.parsedate_to_datetime(m.group(1).decode())
        shift = {5: 2, 6: -2}.get(d.weekday())
        if shift:
            new = email.utils.format_datetime(d + datetime.timedelta(days=shift))
            CASES[i] = (name, raw.replace(m.group(0), m.group(0).replace(m.group(1), new.encode()), 1), expected)


_weekdays_only()
