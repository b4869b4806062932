//! Coding a whole article: headline and body sentences, with the article's date and
//! the dateline's country as context, into [`Event`]s with code-table values filled in.

use crate::codes::CodeTable;
use crate::event::{Event, Offsets};
use crate::read::Article;
use crate::split;

use super::{Coder, SentenceContext};

impl Coder<'_> {
    /// The country code of the first actor named in `place` (a dateline), if any.
    pub fn country_of(&mut self, place: &str) -> Option<String> {
        // Reuse the sentence machinery: code the place as a sentence and read its units.
        self.run(place, &SentenceContext::default(), None);
        self.units.first().map(|u| u.code.chars().take(3).collect())
    }

    /// Codes every sentence of `art` (the headline, when present, is sentence 0).
    pub fn code_article(&mut self, art: &Article, codes: &CodeTable) -> Vec<Event> {
        let country = art.dateline.as_deref().and_then(|d| self.country_of(d));
        let ctx = SentenceContext { date: art.date, default_country: country.as_deref() };
        let mut sentences: Vec<&str> = Vec::new();
        if let Some(t) = art.title.as_deref().filter(|t| !t.trim().is_empty()) {
            sentences.push(t.trim());
        }
        for r in split::sentences(&art.text) {
            sentences.push(&art.text[r]);
        }
        let mut out = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            let coded = self.code_sentence(s, &ctx);
            if self.story_discarded() {
                // A story discard phrase (PETRARCH `+` line) anywhere drops the whole article.
                return Vec::new();
            }
            for ce in coded {
                let mut e = Event {
                    doc_id: art.id.clone(),
                    sentence: i,
                    date: art.date,
                    source_text: ce.source_span.map(|[a, b]| s[a..b].to_string()).unwrap_or_default(),
                    target_text: ce.target_span.map(|[a, b]| s[a..b].to_string()).unwrap_or_default(),
                    verb_text: s[ce.verb_span[0]..ce.verb_span[1]].to_string(),
                    offsets: Offsets { source: ce.source_span, target: ce.target_span, verb: Some(ce.verb_span) },
                    source: ce.source,
                    target: ce.target,
                    root: String::new(),
                    quad_class: None,
                    goldstein: None,
                    plover: None,
                    code: ce.code,
                    text: s.to_string(),
                    location: None,
                    quote: None,
                    speaker: None,
                    pattern: ce.pattern,
                    issues: ce.issues,
                };
                codes.fill(&mut e);
                out.push(e);
            }
        }
        out
    }
}
