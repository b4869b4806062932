//! Validation suites: TABARI `.project` files (with their `.text` records) and PETRARCH
//! XML unit-test files. Each record's expected events are compared with what the coder
//! produces using the dictionaries the suite names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::coder::{Coder, CoderOptions, SentenceContext};
use crate::dict::load::{self, Flavor};
use crate::dict::{tabari, DictKind, DictSet, Dictionary};
use crate::read::{tabari as tabari_text, xml};
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

/// Runs a PETRARCH XML validation file with the dictionaries its `<Environment>` names
/// (relative to the file). Records marked `valid="false"` are skipped.
pub fn run_petrarch_xml(path: &Path, opts: CoderOptions, dicts: Option<&DictSet>) -> Result<Report, String> {
    let text = read(path)?;
    let v = xml::parse_validation_xml(&path.display().to_string(), &text).map_err(|e| e.to_string())?;
    let set = match dicts {
        Some(d) => d.clone(),
        None => xml_dictionaries(path, &v)?,
    };
    run_xml_records(path, &v, &set, opts)
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

fn run_xml_records(path: &Path, v: &xml::XmlValidation, set: &DictSet, opts: CoderOptions) -> Result<Report, String> {
    let dict = Dictionary::compile(set);
    let mut coder = Coder::with_options(&dict, opts);
    let mut report = Report {
        suite: path.display().to_string(),
        warnings: dict.warnings.len(),
        ..Default::default()
    };
    for r in &v.records {
        if !r.valid {
            report.skipped += 1;
            continue;
        }
        let ctx = SentenceContext { date: r.date, default_country: None };
        let got = code_text(&mut coder, &r.text, &ctx);
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
    let mut coder = Coder::with_options(&dict, opts);
    let mut report = Report {
        suite: path.display().to_string(),
        warnings: dict.warnings.len(),
        ..Default::default()
    };
    for tf in &project.text {
        let body = read(tf)?;
        for rec in tabari_text::parse_tabari_records(&tf.display().to_string(), &body) {
            let Ok(r) = rec else {
                report.skipped += 1;
                continue;
            };
            let scored = !r.expected.is_empty() || r.expects_no_events() || r.expects_discard();
            if r.expects_complex() || !scored {
                report.skipped += 1;
                continue;
            }
            let ctx = SentenceContext { date: r.date, default_country: None };
            let got = code_text(&mut coder, &r.text, &ctx);
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
    }
    Ok(report)
}

/// Runs a suite file of either kind, chosen by extension (`.project` or XML), with the
/// dictionaries it names or, when given, `dicts` instead.
pub fn run(path: &Path, opts: CoderOptions, dicts: Option<&DictSet>) -> Result<Report, String> {
    if is_project(path) {
        run_tabari_project(path, tabari_options(opts), dicts)
    } else {
        run_petrarch_xml(path, petrarch_options(opts), dicts)
    }
}

/// The dictionary set and coder options a suite file implies: a TABARI `.project` or a
/// PETRARCH validation XML. Used by `--dict SUITE` to explain a suite's sentences.
pub fn suite_dictionaries(path: &Path) -> Result<(DictSet, CoderOptions), String> {
    if is_project(path) {
        Ok((project_dictionaries(path)?.1, tabari_options(CoderOptions::default())))
    } else {
        let text = read(path)?;
        let v = xml::parse_validation_xml(&path.display().to_string(), &text).map_err(|e| e.to_string())?;
        Ok((xml_dictionaries(path, &v)?, petrarch_options(CoderOptions::default())))
    }
}

fn is_project(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("project"))
}

/// TABARI's conventions: capitalised verbs are nouns; negation is not special; a bare
/// agent has no country; a place after "in" can be a target; "will attack" codes an attack.
fn tabari_options(opts: CoderOptions) -> CoderOptions {
    CoderOptions {
        capitalized_nouns: true,
        negation: false,
        agents_take_nearest_country: false,
        places_are_settings: false,
        modal_intent: false,
        ..opts
    }
}

/// PETRARCH's conventions: a bare agent has no country; a place after "in" can be a target;
/// "will attack" codes an attack.
fn petrarch_options(opts: CoderOptions) -> CoderOptions {
    CoderOptions { agents_take_nearest_country: false, places_are_settings: false, modal_intent: false, ..opts }
}
