//! Understanding one stored message, purely from its bytes and the survey:
//! reading the raw MIME ([`mime`]), what kind of mail it is ([`classify`],
//! [`bounce`]), whose it is ([`matching`], [`authres`]), and what it answers
//! ([`parse`] into [`answer`]s, after [`flowed`] text is unwrapped). [`inspect`] runs them all as a stable JSON
//! contract. Nothing here touches the store or the network.

pub mod answer;
pub mod applies;
pub mod authres;
pub mod bounce;
pub mod budget;
pub mod classify;
pub mod flowed;
pub mod inspect;
pub mod matching;
pub mod mime;
pub mod parse;

/// The first `bytes` of `text`, or a little less, at a character boundary:
/// how every reader here applies its limit before any other work.
pub fn head(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
