//! PETRARCH-1 dictionary formats: verbs (with synsets), actors, agents, discards, issues.
//!
//! Conventions common to these files (as read by PETRARCH's `read_FIN_line`):
//! `#` starts a comment anywhere on a line (but not inside `[...]`, so `[###]` survives),
//! `<!-- ... -->` comments may span lines, `;` also starts a comment (old KEDS/TABARI habit),
//! blank lines are ignored. Phrases follow the shared `_` / space convention of
//! [`phrase_words`](super::phrase_words).
//!
//! Nothing here panics on bad input: every problem becomes a [`Warning`](super::Warning) with
//! file and line, and the offending line (or code) is skipped.

use std::borrow::Cow;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use super::common::{self, brackets, event_code, lines, Ctx, DupCheck};
use super::{
    phrase_gaps, phrase_words, AgentEntry, CodeSpec, DictError, DictKind, DictSet, DiscardEntry, IssueEntry,
    PatElem, PatItem, Phrase, Synset, VerbBlock, VerbWord, Word,
};

/// Strips PETRARCH comments from successive lines.
struct Cleaner {
    xml_open: bool,
}

impl Cleaner {
    fn new() -> Cleaner {
        Cleaner { xml_open: false }
    }

    fn clean<'a>(&mut self, raw: &'a str) -> Cow<'a, str> {
        let s = common::strip_xml_comments(raw, &mut self.xml_open);
        match s {
            Cow::Borrowed(b) => Cow::Borrowed(common::cut_comment(b, &['#', ';'])),
            Cow::Owned(o) => Cow::Owned(common::cut_comment(&o, &['#', ';']).to_string()),
        }
    }
}

/// Reads a PETRARCH-1 dictionary file of the given kind. Invalid UTF-8 is read as Latin-1
/// (with one warning); a missing file is a [`DictErrorKind::MissingFile`](super::DictErrorKind)
/// error.
pub fn load(path: &Path, kind: DictKind) -> Result<DictSet, DictError> {
    let (text, warning) = common::read_text(path)?;
    let name = path.display().to_string();
    let mut set = match kind {
        DictKind::Actors => parse_actors(&text, &name),
        DictKind::Agents => parse_agents(&text, &name),
        DictKind::Verbs => parse_verbs(&text, &name),
        DictKind::Discards => parse_discards(&text, &name),
        DictKind::Issues => parse_issues(&text, &name),
    };
    if let Some(w) = warning {
        set.warnings.insert(0, w);
    }
    Ok(set)
}

// ---------------------------------------------------------------------------------------------
// Verbs

/// Parses a PETRARCH-1 verb dictionary: `&SYNSET` blocks with `+member` lines,
/// `--- NAME [CODE] ---` block headers, verb lines (`SAY {SAYS SAID SAYING}`, `EXPRESS [0110]`,
/// `+CLEAR_UP`, `WIRE_+TAP {WIRE_+TAPPED}`) and patterns (`- $ * + [032:033]`).
///
/// Synset names are stored without `&` and without a trailing `_`; a trailing `_` on the name
/// ("no plurals") makes the last word of every member exact. Verbs get `exact = true`, and
/// `inflect = true` unless irregular forms are listed (PETRARCH then uses only those forms).
pub fn parse_verbs(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut cleaner = Cleaner::new();
    let mut block: Option<VerbBlock> = None;
    let mut synset: Option<(Synset, bool)> = None;
    let mut synset_names = DupCheck::default();
    let mut verb_dups = DupCheck::default();

    for (n, raw) in lines(text) {
        let line = cleaner.clean(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((syn, noplural)) = synset.as_mut() {
            if let Some(member) = t.strip_prefix('+') {
                match common::pattern_items(member) {
                    Ok(mut items) if !items.is_empty() => {
                        // Whole words; the regular plural of the last word unless the
                        // synset's name ends in `_`.
                        exact_words(&mut items);
                        let plural = match items.last() {
                            Some(PatItem { elem: PatElem::Word(w), .. }) if !*noplural => {
                                let mut p = items.clone();
                                if let Some(PatItem { elem: PatElem::Word(pw), .. }) = p.last_mut() {
                                    pw.text = common::regular_plural(&w.text);
                                }
                                Some(p)
                            }
                            _ => None,
                        };
                        syn.members.push(items);
                        syn.members.extend(plural);
                    }
                    Ok(_) => ctx.warn(n, "empty synset member; skipped"),
                    Err(e) => ctx.warn(n, format!("synset member '{member}': {e}; skipped")),
                }
                continue;
            }
            close_synset(&mut ctx, &mut set, synset.take());
        }
        if let Some(rest) = t.strip_prefix('&') {
            let name = rest.split_whitespace().next().unwrap_or("");
            let (name, noplural) = match name.strip_suffix('_') {
                Some(s) => (s, true),
                None => (name, false),
            };
            if name.is_empty() {
                ctx.warn(n, "synset without a name; skipped");
                continue;
            }
            let name = name.to_uppercase();
            if let Some(first) = synset_names.check(name.clone(), n) {
                ctx.warn(n, format!("synset &{name} defined again (first at line {first})"));
            }
            synset = Some((Synset { name, members: Vec::new(), loc: ctx.loc(n) }, noplural));
        } else if t.starts_with("---") {
            if let Some(b) = block.take() {
                set.verbs.push(b);
            }
            block = Some(block_header(&mut ctx, n, t));
        } else if let Some(body) = t.strip_prefix('-') {
            let Some(b) = block.as_mut() else {
                ctx.warn(n, "pattern before any '--- NAME [CODE] ---' block; skipped");
                continue;
            };
            if let Some(mut p) = pattern_line(&mut ctx, n, body) {
                // PETRARCH matches pattern words whole.
                exact_words(&mut p.before);
                exact_words(&mut p.after);
                b.patterns.push(p);
            }
        } else {
            let Some(b) = block.as_mut() else {
                ctx.warn(n, format!("verb '{t}' before any '--- NAME [CODE] ---' block; skipped"));
                continue;
            };
            if let Some(v) = verb_line(&mut ctx, n, t) {
                let key = verb_key(&v.words, v.head);
                if let Some(first) = verb_dups.check(key.clone(), n) {
                    ctx.warn(n, format!("verb {key} already listed at line {first}"));
                }
                b.verbs.push(v);
            }
        }
    }
    close_synset(&mut ctx, &mut set, synset.take());
    if let Some(b) = block.take() {
        set.verbs.push(b);
    }
    if cleaner.xml_open {
        ctx.warn(lines(text).count() as u32, "'<!--' comment not closed at end of file");
    }
    check_synset_refs(&mut ctx, &set);
    set.warnings = ctx.warnings;
    set
}

fn close_synset(ctx: &mut Ctx, set: &mut DictSet, s: Option<(Synset, bool)>) {
    if let Some((s, _)) = s {
        if s.members.is_empty() {
            ctx.warn(s.loc.line, format!("synset &{} has no members", s.name));
        }
        set.synsets.push(s);
    }
}

fn exact_words(items: &mut [PatItem]) {
    for it in items {
        match &mut it.elem {
            PatElem::Word(w) => w.exact = true,
            PatElem::Alt(alts) => alts.iter_mut().for_each(|a| exact_words(a)),
            _ => {}
        }
    }
}


/// `--- NAME [CODE] ---` (also `--- NAME [CODE]---`, no code → null code).
fn block_header(ctx: &mut Ctx, n: u32, t: &str) -> VerbBlock {
    let inner = t.trim_start_matches('-').trim_end_matches('-');
    let b = brackets(inner);
    let name = b.head.trim().to_string();
    if name.is_empty() {
        ctx.warn(n, "verb block header without a name");
    }
    let code = match b.groups.first() {
        None => CodeSpec::Null,
        Some(g) => event_code(g).unwrap_or_else(|| {
            ctx.warn(n, format!("bad block code [{g}]; using the null code"));
            CodeSpec::Null
        }),
    };
    if !b.stray.is_empty() || b.unclosed {
        ctx.warn(n, format!("malformed block header '{t}'"));
    }
    VerbBlock { name, code, verbs: Vec::new(), patterns: Vec::new(), loc: ctx.loc(n) }
}

/// A pattern line without its leading `-`: `before * after [CODE]`.
pub(super) fn pattern_line(ctx: &mut Ctx, n: u32, body: &str) -> Option<super::Pattern> {
    let b = brackets(body);
    let Some(g) = b.groups.first() else {
        ctx.warn(n, format!("pattern '-{}' has no [code]; skipped", body.trim()));
        return None;
    };
    let Some(code) = event_code(g) else {
        ctx.warn(n, format!("bad pattern code [{g}]; skipped"));
        return None;
    };
    if b.groups.len() > 1 || !b.stray.is_empty() {
        ctx.warn(n, "text after the pattern code ignored");
    }
    match common::pattern(b.head, code, ctx.loc(n)) {
        Ok((p, glued)) => {
            if glued {
                ctx.warn(
                    n,
                    format!(
                        "'*' not separated from the next word in '-{}'; read as if it were",
                        b.head.trim_end()
                    ),
                );
            }
            Some(p)
        }
        Err(e) => {
            ctx.warn(n, format!("pattern '-{}': {e}; skipped", b.head.trim_end()));
            None
        }
    }
}

/// Splits `WIRE_+TAP` / `+CLEAR_UP` / `SAY` into upper-case words and the head index.
fn multiword(ctx: &mut Ctx, n: u32, s: &str) -> Option<(Vec<String>, usize)> {
    let mut words = Vec::new();
    let mut head = None;
    for part in s.split('_').filter(|p| !p.is_empty()) {
        let w = match part.strip_prefix('+') {
            Some(w) => {
                if head.is_some() {
                    ctx.warn(n, format!("verb '{s}' marks more than one word with '+'"));
                } else {
                    head = Some(words.len());
                }
                w
            }
            None => part,
        };
        let w = w.trim_end_matches('+');
        if w.is_empty() {
            continue;
        }
        words.push(w.to_uppercase());
    }
    if words.is_empty() {
        ctx.warn(n, format!("empty verb form '{s}'"));
        return None;
    }
    if head.is_none() && words.len() > 1 {
        ctx.warn(
            n,
            format!("multi-word verb '{s}' has no '+' marking the verb; using the first word"),
        );
    }
    let head = head.unwrap_or(0).min(words.len() - 1);
    Some((words, head))
}

/// `VERB {FORMS} [CODE]` (the code may also come before the forms).
fn verb_line(ctx: &mut Ctx, n: u32, t: &str) -> Option<VerbWord> {
    let b = brackets(t);
    let code = match b.groups.first() {
        None => None,
        Some(g) => match event_code(g) {
            Some(c) => Some(c),
            None => {
                ctx.warn(n, format!("bad verb code [{g}]; using the block code"));
                None
            }
        },
    };
    if b.groups.len() > 1 || b.unclosed {
        ctx.warn(n, "malformed code brackets on verb line");
    }
    let body = if b.stray.is_empty() {
        Cow::Borrowed(b.head)
    } else {
        Cow::Owned(format!("{} {}", b.head, b.stray))
    };
    let (main, forms_text) = split_braces(ctx, n, &body);
    let mut main_words = main.split_whitespace();
    let Some(first) = main_words.next() else {
        ctx.warn(n, "verb line without a verb; skipped");
        return None;
    };
    if main_words.next().is_some() {
        ctx.warn(n, format!("verb '{}' contains blanks; only '{first}' is used", main.trim()));
    }
    let (words, head) = multiword(ctx, n, first)?;
    let mut forms = Vec::new();
    if let Some(ft) = forms_text {
        for f in ft.split_whitespace() {
            if let Some(form) = multiword(ctx, n, f) {
                forms.push(form);
            }
        }
    }
    let joined = joined_all(words.len());
    Some(VerbWord {
        inflect: forms.is_empty(),
        words,
        head,
        joined,
        forms,
        code,
        exact: true,
        exact_words: Vec::new(),
        loc: ctx.loc(n),
    })
}

fn joined_all(n: usize) -> Vec<bool> {
    let mut v = vec![true; n];
    if let Some(l) = v.last_mut() {
        *l = false;
    }
    v
}

fn verb_key(words: &[String], head: usize) -> String {
    let mut k = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            k.push('_');
        }
        if i == head && words.len() > 1 {
            k.push('+');
        }
        k.push_str(w);
    }
    k
}

/// Warns about `&NAME` references (in patterns and synset members) to synsets not defined in
/// this file.
pub(super) fn check_synset_refs(ctx: &mut Ctx, set: &DictSet) {
    let defined: FxHashSet<&str> = set.synsets.iter().map(|s| s.name.as_str()).collect();
    let mut missing: FxHashMap<String, u32> = FxHashMap::default();
    fn walk(
        items: &[PatItem],
        line: u32,
        defined: &FxHashSet<&str>,
        missing: &mut FxHashMap<String, u32>,
    ) {
        for i in items {
            match &i.elem {
                PatElem::Synset(s) if !defined.contains(s.as_str()) => {
                    missing.entry(s.clone()).or_insert(line);
                }
                PatElem::Alt(alts) => {
                    for a in alts {
                        walk(a, line, defined, missing);
                    }
                }
                _ => {}
            }
        }
    }
    for s in &set.synsets {
        for m in &s.members {
            walk(m, s.loc.line, &defined, &mut missing);
        }
    }
    for b in &set.verbs {
        for p in &b.patterns {
            walk(&p.before, p.loc.line, &defined, &mut missing);
            walk(&p.after, p.loc.line, &defined, &mut missing);
        }
    }
    let mut missing: Vec<_> = missing.into_iter().collect();
    missing.sort_by_key(|(_, l)| *l);
    for (name, line) in missing {
        ctx.warn(line, format!("synset &{name} is used but not defined in this file"));
    }
}

// ---------------------------------------------------------------------------------------------
// Actors

/// Parses a PETRARCH-1 actor dictionary. An entry is a primary phrase (optionally with inline
/// codes), `+` synonym lines, and indented code lines such as `[IRNGOV 20130803-20210803]`,
/// `[IRNGOV >20130804]`, `[IRNGOV <19950101]` or `[IRNGOV]`; every phrase of the entry gets all
/// of its codes. As in PETRARCH, consecutive primary phrases without codes share the codes of
/// the next entry that has some. `---STOP---` ends the file.
pub fn parse_actors(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut cleaner = Cleaner::new();
    let mut blocks = common::ActorBlocks::default();
    blocks.exact_words = true;
    for (n, raw) in lines(text) {
        let line = cleaner.clean(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.contains("---STOP---") {
            break;
        }
        if t.starts_with('[') {
            blocks.code_line(&mut ctx, n, t);
        } else if let Some(rest) = t.strip_prefix('+') {
            blocks.synonym(&mut ctx, n, rest);
        } else {
            blocks.primary(&mut ctx, &mut set.actors, n, t);
        }
    }
    blocks.flush(&mut ctx, &mut set.actors);
    set.warnings = ctx.warnings;
    set
}

// ---------------------------------------------------------------------------------------------
// Agents

/// Parses a PETRARCH-1 agent dictionary: `!MACRO! = A, B, C` definitions and entries
/// `PHRASE {PLURALS} [~ROLE]` / `[ROLE~]`. Without `{}` the regular plural of the last word is
/// added; `{}` means no plural; listed forms replace the regular plural (as PETRARCH does).
/// A phrase containing `!MACRO!` yields one entry per macro value (no plurals).
pub fn parse_agents(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut cleaner = Cleaner::new();
    let mut macros: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut dups = DupCheck::default();
    for (n, raw) in lines(text) {
        let line = cleaner.clean(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.contains('!') && t.contains('=') && !t.contains('[') {
            define_macro(&mut ctx, n, t, &mut macros);
            continue;
        }
        let b = brackets(t);
        let Some(g) = b.groups.first() else {
            ctx.warn(n, format!("agent '{t}' has no [code]; skipped"));
            continue;
        };
        let Some((code, suffix)) = agent_code(&mut ctx, n, g) else { continue };
        if b.groups.len() > 1 || !b.stray.is_empty() {
            ctx.warn(n, "text after the agent code ignored");
        }
        let head = common::clean_phrase(&mut ctx, n, b.head, "agent");
        let (main, forms) = split_braces(&mut ctx, n, &head);
        let mut phrases: Vec<(Phrase, Vec<bool>)> = Vec::new();
        if main.contains('!') {
            let mut texts = Vec::new();
            expand_macros(&mut ctx, n, main, &macros, 0, &mut texts);
            if let Some(f) = forms {
                for form in f.split_whitespace() {
                    expand_macros(&mut ctx, n, form, &macros, 0, &mut texts);
                }
            }
            phrases.extend(texts.iter().map(|s| (phrase_words(s), phrase_gaps(s))));
        } else {
            let p = phrase_words(main);
            if p.is_empty() {
                ctx.warn(n, "agent line without a phrase; skipped");
                continue;
            }
            let gaps = phrase_gaps(main);
            let listed: Vec<(Phrase, Vec<bool>)> = match forms {
                Some(f) => f
                    .split_whitespace()
                    .map(|s| (phrase_words(s), phrase_gaps(s)))
                    .filter(|p| !p.0.is_empty())
                    .collect(),
                None => Vec::new(),
            };
            // As PETRARCH: listed forms replace the regular plural; `{}` means none.
            let plural = if forms.is_some() { None } else { Some((plural_phrase(&p), gaps.clone())) };
            phrases.push((p, gaps));
            phrases.extend(listed);
            phrases.extend(plural);
        }
        let mut seen_here: Vec<String> = Vec::new();
        for (mut phrase, gaps) in phrases.into_iter().filter(|p| !p.0.is_empty()) {
            // PETRARCH matches whole words: no stems.
            phrase.iter_mut().for_each(|w| w.exact = true);
            let key = common::phrase_key(&phrase);
            if seen_here.contains(&key) {
                continue;
            }
            seen_here.push(key.clone());
            if let Some(first) = dups.check(key, n) {
                ctx.warn(
                    n,
                    format!(
                        "duplicate agent phrase '{}' (first at line {first})",
                        common::show(&phrase)
                    ),
                );
            }
            set.agents.push(AgentEntry { phrase, gaps, code: code.clone(), suffix, loc: ctx.loc(n) });
        }
    }
    set.warnings = ctx.warnings;
    set
}

/// `~GOV` → (`GOV`, suffix); `NGO~` → (`NGO`, prefix).
pub(super) fn agent_code(ctx: &mut Ctx, n: u32, g: &str) -> Option<(String, bool)> {
    let g = g.trim();
    let (code, suffix) = if let Some(c) = g.strip_prefix('~') {
        (c.trim(), true)
    } else if let Some(c) = g.strip_suffix('~') {
        (c.trim(), false)
    } else {
        ctx.warn(n, format!("agent code [{g}] has no '~' connector; skipped"));
        return None;
    };
    if code.is_empty() || code.contains(|c: char| c.is_whitespace() || c == '~') {
        ctx.warn(n, format!("malformed agent code [{g}]; skipped"));
        return None;
    }
    Some((code.to_uppercase(), suffix))
}

/// Splits `PHRASE {FORMS}` into the phrase and the text inside the braces.
pub(super) fn split_braces<'a>(ctx: &mut Ctx, n: u32, s: &'a str) -> (&'a str, Option<&'a str>) {
    let Some(i) = s.find('{') else { return (s, None) };
    let rest = &s[i + 1..];
    match rest.find('}') {
        Some(j) => {
            let after = rest[j + 1..].trim_matches(|c: char| c.is_whitespace() || c == '_');
            if !after.is_empty() {
                ctx.warn(n, format!("text after '}}' ignored: '{after}'"));
            }
            (&s[..i], Some(&rest[..j]))
        }
        None => {
            ctx.warn(n, "'{' without '}'");
            (&s[..i], Some(rest))
        }
    }
}

/// The phrase with its last word replaced by its regular plural.
pub(crate) fn plural_phrase(p: &[Word]) -> Phrase {
    let mut out = p.to_vec();
    if let Some(last) = out.last_mut() {
        last.text = common::regular_plural(&last.text);
    }
    out
}

fn define_macro(ctx: &mut Ctx, n: u32, t: &str, macros: &mut FxHashMap<String, Vec<String>>) {
    let Some(a) = t.find('!') else { return };
    let Some(len) = t[a + 1..].find('!') else {
        ctx.warn(n, format!("substitution marker incorrectly defined: '{t}'"));
        return;
    };
    let name = &t[a + 1..a + 1 + len];
    let Some(eq) = t[a + 1 + len..].find('=') else {
        ctx.warn(n, format!("substitution marker incorrectly defined: '{t}'"));
        return;
    };
    let values: Vec<String> = t[a + 2 + len + eq..]
        .split(',')
        .map(|v| v.trim_matches(|c: char| c.is_whitespace() || c == '_').to_string())
        .filter(|v| !v.is_empty())
        .collect();
    if name.is_empty() || values.is_empty() {
        ctx.warn(n, format!("substitution marker incorrectly defined: '{t}'"));
        return;
    }
    if macros.insert(name.to_uppercase(), values).is_some() {
        ctx.warn(n, format!("substitution marker !{name}! redefined"));
    }
}

fn expand_macros(
    ctx: &mut Ctx,
    n: u32,
    s: &str,
    macros: &FxHashMap<String, Vec<String>>,
    depth: usize,
    out: &mut Vec<String>,
) {
    let Some(a) = s.find('!') else {
        out.push(s.to_string());
        return;
    };
    let Some(len) = s[a + 1..].find('!') else {
        ctx.warn(n, format!("substitution marker in '{}' is not closed; skipped", s.trim()));
        return;
    };
    let name = s[a + 1..a + 1 + len].to_uppercase();
    let Some(values) = macros.get(&name) else {
        ctx.warn(n, format!("substitution marker !{name}! is not defined; skipped"));
        return;
    };
    if depth > 8 {
        ctx.warn(n, "substitution markers nested too deeply; skipped");
        return;
    }
    for v in values {
        let expanded = format!("{}{}{}", &s[..a], v, &s[a + 2 + len..]);
        expand_macros(ctx, n, &expanded, macros, depth + 1, out);
    }
}

// ---------------------------------------------------------------------------------------------
// Discards

/// Parses a PETRARCH-1 discard list: one phrase per line; `+PHRASE` discards the whole story,
/// a plain phrase only the sentence. Entries get the discard code `###`.
pub fn parse_discards(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut cleaner = Cleaner::new();
    let mut dups = DupCheck::default();
    for (n, raw) in lines(text) {
        let line = cleaner.clean(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let (story, body) = match t.strip_prefix('+') {
            Some(b) => (true, b),
            None => (false, t),
        };
        let b = brackets(body);
        if !b.groups.is_empty() || b.unclosed {
            ctx.warn(n, "code brackets in a discard line ignored");
        }
        let phrase = phrase_words(b.head);
        if phrase.is_empty() {
            ctx.warn(n, "discard line without a phrase; skipped");
            continue;
        }
        if let Some(first) = dups.check(common::phrase_key(&phrase), n) {
            ctx.warn(
                n,
                format!(
                    "duplicate discard phrase '{}' (first at line {first})",
                    common::show(&phrase)
                ),
            );
        }
        set.discards.push(DiscardEntry { phrase, story, code: "###".into(), loc: ctx.loc(n) });
    }
    set.warnings = ctx.warnings;
    set
}

// ---------------------------------------------------------------------------------------------
// Issues

/// Parses a PETRARCH-1 issue file: `<ISSUE CATEGORY="..." ...>` sections of
/// `phrase [CODE]` lines. Expansions as in PETRARCH: `n:word` adds the plural, `v:word` the
/// regular verb forms, `a+b` both `A B` and `A-B`. `~phrase` / `~~phrase` are exclusion
/// phrases (sentence / story), stored with the codes `~` and `~~`. Issue words match whole
/// tokens (`exact = true`).
pub fn parse_issues(text: &str, file: &str) -> DictSet {
    let mut ctx = Ctx::new(file);
    let mut set = DictSet::default();
    let mut cleaner = Cleaner::new();
    for (n, raw) in lines(text) {
        let line = cleaner.clean(raw);
        let t = line.trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        let (target, code) = if let Some(r) = t.strip_prefix("~~") {
            (r.trim(), "~~".to_string())
        } else if let Some(r) = t.strip_prefix('~') {
            (r.trim(), "~".to_string())
        } else {
            let b = brackets(t);
            let Some(g) = b.groups.first() else {
                ctx.warn(n, format!("issue phrase '{t}' has no [code]; skipped"));
                continue;
            };
            let g = g.trim();
            if g.is_empty() || g.contains(char::is_whitespace) {
                ctx.warn(n, format!("bad issue code [{g}]; skipped"));
                continue;
            }
            if b.groups.len() > 1 || !b.stray.is_empty() {
                ctx.warn(n, "text after the issue code ignored");
            }
            (b.head.trim(), g.to_uppercase())
        };
        if target.is_empty() {
            ctx.warn(n, "issue line without a phrase; skipped");
            continue;
        }
        for form in issue_forms(&target.to_uppercase()) {
            let phrase: Phrase = form
                .split_whitespace()
                .map(|w| Word { text: w.to_string(), exact: true })
                .collect();
            if !phrase.is_empty() {
                set.issues.push(IssueEntry { phrase, code: code.clone(), loc: ctx.loc(n) });
            }
        }
    }
    set.warnings = ctx.warnings;
    set
}

/// Expands `+`, `N:` and `V:` markers (upper-case input) as PETRARCH's `read_issue_list`.
fn issue_forms(target: &str) -> Vec<String> {
    let mut forms = vec![target.to_string()];
    let mut i = 0;
    // Each pass removes one marker from forms[i] (adding variants after it), so this ends.
    while i < forms.len() {
        let f = forms[i].clone();
        if let Some(p) = f.find('+') {
            forms[i] = format!("{} {}", &f[..p], &f[p + 1..]);
            forms.insert(i + 1, format!("{}-{}", &f[..p], &f[p + 1..]));
            continue;
        }
        if let Some(p) = f.find("N:") {
            let (pre, rest) = (&f[..p], &f[p + 2..]);
            let (word, tail) = rest.split_once(' ').map_or((rest, ""), |(w, t)| (w, t));
            let plural = match word.strip_suffix('Y') {
                Some(stem) => format!("{stem}IES"),
                None => format!("{word}S"),
            };
            forms[i] = format!("{pre}{word} {tail}");
            forms.insert(i + 1, format!("{pre}{plural} {tail}"));
            continue;
        }
        if let Some(p) = f.find("V:") {
            let (pre, rest) = (&f[..p], &f[p + 2..]);
            let (root, tail) = rest.split_once(' ').map_or((rest, ""), |(w, t)| (w, t));
            let (past, ing) = match root.strip_suffix('E') {
                Some(stem) => (format!("{root}D"), format!("{stem}ING")),
                None => (format!("{root}ED"), format!("{root}ING")),
            };
            forms[i] = format!("{pre}{root} {tail}");
            let variants = [format!("{root}S"), past, ing];
            for (k, v) in variants.iter().enumerate() {
                forms.insert(i + 1 + k, format!("{pre}{v} {tail}"));
            }
            continue;
        }
        i += 1;
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::dict::{DatedCode, PatElem, Pattern};

    type PatRow = (&'static str, Vec<PatItem>, bool, Vec<PatItem>, bool, CodeSpec);
    type ActorRow = (&'static str, Vec<(&'static str, Vec<DatedCode>)>);
    type AgentRow = (&'static str, Vec<(String, String, bool)>);

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
    fn block_headers() {
        let t = [
            ("--- GRANT [070] ---", "GRANT", one("070")),
            ("--- DELAY [120]---", "DELAY", one("120")),
            ("---  ACCELERATE   [---]  ---", "ACCELERATE", CodeSpec::Null),
            ("--- LINK  [060] --- ", "LINK", one("060")),
            ("--- NOCODE ---", "NOCODE", CodeSpec::Null),
            ("--- MEET [031:032] ---", "MEET", CodeSpec::Pair("031".into(), "032".into())),
        ];
        for (line, name, code) in t {
            let set = parse_verbs(&format!("{line}\nVERB\n"), "t");
            assert_eq!(set.verbs.len(), 1, "{line}");
            assert_eq!(set.verbs[0].name, name, "{line}");
            assert_eq!(set.verbs[0].code, code, "{line}");
            assert!(set.warnings.is_empty(), "{line}: {:?}", set.warnings);
        }
    }

    #[test]
    fn verb_lines() {
        // (line, words, head, forms, code, inflect)
        type Row = (
            &'static str,
            Vec<&'static str>,
            usize,
            Vec<(Vec<&'static str>, usize)>,
            Option<CodeSpec>,
            bool,
        );
        let t: Vec<Row> = vec![
            (
                "SAY  {SAYS SAID SAYING}",
                vec!["SAY"],
                0,
                vec![(vec!["SAYS"], 0), (vec!["SAID"], 0), (vec!["SAYING"], 0)],
                None,
                false,
            ),
            ("EXPRESS [0110] ", vec!["EXPRESS"], 0, vec![], Some(one("0110")), true),
            (
                "CLARIFY {CLARIFIES CLARIFIED } [040]",
                vec!["CLARIFY"],
                0,
                vec![(vec!["CLARIFIES"], 0), (vec!["CLARIFIED"], 0)],
                Some(one("040")),
                false,
            ),
            ("+CLEAR_UP", vec!["CLEAR", "UP"], 0, vec![], None, true),
            (
                "WIRE_+TAP {WIRE_+TAPPED}",
                vec!["WIRE", "TAP"],
                1,
                vec![(vec!["WIRE", "TAPPED"], 1)],
                None,
                false,
            ),
            (
                "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}",
                vec!["CORDON", "OFF"],
                0,
                vec![(vec!["CORDONED", "OFF"], 0), (vec!["CORDONS", "OFF"], 0)],
                None,
                false,
            ),
            (
                "tell {tells told} # oy",
                vec!["TELL"],
                0,
                vec![(vec!["TELLS"], 0), (vec!["TOLD"], 0)],
                None,
                false,
            ),
        ];
        for (line, words, head, forms, code, inflect) in t {
            let set = parse_verbs(&format!("--- B [010] ---\n{line}\n"), "t");
            assert!(set.warnings.is_empty(), "{line}: {:?}", set.warnings);
            let v = &set.verbs[0].verbs[0];
            assert_eq!(v.words, words, "{line}");
            assert_eq!(v.head, head, "{line}");
            let f: Vec<(Vec<String>, usize)> = forms
                .into_iter()
                .map(|(w, h)| (w.into_iter().map(String::from).collect(), h))
                .collect();
            assert_eq!(v.forms, f, "{line}");
            assert_eq!(v.code, code, "{line}");
            assert_eq!(v.inflect, inflect, "{line}");
            assert!(v.exact);
            assert_eq!(v.joined.len(), v.words.len());
            assert_eq!(v.joined.last(), Some(&false));
        }
    }

    #[test]
    fn patterns() {
        let syn = |s: &str| PatElem::Synset(s.into());
        // (pattern, before, before_joined, after, after_joined, code)
        let t: Vec<PatRow> = vec![
            (
                "- * RESUME FLIGHTS TO + [031]",
                vec![],
                false,
                vec![
                    word("RESUME", false, false),
                    word("FLIGHTS", false, false),
                    word("TO", false, false),
                    el(PatElem::Target, false),
                ],
                false,
                one("031"),
            ),
            (
                "- $ * + [032:033] # c",
                vec![el(PatElem::Source, false)],
                false,
                vec![el(PatElem::Target, false)],
                false,
                CodeSpec::Pair("032".into(), "033".into()),
            ),
            (
                "- % * WORK OUT &CEASEFIRE [0356]",
                vec![el(PatElem::Compound, false)],
                false,
                vec![
                    word("WORK", false, false),
                    word("OUT", false, false),
                    el(syn("CEASEFIRE"), false),
                ],
                false,
                one("0356"),
            ),
            (
                "- * ^_RECONSTRUCTION_AID TO + [0331]",
                vec![],
                false,
                vec![
                    el(PatElem::Skip, true),
                    word("RECONSTRUCTION", true, true),
                    word("AID", false, false),
                    word("TO", false, false),
                    el(PatElem::Target, false),
                ],
                false,
                one("0331"),
            ),
            ("- *_OUT [074]", vec![], false, vec![word("OUT", false, false)], true, one("074")),
            ("- IN_* [075]", vec![word("IN", true, true)], true, vec![], false, one("075")),
            ("- IN_ * [075A]", vec![word("IN", true, false)], false, vec![], false, one("075A")),
            (
                "- * GOVERNMENT_&INVESTIGATION [090]",
                vec![],
                false,
                vec![word("GOVERNMENT", true, true), el(syn("INVESTIGATION"), false)],
                false,
                one("090"),
            ),
            (
                "- SO IN_AND_*_OUT_AGAIN NOW [074]",
                vec![word("SO", false, false), word("IN", true, true), word("AND", true, true)],
                true,
                vec![
                    word("OUT", true, true),
                    word("AGAIN", false, false),
                    word("NOW", false, false),
                ],
                true,
                one("074"),
            ),
            (
                "- * DEBT_RELIEF [---]",
                vec![],
                false,
                vec![word("DEBT", true, true), word("RELIEF", false, false)],
                false,
                CodeSpec::Null,
            ),
        ];
        for (line, before, bj, after, aj, code) in t {
            let set = parse_verbs(
                &format!(
                    "&CEASEFIRE\n+TRUCE\n&INVESTIGATION\n+PROBE\n--- B [010] ---\nV\n{line}\n"
                ),
                "t",
            );
            assert!(set.warnings.is_empty(), "{line}: {:?}", set.warnings);
            let p = pats(&set)[0];
            // PETRARCH matches pattern words whole: every word comes out exact.
            let (mut before, mut after) = (before, after);
            exact_words(&mut before);
            exact_words(&mut after);
            assert_eq!(p.before, before, "{line}");
            assert_eq!(p.before_joined, bj, "{line}");
            assert_eq!(p.after, after, "{line}");
            assert_eq!(p.after_joined, aj, "{line}");
            assert_eq!(p.code, code, "{line}");
            assert_eq!(p.loc.line, 7);
        }
    }

    #[test]
    fn glued_verb_marker_is_read_with_a_warning() {
        let set = parse_verbs(
            "--- B [010] ---\nV\n- *ESTABLECER RELACIONES [051]\n- &AUX* X [052]\n&AUX\n+HA\n",
            "t",
        );
        let p = pats(&set);
        assert_eq!(p.len(), 2);
        assert_eq!(
            p[0].after,
            vec![word("ESTABLECER", true, false), word("RELACIONES", true, false)]
        );
        assert_eq!(p[1].before, vec![el(PatElem::Synset("AUX".into()), false)]);
        assert_eq!(set.warnings.len(), 2, "{:?}", set.warnings);
    }

    #[test]
    fn bad_patterns_warn_and_skip() {
        for line in ["- NO STAR [010]", "- * NO CODE", "- * X [01 2]", "- * * X [010]", "- * X []"]
        {
            let set = parse_verbs(&format!("--- B [010] ---\nV\n{line}\n"), "f.txt");
            assert!(pats(&set).is_empty(), "{line}");
            assert_eq!(set.warnings.len(), 1, "{line}: {:?}", set.warnings);
            assert_eq!(set.warnings[0].loc.to_string(), "f.txt:3");
        }
    }

    #[test]
    fn synsets() {
        let text = "&CURRENCY # money\n+DOLLAR\n+SWISS_FRANC\n+&OTHER\n\n&OTHER\n+YEN\n&MILITARY_\n+ARMY\n+ARMED_FORCES\n--- X [010] ---\nX\n- * &CURRENCY [011]\n";
        let set = parse_verbs(text, "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        let names: Vec<&str> = set.synsets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["CURRENCY", "OTHER", "MILITARY"]);
        let cur = &set.synsets[0];
        // Whole words, each member also with its regular plural.
        assert_eq!(
            cur.members,
            vec![
                vec![word("DOLLAR", true, false)],
                vec![word("DOLLARS", true, false)],
                vec![word("SWISS", true, true), word("FRANC", true, false)],
                vec![word("SWISS", true, true), word("FRANCS", true, false)],
                vec![el(PatElem::Synset("OTHER".into()), false)],
            ]
        );
        // `&MILITARY_`: no plurals.
        assert_eq!(
            set.synsets[2].members,
            vec![vec![word("ARMY", true, false)], vec![word("ARMED", true, true), word("FORCES", true, false)]]
        );
        assert_eq!(pats(&set).len(), 1);
    }

    #[test]
    fn undefined_synset_is_a_warning() {
        let set = parse_verbs("--- X [010] ---\nX\n- * &NOPE [011]\n", "t");
        assert_eq!(pats(&set).len(), 1);
        assert_eq!(set.warnings.len(), 1);
        assert!(set.warnings[0].message.contains("&NOPE"));
    }

    #[test]
    fn xml_comments_span_lines() {
        let text = "<!-- header -->\n<!-- start\n--- NOT A BLOCK [010] ---\nend -->\n--- B [020] ---\nV <!-- x --> \n";
        let set = parse_verbs(text, "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        assert_eq!(set.verbs.len(), 1);
        assert_eq!(set.verbs[0].name, "B");
        assert_eq!(set.verbs[0].verbs[0].words, ["V"]);
    }

    #[test]
    fn verbs_outside_blocks_and_duplicates_warn() {
        let set = parse_verbs("LOOSE\n- * X [010]\n--- A [010] ---\nV\n--- B [020] ---\nV\n", "t");
        assert_eq!(set.verbs.len(), 2);
        assert_eq!(set.warnings.len(), 3, "{:?}", set.warnings);
    }

    fn actors(text: &str) -> DictSet {
        parse_actors(text, "a.txt")
    }

    fn dc(code: &str, from: Option<Date>, to: Option<Date>) -> DatedCode {
        DatedCode { code: code.into(), from, to }
    }

    #[test]
    fn actor_entries() {
        let d = |y, m, dd| Some(Date::ymd(y, m, dd));
        // (text, [(phrase, codes)])
        let t: Vec<ActorRow> = vec![
            ("AFGHANISTAN_  [AFG]\n", vec![("AFGHANISTAN_", vec![DatedCode::plain("AFG")])]),
            ("PALESTINIAN [pse]\n", vec![("PALESTINIAN", vec![DatedCode::plain("PSE")])]),
            ("BOROMIR  [---]\n", vec![("BOROMIR", vec![DatedCode::plain("---")])]),
            ("MOHAMMAD_ZAHIR_SHAH_  # CountryInfo.txt\n\t[AFGELI 320101-331108]\n\t[AFGGOV 19331108-730717]\n",
                vec![("MOHAMMAD_ZAHIR_SHAH_", vec![dc("AFGELI", d(1932, 1, 1), d(1933, 11, 8)), dc("AFGGOV", d(1933, 11, 8), d(1973, 7, 17))])]),
            ("HAMID_KARZAI_\n+KARZAI_\n\t[AFGGOV >20011222]\n\t[AFGELI]\n", vec![
                ("HAMID_KARZAI_", vec![dc("AFGGOV", d(2001, 12, 22), None), DatedCode::plain("AFGELI")]),
                ("KARZAI_", vec![dc("AFGGOV", d(2001, 12, 22), None), DatedCode::plain("AFGELI")]),
            ]),
            ("GOLLUM ; pas\n+SMEAGOL\n  \t[HOB < 950601]\n", vec![
                ("GOLLUM", vec![dc("HOB", None, d(1995, 6, 1))]),
                ("SMEAGOL", vec![dc("HOB", None, d(1995, 6, 1))]),
            ]),
            // Code-less primaries share the codes of the next entry (PETRARCH's behaviour).
            ("THE_UN_\nU.N._\n\t[IGOUNO]\nX [Y]\n", vec![
                ("THE_UN_", vec![DatedCode::plain("IGOUNO")]),
                ("U.N._", vec![DatedCode::plain("IGOUNO")]),
                ("X", vec![DatedCode::plain("Y")]),
            ]),
            ("JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n",
                vec![("JAVIER_DE_CUELLAR_", vec![dc("IGOUNO", d(1982, 1, 1), d(1991, 12, 31)), DatedCode::plain("ELI")])]),
            ("A [X]\n---STOP---\nB [Y]\n", vec![("A", vec![DatedCode::plain("X")])]),
        ];
        for (text, want) in t {
            let set = actors(text);
            assert!(set.warnings.is_empty(), "{text:?}: {:?}", set.warnings);
            let got: Vec<(Phrase, Vec<DatedCode>)> =
                set.actors.iter().map(|a| (a.phrase.clone(), a.codes.clone())).collect();
            // PETRARCH matches whole words: every word is exact.
            let exact = |p: &str| phrase_words(p).into_iter().map(|w| Word { exact: true, ..w }).collect::<Phrase>();
            let want: Vec<(Phrase, Vec<DatedCode>)> = want.into_iter().map(|(p, c)| (exact(p), c)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn actor_defects_are_warnings() {
        // (text, actors kept, codes kept on the first actor, warnings)
        let t = [
            ("SECRETARY_BAN\n\t[IGOUNO >20070101]\n\t[KORGOVBUS 2004017-20061201]\n", 1, 1, 1),
            ("ALBRIGHT [991201-010114] [USA]\n", 1, 1, 1),
            ("X [ABC 20100101-20000101]\n", 1, 0, 1),
            ("X [ABC\n", 1, 0, 1),
            ("AT_&_T_ [USABUS]\n", 1, 1, 1),
            ("X [A]\nX [B]\n", 2, 1, 1),
            ("+ORPHAN [A]\n", 1, 1, 1),
            ("\t[A]\n", 0, 0, 1),
            ("LAST_ONE\n", 1, 0, 1),
            ("KATZ_\t\"[USAGOV >090126] [USAELI];Member\"\n", 1, 2, 1),
        ];
        for (text, n_actors, n_codes, n_warn) in t {
            let set = actors(text);
            assert_eq!(set.actors.len(), n_actors, "{text:?}");
            if n_actors > 0 {
                assert_eq!(set.actors[0].codes.len(), n_codes, "{text:?}");
            }
            assert_eq!(set.warnings.len(), n_warn, "{text:?}: {:?}", set.warnings);
            for w in &set.warnings {
                assert!(w.loc.line >= 1 && w.loc.file.as_ref() == "a.txt");
            }
        }
    }

    fn agent_list(text: &str) -> Vec<(String, String, bool)> {
        let set = parse_agents(text, "t");
        assert!(set.warnings.is_empty(), "{text:?}: {:?}", set.warnings);
        // PETRARCH words are all exact; show them as written, with the gaps as spaces.
        set.agents
            .iter()
            .map(|a| {
                assert!(a.phrase.iter().all(|w| w.exact));
                let mut p = String::new();
                for (i, w) in a.phrase.iter().enumerate() {
                    p.push_str(&w.text);
                    if i + 1 < a.phrase.len() {
                        p.push(if a.gaps.get(i).copied().unwrap_or(false) { ' ' } else { '_' });
                    }
                }
                (p, a.code.clone(), a.suffix)
            })
            .collect()
    }

    #[test]
    fn agents() {
        let s = |p: &str, c: &str, suf: bool| (p.to_string(), c.to_string(), suf);
        let t: Vec<AgentRow> = vec![
            (
                "AMBASSADOR [~GOV] # LRP\n",
                vec![s("AMBASSADOR", "GOV", true), s("AMBASSADORS", "GOV", true)],
            ),
            (
                "HUMAN_RIGHTS_BODY  [NGO~]\n",
                vec![s("HUMAN_RIGHTS_BODY", "NGO", false), s("HUMAN_RIGHTS_BODIES", "NGO", false)],
            ),
            ("POLICE {} [~COP]\n", vec![s("POLICE", "COP", true)]),
            (
                "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n",
                vec![
                    s("ATTORNEY_GENERAL", "GOVATG", true),
                    s("ATTORNEYS_GENERAL", "GOVATG", true),
                ],
            ),
            (
                "BOSS [~BUS]\nDAY [~X]\nCHURCH [~REL]\n",
                vec![
                    s("BOSS", "BUS", true),
                    s("BOSSES", "BUS", true),
                    s("DAY", "X", true),
                    s("DAYS", "X", true),
                    s("CHURCH", "REL", true),
                    s("CHURCHES", "REL", true),
                ],
            ),
            (
                "!PERSON! = MAN, MEN, PERSON\nCONGRESS!PERSON! [~LEG]\n",
                vec![
                    s("CONGRESSMAN", "LEG", true),
                    s("CONGRESSMEN", "LEG", true),
                    s("CONGRESSPERSON", "LEG", true),
                ],
            ),
            (
                "!MINIST! = MINISTER, MINISTRY\nFOREIGN_!MINIST![~GOV]\n",
                vec![s("FOREIGN_MINISTER", "GOV", true), s("FOREIGN_MINISTRY", "GOV", true)],
            ),
            (
                "!PERSONA!_=_HOMBRE,_MUJER_\nPOLICIA_!PERSONA! [~COP]\n",
                vec![s("POLICIA_HOMBRE", "COP", true), s("POLICIA_MUJER", "COP", true)],
            ),
        ];
        for (text, want) in t {
            assert_eq!(agent_list(text), want, "{text:?}");
        }
    }

    #[test]
    fn agent_defects_are_warnings() {
        for text in ["NO_CODE\n", "X [GOV]\n", "X!NOPE! [~GOV]\n", "X [~]\n", "!BAD = A\n"] {
            let set = parse_agents(text, "t");
            assert!(set.agents.is_empty(), "{text:?}");
            assert_eq!(set.warnings.len(), 1, "{text:?}: {:?}", set.warnings);
        }
    }

    #[test]
    fn discards() {
        let set = parse_discards(
            "# c\n+5K RUN #  ELH\nBASEBALL   \n+ World Golf Championships\nGROUP A_\n",
            "t",
        );
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        let got: Vec<(String, bool)> =
            set.discards.iter().map(|d| (common::show(&d.phrase), d.story)).collect();
        assert_eq!(
            got,
            vec![
                ("5K RUN".to_string(), true),
                ("BASEBALL".to_string(), false),
                ("WORLD GOLF CHAMPIONSHIPS".to_string(), true),
                ("GROUP A_".to_string(), false),
            ]
        );
        assert!(set.discards.iter().all(|d| d.code == "###"));
        assert_eq!(parse_discards("A\nA\n", "t").warnings.len(), 1);
    }

    #[test]
    fn issues() {
        let text = "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:college [POST]\npre+k [EARLY]\nv:purge [P]\nhead start [H]\n~a head start\n~~Armenian genocide  # hist\ntouristry[TOURISM]\n</ISSUE>\n";
        let set = parse_issues(text, "t");
        assert!(set.warnings.is_empty(), "{:?}", set.warnings);
        let got: Vec<(String, String)> = set
            .issues
            .iter()
            .map(|i| {
                (
                    i.phrase.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "),
                    i.code.clone(),
                )
            })
            .collect();
        let want: Vec<(&str, &str)> = vec![
            ("COLLEGE", "POST"),
            ("COLLEGES", "POST"),
            ("PRE K", "EARLY"),
            ("PRE-K", "EARLY"),
            ("PURGE", "P"),
            ("PURGES", "P"),
            ("PURGED", "P"),
            ("PURGING", "P"),
            ("HEAD START", "H"),
            ("A HEAD START", "~"),
            ("ARMENIAN GENOCIDE", "~~"),
            ("TOURISTRY", "TOURISM"),
        ];
        let want: Vec<(String, String)> =
            want.into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want);
        assert!(set.issues.iter().all(|i| i.phrase.iter().all(|w| w.exact)));
        assert_eq!(parse_issues("no code here\n", "t").warnings.len(), 1);
    }

    #[test]
    fn issue_expansions() {
        assert_eq!(issue_forms("N:ATROCITY"), ["ATROCITY ", "ATROCITIES "]);
        assert_eq!(
            issue_forms("V:MASSACRE"),
            ["MASSACRE ", "MASSACRES ", "MASSACRED ", "MASSACRING "]
        );
        assert_eq!(issue_forms("PRE+N:SCHOOL").len(), 4);
    }

    #[test]
    fn load_reports_missing_files_and_latin1() {
        let dir = std::env::temp_dir().join(format!("herald-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("latin1.actors.txt");
        std::fs::write(&p, b"CAF\xc9_ [FRA]\n").unwrap();
        let set = load(&p, DictKind::Actors).unwrap();
        assert_eq!(set.actors.len(), 1);
        assert_eq!(set.actors[0].phrase[0].text, "CAFÉ");
        assert_eq!(set.warnings.len(), 1);
        let err = load(&dir.join("nope.txt"), DictKind::Actors).unwrap_err();
        assert_eq!(err.kind, crate::dict::DictErrorKind::MissingFile);
        std::fs::remove_dir_all(&dir).ok();
    }
}
