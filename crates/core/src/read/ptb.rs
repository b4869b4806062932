//! Penn Treebank bracketed parses, as PETRARCH records carry them in `<Parse>`: their
//! words only. herald codes raw text and never reads a parse's structure, but PETRARCH
//! codes nothing else, so a validation record is coded from its parse's words where they
//! differ from its `<Text>` (a text cut short, a word changed in the parse only), and a
//! parse whose brackets do not balance is refused as PETRARCH refuses it.
//!
//! ```
//! use herald_core::read::ptb;
//!
//! let p = "(ROOT (S (NP (NNP Gondor)) (VP (VBD did) (RB n't) (VP (VB go))) (. .)))";
//! assert_eq!(ptb::text(p).as_deref(), Some("Gondor didn't go."));
//! assert!(ptb::same_words("Gondor didn't go.", p));
//! assert_eq!(ptb::text("(ROOT (S (NP (NNP Gondor))"), None);
//! ```

/// The leaves of a bracketed parse, in order, with the treebank's escapes undone
/// (`-LRB-` is `(`, the quote pairs are `"`); `None` if the brackets do not balance or
/// the input is not a bracketed parse.
pub fn leaves(parse: &str) -> Option<Vec<&str>> {
    let p = parse.trim();
    if !p.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    let mut out = Vec::new();
    // A leaf is a token right before `)` that follows a label: `(TAG word)`.
    let mut prev_open = false;
    let mut i = 0;
    let b = p.as_bytes();
    while i < b.len() {
        match b[i] {
            b'(' => {
                depth += 1;
                prev_open = true;
                i += 1;
            }
            b')' => {
                depth = depth.checked_sub(1)?;
                prev_open = false;
                i += 1;
                if depth == 0 {
                    // The root is closed: only blanks may follow.
                    return p[i..].trim().is_empty().then_some(out);
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'(' && b[i] != b')' {
                    i += 1;
                }
                let tok = &p[start..i];
                let mut j = i;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if !prev_open && b.get(j) == Some(&b')') {
                    out.push(unescape(tok));
                }
                prev_open = false;
            }
        }
    }
    None
}

fn unescape(leaf: &str) -> &str {
    match leaf {
        "-LRB-" | "-LCB-" | "-LSB-" => "(",
        "-RRB-" | "-RCB-" | "-RSB-" => ")",
        "``" | "''" => "\"",
        w => w,
    }
}

/// The sentence a parse's leaves spell: words separated by blanks, with punctuation and
/// clitics (`'s`, `n't`) joined to the word before; `None` as for [`leaves`].
pub fn text(parse: &str) -> Option<String> {
    let words = leaves(parse)?;
    let mut out = String::new();
    let mut glue_next = false;
    let mut quotes = 0usize;
    for w in words {
        let closing_quote = w == "\"" && quotes % 2 == 1;
        let glue = glue_next
            || closing_quote
            || matches!(w, "," | "." | ";" | ":" | "!" | "?" | "%" | ")")
            || w.starts_with('\'')
            || w.eq_ignore_ascii_case("n't");
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(w);
        glue_next = w == "(" || (w == "\"" && !closing_quote);
        if w == "\"" {
            quotes += 1;
        }
    }
    Some(out)
}

/// Whether `text` and the parse have the same words: their letters and digits agree,
/// ignoring case, blanks and punctuation. A parse that is not readable never agrees.
pub fn same_words(text: &str, parse: &str) -> bool {
    let Some(words) = leaves(parse) else { return false };
    let alnum = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let mut from_parse = String::new();
    for w in words {
        from_parse.push_str(&alnum(w));
    }
    alnum(text) == from_parse
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_and_balance() {
        let p = "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (NP (DT a) (NN -LRB-) (NN place))) (. .)))";
        assert_eq!(leaves(p).unwrap(), vec!["Arnor", "is", "a", "(", "place", "."]);
        assert_eq!(leaves("(ROOT (S (NP (NNP Arnor)))))"), None);
        assert_eq!(leaves("(ROOT (S (NP (NNP Arnor))"), None);
        assert_eq!(leaves("1\tArnor\tArnor\tPROPN"), None);
    }

    #[test]
    fn spelled_text() {
        for (p, want) in [
            ("(ROOT (S (NP (NNP Gondor) (POS 's)) (NN army) (, ,) (VBD said) (. .)))", "Gondor's army, said."),
            ("(ROOT (S (`` ``) (NN peace) ('' '') (VBD said) (NNP Arnor)))", "\"peace\" said Arnor"),
            ("(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (RB n't) (ADJP (JJ happy)))))", "Arnor isn't happy"),
        ] {
            assert_eq!(text(p).as_deref(), Some(want), "{p}");
        }
    }

    #[test]
    fn words_compared() {
        let p = "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (RB n't) (ADJP (JJ happy))) (. .)))";
        assert!(same_words("Arnor isn't happy.", p));
        assert!(same_words("ARNOR  is n't happy", p));
        assert!(!same_words("Arnor is happy.", p));
        assert!(!same_words("Arnor isn't happy.", "(ROOT (S (NP (NNP Arnor))"));
    }
}
