"""The cases of heldback21r (see tests/fixtures/heldback21r/README.md): 42
replies to Jack Clarke's invitation, each imagining a different doctor in
his place (community palliative care, hospital support teams, hospice
registrars, GPs with a special interest), dated 19-24 Dec 2026.
Two small helpers of this set's own: expected answers in question order,
and an explicit Date header for the pairs and the evening replies."""
import datetime, email.utils, re
from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403

Y, N = True, False
EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"


def A(*vals):
    """Expected answers in question order (1..10); None: not answered;
    a dict is taken as it is (INF(..), UNCLEAR, ok(.., other=..))."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    return out


def dated(raw, day, hh, mm, ss=0):
    """The message with an explicit Date (UTC, December 2026)."""
    d = datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc)
    new = ("Date: " + email.utils.format_datetime(d)).encode()
    out, n = re.subn(rb"^Date: [^\r\n]*", new, raw, count=1, flags=re.M)
    assert n == 1
    return out


GREEN, RED, BLUE = "#00B050", "#C00000", "#0070C0"

# ---------------------------------------------------------------- Outlook for Windows
case("heldback21r_mdt_agreed_team_win",
     outlook_win("heldback21r_mdt_agreed_team_win", top=[
         "Hi Asha,", "",
         "We went through this at our Thursday MDT, so these are the community team's answers (four consultants and two specialty doctors):", "",
         "1 \u2013 yes",
         "2 \u2013 no, we'd want the opioid titrated properly first",
         "3 \u2013 yes",
         "4 \u2013 7",
         "5 \u2013 b",
         "6 \u2013 yes, we work from the hospice's one",
         "7 \u2013 yes, it went out to the district nursing teams in April",
         "8 \u2013 no",
         "9 \u2013 yes", "",
         "Best wishes",
         "Jack", "",
         "Dr Jack Clarke | Consultant, Community Specialist Palliative Care Team"]),
     A(Y, N, Y, 7, [EVI], Y, Y, N, Y),
     note="Outlook for Windows: a community consultant answers for his team (agreed at an MDT), `1 \u2013 yes` list with reasons after some answers. All ok.")

case("heldback21r_pharmacist_reportback_win",
     outlook_win("heldback21r_pharmacist_reportback_win", top=[
         "1. Yes", "2. Yes", "3. No", "4. 4", "5. a and b", "",
         "6 and 7 I had to check \u2013 I forwarded your email to our lead pharmacist, who tells me we do have a written ketamine protocol (last reviewed in 2025) but nothing has gone out to the community teams yet. So 6 yes, 7 no.", "",
         "8. Yes", "9. Yes", "",
         "Regards", "Jack"]),
     A(Y, Y, N, 4, [EXP, EVI], Y, N, Y, Y),
     note="Outlook for Windows: numbered list interrupted by a paragraph reporting back what the pharmacist said, ending 'So 6 yes, 7 no.'; then 8 and 9. All ok.")

case("heldback21r_green_below_answer_win",
     outlook_win("heldback21r_green_below_answer_win", top=["Answers below in green.", "", "Jack"], color=GREEN, below={
         1: "Yes \u2013 mostly in the last few days of life", 2: "No", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "Yes",
         8: "No \u2013 I teach on it", 9: "Yes"}),
     A(Y, N, Y, 8, [SIDE], Y, Y, N, Y),
     note="Outlook for Windows: answers in green in their own paragraph below each Answer: of the unquoted original, two with a reason after a dash. All ok.")

case("heldback21r_trap_team_spread_win",
     outlook_win("heldback21r_trap_team_spread_win", top=[
         "Answering on behalf of the hospital palliative care support team:", "",
         "1. Yes", "2. No", "3. Yes",
         "4. Hard to give one number for all of us \u2013 the registrars would put themselves around 3, the two consultants 8 or so",
         "5. a", "6. Yes",
         "7. No \u2013 we're a hospital team, community work is the hospice's patch",
         "8. Yes, particularly for the juniors", "9. Yes", "",
         "Jack Clarke", "Consultant in Palliative Medicine, Hospital Support Team"]),
     A(Y, N, Y, UNCLEAR, [EXP], Y, N, Y, Y),
     note="TRAP. Outlook for Windows, answering for a hospital support team: 4 gives two numbers for two groups ('around 3' and '8 or so') and no single answer: unclear. The rest ok.")

case("heldback21r_caps_after_question_win",
     outlook_win("heldback21r_caps_after_question_win", top=["Please see my answers in red next to each question.", "", "Kind regards", "Jack"],
                 color=RED, after_question={1: "YES", 2: "NO", 3: "YES", 4: "5", 5: "A + C", 6: "NO", 7: "NO", 8: "YES", 9: "YES"}),
     A(Y, N, Y, 5, [EXP, SIDE], N, N, Y, Y),
     note="Outlook for Windows: answers in red capitals at the end of each question's text in the unquoted original; barriers 'A + C'. All ok.")

case("heldback21r_options_ticked_win",
     outlook_win("heldback21r_options_ticked_win", top=["Done on the form below \u2013 I've ticked the barriers that apply.", "", "Jack"],
                 on_line={1: "Yes", 2: "No", 3: "Yes", 4: "6", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"},
                 after_option={(5, "b"): "\u2713", (5, "c"): "\u2713"}),
     A(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y),
     note="Outlook for Windows: answers on the Answer: lines of the unquoted original; barriers given by a tick after options b) and c), question 5's Answer: line left empty. All ok.")

_table_html, _table_text = word_table([
    ["Question", "Our team"],
    ["1. End of life, with strong opioids", "Yes"],
    ["2. Early, as an adjuvant", "No"],
    ["3. To bring the opioid dose down", "Yes"],
    ["4. Confidence (0-10)", "7"],
    ["5. Barriers", "a, c"],
    ["6. Written protocol", "Yes"],
    ["7. Shared guidance for community", "Yes"],
    ["8. More training wanted", "Yes"],
    ["9. More research needed", "Yes"],
], widths=[300, 120])
_top = ["Dear Dr Rahman,", "", "Our team's answers are in the table below \u2013 the three of us filled it in together at handover.", ""]
_sign = ["", "With best wishes for Christmas,", "Jack Clarke", "Hospice Specialty Registrar (ST6)"]
case("heldback21r_word_table_team_win",
     outlook_win("heldback21r_word_table_team_win",
                 top_html=word_paras(_top) + _table_html + word_paras(_sign),
                 top_text="\n".join(_top) + "\n" + _table_text + "\n" + "\n".join(_sign)),
     A(Y, N, Y, 7, [EXP, SIDE], Y, Y, Y, Y),
     note="Outlook for Windows: a two-column Word table (the question in short words, the team's answer) above the original; the text part has tab-separated cells. All ok.")

case("heldback21r_resend_desktop_win",
     dated(outlook_win("heldback21r_resend_desktop_win", top=[
         "Not sure my phone sent this from the car this morning (no signal on the moor road), so here it is again to be safe:", "",
         "1 \u2013 Yes", "2 \u2013 No", "3 \u2013 Yes", "4 \u2013 5", "5 \u2013 B", "6 \u2013 Yes", "7 \u2013 No", "8 \u2013 Yes", "9 \u2013 Yes", "",
         "Jack"]), 23, 18, 30, 12),
     A(Y, N, Y, 5, [EVI], Y, N, Y, Y),
     note="Outlook for Windows, 23 Dec 18:30: the same answers sent again from his desktop in case the morning's iPhone reply (`resend_phone_iphone`) did not go. All ok.")

case("heldback21r_spct_doesnt_apply_win",
     outlook_win("heldback21r_spct_doesnt_apply_win", top=[
         "1. Yes",
         "2. Occasionally, yes \u2013 mostly for opioid-resistant neuropathic pain",
         "3. Yes",
         "4. 7/10",
         "5. Lack of evidence, and the side effects in frail older patients",
         "6. Yes \u2013 trust-wide",
         "7. No. We're a hospital team, so community guidance sits with the hospice",
         "8. I'd say no",
         "9. Yes", "",
         "Jack Clarke", "Hospital Specialist Palliative Care Team"]),
     A(Y, Y, Y, 7, [EVI, SIDE], Y, N, N, Y),
     note="Outlook for Windows, a hospital support team doctor: 'Occasionally, yes', `7/10`, barriers in words ('Lack of evidence, and the side effects ...' = b and c), 'I'd say no'. All ok.")

case("heldback21r_correction_to_six_win",
     outlook_win("heldback21r_correction_to_six_win", top=[
         "1. Yes", "2. No", "3. Yes", "4. 8", "5. c", "6. No", "7. No", "8. No", "9. Yes", "",
         "Correction to 6: yes \u2013 the registrar has just shown me it on the intranet, dated 2024. I had no idea.", "",
         "Thanks", "Jack"]),
     A(Y, N, Y, 8, [SIDE], Y, N, N, Y),
     note="Outlook for Windows: a numbered list answering 6 'No', then a line below it 'Correction to 6: yes ...' (his own correction wins): 6 yes. All ok.")

case("heldback21r_in_order_bare_win",
     outlook_win("heldback21r_in_order_bare_win", top=[
         "In order:", "", "Yes", "No", "Yes", "5", "B and C", "Yes", "No", "Yes", "Yes", "", "Jack"]),
     A(INF(Y), INF(N), INF(Y), INF(5), INF([EVI, SIDE]), INF(Y), INF(N), INF(Y), INF(Y)),
     note="Outlook for Windows: 'In order:' then nine bare answers one per line without question numbers: all inferred (to be confirmed).")

# ---------------------------------------------------------------- Outlook on the web / NHSmail
case("heldback21r_first_half_owa",
     dated(owa("heldback21r_first_half_owa", [
         "Quick answers to the first five before the ward round, I'll do the rest this evening:", "",
         "1) yes", "2) no", "3) no", "4) 5", "5) a", "", "Jack"]), 21, 8, 12, 40),
     A(Y, N, N, 5, [EXP]),
     note="Outlook on the web, 21 Dec 08:12: the first of two messages, answering 1-5 and promising the rest (`second_half_owa`); 6-9 missing from this message.")

case("heldback21r_second_half_owa",
     dated(owa("heldback21r_second_half_owa", [
         "And the remainder, as promised:", "",
         "6) no \u2013 our trust withdrew the old one in the summer and the new version isn't signed off",
         "7) no", "8) yes", "9) yes",
         "10) I'd really value a regional dosing table, even an informal one.", "", "Jack"]), 21, 20, 47, 5),
     A(None, None, None, None, None, N, N, Y, Y, "I'd really value a regional dosing table, even an informal one."),
     note="Outlook on the web, 21 Dec 20:47: the second message of the pair (`first_half_owa`), answering 6-10 only; 1-5 missing from this message. 6 'no' with its reason; 10 a comment.")

_on7 = {1: "Yes", 2: "Yes \u2013 for bone pain alongside morphine", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
        10: "Happy to share our protocol if that's useful."}
case("heldback21r_typed_on_lines_owa",
     owa("heldback21r_typed_on_lines_owa", ["Answers typed in below, thanks.", "", "Jack"],
         original=inv_html(on_line=_on7), original_text=text_inline(on_line=_on7, prefix="")),
     A(Y, Y, Y, 9, [NONE], Y, Y, N, Y, "Happy to share our protocol if that's useful."),
     note="Outlook on the web: answers typed on the Answer: lines of the original below the reply header (coloured in HTML); 5 'd' (No barriers); 10 a comment. All ok.")

case("heldback21r_trap_yes_and_no_owa",
     owa("heldback21r_trap_yes_and_no_owa", [
         "1. Yes and no \u2013 I've continued it at the end of life, but it was always the pain team who started it",
         "2. No", "3. No", "4. 4", "5. a (b arguably too)", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
         "Jack Clarke", "ST5 Palliative Medicine"]),
     A(UNCLEAR, N, N, 4, UNCLEAR, Y, N, Y, Y),
     note="TRAP. Outlook on the web: 1 'Yes and no' with an explanation (a human would ask whether continuing it counts): unclear; 5 'a (b arguably too)' leaves b open: unclear. The rest ok.")

case("heldback21r_question_ranges_owa",
     owa("heldback21r_question_ranges_owa", ["1-3: yes", "4: 7", "5: b", "6-9: yes", "", "J"]),
     A(Y, Y, Y, 7, [EVI], Y, Y, Y, Y),
     note="Outlook on the web: runs of questions answered together ('1-3: yes', '6-9: yes'), 4 and 5 on their own. All ok.")

case("heldback21r_colleague_pasted_owa",
     owa("heldback21r_colleague_pasted_owa", [
         "Asha,", "",
         "I passed this round the team. Priya (our other consultant) sent me hers, pasted below:", "",
         "1. yes", "2. no", "3. yes", "4. 8", "5. b", "6. yes", "7. no", "8. no", "9. yes", "",
         "Mine are the same as hers apart from 4 \u2013 I'd put myself at 5. Priya is replying to her own copy separately.", "",
         "Jack"]),
     A(Y, N, Y, 5, [EVI], Y, N, N, Y),
     note="Outlook on the web: a colleague's answers pasted in, then 'Mine are the same as hers apart from 4 \u2013 I'd put myself at 5': his answers are hers with 4 = 5 (not her 8). All ok.")

case("heldback21r_nhsmail_html_only_owa",
     owa("heldback21r_nhsmail_html_only_owa", ["1. Yes", "2. No", "3. Yes", "4. 7", "5. None", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                                                "Jack Clarke", "GP with a special interest in palliative care"],
         html_only=True, frm='"Clarke Jack" <jack.clarke7@nhs.net>'),
     A(Y, N, Y, 7, [NONE], Y, Y, N, Y),
     note="Outlook on the web (NHSmail), HTML only, from his nhs.net address (read as his own): numbered list, 5 'None' = d) No barriers. All ok.")

# ---------------------------------------------------------------- Outlook mobile, Mac, plain text
case("heldback21r_car_park_ios_outlook",
     outlook_mobile("heldback21r_car_park_ios_outlook", [
         "1. Yes", "2. No", "3. Yes", "4. 6", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
         "Typed in the car between two home visits, so excuse the brevity.", "Jack"], platform="iOS"),
     A(Y, N, Y, 6, [EXP, SIDE], Y, N, Y, Y),
     note="Outlook for iOS (base64): a plain numbered list typed between home visits. All ok.")

case("heldback21r_on_call_dashes_android_outlook",
     outlook_mobile("heldback21r_on_call_dashes_android_outlook", [
         "1 - yes", "2 - no", "3 - yes", "4 - 5", "5 - b", "6 - no (in draft)", "7 - no", "8 - yes", "9 - yes", "",
         "Jack (on call, sorry for brevity)"], platform="Android"),
     A(Y, N, Y, 5, [EVI], N, N, Y, Y),
     note="Outlook for Android (base64): `1 - yes` list; 6 'no (in draft)' is no. All ok.")

case("heldback21r_gpwsi_below_outlook_mac",
     reply("heldback21r_gpwsi_below_outlook_mac", "outlook_mac", top=["Answers in blue below.", "", "Jack"], color=BLUE, answers={
         1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
         10: "As a GP with a special interest I lean heavily on the hospice for advice on this."}),
     A(Y, N, N, 3, [EXP, EVI], N, N, Y, Y, "As a GP with a special interest I lean heavily on the hospice for advice on this."),
     note="Outlook for Mac: answers in blue in a paragraph below each Answer: of the unquoted original; 10 a comment. All ok.")

_on26 = {1: "yes", 2: "yes", 3: "yes", 4: "8", 5: "b", 6: "yes", 7: "yes", 8: "no", 9: "yes"}
case("heldback21r_plain_text_outlook",
     outlook_text("heldback21r_plain_text_outlook",
                  "See below.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=_on26, prefix="") + "\n"),
     A(Y, Y, Y, 8, [EVI], Y, Y, N, Y),
     note="Outlook plain text (`-----Original Message-----`, original unquoted): answers on the Answer: lines. All ok.")

# ---------------------------------------------------------------- Gmail
case("heldback21r_evening_essay_gmail",
     dated(gmail_top("heldback21r_evening_essay_gmail", [
         "Dear Dr Rahman,", "",
         "Apologies for the delay \u2013 the week before Christmas is never quiet and I've only now sat down with a cup of tea to do this properly.", "",
         "1. Yes. Several times over the years, usually as a subcutaneous infusion alongside the syringe driver when someone's neuropathic pain had outrun everything else.", "",
         "2. No. I have never felt justified starting it early, given how thin the evidence is.", "",
         "3. Yes, once or twice, mainly in patients who were becoming drowsy and muddled on escalating oxycodone.", "",
         "4. I'd give myself a 6. Fine with the starting doses, less so once we get into titration.", "",
         "5. b and c \u2013 the evidence mostly, and I've seen a couple of nasty dissociative reactions.", "",
         "6. Yes, the hospice has one.", "",
         "7. No.", "",
         "8. Yes, very much so.", "",
         "9. Yes.", "",
         "10. It would help if the regional guidance said something about stopping ketamine, not just starting it \u2013 we are not always good at reviewing it."],
         sign=("Happy Christmas,", "Jack Clarke", "Specialty Registrar, North Hospice")), 22, 21, 14, 33),
     A(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y,
       "It would help if the regional guidance said something about stopping ketamine, not just starting it \u2013 we are not always good at reviewing it."),
     note="Gmail web, 22 Dec 21:14: a long evening reply, each numbered answer followed by sentences of explanation ('I'd give myself a 6'); 10 a comment. All ok.")

case("heldback21r_trap_still_asking_gmail",
     reply("heldback21r_trap_still_asking_gmail", "gmail_web", top=[
         "1. yes", "2. no", "3. yes", "4. 5", "5. b",
         "6. Not sure \u2013 I've emailed our governance lead and will come back to you",
         "7. Probably not, but I'm checking that too",
         "8. yes", "9. yes", "", "Jack"]),
     A(Y, N, Y, 5, [EVI], UNCLEAR, UNCLEAR, Y, Y),
     note="TRAP. Gmail web: 6 'Not sure \u2013 I've emailed our governance lead ...' and 7 'Probably not, but I'm checking' are not answers yet: unclear. The rest ok.")

case("heldback21r_grouped_by_answer_gmail",
     reply("heldback21r_grouped_by_answer_gmail", "gmail_web", top=[
         "Yes to 1, 3, 6, 8 and 9.", "No to 2 and 7.", "Confidence 6.", "Barriers: lack of evidence and side effects.", "", "Jack"]),
     A(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y),
     note="Gmail web: answers grouped by value ('Yes to 1, 3, 6, 8 and 9.', 'No to 2 and 7.'), confidence and barriers in words. All ok.")

case("heldback21r_other_barrier_inline_gmail",
     reply("heldback21r_other_barrier_inline_gmail", "gmail_web", top=["Answers in the quoted text.", "", "Jack"], answers={
         1: "yes", 2: "no", 3: "yes", 4: "5", 5: "e - cost; our pharmacy won't stock it without a named patient",
         6: "yes", 7: "no", 8: "yes", 9: "yes"}),
     A(Y, N, Y, 5, ok([OTHER], other="cost; our pharmacy won't stock it without a named patient"), Y, N, Y, Y),
     note="Gmail web: answers unquoted below each quoted Answer: (the quote split); 5 is e) Other with its text. All ok.")

case("heldback21r_reasons_gmail",
     gmail_top("heldback21r_reasons_gmail", [
         "1. Yes \u2013 pelvic tumour pain mainly", "2. Yes, now and then", "3. No", "4. 6 out of ten", "5. A, B, C",
         "6. Yes", "7. No", "8. Yes", "9. Yes"], sign=("Thanks,", "Jack")),
     A(Y, Y, N, 6, [EXP, EVI, SIDE], Y, N, Y, Y),
     note="Gmail web: numbered list with a reason or 'now and then' after some answers; `6 out of ten`; three barriers. All ok.")

case("heldback21r_asked_registrar_gmail_android",
     reply("heldback21r_asked_registrar_gmail_android", "gmail_android", top=[
         "I'm a GPwSI so I asked our hospice registrar about the service questions. So:", "",
         "1 No \u2013 never started it myself", "2 No", "3 No", "4 2", "5 a",
         "6 Yes (hospice protocol, registrar confirmed)",
         "7 Yes \u2013 the hospice shared it with us GPs last year",
         "8 Yes", "9 Yes", "", "Jack"]),
     A(N, N, N, 2, [EXP], Y, Y, Y, Y),
     note="Gmail for Android: a GP with a special interest, the service questions checked with the hospice registrar; `1 No` list (number, space, answer). All ok.")

case("heldback21r_first_full_gmail_ios",
     dated(reply("heldback21r_first_full_gmail_ios", "gmail_ios", top=[
         "1. Yes", "2. Yes", "3. Yes", "4. 7", "5. c", "6. Yes", "7. No", "8. No", "9. Yes", "", "Jack"]), 20, 13, 2, 51),
     A(Y, Y, Y, 7, [SIDE], Y, N, N, Y),
     note="Gmail for iOS, 20 Dec 13:02: the first of two messages (`lowered_score_gmail_ios`), a full numbered list. All ok.")

case("heldback21r_lowered_score_gmail_ios",
     dated(reply("heldback21r_lowered_score_gmail_ios", "gmail_ios", top=[
         "One change to what I sent earlier: for 4 please put 5 rather than 7. Having thought about it over dinner I was flattering myself.", "",
         "Jack"]), 20, 21, 40, 8),
     A(None, None, None, 5),
     note="Gmail for iOS, 20 Dec 21:40: the second message, changing only 4 ('put 5 rather than 7'): 4 = 5; 1-3 and 5-9 missing from this message.")

# ---------------------------------------------------------------- Apple
case("heldback21r_gpwsi_shorthand_iphone",
     iphone("heldback21r_gpwsi_shorthand_iphone", ["1 Y", "2 N", "3 N", "4 3", "5 A", "6 N", "7 N", "8 Y", "9 Y", "", "Sorry \u2013 typed one-handed"]),
     A(Y, N, N, 3, [EXP], N, N, Y, Y),
     note="iPhone Mail: `1 Y` shorthand, one per line. All ok.")

case("heldback21r_trap_none_and_other_iphone",
     iphone("heldback21r_trap_none_and_other_iphone", ["1 yes", "2 yes", "3 yes", "4 7", "5 d and e \u2013 out-of-hours supply from community pharmacies",
                                                       "6 yes", "7 no", "8 no", "9 yes"]),
     A(Y, Y, Y, 7, UNCLEAR, Y, N, N, Y),
     note="TRAP. iPhone Mail: 5 'd and e \u2013 out-of-hours supply ...' names No barriers (exclusive) together with an Other barrier: contradictory, unclear. The rest ok.")

case("heldback21r_resend_phone_iphone",
     dated(iphone("heldback21r_resend_phone_iphone", ["1. Yes", "2. No", "3. Yes", "4. 5", "5. B", "6. Yes", "7. No", "8. Yes", "9. Yes"]), 23, 7, 5, 44),
     A(Y, N, Y, 5, [EVI], Y, N, Y, Y),
     note="iPhone Mail, 23 Dec 07:05: the first of two identical replies (`resend_desktop_win` sent the same again that evening). All ok.")

case("heldback21r_split_quote_iphone",
     apple_reply("heldback21r_split_quote_iphone", "iphone", top=["Answers in the text, J"], answers={
         1: "Yes", 2: "No", 3: "Yes", 4: "4", 5: "A B", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
     A(Y, N, Y, 4, [EXP, EVI], N, N, Y, Y),
     note="iPhone Mail: the quote split below each Answer: with his answer unquoted between; barriers 'A B'. All ok.")

case("heldback21r_trap_seven_ish_apple_mac",
     apple_mac("heldback21r_trap_seven_ish_apple_mac", [
         "1. Yes", "2. No", "3. Yes", "4. Seven-ish? Depends on the day", "5. b, c", "6. No", "7. No", "8. Yes", "9. Absolutely", "", "Jack"]),
     A(Y, N, Y, UNCLEAR, [EVI, SIDE], N, N, Y, Y),
     note="TRAP. Apple Mail (macOS, rich): 4 'Seven-ish? Depends on the day' is a hedged, questioning number: unclear. 9 'Absolutely' is yes. The rest ok.")

case("heldback21r_evening_plain_apple_mac",
     dated(apple_mac_plain("heldback21r_evening_plain_apple_mac", apple_mac_text([
         "Asha \u2013", "",
         "Sorry this is late; it has been that sort of week.", "",
         "1. Yes", "2. No", "3. Yes",
         "4. 6 \u2013 comfortable with it on the inpatient unit, much less so in someone's front room",
         "5. a and c", "6. Yes",
         "7. Not yet \u2013 it's on the regional group's list for next year",
         "8. Yes", "9. Yes",
         "10. Our hospice-at-home nurses would benefit from training as much as the doctors do; most of the monitoring in the community falls to them.",
         "", "Jack"])), 19, 20, 55, 17),
     A(Y, N, Y, 6, [EXP, SIDE], Y, N, Y, Y,
       "Our hospice-at-home nurses would benefit from training as much as the doctors do; most of the monitoring in the community falls to them."),
     note="Apple Mail (macOS) plain text, format=flowed DelSp=yes, 19 Dec 20:55: an evening reply; 4 '6 \u2013 ...' with a reason; 7 'Not yet \u2013 ...' is no; a long 10 soft-broken by the client. All ok.")

# ---------------------------------------------------------------- Thunderbird, Samsung, Yahoo
case("heldback21r_flowed_list_thunderbird",
     thunderbird_flowed("heldback21r_flowed_list_thunderbird",
                        "1: yes\n2: no\n3: yes\n4: 6\n5: a, b\n6: yes\n7: no\n8: yes\n9: yes\n"
                        "10: From the hospice side the biggest practical problem is that community pharmacies rarely stock the oral solution, so patients go home and then stall for days waiting for it.\n\n"
                        "Jack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT)),
     A(Y, N, Y, 6, [EXP, EVI], Y, N, Y, Y,
       "From the hospice side the biggest practical problem is that community pharmacies rarely stock the oral solution, so patients go home and then stall for days waiting for it."),
     note="Thunderbird, format=flowed: `1: yes` list on top; the long 10 is soft-broken (trailing spaces) and reads as one line. All ok.")

case("heldback21r_inline_below_thunderbird",
     thunderbird_flowed("heldback21r_inline_below_thunderbird",
                        "Answers inline.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers={
                            1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "a", 6: "No", 7: "No", 8: "Yes",
                            9: "No - I think the trials we have answer most of the question"})),
     A(Y, Y, N, 7, [EXP], N, N, Y, N),
     note="Thunderbird, format=flowed: answers unquoted below each quoted Answer:; 9 'No - ...' with a reason. All ok.")

case("heldback21r_q_prefix_thunderbird_html",
     reply("heldback21r_q_prefix_thunderbird_html", "tb115", top=[
         "Q1 yes", "Q2 no", "Q3 yes", "Q4 6", "Q5 b+c", "Q6 yes", "Q7 yes", "Q8 yes", "Q9 yes", "Q10 Thanks for doing this.", "", "Jack"]),
     A(Y, N, Y, 6, [EVI, SIDE], Y, Y, Y, Y, "Thanks for doing this."),
     note="Thunderbird (HTML and flowed text): `Q1 yes` list on top; 10 'Thanks for doing this.' is a comment. All ok.")

case("heldback21r_paren_list_samsung",
     reply("heldback21r_paren_list_samsung", "samsung", top=[
         "1) yes", "2) yes", "3) yes", "4) 8/10", "5) c", "6) yes", "7) yes", "8) no", "9) yes", "", "Jack"]),
     A(Y, Y, Y, 8, [SIDE], Y, Y, N, Y),
     note="Samsung Email (base64): `1) yes` list, `8/10`. All ok.")

case("heldback21r_one_line_words_samsung",
     reply("heldback21r_one_line_words_samsung", "samsung", top=[
         "1 yes 2 yes 3 no 4 six 5 a 6 no 7 no 8 yes 9 yes", "", "Jack, between patients"]),
     A(Y, Y, N, 6, [EXP], N, N, Y, Y),
     note="Samsung Email: all nine on one line without punctuation ('1 yes 2 yes ... 4 six ...'); 4 in words. All ok.")

case("heldback21r_trap_does_that_count_yahoo",
     yahoo("heldback21r_trap_does_that_count_yahoo", [
         "1. Not me personally, though our team has \u2013 does that count?", "2. No", "3. No", "4. 2", "5. a",
         "6. Don't know", "7. Don't know", "8. Yes please", "9. Yes", "", "Jack"]),
     A(UNCLEAR, N, N, 2, [EXP], UNCLEAR, UNCLEAR, Y, Y),
     note="TRAP. Yahoo Mail: 1 asks back whether the team's use counts ('does that count?'): unclear; 6 and 7 'Don't know': unclear. 8 'Yes please' is yes. The rest ok.")
