"""The cases of heldback21v (see tests/fixtures/heldback21v/README.md): a
representative sample of the lead's inbox over the whole collection period
(27 Nov - 30 Dec 2026). Each case imagines a different consultant,
specialty doctor or registrar in Jack Clarke's place, replying to his
invitation. Three small helpers of this set's own: A() (expected answers in
question order), at() (an explicit Date header) and dated() (one put
into a client's reply that takes none)."""
import datetime
import email.utils

from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403

Q = ["end_of_life", "early_adjuvant", "opioid_sparing", "confidence", "barriers",
     "written_protocol", "shared_guidance", "training", "research", "comments"]


def A(*values, status="ok", comment=None, other=None, skip=()):
    """Expected answers in question order: a plain value is `status`
    (ok, or inferred for bare answers), a dict is given as it is (UNCLEAR),
    None leaves the question out. `other` is barriers' Other text."""
    out = {}
    for qid, v in zip(Q, values):
        if v is None or qid in skip:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif status == "inferred":
            out[qid] = INF(v)
        elif qid == "barriers" and other is not None:
            out[qid] = ok(v, other)
        else:
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def dated(raw, name, date):
    """A client helper that takes no date: its Date header replaced."""
    old = f"Date: {reply_date(name)}".encode()
    assert raw.count(old) == 1
    return raw.replace(old, f"Date: {date}".encode(), 1)


def at(y, mo, d, hh, mm, ss=0):
    """An explicit Date header (UTC, = Europe/London in winter)."""
    return email.utils.format_datetime(datetime.datetime(y, mo, d, hh, mm, ss, tzinfo=datetime.timezone.utc))


U = UNCLEAR
T, F = True, False
N = "heldback21v_"

# ======================= Outlook 365 for Windows =======================

n = N + "clinic_list_win"
c10 = "We mostly use it as a CSCI on the inpatient unit; very little in the community."
case(n, outlook_win(n, top=[
    "Hello,", "", "My answers:", "1. Yes", "2. No", "3. Yes", "4. 8", "5. b", "6. Yes", "7. No", "8. No", "9. Yes",
    "10. " + c10, "", "Kind regards", "Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine",
    "North Hospice | Tel 01632 960 417"]),
    A(T, F, T, 8, ["evidence"], T, F, F, T, comment=c10),
    note="Outlook 365 for Windows: a consultant's numbered list '1. Yes' at the top with a comment on 10 and a signature with a phone number; all plainly given.")

n = N + "reasons_after_comma_win"
case(n, outlook_win(n, top=[
    "Answers as requested \u2013", "",
    "1. Yes, several times on the IPU",
    "2. No, I keep it for when opioids have run out of road",
    "3. Yes",
    "4. 6 \u2013 I still ring a colleague before I start it",
    "5. a, c",
    "6. Yes, reviewed in the spring",
    "7. No, it's pencilled in for 2027",
    "8. Yes",
    "9. Yes, without question",
    "", "Thanks", "Jack Clarke", "Specialty Doctor, Palliative Medicine"]),
    A(T, F, T, 6, ["expertise", "side_effects"], T, F, T, T),
    note="Outlook for Windows: a specialty doctor's numbered list, most answers followed by a short reason after a comma or an en dash; the reasons are not part of the answers ('No, that's on our list for 2027' is no).")

n = N + "on_lines_win"
c10 = "A regional teaching afternoon would be welcome."
case(n, outlook_win(n, top=["Answered in the form below.", "", "Jack"],
                    on_line={1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "a and b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes", 10: c10},
                    color="#7030A0"),
    A(T, T, F, 5, ["expertise", "evidence"], T, T, T, T, comment=c10),
    note="Outlook for Windows: answers typed in purple on each Answer: line of the unquoted original, the comment on 10's Answer: line; a one-line note above.")

n = N + "below_answer_reasons_win"
case(n, outlook_win(n, top=["Please see my answers in blue below.", "", "Jack Clarke", "ST7 Palliative Medicine"],
                    below={1: "Yes \u2013 chiefly for nerve pain in the last weeks of life",
                           2: "No",
                           3: "Yes \u2013 a few patients with opioid toxicity",
                           4: "7",
                           5: "c \u2013 hallucinations have put a couple of families off",
                           6: "No \u2013 we follow the acute trust's pain team protocol",
                           7: "No", 8: "No", 9: "Yes"},
                    color="#0070C0"),
    A(T, F, T, 7, ["side_effects"], F, F, F, T),
    note="Outlook for Windows: a senior registrar's answers in blue paragraphs below each Answer: of the original, several with a reason after an en dash ('No \u2013 we follow the acute trust's ... protocol' is his service's no).")

n = N + "after_question_caps_win"
case(n, outlook_win(n, top=["Replies in red after each question.", "", "JC"],
                    after_question={1: "YES", 2: "YES", 3: "YES", 4: "9", 5: "D", 6: "YES", 7: "YES", 8: "NO", 9: "YES"},
                    color="#C00000"),
    A(T, T, T, 9, ["none"], T, T, F, T),
    note="Outlook for Windows: answers in red capitals typed at the end of each question's own text (not on the Answer: lines); 'D' is No barriers.")

n = N + "yn_table_win"
c10 = "Keen to see the results \u2013 we are only just starting to use it."
rows = [("Question", "Response"), ("1", "Y"), ("2", "N"), ("3", "N"), ("4", "4"), ("5", "a, b, c"), ("6", "N"), ("7", "N"),
        ("8", "Y"), ("9", "Y"), ("10", c10)]
th, tt = word_table(rows, widths=[80, 400])
intro, sig = ["Hi \u2013 easier for me in a table:", ""], ["", "Jack Clarke", "StR Palliative Medicine (ST5)"]
case(n, outlook_win(n, top_html=word_paras(intro) + th + word_paras(sig), top_text="\n".join(intro) + "\n" + tt + "\n" + "\n".join(sig)),
    A(T, F, F, 4, ["expertise", "evidence", "side_effects"], F, F, T, T, comment=c10),
    note="Outlook for Windows: a two-column Word table (question number | response) with Y and N, three barrier letters and the comment in the row for 10.")

n = N + "trap_range_pharmacy_win"
case(n, outlook_win(n, top=[
    "1. Yes", "2. Yes", "3. Yes",
    "4. 5 on a bad day, 7 on a good one",
    "5. b",
    "6. Think we do? Our pharmacist would know for sure",
    "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(T, T, T, U, ["evidence"], U, F, T, T),
    note="TRAP. Outlook for Windows list: confidence as two numbers for bad and good days, and the protocol question answered with a guess as a question and a pointer to the pharmacist; both would be asked (unclear), the rest plainly given.")

n = N + "registrar_skips_service_win"
case(n, outlook_win(n, top=[
    "Dear audit group,", "", "1. Yes", "2. No", "3. No", "4. 3", "5. a", "8. Yes please", "9. Yes", "",
    "I've left 6 and 7 for our clinical lead, who will reply for the unit.", "", "Jack Clarke", "ST4 Palliative Medicine"]),
    A(T, F, F, 3, ["expertise"], None, None, T, T),
    note="Outlook for Windows: a junior registrar's list that leaves out the two service questions (6, 7), saying his lead will answer them; 6 and 7 missing, 'Yes please' is yes.")

n = N + "evening_prose_win"
raw = outlook_win(n, top=[
    "Dear Dr Rahman,", "",
    "Apologies for the delay. To take your questions in turn: I have used ketamine at the end of life on top of strong opioids, "
    "and I have also used it to bring opioid doses down when patients became toxic, but I have never started it early as an adjuvant.",
    "",
    "My confidence I'd put at 7 out of 10. The main thing holding me back is the lack of good evidence; side effects have not really "
    "been a problem in my hands.",
    "",
    "Our service does have a written protocol, and we developed shared guidance with the community teams last year.",
    "",
    "I don't think I need more training myself, but I am convinced more research is needed.",
    "", "Best wishes,", "Jack Clarke", "Consultant in Palliative Medicine"])
case(n, dated(raw, n, at(2026, 11, 30, 20, 47, 12)),
    A(T, F, T, 7, ["evidence"], T, T, F, T),
    note="Outlook for Windows, late evening: no numbers, every question answered in prose paragraphs in the survey's order (used at end of life and to reduce opioids, never early; 7 out of 10; evidence only, side effects explicitly not; protocol and shared guidance both yes; no training for himself; research yes).")

# ======================= Outlook plain text =======================

n = N + "plain_text_outlook"
case(n, outlook_text(n, "\n".join(["1) yes", "2) yes", "3) no", "4) 7/10", "5) b) lack of evidence", "6) yes", "7) no", "8) yes",
                                   "9) yes", "", "Jack", ""]) + "\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    A(T, T, F, 7, ["evidence"], T, F, T, T),
    note="Outlook in plain-text mode (-----Original Message-----): '1)' numbering, '7/10' is 7, 'b) lack of evidence' repeats the option's words.")

# ======================= Outlook on the web / NHSmail =======================

n = N + "nhsmail_dashes_owa"
case(n, owa(n, ["1 - Y", "2 - N", "3 - Y", "4 - 6", "5 - a", "6 - Y", "7 - Y", "8 - Y", "9 - N", "",
                "Jack Clarke | Consultant | North Hospice"], html_only=True,
            frm='"CLARKE, Jack (NORTH HOSPICE CARE TRUST)" <jack.clarke3@nhs.net>'),
    A(T, F, T, 6, ["expertise"], T, T, T, F),
    note="Outlook on the web from an NHSmail address (HTML only), read as his own: '1 - Y' with hyphens and single letters; 9 is a plain no.")

n = N + "on_lines_owa"
ol = {1: "Yes", 2: "No", 3: "No", 4: "2", 5: "a, b", 6: "No", 7: "No", 8: "Very keen, yes", 9: "Yes"}
case(n, owa(n, ["Hi, answers typed in below.", "", "Jack (ST3)"], original=inv_html(on_line=ol, color="#00B050"),
            original_text=inv_text(on_line=ol, prefix="")),
    A(T, F, F, 2, ["expertise", "evidence"], F, F, T, T),
    note="Outlook on the web: an early registrar's answers in green on the Answer: lines of the original below the divRplyFwdMsg block; 'Very keen, yes' is yes.")

n = N + "number_ranges_owa"
case(n, owa(n, ["1-3: yes", "4: 8", "5: b and c", "6-9: yes", "", "Thanks, Jack"]),
    A(T, T, T, 8, ["evidence", "side_effects"], T, T, T, T),
    note="Outlook on the web: question numbers given as ranges ('1-3: yes', '6-9: yes') for runs of the same answer; every question plainly answered.")

n = N + "trap_none_and_query_owa"
case(n, owa(n, ["1. Yes", "2. No", "3. Does a trial that I stopped after a day count?", "4. 7",
                "5. d \u2013 although a, honestly, for the oral route", "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Jack"]),
    A(T, F, U, 7, U, T, T, F, T),
    note="TRAP. Outlook on the web list: 3 answered with a question back (does a one-day trial count?), and 5 gives d (No barriers) and then a for the oral route; both would be asked (unclear).")

n = N + "colon_reasons_owa"
c10 = "Happy to share our protocol if that helps."
oth = "oral solution is a nightmare to source in the community"
case(n, owa(n, ["1: Yes \u2013 mostly for neuropathic cancer pain", "2: No", "3: Yes \u2013 twice this year", "4: 7",
                "5: e \u2013 " + oth, "6: Yes", "7: No \u2013 not yet", "8: Yes", "9: Yes", "10: " + c10, "", "Regards", "Jack"]),
    A(T, F, T, 7, ["other"], T, F, T, T, comment=c10, other=oth),
    note="Outlook on the web: '1: Yes \u2013 reason' with colons; 5 is e) Other with its text after the en dash; 'No \u2013 not yet' is no; comment on 10.")

n = N + "one_line_owa"
case(n, owa(n, ["1 y / 2 n / 3 y / 4: 7 / 5 b / 6 y / 7 n / 8 y / 9 y", "", "J"]),
    A(T, F, T, 7, ["evidence"], T, F, T, T),
    note="Outlook on the web: all nine answers on one short line, numbered, separated by slashes.")

n = N + "forgot_comment_owa"
c10 = ("Our biggest problem is getting ketamine to patients at home over a weekend; shared guidance with community "
       "pharmacies would help more than anything.")
case(n, owa(n, ["Sorry \u2013 meant to fill in the comments box this morning.", "", "10. " + c10, "", "Jack"],
            date=at(2026, 12, 15, 19, 58, 31)),
    A(None, None, None, None, None, None, None, None, None, comment=c10),
    note="Outlook on the web, the evening after his morning reply from the iPhone (morning_list_iphone): only the comment, numbered 10; the nine answers are in the other message (missing here).")

# ======================= Outlook for iOS / Android / Mac =======================

n = N + "between_patients_ios_outlook"
case(n, outlook_mobile(n, ["Quickly between patients:", "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. None", "6. Yes", "7. No", "8. No",
                           "9. Yes", "J Clarke"], platform="iOS"),
    A(T, T, T, 8, ["none"], T, F, F, T),
    note="Outlook for iOS (base64): a short numbered list sent between patients; 'None' for 5 is d) No barriers.")

n = N + "dashes_ios_outlook"
c10 = "Mostly I see it started by the consultants rather than starting it myself."
case(n, outlook_mobile(n, ["1 - Yes", "2 - No", "3 - No", "4 - 4", "5 - a + b", "6 - Yes", "7 - No", "8 - Yes", "9 - Yes",
                           "10 - " + c10], platform="iOS"),
    A(T, F, F, 4, ["expertise", "evidence"], T, F, T, T, comment=c10),
    note="Outlook for iOS: a specialty doctor's '1 - Yes' list, barriers 'a + b', a comment after '10 -'.")

n = N + "android_outlook"
case(n, outlook_mobile(n, ["Answers:", "1. yes", "2. no", "3. yes", "4. 9", "5. b", "6. yes", "7. yes", "8. no", "9. yes"],
                       platform="Android"),
    A(T, F, T, 9, ["evidence"], T, T, F, T),
    note="Outlook for Android (base64): 'Answers:' and a lower-case numbered list.")

n = N + "mac_outlook"
case(n, reply(n, "outlook_mac", top=["Dear all,", "", "1. Yes", "2. Yes", "3. Yes", "4. 10", "5. d", "6. Yes", "7. Yes", "8. No",
                                     "9. Yes", "", "Best wishes", "Jack Clarke", "Consultant, Palliative Medicine"]),
    A(T, T, T, 10, ["none"], T, T, F, T),
    note="Outlook for Mac (Word HTML and text, original below a From/Date block): a numbered list; 4 is the top of the scale (10), 5 is d.")

# ======================= Gmail =======================

n = N + "kind_regards_gmail"
c10 = ("As a specialty doctor in a small hospice we rarely use it, which is probably the main reason I lack confidence.")
case(n, gmail_top(n, ["Hello,", "", "1. Yes", "2. No", "3. No", "4. 5", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "10. " + c10],
                  sign=("Kind regards,", "Jack")),
    A(T, F, F, 5, ["expertise"], F, F, T, T, comment=c10),
    note="Gmail web: a numbered list with a comment on 10 and a sign-off, the original quoted below.")

n = N + "inline_gmail"
case(n, reply(n, "gmail_web", top=["Answers inline below.", "", "Jack"],
              answers={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b, c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes", 10: "Thanks for doing this."}),
    A(T, F, T, 6, ["evidence", "side_effects"], T, F, T, T, comment="Thanks for doing this."),
    note="Gmail web: answers typed unquoted below each quoted Answer: (the quote split at each question), 10's text as the comment.")

n = N + "two_noes_gmail"
case(n, gmail_top(n, ["Only two noes from me: I haven't used it early on as an adjuvant, and we've no shared community guidance. Everything else is a yes. Confidence 6/10, barrier c."], sign=("Thanks,", "Jack")),
    A(T, F, T, 6, ["side_effects"], T, F, T, T),
    note="Gmail web: a short summary without numbers for the yes/no questions: the two noes named by their topics (early adjuvant use, 2; shared community guidance, 7), everything else yes; confidence 6/10; barrier c. All plainly given.")

n = N + "trap_lapsed_protocol_gmail"
case(n, gmail_top(n, ["1. Yes", "2. Sort of \u2013 once in clinic, though it was hardly early in his illness", "3. Yes", "4. 7",
                      "5. a, b", "6. We had one, but it expired in the summer and the new version is still waiting for sign-off",
                      "7. No", "8. Yes", "9. Yes"], sign=("Jack",)),
    A(T, U, T, 7, ["expertise", "evidence"], U, F, T, T),
    note="TRAP. Gmail web list: 'Sort of' for 2 with a doubt whether his one use was early, and a protocol that expired with its rewrite not signed off for 6; both would be asked (unclear).")

n = N + "bare_lines_gmail_android"
case(n, gmail_top(n, ["Yes", "Yes", "No", "7", "b", "Yes", "No", "Yes", "Yes"], sign=("J",), android=True),
    A(T, T, F, 7, ["evidence"], T, F, T, T, status="inferred"),
    note="Gmail for Android: nine bare answers one per line, no numbers and no introduction; read in order, to be confirmed (inferred).")

n = N + "q_colon_gmail_android"
c10 = "It works well for us and I think the evidence gap is overstated."
case(n, gmail_top(n, ["Q1: yes", "Q2: yes", "Q3: yes", "Q4: 8", "Q5: c", "Q6: yes", "Q7: yes", "Q8: no", "Q9: no", "Q10: " + c10],
                  sign=("Cheers", "Jack"), android=True),
    A(T, T, T, 8, ["side_effects"], T, T, F, F, comment=c10),
    note="Gmail for Android: 'Q1: yes' labels; 9 is no (research not needed) and the comment after 'Q10:'.")

n = N + "list_gmail_ios"
case(n, reply(n, "gmail_ios", top=["1. Yes", "2. No", "3. Yes", "4. 7", "5. B & C", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(T, F, T, 7, ["evidence", "side_effects"], F, F, T, T),
    note="Gmail for iOS: a plain numbered list; barriers 'B & C'.")

n = N + "one_line_gmail_ios"
case(n, reply(n, "gmail_ios", top=["1 y, 2 y, 3 n, 4 5, 5 a+b, 6 y, 7 y, 8 y, 9 y"]),
    A(T, T, F, 5, ["expertise", "evidence"], T, T, T, T),
    note="Gmail for iOS: all nine on one line, number then answer separated by commas ('4 5' is confidence 5, '5 a+b' the barriers).")

# ======================= Apple =======================

n = N + "short_reasons_iphone"
case(n, iphone(n, ["1. Yes, regularly", "2. Never", "3. Yes, occasionally", "4. 8/10", "5. Lack of evidence", "6. Yes", "7. Yes",
                   "8. No thanks", "9. Yes"]),
    A(T, F, T, 8, ["evidence"], T, T, F, T),
    note="iPhone Mail: a numbered list with word answers: 'Never' is no, 'No thanks' is no, '8/10' is 8, barriers by the option's words.")

n = N + "comma_line_iphone"
case(n, iphone(n, ["yes, yes, no, 6, b, yes, no, yes, yes"]),
    A(T, T, F, 6, ["evidence"], T, F, T, T, status="inferred"),
    note="iPhone Mail: nine bare answers on one line separated by commas, no numbers; read in order, to be confirmed (inferred).")

n = N + "trap_team_not_me_iphone"
case(n, iphone(n, ["1. The team has \u2013 whether I was the prescriber I honestly couldn't say", "2. No",
                   "3. Possibly once, can't recall the reason", "4. 4", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes"]),
    A(U, F, U, 4, ["expertise"], T, F, T, T),
    note="TRAP. iPhone Mail list: 1 answered for his team with no idea whether he prescribed it himself, 3 'possibly once' with the reason forgotten; both would be asked (unclear).")

n = N + "morning_list_iphone"
case(n, iphone(n, ["1 yes", "2 yes", "3 no", "4 6", "5 b c", "6 yes", "7 no", "8 yes", "9 yes"], date=at(2026, 12, 15, 7, 41, 9)),
    A(T, T, F, 6, ["evidence", "side_effects"], T, F, T, T),
    note="iPhone Mail, early morning: number and answer separated by a space only ('4 6' is confidence 6, '5 b c' two barriers); his comment came that evening from Outlook on the web (forgot_comment_owa).")

n = N + "ipad_list"
c10 = "Starting as a new consultant in January so this is timely."
case(n, iphone(n, ["Hi Asha,", "", "1 \u2013 yes", "2 \u2013 no", "3 \u2013 no", "4 \u2013 3", "5 \u2013 a, b, c", "6 \u2013 no",
                   "7 \u2013 no", "8 \u2013 yes", "9 \u2013 yes", "10 \u2013 " + c10, "", "Jack"],
               tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
    A(T, F, F, 3, ["expertise", "evidence", "side_effects"], F, F, T, T, comment=c10),
    note="iPad Mail: '1 \u2013 yes' with en dashes, three barriers, a comment after '10 \u2013'.")

n = N + "rich_semicolons_apple_mac"
case(n, apple_mac(n, ["Dear Dr Rahman,", "", "1. Yes; only on the inpatient unit", "2. No",
                      "3. Yes; usually after an opioid switch has failed", "4. 6", "5. b; the trials are small", "6. Yes",
                      "7. No; the district teams work from the hospital's guideline", "8. Yes", "9. Yes", "", "With best wishes,",
                      "Jack Clarke"]),
    A(T, F, T, 6, ["evidence"], T, F, T, T),
    note="Apple Mail on macOS, rich text: a numbered list with reasons after semicolons; the reasons are not answers.")

n = N + "evening_flowed_apple_mac"
c10 = ("It would be useful to have a regional register of patients started on ketamine so we could learn from each "
       "other's experience.")
lines = ["Hello Asha,", "", "Sorry this is late \u2013 a long week. Answers with a bit of context:", "",
         "1. Yes. Mostly as a last resort for patients with escalating neuropathic pain in their final days, alongside a "
         "syringe driver of oxycodone or alfentanil.",
         "2. No. I haven't found a situation where I'd reach for it before optimising opioids and the usual adjuvants.",
         "3. Yes, perhaps half a dozen times, usually when someone has become drowsy and myoclonic on high doses.",
         "4. 7",
         "5. Side effects mostly, and the thin evidence too \u2013 so c and b.",
         "6. Yes.", "7. No.",
         "8. Yes \u2013 especially on the newer oral regimens.",
         "9. Yes; the trial data don't reflect what we see on the ward.",
         "10. " + c10, "", "Best,", "Jack"]
case(n, apple_mac_plain(n, apple_mac_text(lines), date=at(2026, 12, 20, 21, 12, 40)),
    A(T, F, T, 7, ["evidence", "side_effects"], T, F, T, T, comment=c10),
    note="Apple Mail on macOS, plain text format=flowed DelSp=yes, a Sunday evening: long answers each starting with its value, long lines soft-broken; 5 named in words then as 'c and b'; the comment as one line.")

# ======================= Thunderbird, Samsung, Yahoo =======================

n = N + "bottom_post_thunderbird"
text = (WROTE_TB + "\n" + quote(INV_TEXT) + "\n\n" +
        "\n".join(["1. yes", "2. yes", "3. yes", "4. 9", "5. d", "6. yes", "7. yes", "8. no", "9. yes", "", "-- ",
                   "Dr Jack Clarke", "Consultant in Palliative Medicine"]) + "\n")
case(n, thunderbird_flowed(n, text),
    A(T, T, T, 9, ["none"], T, T, F, T),
    note="Thunderbird, text only, format=flowed: the list typed below the whole quoted invitation (bottom-posting), a '-- ' signature after it.")

n = N + "trap_contradiction_tb_html"
c10 = "Our shared guidance for the community nurses has made starting it at home far easier."
case(n, reply(n, "tb115", top=["1. Yes", "2. No", "3. Yes", "4. 6", "5. b, maybe c as well", "6. Yes", "7. No", "8. Yes", "9. Yes",
                               "10. " + c10, "", "Jack"]),
    A(T, F, T, 6, U, T, U, T, T, comment=c10),
    note="TRAP. Thunderbird (HTML with flowed text): 5 'b, maybe c as well' (a hedge on c), and 7 'No' contradicted by his comment praising the service's shared guidance for the community nurses; both would be asked (unclear); the comment is his.")

n = N + "inline_flowed_thunderbird"
c10 = "Would be good to include nurse prescribers in any training that comes out of this, as they are often the ones titrating it."
text = (WROTE_TB + "\n" + text_inline(answers={1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
                                               10: c10}) + "\n\nJack\n")
case(n, thunderbird_flowed(n, text),
    A(T, T, F, 5, ["expertise"], T, F, T, T, comment=c10),
    note="Thunderbird, text only, format=flowed: answers typed unquoted below each quoted Answer:, the long comment below 10's soft-broken.")

n = N + "list_samsung"
case(n, reply(n, "samsung", top=["1.Yes", "2.No", "3.No", "4.7", "5.b", "6.Yes", "7.Yes", "8.Yes", "9.Yes"]),
    A(T, F, F, 7, ["evidence"], T, T, T, T),
    note="Samsung Email (base64, original unquoted below its header block): '1.Yes' with no space after the number; '4.7' is question 4's 7.")

n = N + "trap_dont_know_samsung"
case(n, reply(n, "samsung", top=["1 Yes", "2 Yes", "3 Yes", "4 6 or 7", "5 a", "6 Yes", "7 Yes", "8 Depends what's on offer", "9 Yes"]),
    A(T, T, T, U, ["expertise"], T, T, U, T),
    note="TRAP. Samsung Email list: confidence '6 or 7', and training 'depends what's on offer'; both would be asked (unclear).")

n = N + "list_yahoo"
oth = "cost, the ICB won't fund it outside hospital"
case(n, yahoo(n, ["1. Yes", "2. Yes", "3. Yes", "4. 8", "5. e) " + oth, "6. Yes", "7. No", "8. No", "9. Yes", "", "Jack Clarke"]),
    A(T, T, T, 8, ["other"], T, F, F, T, other=oth),
    note="Yahoo Mail: a numbered list; 5 is e) Other with its text after the letter.")
