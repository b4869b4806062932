//! herald-core turns news text into coded political events (CAMEO, with PLOVER).
//!
//! The data goes one way through the modules: [`read`] → [`split`] → [`token`] →
//! [`coder`] (match actors, agents and verb patterns, then code events) → [`when`]
//! (resolve event dates), [`place`] (where each event happened), [`quote`] (who said it)
//! → [`output`].
//! Dictionaries are parsed from text ([`dict`]) and compiled once into an immutable
//! [`dict::Dictionary`] that any number of [`coder::Coder`]s borrow.

pub mod codes;
pub mod coder;
pub mod date;
pub mod dict;
pub mod event;
pub mod output;
pub mod place;
pub mod quote;
pub mod read;
pub mod split;
pub mod token;
pub mod validate;
pub mod when;

pub use date::Date;
pub use event::Event;
