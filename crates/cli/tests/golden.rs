//! Golden files: every `testdata/golden/<case>/input.txt` is coded by the real CLI with
//! the built-in dictionaries and compared with `expected.jsonl` in the same folder.
//! `HERALD_BLESS=1 cargo test -p herald --test golden` rewrites the expectations; review the diff.
//! A case may hold an `args` file with extra flags (one per line), e.g. `--date` and a date.

use std::path::Path;
use std::process::Command;

#[test]
fn golden_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/golden");
    let mut cases: Vec<_> = std::fs::read_dir(&root).expect("testdata/golden").flatten().map(|e| e.path()).collect();
    cases.sort();
    let bless = std::env::var_os("HERALD_BLESS").is_some();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases.iter().filter(|c| c.join("input.txt").exists()) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_herald"));
        cmd.arg("code").arg(case.join("input.txt"));
        if let Ok(args) = std::fs::read_to_string(case.join("args")) {
            cmd.args(args.lines().map(str::trim).filter(|l| !l.is_empty()));
        }
        let out = cmd.output().expect("run herald");
        assert!(out.status.success(), "{}: {}", case.display(), String::from_utf8_lossy(&out.stderr));
        let got = String::from_utf8(out.stdout).unwrap();
        let want_path = case.join("expected.jsonl");
        ran += 1;
        if bless {
            std::fs::write(&want_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n--- expected\n{want}--- got\n{got}", case.display()));
        }
    }
    assert!(ran > 0, "no golden cases found under {}", root.display());
    assert!(failures.is_empty(), "{} golden case(s) differ:\n{}", failures.len(), failures.join("\n"));
}
