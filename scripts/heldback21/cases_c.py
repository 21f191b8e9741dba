"""Misspellings and not-applicable; format=flowed; a secretary on the
doctor's behalf; what must not be guessed; other forms of real clients."""
from lib import *
from cases_b import gmail_top, apple_iphone, iphone_html

# ===================== J. misspellings; NA is never no =====================

lines = ["1. yess", "2. noo", "3. yse", "4. 7", "5. lack of evidance, side efects", "6. Yes", "7. nope", "8. Yess please", "9. Yes"]
case("heldback21_misspellings_gmail", gmail_top("j1", lines, sign=("Jack",)), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="everyday misspellings of yes and no, and option labels one letter off ('evidance', 'side efects')")

ans = {1: "Yws", 2: "No", 3: "Yes", 4: "5", 5: "Lack of expertice, side affects", 6: "Noo", 7: "No", 8: "Ys", 9: "Yes"}
text = "Answers inline.\n\nJack\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(answers=ans) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto"><div>Answers inline.</div><div><br></div><div>Jack</div>'
        '<div><br><blockquote type="cite">' + esc(WROTE_APPLE) + '<br><br></blockquote></div><blockquote type="cite"><div>'
        + html_split(answers_after=ans) + '</div></blockquote></body></html>')
case("heldback21_misspellings_apple_inline", apple_iphone("j2", text, html, mailer="Apple Mail (2.3826.300.87.4.3)"), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(5),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(False), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="Apple Mail inline: 'Yws', 'Ys', 'Noo', and labels 'expertice', 'side affects' one letter off")

lines = ["1. N/A - I'm a GP trainee, not prescribing", "2. n/a", "3. NA", "4. NA", "5. n/a", "6. Yes", "7. No", "8. Yes", "9. Yes"]
case("heldback21_na_never_no_gmail", gmail_top("j3", lines, sign=("Thanks", "Jack")), {
    "end_of_life": UNCLEAR, "early_adjuvant": UNCLEAR, "opioid_sparing": UNCLEAR, "confidence": UNCLEAR,
    "barriers": UNCLEAR, "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="N/A, n/a and NA are not applicable, never 'no' (one letter from 'no'); this survey has no not-applicable answer, so unclear")

ans = {1: "NA", 2: "Na", 3: "N/A (I've retired from clinical practice)", 4: "n/a", 5: "N.A.", 6: "No", 7: "No", 8: "No", 9: "Yes"}
case("heldback21_na_variants_outlook", outlook_desktop(
    "j4", ["Most of these don\u2019t apply to me any more, answers below.".replace("\u2019", "&#8217;"), "&nbsp;", "Jack"],
    word_original(on_answer={q: f" <span style='color:#C00000'>{esc(a)}</span>" for q, a in ans.items()}),
    "Most of these don\u2019t apply to me any more, answers below.\n\nJack", flat_text(on_answer=ans)), {
    "end_of_life": UNCLEAR, "early_adjuvant": UNCLEAR, "opioid_sparing": UNCLEAR, "confidence": UNCLEAR,
    "barriers": UNCLEAR, "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(False),
    "research": ok(True)},
    note="NA, N/A, n/a, N.A. and 'Na' (not applicable or 'nah'? a careful reader cannot tell) are never no")

# ===================== K. format=flowed =====================

top = ["1. yes", "2. no", "3. yes", "4. 8", "5. b, c", "6. yes", "7. no", "8. yes", "9. yes",
       "10. We use ketamine more than we did five years ago, mainly for neuropathic and incident pain in the hospice; "
       "\x014 of the 6 consultants are comfortable starting it without advice."]
text = "\n".join(top) + "\n\nJack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
body = leaf("text/plain; charset=UTF-8; format=flowed", flow(text), cte="8bit")
case("heldback21_flowed_comment_number_continuation", message("k1", ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"], body,
     subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True), "comments": ok(top[9][4:].replace("\x01", ""))},
    note="Thunderbird format=flowed: the long comment is soft-wrapped; its continuation starting '4 of the 6' is not an answer to question 4")

top = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. a, e - the cost of the drug and the paperwork needed to get it through our formulary committee",
       "6. No", "7. No", "8. Yes", "9. Yes",
       "10. I would be very happy to help draft a regional protocol if the audit group thinks that would be useful for smaller units."]
text = "\n".join(top) + "\n\nJack\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
body = leaf("text/plain; charset=utf-8; format=flowed; delsp=yes", flow(text, delsp=True), cte="quoted-printable")
case("heldback21_flowed_delsp_apple_mail", message("k2", ["X-Mailer: Apple Mail (2.3826.300.87.4.3)"], body, subject="Re: " + SUBJECT,
     mime_version="1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))"), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["expertise", "other"], "the cost of the drug and the paperwork needed to get it through our formulary committee"),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True),
    "comments": ok(top[9][4:])},
    note="Apple Mail format=flowed; delsp=yes, quoted-printable: soft breaks carry an added space that unwrapping deletes; the 'other' text and the comment are read whole")

ans = {1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "a", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
       10: "It was first introduced here by a consultant who left us about \x0110 years ago and nobody has updated the protocol since, "
           "which worries me."}
text = "Answers inline, Jack\n\n" + WROTE_TB + "\n" + text_inline(answers=ans) + "\n"
body = leaf("text/plain; charset=UTF-8; format=flowed", flow(text), cte="7bit")
case("heldback21_flowed_inline_quoted_wrap", message("k3", ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"], body,
     subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(7),
    "barriers": ok(["expertise"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(True),
    "research": ok(True), "comments": ok(ans[10].replace("\x01", ""))},
    note="Thunderbird flowed, answers below the quoted Answer: lines, quoted lines soft-wrapped too; the comment's continuation is not a new answer")

# ===================== L. a secretary on the doctor's behalf =====================

top = ["1. Yes", "2. No", "3. Yes", "4. 7", "5. a and c", "6. Yes", "7. No", "8. Yes", "9. Yes"]
ttext = ("Dear Survey Team,\n\nDr Clarke has asked me to send his answers to your survey as he is on annual leave this week:\n\n"
         + "\n".join(top) + "\n\nKind regards\n\nLinda Hughes\nPA to Dr Jack Clarke, Consultant in Palliative Medicine\nNorth Hospice | Tel 01632 960 441")
paras = ["Dear Survey Team,", "&nbsp;", "Dr Clarke has asked me to send his answers to your survey as he is on annual leave this week:", "&nbsp;"] + \
        [esc(l) for l in top] + ["&nbsp;", "Kind regards", "&nbsp;", "Linda Hughes",
                                 "PA to Dr Jack Clarke, Consultant in Palliative Medicine", "North Hospice | Tel 01632 960 441"]
case("heldback21_secretary_own_address_outlook", outlook_desktop(
    "l1", paras, word_original(), ttext, flat_text(), frm='"Hughes, Linda" <linda.hughes@north-hospice.test>'), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="the doctor's PA replies from her own address with his answers: read the same way (the store holds it for the doctor's confirmation)")

ans = {1: "Dr Clarke says yes", 2: "No", 3: "Yes", 4: "7 (he wrote 7 but it could be a 1, his writing is hard to read)", 5: "b",
       6: "No", 7: "No", 8: "Yes", 9: "Yes"}
ttext = "Typed up from Dr Clarke's handwritten notes on the printed survey.\n\nLinda (PA to Dr Clarke)"
case("heldback21_secretary_sent_on_behalf_exchange", outlook_desktop(
    "l2", ["Typed up from Dr Clarke&#8217;s handwritten notes on the printed survey.".replace("&#8217;", "'"), "&nbsp;", "Linda (PA to Dr Clarke)"],
    word_original(below_answer={q: f"<span style='color:#2F5597'>{esc(a)}</span>" for q, a in ans.items()}),
    ttext, flat_text(below_answer=ans), frm='"Clarke, Jack" <jack.clarke@north-hospice.test>',
    extra_headers=['Sender: "Hughes, Linda" <linda.hughes@north-hospice.test>']), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": UNCLEAR,
    "barriers": ok(["evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="Exchange 'sent on behalf of' (Sender: the PA); her transcription 'could be a 1' makes confidence unclear, 'Dr Clarke says yes' is yes")

# ===================== M. what must not be guessed =====================

lines = ["1. Possibly - can't remember", "2. Yes (I think?)", "3. yes", "4. 6-7", "5. probably a",
         "6. Not sure, will check with pharmacy", "7. no", "8. yes", "9. yes"]
case("heldback21_trap_hedges_and_range", gmail_top("m1", lines, sign=("Jack",)), {
    "end_of_life": UNCLEAR, "early_adjuvant": UNCLEAR, "opioid_sparing": ok(True), "confidence": UNCLEAR,
    "barriers": UNCLEAR, "written_protocol": UNCLEAR, "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="trap: hedges ('possibly', 'I think?', 'probably', 'not sure') and a range (6-7) stay unclear")

top = ["1. Yes", "2. No", "3. yes/no", "4. 5", "5. c", "6. Yes", "7. No", "8. Yes", "9. Yes"]
text = ("\n".join(top) + "\n\nWe don't have a written protocol as such, just an informal understanding with pharmacy.\n\nJack\n\n"
        + WROTE_GMAIL + "\n" + text_inline(answers={4: "7"}) + "\n")
html = ('<div dir="ltr">' + "".join(f"<div>{esc(l)}</div>" for l in top) +
        "<div><br></div><div>We don't have a written protocol as such, just an informal understanding with pharmacy.</div><div><br></div><div>Jack</div></div><br>"
        + gmail_quote_html(html_split(answers_after={4: "7"}, open_tag='<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">',
                                      close_tag="</blockquote>")))
case("heldback21_trap_contradictions", gmail("m2", text, html), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": UNCLEAR, "confidence": UNCLEAR,
    "barriers": ok(["side_effects"]), "written_protocol": UNCLEAR, "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="trap: '6. Yes' then 'we don't have a written protocol' with no word of correction, 4 at the top and 7 inline, 'yes/no': contradictions are asked about")

top = ["Ketamine: yes", "Opioids - yes", "Service: no", "Confidence: 7", "Barriers: lack", "Training: yes", "Research: yes"]
text = "\n".join(top) + "\n\nJack\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("heldback21_trap_ambiguous_labels_iphone", apple_iphone("m3", text, iphone_html(top)), {
    "confidence": ok(7), "barriers": UNCLEAR, "training": ok(True), "research": ok(True)},
    note="trap: labels that fit several questions ('Ketamine', 'Opioids', 'Service') are not placed; 'lack' fits two options (expertise, evidence): unclear")

lines = ["1. yes", "2. no", "3. yes", "4. 7 or 8", "5. other", "6. yes and no - depends which site", "7. no", "8. yes", "9. yes"]
text = "\n".join(lines) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case("heldback21_trap_either_or_thunderbird", message("m4", ["User-Agent: Mozilla Thunderbird"],
     leaf("text/plain; charset=UTF-8; format=flowed", flow(text), cte="7bit"), subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": UNCLEAR,
    "barriers": ok(["other"]), "written_protocol": UNCLEAR, "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="trap: '7 or 8' and 'yes and no - depends which site' are unclear; 'other' alone chooses other without text")

# ===================== N. other forms of real clients =====================

lines = ["1 \u2705", "2 \u274c", "3 \u2705", "4 6", "5 b", "6 \u274c", "7 \u274c", "8 \u2705", "9 \u2705"]
text = "\n".join(lines) + "\n\nSent from my iPhone\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("heldback21_emoji_ticks_iphone", apple_iphone("n1", text, iphone_html(lines)), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="iPhone: a green tick emoji for yes, a cross emoji for no")

ans = {1: "Yes \u2013 it\u2019s our second-line option", 2: "No", 3: "Yes", 4: "8", 5: "b \u2013 \u201cevidence\u201d is thin", 6: "Yes",
       7: "No", 8: "Yes", 9: "Yes", 10: "Our pharmacist\u2019s view: \u201cketamine is under-used\u201d."}
text = "Answers below \u2013 Jack\n\n-----Original Message-----\n" + OUTLOOK_FROM_TEXT + "\n" + text_inline(on_line=ans, prefix="") + "\n"
case("heldback21_windows1252_quotes_outlook", message("n2", ["X-Mailer: Microsoft Outlook 16.0"],
     leaf('text/plain; charset="windows-1252"', text, charset="windows-1252"), crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["evidence"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True), "comments": ok("Our pharmacist\u2019s view: \u201cketamine is under-used\u201d.")},
    note="Outlook windows-1252 quoted-printable with smart quotes and en dashes; the reason after an en dash is not part of the answer")

html = ('<div dir="auto"><div dir="auto">1 yes</div><div dir="auto">2 yes</div><div dir="auto">3 yes</div><div dir="auto">4 9</div>'
        '<div dir="auto">5 d</div><div dir="auto">6 yes</div><div dir="auto">7 yes</div><div dir="auto">8 no</div><div dir="auto">9 yes</div>'
        '<div dir="auto"><br></div><div dir="auto">Jack</div></div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        'On Mon, Jan 5, 2026, 09:00 Regional Palliative Care Audit Group &lt;<a href="mailto:survey@survey.test">survey@survey.test</a>&gt; wrote:<br></div>'
        '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">' + INV_HTML_BODY + '</blockquote></div>')
text = ("1 yes\n2 yes\n3 yes\n4 9\n5 d\n6 yes\n7 yes\n8 no\n9 yes\n\nJack\n\nOn Mon, Jan 5, 2026, 09:00 Regional Palliative Care Audit Group <\n"
        "survey@survey.test> wrote:\n\n" + quote(INV_TEXT) + "\n")
case("heldback21_gmail_android_wrapped_attribution", gmail("n3", text, html), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(9),
    "barriers": ok(["none"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False),
    "research": ok(True)},
    note="Gmail for Android: dir=auto divs, US-style attribution broken inside the address")
