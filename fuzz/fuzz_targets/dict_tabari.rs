//! TABARI dictionary parsers of every kind, then compilation.
#![no_main]
use herald_core::dict::{load, DictKind, Dictionary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = load::decode(data);
    for k in [DictKind::Actors, DictKind::Agents, DictKind::Verbs, DictKind::Discards, DictKind::Issues] {
        let set = load::parse_text(&text, "fuzz", k, load::Flavor::Tabari);
        let _ = Dictionary::compile(&set);
    }
});
