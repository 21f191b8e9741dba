"""The cases of heldback21f (see tests/fixtures/heldback21f/README.md):
replies to the example survey weighted as a real inbox (Outlook first,
then Gmail and Apple, a few others), written without the parser's rules."""
import re
from lib import *
from clients import gmail_top, iphone, iphone_text, iphone_html, apple, owa, outlook_mobile, yahoo, thunderbird_flowed, \
    outlook_text, ORIGINAL_MESSAGE, divs
from clients_new import reply, apple_reply, inv_html, word_table, word_paras, outlook_desktop_raw, apple_mac, apple_mac_plain, \
    apple_mac_text, aol_21d

P = "heldback21f_"
Y, N = True, False
U = UNCLEAR
LETTER = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def E(*vals, comment=None, other=None):
    """Expected answers to questions 1-9 in order (None: not answered, U:
    unclear; barriers as letters 'ac'), and the comment if any."""
    out = {}
    for qid, v in zip(IDS[:9], vals):
        if v is None:
            continue
        if v is U:
            out[qid] = UNCLEAR
        elif qid == "barriers":
            out[qid] = ok([LETTER[c] for c in v], other=other if "e" in v else None)
        else:
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def add(name, raw, answers, note):
    case(P + name, raw, answers, note=note)


# ---------- signatures and footers ----------
SIG = ["Dr Jack Clarke MBChB FRCP", "Consultant in Palliative Medicine", "North Hospice, 14 Mill Lane, Leeds LS6 2QR",
       "Tel 0113 496 0321 (ext 4410) | Bleep 2291 | Mobile 07700 900461", "GMC 7012345"]
SIG_SHORT = ["Dr Jack Clarke", "Consultant, Palliative Medicine", "North Hospice | 0113 496 0321"]
HOSPICE_FOOTER = [
    "This email and any files sent with it are confidential and intended only for the named recipient. If you have "
    "received it in error please telephone 0113 496 0000 and delete it from your system. North Hospice is a charity "
    "registered in England and Wales (no. 1012345) and a company limited by guarantee (no. 2700123). Registered office: "
    "14 Mill Lane, Leeds LS6 2QR. VAT reg. 123 4567 89."]


def footer_html(lines):
    return "".join(f'<p class="MsoNormal" style="margin-top:12.0pt"><span style="font-size:8.0pt;font-family:&quot;Arial&quot;,sans-serif;color:gray">{esc(l)}<o:p></o:p></span></p>\n' for l in lines)


def sig_html(lines):
    """An Outlook signature: name in bold, the rest small and grey."""
    first = f'<p class="MsoNormal"><b><span style="font-size:10.0pt;color:#1F3864">{esc(lines[0])}</span></b><o:p></o:p></p>\n'
    return first + "".join(f'<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">{esc(l)}</span><o:p></o:p></p>\n' for l in lines[1:])


# ---------- Outlook for Windows (Word HTML), hand-assembled ----------
def od(name, top=(), below=None, on_line=None, after_question=None, color="#1F3864", footer=None, frm=None,
       top_html=None, top_text=None, sig=None, on_line_html=None, **kw):
    """Outlook 365 for Windows: `top` paragraphs (then a signature) above the
    From/Sent block, the original unquoted with answers typed in the
    doctor's colour; the sender's gateway footer at the very end."""
    span = lambda a: f'<span style="color:{color}">' + esc(a).replace("\n", "<br>\n") + "</span>"
    below, on_line, after_question = below or {}, on_line or {}, after_question or {}
    on_html = {q: " " + span(a) for q, a in on_line.items()}
    on_html.update(on_line_html or {})
    original_html = word_original(after_question={q: " " + span(a) for q, a in after_question.items()},
                                  on_answer=on_html, below_answer={q: span(a) for q, a in below.items()})
    original_text = flat_text(after_question=after_question, on_answer=on_line, below_answer=below)
    th = top_html if top_html is not None else word_paras(list(top))
    tt = top_text if top_text is not None else "\n".join(top)
    if sig:
        th += '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' + sig_html(sig)
        tt += "\n\n" + "\n".join(sig)
    html = th + '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' + OUTLOOK_FROM_HTML + original_html + "\n"
    text = tt + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + original_text + "\n"
    if footer:
        html += footer_html(footer)
        text += "\n" + "\n\n".join(footer) + "\n"
    return outlook_desktop_raw(name, html, text, frm=frm, **kw)


def word_list(items):
    """Word's automatic numbered list (MsoListParagraph, the number in an
    mso-list:Ignore span) and Outlook's text rendering of it."""
    html = ""
    for i, t in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else ("MsoListParagraphCxSpLast" if i == len(items) else "MsoListParagraphCxSpMiddle")
        html += (f'<p class="{cls}" style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">{i}.'
                 '<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>'
                 f'{esc(t)}<o:p></o:p></p>\n')
    return html, "\n".join(f"{i}.\t{t}" for i, t in enumerate(items, 1))


# ---------- Gmail ----------
def gmail_html(lines, sign, inner, wrote, android=False):
    a = ' dir="auto"' if android else ""
    return (f'<div dir="{"auto" if android else "ltr"}">' + divs(lines, a) + f"<div{a}><br></div>" + divs(sign, a) + "</div><br>"
            + gmail_quote_html(inner, wrote=wrote))


# =====================================================================
# Outlook 365 for Windows
# =====================================================================
add("numbered_sig_footer_outlook",
    od(P + "numbered_sig_footer_outlook",
       ["Hi Asha,", "", "Answers below:", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
        "", "Kind regards", "Jack"], sig=SIG, footer=HOSPICE_FOOTER),
    E(Y, N, Y, 7, "ac", Y, N, Y, Y),
    "Outlook desktop: a '1. Yes' list on top, a signature with phone, bleep, mobile and GMC numbers, the hospice footer (charity, company and VAT numbers) below the unquoted original.")

add("after_question_blue_outlook",
    od(P + "after_question_blue_outlook", ["Hello,", "", "My answers are in blue next to each question.", "", "Jack"],
       after_question={1: "Yes", 2: "No", 3: "Yes – on two occasions, both for opioid toxicity", 4: "6", 5: "B",
                       6: "No", 7: "No", 8: "Yes", 9: "Yes"}, color="#0070C0", sig=SIG_SHORT),
    E(Y, N, Y, 6, "b", N, N, Y, Y),
    "Outlook desktop: answers typed in blue after each question's own text in the unquoted original (the Answer: lines left empty); 3 has a reason with 'two'.")

add("paren_reasons_outlook",
    od(P + "paren_reasons_outlook",
       ["Dear Dr Rahman,", "", "1) Yes – usually with the hospital pain team involved", "2) No, never that early on",
        "3) Yes", "4) 5 – I would still ring pharmacy before starting it", "5) a and b", "6) Yes (last updated 2024)",
        "7) No – it has been talked about for ages", "8) Yes please", "9) Definitely", "", "Best wishes,", "Jack Clarke"]),
    E(Y, N, Y, 5, "ab", Y, N, Y, Y),
    "Outlook desktop: a '1)' list with reasons after dashes and commas ('never', 'still', a year in brackets); 'Yes please' and 'Definitely'.")

add("below_answer_red_partial_outlook",
    od(P + "below_answer_red_partial_outlook",
       ["Asha – answers in red below. I've left the barriers question for now, I want to have a think about it.", "", "J"],
       below={1: "Yes", 2: "Yes", 3: "No", 4: "8/10", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}, color="#C00000"),
    E(Y, Y, N, 8, None, Y, Y, N, Y),
    "Outlook desktop: answers in red paragraphs below each Answer: of the unquoted original; 5 left out on purpose (missing), '8/10'.")

add("correction_ps_outlook",
    od(P + "correction_ps_outlook",
       ["Hi,", "", "1 - yes", "2 - yes", "3 - yes", "4 - 7", "5 - b", "6 - yes", "7 - no", "8 - no", "9 - yes", "", "Thanks",
        "Jack", "", "PS sorry, I've got 7 wrong – we signed off the community guidance with the district nurses in the summer, so 7 is a yes."]),
    E(Y, Y, Y, 7, "b", Y, Y, N, Y),
    "Outlook desktop: a '1 - yes' list, and a P.S. below the sign-off that changes 7 from no to yes (the correction wins).")

add("summary_apart_from_outlook",
    od(P + "summary_apart_from_outlook",
       ["Hi Asha,", "", "Yes to everything apart from 2 and 7.", "Confidence 6/10.", "Barriers: lack of evidence mainly.", "",
        "Regards,", "Jack"], sig=SIG_SHORT),
    E(Y, N, Y, 6, "b", Y, N, Y, Y),
    "Outlook desktop: 'Yes to everything apart from 2 and 7' (2 and 7 no), the scale and the barriers given apart ('lack of evidence mainly').")

_wl_html, _wl_text = word_list(["Yes", "Yes", "Yes", "8", "Side effects", "Yes", "Yes", "No", "Yes",
                                "We mostly use it as a CSCI over 24 hours via a syringe driver, rarely orally."])
add("word_auto_list_comment_outlook",
    od(P + "word_auto_list_comment_outlook",
       top_html=word_paras(["Dear Asha,", ""]) + _wl_html + word_paras(["", "Best wishes", "Jack"]),
       top_text="Dear Asha,\n\n" + _wl_text + "\n\nBest wishes\nJack"),
    E(Y, Y, Y, 8, "c", Y, Y, N, Y, comment="We mostly use it as a CSCI over 24 hours via a syringe driver, rarely orally."),
    "Outlook desktop: Word's automatic numbered list (numbers in mso-list:Ignore spans, '1.<TAB>' in the text part), barriers by label, a comment as item 10 with '24 hours'.")

add("comment_marking_outlook",
    od(P + "comment_marking_outlook", ["See my comments below.", "", "Jack"],
       on_line={1: "[Clarke, Jack] Yes", 2: "[Clarke, Jack] No", 3: "[Clarke, Jack] No", 4: "[Clarke, Jack] 4",
                5: "[Clarke, Jack] a", 6: "[Clarke, Jack] No", 7: "[Clarke, Jack] No", 8: "[Clarke, Jack] Yes",
                9: "[Clarke, Jack] Yes", 10: "[Clarke, Jack] Happy to help with the regional guidance work if that's useful."},
       on_line_html={q: f' <b><i><span style="color:#2F5597">[Clarke, Jack]</span></i></b><span style="color:#2F5597"> {esc(a)}</span>'
                     for q, a in {1: "Yes", 2: "No", 3: "No", 4: "4", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                                  10: "Happy to help with the regional guidance work if that's useful."}.items()},
       color="#2F5597"),
    E(Y, N, N, 4, "a", N, N, Y, Y, comment="Happy to help with the regional guidance work if that's useful."),
    "Outlook desktop: Outlook's comment marking '[Clarke, Jack]' (bold italic) on every Answer: line of the unquoted original, with a comment to 10.")

add("trap_contradiction_outlook",
    od(P + "trap_contradiction_outlook",
       ["Hi Asha", "", "1. Yes", "2. Yes", "3. No", "4. 6", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
        "To be honest I only ever reach for ketamine in the last few days of life, when nothing else is working.", "",
        "Jack"]),
    E(Y, U, N, 6, "a", Y, N, Y, Y),
    "Trap. Outlook desktop: a full list, then a sentence that contradicts 2 (yes to early use, but 'only ever in the last few days of life') with no word of correction: 2 unclear.")

add("bare_letters_outlook",
    od(P + "bare_letters_outlook", ["1 Y", "2 N", "3 Y", "4 7", "5 b c", "6 N", "7 N", "8 Y", "9 Y", "", "JC"]),
    E(Y, N, Y, 7, "bc", N, N, Y, Y),
    "Outlook desktop: '1 Y' numbers without punctuation and one-letter answers, '5 b c'.")

_tbl_html, _tbl_text = word_table([["Question", "Answer"], ["1", "Yes"], ["2", "No"], ["3", "Yes"], ["4", "5"], ["5", "a, b"],
                                   ["6", "Yes"], ["7", "Yes"], ["8", "Yes"], ["9", "Yes"]], widths=[90, 160])
add("word_table_outlook",
    od(P + "word_table_outlook",
       top_html=word_paras(["Hi Asha,", "", "I've put my answers in a table, hope that's OK.", ""]) + _tbl_html
       + word_paras(["", "Thanks,", "Jack"]),
       top_text="Hi Asha,\n\nI've put my answers in a table, hope that's OK.\n\n" + _tbl_text + "\n\nThanks,\nJack"),
    E(Y, N, Y, 5, "ab", Y, Y, Y, Y),
    "Outlook desktop: a two-column Word table (question number, answer); the text part has the cells separated by tabs.")

add("other_specified_outlook",
    od(P + "other_specified_outlook",
       ["Asha,", "", "1. Yes – probably 3 or 4 patients this year", "2. No", "3. Yes – once, someone on about 400 mg oral morphine equivalent a day",
        "4. 7 out of 10", "5. a) and e) our pharmacy can't always get it at short notice", "6. Yes", "7. No", "8. Yes",
        "9. Yes", "", "Jack"], sig=SIG, footer=HOSPICE_FOOTER),
    E(Y, N, Y, 7, "ae", Y, N, Y, Y, other="our pharmacy can't always get it at short notice"),
    "Outlook desktop: reasons holding numbers ('3 or 4 patients', '400 mg'), '7 out of 10', an 'other' barrier specified after 'a) and e)'; signature and footer full of numbers.")

add("trap_hedge_range_outlook",
    od(P + "trap_hedge_range_outlook",
       ["1. Yes", "2. No", "3. Yes", "4. 6 or 7", "5. b", "6. I believe so, but I'd need to check with our pharmacist", "7. No",
        "8. Yes", "9. Yes", "", "Jack"]),
    E(Y, N, Y, U, "b", U, N, Y, Y),
    "Trap. Outlook desktop: '6 or 7' for the scale and 'I believe so, but I'd need to check' for 6: both unclear.")

add("secretary_own_address_outlook",
    od(P + "secretary_own_address_outlook",
       ["Dear Dr Rahman,", "", "Dr Clarke is on leave until 4 January and asked me to send you his answers:", "",
        "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. c", "6. Yes", "7. No", "8. No", "9. Yes", "", "Kind regards,", "",
        "Sarah Pollard", "Medical Secretary to Dr J Clarke", "North Hospice | Tel 0113 496 0388 | Fax 0113 496 0389"],
       frm='"Pollard, Sarah" <sarah.pollard@north-hospice.test>'),
    E(Y, Y, Y, 8, "c", Y, N, N, Y),
    "Outlook desktop from his secretary's own address, his answers as a list, a date and phone and fax numbers around it (read the same way; the store holds it for his confirmation).")

# =====================================================================
# Outlook on the web (hospice Microsoft 365 / NHSmail)
# =====================================================================
add("numbered_nhsmail_owa",
    owa(P + "numbered_nhsmail_owa",
        ["1. Yes", "2. Yes", "3. No", "4. 8", "5. b", "6. Yes", "7. Yes", "8. No – did the regional study day last year", "9. Yes", "",
         "Jack", "", "Dr Jack Clarke | Consultant in Palliative Medicine", "North Hospice / Leeds Teaching Hospitals",
         "Mob: 07700 900461 | Sec: 0113 496 0388"],
        frm='"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke7@nhs.net>'),
    E(Y, Y, N, 8, "b", Y, Y, N, Y),
    "Outlook on the web from his NHSmail address: a '1. Yes' list, a reason after 8's 'No', a signature with phone numbers (read the same way; held for his confirmation).")

_owa_on = {1: "Yes", 2: "No", 3: "No", 4: "4", 5: "a", 6: "No", 7: "No", 8: "Yes definitely", 9: "Yes"}
add("on_answer_lines_red_owa",
    owa(P + "on_answer_lines_red_owa", ["Answers in red below – Jack"],
        original=inv_html(on_line=_owa_on, color="#C00000"), original_text=text_inline(on_line=_owa_on, prefix="")),
    E(Y, N, N, 4, "a", N, N, Y, Y),
    "Outlook on the web: answers typed in red on each Answer: line of the unquoted original ('Yes definitely').")

add("summary_all_yes_except_owa",
    owa(P + "summary_all_yes_except_owa",
        ["Hi Asha,", "", "All yes except 3 and 6.", "Q4 – 9", "Q5 – none really", "", "Jack"]),
    E(Y, Y, N, 9, "d", N, Y, Y, Y),
    "Outlook on the web: 'All yes except 3 and 6', then 'Q4 – 9' and 'Q5 – none really' (d).")

add("confidence_words_owa",
    owa(P + "confidence_words_owa",
        ["1. yes", "2. yes", "3. yes", "4. reasonably confident – 6", "5. lack of evidence, side effects", "6. no", "7. no", "8. yes",
         "9. yes", "", "Thanks, Jack"]),
    E(Y, Y, Y, 6, "bc", N, N, Y, Y),
    "Outlook on the web: lower-case list, the scale in words and a number ('reasonably confident – 6'), barriers by their labels.")

add("q_prefix_comment_owa",
    owa(P + "q_prefix_comment_owa",
        ["Q1 Yes", "Q2 No", "Q3 Yes", "Q4 7", "Q5 A", "Q6 Yes", "Q7 No", "Q8 Yes", "Q9 Yes",
         "Q10 Good luck with it – I'm looking forward to seeing the results.", "", "Jack Clarke", "North Hospice"]),
    E(Y, N, Y, 7, "a", Y, N, Y, Y, comment="Good luck with it – I'm looking forward to seeing the results."),
    "Outlook on the web: 'Q1 Yes' without punctuation, a comment as Q10.")

add("trap_dont_know_owa",
    owa(P + "trap_dont_know_owa",
        ["1. Yes", "2. No", "3. Yes", "4. 5", "5. a", "6. Don't know – I'm a locum here", "7. not sure", "8. Yes", "9. Yes", "",
         "Jack"]),
    E(Y, N, Y, 5, "a", U, U, Y, Y),
    "Trap. Outlook on the web: 'Don't know – I'm a locum here' for 6 and 'not sure' for 7: unclear.")

_owa_below = {1: "Yes – right at the end", 2: "No", 3: "Yes", 4: "Seven", 5: "a + c", 6: "Yes", 7: "No", 8: "Yes",
              9: "No – I think the evidence is about as good as it will get"}
add("below_answer_html_only_owa",
    owa(P + "below_answer_html_only_owa", ["Hi, answers under each question.", "", "Jack"],
        original=inv_html(after=_owa_below, color="#7030A0"), html_only=True),
    E(Y, N, Y, 7, "ac", Y, N, Y, N),
    "Outlook on the web, HTML only: answers in purple in their own blocks below each Answer: of the unquoted original; 'Seven', 'a + c', 9 'No' with a reason holding 'I think'.")

add("correction_inside_answer_owa",
    owa(P + "correction_inside_answer_owa",
        ["1. Yes", "2. Yes", "3. Yes", "4. 8", "5. b – sorry, I mean b and c", "6. yes", "7. yes", "8. no", "9. yes", "", "J Clarke"]),
    E(Y, Y, Y, 8, "bc", Y, Y, N, Y),
    "Outlook on the web: a correction inside an answer ('b – sorry, I mean b and c').")

add("partial_later_owa",
    owa(P + "partial_later_owa",
        ["Here are the first five – I'll do the rest after clinic.", "", "1. Yes", "2. No", "3. No", "4. 3", "5. a", "", "Jack"]),
    E(Y, N, N, 3, "a"),
    "Outlook on the web: a partial reply, 1-5 only, 'the rest after clinic' (6-9 missing).")

# =====================================================================
# Outlook for iOS / Android, Outlook for Mac, Outlook plain text
# =====================================================================
add("short_outlook_ios",
    outlook_mobile(P + "short_outlook_ios", ["1 yes", "2 yes", "3 no", "4 6", "5 b", "6 yes", "7 no", "8 yes", "9 yes", "",
                                             "Sent between patients – Jack"]),
    E(Y, Y, N, 6, "b", Y, N, Y, Y),
    "Outlook for iOS: a bare '1 yes' list, the scale as '4 6'.")

add("typos_outlook_ios",
    outlook_mobile(P + "typos_outlook_ios", ["1. Yrs", "2. No", "3. Yes", "4. 7", "5. B", "6. Yes", "7. Ni", "8. Yes", "9. Yess"]),
    E(Y, N, Y, 7, "b", Y, N, Y, Y),
    "Outlook for iOS: thumb typos ('Yrs', 'Ni', 'Yess').")

add("trap_all_yes_outlook_ios",
    outlook_mobile(P + "trap_all_yes_outlook_ios", ["All yes from me. Good luck with the project", "", "Jack"]),
    E(Y, Y, Y, U, U, Y, Y, Y, Y),
    "Trap. Outlook for iOS: 'All yes from me' answers the yes/no questions; the scale and the barriers are unclear.")

add("one_line_commas_outlook_android",
    outlook_mobile(P + "one_line_commas_outlook_android", ["1 yes, 2 yes, 3 yes, 4 8, 5 a, 6 no, 7 no, 8 yes, 9 yes", "", "Jack"],
                   platform="Android"),
    E(Y, Y, Y, 8, "a", N, N, Y, Y),
    "Outlook for Android: all the answers on one line, numbered, separated by commas.")

add("trap_range_draft_outlook_android",
    outlook_mobile(P + "trap_range_draft_outlook_android",
                   ["1. Yes", "2. Sometimes", "3. Yes", "4. 5-6", "5. A", "6. Yes", "7. In draft", "8. Yes", "9. Yes"], platform="Android"),
    E(Y, Y, Y, U, "a", Y, U, Y, Y),
    "Trap. Outlook for Android: 'Sometimes' for 'have you used' is a yes; a range '5-6' and 'In draft' for 7 are unclear.")

add("colon_list_outlook_mac",
    reply(P + "colon_list_outlook_mac", "outlook_mac",
          top=["Hi Asha,", "", "1: Yes", "2: No", "3: Yes", "4: 8", "5: Expertise and evidence", "6: Yes", "7: No", "8: Yes", "9: Yes",
               "", "Best,", "Jack"]),
    E(Y, N, Y, 8, "ab", Y, N, Y, Y),
    "Outlook for Mac: a '1: Yes' list, barriers by their labels' key words ('Expertise and evidence').")

_ot_on = {1: "Yes", 2: "Yes", 3: "No", 4: "6", 5: "c", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
          10: "Our consultants have rather different views on this!"}
add("answer_lines_plain_outlook_text",
    outlook_text(P + "answer_lines_plain_outlook_text",
                 "Answers added below.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=_ot_on, prefix="") + "\n"),
    E(Y, Y, N, 6, "c", Y, Y, Y, Y, comment="Our consultants have rather different views on this!"),
    "Outlook desktop in plain-text mode: answers on the Answer: lines of the unquoted original below '-----Original Message-----', a comment on 10's.")

# =====================================================================
# Gmail web
# =====================================================================
add("paren_comment_gmail",
    gmail_top(P + "paren_comment_gmail",
              ["Hi Asha", "", "1) yes", "2) no", "3) yes", "4) 6", "5) b", "6) yes", "7) no", "8) yes", "9) yes",
               "10) We keep it for neuropathic pain that hasn't responded to anything else."], sign=("Thanks,", "Jack")),
    E(Y, N, Y, 6, "b", Y, N, Y, Y, comment="We keep it for neuropathic pain that hasn't responded to anything else."),
    "Gmail web: a '1) yes' list with a comment as 10).")

add("inline_split_gmail",
    reply(P + "inline_split_gmail", "gmail_web", top=["Answers inline.", "", "Jack"],
          answers={1: "Yes", 2: "Yes but rarely", 3: "No", 4: "9", 5: "b and c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}),
    E(Y, Y, N, 9, "bc", Y, N, Y, Y),
    "Gmail web: the quote split below each Answer:, answers unquoted between ('Yes but rarely').")

add("topic_labels_gmail",
    gmail_top(P + "topic_labels_gmail",
              ["End of life: yes", "Early adjuvant: no", "Opioid sparing: yes", "Confidence: 7", "Barriers: evidence",
               "Protocol: yes", "Community guidance: no", "Training: yes", "Research: yes"], sign=("Jack",)),
    E(Y, N, Y, 7, "b", Y, N, Y, Y),
    "Gmail web: answers labelled by the questions' topics instead of numbers.")

_GF_FIRST_LINES = ["1 - Y", "2 - Y", "3 - N", "4 - 7", "5 - A, B", "6 - N", "7 - N", "8 - Y", "9 - Y"]
_GF_FIRST_SIGN = ("Cheers,", "Jack")
_GF_FIRST_DATE = "Wed, 16 Dec 2026 08:12:31 +0000"
add("dash_letters_first_gmail",
    gmail_top(P + "dash_letters_first_gmail", _GF_FIRST_LINES, sign=_GF_FIRST_SIGN, date=_GF_FIRST_DATE),
    E(Y, Y, N, 7, "ab", N, N, Y, Y),
    "Gmail web: a '1 - Y' list of one-letter answers (the first of two messages; the next changes 4).")

_gf_first_id = f"<CAF{hashlib.sha1((P + 'dash_letters_first_gmail').encode()).hexdigest()[:24]}@mail.gmail.com>"
_gf_first_text = "\n".join(_GF_FIRST_LINES) + "\n\n" + "\n".join(_GF_FIRST_SIGN) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
_gf_first_html = gmail_html(_GF_FIRST_LINES, _GF_FIRST_SIGN, INV_HTML_BODY, WROTE_GMAIL)
_gf_wrote = f"On Wed, 16 Dec 2026 at 08:12, {DOC_FIRST} {DOC_LAST} <{DOC_ADDR}> wrote:"
_gf_lines = ["Sorry Asha – one change. For question 4 please put 5 rather than 7, I was being generous to myself."]
add("followup_changes_4_gmail",
    gmail(P + "followup_changes_4_gmail",
          "\n".join(_gf_lines) + "\n\nJack\n\n" + _gf_wrote + "\n\n" + quote(_gf_first_text) + "\n",
          gmail_html(_gf_lines, ("Jack",), _gf_first_html, _gf_wrote),
          in_reply_to=_gf_first_id, references=f"{INV_ID} {_gf_first_id}", date="Thu, 17 Dec 2026 19:40:05 +0000"),
    E(None, None, None, 5),
    "Gmail web: a follow-up to his own earlier reply changing only 4 ('please put 5 rather than 7'); his earlier list is quoted and not counted (1-3, 5-9 missing).")

add("trap_two_labels_gmail",
    gmail_top(P + "trap_two_labels_gmail",
              ["1. Yes", "2. Yes", "3. Yes", "4. Somewhere in the middle", "5. Not being familiar enough with the side effects",
               "6. Yes", "7. No", "8. Yes", "9. Yes"], sign=("Best wishes,", "Jack")),
    E(Y, Y, Y, U, U, Y, N, Y, Y),
    "Trap. Gmail web: 'Somewhere in the middle' for the scale, and a barrier that fits both a) (familiarity) and c) (side effects): both unclear.")

add("reasons_negations_gmail",
    gmail_top(P + "reasons_negations_gmail",
              ["1. Yes, though not often – maybe twice a year", "2. No. Not something we would start early here.",
               "3. Yes – where there was myoclonus or drowsiness on higher doses", "4. 6",
               "5. a – I haven't had enough patients on it to feel at home with it", "6. No – we use the hospital trust's one",
               "7. No", "8. Yes", "9. Yes, particularly around dosing in renal impairment"], sign=("Kind regards,", "Jack Clarke")),
    E(Y, N, Y, 6, "a", N, N, Y, Y),
    "Gmail web: reasons after answers holding negations and numbers ('not often – maybe twice a year', 'haven't', 'we use the hospital trust's one').")

add("personal_address_gmail",
    gmail_top(P + "personal_address_gmail",
              ["Replying from my personal account as I can't get into work email from home:", "", "1. Y", "2. N", "3. Y", "4. 5",
               "5. B", "6. Y", "7. N", "8. Y", "9. Y"], sign=("Jack Clarke",),
              frm='"Jack Clarke" <jackclarke.leeds@gmail.com>'),
    E(Y, N, Y, 5, "b", Y, N, Y, Y),
    "Gmail web from his personal address: one-letter answers 'Y'/'N' (read the same way; held for his confirmation).")

# =====================================================================
# Gmail for Android / iOS
# =====================================================================
add("typos_gmail_android",
    gmail_top(P + "typos_gmail_android",
              ["1 yes", "2 yes", "3 yea", "4 7", "5 b", "6 yes", "7 no", "8 yws", "9 yes", "", "Sent from my phone so excuse typos"],
              sign=("J",), android=True),
    E(Y, Y, Y, 7, "b", Y, N, Y, Y),
    "Gmail for Android: 'yea' and 'yws' typed on a phone.")

add("trap_hedges_gmail_android",
    gmail_top(P + "trap_hedges_gmail_android",
              ["1. Yes", "2. Not really", "3. Yes", "4. 7?", "5. a", "6. Yes", "7. Yes", "8. Maybe", "9. Yes"], sign=("Jack",),
              android=True),
    E(Y, U, Y, U, "a", Y, Y, U, Y),
    "Trap. Gmail for Android: 'Not really', '7?' and 'Maybe': unclear.")

add("dash_no_space_gmail_android",
    gmail_top(P + "dash_no_space_gmail_android",
              ["1-yes", "2-yes", "3-no", "4-8", "5-b,c", "6-yes", "7-yes", "8-yes", "9-yes"], sign=("Jack",), android=True),
    E(Y, Y, N, 8, "bc", Y, Y, Y, Y),
    "Gmail for Android: '1-yes' with no spaces; '4-8' is question 4, answer 8; '5-b,c'.")

add("inline_split_gmail_ios",
    reply(P + "inline_split_gmail_ios", "gmail_ios", top=["See below", "", "Jack"],
          answers={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "A & C", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}),
    E(Y, N, Y, 6, "ac", Y, N, Y, Y),
    "Gmail for iOS: answers unquoted below each quoted Answer:, 'A & C'.")

add("trap_summary_around_gmail_ios",
    reply(P + "trap_summary_around_gmail_ios", "gmail_ios",
          top=["Yes for 1, 3, 6, 8 and 9. No for 2 and 7.", "Confidence – around 7, possibly lower.", "Barriers – side effects.",
               "", "Jack"]),
    E(Y, N, Y, U, "c", Y, N, Y, Y),
    "Trap. Gmail for iOS: answers grouped by value ('Yes for 1, 3, 6, 8 and 9. No for 2 and 7.'); 'around 7, possibly lower' is unclear.")

# =====================================================================
# iPhone Mail
# =====================================================================
add("short_iphone",
    iphone(P + "short_iphone", ["1 Yes", "2 Yes", "3 Yes", "4 8", "5 C", "6 Yes", "7 Yes", "8 No", "9 Yes"]),
    E(Y, Y, Y, 8, "c", Y, Y, N, Y),
    "iPhone Mail: a bare '1 Yes' list, nothing else.")

add("codes_one_line_iphone",
    iphone(P + "codes_one_line_iphone", ["1Y 2N 3Y 4-6 5-AB 6Y 7N 8Y 9Y", "", "Jack"]),
    E(Y, N, Y, 6, "ab", Y, N, Y, Y),
    "iPhone Mail: compact codes on one line ('1Y 2N 3Y 4-6 5-AB ...').")

add("reasons_numbers_iphone",
    iphone(P + "reasons_numbers_iphone",
           ["1. Yes – 2 patients in the last 6 months", "2. No", "3. Yes once – came off 120mg oxycodone", "4. 6/10", "5. A",
            "6. Yes – v3 from 2025", "7. No", "8. Yes", "9. Yes"]),
    E(Y, N, Y, 6, "a", Y, N, Y, Y),
    "iPhone Mail: reasons after dashes full of numbers ('2 patients in the last 6 months', '120mg', 'v3 from 2025').")

_IP_FIRST = ["Quick answers to the first few, I'll do the rest later:", "", "1 yes", "2 no", "3 no", "4 5"]
_IP_FIRST_DATE = "Thu, 17 Dec 2026 13:05:10 +0000"
add("partial_first_iphone",
    iphone(P + "partial_first_iphone", _IP_FIRST, date=_IP_FIRST_DATE),
    E(Y, N, N, 5),
    "iPhone Mail: a partial reply, 1-4 only (5-9 missing; the rest follows in the next message).")

_ip_first_id = (f"<{hashlib.sha1((P + 'partial_first_iphone').encode()).hexdigest()[:8].upper()}-1C2D-4E5F-8A9B-"
                f"{hashlib.md5((P + 'partial_first_iphone').encode()).hexdigest()[:12].upper()}@{DOC_DOMAIN}>")
_ip_wrote = f"On 17 Dec 2026, at 13:05, {DOC_FIRST} {DOC_LAST} <{DOC_ADDR}> wrote:"
_IP_REST = ["Rest of my answers:", "", "5 b", "6 yes", "7 no", "8 yes", "9 yes",
            "10 It would help to have a regional chart of what ketamine can be mixed with in a syringe driver."]
_ip_first_text = iphone_text(_IP_FIRST).rstrip("\n")
_ip_first_body = re.search(r'<body dir="auto">(.*)</body>', iphone_html(_IP_FIRST), re.S).group(1)
add("rest_followup_iphone",
    apple(P + "rest_followup_iphone",
          "\n".join(_IP_REST) + "\n\nSent from my iPhone\n\n> " + _ip_wrote + "\n> \n" + quote(_ip_first_text) + "\n",
          '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
          + divs(_IP_REST, ' dir="ltr"') + '<div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">'
          + esc(_ip_wrote) + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">' + _ip_first_body
          + "</div></blockquote></body></html>",
          in_reply_to=_ip_first_id, references=f"{INV_ID} {_ip_first_id}", date="Fri, 18 Dec 2026 21:17:44 +0000"),
    E(None, None, None, None, "b", Y, N, Y, Y,
      comment="It would help to have a regional chart of what ketamine can be mixed with in a syringe driver."),
    "iPhone Mail: the rest of his answers (5-9 and a comment) in reply to his own partial reply, which is quoted and not counted (1-4 missing).")

add("trap_yes_no_range_iphone",
    iphone(P + "trap_yes_no_range_iphone",
           ["1. Yes", "2. No", "3. Yes", "4. 7-8", "5. B", "6. Yes/no – there's a trust one but not a hospice one", "7. No",
            "8. Yes", "9. Yes"]),
    E(Y, N, Y, U, "b", U, N, Y, Y),
    "Trap. iPhone Mail: a range '7-8' and 'Yes/no – there's a trust one but not a hospice one': unclear.")

add("autocorrect_iphone",
    iphone(P + "autocorrect_iphone",
           ["1. Yes", "2. Bo", "3. Yes", "4. Eight", "5. Lack of evidence", "6. Yes", "7. Yes", "8. Yes", "9. Yea", "", "Jack"]),
    E(Y, N, Y, 8, "b", Y, Y, Y, Y),
    "iPhone Mail: 'Bo' for no, 'Yea', the scale as the word 'Eight', a barrier by its label.")

add("inline_split_iphone",
    apple_reply(P + "inline_split_iphone", "iphone", top=["Answers below x"],
                answers={1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
    E(Y, Y, N, 7, "a", N, N, Y, Y),
    "iPhone Mail: the quote split below each Answer:, bare answers between.")

# =====================================================================
# Apple Mail (macOS)
# =====================================================================
_MAC_COMMENT = ("10. We've used it far less since our consultant pharmacist left, and I suspect that's true of a few units in "
                "the region. It may be worth asking how many services have had a ketamine-related incident within the past "
                "12 months.")
add("flowed_delsp_comment_apple_mail",
    apple_mac_plain(P + "flowed_delsp_comment_apple_mail",
                    apple_mac_text(["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 5", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes",
                                    _MAC_COMMENT, "", "Best,", "Jack"])),
    E(Y, N, Y, 5, "a", Y, N, Y, Y,
      comment="We've used it far less since our consultant pharmacist left, and I suspect that's true of a few units in the region. "
              "It may be worth asking how many services have had a ketamine-related incident within the past 12 months."),
    "Apple Mail, plain text format=flowed DelSp=yes: a numbered list and a long comment soft-broken over lines, the last continuation line beginning '12 months.'")

add("inline_split_apple_mail",
    apple_reply(P + "inline_split_apple_mail", "apple_mac", top=["Hi Asha, my answers are under each question.", "", "Jack"],
                answers={1: "Yes", 2: "Yes – in selected patients", 3: "Yes", 4: "7", 5: "B", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
    E(Y, Y, Y, 7, "b", N, N, Y, Y),
    "Apple Mail (rich): the quote split below each Answer:, answers between ('Yes – in selected patients').")

add("correction_same_mail_apple_mail",
    apple_mac(P + "correction_same_mail_apple_mail",
              ["1. Yes", "2. No", "3. Yes", "4. 6", "5. a", "6. Yes", "7. Yes", "8. Yes", "9. Yes", "",
               "Actually scrap what I said for 3 – it should be no, I was thinking of methadone.", "", "Jack"]),
    E(Y, N, N, 6, "a", Y, Y, Y, Y),
    "Apple Mail (rich): a full list, then 'scrap what I said for 3 – it should be no' in the same message (the correction wins).")

# =====================================================================
# Thunderbird, Samsung, Yahoo, AOL, Mutt
# =====================================================================
_tb_ans = {1: "Yes, though mainly with advice from the hospital pain team rather than on our own initiative",
           2: "No",
           3: "Yes - a few times, usually when the patient was very drowsy on oxycodone and we were able to reduce the total "
              "daily dose right down from 60 mg to 30 mg",
           4: "6", 5: "a, b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
add("inline_flowed_thunderbird",
    thunderbird_flowed(P + "inline_flowed_thunderbird",
                       "Hi Asha,\n\nanswers below each question.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=_tb_ans)),
    E(Y, N, Y, 6, "ab", Y, N, Y, Y),
    "Thunderbird, format=flowed: answers unquoted below each quoted Answer:, long reasons soft-broken, one continuation line beginning '30 mg'.")

add("bottom_posted_thunderbird",
    thunderbird_flowed(P + "bottom_posted_thunderbird",
                       WROTE_TB + "\n" + quote(INV_TEXT) + "\n\n" + "\n".join(
                           ["1 Yes", "2 No", "3 Yes", "4 7", "5 b", "6 No", "7 No", "8 Yes", "9 Yes", "", "Regards", "Jack"])),
    E(Y, N, Y, 7, "b", N, N, Y, Y),
    "Thunderbird, format=flowed: a '1 Yes' list posted below the whole quote.")

add("hyphen_list_sig_thunderbird",
    thunderbird_flowed(P + "hyphen_list_sig_thunderbird",
                       "\n".join(["1 - Yes", "2 - Yes", "3 - Yes", "4 - 9", "5 - d", "6 - Yes", "7 - Yes", "8 - No", "9 - Yes", "",
                                  "-- ", "Dr Jack Clarke", "Consultant in Palliative Medicine, North Hospice",
                                  "0113 496 0321 / 07700 900461"]) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT)),
    E(Y, Y, Y, 9, "d", Y, Y, N, Y),
    "Thunderbird, format=flowed: a '1 - Yes' list, 'd' (no barriers), a signature under '-- ' with two phone numbers.")

add("no_space_numbers_samsung",
    reply(P + "no_space_numbers_samsung", "samsung",
          top=["1.yes", "2.yes", "3.no", "4.7", "5.b", "6.yes", "7.no", "8.yes", "9.yes"]),
    E(Y, Y, N, 7, "b", Y, N, Y, Y),
    "Samsung Email: '1.yes' with no space; '4.7' is question 4, answer 7 in this list.")

add("answer_lines_samsung",
    reply(P + "answer_lines_samsung", "samsung", top=[],
          on_line={1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "a,b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}),
    E(Y, N, Y, 5, "ab", Y, Y, Y, Y),
    "Samsung Email: answers on the Answer: lines of the unquoted original below '-------- Original message --------'.")

add("q_dash_yahoo",
    yahoo(P + "q_dash_yahoo",
          ["Q1 - yes", "Q2 - no", "Q3 - no", "Q4 - 4 out of 10", "Q5 - a", "Q6 - no", "Q7 - no", "Q8 - yes", "Q9 - yes", "",
           "Jack Clarke"]),
    E(Y, N, N, 4, "a", N, N, Y, Y),
    "Yahoo Mail: 'Q1 - yes', '4 out of 10'.")

add("no_barriers_words_aol",
    aol_21d(P + "no_barriers_words_aol",
            ["1. Yes", "2. Yes", "3. Yes", "4. 9", "5. No barriers really", "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Jack"]),
    E(Y, Y, Y, 9, "d", Y, Y, N, Y),
    "AOL Mail: 'No barriers really' for 5 (d).")

add("inline_mutt",
    reply(P + "inline_mutt", "mutt", top=["Hi Asha,", "", "answers inline."],
          answers={1: "yes", 2: "no", 3: "yes", 4: "7", 5: "b", 6: "yes", 7: "no", 8: "no", 9: "yes"},
          bottom=["--", "Jack"]),
    E(Y, N, Y, 7, "b", Y, N, N, Y),
    "Mutt (8bit plain text): answers unquoted below each quoted Answer:.")
