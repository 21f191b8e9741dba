"""The cases of heldback21p (see tests/fixtures/heldback21p/README.md): replies
from Jack Clarke to the invitation, sent between Christmas and New Year
2026. Built on lib.py and scripts/heldback_common/{clients,clients_new}.py;
two small helpers of this set's own below (expected answers in question
order; a Gmail follow-up quoting his own earlier reply)."""
from lib import *
from clients import owa, outlook_mobile, outlook_text, ORIGINAL_MESSAGE, gmail_top, iphone, yahoo, thunderbird_flowed, divs
from clients_new import reply, apple_reply, outlook_win, outlook_desktop_raw, word_table, word_paras, apple_mac, apple_mac_plain, inv_html, inv_text

Y, N = True, False
Q9 = IDS[:9]
OPTS = ["expertise", "evidence", "side_effects", "none", "other"]


def ans(*vals, comment=None, wrap=ok):
    """Expected answers for questions 1-9 in order (None: not answered; a
    dict: that status as is), and the comment."""
    d = {}
    for qid, v in zip(Q9, vals):
        if v is None:
            continue
        if isinstance(v, list):  # the options in the survey's order
            v = sorted(v, key=OPTS.index)
        d[qid] = v if isinstance(v, dict) else wrap(v)
    if comment:
        d["comments"] = ok(comment)
    return d


def gmail_followup(name, lines, earlier_lines, earlier_name, frm):
    """A Gmail follow-up to his own earlier Gmail reply (quoted), sent 40
    minutes after it."""
    import email.utils
    d1 = email.utils.parsedate_to_datetime(reply_date(earlier_name))
    when = f"{d1:%a}, {d1.day} {d1:%b %Y} at {d1:%H:%M}"
    wrote = f"On {when}, Jack Clarke <{frm.split('<')[1][:-1]}> wrote:"
    text = "\n".join(lines) + "\n\n" + wrote + "\n\n" + quote("\n".join(earlier_lines)) + "\n"
    html = ('<div dir="ltr">' + divs(lines) + '</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
            + esc(wrote) + '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + '<div dir="ltr">' + divs(earlier_lines) + '</div></blockquote></div>')
    earlier_id = f"<CAF{hashlib.sha1(earlier_name.encode()).hexdigest()[:24]}@mail.gmail.com>"
    return gmail(name, text, html, in_reply_to=earlier_id, references=f"{INV_ID} {earlier_id}", frm=frm,
                 date=email.utils.format_datetime(d1 + datetime.timedelta(minutes=40)))


P = "heldback21p_"

# ======================= Outlook 365 for Windows =======================
n = P + "locum_catchup_numbered_outlook"
case(n, outlook_win(n, top=["Hi Asha,", "", "Finally clearing the inbox while I cover the unit over Christmas – apologies for the delay.", "",
                            "1. Yes", "2. No", "3. Yes", "4. 6", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                            "Best wishes", "Jack", "", "Dr Jack Clarke", "Locum Consultant, North Hospice"]),
     ans(Y, N, Y, 6, ["evidence", "side_effects"], Y, N, Y, Y),
     note="Outlook desktop: an apology for the delay, then a plain `1. Yes` list on top and a signature.")

n = P + "below_answer_green_outlook"
case(n, outlook_win(n, top=["Answers typed in below (green). Happy new year when it comes."], color="#00B050",
                    below={1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                           10: "If the regional guidance needs someone from a community team to read it over, I'm willing."}),
     ans(Y, Y, N, 7, ["expertise"], N, N, Y, Y, comment="If the regional guidance needs someone from a community team to read it over, I'm willing."),
     note="Outlook desktop: answers in green in their own paragraph below each Answer: of the unquoted original; a comment below 10.")

n = P + "reasons_after_dash_outlook"
case(n, outlook_win(n, top=["1. Yes – mainly in the last days of life on the ward", "2. No – we'd titrate the opioid properly first",
                            "3. Yes – twice this year, both for hyperalgesia on high-dose morphine", "4. 5 out of 10",
                            "5. a and c (the dysphoria worries the nursing staff)", "6. Yes – reviewed in the summer", "7. No",
                            "8. Yes", "9. Yes, without a doubt", "", "Jack"]),
     ans(Y, N, Y, 5, ["expertise", "side_effects"], Y, N, Y, Y),
     note="Outlook desktop: each answer followed by a reason after a dash or in brackets; `5 out of 10`; 'without a doubt'.")

n = P + "ps_protocol_correction_outlook"
case(n, outlook_win(n, top=["1 Yes", "2 Yes", "3 Yes", "4 8", "5 b", "6 Yes", "7 Yes", "8 No", "9 Yes", "",
                            "Jack", "",
                            "PS having checked the shared drive, the protocol I was thinking of belongs to the acute pain team, not us – so 6 is a no."]),
     ans(Y, Y, Y, 8, ["evidence"], N, Y, N, Y),
     note="Outlook desktop: `1 Yes` list without dots; a PS after the signature changes 6 to no (the PS wins).")

n = P + "one_line_commas_outlook"
case(n, outlook_win(n, top=["1 Y, 2 N, 3 Y, 4 8, 5 B, 6 Y, 7 Y, 8 N, 9 Y", "", "J"]),
     ans(Y, N, Y, 8, ["evidence"], Y, Y, N, Y),
     note="Outlook desktop: everything on one line, number then a one-letter answer, separated by commas; signed with an initial.")

n = P + "summary_bar_seven_outlook"
case(n, outlook_win(n, top=["Asha –", "", "Yes across the board for the yes/no ones, bar number 7 (we haven't got round to anything for the community teams).",
                            "Q4: 8", "Q5: b only", "", "Cheers", "Jack"]),
     ans(Y, Y, Y, 8, ["evidence"], Y, N, Y, Y),
     note="Outlook desktop: a prose summary ('yes across the board ... bar number 7') then Q4:/Q5: lines.")

n = P + "after_question_caps_outlook"
case(n, outlook_win(n, top=["My answers are in red after each question."], color="#C00000",
                    after_question={1: "YES", 2: "NO", 3: "NO", 4: "4", 5: "A + B", 6: "YES", 7: "YES", 8: "YES", 9: "NO"}),
     ans(Y, N, N, 4, ["expertise", "evidence"], Y, Y, Y, N),
     note="Outlook desktop: answers in red capitals at the end of each question's own paragraph in the unquoted original; `A + B`.")

n = P + "on_answer_line_outlook"
case(n, outlook_win(n, top=["Done – see below.", "", "Jack"],
                    on_line={1: "yes", 2: "no", 3: "yes", 4: "6/10", 5: "c", 6: "yes", 7: "no", 8: "no", 9: "yes",
                             10: "We only use it under the pain team's supervision."}),
     ans(Y, N, Y, 6, ["side_effects"], Y, N, N, Y, comment="We only use it under the pain team's supervision."),
     note="Outlook desktop: answers typed after Answer: on its own line in the original; `6/10` for the scale; a comment on 10's line.")

n = P + "bare_sequence_outlook"
case(n, outlook_win(n, top=["Y N Y 7 a+b Y N Y Y", "", "Sent between patients, sorry for brevity", "Jack"]),
     ans(Y, N, Y, 7, ["expertise", "evidence"], Y, N, Y, Y, wrap=INF),
     note="Outlook desktop: nine bare answers in order on one line without question numbers (inferred: to be confirmed).")

n = P + "trap_somewhere_between_outlook"
case(n, outlook_win(n, top=["1. Yes", "2. Only once someone is already on a syringe driver, so I can't really say yes or no to that one",
                            "3. Yes", "4. Somewhere between 4 and 6 depending on the route", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
     ans(Y, UNCLEAR, Y, UNCLEAR, ["expertise"], Y, N, Y, Y),
     note="TRAP. Outlook desktop: 2 answered with a condition and 'can't really say yes or no'; 4 a range 'between 4 and 6'. Both to be asked.")

n = P + "trap_none_really_outlook"
case(n, outlook_win(n, top=["1. Yes", "2. Yes", "3. No", "4. 9", "5. None really – although I suppose the side effects put some colleagues off",
                            "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Jack"]),
     ans(Y, Y, N, 9, UNCLEAR, Y, Y, N, Y),
     note="TRAP. Outlook desktop: 5 'None really' then a barrier (side effects) in the same breath: no barriers or side effects? To be asked.")

tbl_html, tbl_text = word_table([("Question", "Answer"), ("1", "Yes"), ("2", "No"), ("3", "Yes"), ("4", "7"), ("5", "b and c"),
                                 ("6", "No"), ("7", "No"), ("8", "Yes"), ("9", "Yes")], widths=[120, 160])
n = P + "word_table_outlook"
top = ["Dear Asha,", "", "I've put my answers in a table, easier for me.", ""]
case(n, outlook_desktop_raw(n, word_paras(top) + tbl_html + word_paras(["", "Regards", "Jack Clarke"]) + OUTLOOK_FROM_HTML + word_original(),
                            "\n".join(top) + "\n" + tbl_text + "\n\nRegards\nJack Clarke\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
     ans(Y, N, Y, 7, ["evidence", "side_effects"], N, N, Y, Y),
     note="Outlook desktop: a two-column Word table (question number, answer) above the original; its text part has tab-separated cells.")

n = P + "other_barrier_outlook"
case(n, outlook_win(n, top=["1) yes", "2) no", "3) yes", "4) 6", "5) e – getting it from the community pharmacies over a bank holiday is near impossible",
                            "6) yes", "7) no", "8) yes", "9) yes", "", "Jack"]),
     ans(Y, N, Y, 6, ok(["other"], other="getting it from the community pharmacies over a bank holiday is near impossible"), Y, N, Y, Y),
     note="Outlook desktop: `1)` list; 5 is e) Other with its text after a dash.")

# ======================= Outlook on the web / NHSmail =======================
n = P + "nhsmail_paren_list_owa"
case(n, owa(n, ["Hello,", "", "1) yes", "2) yes", "3) no", "4) 5", "5) b", "6) no", "7) no", "8) yes", "9) yes", "",
                "Many thanks", "Jack Clarke", "Palliative Medicine", "Sent from my NHSmail account"],
            frm='"Clarke Jack (NORTH HOSPICE)" <jack.clarke7@nhs.net>'),
     ans(Y, Y, N, 5, ["evidence"], N, N, Y, Y),
     note="Outlook on the web from his NHSmail address (same person, different sender): a `1)` list on top.")

owl = {1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "a, c", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}
n = P + "on_line_owa"
case(n, owa(n, ["Answers on the lines below.", "", "Jack"], original=inv_html(on_line=owl, color="#7030A0"),
            original_text=inv_text(on_line=owl, prefix="")),
     ans(Y, N, Y, 7, ["expertise", "side_effects"], Y, Y, Y, Y),
     note="Outlook on the web: answers in purple after each Answer: in the original below the divRplyFwdMsg block.")

n = P + "scratch_that_owa"
case(n, owa(n, ["1. Yes", "2. No", "3. No – actually scratch that, 3 is yes, I'd forgotten the lady in October", "4. 6", "5. a",
                "6. Yes", "7. No", "8. Yes", "9. Yes", "", "J Clarke"]),
     ans(Y, N, Y, 6, ["expertise"], Y, N, Y, Y),
     note="Outlook on the web: 3 corrected in the same line ('No – actually scratch that, 3 is yes'); the correction wins.")

n = P + "dose_reasons_owa"
case(n, owa(n, ["Q1 - yes, as a CSCI alongside the diamorphine", "Q2 - no", "Q3 - yes: one man went from 120 mg to 60 mg oral morphine a day",
                "Q4 - 7", "Q5 - evidence, and to a degree expertise among the juniors", "Q6 - yes (2023 version)",
                "Q7 - no", "Q8 - yes", "Q9 - yes", "", "Jack"]),
     ans(Y, N, Y, 7, ["evidence", "expertise"], Y, N, Y, Y),
     note="Outlook on the web: `Q1 - ` list with reasons holding numbers (doses, a year); 5 named in words ('evidence, and to a degree expertise').")

n = P + "trap_range_either_owa"
case(n, owa(n, ["1. yes", "2. no", "3. yes", "4. 3-4", "5. b, maybe a", "6. no", "7. no", "8. yes", "9. yes", "", "Jack"]),
     ans(Y, N, Y, UNCLEAR, UNCLEAR, N, N, Y, Y),
     note="TRAP. Outlook on the web: 4 a range `3-4`; 5 'b, maybe a' a hedge. Both to be asked.")

n = P + "html_only_brief_owa"
case(n, owa(n, ["1 yes", "2 yes", "3 yes", "4 9", "5 d", "6 yes", "7 yes", "8 no", "9 yes"], html_only=True),
     ans(Y, Y, Y, 9, ["none"], Y, Y, N, Y),
     note="Outlook on the web, HTML part only: a bare `1 yes` list, no greeting or signature; 5 is d) No barriers.")

# ======================= Outlook mobile =======================
n = P + "on_call_ios_outlook"
case(n, outlook_mobile(n, ["On call today so quickly:", "1 yes", "2 no", "3 yes", "4 6", "5 b c", "6 yes", "7 no", "8 yes", "9 yes", "Jack"], "iOS"),
     ans(Y, N, Y, 6, ["evidence", "side_effects"], Y, N, Y, Y),
     note="Outlook for iOS (base64): a short `1 yes` list typed on the phone; 5 `b c`.")

n = P + "typos_android_outlook"
case(n, outlook_mobile(n, ["1. Yrs", "2. No", "3. Yws", "4. 8", "5. B", "6. Tes", "7. No", "8. Yes", "9. Yes"], "Android"),
     ans(Y, N, Y, 8, ["evidence"], Y, N, Y, Y),
     note="Outlook for Android (base64): thumb typos 'Yrs', 'Yws', 'Tes' for yes.")

n = P + "trap_sort_of_ios_outlook"
case(n, outlook_mobile(n, ["1. Yes", "2. Sort of", "3. Yes", "4. 7", "5. A", "6. We have something but I wouldn't call it a protocol", "7. No",
                           "8. Yes", "9. Yes"], "iOS"),
     ans(Y, UNCLEAR, Y, 7, ["expertise"], UNCLEAR, N, Y, Y),
     note="TRAP. Outlook for iOS: 2 'Sort of'; 6 'something but I wouldn't call it a protocol'. Both to be asked.")

# ======================= Outlook plain text / Mac =======================
ptx = {1: "Yes", 2: "No", 3: "No", 4: "3", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "Small team, two consultants, so our numbers are tiny."}
n = P + "plain_text_answer_lines_outlook"
case(n, outlook_text(n, "Answers on the Answer lines.\n\nJack\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=ptx, prefix="") + "\n"),
     ans(Y, N, N, 3, ["expertise", "evidence"], N, N, Y, Y, comment="Small team, two consultants, so our numbers are tiny."),
     note="Outlook plain text: the original below -----Original Message----- unquoted, answers on its Answer: lines, a comment on 10's.")

n = P + "colon_list_outlook_mac"
case(n, reply(n, "outlook_mac", top=["Hi Asha", "", "1: Yes", "2: No", "3: Yes", "4: 8", "5: C", "6: Yes", "7: No", "8: No", "9: Yes",
                                     "10: Happy to be contacted about this.", "", "Jack"]),
     ans(Y, N, Y, 8, ["side_effects"], Y, N, N, Y, comment="Happy to be contacted about this."),
     note="Outlook for Mac: `1: Yes` list on top with a comment as `10:`.")

n = P + "followup_extra_outlook"
case(n, outlook_win(n, top=["Sorry Asha, should have added to my one-liner the other day – 5 is a as well as b. The rest stands.", "", "Jack"]),
     {"barriers": ok(["expertise", "evidence"])},
     note="Outlook desktop: a second message two days after `one_line_commas_outlook` (5 B), replying to the invitation again (not quoting his first reply): 5 is a as well as b; only 5 is answered in this message.")

# ======================= Gmail =======================
n = P + "boxing_day_numbered_gmail"
case(n, gmail_top(n, ["Hi Asha,", "", "Catching up on Boxing Day with a coffee – here you go:", "", "1. Yes", "2. Yes", "3. Yes", "4. 7",
                      "5. B & C", "6. Yes", "7. No", "8. Yes", "9. Yes"], sign=("All the best,", "Jack")),
     ans(Y, Y, Y, 7, ["evidence", "side_effects"], Y, N, Y, Y),
     note="Gmail web: a chatty line, then a `1. Yes` list; 5 `B & C`.")

gm_inline = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
             10: "We are a small hospice and see maybe three or four patients a year on it."}
n = P + "inline_below_answer_gmail"
case(n, reply(n, "gmail_web", top=["Answers in the text below.", "", "Jack"], answers=gm_inline),
     ans(Y, N, Y, 6, ["evidence"], Y, N, Y, Y, comment="We are a small hospice and see maybe three or four patients a year on it."),
     note="Gmail web: answers typed under each quoted Answer:, the quote split around them; a comment under 10.")

n = P + "not_really_gmail_android"
case(n, reply(n, "gmail_android", top=["1 yes", "2 not really, no", "3 yes", "4 5", "5 a", "6 no", "7 no", "8 yes please", "9 yes", "", "Sent from my phone, Jack"]),
     ans(Y, N, Y, 5, ["expertise"], N, N, Y, Y),
     note="Gmail for Android: 'not really, no' is no; 'yes please' for the training question.")

n = P + "trap_contradiction_gmail"
case(n, gmail_top(n, ["1. Yes", "2. No", "3. Yes", "4. 8", "5. b", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                      "To be honest I start it quite early these days, often alongside the first opioid titration, because it saves a lot of trouble later."],
                  sign=("Jack",)),
     ans(Y, UNCLEAR, Y, 8, ["evidence"], Y, Y, N, Y),
     note="TRAP. Gmail web: 2 answered no, then a later sentence says he starts it early alongside the first opioid titration (the case of 2) without correcting it. To be asked.")

n = P + "words_not_numbers_gmail_ios"
case(n, reply(n, "gmail_ios", top=["End of life use – yes", "Early adjuvant – no", "To cut the opioid dose – yes", "Confidence – 6",
                                   "Barriers – lack of evidence", "Written protocol – yes", "Community guidance – no", "Training – yes", "Research – yes", "", "Jack"]),
     ans(Y, N, Y, 6, ["evidence"], Y, N, Y, Y),
     note="Gmail for iOS: each answer labelled by its topic in his own words instead of a number.")

gm_first = ["1. Yes", "2. No", "3. No", "4. 5", "5. a, b", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]
n = P + "first_of_two_gmail"
case(n, gmail_top(n, gm_first[:-2], sign=("Jack",), frm='"Jack Clarke" <jackclarke.hospice@gmail.com>'),
     ans(Y, N, N, 5, ["expertise", "evidence"], N, N, Y, Y),
     note="Gmail web from his personal address: a `1. Yes` list (his follow-up is `followup_comment_gmail`).")

n = P + "followup_comment_gmail"
case(n, gmail_followup(n, ["Meant to add a comment for 10:", "",
                           "Most of our patients are at home, so whatever guidance comes out of this needs to work for the district nurses too.", "", "Jack"],
                       gm_first, P + "first_of_two_gmail", '"Jack Clarke" <jackclarke.hospice@gmail.com>'),
     {"comments": ok("Most of our patients are at home, so whatever guidance comes out of this needs to work for the district nurses too.")},
     note="Gmail web follow-up to his own Gmail reply (quoted below, not counted): only the comment for 10.")

# ======================= Apple =======================
n = P + "short_list_iphone"
case(n, iphone(n, ["1 Yes", "2 No", "3 Yes", "4 7", "5 b", "6 Yes", "7 Yes", "8 Yes", "9 Yes", "", "Jack"]),
     ans(Y, N, Y, 7, ["evidence"], Y, Y, Y, Y),
     note="iPhone Mail: a short `1 Yes` list above 'Sent from my iPhone'.")

n = P + "bare_lines_iphone"
case(n, iphone(n, ["Yes", "No", "Yes", "6", "A and B", "No", "No", "Yes", "Yes"]),
     ans(Y, N, Y, 6, ["expertise", "evidence"], N, N, Y, Y, wrap=INF),
     note="iPhone Mail: nine bare answers one per line in question order, no numbers (inferred: to be confirmed).")

ip_inline = {1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "None", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
n = P + "inline_split_iphone"
case(n, apple_reply(n, "iphone", answers=ip_inline),
     ans(Y, Y, Y, 9, ["none"], Y, Y, N, Y),
     note="iPhone Mail: answers typed into the quote under each Answer:, splitting it; 5 'None'.")

n = P + "trap_cant_say_iphone"
case(n, iphone(n, ["1. Yes", "2. No", "3. Yes", "4. Depends what for – 8 for end of life, nearer 3 for anything else", "5. a, c",
                   "6. Not sure, would have to check with our pharmacist", "7. No", "8. Yes", "9. Yes"]),
     ans(Y, N, Y, UNCLEAR, ["expertise", "side_effects"], UNCLEAR, N, Y, Y),
     note="TRAP. iPhone Mail: 4 two different numbers for two situations; 6 'Not sure, would have to check'. Both to be asked.")

n = P + "rich_colon_apple_mail"
case(n, apple_mac(n, ["Asha,", "", "Q1: yes", "Q2: no", "Q3: yes", "Q4: 6", "Q5: b, c", "Q6: yes", "Q7: no", "Q8: yes", "Q9: yes",
                      "Q10: I've not used it for a couple of years since our pain team took over.", "", "Jack"]),
     ans(Y, N, Y, 6, ["evidence", "side_effects"], Y, N, Y, Y, comment="I've not used it for a couple of years since our pain team took over."),
     note="Apple Mail macOS (rich): `Q1: yes` list and a `Q10:` comment.")

mac_plain = ("Hi Asha,\n\nQuick answers below, then a thought.\n\n1. Yes\n2. No\n3. Yes\n4. 7\n5. c\n6. Yes\n7. No\n8. Yes\n9. Yes\n"
             "10. The biggest problem for us is not the prescribing itself but that most of our community pharmacies do not keep the oral solution in stock, "
             "so any guidance should say who holds supplies out of hours.\n\nJack\n\n")
n = P + "flowed_delsp_apple_mail"
case(n, apple_mac_plain(n, mac_plain + "> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"),
     ans(Y, N, Y, 7, ["side_effects"], Y, N, Y, Y,
         comment="The biggest problem for us is not the prescribing itself but that most of our community pharmacies do not keep the oral solution in stock, so any guidance should say who holds supplies out of hours."),
     note="Apple Mail macOS plain text (format=flowed, DelSp=yes): a `1. Yes` list with a long 10 soft-broken over lines.")

# ======================= Thunderbird =======================
n = P + "top_list_thunderbird"
case(n, thunderbird_flowed(n, "Dear Asha,\n\n1. yes\n2. no\n3. yes\n4. 4\n5. a\n6. no\n7. no\n8. yes\n9. yes\n\n"
                              "Regards,\nJack Clarke\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     ans(Y, N, Y, 4, ["expertise"], N, N, Y, Y),
     note="Thunderbird format=flowed: a `1. yes` list on top, '4. 4' for the scale.")

tb_in = {1: "Yes.", 2: "Yes, in selected patients with neuropathic pain.", 3: "Yes.", 4: "8", 5: "b", 6: "Yes.", 7: "Yes, agreed with the two community trusts last spring.",
         8: "No.", 9: "Yes."}
n = P + "inline_flowed_thunderbird"
case(n, thunderbird_flowed(n, "Answers inline.\n\n" + WROTE_TB + "\n" + text_inline(answers=tb_in) + "\n"),
     ans(Y, Y, Y, 8, ["evidence"], Y, Y, N, Y),
     note="Thunderbird format=flowed: answers inline under each quoted Answer:, some with a reason after the yes.")

# ======================= Samsung, Yahoo =======================
n = P + "samsung_list"
case(n, reply(n, "samsung", top=["1.yes", "2.no", "3.no", "4.6", "5.a", "6.yes", "7.no", "8.yes", "9.yes"]),
     ans(Y, N, N, 6, ["expertise"], Y, N, Y, Y),
     note="Samsung Email (base64): `1.yes` without spaces; `4.6` is question 4, answer 6.")

n = P + "yahoo_words"
case(n, yahoo(n, ["Hi, my answers:", "1 - Yes", "2 - Yes", "3 - No", "4 - 5", "5 - b and c", "6 - No", "7 - No", "8 - Yes", "9 - Yes",
                  "10 - Only used it once, as a locum elsewhere.", "", "Jack"]),
     ans(Y, Y, N, 5, ["evidence", "side_effects"], N, N, Y, Y, comment="Only used it once, as a locum elsewhere."),
     note="Yahoo Mail: `1 - Yes` list and a `10 -` comment.")
