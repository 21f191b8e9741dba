"""The cases of the nineteenth held-back set of issue 21 (heldback21s): the
first week after the invitation (1-7 Dec 2026), the keen early responders.
Two helpers of this set's own: E() (expected answers in question order) and
gmail_followup() (a Gmail message quoting his own earlier Gmail reply)."""
import email.utils
from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403
from clients_new import reply, apple_reply, word_table, word_paras, outlook_win  # noqa: F401

Y, N = True, False
LETTER = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}
P = "heldback21s_"


def E(*vals, st=ok):
    """Expected answers in question order: a bool, an int, a string of
    barrier letters ('bc'), the comment's text, an answer dict (UNCLEAR,
    ok(..., other=...)) as it is, or None (not answered)."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
            continue
        if qid == "barriers" and isinstance(v, str):
            v = [LETTER[c] for c in v]
        out[qid] = ok(v) if qid == "comments" else st(v)
    return out


def at(day, hh, mm, ss):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


# ---------------------------------------------------------------- Outlook 365 for Windows (12)

case(P + "keen_numbered_signature_outlook", outlook_win(P + "keen_numbered_signature_outlook", top=[
    "Dear Asha,", "", "Thanks for sending this round – here are mine.", "",
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Really pleased the audit group is taking this on; happy to pilot whatever guidance comes out of it.", "",
    "Best wishes", "Jack", "", "Dr Jack Clarke MRCP", "Consultant in Palliative Medicine",
    "North Hospice, Moor Lane, Bolton BL3 4QT", "Tel 01204 496 118 | Ext 2271"]),
    E(Y, N, Y, 7, "bc", Y, N, Y, Y,
      "Really pleased the audit group is taking this on; happy to pilot whatever guidance comes out of it."),
    note="A numbered list `1. Yes` on top over a signature with a postcode (BL3 4QT), telephone and extension; "
         "`5. b, c`; a comment on 10.")

case(P + "prose_paragraphs_outlook", outlook_win(P + "prose_paragraphs_outlook", top=[
    "Dear Dr Rahman,", "",
    "Thank you for the survey, which arrived at a good moment: we have argued about ketamine at our last two governance meetings.", "",
    "I have used ketamine on a good number of occasions for patients in their last days whose pain was not being touched by "
    "escalating opioids, so the answer to your first question is certainly yes. I would not, however, start it early on "
    "alongside the first opioid; in my practice it comes in only once the usual steps have been exhausted. I have also used "
    "it where a patient was becoming toxic on their opioid – drowsy, twitching – and the ketamine let us bring the "
    "hydromorphone down by about a third.", "",
    "Confidence-wise I would score myself a seven. What holds me back is how little good evidence there is, and the side "
    "effects – the odd vivid nightmare or dissociative episode, which families find frightening.", "",
    "We do have a written hospice protocol, last revised in 2024, but we have not produced anything jointly with the "
    "district nursing teams or the GPs. I would welcome more training, particularly for our speciality doctors, and I very "
    "much think further research is needed.", "",
    "With best wishes,", "Jack"]),
    E(Y, N, Y, 7, "bc", Y, N, Y, Y),
    note="Four paragraphs of prose answering in question order without numbers: 'I would not, however, start it early on' "
         "(2 no), 'bring the hydromorphone down by about a third' (3 yes), 'score myself a seven', 'how little good "
         "evidence there is, and the side effects' (b, c), a protocol 'last revised in 2024', nothing 'jointly with the district nursing teams' (7 no), "
         "'I would welcome more training'. No comment.")

case(P + "easy_ones_first_outlook", outlook_win(P + "easy_ones_first_outlook", top=[
    "Hi,", "", "Doing the quick ones first and the rest once I've had a think:", "",
    "4 – 8", "9 – yes", "6 – yes", "8 – no", "",
    "Right, the others:", "",
    "1 – yes", "3 – yes", "2 – no", "7 – no", "5 – a", "", "J"]),
    E(Y, N, Y, 8, "a", Y, N, N, Y),
    note="Numbered answers out of question order, in two batches ('the quick ones first': 4, 9, 6, 8; then 1, 3, 2, 7, 5), "
         "`4 – 8` is question 4, answer 8.")

case(P + "non_native_outlook", outlook_win(P + "non_native_outlook", top=[
    "Dear Dr Rahman,", "", "Please find my answers here under. Sorry for my English.", "",
    "1. Yes, many times in the last days of the life.", "2. No, never in the beginning.",
    "3. Yes, one time, for a patient too much sleepy with the morphine.", "4. I am confident 6 on 10.",
    "5. a and b", "6. Yes we have it.", "7. Not exist yet.", "8. Yes for sure.", "9. Yes of course.",
    "10. In Italy we used it more often in the home care, here I see it is used less.", "",
    "Kind regards,", "J. Clarke"]),
    E(Y, N, Y, 6, "ab", Y, N, Y, Y, "In Italy we used it more often in the home care, here I see it is used less."),
    note="Non-native phrasing in a numbered list: 'never in the beginning' (no), 'too much sleepy with the morphine' (yes), "
         "'6 on 10' (6), 'Yes we have it', 'Not exist yet' (no), 'Yes for sure'; a comment on 10.")

case(P + "below_answer_blue_outlook", outlook_win(P + "below_answer_blue_outlook",
    top=["Hello,", "", "I've typed my answers under each question in blue.", "", "Jack"],
    below={1: "Yes – subcutaneously, in the same driver as the opioid or a second one", 2: "No", 3: "Yes", 4: "7",
           5: "Lack of evidence", 6: "Yes – third edition came out this spring", 7: "No", 8: "Yes", 9: "Yes"}, color="#0070C0"),
    E(Y, N, Y, 7, "b", Y, N, Y, Y),
    note="Answers in blue paragraphs below each Answer: of Outlook's unquoted original, some with a reason "
         "('Yes – third edition came out this spring'); barriers in words ('Lack of evidence' is b). No comment.")

case(P + "after_question_caps_outlook", outlook_win(P + "after_question_caps_outlook",
    top=["My answers are in capitals next to each question.", "", "Dr J Clarke"],
    after_question={1: "YES", 2: "NO", 3: "YES", 4: "6", 5: "A, C", 6: "YES", 7: "NO", 8: "YES", 9: "YES"},
    color="#7030A0"),
    E(Y, N, Y, 6, "ac", Y, N, Y, Y),
    note="Answers in purple capitals after each question's own text in Outlook's unquoted original (the Answer: lines "
         "left empty); question 4's text holds '0 = ... 10 = ...', his answer 6 follows it.")

_table_html, _table_text = word_table([
    ("Topic", "Answer"), ("1 Ketamine at end of life with strong opioids", "Yes"), ("2 Early adjuvant", "No"),
    ("3 To reduce opioid dose", "Yes"), ("4 Confidence (0-10)", "7"), ("5 Barriers", "b, c"),
    ("6 Written protocol", "Yes"), ("7 Community guidance", "No"), ("8 Training", "Yes"), ("9 Research", "Yes"),
    ("10 Comments", "Happy to be contacted about the findings.")])
case(P + "word_table_topics_outlook", outlook_win(P + "word_table_topics_outlook",
    top_html=word_paras(["Hi Asha,", "", "Easier for me as a table:", ""]) + _table_html + word_paras(["", "Jack"]),
    top_text="Hi Asha,\n\nEasier for me as a table:\n\n" + _table_text + "\n\nJack"),
    E(Y, N, Y, 7, "bc", Y, N, Y, Y, "Happy to be contacted about the findings."),
    note="A two-column Word table (Topic | Answer; tab-separated in text), the first cell of each row a number and his "
         "own short topic ('4 Confidence (0-10)' holds 0 and 10 but the answer is 7); a comment in row 10.")

case(P + "ps_protocol_approved_outlook", outlook_win(P + "ps_protocol_approved_outlook", top=[
    "Hi Asha,", "",
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. No", "7. No", "8. Yes", "9. Yes", "",
    "Thanks,", "Jack", "",
    "PS – our pharmacist has just put her head round the door: the ketamine protocol was approved at the October D&T "
    "meeting, so 6 should read yes."]),
    E(Y, N, Y, 6, "b", Y, N, Y, Y),
    note="A numbered list with `6. No`, then a PS after the sign-off changing it ('so 6 should read yes'): 6 is yes.")

case(P + "prose_with_numbers_outlook", outlook_win(P + "prose_with_numbers_outlook", top=[
    "Dear Asha,", "",
    "Thank you – I'm glad this is finally happening. Some context first: I've been a consultant here for 11 years, and in "
    "the last 12 months I think I've started ketamine in 9 or 10 patients, almost all in their last 2 weeks and always on "
    "top of an opioid syringe driver – so yes to your first question.", "",
    "I've never used it as an early adjuvant, so no to the second. I have used it to pull an opioid dose down when the side "
    "effects became intolerable: one lady went from 60 mg to 30 mg of subcutaneous oxycodone over 48 hours with 150 mg of "
    "ketamine per 24 hours running alongside – so that's a yes.", "",
    "I'd rate my confidence at 8. The barrier for me is really the evidence – b.", "",
    "Our protocol is written and sits on the intranet under 'Pain'. We haven't developed anything with the community teams. "
    "I don't think I personally need more training at this point, but I would strongly support more research.", "",
    "Best wishes,", "Jack"]),
    E(Y, N, Y, 8, "b", Y, N, N, Y),
    note="Prose in question order full of numbers that are not answers (11 years, 12 months, 9 or 10 patients, 2 weeks, "
         "60 mg to 30 mg, 48 hours, 150 mg per 24 hours); 'so yes to your first question', 'so no to the second', "
         "'so that's a yes', confidence 8, 'the evidence – b', no community guidance, 'I don't think I personally need "
         "more training' (8 no), research yes.")

case(P + "terse_dashes_outlook", outlook_win(P + "terse_dashes_outlook", top=[
    "1-Y", "2-N", "3-Y", "4-9", "5-D", "6-Y", "7-Y", "8-N", "9-Y", "", "JC"]),
    E(Y, N, Y, 9, "d", Y, Y, N, Y),
    note="Terse: `1-Y` ... `4-9` (question 4, answer 9), `5-D` (No barriers), initials only.")

case(P + "paragraph_per_answer_outlook", outlook_win(P + "paragraph_per_answer_outlook", top=[
    "Dear Dr Rahman,", "", "Delighted to contribute. My answers, with a little colour:", "",
    "1. Yes. It has been a real help for a handful of patients with bone pain from spinal metastases.", "",
    "2. No. In my hands it is a last-resort drug, not an opener.", "",
    "3. Yes, though rarely.", "", "4. 7", "", "5. b) and c)", "", "6. Yes", "",
    "7. No – although our community palliative care team keeps asking for it.", "", "8. Yes", "",
    "9. Yes – particularly on oral dosing at home.", "", "Warm regards,", "Jack"]),
    E(Y, N, Y, 7, "bc", Y, N, Y, Y),
    note="A numbered list with a blank line between answers and a sentence of colour after several ('Yes, though rarely', "
         "'No – although our community ... team keeps asking for it'); `5. b) and c)`. No comment.")

case(P + "trap_prose_hedges_outlook", outlook_win(P + "trap_prose_hedges_outlook", top=[
    "Dear Asha,", "",
    "Happy to help, although I'm not sure my answers will fit your boxes very neatly.", "",
    "I have certainly used ketamine for intractable pain at the end of life on top of strong opioids. Whether I have ever "
    "used it early on, alongside the first opioid, I honestly couldn't tell you – there may have been a case in my registrar "
    "years but I wouldn't swear to it. I have used it to let the opioid come down when a patient became toxic.", "",
    "As for confidence, it depends entirely on the setting: on our inpatient unit with the pharmacist down the corridor I'm "
    "comfortable, at home with a community team that has hardly seen it, much less so.", "",
    "The barriers are the lack of evidence and the side effects. We have a written protocol; we have no shared guidance "
    "with community services. I would benefit from training, and I think research is needed.", "",
    "Jack"]),
    E(Y, UNCLEAR, Y, UNCLEAR, "bc", Y, N, Y, Y),
    note="TRAP. Prose in question order: 2 is 'I honestly couldn't tell you – there may have been a case ... I wouldn't "
         "swear to it' (unclear); 4 has no number, only 'comfortable' on the unit and 'much less so' at home (unclear). "
         "The rest are plain statements.")

# ---------------------------------------------------------------- Outlook on the web / NHSmail (5)

NHSMAIL_FOOTER = [
    "********************************************************************************************************************",
    "This message may contain confidential information. If you are not the intended recipient please inform the",
    "sender that you have received the message in error before deleting it.",
    "Please do not disclose, copy or distribute information in this e-mail or take any action in relation to its contents.",
    "Thank you.",
    "NHSmail is the secure email, collaboration and directory service available for all NHS staff in England.",
    "********************************************************************************************************************"]

case(P + "nhsmail_dash_footer_owa", owa(P + "nhsmail_dash_footer_owa", [
    "Hi Asha,", "", "Answering now before it sinks to the bottom of my inbox.", "",
    "1 – Yes", "2 – Yes", "3 – No", "4 – 9", "5 – d", "6 – Yes", "7 – Yes", "8 – No", "9 – Yes",
    "10 – We co-wrote community guidance with the district nurses of both our boroughs last spring; happy to share it.", "",
    "Jack", "", "Dr Jack Clarke | Consultant in Palliative Medicine | North Hospice", ""] + NHSMAIL_FOOTER),
    E(Y, Y, N, 9, "d", Y, Y, N, Y,
      "We co-wrote community guidance with the district nurses of both our boroughs last spring; happy to share it."),
    note="OWA: `1 – Yes` (en dash) on top over the NHSmail confidentiality footer; `5 – d` (No barriers); a comment on 10.")

case(P + "answer_lines_red_owa", owa(P + "answer_lines_red_owa", ["Answers on the lines below in red.", "", "Jack"],
    original=inv_html(on_line={1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "b + c", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                               10: "Would be good to see the regional results broken down by hospice size."}, color="#C00000"),
    original_text=text_inline(on_line={1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "b + c", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                                       10: "Would be good to see the regional results broken down by hospice size."}, prefix="")),
    E(Y, N, Y, 5, "bc", N, N, Y, Y, "Would be good to see the regional results broken down by hospice size."),
    note="OWA: answers in red on the Answer: lines of the original below the divRplyFwdMsg header (`b + c`); a comment on "
         "10's line.")

case(P + "self_correct_line_owa", owa(P + "self_correct_line_owa", [
    "1. Yes", "2. No", "3. No. Oh, I tell a lie – the man with oxycodone myoclonus in September. Yes.",
    "4. 7", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    E(Y, N, Y, 7, "ac", Y, N, Y, Y),
    note="OWA list with a change of mind on the answer's own line: '3. No. Oh, I tell a lie – the man with oxycodone "
         "myoclonus in September. Yes.' is yes.")

case(P + "numbers_in_prose_owa", owa(P + "numbers_in_prose_owa", [
    "Hi Asha,", "",
    "Taking these as they occur to me rather than in your order. 9 is an easy yes, and so is 8 – I'd sign up for any "
    "training going. On 6, yes, we have a written protocol; on 7, no, nothing shared with community services yet. For 1 "
    "it's a yes, I've used it for intractable pain at the end of life on top of strong opioids, but for 2 it's a no, I've "
    "never started it early alongside an opioid. 3 is a yes. Confidence (4) I'd put at 6. Barriers (5): a and b.", "",
    "Jack"]),
    E(Y, N, Y, 6, "ab", Y, N, Y, Y),
    note="One paragraph answering out of order, each answer tied to its question number in the prose ('9 is an easy yes, "
         "and so is 8', 'On 6, yes', 'on 7, no', 'Confidence (4) I'd put at 6', 'Barriers (5): a and b').")

case(P + "trap_either_or_owa", owa(P + "trap_either_or_owa", [
    "1. Yes", "2. No", "3. Yes", "4. 6/7 depending on the day", "5. Either b or c, I'm not sure which",
    "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    E(Y, N, Y, UNCLEAR, UNCLEAR, Y, N, Y, Y),
    note="TRAP. '6/7 depending on the day' (6 or 7, not 6 out of 7) and 'Either b or c, I'm not sure which' would be "
         "asked about: both unclear.")

# ---------------------------------------------------------------- Outlook for iOS / Android (4)

case(P + "terse_outlook_ios", outlook_mobile(P + "terse_outlook_ios", [
    "1 Y", "2 N", "3 N", "4 4", "5 A B", "6 N", "7 N", "8 Y", "9 Y"], platform="iOS"),
    E(Y, N, N, 4, "ab", N, N, Y, Y),
    note="Outlook for iOS, terse: `1 Y` ... `4 4` (question 4, answer 4), `5 A B`; no greeting or name.")

case(P + "car_park_order_outlook_ios", outlook_mobile(P + "car_park_order_outlook_ios", [
    "Answering from the car park so in the order I remember them:", "",
    "1 yes", "3 yes", "2 no", "4 7", "6 yes", "7 no", "5 c", "9 yes",
    "8 yes – especially for the nurses who set up the drivers", "", "Jack"], platform="iOS"),
    E(Y, N, Y, 7, "c", Y, N, Y, Y),
    note="Outlook for iOS: numbered answers out of order (1, 3, 2, 4, 6, 7, 5, 9, 8), the last with a reason.")

case(P + "bare_line_outlook_android", outlook_mobile(P + "bare_line_outlook_android", [
    "yes no yes 6 bc yes yes no yes", "", "(in order – on the train)"], platform="Android"),
    E(Y, N, Y, 6, "bc", Y, Y, N, Y, st=INF),
    note="Outlook for Android: nine bare answers on one line without question numbers, 'in order' (inferred).")

case(P + "trap_question_marks_outlook_android", outlook_mobile(P + "trap_question_marks_outlook_android", [
    "1 Y", "2 ?", "3 Y", "4 7", "5 B", "6 Y", "7 ?", "8 Y", "9 Y", "", "Will ask our community lead about 7"],
    platform="Android"),
    E(Y, UNCLEAR, Y, 7, "b", Y, UNCLEAR, Y, Y),
    note="TRAP. Terse list with `2 ?` and `7 ?` (and 'Will ask our community lead about 7'): 2 and 7 unclear.")

# ---------------------------------------------------------------- Outlook for Mac, Outlook plain text (2)

case(P + "topics_as_they_come_outlook_mac", reply(P + "topics_as_they_come_outlook_mac", "outlook_mac", top=[
    "Asha –", "", "In no particular order:", "",
    "Written protocol: we have one, yes.", "Research: definitely needed.",
    "End-of-life pain on top of strong opioids: yes, used it.", "Confidence: 8",
    "Early adjuvant with opioids: no.", "Barriers: side effects.",
    "Reducing the opioid dose because of side effects: yes.", "Shared community guidance: none so far.",
    "Training: would welcome it.", "", "Jack"]),
    E(Y, N, Y, 8, "c", Y, N, Y, Y),
    note="Outlook for Mac: answers labelled by topic in his own words, in no particular order; 'Shared community guidance: "
         "none so far' is no; 'Barriers: side effects' is c.")

_plain_on_line = {1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                  10: "I've only been a consultant since August so my answers may be out of step with the rest of the team."}
case(P + "original_message_plain_outlook", outlook_text(P + "original_message_plain_outlook",
    "Answers typed against each question below.\n\nJack Clarke\n\n" + ORIGINAL_MESSAGE + "\n"
    + text_inline(on_line=_plain_on_line, prefix="") + "\n"),
    E(Y, N, N, 3, "a", N, N, Y, Y, _plain_on_line[10]),
    note="Outlook plain text: answers on the Answer: lines of the unquoted original below `-----Original Message-----`; "
         "a comment on 10's line.")

# ---------------------------------------------------------------- Gmail (8)

case(P + "one_ramble_gmail", gmail_top(P + "one_ramble_gmail", [
    "Hi Asha – I'm going to answer this as a ramble rather than your neat list, sorry. Our protocol (yes, we have one, "
    "written by our pharmacist in 2023) covers oral and subcut ketamine, and I've used it in the last days of life on top "
    "of an alfentanil driver more times than I can count. I've also used it so we could cut back the opioid when patients "
    "were seeing things on it. Never as an early adjuvant though – that's not how we use it here. Confidence, I'd say 8. "
    "The only thing that really stops me using it more is the lack of good trials. We haven't got any shared guidance with "
    "the community teams, I'd happily go on a course, and yes, more research please."],
    sign=("Jack",)),
    E(Y, N, Y, 8, "b", Y, N, Y, Y),
    note="Gmail web: one paragraph of prose in the order he thought of it (protocol first, research last), no numbers for "
         "the questions: 'Never as an early adjuvant' (2 no), 'cut back the opioid when patients were seeing things' (3 "
         "yes), 'I'd say 8', 'lack of good trials' (b), 'I'd happily go on a course' (8 yes).")

case(P + "inline_split_gmail", reply(P + "inline_split_gmail", "gmail_web",
    top=["Answered in the body of your email – hope that works.", "", "Jack"],
    answers={1: "Yes", 2: "Yes, occasionally for neuropathic pain", 3: "Yes", 4: "7 – fairly comfortable", 5: "c", 6: "Yes",
             7: "No", 8: "Yes", 9: "Yes", 10: "Thanks for keeping it short!"}),
    E(Y, Y, Y, 7, "c", Y, N, Y, Y, "Thanks for keeping it short!"),
    note="Gmail web: the quote split below each quoted Answer:, his answers unquoted in between ('7 – fairly comfortable' is 7); "
         "a comment on 10.")

case(P + "one_line_gmail_android", reply(P + "one_line_gmail_android", "gmail_android", top=[
    "1 yes 2 no 3 yes 4 6 5 c 6 yes 7 no 8 yes 9 yes", "", "Jack (on the ward)"]),
    E(Y, N, Y, 6, "c", Y, N, Y, Y),
    note="Gmail for Android, terse: all nine numbered answers on one line separated only by spaces (`4 6 5 c` is 4 → 6, "
         "5 → c).")

case(P + "non_native_gmail_ios", reply(P + "non_native_gmail_ios", "gmail_ios", top=[
    "Good morning,", "", "My answers:", "",
    "1- Yes, I use it in end of life many times", "2- No", "3- Yes", "4- 7", "5- b,c", "6- Yes, we have one protocol",
    "7- No, still not", "8- Yes, I would like it very much", "9- Yes",
    "10- Thank you for this survey, is very important for the patients in the hospices.", "",
    "Best regards", "Jack"]),
    E(Y, N, Y, 7, "bc", Y, N, Y, Y, "Thank you for this survey, is very important for the patients in the hospices."),
    note="Gmail for iOS, non-native phrasing: `1- Yes, I use it in end of life many times`, `5- b,c`, 'we have one "
         "protocol', 'No, still not', 'I would like it very much'; a comment on 10.")

case(P + "reasons_dash_gmail", gmail_top(P + "reasons_dash_gmail", [
    "Hi Asha,", "",
    "1. Yes – mainly in the last week or two of life with an alfentanil driver",
    "2. No – never as a first-line add-on", "3. Yes – on two occasions since the spring", "4. 6",
    "5. a and b – the registrars rotate through so quickly that nobody builds up experience",
    "6. No – we use the hospital pharmacy's document when we need one", "7. No", "8. Yes", "9. Yes"], sign=("All the best,", "Jack")),
    E(Y, N, Y, 6, "ab", N, N, Y, Y),
    note="Gmail web: a numbered list with reasons after dashes ('Yes – on two occasions since the spring', 'No – we use "
         "the hospital pharmacy's document when we need one' is 6 no); 'a and b – the registrars rotate ...'.")

_first_lines = ["1 yes", "2 no", "3 yes", "4 5", "5 b", "6 yes", "7 no", "8 yes", "9 yes"]
_first_date = at(2, 9, 14, 22)
case(P + "followup_first_gmail", gmail_top(P + "followup_first_gmail", _first_lines, sign=("Jack",), date=_first_date),
     E(Y, N, Y, 5, "b", Y, N, Y, Y),
     note="Gmail web: a plain `1 yes` list; followed later the same day by `followup_comment_gmail`.")


def gmail_followup(name, lines, first_name, first_lines, first_sign, first_date, date):
    """Gmail web: a second message replying to his own earlier Gmail reply
    (which quotes the invitation), quoting it in turn."""
    first_id = f"<CAF{hashlib.sha1(first_name.encode()).hexdigest()[:24]}@mail.gmail.com>"
    fd = email.utils.parsedate_to_datetime(first_date)
    wrote = f"On {fd:%a}, {fd.day} {fd:%b %Y} at {fd:%H:%M}, {DOC_FIRST} {DOC_LAST} <{DOC_ADDR}> wrote:"
    first_text = "\n".join(first_lines) + "\n\n" + "\n".join(first_sign) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
    text = "\n".join(lines) + "\n\n" + wrote + "\n\n" + quote(first_text) + "\n"
    first_html = ('<div dir="ltr">' + divs(first_lines) + "<div><br></div>" + divs(first_sign) + "</div><br>"
                  + gmail_quote_html(INV_HTML_BODY))
    html = '<div dir="ltr">' + divs(lines) + "</div><br>" + gmail_quote_html(first_html, wrote=wrote)
    return gmail(name, text, html, in_reply_to=first_id, references=INV_ID + " " + first_id, date=date)


_comment = ("We have found low-dose oral ketamine surprisingly useful for tenesmus-type pain, which might be worth a "
            "question in any follow-up survey.")
case(P + "followup_comment_gmail", gmail_followup(P + "followup_comment_gmail", [
    "Meant to add a comment for question 10:", "", _comment, "", "Jack"],
    P + "followup_first_gmail", _first_lines, ("Jack",), _first_date, at(2, 13, 41, 5)),
    E(None, None, None, None, None, None, None, None, None, _comment),
    note="Gmail web follow-up to his own reply `followup_first_gmail` (quoted, not counted) four hours later: only a "
         "comment for 10, introduced on its own line; questions 1-9 are missing from this message.")

case(P + "trap_draft_and_defer_gmail_android", reply(P + "trap_draft_and_defer_gmail_android", "gmail_android", top=[
    "1 yes", "2 no", "3 yes", "4 7", "5 a",
    "6 there's a draft with our medicines committee, awaiting approval", "7 no", "8 yes",
    "9 I'll leave that one to the academics", "", "Jack"]),
    E(Y, N, Y, 7, "a", UNCLEAR, N, Y, UNCLEAR),
    note="TRAP. A draft protocol 'awaiting approval' (does it count as written? unclear) and 'I'll leave that one to "
         "the academics' for research (no answer given: unclear).")

# ---------------------------------------------------------------- Apple (7)

case(P + "numbered_iphone", iphone(P + "numbered_iphone", [
    "1 Yes", "2 No", "3 Yes", "4 7", "5 B and C", "6 Yes", "7 Yes", "8 No", "9 Yes", "", "Jack"]),
    E(Y, N, Y, 7, "bc", Y, Y, N, Y),
    note="iPhone Mail: `1 Yes` list over 'Sent from my iPhone'; `5 B and C`.")

case(P + "grouped_iphone", iphone(P + "grouped_iphone", [
    "Yes for 1, 3, 6, 8 & 9; no for the other two yes/no ones (2 and 7). I'm a 5 on confidence and the evidence is my "
    "barrier.", "", "J"]),
    E(Y, N, Y, 5, "b", Y, N, Y, Y),
    note="iPhone Mail, terse and grouped in one paragraph: 'Yes for 1, 3, 6, 8 & 9; no for the other two yes/no ones "
         "(2 and 7)', 'I'm a 5 on confidence', 'the evidence is my barrier' (b).")

case(P + "inline_split_iphone", apple_reply(P + "inline_split_iphone", "iphone", top=["Answers under each one"],
    answers={1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "None", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
             10: "We started a ketamine audit of our own in October – happy to compare notes."}),
    E(Y, N, Y, 8, "d", Y, Y, N, Y, "We started a ketamine audit of our own in October – happy to compare notes."),
    note="iPhone Mail: answers typed below each quoted Answer: (the quote split); 'None' is d) No barriers; a comment on 10.")

case(P + "prose_non_native_iphone", iphone(P + "prose_non_native_iphone", [
    "Dear colleagues,", "",
    "I work as specialty doctor in the hospice since 2019, before I was in Romania. I use ketamine in the end of life "
    "together with the opioids, yes. In the early stage no. For reduce the opioid dose because of side effects, yes, few "
    "times. My confidence is 5. The barriers for me are the lack of experience and the side effects. In our hospice there "
    "is a written protocol. With the community we don't have guidance together. Training I would like, yes. Research is "
    "needed, I agree.", "", "Regards", "Jack"]),
    E(Y, N, Y, 5, "ac", Y, N, Y, Y),
    note="iPhone Mail: one paragraph of non-native prose in question order without numbers ('In the early stage no', "
         "'For reduce the opioid dose ... yes, few times', 'lack of experience and the side effects' is a and c, 'With the "
         "community we don't have guidance together' is 7 no); 2019 is not an answer.")

case(P + "trap_contradiction_iphone", iphone(P + "trap_contradiction_iphone", [
    "Hello,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "In my previous hospice in Porto we gave ketamine with morphine from the first days for the neuropathic pain, I did "
    "this many times, it was normal practice there.", "", "Jack"]),
    E(Y, UNCLEAR, Y, 6, "b", Y, N, Y, Y),
    note="TRAP. `2. No`, then a paragraph (not a correction) saying he gave ketamine with morphine 'from the first days' "
         "many times in his previous hospice – exactly question 2: a careful human would ask (2 unclear).")

case(P + "colon_list_apple_mac", apple_mac(P + "colon_list_apple_mac", [
    "Asha,", "", "1: Yes", "2: No", "3: No", "4: 6", "5: A, B and C", "6: Yes", "7: No", "8: Yes", "9: Yes",
    "10: It would help to know what starting doses the other hospices use.", "", "Jack"]),
    E(Y, N, N, 6, "abc", Y, N, Y, Y, "It would help to know what starting doses the other hospices use."),
    note="Apple Mail (macOS, rich): `1: Yes` list with `5: A, B and C`; a comment on 10.")

_long_comment = ("I think the most useful thing the region could produce is a one-page crib sheet for the out-of-hours "
                 "GPs, who are the people most often phoned by families at 2 am when a ketamine driver is running.")
case(P + "flowed_reasons_apple_mac_plain", apple_mac_plain(P + "flowed_reasons_apple_mac_plain", apple_mac_text([
    "Hello Asha,", "",
    "1. Yes. Most often for a patient with a pelvic recurrence whose pain kept breaking through despite methadone and "
    "oxycodone together.",
    "2. No.", "3. Yes.", "4. 7", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. " + _long_comment, "", "Jack"])),
    E(Y, N, Y, 7, "b", Y, N, Y, Y, _long_comment),
    note="Apple Mail (macOS, plain text, format=flowed DelSp=yes): long answers soft-broken over several lines, `2. No.` "
         "with full stops; a long comment on 10 ('2 am' is not an answer).")

# ---------------------------------------------------------------- Thunderbird, Samsung, Yahoo (4)

case(P + "inline_flowed_thunderbird", thunderbird_flowed(P + "inline_flowed_thunderbird",
    "Answers below each question.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers={
        1: "Yes", 2: "No", 3: "Yes", 4: "4", 5: "a, b", 6: "No – it's on the governance agenda for January", 7: "No",
        8: "Yes – very much so", 9: "Yes", 10: "Would be very keen on a regional study day."}) + "\n", cte="8bit", eightbit=True),
    E(Y, N, Y, 4, "ab", N, N, Y, Y, "Would be very keen on a regional study day."),
    note="Thunderbird, format=flowed: answers unquoted below each quoted Answer:; 6 'No – it's on the governance agenda for "
         "January' is no; a comment on 10.")

case(P + "paren_signature_thunderbird", thunderbird_flowed(P + "paren_signature_thunderbird",
    "\n".join(["Dear Dr Rahman,", "", "1) yes", "2) yes", "3) yes", "4) 9", "5) d", "6) yes", "7) yes", "8) no",
               "9) yes",
               "10) Our ketamine protocol is shared with the two neighbouring hospices, if that is useful for the report.",
               "", "-- ", "Dr Jack Clarke", "North Hospice", "01204 496 118", "", WROTE_TB, quote(INV_TEXT)]) + "\n", cte="8bit", eightbit=True),
    E(Y, Y, Y, 9, "d", Y, Y, N, Y,
      "Our ketamine protocol is shared with the two neighbouring hospices, if that is useful for the report."),
    note="Thunderbird, format=flowed: `1) yes` list on top, a `-- ` signature with a phone number, the invitation quoted; "
         "`5) d`; a comment on 10.")

case(P + "trap_ranges_samsung", reply(P + "trap_ranges_samsung", "samsung", top=[
    "1 Yes", "2 No", "3 Yes", "4 5-6", "5 B", "6 Yes", "7 No", "8 Maybe – would want to see the programme first", "9 Yes"]),
    E(Y, N, Y, UNCLEAR, "b", Y, N, UNCLEAR, Y),
    note="TRAP. Samsung Email: `4 5-6` (a range) and '8 Maybe – would want to see the programme first' (a hedge): both unclear.")

case(P + "slashes_yahoo", yahoo(P + "slashes_yahoo", ["yes / no / yes / 8 / a / yes / no / yes / yes", "", "Jack"]),
    E(Y, N, Y, 8, "a", Y, N, Y, Y, st=INF),
    note="Yahoo Mail: nine bare answers on one line separated by slashes, no question numbers (inferred).")
