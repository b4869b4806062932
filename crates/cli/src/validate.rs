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

pub fn run(file: &Path, verbose: bool, dict: Option<&Path>, raw_text: bool) -> Result<ExitCode> {
    let set = dict.map(super::load_set).transpose()?;
    let report = validate::run_with(file, CoderOptions::default(), set.as_ref(), raw_text).map_err(super::user)?;
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
    let (exp, hit, extra) = report.events();
    writeln!(
        o,
        "events: {hit} of {exp} expected events reproduced ({:.1}%), {extra} extra",
        100.0 * hit as f64 / exp.max(1) as f64
    )?;
    writeln!(o, "validation: {} of {} records passed", report.passed(), report.total())?;
    Ok(ExitCode::SUCCESS)
}
