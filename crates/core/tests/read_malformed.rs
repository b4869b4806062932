//! Malformed inputs: the readers report them as errors with the input and line, keep what
//! they could read, and never panic. The files under `tests/data/read/` are the project's own.

use std::path::Path;

use herald_core::read::{read_input, Article, InputFormat, ReadError};
use herald_core::split::sentences;

const ALL: [InputFormat; 5] =
    [InputFormat::Auto, InputFormat::Text, InputFormat::Jsonl, InputFormat::PetrarchXml, InputFormat::Tabari];

fn data(name: &str) -> (String, Vec<u8>) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/read").join(name);
    (name.to_string(), std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

/// "ok ID" for articles, the error's text otherwise.
fn summary(got: &[Result<Article, ReadError>]) -> Vec<String> {
    got.iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.id),
            Err(e) => e.to_string(),
        })
        .collect()
}

/// Every article's sentences lie on char boundaries and are non-empty.
fn check_articles(got: &[Result<Article, ReadError>]) {
    for a in got.iter().flatten() {
        for r in sentences(&a.text) {
            assert!(r.start < r.end);
            assert!(a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end));
        }
    }
}

#[test]
fn empty_input() {
    let (name, bytes) = data("empty.txt");
    assert_eq!(summary(&read_input(&name, &bytes, InputFormat::Auto)), ["empty.txt: no text"]);
    assert_eq!(summary(&read_input(&name, &bytes, InputFormat::Text)), ["empty.txt: no text"]);
    assert!(read_input(&name, &bytes, InputFormat::Jsonl).is_empty());
    assert!(read_input(&name, &bytes, InputFormat::PetrarchXml).is_empty());
    assert!(read_input(&name, &bytes, InputFormat::Tabari).is_empty());
}

#[test]
fn binary_garbage() {
    let (name, bytes) = data("garbage.bin");
    for format in ALL {
        let got = read_input(&name, &bytes, format);
        check_articles(&got);
        assert!(got.iter().all(Result::is_err), "{format:?}: {:?}", summary(&got));
    }
    assert_eq!(summary(&read_input(&name, &bytes, InputFormat::Auto)), ["garbage.bin:1: not UTF-8 at byte 3"]);
}

#[test]
fn invalid_utf8_text_is_one_error() {
    let (name, bytes) = data("latin1.txt");
    assert_eq!(summary(&read_input(&name, &bytes, InputFormat::Auto)), ["latin1.txt:4: not UTF-8 at byte 101"]);
}

#[test]
fn invalid_utf8_jsonl_fails_only_its_line() {
    let (name, bytes) = data("latin1.jsonl");
    assert_eq!(
        summary(&read_input(&name, &bytes, InputFormat::Auto)),
        ["ok u-1", "latin1.jsonl:2: not UTF-8 at byte 83", "ok u-3"]
    );
}

#[test]
fn truncated_jsonl_last_line() {
    let (name, bytes) = data("truncated.jsonl");
    assert_eq!(
        summary(&read_input(&name, &bytes, InputFormat::Auto)),
        ["ok t-1", "ok t-2", "truncated.jsonl:4: truncated line: unexpected end of input at column 33"]
    );
}

#[test]
fn unbalanced_xml() {
    let (name, bytes) = data("unbalanced.xml");
    let got = read_input(&name, &bytes, InputFormat::Auto);
    check_articles(&got);
    assert_eq!(
        summary(&got),
        [
            "ok UB-1",
            "unbalanced.xml:8: unclosed <Text>: ended by <Sentence> on line 10",
            "unbalanced.xml:7: <Sentence> is not closed",
            "ok UB-2",
            "unbalanced.xml:14: unexpected </Parse>",
            "ok UB-3",
        ]
    );
    let ub2 = got[3].as_ref().unwrap();
    assert_eq!(ub2.text, "Rohan condemned the attack, which was never closed.");
}

#[test]
fn truncated_xml() {
    let (name, bytes) = data("truncated.xml");
    assert_eq!(
        summary(&read_input(&name, &bytes, InputFormat::Auto)),
        [
            "ok TR-1",
            "truncated.xml:8: unexpected end of input: <Text> is not closed",
            "truncated.xml:7: <Sentence id=\"TR-2\"> has no <Text>",
            "truncated.xml:7: unexpected end of input: <Sentence> is not closed",
        ]
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(herald_core::read::parse_validation_xml(&name, &text).is_err());
}

#[test]
fn unterminated_tabari_comment() {
    let (name, bytes) = data("unterminated.text");
    let got = read_input(&name, &bytes, InputFormat::Auto);
    assert_eq!(summary(&got), ["ok UT-01", "ok UT-02"]);
    assert_eq!(got[1].as_ref().unwrap().text, "Rohan condemned the attack.");
}

#[test]
fn ten_megabyte_single_line() {
    let sentence = "Gondor and Arnor resumed talks on Monday, U.S. officials said. ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    assert!(line.len() > 10 * 1024 * 1024);
    let got = read_input("big.txt", line.as_bytes(), InputFormat::Auto);
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.text.len(), line.trim().len());
    let n = sentences(&a.text).len();
    assert_eq!(n, line.len() / sentence.len());

    let json = format!("{{\"id\": \"big\", \"text\": \"{}\"}}\n", line.trim());
    let got = read_input("big.jsonl", json.as_bytes(), InputFormat::Auto);
    assert_eq!(got[0].as_ref().unwrap().text.len(), line.trim().len());

    let xml = format!("<Sentence id=\"big\"><Text>{line}</Text></Sentence>");
    let got = read_input("big.xml", xml.as_bytes(), InputFormat::Auto);
    assert_eq!(got[0].as_ref().unwrap().text.len(), line.trim().len());

    // No line break at all in a TABARI-looking input.
    let got = read_input("big.text", format!("950101 BIG {line}").as_bytes(), InputFormat::Tabari);
    assert_eq!(summary(&got), ["big.text:1: record BIG has no text"]);
}

#[test]
fn pseudo_random_inputs_never_panic() {
    // No proptest: an xorshift generator over pieces that matter to the readers.
    let pieces: &[&[u8]] = &[
        b"<", b">", b"</", b"/>", b"<!--", b"-->", b"<Sentence id=\"x\" date=\"20200101\">", b"</Sentence>",
        b"<Text>", b"</Text>", b"<Parse>", b"</Parse>", b"<EventCoding sourcecode='A' eventcode=\"0\"/>",
        b"&amp;", b"&#", b";", b"{", b"}", b"\"text\": \"", b"\"", b":", b",", b"\n", b"\n\n", b"\r\n", b" ",
        b"950101  ID-1", b"/*", b"*/", b"{ A / B / 010 }", b"-{---}", b"BEIRUT (Reuters) - ", b"KHARTOUM:",
        b"Gen. ", b"U.S. ", b"word", b". ", b"? ", "é".as_bytes(), "—".as_bytes(), b"\xff", b"\xe2\x80",
        b"\x00", b"#", b"'",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..4000 {
        let len = (next() % 60) as usize;
        let mut bytes = Vec::new();
        for _ in 0..len {
            bytes.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
        }
        for format in ALL {
            let got = read_input("fuzz", &bytes, format);
            check_articles(&got);
            for a in got.iter().flatten() {
                assert!(!a.id.is_empty());
            }
            for e in got.iter().filter_map(|r| r.as_ref().err()) {
                assert!(!e.message.is_empty());
            }
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = herald_core::read::parse_validation_xml("fuzz", text);
            let _ = herald_core::read::parse_tabari_records("fuzz", text);
        }
    }
}
