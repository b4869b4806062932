//! PETRARCH XML: `<Sentence date= id=><Text>…</Text><Parse>…</Parse></Sentence>` records,
//! as coding input ([`read_xml`]) and as validation suites ([`parse_validation_xml`]).
//!
//! A small hand-written scanner, because the real files are not always well-formed: the
//! PETRARCH-2 validation file opens records with a self-closed `<Sentence …/>` and closes
//! them later with `</Sentence>`, and has free text (`####` banners) outside any element.
//! What it accepts:
//!
//! - comments `<!-- -->` (skipped whole, events in them do not count), `<?…?>`, `<!…>`;
//! - `<Text>` and `<Parse>` are read raw up to their end tag, or up to the next tag when
//!   the end tag is missing (`<Text>…</Parse>` in the PETRARCH-2 file); the text is
//!   unescaped (`&amp; &lt; &gt; &quot; &apos;` and numeric references) and its line
//!   breaks are collapsed to spaces;
//! - a `<Sentence>` starts a record, and a new `<Sentence>` or `</Sentence>` ends it;
//! - attribute values in `"…"` or `'…'` (`sourcecode='"INJURY TOLL"'`), spaces around `=`;
//! - nesting is checked for the elements of the format (`Validation`, `Sentences`,
//!   `Sentence`, `Environment` and its children, `EventCoding`, `Config`, `Skip`, `Stop`);
//!   other markup is ignored.
//!
//! Errors, each with its line: an element left open when its parent closes or the
//! input ends, an unexpected end tag, an unterminated comment or tag, a missing
//! `</Text>`, a `<Text>` outside a `<Sentence>`, a `<Sentence>` without `<Text>`. The
//! records read before an error are kept, and reading goes on after it where it can.

use std::borrow::Cow;

use memchr::memmem;

use super::{unescape, Article, ExpectedEvent, ReadError};
use crate::date::Date;

/// One `<Sentence>` of a PETRARCH validation file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationRecord {
    pub id: String,
    pub date: Option<Date>,
    /// The sentence, unescaped, line breaks collapsed to spaces.
    pub text: String,
    pub category: Option<String>,
    /// `valid=` (PETRARCH-1), `sentence=` (PETRARCH-2 unit tests) or `evaluate=`
    /// (UniversalPetrarch); true when absent.
    pub valid: bool,
    /// `<EventCoding noevents="True">`: the record expects no events.
    pub noevents: bool,
    /// `<EventCoding sourcecode= targetcode= eventcode=>`, in file order. Codes are as
    /// written: a quoted code (`"INJURY TOLL"`) names an actor found in the text.
    pub expected: Vec<ExpectedEvent>,
    /// 1-based line of the `<Sentence>` tag.
    pub line: u32,
    /// `<EventCoding error="…">`: the record expects this error (`dateline`,
    /// `bad_input_parse`, `storydiscard`, `sentencediscard`).
    pub error: Option<String>,
    /// The record has a `<Skip>` element.
    pub skip: bool,
    /// `<Config option= value=>` elements met since the previous record (or inside this
    /// one): settings that change from this record on.
    pub config: Vec<(String, String)>,
    /// The `<Parse>`, unescaped, line breaks collapsed to spaces; `None` when absent.
    pub parse: Option<String>,
}

/// A PETRARCH validation file: its `<Environment>` and its records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct XmlValidation {
    pub verbfile: Option<String>,
    /// `<Actorfile>`, split at commas.
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
    /// `<Config option= value=>` inside `<Environment>`.
    pub config: Vec<(String, String)>,
    /// `<Include>`, split at whitespace (`valid DEMO ACTOR …`).
    pub include: Vec<String>,
    pub records: Vec<ValidationRecord>,
    /// Every `<Environment>` child as (element name, text), including the ones above and
    /// others such as `<Errorfile>`, `<Pause>`, `<PICOfile>`.
    pub environment: Vec<(String, String)>,
    /// Malformations that were recovered from (an unclosed `<Text>`, a stray end tag).
    pub warnings: Vec<ReadError>,
    /// The records are marked `sentence="true"` (PETRARCH-2's unit-test format) rather
    /// than `valid="true"` (PETRARCH-1's).
    pub petrarch2: bool,
}

/// Reads the `<Sentence>` records of a PETRARCH XML input as articles. A record with an
/// empty `<Text>` (the sentence only in its parse) is an error: there is nothing to code.
pub fn read_xml(input: &str, text: &str) -> Vec<Result<Article, ReadError>> {
    let scan = Scanner::new(input, text).run();
    scan.items
        .into_iter()
        .map(|item| match item {
            Item::Record(r) if r.text.is_empty() => Err(ReadError {
                input: input.to_string(),
                line: r.line,
                message: format!("<Sentence id={:?}> has an empty <Text>", r.id),
            }),
            Item::Record(r) => Ok(Article { id: r.id, text: r.text, date: r.date, line: r.line, ..Article::default() }),
            Item::Error(e, _) => Err(e),
        })
        .collect()
}

/// Parses a PETRARCH validation file. A truncated file (ending inside a comment, a tag
/// or an open element) is an error; other malformations are recovered from and listed
/// in [`XmlValidation::warnings`]. Records with an empty `<Text>` are kept.
pub fn parse_validation_xml(input: &str, text: &str) -> Result<XmlValidation, ReadError> {
    let scan = Scanner::new(input, text).run();
    let mut v = scan.env;
    for item in scan.items {
        match item {
            Item::Record(r) => v.records.push(r),
            Item::Error(e, true) => return Err(e),
            Item::Error(e, false) => v.warnings.push(e),
        }
    }
    Ok(v)
}

enum Item {
    Record(ValidationRecord),
    /// An error, and whether it is fatal (the input is truncated).
    Error(ReadError, bool),
}

struct Scan {
    env: XmlValidation,
    items: Vec<Item>,
}

/// The elements whose nesting is checked; anything else (`<b>`, a banner's
/// `<EventCoding...>`) is ignored, except inside `<Environment>`.
const STRUCTURE: &[&str] =
    &["Validation", "Sentences", "Sentence", "Environment", "EventCoding", "Config", "Skip", "Stop"];

struct Open<'a> {
    name: &'a str,
    line: u32,
    /// Opened by a self-closed `<Sentence …/>` (PETRARCH-2 style): closing it is optional.
    implicit: bool,
    /// Start of the element's content, for `<Environment>` children.
    content: usize,
}

struct Tag<'a> {
    name: &'a str,
    end_tag: bool,
    self_closing: bool,
    attrs: Vec<(&'a str, Cow<'a, str>)>,
}

impl<'a> Tag<'a> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_ref())
    }
}

enum TagResult<'a> {
    Tag(Tag<'a>, usize),
    NotATag,
    /// Ran into the end of input or another `<` before `>`; resume at the offset.
    Unterminated(usize),
}

struct Scanner<'a> {
    input: &'a str,
    s: &'a str,
    pos: usize,
    line_pos: usize,
    line: u32,
    stack: Vec<Open<'a>>,
    /// The record being read, and whether it has had a `<Text>`.
    rec: Option<ValidationRecord>,
    has_text: bool,
    pending_config: Vec<(String, String)>,
    env: XmlValidation,
    items: Vec<Item>,
}

impl<'a> Scanner<'a> {
    fn new(input: &'a str, s: &'a str) -> Self {
        let s = s.strip_prefix('\u{feff}').unwrap_or(s);
        Scanner {
            input,
            s,
            pos: 0,
            line_pos: 0,
            line: 1,
            stack: Vec::new(),
            rec: None,
            has_text: false,
            pending_config: Vec::new(),
            env: XmlValidation::default(),
            items: Vec::new(),
        }
    }

    /// The 1-based line of byte `pos` (positions are asked for mostly in order).
    fn line_at(&mut self, pos: usize) -> u32 {
        if pos < self.line_pos {
            self.line_pos = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.s.as_bytes()[self.line_pos..pos]).count() as u32;
        self.line_pos = pos;
        self.line
    }

    fn error(&mut self, line: u32, message: String) {
        self.items.push(Item::Error(ReadError { input: self.input.to_string(), line, message }, false));
    }

    fn fatal(&mut self, line: u32, message: String) {
        self.items.push(Item::Error(ReadError { input: self.input.to_string(), line, message }, true));
    }

    fn run(mut self) -> Scan {
        let b = self.s.as_bytes();
        while let Some(off) = memchr::memchr(b'<', &b[self.pos..]) {
            let at = self.pos + off;
            let rest = &self.s[at..];
            if rest.starts_with("<!--") {
                match memmem::find(&b[at + 4..], b"-->") {
                    Some(e) => self.pos = at + 4 + e + 3,
                    None => {
                        let line = self.line_at(at);
                        self.fatal(line, "unterminated comment <!--".to_string());
                        self.pos = b.len();
                    }
                }
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                self.pos = memmem::find(&b[at..], b"]]>").map_or(b.len(), |e| at + e + 3);
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                self.pos = memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
                continue;
            }
            match parse_tag(self.s, at) {
                TagResult::NotATag => self.pos = at + 1,
                TagResult::Unterminated(resume) => {
                    let line = self.line_at(at);
                    let name: String = rest.chars().take(30).take_while(|c| !c.is_whitespace()).collect();
                    let message = format!("unterminated tag {name}");
                    if resume >= b.len() {
                        self.fatal(line, message);
                    } else {
                        self.error(line, message);
                    }
                    self.pos = resume;
                }
                TagResult::Tag(tag, end) => {
                    self.pos = end;
                    let line = self.line_at(at);
                    if tag.end_tag {
                        self.end_tag(tag.name, line, at);
                    } else {
                        self.start_tag(tag, line, at);
                    }
                }
            }
        }
        self.finish_input();
        Scan { env: self.env, items: self.items }
    }

    fn in_environment(&self) -> bool {
        self.stack.iter().any(|o| o.name == "Environment")
    }

    /// Is the start tag `name` an element whose nesting is tracked here?
    fn tracked(&self, name: &str) -> bool {
        STRUCTURE.contains(&name) || self.stack.last().is_some_and(|o| o.name == "Environment")
    }

    fn start_tag(&mut self, tag: Tag<'a>, line: u32, at: usize) {
        match tag.name {
            "Sentence" => {
                if let Some(open) = self.stack.iter().rev().find(|o| o.name == "Sentence") {
                    if !open.implicit {
                        let line = open.line;
                        self.error(line, "<Sentence> is not closed".to_string());
                    }
                    self.close_to("Sentence", at);
                }
                if tag.attr("valid").is_none() && tag.attr("sentence").is_some() {
                    self.env.petrarch2 = true;
                }
                let rec = ValidationRecord {
                    id: tag.attr("id").map_or_else(|| format!("{}:{line}", self.input), str::to_string),
                    date: None,
                    category: tag.attr("category").map(str::to_string),
                    valid: ["valid", "sentence", "evaluate"]
                        .iter()
                        .find_map(|k| tag.attr(k))
                        .and_then(parse_bool)
                        .unwrap_or(true),
                    line,
                    config: std::mem::take(&mut self.pending_config),
                    ..ValidationRecord::default()
                };
                let rec = match tag.attr("date").map(str::trim).filter(|d| !d.is_empty()) {
                    None => Some(rec),
                    Some(d) => match Date::parse(d) {
                        Some(date) => Some(ValidationRecord { date: Some(date), ..rec }),
                        None => {
                            self.error(line, format!("<Sentence id={:?}>: unrecognised date {d:?}", rec.id));
                            None
                        }
                    },
                };
                // A record with a bad date is dropped, but its element is still tracked.
                self.rec = rec;
                self.has_text = false;
                self.stack.push(Open { name: "Sentence", line, implicit: tag.self_closing, content: self.pos });
            }
            "Text" | "Parse" if !tag.self_closing => self.raw_element(tag.name, line),
            "Text" => self.has_text = true,
            _ => {
                match tag.name {
                    "EventCoding" => {
                        if let Some(rec) = self.rec.as_mut() {
                            let code = |k: &str| tag.attr(k).map(|v| v.trim().to_string());
                            let (s, t, e) = (code("sourcecode"), code("targetcode"), code("eventcode"));
                            if s.is_some() || t.is_some() || e.is_some() {
                                rec.expected.push(ExpectedEvent {
                                    source: s.unwrap_or_default(),
                                    target: t.unwrap_or_default(),
                                    code: e.unwrap_or_default(),
                                });
                            }
                            if let Some(v) = tag.attr("noevents") {
                                rec.noevents = parse_bool(v).unwrap_or(false);
                            }
                            if let Some(v) = tag.attr("error") {
                                rec.error = Some(v.trim().to_string());
                            }
                        }
                    }
                    "Config" => {
                        let pair = (
                            tag.attr("option").unwrap_or_default().trim().to_string(),
                            tag.attr("value").unwrap_or_default().trim().to_string(),
                        );
                        if self.in_environment() {
                            self.env.config.push(pair);
                        } else if let Some(rec) = self.rec.as_mut() {
                            rec.config.push(pair);
                        } else {
                            self.pending_config.push(pair);
                        }
                    }
                    "Skip" => {
                        if let Some(rec) = self.rec.as_mut() {
                            rec.skip = true;
                        }
                    }
                    _ => {}
                }
                if !tag.self_closing && self.tracked(tag.name) {
                    self.stack.push(Open { name: tag.name, line, implicit: false, content: self.pos });
                }
            }
        }
    }

    /// `<Text>` and `<Parse>`: raw content up to the end tag. Another tag before it
    /// (`<Text>… </Parse>`) ends the element there, with an error.
    fn raw_element(&mut self, name: &'a str, line: u32) {
        let b = self.s.as_bytes();
        let from = self.pos;
        let close = if name == "Text" { "</Text" } else { "</Parse" };
        let mut i = from;
        let (end, after) = loop {
            let Some(off) = memchr::memchr(b'<', &b[i..]) else {
                self.fatal(line, format!("unexpected end of input: <{name}> is not closed"));
                self.pos = b.len();
                return;
            };
            let at = i + off;
            let rest = &self.s[at..];
            if rest.starts_with(close) {
                break (at, memchr::memchr(b'>', &b[at..]).map_or(b.len(), |g| at + g + 1));
            }
            if rest.starts_with("<!--") {
                i = memmem::find(&b[at..], b"-->").map_or(b.len(), |e| at + e + 3);
                continue;
            }
            // A tag of the format ends the element; other markup is content.
            let (is_end, tag_name) = match rest.strip_prefix("</") {
                Some(r) => (true, r),
                None => (false, &rest[1..]),
            };
            let len = tag_name.bytes().take_while(|&c| is_name_char(c)).count();
            let tag_name = &tag_name[..len];
            if STRUCTURE.contains(&tag_name) || matches!(tag_name, "Text" | "Parse") {
                let there = self.line_at(at);
                let slash = if is_end { "/" } else { "" };
                self.error(line, format!("unclosed <{name}>: ended by <{slash}{tag_name}> on line {there}"));
                // `<Text>…</Parse>`: the misnamed end tag closes it.
                let after = if is_end && matches!(tag_name, "Text" | "Parse") {
                    memchr::memchr(b'>', &b[at..]).map_or(b.len(), |g| at + g + 1)
                } else {
                    at
                };
                break (at, after);
            }
            i = at + 1;
        };
        self.pos = after;
        if name == "Parse" {
            if let Some(rec) = self.rec.as_mut() {
                rec.parse = Some(clean_text(&self.s[from..end]));
            }
            return;
        }
        let text = clean_text(&self.s[from..end]);
        match self.rec.as_mut() {
            Some(rec) => {
                rec.text = text;
                self.has_text = true;
            }
            None if self.stack.iter().any(|o| o.name == "Sentence") => {} // record dropped for a bad date
            None => self.error(line, "<Text> outside a <Sentence>".to_string()),
        }
    }

    fn end_tag(&mut self, name: &'a str, line: u32, at: usize) {
        let known = STRUCTURE.contains(&name) || matches!(name, "Text" | "Parse");
        if !known && !self.stack.iter().any(|o| o.name == name) {
            return;
        }
        if !self.stack.iter().any(|o| o.name == name) {
            self.error(line, format!("unexpected </{name}>"));
            return;
        }
        self.close_to(name, at);
    }

    /// Pops the stack down to and including the innermost `name`, reporting elements left
    /// open on the way; `at` is where the closing happens.
    fn close_to(&mut self, name: &str, at: usize) {
        while let Some(open) = self.stack.pop() {
            let found = open.name == name;
            if !found && !open.implicit {
                self.error(open.line, format!("<{}> is not closed", open.name));
            }
            self.closed(&open, at);
            if found {
                break;
            }
        }
    }

    /// Bookkeeping when an element ends (its content is `open.content..at`).
    fn closed(&mut self, open: &Open<'a>, at: usize) {
        if open.name == "Sentence" {
            self.finish_record();
        } else if self.stack.last().is_some_and(|p| p.name == "Environment") {
            let value = clean_text(&self.s[open.content..at.max(open.content)]);
            match open.name {
                "Verbfile" => self.env.verbfile = Some(value.clone()),
                "Actorfile" => {
                    self.env.actorfiles.extend(value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string))
                }
                "Agentfile" => self.env.agentfile = Some(value.clone()),
                "Discardfile" => self.env.discardfile = Some(value.clone()),
                "Include" => self.env.include.extend(value.split_whitespace().map(str::to_string)),
                _ => {}
            }
            if open.name != "Config" {
                self.env.environment.push((open.name.to_string(), value));
            }
        }
    }

    fn finish_record(&mut self) {
        if let Some(rec) = self.rec.take() {
            if self.has_text {
                self.items.push(Item::Record(rec));
            } else {
                let (line, id) = (rec.line, rec.id.clone());
                self.error(line, format!("<Sentence id={id:?}> has no <Text>"));
            }
        }
    }

    fn finish_input(&mut self) {
        let end = self.s.len();
        if let Some(open) = self.stack.iter().rev().find(|o| !o.implicit) {
            let (line, name) = (open.line, open.name);
            // Keep the record being read, then report the truncation.
            if self.rec.is_some() {
                self.finish_record();
            }
            self.fatal(line, format!("unexpected end of input: <{name}> is not closed"));
        }
        while let Some(open) = self.stack.pop() {
            self.closed(&open, end);
        }
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "t" | "yes" | "y" | "1" => Some(true),
        "false" | "f" | "no" | "n" | "0" => Some(false),
        _ => None,
    }
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b':'
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.')
}

/// Parses the tag starting at `s[at] == '<'`.
fn parse_tag(s: &str, at: usize) -> TagResult<'_> {
    let b = s.as_bytes();
    let mut i = at + 1;
    let end_tag = b.get(i) == Some(&b'/');
    if end_tag {
        i += 1;
    }
    if !b.get(i).is_some_and(|&c| is_name_start(c)) {
        return TagResult::NotATag;
    }
    let name_start = i;
    while b.get(i).is_some_and(|&c| is_name_char(c)) {
        i += 1;
    }
    let name = &s[name_start..i];
    let mut attrs = Vec::new();
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match b.get(i) {
            None => return TagResult::Unterminated(b.len()),
            Some(b'>') => return TagResult::Tag(Tag { name, end_tag, self_closing: false, attrs }, i + 1),
            Some(b'/') if b.get(i + 1) == Some(&b'>') => {
                return TagResult::Tag(Tag { name, end_tag, self_closing: true, attrs }, i + 2)
            }
            Some(b'<') => return TagResult::Unterminated(i),
            Some(_) => {}
        }
        let key_start = i;
        while b.get(i).is_some_and(|&c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/' | b'<')) {
            i += 1;
        }
        if i == key_start {
            i += 1; // a stray '/': skip it
            continue;
        }
        let key = &s[key_start..i];
        let mut j = i;
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            attrs.push((key, Cow::Borrowed("")));
            continue;
        }
        j += 1;
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let Some(close) = memchr::memchr(q, &b[j + 1..]) else { return TagResult::Unterminated(b.len()) };
                let value = &s[j + 1..j + 1 + close];
                if value.contains('<') && value.contains('\n') {
                    // An unclosed quote swallowing the following markup.
                    return TagResult::Unterminated(j + 1 + value.find('<').unwrap_or(0));
                }
                attrs.push((key, unescape(value)));
                i = j + 1 + close + 1;
            }
            _ => {
                let v_start = j;
                while b.get(j).is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>') {
                    j += 1;
                }
                attrs.push((key, unescape(&s[v_start..j])));
                i = j;
            }
        }
    }
}

/// Element text: comments removed, entities unescaped, line breaks collapsed to spaces.
fn clean_text(raw: &str) -> String {
    let mut no_comments = Cow::Borrowed(raw);
    if raw.contains("<!--") {
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(i) = rest.find("<!--") {
            out.push_str(&rest[..i]);
            rest = match rest[i + 4..].find("-->") {
                Some(e) => &rest[i + 4 + e + 3..],
                None => "",
            };
        }
        out.push_str(rest);
        no_comments = Cow::Owned(out);
    }
    let text = unescape(no_comments.trim());
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c.is_whitespace() {
            let mut run = String::from(c);
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                run.push(d);
                chars.next();
            }
            if run.contains(['\n', '\r']) {
                out.push(' ');
            } else {
                out.push_str(&run);
            }
        } else {
            out.push(c);
        }
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;

    fn articles(s: &str) -> Vec<Result<Article, String>> {
        read_xml("in.xml", s).into_iter().map(|r| r.map_err(|e| e.to_string())).collect()
    }

    #[test]
    fn unescapes() {
        for (s, want) in [
            ("a &amp; b", "a & b"),
            ("&lt;x&gt; &quot;q&quot; &apos;", "<x> \"q\" '"),
            ("&#233;t&#xE9; &#X41;", "été A"),
            ("AT&T &nbsp; &#xZZ; & ;", "AT&T \u{a0} &#xZZ; & ;"),
            ("&mdash;&rsquo;&bogus;", "\u{2014}\u{2019}&bogus;"),
            ("tail &amp", "tail &amp"),
        ] {
            assert_eq!(unescape(s), want);
        }
    }

    #[test]
    fn sentences_become_articles() {
        let xml = "<Sentences>\n<!-- <Sentence id=\"no\"><Text>commented out</Text></Sentence> -->\n\
            <Sentence date=\"20080801\" id=\"A-1\" source=\"AFP\">\n<Text>\nArnor &amp; Gondor\nmet  today.\n</Text>\n\
            <Parse>(ROOT (S (NP Arnor) <weird>))</Parse>\n</Sentence>\n\
            <Sentence date = '19950101' id ='B-2'><Text>Second.</Text></Sentence>\n</Sentences>\n";
        let got = articles(xml);
        assert_eq!(got.len(), 2, "{got:?}");
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str(), a.date, a.line), ("A-1", "Arnor & Gondor met  today.", Some(Date::ymd(2008, 8, 1)), 3));
        let b = got[1].as_ref().unwrap();
        assert_eq!((b.id.as_str(), b.text.as_str(), b.date), ("B-2", "Second.", Some(Date::ymd(1995, 1, 1))));
    }

    #[test]
    fn self_closed_sentences() {
        let xml = "<Sentences>\n<Sentence id=\"a\" date=\"20150609\" evaluate=\"true\"/>\n\
            <EventCoding eventcode=\"090\" sourcecode=\"IGOUNO\" targetcode=\"IRN\" />\n\
            <Text>One</Text>\n<Parse>1\tOne</Parse></Sentence>\n\
            <Sentence id=\"b\" evaluate=\"false\"/>\n<Text>Two</Text>\n\
            <Sentence id=\"c\"/>\n<Text>Three</Text>\n</Sentence>\n</Sentences>";
        let v = parse_validation_xml("gsr.xml", xml);
        let v = match v {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let ids: Vec<(&str, bool)> = v.records.iter().map(|r| (r.id.as_str(), r.valid)).collect();
        assert_eq!(ids, [("a", true), ("b", false), ("c", true)]);
        assert_eq!(
            v.records[0].expected,
            [ExpectedEvent { source: "IGOUNO".into(), target: "IRN".into(), code: "090".into() }]
        );
        assert_eq!(articles(xml).iter().filter(|r| r.is_ok()).count(), 3);
    }

    #[test]
    fn malformed() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("just text, no markup", &[]),
            ("<Sentence id=\"a\"><Text>One</Text></Sentence>\n<Sentence id=\"b\">\n<Text>Two", &[
                "ok a",
                "x.xml:3: unexpected end of input: <Text> is not closed",
                "x.xml:2: <Sentence id=\"b\"> has no <Text>",
                "x.xml:2: unexpected end of input: <Sentence> is not closed",
            ]),
            ("<Sentences>\n<Sentence id=\"a\"><Text>One</Text>\n<Sentence id=\"b\"><Text>Two</Text></Sentence></Sentences>", &[
                "x.xml:2: <Sentence> is not closed",
                "ok a",
                "ok b",
            ]),
            ("<Sentences><Sentence id=\"a\"><Text>One</Text><Parse>(ROOT</Sentence></Sentences>", &[
                "x.xml:1: unclosed <Parse>: ended by </Sentence> on line 1",
                "ok a",
            ]),
            ("<Sentences>\n<Sentence id=\"a\">\n<Text>One</Text></Sentence>\n<!-- never closed", &[
                "ok a",
                "x.xml:4: unterminated comment <!--",
                "x.xml:1: unexpected end of input: <Sentences> is not closed",
            ]),
            ("<Text>Orphan</Text></Sentence>", &["x.xml:1: <Text> outside a <Sentence>", "x.xml:1: unexpected </Sentence>"]),
            ("<Sentence id=\"a\" date=\"2020-99-99\"><Text>T</Text></Sentence>", &[
                "x.xml:1: <Sentence id=\"a\">: unrecognised date \"2020-99-99\"",
            ]),
            ("<Sentence id=\"a\"><Text>T</Text></Sentence><Sentence id=\"b", &["ok a", "x.xml:1: unterminated tag <Sentence"]),
            ("<Sentence><Text>No id</Text></Sentence>", &["ok x.xml:1"]),
            ("<Sentence id=\"a\"/><Text>T</Text>\n</Parse></Sentence>", &["x.xml:2: unexpected </Parse>", "ok a"]),
            ("<Sentence id=\"a\"/><Text>\nT\n</Parse>\n</Sentence>", &["x.xml:1: unclosed <Text>: ended by </Parse> on line 3", "ok a"]),
            ("<Sentence id=\"a\"><Text>T\n<Parse>(ROOT)</Parse></Sentence>", &["x.xml:1: unclosed <Text>: ended by <Parse> on line 2", "ok a"]),
            ("<Sentence id=\"a\"><Text>\n</Text></Sentence>\n<Sentence id=\"b\"></Sentence>", &[
                "x.xml:1: <Sentence id=\"a\"> has an empty <Text>",
                "x.xml:3: <Sentence id=\"b\"> has no <Text>",
            ]),
            ("<Sentences><b>bold <i>unclosed</b> <EventCoding...></Sentences>", &[]),
            ("a < b and c<3 <Sentence id=\"a\"><Text>x < y</Text></Sentence>", &["ok a"]),
        ];
        for (xml, want) in cases {
            let got: Vec<String> = read_xml("x.xml", xml)
                .into_iter()
                .map(|r| match r {
                    Ok(a) => format!("ok {}", a.id),
                    Err(e) => e.to_string(),
                })
                .collect();
            assert_eq!(&got, want, "{xml:?}");
        }
    }

    #[test]
    fn validation_file() {
        let xml = r#"<Validation>
<!-- banner <EventCoding sourcecode="X" targetcode="Y" eventcode="010"></EventCoding> -->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>a.txt, b.txt</Actorfile>
    <Agentfile>agents.txt</Agentfile>
    <Discardfile>discards.txt</Discardfile>
    <Errorfile>errors.txt</Errorfile>
    <Include>valid DEMO  ACTOR</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "19950101" id ="DEMO-01" category="DEMO" valid="true">
<!-- <EventCoding sourcecode="NO" targetcode="NO" eventcode="000"></EventCoding> -->
<Skip></Skip>
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor restored ties.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950104" id="FINAL" category="DEMO" sentence="false">
<EventCoding noevents = "True"> </EventCoding>
<EventCoding error="dateline"></EventCoding>
<Text>ALL DONE.</Text>
</Sentence>
</Sentences>
</Validation>
"#;
        let v = parse_validation_xml("v.xml", xml).unwrap();
        assert_eq!(v.verbfile.as_deref(), Some("verbs.txt"));
        assert_eq!(v.actorfiles, ["a.txt", "b.txt"]);
        assert_eq!(v.agentfile.as_deref(), Some("agents.txt"));
        assert_eq!(v.discardfile.as_deref(), Some("discards.txt"));
        assert_eq!(v.include, ["valid", "DEMO", "ACTOR"]);
        assert_eq!(v.config, [("stop_on_error".to_string(), "True".to_string())]);
        assert!(v.environment.contains(&("Errorfile".to_string(), "errors.txt".to_string())));
        assert_eq!(v.records.len(), 2);
        let r = &v.records[0];
        assert_eq!((r.id.as_str(), r.date, r.category.as_deref(), r.valid, r.line), ("DEMO-01", Some(Date::ymd(1995, 1, 1)), Some("DEMO"), true, 14));
        assert_eq!(r.text, "Arnor restored ties.");
        assert!(r.skip && !r.noevents);
        assert_eq!(r.config, [("require_dyad".to_string(), "false".to_string())]);
        let codes: Vec<(&str, &str, &str)> = r.expected.iter().map(|e| (e.source.as_str(), e.target.as_str(), e.code.as_str())).collect();
        assert_eq!(codes, [("ARN", "GON", "064"), ("\"INJURY TOLL\"", "OSG", "223")]);
        let f = &v.records[1];
        assert!(!f.valid && f.noevents && f.expected.is_empty() && !f.skip && f.config.is_empty());
        assert_eq!(f.error.as_deref(), Some("dateline"));

        assert!(v.warnings.is_empty());
        let e = parse_validation_xml("v.xml", "<Validation><Sentences>").unwrap_err();
        assert_eq!(e.to_string(), "v.xml:1: unexpected end of input: <Sentences> is not closed");
        // Recoverable problems are warnings; records with an empty text are kept.
        let v = parse_validation_xml("v.xml", "<Sentence id=\"a\"><Text>A\n</Parse></Sentence>\n<Sentence id=\"b\"><Text></Text></Sentence>").unwrap();
        assert_eq!(v.records.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["A", ""]);
        assert_eq!(v.warnings.len(), 1);
    }
}
