//! The questions a survey asks, and the check of each `[[question]]` table
//! in the survey file.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::checker::Checker;
use super::condition::{Condition, Operand};
use super::raw::*;

/// One question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Stable id: CSV column, JSON key.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// Must it be answered for the reply to be complete?
    pub required: bool,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// Answers that are no value but a reply of their own ("n/a", "prefer
    /// not to say") that this question accepts, in [`Reserved::ALL`] order.
    pub allow: Vec<Reserved>,
    /// When the question applies: a condition on earlier answers.
    pub show_if: Option<ShowIf>,
}

/// A question's condition, checked against the survey's questions.
#[derive(Debug, Clone, PartialEq)]
pub struct ShowIf {
    /// The condition, as the lead wrote it.
    pub text: String,
    /// Parsed; every question it tests is an earlier one, tested as its
    /// type allows.
    pub condition: Condition,
    /// In words, for the invitation: "you answered yes to 1".
    pub words: String,
}

/// An answer that is not a value of the question but a reply of its own,
/// kept apart from missing (no answer) and from "no". A survey allows them
/// per question (`allow = ["not_applicable", "prefer_not_to_say"]`).
///
/// Their codes are decided here, once, for every place that writes them:
/// `responses.csv` and the statistics syntax files (SPSS MISSING VALUES,
/// Stata `.a`/`.b`, R `NA` with its reason), the codebook and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reserved {
    /// The question did not apply to the respondent ("n/a"), or its
    /// condition on earlier answers was false.
    NotApplicable,
    /// The respondent declined to answer ("prefer not to say").
    PreferNotToSay,
}

impl Reserved {
    /// Both, in code order.
    pub const ALL: [Reserved; 2] = [Reserved::NotApplicable, Reserved::PreferNotToSay];

    /// The number written in `responses.csv` (in a numeric column).
    pub fn code(self) -> i64 {
        match self {
            Reserved::NotApplicable => -8,
            Reserved::PreferNotToSay => -9,
        }
    }

    /// The value label, as the report and the receipts print it.
    pub fn label(self) -> &'static str {
        match self {
            Reserved::NotApplicable => "not applicable",
            Reserved::PreferNotToSay => "prefer not to say",
        }
    }

    /// The name in the survey file's `allow` and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Reserved::NotApplicable => "not_applicable",
            Reserved::PreferNotToSay => "prefer_not_to_say",
        }
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// Exactly one of the options.
    SingleChoice(Vec<ChoiceOption>),
    /// Any of the options; an exclusive option stands alone.
    MultipleChoice(Vec<ChoiceOption>),
    /// An integer in `min..=max` with labels for the ends.
    Scale {
        /// Lowest value.
        min: i64,
        /// Highest value.
        max: i64,
        /// What `min` means.
        min_label: Option<String>,
        /// What `max` means.
        max_label: Option<String>,
    },
    /// A number within optional bounds.
    Number {
        /// Lowest allowed.
        min: Option<f64>,
        /// Highest allowed.
        max: Option<f64>,
    },
    /// Free text.
    Text,
    /// A date: a year, a month of a year or a day, stored in ISO form.
    Date {
        /// How to read two numbers both 12 or under (`05/03/2025`);
        /// without it such a date is asked about.
        order: Option<DateOrder>,
    },
    /// A length of time, stored as a number in `unit` ("How many years
    /// have you worked in palliative care?": `10 yrs` is 10, `18 months`
    /// is 1.5).
    Duration {
        /// The unit the answer is counted in.
        unit: DurationUnit,
    },
    /// A grid (matrix): one stem, several items shown lettered, each
    /// answered on the same scale or with one of the same options. Each
    /// item is its own answer, keyed `<grid id>.<item id>`.
    Grid {
        /// The items, in the order shown (`a)`, `b)`, ...).
        items: Vec<GridItem>,
        /// What every item takes: a [`QuestionKind::Scale`] or a
        /// [`QuestionKind::SingleChoice`].
        each: Box<QuestionKind>,
    },
    /// A ranking: every option gets a distinct rank from 1 to n. The
    /// answer is the list of option ids from rank 1 down.
    Ranking(Vec<ChoiceOption>),
}

/// One item of a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridItem {
    /// Stable id: the answer is keyed `<grid id>.<item id>`, its CSV column
    /// `<grid id>_<item id>`.
    pub id: String,
    /// Text shown after the item's letter.
    pub label: String,
}

/// The unit of a duration question (`unit = "years"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    /// Years (365.25 days).
    Years,
    /// Months (a twelfth of a year).
    Months,
    /// Weeks (7 days).
    Weeks,
    /// Days.
    Days,
}

impl DurationUnit {
    /// Every unit, longest first.
    pub const ALL: [DurationUnit; 4] = [
        DurationUnit::Years,
        DurationUnit::Months,
        DurationUnit::Weeks,
        DurationUnit::Days,
    ];

    /// The name in the survey file and in labels (`years`).
    pub fn name(self) -> &'static str {
        match self {
            DurationUnit::Years => "years",
            DurationUnit::Months => "months",
            DurationUnit::Weeks => "weeks",
            DurationUnit::Days => "days",
        }
    }

    /// Its length in days (a year is 365.25, a month a twelfth of that),
    /// so `18 months` is 1.5 years.
    pub fn days(self) -> f64 {
        match self {
            DurationUnit::Years => 365.25,
            DurationUnit::Months => 365.25 / 12.0,
            DurationUnit::Weeks => 7.0,
            DurationUnit::Days => 1.0,
        }
    }
}

/// Which number comes first in a date written in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Day, month, year (`05/03/2025` is 5 March).
    Dmy,
    /// Month, day, year (`05/03/2025` is 3 May).
    Mdy,
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// Stable id (CSV column suffix).
    pub id: String,
    /// Text shown.
    pub label: String,
    /// Chosen alone or not at all ("No barriers").
    pub exclusive: bool,
    /// Takes free text ("Other, please specify").
    pub other: bool,
}

impl QuestionKind {
    /// Can a cell of this kind hold the [`Reserved`] codes? Yes/no and
    /// choices always; a scale or number only when its valid values cannot
    /// be -8 or -9 (its lower bound is above -8); text never (its cells
    /// are what the doctor wrote).
    pub fn takes_reserved(&self) -> bool {
        let lowest = Reserved::ALL.iter().map(|r| r.code()).max().unwrap_or(0);
        match self {
            QuestionKind::YesNo
            | QuestionKind::SingleChoice(_)
            | QuestionKind::MultipleChoice(_)
            | QuestionKind::Duration { .. }
            | QuestionKind::Ranking(_) => true,
            QuestionKind::Grid { each, .. } => each.takes_reserved(),
            QuestionKind::Scale { min, .. } => *min > lowest,
            QuestionKind::Number { min, .. } => min.is_some_and(|m| m > lowest as f64),
            QuestionKind::Text | QuestionKind::Date { .. } => false,
        }
    }
}

impl Question {
    /// Does the question accept `reserved` as an answer?
    pub fn allows(&self, reserved: Reserved) -> bool {
        self.allow.contains(&reserved)
    }

    /// The options of a choice question or a ranking; empty for other
    /// kinds (a grid's options are [`Question::grid_options`]).
    pub fn options(&self) -> &[ChoiceOption] {
        match &self.kind {
            QuestionKind::SingleChoice(options)
            | QuestionKind::MultipleChoice(options)
            | QuestionKind::Ranking(options) => options,
            _ => &[],
        }
    }

    /// A grid's items; empty for other kinds.
    pub fn grid_items(&self) -> &[GridItem] {
        match &self.kind {
            QuestionKind::Grid { items, .. } => items,
            _ => &[],
        }
    }

    /// The options every item of a choice grid takes; empty for other
    /// kinds.
    pub fn grid_options(&self) -> &[ChoiceOption] {
        match &self.kind {
            QuestionKind::Grid { each, .. } => match each.as_ref() {
                QuestionKind::SingleChoice(options) => options,
                _ => &[],
            },
            _ => &[],
        }
    }

    /// The lines shown lettered under the question (`a) ...`): a choice
    /// question's or a ranking's options, a grid's items.
    pub fn lettered(&self) -> Vec<&str> {
        match &self.kind {
            QuestionKind::Grid { items, .. } => items.iter().map(|i| i.label.as_str()).collect(),
            _ => self.options().iter().map(|o| o.label.as_str()).collect(),
        }
    }

    /// A scale grid's ends; `None` for other kinds.
    pub fn grid_scale(&self) -> Option<(i64, i64)> {
        match &self.kind {
            QuestionKind::Grid { each, .. } => match each.as_ref() {
                QuestionKind::Scale { min, max, .. } => Some((*min, *max)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The key an answer to a grid's item is stored under:
    /// `<grid id>.<item id>`.
    pub fn item_key(&self, item: &GridItem) -> String {
        format!("{}.{}", self.id, item.id)
    }

    /// The keys its answers are stored under: a grid's item keys, or the
    /// question's id.
    pub fn answer_keys(&self) -> Vec<String> {
        match &self.kind {
            QuestionKind::Grid { items, .. } => items.iter().map(|i| self.item_key(i)).collect(),
            _ => vec![self.id.clone()],
        }
    }

    /// The questions its answers are answers to: for a grid, one per item
    /// (id `<grid id>.<item id>`, the item's label after the stem as text,
    /// the grid's scale or options as kind, its `required`, `allow` and
    /// condition); otherwise the question itself.
    pub fn answered_questions(&self) -> Vec<Question> {
        match &self.kind {
            QuestionKind::Grid { items, each } => items
                .iter()
                .map(|item| Question {
                    id: self.item_key(item),
                    text: format!("{} {}", self.text, item.label),
                    required: self.required,
                    kind: each.as_ref().clone(),
                    allow: self.allow.clone(),
                    show_if: self.show_if.clone(),
                })
                .collect(),
            _ => vec![self.clone()],
        }
    }

    /// The question as it is printed: its text, and a scale's end labels.
    pub fn display_text(&self) -> String {
        match &self.kind {
            QuestionKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => match (min_label, max_label) {
                (Some(lo), Some(hi)) => format!("{} ({min} = {lo}, {max} = {hi})", self.text),
                (Some(lo), None) => format!("{} ({min} = {lo}, up to {max})", self.text),
                (None, Some(hi)) => format!("{} (from {min}, {max} = {hi})", self.text),
                (None, None) => format!("{} ({min} to {max})", self.text),
            },
            _ => self.text.clone(),
        }
    }
}

/// Does question `from`'s condition test `target`, directly or through
/// the conditions of the questions it tests? Bounded: each question is
/// visited once.
fn depends_on(parsed: &[Option<Condition>], ids: &[&str], from: usize, target: &str) -> bool {
    let mut seen = vec![false; ids.len()];
    let mut stack = vec![from];
    while let Some(at) = stack.pop() {
        if std::mem::replace(&mut seen[at], true) {
            continue;
        }
        let Some(condition) = &parsed[at] else {
            continue;
        };
        for tested in condition.questions() {
            if tested == target {
                return true;
            }
            if let Some(next) = ids.iter().position(|id| *id == tested) {
                stack.push(next);
            }
        }
    }
    false
}

/// Why `test` cannot be asked of `question`'s answer, if it cannot.
fn mismatch(question: &Question, test: &Condition) -> Option<String> {
    let id = &question.id;
    let has_option = |option: &str| question.options().iter().any(|o| o.id == option);
    match (&question.kind, test) {
        (
            QuestionKind::YesNo,
            Condition::Compare {
                op,
                value: Operand::Bool(_),
                ..
            },
        ) if op.is_equality() => None,
        (QuestionKind::YesNo, _) => Some(format!("'{id}' is a yes/no question")),
        (
            QuestionKind::SingleChoice(_),
            Condition::Compare {
                op,
                value: Operand::Option(o),
                ..
            },
        ) if op.is_equality() => (!has_option(o)).then(|| format!("'{id}' has no option '{o}'")),
        (
            QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice(_),
            Condition::Has { option, .. },
        ) => (!has_option(option)).then(|| format!("'{id}' has no option '{option}'")),
        (QuestionKind::SingleChoice(_), _) => Some(format!("'{id}' is a single-choice question")),
        (QuestionKind::MultipleChoice(_), _) => {
            Some(format!("'{id}' is a multiple-choice question"))
        }
        (
            QuestionKind::Scale { .. } | QuestionKind::Number { .. },
            Condition::Compare {
                value: Operand::Number(_),
                ..
            },
        ) => None,
        (QuestionKind::Scale { .. } | QuestionKind::Number { .. }, _) => {
            Some(format!("'{id}' takes a number"))
        }
        (
            QuestionKind::Duration { .. },
            Condition::Compare {
                value: Operand::Number(_),
                ..
            },
        ) => None,
        (QuestionKind::Duration { unit }, _) => {
            Some(format!("'{id}' takes a number of {}", unit.name()))
        }
        (
            QuestionKind::Date { .. },
            Condition::Compare {
                value: Operand::Date(_),
                ..
            },
        ) => None,
        (
            QuestionKind::Date { .. },
            Condition::Compare {
                value: Operand::Number(year),
                ..
            },
        ) if year.fract() == 0.0 && (1900.0..=2100.0).contains(year) => None,
        (QuestionKind::Date { .. }, _) => Some(format!(
            "'{id}' is a date question, compared with a date or a year"
        )),
        (QuestionKind::Grid { .. }, _) => Some(format!(
            "'{id}' is a grid question, which a condition cannot test"
        )),
        (QuestionKind::Ranking(_), _) => Some(format!(
            "'{id}' is a ranking question, which a condition cannot test"
        )),
        (QuestionKind::Text, _) => Some(format!(
            "'{id}' is a text question, which a condition cannot test"
        )),
    }
}

/// How a question of `question`'s type is tested.
fn fix_for(question: &Question) -> String {
    let id = &question.id;
    let first = question
        .options()
        .first()
        .map_or("OPTION", |o| o.id.as_str());
    match &question.kind {
        QuestionKind::YesNo => format!("write {id} == yes or {id} == no"),
        QuestionKind::SingleChoice(_) => format!("write {id} == {first} (an option id)"),
        QuestionKind::MultipleChoice(_) => format!("write {id} has {first} (an option id)"),
        QuestionKind::Scale { .. } | QuestionKind::Number { .. } => {
            format!("compare it with a number: {id} >= 5")
        }
        QuestionKind::Duration { unit } => {
            format!("compare it with a number of {}: {id} >= 5", unit.name())
        }
        QuestionKind::Date { .. } => {
            format!("compare it with a date or a year: {id} >= 2024-01 or {id} < 2020")
        }
        QuestionKind::Text | QuestionKind::Grid { .. } | QuestionKind::Ranking(_) => {
            "test another question".to_owned()
        }
    }
}

const QUESTION_TYPES: &str =
    "yes_no, single_choice, multiple_choice, scale, number, text, date, duration, grid, ranking";

impl Checker<'_> {
    /// The `[[question]]` tables, at least one, each id once.
    pub(super) fn questions(&mut self, raw: Vec<Spanned<RawQuestion>>) -> Vec<Question> {
        let mut questions = Vec::new();
        let mut conditions = Vec::new();
        let mut seen = HashSet::new();
        if raw.is_empty() {
            self.problems.at(
                self.file,
                None,
                "the survey has no questions",
                "add [[question]] tables",
            );
        }
        for question in raw {
            let id = question.get_ref().id.clone();
            if !seen.insert(id.get_ref().clone()) {
                self.problem(
                    &id,
                    format!("duplicate question id '{}'", id.get_ref()),
                    "give every question its own id",
                );
            }
            let show_if = question.get_ref().show_if.clone();
            if let Some(question) = self.question(question) {
                questions.push(question);
                conditions.push(show_if);
            }
        }
        self.conditions(&mut questions, &conditions);
        questions
    }

    /// Every `show_if`: read, then checked against the questions (unknown,
    /// itself or in a cycle, a later question, a test the question's type
    /// cannot answer); a sound one is set on its question with its words.
    fn conditions(&mut self, questions: &mut [Question], raw: &[Option<Spanned<String>>]) {
        let mut parsed: Vec<Option<Condition>> = Vec::new();
        for (question, text) in questions.iter().zip(raw) {
            parsed.push(
                text.as_ref()
                    .and_then(|text| match Condition::parse(text.get_ref()) {
                        Ok(condition) => Some(condition),
                        Err(e) => {
                            self.problem(
                                text,
                                format!(
                                    "question '{}': show_if: {} (at character {})",
                                    question.id,
                                    e.message,
                                    e.at + 1
                                ),
                                "write it like used_ketamine == yes, situations has end_of_life, \
                             confidence >= 5 or last_prescribed >= 2024-06, joined by and, or, \
                             not and brackets",
                            );
                            None
                        }
                    }),
            );
        }
        let index = |id: &str| questions.iter().position(|q| q.id == id);
        let mut sound = Vec::new();
        for (i, condition) in parsed.iter().enumerate() {
            let (Some(condition), Some(text)) = (condition, &raw[i]) else {
                sound.push(None);
                continue;
            };
            let before = self.problems.0.len();
            let id = &questions[i].id;
            let mut tested = Vec::new();
            condition.visit(&mut |c| tested.push(c));
            for part in tested {
                let (tested_id, test) = match part {
                    Condition::Compare { question, .. } | Condition::Has { question, .. } => {
                        (question.as_str(), part)
                    }
                    _ => continue,
                };
                let Some(j) = index(tested_id) else {
                    let earlier: Vec<&str> = questions[..i].iter().map(|q| q.id.as_str()).collect();
                    self.problem(
                        text,
                        format!("question '{id}': show_if tests an unknown question '{tested_id}'"),
                        format!("use the id of an earlier question: {}", earlier.join(", ")),
                    );
                    continue;
                };
                if j >= i {
                    let back = j == i
                        || depends_on(
                            &parsed,
                            &questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
                            j,
                            id,
                        );
                    let message = if j == i {
                        format!("question '{id}': show_if tests the question itself (a cycle)")
                    } else if back {
                        format!(
                            "question '{id}': show_if tests '{tested_id}', whose own show_if depends on '{id}' (a cycle)"
                        )
                    } else {
                        format!("question '{id}': show_if tests a later question, '{tested_id}'")
                    };
                    self.problem(
                        text,
                        message,
                        "a condition can only test earlier questions: test one asked before it, or move the question",
                    );
                    continue;
                }
                if let Some(why) = mismatch(&questions[j], test) {
                    self.problem(
                        text,
                        format!("question '{id}': show_if: {why}"),
                        fix_for(&questions[j]),
                    );
                }
            }
            sound.push((self.problems.0.len() == before).then(|| condition.clone()));
        }
        let numbers: Vec<(String, usize)> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i + 1))
            .collect();
        let number = |id: &str| numbers.iter().find(|(q, _)| q == id).map(|(_, n)| *n);
        let labels: Vec<Question> = questions.to_vec();
        let option = |question: &str, option: &str| {
            labels
                .iter()
                .find(|q| q.id == question)
                .and_then(|q| super::questionnaire::option_label(q, option))
        };
        for ((question, condition), text) in questions.iter_mut().zip(sound).zip(raw) {
            if let (Some(condition), Some(text)) = (condition, text) {
                question.show_if = Some(ShowIf {
                    text: text.get_ref().trim().to_owned(),
                    words: condition.words(&number, &option),
                    condition,
                });
            }
        }
    }

    pub(super) fn question(&mut self, raw: Spanned<RawQuestion>) -> Option<Question> {
        let raw = raw.into_inner();
        let id = raw.id.get_ref().trim().to_owned();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            self.problem(
                &raw.id,
                format!("question id '{id}' must be lowercase letters, digits or '_'"),
                "ids become CSV column names: use something like end_of_life",
            );
        }
        if raw.text.get_ref().trim().is_empty() {
            self.problem(
                &raw.text,
                format!("question '{id}' has no text"),
                "write the question in text",
            );
        }
        let unused = |this: &mut Self, present: bool, field: &str, at: &Spanned<String>| {
            if present {
                this.problem(
                    at,
                    format!("'{field}' does not apply to a {} question", at.get_ref()),
                    format!("remove '{field}' from question '{id}'"),
                );
            }
        };
        let kind_name = raw.kind.get_ref().as_str();
        let kind = match kind_name {
            "yes_no" | "text" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                unused(self, raw.options.is_some(), "options", &raw.kind);
                if kind_name == "yes_no" {
                    QuestionKind::YesNo
                } else {
                    QuestionKind::Text
                }
            }
            "scale" => {
                unused(self, raw.options.is_some(), "options", &raw.kind);
                self.scale(&raw, &id)?
            }
            "date" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                unused(self, raw.options.is_some(), "options", &raw.kind);
                let order = self.date_order(raw.date_order.as_ref(), &id);
                QuestionKind::Date { order }
            }
            "duration" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                unused(self, raw.options.is_some(), "options", &raw.kind);
                QuestionKind::Duration {
                    unit: self.unit(raw.unit.as_ref(), &raw.kind, &id)?,
                }
            }
            "number" => {
                unused(self, raw.options.is_some(), "options", &raw.kind);
                if let (Some(min), Some(max)) = (&raw.min, &raw.max)
                    && min.get_ref() >= max.get_ref()
                {
                    self.problem(
                        max,
                        format!("number question '{id}' has min >= max"),
                        "make max greater than min",
                    );
                }
                QuestionKind::Number {
                    min: raw.min.as_ref().map(|m| *m.get_ref()),
                    max: raw.max.as_ref().map(|m| *m.get_ref()),
                }
            }
            "grid" => self.grid(&raw, &id)?,
            "ranking" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                self.ranking(&raw, &id)?
            }
            "single_choice" | "multiple_choice" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                let options = self.options(&raw, &id)?;
                if kind_name == "single_choice" {
                    QuestionKind::SingleChoice(options)
                } else {
                    QuestionKind::MultipleChoice(options)
                }
            }
            other => {
                let other = other.to_owned();
                self.problem(
                    &raw.kind,
                    format!("unknown question type '{other}' in question '{id}'"),
                    format!("use one of: {QUESTION_TYPES}"),
                );
                return None;
            }
        };
        self.fields_of_other_kinds(&raw, &kind);
        let allow = self.allow(raw.allow.as_ref(), &id, &kind);
        Some(Question {
            id,
            text: raw.text.into_inner().trim().to_owned(),
            required: raw.required,
            kind,
            allow,
            show_if: None,
        })
    }

    /// `allow`: known names, each once, on a question whose cells can hold
    /// their codes.
    fn allow(
        &mut self,
        raw: Option<&Spanned<Vec<Spanned<String>>>>,
        id: &str,
        kind: &QuestionKind,
    ) -> Vec<Reserved> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        let mut allow = Vec::new();
        for name in raw.get_ref() {
            match Reserved::ALL.iter().find(|r| r.name() == name.get_ref()) {
                Some(r) if allow.contains(r) => self.problem(
                    name,
                    format!("'{}' is allowed twice in question '{id}'", name.get_ref()),
                    "name it once",
                ),
                Some(r) => allow.push(*r),
                None => self.problem(
                    name,
                    format!(
                        "unknown answer '{}' in question '{id}'s allow",
                        name.get_ref()
                    ),
                    "use \"not_applicable\" or \"prefer_not_to_say\"",
                ),
            }
        }
        if !allow.is_empty() && !kind.takes_reserved() {
            let fix = match kind {
                QuestionKind::Text | QuestionKind::Date { .. } => {
                    "remove allow: its cells hold what the doctor wrote, not codes"
                }
                _ => "give the question a min above -8 (its codes are -8 and -9), or remove allow",
            };
            self.problem(
                raw,
                format!("question '{id}' cannot take not applicable or prefer not to say"),
                fix,
            );
        }
        allow.sort();
        allow
    }

    /// A date's `date_order`: `dmy`, `mdy` or none.
    fn date_order(&mut self, raw: Option<&Spanned<String>>, id: &str) -> Option<DateOrder> {
        match raw.map(|o| (o, o.get_ref().as_str())) {
            None => None,
            Some((_, "dmy")) => Some(DateOrder::Dmy),
            Some((_, "mdy")) => Some(DateOrder::Mdy),
            Some((at, other)) => {
                let other = other.to_owned();
                self.problem(
                    at,
                    format!("unknown date_order '{other}' in question '{id}'"),
                    "use \"dmy\" (05/03/2025 is 5 March) or \"mdy\" (3 May)",
                );
                None
            }
        }
    }

    /// A duration's `unit`: required, one of [`DurationUnit::ALL`].
    fn unit(
        &mut self,
        unit: Option<&Spanned<String>>,
        kind: &Spanned<String>,
        id: &str,
    ) -> Option<DurationUnit> {
        let names = DurationUnit::ALL
            .map(|u| format!("\"{}\"", u.name()))
            .join(", ");
        let Some(unit) = unit else {
            self.problem(
                kind,
                format!("duration question '{id}' needs a unit"),
                format!("add unit = \"years\" (or one of {names})"),
            );
            return None;
        };
        let found = DurationUnit::ALL
            .into_iter()
            .find(|u| u.name() == unit.get_ref().trim());
        if found.is_none() {
            self.problem(
                unit,
                format!("unknown unit '{}' in question '{id}'", unit.get_ref()),
                format!("use one of {names}"),
            );
        }
        found
    }

    /// A scale: whole-number ends, min below max.
    fn scale(&mut self, raw: &RawQuestion, id: &str) -> Option<QuestionKind> {
        let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
            self.problem(
                &raw.kind,
                format!("scale question '{id}' needs min and max"),
                "add min = 0 and max = 10 (for example)",
            );
            return None;
        };
        for bound in [min, max] {
            if bound.get_ref().fract() != 0.0 {
                self.problem(
                    bound,
                    "a scale's ends must be whole numbers",
                    "use integers",
                );
            }
        }
        if min.get_ref() >= max.get_ref() {
            self.problem(
                max,
                format!(
                    "scale question '{id}' has min {} >= max {}",
                    min.get_ref(),
                    max.get_ref()
                ),
                "make max greater than min",
            );
            return None;
        }
        Some(QuestionKind::Scale {
            min: *min.get_ref() as i64,
            max: *max.get_ref() as i64,
            min_label: raw.min_label.clone(),
            max_label: raw.max_label.clone(),
        })
    }

    /// Fields that belong to another kind of question than `kind`.
    fn fields_of_other_kinds(&mut self, raw: &RawQuestion, kind: &QuestionKind) {
        let unused = |this: &mut Self, field: &str| {
            this.problem(
                &raw.kind,
                format!(
                    "'{field}' does not apply to a {} question",
                    raw.kind.get_ref()
                ),
                format!(
                    "remove '{field}' from question '{}'",
                    raw.id.get_ref().trim()
                ),
            );
        };
        if raw.date_order.is_some() && !matches!(kind, QuestionKind::Date { .. }) {
            unused(self, "date_order");
        }
        if raw.unit.is_some() && !matches!(kind, QuestionKind::Duration { .. }) {
            unused(self, "unit");
        }
        let scale_grid = matches!(kind, QuestionKind::Grid { each, .. } if matches!(each.as_ref(), QuestionKind::Scale { .. }));
        if raw.min_label.is_some() && !matches!(kind, QuestionKind::Scale { .. }) && !scale_grid {
            unused(self, "min_label");
        }
        if raw.items.is_some() && !matches!(kind, QuestionKind::Grid { .. }) {
            unused(self, "items");
        }
    }

    /// A grid: lettered items with their own ids, and either a scale
    /// (`min`, `max`) or `options`, not both.
    fn grid(&mut self, raw: &RawQuestion, id: &str) -> Option<QuestionKind> {
        let list = raw.items.as_deref().unwrap_or_default();
        if list.is_empty() {
            self.problem(
                &raw.kind,
                format!("grid question '{id}' has no items"),
                "add items = [{ id = \"dosing\", label = \"Choosing a starting dose\" }, ...]",
            );
            return None;
        }
        if list.len() > 26 {
            self.problem(
                &raw.kind,
                "more than 26 items cannot be lettered a) to z)",
                "split the grid",
            );
        }
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        for item in list {
            let item = item.get_ref();
            let item_id = item.id.get_ref().trim();
            if !seen.insert(item_id.to_owned()) {
                self.problem(
                    &item.id,
                    format!("duplicate item id '{item_id}' in grid '{id}'"),
                    "give every item its own id",
                );
            }
            if item_id.is_empty()
                || !item_id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                self.problem(
                    &item.id,
                    format!("item id '{item_id}' must be lowercase letters, digits or '_'"),
                    "item ids become CSV column names (<grid>_<item>)",
                );
            }
            if item.label.trim().is_empty() {
                self.problem(
                    &item.id,
                    format!("item '{item_id}' of grid '{id}' has no label"),
                    "write the item's text in label",
                );
            }
            items.push(GridItem {
                id: item_id.to_owned(),
                label: item.label.trim().to_owned(),
            });
        }
        let each = match (&raw.options, raw.min.is_some() || raw.max.is_some()) {
            (Some(_), true) => {
                self.problem(
                    &raw.kind,
                    format!("grid '{id}' has both a scale (min, max) and options"),
                    "keep min and max for a scale, or options for a choice per item",
                );
                return None;
            }
            (Some(_), false) => QuestionKind::SingleChoice(self.options(raw, id)?),
            (None, _) => self.scale(raw, id)?,
        };
        Some(QuestionKind::Grid {
            items,
            each: Box::new(each),
        })
    }

    /// A ranking: two options or more, none exclusive or "other".
    fn ranking(&mut self, raw: &RawQuestion, id: &str) -> Option<QuestionKind> {
        let options = self.options(raw, id)?;
        if options.len() < 2 {
            self.problem(
                &raw.kind,
                format!("ranking '{id}' has fewer than two options"),
                "give it two options or more to put in order",
            );
        }
        if options.iter().any(|o| o.exclusive || o.other) {
            self.problem(
                &raw.kind,
                format!("ranking '{id}' has an exclusive or \"other\" option"),
                "every option of a ranking gets a rank: remove exclusive and other",
            );
        }
        Some(QuestionKind::Ranking(options))
    }

    fn options(&mut self, raw: &RawQuestion, id: &str) -> Option<Vec<ChoiceOption>> {
        let list = raw.options.as_deref().unwrap_or_default();
        if list.is_empty() {
            self.problem(
                &raw.kind,
                format!("choice question '{id}' has no options"),
                "add options = [{ id = \"a\", label = \"...\" }, ...]",
            );
            return None;
        }
        if list.len() > 26 {
            self.problem(
                &raw.kind,
                "more than 26 options cannot be lettered a) to z)",
                "split the question",
            );
        }
        let mut seen = HashSet::new();
        let mut options = Vec::new();
        for option in list {
            let option = option.get_ref();
            if !seen.insert(option.id.get_ref().clone()) {
                self.problem(
                    &option.id,
                    format!(
                        "duplicate option id '{}' in question '{id}'",
                        option.id.get_ref()
                    ),
                    "give every option its own id",
                );
            }
            if !option
                .id
                .get_ref()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                self.problem(
                    &option.id,
                    format!(
                        "option id '{}' must be lowercase letters, digits or '_'",
                        option.id.get_ref()
                    ),
                    "option ids become CSV column names",
                );
            }
            if Reserved::ALL
                .iter()
                .any(|r| r.name() == option.id.get_ref())
            {
                self.problem(
                    &option.id,
                    format!("option id '{}' is a reserved answer", option.id.get_ref()),
                    "use allow = [\"not_applicable\"] or another option id",
                );
            }
            options.push(ChoiceOption {
                id: option.id.get_ref().clone(),
                label: option.label.trim().to_owned(),
                exclusive: option.exclusive,
                other: option.other,
            });
        }
        Some(options)
    }
}
