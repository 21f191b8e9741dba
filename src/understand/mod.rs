//! Understanding one stored message, purely from its bytes and the survey:
//! reading the raw MIME ([`mime`]), what kind of mail it is ([`classify`],
//! [`bounce`]), whose it is ([`matching`], [`authres`]), and what it answers
//! ([`parse`] into [`answer`]s, after [`flowed`] text is unwrapped). [`inspect`] runs them all as a stable JSON
//! contract. Nothing here touches the store or the network.

pub mod answer;
pub mod authres;
pub mod bounce;
pub mod classify;
pub mod flowed;
pub mod inspect;
pub mod matching;
pub mod mime;
pub mod parse;
