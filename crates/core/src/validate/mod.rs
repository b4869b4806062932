//! Validation suites: TABARI `.project` files (with their `.text` records) and PETRARCH
//! XML unit-test files. Each record's expected events are compared with what the coder
//! produces using the dictionaries the suite names.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::coder::{Coder, CoderOptions, SentenceContext};
use crate::dict::load::{self, Flavor};
use crate::dict::{tabari, DictKind, DictSet, Dictionary};
use crate::read::{ptb, tabari as tabari_text, xml};
use crate::split;

/// (source, target, code)
pub type Triple = (String, String, String);

/// The outcome of one validation record.
#[derive(Debug, Clone)]
pub struct RecordResult {
    pub id: String,
    pub text: String,
    pub expected: Vec<Triple>,
    pub got: Vec<Triple>,
    pub passed: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub suite: String,
    pub results: Vec<RecordResult>,
    /// Records not scored (disabled, no expectations, option records).
    pub skipped: usize,
    /// Dictionary warnings while loading the suite's dictionaries.
    pub warnings: usize,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed).count()
    }
    pub fn total(&self) -> usize {
        self.results.len()
    }

    /// Event-level agreement over scored records: (expected, reproduced, extra).
    pub fn events(&self) -> (usize, usize, usize) {
        let (mut exp, mut hit, mut extra) = (0, 0, 0);
        for r in &self.results {
            let e: BTreeSet<&Triple> = r.expected.iter().collect();
            let g: BTreeSet<&Triple> = r.got.iter().collect();
            exp += e.len();
            hit += e.intersection(&g).count();
            extra += g.difference(&e).count();
        }
        (exp, hit, extra)
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read(path).map(|b| load::decode(&b)).map_err(|e| format!("{}: {e}", path.display()))
}

fn load_into(set: &mut DictSet, path: &Path, kind: DictKind, flavor: Flavor) -> Result<(), String> {
    let text = read(path)?;
    set.extend(load::parse_text(&text, &path.display().to_string(), kind, flavor));
    Ok(())
}

fn score(expected: &[Triple], got: &[Triple]) -> bool {
    let e: BTreeSet<&Triple> = expected.iter().collect();
    let g: BTreeSet<&Triple> = got.iter().collect();
    e == g
}

/// TABARI `-{…}`: the listed events must be coded; further events are not checked.
fn score_listed(expected: &[Triple], got: &[Triple]) -> bool {
    expected.iter().all(|e| got.contains(e))
}

/// Runs a PETRARCH XML validation file with the dictionaries its `<Environment>` names
/// (relative to the file). Records marked `valid="false"` are skipped.
///
/// With `raw_text`, every record's `<Text>` is coded as written; otherwise, as PETRARCH
/// does, the words of its `<Parse>` where these differ ([`petrarch_input`]).
pub fn run_petrarch_xml(path: &Path, dicts: Option<&DictSet>, raw_text: bool) -> Result<Report, String> {
    let text = read(path)?;
    let v = xml::parse_validation_xml(&path.display().to_string(), &text).map_err(|e| e.to_string())?;
    let set = match dicts {
        Some(d) => d.clone(),
        None => xml_dictionaries(path, &v)?,
    };
    run_xml_records(path, &v, &set, xml_options(&v), raw_text)
}

/// The conventions of the coder a PETRARCH validation file was written for: PETRARCH-2's
/// format (records marked `sentence=`) or PETRARCH-1's.
fn xml_options(v: &xml::XmlValidation) -> CoderOptions {
    if v.petrarch2 {
        CoderOptions::petrarch2()
    } else {
        CoderOptions::petrarch()
    }
}

/// The dictionaries a PETRARCH validation file's `<Environment>` names, loaded.
fn xml_dictionaries(path: &Path, v: &xml::XmlValidation) -> Result<DictSet, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut set = DictSet::default();
    let need = |f: &Option<String>, what: &str| -> Result<PathBuf, String> {
        f.as_ref().map(|f| dir.join(f)).ok_or_else(|| format!("{}: <Environment> names no {what}", path.display()))
    };
    load_into(&mut set, &need(&v.verbfile, "Verbfile")?, DictKind::Verbs, Flavor::Petrarch)?;
    for a in &v.actorfiles {
        load_into(&mut set, &dir.join(a), DictKind::Actors, Flavor::Petrarch)?;
    }
    if let Some(a) = &v.agentfile {
        load_into(&mut set, &dir.join(a), DictKind::Agents, Flavor::Petrarch)?;
    }
    if let Some(d) = &v.discardfile {
        load_into(&mut set, &dir.join(d), DictKind::Discards, Flavor::Petrarch)?;
    }
    Ok(set)
}

fn run_xml_records(path: &Path, v: &xml::XmlValidation, set: &DictSet, opts: CoderOptions, raw_text: bool) -> Result<Report, String> {
    let dict = Dictionary::compile(set);
    let mut coder = Coder::with_options(&dict, opts);
    let mut report = Report {
        suite: path.display().to_string(),
        warnings: dict.warnings.len(),
        ..Default::default()
    };
    for r in &v.records {
        // `<Config option= value=>` before or inside a record changes the settings.
        for (o, val) in &r.config {
            let _ = coder.options_mut().apply_petrarch(o, val);
        }
        if !r.valid {
            report.skipped += 1;
            continue;
        }
        let ctx = SentenceContext { date: r.date, ..Default::default() };
        let input = if raw_text { Some(Cow::Borrowed(r.text.as_str())) } else { petrarch_input(r) };
        let got = match input {
            Some(text) => code_text(&mut coder, &text, &ctx),
            None => Vec::new(),
        };
        let expected: Vec<Triple> =
            r.expected.iter().map(|e| (e.source.clone(), e.target.clone(), e.code.clone())).collect();
        report.results.push(RecordResult {
            id: r.id.clone(),
            text: r.text.clone(),
            passed: score(&expected, &got),
            expected,
            got,
        });
    }
    Ok(report)
}

/// What PETRARCH codes of a record: it reads only the `<Parse>`, so where the parse's
/// words differ from the `<Text>` they are coded instead, and a parse whose brackets do
/// not balance codes nothing (PETRARCH's `bad_input_parse`). Without a bracketed parse,
/// the text.
fn petrarch_input(r: &xml::ValidationRecord) -> Option<Cow<'_, str>> {
    let Some(parse) = r.parse.as_deref().filter(|p| p.trim_start().starts_with('(')) else {
        return Some(Cow::Borrowed(&r.text));
    };
    if ptb::same_words(&r.text, parse) {
        return Some(Cow::Borrowed(&r.text));
    }
    ptb::text(parse).map(Cow::Owned)
}

/// Codes every sentence of a record's text; the events of all sentences, deduplicated.
fn code_text(coder: &mut Coder, text: &str, ctx: &SentenceContext) -> Vec<Triple> {
    let mut got: Vec<Triple> = Vec::new();
    for r in split::sentences(text) {
        for e in coder.code_sentence(&text[r], ctx) {
            let t = (e.source, e.target, e.code);
            if !got.contains(&t) {
                got.push(t);
            }
        }
    }
    got
}

/// As [`code_text`] for a record of a story: each sentence's first actor is forwarded to
/// the next sentence (and, through `forwarded`, to the story's next record).
fn code_story_text(
    coder: &mut Coder,
    text: &str,
    ctx: &SentenceContext,
    forwarded: &mut Option<(String, String)>,
    story: Option<&str>,
) -> Vec<Triple> {
    let Some(story) = story else { return code_text(coder, text, ctx) };
    let mut got: Vec<Triple> = Vec::new();
    let mut antecedent = ctx.antecedent.map(str::to_string);
    for r in split::sentences(text) {
        let c = SentenceContext { antecedent: antecedent.as_deref(), ..*ctx };
        for e in coder.code_sentence(&text[r], &c) {
            let t = (e.source, e.target, e.code);
            if !got.contains(&t) {
                got.push(t);
            }
        }
        if let Some(a) = coder.antecedent() {
            antecedent = Some(a.to_string());
        }
    }
    *forwarded = antecedent.map(|a| (story.to_string(), a));
    got
}

/// Runs a TABARI `.project` validation: its actors, verbs and agents files and its text
/// file's records. Records whose comment gives events (`{ SRC / TGT / CODE }`), no events
/// (`{---}`) or a discard (`{###}`) are scored; `{+++}` and option records are skipped.
pub fn run_tabari_project(path: &Path, opts: CoderOptions, dicts: Option<&DictSet>) -> Result<Report, String> {
    let (project, set) = project_dictionaries(path)?;
    run_tabari_records(path, &project, dicts.unwrap_or(&set), opts)
}

/// A TABARI project's files and its dictionaries, loaded.
fn project_dictionaries(path: &Path) -> Result<(tabari::Project, DictSet), String> {
    let text = read(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let project = tabari::parse_project(&text, dir);
    let mut set = DictSet::default();
    for f in &project.actors {
        load_into(&mut set, f, DictKind::Actors, Flavor::Tabari)?;
    }
    for f in &project.verbs {
        load_into(&mut set, f, DictKind::Verbs, Flavor::Tabari)?;
    }
    for f in &project.agents {
        load_into(&mut set, f, DictKind::Agents, Flavor::Tabari)?;
    }
    Ok((project, set))
}

fn run_tabari_records(path: &Path, project: &tabari::Project, set: &DictSet, opts: CoderOptions) -> Result<Report, String> {
    let dict = Dictionary::compile(set);
    let mut opts = opts;
    if let Some(f) = &project.options {
        apply_options_file(&mut opts, &read(f)?);
    }
    let mut coder = Coder::with_options(&dict, opts);
    let mut report = Report {
        suite: path.display().to_string(),
        warnings: dict.warnings.len(),
        ..Default::default()
    };
    // (story, actor) carried from the last sentence coded.
    let mut forwarded: Option<(String, String)> = None;
    for tf in &project.text {
        let body = read(tf)?;
        for rec in tabari_text::parse_tabari_records(&tf.display().to_string(), &body) {
            let Ok(r) = rec else {
                report.skipped += 1;
                continue;
            };
            // `{ OPTION: … }` records change the settings for the records that follow.
            for line in r.options() {
                let _ = coder.options_mut().apply_tabari(line);
            }
            let scored = !r.expected.is_empty() || r.expects_no_events() || r.expects_discard();
            if r.expects_complex() || !scored {
                report.skipped += 1;
                continue;
            }
            // FORWARD: a pronoun may refer to the first actor of the story's last sentence.
            let story = coder.options().story_of(&r.id).map(str::to_string);
            let antecedent = forwarded.take().filter(|(s, _)| story.is_some() && Some(s) == story.as_ref()).map(|(_, a)| a);
            let ctx = SentenceContext { date: r.date, antecedent: antecedent.as_deref(), ..Default::default() };
            let got = code_story_text(&mut coder, &r.text, &ctx, &mut forwarded, story.as_deref());
            let expected: Vec<Triple> =
                r.expected.iter().map(|e| (e.source.clone(), e.target.clone(), e.code.clone())).collect();
            let passed = if r.stops_checking() { score_listed(&expected, &got) } else { score(&expected, &got) };
            report.results.push(RecordResult { id: r.id.clone(), text: r.text.clone(), passed, expected, got });
        }
    }
    Ok(report)
}

/// Applies the coding commands of a TABARI `.options` file ([`tabari::options_lines`]).
fn apply_options_file(opts: &mut CoderOptions, text: &str) {
    for (_, t) in tabari::options_lines(text) {
        let _ = opts.apply_tabari(t);
    }
}

/// Runs a suite file of either kind, chosen by extension (`.project` or XML), with the
/// dictionaries it names or, when given, `dicts` instead. A TABARI project brings its
/// own conventions and `.options` file; PETRARCH files use `opts` with PETRARCH's
/// convention for bare agents.
pub fn run(path: &Path, opts: CoderOptions, dicts: Option<&DictSet>) -> Result<Report, String> {
    run_with(path, opts, dicts, false)
}

/// As [`run`]; with `raw_text`, PETRARCH records are coded from their `<Text>` only,
/// never from their parse's words.
pub fn run_with(path: &Path, opts: CoderOptions, dicts: Option<&DictSet>, raw_text: bool) -> Result<Report, String> {
    if is_project(path) {
        run_tabari_project(path, CoderOptions::tabari(), dicts)
    } else {
        let _ = opts;
        run_petrarch_xml(path, dicts, raw_text)
    }
}

/// The dictionary set and coder options a suite file implies: a TABARI `.project` or a
/// PETRARCH validation XML. Used by `--dict SUITE` to explain a suite's sentences.
pub fn suite_dictionaries(path: &Path) -> Result<(DictSet, CoderOptions), String> {
    if is_project(path) {
        let (project, set) = project_dictionaries(path)?;
        let mut opts = CoderOptions::tabari();
        if let Some(f) = &project.options {
            apply_options_file(&mut opts, &read(f)?);
        }
        Ok((set, opts))
    } else {
        let text = read(path)?;
        let v = xml::parse_validation_xml(&path.display().to_string(), &text).map_err(|e| e.to_string())?;
        Ok((xml_dictionaries(path, &v)?, xml_options(&v)))
    }
}

fn is_project(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("project"))
}

