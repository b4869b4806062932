//! JSON Lines corpora: one article per line.
//!
//! Fields: `id`, `title`, `text`, `date`, `url`, `source`, with the aliases `maintext`,
//! `body`, `content` (text), `headline` (title), `date_publish`, `published`,
//! `publish_date` (date); the first present, non-null name wins. Other fields are
//! ignored. A line without an id gets `<input>:<line>`. Blank lines are skipped; a bad
//! line (not UTF-8, invalid or truncated JSON, no text, a date that does not parse)
//! becomes a [`ReadError`] with its line number and the next lines are still read.

use serde_json::{Map, Value};

use super::{text::{decode_entities, strip_dateline}, Article, ReadError};
use crate::date::Date;

const TEXT: &[&str] = &["text", "maintext", "body", "content"];
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &["date", "date_publish", "published", "publish_date"];

/// Reads every line of a JSON Lines input.
pub fn read_jsonl(input: &str, bytes: &[u8]) -> Vec<Result<Article, ReadError>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_no: u32 = 0;
    while start < bytes.len() {
        line_no += 1;
        let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let last_unterminated = next == bytes.len() && end == bytes.len();
        let mut raw = &bytes[start..end];
        let mut offset = start;
        if line_no == 1 && raw.starts_with(b"\xEF\xBB\xBF") {
            raw = &raw[3..];
            offset += 3;
        }
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        start = next;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let err = |message: String| ReadError { input: input.to_string(), line: line_no, message };
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l,
            Err(e) => {
                out.push(Err(err(format!("not UTF-8 at byte {}", offset + e.valid_up_to()))));
                continue;
            }
        };
        out.push(parse_line(input, line, line_no, last_unterminated).map_err(err));
    }
    out
}

/// Parses one non-blank line into an article.
pub fn parse_line(input: &str, line: &str, line_no: u32, last: bool) -> Result<Article, String> {
    let obj: Map<String, Value> = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(m)) => m,
        Ok(other) => return Err(format!("expected a JSON object, found {}", kind(&other))),
        Err(e) if e.is_eof() => {
            let what = if last { "truncated line" } else { "incomplete JSON" };
            return Err(format!("{what}: unexpected end of input at column {}", e.column()));
        }
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg);
            return Err(format!("invalid JSON at column {}: {msg}", e.column()));
        }
    };
    let Some((text_key, text)) = string_field(&obj, TEXT)? else {
        return Err("no text (expected one of `text`, `maintext`, `body`, `content`)".to_string());
    };
    let title = string_field(&obj, TITLE)?.map(|(_, t)| t.trim().to_string()).filter(|t| !t.is_empty());
    if text.trim().is_empty() && title.is_none() {
        return Err(format!("`{text_key}` is empty"));
    }
    let id = match first(&obj, &["id"]) {
        Some((_, Value::String(s))) if !s.is_empty() => s.clone(),
        Some((_, Value::Number(n))) => n.to_string(),
        Some((_, Value::String(_))) | None => format!("{input}:{line_no}"),
        Some((_, v)) => return Err(format!("`id` is {}, expected a string or number", kind(v))),
    };
    let date = match first(&obj, DATE) {
        None => None,
        Some((key, v)) => {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                v => return Err(format!("`{key}` is {}, expected a string", kind(v))),
            };
            if s.trim().is_empty() {
                None
            } else {
                Some(parse_date(&s).ok_or_else(|| format!("`{key}`: unrecognised date {s:?}"))?)
            }
        }
    };
    let mut article = Article {
        id,
        title,
        text: text.trim().to_string(),
        date,
        url: string_field(&obj, &["url"]).ok().flatten().map(|(_, s)| s),
        source: string_field(&obj, &["source"]).ok().flatten().map(|(_, s)| s),
        dateline: None,
        line: line_no,
    };
    decode_entities(&mut article);
    strip_dateline(&mut article);
    Ok(article)
}

/// The first of `names` present with a non-null value.
fn first<'a>(obj: &'a Map<String, Value>, names: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    names.iter().find_map(|&k| obj.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
}

fn string_field(obj: &Map<String, Value>, names: &[&'static str]) -> Result<Option<(&'static str, String)>, String> {
    match first(obj, names) {
        None => Ok(None),
        Some((k, Value::String(s))) => Ok(Some((k, s.clone()))),
        Some((k, v)) => Err(format!("`{k}` is {}, expected a string", kind(v))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// [`Date::parse`] forms, plus the ones feeds use: `18 Oct 2020`, `Oct 18, 2020`,
/// `Sun, 18 Oct 2020 10:00:00 GMT`, `2020/10/18`.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    if let Some(d) = Date::parse(s) {
        return Some(d);
    }
    let words: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    for win in words.windows(3) {
        let (a, b, c) = (win[0], win[1], win[2]);
        let year = |y: &str| y.parse::<i32>().ok().filter(|_| y.len() == 4);
        let day = |d: &str| d.parse::<u8>().ok().filter(|d| (1..=31).contains(d));
        let found = match (day(a), month(b), year(c), month(a), day(b)) {
            (Some(d), Some(m), Some(y), _, _) => Some((y, m, d)),
            (_, _, Some(y), Some(m), Some(d)) => Some((y, m, d)),
            _ => None,
        };
        if let Some((y, m, d)) = found {
            return Date::parse(&format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

fn month(w: &str) -> Option<u8> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = NAMES.iter().position(|m| w.starts_with(m))?;
    Some(i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<Result<Article, ReadError>> {
        read_jsonl("in.jsonl", s.as_bytes())
    }

    #[test]
    fn fields_and_aliases() {
        let got = read(concat!(
            r#"{"id": "a1", "title": "T", "text": "Body.", "date": "2020-10-18", "url": "http://x", "source": "S"}"#,
            "\n\n",
            r#"{"maintext": "M.", "headline": "H", "date_publish": "2020-10-18 10:00:00"}"#,
            "\r\n",
            r#"{"id": 7, "body": "B.", "published": "Sun, 18 Oct 2020 10:00:00 GMT"}"#,
            "\n",
            r#"{"content": "C.", "publish_date": 20201018, "title": null, "extra": [1, 2]}"#,
        ));
        let a: Vec<Article> = got.into_iter().map(Result::unwrap).collect();
        let d = Some(Date::ymd(2020, 10, 18));
        assert_eq!(
            a[0],
            Article {
                id: "a1".into(),
                title: Some("T".into()),
                text: "Body.".into(),
                date: d,
                url: Some("http://x".into()),
                source: Some("S".into()),
                dateline: None,
                line: 1,
            }
        );
        assert_eq!((a[1].id.as_str(), a[1].title.as_deref(), a[1].text.as_str(), a[1].date), ("in.jsonl:3", Some("H"), "M.", d));
        assert_eq!((a[2].id.as_str(), a[2].text.as_str(), a[2].date, a[2].line), ("7", "B.", d, 4));
        assert_eq!((a[3].text.as_str(), a[3].title.as_deref(), a[3].date), ("C.", None, d));
    }

    #[test]
    fn dateline_is_removed() {
        let a = read(r#"{"text": "NAJAF, Iraq - Militants fought on."}"#).remove(0).unwrap();
        assert_eq!(a.dateline.as_deref(), Some("NAJAF, Iraq"));
        assert_eq!(a.text, "Militants fought on.");
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let input = concat!(
            "{\"text\": \"one\"}\n",
            "not json\n",
            "{\"title\": \"no text\"}\n",
            "[1, 2]\n",
            "{\"text\": 5}\n",
            "{\"text\": \"x\", \"date\": \"someday\"}\n",
            "{\"text\": \"  \"}\n",
            "{\"text\": \"unclosed\"\n",
            "{\"text\": \"two\"}\n",
            "{\"text\": \"trunc",
        );
        let got = read(input);
        let msgs: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(a) => format!("ok {}", a.text),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(
            msgs,
            [
                "ok one",
                "in.jsonl:2: invalid JSON at column 2: expected ident",
                "in.jsonl:3: no text (expected one of `text`, `maintext`, `body`, `content`)",
                "in.jsonl:4: expected a JSON object, found an array",
                "in.jsonl:5: `text` is a number, expected a string",
                "in.jsonl:6: `date`: unrecognised date \"someday\"",
                "in.jsonl:7: `text` is empty",
                "in.jsonl:8: incomplete JSON: unexpected end of input at column 19",
                "ok two",
                "in.jsonl:10: truncated line: unexpected end of input at column 15",
            ]
        );
    }

    #[test]
    fn invalid_utf8_fails_only_its_line() {
        let mut bytes = b"{\"text\": \"a\"}\n{\"text\": \"b".to_vec();
        bytes.extend_from_slice(b"\xff\xfe\"}\n{\"text\": \"c\"}\n");
        let got = read_jsonl("in.jsonl", &bytes);
        assert_eq!(got.len(), 3);
        assert!(got[0].is_ok() && got[2].is_ok());
        assert_eq!(got[1].as_ref().unwrap_err().to_string(), "in.jsonl:2: not UTF-8 at byte 25");
    }

    #[test]
    fn empty_and_blank() {
        assert!(read("").is_empty());
        assert!(read("\n \n\t\r\n").is_empty());
    }

    #[test]
    fn feed_dates() {
        for (s, want) in [
            ("18 Oct 2020", Some(Date::ymd(2020, 10, 18))),
            ("October 18, 2020", Some(Date::ymd(2020, 10, 18))),
            ("Sun, 18 Oct 2020 10:00:00 +0000", Some(Date::ymd(2020, 10, 18))),
            ("2020/10/18", Some(Date::ymd(2020, 10, 18))),
            ("31 Feb 2020", None),
            ("soon", None),
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
    }
}
