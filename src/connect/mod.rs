//! Reaching the mail servers: TLS to them, the secrets that sign in, and
//! OAuth2 bearer tokens. Used alike by the outbox (SMTP) and the inbox (IMAP).

pub mod credentials;
pub mod oauth;
pub mod tls;
