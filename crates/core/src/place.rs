//! Places ("resolve: place"): where each event happened.
//!
//! A [`Gazetteer`] of countries, US states and the world's cities of 15,000+ people
//! (GeoNames, CC BY 4.0, via `dictionaries/gazetteer.tsv`, made by
//! `scripts/make_gazetteer.py`) is compiled into the binary and built on first use.
//! [`Gazetteer::find`] looks up capitalised word sequences (1–4 tokens) in a sentence;
//! [`Gazetteer::dateline`] geocodes a dateline (`NAJAF, Iraq` → Najaf, IRQ); and
//! [`ArticlePlaces::locate`] gives each event the place named in its clause after a
//! locative word ("in a drone strike in Baghdad"), closest to the verb, else the
//! dateline's place. Relative and reported clauses are clauses of their own ("fired a
//! missile that could hit cities in India", "said his country would …"), though one
//! without a place takes the place before it; so are `as` clauses, though the verb
//! before one takes its place ("were killed as their convoy came under fire near
//! Baghdad"). A statement, appeal or threat whose target is the place itself is about
//! that place, not in it: "Turkey confirms death of engineer in Afghanistan" goes to the
//! dateline. A country abbreviation used as an adjective ("a US military base near
//! Tokyo") and a place before `border` are not settings. A visit goes to the place
//! right after its verb ("Musharraf visits Afghanistan") when its clause names none
//! after a locative word. Ambiguous names go to the candidate in a country that the
//! sentence, the dateline or the article names ("Tripoli" in a Lebanon story), else to
//! the most prominent one. Places never become actors: only `Event::location` and
//! `offsets.place` are filled.
//!
//! ```
//! use herald_core::place::Gazetteer;
//!
//! let g = Gazetteer::builtin();
//! let d = g.dateline("ERBIL, Kurdistan Region").unwrap();
//! assert_eq!((g.place(d.place).name.as_ref(), d.country()), ("Erbil", "IRQ"));
//! let hits = g.find("Clashes in Irbil and Hewler.");
//! assert_eq!(hits.len(), 2);
//! ```
//!
//! Table format: `#` lines are comments; each other line is one place, seven
//! TAB-separated columns: name, alternate names (`|`-separated, may be empty), ISO
//! alpha-3 country, latitude, longitude (both may be empty), population, and kind
//! (`PCLI` country, `ADM1` first-level region, `PPLC` national capital, `PPL` city).

use std::fmt;
use std::hash::Hasher;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHasher};

use crate::event::{Event, Location, Span};
use crate::token::{tokenize, tokenize_into, Token, TokenKind};

const BUILTIN_TEXT: &str = include_str!("../../../dictionaries/gazetteer.tsv");

/// Names of more tokens than this are not looked up.
pub const MAX_WORDS: usize = 4;

/// Index of a place in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// First-level administrative region (a US state).
    Region,
    /// A national capital.
    Capital,
    City,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: Box<str>,
    country: [u8; 3],
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub kind: PlaceKind,
}

impl Place {
    /// ISO 3166 alpha-3 country code (`IRQ`).
    pub fn country(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("")
    }

    pub fn location(&self) -> Location {
        Location { name: self.name.to_string(), country: Some(self.country().to_string()), lat: self.lat, lon: self.lon }
    }
}

/// A line of the table that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    pub line: u32,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GazetteerError {}

/// One name → place link; a name's links are contiguous in `Gazetteer::links`.
#[derive(Debug, Clone, Copy)]
struct Link {
    place: u32,
    /// The place's own name (not an alternate).
    primary: bool,
}

const NONE: u32 = u32::MAX;

/// What the index holds for a normalised name (`NEW YORK`) or first word (`NEW`).
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Handle of the places with exactly this name (this entry's slot), or `NONE`.
    head: u32,
    /// Their links: `links[start..start + len]`.
    start: u32,
    len: u32,
    /// Bit `k-1` set: some name of `k` tokens starts with this word.
    lens: u8,
}

/// Normalised names → [`Entry`], built in one pass over names sorted by hash: slots
/// sorted by key hash, a directory from the hash's top 16 bits to the first slot, and
/// the keys in one arena string. Building touches memory in order, no allocation per
/// name and no hash-table probes: the built-in table builds in about 25 ms of CPU.
#[derive(Debug, Default)]
struct NameIndex {
    dir: Vec<u32>,
    hashes: Vec<u32>,
    /// Key range in `arena`, per slot.
    keys: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    arena: String,
}

/// A name (or a multi-word name's first word) waiting to be indexed.
#[derive(Debug, Clone, Copy)]
struct NameRec {
    key: (u32, u32),
    /// `NONE` for a first word.
    place: u32,
    primary: bool,
    lens: u8,
}

fn hash_key(key: &[u8]) -> u32 {
    let mut h = FxHasher::default();
    h.write(key);
    (h.finish() >> 32) as u32
}

const DIR_BITS: u32 = 16;

impl NameIndex {
    /// Indexes `recs` (keys in `arena`) and fills `links`.
    fn build(arena: String, recs: Vec<NameRec>, links: &mut Vec<Link>) -> NameIndex {
        let key = |r: &NameRec| &arena.as_bytes()[r.key.0 as usize..r.key.1 as usize];
        // Sorted by hash, then by order of appearance: equal names are adjacent.
        let mut sorted: Vec<(u32, u32, NameRec)> =
            recs.into_iter().enumerate().map(|(i, r)| (hash_key(key(&r)), i as u32, r)).collect();
        sorted.sort_unstable_by_key(|&(h, i, _)| (h, i));
        let mut ix = NameIndex { dir: vec![0; (1 << DIR_BITS) + 1], ..Default::default() };
        let mut pending: Vec<NameRec> = Vec::new();
        let mut i = 0;
        while i < sorted.len() {
            let h = sorted[i].0;
            let mut j = i + 1;
            while j < sorted.len() && sorted[j].0 == h {
                j += 1;
            }
            pending.clear();
            pending.extend(sorted[i..j].iter().map(|r| r.2));
            i = j;
            // One name per hash, mostly; colliding names each get their own slot.
            while let Some(&first) = pending.first() {
                let one = pending.len() == 1;
                // Only colliding or repeated names need their keys read.
                let k = if one { &[][..] } else { key(&first) };
                let slot = ix.entries.len() as u32;
                let start = links.len();
                let mut lens = 0u8;
                pending.retain(|rec| {
                    if !one && key(rec) != k {
                        return true;
                    }
                    lens |= rec.lens;
                    if rec.place != NONE {
                        // The same place under spellings that normalise alike: one link.
                        match links[start..].iter_mut().find(|l| l.place == rec.place) {
                            Some(l) => l.primary |= rec.primary,
                            None => links.push(Link { place: rec.place, primary: rec.primary }),
                        }
                    }
                    false
                });
                let len = (links.len() - start) as u32;
                ix.hashes.push(h);
                ix.keys.push(first.key);
                ix.entries.push(Entry { head: if len > 0 { slot } else { NONE }, start: start as u32, len, lens });
                ix.dir[(h >> (32 - DIR_BITS)) as usize + 1] += 1;
            }
        }
        for b in 1..ix.dir.len() {
            ix.dir[b] += ix.dir[b - 1];
        }
        ix.arena = arena;
        ix
    }

    fn slot(&self, key: &str) -> Option<usize> {
        let h = hash_key(key.as_bytes());
        let b = (h >> (32 - DIR_BITS)) as usize;
        (self.dir[b] as usize..self.dir[b + 1] as usize).find(|&s| {
            let (a, e) = self.keys[s];
            self.hashes[s] == h && &self.arena[a as usize..e as usize] == key
        })
    }

    fn get(&self, key: &str) -> Option<&Entry> {
        self.slot(key).map(|s| &self.entries[s])
    }
}

/// The built-in gazetteer's size, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub places: usize,
    pub countries: usize,
    pub regions: usize,
    pub cities: usize,
    /// Distinct normalised names.
    pub names: usize,
}

/// The place table with its name index. Immutable once built; share it by reference.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    links: Vec<Link>,
    index: NameIndex,
    countries: FxHashMap<[u8; 3], u32>,
}

/// A place name found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the sentence.
    pub span: Span,
    /// Token range.
    pub start: usize,
    pub end: usize,
    /// Preceded by a locative word ("in", "near", "the city of").
    pub locative: bool,
    /// The country of a qualifier after a comma (`Paris, Texas`; `Tripoli, Lebanon`).
    pub within: Option<[u8; 3]>,
    head: u32,
}

/// A geocoded dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelinePlace {
    pub place: PlaceId,
    /// The country the dateline is in; a region part (`NAJAF, Iraq`) decides it.
    country: [u8; 3],
}

impl DatelinePlace {
    /// ISO alpha-3 code of the dateline's country.
    pub fn country(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("")
    }
}

impl Gazetteer {
    /// The built-in table, built on first use.
    pub fn builtin() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            // The file is part of the source tree and tested; a failure here is a build defect.
            Gazetteer::parse(BUILTIN_TEXT).unwrap_or_else(|e| panic!("built-in dictionaries/gazetteer.tsv: {e}"))
        })
    }

    /// Parses a table in the format of the module docs.
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer {
            places: Vec::with_capacity(text.len() / 64),
            links: Vec::with_capacity(text.len() / 20),
            index: NameIndex::default(),
            countries: FxHashMap::default(),
        };
        let mut arena = String::with_capacity(text.len() / 2);
        let mut recs: Vec<NameRec> = Vec::with_capacity(text.len() / 14);
        let mut key = String::new();
        for (n, line) in text.lines().enumerate() {
            let line_no = n as u32 + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |message: String| GazetteerError { line: line_no, message };
            let cols: Vec<&str> = line.split('\t').collect();
            let [name, alts, cc, lat, lon, pop, kind] = cols[..] else {
                return Err(err(format!("expected 7 TAB-separated columns, found {}", cols.len())));
            };
            if name.is_empty() {
                return Err(err("empty name".into()));
            }
            let country: [u8; 3] = cc
                .as_bytes()
                .try_into()
                .ok()
                .filter(|c: &[u8; 3]| c.iter().all(u8::is_ascii_uppercase))
                .ok_or_else(|| err(format!("bad country code {cc:?}")))?;
            let coord = |s: &str, max: f64| -> Result<Option<f64>, GazetteerError> {
                if s.is_empty() {
                    return Ok(None);
                }
                match s.parse::<f64>() {
                    Ok(v) if v.abs() <= max => Ok(Some(v)),
                    _ => Err(err(format!("bad coordinate {s:?}"))),
                }
            };
            let (lat, lon) = (coord(lat, 90.0)?, coord(lon, 180.0)?);
            let population = pop.parse::<u64>().map_err(|_| err(format!("bad population {pop:?}")))?;
            let kind = match kind {
                "PCLI" => PlaceKind::Country,
                "ADM1" => PlaceKind::Region,
                "PPLC" => PlaceKind::Capital,
                "PPL" => PlaceKind::City,
                k => return Err(err(format!("unknown kind {k:?}"))),
            };
            let id = g.places.len() as u32;
            if kind == PlaceKind::Country {
                g.countries.entry(country).or_insert(id);
            }
            g.places.push(Place { name: name.into(), country, lat, lon, population, kind });
            add_name(name, id, true, &mut key, &mut arena, &mut recs);
            for alt in alts.split('|').filter(|a| !a.is_empty()) {
                add_name(alt, id, false, &mut key, &mut arena, &mut recs);
            }
        }
        g.index = NameIndex::build(arena, recs, &mut g.links);
        for stop in DATE_WORDS.iter().chain(STOP_NAMES) {
            if let Some(s) = g.index.slot(stop) {
                g.index.entries[s].head = NONE;
            }
        }
        Ok(g)
    }

    /// The entry of a normalised name; accented letters that the table only has in
    /// ASCII (`HEWLÊR`) are looked up without their accents.
    fn get(&self, key: &str) -> Option<&Entry> {
        match self.index.get(key) {
            None if !key.is_ascii() => self.index.get(&fold_accents(key)),
            e => e,
        }
    }

    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }

    /// The country place with this alpha-3 code.
    pub fn country(&self, alpha3: &str) -> Option<PlaceId> {
        let c: [u8; 3] = alpha3.as_bytes().try_into().ok()?;
        self.countries.get(&c).map(|&i| PlaceId(i))
    }

    pub fn stats(&self) -> Stats {
        let count = |k: PlaceKind| self.places.iter().filter(|p| p.kind == k).count();
        Stats {
            places: self.places.len(),
            countries: count(PlaceKind::Country),
            regions: count(PlaceKind::Region),
            cities: count(PlaceKind::City) + count(PlaceKind::Capital),
            names: self.index.entries.iter().filter(|e| e.head != NONE).count(),
        }
    }

    /// Every place called `name` (any case, any listed spelling).
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let mut key = String::new();
        name_key(name, &mut key);
        self.get(&key).map_or_else(Vec::new, |e| self.candidates(e.head).map(|(p, _)| p).collect())
    }

    fn candidates(&self, head: u32) -> impl Iterator<Item = (PlaceId, bool)> + Clone + '_ {
        let links = match self.index.entries.get(head as usize) {
            Some(e) if head != NONE => &self.links[e.start as usize..(e.start + e.len) as usize],
            _ => &[][..],
        };
        links.iter().map(|l| (PlaceId(l.place), l.primary))
    }

    /// Place names in `text`: capitalised sequences of 1–4 tokens, longest first.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let toks = tokenize(text);
        let mut out = Vec::new();
        self.find_in(text, &toks, &mut out);
        out
    }

    /// As [`Gazetteer::find`], over tokens the caller already has (`toks` from
    /// [`tokenize`] on `text`).
    pub fn find_in(&self, text: &str, toks: &[Token], out: &mut Vec<Mention>) {
        out.clear();
        let n = toks.len();
        let mut key = String::new();
        // Headline-style text: most words capitalised.
        let (mut words, mut capital) = (0, 0);
        for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
            words += 1;
            capital += capitalised(&text[t.start..t.end]) as usize;
        }
        let caps = capital * 2 > words;
        let mut i = 0;
        'tokens: while i < n {
            let t = &toks[i];
            if t.kind != TokenKind::Word || !capitalised(&text[t.start..t.end]) {
                i += 1;
                continue;
            }
            let Some(first) = self.get(&t.norm) else {
                i += 1;
                continue;
            };
            for len in (1..=MAX_WORDS.min(n - i)).rev() {
                if first.lens & (1 << (len - 1)) == 0 {
                    continue;
                }
                let head = if len == 1 {
                    first.head
                } else {
                    let last = &toks[i + len - 1];
                    if last.kind != TokenKind::Word || !capitalised(&text[last.start..last.end]) {
                        continue;
                    }
                    key.clear();
                    for (k, t) in toks[i..i + len].iter().enumerate() {
                        if k > 0 {
                            key.push(' ');
                        }
                        key.push_str(&t.norm);
                    }
                    self.get(&key).map_or(NONE, |e| e.head)
                };
                if head != NONE {
                    // `Paris, Texas`: a country or region right after a place, and one
                    // that place may lie in, qualifies it.
                    if let Some(prev) = out.last_mut().filter(|m| m.end + 1 == i && toks[m.end].kind == TokenKind::Comma) {
                        if let Some(c) = self.qualifier(prev.head, head) {
                            prev.within = Some(c);
                            i += len;
                            continue 'tokens;
                        }
                    }
                    let locative = (locative(text, toks, i)
                        || out.last().is_some_and(|m: &Mention| m.locative && coordinated(toks, m.end, i)))
                        && self.place_not_word(text, toks, i, i + len, head, caps);
                    out.push(Mention {
                        span: [t.start, toks[i + len - 1].end],
                        start: i,
                        end: i + len,
                        locative,
                        within: None,
                        head,
                    });
                    i += len;
                    continue 'tokens;
                }
            }
            i += 1;
        }
    }

    /// Checks that look past the locative word: a city right after `the` ("in the
    /// White House", "at the University") or before a possessive ("in Bush's speech")
    /// is more often something else, so only countries and regions pass there.
    ///
    /// Outside headline-style text a place right after or before another capitalised
    /// word is part of a longer name ("Carnegie Hall", "Buckingham Palace") and does
    /// not count; a weekday or month after it is fine ("in Najaf Saturday").
    fn place_not_word(&self, text: &str, toks: &[Token], start: usize, end: usize, head: u32, caps: bool) -> bool {
        let prev = start.checked_sub(1).map(|p| &toks[p]);
        let after_the = prev.is_some_and(|p| p.norm == "THE") && toks[start].norm != "THE";
        let before_possessive = toks.get(end).is_some_and(|t| t.kind == TokenKind::Possessive);
        let next = toks.get(end);
        let in_name = !caps
            && (prev.is_some_and(|p| {
                p.kind == TokenKind::Word
                    && capitalised(&text[p.start..p.end])
                    && !LOCATIVE.contains(&p.norm.as_str())
                    && !p.norm.contains('-')
            }) || next.is_some_and(|n| {
                n.kind == TokenKind::Word && capitalised(&text[n.start..n.end]) && !DATE_WORDS.contains(&n.norm.as_str())
            }));
        if in_name || attributive(text, toks, start, end) {
            return false;
        }
        !(after_the || before_possessive)
            || self.candidates(head).any(|(c, _)| matches!(self.places[c.0 as usize].kind, PlaceKind::Country | PlaceKind::Region))
    }

    /// The country that the place list `qual` names, when it can qualify the
    /// (non-country) places of `head`.
    fn qualifier(&self, head: u32, qual: u32) -> Option<[u8; 3]> {
        let c = self
            .candidates(qual)
            .map(|(c, _)| &self.places[c.0 as usize])
            .find(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))?
            .country;
        self.candidates(head)
            .map(|(p, _)| &self.places[p.0 as usize])
            .any(|p| p.country == c && p.kind != PlaceKind::Country && p.kind != PlaceKind::Region)
            .then_some(c)
    }

    /// The places a mention may name.
    pub fn mention_places(&self, m: &Mention) -> Vec<PlaceId> {
        self.candidates(m.head).map(|(p, _)| p).collect()
    }

    /// Picks one of a mention's places. `ctx` lists tiers of countries in order of
    /// preference (those named in the sentence, the dateline's, those named in the
    /// article); `dateline` is the dateline's country.
    pub fn resolve(&self, m: &Mention, ctx: &[&[[u8; 3]]], dateline: Option<[u8; 3]>) -> PlaceId {
        m.within.and_then(|c| self.best_in(m.head, c)).unwrap_or_else(|| self.resolve_head(m.head, ctx, dateline))
    }

    /// Whether the mention's places lie in more than one country.
    fn ambiguous(&self, m: &Mention) -> bool {
        let mut it = self.candidates(m.head).map(|(c, _)| self.places[c.0 as usize].country);
        let first = it.next();
        it.any(|c| Some(c) != first)
    }

    /// Countries among the mention's places (the country itself for `Georgia`).
    fn named_country(&self, m: &Mention) -> Option<[u8; 3]> {
        self.candidates(m.head).map(|(c, _)| &self.places[c.0 as usize]).find(|p| p.kind == PlaceKind::Country).map(|p| p.country)
    }

    fn resolve_head(&self, head: u32, ctx: &[&[[u8; 3]]], dateline: Option<[u8; 3]>) -> PlaceId {
        let cands: Vec<(PlaceId, bool)> = self.candidates(head).collect();
        let p = |id: PlaceId| &self.places[id.0 as usize];
        if cands.len() == 1 {
            return cands[0].0;
        }
        // A country's name is the country, unless the story is datelined in a country
        // with a region of that name (Georgia in an Atlanta story).
        let best_of = |it: &mut dyn Iterator<Item = (PlaceId, bool)>| {
            it.max_by(|a, b| weight(p(a.0), a.1).total_cmp(&weight(p(b.0), b.1)).then(b.0.cmp(&a.0))).map(|c| c.0)
        };
        if cands.iter().any(|&(c, _)| p(c).kind == PlaceKind::Country) {
            if let Some(d) = dateline {
                if let Some(r) = best_of(&mut cands.iter().copied().filter(|&(c, _)| p(c).kind == PlaceKind::Region && p(c).country == d)) {
                    return r;
                }
            }
            if let Some(c) = best_of(&mut cands.iter().copied().filter(|&(c, _)| p(c).kind == PlaceKind::Country)) {
                return c;
            }
        }
        let Some((best, best_w)) = self.pick(cands.iter().copied()) else { return cands[0].0 };
        for tier in ctx {
            if let Some((c, w)) = self.pick(cands.iter().copied().filter(|&(c, _)| tier.contains(&p(c).country))) {
                // A far more prominent place elsewhere still wins: "Paris" in a
                // Washington story is the French capital, not Paris, Texas.
                return if best_w < CONTEXT_MARGIN * w { c } else { best };
            }
        }
        best
    }

    /// The most prominent candidate, and its weight (see [`weight`]); but a region
    /// loses to a city of a million or more of the same name (`New York`).
    fn pick(&self, cands: impl Iterator<Item = (PlaceId, bool)> + Clone) -> Option<(PlaceId, f64)> {
        let best = |it: &mut dyn Iterator<Item = (PlaceId, bool)>| {
            let mut best: Option<(PlaceId, f64)> = None;
            for (c, primary) in it {
                let w = weight(&self.places[c.0 as usize], primary);
                if best.is_none_or(|(b, bw)| w > bw || (w == bw && c < b)) {
                    best = Some((c, w));
                }
            }
            best
        };
        let b = best(&mut cands.clone())?;
        if self.places[b.0 .0 as usize].kind == PlaceKind::Region {
            let big = |&(c, _): &(PlaceId, bool)| {
                let p = &self.places[c.0 as usize];
                p.kind != PlaceKind::Region && p.kind != PlaceKind::Country && p.population >= 1_000_000
            };
            return best(&mut cands.filter(big)).or(Some(b));
        }
        Some(b)
    }

    /// The most prominent of the places in `head`'s list that lie in `country`.
    fn best_in(&self, head: u32, country: [u8; 3]) -> Option<PlaceId> {
        self.pick(self.candidates(head).filter(|&(c, _)| self.places[c.0 as usize].country == country)).map(|c| c.0)
    }

    /// Geocodes a dateline's place (`ERBIL, Kurdistan Region`, `BEIRUT`, `NAJAF, Iraq`,
    /// `PORTLAND, Ore.`, `DUBAI/PARIS`). A region part that names a country or a region
    /// of one decides the country; without one, the most prominent place of the name wins.
    pub fn dateline(&self, dateline: &str) -> Option<DatelinePlace> {
        let mut parts = dateline.split(',').map(str::trim).filter(|s| !s.is_empty());
        let city = parts.next()?;
        let city = city.split('/').next().unwrap_or(city).trim().trim_end_matches('.');
        let mut region: Option<([u8; 3], Option<PlaceId>)> = None;
        for part in parts {
            region = region.or_else(|| self.region_country(part));
        }
        let mut key = String::new();
        name_key(city, &mut key);
        let head = self.get(&key).map_or(NONE, |e| e.head);
        let id = match region {
            Some((rc, region_place)) => self
                .best_in(head, rc)
                .or(region_place)
                .or_else(|| self.country(std::str::from_utf8(&rc).ok()?))?,
            None if head == NONE => return None,
            None => self.resolve_head(head, &[], None),
        };
        Some(DatelinePlace { place: id, country: self.places[id.0 as usize].country })
    }

    /// The country that a dateline's region part names: a country (`Iraq`), a US state
    /// (`Texas`, `Ore.`), a Canadian province, an Australian state or a UK nation.
    /// With it, the region's own place when the table has one (`Texas`).
    fn region_country(&self, part: &str) -> Option<([u8; 3], Option<PlaceId>)> {
        let mut key = String::new();
        name_key(part, &mut key);
        let mut found = None;
        if let Some(e) = self.get(&key) {
            for (c, _) in self.candidates(e.head) {
                let p = &self.places[c.0 as usize];
                match p.kind {
                    PlaceKind::Country => return Some((p.country, None)),
                    PlaceKind::Region => found = found.or(Some((p.country, Some(c)))),
                    _ => {}
                }
            }
        }
        if found.is_some() {
            return found;
        }
        let bare = part.trim_end_matches('.');
        let same = |n: &str| n.trim_end_matches('.').eq_ignore_ascii_case(bare);
        if let Some(&(_, _, name)) = US_STATES.iter().find(|(postal, ap, _)| *postal == part || same(ap)) {
            let state = self.lookup(name).into_iter().find(|&c| self.places[c.0 as usize].kind == PlaceKind::Region);
            return Some((*b"USA", state));
        }
        found.or_else(|| {
            REGIONS
                .iter()
                .find(|(names, _)| names.iter().any(|n| n.trim_end_matches('.').eq_ignore_ascii_case(bare)))
                .map(|(_, cc)| (**cc, None))
        })
    }
}

/// Months and weekdays: never places (March, Cambridgeshire), and fine right after one
/// ("in Najaf Saturday").
const DATE_WORDS: &[&str] = &[
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER",
    "DECEMBER", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
];

/// Names of places that are far more often ordinary words in news text: common
/// English words and names of other things (`Market` is an alternate name of
/// Marquette, `Google` of Topeka, `White House` of Casablanca). They are not looked up.
const STOP_NAMES: &[&str] = &[
    "ADO", "AIM", "AIRPORT", "ALLIANCE", "ALONG", "ALTER", "AREA", "BAD", "BAG", "BAN", "BANK", "BANNING", "BAR",
    "BASIC", "BATTLEGROUND", "BAY", "BEAR", "BELL", "BEST", "BID", "BIG", "BLOOM", "BONE", "BOOM", "BORN", "BOW",
    "BUST", "BUT", "BUY", "CAN", "CARE", "CARS", "CENTER", "CENTRE", "CENTRAL", "CHAIR", "CHAMPION", "COCOA",
    "COM", "COMA", "COME", "CREEK", "DATE", "DAWN", "DEAL", "DELTA", "DES", "DIG", "DIVA", "DOME", "DOWNTOWN",
    "DRAMA", "DRUG", "DUAL", "DUE", "ELBOW", "EMPIRE", "ENTERPRISE", "ERA", "EVER", "FAR", "FATE", "FEDERAL",
    "FLEET", "FOREST", "FORGE", "FREEDOM", "FROM", "GAP", "GAY", "GENES", "GOES", "GOLD", "GOLDEN", "GOOGLE",
    "GRANTS", "GRASS", "GREEN", "GRENADE", "HAIL", "HALL", "HANG", "HIRE", "HIT", "HOLIDAY", "HOOK", "HUB",
    "HUMAN", "HUMBLE", "HUNTER", "HURRICANE", "INDEPENDENCE", "KEEN", "LACROSSE", "LAG", "LENS", "LIBERAL",
    "LOG", "LONE", "LOT", "LUCK", "MALL", "MAN", "MANAGE", "MARATHON", "MARKET", "MARKS", "MEDIA", "MIDWAY",
    "MILE", "MINE", "MISSION", "MONSTER", "MORE", "MOST", "MUCH", "NAME", "NEVER", "NORMAL", "NORTH", "OFF",
    "OFFICER", "OLD CITY", "OLYMPIC", "ONE", "OPPORTUNITY", "ORAL", "ORANGE", "OUTER", "PACE", "PANDAS",
    "PANTHEON", "PAROLE", "PEER", "PEN", "PIN", "PLAIN", "PLUNGE", "POLICE", "POP", "PORT", "POSSESSION", "PRE",
    "PUNCH", "PUT", "RAND", "RAPID", "RAY", "REPUBLIC", "REST", "RETREAT", "RICH", "RIDING", "RISE", "RISEN",
    "RUGBY", "RUST", "SALE", "SALT", "SAME", "SAN", "SAVE", "SAY", "SEEN", "SEMI", "SET", "SHAPING", "SHE",
    "SHONE", "SHOT", "SHUT", "SIDE", "SINCE", "SLASHES", "SLAUGHTER", "SOLO", "SOUTH", "EAST", "WEST",
    "SPARKS", "SPIKE", "SPOKEN", "SPRING", "STERLING", "SUE", "SUES", "SUMMIT", "SUPERIOR", "SURPRISE", "TAL",
    "TANK", "TAPE", "TELL", "TENDER", "THAI", "THAN", "TIME", "TONE", "TONGUE", "TORN", "TOUR", "TRAP",
    "TSUNAMI", "TUNE", "TURN", "TURNER", "TWICKENHAM", "UNION", "UNIVERSITY", "VETO", "WAITS", "WAVE",
    "WHITE HOUSE", "WORTH", "YEN", "YOUNG",
    // Organisations, products and people more often than places.
    "ADAM", "BRENT", "BUSH", "COMMONWEALTH", "HAMAS", "MERCEDES", "NOKIA", "SADR", "TRENT",
    // Continents.
    "AFRICA", "ASIA", "EUROPE", "OCEANIA",
    // Islands and regions the table lacks, whose names a small town has.
    "BALI",
];

/// Names shorter than three letters that are looked up all the same.
const SHORT_NAMES: &[&str] = &["US", "UK"];

/// A place in a context country loses only to one this many times more prominent.
const CONTEXT_MARGIN: f64 = 100.0;

/// How prominent a candidate is when nothing else decides: population, with capitals
/// named by their own name up (`New Delhi` is the capital, not Delhi, which lists it as
/// an alternate), and regions and alternate-name matches down (Amman's old name
/// `Philadelphia` must not beat Philadelphia; Hannover's `Hanover` still beats
/// Hanover, Pennsylvania).
fn weight(p: &Place, primary: bool) -> f64 {
    let kind = match p.kind {
        PlaceKind::Country => 1e3,
        PlaceKind::Capital if primary => 10.0,
        PlaceKind::Capital | PlaceKind::City => 1.0,
        // "New York" is the city more often than the state, "Oklahoma" the state.
        PlaceKind::Region => 0.05,
    };
    (p.population.max(1) as f64) * kind * if primary { 1.0 } else { 0.1 }
}

/// US states in datelines: postal code, AP abbreviation, name (`MANHASSET, NY`,
/// `PORTLAND, Ore.`).
const US_STATES: &[(&str, &str, &str)] = &[
    ("AL", "Ala.", "Alabama"), ("AK", "Alaska", "Alaska"), ("AZ", "Ariz.", "Arizona"), ("AR", "Ark.", "Arkansas"),
    ("CA", "Calif.", "California"), ("CO", "Colo.", "Colorado"), ("CT", "Conn.", "Connecticut"),
    ("DE", "Del.", "Delaware"), ("DC", "D.C.", "District of Columbia"), ("FL", "Fla.", "Florida"),
    ("GA", "Ga.", "Georgia"), ("HI", "Hawaii", "Hawaii"), ("ID", "Idaho", "Idaho"), ("IL", "Ill.", "Illinois"),
    ("IN", "Ind.", "Indiana"), ("IA", "Iowa", "Iowa"), ("KS", "Kan.", "Kansas"), ("KY", "Ky.", "Kentucky"),
    ("LA", "La.", "Louisiana"), ("ME", "Maine", "Maine"), ("MD", "Md.", "Maryland"), ("MA", "Mass.", "Massachusetts"),
    ("MI", "Mich.", "Michigan"), ("MN", "Minn.", "Minnesota"), ("MS", "Miss.", "Mississippi"), ("MO", "Mo.", "Missouri"),
    ("MT", "Mont.", "Montana"), ("NE", "Neb.", "Nebraska"), ("NV", "Nev.", "Nevada"), ("NH", "N.H.", "New Hampshire"),
    ("NJ", "N.J.", "New Jersey"), ("NM", "N.M.", "New Mexico"), ("NY", "N.Y.", "New York"),
    ("NC", "N.C.", "North Carolina"), ("ND", "N.D.", "North Dakota"), ("OH", "Ohio", "Ohio"), ("OK", "Okla.", "Oklahoma"),
    ("OR", "Ore.", "Oregon"), ("PA", "Pa.", "Pennsylvania"), ("RI", "R.I.", "Rhode Island"),
    ("SC", "S.C.", "South Carolina"), ("SD", "S.D.", "South Dakota"), ("TN", "Tenn.", "Tennessee"), ("TX", "Tex.", "Texas"),
    ("UT", "Utah", "Utah"), ("VT", "Vt.", "Vermont"), ("VA", "Va.", "Virginia"), ("WA", "Wash.", "Washington"),
    ("WV", "W.Va.", "West Virginia"), ("WI", "Wis.", "Wisconsin"), ("WY", "Wyo.", "Wyoming"),
];

/// Other region names in datelines that the table does not carry, with their
/// countries: Canadian provinces, Australian states, UK nations, Iraqi Kurdistan.
const REGIONS: &[(&[&str], &[u8; 3])] = &[
    (&["U.S.", "US", "USA", "Kan.", "Kans.", "Texas", "Tenn.", "Wisc."], b"USA"),
    (
        &[
            "Ontario", "Ont.", "ON", "Quebec", "Que.", "QC", "British Columbia", "B.C.", "BC", "Alberta", "Alta.", "AB",
            "Manitoba", "Man.", "MB", "Saskatchewan", "Sask.", "SK", "Nova Scotia", "N.S.", "NS", "New Brunswick",
            "N.B.", "NB", "Newfoundland", "Nfld.", "NL", "Prince Edward Island", "P.E.I.", "PE", "Nunavut", "Yukon",
            "Northwest Territories", "N.W.T.",
        ],
        b"CAN",
    ),
    (&["New South Wales", "NSW", "Victoria", "Queensland", "Tasmania", "Western Australia", "South Australia", "Northern Territory"], b"AUS"),
    (&["England", "Scotland", "Wales", "Northern Ireland"], b"GBR"),
    (&["Kurdistan Region", "Kurdistan Region of Iraq", "Iraqi Kurdistan", "Kurdistan"], b"IRQ"),
    (&["West Bank", "Gaza Strip", "Gaza"], b"PSE"),
];

/// Queues `name` of place `place` for the index: its normalised key goes to `arena`;
/// a name of several words also registers its first word's length bit.
fn add_name(name: &str, place: u32, primary: bool, key: &mut String, arena: &mut String, recs: &mut Vec<NameRec>) {
    let words = name_key(name, key);
    if words == 0 || words > MAX_WORDS || (key.len() < 3 && !SHORT_NAMES.contains(&key.as_str())) {
        return;
    }
    let start = arena.len() as u32;
    arena.push_str(key);
    let end = arena.len() as u32;
    recs.push(NameRec { key: (start, end), place, primary, lens: if words == 1 { 1 } else { 0 } });
    if words > 1 {
        let first = key.find(' ').unwrap_or(key.len()) as u32;
        recs.push(NameRec { key: (start, start + first), place: NONE, primary: false, lens: 1 << (words - 1) });
    }
}

/// Normalises a name as the tokenizer normalises text: upper-case tokens joined by one
/// space. Returns the number of tokens.
fn name_key(name: &str, key: &mut String) -> usize {
    key.clear();
    // Fast path: letters, single spaces and inner hyphens tokenize to themselves.
    let mut words = 1;
    let mut prev = ' ';
    for c in name.chars() {
        match c {
            ' ' | '-' if prev == ' ' || prev == '-' => return name_key_tokenized(name, key),
            ' ' => {
                key.push(' ');
                words += 1;
            }
            '-' => key.push('-'),
            'a'..='z' | 'A'..='Z' => key.push(c.to_ascii_uppercase()),
            '\u{02BC}' => return name_key_tokenized(name, key),
            c if !c.is_ascii() && c.is_alphabetic() => key.extend(c.to_uppercase()),
            _ => return name_key_tokenized(name, key),
        }
        prev = c;
    }
    if prev == ' ' || prev == '-' {
        return name_key_tokenized(name, key);
    }
    words
}

fn name_key_tokenized(name: &str, key: &mut String) -> usize {
    key.clear();
    let toks = tokenize(name);
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(&t.norm);
    }
    toks.len()
}

/// Upper-case Latin letters without their accents (`HEWLÊR` → `HEWLER`, `ŁÓDŹ` →
/// `LODZ`): Latin-1 and Latin Extended-A, as the table's ASCII spellings were made.
fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let f = match c {
            'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
            'Æ' => "AE",
            'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
            'Ð' | 'Ď' | 'Đ' => "D",
            'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
            'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
            'Ĥ' | 'Ħ' => "H",
            'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
            'Ĵ' => "J",
            'Ķ' => "K",
            'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
            'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
            'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
            'Œ' => "OE",
            'Ŕ' | 'Ŗ' | 'Ř' => "R",
            'Ś' | 'Ŝ' | 'Ş' | 'Š' => "S",
            'Ţ' | 'Ť' | 'Ŧ' => "T",
            'Þ' => "TH",
            'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
            'Ŵ' => "W",
            'Ý' | 'Ŷ' | 'Ÿ' => "Y",
            'Ź' | 'Ż' | 'Ž' => "Z",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(f);
    }
    out
}

/// Starts with a capital letter (`Baghdad`, `BAGHDAD`), or a lower-case Arabic article
/// before one (`al-Fallujah`).
fn capitalised(w: &str) -> bool {
    if w.starts_with(|c: char| c.is_uppercase()) {
        return true;
    }
    match w.split_once('-') {
        Some((pre, rest)) => pre.len() <= 3 && rest.starts_with(|c: char| c.is_uppercase()),
        None => false,
    }
}

/// Words after which a place name is where something happens.
const LOCATIVE: &[&str] = &[
    "IN", "AT", "NEAR", "OUTSIDE", "ACROSS", "INSIDE", "AROUND", "THROUGHOUT", "WITHIN", "OFF", "NEARBY",
];

/// `north of Baghdad`, `the outskirts of Kabul`, `the city of Mosul`.
const LOCATIVE_BEFORE_OF: &[&str] = &[
    "NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST", "OUTSKIRTS", "SUBURBS",
    "SUBURB", "CITY", "TOWN", "VILLAGE", "PROVINCE", "REGION", "DISTRICT", "CAPITAL", "PORT", "STREETS", "CENTRE",
    "CENTER", "HEART", "OUTSIDE", "AREA", "GOVERNORATE", "STATE", "NEIGHBORHOOD", "NEIGHBOURHOOD", "COAST",
    "STRONGHOLD", "BASTION",
];

/// Lower-case words that may stand between a locative word and the place
/// (`in the northern city of Mosul`); capitalised words (`Iraqi`) may too.
const BETWEEN: &[&str] = &[
    "THE", "A", "AN", "OF", "'S", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "NORTHEASTERN",
    "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN", "NORTH", "SOUTH", "EAST", "WEST", "RESTIVE", "VOLATILE",
    "BORDER", "CITY", "TOWN", "VILLAGE", "PROVINCE", "REGION", "DISTRICT", "CAPITAL", "PORT", "OUTSKIRTS",
    "SUBURBS", "SUBURB", "STREETS", "AREA", "HOLY", "NEARBY", "NEIGHBORING", "NEIGHBOURING", "MAIN", "BESIEGED",
    "DISPUTED", "TRIBAL", "REMOTE", "COASTAL", "EMBATTLED", "OIL", "SHIITE", "SUNNI", "KURDISH", "HEART", "CENTRE",
    "CENTER", "UPSCALE", "DOWNTOWN", "SOUTHERNMOST", "NORTHERNMOST", "FORMER", "STRATEGIC", "MOUNTAINOUS",
    "GOVERNORATE", "STATE", "NEIGHBORHOOD", "NEIGHBOURHOOD", "COAST", "RURAL",
];

const MAX_BETWEEN: usize = 6;

/// Capitalised words that still end the search for a locative word (in headlines and
/// all-capitals text every word is capitalised).
const NOT_BETWEEN: &[&str] = &[
    "WITH", "FOR", "BY", "TO", "FROM", "AND", "OR", "BUT", "ON", "AS", "AFTER", "BEFORE", "OVER", "AGAINST",
    "SAID", "SAYS", "SAY", "THAT", "WHICH", "WHO", "IS", "WAS", "ARE", "WERE", "HAS", "HAVE", "HAD", "WILL",
    "WOULD", "ABOUT", "DURING", "SINCE", "UNTIL", "THAN", "BETWEEN", "AMONG", "VISITS", "VISIT", "MEETS",
];

/// Is the place starting at token `i` preceded by a locative word?
fn locative(text: &str, toks: &[Token], i: usize) -> bool {
    let lo = i.saturating_sub(MAX_BETWEEN + 1);
    for j in (lo..i).rev() {
        let t = &toks[j];
        let w = t.norm.as_str();
        if LOCATIVE.contains(&w) {
            return true;
        }
        if w == "OF" && j > 0 && LOCATIVE_BEFORE_OF.contains(&toks[j - 1].norm.as_str()) {
            return true;
        }
        let between = BETWEEN.contains(&w)
            || t.kind == TokenKind::Possessive
            || w.ends_with("-HELD")
            || w.ends_with("-CONTROLLED")
            || (t.kind == TokenKind::Word && !NOT_BETWEEN.contains(&w) && capitalised(&text[t.start..t.end]));
        if !between {
            return false;
        }
    }
    false
}

/// CAMEO roots of verbal events: statements, appeals, intentions, diplomatic
/// cooperation, demands, disapproval, rejection and threats. Consultations (04: visits,
/// meetings, mediation) are left out: they happen where their place says.
const VERBAL_ROOTS: &[&str] = &["01", "02", "03", "05", "10", "11", "12", "13"];

/// Whether mention `m` is what the verbal event `e` is about rather than where it
/// happened, when the event's target is a bare country (a place or a people, not a
/// government or an office): the place is the target (`Turkey confirms death of
/// engineer in Afghanistan`, target Afghanistan), is listed with it (`threats in Iran and
/// North Korea`) or directly qualifies it (`plan to deploy forces to Darfur in western
/// Sudan`, target Darfur).
fn topic(e: &Event, m: &Mention, toks: &[Token]) -> bool {
    // A target with a role (`its embassy in Baghdad`, IRQGOV) is not the place itself.
    if !VERBAL_ROOTS.contains(&e.root.as_str()) || e.target.len() != 3 {
        return false;
    }
    let Some([ta, tb]) = e.offsets.target else { return false };
    if m.span[0] < tb && ta < m.span[1] {
        return true;
    }
    // `containing threats in Iran and North Korea`: a place listed with the target.
    let (t0, t1) = (toks.partition_point(|t| t.start < ta), toks.partition_point(|t| t.start < tb));
    if coordinated(toks, t1, m.start) || coordinated(toks, m.end, t0) {
        return true;
    }
    if m.span[0] < tb {
        return false;
    }
    let after = t1;
    let between = toks.get(after..m.start).unwrap_or(&[]);
    between.len() <= MAX_BETWEEN
        && between.first().is_some_and(|t| LOCATIVE.contains(&t.norm.as_str()))
        && between.iter().all(|t| LOCATIVE.contains(&t.norm.as_str()) || BETWEEN.contains(&t.norm.as_str()))
}

/// Whether `e` is a visit (CAMEO 042), whose target may be where it happens without a
/// locative word (`Powell will visit Tokyo`).
fn visit(e: &Event) -> bool {
    e.code.starts_with("042")
}

/// Words that may stand between a verb of visiting and the place visited.
const VISIT_BETWEEN: usize = 3;

/// The place a visit (see [`visit`]) goes to: a place name in the event's target words
/// right after its verb (`visits Libya`, `flew to Khartoum`, `a visit to neighbouring
/// Canada`), not used as an adjective. Used when the event's clause names no place
/// after a locative word.
fn visited<'m>(e: &Event, mentions: &'m [Mention], text: &str, toks: &[Token], v1: usize) -> Option<&'m Mention> {
    let [ta, tb] = e.offsets.target?;
    if !visit(e) {
        return None;
    }
    mentions.iter().find(|m| {
        ta <= m.span[0]
            && m.span[1] <= tb
            && m.start >= v1
            && m.start - v1 <= VISIT_BETWEEN
            && !attributive(text, toks, m.start, m.end)
    })
}

/// Words that may follow a country's abbreviation when it is a place (`in the US
/// since 2001`, `in the UK and France`), besides weekdays, months and the words of
/// [`NOT_BETWEEN`] and [`LOCATIVE`].
const AFTER_PLACE: &[&str] = &["LAST", "THIS", "NEXT", "YESTERDAY", "TODAY", "TONIGHT", "EARLIER", "LATER", "NOW", "ALSO", "TOO", "AGAIN", "WHERE", "WHEN"];

/// A place name used as an adjective: any before `border` (`near the Cameroon border`),
/// and a country abbreviation (`US`, `U.S.`, `UK`) before a lower-case word that is not
/// a preposition, conjunction or time word (`at a US military base near Tokyo`, `in
/// Iraq, US officials said`).
fn attributive(text: &str, toks: &[Token], start: usize, end: usize) -> bool {
    if toks.get(end).is_some_and(|n| matches!(n.norm.as_str(), "BORDER" | "BORDERS" | "FRONTIER")) {
        return true;
    }
    let name = &text[toks[start].start..toks[end - 1].end];
    let abbreviation = end - start == 1 && name.len() <= 4 && !name.chars().any(char::is_lowercase);
    abbreviation
        && toks.get(end).is_some_and(|n| {
            let w = n.norm.as_str();
            n.kind == TokenKind::Word
                && !capitalised(&text[n.start..n.end])
                && !NOT_BETWEEN.contains(&w)
                && !LOCATIVE.contains(&w)
                && !AFTER_PLACE.contains(&w)
                && !DATE_WORDS.contains(&w)
        })
}

/// Only commas, `and` and `or` between two mentions (`in Iraq and Syria`).
fn coordinated(toks: &[Token], a: usize, b: usize) -> bool {
    a < b && b - a <= 2 && toks[a..b].iter().all(|t| t.kind == TokenKind::Comma || t.norm == "AND" || t.norm == "OR")
}

/// Words after `and` that keep it inside a clause: determiners (`Iran and the EU`),
/// counts (`five were killed and four others wounded in …`, `and at least 20 hurt`),
/// and locative words (`in Baqouba and south of Baghdad`).
const AND_CONTINUES: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OTHER", "SEVERAL", "MANY", "SOME", "OTHERS", "TWO", "THREE",
    "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "TWENTY", "DOZENS", "HUNDREDS",
    "THOUSANDS", "SCORES", "AT", "MORE", "IN", "NEAR", "OUTSIDE", "ACROSS", "INSIDE", "AROUND", "NORTH", "SOUTH",
    "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST",
];

/// Words that open a clause of their own, whatever follows: a contrast or a condition.
const CLAUSE_OPENERS: &[&str] = &[";", "BUT", "WHILE", "WHEREAS", "ALTHOUGH", "THOUGH", "UNLESS", "BECAUSE"];

/// Words that open a relative or complement clause (`a missile that could hit cities
/// in India`, `said that …`). Not `where`: its clause happens at the place before it
/// (`in Kabul, where troops …`).
const RELATIVES: &[&str] = &["THAT", "WHICH", "WHO", "WHOM", "WHOSE"];

/// Nouns of incidents whose relative clause tells where the incident happened (`killed
/// in an explosion that hit a hotel in Tikrit`, `clashes that broke out in Samarra`).
const INCIDENTS: &[&str] = &[
    "EXPLOSION", "EXPLOSIONS", "BLAST", "BLASTS", "ATTACK", "ATTACKS", "BOMBING", "BOMBINGS", "CLASH", "CLASHES",
    "FIGHTING", "RAID", "RAIDS", "AMBUSH", "STRIKE", "STRIKES", "AIRSTRIKE", "AIRSTRIKES", "BATTLE", "BATTLES",
    "SHOOTING", "GUNFIGHT", "FIREFIGHT", "SHELLING", "RIOT", "RIOTS", "FIRE", "CRASH",
    "ASSAULT", "OFFENSIVE", "KIDNAPPING", "ABDUCTION", "BLAZE", "EARTHQUAKE", "QUAKE",
];

/// Verbs of saying and believing that take a clause without `that` (`Straw said his
/// country …`, `says the murder in Iraq …`).
const SAY_VERBS: &[&str] = &[
    "SAID", "SAYS", "SAY", "SAYING", "ADDED", "ADDING", "STATED", "DECLARED", "INSISTED", "INSISTS", "STRESSED",
    "NOTED", "CLAIMED", "CLAIMS", "ARGUED", "ARGUES", "BELIEVES", "BELIEVED", "THINKS", "ADMITTED", "ADMITS",
    "SUGGESTED", "FEARS", "HOPES",
];

/// Words that open the said clause right after a verb of [`SAY_VERBS`] (capitalised
/// words too: `said Iraq would …`).
const SUBJECTS: &[&str] = &[
    "IT", "HE", "SHE", "THEY", "WE", "I", "YOU", "THERE", "THIS", "THESE", "THOSE", "HIS", "HER", "ITS", "THEIR",
    "OUR", "THE", "A", "AN", "ALL", "NO",
];

/// Time words that may stand between a verb of saying and its clause (`said on
/// Tuesday he …`).
const SAY_TIME: &[&str] = &["ON", "TODAY", "YESTERDAY", "TONIGHT", "LATE", "EARLY", "LAST", "NIGHT", "EARLIER", "LATER"];

/// Words before `as` that make it a comparison or a name, not a clause (`such as`,
/// `known as`, `as well as`).
const AS_NOT_AFTER: &[&str] = &["SUCH", "SAME", "KNOWN", "SO", "AS", "WELL"];

/// How many tokens after `between` or `both` its `and` may come.
const PAIR_SPAN: usize = 8;

/// The clauses of a sentence: an index for every token, and per clause how it joins
/// the clause before it.
#[derive(Debug, Default)]
struct Clauses {
    of: Vec<u16>,
    /// `ahead[c]`: clause `c` is a subordinate clause opened by `as` (`… killed 18 as
    /// Rumsfeld declared …`), or the relative clause of an incident (`killed in an
    /// explosion that hit a hotel in Tikrit`). A verb before it may take a place in it
    /// (`were killed as their convoy came under fire near Baghdad`).
    ahead: Vec<bool>,
    /// `behind[c]`: clause `c` is a relative or reported clause (`who had arrived`, `said
    /// that …`, `said they …`). A verb in it may take a place before it (`in Yala
    /// province, wounding members who had arrived …`; `Meeting in Moscow, they said they
    /// welcome …`); a verb before it takes no place in it (`fired a missile that could
    /// hit cities in India`).
    behind: Vec<bool>,
}

impl Clauses {
    /// Whether a place in clause `mc`, after the verb when `after`, belongs to a verb in
    /// clause `vc`.
    fn visible(&self, vc: u16, mc: u16, after: bool) -> bool {
        let all = |flags: &[bool], lo: u16, hi: u16| (lo..=hi).all(|c| flags.get(c as usize).copied().unwrap_or(false));
        mc == vc || (after && mc > vc && all(&self.ahead, vc + 1, mc)) || (!after && mc < vc && all(&self.behind, mc + 1, vc))
    }

    fn open(&mut self, ahead: bool, behind: bool) -> u16 {
        self.ahead.push(ahead);
        self.behind.push(behind);
        (self.ahead.len() - 1).min(u16::MAX as usize) as u16
    }
}

/// Splits a sentence into clauses. Clauses break at `;` and the words of
/// [`CLAUSE_OPENERS`]; at `and` before a lower-case word (`… and arrested five`) other
/// than those of [`AND_CONTINUES`] and other than the `and` of `between … and` or
/// `both … and`; and, joined to the clause before as [`Clauses`] tells, at `as` before a
/// new subject (`, as US forces moved …`), at the words of [`RELATIVES`] and at the
/// clause that a verb of saying takes without `that` (`said his country would …`). A
/// relative clause set off by commas (`the envoy, who …,`) ends at its closing comma,
/// and the clause around it goes on.
fn clauses(text: &str, toks: &[Token], out: &mut Clauses) {
    out.of.clear();
    out.ahead.clear();
    out.behind.clear();
    let mut c = out.open(false, false);
    // The clause to go back to at the comma that closes `, which …,`.
    let mut outer: Option<u16> = None;
    // Tokens left in which an `and` pairs with `between` or `both`.
    let mut pair = 0usize;
    // Just after a verb of saying (and its time words).
    let mut said = false;
    for (i, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let cap = t.kind == TokenKind::Word && capitalised(&text[t.start..t.end]);
        let prev = i.checked_sub(1).map(|p| toks[p].norm.as_str());
        let next = toks.get(i + 1);
        // (opens a clause, ahead, behind)
        let (brk, ahead, behind) = if CLAUSE_OPENERS.contains(&w) {
            (true, false, false)
        } else if RELATIVES.contains(&w) {
            if w != "THAT" && prev == Some(",") && outer.is_none() {
                outer = Some(c);
            }
            (true, prev.is_some_and(|p| INCIDENTS.contains(&p)), true)
        } else if w == "AND" {
            let brk = pair == 0
                && next.is_some_and(|n| {
                    n.kind == TokenKind::Word && !capitalised(&text[n.start..n.end]) && !AND_CONTINUES.contains(&n.norm.as_str())
                });
            pair = 0;
            (brk, false, false)
        } else if w == "AS" {
            let subordinate = !prev.is_some_and(|p| AS_NOT_AFTER.contains(&p))
                && next.is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && (SUBJECTS.contains(&n.norm.as_str()) || capitalised(&text[n.start..n.end]))
                        && !matches!(n.norm.as_str(), "A" | "AN" | "ALL" | "NO")
                });
            (subordinate, true, false)
        } else {
            (said && (SUBJECTS.contains(&w) || (cap && !DATE_WORDS.contains(&w))), false, true)
        };
        said = if SAY_VERBS.contains(&w) { true } else { said && (SAY_TIME.contains(&w) || DATE_WORDS.contains(&w)) };
        pair = if matches!(w, "BETWEEN" | "BOTH") { PAIR_SPAN } else { pair.saturating_sub(1) };
        if t.kind == TokenKind::Comma && outer.is_some() {
            out.of.push(c);
            c = outer.take().unwrap_or(c);
            continue;
        }
        if brk {
            c = out.open(ahead, behind);
        }
        out.of.push(c);
    }
}

/// Places for one article's events: the dateline, geocoded once, and the countries the
/// article names, gathered only when an ambiguous name needs them.
pub struct ArticlePlaces<'a> {
    gaz: &'a Gazetteer,
    dateline: Option<DatelinePlace>,
    dateline_text: Option<&'a str>,
    sentences: &'a [&'a str],
    article_countries: Option<Vec<[u8; 3]>>,
    mentions: Vec<Mention>,
    clause: Clauses,
}

impl<'a> ArticlePlaces<'a> {
    /// `dateline` is the article's dateline place as written; `sentences` are all its
    /// sentences (headline first).
    pub fn new(gaz: &'a Gazetteer, dateline: Option<&'a str>, sentences: &'a [&'a str]) -> Self {
        ArticlePlaces {
            gaz,
            dateline: dateline.and_then(|d| gaz.dateline(d)),
            dateline_text: dateline,
            sentences,
            article_countries: None,
            mentions: Vec::new(),
            clause: Clauses::default(),
        }
    }

    /// The geocoded dateline, when the gazetteer knows its place.
    pub fn dateline(&self) -> Option<DatelinePlace> {
        self.dateline
    }

    /// The location that events without a place of their own get: the dateline's
    /// place, or its words alone when the gazetteer does not know them.
    pub fn dateline_location(&self) -> Option<Location> {
        match (self.dateline, self.dateline_text) {
            (Some(d), _) => Some(self.gaz.place(d.place).location()),
            (None, Some(t)) => Some(Location { name: t.to_string(), country: None, lat: None, lon: None }),
            (None, None) => None,
        }
    }

    fn article_countries(&mut self) -> &[[u8; 3]] {
        if self.article_countries.is_none() {
            let mut found = Vec::new();
            let mut toks = Vec::new();
            let mut mentions = Vec::new();
            for s in self.sentences {
                tokenize_into(s, &mut toks);
                self.gaz.find_in(s, &toks, &mut mentions);
                for m in &mentions {
                    if let Some(c) = self.gaz.named_country(m) {
                        if !found.contains(&c) {
                            found.push(c);
                        }
                    }
                }
            }
            self.article_countries = Some(found);
        }
        self.article_countries.as_deref().unwrap_or(&[])
    }

    /// The country of the first place the sentence `text` (tokens `toks`) names after a
    /// locative word ("in Mogadishu"), resolved as event places are: where bare agents
    /// ("a suicide bomber", "police") of that sentence belong before the dateline's country.
    /// `named` are the countries of the actors the sentence names, which decide between
    /// places of one name ("Tripoli" beside "Lebanese troops").
    pub fn setting_country(&mut self, text: &str, toks: &[Token], named: &[[u8; 3]]) -> Option<String> {
        let mut mentions = std::mem::take(&mut self.mentions);
        self.gaz.find_in(text, toks, &mut mentions);
        let m = mentions.iter().find(|m| m.locative).cloned();
        self.mentions = mentions;
        let m = m?;
        let dateline: Vec<[u8; 3]> = self.dateline.map(|d| d.country).into_iter().collect();
        let id = self.gaz.resolve(&m, &[named, &dateline], self.dateline.map(|d| d.country));
        Some(self.gaz.place(id).country().to_string())
    }

    /// Gives each of `events` (all coded from the sentence `text`, whose tokens are
    /// `toks`) its location: the place after a locative word in the event's clause
    /// that is closest to the verb, with `offsets.place` set to its words; else the
    /// dateline's place; else none.
    pub fn locate(&mut self, text: &str, toks: &[Token], events: &mut [Event]) {
        if events.is_empty() {
            return;
        }
        let gaz = self.gaz;
        let mut mentions = std::mem::take(&mut self.mentions);
        gaz.find_in(text, toks, &mut mentions);
        let fallback = self.dateline_location();
        if !mentions.iter().any(|m| m.locative) && !events.iter().any(visit) {
            for e in events.iter_mut() {
                e.location = fallback.clone();
                e.offsets.place = None;
            }
            self.mentions = mentions;
            return;
        }
        let mut clause = std::mem::take(&mut self.clause);
        clauses(text, toks, &mut clause);
        // Countries named in the sentence: place names that are countries, and the
        // countries of the events' actors.
        // An actor that is itself a place name ("Tripoli" coded as Libya) says nothing.
        let mut sentence: Vec<[u8; 3]> = Vec::new();
        for m in &mentions {
            if let Some(c) = gaz.named_country(m) {
                sentence.push(c);
            }
        }
        let is_place = |span: Option<Span>| span.is_some_and(|[a, b]| mentions.iter().any(|m| m.span[0] < b && a < m.span[1]));
        for e in events.iter() {
            for (code, span) in [(&e.source, e.offsets.source), (&e.target, e.offsets.target)] {
                if is_place(span) {
                    continue;
                }
                if let Some(c) = code.get(..3).filter(|c| gaz.country(c).is_some()) {
                    let c: [u8; 3] = c.as_bytes().try_into().unwrap_or(*b"---");
                    if !sentence.contains(&c) {
                        sentence.push(c);
                    }
                }
            }
        }
        let dateline: Vec<[u8; 3]> = self.dateline.map(|d| d.country).into_iter().collect();
        for e in events.iter_mut() {
            let Some([vs, ve]) = e.offsets.verb else {
                e.location = fallback.clone();
                continue;
            };
            let v0 = toks.partition_point(|t| t.start < vs).min(toks.len().saturating_sub(1));
            let v1 = toks.partition_point(|t| t.start < ve).max(v0 + 1);
            let vc = clause.of.get(v0).copied().unwrap_or(0);
            // `was shot and killed yesterday in Amsterdam`: a verb right before `and` and
            // another verb shares that verb's places.
            let shared = match toks.get(v1) {
                Some(t) if t.norm == "AND" => clause.of.get(v1 + 1).copied().unwrap_or(vc),
                _ => vc,
            };
            let best = mentions
                .iter()
                .filter(|m| {
                    let mc = clause.of[m.start];
                    m.locative &&
                    (clause.visible(vc, mc, m.start >= v1) || mc == shared) && !topic(e, m, toks)
                })
                .min_by_key(|m| {
                    // The verb's own clause first, then the closest.
                    let own = matches!(clause.of[m.start], c if c == vc || c == shared);
                    (!own, if m.start >= v1 { 2 * (m.start - v1) } else { 2 * (v0 - m.end.min(v0)) + 1 })
                })
                .or_else(|| visited(e, &mentions, text, toks, v1));
            let Some(m) = best else {
                e.location = fallback.clone();
                e.offsets.place = None;
                continue;
            };
            let needs_article = gaz.ambiguous(m)
                && !gaz.candidates(m.head).any(|(c, _)| {
                    let cc = gaz.places[c.0 as usize].country;
                    sentence.contains(&cc) || dateline.contains(&cc)
                });
            let article: Vec<[u8; 3]> = if needs_article { self.article_countries().to_vec() } else { Vec::new() };
            let id = gaz.resolve(m, &[&sentence, &dateline, &article], self.dateline.map(|d| d.country));
            e.location = Some(gaz.place(id).location());
            e.offsets.place = Some(m.span);
        }
        self.mentions = mentions;
        self.clause = clause;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::builtin()
    }

    /// (text, expected mentions as (words, locative))
    const FIND: &[(&str, &[(&str, bool)])] = &[
        ("Clashes in Baghdad left five dead.", &[("Baghdad", true)]),
        ("Baghdad said the talks failed.", &[("Baghdad", false)]),
        ("a drone strike in Irbil and Hewler", &[("Irbil", true), ("Hewler", true)]),
        ("Forces entered Arbil.", &[("Arbil", false)]),
        ("Talks opened in New York and Washington on Monday.", &[("New York", true), ("Washington", true)]),
        ("A bomb exploded in the northern city of Mosul.", &[("Mosul", true)]),
        ("Troops massed 50 km north of Baghdad.", &[("Baghdad", true)]),
        ("in Iraq's Anbar province", &[("Iraq", true)]),
        ("Rebels shelled al-Fallujah overnight.", &[]),
        ("Militants attacked a checkpoint near Dar es Salaam.", &[("Dar es Salaam", true)]),
        ("Marines fought in the Iraqi city of Fallujah.", &[("Fallujah", true)]),
        ("He met the envoy in talks with Iran.", &[("Iran", false)]),
        ("BLAST KILLS 10 IN KHARTOUM", &[("KHARTOUM", true)]),
        ("Talks on Iraq resumed.", &[("Iraq", false)]),
        ("in March the army said", &[]),
        ("in Gaza city", &[("Gaza", true)]),
        ("Fighting in Paris, Texas, ended.", &[("Paris", true)]),
        ("in Iraq, Syria and Lebanon", &[("Iraq", true), ("Syria", true), ("Lebanon", true)]),
        // A country's abbreviation as an adjective; any place before `border`.
        ("He surrendered at a US military base near Tokyo.", &[("US", false), ("Tokyo", true)]),
        ("in Iraq, US officials said", &[("Iraq", true), ("US", false)]),
        ("Factories in the US and Canada closed.", &[("US", true), ("Canada", true)]),
        ("Militants were killed near the Cameroon border.", &[("Cameroon", false)]),
        ("air strikes around the Iraqi insurgent bastion of Fallujah", &[("Fallujah", true)]),
    ];

    #[test]
    fn find() {
        for &(text, want) in FIND {
            let got: Vec<(&str, bool)> = g().find(text).iter().map(|m| (&text[m.span[0]..m.span[1]], m.locative)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    fn name_country(id: PlaceId) -> (String, String) {
        let p = g().place(id);
        (p.name.to_string(), p.country().to_string())
    }

    fn resolve(text: &str, ctx: &[&[[u8; 3]]], dateline: Option<&[u8; 3]>) -> (String, String) {
        let m = g().find(text).into_iter().next().unwrap_or_else(|| panic!("no place in {text:?}"));
        name_country(g().resolve(&m, ctx, dateline.copied()))
    }

    /// (text, context tiers, dateline country, expected place name, country)
    #[test]
    fn disambiguation() {
        let cases: &[(&str, &[&[[u8; 3]]], Option<&[u8; 3]>, &str, &str)] = &[
            ("in Tripoli", &[], None, "Tripoli", "LBY"),
            ("in Tripoli", &[&[*b"LBN"]], None, "Tripoli", "LBN"),
            ("in Tripoli", &[&[], &[*b"LBN"]], Some(b"LBN"), "Tripoli", "LBN"),
            ("in Paris", &[&[*b"USA"]], Some(b"USA"), "Paris", "FRA"),
            ("in Paris", &[], None, "Paris", "FRA"),
            ("in Washington", &[], None, "Washington", "USA"),
            ("in New York", &[], None, "New York City", "USA"),
            ("in Georgia", &[], None, "Georgia", "GEO"),
            ("in Georgia", &[&[*b"USA"]], Some(b"USA"), "Georgia", "USA"),
            ("in Lebanon", &[&[*b"USA"]], Some(b"USA"), "Lebanon", "LBN"),
            ("in Florida", &[], None, "Florida", "USA"),
            ("in Mexico", &[], None, "Mexico", "MEX"),
            ("in Kiev", &[], None, "Kyiv", "UKR"),
            ("in New Delhi", &[], None, "New Delhi", "IND"),
            ("in Philadelphia", &[], None, "Philadelphia", "USA"),
            ("in Hanover", &[], None, "Hannover", "DEU"),
            ("in Oklahoma", &[], None, "Oklahoma", "USA"),
            ("in Delaware", &[], None, "Delaware", "USA"),
            ("in Alexandria", &[&[*b"EGY"]], None, "Alexandria", "EGY"),
            ("in Britain", &[], None, "United Kingdom", "GBR"),
            ("in Paris, Texas", &[], None, "Paris", "USA"),
            ("in Tripoli, Lebanon", &[], None, "Tripoli", "LBN"),
        ];
        for &(text, ctx, dl, name, cc) in cases {
            assert_eq!(resolve(text, ctx, dl), (name.to_string(), cc.to_string()), "{text} {ctx:?}");
        }
    }

    #[test]
    fn datelines() {
        for (dateline, name, cc) in [
            ("ERBIL, Kurdistan Region", "Erbil", "IRQ"),
            ("BEIRUT", "Beirut", "LBN"),
            ("KHARTOUM", "Khartoum", "SDN"),
            ("NAJAF, Iraq", "Najaf", "IRQ"),
            ("TRIPOLI, Lebanon", "Tripoli", "LBN"),
            ("TRIPOLI", "Tripoli", "LBY"),
            ("WASHINGTON", "Washington", "USA"),
            ("NEW YORK", "New York City", "USA"),
            ("UNITED NATIONS, New York", "New York", "USA"),
            ("LONDON, Ontario", "London", "CAN"),
            ("PARIS, Texas", "Paris", "USA"),
            ("TROIS-RIVIERES, Que.", "Trois-Rivières", "CAN"),
            ("DUBAI/PARIS", "Dubai", "ARE"),
            ("SPRINGFIELD, Mass.", "Springfield", "USA"),
            ("MANHASSET, NY", "New York", "USA"),
            ("SEMMES, Ala.", "Alabama", "USA"),
            ("Toronto, ON", "Toronto", "CAN"),
            ("MOSCOW.", "Moscow", "RUS"),
            ("SMALLVILLE, Kansas", "Kansas", "USA"),
            ("GAZA CITY", "Gaza", "PSE"),
            ("Tehran", "Tehran", "IRN"),
        ] {
            let d = g().dateline(dateline).unwrap_or_else(|| panic!("{dateline}: not found"));
            assert_eq!(name_country(d.place), (name.to_string(), cc.to_string()), "{dateline}");
            assert_eq!(d.country(), cc, "{dateline}");
        }
        for unknown in ["UNITED NATIONS", "MINAS TIRITH", ""] {
            assert_eq!(g().dateline(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn builtin_table() {
        let s = g().stats();
        assert!(s.countries >= 240 && s.regions >= 50 && s.cities >= 30_000, "{s:?}");
        let erbil = g().lookup("Erbil");
        for alt in ["Arbil", "Irbil", "Hewler", "ERBIL", "Hewlêr", "HAWLÊR"] {
            assert_eq!(g().lookup(alt), erbil, "{alt}");
        }
        let p = g().place(erbil[0]);
        assert_eq!((p.country(), p.kind), ("IRQ", PlaceKind::City));
        assert!((p.lat.unwrap() - 36.19).abs() < 0.01 && (p.lon.unwrap() - 44.01).abs() < 0.01);
        assert_eq!(g().country("IRQ").map(|c| g().place(c).name.as_ref()), Some("Iraq"));
    }

    #[test]
    fn parse_errors() {
        let ok = "# c\nErbil\tArbil|Irbil\tIRQ\t36.19\t44.01\t1612700\tPPL\n";
        let t = Gazetteer::parse(ok).unwrap();
        assert_eq!(t.lookup("irbil").len(), 1);
        for (bad, line) in [
            ("Erbil\tArbil\tIRQ\t36.19\t44.01\t1612700\n", 1),
            ("# c\nErbil\t\tIQ\t36.19\t44.01\t1\tPPL\n", 2),
            ("Erbil\t\tIRQ\t136.19\t44.01\t1\tPPL\n", 1),
            ("Erbil\t\tIRQ\t36.19\t44.01\tmany\tPPL\n", 1),
            ("Erbil\t\tIRQ\t36.19\t44.01\t1\tXYZ\n", 1),
            ("\t\tIRQ\t36.19\t44.01\t1\tPPL\n", 1),
        ] {
            assert_eq!(Gazetteer::parse(bad).unwrap_err().line, line, "{bad:?}");
        }
    }

    fn event(text: &str, verb: &str) -> Event {
        let v = text.find(verb).unwrap();
        Event {
            doc_id: "d".into(),
            sentence: 0,
            date: None,
            source: String::new(),
            target: String::new(),
            code: "190".into(),
            root: "19".into(),
            quad_class: None,
            goldstein: None,
            plover: None,
            source_text: String::new(),
            target_text: String::new(),
            verb_text: verb.into(),
            offsets: crate::event::Offsets { verb: Some([v, v + verb.len()]), ..Default::default() },
            text: text.into(),
            location: None,
            quote: None,
            speaker: None,
            pattern: String::new(),
            issues: Vec::new(),
            date_precision: None,
            date_text: None,
            mentions: 1,
            sentences: vec![0],
        }
    }

    /// (dateline, sentence, verb, expected location name and country, place words)
    #[test]
    fn locate() {
        let cases: &[(Option<&str>, &str, &str, Option<(&str, &str)>, Option<&str>)] = &[
            (Some("ERBIL, Kurdistan Region"), "Jets struck militants in a drone strike in Baghdad.", "struck", Some(("Baghdad", "IRQ")), Some("Baghdad")),
            (Some("ERBIL, Kurdistan Region"), "Jets struck militants.", "struck", Some(("Erbil", "IRQ")), None),
            (None, "Jets struck militants.", "struck", None, None),
            (Some("UNITED NATIONS"), "Jets struck militants.", "struck", Some(("UNITED NATIONS", "")), None),
            (Some("BEIRUT"), "Troops clashed with gunmen in Tripoli.", "clashed", Some(("Tripoli", "LBN")), Some("Tripoli")),
            (None, "Troops clashed with gunmen in Tripoli.", "clashed", Some(("Tripoli", "LBY")), Some("Tripoli")),
            (None, "In Kabul, police arrested two men and troops raided homes in Kandahar.", "arrested", Some(("Kabul", "AFG")), Some("Kabul")),
            (None, "In Kabul, police arrested two men and troops raided homes in Kandahar.", "raided", Some(("Kandahār", "AFG")), Some("Kandahar")),
            (None, "Police in Basra said troops fought rebels near Najaf.", "fought", Some(("Najaf", "IRQ")), Some("Najaf")),
        ];
        for &(dl, text, verb, want, words) in cases {
            let sentences = [text];
            let mut places = ArticlePlaces::new(g(), dl, &sentences);
            let mut evs = vec![event(text, verb)];
            places.locate(text, &tokenize(text), &mut evs);
            let got = evs[0].location.as_ref().map(|l| (l.name.as_str(), l.country.as_deref().unwrap_or("")));
            assert_eq!(got, want, "{text} / {verb}");
            assert_eq!(evs[0].offsets.place.map(|[a, b]| &text[a..b]), words, "{text} / {verb}");
        }
    }

    /// Clauses: (sentence, verb, expected place words, or `None` for the fallback).
    #[test]
    fn clause_of_the_verb() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // Relative and reported clauses keep their places from the verb before them…
            ("Pakistan fired a missile that could hit cities in India.", "fired", None),
            ("A company announced Tuesday that it was halting operations in Iraq.", "announced", None),
            ("Straw said his country would not send troops to Darfur in Sudan.", "said", None),
            ("Officials said on Monday they had freed hostages in Iraq.", "said", None),
            ("Officials said in Baghdad they had freed hostages.", "said", Some("Baghdad")),
            // … but take the place before them when they have none of their own.
            ("A bomb wounded guards in Yala who had arrived to investigate.", "arrived", Some("Yala")),
            ("Meeting in Moscow, the two leaders said they welcome the result.", "welcome", Some("Moscow")),
            ("Clerics gathered at a mosque outside Baghdad, where they called for a boycott.", "called", Some("Baghdad")),
            // A relative clause set off by commas ends at its comma.
            ("Leaders of Iraq, who met in Amman, urged calm.", "urged", None),
            ("Leaders of Iraq, who met in Amman, urged calm.", "met", Some("Amman")),
            // The relative clause of an incident says where it happened.
            ("Fifteen people were killed in an explosion that hit a hotel in Tikrit.", "killed", Some("Tikrit")),
            // `as` before a new subject: its verb does not take the place before it.
            ("Bombs in Baghdad killed 18 people as Rumsfeld declared victory.", "declared", None),
            ("Bombs in Baghdad killed 18 people as Rumsfeld declared victory.", "killed", Some("Baghdad")),
            ("Two soldiers were killed as their convoy came under fire near Baghdad.", "killed", Some("Baghdad")),
            ("Palestinians such as those in Gaza protested.", "protested", Some("Gaza")),
            // `and` inside a clause: counts, places, `between … and`, two verbs.
            ("Two Iraqis were killed and four others wounded in clashes in Samarra.", "killed", Some("Samarra")),
            ("Gunmen killed 27 people in Baqouba and south of Baghdad.", "killed", Some("Baghdad")),
            ("Two died in clashes between US troops and insurgents in Samarra.", "died", Some("Samarra")),
            ("The director was shot and killed yesterday in Amsterdam.", "shot", Some("Amsterdam")),
            ("Police arrested two men and troops raided homes in Kandahar.", "arrested", None),
        ];
        for &(text, verb, words) in cases {
            let sentences = [text];
            let mut places = ArticlePlaces::new(g(), None, &sentences);
            let mut evs = vec![event(text, verb)];
            places.locate(text, &tokenize(text), &mut evs);
            assert_eq!(evs[0].offsets.place.map(|[a, b]| &text[a..b]), words, "{text} / {verb}");
            assert_eq!(evs[0].location.is_some(), words.is_some(), "{text} / {verb}");
        }
    }

    /// Verbal events about a place: (dateline, sentence, verb, root, target words and
    /// code, expected location name).
    #[test]
    fn verbal_topics() {
        let cases: &[(Option<&str>, &str, &str, &str, (&str, &str), Option<&str>)] = &[
            (Some("ANKARA"), "Turkey confirms death of engineer in Afghanistan", "confirms", "01", ("Afghanistan", "AFG"), Some("Ankara")),
            (None, "Turkey confirms death of engineer in Afghanistan", "confirms", "01", ("Afghanistan", "AFG"), None),
            (None, "He sees headway against threats in Iran and North Korea", "sees", "13", ("North Korea", "PRK"), None),
            (None, "He sees headway against threats in Iran and North Korea", "sees", "13", ("Iran", "IRN"), None),
            (None, "Britain urged restraint on Darfur in western Sudan", "urged", "02", ("Darfur", "SDN"), None),
            // Not a bare country: the place is the target's, and stays.
            (None, "Washington threatened to close its embassy in Baghdad", "threatened", "13", ("embassy in Baghdad", "IRQGOV"), Some("Baghdad")),
            // Not verbal: where it happened.
            (None, "Troops killed five militants in Afghanistan", "killed", "19", ("Afghanistan", "AFG"), Some("Afghanistan")),
            // Consultations happen where they say.
            (None, "Powell arrived in Seoul", "arrived", "04", ("Seoul", "KOR"), Some("Seoul")),
        ];
        for &(dl, text, verb, root, (target, code), want) in cases {
            let sentences = [text];
            let mut places = ArticlePlaces::new(g(), dl, &sentences);
            let mut e = event(text, verb);
            let t = text.find(target).unwrap();
            e.root = root.into();
            e.target = code.into();
            e.offsets.target = Some([t, t + target.len()]);
            let mut evs = vec![e];
            places.locate(text, &tokenize(text), &mut evs);
            assert_eq!(evs[0].location.as_ref().map(|l| l.name.as_str()), want, "{text} / {target}");
        }
    }

    /// Visits: (sentence, verb, code, target words, expected place words).
    #[test]
    fn visits() {
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            ("Musharraf visits Afghanistan", "visits", "042", "Afghanistan", Some("Afghanistan")),
            ("Blair flew to Khartoum on Wednesday.", "flew", "042", "Khartoum", Some("Khartoum")),
            ("Bush visits neighboring Canada next week.", "visits", "042", "Canada", Some("Canada")),
            // A locative place of the clause comes first.
            ("Putin visits Brazil to meet Lula in Brasilia.", "visits", "042", "Brazil", Some("Brasilia")),
            // Not a visit; a target far from the verb; an adjective.
            ("Troops killed Afghanistan militants", "killed", "190", "Afghanistan", None),
            ("Tensions between Taiwan and China grew as Chen visited Seattle.", "visited", "042", "China", None),
            ("The envoy visited US troops.", "visited", "042", "US troops", None),
        ];
        for &(text, verb, code, target, words) in cases {
            let sentences = [text];
            let mut places = ArticlePlaces::new(g(), None, &sentences);
            let mut e = event(text, verb);
            let t = text.find(target).unwrap();
            (e.code, e.root) = (code.into(), code[..2].into());
            e.offsets.target = Some([t, t + target.len()]);
            let mut evs = vec![e];
            places.locate(text, &tokenize(text), &mut evs);
            assert_eq!(evs[0].offsets.place.map(|[a, b]| &text[a..b]), words, "{text}");
        }
    }

    #[test]
    fn article_countries_decide() {
        let sentences = ["Lebanon braced for more violence.", "Gunmen clashed with troops in Tripoli."];
        let mut places = ArticlePlaces::new(g(), None, &sentences);
        let text = sentences[1];
        let mut evs = vec![event(text, "clashed")];
        places.locate(text, &tokenize(text), &mut evs);
        assert_eq!(evs[0].location.as_ref().and_then(|l| l.country.as_deref()), Some("LBN"));
    }
}
