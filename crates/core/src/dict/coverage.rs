//! What a corpus mentions that the dictionaries do not cover: frequent capitalised names
//! (1–3 word runs that no actor, agent or discard phrase matches) and frequent verb-like
//! words right after an actor that no verb form matches. A guide for dictionary updates,
//! behind `herald dict coverage CORPUS`.
//!
//! ```
//! use herald_core::dict::{coverage::Coverage, load, Dictionary};
//!
//! let dict = Dictionary::compile(&load::builtin());
//! let mut cov = Coverage::new(&dict);
//! cov.add_sentence("Officials in Freedonia said Iraqi troops outflanked the rebels.");
//! cov.add_sentence("The Freedonia envoy left.");
//! let names = cov.names(10);
//! assert_eq!(names[0], ("Freedonia".to_string(), 2));
//! assert!(cov.verbs(10).iter().any(|(v, _)| v == "outflanked"));
//! ```

use rustc_hash::{FxHashMap, FxHashSet};

use super::compile::LexId;
use super::Dictionary;
use crate::read::Article;
use crate::split;
use crate::token::{tokenize_into, Token, TokenKind};

/// Capitalised words that are not names (or not worth listing) even mid-sentence.
const NOT_NAMES: &[&str] = &[
    "I", "I'M", "I'VE", "I'LL", "I'D", "A", "AN", "THE", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.",
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "JANUARY", "FEBRUARY",
    "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
    "JAN", "JAN.", "FEB", "FEB.", "MAR.", "APR.", "AUG", "AUG.", "SEPT", "SEPT.", "SEP.", "OCT", "OCT.", "NOV",
    "NOV.", "DEC", "DEC.", "AP", "AFP", "REUTERS", "UPDATE", "UPDATE1", "UPDATE2", "UPDATE3", "QUOT", "LT", "GT",
    "AMP", "HREF", "FULLQUOTE",
];

/// Words ending in -s or -ed that follow actors but are not verbs worth listing.
const NOT_VERBS: &[&str] = &[
    "was", "has", "is", "as", "its", "his", "this", "us", "has", "does", "was", "less", "unless", "thus", "plus",
    "news", "series", "species", "bus", "gas", "chaos", "status", "bias", "towards", "afterwards", "always",
    "perhaps", "nations", "states", "affairs", "officials", "forces", "troops", "leaders", "authorities",
    "ministers", "members", "years", "days", "weeks", "months", "hours", "times", "people", "sources",
    "was", "indeed", "united", "red", "led", "armed", "based", "backed", "allied", "related", "linked",
];

/// Counts uncovered names and verbs over any number of sentences.
pub struct Coverage<'d> {
    dict: &'d Dictionary,
    toks: Vec<Token>,
    lex: Vec<Vec<LexId>>,
    names: FxHashMap<String, usize>,
    /// Runs that start a sentence: listed only if their first word is seen capitalised elsewhere.
    initial: FxHashMap<String, usize>,
    seen_mid: FxHashSet<String>,
    /// Per normalised word: (times written capitalised, times written in lower case).
    case: FxHashMap<String, (usize, usize)>,
    verbs: FxHashMap<String, usize>,
    sentences: usize,
}

impl<'d> Coverage<'d> {
    pub fn new(dict: &'d Dictionary) -> Self {
        Coverage {
            dict,
            toks: Vec::new(),
            lex: Vec::new(),
            names: FxHashMap::default(),
            initial: FxHashMap::default(),
            seen_mid: FxHashSet::default(),
            case: FxHashMap::default(),
            verbs: FxHashMap::default(),
            sentences: 0,
        }
    }

    /// Sentences seen so far.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// Adds an article: its headline and every body sentence.
    pub fn add_article(&mut self, art: &Article) {
        if let Some(t) = art.title.as_deref().filter(|t| !t.trim().is_empty()) {
            self.add_sentence(t);
        }
        for r in split::sentences(&art.text) {
            self.add_sentence(&art.text[r]);
        }
    }

    /// Adds one sentence.
    pub fn add_sentence(&mut self, text: &str) {
        self.sentences += 1;
        let dict = self.dict;
        tokenize_into(text, &mut self.toks);
        let n = self.toks.len();
        self.lex.clear();
        for t in &self.toks {
            let mut v = Vec::new();
            dict.lexicon.lookup(&t.norm, &mut v);
            self.lex.push(v);
        }
        let lexv = &self.lex;
        let lex = |i: usize| -> &[LexId] { &lexv[i] };

        // Tokens covered by actor, agent, discard or verb phrases; actor/agent spans end where
        // a verb right after an actor would stand.
        let mut covered = vec![false; n];
        let mut verb_at = vec![false; n];
        let mut actor_end = vec![false; n + 1];
        for i in 0..n {
            let mark = |end: usize, covered: &mut Vec<bool>| {
                for c in covered.iter_mut().take(end).skip(i) {
                    *c = true;
                }
            };
            let mut ends: Vec<usize> = Vec::new();
            dict.actor_trie.matches_at(i, n, &lex, &mut |end, _| ends.push(end));
            dict.agent_trie.matches_at(i, n, &lex, &mut |end, _| ends.push(end));
            for &e in &ends {
                mark(e, &mut covered);
                actor_end[e] = true;
            }
            let mut other: Vec<usize> = Vec::new();
            dict.discard_trie.matches_at(i, n, &lex, &mut |end, _| other.push(end));
            for &e in &other {
                mark(e, &mut covered);
            }
            let mut verb = false;
            dict.verb_trie.matches_at(i, n, &lex, &mut |_, _| verb = true);
            verb_at[i] = verb;
        }

        let raw = |t: &Token| &text[t.start..t.end];
        let is_word = |t: &Token| t.kind == TokenKind::Word && t.norm.chars().any(|c| c.is_alphabetic());
        let capitalised = |t: &Token| {
            is_word(t) && raw(t).chars().next().is_some_and(|c| c.is_uppercase()) && !NOT_NAMES.contains(&t.norm.as_str())
        };
        // Headlines in title case or capitals say nothing about names.
        let words = self.toks.iter().filter(|t| is_word(t)).count();
        let caps = self.toks.iter().filter(|t| is_word(t) && raw(t).chars().next().is_some_and(|c| c.is_uppercase())).count();
        let title_case = words >= 4 && caps * 10 > words * 6;
        let first_word = self.toks.iter().position(is_word);

        if !title_case {
            for (k, t) in self.toks.iter().enumerate() {
                if is_word(t) && Some(k) != first_word {
                    let e = self.case.entry(t.norm.clone()).or_default();
                    if raw(t).chars().next().is_some_and(|c| c.is_uppercase()) {
                        e.0 += 1;
                    } else {
                        e.1 += 1;
                    }
                }
            }
            let mut i = 0;
            while i < n {
                if !capitalised(&self.toks[i]) || covered[i] {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j < n && capitalised(&self.toks[j]) && !covered[j] {
                    j += 1;
                }
                let initial = Some(i) == first_word;
                if !initial {
                    for t in &self.toks[i..j] {
                        self.seen_mid.insert(t.norm.clone());
                    }
                }
                if j - i <= 3 {
                    let name = self.toks[i..j].iter().map(raw).collect::<Vec<_>>().join(" ");
                    let name = name.trim_end_matches(['.', ',']).to_string();
                    let map = if initial { &mut self.initial } else { &mut self.names };
                    *map.entry(name).or_default() += 1;
                }
                i = j;
            }
        }

        // Verb-like words right after an actor or agent mention.
        for i in 0..n {
            if !actor_end[i] || covered[i] || verb_at[i] {
                continue;
            }
            let t = &self.toks[i];
            if !is_word(t) {
                continue;
            }
            let w = raw(t);
            if w.chars().next().is_some_and(|c| c.is_uppercase()) && !title_case {
                continue;
            }
            let lw = w.to_lowercase();
            let looks_verb = (lw.ends_with("ed") || (lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("'s")))
                && lw.len() > 3
                && lw.chars().all(|c| c.is_alphabetic() || c == '-');
            if looks_verb && !NOT_VERBS.contains(&lw.as_str()) {
                *self.verbs.entry(lw).or_default() += 1;
            }
        }
    }

    /// The `top` most frequent uncovered names with their counts (most frequent first, ties
    /// alphabetical). A sentence-initial name counts only if it is also seen capitalised
    /// inside a sentence.
    pub fn names(&self, top: usize) -> Vec<(String, usize)> {
        let mut all: FxHashMap<String, usize> = self.names.clone();
        for (name, c) in &self.initial {
            let first = name.split_whitespace().next().unwrap_or_default().to_uppercase();
            if self.seen_mid.contains(&first) {
                *all.entry(name.clone()).or_default() += c;
            }
        }
        // Words mostly written in lower case ("In", "But", "Internet" aside) are not names.
        all.retain(|name, _| {
            name.split_whitespace().all(|w| {
                let (cap, low) = self.case.get(&crate::token::normalize(w)).copied().unwrap_or((0, 0));
                cap > low
            })
        });
        ranked(all, top)
    }

    /// The `top` most frequent uncovered verb-like words after an actor.
    pub fn verbs(&self, top: usize) -> Vec<(String, usize)> {
        ranked(self.verbs.clone(), top)
    }
}

fn ranked(map: FxHashMap<String, usize>, top: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(top);
    v
}
