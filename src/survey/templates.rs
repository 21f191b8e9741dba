//! The prose around the questions: minijinja templates, built in from
//! `templates/` and replaceable one by one from a directory the survey file
//! names. The question block itself is rendered by
//! [`crate::survey::questionnaire`], so the layout the parser relies on stays fixed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use minijinja::Environment;

use crate::survey::problems::Problems;

/// Every template, with its built-in text. `.html` ones are auto-escaped.
const BUILTIN: &[(&str, &str)] = &[
    (
        "invitation.txt",
        include_str!("../../templates/invitation.txt"),
    ),
    (
        "invitation.html",
        include_str!("../../templates/invitation.html"),
    ),
    (
        "followup_layout.html",
        include_str!("../../templates/followup_layout.html"),
    ),
    ("receipt.txt", include_str!("../../templates/receipt.txt")),
    ("receipt.html", include_str!("../../templates/receipt.html")),
    (
        "clarification.txt",
        include_str!("../../templates/clarification.txt"),
    ),
    (
        "clarification.html",
        include_str!("../../templates/clarification.html"),
    ),
    (
        "opt_out_confirmation.txt",
        include_str!("../../templates/opt_out_confirmation.txt"),
    ),
    (
        "opt_out_confirmation.html",
        include_str!("../../templates/opt_out_confirmation.html"),
    ),
    (
        "confirmation.txt",
        include_str!("../../templates/confirmation.txt"),
    ),
    (
        "confirmation.html",
        include_str!("../../templates/confirmation.html"),
    ),
    (
        "closed_notice.txt",
        include_str!("../../templates/closed_notice.txt"),
    ),
    (
        "closed_notice.html",
        include_str!("../../templates/closed_notice.html"),
    ),
];

/// Top-level names a template may use, and the fields of each that are
/// fixed (the recipient's are the CSV's columns, checked separately).
const VARIABLES: &[(&str, &[&str])] = &[
    (
        "survey",
        &[
            "id",
            "title",
            "description",
            "purpose",
            "run_by",
            "ethics_reference",
            "data_use",
            "withdrawal",
            "open",
            "close",
        ],
    ),
    ("sender", &["name", "address"]),
    ("recipient", &["name", "email"]),
    ("questionnaire", &[]),
    ("instructions", &[]),
    ("reminder", &["number", "days_left"]),
    ("understood", &[]),
    ("needed", &[]),
    (
        "confirmation",
        &["why", "answers", "opt_out", "withdrawal", "stop_asked"],
    ),
];

/// The loaded templates (cloned when a failed survey is started again).
#[derive(Clone)]
pub struct Templates {
    env: Environment<'static>,
    /// Where each template came from, for error messages.
    origins: Vec<(String, PathBuf)>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("origins", &self.origins)
            .finish()
    }
}

impl Templates {
    /// Loads the survey's templates and checks the variables they use against
    /// the recipient list's columns.
    pub fn for_survey(survey: &crate::survey::Survey) -> Result<Templates, Problems> {
        let templates = Templates::load(survey.templates_dir.as_deref())?;
        let columns = super::recipients::columns(&survey.recipients_file);
        templates.check_variables(&columns).into_result(templates)
    }

    /// Loads the built-in templates, each replaced by a file of the same name
    /// in `dir` when there is one. Syntax errors are reported with file and
    /// line.
    pub fn load(dir: Option<&Path>) -> Result<Templates, Problems> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        let mut problems = Problems::default();
        let mut origins = Vec::new();
        for (name, builtin) in BUILTIN {
            let (origin, source) = match dir.map(|d| d.join(name)).filter(|p| p.exists()) {
                Some(path) => match std::fs::read_to_string(&path) {
                    Ok(text) => (path, text),
                    Err(err) => {
                        problems.at(
                            &path,
                            None,
                            format!("cannot read template: {err}"),
                            "check its permissions",
                        );
                        continue;
                    }
                },
                None => (
                    PathBuf::from(format!("templates/{name} (built in)")),
                    (*builtin).to_owned(),
                ),
            };
            if let Err(err) = env.add_template_owned(*name, source) {
                problems.at(
                    &origin,
                    err.line().map(|l| (l, None)),
                    format!("template syntax: {}", err.detail().unwrap_or("invalid")),
                    "see https://docs.rs/minijinja for the template syntax",
                );
            }
            origins.push((name.to_string(), origin));
        }
        problems.into_result(Templates { env, origins })
    }

    /// Checks that every variable the templates use exists; `columns` are
    /// the recipient list's headers.
    pub fn check_variables(&self, columns: &[String]) -> Problems {
        let mut problems = Problems::default();
        for (name, origin) in &self.origins {
            let Ok(template) = self.env.get_template(name) else {
                continue;
            };
            let used: BTreeSet<String> = template.undeclared_variables(true).into_iter().collect();
            for variable in used {
                if known(&variable, columns) {
                    continue;
                }
                let source = template.source();
                let line = source
                    .lines()
                    .position(|l| l.contains(&variable))
                    .map(|i| (i + 1, None));
                problems.at(
                    origin,
                    line,
                    format!("unknown template variable '{variable}'"),
                    format!(
                        "use one of {}, or recipient.COLUMN for a column of the recipient list ({})",
                        VARIABLES
                            .iter()
                            .flat_map(|(root, fields)| {
                                if fields.is_empty() {
                                    vec![root.to_string()]
                                } else {
                                    fields.iter().map(|f| format!("{root}.{f}")).collect()
                                }
                            })
                            .filter(|v| !v.starts_with("recipient."))
                            .collect::<Vec<_>>()
                            .join(", "),
                        columns.join(", ")
                    ),
                );
            }
        }
        problems
    }

    /// Renders one template.
    pub fn render(&self, name: &str, context: minijinja::Value) -> crate::Result<String> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| crate::Error::Message(render_error(&self.env, name, &e)))?;
        template
            .render(context)
            .map_err(|e| crate::Error::Message(render_error(&self.env, name, &e)))
    }
}

/// A template error in words that name the template, the line and the
/// expression that failed (the lead's own template text), never a value:
/// minijinja's own message and its debug detail can carry the values in
/// the context (a doctor's name, address, answers), and this text goes to
/// the outbox's `last_error`, the lead's flags and the logs.
fn render_error(env: &minijinja::Environment<'_>, name: &str, e: &minijinja::Error) -> String {
    let failed = e.name().unwrap_or(name);
    let mut text = format!("template {failed}");
    if let Some(line) = e.line() {
        text.push_str(&format!(", line {line}"));
    }
    text.push_str(&format!(": {}", e.kind()));
    let source = env.get_template(failed).map(|t| t.source().to_owned());
    let expression = e
        .range()
        .zip(source.ok())
        .and_then(|(range, source)| {
            // From the start of the tag the failing part is in, on its line.
            let before = source.get(..range.start)?;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let start = ["{{", "{%"]
                .iter()
                .filter_map(|tag| before[line_start..].rfind(tag))
                .max()
                .map_or(range.start, |i| line_start + i + 2);
            source.get(start..range.end).map(str::to_owned)
        })
        .map(|expression| expression.trim().to_owned())
        .filter(|expression| !expression.is_empty() && expression.len() <= 200);
    if let Some(expression) = expression {
        text.push_str(&format!(" in `{}`", expression.escape_debug()));
    }
    text
}

fn known(variable: &str, columns: &[String]) -> bool {
    let mut parts = variable.splitn(2, '.');
    let root = parts.next().unwrap_or_default();
    let field = parts.next();
    let Some((_, fields)) = VARIABLES.iter().find(|(r, _)| *r == root) else {
        return false;
    };
    match field {
        None => true,
        Some(field) => {
            let field = field.split('.').next().unwrap_or(field);
            fields.contains(&field) || (root == "recipient" && columns.iter().any(|c| c == field))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_error_names_template_line_and_expression_never_a_value() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("receipt.txt"),
            "Dear {{ recipient.name }}\n{% for line in understood %}{{ line }}\n{% endfor %}\n{{ recipient.name.first.letter }}\n",
        )
        .unwrap();
        let templates = Templates::load(Some(dir.path())).unwrap();
        let err = templates
            .render(
                "receipt.txt",
                minijinja::context! {
                    recipient => minijinja::context! { name => "Dr Secret Name", email => "secret@nhs.test" },
                    understood => vec!["10. We need a secret protocol"],
                },
            )
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("template receipt.txt, line 4")
                && err.contains("`recipient.name.first.letter`"),
            "{err}"
        );
        assert!(!err.to_lowercase().contains("secret"), "{err}");
    }

    #[test]
    fn builtin_templates_use_only_known_variables() {
        let templates = Templates::load(None).unwrap();
        let problems = templates.check_variables(&["name".into(), "email".into()]);
        assert!(problems.is_empty(), "{problems}");
    }

    #[test]
    fn unknown_variables_are_named_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("invitation.txt"),
            "Dear {{ recipient.name }}\n{{ recipient.hospital }}\n",
        )
        .unwrap();
        let templates = Templates::load(Some(dir.path())).unwrap();
        let problems = templates.check_variables(&["name".into(), "email".into(), "centre".into()]);
        assert_eq!(problems.0.len(), 1);
        assert_eq!(problems.0[0].line, Some(2));
        assert!(problems.0[0].message.contains("recipient.hospital"));
        let ok = templates.check_variables(&["hospital".into()]);
        assert!(ok.is_empty());
    }
}
