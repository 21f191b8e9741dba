"""The held-back cases of set 21c: replies to the example survey
(invitation-jack.eml) in clients the earlier sets did not use, with
doctors' habits they did not cover. Expected values are what a careful
human reads (see tests/fixtures/heldback21c/README.md)."""
from clients_new import *
import lib

P = "heldback21c_"
Y, N, U = True, False, UNCLEAR
Q9 = ["end_of_life", "early_adjuvant", "opioid_sparing", "confidence", "barriers",
      "written_protocol", "shared_guidance", "training", "research"]
SKIP = object()
A_, B_, C_, D_ = "expertise", "evidence", "side_effects", "none"


def E(*vals, comments=None):
    """Expected answers for questions 1..9 in order (SKIP: none expected);
    a dict is used as is, a (list, text) tuple is an 'other' answer."""
    assert len(vals) == 9, vals
    out = {}
    for qid, v in zip(Q9, vals):
        if v is SKIP:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif isinstance(v, tuple):
            out[qid] = ok(v[0], v[1])
        else:
            out[qid] = ok(v)
    if comments is not None:
        out["comments"] = ok(comments)
    return out


def numbered(*answers, fmt="{n}. {a}"):
    return [fmt.format(n=i + 1, a=a) for i, a in enumerate(answers)]


SEC = '"Sarah Dunn" <sarah.dunn@north-hospice.test>'

# ======================= dictated (voice typing) =======================
case(P + "dictated_number_words_samsung", reply("d1", "samsung", top=[
    "Number one yes number two no number three yes number four 7 number five A and C number six yes number seven no number eight yes number nine yes",
    "", "Dictated on my phone between patients so apologies for the lack of full stops", "Jack"]),
    E(Y, N, Y, 7, [A_, C_], Y, N, Y, Y),
    note="Samsung Email, voice typing: 'Number one yes number two no ... number five A and C ...' as one run-on line, each answer after its spoken question number")

case(P + "dictated_homophones_gmail_ios", reply("d2", "gmail_ios", top=[
    "Question one yes. Question to know. Question three yes. Question for six. Question five lack of evidence. Question six yes. Question seven yes. Question eight know. Question nine yes.",
    "", "(Voice typed in the car park, please excuse any odd words)", "", "Jack"]),
    E(Y, N, Y, 6, [B_], Y, Y, N, Y),
    note="Gmail for iOS, dictated with the usual homophones: 'Question to know' is 2 no, 'Question for six' is 4 = 6, 'Question eight know' is 8 no (the doctor says it was voice typed)")

case(P + "dictated_bare_sequence_gmail_ios", reply("d3", "gmail_ios", top=[
    "Yes yes no seven B yes no yes yes", "", "Sent by voice, Jack"]),
    {q: INF(v) for q, v in zip(Q9, [Y, Y, N, 7, [B_], Y, N, Y, Y])},
    note="Gmail for iOS, dictated without question numbers: nine bare answers in order on one line => inferred, to be confirmed")

case(P + "dictated_but_not_read_secretary_groupwise", reply("d4", "groupwise", top=[
    "Dear Dr Rahman,", "",
    "Dr Clarke dictated the following answers to your survey this morning and asked me to send them on.", "",
    "1) Yes", "2) Yes", "3) No", "4) 8", "5) None", "6) Yes", "7) Yes", "8) No", "9) Yes", "",
    "Dictated but not read by Dr J Clarke, Consultant in Palliative Medicine", "",
    "Kind regards", "Sarah Dunn", "Medical Secretary to Dr J Clarke | Ext 4471 | Tel 01632 960 471"],
    frm=SEC),
    E(Y, Y, N, 8, [D_], Y, Y, N, Y),
    note="GroupWise, his secretary from her own address sends his dictated answers ('1) Yes', '5) None' = d); 'Dictated but not read' and an extension number below: read the same way (held for the doctor's confirmation)")

# ======================= secretaries, forwards =======================
case(P + "secretary_pp_typed_into_quote_zimbra", reply("s1", "zimbra", top=[
    "Hello,", "",
    "Dr Clarke is on annual leave this week but filled in a printed copy before he went. I have copied his answers into the questionnaire below.", "",
    "Best wishes,", "Sarah", "p.p. Dr Jack Clarke"],
    on_line={1: "Yes", 2: "No", 3: "No", 4: "5", 5: "a and b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}, split=False, frm=SEC),
    E(Y, N, N, 5, [A_, B_], N, N, Y, Y),
    note="Zimbra, the secretary (own address) copies the doctor's paper answers onto the quoted 'Answer:' lines ('> Answer: Yes' in the text part, coloured inside the quote in HTML)")

DIRECTOR_ID = "<em5c2f1a9e-7b3d-4c2e-9f10-2a6b8c4d1e7f@pc-pnair.north-hospice.test>"
fw_text = ("From \"Priya Nair\" <priya.nair@north-hospice.test>\nTo \"Jack Clarke\" <jack.clarke@north-hospice.test>\n"
           "Date 26/11/2026 08:15:02\nSubject Fwd: " + SUBJECT + "\n\nJack - could you do this one on behalf of the unit? You prescribe more of it than the rest of us.\nThanks, Priya\n\n"
           "------ Forwarded Message ------\nFrom \"Regional Palliative Care Audit Group\" <survey@survey.test>\nTo \"Jack Clarke\" <jack.clarke@north-hospice.test>\n"
           "Date 26/11/2026 00:48:48\nSubject " + SUBJECT + "\n\n" + INV_TEXT)
fw_html = ('<div>Jack - could you do this one on behalf of the unit? You prescribe more of it than the rest of us.</div><div>Thanks, Priya</div><div><br /></div>'
           '<div>------ Forwarded Message ------</div><div>From "Regional Palliative Care Audit Group" &lt;survey@survey.test&gt;</div>'
           f'<div>Date 26/11/2026 00:48:48</div><div>Subject {esc(SUBJECT)}</div><div><br /></div>' + INV_HTML_BODY)
case(P + "forwarded_by_colleague_answered_top_emclient", reply("f1", "emclient", top=numbered("Yes", "No", "Yes", "6", "b", "No", "No", "Yes", "Yes") + ["", "Jack"],
                                                                  quote_text=fw_text, quote_html=fw_html, subject="Re: Fwd: " + SUBJECT,
                                                                  attr_text="------ Original Message ------\n", in_reply_to=DIRECTOR_ID,
                                                                  references=INV_ID + " " + DIRECTOR_ID,
                                                                  attr_html='<div><br /></div><div>------ Original Message ------</div><div>From "Priya Nair" &lt;priya.nair@north-hospice.test&gt;</div><div><br /></div>'),
    E(Y, N, Y, 6, [B_], N, N, Y, Y),
    note="eM Client, 'Re: Fwd:': his clinical director forwarded the invitation with a note, he answers on top of that thread (In-Reply-To her message, the invitation in References)")

case(P + "forwarded_from_personal_account_proton", reply("f2", "proton", top=[
    "Hello,", "",
    "Answers to your survey below - sending from my home account as the work one keeps timing out on the VPN.", "",
    "Q1 yes", "Q2 yes", "Q3 yes", "Q4 9", "Q5 c", "Q6 yes", "Q7 no", "Q8 no", "Q9 yes", "",
    "Jack Clarke", "North Hospice"],
    frm='"Jack Clarke" <jclarke.home@proton.me>', to="survey@survey.test", subject="Fwd: " + SUBJECT,
    attr_text=f"------- Forwarded Message -------\nFrom: {FROM_SURVEY}\nDate: On Thursday, 26 November 2026 at 00:48\nSubject: {SUBJECT}\nTo: Jack Clarke <{DOC_ADDR}>\n",
    attr_html=('<div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div><div class="protonmail_quote">------- Forwarded Message -------<br>'
               f'From: Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>Date: On Thursday, 26 November 2026 at 00:48<br>Subject: {esc(SUBJECT)}<br>'
               f'To: Jack Clarke &lt;{DOC_ADDR}&gt;<br><br>')),
    E(Y, Y, Y, 9, [C_], Y, N, N, Y),
    note="Proton Mail, from his personal address (another sender: held for confirmation), forwarded to the plain survey address with 'Q1 yes' lines on top")

# ======================= answers typed into the quoted questionnaire =======================
case(P + "typed_on_quoted_answer_lines_alpine", reply("t1", "alpine", top=["Answers in the questionnaire below.", "", "JC"],
                                                       on_line={1: "yes", 2: "no", 3: "yes", 4: "4", 5: "a, b, c", 6: "no", 7: "no", 8: "yes", 9: "yes"}),
    E(Y, N, Y, 4, [A_, B_, C_], N, N, Y, Y),
    note="Alpine (format=flowed): the doctor edited the quoted lines themselves, '> Answer: yes'")

trim = "\n".join([
    "> 1. Have you used ketamine to control intractable pain in end-of-life", ">    situations, in addition to strong opioids?", "", "No.", "",
    "> 2. Have you used ketamine as an adjuvant with opioids in the early", ">    stages of pain relief?", "", "No.", "",
    "> 3. Have you used ketamine to enable a reduction of the opioid dose", ">    because of opioid side effects?", "", "Yes, once.", "",
    "> 4. How confident are you in prescribing ketamine? (0 = not at all", ">    confident, 10 = fully confident)", "", "6", "",
    "> 5. Which barriers, if any, limit your use of ketamine? (choose all that", ">    apply, or d alone)", "", "Evidence.", "",
    "> 6. Does your service have a written protocol for the use of ketamine?", "", "Yes.", "",
    "> 7. Has your service developed shared guidance on ketamine for community", ">    services?", "", "No.", "",
    "> 8. Would you benefit from further training and education in the use of", ">    ketamine?", "", "Yes.", "",
    "> 9. Do you feel further research into the use of ketamine is needed?", "", "Yes.", "",
    "> 10. Any other comments? (optional)", "", "Only that the pain team here do most of the ketamine work.", "",
    "-- ", "Jack Clarke", "Consultant in Palliative Medicine, North Hospice"])
case(P + "trimmed_quote_answers_below_questions_mutt", reply("t2", "mutt", quote_text=trim),
     E(N, N, Y, 6, [B_], Y, N, Y, Y, comments="Only that the pain team here do most of the ketamine work."),
     note="Mutt, bottom-posted: the quote trimmed to the questions alone (options and Answer: lines deleted), each answer unquoted below its question; 'Yes, once.' to a 'have you' question")

case(P + "options_marked_with_arrows_tb115", reply("t3", "tb115", top=["Hi, answers in the quote.", "", "Jack"],
                                                   on_line={1: "Yes", 2: "Yes", 3: "No", 4: "7", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"},
                                                   after_option={(5, "b"): "<-- this", (5, "c"): "<-- and this"}, split=False),
     E(Y, Y, N, 7, [B_, C_], Y, N, Y, Y),
     note="Thunderbird 115 HTML (+ flowed text): answers typed inside the quote on the Answer: lines; the barriers marked by arrows after options b) and c), its Answer: left empty")

case(P + "answer_lines_in_unquoted_original_emclient", reply("t4", "emclient", top=["My answers are in the original below.", "", "Jack"],
                                                             on_line={1: "No", 2: "No", 3: "No", 4: "0", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "No"}, split=False),
     E(N, N, N, 0, [A_], N, N, Y, N),
     note="eM Client: the original unquoted below its '------ Original Message ------' block, answers typed after each 'Answer:' (coloured in HTML); 4 is 0, the scale's lowest")

case(P + "after_question_text_outlook_mac", reply("t5", "outlook_mac", top=["Dear Asha,", "", "I've typed my answers after each question below.", "", "Jack"],
                                                 after_question={1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}),
     E(Y, Y, Y, 8, [D_], Y, Y, N, Y),
     note="Outlook for Mac 16 HTML: answers typed in colour after each question's own text inside the Word original (Answer: lines empty); its text part has them at the end of each question's last line")

case(P + "inline_split_quote_gmail_ios", reply("t6", "gmail_ios", top=["Inline 👇"],
                                               answers={1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "c - the dysphoria puts patients off", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}),
     E(Y, N, Y, 7, [C_], Y, N, Y, Y),
     note="Gmail for iOS, answers below each quoted Answer: (the quote split); 5 a letter with its reason after a dash")

case(P + "answers_in_unquoted_original_groupwise", reply("t7", "groupwise", top=["See below.", "", "J Clarke"],
                                                         on_line={1: "Y", 2: "N", 3: "Y", 4: "3", 5: "A", 6: "N", 7: "N", 8: "Y", 9: "Y"}, split=False),
     E(Y, N, Y, 3, [A_], N, N, Y, Y),
     note="GroupWise: '>>> ... >>>' header then the original unquoted; answers as single letters after each 'Answer:'")

# ======================= numbering habits =======================
case(P + "roman_numerals_fastmail", reply("n1", "fastmail", top=["Dear Dr Rahman,", "", "i. Yes", "ii. Yes", "iii. No", "iv. 7", "v. a, c", "vi. Yes", "vii. No", "viii. No", "ix. Yes", "",
                                                                 "Kind regards,", "Jack Clarke"]),
     E(Y, Y, N, 7, [A_, C_], Y, N, N, Y),
     note="Fastmail: questions numbered with roman numerals i..ix")

case(P + "ordinal_words_spark", reply("n2", "spark", top=["First: yes", "Second: yes", "Third: no", "Fourth: 5", "Fifth: a and b", "Sixth: no", "Seventh: no", "Eighth: yes", "Ninth: yes", "",
                                                          "Jack"]),
     E(Y, Y, N, 5, [A_, B_], N, N, Y, Y),
     note="Spark: answers labelled by ordinal words, 'First: yes' .. 'Ninth: yes'")

case(P + "q_paren_with_counts_mailspring", reply("n3", "mailspring", top=["Q1) Yes (2 patients)", "Q2) No", "Q3) Yes (1 patient)", "Q4) 7", "Q5) b", "Q6) Yes", "Q7) No",
                                                                         "Q8) Yes", "Q9) Yes", "", "JC"]),
     E(Y, N, Y, 7, [B_], Y, N, Y, Y),
     note="Mailspring: 'Q1) Yes (2 patients)': question codes with a parenthesis, counts in brackets after the answer")

case(P + "hash_numbers_superhuman", reply("n4", "superhuman", top=["#1: yes", "#2: yes", "#3: no", "#4: 9", "#5: d", "#6: yes", "#7: yes", "#8: no", "#9: no", "", "Jack"]),
     E(Y, Y, N, 9, [D_], Y, Y, N, N),
     note="Superhuman: '#1: yes' .. '#9: no'")

case(P + "prose_numbers_before_list_alpine", reply("n5", "alpine", top=[
    "Asha,", "",
    "Some context first, since the questions are a bit black and white.",
    "3 of our 5 consultants use it regularly; 2 never do.",
    "10 or so patients a year get it from us, mostly on the ward.", "",
    "Answers:", "1 Yes", "2 No", "3 No", "4 7", "5 a", "6 Yes", "7 No", "8 Yes", "9 Yes", "", "Jack"]),
    E(Y, N, N, 7, [A_], Y, N, Y, Y),
    note="Alpine: context lines starting with numbers ('3 of our 5 consultants ...', '10 or so patients ...') before the answer list: not answers, and no comment")

# ======================= words =======================
case(P + "auxiliary_short_answers_mailspring", reply("w1", "mailspring", top=numbered("I have", "I haven't", "I have, a few times", "6", "a", "We do", "We don't", "I would", "I do")
                                                     + ["", "Jack"]),
     E(Y, N, Y, 6, [A_], Y, N, Y, Y),
     note="Mailspring: short answers with the question's own verb ('I have', 'I haven't', 'We do', 'We don't', 'I would', 'I do')")

case(P + "emphatic_words_airmail", reply("w2", "airmail", top=numbered("Absolutely", "Definitely not", "Certainly", "8", "Nil", "Indeed", "Not at all", "Very much so", "Without doubt")),
     E(Y, N, Y, 8, [D_], Y, N, Y, Y),
     note="Airmail: 'Absolutely', 'Definitely not', 'Certainly', 'Indeed', 'Not at all', 'Very much so', 'Without doubt'; 'Nil' (clinical shorthand) for the barriers is d) No barriers")

case(P + "ditto_same_as_tb115", reply("w3", "tb115", top=numbered("Yes", "Same as 1", "Ditto", "7", "b, c", "Yes", "As for 6", "No", "Yes") + ["", "Jack"]),
     E(Y, Y, Y, 7, [B_, C_], Y, Y, N, Y),
     note="Thunderbird 115 HTML: 'Same as 1', 'Ditto', 'As for 6' refer to the answer above")

case(P + "punctuation_smileys_samsung", reply("w4", "samsung", top=numbered("YES!!", "no.", "Yes :)", "7/10", "b!", "yes", "Yes.", "yes please", "YES") + ["", "Jack"]),
     E(Y, N, Y, 7, [B_], Y, Y, Y, Y),
     note="Samsung Email: capitals, exclamation marks, a smiley, '7/10', 'yes please'")

case(P + "topic_labels_reordered_fastmail", reply("w5", "fastmail", top=[
    "Protocol - yes", "Community guidance - doesn't apply, we have no community team", "Training - yes", "Research - yes",
    "End of life - yes", "Early pain - no", "Opioid reduction - yes", "Confidence - 6/10", "Barriers - evidence and side effects", "", "Jack"]),
    E(Y, N, Y, 6, [B_, C_], Y, U, Y, Y),
    note="Fastmail: answers labelled by topic in another order than the questions; 'doesn't apply' for 7 in a survey without 'not applicable' is unclear")

case(P + "footnote_asterisks_outlook_mac", reply("w6", "outlook_mac", top=numbered("Yes", "No", "Yes*", "6**", "a, b", "No", "No", "Yes", "Yes")
                                                 + ["", "* once only, on the pain team's advice", "** higher for end-of-life use than for anything earlier", "", "Jack"]),
     E(Y, N, Y, 6, [A_, B_], N, N, Y, Y),
     note="Outlook for Mac 16: footnote asterisks after answers ('Yes*', '6**') explained below the list")

# ======================= reasons =======================
case(P + "reasons_doses_and_words_superhuman", reply("r1", "superhuman", top=[
    "1. Yes - usually 50-150 mg/24 h s/c alongside the morphine driver, never on its own",
    "2. No, not in the early stages; only once the opioid has failed",
    "3. Yes (twice, both times to get the oxycodone down from 120 mg a day)",
    "4. 6 - would be 8 if we had a protocol",
    "5. b - and a bit of c",
    "6. No, although the acute trust has one",
    "7. No",
    "8. Yes, definitely - no formal teaching since my registrar days",
    "9. Yes. 3 RCTs so far, all small", "", "Jack"]),
    E(Y, N, Y, 6, U, N, N, Y, Y),
    note="Superhuman: every answer followed by a reason holding doses, numbers, negations and 'yes'; 5 'b - and a bit of c' adds another option in its 'reason': unclear")

case(P + "reasons_because_gmail_ios", reply("r2", "gmail_ios", top=[
    "1. Yes because the opioids alone weren't touching it", "2. Yes as part of our neuropathic pain pathway",
    "3. No because I'd switch opioid first", "4. 5 because I still check every dose with pharmacy",
    "5. a and c because I've seen two patients with nasty dissociative symptoms",
    "6. Yes but it is out of date (2019)", "7. No but it's on the agenda for the spring", "8. Yes", "9. Yes because the evidence is so thin", "", "Jack"]),
    E(Y, Y, N, 5, [A_, C_], Y, N, Y, Y),
    note="Gmail for iOS: 'because', 'as', 'but' reasons after each answer, without a dash")

# ======================= corrections =======================
case(P + "correction_later_paragraph_outlook_mac", reply("c1", "outlook_mac", top=numbered("Yes", "No", "No", "7", "b", "Yes", "Yes", "Yes", "Yes") + [
    "", "Having re-read question 3, I should have said yes - I did cut the fentanyl dose for a patient in the summer after starting ketamine.", "", "Best wishes,", "Jack"]),
    E(Y, N, Y, 7, [B_], Y, Y, Y, Y),
    note="Outlook for Mac 16: a later paragraph changes 3 from no to yes ('Having re-read question 3, I should have said yes')")

case(P + "correction_swap_two_answers_zimbra", reply("c2", "zimbra", top=numbered("Yes", "Yes", "No", "8", "c", "Yes", "No", "No", "Yes") + [
    "", "Oh - I got 6 and 7 the wrong way round. We have the community guidance, but no protocol of our own yet.", "", "Jack"]),
    E(Y, Y, N, 8, [C_], N, Y, N, Y),
    note="Zimbra: 'I got 6 and 7 the wrong way round' with the facts in words: 6 becomes no, 7 yes")

case(P + "correction_downgrade_confidence_emclient", reply("c3", "emclient", top=numbered("No", "No", "No", "8", "a", "No", "No", "Yes", "Yes") + [
    "", "Thinking about it more honestly, I'd downgrade my confidence to 6 - I haven't prescribed it for over a year.", "", "Jack"]),
    E(N, N, N, 6, [A_], N, N, Y, Y),
    note="eM Client: 'I'd downgrade my confidence to 6' below the list replaces 8")

case(P + "correction_within_line_tb115", reply("c4", "tb115", top=numbered("Yes", "Yes", "Yes", "3, no wait, 4", "b", "No", "No", "No (sorry, meant yes)", "Yes") + ["", "Jack"]),
     E(Y, Y, Y, 4, [B_], N, N, Y, Y),
     note="Thunderbird 115: corrections inside the answer itself ('3, no wait, 4'; 'No (sorry, meant yes)')")

PREV_ID = "<3b1f0c2e-5d4a-4e8b-a1c9-7f2e6d3c9b0a@email.android.com>"
prev = ("-------- Original message --------\nFrom: Jack Clarke <jack.clarke@north-hospice.test> \nDate: 27/11/2026 13:02 (GMT+00:00) \n"
        f"To: Regional Palliative Care Audit Group <{REPLY_TO}> \nSubject: RE: {SUBJECT} \n\n"
        "1. Yes\n2. Yes\n3. No\n4. 6\n5. b\n6. Yes\n7. No\n8. No\n9. Yes\n\nSent from my Galaxy\n")
case(P + "followup_correction_only_samsung", reply("c5", "samsung", top=[
    "Sorry, one more thing - for question 8 (training) please change my answer to yes. Everything else stands.", "", "Jack"],
    quote_text=prev, attr_text="", quote_html="<div>" + esc(prev).replace("\n", "<br>") + "</div>", attr_html="<div><br></div>",
    in_reply_to=PREV_ID, references=INV_ID + " " + PREV_ID),
    E(SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, Y, SKIP),
    note="Samsung Email, a second message replying to his own earlier answers: only 8 (training) is answered here, yes; his earlier list is quoted under Samsung's unindented 'Original message' block and does not count (the other eight are missing from this message)")

case(P + "forgotten_answer_below_quote_proton", reply("c6", "proton", top=["Answers inline, Jack"],
                                                      answers={1: "Yes", 2: "Yes", 3: "No", 4: "5", 6: "No", 7: "No", 8: "Yes", 9: "Yes"},
                                                      bottom=["PS forgot 5 - a and b"]),
     E(Y, Y, N, 5, [A_, B_], N, N, Y, Y),
     note="Proton Mail: answers below each quoted Answer:, 5 left empty there and given in a PS below the whole quote ('PS forgot 5 - a and b')")

# ======================= summaries =======================
case(P + "summary_no_first_three_yes_rest_spark", reply("m1", "spark", top=[
    "No to the first three questions - I've never prescribed it myself.", "Confidence: 2", "Barriers: a and b", "Yes to the rest.", "", "Jack"]),
    E(N, N, N, 2, [A_, B_], Y, Y, Y, Y),
    note="Spark: 'No to the first three questions', the scale and choice given apart, 'Yes to the rest' (6-9)")

case(P + "summary_all_yes_except_in_words_fastmail", reply("m2", "fastmail", top=[
    "All yes, except no written protocol and no community guidance yet. Confidence is a 7 and the barriers are b and c.", "", "Jack"]),
    E(Y, Y, Y, 7, [B_, C_], N, N, Y, Y),
    note="Fastmail: 'All yes, except no written protocol and no community guidance yet' (the exceptions by their topics), scale and barriers given in the same sentence")

case(P + "summary_yes_to_everything_trap_gmail_ios", reply("m3", "gmail_ios", top=["Yes to everything - we're big users here!", "", "Jack"]),
     E(Y, Y, Y, U, U, Y, Y, Y, Y),
     note="Gmail for iOS: 'Yes to everything' covers the yes/no questions; the scale (4) and the barriers (5) cannot be answered by yes: unclear")

# ======================= tables =======================
box = ["┌────┬────────┐", "│ Q  │ Answer │", "├────┼────────┤"] + [f"│ {i:<2} │ {a:<6} │" for i, a in
                                                                          enumerate(["Yes", "No", "Yes", "5", "a", "Yes", "No", "Yes", "Yes"], 1)] + ["└────┴────────┘"]
case(P + "box_drawing_table_mailspring", reply("b1", "mailspring", top=["Hi,", "", "Table below (pasted from my notes app):", ""] + box + ["", "Jack"]),
     E(Y, N, Y, 5, [A_], Y, N, Y, Y),
     note="Mailspring: a table drawn with box-drawing characters (│ ┌ ┼), question number and answer per row")

xrows = [("1. End of life", "X", "", ""), ("2. Early adjuvant", "", "X", ""), ("3. Opioid sparing", "", "X", ""), ("4. Confidence (0-10)", "", "", "6"),
         ("5. Barriers", "", "", "a, b"), ("6. Written protocol", "X", "", ""), ("7. Community guidance", "", "X", ""), ("8. Training", "X", "", ""),
         ("9. Research", "X", "", "")]
td = "<td style='border:solid #A6A6A6 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{}<o:p></o:p></p></td>"
xhtml = ('<p class="MsoNormal">Hi Asha, easier for me as a table:<o:p></o:p></p><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse">'
         + "<tr>" + "".join(td.format(f"<b>{c}</b>") for c in ("Question", "Yes", "No", "Other")) + "</tr>"
         + "".join("<tr>" + "".join(td.format(esc(c)) for c in r) + "</tr>" for r in xrows) + '</table><p class="MsoNormal">Jack<o:p></o:p></p>')
xtext = ["Hi Asha, easier for me as a table:", "", "Question\tYes\tNo\tOther"] + ["\t".join(r) for r in xrows] + ["", "Jack"]
case(P + "x_marks_table_outlook_mac", reply("b2", "outlook_mac", top=xtext, top_html=xhtml),
     E(Y, N, N, 6, [A_, B_], Y, N, Y, Y),
     note="Outlook for Mac 16: a Word table with Yes / No columns marked 'X' and an 'Other' column for the scale and barriers; its text part tab-separated")

# ======================= signatures, disclaimers, languages =======================
case(P + "signature_address_no_delimiter_spark", reply("g1", "spark", top=[
    "1 - yes", "2 - no", "3 - no", "4 - 5", "5 - c", "6 - yes", "7 - yes", "8 - yes", "9 - yes",
    "Dr Jack Clarke MBChB FRCP", "Consultant in Palliative Medicine", "North Hospice", "10 Harbour Road", "Northtown NT4 2QS",
    "Tel 01632 960 555 | Mob 07700 900 123", "GMC 4412345"]),
    E(Y, N, N, 5, [C_], Y, Y, Y, Y),
    note="Spark: the signature follows the last answer with no blank line or '-- ', its address line '10 Harbour Road' (not a comment), phone and GMC numbers")

case(P + "disclaimer_charity_number_groupwise", reply("g2", "groupwise", top=[
    "1 Y", "2 Y", "3 N", "4 7", "5 b", "6 N", "7 N", "8 Y", "9 Y", "", "Dr J Clarke", "",
    "North Hospice is a registered charity No. 1098765 and a company limited by guarantee, Company No 04123456.",
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you are not the intended recipient, "
    "please notify the sender and delete it; no liability is accepted for viruses. Please consider the environment before printing this e-mail."]),
    E(Y, Y, N, 7, [B_], N, N, Y, Y),
    note="GroupWise: one-letter answers by number, then a disclaimer with 'registered charity No. 1098765' and 'Company No 04123456' (not answers)")

welsh = ["Bore da,", "", "1. Yes", "2. Yes", "3. Yes", "4. 9", "5. d", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
         "Diolch yn fawr / Many thanks,", "Jack", "", "Dr Jack Clarke",
         "Ymgynghorydd Meddygaeth Liniarol | Consultant in Palliative Medicine", "Ffôn / Tel: 01632 960 218", "",
         "Croesawn ohebiaeth yn Gymraeg. We welcome correspondence in Welsh.",
         "Mae'r neges e-bost hon ac unrhyw atodiadau yn gyfrinachol. This e-mail and any attachments are confidential."]
case(P + "welsh_bilingual_signature_outlook_mac", reply("g3", "outlook_mac", top=welsh),
     E(Y, Y, Y, 9, [D_], Y, Y, N, Y),
     note="Outlook for Mac 16: Welsh greeting and sign-off ('Bore da', 'Diolch yn fawr'), a bilingual signature with a phone number and a bilingual confidentiality line")

case(P + "mixed_language_politeness_proton", reply("g4", "proton", top=[
    "Bonjour Asha,", "", "Merci for the reminder and sorry for the delay!", "",
    "1. No", "2. Yes", "3. No", "4. 3", "5. b + e: cost of the drug", "6. No", "7. No", "8. Yes", "9. Yes", "",
    "Mit besten Grüßen aus dem Hospiz,", "Jack"]),
    E(N, Y, N, 3, ([B_, "other"], "cost of the drug"), N, N, Y, Y),
    note="Proton Mail: French and German politeness around English answers (UTF-8); 5 'b + e: cost of the drug' is evidence and other, specified")

# ======================= bottom-posting =======================
case(P + "bottom_posted_after_full_quote_fastmail", reply("p1", "fastmail", top=[], bottom=numbered("No", "Yes", "Yes", "6", "b", "Yes", "No", "Yes", "Yes") + ["", "Jack"]),
     E(N, Y, Y, 6, [B_], Y, N, Y, Y),
     note="Fastmail: nothing above the quote, the answers typed below the whole quoted invitation")

case(P + "answers_at_bottom_pointer_on_top_airmail", reply("p2", "airmail", top=["Answers at the bottom of this email."],
                                                           bottom=["My answers:", "1 no", "2 yes", "3 yes", "4 6", "5 a+b", "6 yes", "7 no", "8 yes", "9 yes"]),
     E(N, Y, Y, 6, [A_, B_], Y, N, Y, Y),
     note="Airmail: 'Answers at the bottom of this email.' on top, the answers below the quote ('5 a+b')")

# ======================= must not be guessed =======================
case(P + "trap_questions_back_superhuman", reply("x1", "superhuman", top=numbered(
    "Yes", "What counts as the 'early stages'? If it means before a syringe driver then yes.", "No", "6", "a",
    "Do you mean the hospice or the trust? The hospice has one, the trust doesn't.", "No", "Yes", "Yes") + ["", "Jack"]),
    E(Y, U, N, 6, [A_], U, N, Y, Y),
    note="Superhuman: the doctor asks back and answers conditionally (2 'If it means ... then yes'; 6 'the hospice has one, the trust doesn't'): unclear")

case(P + "trap_clinical_query_notation_mutt", reply("x2", "mutt", top=numbered("Y", "Y", "?yes", "6-7", "b", "Y", "N/K", "Y", "Y") + ["", "JC"]),
     E(Y, Y, U, U, [B_], Y, U, Y, Y),
     note="Mutt: clinicians' shorthand: '?yes' (query yes), 'N/K' (not known), '6-7' (a range): unclear")

case(P + "trap_hedges_new_words_proton", reply("x3", "proton", top=numbered("Yes", "I'd lean towards yes", "Can't recall", "5 or 6", "a (and maybe c)", "Yes",
                                                                           "Don't think so", "Possibly", "Yes") + ["", "Jack"]),
     E(Y, U, U, U, U, Y, U, U, Y),
     note="Proton Mail: hedges ('I'd lean towards yes', 'Can't recall', '5 or 6', 'a (and maybe c)', 'Don't think so', 'Possibly'): unclear")

case(P + "trap_summary_contradicts_inline_spark", reply("x4", "spark", top=["Quick answers inline. Short version: I use it a lot, so it's yes for the first three.", "", "Jack"],
                                                        answers={1: "Yes", 2: "No, not early on", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}),
     E(Y, U, Y, 8, [C_], Y, Y, N, Y),
     note="Spark: 'yes for the first three' on top, 'No, not early on' inline under 2, no word of correction either way: 2 unclear")

case(P + "trap_colleague_answers_appended_emclient", reply("x5", "emclient", top=numbered("Yes", "Yes", "Yes", "8", "c", "Yes", "Yes", "No", "Yes") + [
    "", "My colleague Dr Priya Nair asked me to pass on hers too: 1 no, 2 no, 3 no, 4 3, 5 a, 6 yes, 7 yes, 8 yes, 9 yes - she'll reply properly herself.", "", "Jack"]),
    E(Y, Y, Y, 8, [C_], Y, Y, N, Y),
    note="eM Client: a colleague's answers passed on below his own list ('1 no, 2 no, ...') are not his: his list counts")

case(P + "trap_percent_confidence_zimbra", reply("x6", "zimbra", top=numbered("No", "No", "Yes", "70%", "a, b", "Yes", "No", "Yes", "Yes") + ["", "Jack"]),
     E(N, N, Y, U, [A_, B_], Y, N, Y, Y),
     note="Zimbra: '70%' for a 0-10 scale: a careful reader asks")

case(P + "trap_bare_lines_unnumbered_samsung", reply("x7", "samsung", top=["Yes", "No", "Yes", "6", "a", "No", "No", "Yes", "Yes", "", "Jack"]),
     {q: INF(v) for q, v in zip(Q9, [Y, N, Y, 6, [A_], N, N, Y, Y])},
     note="Samsung Email: nine bare answers one per line with no question numbers: in order, but to be confirmed (inferred)")

case(P + "trap_all_of_the_above_airmail", reply("x8", "airmail", top=numbered("Yes", "No", "No", "4", "All of the above", "No", "No", "Yes", "Yes")),
     E(Y, N, N, 4, U, N, N, Y, Y),
     note="Airmail: 'All of the above' for barriers whose options include 'No barriers' (exclusive) and 'Other (please specify)': unclear")

case(P + "trap_conditional_answers_tb115", reply("x9", "tb115", top=numbered(
    "Yes on the ward, never in the community", "Only with the pain team's say-so", "Yes", "7", "b", "The inpatient unit does; community doesn't", "No", "Yes", "Yes") + ["", "Jack"]),
    E(Y, U, Y, 7, [B_], U, N, Y, Y),
    note="Thunderbird 115: 1 'Yes on the ward, never in the community' has used it: yes; 2 'Only with the pain team's say-so' does not say whether he has; 6 split by setting: unclear")
