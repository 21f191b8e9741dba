# Ketamine in specialist palliative care: a regional survey: the responses, labelled, for R (base R only).
# Reads responses.csv from this file's folder into the data frame `responses`:
#   source("path/to/responses.R")   or   Rscript path/to/responses.R
# Codes: codebook.csv. Empty cells are NA (no valid answer).

responses_folder <- function() {
  for (frame in rev(sys.frames())) {
    if (!is.null(frame$ofile)) return(dirname(normalizePath(frame$ofile)))
  }
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(file) == 1) return(dirname(normalizePath(file)))
  getwd()
}

# Not missing but an answer of its own: NA here, the reason in attribute na_reason.
reserved_codes <- c("not applicable" = -8, "prefer not to say" = -9)

labelled <- function(x, label, levels = NULL, labels = NULL, value_labels = NULL,
                     reserved = FALSE) {
  reason <- NULL
  if (reserved) {
    hit <- match(x, reserved_codes)
    reason <- factor(names(reserved_codes)[hit], levels = names(reserved_codes))
    x[!is.na(hit)] <- NA
  }
  if (!is.null(levels)) x <- factor(x, levels = levels, labels = labels)
  attr(x, "label") <- label
  if (!is.null(value_labels)) attr(x, "labels") <- value_labels
  if (!is.null(reason)) attr(x, "na_reason") <- reason
  x
}

responses <- utils::read.csv(
  file.path(responses_folder(), "responses.csv"),
  colClasses = c(
    "respondent" = "character",
    "centre" = "character",
    "end_of_life" = "numeric",
    "early_adjuvant" = "numeric",
    "opioid_sparing" = "numeric",
    "confidence" = "numeric",
    "barriers_expertise" = "numeric",
    "barriers_evidence" = "numeric",
    "barriers_side_effects" = "numeric",
    "barriers_none" = "numeric",
    "barriers_other" = "numeric",
    "barriers_other_text" = "character",
    "written_protocol" = "numeric",
    "shared_guidance" = "numeric",
    "training" = "numeric",
    "research" = "numeric",
    "comments" = "character"
  ),
  na.strings = "", fileEncoding = "UTF-8", encoding = "UTF-8",
  quote = "\"", comment.char = "", strip.white = FALSE, check.names = FALSE
)

responses[["respondent"]] <- labelled(responses[["respondent"]], "Respondent (pseudonym or name)")
responses[["centre"]] <- labelled(responses[["centre"]], "Recipient list: centre")
responses[["end_of_life"]] <- labelled(responses[["end_of_life"]], "1. Have you used ketamine to control intractable pain in end-of-life situations, in addition to strong opioids?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["early_adjuvant"]] <- labelled(responses[["early_adjuvant"]], "2. Have you used ketamine as an adjuvant with opioids in the early stages of pain relief?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["opioid_sparing"]] <- labelled(responses[["opioid_sparing"]], "3. Have you used ketamine to enable a reduction of the opioid dose because of opioid side effects?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["confidence"]] <- labelled(responses[["confidence"]], "4. How confident are you in prescribing ketamine?", value_labels = c("not at all confident" = 0, "fully confident" = 10), reserved = TRUE)
responses[["barriers_expertise"]] <- labelled(responses[["barriers_expertise"]], "Lack of expertise and familiarity (5. Which barriers, if any, limit your use of ketamine?)", levels = c(0, 1), labels = c("not chosen", "chosen"), reserved = TRUE)
responses[["barriers_evidence"]] <- labelled(responses[["barriers_evidence"]], "Lack of evidence (5. Which barriers, if any, limit your use of ketamine?)", levels = c(0, 1), labels = c("not chosen", "chosen"), reserved = TRUE)
responses[["barriers_side_effects"]] <- labelled(responses[["barriers_side_effects"]], "Side effects (5. Which barriers, if any, limit your use of ketamine?)", levels = c(0, 1), labels = c("not chosen", "chosen"), reserved = TRUE)
responses[["barriers_none"]] <- labelled(responses[["barriers_none"]], "No barriers (5. Which barriers, if any, limit your use of ketamine?)", levels = c(0, 1), labels = c("not chosen", "chosen"), reserved = TRUE)
responses[["barriers_other"]] <- labelled(responses[["barriers_other"]], "Other (please specify) (5. Which barriers, if any, limit your use of ketamine?)", levels = c(0, 1), labels = c("not chosen", "chosen"), reserved = TRUE)
responses[["barriers_other_text"]] <- labelled(responses[["barriers_other_text"]], "Other (please specify), text (5. Which barriers, if any, limit your use of ketamine?)")
responses[["written_protocol"]] <- labelled(responses[["written_protocol"]], "6. Does your service have a written protocol for the use of ketamine?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["shared_guidance"]] <- labelled(responses[["shared_guidance"]], "7. Has your service developed shared guidance on ketamine for community services?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["training"]] <- labelled(responses[["training"]], "8. Would you benefit from further training and education in the use of ketamine?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["research"]] <- labelled(responses[["research"]], "9. Do you feel further research into the use of ketamine is needed?", levels = c(0, 1), labels = c("no", "yes"), reserved = TRUE)
responses[["comments"]] <- labelled(responses[["comments"]], "10. Any other comments?")

rm(responses_folder, reserved_codes, labelled)
