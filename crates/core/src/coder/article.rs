//! Coding a whole article: headline and body sentences, with the article's date and
//! the dateline's country as context, into [`Event`]s with code-table values filled in,
//! each dated by the date expression of its clause ([`crate::when`]), placed
//! ([`crate::place`]), with its quotation and speaker ([`crate::quote`]), and one event
//! per happening ([`merge_mentions`]).

use rustc_hash::FxHashMap;

use crate::codes::CodeTable;
use crate::date::Date;
use crate::event::{Event, Offsets};
use crate::place::{ArticlePlaces, Gazetteer};
use crate::read::Article;
use crate::quote;
use crate::split;
use crate::when;

use super::actor::CountryFrom;
use super::{Coder, Referent, SentenceContext};

impl Coder<'_> {
    /// The country code of the first actor named in `place` (a dateline), if any.
    pub fn country_of(&mut self, place: &str) -> Option<String> {
        // Reuse the sentence machinery: code the place as a sentence and read its units.
        self.run(place, &SentenceContext::default(), None);
        self.units.first().map(|u| u.code.chars().take(3).collect())
    }

    /// The full actor code of the first actor named in `phrase` (a speaker), if any.
    pub fn actor_of(&mut self, phrase: &str, ctx: &SentenceContext) -> Option<String> {
        self.run(phrase, ctx, None);
        self.units.first().map(|u| u.code.clone())
    }

    /// Codes every sentence of `art` (the headline, when present, is sentence 0) and
    /// emits one event per happening: [`Coder::code_article_mentions`], then
    /// [`merge_mentions`].
    pub fn code_article(&mut self, art: &Article, codes: &CodeTable) -> Vec<Event> {
        merge_mentions(self.code_article_mentions(art, codes))
    }

    /// Codes every sentence of `art` into one event per coded mention, unmerged
    /// (`mentions` 1, `sentences` the event's own). Each event is dated by the date
    /// expression of its clause ([`when::date_for_verb`]), else by the publication date.
    pub fn code_article_mentions(&mut self, art: &Article, codes: &CodeTable) -> Vec<Event> {
        // Sentences with their byte range in the body (the headline has none).
        let mut sentences: Vec<(&str, Option<[usize; 2]>)> = Vec::new();
        if let Some(t) = art.title.as_deref().map(headline).filter(|t| !t.is_empty()) {
            sentences.push((t, None));
        }
        for r in split::sentences(&art.text) {
            sentences.push((&art.text[r.clone()], Some([r.start, r.end])));
        }
        // The dateline's country: the gazetteer's answer, else the first actor it names.
        let texts: Vec<&str> = sentences.iter().map(|&(s, _)| s).collect();
        let mut places = ArticlePlaces::new(Gazetteer::builtin(), art.dateline.as_deref(), &texts);
        let country = match places.dateline() {
            Some(d) => Some(d.country().to_string()),
            None => art.dateline.as_deref().and_then(|d| self.country_of(d)),
        };
        let ctx = SentenceContext { date: art.date, default_country: country.as_deref(), ..Default::default() };
        let quotes = quote::quotes(&art.text);
        // The subject of the last sentence that named an actor: who "he" and "the
        // minister" are when a quote's speaker names no actor of their own.
        let mut recent: Option<String> = None;
        // The persons named so far, most recent last: who "the minister" and "Saied" are.
        let mut referents: Vec<Referent> = Vec::new();
        let mut out = Vec::new();
        for (i, &(s, range)) in sentences.iter().enumerate() {
            // Speech: the quotation this sentence belongs to, and its speaker's code.
            let speech = range.and_then(|r| sentence_quote(&art.text, &quotes, r)).map(|(words, speaker)| {
                let sctx = SentenceContext { referents: &referents, ..ctx };
                let speaker = speaker
                    .and_then(|[x, y]| self.actor_of(&art.text[x..y], &sctx))
                    .filter(|c| c.len() >= 3 && !c.starts_with('~'))
                    .or_else(|| recent.clone());
                (words, speaker)
            });
            // "He tweeted": a pronoun with no actor before it in its sentence is the subject
            // of the last sentence that named one.
            let sctx = SentenceContext {
                headline: range.is_none(),
                speaker: speech.as_ref().and_then(|(_, sp)| sp.as_deref()),
                antecedent: recent.as_deref(),
                earlier: &out,
                referents: &referents,
                ..ctx
            };
            // A sentence screened out before its actors are found (a discard phrase, too
            // short) leaves no units: none of an earlier text may be remembered for it.
            self.units.clear();
            self.mentions.clear();
            let mut coded = self.code_sentence(s, &sctx);
            // A bare agent ("a suicide bomber", "police") that took the article's country
            // belongs to the place its sentence names, when that is another country's.
            // An agent "in" a place ("gunmen in Tripoli") takes that place's country as the
            // article's context resolves it.
            let defaulted = self.units.iter().any(|u| u.country_from == CountryFrom::Default);
            let placed: Vec<String> =
                self.units.iter().filter(|u| u.country_from == CountryFrom::Place).map(|u| u.base.clone()).collect();
            if !coded.is_empty() && (defaulted || !placed.is_empty()) {
                let named: Vec<[u8; 3]> = self
                    .units
                    .iter()
                    .filter(|u| u.country_from == CountryFrom::Named)
                    .filter_map(|u| u.code.as_bytes().get(..3).and_then(|c| c.try_into().ok()))
                    .collect();
                let differs = |c: &str| (defaulted && Some(c) != ctx.default_country) || placed.iter().any(|p| p != c);
                if let Some(c) = places.setting_country(s, &self.toks, &named).filter(|c| differs(c)) {
                    let default_country = if defaulted { Some(c.as_str()) } else { sctx.default_country };
                    coded = self.code_sentence(s, &SentenceContext { default_country, place_country: Some(&c), ..sctx });
                }
            }
            if self.story_discarded() {
                // A story discard phrase (a sports league, a film) anywhere drops the article.
                return Vec::new();
            }
            let first = out.len();
            if let Some(u) = self.units.first() {
                recent = Some(u.code.clone());
            }
            if self.opts.role_nouns {
                self.remember_referents(&mut referents);
            }
            if coded.is_empty() {
                continue;
            }
            // Dates are only looked for in sentences that produced events.
            let dates = when::find_dates(s, art.date);
            let verbs: Vec<[usize; 2]> = coded.iter().map(|c| c.verb_span).collect();
            for ce in coded {
                // Speech acts carry the quotation: an act told inside it, or the verb that
                // says it ("…," Rouhani said); not another deed in the attribution ("…,"
                // he said after meeting Iraqi officials).
                let speech_act = range.is_some_and(|[a, _]| {
                    let [v0, v1] = ce.verb_span;
                    quotes.iter().any(|q| q.span[0] <= a + v0 && a + v1 <= q.span[1])
                }) || quote::is_speech_verb(&s[ce.verb_span[0]..ce.verb_span[1]]);
                let speech = speech.as_ref().filter(|_| speech_act);
                let mention = when::date_for_verb(s, &dates, ce.verb_span, &verbs);
                let date = mention.map(|m| m.date).or(art.date);
                let mut e = Event {
                    doc_id: art.id.clone(),
                    sentence: i,
                    date,
                    source_text: ce.source_span.map(|[a, b]| s[a..b].to_string()).unwrap_or_default(),
                    target_text: ce.target_span.map(|[a, b]| s[a..b].to_string()).unwrap_or_default(),
                    verb_text: s[ce.verb_span[0]..ce.verb_span[1]].to_string(),
                    offsets: Offsets {
                        source: ce.source_span,
                        target: ce.target_span,
                        verb: Some(ce.verb_span),
                        date: mention.map(|m| m.span),
                        place: None,
                    },
                    source: ce.source,
                    target: ce.target,
                    root: String::new(),
                    quad_class: None,
                    goldstein: None,
                    plover: None,
                    code: ce.code,
                    text: s.to_string(),
                    location: None,
                    quote: speech.map(|(q, _)| q.clone()),
                    speaker: speech.and_then(|(_, sp)| sp.clone()),
                    pattern: ce.pattern,
                    issues: ce.issues,
                    date_precision: date.map(|d| d.precision()),
                    date_text: mention.map(|m| s[m.span[0]..m.span[1]].to_string()),
                    mentions: 1,
                    sentences: vec![i],
                };
                codes.fill(&mut e);
                out.push(e);
            }
            // `self.toks` still holds this sentence's tokens.
            places.locate(s, &self.toks, &mut out[first..]);
        }
        out
    }
}

/// A headline without the wire's credit or version tag in trailing parentheses ("…
/// sparks protests (AFP)", "… (Update3)", "… (Canadian Press)"): at most three words,
/// which name no party to its events.
fn headline(title: &str) -> &str {
    let t = title.trim();
    if let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) {
        let inner = &t[open + 1..t.len() - 1];
        if open > 0 && inner.split_whitespace().count() <= 3 && !inner.contains(['(', ')']) {
            return t[..open].trim_end();
        }
    }
    t
}

/// The quotation that sentence `[a, b)` of `text` belongs to: its words and its speaker
/// phrase. The parts of an interrupted quotation in the sentence (`"…," Pompeo said,
/// "and …"`: the same speaker) are joined with ` … `.
fn sentence_quote(text: &str, quotes: &[quote::Quote], [a, b]: [usize; 2]) -> Option<(String, Option<[usize; 2]>)> {
    let mut parts = quotes.iter().filter(|q| q.span[0] < b && a < q.span[1]);
    let first = parts.next()?;
    let mut words = text[first.span[0]..first.span[1]].trim().to_string();
    for q in parts.filter(|q| q.speaker.is_some() && q.speaker == first.speaker) {
        words.push_str(" … ");
        words.push_str(text[q.span[0]..q.span[1]].trim());
    }
    Some((words, first.speaker))
}

/// One event per happening within an article: events with the same source, target,
/// CAMEO root and date are emitted once, the first kept (in sentence order), with
/// `mentions` summed and `sentences` the union of their sentence indices.
///
/// An event with no date expression of its own (`date_text` null: dated by
/// publication) first takes the date of the first event in the article with the same
/// source, target and root that has one, so the undated headline "Iran seizes British
/// tanker" merges with the lead's "seized … on Friday". Its `date_text` and
/// `offsets.date` stay null: the words are in another of its `sentences`.
pub fn merge_mentions(mut events: Vec<Event>) -> Vec<Event> {
    if events.len() < 2 {
        return events;
    }
    type Who<'a> = (&'a str, &'a str, &'a str);
    let mut dated: FxHashMap<Who, Date> = FxHashMap::default();
    for e in events.iter().filter(|e| e.date_text.is_some()) {
        if let Some(d) = e.date {
            dated.entry((e.source.as_str(), e.target.as_str(), e.root.as_str())).or_insert(d);
        }
    }
    let adopt: Vec<Option<Date>> = events
        .iter()
        .map(|e| match e.date_text {
            Some(_) => None,
            None => dated.get(&(e.source.as_str(), e.target.as_str(), e.root.as_str())).copied(),
        })
        .collect();
    drop(dated);
    for (e, d) in events.iter_mut().zip(adopt) {
        if let Some(d) = d {
            e.date = Some(d);
            e.date_precision = Some(d.precision());
        }
    }
    let mut first: FxHashMap<(String, String, String, Option<Date>), usize> = FxHashMap::default();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        let key = (e.source.clone(), e.target.clone(), e.root.clone(), e.date);
        match first.get(&key) {
            Some(&k) => {
                let kept = &mut out[k];
                kept.mentions += e.mentions;
                for s in e.sentences {
                    if let Err(at) = kept.sentences.binary_search(&s) {
                        kept.sentences.insert(at, s);
                    }
                }
            }
            None => {
                first.insert(key, out.len());
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An event in sentence `s`: `who` is "SOURCE>TARGET root", `date` `YYYY[-MM[-DD]]`,
    /// `text` the date words or "" for a publication date.
    fn ev(s: usize, who: &str, date: &str, text: &str) -> Event {
        let (actors, root) = who.split_once(' ').unwrap();
        let (source, target) = actors.split_once('>').unwrap();
        let date = Date::parse(date);
        Event {
            doc_id: "d".into(),
            sentence: s,
            date,
            source: source.into(),
            target: target.into(),
            code: format!("{root}0"),
            root: root.into(),
            quad_class: None,
            goldstein: None,
            plover: None,
            source_text: String::new(),
            target_text: String::new(),
            verb_text: String::new(),
            offsets: Offsets::default(),
            text: String::new(),
            location: None,
            quote: None,
            speaker: None,
            pattern: String::new(),
            issues: vec![],
            date_precision: date.map(|d| d.precision()),
            date_text: (!text.is_empty()).then(|| text.into()),
            mentions: 1,
            sentences: vec![s],
        }
    }

    /// `(sentence, date, mentions, sentences)` of each merged event.
    fn merged(events: Vec<Event>) -> Vec<(usize, String, usize, Vec<usize>)> {
        merge_mentions(events)
            .into_iter()
            .map(|e| (e.sentence, e.date.map(|d| d.to_string()).unwrap_or_default(), e.mentions, e.sentences))
            .collect()
    }

    #[test]
    fn same_happening_is_one_event() {
        let got = merged(vec![
            ev(0, "IRN>GBR 19", "2019-07-21", ""),
            ev(1, "IRN>GBR 19", "2019-07-19", "Friday"),
            ev(1, "GBR>IRN 11", "2019-07-21", ""),
            ev(4, "IRN>GBR 19", "2019-07-19", "on Friday"),
            ev(5, "IRN>GBR 19", "2018-01", "January"),
        ]);
        assert_eq!(
            got,
            [
                (0, "2019-07-19".into(), 3, vec![0, 1, 4]),
                (1, "2019-07-21".into(), 1, vec![1]),
                (5, "2018-01".into(), 1, vec![5]),
            ]
        );
    }

    #[test]
    fn different_root_or_actors_stay_apart() {
        let got = merged(vec![
            ev(0, "IRN>GBR 19", "2019-07-21", ""),
            ev(1, "IRN>GBR 18", "2019-07-21", ""),
            ev(2, "IRN>USA 19", "2019-07-21", ""),
            ev(2, "IRN>GBR 19", "2019-07-21", ""),
        ]);
        assert_eq!(got.iter().map(|g| g.2).collect::<Vec<_>>(), [2, 1, 1]);
        assert_eq!(got[0].3, [0, 2]);
    }

    #[test]
    fn headline_credits_are_dropped() {
        assert_eq!(headline("Korea's labor reform sparks protests (AFP) "), "Korea's labor reform sparks protests");
        assert_eq!(headline("Al-Qaeda Group Kills a Second US Hostage in Iraq (Update3)"), "Al-Qaeda Group Kills a Second US Hostage in Iraq");
        // A longer parenthesis is part of the headline; so is a headline that is one.
        assert_eq!(headline("Iran (which denies it) seized the tanker"), "Iran (which denies it) seized the tanker");
        assert_eq!(headline("Talks resume (after a long pause in Geneva)"), "Talks resume (after a long pause in Geneva)");
        assert_eq!(headline("(AFP)"), "(AFP)");
    }

    #[test]
    fn interrupted_quote_parts_join_in_their_sentence() {
        let text = "\"We stay,\" Pompeo said, \"and we fight.\" \"No,\" Zarif said.";
        let qs = quote::quotes(text);
        let end = text.find(" \"No").unwrap();
        let (words, speaker) = sentence_quote(text, &qs, [0, end]).unwrap();
        assert_eq!(words, "We stay, … and we fight.");
        assert_eq!(speaker.map(|[a, b]| &text[a..b]), Some("Pompeo"));
        let (words, _) = sentence_quote(text, &qs, [end, text.len()]).unwrap();
        assert_eq!(words, "No,");
    }

    #[test]
    fn undated_article_merges_on_none() {
        let got = merged(vec![ev(0, "IRN>GBR 19", "", ""), ev(3, "IRN>GBR 19", "", "")]);
        assert_eq!(got, [(0, String::new(), 2, vec![0, 3])]);
    }
}
