//! The coder with the built-in dictionaries on arbitrary text: no panic, offsets in range.
#![no_main]
use std::sync::OnceLock;

use herald_core::coder::{Coder, SentenceContext};
use herald_core::dict::{load, Dictionary};
use libfuzzer_sys::fuzz_target;

fn dict() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::compile(&load::builtin()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let mut coder = Coder::new(dict());
    for e in coder.code_sentence(s, &SentenceContext::default()) {
        for [a, b] in [e.source_span, e.target_span, Some(e.verb_span)].into_iter().flatten() {
            assert!(a < b && s.is_char_boundary(a) && s.is_char_boundary(b));
        }
    }
});
