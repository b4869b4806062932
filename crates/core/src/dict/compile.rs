//! Compiling a [`DictSet`] into the immutable, fast [`Dictionary`].
//!
//! Every dictionary word becomes a lexeme: exact words (`IRAQ_`) and stems (`ARGENTIN`)
//! are kept apart, and a token maps to all lexemes it matches (its exact form and every
//! stem that is a prefix of it). Phrases of lexemes go into tries ([`PhraseTrie`]), one
//! general mechanism shared by actors, agents, verbs, synsets, discards, issues and times.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{
    ActorEntry, CodeSpec, DatedCode, DictSet, PatElem, PatItem, Phrase, SourceLoc, TimeShift, Warning, Word,
};
use crate::date::Date;

/// A dictionary word: exact or stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LexId(pub u32);

/// Maps token text to the lexemes it matches.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Lexicon {
    exact: FxHashMap<Box<str>, LexId>,
    stems: FxHashMap<Box<str>, LexId>,
    texts: Vec<(Box<str>, bool)>,
    min_stem: usize,
    max_stem: usize,
}

impl Lexicon {
    fn intern(&mut self, w: &Word) -> LexId {
        let map = if w.exact { &mut self.exact } else { &mut self.stems };
        if let Some(&id) = map.get(w.text.as_str()) {
            return id;
        }
        let id = LexId(self.texts.len() as u32);
        map.insert(w.text.as_str().into(), id);
        self.texts.push((w.text.as_str().into(), w.exact));
        if !w.exact {
            let n = w.text.len();
            self.min_stem = if self.min_stem == 0 { n } else { self.min_stem.min(n) };
            self.max_stem = self.max_stem.max(n);
        }
        id
    }

    /// Appends to `out` every lexeme the normalised token `norm` matches.
    pub fn lookup(&self, norm: &str, out: &mut Vec<LexId>) {
        if let Some(&id) = self.exact.get(norm) {
            out.push(id);
        }
        if self.stems.is_empty() || norm.len() < self.min_stem {
            return;
        }
        let top = norm.len().min(self.max_stem);
        for n in self.min_stem..=top {
            if norm.is_char_boundary(n) {
                if let Some(&id) = self.stems.get(&norm[..n]) {
                    out.push(id);
                }
            }
        }
    }

    pub fn text(&self, id: LexId) -> &str {
        &self.texts[id.0 as usize].0
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// A trie over lexeme sequences. Values are indices into the owner's tables.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PhraseTrie {
    root: FxHashMap<LexId, u32>,
    nodes: Vec<TrieNode>,
    /// Some phrase lets other words come between two of its words.
    has_gaps: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct TrieNode {
    children: Vec<(LexId, u32)>,
    /// Children that may come after other words (`DURTHANG ORC` in TABARI).
    gapped: Vec<(LexId, u32)>,
    values: Vec<u32>,
}

impl PhraseTrie {
    pub fn insert(&mut self, phrase: &[LexId], value: u32) {
        self.insert_gapped(phrase, &[], value);
    }

    /// Inserts a phrase; `gap_after[i]` lets other words come between word `i` and the next.
    pub fn insert_gapped(&mut self, phrase: &[LexId], gap_after: &[bool], value: u32) {
        let Some((first, rest)) = phrase.split_first() else { return };
        let mut node = match self.root.get(first) {
            Some(&n) => n,
            None => {
                let n = self.new_node();
                self.root.insert(*first, n);
                n
            }
        };
        for (i, lex) in rest.iter().enumerate() {
            let gap = gap_after.get(i).copied().unwrap_or(false);
            self.has_gaps |= gap;
            let nd = &self.nodes[node as usize];
            let list = if gap { &nd.gapped } else { &nd.children };
            node = match list.iter().find(|(l, _)| l == lex) {
                Some(&(_, n)) => n,
                None => {
                    let n = self.new_node();
                    let nd = &mut self.nodes[node as usize];
                    if gap { nd.gapped.push((*lex, n)) } else { nd.children.push((*lex, n)) }
                    n
                }
            };
        }
        self.nodes[node as usize].values.push(value);
    }

    pub fn has_gaps(&self) -> bool {
        self.has_gaps
    }

    /// As [`matches_at`](Self::matches_at) for tries with gapped phrases: calls
    /// `f(path, value)` with the positions of the matched words (`path[0] == start`).
    /// `may_skip(p)` says whether token `p` may lie in a gap, and at most `max_gap`
    /// tokens may lie in one gap.
    #[allow(clippy::too_many_arguments)]
    pub fn matches_at_gapped<'a>(
        &self,
        start: usize,
        n: usize,
        lex: &dyn Fn(usize) -> &'a [LexId],
        may_skip: &dyn Fn(usize) -> bool,
        max_gap: usize,
        path: &mut Vec<usize>,
        f: &mut dyn FnMut(&[usize], u32),
    ) {
        if start >= n {
            return;
        }
        path.clear();
        for l in lex(start) {
            if let Some(&node) = self.root.get(l) {
                path.push(start);
                self.walk_gapped(node, start + 1, n, lex, may_skip, max_gap, path, f);
                path.pop();
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn walk_gapped<'a>(
        &self,
        node: u32,
        pos: usize,
        n: usize,
        lex: &dyn Fn(usize) -> &'a [LexId],
        may_skip: &dyn Fn(usize) -> bool,
        max_gap: usize,
        path: &mut Vec<usize>,
        f: &mut dyn FnMut(&[usize], u32),
    ) {
        let nd = &self.nodes[node as usize];
        for &v in &nd.values {
            f(path, v);
        }
        if pos >= n {
            return;
        }
        for l in lex(pos) {
            for &(cl, child) in nd.children.iter().chain(&nd.gapped) {
                if cl == *l {
                    path.push(pos);
                    self.walk_gapped(child, pos + 1, n, lex, may_skip, max_gap, path, f);
                    path.pop();
                }
            }
        }
        if nd.gapped.is_empty() {
            return;
        }
        // Words after a gap of one or more tokens.
        let mut p = pos;
        while p < n && p - pos < max_gap && may_skip(p) {
            p += 1;
            if p >= n {
                break;
            }
            for l in lex(p) {
                for &(cl, child) in &nd.gapped {
                    if cl == *l {
                        path.push(p);
                        self.walk_gapped(child, p + 1, n, lex, may_skip, max_gap, path, f);
                        path.pop();
                    }
                }
            }
        }
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(TrieNode::default());
        (self.nodes.len() - 1) as u32
    }

    pub fn is_empty(&self) -> bool {
        self.root.is_empty()
    }

    /// Calls `f(end, value)` for every phrase that starts at token `start`; `end` is
    /// exclusive. `lex(i)` gives the lexemes of token `i`; `n` is the token count.
    pub fn matches_at<'a>(
        &self,
        start: usize,
        n: usize,
        lex: &dyn Fn(usize) -> &'a [LexId],
        f: &mut dyn FnMut(usize, u32),
    ) {
        if start >= n {
            return;
        }
        for l in lex(start) {
            if let Some(&node) = self.root.get(l) {
                self.walk(node, start + 1, n, lex, f);
            }
        }
    }

    fn walk<'a>(&self, node: u32, pos: usize, n: usize, lex: &dyn Fn(usize) -> &'a [LexId], f: &mut dyn FnMut(usize, u32)) {
        let nd = &self.nodes[node as usize];
        for &v in &nd.values {
            f(pos, v);
        }
        if pos >= n || (nd.children.is_empty() && nd.gapped.is_empty()) {
            return;
        }
        for l in lex(pos) {
            for &(cl, child) in nd.children.iter().chain(&nd.gapped) {
                if cl == *l {
                    self.walk(child, pos + 1, n, lex, f);
                }
            }
        }
    }
}

/// A compiled actor entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    pub codes: Vec<DatedCode>,
    /// How many of the phrase's words are exact; breaks ties between equal-length matches.
    pub exact_words: u16,
    pub loc: SourceLoc,
}

impl Actor {
    /// The code that holds on `date`: the first dated code in range, else the first
    /// undated one. `None` when the actor is null-coded (`[---]`) or out of range.
    pub fn code_on(&self, date: Option<Date>) -> Option<&str> {
        let dated = self
            .codes
            .iter()
            .find(|c| (c.from.is_some() || c.to.is_some()) && date.is_some() && c.holds_on(date));
        let chosen = dated.or_else(|| self.codes.iter().find(|c| c.from.is_none() && c.to.is_none()));
        chosen.map(|c| c.code.as_str()).filter(|c| !c.starts_with('-'))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Agent {
    pub code: String,
    pub suffix: bool,
    pub loc: SourceLoc,
}

/// A compiled pattern element.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum CElem {
    Word(LexId),
    Synset(u32),
    Alt(Vec<Vec<CItem>>),
    Source,
    Target,
    Compound,
    Skip,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CItem {
    pub elem: CElem,
    pub joined: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CPattern {
    pub before: Vec<CItem>,
    pub before_joined: bool,
    pub after: Vec<CItem>,
    pub after_joined: bool,
    pub code: CodeSpec,
    pub loc: SourceLoc,
    /// The pattern as written, for `explain` and the `pattern` field.
    pub text: String,
    /// Letters of the longest text the pattern can match (a synset or a set of
    /// alternatives counts as its longest member): no match of it can be longer.
    pub max_len: usize,
    /// Words the pattern cannot match without (outside alternatives and synsets): a
    /// sentence lacking one is not tried.
    pub needs: Box<[LexId]>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CVerbBlock {
    pub name: String,
    pub code: CodeSpec,
    /// Longest first (TABARI's order, for longest-match choice).
    pub patterns: Vec<CPattern>,
    /// Indices into `patterns`, most elements first (herald's first-match order).
    pub by_elements: Vec<u32>,
    pub loc: SourceLoc,
}

/// What a verb-form trie value points at.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VerbForm {
    pub block: u32,
    /// Code of the verb line, if it overrides the block's.
    pub code: Option<CodeSpec>,
    /// Offset of the head word within the form.
    pub head: u8,
    /// Letters in the form's words: among forms matching the same tokens, the longest
    /// (`ATTACKED` over the stem `ATTACK`) is the most specific, as in TABARI.
    pub letters: u16,
    pub loc: SourceLoc,
    pub text: String,
    /// Other blocks listing the very same verb phrase: their patterns are tried too.
    pub also: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Discard {
    pub story: bool,
    pub code: String,
    pub loc: SourceLoc,
}

/// The compiled, immutable dictionary set. `Send + Sync`; share it with `Arc`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Dictionary {
    pub lexicon: Lexicon,
    pub actor_trie: PhraseTrie,
    pub actors: Vec<Actor>,
    pub agent_trie: PhraseTrie,
    pub agents: Vec<Agent>,
    pub verb_trie: PhraseTrie,
    pub verb_forms: Vec<VerbForm>,
    pub blocks: Vec<CVerbBlock>,
    pub synsets: Vec<(String, Vec<Vec<CItem>>)>,
    /// For each synset, the words its members can start with (sorted), when every member
    /// starts with a word or another such synset: a quick test before matching members.
    pub synset_first: Vec<Option<Box<[LexId]>>>,
    /// As `synset_first`, for the words members can end with (patterns before the verb
    /// are matched backwards).
    pub synset_last: Vec<Option<Box<[LexId]>>>,
    pub discard_trie: PhraseTrie,
    pub discards: Vec<Discard>,
    pub issue_trie: PhraseTrie,
    pub issues: Vec<(String, SourceLoc)>,
    pub time_trie: PhraseTrie,
    pub times: Vec<TimeShift>,
    /// TABARI `<NOUN>` phrases: never verbs; they join compound noun phrases.
    pub noun_trie: PhraseTrie,
    /// TABARI `<ADJECTIVE>` phrases: may stand before the actors of a compound.
    pub adjective_trie: PhraseTrie,
    pub warnings: Vec<Warning>,
}

impl Dictionary {
    /// Compiles a loaded set. Problems that survive parsing (unknown synsets, empty
    /// phrases) become warnings; compilation itself never fails.
    pub fn compile(set: &DictSet) -> Dictionary {
        let mut d = Dictionary { warnings: set.warnings.clone(), ..Default::default() };
        for a in &set.actors {
            d.add_actor(a);
        }
        for a in &set.agents {
            let ids = d.intern_phrase(&a.phrase);
            if ids.is_empty() {
                continue;
            }
            d.agent_trie.insert_gapped(&ids, &a.gaps, d.agents.len() as u32);
            d.agents.push(Agent { code: a.code.clone(), suffix: a.suffix, loc: a.loc.clone() });
        }
        // Synsets first: patterns refer to them by name.
        let mut syn_index: FxHashMap<String, u32> = FxHashMap::default();
        for (i, s) in set.synsets.iter().enumerate() {
            syn_index.insert(s.name.trim_start_matches('&').to_uppercase(), i as u32);
        }
        for s in &set.synsets {
            let members = s.members.iter().map(|m| d.compile_items(m, &syn_index, &s.loc)).collect();
            d.synsets.push((s.name.clone(), members));
        }
        d.synset_first = (0..d.synsets.len()).map(|i| d.edge_words(i as u32, true, 0)).collect();
        d.synset_last = (0..d.synsets.len()).map(|i| d.edge_words(i as u32, false, 0)).collect();
        let mut same_phrase: FxHashMap<Vec<LexId>, Vec<u32>> = FxHashMap::default();
        for b in &set.verbs {
            let bi = d.blocks.len() as u32;
            let mut patterns: Vec<CPattern> = b
                .patterns
                .iter()
                .map(|p| CPattern {
                    before: d.compile_items(&p.before, &syn_index, &p.loc),
                    before_joined: p.before_joined,
                    after: d.compile_items(&p.after, &syn_index, &p.loc),
                    after_joined: p.after_joined,
                    code: p.code.clone(),
                    loc: p.loc.clone(),
                    text: pattern_text(p),
                    max_len: 0,
                    needs: Box::default(),
                })
                .collect();
            for p in &mut patterns {
                p.max_len = d.max_len(&p.before, 0) + d.max_len(&p.after, 0);
                let mut needs: Vec<LexId> = p
                    .before
                    .iter()
                    .chain(&p.after)
                    .filter_map(|it| if let CElem::Word(l) = it.elem { Some(l) } else { None })
                    .collect();
                needs.sort_unstable();
                needs.dedup();
                p.needs = needs.into_boxed_slice();
            }
            // Longest patterns first (TABARI 5.7.1), then those with more elements; stable,
            // so file order breaks ties.
            patterns.sort_by_key(|p| std::cmp::Reverse((p.max_len, weight(&p.before) + weight(&p.after))));
            // herald's first-match order: most elements first, then file order.
            let mut by_elements: Vec<u32> = (0..patterns.len() as u32).collect();
            by_elements.sort_by_key(|&i| {
                let p = &patterns[i as usize];
                (std::cmp::Reverse(weight(&p.before) + weight(&p.after)), p.loc.line)
            });
            d.blocks.push(CVerbBlock { name: b.name.clone(), code: b.code.clone(), patterns, by_elements, loc: b.loc.clone() });
            for v in &b.verbs {
                let mut forms: Vec<(Vec<String>, usize)> = vec![(v.words.clone(), v.head)];
                if v.inflect {
                    for f in inflections(&v.words[v.head]) {
                        let mut w = v.words.clone();
                        w[v.head] = f;
                        forms.push((w, v.head));
                    }
                }
                forms.extend(v.forms.iter().cloned());
                let text = v.words.join(" ");
                for (words, head) in forms {
                    let phrase: Phrase = words
                        .iter()
                        .enumerate()
                        .map(|(i, w)| {
                            let exact = match v.exact_words.get(i) {
                                Some(&e) if i != head && v.exact_words.len() == words.len() => e,
                                _ => v.exact || i != head || v.inflect,
                            };
                            Word { text: w.clone(), exact }
                        })
                        .collect();
                    let ids = d.intern_phrase(&phrase);
                    if ids.is_empty() {
                        continue;
                    }
                    // `BURN DOWN`: other words may come between words joined by a space.
                    let gaps: Vec<bool> = if ids.len() == v.joined.len() {
                        v.joined[..v.joined.len().saturating_sub(1)].iter().map(|j| !j).collect()
                    } else {
                        Vec::new()
                    };
                    same_phrase.entry(ids.clone()).or_default().push(d.verb_forms.len() as u32);
                    d.verb_trie.insert_gapped(&ids, &gaps, d.verb_forms.len() as u32);
                    let letters = words.iter().map(|w| w.len()).sum::<usize>().min(u16::MAX as usize) as u16;
                    d.verb_forms.push(VerbForm {
                        block: bi,
                        code: v.code.clone(),
                        head: head.min(255) as u8,
                        letters,
                        loc: v.loc.clone(),
                        text: text.clone(),
                        also: Vec::new(),
                    });
                }
            }
        }
        for forms in same_phrase.values().filter(|f| f.len() > 1) {
            for &f in forms {
                let own = d.verb_forms[f as usize].block;
                let mut also: Vec<u32> = forms.iter().map(|&g| d.verb_forms[g as usize].block).filter(|&b| b != own).collect();
                also.dedup();
                d.verb_forms[f as usize].also = also;
            }
        }
        for x in &set.discards {
            let ids = d.intern_phrase(&x.phrase);
            if !ids.is_empty() {
                d.discard_trie.insert(&ids, d.discards.len() as u32);
                d.discards.push(Discard { story: x.story, code: x.code.clone(), loc: x.loc.clone() });
            }
        }
        for x in &set.issues {
            let ids = d.intern_phrase(&x.phrase);
            if !ids.is_empty() {
                d.issue_trie.insert(&ids, d.issues.len() as u32);
                d.issues.push((x.code.clone(), x.loc.clone()));
            }
        }
        for p in &set.nouns {
            let ids = d.intern_phrase(p);
            d.noun_trie.insert(&ids, 0);
        }
        for p in &set.adjectives {
            let ids = d.intern_phrase(p);
            d.adjective_trie.insert(&ids, 0);
        }
        for x in &set.times {
            let ids = d.intern_phrase(&x.phrase);
            if !ids.is_empty() {
                d.time_trie.insert(&ids, d.times.len() as u32);
                d.times.push(x.shift.clone());
            }
        }
        d
    }

    fn add_actor(&mut self, a: &ActorEntry) {
        let ids = self.intern_phrase(&a.phrase);
        if ids.is_empty() {
            return;
        }
        let exact_words = a.phrase.iter().filter(|w| w.exact).count() as u16;
        self.actor_trie.insert_gapped(&ids, &a.gaps, self.actors.len() as u32);
        self.actors.push(Actor { codes: a.codes.clone(), exact_words, loc: a.loc.clone() });
    }

    fn intern_phrase(&mut self, p: &Phrase) -> Vec<LexId> {
        let p = merge_contractions(p);
        p.iter().filter(|w| !w.text.is_empty()).map(|w| self.lexicon.intern(w)).collect()
    }

    fn compile_items(&mut self, items: &[PatItem], syn: &FxHashMap<String, u32>, loc: &SourceLoc) -> Vec<CItem> {
        let mut out: Vec<CItem> = Vec::with_capacity(items.len());
        for (k, it) in items.iter().enumerate() {
            // TreeBank splits "didn't" as `DID N'T`; the tokenizer keeps `DIDN'T`.
            if let PatElem::Word(w) = &it.elem {
                if is_contraction_tail(&w.text) {
                    if let (Some(CItem { elem: CElem::Word(prev), joined }), Some(PatItem { elem: PatElem::Word(pw), .. })) =
                        (out.last_mut(), k.checked_sub(1).map(|j| &items[j]))
                    {
                        let merged = Word { text: format!("{}{}", pw.text, w.text), exact: w.exact };
                        *prev = self.lexicon.intern(&merged);
                        *joined = it.joined;
                        continue;
                    }
                }
            }
            let elem = match &it.elem {
                PatElem::Word(w) => CElem::Word(self.lexicon.intern(w)),
                PatElem::Synset(name) => match syn.get(&name.trim_start_matches('&').to_uppercase()) {
                    Some(&i) => CElem::Synset(i),
                    None => {
                        self.warnings
                            .push(Warning { loc: loc.clone(), message: format!("unknown synset &{name}") });
                        continue;
                    }
                },
                PatElem::Alt(alts) => CElem::Alt(alts.iter().map(|a| self.compile_items(a, syn, loc)).collect()),
                PatElem::Source => CElem::Source,
                PatElem::Target => CElem::Target,
                PatElem::Compound => CElem::Compound,
                PatElem::Skip => CElem::Skip,
            };
            out.push(CItem { elem, joined: it.joined });
        }
        out
    }

    /// The words synset `i`'s members can start (or end) with, if all start (end) with words.
    fn edge_words(&self, i: u32, first: bool, depth: u32) -> Option<Box<[LexId]>> {
        if depth > 8 {
            return None;
        }
        let mut out: Vec<LexId> = Vec::new();
        for m in &self.synsets.get(i as usize)?.1 {
            let edge = if first { m.first() } else { m.last() };
            match edge.map(|it| &it.elem) {
                Some(CElem::Word(l)) => out.push(*l),
                Some(CElem::Synset(j)) => out.extend(self.edge_words(*j, first, depth + 1)?.iter()),
                _ => return None,
            }
        }
        out.sort_unstable();
        out.dedup();
        Some(out.into_boxed_slice())
    }

    /// Letters of the longest text `items` can match.
    fn max_len(&self, items: &[CItem], depth: u32) -> usize {
        if depth > 8 {
            return 0;
        }
        items
            .iter()
            .map(|it| match &it.elem {
                CElem::Word(l) => self.lexicon.text(*l).len(),
                CElem::Synset(i) => {
                    self.synsets.get(*i as usize).map_or(0, |s| s.1.iter().map(|m| self.max_len(m, depth + 1)).max().unwrap_or(0))
                }
                CElem::Alt(alts) => alts.iter().map(|m| self.max_len(m, depth + 1)).max().unwrap_or(0),
                _ => 0,
            })
            .sum()
    }

    /// Lexemes of a token (for callers outside the coder, such as `explain`).
    pub fn lexemes(&self, norm: &str) -> Vec<LexId> {
        let mut v = Vec::new();
        self.lexicon.lookup(norm, &mut v);
        v
    }
}

/// `N'T` as a word of its own (TreeBank's `DID N'T`).
fn is_contraction_tail(w: &str) -> bool {
    w == "N'T"
}

/// Joins TreeBank's split contractions (`DID N'T`, `WO N'T`) into the tokenizer's words.
fn merge_contractions(p: &[Word]) -> std::borrow::Cow<'_, [Word]> {
    if !p.iter().skip(1).any(|w| is_contraction_tail(&w.text)) {
        return std::borrow::Cow::Borrowed(p);
    }
    let mut out: Vec<Word> = Vec::with_capacity(p.len());
    for w in p {
        match out.last_mut() {
            Some(prev) if is_contraction_tail(&w.text) => {
                prev.text.push_str(&w.text);
                prev.exact = w.exact;
            }
            _ => out.push(w.clone()),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn weight(items: &[CItem]) -> usize {
    items.iter().map(|i| if matches!(i.elem, CElem::Skip) { 0 } else { 1 }).sum()
}

fn pattern_text(p: &super::Pattern) -> String {
    fn items(v: &[PatItem]) -> String {
        let mut s = String::new();
        for it in v {
            match &it.elem {
                PatElem::Word(w) => s.push_str(&w.text),
                PatElem::Synset(n) => {
                    s.push('&');
                    s.push_str(n.trim_start_matches('&'));
                }
                PatElem::Alt(_) => s.push_str("{…}"),
                PatElem::Source => s.push('$'),
                PatElem::Target => s.push('+'),
                PatElem::Compound => s.push('%'),
                PatElem::Skip => s.push('^'),
            }
            s.push(if it.joined { '_' } else { ' ' });
        }
        s
    }
    let mut s = String::from("- ");
    s.push_str(&items(&p.before));
    if p.before_joined && s.ends_with(' ') {
        s.pop();
        s.push('_');
    }
    s.push('*');
    s.push(if p.after_joined { '_' } else { ' ' });
    s.push_str(items(&p.after).trim_end());
    s.trim_end_matches(['_', ' ']).to_string()
}

/// Regular inflections of an upper-case verb: -S/-ES, -ED/-D, -ING, with the usual
/// spelling rules (doubling a final consonant after a single short vowel is generated
/// as an alternative, since it depends on stress).
pub fn inflections(base: &str) -> Vec<String> {
    let b = base.to_uppercase();
    let mut out = Vec::with_capacity(6);
    let bytes = b.as_bytes();
    let n = bytes.len();
    if n == 0 {
        return out;
    }
    let last = bytes[n - 1];
    let vowel = |c: u8| matches!(c, b'A' | b'E' | b'I' | b'O' | b'U');
    if last == b'Y' && n > 1 && !vowel(bytes[n - 2]) {
        let stem = &b[..n - 1];
        out.push(format!("{stem}IES"));
        out.push(format!("{stem}IED"));
        out.push(format!("{b}ING"));
    } else if last == b'E' {
        out.push(format!("{b}S"));
        out.push(format!("{b}D"));
        let stem = if b.ends_with("EE") || b.ends_with("YE") || b.ends_with("OE") { &b[..] } else { &b[..n - 1] };
        out.push(format!("{stem}ING"));
    } else {
        if b.ends_with('S') || b.ends_with('X') || b.ends_with('Z') || b.ends_with("CH") || b.ends_with("SH") {
            out.push(format!("{b}ES"));
        } else {
            out.push(format!("{b}S"));
        }
        out.push(format!("{b}ED"));
        out.push(format!("{b}ING"));
        // Consonant-vowel-consonant endings: STOP → STOPPED, STOPPING.
        if n >= 3 && !vowel(last) && !matches!(last, b'W' | b'X' | b'Y') && vowel(bytes[n - 2]) && !vowel(bytes[n - 3]) {
            let c = last as char;
            out.push(format!("{b}{c}ED"));
            out.push(format!("{b}{c}ING"));
        }
    }
    out
}

/// Shares a compiled dictionary between threads.
pub type SharedDictionary = Arc<Dictionary>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        let t: &[(&str, &[&str])] = &[
            ("ATTACK", &["ATTACKS", "ATTACKED", "ATTACKING"]),
            ("ACCUSE", &["ACCUSES", "ACCUSED", "ACCUSING"]),
            ("DENY", &["DENIES", "DENIED", "DENYING"]),
            ("STOP", &["STOPS", "STOPPED", "STOPPING"]),
            ("PUSH", &["PUSHES", "PUSHED", "PUSHING"]),
            ("AGREE", &["AGREES", "AGREED", "AGREEING"]),
        ];
        for (base, want) in t {
            let got = inflections(base);
            for w in *want {
                assert!(got.iter().any(|g| g == w), "{base}: {w} not in {got:?}");
            }
        }
    }

    #[test]
    fn lexicon_matches_exact_and_stems() {
        let mut lx = Lexicon::default();
        let a = lx.intern(&Word { text: "IRAQ".into(), exact: true });
        let b = lx.intern(&Word { text: "ARGENTIN".into(), exact: false });
        let mut v = Vec::new();
        lx.lookup("IRAQ", &mut v);
        assert_eq!(v, vec![a]);
        v.clear();
        lx.lookup("IRAQI", &mut v);
        assert!(v.is_empty());
        lx.lookup("ARGENTINA", &mut v);
        assert_eq!(v, vec![b]);
    }

    #[test]
    fn treebank_contractions_join() {
        let set = crate::dict::petrarch::parse_verbs(
            "<SYNSETS>\n&NEG\n+DID N'T\n+WILL NOT\n</SYNSETS>\n--- CLASH [223] ---\nCLASH\n- &NEG * OVER [904]\n",
            "t",
        );
        let d = Dictionary::compile(&set);
        let member = &d.synsets[0].1[0];
        assert_eq!(member.len(), 1);
        assert!(matches!(member[0].elem, CElem::Word(l) if d.lexicon.text(l) == "DIDN'T"));
        assert_eq!(merge_contractions(&[Word { text: "WO".into(), exact: false }, Word { text: "N'T".into(), exact: true }])[0].text, "WON'T");
    }

    #[test]
    fn gapped_trie_skips_words() {
        let mut t = PhraseTrie::default();
        // DURTHANG ORC: ORC may come after other words; A_B: B must follow A.
        t.insert_gapped(&[LexId(1), LexId(2)], &[true], 10);
        t.insert_gapped(&[LexId(3), LexId(4)], &[false], 20);
        assert!(t.has_gaps());
        let toks: Vec<Vec<LexId>> = vec![vec![LexId(1)], vec![LexId(9)], vec![LexId(9)], vec![LexId(2)], vec![LexId(3)], vec![LexId(9)], vec![LexId(4)]];
        let lex = |i: usize| toks[i].as_slice();
        let mut path = Vec::new();
        let mut got = Vec::new();
        t.matches_at_gapped(0, toks.len(), &lex, &|_| true, usize::MAX, &mut path, &mut |p, v| got.push((p.to_vec(), v)));
        assert_eq!(got, vec![(vec![0, 3], 10)]);
        got.clear();
        t.matches_at_gapped(0, toks.len(), &lex, &|_| true, 1, &mut path, &mut |p, v| got.push((p.to_vec(), v)));
        assert!(got.is_empty(), "gap too long");
        t.matches_at_gapped(4, toks.len(), &lex, &|_| true, usize::MAX, &mut path, &mut |p, v| got.push((p.to_vec(), v)));
        assert!(got.is_empty(), "joined words must be adjacent");
    }

    #[test]
    fn trie_finds_all_phrases_at_a_position() {
        let mut t = PhraseTrie::default();
        t.insert(&[LexId(1)], 10);
        t.insert(&[LexId(1), LexId(2)], 20);
        t.insert(&[LexId(3)], 30);
        let toks: Vec<Vec<LexId>> = vec![vec![LexId(1)], vec![LexId(2), LexId(5)]];
        let lex = |i: usize| toks[i].as_slice();
        let mut got = Vec::new();
        t.matches_at(0, 2, &lex, &mut |end, v| got.push((end, v)));
        assert_eq!(got, vec![(1, 10), (2, 20)]);
    }
}
