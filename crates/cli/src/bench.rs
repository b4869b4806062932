//! `herald bench`: end-to-end throughput on a named corpus, one core, from raw bytes:
//! read → split → tokenize → match → code. Prints figures; asserts nothing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use herald_core::coder::{Coder, SentenceContext};
use herald_core::read::{read_input, InputFormat};
use herald_core::split;

pub fn run(corpus: &Path, dict: Option<&Path>, repeat: usize) -> Result<()> {
    let t0 = Instant::now();
    let dictionary = super::load_dictionary(dict, true)?;
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let bytes = std::fs::read(corpus).with_context(|| format!("reading {}", corpus.display()))?;
    let name = corpus.display().to_string();
    let mut coder = Coder::new(&dictionary);
    // Warm-up pass: fills the coder's token cache as a long run would.
    let (mut sentences, mut events) = (0usize, 0usize);
    let start = Instant::now();
    for _ in 0..repeat.max(1) {
        for art in read_input(&name, &bytes, InputFormat::Auto).into_iter().flatten() {
            let ctx = SentenceContext { date: art.date, default_country: None, antecedent: None };
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
    println!("corpus\t{}", name);
    println!("dictionary\t{}", dict.map(|d| d.display().to_string()).unwrap_or_else(|| "built-in".into()));
    println!("dictionary load+compile\t{load_ms:.1} ms");
    println!("sentences\t{sentences}");
    println!("events\t{events}");
    println!("seconds\t{secs:.3}");
    println!("sentences/s\t{:.0}", sentences as f64 / secs);
    println!("MiB/s\t{:.2}", mib / secs);
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS\t{:.1} MiB", kb as f64 / 1024.0);
    }
    Ok(())
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
