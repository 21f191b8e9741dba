"""The cases of the thirtieth held-back set of issue 21 (heldback21zd): a
representative sample of the lead's inbox from palliative care doctors,
27 Nov - 30 Dec 2026. See tests/fixtures/heldback21zd/README.md."""
import email.utils
from lib import *  # noqa: F401,F403
import lib
import clients as C
import clients_new as N

P = "heldback21zd_"
Q9 = lib.IDS[:9]
Y, NO = True, False
EV, SE, EX, NB, OT = "evidence", "side_effects", "expertise", "none", "other"


def A(*vals, comment=None, other=None):
    """Expected answers in question order: a plain value is ok, a dict is
    already an answer (UNCLEAR, INF(...))."""
    out = {}
    for qid, v in zip(Q9, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif qid == "barriers" and other is not None:
            out[qid] = ok(v, other)
        else:
            out[qid] = ok(v)
    if comment:
        out["comments"] = ok(comment)
    return out


def at(y, mo, d, hh, mm, ss=0):
    """An explicit Date header (UTC)."""
    import datetime
    return email.utils.format_datetime(datetime.datetime(y, mo, d, hh, mm, ss, tzinfo=datetime.timezone.utc))


def redate(raw, date):
    """The message with an explicit Date header (for clients whose helper takes none)."""
    import re
    return re.sub(rb"\nDate: [^\r\n]*", b"\nDate: " + date.encode(), raw, count=1)


def add(name, raw, answers, note):
    case(P + name, raw, answers, note=note)


SIG_CONS = ["Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice | Ext 4417 | Bleep 2239"]
SIG_ST = ["Jack Clarke", "ST7 Palliative Medicine"]


def word_numbered(items):
    """Word's automatic numbered list in Outlook for Windows (MsoListParagraph
    with the mso-list:Ignore number), and Outlook's text rendering."""
    html = ""
    for i, t in enumerate(items, 1):
        html += ("<p class=MsoListParagraph style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                 f"<![if !supportLists]><span style='mso-list:Ignore'>{i}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
                 f"{esc(t)}<o:p></o:p></p>\n")
    text = "\n".join(f"{i}.\t{t}" for i, t in enumerate(items, 1))
    return html, text


# ====================================================================== Outlook for Windows (10)
N.outlook_win  # noqa: B018
add("clinic_gap_win", N.outlook_win(P + "clinic_gap_win", top=[
    "Hi Asha,", "",
    "1. Yes",
    "2. No",
    "3. Yes – mostly when myoclonus crept in on high-dose morphine",
    "4. 7",
    "5. b, c",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes",
    "10. Glad to lend a hand with the regional guidance once you have the results.", "",
    "Jack", "", *SIG_CONS]),
    A(Y, NO, Y, 7, [EV, SE], Y, NO, Y, Y, comment="Glad to lend a hand with the regional guidance once you have the results."),
    "Outlook for Windows, numbered list above the unquoted original between clinics, a reason after 3, a comment at 10, signature with extension and bleep.")

add("answer_lines_win", N.outlook_win(P + "answer_lines_win", top=["Asha – I've filled them in on the form below.", "", "Jack"],
    on_line={1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "a", 6: "No", 7: "No", 8: "Yes – very much so", 9: "Yes",
             10: "Beyond a short trial we normally ask the pain team to take over."}, color="#7030A0"),
    A(Y, Y, NO, 5, [EX], NO, NO, Y, Y, comment="Beyond a short trial we normally ask the pain team to take over."),
    "Outlook for Windows, answers typed in purple on each Answer: line of the unquoted original, a comment on 10's line.")

add("below_answer_win", N.outlook_win(P + "below_answer_win", top=["See below.", "", "J Clarke"],
    below={1: "Yes, a handful of times", 2: "No", 3: "Yes", 4: "8", 5: "c – dysphoria mainly", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"},
    color="#C00000"),
    A(Y, NO, Y, 8, [SE], Y, Y, NO, Y),
    "Outlook for Windows, answers in red in their own paragraphs below each Answer:; 5 is c with a reason; no comment.")

add("parens_win", N.outlook_win(P + "parens_win", top=[
    "Dear Dr Rahman,", "", "Please find my answers:", "",
    "1) Yes (always via the syringe driver)",
    "2) No",
    "3) No",
    "4) 4",
    "5) a, b",
    "6) Yes",
    "7) No – community teams use their own document",
    "8) Yes",
    "9) Yes", "",
    "Regards,", "Jack Clarke", "Specialty Doctor, Palliative Care"]),
    A(Y, NO, NO, 4, [EX, EV], Y, NO, Y, Y),
    "Outlook for Windows, 1) style list with reasons in brackets and after a dash; no comment.")

add("long_sig_win", N.outlook_win(P + "long_sig_win", top=[
    "1 - yes", "2 - yes", "3 - yes", "4 - 9", "5 - d", "6 - yes", "7 - yes", "8 - no", "9 - yes", "",
    "Best wishes", "Jack", "",
    "Dr Jack Clarke MBChB FRCP", "Consultant & Clinical Lead, Specialist Palliative Care",
    "Direct line 01632 960 418 | Switchboard 01632 960 000", "",
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error please notify the sender and delete it."]),
    A(Y, Y, Y, 9, [NB], Y, Y, NO, Y),
    "Outlook for Windows, '1 - yes' list, barriers d (No barriers), long signature with phone numbers and a confidentiality notice.")

add("after_question_win", N.outlook_win(P + "after_question_win", top=["Answers in green after each question.", "", "Jack"],
    after_question={1: "YES", 2: "NO", 3: "YES", 4: "6", 5: "B AND C", 6: "NO", 7: "NO", 8: "YES", 9: "YES"}, color="#00B050"),
    A(Y, NO, Y, 6, [EV, SE], NO, NO, Y, Y),
    "Outlook for Windows, answers in capitals typed straight after each question's text in the unquoted original (not on the Answer: lines).")

add("trap_between_win", N.outlook_win(P + "trap_between_win", top=[
    "1. Yes", "2. No", "3. Yes",
    "4. Somewhere between 5 and 6 – lower for oral, higher for subcut",
    "5. b",
    "6. Yes",
    "7. I believe the community team have something, but I couldn't tell you whether we wrote it",
    "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, NO, Y, UNCLEAR, [EV], Y, UNCLEAR, Y, Y),
    "TRAP. Outlook for Windows list; confidence given as a range between two numbers by route, and 7 a hedge about who wrote the community document: both to ask.")

add("st6_colons_win", N.outlook_win(P + "st6_colons_win", top=[
    "Hello,", "",
    "1: Y", "2: N", "3: Y", "4: 3", "5: a", "6: Y", "7: N", "8: Y", "9: Y",
    "10: As a trainee I've only seen it started by consultants, never on my own.", "",
    "Thanks", "Jack (ST6, Palliative Medicine)"]),
    A(Y, NO, Y, 3, [EX], Y, NO, Y, Y, comment="As a trainee I've only seen it started by consultants, never on my own."),
    "Outlook for Windows, '1: Y' / '2: N' letters after colons, a comment at 10 from a registrar.")

_h, _t = word_numbered(["Yes", "No", "Yes", "6", "Lack of evidence; side effects", "No", "No", "Yes", "Yes"])
_top = ['<p class="MsoNormal">Hi Asha,<o:p></o:p></p>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n', _h,
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<p class="MsoNormal">Jack<o:p></o:p></p>\n']
add("word_autolist_win", N.outlook_desktop_raw(P + "word_autolist_win",
    "".join(_top) + OUTLOOK_FROM_HTML + word_original(),
    "Hi Asha,\n\n" + _t + "\n\nJack\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
    A(Y, NO, Y, 6, [EV, SE], NO, NO, Y, Y),
    "Outlook for Windows, Word's automatic numbered list (MsoListParagraph; a tab after the number in the text part), barriers named in words.")

add("evening_reasons_win", redate(N.outlook_win(P + "evening_reasons_win", top=[
    "Asha,", "",
    "Sorry this is late – catching up on email after the evening handover.", "",
    "1. Yes. Usually the last few days of life when the pain has outrun the opioid titration.",
    "2. No. I'd not reach for it that early.",
    "3. Yes, a couple of times when the morphine was making someone hallucinate.",
    "4. 7",
    "5. b and c. The trial data are weak and the psychotomimetic effects put patients and families off.",
    "6. Yes, updated last spring.",
    "7. No.",
    "8. Yes, particularly around oral dosing.",
    "9. Yes.",
    "10. It would help to have a regional line on how long to continue a trial before stopping.", "",
    "Best,", "Jack"]), date=at(2026, 12, 12, 20, 48, 31)),
    A(Y, NO, Y, 7, [EV, SE], Y, NO, Y, Y, comment="It would help to have a regional line on how long to continue a trial before stopping."),
    "Outlook for Windows, evening reply: each answer followed by a sentence of explanation, barriers 'b and c' with a reason, comment at 10.")

# ====================================================================== Outlook on the web (6)
add("owa_lower_list", C.owa(P + "owa_lower_list", [
    "1. yes", "2. no", "3. no", "4. 5", "5. b", "6. no", "7. no", "8. yes", "9. yes", "",
    "Kind regards", "Jack"]),
    A(Y, NO, NO, 5, [EV], NO, NO, Y, Y),
    "Outlook on the web, lower-case numbered list above the divRplyFwdMsg original; no comment.")

_ol = {1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes", 10: "Our protocol is on the intranet if anyone wants to borrow it."}
add("owa_on_lines", C.owa(P + "owa_on_lines", ["Answers on the form below.", "", "Jack"],
    original=N.inv_html(on_line=_ol, color="#0070C0"), original_text=text_inline(on_line=_ol, prefix="")),
    A(Y, NO, Y, 8, [SE], Y, Y, NO, Y, comment="Our protocol is on the intranet if anyone wants to borrow it."),
    "Outlook on the web, answers in blue on each Answer: line of the original, comment on 10's line.")

add("nhsmail_html_only", C.owa(P + "nhsmail_html_only", [
    "Replying from my trust account – the hospice one keeps logging me out.", "",
    "Q1 – Yes", "Q2 – Yes", "Q3 – No", "Q4 – 7", "Q5 – a and c", "Q6 – Yes", "Q7 – No", "Q8 – Yes", "Q9 – No",
    "Q10 – Would be useful to hear how other trusts handle ketamine on discharge.", "",
    "Jack Clarke", "Consultant, Hospital Palliative Care Team"],
    html_only=True, frm='"CLARKE, Jack (NORTH CITY HOSPITALS NHS TRUST)" <jack.clarke7@nhs.net>'),
    A(Y, Y, NO, 7, [EX, SE], Y, NO, Y, NO, comment="Would be useful to hear how other trusts handle ketamine on discharge."),
    "Outlook on the web from an NHSmail address (HTML only), read as his own; an aside about the account above a 'Q1 – Yes' list (not a comment); comment at Q10.")

add("owa_reasons", C.owa(P + "owa_reasons", [
    "Hi,", "",
    "1. No – not had a patient who needed it in my two years here",
    "2. No",
    "3. No",
    "4. 2",
    "5. a",
    "6. Yes, although I've never had to open it",
    "7. No",
    "8. Yes please",
    "9. Yes", "",
    "Jack", "Specialty Doctor"]),
    A(NO, NO, NO, 2, [EX], Y, NO, Y, Y),
    "Outlook on the web, numbered list with reasons after a dash or a comma; 'Yes please' is yes.")

add("trap_owa_either", C.owa(P + "trap_owa_either", [
    "1. Yes",
    "2. Once, I think? I'd need to look back at the notes",
    "3. Yes",
    "4. 6",
    "5. a or b – whichever you think fits better",
    "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, UNCLEAR, Y, 6, UNCLEAR, NO, NO, Y, Y),
    "TRAP. Outlook on the web list; 2 is unsure ('I think? I'd need to look back') and 5 offers a or b and leaves the choice to the lead: both to ask.")

add("owa_one_line", C.owa(P + "owa_one_line", [
    "1 yes, 2 no, 3 yes, 4 6, 5 b, 6 no, 7 no, 8 yes, 9 yes", "", "Jack"]),
    A(Y, NO, Y, 6, [EV], NO, NO, Y, Y),
    "Outlook on the web, all nine numbered answers on one line separated by commas.")

# ====================================================================== Outlook mobile, Mac, plain text (5)
add("ios_outlook_carpark", C.outlook_mobile(P + "ios_outlook_carpark", [
    "Quickly from the car park:", "1. Y", "2. N", "3. Y", "4. 7", "5. B", "6. Y", "7. Y", "8. N", "9. Y", "Jack"], platform="iOS"),
    A(Y, NO, Y, 7, [EV], Y, Y, NO, Y),
    "Outlook for iOS (base64), 'Y' / 'N' list between visits.")

add("android_outlook_tight", C.outlook_mobile(P + "android_outlook_tight", [
    "1-yes", "2-yes", "3-no", "4-8", "5-c", "6-yes", "7-no", "8-no", "9-yes", "", "JC"], platform="Android"),
    A(Y, Y, NO, 8, [SE], Y, NO, NO, Y),
    "Outlook for Android (base64), '1-yes' list without spaces.")

add("mac_outlook_list", N.reply(P + "mac_outlook_list", "outlook_mac", top=[
    "Dear Asha,", "",
    "Q1: Yes", "Q2: No", "Q3: Yes", "Q4: 6", "Q5: b, c", "Q6: Yes", "Q7: No", "Q8: Yes", "Q9: Yes",
    "Q10: Cost hasn't been a problem for us but supply of the oral solution has.", "",
    "Best,", "Jack"]),
    A(Y, NO, Y, 6, [EV, SE], Y, NO, Y, Y, comment="Cost hasn't been a problem for us but supply of the oral solution has."),
    "Outlook for Mac, 'Q1:' list with a comment at Q10.")

add("mac_outlook_on_lines", N.reply(P + "mac_outlook_on_lines", "outlook_mac", top=["Done inline – Jack"],
    on_line={1: "yes", 2: "no", 3: "no", 4: "4", 5: "a, b", 6: "no", 7: "no", 8: "yes", 9: "yes"}, color="#2F5597"),
    A(Y, NO, NO, 4, [EX, EV], NO, NO, Y, Y),
    "Outlook for Mac, answers typed on the Answer: lines of the unquoted original.")

add("plain_outlook_list", C.outlook_text(P + "plain_outlook_list",
    "1. Yes\n2. Yes\n3. Yes\n4. 9\n5. d\n6. Yes\n7. Yes\n8. No\n9. Yes\n10. We have run a ketamine audit locally; happy to share the data.\n\nJack Clarke\n\n"
    + C.ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    A(Y, Y, Y, 9, [NB], Y, Y, NO, Y, comment="We have run a ketamine audit locally; happy to share the data."),
    "Outlook plain text (-----Original Message-----), numbered list with a comment at 10.")

# ====================================================================== Gmail (9)
add("gmail_web_list", C.gmail_top(P + "gmail_web_list", [
    "Hi Asha,", "",
    "1. Yes", "2. No", "3. No", "4. 6", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Good to see someone tackling this – practice really does vary between our sites."],
    sign=("Thanks,", "Jack")),
    A(Y, NO, NO, 6, [EV], Y, NO, Y, Y, comment="Good to see someone tackling this – practice really does vary between our sites."),
    "Gmail web, numbered list with a comment at 10.")

add("gmail_bare_lines", C.gmail_top(P + "gmail_bare_lines", [
    "Yes", "Yes", "No", "6", "b and c", "No", "No", "Yes", "Yes"], sign=("Jack",)),
    A(INF(True), INF(True), INF(False), INF(6), INF([EV, SE]), INF(False), INF(False), INF(True), INF(True)),
    "Gmail web, nine bare answers one per line without question numbers: read in order but to be confirmed (inferred).")

add("gmail_inline", N.reply(P + "gmail_inline", "gmail_web", top=["Answers under each question.", "", "Jack"],
    answers={1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
             10: "Would value a regional teaching day on this."}),
    A(Y, NO, Y, 7, [EX], NO, NO, Y, Y, comment="Would value a regional teaching day on this."),
    "Gmail web, answers typed below each quoted Answer: with the quote split there, comment under 10.")

add("trap_gmail_memory", C.gmail_top(P + "trap_gmail_memory", [
    "1. Yes",
    "2. Possibly once – though it may have been lidocaine, I honestly don't remember",
    "3. Yes", "4. 5", "5. b", "6. Yes", "7. No", "8. Yes",
    "9. Yes and no – more trials yes, but I doubt they'll ever get funded"],
    sign=("Cheers,", "Jack")),
    A(Y, UNCLEAR, Y, 5, [EV], Y, NO, Y, UNCLEAR),
    "TRAP. Gmail web list; 2 'possibly once ... may have been lidocaine, don't remember', 9 'yes and no': both to ask.")

add("gmail_android_lines", N.reply(P + "gmail_android_lines", "gmail_android", top=[
    "1 yes", "2 yes", "3 no", "4 7", "5 c", "6 yes", "7 yes", "8 no", "9 yes", "", "Jack"]),
    A(Y, Y, NO, 7, [SE], Y, Y, NO, Y),
    "Gmail for Android, '1 yes' lines (number and answer separated by a space).")

add("gmail_android_all_except", N.reply(P + "gmail_android_all_except", "gmail_android", top=[
    "Yes to all the yes/no questions apart from 2 and 7, which are no.",
    "Confidence 6.", "Barriers: b.", "", "Jack"]),
    A(Y, NO, Y, 6, [EV], Y, NO, Y, Y),
    "Gmail for Android, unusual: 'yes to all the yes/no ones apart from 2 and 7 (no)', confidence and barriers by topic, read as plainly given.")

add("gmail_android_fix4", N.reply(P + "gmail_android_fix4", "gmail_android", top=[
    "1. Yes", "2. No", "3. Yes", "4. 5", "5. a, b", "6. No", "7. No", "8. Yes", "9. Yes", "",
    "Sorry – 4 should be 7, typed the wrong key", "", "Jack"]),
    A(Y, NO, Y, 7, [EX, EV], NO, NO, Y, Y),
    "Gmail for Android, list with a correction line below it: 4 is 7, not 5.")

add("gmail_ios_dashes", N.reply(P + "gmail_ios_dashes", "gmail_ios", top=[
    "1 – yes", "2 – no", "3 – yes", "4 – 8", "5 – b", "6 – yes", "7 – no", "8 – no", "9 – yes",
    "10 – Best of luck with the write-up.", "", "Jack"]),
    A(Y, NO, Y, 8, [EV], Y, NO, NO, Y, comment="Best of luck with the write-up."),
    "Gmail for iOS, '1 – yes' with en dashes and a comment at 10.")

add("gmail_ios_words", N.reply(P + "gmail_ios_words", "gmail_ios", top=[
    "1. Yes", "2. No", "3. Yes", "4. 6", "5. Lack of evidence and the side effects", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "J"]),
    A(Y, NO, Y, 6, [EV, SE], Y, NO, Y, Y),
    "Gmail for iOS, numbered list with the barriers named in words.")

# ====================================================================== Apple (7)
add("iphone_short", C.iphone(P + "iphone_short", ["1 Yes", "2 No", "3 Yes", "4 7", "5 b", "6 No", "7 No", "8 Yes", "9 Yes", "", "Jack"]),
    A(Y, NO, Y, 7, [EV], NO, NO, Y, Y),
    "iPhone Mail, '1 Yes' lines.")

add("iphone_other_barrier", C.iphone(P + "iphone_other_barrier", [
    "1. Yes", "2. Yes", "3. Yes", "4. 8",
    "5. e) getting it dispensed by community pharmacies",
    "6. Yes", "7. Yes", "8. No", "9. Yes",
    "10. Pharmacy access is the real issue for us, not prescribing.", "", "Jack"]),
    A(Y, Y, Y, 8, [OT], Y, Y, NO, Y, other="getting it dispensed by community pharmacies",
      comment="Pharmacy access is the real issue for us, not prescribing."),
    "iPhone Mail, numbered list; 5 is e) Other with its text after the letter; comment at 10.")

add("trap_iphone_sortof", C.iphone(P + "trap_iphone_sortof", [
    "1. Yes", "2. No",
    "3. Sort of – we cut the opioid but that was as much about his kidneys",
    "4. 6-7",
    "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, NO, UNCLEAR, UNCLEAR, [EV], Y, NO, Y, Y),
    "TRAP. iPhone Mail list; 3 'sort of' with a mixed reason, 4 a range '6-7': both to ask.")

add("iphone_dictated", C.iphone(P + "iphone_dictated", [
    "One yes. Two no. Three yes. Four seven. Five B and C. Six yes. Seven no. Eight yes. Nine yes.", "", "Jack"]),
    A(Y, NO, Y, 7, [EV, SE], Y, NO, Y, Y),
    "iPhone Mail, unusual: dictated, question numbers and the confidence spelt as words, all on one line.")

add("ipad_list", C.apple(P + "ipad_list", C.iphone_text(["1. Yes", "2. No", "3. No", "4. 3", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"], "Sent from my iPad"),
    C.iphone_html(["1. Yes", "2. No", "3. No", "4. 3", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"], "Sent from my iPad"),
    mailer="iPad Mail (23B85)"),
    A(Y, NO, NO, 3, [EX], NO, NO, Y, Y),
    "iPad Mail, numbered list.")

add("apple_mac_rich", N.apple_mac(P + "apple_mac_rich", [
    "Asha,", "",
    "1. Yes", "2. Yes", "3. Yes", "4. 9", "5. None", "6. Yes", "7. Yes", "8. No", "9. Yes",
    "10. We've used it for about a decade; the main thing is good ward nursing familiarity.", "", "Jack"]),
    A(Y, Y, Y, 9, [NB], Y, Y, NO, Y, comment="We've used it for about a decade; the main thing is good ward nursing familiarity."),
    "Apple Mail on macOS (rich), numbered list; 5 'None' is d) No barriers; comment at 10.")

_long = ("10. One thing I'd flag: we see a lot of variation in what the district nurses are comfortable "
         "with once a patient goes home on ketamine, and most of our difficulties have come from that handover "
         "rather than from the prescribing itself. A short regional leaflet for community teams would go a long way.")
add("apple_mac_plain_evening", N.apple_mac_plain(P + "apple_mac_plain_evening", N.apple_mac_text([
    "Hi Asha,", "",
    "Finally got to this after the children were in bed.", "",
    "1. Yes",
    "2. No",
    "3. Yes",
    "4. 7",
    "5. c",
    "6. Yes",
    "7. No",
    "8. Yes",
    "9. Yes",
    _long, "",
    "All best,", "Jack"]), date=at(2026, 12, 18, 21, 37, 12)),
    A(Y, NO, Y, 7, [SE], Y, NO, Y, Y, comment=_long[4:]),
    "Apple Mail on macOS, plain text format=flowed DelSp=yes, evening (21:37), a long comment at 10 soft-broken by flowed: read as one line.")

# ====================================================================== others (5)
_tb = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b, c", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
       10: "Thanks for organising this."}
add("thunderbird_bottom", C.thunderbird_flowed(P + "thunderbird_bottom",
    WROTE_TB + "\n" + text_inline(answers=_tb) + "\n\n-- \nJack Clarke\nNorth Hospice\n"),
    A(Y, NO, Y, 6, [EV, SE], Y, Y, Y, Y, comment="Thanks for organising this."),
    "Thunderbird format=flowed text only, bottom-posting: answers below each quoted Answer:, comment under 10, signature after '-- '.")

add("trap_tb_draft", N.reply(P + "trap_tb_draft", "tb115", top=[
    "1. Yes", "2. Yes", "3. No",
    "4. Depends on the indication – 8 for neuropathic pain, 3 for anything else",
    "5. a",
    "6. There's one in draft with governance – does that count?",
    "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, Y, NO, UNCLEAR, [EX], UNCLEAR, NO, Y, Y),
    "TRAP. Thunderbird HTML list; confidence two numbers by indication, 6 a draft protocol with a question back: both to ask.")

add("samsung_list", N.reply(P + "samsung_list", "samsung", top=[
    "1. Yes", "2. No", "3. Yes", "4. 5", "5. a, b, c", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, NO, Y, 5, [EX, EV, SE], NO, NO, Y, Y),
    "Samsung Email (base64), numbered list, three barriers.")

add("trap_samsung_team", N.reply(P + "trap_samsung_team", "samsung", top=[
    "1. Our team has, yes – I was on leave for the two cases",
    "2. No", "3. No", "4. 4",
    "5. d, though b if I'm honest",
    "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(UNCLEAR, NO, NO, 4, UNCLEAR, Y, NO, Y, Y),
    "TRAP. Samsung Email list; 1 is what his team did while he was away (not him), 5 gives No barriers then b: both to ask.")

add("yahoo_list", C.yahoo(P + "yahoo_list", [
    "1. yes", "2. no", "3. yes", "4. 7", "5. b", "6. yes", "7. no", "8. no", "9. yes",
    "10. I work part-time across two hospices so my answers for 6 and 7 are for the larger one.", "", "Jack"]),
    A(Y, NO, Y, 7, [EV], Y, NO, NO, Y, comment="I work part-time across two hospices so my answers for 6 and 7 are for the larger one."),
    "Yahoo Mail, numbered list with a comment at 10 explaining which service 6 and 7 describe.")
