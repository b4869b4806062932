//! Matching a verb's patterns around its position in the sentence.
//!
//! Elements after `*` are matched left to right from the end of the verb, elements
//! before it right to left from its start. A `_` join means the next element must be
//! adjacent; otherwise any number of tokens may come between (up to the window's end).
//! `$`, `+` and `%` match a whole actor unit (or a compound group) at that position; `^`
//! passes over one without capturing it (TABARI 5.7.3), and with PETRARCH's conventions
//! over a noun phrase that names no actor.

use crate::dict::compile::{CElem, CItem, Dictionary, LexId};
use crate::token::{Token, TokenKind};

use super::actor::Unit;

/// What a pattern captured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captures {
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub compound: Option<usize>,
    /// Leftmost and rightmost token the pattern used (the verb included).
    pub lo: usize,
    pub hi: usize,
    /// Token spans matched by the pattern's words and synsets (the first few): actors
    /// inside them are part of the pattern ("close its embassy"), not its target.
    pub used: [(u16, u16); 6],
    pub nused: u8,
    /// Letters of the pattern's words that matched: the longest match wins (TABARI 5.7.1).
    pub len: usize,
}

impl Captures {
    fn add_used(&mut self, a: usize, b: usize) {
        if (self.nused as usize) < self.used.len() {
            self.used[self.nused as usize] = (a.min(u16::MAX as usize) as u16, b.min(u16::MAX as usize) as u16);
            self.nused += 1;
        }
    }

    /// Whether token range `[a, b)` lies wholly inside spans the pattern's words matched
    /// ("its embassy" in "close its embassy"), so it is the pattern's, not the target.
    pub fn covered_by_used(&self, a: usize, b: usize) -> bool {
        (a..b).all(|i| self.used[..self.nused as usize].iter().any(|&(x, y)| (x as usize) <= i && i < y as usize))
    }

    /// Whether token range `[a, b)` overlaps a span the pattern's words matched.
    pub fn overlaps_used(&self, a: usize, b: usize) -> bool {
        self.used[..self.nused as usize].iter().any(|&(x, y)| (x as usize) < b && a < y as usize)
    }
}

pub(crate) struct Matcher<'a> {
    pub dict: &'a Dictionary,
    pub toks: &'a [Token],
    /// Lexemes of token `i`: `pool[tok_lex[i].0..tok_lex[i].1]`.
    pub tok_lex: &'a [(u32, u32)],
    pub pool: &'a [LexId],
    pub units: &'a [Unit],
    /// `unit_start[i]`: index of the unit starting at token `i`, or `u32::MAX`.
    pub unit_start: &'a [u32],
    /// `unit_end[q]`: index of the unit whose exclusive end is `q`, or `u32::MAX`.
    pub unit_end: &'a [u32],
    /// The words a synset matched count towards a match's length (PETRARCH; TABARI counts
    /// a synset as nothing).
    pub count_synsets: bool,
    /// `phrase_end[i]`: one past the last token of the noun phrase (naming no actor) that
    /// token `i` lies in, or `u32::MAX`; `^` passes over the rest of it as over an actor
    /// (PETRARCH, whose `^` skips a noun phrase of the parse). Empty when off.
    pub phrase_end: &'a [u32],
    /// Clause index of every token: a gap between pattern elements stays in its clause
    /// (herald: "rejected the criticism and threatened to reduce its cooperation" is two
    /// acts). Empty: gaps cross clauses.
    pub clause: &'a [u16],
}

#[derive(Clone, Copy)]
enum Slot {
    Source,
    Target,
    Compound,
}

const MAX_DEPTH: u32 = 8;

/// The most tokens a gap between two pattern elements may span. Real patterns never need
/// more, and the bound keeps matching linear in run-on text.
pub const MAX_GAP: usize = 40;

impl<'a> Matcher<'a> {
    fn n(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    fn lex(&self, i: usize) -> &'a [LexId] {
        let (a, b) = self.tok_lex[i];
        &self.pool[a as usize..b as usize]
    }

    /// Whether a gap may not pass from token `i` to the next (either way).
    fn hard_stop(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::End || (!self.clause.is_empty() && i + 1 < self.clause.len() && self.clause[i] != self.clause[i + 1])
    }

    /// Matches `items` forward from `pos`; returns the exclusive end.
    pub fn fwd(&self, items: &[CItem], pos: usize, adjacent: bool, caps: &mut Captures, depth: u32) -> Option<usize> {
        let Some((it, rest)) = items.split_first() else { return Some(pos) };
        let last = if adjacent { pos } else { (pos + MAX_GAP).min(self.n().saturating_sub(1)) };
        let mut p = pos;
        while p <= last && p < self.n() {
            if !adjacent && p > pos && self.hard_stop(p - 1) {
                break;
            }
            let mut found = None;
            self.elem_fwd(&it.elem, p, depth, &mut |end, slot, add| {
                let mut c = caps.clone();
                c.len += add;
                match slot {
                    Some((s, u)) => set(&mut c, s, u),
                    None => c.add_used(p, end),
                }
                if let Some(e) = self.fwd(rest, end, it.joined, &mut c, depth) {
                    c.hi = c.hi.max(e);
                    found = Some((e, c));
                    true
                } else {
                    false
                }
            });
            if let Some((e, c)) = found {
                *caps = c;
                return Some(e);
            }
            p += 1;
        }
        None
    }

    /// Calls `k(end, captured)` for each way `elem` matches starting at `p`; stops when `k` returns true.
    fn elem_fwd(&self, elem: &CElem, p: usize, depth: u32, k: &mut dyn FnMut(usize, Option<(Slot, usize)>, usize) -> bool) -> bool {
        match elem {
            CElem::Word(l) => self.lex(p).contains(l) && k(p + 1, None, self.dict.lexicon.text(*l).len()),
            CElem::Synset(s) => {
                if depth >= MAX_DEPTH {
                    return false;
                }
                if let Some(Some(first)) = self.dict.synset_first.get(*s as usize) {
                    if !self.lex(p).iter().any(|l| first.binary_search(l).is_ok()) {
                        return false;
                    }
                }
                let members = &self.dict.synsets[*s as usize].1;
                self.alts_fwd(members, p, depth + 1, !self.count_synsets, k)
            }
            CElem::Alt(alts) => self.alts_fwd(alts, p, depth + 1, false, k),
            // `^` passes over an actor (or a compound) without capturing it.
            CElem::Source | CElem::Target | CElem::Compound | CElem::Skip => {
                let u = self.unit_start[p];
                if u == u32::MAX {
                    return match self.phrase_end.get(p) {
                        Some(&e) if e != u32::MAX && matches!(elem, CElem::Skip) => k(e as usize, None, 0),
                        _ => false,
                    };
                }
                let Some(slot) = slot_of(elem) else {
                    let g = self.units[u as usize].group;
                    let last = (u as usize..self.units.len()).take_while(|&k| self.units[k].group == g).last().unwrap_or(u as usize);
                    return k(self.units[last].end.max(self.units[u as usize].end), None, 0);
                };
                // The whole compound group, or just this unit.
                let g = self.units[u as usize].group;
                let mut last = u as usize;
                while last + 1 < self.units.len() && self.units[last + 1].group == g {
                    last += 1;
                }
                if last != u as usize && k(self.units[last].end, Some((slot, u as usize)), 0) {
                    return true;
                }
                k(self.units[u as usize].end, Some((slot, u as usize)), 0)
            }
        }
    }

    fn alts_fwd(
        &self,
        alts: &[Vec<CItem>],
        p: usize,
        depth: u32,
        silent: bool,
        k: &mut dyn FnMut(usize, Option<(Slot, usize)>, usize) -> bool,
    ) -> bool {
        for m in alts {
            let mut c = Captures::default();
            if let Some(e) = self.fwd(m, p, true, &mut c, depth) {
                let slot = c.source.map(|u| (Slot::Source, u)).or(c.target.map(|u| (Slot::Target, u)));
                if e > p && k(e, slot, if silent { 0 } else { c.len }) {
                    return true;
                }
            }
        }
        false
    }

    /// Matches `items` backward so that the last item ends at `q` (exclusive); returns the start.
    pub fn bwd(&self, items: &[CItem], q: usize, adjacent: bool, caps: &mut Captures, depth: u32) -> Option<usize> {
        let Some((it, rest)) = items.split_last() else { return Some(q) };
        let mut e = q;
        loop {
            if e == 0 || q - e > MAX_GAP {
                return None;
            }
            if !adjacent && e < q && self.hard_stop(e) {
                return None;
            }
            let mut found = None;
            self.elem_bwd(&it.elem, e, depth, &mut |start, slot, add| {
                let mut c = caps.clone();
                c.len += add;
                match slot {
                    Some((s, u)) => set(&mut c, s, u),
                    None => c.add_used(start, e),
                }
                // The item before this one joins it when *it* is marked joined.
                let adj = rest.last().is_some_and(|r| r.joined);
                if let Some(s) = self.bwd(rest, start, adj, &mut c, depth) {
                    c.lo = c.lo.min(s);
                    found = Some((s, c));
                    true
                } else {
                    false
                }
            });
            if let Some((s, c)) = found {
                *caps = c;
                return Some(s);
            }
            if adjacent {
                return None;
            }
            e -= 1;
        }
    }

    fn elem_bwd(&self, elem: &CElem, q: usize, depth: u32, k: &mut dyn FnMut(usize, Option<(Slot, usize)>, usize) -> bool) -> bool {
        match elem {
            CElem::Word(l) => self.lex(q - 1).contains(l) && k(q - 1, None, self.dict.lexicon.text(*l).len()),
            CElem::Synset(s) => {
                if depth >= MAX_DEPTH {
                    return false;
                }
                if let Some(Some(last)) = self.dict.synset_last.get(*s as usize) {
                    if !self.lex(q - 1).iter().any(|l| last.binary_search(l).is_ok()) {
                        return false;
                    }
                }
                let members = &self.dict.synsets[*s as usize].1;
                self.alts_bwd(members, q, depth + 1, !self.count_synsets, k)
            }
            CElem::Alt(alts) => self.alts_bwd(alts, q, depth + 1, false, k),
            CElem::Source | CElem::Target | CElem::Compound | CElem::Skip => {
                let u = self.unit_end[q];
                if u == u32::MAX {
                    return false;
                }
                let Some(slot) = slot_of(elem) else {
                    let g = self.units[u as usize].group;
                    let first = (0..=u as usize).rev().take_while(|&k| self.units[k].group == g).last().unwrap_or(u as usize);
                    return k(self.units[first].start.min(self.units[u as usize].start), None, 0);
                };
                let g = self.units[u as usize].group;
                let mut first = u as usize;
                while first > 0 && self.units[first - 1].group == g {
                    first -= 1;
                }
                if first != u as usize && k(self.units[first].start, Some((slot, first)), 0) {
                    return true;
                }
                k(self.units[u as usize].start, Some((slot, u as usize)), 0)
            }
        }
    }

    fn alts_bwd(
        &self,
        alts: &[Vec<CItem>],
        q: usize,
        depth: u32,
        silent: bool,
        k: &mut dyn FnMut(usize, Option<(Slot, usize)>, usize) -> bool,
    ) -> bool {
        for m in alts {
            let mut c = Captures { lo: q, hi: q, ..Default::default() };
            if let Some(s) = self.bwd(m, q, true, &mut c, depth) {
                let slot = c.source.map(|u| (Slot::Source, u)).or(c.target.map(|u| (Slot::Target, u)));
                if s < q && k(s, slot, if silent { 0 } else { c.len }) {
                    return true;
                }
            }
        }
        false
    }
}

fn slot_of(e: &CElem) -> Option<Slot> {
    match e {
        CElem::Source => Some(Slot::Source),
        CElem::Target => Some(Slot::Target),
        CElem::Compound => Some(Slot::Compound),
        _ => None,
    }
}

fn set(c: &mut Captures, s: Slot, u: usize) {
    match s {
        Slot::Source => c.source = c.source.or(Some(u)),
        Slot::Target => c.target = c.target.or(Some(u)),
        Slot::Compound => c.compound = c.compound.or(Some(u)),
    }
}
