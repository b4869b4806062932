//! Bad input never stops the run: each problem is one clear line on stderr naming the
//! input (and line), the exit status is 2, and every good input is still coded.

use std::path::PathBuf;
use std::process::Command;

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("herald-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const GOOD: &str = "Iraqi troops attacked Syrian rebels.\n";

fn run(files: &[PathBuf]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_herald"))
        .arg("code")
        .args(files)
        .args(["--date", "2020-01-01"])
        .output()
        .expect("run herald");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn each_bad_input_is_reported_and_the_rest_is_coded() {
    let d = dir();
    let good = d.join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let (code, good_out, _) = run(&[good.clone()]);
    assert_eq!(code, 0);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "empty"),
        ("binary.txt", (0u8..=255).cycle().take(4096).collect(), "UTF-8"),
        ("latin1.txt", b"Caf\xe9 owners protested.\n".to_vec(), "UTF-8"),
        ("unbalanced.xml", b"<Sentences><Sentence id=\"1\" date=\"20200101\"><Text>Iraq attacked Syria.".to_vec(), "unbalanced.xml"),
        ("truncated.jsonl", b"{\"id\":\"a\",\"text\":\"Iraq attacked Syria.\"}\n{\"id\":\"b\",\"te".to_vec(), "truncated.jsonl:2"),
        ("missing.txt", Vec::new(), "missing.txt"),
    ];
    for (name, bytes, needle) in &cases {
        let p = d.join(name);
        if *name != "missing.txt" {
            std::fs::write(&p, bytes).unwrap();
        }
        let (code, out, err) = run(&[p.clone(), good.clone()]);
        assert_eq!(code, 2, "{name}: exit status; stderr: {err}");
        assert!(err.contains(needle), "{name}: stderr should mention {needle:?}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(out.ends_with(&good_out), "{name}: the good input must still be coded");
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_ten_megabyte_line_is_coded_without_trouble() {
    let d = dir();
    let p = d.join("long.txt");
    let line: String = "Iraqi troops attacked Syrian rebels and ".repeat(260_000);
    std::fs::write(&p, line).unwrap();
    let (code, _, err) = run(&[p]);
    assert_eq!(code, 0, "{err}");
    let _ = std::fs::remove_dir_all(&d);
}
