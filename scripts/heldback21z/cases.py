"""The cases of heldback21z (see tests/fixtures/heldback21z/README.md), with
two small helpers of this set's own: expected answers given in question
order, and an explicit Date header."""
import datetime, email.utils
from lib import *
from clients import gmail_top, iphone, owa, outlook_mobile, yahoo, thunderbird_flowed, outlook_text, ORIGINAL_MESSAGE
from clients_new import reply, apple_reply, outlook_win, apple_mac, apple_mac_plain, apple_mac_text, inv_html, inv_text

P = "heldback21z_"


def A(*vals):
    """Expected answers in question order (None: not answered; a bare
    value is ok)."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) and "status" in v else ok(v)
    return out


def at(month, day, hour, minute, second=0):
    return email.utils.format_datetime(datetime.datetime(2026, month, day, hour, minute, second, tzinfo=datetime.timezone.utc))


T, F = True, False
EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"
U = UNCLEAR

# ---------------- Outlook 365 for Windows ----------------
n = P + "clinic_list_win"
case(n, outlook_win(n, top=[
    "Hi Asha,", "", "Answers below - hope they're useful.", "",
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Good to see a regional look at this \u2013 what we each do differs more than people think.", "",
    "Kind regards", "Jack", "", "Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice | Ext 2290"]),
    A(T, F, T, 7, [EXP, SIDE], T, F, T, T, "Good to see a regional look at this \u2013 what we each do differs more than people think."),
    note="Outlook for Windows: the everyday numbered list on top, a one-line comment at 10, signature with an extension below.")

n = P + "dot_paren_win"
case(n, outlook_win(n, top=[
    "1.) Yes \u2013 mainly via the syringe driver in the final days",
    "2.) No \u2013 I only reach for it once the opioid has been properly optimised",
    "3.) Yes, twice this year for opioid toxicity",
    "4.) 6",
    "5.) b) and c)",
    "6.) Yes \u2013 reviewed last spring",
    "7.) Yes",
    "8.) Yes \u2013 especially around oral dosing",
    "9.) Yes",
    "10.) All covered above.", "",
    "Jack", "Speciality Doctor, Palliative Care, bleep 3318"]),
    A(T, F, T, 6, [EVI, SIDE], T, T, T, T),
    note="Outlook for Windows: `1.)` numbering with en-dash reasons after some answers; `b) and c)` is b and c; 'All covered above.' at 10 is no comment.")

n = P + "brown_on_lines_win"
case(n, outlook_win(n, top=["Answers typed onto the lines in brown.", "", "Jack"], color="#833C0B", on_line={
    1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "D", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
    10: "We run a ketamine review clinic on Tuesdays if any trainees want to sit in."}),
    A(T, T, T, 9, [NONE], T, T, F, T, "We run a ketamine review clinic on Tuesdays if any trainees want to sit in."),
    note="Outlook for Windows: answers in brown typed on the Answer: lines of the unquoted original; D is No barriers; comment on 10's Answer: line.")

n = P + "below_lines_reasons_win"
case(n, outlook_win(n, top=["Please see my answers under each question.", "", "Regards,", "Jack Clarke"], color="#2F5597", below={
    1: "Yes \u2013 a handful of times right at the end of life.",
    2: "No.",
    3: "Yes \u2013 usually hyperalgesia on high-dose morphine.",
    4: "5 \u2013 I still check every dose with the PCF.",
    5: "a and b",
    6: "No, nothing in writing yet.",
    7: "No.",
    8: "Yes \u2013 would help me and the registrars.",
    9: "Yes"}),
    A(T, F, T, 5, [EXP, EVI], F, F, T, T),
    note="Outlook for Windows: answers in blue paragraphs below each Answer: line, with reasons after the value; 10 left empty.")

n = P + "hash_numbers_win"
case(n, outlook_win(n, top=[
    "#1 yes", "#2 yes", "#3 no", "#4 8", "#5 c + e: cost of the oral solution", "#6 yes", "#7 no", "#8 no", "#9 yes",
    "#10 we would value a single regional dose-conversion chart", "", "Best wishes", "JC"]),
    A(T, T, F, 8, ok([SIDE, OTHER], "cost of the oral solution"), T, F, F, T, "we would value a single regional dose-conversion chart"),
    note="Outlook for Windows: numbers written with a hash (`#1 yes`), lower case, barriers `c + e: ...` (Other with its text after the colon), a comment at #10 and initials below after a closing.")

n = P + "pipes_one_line_win"
case(n, outlook_win(n, top=[
    "Quick one from me:", "",
    "1 Y | 2 Y | 3 N | 4 6 | 5 b,c | 6 Y | 7 Y | 8 N | 9 Y", "",
    "Jack Clarke", "Specialty Doctor, Palliative Care"]),
    A(T, T, F, 6, [EVI, SIDE], T, T, F, T),
    note="Outlook for Windows: all nine numbered answers on one line separated by vertical bars, Y/N and `b,c`.")

n = P + "ps_correction_win"
case(n, outlook_win(n, top=[
    "1) Yes", "2) Yes", "3) Yes", "4) 5", "5) b", "6) No", "7) No", "8) Yes", "9) Yes", "10) n/a", "",
    "Jack", "",
    "P.S. Having slept on it, please put me down as 7 for question 4 rather than 5 \u2013 I've been doing this for years."]),
    A(T, T, T, 7, [EVI], F, F, T, T),
    note="Outlook for Windows: a P.S. below the sign-off replacing 4's 5 with a plain final 7; `10) n/a` is no comment.")

n = P + "trap_between_routes_win"
case(n, outlook_win(n, top=[
    "1. Yes", "2. No", "3. Yes",
    "4. Orally I'd say 8, subcut more like 4",
    "5. a", "6. Yes", "7. Yes", "8. Yes",
    "9. Half and half \u2013 more research yes, but I doubt a trial would ever recruit in our population", "",
    "Regards", "Jack"]),
    A(T, F, T, U, [EXP], T, T, T, U),
    note="TRAP. Confidence given as two numbers for two routes (oral 8, subcutaneous 4): ask. Research 'Half and half' with a reason both ways: ask.")

n = P + "yes_after_options_win"
case(n, outlook_win(n, top=["My answers are in red in the email below.", "", "Thanks", "Jack"], color="#C00000",
    on_line={1: "Yes", 2: "No", 3: "No", 4: "4", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"},
    after_option={(5, "a"): "(yes)", (5, "c"): "(yes)"}),
    A(T, F, F, 4, [EXP, SIDE], T, F, T, T),
    note="Outlook for Windows: answers in red on the Answer: lines, '(yes)' typed after barrier options a) and c) with 5's Answer: line left empty; no comment.")

n = P + "registrar_lead_win"
case(n, outlook_win(n, top=[
    "Dear Dr Rahman,", "",
    "I'm an ST6 registrar; for the service questions (6 and 7) I checked with my consultant.", "",
    "1. Yes \u2013 under supervision", "2. No", "3. Yes", "4. 4", "5. a",
    "6. Yes (per Dr Okafor)", "7. No (likewise)", "8. Yes!!", "9. Yes", "",
    "Thanks,", "Jack Clarke", "ST6 Palliative Medicine"]),
    A(T, F, T, 4, [EXP], T, F, T, T),
    note="Outlook for Windows: a registrar's list; 6 and 7 as his consultant told him, which is his answer for the service; 'Yes!!' is yes.")

# ---------------- Outlook on the web / NHSmail ----------------
n = P + "arrows_owa"
case(n, owa(n, [
    "1 \u2192 Yes", "2 \u2192 Yes", "3 \u2192 No", "4 \u2192 7", "5 \u2192 B", "6 \u2192 Yes", "7 \u2192 Yes", "8 \u2192 Yes", "9 \u2192 No",
    "10 \u2192 Getting pharmacy to supply it out of hours matters more to us than training.", "",
    "Jack Clarke", "Consultant, Hospital Palliative Care Team", "Tel 01632 960418"]),
    A(T, T, F, 7, [EVI], T, T, T, F, "Getting pharmacy to supply it out of hours matters more to us than training."),
    note="Outlook on the web: numbers and answers joined by arrows (Outlook's autocorrect of `->`), a comment at 10, signature with a phone number.")

n = P + "caps_after_question_owa"
aq = {1: "YES", 2: "NO", 3: "YES", 4: "6", 5: "A AND C", 6: "YES", 7: "NO", 8: "YES", 9: "YES", 10: "NONE"}
case(n, owa(n, ["Answers in capitals after each question.", "", "Jack"],
            original=inv_html(after_question=aq, color="#000000"), original_text=inv_text(after_question=aq, prefix="")),
    A(T, F, T, 6, [EXP, SIDE], T, F, T, T),
    note="Outlook on the web: answers in capitals typed at the end of each question's own text in the original; 'NONE' at 10 is no comment.")

n = P + "gold_on_lines_owa"
ol = {1: "Yes", 2: "Yes", 3: "Yes", 4: "10", 5: "d", 6: "Yes", 7: "Yes", 8: "No \u2013 I run the teaching on it", 9: "Yes",
      10: "Happy to share our protocol with the group."}
case(n, owa(n, ["See my answers on the lines below.", "", "Jack"],
            original=inv_html(on_line=ol, color="#7F6000"), original_text=inv_text(on_line=ol, prefix="")),
    A(T, T, T, 10, [NONE], T, T, F, T, "Happy to share our protocol with the group."),
    note="Outlook on the web: answers in dark gold on the Answer: lines; d is No barriers; 'No \u2013 I run the teaching on it' is no; comment on 10's line.")

n = P + "comments_label_owa"
case(n, owa(n, [
    "1. yes", "2. no", "3. no", "4. 3", "5. a", "6. no", "7. no", "8. yes", "9. yes", "",
    "Other comments \u2013 the monitoring it needs puts our nursing staff off more than anything.", "",
    "Jack"]),
    A(T, F, F, 3, [EXP], F, F, T, T, "the monitoring it needs puts our nursing staff off more than anything."),
    note="Outlook on the web: lower-case list 1-9, then the comment labelled 'Other comments' instead of 10.")

n = P + "trap_shared_informally_owa"
case(n, owa(n, [
    "1 Yes", "2 No", "3 Yes", "4 7", "5 b", "6 Yes",
    "7 In a way \u2013 we send our protocol to the district nurses when they ask, but nothing has been written jointly",
    "8 Possibly, if it were pitched at consultant level",
    "9 Yes",
    "10 I wasn't sure what counts as 'developed' for 7.", "",
    "Jack"]),
    A(T, F, T, 7, [EVI], T, U, U, T, "I wasn't sure what counts as 'developed' for 7."),
    note="TRAP. 7 'In a way' with the hospice's protocol passed on to community nurses and nothing written jointly, and his own doubt at 10: ask. 8 'Possibly, if ...' is conditional: ask.")

n = P + "pair_first_owa"
case(n, owa(n, [
    "1. Yes", "2. Yes", "3. No", "4. 8", "6. No", "7. No", "8. Yes", "9. Yes",
    "10. Our hospital team sees most of the complex pain in this area.", "",
    "Jack"], date=at(12, 8, 8, 12, 40)),
    A(T, T, F, 8, None, F, F, T, T, "Our hospital team sees most of the complex pain in this area."),
    note="Outlook on the web, first of two: a numbered list that skips 5 by accident (barriers missing). The second message gives it.")

n = P + "pair_second_owa"
case(n, owa(n, [
    "Sorry \u2013 skipped 5 by accident.", "", "5. b and c", "", "Jack"], date=at(12, 8, 8, 31, 5)),
    A(None, None, None, None, [EVI, SIDE]),
    note="Outlook on the web, second of two (19 minutes after pair_first_owa): only the forgotten 5, b and c; the rest missing here.")

# ---------------- Outlook for iOS / Android / Mac / plain text ----------------
n = P + "between_patients_ios_outlook"
case(n, outlook_mobile(n, [
    "Apologies for brevity \u2013 on the ward.", "",
    "1 y", "2 n", "3 y", "4 7", "5 c", "6 y", "7 y", "8 y", "9 y", "", "Jack"], platform="iOS"),
    A(T, F, T, 7, [SIDE], T, T, T, T),
    note="Outlook for iOS: a terse list between patients, `y`/`n`; the apology is not a comment.")

n = P + "trap_contradicts_ios_outlook"
case(n, outlook_mobile(n, [
    "1. No", "2. No", "3. No", "4. 2",
    "5. a (and possibly cost, not sure that counts as a barrier as such)",
    "6. No", "7. No", "8. Yes", "9. Yes",
    "10. The only time I've given it was for one dying man on a diamorphine driver whose pain nothing else touched.", "",
    "Jack"], platform="iOS"),
    A(U, F, F, 2, U, F, F, T, T, "The only time I've given it was for one dying man on a diamorphine driver whose pain nothing else touched."),
    note="TRAP. 1 'No' while his own comment describes giving it at the end of life on top of a diamorphine driver: ask. 5 a with cost 'possibly', unsure whether it counts: ask.")

n = P + "android_outlook"
case(n, outlook_mobile(n, [
    "Q1 Yes", "Q2 Yes", "Q3 Yes", "Q4 8", "Q5 a b", "Q6 Yes", "Q7 No", "Q8 Yes", "Q9 Yes",
    "Q10 Keen to see the results when they're out.", "", "Jack"], platform="Android"),
    A(T, T, T, 8, [EXP, EVI], T, F, T, T, "Keen to see the results when they're out."),
    note="Outlook for Android: `Q1 Yes` list, barriers `a b` separated by a space, comment at Q10.")

n = P + "mac_outlook"
case(n, reply(n, "outlook_mac", top=[
    "1 \u2014 Yes", "2 \u2014 No", "3 \u2014 No", "4 \u2014 4", "5 \u2014 Expertise", "6 \u2014 Yes", "7 \u2014 No", "8 \u2014 Yes", "9 \u2014 Yes",
    "10 \u2014 I work mostly in outpatients so rarely start it myself.", "", "Jack"]),
    A(T, F, F, 4, [EXP], T, F, T, T, "I work mostly in outpatients so rarely start it myself."),
    note="Outlook for Mac: numbers and answers joined by em dashes; barrier named in one word ('Expertise' = a).")

n = P + "plain_outlook"
txt = ("1. Yes.\n2. Yes.\n3. Yes.\n4. 9.\n5. None.\n6. Yes.\n7. Yes.\n8. No.\n9. Yes.\n10. None.\n\n"
       "Jack Clarke\nMedical Director, North Hospice\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n")
case(n, outlook_text(n, txt),
    A(T, T, T, 9, [NONE], T, T, F, T),
    note="Outlook in plain text (-----Original Message-----): a list with full stops; 'None.' at 5 is No barriers, at 10 no comment.")

# ---------------- Gmail ----------------
n = P + "signature_gmail"
case(n, gmail_top(n, [
    "1. Yes (occasionally)", "2. No", "3. Yes (fentanyl toxicity, twice)", "4. 6", "5. a & c", "6. No", "7. No", "8. Yes", "9. Yes",
    "10. I'd support a regional audit of outcomes."], sign=("Best,", "Jack", "", "Dr J Clarke | Palliative Medicine")),
    A(T, F, T, 6, [EXP, SIDE], F, F, T, T, "I'd support a regional audit of outcomes."),
    note="Gmail web: numbered list with reasons in brackets, `a & c`, a comment at 10 and a signature.")

n = P + "prose_groups_gmail"
case(n, gmail_top(n, [
    "Yes to 1, 2 and 3. Confidence 7.",
    "Barriers: evidence and side effects (b, c).",
    "Service: protocol yes, community guidance no.",
    "Training yes, research yes.",
    "That covers it."], sign=("Jack",)),
    A(T, T, T, 7, [EVI, SIDE], T, F, T, T),
    note="Gmail web: short sentences grouping answers by topic (1-3 together, then confidence, barriers, the two service questions, training and research) in the survey's order; 'That covers it.' is no comment.")

n = P + "bottom_posted_gmail"
case(n, reply(n, "gmail_web", bottom=[
    "1 yes", "2 yes", "3 no", "4 5", "5 b", "6 yes", "7 no", "8 yes", "9 yes", "10 Keen that the community teams are included in whatever comes out of this.", "", "Jack"]),
    A(T, T, F, 5, [EVI], T, F, T, T, "Keen that the community teams are included in whatever comes out of this."),
    note="Gmail web: the list typed below the whole quoted invitation (bottom-posting), numbers and answers separated by a space.")

n = P + "inline_gmail_web"
case(n, reply(n, "gmail_web", top=["Answers inline below.", "", "Jack"], answers={
    1: "Yes", 2: "No", 3: "Yes", 4: "5/10", 5: "A, B", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
    10: "Would welcome a regional ketamine protocol."}),
    A(T, F, T, 5, [EXP, EVI], F, F, T, T, "Would welcome a regional ketamine protocol."),
    note="Gmail web: answers typed below each quoted Answer: (split quote); `5/10` is 5.")

n = P + "bare_lines_gmail_android"
case(n, gmail_top(n, ["Yes", "Yes", "No", "7", "b, c", "Yes", "No", "Yes", "Yes"], sign=("Jack",), android=True),
    A(INF(T), INF(T), INF(F), INF(7), INF([EVI, SIDE]), INF(T), INF(F), INF(T), INF(T)),
    note="Gmail for Android: nine bare answers one per line, no numbers, no introduction: read in order, to be confirmed (inferred).")

n = P + "trap_and_or_gmail_android"
case(n, gmail_top(n, [
    "1. Yes", "2. Yes", "3. Yes", "4. 8",
    "5. a and/or c \u2013 varies from patient to patient",
    "6. Yes", "7. Yes",
    "8. Could be \u2013 I'd have to see what it covered",
    "9. Yes"], sign=("Jack",), android=True),
    A(T, T, T, 8, U, T, T, U, T),
    note="TRAP. Barriers 'a and/or c \u2013 varies from patient to patient': ask. Training 'Could be \u2013 I'd have to see what it covered': ask.")

n = P + "dash_list_gmail_ios"
case(n, reply(n, "gmail_ios", top=[
    "1- Yes", "2- No", "3- Yes", "4- 7", "5- B", "6- Yes", "7- No", "8- Yes", "9- Yes",
    "10- The price of the oral solution has been a sticking point locally.", "", "Jack"]),
    A(T, F, T, 7, [EVI], T, F, T, T, "The price of the oral solution has been a sticking point locally."),
    note="Gmail for iOS: `1- Yes` list (hyphen against the number), a comment at 10.")

n = P + "evening_long_gmail_ios"
case(n, reply(n, "gmail_ios", date=at(12, 13, 21, 5, 17), top=[
    "Sorry this is late \u2013 it's been a hectic week. Answers below with a bit of context.", "",
    "1. Yes. Mostly in the last week of life when pain has escaped escalating doses of oxycodone and we've run out of other options.",
    "2. No. I've never started it early \u2013 I'd want to have optimised the opioid and tried the usual adjuvants first.",
    "3. Yes, a few times, where opioid-induced hyperalgesia or delirium was the problem.",
    "4. 6. I'm comfortable with the oral route but less so with a subcutaneous infusion.",
    "5. Lack of evidence and side effects \u2013 so b and c. The dysphoria frightens some of the team.",
    "6. Yes, we have a hospice protocol that pharmacy updated last year.",
    "7. No. The community teams phone us for advice case by case.",
    "8. Yes. A practical session on conversions would help most.",
    "9. Yes, definitely \u2013 ideally something pragmatic, even a good-quality registry.",
    "10. I suspect a lot of us use it more than we admit, and quietly. A shared regional guideline with clear monitoring advice would make it feel less like a personal risk.", "",
    "Best wishes", "Jack"]),
    A(T, F, T, 6, [EVI, SIDE], T, F, T, T,
      "I suspect a lot of us use it more than we admit, and quietly. A shared regional guideline with clear monitoring advice would make it feel less like a personal risk."),
    note="Gmail for iOS, Sunday evening: each answer followed by a sentence of context (`4. 6. ...` is 6), barriers in words then letters, a two-sentence comment.")

# ---------------- Apple ----------------
n = P + "short_iphone"
case(n, iphone(n, ["1 Yes", "2 No", "3 Yes", "4 7", "5 A", "6 Yes", "7 Yes", "8 Yes", "9 Yes"]),
    A(T, F, T, 7, [EXP], T, T, T, T),
    note="iPhone Mail: a short list (number, space, answer) above 'Sent from my iPhone'; no comment.")

n = P + "split_quote_iphone"
case(n, apple_reply(n, "iphone", top=["My answers are under each question.", "", "J"], answers={
    1: "Yes", 2: "Yes", 3: "No", 4: "8", 5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
    10: "Could the results come back to the network meeting in the spring?"}),
    A(T, T, F, 8, [EVI], T, T, F, T, "Could the results come back to the network meeting in the spring?"),
    note="iPhone Mail: the quote split at each Answer:, answers typed below them; a question to the lead as the comment at 10.")

n = P + "trap_two_numbers_iphone"
case(n, iphone(n, [
    "1. Yes", "2. No", "3. Yes", "4. 7 (nearer 8 after a run of cases)", "5. b and c", "6. Yes",
    "7. Not sure \u2013 that one's for our community matron", "8. Yes", "9. Yes"]),
    A(T, F, T, U, [EVI, SIDE], T, U, T, T),
    note="TRAP. Confidence '7 (nearer 8 after a run of cases)', two numbers: ask. 7 'Not sure', passed to the community matron: ask.")

n = P + "colon_list_ipad"
case(n, iphone(n, [
    "1: Yes", "2: Yes", "3: Yes", "4: 9", "5: d", "6: Yes", "7: Yes", "8: No", "9: Yes",
    "10: Our team uses it most weeks, so happy to be contacted."], tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
    A(T, T, T, 9, [NONE], T, T, F, T, "Our team uses it most weeks, so happy to be contacted."),
    note="iPad Mail: `1: Yes` list, d is No barriers, a comment at 10.")

n = P + "rich_apple_mac"
case(n, apple_mac(n, [
    "Dear Asha,", "", "1) Yes", "2) No", "3) Yes", "4) 5", "5) a + b + c", "6) No", "7) No", "8) Yes", "9) Yes",
    "10) We tend to defer to the pain team at the acute trust.", "", "Kind regards,", "Jack"]),
    A(T, F, T, 5, [EXP, EVI, SIDE], F, F, T, T, "We tend to defer to the pain team at the acute trust."),
    note="Apple Mail (macOS, rich text): `1)` list, three barriers joined by plus signs, a comment at 10.")

n = P + "evening_flowed_apple_mac"
case(n, apple_mac_plain(n, apple_mac_text([
    "Hello Asha,", "", "Finally sitting down with this.", "",
    "1. Yes \u2013 in several dying patients with neuropathic pain who were already on large doses of alfentanil.",
    "2. Yes, occasionally, when the pain was clearly neuropathic from the outset and we didn't want to climb the opioid ladder quickly.",
    "3. Yes.",
    "4. 8",
    "5. I'd say side effects (c) \u2013 the hallucinations worry families more than they worry me.",
    "6. Yes.",
    "7. Yes \u2013 agreed with both community teams and finalised in the spring.",
    "8. No. I'd be glad to help teach it, though.",
    "9. Yes.",
    "10. Would it be possible to include something about urinary tract toxicity in the regional guidance? We've had two cases of cystitis with long-term oral use and I suspect it's under-recognised.",
    "", "Jack"]), date=at(12, 16, 20, 40, 12)),
    A(T, T, T, 8, [SIDE], T, T, F, T,
      "Would it be possible to include something about urinary tract toxicity in the regional guidance? We've had two cases of cystitis with long-term oral use and I suspect it's under-recognised."),
    note="Apple Mail plain text, format=flowed DelSp=yes, in the evening: long answers soft-broken, barriers in words with the letter in brackets, a long comment read as one line.")

# ---------------- Thunderbird, Samsung, Yahoo ----------------
n = P + "flowed_list_thunderbird"
case(n, thunderbird_flowed(n, "\n".join([
    "1. yes - inpatients only", "2. no", "3. no", "4. 5", "5. a, b", "6. yes", "7. no", "8. yes", "9. yes",
    "10. a regional advice line would help the smaller units", "",
    "Jack Clarke", "Associate Specialist"]) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
    A(T, F, F, 5, [EXP, EVI], T, F, T, T, "a regional advice line would help the smaller units"),
    note="Thunderbird, format=flowed text only: lower-case list on top, a reason after 1 with a hyphen, a comment at 10.")

n = P + "inline_bottom_thunderbird"
case(n, thunderbird_flowed(n, WROTE_TB + "\n" + text_inline(answers={
    1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
    10: "A long overdue survey, thank you - I hope the regional guidance covers how to stop ketamine safely as well as how to start it."}) + "\n\nJack\n"),
    A(T, F, T, 7, [SIDE], T, F, T, T,
      "A long overdue survey, thank you - I hope the regional guidance covers how to stop ketamine safely as well as how to start it."),
    note="Thunderbird, format=flowed: bottom-posted answers below each quoted Answer:, a long comment soft-broken and read as one line.")

n = P + "html_list_tb115"
case(n, reply(n, "tb115", top=[
    "Hello,", "", "1. Yes, routinely", "2. Yes, on occasion", "3. Yes", "4. 9", "5. None", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
    "Regards,", "Jack"]),
    A(T, T, T, 9, [NONE], T, T, F, T),
    note="Thunderbird HTML with flowed text: 'Yes, routinely' and 'Yes, on occasion' are yes; 'None' at 5 is No barriers; no 10.")

n = P + "dot_list_samsung"
case(n, reply(n, "samsung", top=["1.yes", "2.no", "3.yes", "4.6", "5.b", "6.yes", "7.yes", "8.yes", "9.yes"]),
    A(T, F, T, 6, [EVI], T, T, T, T),
    note="Samsung Email: `1.yes` without spaces (`4.6` is 4's 6), above 'Sent from my Galaxy'.")

n = P + "trap_check_pharmacy_samsung"
case(n, reply(n, "samsung", top=[
    "1 Yes", "2 No", "3 Yes", "4 5", "5 d mostly", "6 yes I think, our pharmacist would know", "7 no", "8 yes", "9 yes"]),
    A(T, F, T, 5, U, U, F, T, T),
    note="TRAP. 5 'd mostly' (the exclusive No barriers, hedged): ask. 6 'yes I think, our pharmacist would know': ask.")

n = P + "gpwsi_yahoo"
case(n, yahoo(n, [
    "Hi, answers as follows:", "", "1. Yes", "2. No", "3. No", "4. 3", "5. Unfamiliarity and the evidence", "6. No", "7. No",
    "8. Yes, without hesitation", "9. Yes", "10. I'm a GP with a special interest, so my exposure is limited.", "", "Jack"]),
    A(T, F, F, 3, [EXP, EVI], F, F, T, T, "I'm a GP with a special interest, so my exposure is limited."),
    note="Yahoo Mail: a GP with a special interest; barriers named in words ('Unfamiliarity and the evidence' = a, b); 'Yes, without hesitation' is yes.")
