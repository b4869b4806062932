//! Actors in a sentence: dictionary actors and agents combined into units
//! ("Iraqi lawmakers" → IRQLEG, "ambassadors of Arnor" → ARNGOV), pronouns resolved to
//! the last unit before them, and units joined into compound groups ("Iran and Iraq").

use crate::date::Date;
use crate::dict::compile::{Dictionary, LexId};
use crate::dict::SourceLoc;
use crate::token::{Token, TokenKind};

/// A resolved actor mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Token range.
    pub start: usize,
    pub end: usize,
    /// The full actor code (country + roles), e.g. `IRQLEG`.
    pub code: String,
    /// Compound group: units listed together share it.
    pub group: u32,
    /// Where the actor came from, for explanations.
    pub source: Origin,
    /// One past the last word of a gapped phrase whose far words lie after `end`
    /// (`DURTHANG … ORC`); otherwise `end`.
    pub far: usize,
    /// The actor's own code, without agent roles (`FOR` of `FORGOVPRS`).
    pub base: String,
    /// A pronoun standing for an actor named elsewhere.
    pub pronoun: bool,
    /// Where the unit's country comes from.
    pub country_from: CountryFrom,
    /// A person's full name from the dictionary ("Kais Saied"), whose last word may stand
    /// for them later in the article.
    pub person: bool,
}

impl Unit {
    /// A bare agent that took its country from a nearby actor ("Iran launched drones":
    /// `drones` → IRNMIL) rather than naming one.
    pub fn borrowed(&self) -> bool {
        self.country_from == CountryFrom::Nearby
    }
}

/// Where a unit's country comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountryFrom {
    /// The mention names it ("Iraqi lawmakers", "Tehran"), or the unit has no country.
    #[default]
    Named,
    /// A bare agent borrowed it from an actor near it in the sentence.
    Nearby,
    /// A bare agent took the sentence's default country (the article's).
    Default,
    /// An agent placed "in" a country or city ("gunmen in Tripoli") took the place's
    /// country, which the article's context may correct ([`AgentRules::place_country`]).
    Place,
}

/// Where a [`Unit`] came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The dictionary line of its actor (or agent) entry.
    Entry(SourceLoc),
    /// A pronoun's referent in the previous sentence.
    PreviousSentence,
    /// "we" or "I" in a quotation: its speaker.
    Speaker,
    /// A noun phrase that names no actor (PETRARCH `new_actor_length`).
    Phrase,
    /// A person's surname alone, after the article named them in full.
    Surname,
    /// Resolved from the article's context, as described ("earlier in the article
    /// (foreign minister)", "our of the speaker").
    Context(String),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Entry(loc) => loc.fmt(f),
            Origin::PreviousSentence => f.write_str("previous sentence"),
            Origin::Speaker => f.write_str("speaker of the quotation"),
            Origin::Phrase => f.write_str("a noun phrase with no actor"),
            Origin::Surname => f.write_str("surname of a person named earlier in the article"),
            Origin::Context(what) => f.write_str(what),
        }
    }
}

/// A raw dictionary hit before units are formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    Actor(u32),
    Agent(u32),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub start: usize,
    /// End of the contiguous words.
    pub end: usize,
    /// One past the last word, after any gap (`DURTHANG … ORC`); `end` when contiguous.
    pub far: usize,
    pub hit: Hit,
}

/// How far apart the words of a gapped actor phrase (`DURTHANG ORC`) may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorGap {
    /// Most tokens in one gap; 0 keeps phrases contiguous.
    pub max: usize,
    /// Only plain words may lie in a gap (no punctuation, no conjunctions).
    pub words_only: bool,
    /// Agents starting inside an agent phrase count too (PETRARCH).
    pub overlapping_agents: bool,
}

/// Longest-match scan for actors and agents. At equal length an actor beats an agent,
/// and more exact words beat stems. Words of a gapped phrase found after a gap are
/// marked in `claimed`: they start no mention of their own and are no verbs.
pub(crate) fn find_mentions<'a>(
    dict: &Dictionary,
    toks: &[Token],
    lex: &dyn Fn(usize) -> &'a [LexId],
    gap: ActorGap,
    path: &mut Vec<usize>,
    claimed: &mut Vec<bool>,
    out: &mut Vec<Mention>,
) {
    let n = toks.len();
    out.clear();
    claimed.clear();
    claimed.resize(n, false);
    let gapped = gap.max > 0 && (dict.actor_trie.has_gaps() || dict.agent_trie.has_gaps());
    let may_skip = |p: usize| {
        let t = &toks[p];
        if gap.words_only {
            t.kind == TokenKind::Word && !matches!(t.norm.as_str(), "AND" | "OR" | "BUT" | "NOR")
        } else {
            t.kind != TokenKind::End
        }
    };
    let mut i = 0;
    while i < n {
        if claimed[i] {
            i += 1;
            continue;
        }
        // (words matched, rank, hit, contiguous end, last word + 1)
        let mut best: Option<(usize, i32, Hit, usize, usize)> = None;
        let mut consider = |words: usize, rank: i32, hit: Hit, end: usize, last: usize| {
            let better = match best {
                None => true,
                Some((bw, br, ..)) => words > bw || (words == bw && rank > br),
            };
            if better {
                best = Some((words, rank, hit, end, last));
            }
        };
        let actor_rank = |v: u32| 1000 + dict.actors[v as usize].exact_words as i32;
        if gapped {
            let contiguous = |p: &[usize]| p.iter().enumerate().take_while(|&(k, &q)| q == p[0] + k).count();
            let claimed_ref = &*claimed;
            let skip = |p: usize| may_skip(p) || claimed_ref[p];
            dict.actor_trie.matches_at_gapped(i, n, lex, &skip, gap.max, path, &mut |p, v| {
                if p.iter().all(|&q| !claimed_ref[q]) {
                    consider(p.len(), actor_rank(v), Hit::Actor(v), i + contiguous(p), p[p.len() - 1] + 1);
                }
            });
            dict.agent_trie.matches_at_gapped(i, n, lex, &skip, gap.max, path, &mut |p, v| {
                if p.iter().all(|&q| !claimed_ref[q]) {
                    consider(p.len(), 0, Hit::Agent(v), i + contiguous(p), p[p.len() - 1] + 1);
                }
            });
        } else {
            dict.actor_trie.matches_at(i, n, lex, &mut |end, v| consider(end - i, actor_rank(v), Hit::Actor(v), end, end));
            dict.agent_trie.matches_at(i, n, lex, &mut |end, v| consider(end - i, 0, Hit::Agent(v), end, end));
        }
        match best {
            Some((words, _, hit, end, last)) => {
                if last > end {
                    // Re-walk to mark the words after the gap.
                    mark_tail(dict, hit, i, n, lex, &may_skip, gap.max, words, path, claimed);
                }
                out.push(Mention { start: i, end, far: last.max(end), hit });
                // PETRARCH also finds the agents that start inside an agent phrase:
                // "main opposition group" holds "opposition group".
                if gap.overlapping_agents && matches!(hit, Hit::Agent(_)) {
                    for p in i + 1..end {
                        let mut inner: Option<(usize, u32)> = None;
                        dict.agent_trie.matches_at(p, n, lex, &mut |e, v| {
                            if inner.is_none_or(|(be, _)| e > be) {
                                inner = Some((e, v));
                            }
                        });
                        if let Some((e, v)) = inner {
                            out.push(Mention { start: p, end: e, far: e, hit: Hit::Agent(v) });
                        }
                    }
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Marks the words of the chosen gapped match that lie after its contiguous head.
#[allow(clippy::too_many_arguments)]
fn mark_tail<'a>(
    dict: &Dictionary,
    hit: Hit,
    i: usize,
    n: usize,
    lex: &dyn Fn(usize) -> &'a [LexId],
    may_skip: &dyn Fn(usize) -> bool,
    max: usize,
    words: usize,
    path: &mut Vec<usize>,
    claimed: &mut [bool],
) {
    let (trie, want) = match hit {
        Hit::Actor(v) => (&dict.actor_trie, v),
        Hit::Agent(v) => (&dict.agent_trie, v),
    };
    let mut found: Option<Vec<usize>> = None;
    let claimed_ref = &*claimed;
    let skip = |p: usize| may_skip(p) || claimed_ref[p];
    trie.matches_at_gapped(i, n, lex, &skip, max, path, &mut |p, v| {
        if v == want && p.len() == words && found.is_none() {
            found = Some(p.to_vec());
        }
    });
    if let Some(p) = found {
        for (k, &q) in p.iter().enumerate() {
            if q != i + k {
                claimed[q] = true;
            }
        }
    }
}

fn is_word(toks: &[Token], i: usize, w: &str) -> bool {
    toks.get(i).is_some_and(|t| t.norm == w)
}

/// Combines mentions into units and compound groups.
pub(crate) fn build_units(
    dict: &Dictionary,
    toks: &[Token],
    mentions: &[Mention],
    date: Option<Date>,
    default_country: Option<&str>,
    rules: AgentRules<'_>,
    modifier: &[u8],
    out: &mut Vec<Unit>,
) {
    let convert_agents = rules.convert;
    // "former" before the actor or the agent of a pair makes the role an elite (CAMEO,
    // TABARI 5.4.1).
    let former = |i: usize| i > 0 && toks[i - 1].norm == "FORMER";
    out.clear();
    let actor_code = |m: &Mention| -> Option<String> {
        match m.hit {
            Hit::Actor(a) => dict.actors[a as usize].code_on(date).map(str::to_string),
            Hit::Agent(_) => None,
        }
    };
    let agent = |i: usize| match mentions[i].hit {
        Hit::Agent(g) => Some(&dict.agents[g as usize]),
        Hit::Actor(_) => None,
    };
    // Applies a stack of agent mentions to an actor code, in the order found.
    let apply = |code: &str, stack: &[usize], actor_start: usize| -> String {
        let mut code = code.to_string();
        for &i in stack {
            let ag = agent(i).expect("agent");
            let role = if former(mentions[i].start) || former(actor_start) { "ELI" } else { ag.code.as_str() };
            code = attach(&code, role, ag.suffix);
        }
        code
    };
    let is_join = |a: usize, b: usize| {
        a < b && b - a <= 2 && toks[a..b].iter().all(|t| t.kind == TokenKind::Comma || matches!(t.norm.as_str(), "AND" | "OR"))
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = mentions[k];
        // Leading agents: stacks of adjacent (or, PETRARCH, overlapping) agents; with
        // `distribute`, several stacks joined by "and" ("lawmakers and officials in …").
        let mut stacks: Vec<Vec<usize>> = Vec::new();
        let mut j = k;
        let mut run_end = m.start;
        while j < mentions.len() && agent(j).is_some() {
            let n = mentions[j];
            if stacks.is_empty() || n.start <= run_end {
                if stacks.is_empty() {
                    stacks.push(Vec::new());
                }
            } else if rules.distribute && is_join(run_end, n.start) {
                stacks.push(Vec::new());
            } else {
                break;
            }
            stacks.last_mut().expect("stack").push(j);
            run_end = run_end.max(n.end);
            j += 1;
        }
        // The actor: this mention, or one linked to the leading agents by (of|in|for|from)
        // (the)?: "ambassadors of Arnor", "President Falastur", "soldiers from Gondor".
        // Leading agents linked to their actor by "in": the actor is a place.
        let mut placed = false;
        let actor_at = if stacks.is_empty() {
            Some(k)
        } else {
            let mut p = run_end;
            placed = is_word(toks, p, "IN");
            if ["OF", "IN", "FOR", "FROM"].iter().any(|w| is_word(toks, p, w)) {
                p += 1;
                if is_word(toks, p, "THE") {
                    p += 1;
                }
            }
            mentions.get(j).filter(|n| n.start == p && matches!(n.hit, Hit::Actor(_))).map(|_| j)
        };
        let Some(ai) = actor_at else {
            // Bare agents take the article's country, or stand as an actor of their own
            // (TABARI CONVERT AGENTS: `~COP`, `NGO~`), or for an unknown one (`---GOV`).
            let first = agent(k).expect("agent");
            // With herald's dictionaries a bare agent takes the country of the nearest actor
            // in the sentence ("Russia massed troops" → RUSMIL) before the article's.
            // International actors (IGO, NGO, IMG …) have no country to lend; nor does an
            // actor across a clause break (", and", ";"), or after the agent across a verb
            // ("Prime Minister X thanked Hungary").
            const NEAR: usize = 8;
            let national = |c: &str| !c.starts_with(UNKNOWN) && !NON_COUNTRY.iter().any(|p| c.starts_with(p));
            let clause_break = |a: usize, b: usize| {
                let t = &toks[a..b];
                t.iter().any(|x| matches!(x.kind, TokenKind::Break | TokenKind::End))
                    || t.windows(2).any(|w| w[0].kind == TokenKind::Comma && w[1].norm == "AND")
            };
            let verb_between = |a: usize, b: usize| (a..b).any(|i| rules.verbish.get(i).copied().unwrap_or(false));
            let near = if rules.nearest_country {
                out.last()
                    .filter(|u| m.start >= u.end && m.start - u.end <= NEAR && national(&u.code) && !clause_break(u.end, m.start))
                    .map(|u| country(&u.code))
                    .or_else(|| {
                        mentions[j.min(mentions.len())..]
                            .iter()
                            .take_while(|n| n.start >= m.end && n.start - m.end <= NEAR && !verb_between(m.end, n.start))
                            .find_map(|n| actor_code(n).filter(|c| national(c)).map(|c| country(&c)))
                    })
            } else {
                None
            };
            let base = match (near.as_deref().or(default_country), rules.placeholder) {
                (Some(c), _) => Some(c.to_string()),
                _ if convert_agents => None,
                (None, Some(p)) => Some(p.to_string()),
                // herald keeps it for now: a role noun may name someone from earlier in the
                // article ("the minister"); what stays unknown is dropped after that.
                (None, None) if rules.nearest_country => Some(UNKNOWN.to_string()),
                (None, None) => {
                    k = j.max(k + 1);
                    continue;
                }
            };
            for stack in &stacks {
                let code = match &base {
                    Some(b) => apply(b, stack, m.start),
                    None => {
                        let role = first.code.trim_matches('~');
                        if first.suffix { format!("~{role}") } else { format!("{role}~") }
                    }
                };
                let (s0, e0) = (mentions[stack[0]].start, stack.iter().map(|&i| mentions[i].end).max().unwrap_or(m.end));
                let source = Origin::Entry(agent(stack[0]).expect("agent").loc.clone());
                out.push(Unit { start: s0, end: e0, code: code.clone(), group: 0, source, far: e0, base: code, pronoun: false, country_from: match near {
                    Some(_) => CountryFrom::Nearby,
                    None if default_country.is_some() => CountryFrom::Default,
                    None => CountryFrom::Named,
                }, person: false });
            }
            k = j.max(k + 1);
            continue;
        };
        let am = mentions[ai];
        let Hit::Actor(a) = am.hit else { unreachable!() };
        let entry = &dict.actors[a as usize];
        let Some(mut base) = actor_code(&am) else {
            k = ai + 1;
            continue;
        };
        // "gunmen in Tripoli": the place's country as the article's context resolves it.
        let placed = placed && base.len() == 3;
        if let Some(c) = rules.place_country.filter(|_| placed) {
            base = c.to_string();
        }
        let mut end = am.end;
        let mut far = am.far.max(m.far);
        let mut src = Origin::Entry(entry.loc.clone());
        // Actor ('s)? [modifiers] Agent+ → actor with roles; PETRARCH agents may overlap.
        let mut trailing: Vec<usize> = Vec::new();
        let mut jj = ai + 1;
        while let Some(n) = mentions.get(jj) {
            if agent(jj).is_none() {
                break;
            }
            let mut gap = end;
            if is_word(toks, gap, "'S") {
                gap += 1;
            }
            let overlaps = !trailing.is_empty() && n.start < end;
            // Modifiers are plain words: no conjunction, no verb ("police arrested students").
            let plain = |i: usize| {
                let t = &toks[i];
                t.kind == TokenKind::Word
                    && !matches!(t.norm.as_str(), "AND" | "OR" | "NOR" | "BUT")
                    && !rules.verbish.get(i).copied().unwrap_or(false)
                    && !(rules.nearest_country && FUNCTION_WORDS.contains(&t.norm.as_str()))
                    && !PREPOSITIONS.contains(&t.norm.as_str())
            };
            // …but two of them may be joined by a conjunction: "Ithilen's awful and evil
            // minister" is one noun phrase, not a compound.
            let joined = |i: usize| {
                matches!(toks[i].norm.as_str(), "AND" | "OR") && i > gap && i + 1 < n.start && plain(i - 1) && plain(i + 1)
            };
            let mods = (gap..n.start.max(gap)).filter(|&i| toks[i].norm != "FORMER" && !joined(i)).count();
            if !overlaps && (n.start < gap || mods > rules.modifiers || !(gap..n.start).all(|i| plain(i) || joined(i))) {
                break;
            }
            trailing.push(jj);
            src = Origin::Entry(agent(jj).expect("agent").loc.clone());
            end = end.max(n.end);
            far = far.max(n.far);
            jj += 1;
        }
        // With `distribute`, more agents joined by "and" make more units of the same actor:
        // "Danish media and government". After a determiner the phrase ends at its agent, as
        // PETRARCH's parse brackets it: "the Danish media and government" are two phrases.
        let mut more: Vec<usize> = Vec::new();
        let determined = m.start > 0 && matches!(toks[m.start - 1].norm.as_str(), "THE" | "A" | "AN");
        if rules.distribute && !trailing.is_empty() && !determined {
            while let Some(n) = mentions.get(jj) {
                if agent(jj).is_none() || !is_join(end, n.start) {
                    break;
                }
                more.push(jj);
                end = n.end;
                jj += 1;
            }
        }
        let code_with = |stack: &[usize], tail: &[usize]| -> String {
            // A person's own code carries roles already: "President Falastur".
            let lead_adjacent = stack.last().is_some_and(|&i| mentions[i].end == am.start);
            let mut code = if lead_adjacent && base.len() > 3 && stack.iter().all(|&i| !former(mentions[i].start)) && !former(am.start) {
                base.clone()
            } else {
                apply(&base, stack, am.start)
            };
            code = apply(&code, tail, am.start);
            code
        };
        let start = m.start;
        let mut codes: Vec<String> = Vec::new();
        let leads: Vec<&[usize]> = if stacks.is_empty() { vec![&[][..]] } else { stacks.iter().map(|s| s.as_slice()).collect() };
        for lead in &leads {
            codes.push(code_with(lead, &trailing));
            for &x in &more {
                codes.push(code_with(lead, &[x]));
            }
        }
        // "Bree Prime Minister Romendacil": a person named right after the role belongs to
        // the same mention; a more specific code of theirs wins.
        let mut named = am;
        if !trailing.is_empty() && more.is_empty() && codes.len() == 1 {
            if let Some(n) = mentions.get(jj).filter(|n| n.start == end && matches!(n.hit, Hit::Actor(_))) {
                named = *n;
                if let Some(pc) = actor_code(n) {
                    if pc.len() > codes[0].len() && pc.starts_with(&codes[0][..3.min(codes[0].len())]) {
                        codes[0] = pc;
                    }
                }
                end = n.end;
                far = far.max(n.far);
                jj += 1;
            }
        }
        // "Russia's ambassador to Germany": the host country after an envoy's "to" belongs
        // to the mention, not an actor of its own (herald).
        if rules.nearest_country && !trailing.is_empty() && codes.iter().all(|c| c.ends_with("GOV")) && is_word(toks, end, "TO") {
            let at = if is_word(toks, end + 1, "THE") { end + 2 } else { end + 1 };
            if let Some(n) = mentions.get(jj).filter(|n| n.start == at && matches!(n.hit, Hit::Actor(_))) {
                end = n.end;
                far = far.max(n.far);
                jj += 1;
            }
        }
        // A person: a dated entry of two words or more, the whole unit's end.
        let dated = |m: &Mention| match m.hit {
            Hit::Actor(a) => dict.actors[a as usize].codes.iter().any(|c| c.from.is_some() || c.to.is_some()),
            Hit::Agent(_) => false,
        };
        let person = end == named.end && named.end - named.start >= 2 && dated(&named);
        for code in codes {
            let country_from = if placed { CountryFrom::Place } else { CountryFrom::Named };
            push_unit(out, Unit { start, end, code, group: 0, source: src.clone(), far: far.max(end), base: base.clone(), pronoun: false, country_from, person });
        }
        k = jj;
        // With `distribute`, leading agents carry over the rest of a compound of actors:
        // "the ambassadors of Arnor, Osgiliath and Gondor".
        if rules.distribute && !stacks.is_empty() {
            let mut last_end = end;
            while let Some(n) = mentions.get(k) {
                let Hit::Actor(na) = n.hit else { break };
                let between_ok = last_end < n.start
                    && n.start - last_end <= 2
                    && toks[last_end..n.start].iter().all(|t| t.kind == TokenKind::Comma || matches!(t.norm.as_str(), "AND" | "OR"));
                if !between_ok {
                    break;
                }
                let Some(nb) = dict.actors[na as usize].code_on(date).map(str::to_string) else { break };
                for lead in &stacks {
                    let code = apply(&nb, lead, n.start);
                    let source = Origin::Entry(dict.actors[na as usize].loc.clone());
                    push_unit(out, Unit { start: n.start, end: n.end, code, group: 0, source, far: n.far, base: nb.clone(), pronoun: false, country_from: CountryFrom::Named, person: false });
                }
                last_end = n.end;
                k += 1;
            }
        }
    }
    let groups = provisional_groups(toks, modifier, rules.one_conjunction, out);
    for (u, g) in out.iter_mut().zip(groups) {
        u.group = g;
    }
}

/// Kinds of words that may stand before the members of a compound actor.
pub(crate) const MOD_DET: u8 = 1;
/// A word of the dictionary's adjective list.
pub(crate) const MOD_ADJ: u8 = 2;
/// Any other plain word (where no adjective list says better).
pub(crate) const MOD_WORD: u8 = 4;
/// A possessive that joins the actors on either side (TABARI).
pub(crate) const MOD_POSSESSIVE: u8 = 8;
/// A comma (of ", and") that starts a new clause: no compound joins across it.
pub(crate) const MOD_CLAUSE: u8 = 16;

/// How pronouns find their referents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounRule {
    /// HE, SHE, IT, THEY, WE: the nearest actor before.
    Nearest,
    /// TABARI 7.7: HE, SHE, IT, HIM, ITS, HIS, HER refer to the first actor of the sentence
    /// (before them); THEY, THEM, THEIR to the first compound actor, all its members, else
    /// to the first actor.
    Tabari,
}

/// Adds a unit for every pronoun with a referent, then recomputes the compound groups.
/// A pronoun with no actor before it in the sentence refers to `antecedent`, the actor
/// carried over from the previous sentence of the story (TABARI FORWARD).
pub(crate) fn resolve_pronouns(
    toks: &[Token],
    modifier: &[u8],
    one_conjunction: bool,
    rule: PronounRule,
    antecedent: Option<&str>,
    speaker: Option<&str>,
    out: &mut Vec<Unit>,
) {
    let groups = provisional_groups(toks, modifier, one_conjunction, out);
    let mut with_pronouns: Vec<Unit> = Vec::with_capacity(out.len());
    let mut ui = 0;
    for (i, t) in toks.iter().enumerate() {
        while ui < out.len() && out[ui].start <= i {
            with_pronouns.push(out[ui].clone());
            ui += 1;
        }
        if t.kind != TokenKind::Word || out.iter().any(|u| u.start <= i && i < u.end) {
            continue;
        }
        // In a quotation, "we" and "I" are its speaker.
        if let (Some(code), "WE" | "I") = (speaker, t.norm.as_str()) {
            with_pronouns.push(Unit {
                start: i,
                end: i + 1,
                code: code.to_string(),
                group: 0,
                source: Origin::Speaker,
                far: i + 1,
                base: code.to_string(),
                pronoun: true,
                country_from: CountryFrom::Named,
                person: false,
            });
            continue;
        }
        let before = |k: &usize| out[*k].end <= i;
        // herald: a place named as a setting ("talks in Tehran") is nobody a pronoun stands
        // for, and "he", "she", "him" stand for a person or a group, never a bare country
        // ("met the minister in Tehran and thanked him").
        let bare_country = |k: usize| out[k].code.len() == 3 && !out[k].person;
        let party = |k: &usize| before(k) && !(bare_country(*k) && super::located_at(toks, out[*k].start));
        let someone = |k: &usize| before(k) && !bare_country(*k);
        let compound = |k: &usize| groups.iter().filter(|&&g| g == groups[*k]).count() > 1;
        let referent: Vec<usize> = match (rule, t.norm.as_str()) {
            // In a quoted sentence a "he" still stands somewhere, for the speaker to take over
            // outside the marks (`refer::speaker_references`).
            (PronounRule::Nearest, "HE" | "SHE" | "HIM") => {
                (0..out.len()).rev().find(someone).or_else(|| speaker.and((0..out.len()).rev().find(party))).into_iter().collect()
            }
            (PronounRule::Nearest, "IT" | "WE") => (0..out.len()).rev().find(party).into_iter().collect(),
            // "Burkina Faso and Niger announced that they …": all of a compound.
            (PronounRule::Nearest, "THEY" | "THEM") => match (0..out.len()).rev().find(party) {
                Some(c) if compound(&c) => (0..out.len()).filter(|&k| groups[k] == groups[c]).collect(),
                Some(c) => vec![c],
                None => Vec::new(),
            },
            (PronounRule::Tabari, "HE" | "SHE" | "IT" | "HIM" | "ITS" | "HIS" | "HER") => {
                (0..out.len()).find(before).into_iter().collect()
            }
            (PronounRule::Tabari, "THEY" | "THEM" | "THEIR") => match (0..out.len()).filter(before).find(compound) {
                Some(c) => (0..out.len()).filter(|&k| groups[k] == groups[c]).collect(),
                None => (0..out.len()).find(before).into_iter().collect(),
            },
            _ => Vec::new(),
        };
        // herald (Nearest) carries only subject pronouns over from the last sentence ("He
        // tweeted"), not possessives ("its embassy").
        let is_pronoun = match rule {
            PronounRule::Nearest => matches!(t.norm.as_str(), "HE" | "SHE" | "THEY" | "WE"),
            PronounRule::Tabari => matches!(
                t.norm.as_str(),
                "HE" | "SHE" | "IT" | "HIM" | "ITS" | "HIS" | "HER" | "THEY" | "THEM" | "THEIR" | "WE"
            ),
        };
        if referent.is_empty() && is_pronoun && !(0..out.len()).any(|k| before(&k)) {
            if let Some(a) = antecedent {
                with_pronouns.push(Unit {
                    start: i,
                    end: i + 1,
                    code: a.to_string(),
                    group: 0,
                    source: Origin::PreviousSentence,
                    far: i + 1,
                    base: a.to_string(),
                    pronoun: true,
                    country_from: CountryFrom::Named,
                person: false,
                });
            }
        }
        for k in referent {
            with_pronouns.push(Unit { start: i, end: i + 1, far: i + 1, pronoun: true, ..out[k].clone() });
        }
    }
    with_pronouns.extend(out.drain(ui..));
    *out = with_pronouns;
    let groups = provisional_groups(toks, modifier, one_conjunction, out);
    for (u, g) in out.iter_mut().zip(groups) {
        u.group = g;
    }
}

/// Compound groups (TABARI 7.5): `np, np, … and np` where each `np` is an actor after
/// any determiners and adjectives (`modifier`: "Fornost and the evil awful Gondor"); a
/// comma joins only in a list that an "and", "or" or "nor" closes. Units sharing a span
/// (one phrase coding several actors) form a group too.
/// With `one_conjunction`, a list ends at its conjunction: "Calenardhon and Gondor, and
/// Gondor and Dagolath" are two compounds (PETRARCH's parse trees see them so).
pub(crate) fn provisional_groups(toks: &[Token], modifier: &[u8], one_conjunction: bool, out: &[Unit]) -> Vec<u32> {
    // Join kind between unit i-1 and i: 0 none, 1 comma only, 2 with a conjunction.
    let kind: Vec<u8> = (0..out.len())
        .map(|i| {
            if i == 0 {
                return 0;
            }
            let (a, b) = (&out[i - 1], &out[i]);
            if a.start == b.start && a.end == b.end {
                2
            } else if a.end < b.start {
                joins_compound(toks, modifier, a.end, b.start)
            } else {
                0
            }
        })
        .collect();
    let mut groups = Vec::with_capacity(out.len());
    let mut group = 0u32;
    let mut closed = false;
    for i in 0..out.len() {
        if i > 0 {
            let same_span = out[i - 1].start == out[i].start && out[i - 1].end == out[i].end;
            let joined = match kind[i] {
                _ if same_span => true,
                _ if one_conjunction && closed => false,
                2 => true,
                // A comma joins when the list goes on to a conjunction.
                1 => kind[i + 1..].iter().take_while(|&&k| k != 0).any(|&k| k == 2),
                _ => false,
            };
            if !joined {
                group += 1;
                closed = false;
            } else if kind[i] == 2 && !same_span && toks[out[i - 1].end..out[i].start].iter().any(|t| t.kind != TokenKind::Comma) {
                closed = true;
            }
        }
        groups.push(group);
    }
    groups
}

fn is_conj(t: &Token) -> bool {
    t.kind == TokenKind::Comma || matches!(t.norm.as_str(), "AND" | "OR" | "NOR")
}

/// How the tokens `a..b` join two actors: 0 not at all, 1 by a comma only, 2 by a
/// conjunction (or only by adjectives: "the evil Arnor awful Gondor").
fn joins_compound(toks: &[Token], modifier: &[u8], a: usize, b: usize) -> u8 {
    // "Arnor's Elrond": a possessive names two actors of one noun phrase.
    if b == a + 1 && toks[a].kind == TokenKind::Possessive && modifier.get(a).is_some_and(|&m| m & MOD_POSSESSIVE != 0) {
        return 2;
    }
    if (a..b).any(|i| modifier.get(i).is_some_and(|&m| m & MOD_CLAUSE != 0)) {
        return 0;
    }
    let conj = toks[a..b].iter().take_while(|t| is_conj(t)).count();
    let rest = (a + conj..b).all(|i| modifier.get(i).copied().unwrap_or(0) != 0);
    if conj > 2 || !rest {
        return 0;
    }
    if toks[a..a + conj].iter().any(|t| t.kind != TokenKind::Comma) {
        return 2;
    }
    if conj > 0 {
        return 1;
    }
    let adjectives_only = b - a <= 2 && (a..b).all(|i| modifier.get(i) == Some(&MOD_ADJ));
    if adjectives_only {
        2
    } else {
        0
    }
}

/// Adds a unit; a code naming several actors (`FRO/BIL/SAM`) adds one unit per actor,
/// sharing the span, which the grouping below then treats as a compound.
fn push_unit(out: &mut Vec<Unit>, u: Unit) {
    if u.code.contains('/') {
        for c in u.code.split('/').filter(|c| !c.is_empty()) {
            out.push(Unit { code: c.to_string(), base: c.to_string(), ..u.clone() });
        }
    } else {
        out.push(u);
    }
}

/// The country of a bare agent with no country anywhere, until a role noun resolves it.
pub(crate) const UNKNOWN: &str = "---";

/// Sector prefixes of actors that are not countries: they lend no country to agents.
pub(crate) const NON_COUNTRY: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UIS"];

/// Words that never stand between an actor and its role in herald's own coding.
/// A preposition ends a noun phrase: "Osgiliath with the parliament" is two of them.
const PREPOSITIONS: &[&str] = &["TO", "OF", "IN", "ON", "AT", "BY", "FOR", "WITH", "FROM"];

const FUNCTION_WORDS: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "TO", "OF", "IN", "ON", "AT", "BY", "FOR", "WITH",
    "FROM", "THAT", "WHICH", "WHO", "IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "WOULD", "SAID",
    "SAYS",
];

/// The country part of an actor code: its first three letters (`IRQLEG` → `IRQ`).
fn country(code: &str) -> String {
    code.chars().take(3).collect()
}

/// Attaches a role to an actor code: `IRQ` + `~LEG` → `IRQLEG`; `NGO~` prefixes. A role
/// the code already holds at a 3-letter boundary is not added again (`HGWGOVMED` +
/// `GOVMED`, `NGM` + `NGM~`).
pub fn attach(code: &str, role: &str, suffix: bool) -> String {
    let role = role.trim_matches('~');
    let held = !role.is_empty()
        && (0..code.len()).step_by(3).any(|k| code.get(k..k + role.len()) == Some(role));
    if held {
        code.to_string()
    } else if suffix {
        format!("{code}{role}")
    } else {
        format!("{role}{code}")
    }
}

/// How agents combine with actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgentRules<'a> {
    /// Words allowed between an actor and its agent ("Iraq's *new* defence minister").
    pub modifiers: usize,
    /// A bare agent becomes an actor of its own (`~COP`, TABARI CONVERT AGENTS).
    pub convert: bool,
    /// Else a bare agent stands for an unknown actor with this code (`---GOV`, PETRARCH).
    pub placeholder: Option<&'a str>,
    /// A bare agent takes the country of the nearest actor in the sentence (herald).
    pub nearest_country: bool,
    /// Agents joined by "and" each make a unit, and leading agents carry over a compound
    /// of actors ("lawmakers and officials in Fornost and Gondor": four units; PETRARCH).
    pub distribute: bool,
    /// Tokens that start a dictionary verb: no modifier between an actor and its agent.
    pub verbish: &'a [bool],
    /// A compound list ends at its conjunction.
    pub one_conjunction: bool,
    /// The country of the place the sentence names, resolved in the article's context:
    /// agents "in" a place take it ("gunmen in Tripoli" in a Lebanon story).
    pub place_country: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attach_skips_held_roles() {
        let t = [
            ("IRQ", "~LEG", true, "IRQLEG"),
            ("ARN", "NGM~", false, "NGMARN"),
            ("NGM", "NGM~", false, "NGM"),
            ("HGWGOVMED", "~GOVMED", true, "HGWGOVMED"),
            ("USAGOV", "GOV", true, "USAGOV"),
            ("GONGMO", "NGM", false, "NGMGONGMO"),
            ("AREBKK", "REB", true, "AREBKKREB"),
        ];
        for (code, role, suffix, want) in t {
            assert_eq!(attach(code, role, suffix), want, "{code} + {role}");
        }
    }
}
