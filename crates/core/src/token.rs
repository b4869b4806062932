//! Tokens: words with byte offsets into the sentence and their normalised forms.
//!
//! Normalisation upper-cases words, maps curly quotes and apostrophes to straight ones,
//! splits possessives (`Iran's` → `IRAN` `'S`) and punctuation into tokens of their own,
//! and keeps abbreviations (`U.S.`), hyphenated names (`al-Qaeda`) and numbers whole.
//! Every token keeps the byte range of the original text it came from, so
//! `&text[t.start..t.end]` is always the word as written.

/// What a token is, for clause and list boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// `,`
    Comma,
    /// `;` `:` `(` `)` dashes: clause-level breaks.
    Break,
    /// `.` `?` `!` at the end of a sentence.
    End,
    /// `"` (any quotation mark).
    Quote,
    /// Possessive `'S` / `'`.
    Possessive,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the sentence text.
    pub start: usize,
    pub end: usize,
    /// Upper-case normalised form used for dictionary lookups.
    pub norm: String,
    pub kind: TokenKind,
}

/// Splits `text` into tokens. Never fails; every range lies on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// As [`tokenize`], reusing `out`'s allocation and its tokens' string buffers.
pub fn tokenize_into(text: &str, toks: &mut Vec<Token>) {
    let mut sink = Sink { toks, n: 0 };
    let out = &mut sink;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // A chunk runs to the next whitespace (ASCII or Unicode).
        let mut j = i;
        while j < bytes.len() {
            let c = bytes[j];
            if c.is_ascii_whitespace() {
                break;
            }
            if c >= 0x80 {
                let ch = text[j..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    break;
                }
                j += ch.len_utf8();
            } else {
                j += 1;
            }
        }
        split_chunk(text, i, j, out);
        // Skip the Unicode whitespace that ended the chunk.
        if j < bytes.len() && bytes[j] >= 0x80 {
            j += text[j..].chars().next().map_or(1, char::len_utf8);
        }
        i = j;
    }
    let n = sink.n;
    sink.toks.truncate(n);
}

/// Where tokens go: the caller's vector, whose old tokens' buffers are reused.
struct Sink<'a> {
    toks: &'a mut Vec<Token>,
    /// Tokens written so far.
    n: usize,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}' | '\u{2212}')
}

/// Splits one whitespace-free chunk `text[s..e]` into tokens.
fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Sink) {
    // Leading punctuation: quotes, brackets, dashes.
    while s < e {
        let c = text[s..e].chars().next().unwrap();
        let kind = if is_quote(c) || (is_apostrophe(c) && c != '\'' && c != '`') {
            TokenKind::Quote
        } else if c == '(' || c == '[' || c == '{' || is_dash(c) {
            TokenKind::Break
        } else if c == '\'' && text[s + 1..e].starts_with('\'') {
            TokenKind::Quote
        } else if c == '-' && text[s + 1..e].starts_with('-') {
            TokenKind::Break
        } else {
            break;
        };
        let n = if (c == '\'' || c == '-') && kind != TokenKind::Other { 2 } else { c.len_utf8() };
        push(out, text, s, s + n, kind);
        s += n;
    }
    // Trailing punctuation, collected in reverse (beyond eight marks, the rest stays).
    let mut tail = [(0usize, 0usize, TokenKind::Other); 8];
    let mut nt = 0;
    while s < e && nt < tail.len() {
        let c = text[s..e].chars().next_back().unwrap();
        let cl = c.len_utf8();
        let kind = match c {
            ',' => TokenKind::Comma,
            ';' | ':' | ')' | ']' | '}' => TokenKind::Break,
            '?' | '!' => TokenKind::End,
            '.' => {
                let body = &text[s..e];
                if is_abbreviation(body) {
                    break;
                }
                // "..." ellipsis or a plain full stop.
                TokenKind::End
            }
            c if is_quote(c) => TokenKind::Quote,
            c if is_dash(c) => TokenKind::Break,
            '\u{2019}' | '\'' if e - s > cl && !ends_possessive(&text[s..e]) => TokenKind::Quote,
            _ => break,
        };
        tail[nt] = (e - cl, e, kind);
        nt += 1;
        e -= cl;
    }
    if s < e {
        split_core(text, s, e, out);
    }
    for &(a, b, k) in tail[..nt].iter().rev() {
        push(out, text, a, b, k);
    }
}

/// Plural possessive `states'`: an apostrophe after an `s`.
fn ends_possessive(w: &str) -> bool {
    let mut it = w.chars().rev();
    it.next();
    matches!(it.next(), Some('s') | Some('S'))
}

/// `U.S.`, `U.N.`, `Gen.`, `Mr.`, initials `W.`: a period that belongs to the word.
fn is_abbreviation(w: &str) -> bool {
    let core = w.trim_end_matches('.');
    if core.is_empty() {
        return false;
    }
    // Letters separated by periods: U.S., D.C., J.R.R.
    if core.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)) {
        return true;
    }
    const TITLES: &[&str] = &[
        "MR", "MRS", "MS", "DR", "GEN", "LT", "COL", "SGT", "CAPT", "MAJ", "ADM", "GOV", "SEN", "REP",
        "ST", "JR", "SR", "PROF", "REV", "GENS", "CMDR", "CPL", "PVT", "GOVT", "DEPT", "CORP", "INC",
        "CO", "LTD", "NO", "VS", "JAN", "FEB", "MAR", "APR", "AUG", "SEPT", "SEP", "OCT", "NOV", "DEC",
        "MT", "FT", "PRES", "AMB", "BRIG", "ET", "AL",
    ];
    core.len() <= 5 && TITLES.iter().any(|t| t.eq_ignore_ascii_case(core))
}

/// The core of a chunk: a word, possibly with a possessive or internal punctuation.
fn split_core(text: &str, s: usize, e: usize, out: &mut Sink) {
    let w = &text[s..e];
    // Possessive 's / ’s at the end.
    for suffix in ["'s", "'S", "\u{2019}s", "\u{2019}S"] {
        if w.len() > suffix.len() && w.ends_with(suffix) {
            let cut = e - suffix.len();
            split_core(text, s, cut, out);
            push(out, text, cut, e, TokenKind::Possessive);
            return;
        }
    }
    // Plural possessive states' (handled by the caller as a trailing apostrophe otherwise).
    if (w.ends_with('\'') || w.ends_with('\u{2019}')) && ends_possessive(w) {
        let cut = e - w.chars().next_back().unwrap().len_utf8();
        push_word(out, text, s, cut);
        push(out, text, cut, e, TokenKind::Possessive);
        return;
    }
    // Underscores join words in some inputs ("Dol_Amroth"): separate words.
    if let Some(p) = w.find('_') {
        if p > 0 {
            split_core(text, s, s + p, out);
        }
        if s + p + 1 < e {
            split_core(text, s + p + 1, e, out);
        }
        return;
    }
    // Internal commas between words ("Iraq,Iran") but not in numbers (1,000).
    if let Some(p) = w.find(',') {
        let before = &w[..p];
        let after = &w[p + 1..];
        let numeric = before.ends_with(|c: char| c.is_ascii_digit()) && after.starts_with(|c: char| c.is_ascii_digit());
        if !numeric && !before.is_empty() && !after.is_empty() {
            split_core(text, s, s + p, out);
            push(out, text, s + p, s + p + 1, TokenKind::Comma);
            split_chunk(text, s + p + 1, e, out);
            return;
        }
    }
    // Em/en dashes and double hyphens inside a chunk separate words.
    if let Some((p, len)) = w
        .char_indices()
        .find(|&(_, c)| is_dash(c))
        .map(|(p, c)| (p, c.len_utf8()))
        .or_else(|| w.find("--").map(|p| (p, 2)))
    {
        if p > 0 {
            split_chunk(text, s, s + p, out);
        }
        push(out, text, s + p, s + p + len, TokenKind::Break);
        if s + p + len < e {
            split_chunk(text, s + p + len, e, out);
        }
        return;
    }
    push_word(out, text, s, e);
}

fn push_word(out: &mut Sink, text: &str, s: usize, e: usize) {
    let w = &text[s..e];
    let kind = if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        TokenKind::Number
    } else if w.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Other
    };
    push(out, text, s, e, kind);
}

fn push(out: &mut Sink, text: &str, s: usize, e: usize, kind: TokenKind) {
    let raw = &text[s..e];
    let i = out.n;
    out.n += 1;
    if i == out.toks.len() {
        out.toks.push(Token { start: s, end: e, norm: String::new(), kind });
    }
    let t = &mut out.toks[i];
    t.start = s;
    t.end = e;
    t.kind = kind;
    t.norm.clear();
    match kind {
        TokenKind::Quote => t.norm.push('"'),
        TokenKind::Possessive => t.norm.push_str("'S"),
        TokenKind::End if raw.starts_with('.') => t.norm.push('.'),
        TokenKind::Break if raw.chars().all(|c| c == '-' || is_dash(c)) => t.norm.push_str("--"),
        // "US" in capitals is the country, as "U.S." is; the pronoun "us" never is. Dictionary
        // lookups ignore case, so the distinction is made here.
        TokenKind::Word if raw == "US" => t.norm.push_str("U.S."),
        _ => normalize_into(raw, &mut t.norm),
    }
}

/// Upper-cases and maps typographic apostrophes and hyphens to ASCII.
pub fn normalize(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    normalize_into(raw, &mut s);
    s
}

/// As [`normalize`], appending to `s`.
pub fn normalize_into(raw: &str, s: &mut String) {
    if raw.is_ascii() {
        let from = s.len();
        s.push_str(raw);
        s[from..].make_ascii_uppercase();
        return;
    }
    for c in raw.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => s.push('\''),
            '\u{2010}' | '\u{2011}' => s.push('-'),
            c => s.extend(c.to_uppercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "{t:?}");
            assert!(t.start < t.end);
        }
        toks.into_iter().map(|t| t.norm).collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = $expected;
                assert_eq!(norms($input), want);
            }
        };
    }

    t!(plain, "Iran backs Iraq.", vec!["IRAN", "BACKS", "IRAQ", "."]);
    t!(possessive, "Iran's president", vec!["IRAN", "'S", "PRESIDENT"]);
    t!(curly_possessive, "Iran\u{2019}s president", vec!["IRAN", "'S", "PRESIDENT"]);
    t!(plural_possessive, "the states' rights", vec!["THE", "STATES", "'S", "RIGHTS"]);
    t!(abbreviation, "the U.S. said", vec!["THE", "U.S.", "SAID"]);
    t!(abbreviation_end, "troops left the U.S.", vec!["TROOPS", "LEFT", "THE", "U.S."]);
    t!(us_capitals, "US troops told us", vec!["U.S.", "TROOPS", "TOLD", "US"]);
    t!(title, "Gen. Smith", vec!["GEN.", "SMITH"]);
    t!(hyphen, "al-Qaeda fighters", vec!["AL-QAEDA", "FIGHTERS"]);
    t!(commas, "Iran, Iraq and Syria", vec!["IRAN", ",", "IRAQ", "AND", "SYRIA"]);
    t!(number, "killed 1,200 people", vec!["KILLED", "1,200", "PEOPLE"]);
    t!(quotes, "\u{201C}We will fight,\u{201D} he said.", vec!["\"", "WE", "WILL", "FIGHT", ",", "\"", "HE", "SAID", "."]);
    t!(straight_quotes, "\"No,\" she said", vec!["\"", "NO", ",", "\"", "SHE", "SAID"]);
    t!(dash, "Iran \u{2014} and Iraq", vec!["IRAN", "--", "AND", "IRAQ"]);
    t!(joined_dash, "Iran\u{2014}Iraq", vec!["IRAN", "--", "IRAQ"]);
    t!(brackets, "(Reuters) said", vec!["(", "REUTERS", ")", "SAID"]);
    t!(contraction, "didn't attack", vec!["DIDN'T", "ATTACK"]);
    t!(ellipsis, "wait... then", vec!["WAIT", ".", ".", ".", "THEN"]);
    t!(unicode_space, "Iran\u{00A0}said", vec!["IRAN", "SAID"]);
    t!(accents, "Côte d'Ivoire", vec!["CÔTE", "D'IVOIRE"]);
    t!(empty, "", vec![]);
    t!(underscore, "Dol_Amroth_", vec!["DOL", "AMROTH"]);
}
