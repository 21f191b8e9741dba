//! Deciding what a message changes: [`ingest`] runs a stored message through
//! understanding into the store with the follow-up it calls for, and
//! [`decision`] is what a message means, a pure function of the facts;
//! [`confirmation`] asks "was this you?" before an unverified request counts;
//! [`review`] is what the lead decides by hand; [`cores`] spreads a part's
//! reading over the machine's cores.

pub mod confirmation;
pub mod cores;
pub mod decision;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod review;
