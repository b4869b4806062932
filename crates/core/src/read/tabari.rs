//! TABARI text records, as coding input and as validation suites.
//!
//! A record is a header line `YYMMDD ID [more]` (`950101  DEMO-01`,
//! `920102  FBIS-004-001  CEP20020711000015`), then text lines up to a blank line.
//! Comments `/* … */` may sit anywhere in the record and span lines; they are not part of
//! the text. A blank line ends the record even inside a comment that was never closed, as
//! in TABARI (its validation file has two such records, `COMPOUND-06` and `DEFAULT-06b`,
//! and the options of the record after the second one are in effect for the records
//! that follow). Outside records, lines starting with `#` are comments, and so are
//! `/* … */` blocks.
//!
//! In validation files the comment lists what the record should code, one `{…}` per
//! expectation (text outside the braces is ignored):
//!
//! - `{ ARN / GON / 064 }`, optionally followed by the event date: `{ DAG / GON / 032 } 950103`;
//! - `{---}` no events, `{###}` the sentence is discarded, `{+++}` complexity/overflow;
//! - `-{ … }` stops checking (the listed events are incomplete);
//! - `{ OPTION: SET: TIME SHIFT = FALSE }` changes an `.options` setting from this record on.
//!
//! A record without any of these ends a TABARI validation run (`FINAL-01`).

use super::{Article, ExpectedEvent, ReadError};
use crate::date::{Date, Precision};

/// One TABARI record with its validation expectations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TabariRecord {
    pub date: Option<Date>,
    pub id: String,
    /// The record's text lines without comments, joined with `\n`.
    pub text: String,
    /// `{ SRC / TGT / CODE }` in order.
    pub expected: Vec<ExpectedEvent>,
    /// The date after each expectation's `}` (`{ DAG / GON / 032 } 950103`), parallel to
    /// `expected`.
    pub expected_dates: Vec<Option<Date>>,
    /// Special codes in order: `---`, `###`, `+++` (inner spaces removed), option lines
    /// (`OPTION: SET: TIME SHIFT = FALSE`, spaces collapsed), and any other non-empty
    /// braces as written (`{…}`).
    pub markers: Vec<String>,
    /// The contents of `-{…}`, spaces collapsed (`ARN / GON / 064`, `---`): expectations
    /// switched off, which also tell the validator not to check further events.
    pub disabled: Vec<String>,
    /// 1-based line of the header.
    pub line: u32,
    /// What follows the id on the header line (an FBIS document id, a sentence number).
    pub extra: Option<String>,
}

impl TabariRecord {
    /// `{---}`: the record should code no events.
    pub fn expects_no_events(&self) -> bool {
        self.markers.iter().any(|m| m == "---")
    }

    /// `{###}`: the sentence should be discarded.
    pub fn expects_discard(&self) -> bool {
        self.markers.iter().any(|m| m == "###")
    }

    /// `{+++}`: a complex sentence or an overflow.
    pub fn expects_complex(&self) -> bool {
        self.markers.iter().any(|m| m == "+++")
    }

    /// `-{…}`: events beyond the listed ones are not checked.
    pub fn stops_checking(&self) -> bool {
        !self.disabled.is_empty()
    }

    /// The `.options` command lines of `{ OPTION: … }` (without `OPTION:`).
    pub fn options(&self) -> impl Iterator<Item = &str> {
        self.markers.iter().filter_map(|m| m.strip_prefix("OPTION:").map(str::trim))
    }

    /// Has any expectation or special code; TABARI stops validating at a record without.
    pub fn has_validation(&self) -> bool {
        !self.expected.is_empty() || !self.markers.is_empty() || !self.disabled.is_empty()
    }
}

/// Reads the records of a TABARI text file as articles (expectations are dropped).
pub fn read_tabari(input: &str, text: &str) -> Vec<Result<Article, ReadError>> {
    parse_tabari_records(input, text)
        .into_iter()
        .map(|r| {
            let r = r?;
            if r.text.is_empty() {
                return Err(ReadError {
                    input: input.to_string(),
                    line: r.line,
                    message: format!("record {} has no text", r.id),
                });
            }
            Ok(Article { id: r.id, text: r.text, date: r.date, line: r.line, ..Article::default() })
        })
        .collect()
}

/// Parses every record of a TABARI text file.
pub fn parse_tabari_records(input: &str, text: &str) -> Vec<Result<TabariRecord, ReadError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut cur: Option<Builder> = None;
    let mut skipping = false;
    let mut outside_comment: Option<u32> = None;
    let err = |line: u32, message: String| ReadError { input: input.to_string(), line, message };
    for (idx, raw) in text.split('\n').enumerate() {
        let line_no = idx as u32 + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(b) = cur.as_mut() {
            if line.trim().is_empty() {
                if let Some(b) = cur.take() {
                    out.push(Ok(b.finish()));
                }
            } else {
                b.feed(line);
            }
            continue;
        }
        let t = line.trim();
        if outside_comment.is_some() {
            if t.contains("*/") {
                outside_comment = None;
            }
            continue;
        }
        if skipping {
            skipping = !t.is_empty();
            continue;
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(after) = t.strip_prefix("/*") {
            if !after.contains("*/") {
                outside_comment = Some(line_no);
            }
            continue;
        }
        match parse_header(line) {
            Some(Ok((date, id, extra))) => {
                cur = Some(Builder {
                    rec: TabariRecord { date: Some(date), id, extra, line: line_no, ..TabariRecord::default() },
                    ..Builder::default()
                });
            }
            Some(Err(message)) => {
                out.push(Err(err(line_no, message)));
                skipping = true;
            }
            None => {
                out.push(Err(err(line_no, "expected a record header `YYMMDD ID`".to_string())));
                skipping = true;
            }
        }
    }
    if let Some(b) = cur {
        out.push(Ok(b.finish()));
    }
    if let Some(line) = outside_comment {
        out.push(Err(err(line, "unterminated /* comment".to_string())));
    }
    out
}

/// A record header: date, id, the rest of the line.
type Header = (Date, String, Option<String>);

/// `YYMMDD ID [extra]` (or `YYYYMMDD`, TABARI's `SET: YYYY = TRUE`): `None` when the
/// line is no header at all, `Err` when its date is bad (`9501201  ACTORSYN-01`,
/// `186010029 YYYY-03`).
fn parse_header(line: &str) -> Option<Result<Header, String>> {
    let b = line.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n < 6 || !matches!(b.get(n), Some(c) if !c.is_ascii_alphanumeric()) {
        return None;
    }
    let rest = line[n..].trim().trim_start_matches('*');
    let mut parts = rest.splitn(2, char::is_whitespace);
    let id = parts.next().filter(|id| !id.is_empty())?;
    let extra = parts.next().map(str::trim).filter(|e| !e.is_empty()).map(str::to_string);
    let date = match n {
        6 | 8 => Date::parse(&line[..n]).filter(|d| d.precision() == Precision::Day),
        _ => None,
    };
    Some(match date {
        Some(d) => Ok((d, id.to_string(), extra)),
        None => Err(format!("record {id}: bad date {:?}", &line[..n])),
    })
}


/// Does `line` look like a TABARI header, for format detection? Stricter than the parser:
/// a valid date, an id, and at most two more words (so `120315 protesters marched in …`
/// stays text).
pub(crate) fn looks_like_header(line: &str) -> bool {
    matches!(parse_header(line), Some(Ok((_, _, extra))) if extra.as_deref().map_or(0, |e| e.split_whitespace().count()) <= 2)
}

#[derive(Default)]
struct Builder {
    rec: TabariRecord,
    lines: Vec<String>,
    comment: String,
    in_comment: bool,
    seen_comment: bool,
}

impl Builder {
    /// Splits a line into text and comment parts.
    fn feed(&mut self, line: &str) {
        let mut rest = line;
        let mut text = String::new();
        loop {
            if self.in_comment {
                match rest.find("*/") {
                    Some(i) => {
                        self.comment.push_str(&rest[..i]);
                        self.comment.push('\n');
                        rest = &rest[i + 2..];
                        self.in_comment = false;
                    }
                    None => {
                        self.comment.push_str(rest);
                        self.comment.push('\n');
                        break;
                    }
                }
            } else {
                match rest.find("/*") {
                    Some(i) => {
                        text.push_str(&rest[..i]);
                        rest = &rest[i + 2..];
                        self.in_comment = true;
                        self.seen_comment = true;
                    }
                    None => {
                        text.push_str(rest);
                        break;
                    }
                }
            }
        }
        // After a comment, TABARI validation records sometimes list more expectations
        // on lines of their own (`\n{ GON / FOR / 044 }` after a `*/`): those belong to
        // the comment, not the text.
        let t = text.trim();
        if self.seen_comment && (t.starts_with("\\n") || t.starts_with('{') || t.starts_with("-{")) {
            self.comment.push_str(t);
            self.comment.push('\n');
            return;
        }
        if !t.is_empty() {
            self.lines.push(text.trim_end().to_string());
        }
    }

    fn finish(mut self) -> TabariRecord {
        self.rec.text = self.lines.join("\n").trim().to_string();
        parse_expectations(&self.comment, &mut self.rec);
        self.rec
    }
}

/// Reads the `{…}` expectations of a record's comment text.
fn parse_expectations(comment: &str, rec: &mut TabariRecord) {
    for line in comment.lines() {
        let mut i = 0;
        while let Some(off) = line[i..].find('{') {
            let open = i + off;
            // Unclosed braces run to the end of the line (`{ OPTION: SET: X = 4  */`).
            let close = line[open + 1..].find('}').map_or(line.len(), |c| open + 1 + c);
            let inner = line[open + 1..close].trim();
            let after = line.get(close + 1..).unwrap_or("").trim();
            i = (close + 1).min(line.len());
            if inner.is_empty() {
                continue;
            }
            let disabled = line[..open].trim_end().ends_with('-');
            let spaced = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            let compact: String = inner.split_whitespace().collect();
            if disabled {
                rec.disabled.push(spaced);
            } else if matches!(compact.as_str(), "---" | "###" | "+++") {
                rec.markers.push(compact);
            } else if spaced.len() >= 6 && spaced[..6].eq_ignore_ascii_case("OPTION") {
                rec.markers.push(spaced);
            } else if let [s, t, c] = inner.split('/').map(str::trim).collect::<Vec<_>>()[..] {
                rec.expected.push(ExpectedEvent { source: s.to_string(), target: t.to_string(), code: c.to_string() });
                let date = after.split_whitespace().next().filter(|w| w.len() == 6).and_then(Date::parse);
                rec.expected_dates.push(date);
            } else {
                rec.markers.push(format!("{{{spaced}}}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
#####################
#  A banner
#####################

000101  START-00
Validation suite opening record.
/*\\n-----------------
\\n[Comment with {} and text]
\\n{+++}  */

950103  DEMO-04
Dagolath's deputy left for
Minas Tirith on Wednesday.
/*\\n--------
\\n[Paired events]
\\n{ DAG / GON / 032 } 950103
\\n{ GON / DAG / 033 }   */

950101  DEMO-05
Text before /* an inline comment */ and after.
/*
a comment over lines
\\n-{ARN / GON / 064  }
\\n{ ~HOB /  GON / 174K }
*/
Text after the comment.

970102 OPT-01
Options record.
/*\\n{ OPTION:  SET: MINIMUM WORDS = 4  */

920102  FBIS-004-001  CEP20020711000015
Gollum arrived. /* \\nNo events {---} \\n{###} \\n-{---} \\n{ what is this } */

950101*INTRO
Final record without expectations.
";

    #[test]
    fn records_and_expectations() {
        let recs: Vec<TabariRecord> = parse_tabari_records("v.text", SAMPLE).into_iter().map(Result::unwrap).collect();
        let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["START-00", "DEMO-04", "DEMO-05", "OPT-01", "FBIS-004-001", "INTRO"]);

        let r = &recs[0];
        assert_eq!((r.date, r.line, r.text.as_str()), (Date::parse("000101"), 5, "Validation suite opening record."));
        assert!(r.expects_complex() && r.expected.is_empty() && r.has_validation());

        let r = &recs[1];
        assert_eq!(r.text, "Dagolath's deputy left for\nMinas Tirith on Wednesday.");
        assert_eq!(
            r.expected,
            [
                ExpectedEvent { source: "DAG".into(), target: "GON".into(), code: "032".into() },
                ExpectedEvent { source: "GON".into(), target: "DAG".into(), code: "033".into() },
            ]
        );
        assert_eq!(r.expected_dates, [Some(Date::ymd(1995, 1, 3)), None]);

        let r = &recs[2];
        assert_eq!(r.text, "Text before  and after.\nText after the comment.");
        assert!(r.markers.is_empty());
        assert_eq!(r.disabled, ["ARN / GON / 064"]);
        assert!(r.stops_checking());
        assert_eq!(r.expected, [ExpectedEvent { source: "~HOB".into(), target: "GON".into(), code: "174K".into() }]);

        let r = &recs[3];
        assert_eq!(r.options().collect::<Vec<_>>(), ["SET: MINIMUM WORDS = 4"]);

        let r = &recs[4];
        assert_eq!(r.extra.as_deref(), Some("CEP20020711000015"));
        assert_eq!(r.markers, ["---", "###", "{what is this}"]);
        assert_eq!(r.disabled, ["---"]);
        assert!(r.expects_no_events() && r.expects_discard());
        assert_eq!(r.text, "Gollum arrived.");

        let r = &recs[5];
        assert!(!r.has_validation());
        assert_eq!(r.line, 35);
    }

    #[test]
    fn expectations_after_the_comment() {
        let text = "950104  P-26\nFornost and Gondor met.\n/*\\n[x]\n\\n{ FOR / GON / 044 }  */\n\\n{ GON / FOR / 045 }  */\nMore text.\n";
        let r = parse_tabari_records("t", text).remove(0).unwrap();
        assert_eq!(r.expected.len(), 2);
        assert_eq!(r.text, "Fornost and Gondor met.\nMore text.");
    }

    #[test]
    fn malformed() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("\n\n# only comments\n", &[]),
            ("950101 A\nText /* never closed\n\n950102 B\nMore.", &["ok A Text", "ok B More."]),
            ("stray text\nmore\n\n950101 A\nOne.", &["t:1: expected a record header `YYMMDD ID`", "ok A One."]),
            ("951301 A\nBad month.\n\n950101 B\nOk.", &["t:1: record A: bad date \"951301\"", "ok B Ok."]),
            ("9501201  A\nSeven digits.\n\n19140724 B\nOk.", &["t:1: record A: bad date \"9501201\"", "ok B Ok."]),
            ("950101 A\n\n950101 B\r\nWindows.\r\n", &["t:1: record A has no text", "ok B Windows."]),
            ("/* a file comment\nover lines */\n950101 A\nOne.", &["ok A One."]),
            ("/* unclosed file comment\n950101 A\nOne.", &["t:1: unterminated /* comment"]),
        ];
        for (input, want) in cases {
            let got: Vec<String> = read_tabari("t", input)
                .into_iter()
                .map(|r| match r {
                    Ok(a) => format!("ok {} {}", a.id, a.text),
                    Err(e) => e.to_string(),
                })
                .collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }

    #[test]
    fn header_detection() {
        for (line, want) in [
            ("950101  DEMO-01", true),
            ("920102  FBIS-004-001  CEP20020711000015", true),
            ("061118 00589742 004", true),
            ("950101*INTRO", true),
            ("120315 protesters marched in the capital on Monday", false),
            ("200000 people marched", false),
            ("000000 X", false),
            ("9501201  ACTORSYN-01", false),
            ("20150607 YYYY-01", true),
            ("123456789 people", false),
            ("950101", false),
        ] {
            assert_eq!(looks_like_header(line), want, "{line}");
        }
    }
}
