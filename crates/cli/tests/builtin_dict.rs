//! The built-in dictionaries: `herald dict check` finds no problems, `herald dict stats`
//! counts every kind (discards and issues included), and discards and issue tags work
//! end to end.

use std::io::Write;
use std::process::{Command, Stdio};

fn herald(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run herald");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "herald {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn dict_check_reports_zero_problems_on_the_builtin_set() {
    let out = herald(&["dict", "check"], "");
    let last = out.lines().last().unwrap_or_default();
    assert_eq!(last, "dict check: 0 warnings", "built-in dictionaries have problems:\n{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn dict_stats_counts_every_kind() {
    let out = herald(&["dict", "stats"], "");
    let count = |kind: &str| -> usize {
        out.lines()
            .find_map(|l| l.strip_prefix(kind).and_then(|r| r.strip_prefix('\t')))
            .unwrap_or_else(|| panic!("no '{kind}' line in:\n{out}"))
            .trim()
            .parse()
            .unwrap()
    };
    assert!(count("actors (incl. synonyms)") > 5_000);
    assert!(count("agents (incl. plurals)") > 400);
    assert!(count("patterns") > 2_500);
    assert!(count("discards") > 300);
    assert!(count("issues") > 300);
}

fn codes(text: &str) -> Vec<String> {
    herald(&["code", "--date", "2024-05-01", "-"], text)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{} {} {}", v["source"].as_str().unwrap(), v["target"].as_str().unwrap(), v["root"].as_str().unwrap())
        })
        .collect()
}

#[test]
fn sports_stories_are_discarded_and_politics_is_not() {
    // A story discard anywhere drops the whole article, headline included.
    let sport = "Brazil beat Argentina\n\nBrazil defeated Argentina 3-1 in the World Cup qualifier on Tuesday. \
                 The striker scored a hat-trick in the second half.\n";
    assert_eq!(codes(sport), Vec::<String>::new());
    let politics = "Iran's foreign minister held talks with his Saudi counterpart in Riyadh on Tuesday.\n";
    assert_eq!(codes(politics).len(), 1);
}

#[test]
fn issues_are_tagged_and_exclusions_respected() {
    let out = herald(
        &["code", "--date", "2024-05-01", "-"],
        "The European Union imposed sanctions on Iran over its nuclear programme.\n",
    );
    let v: serde_json::Value = serde_json::from_str(out.lines().next().expect("one event")).unwrap();
    let issues: Vec<&str> = v["issues"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert!(issues.contains(&"SANCTIONS") && issues.contains(&"NUCLEAR"), "{issues:?}");
    // "union" is a LABOR phrase, but not inside "European Union".
    assert!(!issues.contains(&"LABOR"), "{issues:?}");
}

#[test]
fn dict_coverage_lists_uncovered_names_and_verbs() {
    let dir = std::env::temp_dir().join(format!("herald-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("corpus.txt");
    std::fs::write(
        &corpus,
        "Officials in Freedonia said Iraqi troops outflanked the rebels. The Freedonia envoy met Iraqi officials. \
         Later, Syrian forces outflanked the town near Freedonia.\n",
    )
    .unwrap();
    let out = herald(&["dict", "coverage", corpus.to_str().unwrap(), "--top", "5"], "");
    let names = out.split("# words after").next().unwrap();
    assert!(names.contains("3\tFreedonia"), "{out}");
    assert!(!names.contains("Iraqi"), "covered names are not listed:\n{out}");
    let verbs = out.split("# words after").nth(1).unwrap();
    assert!(verbs.contains("2\toutflanked"), "{out}");
}
