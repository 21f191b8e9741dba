"""The cases of heldback21ze (see tests/fixtures/heldback21ze/README.md):
42 replies to Jack Clarke's invitation, 1-23 Dec 2026, from consultants,
specialty doctors and registrars in hospices and hospital teams. Two small
helpers of this set's own: E() (expected answers in question order) and
when() (an explicit Date header)."""
import email.utils
from lib import *  # noqa: F401,F403
from lib import IDS, case, INV_TEXT, INV_HTML_BODY, WROTE_TB, quote, esc
import clients as C
import clients_new as N

P = "heldback21ze_"


def E(*vals):
    """Expected answers in question order: a plain value is ok, a dict is
    already a status (INF(...), UNCLEAR, ok(v, other)), None is absent."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    return out


def when(day, hh, mm, ss=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


Y, NO = True, False
SIG_CONS = ["Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice"]

# ======================= Outlook 365 for Windows (9) =======================

case(P + "team_list_win", N.outlook_win(P + "team_list_win", top=[
    "Hi Asha,", "",
    "Answers below - sorry this has taken me a while.", "",
    "1. Yes",
    "2. No",
    "3. Yes \u2013 mostly people with myoclonus on high-dose oxycodone",
    "4. 6",
    "5. a, b",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes",
    "10. Would welcome a regional audit of outcomes rather than another survey of attitudes.", "",
    "Kind regards",
    "Jack", "",
    "Dr Jack Clarke | Consultant in Palliative Medicine | Hospital Specialist Palliative Care Team",
    "Ext 4412 | Bleep 1187"]),
    E(Y, NO, Y, 6, ["expertise", "evidence"], Y, NO, Y, Y,
      "Would welcome a regional audit of outcomes rather than another survey of attitudes."),
    note="Outlook for Windows: numbered list on top, a reason after 3 (en dash), a comment at 10, signature with extension and bleep.")

case(P + "on_answer_lines_win", N.outlook_win(P + "on_answer_lines_win",
    top=["Dear Dr Rahman,", "", "I've put my answers on the Answer: lines.", "", "Best wishes", "Jack Clarke", "Specialty Doctor, Palliative Medicine"],
    on_line={1: "Yes", 2: "No", 3: "No", 4: "5", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
             10: "We are a 12-bed unit so our numbers are small."}, color="#7030A0"),
    E(Y, NO, NO, 5, ["evidence"], NO, NO, Y, Y, "We are a 12-bed unit so our numbers are small."),
    note="Outlook for Windows: answers typed in purple on each Answer: line of the unquoted original, a comment on 10's.")

case(P + "below_answer_reasons_win", N.outlook_win(P + "below_answer_reasons_win",
    top=["See below \u2013 JC"],
    below={1: "Yes, via syringe driver, a handful of times a year",
           2: "No",
           3: "Yes",
           4: "7",
           5: "c \u2013 the hallucinations put some families off",
           6: "Yes",
           7: "Yes",
           8: "No",
           9: "Yes"}, color="#0070C0"),
    E(Y, NO, Y, 7, ["side_effects"], Y, Y, NO, Y),
    note="Outlook for Windows: 'See below' on top, answers in blue paragraphs below each Answer:, reasons after 1 and 5, no comment.")

case(P + "brackets_paren_win", N.outlook_win(P + "brackets_paren_win", top=[
    "1) yes, at end of life in the syringe driver",
    "2) no",
    "3) yes",
    "4) 8",
    "5) c",
    "6) yes, last reviewed 2025",
    "7) yes",
    "8) no",
    "9) yes", "",
    "Jack", "",
    "Jack Clarke",
    "Consultant, Specialist Palliative Care",
    "Bleep 2290 / mobile via switchboard"]),
    E(Y, NO, Y, 8, ["side_effects"], Y, Y, NO, Y),
    note="Outlook for Windows: `1)` numbers in lower case, short reasons after a comma, no comment.")

WORD_LIST_HTML = "".join(
    f"<p class=MsoListParagraph style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
    f"<![if !supportLists]><span style='mso-list:Ignore'>{i}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{esc(a)}<o:p></o:p></p>\n"
    for i, a in enumerate(["Yes", "Yes", "Yes", "9", "None of them really \u2013 d", "Yes", "Yes", "No",
                           "Yes", "Happy to share our protocol with anyone who asks."], 1))
case(P + "word_autonumber_win", N.outlook_win(P + "word_autonumber_win",
    top_html='<p class="MsoNormal">Asha \u2013 here you go:<o:p></o:p></p>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'.replace("\u2013", "&#8211;")
    + WORD_LIST_HTML + '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<p class="MsoNormal">Jack<o:p></o:p></p>\n',
    top_text="Asha \u2013 here you go:\n\n" + "\n".join(f"{i}.\t{a}" for i, a in enumerate(
        ["Yes", "Yes", "Yes", "9", "None of them really \u2013 d", "Yes", "Yes", "No",
         "Yes", "Happy to share our protocol with anyone who asks."], 1)) + "\n\nJack"),
    E(Y, Y, Y, 9, ["none"], Y, Y, NO, Y, "Happy to share our protocol with anyone who asks."),
    note="Outlook for Windows: Word's automatic numbered list (MsoListParagraph, text part `1.<tab>Yes`); 'None of them really \u2013 d' is d) No barriers.")

case(P + "trap_will_check_win", N.outlook_win(P + "trap_will_check_win", top=[
    "Hello,", "",
    "1. Yes",
    "2. Yes",
    "3. No",
    "4. 4",
    "5. a",
    "6. I think so but I'll check with Dr Okafor and come back to you",
    "7. No idea, sorry \u2013 I only rotated here in October",
    "8. Yes please",
    "9. Yes", "",
    "Thanks,",
    "Jack Clarke",
    "ST6 Palliative Medicine"]),
    E(Y, Y, NO, 4, ["expertise"], UNCLEAR, UNCLEAR, Y, Y),
    note="TRAP. Outlook for Windows, a registrar: 6 'I think so but I'll check ... and come back to you' and 7 'No idea' are not answers a careful human would record; 'Yes please' at 8 is yes.")

case(P + "q_yn_win", N.outlook_win(P + "q_yn_win", top=[
    "Q1 Y", "Q2 N", "Q3 Y", "Q4 7", "Q5 B+C", "Q6 Y", "Q7 N", "Q8 N", "Q9 Y", "",
    "JC (on call, typing fast)"]),
    E(Y, NO, Y, 7, ["evidence", "side_effects"], Y, NO, NO, Y),
    note="Outlook for Windows: `Q1 Y` / `Q2 N` one per line, barriers `B+C`; the aside after his initials is not a comment.")

case(P + "after_question_win", N.outlook_win(P + "after_question_win",
    top=["Answers in red after each question.", "", "Jack"],
    after_question={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a + b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                    10: "A shared regional protocol would help the smaller units most."}, color="#C00000"),
    E(Y, NO, Y, 6, ["expertise", "evidence"], NO, NO, Y, Y, "A shared regional protocol would help the smaller units most."),
    note="Outlook for Windows: answers typed in red after each question's own text (not on the Answer: lines), a comment after question 10.")

case(P + "numbers_only_space_win", N.outlook_win(P + "numbers_only_space_win", top=[
    "1 yes", "2 yes", "3 yes", "4 8", "5 d", "6 yes", "7 yes", "8 no", "9 no", "",
    "Jack Clarke",
    "Consultant in Palliative Medicine, Riverside Hospice"]),
    E(Y, Y, Y, 8, ["none"], Y, Y, NO, NO),
    note="Outlook for Windows: numbers and answers separated by a single space, no punctuation; `4 8` is 8, `5 d` No barriers.")

# ======================= Outlook on the web / NHSmail (6) =======================

case(P + "dash_comment_owa", C.owa(P + "dash_comment_owa", [
    "Hi Asha", "",
    "1 \u2013 No",
    "2 \u2013 No",
    "3 \u2013 Yes",
    "4 \u2013 3",
    "5 \u2013 a and c",
    "6 \u2013 No",
    "7 \u2013 No",
    "8 \u2013 Yes",
    "9 \u2013 Yes",
    "10 \u2013 Our pharmacy has to order it in specially, which can delay starting it by a couple of days.", "",
    "Jack", "Specialty Doctor, Hospital Palliative Care Team"]),
    E(NO, NO, Y, 3, ["expertise", "side_effects"], NO, NO, Y, Y,
      "Our pharmacy has to order it in specially, which can delay starting it by a couple of days."),
    note="Outlook on the web: `1 \u2013 No` with en dashes, barriers 'a and c', a comment at 10.")

OWA_ON = {1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "b", 6: "Yes", 7: "No", 8: "No", 9: "Yes"}
case(P + "on_lines_green_owa", C.owa(P + "on_lines_green_owa",
    ["Answers inline (green).", "", "J Clarke"],
    original=N.inv_html(on_line=OWA_ON, color="#00B050"),
    original_text=N.inv_text(on_line=OWA_ON, prefix="")),
    E(Y, Y, Y, 8, ["evidence"], Y, NO, NO, Y),
    note="Outlook on the web: answers in green on each Answer: line of the original below the divRplyFwdMsg header, 10 empty.")

case(P + "nhsmail_html_only_owa", C.owa(P + "nhsmail_html_only_owa", [
    "Replying from my nhs.net account as I can't get into the hospice email from here.", "",
    "1. Y",
    "2. N",
    "3. Y",
    "4. 5",
    "5. b, c",
    "6. Y",
    "7. Y",
    "8. Y",
    "9. Y", "",
    "Jack Clarke",
    "Consultant in Palliative Medicine"],
    html_only=True, frm='"CLARKE, Jack (NORTHERN PALLIATIVE CARE ALLIANCE)" <jack.clarke3@nhs.net>'),
    E(Y, NO, Y, 5, ["evidence", "side_effects"], Y, Y, Y, Y),
    note="Outlook on the web from an NHSmail address (HTML only, NHSmail display name), read as his own; Y/N letters; the line about his account is not a comment.")

case(P + "lead_checked_owa", C.owa(P + "lead_checked_owa", [
    "Dear Dr Rahman,", "",
    "1. Yes (twice, both on the oncology ward)",
    "2. No",
    "3. No",
    "4. 3",
    "5. a",
    "6. Yes (checked with Dr Patel, our clinical lead)",
    "7. No (same)",
    "8. Yes \u2013 very much so",
    "9. Yes", "",
    "Kind regards,",
    "Jack Clarke",
    "StR Palliative Medicine (ST5)"]),
    E(Y, NO, NO, 3, ["expertise"], Y, NO, Y, Y),
    note="Outlook on the web, a registrar: reasons in brackets; 6 and 7 checked with his clinical lead, recorded as his answers; 'Yes \u2013 very much so' is yes.")

case(P + "barriers_words_owa", C.owa(P + "barriers_words_owa", [
    "1. Yes",
    "2. Occasionally, yes",
    "3. Yes",
    "4. 7",
    "5. Evidence mainly, and the side effects (dysphoria)",
    "6. Yes",
    "7. Yes",
    "8. No",
    "9. Yes",
    "10. The community teams are keen but nervous; joint teaching would go a long way.", "",
    "Best", "Jack"]),
    E(Y, Y, Y, 7, ["evidence", "side_effects"], Y, Y, NO, Y,
      "The community teams are keen but nervous; joint teaching would go a long way."),
    note="Outlook on the web: barriers named in words ('Evidence mainly, and the side effects') are b) and c); 'Occasionally, yes' is yes.")

case(P + "trap_range_owa", C.owa(P + "trap_range_owa", [
    "Hi,", "",
    "1. Yes",
    "2. No",
    "3. Yes",
    "4. 5 or 6",
    "5. b",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes and no \u2013 there's plenty already, it just isn't very good", "",
    "Jack"]),
    E(Y, NO, Y, UNCLEAR, ["evidence"], Y, NO, Y, UNCLEAR),
    note="TRAP. Outlook on the web: confidence '5 or 6' and 'Yes and no' at 9 are for the doctor to settle.")

# ======================= Outlook for iOS / Android (3) =======================

case(P + "between_patients_ios_outlook", C.outlook_mobile(P + "between_patients_ios_outlook", [
    "1 y", "2 y", "3 n", "4 7", "5 c", "6 y", "7 n", "8 y", "9 y", "",
    "Jack (between patients, excuse brevity)"], platform="iOS"),
    E(Y, Y, NO, 7, ["side_effects"], Y, NO, Y, Y),
    note="Outlook for iOS (base64): `1 y` one per line between patients; the excuse is not a comment.")

case(P + "other_barrier_ios_outlook", C.outlook_mobile(P + "other_barrier_ios_outlook", [
    "On the ward so quick answers:",
    "1. Yes",
    "2. No",
    "3. Yes",
    "4. 6",
    "5. b, e (no anaesthetic back-up out of hours)",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes",
    "Jack"], platform="iOS"),
    E(Y, NO, Y, 6, ok(["evidence", "other"], other="no anaesthetic back-up out of hours"), Y, NO, Y, Y),
    note="Outlook for iOS (base64): barriers b and e) Other with its text in brackets.")

case(P + "colon_android_outlook", C.outlook_mobile(P + "colon_android_outlook", [
    "1: yes",
    "2: yes",
    "3: yes",
    "4: 9",
    "5: d",
    "6: yes",
    "7: yes",
    "8: no",
    "9: yes",
    "10: Ketamine mouthwash has been useful for mucositis here.", "",
    "Jack Clarke, Consultant"], platform="Android"),
    E(Y, Y, Y, 9, ["none"], Y, Y, NO, Y, "Ketamine mouthwash has been useful for mucositis here."),
    note="Outlook for Android (base64): `1: yes`, d) No barriers, a comment at 10.")

# ======================= Outlook for Mac (1) =======================

case(P + "list_outlook_mac", N.reply(P + "list_outlook_mac", "outlook_mac", top=[
    "Asha,", "",
    "1. No",
    "2. No",
    "3. No",
    "4. 2",
    "5. a, b",
    "6. Yes",
    "7. Yes",
    "8. Yes",
    "9. Yes",
    "10. The consultants here prescribe it; as a specialty doctor I've only ever continued it.", "",
    "Jack"]),
    E(NO, NO, NO, 2, ["expertise", "evidence"], Y, Y, Y, Y,
      "The consultants here prescribe it; as a specialty doctor I've only ever continued it."),
    note="Outlook for Mac (Word HTML): numbered list, a specialty doctor's comment at 10.")

# ======================= Outlook plain text (2) =======================

def outlook_plain(name, lines, **kw):
    return C.outlook_text(name, "\n".join(lines) + "\n\n" + C.ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n", **kw)


case(P + "plain_list_outlook", outlook_plain(P + "plain_list_outlook", [
    "1. yes",
    "2. no",
    "3. yes",
    "4. 6",
    "5. b",
    "6. yes",
    "7. no",
    "8. yes",
    "9. yes", "",
    "Jack Clarke",
    "Consultant in Palliative Medicine",
    "Tel 01632 960 418"]),
    E(Y, NO, Y, 6, ["evidence"], Y, NO, Y, Y),
    note="Outlook plain text with -----Original Message-----: numbered list, signature with a phone number.")

case(P + "ranges_plain_outlook", outlook_plain(P + "ranges_plain_outlook", [
    "1-3: yes to all three",
    "4: 7",
    "5: c",
    "6-9: yes",
    "",
    "JC"]),
    E(Y, Y, Y, 7, ["side_effects"], Y, Y, Y, Y),
    note="Outlook plain text: answers given for runs of questions ('1-3: yes to all three', '6-9: yes'), each question of the run yes.")

# ======================= Gmail web / Android / iOS (9) =======================

case(P + "list_gmail_web", C.gmail_top(P + "list_gmail_web", [
    "Hi Asha,", "",
    "1. yes",
    "2. no",
    "3. yes",
    "4. 5",
    "5. b",
    "6. no",
    "7. no",
    "8. yes",
    "9. yes",
    "10. Oral ketamine is much harder to get hold of than the injection round here."],
    sign=("Thanks,", "Jack")),
    E(Y, NO, Y, 5, ["evidence"], NO, NO, Y, Y, "Oral ketamine is much harder to get hold of than the injection round here."),
    note="Gmail web: numbered list in lower case with a comment at 10.")

GM_IN = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
         10: "Keen to see the results."}
case(P + "below_quote_gmail_web", N.reply(P + "below_quote_gmail_web", "gmail_web",
    top=["Answered below, Jack"], answers=GM_IN),
    E(Y, NO, Y, 6, ["expertise"], Y, NO, Y, Y, "Keen to see the results."),
    note="Gmail web: answers typed below each quoted Answer: (the quote split there), a short comment below 10's.")

case(P + "bare_gmail_web", C.gmail_top(P + "bare_gmail_web", [
    "Yes", "Yes", "No", "6", "b", "No", "No", "Yes", "Yes"], sign=("Jack",)),
    E(INF(Y), INF(Y), INF(NO), INF(6), INF(["evidence"]), INF(NO), INF(NO), INF(Y), INF(Y)),
    note="Gmail web: nine bare answers one per line, no numbers and no introduction (inferred, to be confirmed).")

case(P + "trap_recommended_gmail_web", C.gmail_top(P + "trap_recommended_gmail_web", [
    "1. Well \u2013 I recommended it and the GP prescribed it, so not sure that counts",
    "2. No",
    "3. No",
    "4. 4",
    "5. a",
    "6. No",
    "7. No",
    "8. Maybe, depends what's on offer",
    "9. Yes"], sign=("Jack", "Specialty Doctor, Community Palliative Care")),
    E(UNCLEAR, NO, NO, 4, ["expertise"], NO, NO, UNCLEAR, Y),
    note="TRAP. Gmail web: 1 is what a GP prescribed on his advice with his own doubt whether it counts; 8 'Maybe, depends what's on offer'.")

case(P + "dash_gmail_android", N.reply(P + "dash_gmail_android", "gmail_android", top=[
    "1- yes",
    "2- no",
    "3- yes",
    "4- 8",
    "5- b",
    "6- yes",
    "7- yes",
    "8- no",
    "9- yes", "",
    "Jack"]),
    E(Y, NO, Y, 8, ["evidence"], Y, Y, NO, Y),
    note="Gmail for Android: `1- yes` with the dash after the number.")

case(P + "evening_long_gmail_android", N.reply(P + "evening_long_gmail_android", "gmail_android", top=[
    "Dear Asha,", "",
    "Sorry not to have got to this sooner. Some context with each answer:", "",
    "1. Yes. Probably eight or ten patients in the last year, nearly always as a subcutaneous infusion once we had run out of other options.", "",
    "2. No. I can't think of a case where I'd reach for it early; we use it as a third-line agent.", "",
    "3. Yes. Mainly for people with opioid toxicity where we needed to bring the dose down without losing control of the pain.", "",
    "4. 7. Comfortable with the infusion, less so with oral dosing and stopping it.", "",
    "5. a and b. The evidence is the main worry, and a lot of our nurses haven't looked after anyone on it.", "",
    "6. Yes. Written in 2022 and due for review.", "",
    "7. No. Something we have talked about for years.", "",
    "8. Yes. Particularly on oral conversion.", "",
    "9. Yes. Even a good regional case series would help.", "",
    "10. It would be useful if the regional group could agree a single monitoring chart so patients moving between hospice and hospital don't end up with two different sets of observations.", "",
    "Best wishes,", "Jack"], date=when(14, 21, 17)),
    E(Y, NO, Y, 7, ["expertise", "evidence"], Y, NO, Y, Y,
      "It would be useful if the regional group could agree a single monitoring chart so patients moving between hospice and hospital don't end up with two different sets of observations."),
    note="Gmail for Android, a long evening reply: each answer followed by sentences of explanation, barriers 'a and b' with a reason, a long comment.")

case(P + "trap_two_settings_gmail_android", N.reply(P + "trap_two_settings_gmail_android", "gmail_android", top=[
    "1. yes",
    "2. yes",
    "3. yes",
    "4. 7 on the hospice ward, maybe 4 if I'm covering the acute hospital",
    "5. b",
    "6. there's a draft going round but it hasn't been signed off",
    "7. no",
    "8. yes",
    "9. yes", "",
    "Jack"]),
    E(Y, Y, Y, UNCLEAR, ["evidence"], UNCLEAR, NO, Y, Y),
    note="TRAP. Gmail for Android: two confidences for two settings; 6 a draft protocol not yet signed off (the doctor should say whether that is a yes).")

case(P + "q_colon_gmail_ios", N.reply(P + "q_colon_gmail_ios", "gmail_ios", top=[
    "Q1: Yes",
    "Q2: No",
    "Q3: No",
    "Q4: 5",
    "Q5: A and C",
    "Q6: Yes",
    "Q7: No",
    "Q8: Yes",
    "Q9: Yes",
    "Q10: Would be good to include the hospital teams' pharmacists in any training.", "",
    "Jack"]),
    E(Y, NO, NO, 5, ["expertise", "side_effects"], Y, NO, Y, Y,
      "Would be good to include the hospital teams' pharmacists in any training."),
    note="Gmail for iOS: `Q1:` labels, capital letters for barriers, a comment at Q10.")

case(P + "correction_gmail_ios", N.reply(P + "correction_gmail_ios", "gmail_ios", top=[
    "1. Yes",
    "2. No",
    "3. Yes",
    "4. 6",
    "5. b",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes", "",
    "Sorry \u2013 7 should be yes actually, I forgot the leaflet we did with the district nurses last spring.", "",
    "Jack"]),
    E(Y, NO, Y, 6, ["evidence"], Y, Y, Y, Y),
    note="Gmail for iOS: a line below the list corrects 7 to yes (the correction wins); that line is not a comment.")

# ======================= Apple: iPhone / iPad / Mac (7) =======================

case(P + "list_iphone", C.iphone(P + "list_iphone", [
    "1. Yes", "2. Yes", "3. Yes", "4. 7", "5. B", "6. Yes", "7. Yes", "8. Yes", "9. Yes", "", "Jack"]),
    E(Y, Y, Y, 7, ["evidence"], Y, Y, Y, Y),
    note="iPhone Mail: a short numbered list, 'Sent from my iPhone'.")

IP_IN = {1: "No", 2: "No", 3: "Yes", 4: "4", 5: "a, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
         10: "Happy to help with any follow-up work."}
case(P + "split_quote_iphone", N.apple_reply(P + "split_quote_iphone", "iphone", top=["Answers in the text", "Jack"],
                                            answers=IP_IN),
    E(NO, NO, Y, 4, ["expertise", "side_effects"], NO, NO, Y, Y, "Happy to help with any follow-up work."),
    note="iPhone Mail: the quote split below each Answer: with the answer unquoted there, a comment below 10's.")

case(P + "first_half_iphone", C.iphone(P + "first_half_iphone", [
    "First five now, rest tonight when I'm at a proper keyboard.", "",
    "1. Yes",
    "2. No",
    "3. Yes",
    "4. 6",
    "5. b and c", "",
    "Jack"], date=when(8, 8, 12)),
    E(Y, NO, Y, 6, ["evidence", "side_effects"]),
    note="iPhone Mail, first of two halves: 1-5 in the morning (6-9 missing, answered in the other half that evening).")

case(P + "second_half_apple_mac", N.apple_mac(P + "second_half_apple_mac", [
    "And the rest:", "",
    "6. No",
    "7. No",
    "8. Yes",
    "9. Yes",
    "10. Our biggest issue is continuity when patients are discharged home on it.", "",
    "Jack"], date=when(8, 20, 41)),
    E(None, None, None, None, None, NO, NO, Y, Y, "Our biggest issue is continuity when patients are discharged home on it."),
    note="Apple Mail (macOS, rich), second of two halves: 6-10 that evening (1-5 missing, answered in the morning).")

case(P + "trap_mixed_iphone", C.iphone(P + "trap_mixed_iphone", [
    "1. Yes",
    "2. No",
    "3. Once, years ago as an SHO \u2013 does that count?",
    "4. 5",
    "5. a and d",
    "6. Yes",
    "7. Yes",
    "8. Yes",
    "9. Yes", "",
    "J"]),
    E(Y, NO, UNCLEAR, 5, UNCLEAR, Y, Y, Y, Y),
    note="TRAP. iPhone Mail: 3 asked back ('does that count?'); 5 gives a) together with d) No barriers, which excludes the others.")

case(P + "list_ipad", C.iphone(P + "list_ipad", [
    "1 - Yes", "2 - Yes", "3 - No", "4 - 8", "5 - d", "6 - Yes", "7 - No", "8 - No", "9 - Yes", "",
    "Jack Clarke", "Consultant, St Columba's Hospice"], tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
    E(Y, Y, NO, 8, ["none"], Y, NO, NO, Y),
    note="iPad Mail: `1 - Yes` with hyphens, d) No barriers.")

case(P + "flowed_plain_apple_mac", N.apple_mac_plain(P + "flowed_plain_apple_mac", N.apple_mac_text([
    "Dear Asha,", "",
    "1. Yes",
    "2. No",
    "3. Yes",
    "4. 7",
    "5. b",
    "6. Yes",
    "7. Yes",
    "8. No",
    "9. Yes",
    "10. We have used it successfully for neuropathic pain in head and neck cancer where everything else had failed, but the monitoring burden on the ward is significant and we now only start it Monday to Wednesday.", "",
    "Best wishes,",
    "Jack"])),
    E(Y, NO, Y, 7, ["evidence"], Y, Y, NO, Y,
      "We have used it successfully for neuropathic pain in head and neck cancer where everything else had failed, but the monitoring burden on the ward is significant and we now only start it Monday to Wednesday."),
    note="Apple Mail (macOS, plain text, format=flowed DelSp=yes): numbered list, a long comment soft-broken (one line).")

# ======================= Thunderbird (2), Samsung (2), Yahoo (1) =======================

case(P + "flowed_list_thunderbird", C.thunderbird_flowed(P + "flowed_list_thunderbird",
    "\n".join(["Hello,", "",
               "1. No",
               "2. No",
               "3. Yes",
               "4. 4",
               "5. a",
               "6. Yes",
               "7. No",
               "8. Yes",
               "9. Yes", "",
               "Regards,",
               "Jack Clarke",
               "Specialty Doctor"]) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
    E(NO, NO, Y, 4, ["expertise"], Y, NO, Y, Y),
    note="Thunderbird (text only, format=flowed): numbered list above the quoted invitation.")

TB_IN = {1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
         10: "Ketamine has been part of our routine practice for about ten years now."}
case(P + "inline_tb115", N.reply(P + "inline_tb115", "tb115", top=["Answers below.", "", "Jack"], answers=TB_IN),
    E(Y, Y, Y, 9, ["none"], Y, Y, NO, Y, "Ketamine has been part of our routine practice for about ten years now."),
    note="Thunderbird (HTML with flowed text): answers below each quoted Answer:, a comment below 10's.")

case(P + "list_samsung", N.reply(P + "list_samsung", "samsung", top=[
    "1.yes",
    "2.no",
    "3.yes",
    "4.6",
    "5.e - cost, and getting it up from the hospital pharmacy",
    "6.yes",
    "7.no",
    "8.yes",
    "9.yes", "",
    "Jack"]),
    E(Y, NO, Y, 6, ok(["other"], other="cost, and getting it up from the hospital pharmacy"), Y, NO, Y, Y),
    note="Samsung Email (base64): `1.yes` without a space; 5 is e) Other with its text after a hyphen.")

case(P + "trap_between_samsung", N.reply(P + "trap_between_samsung", "samsung", top=[
    "1. Yes",
    "2. Sort of \u2013 low doses alongside morphine now and then, but I wouldn't call it early",
    "3. Yes",
    "4. Between 6 and 8",
    "5. b",
    "6. Yes",
    "7. Yes",
    "8. Yes",
    "9. Yes", "",
    "Jack"]),
    E(Y, UNCLEAR, Y, UNCLEAR, ["evidence"], Y, Y, Y, Y),
    note="TRAP. Samsung Email: 2 'Sort of ... but I wouldn't call it early' and a confidence range 'Between 6 and 8'.")

case(P + "list_yahoo", C.yahoo(P + "list_yahoo", [
    "Hi Asha",
    "1 Yes",
    "2 No",
    "3 No",
    "4 3",
    "5 A",
    "6 No",
    "7 No",
    "8 Yes",
    "9 Yes",
    "10 Most of our patients are at home, so the community side matters more to us than the inpatient side.",
    "Jack"]),
    E(Y, NO, NO, 3, ["expertise"], NO, NO, Y, Y,
      "Most of our patients are at home, so the community side matters more to us than the inpatient side."),
    note="Yahoo Mail: `1 Yes` with a space, a comment at 10.")
