//! Reading inputs: plain-text articles, JSON Lines corpora, PETRARCH XML, TABARI records.
//!
//! Every reader turns bytes into [`Article`]s; a bad record becomes a [`ReadError`] naming
//! the input and line, and the records after it are still read.

use std::fmt;

use crate::date::Date;

/// One article to code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub id: String,
    /// The headline, when the input has one; coded as sentence 0.
    pub title: Option<String>,
    /// The body, with any dateline removed.
    pub text: String,
    pub date: Option<Date>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The dateline's place (`ERBIL, Kurdistan Region`), kept as the article's location hint.
    pub dateline: Option<String>,
    /// 1-based line in the input where the record starts.
    pub line: u32,
}

/// Input formats of `herald code --input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Auto,
    Text,
    Jsonl,
    PetrarchXml,
    Tabari,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The input's name (file path or `-`).
    pub input: String,
    pub line: u32,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.input, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.input, self.message)
        }
    }
}

impl std::error::Error for ReadError {}
