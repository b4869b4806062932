//! Properties over arbitrary input: nothing panics, and every offset lies on a char
//! boundary and slices to the text it reports.

use std::sync::OnceLock;

use herald_core::codes::CodeTable;
use herald_core::coder::{Coder, SentenceContext};
use herald_core::dict::{load, DictKind, Dictionary};
use herald_core::place::Gazetteer;
use herald_core::read::{read_input, Article, InputFormat};
use herald_core::{split, token, when, Date};
use proptest::prelude::*;

fn builtin() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::compile(&load::builtin()))
}

/// Text mixing news words the dictionaries know with arbitrary characters.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Iran", "Iraq's", "U.S.", "troops", "attacked", "said", "\u{201C}", "\u{201D}", "and", ",", "rebels",
        "was", "by", "not", "police", "urged", "Hamas", "talks", "with", "\u{2014}", "Gen.", "...", "é",
        "on", "Saturday", "last", "in", "January", "Jan.", "3,", "2021", "03/04/2021", "week", "ago", "after",
    ]);
    prop::collection::vec(prop_oneof![words.prop_map(String::from), any::<String>()], 0..40)
        .prop_map(|v| v.join(" "))
}

/// Text with place names, locative words and accents among arbitrary characters.
fn placey() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "in", "near", "the", "city", "of", "Baghdad", "Tripoli", "Hewlêr", "ÉRBIL", "Paris", ",", "Texas", "New",
        "York", "Iraq's", "Lebanese", "troops", "attacked", "gunmen", "and", "Ḩadīthah", "Dar", "es", "Salaam",
    ]);
    prop::collection::vec(prop_oneof![3 => words.prop_map(String::from), 1 => any::<String>()], 0..30)
        .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tokens_slice_on_char_boundaries(s in any::<String>()) {
        for t in token::tokenize(&s) {
            prop_assert!(t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }

    #[test]
    fn sentences_are_non_empty_ranges(s in newsy()) {
        for r in split::sentences(&s) {
            prop_assert!(r.start < r.end && s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            prop_assert!(!s[r].trim().is_empty());
        }
    }

    #[test]
    fn event_offsets_slice_to_their_words(s in newsy()) {
        let mut coder = Coder::new(builtin());
        let ctx = SentenceContext::default();
        for e in coder.code_sentence(&s, &ctx) {
            for [a, b] in [e.source_span, e.target_span, Some(e.verb_span)].into_iter().flatten() {
                prop_assert!(a < b && b <= s.len());
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }

    #[test]
    fn date_spans_slice_on_char_boundaries(s in newsy(), days in -30000i64..30000) {
        for published in [None, Some(Date::from_days(days))] {
            for m in when::find_dates(&s, published) {
                let [a, b] = m.span;
                prop_assert!(a < b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }

    #[test]
    fn place_offsets_slice_to_their_words(s in placey()) {
        for m in Gazetteer::builtin().find(&s) {
            let [a, b] = m.span;
            prop_assert!(a < b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
        }
        let art = Article { id: "p".into(), text: s.clone(), dateline: Some("BEIRUT".into()), ..Default::default() };
        let mut coder = Coder::new(builtin());
        for e in coder.code_article(&art, CodeTable::builtin()) {
            prop_assert!(e.location.is_some());
            if let Some([a, b]) = e.offsets.place {
                prop_assert!(a < b && b <= e.text.len());
                prop_assert!(e.text.is_char_boundary(a) && e.text.is_char_boundary(b));
            }
        }
    }

    #[test]
    fn article_date_offsets_slice_to_date_text(title in newsy(), text in newsy()) {
        let mut coder = Coder::new(builtin());
        let art = Article { id: "p".into(), title: Some(title), text, date: Date::parse("2020-10-18"), ..Article::default() };
        for e in coder.code_article(&art, CodeTable::builtin()) {
            let got = e.offsets.date.map(|[a, b]| &e.text[a..b]);
            prop_assert_eq!(got, e.date_text.as_deref());
            prop_assert!(e.mentions >= 1 && e.sentences.len() <= e.mentions && e.sentences[0] == e.sentence);
            prop_assert!(e.sentences.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), f in 0usize..5) {
        let format = [InputFormat::Auto, InputFormat::Text, InputFormat::Jsonl, InputFormat::PetrarchXml, InputFormat::Tabari][f];
        let _ = read_input("prop", &bytes, format);
    }

    #[test]
    fn dictionary_parsers_never_panic(s in newsy(), k in 0usize..5, tabari in any::<bool>()) {
        let kind = [DictKind::Actors, DictKind::Agents, DictKind::Verbs, DictKind::Discards, DictKind::Issues][k];
        let flavor = if tabari { load::Flavor::Tabari } else { load::Flavor::Petrarch };
        let set = load::parse_text(&s, "prop", kind, flavor);
        let _ = Dictionary::compile(&set);
    }
}
