//! Validation-suite readers: PETRARCH XML records (and their parses' words) and TABARI
//! text records.
#![no_main]
use herald_core::read::{ptb, tabari, xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let _ = xml::parse_validation_xml("fuzz", s);
    let _ = ptb::text(s);
    let _ = ptb::same_words(s, s);
    let _ = tabari::parse_tabari_records("fuzz", s);
});
