//! Writers for coded events: JSON Lines, CSV/TSV, Phoenix columns, PLOVER JSON.
//!
//! All formats are deterministic: columns and keys come in a fixed order and a
//! [`Writer`] keeps no hash-ordered state. Events should have had
//! [`crate::codes::CodeTable::fill`] applied; the writers print what the event holds.

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use serde::Serialize;

use crate::date::{Date, Precision};
use crate::event::{Event, Location, Span};

/// `--format jsonl|csv|tsv|phoenix|plover`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// One JSON object per event (SPEC §1 keys, in order).
    #[default]
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Tab-separated with a header row; tabs and line breaks in fields become spaces.
    Tsv,
    /// Phoenix-pipeline-style tab-separated columns with a header row.
    Phoenix,
    /// PLOVER-style JSON Lines (events without a PLOVER equivalent are skipped).
    Plover,
}

impl OutputFormat {
    pub const ALL: [OutputFormat; 5] = [
        OutputFormat::Jsonl,
        OutputFormat::Csv,
        OutputFormat::Tsv,
        OutputFormat::Phoenix,
        OutputFormat::Plover,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Csv => "csv",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Phoenix => "phoenix",
            OutputFormat::Plover => "plover",
        }
    }

    /// The header row's column names, for the formats that have one.
    pub fn columns(self) -> Option<&'static [&'static str]> {
        match self {
            OutputFormat::Csv | OutputFormat::Tsv => Some(&TABLE_COLUMNS),
            OutputFormat::Phoenix => Some(&PHOENIX_COLUMNS),
            OutputFormat::Jsonl | OutputFormat::Plover => None,
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for OutputFormat {
    type Err = String;

    /// Case-insensitive; `ndjson` is accepted for `jsonl`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" => Ok(OutputFormat::Jsonl),
            "csv" => Ok(OutputFormat::Csv),
            "tsv" => Ok(OutputFormat::Tsv),
            "phoenix" => Ok(OutputFormat::Phoenix),
            "plover" => Ok(OutputFormat::Plover),
            _ => Err(format!(
                "unknown output format {s:?} (expected jsonl, csv, tsv, phoenix or plover)"
            )),
        }
    }
}

/// CSV/TSV columns: the SPEC §1 keys in order, with `plover`, `offsets` and `location`
/// flattened, then the extra fields (`issues` and `sentences` `;`-joined).
pub const TABLE_COLUMNS: [&str; 35] = [
    "doc_id",
    "sentence",
    "date",
    "source",
    "target",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "source_text",
    "target_text",
    "verb_text",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "verb_start",
    "verb_end",
    "text",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "quote",
    "speaker",
    "pattern",
    "issues",
    "date_precision",
    "date_text",
    "date_start",
    "date_end",
    "mentions",
    "sentences",
];

/// Phoenix-pipeline columns (its `postprocess.py` layout, with a header row).
pub const PHOENIX_COLUMNS: [&str; 26] = [
    "id",
    "date",
    "year",
    "month",
    "day",
    "source",
    "source_root",
    "source_agent",
    "source_others",
    "target",
    "target_root",
    "target_agent",
    "target_others",
    "code",
    "root_code",
    "quad_class",
    "goldstein",
    "joined_issues",
    "lat",
    "lon",
    "location_name",
    "country_code",
    "admin1",
    "ids",
    "urls",
    "source_text",
];

/// Writes events in one [`OutputFormat`]. Each event is formatted into an internal
/// buffer and handed to `W` with one `write_all`; wrap slow sinks in a `BufWriter`.
pub struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    buf: Vec<u8>,
    header_written: bool,
    /// Events passed to [`Writer::write`].
    seen: u64,
    /// Records actually written (PLOVER skips some).
    written: u64,
    /// (doc_id, sentence) of the previous event and how many events it has had, for
    /// the PLOVER ids `doc-sentence-k`.
    last_sentence: Option<(String, usize)>,
    in_sentence: usize,
}

impl<W: Write> Writer<W> {
    pub fn new(w: W, format: OutputFormat) -> Self {
        Writer {
            out: w,
            format,
            buf: Vec::with_capacity(1024),
            header_written: false,
            seen: 0,
            written: 0,
            last_sentence: None,
            in_sentence: 0,
        }
    }

    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// Number of records written so far (header rows not counted).
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Writes one event (and, before the first, the header row of csv/tsv/phoenix).
    pub fn write(&mut self, e: &Event) -> io::Result<()> {
        self.buf.clear();
        self.push_header_once();
        // Position of this event among the consecutive events of its sentence.
        let same = self
            .last_sentence
            .as_ref()
            .is_some_and(|(d, s)| *d == e.doc_id && *s == e.sentence);
        if same {
            self.in_sentence += 1;
        } else {
            self.last_sentence = Some((e.doc_id.clone(), e.sentence));
            self.in_sentence = 0;
        }
        self.seen += 1;
        let wrote = match self.format {
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut self.buf, e)?;
                self.buf.push(b'\n');
                true
            }
            OutputFormat::Csv => {
                table_row(Row::new(&mut self.buf, Sep::Csv), e);
                true
            }
            OutputFormat::Tsv => {
                table_row(Row::new(&mut self.buf, Sep::Tsv), e);
                true
            }
            OutputFormat::Phoenix => {
                phoenix_row(Row::new(&mut self.buf, Sep::Tsv), e, self.seen);
                true
            }
            OutputFormat::Plover => plover_line(&mut self.buf, e, self.in_sentence)?,
        };
        if wrote {
            self.written += 1;
        }
        self.out.write_all(&self.buf)
    }

    /// Writes the header row if no event was written (so an empty csv/tsv/phoenix
    /// output is still a valid table), flushes and returns the sink.
    pub fn finish(mut self) -> io::Result<W> {
        self.buf.clear();
        self.push_header_once();
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn push_header_once(&mut self) {
        if self.header_written {
            return;
        }
        self.header_written = true;
        let sep = if self.format == OutputFormat::Csv {
            Sep::Csv
        } else {
            Sep::Tsv
        };
        if let Some(cols) = self.format.columns() {
            let mut row = Row::new(&mut self.buf, sep);
            for c in cols {
                row.text(c);
            }
            row.end();
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Sep {
    /// Comma; fields with `,` `"` CR or LF are quoted, quotes doubled (RFC 4180).
    Csv,
    /// Tab; tabs, CR and LF inside fields become spaces.
    Tsv,
}

/// One delimited row being written into a buffer.
struct Row<'b> {
    buf: &'b mut Vec<u8>,
    sep: Sep,
    first: bool,
}

impl<'b> Row<'b> {
    fn new(buf: &'b mut Vec<u8>, sep: Sep) -> Self {
        Row {
            buf,
            sep,
            first: true,
        }
    }

    fn start_field(&mut self) {
        if !self.first {
            self.buf
                .push(if self.sep == Sep::Csv { b',' } else { b'\t' });
        }
        self.first = false;
    }

    fn text(&mut self, s: &str) {
        self.start_field();
        match self.sep {
            Sep::Csv => {
                if s.contains([',', '"', '\r', '\n']) {
                    self.buf.push(b'"');
                    for part in s.split_inclusive('"') {
                        self.buf.extend_from_slice(part.as_bytes());
                        if part.ends_with('"') {
                            self.buf.push(b'"');
                        }
                    }
                    self.buf.push(b'"');
                } else {
                    self.buf.extend_from_slice(s.as_bytes());
                }
            }
            Sep::Tsv => {
                for b in s.bytes() {
                    self.buf.push(if matches!(b, b'\t' | b'\r' | b'\n') {
                        b' '
                    } else {
                        b
                    });
                }
            }
        }
    }

    /// A number or other value whose text never needs quoting.
    fn plain(&mut self, v: impl fmt::Display) {
        self.start_field();
        // Writing into a Vec cannot fail.
        let _ = write!(self.buf, "{v}");
    }

    fn opt(&mut self, v: Option<impl fmt::Display>) {
        match v {
            Some(v) => self.plain(v),
            None => self.start_field(),
        }
    }

    fn float(&mut self, v: Option<f64>) {
        self.opt(v.filter(|v| v.is_finite()).map(Float));
    }

    fn end(self) {
        self.buf.push(b'\n');
    }
}

/// Formats a float the way the JSON output does: always with a decimal point (`-10.0`).
struct Float(f64);

impl fmt::Display for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            write!(f, "{:.1}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

fn table_row(mut row: Row<'_>, e: &Event) {
    row.text(&e.doc_id);
    row.plain(e.sentence);
    row.opt(e.date);
    row.text(&e.source);
    row.text(&e.target);
    row.text(&e.code);
    row.text(&e.root);
    row.opt(e.quad_class);
    row.float(e.goldstein);
    row.text(e.plover.as_ref().map_or("", |p| p.event.as_str()));
    row.text(
        e.plover
            .as_ref()
            .and_then(|p| p.mode.as_deref())
            .unwrap_or(""),
    );
    row.text(&e.source_text);
    row.text(&e.target_text);
    row.text(&e.verb_text);
    for span in [e.offsets.source, e.offsets.target, e.offsets.verb] {
        let span: Option<Span> = span;
        row.opt(span.map(|s| s[0]));
        row.opt(span.map(|s| s[1]));
    }
    row.text(&e.text);
    let loc = e.location.as_ref();
    row.text(loc.map_or("", |l| l.name.as_str()));
    row.text(loc.and_then(|l| l.country.as_deref()).unwrap_or(""));
    row.float(loc.and_then(|l| l.lat));
    row.float(loc.and_then(|l| l.lon));
    row.text(e.quote.as_deref().unwrap_or(""));
    row.text(e.speaker.as_deref().unwrap_or(""));
    row.text(&e.pattern);
    row.text(&e.issues.join(";"));
    row.text(e.date_precision.map_or("", precision_name));
    row.text(e.date_text.as_deref().unwrap_or(""));
    row.opt(e.offsets.date.map(|s| s[0]));
    row.opt(e.offsets.date.map(|s| s[1]));
    row.plain(e.mentions);
    row.text(&join_numbers(&e.sentences));
    row.end();
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

fn join_numbers(ns: &[usize]) -> String {
    ns.iter().map(usize::to_string).collect::<Vec<_>>().join(";")
}

/// Splits an actor code as the Phoenix pipeline did: root = first 3 characters
/// (country or IGO/NGO/…), agent = next 3 if present, others = the remaining
/// 3-character codes joined with `;` (`"USAMILREBCVL"` → `USA`, `MIL`, `REB;CVL`).
pub fn split_actor(code: &str) -> (&str, &str, String) {
    let (root, rest) = split_at_char(code, 3);
    let (agent, mut rest) = split_at_char(rest, 3);
    let mut others = String::new();
    while !rest.is_empty() {
        let (chunk, tail) = split_at_char(rest, 3);
        if !others.is_empty() {
            others.push(';');
        }
        others.push_str(chunk);
        rest = tail;
    }
    (root, agent, others)
}

/// Phoenix's issue column: `ISSUE,count` pairs joined with `;`, in order of first mention.
fn joined_issues(issues: &[String]) -> String {
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for issue in issues {
        match counted.iter_mut().find(|(i, _)| *i == issue.as_str()) {
            Some((_, n)) => *n += 1,
            None => counted.push((issue, 1)),
        }
    }
    counted
        .iter()
        .map(|(i, n)| format!("{i},{n}"))
        .collect::<Vec<_>>()
        .join(";")
}

fn phoenix_row(mut row: Row<'_>, e: &Event, id: u64) {
    row.plain(id);
    // Date as YYYYMMDD (YYYYMM / YYYY where the text gave only that), then its parts.
    match e.date {
        Some(d) => {
            match d.precision() {
                Precision::Day => {
                    row.plain(format_args!("{:04}{:02}{:02}", d.year, d.month, d.day))
                }
                Precision::Month => row.plain(format_args!("{:04}{:02}", d.year, d.month)),
                Precision::Year => row.plain(format_args!("{:04}", d.year)),
            }
            let Date { year, month, day } = d;
            row.plain(format_args!("{year:04}"));
            row.opt((month > 0).then(|| format!("{month:02}")));
            row.opt((day > 0).then(|| format!("{day:02}")));
        }
        None => (0..4).for_each(|_| row.start_field()),
    }
    for actor in [&e.source, &e.target] {
        let (root, agent, others) = split_actor(actor);
        row.text(actor);
        row.text(root);
        row.text(agent);
        row.text(&others);
    }
    row.text(&e.code);
    row.text(&e.root);
    row.opt(e.quad_class);
    row.float(e.goldstein);
    row.text(&joined_issues(&e.issues));
    let loc = e.location.as_ref();
    row.float(loc.and_then(|l| l.lat));
    row.float(loc.and_then(|l| l.lon));
    row.text(loc.map_or("", |l| l.name.as_str()));
    row.text(loc.and_then(|l| l.country.as_deref()).unwrap_or(""));
    row.text(""); // admin1: not known
    // Every sentence that told the happening (one id unless mentions were merged).
    let ids: Vec<String> = if e.sentences.is_empty() {
        vec![format!("{}_{}", e.doc_id, e.sentence)]
    } else {
        e.sentences.iter().map(|s| format!("{}_{}", e.doc_id, s)).collect()
    };
    row.text(&ids.join(";"));
    row.text(""); // urls: the event carries none
    row.text(&e.source_text);
    row.end();
}

/// One PLOVER-style record (field names as in PLOVER/POLECAT event data).
#[derive(Serialize)]
struct PloverRecord<'a> {
    id: String,
    date: Option<Date>,
    event_type: &'a str,
    mode: Option<&'a str>,
    context: [&'a str; 0],
    source_actor: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    source_agent: &'a str,
    target_actor: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    target_agent: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    quad_class: Option<u8>,
    goldstein: Option<f64>,
    text: &'a str,
    cameo_code: &'a str,
    location: Option<&'a Location>,
}

/// Writes `e` as a PLOVER record; returns `false` (writing nothing) when the event has
/// no PLOVER equivalent. PLOVER drops CAMEO's 01 "make public statement" and 02
/// "appeal" categories, so such events (`e.plover == None`) are skipped, not given an
/// invented type. The id is `doc_id-sentence-k`, k counting the sentence's events.
fn plover_line(buf: &mut Vec<u8>, e: &Event, k: usize) -> io::Result<bool> {
    let Some(plover) = &e.plover else {
        return Ok(false);
    };
    // Actor = country/IGO part (first 3 characters), agent = the role codes after it.
    let (source_actor, source_agent) = split_at_char(&e.source, 3);
    let (target_actor, target_agent) = split_at_char(&e.target, 3);
    let record = PloverRecord {
        id: format!("{}-{}-{}", e.doc_id, e.sentence, k),
        date: e.date,
        event_type: &plover.event,
        mode: plover.mode.as_deref(),
        context: [],
        source_actor,
        source_agent,
        target_actor,
        target_agent,
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        text: &e.text,
        cameo_code: &e.code,
        location: e.location.as_ref(),
    };
    serde_json::to_writer(&mut *buf, &record)?;
    buf.push(b'\n');
    Ok(true)
}

fn split_at_char(s: &str, n: usize) -> (&str, &str) {
    s.split_at(s.char_indices().nth(n).map_or(s.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Offsets, Plover};

    /// SPEC §1 keys in SPEC order, then the extra fields.
    const SPEC_KEYS: [&str; 24] = [
        "doc_id",
        "sentence",
        "date",
        "source",
        "target",
        "code",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "source_text",
        "target_text",
        "verb_text",
        "offsets",
        "text",
        "location",
        "quote",
        "speaker",
        "pattern",
        "issues",
        "date_precision",
        "date_text",
        "mentions",
        "sentences",
    ];

    /// A fully filled event whose text has quotes, commas, a tab and a newline.
    fn sample_event() -> Event {
        Event {
            doc_id: "doc-1".into(),
            sentence: 2,
            date: Some(Date::ymd(2020, 10, 18)),
            source: "IRNGOV".into(),
            target: "USAMILREBCVL".into(),
            code: "1313".into(),
            root: "13".into(),
            quad_class: Some(3),
            goldstein: Some(-5.8),
            plover: Some(Plover { event: "THREATEN".into(), mode: Some("relations".into()) }),
            source_text: "Iran".into(),
            target_text: "U.S. troops".into(),
            verb_text: "threatened to cut ties".into(),
            offsets: Offsets { source: Some([0, 4]), target: Some([32, 43]), verb: Some([5, 27]), date: Some([63, 66]), place: None },
            text: "Iran threatened to cut ties with U.S. troops, saying \"enough\",\tnow\r\nand later.".into(),
            location: Some(Location {
                name: "Baghdad, Iraq".into(),
                country: Some("IRQ".into()),
                lat: Some(33.3),
                lon: Some(44.0),
            }),
            quote: Some("enough".into()),
            speaker: Some("IRNGOV".into()),
            pattern: "CAMEO.verbs.txt:120".into(),
            issues: vec!["SANCTIONS".into(), "NUCLEAR".into(), "SANCTIONS".into()],
            date_precision: Some(Precision::Day),
            date_text: Some("now".into()),
            mentions: 2,
            sentences: vec![2, 5],
        }
    }

    /// Same sentence as `sample_event`, few fields: no location, no PLOVER mapping,
    /// a month-precision date.
    fn sparse_event() -> Event {
        Event {
            doc_id: "doc-1".into(),
            sentence: 2,
            date: Some(Date::ymd(2020, 10, 0)),
            source: String::new(),
            target: "IRN".into(),
            code: "010".into(),
            root: "01".into(),
            quad_class: Some(1),
            goldstein: Some(0.0),
            plover: None,
            source_text: String::new(),
            target_text: String::new(),
            verb_text: String::new(),
            offsets: Offsets::default(),
            text: "He said \"a, b\"".into(),
            location: None,
            quote: None,
            speaker: None,
            pattern: String::new(),
            issues: vec![],
            date_precision: Some(Precision::Month),
            date_text: None,
            mentions: 1,
            sentences: vec![2],
        }
    }

    /// Another article; no date, PLOVER without mode, whole-number Goldstein.
    fn assault_event() -> Event {
        Event {
            doc_id: "d2".into(),
            sentence: 0,
            date: None,
            source: "SYRMIL".into(),
            target: "SYRREB".into(),
            code: "190".into(),
            root: "19".into(),
            quad_class: Some(4),
            goldstein: Some(-10.0),
            plover: Some(Plover {
                event: "ASSAULT".into(),
                mode: None,
            }),
            source_text: "troops".into(),
            target_text: "rebels".into(),
            verb_text: "attacked".into(),
            offsets: Offsets {
                source: Some([0, 6]),
                target: None,
                verb: Some([7, 15]),
                date: None,
                place: None,
            },
            text: "Troops attacked rebels.".into(),
            location: Some(Location {
                name: "Aleppo".into(),
                country: None,
                lat: None,
                lon: None,
            }),
            quote: None,
            speaker: None,
            pattern: "p".into(),
            issues: vec![],
            date_precision: None,
            date_text: None,
            mentions: 1,
            sentences: vec![0],
        }
    }

    fn render(format: OutputFormat, events: &[Event]) -> String {
        let mut w = Writer::new(Vec::new(), format);
        for e in events {
            w.write(e).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    fn all_events() -> Vec<Event> {
        vec![sample_event(), sparse_event(), assault_event()]
    }

    #[test]
    fn format_names_round_trip() {
        for f in OutputFormat::ALL {
            assert_eq!(f.name().parse::<OutputFormat>(), Ok(f));
            assert_eq!(f.to_string().to_uppercase().parse::<OutputFormat>(), Ok(f));
        }
        assert_eq!("ndjson".parse::<OutputFormat>(), Ok(OutputFormat::Jsonl));
        assert_eq!(OutputFormat::default(), OutputFormat::Jsonl);
        let err = "xml".parse::<OutputFormat>().unwrap_err();
        assert!(err.contains("\"xml\"") && err.contains("jsonl"), "{err}");
    }

    /// Collects an object's keys in document order (serde_json's `Value` sorts them).
    struct Keys(Vec<String>);

    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut m: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(k) = m.next_key::<String>()? {
                        m.next_value::<serde::de::IgnoredAny>()?;
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(V)
        }
    }

    #[test]
    fn jsonl_has_spec_keys_in_order_and_parses_back() {
        let out = render(OutputFormat::Jsonl, &all_events());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(out.ends_with('\n'));
        for line in &lines {
            let Keys(keys) = serde_json::from_str(line).unwrap();
            assert_eq!(keys, SPEC_KEYS, "{line}");
        }
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        let e = sample_event();
        assert_eq!(v["doc_id"], "doc-1");
        assert_eq!(v["sentence"], 2);
        assert_eq!(v["date"], "2020-10-18");
        assert_eq!(v["code"], "1313");
        assert_eq!(v["root"], "13");
        assert_eq!(v["quad_class"], 3);
        assert_eq!(v["goldstein"], -5.8);
        assert_eq!(
            v["plover"],
            serde_json::json!({"event": "THREATEN", "mode": "relations"})
        );
        assert_eq!(
            v["offsets"],
            serde_json::json!({"source": [0, 4], "target": [32, 43], "verb": [5, 27], "date": [63, 66], "place": null})
        );
        assert_eq!(v["text"], e.text.as_str());
        assert_eq!(
            v["location"],
            serde_json::json!({"name": "Baghdad, Iraq", "country": "IRQ", "lat": 33.3, "lon": 44.0})
        );
        assert_eq!(v["quote"], "enough");
        assert_eq!(
            v["issues"],
            serde_json::json!(["SANCTIONS", "NUCLEAR", "SANCTIONS"])
        );
        assert_eq!(v["date_precision"], "day");
        assert_eq!(v["date_text"], "now");
        assert_eq!(v["mentions"], 2);
        assert_eq!(v["sentences"], serde_json::json!([2, 5]));

        let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(v["date"], "2020-10");
        assert_eq!(v["source"], "");
        for key in ["plover", "location", "quote", "speaker"] {
            assert!(v[key].is_null(), "{key}");
        }
        assert_eq!(
            v["offsets"],
            serde_json::json!({"source": null, "target": null, "verb": null, "date": null, "place": null})
        );
        assert_eq!(v["issues"], serde_json::json!([]));
        assert_eq!(v["date_precision"], "month");
        assert!(v["date_text"].is_null());

        assert!(lines[2].contains(r#""date":null"#), "{}", lines[2]);
        assert!(lines[2].contains(r#""goldstein":-10.0"#), "{}", lines[2]);
        assert!(
            lines[2].contains(r#""plover":{"event":"ASSAULT","mode":null}"#),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn table_formats_match_golden_output() {
        let header_csv = TABLE_COLUMNS.join(",");
        let header_tsv = TABLE_COLUMNS.join("\t");
        let cases: [(OutputFormat, Vec<String>); 2] = [
            (
                OutputFormat::Csv,
                vec![
                    header_csv,
                    "doc-1,2,2020-10-18,IRNGOV,USAMILREBCVL,1313,13,3,-5.8,THREATEN,relations,Iran,U.S. troops,\
                     threatened to cut ties,0,4,32,43,5,27,\
                     \"Iran threatened to cut ties with U.S. troops, saying \"\"enough\"\",\tnow\r\nand later.\",\
                     \"Baghdad, Iraq\",IRQ,33.3,44.0,enough,IRNGOV,CAMEO.verbs.txt:120,SANCTIONS;NUCLEAR;SANCTIONS,day,now,63,66,2,2;5"
                        .into(),
                    "doc-1,2,2020-10,,IRN,010,01,1,0.0,,,,,,,,,,,,\"He said \"\"a, b\"\"\",,,,,,,,,month,,,,1,2".into(),
                    "d2,0,,SYRMIL,SYRREB,190,19,4,-10.0,ASSAULT,,troops,rebels,attacked,0,6,,,7,15,\
                     Troops attacked rebels.,Aleppo,,,,,,p,,,,,,1,0"
                        .into(),
                ],
            ),
            (
                OutputFormat::Tsv,
                vec![
                    header_tsv,
                    "doc-1\t2\t2020-10-18\tIRNGOV\tUSAMILREBCVL\t1313\t13\t3\t-5.8\tTHREATEN\trelations\tIran\t\
                     U.S. troops\tthreatened to cut ties\t0\t4\t32\t43\t5\t27\t\
                     Iran threatened to cut ties with U.S. troops, saying \"enough\", now  and later.\t\
                     Baghdad, Iraq\tIRQ\t33.3\t44.0\tenough\tIRNGOV\tCAMEO.verbs.txt:120\tSANCTIONS;NUCLEAR;SANCTIONS\tday\tnow\t63\t66\t2\t2;5"
                        .into(),
                    "doc-1\t2\t2020-10\t\tIRN\t010\t01\t1\t0.0\t\t\t\t\t\t\t\t\t\t\t\tHe said \"a, b\"\t\t\t\t\t\t\t\t\tmonth\t\t\t\t1\t2".into(),
                    "d2\t0\t\tSYRMIL\tSYRREB\t190\t19\t4\t-10.0\tASSAULT\t\ttroops\trebels\tattacked\t0\t6\t\t\t7\t15\t\
                     Troops attacked rebels.\tAleppo\t\t\t\t\t\tp\t\t\t\t\t\t1\t0"
                        .into(),
                ],
            ),
        ];
        for (format, want) in cases {
            let got = render(format, &all_events());
            let want = want.join("\n") + "\n";
            assert_eq!(got, want, "{format}");
        }
    }

    /// Splits a CSV document into records of fields (RFC 4180), to check the quoting.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
        let (mut quoted, mut chars) = (false, s.chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_round_trips_awkward_text() {
        let out = render(OutputFormat::Csv, &all_events());
        let rows = parse_csv(&out);
        assert_eq!(rows.len(), 4);
        for r in &rows {
            assert_eq!(r.len(), TABLE_COLUMNS.len());
        }
        let col = |name: &str| TABLE_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(rows[1][col("text")], sample_event().text);
        assert_eq!(rows[1][col("location_name")], "Baghdad, Iraq");
        assert_eq!(rows[2][col("text")], sparse_event().text);
    }

    #[test]
    fn tsv_and_phoenix_rows_have_fixed_width() {
        for (format, width) in [
            (OutputFormat::Tsv, TABLE_COLUMNS.len()),
            (OutputFormat::Phoenix, PHOENIX_COLUMNS.len()),
        ] {
            let out = render(format, &all_events());
            let lines: Vec<&str> = out.split_terminator('\n').collect();
            assert_eq!(lines.len(), 4, "{format}");
            for l in lines {
                assert_eq!(l.split('\t').count(), width, "{format}: {l:?}");
            }
        }
    }

    #[test]
    fn phoenix_matches_golden_output() {
        let want = [
            PHOENIX_COLUMNS.join("\t"),
            "1\t20201018\t2020\t10\t18\tIRNGOV\tIRN\tGOV\t\tUSAMILREBCVL\tUSA\tMIL\tREB;CVL\t1313\t13\t3\t-5.8\t\
             SANCTIONS,2;NUCLEAR,1\t33.3\t44.0\tBaghdad, Iraq\tIRQ\t\tdoc-1_2;doc-1_5\t\tIran"
                .to_string(),
            "2\t202010\t2020\t10\t\t\t\t\t\tIRN\tIRN\t\t\t010\t01\t1\t0.0\t\t\t\t\t\t\tdoc-1_2\t\t".to_string(),
            "3\t\t\t\t\tSYRMIL\tSYR\tMIL\t\tSYRREB\tSYR\tREB\t\t190\t19\t4\t-10.0\t\t\t\tAleppo\t\t\td2_0\t\ttroops"
                .to_string(),
        ]
        .join("\n")
            + "\n";
        assert_eq!(render(OutputFormat::Phoenix, &all_events()), want);
    }

    #[test]
    fn split_actor_like_phoenix() {
        let cases = [
            ("", ("", "", "")),
            ("IRN", ("IRN", "", "")),
            ("IRNGOV", ("IRN", "GOV", "")),
            ("USAMILREB", ("USA", "MIL", "REB")),
            ("USAMILREBCVL", ("USA", "MIL", "REB;CVL")),
            ("IGOUNOKH", ("IGO", "UNO", "KH")),
        ];
        for (code, (r, a, o)) in cases {
            let (gr, ga, go) = split_actor(code);
            assert_eq!((gr, ga, go.as_str()), (r, a, o), "{code}");
        }
    }

    #[test]
    fn plover_matches_golden_output_and_skips_unmapped() {
        let want = concat!(
            r#"{"id":"doc-1-2-0","date":"2020-10-18","event_type":"THREATEN","mode":"relations","context":[],"#,
            r#""source_actor":"IRN","source_agent":"GOV","target_actor":"USA","target_agent":"MILREBCVL","#,
            r#""quad_class":3,"goldstein":-5.8,"#,
            r#""text":"Iran threatened to cut ties with U.S. troops, saying \"enough\",\tnow\r\nand later.","#,
            r#""cameo_code":"1313","location":{"name":"Baghdad, Iraq","country":"IRQ","lat":33.3,"lon":44.0}}"#,
            "\n",
            r#"{"id":"d2-0-0","date":null,"event_type":"ASSAULT","mode":null,"context":[],"#,
            r#""source_actor":"SYR","source_agent":"MIL","target_actor":"SYR","target_agent":"REB","#,
            r#""quad_class":4,"goldstein":-10.0,"text":"Troops attacked rebels.","cameo_code":"190","#,
            r#""location":{"name":"Aleppo","country":null,"lat":null,"lon":null}}"#,
            "\n",
        );
        let mut w = Writer::new(Vec::new(), OutputFormat::Plover);
        for e in all_events() {
            w.write(&e).unwrap();
        }
        assert_eq!(w.written(), 2);
        let got = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(got, want);
        // Optional keys are left out, not null.
        let mut e = assault_event();
        e.source = "SYR".into();
        e.target = String::new();
        e.quad_class = None;
        e.location = None;
        let got = render(OutputFormat::Plover, &[e]);
        let v: serde_json::Value = serde_json::from_str(got.trim_end()).unwrap();
        let obj = v.as_object().unwrap();
        for key in ["source_agent", "target_agent", "quad_class"] {
            assert!(!obj.contains_key(key), "{key} in {got}");
        }
        assert_eq!(v["target_actor"], "");
        assert!(v["location"].is_null());
    }

    #[test]
    fn header_written_once_even_without_events() {
        for format in OutputFormat::ALL {
            let empty = render(format, &[]);
            let events = render(format, &all_events());
            match format.columns() {
                Some(cols) => {
                    let sep = if format == OutputFormat::Csv {
                        ","
                    } else {
                        "\t"
                    };
                    let header = cols.join(sep) + "\n";
                    assert_eq!(empty, header, "{format}");
                    assert_eq!(events.matches(&header).count(), 1, "{format}");
                    assert!(events.starts_with(&header), "{format}");
                }
                None => assert_eq!(empty, "", "{format}"),
            }
        }
    }

    #[test]
    fn output_is_deterministic() {
        for format in OutputFormat::ALL {
            assert_eq!(
                render(format, &all_events()),
                render(format, &all_events()),
                "{format}"
            );
        }
    }
}
