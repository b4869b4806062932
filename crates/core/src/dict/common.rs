//! Helpers shared by the PETRARCH-1 and TABARI readers: decoding, line splitting, comment
//! stripping, bracketed codes, date restrictions, pattern elements, actor blocks.
//!
//! Everything here is linear in the input and allocation-light; no regular expressions.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{
    ActorEntry, CodeSpec, DatedCode, DictError, DictErrorKind, PatElem, PatItem, Pattern, Phrase,
    SourceLoc, Warning, Word,
};
use crate::date::Date;

/// Per-file parsing context: the file name shared by every [`SourceLoc`], and the warnings.
pub(crate) struct Ctx {
    pub file: Arc<str>,
    pub warnings: Vec<Warning>,
}

impl Ctx {
    pub fn new(file: &str) -> Ctx {
        Ctx { file: Arc::from(file), warnings: Vec::new() }
    }

    pub fn loc(&self, line: u32) -> SourceLoc {
        SourceLoc { file: self.file.clone(), line }
    }

    pub fn warn(&mut self, line: u32, message: impl Into<String>) {
        let loc = self.loc(line);
        self.warnings.push(Warning { loc, message: message.into() });
    }
}

// ---------------------------------------------------------------------------------------------
// Files and encodings

/// Reads a dictionary file. Bytes that are not valid UTF-8 are decoded as Latin-1 (the usual
/// encoding of the older files), with one warning giving the first line concerned.
pub(crate) fn read_text(path: &Path) -> Result<(String, Option<Warning>), DictError> {
    let bytes = std::fs::read(path).map_err(|e| {
        let kind = match e.kind() {
            std::io::ErrorKind::NotFound => DictErrorKind::MissingFile,
            _ => DictErrorKind::Io,
        };
        DictError::new(kind, path, 0, e.to_string())
    })?;
    let (text, bad) = decode(&bytes);
    let warning = bad.map(|offset| {
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32;
        Warning {
            loc: SourceLoc { file: Arc::from(path.display().to_string()), line },
            message: "file is not valid UTF-8; invalid bytes were read as Latin-1".into(),
        }
    });
    Ok((text.into_owned(), warning))
}

/// Decodes UTF-8, reading every byte that is not part of a valid UTF-8 sequence as Latin-1.
/// Returns the text and the offset of the first invalid byte, if any. A leading BOM is dropped.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(first) => {
            let first_bad = first.valid_up_to();
            let mut out = String::with_capacity(bytes.len() + bytes.len() / 16);
            let mut rest = bytes;
            let mut consumed = 0usize;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // `good` bytes are valid UTF-8 by construction.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad_len = e.error_len().unwrap_or(rest.len() - good);
                        for &b in &rest[good..good + bad_len] {
                            out.push(b as char);
                        }
                        consumed += good + bad_len;
                        rest = &bytes[consumed..];
                    }
                }
            }
            (Cow::Owned(out), Some(first_bad))
        }
    }
}

/// Splits text into numbered lines (1-based) on `\n`, `\r\n` or a lone `\r`.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    let mut rest = text;
    let mut n = 0u32;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                let skip =
                    if rest.as_bytes()[i] == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                rest = &rest[i + skip..];
                Some((n, line))
            }
            None => {
                let line = rest;
                rest = "";
                Some((n, line))
            }
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Comments

/// Removes `<!-- ... -->` comments, which may span lines (`open` carries the state between
/// lines). Returns the text outside comments.
pub(crate) fn strip_xml_comments<'a>(line: &'a str, open: &mut bool) -> Cow<'a, str> {
    if !*open && !line.contains("<!--") {
        return Cow::Borrowed(line);
    }
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *open {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    *open = false;
                }
                None => return Cow::Owned(out),
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    rest = &rest[i + 4..];
                    *open = true;
                }
                None => {
                    out.push_str(rest);
                    return Cow::Owned(out);
                }
            }
        }
    }
}

/// Cuts the line at the first of `marks` that is not inside `[...]` (so `[###]` survives a
/// `#` comment marker).
pub(crate) fn cut_comment<'a>(line: &'a str, marks: &[char]) -> &'a str {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            c if depth == 0 && marks.contains(&c) => return &line[..i],
            _ => {}
        }
    }
    line
}

// ---------------------------------------------------------------------------------------------
// Brackets and codes

/// Text split into the part before the first `[`, the bracketed groups, and what is left over
/// outside brackets after the first `[`.
pub(crate) struct Bracketed<'a> {
    pub head: &'a str,
    pub groups: Vec<&'a str>,
    /// Non-blank text found between or after the groups.
    pub stray: String,
    /// A `[` without its `]`.
    pub unclosed: bool,
}

pub(crate) fn brackets(s: &str) -> Bracketed<'_> {
    let Some(first) = s.find('[') else {
        return Bracketed { head: s, groups: Vec::new(), stray: String::new(), unclosed: false };
    };
    let mut groups = Vec::new();
    let mut stray = String::new();
    let mut rest = &s[first..];
    let mut unclosed = false;
    while let Some(open) = rest.find('[') {
        let between = rest[..open].trim();
        if !between.is_empty() {
            if !stray.is_empty() {
                stray.push(' ');
            }
            stray.push_str(between);
        }
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) => {
                groups.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => {
                unclosed = true;
                rest = "";
                break;
            }
        }
    }
    let tail = rest.trim();
    if !tail.is_empty() {
        if !stray.is_empty() {
            stray.push(' ');
        }
        stray.push_str(tail);
    }
    Bracketed { head: &s[..first], groups, stray, unclosed }
}

/// An event code as written between brackets: `---` / `- - -` (null), `051`, `032:033`.
/// Letters are upper-cased.
pub(crate) fn event_code(s: &str) -> Option<CodeSpec> {
    let s = s.trim();
    if !s.is_empty() && s.chars().all(|c| c == '-' || c.is_whitespace()) {
        return Some(CodeSpec::Null);
    }
    if s.bytes().any(|b| b.is_ascii_lowercase()) {
        CodeSpec::parse(&s.to_ascii_uppercase())
    } else {
        CodeSpec::parse(s)
    }
}

/// Parses a 6- or 8-digit date (`YYMMDD`, `YYYYMMDD`).
pub(crate) fn strict_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    if (s.len() != 6 && s.len() != 8) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("malformed date '{s}' (want YYMMDD or YYYYMMDD)"));
    }
    Date::parse(s).ok_or_else(|| format!("invalid date '{s}'"))
}

/// Parses the inside of an actor code bracket: `CODE`, `CODE <DATE`, `CODE >DATE`,
/// `CODE DATE-DATE` (blanks allowed around `<`, `>`, `-`). Codes are upper-cased;
/// `---` / `- - -` is the null code.
pub(crate) fn dated_code(s: &str) -> Result<DatedCode, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("empty code brackets []".into());
    }
    if s.chars().all(|c| c == '-' || c.is_whitespace()) {
        return Ok(DatedCode::plain("---"));
    }
    // `- - - <920101`: a spaced null code followed by a restriction.
    let (code, rest) = if let Some(r) = s.strip_prefix("- - -") {
        ("---", r.trim())
    } else {
        match s.find(char::is_whitespace) {
            Some(i) => (&s[..i], s[i..].trim()),
            None => (s, ""),
        }
    };
    // `[IGO<991201]`: a restriction glued to the code.
    let (code, rest) = match code.find(['<', '>']) {
        Some(i) if i > 0 && rest.is_empty() => (&code[..i], code[i..].trim()),
        _ => (code, rest),
    };
    let first = code.chars().next().unwrap_or(' ');
    if first == '<'
        || first == '>'
        || (first.is_ascii_digit() && code.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
    {
        return Err(format!("date restriction without a code: [{s}]"));
    }
    if code.contains(['[', '{', '}', '"']) {
        return Err(format!("malformed code '{code}'"));
    }
    let code = if code.bytes().any(|b| b.is_ascii_lowercase()) {
        code.to_ascii_uppercase()
    } else {
        code.to_string()
    };
    if rest.is_empty() {
        return Ok(DatedCode { code, from: None, to: None });
    }
    if let Some(d) = rest.strip_prefix('<') {
        return Ok(DatedCode { code, from: None, to: Some(strict_date(d)?) });
    }
    if let Some(d) = rest.strip_prefix('>') {
        return Ok(DatedCode { code, from: Some(strict_date(d)?), to: None });
    }
    if let Some((a, b)) = rest.split_once('-') {
        let (from, to) = (strict_date(a)?, strict_date(b)?);
        if to < from {
            return Err(format!("date range ends before it starts: [{s}]"));
        }
        return Ok(DatedCode { code, from: Some(from), to: Some(to) });
    }
    Err(format!("unrecognised date restriction '{rest}' in [{s}]"))
}

// ---------------------------------------------------------------------------------------------
// Words and phrases

/// The regular English plural of a word: `Y` after a consonant → `IES`; `S`, `X`, `Z`, `CH`,
/// `SH` → `+ES`; otherwise `+S`.
pub(crate) fn regular_plural(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'Y' && !matches!(b[n - 2], b'A' | b'E' | b'I' | b'O' | b'U') {
        return format!("{}IES", &w[..n - 1]);
    }
    if w.ends_with(['S', 'X', 'Z']) || w.ends_with("CH") || w.ends_with("SH") {
        return format!("{w}ES");
    }
    format!("{w}S")
}

/// A key identifying a phrase for duplicate detection.
pub(crate) fn phrase_key(p: &[Word]) -> String {
    let mut k = String::new();
    for w in p {
        k.push_str(&w.text);
        k.push(if w.exact { '_' } else { ' ' });
    }
    k
}

/// Reports phrases seen twice in one file.
#[derive(Default)]
pub(crate) struct DupCheck {
    seen: FxHashMap<String, u32>,
}

impl DupCheck {
    /// Returns the line of the first occurrence when `key` was already seen.
    pub fn check(&mut self, key: String, line: u32) -> Option<u32> {
        match self.seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(line);
                None
            }
        }
    }
}

/// Characters that do not belong in a phrase: stripped (`"`) or kept with a warning (`&`).
pub(crate) fn clean_phrase<'a>(ctx: &mut Ctx, line: u32, s: &'a str, what: &str) -> Cow<'a, str> {
    let mut out = Cow::Borrowed(s);
    if s.contains('"') {
        ctx.warn(line, format!("{what} '{}' contains '\"'; quotes removed", s.trim()));
        out = Cow::Owned(s.replace('"', ""));
    }
    if out.contains('&') {
        ctx.warn(line, format!("{what} '{}' contains '&'", out.trim()));
    }
    if out.contains(']') {
        ctx.warn(line, format!("{what} '{}' contains a stray ']'", out.trim()));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Patterns

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Atom(&'a str),
    Under,
    Tilde,
    Space,
    Open,
    Bar,
    Close,
}

/// Splits pattern text into tokens. `*` is always a token of its own; the flag tells whether
/// it was glued to a neighbouring word (`*ESTABLECER`, `&AUX*`), which the formats forbid.
fn lex(s: &str) -> (Vec<Tok<'_>>, bool) {
    let mut toks = Vec::new();
    let mut start: Option<usize> = None;
    let mut glued = false;
    let mut prev_star = false;
    for (i, c) in s.char_indices() {
        if c == '*' {
            if let Some(st) = start.take() {
                toks.push(Tok::Atom(&s[st..i]));
                glued = true;
            }
            toks.push(Tok::Atom(&s[i..i + 1]));
            prev_star = true;
            continue;
        }
        let t = match c {
            '_' => Some(Tok::Under),
            '~' => Some(Tok::Tilde),
            '{' => Some(Tok::Open),
            '|' => Some(Tok::Bar),
            '}' => Some(Tok::Close),
            c if c.is_whitespace() => Some(Tok::Space),
            _ => None,
        };
        match t {
            Some(t) => {
                if let Some(st) = start.take() {
                    toks.push(Tok::Atom(&s[st..i]));
                }
                if !(t == Tok::Space && toks.last() == Some(&Tok::Space)) {
                    toks.push(t);
                }
            }
            None => {
                if prev_star {
                    glued = true;
                }
                if start.is_none() {
                    start = Some(i);
                }
            }
        }
        prev_star = false;
    }
    if let Some(st) = start {
        toks.push(Tok::Atom(&s[st..]));
    }
    (toks, glued)
}

/// A parsed pattern element, or the verb marker `*`.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Item(PatItem),
    Verb { joined: bool },
}

struct PatParser<'a> {
    toks: Vec<Tok<'a>>,
    pos: usize,
}

impl<'a> PatParser<'a> {
    fn peek(&self) -> Option<&Tok<'a>> {
        self.toks.get(self.pos)
    }

    fn skip_space(&mut self) {
        while self.peek() == Some(&Tok::Space) {
            self.pos += 1;
        }
    }

    /// Consumes the connectors after an element: returns (joined, exact-marker).
    fn connectors(&mut self) -> (bool, bool) {
        let (mut under, mut tilde) = (false, false);
        loop {
            match self.peek() {
                Some(Tok::Under) => under = true,
                Some(Tok::Tilde) => tilde = true,
                _ => break,
            }
            self.pos += 1;
        }
        let open_after = matches!(self.peek(), None | Some(Tok::Space | Tok::Bar | Tok::Close));
        let joined = tilde || (under && !open_after);
        (joined, under && !tilde)
    }

    fn seq(&mut self, depth: usize) -> Result<Vec<Piece>, String> {
        let mut out = Vec::new();
        loop {
            self.skip_space();
            let Some(t) = self.peek().cloned() else { break };
            match t {
                Tok::Bar | Tok::Close if depth > 0 => break,
                Tok::Bar => return Err("'|' outside { }".into()),
                Tok::Close => return Err("unbalanced '}'".into()),
                Tok::Under | Tok::Tilde => {
                    // A connector with nothing before it: ignore it.
                    self.pos += 1;
                }
                Tok::Open => {
                    self.pos += 1;
                    let mut alts = Vec::new();
                    loop {
                        let alt = self.seq(depth + 1)?;
                        let mut items = Vec::with_capacity(alt.len());
                        for p in alt {
                            match p {
                                Piece::Item(i) => items.push(i),
                                Piece::Verb { .. } => return Err("'*' inside { }".into()),
                            }
                        }
                        if items.is_empty() {
                            return Err("empty alternative in { }".into());
                        }
                        alts.push(items);
                        match self.peek() {
                            Some(Tok::Bar) => self.pos += 1,
                            Some(Tok::Close) => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err("'{' without '}'".into()),
                        }
                    }
                    let (joined, _) = self.connectors();
                    out.push(Piece::Item(PatItem { elem: PatElem::Alt(alts), joined }));
                }
                Tok::Atom(a) => {
                    self.pos += 1;
                    let (joined, exact) = self.connectors();
                    let elem = match a {
                        "*" => {
                            out.push(Piece::Verb { joined });
                            continue;
                        }
                        "$" => PatElem::Source,
                        "+" => PatElem::Target,
                        "%" => PatElem::Compound,
                        "^" => PatElem::Skip,
                        a if a.len() > 1 && a.starts_with('&') => {
                            PatElem::Synset(a[1..].to_uppercase())
                        }
                        a => {
                            let (text, eq) = match a.strip_suffix('=') {
                                Some(t) if !t.is_empty() => (t, true),
                                _ => (a, false),
                            };
                            PatElem::Word(Word { text: text.to_uppercase(), exact: exact || eq })
                        }
                    };
                    out.push(Piece::Item(PatItem { elem, joined }));
                }
                Tok::Space => unreachable!("spaces are skipped"),
            }
        }
        Ok(out)
    }
}

/// Parses a sequence of pattern elements (with connectors, `{ | }` alternatives and the
/// verb marker `*`).
pub(crate) fn pattern_pieces(s: &str) -> Result<Vec<Piece>, String> {
    pattern_pieces_glued(s).map(|(p, _)| p)
}

/// As [`pattern_pieces`], also telling whether a `*` was glued to a word.
fn pattern_pieces_glued(s: &str) -> Result<(Vec<Piece>, bool), String> {
    let (toks, glued) = lex(s);
    let mut p = PatParser { toks, pos: 0 };
    let out = p.seq(0)?;
    if p.pos < p.toks.len() {
        return Err("unbalanced '{ | }'".into());
    }
    Ok((out, glued))
}

/// Parses a sequence that must not contain `*` (synset members).
pub(crate) fn pattern_items(s: &str) -> Result<Vec<PatItem>, String> {
    let mut items = Vec::new();
    for p in pattern_pieces(s)? {
        match p {
            Piece::Item(i) => items.push(i),
            Piece::Verb { .. } => return Err("'*' not allowed here".into()),
        }
    }
    Ok(items)
}

/// Builds a [`Pattern`] from the text between the leading `-` and the code bracket. A `*`
/// glued to a word (`*ESTABLECER`) is read as if a blank separated them; the returned flag
/// asks the caller to warn about it.
pub(crate) fn pattern(
    body: &str,
    code: CodeSpec,
    loc: SourceLoc,
) -> Result<(Pattern, bool), String> {
    let (pieces, glued) = pattern_pieces_glued(body)?;
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut verb: Option<bool> = None;
    for p in pieces {
        match p {
            Piece::Verb { joined } => {
                if verb.is_some() {
                    return Err("more than one '*' in pattern".into());
                }
                verb = Some(joined);
            }
            Piece::Item(i) if verb.is_none() => before.push(i),
            Piece::Item(i) => after.push(i),
        }
    }
    let Some(after_joined) = verb else { return Err("pattern has no verb marker '*'".into()) };
    let before_joined = before.last().is_some_and(|i| i.joined);
    // `*_` at the end: nothing to join to.
    let after_joined = after_joined && !after.is_empty();
    Ok((Pattern { before, before_joined, after, after_joined, code, loc }, glued))
}

// ---------------------------------------------------------------------------------------------
// Actor blocks (shared by both formats)

/// Collects a primary phrase, its `+` synonyms and code lines, then emits one
/// [`ActorEntry`] per phrase with the block's codes.
#[derive(Default)]
pub(crate) struct ActorBlocks {
    phrases: Vec<(Phrase, Vec<bool>, u32)>,
    /// Every word matches exactly (PETRARCH: no stems; a space only allows a gap).
    pub exact_words: bool,
    codes: Vec<DatedCode>,
    /// A code bracket (valid or not) was seen for this block.
    coded: bool,
    dups: DupCheck,
    /// Warn when a code-less primary phrase shares the codes of the following entry.
    pub warn_shared: bool,
}

impl ActorBlocks {
    /// A primary phrase (not `+`) with the code brackets found on its line.
    pub fn primary(&mut self, ctx: &mut Ctx, out: &mut Vec<ActorEntry>, line: u32, text: &str) {
        if self.coded {
            self.flush(ctx, out);
        } else if self.warn_shared && !self.phrases.is_empty() {
            let (p, _, l) = &self.phrases[self.phrases.len() - 1];
            ctx.warn(
                *l,
                format!("actor '{}' has no code; it shares the codes of the next entry", show(p)),
            );
        }
        self.phrase_line(ctx, line, text, "actor");
    }

    pub fn synonym(&mut self, ctx: &mut Ctx, line: u32, text: &str) {
        if self.phrases.is_empty() && !self.coded {
            ctx.warn(line, "synonym '+' line without a primary phrase; used as a primary");
        }
        self.phrase_line(ctx, line, text, "synonym");
    }

    /// A line holding only code brackets (date restrictions).
    pub fn code_line(&mut self, ctx: &mut Ctx, line: u32, text: &str) {
        if self.phrases.is_empty() {
            ctx.warn(line, "code line without an actor phrase; skipped");
            return;
        }
        let b = brackets(text);
        if !b.head.trim().is_empty() || !b.stray.is_empty() {
            let stray = format!("{} {}", b.head.trim(), b.stray);
            ctx.warn(line, format!("text outside brackets ignored: '{}'", stray.trim()));
        }
        self.add_codes(ctx, line, &b);
    }

    fn phrase_line(&mut self, ctx: &mut Ctx, line: u32, text: &str, what: &str) {
        let b = brackets(text);
        if !b.stray.is_empty() {
            ctx.warn(line, format!("text outside brackets ignored: '{}'", b.stray));
        }
        let head = clean_phrase(ctx, line, b.head, what);
        let mut phrase = super::phrase_words(&head);
        let gaps = super::phrase_gaps(&head);
        if self.exact_words {
            phrase.iter_mut().for_each(|w| w.exact = true);
        }
        if phrase.is_empty() {
            ctx.warn(line, format!("{what} line without a phrase; skipped"));
        } else {
            if let Some(first) = self.dups.check(phrase_key(&phrase), line) {
                ctx.warn(
                    line,
                    format!("duplicate actor phrase '{}' (first at line {first})", show(&phrase)),
                );
            }
            self.phrases.push((phrase, gaps, line));
        }
        self.add_codes(ctx, line, &b);
    }

    fn add_codes(&mut self, ctx: &mut Ctx, line: u32, b: &Bracketed<'_>) {
        if b.unclosed {
            ctx.warn(line, "'[' without ']'; code skipped");
            self.coded = true;
        }
        for g in &b.groups {
            self.coded = true;
            match dated_code(g) {
                Ok(c) => self.codes.push(c),
                Err(e) => ctx.warn(line, format!("{e}; code skipped")),
            }
        }
    }

    /// Emits the pending block.
    pub fn flush(&mut self, ctx: &mut Ctx, out: &mut Vec<ActorEntry>) {
        if self.phrases.is_empty() {
            self.codes.clear();
            self.coded = false;
            return;
        }
        if !self.coded {
            let (p, _, l) = &self.phrases[0];
            ctx.warn(*l, format!("actor '{}' has no code", show(p)));
        }
        let mut codes = std::mem::take(&mut self.codes);
        let n = self.phrases.len();
        for (i, (phrase, gaps, line)) in self.phrases.drain(..).enumerate() {
            let codes = if i + 1 == n { std::mem::take(&mut codes) } else { codes.clone() };
            out.push(ActorEntry { phrase, gaps, codes, loc: ctx.loc(line) });
        }
        self.coded = false;
    }
}

/// A phrase as text, for messages.
pub(crate) fn show(p: &[Word]) -> String {
    let mut s = String::new();
    for (i, w) in p.iter().enumerate() {
        s.push_str(&w.text);
        if w.exact {
            s.push('_');
        } else if i + 1 < p.len() {
            s.push(' ');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    type DateRow = (&'static str, Option<(&'static str, Option<Date>, Option<Date>)>);

    #[test]
    fn decodes_latin1_bytes() {
        let (s, bad) = decode(b"caf\xe9 ok");
        assert_eq!(s, "café ok");
        assert_eq!(bad, Some(3));
        let (s, bad) = decode("café".as_bytes());
        assert_eq!(s, "café");
        assert_eq!(bad, None);
        let (s, _) = decode(b"\xEF\xBB\xBFA");
        assert_eq!(s, "A");
    }

    #[test]
    fn splits_all_line_endings() {
        let v: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(v, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("a\n").count(), 1);
    }

    #[test]
    fn xml_comments_across_lines() {
        let mut open = false;
        assert_eq!(strip_xml_comments("A <!-- x --> B", &mut open), "A  B");
        assert_eq!(strip_xml_comments("A <!-- x", &mut open), "A ");
        assert!(open);
        assert_eq!(strip_xml_comments("still comment", &mut open), "");
        assert_eq!(strip_xml_comments("end --> C", &mut open), " C");
        assert!(!open);
    }

    #[test]
    fn comments_are_not_cut_inside_brackets() {
        assert_eq!(cut_comment("- * X [###] # note", &['#']), "- * X [###] ");
        assert_eq!(cut_comment("A [B]; c", &[';']), "A [B]");
    }

    #[test]
    fn dated_codes() {
        let d = |y, m, dd| Some(Date::ymd(y, m, dd));
        let t: Vec<DateRow> = vec![
            ("IRNGOV 20130803-20210803", Some(("IRNGOV", d(2013, 8, 3), d(2021, 8, 3)))),
            ("IRNGOV >20130804", Some(("IRNGOV", d(2013, 8, 4), None))),
            ("IRNGOV <950101", Some(("IRNGOV", None, d(1995, 1, 1)))),
            ("HOB < 950601", Some(("HOB", None, d(1995, 6, 1)))),
            ("HOBGOV 19950601 - 19990815", Some(("HOBGOV", d(1995, 6, 1), d(1999, 8, 15)))),
            ("pse", Some(("PSE", None, None))),
            ("---", Some(("---", None, None))),
            ("- - -", Some(("---", None, None))),
            ("KORGOVBUS 2004017-20061201", None),
            ("991201-010114", None),
            ("X 20100101-20000101", None),
            ("X 20100231-20120101", None),
            ("X ~20100101", None),
            ("", None),
        ];
        for (s, want) in t {
            let got = dated_code(s).ok().map(|c| (c.code, c.from, c.to));
            let want = want.map(|(c, f, t)| (c.to_string(), f, t));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn plurals() {
        for (w, p) in [
            ("ARMY", "ARMIES"),
            ("DAY", "DAYS"),
            ("BOSS", "BOSSES"),
            ("TAX", "TAXES"),
            ("CHURCH", "CHURCHES"),
            ("BUSH", "BUSHES"),
            ("FARMER", "FARMERS"),
            ("Y", "YS"),
        ] {
            assert_eq!(regular_plural(w), p);
        }
    }

    #[test]
    fn bracket_groups() {
        let b = brackets("ALBRIGHT [USAGOV 991201-010114] [---] x");
        assert_eq!(b.head, "ALBRIGHT ");
        assert_eq!(b.groups, vec!["USAGOV 991201-010114", "---"]);
        assert_eq!(b.stray, "x");
        assert!(!b.unclosed);
        assert!(brackets("A [B").unclosed);
    }
}
