//! Reading inputs: plain-text articles, JSON Lines corpora, PETRARCH XML, TABARI records.
//!
//! Every reader turns bytes into [`Article`]s; a bad record becomes a [`ReadError`] naming
//! the input and line, and the records after it are still read. [`read_input`] picks the
//! reader ([`detect_format`] for `--input auto`); the validation suites are parsed with
//! [`parse_validation_xml`] and [`parse_tabari_records`], which keep what each record
//! expects to be coded.
//!
//! ```
//! use herald_core::read::{read_input, InputFormat};
//!
//! let got = read_input("story.txt", "Talks resume\n\nBEIRUT (Reuters) - Talks resumed.".as_bytes(), InputFormat::Auto);
//! let a = got[0].as_ref().unwrap();
//! assert_eq!((a.id.as_str(), a.title.as_deref(), a.dateline.as_deref()), ("story", Some("Talks resume"), Some("BEIRUT")));
//! assert_eq!(a.text, "Talks resumed.");
//! ```

use std::borrow::Cow;
use std::fmt;

use crate::date::Date;

pub mod dateline;
pub mod jsonl;
pub mod ptb;
pub mod tabari;
pub mod text;
pub mod xml;

pub use dateline::{dateline, Dateline};
pub use jsonl::read_jsonl;
pub use tabari::{parse_tabari_records, read_tabari, TabariRecord};
pub use text::read_text;
pub use xml::{parse_validation_xml, read_xml, ValidationRecord, XmlValidation};

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

/// An event a validation record expects: CAMEO source, target and event codes as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExpectedEvent {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// Reads the input named `input` (a path or `-`) in `format`, detecting it for
/// [`InputFormat::Auto`]. Never panics: a bad record is a [`ReadError`] and the others
/// are still read. Text, XML and TABARI inputs that are not UTF-8 are one error
/// (`not UTF-8 at byte N`); in JSON Lines only the bad lines fail.
pub fn read_input(input: &str, bytes: &[u8], format: InputFormat) -> Vec<Result<Article, ReadError>> {
    let format = match format {
        InputFormat::Auto => detect_format(bytes),
        f => f,
    };
    if format == InputFormat::Jsonl {
        return read_jsonl(input, bytes);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = memchr::memchr_iter(b'\n', &bytes[..at]).count() as u32 + 1;
            return vec![Err(ReadError { input: input.to_string(), line, message: format!("not UTF-8 at byte {at}") })];
        }
    };
    match format {
        InputFormat::PetrarchXml => read_xml(input, text),
        InputFormat::Tabari => read_tabari(input, text),
        _ => vec![read_text(input, text)],
    }
}

/// Guesses the format of an input from its first bytes: `<` (after whitespace and any
/// byte-order mark) is PETRARCH XML; a first non-empty line that is a JSON object is
/// JSON Lines; a first line (after `#` comment lines) like `950101  DEMO-01` is TABARI;
/// anything else is plain text.
pub fn detect_format(bytes: &[u8]) -> InputFormat {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let rest = &bytes[start..];
    match rest.first() {
        None => return InputFormat::Text,
        Some(b'<') => return InputFormat::PetrarchXml,
        _ => {}
    }
    let first_line = |s: &[u8]| -> Vec<u8> {
        let end = memchr::memchr(b'\n', s).unwrap_or(s.len());
        s[..end].to_vec()
    };
    let line = first_line(rest);
    let line = String::from_utf8_lossy(&line);
    let line = line.trim();
    if line.starts_with('{')
        && (line.starts_with("{\"") || serde_json::from_str::<serde_json::Value>(line).is_ok_and(|v| v.is_object()))
    {
        return InputFormat::Jsonl;
    }
    // TABARI files often open with `#` banners; look at the first other line.
    let mut pos = 0;
    while pos < rest.len() {
        let l = first_line(&rest[pos..]);
        pos += l.len() + 1;
        let l = String::from_utf8_lossy(&l);
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        return if tabari::looks_like_header(t) { InputFormat::Tabari } else { InputFormat::Text };
    }
    InputFormat::Text
}

/// Replaces character entities: the five of XML, numeric references, and the HTML
/// names news text carries (`&nbsp;`, `&mdash;`, `&rsquo;`, …); unknown ones stay as
/// written. Text and JSON Lines inputs scraped from web pages come with them ("Iran&#39;s").
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest.as_bytes().iter().take(12).position(|&c| c == b';');
        let decoded = semi.and_then(|semi| {
            let ent = &rest[1..semi];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "mdash" => Some('\u{2014}'),
                "ndash" => Some('\u{2013}'),
                "lsquo" => Some('\u{2018}'),
                "rsquo" => Some('\u{2019}'),
                "ldquo" => Some('\u{201c}'),
                "rdquo" => Some('\u{201d}'),
                "laquo" => Some('\u{ab}'),
                "raquo" => Some('\u{bb}'),
                "hellip" => Some('\u{2026}'),
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        for (input, want) in [
            ("", InputFormat::Text),
            ("  \n\t", InputFormat::Text),
            ("\u{feff}  <Sentences>", InputFormat::PetrarchXml),
            ("<?xml version='1.0'?>\n<Validation>", InputFormat::PetrarchXml),
            ("\n{\"id\": 1, \"text\": \"x\"}\n", InputFormat::Jsonl),
            ("{\"text\": \"trunc", InputFormat::Jsonl),
            ("{ }", InputFormat::Jsonl),
            ("{not json at all}\n", InputFormat::Text),
            ("950101  DEMO-01\nArnor.\n", InputFormat::Tabari),
            ("\n####\n# banner\n####\n\n000101  START-00\nText", InputFormat::Tabari),
            ("950101*INTRO\nText", InputFormat::Tabari),
            ("120315 protesters marched in the capital on Monday.", InputFormat::Text),
            ("# A markdown title\n\nSome text.", InputFormat::Text),
            ("BEIRUT (Reuters) - Text.", InputFormat::Text),
        ] {
            assert_eq!(detect_format(input.as_bytes()), want, "{input:?}");
        }
    }

    #[test]
    fn read_input_dispatches() {
        let a = read_input("-", b"Headline\n\nKHARTOUM: Body.", InputFormat::Auto);
        let a = a[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_deref(), a.dateline.as_deref(), a.text.as_str()), ("stdin", Some("Headline"), Some("KHARTOUM"), "Body."));
        assert_eq!(read_input("x.jsonl", b"{\"text\": \"a\"}\n{\"text\": \"b\"}", InputFormat::Auto).len(), 2);
        assert_eq!(read_input("x", b"<Sentence id=\"s\"><Text>A</Text></Sentence>", InputFormat::Auto)[0].as_ref().unwrap().id, "s");
        assert_eq!(read_input("x", b"950101 T-1\nA.\n\n950102 T-2\nB.", InputFormat::Auto).len(), 2);
        // A forced format wins over detection.
        let t = read_input("f.txt", b"<b>not xml</b>", InputFormat::Text);
        assert_eq!(t[0].as_ref().unwrap().text, "<b>not xml</b>");
    }

    #[test]
    fn not_utf8() {
        for format in [InputFormat::Auto, InputFormat::Text, InputFormat::PetrarchXml, InputFormat::Tabari] {
            let got = read_input("bad.txt", b"line one\nline \xff two", format);
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].as_ref().unwrap_err().to_string(), "bad.txt:2: not UTF-8 at byte 14");
        }
    }
}
