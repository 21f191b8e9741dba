"""The cases of heldback21zc (see tests/fixtures/heldback21zc/README.md): 42
replies to Jack Clarke's invitation, each imagining a different consultant,
specialty doctor or registrar in his place, sent 2-24 Dec 2026.
Two small helpers of its own: expected answers in question order (A) and
an explicit Date header (at)."""
import datetime
import email.utils
from lib import *  # noqa: F401,F403
from lib import IDS, ok, INF, UNCLEAR, case, esc, quote, INV_TEXT, WROTE_TB, WROTE_APPLE, text_inline
from clients import gmail_top, iphone, iphone_text, iphone_html, apple, owa, outlook_mobile, yahoo, thunderbird_flowed, \
    outlook_text, ORIGINAL_MESSAGE
from clients_new import reply, apple_reply, outlook_win, apple_mac, apple_mac_plain, apple_mac_text, inv_html, inv_text

P = "heldback21zc_"
LETTERS = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}
U = UNCLEAR


def B(letters):
    return [LETTERS[x] for x in letters]


def A(*vals, comment=None, inferred=False):
    """Expected answers in question order: None = not given; a dict is
    taken as it is; strings of letters are barriers."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
            continue
        if isinstance(v, str):
            v = B(v)
        out[qid] = INF(v) if inferred else ok(v)
    if comment:
        out["comments"] = ok(comment)
    return out


def at(day, hour, minute, second=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hour, minute, second, tzinfo=datetime.timezone.utc))


def word_lines(lines):
    """Outlook for Windows paragraphs; a tab as Word writes it."""
    out = []
    for l in lines:
        if not l:
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n')
            continue
        body = esc(l).replace("\t", "<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>")
        out.append(f'<p class="MsoNormal">{body}<o:p></o:p></p>\n')
    return "".join(out)


def word_numbered(items):
    """Word's automatic numbered list (MsoListParagraph) in HTML, and
    Outlook's text rendering of it."""
    html, text = [], []
    n = len(items)
    for i, it in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else ("MsoListParagraphCxSpLast" if i == n else "MsoListParagraphCxSpMiddle")
        html.append(f"<p class={cls} style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                    f"<![if !supportLists]><span style='mso-list:Ignore'>{i}.<span style='font:7.0pt \"Times New Roman\"'>"
                    f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{esc(it)}<o:p></o:p></p>\n")
        text.append(f"  {i}.  {it}")
    return "".join(html), text


# ======================= Outlook for Windows (9) =======================

case(P + "handover_list_win", outlook_win(P + "handover_list_win", top=[
    "Hi Asha,", "",
    "Done in the gap before handover:", "",
    "1. Yes", "2. No", "3. Yes, twice this year for oxycodone toxicity", "4. 6", "5. a, b", "6. Yes", "7. No",
    "8. Yes", "9. Yes", "10. Would be keen to see how the other hospices compare.", "",
    "Kind regards", "Jack", "",
    "Dr Jack Clarke", "Consultant in Palliative Medicine", "Hollybank Hospice | 01632 960418"]),
    A(True, False, True, 6, "ab", True, False, True, True, comment="Would be keen to see how the other hospices compare."),
    note="Outlook for Windows: a numbered list on top ('1. Yes'), a reason after 3's yes, a comment at 10., a signature with a phone number.")

_items = ["Yes", "Yes", "No", "8", "c", "Yes", "Yes", "No", "Yes", "Nil"]
_lh, _lt = word_numbered(_items)
_pre = ["Hi Asha,", "", "My answers:", ""]
_post = ["", "Thanks,", "Jack", "", "Jack Clarke | Specialty Doctor | Community Palliative Care Team"]
case(P + "word_autolist_win", outlook_win(P + "word_autolist_win",
                                          top_html=word_lines(_pre) + _lh + word_lines(_post),
                                          top_text="\n".join(_pre + _lt + _post)),
     A(True, True, False, 8, "c", True, True, False, True),
     note="Outlook for Windows: Word turned his '1.' into an automatic numbered list (MsoListParagraph; the text part '  1.  Yes'); answers are the bare values in list order 1-10; 'Nil' at 10 is no comment.")

_tab = ["Hi, answers from the hospital team side:", "",
        "Q1\tYes", "Q2\tYes \u2013 on the surgical wards mostly", "Q3\tNo", "Q4\t5", "Q5\tA",
        "Q6\tYes (trust-wide, on the intranet)", "Q7\tNo", "Q8\tYes please", "Q9\tYes",
        "Q10\tKetamine on the wards is really the acute pain team's territory, which limits how much we use it.", "",
        "Jack Clarke", "ST6 Palliative Medicine", "Hospital Specialist Palliative Care Team, bleep 2294"]
case(P + "tab_q_win", outlook_win(P + "tab_q_win", top_html=word_lines(_tab), top_text="\n".join(_tab)),
     A(True, True, False, 5, "a", True, False, True, True,
       comment="Ketamine on the wards is really the acute pain team's territory, which limits how much we use it."),
     note="Outlook for Windows: a registrar's 'Q1<tab>Yes' list (Word's tab span in HTML, a tab in the text part), reasons after some answers, 'Yes please' (yes), capital A for barriers, a comment at Q10.")

case(P + "on_lines_teal_win", outlook_win(P + "on_lines_teal_win", top=["Answers typed into your email below.", "", "Jack"], color="#00807F",
                                          on_line={1: "Yes", 2: "No \u2013 not in early pain", 3: "Yes", 4: "7", 5: "b and c", 6: "Yes",
                                                   7: "Yes \u2013 jointly with the district nurses", 8: "No", 9: "Yes",
                                                   10: "Happy to help with the guidance work if useful."}),
     A(True, False, True, 7, "bc", True, True, False, True, comment="Happy to help with the guidance work if useful."),
     note="Outlook for Windows: answers in teal on each Answer: line of the unquoted original, with short reasons; a comment on 10's Answer: line.")

case(P + "below_with_reasons_win", outlook_win(P + "below_with_reasons_win",
                                               top=["Asha \u2013 my answers are under each question.", "", "Best wishes", "Jack"],
                                               below={1: "Yes. Mostly when a syringe driver alone isn't holding things in the last days.",
                                                      2: "No.", 3: "Yes, occasionally, where we've needed to pull the morphine back.",
                                                      4: "8", 5: "Mainly the evidence (b). Side effects (c) too, the dysphoria in particular.",
                                                      6: "Yes.", 7: "No \u2013 on the to-do list.", 8: "Not really; I teach it.",
                                                      9: "Yes, definitely."}),
     A(True, False, True, 8, "bc", True, False, False, True),
     note="Outlook for Windows: blue paragraphs below each Answer: with a sentence of reason; barriers named with their letters in brackets (b, c); 'Not really; I teach it' is his no to training; no comment.")

case(P + "ticks_win", outlook_win(P + "ticks_win", top=[
    "Quick one from me:", "",
    "1 \u2713", "2 \u2713", "3 \u2717", "4 7/10", "5 a + b", "6 \u2713", "7 \u2717", "8 \u2713", "9 \u2713", "10 \u2013", "",
    "J. Clarke", "Consultant, Palliative Medicine, Riverside Hospice"]),
    A(True, True, False, 7, "ab", True, False, True, True),
    note="Outlook for Windows: ticks and crosses after the numbers for the yes/no questions, '7/10', 'a + b'; '10 \u2013' with nothing after it is no comment.")

case(P + "trap_draft_win", outlook_win(P + "trap_draft_win", top=[
    "1. Yes", "2. No", "3. Yes", "4. Somewhere between 5 and 7 depending on the day", "5. b", "6. Yes",
    "7. It's in draft \u2013 went out to the community teams for comment last month", "8. Yes", "9. Yes", "", "Jack"]),
    A(True, False, True, U, "b", True, U, True, True),
    note="TRAP. Outlook for Windows list: confidence given as a range ('between 5 and 7'), and shared guidance only in draft, out for comment (developed or not? ask); the rest plain.")

case(P + "yes_to_groups_win", outlook_win(P + "yes_to_groups_win", top=[
    "Asha,", "",
    "Yes to 1, 2, 6, 8 and 9.", "No to 3 and 7.", "Confidence 7.", "Barriers a and b.", "",
    "Nothing else to add.", "",
    "Jack Clarke", "Consultant, Palliative Medicine", "Westgate Hospice"]),
    A(True, True, False, 7, "ab", True, False, True, True),
    note="Outlook for Windows: answers grouped by value ('Yes to 1, 2, 6, 8 and 9.' / 'No to 3 and 7.') then confidence and barriers by name; 'Nothing else to add' is no comment.")

case(P + "ps_correction_win", outlook_win(P + "ps_correction_win", top=[
    "1) Yes", "2) Yes", "3) Yes", "4) 7", "5) c", "6) No", "7) No", "8) Yes", "9) Yes", "10) No", "",
    "Thanks", "Jack", "",
    "PS re 4 \u2013 on reflection make that a 5; I've done very little with it since changing posts."]),
    A(True, True, True, 5, "c", False, False, True, True),
    note="Outlook for Windows: a '1)' list, '10) No' (no comment), and a PS below the sign-off changing 4 from 7 to a plain 5 (the final value).")

# ======================= Outlook plain text (2) =======================

_pl = ["Hello,", "", "1 - yes", "2 - yes", "3 - no", "4 - 6", "5 - a", "6 - yes", "7 - yes", "8 - yes", "9 - yes",
       "10 - The 2019 network guidance is overdue an update.", "",
       "Regards", "Jack Clarke", "Specialty Doctor, Palliative Care"]
case(P + "plain_list_outlook", outlook_text(P + "plain_list_outlook", "\n".join(_pl) + "\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
     A(True, True, False, 6, "a", True, True, True, True, comment="The 2019 network guidance is overdue an update."),
     note="Outlook plain text ('-----Original Message-----'): a '1 - yes' list, a comment at 10.")

_pol = {1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
        10: "We've used it here for years without problems; for colleagues elsewhere I think the evidence gap is the main issue."}
case(P + "plain_on_lines_outlook", outlook_text(P + "plain_on_lines_outlook",
                                                 "See below.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=_pol, prefix="") + "\n"),
     A(True, True, True, 9, "d", True, True, False, True, comment=_pol[10]),
     note="Outlook plain text: answers typed on each Answer: line of the unquoted original; 'd' (No barriers); a comment on 10's line.")

# ======================= Outlook on the web (6) =======================

case(P + "list_owa", owa(P + "list_owa", [
    "Dear Asha,", "",
    "1. Yes \u2013 occasionally", "2. No", "3. No", "4. 4", "5. a, b and c", "6. No, not at the hospice", "7. No",
    "8. Yes \u2013 very much", "9. Yes",
    "10. I'm a fairly new consultant so still finding my feet with it.", "",
    "Best wishes,", "Jack", "Jack Clarke | Consultant in Palliative Medicine | Eastfield Hospice"]),
    A(True, False, False, 4, "abc", False, False, True, True, comment="I'm a fairly new consultant so still finding my feet with it."),
    note="Outlook on the web: a numbered list with short reasons after dashes and commas, 'a, b and c', a comment at 10.")

case(P + "nhsmail_html_owa", owa(P + "nhsmail_html_owa", [
    "Sending from NHSmail as I can't get into the hospice account on this PC.", "",
    "Q1 Yes", "Q2 No", "Q3 Yes", "Q4 6", "Q5 B", "Q6 Yes", "Q7 Yes", "Q8 Yes", "Q9 Yes", "",
    "Jack"], html_only=True, frm='"CLARKE, Jack (ROYAL INFIRMARY NHS FOUNDATION TRUST)" <jack.clarke3@nhs.net>'),
    A(True, False, True, 6, "b", True, True, True, True),
    note="Outlook on the web, HTML only, from his NHSmail address (read as his own): a 'Q1 Yes' list; the aside about the address is not a comment.")

_ol = {1: "yes", 2: "yes", 3: "no", 4: "5", 5: "a", 6: "no", 7: "no", 8: "yes", 9: "yes",
       10: "Stocking in community pharmacies is our real problem."}
case(P + "on_lines_owa", owa(P + "on_lines_owa", ["Filled in below \u2013 J"],
                             original=inv_html(on_line=_ol, color="#7030A0"), original_text=inv_text(on_line=_ol, prefix="")),
     A(True, True, False, 5, "a", False, False, True, True, comment="Stocking in community pharmacies is our real problem."),
     note="Outlook on the web: answers in purple on the Answer: lines of the original, lower case; a comment on 10's line.")

case(P + "compressed_owa", owa(P + "compressed_owa", [
    "1Y 2Y 3N 4:6 5:B,C 6Y 7N 8Y 9Y", "",
    "sorry for the shorthand, clinic overran", "Jack"]),
    A(True, True, False, 6, "bc", True, False, True, True),
    note="Outlook on the web: all nine in shorthand on one line (number and Y/N run together, '4:6', '5:B,C'); the apology is not a comment.")

case(P + "trap_syringe_doc_owa", owa(P + "trap_syringe_doc_owa", [
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. a, c",
    "6. We have one for ketamine in the syringe driver only, nothing for oral \u2013 not sure if that counts",
    "7. No", "8. Yes", "9. Maybe \u2013 depends what sort of research", "",
    "Jack Clarke, StR Palliative Medicine"]),
    A(True, False, True, 6, "ac", U, False, True, U),
    note="TRAP. Outlook on the web list: a protocol covering only one route with his own doubt whether it counts, and research 'Maybe \u2013 depends'; the rest plain.")

case(P + "brackets_owa", owa(P + "brackets_owa", [
    "1. Yes (a handful of times)", "2. Yes (rarely)", "3. No (haven't needed to)", "4. 7", "5. a and c",
    "6. Yes (updated 2025)", "7. No (planned)", "8. No (I'm comfortable)", "9. Yes (definitely)", "10. None", "",
    "Jack"]),
    A(True, True, False, 7, "ac", True, False, False, True),
    note="Outlook on the web: a reason in brackets after most answers; 'None' at 10 is no comment.")

# ======================= Outlook for iOS / Android / Mac (4) =======================

case(P + "clinic_ios_outlook", outlook_mobile(P + "clinic_ios_outlook", [
    "1 yes", "2 no", "3 yes", "4 8", "5 c", "6 yes", "7 yes", "8 no", "9 yes", "", "Jack"], platform="iOS"),
    A(True, False, True, 8, "c", True, True, False, True),
    note="Outlook for iOS (base64): number and value separated by a space only, lower case; '4 8' is 8.")

case(P + "trap_not_prescriber_ios_outlook", outlook_mobile(P + "trap_not_prescriber_ios_outlook", [
    "1. Yes", "2. Once, sort of \u2013 the pain team started it and I carried it on", "3. No",
    "4. Hard to say, the consultants do most of the prescribing here", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "Jack (specialty doctor)"], platform="iOS"),
    A(True, U, False, U, "a", True, False, True, True),
    note="TRAP. Outlook for iOS: 2 'once, sort of' (someone else started it), and no number for confidence ('hard to say'); the rest plain.")

case(P + "android_outlook", outlook_mobile(P + "android_outlook", [
    "1- yes", "2- yes", "3- yes", "4- 9", "5- d", "6- yes", "7- yes", "8- no", "9- yes",
    "10- we've had a ketamine protocol for over a decade, happy to share", "", "J Clarke"], platform="Android"),
    A(True, True, True, 9, "d", True, True, False, True, comment="we've had a ketamine protocol for over a decade, happy to share"),
    note="Outlook for Android (base64): '1- yes' (hyphen straight after the number), 'd' (No barriers), a comment at 10.")

case(P + "question_words_outlook_mac", reply(P + "question_words_outlook_mac", "outlook_mac", top=[
    "Hi Asha", "",
    "Question 1: Yes", "Question 2: No", "Question 3: Yes", "Question 4: 6", "Question 5: b, c", "Question 6: Yes",
    "Question 7: No", "Question 8: Yes", "Question 9: Yes", "Question 10: Would be worth asking about methadone too, next time.", "",
    "Jack"]),
    A(True, False, True, 6, "bc", True, False, True, True, comment="Would be worth asking about methadone too, next time."),
    note="Outlook for Mac: each line labelled 'Question N:', a comment at Question 10.")

# ======================= Gmail (9) =======================

case(P + "registrar_gmail", gmail_top(P + "registrar_gmail", [
    "Hi,", "",
    "1. yes", "2. no", "3. yes, with a lot of senior input", "4. 5", "5. a and b", "6. yes", "7. no", "8. yes \u2013 a lot", "9. yes",
    "10. Registrars rarely get to start it ourselves, so most of our learning is second-hand."],
    sign=("Cheers,", "Jack", "", "Jack Clarke", "Specialty Registrar (ST7), Palliative Medicine")),
    A(True, False, True, 5, "ab", True, False, True, True,
      comment="Registrars rarely get to start it ourselves, so most of our learning is second-hand."),
    note="Gmail web: a registrar's lower-case list with short reasons after commas and dashes, a comment at 10.")

case(P + "inline_gmail", reply(P + "inline_gmail", "gmail_web", top=["Answers inline below.", "", "Jack"],
                               answers={1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a, b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
                                        10: "I only joined the hospice in the summer."}),
     A(True, False, False, 3, "ab", True, False, True, True, comment="I only joined the hospice in the summer."),
     note="Gmail web: the quote split below each Answer:, his answers unquoted there; a comment below 10's Answer:.")

_ev = ["Dear Asha,", "",
       "Apologies for the slow reply \u2013 it's been a heavy few weeks on the unit. My answers, with a bit of context:", "",
       "1. Yes. We use it most often for patients with complex neuropathic pain in the last weeks of life, usually as a subcutaneous infusion alongside their opioid.",
       "2. No. I can't think of a case where I'd reach for it early; I'd want the standard adjuvants tried first.",
       "3. Yes \u2013 a few times, where rising opioid doses were causing delirium and we wanted to bring them down.",
       "4. 7. Comfortable with the regimens we use, less so outside them.",
       "5. The side effects and the thin evidence base, so b and c.",
       "6. Yes, reviewed by our pharmacist last spring.",
       "7. No. Community teams tend to ring us for advice case by case instead.",
       "8. Yes \u2013 particularly on oral dosing and on stopping it.",
       "9. Yes, without question.",
       "10. I'd be really interested in whether other units have a routine way of monitoring for urinary side effects in longer-term use; we don't, and I suspect we should."]
case(P + "evening_long_gmail", gmail_top(P + "evening_long_gmail", _ev, sign=("With best wishes,", "Jack"), date=at(20, 21, 14, 37)),
     A(True, False, True, 7, "bc", True, False, True, True, comment=_ev[-1][4:]),
     note="Gmail web, late evening: each answer followed by a sentence or two; '4. 7. Comfortable ...' is 7; barriers named then given as 'b and c'; a long comment.")

case(P + "trap_either_or_gmail", gmail_top(P + "trap_either_or_gmail", [
    "1. Yes", "2. Yes", "3. No", "4. 6", "5. b, or maybe d \u2013 most of the time nothing stops me", "6. Yes", "7. No", "8. Yes",
    "9. Not convinced either way"], sign=("Thanks,", "Jack")),
    A(True, True, False, 6, U, True, False, True, U),
    note="TRAP. Gmail web list: barriers b 'or maybe d' (the exclusive No barriers offered as an alternative), and research 'Not convinced either way'; the rest plain.")

case(P + "short_gmail_android", gmail_top(P + "short_gmail_android", [
    "1. Y", "2. N", "3. N", "4. 3", "5. A", "6. N", "7. N", "8. Y", "9. Y"],
    sign=("Jack", "Sent from my phone, excuse brevity"), android=True),
    A(True, False, False, 3, "a", False, False, True, True),
    note="Gmail for Android: Y/N after the numbers, capital A for barriers, a phone signature.")

case(P + "bare_gmail_android", gmail_top(P + "bare_gmail_android", [
    "Yes", "Yes", "No", "6", "a and c", "Yes", "No", "Yes", "Yes"], sign=("Jack",), android=True),
    A(True, True, False, 6, "ac", True, False, True, True, inferred=True),
    note="Gmail for Android: nine bare answers one per line, no numbers, no introduction (inferred: in order, to be confirmed).")

case(P + "words_gmail_android", gmail_top(P + "words_gmail_android", [
    "Hi Asha", "",
    "1 - many times", "2 - never", "3 - a couple of times", "4 - six", "5 - lack of evidence", "6 - yes", "7 - yes",
    "8 - wouldn't say no", "9 - absolutely"], sign=("Jack Clarke, Consultant",), android=True),
    A(True, False, True, 6, "b", True, True, True, True),
    note="Gmail for Android: words instead of yes/no ('many times', 'never', 'a couple of times', 'wouldn't say no', 'absolutely'), 'six', the barrier named in words (b).")

case(P + "new_consultant_gmail_ios", reply(P + "new_consultant_gmail_ios", "gmail_ios", top=[
    "Q.1 No", "Q.2 No", "Q.3 No", "Q.4 2", "Q.5 a, b, c", "Q.6 No", "Q.7 No", "Q.8 Yes", "Q.9 Yes",
    "Q.10 First consultant post and ketamine hasn't come up for me yet.", "", "Jack"]),
    A(False, False, False, 2, "abc", False, False, True, True, comment="First consultant post and ketamine hasn't come up for me yet."),
    note="Gmail for iOS: 'Q.1 No' labels, mostly no, 'a, b, c', a comment at Q.10.")

case(P + "trap_team_not_me_gmail_ios", reply(P + "trap_team_not_me_gmail_ios", "gmail_ios", top=[
    "1. The team has, many times \u2013 I haven't been the one prescribing", "2. No", "3. No", "4. 4", "5. a", "6. Yes", "7. Yes",
    "8. Ask me again after the January study day", "9. Yes", "",
    "Jack (ST5, hospital palliative care team)"]),
    A(U, False, False, 4, "a", True, True, U, True),
    note="TRAP. Gmail for iOS, a registrar: 1 answered with what his team has done, not himself, and training deferred to after a study day; the rest plain.")

# ======================= Apple (7) =======================

case(P + "one_line_iphone", iphone(P + "one_line_iphone", [
    "1 Yes, 2 Yes, 3 No, 4 7, 5 B, 6 Yes, 7 Yes, 8 Yes, 9 Yes", "", "Jack"]),
    A(True, True, False, 7, "b", True, True, True, True),
    note="iPhone Mail: all nine numbered on one line separated by commas ('4 7' is 7).")

case(P + "split_quote_iphone", apple_reply(P + "split_quote_iphone", "iphone", top=["Answers in between"],
                                           answers={1: "Yes", 2: "Yes \u2013 alongside morphine, at low dose", 3: "Yes", 4: "8", 5: "c",
                                                    6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                                                    10: "Our protocol went to two neighbouring hospices last year."}),
     A(True, True, True, 8, "c", True, True, False, True, comment="Our protocol went to two neighbouring hospices last year."),
     note="iPhone Mail: the quote split below each Answer:, answers unquoted in between; a comment below 10's Answer:.")

case(P + "words_iphone", iphone(P + "words_iphone", [
    "1. Yes, regularly", "2. Only rarely but yes", "3. Yes", "4. 7 out of 10", "5. Side effects mainly", "6. Yes", "7. No",
    "8. Yes, happily", "9. Yes"]),
    A(True, True, True, 7, "c", True, False, True, True),
    note="iPhone Mail: 'Only rarely but yes' (yes), '7 out of 10', the barrier named in words ('Side effects mainly', c).")

case(P + "trap_check_notes_iphone", iphone(P + "trap_check_notes_iphone", [
    "1. Yes", "2. Think so? Would need to check my notes", "3. Yes", "4. 4 or 5", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "Jack"]),
    A(True, U, True, U, "a", True, False, True, True),
    note="TRAP. iPhone Mail list: 2 'Think so?' with notes to check, and confidence '4 or 5'; the rest plain.")

_ipad = ["Asha,", "",
         "1) yes", "2) no", "3) no", "4) 5", "5) b", "6) no", "7) no", "8) yes", "9) yes",
         "10) We're a small team and would lean on regional guidance if one were produced.", "", "Jack"]
case(P + "list_ipad", apple(P + "list_ipad", iphone_text(_ipad, "Sent from my iPad"), iphone_html(_ipad, "Sent from my iPad"),
                            mailer="iPad Mail (23B85)"),
     A(True, False, False, 5, "b", False, False, True, True,
       comment="We're a small team and would lean on regional guidance if one were produced."),
     note="iPad Mail: a lower-case '1)' list, a comment at 10).")

case(P + "rich_apple_mac", apple_mac(P + "rich_apple_mac", [
    "Hello Asha,", "",
    "1: Yes", "2: No", "3: Yes", "4: 9", "5: None", "6: Yes", "7: Yes", "8: No", "9: Yes \u2013 especially on longer-term use",
    "10: Nothing to add.", "",
    "Best", "Jack", "", "Dr Jack Clarke", "Medical Director, Greenways Hospice"]),
    A(True, False, True, 9, "d", True, True, False, True),
    note="Apple Mail macOS (rich): a '1: Yes' list, 'None' for barriers (No barriers), 'Nothing to add.' at 10 is no comment.")

_mac = ["Hi Asha,", "",
        "Finally sitting down with this after a long day \u2013 sorry it's taken me a while.", "",
        "1. Yes. Mainly in the terminal phase for pain that hasn't responded to escalating opioids and the usual adjuvants, always via syringe driver.",
        "2. No, I've never started it early; I'm not sure I'd feel justified given the evidence.",
        "3. No \u2013 when opioid toxicity has been the issue we've rotated opioids instead.",
        "4. 5, I'd say. I can follow our guideline but I wouldn't be comfortable going off-piste.",
        "5. a and b \u2013 I don't use it enough to be fluent, and the trials haven't helped.",
        "6. Yes, though it needs updating.",
        "7. No.",
        "8. Yes, a practical session on dosing would be welcome.",
        "9. Yes.",
        "10. It would be useful if the regional group could pool cases \u2013 individually none of us sees enough of these patients to build real experience.",
        "", "All the best,", "Jack"]
case(P + "evening_flowed_apple_mac", apple_mac_plain(P + "evening_flowed_apple_mac", apple_mac_text(_mac), date=at(8, 21, 33, 5)),
     A(True, False, False, 5, "ab", True, False, True, True, comment=_mac[-4][4:]),
     note="Apple Mail macOS plain text, format=flowed DelSp=yes, in the evening: long answers soft-broken, '4. 5, I'd say.' is 5, a long comment soft-broken.")

# ======================= Thunderbird, Samsung, Yahoo (5) =======================

_tb = ["Dear Asha,", "",
       "1. yes", "2. yes", "3. yes", "4. 7", "5. b, c", "6. yes", "7. no", "8. yes", "9. yes",
       "10. Ketamine use at our hospice has dropped since methadone became our usual second-line option, so my answers may reflect past more than current practice.",
       "", "Regards,", "Jack Clarke", "Consultant, Palliative Medicine"]
case(P + "flowed_list_thunderbird", thunderbird_flowed(P + "flowed_list_thunderbird",
                                                       "\n".join(_tb) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     A(True, True, True, 7, "bc", True, False, True, True, comment=_tb[11][4:]),
     note="Thunderbird, text only, format=flowed: a top-posted lower-case list, a long comment at 10 soft-broken.")

_tbi = {1: "Yes, a couple of times", 2: "No", 3: "No", 4: "4", 5: "a and b", 6: "Yes", 7: "Yes", 8: "Yes please", 9: "Yes"}
case(P + "inline_thunderbird", thunderbird_flowed(P + "inline_thunderbird",
                                                  WROTE_TB + "\n" + text_inline(answers=_tbi) + "\n\n-- \nJack Clarke\nSpecialty Doctor, Palliative Medicine\n"),
     A(True, False, False, 4, "ab", True, True, True, True),
     note="Thunderbird, format=flowed, bottom-posting: answers unquoted below each quoted Answer:, 10 left empty, a '-- ' signature.")

case(P + "mdt_tb115", reply(P + "mdt_tb115", "tb115", top=[
    "Hi Asha,", "",
    "1. No", "2. No", "3. Yes", "4. 6", "5. b", "6. No", "7. No", "8. Yes", "9. Yes",
    "10. We only start it after discussion at the MDT.", "", "Jack"]),
    A(False, False, True, 6, "b", False, False, True, True, comment="We only start it after discussion at the MDT."),
    note="Thunderbird (HTML with a flowed text part): a top-posted list, a comment at 10.")

case(P + "colon_samsung", reply(P + "colon_samsung", "samsung", top=[
    "1: yes", "2: no", "3: yes", "4: 8", "5: c", "6: yes", "7: no", "8: yes", "9: yes", "", "Jack"]),
    A(True, False, True, 8, "c", True, False, True, True),
    note="Samsung Email (base64, original unquoted below its header block): a lower-case '1: yes' list.")

case(P + "other_barrier_yahoo", yahoo(P + "other_barrier_yahoo", [
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. a, e \u2013 getting it dispensed in the community is a nightmare", "6. Yes", "7. No",
    "8. Yes", "9. Yes", "", "Jack Clarke", "Associate Specialist, Palliative Medicine"]),
    A(True, False, True, 6, ok(["expertise", "other"], other="getting it dispensed in the community is a nightmare"), True, False, True, True),
    note="Yahoo Mail: a list with barriers 'a, e' and the Other text after a dash.")
