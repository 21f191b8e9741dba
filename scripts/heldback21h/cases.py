"""The cases of heldback21h (see tests/fixtures/heldback21h/README.md): replies
of Jack Clarke (and, for him, his secretary and his PA) to the invitation of
config/example.toml, in the everyday clients' forms. The clients are the
shared writers of scripts/heldback_common/ (unchanged); the two helpers
below (Word's automatic numbered list, and a Gmail follow-up quoting his
own earlier reply) are this set's own."""
from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403

Y, N, U = ok(True), ok(False), UNCLEAR
SECRETARY = '"Pollard, Sarah" <sarah.pollard@north-hospice.test>'


def ans(*vals, comment=None, inferred=False):
    """Expected answers to questions 1-9 in order (None: not answered), and
    the comment (10) if he wrote one."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif inferred:
            out[qid] = INF(v)
        else:
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


# ---------- this set's own helpers ----------
def word_list(items):
    """Word's automatic numbered list as Outlook for Windows sends it: list
    paragraphs whose numbers sit in `mso-list:Ignore` spans (so the text of
    each paragraph has no number), and the text part's `1.<TAB>` lines."""
    html, text, n = [], [], len(items)
    for i, it in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else "MsoListParagraphCxSpLast" if i == n else "MsoListParagraphCxSpMiddle"
        pad = "&nbsp;" * (5 if i < 10 else 3)
        html.append(f"<p class=\"{cls}\" style=\"text-indent:-18.0pt;mso-list:l0 level1 lfo1\"><![if !supportLists]>"
                    f"<span style=\"mso-list:Ignore\">{i}.<span style=\"font:7.0pt &quot;Times New Roman&quot;\">{pad}\n</span></span>"
                    f"<![endif]>{esc(it)}<o:p></o:p></p>\n")
        text.append(f"{i}.\t{it}")
    return "".join(html), "\n".join(text)


def outlook_composed(name, html_top, text_top, frm=None):
    """Outlook for Windows with a hand-built top (lists, tables) above the
    From/Sent block and the unquoted original."""
    html = html_top + OUTLOOK_FROM_HTML + word_original()
    text = text_top + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"
    return outlook_desktop_raw(name, html, text, frm=frm)


def gmail_followup(name, lines, earlier_lines, earlier_id, earlier_wrote, date):
    """Gmail web: a second message in reply to his own first reply (which
    is quoted, with the invitation quoted inside it)."""
    text = ("\n".join(lines) + "\n\n" + earlier_wrote + "\n\n" + quote("\n".join(earlier_lines)) + "\n>\n> "
            + WROTE_GMAIL + "\n>\n" + quote(quote(INV_TEXT)) + "\n")
    inner = '<div dir="ltr">' + divs(earlier_lines) + "</div><br>" + gmail_quote_html(INV_HTML_BODY)
    html = '<div dir="ltr">' + divs(lines) + "</div><br>" + gmail_quote_html(inner, wrote=earlier_wrote)
    return gmail(name, text, html, in_reply_to=earlier_id, references=f"{INV_ID} {earlier_id}", date=date)


SIG = ["Dr Jack Clarke MBChB MRCP", "Consultant in Palliative Medicine", "North Hospice, 14 Mill Lane, Leeds LS6 2QB",
       "Tel 0113 496 0732 | Bleep 4410 | GMC 6104821"]

# =====================================================================
# Outlook for Windows (Word HTML + text)
# =====================================================================
n = "heldback21h_numbered_signature_gmc_outlook"
case(n, outlook_win(n, top=["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b and c", "6. Yes", "7. No", "8. Yes", "9. Yes",
                            "", "Kind regards", "Jack", ""] + SIG),
     ans(True, False, True, 6, ["evidence", "side_effects"], True, False, True, True),
     note="Outlook for Windows: a '1.' list on top, then a signature full of numbers (address with postcode, phone, bleep, GMC).")

n = "heldback21h_on_answer_lines_reasons_outlook"
case(n, outlook_win(n, top=["Answers in red below.", "", "Jack"], color="#C00000", on_line={
    1: "Yes \u2013 mostly via syringe driver in the last days", 2: "No, we tend to wait until the opioid has been titrated first",
    3: "Yes, a handful of times for hyperalgesia", 4: "7", 5: "a \u2013 I don't see enough cases to be comfortable",
    6: "Yes (updated 2025)", 7: "No", 8: "Yes", 9: "Yes definitely"}),
     ans(True, False, True, 7, ["expertise"], True, False, True, True),
     note="Outlook for Windows: answers typed in red on each Answer: line of the unquoted original, most with a reason after a dash, "
          "comma or bracket (a negation, a count, a year); the reasons are not part of the answers.")

n = "heldback21h_below_answer_blue_comment_outlook"
case(n, outlook_win(n, top=["Dear Dr Rahman,", "", "I've put my answers in blue under each question.", "", "Best wishes", "Jack Clarke"],
                    color="#0070C0", below={
    1: "Yes", 2: "Yes, occasionally with neuropathic pain", 3: "No", 4: "8 out of 10", 5: "Lack of evidence", 6: "Yes",
    7: "Yes \u2013 shared with the district nurses in 2024", 8: "No", 9: "Yes",
    10: "A regional audit of ketamine outcomes would be really useful."}),
     ans(True, True, False, 8, ["evidence"], True, True, False, True, comment="A regional audit of ketamine outcomes would be really useful."),
     note="Outlook for Windows: answers in blue paragraphs below each Answer: of the unquoted original, with a comment on 10.")

n = "heldback21h_option_marks_outlook"
case(n, outlook_win(n, top=["Done \u2013 answers typed into your email below, barriers marked with an X.", "", "J"], color="#C00000",
                    on_line={1: "Y", 2: "N", 3: "Y", 4: "5", 6: "N", 7: "N", 8: "Y", 9: "Y"},
                    after_option={(5, "a"): "X", (5, "c"): "X"}),
     ans(True, False, True, 5, ["expertise", "side_effects"], False, False, True, True),
     note="Outlook for Windows: Y/N and the scale on the Answer: lines of the unquoted original; the barriers marked by an X after "
          "options a) and c), question 5's Answer: line left empty.")

n = "heldback21h_ps_below_signature_outlook"
case(n, outlook_win(n, top=["1) Yes", "2) No", "3) No", "4) 7", "5) b", "6) No", "7) No", "8) Yes", "9) Yes", "", "Regards", "Jack", "",
                            "Dr J Clarke | Consultant, Palliative Medicine | North Hospice | 0113 496 0732", "",
                            "PS re-reading question 6 \u2013 we do actually have one, it was ratified last spring, so 6 is a yes."]),
     ans(True, False, False, 7, ["evidence"], True, False, True, True),
     note="Outlook for Windows: a '1)' list, sign-off and one-line signature, then a PS changing 6 from No to yes; the PS wins.")

n = "heldback21h_yes_to_all_but_outlook"
case(n, outlook_win(n, top=["Hello,", "", "Yes to all but 3 and 7.", "Confidence 8.", "Barriers \u2013 lack of evidence.", "", "Jack"]),
     ans(True, True, False, 8, ["evidence"], True, False, True, True),
     note="Outlook for Windows: a summary 'Yes to all but 3 and 7' (3 and 7 no, the other yes/no questions yes), the scale and barriers given apart.")

n = "heldback21h_word_table_notes_outlook"
tbl_html, tbl_text = word_table([["Question", "Answer", "Notes"], ["1", "Yes", "about 10 patients a year"], ["2", "No", ""],
                                 ["3", "Yes", "2 cases in 2026"], ["4", "7", ""], ["5", "b, c", "c mostly with the oral route"],
                                 ["6", "Yes", "v2, 2024"], ["7", "No", "planned for 2027"], ["8", "Yes", ""], ["9", "Yes", ""]],
                                widths=[80, 80, 240])
case(n, outlook_composed(n, word_paras(["Hi Asha,", "", "Please see the table below \u2013 hope that format is OK.", ""]) + tbl_html
                         + word_paras(["", "Jack"]),
                         "Hi Asha,\n\nPlease see the table below \u2013 hope that format is OK.\n\n" + tbl_text + "\n\nJack"),
     ans(True, False, True, 7, ["evidence", "side_effects"], True, False, True, True),
     note="Outlook for Windows: a Word table Question | Answer | Notes (tab-separated in the text part); the notes hold counts, "
          "years and a version number and are not answers.")

n = "heldback21h_secretary_dictated_outlook"
sec_top = ["Dear Dr Rahman,", "", "Dr Clarke has asked me to send you his answers to the survey, as he is on the wards all week:", "",
           "1 \u2013 yes", "2 \u2013 yes", "3 \u2013 yes", "4 \u2013 9", "5 \u2013 d", "6 \u2013 yes", "7 \u2013 yes", "8 \u2013 no", "9 \u2013 yes",
           "", "Kind regards", "", "Sarah Pollard", "Medical Secretary to Dr J Clarke", "North Hospice | Ext 2271 | 0113 496 0700"]
case(n, outlook_composed(n, word_paras(sec_top), "\n".join(sec_top), frm=SECRETARY),
     ans(True, True, True, 9, ["none"], True, True, False, True),
     note="Outlook for Windows from his medical secretary's own address, sending his answers on his behalf ('1 \u2013 yes'); "
          "read as his (held for his confirmation, which the .json does not show).")

n = "heldback21h_word_list_reasons_outlook"
wl_html, wl_text = word_list(["Yes \u2013 for the last few days when nothing else is touching it", "No",
                              "Yes, once, with a patient on high dose morphine who was toxic", "6", "Lack of expertise and lack of evidence",
                              "No \u2013 it's with the drugs and therapeutics committee", "No", "Yes please", "Yes", "None from me"])
case(n, outlook_composed(n, word_paras(["Hi,", ""]) + wl_html + word_paras(["", "Thanks", "Jack"]),
                         "Hi,\n\n" + wl_text + "\n\nThanks\nJack"),
     ans(True, False, True, 6, ["expertise", "evidence"], False, False, True, True),
     note="Outlook for Windows: Word's automatic numbered list (numbers only in mso-list:Ignore spans; '1.<TAB>' in the text part), "
          "answers with reasons; 10 'None from me' is no comment.")

n = "heldback21h_trap_contradiction_later_outlook"
case(n, outlook_win(n, top=["1. Yes", "2. No", "3. Yes", "4. 7 or so", "5. c", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                            "For what it's worth, we started two patients on low-dose oral ketamine alongside their first morphine "
                            "prescription last autumn and both did well.", "", "Jack"]),
     ans(True, U, True, U, ["side_effects"], True, True, False, True),
     note="TRAP. Outlook for Windows: 2 'No', then a later sentence describing ketamine started with the first morphine (an early "
          "adjuvant) with no word of correction: unclear; '7 or so' for the scale: unclear.")

n = "heldback21h_pipe_codes_one_line_outlook"
case(n, outlook_win(n, top=["Q1 Y | Q2 N | Q3 Y | Q4 7 | Q5 B | Q6 Y | Q7 N | Q8 Y | Q9 Y", "", "Jack"]),
     ans(True, False, True, 7, ["evidence"], True, False, True, True),
     note="Outlook for Windows: compact codes on one line separated by pipes, 'Q4 7' the scale and 'Q5 B' option b).")

# =====================================================================
# Outlook on the web (hospice Microsoft 365 / NHSmail)
# =====================================================================
n = "heldback21h_on_answer_lines_html_only_owa"
owa_on = {1: "Yes", 2: "Not early, no", 3: "Yes", 4: "Seven", 5: "Side effects \u2013 mainly dissociation", 6: "Yes", 7: "No", 8: "Yes",
          9: "Yes", 10: "Happy to be contacted about this."}
case(n, owa(n, ["Answers below in purple.", "", "Jack"], original=inv_html(on_line=owa_on, color="#7030A0"), html_only=True),
     ans(True, False, True, 7, ["side_effects"], True, False, True, True, comment="Happy to be contacted about this."),
     note="Outlook on the web, HTML only (no text part): answers in purple on the Answer: lines of the unquoted original "
          "('Not early, no', 'Seven'), a comment on 10.")

n = "heldback21h_misspellings_owa"
case(n, owa(n, ["1. Yds", "2. Noi", "3. Yes", "4. 5", "5. lack of evidance and side efects", "6. Yees", "7. N", "8. yes", "9. yes", "", "Jack"]),
     ans(True, False, True, 5, ["evidence", "side_effects"], True, False, True, True),
     note="Outlook on the web: misspellings a human reads at once ('Yds', 'Noi', 'Yees', 'evidance', 'side efects').")

n = "heldback21h_semicolon_reasons_owa"
case(n, owa(n, ["Hi Asha,", "", "1. Yes; mostly in the terminal phase", "2. No; not our practice", "3. Yes; mainly opioid-induced hyperalgesia",
                "4. 6; I'd still want to check the dose with a colleague", "5. a; we don't use it often enough", "6. Yes; revised 2025",
                "7. No; it's on our to-do list", "8. Yes", "9. Yes; the evidence base is thin", "", "Thanks", "Jack"]),
     ans(True, False, True, 6, ["expertise"], True, False, True, True),
     note="Outlook on the web: each answer followed by a reason after a semicolon (a negation, a year, another option's word "
          "'evidence'); the reasons are not answers.")

n = "heldback21h_correction_later_same_mail_owa"
case(n, owa(n, ["1 Yes", "2 Yes", "3 Yes", "4 8", "5 b", "6 Yes", "7 No", "8 No", "9 Yes", "",
                "Hang on \u2013 for number 4 put 6 not 8, I was thinking of methadone.", "", "Jack"]),
     ans(True, True, True, 6, ["evidence"], True, False, False, True),
     note="Outlook on the web: a '1 Yes' list, then a correction later in the same mail ('for number 4 put 6 not 8'): 4 is 6.")

n = "heldback21h_pa_from_his_account_owa"
case(n, owa(n, ["Dear Dr Rahman,", "", "I'm replying on Dr Clarke's behalf as he is on leave this week; he left me his answers:", "",
                "1. yes", "2. no", "3. no", "4. 4", "5. a and b", "6. yes", "7. no", "8. yes", "9. yes", "",
                "Kind regards", "Lorraine Walsh", "PA to Dr Jack Clarke"]),
     ans(True, False, False, 4, ["expertise", "evidence"], True, False, True, True),
     note="Outlook on the web from his own address, written by his PA on his behalf ('he left me his answers'); the answers are his.")

n = "heldback21h_trap_either_or_owa"
case(n, owa(n, ["1. Yes", "2. No", "3. Yes", "4. Between 5 and 6", "5. a or b, can't decide which is worse", "6. Yes", "7. No", "8. Yes",
                "9. Ask me again in a year", "", "Jack"]),
     ans(True, False, True, U, U, True, False, True, U),
     note="TRAP. Outlook on the web: 'Between 5 and 6' (a range), 'a or b, can't decide' (either/or) and 'Ask me again in a year' "
          "are unclear.")

n = "heldback21h_trap_secretary_handwriting_owa"
case(n, owa(n, ["Dear Dr Rahman,", "", "Dr Clarke filled in a printed copy of your survey and asked me to email his answers over:", "",
                "1. Yes", "2. No", "3. Yes", "4. I can't read his writing here \u2013 it's either a 4 or a 9, sorry", "5. b", "6. Yes", "7. No",
                "8. Yes", "9. Yes", "", "Sarah Pollard", "Medical Secretary to Dr J Clarke", "North Hospice | Ext 2271"], frm=SECRETARY),
     ans(True, False, True, U, ["evidence"], True, False, True, True),
     note="TRAP. Outlook on the web from his secretary's own address, copying his paper answers on his behalf; she cannot read 4 "
          "('either a 4 or a 9'): unclear. The rest read as his.")

# =====================================================================
# Outlook for iOS / Android
# =====================================================================
n = "heldback21h_one_line_semicolons_outlook_ios"
case(n, outlook_mobile(n, ["1 yes; 2 yes; 3 no; 4 7; 5 c; 6 yes; 7 no; 8 yes; 9 yes", "", "Jack"], platform="iOS"),
     ans(True, True, False, 7, ["side_effects"], True, False, True, True),
     note="Outlook for iOS: all answers on one line separated by semicolons, '4 7' question 4 answer 7.")

n = "heldback21h_ps_correction_outlook_ios"
case(n, outlook_mobile(n, ["1. Y", "2. N", "3. Y", "4. 6", "5. B", "6. Y", "7. N", "8. Y", "9. Y", "", "Jack", "",
                           "Ps scratch that on 8, I'd say no \u2013 did the ketamine module last year."], platform="iOS"),
     ans(True, False, True, 6, ["evidence"], True, False, False, True),
     note="Outlook for iOS: one-letter answers, then 'Ps scratch that on 8, I'd say no': 8 is no.")

n = "heldback21h_dash_codes_outlook_android"
case(n, outlook_mobile(n, ["1-Y 2-Y 3-N 4-8 5-A,C 6-Y 7-Y 8-N 9-Y", "", "Sorry for brevity, on my phone. J"], platform="Android"),
     ans(True, True, False, 8, ["expertise", "side_effects"], True, True, False, True),
     note="Outlook for Android: compact codes '1-Y ... 4-8 5-A,C' on one line (4-8 is question 4, answer 8).")

n = "heldback21h_trap_no_number_outlook_android"
case(n, outlook_mobile(n, ["Yes to all the yes/no ones.", "Can't really put a number on confidence, it depends on the patient.",
                           "Barriers: mainly side effects.", "", "Jack"], platform="Android"),
     ans(True, True, True, U, ["side_effects"], True, True, True, True),
     note="TRAP. Outlook for Android: 'Yes to all the yes/no ones' answers the seven yes/no questions; no number for the scale "
          "('depends on the patient'): unclear; 'mainly side effects' is c) alone.")

# =====================================================================
# Outlook for Mac, Outlook plain text
# =====================================================================
n = "heldback21h_after_question_outlook_mac"
case(n, reply(n, "outlook_mac", top=["Answers after each question, in blue.", "", "Jack"], color="#0070C0",
              after_question={1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "b", 6: "Yes", 7: "No", 8: "Yes", 9: "No"}),
     ans(True, True, False, 5, ["evidence"], True, False, True, False),
     note="Outlook for Mac: answers typed in blue after each question's own text in the unquoted original, the Answer: lines left empty.")

n = "heldback21h_original_message_inline_outlook_text"
ot_on = {1: "yes", 2: "no", 3: "yes, for opioid toxicity", 4: "7", 5: "b & c", 6: "no", 7: "no", 8: "yes", 9: "yes"}
case(n, outlook_text(n, "My answers are after each Answer: below.\n\nJack Clarke\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=ot_on, prefix="") + "\n"),
     ans(True, False, True, 7, ["evidence", "side_effects"], False, False, True, True),
     note="Outlook desktop in plain-text mode: the original unquoted below '-----Original Message-----', answers typed after each Answer:.")

# =====================================================================
# Gmail web
# =====================================================================
n = "heldback21h_pipe_table_gmail"
case(n, reply(n, "gmail_web", top=["Hi Asha, answers in a table:", "", "| Q | Answer | Comment |", "|---|--------|---------|",
                                   "| 1 | Yes | 3-4 times a year |", "| 2 | No | |", "| 3 | Yes | |", "| 4 | 6 | |", "| 5 | a, b | |",
                                   "| 6 | No | draft only |", "| 7 | No | |", "| 8 | Yes | |", "| 9 | Yes | |", "", "Jack"]),
     ans(True, False, True, 6, ["expertise", "evidence"], False, False, True, True),
     note="Gmail web: a pipe table with a header row, a --- row and a Comment column ('3-4 times a year', 'draft only'); the comment "
          "column holds no answers.")

n = "heldback21h_inline_split_reasons_gmail"
case(n, reply(n, "gmail_web", top=["Answers inline.", "", "Jack"], answers={
    1: "Yes - for refractory bone pain near the end", 2: "No", 3: "Yes", 4: "7/10", 5: "c (hallucinations mostly)", 6: "Yes", 7: "Yes",
    8: "Yes", 9: "Yes, especially on oral dosing"}),
     ans(True, False, True, 7, ["side_effects"], True, True, True, True),
     note="Gmail web: the quote split below each Answer:, his answers unquoted in between, some with a reason.")

n = "heldback21h_mostly_no_summary_gmail"
case(n, reply(n, "gmail_web", top=["Mostly no's I'm afraid - the only yeses are 1 and 9.", "Confidence 3.", "Barriers a and b.", "",
                                   "Best,", "Jack"]),
     ans(True, False, False, 3, ["expertise", "evidence"], False, False, False, True),
     note="Gmail web: a summary 'Mostly no's ... the only yeses are 1 and 9' (the other yes/no questions no), scale and barriers apart.")

n = "heldback21h_followup_adds_option_gmail"
earlier_id = "<CAF7d1e2a9b3c4d5e6f708192a3b4c5d6e7f8091a2b3@mail.gmail.com>"
case(n, gmail_followup(n, ["Sorry, one more thing - for 5 please add side effects as well, so b and c.", "", "Jack"],
                       ["1. Yes", "2. No", "3. Yes", "4. 7", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"], earlier_id,
                       "On Mon, 11 Jan 2027 at 08:52, Jack Clarke <jack.clarke@north-hospice.test> wrote:",
                       "Thu, 14 Jan 2027 16:05:11 +0000"),
     ans(None, None, None, None, ["evidence", "side_effects"]),
     note="Gmail web: a follow-up to his own earlier reply (quoted, with the invitation inside) adding side effects to 5, so b and c; "
          "the quoted earlier answers are not this message's, so 1-4 and 6-9 are missing.")

n = "heldback21h_trap_regional_protocol_gmail"
case(n, reply(n, "gmail_web", top=["1. yes", "2. yes and no - depends what you call early", "3. yes", "4. 6 to 7", "5. c",
                                   "6. We use the regional one rather than our own", "7. no", "8. yes", "9. yes", "", "Jack"]),
     ans(True, U, True, U, ["side_effects"], U, False, True, True),
     note="TRAP. Gmail web: 'yes and no - depends what you call early', '6 to 7' and, for his service's own written protocol, "
          "'We use the regional one rather than our own' are unclear.")

# =====================================================================
# Gmail for Android / iOS
# =====================================================================
n = "heldback21h_misspellings_gmail_android"
case(n, reply(n, "gmail_android", top=["1 Yez", "2 nah", "3 Yup", "4 sevn", "5 evidnce", "6 Yes", "7 no", "8 Yes", "9 Yes"]),
     ans(True, False, True, 7, ["evidence"], True, False, True, True),
     note="Gmail for Android: mobile spellings 'Yez', 'nah', 'Yup', 'sevn' (7) and 'evidnce' (b).")

n = "heldback21h_bare_in_order_gmail_android"
case(n, reply(n, "gmail_android", top=["Y Y N 7 C Y N Y Y", "", "J"]),
     ans(True, True, False, 7, ["side_effects"], True, False, True, True, inferred=True),
     note="Gmail for Android: nine bare answers in order on one line with no question numbers: inferred.")

n = "heldback21h_partial_rest_later_gmail_android"
case(n, reply(n, "gmail_android", top=["1 yes", "2 no", "3 yes", "4 8", "5 d", "",
                                       "Will do the rest tonight when I've checked with our pharmacist.", "", "Jack"]),
     ans(True, False, True, 8, ["none"]),
     note="Gmail for Android: 1-5 answered, the rest left for later; 6-9 missing, not unclear.")

n = "heldback21h_before_answer_gmail_ios"
case(n, reply(n, "gmail_ios", top=["See below.", "", "Jack"], before={1: "Yes", 2: "No", 3: "No", 4: "9", 5: "None", 6: "Yes", 7: "Yes",
                                                                     8: "No", 9: "Yes"}),
     ans(True, False, False, 9, ["none"], True, True, False, True),
     note="Gmail for iOS: the quote split between each question and its Answer:, his answer unquoted there; 'None' for barriers is d).")

n = "heldback21h_trap_ask_colleague_gmail_ios"
case(n, reply(n, "gmail_ios", top=["Yes across the board except I'm not sure about 7 - best ask Helen in the community team.",
                                   "Confidence 6, barriers c.", "", "Jack"]),
     ans(True, True, True, 6, ["side_effects"], True, U, True, True),
     note="TRAP. Gmail for iOS: 'Yes across the board' except 7, which he is not sure about ('best ask Helen'): 7 unclear, the "
          "other yes/no questions yes.")

# =====================================================================
# iPhone Mail
# =====================================================================
n = "heldback21h_inline_split_iphone"
case(n, apple_reply(n, "iphone", top=["Answers below"], answers={1: "Yes", 2: "Yes - low dose, alongside oxycodone", 3: "Yes", 4: "8", 5: "A",
                                                                6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
     ans(True, True, True, 8, ["expertise"], False, False, True, True),
     note="iPhone Mail: the quote split below each Answer:, answers unquoted in between.")

n = "heldback21h_ps_correction_iphone"
case(n, apple_reply(n, "iphone", top=["1 yes", "2 no", "3 yes", "4 5", "5 a,b,c", "6 yes", "7 no", "8 yes", "9 yes", "", "Jack", "",
                                      "P.S. Just realised 3 should be no - I was thinking of methadone."]),
     ans(True, False, False, 5, ["expertise", "evidence", "side_effects"], True, False, True, True),
     note="iPhone Mail: a list, then 'P.S. Just realised 3 should be no': 3 is no.")

n = "heldback21h_q_codes_one_line_iphone"
case(n, apple_reply(n, "iphone", top=["Q1 Y Q2 Y Q3 N Q4 6 Q5 B+C Q6 Y Q7 N Q8 Y Q9 Y"]),
     ans(True, True, False, 6, ["evidence", "side_effects"], True, False, True, True),
     note="iPhone Mail: question codes and one-letter answers on one line, 'Q5 B+C' options b) and c).")

n = "heldback21h_yes_everything_but_iphone"
case(n, apple_reply(n, "iphone", top=["Yes to everything but 2 & 6 (both no).", "4 = 7", "5 = a", "", "Jack"]),
     ans(True, False, True, 7, ["expertise"], False, True, True, True),
     note="iPhone Mail: 'Yes to everything but 2 & 6 (both no)', then '4 = 7' and '5 = a'.")

n = "heldback21h_trap_hedges_iphone"
case(n, apple_reply(n, "iphone", top=["1. Yes", "2. Can't remember doing so", "3. Yes", "4. 6 maybe 7", "5. b", "6. Yes", "7. No", "8. Yes",
                                      "9. Not my area to judge"]),
     ans(True, U, True, U, ["evidence"], True, False, True, U),
     note="TRAP. iPhone Mail: 'Can't remember doing so', '6 maybe 7' and 'Not my area to judge' are unclear.")

# =====================================================================
# Apple Mail (macOS)
# =====================================================================
n = "heldback21h_flowed_delsp_comment_apple_mail"
am_lines = ["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
            "10. A regional protocol would help. We adapt the teaching hospital's for 2 inpatient units, which is not ideal.", "", "Jack"]
case(n, apple_mac_plain(n, apple_mac_text(am_lines)),
     ans(True, False, True, 7, ["evidence"], True, False, True, True,
         comment="A regional protocol would help. We adapt the teaching hospital's for 2 inpatient units, which is not ideal."),
     note="Apple Mail plain text, format=flowed DelSp=yes: the comment on 10 soft-broken so that its continuation line begins "
          "'2 inpatient units'; joined, it is one sentence.")

n = "heldback21h_on_quoted_answer_lines_apple_mail"
case(n, apple_reply(n, "apple_mac", top=["I've filled them in below.", "", "Jack"],
                    on_line={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b and c", 6: "Yes", 7: "No", 8: "No", 9: "Yes"}),
     ans(True, False, True, 6, ["evidence", "side_effects"], True, False, False, True),
     note="Apple Mail (rich): answers typed on the Answer: lines inside the quote ('> Answer: Yes' in the text part, coloured in the HTML).")

n = "heldback21h_reasons_other_words_apple_mail"
case(n, apple_mac(n, ["Dear Asha,", "", "1. Yes - in the last days when opioids alone weren't enough", "2. No (never as a first-line adjuvant)",
                      "3. Yes - twice this year", "4. 8", "5. b (side effects are manageable in my experience)", "6. Yes",
                      "7. Yes - the community version came out in 2025", "8. No, I've done the regional course", "9. Yes", "",
                      "Best wishes,", "Jack"]),
     ans(True, False, True, 8, ["evidence"], True, True, False, True),
     note="Apple Mail (rich): answers with reasons, one naming another option ('b (side effects are manageable ...)': b alone).")

# =====================================================================
# Thunderbird, Samsung, Yahoo
# =====================================================================
n = "heldback21h_pipe_table_flowed_thunderbird"
tb_lines = ["Asha,", "", "Answers:", "", "Q  | Answer | Notes",
            "1  | Yes    | usually by CSCI in the last days of life, dose range 50-150 mg/24h",
            "2  | No     |", "3  | Yes    | for opioid toxicity in renal impairment; in the past year 3 patients",
            "4  | 7      |", "5  | a, c   |", "6  | Yes    |", "7  | No     |", "8  | Yes    |", "9  | Yes    |", "", "Jack", "",
            "-- ", "Dr Jack Clarke", "Consultant in Palliative Medicine, North Hospice", "0113 496 0732"]
case(n, thunderbird_flowed(n, "\n".join(tb_lines) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     ans(True, False, True, 7, ["expertise", "side_effects"], True, False, True, True),
     note="Thunderbird plain text, format=flowed: a pipe table whose long notes rows are soft-broken (continuations begin with "
          "numbers); the notes are not answers; a '-- ' signature with a phone number.")

n = "heldback21h_inline_flowed_thunderbird"
tb_ans = {1: "Yes, though only a few times over the last couple of years, always on the advice of the pain team", 2: "No", 3: "Yes",
          4: "5 - I would always discuss the dose with pharmacy first", 5: "a and b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
          10: "Thanks for doing this - it is overdue."}
case(n, thunderbird_flowed(n, "Answers inline below.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=tb_ans) + "\n"),
     ans(True, False, True, 5, ["expertise", "evidence"], False, False, True, True, comment="Thanks for doing this - it is overdue."),
     note="Thunderbird plain text, format=flowed: answers unquoted below each quoted Answer:, a long reason soft-broken, a comment on 10.")

n = "heldback21h_top_list_nothing_to_add_samsung"
case(n, reply(n, "samsung", top=["1 yes", "2 yes", "3 no", "4 6", "5 b", "6 yes", "7 no", "8 yes", "9 yes", "10 Nothing to add"]),
     ans(True, True, False, 6, ["evidence"], True, False, True, True),
     note="Samsung Email: a '1 yes' list above 'Sent from my Galaxy' and the unquoted original; 10 'Nothing to add' is no comment.")

n = "heldback21h_summary_apart_from_yahoo"
case(n, yahoo(n, ["All are yes apart from questions 2 & 7, which are no.", "Confidence: 7", "Barriers: evidence", "", "Jack"]),
     ans(True, False, True, 7, ["evidence"], True, False, True, True),
     note="Yahoo Mail: 'All are yes apart from questions 2 & 7, which are no', the scale and barriers on their own lines.")
