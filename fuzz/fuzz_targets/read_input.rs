//! Every input reader (text, JSONL, PETRARCH XML, TABARI records) on arbitrary bytes.
#![no_main]
use herald_core::read::{read_input, InputFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for f in [InputFormat::Auto, InputFormat::Text, InputFormat::Jsonl, InputFormat::PetrarchXml, InputFormat::Tabari] {
        let _ = read_input("fuzz", data, f);
    }
});
