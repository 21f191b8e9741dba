"""The cases of heldback21t (see tests/fixtures/heldback21t/README.md), with
two small helpers of their own: expected answers in question order, and an
explicit Date header for the replies whose time matters."""
import re
from lib import *  # noqa: F401,F403
from clients import *  # noqa: F401,F403
from clients_new import *  # noqa: F401,F403

Y, N = True, False
U = "UNCLEAR"
LETTER = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def _one(i, v, status):
    if v == U:
        return UNCLEAR
    qid = IDS[i]
    if qid == "barriers":
        other = None
        if isinstance(v, tuple):
            v, other = v
        a = {"status": status, "value": [LETTER[x] for x in v]}
        if other is not None:
            a["other"] = other
        return a
    return {"status": status, "value": v}


def ans(*vals, inferred=False, only=None):
    """Expected answers: vals in question order (1..10; a trailing comment
    optional), or only={question number: value} for a partial reply.
    Barriers as letters ('bc'), with other text as ('be', 'text')."""
    status = "inferred" if inferred else "ok"
    pairs = list(enumerate(vals)) if only is None else [(q - 1, v) for q, v in sorted(only.items())]
    return {IDS[i]: _one(i, v, status) for i, v in pairs}


def dated(raw, when):
    """The message with its Date header set to `when` (RFC 5322, UTC)."""
    return re.sub(rb"^Date: [^\r\n]*", b"Date: " + when.encode(), raw, count=1, flags=re.M)


def T(name):
    return "heldback21t_" + name


SIG_CONS = ["Dr Jack Clarke", "Consultant in Palliative Medicine", "Northern Coast Hospice"]

# ---------------------------------------------------------------- Outlook for Windows
n = T("ward_round_list_win")
case(n, outlook_win(n, top=["Hi Asha,", "", "Here you go, squeezed in between the ward round and clinic.", "",
                            "1. Yes", "2. No", "3. Yes", "4. 7", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
                            "10. If guidance comes out of this I'd be glad to look over a draft.", "",
                            "Best wishes", "Jack", "", *SIG_CONS]),
     ans(Y, N, Y, 7, "bc", Y, N, Y, Y, "If guidance comes out of this I'd be glad to look over a draft."),
     note="Outlook 365 for Windows, a consultant: the everyday numbered list `1. Yes` on top with a comment at 10, signature below.")

n = T("reasons_dash_win")
case(n, outlook_win(n, top=["Dear Asha,", "", "Answers as requested:", "",
                            "1. Yes \u2013 by syringe driver alongside diamorphine, mostly neuropathic pain from pelvic disease",
                            "2. No \u2013 I keep it for when the standard adjuvants have run out",
                            "3. Yes \u2013 hyperalgesia on high-dose oxycodone, twice in the last year",
                            "4. 8",
                            "5. b \u2013 the trial data don't square with what we see at the bedside",
                            "6. Yes \u2013 on the intranet, last updated in March",
                            "7. No \u2013 the community teams phone us instead",
                            "8. No \u2013 though our trainees certainly would",
                            "9. Yes, a decent pragmatic trial is long overdue", "",
                            "Regards,", "Jack", "", *SIG_CONS]),
     ans(Y, N, Y, 8, "b", Y, N, N, Y),
     note="Outlook for Windows, a consultant: each answer followed by an en dash and a short reason (doses, 'twice in the last year', 'updated in March'); 8 is his own no, the trainees' need is a reason.")

n = T("answer_lines_win")
case(n, outlook_win(n, top=["Hi,", "", "I've put my answers in below.", "", "Jack"],
                    on_line={1: "Yes", 2: "Yes \u2013 low dose, alongside oral morphine", 3: "No", 4: "5", 5: "a",
                             6: "Yes", 7: "Yes", 8: "Yes \u2013 a study day would be ideal", 9: "Yes",
                             10: "Oral ketamine is hard to source in the community round here."}, color="#7030A0"),
     ans(Y, Y, N, 5, "a", Y, Y, Y, Y, "Oral ketamine is hard to source in the community round here."),
     note="Outlook for Windows, a specialty doctor: answers in purple on each Answer: line of the unquoted original, the comment on 10's line.")

n = T("below_answer_win")
case(n, outlook_win(n, top=["Dear Dr Rahman,", "", "Please find my answers in blue beneath each question.", "",
                            "Kind regards,", "Jack Clarke", "ST7 Palliative Medicine"],
                    below={1: "Yes \u2013 under consultant supervision on the inpatient unit, three or four patients",
                           2: "No", 3: "Yes \u2013 a man who was far too sedated on his oxycodone", 4: "4",
                           5: "a and b", 6: "Yes", 7: "No", 8: "Yes, very much", 9: "Yes"}, color="#0070C0"),
     ans(Y, N, Y, 4, "ab", Y, N, Y, Y),
     note="Outlook for Windows, a senior registrar: answers in blue in a paragraph below each Answer: of the unquoted original, some with a reason.")

n = T("word_table_win")
rows = [["Question", "Answer", "Comment"],
        ["1", "Yes", "Regularly in the last weeks of life"],
        ["2", "No", ""],
        ["3", "Yes", "Fentanyl toxicity, twice"],
        ["4", "7", ""],
        ["5", "B, C", "Psychotomimetic effects mainly"],
        ["6", "Yes", "Network-wide, 2024"],
        ["7", "Yes", ""],
        ["8", "No", ""],
        ["9", "Yes", "Especially in non-cancer pain"]]
th, tt = word_table(rows, widths=[80, 80, 280])
intro = ["Hi Asha \u2013 I've popped my answers into a table, hope that's OK.", ""]
outro = ["", "Jack", "", *SIG_CONS]
case(n, outlook_win(n, top_html=word_paras(intro) + th + word_paras(outro),
                    top_text="\n".join(intro) + "\n" + tt + "\n" + "\n".join(outro)),
     ans(Y, N, Y, 7, "bc", Y, Y, N, Y),
     note="Outlook for Windows, a consultant: a three-column Word table (Question | Answer | Comment, tab-separated in the text part); the Comment column holds reasons, not a comment for 10.")

n = T("trap_two_routes_win")
case(n, outlook_win(n, top=["Asha,", "",
                            "1. Yes", "2. Yes", "3. Yes",
                            "4. 7 for subcutaneous, 3 if it's oral \u2013 I've hardly used the oral route",
                            "5. b", "6. Yes",
                            "7. It's been talked about at network level \u2013 whether anything was ever written up I genuinely don't know",
                            "8. Yes", "9. Yes", "", "Jack", "", *SIG_CONS]),
     ans(Y, Y, Y, U, "b", Y, U, Y, Y),
     note="TRAP. Outlook for Windows, a consultant: confidence given as two numbers for two routes (ask which), and 7 answered with 'I genuinely don't know' (ask); the rest a plain list.")

n = T("options_marked_win")
case(n, outlook_win(n, top=["Answers marked in orange below.", "", "Thanks", "Jack"],
                    on_line={1: "Yes", 2: "No", 3: "No", 4: "6", 6: "No", 7: "No", 8: "Yes", 9: "Yes"},
                    after_option={(5, "b"): "<-- this", (5, "c"): "<-- and this"}, color="#C55A11"),
     ans(Y, N, N, 6, "bc", N, N, Y, Y),
     note="Outlook for Windows, a specialty doctor: answers in orange on the Answer: lines, barriers marked by arrows typed after options b) and c); 5's Answer: line left empty.")

n = T("brief_sig_win")
case(n, outlook_win(n, top=["1 Y", "2 Y", "3 Y", "4 9", "5 D", "6 Y", "7 Y", "8 N", "9 Y", "",
                            "Dr Jack Clarke MBChB FRCP", "Consultant & Clinical Lead, Specialist Palliative Care",
                            "Bleep 4471 | Secretary 01632 960412", "Working days: Mon, Tue, Thu"]),
     ans(Y, Y, Y, 9, "d", Y, Y, N, Y),
     note="Outlook for Windows, a clinical lead: terse `1 Y` ... `4 9`, `5 D` (No barriers), over a long signature with a bleep and phone number.")

n = T("rest_later_win")
case(n, dated(outlook_win(n, top=["Asha \u2013 here's the rest, as promised this morning:", "",
                                  "5. a, b and c", "6. No \u2013 it's been on the to-do list for a year", "7. No", "8. Yes", "9. Yes",
                                  "10. Ketamine mouthwash for mucositis might be worth a question another time.", "",
                                  "Jack", "Specialty Doctor, Palliative Care"]),
              "Fri, 11 Dec 2026 19:26:40 +0000"),
     ans(only={5: "abc", 6: N, 7: N, 8: Y, 9: Y, 10: "Ketamine mouthwash for mucositis might be worth a question another time."}),
     note="Outlook for Windows, the evening half of a pair (heldback21t_first_part_iphone sent 1-4 that morning): answers 5-10 only, 1-4 missing in this message.")

n = T("checked_with_lead_win")
case(n, outlook_win(n, top=["Dear Dr Rahman,", "",
                            "1. Yes", "2. No", "3. Yes", "4. 5", "5. A and B",
                            "6. Yes \u2013 I checked with Dr Okafor, our clinical lead, and there's one on the shared drive",
                            "7. No \u2013 Dr Okafor says it's planned for next year",
                            "8. Yes", "9. Yes", "",
                            "Kind regards,", "Jack Clarke", "Senior Registrar in Palliative Medicine"]),
     ans(Y, N, Y, 5, "ab", Y, N, Y, Y),
     note="Outlook for Windows, a senior registrar who checked the service questions (6, 7) with his clinical lead and reports the answers in the list: they are his answers.")

# ---------------------------------------------------------------- Outlook on the web / NHSmail
n = T("dashes_owa")
case(n, owa(n, ["Hi Asha,", "", "1 - yes", "2 - yes, a few times, low dose alongside morphine", "3 - no", "4 - 5",
                "5 - a and c", "6 - no, we borrow the acute trust's", "7 - no", "8 - yes definitely", "9 - yes", "",
                "Thanks,", "Jack", "Specialty Doctor, Palliative Care"]),
     ans(Y, Y, N, 5, "ac", N, N, Y, Y),
     note="Outlook on the web, a specialty doctor: `1 - yes` list in lower case (`4 - 5` is 4 = 5), short reasons after some; 6 is no (they use another trust's).")

n = T("on_lines_owa")
on = {1: "yes", 2: "no", 3: "yes", 4: "8", 5: "b", 6: "yes", 7: "yes", 8: "no", 9: "yes",
      10: "Our main problem is out-of-hours supply rather than knowledge."}
case(n, owa(n, ["Answers on the lines below \u2013 Jack"], original=inv_html(on_line=on, color="#00B050"),
            original_text=text_inline(on_line=on, prefix="")),
     ans(Y, N, Y, 8, "b", Y, Y, N, Y, "Our main problem is out-of-hours supply rather than knowledge."),
     note="Outlook on the web, a consultant: answers in green typed on each Answer: line of the original below the divRplyFwdMsg header; the comment on 10's line.")

n = T("nhsmail_html_only_owa")
case(n, owa(n, ["Dear Asha", "", "Replying from my NHSmail as the hospice webmail won't load on this PC.", "",
                "1) Yes", "2) No", "3) No", "4) 6", "5) A, B", "6) Yes", "7) Yes", "8) Yes", "9) Yes", "",
                "Regards", "Jack Clarke", "Senior Registrar"], html_only=True,
            frm='"CLARKE, Jack (NORTHERN COAST HOSPICE)" <jack.clarke3@nhs.net>'),
     ans(Y, N, N, 6, "ab", Y, Y, Y, Y),
     note="Outlook on the web from his NHSmail address (HTML only), a senior registrar, read as his own: a `1)` list.")

n = T("grouped_owa")
case(n, owa(n, ["Asha \u2013", "", "Yes: 1, 3, 6, 8, 9", "No: 2, 7", "Confidence: 6", "Barriers: b and c", "", "Jack"]),
     ans(Y, N, Y, 6, "bc", Y, N, Y, Y),
     note="Outlook on the web, a consultant: answers grouped by value ('Yes:' and 'No:' with the question numbers), then confidence and barriers by topic.")

n = T("trap_slash_owa")
case(n, owa(n, ["Hi,", "", "1. Yes", "2. No", "3. Yes", "4. 6/7", "5. c", "6. Yes", "7. Yes", "8. Yes",
                "9. On the fence, honestly", "", "Jack", "Specialty Doctor"]),
     ans(Y, N, Y, U, "c", Y, Y, Y, U),
     note="TRAP. Outlook on the web, a specialty doctor: confidence '6/7' (six or seven: ask), and 9 'On the fence' (ask); the rest a plain list.")

n = T("above_answer_owa")
before = {1: "Y", 2: "N", 3: "Y", 4: "7", 5: "b", 6: "Y", 7: "N", 8: "N", 9: "Y"}
case(n, owa(n, ["See below", "", "J Clarke"],
            original=inv_html(before=before, open_tag="", close_tag="",
                              wrap=lambda a: '<div style="color:#FF0000"><b>' + esc(a) + "</b></div>"),
            original_text=text_inline(before_answer=before, prefix="", split_blank=False)),
     ans(Y, N, Y, 7, "b", Y, N, N, Y),
     note="Outlook on the web, a consultant: single letters in bold red typed between each question (or barrier options) and its Answer: line in the original below the header.")

n = T("brackets_reasons_owa")
case(n, owa(n, ["Hi Asha", "", "1. Yes (hospice inpatients only)", "2. No",
                "3. Yes (renal impairment, when switching away from morphine)", "4. 8 \u2013 well, realistically 6",
                "5. a", "6. Yes (although it's overdue for review)", "7. No", "8. Yes", "9. Yes", "",
                "Jack", "StR Palliative Medicine"]),
     ans(Y, N, Y, 6, "a", Y, N, Y, Y),
     note="Outlook on the web, a senior registrar: reasons in brackets; 4 corrected on its own line to a plain final number ('8 - well, realistically 6': 6).")

# ---------------------------------------------------------------- Outlook mobile, Mac, plain text
n = T("home_visit_ios_outlook")
case(n, outlook_mobile(n, ["1 Y", "2 N", "3 Y", "4 6", "5 A", "6 Y", "7 N", "8 Y", "9 Y", "",
                           "Apologies for brevity \u2013 parked outside a home visit", "Jack"], platform="iOS"),
     ans(Y, N, Y, 6, "a", Y, N, Y, Y),
     note="Outlook for iOS (base64), a specialty doctor: terse `1 Y` list above 'Get Outlook for iOS'.")

n = T("parens_android_outlook")
case(n, outlook_mobile(n, ["1) yes", "2) yes \u2013 occasionally", "3) yes", "4) 9", "5) d", "6) yes",
                           "7) yes \u2013 joint with the district nursing service", "8) no", "9) yes",
                           "10) Happy to share our protocol with anyone who asks.", "", "Jack"], platform="Android"),
     ans(Y, Y, Y, 9, "d", Y, Y, N, Y, "Happy to share our protocol with anyone who asks."),
     note="Outlook for Android (base64), a consultant on call: `1) yes` list, `5) d` (No barriers), comment at `10)`.")

n = T("topic_labels_outlook_mac")
case(n, reply(n, "outlook_mac", top=["Asha,", "", "End-of-life pain on top of opioids: yes", "Early adjuvant use: no",
                                     "To bring the opioid dose down: yes", "Confidence: 7", "Barriers: evidence, side effects",
                                     "Written protocol: yes", "Community guidance: no", "More training for me: no",
                                     "More research: yes", "", "Jack"]),
     ans(Y, N, Y, 7, "bc", Y, N, N, Y),
     note="Outlook for Mac, a consultant: no numbers, each answer after a short topic label of his own in question order; barriers named in words.")

n = T("slash_numbers_plain_outlook")
top = ["1/ Yes", "2/ No", "3/ No", "4/ 3 - I've only ever carried on someone else's prescription", "5/ a", "6/ Yes",
       "7/ No", "8/ Yes - very much so", "9/ Yes", "", "Jack Clarke", "Specialty Doctor"]
case(n, outlook_text(n, "\n".join(top) + "\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
     ans(Y, N, N, 3, "a", Y, N, Y, Y),
     note="Outlook plain text (-----Original Message-----, original unquoted), a specialty doctor: `1/ Yes` numbering with a slash, a reason after 4 and 8.")

# ---------------------------------------------------------------- Gmail
n = T("registrar_gmail_android")
case(n, gmail_top(n, ["Hi Dr Rahman,", "", "Hope these are useful \u2013 I'm an ST6 so my experience is fairly limited.", "",
                      "1) Yes", "2) No", "3) No", "4) 4", "5) a", "6) Yes", "7) No", "8) Yes \u2013 it would really help", "9) Yes"],
                  sign=("Many thanks,", "Jack"), android=True),
     ans(Y, N, N, 4, "a", Y, N, Y, Y),
     note="Gmail for Android, a senior registrar: `1) Yes` list after a line about his grade.")

n = T("evening_long_gmail")
lines = ["Asha,", "", "Sorry this is late \u2013 it's been quite a week. Some thoughts as I go:", "",
         "1. Yes. Probably a dozen patients over the years, nearly all with bone or neuropathic pain that had outrun escalating opioids. We usually run it through a syringe driver over 24 hours.", "",
         "2. No. I've never started it early \u2013 I want to see the usual things fail first.", "",
         "3. Yes, a couple of times, where someone was getting drowsy and muddled on their opioid and we needed to bring the dose down.", "",
         "4. I'd rate myself 7. Comfortable with the standard regimens, less so with anything unusual.", "",
         "5. The evidence base is thin and the side effects put people off, so b and c.", "",
         "6. Yes.", "",
         "7. No \u2013 we've discussed it but nothing has been produced.", "",
         "8. No, I think I'm reasonably up to speed.", "",
         "9. Yes, definitely.", "",
         "10. It would be useful to know how many units can actually get it dispensed at short notice."]
case(n, dated(gmail_top(n, lines, sign=("All the best,", "Jack")), "Mon, 14 Dec 2026 20:31:05 +0000"),
     ans(Y, N, Y, 7, "bc", Y, N, N, Y, "It would be useful to know how many units can actually get it dispensed at short notice."),
     note="Gmail web, a consultant at home in the evening: numbered paragraphs, each answer followed by sentences of explanation ('I'd rate myself 7'; barriers in words then 'so b and c'); a comment at 10.")

n = T("scratch_three_gmail")
case(n, gmail_top(n, ["1. Yes", "2. Yes", "3. Yes", "4. 6", "5. b", "6. No", "7. No", "8. Yes", "9. Yes", "",
                      "Actually ignore what I put for 3 \u2013 that should be a no, I was thinking of a methadone switch."],
                  sign=("Cheers,", "Jack")),
     ans(Y, Y, N, 6, "b", N, N, Y, Y),
     note="Gmail web, a specialty doctor: a plain list, then a line below it taking back 3 ('ignore what I put for 3 - that should be a no'): 3 is no.")

n = T("other_barrier_gmail")
case(n, reply(n, "gmail_web", top=["Hello,", "", "1. yes", "2. no", "3. yes", "4. 8",
                                   "5. b and e (getting hold of it out of hours)", "6. yes", "7. yes", "8. no", "9. yes", "",
                                   "Jack Clarke", "Consultant, Northern Coast Hospice"]),
     ans(Y, N, Y, 8, ("be", "getting hold of it out of hours"), Y, Y, N, Y),
     note="Gmail web, a consultant: lower-case list; barriers b and e) Other with its text in brackets.")

n = T("bare_lines_gmail_android")
case(n, reply(n, "gmail_android", top=["Yes", "Yes", "No", "5", "a, c", "No", "No", "Yes", "Yes", "", "Jack"]),
     ans(Y, Y, N, 5, "ac", N, N, Y, Y, inferred=True),
     note="Gmail for Android, a senior registrar: nine bare answers one per line, no numbers and no introduction (inferred: to be confirmed).")

n = T("dash_list_gmail_ios")
case(n, reply(n, "gmail_ios", top=["Hi Asha, answers below \u2013 sorry for the delay.", "", "1 - Yes, on the ward", "2 - No",
                                   "3 - No", "4 - 6", "5 - A, B, C", "6 - Yes", "7 - No", "8 - Yes", "9 - Yes", "", "Jack"]),
     ans(Y, N, N, 6, "abc", Y, N, Y, Y),
     note="Gmail for iOS, a specialty doctor: `1 - Yes` list, all three barriers a, b and c.")

n = T("q_dot_gmail_ios")
case(n, reply(n, "gmail_ios", top=["Q1. Yes", "Q2. No", "Q3. Yes", "Q4. 7", "Q5. B, C", "Q6. Yes", "Q7. Yes", "Q8. No",
                                   "Q9. Yes", "Q10. Glad someone is finally looking at this.", "", "Jack"]),
     ans(Y, N, Y, 7, "bc", Y, Y, N, Y, "Glad someone is finally looking at this."),
     note="Gmail for iOS, a consultant: `Q1. Yes` list with a comment at `Q10.`.")

n = T("trap_protocol_count_gmail")
case(n, gmail_top(n, ["1. Yes", "2. Yes, I think \u2013 or was that one of the registrar's patients? Can't be sure",
                      "3. No", "4. 5", "5. b", "6. We work from the PCF monograph \u2013 does that count as a protocol?",
                      "7. No", "8. Yes", "9. Yes"], sign=("Thanks,", "Jack")),
     ans(Y, U, N, 5, "b", U, N, Y, Y),
     note="TRAP. Gmail web, a specialty doctor: 2 'Yes, I think - or was that one of the registrar's patients? Can't be sure' (ask), 6 answered with a question back about the PCF monograph (ask).")

# ---------------------------------------------------------------- Apple
n = T("first_part_iphone")
case(n, dated(iphone(n, ["Morning \u2013 first few now, rest tonight when I'm at a computer", "",
                         "1. Yes", "2. No", "3. Yes", "4. 5", "", "J"]), "Fri, 11 Dec 2026 07:52:14 +0000"),
     ans(only={1: Y, 2: N, 3: Y, 4: 5}),
     note="iPhone Mail, the morning half of a pair (heldback21t_rest_later_win sends 5-10 that evening): answers 1-4 only, 5-9 missing in this message.")

n = T("yep_nope_iphone")
case(n, iphone(n, ["1. Yep", "2. Nope", "3. Yep", "4. Seven", "5. B+C", "6. Yep", "7. Nope", "8. Yes!", "9. Yes", "", "Jack"]),
     ans(Y, N, Y, 7, "bc", Y, N, Y, Y),
     note="iPhone Mail, a senior registrar: 'Yep' and 'Nope', the confidence as a word ('Seven'), `B+C`.")

n = T("split_quote_iphone")
case(n, apple_reply(n, "iphone", answers={1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                                          10: "We audited our own use last year \u2013 happy to share the results."}),
     ans(Y, N, Y, 8, "b", Y, Y, N, Y, "We audited our own use last year \u2013 happy to share the results."),
     note="iPhone Mail, a consultant: the quote split below each quoted Answer: and the answer typed unquoted there; comment below 10's Answer:.")

n = T("trap_consultant_did_iphone")
case(n, iphone(n, ["1. My consultant has \u2013 I've been on the ward for it but never written it up myself", "2. No", "3. No",
                   "4. 3", "5. a", "6. Yes", "7. No", "8. Possibly, depends what's on offer", "9. Yes", "", "Jack (StR)"]),
     ans(U, N, N, 3, "a", Y, N, U, Y),
     note="TRAP. iPhone Mail, a senior registrar: 1 answered with what his consultant has done, he was present but never prescribed it (ask whether that counts); 8 'Possibly, depends what's on offer' (ask).")

n = T("none_barriers_ipad")
case(n, iphone(n, ["Dear Asha", "", "1: Yes", "2: Yes", "3: Yes", "4: 9", "5: d \u2013 none", "6: Yes", "7: Yes", "8: No", "9: Yes",
                   "", "Best", "Jack"], tail="Sent from my iPad", mailer="iPad Mail (23B85)"),
     ans(Y, Y, Y, 9, "d", Y, Y, N, Y),
     note="iPad Mail, a consultant: `1: Yes` list over 'Sent from my iPad'; `5: d - none` is No barriers.")

n = T("rich_list_apple_mac")
case(n, apple_mac(n, ["Hello Asha,", "", "1 \u2013 Yes", "2 \u2013 No",
                      "3 \u2013 Yes, once, for a patient who became very constipated and drowsy on oxycodone", "4 \u2013 5",
                      "5 \u2013 B", "6 \u2013 No", "7 \u2013 No", "8 \u2013 Yes", "9 \u2013 Yes",
                      "10 \u2013 A regional advice line would help more than another document.", "", "Best wishes,", "Jack"]),
     ans(Y, N, Y, 5, "b", N, N, Y, Y, "A regional advice line would help more than another document."),
     note="Apple Mail on macOS (rich text), a specialty doctor: `1 – Yes` list with en dashes, a comment at 10.")

n = T("evening_flowed_apple_mac")
lines = ["Dear Asha,", "", "Finally sitting down with this. Answers with some context, for what it's worth.", "",
         "1. Yes \u2013 I use it for incident pain from bone metastases and for neuropathic pain that hasn't responded to opioids plus the usual adjuvants, almost always as a continuous subcutaneous infusion.",
         "2. No \u2013 I don't think that's where it belongs, given what we know.",
         "3. Yes \u2013 several times, mostly where the opioid had caused delirium and we needed to get the dose down quickly.",
         "4. 7 \u2013 comfortable with starting and titrating, less sure about longer-term oral use at home.",
         "5. b and c \u2013 the evidence is weak and I've seen enough hallucinations to be wary.",
         "6. Yes",
         "7. Yes \u2013 written jointly with the community teams in 2025.",
         "8. No",
         "9. Yes \u2013 particularly for the oral route in the community.",
         "10. I'd be keen to see the regional guidance cover what happens when a patient on ketamine is discharged home, as that is where things tend to go wrong.",
         "", "Best wishes,", "Jack"]
case(n, dated(apple_mac_plain(n, apple_mac_text(lines)), "Wed, 9 Dec 2026 20:12:33 +0000"),
     ans(Y, N, Y, 7, "bc", Y, Y, N, Y,
         "I'd be keen to see the regional guidance cover what happens when a patient on ketamine is discharged home, as that is where things tend to go wrong."),
     note="Apple Mail on macOS, plain text format=flowed DelSp=yes, a consultant in the evening: long answers with reasons soft-broken by the client (read as one line each), a long comment at 10.")

# ---------------------------------------------------------------- Thunderbird, Samsung, Yahoo
n = T("flowed_list_thunderbird")
top = ["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 8", "5. B", "6. Yes", "7. Yes", "8. No", "9. Yes",
       "10. The PCF dosing table is what most of us use day to day, so it would be worth referencing it in any regional guidance.",
       "", "Jack", "", "-- ", "Dr Jack Clarke", "Consultant in Palliative Medicine", "Northern Coast Hospice, tel 01632 960118"]
case(n, thunderbird_flowed(n, "\n".join(top) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     ans(Y, N, Y, 8, "b", Y, Y, N, Y,
         "The PCF dosing table is what most of us use day to day, so it would be worth referencing it in any regional guidance."),
     note="Thunderbird, text only format=flowed, a consultant: list on top, a long comment at 10 soft-broken, a `-- ` signature with a phone number.")

n = T("inline_flowed_thunderbird")
answers = {1: "Yes", 2: "No", 3: "No", 4: "4", 5: "a, b", 6: "No", 7: "No", 8: "Yes, definitely", 9: "Yes",
           10: "Our hospice pharmacist is the one everybody asks, so more support for pharmacists would make a big difference too."}
case(n, thunderbird_flowed(n, WROTE_TB + "\n" + text_inline(answers=answers) + "\n\n-- \nJack Clarke\nSpecialty Doctor\n"),
     ans(Y, N, N, 4, "ab", N, N, Y, Y,
         "Our hospice pharmacist is the one everybody asks, so more support for pharmacists would make a big difference too."),
     note="Thunderbird, text only format=flowed, a specialty doctor bottom-posting: answers typed unquoted below each quoted Answer:, a long comment soft-broken, signature at the end.")

n = T("trap_asked_back_thunderbird")
case(n, reply(n, "tb115", top=["Asha,", "", "1. Yes", "2. No",
                               "3. Does switching to methadone under ketamine cover count? If so yes, if not no.",
                               "4. 7", "5. c", "6. Yes",
                               "7. Not my side of things \u2013 you'd be better asking the community lead", "8. No", "9. Yes", "",
                               "Jack"]),
     ans(Y, N, U, 7, "c", Y, U, N, Y),
     note="TRAP. Thunderbird (HTML with flowed text), a consultant: 3 answered with a question back and a conditional either way (ask); 7 'Not my side of things' (he does not know: ask).")

n = T("equals_samsung")
case(n, reply(n, "samsung", top=["1 = yes", "2 = no", "3 = yes", "4 = 7", "5 = b + c", "6 = yes", "7 = no", "8 = yes", "9 = yes",
                                 "", "Jack"]),
     ans(Y, N, Y, 7, "bc", Y, N, Y, Y),
     note="Samsung Email (base64), a specialty doctor: `1 = yes` with equals signs, `5 = b + c`.")

n = T("trap_either_way_samsung")
case(n, reply(n, "samsung", top=["Hi", "", "1. Yes", "2. No", "3. Yes", "4. 5", "5. d \u2013 or c on a bad week", "6. Yes",
                                 "7. Yes", "8. Yes", "9. Don't mind either way really", "", "J"]),
     ans(Y, N, Y, 5, U, Y, Y, Y, U),
     note="TRAP. Samsung Email, a senior registrar: barriers 'd - or c on a bad week' (No barriers or side effects: ask); 9 'Don't mind either way really' (no view given: ask).")

n = T("semicolons_yahoo")
case(n, yahoo(n, ["Hello,", "", "1 yes; 2 no; 3 yes; 4 5; 5 a; 6 yes; 7 no; 8 yes; 9 yes", "", "Jack"]),
     ans(Y, N, Y, 5, "a", Y, N, Y, Y),
     note="Yahoo Mail, a specialty doctor: all nine on one line separated by semicolons (`4 5` is 4 = 5).")
