//! `herald validate FILE`: run a validation suite and report each failing record.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use herald_core::coder::CoderOptions;
use herald_core::validate;

fn fmt(v: &[validate::Triple]) -> String {
    if v.is_empty() {
        return "(none)".into();
    }
    v.iter().map(|(s, t, c)| format!("{s}/{t}/{c}")).collect::<Vec<_>>().join(" ")
}

pub fn run(file: &Path, verbose: bool) -> Result<ExitCode> {
    let report = validate::run(file, CoderOptions::default()).map_err(|e| super::user(e))?;
    let mut o = std::io::stdout().lock();
    for r in &report.results {
        if !r.passed || verbose {
            writeln!(
                o,
                "{} {}: expected {} got {}",
                if r.passed { "ok  " } else { "FAIL" },
                r.id,
                fmt(&r.expected),
                fmt(&r.got)
            )?;
        }
    }
    writeln!(o, "skipped: {} records without expectations; dictionary warnings: {}", report.skipped, report.warnings)?;
    writeln!(o, "validation: {} of {} records passed", report.passed(), report.total())?;
    Ok(ExitCode::SUCCESS)
}
