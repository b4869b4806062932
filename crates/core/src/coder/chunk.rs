//! New actors from noun phrases (PETRARCH `new_actor_length`): a noun phrase of a few
//! words that names no actor or agent codes as its own words in quotes
//! (`"INJURY TOLL"`). PETRARCH reads noun phrases off its parse tree; herald has none, so
//! a phrase here is a run of plain words (with determiners, possessives and `of`)
//! between verbs, prepositions, conjunctions, pronouns and punctuation.

use super::actor::{provisional_groups, CountryFrom, Origin, Unit};
use super::DETERMINERS;
use crate::token::{Token, TokenKind};

/// Prepositions: they end a noun phrase (`of` is handled apart).
const PREPOSITIONS: &[&str] = &[
    "ABOUT", "ABOVE", "ACROSS", "AFTER", "AGAINST", "ALONG", "AMID", "AMONG", "AROUND", "AS", "AT", "BEFORE",
    "BEHIND", "BELOW", "BESIDE", "BETWEEN", "BEYOND", "BY", "DESPITE", "DURING", "EXCEPT", "FOR", "FROM", "IN",
    "INSIDE", "INTO", "LIKE", "NEAR", "OFF", "ON", "ONTO", "OUTSIDE", "OVER", "PAST", "SINCE", "THAN", "THROUGH",
    "THROUGHOUT", "TO", "TOWARD", "TOWARDS", "UNDER", "UNTIL", "UPON", "VIA", "WITH", "WITHIN", "WITHOUT",
];

/// Other words that never belong to a noun phrase: conjunctions, pronouns, auxiliaries,
/// subordinators, negation, and time adverbs ("today"), which PETRARCH's parses mark as
/// temporal phrases rather than noun phrases.
const NOT_NOUN: &[&str] = &[
    "AND", "OR", "NOR", "BUT", "IF", "WHILE", "BECAUSE", "ALTHOUGH", "THOUGH", "WHETHER", "I", "YOU", "HE", "SHE",
    "IT", "WE", "THEY", "ME", "HIM", "HER", "US", "THEM", "THAT", "WHICH", "WHO", "WHOM", "WHOSE", "WHAT", "WHEN",
    "WHERE", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD", "DO", "DOES", "DID", "WILL",
    "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "NOT", "NO", "TODAY", "YESTERDAY",
    "TOMORROW", "TONIGHT", "NOW",
];

/// Names of days: nouns ("on Saturday"), but never new actors.
const DAYS: &[&str] = &["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];


/// A run of noun-phrase tokens `start..end`, and whether an actor unit lies in it.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    has_actor: bool,
}

/// Adds a unit for every noun phrase of at most `max_words` words (possessive markers
/// not counted) that holds no actor, coded as its words in quotes; a phrase modified by
/// a prepositional phrase that names an actor ("the dispute with Osgiliath") is that
/// actor's, as PETRARCH codes a noun phrase by the actor inside it. A new actor joined
/// by a conjunction to a phrase with an actor ("Eriador's death and injury toll") forms
/// a compound with it. `is_verb(i)`: token `i` begins a dictionary verb. Returns whether
/// any unit was added.
pub(crate) fn add_new_actors(
    toks: &[Token],
    modifier: &[u8],
    one_conjunction: bool,
    is_verb: &dyn Fn(usize) -> bool,
    max_words: usize,
    units: &mut Vec<Unit>,
) -> bool {
    let n = toks.len();
    let mut covered = vec![false; n];
    for u in units.iter() {
        covered[u.start..u.end.min(n)].iter_mut().for_each(|c| *c = true);
    }
    let chunks = chunks(toks, is_verb, &covered);
    // New units, each with the phrase it forms a compound with and whether that one
    // comes first.
    let mut added: Vec<(Unit, Option<(Chunk, bool)>)> = Vec::new();
    for (k, c) in chunks.iter().enumerate() {
        if c.has_actor {
            continue;
        }
        let words: Vec<&str> =
            toks[c.start..c.end].iter().filter(|t| t.kind != TokenKind::Possessive).map(|t| t.norm.as_str()).collect();
        if words.is_empty() || words.len() > max_words || words.iter().all(|w| DETERMINERS.contains(w) || DAYS.contains(w)) {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| chunks[j]);
        let next = chunks.get(k + 1).copied();
        // "the dispute with Osgiliath": a prepositional phrase naming an actor.
        if next.is_some_and(|d| d.has_actor && d.start == c.end + 1 && PREPOSITIONS.contains(&toks[c.end].norm.as_str())) {
            continue;
        }
        // A compound with an actor's phrase across one conjunction, on either side.
        let conj = |a: usize, b: usize| b == a + 1 && matches!(toks[a].norm.as_str(), "AND" | "OR");
        let partner = prev
            .filter(|p| p.has_actor && conj(p.end, c.start))
            .map(|p| (p, true))
            .or_else(|| next.filter(|d| d.has_actor && conj(c.end, d.start)).map(|d| (d, false)));
        let code = format!("\"{}\"", words.join(" "));
        let unit = Unit {
            start: c.start,
            end: c.end,
            code: code.clone(),
            group: 0,
            source: Origin::Phrase,
            far: c.end,
            base: code,
            pronoun: false,
            country_from: CountryFrom::Named,
            person: false,
        };
        added.push((unit, partner));
    }
    if added.is_empty() {
        return false;
    }
    for (u, _) in &added {
        let at = units.iter().position(|v| v.start > u.start).unwrap_or(units.len());
        units.insert(at, u.clone());
    }
    let groups = provisional_groups(toks, modifier, one_conjunction, units);
    for (u, g) in units.iter_mut().zip(groups) {
        u.group = g;
    }
    for (u, partner) in &added {
        let Some((p, first)) = partner else { continue };
        let inside = |w: &Unit| w.start >= p.start && w.end <= p.end;
        let to = if *first { units.iter().rev().find(|w| inside(w)) } else { units.iter().find(|w| inside(w)) };
        let (Some(to), Some(from)) = (to.map(|w| w.group), units.iter().find(|w| w.start == u.start && w.code == u.code).map(|w| w.group))
        else {
            continue;
        };
        units.iter_mut().filter(|w| w.group == from).for_each(|w| w.group = to);
    }
    renumber_groups(units);
    true
}


/// Noun phrases that each name an actor, joined by one conjunction, are one compound
/// ("Ithilen's sheep and goats of Gondor"): PETRARCH reads the coordination off its
/// parse, where herald's own grouping wants only modifiers between the actors. Returns
/// whether any groups were joined.
pub(crate) fn join_phrase_compounds(toks: &[Token], is_verb: &dyn Fn(usize) -> bool, units: &mut [Unit]) -> bool {
    let n = toks.len();
    let mut covered = vec![false; n];
    for u in units.iter() {
        covered[u.start..u.end.min(n)].iter_mut().for_each(|c| *c = true);
    }
    let chunks = chunks(toks, is_verb, &covered);
    let mut joined = false;
    for w in chunks.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !(a.has_actor && b.has_actor && b.start == a.end + 1 && matches!(toks[a.end].norm.as_str(), "AND" | "OR")) {
            continue;
        }
        let inside = |c: Chunk| move |u: &Unit| u.start >= c.start && u.end <= c.end;
        let (Some(to), Some(from)) = (units.iter().rev().find(|u| inside(a)(u)).map(|u| u.group), units.iter().find(|u| inside(b)(u)).map(|u| u.group)) else {
            continue;
        };
        if to != from {
            units.iter_mut().filter(|u| u.group == from).for_each(|u| u.group = to);
            joined = true;
        }
    }
    if joined {
        renumber_groups(units);
    }
    joined
}

/// Group numbers in order of first appearance, as the grouping gives them.
fn renumber_groups(units: &mut [Unit]) {
    let mut seen: Vec<u32> = Vec::new();
    for u in units.iter_mut() {
        let g = seen.iter().position(|&s| s == u.group).unwrap_or_else(|| {
            seen.push(u.group);
            seen.len() - 1
        });
        u.group = g as u32;
    }
}

/// For each token, one past the end of the noun phrase naming no actor that it lies in,
/// or `u32::MAX` (for `^` in PETRARCH patterns).
pub(crate) fn phrase_ends(toks: &[Token], is_verb: &dyn Fn(usize) -> bool, covered: &[bool]) -> Vec<u32> {
    let mut out = vec![u32::MAX; toks.len()];
    for c in chunks(toks, is_verb, covered).iter().filter(|c| !c.has_actor) {
        out[c.start..c.end].iter_mut().for_each(|e| *e = c.end as u32);
    }
    out
}

/// The noun-phrase chunks of a sentence: runs of words and numbers outside [`NOT_NOUN`],
/// with a possessive marker and `of` inside them; a word that begins a verb ends a run
/// unless a determiner or a possessive comes right before it ("the attack", "Arnor's
/// attack").
fn chunks(toks: &[Token], is_verb: &dyn Fn(usize) -> bool, covered: &[bool]) -> Vec<Chunk> {
    let n = toks.len();
    let noun = |i: usize| {
        let t = &toks[i];
        if covered[i] {
            return true;
        }
        let w = t.norm.as_str();
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) || w == "OF" || PREPOSITIONS.contains(&w) || NOT_NOUN.contains(&w) {
            return false;
        }
        if !is_verb(i) {
            return true;
        }
        i > 0 && (DETERMINERS.contains(&toks[i - 1].norm.as_str()) || toks[i - 1].kind == TokenKind::Possessive)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !noun(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && noun(end) {
                end += 1;
            } else if end + 1 < n && (toks[end].kind == TokenKind::Possessive || toks[end].norm == "OF") && noun(end + 1) {
                end += 2;
            } else if end < n && toks[end].kind == TokenKind::Possessive {
                end += 1;
                break;
            } else {
                break;
            }
        }
        out.push(Chunk { start, end, has_actor: covered[start..end].iter().any(|&c| c) });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn spans(text: &str, verbs: &[&str]) -> Vec<String> {
        let toks = tokenize(text);
        let covered = vec![false; toks.len()];
        let is_verb = |i: usize| verbs.contains(&toks[i].norm.as_str());
        chunks(&toks, &is_verb, &covered)
            .iter()
            .map(|c| toks[c.start..c.end].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn noun_phrases() {
        assert_eq!(
            spans("Gryffindor's head Minerva McGonagall left for the Ministry of Magic on Wednesday.", &["LEFT"]),
            vec!["GRYFFINDOR 'S HEAD MINERVA MCGONAGALL", "THE MINISTRY OF MAGIC", "WEDNESDAY"]
        );
        assert_eq!(spans("The attack on the town has angered its people.", &["ATTACK", "ANGERED"]), vec!["THE ATTACK", "THE TOWN", "ITS PEOPLE"]);
    }
}
