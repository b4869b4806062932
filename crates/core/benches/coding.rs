//! Criterion micro-benchmarks of the coding engine's stages, beside the end-to-end
//! `herald bench` command: dictionary compilation and snapshot loading, sentence coding
//! and article coding with the built-in dictionaries.
//!
//! The text is the AG News test split from `../shared/corpora/` when present (its first
//! 2,000 items), else the golden-test articles of `testdata/golden`.
//!
//!     cargo bench -p herald-core --bench coding

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use herald_core::codes::CodeTable;
use herald_core::coder::{Coder, SentenceContext};
use herald_core::dict::{load, Dictionary};
use herald_core::read::{read_input, Article, InputFormat};
use herald_core::split;

fn articles() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = root.join("../shared/corpora/ag-news-test.jsonl");
    if let Ok(bytes) = std::fs::read(&corpus) {
        return read_input("ag-news", &bytes, InputFormat::Jsonl).into_iter().flatten().take(2_000).collect();
    }
    eprintln!("coding bench: {} not found, using testdata/golden", corpus.display());
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root.join("testdata/golden")).expect("testdata/golden").flatten() {
        if let Ok(bytes) = std::fs::read(dir.path().join("input.txt")) {
            out.extend(read_input("golden", &bytes, InputFormat::Text).into_iter().flatten());
        }
    }
    out
}

/// Every article's headline and body sentences, as `code_article` codes them.
fn sentences(arts: &[Article]) -> Vec<&str> {
    arts.iter()
        .flat_map(|a| {
            let title = a.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
            title.into_iter().chain(split::sentences(&a.text).into_iter().map(move |r| &a.text[r]))
        })
        .collect()
}

fn dictionaries(c: &mut Criterion) {
    let set = load::builtin();
    let dict = Dictionary::compile(&set);
    let mut snapshot = Vec::new();
    dict.write_snapshot(&mut snapshot).expect("snapshot writes");
    let mut g = c.benchmark_group("dictionary");
    g.sample_size(10);
    g.bench_function("compile built-in", |b| b.iter(|| Dictionary::compile(&set)));
    g.bench_function("read built-in snapshot", |b| b.iter(|| Dictionary::read_snapshot(&snapshot).expect("reads")));
    g.finish();
}

fn coding(c: &mut Criterion) {
    let dict = Dictionary::compile(&load::builtin());
    let arts = articles();
    let sents = sentences(&arts);
    let mut g = c.benchmark_group("coding");
    g.throughput(Throughput::Elements(sents.len() as u64));
    g.bench_function("sentences", |b| {
        let mut coder = Coder::new(&dict);
        let ctx = SentenceContext::default();
        b.iter(|| sents.iter().map(|s| coder.code_sentence(s, &ctx).len()).sum::<usize>())
    });
    // Throughput in sentences for both, so the two compare directly.
    g.bench_function("articles", |b| {
        let mut coder = Coder::new(&dict);
        let codes = CodeTable::builtin();
        b.iter(|| arts.iter().map(|a| coder.code_article(a, codes).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, dictionaries, coding);
criterion_main!(benches);
