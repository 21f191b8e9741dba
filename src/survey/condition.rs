//! Conditions on earlier answers (`show_if` of a question): when a question
//! applies to a respondent. The expression is the lead's, read by a small
//! hand-written parser: linear, its length limited first, its nesting
//! capped.
//!
//! ```text
//! condition  = or
//! or         = and ("or" and)*
//! and        = not ("and" not)*
//! not        = "not" not | primary
//! primary    = "(" or ")" | ID OP VALUE | ID "has" OPTION
//! OP         = "==" | "!=" | "<" | "<=" | ">" | ">="
//! VALUE      = "yes" | "no" | NUMBER | DATE | OPTION
//! DATE       = YYYY-MM | YYYY-MM-DD
//! ```
//!
//! `used_ketamine == yes`, `situations has end_of_life`, `confidence >= 5
//! and not (written_protocol == no)`. What each comparison may test is
//! checked against the question's type by the survey checker, which also
//! refuses a condition on an unknown or a later question.

/// The longest condition read, in bytes.
pub const MAX_LENGTH: usize = 1_000;
/// The deepest nesting of `not` and brackets.
pub const MAX_DEPTH: usize = 16;

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `question OP value`.
    Compare {
        /// The question tested.
        question: String,
        /// How.
        op: Op,
        /// Against what.
        value: Operand,
    },
    /// `question has option`: the option is among those chosen.
    Has {
        /// The choice question tested.
        question: String,
        /// The option's id.
        option: String,
    },
    /// `not condition`.
    Not(Box<Condition>),
    /// `a and b`.
    And(Box<Condition>, Box<Condition>),
    /// `a or b`.
    Or(Box<Condition>, Box<Condition>),
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    /// Does `ordering` (answer compared with the value) satisfy it?
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Op::Eq => ordering == Equal,
            Op::Ne => ordering != Equal,
            Op::Lt => ordering == Less,
            Op::Le => ordering != Greater,
            Op::Gt => ordering == Greater,
            Op::Ge => ordering != Less,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }

    /// Is it `==` or `!=` (the only ones for yes/no and options)?
    pub fn is_equality(self) -> bool {
        matches!(self, Op::Eq | Op::Ne)
    }
}

/// What a question's answer is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// `yes` or `no`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// An option id.
    Option(String),
    /// A date in ISO form, `2024-06` or `2024-06-30` (a year alone is a
    /// [`Operand::Number`]).
    Date(String),
}

/// Why a condition could not be read, and where (byte offset in it).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: String,
    /// Where, in bytes from the start of the condition.
    pub at: usize,
}

impl Condition {
    /// Reads a condition.
    pub fn parse(text: &str) -> Result<Condition, SyntaxError> {
        if text.len() > MAX_LENGTH {
            return Err(SyntaxError {
                message: format!("the condition is longer than {MAX_LENGTH} bytes"),
                at: MAX_LENGTH,
            });
        }
        let tokens = tokens(text)?;
        let mut parser = Parser {
            tokens: &tokens,
            next: 0,
            end: text.len(),
        };
        let condition = parser.or(0)?;
        match parser.peek() {
            None => Ok(condition),
            Some((at, token)) => Err(SyntaxError {
                message: format!("unexpected {} after a whole condition", token.shown()),
                at,
            }),
        }
    }

    /// Every question the condition tests, in order of appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit(&mut |c| match c {
            Condition::Compare { question, .. } | Condition::Has { question, .. } => {
                out.push(question.as_str())
            }
            _ => {}
        });
        out
    }

    /// Calls `f` on this condition and every part of it.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Condition)) {
        f(self);
        match self {
            Condition::Not(c) => c.visit(f),
            Condition::And(a, b) | Condition::Or(a, b) => {
                a.visit(f);
                b.visit(f);
            }
            _ => {}
        }
    }

    /// The condition in words, for the invitation: "you answered yes to 1",
    /// with `number` giving a question's number and `option` an option's
    /// letter and label.
    pub fn words(
        &self,
        number: &impl Fn(&str) -> Option<usize>,
        option: &impl Fn(&str, &str) -> Option<String>,
    ) -> String {
        let n = |q: &str| number(q).map_or_else(|| q.to_owned(), |n| n.to_string());
        match self {
            Condition::Compare {
                question,
                op,
                value: Operand::Bool(b),
            } => {
                let said = if *b == (*op == Op::Eq) { "yes" } else { "no" };
                format!("you answered {said} to {}", n(question))
            }
            Condition::Compare {
                question,
                op,
                value: Operand::Option(o),
            } => {
                let shown = option(question, o).unwrap_or_else(|| o.clone());
                let verb = if *op == Op::Eq {
                    "chose"
                } else {
                    "did not choose"
                };
                format!("you {verb} {shown} at {}", n(question))
            }
            Condition::Compare {
                question,
                op,
                value: Operand::Number(x),
            } => {
                let relation = match op {
                    Op::Eq => "is",
                    Op::Ne => "is not",
                    Op::Lt => "is below",
                    Op::Le => "is at most",
                    Op::Gt => "is above",
                    Op::Ge => "is at least",
                };
                format!("your answer to {} {relation} {x}", n(question))
            }
            Condition::Compare {
                question,
                op,
                value: Operand::Date(date),
            } => {
                let relation = match op {
                    Op::Eq => "is in",
                    Op::Ne => "is not in",
                    Op::Lt => "is before",
                    Op::Le => "is not after",
                    Op::Gt => "is after",
                    Op::Ge => "is not before",
                };
                format!("your date at {} {relation} {date}", n(question))
            }
            Condition::Has {
                question,
                option: o,
            } => {
                let shown = option(question, o).unwrap_or_else(|| o.clone());
                format!("you chose {shown} at {}", n(question))
            }
            Condition::Not(c) => format!("not ({})", c.words(number, option)),
            Condition::And(a, b) => {
                format!(
                    "{} and {}",
                    a.words(number, option),
                    b.words(number, option)
                )
            }
            Condition::Or(a, b) => {
                format!("{} or {}", a.words(number, option), b.words(number, option))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Number(f64),
    Date(String),
    Op(Op),
    Open,
    Close,
}

impl Token {
    fn shown(&self) -> String {
        match self {
            Token::Word(w) => format!("'{w}'"),
            Token::Number(x) => format!("'{x}'"),
            Token::Date(d) => format!("'{d}'"),
            Token::Op(op) => format!("'{}'", op.symbol()),
            Token::Open => "'('".to_owned(),
            Token::Close => "')'".to_owned(),
        }
    }
}

/// The tokens of `text` with their byte offsets, in one pass.
fn tokens(text: &str) -> Result<Vec<(usize, Token)>, SyntaxError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'(' => {
                out.push((start, Token::Open));
                i += 1;
            }
            b')' => {
                out.push((start, Token::Close));
                i += 1;
            }
            b'=' | b'!' | b'<' | b'>' => {
                let two = bytes.get(i + 1) == Some(&b'=');
                let op = match (c, two) {
                    (b'=', true) => Op::Eq,
                    (b'!', true) => Op::Ne,
                    (b'<', true) => Op::Le,
                    (b'<', false) => Op::Lt,
                    (b'>', true) => Op::Ge,
                    (b'>', false) => Op::Gt,
                    _ => {
                        return Err(SyntaxError {
                            message: format!(
                                "'{}' is not a comparison: use ==, !=, <, <=, > or >=",
                                c as char
                            ),
                            at: start,
                        });
                    }
                };
                i += if two { 2 } else { 1 };
                out.push((start, Token::Op(op)));
            }
            b'0'..=b'9' if date_at(bytes, start).is_some() => {
                i = date_at(bytes, start).unwrap_or(i + 1);
                let date = &text[start..i];
                if !is_date(date) {
                    return Err(SyntaxError {
                        message: format!("'{date}' is no date: write 2024-06 or 2024-06-30"),
                        at: start,
                    });
                }
                out.push((start, Token::Date(date.to_owned())));
            }
            b'0'..=b'9' | b'-' | b'.' => {
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let number = text[start..i].parse::<f64>().map_err(|_| SyntaxError {
                    message: format!("'{}' is not a number", &text[start..i]),
                    at: start,
                })?;
                out.push((start, Token::Number(number)));
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push((start, Token::Word(text[start..i].to_ascii_lowercase())));
            }
            _ => {
                let shown = text[start..].chars().next().unwrap_or(' ');
                return Err(SyntaxError {
                    message: format!("'{shown}' cannot be part of a condition"),
                    at: start,
                });
            }
        }
    }
    Ok(out)
}

/// A date's end, when `YYYY-MM` or `YYYY-MM-DD` starts at `start`.
fn date_at(bytes: &[u8], start: usize) -> Option<usize> {
    let digits = |from: usize, n: usize| {
        (from + n <= bytes.len() && bytes[from..from + n].iter().all(u8::is_ascii_digit))
            .then_some(from + n)
    };
    let year = digits(start, 4)?;
    if bytes.get(year) != Some(&b'-') {
        return None;
    }
    let month = digits(year + 1, 2)?;
    let end = match bytes.get(month) {
        Some(b'-') => digits(month + 1, 2)?,
        _ => month,
    };
    (!bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// Is `iso` (`2024-06` or `2024-06-30`) a real month or day?
fn is_date(iso: &str) -> bool {
    let mut parts = iso.split('-').map(|p| p.parse::<i16>().unwrap_or(0));
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    match (year, month, day) {
        (Some(_), Some(m), None) => (1..=12).contains(&m),
        (Some(y), Some(m), Some(d)) => jiff::civil::Date::new(y, m as i8, d as i8).is_ok(),
        _ => false,
    }
}

struct Parser<'t> {
    tokens: &'t [(usize, Token)],
    next: usize,
    end: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<(usize, &Token)> {
        self.tokens.get(self.next).map(|(at, t)| (*at, t))
    }

    fn word(&self, word: &str) -> bool {
        matches!(self.peek(), Some((_, Token::Word(w))) if w == word)
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            message: message.into(),
            at: self.peek().map_or(self.end, |(at, _)| at),
        })
    }

    fn or(&mut self, depth: usize) -> Result<Condition, SyntaxError> {
        let mut left = self.and(depth)?;
        while self.word("or") {
            self.next += 1;
            let right = self.and(depth)?;
            left = Condition::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self, depth: usize) -> Result<Condition, SyntaxError> {
        let mut left = self.not(depth)?;
        while self.word("and") {
            self.next += 1;
            let right = self.not(depth)?;
            left = Condition::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn not(&mut self, depth: usize) -> Result<Condition, SyntaxError> {
        if depth >= MAX_DEPTH {
            return self.error(format!("nested deeper than {MAX_DEPTH}"));
        }
        if self.word("not") {
            self.next += 1;
            return Ok(Condition::Not(Box::new(self.not(depth + 1)?)));
        }
        self.primary(depth)
    }

    fn primary(&mut self, depth: usize) -> Result<Condition, SyntaxError> {
        match self.peek() {
            Some((_, Token::Open)) => {
                self.next += 1;
                let inner = self.or(depth + 1)?;
                if !matches!(self.peek(), Some((_, Token::Close))) {
                    return self.error("a '(' is not closed: add ')'");
                }
                self.next += 1;
                Ok(inner)
            }
            Some((_, Token::Word(w))) if !matches!(w.as_str(), "and" | "or" | "not" | "has") => {
                let question = w.clone();
                self.next += 1;
                self.test(question)
            }
            Some((_, token)) => {
                let shown = token.shown();
                self.error(format!("expected a question id, found {shown}"))
            }
            None => self.error("the condition ends where a question id was expected"),
        }
    }

    /// What follows a question id: `OP VALUE` or `has OPTION`.
    fn test(&mut self, question: String) -> Result<Condition, SyntaxError> {
        if self.word("has") {
            self.next += 1;
            return match self.peek() {
                Some((_, Token::Word(option))) => {
                    let option = option.clone();
                    self.next += 1;
                    Ok(Condition::Has { question, option })
                }
                _ => self.error(format!("'{question} has' needs an option id after it")),
            };
        }
        let Some((_, Token::Op(op))) = self.peek() else {
            return self.error(format!(
                "'{question}' needs a comparison after it (== yes, >= 5, has OPTION)"
            ));
        };
        let op = *op;
        self.next += 1;
        let value = match self.peek() {
            Some((_, Token::Word(w))) if w == "yes" => Operand::Bool(true),
            Some((_, Token::Word(w))) if w == "no" => Operand::Bool(false),
            Some((_, Token::Word(w))) => Operand::Option(w.clone()),
            Some((_, Token::Number(x))) => Operand::Number(*x),
            Some((_, Token::Date(d))) => Operand::Date(d.clone()),
            _ => {
                return self.error(format!(
                    "'{question} {}' needs a value after it (yes, no, a number or an option id)",
                    op.symbol()
                ));
            }
        };
        self.next += 1;
        Ok(Condition::Compare {
            question,
            op,
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(question: &str, op: Op, value: Operand) -> Condition {
        Condition::Compare {
            question: question.into(),
            op,
            value,
        }
    }

    #[test]
    fn conditions_read_with_not_before_and_before_or() {
        let used = compare("used_ketamine", Op::Eq, Operand::Bool(true));
        assert_eq!(Condition::parse("used_ketamine == yes"), Ok(used.clone()));
        assert_eq!(Condition::parse("  USED_KETAMINE==Yes "), Ok(used.clone()));
        let has = Condition::Has {
            question: "situations".into(),
            option: "end_of_life".into(),
        };
        assert_eq!(
            Condition::parse("situations has end_of_life"),
            Ok(has.clone())
        );
        let high = compare("confidence", Op::Ge, Operand::Number(5.0));
        let parsed = Condition::parse(
            "not used_ketamine == yes or situations has end_of_life and confidence >= 5",
        )
        .unwrap();
        assert_eq!(
            parsed,
            Condition::Or(
                Box::new(Condition::Not(Box::new(used.clone()))),
                Box::new(Condition::And(
                    Box::new(has.clone()),
                    Box::new(high.clone())
                ))
            )
        );
        let bracketed = Condition::parse(
            "(used_ketamine == yes or confidence >= 5) and situations has end_of_life",
        )
        .unwrap();
        assert_eq!(
            bracketed,
            Condition::And(
                Box::new(Condition::Or(Box::new(used), Box::new(high))),
                Box::new(has)
            )
        );
        assert_eq!(
            Condition::parse("years < -2.5"),
            Ok(compare("years", Op::Lt, Operand::Number(-2.5)))
        );
        assert_eq!(
            bracketed.questions(),
            ["used_ketamine", "confidence", "situations"]
        );
    }

    #[test]
    fn mistakes_are_named_where_they_are() {
        for (text, message, at) in [
            ("used_ketamine = yes", "not a comparison", 14),
            ("used_ketamine == ", "needs a value", 17),
            ("used_ketamine yes", "needs a comparison", 14),
            ("(a == yes", "not closed", 9),
            ("a == yes b == no", "unexpected 'b'", 9),
            ("a == yes and", "ends where a question id", 12),
            ("a has", "needs an option id", 5),
            ("a == yes & b == no", "'&' cannot be part", 9),
            ("a == 1.2.3", "not a number", 5),
            ("and == yes", "expected a question id", 0),
        ] {
            let error = Condition::parse(text).unwrap_err();
            assert!(error.message.contains(message), "{text}: {error:?}");
            assert_eq!(error.at, at, "{text}: {error:?}");
        }
    }

    #[test]
    fn dates_are_values_of_their_own() {
        assert_eq!(
            Condition::parse("last_prescribed >= 2024-06").unwrap(),
            compare("last_prescribed", Op::Ge, Operand::Date("2024-06".into()))
        );
        assert_eq!(
            Condition::parse("last_prescribed<2024-06-30").unwrap(),
            compare(
                "last_prescribed",
                Op::Lt,
                Operand::Date("2024-06-30".into())
            )
        );
        assert_eq!(
            Condition::parse("last_prescribed < 2020").unwrap(),
            compare("last_prescribed", Op::Lt, Operand::Number(2020.0))
        );
        let e = Condition::parse("last_prescribed < 2024-02-30").unwrap_err();
        assert!(e.message.contains("no date"), "{e:?}");
        assert_eq!(e.at, 18);
        let words = Condition::parse("last_prescribed >= 2024-06")
            .unwrap()
            .words(&|_| Some(10), &|_, _| None);
        assert_eq!(words, "your date at 10 is not before 2024-06");
    }

    #[test]
    fn limits_come_first() {
        let long = "a == yes or ".repeat(100) + "a == yes";
        assert!(
            Condition::parse(&long)
                .unwrap_err()
                .message
                .contains("longer than")
        );
        let deep = "not ".repeat(MAX_DEPTH + 1) + "a == yes";
        assert!(
            Condition::parse(&deep)
                .unwrap_err()
                .message
                .contains("nested")
        );
        let brackets = "(".repeat(MAX_DEPTH + 1) + "a == yes" + &")".repeat(MAX_DEPTH + 1);
        assert!(
            Condition::parse(&brackets)
                .unwrap_err()
                .message
                .contains("nested")
        );
        // Long but flat: read.
        let flat = "a == yes or ".repeat(70) + "a == yes";
        assert!(Condition::parse(&flat).is_ok());
    }

    #[test]
    fn conditions_in_words() {
        let number = |q: &str| match q {
            "used_ketamine" => Some(1),
            "situations" => Some(2),
            "confidence" => Some(3),
            _ => None,
        };
        let option = |_: &str, o: &str| (o == "end_of_life").then(|| "a) End of life".to_owned());
        let words = |text: &str| Condition::parse(text).unwrap().words(&number, &option);
        assert_eq!(words("used_ketamine == yes"), "you answered yes to 1");
        assert_eq!(words("used_ketamine != yes"), "you answered no to 1");
        assert_eq!(
            words("situations has end_of_life"),
            "you chose a) End of life at 2"
        );
        assert_eq!(
            words("confidence >= 5 and used_ketamine == no"),
            "your answer to 3 is at least 5 and you answered no to 1"
        );
    }
}
