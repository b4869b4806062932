//! The coder: match actors, agents and verb patterns in a sentence's tokens; code events.
//!
//! Per sentence: tokenize → look up lexemes → discard check → actor/agent mentions →
//! units and compound groups → verbs → patterns → source/target → events.
//! A [`Coder`] borrows a compiled [`Dictionary`] and keeps scratch buffers and a
//! token-lexeme cache of its own, so use one coder per thread.

pub mod actor;
pub mod article;
pub mod pattern;

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::dict::compile::{Dictionary, LexId};
use crate::dict::CodeSpec;
use crate::token::{tokenize_into, Token, TokenKind};

pub use actor::Unit;
use actor::{build_units, find_mentions, Mention};
use pattern::{Captures, Matcher};

/// Switches that differ between dictionary conventions.
#[derive(Debug, Clone)]
pub struct CoderOptions {
    /// "did not attack" codes nothing.
    pub negation: bool,
    /// "was attacked by X": X is the source.
    pub passive: bool,
    /// Events need a target (TABARI and PETRARCH convention).
    pub require_target: bool,
    /// A capitalised dictionary verb in mid-sentence is a noun (TABARI).
    pub capitalized_nouns: bool,
    /// Only the first verb that yields an event codes in each clause (TABARI, PETRARCH).
    pub one_event_per_clause: bool,
    /// A bare agent ("troops") takes the country of the nearest actor in the sentence.
    pub agents_take_nearest_country: bool,
    /// For mutual acts (talks, agreements), a place after "in"/"at" is the setting, not the
    /// other party ("signed a deal in Istanbul"); herald's convention, not TABARI's.
    pub places_are_settings: bool,
    /// An act announced with "will"/"would" is a threat (conflict) or an intent
    /// (cooperation): "said it would impose sanctions" is 1312, not 163 (herald convention).
    pub modal_intent: bool,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            negation: true,
            passive: true,
            require_target: true,
            capitalized_nouns: false,
            one_event_per_clause: true,
            agents_take_nearest_country: true,
            places_are_settings: true,
            modal_intent: true,
        }
    }
}

/// What the coder knows about a sentence beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceContext<'a> {
    pub date: Option<Date>,
    /// Country that bare agents ("police") attach to: the article's, where known.
    pub default_country: Option<&'a str>,
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
    /// `present[lexeme] == stamp` when the current sentence has that lexeme.
    present: Vec<u32>,
    stamp: u32,
    /// Set when the last coded sentence held a story discard (PETRARCH `+` line): the
    /// whole article then codes nothing.
    story_discard: bool,
}

const CACHE_LIMIT: usize = 1 << 20;
/// Tokens coded per sentence at most.
pub const MAX_TOKENS: usize = 1000;

const NEGATIONS: &[&str] = &["NOT", "NEVER", "N'T", "NO", "DIDN'T", "DOESN'T", "DON'T", "WON'T", "CAN'T", "CANNOT", "WOULDN'T", "HASN'T", "HAVEN'T", "ISN'T", "WASN'T", "WEREN'T", "REFUSED", "DECLINED"];
const BE: &[&str] = &["IS", "WAS", "WERE", "ARE", "BEEN", "BE", "BEING", "GOT", "GET", "GETS"];
const DETERMINERS: &[&str] = &["THE", "A", "AN"];
/// Possessives: a verb form right after one is a noun ("North Korea's support", "its attack").
const POSSESSIVES: &[&str] = &["'S"];

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
            present: vec![0; dict.lexicon.len()],
            stamp: 0,
            story_discard: false,
        }
    }

    pub fn options(&self) -> &CoderOptions {
        &self.opts
    }

    /// Whether the last sentence coded held a story discard phrase (its article codes nothing).
    pub fn story_discarded(&self) -> bool {
        self.story_discard
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
        // Mark the sentence's lexemes for the patterns' required-word prefilter.
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.present.iter_mut().for_each(|x| *x = 0);
            self.stamp = 1;
        }
        for &(a, b) in &self.tok_lex {
            for l in &self.pool[a as usize..b as usize] {
                self.present[l.0 as usize] = self.stamp;
            }
        }
    }

    fn run(&mut self, text: &str, ctx: &SentenceContext, mut trace: Option<&mut Vec<String>>) -> Vec<CodedEvent> {
        let mut toks = std::mem::take(&mut self.toks);
        tokenize_into(text, &mut toks);
        // Sentences come bounded from the splitter; a direct caller's run-on text is cut.
        toks.truncate(MAX_TOKENS);
        self.toks = toks;
        self.lookup_tokens();
        let dict = self.dict;
        self.story_discard = false;
        let pool = &self.pool;
        let tok_lex = &self.tok_lex;
        let lex = |i: usize| -> &[LexId] {
            let (a, b) = tok_lex[i];
            &pool[a as usize..b as usize]
        };
        let toks = &self.toks;
        let n = toks.len();
        if let Some(tr) = trace.as_deref_mut() {
            tr.push(format!(
                "tokens: {}",
                toks.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")
            ));
        }

        // Discards: a sentence with a discard phrase codes nothing; a story discard (PETRARCH
        // `+` line) also tells the article coder to drop the whole article.
        let mut first: Option<(usize, u32)> = None;
        for i in 0..n {
            dict.discard_trie.matches_at(i, n, &lex, &mut |_, v| {
                let story = dict.discards[v as usize].story;
                match first {
                    None => first = Some((i, v)),
                    Some((_, f)) if story && !dict.discards[f as usize].story => first = Some((i, v)),
                    _ => {}
                }
            });
            if first.is_some_and(|(_, v)| dict.discards[v as usize].story) {
                break;
            }
        }
        if let Some((i, v)) = first {
            let d = &dict.discards[v as usize];
            if let Some(tr) = trace.as_deref_mut() {
                let what = if d.story { "story discard" } else { "discarded" };
                tr.push(format!("{what}: phrase at token {i} ({})", d.loc));
            }
            self.story_discard = d.story;
            return Vec::new();
        }
        let mut issues: Vec<String> = Vec::new();
        if !dict.issue_trie.is_empty() {
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

        find_mentions(dict, n, &lex, &mut self.mentions);
        build_units(dict, &lex, toks, &self.mentions, ctx.date, ctx.default_country, self.opts.agents_take_nearest_country, &mut self.units);
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
        if self.opts.require_target && units.len() < 2 {
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(format!("no event: {} actor(s) found, an event needs a source and a target", units.len()));
            }
            return Vec::new();
        }
        let mut in_unit = vec![false; n];
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
        let mut i = 0;
        while i < n {
            if in_unit[i] {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            dict.verb_trie.matches_at(i, n, &lex, &mut |end, v| {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, v));
                }
            });
            let Some((end, form)) = best else {
                i += 1;
                continue;
            };
            let head = i + dict.verb_forms[form as usize].head as usize;
            let after_det = i > 0 && (DETERMINERS.contains(&toks[i - 1].norm.as_str()) || POSSESSIVES.contains(&toks[i - 1].norm.as_str()));
            let capital = self.opts.capitalized_nouns
                && !mostly_caps
                && head > 0
                && head < n
                && text[toks[head].start..].starts_with(|c: char| c.is_uppercase())
                && toks[head - 1].kind != TokenKind::Quote;
            if after_det || capital || (end > i + 1 && in_unit[i..end].iter().any(|&x| x)) {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!(
                        "verb skipped: {} ({})",
                        span_text(text, toks, i, end),
                        if after_det { "after a determiner, read as a noun" } else { "capitalised, read as a noun" }
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

        let m = Matcher { dict, toks, lex: &lex, units, unit_start: &unit_start, unit_end: &unit_end };
        let clause = clauses(toks, units);
        let mut consumed_to = 0usize;
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut done_clause: Option<u16> = None;
        let mut first_source: Option<usize> = None;
        // The subject of the last verb seen, for verbs coordinated with "and".
        let mut last_source: Option<usize> = None;
        // Plain statements (010) so far: event index range and clause.
        let mut said: Vec<(usize, usize, u16)> = Vec::new();
        for v in &verbs {
            if v.start < consumed_to || done_clause == Some(clause[v.start]) {
                continue;
            }
            let n_before = events.len();
            let form = &dict.verb_forms[v.form as usize];
            let block = &dict.blocks[form.block as usize];
            let mut chosen: Option<(CodeSpec, Captures, String)> = None;
            for p in &block.patterns {
                if !p.required.iter().all(|l| self.present[l.0 as usize] == self.stamp) {
                    continue;
                }
                let mut caps = Captures { lo: v.start, hi: v.end, ..Default::default() };
                if m.fwd(&p.after, v.end, p.after_joined, &mut caps, 0).is_none() {
                    continue;
                }
                if m.bwd(&p.before, v.start, p.before_joined, &mut caps, 0).is_none() {
                    continue;
                }
                chosen = Some((p.code.clone(), caps, format!("{} {}", p.loc, p.text)));
                break;
            }
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
            let head = v.start + form.head as usize;
            if self.opts.negation && negated(toks, v.start) {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.push(format!("verb {vtext}: negated, no event"));
                }
                continue;
            }
            let code = match code {
                CodeSpec::One(c) if self.opts.modal_intent && future_modal(toks, v.start) => CodeSpec::One(future_code(&c)),
                other => other,
            };
            // Source and target: captured, else nearest unit before / first unit after.
            let passive = self.opts.passive && caps.source.is_none() && caps.target.is_none() && is_passive(toks, v.start, head);
            let mut src = caps.source.or(caps.compound);
            let mut tgt = caps.target.or(caps.compound);
            if passive {
                let by = (v.end..n).find(|&k| toks[k].norm == "BY").filter(|&k| unit_start.get(k + 1).is_some_and(|&u| u != u32::MAX));
                if src.is_none() {
                    src = by.map(|k| unit_start[k + 1] as usize);
                }
                if tgt.is_none() {
                    tgt = nearest_before(units, v.start);
                }
            } else {
                if src.is_none() {
                    let c = clause[v.start];
                    // An actor whose words the pattern used before the verb ("&AIRCRAFT *" on
                    // "Israeli warplanes struck") is the subject; else the nearest actor before.
                    let inside = units.iter().rposition(|u| u.end <= v.start && caps.overlaps_used(u.start, u.end));
                    // A place after "in"/"at" is a setting, never the subject ("met in
                    // Johannesburg and invited six countries").
                    let pos = caps.lo.min(v.start);
                    let before = if self.opts.places_are_settings {
                        units.iter().rposition(|u| u.end <= pos && !located_at(toks, u.start))
                    } else {
                        nearest_before(units, pos)
                    };
                    // "Belarusian authorities forced a plane to land in Minsk and arrested a
                    // journalist": a verb joined by "and" shares the previous verb's subject,
                    // else the sentence's opening actor.
                    let shared = (self.opts.places_are_settings && v.start > 0 && toks[v.start - 1].norm == "AND")
                        .then(|| last_source.or_else(|| units.first().filter(|u| u.start <= 1).map(|_| 0)))
                        .flatten()
                        .filter(|&u| units[u].end <= v.start);
                    src = shared.or_else(|| {
                        inside
                            .or(before)
                            .filter(|&u| clause[units[u].start] == c)
                            .or(first_source)
                            .or(before)
                    });
                }
                last_source = src.or(last_source);
                if tgt.is_none() {
                    // The first actor after the verb that is not one of the pattern's words.
                    let other = |u: &Unit| Some(u.group) != src.map(|s| units[s].group);
                    // A bare agent that borrowed a country yields to a later actor of another
                    // country: in "Iran launched drones at Israel" the drones are not the target.
                    // For mutual acts (talks, agreements) a place after "in"/"at" is where
                    // they happened, not a party ("signed a deal in Istanbul"), and a bare agent
                    // that borrowed a country is not the other party of a compound source.
                    let mutual = reciprocal(&code);
                    // Arriving "in" a capital is visiting it: there the place is the target.
                    let visit = matches!(&code, CodeSpec::One(c) if c.starts_with("042") || c.starts_with("043"));
                    let compound_src = src.is_some_and(|s| group_of(units, Some(s)).len() > 1);
                    let located = |u: &Unit| located_at(toks, u.start);
                    let setting = |u: &Unit| self.opts.places_are_settings && mutual && !visit && located(u);
                    // Once the setting is named, later actors belong to other verbs ("met in
                    // Johannesburg and invited six countries").
                    let after_setting = units
                        .iter()
                        .find(|u| u.start >= v.end && other(u) && !caps.overlaps_used(u.start, u.end))
                        .filter(|u| setting(u))
                        .map(|u| u.start);
                    let free = |u: &Unit| {
                        u.start >= v.end
                            && after_setting.is_none()
                            && !setting(u)
                            && other(u)
                            && !caps.overlaps_used(u.start, u.end)
                            && !(mutual && compound_src && u.borrowed)
                    };
                    // An actor of another country inside the pattern's words after the verb is a
                    // target too: "expelled the Indian ambassador", "shot down an American drone".
                    let country = |u: &Unit| u.code.get(..3).unwrap_or("").to_string();
                    let sc = src.map(|s| country(&units[s])).unwrap_or_default();
                    let inner = |u: &Unit| {
                        u.start >= v.end && other(u) && caps.overlaps_used(u.start, u.end) && !u.borrowed && !u.code.is_empty() && country(u) != sc
                    };
                    tgt = units.iter().position(|u| free(u) || inner(u));
                    // Coercion (root 17) is mostly done at home: "suspended parliament" targets
                    // the parliament the pattern named, even of the same country.
                    let coercion = matches!(&code, CodeSpec::One(c) if c.starts_with("17"));
                    if tgt.is_none() && coercion {
                        tgt = units.iter().position(|u| u.start >= v.end && other(u) && caps.overlaps_used(u.start, u.end) && u.code != src.map(|s| units[s].code.as_str()).unwrap_or(""));
                    }
                    // A bare military or police agent (troops, weapons) that borrowed a country yields to a
                    // later actor of another country: in "Iran launched drones at Israel" the
                    // drones are the source's, not the target.
                    if let Some(a) = tgt.filter(|&a| units[a].borrowed && matches!(units[a].code.get(3..6), Some("MIL" | "COP"))) {
                        let ca = country(&units[a]);
                        let unbroken = |u: &Unit| {
                            toks[units[a].end..u.start.max(units[a].end)]
                                .iter()
                                .all(|t| !matches!(t.kind, TokenKind::Comma | TokenKind::Break | TokenKind::End))
                        };
                        if let Some(b) = units.iter().position(|u| free(u) && !u.borrowed && unbroken(u) && country(u) != ca) {
                            tgt = Some(b);
                        }
                    }
                }
            }
            let (s_list, t_list) = (group_of(units, src), group_of(units, tgt));
            if let Some(tr) = trace.as_deref_mut() {
                tr.push(format!(
                    "verb {vtext}: {pattern} → code {code:?}; source {}; target {}{}",
                    s_list.iter().map(|&u| units[u].code.as_str()).collect::<Vec<_>>().join("+"),
                    t_list.iter().map(|&u| units[u].code.as_str()).collect::<Vec<_>>().join("+"),
                    if passive { " (passive)" } else { "" }
                ));
            }
            let vspan = byte_span(toks, v.start, v.end);
            let mut emit = |s: Option<usize>, t: Option<usize>, code: &str| {
                let sc = s.map(|u| units[u].code.as_str()).unwrap_or("");
                let tc = t.map(|u| units[u].code.as_str()).unwrap_or("");
                if sc.is_empty() || (self.opts.require_target && tc.is_empty()) || sc == tc {
                    return;
                }
                if events.iter().any(|e| e.source == sc && e.target == tc && e.code == code) {
                    return;
                }
                events.push(CodedEvent {
                    source: sc.to_string(),
                    target: tc.to_string(),
                    code: code.to_string(),
                    source_span: s.map(|u| byte_span(toks, units[u].start, units[u].end)),
                    target_span: t.map(|u| byte_span(toks, units[u].start, units[u].end)),
                    verb_span: vspan,
                    pattern: pattern.clone(),
                    issues: issues.clone(),
                });
            };
            let pairs: Vec<(Option<usize>, Option<usize>)> = if caps.compound.is_some() && caps.source.is_none() && caps.target.is_none() {
                // %: every member against every other member of the compound.
                let g = group_of(units, caps.compound);
                g.iter().flat_map(|&a| g.iter().filter(move |&&b| b != a).map(move |&b| (Some(a), Some(b)))).collect()
            } else if t_list.is_empty() && s_list.len() > 1 && reciprocal(&code) {
                // "Turkey and Greece agreed to resume talks": with no target, the members of a
                // compound source of a cooperative event (roots 03-06) act on each other.
                let g = &s_list;
                g.iter().flat_map(|&a| g.iter().filter(move |&&b| b != a).map(move |&b| (Some(a), Some(b)))).collect()
            } else {
                let ss: Vec<Option<usize>> = if s_list.is_empty() { vec![None] } else { s_list.iter().map(|&u| Some(u)).collect() };
                let ts: Vec<Option<usize>> = if t_list.is_empty() { vec![None] } else { t_list.iter().map(|&u| Some(u)).collect() };
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
            if events.len() > n_before {
                first_source = first_source.or(src);
                let statement = events[n_before..].iter().all(|e| e.code == "010");
                if statement {
                    // "Pakistan said its jets shot down Indian aircraft": a plain statement
                    // leaves the clause open; a later event in it replaces the statement.
                    said.push((n_before, events.len(), clause[v.start]));
                } else {
                    let c = clause[v.start];
                    let mut drop: Vec<(usize, usize)> =
                        said.iter().filter(|x| x.2 == c).map(|x| (x.0, x.1)).collect();
                    said.retain(|x| x.2 != c);
                    if !drop.is_empty() {
                        drop.sort();
                        let keep: Vec<CodedEvent> = events
                            .drain(..)
                            .enumerate()
                            .filter(|(i, _)| !drop.iter().any(|&(a, b)| a <= *i && *i < b))
                            .map(|(_, e)| e)
                            .collect();
                        events = keep;
                        for x in said.iter_mut() {
                            let before: usize = drop.iter().filter(|&&(_, b)| b <= x.0).map(|&(a, b)| b - a).sum();
                            x.0 -= before;
                            x.1 -= before;
                        }
                    }
                    if self.opts.one_event_per_clause {
                        done_clause = Some(c);
                    }
                }
            }
        }
        if let Some(tr) = trace.as_deref_mut() {
            if events.is_empty() && !verbs.is_empty() {
                tr.push("no event: no verb had both a source and a target actor".into());
            }
        }
        events
    }
}

/// Codes of mutual acts (intent to cooperate, consultation, diplomatic and material
/// cooperation: roots 03 to 06; releasing prisoners, 0841; a truce, 0871), which a compound subject does to its own
/// members. Mediation (039, 045) is done to others.
fn reciprocal(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::One(c) if ["03", "04", "05", "06", "0841", "0871"].iter().any(|r| c.starts_with(r))
        && !c.starts_with("039") && !c.starts_with("045"))
}

/// Clause index of every token: clauses break at `;` and at conjunctions that do not
/// join the members of a compound actor ("Iran and Iraq").
fn clauses(toks: &[Token], units: &[Unit]) -> Vec<u16> {
    let mut out = Vec::with_capacity(toks.len());
    let mut c = 0u16;
    let mut next = 0; // first unit starting after the current token
    for (i, t) in toks.iter().enumerate() {
        while next < units.len() && units[next].start <= i {
            next += 1;
        }
        let conj = matches!(t.norm.as_str(), "AND" | "BUT" | "WHILE" | "WHEREAS" | "ALTHOUGH")
            || t.norm == ";";
        if conj {
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

fn negated(toks: &[Token], start: usize) -> bool {
    let lo = start.saturating_sub(3);
    toks[lo..start].iter().any(|t| NEGATIONS.contains(&t.norm.as_str()) || t.norm.ends_with("N'T"))
}

/// "will impose", "would also send": the act is announced, not done.
fn future_modal(toks: &[Token], start: usize) -> bool {
    let lo = start.saturating_sub(2);
    toks[lo..start].iter().any(|t| matches!(t.norm.as_str(), "WILL" | "WOULD" | "SHALL" | "'LL"))
}

/// The CAMEO code of announcing an act: conflict becomes the matching threat (13x),
/// cooperation the matching intent (03x); statements and appeals stay as they are.
fn future_code(c: &str) -> String {
    let root = c.get(..2).unwrap_or("");
    let mapped = match root {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => match c {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" => "035",
        "16" => match c {
            "161" => "1313",
            "162" | "1621" | "1622" | "1623" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" | "1661" | "1662" | "1663" => "136",
            _ => "131",
        },
        "17" => match c {
            "172" | "1721" | "1722" | "1723" | "1724" => "132",
            _ => "137",
        },
        "18" => "1383",
        "19" => match c {
            "191" => "1381",
            "192" => "1382",
            _ => "1384",
        },
        "20" => "1385",
        _ => c,
    };
    mapped.to_string()
}

fn is_passive(toks: &[Token], start: usize, head: usize) -> bool {
    let h = &toks[head.min(toks.len() - 1)].norm;
    let participle = h.ends_with("ED") || h.ends_with("EN") || h.ends_with('T') || h.ends_with('N');
    participle && toks[start.saturating_sub(2)..start].iter().any(|t| BE.contains(&t.norm.as_str()))
}

/// Whether the actor starting at token `start` follows "in"/"at" (or "in the"): a place.
/// An embassy, consulate or mission "in" a country stands for that country's relations.
fn located_at(toks: &[Token], start: usize) -> bool {
    let w = |k: usize| toks[k].norm.as_str();
    let prep = if start >= 1 && matches!(w(start - 1), "IN" | "AT") {
        Some(start - 1)
    } else if start >= 2 && w(start - 1) == "THE" && matches!(w(start - 2), "IN" | "AT") {
        Some(start - 2)
    } else {
        None
    };
    prep.is_some_and(|p| p == 0 || !matches!(w(p - 1), "EMBASSY" | "EMBASSIES" | "CONSULATE" | "CONSULATES" | "MISSION"))
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
    use crate::dict::{load, Dictionary};

    fn events(dict: &Dictionary, text: &str) -> Vec<(String, String, String)> {
        let mut c = Coder::new(dict);
        c.code_sentence(text, &SentenceContext::default())
            .into_iter()
            .map(|e| (e.source, e.target, e.code))
            .collect()
    }

    fn ev(s: &str, t: &str, c: &str) -> (String, String, String) {
        (s.into(), t.into(), c.into())
    }

    #[test]
    fn announced_acts_are_threats_or_intents() {
        assert_eq!(future_code("163"), "1312");
        assert_eq!(future_code("195"), "1384");
        assert_eq!(future_code("042"), "036");
        assert_eq!(future_code("073"), "0333");
        assert_eq!(future_code("010"), "010");
        assert_eq!(future_code("111"), "111");
    }

    #[test]
    fn herald_conventions_on_the_builtin_set() {
        let dict = Dictionary::compile(&load::builtin());
        // A statement gives way to the event it reports; "would" makes it a threat.
        assert_eq!(
            events(&dict, "Iran said the United States would impose sanctions on Iraq."),
            vec![ev("USA", "IRQ", "1312")]
        );
        // A compound source of a mutual act acts on its own members.
        assert_eq!(
            events(&dict, "Turkey and Greece agreed to resume talks."),
            vec![ev("TUR", "GRC", "036"), ev("GRC", "TUR", "036")]
        );
        // A place after "in" is the setting of talks, not the other party.
        assert_eq!(
            events(&dict, "Russia and Ukraine signed a deal in Istanbul."),
            vec![ev("RUS", "UKR", "057"), ev("UKR", "RUS", "057")]
        );
        // Weapons that borrowed the source's country are not the target.
        assert_eq!(events(&dict, "Iran launched drones at Israel."), vec![ev("IRN", "ISR", "195")]);
        // An actor inside the pattern's words can be the target.
        assert_eq!(events(&dict, "Niger expelled the French ambassador."), vec![ev("NER", "FRAGOV", "161")]);
    }
}
