//! Datelines: the place (and agency, and date) that wire stories open with.
//!
//! `BEIRUT (Reuters) - Lebanon's army said …` has the dateline `BEIRUT`, the agency
//! `Reuters` and a body that starts at `Lebanon's`. Recognised forms, with a dash
//! (`-`, `--`, `–`, `—`) or a colon after them:
//!
//! - `KHARTOUM:`, `WASHINGTON (AP) —`, `BEIRUT (Reuters) -`
//! - `NAJAF, Iraq -`, `ERBIL, Kurdistan Region –`, `TROIS-RIVIERES, Que. (CP) -`
//! - `UNITED NATIONS, Dec 3 (Reuters) -`, `Tehran, Jan 5 (AFP) --`
//! - a source before the dateline: `AP - `, `Canadian Press - YELLOWKNIFE (CP) - `,
//!   `SPACE.com - TORONTO, Canada -- `.
//!
//! Real sentences are left alone: the place is at most six words, every word capitalised
//! (or a connector like `de`, `al-`); a place in mixed case needs a region, a date or an
//! agency with it, and a colon needs an all-capitals place.

/// A dateline found at the start of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dateline {
    /// `ERBIL, Kurdistan Region`, `UNITED NATIONS` (the date is left out); `None` when
    /// only a source (`AP - `) was found.
    pub place: Option<String>,
    /// `Reuters`, `AP`, `Canadian Press`, `SPACE.com`.
    pub agency: Option<String>,
    /// The date as written (`Dec 3`), unparsed.
    pub date: Option<String>,
    /// Byte offset in the text where the body starts (after the delimiter and spaces).
    pub end: usize,
}

/// The longest prefix that is searched for a delimiter, in bytes.
const MAX_PREFIX: usize = 100;

/// Finds a dateline at the start of `text` (after any whitespace).
pub fn dateline(text: &str) -> Option<Dateline> {
    let mut pos = text.len() - text.trim_start().len();
    let mut found = Dateline::default();
    let mut any = false;
    for _ in 0..2 {
        let rest = &text[pos..];
        let Some((cand_end, delim)) = find_delimiter(rest) else { break };
        let body = cand_end + delim.len;
        let body = body + (rest[body..].len() - rest[body..].trim_start().len());
        if body >= rest.len() {
            break;
        }
        match parse_candidate(rest[..cand_end].trim(), delim.colon) {
            Some(Prefix::Source(agency)) if !any => {
                found.agency = Some(agency);
                any = true;
                pos += body;
            }
            Some(Prefix::Place { place, agency, date }) => {
                found.place = Some(place);
                found.agency = found.agency.or(agency);
                found.date = date;
                any = true;
                pos += body;
                break;
            }
            _ => break,
        }
    }
    if any {
        found.end = pos;
        Some(found)
    } else {
        None
    }
}

struct Delim {
    len: usize,
    colon: bool,
}

/// The first dash or colon that can close a dateline, within the first line and
/// [`MAX_PREFIX`] bytes: returns where the candidate ends and the delimiter.
fn find_delimiter(s: &str) -> Option<(usize, Delim)> {
    let b = s.as_bytes();
    for (i, c) in s.char_indices() {
        if i > MAX_PREFIX || c == '\n' {
            return None;
        }
        match c {
            '-' if b.get(i + 1) == Some(&b'-') => {
                let mut len = 2;
                while b.get(i + len) == Some(&b'-') {
                    len += 1;
                }
                return Some((i, Delim { len, colon: false }));
            }
            '-' if i > 0 && b[i - 1] == b' ' && b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) => {
                return Some((i, Delim { len: 1, colon: false }));
            }
            '–' | '—' => return Some((i, Delim { len: c.len_utf8(), colon: false })),
            ':' if b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) => {
                return Some((i, Delim { len: 1, colon: true }));
            }
            _ => {}
        }
    }
    None
}

enum Prefix {
    Source(String),
    Place { place: String, agency: Option<String>, date: Option<String> },
}

fn parse_candidate(cand: &str, colon: bool) -> Option<Prefix> {
    if cand.is_empty() {
        return None;
    }
    let (cand, agency) = split_agency(cand)?;
    if cand.is_empty() {
        return agency.map(Prefix::Source);
    }
    if agency.is_none() && !colon && is_source(cand) {
        return Some(Prefix::Source(cand.to_string()));
    }
    // Comma-separated parts; a date may also follow a part without a comma
    // (`WASHINGTON Oct. 2, 2004`, `KHARTOUM, Sudan Sept. 19, 2004`).
    let mut parts: Vec<&str> = Vec::new();
    let mut date_parts: Vec<&str> = Vec::new();
    for part in cand.split(',').map(|p| p.trim().trim_end_matches('-').trim_end()).filter(|p| !p.is_empty()) {
        if !date_parts.is_empty() || is_date(part) {
            if !(is_date(part) || is_year(part)) {
                return None;
            }
            date_parts.push(part);
        } else if let Some((head, tail)) = split_trailing_date(part) {
            parts.push(head);
            date_parts.push(tail);
        } else {
            parts.push(part);
        }
    }
    if parts.is_empty() {
        // `SEPTEMBER 27, 2004 (COMPUTERWORLD) - `: a dated source, no place.
        return agency.filter(|_| !date_parts.is_empty()).map(Prefix::Source);
    }
    let (&place, region) = parts.split_first()?;
    if STOP_WORDS.contains(&place) || place.starts_with("By ") {
        return None;
    }
    let mut words = place_words(place)?;
    for part in region {
        words += place_words(part)?;
    }
    let all_caps = is_all_caps(place);
    // A weekday alone does not make a mixed-case prefix a dateline (`Talks, Monday - …`).
    let month_day = date_parts.iter().any(|d| !is_weekday(d));
    let date = (!date_parts.is_empty()).then(|| date_parts.join(", "));
    if words > 6 {
        return None;
    }
    let ok = if colon { all_caps } else { all_caps || agency.is_some() || month_day || !region.is_empty() };
    if !ok {
        return None;
    }
    let mut name = place.to_string();
    for r in region {
        name.push_str(", ");
        name.push_str(r);
    }
    Some(Prefix::Place { place: name, agency, date })
}

/// Splits a trailing `(Agency)`; `None` when the parentheses do not look like one.
fn split_agency(cand: &str) -> Option<(&str, Option<String>)> {
    if !cand.ends_with(')') {
        return Some((cand, None));
    }
    let open = cand.rfind('(')?;
    let inner = cand[open + 1..cand.len() - 1].trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalised = words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if words.is_empty() || words.len() > 4 || !(capitalised || is_source(inner)) {
        return None;
    }
    Some((cand[..open].trim().trim_end_matches(',').trim_end(), Some(inner.to_string())))
}

/// `Haiti Oct. 3` → (`Haiti`, `Oct. 3`).
fn split_trailing_date(part: &str) -> Option<(&str, &str)> {
    let mut ws = part.rmatch_indices(char::is_whitespace).map(|(i, _)| i);
    let _last = ws.next()?;
    let cut = ws.next()?;
    let (head, tail) = (part[..cut].trim_end(), part[cut..].trim());
    (is_date(tail) && !head.is_empty()).then_some((head, tail))
}

/// News agencies and sites that prefix a story without a place (`AP - `).
fn is_source(s: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "AP", "AFP", "Reuters", "UPI", "Xinhua", "dpa", "DPA", "Canadian Press", "CP", "ANSA", "EFE", "IANS",
        "PTI", "Kyodo", "Yonhap", "IRNA", "KUNA", "WAFA", "MENA", "SPA", "TASS", "Interfax", "Bloomberg",
        "CNN", "BBC", "AAP", "Anadolu", "Bernama", "APA", "Trend", "Itar-Tass", "RIA Novosti", "NewsFactor",
    ];
    if AGENCIES.contains(&s) {
        return true;
    }
    // A site name: `SPACE.com`, `washingtonpost.com`, `FT.com`.
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && matches!(*labels.last().unwrap_or(&""), "com" | "net" | "org" | "uk" | "au" | "ca" | "in")
}

/// Words that open sentences, never datelines (`Meanwhile, Tehran - …`).
const STOP_WORDS: &[&str] = &[
    "Meanwhile", "However", "Also", "But", "And", "In", "On", "At", "For", "The", "Then", "Now", "Still", "Yet",
    "Separately", "Earlier", "Later", "Today", "Yesterday", "Instead", "Indeed", "Moreover", "Nevertheless",
];

/// Counts the words of a place or region, or `None` when it does not look like one.
fn place_words(s: &str) -> Option<usize> {
    const CONNECTORS: &[&str] =
        &["of", "de", "del", "la", "le", "el", "al", "da", "do", "dos", "das", "di", "du", "des", "upon", "am", "an", "der", "sur", "en", "y"];
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    for (k, w) in words.iter().enumerate() {
        if !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '/' | '&')) {
            return None;
        }
        let first = w.chars().next()?;
        let capital = first.is_uppercase();
        // A connector (never first or last) or `al-Arish`.
        let connector = CONNECTORS.contains(w) && k > 0 && k + 1 < words.len();
        let prefixed = w.split_once('-').is_some_and(|(_, after)| after.starts_with(|c: char| c.is_uppercase()));
        if !(capital || connector || prefixed) {
            return None;
        }
    }
    Some(words.len())
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    const MONTHS: &[&str] = &[
        "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
        "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
    ];
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

fn is_day(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_weekday(w: &str) -> bool {
    const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    DAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// `Dec 3`, `Dec. 3`, `December 3`, `3 Dec`, `7 September 2004`, `Monday`.
fn is_date(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    match w.as_slice() {
        [d] => is_weekday(d),
        [m, d] => (is_month(m) && is_day(d)) || (is_day(m) && is_month(d)),
        [a, b, y] => ((is_month(a) && is_day(b)) || (is_day(a) && is_month(b))) && is_year(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, place, agency, body)
    const CASES: &[(&str, Option<&str>, Option<&str>, &str)] = &[
        ("ERBIL, Kurdistan Region – Kurdish forces said.", Some("ERBIL, Kurdistan Region"), None, "Kurdish forces said."),
        ("BEIRUT (Reuters) - Lebanon's army said.", Some("BEIRUT"), Some("Reuters"), "Lebanon's army said."),
        ("KHARTOUM: Sudan's army said.", Some("KHARTOUM"), None, "Sudan's army said."),
        ("NAJAF, Iraq - Militants fought.", Some("NAJAF, Iraq"), None, "Militants fought."),
        ("WASHINGTON (AP) — The president said.", Some("WASHINGTON"), Some("AP"), "The president said."),
        ("WASHINGTON—The president said.", Some("WASHINGTON"), None, "The president said."),
        ("UNITED NATIONS, Dec 3 (Reuters) - The council met.", Some("UNITED NATIONS"), Some("Reuters"), "The council met."),
        ("Tehran, Jan 5 (AFP) -- Iran said.", Some("Tehran"), Some("AFP"), "Iran said."),
        ("  NEW YORK (Reuters) - Stocks fell.", Some("NEW YORK"), Some("Reuters"), "Stocks fell."),
        ("TROIS-RIVIERES, Que. (CP) - A man said.", Some("TROIS-RIVIERES, Que."), Some("CP"), "A man said."),
        ("DUBAI/PARIS (Reuters) - Talks began.", Some("DUBAI/PARIS"), Some("Reuters"), "Talks began."),
        ("AP - Police said.", None, Some("AP"), "Police said."),
        ("Canadian Press - YELLOWKNIFE (CP) - The case.", Some("YELLOWKNIFE"), Some("Canadian Press"), "The case."),
        ("SPACE.com - TORONTO, Canada -- A team.", Some("TORONTO, Canada"), Some("SPACE.com"), "A team."),
        ("(Sports Network) - The Jets won.", None, Some("Sports Network"), "The Jets won."),
        ("Erbil, Kurdistan Region - Forces said.", Some("Erbil, Kurdistan Region"), None, "Forces said."),
        ("WASHINGTON Oct. 2, 2004 - The talks.", Some("WASHINGTON"), None, "The talks."),
        ("KHARTOUM, Sudan Sept. 19, 2004 - Rebels said.", Some("KHARTOUM, Sudan"), None, "Rebels said."),
        ("NEW YORK, September 22 (newratings.com) - Shares rose.", Some("NEW YORK"), Some("newratings.com"), "Shares rose."),
        ("TAIPEI (dpa) - Taiwan said.", Some("TAIPEI"), Some("dpa"), "Taiwan said."),
        ("GROZNY, (Reuters) - Rebels said.", Some("GROZNY"), Some("Reuters"), "Rebels said."),
        ("PHNOM PENH, Oct. 10. - The king.", Some("PHNOM PENH"), None, "The king."),
        ("LONDON, England, Monday - Shares fell.", Some("LONDON, England"), None, "Shares fell."),
        ("Houston, Texas- - The coach.", Some("Houston, Texas"), None, "The coach."),
        ("MONTREAL : Air Canada said.", Some("MONTREAL"), None, "Air Canada said."),
        ("SEPTEMBER 27, 2004 (COMPUTERWORLD) - Sun said.", None, Some("COMPUTERWORLD"), "Sun said."),
    ];

    #[test]
    fn recognised() {
        for &(input, place, agency, body) in CASES {
            let d = dateline(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
            assert_eq!(d.place.as_deref(), place, "{input}");
            assert_eq!(d.agency.as_deref(), agency, "{input}");
            assert_eq!(&input[d.end..], body, "{input}");
        }
        assert_eq!(dateline("UNITED NATIONS, Dec 3 (Reuters) - X.").unwrap().date.as_deref(), Some("Dec 3"));
    }

    #[test]
    fn real_sentences_are_left_alone() {
        for input in [
            "Arnor is about to restore ties with Gondor - a senior official said.",
            "Officials said: the talks failed.",
            "President Trump: We will win.",
            "Tehran - the capital - was calm.",
            "Meanwhile, Tehran - the capital - was calm.",
            "Iran, Iraq and Syria - the axis - met.",
            "By ALEX SMITH BALTIMORE (AP) -- Text.",
            "Talks, Monday - resumed.",
            "Al-Qaeda-linked militants attacked.",
            "U.S. forces - backed by jets - advanced.",
            "The Beirut-based group said: no.",
            "BEIRUT (Reuters) -",
            "A quite long opening clause with many words before any dash appears here - really.",
            "NEW YORK\n(Reuters) - split over lines",
            "",
            "   ",
        ] {
            assert_eq!(dateline(input), None, "{input:?}");
        }
    }
}
