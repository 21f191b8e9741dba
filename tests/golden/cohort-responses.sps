* Encoding: UTF-8.
* Ketamine in specialist palliative care: a regional survey: the responses, labelled, for SPSS or PSPP.
* Reads responses.csv from this file's folder when run with
*   INSERT FILE='FOLDER/responses.sps' CD=YES.
* (SPSS or PSPP), or from the working directory: cd FOLDER && pspp responses.sps.
* Codes: codebook.csv. Empty cells are missing (no valid answer).

* Join each record's lines (a line break inside a quoted answer) with X'1F'.
DATA LIST FILE='responses.csv' ENCODING='UTF-8' FIXED /line 1-238 (A).
NUMERIC #open (F1.0).
STRING #joined (A496).
STRING record (A496).
COMPUTE #quotes = LENGTH(RTRIM(line)) - LENGTH(RTRIM(REPLACE(line, '"', ''))).
DO IF #open = 1.
COMPUTE record = CONCAT(RTRIM(#joined), X'1F', RTRIM(line)).
ELSE.
COMPUTE record = RTRIM(line).
END IF.
COMPUTE #joined = record.
COMPUTE #open = MOD(#open + #quotes, 2).
DO IF #open = 0.
COMPUTE record = CONCAT(RTRIM(record), ',').
WRITE OUTFILE='responses.sps.tmp' /record.
END IF.
EXECUTE.

GET DATA
  /TYPE=TXT
  /FILE='responses.sps.tmp'
  /ENCODING='UTF-8'
  /ARRANGEMENT=DELIMITED
  /FIRSTCASE=2
  /DELIMITERS=','
  /QUALIFIER='"'
  /VARIABLES=
    respondent A10
    centre A37
    end_of_life F3.0
    early_adjuvant F3.0
    opioid_sparing F3.0
    confidence F8.0
    barriers_expertise F3.0
    barriers_evidence F3.0
    barriers_side_effects F3.0
    barriers_none F3.0
    barriers_other F3.0
    barriers_other_text A48
    written_protocol F3.0
    shared_guidance F3.0
    training F3.0
    research F3.0
    comments A68
    sps_padding A1.
DELETE VARIABLES sps_padding.
COMPUTE respondent = REPLACE(respondent, X'1F', X'0A').
COMPUTE centre = REPLACE(centre, X'1F', X'0A').
COMPUTE barriers_other_text = REPLACE(barriers_other_text, X'1F', X'0A').
COMPUTE comments = REPLACE(comments, X'1F', X'0A').
EXECUTE.
ERASE FILE='responses.sps.tmp'.

VARIABLE LABELS
  respondent 'Respondent (pseudonym or name)'
  /centre 'Recipient list: centre'
  /end_of_life '1. Have you used ketamine to control intractable pain in end-of-life situations, in addition to strong opioids?'
  /early_adjuvant '2. Have you used ketamine as an adjuvant with opioids in the early stages of pain relief?'
  /opioid_sparing '3. Have you used ketamine to enable a reduction of the opioid dose because of opioid side effects?'
  /confidence '4. How confident are you in prescribing ketamine?'
  /barriers_expertise 'Lack of expertise and familiarity (5. Which barriers, if any, limit your use of ketamine?)'
  /barriers_evidence 'Lack of evidence (5. Which barriers, if any, limit your use of ketamine?)'
  /barriers_side_effects 'Side effects (5. Which barriers, if any, limit your use of ketamine?)'
  /barriers_none 'No barriers (5. Which barriers, if any, limit your use of ketamine?)'
  /barriers_other 'Other (please specify) (5. Which barriers, if any, limit your use of ketamine?)'
  /barriers_other_text 'Other (please specify), text (5. Which barriers, if any, limit your use of ketamine?)'
  /written_protocol '6. Does your service have a written protocol for the use of ketamine?'
  /shared_guidance '7. Has your service developed shared guidance on ketamine for community services?'
  /training '8. Would you benefit from further training and education in the use of ketamine?'
  /research '9. Do you feel further research into the use of ketamine is needed?'
  /comments '10. Any other comments?'.

VALUE LABELS
  end_of_life 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'
  /early_adjuvant 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'
  /opioid_sparing 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'
  /confidence 0 'not at all confident' 10 'fully confident' -8 'not applicable' -9 'prefer not to say'
  /barriers_expertise 0 'not chosen' 1 'chosen' -8 'not applicable' -9 'prefer not to say'
  /barriers_evidence 0 'not chosen' 1 'chosen' -8 'not applicable' -9 'prefer not to say'
  /barriers_side_effects 0 'not chosen' 1 'chosen' -8 'not applicable' -9 'prefer not to say'
  /barriers_none 0 'not chosen' 1 'chosen' -8 'not applicable' -9 'prefer not to say'
  /barriers_other 0 'not chosen' 1 'chosen' -8 'not applicable' -9 'prefer not to say'
  /written_protocol 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'
  /shared_guidance 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'
  /training 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'
  /research 0 'no' 1 'yes' -8 'not applicable' -9 'prefer not to say'.

MISSING VALUES end_of_life early_adjuvant opioid_sparing confidence barriers_expertise barriers_evidence barriers_side_effects barriers_none barriers_other written_protocol shared_guidance training research (-8, -9).

VARIABLE LEVEL
  end_of_life (NOMINAL)
  /early_adjuvant (NOMINAL)
  /opioid_sparing (NOMINAL)
  /confidence (ORDINAL)
  /barriers_expertise (NOMINAL)
  /barriers_evidence (NOMINAL)
  /barriers_side_effects (NOMINAL)
  /barriers_none (NOMINAL)
  /barriers_other (NOMINAL)
  /written_protocol (NOMINAL)
  /shared_guidance (NOMINAL)
  /training (NOMINAL)
  /research (NOMINAL).
EXECUTE.
