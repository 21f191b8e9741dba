"""The cases of heldback21j (see tests/fixtures/heldback21j/README.md): the
replies a regional survey's lead finds in the inbox, the everyday forms in
rough real proportions, a minority of unusual habits, about one in seven a
trap. The clients are those of scripts/heldback_common (unchanged)."""
from lib import *
from clients import owa, outlook_mobile, iphone, yahoo, thunderbird_flowed, outlook_text, ORIGINAL_MESSAGE, divs
from clients_new import (reply, apple_reply, outlook_win, apple_mac, apple_mac_plain, apple_mac_text, aol, word_table,
                         word_paras, outlook_desktop_raw, inv_html, inv_text)

Y, N = ok(True), ok(False)
U = UNCLEAR
SIG = ["Dr Jack Clarke MRCP", "Consultant in Palliative Medicine", "North Hospice, 14 Moor Lane, Leeds LS16 5QB",
       "Tel 0113 496 0721 | Bleep 3318 | GMC 7012345"]


def A(e, a, o, c, b, w, s, t, r, comment=None):
    """Expected answers in question order (None leaves a question out)."""
    vals = [e, a, o, c, b, w, s, t, r]
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif isinstance(v, bool):
            out[qid] = ok(v)
        elif isinstance(v, int):
            out[qid] = ok(v)
        elif isinstance(v, list):
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def n(name):
    return "heldback21j_" + name


# ======================= Outlook for Windows (Word HTML) =======================
c = n("numbered_signature_outlook")
case(c, outlook_win(c, top=["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. b, c", "6. Yes", "7. No", "8. Yes",
                            "9. Yes", "", "Kind regards", "Jack", ""] + SIG),
     A(True, False, True, 7, ["evidence", "side_effects"], True, False, True, True),
     note="Outlook for Windows: a `1.` list on top, a signature with a postcode, phone, bleep and GMC number.")

c = n("paren_reasons_outlook")
case(c, outlook_win(c, top=["Dear Dr Rahman,", "", "Here you go:", "", "1) yes", "2) yes – in a handful of patients, perhaps 3 in the last twelve months",
                            "3) no", "4) 6", "5) a and c", "6) yes (the 2023 version is on our intranet)", "7) no", "8) yes",
                            "9) absolutely", "", "Best wishes", "Jack Clarke"]),
     A(True, True, False, 6, ["expertise", "side_effects"], True, False, True, True),
     note="Outlook for Windows: a `1)` list with reasons holding numbers and a year in brackets; 'absolutely' is yes.")

c = n("on_answer_lines_comment_outlook")
case(c, outlook_win(c, top=["Answers typed in below.", "", "Jack"],
                    on_line={1: "Yes", 2: "No – we wait until the opioid has been properly titrated", 3: "Yes", 4: "8", 5: "c",
                             6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                             10: "We mostly give it as a subcutaneous infusion via a syringe driver."}, color="#C00000"),
     A(True, False, True, 8, ["side_effects"], True, True, False, True,
       comment="We mostly give it as a subcutaneous infusion via a syringe driver."),
     note="Outlook for Windows: answers in red on the Answer: lines of the unquoted original, a reason after a dash on 2, a comment on 10.")

c = n("below_answer_capitals_outlook")
case(c, outlook_win(c, top=["My answers are below each question in blue.", "", "J Clarke"],
                    below={1: "YES", 2: "NO", 3: "YES", 4: "5", 5: "A, B", 6: "NO", 7: "NO", 8: "YES", 9: "YES"}, color="#0070C0"),
     A(True, False, True, 5, ["expertise", "evidence"], False, False, True, True),
     note="Outlook for Windows: capitals in blue paragraphs below each Answer: line of the unquoted original.")

c = n("after_question_outlook")
case(c, outlook_win(c, top=["Please see answers in green after each question.", "", "Regards", "Jack"],
                    after_question={1: "Yes.", 2: "Yes.", 3: "No.", 4: "9", 6: "Yes.", 7: "Yes.", 8: "No.", 9: "Yes."},
                    on_line={5: "d"}, color="#00B050"),
     A(True, True, False, 9, ["none"], True, True, False, True),
     note="Outlook for Windows: answers after each question's own text in green, the barriers (d) on its Answer: line.")

c = n("q_colon_outlook")
case(c, outlook_win(c, top=["Q1: yes", "Q2: no", "Q3: yes", "Q4: 7/10", "Q5: lack of evidence", "Q6: no, one is being written",
                            "Q7: no", "Q8: yes", "Q9: yes", "", "Thanks", "Jack"]),
     A(True, False, True, 7, ["evidence"], False, False, True, True),
     note="Outlook for Windows: `Q1:` list; 'no, one is being written' is no.")

c = n("ps_correction_outlook")
case(c, outlook_win(c, top=["1 - Yes", "2 - No", "3 - Yes", "4 - 7", "5 - b", "6 - No", "7 - No", "8 - Yes", "9 - Yes", "",
                            "Cheers,", "Jack", "",
                            "P.S. Re-reading my answers, 6 should be a yes – our ketamine guideline was ratified in October."]),
     A(True, False, True, 7, ["evidence"], True, False, True, True),
     note="Outlook for Windows: a `1 - ` list; a P.S. below the sign-off changes 6 to yes.")

c = n("correction_later_paragraph_outlook")
case(c, outlook_win(c, top=["Hello,", "", "1. No", "2. No", "3. No", "4. 4", "5. a", "6. Yes", "7. Yes", "8. Yes", "9. Yes", "",
                            "Sorry, I've just noticed I put 3 down as no. It should be yes – we did exactly that for a patient last month.",
                            "", "Jack"]),
     A(False, False, True, 4, ["expertise"], True, True, True, True),
     note="Outlook for Windows: a later paragraph correcting 3 to yes ('It should be yes').")


def _table_case(name):
    html_t, text_t = word_table([("Question", "Answer"), ("1", "Yes"), ("2", "No"), ("3", "No"), ("4", "4"), ("5", "a, b, c"),
                                 ("6", "No"), ("7", "No"), ("8", "Yes"), ("9", "Yes")], widths=[80, 160])
    body = (word_paras(["Hi Asha,", "", "I've put my answers in a table, hope that's OK.", ""]) + html_t +
            word_paras(["", "Jack"]) + OUTLOOK_FROM_HTML + word_original())
    text = ("Hi Asha,\n\nI've put my answers in a table, hope that's OK.\n\n" + text_t + "\n\nJack\n\n" + OUTLOOK_FROM_TEXT + "\n" +
            flat_text() + "\n")
    return outlook_desktop_raw(name, body, text, subject="RE: " + SUBJECT)


c = n("word_table_outlook")
case(c, _table_case(c), A(True, False, False, 4, ["expertise", "evidence", "side_effects"], False, False, True, True),
     note="Outlook for Windows: a two-column Word table (Question, Answer), tab-separated cells in the text part.")

SEC_SIG = ["Kind regards", "", "Sarah Pollard", "Medical Secretary to Dr J Clarke", "North Hospice | Tel 0113 496 0700 ext 2204"]
c = n("secretary_dictated_outlook")
case(c, outlook_desktop(c, [esc(l) if l else "&nbsp;" for l in
                            ["Dear Dr Rahman,", "", "Dr Clarke dictated his answers before going on annual leave and asked me to pass them on:", "",
                             "1. Yes", "2. Yes", "3. Yes", "4. 6", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", ""] + SEC_SIG],
                        word_original(),
                        "\n".join(["Dear Dr Rahman,", "", "Dr Clarke dictated his answers before going on annual leave and asked me to pass them on:", "",
                                   "1. Yes", "2. Yes", "3. Yes", "4. 6", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", ""] + SEC_SIG),
                        flat_text(), frm='"Pollard, Sarah" <sarah.pollard@north-hospice.test>'),
     A(True, True, True, 6, ["expertise"], True, False, True, True),
     note="Outlook for Windows, from his secretary's own address: his dictated answers sent on his behalf, read as his.")

c = n("trap_contradiction_range_outlook")
case(c, outlook_win(c, top=["1. Yes", "2. Yes", "3. Yes", "4. Hard to say, somewhere between 5 and 7", "5. b and c", "6. Yes",
                            "7. No", "8. Yes", "9. Yes", "",
                            "For context, we never start ketamine until the opioid has been pushed as far as it will go.",
                            "", "Jack"]),
     A(True, U, True, U, ["evidence", "side_effects"], True, False, True, True),
     note="TRAP. Outlook for Windows: 2 says yes but a later sentence says ketamine is never started before the opioid is pushed to its limit "
          "(no word of correction): unclear; 'somewhere between 5 and 7' is unclear.")

# ======================= Outlook on the web / NHSmail =======================
c = n("numbered_comment_owa")
case(c, owa(c, ["Hello,", "", "1. Yes", "2. Yes", "3. No", "4. 8 out of 10", "5. none", "6. Yes", "7. Yes", "8. No", "9. Yes",
                "10. Happy to help with the regional guideline if that would be useful.", "", "Best wishes", "Jack"]),
     A(True, True, False, 8, ["none"], True, True, False, True, comment="Happy to help with the regional guideline if that would be useful."),
     note="Outlook on the web: a `1.` list with '8 out of 10', 'none' for d, and a comment as item 10.")

OL13 = {1: "yes", 2: "no", 3: "yes", 4: "6", 5: "a + b", 6: "yes", 7: "no", 8: "yes", 9: "yes"}
c = n("on_answer_lines_purple_owa")
case(c, owa(c, ["Answers added to your email below.", "", "Jack"], original=inv_html(on_line=OL13, color="#7030A0"),
            original_text=inv_text(on_line=OL13, prefix="")),
     A(True, False, True, 6, ["expertise", "evidence"], True, False, True, True),
     note="Outlook on the web: answers in purple on the Answer: lines of the unquoted original (HTML and text).")

c = n("summary_except_owa")
case(c, owa(c, ["Hi Asha", "", "Yes to all the yes/no questions except 6 and 7, which are both no.", "Confidence 7.",
                "Barriers: evidence and side effects.", "", "Jack"]),
     A(True, True, True, 7, ["evidence", "side_effects"], False, False, True, True),
     note="Outlook on the web: a summary ('Yes to all the yes/no questions except 6 and 7, which are both no'), the scale and barriers apart.")

c = n("misspellings_owa")
case(c, owa(c, ["1. Ues", "2. Mo", "3. Yed", "4. 7", "5. expertise and familarity", "6. Yes", "7. No", "8. Yez", "9. Yss", "",
                "Sent in a hurry between patients – Jack"]),
     A(True, False, True, 7, ["expertise"], True, False, True, True),
     note="Outlook on the web: neighbouring-key typos a reader takes at once ('Ues', 'Mo', 'Yed', 'Yez', 'Yss'), 'familarity' misspelt.")

c = n("pa_his_account_owa")
case(c, owa(c, ["Dear Dr Rahman,", "", "Dr Clarke has asked me to reply on his behalf as he is on the ward all day. His answers:", "",
                "1 yes", "2 no", "3 yes", "4 8", "5 c", "6 yes", "7 yes", "8 no", "9 yes", "", "Regards", "Helen Marsh",
                "PA to Dr Jack Clarke"]),
     A(True, False, True, 8, ["side_effects"], True, True, False, True),
     note="Outlook on the web, from his own account: his PA sends his answers on his behalf (a `1 yes` list without punctuation).")

BH = {1: "Yes", 2: "Yes", 3: "Yes", 4: "7", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
      10: "It would be good to have a regional syringe driver compatibility chart including ketamine."}
c = n("html_only_below_answer_owa")
case(c, owa(c, ["See below.", "Jack"], original=inv_html(after=BH, open_tag="", close_tag="", color="#2F5496"), html_only=True),
     A(True, True, True, 7, ["evidence"], False, False, True, True, comment=BH[10]),
     note="Outlook on the web, HTML only: answers in blue blocks below each Answer: paragraph of the unquoted original, a comment on 10.")

c = n("trap_either_or_owa")
case(c, owa(c, ["1. Yes", "2. Yes or no, depending on what you mean by early", "3. Yes", "4. 6, maybe 7", "5. b", "6. Yes",
                "7. I'd need to ask our community team", "8. Yes", "9. Yes", "", "Jack"]),
     A(True, U, True, U, ["evidence"], True, U, True, True),
     note="TRAP. Outlook on the web: 'Yes or no, depending ...', '6, maybe 7' and 'I'd need to ask our community team' are all asked.")

# ======================= Outlook mobile / Mac / plain text =======================
c = n("equals_codes_outlook_ios")
case(c, outlook_mobile(c, ["1=Y 2=N 3=Y 4=8 5=C 6=Y 7=N 8=Y 9=Y", "", "Jack"], platform="iOS"),
     A(True, False, True, 8, ["side_effects"], True, False, True, True),
     note="Outlook for iOS: compact codes `1=Y 2=N ... 4=8 5=C` on one line.")

c = n("informal_outlook_android")
case(c, outlook_mobile(c, ["1. Yesss", "2. Nah", "3. Yup", "4. 5", "5. B and C", "6. N", "7. N", "8. Y", "9. Y", "", "JC"], platform="Android"),
     A(True, False, True, 5, ["evidence", "side_effects"], False, False, True, True),
     note="Outlook for Android: informal words ('Yesss', 'Nah', 'Yup') and one-letter answers.")

c = n("trap_all_yes_but_outlook_ios")
case(c, outlook_mobile(c, ["All yes apart from confidence, which I'd call middling, and barriers – a bit of everything really.", "",
                           "Jack"], platform="iOS"),
     A(True, True, True, U, U, True, True, True, True),
     note="TRAP. Outlook for iOS: 'All yes' answers the yes/no questions; 'middling' is no number and 'a bit of everything' does not say "
          "which options: both unclear.")

OM = {1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
c = n("on_answer_lines_outlook_mac")
case(c, reply(c, "outlook_mac", top=["Answers on the lines below.", "", "Jack"], on_line=OM, color="#C00000"),
     A(False, False, False, 3, ["expertise", "evidence"], False, False, True, True),
     note="Outlook for Mac: answers in red on the Answer: lines of the unquoted original.")

OT = {1: "Y", 2: "N", 3: "Y", 4: "6", 5: "side effects", 6: "Y", 7: "Y", 8: "Y", 9: "Y"}
c = n("answer_lines_outlook_plain")
case(c, outlook_text(c, "Answers filled in below.\n\nJack Clarke\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=OT, prefix="") + "\n"),
     A(True, False, True, 6, ["side_effects"], True, True, True, True),
     note="Outlook in plain-text mode: one-letter answers on the Answer: lines below `-----Original Message-----`.")

# ======================= Gmail =======================
c = n("numbered_reason_gmail")
case(c, reply(c, "gmail_web", top=["1. Yes", "2. No", "3. Yes",
                                   "4. 7 - comfortable with the standard regimens, less so with the oral solution",
                                   "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Thanks,", "Jack"]),
     A(True, False, True, 7, ["expertise"], True, False, True, True),
     note="Gmail web: a `1.` list, a reason after the scale's dash.")

GI = {1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "b, c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
c = n("inline_split_gmail")
case(c, reply(c, "gmail_web", top=["Answers inline.", "Jack"], answers=GI),
     A(True, False, True, 8, ["evidence", "side_effects"], True, True, False, True),
     note="Gmail web: the quote split below each quoted Answer:, answers unquoted between.")

c = n("trap_ps_doubt_gmail_android")
case(c, reply(c, "gmail_android", top=["1 Yes; 2 No; 3 Yes; 4 7; 5 A; 6 Yes; 7 No; 8 Yes; 9 No", "", "Jack", "",
                                       "PS not 100% sure about 6 - will check with our pharmacist when she's back."]),
     A(True, False, True, 7, ["expertise"], U, False, True, False),
     note="TRAP. Gmail for Android: answers on one line separated by semicolons; the P.S. doubts 6 without a new answer, so 6 is asked.")

c = n("topic_labels_gmail_ios")
case(c, reply(c, "gmail_ios", top=["End of life: yes", "Early on: no", "To cut the opioid dose: yes", "Confidence: 8",
                                   "Barriers: side effects", "Written protocol: yes", "Community guidance: no", "Training: yes",
                                   "Research: yes", "", "Jack"]),
     A(True, False, True, 8, ["side_effects"], True, False, True, True),
     note="Gmail for iOS: answers labelled by the questions' topics in his own words, no numbers.")

FIRST = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. Yes", "7. No", "8. No", "9. Yes", "", "Jack"]
FIRST_ID = "<CAF0a9d4c1e2b3f4a5b6c7d8e9f@mail.gmail.com>"
FIRST_WROTE = "On Mon, 28 Dec 2026 at 09:12, Jack Clarke <jack.clarke@north-hospice.test> wrote:"
c = n("followup_changes_8_gmail")
FU = ["Sorry, one change - for number 8 please put yes, not no. Everything else stands.", "", "Jack"]
case(c, gmail(c, "\n".join(FU) + "\n\n" + FIRST_WROTE + "\n\n" + quote("\n".join(FIRST)) + "\n",
              '<div dir="ltr">' + divs(FU) + "</div><br>" + gmail_quote_html(divs(FIRST), wrote=FIRST_WROTE),
              in_reply_to=FIRST_ID, references=f"{INV_ID} {FIRST_ID}", date="Tue, 29 Dec 2026 18:40:12 +0000"),
     {"training": Y},
     note="Gmail web: a follow-up to his own earlier reply (quoted) changing 8 to yes; the quoted list is not counted, the rest is missing.")

c = n("personal_address_gmail")
case(c, reply(c, "gmail_web", top=["Replying from my home account, hope that's fine.", "", "1. Yes, for refractory neuropathic pain mainly",
                                   "2. No", "3. Yes, a couple of times", "4. 6", "5. a, b", "6. No, we use the acute trust's one",
                                   "7. No", "8. Yes", "9. Yes", "", "Jack Clarke"],
              frm='"Jack Clarke" <jackclarke.leeds@gmail.com>'),
     A(True, False, True, 6, ["expertise", "evidence"], False, False, True, True),
     note="Gmail web from his personal address: a `1.` list with reasons after commas.")

c = n("ps_barriers_gmail")
case(c, reply(c, "gmail_web", top=["1. yes", "2. yes", "3. no", "4. 5", "5. a", "6. no", "7. no", "8. yes", "9. yes", "", "Jack", "",
                                   "PS scrap 5 - I meant a and b, not just a."]),
     A(True, True, False, 5, ["expertise", "evidence"], False, False, True, True),
     note="Gmail web: a P.S. correcting the barriers ('scrap 5 - I meant a and b').")

c = n("trap_question_marks_gmail")
case(c, reply(c, "gmail_web", top=["1. Yes", "2. No", "3. Yes", "4. 3 or 4", "5. a", "6. Yes?", "7. No", "8. Yes",
                                   "9. Not sure it would change much", "", "Jack"]),
     A(True, False, True, U, ["expertise"], U, False, True, U),
     note="TRAP. Gmail web: '3 or 4', 'Yes?' and 'Not sure it would change much' are asked.")

# ======================= Apple =======================
c = n("letters_iphone")
case(c, iphone(c, ["1 Y", "2 Y", "3 Y", "4 9", "5 D", "6 Y", "7 Y", "8 N", "9 Y"]),
     A(True, True, True, 9, ["none"], True, True, False, True),
     note="iPhone Mail: a terse `1 Y` list, D for no barriers.")

IP = {1: "yes", 2: "no", 3: "yes", 4: "7", 5: "b", 6: "yes", 7: "no", 8: "yes", 9: "yes"}
c = n("inline_split_iphone")
case(c, apple_reply(c, "iphone", answers=IP),
     A(True, False, True, 7, ["evidence"], True, False, True, True),
     note="iPhone Mail: the quote split below each quoted Answer:, answers in lower case.")

c = n("autocorrect_iphone")
case(c, iphone(c, ["1. Yes", "2. No", "3. Yes", "4. Severn", "5. Lack of evidence and side affects", "6. Yes", "7. No", "8. Yes",
                   "9. Yeah"]),
     A(True, False, True, 7, ["evidence", "side_effects"], True, False, True, True),
     note="iPhone Mail: autocorrect ('Severn' for seven, 'side affects'); 'Yeah' is yes.")

c = n("numbered_apple_mail")
case(c, apple_mac(c, ["Dear Asha,", "", "1. Yes", "2. Yes - occasionally, low dose orally", "3. Yes", "4. 8", "5. c",
                      "6. Yes, updated this spring", "7. Yes", "8. No", "9. Yes", "", "Best", "Jack"]),
     A(True, True, True, 8, ["side_effects"], True, True, False, True),
     note="Apple Mail (rich text): a `1.` list with reasons after dashes and commas.")

LONG = ("10. The main problem in the community is getting hold of it out of hours - our district nurses have "
        "had to wait over 24 hours for supplies more than once, which defeats the purpose.")
c = n("flowed_comment_apple_mail")
case(c, apple_mac_plain(c, apple_mac_text(["1. Yes", "2. No", "3. Yes", "4. 6", "5. a and b", "6. Yes", "7. No", "8. Yes", "9. Yes",
                                           LONG, "", "Jack"])),
     A(True, False, True, 6, ["expertise", "evidence"], True, False, True, True, comment=LONG[4:]),
     note="Apple Mail plain text, format=flowed DelSp=yes: the comment on 10 soft-broken over lines.")

c = n("trap_all_of_above_iphone")
case(c, iphone(c, ["1. Yes", "2. No", "3. Yes", "4. 6", "5. All of the above", "6. Yes", "7. Yes", "8. Possibly", "9. Yes"]),
     A(True, False, True, 6, U, True, True, U, True),
     note="TRAP. iPhone Mail: 'All of the above' takes in d (no barriers) and e (other): asked; 'Possibly' is asked.")

# ======================= others =======================
TB = {1: "Yes", 2: "No - in my experience it adds side effects without much gain while opioids are still being titrated", 3: "Yes",
      4: "7", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
c = n("inline_flowed_thunderbird")
case(c, thunderbird_flowed(c, "Hi,\n\nanswers inline.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=TB) + "\n"),
     A(True, False, True, 7, ["side_effects"], True, False, True, True),
     note="Thunderbird, format=flowed: answers below each quoted Answer:, a long reason on 2 soft-broken.")

c = n("dot_no_space_samsung")
case(c, reply(c, "samsung", top=["1.yes", "2.no", "3.yes", "4.5", "5.b", "6.no", "7.no", "8.yes", "9.yes"]),
     A(True, False, True, 5, ["evidence"], False, False, True, True),
     note="Samsung Email: `1.yes` with no spaces, so `4.5` is question 4, answer 5; the original unquoted below.")

c = n("hyphen_list_yahoo")
case(c, yahoo(c, ["1- Yes", "2- Yes", "3- No", "4- 7", "5- b,c", "6- Yes", "7- No", "8- Yes", "9- Yes", "", "Jack"]),
     A(True, True, False, 7, ["evidence", "side_effects"], True, False, True, True),
     note="Yahoo Mail: a `1- ` list; the original indented without `>`.")

MU = {1: "yes", 2: "no", 3: "no", 4: "4", 5: "a", 6: "no", 7: "no", 8: "yes", 9: "yes"}
c = n("inline_mutt")
case(c, reply(c, "mutt", top=["Answers below, Jack."], answers=MU),
     A(True, False, False, 4, ["expertise"], False, False, True, True),
     note="Mutt: answers below each quoted Answer: line.")

c = n("summary_no_except_aol")
case(c, aol(c, ["No to everything except 1 and 9, which are yes.", "Confidence 3.", "Barriers: expertise.", "", "Jack"]),
     A(True, False, False, 3, ["expertise"], False, False, False, True),
     note="AOL Mail: a summary ('No to everything except 1 and 9, which are yes'), the scale and the barriers given apart.")
