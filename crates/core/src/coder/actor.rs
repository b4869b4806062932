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
    /// One past the last word of a gapped phrase whose far words lie after `end`
    /// (`DURTHANG … ORC`); otherwise `end`.
    pub far: usize,
    /// The actor's own code, without agent roles (`FOR` of `FORGOVPRS`).
    pub base: String,
    /// A pronoun standing for an actor named elsewhere.
    pub pronoun: bool,
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
    modifier: &[bool],
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
                let mut far = m.far;
                let mut src = entry.loc.to_string();
                // Actor ('s)? [up to two modifiers] Agent+  → actor with roles.
                let mut j = k + 1;
                while let Some(n) = mentions.get(j) {
                    let Hit::Agent(g) = n.hit else { break };
                    let mut gap = end;
                    if is_word(toks, gap, "'S") {
                        gap += 1;
                    }
                    let mods = toks.get(gap..n.start).map_or(0, |m| m.iter().filter(|t| t.norm != "FORMER").count());
                    if n.start < gap || mods > rules.modifiers || toks[gap..n.start].iter().any(|t| t.kind != TokenKind::Word)
                    {
                        break;
                    }
                    let ag = &dict.agents[g as usize];
                    let role = if former(n.start) || former(m.start) { "ELI" } else { ag.code.as_str() };
                    code = attach(&code, role, ag.suffix);
                    src = ag.loc.to_string();
                    end = n.end;
                    far = far.max(n.far);
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
                        far = far.max(n.far);
                        j += 1;
                    }
                }
                let base = actor_code(&m).unwrap_or_default();
                push_unit(out, Unit { start: m.start, end, code, group: 0, source: src, far: far.max(end), base, pronoun: false });
                k = j;
            }
            Hit::Agent(g) => {
                let ag = &dict.agents[g as usize];
                // Agent (of (the)?)? Actor: "ambassadors of Arnor", "President Falastur".
                let next = mentions.get(k + 1).copied();
                let linked = next.and_then(|n| {
                    let Hit::Actor(_) = n.hit else { return None };
                    let mut p = m.end;
                    if is_word(toks, p, "OF") || is_word(toks, p, "IN") || is_word(toks, p, "FOR") {
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
                        let role = if former(m.start) || former(n.start) { "ELI" } else { ag.code.as_str() };
                        let code = if code.len() > 3 && m.end == n.start && role != "ELI" { code } else { attach(&code, role, ag.suffix) };
                        let far = m.far.max(n.far);
                        let base = actor_code(&n).unwrap_or_default();
                        let source = ag.loc.to_string();
                        push_unit(out, Unit { start: m.start, end: n.end, code, group: 0, source, far, base, pronoun: false });
                        k += 2;
                        continue;
                    }
                }
                // A bare agent takes the article's country, or stands as an actor of its own
                // (TABARI CONVERT AGENTS: `~COP`, `NGO~`).
                let code = match (default_country, rules.placeholder) {
                    (Some(c), _) => Some(attach(c, &ag.code, ag.suffix)),
                    _ if convert_agents => {
                        let role = ag.code.trim_matches('~');
                        Some(if ag.suffix { format!("~{role}") } else { format!("{role}~") })
                    }
                    (None, Some(p)) => Some(attach(p, &ag.code, ag.suffix)),
                    (None, None) => None,
                };
                if let Some(code) = code {
                    let base = code.clone();
                    let source = ag.loc.to_string();
                    out.push(Unit { start: m.start, end: m.end, code, group: 0, source, far: m.far, base, pronoun: false });
                }
                k += 1;
            }
        }
    }
    let groups = provisional_groups(toks, modifier, out);
    for (u, g) in out.iter_mut().zip(groups) {
        u.group = g;
    }
}

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
    modifier: &[bool],
    rule: PronounRule,
    antecedent: Option<&str>,
    out: &mut Vec<Unit>,
) {
    let groups = provisional_groups(toks, modifier, out);
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
        let before = |k: &usize| out[*k].end <= i;
        let compound = |k: &usize| groups.iter().filter(|&&g| g == groups[*k]).count() > 1;
        let referent: Vec<usize> = match (rule, t.norm.as_str()) {
            (PronounRule::Nearest, "HE" | "SHE" | "IT" | "THEY" | "WE") => (0..out.len()).rev().find(before).into_iter().collect(),
            (PronounRule::Tabari, "HE" | "SHE" | "IT" | "HIM" | "ITS" | "HIS" | "HER") => {
                (0..out.len()).find(before).into_iter().collect()
            }
            (PronounRule::Tabari, "THEY" | "THEM" | "THEIR") => match (0..out.len()).filter(before).find(compound) {
                Some(c) => (0..out.len()).filter(|&k| groups[k] == groups[c]).collect(),
                None => (0..out.len()).find(before).into_iter().collect(),
            },
            _ => Vec::new(),
        };
        let is_pronoun = matches!(
            t.norm.as_str(),
            "HE" | "SHE" | "IT" | "HIM" | "ITS" | "HIS" | "HER" | "THEY" | "THEM" | "THEIR" | "WE"
        );
        if referent.is_empty() && is_pronoun && !(0..out.len()).any(|k| before(&k)) {
            if let Some(a) = antecedent {
                with_pronouns.push(Unit {
                    start: i,
                    end: i + 1,
                    code: a.to_string(),
                    group: 0,
                    source: "previous sentence".to_string(),
                    far: i + 1,
                    base: a.to_string(),
                    pronoun: true,
                });
            }
        }
        for k in referent {
            with_pronouns.push(Unit { start: i, end: i + 1, far: i + 1, pronoun: true, ..out[k].clone() });
        }
    }
    with_pronouns.extend(out.drain(ui..));
    *out = with_pronouns;
    let groups = provisional_groups(toks, modifier, out);
    for (u, g) in out.iter_mut().zip(groups) {
        u.group = g;
    }
}

/// Compound groups (TABARI 7.5): `np, np, … and np` where each `np` is an actor after
/// any determiners and adjectives (`modifier`: "Fornost and the evil awful Gondor"); a
/// comma joins only in a list that an "and", "or" or "nor" closes. Units sharing a span
/// (one phrase coding several actors) form a group too.
fn provisional_groups(toks: &[Token], modifier: &[bool], out: &[Unit]) -> Vec<u32> {
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
    for i in 0..out.len() {
        if i > 0 {
            let joined = match kind[i] {
                2 => true,
                // A comma joins when the list goes on to a conjunction.
                1 => kind[i + 1..].iter().take_while(|&&k| k != 0).any(|&k| k == 2),
                _ => false,
            };
            if !joined {
                group += 1;
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
fn joins_compound(toks: &[Token], modifier: &[bool], a: usize, b: usize) -> u8 {
    let conj = toks[a..b].iter().take_while(|t| is_conj(t)).count();
    let rest = (a + conj..b).all(|i| modifier.get(i).copied().unwrap_or(false));
    if conj > 2 || !rest {
        return 0;
    }
    if toks[a..a + conj].iter().any(|t| t.kind != TokenKind::Comma) {
        return 2;
    }
    if conj > 0 {
        return 1;
    }
    let adjectives_only = b - a <= 2 && toks[a..b].iter().all(|t| !matches!(t.norm.as_str(), "THE" | "A" | "AN"));
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
