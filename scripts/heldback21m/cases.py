"""The cases of heldback21m (see tests/fixtures/heldback21m/README.md): 41
replies of Jack Clarke to the invitation, in the forms his mail clients
write them. Helpers of this set only: `vals` (expected answers in question
order), `when` (an explicit Date header) and the Gmail follow-up quoting
his own earlier reply."""
import datetime, email.utils
from lib import *  # noqa: F401,F403
from clients import gmail_top, owa, outlook_mobile, iphone, yahoo, thunderbird_flowed, outlook_text, ORIGINAL_MESSAGE, divs
from clients_new import reply, apple_reply, outlook_win, word_table, word_paras, apple_mac_plain, apple_mac, inv_html, inv_text

P = "heldback21m_"
Y, N = True, False
A, B, C, D, E = "expertise", "evidence", "side_effects", "none", "other"


def vals(*values, comment=None, status=None):
    """Expected answers for questions 1-9 in order (None: not answered; a
    dict: given as is; a tuple (options, text): barriers with 'other'
    text), the comment on 10, all `ok` unless `status` is given."""
    out = {}
    for qid, v in zip(IDS, values):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        elif isinstance(v, tuple):
            out[qid] = ok(list(v[0]), other=v[1])
        else:
            out[qid] = ok(v) if status is None else {"status": status, "value": v}
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def when(day, hh, mm, ss=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


SIG = ["Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice, Moor Lane, Leeds LS17 8QD"]

# ======================= Outlook 365 for Windows =======================

name = P + "numbered_bleep_sig_outlook"
case(name, outlook_win(name, top=["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                                  "Best wishes", "Jack", "", *SIG, "Tel 0113 496 0213 | bleep 447 | GMC 6123456"]),
     vals(Y, N, Y, 6, [B, C], Y, N, Y, Y),
     note="Outlook for Windows: a plain numbered list `1. Yes` on top, then a sign-off and a signature with a postcode, phone, bleep and GMC number.")

name = P + "paren_reasons_doses_outlook"
case(name, outlook_win(name, top=["Asha \u2013 here you go.", "",
                                  "1) Yes \u2013 usually by CSCI, starting around 100 mg/24h",
                                  "2) No \u2013 not until an opioid and the usual adjuvants have had a fair trial",
                                  "3) Yes, twice in 2026, both opioid-toxic on high-dose oxycodone",
                                  "4) 7",
                                  "5) a, b",
                                  "6) Yes (version 3, reviewed in 2025)",
                                  "7) No",
                                  "8) Yes",
                                  "9) Yes \u2013 the trials we have are small and mostly negative",
                                  "", "Jack"]),
     vals(Y, N, Y, 7, [A, B], Y, N, Y, Y),
     note="Outlook for Windows: `1)` list with reasons after a dash or comma holding doses, counts, years and a negation ('not until an opioid ...'); the reasons are not answers.")

name = P + "answer_lines_red_comment_outlook"
case(name, outlook_win(name, top=["Answers below in red.", "", "Jack"], color="#C00000",
                       on_line={1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "B", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                                10: "We would welcome a regional protocol \u2013 happy to help write it."}),
     vals(Y, Y, N, 5, [B], N, N, Y, Y, comment="We would welcome a regional protocol \u2013 happy to help write it."),
     note="Outlook for Windows: answers typed in red on the Answer: lines of the unquoted original below From/Sent, a comment on 10.")

name = P + "below_answer_green_caps_outlook"
case(name, outlook_win(name, top=["See below (green).", "", "J"], color="#00B050",
                       below={1: "YES", 2: "NO", 3: "YES", 4: "8", 5: "B AND C \u2013 DISSOCIATION IS WHAT WORRIES THE WARD STAFF",
                              6: "YES", 7: "YES", 8: "NO", 9: "YES"}),
     vals(Y, N, Y, 8, [B, C], Y, Y, N, Y),
     note="Outlook for Windows: answers in green capitals in their own paragraph below each Answer: of the unquoted original; 'B AND C' with a reason.")

name = P + "word_table_three_columns_outlook"
rows = [("No.", "Topic", "Answer"), ("1", "End-of-life use with opioids", "Yes"), ("2", "Early adjuvant", "No"),
        ("3", "To reduce opioid dose", "Yes"), ("4", "Confidence (0-10)", "7"), ("5", "Barriers", "a and c"),
        ("6", "Written protocol", "Yes"), ("7", "Community guidance", "No"), ("8", "More training", "Yes"), ("9", "More research", "Yes")]
t_html, t_text = word_table(rows, widths=[40, 220, 100])
pre = ["Dear Asha,", "", "I've put my answers in a table \u2013 hope that's easy enough to read.", ""]
post = ["", "Regards,", "Jack"]
case(name, outlook_win(name, top_html=word_paras(pre) + t_html + word_paras(post), top_text="\n".join(pre) + "\n" + t_text + "\n" + "\n".join(post)),
     vals(Y, N, Y, 7, [A, C], Y, N, Y, Y),
     note="Outlook for Windows: a three-column Word table (No., Topic in his words, Answer; tab-separated cells in the text part); 'a and c'.")

name = P + "ps_protocol_found_outlook"
case(name, outlook_win(name, top=["1. Yes", "2. Yes", "3. No", "4. 4", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "",
                                  "Thanks", "Jack", "",
                                  "PS Just found it on the intranet \u2013 we do have a written ketamine protocol (2024), so please make 6 a yes."]),
     vals(Y, Y, N, 4, [A], Y, N, Y, Y),
     note="Outlook for Windows: a list with `6. No`, then a PS below the sign-off changing 6 to yes; the correction wins.")

name = P + "prose_paragraphs_outlook"
case(name, outlook_win(name, top=[
    "Dear Dr Rahman,", "",
    "Thank you for including me. I'll answer in order, if I may, though not quite in the format you asked for.", "",
    "I have used ketamine at the end of life alongside strong opioids, yes \u2013 perhaps a dozen patients over the last five years, "
    "nearly all with neuropathic or incident pain that nothing else touched. I have not used it as an early adjuvant; in my view it "
    "belongs after an opioid has been properly titrated. I have used it to let us bring the opioid dose down in patients with "
    "toxicity, which is probably where I've seen it do most good.", "",
    "On confidence, I'd put myself at 6 out of 10. The barriers for me are the thin evidence and the side effects (b and c).", "",
    "Our service does have a written protocol, but we have not produced any shared guidance for the community teams. I would benefit "
    "from more training, and yes, I think further research is clearly needed.", "",
    "With best wishes,", "", *SIG]),
     vals(Y, N, Y, 6, [B, C], Y, N, Y, Y),
     note="Outlook for Windows: the thorough writer, answers in three prose paragraphs that follow the questions' order and wording, no numbers except '6 out of 10' and '(b and c)'.")

name = P + "ticks_after_options_outlook"
case(name, outlook_win(name, top=["Typed after each question \u2013 barrier ticked.", "", "Jack"], color="#2E75B6",
                       after_question={1: "Y", 2: "Y", 3: "Y", 4: "9", 6: "Y", 7: "Y", 8: "N", 9: "Y"},
                       after_option={(5, "c"): "\u2713"}),
     vals(Y, Y, Y, 9, [C], Y, Y, N, Y),
     note="Outlook for Windows: Y/N and the score typed in blue after each question's own text in the unquoted original; the barrier marked by a tick after option c).")

name = P + "trap_hedged_outlook"
case(name, outlook_win(name, top=["1. Yes", "2. No", "3. No", "4. 6-ish, 7 on a good day", "5. b", "6. Yes",
                                  "7. I think so \u2013 our community lead was drafting something last year, not sure it was ever signed off",
                                  "8. Yes", "9. Yes", "", "Jack"]),
     {**vals(Y, N, N, None, [B], Y, None, Y, Y), "confidence": UNCLEAR, "shared_guidance": UNCLEAR},
     note="TRAP. Outlook for Windows: '6-ish, 7 on a good day' (no single score) and 'I think so ... not sure it was ever signed off' (a hedge) are asked, not guessed; the rest is a plain list.")

name = P + "letter_codes_outlook"
case(name, outlook_win(name, top=["Dr Rahman,", "", "Quick answers in code:", "", "1 - Y", "2 - N", "3 - Y", "4 - 3", "5 - A/B",
                                  "6 - Y", "7 - N", "8 - Y", "9 - Y", "", "Thanks,", "Jack Clarke"]),
     vals(Y, N, Y, 3, [A, B], Y, N, Y, Y),
     note="Outlook for Windows: single-letter codes `1 - Y`, barriers `A/B`.")

name = P + "self_correction_same_line_outlook"
case(name, outlook_win(name, top=["1. Yes", "2. No", "3. No \u2013 sorry, misread that. Yes.", "4. 7", "5. evidence mainly", "6. No",
                                  "7. No", "8. No", "9. Yes", "", "Jack"]),
     vals(Y, N, Y, 7, [B], N, N, N, Y),
     note="Outlook for Windows: 3 corrected on its own line ('No \u2013 sorry, misread that. Yes.'), so yes; barriers in a word ('evidence mainly' = b alone).")

name = P + "trap_later_paragraph_contradicts_outlook"
case(name, outlook_win(name, top=["1. Yes", "2. No", "3. No", "4. 8", "5. d", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                                  "For context, the commonest reason I start ketamine is a patient who has become opioid toxic and where "
                                  "we need to bring the morphine down quickly \u2013 it has got us out of trouble several times.", "",
                                  "Jack"]),
     {**vals(Y, N, None, 8, [D], Y, Y, N, Y), "opioid_sparing": UNCLEAR},
     note="TRAP. Outlook for Windows: the list says `3. No`, a later paragraph describes using ketamine to bring the morphine down in opioid toxicity, with no word of correction: 3 is asked.")

# ======================= Outlook on the web / NHSmail =======================

name = P + "nhsmail_q_colon_owa"
case(name, owa(name, ["Sending from NHSmail \u2013 the hospice system is down today.", "", "Q1: Yes", "Q2: No", "Q3: Yes", "Q4: 8", "Q5: c",
                      "Q6: Yes", "Q7: Yes", "Q8: No", "Q9: Yes",
                      "Q10: Our biggest problem is getting it dispensed in the community out of hours.", "", "Jack"],
               frm='"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke12@nhs.net>'),
     vals(Y, N, Y, 8, [C], Y, Y, N, Y, comment="Our biggest problem is getting it dispensed in the community out of hours."),
     note="Outlook on the web from his NHSmail address (the token in the reply address): a `Q1:` list with a comment on Q10.")

name = P + "summary_except_owa"
case(name, owa(name, ["Short version: yes to all of them except numbers 2 and 6, where it's a no.", "",
                      "Confidence 8. Barriers mostly the evidence \u2013 b.", "", "Jack"]),
     vals(Y, N, Y, 8, [B], N, Y, Y, Y),
     note="Outlook on the web: a summary 'yes to all of them except numbers 2 and 6, where it's a no', the score and barriers apart.")

name = P + "answer_lines_purple_html_only_owa"
ol = {1: "yes", 2: "no", 3: "no", 4: "7", 5: "a, b and c", 6: "yes", 7: "no", 8: "yes", 9: "yes"}
case(name, owa(name, ["Answers typed in below.", "", "Jack Clarke"], html_only=True, original=inv_html(on_line=ol, color="#7030A0")),
     vals(Y, N, N, 7, [A, B, C], Y, N, Y, Y),
     note="Outlook on the web, HTML only: answers in purple on the Answer: lines of the unquoted original; barriers 'a, b and c'.")

name = P + "trap_cannot_choose_owa"
case(name, owa(name, ["1. Yes", "2. Yes", "3. Yes", "4. 7", "5. a or c \u2013 honestly can't pick between them", "6. No", "7. No", "8. Yes",
                      "9. Not convinced trials are feasible in this group, though more data never hurts", "", "Jack"]),
     {**vals(Y, Y, Y, 7, None, N, N, Y, None), "barriers": UNCLEAR, "research": UNCLEAR},
     note="TRAP. Outlook on the web: 'a or c \u2013 honestly can't pick' (either/or) and 9 answered with a doubt and a shrug, neither yes nor no: both asked.")

name = P + "twice_first_half_owa"
case(name, owa(name, ["First half now \u2013 I'll finish it later today:", "", "1. No", "2. No", "3. No", "4. 2", "5. a \u2013 I've only seen it used twice", "", "Jack"],
               date=when(11, 8, 14, 37)),
     vals(N, N, N, 2, [A]),
     note="Outlook on the web: the first of two replies to the invitation, answering 1-5 ('I'll finish it later today'); 6-9 missing.")

name = P + "twice_second_half_owa"
case(name, owa(name, ["Finishing off from this morning:", "", "6. Yes \u2013 the hospice has one, I just haven't needed it", "7. No", "8. Yes, gladly", "9. Yes",
                      "10. Most of my patients are at home, where nobody seems willing to start it.", "", "Jack"],
               date=when(11, 15, 52, 9)),
     vals(None, None, None, None, None, Y, N, Y, Y, comment="Most of my patients are at home, where nobody seems willing to start it."),
     note="Outlook on the web: his second reply to the invitation the same day, answering 6-10 only ('Finishing off from this morning'); 1-5 missing in this message.")

# ======================= Outlook for iOS / Android =======================

name = P + "terse_between_patients_outlook_ios"
case(name, outlook_mobile(name, ["1 y", "2 y", "3 n", "4 7", "5 b", "6 y", "7 n", "8 n", "9 y", "On the ward, sorry for brevity"]),
     vals(Y, Y, N, 7, [B], Y, N, N, Y),
     note="Outlook for iOS: terse `1 y` lines typed between patients, one-letter answers.")

name = P + "bare_in_order_outlook_android"
case(name, outlook_mobile(name, ["Yes, yes, no, 6, a & b, yes, yes, yes, yes", "", "Jack"], platform="Android"),
     vals(Y, Y, N, 6, [A, B], Y, Y, Y, Y, status="inferred"),
     note="Outlook for Android: nine bare answers in order on one line, no numbers: read in order, to be confirmed (inferred).")

name = P + "correction_below_list_outlook_ios"
case(name, outlook_mobile(name, ["1. Yes", "2. No", "3. Yes", "4. 8", "5. C", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                                 "Actually make 4 a 6 \u2013 that 8 was wishful thinking."]),
     vals(Y, N, Y, 6, [C], Y, N, Y, Y),
     note="Outlook for iOS: `4. 8` in the list, then 'Actually make 4 a 6 \u2013 that 8 was wishful thinking'; the correction wins.")

name = P + "fat_thumbs_outlook_android"
case(name, outlook_mobile(name, ["1. Yex", "2. No", "3. Yes", "4. 5", "5. A", "6. Aye", "7. N", "8. Yes", "9. Yes"], platform="Android"),
     vals(Y, N, Y, 5, [A], Y, N, Y, Y),
     note="Outlook for Android: 'Yex' (x is next to s on a phone keyboard) and the Yorkshire 'Aye' for yes; each the word meant.")

# ======================= Outlook for Mac, Outlook plain text =======================

name = P + "after_question_outlook_mac"
case(name, reply(name, "outlook_mac", top=["Answers next to each question.", "", "Jack"],
                 after_question={1: "\u2013 yes", 2: "\u2013 no", 3: "\u2013 yes", 4: "\u2013 7", 6: "\u2013 yes", 7: "\u2013 no",
                                 8: "\u2013 yes", 9: "\u2013 yes"},
                 on_line={5: "b + c"}),
     vals(Y, N, Y, 7, [B, C], Y, N, Y, Y),
     note="Outlook for Mac: answers after each question's own text in the unquoted original ('\u2013 yes'), barriers 'b + c' on 5's Answer: line.")

name = P + "original_message_text_outlook"
ol = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "Nothing further, thanks"}
case(name, outlook_text(name, "Answers on the Answer lines.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=ol, prefix="") + "\n"),
     vals(Y, N, Y, 6, [B], N, N, Y, Y),
     note="Outlook plain text: answers on the Answer: lines below `-----Original Message-----`; 'Nothing further, thanks' on 10 is no comment.")

# ======================= Gmail =======================

name = P + "dash_reasons_gmail"
case(name, gmail_top(name, ["Hi Asha,", "", "1 \u2013 yes, in perhaps one patient a month", "2 \u2013 no", "3 \u2013 yes, a handful of times",
                            "4 \u2013 7", "5 \u2013 b", "6 \u2013 yes", "7 \u2013 no, though it's on our list for next year", "8 \u2013 yes",
                            "9 \u2013 yes, definitely"], sign=("Cheers,", "Jack")),
     vals(Y, N, Y, 7, [B], Y, N, Y, Y),
     note="Gmail web: `1 \u2013 yes` list with reasons ('no, though it's on our list for next year' is no).")

name = P + "inline_split_gmail"
case(name, reply(name, "gmail_web", top=["Answers inline below.", "", "Jack"],
                 answers={1: "Yes", 2: "No", 3: "No", 4: "5", 5: "a and b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
                          10: "Would be good to have a regional audit of outcomes."}),
     vals(Y, N, N, 5, [A, B], Y, Y, Y, Y, comment="Would be good to have a regional audit of outcomes."),
     note="Gmail web: the quote split below each Answer:, his answers unquoted in between; a comment on 10.")

name = P + "numbered_words_gmail_android"
case(name, reply(name, "gmail_android", top=["1. Yes", "2. Never have", "3. Yes", "4. A solid 8", "5. Side effects", "6. Yes", "7. Yes",
                                             "8. Yes", "9. Yes", "", "Jack"]),
     vals(Y, N, Y, 8, [C], Y, Y, Y, Y),
     note="Gmail for Android: a numbered list with words ('Never have', 'A solid 8', 'Side effects').")

first = P + "first_reply_gmail"
first_lines = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. b and c", "6. Yes", "7. No", "8. No", "9. Yes"]
first_date = datetime.datetime(2026, 12, 12, 9, 31, 7, tzinfo=datetime.timezone.utc)
case(first, gmail_top(first, first_lines, sign=("Jack",), date=email.utils.format_datetime(first_date)),
     vals(Y, N, Y, 6, [B, C], Y, N, N, Y),
     note="Gmail web: a plain numbered list (his first reply; a follow-up changes 8).")

name = P + "followup_changes_training_gmail"
first_id = f"<CAF{hashlib.sha1(first.encode()).hexdigest()[:24]}@mail.gmail.com>"
first_text = "\n".join(first_lines) + "\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
first_html = ('<div dir="ltr">' + divs(first_lines) + "<div><br></div>" + divs(["Jack"]) + "</div><br>" + gmail_quote_html(INV_HTML_BODY))
wrote_me = f"On Sat, 12 Dec 2026 at 09:31, Jack Clarke <{DOC_ADDR}> wrote:"
fl = ["Asha \u2013 one change to my answers from this morning: for 8 (training), please put yes.",
      "Thinking about it, I'd go on a course if there was one.", "", "Jack"]
case(name, gmail(name, "\n".join(fl) + "\n\n" + wrote_me + "\n\n" + quote(first_text) + "\n",
                 '<div dir="ltr">' + divs(fl) + "</div><br>" + gmail_quote_html(first_html, wrote=wrote_me),
                 in_reply_to=first_id, references=INV_ID + " " + first_id,
                 date=email.utils.format_datetime(first_date + datetime.timedelta(hours=4, minutes=34, seconds=12))),
     vals(None, None, None, None, None, None, None, Y, None),
     note="Gmail web: a follow-up to his own earlier reply (quoted below, not counted) changing 8 to yes; the rest is not answered in this message.")

name = P + "trap_defers_gmail_android"
case(name, reply(name, "gmail_android", top=["1. Yes", "2. No", "3. Yes", "4. 6", "5. a",
                                             "6. I believe so but check with our pharmacist, she keeps the policies",
                                             "7. One for our CNS lead \u2013 I genuinely don't know", "8. Yes", "9. Yes"]),
     {**vals(Y, N, Y, 6, [A], None, None, Y, Y), "written_protocol": UNCLEAR, "shared_guidance": UNCLEAR},
     note="TRAP. Gmail for Android: 6 'I believe so but check with our pharmacist' and 7 'I genuinely don't know' are asked, not counted.")

name = P + "inline_gmail_ios"
case(name, reply(name, "gmail_ios", top=["Done \u2013 answers under each question.", "", "Jack"],
                 answers={1: "Yes", 2: "No", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}),
     vals(Y, N, Y, 9, [D], Y, Y, N, Y),
     note="Gmail for iOS: answers under each quoted Answer: (the quote split); 'd' is No barriers.")

# ======================= Apple =======================

name = P + "numbered_iphone"
case(name, iphone(name, ["1 Yes", "2 No", "3 No", "4 5", "5 B", "6 Yes", "7 No", "8 Yes", "9 Yes"]),
     vals(Y, N, N, 5, [B], Y, N, Y, Y),
     note="iPhone Mail: `1 Yes` without punctuation, 'Sent from my iPhone'.")

name = P + "barriers_other_iphone"
case(name, iphone(name, ["1. Yes", "2. No", "3. Yes", "4. 7", "5. c and e \u2013 getting it from community pharmacies at short notice",
                         "6. Yes", "7. No", "8. Yes", "9. Yes"]),
     vals(Y, N, Y, 7, ([C, E], "getting it from community pharmacies at short notice"), Y, N, Y, Y),
     note="iPhone Mail: barriers 'c and e' with e)'s text after a dash.")

name = P + "inline_split_iphone"
case(name, apple_reply(name, "iphone", top=["Answers under each one."],
                       answers={1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "B", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}),
     vals(Y, Y, Y, 8, [B], Y, Y, N, Y),
     note="iPhone Mail: the quote split below each Answer:, answers unquoted in between.")

name = P + "trap_split_confidence_iphone"
case(name, iphone(name, ["1 yes", "2 only once, years ago, and I'm not sure it counted as early", "3 yes",
                         "4 depends \u2013 8 for a subcut infusion on the unit, nearer 3 for oral at home", "5 b", "6 yes", "7 no", "8 yes", "9 yes"]),
     {**vals(Y, None, Y, None, [B], Y, N, Y, Y), "early_adjuvant": UNCLEAR, "confidence": UNCLEAR},
     note="TRAP. iPhone Mail: 2 'only once ... not sure it counted as early' and 4 'depends \u2013 8 for ... nearer 3 for ...' (two scores) are asked.")

name = P + "flowed_comment_apple_mail"
comment = ("We rarely start it now because the community teams are reluctant to continue it after discharge, which means patients "
           "either stay in longer or we avoid it altogether. A shared regional guideline would help more than anything.")
case(name, apple_mac_plain(name, "Hi Asha,\n\n1. Yes\n2. No\n3. Yes\n4. 7\n5. b\n6. No\n7. No\n8. Yes\n9. Yes\n10. " + comment +
                           "\n\nJack\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"),
     vals(Y, N, Y, 7, [B], N, N, Y, Y, comment=comment),
     note="Apple Mail for Mac, plain text format=flowed DelSp=yes: a numbered list, the long comment on 10 soft-broken over several lines.")

name = P + "rich_colon_apple_mac"
case(name, apple_mac(name, ["Hello,", "", "1: yes", "2: yes", "3: no", "4: 9", "5: d \u2013 none to speak of", "6: yes", "7: yes", "8: no",
                            "9: yes", "", "Jack"]),
     vals(Y, Y, N, 9, [D], Y, Y, N, Y),
     note="Apple Mail for Mac, rich text: a `1:` list; 'd \u2013 none to speak of' is No barriers.")

# ======================= Thunderbird, Samsung, Yahoo =======================

name = P + "inline_flowed_thunderbird"
ans = {1: "Yes, mostly as a last resort in the final days when nothing else has helped the pain.", 2: "No",
       3: "Yes \u2013 twice last year, both patients with opioid-induced hyperalgesia on very high doses.", 4: "6", 5: "b, c",
       6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
case(name, thunderbird_flowed(name, "Hello Asha,\n\nMy answers are inline.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=ans) + "\n", cte="8bit", eightbit=True),
     vals(Y, N, Y, 6, [B, C], Y, N, Y, Y),
     note="Thunderbird format=flowed: answers below each quoted Answer:, long reasons on 1 and 3 soft-broken.")

name = P + "top_list_sig_thunderbird"
c10 = "I have only seen it used by the pain team, never prescribed it myself."
case(name, thunderbird_flowed(name, "1 - no\n2 - no\n3 - no\n4 - 3\n5 - a\n6 - no\n7 - no\n8 - yes\n9 - yes\n10 - " + c10 +
                              "\n\n-- \nDr J Clarke\nNorth Hospice\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     vals(N, N, N, 3, [A], N, N, Y, Y, comment=c10),
     note="Thunderbird format=flowed: a `1 - no` list on top with a comment on 10 and a `-- ` signature.")

name = P + "trap_every_one_samsung"
case(name, reply(name, "samsung", top=["1. Yes", "2. No", "3. Yes", "4. Getting there, slowly", "5. Every one of those, more or less", "6. Yes",
                                      "7. No", "8. Yes", "9. Yes"]),
     {**vals(Y, N, Y, None, None, Y, N, Y, Y), "confidence": UNCLEAR, "barriers": UNCLEAR},
     note="TRAP. Samsung Email: 'Getting there, slowly' is no score, and 'Every one of those, more or less' cannot take in d) No barriers with the rest, nor an e) without its text, and is hedged: both asked.")

name = P + "middle_of_scale_yahoo"
case(name, yahoo(name, ["1. Y", "2. N", "3. Y", "4. Bang in the middle of your scale", "5. B", "6. Y", "7. Y", "8. Y", "9. Y", "", "Jack"]),
     {**vals(Y, N, Y, None, [B], Y, Y, Y, Y), "confidence": INF(5)},
     note="Yahoo Mail: a `1. Y` list; 'Bang in the middle of your scale' read as 5 on 0-10, to be confirmed (inferred).")
