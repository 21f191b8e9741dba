"""The cases of heldback21x (see tests/fixtures/heldback21x/README.md): a
representative sample of the lead's inbox, 30 Nov - 28 Dec 2026, from the
region's palliative care doctors, each in the place of Jack Clarke (the
token holder). Two small helpers of this set's own: E() (expected answers
in question order) and redate() (an explicit Date header)."""
import datetime, email.utils, re
from lib import *
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403

Y, N = True, False
P = "heldback21x_"


def E(*vals):
    """Expected answers in question order (1-10); None = not answered."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    return out


def redate(raw, y, mo, d, hh, mm, ss=0):
    """The message with an explicit Date header (UTC)."""
    dt = datetime.datetime(y, mo, d, hh, mm, ss, tzinfo=datetime.timezone.utc)
    new = ("Date: " + email.utils.format_datetime(dt)).encode()
    return re.sub(rb"(?m)^Date: [^\r\n]*", lambda m: new, raw, count=1)


def add(name, raw, answers, note):
    case(P + name, raw, answers, note=note)


EB, SE, EX, NONE = "evidence", "side_effects", "expertise", "none"

# ======================= Outlook 365 for Windows (10) =======================

n = P + "morning_list_win"
add("morning_list_win", outlook_win(n, top=[
    "Morning Asha,", "",
    "1. Yes",
    "2. No \u2013 only ever brought in once the opioids are maxed out",
    "3. Yes", "4. 7", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. A regional ketamine conversion chart would save us all a lot of phone calls.", "",
    "Best wishes", "Jack", "",
    "Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice | Ext 4471 | Bleep 212"]),
    E(Y, N, Y, 7, [EB, SE], Y, N, Y, Y, "A regional ketamine conversion chart would save us all a lot of phone calls."),
    "Outlook for Windows, the everyday numbered list on top with a reason after 2's no (en dash), a comment at 10, a signature with extension and bleep.")

n = P + "on_lines_maroon_win"
add("on_lines_maroon_win", outlook_win(n, top=["Hi Asha \u2013 I've filled in the lines below.", "", "Jack"], on_line={
    1: "Yes", 2: "Yes", 3: "No", 4: "6", 5: "a and c", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
    10: "We refer the complex ones on to the hospital team, so my hands-on experience is limited."}, color="#7B2C2C"),
    E(Y, Y, N, 6, [EX, SE], N, N, Y, Y, "We refer the complex ones on to the hospital team, so my hands-on experience is limited."),
    "Outlook for Windows, answers typed in maroon on each Answer: line of the unquoted original, the comment on 10's line.")

n = P + "x_grid_table_win"
tbl_html, tbl_text = word_table([
    ["", "Yes", "No"],
    ["1. End-of-life pain", "X", ""],
    ["2. Early adjuvant", "", "X"],
    ["3. Lower opioid dose", "X", ""],
    ["6. Written protocol", "X", ""],
    ["7. Community guidance", "X", ""],
    ["8. More training", "", "X"],
    ["9. More research", "X", ""]], widths=[220, 60, 60])
intro = ["Dear Asha,", "", "Quicker for me as a grid \u2013 the yes/no ones first, the rest underneath.", ""]
after = ["", "4. 8", "5. Side effects only", "", "Jack Clarke", "Consultant, North Hospice"]
add("x_grid_table_win", outlook_win(n, top_html=word_paras(intro) + tbl_html + word_paras(after),
                                    top_text="\n".join(intro) + "\n" + tbl_text + "\n" + "\n".join(after)),
    E(Y, N, Y, 8, [SE], Y, Y, N, Y),
    "Outlook for Windows, a Word table of the yes/no questions with an X in a Yes or a No column (empty cells tab-separated in the text part), then 4 and 5 as a list; 'Side effects only' is c); no comment.")

n = P + "bracket_reasons_win"
add("bracket_reasons_win", outlook_win(n, top=[
    "Dear Dr Rahman,", "",
    "1) Yes (CSCI, roughly five patients a year)",
    "2) No",
    "3) Yes (mainly for opioid-induced hyperalgesia)",
    "4) 6", "5) a) and b)", "6) Yes",
    "7) Yes (shared with the district nurses since 2024)",
    "8) Yes", "9) Yes", "",
    "Regards,", "Jack Clarke", "Specialty Doctor, Palliative Care", "Mobile 07700 900412"]),
    E(Y, N, Y, 6, [EX, EB], Y, Y, Y, Y),
    "Outlook for Windows, `1)` list with reasons in brackets after some answers, barriers as 'a) and b)', no comment.")

n = P + "community_all_no_win"
add("community_all_no_win", outlook_win(n, top=[
    "Hi,", "", "My answers:",
    "1: No", "2: No", "3: No", "4: 3", "5: a", "6: No", "7: No",
    "8: Yes, would jump at it", "9: Yes",
    "10: I've never started it myself in the community \u2013 we'd admit to the hospice first.", "",
    "Jack", "Community Palliative Care Specialty Doctor"]),
    E(N, N, N, 3, [EX], N, N, Y, Y, "I've never started it myself in the community \u2013 we'd admit to the hospice first."),
    "Outlook for Windows, a community doctor who has not used it: `1:` list, all noes for use, 'Yes, would jump at it' is yes, comment at 10.")

n = P + "ticks_options_win"
add("ticks_options_win", outlook_win(n, top=["Answers typed in below, with ticks against the barriers.", "", "J"], on_line={
    1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 6: "Yes", 7: "No", 8: "No", 9: "Yes",
    10: "Our pharmacist reviews every ketamine prescription, which helps a lot."},
    after_option={(5, "b"): "\u2713", (5, "c"): "\u2713"}, color="#1F6F3F"),
    E(Y, Y, Y, 9, [EB, SE], Y, N, N, Y, "Our pharmacist reviews every ketamine prescription, which helps a lot."),
    "Outlook for Windows, answers on the Answer: lines of the original, barriers marked with a tick after options b) and c) (5's Answer: line left empty), comment on 10's line.")

n = P + "trap_comment_contradicts_win"
add("trap_comment_contradicts_win", outlook_win(n, top=[
    "Hi Asha,", "",
    "1. Yes", "2. No", "3. Yes", "4. 7 \u2013 though some days it feels more like 4", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Funnily enough, my best result was a man with a Pancoast tumour whom I put on ketamine the same week he started oxycodone \u2013 more data on that kind of use would help.", "",
    "Jack"]),
    E(Y, UNCLEAR, Y, UNCLEAR, [EB], Y, N, Y, Y,
      "Funnily enough, my best result was a man with a Pancoast tumour whom I put on ketamine the same week he started oxycodone \u2013 more data on that kind of use would help."),
    "TRAP. Outlook for Windows list: 2 'No' but his own comment describes starting ketamine the same week as the first opioid (early adjuvant use) - contradicted, unclear; confidence '7 - though some days it feels more like 4' (which?) unclear.")

n = P + "secretary_sends_win"
add("secretary_sends_win", outlook_win(n, top=[
    "Dear Dr Rahman,", "",
    "Please find below Dr Clarke's responses, taken down from his dictation this morning:", "",
    "1. Yes", "2. Yes", "3. No", "4. 7", "5. b and c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. He would be glad to help draft the community guidance.", "",
    "Kind regards,", "Maureen Doyle", "Medical Secretary to Dr J Clarke", "North Hospice"]),
    E(Y, Y, N, 7, [EB, SE], Y, N, Y, Y, "He would be glad to help draft the community guidance."),
    "Outlook for Windows, his secretary sending his dictated answers from his account (his answers): numbered list, comment in the third person at 10.")

n = P + "evening_sentences_win"
add("evening_sentences_win", redate(outlook_win(n, top=[
    "Asha,", "", "Sorry this is late \u2013 finally at a desk.", "",
    "1. Yes. In the last days of life, usually as a subcutaneous infusion when the pain hasn't settled on high-dose opioids.",
    "2. No. Gabapentinoids and steroids come first in my hands.",
    "3. Yes. Twice this year, both with opioid toxicity.",
    "4. 8 (scratch that \u2013 7; I still check every dose with pharmacy).",
    "5. b and c. The trial data don't help and the dissociative effects can frighten families.",
    "6. Yes. Ours was updated in the spring.",
    "7. No. The community teams refer to the acute trust's document.",
    "8. Yes. Particularly on oral dosing.",
    "9. Yes. A pragmatic multi-centre study would be worth more than another case series.",
    "10. Thanks for organising this. It would be good to see how other units handle the switch from infusion to oral.", "",
    "Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine"]), 2026, 12, 17, 21, 18, 40),
    E(Y, N, Y, 7, [EB, SE], Y, N, Y, Y, "Thanks for organising this. It would be good to see how other units handle the switch from infusion to oral."),
    "Outlook for Windows, a long evening reply (Thu 17 Dec 21:18): each answer followed by a sentence; '8 (scratch that - 7; ...)' corrects itself to 7; 'No. The community teams refer to the acute trust's document.' is his service's no.")

n = P + "disclaimer_footer_win"
add("disclaimer_footer_win", outlook_win(n, top=[
    "1.  Yes", "2.  Yes", "3.  Yes", "4.  9", "5.  d", "6.  Yes", "7.  Yes", "8.  No", "9.  Yes", "",
    "Jack Clarke | Medical Director | North Hospice", "",
    "This email and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it."]),
    E(Y, Y, Y, 9, [NONE], Y, Y, N, Y),
    "Outlook for Windows, a bare numbered list with two spaces after each number, `d` (No barriers), a one-line signature and a confidentiality footer (not a comment).")

# ======================= Outlook on the web / NHSmail (6) =======================

n = P + "nhsmail_lower_owa"
add("nhsmail_lower_owa", owa(n, [
    "Hello Asha,", "",
    "Sending from my nhs.net account as I'm on the hospital site today.", "",
    "1. yes", "2. yes - low dose alongside oxycodone", "3. no", "4. 5", "5. a, b",
    "6. no - on the to-do list", "7. no", "8. yes", "9. yes", "", "Jack"],
    html_only=True, frm='"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke5@nhs.net>'),
    E(Y, Y, N, 5, [EX, EB], N, N, Y, Y),
    "Outlook on the web from his NHSmail address (HTML only), read as his own: lower-case list with short reasons after hyphens; 'no - on the to-do list' is no.")

oa = {1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "c", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
      10: "Ketamine mouthwash has been useful for mucositis as well."}
n = P + "on_lines_owa"
add("on_lines_owa", owa(n, ["Hi Asha, I've typed my answers next to each question below.", "", "Jack"],
                        original=inv_html(on_line=oa, color="#0B5394"), original_text=inv_text(on_line=oa, prefix="")),
    E(Y, N, Y, 7, [SE], Y, Y, Y, Y, "Ketamine mouthwash has been useful for mucositis as well."),
    "Outlook on the web, answers in blue on each Answer: line of the original below the From/Sent block, comment on 10's line.")

n = P + "pair_too_soon_owa"
add("pair_too_soon_owa", redate(owa(n, ["1. Yes", "2. No", "3. Yes"]), 2026, 12, 14, 12, 41, 7),
    E(Y, N, Y),
    "Outlook on the web, the first of a pair (Mon 14 Dec 12:41): sent too soon with only 1-3 and no sign-off; 4-9 missing here.")

n = P + "pair_full_owa"
add("pair_full_owa", redate(owa(n, [
    "Apologies \u2013 that went before I'd finished. All of them this time:", "",
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. No", "7. No", "8. Yes", "9. Yes",
    "10. We tend to reach for methadone before ketamine.", "", "Jack"]), 2026, 12, 14, 12, 58, 31),
    E(Y, N, Y, 6, [EB], N, N, Y, Y, "We tend to reach for methadone before ketamine."),
    "Outlook on the web, the second of the pair (17 minutes later): the full list after an apology line; counts all it says.")

n = P + "trap_registrar_case_owa"
add("trap_registrar_case_owa", owa(n, [
    "Hi Asha,", "",
    "1. I was the registrar on a case where we used it, but I'm unsure whether I wrote the prescription",
    "2. No", "3. No", "4. 4", "5. a", "6. Yes",
    "7. Written, but still waiting for the ICB to sign it off",
    "8. Yes", "9. Yes", "", "Jack"]),
    E(UNCLEAR, N, N, 4, [EX], Y, UNCLEAR, Y, Y),
    "TRAP. Outlook on the web list: 1 a case he was registrar on, unsure whether he prescribed it himself - unclear; 7 guidance written but not signed off - developed or not? unclear.")

n = P + "one_line_owa"
add("one_line_owa", owa(n, ["1. Yes.  2. Yes.  3. No.  4. 6.  5. B.  6. Yes.  7. Yes.  8. No.  9. Yes.", "", "Jack \u2013 quick one between admissions"]),
    E(Y, Y, N, 6, [EB], Y, Y, N, Y),
    "Outlook on the web, all nine numbered on one line as short sentences with full stops and two spaces between (`4. 6.` is 6), a capital B.")

# ======================= Outlook for iOS / Android, Mac, plain text (5) =======================

n = P + "car_park_outlook_ios"
add("car_park_outlook_ios", outlook_mobile(n, ["1 yes", "2 no", "3 yes", "4 6", "5 b c", "6 yes", "7 no", "8 yes", "9 yes", "J"], "iOS"),
    E(Y, N, Y, 6, [EB, SE], Y, N, Y, Y),
    "Outlook for iOS (base64), a terse lower-case list without punctuation, `4 6` is 4's 6, `5 b c` is b) and c), signed with an initial.")

n = P + "trap_going_on_outlook_ios"
add("trap_going_on_outlook_ios", outlook_mobile(n, [
    "Hi Asha", "1. Yes", "2. Yes", "3. Yes", "4. 6 going on 7", "5. c", "6. Yes", "7. No",
    "8. Only if it came with protected time", "9. Yes", "Jack"], "iOS"),
    E(Y, Y, Y, UNCLEAR, [SE], Y, N, UNCLEAR, Y),
    "TRAP. Outlook for iOS list: confidence '6 going on 7' (between two numbers) - unclear; training 'Only if it came with protected time' (conditional) - unclear.")

n = P + "hyphen_outlook_android"
add("hyphen_outlook_android", outlook_mobile(n, [
    "Hi Asha,", "1 - Yes", "2 - No", "3 - No", "4 - 5", "5 - A", "6 - Yes", "7 - Yes", "8 - Yes", "9 - Yes",
    "10 - Would be keen to hear the results at the spring network meeting.", "Jack"], "Android"),
    E(Y, N, N, 5, [EX], Y, Y, Y, Y, "Would be keen to hear the results at the spring network meeting."),
    "Outlook for Android (base64), `1 - Yes` list, capital A, comment at 10.")

mac = {1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "b", 6: "Yes", 7: "No", 8: "No", 9: "Yes"}
n = P + "on_lines_outlook_mac"
add("on_lines_outlook_mac", reply(n, "outlook_mac", top=["Asha \u2013 answers on the lines below.", "", "Jack"], on_line=mac, color="#C00000"),
    E(Y, N, Y, 8, [EB], Y, N, N, Y),
    "Outlook for Mac, answers in red on each Answer: line of the original (Word HTML), no comment.")

n = P + "plain_text_outlook"
add("plain_text_outlook", outlook_text(n, "\n".join([
    "Asha,", "",
    "Q.1 Yes", "Q.2 Yes", "Q.3 Yes", "Q.4 7",
    "Q.5 b and e - the cost since our supplier changed",
    "Q.6 Yes", "Q.7 No", "Q.8 Yes", "Q.9 Yes",
    "Q.10 Good luck with the write-up.", "",
    "Jack Clarke", "Associate Specialist, Palliative Medicine", "", ""]) + "\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    E(Y, Y, Y, 7, ok([EB, "other"], other="the cost since our supplier changed"), Y, N, Y, Y, "Good luck with the write-up."),
    "Outlook plain text (-----Original Message-----), `Q.1 Yes` list; 5 'b and e - ...' is b) and e) Other with the text after the hyphen; comment at Q.10.")

# ======================= Gmail (8) =======================

n = P + "best_wishes_gmail"
add("best_wishes_gmail", gmail_top(n, [
    "Dear Asha,", "",
    "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. None for me", "6. Yes", "7. Yes",
    "8. No \u2013 our lead consultant ran an in-house session on it in October", "9. Yes",
    "10. Happy to share our community guideline if it's useful."], sign=("Best wishes,", "Jack")),
    E(Y, Y, Y, 8, [NONE], Y, Y, N, Y, "Happy to share our community guideline if it's useful."),
    "Gmail web, numbered list; 'None for me' is d) No barriers; 8 'No - our lead consultant ran an in-house session ...' is no; comment at 10.")

n = P + "trap_unless_gmail"
add("trap_unless_gmail", gmail_top(n, [
    "Hi Asha,", "",
    "1. Yes", "2. No", "3. Yes", "4. 7",
    "5. d, unless you count b",
    "6. Yes", "7. No", "8. Yes",
    "9. Torn \u2013 the RCT evidence has been so underwhelming",
    "10. A shared regional audit of outcomes would do more good than new guidance."], sign=("Cheers,", "Jack")),
    E(Y, N, Y, 7, UNCLEAR, Y, N, Y, UNCLEAR, "A shared regional audit of outcomes would do more good than new guidance."),
    "TRAP. Gmail web list: barriers 'd, unless you count b' (the exclusive No barriers with a conditional b) - unclear; research 'Torn - ...' - unclear.")

gw = {1: "Yes", 2: "No", 3: "No", 4: "5", 5: "a, c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
n = P + "inline_gmail_web"
add("inline_gmail_web", reply(n, "gmail_web", top=["Hi Asha, my answers are under each question.", "", "Jack"], answers=gw),
    E(Y, N, N, 5, [EX, SE], Y, N, Y, Y),
    "Gmail web, answers typed unquoted below each quoted Answer: (the quote split), no comment.")

n = P + "yes_to_gmail"
add("yes_to_gmail", gmail_top(n, [
    "Hi Asha,", "",
    "Yes to 1, 3, 8 and 9; 2, 6 and 7 are a no. Confidence 6. Barriers: b and c. No other comments."], sign=("", "Jack")),
    E(Y, N, Y, 6, [EB, SE], N, N, Y, Y),
    "Gmail web, one sentence grouping the yes/no questions by value with their numbers (the noes as '2, 6 and 7 are a no'), then confidence and barriers by name; 'No other comments' is no comment.")

n = P + "bare_lines_gmail_android"
add("bare_lines_gmail_android", reply(n, "gmail_android", top=["Yes", "Yes", "No", "7", "b, c", "Yes", "No", "Yes", "Yes", "", "Jack"]),
    E(INF(True), INF(True), INF(False), INF(7), INF([EB, SE]), INF(True), INF(False), INF(True), INF(True)),
    "Gmail for Android, nine bare answers one per line without numbers or introduction: all inferred (to be confirmed).")

n = P + "registrar_gmail_android"
add("registrar_gmail_android", reply(n, "gmail_android", top=[
    "Hi Dr Rahman,", "",
    "1 yes", "2 no", "3 yes", "4 4", "5 a", "6 yes", "7 no", "8 yes", "9 yes",
    "10 As a registrar I've mostly seen it started by consultants, so my confidence is on the low side.", "",
    "Jack Clarke", "ST6 Palliative Medicine"]),
    E(Y, N, Y, 4, [EX], Y, N, Y, Y, "As a registrar I've mostly seen it started by consultants, so my confidence is on the low side."),
    "Gmail for Android, a registrar's lower-case list with a space only after each number (`4 4` is 4's 4), comment at 10.")

n = P + "colon_gmail_ios"
add("colon_gmail_ios", reply(n, "gmail_ios", top=["1: yes", "2: yes", "3: yes", "4: 6", "5: b", "6: yes", "7: yes", "8: yes", "9: yes", "", "Jack"]),
    E(Y, Y, Y, 6, [EB], Y, Y, Y, Y),
    "Gmail for iOS, a `1: yes` list, no greeting, no comment.")

n = P + "trap_not_me_gmail_ios"
add("trap_not_me_gmail_ios", reply(n, "gmail_ios", top=[
    "Hi Asha,", "",
    "1. My consultant has started it on my patients; I've only written up the doses she chose",
    "2. No", "3. No", "4. Still finding my feet with it", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "Jack (ST5)"]),
    E(UNCLEAR, N, N, UNCLEAR, [EX], Y, N, Y, Y),
    "TRAP. Gmail for iOS, a registrar: 1 his consultant started it on his patients and he wrote up her doses (his own use?) - unclear; confidence 'Still finding my feet with it' in words only - unclear.")

# ======================= Apple (7) =======================

n = P + "numbered_iphone"
add("numbered_iphone", iphone(n, [
    "Hi Asha", "1. Yes", "2. Yes", "3. No", "4. 7", "5. B and C", "6. Yes", "7. Yes", "8. Yes", "9. Yes",
    "10. Getting ketamine out of hours is our biggest headache", "Jack"]),
    E(Y, Y, N, 7, [EB, SE], Y, Y, Y, Y, "Getting ketamine out of hours is our biggest headache"),
    "iPhone Mail, numbered list, capital letters 'B and C', comment at 10 without a full stop, above 'Sent from my iPhone'.")

ip = {1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
      10: "We usually hand these patients over to the pain team."}
n = P + "split_quote_iphone"
add("split_quote_iphone", apple_reply(n, "iphone", top=["Answers under each one", "Jack"], answers=ip),
    E(Y, N, Y, 5, [EX], N, N, Y, Y, "We usually hand these patients over to the pain team."),
    "iPhone Mail, the quote split below each Answer: with his answer unquoted there, comment below 10's Answer:.")

n = P + "q_lines_iphone"
add("q_lines_iphone", iphone(n, ["Q1 yes", "Q2 no", "Q3 no", "Q4 3", "Q5 a to c", "Q6 yes", "Q7 yes", "Q8 yes", "Q9 yes", "", "Jack"]),
    E(Y, N, N, 3, [EX, EB, SE], Y, Y, Y, Y),
    "iPhone Mail, `Q1 yes` list; barriers 'a to c' are a), b) and c).")

n = P + "trap_governance_iphone"
add("trap_governance_iphone", iphone(n, [
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. a, if not b",
    "6. One's been sitting on the governance agenda since the summer", "7. No", "8. Yes", "9. Yes", "Jack"]),
    E(Y, N, Y, 6, UNCLEAR, UNCLEAR, N, Y, Y),
    "TRAP. iPhone Mail list: barriers 'a, if not b' (either/or) - unclear; protocol 'sitting on the governance agenda since the summer' (written but not approved? not yet written?) - unclear.")

n = P + "full_stops_ipad"
add("full_stops_ipad", iphone(n, [
    "Dear Asha,", "1. Yes.", "2. Yes.", "3. Yes.", "4. 8.", "5. None at all.", "6. Yes.", "7. No.", "8. No.", "9. Yes.", "Regards, Jack"],
    tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
    E(Y, Y, Y, 8, [NONE], Y, N, N, Y),
    "iPad Mail, every answer with a full stop (`4. 8.` is 8); barriers 'None at all.' is d) No barriers.")

n = P + "rich_apple_mac"
add("rich_apple_mac", apple_mac(n, [
    "Asha,", "",
    "1) Yes", "2) No", "3) Yes", "4) 7", "5) b", "6) Yes", "7) Yes", "8) Yes", "9) Yes",
    "10) Our protocol is due for review next year; happy to share it.", "",
    "Jack Clarke", "Consultant, Riverside Palliative Care Team"]),
    E(Y, N, Y, 7, [EB], Y, Y, Y, Y, "Our protocol is due for review next year; happy to share it."),
    "Apple Mail on macOS (rich), `1)` list, comment at `10)`, team signature.")

n = P + "evening_flowed_apple_mac"
long_lines = [
    "Dear Asha,", "",
    "Apologies for the essay \u2013 it's a subject close to my heart.", "",
    "1. Yes. I've used it for neuropathic pain in the last weeks of life more times than I can count, usually when we've run out of other options and the patient is still distressed despite escalating opioids.",
    "2. Yes, occasionally, for patients whose pain was clearly going to be difficult from the outset, with a low oral dose alongside the opioid.",
    "3. Yes. Bringing the opioid down is often the main reason I start it.",
    "4. 8",
    "5. b and c. The evidence is weak and I have seen a few patients get quite distressing hallucinations.",
    "6. Yes",
    "7. Yes, we wrote one jointly with the community nurse specialists two years ago.",
    "8. No",
    "9. Yes, ideally a proper randomised trial in a palliative population.",
    "10. I would strongly support a regional approach to ketamine, including a shared prescribing chart, monitoring advice and a clear route for advice out of hours.", "",
    "Warm regards,", "Jack"]
add("evening_flowed_apple_mac", redate(apple_mac_plain(n, apple_mac_text(long_lines)), 2026, 12, 8, 20, 47, 12),
    E(Y, Y, Y, 8, [EB, SE], Y, Y, N, Y,
      "I would strongly support a regional approach to ketamine, including a shared prescribing chart, monitoring advice and a clear route for advice out of hours."),
    "Apple Mail on macOS plain text (format=flowed DelSp=yes), a long evening reply (Tue 8 Dec 20:47): sentences after the answers, soft-broken; the comment read as one line.")

# ======================= Thunderbird (3) =======================

n = P + "flowed_list_thunderbird"
tb_top = [
    "Hi Asha,", "",
    "1. Yes", "2. No", "3. No", "4. 5", "5. a & c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Anecdotally it seems to help most with the neuropathic element of bone pain, but I'd love to see proper data on that.", "",
    "Regards,", "Jack", "", "-- ", "Dr Jack Clarke", "Specialty Doctor, Hilltop Hospice", ""]
add("flowed_list_thunderbird", thunderbird_flowed(n, "\n".join(tb_top) + "\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
    E(Y, N, N, 5, [EX, SE], Y, N, Y, Y,
      "Anecdotally it seems to help most with the neuropathic element of bone pain, but I'd love to see proper data on that."),
    "Thunderbird format=flowed text only, numbered list on top, `a & c`, a long comment soft-broken, `-- ` signature above the quote.")

tbi = {1: "Yes", 2: "Yes", 3: "Yes", 4: "7", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
       10: "Ketamine ought to be on the regional formulary for community use, with a named supplying pharmacy in each locality."}
n = P + "bottom_inline_thunderbird"
add("bottom_inline_thunderbird", thunderbird_flowed(n, "Hi Asha, my answers are below each question.\n\n" + WROTE_TB + "\n"
                                                    + text_inline(answers=tbi) + "\n\n-- \nJack Clarke\n"),
    E(Y, Y, Y, 7, [SE], Y, N, Y, Y,
      "Ketamine ought to be on the regional formulary for community use, with a named supplying pharmacy in each locality."),
    "Thunderbird format=flowed, answers unquoted below each quoted Answer: (interleaved), a long comment below 10's soft-broken.")

n = P + "hospital_team_tb115"
add("hospital_team_tb115", reply(n, "tb115", top=[
    "Dear Asha,", "",
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. The evidence", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "Best,", "Jack Clarke", "Hospital Palliative Care Team"]),
    E(Y, N, Y, 6, [EB], Y, N, Y, Y),
    "Thunderbird HTML (with flowed text part), numbered list; barriers named in words 'The evidence' is b).")

# ======================= Samsung, Yahoo (3) =======================

n = P + "list_samsung"
add("list_samsung", reply(n, "samsung", top=[
    "Hi Asha", "1. Yes", "2. No", "3. Yes", "4. 6", "5. a + b", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Would value a joint teaching session with the pain team.", "Jack"]),
    E(Y, N, Y, 6, [EX, EB], Y, N, Y, Y, "Would value a joint teaching session with the pain team."),
    "Samsung Email (base64, original unquoted below its header block), numbered list, `a + b`, comment at 10.")

n = P + "y_n_samsung"
add("y_n_samsung", reply(n, "samsung", top=["1 y", "2 n", "3 y", "4 7", "5 c", "6 y", "7 y", "8 n", "9 y", "jack"]),
    E(Y, N, Y, 7, [SE], Y, Y, N, Y),
    "Samsung Email, lower-case y/n after each number, no greeting.")

n = P + "locum_yahoo"
add("locum_yahoo", yahoo(n, [
    "Dear Dr Rahman,", "",
    "Answering as locum consultant at North Hospice since September:", "",
    "1. Yes", "2. Yes", "3. Yes", "4. 9", "5. d (none)", "6. Yes", "7. No", "8. No", "9. Yes", "",
    "Jack Clarke"]),
    E(Y, Y, Y, 9, [NONE], Y, N, N, Y),
    "Yahoo Mail (original indented without '>'), a locum consultant's numbered list; 'd (none)' is d) No barriers; no comment.")
