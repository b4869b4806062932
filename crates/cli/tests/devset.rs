//! The development set: `testdata/devset/NNN.txt` are short wire-style paragraphs written
//! for the project, `expected.tsv` the events a careful reader codes in them, `dates.tsv`
//! each paragraph's publication date. The real CLI codes every paragraph with the built-in
//! dictionaries; events are compared as (file, source country, target country, root)
//! triples with duplicates collapsed, where a country is the first three letters of the
//! CAMEO actor code (`IGO`, `NGO`, `IMG` for international actors, `-` for no actor).
//!
//! Recall and precision are printed with every miss and false alarm, and asserted as
//! floors that only ever go up. Issue 3 requires 85% recall and 85% precision; the floors
//! below are what the built-in dictionaries reach today.
//!
//! `cargo test -p herald --test devset -- --nocapture` shows the report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Floors, in percent (issue 3 requires 85.0 for both).
// Floors as reached by the built-in dictionaries; raise them as coding improves.
const RECALL_FLOOR: f64 = 86.0;
const PRECISION_FLOOR: f64 = 89.5;
/// What issue 3 asks for; reported alongside the floors.
const REQUIRED: f64 = 85.0;

type Triple = (String, String, String, String);

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/devset")
}

/// Rows of a tab-separated file, without `#` comments, blank lines and the header row.
fn rows(path: &Path, header: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with(header))
        .map(|l| l.split('\t').map(|f| f.trim().to_string()).collect())
        .collect()
}

fn country(code: &str) -> String {
    if code.is_empty() {
        "-".to_string()
    } else {
        code.chars().take(3).collect()
    }
}

/// Codes one paragraph with the real CLI and returns its triples.
fn code(file: &str, date: &str) -> BTreeSet<Triple> {
    let path = dir().join(format!("{file}.txt"));
    let out = Command::new(env!("CARGO_BIN_EXE_herald"))
        .arg("code")
        .arg(&path)
        .args(["--date", date])
        .output()
        .expect("run herald");
    assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    let mut got = BTreeSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let s = e["source"].as_str().unwrap_or_default();
        let t = e["target"].as_str().unwrap_or_default();
        let root = e["root"].as_str().unwrap_or_default();
        got.insert((file.to_string(), country(s), country(t), root.to_string()));
    }
    got
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

#[test]
fn devset_recall_and_precision() {
    let dates: BTreeMap<String, String> = rows(&dir().join("dates.tsv"), "file\t")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut expected: BTreeSet<Triple> = BTreeSet::new();
    for r in rows(&dir().join("expected.tsv"), "file\t") {
        assert_eq!(r.len(), 4, "expected.tsv: bad row {r:?}");
        assert!(dates.contains_key(&r[0]), "expected.tsv: {} has no date in dates.tsv", r[0]);
        expected.insert((r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()));
    }
    let files: Vec<(String, String)> = dates.into_iter().collect();
    assert!(files.len() >= 80, "the dev set must hold at least 80 paragraphs, has {}", files.len());
    for (f, _) in &files {
        assert!(dir().join(format!("{f}.txt")).exists(), "dates.tsv names {f}.txt, which is missing");
    }

    // Two workers: the machine has two cores.
    let half = files.len().div_ceil(2);
    let got: BTreeSet<Triple> = std::thread::scope(|s| {
        let hs: Vec<_> = files
            .chunks(half)
            .map(|chunk| s.spawn(move || chunk.iter().flat_map(|(f, d)| code(f, d)).collect::<Vec<_>>()))
            .collect();
        hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });

    let hits = expected.intersection(&got).count();
    let recall = pct(hits, expected.len());
    let precision = pct(hits, got.len());
    println!("dev set: {} paragraphs, {} expected events, {} coded", files.len(), expected.len(), got.len());
    println!("misses (expected, not coded):");
    for (f, s, t, r) in expected.difference(&got) {
        println!("  {f}\t{s}\t{t}\t{r}");
    }
    println!("false alarms (coded, not expected):");
    for (f, s, t, r) in got.difference(&expected) {
        println!("  {f}\t{s}\t{t}\t{r}");
    }
    // Per root: how many expected events of each root were found.
    let mut by_root: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for x in &expected {
        let e = by_root.entry(x.3.as_str()).or_default();
        e.1 += 1;
        if got.contains(x) {
            e.0 += 1;
        }
    }
    let roots: Vec<String> = by_root.iter().map(|(r, (h, n))| format!("{r}:{h}/{n}")).collect();
    println!("recall by root: {}", roots.join(" "));
    println!(
        "dev set: recall {recall:.1}% ({hits}/{}), precision {precision:.1}% ({hits}/{}); floors {RECALL_FLOOR}%/{PRECISION_FLOOR}%, issue 3 requires {REQUIRED}%/{REQUIRED}%",
        expected.len(),
        got.len()
    );
    assert!(recall >= RECALL_FLOOR, "dev-set recall {recall:.1}% fell below the floor {RECALL_FLOOR}%");
    assert!(precision >= PRECISION_FLOOR, "dev-set precision {precision:.1}% fell below the floor {PRECISION_FLOOR}%");
}
