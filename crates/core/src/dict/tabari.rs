//! TABARI dictionary formats: .verbs (synsets, time, alternatives), .actors, .agents, .options,
//! and the .project file that lists them.
//!
//! Conventions (TABARI 0.8 manual, ch. 5): `;` starts a comment (but not inside `[...]`), lines
//! beginning with `#` or `/` are commented out, a line beginning with `~` (`~FINISH`,
//! `~~~~~`) ends the file. Words ending in `_` match exactly, other words are stems; `=` at the
//! end of a word also forbids the regular endings.
//!
//! Hyphens are kept as written (TABARI itself turns them into `_` when reading, and blanks in
//! the text); whether `AL-ASSAD` is one token or two is left to the tokenizer and compiler.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::common::{self, brackets, event_code, lines, Ctx, DupCheck};
use super::petrarch;
use super::{
    phrase_words, ActorEntry, AgentEntry, CodeSpec, DictError, DictKind, DictSet, IssueEntry, PatElem, PatItem, Phrase,
    Synset, TimeEntry, TimeShift, VerbBlock, VerbWord, Warning, Word,
};

/// Reads a TABARI dictionary file of the given kind. Invalid UTF-8 is read as Latin-1 (with
/// one warning); a missing file is a [`DictErrorKind::MissingFile`](super::DictErrorKind)
/// error. TABARI has no discard files: `Discards` reads the PETRARCH discard list format.
pub fn load(path: &Path, kind: DictKind) -> Result<DictSet, DictError> {
    let (text, warning) = common::read_text(path)?;
    let name = path.display().to_string();
    let mut set = match kind {
        DictKind::Actors => parse_actors(&text, &name),
        DictKind::Agents => parse_agents(&text, &name),
        DictKind::Verbs => parse_verbs(&text, &name),
        DictKind::Discards => petrarch::parse_discards(&text, &name),
        DictKind::Issues => parse_issues(&text, &name),
    };
    if let Some(w) = warning {
        set.warnings.insert(0, w);
    }
    Ok(set)
}

/// What a TABARI line is after comments are removed.
enum Line<'a> {
    Skip,
    End,
    Text(Cow<'a, str>),
}

fn classify(raw: &str) -> Line<'_> {
    let t = raw.trim_start();
    if t.starts_with('#') || t.starts_with('/') {
        return Line::Skip;
    }
    if t.starts_with('~') {
        return Line::End;
    }
    let t = common::cut_comment(t, &[';']).trim_end();
    if t.is_empty() {
        Line::Skip
    } else {
        Line::Text(Cow::Borrowed(t))
    }
}

/// `<TAG ...>` → upper-case `TAG` (with a leading `/` for closing tags).
fn tag(t: &str) -> Option<String> {
    let inner = t.strip_prefix('<')?;
    let inner = inner.split('>').next().unwrap_or(inner);
    let name = inner.split_whitespace().next().unwrap_or("");
    Some(name.to_ascii_uppercase())
}

// ---------------------------------------------------------------------------------------------
// Verbs

#[derive(PartialEq)]
enum VerbSection {
    Main,
    Time,
    Skipped,
}

/// Parses a TABARI .verbs file: `<SYNSETS>` (`&NAME` and `+member` lines, members may contain
/// `$`, `+`, `&OTHER`), `<TIME>` (time-shift phrases `LAST_WEEK [-7]`, markers `[###]`,
/// `[- - -]`, `[+++]`, and `- * ...` patterns under a time phrase, stored as the whole phrase),
/// then verb roots `VERB  [CODE] ;comment`, each a block of its own, an optional irregular-form
/// line `{ ACTING_ ACTXD_ }`, and patterns `- ... [CODE]` with alternatives `{ A_ | B C | &S }`.
///
/// Roots: `exact` when the root word ends in `_` or `=`; `inflect` when it ends in `_` (TABARI
/// still accepts the regular endings -S, -ED, -ES, -EN, -ING there), not for `=` nor for stems
/// (a stem already matches by prefix).
pub fn parse_verbs(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut section = VerbSection::Main;
    let mut block: Option<VerbBlock> = None;
    let mut synset: Option<Synset> = None;
    let mut time_root: Option<Phrase> = None;
    let mut roots = DupCheck::default();
    let mut synset_names = DupCheck::default();

    for (n, raw) in lines(text) {
        let t = match classify(raw) {
            Line::Skip => continue,
            Line::End => break,
            Line::Text(t) => t,
        };
        let t = t.trim();
        if let Some(tag) = tag(t) {
            close_synset(&mut ctx, &mut set, synset.take());
            match tag.as_str() {
                "SYNSETS" | "SYNSET" | "/SYNSETS" | "/SYNSET" => {}
                "TIME" => section = VerbSection::Time,
                t if t.starts_with('/') => section = VerbSection::Main,
                other => {
                    ctx.warn(n, format!("section <{other}> is not supported; skipped"));
                    section = VerbSection::Skipped;
                }
            }
            continue;
        }
        if section == VerbSection::Skipped {
            continue;
        }
        if let Some(s) = synset.as_mut() {
            if let Some(member) = t.strip_prefix('+') {
                match common::pattern_items(member) {
                    Ok(items) if !items.is_empty() => s.members.push(items),
                    Ok(_) => ctx.warn(n, "empty synset member; skipped"),
                    Err(e) => ctx.warn(n, format!("synset member '{member}': {e}; skipped")),
                }
                continue;
            }
            close_synset(&mut ctx, &mut set, synset.take());
        }
        if let Some(rest) = t.strip_prefix('&') {
            let name =
                rest.split_whitespace().next().unwrap_or("").trim_end_matches('_').to_uppercase();
            if name.is_empty() {
                ctx.warn(n, "synset without a name; skipped");
                continue;
            }
            if let Some(first) = synset_names.check(name.clone(), n) {
                ctx.warn(n, format!("synset &{name} defined again (first at line {first})"));
            }
            synset = Some(Synset { name, members: Vec::new(), loc: ctx.loc(n) });
        } else if let Some(body) = t.strip_prefix('-') {
            if section == VerbSection::Time {
                time_pattern(&mut ctx, &mut set, n, body, time_root.as_deref());
                continue;
            }
            let Some(b) = block.as_mut() else {
                ctx.warn(n, "pattern before any verb; skipped");
                continue;
            };
            if let Some(mut p) = petrarch::pattern_line(&mut ctx, n, body) {
                split_hyphen_items(&mut p.before);
                split_hyphen_items(&mut p.after);
                p.before_joined = p.before.last().is_some_and(|i| i.joined);
                b.patterns.push(p);
            }
        } else if let Some(rest) = t.strip_prefix('{') {
            let Some(b) = block.as_mut().filter(|b| !b.verbs.is_empty()) else {
                ctx.warn(n, "verb forms before any verb; skipped");
                continue;
            };
            let inner = match rest.find('}') {
                Some(j) => &rest[..j],
                None => {
                    ctx.warn(n, "'{' without '}' in verb forms");
                    rest
                }
            };
            // Each form is a verb of the block, sharing its patterns: `ACTING_` matches
            // exactly, `ACTUALITY` as a stem; forms take no regular endings.
            let before = b.verbs.len();
            let loc = ctx.loc(n);
            for f in inner.split_whitespace() {
                let words: Vec<String> = f
                    .split('_')
                    .map(|w| w.trim_end_matches('=').to_uppercase())
                    .filter(|w| !w.is_empty())
                    .collect();
                if words.is_empty() {
                    continue;
                }
                let first = f.split('_').next().unwrap_or("");
                let exact = f.contains('_') || first.ends_with('=');
                let joined = (0..words.len()).map(|i| i + 1 < words.len()).collect();
                // `BROKEN_DOWN_`: every word exact; `BROKEN_DOWN`: the last a stem.
                let n_words = words.len();
                let exact_words = (0..n_words).map(|i| i + 1 < n_words || f.ends_with('_') || f.ends_with('=')).collect();
                b.verbs.push(VerbWord {
                    words,
                    head: 0,
                    joined,
                    forms: Vec::new(),
                    code: None,
                    inflect: false,
                    exact,
                    exact_words,
                    loc: loc.clone(),
                });
            }
            if b.verbs.len() == before {
                ctx.warn(n, "no verb forms inside { }");
            }
        } else if section == VerbSection::Time {
            time_root = time_line(&mut ctx, &mut set, n, t);
        } else {
            if !t.starts_with(|c: char| c.is_alphanumeric() || c == '\'') {
                ctx.warn(n, format!("line '{t}' is neither a verb nor a pattern; skipped"));
                continue;
            }
            if let Some(b) = block.take() {
                set.verbs.push(b);
            }
            block = root_line(&mut ctx, n, t, &mut roots);
        }
    }
    close_synset(&mut ctx, &mut set, synset.take());
    if let Some(b) = block.take() {
        set.verbs.push(b);
    }
    petrarch::check_synset_refs(&mut ctx, &set);
    set.warnings = ctx.warnings;
    set
}

fn close_synset(ctx: &mut Ctx, set: &mut DictSet, s: Option<Synset>) {
    if let Some(s) = s {
        if s.members.is_empty() {
            ctx.warn(s.loc.line, format!("synset &{} has no members", s.name));
        }
        set.synsets.push(s);
    }
}

/// `VERB [CODE]`, `ACT_ [100]`, `BAN= [191]`, `CALLED_ON [094]`, `BURN DOWN [222]`.
fn root_line(ctx: &mut Ctx, n: u32, t: &str, roots: &mut DupCheck) -> Option<VerbBlock> {
    let b = brackets(t);
    let code = match b.groups.first() {
        None => {
            ctx.warn(n, format!("verb '{t}' has no [code]; using the null code"));
            CodeSpec::Null
        }
        Some(g) => event_code(g).unwrap_or_else(|| {
            ctx.warn(n, format!("bad verb code [{g}]; using the null code"));
            CodeSpec::Null
        }),
    };
    if b.groups.len() > 1 || !b.stray.is_empty() || b.unclosed {
        ctx.warn(n, "text after the verb code ignored");
    }
    let body = b.head.trim();
    let items = match common::pattern_items(body) {
        Ok(items) => items,
        Err(e) => {
            ctx.warn(n, format!("verb '{body}': {e}; skipped"));
            return None;
        }
    };
    let mut words = Vec::with_capacity(items.len());
    let mut joined = Vec::with_capacity(items.len());
    let mut exact_words = Vec::with_capacity(items.len());
    let mut exact = false;
    for (i, item) in items.iter().enumerate() {
        match &item.elem {
            PatElem::Word(w) => {
                if i == 0 {
                    exact = w.exact;
                }
                words.push(w.text.clone());
                joined.push(item.joined);
                exact_words.push(w.exact);
            }
            _ => {
                ctx.warn(n, format!("verb '{body}' contains pattern tokens; skipped"));
                return None;
            }
        }
    }
    if words.is_empty() {
        ctx.warn(n, "verb line without a verb; skipped");
        return None;
    }
    if let Some(l) = joined.last_mut() {
        *l = false;
    }
    let first_atom = body.split(|c: char| c == '_' || c.is_whitespace()).next().unwrap_or("");
    let inflect = exact && !first_atom.ends_with('=');
    let key = common::phrase_key(
        &words.iter().map(|w| Word { text: w.clone(), exact: false }).collect::<Vec<_>>(),
    );
    if let Some(first) = roots.check(key, n) {
        ctx.warn(n, format!("verb '{body}' already listed at line {first}"));
    }
    let loc = ctx.loc(n);
    // TABARI accepts the endings S, ED, ES, EN and ING on an exact root literally
    // (`DEPART_` matches `DEPARTES`); the compiler adds the spelled inflections.
    let forms = if inflect {
        ["S", "ED", "ES", "EN", "ING"]
            .iter()
            .map(|e| {
                let mut w = words.clone();
                w[0] = format!("{}{e}", w[0]);
                (w, 0)
            })
            .collect()
    } else {
        Vec::new()
    };
    let verb = VerbWord {
        exact_words,
        words,
        head: 0,
        joined,
        forms,
        code: None,
        inflect,
        exact,
        loc: loc.clone(),
    };
    Some(VerbBlock { name: body.to_string(), code, verbs: vec![verb], patterns: Vec::new(), loc })
}

/// `[-7]`, `[+30]` → days; `[###]`, `[+++]`, `[- - -]` → markers.
fn time_shift(s: &str) -> Result<TimeShift, String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err("empty time code []".into());
    }
    if compact.chars().all(|c| c == '-') {
        return Ok(TimeShift::Marker("---".into()));
    }
    if compact == "###" || compact == "+++" {
        return Ok(TimeShift::Marker(compact));
    }
    compact.parse::<i32>().map(TimeShift::Days).map_err(|_| format!("bad time-shift code [{s}]"))
}

fn checked_shift(ctx: &mut Ctx, n: u32, g: &str) -> Option<TimeShift> {
    match time_shift(g) {
        Ok(TimeShift::Days(d)) if d.abs() > 8192 => {
            ctx.warn(n, format!("time shift [{g}] is more than 8192 days; set to 0"));
            Some(TimeShift::Days(0))
        }
        Ok(s) => Some(s),
        Err(e) => {
            ctx.warn(n, format!("{e}; skipped"));
            None
        }
    }
}

/// A time root `LAST_WEEK [-7]`; returns its phrase for the patterns that follow.
fn time_line(ctx: &mut Ctx, set: &mut DictSet, n: u32, t: &str) -> Option<Phrase> {
    let b = brackets(t);
    let phrase = phrase_words(b.head);
    if phrase.is_empty() {
        ctx.warn(n, "time line without a phrase; skipped");
        return None;
    }
    let Some(g) = b.groups.first() else {
        ctx.warn(n, format!("time phrase '{}' has no [code]; skipped", b.head.trim()));
        return Some(phrase);
    };
    if let Some(shift) = checked_shift(ctx, n, g) {
        set.times.push(TimeEntry { phrase: phrase.clone(), shift, loc: ctx.loc(n) });
    }
    Some(phrase)
}

/// `- * AND A WEEK [+8]` under a time root: stored as the phrase with `*` replaced by the root.
fn time_pattern(ctx: &mut Ctx, set: &mut DictSet, n: u32, body: &str, root: Option<&[Word]>) {
    let Some(root) = root else {
        ctx.warn(n, "time pattern before any time phrase; skipped");
        return;
    };
    let b = brackets(body);
    let Some(g) = b.groups.first() else {
        ctx.warn(n, "time pattern has no [code]; skipped");
        return;
    };
    let pieces = match common::pattern_pieces(b.head) {
        Ok(p) => p,
        Err(e) => {
            ctx.warn(n, format!("time pattern: {e}; skipped"));
            return;
        }
    };
    let mut phrase = Vec::new();
    let mut stars = 0;
    for p in pieces {
        match p {
            common::Piece::Verb { .. } => {
                stars += 1;
                phrase.extend_from_slice(root);
            }
            common::Piece::Item(i) => match i.elem {
                PatElem::Word(w) => phrase.push(w),
                _ => {
                    ctx.warn(
                        n,
                        "time pattern with actor or synset tokens is not supported; skipped",
                    );
                    return;
                }
            },
        }
    }
    if stars != 1 {
        ctx.warn(n, "time pattern needs exactly one '*'; skipped");
        return;
    }
    if let Some(shift) = checked_shift(ctx, n, g) {
        set.times.push(TimeEntry { phrase, shift, loc: ctx.loc(n) });
    }
}

// ---------------------------------------------------------------------------------------------
// Actors

#[derive(PartialEq)]
enum ActorSection {
    Actors,
    Nouns,
    Adjectives,
    Skipped,
}

/// Parses a TABARI .actors file: entries `PHRASE [CODE] ;comment`, dated codes on the same line
/// (`ALBRIGHT [USAGOV 991201-010114] [---]`, `[X <011214]`, `[X >011214]`) or on indented
/// lines after the phrase and its `+` synonyms, and `<NOUN>` / `<ADJECTIVE>` sections
/// (→ [`DictSet::nouns`] / [`DictSet::adjectives`]).
pub fn parse_actors(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut blocks = common::ActorBlocks::default();
    blocks.warn_shared = true;
    let mut section = ActorSection::Actors;
    let mut words = DupCheck::default();
    for (n, raw) in lines(text) {
        let t = match classify(raw) {
            Line::Skip => continue,
            Line::End => break,
            Line::Text(t) => t,
        };
        let t = t.trim();
        if let Some(tag) = tag(t) {
            blocks.flush(&mut ctx, &mut set.actors);
            section = match tag.as_str() {
                "NOUN" | "NOUNS" => ActorSection::Nouns,
                "ADJECTIVE" | "ADJECTIVES" | "ADJ" => ActorSection::Adjectives,
                t if t.starts_with('/') => ActorSection::Actors,
                other => {
                    ctx.warn(n, format!("section <{other}> is not supported; skipped"));
                    ActorSection::Skipped
                }
            };
            continue;
        }
        match section {
            ActorSection::Skipped => {}
            ActorSection::Nouns | ActorSection::Adjectives => {
                let b = brackets(t);
                if !b.groups.is_empty() || b.unclosed {
                    ctx.warn(n, "codes are ignored in <NOUN> and <ADJECTIVE> sections");
                }
                let phrase = phrase_words(b.head.trim_start_matches('+'));
                if phrase.is_empty() {
                    ctx.warn(n, "line without a phrase; skipped");
                    continue;
                }
                let kind = if section == ActorSection::Nouns { "N" } else { "A" };
                if let Some(first) =
                    words.check(format!("{kind}{}", common::phrase_key(&phrase)), n)
                {
                    ctx.warn(
                        n,
                        format!(
                            "duplicate phrase '{}' (first at line {first})",
                            common::show(&phrase)
                        ),
                    );
                }
                if section == ActorSection::Nouns {
                    set.nouns.push(phrase);
                } else {
                    set.adjectives.push(phrase);
                }
            }
            ActorSection::Actors => {
                if t.starts_with('[') {
                    blocks.code_line(&mut ctx, n, t);
                } else if let Some(rest) = t.strip_prefix('+') {
                    blocks.synonym(&mut ctx, n, rest);
                } else {
                    blocks.primary(&mut ctx, &mut set.actors, n, t);
                }
            }
        }
    }
    blocks.flush(&mut ctx, &mut set.actors);
    let actors = std::mem::take(&mut set.actors);
    for mut a in actors {
        if a.phrase.iter().any(|w| w.text.contains('-')) {
            let (p, g) = split_hyphen_words(&a.phrase, &a.gaps);
            a.phrase = p;
            a.gaps = g;
        }
        let endings = noun_endings(&mut a.phrase);
        let variants: Vec<Phrase> = endings.iter().map(|e| with_last(&a.phrase, e)).collect();
        let (codes, loc, gaps) = (a.codes.clone(), a.loc.clone(), a.gaps.clone());
        set.actors.push(a);
        for phrase in variants {
            set.actors.push(ActorEntry { phrase, gaps: gaps.clone(), codes: codes.clone(), loc: loc.clone() });
        }
    }
    for p in set.adjectives.iter_mut() {
        strip_no_endings(p);
    }
    // Nouns take the regular plural as actors do.
    let nouns = std::mem::take(&mut set.nouns);
    for mut p in nouns {
        let endings = noun_endings(&mut p);
        let variants: Vec<Phrase> = endings.iter().map(|e| with_last(&p, e)).collect();
        set.nouns.push(p);
        set.nouns.extend(variants);
    }
    set.warnings = ctx.warnings;
    set
}

/// TABARI reads a hyphen in a dictionary phrase as `_` (manual 5.2): `BARAD-DUR` is
/// `BARAD_DUR`. Returns the phrase and its gaps.
fn split_hyphen_words(p: &[Word], gaps: &[bool]) -> (Phrase, Vec<bool>) {
    let mut words: Phrase = Vec::with_capacity(p.len());
    let mut out_gaps: Vec<bool> = Vec::new();
    for (i, w) in p.iter().enumerate() {
        let parts: Vec<&str> = w.text.split('-').filter(|s| !s.is_empty()).collect();
        let parts = if parts.is_empty() { vec![w.text.as_str()] } else { parts };
        let k = parts.len();
        for (j, part) in parts.into_iter().enumerate() {
            if !words.is_empty() {
                out_gaps.push(if j == 0 { gaps.get(i - 1).copied().unwrap_or(false) } else { false });
            }
            words.push(Word { text: part.to_string(), exact: if j + 1 < k { true } else { w.exact } });
        }
    }
    (words, out_gaps)
}

fn split_hyphen_items(items: &mut Vec<PatItem>) {
    if !items.iter().any(|it| matches!(&it.elem, PatElem::Word(w) if w.text.contains('-'))) {
        for it in items.iter_mut() {
            if let PatElem::Alt(alts) = &mut it.elem {
                alts.iter_mut().for_each(split_hyphen_items);
            }
        }
        return;
    }
    let mut out = Vec::with_capacity(items.len() + 2);
    for it in items.drain(..) {
        match it.elem {
            PatElem::Word(w) if w.text.contains('-') => {
                let parts: Vec<String> = w.text.split('-').filter(|s| !s.is_empty()).map(str::to_string).collect();
                let k = parts.len();
                for (j, part) in parts.into_iter().enumerate() {
                    let last = j + 1 == k;
                    out.push(PatItem {
                        elem: PatElem::Word(Word { text: part, exact: if last { w.exact } else { true } }),
                        joined: if last { it.joined } else { true },
                    });
                }
            }
            PatElem::Alt(mut alts) => {
                alts.iter_mut().for_each(split_hyphen_items);
                out.push(PatItem { elem: PatElem::Alt(alts), joined: it.joined });
            }
            elem => out.push(PatItem { elem, joined: it.joined }),
        }
    }
    *items = out;
}

/// TABARI's `=` ending (`MOUSE=`): the word matches exactly and takes no regular endings.
/// Removes the marks; `true` when the last word had one.
fn strip_no_endings(p: &mut Phrase) -> bool {
    let mut last = false;
    let n = p.len();
    for (i, w) in p.iter_mut().enumerate() {
        if w.text.ends_with('=') {
            w.text = w.text.trim_end_matches('=').to_string();
            w.exact = true;
            last = i + 1 == n;
        }
    }
    last
}

/// The regular noun endings TABARI accepts on the last word of an exact actor, agent or
/// noun phrase (manual 5.2.3): the plural `S` (possessives are split off by the tokenizer)
/// and the spelled plural (`BODY` → `BODIES`). Stems need none; `=` forbids them.
fn noun_endings(p: &mut Phrase) -> Vec<String> {
    if strip_no_endings(p) {
        return Vec::new();
    }
    let Some(last) = p.last().filter(|w| w.exact && !w.text.is_empty()) else { return Vec::new() };
    let mut out = vec![format!("{}S", last.text)];
    let spelled = common::regular_plural(&last.text);
    if spelled != out[0] {
        out.push(spelled);
    }
    out
}

/// `p` with its last word replaced by `last` (still exact).
fn with_last(p: &[Word], last: &str) -> Phrase {
    let mut out = p.to_vec();
    if let Some(w) = out.last_mut() {
        w.text = last.to_string();
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Agents

/// Parses a TABARI .agents file: `PHRASE_ [ ~GOV] ;comment` (suffix) or `[NGO~]` (prefix),
/// with optional extra forms `PHRASE {FORM1 FORM2} [~X]`. No plurals are generated: TABARI
/// matches the regular endings when coding.
pub fn parse_agents(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut dups = DupCheck::default();
    for (n, raw) in lines(text) {
        let t = match classify(raw) {
            Line::Skip => continue,
            Line::End => break,
            Line::Text(t) => t,
        };
        let t = t.trim();
        let b = brackets(t);
        let Some(g) = b.groups.first() else {
            ctx.warn(n, format!("agent '{t}' has no [code]; skipped"));
            continue;
        };
        let Some((code, suffix)) = petrarch::agent_code(&mut ctx, n, g) else { continue };
        if b.groups.len() > 1 || !b.stray.is_empty() {
            ctx.warn(n, "text after the agent code ignored");
        }
        let head = common::clean_phrase(&mut ctx, n, b.head, "agent");
        let (main, forms) = petrarch::split_braces(&mut ctx, n, &head);
        let mut phrases = vec![phrase_words(main)];
        if let Some(f) = forms {
            phrases.extend(f.split_whitespace().map(phrase_words));
        }
        // TABARI matches the regular noun endings of agents by itself.
        let endings = noun_endings(&mut phrases[0]);
        let variants: Vec<Phrase> = endings.iter().map(|e| with_last(&phrases[0], e)).collect();
        phrases.extend(variants);
        for p in &mut phrases[1..] {
            strip_no_endings(p);
        }
        if phrases[0].is_empty() {
            ctx.warn(n, "agent line without a phrase; skipped");
            continue;
        }
        for phrase in phrases.into_iter().filter(|p| !p.is_empty()) {
            let phrase = if phrase.iter().any(|w| w.text.contains('-')) {
                let gaps: Vec<bool> = (0..phrase.len().saturating_sub(1)).map(|i| !phrase[i].exact).collect();
                split_hyphen_words(&phrase, &gaps).0
            } else {
                phrase
            };
            if let Some(first) = dups.check(common::phrase_key(&phrase), n) {
                ctx.warn(
                    n,
                    format!(
                        "duplicate agent phrase '{}' (first at line {first})",
                        common::show(&phrase)
                    ),
                );
            }
            // TABARI stems are the words followed by a space: other words may follow them.
            let gaps = (0..phrase.len().saturating_sub(1)).map(|i| !phrase[i].exact).collect();
            set.agents.push(AgentEntry { phrase, gaps, code: code.clone(), suffix, loc: ctx.loc(n) });
        }
    }
    set.warnings = ctx.warnings;
    set
}

// ---------------------------------------------------------------------------------------------
// Issues

/// Parses a TABARI issues file: `<ISSUE CATEGORY="..." ...>` sections of `PHRASE [CODE]` lines.
pub fn parse_issues(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    for (n, raw) in lines(text) {
        let t = match classify(raw) {
            Line::Skip => continue,
            Line::End => break,
            Line::Text(t) => t,
        };
        let t = t.trim();
        if t.starts_with('<') {
            continue;
        }
        let b = brackets(t);
        let Some(g) = b.groups.first() else {
            ctx.warn(n, format!("issue phrase '{t}' has no [code]; skipped"));
            continue;
        };
        let phrase = phrase_words(b.head);
        if phrase.is_empty() || g.trim().is_empty() {
            ctx.warn(n, "issue line without a phrase or code; skipped");
            continue;
        }
        set.issues.push(IssueEntry { phrase, code: g.trim().to_uppercase(), loc: ctx.loc(n) });
    }
    set.warnings = ctx.warnings;
    set
}

// ---------------------------------------------------------------------------------------------
// .project

/// The files named in a TABARI .project file, resolved against the project's directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub actors: Vec<PathBuf>,
    pub verbs: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub options: Option<PathBuf>,
    pub text: Vec<PathBuf>,
    pub issues: Vec<PathBuf>,
    /// Other tags (`eventfile`, `coder`, `errorfile`, ...), lower-case tag and raw value.
    pub other: Vec<(String, String)>,
}

/// Parses a .project file. Lines not starting with `<` are comments; as in TABARI, only the
/// first two letters of a tag count (`<actorsfile>`, `<actorfile>`, `<ac...>`). `<session>`
/// lines are ignored.
pub fn parse_project(text: &str, dir: &Path) -> Project {
    let mut p = Project::default();
    for (_, raw) in lines(text) {
        let t = raw.trim();
        let Some(rest) = t.strip_prefix('<') else { continue };
        let Some(close) = rest.find('>') else { continue };
        let tag = rest[..close].split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let value = rest[close + 1..].split('<').next().unwrap_or("").trim();
        let path = || dir.join(value);
        match tag.get(..2).unwrap_or("") {
            _ if value.is_empty() && !tag.starts_with("ru") => {}
            "ac" => p.actors.push(path()),
            "ve" => p.verbs.push(path()),
            "ag" => p.agents.push(path()),
            "op" => p.options = Some(path()),
            "te" => p.text.push(path()),
            "is" => p.issues.push(path()),
            "se" => {}
            _ => p.other.push((tag, value.to_string())),
        }
    }
    p
}

// ---------------------------------------------------------------------------------------------
// .options

/// The complexity filter of a `COMPLEX:` command (TABARI manual 8.7). Counts are thresholds
/// ("n or more"); `None` or 0 means inactive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Complex {
    pub verbs: Option<u32>,
    pub actors: Option<u32>,
    pub pronouns: Option<u32>,
    pub conj: Option<u32>,
    pub comma: Option<u32>,
    pub lateverb: Option<u32>,
    pub noactprior: bool,
    pub noactafter: bool,
    pub noverb: bool,
    pub nosource: bool,
    pub notarget: bool,
    pub noevent: bool,
    pub explain: bool,
    pub nosave: bool,
}

/// What coding needs from a TABARI .options file. Commands other than `COMPLEX:`, `SET:` and
/// `LABEL:` are kept raw, in file order, in `commands` (upper-case keyword without the colon,
/// e.g. `("DEFAULT", "SOURCE: [USA] PRIOR")`, `("OUTPUT", "ID")`, `("DELETE", ...)`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub complex: Complex,
    /// `SET: NAME = VALUE` with the name upper-cased and blanks collapsed (`SKIP RECORDS`).
    pub set: Vec<(String, String)>,
    /// `LABEL: code=text`.
    pub labels: Vec<(String, String)>,
    pub commands: Vec<(String, String)>,
}

impl Options {
    /// The last value given to a `SET:` parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.set.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The command lines of a .options file with their 1-based numbers, trimmed: `//` and
/// `#` start comments, blank lines are skipped, and a line beginning with `~` ends the file.
pub fn options_lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    lines(text)
        .map(|(n, raw)| {
            let mut t = raw;
            if let Some(i) = t.find("//") {
                t = &t[..i];
            }
            if let Some(i) = t.find('#') {
                t = &t[..i];
            }
            (n, t.trim())
        })
        .filter(|(_, t)| !t.is_empty())
        .take_while(|(_, t)| !t.starts_with('~'))
}

/// Parses a .options file ([`options_lines`]). Commands are recognised by their first
/// four letters, as in TABARI.
pub fn parse_options(text: &str, file: &str) -> (Options, Vec<Warning>) {
    let mut ctx = Ctx::new(file);
    let mut o = Options::default();
    for (n, t) in options_lines(text) {
        let Some((kw, value)) = t.split_once(':') else {
            ctx.warn(n, format!("options line without a 'COMMAND:' keyword: '{t}'"));
            o.commands.push((String::new(), t.to_string()));
            continue;
        };
        let kw = kw.trim().to_ascii_uppercase();
        let value = value.trim();
        let short: String = kw.chars().take(4).collect();
        match short.as_str() {
            "COMP" => complex(&mut ctx, n, value, &mut o.complex),
            "SET" => match value.split_once('=') {
                Some((k, v)) => o.set.push((normalize_name(k), v.trim().to_string())),
                None => o.set.push((normalize_name(value), String::new())),
            },
            "LABE" => match value.split_once('=') {
                Some((k, v)) => o.labels.push((k.trim().to_string(), v.trim().to_string())),
                None => ctx.warn(n, format!("LABEL without '=': '{value}'")),
            },
            _ => o.commands.push((kw, value.to_string())),
        }
    }
    (o, ctx.warnings)
}

fn normalize_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_uppercase()
}

fn complex(ctx: &mut Ctx, n: u32, value: &str, c: &mut Complex) {
    for tok in value.split_whitespace() {
        let tok = tok.to_ascii_uppercase();
        let (name, num) = match tok.split_once('[') {
            Some((name, rest)) => {
                let num = rest.trim_end_matches(']').trim();
                match num.parse::<u32>() {
                    Ok(v) => (name.to_string(), Some(v)),
                    Err(_) => {
                        ctx.warn(n, format!("COMPLEX: bad number in '{tok}'"));
                        continue;
                    }
                }
            }
            None => (tok.clone(), None),
        };
        let slot = match name.as_str() {
            "VERBS" => &mut c.verbs,
            "ACTORS" => &mut c.actors,
            "PRONOUNS" => &mut c.pronouns,
            "CONJ" => &mut c.conj,
            "COMMA" => &mut c.comma,
            "LATEVERB" => &mut c.lateverb,
            flag => {
                let f = match flag {
                    "NOACTPRIOR" => &mut c.noactprior,
                    "NOACTAFTER" => &mut c.noactafter,
                    "NOVERB" => &mut c.noverb,
                    "NOSOURCE" => &mut c.nosource,
                    "NOTARGET" => &mut c.notarget,
                    "NOEVENT" => &mut c.noevent,
                    "EXPLAIN" => &mut c.explain,
                    "NOSAVE" => &mut c.nosave,
                    _ => {
                        ctx.warn(n, format!("COMPLEX: unknown condition '{tok}'"));
                        continue;
                    }
                };
                if num.is_some() {
                    ctx.warn(n, format!("COMPLEX: '{flag}' takes no number"));
                }
                *f = true;
                continue;
            }
        };
        match num {
            Some(v) => *slot = Some(v),
            None => ctx.warn(n, format!("COMPLEX: '{name}' needs a number in [ ]")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::dict::{DatedCode, PatItem, Pattern};

    type RootRow = (&'static str, Vec<&'static str>, Vec<bool>, bool, bool, CodeSpec);
    type PatRow = (&'static str, Vec<PatItem>, bool, Vec<PatItem>, bool, CodeSpec);
    type ActorRow = (&'static str, Vec<(&'static str, Vec<DatedCode>)>);

    fn w(t: &str, exact: bool) -> Word {
        Word { text: t.into(), exact }
    }
    fn word(t: &str, exact: bool, joined: bool) -> PatItem {
        PatItem { elem: PatElem::Word(w(t, exact)), joined }
    }
    fn el(elem: PatElem, joined: bool) -> PatItem {
        PatItem { elem, joined }
    }
    fn one(c: &str) -> CodeSpec {
        CodeSpec::One(c.into())
    }
    fn pats(set: &DictSet) -> Vec<&Pattern> {
        set.verbs.iter().flat_map(|b| &b.patterns).collect()
    }

    #[test]
    fn verb_roots() {
        // (line, words, joined, exact, inflect, code)
        let t: Vec<RootRow> = vec![
            (
                "ABANDON  [345] ;pas 15 Jul 2003",
                vec!["ABANDON"],
                vec![false],
                false,
                false,
                one("345"),
            ),
            ("ACT_ [100]", vec!["ACT"], vec![false], true, true, one("100")),
            ("BAN= [191] ;tony", vec!["BAN"], vec![false], true, false, one("191")),
            ("CALLED_ON  [094]", vec!["CALLED", "ON"], vec![true, false], true, true, one("094")),
            (
                "BURN DOWN  [222]",
                vec!["BURN", "DOWN"],
                vec![false, false],
                false,
                false,
                one("222"),
            ),
            ("ACCORD  [---]", vec!["ACCORD"], vec![false], false, false, CodeSpec::Null),
            ("ATTEND  [031!]", vec!["ATTEND"], vec![false], false, false, one("031!")),
            (
                "MEET  [031:031]",
                vec!["MEET"],
                vec![false],
                false,
                false,
                CodeSpec::Pair("031".into(), "031".into()),
            ),
            ("ARM_ [sdf]", vec!["ARM"], vec![false], true, true, one("SDF")),
        ];
        for (line, words, joined, exact, inflect, code) in t {
            let set = parse_verbs(&format!("{line}\n"), "t");
            assert!(set.warnings.is_empty(), "{line}: {:?}", set.warnings);
            let b = &set.verbs[0];
            assert_eq!(b.code, code, "{line}");
            let v = &b.verbs[0];
            assert_eq!(v.words, words, "{line}");
            assert_eq!(v.joined, joined, "{line}");
            assert_eq!((v.exact, v.inflect), (exact, inflect), "{line}");
            assert_eq!(v.code, None);
        }
    }

    #[test]
    fn irregular_forms_follow_the_root() {
        let set =
            parse_verbs("BREAK_ [1717]\n{ BROKE_ BROKEN_ BROKEN_DOWN_ }\n- * TREATY [161]\n", "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        // Each irregular form is a verb of the block, exact as written.
        let got: Vec<(String, bool)> =
            set.verbs[0].verbs[1..].iter().map(|v| (v.words.join(" "), v.exact)).collect();
        let s = |w: &str| (w.to_string(), true);
        assert_eq!(got, vec![s("BROKE"), s("BROKEN"), s("BROKEN DOWN")]);
        assert_eq!(set.verbs[0].patterns.len(), 1);
    }

    #[test]
    fn patterns_with_alternatives() {
        let alt = |a: Vec<Vec<PatItem>>, j| el(PatElem::Alt(a), j);
        // (line, before, before_joined, after, after_joined, code)
        let t: Vec<PatRow> = vec![
            (
                "- * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT | EMBARGO }  [172] ;pas",
                vec![],
                false,
                vec![
                    word("FOR", false, false),
                    alt(
                        vec![
                            vec![word("ECONOMIC", true, true), word("SANCTIONS", false, false)],
                            vec![word("TOTAL", true, true), word("BOYCOTT", false, false)],
                            vec![word("EMBARGO", false, false)],
                        ],
                        false,
                    ),
                ],
                false,
                one("172"),
            ),
            (
                "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]",
                vec![word("SUGGESTED", true, true), el(PatElem::Target, false)],
                false,
                vec![
                    word("DEMAND", true, true),
                    alt(
                        vec![
                            vec![word("GENEVA", true, false)],
                            vec![word("INTERNATIONAL", false, false)],
                        ],
                        true,
                    ),
                    word("CONVENTIONS", false, false),
                ],
                false,
                one("111"),
            ),
            (
                "- INCHING { &TIETYPES | CLOSER } *  [083]",
                vec![
                    word("INCHING", false, false),
                    alt(
                        vec![
                            vec![el(PatElem::Synset("TIETYPES".into()), false)],
                            vec![word("CLOSER", false, false)],
                        ],
                        false,
                    ),
                ],
                false,
                vec![],
                false,
                one("083"),
            ),
            (
                "- * THE_NEAT~_PLACE  [027]",
                vec![],
                false,
                vec![
                    word("THE", true, true),
                    word("NEAT", false, true),
                    word("PLACE", false, false),
                ],
                false,
                one("027"),
            ),
            (
                "- * BACK~ POLICY [062]",
                vec![],
                false,
                vec![word("BACK", false, true), word("POLICY", false, false)],
                false,
                one("062"),
            ),
            (
                "- RECENT~_*  [025]",
                vec![word("RECENT", false, true)],
                true,
                vec![],
                false,
                one("025"),
            ),
            (
                "- *~_CLOSELY DEVELOPMENT  [014]",
                vec![],
                false,
                vec![word("CLOSELY", false, false), word("DEVELOPMENT", false, false)],
                true,
                one("014"),
            ),
            (
                "- + WAS_*_BY_$ [080]",
                vec![el(PatElem::Target, false), word("WAS", true, true)],
                true,
                vec![word("BY", true, true), el(PatElem::Source, false)],
                true,
                one("080"),
            ),
            (
                "- * IN ^ WITH + [031]",
                vec![],
                false,
                vec![
                    word("IN", false, false),
                    el(PatElem::Skip, false),
                    word("WITH", false, false),
                    el(PatElem::Target, false),
                ],
                false,
                one("031"),
            ),
            (
                "- * ACCIDENT [- - -]",
                vec![],
                false,
                vec![word("ACCIDENT", false, false)],
                false,
                CodeSpec::Null,
            ),
        ];
        for (line, before, bj, after, aj, code) in t {
            let set = parse_verbs(
                &format!("<SYNSETS>\n&TIETYPES\n+MILITARY\n</SYNSETS>\nCALL  [---]\n{line}\n"),
                "t",
            );
            assert!(set.warnings.is_empty(), "{line}: {:?}", set.warnings);
            let p = pats(&set)[0];
            assert_eq!(p.before, before, "{line}");
            assert_eq!(p.before_joined, bj, "{line}");
            assert_eq!(p.after, after, "{line}");
            assert_eq!(p.after_joined, aj, "{line}");
            assert_eq!(p.code, code, "{line}");
        }
    }

    #[test]
    fn bad_verb_lines_warn() {
        for line in [
            "- * { A | B [010]",
            "- * A } [010]",
            "- * { A | * } [010]",
            " * TO_ LAY_ SIEGE [130]",
            "{ }",
        ] {
            let set = parse_verbs(&format!("CALL  [---]\n{line}\n"), "t");
            assert!(pats(&set).is_empty(), "{line}");
            assert_eq!(set.warnings.len(), 1, "{line}: {:?}", set.warnings);
        }
        let set = parse_verbs("- * X [010]\nNOCODE\n", "t");
        assert_eq!(set.warnings.len(), 2, "{:?}", set.warnings);
        assert_eq!(set.verbs[0].code, CodeSpec::Null);
    }

    #[test]
    fn synsets_and_time() {
        let text = "<SYNSETS>\n&CURRENCY \n+DOLLAR\n+PESO_$\n&TIEPHRASE\n+&CURRENCY_MEMOS\n+ASSURANCES_ON &CURRENCY\n</SYNSETS>\n\
            <TIME>\nFOREVER_AND_A_DAY [- - -]\nKAN_WA_MA_KAN [###]\nLAST_WEEK [-7]\nTOMORROW [+1]\n- * AND A WEEK [+8]\nWHEN_PEACE_COMES [+++]\n</TIME>\n\
            ABANDON  [345]\n- * &TIEPHRASE [903]\n~FINISH\nIGNORED [010]\n";
        let set = parse_verbs(text, "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        assert_eq!(set.synsets.len(), 2);
        assert_eq!(set.synsets[0].name, "CURRENCY");
        assert_eq!(
            set.synsets[0].members[1],
            vec![word("PESO", true, true), el(PatElem::Source, false)]
        );
        assert_eq!(
            set.synsets[1].members[0],
            vec![el(PatElem::Synset("CURRENCY".into()), true), word("MEMOS", false, false)]
        );
        let times: Vec<(String, TimeShift)> =
            set.times.iter().map(|t| (common::show(&t.phrase), t.shift.clone())).collect();
        let m = |s: &str| TimeShift::Marker(s.into());
        assert_eq!(
            times,
            vec![
                ("FOREVER_AND_A_DAY".into(), m("---")),
                ("KAN_WA_MA_KAN".into(), m("###")),
                ("LAST_WEEK".into(), TimeShift::Days(-7)),
                ("TOMORROW".into(), TimeShift::Days(1)),
                ("TOMORROW AND A WEEK".into(), TimeShift::Days(8)),
                ("WHEN_PEACE_COMES".into(), m("+++")),
            ]
        );
        assert_eq!(set.verbs.len(), 1);
        assert_eq!(pats(&set).len(), 1);
    }

    fn dc(code: &str, from: Option<Date>, to: Option<Date>) -> DatedCode {
        DatedCode { code: code.into(), from, to }
    }

    /// The entries as written, without the regular-ending variants that follow them.
    fn originals(set: &DictSet) -> Vec<&ActorEntry> {
        let mut out: Vec<&ActorEntry> = Vec::new();
        for a in &set.actors {
            if out.last().is_none_or(|p| p.loc != a.loc) {
                out.push(a);
            }
        }
        out
    }

    #[test]
    fn regular_endings() {
        let set = parse_actors("LIBYA_ [LBY]
MOUSE= [MUS]
ARGENTIN [ARG]
CITY_ [CTY]
", "t");
        let got: Vec<String> = set.actors.iter().map(|a| common::show(&a.phrase)).collect();
        assert_eq!(got, ["LIBYA_", "LIBYAS_", "MOUSE_", "ARGENTIN", "CITY_", "CITYS_", "CITIES_"]);
        let set = parse_verbs("DEPART_ [032]
BAN= [191]
", "t");
        let forms: Vec<String> = set.verbs[0].verbs[0].forms.iter().map(|f| f.0.join(" ")).collect();
        assert_eq!(forms, ["DEPARTS", "DEPARTED", "DEPARTES", "DEPARTEN", "DEPARTING"]);
        assert!(set.verbs[1].verbs[0].forms.is_empty() && !set.verbs[1].verbs[0].inflect);
    }

    #[test]
    fn actors() {
        let d = |y, m, dd| Some(Date::ymd(y, m, dd));
        let t: Vec<ActorRow> = vec![
            ("ALBRIGHT [USAGOV 991201-010114] [---]\n", vec![("ALBRIGHT", vec![dc("USAGOV", d(1999, 12, 1), d(2001, 1, 14)), DatedCode::plain("---")])]),
            ("ACQUINO  [PHLOPP <860224] [PHLGOV 860225-920630] [PHLELI] ;x\n", vec![("ACQUINO",
                vec![dc("PHLOPP", None, d(1986, 2, 24)), dc("PHLGOV", d(1986, 2, 25), d(1992, 6, 30)), DatedCode::plain("PHLELI")])]),
            ("REAGAN [### > 890120] [USA]\n", vec![("REAGAN", vec![dc("###", d(1989, 1, 20), None), DatedCode::plain("USA")])]),
            ("GOLLUM ; pas 27 Apr 03\n+SMEAGOL\n  [HOB <950601]\n\t[HOBGOV 950601-990815]\n", vec![
                ("GOLLUM", vec![dc("HOB", None, d(1995, 6, 1)), dc("HOBGOV", d(1995, 6, 1), d(1999, 8, 15))]),
                ("SMEAGOL", vec![dc("HOB", None, d(1995, 6, 1)), dc("HOBGOV", d(1995, 6, 1), d(1999, 8, 15))]),
            ]),
            ("ABKHAZIANS_ [abk] ; CAMEO\n# COMMENTED [X]\n/ ALSO [Y]\nEND_ [Z]\n~FINISH\nAFTER [Q]\n",
                vec![("ABKHAZIANS_", vec![DatedCode::plain("ABK")]), ("END_", vec![DatedCode::plain("Z")])]),
            ("EAST_AND_WEST_GERMANY [GME/GMW]\n", vec![("EAST_AND_WEST_GERMANY", vec![DatedCode::plain("GME/GMW")])]),
        ];
        for (text, want) in t {
            let set = parse_actors(text, "t");
            assert!(set.warnings.is_empty(), "{text:?}: {:?}", set.warnings);
            let got: Vec<(Phrase, Vec<DatedCode>)> =
                originals(&set).iter().map(|a| (a.phrase.clone(), a.codes.clone())).collect();
            let want: Vec<(Phrase, Vec<DatedCode>)> =
                want.into_iter().map(|(p, c)| (phrase_words(p), c)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn nouns_and_adjectives() {
        let text = "<NOUN>\nA_CABINET_MEETING   ;mdc\nAGREEMENT  \n</NOUN>\n<ADJECTIVE>\nPRIME\n</ADJECTIVE>\nISRAEL [ISR]\n";
        let set = parse_actors(text, "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        assert_eq!(set.nouns, vec![phrase_words("A_CABINET_MEETING"), phrase_words("AGREEMENT")]);
        assert_eq!(set.adjectives, vec![phrase_words("PRIME")]);
        assert_eq!(set.actors.len(), 1);
    }

    #[test]
    fn actor_defects_are_warnings() {
        let t = [
            ("X [991201-010114]\n", 1, 0, 1),
            ("FAUNA_&_FLORA_ [NGOENV]\n", 1, 1, 1),
            ("A\nB [X]\n", 2, 1, 1),
            ("A [X]\nA [Y]\n", 2, 1, 1),
            ("X [A <1201]\n", 1, 0, 1),
        ];
        for (text, n_actors, n_codes, n_warn) in t {
            let set = parse_actors(text, "t");
            assert_eq!(originals(&set).len(), n_actors, "{text:?}");
            assert_eq!(set.actors[0].codes.len(), n_codes, "{text:?}");
            assert_eq!(set.warnings.len(), n_warn, "{text:?}: {:?}", set.warnings);
        }
    }

    #[test]
    fn agents() {
        let text = "PARLIAMENTARY_OPPOSITION_  [ ~OPP] ;jap\nHUMAN_RIGHTS_BODY_   [  NGO~] ;BNL\nLAWMAN {LAWMEN} [~COP]\n";
        let set = parse_agents(text, "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        let got: Vec<(String, String, bool)> = set
            .agents
            .iter()
            .map(|a| (common::show(&a.phrase), a.code.clone(), a.suffix))
            .collect();
        let s = |p: &str, c: &str, suf| (p.to_string(), c.to_string(), suf);
        assert_eq!(
            got,
            vec![
                s("PARLIAMENTARY_OPPOSITION_", "OPP", true),
                s("PARLIAMENTARY_OPPOSITIONS_", "OPP", true),
                s("HUMAN_RIGHTS_BODY_", "NGO", false),
                s("HUMAN_RIGHTS_BODYS_", "NGO", false),
                s("HUMAN_RIGHTS_BODIES_", "NGO", false),
                s("LAWMAN", "COP", true),
                s("LAWMEN", "COP", true),
            ]
        );
        let bad = parse_agents("NOCODE\nX [GOV]\n", "t");
        assert!(bad.agents.is_empty());
        assert_eq!(bad.warnings.len(), 2);
    }

    /// Every parser survives arbitrary input built from the formats' special characters.
    #[test]
    fn parsers_never_panic_on_garbage() {
        const PIECES: &[&str] = &[
            "[",
            "]",
            "{",
            "}",
            "|",
            "_",
            "~",
            "*",
            "&",
            "+",
            "-",
            "$",
            "%",
            "^",
            "#",
            ";",
            "<",
            ">",
            "!",
            "=",
            ":",
            "\"",
            "/",
            "<!--",
            "-->",
            "---",
            " ",
            "\t",
            "\n",
            "\r",
            "é",
            "ß",
            "0",
            "20",
            "991231",
            "19990231",
            "ABC",
            "x",
            "<NOUN>",
            "</NOUN>",
            "<TIME>",
            "<SYNSETS>",
            "~FINISH",
            "!P!",
            "N:",
            "V:",
            "- *",
            "[---]",
            "[A 1-2]",
            "[~GOV]",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(next() % 60) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let _ = petrarch::parse_verbs(&text, "g");
            let _ = petrarch::parse_actors(&text, "g");
            let _ = petrarch::parse_agents(&text, "g");
            let _ = petrarch::parse_discards(&text, "g");
            let _ = petrarch::parse_issues(&text, "g");
            let _ = parse_verbs(&text, "g");
            let _ = parse_actors(&text, "g");
            let _ = parse_agents(&text, "g");
            let _ = parse_issues(&text, "g");
            let _ = parse_options(&text, "g");
            let _ = parse_project(&text, Path::new("/"));
        }
    }

    #[test]
    fn project_files() {
        let text = "Demonstration file\n<actorsfile> \tTABARI.Demo.actors\n<actorfile> More.actors</actorfile> comment\n\
            <verbsfile> \tTABARI.Demo.verbs\n<optionsfile> TABARI.Demo.options\n<agentsfile>  Validate.agents\n\
            <textfile TYPE=\"XML\"> \t\tTABARI.Demo.text\n<eventfile> \tTABARI.Demo\n<coder> DEMO\n\
            <session 1> <coder pas> <last 0>\n";
        let dir = Path::new("/d");
        let p = parse_project(text, dir);
        assert_eq!(p.actors, vec![dir.join("TABARI.Demo.actors"), dir.join("More.actors")]);
        assert_eq!(p.verbs, vec![dir.join("TABARI.Demo.verbs")]);
        assert_eq!(p.agents, vec![dir.join("Validate.agents")]);
        assert_eq!(p.options, Some(dir.join("TABARI.Demo.options")));
        assert_eq!(p.text, vec![dir.join("TABARI.Demo.text")]);
        assert_eq!(
            p.other,
            vec![
                ("eventfile".to_string(), "TABARI.Demo".to_string()),
                ("coder".to_string(), "DEMO".to_string())
            ]
        );
    }

    #[test]
    fn options_files() {
        let text = "// OPTIONS FILE\nCOMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN\nSET: SKIP RECORDS = FALSE\n\
            OUTPUT: ACTOR MATCH ID\n//SET: FBIS = TRUE\nLABEL: 010=YIELD\nLABEL: ISR=Israel\n\
            DEFA: SOURCE: [USA] PRIOR\nDELETE: FOO\nCOMPLEX: BOGUS\n~~~~~\nSET: AFTER = END\n";
        let (o, warnings) = parse_options(text, "t");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(
            o.complex,
            Complex {
                verbs: Some(5),
                conj: Some(4),
                noactprior: true,
                explain: true,
                ..Complex::default()
            }
        );
        assert_eq!(o.get("skip records"), Some("FALSE"));
        assert_eq!(o.get("AFTER"), None);
        assert_eq!(
            o.labels,
            vec![
                ("010".to_string(), "YIELD".to_string()),
                ("ISR".to_string(), "Israel".to_string())
            ]
        );
        let kw: Vec<&str> = o.commands.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kw, ["OUTPUT", "DEFA", "DELETE"]);
        assert_eq!(o.commands[1].1, "SOURCE: [USA] PRIOR");
    }
}
