//! Counting in one pass: every figure of [`Figures`] is tallied as the
//! respondents go by, one at a time, so a report over a national survey
//! never holds its respondents (only what its figures are made of: the
//! counted values of each question, the free texts, the issues).
//! [`Tally::finish`] turns the tallies into the same figures the report
//! has always shown, through [`super::figures`]'s own rules.

use std::collections::BTreeMap;

use super::figures::{
    Breakdown, BreakdownQuestion, Cell, Counts, Figures, GridItemFigures, Group, Issue, Late,
    Outcome, Participation, Quality, QuestionFigures, Share, SurveyFacts, group_name, group_named,
    kind_name, small, when,
};
use super::{ReportInput, Respondent};
use crate::survey::{Question, QuestionKind, Reserved, Survey};
use crate::understand::answer::{Answer, Status, Value};
use crate::understand::applies::{Applies, answered_anyway, applies, complete};

/// The running counts of one question (or of one grid item, counted as a
/// question of its own in `alone`: the survey with the grid replaced by
/// the item).
struct Question1 {
    index: usize,
    /// For a grid item: the questions with the grid replaced by the item.
    alone: Option<Vec<Question>>,
    unanswered: usize,
    unclear: usize,
    invalid: usize,
    inferred: usize,
    reserved_not_applicable: usize,
    prefer_not_to_say: usize,
    not_applying: usize,
    answered_anyway: usize,
    /// The valid values that count, counted as they come.
    counts: Counts,
}

impl Question1 {
    fn new(survey: &[Question], index: usize, alone: Option<Vec<Question>>) -> Question1 {
        let counts = Counts::new(&alone.as_deref().unwrap_or(survey)[index]);
        Question1 {
            index,
            alone,
            unanswered: 0,
            unclear: 0,
            invalid: 0,
            inferred: 0,
            reserved_not_applicable: 0,
            prefer_not_to_say: 0,
            not_applying: 0,
            answered_anyway: 0,
            counts,
        }
    }

    /// Counts one respondent's answers: those whose answers make the
    /// question's condition false are "not applicable" (an answer they
    /// gave anyway is kept, counted apart, and not used).
    fn add(&mut self, survey: &[Question], answers: &BTreeMap<String, Answer>) {
        let questions = self.alone.as_deref().unwrap_or(survey);
        let q = &questions[self.index];
        if applies(questions, self.index, answers) == Applies::No {
            self.not_applying += 1;
            if answered_anyway(questions, self.index, answers) {
                self.answered_anyway += 1;
            }
            return;
        }
        let Some(answer) = answers.get(&q.id) else {
            self.unanswered += 1;
            return;
        };
        match answer.status {
            Status::Unclear => self.unclear += 1,
            Status::Invalid => self.invalid += 1,
            Status::Inferred => self.inferred += 1,
            Status::Ok => {}
        }
        match answer.reserved() {
            Some(Reserved::NotApplicable) => self.reserved_not_applicable += 1,
            Some(Reserved::PreferNotToSay) => self.prefer_not_to_say += 1,
            // "Not applicable" and "prefer not to say" are outside every
            // denominator: each percentage is over those who gave a value.
            None => {
                if answer.is_ok()
                    && let Some(value) = &answer.value
                {
                    self.counts.add(q, value, answer.other.as_deref());
                }
            }
        }
    }

    fn finish(self, survey: &[Question]) -> QuestionFigures {
        let questions = self.alone.as_deref().unwrap_or(survey);
        let q = &questions[self.index];
        let outcome = self.counts.outcome(q);
        let n = match &outcome {
            Outcome::YesNo { yes, .. } => yes.n,
            Outcome::Choice { options, .. } => options.first().map_or(0, |o| o.share.n),
            Outcome::Numeric { summary, .. } => summary.as_ref().map_or(0, |s| s.n),
            Outcome::Text { answers } => answers.len(),
            Outcome::Ranking { options } => options.first().map_or(0, |o| o.first.n),
            Outcome::Grid { items } => items.iter().map(|i| i.n).max().unwrap_or(0),
        };
        QuestionFigures {
            number: self.index + 1,
            id: q.id.clone(),
            text: q.display_text(),
            kind: kind_name(&q.kind),
            n,
            unanswered: self.unanswered,
            unclear: self.unclear,
            invalid: self.invalid,
            inferred: self.inferred,
            not_applicable: self.reserved_not_applicable + self.not_applying,
            answered_not_applicable: self.answered_anyway,
            prefer_not_to_say: self.prefer_not_to_say,
            outcome,
        }
    }
}

/// A grid: each item counted as a question of its own (the grid's scale
/// or options, its condition), and the grid's own counts over those it
/// applied to: unanswered when no item has an answer, unclear, invalid
/// or inferred when any item is.
struct Grid1 {
    index: usize,
    items: Vec<Question1>,
    keys: Vec<String>,
    unanswered: usize,
    unclear: usize,
    invalid: usize,
    inferred: usize,
}

impl Grid1 {
    fn add(&mut self, questions: &[Question], answers: &BTreeMap<String, Answer>) {
        for item in &mut self.items {
            item.add(questions, answers);
        }
        if applies(questions, self.index, answers) == Applies::No {
            return;
        }
        let any = |test: &dyn Fn(&Answer) -> bool| {
            self.keys.iter().any(|k| answers.get(k).is_some_and(test))
        };
        let (none, unclear, invalid, inferred) = (
            !any(&|_| true),
            any(&|a| a.status == Status::Unclear),
            any(&|a| a.status == Status::Invalid),
            any(&|a| a.status == Status::Inferred),
        );
        self.unanswered += usize::from(none);
        self.unclear += usize::from(unclear);
        self.invalid += usize::from(invalid);
        self.inferred += usize::from(inferred);
    }

    fn finish(self, questions: &[Question]) -> QuestionFigures {
        let q = &questions[self.index];
        let mut items = Vec::new();
        let mut figures = Vec::new();
        for (item, tally) in q.grid_items().iter().zip(self.items) {
            let f = tally.finish(questions);
            let (at_min, at_max) = match (&f.outcome, q.grid_scale()) {
                (Outcome::Numeric { distribution, .. }, Some((min, max))) => (
                    distribution
                        .iter()
                        .find(|b| b.label == min.to_string())
                        .map(|b| b.share.clone()),
                    distribution
                        .iter()
                        .find(|b| b.label == max.to_string())
                        .map(|b| b.share.clone()),
                ),
                _ => (None, None),
            };
            items.push(GridItemFigures {
                id: item.id.clone(),
                label: item.label.clone(),
                n: f.n,
                at_min,
                at_max,
                not_applicable: f.not_applicable,
                unclear: f.unclear + f.invalid,
                outcome: Box::new(f.outcome.clone()),
            });
            figures.push(f);
        }
        let most = |field: fn(&QuestionFigures) -> usize| figures.iter().map(field).max();
        QuestionFigures {
            number: self.index + 1,
            id: q.id.clone(),
            text: q.display_text(),
            kind: kind_name(&q.kind),
            n: items.iter().map(|i| i.n).max().unwrap_or(0),
            unanswered: self.unanswered,
            unclear: self.unclear,
            invalid: self.invalid,
            inferred: self.inferred,
            not_applicable: most(|f| f.not_applicable).unwrap_or(0),
            answered_not_applicable: most(|f| f.answered_not_applicable).unwrap_or(0),
            prefer_not_to_say: most(|f| f.prefer_not_to_say).unwrap_or(0),
            outcome: Outcome::Grid { items },
        }
    }
}

/// One question's tally.
enum Tallied {
    Question(Question1),
    Grid(Grid1),
}

/// The breakdown's tallies: per group, its respondents and, per yes/no
/// question, those who answered it and those who said yes.
struct Groups {
    attribute: String,
    /// The yes/no questions: (index, question id).
    questions: Vec<(usize, String)>,
    invited: BTreeMap<String, usize>,
    members: BTreeMap<String, (usize, Vec<(usize, usize)>)>,
}

/// Every figure, counted as the respondents go by: [`Tally::add`] each
/// one (in the order of their first reply, which their labels follow),
/// then [`Tally::finish`].
pub(crate) struct Tally<'s> {
    survey: &'s Survey,
    questions: Vec<Tallied>,
    groups: Option<Groups>,
    replied: usize,
    respondents: usize,
    complete: usize,
    different_sender: usize,
    unclear: Vec<Issue>,
    invalid: Vec<Issue>,
    inferred: Vec<Issue>,
    answered_not_applicable: Vec<Issue>,
}

impl<'s> Tally<'s> {
    /// An empty tally of `survey`, its breakdown's groups those of the
    /// invited.
    pub(crate) fn new(survey: &'s Survey, invited: &super::Invited) -> Tally<'s> {
        let questions = survey
            .questions
            .iter()
            .enumerate()
            .map(|(index, q)| {
                if matches!(q.kind, QuestionKind::Grid { .. }) {
                    let items = q
                        .answered_questions()
                        .into_iter()
                        .map(|item_q| {
                            let mut alone = survey.questions.to_vec();
                            alone[index] = item_q;
                            Question1::new(&survey.questions, index, Some(alone))
                        })
                        .collect();
                    Tallied::Grid(Grid1 {
                        index,
                        items,
                        keys: q.answer_keys(),
                        unanswered: 0,
                        unclear: 0,
                        invalid: 0,
                        inferred: 0,
                    })
                } else {
                    Tallied::Question(Question1::new(&survey.questions, index, None))
                }
            })
            .collect();
        let groups = survey.report.breakdown.as_ref().map(|attribute| {
            let mut groups: BTreeMap<String, usize> = BTreeMap::new();
            for (value, count) in &invited.by_value {
                *groups.entry(group_named(Some(value))).or_default() += count;
            }
            let questions: Vec<(usize, String)> = survey
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.kind == QuestionKind::YesNo)
                .map(|(i, q)| (i, q.id.clone()))
                .collect();
            let members = groups
                .keys()
                .map(|g| (g.clone(), (0, vec![(0, 0); questions.len()])))
                .collect();
            Groups {
                attribute: attribute.clone(),
                questions,
                invited: groups,
                members,
            }
        });
        Tally {
            survey,
            questions,
            groups,
            replied: 0,
            respondents: 0,
            complete: 0,
            different_sender: 0,
            unclear: Vec::new(),
            invalid: Vec::new(),
            inferred: Vec::new(),
            answered_not_applicable: Vec::new(),
        }
    }

    /// Counts one person who replied; `label` is theirs if they are a
    /// respondent (at least one valid answer), `None` if not.
    pub(crate) fn add(&mut self, r: &Respondent, label: Option<&str>) {
        let questions = &self.survey.questions;
        self.replied += 1;
        self.issues(r, label.unwrap_or("-"));
        if label.is_none() {
            return;
        }
        self.respondents += 1;
        self.complete += usize::from(complete(questions, &r.answers));
        self.different_sender += usize::from(r.different_sender);
        for tally in &mut self.questions {
            match tally {
                Tallied::Question(t) => t.add(questions, &r.answers),
                Tallied::Grid(t) => t.add(questions, &r.answers),
            }
        }
        if let Some(groups) = &mut self.groups {
            let group = group_name(r.attributes.get(&groups.attribute));
            if !groups.members.contains_key(group) {
                let counts = (0, vec![(0, 0); groups.questions.len()]);
                groups.members.insert(group.to_owned(), counts);
            }
            let (people, yes) = groups.members.get_mut(group).expect("inserted above");
            *people += 1;
            for ((_, id), (answered, said_yes)) in groups.questions.iter().zip(yes.iter_mut()) {
                if let Some(Value::Bool(b)) = r
                    .answers
                    .get(id)
                    .filter(|a| a.is_ok())
                    .and_then(|a| a.value.as_ref())
                {
                    *answered += 1;
                    *said_yes += usize::from(*b);
                }
            }
        }
    }

    /// The answers the report could not count, and those to questions
    /// that did not apply, listed under the person's label.
    fn issues(&mut self, r: &Respondent, label: &str) {
        let questions = &self.survey.questions;
        for (i, q) in questions.iter().enumerate() {
            let Some(answer) = r.answers.get(&q.id) else {
                continue;
            };
            let applying = applies(questions, i, &r.answers) != Applies::No;
            let list = match answer.status {
                Status::Unclear => Some(&mut self.unclear),
                Status::Invalid => Some(&mut self.invalid),
                Status::Inferred => Some(&mut self.inferred),
                Status::Ok => None,
            };
            if let Some(list) = list
                && applying
            {
                list.push(Issue {
                    respondent: label.to_owned(),
                    number: i + 1,
                    question: q.id.clone(),
                    reason: answer.reason.clone().unwrap_or_default(),
                });
            }
            // Answers to a question whose condition was false: kept, not
            // counted, listed so the lead sees them.
            if let Some(show_if) = &q.show_if
                && answer.reserved() != Some(Reserved::NotApplicable)
                && !applying
            {
                self.answered_not_applicable.push(Issue {
                    respondent: label.to_owned(),
                    number: i + 1,
                    question: q.id.clone(),
                    reason: format!("answered, though only for those where {}", show_if.words),
                });
            }
        }
    }

    /// Every figure but the results paragraph, which is written from them;
    /// `input` gives what the store counted (its respondents are not read:
    /// they were added).
    pub(crate) fn finish(self, input: &ReportInput<'_>) -> Figures {
        let survey = self.survey;
        let tz = &survey.period.time_zone;
        let respondents = self.respondents;
        let participation = Participation {
            invited: input.invited.count,
            delivered: input.delivered,
            bounced: input.bounced,
            opted_out: input.opted_out,
            replied: self.replied,
            respondents,
            complete: self.complete,
            partial: respondents - self.complete,
            response_rate: Share::of(respondents, input.invited.count),
            response_rate_delivered: Share::of(respondents, input.delivered),
            late: input
                .late
                .iter()
                .map(|late| Late {
                    name: survey.report.include_names.then(|| late.name.clone()),
                    received_at: when(late.received_at, tz),
                })
                .collect(),
        };
        let questions = self
            .questions
            .into_iter()
            .map(|tally| match tally {
                Tallied::Question(t) => t.finish(&survey.questions),
                Tallied::Grid(t) => t.finish(&survey.questions),
            })
            .collect();
        let breakdown = self
            .groups
            .map(|groups| breakdown(groups, survey.report.min_cell));
        Figures {
            survey: SurveyFacts {
                id: survey.id.clone(),
                title: survey.title.clone(),
                time_zone: tz.iana_name().unwrap_or("UTC").to_owned(),
                open: survey.period.open.strftime("%-d %B %Y %H:%M").to_string(),
                close: survey.period.close.strftime("%-d %B %Y %H:%M").to_string(),
                participants: survey.report.participants.clone(),
            },
            generated_at: when(input.generated_at, tz),
            interim: input.interim,
            participation,
            questions,
            breakdown,
            quality: Quality {
                answered_not_applicable: self.answered_not_applicable,
                different_sender: self.different_sender,
                replied_without_valid_answer: self.replied - respondents,
                unclear: self.unclear,
                invalid: self.invalid,
                clarifications_sent: input.clarifications_sent,
                inferred_unconfirmed: self.inferred,
                inferred_confirmed: input.inferred_confirmed,
                unverified_bounces: input.unverified_bounces,
            },
            results: String::new(),
        }
    }
}

/// The breakdown from its tallies: a cell that would describe fewer than
/// `min_cell` people is suppressed.
fn breakdown(groups: Groups, min_cell: usize) -> Breakdown {
    let Groups {
        attribute,
        questions,
        invited,
        members,
    } = groups;
    let groups = members
        .into_iter()
        .map(|(name, (people, answers))| {
            let responded = Share::of(people, invited.get(&name).copied().unwrap_or(0));
            let group_small = small(people, min_cell);
            let yes = answers
                .iter()
                .map(|&(answered, yes)| {
                    // Yes and no complement each other: if either is small,
                    // showing one reveals the other.
                    let suppressed = group_small
                        || small(answered, min_cell)
                        || small(yes, min_cell)
                        || small(answered - yes, min_cell);
                    Cell {
                        suppressed,
                        share: (!suppressed).then(|| Share::of(yes, answered)),
                    }
                })
                .collect();
            Group {
                name,
                invited: responded.n,
                responded: Cell {
                    suppressed: group_small,
                    share: (!group_small).then_some(responded),
                },
                yes,
            }
        })
        .collect();
    Breakdown {
        attribute,
        min_cell,
        questions: questions
            .into_iter()
            .map(|(index, id)| BreakdownQuestion {
                number: index + 1,
                id,
            })
            .collect(),
        groups,
    }
}
