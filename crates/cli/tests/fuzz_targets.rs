//! CI builds the fuzz targets (fuzz/, its own workspace) and gives each a short run.
//! Locally this is skipped unless `CI` is set; `cargo fuzz run <target>` fuzzes for real.

use std::path::Path;
use std::process::Command;

#[test]
fn fuzz_targets_build_and_run() {
    if std::env::var_os("CI").is_none() {
        eprintln!("skipping: fuzz target build runs in CI (set CI=1 to run it here)");
        return;
    }
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--manifest-path"])
        .arg(fuzz.join("Cargo.toml"))
        .status()
        .expect("run cargo");
    assert!(status.success(), "fuzz targets failed to build");
    for t in ["read_input", "dict_petrarch", "dict_tabari", "code_sentence", "validation_files"] {
        let out = Command::new(fuzz.join("target/release").join(t)).arg("-runs=20000").output().expect("run target");
        assert!(out.status.success(), "{t}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
