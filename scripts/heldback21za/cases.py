"""The cases of heldback21za (see tests/fixtures/heldback21za/README.md):
42 replies to Jack Clarke's invitation, 3-23 Dec 2026, from consultants,
specialty doctors and registrars in hospices and hospital teams, each
imagined in his place. Two small helpers of this set's own: expected
answers in question order (E, INFS) and an explicit Date header (dated);
plus one client variant (Outlook for Windows with options highlighted
in the Word HTML)."""
import datetime, email.utils, re
from lib import *
from clients import *
from clients_new import *

Y, N = True, False
U = UNCLEAR
LETTER = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def L(letters):
    return [LETTER[c] for c in letters]


def E(*vals):
    """Expected answers in question order: True/False, a number, barrier
    letters ('bc'), the comment; a dict is used as it is; None skips."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif qid == "barriers":
            out[qid] = ok(L(v))
        else:
            out[qid] = ok(v)
    return out


def INFS(*vals):
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = INF(L(v)) if qid == "barriers" else INF(v)
    return out


def OTHER(letters, text):
    return ok(L(letters), other=text)


def D(day, hh, mm, ss=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


def dated(raw, date):
    return re.sub(rb"^Date: [^\r\n]*", b"Date: " + date.encode(), raw, count=1, flags=re.M)


def C(short):
    return "heldback21za_" + short


def outlook_win_highlight(name, top, on_line, highlight, color="#1F3864"):
    """Outlook 365 for Windows with answers on the Answer: lines and the
    chosen options of question 5 highlighted in yellow (Word's text
    highlighter: only the HTML shows it)."""
    span = lambda a: f'<span style="color:{color}">' + esc(a) + "</span>"
    original_html = word_original(on_answer={q: " " + span(a) for q, a in on_line.items()})
    for letter in highlight:
        original_html = re.sub(r"(color:#222222)('>" + letter + r"\) )", r"\1;background:yellow;mso-highlight:yellow\2", original_html, count=1)
    original_text = flat_text(on_answer=on_line)
    html = OUTLOOK_HEAD + word_paras(top) + OUTLOOK_FROM_HTML + original_html + "\n</div>\n</body>\n</html>\n"
    text = "\n".join(top) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + original_text + "\n"
    b = boundary("_000_CWLP265MB", name, 20) + "CWLP265MB3217GBRP_"
    body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
    headers = [f"Thread-Topic: {SUBJECT}", f"Thread-Index: AQHc{h(name, 20, 'ow')}==",
               "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"]
    return message(name, headers, body, crlf=True,
                   msgid=f"<CWLP265MB{h(name, 12).upper()}{h(name, 10, 'x').upper()}@CWLP265MB3217.GBRP265.PROD.OUTLOOK.COM>")


# ======================= Outlook 365 for Windows (9) =======================
n = C("hospice_morning_win")
c10 = "Good luck pulling it all together."
case(n, outlook_win(n, top=[
    "Hi Asha,", "", "Quick answers before I head home:", "",
    "1.) Yes",
    "2.) No \u2013 I keep it for pain that has clearly outrun the opioids",
    "3.) Yes", "4.) 8", "5.) b, c", "6.) Yes",
    "7.) Yes \u2013 the district nurses hold a copy",
    "8.) Yes, always something to pick up",
    "9.) Yes",
    "10.) " + c10, "",
    "Best wishes", "Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice | 01632 960 417"]),
    E(Y, N, Y, 8, "bc", Y, Y, Y, Y, c10),
    note="Hospice consultant, Outlook for Windows: numbered list on top with '1.)' labels, short reasons after an en dash or comma ('No – I keep it for ...' is no), a comment at 10, signature with a phone number.")

n = C("green_on_lines_win")
c10 = "Our pharmacy only stocks the 50 mg/ml vials, so every oral dose means a dilution on the ward."
case(n, outlook_win(n, top=["Answers in green on the form below.", "", "Jack", "Specialty Doctor, Ashgrove Hospice"],
                    on_line={1: "Yes", 2: "Yes, half a dozen times or so", 3: "No", 4: "6", 5: "a and b", 6: "Yes", 7: "No",
                             8: "Yes \u2013 I'd find it useful", 9: "Yes", 10: c10}, color="#2E7D32"),
     E(Y, Y, N, 6, "ab", Y, N, Y, Y, c10),
     note="Outlook for Windows: answers typed in green on each Answer: line of the unquoted original, 'Yes, half a dozen times or so' (yes), 'a and b', a comment on 10's Answer: line.")

n = C("below_lines_registrar_win")
case(n, outlook_win(n, top=["Dear Dr Rahman,", "", "My answers are underneath each question.", "", "Kind regards,", "Jack Clarke",
                            "ST6 Palliative Medicine, Hospital Palliative Care Team, City General"],
                    below={1: "Yes, twice this year on the oncology ward", 2: "No", 3: "Yes", 4: "5", 5: "a, b",
                           6: "Yes \u2013 it's on the trust intranet under the pain guidelines", 7: "No", 8: "Yes", 9: "Yes"},
                    color="#0070C0"),
     E(Y, N, Y, 5, "ab", Y, N, Y, Y),
     note="Registrar (ST6) in a hospital team, Outlook for Windows: answers in blue paragraphs below each Answer: line, 10 left empty (no comment); the trust's intranet guideline is his service's written protocol (yes).")

n = C("after_question_caps_win")
case(n, outlook_win(n, top=["See capitals in red next to each question.", "", "J. Clarke", "Consultant, Palliative Medicine, Greyfriars Hospice"],
                    after_question={1: "YES", 2: "NO", 3: "YES", 4: "7", 5: "C", 6: "YES", 7: "YES", 8: "NO", 9: "YES", 10: "NONE"},
                    color="#C00000"),
     E(Y, N, Y, 7, "c", Y, Y, N, Y),
     note="Outlook for Windows: answers in red capitals typed at the end of each question's own text (not on the Answer: lines); 5 'C'; 10 'NONE' is no comment.")

n = C("spaced_colons_win")
c10 = "Happy to help draft the regional guidance if you need hands."
case(n, outlook_win(n, top=[
    "Asha \u2013 answers as requested", "",
    "1 : Yes", "2 : Yes", "3 : Yes",
    "4 : 9 \u2013 I've been giving it for the best part of twenty years",
    "5 : d", "6 : Yes", "7 : Yes",
    "8 : No \u2013 I run the local teaching on it",
    "9 : Yes",
    "10 : " + c10,
    "Jack", "", "Dr J Clarke FRCP", "Medical Director, Hollybank Hospice"]),
    E(Y, Y, Y, 9, "d", Y, Y, N, Y, c10),
    note="Hospice medical director, Outlook for Windows: list with a space either side of the colon ('1 : Yes'), '4 : 9 – ...' with a reason, 'd' (No barriers), 'No – I run the local teaching on it' (no); the comment at 10 has his first name on the very next line (not part of it).")

n = C("highlighted_options_win")
case(n, outlook_win_highlight(n, ["Hi, answers on the form \u2013 I've highlighted my barriers.", "", "Jack",
                                  "Consultant, Palliative Care, Riverside Hospital"],
                              on_line={1: "Yes", 2: "No", 3: "Yes", 4: "7", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}, highlight="bc"),
     E(Y, N, Y, 7, "bc", N, N, Y, Y),
     note="Hospital consultant, Outlook for Windows: answers on the Answer: lines; for 5 the options b) and c) highlighted in yellow with Word's highlighter (only the HTML shows it) and 5's Answer: line left empty: b and c, as the message shows them.")

n = C("hospital_team_win")
c10 = "We see far more ketamine started by the acute pain team than by us these days."
case(n, outlook_win(n, top=[
    "Asha", "", "From the hospital team side:", "",
    "Q1 \u2013 Yes",
    "Q2 \u2013 Yes (mostly neuropathic pain on the oncology ward)",
    "Q3 \u2013 Yes", "Q4 \u2013 7", "Q5 \u2013 b and c",
    "Q6 \u2013 No \u2013 we work from the hospice's document",
    "Q7 \u2013 No", "Q8 \u2013 Yes",
    "Q9 \u2013 Yes, particularly in non-cancer pain",
    "Q10 \u2013 " + c10,
    "Thanks, J", "", "Dr Jack Clarke", "Consultant, Hospital Specialist Palliative Care Team", "Bleep 2281"]),
    E(Y, Y, Y, 7, "bc", N, N, Y, Y, c10),
    note="Hospital support team consultant, Outlook for Windows: 'Q1 – Yes' labels, a reason in brackets, 'No – we work from the hospice's document' is his service's no; comment at Q10 with 'Thanks, J' on the next line (not part of it).")

n = C("same_again_win")
case(n, outlook_win(n, top=[
    "Morning,", "",
    "1. Yes", "2. No", "3. Yes",
    "4. 7 (a year ago I'd have said 9 \u2013 I've had less of it since moving posts)",
    "5. a, c", "6. Yes", "7. Same again", "8. Yes", "9. Likewise", "",
    "Regards", "Jack Clarke", "Specialty Doctor", "St Brigid's Hospice"]),
    E(Y, N, Y, 7, "ac", Y, Y, Y, Y),
    note="Specialty doctor, Outlook for Windows: numbered list, 'Same again' for 7 and 'Likewise' for 9 (each the same as the yes above it), a confidence of 7 with what it used to be in brackets (7).")

n = C("trap_rusty_win")
case(n, outlook_win(n, top=[
    "Hi Asha,", "",
    "1. Yes", "2. Yes", "3. Yes",
    "4. I'd have said 8 before my two years out on research \u2013 honestly no idea where I'd put myself now",
    "5. a", "6. Yes",
    "7. We send ours to the district nurses informally when they ask \u2013 not sure that's what you mean by shared guidance",
    "8. Yes", "9. Yes", "",
    "Cheers", "Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine", "Meadowview Hospice"]),
    E(Y, Y, Y, U, "a", Y, U, Y, Y),
    note="TRAP. Outlook for Windows list: 4 is a past confidence ('I'd have said 8 before ...') with 'no idea' about now (unclear); 7 an informal sending on request he doubts counts as shared guidance (unclear). The rest plain.")

# ======================= Outlook on the web / NHSmail (7) =======================
n = C("nhsmail_html_owa")
c10 = "We only see a handful of patients a year who need it, which is part of the problem."
case(n, owa(n, ["Apologies, sending from NHSmail \u2013 the hospice server keeps bouncing my replies.", "",
                "1. Yes", "2. No", "3. No", "4. 5", "5. b", "6. No", "7. No",
                "8. Yes, I'd go on a course tomorrow", "9. Yes",
                "10. " + c10, "", "Jack Clarke", "Specialty Doctor, Riverside Hospice Care"],
            html_only=True, frm='"CLARKE, Jack (RIVERSIDE HOSPICE CARE)" <jack.clarke4@nhs.net>'),
     E(Y, N, N, 5, "b", N, N, Y, Y, c10),
     note="From his NHSmail address (OWA, HTML only, 'SURNAME, First (ORGANISATION)'), read as his own: numbered list, 'Yes, I'd go on a course tomorrow' (yes), comment at 10; the apology at the top is not a comment.")

ol = {1: "yes", 2: "yes", 3: "no \u2013 haven't needed to", 4: "7 of 10", 5: "b, c", 6: "yes", 7: "yes", 8: "no", 9: "yes",
      10: "Would be good to see a regional list of which pharmacies hold oral ketamine."}
n = C("on_lines_owa")
case(n, owa(n, ["Answers in purple.", "", "Jack"], original=inv_html(on_line=ol, color="#7030A0"),
            original_text=inv_text(on_line=ol, prefix="")),
     E(Y, Y, N, 7, "bc", Y, Y, N, Y, ol[10]),
     note="OWA: answers in purple on each Answer: line of the original below the From/Sent block, lower case, '7 of 10', 'no – haven't needed to' (no), a comment on 10's line.")

n = C("paren_numbers_owa")
case(n, owa(n, ["Hi Dr Rahman,", "",
                "(1) Yes", "(2) No", "(3) Yes", "(4) 4 \u2013 still very much learning", "(5) a", "(6) Yes", "(7) No", "(8) Yes", "(9) Yes", "",
                "Many thanks,", "Jack", "", "Dr Jack Clarke | ST4 Palliative Medicine",
                "Hospital Palliative Care Team, Westfield General | Bleep 6612"]),
     E(Y, N, Y, 4, "a", Y, N, Y, Y),
     note="Registrar (ST4), OWA: numbers in brackets ('(1) Yes'), a confidence of 4 with a reason, no 10, signature with a bleep.")

n = C("aye_owa")
case(n, owa(n, ["1. Aye", "2. No", "3. Aye", "4. 6", "5. B, C", "6. Aye, updated last spring", "7. No", "8. Aye", "9. Aye",
                "10. \u2013", "", "J"]),
     E(Y, N, Y, 6, "bc", Y, N, Y, Y),
     note="OWA, brief: 'Aye' for yes throughout, 'B, C', 'Aye, updated last spring' (yes); 10 a bare dash is no comment.")

n = C("reasons_owa")
c10 = "It would help if the regional guidance covered stopping it as well as starting it."
case(n, owa(n, ["Dear Asha,", "", "Happy to help. My answers:", "",
                "1. Yes. Mostly in the last days of life when a syringe driver of oxycodone and midazolam wasn't holding things.",
                "2. No. I've never reached for it that early.",
                "3. Yes, once or twice when someone was clearly opioid toxic but still in pain.",
                "4. 6. I'm fine with the syringe driver but would want advice for oral.",
                "5. a and c \u2013 partly my own inexperience, partly the hallucinations I've seen.",
                "6. Yes, we have one, reviewed in 2025.",
                "7. No.", "8. Yes.",
                "9. Yes \u2013 particularly on oral dosing.",
                "10. " + c10, "",
                "Kind regards,", "Jack", "", "Dr Jack Clarke", "Specialty Doctor in Palliative Medicine", "Larchfield Hospice"]),
     E(Y, N, Y, 6, "ac", Y, N, Y, Y, c10),
     note="Specialty doctor, OWA: each answer followed by a sentence of reason ('4. 6. I'm fine ...' is 6; 'a and c – partly ...'), full stops after the answers, a comment at 10.")

n = C("pair_first_owa")
case(n, owa(n, ["Hi Asha,", "", "1 - Yes", "2 - Yes", "3 - Yes", "4 - 8", "5 - c", "6 - No", "7 - No", "8 - Yes", "9 - Yes", "",
                "Best,", "Jack"], date=D(10, 8, 12, 41)),
     E(Y, Y, Y, 8, "c", N, N, Y, Y),
     note="First of a pair (Thu 10 Dec 08:12, OWA): a complete plain list with 6 'No'; the correction comes from his phone at 10:47 (pair_correction_ios_outlook). This message is read as it stands.")

n = C("trap_hand_on_heart_owa")
case(n, owa(n, ["Asha,", "",
                "1. Yes", "2. Couldn't say hand on heart", "3. Yes", "4. 7", "5. b, c",
                "6. There's a ketamine document from 2019 on the shared drive \u2013 whether anyone still follows it I couldn't tell you",
                "7. No", "8. Yes", "9. Yes", "",
                "Jack Clarke", "Specialty Doctor, Fernbrook Hospice"]),
     E(Y, U, Y, 7, "bc", U, N, Y, Y),
     note="TRAP. OWA list: 2 'Couldn't say hand on heart' (unclear); 6 an old document on the shared drive he cannot say is still followed (unclear). The rest plain.")

# ======================= Outlook for iOS / Android, Mac, plain text (5) =======================
n = C("pair_correction_ios_outlook")
case(n, dated(outlook_mobile(n, ["Sorry, one correction to what I sent this morning \u2013 6 should be Yes. Forgot ours went through the drugs and therapeutics committee in October.",
                                 "", "Jack"], platform="iOS"), D(10, 10, 47, 5)),
     {"written_protocol": ok(True)},
     note="Second of the pair (Thu 10 Dec 10:47, Outlook for iOS): only a correction of 6 to Yes with its reason; this message answers 6 alone (the rest missing).")

n = C("between_visits_ios_outlook")
case(n, outlook_mobile(n, ["Between home visits so brief:", "1 Yes", "2 No", "3 Yes", "4 7", "5 BC", "6 Yes", "7 Yes", "8 Yes", "9 Yes", "Jack"],
                       platform="iOS"),
     E(Y, N, Y, 7, "bc", Y, Y, Y, Y),
     note="Outlook for iOS (base64), between home visits: number and answer separated by a space only, barriers 'BC' run together (b and c), no 10; the aside is not a comment.")

n = C("android_outlook")
c10 = "Can we have the results at the regional meeting in the spring?"
case(n, outlook_mobile(n, ["1. Yes", "2. Yes", "3. No", "4. An 8", "5. a", "6. Yes",
                           "7. Yes \u2013 the community nurses had a hand in writing it",
                           "8. No \u2013 it's the registrars who need it, not me",
                           "9. Yes", "10. " + c10, "Jack"], platform="Android"),
     E(Y, Y, N, 8, "a", Y, Y, N, Y, c10),
     note="Outlook for Android (base64): confidence as 'An 8' (8), 'No – it's the registrars who need it, not me' is his own no, a comment with his name on the next line (not part of it).")

n = C("prose_outlook_mac")
case(n, reply(n, "outlook_mac", top=[
    "Hi Asha,", "",
    "In short: yes to ketamine at the end of life and for cutting opioid doses, but I haven't used it early on alongside the opioids. "
    "I'd rate my confidence at 6. The barriers for me are the evidence and the side effects. We have a written protocol; nothing shared "
    "with the community teams yet. Yes to more training and yes to more research.", "",
    "Jack", "Consultant, Palliative Medicine, Kingsmead Hospice"]),
    E(Y, N, Y, 6, "bc", Y, N, Y, Y),
    note="Outlook for Mac: one paragraph of prose answering every question by topic in the survey's order without numbers (1 and 3 yes, 2 no, 6, evidence and side effects, protocol yes, community guidance no, training and research yes); no comment.")

ol = {1: "YES", 2: "YES", 3: "NO", 4: "5", 5: "A, B", 6: "NO", 7: "NO", 8: "YES", 9: "YES",
      10: "PLEASE SHARE THE RESULTS WITH THE HOSPICE NETWORK."}
n = C("caps_on_lines_plain_outlook")
case(n, outlook_text(n, "Answers typed in below.\n\nJack Clarke\nSpecialty Doctor, Palliative Medicine\nSt Cuthbert's Hospice\n\n"
                     + ORIGINAL_MESSAGE + "\n" + inv_text(on_line=ol, prefix="") + "\n"),
     E(Y, Y, N, 5, "ab", N, N, Y, Y, ol[10]),
     note="Outlook plain text ('-----Original Message-----', original unquoted): answers in capitals on each Answer: line, 'A, B', a comment in capitals on 10's line.")

# ======================= Gmail (8) =======================
n = C("double_hyphen_gmail")
c10 = "Glad someone is finally looking at this."
case(n, gmail_top(n, ["Hi Asha", "", "1 -- yes", "2 -- no", "3 -- yes", "4 -- 7", "5 -- b", "6 -- yes", "7 -- no", "8 -- yes", "9 -- yes",
                      "10 -- " + c10], sign=("Thanks,", "Jack")),
     E(Y, N, Y, 7, "b", Y, N, Y, Y, c10),
     note="Gmail web: numbered list with a double hyphen ('1 -- yes'), lower case, a comment at 10.")

c10 = "Thanks for doing this."
n = C("inline_gmail")
case(n, reply(n, "gmail_web", top=["Answers under each one.", "", "Jack"],
              answers={1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "b and c", 6: "Yes", 7: "Yes",
                       8: "No \u2013 did the regional course last year", 9: "Yes", 10: c10}),
     E(Y, N, Y, 8, "bc", Y, Y, N, Y, c10),
     note="Gmail web, split quote: answers unquoted below each quoted Answer:, 'No – did the regional course last year' (no), a comment below 10's Answer:.")

n = C("trap_trial_gmail")
case(n, gmail_top(n, ["Hi Asha,", "",
                      "1. Yes",
                      "2. Only within the cancer centre's ketamine study, where the protocol decided the timing rather than me \u2013 your call whether to include it",
                      "3. Yes", "4. 6", "5. b", "6. Yes", "7. Yes",
                      "8. I'd say no; my educational supervisor would say yes",
                      "9. Yes"], sign=("Best,", "Jack", "ST7 Palliative Medicine, Oakwood Hospice")),
     E(Y, U, Y, 6, "b", Y, Y, U, Y),
     note="TRAP. Gmail web, registrar (ST7): 2 only inside a study whose protocol set the timing, leaving it to the lead whether it counts (unclear); 8 'I'd say no; my educational supervisor would say yes' (unclear). The rest plain.")

c10 = ("I suspect you'll find enormous variation between hospices, and much of it comes down to one or two enthusiasts in each place.")
n = C("evening_long_gmail")
case(n, gmail_top(n, ["Asha,", "",
                      "Sorry this is late \u2013 the kids are finally in bed so here goes.", "",
                      "1. Yes. Several times over the years, almost always in the last week or two of life when nothing else was touching the pain.",
                      "2. No. I've thought about it for patients with obvious neuropathic pain early on, but it has never got past the thinking stage.",
                      "3. Yes. This is probably where I use it most \u2013 bringing the opioid down in someone who is drowsy and twitchy but still sore.",
                      "4. 7. Happy with subcutaneous, less so with oral conversions.",
                      "5. b and c. The trials that exist are small and mostly negative, and I've had two patients with quite distressing dissociation.",
                      "6. Yes. Ours was rewritten last year.",
                      "7. No. The community teams ring us instead, which works but isn't guidance.",
                      "8. Yes. Particularly on oral dosing and on when to stop.",
                      "9. Yes. I'd like to see something pragmatic rather than another small placebo-controlled trial.",
                      "10. " + c10], sign=("Night,", "Jack"), date=D(16, 21, 14, 27)),
     E(Y, N, Y, 7, "bc", Y, N, Y, Y, c10),
     note="Gmail web, long evening reply (Wed 16 Dec 21:14): every answer followed by a sentence or two ('4. 7. Happy with ...' is 7), a long comment at 10.")

n = C("brief_gmail_android")
case(n, gmail_top(n, ["1) yes", "2) no", "3) no", "4) 5 of ten", "5) weak evidence", "6) no", "7) no", "8) yes", "9) yes"],
                  sign=("Jack",), android=True, wrote=GMAIL_ANDROID_WROTE),
     E(Y, N, N, 5, "b", N, N, Y, Y),
     note="Gmail for Android, brief: '1) yes', '5 of ten' (5), barriers in a word ('weak evidence' is b), no 10.")

c10 = "The ST teaching day on ketamine was cancelled twice this year."
n = C("registrar_gmail_android")
case(n, gmail_top(n, ["Hi Dr Rahman, ST5 at Oakwood here \u2013 answers below:", "",
                      "1. Yes", "2. No", "3. No", "4. 3", "5. a, c", "6. Yes", "7. Yes",
                      "8. Yes \u2013 high on my list, it's in my PDP for this year", "9. Yes",
                      "10. " + c10], sign=("Thanks", "Jack Clarke, ST5"), android=True, wrote=GMAIL_ANDROID_WROTE),
     E(Y, N, N, 3, "ac", Y, Y, Y, Y, c10),
     note="Registrar (ST5), Gmail for Android: numbered list, a low confidence of 3, 'Yes – high on my list, it's in my PDP ...' (yes), a comment at 10.")

n = C("nothing_in_way_gmail_ios")
case(n, reply(n, "gmail_ios", top=["1. Yes", "2. Yes", "3. Yes", "4. 9", "5. Nothing gets in the way", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                                   "Jack", "", "Sent from my phone \u2013 forgive typos"]),
     E(Y, Y, Y, 9, "d", Y, Y, N, Y),
     note="Gmail for iOS: numbered list, barriers 'Nothing gets in the way' (d, No barriers), no 10; his own phone sign-off is not a comment.")

oth = "getting it dispensed in the community \u2013 most local pharmacies won't touch it"
n = C("other_barrier_gmail_ios")
case(n, reply(n, "gmail_ios", top=["Answers:", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b and e: " + oth, "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                                   "Jack Clarke", "Consultant, Palliative Medicine, Hawthorn Hospice"]),
     E(Y, N, Y, 6, OTHER("be", oth), Y, N, Y, Y),
     note="Gmail for iOS: numbered list; 5 'b and e: ...' is b) and e) Other with the text after the colon.")

# ======================= Apple (8) =======================
n = C("thumbs_iphone")
case(n, iphone(n, ["1 \U0001F44D", "2 \U0001F44E", "3 \U0001F44D", "4 7", "5 b, c", "6 \U0001F44D", "7 \U0001F44E", "8 \U0001F44D", "9 \U0001F44D", "", "Jack"]),
     E(Y, N, Y, 7, "bc", Y, N, Y, Y),
     note="iPhone Mail: the yes/no answers as a thumbs-up emoji (yes) and a thumbs-down emoji (no) after each number, 4 and 5 typed; no 10.")

n = C("bare_one_line_iphone")
case(n, iphone(n, ["Y, Y, N, 6, b+c, Y, N, Y, Y", "", "J"]),
     INFS(Y, Y, N, 6, "bc", Y, N, Y, Y),
     note="iPhone Mail: nine bare answers on one line separated by commas, no numbers and no introduction (inferred, in question order, to be confirmed).")

c10 = "Would love a regional network of ketamine champions."
n = C("split_quote_iphone")
case(n, apple_reply(n, "iphone", answers={1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes", 10: c10}),
     E(Y, Y, Y, 8, "c", Y, N, Y, Y, c10),
     note="iPhone Mail with the quote split after each quoted Answer: and the answers unquoted between, nothing above the quote but 'Sent from my iPhone'; a comment below 10's Answer:.")

n = C("trap_continued_iphone")
case(n, iphone(n, ["1. I've continued it in patients who arrived on it from the pain team but never started it myself",
                   "2. No", "3. No", "4. 5? 6?", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                   "Jack", "Specialty Doctor, Elmbank Hospice"]),
     E(U, N, N, U, "a", Y, N, Y, Y),
     note="TRAP. iPhone Mail list: 1 only continued what another team started, never started it himself (unclear whether he has used it as asked); 4 '5? 6?' (unclear). The rest plain.")

c10 = "Share the slides when you present this please"
n = C("brief_iphone")
case(n, iphone(n, ["1. Yes \u2013 most weeks on the unit", "2. Yes, the odd time", "3. Yes", "4. 8", "5. b", "6. Yes", "7. Yes", "8. Yes", "9. Yes",
                   "10. " + c10, "Jack"]),
     E(Y, Y, Y, 8, "b", Y, Y, Y, Y, c10),
     note="iPhone Mail: numbered list with short qualifiers ('Yes – most weeks on the unit', 'Yes, the odd time'), a comment at 10 with his name on the next line (not part of it).")

c10 = "Please include hospital teams in any training you set up \u2013 we often start it before patients reach you."
n = C("ipad_list")
case(n, iphone(n, ["Hello Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a, b, c", "6. Yes", "7. Yes", "8. Yes", "9. Yes",
                   "10. " + c10, "", "Regards,", "Jack", "Consultant, Hospital Palliative Care, Northgate Infirmary"],
               tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
     E(Y, N, Y, 7, "abc", Y, Y, Y, Y, c10),
     note="iPad Mail, hospital consultant: numbered list, 'a, b, c', a comment at 10.")

n = C("rich_apple_mac")
case(n, apple_mac(n, ["Dear Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7 (I'd want a pharmacist on side for oral)", "5. A and B", "6. Yes",
                      "7. No, not yet", "8. No", "9. Yes", "", "With best wishes,", "Jack", "", "Dr Jack Clarke MRCP",
                      "Consultant in Palliative Medicine, Thornfield Hospice"]),
     E(Y, N, Y, 7, "ab", Y, N, N, Y),
     note="Apple Mail (macOS, rich text): numbered list, 7 with a reason in brackets, 'A and B', 'No, not yet' (no), no 10.")

c10 = ("I wonder whether the region could keep a shared log of ketamine cases, so that the few of us who use it occasionally "
       "could learn from each other's experience rather than each starting from scratch.")
n = C("evening_flowed_apple_mac")
case(n, apple_mac_plain(n, apple_mac_text([
    "Hi Asha,", "",
    "Finally getting round to this at home \u2013 apologies for the delay.", "",
    "1. Yes \u2013 in the terminal phase for a handful of patients whose pain had stopped responding to escalating opioids, usually as a continuous subcutaneous infusion.",
    "2. No \u2013 in my practice it's always been a third-line option.",
    "3. Yes \u2013 two patients this year where hyperalgesia made the morphine worse, not better, and ketamine let us roughly halve it.",
    "4. 6 \u2013 I'm comfortable starting it but I still ring a colleague before going up.",
    "5. a and b \u2013 I don't use it often enough to feel fluent, and the trials don't help anyone decide.",
    "6. Yes \u2013 part of our symptom control guidelines.",
    "7. No",
    "8. Yes \u2013 something practical on titration and monitoring would be ideal.",
    "9. Yes",
    "10. " + c10, "",
    "Best,", "Jack", "", "Dr Jack Clarke", "Specialty Doctor, Willowmere Hospice"]), date=D(8, 20, 36, 12)),
    E(Y, N, Y, 6, "ab", Y, N, Y, Y, c10),
    note="Apple Mail (macOS) plain text, format=flowed DelSp=yes, evening (Tue 8 Dec 20:36): long answers with reasons after en dashes, soft-broken lines; the long comment at 10 read as one line.")

# ======================= Thunderbird, Samsung, Yahoo (5) =======================
c10 = ("Our biggest problem is continuity: a patient goes home on oral ketamine and nobody in primary care feels confident "
       "enough to keep prescribing it, so it quietly stops.")
n = C("inline_thunderbird")
case(n, thunderbird_flowed(n, "Hi Asha, answers inline.\n\n" + WROTE_TB + "\n" + inv_text(answers={
    1: "Yes", 2: "Yes", 3: "Yes", 4: "7", 5: "b, c", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes", 10: c10})
    + "\n\n-- \nDr Jack Clarke\nSpecialty Doctor, Palliative Medicine\nHeatherlea Hospice\n"),
    E(Y, Y, Y, 7, "bc", Y, Y, Y, Y, c10),
    note="Thunderbird, text only, format=flowed: answers typed unquoted below each quoted Answer:, a long comment below 10's (soft-broken, read as one line), a '-- ' signature at the end.")

c10 = ("What we really lack is one decent trial of oral ketamine in neuropathic cancer pain \u2013 until someone runs it we're all guessing.")
n = C("trap_comment_rct_tb115")
case(n, reply(n, "tb115", top=["Hello,", "", "1. Yes", "2. Yes (I think)", "3. Yes", "4. 8", "5. b", "6. Yes", "7. Yes", "8. No", "9. No",
                              "10. " + c10, "", "Jack Clarke", "Consultant, Palliative Medicine, Brookside Hospice"]),
     E(Y, U, Y, 8, "b", Y, Y, N, U, c10),
     note="TRAP. Thunderbird (HTML and flowed text): 2 'Yes (I think)' (unclear); 9 'No' while his own comment says the field badly lacks a trial (a contradiction to ask about: unclear). The comment itself is plain.")

n = C("list_samsung")
case(n, reply(n, "samsung", top=["Hi", "1. yes", "2. no", "3. yes", "4. 6", "5. c \u2013 patients hate the hallucinations", "6. yes", "7. yes",
                                "8. yes", "9. yes", "Jack"]),
     E(Y, N, Y, 6, "c", Y, Y, Y, Y),
     note="Samsung Email (base64): numbered list in lower case, 'c – ...' with a reason; no 10.")

n = C("trap_tried_samsung")
case(n, reply(n, "samsung", top=["Hi Asha", "", "1. Yes", "2. No",
                                "3. Tried it once to get the fentanyl down \u2013 it didn't work and we stopped after a day, so not sure it counts",
                                "4. Ask me after the ketamine study day in January!",
                                "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack", "Specialty Registrar, Hilltop Hospice"]),
     E(Y, N, U, U, "a", Y, N, Y, Y),
     note="TRAP. Samsung Email, registrar: 3 one unsuccessful attempt he is 'not sure ... counts' (unclear); 4 no number, deferred to after a study day (unclear). The rest plain.")

c10 = "Rural hospice \u2013 we see very few patients who need it."
n = C("list_yahoo")
case(n, yahoo(n, ["Dear Dr Rahman,", "", "1. Yes", "2. No", "3. No", "4. 4", "5. a and b", "6. No", "7. No", "8. Yes \u2013 count me in", "9. Yes",
                  "10. " + c10, "", "Yours sincerely,", "Jack Clarke", "Specialty Doctor, Dalesend Hospice"]),
     E(Y, N, N, 4, "ab", N, N, Y, Y, c10),
     note="Yahoo Mail: numbered list, 'Yes – count me in' (yes), a comment at 10.")
