//! Date expressions on arbitrary text and publication dates: no panic, spans on char
//! boundaries and in order, every date valid for its precision.
#![no_main]
use herald_core::when::{date_for_verb, find_dates};
use herald_core::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&[a, b], rest)) = data.split_first_chunk::<2>() else { return };
    let Ok(s) = std::str::from_utf8(rest) else { return };
    let published = (a != 0).then(|| Date::from_days(i64::from(i16::from_le_bytes([a, b])) * 3));
    let found = find_dates(s, published);
    let mut last = 0;
    for m in &found {
        let [x, y] = m.span;
        assert!(last <= x && x < y && y <= s.len() && s.is_char_boundary(x) && s.is_char_boundary(y));
        assert!(m.date.month <= 12 && (m.date.day == 0 || m.date.month > 0));
        last = y;
    }
    // Any word boundary as a verb.
    if let Some(v) = s.find(' ') {
        let _ = date_for_verb(s, &found, [0, v], &[[0, v]]);
    }
});
