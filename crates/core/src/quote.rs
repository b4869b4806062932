//! Quotations and their speakers (pipeline step "resolve: speaker").
//!
//! Finds quoted passages in an article body — straight or curly quotes, spanning
//! sentences, with single quotes or the other kind of double marks nested inside
//! (`“…called it "diplomacy"…”`) — and the phrase that names who said
//! them: before (`Rouhani said: "…"`), after (`"…," Rouhani said.`, `"…," said Rouhani.`)
//! or interrupting (`"…," Rouhani said, "…"`, both parts get the speaker).

use crate::token::{Token, TokenKind};

/// A quotation in the text: byte spans of the quoted words and of the speaker phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: [usize; 2],
    /// The words naming the speaker ("Iran's foreign minister", "he"), when found.
    pub speaker: Option<[usize; 2]>,
}

const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "stated", "states", "declared", "declares", "warned",
    "warns", "wrote", "writes", "tweeted", "tweets", "posted", "insisted", "insists", "asked", "asks",
    "stressed", "stresses", "noted", "notes", "announced", "announces", "explained", "explains", "argued",
    "argues", "claimed", "claims", "urged", "urges", "continued", "replied", "responded", "quoted",
];

fn is_open(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}')
}

/// Whether `c` closes a quote opened by `opener`: angle marks close their own kind; curly
/// and straight marks close each other too (careless typing: `"…”`, `“…"`), once no
/// inner quote is open ([`opens_inner`]).
fn closes(opener: char, c: char) -> bool {
    match opener {
        '\u{00AB}' => c == '\u{00BB}',
        '\u{201E}' => matches!(c, '\u{201C}' | '\u{201D}' | '"'),
        _ => matches!(c, '\u{201D}' | '"'),
    }
}

/// A quote of the other kind of marks opening inside one at `text[i]` (`c`): a curly
/// opening mark inside straight marks, or a straight mark inside curly ones when the
/// curly closing mark still follows before the next curly opening mark or paragraph
/// ("…called it \"unacceptable\" and left,”).
fn opens_inner(text: &str, i: usize, opener: char, c: char, inner: bool) -> bool {
    if inner {
        return false;
    }
    match opener {
        '"' => c == '\u{201C}',
        '\u{201C}' if c == '"' => {
            let rest = &text[i + 1..];
            let close = rest.find('\u{201D}');
            let stop = [rest.find('\u{201C}'), rest.find("\n\n")].into_iter().flatten().min();
            close.is_some_and(|at| stop.is_none_or(|s| at < s))
        }
        _ => false,
    }
}

fn closes_inner(opener: char, c: char) -> bool {
    if opener == '"' { c == '\u{201D}' } else { c == '"' }
}

/// Finds the quotations of `text`, in order.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut spans: Vec<[usize; 2]> = Vec::new();
    let mut open: Option<usize> = None;
    // The mark that opened the quote, and whether a quote of the other kind of marks is
    // open inside it ("…called it “unacceptable” and…"): its closing mark closes only that.
    let mut opener = '"';
    let mut inner = false;
    for (i, c) in text.char_indices() {
        match open {
            None if is_open(c) => {
                open = Some(i + c.len_utf8());
                opener = c;
                inner = false;
            }
            Some(_) if opens_inner(text, i, opener, c, inner) => inner = true,
            Some(_) if inner && closes_inner(opener, c) => inner = false,
            Some(s) if closes(opener, c) => {
                if i > s {
                    spans.push([s, i]);
                }
                open = None;
            }
            // A new paragraph reopens the quote in wire style ("…\n\n"More words…"): treat
            // a paragraph break inside an open quote as its end.
            Some(s) if c == '\n' && text[i + 1..].starts_with('\n') => {
                if i > s {
                    spans.push([s, i]);
                }
                open = None;
            }
            _ => {}
        }
    }
    let mut out: Vec<Quote> = spans.iter().map(|&span| Quote { span, speaker: None }).collect();
    for k in 0..out.len() {
        let [s, e] = out[k].span;
        let close_end = e + text[e..].chars().next().map_or(0, char::len_utf8);
        let next_start = out.get(k + 1).map_or(text.len(), |q| q.span[0]);
        let prev_end = if k > 0 { out[k - 1].span[1] } else { 0 };
        // A quote that ends its sentence ("… help.") has no attribution after it: the
        // next sentence's "The minister added" is about something else.
        let closes_sentence = text[s..e].trim_end().ends_with('.');
        let after = if closes_sentence { None } else { speaker_after(text, close_end, next_start) };
        let sp = after.or_else(|| speaker_before(text, prev_end, s));
        out[k].speaker = sp;
    }
    // An interrupted quote: `"…," X said, "…"` gives the second part the same speaker.
    for k in 1..out.len() {
        if out[k].speaker.is_none() {
            let gap = &text[out[k - 1].span[1]..out[k].span[0]];
            if gap.len() < 80 && !gap.contains(['.', '\n']) {
                out[k].speaker = out[k - 1].speaker;
            }
        }
    }
    out
}

/// Words of `text[a..b]` with their byte spans.
fn words(text: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text[a..b].char_indices() {
        let i = a + i;
        let word_char = c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-' || c == '.';
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, b));
    }
    out
}

/// Which of a sentence's tokens lie within its quotation marks. Straight marks open at the
/// start or after a space or "("; the marks themselves count as outside. With `quoted`
/// (the sentence belongs to a quotation), one that starts inside it (its first mark closes
/// it) counts its words before that mark as inside; otherwise such a mark is a stray
/// apostrophe ("abide by 'unfair' resolution"). With no marks, no token is inside.
pub fn within_marks(text: &str, toks: &[Token], quoted: bool) -> Vec<bool> {
    let mut inside = vec![false; toks.len()];
    let mut open = false;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Quote {
            let mark = text[t.start..].chars().next().unwrap_or('"');
            let opens = match mark {
                '\u{201C}' | '\u{201E}' | '\u{00AB}' => true,
                '\u{201D}' | '\u{00BB}' => false,
                _ => t.start == 0 || text[..t.start].ends_with(|c: char| c.is_whitespace() || c == '('),
            };
            if !opens && !open && quoted {
                inside[..i].iter_mut().for_each(|x| *x = true);
            }
            open = opens;
            continue;
        }
        inside[i] = open;
    }
    inside
}

/// Whether `w` is a verb of saying ("said", "tweeted", "told").
pub fn is_speech_verb(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))
}

/// `"…," Rouhani said` / `"…," said Rouhani, …` / `"…," the minister told reporters`.
fn speaker_after(text: &str, from: usize, limit: usize) -> Option<[usize; 2]> {
    // The attribution ends at the sentence's end or the next quote.
    let mut end = limit.min(from + 200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let stop = text[from..end].find(['.', '\n', '?', '!']).map_or(end, |p| from + p);
    let ws = words(text, from, stop);
    let v = ws.iter().position(|&(a, b)| is_speech_verb(&text[a..b]))?;
    if v > 0 {
        // Speaker before the verb: "…," the Iranian foreign minister said.
        if v > 8 {
            return None;
        }
        return Some([ws[0].0, ws[v - 1].1]);
    }
    // Verb first: "…," said Rouhani, the president. — up to a comma or 8 words.
    let rest: Vec<&(usize, usize)> = ws[1..].iter().take(8).collect();
    let first = rest.first()?;
    let comma = text[first.0..stop].find(',').map(|p| first.0 + p);
    let last = rest.iter().take_while(|w| comma.is_none_or(|c| w.1 <= c)).last()?;
    Some([first.0, last.1])
}

/// `Rouhani said: "…"` / `Rouhani told reporters, "…"`.
fn speaker_before(text: &str, from: usize, open: usize) -> Option<[usize; 2]> {
    let quote_mark = text[..open].char_indices().next_back().map_or(open, |(i, _)| i);
    let lo = text[from..quote_mark].rfind(['.', '\n', '?', '!']).map_or(from, |p| from + p + 1);
    let ws = words(text, lo, quote_mark);
    let v = ws.iter().rposition(|&(a, b)| is_speech_verb(&text[a..b]))?;
    // Only when the verb is right before the quote (allowing "told reporters", "said that").
    if ws.len() - v > 3 || v == 0 {
        return None;
    }
    let first = v.saturating_sub(8);
    Some([ws[first].0, ws[v - 1].1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(String, Option<String>)> {
        quotes(text)
            .into_iter()
            .map(|q| (text[q.span[0]..q.span[1]].to_string(), q.speaker.map(|[a, b]| text[a..b].to_string())))
            .collect()
    }

    fn q(quote: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (quote.to_string(), speaker.map(str::to_string))
    }

    #[test]
    fn speaker_after_the_quote() {
        let t = "\u{201C}We will respond,\u{201D} Iran's foreign minister said on Monday.";
        assert_eq!(show(t), vec![q("We will respond,", Some("Iran's foreign minister"))]);
        let t = "\"No deal,\" said Rouhani, the president.";
        assert_eq!(show(t), vec![q("No deal,", Some("Rouhani"))]);
    }

    #[test]
    fn speaker_before_the_quote() {
        let t = "The minister told reporters: \"We are ready.\"";
        assert_eq!(show(t), vec![q("We are ready.", Some("The minister"))]);
    }

    #[test]
    fn interrupted_quote_shares_the_speaker() {
        let t = "\"We support Iraq,\" Rouhani said, \"and its people.\" Then he left.";
        assert_eq!(show(t), vec![q("We support Iraq,", Some("Rouhani")), q("and its people.", Some("Rouhani"))]);
    }

    #[test]
    fn two_quotes_two_speakers() {
        let t = "\"Leave now,\" Pompeo said. \"We will not,\" Abdul Mahdi replied.";
        assert_eq!(show(t), vec![q("Leave now,", Some("Pompeo")), q("We will not,", Some("Abdul Mahdi"))]);
    }

    #[test]
    fn quote_spanning_sentences_and_nested_single_quotes() {
        let t = "\"They call it 'defence'. It is an attack,\" he said.";
        assert_eq!(show(t), vec![q("They call it 'defence'. It is an attack,", Some("he"))]);
    }

    #[test]
    fn quote_ending_its_sentence_takes_no_speaker_from_the_next() {
        let t = "Iraq's prime minister said: \"Iraq welcomes Iran's help.\" The minister added that he left.";
        assert_eq!(show(t), vec![q("Iraq welcomes Iran's help.", Some("Iraq's prime minister"))]);
        let t = "\"We are ready.\" The minister said more later.";
        assert_eq!(show(t), vec![q("We are ready.", None)]);
        // "?" and "!" do not end the quote's sentence here.
        let t = "\"Why now?\" Rouhani asked.";
        assert_eq!(show(t), vec![q("Why now?", Some("Rouhani"))]);
    }

    #[test]
    fn nested_quote_of_the_other_marks() {
        let t = "\u{201C}He called the offer \"unacceptable\" and left,\u{201D} the minister said.";
        assert_eq!(show(t), vec![q("He called the offer \"unacceptable\" and left,", Some("the minister"))]);
        let t = "\"He called the offer \u{201C}unacceptable\u{201D} and left,\" the minister said.";
        assert_eq!(show(t), vec![q("He called the offer \u{201C}unacceptable\u{201D} and left,", Some("the minister"))]);
        // Careless marks still pair: a straight opening, a curly closing, and back.
        let t = "\"We are ready,\u{201D} Rouhani said.";
        assert_eq!(show(t), vec![q("We are ready,", Some("Rouhani"))]);
        let t = "\u{201C}We are ready,\" Rouhani said. \u{201C}Go,\u{201D} he said.";
        assert_eq!(show(t), vec![q("We are ready,", Some("Rouhani")), q("Go,", Some("he"))]);
    }

    #[test]
    fn low_opening_mark_closes_with_a_high_one() {
        let t = "\u{201E}Wir sind bereit,\u{201C} sagte Rouhani. \"Go,\" he said.";
        assert_eq!(show(t)[0].0, "Wir sind bereit,");
        assert_eq!(show(t)[1], q("Go,", Some("he")));
    }

    #[test]
    fn unquoted_text_has_no_quotes() {
        assert!(quotes("Iran said it would respond.").is_empty());
        assert_eq!(show("An unclosed \"quote runs on"), vec![]);
    }
}
