"""The cases of heldback21w (see tests/fixtures/heldback21w/README.md): replies
from hospice and hospital palliative care doctors, 2-22 Dec 2026. Each
imagines a different doctor in Jack Clarke's place. Helpers of this set
only: A() (expected answers in question order), dated() (an explicit
Date header), word_autolist() (Outlook for Windows with Word's automatic
numbered list) and gmail_bottom() (Gmail web, typed below the quote)."""
import datetime, email.utils
from lib import *
import clients as C1
import clients_new as C2

P = "heldback21w_"
Y, N = True, False
EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"


def A(*vals, comment=None, wrap=ok):
    """Expected answers for questions 1-9 in order (None: not expected),
    plain values wrapped by `wrap`, dicts (UNCLEAR, INF(...), ok(...)) kept."""
    out = {}
    for qid, v in zip(IDS[:9], vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else wrap(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def dated(y, mo, d, hh, mm, ss=0):
    return email.utils.format_datetime(datetime.datetime(y, mo, d, hh, mm, ss, tzinfo=datetime.timezone.utc))


def add(name, raw, answers, note, **kw):
    case(P + name, raw, answers, note=note, **kw)


# ======================= Outlook 365 for Windows =======================
n = "list_bleep_win"
add(n, C2.outlook_win(P + n, top=[
    "Dear Dr Rahman,", "",
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b & c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. A shared regional chart for ketamine syringe drivers would save a lot of phone calls.", "",
    "Kind regards", "Jack", "",
    "Dr Jack Clarke", "Consultant in Palliative Medicine",
    "Hospital Specialist Palliative Care Team | Bleep 2217 | Ext 45190"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y,
      comment="A shared regional chart for ketamine syringe drivers would save a lot of phone calls."),
    "Outlook for Windows, numbered list '1. Yes' on top with a 10 comment and a hospital signature (bleep, extension); 'b & c'.")

n = "dash_reasons_win"
add(n, C2.outlook_win(P + n, top=[
    "Answers below – done between admissions so forgive the brevity.", "",
    "1 - Yes - mostly end-stage neuropathic pain on the IPU",
    "2 - No, I keep it in reserve",
    "3 - Yes, twice this year",
    "4 - 6",
    "5 - A & C",
    "6 - Yes, pharmacy-owned and reviewed last spring",
    "7 - No, it's on our wish list",
    "8 - Yes",
    "9 - Very much so", "",
    "Jack", "Specialty Doctor, Eden Valley Hospice"]),
    A(Y, N, Y, 6, [EXP, SIDE], Y, N, Y, Y),
    "Outlook for Windows, '1 - Yes - reason' with hyphens, reasons after the answers; 'Very much so' is yes; 'No, it's on our wish list' is no.")

n = "on_lines_teal_win"
add(n, C2.outlook_win(P + n, top=["Answers typed in below, hope that works.", "", "Jack"], color="#00807F", on_line={
    1: "Yes", 2: "Yes", 3: "No", 4: "8", 5: "b", 6: "Yes", 7: "Yes",
    8: "No – did the regional course in 2025", 9: "Yes",
    10: "Happy to share our community guidance if useful."}),
    A(Y, Y, N, 8, [EVI], Y, Y, N, Y, comment="Happy to share our community guidance if useful."),
    "Outlook for Windows, answers in teal on the Answer: lines of the unquoted original (with a year in 8's reason), comment on 10's line.")

n = "below_answer_green_win"
add(n, C2.outlook_win(P + n, top=["See answers in green below.", "", "Thanks", "Jack"], color="#385723", below={
    1: "YES", 2: "NO", 3: "YES", 4: "5", 5: "A and B", 6: "NO", 7: "NO", 8: "YES", 9: "YES"}),
    A(Y, N, Y, 5, [EXP, EVI], N, N, Y, Y),
    "Outlook for Windows, capitals in green paragraphs below each Answer: of the unquoted original.")

n = "options_x_win"
add(n, C2.outlook_win(P + n, top=["Replies typed into your email – for 5 I've put an X by the ones that apply.", "", "J. Clarke"],
                      color="#7030A0",
                      on_line={1: "Yes", 2: "No", 3: "Yes", 4: "7", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"},
                      after_option={(5, "c"): "X", (5, "e"): "X – patchy supply in community pharmacies"}),
    A(Y, N, Y, 7, ok([SIDE, OTHER], other="patchy supply in community pharmacies"), Y, N, Y, Y),
    "Outlook for Windows, answers on the Answer: lines; for 5 an X typed after options c) and e), e) with its text, 5's Answer: line empty.")


def word_autolist(name, intro, items, outro):
    """Outlook for Windows after Word's AutoFormat turned '1. ' into a
    numbered list: MsoListParagraph paragraphs with the number in
    supportLists conditionals, the text part '1.<TAB>text'."""
    def para(i, t):
        cls = "MsoListParagraphCxSpFirst" if i == 0 else ("MsoListParagraphCxSpLast" if i == len(items) - 1 else "MsoListParagraphCxSpMiddle")
        return (f'<p class="{cls}" style="margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1">'
                f'<![if !supportLists]><span style="mso-fareast-font-family:Calibri"><span style="mso-list:Ignore">{i + 1}.'
                '<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>'
                f'{esc(t)}<o:p></o:p></p>\n')
    html = (C2.word_paras(intro) + "".join(para(i, t) for i, t in enumerate(items)) + C2.word_paras(outro)
            + OUTLOOK_FROM_HTML + word_original())
    text = ("\n".join(intro) + "\n" + "\n".join(f"{i + 1}.\t{t}" for i, t in enumerate(items)) + "\n" + "\n".join(outro)
            + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n")
    return C2.outlook_desktop_raw(name, html, text, subject="RE: " + SUBJECT)


n = "word_autolist_win"
add(n, word_autolist(P + n, ["Hello,", "", "Please find my answers:", ""], [
    "Yes", "Yes – a few times, usually alongside an opioid switch", "Yes", "8", "d", "Yes",
    "Yes – launched with the district nurses in March", "Always happy to learn – yes", "Yes",
    "Good to see this being looked at regionally."], ["", "Best wishes,", "Jack Clarke", "Consultant, Palliative Medicine"]),
    A(Y, Y, Y, 8, [NONE], Y, Y, Y, Y, comment="Good to see this being looked at regionally."),
    "Outlook for Windows: Word turned the typed list into an automatic numbered list (numbers in MsoListParagraph supportLists spans, '1.<TAB>' in the text part); d) is No barriers; the 10th item is the comment.")

n = "trap_two_sites_win"
add(n, C2.outlook_win(P + n, top=[
    "I split my week between St Cuthbert's Hospice and the County Hospital team, so a couple of these depend on which hat I'm wearing.", "",
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b",
    "6. Hospice – yes; hospital – no",
    "7. Hospice yes, hospital no",
    "8. Yes", "9. Yes", "",
    "Jack"]),
    A(Y, N, Y, 7, [EVI], UNCLEAR, UNCLEAR, Y, Y),
    "TRAP. A doctor working at a hospice and a hospital answers the service questions 6 and 7 differently for each service: which service counts must be asked (unclear); the rest plain.")

n = "prose_summary_win"
add(n, C2.outlook_win(P + n, top=[
    "Dear Asha,", "",
    "Quick answers from me. I've used ketamine at the very end of life when opioids weren't touching the pain (so yes to 1), "
    "and to let me pull back the opioid when people were toxic (yes to 3), but never as an early add-on (no to 2). "
    "I'd put my confidence at 7 out of 10.", "",
    "The main barrier for me is side effects. Our unit has a written protocol; there's no shared community guidance yet. "
    "I'd welcome more training, and yes, more research is needed.", "",
    "All the best,", "Jack"]),
    A(Y, N, Y, 7, [SIDE], Y, N, Y, Y),
    "Outlook for Windows, two paragraphs of prose: 1-3 with their numbers in brackets, the others by topic in question order, all plainly given.")

n = "hospital_team_win"
add(n, C2.outlook_win(P + n, top=[
    "1) Yes", "2) Yes, sometimes alongside oxycodone for post-operative cancer pain", "3) Yes", "4) 6/10", "5) a), b)",
    "6) Yes – the trust's, shared with the acute pain team", "7) No", "8) Yes", "9) Yes",
    "10) We see far fewer ketamine patients in the acute trust than the hospice does, so our experience is thinner.", "",
    "Jack Clarke", "Consultant, Hospital Palliative Care Team"]),
    A(Y, Y, Y, 6, [EXP, EVI], Y, N, Y, Y,
      comment="We see far fewer ketamine patients in the acute trust than the hospice does, so our experience is thinner."),
    "Outlook for Windows, hospital team consultant: '1)' list, '6/10', 'a), b)', the trust's protocol is his service's (yes), 10) comment.")

n = "disclaimer_win"
add(n, C2.outlook_win(P + n, top=[
    "1 Yes", "2 No", "3 No", "4 4", "5 a", "6 No", "7 No", "8 Definitely", "9 Yes", "",
    "Dr J Clarke, ST5 Palliative Medicine", "",
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error "
    "please notify the sender and delete it. Views expressed are those of the author and not necessarily of North Hospice."]),
    A(Y, N, N, 4, [EXP], N, N, Y, Y),
    "Outlook for Windows, '1 Yes' without punctuation ('4 4' is 4), 'Definitely' is yes, a confidentiality footer below the signature.")

# ======================= Outlook on the web / NHSmail =======================
n = "colon_sig_owa"
add(n, C1.owa(P + n, [
    "Hi,", "",
    "1: yes", "2: yes", "3: no", "4: 5 (out of 10)", "5: lack of evidence", "6: yes", "7: yes", "8: no", "9: yes", "",
    "Jack Clarke | Palliative Medicine Consultant | Riverside Hospice | 01632 960 418"]),
    A(Y, Y, N, 5, [EVI], Y, Y, N, Y),
    "Outlook on the web, '1: yes' list, '5 (out of 10)', barrier named in the option's words, a one-line signature with a phone number.")

on = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
n = "on_lines_blue_owa"
add(n, C1.owa(P + n, ["Hi – I've added mine after each Answer: below.", "", "Jack"],
              original=C2.inv_html(on_line=on, color="#0070C0"), original_text=C2.inv_text(on_line=on, prefix="")),
    A(Y, N, Y, 6, [SIDE], Y, N, Y, Y),
    "Outlook on the web, answers in blue on the Answer: lines of the original below the divRplyFwdMsg header.")

n = "nhsmail_html_only_owa"
add(n, C1.owa(P + n, [
    "Answers:", "1 Yes.", "2 No.", "3 Yes.", "4 7.", "5 B + C.", "6 Yes.", "7 Yes.", "8 Yes.", "9 Yes.", "",
    "Jack", "", "Dr Jack Clarke", "Palliative Care Consultant, Northgate Hospitals NHS Foundation Trust"],
    html_only=True, frm='"CLARKE, Jack (NORTHGATE HOSPITALS NHS FOUNDATION TRUST)" <jack.clarke7@nhs.net>'),
    A(Y, N, Y, 7, [EVI, SIDE], Y, Y, Y, Y),
    "NHSmail (Outlook on the web, HTML only) from his nhs.net address, read as his own: '1 Yes.' with full stops ('4 7.' is 7).")

n = "trap_advise_only_owa"
add(n, C1.owa(P + n, [
    "From the hospital support team side:", "",
    "1. I've recommended it a few times but the ward doctors actually prescribe – not sure that counts as me using it?",
    "2. No", "3. No", "4. Somewhere between 5 and 6", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "Jack"]),
    A(UNCLEAR, N, N, UNCLEAR, [EXP], Y, N, Y, Y),
    "TRAP. A hospital support team doctor who only recommends it asks whether that counts for 1 (unclear); confidence between 5 and 6 (unclear).")

n = "pair_first_owa"
add(n, C1.owa(P + n, [
    "Hi Asha,", "", "1. Yes, several times", "2. No", "3. Yes", "4. 6", "5. b, c", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"],
    date=dated(2026, 12, 8, 9, 14, 37)),
    A(Y, N, Y, 6, [EVI, SIDE], N, N, Y, Y),
    "Outlook on the web, the first of a pair (Tue 8 Dec 09:14): a full list with 6 no, corrected by the second message the next day.")

n = "pair_fix_owa"
add(n, C1.owa(P + n, [
    "Hi again,", "",
    "Sorry – one change to yesterday's answers. Our pharmacist reminded me that we do have a written ketamine protocol; "
    "it's an appendix to the syringe driver policy, which is why I missed it. So question 6 should be Yes.", "",
    "Thanks,", "Jack"], date=dated(2026, 12, 9, 13, 40, 5)),
    {"written_protocol": ok(True)},
    "Outlook on the web, the second of the pair (Wed 9 Dec 13:40), replying to the invitation again: only 6, changed to yes (the rest missing in this message).")

# ======================= Outlook mobile, Mac, plain text =======================
n = "ward_brief_outlook_ios"
add(n, C1.outlook_mobile(P + n, ["On the ward so briefly:", "1 Yes", "2 No", "3 Yes", "4 6", "5 B", "6 Yes", "7 No", "8 Yes",
                                 "9 Yes", "10 nil", "JC"], platform="iOS"),
    A(Y, N, Y, 6, [EVI], Y, N, Y, Y),
    "Outlook for iOS (base64), '1 Yes' terse list signed with initials; '10 nil' is no comment.")

n = "nine_unnumbered_outlook_ios"
add(n, C1.outlook_mobile(P + n, ["1. Yes", "2. No", "3. No", "4. 5", "5. A, B", "6. Yes", "7. No", "8. Yes", "Yes", "", "Jack"],
                         platform="iOS"),
    A(Y, N, N, 5, [EXP, EVI], Y, N, Y, INF(True)),
    "Outlook for iOS, numbered 1-8 and then a ninth answer without its number: 9 inferred (to be confirmed).")

n = "hyphens_outlook_android"
add(n, C1.outlook_mobile(P + n, ["1-yes", "2-no", "3-yes", "4-8", "5-c", "6-yes", "7-yes", "8-no", "9-yes",
                                 "10-Thanks for organising this."], platform="Android"),
    A(Y, N, Y, 8, [SIDE], Y, Y, N, Y, comment="Thanks for organising this."),
    "Outlook for Android, '1-yes' without spaces, '10-' comment.")

n = "paren_reasons_outlook_mac"
add(n, C2.reply(P + n, "outlook_mac", top=[
    "Hello,", "",
    "1) Yes – in the last days of life, when nothing else had touched it", "2) No", "3) Yes", "4) 7", "5) b and c",
    "6) Yes", "7) Yes", "8) No", "9) Yes", "", "Best,", "Jack"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, Y, N, Y),
    "Outlook for Mac, '1)' list with a reason after 1.")

on = {1: "Y", 2: "N", 3: "Y", 4: "5", 5: "a,b,c", 6: "Y", 7: "N", 8: "Y", 9: "Y",
      10: "Would appreciate a regional ketamine advice line."}
n = "plain_on_lines_outlook"
add(n, C1.outlook_text(P + n, "Answers added to the lines below.\n\nJack\n\n" + C1.ORIGINAL_MESSAGE + "\n"
                       + C2.inv_text(on_line=on, prefix="") + "\n"),
    A(Y, N, Y, 5, [EXP, EVI, SIDE], Y, N, Y, Y, comment="Would appreciate a regional ketamine advice line."),
    "Outlook plain text, Y/N on the Answer: lines below -----Original Message-----, 'a,b,c', comment on 10's line.")

# ======================= Gmail =======================
n = "lower_reasons_gmail"
add(n, C1.gmail_top(P + n, [
    "hi,", "", "1. yes - for refractory neuropathic pain at the end", "2. no", "3. yes", "4. 6", "5. b", "6. yes", "7. no",
    "8. yes - especially on oral dosing", "9. yes"], sign=("Thanks,", "Jack")),
    A(Y, N, Y, 6, [EVI], Y, N, Y, Y),
    "Gmail web, lower-case '1. yes' list with reasons after a hyphen.")


def gmail_bottom(name, lines):
    """Gmail web with the trimmed content expanded and the answers typed
    below the whole quote."""
    text = WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n\n" + "\n".join(lines) + "\n"
    html = ('<div dir="ltr"><br></div><br>' + gmail_quote_html(INV_HTML_BODY) + '<div dir="ltr">' + C2._divs(lines) + "</div>")
    return gmail(name, text, html)


n = "bottom_posted_gmail"
add(n, gmail_bottom(P + n, ["", "My answers (sorry, typed at the bottom):", "", "1 yes", "2 no", "3 yes", "4 7", "5 a + c",
                            "6 yes", "7 yes", "8 yes", "9 yes", "", "Jack"]),
    A(Y, N, Y, 7, [EXP, SIDE], Y, Y, Y, Y),
    "Gmail web, the list typed below the whole quoted invitation (nothing above the attribution).")

n = "trap_cant_recall_gmail"
add(n, C1.gmail_top(P + n, [
    "1. Yes", "2. No", "3. Can't recall – possibly once, years ago in my registrar days", "4. 6", "5. b, c", "6. Yes", "7. No",
    "8. I'm not sure I need it, though I wouldn't turn it down", "9. Yes"], sign=("Best wishes,", "Jack")),
    A(Y, N, UNCLEAR, 6, [EVI, SIDE], Y, N, UNCLEAR, Y),
    "TRAP. 'Can't recall – possibly once' for 3 and 'not sure I need it, though I wouldn't turn it down' for 8: both to be asked (unclear).")

n = "inline_gmail_web"
add(n, C2.reply(P + n, "gmail_web", top=["Answers inline.", "", "Jack"], answers={
    1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "B,C", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
    10: "Would be good to include the community pharmacists in any guidance work."}),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y, comment="Would be good to include the community pharmacists in any guidance work."),
    "Gmail web, the quote split below each quoted Answer: with the answer unquoted there; 'B,C'; comment below 10's Answer:.")

n = "bare_lines_gmail_android"
add(n, C2.reply(P + n, "gmail_android", top=["Yes", "Yes", "No", "6", "b", "Yes", "No", "Yes", "Yes", "", "Jack"]),
    A(Y, Y, N, 6, [EVI], Y, N, Y, Y, wrap=INF),
    "Gmail for Android, nine bare answers one per line without numbers or introduction: all inferred.")

n = "one_line_gmail_android"
add(n, C2.reply(P + n, "gmail_android", top=["1 yes, 2 no, 3 yes, 4 7, 5 c, 6 yes, 7 no, 8 yes, 9 yes", "", "Jack (between home visits)"]),
    A(Y, N, Y, 7, [SIDE], Y, N, Y, Y),
    "Gmail for Android, all nine numbered on one line separated by commas.")

n = "topic_dashes_gmail_ios"
add(n, C2.reply(P + n, "gmail_ios", top=[
    "Last days of life – yes", "Early on – no", "To cut down opioids – yes", "How confident – 6", "What stops me – lack of expertise",
    "Protocol – yes", "Guidance for community – no", "More training – yes", "More research – yes", "", "Jack"]),
    A(Y, N, Y, 6, [EXP], Y, N, Y, Y),
    "Gmail for iOS, topic labels of his own with en dashes in question order, no numbers.")

n = "q_dash_gmail_ios"
add(n, C2.reply(P + n, "gmail_ios", top=[
    "Q1 - Yes", "Q2 - No", "Q3 - No", "Q4 - 3", "Q5 - A", "Q6 - Yes", "Q7 - No", "Q8 - Yes, very keen", "Q9 - Yes",
    "Q10 - I'm new to palliative medicine (started in August) so my answers reflect limited experience.", "", "Jack"]),
    A(Y, N, N, 3, [EXP], Y, N, Y, Y,
      comment="I'm new to palliative medicine (started in August) so my answers reflect limited experience."),
    "Gmail for iOS, 'Q1 - Yes' list, 'Yes, very keen', Q10 comment.")

# ======================= Apple =======================
n = "numbered_iphone"
add(n, C1.iphone(P + n, ["1. Yes", "2. No", "3. Yes", "4. 7/10", "5. B and C", "6. Yes", "7. Yes", "8. Yes", "9. Yes"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, Y, Y, Y),
    "iPhone Mail, '1. Yes' list, '7/10'.")

n = "split_quote_iphone"
add(n, C2.apple_reply(P + n, "iphone", answers={
    1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "D", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
    10: "We run a monthly ketamine review meeting – happy to host others."}),
    A(Y, Y, Y, 9, [NONE], Y, Y, N, Y, comment="We run a monthly ketamine review meeting – happy to host others."),
    "iPhone Mail, the quote split below each quoted Answer: with the answer there; 'D' is No barriers; comment below 10's.")

n = "trap_words_iphone"
add(n, C1.iphone(P + n, ["1. Yes", "2. No", "3. Yes", "4. Reasonably confident on the unit", "5. Evidence or maybe side effects",
                         "6. Yes", "7. No", "8. Yes", "9. Yes"]),
    A(Y, N, Y, UNCLEAR, UNCLEAR, Y, N, Y, Y),
    "TRAP. Confidence in words without a number, and barriers as 'X or maybe Y': both to be asked (unclear).")

n = "dictated_iphone"
add(n, C1.iphone(P + n, ["One yes. Two no. Three yes. For seven. Five B and C. Six yes. Seven no. Eight yes. Nine yes.",
                         "", "Sorry dictated in the car park"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y),
    "iPhone Mail, dictated on one line with the numbers as words ('For seven' is dictation's 'Four, seven').")

n = "lower_ipad"
add(n, C1.iphone(P + n, ["Morning,", "", "1 yes", "2 no", "3 yes", "4 8", "5 none", "6 yes", "7 yes", "8 no", "9 yes", "", "Jack"],
                 tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
    A(Y, N, Y, 8, [NONE], Y, Y, N, Y),
    "iPad Mail, '1 yes' list; 'none' is No barriers.")

n = "brackets_apple_mac"
add(n, C2.apple_mac(P + n, [
    "Dear all,", "", "(1) Yes, rarely", "(2) No", "(3) Yes", "(4) 5", "(5) a, b", "(6) No", "(7) No", "(8) Yes", "(9) Yes",
    "(10) Our hospice is small (10 beds) and we lean on the hospital team for advice.", "", "Jack"]),
    A(Y, N, Y, 5, [EXP, EVI], N, N, Y, Y, comment="Our hospice is small (10 beds) and we lean on the hospital team for advice."),
    "Apple Mail (macOS, rich text), numbers in brackets '(1) Yes', a number inside the (10) comment.")

n = "evening_flowed_apple_mac"
add(n, C2.apple_mac_plain(P + n, C2.apple_mac_text([
    "Dear Dr Rahman,", "",
    "Sorry this is late in the evening – I wanted to give proper answers rather than one-word ones.", "",
    "1. Yes. Mostly for people in the last week or two with pain that had escalated despite big opioid doses, usually as a CSCI alongside the opioid.",
    "2. No. I don't think I've ever started it early; it's always come in after other adjuvants have failed.",
    "3. Yes, a handful of times – typically where someone had become myoclonic or drowsy and we needed to bring the opioid down.",
    "4. 6. Fine with the standard regimen, less comfortable with anything unusual.",
    "5. b and c. The evidence base is thin and I've seen a couple of nasty dysphoric reactions.",
    "6. Yes, updated this year.",
    "7. No, although the community team use ours informally.",
    "8. Yes.",
    "9. Yes – proper trials, ideally multicentre.",
    "10. I'd be interested in the results when they're out – please add me to the list.", "",
    "With best wishes,", "Jack"]), date=dated(2026, 12, 15, 21, 12, 44)),
    A(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y, comment="I'd be interested in the results when they're out – please add me to the list."),
    "Apple Mail plain text, format=flowed DelSp=yes, an evening reply (Tue 15 Dec 21:12) with sentences after each answer, soft-broken.")

# ======================= Thunderbird, Samsung, Yahoo =======================
n = "signature_thunderbird"
add(n, C1.thunderbird_flowed(P + n, "\n".join([
    "1. yes", "2. no", "3. no", "4. 4", "5. a, c", "6. yes", "7. no", "8. yes", "9. yes", "", "Cheers,", "Jack", "",
    "-- ", "Dr Jack Clarke", "Specialty Registrar, Palliative Medicine", "Hilltop Hospice", "", WROTE_TB, quote(INV_TEXT)]) + "\n"),
    A(Y, N, N, 4, [EXP, SIDE], Y, N, Y, Y),
    "Thunderbird format=flowed text only, '1. yes' list over a '-- ' signature.")

n = "inline_flowed_thunderbird"
add(n, C1.thunderbird_flowed(P + n, WROTE_TB + "\n" + C2.inv_text(answers={
    1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
    10: "The biggest practical problem for us is getting ketamine dispensed quickly for patients at home over the weekend; "
        "anything the region can do on stock holding would help."}, prefix="> ") + "\n\nJack\n"),
    A(Y, N, Y, 7, [EVI], Y, Y, Y, Y,
      comment="The biggest practical problem for us is getting ketamine dispensed quickly for patients at home over the weekend; "
              "anything the region can do on stock holding would help."),
    "Thunderbird format=flowed, bottom-posting below each quoted Answer:, a long comment soft-broken (one line).")

n = "trap_second_thoughts_tb115"
add(n, C2.reply(P + n, "tb115", top=[
    "1. Yes",
    "2. No. Hmm, thinking again, maybe once or twice on the oncology ward – can't say for certain.",
    "3. Yes", "4. 7", "5. c",
    "6. We did have one – not sure it survived the merger of the two units.",
    "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, UNCLEAR, Y, 7, [SIDE], UNCLEAR, N, Y, Y),
    "TRAP. Thunderbird HTML: 'No' then second thoughts without a final answer for 2; a protocol that may not have survived a merger for 6: both unclear.")

n = "no_spaces_samsung"
add(n, C2.reply(P + n, "samsung", top=["1.yes", "2.no", "3.yes", "4.6", "5.b,c", "6.yes", "7.no", "8.yes", "9.yes"]),
    A(Y, N, Y, 6, [EVI, SIDE], Y, N, Y, Y),
    "Samsung Email (base64), '1.yes' without spaces.")

n = "trap_contradiction_samsung"
add(n, C2.reply(P + n, "samsung", top=[
    "1 Yes", "2 No", "3 Yes", "4 8", "5 c, d", "6 No", "7 No", "8 No", "9 Yes",
    "10 We follow the hospice protocol – max 500 mg per 24 h before a review."]),
    A(Y, N, Y, 8, UNCLEAR, UNCLEAR, N, N, Y, comment="We follow the hospice protocol – max 500 mg per 24 h before a review."),
    "TRAP. Samsung Email: barriers c with d (No barriers, to be chosen alone) is unclear; 6 'No' while his comment says they follow the hospice protocol (unclear).")

n = "few_times_yahoo"
add(n, C1.yahoo(P + n, ["Hello", "", "1 Yes, a few times", "2 No", "3 No", "4 5", "5 B", "6 Yes", "7 No", "8 Yes", "9 Yes", "",
                        "Regards", "Jack Clarke"]),
    A(Y, N, N, 5, [EVI], Y, N, Y, Y),
    "Yahoo Mail, '1 Yes, a few times' list.")
