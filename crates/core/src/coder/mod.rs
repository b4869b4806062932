//! The coder: match actors, agents and verb patterns in a sentence's tokens; code events.
//!
//! Per sentence: tokenize → look up lexemes → screening (length, discard phrases, time
//! markers) → actor/agent mentions → units and compound groups → comma-clause removal →
//! pronouns → verbs → clauses → patterns (longest match) → source/target searches →
//! events (subordinate and dominant codes, one per clause).
//! A [`Coder`] borrows a compiled [`Dictionary`] and keeps scratch buffers and a
//! token-lexeme cache of its own, so use one coder per thread. The conventions that
//! differ between TABARI and the PETRARCHs are [`CoderOptions`].

pub mod actor;
pub mod article;
mod chunk;
pub mod options;
pub mod pattern;
pub mod refer;

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::dict::compile::{CPattern, Dictionary, LexId};
use crate::dict::{CodeSpec, TimeShift};
use crate::token::{tokenize_into, Token, TokenKind};

pub use actor::Unit;
pub use refer::Referent;
pub use options::{CodeBy, CoderOptions, CommaLimits, DefaultActor};
use actor::{build_units, find_mentions, resolve_pronouns, AgentRules, Mention};
pub use actor::{ActorGap, PronounRule};
use pattern::{Captures, Matcher};

/// What the coder knows about a sentence beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceContext<'a> {
    pub date: Option<Date>,
    /// Country that bare agents ("police") attach to: the article's, where known.
    pub default_country: Option<&'a str>,
    /// The speaker's actor code when the sentence is (part of) a quotation: "we" and
    /// "I" in it are the speaker.
    pub speaker: Option<&'a str>,
    /// The actor a pronoun with no referent in the sentence stands for: the first actor of
    /// the story's previous sentence ([`Coder::antecedent`]), where the caller forwards it.
    pub antecedent: Option<&'a str>,
    /// The article's events so far, where the caller forwards them: whose deed "the
    /// attack" or "the decision" after a verb is.
    pub earlier: &'a [crate::event::Event],
    /// The persons named earlier in the article, most recent last: what "the minister",
    /// "the Iranian president" ([`refer`], with [`CoderOptions::role_nouns`]) and a
    /// surname alone ("Saied" after "President Kais Saied") stand for, where the caller
    /// carries them.
    pub referents: &'a [Referent],
    /// The country of the place the sentence names, as the article coder resolves it
    /// with the gazetteer and the article's context: agents "in" that place take it.
    pub place_country: Option<&'a str>,
    /// The sentence is a headline, whose participles stand without their auxiliary: "US
    /// official murdered in Baghdad" is passive.
    pub headline: bool,
}

/// An event found in one sentence, with byte spans into the sentence text.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    pub source: String,
    pub target: String,
    pub code: String,
    pub source_span: Option<[usize; 2]>,
    pub target_span: Option<[usize; 2]>,
    pub verb_span: [usize; 2],
    /// `file:line` and text of the pattern (or verb line) that produced the event.
    pub pattern: String,
    pub issues: Vec<String>,
}

/// One verb occurrence found in a sentence.
#[derive(Debug, Clone, Copy)]
struct VerbHit {
    start: usize,
    end: usize,
    form: u32,
}

pub struct Coder<'d> {
    dict: &'d Dictionary,
    opts: CoderOptions,
    cache: FxHashMap<Box<str>, (u32, u32)>,
    pool: Vec<LexId>,
    toks: Vec<Token>,
    tok_lex: Vec<(u32, u32)>,
    mentions: Vec<Mention>,
    units: Vec<Unit>,
    /// Scratch for gapped phrase matches.
    path: Vec<usize>,
    /// Tokens taken by the far words of gapped actor phrases.
    claimed: Vec<bool>,
    /// Part-of-speech flags per token (`POS_*`).
    pos: Vec<u8>,
    /// Determiners and adjectives, which may stand inside compound actors (`MOD_*`).
    modifier: Vec<u8>,
    /// Tokens that start a dictionary verb (computed where agents may take modifiers).
    verbish: Vec<bool>,
    /// `lex_stamp[lexeme] == stamp`: the lexeme occurs in the current sentence.
    lex_stamp: Vec<u32>,
    stamp: u32,
    /// The last sentence coded held a story discard phrase (PETRARCH `+` line): its
    /// article codes nothing.
    story_discard: bool,
}

const POS_NOUN: u8 = 1;
const POS_ADJ: u8 = 2;
const POS_DET: u8 = 4;

pub(crate) use actor::{MOD_ADJ, MOD_CLAUSE, MOD_DET, MOD_POSSESSIVE, MOD_WORD};
const CONJUNCTIONS: &[&str] = &["AND", "OR", "NOR", "BUT"];
/// Modal auxiliaries: TreeBank tags them MD, never a verb.
const MODALS: &[&str] = &["SHOULD", "WOULD", "COULD", "MAY", "MIGHT", "MUST", "WILL", "CAN", "SHALL", "OUGHT"];

const CACHE_LIMIT: usize = 1 << 20;
/// Tokens coded per sentence at most.
pub const MAX_TOKENS: usize = 1000;

const NEGATIONS: &[&str] = &["NOT", "NEVER", "N'T", "NO", "DIDN'T", "DOESN'T", "DON'T", "WON'T", "CAN'T", "CANNOT", "WOULDN'T", "HASN'T", "HAVEN'T", "ISN'T", "WASN'T", "WEREN'T", "REFUSED", "DECLINED"];
const BE: &[&str] = &["IS", "WAS", "WERE", "ARE", "BEEN", "BE", "BEING", "GOT", "GET", "GETS"];
const DETERMINERS: &[&str] = &["THE", "A", "AN"];

/// Words after which a verb form is a noun: determiners and quantifiers ("the restore",
/// "any attack on our forces"). Not "no" ("show no sign" is TABARI's pattern of SIGN) nor
/// possessive pronouns ("his visit" is a verb in TABARI's patterns).
const NOUN_MARKERS: &[&str] =
    &["THE", "A", "AN", "ANY", "EVERY", "EACH", "THIS", "THESE"];

impl<'d> Coder<'d> {
    pub fn new(dict: &'d Dictionary) -> Self {
        Coder::with_options(dict, CoderOptions::default())
    }

    pub fn with_options(dict: &'d Dictionary, opts: CoderOptions) -> Self {
        Coder {
            dict,
            opts,
            cache: FxHashMap::default(),
            pool: Vec::new(),
            toks: Vec::new(),
            tok_lex: Vec::new(),
            mentions: Vec::new(),
            units: Vec::new(),
            path: Vec::new(),
            claimed: Vec::new(),
            pos: Vec::new(),
            modifier: Vec::new(),
            lex_stamp: Vec::new(),
            stamp: 0,
            verbish: Vec::new(),
            story_discard: false,
        }
    }

    pub fn options(&self) -> &CoderOptions {
        &self.opts
    }

    /// The first actor (its own code, without roles) named in the last sentence coded, not
    /// counting pronouns: what a pronoun in the story's next sentence may refer to.
    pub fn antecedent(&self) -> Option<&str> {
        self.units.iter().find(|u| !u.pronoun && !u.base.is_empty()).map(|u| u.base.as_str())
    }

    /// Whether the last sentence coded held a story discard phrase: its article codes
    /// nothing.
    pub fn story_discarded(&self) -> bool {
        self.story_discard
    }

    /// The options, to change between sentences (TABARI validation `OPTION:` records).
    pub fn options_mut(&mut self) -> &mut CoderOptions {
        &mut self.opts
    }

    /// Codes one sentence. Never fails: no match means no event.
    pub fn code_sentence(&mut self, text: &str, ctx: &SentenceContext) -> Vec<CodedEvent> {
        self.run(text, ctx, None)
    }

    /// Codes one sentence and describes every step, for `herald explain`.
    pub fn explain(&mut self, text: &str, ctx: &SentenceContext) -> (Vec<CodedEvent>, Vec<String>) {
        let mut trace = Vec::new();
        let ev = self.run(text, ctx, Some(&mut trace));
        (ev, trace)
    }

    fn lookup_tokens(&mut self) {
        self.tok_lex.clear();
        if self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
            self.pool.clear();
        }
        for t in &self.toks {
            let r = match self.cache.get(t.norm.as_str()) {
                Some(&r) => r,
                None => {
                    let s = self.pool.len() as u32;
                    self.dict.lexicon.lookup(&t.norm, &mut self.pool);
                    let r = (s, self.pool.len() as u32);
                    self.cache.insert(t.norm.as_str().into(), r);
                    r
                }
            };
            self.tok_lex.push(r);
        }
    }

    /// Removes comma-delimited nonrestrictive clauses whose length lies within `limits`
    /// (TABARI 7.8, 8.6) from the tokens and units; returns the byte ranges removed.
    /// Commas inside compound actor lists ("Mordor, Rohan and Bree") delimit nothing.
    /// Phrases are chained: after a removed phrase the next one starts at a new comma.
    fn remove_comma_clauses(&mut self, limits: &CommaLimits) -> Vec<(usize, usize)> {
        let toks = &self.toks;
        let units = &self.units;
        // Commas between members of one compound group, inside a unit, or between two
        // modifiers are not delimiters.
        let commas: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].kind == TokenKind::Comma && !lists_modifiers(&self.modifier, i))
            .filter(|&i| {
                let inside = units.iter().any(|u| u.start < i && i < u.end);
                let joins = units.iter().enumerate().any(|(k, a)| {
                    a.end <= i && units[k + 1..].iter().any(|b| b.start > i && b.group == a.group)
                });
                !inside && !joins
            })
            .collect();
        if commas.is_empty() {
            return Vec::new();
        }
        let end = toks.iter().rposition(|t| t.kind != TokenKind::End).map_or(0, |e| e + 1);
        let words = |a: usize, b: usize| -> usize {
            toks[a..b]
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number | TokenKind::Other | TokenKind::Quote))
                .map(|t| 1 + t.norm.matches('-').count())
                .sum()
        };
        let within = |n: usize, lo: usize, hi: usize| n > lo && n <= hi;
        let mut drop = vec![false; toks.len()];
        // The phrase before the first comma.
        if within(words(0, commas[0]), limits.bmin, limits.bmax) {
            drop[..=commas[0]].iter_mut().for_each(|d| *d = true);
        }
        let mut k = 0;
        while k < commas.len() {
            let c = commas[k];
            match commas.get(k + 1) {
                Some(&d) => {
                    if within(words(c + 1, d), limits.min, limits.max) {
                        drop[c..=d].iter_mut().for_each(|x| *x = true);
                        // A removed phrase takes both its commas.
                        k += 2;
                    } else {
                        k += 1;
                    }
                }
                None => {
                    if within(words(c + 1, end), limits.emin, limits.emax) {
                        drop[c..end].iter_mut().for_each(|x| *x = true);
                    }
                    k += 1;
                }
            }
        }
        if !drop.iter().any(|&d| d) {
            return Vec::new();
        }
        let mut removed: Vec<(usize, usize)> = Vec::new();
        for (i, t) in toks.iter().enumerate().filter(|&(i, _)| drop[i]) {
            match removed.last_mut() {
                Some(r) if i > 0 && drop[i - 1] => r.1 = t.end,
                _ => removed.push((t.start, t.end)),
            }
        }
        // New index of each kept token; units lose dropped tokens (or vanish).
        let mut new_at = Vec::with_capacity(toks.len() + 1);
        let mut k = 0;
        for &d in &drop {
            new_at.push(k);
            if !d {
                k += 1;
            }
        }
        new_at.push(k);
        let claimed = &self.claimed;
        self.units.retain_mut(|u| {
            let Some(first) = (u.start..u.end).find(|&i| !drop[i]) else { return false };
            // A gapped phrase whose far words were removed no longer matches.
            if (u.end..u.far).any(|i| claimed[i] && drop[i]) {
                return false;
            }
            let last = (u.start..u.end).rev().find(|&i| !drop[i]).unwrap_or(first);
            u.start = new_at[first];
            u.end = new_at[last] + 1;
            u.far = new_at[u.far.min(drop.len())].max(u.end);
            true
        });
        let keep: Vec<bool> = drop.iter().map(|d| !d).collect();
        retain_flags(&mut self.toks, &keep);
        retain_flags(&mut self.tok_lex, &keep);
        retain_flags(&mut self.claimed, &keep);
        retain_flags(&mut self.pos, &keep);
        retain_flags(&mut self.modifier, &keep);
        removed
    }

    /// Tokens, lexemes, screening (length, time markers, discards, special actor codes),
    /// issues, actor units and comma-clause removal. `None` when the sentence codes nothing.
    fn prepare(&mut self, text: &str, ctx: &SentenceContext, trace: &mut Option<&mut Vec<String>>) -> Option<Vec<String>> {
        let mut toks = std::mem::take(&mut self.toks);
        tokenize_into(text, &mut toks);
        // Sentences come bounded from the splitter; a direct caller's run-on text is cut.
        toks.truncate(MAX_TOKENS);
        if self.opts.split_hyphens && toks.iter().any(|t| t.norm.contains('-') && t.kind == TokenKind::Word) {
            split_hyphens(&mut toks);
        }
        self.toks = toks;
        self.lookup_tokens();
        self.story_discard = false;
        let dict = self.dict;
        {
            let pool = &self.pool;
            let tok_lex = &self.tok_lex;
            let lex = |i: usize| token_lexemes(pool, tok_lex, i);
            let toks = &self.toks;
            let n = toks.len();
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(format!("tokens: {}", toks.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")));
            }
            if self.opts.min_words > 0 {
                // TABARI counts words as written: a possessive belongs to its word, a comma
                // is a word, the final stop is not.
                let words = toks.iter().filter(|t| !matches!(t.kind, TokenKind::End | TokenKind::Possessive)).count();
                if words < self.opts.min_words {
                    if let Some(tr) = trace.as_deref_mut() {
                        tr.push(format!("too short: {words} words, fewer than {}", self.opts.min_words));
                    }
                    return None;
                }
            }
            // Time phrases marked `[###]` or `[+++]` discard the sentence (TABARI time shifting).
            if self.opts.time_shift && !dict.time_trie.is_empty() {
                for i in 0..n {
                    let mut hit = false;
                    dict.time_trie.matches_at(i, n, &lex, &mut |_, v| {
                        hit |= matches!(&dict.times[v as usize], TimeShift::Marker(m) if m == "###" || m == "+++");
                    });
                    if hit {
                        if let Some(tr) = trace.as_deref_mut() {
                            tr.push(format!("discarded: time phrase at token {i} has a discard or complex code"));
                        }
                        return None;
                    }
                }
            }
            // Discards: a sentence with a discard phrase codes nothing; a story discard
            // (PETRARCH `+` line) also tells the article coder to drop the whole article.
            let mut first: Option<(usize, u32)> = None;
            for i in 0..n {
                dict.discard_trie.matches_at(i, n, &lex, &mut |_, v| {
                    let story = |v: u32| dict.discards[v as usize].story;
                    if first.is_none_or(|(_, f)| story(v) && !story(f)) {
                        first = Some((i, v));
                    }
                });
            }
            if let Some((i, v)) = first {
                let d = &dict.discards[v as usize];
                if let Some(tr) = trace.as_deref_mut() {
                    let what = if d.story { "story discard (the whole article codes nothing)" } else { "discarded" };
                    tr.push(format!("{what}: phrase at token {i} ({})", d.loc));
                }
                self.story_discard = d.story;
                return None;
            }
            find_mentions(dict, toks, &lex, self.opts.actor_gap, &mut self.path, &mut self.claimed, &mut self.mentions);
            // Parts of speech from TABARI's <NOUN> and <ADJECTIVE> lists; determiners.
            self.pos.clear();
            self.pos.extend(toks.iter().map(|t| if DETERMINERS.contains(&t.norm.as_str()) { POS_DET } else { 0 }));
            for (trie, tag) in [(&dict.noun_trie, POS_NOUN), (&dict.adjective_trie, POS_ADJ)] {
                if trie.is_empty() {
                    continue;
                }
                for i in 0..n {
                    let mut end = i;
                    trie.matches_at(i, n, &lex, &mut |e, _| end = end.max(e));
                    self.pos[i..end].iter_mut().for_each(|p| *p |= tag);
                }
            }
            self.modifier.clear();
            self.modifier.extend(self.pos.iter().map(|&p| {
                if p & POS_ADJ != 0 {
                    MOD_ADJ
                } else if p & POS_DET != 0 {
                    MOD_DET
                } else {
                    0
                }
            }));
            if self.opts.possessive_compounds {
                for (i, t) in toks.iter().enumerate() {
                    if t.kind == TokenKind::Possessive {
                        self.modifier[i] |= MOD_POSSESSIVE;
                    }
                }
            }
            // Words that start a dictionary verb cannot stand between an actor and its agent.
            self.verbish.clear();
            if self.opts.agent_modifiers > 0 {
                self.verbish.extend((0..n).map(|i| {
                    let mut verb = false;
                    if toks[i].kind == TokenKind::Word {
                        dict.verb_trie.matches_at(i, n, &lex, &mut |_, _| verb = true);
                    }
                    verb
                }));
            }
            // ", and" between a verb and another verb starts a clause, not a list's last
            // member: "arrested four suspects, and President Putin accused Ukraine".
            if self.opts.coordinated_subject && !self.verbish.is_empty() {
                let verbish = &self.verbish;
                let first_verb = verbish.iter().position(|&v| v).unwrap_or(n);
                for i in first_verb + 1..n.saturating_sub(2) {
                    if toks[i].kind == TokenKind::Comma
                        && toks[i + 1].norm == "AND"
                        && verbish[i + 2..(i + 8).min(n)].iter().any(|&v| v)
                    {
                        self.modifier[i] |= MOD_CLAUSE;
                    }
                }
            }
            // Without an adjective list (PETRARCH), any plain word that is neither a verb
            // nor part of an actor may modify a compound member ("and good Gondor").
            if self.opts.loose_modifiers {
                let mut in_mention = vec![false; n];
                for m in &self.mentions {
                    in_mention[m.start..m.far.min(n)].iter_mut().for_each(|x| *x = true);
                }
                for i in 0..n {
                    let t = &toks[i];
                    if self.modifier[i] != 0 || in_mention[i] || t.kind != TokenKind::Word || CONJUNCTIONS.contains(&t.norm.as_str()) {
                        continue;
                    }
                    let verb = match self.verbish.get(i) {
                        Some(&v) => v,
                        None => {
                            let mut verb = false;
                            dict.verb_trie.matches_at(i, n, &lex, &mut |_, _| verb = true);
                            verb
                        }
                    };
                    if !verb {
                        self.modifier[i] = MOD_WORD;
                    }
                }
            }
        }
        build_units(
            dict,
            &self.toks,
            &self.mentions,
            ctx.date,
            ctx.default_country,
            AgentRules {
                modifiers: self.opts.agent_modifiers,
                convert: self.opts.convert_agents,
                placeholder: self.opts.agent_placeholder.as_deref(),
                distribute: self.opts.distribute_agents,
                nearest_country: self.opts.agents_take_nearest_country,
                verbish: &self.verbish,
                one_conjunction: self.opts.one_conjunction,
                place_country: ctx.place_country,
            },
            &self.modifier,
            &mut self.units,
        );
        // TABARI special codes on actors: `###` discards the sentence, `+++` marks it as
        // too complex to code (manual 6.3, 6.4).
        if let Some(u) = self.units.iter().find(|u| self.opts.special_codes && (u.code == "###" || u.code == "+++")) {
            if let Some(tr) = trace.as_deref_mut() {
                let what = if u.code == "###" { "discarded" } else { "complex" };
                tr.push(format!("{what}: actor {} has the code {}", span_text(text, &self.toks, u.start, u.end), u.code));
            }
            return None;
        }
        if let Some(limits) = self.opts.comma {
            let removed = self.remove_comma_clauses(&limits);
            if let Some(tr) = trace.as_deref_mut() {
                for (a, b) in removed {
                    tr.push(format!("comma-delimited clause removed: {}", &text[a..b]));
                }
            }
        }
        resolve_pronouns(
            &self.toks,
            &self.modifier,
            self.opts.one_conjunction,
            self.opts.pronouns,
            ctx.antecedent,
            ctx.speaker,
            &mut self.units,
        );
        if self.opts.role_nouns {
            refer::resolve_role_nouns(dict, &self.toks, &self.mentions, &self.modifier, ctx.referents, &mut self.units);
        }
        if !ctx.referents.is_empty() {
            refer::resolve_surnames(text, &self.toks, ctx.referents, &mut self.units);
            if self.opts.role_nouns {
                refer::resolve_organisations(text, &self.toks, ctx.referents, &mut self.units);
            }
        }
        if self.opts.agents_take_nearest_country && self.opts.agent_placeholder.is_none() {
            // Bare agents that no role noun resolved stay without an actor.
            self.units.retain(|u| !u.code.starts_with(actor::UNKNOWN));
        }
        refer::speaker_references(text, &self.toks, &self.mentions, ctx.speaker, &mut self.units);
        if self.opts.new_actor_length > 0 || self.opts.phrase_compounds {
            self.noun_phrase_actors();
        }
        let mut issues: Vec<String> = Vec::new();
        if !dict.issue_trie.is_empty() {
            let (pool, tok_lex) = (&self.pool, &self.tok_lex);
            let lex = |i: usize| token_lexemes(pool, tok_lex, i);
            let n = self.toks.len();
            // Exclusion phrases (`~`, `~~`) cover their tokens: an issue phrase inside one
            // ("union" in "European Union") does not tag the sentence.
            let mut hits: Vec<(usize, usize, u32)> = Vec::new();
            for i in 0..n {
                dict.issue_trie.matches_at(i, n, &lex, &mut |end, v| hits.push((i, end, v)));
            }
            let excluded = |a: usize, b: usize| {
                hits.iter().any(|&(s, e, v)| dict.issues[v as usize].0.starts_with('~') && s <= a && b <= e)
            };
            for &(a, b, v) in &hits {
                let c = &dict.issues[v as usize].0;
                if !c.starts_with('~') && !excluded(a, b) && !issues.contains(c) {
                    issues.push(c.clone());
                }
            }
        }
        Some(issues)
    }

    /// PETRARCH's noun phrases: those that name no actor become actors (`new_actor_length`),
    /// those joined by a conjunction form compounds (`phrase_compounds`).
    fn noun_phrase_actors(&mut self) {
        let (dict, toks, pool, tok_lex) = (self.dict, &self.toks, &self.pool, &self.tok_lex);
        let n = toks.len();
        let verbish = &self.verbish;
        let is_verb = |i: usize| match verbish.get(i) {
            Some(&v) => v,
            None => {
                let mut verb = false;
                dict.verb_trie.matches_at(i, n, &|k| token_lexemes(pool, tok_lex, k), &mut |_, _| verb = true);
                verb
            }
        };
        if self.opts.new_actor_length > 0 {
            chunk::add_new_actors(toks, &self.modifier, self.opts.one_conjunction, &is_verb, self.opts.new_actor_length, &mut self.units);
        }
        if self.opts.phrase_compounds {
            chunk::join_phrase_compounds(toks, &is_verb, &mut self.units);
        }
    }

    /// Where each token's noun phrase (naming no actor) ends, for `^` ([`chunk::phrase_ends`]):
    /// the verbs found end phrases; `in_unit` marks actors' tokens.
    fn phrase_ends(&self, verbs: &[VerbHit], in_unit: &[bool]) -> Vec<u32> {
        let is_verb = |i: usize| verbs.iter().any(|v| v.start == i);
        let n = self.toks.len();
        let covered: Vec<bool> = (0..n).map(|i| in_unit.get(i).copied().unwrap_or(false)).collect();
        chunk::phrase_ends(&self.toks, &is_verb, &covered)
    }

    fn run(&mut self, text: &str, ctx: &SentenceContext, mut trace: Option<&mut Vec<String>>) -> Vec<CodedEvent> {
        let Some(issues) = self.prepare(text, ctx, &mut trace) else { return Vec::new() };
        let dict = self.dict;
        let pool = &self.pool;
        let tok_lex = &self.tok_lex;
        let lex = |i: usize| token_lexemes(pool, tok_lex, i);
        let toks = &self.toks;
        let n = toks.len();
        let units = &self.units;
        if let Some(tr) = trace.as_deref_mut() {
            for u in units {
                tr.push(format!(
                    "actor: {} = {} (group {}, {})",
                    span_text(text, toks, u.start, u.end),
                    u.code,
                    u.group,
                    u.source
                ));
            }
            if units.is_empty() {
                tr.push("actors: none found".into());
            }
        }
        // Every event needs a source and a target: with fewer than two actors there is
        // nothing to code (each unit is a distinct actor or compound member).
        // (An earlier event of the article may be the target: "condemned the attack".)
        let defaults = self.opts.default_source.is_some()
            || self.opts.default_target.is_some()
            || (self.opts.event_references && !ctx.earlier.is_empty() && !units.is_empty());
        if self.opts.require_target && units.len() < 2 && !defaults {
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(format!("no event: {} actor(s) found, an event needs a source and a target", units.len()));
            }
            return Vec::new();
        }
        let mut in_unit = self.claimed.clone();
        let mut unit_start = vec![u32::MAX; n + 1];
        let mut unit_end = vec![u32::MAX; n + 1];
        for (k, u) in units.iter().enumerate() {
            in_unit[u.start..u.end].iter_mut().for_each(|x| *x = true);
            if unit_start[u.start] == u32::MAX {
                unit_start[u.start] = k as u32;
            }
            unit_end[u.end] = k as u32;
        }

        // Verbs: longest verb form at each position outside actor names.
        let mostly_caps = {
            let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
            let caps = toks
                .iter()
                .filter(|t| t.kind == TokenKind::Word && text[t.start..].starts_with(|c: char| c.is_uppercase()))
                .count();
            words > 0 && caps * 2 > words
        };
        let mut verbs: Vec<VerbHit> = Vec::new();
        let gapped_verbs = self.opts.actor_gap.max > 0 && dict.verb_trie.has_gaps();
        let mut i = 0;
        while i < n {
            if in_unit[i] {
                i += 1;
                continue;
            }
            // (words matched, end, form): most words, then the longest form.
            let mut best: Option<(usize, usize, u32)> = None;
            let mut consider = |words: usize, end: usize, v: u32| {
                let longer = |b: u32| dict.verb_forms[v as usize].letters > dict.verb_forms[b as usize].letters;
                if best.is_none_or(|(w, e, b)| words > w || (words == w && (end > e || (end == e && longer(b))))) {
                    best = Some((words, end, v));
                }
            };
            if gapped_verbs {
                // A verb phrase's words may lie apart within the clause ("death toll has risen").
                let skip = |p: usize| {
                    let t = &toks[p];
                    !matches!(t.kind, TokenKind::End | TokenKind::Comma) && !CONJUNCTIONS.contains(&t.norm.as_str())
                };
                dict.verb_trie.matches_at_gapped(i, n, &lex, &skip, usize::MAX, &mut self.path, &mut |p, v| {
                    consider(p.len(), p[p.len() - 1] + 1, v)
                });
            } else {
                dict.verb_trie.matches_at(i, n, &lex, &mut |end, v| consider(end - i, end, v));
            }
            let Some((_, end, form)) = best else {
                i += 1;
                continue;
            };
            let head = i + dict.verb_forms[form as usize].head as usize;
            // "the restore", "any attack", "donate's": a determiner before or a possessive
            // after makes the word a noun.
            let after_det = (i > 0 && NOUN_MARKERS.contains(&toks[i - 1].norm.as_str()))
                || toks.get(end).is_some_and(|t| t.kind == TokenKind::Possessive)
                || modified_after_determiner(toks, &self.pos, units, i);
            let adjective = participle_modifier(toks, &unit_start, i, end);
            let capital = self.opts.capitalized_nouns
                && !mostly_caps
                && head > 0
                && head < n
                && text[toks[head].start..].starts_with(|c: char| c.is_uppercase())
                && toks[head - 1].kind != TokenKind::Quote;
            let modal = self.opts.modals_not_verbs && MODALS.contains(&toks[head.min(n - 1)].norm.as_str());
            let noun = modal || self.pos.get(head).is_some_and(|&p| p & POS_NOUN != 0);
            if after_det || adjective || capital || noun || (end > i + 1 && in_unit[i..end].iter().any(|&x| x)) {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!(
                        "verb skipped: {} ({})",
                        span_text(text, toks, i, end),
                        if modal {
                            "a modal auxiliary"
                        } else if noun {
                            "listed as a noun"
                        } else if after_det {
                            "after a determiner, read as a noun"
                        } else if adjective {
                            "a participle between a preposition and an actor, read as its modifier"
                        } else {
                            "capitalised, read as a noun"
                        }
                    ));
                }
                i += 1;
                continue;
            }
            verbs.push(VerbHit { start: i, end, form });
            i = end;
        }
        if verbs.is_empty() {
            if let Some(tr) = trace.as_deref_mut() {
                tr.push("verbs: none found in the dictionary".into());
            }
        }

        // Which lexemes the sentence has, for the patterns' quick test.
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 || self.lex_stamp.len() < dict.lexicon.len() {
            self.lex_stamp.clear();
            self.lex_stamp.resize(dict.lexicon.len(), 0);
            self.stamp = 1;
        }
        for &(a, b) in tok_lex.iter() {
            for l in &pool[a as usize..b as usize] {
                self.lex_stamp[l.0 as usize] = self.stamp;
            }
        }
        let phrase_end = if self.opts.skip_phrases || self.opts.absent_target_needs_object {
            self.phrase_ends(&verbs, &in_unit)
        } else {
            Vec::new()
        };
        let clause = clauses(toks, units, &verbs, &self.pos, &self.modifier, self.opts.comma_clauses);
        let m = Matcher {
            dict,
            toks,
            tok_lex,
            pool,
            units,
            unit_start: &unit_start,
            unit_end: &unit_end,
            count_synsets: self.opts.count_synsets,
            phrase_end: if self.opts.skip_phrases { &phrase_end } else { &[] },
            clause: if self.opts.patterns_in_clause { &clause } else { &[] },
        };
        let mut consumed_to = 0usize;
        let mut events: Vec<CodedEvent> = Vec::new();
        // Per event: clause, subordinate (`023?`), dominant (`031!`).
        let mut meta: Vec<(u16, bool, bool)> = Vec::new();
        let mut done_clause: Option<u16> = None;
        let mut done_sentence = false;
        let mut first_source: Option<usize> = None;
        // Which tokens lie within quotation marks (none without marks).
        let in_quote = if toks.iter().any(|t| t.kind == TokenKind::Quote) {
            crate::quote::within_marks(text, toks, ctx.speaker.is_some())
        } else {
            Vec::new()
        };
        // The subject of the last verb, for verbs coordinated with "and".
        let mut last_source: Option<usize> = None;
        // The end of the last reporting verb (a subordinate code: "said"), whose reported
        // clause has a subject of its own.
        let mut reported_after: Option<usize> = None;
        let settings = self.opts.places_are_settings;
        for v in &verbs {
            if v.start < consumed_to {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!("verb {}: inside the previous verb's pattern", span_text(text, toks, v.start, v.end)));
                }
                continue;
            }
            // Once a clause (or the sentence) has its event, only dominant codes still count.
            let only_dominant = done_sentence || done_clause.is_some_and(|d| clause[v.start] <= d);
            let n_before = events.len();
            let form = &dict.verb_forms[v.form as usize];
            let block = &dict.blocks[form.block as usize];
            // The longest match wins: patterns come longest first, and once one matched,
            // only those that could match something longer are tried (TABARI 5.7.1).
            let mut best: Option<(&CPattern, Captures)> = None;
            // A verb listed in several blocks has the patterns of all of them; herald tries
            // each block's patterns in element order and keeps the first match.
            let longest = self.opts.longest_pattern;
            let blocks = std::iter::once(block).chain(form.also.iter().map(|&b| &dict.blocks[b as usize]));
            for b in blocks {
                let order = (0..b.patterns.len()).map(|k| if longest { k } else { b.by_elements[k] as usize });
                for p in order.map(|k| &b.patterns[k]) {
                    if best.as_ref().is_some_and(|c| !longest || p.max_len <= c.1.len) {
                        break;
                    }
                    if p.needs.iter().any(|l| self.lex_stamp[l.0 as usize] != self.stamp) {
                        continue;
                    }
                    let mut caps = Captures { lo: v.start, hi: v.end, ..Default::default() };
                    if m.fwd(&p.after, v.end, p.after_joined, &mut caps, 0).is_none() {
                        continue;
                    }
                    if m.bwd(&p.before, v.start, p.before_joined, &mut caps, 0).is_none() {
                        continue;
                    }
                    if best.as_ref().is_none_or(|c| caps.len > c.1.len) {
                        best = Some((p, caps));
                    }
                }
            }
            let chosen: Option<(CodeSpec, Captures, String)> =
                best.map(|(p, caps)| (p.code.clone(), caps, format!("{} {}", p.loc, p.text)));
            let (code, caps, pattern) = chosen.unwrap_or_else(|| {
                let code = form.code.clone().unwrap_or_else(|| block.code.clone());
                let caps = Captures { lo: v.start, hi: v.end, ..Default::default() };
                (code, caps, format!("{} {}", form.loc, form.text))
            });
            let vtext = span_text(text, toks, v.start, v.end);
            if caps.hi > v.end {
                consumed_to = caps.hi;
            }
            if code == CodeSpec::Null {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!("verb {vtext}: {pattern} has a null code [---]: no event"));
                }
                continue;
            }
            let (subordinate, dominant) = code_marks(&code);
            let reported_from = reported_after;
            if subordinate && matches!(&code, CodeSpec::One(c) if c.starts_with("01")) {
                reported_after = Some(caps.hi.max(v.end));
            }
            if only_dominant && !dominant {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!("verb {vtext}: {pattern}: its clause already has an event"));
                }
                continue;
            }
            if let CodeSpec::One(c) = &code {
                if self.opts.special_codes && (c == "###" || c == "+++") {
                    if let Some(tr) = trace.as_deref_mut() {
                        let what = if c == "###" { "discarded" } else { "complex" };
                        tr.push(format!("{what}: verb {vtext}: {pattern} has the code {c}"));
                    }
                    return Vec::new();
                }
            }
            let head = v.start + form.head as usize;
            // A negation the pattern itself matched ("- &NEGATVAUXVRB * …") is its business.
            if self.opts.negation && negated(toks, v.start.saturating_sub(3), v.start.min(caps.lo)) {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!("verb {vtext}: negated, no event"));
                }
                continue;
            }
            // "Will impose", "would send": the act is announced, not done.
            let code = match code {
                CodeSpec::One(c) if self.opts.modal_intent && announced_by_modal(toks, v.start) => {
                    let bare = c.trim_end_matches(['?', '!']);
                    CodeSpec::One(format!("{}{}", crate::codes::announced(bare), &c[bare.len()..]))
                }
                other => other,
            };
            // Source and target: captured by the pattern, else found by the default searches.
            let passive = self.opts.passive && caps.source.is_none() && caps.target.is_none() && is_passive(toks, v.start, head, v.end, &unit_start);
            // "Three soldiers were killed", "a journalist was arrested", "officers were
            // accused of plotting", "are reported to have been killed": the subject of a
            // passive with no BY suffered the act, and whoever did it is not named (herald).
            // Below threats (root 13) a participle before TO, IN, WITH, ABOUT or ON (but for
            // "to have", "to be") is an adjective: "is opposed to the plan", "is engaged in
            // talks" stay active.
            let agentless = self.opts.agentless_passive
                && !passive
                && caps.source.is_none()
                && caps.target.is_none()
                && matches!(&code, CodeSpec::One(c) if c.get(..2).and_then(|r| r.parse::<u8>().ok()).is_some_and(|r| {
                    r >= 13 || !(toks.get(v.end).is_some_and(|t| matches!(t.norm.as_str(), "TO" | "IN" | "WITH" | "ABOUT" | "ON"))
                        && !toks.get(v.end + 1).is_some_and(|t| matches!(t.norm.as_str(), "HAVE" | "BE")))
                }))
                && is_agentless_passive(toks, v.start, head, v.end, ctx.headline);
            let lo = caps.lo.min(v.start);
            let mut src: Option<Who> =
                caps.source.or(caps.compound.filter(|&u| self.opts.compound_both || units[u].start < v.end)).map(Who::Group);
            // `%`: a compound that is source and target (TABARI), or only the source (PETRARCH).
            let both = self.opts.compound_both;
            // PETRARCH: `%` after the verb is the target ("- * WITH %"), before it the source.
            let after = |u: usize| units[u].start >= v.end;
            // Who "the attack", "the decision" after the verb refers to: the source of the
            // sentence's last event by someone else, else of the article's last event.
            let reference = if self.opts.event_references {
                event_reference(toks, v.end).or_else(|| event_reference(toks, caps.hi.max(v.end)))
            } else {
                None
            };
            let mut happening: Vec<String> = Vec::new();
            let rehomed: String;
            let mut refers = false;
            let mut tgt: Option<Who> =
                caps.target.or(caps.compound.filter(|&u| both || after(u))).map(Who::Group);
            if passive || agentless {
                // The agent after BY: "by Gondor", "by an al Qaida ally".
                let agent = (v.end..n)
                    .find(|&k| passive && toks[k].norm == "BY")
                    .and_then(|by| agent_after_by(toks, &unit_start, by));
                if src.is_none() {
                    src = agent.map(|p| Who::Group(unit_start[p] as usize));
                }
                if tgt.is_none() {
                    tgt = nearest_before(units, v.start).map(Who::Group);
                }
            } else {
                let greedy = self.opts.greedy_actors;
                if src.is_none() {
                    let c = clause[v.start];
                    // An actor whose words the pattern used before the verb ("&AIRCRAFT *" on
                    // "Israeli warplanes struck") is the subject; else the clause's first actor.
                    let inside = units.iter().rposition(|u| u.end <= v.start && caps.overlaps_used(u.start, u.end));
                    // A place after "in"/"at" is a setting, never the subject ("met in
                    // Johannesburg and invited six countries").
                    // Nor is a country or city after "of" ("the port of Beirut"), unlike
                    // people ("thousands of demonstrators").
                    let place = |u: &Unit| {
                        settings
                            && (after_preposition(toks, u.start)
                                || (u.start > 0 && toks[u.start - 1].norm == "OF" && u.code.len() == 3 && u.country_from == actor::CountryFrom::Named))
                    };
                    // "Belarusian authorities forced a plane to land in Minsk and arrested a
                    // journalist": a verb right after "and" shares the previous verb's subject.
                    let shared = (self.opts.coordinated_subject && v.start > 0 && toks[v.start - 1].norm == "AND")
                        .then_some(last_source)
                        .flatten()
                        .filter(|&u| units[u].end <= v.start);
                    let carried = if self.opts.carry_source { carried_source(units, &unit_start, &clause, v.start, first_source) } else { None };
                    src = carried
                        .flatten()
                        .or(shared)
                        .or_else(|| inside.filter(|&u| clause[units[u].start] == c))
                        // "X said Y had warned Z": after a reporting verb, its clause's subject.
                        .or_else(|| {
                            let after = reported_from.filter(|_| self.opts.coordinated_subject)?;
                            units.iter().position(|u| u.start >= after && u.end <= lo && clause[u.start] == c && !place(u))
                        })
                        .or_else(|| units.iter().position(|u| u.end <= lo && clause[u.start] == c && !place(u)))
                        // Within the pattern's words: "- NEITHER * " on "Neither Iran nor Iraq …".
                        .or_else(|| {
                            if !self.opts.source_in_pattern {
                                return None;
                            }
                            let taken = caps.target.or(caps.compound).map(|t| units[t].group);
                            units.iter().position(|u| u.start >= lo && u.end <= v.start && clause[u.start] == c && Some(u.group) != taken)
                        })
                        .or(first_source)
                        .or_else(|| units.iter().rposition(|u| u.end <= lo && !place(u)))
                        .map(Who::Group);
                }
                last_source = src.and_then(|w| w.unit()).or(last_source);
                if src.is_none() {
                    src = match &self.opts.default_source {
                        Some(d) if d.eager => Some(Who::Default(&d.code)),
                        // TABARI is greedy: with no actor before the verb, the first after it.
                        _ if greedy => units.iter().position(|u| u.start >= v.end).map(Who::Unit),
                        _ => None,
                    };
                }
                if src.is_none() {
                    src = self.opts.default_source.as_ref().map(|d| Who::Default(&d.code));
                }
                if tgt.is_none() {
                    let s_members = src.map_or_else(Vec::new, |w| w.members(units));
                    let s_code = src.map(|w| w.code(units));
                    // A pronoun standing for a compound ("them") counts by its first member.
                    let head_code = |k: usize| {
                        let u = &units[k];
                        units.iter().find(|w| w.start == u.start && w.end == u.end).map_or(u.code.as_str(), |w| w.code.as_str())
                    };
                    let other = |k: usize| !s_members.contains(&k) && Some(head_code(k)) != s_code;
                    // The verb's clause, and any the pattern reached into ("launched a new
                    // bombing and shelling offensive against …").
                    let last_clause = clause[caps.hi.max(v.end).min(n) - 1];
                    let in_reach = |k: usize| {
                        !self.opts.target_in_clause || (clause[v.start]..=last_clause).contains(&clause[units[k].start])
                    };
                    // The first actor after the verb that is not one of the pattern's words.
                    // For a mutual act (talks, a deal) a place after "in"/"at" is where it
                    // happened, not the other party ("signed a deal in Istanbul"), and once
                    // that setting is named, later actors belong to other verbs; arriving in
                    // a capital is visiting it, though. Nor is a bare agent that borrowed a
                    // country the other party of a compound source.
                    let mutual_act = mutual(&code);
                    let visit = matches!(&code, CodeSpec::One(c) if c.starts_with("042") || c.starts_with("043"));
                    let setting = |k: usize| settings && mutual_act && !visit && located_at(toks, units[k].start);
                    let compound_src = self.opts.mutual_compounds && s_members.len() > 1;
                    // Words, cooperation and threats are done to others: a bare military,
                    // police or government agent that borrowed the source's own country is not
                    // their target ("Washington threatened sanctions on the generals").
                    let s_country = s_code.map(|c| c.get(..3).unwrap_or(c));
                    let own_borrowed = self.opts.foreign_targets
                        && matches!(&code, CodeSpec::One(c) if !["10", "11", "12", "14", "15", "17", "18", "19", "20"].iter().any(|r| c.starts_with(r)));
                    // The other party of a compound's mutual act is named right after the verb
                    // or with "with": in "Indonesia and Malaysia signed an agreement … to
                    // promote exports to Europe" the two act on each other.
                    let party_of = |k: usize| {
                        let s0 = units[k].start;
                        let before = if s0 > 0 && toks[s0 - 1].norm == "THE" { s0 - 1 } else { s0 };
                        before == v.end || before == caps.hi || (before > 0 && matches!(toks[before - 1].norm.as_str(), "WITH" | "BETWEEN"))
                    };
                    // "near the Finnish border", "off the Gaza coast": a place, not a party,
                    // except to a show of force ("massed troops near the Ukrainian border").
                    let posture = matches!(&code, CodeSpec::One(c) if c.starts_with("15"));
                    let landmark = |k: usize| {
                        settings
                            && !posture
                            && toks.get(units[k].end).is_some_and(|t| matches!(t.norm.as_str(), "BORDER" | "BORDERS" | "FRONTIER" | "COAST" | "COASTLINE"))
                    };
                    // A verb inside a quotation takes no target beyond its closing mark: what
                    // is said is not done to the people around the quote. (The speaker's own
                    // verb outside it may name whom the words are about.)
                    let quoted = in_quote.get(v.start).copied().unwrap_or(false);
                    let same_quote =
                        |k: usize| !quoted || !toks[v.end..units[k].start.max(v.end)].iter().any(|t| t.kind == TokenKind::Quote);
                    let candidate = |k: usize| {
                        !landmark(k)
                            && units[k].start >= v.end
                            && same_quote(k)
                            && other(k)
                            && in_reach(k)
                            && !caps.covered_by_used(units[k].start, units[k].end)
                            && !(mutual_act && compound_src && (units[k].borrowed() || !party_of(k)))
                            && !(own_borrowed
                                && units[k].borrowed()
                                && units[k].code.get(..3) == s_country
                                && matches!(units[k].code.get(3..6), Some("MIL" | "COP" | "GOV")))
                    };
                    let mut found = (0..units.len()).find(|&k| candidate(k)).filter(|&k| !setting(k));
                    // An actor of another country inside the pattern's words after the verb is
                    // the target too: "expelled the French ambassador"; coercion (root 17),
                    // mostly done at home, takes one of the same country ("suspended
                    // parliament").
                    if self.opts.inner_targets {
                        let coercion = matches!(&code, CodeSpec::One(c) if c.starts_with("17"));
                        let inner = |k: usize| {
                            let u = &units[k];
                            u.start >= v.end
                                && other(k)
                                && in_reach(k)
                                && caps.covered_by_used(u.start, u.end)
                                && (coercion || (!u.borrowed() && Some(u.code.get(..3).unwrap_or("")) != s_country))
                        };
                        let first_inner = (0..units.len()).find(|&k| inner(k));
                        found = match (found, first_inner) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        };
                    }
                    // A bare military or police agent that borrowed a country yields to a later
                    // actor of another country in the same stretch: in "Iran launched drones at
                    // Israel" the drones are Iran's, not the target.
                    if let Some(a) = found.filter(|&a| units[a].borrowed() && matches!(units[a].code.get(3..6), Some("MIL" | "COP"))) {
                        let ca = &units[a].code[..3];
                        let unbroken = |b: usize| {
                            toks[units[a].end..units[b].start.max(units[a].end)]
                                .iter()
                                .all(|t| !matches!(t.kind, TokenKind::Comma | TokenKind::Break | TokenKind::End))
                        };
                        if let Some(b) = (a + 1..units.len()).find(|&b| {
                            candidate(b) && !setting(b) && !units[b].borrowed() && unbroken(b) && units[b].code.get(..3) != Some(ca)
                        }) {
                            found = Some(b);
                        }
                    }
                    tgt = found.map(Who::Group);
                    // The source's own soldiers or government it borrowed cannot be the target
                    // of its threats and sanctions (see `own_borrowed`): they are the
                    // article's country's ("Washington threatened sanctions on the generals"
                    // in a Myanmar story).
                    let threat = matches!(&code, CodeSpec::One(c) if c.starts_with("13") || c.starts_with("16"));
                    if found.is_none() && own_borrowed && threat {
                        let home = ctx.default_country.filter(|c| Some(*c) != s_country);
                        let own = (0..units.len()).find(|&k| {
                            let u = &units[k];
                            u.start >= v.end && in_reach(k) && u.borrowed() && u.code.get(..3) == s_country
                        });
                        if let (Some(c), Some(k)) = (home, own) {
                            rehomed = format!("{c}{}", &units[k].code[3..]);
                            tgt = Some(Who::Default(&rehomed));
                        }
                    }
                    // "condemned the attack", "rejected the accusation": an event named
                    // after the verb, with no party of its own, is the deed of whoever did the
                    // last one.
                    // The lead event for a deed ("the attack", "the decision" mostly name the
                    // story's main event); the latest for an agreement, which is named right
                    // after it is reported.
                    happening = reference.map_or_else(Vec::new, |(_, _, roots)| {
                        let done: Vec<(&String, &String)> =
                            ctx.earlier.iter().map(|e| (&e.source, &e.code)).chain(events.iter().map(|e| (&e.source, &e.code))).collect();
                        let fits = |(src, code): &&(&String, &String)| {
                            Some(src.as_str()) != s_code && (roots.is_empty() || roots.iter().any(|r| code.starts_with(r)))
                        };
                        let chosen = if roots == COOPERATION || roots == AGREEMENTS { done.iter().rfind(fits) } else { done.iter().find(fits) };
                        // Everyone who did the same deed: "expelled … envoys" by three countries.
                        let mut who: Vec<String> = Vec::new();
                        for (src, code) in done.iter().filter(fits) {
                            if chosen.is_some_and(|c| c.1 == *code) && !who.contains(src) {
                                who.push(src.to_string());
                            }
                        }
                        who
                    });
                    if let (Some((start, end, _)), Some(h)) = (reference, happening.first()) {
                        // "the attack on Kyiv", "the decision by the court", "NATO's
                        // accusations" name their party.
                        let own_party = |k: usize| {
                            (units[k].start >= start && units[k].start < end && units[k].country_from == actor::CountryFrom::Named)
                                || units[k].start >= end
                                    && toks[end..units[k].start].iter().all(|t| {
                                        matches!(t.norm.as_str(), "ON" | "BY" | "AGAINST" | "OF" | "IN" | "AT" | "FROM" | "WITH" | "THE" | "A" | "AN")
                                    })
                        };
                        if found.is_none_or(|k| !own_party(k)) && Some(h.as_str()) != s_code {
                            tgt = Some(Who::Default(h));
                            refers = true;
                        }
                    }
                    if tgt.is_none() {
                        tgt = match &self.opts.default_target {
                            Some(d) if d.eager => Some(Who::Default(&d.code)),
                            // TABARI: else the nearest actor before the verb with another
                            // code, else a compound source against itself.
                            _ if greedy => (0..units.len())
                                .rev()
                                .find(|&k| units[k].end <= v.start && (clause[units[k].start] == clause[v.start] || clause[units[k].far.max(units[k].end) - 1] == clause[v.start]) && Some(head_code(k)) != s_code)
                                .map(Who::Unit)
                                .or_else(|| src.filter(|w| w.members(units).len() > 1)),
                            _ => None,
                        };
                    }
                    if tgt.is_none() {
                        tgt = self.opts.default_target.as_ref().map(|d| Who::Default(&d.code));
                    }
                }
            }
            // PETRARCH: a `%` compound with no other target codes a paired event on itself.
            if tgt.is_none() && !both && matches!(code, CodeSpec::Pair(..)) {
                tgt = caps.compound.map(Who::Group);
            }
            let s_list = src.map_or_else(Vec::new, |w| w.expand(units));
            let mut t_list = tgt.map_or_else(Vec::new, |w| w.expand(units));
            if refers && happening.len() > 1 {
                t_list = happening.iter().map(|h| Who::Default(h)).collect();
            }
            // Seizing or capturing a place (a target that names only a country: "Kabul",
            // "Damascus") is occupying territory, not taking property or people.
            let place_target = !t_list.is_empty()
                && t_list.iter().all(|w| {
                    w.unit().is_some_and(|k| {
                        let u = &units[k];
                        u.code.len() == 3 && u.country_from == actor::CountryFrom::Named && !u.person && !u.pronoun
                    })
                });
            let code = match code {
                CodeSpec::One(c) if self.opts.territory && place_target && ["171", "173"].contains(&c.as_str()) => CodeSpec::One("192".into()),
                other => other,
            };
            if let Some(tr) = trace.as_deref_mut() {
                let show = |l: &[Who]| l.iter().map(|w| w.code(units)).collect::<Vec<_>>().join("+");
                tr.push(format!(
                    "verb {vtext}: {pattern} → code {code:?}; source {}; target {}{}",
                    show(&s_list),
                    show(&t_list),
                    if passive {
                        " (passive)"
                    } else if agentless {
                        " (passive with no BY: the doer is not named)"
                    } else {
                        ""
                    }
                ));
            }
            let vspan = byte_span(toks, v.start, v.end);
            let c_here = clause[v.start];
            let absent = self.opts.absent_code.as_str();
            let object = !self.opts.absent_target_needs_object || object_follows(&phrase_end, &verbs, &clause, v, caps.hi);
            let mut emit = |s: Option<Who>, t: Option<Who>, code: &str| {
                let code = code.trim_end_matches(['?', '!']);
                let sc = s.map_or("", |w| w.code(units));
                let tc = t.map_or("", |w| w.code(units));
                if sc.is_empty() || (tc.is_empty() && (self.opts.require_target || !object)) || sc == tc {
                    return;
                }
                // A statement is not made to the speaker's own country ("Scholz said Berlin
                // would …").
                if self.opts.foreign_targets && code.starts_with("01") && tc.len() >= 3 && sc.get(..3) == tc.get(..3) {
                    return;
                }
                let tc = if tc.is_empty() { absent } else { tc };
                if events.iter().any(|e| e.source == sc && e.target == tc && e.code == code) {
                    return;
                }
                events.push(CodedEvent {
                    source: sc.to_string(),
                    target: tc.to_string(),
                    code: code.to_string(),
                    source_span: s.and_then(|w| w.span(units, toks)),
                    target_span: t.and_then(|w| w.span(units, toks)),
                    verb_span: vspan,
                    pattern: pattern.clone(),
                    issues: issues.clone(),
                });
                meta.push((c_here, subordinate, dominant));
            };
            let pairs: Vec<(Option<Who>, Option<Who>)> = if both && caps.compound.is_some() && caps.source.is_none() && caps.target.is_none() {
                // %: every member against every other member of the compound.
                let g = group_of(units, caps.compound);
                g.iter().flat_map(|&a| g.iter().filter(move |&&b| b != a).map(move |&b| (Some(Who::Unit(a)), Some(Who::Unit(b))))).collect()
            } else if self.opts.mutual_compounds && t_list.is_empty() && s_list.len() > 1 && (mutual(&code) || matches!(code, CodeSpec::Pair(..))) {
                // "Turkey and Greece agreed to resume talks": with no target, the members of a
                // compound source of a mutual act act on each other.
                let g = &s_list;
                g.iter().flat_map(|&a| g.iter().filter(move |&&b| b != a).map(move |&b| (Some(a), Some(b)))).collect()
            } else {
                let ss: Vec<Option<Who>> = if s_list.is_empty() { vec![None] } else { s_list.iter().map(|&u| Some(u)).collect() };
                let ts: Vec<Option<Who>> = if t_list.is_empty() { vec![None] } else { t_list.iter().map(|&u| Some(u)).collect() };
                ss.iter().flat_map(|&s| ts.iter().map(move |&t| (s, t))).collect()
            };
            for (s, t) in pairs {
                match &code {
                    CodeSpec::One(c) => emit(s, t, c),
                    CodeSpec::Pair(a, b) => {
                        emit(s, t, a);
                        emit(t, s, b);
                    }
                    CodeSpec::Null => {}
                }
            }
            // An agentless passive names what happened to its subject: the clause's act,
            // though it codes nothing ("three Iraqis were killed when a bomber attacked a
            // convoy" does not make the Iraqis attack).
            // A reduced relative ("a Briton held hostage in Iraq appealed …") leaves its
            // clause's own verb free.
            let relative = is_complement(toks, v.end) && !after_be(toks, v.start);
            let happened = agentless && tgt.is_some() && !relative;
            if events.len() > n_before || happened {
                if !happened {
                    first_source = first_source.or(src.and_then(|w| w.unit()));
                }
                if !subordinate {
                    match self.opts.code_by {
                        // A pattern reaching over a conjunction joins its clauses.
                        CodeBy::Clause => done_clause = Some(clause[caps.hi.max(v.end).min(n) - 1]),
                        CodeBy::Sentence => done_sentence = true,
                        CodeBy::All => {}
                    }
                }
            }
        }
        // Dominant events silence all others; a subordinate event stands only where no
        // other event was found (its clause, or the sentence outside CODE BY CLAUSE).
        if meta.iter().any(|m| m.2) {
            let keep: Vec<bool> = meta.iter().map(|m| m.2).collect();
            retain_flags(&mut events, &keep);
        } else if meta.iter().any(|m| m.1) {
            let by_clause = self.opts.code_by == CodeBy::Clause;
            let keep: Vec<bool> = meta
                .iter()
                .map(|m| !m.1 || !meta.iter().any(|o| !o.1 && (!by_clause || o.0 == m.0)))
                .collect();
            retain_flags(&mut events, &keep);
        }
        if let Some(tr) = trace {
            if events.is_empty() && !verbs.is_empty() {
                tr.push("no event: no verb had both a source and a target actor".into());
            }
        }
        events
    }
}

/// A source or target: an actor unit (with its compound group, or alone), or a default code.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who<'a> {
    /// The unit and the other members of its compound group.
    Group(usize),
    /// The unit alone.
    Unit(usize),
    Default(&'a str),
}

impl<'a> Who<'a> {
    fn unit(self) -> Option<usize> {
        match self {
            Who::Group(u) | Who::Unit(u) => Some(u),
            Who::Default(_) => None,
        }
    }

    fn code(self, units: &'a [Unit]) -> &'a str {
        match self {
            Who::Group(u) | Who::Unit(u) => &units[u].code,
            Who::Default(c) => c,
        }
    }

    fn members(self, units: &[Unit]) -> Vec<usize> {
        match self {
            Who::Group(u) => group_of(units, Some(u)),
            Who::Unit(u) => vec![u],
            Who::Default(_) => Vec::new(),
        }
    }

    /// The single actors this stands for.
    fn expand(self, units: &[Unit]) -> Vec<Who<'a>> {
        match self {
            Who::Default(_) => vec![self],
            _ => self.members(units).into_iter().map(Who::Unit).collect(),
        }
    }

    fn span(self, units: &[Unit], toks: &[Token]) -> Option<[usize; 2]> {
        self.unit().map(|u| byte_span(toks, units[u].start, units[u].end))
    }
}

/// TABARI reads a hyphen as a blank: `Al-Gore` is two words (manual 7.3).
fn split_hyphens(toks: &mut Vec<Token>) {
    let mut out = Vec::with_capacity(toks.len() + 4);
    for t in toks.drain(..) {
        if t.kind != TokenKind::Word || !t.norm.contains('-') {
            out.push(t);
            continue;
        }
        // The normalised form keeps the text's byte lengths for ASCII words only.
        if t.norm.len() != t.end - t.start {
            out.push(t);
            continue;
        }
        let mut at = t.start;
        for part in t.norm.split('-') {
            if !part.is_empty() {
                let kind = if part.starts_with(|c: char| c.is_ascii_digit()) { TokenKind::Number } else { TokenKind::Word };
                out.push(Token { start: at, end: at + part.len(), norm: part.to_string(), kind });
            }
            at += part.len() + 1;
        }
    }
    *toks = out;
}

/// Whether a code is subordinate (`023?`, coded only where nothing else is) or
/// dominant (`031!`, coded even after another event, silencing the others): TABARI 6.6.
/// TABARI 7.6: after a conjunction the source carries over from the clause before unless
/// an actor follows the conjunction ("… but Dagolath promised"; a word or two may come
/// between: "and pigs of Gondor warned"). `None`: the verb's clause is the sentence's
/// first, the ordinary search applies; `Some(None)`: nothing to carry.
fn carried_source(units: &[Unit], unit_start: &[u32], clause: &[u16], verb: usize, first_source: Option<usize>) -> Option<Option<usize>> {
    let c = clause[verb];
    if c == 0 {
        return None;
    }
    let first = clause.iter().position(|&k| k == c).unwrap_or(verb);
    let near = (first + 1..=first + 3).find_map(|p| unit_start.get(p).copied().filter(|&u| u != u32::MAX));
    match near {
        Some(u) if units[u as usize].end <= verb => Some(Some(u as usize)),
        _ => Some(first_source.or_else(|| units.iter().position(|u| u.end <= verb))),
    }
}

/// Whether a noun phrase naming no actor (`phrase_end`, [`chunk::phrase_ends`]) follows
/// verb `v` (or its pattern, to `hi`) in its clause before the next verb: the object an
/// event without a target actor codes as `---` in PETRARCH.
fn object_follows(phrase_end: &[u32], verbs: &[VerbHit], clause: &[u16], v: &VerbHit, hi: usize) -> bool {
    let from = hi.max(v.end);
    let to = verbs.iter().map(|w| w.start).filter(|&s| s >= from).min().unwrap_or(phrase_end.len());
    (from..to.min(phrase_end.len())).any(|p| phrase_end[p] != u32::MAX && clause.get(p) == clause.get(v.start))
}

fn code_marks(code: &CodeSpec) -> (bool, bool) {
    match code {
        CodeSpec::One(c) => (c.ends_with('?'), c.ends_with('!')),
        CodeSpec::Pair(a, b) => (a.ends_with('?') || b.ends_with('?'), a.ends_with('!') || b.ends_with('!')),
        CodeSpec::Null => (false, false),
    }
}

fn retain_flags<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut i = 0;
    v.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Clause index of every token: clauses break at `;` and at conjunctions that do not
/// join the members of a compound actor ("Iran and Iraq").
/// Whether the comma at token `i` lies between two modifiers and so lists them ("complete,
/// full ties"), delimiting no clause.
fn lists_modifiers(modifier: &[u8], i: usize) -> bool {
    let m = |k: usize| modifier.get(k).is_some_and(|&m| m & (MOD_ADJ | MOD_WORD) != 0);
    i > 0 && m(i - 1) && m(i + 1)
}

fn clauses(toks: &[Token], units: &[Unit], verbs: &[VerbHit], pos: &[u8], modifier: &[u8], commas: bool) -> Vec<u16> {
    let mut out = Vec::with_capacity(toks.len());
    let mut c = 0u16;
    let mut vi = 0;
    let mut next = 0; // first unit starting after the current token
    // "Describing Arafat as a giant, Mbeki said …", "After meeting Putin, Erdogan …": a
    // sentence that opens with a participle opens with a clause of its own, to its comma.
    let lead = match toks.first().map(|t| t.norm.as_str()) {
        Some("AFTER" | "BEFORE" | "WHILE" | "WHEN" | "SINCE") => 1,
        _ => 0,
    };
    let participial = toks.get(lead).is_some_and(|t| t.kind == TokenKind::Word && t.norm.len() > 4 && t.norm.ends_with("ING"));
    let opening_comma = if participial { toks.iter().position(|t| t.kind == TokenKind::Comma) } else { None };
    for (i, t) in toks.iter().enumerate() {
        if Some(i) == opening_comma {
            c = c.saturating_add(1);
        }
        while vi < verbs.len() && verbs[vi].end <= i {
            vi += 1;
        }
        while next < units.len() && units[next].start <= i {
            next += 1;
        }
        // A conjunction inside a verb phrase ("shot and wounded") joins no clauses.
        let in_verb = verbs.get(vi).is_some_and(|v| v.start <= i);
        // A quotation mark opens or closes a clause: the speaker's "said" outside a quote
        // does not take its subject from inside it.
        if t.kind == TokenKind::Quote {
            c = c.saturating_add(1);
        }
        let conj = matches!(t.norm.as_str(), "AND" | "BUT" | "OR" | "NOR" | "WHILE" | "WHEREAS" | "ALTHOUGH")
            || t.norm == ";"
            || (commas && t.kind == TokenKind::Comma && !lists_modifiers(modifier, i));
        // Nor inside a compound noun or adjective phrase (TABARI 7.5.1): "sheep and evil
        // goats", "awful and evil".
        let tag = |k: usize| pos.get(k).copied().unwrap_or(0);
        let mut after = i + 1;
        while tag(after) & POS_ADJ != 0 && tag(after) & POS_NOUN == 0 {
            after += 1;
        }
        let noun_phrase = i > 0 && tag(i - 1) & POS_NOUN != 0 && tag(after) & POS_NOUN != 0;
        let adj_phrase = i > 0 && tag(i - 1) & POS_ADJ != 0 && tag(i + 1) & POS_ADJ != 0;
        if conj && !in_verb && !noun_phrase && !adj_phrase {
            let before = units[..next].iter().rev().find(|u| u.end <= i);
            let joins_units = match (before, units.get(next)) {
                (Some(a), Some(b)) => a.group == b.group,
                _ => false,
            };
            if !joins_units {
                c = c.saturating_add(1);
            }
        }
        out.push(c);
    }
    out
}

/// "loyal to ousted President Aristide", "the release of detained journalists": a
/// participle between a preposition and an actor modifies the actor. ("to" + "-EED" is an
/// infinitive: "to proceed".)
fn participle_modifier(toks: &[Token], unit_start: &[u32], i: usize, end: usize) -> bool {
    const PREPOSITIONS: &[&str] = &["OF", "TO", "FOR", "WITH", "FROM", "AGAINST", "ON", "ABOUT", "AMONG", "BETWEEN"];
    let w = &toks[i].norm;
    let participle = end == i + 1 && (w.ends_with("ED") || w.ends_with("EN")) && !w.ends_with("EED");
    participle
        && i > 0
        && PREPOSITIONS.contains(&toks[i - 1].norm.as_str())
        && unit_start.get(end).is_some_and(|&u| u != u32::MAX)
}

/// "an anti-Gondor parade", "a US-backed strike", "a Gondor evil parade": a word after a
/// determiner and modifiers is a noun when at least one modifier is a hyphenated word, or
/// a listed adjective right before it, besides any actor's name. Without one a name may be
/// the subject ("the United States attacked", "the evil awful Gondor welcomed"), and an
/// agent ends the noun phrase ("the Gondor army attacked").
fn modified_after_determiner(toks: &[Token], pos: &[u8], units: &[Unit], i: usize) -> bool {
    let mut k = i;
    let mut modified = false;
    let mut past_actor = false;
    while k > 0 {
        if let Some(u) = units.iter().find(|u| u.start < k && k <= u.end) {
            if u.code != u.base {
                return false;
            }
            k = u.start;
            past_actor = true;
            continue;
        }
        let t = &toks[k - 1];
        let hyphenated = t.kind == TokenKind::Word && t.norm.len() > 1 && t.norm.contains('-');
        let adjective = !past_actor && pos.get(k - 1).is_some_and(|&p| p & POS_ADJ != 0);
        if !(hyphenated || adjective) {
            break;
        }
        modified = true;
        k -= 1;
    }
    modified && k > 0 && DETERMINERS.contains(&toks[k - 1].norm.as_str())
}

/// The lexemes of token `i`: its range in the coder's lexeme pool.
fn token_lexemes<'a>(pool: &'a [LexId], tok_lex: &[(u32, u32)], i: usize) -> &'a [LexId] {
    let (a, b) = tok_lex[i];
    &pool[a as usize..b as usize]
}

/// A negation among the tokens `lo..hi` (the three before a verb, short of its pattern).
fn negated(toks: &[Token], lo: usize, hi: usize) -> bool {
    toks[lo..hi.max(lo)].iter().any(|t| NEGATIONS.contains(&t.norm.as_str()) || t.norm.ends_with("N'T"))
}

/// "will impose", "would also send", "'ll meet": a future or conditional modal within
/// the two words before the verb.
fn announced_by_modal(toks: &[Token], start: usize) -> bool {
    toks[start.saturating_sub(2)..start].iter().any(|t| matches!(t.norm.as_str(), "WILL" | "WOULD" | "SHALL" | "'LL"))
}

/// Mutual acts (intent to cooperate, consultation, diplomatic and material cooperation:
/// roots 03 to 06; releasing prisoners, 0841; a truce, 0871), which a compound subject
/// does to its own members. Mediation (039, 045) is done to others, and so is yielding (035).
fn mutual(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::One(c) if ["03", "04", "05", "06", "0841", "0871"].iter().any(|r| c.starts_with(r))
        && !c.starts_with("035") && !c.starts_with("039") && !c.starts_with("045"))
}

/// Passive voice (TABARI 7.9): a participle after WAS, WERE, BEEN (…) within two words,
/// followed by BY (an adverb may come between): "was attacked by", "was opposed earlier by".
/// Without the auxiliary, a participle right before BY and an actor is passive too, as in
/// headlines and reduced clauses ("US hostage killed by Iraqi captors", "as demanded by
/// an al Qaida ally").
fn is_passive(toks: &[Token], start: usize, head: usize, end: usize, unit_start: &[u32]) -> bool {
    if !is_participle(toks, head, end) || !by_within_two(toks, end) {
        return false;
    }
    if after_be(toks, start) {
        return true;
    }
    // "held hostage by militants": the complement may stand before BY.
    let by = if is_complement(toks, end) { end + 1 } else { end };
    toks.get(by).is_some_and(|t| t.norm == "BY") && agent_after_by(toks, unit_start, by).is_some()
}

/// Whether the verb whose head word is token `head` (its phrase ending at `end`) has a
/// participle's form: "attacked", "taken", "sent", "held hostage".
fn is_participle(toks: &[Token], head: usize, end: usize) -> bool {
    let h = &toks[head.min(toks.len() - 1)].norm;
    h.ends_with("ED") || h.ends_with("EN") || h.ends_with('T') || h.ends_with('N') || is_complement(toks, end)
}

/// WAS, WERE, BEEN (…) within the two words before token `start`.
fn after_be(toks: &[Token], start: usize) -> bool {
    toks[start.saturating_sub(2)..start].iter().any(|t| BE.contains(&t.norm.as_str()))
}

/// BY within the two words from token `end`.
fn by_within_two(toks: &[Token], end: usize) -> bool {
    toks[end.min(toks.len())..(end + 2).min(toks.len())].iter().any(|t| t.norm == "BY")
}

/// The token where the actor after the BY at token `by` starts, past an article: "by
/// Gondor", "by an al Qaida ally"; `None` when no actor starts there.
fn agent_after_by(toks: &[Token], unit_start: &[u32], by: usize) -> Option<usize> {
    let p = if toks.get(by + 1).is_some_and(|t| matches!(t.norm.as_str(), "THE" | "A" | "AN")) { by + 2 } else { by + 1 };
    unit_start.get(p).is_some_and(|&u| u != u32::MAX).then_some(p)
}

/// "held hostage", "shot dead": the word that completes a participle of seizing or
/// killing, and leaves it no object.
fn is_complement(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| matches!(t.norm.as_str(), "HOSTAGE" | "CAPTIVE" | "PRISONER" | "DEAD"))
}

/// A participle after WAS, WERE, BEEN (…) within two words with no BY after it: "were
/// killed in fighting", "was arrested on Monday". In a headline an "-ed" form needs no
/// auxiliary: "Two US soldiers killed in Iraq"; nor does one with its complement and no
/// object: "journalists held hostage in Iraq", "a Frenchman shot dead in Jeddah".
fn is_agentless_passive(toks: &[Token], start: usize, head: usize, end: usize, headline: bool) -> bool {
    let h = &toks[head.min(toks.len() - 1)].norm;
    let before = |w: &[&str]| start > 0 && w.contains(&toks[start - 1].norm.as_str());
    // "are to meet" is an infinitive; "Israel says it attacked" has its subject.
    let infinitive = before(&["TO"]);
    let headline_ed = headline && h.ends_with("ED") && head == start && !before(&["IT", "HE", "SHE", "THEY", "WE", "I"]);
    let complement = is_complement(toks, end)
        && toks.get(end + 1).is_none_or(|t| {
            t.kind != TokenKind::Word || matches!(t.norm.as_str(), "IN" | "AT" | "ON" | "NEAR" | "DURING" | "AFTER" | "OVER" | "FOR" | "SINCE")
        });
    is_participle(toks, head, end) && !infinitive && (after_be(toks, start) || headline_ed || complement) && !by_within_two(toks, end)
}

/// Nouns that name a deed ("the attack", "the decision"), with the CAMEO roots of the
/// events they may refer to (none: any). After a verb, with no party of their own, they
/// refer to an earlier event of the article.
const EVENT_NOUNS: &[(&str, &[&str])] = &[
    ("ATTACK", VIOLENCE), ("ATTACKS", VIOLENCE), ("STRIKE", VIOLENCE), ("STRIKES", VIOLENCE), ("AIRSTRIKE", VIOLENCE),
    ("AIRSTRIKES", VIOLENCE), ("INVASION", VIOLENCE), ("OFFENSIVE", VIOLENCE), ("INCURSION", VIOLENCE),
    ("BOMBING", VIOLENCE), ("BOMBINGS", VIOLENCE), ("SHELLING", VIOLENCE), ("RAID", VIOLENCE), ("RAIDS", VIOLENCE),
    ("ASSASSINATION", VIOLENCE), ("INCIDENT", VIOLENCE), ("KILLING", VIOLENCE), ("KILLINGS", VIOLENCE),
    ("MASSACRE", VIOLENCE), ("ARREST", COERCION), ("ARRESTS", COERCION), ("DETENTION", COERCION),
    ("DETENTIONS", COERCION), ("CRACKDOWN", COERCION), ("EXECUTION", COERCION), ("EXECUTIONS", COERCION),
    ("DEPORTATION", COERCION), ("DEPORTATIONS", COERCION), ("WARRANT", COERCION), ("RULING", COERCION),
    ("VERDICT", COERCION), ("COUP", COERCION), ("SEIZURE", COERCION), ("ACCUSATION", WORDS), ("ACCUSATIONS", WORDS),
    ("ALLEGATION", WORDS), ("ALLEGATIONS", WORDS), ("REMARKS", WORDS), ("COMMENTS", WORDS), ("THREAT", WORDS),
    ("THREATS", WORDS), ("DEAL", AGREEMENTS), ("AGREEMENT", AGREEMENTS), ("ACCORD", AGREEMENTS),
    ("ACCORDS", AGREEMENTS), ("TALKS", COOPERATION), ("SANCTIONS", SANCTIONS), ("BAN", SANCTIONS),
    ("EXPULSION", SANCTIONS), ("EXPULSIONS", SANCTIONS), ("TEST", SHOWS), ("TESTS", SHOWS), ("LAUNCH", SHOWS),
    ("LAUNCHES", SHOWS), ("DEPLOYMENT", SHOWS), ("DECISION", &[]), ("MOVE", &[]), ("STEP", &[]),
    ("ANNOUNCEMENT", &[]), ("ANNEXATION", &[]), ("WITHDRAWAL", &[]), ("BLOCKADE", &[]), ("RESOLUTION", &[]),
    ("LAW", &[]), ("PLAN", &[]), ("PROPOSAL", &[]), ("MEASURE", &[]), ("MEASURES", &[]), ("ORDER", &[]),
    ("JUDGMENT", COERCION), ("JUDGEMENT", COERCION), ("PACT", AGREEMENTS), ("TREATY", AGREEMENTS),
    ("TARIFFS", SANCTIONS), ("CRITICISM", WORDS), ("CLAIMS", WORDS), ("LAWSUIT", COERCION), ("CASE", COERCION),
    ("RETALIATION", &[]), ("ATTACKERS", VIOLENCE), ("ASSAILANTS", VIOLENCE), ("PERPETRATORS", VIOLENCE),
    ("KILLERS", VIOLENCE), ("BOMBERS", VIOLENCE),
];
const VIOLENCE: &[&str] = &["17", "18", "19", "20"];
const COERCION: &[&str] = &["10", "17", "18"];
const WORDS: &[&str] = &["01", "11", "12", "13"];
const COOPERATION: &[&str] = &["03", "04", "05", "06"];
/// Agreements are signed (057), agreed (03) or carried out (06), not talked about.
const AGREEMENTS: &[&str] = &["05", "03", "06"];
const SANCTIONS: &[&str] = &["16", "17"];
const SHOWS: &[&str] = &["15", "19"];

/// Where the verb's object, starting at token `i`, names an earlier deed: a preposition
/// perhaps, a determiner, at most three plain words or a possessive, then an event noun
/// ("the attack", "the latest decision", "against these expulsions", "the alliance's
/// accusations"). Returns where the reference starts, the token after the noun, and the
/// roots of the events it may name.
fn event_reference(toks: &[Token], i: usize) -> Option<(usize, usize, &'static [&'static str])> {
    // A preposition may come first: "retaliate against the expulsions".
    let i = if toks.get(i).is_some_and(|t| matches!(t.norm.as_str(), "AGAINST" | "FOR" | "OVER" | "INTO" | "ON" | "ABOUT" | "TO")) {
        i + 1
    } else {
        i
    };
    toks.get(i).filter(|t| matches!(t.norm.as_str(), "THE" | "THIS" | "THESE" | "THAT" | "THOSE"))?;
    let noun = |k: usize| EVENT_NOUNS.iter().find(|(w, _)| *w == toks[k].norm).map(|&(_, roots)| roots);
    let k = (i + 1..(i + 5).min(toks.len())).find(|&k| noun(k).is_some())?;
    // Plain words or a possessive between: "the latest", "the alliance's".
    toks[i + 1..k]
        .iter()
        .all(|t| matches!(t.kind, TokenKind::Word | TokenKind::Possessive))
        .then(|| (i, k + 1, noun(k).unwrap_or(&[])))
}

/// Whether the actor starting at token `start` follows "in"/"at" (or "in the"): a place.
/// An embassy, consulate or mission "in" a country stands for that country, though.
pub(crate) fn located_at(toks: &[Token], start: usize) -> bool {
    let w = |k: usize| toks[k].norm.as_str();
    let start = past_place_modifiers(toks, start);
    let prep = if start >= 1 && matches!(w(start - 1), "IN" | "AT") {
        Some(start - 1)
    } else if start >= 2 && w(start - 1) == "THE" && matches!(w(start - 2), "IN" | "AT") {
        Some(start - 2)
    } else {
        None
    };
    prep.is_some_and(|p| p == 0 || !matches!(w(p - 1), "EMBASSY" | "EMBASSIES" | "CONSULATE" | "CONSULATES" | "MISSION"))
}

/// The start of a place name with the compass words before it: "(in) central China",
/// "(in) the far north-western Iraq".
fn past_place_modifiers(toks: &[Token], mut start: usize) -> usize {
    const COMPASS: &[&str] = &[
        "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN",
        "SOUTHWESTERN", "NORTH-EASTERN", "NORTH-WESTERN", "SOUTH-EASTERN", "SOUTH-WESTERN", "FAR",
    ];
    while start > 0 && COMPASS.contains(&toks[start - 1].norm.as_str()) {
        start -= 1;
    }
    start
}

/// Whether the actor starting at token `start` follows a preposition (or one and "the"):
/// "flying from Athens to Vilnius", "in Minsk". Such an actor is never a subject.
fn after_preposition(toks: &[Token], start: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "IN", "AT", "TO", "FROM", "INTO", "NEAR", "ON", "WITH", "AGAINST", "TOWARD", "TOWARDS", "ACROSS", "OVER",
        "BETWEEN", "AMONG", "OUTSIDE", "INSIDE",
    ];
    let start = past_place_modifiers(toks, start);
    let p = if start >= 1 && toks[start - 1].norm == "THE" { start - 1 } else { start };
    match toks.get(p.wrapping_sub(1)).map(|t| t.norm.as_str()) {
        // "the embassy in Kyiv said" (see `located_at`).
        Some("IN" | "AT") => located_at(toks, start),
        Some(w) => PREPOSITIONS.contains(&w),
        None => false,
    }
}

fn nearest_before(units: &[Unit], pos: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (k, u) in units.iter().enumerate() {
        if u.end <= pos {
            best = Some(k);
        }
    }
    best
}

/// All units of the compound group that `u` belongs to, in order.
fn group_of(units: &[Unit], u: Option<usize>) -> Vec<usize> {
    let Some(u) = u else { return Vec::new() };
    let g = units[u].group;
    (0..units.len()).filter(|&k| units[k].group == g).collect()
}

fn byte_span(toks: &[Token], s: usize, e: usize) -> [usize; 2] {
    [toks[s].start, toks[e - 1].end]
}

fn span_text<'t>(text: &'t str, toks: &[Token], s: usize, e: usize) -> &'t str {
    &text[toks[s].start..toks[e - 1].end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{tabari, DictSet};

    const ACTORS: &str = "<NOUN>\nSHEEP\nGOAT_\n</NOUN>\n<ADJECTIVE>\nEVIL\nAWFUL\n</ADJECTIVE>\nARNOR [ARN]\nGONDOR [GON]\nLIBYA_ [LBY]\nMOUSE= [MUS]\nOSGILIATH [OSG]\nNASGUL [###]\n\
        ISILDUR [+++]\nELROND [ELF]\nCALIMEHTAR [CAL]\nGANDALF [WIZ]\nDURTHANG ORC [MORORC]\n\
        RADAGAST THE_BROWN [RAD]\nAL_GORE [AGR]\nBARAD-DUR [MOR]\n";
    const AGENTS: &str = "POLICE_ [~COP]\nMINISTER_ [~GOV]\nHUMAN_RIGHTS_ACTIVISTS_ [NGM~]\nLAWMAKER_ [~LEG]\n\
        MAIN_OPPOSITION_GROUP_ [~MOP]\nOPPOSITION_GROUP_ [~OPP]\n";
    const VERBS: &str = "<TIME>\nKAN_WA_MA_KAN [###]\n</TIME>\nATTACK [223]\nATTACKED [223]\n- PLANES_* [225]\n\
        DEPART_ [032]\nBAN= [191]\nRESTOR [064]\n- * DIPLXMATIC [###]\nSAID [023?]\nACT_ [100]\n\
        { ACTXD_ ACTUALITY }\n- SAID WOULD * NOW [101]\nBRUSH ASIDE REPORTS [142]\nATTEND [031!]\nBRUSH_AND_ASIDE REPORTS [142]\nWARN [160]\n- * AT ^ + [162]\nFLEE [---]\n- NEVER WANTED TO * [999]\nDEATH TOLL RISEN [223]\nVOW [170]\n\
        - * RESIST { TO THE END | TO THE DEATH | UNTIL HELL FREEZES OVER } [113]\n\
        - * RESIST { TO THE END OF THE EARTH | TO THE DEATH } [115]\n";

    fn dict() -> Dictionary {
        let mut set = DictSet::default();
        set.extend(tabari::parse_actors(ACTORS, "a"));
        set.extend(tabari::parse_agents(AGENTS, "g"));
        set.extend(tabari::parse_verbs(VERBS, "v"));
        Dictionary::compile(&set)
    }

    fn code_with(d: &Dictionary, opts: &CoderOptions, text: &str) -> Vec<String> {
        let mut c = Coder::with_options(d, opts.clone());
        c.code_sentence(text, &SentenceContext::default())
            .into_iter()
            .map(|e| format!("{}/{}/{}", e.source, e.target, e.code))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = $want;
                assert_eq!(code_with(&dict(), &CoderOptions::tabari(), $text), want, "{}", $text);
            }
        };
    }

    fn with(f: impl Fn(&mut CoderOptions)) -> CoderOptions {
        let mut o = CoderOptions::tabari();
        f(&mut o);
        o
    }

    #[test]
    fn verb_after_determiner_and_hyphenated_modifier_is_a_noun() {
        let got = code_with(&dict(), &CoderOptions::petrarch(), "Arnor will warn of an anti- Gondor attack on Osgiliath.");
        assert!(!got.iter().any(|e| e.ends_with("/223")), "{got:?}");
        let got = code_with(&dict(), &CoderOptions::petrarch(), "Arnor says the Gondor attack Osgiliath.");
        assert!(got.iter().any(|e| e.ends_with("/223")), "without a modifier the word is a verb: {got:?}");
    }

    #[test]
    fn defaults_and_converted_agents() {
        let d = dict();
        let text = "Fxrnost will attack Gxndor in the south of the region today.";
        let o = with(|o| o.apply_tabari("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER").unwrap());
        assert_eq!(code_with(&d, &o, text), ["DEFSRC/DEFTAR/223"]);
        let text = "Arnor will attack the police in the south of the region today.";
        assert_eq!(code_with(&d, &CoderOptions::tabari(), text), Vec::<String>::new());
        let o = with(|o| o.convert_agents = true);
        assert_eq!(code_with(&d, &o, text), ["ARN/~COP/223"]);
        let o = with(|o| o.pronouns = PronounRule::Nearest);
        let text = "Elrond urged Gondor to wait and it will attack Osgiliath in the south.";
        assert_eq!(code_with(&d, &o, text), ["GON/OSG/223"]);
        assert_eq!(code_with(&d, &CoderOptions::tabari(), text), ["ELF/OSG/223"]);
    }

    #[test]
    fn pronoun_forwarded_from_previous_sentence() {
        let d = dict();
        let mut c = Coder::with_options(&d, CoderOptions::tabari());
        let first = c.code_sentence("The Arnor minister will attack Gondor in the south today.", &SentenceContext::default());
        assert_eq!(first.len(), 1);
        assert_eq!(c.antecedent(), Some("ARN"));
        let ctx = SentenceContext { antecedent: Some("ARN"), ..Default::default() };
        let got: Vec<String> = c
            .code_sentence("Later he will also attack Osgiliath in the south.", &ctx)
            .into_iter()
            .map(|e| format!("{}/{}/{}", e.source, e.target, e.code))
            .collect();
        assert_eq!(got, ["ARN/OSG/223"]);
    }

    #[test]
    fn negation_matched_by_a_pattern_counts() {
        let d = dict();
        let o = with(|o| o.negation = true);
        // Bare verb after a negation: nothing; a pattern naming the negation: coded.
        assert!(code_with(&d, &o, "Arnor did not attack Gondor in the south of the region.").is_empty());
        assert_eq!(code_with(&d, &o, "Arnor never wanted to flee from Gondor in the south today."), ["ARN/GON/999"]);
    }

    #[test]
    fn new_actors_from_noun_phrases() {
        let d = dict();
        let mut o = CoderOptions::petrarch();
        let text = "The Rohirrim riders will attack the Ministry of Magic in the south.";
        assert!(code_with(&d, &o, text).is_empty());
        o.new_actor_length = 4;
        assert_eq!(code_with(&d, &o, text), ["\"THE ROHIRRIM RIDERS\"/\"THE MINISTRY OF MAGIC\"/223"]);
        // A phrase modified by one that names an actor is that actor's; one joined to an
        // actor's phrase by "and" is a member of its compound.
        let text = "Arnor's sheep and old goats will attack the walls of Gondor today.";
        assert_eq!(code_with(&d, &o, text), ["ARN/GON/223", "\"OLD GOATS\"/GON/223"]);
        o.new_actor_length = 2;
        assert!(code_with(&d, &o, "The Rohirrim riders will attack the Ministry of Magic in the south.").is_empty());
    }

    #[test]
    fn noun_phrases_joined_by_a_conjunction() {
        let d = dict();
        let text = "Arnor's sheep and the goats of Gondor will attack Osgiliath today.";
        assert_eq!(code_with(&d, &CoderOptions::petrarch(), text), ["ARN/OSG/223", "GON/OSG/223"]);
        let o = CoderOptions { phrase_compounds: false, ..CoderOptions::petrarch() };
        assert_eq!(code_with(&d, &o, text), ["GON/OSG/223"]);
    }

    #[test]
    fn absent_target_needs_an_object() {
        let d = dict();
        let mut o = CoderOptions::petrarch();
        o.require_target = false;
        assert!(code_with(&d, &o, "The Arnor minister said today.").is_empty());
        assert_eq!(code_with(&d, &o, "The Arnor minister said on Saturday."), ["ARNGOV/---/023"]);
        o.absent_target_needs_object = false;
        assert_eq!(code_with(&d, &o, "The Arnor minister said today."), ["ARNGOV/---/023"]);
    }

    #[test]
    fn caret_passes_over_a_noun_phrase() {
        let d = dict();
        let text = "Arnor warned at the sheep herds about Gondor today.";
        assert_eq!(code_with(&d, &CoderOptions::petrarch(), text), ["ARN/GON/162"]);
        let o = CoderOptions { skip_phrases: false, ..CoderOptions::petrarch() };
        assert_eq!(code_with(&d, &o, text), ["ARN/GON/160"]);
    }

    #[test]
    fn petrarch_placeholders() {
        let d = dict();
        let mut o = CoderOptions::petrarch();
        o.require_target = false;
        let got = code_with(&d, &o, "Arnor will attack Gondor in the south, the police said on Friday.");
        assert_eq!(got, ["ARN/GON/223", "---COP/---/023"]);
    }

    #[test]
    fn petrarch_agent_distribution() {
        let d = dict();
        let o = CoderOptions::petrarch();
        let text = "Lawmakers and ministers in Arnor and Gondor will attack Osgiliath in the south.";
        let mut got = code_with(&d, &o, text);
        got.sort();
        assert_eq!(got, ["ARNGOV/OSG/223", "ARNLEG/OSG/223", "GONGOV/OSG/223", "GONLEG/OSG/223"]);
        let mut got = code_with(&d, &o, "Arnor police and ministers will attack Osgiliath in the south.");
        got.sort();
        assert_eq!(got, ["ARNCOP/OSG/223", "ARNGOV/OSG/223"]);
        // After a determiner the phrase ends at its agent, as PETRARCH's parse brackets it.
        let mut got = code_with(&d, &o, "The Arnor police and ministers will attack Osgiliath in the south.");
        got.sort();
        assert_eq!(got, ["---GOV/OSG/223", "ARNCOP/OSG/223"]);
        // PETRARCH-1 also adds an agent found inside another; PETRARCH-2 does not.
        let text = "The Arnor main opposition group will attack Osgiliath in the south.";
        assert_eq!(code_with(&d, &o, text), ["ARNMOPOPP/OSG/223"]);
        assert_eq!(code_with(&d, &CoderOptions::petrarch2(), text), ["ARNMOP/OSG/223"]);
        // Unlisted adjectives may stand in a compound (not before a verb).
        let mut got = code_with(&d, &o, "Arnor and the good Gondor will attack Osgiliath in the south.");
        got.sort();
        assert_eq!(got, ["ARN/OSG/223", "GON/OSG/223"]);
        // A list ends at its conjunction: two compounds.
        let mut got = code_with(&d, &o, "Arnor will attack Gondor and Libya, and Osgiliath and Elrond in the south.");
        got.sort();
        assert_eq!(got, ["ARN/GON/223", "ARN/LBY/223"]);
        // TABARI keeps the agent with the first actor only.
        let text = "Lawmakers in Arnor and Gondor will attack Osgiliath in the south.";
        assert_eq!(code_with(&d, &CoderOptions::tabari(), text), ["ARNLEG/OSG/223", "GON/OSG/223"]);
    }

    t!(tabari_noun_endings, "Arnor will attack the Libyas in the south of the region.", vec!["ARN/LBY/223"]);
    t!(tabari_no_endings_on_eq, "Mouses will attack Libya in the south of the region today.", vec![]);
    t!(tabari_eq_exact, "Mouse will ban Libya almost five years after the war.", vec!["MUS/LBY/191"]);
    t!(tabari_verb_endings, "Arnor departes from Libya almost five years after the war.", vec!["ARN/LBY/032"]);
    t!(tabari_verb_forms, "Arnor actuality from Libya almost five years after the war.", vec!["ARN/LBY/100"]);
    t!(longest_verb_form, "Arnor's many planes attacked Gondor in the south.", vec!["ARN/GON/225"]);
    t!(too_short, "Arnor attacked Gondor.", vec![]);
    t!(possessive_is_noun, "Arnor departs's from Libya almost five years after the war.", vec![]);
    t!(discard_actor, "The Nasgul will attack Arnor in the south of the region.", vec![]);
    t!(complex_actor, "Isildur will attack Arnor in the south of the region.", vec![]);
    t!(discard_pattern, "Arnor is about to restore full diplxmatic ties with Gondor.", vec![]);
    t!(discard_time, "Arnor will attack Gondor, kan wa ma kan, in the south.", vec![]);
    t!(source_is_first_actor, "Elrond said that Calimehtar had attacked Gandalf in the night.", vec!["ELF/WIZ/223"]);
    t!(comma_clause_removed, "Elrond brushed aside reports, rumored to originate in Osgiliath, that Calimehtar attacked Gandalf", vec!["ELF/CAL/142"]);
    t!(comma_clause_chained, "Elrond, brushed aside reports rumored to originate in Osgiliath, that Calimehtar attacked Gandalf", vec!["ELF/WIZ/223"]);
    t!(comma_list_kept, "Arnor, Gondor and Libya will attack Osgiliath, the state's fiercest foe.", vec!["ARN/OSG/223", "GON/OSG/223", "LBY/OSG/223"]);
    t!(greedy_source_after_verb, "Fxrnost will attack Gondor and Libya in the south of the region.", vec!["GON/LBY/223"]);
    t!(greedy_target_before_verb, "Arnor and Gondor will attack Fxrnost in the south of the region.", vec!["ARN/GON/223"]);
    t!(pronoun_first_actor, "Elrond urged Gondor to wait and Osgiliath will attack him in the south.", vec!["OSG/ELF/223"]);
    t!(pronoun_compound, "Elrond and Gondor met in the south and Osgiliath will attack them today.", vec!["OSG/ELF/223", "OSG/GON/223"]);
    t!(verb_phrase_conjunction, "Arnor brush and aside reports from Gondor in the south of the region.", vec!["ARN/GON/142"]);
    t!(gapped_actor, "Durthang and its Orc leaders will attack Gondor in the south.", vec!["MORORC/GON/223"]);
    t!(gapped_actor_far_word_taken, "Arnor will attack Durthang where an Orc leader lives in the south.", vec!["ARN/MORORC/223"]);
    t!(gapped_actor_cut_by_comma, "Elrond accompanying Radagast, the Brown wizard of renown, will attack Gondor soon.", vec!["ELF/GON/223"]);
    t!(agent_adjacent, "Arnor's minister will attack the Gondor police in the south.", vec!["ARNGOV/GONCOP/223"]);
    t!(agent_not_across_modifiers, "Arnor's first deputy minister will attack Gondor in the south.", vec!["ARN/GON/223"]);
    t!(agent_former, "Arnor former ministers will attack former Gondor police in the south.", vec!["ARNELI/GONELI/223"]);
    t!(agent_prefix_in, "Human rights activists in Arnor will attack Gondor in the south.", vec!["NGMARN/GON/223"]);
    t!(compound_with_adjectives, "Arnor and the evil awful Gondor will attack Osgiliath in the south.", vec!["ARN/OSG/223", "GON/OSG/223"]);
    t!(compound_nor, "Neither Arnor nor Gondor will attack Osgiliath in the south today.", vec!["ARN/OSG/223", "GON/OSG/223"]);
    t!(comma_list_needs_and, "Elrond will attack Gondor, an Arnor ally, in the south today.", vec!["ELF/GON/223"]);
    t!(noun_compound_no_clause, "Arnor said Gondor sheep and evil goats will attack Osgiliath in the south.", vec!["ARN/OSG/223"]);
    t!(conjunction_splits_clause, "Arnor said Gondor sheep and cows will attack Osgiliath in the south.", vec!["ARN/GON/023", "ARN/OSG/223"]);
    t!(adjective_compound_no_clause, "Arnor's awful and evil minister Calimehtar will attack Gondor in the south.", vec!["ARN/GON/223"]);
    t!(skip_passes_an_actor, "Arnor warned at the Gondor of the Osgiliath threat today.", vec!["ARN/OSG/162"]);
    t!(skip_passes_a_compound, "Arnor warned at Gondor and Libya of the Osgiliath threat today.", vec!["ARN/OSG/162"]);
    t!(passive_needs_by, "Arnor was attacked earlier by Gondor in the south today.", vec!["GON/ARN/223"]);
    t!(reduced_passive, "Arnor attacked by Gondor in the south today.", vec!["GON/ARN/223"]);
    t!(passive_without_by_is_active, "Arnor was attacked over its dispute with Gondor today.", vec!["ARN/GON/223"]);
    t!(longest_match_wins, "Arnor vowed to resist to the end of the earth the Gondor forces.", vec!["ARN/GON/115"]);
    t!(shorter_alternative, "Arnor vowed to resist to the end the Gondor forces today.", vec!["ARN/GON/113"]);
    t!(gapped_verb_phrase, "Arnor's death toll has risen in the dispute with Gondor.", vec!["ARN/GON/223"]);
    t!(hyphens_are_blanks, "The Al-Gore group will attack Barad-Dur in the south today.", vec!["AGR/MOR/223"]);
    t!(source_carried_over_conjunction, "Arnor will attack Gondor and soldiers near the Libya border will attack Osgiliath.", vec!["ARN/GON/223", "ARN/OSG/223"]);
    t!(source_after_conjunction, "Arnor will attack Gondor but Libya's army will attack Osgiliath today.", vec!["ARN/GON/223", "LBY/OSG/223"]);
    t!(possessive_compound, "Elrond will attack Gondor and Arnor's Gandalf in the south.", vec!["ELF/GON/223", "ELF/ARN/223", "ELF/WIZ/223"]);
    t!(subordinate_gives_way, "Arnor said would actxd now with Libya almost five years after the war.", vec!["ARN/LBY/101"]);
    t!(dominant_silences, "Arnor will attack Gondor to attend talks with Osgiliath in the south.", vec!["ARN/OSG/031"]);
}

/// herald's own coding conventions, on the built-in dictionaries ([`CoderOptions::default`]).
#[cfg(test)]
mod herald_conventions {
    use super::*;
    use crate::dict::{load, Dictionary};
    use std::sync::OnceLock;

    fn dict() -> &'static Dictionary {
        static D: OnceLock<Dictionary> = OnceLock::new();
        D.get_or_init(|| Dictionary::compile(&load::builtin()))
    }

    fn events(text: &str) -> Vec<String> {
        events_with(CoderOptions::default(), &SentenceContext::default(), text)
    }

    /// The events of `text` as "SOURCE/TARGET/CODE", coded with `opts` in `ctx`.
    fn events_with(opts: CoderOptions, ctx: &SentenceContext, text: &str) -> Vec<String> {
        let mut c = Coder::with_options(dict(), opts);
        c.code_sentence(text, ctx).into_iter().map(|e| format!("{}/{}/{}", e.source, e.target, e.code)).collect()
    }

    #[test]
    fn a_participle_after_a_preposition_modifies_its_actor() {
        let got = events("Supporters of ousted President Jean-Bertrand Aristide marched against the government.");
        assert!(!got.iter().any(|e| e.ends_with("/170") || e.ends_with("/172")), "{got:?}");
    }

    #[test]
    fn agentless_passives_name_no_doer() {
        // The victims are not the attackers, nor of the next verb in their clause.
        assert!(events("Three Iraqi soldiers were killed in Baghdad on Monday.").is_empty());
        let got = events("Three Iraqis were killed when a suicide bomber attacked a US convoy.");
        assert!(!got.iter().any(|e| e.starts_with("IRQ")), "{got:?}");
        // With BY the doer is named; below threats (root 13) the form stays active.
        assert_eq!(events("Three Iraqi soldiers were killed by Turkish troops."), vec!["TURMIL/IRQMIL/190"]);
        assert!(events("Iran is opposed to the French plan.").iter().all(|e| e.starts_with("IRN/")));
        // Below threats too: the accused are not the accusers; "are to meet" is active.
        assert!(!events("Four Nigerian officers were accused of plotting against President Obasanjo.").iter().any(|e| e.starts_with("NGAMIL")));
        assert!(!events("European Union ministers are to meet Turkey in Florence.").is_empty());
        // A headline's participle needs no auxiliary, unless a pronoun is its subject.
        let headline = |t: &str| events_with(CoderOptions::default(), &SentenceContext { headline: true, ..Default::default() }, t);
        assert!(headline("Two US soldiers killed in Iraq bombings").is_empty());
        assert!(headline("Israel says it attacked Islamic Jihad leader").iter().any(|e| e.ends_with("/190")));
        // A participle with its complement and no object: the hostages are not the takers.
        assert!(events("The family of a Briton held hostage in Iraq appealed for his release.").iter().all(|e| !e.starts_with("GBR")));
        // …and leaves its sentence's own verb free.
        assert_eq!(events("The family of a Briton held hostage in Iraq urged the Iraqi government to free him."), vec!["GBRCVL/IRQGOV/0253"]);
        assert!(!events("Israeli soldiers shot dead five Palestinian militants in Gaza.").is_empty());
    }

    #[test]
    fn an_opening_participle_clause_holds_no_subject() {
        let got = events("Describing Yasser Arafat as a giant of the century, South African President Thabo Mbeki criticized Israel.");
        assert!(got.iter().all(|e| e.starts_with("ZAF")), "{got:?}");
        assert!(!got.is_empty());
    }

    #[test]
    fn a_place_after_in_and_a_compass_word_is_a_setting() {
        assert!(events("A gas explosion in a coal mine in central China killed 56 people.").is_empty());
        assert!(events("A house collapsed onto a mosque in north-eastern Morocco, killing 10 people.").is_empty());
    }

    #[test]
    fn object_pronouns_stand_for_parties_not_places() {
        let got = events("Iranian President Hassan Rouhani met Iraqi Prime Minister Adel Abdul-Mahdi in Tehran and thanked him for his support.");
        assert!(got.iter().any(|e| e.ends_with("/IRQGOV/051")), "{got:?}");
        let got = events("Iran accused the rebels of attacking its ships and vowed to punish them.");
        assert!(got.iter().any(|e| e.starts_with("IRN/IRNREB/13")), "{got:?}");
    }

    #[test]
    fn a_verb_form_after_a_quantifier_is_a_noun() {
        let got = events("Iran will respond to any attack on Iraq.");
        assert!(!got.iter().any(|e| e.contains("/19") || e.contains("/138")), "{got:?}");
    }

    #[test]
    fn joined_adjectives_stay_in_one_noun_phrase() {
        // Not a compound of "Iraq" and a minister: one actor with its agent.
        assert_eq!(events("Iraq's new and powerful defence minister met the French ambassador."), vec!["IRQGOV/FRAGOV/040"]);
        // A preposition ends the phrase, also where any plain word may be a modifier.
        let got = events_with(CoderOptions::petrarch(), &SentenceContext::default(), "Iraq met with the parliament of Egypt.");
        assert_eq!(got, vec!["IRQ/EGYLEG/040"]);
    }

    #[test]
    fn announced_acts_are_threats() {
        assert_eq!(events("The United States would impose sanctions on Iraq."), vec!["USA/IRQ/1312"]);
        assert_eq!(events("The United States imposed sanctions on Iraq."), vec!["USA/IRQ/163"]);
    }

    #[test]
    fn compound_source_of_a_mutual_act() {
        assert_eq!(events("Turkey and Greece agreed to resume talks."), vec!["TUR/GRC/036", "GRC/TUR/036"]);
    }

    #[test]
    fn places_are_settings_of_mutual_acts() {
        let got = events("Russia and Ukraine signed a deal in Istanbul.");
        assert!(!got.iter().any(|e| e.contains("/TUR/")), "{got:?}");
        assert!(got.iter().any(|e| e.starts_with("RUS/UKR/")), "{got:?}");
    }

    #[test]
    fn borrowed_weapons_are_not_the_target() {
        assert_eq!(events("Iran launched drones at Israel."), vec!["IRN/ISR/195"]);
    }

    fn article(text: &str) -> Vec<String> {
        let art = crate::read::Article { id: "t".into(), text: text.into(), ..Default::default() };
        let mut c = Coder::new(dict());
        c.code_article(&art, crate::codes::CodeTable::builtin()).into_iter().map(|e| format!("{}/{}/{}", e.source, e.target, e.code)).collect()
    }

    #[test]
    fn quotes_keep_their_acts_and_speech_acts_their_quote() {
        let text = "\"We will attack without mercy,\" Iranian President Hassan Rouhani said in a message to Iraqi \
                    Prime Minister Adel Abdul-Mahdi. \"They will pay a price,\" he said after meeting Iraqi officials.";
        let art = crate::read::Article { id: "t".into(), text: text.into(), ..Default::default() };
        let mut c = Coder::new(dict());
        let got = c.code_article(&art, crate::codes::CodeTable::builtin());
        // The threat inside the quote is not aimed at the man the message went to.
        assert!(!got.iter().any(|e| e.code.starts_with("138") && e.target.starts_with("IRQ")), "{got:?}");
        // The meeting is no speech act: it carries no quote.
        let meeting = got.iter().find(|e| e.code == "040").expect("the meeting is coded");
        assert_eq!((meeting.quote.as_deref(), meeting.speaker.as_deref()), (None, None));
        let said = got.iter().find(|e| e.verb_text == "said").expect("the statement is coded");
        assert_eq!(said.quote.as_deref(), Some("We will attack without mercy,"));
    }

    #[test]
    fn named_deeds_refer_to_earlier_events() {
        // "the attack" is the lead event's; "the accusation" the accuser's.
        let got = article("Russia invaded Ukraine on Thursday. The European Union condemned the attack and promised Kyiv support.");
        assert!(got.contains(&"IGOEUREEC/RUS/111".to_string()), "{got:?}");
        let got = article("India accused China of crossing the border. China rejected the accusation.");
        assert!(got.iter().any(|e| e.starts_with("CHN/IND/")), "{got:?}");
        // A deed with its own party keeps it; alone, the sentence has no target.
        assert!(events("The European Union condemned the attack.").is_empty());
        let got = article("Russia invaded Ukraine on Thursday. The European Union condemned the attack on Kyiv.");
        assert!(got.contains(&"IGOEUREEC/UKR/111".to_string()), "{got:?}");
    }

    #[test]
    fn subjects_are_not_after_prepositions() {
        // "Vilnius" is where the plane flew, not who arrested the journalist.
        let got = events("Belarusian authorities forced a plane flying to Vilnius to land on Sunday and arrested a journalist.");
        assert!(got.iter().all(|e| e.starts_with("BLR")), "{got:?}");
    }

    #[test]
    fn statements_and_threats_go_abroad() {
        assert!(events("Chancellor Olaf Scholz said Berlin would deliver tanks.").iter().all(|e| !e.starts_with("DEUGOV/DEU/01")));
        assert!(events("Washington threatened to reimpose sanctions on the generals.").iter().all(|e| !e.starts_with("USA/USAMIL/")));
        // Domestic repression keeps its own country.
        assert_eq!(events("Iranian police arrested protesters."), vec!["IRNCOP/IRNCVL/173"]);
    }

    #[test]
    fn surnames_stand_for_people_named_earlier() {
        let got = article("Tunisian President Kais Saied dismissed the prime minister. Lawmakers in Tunisia accused Saied of a coup.");
        assert!(got.contains(&"TUNLEG/TUNGOV/112".to_string()), "{got:?}");
        // Not before the person is named.
        assert!(events("Lawmakers in Tunisia accused Saied of a coup.").is_empty());
    }

    #[test]
    fn organisation_nouns_stand_for_the_last_organisation() {
        let got = article("The International Atomic Energy Agency inspected the plant. Iran accused the agency of spying.");
        assert!(got.iter().any(|e| e.starts_with("IRN/IGOUNOIAE/11")), "{got:?}");
        // With none named before, nothing.
        assert!(article("Iran accused the agency of spying.").is_empty());
    }

    #[test]
    fn everyone_who_did_the_deed() {
        let got = article("France expelled Russian diplomats. Germany and Italy also expelled Russian envoys. Moscow vowed to retaliate against the expulsions.");
        for t in ["FRA", "DEU", "ITA"] {
            assert!(got.iter().any(|e| e.starts_with(&format!("RUS/{t}/13"))), "{t}: {got:?}");
        }
    }

    #[test]
    fn reported_clauses_have_their_own_subject() {
        assert_eq!(events("Iraq's prime minister said Tehran had attacked Baghdad."), vec!["IRN/IRQ/190"]);
    }

    #[test]
    fn patterns_stay_in_their_clause() {
        let got = events("Iran rejected the criticism and threatened to reduce its cooperation with the IAEA.");
        assert!(got.iter().any(|e| e.starts_with("IRN/IGOUNOIAE/13")), "{got:?}");
    }

    #[test]
    fn comma_and_between_verbs_starts_a_clause() {
        let got = events("Russian police arrested four suspects from Tajikistan, and President Vladimir Putin accused Ukraine of helping them.");
        assert!(got.iter().any(|e| e.starts_with("RUSGOV/UKR/11")), "{got:?}");
        assert!(!got.iter().any(|e| e.starts_with("RUSCOP/RUSGOV")), "{got:?}");
    }

    #[test]
    fn seizing_a_place_is_occupation() {
        assert_eq!(events("Syrian rebels captured Damascus."), vec!["SYRREB/SYR/192"]);
        assert_eq!(events("Syrian rebels captured Iraqi soldiers."), vec!["SYRREB/IRQMIL/173"]);
    }

    #[test]
    fn clashes_are_fought_by_both_sides() {
        let got = events("Chinese and Indian soldiers clashed on Monday.");
        assert!(got.contains(&"CHN/INDMIL/190".to_string()) && got.contains(&"INDMIL/CHN/190".to_string()), "{got:?}");
    }

    #[test]
    fn borders_are_places_except_to_shows_of_force() {
        assert!(events("The Kremlin said it would act near the Finnish border.").is_empty());
        assert_eq!(events("Russia massed troops near the Ukrainian border."), vec!["RUS/UKR/154"]);
    }

    #[test]
    fn envoy_host_belongs_to_the_mention() {
        let got = events("Russia's ambassador to Germany criticised Poland.");
        assert_eq!(got, vec!["RUSGOV/POL/111"]);
    }

    #[test]
    fn inner_target_of_another_country() {
        assert_eq!(events("Niger expelled the French ambassador."), vec!["NER/FRAGOV/161"]);
    }
}
