//! Validation-suite readers: PETRARCH XML records and TABARI text records.
#![no_main]
use herald_core::read::{tabari, xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let _ = xml::parse_validation_xml("fuzz", s);
    let _ = tabari::parse_tabari_records("fuzz", s);
});
