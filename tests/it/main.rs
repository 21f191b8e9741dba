//! The integration tests: the real `mailsurvey` binary against the real
//! Postfix and Dovecot of `scripts/mailstack`, which must be up (and for
//! `matrix`, the servers of `scripts/matrix`).

mod acceptance;
mod attribution;
mod digest;
mod doctors;
mod faults;
mod filing;
mod folders;
mod golden;
mod invitations;
mod isolation;
mod matrix;
mod new;
mod oauth;
mod privacy;
mod question_types;
mod quota;
mod reading;
mod replies;
mod service;
mod setup;
mod sevenbit;
mod support;
mod surveys;
mod timeline;
mod verp;
mod workbook;
