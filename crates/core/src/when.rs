//! Resolve: date. Finds the date expressions in a sentence, with their byte spans, and
//! turns them into calendar dates against the article's publication date; then picks
//! the expression that dates an event, by the clause that holds the event's verb.
//!
//! ```
//! use herald_core::when::find_dates;
//! use herald_core::Date;
//!
//! let text = "Iran seized a British tanker last Saturday, officials said.";
//! let published = Some(Date::ymd(2019, 7, 21)); // a Sunday
//! let found = find_dates(text, published);
//! assert_eq!(found.len(), 1);
//! assert_eq!(&text[found[0].span[0]..found[0].span[1]], "last Saturday");
//! assert_eq!(found[0].date, Date::ymd(2019, 7, 20));
//! ```
//!
//! # Forms, with publication date P
//!
//! | text | date | precision |
//! |---|---|---|
//! | `Saturday`, `on Saturday`, `Saturday's` | the latest Saturday not after P (P itself when P is a Saturday) | day |
//! | `last Saturday` | the latest Saturday before P (7 days back when P is a Saturday) | day |
//! | `next Saturday` | the first Saturday after P | day |
//! | `today`, `tonight` / `yesterday` / `tomorrow` | P / P − 1 / P + 1 | day |
//! | `last week` / `next week` | P − 7 / P + 7 days (a single day stands for the week; no week precision exists) | day |
//! | `last month`, `this month`, `earlier this month`, `next month` | P's month − 1, 0, 0, + 1 | month |
//! | `last year`, `this year`, `earlier this year`, `next year` | P's year − 1, 0, 0, + 1 | year |
//! | `in January` (also `since`, `during`, `until`, `from`, `of`, `early`, `late`, `mid-`) | the most recent January not after P's month (this January when P is in January) | month |
//! | `last January` / `this January` / `next January` | the latest January before P's month / P's year / the first after P's month | month |
//! | `January 2020`, `in January, 2020` | as written | month |
//! | `March 3`, `Mar. 3`, `March 3rd`, `3 March`, `3rd of March` | the latest such day no more than 31 days after P (a plan: "talks set for March 10" in a story of March 1) | day |
//! | `next Oct. 3`, `next 3 October` | the first such day after P | day |
//! | `March 3, 2021`, `3 March 2021`, `Saturday, March 3` | as written (the weekday is part of the span) | day |
//! | `2021-03-03` | ISO | day |
//! | `03/04/2021`, `3/4/21` | US month/day/year; day/month/year when the first number is above 12; two-digit years are 20yy below 50, else 19yy | day |
//! | `in 2019` (also `since`, `during`, `until`, `from`, `of`, `early`, `late`, `mid-`) | 2019 | year |
//! | `three days ago`, `a week ago`, `2 months ago`, `a year ago` | P − n days / weeks (day), months (month), years (year) | |
//!
//! Weekday and month names count only when capitalised (`march` is a verb, `may` a
//! modal) and a bare month name only after a preposition or modifier (`Theresa May`
//! is no date). A span covers the words that carry the meaning, modifiers included
//! (`last Saturday`, `earlier this month`) and plain prepositions (`on`, `in`) left out.
//! Without a publication date only the forms that give their own year are found.
//!
//! Tense: in a clause about the future ("talks will resume on Monday", a headline's
//! "Pompeo to visit Baghdad on Monday", "is to visit in March", "are due to meet on
//! March 3", a clause with `tomorrow` or `next week`) a
//! bare weekday is the first such day after P, a bare month the first such month not
//! before P's month, and a day without a year the first such day not before P. A
//! clause is about the future when it holds `tomorrow` or `next week|month|year|<day>`,
//! else when the nearest tense word before the date (failing one, after it) is `will`,
//! `'ll`, `shall`, `won't`, `upcoming`, `scheduled`, `slated`, `to` after `is`, `are`,
//! `due`, `plans`, `expected`, `set`, `going`, …, `for` after `set`, `planned`, `due`, or
//! `would` after a verb of saying ("said it would meet on Monday"; not `would have`).
//! `said`, `was`, `had`, irregular past forms and lower-case `-ed` words (not after `be`,
//! `is`, …: "will be postponed") are past. A clause with no tense word takes that of the
//! clauses before it ("won't resume before Friday"); a sentence with none is past.
//!
//! Speed: a sentence is first scanned word by word for a word that can start or end a
//! date (a digit, a weekday or month name, `today`, `yesterday`, `tomorrow`, `week`,
//! `month`, `year`, `ago`); only sentences that have one are parsed, and the coder only
//! asks for sentences that produced events.

use crate::date::{days_in_month, Date};

/// A date expression in a sentence: byte span `[start, end)` and the date it resolves to
/// (`month`/`day` 0 where the text gives only the year or month, see [`Date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub span: [usize; 2],
    pub date: Date,
}

/// Finds the date expressions in `text`, left to right, non-overlapping, resolved
/// against `published` (relative forms need it and are skipped without it).
pub fn find_dates(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let bytes = text.as_bytes();
    if !Words::new(bytes).any(|(a, b)| classify(&bytes[a..b]).is_trigger()) {
        return Vec::new();
    }
    let words: Vec<Word> =
        Words::new(bytes).map(|(start, end)| Word { start, end, kind: classify(&bytes[start..end]) }).collect();
    let p = Parser { text: bytes, w: &words, published };
    let mut out = Vec::new();
    let mut floor = 0; // first word not yet inside a mention
    let mut i = 0;
    // The sentence's clauses, cut only when a form's date depends on its tense.
    let mut clauses_found: Option<Vec<Clause>> = None;
    while i < words.len() {
        match p.at(i, floor) {
            Some((first, last, mut date)) => {
                if let Some(ahead) = p.forward(first, last, date).filter(|d| *d != date) {
                    let cs = clauses_found.get_or_insert_with(|| clauses(text));
                    let c = cs[cs.partition_point(|c| c.start <= words[first].start).saturating_sub(1)];
                    if p.future(first, last, [c.start, c.end]) {
                        date = ahead;
                    }
                }
                out.push(DateMention { span: [words[first].start, words[last].end], date });
                floor = last + 1;
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Picks the date mention that dates the event whose verb is at `verb`, given the spans
/// of the verbs of the sentence's other events (`verbs` may include `verb` itself).
///
/// The sentence is cut into clauses ([`clauses`]) at `;`, `, and` and `but`
/// (coordinate clauses) and at the subordinators `after`, `before`, `when`, `while`,
/// `whereas`, `because`, `although`, `though` (a sentence-opening subordinate clause
/// ends at its first comma). Within the verb's clause the rule is, in order:
/// 1. the first mention after the verb and before the next event verb;
/// 2. the last mention before the verb and after the previous event verb;
/// 3. the mention nearest the verb.
///
/// A coordinate clause with no mention shares the date of the clause it continues
/// ("Troops killed two men on Friday, and helicopters fired missiles": both Friday),
/// skipping subordinate clauses in between; a subordinate clause never lends or
/// borrows one. So in "Iran attacked US bases after the US killed Soleimani in
/// January" the attack does not take January.
///
/// `None` means the event has no date expression of its own.
pub fn date_for_verb<'m>(
    text: &str,
    mentions: &'m [DateMention],
    verb: [usize; 2],
    verbs: &[[usize; 2]],
) -> Option<&'m DateMention> {
    if mentions.is_empty() {
        return None;
    }
    let clauses = clauses(text);
    let k = clauses.partition_point(|c| c.start <= verb[0]).saturating_sub(1);
    let Clause { start: cs, end: ce, .. } = clauses[k];
    let inside = |m: &&DateMention| m.span[0] >= cs && m.span[1] <= ce;
    let others = verbs.iter().filter(|v| **v != verb && v[0] >= cs && v[1] <= ce);
    let next_verb = others.clone().filter(|v| v[0] >= verb[1]).map(|v| v[0]).min().unwrap_or(ce);
    let prev_verb = others.filter(|v| v[1] <= verb[0]).map(|v| v[1]).max().unwrap_or(cs);
    let after = mentions.iter().filter(inside).find(|m| m.span[0] >= verb[1] && m.span[1] <= next_verb);
    let before = || mentions.iter().filter(inside).rev().find(|m| m.span[1] <= verb[0] && m.span[0] >= prev_verb);
    let distance = |m: &DateMention| {
        if m.span[1] <= verb[0] {
            verb[0] - m.span[1]
        } else {
            m.span[0].saturating_sub(verb[1])
        }
    };
    let nearest = || mentions.iter().filter(inside).min_by_key(|m| distance(m));
    let shared = || {
        if clauses[k].kind != ClauseKind::Coordinate {
            return None;
        }
        for c in clauses[..k].iter().rev() {
            match c.kind {
                ClauseKind::Subordinate => continue,
                kind => {
                    let last = mentions.iter().rev().find(|m| m.span[0] >= c.start && m.span[1] <= c.end);
                    if last.is_some() || kind == ClauseKind::Main {
                        return last;
                    }
                }
            }
        }
        None
    };
    after.or_else(before).or_else(nearest).or_else(shared)
}

/// How a clause begins (see [`date_for_verb`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// The sentence's start, or what follows a sentence-opening subordinate clause.
    Main,
    /// After `;`, `, and` or `but`.
    Coordinate,
    /// From `after`, `before`, `when`, … on.
    Subordinate,
}

/// A clause: byte range `[start, end)` of the sentence and how it begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub kind: ClauseKind,
}

const SUBORDINATORS: [&str; 8] = ["after", "before", "when", "while", "whereas", "because", "although", "though"];

/// Cuts `text` into clauses, in order, covering it (see [`date_for_verb`]).
pub fn clauses(text: &str) -> Vec<Clause> {
    let b = text.as_bytes();
    let is_sub = |w: &[u8]| SUBORDINATORS.iter().any(|s| w.eq_ignore_ascii_case(s.as_bytes()));
    let mut starts: Vec<(usize, ClauseKind)> = Vec::new();
    // A sentence-opening subordinate clause ends at its first comma.
    let first_word = &b[..b.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(b.len())];
    if is_sub(first_word) {
        starts.push((0, ClauseKind::Subordinate));
        if let Some(c) = memchr::memchr(b',', b) {
            starts.push((c + 1, ClauseKind::Main));
        }
    } else {
        starts.push((0, ClauseKind::Main));
    }
    for (k, &c) in b.iter().enumerate() {
        // A `;` in prose is followed by a space; `&#39;s` is an HTML entity.
        if c == b';' && b.get(k + 1).is_some_and(u8::is_ascii_whitespace) {
            starts.push((k + 1, ClauseKind::Coordinate));
        } else if c == b' ' {
            let word_start = k + 1;
            let len = b[word_start..].iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(b.len() - word_start);
            let word = &b[word_start..word_start + len];
            if len < 3 || b.get(word_start + len) != Some(&b' ') {
                continue;
            }
            let and = word.eq_ignore_ascii_case(b"and") && k > 0 && b[k - 1] == b',';
            if and || word.eq_ignore_ascii_case(b"but") {
                starts.push((word_start, ClauseKind::Coordinate));
            } else if is_sub(word) {
                starts.push((word_start, ClauseKind::Subordinate));
            }
        }
    }
    // Stable: at one position the first kind found wins.
    starts.sort_by_key(|s| s.0);
    starts.dedup_by_key(|s| s.0);
    let ends: Vec<usize> = starts.iter().skip(1).map(|s| s.0).chain([b.len()]).collect();
    starts.iter().zip(ends).map(|(&(start, kind), end)| Clause { start, end, kind }).collect()
}

/// The byte range of the clause of `text` that holds `pos`.
pub fn clause_of(text: &str, pos: usize) -> [usize; 2] {
    let cs = clauses(text);
    let c = cs[cs.partition_point(|c| c.start <= pos).saturating_sub(1)];
    [c.start, c.end]
}

/// A word: a run of ASCII letters and digits.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Other,
    /// Digits (`value`, how many), with an ordinal suffix (`3rd`) or not.
    Number {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
    /// 1 … 12; `abbr` for `Jan`, `Sept` and so on.
    Month {
        month: u8,
        abbr: bool,
    },
    Today,
    Yesterday,
    Tomorrow,
    /// `day(s)`, `week(s)`, `month(s)`, `year(s)`; `plural` for the `ago` form.
    Unit(Unit),
    Ago,
    Last,
    This,
    Next,
    Earlier,
    /// `in`, `on`, `since`, `during`, `until`, `from`, `of`, `early`, `late`, `mid`, …
    Prep,
    /// `a`, `an`, `one` … `twelve`.
    Count(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Kind {
    /// A word that can start or end a date expression: the prefilter.
    fn is_trigger(self) -> bool {
        matches!(
            self,
            Kind::Number { .. }
                | Kind::Weekday(_)
                | Kind::Month { .. }
                | Kind::Today
                | Kind::Yesterday
                | Kind::Tomorrow
                | Kind::Unit(_)
                | Kind::Ago
        )
    }
}

/// Iterates the `(start, end)` of the words of a text.
struct Words<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Words<'a> {
    fn new(b: &'a [u8]) -> Self {
        Words { b, pos: 0 }
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.b;
        let start = self.pos + b[self.pos..].iter().position(|c| c.is_ascii_alphanumeric())?;
        let end = b[start..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |n| start + n);
        self.pos = end;
        Some((start, end))
    }
}

fn classify(w: &[u8]) -> Kind {
    let first = w[0];
    if first.is_ascii_digit() {
        return number(w);
    }
    if w.len() > 9 {
        return Kind::Other;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    let cap = first.is_ascii_uppercase();
    let kind = match &*lower {
        b"monday" => Kind::Weekday(0),
        b"tuesday" => Kind::Weekday(1),
        b"wednesday" => Kind::Weekday(2),
        b"thursday" => Kind::Weekday(3),
        b"friday" => Kind::Weekday(4),
        b"saturday" => Kind::Weekday(5),
        b"sunday" => Kind::Weekday(6),
        b"january" => Kind::Month { month: 1, abbr: false },
        b"february" => Kind::Month { month: 2, abbr: false },
        b"march" => Kind::Month { month: 3, abbr: false },
        b"april" => Kind::Month { month: 4, abbr: false },
        b"may" => Kind::Month { month: 5, abbr: false },
        b"june" => Kind::Month { month: 6, abbr: false },
        b"july" => Kind::Month { month: 7, abbr: false },
        b"august" => Kind::Month { month: 8, abbr: false },
        b"september" => Kind::Month { month: 9, abbr: false },
        b"october" => Kind::Month { month: 10, abbr: false },
        b"november" => Kind::Month { month: 11, abbr: false },
        b"december" => Kind::Month { month: 12, abbr: false },
        b"jan" => Kind::Month { month: 1, abbr: true },
        b"feb" => Kind::Month { month: 2, abbr: true },
        b"mar" => Kind::Month { month: 3, abbr: true },
        b"apr" => Kind::Month { month: 4, abbr: true },
        b"jun" => Kind::Month { month: 6, abbr: true },
        b"jul" => Kind::Month { month: 7, abbr: true },
        b"aug" => Kind::Month { month: 8, abbr: true },
        b"sep" | b"sept" => Kind::Month { month: 9, abbr: true },
        b"oct" => Kind::Month { month: 10, abbr: true },
        b"nov" => Kind::Month { month: 11, abbr: true },
        b"dec" => Kind::Month { month: 12, abbr: true },
        b"today" | b"tonight" => Kind::Today,
        b"yesterday" => Kind::Yesterday,
        b"tomorrow" => Kind::Tomorrow,
        b"day" | b"days" => Kind::Unit(Unit::Day),
        b"week" | b"weeks" => Kind::Unit(Unit::Week),
        b"month" | b"months" => Kind::Unit(Unit::Month),
        b"year" | b"years" => Kind::Unit(Unit::Year),
        b"ago" => Kind::Ago,
        b"last" => Kind::Last,
        b"this" => Kind::This,
        b"next" => Kind::Next,
        b"earlier" => Kind::Earlier,
        b"in" | b"on" | b"since" | b"during" | b"until" | b"till" | b"from" | b"of" | b"early" | b"late" | b"mid"
        | b"throughout" => Kind::Prep,
        b"a" | b"an" | b"one" => Kind::Count(1),
        b"two" => Kind::Count(2),
        b"three" => Kind::Count(3),
        b"four" => Kind::Count(4),
        b"five" => Kind::Count(5),
        b"six" => Kind::Count(6),
        b"seven" => Kind::Count(7),
        b"eight" => Kind::Count(8),
        b"nine" => Kind::Count(9),
        b"ten" => Kind::Count(10),
        b"eleven" => Kind::Count(11),
        b"twelve" => Kind::Count(12),
        _ => Kind::Other,
    };
    match kind {
        // Names of days and months only when capitalised: "march", "may" are verbs.
        Kind::Weekday(_) | Kind::Month { .. } if !cap => Kind::Other,
        k => k,
    }
}

/// Digits with an optional ordinal suffix (`3`, `2021`, `3rd`); anything else is `Other`.
fn number(w: &[u8]) -> Kind {
    let n = w.iter().take_while(|c| c.is_ascii_digit()).count();
    let suffix = &w[n..];
    let ordinal = match suffix.len() {
        0 => false,
        2 if [&b"st"[..], b"nd", b"rd", b"th"].iter().any(|s| suffix.eq_ignore_ascii_case(s)) => true,
        _ => return Kind::Other,
    };
    if n > 9 {
        return Kind::Other;
    }
    let value = w[..n].iter().fold(0u32, |v, c| v * 10 + u32::from(c - b'0'));
    Kind::Number { value, digits: n as u8, ordinal }
}

/// A date found at words `first..=last`.
type Found = (usize, usize, Date);

struct Parser<'a> {
    text: &'a [u8],
    w: &'a [Word],
    published: Option<Date>,
}

impl Parser<'_> {
    fn kind(&self, i: usize) -> Kind {
        self.w.get(i).map_or(Kind::Other, |w| w.kind)
    }

    /// The text between word `i` and word `i + 1`.
    fn gap(&self, i: usize) -> &[u8] {
        match (self.w.get(i), self.w.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => b"",
        }
    }

    /// Words `i` and `i + 1` are separated by white space only.
    fn spaced(&self, i: usize) -> bool {
        let g = self.gap(i);
        !g.is_empty() && g.iter().all(u8::is_ascii_whitespace)
    }

    /// White space, optionally after one `c` (`March 3, 2021`, `Jan. 3`).
    fn spaced_after(&self, i: usize, c: u8) -> bool {
        let g = self.gap(i);
        let g = g.strip_prefix(&[c]).unwrap_or(g);
        !g.is_empty() && g.iter().all(u8::is_ascii_whitespace)
    }

    /// Word `i - 1` (not before `floor`) is of the kind `want` and spaced from word `i`.
    fn before(&self, i: usize, floor: usize, want: impl Fn(Kind) -> bool) -> bool {
        i > floor && want(self.kind(i - 1)) && (self.spaced(i - 1) || self.gap(i - 1) == b"-")
    }

    /// Tries a date expression whose trigger word is `i`; earlier words from `floor` on
    /// may be modifiers.
    fn at(&self, i: usize, floor: usize) -> Option<Found> {
        let published = self.published;
        match self.kind(i) {
            Kind::Weekday(wd) => {
                // "Saturday, March 3": the explicit date decides.
                if self.spaced_after(i, b',') {
                    if let Some((_, last, date)) = self.explicit(i + 1) {
                        return Some((i, last, date));
                    }
                }
                let p = published?;
                let back = (i64::from(p.weekday()) - i64::from(wd)).rem_euclid(7);
                if self.before(i, floor, |k| k == Kind::Last) {
                    let back = if back == 0 { 7 } else { back };
                    Some((i - 1, i, p.add_days(-back)))
                } else if self.before(i, floor, |k| k == Kind::Next) {
                    let ahead = (i64::from(wd) - i64::from(p.weekday())).rem_euclid(7);
                    Some((i - 1, i, p.add_days(if ahead == 0 { 7 } else { ahead })))
                } else {
                    Some((i, i, p.add_days(-back)))
                }
            }
            Kind::Month { .. } | Kind::Number { .. } => match self.explicit(i) {
                // "next Oct. 3": the first such day after publication.
                Some((_, last, d)) if self.year_at(last).is_none() && self.before(i, floor, |k| k == Kind::Next) => {
                    let p = published?;
                    let next = (p.year..=p.year + 4).filter_map(|y| checked(y, d.month, d.day)).find(|x| *x > p)?;
                    Some((i - 1, last, next))
                }
                Some(found) => Some(found),
                None => self.month_name(i, floor).or_else(|| self.year(i, floor)),
            },
            Kind::Today => Some((i, i, published?)),
            Kind::Yesterday => Some((i, i, published?.add_days(-1))),
            Kind::Tomorrow => Some((i, i, published?.add_days(1))),
            Kind::Unit(unit) => self.relative(i, floor, unit),
            Kind::Ago => self.ago(i, floor),
            _ => None,
        }
    }

    /// The date a tense-sensitive form found at words `first..=last` (resolved to `date`
    /// as past) stands for in a clause about the future: `on Monday` → the first Monday
    /// after publication, `in March` → the first March not before publication's month,
    /// `March 3` (no year) → the first March 3 not before publication. `None` for every
    /// other form (`last`/`next`/`this` modifiers, written years, numeric dates, `ago`).
    fn forward(&self, first: usize, last: usize, date: Date) -> Option<Date> {
        let p = self.published?;
        match self.kind(first) {
            Kind::Weekday(wd) if first == last => {
                let ahead = (i64::from(wd) - i64::from(p.weekday())).rem_euclid(7);
                Some(p.add_days(if ahead == 0 { 7 } else { ahead }))
            }
            Kind::Month { month, .. } if first == last && date.day == 0 => {
                Some(Date::ymd(if month >= p.month { p.year } else { p.year + 1 }, month, 0))
            }
            Kind::Month { .. } | Kind::Number { .. } => {
                let numeric = matches!(self.gap(first), b"-" | b"/");
                if date.day == 0 || numeric || self.year_at(last).is_some() {
                    return None;
                }
                (p.year..=p.year + 4).filter_map(|y| checked(y, date.month, date.day)).find(|d| *d >= p)
            }
            _ => None,
        }
    }

    /// Whether the clause `[start, end)` (bytes) speaks of the future where the date at
    /// words `first..=last` stands. Future when the clause holds `tomorrow` or `next
    /// week|month|year|<weekday>|<month>`; else the nearest tense cue before the date (then,
    /// failing one, after it) decides: `will`, `'ll`, `shall`, `is|are|due|plans|expected|
    /// set|scheduled|going|… to`, `scheduled|set|planned|slated|due for`, `upcoming` are
    /// future; `said`, `was`, `were`, `had`, `did`, `ago`, irregular past forms and other
    /// lower-case `-ed` words not after a form of `be` (a passive: "will be postponed")
    /// are past. A clause with no cue takes the tense of the clauses before it; none at
    /// all: past.
    fn future(&self, first: usize, last: usize, clause: [usize; 2]) -> bool {
        let lo = self.w.partition_point(|w| w.start < clause[0]);
        let hi = self.w.partition_point(|w| w.start < clause[1]);
        let ahead = (lo..hi).any(|i| match self.kind(i) {
            Kind::Tomorrow => true,
            Kind::Next => matches!(
                self.kind(i + 1),
                Kind::Unit(Unit::Week | Unit::Month | Unit::Year) | Kind::Weekday(_) | Kind::Month { .. }
            ),
            _ => false,
        });
        if ahead {
            return true;
        }
        let before = || (lo..first).rev().find_map(|i| self.tense_cue(i));
        let after = || (last + 1..hi).find_map(|i| self.tense_cue(i));
        // A clause without a tense word ("… won't resume | before Friday") takes the tense
        // of the clauses before it.
        let earlier = || (0..lo).rev().find_map(|i| self.tense_cue(i));
        before().or_else(after).or_else(earlier).unwrap_or(false)
    }

    /// The tense word `i` marks: `Some(true)` future, `Some(false)` past (see [`Parser::future`]).
    fn tense_cue(&self, i: usize) -> Option<bool> {
        let w = &self.text[self.w[i].start..self.w[i].end];
        let is = |s: &str| w.eq_ignore_ascii_case(s.as_bytes());
        let prev = |set: &[&str]| {
            i > 0 && {
                let pw = &self.text[self.w[i - 1].start..self.w[i - 1].end];
                set.iter().any(|s| pw.eq_ignore_ascii_case(s.as_bytes()))
            }
        };
        if is("will") || is("shall") || is("ll") || is("upcoming") || is("scheduled") || is("slated") {
            return Some(true);
        }
        if is("won") {
            // "won't" is future; "won" the past of "win".
            let t = self.w.get(i + 1).is_some_and(|n| &self.text[n.start..n.end] == b"t");
            return Some(t && matches!(self.gap(i), b"'" | b"\xe2\x80\x99"));
        }
        if is("to") {
            // A headline's infinitive: "Pompeo to visit Baghdad on Monday", "Iran and Europe
            // to resume talks": only capitalised names (and "and") before it.
            let headline = (1..=5).contains(&i)
                && (0..i).all(|k| {
                    let w = &self.text[self.w[k].start..self.w[k].end];
                    w.first().is_some_and(|c| c.is_ascii_uppercase()) || w.eq_ignore_ascii_case(b"and")
                });
            return (headline || prev(FUTURE_TO)).then_some(true);
        }
        if is("would") {
            // Reported future: "Iran said it would resume talks on Monday". Elsewhere
            // ("talks would have resumed") no cue.
            let reported = (0..i).any(|k| {
                let w = &self.text[self.w[k].start..self.w[k].end];
                REPORTING.iter().any(|r| w.eq_ignore_ascii_case(r.as_bytes()))
            });
            let have = self.w.get(i + 1).is_some_and(|n| self.text[n.start..n.end].eq_ignore_ascii_case(b"have"));
            return (reported && !have).then_some(true);
        }
        if is("for") {
            return prev(&["set", "planned", "due"]).then_some(true);
        }
        if PAST_WORDS.iter().any(|s| is(s)) {
            return Some(false);
        }
        let ed = w.len() >= 5 && w[0].is_ascii_lowercase() && w.ends_with(b"ed") && !w.ends_with(b"eed");
        if ed && !prev(&["be", "been", "being", "is", "are", "am"]) {
            return Some(false);
        }
        None
    }

    /// Forms that give a day: `March 3[, 2021]`, `3[rd] [of] March[ 2021]`, ISO, m/d/y.
    fn explicit(&self, i: usize) -> Option<Found> {
        match self.kind(i) {
            Kind::Month { month, abbr } => {
                let sep = if abbr { self.spaced_after(i, b'.') } else { self.spaced(i) };
                let day = self.day(i + 1).filter(|_| sep)?;
                let (last, date) = self.with_year(i + 1, month, day)?;
                Some((i, last, date))
            }
            Kind::Number { value, digits, ordinal } => {
                if let Some(d) = self.numeric(i, value, digits, ordinal) {
                    return Some(d);
                }
                let day = self.day(i)?;
                if !self.spaced(i) {
                    return None;
                }
                let mut m = i + 1;
                if self.kind(m) == Kind::Prep && self.text[self.w[m].start..self.w[m].end].eq_ignore_ascii_case(b"of") {
                    if !self.spaced(m) {
                        return None;
                    }
                    m += 1;
                }
                let Kind::Month { month, .. } = self.kind(m) else {
                    return None;
                };
                let (last, date) = self.with_year(m, month, day)?;
                Some((i, last, date))
            }
            _ => None,
        }
    }

    /// The day number at word `i` (1 … 31, one or two digits, optional ordinal suffix).
    fn day(&self, i: usize) -> Option<u8> {
        match self.kind(i) {
            Kind::Number { value: v @ 1..=31, digits: 1..=2, .. } => Some(v as u8),
            _ => None,
        }
    }

    /// A day-precision date for `month`/`day` whose last word so far is `i`: with the year
    /// at word `i + 1` when one follows, else the year nearest publication.
    fn with_year(&self, i: usize, month: u8, day: u8) -> Option<(usize, Date)> {
        if let Some(year) = self.year_at(i + 1).filter(|_| self.spaced_after(i, b',')) {
            return checked(year, month, day).map(|d| (i + 1, d));
        }
        if day > days_in_month(2000, month) {
            return None;
        }
        Some((i, latest_year(self.published?, month, day)?))
    }

    /// A four-digit year 1000 … 2999 at word `i`.
    fn year_at(&self, i: usize) -> Option<i32> {
        match self.kind(i) {
            Kind::Number { value: v @ 1000..=2999, digits: 4, ordinal: false } => Some(v as i32),
            _ => None,
        }
    }

    /// `2021-03-03` and `03/03/2021` starting at word `i`.
    fn numeric(&self, i: usize, value: u32, digits: u8, ordinal: bool) -> Option<Found> {
        if ordinal || i + 2 >= self.w.len() {
            return None;
        }
        let (g1, g2) = (self.gap(i), self.gap(i + 1));
        let plain = |k: Kind| match k {
            Kind::Number { value, digits, ordinal: false } => Some((value, digits)),
            _ => None,
        };
        let (b, bd) = plain(self.kind(i + 1))?;
        let (c, cd) = plain(self.kind(i + 2))?;
        // Not part of a longer run such as 2021-03-03-17 or 1/2/3/4.
        let g3 = self.gap(i + 2);
        if g3.first().is_some_and(|&x| x == g1[0])
            && self.w.get(i + 3).is_some_and(|w| w.start == self.w[i + 2].end + 1)
        {
            return None;
        }
        if g1 == b"-" && g2 == b"-" && digits == 4 && (1..=2).contains(&bd) && (1..=2).contains(&cd) {
            let d = checked(value as i32, u8::try_from(b).ok()?, u8::try_from(c).ok()?)?;
            return Some((i, i + 2, d));
        }
        if g1 == b"/" && g2 == b"/" && (1..=2).contains(&digits) && (1..=2).contains(&bd) && (cd == 2 || cd == 4) {
            let year = match cd {
                4 => c as i32,
                _ if c < 50 => 2000 + c as i32,
                _ => 1900 + c as i32,
            };
            // US order; day first when the first number cannot be a month.
            let (m, d) = if value > 12 { (b, value) } else { (value, b) };
            let d = checked(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
            return Some((i, i + 2, d));
        }
        None
    }

    /// A month name with no day: `January 2020`, `in January`, `last January`.
    fn month_name(&self, i: usize, floor: usize) -> Option<Found> {
        let Kind::Month { month, abbr } = self.kind(i) else {
            return None;
        };
        if let Some(year) =
            self.year_at(i + 1).filter(|_| self.spaced_after(i, b',') || (abbr && self.spaced_after(i, b'.')))
        {
            return Some((i, i + 1, Date::ymd(year, month, 0)));
        }
        // An abbreviation needs a number; "February 30" is no date, not February.
        if abbr || (self.day(i + 1).is_some() && self.spaced(i)) {
            return None;
        }
        let p = self.published?;
        let recent = if month <= p.month { p.year } else { p.year - 1 };
        if self.before(i, floor, |k| k == Kind::Last) {
            let year = if month < p.month { p.year } else { p.year - 1 };
            Some((i - 1, i, Date::ymd(year, month, 0)))
        } else if self.before(i, floor, |k| k == Kind::Next) {
            let year = if month > p.month { p.year } else { p.year + 1 };
            Some((i - 1, i, Date::ymd(year, month, 0)))
        } else if self.before(i, floor, |k| k == Kind::This) {
            Some((i - 1, i, Date::ymd(p.year, month, 0)))
        } else if self.before(i, floor, |k| k == Kind::Prep) {
            Some((i, i, Date::ymd(recent, month, 0)))
        } else {
            None
        }
    }

    /// `in 2019`: a four-digit year after a preposition.
    fn year(&self, i: usize, floor: usize) -> Option<Found> {
        let year = self.year_at(i)?;
        if !self.before(i, floor, |k| k == Kind::Prep) {
            return None;
        }
        // "in 2019-20", "in 2019/20" are spans, "in 2019.5" a number: not a year.
        if self.gap(i).first().is_some_and(|c| matches!(c, b'-' | b'/' | b'.'))
            && self.w.get(i + 1).is_some_and(|w| w.start == self.w[i].end + 1)
        {
            return None;
        }
        Some((i, i, Date::ymd(year, 0, 0)))
    }

    /// `last week`, `this month`, `earlier this year`, `next month` and the like.
    fn relative(&self, i: usize, floor: usize, unit: Unit) -> Option<Found> {
        let p = self.published?;
        let w = &self.text[self.w[i].start..self.w[i].end];
        if w.last().is_some_and(|c| c.eq_ignore_ascii_case(&b's')) {
            return None; // "last weeks" is no date
        }
        let (first, step) = if self.before(i, floor, |k| k == Kind::Last) {
            (i - 1, -1)
        } else if self.before(i, floor, |k| k == Kind::Next) {
            (i - 1, 1)
        } else if self.before(i, floor, |k| k == Kind::This) {
            let first = if self.before(i - 1, floor, |k| k == Kind::Earlier) { i - 2 } else { i - 1 };
            (first, 0)
        } else {
            return None;
        };
        let date = match unit {
            Unit::Day => return None,
            Unit::Week if step == 0 => return None,
            Unit::Week => p.add_days(7 * step),
            Unit::Month => add_months(Date::ymd(p.year, p.month, 0), step),
            Unit::Year => Date::ymd(p.year + step as i32, 0, 0),
        };
        Some((first, i, date))
    }

    /// `three days ago`, `a week ago`, `2 years ago`.
    fn ago(&self, i: usize, floor: usize) -> Option<Found> {
        let p = self.published?;
        if i < floor + 2 || !self.spaced(i - 1) || !self.spaced(i - 2) {
            return None;
        }
        let Kind::Unit(unit) = self.kind(i - 1) else {
            return None;
        };
        let n = match self.kind(i - 2) {
            Kind::Count(n) => i64::from(n),
            Kind::Number { value: v @ 1..=999, ordinal: false, .. } => i64::from(v),
            _ => return None,
        };
        let date = match unit {
            Unit::Day => p.add_days(-n),
            Unit::Week => p.add_days(-7 * n),
            Unit::Month => add_months(Date::ymd(p.year, p.month, 0), -n),
            Unit::Year => Date::ymd(p.year - n as i32, 0, 0),
        };
        Some((i - 2, i, date))
    }
}

fn checked(year: i32, month: u8, day: u8) -> Option<Date> {
    ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then(|| Date::ymd(year, month, day))
}

/// `d` (a month-precision date) moved by `n` months.
fn add_months(d: Date, n: i64) -> Date {
    let m = i64::from(d.year) * 12 + i64::from(d.month) - 1 + n;
    Date::ymd(m.div_euclid(12) as i32, (m.rem_euclid(12) + 1) as u8, 0)
}

/// Words after which `to` marks the future: "talks are to resume", "due to meet".
const FUTURE_TO: &[&str] = &[
    "is", "are", "am", "due", "plans", "plan", "planning", "expected", "expects", "set", "scheduled", "slated",
    "going", "intends", "intend", "aims", "aim", "hopes", "hope", "prepares", "preparing", "poised",
];

/// Verbs of saying after which `would` reports a future ("said it would meet").
const REPORTING: &[&str] =
    &["said", "announced", "told", "stated", "added", "confirmed", "promised", "pledged", "vowed", "indicated"];

/// Past forms that mark a clause as past (regular `-ed` forms are found by their ending).
const PAST_WORDS: &[&str] = &[
    "said", "told", "was", "were", "had", "did", "ago", "met", "held", "took", "gave", "went", "came", "fought",
    "struck", "saw", "began", "sent", "made", "spoke", "wrote", "shot", "broke", "brought", "sought", "fled",
    "led", "left", "lost", "threw", "stole", "hid", "flew", "drove", "rose", "fell", "ran",
    "became", "bought", "caught", "felt", "found", "heard", "kept", "knew", "meant", "paid", "stood", "thought",
    "understood", "withdrew", "overthrew", "arose", "swore", "tore", "woke",
];

/// How far after publication a day without a year may lie (`talks set for March 10`
/// in a story of March 1); further on, the text means the past year's day.
const FUTURE_DAYS: i64 = 31;

/// The latest date `month`/`day` no more than [`FUTURE_DAYS`] after `p`.
fn latest_year(p: Date, month: u8, day: u8) -> Option<Date> {
    let limit = p.to_days() + FUTURE_DAYS;
    (p.year - 4..=p.year + 1).rev().filter_map(|y| checked(y, month, day)).find(|d| d.to_days() <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `t!(publication, text, [(words, date), …])` with dates as `YYYY[-MM[-DD]]`.
    macro_rules! t {
        ($name:ident, $pubd:expr, $text:expr, [$(($words:expr, $date:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                check($pubd, $text, &[$(($words, $date)),*]);
            }
        };
    }

    fn check(published: &str, text: &str, want: &[(&str, &str)]) {
        let p = Date::parse(published);
        let got: Vec<(&str, String)> =
            find_dates(text, p).iter().map(|m| (&text[m.span[0]..m.span[1]], m.date.to_string())).collect();
        let want: Vec<(&str, String)> = want.iter().map(|(w, d)| (*w, d.to_string())).collect();
        assert_eq!(got, want, "{text:?} published {published}");
    }

    // 2020-10-18 is a Sunday; 2020-10-17 a Saturday.
    t!(weekday_on, "2020-10-18", "Iran fired missiles on Saturday.", [("Saturday", "2020-10-17")]);
    t!(weekday_bare, "2020-10-18", "Troops Wednesday attacked the town.", [("Wednesday", "2020-10-14")]);
    t!(weekday_possessive, "2020-10-18", "after Friday's attack", [("Friday", "2020-10-16")]);
    t!(weekday_same_day, "2020-10-17", "Police fired tear gas on Saturday.", [("Saturday", "2020-10-17")]);
    t!(weekday_sunday_on_sunday, "2020-10-18", "Talks ended on Sunday.", [("Sunday", "2020-10-18")]);
    t!(last_saturday_on_sunday, "2020-10-18", "Rebels attacked last Saturday.", [("last Saturday", "2020-10-17")]);
    t!(last_saturday_on_saturday, "2020-10-17", "Rebels attacked last Saturday.", [("last Saturday", "2020-10-10")]);
    t!(last_monday_on_sunday, "2020-10-18", "It happened last Monday.", [("last Monday", "2020-10-12")]);
    t!(next_monday, "2020-10-18", "Talks resume next Monday.", [("next Monday", "2020-10-19")]);
    t!(next_sunday_on_sunday, "2020-10-18", "Talks resume next Sunday.", [("next Sunday", "2020-10-25")]);
    // Tense: a clause about the future resolves weekdays, months and days forward.
    t!(future_will_monday, "2020-10-18", "Talks will resume on Monday.", [("Monday", "2020-10-19")]);
    t!(headline_infinitive_is_future, "2020-10-18", "Pompeo to visit Baghdad on Monday", [("Monday", "2020-10-19")]);
    t!(body_to_is_not_a_headline, "2020-10-18", "Iran sent envoys to Iraq on Monday.", [("Monday", "2020-10-12")]);
    t!(future_will_same_weekday, "2020-10-18", "Talks will resume on Sunday.", [("Sunday", "2020-10-25")]);
    t!(future_due_to, "2020-10-18", "Envoys are due to meet on Wednesday.", [("Wednesday", "2020-10-21")]);
    t!(future_plans_to, "2020-10-18", "The minister plans to visit Paris on Thursday.", [("Thursday", "2020-10-22")]);
    t!(future_is_to, "2020-11-10", "Iran is to hold elections in March.", [("March", "2021-03")]);
    t!(future_this_month, "2020-11-10", "Elections will be held in November.", [("November", "2020-11")]);
    t!(past_month_in_november, "2020-11-10", "Protests began in March.", [("March", "2020-03")]);
    t!(future_passive, "2020-10-18", "The vote will be postponed until Friday.", [("Friday", "2020-10-23")]);
    t!(future_cue_after_date, "2020-10-18", "On Monday, talks will resume.", [("Monday", "2020-10-19")]);
    t!(past_cue_after_date, "2020-10-18", "On Saturday, police fired tear gas.", [("Saturday", "2020-10-17")]);
    t!(future_wont_before, "2020-10-18", "Talks won't resume before Friday.", [("Friday", "2020-10-23")]);
    t!(future_set_for_day, "2021-03-10", "The summit is set for March 3.", [("March 3", "2022-03-03")]);
    t!(future_day_today, "2021-03-10", "The summit will open on March 10.", [("March 10", "2021-03-10")]);
    t!(
        future_next_week_clause,
        "2020-10-18",
        "They meet next week and sign the deal on Thursday.",
        [("next week", "2020-10-25"), ("Thursday", "2020-10-22")]
    );
    t!(
        future_tomorrow_clause,
        "2020-10-18",
        "Envoys arrive tomorrow to prepare Tuesday's summit.",
        [("tomorrow", "2020-10-19"), ("Tuesday", "2020-10-20")]
    );
    t!(
        said_past_will_future,
        "2020-10-18",
        "Iran said on Saturday that talks will resume on Monday.",
        [("Saturday", "2020-10-17"), ("Monday", "2020-10-19")]
    );
    t!(
        relative_clause_past,
        "2020-10-18",
        "The envoy, who arrived on Friday, will meet the king.",
        [("Friday", "2020-10-16")]
    );
    t!(
        subordinate_past_after_future,
        "2020-10-18",
        "Talks will resume after rebels attacked the town on Friday.",
        [("Friday", "2020-10-16")]
    );
    t!(
        reported_would,
        "2020-10-18",
        "Iran said on Saturday it would resume talks on Monday.",
        [("Saturday", "2020-10-17"), ("Monday", "2020-10-19")]
    );
    t!(would_have_is_past, "2020-10-18", "Iran said talks would have resumed on Monday.", [("Monday", "2020-10-12")]);
    t!(would_unreported_is_no_cue, "2020-10-18", "Talks would resume on Monday.", [("Monday", "2020-10-12")]);
    t!(won_is_past, "2020-10-18", "The party won on Saturday.", [("Saturday", "2020-10-17")]);
    t!(united_is_no_cue, "2020-10-18", "On Monday the United Nations will vote.", [("Monday", "2020-10-19")]);
    t!(weekday_lowercase_is_no_date, "2020-10-18", "the sunday paper", []);
    t!(
        weekday_with_date,
        "2020-10-18",
        "On Saturday, March 3, 2018, troops moved.",
        [("Saturday, March 3, 2018", "2018-03-03")]
    );

    t!(
        today,
        "2020-10-18",
        "Protesters gathered today and tonight.",
        [("today", "2020-10-18"), ("tonight", "2020-10-18")]
    );
    t!(yesterday, "2020-03-01", "Police arrested him yesterday.", [("yesterday", "2020-02-29")]);
    t!(tomorrow, "2020-12-31", "Talks open tomorrow.", [("tomorrow", "2021-01-01")]);
    t!(yesterday_capitalised, "2020-10-18", "Yesterday troops withdrew.", [("Yesterday", "2020-10-17")]);

    t!(last_week, "2020-10-18", "The talks collapsed last week.", [("last week", "2020-10-11")]);
    t!(next_week, "2020-10-18", "They meet next week.", [("next week", "2020-10-25")]);
    t!(this_week_is_no_date, "2020-10-18", "earlier this week", []);
    t!(last_month, "2020-01-15", "Strikes began last month.", [("last month", "2019-12")]);
    t!(
        earlier_this_month,
        "2020-10-18",
        "The deal was signed earlier this month.",
        [("earlier this month", "2020-10")]
    );
    t!(this_month, "2020-10-18", "They met this month.", [("this month", "2020-10")]);
    t!(next_month, "2020-12-18", "Elections are due next month.", [("next month", "2021-01")]);
    t!(last_year, "2020-10-18", "Iran seized a tanker last year.", [("last year", "2019")]);
    t!(earlier_this_year, "2020-10-18", "The embassy closed earlier this year.", [("earlier this year", "2020")]);
    t!(last_years_possessive, "2020-10-18", "after last year's election", [("last year", "2019")]);
    t!(past_years_is_no_date, "2020-10-18", "in the past years and for many months", []);

    t!(in_january_in_february, "2020-02-10", "The US killed Soleimani in January.", [("January", "2020-01")]);
    t!(in_january_in_january, "2020-01-20", "The US killed Soleimani in January.", [("January", "2020-01")]);
    t!(in_march_in_february, "2020-02-10", "Protests began in March.", [("March", "2019-03")]);
    t!(last_january_in_january, "2020-01-20", "Protests began last January.", [("last January", "2019-01")]);
    t!(last_january_in_march, "2020-03-20", "Protests began last January.", [("last January", "2020-01")]);
    t!(next_january, "2020-01-20", "Talks resume next January.", [("next January", "2021-01")]);
    t!(mid_month, "2020-10-18", "fighting since mid-August", [("August", "2020-08")]);
    t!(month_year, "2020-10-18", "In January 2019 the talks failed.", [("January 2019", "2019-01")]);
    t!(month_comma_year, "2020-10-18", "In January, 2019, the talks failed.", [("January, 2019", "2019-01")]);
    t!(bare_may_is_no_date, "2019-05-20", "Theresa May met Macron. They may meet again. The march went ahead.", []);
    t!(lowercase_month_is_no_date, "2019-05-20", "Thousands march in protest.", []);
    t!(month_without_publication, "", "The US killed Soleimani in January.", []);

    t!(month_day, "2021-03-10", "Troops entered on March 3.", [("March 3", "2021-03-03")]);
    t!(month_day_ordinal, "2021-03-10", "Troops entered on March 3rd.", [("March 3rd", "2021-03-03")]);
    t!(month_day_year, "2022-01-01", "Troops entered on March 3, 2021.", [("March 3, 2021", "2021-03-03")]);
    t!(abbr_day, "2021-01-10", "Troops entered on Jan. 3.", [("Jan. 3", "2021-01-03")]);
    t!(
        abbr_day_year,
        "2022-01-10",
        "Troops entered on Sept. 30, 2021, officials said.",
        [("Sept. 30, 2021", "2021-09-30")]
    );
    t!(abbr_alone_is_no_date, "2022-01-10", "Mar is a word; in Jan the talks.", []);
    t!(day_month, "2021-03-10", "Troops entered on 3 March.", [("3 March", "2021-03-03")]);
    t!(day_month_year, "2022-01-10", "Troops entered on 3 March 2021.", [("3 March 2021", "2021-03-03")]);
    t!(day_of_month, "2021-03-10", "on the 3rd of March", [("3rd of March", "2021-03-03")]);
    t!(december_in_january, "2021-01-05", "Clashes on Dec. 28 killed 3.", [("Dec. 28", "2020-12-28")]);
    t!(future_day_nearby, "2021-03-01", "Talks are set for March 10.", [("March 10", "2021-03-10")]);
    t!(future_day_far_is_past, "2021-01-05", "The vote on July 10 was annulled.", [("July 10", "2020-07-10")]);
    t!(january_in_october, "2020-10-18", "killed on January 3", [("January 3", "2020-01-03")]);
    t!(february_29, "2021-03-10", "on Feb. 29", [("Feb. 29", "2020-02-29")]);
    t!(next_day_month, "2004-08-20", "talks with Turkey next Oct. 3", [("next Oct. 3", "2004-10-03")]);
    t!(next_day_month_passed, "2004-11-20", "talks with Turkey next Oct. 3", [("next Oct. 3", "2005-10-03")]);
    t!(february_30_is_no_date, "2021-03-10", "on February 30", []);
    t!(day_without_publication, "", "Troops entered on March 3.", []);
    t!(year_given_without_publication, "", "Troops entered on March 3, 2021.", [("March 3, 2021", "2021-03-03")]);
    t!(iso, "", "The 2021-03-03 attack", [("2021-03-03", "2021-03-03")]);
    t!(iso_invalid, "", "ref 2021-13-03 and 2021-03-03-17", []);
    t!(us_slashes, "", "Filed 03/04/2021.", [("03/04/2021", "2021-03-04")]);
    t!(us_two_digit_year, "", "Filed 3/4/21.", [("3/4/21", "2021-03-04")]);
    t!(day_first_slashes, "", "Filed 18/10/2020.", [("18/10/2020", "2020-10-18")]);
    t!(in_2019, "2020-10-18", "Iran seized a tanker in 2019.", [("2019", "2019")]);
    t!(since_2019, "", "Fighting has raged since 2019.", [("2019", "2019")]);
    t!(bare_number_is_no_date, "2020-10-18", "They killed 2019 people in 2000-01 and in 2019.5 and 1,500 more.", []);
    t!(time_is_no_date, "2020-10-18", "at 10:30 on 12.5 km", []);

    t!(days_ago, "2020-10-18", "Three days ago troops fired.", [("Three days ago", "2020-10-15")]);
    t!(week_ago, "2020-10-18", "a week ago", [("a week ago", "2020-10-11")]);
    t!(months_ago, "2020-02-18", "2 months ago", [("2 months ago", "2019-12")]);
    t!(year_ago, "2020-10-18", "a year ago", [("a year ago", "2019")]);

    t!(
        several,
        "2020-10-18",
        "Iran fired missiles on Wednesday after the US killed Soleimani in January.",
        [("Wednesday", "2020-10-14"), ("January", "2020-01")]
    );
    t!(no_trigger, "2020-10-18", "Iran and Iraq signed a trade deal.", []);
    t!(non_ascii, "2020-10-18", "Montréal: l’accord, 3 mars — le 2 Août", []);

    #[test]
    fn never_panics_on_odd_text() {
        for s in ["", "1", "March", "March 3,", "3 of", "Saturday,", "1/2/", "2021--", "é3é", "ago", "a ago", "last"]
        {
            for p in [None, Date::parse("2020-10-18")] {
                for m in find_dates(s, p) {
                    assert!(s.is_char_boundary(m.span[0]) && s.is_char_boundary(m.span[1]));
                }
            }
        }
    }

    /// `(sentence, verb word, expected date words or "")`, published 2020-10-18.
    #[test]
    fn verb_takes_the_date_of_its_clause() {
        let cases = [
            ("Iranian forces seized a tanker on Saturday.", "seized", "Saturday"),
            ("On Saturday, Iranian forces seized a tanker.", "seized", "Saturday"),
            ("Iran attacked US bases after the US killed Soleimani in January.", "attacked", ""),
            ("Iran attacked US bases after the US killed Soleimani in January.", "killed", "January"),
            (
                "Iran fired missiles on Wednesday, days after the US killed Soleimani on January 3.",
                "fired",
                "Wednesday",
            ),
            (
                "Iran fired missiles on Wednesday, days after the US killed Soleimani on January 3.",
                "killed",
                "January 3",
            ),
            ("After the US killed Soleimani in January, Iran attacked US bases.", "attacked", ""),
            ("After the US killed Soleimani in January, Iran attacked US bases.", "killed", "January"),
            ("Rebels met envoys on Monday and signed a truce on Tuesday.", "met", "Monday"),
            ("Rebels met envoys on Monday and signed a truce on Tuesday.", "signed", "Tuesday"),
            ("On Saturday rebels attacked the town; police fired tear gas.", "fired", "Saturday"),
            ("Police arrested him, and on Friday a court freed him.", "freed", "Friday"),
            ("Police arrested him, and on Friday a court freed him.", "arrested", ""),
            ("Police fired tear gas but protesters returned on Friday.", "fired", ""),
            ("Troops killed two men on Friday, and helicopters fired missiles.", "fired", "Friday"),
            ("Iraq promised Wednesday to free her, but officials denied a deal.", "denied", "Wednesday"),
            (
                "Troops attacked rebels after police killed two men in January, and the UN condemned them.",
                "condemned",
                "",
            ),
            (
                "After police killed two men in January, troops attacked rebels on Monday, and the UN condemned them.",
                "condemned",
                "Monday",
            ),
            ("Police seized him on Monday after rebels attacked the town.", "attacked", ""),
            ("Bombers killed 22 of Iraq&#39;s police on Monday.", "killed", "Monday"),
        ];
        let p = Date::parse("2020-10-18");
        for (text, verb, want) in cases {
            let mentions = find_dates(text, p);
            // Every listed word that is a verb in one of the cases stands for an event.
            let verbs: Vec<[usize; 2]> =
                ["seized", "attacked", "killed", "fired", "met", "signed", "arrested", "freed", "returned"]
                    .iter()
                    .filter_map(|v| text.find(v).map(|s| [s, s + v.len()]))
                    .collect();
            let at = text.find(verb).unwrap();
            let got = date_for_verb(text, &mentions, [at, at + verb.len()], &verbs)
                .map_or("", |m| &text[m.span[0]..m.span[1]]);
            assert_eq!(got, want, "{text:?} / {verb}");
        }
    }

    #[test]
    fn clauses() {
        let text = "A met B; C hit D, and E left but F stayed after G came.";
        let parts: Vec<&str> = ["met", "hit", "left", "stayed", "came"]
            .iter()
            .map(|w| {
                let [a, b] = clause_of(text, text.find(w).unwrap());
                &text[a..b]
            })
            .collect();
        assert_eq!(parts, ["A met B;", " C hit D, ", "and E left ", "but F stayed ", "after G came."]);
        let text = "When police came, rebels fled.";
        let [a, b] = clause_of(text, text.find("fled").unwrap());
        assert_eq!(&text[a..b], " rebels fled.");
    }
}
