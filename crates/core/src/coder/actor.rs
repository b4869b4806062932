//! Actors in a sentence: dictionary actors and agents combined into units
//! ("Iraqi lawmakers" → IRQLEG, "ambassadors of Arnor" → ARNGOV), pronouns resolved to
//! the last unit before them, and units joined into compound groups ("Iran and Iraq").

use crate::date::Date;
use crate::dict::compile::{Dictionary, LexId};
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
    /// Dictionary line of the actor (or agent) entry, for explanations.
    pub source: String,
    /// A bare agent that took its country from a nearby actor ("Iran launched drones":
    /// `drones` → IRNMIL), rather than naming one itself.
    pub borrowed: bool,
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
    pub end: usize,
    pub hit: Hit,
}

/// Longest-match scan for actors and agents. At equal length an actor beats an agent,
/// and more exact words beat stems.
pub(crate) fn find_mentions<'a>(dict: &Dictionary, n: usize, lex: &dyn Fn(usize) -> &'a [LexId], out: &mut Vec<Mention>) {
    out.clear();
    let mut i = 0;
    while i < n {
        let mut best: Option<(usize, i32, Hit)> = None;
        let mut consider = |end: usize, rank: i32, hit: Hit| {
            let better = match best {
                None => true,
                Some((be, br, _)) => end > be || (end == be && rank > br),
            };
            if better {
                best = Some((end, rank, hit));
            }
        };
        dict.actor_trie.matches_at(i, n, lex, &mut |end, v| {
            let a = &dict.actors[v as usize];
            consider(end, 1000 + a.exact_words as i32, Hit::Actor(v));
        });
        dict.agent_trie.matches_at(i, n, lex, &mut |end, v| consider(end, 0, Hit::Agent(v)));
        match best {
            Some((end, _, hit)) => {
                out.push(Mention { start: i, end, hit });
                i = end;
            }
            None => i += 1,
        }
    }
}

fn is_word(toks: &[Token], i: usize, w: &str) -> bool {
    toks.get(i).is_some_and(|t| t.norm == w)
}

/// Sector prefixes of actors that are not countries.
const NON_COUNTRY: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UIS"];

const PRONOUNS: &[&str] = &["HE", "SHE", "IT", "THEY", "WE"];

const FUNCTION_WORDS: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "TO", "OF", "IN", "ON", "AT", "BY", "FOR", "WITH",
    "FROM", "THAT", "WHICH", "WHO", "AND", "OR", "BUT", "IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD",
    "WILL", "WOULD", "SAID", "SAYS",
];

fn starts_verb<'a>(dict: &Dictionary, i: usize, n: usize, lex: &dyn Fn(usize) -> &'a [LexId]) -> bool {
    let mut hit = false;
    dict.verb_trie.matches_at(i, n, lex, &mut |_, _| hit = true);
    hit
}

/// Combines mentions into units and compound groups.
pub(crate) fn build_units<'a>(
    dict: &Dictionary,
    lex: &dyn Fn(usize) -> &'a [LexId],
    toks: &[Token],
    mentions: &[Mention],
    date: Option<Date>,
    default_country: Option<&str>,
    nearest_country: bool,
    out: &mut Vec<Unit>,
) {
    out.clear();
    let actor_code = |m: &Mention| -> Option<String> {
        match m.hit {
            Hit::Actor(a) => dict.actors[a as usize].code_on(date).map(str::to_string),
            Hit::Agent(_) => None,
        }
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = mentions[k];
        match m.hit {
            Hit::Actor(a) => {
                let entry = &dict.actors[a as usize];
                let Some(mut code) = actor_code(&m) else {
                    k += 1;
                    continue;
                };
                let mut end = m.end;
                let mut src = entry.loc.to_string();
                // Actor ('s)? [up to two modifiers] Agent+  → actor with roles.
                let mut j = k + 1;
                while let Some(n) = mentions.get(j) {
                    let Hit::Agent(g) = n.hit else { break };
                    let mut gap = end;
                    if is_word(toks, gap, "'S") {
                        gap += 1;
                    }
                    // Modifiers between actor and role ("Gondor's top general") are plain
                    // words: no punctuation, no determiner, no verb ("Russia withdrew its troops").
                    let modifier_ok = |i: usize| {
                        let t = &toks[i];
                        t.kind == TokenKind::Word
                            && !FUNCTION_WORDS.contains(&t.norm.as_str())
                            && !starts_verb(dict, i, toks.len(), lex)
                    };
                    if n.start < gap || n.start - gap > 2 || !(gap..n.start).all(modifier_ok) {
                        break;
                    }
                    let ag = &dict.agents[g as usize];
                    code = attach(&code, &ag.code, ag.suffix);
                    src = ag.loc.to_string();
                    end = n.end;
                    j += 1;
                }
                // "Bree Prime Minister Romendacil": a person named right after the role
                // belongs to the same mention; a more specific code of theirs wins.
                if j > k + 1 {
                    if let Some(n) = mentions.get(j).filter(|n| n.start == end && matches!(n.hit, Hit::Actor(_))) {
                        if let Some(pc) = actor_code(n) {
                            if pc.len() > code.len() && pc.starts_with(&code[..3.min(code.len())]) {
                                code = pc;
                            }
                        }
                        end = n.end;
                        j += 1;
                    }
                }
                // "Russia's ambassador to Germany": the host country after an envoy's "to" is
                // part of the mention, not an actor of its own.
                if j > k + 1 && code.ends_with("GOV") && is_word(toks, end, "TO") {
                    let at = if is_word(toks, end + 1, "THE") { end + 2 } else { end + 1 };
                    if let Some(n) = mentions.get(j).filter(|n| n.start == at && matches!(n.hit, Hit::Actor(_))) {
                        end = n.end;
                        j += 1;
                    }
                }
                push_unit(out, Unit { start: m.start, end, code, group: 0, source: src, borrowed: false });
                k = j;
            }
            Hit::Agent(g) => {
                let ag = &dict.agents[g as usize];
                // Agent ((of|for|from) (the)?)? Actor: "ambassadors of Arnor", "suspects from Tajikistan",
                // "President Falastur".
                let next = mentions.get(k + 1).copied();
                let linked = next.and_then(|n| {
                    let Hit::Actor(_) = n.hit else { return None };
                    let mut p = m.end;
                    if is_word(toks, p, "OF") || is_word(toks, p, "FOR") || is_word(toks, p, "FROM") {
                        p += 1;
                        if is_word(toks, p, "THE") {
                            p += 1;
                        }
                    }
                    (p == n.start).then_some(n)
                });
                if let Some(n) = linked {
                    if let Some(code) = actor_code(&n) {
                        // A person's own code carries roles already: keep it.
                        let code = if code.len() > 3 && m.end == n.start { code } else { attach(&code, &ag.code, ag.suffix) };
                        push_unit(out, Unit { start: m.start, end: n.end, code, group: 0, source: ag.loc.to_string(), borrowed: false });
                        k += 2;
                        continue;
                    }
                }
                // A bare agent takes the country of the nearest actor in the sentence
                // ("Russia massed troops" → RUSMIL), else the article's country.
                const NEAR: usize = 8;
                // International actors (IGO, NGO, IMG …) have no country to lend.
                let national = |c: &str| !NON_COUNTRY.iter().any(|p| c.starts_with(p));
                // Not across a clause break (", and", ";", a dash).
                let clause_break = |a: usize, b: usize| {
                    let t = &toks[a..b];
                    t.iter().any(|x| matches!(x.kind, TokenKind::Break | TokenKind::End))
                        || t.windows(2).any(|w| w[0].kind == TokenKind::Comma && w[1].norm == "AND")
                };
                let prev = out
                    .last()
                    .filter(|u| m.start - u.end <= NEAR && national(&u.code) && !clause_break(u.end, m.start))
                    .map(|u| country(&u.code));
                // Not across a verb: in "Prime Minister X thanked Hungary" Hungary is the target.
                let next = || {
                    mentions[k + 1..]
                        .iter()
                        .take_while(|n| n.start - m.end <= NEAR && !(m.end..n.start).any(|i| starts_verb(dict, i, toks.len(), lex)))
                        .find_map(|n| actor_code(n).filter(|c| national(c)).map(|c| country(&c)))
                };
                let near = if nearest_country { prev.or_else(next) } else { None };
                if let Some(c) = near.as_deref().or(default_country) {
                    out.push(Unit {
                        start: m.start,
                        end: m.end,
                        code: attach(c, &ag.code, ag.suffix),
                        group: 0,
                        source: ag.loc.to_string(),
                        borrowed: near.is_some(),
                    });
                }
                k += 1;
            }
        }
    }
    // Pronouns refer to the nearest unit before them.
    let mut with_pronouns: Vec<Unit> = Vec::new();
    let mut ui = 0;
    for (i, t) in toks.iter().enumerate() {
        while ui < out.len() && out[ui].start <= i {
            with_pronouns.push(out[ui].clone());
            ui += 1;
        }
        if t.kind == TokenKind::Word && PRONOUNS.contains(&t.norm.as_str()) && !out.iter().any(|u| u.start <= i && i < u.end) {
            if let Some(prev) = with_pronouns.last().filter(|u| u.end <= i) {
                let mut u = prev.clone();
                u.start = i;
                u.end = i + 1;
                with_pronouns.push(u);
            }
        }
    }
    with_pronouns.extend(out.drain(ui..));
    *out = with_pronouns;
    // Compound groups: units separated only by ",", "and", ", and", "or".
    let mut group = 0u32;
    for i in 0..out.len() {
        if i > 0 {
            let (a, b) = (&out[i - 1], &out[i]);
            let same_span = a.start == b.start && a.end == b.end;
            let between = if a.end <= b.start { &toks[a.end..b.start] } else { &[][..] };
            // "Iran and Iraq", "Iran, Iraq", "Oman and the Houthis": separators and a "the"
            // after them.
            // ", and" before an actor that a verb follows starts a new clause when a verb
            // came before the first one: "arrested four suspects, and President X accused".
            let new_clause = between.first().is_some_and(|t| t.kind == TokenKind::Comma)
                && between.iter().any(|t| t.norm == "AND")
                && (b.end..(b.end + 4).min(toks.len())).any(|i| starts_verb(dict, i, toks.len(), lex))
                && (0..a.start).any(|i| starts_verb(dict, i, toks.len(), lex));
            let joins = same_span
                || !new_clause
                && !between.is_empty()
                && between.len() <= 3
                && between.iter().any(|t| t.kind == TokenKind::Comma || t.norm == "AND" || t.norm == "OR")
                && between.iter().enumerate().all(|(k, t)| {
                    t.kind == TokenKind::Comma || t.norm == "AND" || t.norm == "OR" || (t.norm == "THE" && k + 1 == between.len())
                });
            if !joins {
                group += 1;
            }
        }
        out[i].group = group;
    }
}

/// Adds a unit; a code naming several actors (`FRO/BIL/SAM`) adds one unit per actor,
/// sharing the span, which the grouping below then treats as a compound.
fn push_unit(out: &mut Vec<Unit>, u: Unit) {
    if u.code.contains('/') {
        for c in u.code.split('/').filter(|c| !c.is_empty()) {
            out.push(Unit { code: c.to_string(), ..u.clone() });
        }
    } else {
        out.push(u);
    }
}

/// The country part of an actor code: its first three letters (`IRQLEG` → `IRQ`).
fn country(code: &str) -> String {
    code.chars().take(3).collect()
}

/// Attaches a role to an actor code: `IRQ` + `~LEG` → `IRQLEG`; `NGO~` prefixes.
pub fn attach(code: &str, role: &str, suffix: bool) -> String {
    let role = role.trim_matches('~');
    if suffix {
        if code.ends_with(role) {
            code.to_string()
        } else {
            format!("{code}{role}")
        }
    } else {
        format!("{role}{code}")
    }
}
