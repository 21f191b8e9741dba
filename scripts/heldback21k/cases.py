"""The cases of heldback21k (see tests/fixtures/heldback21k/README.md).
Clients from scripts/heldback_common (unchanged); two small helpers here."""
import hashlib
from lib import *  # noqa: F401,F403
import clients
from clients import owa, outlook_mobile, gmail_top, iphone, apple, thunderbird_flowed, outlook_text, yahoo, GMAIL_BQ, ORIGINAL_MESSAGE
from clients_new import inv_html, reply, outlook_win, outlook_desktop_raw, word_table, word_paras, apple_mac, apple_mac_plain, apple_mac_text

Y, N = ok(True), ok(False)
U = UNCLEAR
P = "heldback21k_"


def A(*vals, comment=None):
    """Answers in question order (None: not answered)."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def text_on_line(on_line, prefix=""):
    """The invitation's text (unquoted, or quoted with prefix) with answers on its Answer: lines."""
    out = []
    for q, line in inv_blocks():
        if line == "Answer:" and q in on_line:
            out.append(prefix + "Answer: " + on_line[q])
        else:
            out.append((prefix + line).rstrip() if line else prefix.rstrip())
    return "\n".join(out)


SIG = ["Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice, 14 Moor Lane, Leeds LS17 6QT",
       "Tel: 0113 496 0712 | Ext 2204 | Mob 07700 900418", "GMC 7012345"]

# ---------------- Outlook for Windows ----------------
case(P + "numbered_dots_sig_outlook", outlook_win(P + "numbered_dots_sig_outlook", top=[
    "Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "Kind regards,", "Jack", ""] + SIG),
    A(True, False, True, 6, ["evidence"], True, False, True, True),
    note="Numbered list on top, a signature full of numbers (postcode, phone, extension, mobile, GMC).")

case(P + "paren_reasons_outlook", outlook_win(P + "paren_reasons_outlook", top=[
    "Dear Dr Rahman,", "", "1) Yes, several times on the inpatient unit", "2) No – only once the opioid has been titrated",
    "3) Yes (twice this year, both with bad myoclonus)", "4) 7", "5) a, b", "6) Yes – updated March 2025",
    "7) No – it is on our list for 2027", "8) Yes", "9) Definitely", "", "Best wishes", "Jack Clarke"]),
    A(True, False, True, 7, ["expertise", "evidence"], True, False, True, True),
    note="`1)` list, each answer followed by a reason holding numbers, years and a negation; 'Definitely' for yes.")

case(P + "below_answer_blue_outlook", outlook_win(P + "below_answer_blue_outlook", top=[
    "Answers in blue below.", "", "Jack"], below={
        1: "Yes", 2: "Occasionally, where there is a clear neuropathic element", 3: "Yes", 4: "8", 5: "b and c",
        6: "No", 7: "No", 8: "Yes please", 9: "Yes"}),
    A(True, True, True, 8, ["evidence", "side_effects"], False, False, True, True),
    note="Answers typed below each Answer: of Outlook's unquoted original, in blue; 'Occasionally' answers 'Have you used' with yes.")

case(P + "after_question_caps_outlook", outlook_win(P + "after_question_caps_outlook", top=["See below", "J"], after_question={
    1: "YES", 2: "NO", 3: "YES", 4: "5", 5: "A", 6: "YES", 7: "YES", 8: "NO", 9: "YES",
    10: "We mostly give it by CSCI over 24 hours."}, color="#C00000"),
    A(True, False, True, 5, ["expertise"], True, True, False, True, comment="We mostly give it by CSCI over 24 hours."),
    note="Answers in capitals after each question's own text in the unquoted original, in red; a comment after question 10.")

case(P + "on_answer_line_comment_outlook", outlook_win(P + "on_answer_line_comment_outlook", top=["Hope this helps.", "", "Jack"], on_line={
    1: "Yes", 2: "No", 3: "No", 4: "4", 5: "a, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
    10: "A regional advice line for ketamine would be more useful to us than more guidance."}),
    A(True, False, False, 4, ["expertise", "side_effects"], False, False, True, True,
      comment="A regional advice line for ketamine would be more useful to us than more guidance."),
    note="Answers typed on each Answer: line of Outlook's unquoted original; a comment on 10's.")

case(P + "ps_correction_outlook", outlook_win(P + "ps_correction_outlook", top=[
    "Asha,", "", "1. Yes", "2. Yes", "3. Yes", "4. 7", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Thanks", "Jack", "",
    "P.S. On 6 – I have just checked with our pharmacist and the protocol was withdrawn last spring, so that one should be No."]),
    A(True, True, True, 7, ["evidence"], False, False, True, True),
    note="P.S. below the sign-off correcting 6 from yes to no.")

case(P + "correction_later_same_mail_outlook", outlook_win(P + "correction_later_same_mail_outlook", top=[
    "Hi,", "", "1. Yes", "2. No", "3. Yes", "4. 8", "5. c", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
    "Reading that back, my confidence score of 8 is generous – please make it 6.", "", "Jack"]),
    A(True, False, True, 6, ["side_effects"], True, True, False, True),
    note="A later sentence in the same mail changes the confidence from 8 to 6 ('8' also being a question number).")

_rows = [("Question", "Answer"), ("1", "Yes"), ("2", "No"), ("3", "Yes"), ("4", "6"), ("5", "a and b"), ("6", "No"),
         ("7", "No"), ("8", "Yes"), ("9", "Yes")]
_th, _tt = word_table(_rows, [60, 160])
case(P + "word_table_outlook", outlook_desktop_raw(P + "word_table_outlook",
     word_paras(["Dear Asha,", "", "I've put my answers in a table, hope that's OK.", ""]) + _th + word_paras(["", "Jack"]) + OUTLOOK_FROM_HTML + word_original(),
     "Dear Asha,\n\nI've put my answers in a table, hope that's OK.\n\n" + _tt + "\n\nJack\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
    A(True, False, True, 6, ["expertise", "evidence"], False, False, True, True),
    note="A Word table (question number, answer), tab-separated in the text part.")

case(P + "trap_depends_outlook", outlook_win(P + "trap_depends_outlook", top=[
    "1. Yes", "2. No", "3. Yes", "4. Depends entirely on the patient", "5. b? possibly c as well", "6. I'd have to ask our pharmacist",
    "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(True, False, True, U, U, U, False, True, True),
    note="TRAP. 4 is not a number ('Depends entirely on the patient'), 5 hedged ('b? possibly c as well'), 6 not known: unclear.")

case(P + "trap_none_but_outlook", outlook_win(P + "trap_none_but_outlook", top=[
    "1 - Yes", "2 - Yes", "3 - No", "4 - 9", "5 - No barriers – well, the evidence is thin, but that doesn't stop me", "6 - Yes",
    "7 - Yes", "8 - No", "9 - Yes and no", "", "Regards", "Jack"]),
    A(True, True, False, 9, U, True, True, False, U),
    note="TRAP. 5 says no barriers and then names the evidence (d is exclusive): unclear; 9 'Yes and no': unclear.")

case(P + "secretary_on_behalf_outlook", outlook_win(P + "secretary_on_behalf_outlook", top=[
    "Dear Dr Rahman,", "", "Dr Clarke is on the ward all week and asked me to send his answers:", "",
    "Q1 Yes", "Q2 No", "Q3 Yes", "Q4 7", "Q5 A and B", "Q6 Yes", "Q7 Yes", "Q8 No", "Q9 Yes", "",
    "Kind regards", "Helen Marsh", "Medical Secretary to Dr J Clarke", "North Hospice | 0113 496 0700 ext 2210"]),
    A(True, False, True, 7, ["expertise", "evidence"], True, True, False, True),
    note="His secretary sends his answers from his address (`Q1 Yes`).")

case(P + "secretary_prose_outlook", outlook_win(P + "secretary_prose_outlook", top=[
    "Good afternoon,", "",
    "Dr Clarke is on leave until 4 January but asked me to reply for him before the deadline. He has used ketamine at the end of life "
    "and to bring opioid doses down, but never early on. He would welcome training. He will answer the rest himself if there is time.", "",
    "Many thanks", "Helen Marsh", "Medical Secretary"]),
    A(True, False, True, None, None, None, None, True, None),
    note="A prose summary from his secretary on his behalf: 1, 2, 3 and 8 answered; the rest missing.")

# ---------------- Outlook on the web ----------------
case(P + "dash_list_nhsmail_owa", owa(P + "dash_list_nhsmail_owa", [
    "1 - yes", "2 - no", "3 - yes", "4 - 7", "5 - b", "6 - yes", "7 - yes", "8 - yes", "9 - yes", "",
    "Jack", "", "Dr J Clarke, Consultant in Palliative Medicine", "Bleep 4471 | Secure fax 0113 496 0799"],
    frm='"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke7@nhs.net>'),
    A(True, False, True, 7, ["evidence"], True, True, True, True),
    note="`1 - yes` list from his NHSmail address (OWA), bleep and fax numbers in the signature.")

case(P + "summary_except_owa", owa(P + "summary_except_owa", [
    "Hi Asha,", "", "Yes to all of the yes/no questions except 2 and 7, which are no.", "Confidence: 7.",
    "Barriers: mainly lack of evidence, and side effects to a lesser extent.", "", "Jack"]),
    A(True, False, True, 7, ["evidence", "side_effects"], True, False, True, True),
    note="A summary ('Yes to all ... except 2 and 7, which are no'), the scale and barriers given apart.")

_on = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "c", 6: "No", 7: "No", 8: "Yes", 9: "No"}
case(P + "on_line_red_owa", owa(P + "on_line_red_owa", ["Answers added to your email below.", "", "Jack"],
    original=inv_html(on_line=_on, color="#FF0000"), original_text=text_on_line(_on)),
    A(True, False, True, 6, ["side_effects"], False, False, True, False),
    note="OWA: answers typed on the Answer: lines of the original, in red.")

case(P + "compact_codes_owa", owa(P + "compact_codes_owa", ["1Y 2Y 3N 4:7 5:BC 6N 7N 8Y 9Y", "", "JC"]),
    A(True, True, False, 7, ["evidence", "side_effects"], False, False, True, True),
    note="Compact codes on one line: `4:7` the scale, `5:BC` b) and c).")

case(P + "trap_contradiction_owa", owa(P + "trap_contradiction_owa", [
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "We do start it alongside morphine from the outset for neuropathic pain in head and neck patients, though.", "", "Jack"]),
    A(True, U, True, 6, ["expertise"], True, False, True, True),
    note="TRAP. A later sentence contradicts 2 (early adjuvant) without a word of correction: unclear.")

case(P + "below_answer_html_only_owa", owa(P + "below_answer_html_only_owa", ["Answers are in the email below.", "Jack"],
    original=inv_html(after={1: "Yes", 2: "Yes – in selected patients", 3: "Yes", 4: "8", 5: "d",
                                                        6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}, color="#7030A0"),
    html_only=True),
    A(True, True, True, 8, ["none"], True, True, False, True),
    note="HTML only (no text part); answers below each Answer: in purple; 'd' is no barriers.")

# ---------------- Outlook mobile / Mac / plain text ----------------
case(P + "typos_outlook_ios", outlook_mobile(P + "typos_outlook_ios", [
    "1 Yes", "2 Mo", "3 Yes", "4 7", "5 B", "6 Yed", "7 No", "8 Yes", "9 Yes"]),
    A(True, False, True, 7, ["evidence"], True, False, True, True),
    note="Outlook for iOS, typed on a phone: 'Mo' is no, 'Yed' is yes.")

case(P + "one_line_plus_outlook_android", outlook_mobile(P + "one_line_plus_outlook_android", [
    "1 y, 2 n, 3 y, 4 - 5, 5 - a+c, 6 y, 7 y, 8 n, 9 y"], platform="Android"),
    A(True, False, True, 5, ["expertise", "side_effects"], True, True, False, True),
    note="Outlook for Android, all on one line with commas; `5 - a+c`.")

case(P + "trap_vague_outlook_ios", outlook_mobile(P + "trap_vague_outlook_ios", [
    "1-3 yes", "4 fairly", "5 the usual ones", "6-9 yes", "", "J"]),
    A(True, True, True, U, U, True, True, True, True),
    note="TRAP. Ranges of questions answered together (1-3, 6-9 yes), but 'fairly' is no number and 'the usual ones' no option: unclear.")

case(P + "colon_list_outlook_mac", reply(P + "colon_list_outlook_mac", "outlook_mac", top=[
    "Q1: yes", "Q2: no", "Q3: yes", "Q4: 9/10", "Q5: none", "Q6: yes", "Q7: yes", "Q8: no", "Q9: yes", "", "Jack"]),
    A(True, False, True, 9, ["none"], True, True, False, True),
    note="Outlook for Mac, `Q1: yes`; '9/10'; 'none' is d) No barriers.")

case(P + "answer_lines_plain_outlook_text", outlook_text(P + "answer_lines_plain_outlook_text",
    "Answers in the text below.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n" + text_on_line(
        {1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "a, b, c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
         10: "Our pharmacy will only supply it for named patients."}) + "\n"),
    A(True, False, True, 5, ["expertise", "evidence", "side_effects"], True, False, True, True,
      comment="Our pharmacy will only supply it for named patients."),
    note="Outlook in plain-text mode: answers on the Answer: lines of the unquoted original below -----Original Message-----.")

# ---------------- Gmail ----------------
case(P + "topic_labels_gmail", gmail_top(P + "topic_labels_gmail", [
    "End of life: yes", "Early adjuvant: no", "Reducing opioids: yes", "Confidence: 7", "Barriers: evidence",
    "Protocol: yes", "Community guidance: no", "Training: yes", "Research: yes"], frm='"Jack Clarke" <jackclarke.leeds@gmail.com>'),
    A(True, False, True, 7, ["evidence"], True, False, True, True),
    note="Gmail web from his personal address; answers labelled by the questions' topics.")

_ans = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
case(P + "inline_split_gmail", gmail(P + "inline_split_gmail",
    "Answers below\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + text_inline(answers=_ans) + "\n",
    '<div dir="ltr">Answers below<div><br></div><div>Jack</div></div><br>' + gmail_quote_html(
        html_split(answers_after=_ans, open_tag=GMAIL_BQ, close_tag="</blockquote>"))),
    A(True, False, True, 6, ["evidence"], False, False, True, True),
    note="Gmail web, the quote split below each Answer:, answers unquoted in between.")

case(P + "reasons_numbers_gmail", gmail_top(P + "reasons_numbers_gmail", [
    "1. Yes – around 10 patients in 2026", "2. No, never before the opioid is optimised", "3. Yes – e.g. oxycodone 90 mg down to 40 mg a day",
    "4. 6", "5. a, b", "6. No", "7. No", "8. Yes", "9. Yes – two decent RCTs would change practice"]),
    A(True, False, True, 6, ["expertise", "evidence"], False, False, True, True),
    note="Answers followed by reasons holding numbers, doses and a negation.")

case(P + "summary_numbers_gmail_android", gmail_top(P + "summary_numbers_gmail_android", [
    "Yes to 1, 3, 8 and 9. No to 2, 6 and 7. Q4 = 4. Q5 = a"], android=True, sign=("Jack",)),
    A(True, False, True, 4, ["expertise"], False, False, True, True),
    note="Gmail for Android: a summary by question numbers, then `Q4 = 4`, `Q5 = a`.")

case(P + "misspellings_gmail_android", gmail_top(P + "misspellings_gmail_android", [
    "1 yea", "2 nope", "3 Yse", "4 7", "5 c", "6 yes", "7 no", "8 Yesss", "9 Yes"], android=True, sign=("J",)),
    A(True, False, True, 7, ["side_effects"], True, False, True, True),
    note="Gmail for Android, mobile typing: 'yea', 'nope', 'Yse', 'Yesss'.")

case(P + "correction_after_list_gmail_ios", reply(P + "correction_after_list_gmail_ios", "gmail_ios", top=[
    "1 yes", "2 yes", "3 yes", "4 8", "5 b", "6 yes", "7 no", "8 no", "9 yes", "",
    "Sorry – 2 should be no, I was thinking of question 3.", "", "Jack"]),
    A(True, False, True, 8, ["evidence"], True, False, False, True),
    note="Gmail for iOS: a sentence after the list corrects 2 from yes to no.")

case(P + "trap_draft_gmail", gmail_top(P + "trap_draft_gmail", [
    "1. Yes", "2. No", "3. Yes", "4. Hard to put a number on it", "5. b", "6. We have a draft, not yet ratified",
    "7. No", "8. Yes", "9. Yes"]),
    A(True, False, True, U, ["evidence"], U, False, True, True),
    note="TRAP. 4 gives no number; 6 'a draft, not yet ratified' does not say whether the service has a protocol: unclear.")

_first = P + "topic_labels_gmail"
_first_id = f"<CAF{hashlib.sha1(_first.encode()).hexdigest()[:24]}@mail.gmail.com>"
_earlier = ["End of life: yes", "Early adjuvant: no", "Reducing opioids: yes", "Confidence: 7", "Barriers: evidence",
            "Protocol: yes", "Community guidance: no", "Training: yes", "Research: yes", "", "Best,", "Jack"]
_wrote2 = "On Thu, 31 Dec 2026 at 12:31, Jack Clarke <jackclarke.leeds@gmail.com> wrote:"
_fu = ["Forgot the last one – 10: It would be useful to have a regional register of patients started on ketamine."]
case(P + "followup_comment_gmail", gmail(P + "followup_comment_gmail",
    "\n".join(_fu) + "\n\nJack\n\n" + _wrote2 + "\n\n" + quote("\n".join(_earlier)) + "\n",
    '<div dir="ltr">' + "".join(f"<div>{esc(l)}</div>" for l in _fu) + "<div><br></div><div>Jack</div></div><br>"
    + gmail_quote_html("".join(f"<div>{esc(l) if l else '<br>'}</div>" for l in _earlier), wrote=_wrote2),
    frm='"Jack Clarke" <jackclarke.leeds@gmail.com>', in_reply_to=_first_id, references=f"{INV_ID} {_first_id}",
    date="Thu, 31 Dec 2026 15:18:44 +0000"),
    {"comments": ok("It would be useful to have a regional register of patients started on ketamine.")},
    note="A follow-up to his own Gmail reply adding the comment (10) only; the quoted earlier answers are not counted (missing).")

# ---------------- Apple ----------------
case(P + "bare_in_order_iphone", iphone(P + "bare_in_order_iphone", ["Yes", "No", "Yes", "7", "B", "Yes", "No", "Yes", "Yes"]),
    {"end_of_life": INF(True), "early_adjuvant": INF(False), "opioid_sparing": INF(True), "confidence": INF(7),
     "barriers": INF(["evidence"]), "written_protocol": INF(True), "shared_guidance": INF(False), "training": INF(True), "research": INF(True)},
    note="iPhone: nine bare answers in order without numbers: read by position, to be confirmed (inferred).")

case(P + "letters_iphone", iphone(P + "letters_iphone", ["1 Y", "2 Y", "3 N", "4 8", "5 D", "6 Y", "7 Y", "8 N", "9 Y"]),
    A(True, True, False, 8, ["none"], True, True, False, True),
    note="iPhone: one-letter Y/N answers; 'D' is no barriers.")

case(P + "comment_dash_iphone", iphone(P + "comment_dash_iphone", [
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. A & B", "6. No", "7. No", "8. Yes", "9. Yes",
    "10 – happy to help with the regional guidance work", "", "Jack"]),
    A(True, False, True, 6, ["expertise", "evidence"], False, False, True, True, comment="happy to help with the regional guidance work"),
    note="iPhone list with a comment as `10 – ...`; `A & B`.")

case(P + "trap_either_iphone", iphone(P + "trap_either_iphone", [
    "1 yes", "2 yes", "3 yes", "4 7, maybe 8", "5 a or b, can't decide", "6 no", "7 no", "8 yes", "9 yes"]),
    A(True, True, True, U, U, False, False, True, True),
    note="TRAP. '7, maybe 8' and 'a or b, can't decide': unclear.")

_ans2 = {1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
case(P + "inline_split_iphone", apple(P + "inline_split_iphone",
    "See answers in your email\n\nSent from my iPhone\n\n> " + WROTE_APPLE + "\n>\n" + text_inline(answers=_ans2) + "\n",
    '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto"><div dir="ltr">See answers in your email</div>'
    '<div dir="ltr"><br id="lineBreakAtBeginningOfSignature"><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">'
    + esc(WROTE_APPLE) + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">'
    + html_split(answers_after=_ans2, open_tag='<blockquote type="cite"><div dir="ltr">', close_tag="</div></blockquote>")
    + "</div></blockquote></div></body></html>"),
    A(True, False, False, 3, ["expertise"], False, False, True, True),
    note="iPhone Mail with the quote split below each Answer:, answers unquoted in between.")

_flowed = ("Hi Asha,\n\n1. Yes\n2. No\n3. Yes\n4. 5 - I prescribe it, but only ever after talking it through with the pain team and our pharmacist first\n"
           "5. b, c\n6. Yes\n7. No\n8. Yes\n9. Yes\n"
           "10. The biggest problem for us is getting it continued in the community once patients go home; \x01district nurses are understandably nervous of it.\n\n"
           "Best wishes\nJack\n\n> " + WROTE_APPLE + "\n>\n" + quote(INV_TEXT) + "\n")
case(P + "flowed_delsp_apple_mail", apple_mac_plain(P + "flowed_delsp_apple_mail", _flowed),
    A(True, False, True, 5, ["evidence", "side_effects"], True, False, True, True,
      comment="The biggest problem for us is getting it continued in the community once patients go home; district nurses are understandably nervous of it."),
    note="Apple Mail plain text, format=flowed DelSp=yes: a long reason after 4 and a comment soft-broken over lines.")

case(P + "slashes_one_line_apple_mail", apple_mac(P + "slashes_one_line_apple_mail", [
    "1 yes / 2 no / 3 yes / 4 6 / 5 b,c / 6 yes / 7 no / 8 yes / 9 yes", "", "Jack"]),
    A(True, False, True, 6, ["evidence", "side_effects"], True, False, True, True),
    note="Apple Mail rich text: all on one line separated by slashes.")

# ---------------- others ----------------
_tb = WROTE_TB + "\n" + text_inline(answers={
    1: "Yes", 2: "Yes, though only in a handful of patients with severe neuropathic pain from the outset", 3: "Yes", 4: "7",
    5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"})
case(P + "inline_flowed_thunderbird", thunderbird_flowed(P + "inline_flowed_thunderbird", _tb + "\n\n-- \nJack Clarke\n0113 496 0712 / 07700 900418\n"),
    A(True, True, True, 7, ["evidence"], True, True, False, True),
    note="Thunderbird format=flowed: answers below each quoted Answer:, a long reason soft-broken; a `-- ` signature with phone numbers.")

case(P + "colon_sig_thunderbird", thunderbird_flowed(P + "colon_sig_thunderbird",
    "Q1: Yes\nQ2: No\nQ3: Yes\nQ4: 4 out of 10\nQ5: Lack of expertise\nQ6: No\nQ7: No\nQ8: Yes\nQ9: Yes\n\nJack\n\n"
    + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
    A(True, False, True, 4, ["expertise"], False, False, True, True),
    note="Thunderbird top-posted `Q1: Yes`; '4 out of 10'; the barrier in words.")

case(P + "one_line_spaces_samsung", reply(P + "one_line_spaces_samsung", "samsung", top=[
    "1 yes 2 no 3 yes 4 5 5 b 6 no 7 no 8 yes 9 yes"]),
    A(True, False, True, 5, ["evidence"], False, False, True, True),
    note="Samsung Email: everything on one line with spaces only (`4 5 5 b`: 4 is 5, 5 is b).")

case(P + "no_space_yahoo", yahoo(P + "no_space_yahoo", [
    "Dear Dr Rahman, my answers:", "1.Yes", "2.No", "3.Yes", "4.3", "5.A,B,C", "6.No", "7.No", "8.Yes", "9.Yes", "", "Jack Clarke"]),
    A(True, False, True, 3, ["expertise", "evidence", "side_effects"], False, False, True, True),
    note="Yahoo Mail, `1.Yes` without a space, so `4.3` is question 4, answer 3.")

case(P + "inline_mutt", reply(P + "inline_mutt", "mutt", answers={
    1: "yes", 2: "no", 3: "yes", 4: "8", 5: "e) the cost of the oral solution", 6: "yes", 7: "no", 8: "no", 9: "yes"}),
    A(True, False, True, 8, ok(["other"], other="the cost of the oral solution"), True, False, False, True),
    note="Mutt: answers below each quoted Answer:; 5 is e) Other with its text.")
