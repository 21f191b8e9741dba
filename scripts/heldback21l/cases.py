"""The cases of heldback21l (see tests/fixtures/heldback21l/README.md):
replies by Dr Jack Clarke to the ketamine survey, in the forms and mail
clients a regional survey lead sees. The helpers below (answers in
question order, Gmail's parts, a Word table reply, a Gmail follow-up) are
this set's own; the clients are scripts/heldback_common's, unchanged."""
import email.utils
from lib import *  # noqa: F401,F403
import clients as C
import clients_new as N

Y, NO = True, False
LETTERS = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def L(letters):
    """Barrier option ids from their letters: L("bc")."""
    return [LETTERS[x] for x in letters]


def A(*vals, comment=None, other=None):
    """Expected answers to 1-9 in order (None: not answered; a dict: the
    status given), plus the comment on 10 and the 'other' text of 5."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif qid == "barriers" and other is not None:
            out[qid] = ok(v, other)
        else:
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def at(day, hh, mm, ss):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


def gmail_parts(lines, sign):
    """Gmail web's text and HTML for a reply on top of the quoted invitation
    (as clients.gmail_top writes them)."""
    text = "\n".join(lines) + "\n\n" + "\n".join(sign) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
    html = ('<div dir="ltr">' + C.divs(lines) + "<div><br></div>" + C.divs(sign) + "</div><br>"
            + gmail_quote_html(INV_HTML_BODY))
    return text, html


def outlook_table(name, top, rows, after):
    """Outlook 365 for Windows: lines, a Word table, lines, then the
    original unquoted below From/Sent (Word HTML and its text part)."""
    table_html, table_text = N.word_table(rows, widths=[200, 320])
    html = (N.word_paras(top) + table_html + N.word_paras(after) + OUTLOOK_FROM_HTML + word_original())
    text = ("\n".join(top) + "\n" + table_text + "\n" + "\n".join(after) + "\n\n" + OUTLOOK_FROM_TEXT + "\n"
            + flat_text() + "\n")
    return N.outlook_desktop_raw(name, html, text)


def owa_inline(name, top, on_line, color="#0070C0", **kw):
    """Outlook on the web: answers typed on the Answer: lines of the
    unquoted original (HTML and text)."""
    return C.owa(name, top, original=N.inv_html(on_line=on_line, color=color),
                 original_text=text_inline(on_line=on_line, prefix=""), **kw)


SIG = ["Dr Jack Clarke MRCP", "Consultant in Palliative Medicine", "North Hospice, Moor Lane, Leeds LS17 5QT",
       "Tel 0113 496 0721 | Bleep 4418"]

# ======================= Outlook 365 for Windows =======================
case("21l_numbered_signature_outlook",
     N.outlook_win("21l_numbered_signature_outlook",
                   top=["Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
                        "", "Best wishes", "Jack", "", *SIG]),
     A(Y, NO, Y, 6, L("ac"), Y, NO, Y, Y),
     note="Outlook for Windows: a numbered list `1. Yes` on top, a signature with postcode, phone and bleep numbers below it.")

case("21l_brackets_reasons_outlook",
     N.outlook_win("21l_brackets_reasons_outlook",
                   top=["Hi Asha \u2013 my answers, with a bit of context:", "",
                        "1) Yes (perhaps four or five patients over the last two years, all on the IPU)",
                        "2) No (I only reach for it once opioid titration has clearly failed)",
                        "3) Yes (one man on 180 mg oral morphine a day came down to 90 mg)",
                        "4) 7 (fine with subcut, less sure about oral conversion)",
                        "5) b (the trials we have are small and mostly negative)",
                        "6) Yes (last revised in 2024)",
                        "7) No (the district nurses use the acute trust's version)",
                        "8) Yes",
                        "9) Yes (an adequately powered trial would be welcome)", "", "Jack"]),
     A(Y, NO, Y, 7, L("b"), Y, NO, Y, Y),
     note="Outlook for Windows: `1) Yes (reason)` with numbers, doses, years and negations in the brackets.")

case("21l_on_answer_line_red_outlook",
     N.outlook_win("21l_on_answer_line_red_outlook",
                   top=["Dear Asha,", "", "I've put my answers next to each question below in red.", "", "Regards", "Jack Clarke"],
                   on_line={1: "YES", 2: "YES", 3: "NO", 4: "5", 5: "A + B", 6: "NO", 7: "NO", 8: "YES", 9: "YES",
                            10: "Happy to help with the regional guidance if you need a hospice voice on the group."},
                   color="#C00000"),
     A(Y, Y, NO, 5, L("ab"), NO, NO, Y, Y,
       comment="Happy to help with the regional guidance if you need a hospice voice on the group."),
     note="Outlook for Windows: capitals typed in red on each Answer: line of the unquoted original, a comment on 10.")

case("21l_below_answer_green_outlook",
     N.outlook_win("21l_below_answer_green_outlook",
                   top=["Answers typed in under each question. Jack"],
                   below={1: "Yes \u2013 usually by CSCI alongside oxycodone", 2: "No", 3: "Yes, twice", 4: "8",
                          5: "a and e \u2013 getting it dispensed in the community over a weekend", 6: "Yes",
                          7: "Yes \u2013 jointly with the two local community teams in 2023",
                          8: "No \u2013 I teach it on the regional SpR day", 9: "Yes"},
                   color="#00B050"),
     A(Y, NO, Y, 8, L("ae"), Y, Y, NO, Y, other="getting it dispensed in the community over a weekend"),
     note="Outlook for Windows: answers in green paragraphs below each Answer: of the original; 5 is a and e with the other text after a dash.")

case("21l_after_question_purple_outlook",
     N.outlook_win("21l_after_question_purple_outlook",
                   top=["Please see my replies after each question (purple).", "", "Jack"],
                   after_question={1: "Yes", 2: "Yes, occasionally", 3: "Yes", 4: "9", 5: "None really", 6: "Yes", 7: "Yes",
                                   8: "No", 9: "Yes"},
                   color="#7030A0"),
     A(Y, Y, Y, 9, L("d"), Y, Y, NO, Y),
     note="Outlook for Windows: answers in purple at the end of each question's own text; 'None really' is d) No barriers.")

case("21l_ps_change_outlook",
     N.outlook_win("21l_ps_change_outlook",
                   top=["Asha", "", "1 - Yes", "2 - Yes", "3 - No", "4 - 6", "5 - a", "6 - Yes", "7 - Yes", "8 - Yes", "9 - Yes",
                        "", "Jack", "",
                        "PS I've just remembered that the community guidance was withdrawn last spring and nothing has "
                        "replaced it yet, so please make 7 a No."]),
     A(Y, Y, NO, 6, L("a"), Y, NO, Y, Y),
     note="Outlook for Windows: a `1 - Yes` list, then a PS below the sign-off changing 7 to No (the PS wins).")

case("21l_q_colon_terse_outlook",
     N.outlook_win("21l_q_colon_terse_outlook",
                   top=["Q1: Y", "Q2: Y", "Q3: Y", "Q4: 8/10", "Q5: Evidence + side effects", "Q6: Y", "Q7: Y", "Q8: N", "Q9: Y",
                        "", "JC"]),
     A(Y, Y, Y, 8, L("bc"), Y, Y, NO, Y),
     note="Outlook for Windows: `Q1: Y` terse letters, `8/10`, barriers by words joined with +.")

case("21l_word_table_outlook",
     outlook_table("21l_word_table_outlook",
                   ["Hi Asha,", "", "Easier for me to do this as a table:", ""],
                   [["Question", "Answer"], ["1 End of life", "Yes"], ["2 Early adjuvant", "No"], ["3 Opioid sparing", "No"],
                    ["4 Confidence", "4"], ["5 Barriers", "a, b, c"], ["6 Written protocol", "No"],
                    ["7 Community guidance", "No"], ["8 Training", "Yes"], ["9 Research", "Yes"],
                    ["10 Comments", "We very rarely use it \u2013 perhaps once a year."]],
                   ["", "Thanks", "Jack"]),
     A(Y, NO, NO, 4, L("abc"), NO, NO, Y, Y, comment="We very rarely use it \u2013 perhaps once a year."),
     note="Outlook for Windows: a two-column Word table (number and topic, answer; tab-separated in the text part), a comment in row 10.")

case("21l_secretary_outlook",
     N.outlook_win("21l_secretary_outlook",
                   top=["Dear Dr Rahman,", "", "Dr Clarke has asked me to send his answers as he is on the ward all day:", "",
                        "1. Yes", "2. No", "3. Yes", "4. 7", "5. B", "6. Yes", "7. Yes", "8. Yes", "9. Yes", "",
                        "Kind regards,", "", "Maureen Pike", "Medical Secretary to Dr J Clarke", "North Hospice"]),
     A(Y, NO, Y, 7, L("b"), Y, Y, Y, Y),
     note="Outlook for Windows: his secretary sends his numbered answers from his mailbox; read as his own.")

case("21l_grouped_ranges_outlook",
     N.outlook_win("21l_grouped_ranges_outlook",
                   top=["Quick answers:", "1-3: yes, no, yes", "4: 7", "5: b & c", "6-9: all yes", "", "Jack"]),
     A(Y, NO, Y, 7, L("bc"), Y, Y, Y, Y),
     note="Outlook for Windows: answers grouped by question range, `1-3: yes, no, yes` and `6-9: all yes`.")

case("21l_trap_range_hedge_outlook",
     N.outlook_win("21l_trap_range_hedge_outlook",
                   top=["Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 6-7", "5. a mainly, possibly b too", "6. Yes", "7. No",
                        "8. Yes", "9. Yes", "", "Jack"]),
     A(Y, NO, Y, UNCLEAR, UNCLEAR, Y, NO, Y, Y),
     note="TRAP. Outlook for Windows: a range `6-7` for 4, and 'a mainly, possibly b too' for 5 (is b a barrier or not?): both asked.")

case("21l_self_correction_outlook",
     N.outlook_win("21l_self_correction_outlook",
                   top=["1. Yes", "2. No", "3. No \u2013 sorry, scratch that, yes: one patient whose morphine we halved", "4. 5",
                        "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
     A(Y, NO, Y, 5, L("a"), NO, NO, Y, Y),
     note="Outlook for Windows: 3 corrected within its own line ('No \u2013 sorry, scratch that, yes: ...'): yes.")

case("21l_trap_not_applicable_outlook",
     N.outlook_win("21l_trap_not_applicable_outlook",
                   top=["Hi Asha,", "", "1. Yes", "2. Yes", "3. Not yet", "4. 7", "5. c", "6. Yes",
                        "7. N/A \u2013 we are the community service", "8. Yes", "9. Yes", "", "Jack"]),
     A(Y, Y, NO, 7, L("c"), Y, UNCLEAR, Y, Y),
     note="TRAP. Outlook for Windows: 'N/A \u2013 we are the community service' for 7 (neither yes nor no: asked); 'Not yet' for 3 is no.")

case("21l_ticks_crosses_outlook",
     N.outlook_win("21l_ticks_crosses_outlook",
                   top=["Answers:", "", "1 \u2713", "2 \u2717", "3 \u2713", "4 7", "5 b, c", "6 \u2713", "7 \u2717", "8 \u2713", "9 \u2713",
                        "", "Jack"]),
     A(Y, NO, Y, 7, L("bc"), Y, NO, Y, Y),
     note="Outlook for Windows: ticks and crosses (\u2713 yes, \u2717 no) for the yes/no questions.")

# ======================= Outlook on the web / NHSmail =======================
case("21l_dash_list_nhsmail_owa",
     C.owa("21l_dash_list_nhsmail_owa",
           ["Dear Asha", "", "1 \u2013 yes", "2 \u2013 yes", "3 \u2013 yes", "4 \u2013 6", "5 \u2013 lack of evidence", "6 \u2013 no",
            "7 \u2013 no", "8 \u2013 yes", "9 \u2013 yes", "", "Jack", "", "Dr Jack Clarke", "Consultant, North Hospice"],
           frm='"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke7@nhs.net>'),
     A(Y, Y, Y, 6, L("b"), NO, NO, Y, Y),
     note="Outlook on the web from his NHSmail address: an en-dash list `1 \u2013 yes`, the barrier by its words.")

case("21l_on_line_blue_owa",
     owa_inline("21l_on_line_blue_owa", ["Answers on the lines below.", "", "J"],
                {1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                 10: "Our protocol is shared with the two neighbouring hospices."}),
     A(Y, NO, Y, 8, L("c"), Y, Y, NO, Y, comment="Our protocol is shared with the two neighbouring hospices."),
     note="Outlook on the web: answers in blue on each Answer: line of the unquoted original (HTML and text), a comment on 10.")

case("21l_summary_owa",
     C.owa("21l_summary_owa",
           ["Hi Asha,", "", "Yes to 1, 3, 8 and 9; no to 2, 6 and 7. My confidence is a 4 and the barriers are a and b.", "",
            "Jack"]),
     A(Y, NO, Y, 4, L("ab"), NO, NO, Y, Y),
     note="Outlook on the web: a one-sentence summary by question numbers, then 4 and 5 in words.")

case("21l_html_only_comment_owa",
     C.owa("21l_html_only_comment_owa",
           ["Asha \u2013", "", "1. yes", "2. no", "3. yes", "4. 7", "5. a, b", "6. yes", "7. no", "8. yes", "9. yes",
            "10. It would help enormously to have a regional ketamine conversion chart.", "", "Thanks, Jack"],
           html_only=True),
     A(Y, NO, Y, 7, L("ab"), Y, NO, Y, Y, comment="It would help enormously to have a regional ketamine conversion chart."),
     note="Outlook on the web, HTML only (no text part): a numbered list with a comment on 10.")

case("21l_trap_depends_owa",
     C.owa("21l_trap_depends_owa",
           ["Asha,", "", "1. Yes", "2. Depends what you count as early", "3. Yes", "4. 7", "5. b",
            "6. Sort of \u2013 we borrow the acute trust's protocol", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
     A(Y, UNCLEAR, Y, 7, L("b"), UNCLEAR, NO, Y, Y),
     note="TRAP. Outlook on the web: 'Depends what you count as early' for 2 and 'Sort of \u2013 we borrow the acute trust's protocol' for 6: both asked.")

# ======================= Outlook mobile, Mac, plain text =======================
case("21l_typos_outlook_ios",
     C.outlook_mobile("21l_typos_outlook_ios", ["1 Yds", "2 Bo", "3 Yes", "4 6", "5 A", "6 Yes", "7 No", "8 Yes", "9 Yes"]),
     A(Y, NO, Y, 6, L("a"), Y, NO, Y, Y),
     note="Outlook for iOS: `1 Yds`, `2 Bo` (slips of the thumb for Yes and No), the rest plain.")

case("21l_one_line_outlook_android",
     C.outlook_mobile("21l_one_line_outlook_android", ["1 yes, 2 yes, 3 no, 4 - 8, 5 - c, 6 yes, 7 no, 8 no, 9 yes"],
                      platform="Android"),
     A(Y, Y, NO, 8, L("c"), Y, NO, NO, Y),
     note="Outlook for Android: all nine answers on one line separated by commas, `4 - 8`.")

case("21l_trap_unsure_outlook_ios",
     C.outlook_mobile("21l_trap_unsure_outlook_ios",
                      ["1. Yes", "2. No", "3. Yes", "4. 5", "5. a? or maybe c, not sure", "6. Yes", "7. Yes", "8. Yes",
                       "9. Not sure"]),
     A(Y, NO, Y, 5, UNCLEAR, Y, Y, Y, UNCLEAR),
     note="TRAP. Outlook for iOS: 'a? or maybe c, not sure' for 5 and 'Not sure' for 9: both asked.")

case("21l_colon_comment_outlook_mac",
     N.reply("21l_colon_comment_outlook_mac", "outlook_mac",
             top=["Asha,", "", "1: Yes", "2: Yes", "3: Yes", "4: 9", "5: D", "6: Yes", "7: Yes", "8: No", "9: Yes",
                  "10: We use it mostly by syringe driver with alfentanil in renal patients.", "", "Jack"]),
     A(Y, Y, Y, 9, L("d"), Y, Y, NO, Y, comment="We use it mostly by syringe driver with alfentanil in renal patients."),
     note="Outlook for Mac: a `1: Yes` list, D for no barriers, a comment on `10:`.")

case("21l_answer_lines_plain_outlook",
     C.outlook_text("21l_answer_lines_plain_outlook",
                    "Answers filled in below.\n\nJack Clarke\n\n" + C.ORIGINAL_MESSAGE + "\n"
                    + text_inline(on_line={1: "yes", 2: "no", 3: "no", 4: "3", 5: "a, b", 6: "no", 7: "no", 8: "yes", 9: "yes"},
                                  prefix="") + "\n"),
     A(Y, NO, NO, 3, L("ab"), NO, NO, Y, Y),
     note="Outlook plain text: answers on the Answer: lines of the original below -----Original Message-----.")

# ======================= Gmail =======================
case("21l_numbered_words_gmail",
     C.gmail_top("21l_numbered_words_gmail",
                 ["1. Yes", "2. No", "3. Yes", "4. 6", "5. Lack of expertise, and side effects", "6. Yes", "7. No", "8. Yes",
                  "9. Yes"], sign=("Thanks,", "Jack")),
     A(Y, NO, Y, 6, L("ac"), Y, NO, Y, Y),
     note="Gmail web: a numbered list, the barriers in the options' own words (a and c).")

case("21l_inline_split_gmail",
     N.reply("21l_inline_split_gmail", "gmail_web", top=["Answers inline.", "", "Jack"],
             answers={1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "B", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}),
     A(Y, Y, NO, 7, L("b"), Y, NO, Y, Y),
     note="Gmail web: the quote split below each quoted Answer:, the answer unquoted there.")

case("21l_reasons_dash_gmail",
     C.gmail_top("21l_reasons_dash_gmail",
                 ["1. Yes - mainly for neuropathic pain from pelvic tumours",
                  "2. No - not until strong opioids have been optimised",
                  "3. Yes - hyperalgesia on high-dose morphine, twice",
                  "4. 7 - I'd still ring a colleague for oral dosing",
                  "5. a, b",
                  "6. Yes - dated 2022, due a review",
                  "7. No - not that I know of",
                  "8. Yes",
                  "9. Yes - especially for oral use",
                  "10. Thanks for doing this - practice is all over the place."], sign=("Jack",)),
     A(Y, NO, Y, 7, L("ab"), Y, NO, Y, Y, comment="Thanks for doing this - practice is all over the place."),
     note="Gmail web: answers followed by a reason after a hyphen (negations, a year), a comment on 10.")

# A reply from his personal Gmail and his follow-up to it the next day.
FIRST_LINES, FIRST_SIGN = ["1 yes", "2 no", "3 yes", "4 7", "5 b", "6 yes", "7 yes", "8 yes", "9 yes"], ("Jack",)
GMAIL_ME = '"Jack Clarke" <jack.clarke.pallmed@gmail.com>'
_t, _h = gmail_parts(FIRST_LINES, FIRST_SIGN)
case("21l_followup_first_gmail",
     gmail("21l_followup_first_gmail", _t, _h, frm=GMAIL_ME, date=at(15, 8, 12, 40)),
     A(Y, NO, Y, 7, L("b"), Y, Y, Y, Y),
     note="Gmail web from his personal address: `1 yes` with no punctuation (his follow-up is 21l_followup_second_gmail).")

FIRST_ID = f"<CAF{hashlib.sha1('21l_followup_first_gmail'.encode()).hexdigest()[:24]}@mail.gmail.com>"
MY_WROTE = "On Tue, 15 Dec 2026 at 08:12, Jack Clarke <jack.clarke.pallmed@gmail.com> wrote:"
_lines = ["Asha, one change after sleeping on it: please change my confidence from 7 to 5, and add side effects to the barriers.",
          "", "Thanks", "Jack"]
_text = "\n".join(_lines) + "\n\n" + MY_WROTE + "\n\n" + quote(_t.rstrip("\n")) + "\n"
_html = ('<div dir="ltr">' + C.divs(_lines) + "</div><br>" + gmail_quote_html(_h, wrote=MY_WROTE))
case("21l_followup_second_gmail",
     gmail("21l_followup_second_gmail", _text, _html, frm=GMAIL_ME, date=at(16, 13, 5, 12), in_reply_to=FIRST_ID,
           references=f"{INV_ID} {FIRST_ID}"),
     {"confidence": ok(5), "barriers": INF(L("bc"))},
     note="Gmail web follow-up to his own reply (quoted, not counted): 4 changed from 7 to 5; 'add side effects' to the quoted b reads as b and c (inferred, relative to the earlier reply).")

case("21l_summary_gmail_android",
     N.reply("21l_summary_gmail_android", "gmail_android",
             top=["All yes apart from 2 and 6, which are no.", "Confidence 6. Barriers: evidence mostly.", "", "Jack"]),
     A(Y, NO, Y, 6, L("b"), NO, Y, Y, Y),
     note="Gmail for Android: 'All yes apart from 2 and 6, which are no', then 4 and 5 in words ('evidence mostly' is b).")

case("21l_trap_all_above_gmail_android",
     N.reply("21l_trap_all_above_gmail_android", "gmail_android",
             top=["1 Yes", "2 Yes", "3 Yes", "4 Somewhere in the middle", "5 All of the above!", "6 Yes", "7 No", "8 Yes", "9 Yes",
                  "", "J"]),
     A(Y, Y, Y, UNCLEAR, UNCLEAR, Y, NO, Y, Y),
     note="TRAP. Gmail for Android: 'Somewhere in the middle' for 4 (no number) and 'All of the above!' for 5 (which includes d) No barriers and e) Other without text): both asked.")

case("21l_letters_gmail_ios",
     N.reply("21l_letters_gmail_ios", "gmail_ios",
             top=["1 y", "2 n", "3 y", "4 5", "5 a b c", "6 n", "7 n", "8 y", "9 y", "", "Jack"]),
     A(Y, NO, Y, 5, L("abc"), NO, NO, Y, Y),
     note="Gmail for iOS: one-letter answers `1 y`, barriers `a b c` separated by spaces.")

# ======================= Apple =======================
case("21l_numbered_iphone",
     C.iphone("21l_numbered_iphone", ["1. Yes", "2. Yes", "3. No", "4. 8", "5. C", "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Jack"]),
     A(Y, Y, NO, 8, L("c"), Y, Y, NO, Y),
     note="iPhone Mail: a numbered list on top, Sent from my iPhone.")

case("21l_inline_split_comment_iphone",
     N.apple_reply("21l_inline_split_comment_iphone", "iphone", top=["See below"],
                   answers={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "A and C", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                            10: "Our pharmacy can only get the oral solution with a week's notice."}),
     A(Y, NO, Y, 6, L("ac"), NO, NO, Y, Y, comment="Our pharmacy can only get the oral solution with a week's notice."),
     note="iPhone Mail: the quote split below each quoted Answer:, answers there, a comment on 10.")

case("21l_first_three_iphone",
     C.iphone("21l_first_three_iphone", ["First three yes, 4 = 7, 5 = a, and yes to everything after that.", "", "Jack"]),
     A(Y, Y, Y, 7, L("a"), Y, Y, Y, Y),
     note="iPhone Mail: one sentence, 'First three yes, 4 = 7, 5 = a, and yes to everything after that' (6-9 yes; 10 is optional).")

case("21l_trap_unsure_iphone",
     C.iphone("21l_trap_unsure_iphone",
              ["1. Yes", "2. Yes? I'm never sure what counts as early", "3. Yes", "4. 3 or 4", "5. a", "6. No", "7. No", "8. Yes!",
               "9. Yes", "", "Jack"]),
     A(Y, UNCLEAR, Y, UNCLEAR, L("a"), NO, NO, Y, Y),
     note="TRAP. iPhone Mail: 'Yes? I'm never sure what counts as early' for 2 and '3 or 4' for 4: both asked; 'Yes!' is yes.")

case("21l_q_prefix_apple_mail",
     N.apple_mac("21l_q_prefix_apple_mail",
                 ["Asha,", "", "Q1 yes", "Q2 no", "Q3 yes", "Q4 7", "Q5 b and c", "Q6 yes", "Q7 no", "Q8 no", "Q9 yes", "", "Jack"]),
     A(Y, NO, Y, 7, L("bc"), Y, NO, NO, Y),
     note="Apple Mail on macOS (rich text): `Q1 yes` with no colon.")

case("21l_flowed_comment_apple_mail",
     N.apple_mac_plain("21l_flowed_comment_apple_mail", N.apple_mac_text(
         ["1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
          "10. The biggest practical problem here is that our out-of-hours GPs won't prescribe it, so patients discharged "
          "home on ketamine have to come back in when the supply runs out.", "", "Jack"])),
     A(Y, NO, Y, 6, L("b"), Y, NO, Y, Y,
       comment="The biggest practical problem here is that our out-of-hours GPs won't prescribe it, so patients discharged "
               "home on ketamine have to come back in when the supply runs out."),
     note="Apple Mail on macOS, plain text format=flowed DelSp=yes: the comment on 10 soft-broken over three lines (joined).")

# ======================= Thunderbird, Samsung, Yahoo =======================
TB_ANSWERS = {
    1: "Yes - a handful of times for refractory bone pain, always as a short course alongside the syringe driver",
    2: "No",
    3: "Yes - in one patient with myoclonus on high-dose hydromorphone we were able to reduce it by about a third",
    4: "7", 5: "b, c", 6: "Yes", 7: "No - it's on our to-do list for next year", 8: "Yes", 9: "Yes"}
case("21l_inline_flowed_thunderbird",
     C.thunderbird_flowed("21l_inline_flowed_thunderbird",
                          "Answers inline.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=TB_ANSWERS, prefix="> ") + "\n"),
     A(Y, NO, Y, 7, L("bc"), Y, NO, Y, Y),
     note="Thunderbird format=flowed: answers below each quoted Answer:, long reasons soft-broken.")

case("21l_paren_signature_thunderbird",
     C.thunderbird_flowed("21l_paren_signature_thunderbird",
                          "1) yes\n2) no\n3) no\n4) 2\n5) a\n6) no\n7) no\n8) yes\n9) yes\n\n-- \nDr Jack Clarke\n"
                          "Specialty Doctor, North Hospice\n0113 496 0721\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     A(Y, NO, NO, 2, L("a"), NO, NO, Y, Y),
     note="Thunderbird format=flowed: a `1) yes` list, then a `-- ` signature with a phone number, then the quote.")

case("21l_bare_commas_samsung",
     N.reply("21l_bare_commas_samsung", "samsung", top=["Y, N, Y, 6, BC, Y, Y, Y, Y", "", "Jack"]),
     A(INF(Y), INF(NO), INF(Y), INF(6), INF(L("bc")), INF(Y), INF(Y), INF(Y), INF(Y)),
     note="Samsung Email: nine bare answers in order on one line, no question numbers (inferred, to be confirmed).")

case("21l_full_stops_yahoo",
     C.yahoo("21l_full_stops_yahoo",
             ["1. Yes.", "2. Yes.", "3. Yes.", "4. 5.", "5. None.", "6. No.", "7. No.", "8. Yes.", "9. Yes.", "", "Jack Clarke"]),
     A(Y, Y, Y, 5, L("d"), NO, NO, Y, Y),
     note="Yahoo Mail: every answer ends with a full stop (`4. 5.` is 5); 'None.' is d) No barriers.")
