//! Loads every real PETRARCH-1 and TABARI dictionary in `../shared/cameo-reference` (read at
//! run time, never copied here) and checks that each one loads without error, with a
//! plausible number of entries. Warning counts are printed; run with `--nocapture` to see
//! them, and set `HERALD_DICT_SHOW=N` to also print the first N warnings of each file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use herald_core::dict::{petrarch, tabari, DictKind, DictSet};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Petrarch,
    Tabari,
}
use DictKind::*;
use Format::*;

/// (path under cameo-reference, format, kind, minimum entry count)
const FILES: &[(&str, Format, DictKind, usize)] = &[
    // PETRARCH-1 actors
    ("petrarch2/Phoenix.Countries.actors.txt", Petrarch, Actors, 25_000),
    ("petrarch2/Phoenix.International.actors.txt", Petrarch, Actors, 7_500),
    ("petrarch2/Phoenix.MilNonState.actors.txt", Petrarch, Actors, 1_700),
    ("petrarch2/PETR.Validate.actors.txt", Petrarch, Actors, 150),
    ("petrarch/Phoenix.Countries.actors.txt", Petrarch, Actors, 25_000),
    ("petrarch/Phoenix.International.actors.txt", Petrarch, Actors, 7_500),
    ("petrarch/Phoenix.MilNonState.actors.txt", Petrarch, Actors, 1_700),
    ("petrarch/PETR.Validate.actors.txt", Petrarch, Actors, 150),
    ("petrarch-philip-schrodt/Phoenix.Countries.actors.txt", Petrarch, Actors, 25_000),
    ("petrarch-philip-schrodt/Phoenix.International.actors.txt", Petrarch, Actors, 7_500),
    ("petrarch-philip-schrodt/Phoenix.MilNonState.actors.txt", Petrarch, Actors, 1_700),
    ("petrarch-philip-schrodt/PETR.Validate.actors.txt", Petrarch, Actors, 150),
    ("UniversalPetrarch/Phoenix.Countries.actors.txt", Petrarch, Actors, 25_000),
    ("UniversalPetrarch/Phoenix.International.actors.txt", Petrarch, Actors, 7_500),
    ("UniversalPetrarch/Phoenix.MilNonState.actors.txt", Petrarch, Actors, 1_700),
    ("UniversalPetrarch/PETR.Validate.actors.txt", Petrarch, Actors, 150),
    ("UniversalPetrarch/spanish/actors_COL.txt", Petrarch, Actors, 7_000),
    ("UniversalPetrarch/spanish/actors_unified_181220.txt", Petrarch, Actors, 45_000),
    ("Dictionaries/Phoenix.Countries.actors.txt", Petrarch, Actors, 25_000),
    ("Dictionaries/Phoenix.International.actors.txt", Petrarch, Actors, 7_500),
    ("Dictionaries/Phoenix.MilNonState.actors.txt", Petrarch, Actors, 1_700),
    ("Dictionaries/CAMEO.EthnicGroups.actors.txt", Petrarch, Actors, 600),
    ("Dictionaries/CAMEO.ReligiousGroups.actors.txt", Petrarch, Actors, 1_400),
    // PETRARCH-1 agents
    ("petrarch2/Phoenix.agents.txt", Petrarch, Agents, 5_000),
    ("petrarch2/PETR.Validate.agents.txt", Petrarch, Agents, 150),
    ("petrarch/Phoenix.agents.txt", Petrarch, Agents, 5_000),
    ("petrarch/PETR.Validate.agents.txt", Petrarch, Agents, 150),
    ("petrarch-philip-schrodt/Phoenix.agents.txt", Petrarch, Agents, 5_000),
    ("petrarch-philip-schrodt/PETR.Validate.agents.txt", Petrarch, Agents, 150),
    ("UniversalPetrarch/Phoenix.agents.txt", Petrarch, Agents, 5_000),
    ("UniversalPetrarch/PETR.Validate.agents.txt", Petrarch, Agents, 150),
    ("UniversalPetrarch/spanish/agents_181220.txt", Petrarch, Agents, 20_000),
    ("Dictionaries/Phoenix.agents.txt", Petrarch, Agents, 5_000),
    // PETRARCH-1 verbs (counts are patterns)
    ("petrarch2/CAMEO.verbpatterns.150430.txt", Petrarch, Verbs, 10_000),
    ("petrarch2/newdict.txt", Petrarch, Verbs, 10_000),
    ("petrarch2/PETR.Validate.verbs.txt", Petrarch, Verbs, 450),
    ("petrarch/CAMEO.verbpatterns.150430.txt", Petrarch, Verbs, 10_000),
    ("petrarch/CAMEO.2.0.txt", Petrarch, Verbs, 10_000),
    ("petrarch/PETR.Validate.verbs.txt", Petrarch, Verbs, 450),
    ("petrarch-philip-schrodt/CAMEO.verbpatterns.150430.txt", Petrarch, Verbs, 10_000),
    ("petrarch-philip-schrodt/PETR.Validate.verbs.txt", Petrarch, Verbs, 450),
    ("UniversalPetrarch/CAMEO.verbpatterns.150430.txt", Petrarch, Verbs, 10_000),
    ("UniversalPetrarch/newdict.txt", Petrarch, Verbs, 10_000),
    ("UniversalPetrarch/PETR.Validate.verbs.txt", Petrarch, Verbs, 450),
    ("UniversalPetrarch/spanish/verbpatterns_es_181220.txt", Petrarch, Verbs, 15_000),
    ("UniversalPetrarch/spanish/verbpatterns_es_190128.txt", Petrarch, Verbs, 15_000),
    ("Dictionaries/CAMEO.verbpatterns.txt", Petrarch, Verbs, 10_000),
    // PETRARCH-1 discards and issues
    ("petrarch2/Phoenix.discards.txt", Petrarch, Discards, 500),
    ("petrarch2/PETR.Validate.discards.txt", Petrarch, Discards, 8),
    ("petrarch/Phoenix.discards.txt", Petrarch, Discards, 500),
    ("petrarch/PETR.Validate.discards.txt", Petrarch, Discards, 8),
    ("petrarch-philip-schrodt/Phoenix.discards.txt", Petrarch, Discards, 500),
    ("petrarch-philip-schrodt/PETR.Validate.discards.txt", Petrarch, Discards, 8),
    ("UniversalPetrarch/Phoenix.discards.txt", Petrarch, Discards, 500),
    ("UniversalPetrarch/PETR.Validate.discards.txt", Petrarch, Discards, 8),
    ("Dictionaries/Phoenix.discards.txt", Petrarch, Discards, 500),
    ("petrarch2/Phoenix.IssueCoding.txt", Petrarch, Issues, 4_500),
    ("petrarch/Phoenix.IssueCoding.txt", Petrarch, Issues, 4_500),
    ("petrarch-philip-schrodt/Phoenix.IssueCoding.txt", Petrarch, Issues, 4_500),
    ("UniversalPetrarch/Phoenix.IssueCoding.txt", Petrarch, Issues, 4_500),
    ("Dictionaries/Phoenix.IssueCoding.txt", Petrarch, Issues, 4_500),
    // TABARI
    ("TABARI-Code/CAMEO.091003.master.verbs", Tabari, Verbs, 15_000),
    ("TABARI-Code/TABARI.Demo.verbs", Tabari, Verbs, 400),
    ("TABARI-Code/TABARI.Demo.actors", Tabari, Actors, 120),
    ("TABARI-Code/Validate.agents", Tabari, Agents, 80),
    ("TABARI-Dictionaries/CAMEO.080612.verbs", Tabari, Verbs, 14_000),
    ("TABARI-Dictionaries/CountryInfo.120116.actors", Tabari, Actors, 24_000),
    ("TABARI-Dictionaries/Internatnl.120521.actors", Tabari, Actors, 7_000),
    ("TABARI-Dictionaries/Levant.080629.actors", Tabari, Actors, 6_000),
    ("TABARI-Dictionaries/CAMEO.ECS.120522.actors", Tabari, Actors, 600),
    ("TABARI-Dictionaries/CAMEO.RCS.120521.actors", Tabari, Actors, 1_400),
    ("TABARI-Dictionaries/PSU.120522.agents", Tabari, Agents, 2_000),
];

/// PETRARCH-2 verb files: a different format, not read by these parsers.
const NOT_P1: &[&str] = &[
    "petrarch2/CAMEO.2.0.txt",
    "petrarch2/CAMEO.2.0_unsorted.txt",
    "UniversalPetrarch/CAMEO.2.0.txt",
    "UniversalPetrarch/CAMEO.2.0_unsorted.txt",
    "UniversalPetrarch/PETR.Validate.verbs.2.0.txt",
];

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/cameo-reference");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipping: ../shared/cameo-reference not found");
        None
    }
}

fn load(path: &Path, format: Format, kind: DictKind) -> DictSet {
    let r = match format {
        Petrarch => petrarch::load(path, kind),
        Tabari => tabari::load(path, kind),
    };
    r.unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn count(set: &DictSet, kind: DictKind) -> usize {
    match kind {
        Actors => set.actors.len(),
        Agents => set.agents.len(),
        Verbs => set.verbs.iter().map(|b| b.patterns.len()).sum(),
        Discards => set.discards.len(),
        Issues => set.issues.len(),
    }
}

fn show_warnings() -> usize {
    std::env::var("HERALD_DICT_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(0)
}

#[test]
fn every_real_dictionary_loads() {
    let Some(root) = shared() else { return };
    let show = show_warnings();
    let mut short = Vec::new();
    println!("{:<58} {:>8} {:>7} {:>6} {:>9}", "file", "entries", "extra", "warn", "ms");
    for &(rel, format, kind, floor) in FILES {
        let path = root.join(rel);
        let t = Instant::now();
        let set = load(&path, format, kind);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let n = count(&set, kind);
        let extra = match kind {
            Verbs => format!("{}b/{}s", set.verbs.len(), set.synsets.len()),
            Actors if !set.nouns.is_empty() || !set.adjectives.is_empty() => {
                format!("{}n/{}a", set.nouns.len(), set.adjectives.len())
            }
            _ => String::new(),
        };
        println!("{rel:<58} {n:>8} {extra:>7} {:>6} {ms:>9.1}", set.warnings.len());
        for w in set.warnings.iter().take(show) {
            println!("    {w}");
        }
        if n < floor {
            short.push(format!("{rel}: {n} entries, expected at least {floor}"));
        }
        for w in &set.warnings {
            assert!(w.loc.line > 0, "{rel}: warning without a line: {w}");
        }
    }
    assert!(short.is_empty(), "{short:#?}");
}

#[test]
fn no_dictionary_file_is_forgotten() {
    let Some(root) = shared() else { return };
    let mut missing = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let is_dict = name.contains("actors")
                || name.contains("agents")
                || name.contains("verbs")
                || name.contains("verbpatterns")
                || name.contains("discards")
                || name.contains("IssueCoding")
                || name == "newdict.txt"
                || name.starts_with("CAMEO.2.0");
            if is_dict && !FILES.iter().any(|f| f.0 == rel) && !NOT_P1.contains(&rel.as_str()) {
                missing.push(rel);
            }
        }
    }
    assert!(missing.is_empty(), "dictionary files not covered by the test: {missing:?}");
}

#[test]
fn options_and_projects() {
    let Some(root) = shared() else { return };
    for rel in [
        "TABARI-Code/CAMEO.09b5.options",
        "TABARI-Code/TABARI.Demo.options",
        "TABARI-Code/Validate.options",
        "TABARI-Dictionaries/CAMEO.09b5.options",
    ] {
        let bytes = std::fs::read(root.join(rel)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let (o, warnings) = tabari::parse_options(&text, rel);
        println!(
            "{rel:<58} {:>4} labels {:>3} set {:>3} commands {:>3} warnings",
            o.labels.len(),
            o.set.len(),
            o.commands.len(),
            warnings.len()
        );
        assert!(o.labels.len() >= 80, "{rel}");
        assert!(o.complex.verbs.is_some(), "{rel}");
    }
    let dir = root.join("TABARI-Code");
    let p = tabari::parse_project(
        &std::fs::read_to_string(dir.join("Validate.project")).unwrap(),
        &dir,
    );
    assert_eq!(p.actors, vec![dir.join("TABARI.Demo.actors")]);
    assert_eq!(p.verbs, vec![dir.join("TABARI.Demo.verbs")]);
    assert_eq!(p.agents, vec![dir.join("Validate.agents")]);
    assert_eq!(p.options, Some(dir.join("Validate.options")));
    assert_eq!(p.text, vec![dir.join("Validate.text")]);
    for f in p.actors.iter().chain(&p.verbs).chain(&p.agents).chain(&p.options).chain(&p.text) {
        assert!(f.is_file(), "{}", f.display());
    }
    let demo = tabari::parse_project(
        &std::fs::read_to_string(dir.join("TABARI.Demo.project")).unwrap(),
        &dir,
    );
    assert_eq!(demo.text, vec![dir.join("TABARI.Demo.text")]);
}

/// Known defects of the real files are reported as warnings (with the right line), never as
/// errors, and the rest of the file is still read.
#[test]
fn known_defects_are_warnings() {
    let Some(root) = shared() else { return };
    let has = |set: &DictSet, line: u32, needle: &str| {
        set.warnings.iter().any(|w| w.loc.line == line && w.message.contains(needle))
    };
    let intl = load(&root.join("petrarch2/Phoenix.International.actors.txt"), Petrarch, Actors);
    assert!(has(&intl, 40, "2004017"), "malformed date");
    assert!(has(&intl, 4066, "'&'"), "name with &");
    assert!(has(&intl, 131, "duplicate actor phrase 'UN_'"), "duplicate");
    let countries = load(&root.join("petrarch2/Phoenix.Countries.actors.txt"), Petrarch, Actors);
    assert!(has(&countries, 14190, "ends before it starts"), "reversed range");
    let tabari = load(&root.join("TABARI-Code/CAMEO.091003.master.verbs"), Tabari, Verbs);
    assert!(tabari.warnings.iter().any(|w| w.message.contains("Latin-1")), "Latin-1 bytes");
    assert!(has(&tabari, 10190, "more than one '*'"), "two verb markers");
    let intl = load(&root.join("TABARI-Dictionaries/Internatnl.120521.actors"), Tabari, Actors);
    assert!(has(&intl, 47, "'&'"), "name with & (TABARI)");
    assert!(intl.actors.iter().any(|a| a.loc.line == 47), "the entry itself is kept");
}

/// The Phoenix set (PETRARCH-1) should parse well under a second even in a debug build.
#[test]
fn phoenix_set_parses_quickly() {
    let Some(root) = shared() else { return };
    let d = root.join("petrarch2");
    let t = Instant::now();
    let mut all = DictSet::default();
    for (f, k) in [
        ("Phoenix.Countries.actors.txt", Actors),
        ("Phoenix.International.actors.txt", Actors),
        ("Phoenix.MilNonState.actors.txt", Actors),
        ("Phoenix.agents.txt", Agents),
        ("CAMEO.verbpatterns.150430.txt", Verbs),
        ("Phoenix.discards.txt", Discards),
        ("Phoenix.IssueCoding.txt", Issues),
    ] {
        all.extend(load(&d.join(f), Petrarch, k));
    }
    let el = t.elapsed();
    println!(
        "Phoenix set: {} actors, {} agents, {} verb blocks, {} discards, {} issues, {} warnings in {:.0} ms",
        all.actors.len(),
        all.agents.len(),
        all.verbs.len(),
        all.discards.len(),
        all.issues.len(),
        all.warnings.len(),
        el.as_secs_f64() * 1000.0
    );
    // Generous bound: the machine is shared; the target is well under 1 s.
    assert!(el.as_secs() < 10, "parsing the Phoenix set took {el:?}");
}
