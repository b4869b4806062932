//! Plain text: one article per file.
//!
//! A first line followed by a blank line is the headline, when it looks like one: at most
//! 300 bytes, not ending in a period and not opening with a dateline (a one-line first
//! paragraph of a story is body, not headline). A dateline at the start of the body is
//! removed from the text and kept as [`Article::dateline`]. Windows line ends become `\n`.

use std::borrow::Cow;
use std::path::Path;

use super::{dateline::dateline, unescape, Article, ReadError};

/// The article id for an input name: the file name without extension, `stdin` for `-`.
pub fn article_id(input: &str) -> String {
    if input.is_empty() || input == "-" {
        return "stdin".to_string();
    }
    match Path::new(input).file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => input.to_string(),
    }
}

/// Reads one article from the text of the input named `input`.
pub fn read_text(input: &str, text: &str) -> Result<Article, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut article = Article { id: article_id(input), line: 1, ..Article::default() };
    let (title, body) = split_headline(text);
    article.title = title.map(str::to_string);
    article.text = body.trim().replace("\r\n", "\n");
    decode_entities(&mut article);
    strip_dateline(&mut article);
    if article.text.is_empty() && article.title.is_none() {
        return Err(ReadError { input: input.to_string(), line: 0, message: "no text".to_string() });
    }
    Ok(article)
}

/// Decodes character entities in the headline and body ("Iran&#39;s", "&quot;"): text
/// copied from web pages carries them, and coded as written they hide actors' names.
pub(crate) fn decode_entities(article: &mut Article) {
    if let Cow::Owned(t) = unescape(&article.text) {
        article.text = t;
    }
    if let Some(Cow::Owned(t)) = article.title.as_deref().map(unescape) {
        article.title = Some(t);
    }
}

/// Removes a dateline from the start of `article.text` into `article.dateline`.
pub(crate) fn strip_dateline(article: &mut Article) {
    if let Some(d) = dateline(&article.text) {
        article.text.drain(..d.end);
        article.dateline = d.place;
    }
}

/// Splits off a headline: the first non-blank line, when a blank line and more text follow.
fn split_headline(text: &str) -> (Option<&str>, &str) {
    let mut lines = LineIter { text, pos: 0 };
    let Some((_, first)) = lines.by_ref().find(|(_, l)| !l.trim().is_empty()) else {
        return (None, text);
    };
    match lines.next() {
        Some((_, l)) if l.trim().is_empty() => {}
        _ => return (None, text),
    }
    let rest = &text[lines.pos..];
    let title = first.trim();
    if rest.trim().is_empty() || !looks_like_headline(title) {
        return (None, text);
    }
    (Some(title), rest)
}

fn looks_like_headline(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')']);
    line.len() <= 300 && !end.ends_with('.') && dateline(line).is_none()
}

/// Lines with their start offsets, without the line ending.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], start + i + 1),
            None => (rest, self.text.len()),
        };
        self.pos = next;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_before_the_dateline() {
        let a = read_text("a.txt", "Iran&#39;s minister &amp; Iraq\n\nTEHRAN &mdash; Iran&rsquo;s minister met Iraq&#x27;s &quot;envoy&quot; &unknown;.")
            .expect("reads");
        assert_eq!(a.title.as_deref(), Some("Iran's minister & Iraq"));
        assert_eq!(a.dateline.as_deref(), Some("TEHRAN"));
        assert_eq!(a.text, "Iran\u{2019}s minister met Iraq's \"envoy\" &unknown;.");
    }

    #[test]
    fn ids() {
        for (input, id) in [
            ("-", "stdin"),
            ("", "stdin"),
            ("article.txt", "article"),
            ("/data/news/2020-10-18.story.txt", "2020-10-18.story"),
            ("noext", "noext"),
        ] {
            assert_eq!(article_id(input), id);
        }
    }

    /// (input, title, dateline, text)
    const CASES: &[(&str, Option<&str>, Option<&str>, &str)] = &[
        ("Arnor restores ties\n\nArnor is about to restore ties.", Some("Arnor restores ties"), None, "Arnor is about to restore ties."),
        ("\n\n  Headline  \r\n\r\nBody one.\r\nBody two.\r\n", Some("Headline"), None, "Body one.\nBody two."),
        ("Just one line.", None, None, "Just one line."),
        ("Only a headline\n\n", None, None, "Only a headline"),
        ("No blank line after\nthe first line.", None, None, "No blank line after\nthe first line."),
        ("A first paragraph that is a sentence.\n\nA second one.", None, None, "A first paragraph that is a sentence.\n\nA second one."),
        (
            "Kurds advance\n\nERBIL, Kurdistan Region – Kurdish forces advanced.",
            Some("Kurds advance"),
            Some("ERBIL, Kurdistan Region"),
            "Kurdish forces advanced.",
        ),
        (
            "BEIRUT (Reuters) - Lebanon's army said.\n\nMore text.",
            None,
            Some("BEIRUT"),
            "Lebanon's army said.\n\nMore text.",
        ),
        ("\u{feff}KHARTOUM: Talks began.", None, Some("KHARTOUM"), "Talks began."),
    ];

    #[test]
    fn headlines_and_datelines() {
        for &(input, title, place, text) in CASES {
            let a = read_text("x.txt", input).unwrap();
            assert_eq!(a.title.as_deref(), title, "{input:?}");
            assert_eq!(a.dateline.as_deref(), place, "{input:?}");
            assert_eq!(a.text, text, "{input:?}");
            assert_eq!(a.id, "x");
        }
    }

    #[test]
    fn empty_is_an_error() {
        for input in ["", "  \n\n\t", "\u{feff}"] {
            let e = read_text("empty.txt", input).unwrap_err();
            assert_eq!(e.to_string(), "empty.txt: no text");
        }
    }
}
