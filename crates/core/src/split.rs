//! Sentence splitting with byte ranges into the original text.
//!
//! [`sentences`] makes one pass over the bytes, jumping with `memchr` from one candidate
//! boundary (`.`, `?`, `!`, newline) to the next. A candidate ends a sentence when it is
//! followed by whitespace and then by something that can start a sentence; a blank line
//! always ends one, a single newline never does (wire text wraps its lines).
//!
//! ```
//! let text = "Gen. Smith met U.S. officials on Jan. 3. He said it went well.";
//! let got: Vec<&str> = herald_core::split::sentences(text).into_iter().map(|r| &text[r]).collect();
//! assert_eq!(got, ["Gen. Smith met U.S. officials on Jan. 3.", "He said it went well."]);
//! ```

use std::ops::Range;

/// Splits `text` into sentences: byte ranges into `text`, trimmed of surrounding
/// whitespace, never empty, in order and not overlapping.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 120 + 1);
    let mut start = 0;
    let mut i = 0;
    // Cached next positions of a terminal mark and of a newline, at or after `i`.
    let mut next_mark: Option<usize> = None;
    let mut next_nl: Option<usize> = None;
    while i < n {
        if !matches!(next_mark, Some(p) if p >= i) {
            next_mark = memchr::memchr3(b'.', b'?', b'!', &b[i..]).map(|p| p + i).or(Some(n));
        }
        if !matches!(next_nl, Some(p) if p >= i) {
            next_nl = memchr::memchr(b'\n', &b[i..]).map(|p| p + i).or(Some(n));
        }
        let (m, nl) = (next_mark.unwrap_or(n), next_nl.unwrap_or(n));
        if m >= n && nl >= n {
            break;
        }
        if nl < m {
            // A blank line (only spaces, tabs or CRs on it) ends the sentence.
            let mut q = nl + 1;
            while q < n && matches!(b[q], b' ' | b'\t' | b'\r') {
                q += 1;
            }
            if q < n && b[q] == b'\n' {
                push_trimmed(text, start, nl, &mut out);
                start = q + 1;
                i = q + 1;
            } else {
                i = nl + 1;
            }
            continue;
        }
        // A run of terminal marks ("?!", "..."), then any closing quotes or brackets.
        let p = m;
        let mut q = p;
        while q < n && matches!(b[q], b'.' | b'?' | b'!') {
            q += 1;
        }
        let run = q - p;
        q = skip_closers(b, q);
        if q < n && !is_space(b[q]) {
            // "3.5", "U.S.A", "example.com", "end.Next": not a boundary.
            i = p + run;
            continue;
        }
        let mut r = q;
        while r < n && is_space(b[r]) {
            r += 1;
        }
        if r >= n {
            break;
        }
        if ends_sentence(text, start, p, run, r) {
            push_trimmed(text, start, q, &mut out);
            start = r;
            i = r;
        } else {
            i = q;
        }
    }
    push_trimmed(text, start, n, &mut out);
    out
}

#[inline]
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Skips closing quotes and brackets after a terminal mark: `." `, `?')`, `.”`, `.’`, `.»`.
fn skip_closers(b: &[u8], mut q: usize) -> usize {
    loop {
        match b.get(q..) {
            Some([b'"' | b'\'' | b')' | b']' | b'}', ..]) => q += 1,
            Some([0xE2, 0x80, 0x99 | 0x9D, ..]) => q += 3, // ’ ”
            Some([0xC2, 0xBB, ..]) => q += 2,              // »
            _ => return q,
        }
    }
}

/// The longest sentence handed on, in bytes: run-on text (a 10 MB line with no full
/// stop) is cut at whitespace into pieces of at most this size, so coding stays linear.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut a, b) = (start + lead, start + lead + trimmed.len());
    while b - a > MAX_SENTENCE_BYTES {
        let mut cut = a + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer the last whitespace before the limit.
        if let Some(ws) = text[a..cut].rfind(char::is_whitespace) {
            if ws > 0 {
                cut = a + ws;
            }
        }
        push_trimmed(text, a, cut, out);
        a = cut;
        while a < b && text[a..].starts_with(char::is_whitespace) {
            a += text[a..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if a < b {
        out.push(a..b);
    }
}

/// Decides a candidate: marks at `p..p+run`, the next sentence would start at `r`.
fn ends_sentence(text: &str, start: usize, p: usize, run: usize, r: usize) -> bool {
    let b = text.as_bytes();
    let Some(c) = text[r..].chars().next() else { return true };
    if c.is_lowercase() {
        return false;
    }
    // ". . ." spaced ellipses, ", and", "; ", ")": nothing starts a sentence with these.
    if matches!(c, '.' | ',' | ';' | ':' | '?' | '!' | ')' | ']' | '}') {
        return false;
    }
    if run != 1 || b[p] != b'.' {
        return true;
    }
    // A single period: look at the word it ends.
    let mut w = p;
    while w > start && !is_space(b[w - 1]) {
        w -= 1;
    }
    let word = text[w..p].trim_start_matches(['(', '[', '"', '\'', '“', '‘']);
    if word.is_empty() {
        return true;
    }
    if is_title(word) {
        return false;
    }
    if c.is_ascii_digit() && takes_number(word) {
        return false;
    }
    if is_initials(word) || is_company_suffix(word) {
        // "George W. Bush", "J.R.R. Tolkien", "U.S. Army", "Pfizer Inc. Chief…" go on;
        // "…by the U.S. The move…" ends: split only before a common sentence opener.
        return starts_with_opener(&text[r..]);
    }
    true
}

/// Abbreviations that precede a name and never end a sentence in wire text.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Dr"
            | "Drs"
            | "Prof"
            | "Gen"
            | "Gens"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cpt"
            | "Sgt"
            | "Cpl"
            | "Pvt"
            | "Adm"
            | "Cmdr"
            | "Cdr"
            | "Brig"
            | "Cmdt"
            | "Gov"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Supt"
            | "Insp"
            | "Amb"
            | "Sec"
            | "Atty"
            | "Fr"
            | "Sr"
            | "Jr"
            | "St"
            | "Ste"
            | "Mt"
            | "Ft"
            | "Sheikh"
            | "vs"
            | "Vs"
            | "cf"
            | "approx"
            | "Approx"
    )
}

/// Abbreviations that precede a number: "Jan. 3", "Sept. 11", "No. 10", "Art. 5".
fn takes_number(w: &str) -> bool {
    matches!(
        w,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "No"
            | "Nos"
            | "no"
            | "nos"
            | "Vol"
            | "vol"
            | "Art"
            | "art"
            | "Fig"
            | "fig"
            | "Ch"
            | "ch"
            | "p"
            | "pp"
            | "Para"
            | "para"
            | "Res"
    )
}

/// Single letters with periods: "W", "U.S", "U.N", "J.R.R", "e.g", "a.m".
fn is_initials(w: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in w.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    // A lone letter counts only in upper case ("W." but not "a." in "plan a.").
    letters > 1 || w.chars().next().is_some_and(char::is_uppercase)
}

fn is_company_suffix(w: &str) -> bool {
    matches!(w, "Inc" | "Corp" | "Co" | "Cos" | "Ltd" | "Bros" | "Plc" | "Assn" | "Dept")
}

/// Does `s` start with a word that typically opens a sentence (and is not a name)?
fn starts_with_opener(s: &str) -> bool {
    let s = s.trim_start_matches(['"', '\'', '“', '‘', '(']);
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    matches!(
        &s[..end],
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "To"
            | "With"
            | "As"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "Although"
            | "Though"
            | "Since"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "None"
            | "Both"
            | "Each"
            | "Such"
            | "However"
            | "Meanwhile"
            | "Also"
            | "Still"
            | "Now"
            | "Then"
            | "Later"
            | "Earlier"
            | "Last"
            | "Yesterday"
            | "Today"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
    )
}

#[cfg(test)]
mod long_tests {
    use super::*;

    #[test]
    fn run_on_text_is_cut_into_bounded_pieces() {
        let text = "word ".repeat(10_000);
        let r = sentences(&text);
        assert!(r.len() > 10);
        for x in &r {
            assert!(x.end - x.start <= MAX_SENTENCE_BYTES);
            assert!(!text[x.clone()].starts_with(' ') && !text[x.clone()].ends_with(' '));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($want),*];
                assert_eq!(split($input), want, "input: {:?}", $input);
            }
        };
    }

    t!(empty, "", []);
    t!(only_space, "  \n\n \t ", []);
    t!(one, "Arnor restored ties with Gondor.", ["Arnor restored ties with Gondor."]);
    t!(no_final_mark, "  Arnor restored ties  ", ["Arnor restored ties"]);
    t!(two, "Arnor left. Gondor stayed.", ["Arnor left.", "Gondor stayed."]);
    t!(question_exclaim, "Why? Because! Then.", ["Why?", "Because!", "Then."]);
    t!(interrobang, "Really?! Yes.", ["Really?!", "Yes."]);
    t!(question_in_quote, "\"Why?\" he asked. Nobody knew.", ["\"Why?\" he asked.", "Nobody knew."]);
    t!(us_lower, "U.S. officials met. They left.", ["U.S. officials met.", "They left."]);
    t!(us_name, "The U.S. Army moved in.", ["The U.S. Army moved in."]);
    t!(us_end, "Sanctions were imposed by the U.S. The move angered Iran.",
        ["Sanctions were imposed by the U.S.", "The move angered Iran."]);
    t!(un, "The U.N. Security Council met on Monday.", ["The U.N. Security Council met on Monday."]);
    t!(general, "Gen. Smith arrived. He spoke.", ["Gen. Smith arrived.", "He spoke."]);
    t!(lt_col, "Lt. Col. John Smith said so.", ["Lt. Col. John Smith said so."]);
    t!(mr_dr_st, "Mr. Jones and Dr. Who visited St. Louis. Then they left.",
        ["Mr. Jones and Dr. Who visited St. Louis.", "Then they left."]);
    t!(months, "On Jan. 3 and Sept. 11 troops moved. Talks began.",
        ["On Jan. 3 and Sept. 11 troops moved.", "Talks began."]);
    t!(initial, "George W. Bush met J.R.R. Tolkien. It was odd.",
        ["George W. Bush met J.R.R. Tolkien.", "It was odd."]);
    t!(decimal, "Growth was 3.5 percent. Prices rose 0.2 percent.",
        ["Growth was 3.5 percent.", "Prices rose 0.2 percent."]);
    t!(quote_close, "\"We will fight,\" he said. \"We will win.\" Next came more.",
        ["\"We will fight,\" he said.", "\"We will win.\"", "Next came more."]);
    t!(curly_quote, "He said “we will win.” Next came more.",
        ["He said “we will win.”", "Next came more."]);
    t!(ellipsis_lower, "It was... fine, he said. Really.", ["It was... fine, he said.", "Really."]);
    t!(ellipsis_upper, "It was over... The end came.", ["It was over...", "The end came."]);
    t!(spaced_ellipsis, "Wait . . . what happened? Nothing.", ["Wait . . . what happened?", "Nothing."]);
    t!(wrapped_line, "Arnor is about to restore ties\nwith Gondor. A senior\nofficial said so.",
        ["Arnor is about to restore ties\nwith Gondor.", "A senior\nofficial said so."]);
    t!(blank_line, "Headline without period\n\nBody starts here. More.",
        ["Headline without period", "Body starts here.", "More."]);
    t!(blank_line_crlf, "Head\r\n \r\nBody.", ["Head", "Body."]);
    t!(paren_agency, "Gondor attacked (Reuters). Arnor replied.", ["Gondor attacked (Reuters).", "Arnor replied."]);
    t!(company, "Pfizer Inc. said profit rose. Nike Inc. The firm grew.",
        ["Pfizer Inc. said profit rose.", "Nike Inc.", "The firm grew."]);
    t!(am_pm, "Talks began at 10 a.m. Monday and ended at 5 p.m. The sides agreed.",
        ["Talks began at 10 a.m. Monday and ended at 5 p.m.", "The sides agreed."]);
    t!(number_end, "He arrived in 1999. In 2000 he left.", ["He arrived in 1999.", "In 2000 he left."]);
    t!(no_space_after, "Visit example.com.Now.", ["Visit example.com.Now."]);
    t!(digits_after, "Troops left. 200 stayed.", ["Troops left.", "200 stayed."]);
    t!(no_number, "He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]);
    t!(unicode, "Érbil est calme. Ça va.", ["Érbil est calme.", "Ça va."]);
    t!(multi_space, "One.    Two.\n\n\n\nThree", ["One.", "Two.", "Three"]);
    t!(trailing_dots_only, "....", ["...."]);

    #[test]
    fn offsets_slice_back() {
        let text = "  A first one.  Gen. Smith said \"no.\" Then\n\nthe end  ";
        for r in sentences(text) {
            let s = &text[r.clone()];
            assert!(!s.is_empty());
            assert_eq!(s, s.trim());
        }
    }

    #[test]
    fn ranges_hold_on_pseudo_random_input() {
        // No proptest: a small xorshift generator over an alphabet of tricky pieces.
        let pieces = [
            "a", "B", " ", "  ", "\n", "\n\n", ".", "?", "!", "\"", "'", ")", "U.S.", "Gen.", "é", "—", "…",
            "”", "’", "3.5", "\r\n", "\t", "Ça", "日本", "x.", " . ", "...", "W.", "»",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            let len = (state % 40) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let ranges = sentences(&s);
            let mut last_end = 0;
            for r in &ranges {
                assert!(r.start < r.end, "empty range in {s:?}");
                assert!(r.start >= last_end, "overlap in {s:?}");
                assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end), "{s:?}");
                let piece = &s[r.clone()];
                assert_eq!(piece, piece.trim(), "untrimmed in {s:?}");
                last_end = r.end;
            }
            // Nothing but whitespace is left out.
            let mut covered = 0;
            for r in &ranges {
                assert!(s[covered..r.start].trim().is_empty(), "dropped text in {s:?}");
                covered = r.end;
            }
            assert!(s[covered..].trim().is_empty(), "dropped tail in {s:?}");
        }
    }

    #[test]
    fn fast_enough() {
        // A smoke check on throughput (debug builds are far slower than release; the
        // real figure comes from the benchmark).
        let para = "BEIRUT (Reuters) - Lebanon's U.S.-backed army said on Monday it had \
                    killed 3.5 militants. Gen. Aoun met Mr. Smith on Jan. 3 in St. Louis... \
                    \"We will win,\" he said. Really?! Yes.\n\n";
        let text = para.repeat(2000);
        let t = std::time::Instant::now();
        let n = sentences(&text).len();
        assert_eq!(n, 2000 * 5);
        assert!(t.elapsed().as_secs_f64() < 5.0);
    }
}
