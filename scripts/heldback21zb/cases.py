"""The cases of heldback21zb (see tests/fixtures/heldback21zb/README.md): a
representative sample of the lead's inbox, 27 Nov - 30 Dec 2026, from a
region's palliative care doctors, each imagined in Jack Clarke's place.
Two small helpers of this set's own: the expected answers in question
order (E) and Outlook for Windows' autoformatted numbered list
(word_numbered)."""
from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403

P = "heldback21zb_"
U = object()  # unclear
LETTERS = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def E(vals, comment=None, other=None, inferred=False):
    """The expected answers: nine values in question order (True/False, a
    number, barrier letters as a string, U for unclear), the comment."""
    out = {}
    for qid, v in zip(IDS[:9], vals):
        if v is U:
            out[qid] = UNCLEAR
            continue
        if qid == "barriers":
            v = [LETTERS[x] for x in v]
        if inferred:
            out[qid] = INF(v)
        elif qid == "barriers" and other is not None:
            out[qid] = ok(v, other)
        else:
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def add(name, raw, answers, note):
    case(P + name, raw, answers, note=note)


# ---------------- Outlook 365 for Windows ----------------
add("ward_list_win", outlook_win(P + "ward_list_win", top=[
    "Dear Asha,", "", "My answers below:", "",
    "1. Yes", "2. No", "3. Yes \u2013 twice this year, both times for opioid toxicity", "4. 7", "5. b, c",
    "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Would be keen to see the regional results once they're collated.", "",
    "Kind regards", "", "Jack", "", "Dr Jack Clarke MRCP", "Consultant in Palliative Medicine", "North Hospice",
    "Tel: 01632 960418"]),
    E([True, False, True, 7, "bc", True, False, True, True], "Would be keen to see the regional results once they're collated."),
    "Outlook for Windows: the everyday numbered list on top ('1. Yes'), a reason after 3 with an en dash, a comment at 10, a signature with grade and phone.")

add("question_word_win", outlook_win(P + "question_word_win", top=[
    "Hi,", "",
    "Question 1 \u2013 Yes", "Question 2 \u2013 Yes, occasionally alongside methadone", "Question 3 \u2013 No",
    "Question 4 \u2013 6", "Question 5 \u2013 a and b", "Question 6 \u2013 Yes", "Question 7 \u2013 Yes",
    "Question 8 \u2013 Yes", "Question 9 \u2013 Yes", "Question 10 \u2013 Happy to share our local protocol if useful.", "",
    "Jack Clarke", "Specialty Doctor, Palliative Care", "Ext 4471"]),
    E([True, True, False, 6, "ab", True, True, True, True], "Happy to share our local protocol if useful."),
    "Outlook for Windows: each line labelled with the word 'Question' and its number, en dash, a reason after 2's yes, a comment at 10.")


def word_numbered(name, intro, items, sign):
    """Outlook for Windows after Word's AutoFormat turned '1. ' into a
    numbered list: MsoListParagraph paragraphs with the number in an
    mso-list:Ignore span (HTML), '1.<TAB>Yes' lines (text)."""
    paras = []
    for i, it in enumerate(items):
        cls = "MsoListParagraphCxSpFirst" if i == 0 else ("MsoListParagraphCxSpLast" if i == len(items) - 1 else "MsoListParagraphCxSpMiddle")
        paras.append(f"<p class={cls} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>"
                     f"<span style='mso-list:Ignore'>{i + 1}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>"
                     f"<![endif]><span lang=EN-US>{esc(it)}<o:p></o:p></span></p>\n")
    html = (word_paras(intro + [""]) + "".join(paras) + word_paras([""] + sign) + OUTLOOK_FROM_HTML + word_original())
    text = "\n".join(intro) + "\n\n" + "\n".join(f"{i + 1}.\t{it}" for i, it in enumerate(items)) + "\n\n" + "\n".join(sign) + \
        "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text()
    return outlook_desktop_raw(name, html, text + "\n")


add("autonumbered_win", word_numbered(P + "autonumbered_win", ["Answers as requested:"],
    ["Yes", "Yes", "Yes", "8", "c", "Yes", "Yes", "No, I think I'm reasonably up to date", "Yes", "Nothing to add."],
    ["Jack", "", "Dr J Clarke, Consultant, Eastfield Hospital Palliative Care Team"]),
    E([True, True, True, 8, "c", True, True, False, True]),
    "Outlook for Windows: Word's AutoFormat turned the typed list into a numbered list (HTML list paragraphs; '1.<TAB>Yes' in the text part); 8 a no with a reason; 'Nothing to add.' at 10 is no comment.")

add("on_lines_red_win", outlook_win(P + "on_lines_red_win", top=["Answers typed into your form below.", "", "Jack"],
    on_line={1: "Yes", 2: "No", 3: "No", 4: "5", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
             10: "We rely on the hospital pain team for anything beyond basic ketamine use."}, color="#C00000"),
    E([True, False, False, 5, "a", False, False, True, True], "We rely on the hospital pain team for anything beyond basic ketamine use."),
    "Outlook for Windows: answers in dark red on the Answer: lines of the unquoted original, the comment on 10's.")

add("below_lines_win", outlook_win(P + "below_lines_win", top=["Hi Asha \u2013 I've put my answers under each question.", "", "Jack"],
    below={1: "Yes, mostly as a CSCI in the last week or two of life.", 2: "No.",
           3: "Yes, a few times where the patient was too drowsy on morphine.", 4: "6", 5: "b and c",
           6: "Yes \u2013 the hospice and the hospital team share one.",
           7: "Not yet \u2013 it's on the agenda for the new year.", 8: "Yes",
           9: "Yes, definitely \u2013 especially for oral use."}, color="#2E74B5"),
    E([True, False, True, 6, "bc", True, False, True, True]),
    "Outlook for Windows: answers in blue paragraphs below each Answer:, most with a reason; 'Not yet \u2013 on the agenda' is no; 10 left empty.")

add("correction_below_win", outlook_win(P + "correction_below_win", top=[
    "1 - Yes", "2 - Yes", "3 - Yes", "4 - 7", "5 - c", "6 - Yes", "7 - Yes", "8 - No", "9 - Yes", "",
    "Having reread that, 4 is more honestly a 5 \u2013 please use 5.", "", "Jack"]),
    E([True, True, True, 5, "c", True, True, False, True]),
    "Outlook for Windows: '1 - Yes' list, then a line below it replacing 4's 7 by a plain final 5.")

add("first_three_together_win", outlook_win(P + "first_three_together_win", top=[
    "Asha,", "", "1 to 3 \u2013 yes to all three", "4 \u2013 8", "5 \u2013 none really, so d", "6 \u2013 yes", "7 \u2013 yes",
    "8 \u2013 no", "9 \u2013 yes", "", "Jack"]),
    E([True, True, True, 8, "d", True, True, False, True]),
    "Outlook for Windows (unusual): the first three answered together on one line ('1 to 3 \u2013 yes to all three'), the rest numbered; 5 'none really, so d' is No barriers.")

add("compact_oncall_win", outlook_win(P + "compact_oncall_win", top=[
    "1Y 2N 3Y 4:6 5ab 6Y 7N 8Y 9Y", "", "Sorry for the shorthand \u2013 on call and between bleeps.", "", "Jack"]),
    E([True, False, True, 6, "ab", True, False, True, True]),
    "Outlook for Windows (unusual): all nine in shorthand on one line, number and letter run together ('1Y', '5ab', '4:6'); the apology below is no comment.")

add("brackets_reasons_win", outlook_win(P + "brackets_reasons_win", top=[
    "Hello,", "",
    "1) Yes (CSCI, usually alongside an opioid and midazolam)", "2) No", "3) Yes (renal patients mostly)", "4) 7/10",
    "5) b) and e) \u2013 getting it dispensed in the community", "6) Yes (reviewed 2025)", "7) No", "8) Yes", "9) Yes",
    "10) Thanks for doing this \u2013 overdue.", "",
    "Jack Clarke", "Consultant in Palliative Medicine | Bleep 2290"]),
    E([True, False, True, 7, "be", True, False, True, True], "Thanks for doing this \u2013 overdue.", other="getting it dispensed in the community"),
    "Outlook for Windows: '1)' list with reasons in brackets, confidence '7/10', barriers 'b) and e)' with the Other text after an en dash, a comment at 10.")

add("trap_draft_protocol_win", outlook_win(P + "trap_draft_protocol_win", top=[
    "1. Yes", "2. No",
    "3. I think so \u2013 it was a joint decision with the pain team, so hard to say it was me",
    "4. 6", "5. b",
    "6. Sort of \u2013 there's a draft, but it hasn't been through governance yet",
    "7. No", "8. Yes", "9. Yes", "", "Best,", "Jack", "StR Palliative Medicine"]),
    E([True, False, U, 6, "b", U, False, True, True]),
    "TRAP. Outlook for Windows list: 3 'I think so' and a decision shared with another team (would be asked), 6 'Sort of' with a protocol only in draft (would be asked); the rest plain.")

# ---------------- Outlook on the web / NHSmail ----------------
add("lower_dash_owa", owa(P + "lower_dash_owa", [
    "1 - yes", "2 - no", "3 - no", "4 - 4", "5 - a, b", "6 - yes", "7 - no", "8 - yes", "9 - yes",
    "10 - more community pharmacy support for ketamine would help", "", "Jack", "ST7 Palliative Medicine"]),
    E([True, False, False, 4, "ab", True, False, True, True], "more community pharmacy support for ketamine would help"),
    "Outlook on the web: lower-case '1 - yes' list, a lower-case comment at 10, grade below the name.")

add("on_lines_teal_owa", owa(P + "on_lines_teal_owa", ["Please see answers inline.", "", "Thanks,", "Jack"],
    original=inv_html(on_line={1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                               10: "Our community guidance was written jointly with the district nurses in 2024."}, color="#008080"),
    original_text=inv_text(on_line={1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                                    10: "Our community guidance was written jointly with the district nurses in 2024."}, prefix="")),
    E([True, True, True, 9, "d", True, True, False, True], "Our community guidance was written jointly with the district nurses in 2024."),
    "Outlook on the web: answers in teal on the Answer: lines of the original below the divRplyFwdMsg block, 'd' No barriers, the comment on 10's line.")

add("nhsmail_html_owa", owa(P + "nhsmail_html_owa", [
    "Hi Asha,", "", "Sending from my nhs.net account as the hospice webmail is down.", "",
    "1. Yes", "2. No", "3. Yes", "4. 5", "5. b", "6. No", "7. No", "8. Yes", "9. Yes", "",
    "Regards", "Jack Clarke", "Palliative Medicine Registrar"],
    html_only=True, frm='"CLARKE, Jack (NORTH HOSPICE NHS TRUST)" <jack.clarke12@nhs.net>'),
    E([True, False, True, 5, "b", False, False, True, True]),
    "Outlook on the web from an NHSmail address (HTML only, NHSmail's display name), read as his own; the line about the webmail is no comment.")

add("q_colon_owa", owa(P + "q_colon_owa", [
    "Q1: Yes", "Q2: No", "Q3: Yes", "Q4: 7", "Q5: B, C", "Q6: Yes", "Q7: Yes", "Q8: Yes", "Q9: Yes", "Q10: None from me.", "",
    "Jack | Consultant | Community Specialist Palliative Care Team"]),
    E([True, False, True, 7, "bc", True, True, True, True]),
    "Outlook on the web: 'Q1: Yes' list, capital barrier letters; 'None from me.' at 10 is no comment.")

add("topic_labels_owa", owa(P + "topic_labels_owa", [
    "End of life: yes", "Early on with opioids: no", "To cut the opioid dose: yes", "Confidence: 6",
    "Barriers: evidence, side effects", "Written protocol: yes", "Community guidance: no", "More training: yes please",
    "More research: yes", "", "Jack"]),
    E([True, False, True, 6, "bc", True, False, True, True]),
    "Outlook on the web (unusual): his own short topic labels in the survey's order instead of numbers, barriers named in words; 'yes please' is yes.")

add("full_sentences_owa", owa(P + "full_sentences_owa", [
    "Dear Dr Rahman,", "",
    "1. Yes, I have.", "2. No, I haven't.", "3. Yes, I have.", "4. I'd put myself at 6.", "5. Lack of evidence.",
    "6. Yes, it does.", "7. No, it hasn't.", "8. Yes, I would.", "9. Yes, I do.", "",
    "Yours sincerely,", "Jack Clarke"]),
    E([True, False, True, 6, "b", True, False, True, True]),
    "Outlook on the web: each answer a short full sentence echoing the question's verb; barrier named by its label.")

add("trap_range_owa", owa(P + "trap_range_owa", [
    "1. Yes", "2. Once or twice, though whether that counted as 'early' is debatable", "3. No", "4. 5 to 6",
    "5. a, b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    E([True, U, False, U, "ab", True, False, True, True]),
    "TRAP. Outlook on the web list: 2 doubts whether his use counts as early (asked), 4 a range '5 to 6' (asked).")

# ---------------- Outlook mobile, Mac, plain text ----------------
add("ward_ios_outlook", outlook_mobile(P + "ward_ios_outlook", [
    "1 yes", "2 no", "3 yes", "4 8", "5 c", "6 yes", "7 yes", "8 no", "9 yes", "", "Jack (on the ward, excuse brevity)"], "iOS"),
    E([True, False, True, 8, "c", True, True, False, True]),
    "Outlook for iOS (base64): number and answer separated by a space only, lower case; the aside after his name is no comment.")

add("y_n_android_outlook", outlook_mobile(P + "y_n_android_outlook", [
    "1. Y", "2. N", "3. N", "4. 3", "5. A", "6. N", "7. N", "8. Y", "9. Y",
    "10. As a newer consultant I'd value a regional teaching day.", "", "Jack"], "Android"),
    E([True, False, False, 3, "a", False, False, True, True], "As a newer consultant I'd value a regional teaching day."),
    "Outlook for Android (base64): Y/N answers, capital A, a comment at 10.")

add("director_outlook_mac", reply(P + "director_outlook_mac", "outlook_mac", top=[
    "Hello,", "", "1. Yes", "2. Yes", "3. Yes", "4. 9", "5. D (no barriers)", "6. Yes", "7. Yes", "8. No", "9. Yes",
    "10. We've used it for twenty years; happy to mentor anyone starting out.", "", "Jack Clarke", "Medical Director"]),
    E([True, True, True, 9, "d", True, True, False, True], "We've used it for twenty years; happy to mentor anyone starting out."),
    "Outlook for Mac: numbered list, 'D (no barriers)', a comment at 10.")

add("colon_plain_outlook", outlook_text(P + "colon_plain_outlook", "\n".join([
    "1: yes", "2: no", "3: yes", "4: 6", "5: b & c", "6: yes", "7: no", "8: yes", "9: yes", "", "J Clarke"])
    + "\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    E([True, False, True, 6, "bc", True, False, True, True]),
    "Outlook plain text (-----Original Message-----): '1: yes' list, barriers 'b & c'.")

# ---------------- Gmail ----------------
add("dot_list_gmail", gmail_top(P + "dot_list_gmail", [
    "1. Yes", "2. Yes", "3. No", "4. 6/10", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Cost of the oral preparation is a real issue for our GPs."], sign=("Cheers,", "Jack")),
    E([True, True, False, 6, "ac", True, False, True, True], "Cost of the oral preparation is a real issue for our GPs."),
    "Gmail web: numbered list, '6/10', a comment at 10, 'Cheers, Jack' below.")

EVENING_GMAIL = [
    "Dear Dr Rahman,", "",
    "Apologies for the slow reply \u2013 finally getting through my inbox this evening.", "",
    "1. Yes. Mostly in the last days of life when pain was escalating despite rising doses of oxycodone, usually by syringe driver.",
    "2. No. I tend to keep it in reserve rather than starting it early.",
    "3. Yes. A couple of patients with hyperalgesia where we were able to bring the opioid down by about a third.",
    "4. 7. I'm comfortable with the subcutaneous route but less so with oral dosing.",
    "5. b and c \u2013 the evidence is thin and the dysphoria puts some patients off.",
    "6. Yes. It was rewritten last year after a medication incident.",
    "7. No. We have talked about it with the community teams but nothing has been produced.",
    "8. Yes. Particularly on converting between routes.",
    "9. Yes. A pragmatic multicentre study would be very welcome.",
    "10. Thank you for organising this. I think a regional approach would reduce a lot of the variation we see between the hospices.",
]
add("evening_long_gmail", gmail_top(P + "evening_long_gmail", EVENING_GMAIL, sign=("Best wishes,", "Jack"),
                                    date="Mon, 21 Dec 2026 21:17:05 +0000"),
    E([True, False, True, 7, "bc", True, False, True, True],
      "Thank you for organising this. I think a regional approach would reduce a lot of the variation we see between the hospices."),
    "Gmail web, late evening: each answer followed by a sentence of explanation (4 '7. I'm comfortable ...' is 7), barriers as letters then a reason, a two-sentence comment.")

add("inline_gmail_web", reply(P + "inline_gmail_web", "gmail_web", top=["Answers below each question.", "", "Jack"],
    answers={1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "a", 6: "no", 7: "no", 8: "yes",
             9: "No \u2013 I think the existing evidence is enough to act on",
             10: "Please share the summary with participants."}),
    E([True, False, True, 5, "a", False, False, True, False], "Please share the summary with participants."),
    "Gmail web: the quote split below each quoted Answer: and his answer typed there; 9 a no with a reason; a comment below 10's Answer:.")

add("trap_depends_gmail", gmail_top(P + "trap_depends_gmail", [
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b",
    "6. Yes", "7. Hard to say \u2013 the community team may have something, but I've never seen it",
    "8. Depends what level the training is pitched at", "9. Yes"], sign=("Thanks,", "Jack")),
    E([True, False, True, 7, "b", True, U, U, True]),
    "TRAP. Gmail web list: 7 'Hard to say' about guidance he has never seen (asked), 8 conditional on the level of the training (asked).")

add("bare_lines_gmail_android", reply(P + "bare_lines_gmail_android", "gmail_android", top=[
    "Yes", "No", "Yes", "7", "b c", "Yes", "Yes", "Yes", "Yes", "", "Jack"]),
    E([True, False, True, 7, "bc", True, True, True, True], inferred=True),
    "Gmail for Android: nine bare answers one per line, no numbers or introduction (inferred, to be confirmed).")

add("hyphen_gmail_android", reply(P + "hyphen_gmail_android", "gmail_android", top=[
    "1- yes", "2- yes", "3- no", "4- 5", "5- a", "6- no", "7- no", "8- yes", "9- yes",
    "10- I'm a GP with a special interest so my exposure is limited.", "", "Jack"]),
    E([True, True, False, 5, "a", False, False, True, True], "I'm a GP with a special interest so my exposure is limited."),
    "Gmail for Android: '1- yes' list (hyphen against the number), a comment at 10.")

add("other_brackets_gmail_ios", reply(P + "other_brackets_gmail_ios", "gmail_ios", top=[
    "1) yes", "2) no", "3) yes", "4) 8", "5) c + e (drug interactions with our other adjuvants)", "6) yes", "7) yes",
    "8) yes", "9) yes", "", "Jack"]),
    E([True, False, True, 8, "ce", True, True, True, True], other="drug interactions with our other adjuvants"),
    "Gmail for iOS: '1)' list, barriers 'c + e' with the Other text in brackets.")

add("commas_one_line_gmail_ios", reply(P + "commas_one_line_gmail_ios", "gmail_ios", top=[
    "1 Yes, 2 No, 3 Yes, 4 6, 5 b, 6 Yes, 7 No, 8 Yes, 9 Yes", "", "J"]),
    E([True, False, True, 6, "b", True, False, True, True]),
    "Gmail for iOS (unusual): all nine numbered on one line separated by commas ('4 6' is 6).")

# ---------------- Apple ----------------
add("short_iphone", iphone(P + "short_iphone", [
    "1. Yes", "2. No", "3. No", "4. 4", "5. a & b", "6. Yes", "7. No", "8. Definitely", "9. Yes", "", "Jack"]),
    E([True, False, False, 4, "ab", True, False, True, True]),
    "iPhone Mail: short numbered list, 'a & b', 'Definitely' is yes.")

add("split_quote_iphone", apple_reply(P + "split_quote_iphone", "iphone", top=["Answers below.", "", "Jack"],
    answers={1: "Yes", 2: "Yes", 3: "Yes", 4: "7", 5: "B", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
             10: "Good luck with the write-up"}),
    E([True, True, True, 7, "b", True, True, True, True], "Good luck with the write-up"),
    "iPhone Mail: the quote split below each quoted Answer: with his answer there, a comment below 10's.")

add("dash_reasons_iphone", iphone(P + "dash_reasons_iphone", [
    "1 \u2013 yes, end of life only", "2 \u2013 no", "3 \u2013 yes", "4 \u2013 6", "5 \u2013 side effects", "6 \u2013 yes",
    "7 \u2013 no", "8 \u2013 yes", "9 \u2013 yes", "10 \u2013 our pharmacy struggles to stock it", "", "Jack"]),
    E([True, False, True, 6, "c", True, False, True, True], "our pharmacy struggles to stock it"),
    "iPhone Mail: '1 \u2013 yes' list (en dash), barrier named by its label, a lower-case comment at 10.")

add("trap_no_figure_iphone", iphone(P + "trap_no_figure_iphone", [
    "1. Yes", "2. No", "3. Yes", "4. Honestly couldn't put a figure on it", "5. a or c, can't choose",
    "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    E([True, False, True, U, U, True, False, True, True]),
    "TRAP. iPhone Mail list: no number for confidence (asked), barriers offered as 'a or c' (either/or, asked).")

add("list_ipad", iphone(P + "list_ipad", [
    "1. Yes", "2. Yes", "3. Yes", "4. 10", "5. d", "6. Yes", "7. Yes", "8. No", "9. Yes",
    "10. I chair the regional pain group, so happy to help with the guidance.", "", "Jack"],
    tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
    E([True, True, True, 10, "d", True, True, False, True], "I chair the regional pain group, so happy to help with the guidance."),
    "iPad Mail: numbered list, confidence 10, d alone, a comment at 10.")

add("double_space_apple_mac", apple_mac(P + "double_space_apple_mac", [
    "Asha,", "", "1.  Yes", "2.  No", "3.  Yes", "4.  5", "5.  a, b, c", "6.  No", "7.  No", "8.  Yes", "9.  Yes", "",
    "Jack", "", "Dr Jack Clarke", "Associate Specialist"]),
    E([True, False, True, 5, "abc", False, False, True, True]),
    "Apple Mail macOS (rich): numbered list with two spaces after the full stop, three barriers.")

EVENING_MAC = [
    "Dear Asha,", "",
    "Sorry this is late \u2013 I wanted to give it proper thought.", "",
    "1 \u2013 Yes, in perhaps a dozen patients over the years, nearly all with neuropathic or incident pain that had not settled with opioid titration.",
    "2 \u2013 No, I have only ever added it once opioids have clearly failed.",
    "3 \u2013 Yes, on three or four occasions where myoclonus or delirium made a dose reduction essential.",
    "4 \u2013 6, because I use it too rarely to feel truly fluent.",
    "5 \u2013 a and b; the lack of trial evidence is the main thing, and the team's unfamiliarity with it comes second.",
    "6 \u2013 Yes, we have a hospice protocol covering both routes.",
    "7 \u2013 Yes, produced with the district nursing service two years ago.",
    "8 \u2013 Yes, a refresher on dose conversion would be useful.",
    "9 \u2013 Yes.",
    "10 \u2013 I would encourage the group to include pharmacists and community nurses in any training that comes out of this, as they are often the ones who notice side effects first.",
    "", "With best wishes,", "Jack",
]
add("evening_flowed_apple_mac", apple_mac_plain(P + "evening_flowed_apple_mac", apple_mac_text(EVENING_MAC),
                                                date="Sun, 13 Dec 2026 21:48:12 +0000"),
    E([True, False, True, 6, "ab", True, True, True, True],
      "I would encourage the group to include pharmacists and community nurses in any training that comes out of this, as they are often the ones who notice side effects first."),
    "Apple Mail macOS plain text, format=flowed DelSp=yes, late evening: '1 \u2013 Yes, ...' with reasons soft-broken over lines, 4 '6, because ...' is 6, a long comment read as one line.")

# ---------------- Thunderbird, Samsung, Yahoo ----------------
TB_ANSWERS = {1: "Yes", 2: "No", 3: "No", 4: "6", 5: "a, b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
              10: "It would help to have a single regional chart for ketamine via syringe driver, rather than each unit's own version."}
add("inline_bottom_thunderbird", thunderbird_flowed(P + "inline_bottom_thunderbird",
    WROTE_TB + "\n" + text_inline(answers=TB_ANSWERS) + "\n\n-- \nJack Clarke\nSpecialty Registrar, Palliative Medicine\n"),
    E([True, False, False, 6, "ab", True, True, True, True],
      "It would help to have a single regional chart for ketamine via syringe driver, rather than each unit's own version."),
    "Thunderbird, format=flowed, bottom-posting: answers typed below each quoted Answer:, the comment below 10's soft-broken, a '-- ' signature at the end.")

add("trap_second_thoughts_thunderbird", thunderbird_flowed(P + "trap_second_thoughts_thunderbird", "\n".join([
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b", "6. Yes", "7. No", "8. Perhaps", "9. Yes", "",
    "Now I think about it, the patient I had in mind for 1 may have been before the ketamine was added \u2013 probably no, but I'd need to check the notes.",
    "", "Jack", "", WROTE_TB, quote(INV_TEXT)]) + "\n", cte="8bit", eightbit=True),
    E([U, False, True, 7, "b", True, False, U, True]),
    "TRAP. Thunderbird flowed, top-posted list: 1 'Yes' then doubted below ('probably no, but I'd need to check the notes', asked), 8 'Perhaps' (asked).")

add("colon_tb115", reply(P + "colon_tb115", "tb115", top=[
    "1: Yes", "2: No", "3: Yes", "4: 8", "5: B", "6: Yes", "7: Yes", "8: Yes", "9: Yes", "",
    "Jack Clarke, Consultant, Southmoor Hospice"]),
    E([True, False, True, 8, "b", True, True, True, True]),
    "Thunderbird (HTML with a flowed text part): '1: Yes' list, no comment.")

add("no_space_samsung", reply(P + "no_space_samsung", "samsung", top=[
    "1.yes", "2.no", "3.yes", "4.6", "5.b,c", "6.yes", "7.no", "8.yes", "9.yes", "", "Jack"]),
    E([True, False, True, 6, "bc", True, False, True, True]),
    "Samsung Email (base64): typed on the phone with no space after the number's full stop ('4.6' is question 4's 6), 'b,c'.")

add("trap_merger_samsung", reply(P + "trap_merger_samsung", "samsung", top=[
    "1. Yes", "2. No", "3. Yes?", "4. 5", "5. a",
    "6. We did \u2013 not sure anyone's updated it since the merger, so maybe not any more",
    "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    E([True, False, U, 5, "a", U, False, True, True]),
    "TRAP. Samsung Email list: 3 'Yes?' with a question mark (doubt, asked), 6 a protocol that may have lapsed after a merger (asked).")

add("locum_yahoo", yahoo(P + "locum_yahoo", [
    "1 Yes", "2 No", "3 Yes", "4 7", "5 B and C", "6 Yes", "7 No", "8 No", "9 Yes", "",
    "Jack Clarke (retired, still doing a few locum sessions)"]),
    E([True, False, True, 7, "bc", True, False, False, True]),
    "Yahoo Mail: '1 Yes' list (a space only), 'B and C'; the aside after his name is no comment.")
