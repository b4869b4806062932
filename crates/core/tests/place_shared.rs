//! Datelines of the AG News test split in `../shared/corpora/` (never copied into the
//! repository; skipped with a message when absent): where a dateline names its country
//! (`NAJAF, Iraq - `), the gazetteer must put the dateline in that country.

use std::path::Path;

use herald_core::place::{Gazetteer, PlaceKind};
use herald_core::read::{read_input, InputFormat};

#[test]
fn ag_news_dateline_countries() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/ag-news-test.jsonl");
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipping: {} not found", path.display());
        return;
    };
    let g = Gazetteer::builtin();
    let (mut total, mut right, mut city_right) = (0usize, 0usize, 0usize);
    let (mut datelines, mut geocoded) = (0usize, 0usize);
    let mut wrong = Vec::new();
    for art in read_input("ag-news-test.jsonl", &bytes, InputFormat::Jsonl).into_iter().flatten() {
        let Some(dateline) = art.dateline.as_deref() else { continue };
        datelines += 1;
        geocoded += g.dateline(dateline).is_some() as usize;
        let mut parts = dateline.split(',').map(str::trim);
        let city = parts.next().unwrap_or("");
        // The country the dateline names, as its last part that is a country's name.
        let named = parts
            .filter_map(|p| g.lookup(p).into_iter().map(|id| g.place(id)).find(|pl| pl.kind == PlaceKind::Country))
            .last();
        let Some(named) = named else { continue };
        total += 1;
        let got = g.dateline(dateline).map(|d| d.country().to_string());
        if got.as_deref() == Some(named.country()) {
            right += 1;
        } else {
            wrong.push(format!("{dateline}: {got:?}, want {}", named.country()));
        }
        // The city part alone, resolved without the country: how often the gazetteer's
        // own choice agrees (reported, with a lower floor).
        if g.dateline(city).is_some_and(|d| d.country() == named.country()) {
            city_right += 1;
        }
    }
    println!("datelines: {datelines}, geocoded: {geocoded}");
    println!("datelines naming a country: {total}; resolved to it: {right}; city part alone: {city_right}");
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(total >= 150, "only {total} datelines with a country");
    assert!(geocoded * 100 >= datelines * 90, "{geocoded} of {datelines} datelines geocoded");
    assert!(right * 100 >= total * 99, "{right} of {total} dateline countries right");
    assert!(city_right * 100 >= total * 80, "{city_right} of {total} city parts alone right");
}
