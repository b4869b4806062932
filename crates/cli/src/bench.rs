//! `herald bench`: end-to-end throughput on a named corpus, one core, from raw bytes:
//! read → split → tokenize → match → code. Prints figures; asserts nothing.
//!
//! By default each sentence is coded on its own (`Coder::code_sentence`); `--article`
//! codes whole articles as `herald code` does (`Coder::code_article`: dateline, code
//! table values and the article-level steps), with `--date` as the publication date
//! of articles that have none.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use herald_core::codes::CodeTable;

use crate::outln;
use herald_core::coder::{Coder, SentenceContext};
use herald_core::read::{read_input, InputFormat};
use herald_core::split;
use herald_core::Date;

pub fn run(corpus: &Path, dict: Option<&Path>, repeat: usize, article: Option<Option<Date>>) -> Result<()> {
    let t0 = Instant::now();
    let dictionary = super::load_dictionary(dict, true)?;
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let (t0, cpu0) = (Instant::now(), thread_cpu_ns());
    let gazetteer = herald_core::place::Gazetteer::builtin().stats();
    let gaz_ms = t0.elapsed().as_secs_f64() * 1e3;
    let gaz_cpu = thread_cpu_ns().zip(cpu0).map(|(b, a)| b.saturating_sub(a) as f64 / 1e6);
    let bytes = std::fs::read(corpus).with_context(|| format!("reading {}", corpus.display()))?;
    let name = corpus.display().to_string();
    let mut coder = Coder::new(&dictionary);
    let codes = CodeTable::builtin();
    let (mut sentences, mut events) = (0usize, 0usize);
    if article.is_some() {
        // code_article splits the text itself; count its sentences outside the timing.
        let per_pass: usize = read_input(&name, &bytes, InputFormat::Auto)
            .into_iter()
            .flatten()
            .map(|a| usize::from(a.title.as_deref().is_some_and(|t| !t.trim().is_empty())) + split::sentences(&a.text).len())
            .sum();
        sentences = per_pass * repeat.max(1);
    }
    // Warm-up pass: fills the coder's token cache as a long run would.
    let start = Instant::now();
    for _ in 0..repeat.max(1) {
        for mut art in read_input(&name, &bytes, InputFormat::Auto).into_iter().flatten() {
            if let Some(date) = article {
                art.date = art.date.or(date);
                events += coder.code_article(&art, codes).len();
                continue;
            }
            let ctx = SentenceContext { date: art.date, ..Default::default() };
            if let Some(t) = &art.title {
                sentences += 1;
                events += coder.code_sentence(t, &ctx).len();
            }
            for r in split::sentences(&art.text) {
                sentences += 1;
                events += coder.code_sentence(&art.text[r], &ctx).len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mib = (bytes.len() * repeat.max(1)) as f64 / (1024.0 * 1024.0);
    outln!("corpus\t{}", name);
    outln!("mode\t{}", if article.is_some() { "article" } else { "sentence" });
    outln!("dictionary\t{}", dict.map(|d| d.display().to_string()).unwrap_or_else(|| "built-in".into()));
    outln!("dictionary load+compile\t{load_ms:.1} ms");
    let cpu = gaz_cpu.map(|c| format!(", {c:.1} ms CPU")).unwrap_or_default();
    outln!("gazetteer build\t{gaz_ms:.1} ms{cpu} ({} places, {} names)", gazetteer.places, gazetteer.names);
    outln!("sentences\t{sentences}");
    outln!("events\t{events}");
    outln!("seconds\t{secs:.3}");
    outln!("sentences/s\t{:.0}", sentences as f64 / secs);
    outln!("MiB/s\t{:.2}", mib / secs);
    if let Some(kb) = peak_rss_kb() {
        outln!("peak RSS\t{:.1} MiB", kb as f64 / 1024.0);
    }
    Ok(())
}

/// CPU time of the calling thread in ns (Linux `schedstat`), which a busy machine
/// does not inflate as it does wall time.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Default corpus: the AG News test split in ../shared, when present.
pub fn default_corpus() -> PathBuf {
    PathBuf::from("../shared/corpora/ag-news-test.jsonl")
}
