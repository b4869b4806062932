//! The coded event: the product of the pipeline, one per (source, target, code) happening.

use serde::Serialize;

use crate::date::{Date, Precision};

/// Byte range `[start, end)` into the sentence text.
pub type Span = [usize; 2];

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Offsets {
    pub source: Option<Span>,
    pub target: Option<Span>,
    pub verb: Option<Span>,
    /// The date expression that dated the event (`date_text`), if any.
    pub date: Option<Span>,
    /// The words that named the event's place (`null` when it came from the dateline).
    pub place: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
}

/// One coded event, as SPEC §1 describes. Field names are part of the product contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub doc_id: String,
    pub sentence: usize,
    pub date: Option<Date>,
    pub source: String,
    pub target: String,
    pub code: String,
    pub root: String,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f64>,
    pub plover: Option<Plover>,
    pub source_text: String,
    pub target_text: String,
    pub verb_text: String,
    pub offsets: Offsets,
    pub text: String,
    pub location: Option<Location>,
    pub quote: Option<String>,
    pub speaker: Option<String>,
    pub pattern: String,
    /// Issue codes found in the sentence (`Phoenix.IssueCoding`-style dictionaries).
    pub issues: Vec<String>,
    /// How much of `date` is known: `day`, `month` or `year`; null when `date` is.
    pub date_precision: Option<Precision>,
    /// The words of `text` that gave `date` ("last Saturday", "in January" → "January");
    /// null when the date is the publication date or came from another mention of the
    /// same happening (see `sentences`).
    pub date_text: Option<String>,
    /// How many coded mentions in the article tell this happening (1 unless merged).
    pub mentions: usize,
    /// Every sentence index (ascending) holding one of those mentions; `sentence` is the first.
    pub sentences: Vec<usize>,
}
