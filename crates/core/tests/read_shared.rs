//! Reads the real validation suites and corpus in `../shared` (never copied into the
//! repository); each test is skipped with a message when its file is absent.

use std::path::{Path, PathBuf};

use herald_core::read::{self, InputFormat};
use herald_core::split::sentences;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!("skipping: {} not found", p.display());
        None
    }
}

fn reference(rel: &str) -> Option<(String, String)> {
    let p = shared(&format!("cameo-reference/{rel}"))?;
    let text = std::fs::read_to_string(&p).expect("UTF-8 reference file");
    Some((p.display().to_string(), text))
}

#[test]
fn petrarch1_unit_tests() {
    let Some((name, text)) = reference("petrarch-philip-schrodt/PETR.UnitTest.records.xml") else { return };
    let v = read::parse_validation_xml(&name, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v.records.len(), 281);
    assert_eq!(v.records.iter().filter(|r| r.valid).count(), 276);
    assert_eq!(v.verbfile.as_deref(), Some("PETR.Validate.verbs.txt"));
    assert_eq!(v.actorfiles, ["PETR.Validate.actors.txt"]);
    assert_eq!(v.agentfile.as_deref(), Some("PETR.Validate.agents.txt"));
    assert_eq!(v.discardfile.as_deref(), Some("PETR.Validate.discards.txt"));
    assert_eq!(v.config, [("stop_on_error".to_string(), "True".to_string())]);
    assert!(v.include.iter().any(|i| i == "DEMO"));
    // Counted from the file: 356 coded events (382 <EventCoding>, less 19 noevents and 7
    // errors), 28 <Config> settings between records (one more is in <Environment>, and a
    // `<Config>` inside a comment does not count), 2 skips.
    let expected: usize = v.records.iter().map(|r| r.expected.len()).sum();
    let noevents = v.records.iter().filter(|r| r.noevents).count();
    let errors = v.records.iter().filter(|r| r.error.is_some()).count();
    let config: usize = v.records.iter().map(|r| r.config.len()).sum();
    let skips = v.records.iter().filter(|r| r.skip).count();
    println!("expected {expected}, noevents {noevents}, errors {errors}, config {config}, skips {skips}");
    assert_eq!((expected, noevents, errors, config, skips), (356, 19, 7, 28, 2));
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);
    let first = &v.records[0];
    assert_eq!(first.id, "DEMO-00");
    assert!(first.text.starts_with("Arnor is about to restore full diplomatic ties with Gondor almost five years"));
    assert!(!first.text.contains('\n'));
    assert_eq!(v.records.last().map(|r| r.id.as_str()), Some("FINAL-RECORD"));
    // The same file as coding input: every record an article, no errors.
    let arts = read::read_input(&name, text.as_bytes(), InputFormat::Auto);
    assert_eq!(arts.len(), 281);
    assert!(arts.iter().all(Result::is_ok));
}

#[test]
fn petrarch2_unit_tests() {
    let Some((name, text)) = reference("petrarch2/PETR.UnitTest.records.xml") else { return };
    let v = read::parse_validation_xml(&name, &text).unwrap_or_else(|e| panic!("{e}"));
    println!("petrarch2: {} records, {} valid", v.records.len(), v.records.iter().filter(|r| r.valid).count());
    assert_eq!(v.records.len(), 284);
    assert_eq!(v.records.iter().filter(|r| r.valid).count(), 279);
}

#[test]
fn petrarch2_gsr_validation() {
    let Some((name, text)) = reference("UniversalPetrarch/PETR2_GSR_validation.xml") else { return };
    let v = read::parse_validation_xml(&name, &text).unwrap_or_else(|e| panic!("{e}"));
    let expected: usize = v.records.iter().map(|r| r.expected.len()).sum();
    let noevents = v.records.iter().filter(|r| r.noevents).count();
    println!("GSR: {} sentences, {expected} expected events, {noevents} noevents", v.records.len());
    assert_eq!(v.records.len(), 78);
    assert_eq!(expected, 80);
    assert_eq!(noevents, 12);
    assert_eq!(v.actorfiles.len(), 3);
    assert_eq!(v.verbfile.as_deref(), Some("CAMEO.2.0.txt"));
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);
    // `abc12_3` has its sentence only in the parse: kept, with an empty text.
    let empty: Vec<&str> = v.records.iter().filter(|r| r.text.is_empty()).map(|r| r.id.as_str()).collect();
    assert_eq!(empty, ["abc12_3"]);
}

#[test]
fn every_reference_xml_reads_without_panic() {
    let Some(dir) = shared("cameo-reference") else { return };
    let mut stack = vec![dir];
    let mut files = 0;
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "xml") {
                files += 1;
                let bytes = std::fs::read(&p).unwrap();
                let got = read::read_input(&p.display().to_string(), &bytes, InputFormat::Auto);
                let ok = got.iter().filter(|r| r.is_ok()).count();
                let errs: Vec<String> = got.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
                println!("{}: {ok} articles, {} errors {:?}", p.display(), errs.len(), errs.iter().take(3).collect::<Vec<_>>());
                assert!(ok > 0, "{}", p.display());
            }
        }
    }
    assert!(files > 0);
}

#[test]
fn tabari_validation_records() {
    let Some((name, text)) = reference("TABARI-Code/Validate.text") else { return };
    let recs = read::parse_tabari_records(&name, &text);
    // 481 headers: 475 `YYMMDD`, 4 `YYYYMMDD` (the YYYY option tests) and two bad dates,
    // `9501201  ACTORSYN-01` (a typo) and `186010029 YYYY-03`, which are errors.
    let errors: Vec<String> = recs.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].ends_with("Validate.text:1060: record ACTORSYN-01: bad date \"9501201\""), "{errors:?}");
    assert!(errors[1].ends_with("Validate.text:3397: record YYYY-03: bad date \"186010029\""), "{errors:?}");
    let recs: Vec<read::TabariRecord> = recs.into_iter().filter_map(Result::ok).collect();
    let expected: usize = recs.iter().map(|r| r.expected.len()).sum();
    let dated = recs.iter().flat_map(|r| &r.expected_dates).filter(|d| d.is_some()).count();
    let none = recs.iter().filter(|r| r.expects_no_events()).count();
    let discard = recs.iter().filter(|r| r.expects_discard()).count();
    let complex = recs.iter().filter(|r| r.expects_complex()).count();
    let options: usize = recs.iter().map(|r| r.options().count()).sum();
    let stop = recs.iter().filter(|r| r.stops_checking()).count();
    let without = recs.iter().filter(|r| !r.has_validation()).count();
    let other: Vec<&String> = recs.iter().flat_map(|r| &r.markers).filter(|m| m.starts_with('{')).collect();
    println!(
        "TABARI: {} records, {expected} expected events ({dated} dated), no-events {none}, discard {discard}, \
         complex {complex}, options {options}, stop-checking {stop}, without validation {without}, other {other:?}",
        recs.len()
    );
    assert_eq!(recs.len(), 479);
    assert_eq!(recs.iter().filter(|r| r.id == "DEFAULT-CMD02").count(), 2);
    assert_eq!(recs.iter().filter(|r| r.date.is_some_and(|d| d.year > 2010 || d.year < 1950)).count(), 2);
    assert_eq!(recs.iter().position(|r| r.id == "FINAL-01").map(|i| recs[i].has_validation()), Some(false));
    assert_eq!(recs[0].id, "START-00");
    let demo04 = recs.iter().find(|r| r.id == "DEMO-04").unwrap();
    assert_eq!(demo04.expected.len(), 2);
    assert_eq!(demo04.expected[0].source, "DAG");
    assert_eq!(demo04.expected_dates[0], herald_core::Date::parse("950103"));
    assert!(demo04.text.starts_with("Dagolath's first Deputy Prime Minister Telemar left for"));
    assert!(!demo04.text.contains("/*"));
    // As coding input, with format detection.
    let arts = read::read_input(&name, text.as_bytes(), InputFormat::Auto);
    assert_eq!(arts.len(), 481);
    let demo = reference("TABARI-Code/TABARI.Demo.text");
    if let Some((name, text)) = demo {
        let arts = read::read_input(&name, text.as_bytes(), InputFormat::Auto);
        let errs: Vec<String> = arts.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
        println!("TABARI demo: {} records, errors {errs:?}", arts.len());
        assert!(errs.is_empty());
        assert!(arts.len() >= 46);
    }
}

#[test]
fn ag_news_corpus() {
    let Some(p) = shared("corpora/ag-news-test.jsonl") else { return };
    let bytes = std::fs::read(&p).unwrap();
    let name = p.display().to_string();
    let arts = read::read_input(&name, &bytes, InputFormat::Auto);
    let errs: Vec<String> = arts.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
    assert!(errs.is_empty(), "{:?}", &errs[..errs.len().min(5)]);
    assert_eq!(arts.len(), 7600);
    let arts: Vec<read::Article> = arts.into_iter().map(Result::unwrap).collect();
    let datelines = arts.iter().filter(|a| a.dateline.is_some()).count();
    println!("AG news: {} articles, {datelines} datelines", arts.len());
    for a in arts.iter().filter(|a| a.dateline.is_some()).step_by(97).take(20) {
        println!("  {:?} | {}", a.dateline, &a.text[..a.text.len().min(60)]);
    }
    let najaf = arts.iter().filter(|a| a.dateline.as_deref() == Some("NAJAF, Iraq")).count();
    assert!(najaf > 0);
    assert!(datelines > 1000, "{datelines}");
    let mut n = 0;
    for a in &arts {
        for r in sentences(&a.text) {
            assert!(!a.text[r].is_empty());
            n += 1;
        }
    }
    println!("AG news: {n} sentences");
}

