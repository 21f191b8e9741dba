* Ketamine in specialist palliative care: a regional survey: the responses, labelled, for Stata 14 or later.
* Reads responses.csv from the working directory: cd to this file's folder, then
*   do responses.do
* Codes: codebook.csv. Empty cells are missing (.); reserved codes become .a and .b.

import delimited using "responses.csv", clear varnames(1) delimiters(",") bindquote(strict) maxquotedrows(unlimited) encoding("utf-8") case(preserve) stringcols(1 2 12 17) numericcols(3 4 5 6 7 8 9 10 11 13 14 15 16)

mvdecode end_of_life early_adjuvant opioid_sparing confidence barriers_expertise barriers_evidence barriers_side_effects barriers_none barriers_other written_protocol shared_guidance training research, mv(-8=.a \ -9=.b)

label variable respondent `"Respondent (pseudonym or name)"'
label variable centre `"Recipient list: centre"'
label variable end_of_life `"1. Have you used ketamine to control intractable pain in end-of-life situations,"'
label variable early_adjuvant `"2. Have you used ketamine as an adjuvant with opioids in the early stages of pai"'
label variable opioid_sparing `"3. Have you used ketamine to enable a reduction of the opioid dose because of op"'
label variable confidence `"4. How confident are you in prescribing ketamine?"'
label variable barriers_expertise `"Lack of expertise and familiarity (5. Which barriers, if any, limit your use of "'
label variable barriers_evidence `"Lack of evidence (5. Which barriers, if any, limit your use of ketamine?)"'
label variable barriers_side_effects `"Side effects (5. Which barriers, if any, limit your use of ketamine?)"'
label variable barriers_none `"No barriers (5. Which barriers, if any, limit your use of ketamine?)"'
label variable barriers_other `"Other (please specify) (5. Which barriers, if any, limit your use of ketamine?)"'
label variable barriers_other_text `"Other (please specify), text (5. Which barriers, if any, limit your use of ketam"'
label variable written_protocol `"6. Does your service have a written protocol for the use of ketamine?"'
label variable shared_guidance `"7. Has your service developed shared guidance on ketamine for community services"'
label variable training `"8. Would you benefit from further training and education in the use of ketamine?"'
label variable research `"9. Do you feel further research into the use of ketamine is needed?"'
label variable comments `"10. Any other comments?"'

label define yes_no 0 `"no"' 1 `"yes"' .a `"not applicable"' .b `"prefer not to say"'
label values end_of_life yes_no
label values early_adjuvant yes_no
label values opioid_sparing yes_no
label define confidence 0 `"not at all confident"' 10 `"fully confident"' .a `"not applicable"' .b `"prefer not to say"'
label values confidence confidence
label define option 0 `"not chosen"' 1 `"chosen"' .a `"not applicable"' .b `"prefer not to say"'
label values barriers_expertise option
label values barriers_evidence option
label values barriers_side_effects option
label values barriers_none option
label values barriers_other option
label values written_protocol yes_no
label values shared_guidance yes_no
label values training yes_no
label values research yes_no
