//! Dictionaries: the *source* model read from TABARI / PETRARCH-1 text files,
//! and its compiled, immutable form ([`Dictionary`]) that the coder borrows.
//!
//! Two phases, as in the house style: [`parse`](petrarch) functions turn files into a
//! [`DictSet`] (slow, strict, every problem reported with file and line), then
//! [`Dictionary::compile`] builds fast lookup structures shared by `Arc` across threads.
//!
//! Phrase conventions shared by both formats: words are upper-cased; a word followed by
//! `_` (as a connector or at the end) must match a token exactly, a word followed by a
//! space or the end of the phrase matches any token it is a prefix of (TABARI stems).
//! In patterns, `_` also means "the next element follows immediately"; a space lets
//! other words come between.

mod common;
pub mod coverage;
pub mod compile;
pub mod load;
pub mod petrarch;
pub mod tabari;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::date::Date;

pub use compile::Dictionary;

/// Where a dictionary entry came from, for audit trails and error messages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceLoc {
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for SourceLoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A fatal problem loading a dictionary (unreadable file, unusable structure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    pub kind: DictErrorKind,
    pub file: PathBuf,
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictErrorKind {
    Io,
    Syntax,
    Encoding,
    MissingFile,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

impl std::error::Error for DictError {}

impl DictError {
    pub fn new(kind: DictErrorKind, file: &Path, line: u32, message: impl Into<String>) -> Self {
        DictError { kind, file: file.to_path_buf(), line, message: message.into() }
    }
}

/// A non-fatal problem: the line was skipped or repaired; loading went on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub loc: SourceLoc,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.loc, self.message)
    }
}

/// One word of a dictionary phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// Upper-case text, without connectors.
    pub text: String,
    /// `true` when the word was followed by `_`: the token must equal it; otherwise the
    /// word is a stem and matches any token that starts with it.
    pub exact: bool,
}

/// A sequence of words that must appear consecutively (actors, agents, synset members,
/// discards). Pattern elements use [`PatElem`] instead.
pub type Phrase = Vec<Word>;

/// A code valid over a date range (inclusive; `None` is unbounded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DatedCode {
    pub fn plain(code: impl Into<String>) -> Self {
        DatedCode { code: code.into(), from: None, to: None }
    }

    pub fn holds_on(&self, date: Option<Date>) -> bool {
        let Some(d) = date else { return self.from.is_none() && self.to.is_none() };
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// An actor entry: a phrase and its (possibly date-restricted) codes. Synonym lines
/// (`+PHRASE`) become entries of their own with the same codes.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub phrase: Phrase,
    /// Codes in file order. An undated code applies where no dated one does.
    /// `---` (null code) is kept as the code `"---"`: it matches, but codes nothing.
    pub codes: Vec<DatedCode>,
    pub loc: SourceLoc,
}

/// An agent: a role word attached to the nearest actor.
#[derive(Debug, Clone)]
pub struct AgentEntry {
    pub phrase: Phrase,
    /// Role code without the `~`, e.g. `GOV`, `GOVFRM`.
    pub code: String,
    /// `true` for `[~GOV]` (appended after the country), `false` for `[NGO~]` (prefix).
    pub suffix: bool,
    pub loc: SourceLoc,
}

/// An event code as written in a dictionary: `[---]` none, `[051]` one, `[032:033]` a pair
/// (source→target gets the first, target→source the second).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CodeSpec {
    Null,
    One(String),
    Pair(String, String),
}

impl CodeSpec {
    /// Parses the text between brackets: `---`, `051`, `032:033`, ` 064 ` (blanks are trimmed).
    pub fn parse(s: &str) -> Option<CodeSpec> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        if s.chars().all(|c| c == '-') {
            return Some(CodeSpec::Null);
        }
        if let Some((a, b)) = s.split_once(':') {
            let (a, b) = (a.trim(), b.trim());
            if a.is_empty() || b.is_empty() {
                return None;
            }
            return Some(CodeSpec::Pair(a.to_string(), b.to_string()));
        }
        if s.contains(char::is_whitespace) {
            return None;
        }
        Some(CodeSpec::One(s.to_string()))
    }
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatElem {
    Word(Word),
    /// `&NAME`: any member phrase of the synset (the name is stored without `&`).
    Synset(String),
    /// `{ A | B C | &S }` (TABARI): any of the alternatives, each a sequence of elements.
    Alt(Vec<Vec<PatItem>>),
    /// `$`
    Source,
    /// `+`
    Target,
    /// `%`: an actor that is both source and target (compound).
    Compound,
    /// `^`: the next element may come any distance later.
    Skip,
}

/// A pattern element and how it joins the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatItem {
    pub elem: PatElem,
    /// `true` when followed by `_`: the next element must come immediately after.
    pub joined: bool,
}

/// `- before * after [CODE]`.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Elements before the verb, in text order.
    pub before: Vec<PatItem>,
    /// Whether the last `before` element must be adjacent to the verb (`IN_*`).
    pub before_joined: bool,
    /// Elements after the verb, in text order.
    pub after: Vec<PatItem>,
    /// Whether the first `after` element must be adjacent to the verb (`*_OUT`).
    pub after_joined: bool,
    pub code: CodeSpec,
    pub loc: SourceLoc,
}

/// One verb (possibly multi-word) in a block, with its irregular forms.
#[derive(Debug, Clone)]
pub struct VerbWord {
    /// The words of the verb phrase; `head` indexes the inflected word (`WIRE_+TAP` → 1).
    pub words: Vec<String>,
    pub head: usize,
    /// For each word, whether the next word must follow immediately (`_`); `false` lets other
    /// words come between (TABARI roots such as `BURN DOWN`). Same length as `words`; the
    /// last entry is `false`.
    pub joined: Vec<bool>,
    /// Irregular forms of the whole phrase given in `{…}`, each a word sequence with its head.
    pub forms: Vec<(Vec<String>, usize)>,
    /// Code given on the verb line itself, overriding the block's.
    pub code: Option<CodeSpec>,
    /// Whether regular inflections (-s, -ed, -ing) are generated (PETRARCH: yes; TABARI stems: the
    /// stem already matches by prefix).
    pub inflect: bool,
    /// Whether the head must match exactly (`ACT_`) or as a stem (TABARI `ACT`).
    pub exact: bool,
    pub loc: SourceLoc,
}

/// A verb block: one or more verbs sharing a default code and a pattern list.
#[derive(Debug, Clone)]
pub struct VerbBlock {
    pub name: String,
    pub code: CodeSpec,
    pub verbs: Vec<VerbWord>,
    pub patterns: Vec<Pattern>,
    pub loc: SourceLoc,
}

/// A synset: `&NAME` with member phrases (members may name other synsets).
#[derive(Debug, Clone)]
pub struct Synset {
    /// Upper-case name without `&` and without a trailing `_` (`&MILITARY_` → `MILITARY`).
    pub name: String,
    pub members: Vec<Vec<PatItem>>,
    pub loc: SourceLoc,
}

/// A discard phrase: a sentence containing it yields no events (or the whole story, when
/// `story` is set: PETRARCH `+` lines).
#[derive(Debug, Clone)]
pub struct DiscardEntry {
    pub phrase: Phrase,
    pub story: bool,
    pub code: String,
    pub loc: SourceLoc,
}

/// An issue phrase and its issue code.
#[derive(Debug, Clone)]
pub struct IssueEntry {
    pub phrase: Phrase,
    pub code: String,
    pub loc: SourceLoc,
}

/// TABARI `<TIME>` entry: a phrase shifting the event date by `shift` days, or a marker.
#[derive(Debug, Clone)]
pub struct TimeEntry {
    pub phrase: Phrase,
    pub shift: TimeShift,
    pub loc: SourceLoc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeShift {
    Days(i32),
    /// `[###]`, `[+++]`, `[- - -]`: discard / future / null markers.
    Marker(String),
}

/// Everything loaded from one dictionary set, before compilation.
#[derive(Debug, Clone, Default)]
pub struct DictSet {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub verbs: Vec<VerbBlock>,
    pub synsets: Vec<Synset>,
    pub discards: Vec<DiscardEntry>,
    pub issues: Vec<IssueEntry>,
    pub times: Vec<TimeEntry>,
    /// Words that TABARI `<NOUN>` / `<ADJECTIVE>` sections force to that part of speech.
    pub nouns: Vec<Phrase>,
    pub adjectives: Vec<Phrase>,
    pub warnings: Vec<Warning>,
}

impl DictSet {
    pub fn extend(&mut self, other: DictSet) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        self.synsets.extend(other.synsets);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
        self.times.extend(other.times);
        self.nouns.extend(other.nouns);
        self.adjectives.extend(other.adjectives);
        self.warnings.extend(other.warnings);
    }
}

/// Which kind of file a dictionary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictKind {
    Actors,
    Agents,
    Verbs,
    Discards,
    Issues,
}

/// Splits a phrase written with `_` and spaces into [`Word`]s (the trailing-`_` rule).
/// Empty words (doubled connectors) are dropped.
pub fn phrase_words(s: &str) -> Phrase {
    let s = s.trim();
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in s.chars() {
        match ch {
            '_' => {
                if !cur.is_empty() {
                    out.push(Word { text: std::mem::take(&mut cur).to_uppercase(), exact: true });
                }
            }
            c if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(Word { text: std::mem::take(&mut cur).to_uppercase(), exact: false });
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(Word { text: cur.to_uppercase(), exact: false });
    }
    // The tokenizer splits possessives (`PEOPLE'S` → `PEOPLE` `'S`); phrases must agree.
    let mut i = 0;
    while i < out.len() {
        let t = out[i].text.replace('\u{2019}', "'");
        if t.len() > 2 && t.ends_with("'S") {
            out[i].text = t[..t.len() - 2].to_string();
            out[i].exact = true;
            let exact = out[i].exact;
            out.insert(i + 1, Word { text: "'S".into(), exact });
            i += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str, exact: bool) -> Word {
        Word { text: t.into(), exact }
    }

    #[test]
    fn phrase_words_follow_the_underscore_rule() {
        assert_eq!(phrase_words("ARNOR_"), vec![w("ARNOR", true)]);
        assert_eq!(phrase_words("ARGENTIN"), vec![w("ARGENTIN", false)]);
        assert_eq!(phrase_words("united_states"), vec![w("UNITED", true), w("STATES", false)]);
        assert_eq!(phrase_words("CARAS GALADHON"), vec![w("CARAS", false), w("GALADHON", false)]);
        assert_eq!(phrase_words("  A__B_ "), vec![w("A", true), w("B", true)]);
        assert_eq!(
            phrase_words("PEOPLE'S_REPUBLIC_"),
            vec![w("PEOPLE", true), w("'S", true), w("REPUBLIC", true)]
        );
    }

    #[test]
    fn code_specs() {
        assert_eq!(CodeSpec::parse("---"), Some(CodeSpec::Null));
        assert_eq!(CodeSpec::parse(" 064 "), Some(CodeSpec::One("064".into())));
        assert_eq!(CodeSpec::parse("032:033"), Some(CodeSpec::Pair("032".into(), "033".into())));
        assert_eq!(CodeSpec::parse(""), None);
        assert_eq!(CodeSpec::parse("01 2"), None);
        assert_eq!(CodeSpec::parse("032:"), None);
    }

    #[test]
    fn dated_codes_hold_in_range() {
        let c = DatedCode {
            code: "IRNGOV".into(),
            from: Some(Date::ymd(2013, 8, 3)),
            to: Some(Date::ymd(2021, 8, 3)),
        };
        assert!(c.holds_on(Some(Date::ymd(2020, 1, 1))));
        assert!(!c.holds_on(Some(Date::ymd(2021, 8, 4))));
        assert!(!c.holds_on(None));
        assert!(DatedCode::plain("IRN").holds_on(None));
    }
}
