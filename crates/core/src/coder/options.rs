//! Coder options: the switches that differ between dictionary conventions, and the
//! TABARI `.options` commands that set them (`SET: CODE BY SENTENCE`, `DEFAULT: …`,
//! `COMMA: …`), which TABARI validation records can also change mid-run.

use super::actor::{ActorGap, PronounRule};

/// How many events a sentence may yield (TABARI `SET: CODE BY …`, manual 7.6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeBy {
    /// The first verb that yields an event in each clause (TABARI and PETRARCH default).
    Clause,
    /// Only the first event of the sentence.
    Sentence,
    /// Every verb that yields an event.
    All,
}

/// Lengths (in words) of comma-delimited nonrestrictive clauses that are removed before
/// coding (TABARI `COMMA:`, manual 7.8 and 8.6): a phrase between two commas is removed
/// when `min <= words <= max`; `bmin`/`bmax` apply to the phrase before the first comma,
/// `emin`/`emax` to the phrase after the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommaLimits {
    pub min: usize,
    pub max: usize,
    pub emin: usize,
    pub emax: usize,
    pub bmin: usize,
    pub bmax: usize,
}

impl CommaLimits {
    /// TABARI's defaults: internal and final phrases of 2 to 10 words; never the first.
    pub const TABARI: CommaLimits = CommaLimits { min: 2, max: 10, emin: 2, emax: 10, bmin: 128, bmax: 0 };
}

/// A default actor code for events whose source or target was not found (TABARI
/// `DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER`, manual 8.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultActor {
    pub code: String,
    /// `PRIOR` (source): used whenever no actor precedes the verb, instead of looking
    /// after it. `AFTER` (target): used whenever no actor follows the verb, instead of
    /// looking before it.
    pub eager: bool,
}

/// Switches that differ between dictionary conventions.
#[derive(Debug, Clone)]
pub struct CoderOptions {
    /// "did not attack" codes nothing.
    pub negation: bool,
    /// "was attacked by X": X is the source.
    pub passive: bool,
    /// Events need a target (TABARI and PETRARCH convention).
    pub require_target: bool,
    /// A capitalised dictionary verb in mid-sentence is a noun (TABARI).
    pub capitalized_nouns: bool,
    /// How many events a sentence may yield.
    pub code_by: CodeBy,
    /// Comma-delimited clauses removed before coding (TABARI); `None` keeps them.
    pub comma: Option<CommaLimits>,
    /// Sentences with fewer words (a comma counts as a word) code nothing; 0 = no limit.
    pub min_words: usize,
    /// An agent with no actor to attach to becomes an actor of its own (`~COP`).
    pub convert_agents: bool,
    /// Words allowed between an actor and its agent ("Iraq's *new* defence minister");
    /// TABARI wants them adjacent (or `former`).
    pub agent_modifiers: usize,
    /// Any plain word (not a verb, not part of an actor) may stand before a member of a
    /// compound actor after the conjunction, as an adjective does (PETRARCH, which reads
    /// compounds off the parse tree and has no adjective list).
    pub loose_modifiers: bool,
    /// The words a synset matched count towards the length of a pattern match (PETRARCH);
    /// TABARI counts a synset as nothing, so a plain word of the same length wins.
    pub count_synsets: bool,
    /// Modal auxiliaries (should, would, may, …) are never verbs (PETRARCH reads verbs off
    /// the parse, where they are tagged MD).
    pub modals_not_verbs: bool,
    /// A compound list ends at its conjunction: "A and B, and C and D" are two compounds
    /// (PETRARCH); TABARI joins them all.
    pub one_conjunction: bool,
    /// A hyphen separates words, in the text as in the dictionaries (TABARI: `Al-Gore`
    /// is `AL GORE`).
    pub split_hyphens: bool,
    /// After a conjunction the source carries over from the clause before unless an actor
    /// follows the conjunction at once (TABARI 7.6); otherwise the first actor of the verb's
    /// clause is the source.
    pub carry_source: bool,
    /// Actors on either side of a possessive ("Arnor's Elrond") join one compound (TABARI
    /// sees one noun phrase naming two actors).
    pub possessive_compounds: bool,
    /// `%` in a pattern makes its compound both source and target, every member against
    /// every other (TABARI); otherwise only the source (PETRARCH).
    pub compound_both: bool,
    /// Agents joined by "and" each make an actor, and leading agents carry over a compound
    /// of actors: "lawmakers and officials in Fornost and Gondor" (PETRARCH).
    pub distribute_agents: bool,
    /// How pronouns find their referents.
    pub pronouns: PronounRule,
    /// How far apart the words of a gapped actor phrase may be.
    pub actor_gap: ActorGap,
    pub default_source: Option<DefaultActor>,
    pub default_target: Option<DefaultActor>,
    /// TABARI's greedy default searches (manual 5.8): with no actor before the verb the
    /// source is the first one after it; with no actor after it, the target is the first
    /// one before it with another code, else a compound source codes against itself.
    pub greedy_actors: bool,
    /// Actor and verb codes `###` discard the sentence and `+++` mark it as too complex
    /// to code (TABARI special codes); otherwise they are ordinary codes.
    pub special_codes: bool,
    /// A comma outside a compound actor list starts a new clause (PETRARCH reads clauses
    /// off the parse tree: "…, the agency said on Thursday" is a clause of its own).
    pub comma_clauses: bool,
    /// The default target is looked for in the verb's own clause only (TABARI: pattern
    /// and actor searches stop at conjunctions; PETRARCH: the object is in the verb phrase).
    pub target_in_clause: bool,
    /// The code of a missing source or target when events need no dyad
    /// (`require_target` off): `---` in PETRARCH, empty otherwise.
    pub absent_code: String,
    /// A bare agent with no actor (and no default country) stands for an unknown actor
    /// with this code in place of the country (PETRARCH `---GOV`).
    pub agent_placeholder: Option<String>,
    /// TABARI `FORWARD:` sequence format (`^^*****NNN*SSS`): records whose ids share the
    /// story number (the `N`s) form a story, and a pronoun without a referent in its
    /// sentence refers to the first actor of the story's previous sentence.
    pub forward: Option<String>,
    /// Time phrases take effect (TABARI `SET: TIME SHIFT`); their `[###]` and `[+++]`
    /// markers discard the sentence.
    pub time_shift: bool,
    /// A bare agent ("troops") takes the country of the nearest actor in the sentence
    /// (herald's own dictionaries; TABARI and PETRARCH leave it without a country).
    pub agents_take_nearest_country: bool,
    /// Try every pattern and keep the one that matched the most text (TABARI 5.7.1,
    /// PETRARCH); otherwise the first match in longest-first order wins.
    pub longest_pattern: bool,
    /// With no actor before a pattern's first word, the source may be an actor among the
    /// pattern's words before the verb (TABARI, PETRARCH; "- NEITHER *").
    pub source_in_pattern: bool,
    /// An act announced with "will", "would" or "shall" is a threat (conflict) or an intent
    /// (cooperation): "said it would impose sanctions" is 1312, not 163
    /// ([`crate::codes::announced`]; herald's convention).
    pub modal_intent: bool,
    /// A place named after "in" or "at" is where something happened: never the subject, and
    /// not the other party of a mutual act ("signed a deal in Istanbul"); herald's
    /// convention.
    pub places_are_settings: bool,
    /// A compound source of a mutual act (roots 03–06, releases, truces) with no target
    /// acts on its own members: "Turkey and Greece agreed to resume talks" (herald's
    /// convention).
    pub mutual_compounds: bool,
    /// A verb right after "and" shares the previous verb's subject ("forced a plane to
    /// land and arrested a journalist"), and a verb after a reporting verb takes its
    /// subject after that verb ("X said Y had warned Z"); herald's convention.
    pub coordinated_subject: bool,
    /// An actor of another country among the pattern's own words after the verb is the
    /// target ("expelled the French ambassador"), and for coercion (root 17) one of the
    /// same country too ("suspended parliament"); herald's convention.
    pub inner_targets: bool,
    /// "condemned the attack": a deed named after the verb, with no party of its own, is
    /// the deed of the last event's source, in the sentence or (forwarded by the article
    /// coder) the article; herald's convention.
    pub event_references: bool,
    /// Statements (root 01) are not made to the speaker's own country, and cooperation and
    /// threats do not target a bare military, police or government agent that borrowed the
    /// source's own country ("Washington threatened sanctions on the generals"); herald's
    /// convention.
    pub foreign_targets: bool,
    /// A gap between a pattern's words stays within the verb's clause: "rejected the
    /// criticism and threatened to reduce its cooperation" is two acts (herald's
    /// convention; TABARI and PETRARCH patterns may reach over a conjunction).
    pub patterns_in_clause: bool,
    /// The subject of a passive with no BY ("three soldiers were killed") suffered the
    /// act (threats and conflict, roots 13–20) and its doer is not named, so the verb codes
    /// no event; herald's convention (TABARI and PETRARCH read such a verb as active).
    pub agentless_passive: bool,
    /// Seizing or capturing (171, 173) a target that names only a country or one of its
    /// places ("seized Kabul", "captured Damascus") is occupying territory (192); herald's
    /// convention.
    pub territory: bool,
    /// A noun phrase of at most this many words that names no actor is an actor of its
    /// own, coded as its words in quotes (PETRARCH `new_actor_length`); 0: never.
    pub new_actor_length: usize,
    /// `^` in a pattern passes over a noun phrase that names no actor as well as over an
    /// actor (PETRARCH, whose `^` skips a noun phrase of the parse: "- * THEIR ^ +" on
    /// "warned their populations about Gondor").
    pub skip_phrases: bool,
    /// Noun phrases that each name an actor, joined by one conjunction, form a compound
    /// ("Ithilen's sheep and goats of Gondor"; PETRARCH reads the coordination off its
    /// parse); otherwise only modifiers may stand between a compound's actors.
    pub phrase_compounds: bool,
    /// With `require_target` off, an event without a target actor still needs a noun
    /// phrase after its verb, in its clause (PETRARCH codes the verb's object as `---`):
    /// "an official said on Saturday" codes, "an official said today" does not.
    pub absent_target_needs_object: bool,
    /// "The minister", "the Iranian president" take the code of the most recent fitting
    /// person of the article ([`super::refer`]; herald). TABARI and PETRARCH code a role
    /// noun as a bare agent.
    pub role_nouns: bool,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            negation: true,
            passive: true,
            require_target: true,
            capitalized_nouns: false,
            code_by: CodeBy::Clause,
            comma: None,
            min_words: 0,
            convert_agents: false,
            agent_modifiers: 2,
            distribute_agents: false,
            compound_both: true,
            possessive_compounds: false,
            carry_source: false,
            split_hyphens: false,
            one_conjunction: false,
            modals_not_verbs: false,
            count_synsets: true,
            loose_modifiers: false,
            pronouns: PronounRule::Nearest,
            actor_gap: ActorGap { max: 2, words_only: true, overlapping_agents: false },
            default_source: None,
            default_target: None,
            greedy_actors: false,
            special_codes: false,
            comma_clauses: false,
            target_in_clause: false,
            absent_code: String::new(),
            agent_placeholder: None,
            forward: None,
            time_shift: true,
            agents_take_nearest_country: true,
            longest_pattern: false,
            source_in_pattern: false,
            modal_intent: true,
            places_are_settings: true,
            mutual_compounds: true,
            coordinated_subject: true,
            inner_targets: true,
            event_references: true,
            foreign_targets: true,
            patterns_in_clause: true,
            territory: true,
            agentless_passive: true,
            new_actor_length: 0,
            skip_phrases: false,
            phrase_compounds: false,
            absent_target_needs_object: false,
            role_nouns: true,
        }
    }
}

impl CoderOptions {
    /// TABARI's conventions: capitalised verbs are nouns, negation is left to the
    /// dictionaries, comma-delimited clauses are removed, sentences need 8 words.
    pub fn tabari() -> CoderOptions {
        CoderOptions {
            capitalized_nouns: true,
            negation: false,
            comma: Some(CommaLimits::TABARI),
            min_words: 8,
            special_codes: true,
            greedy_actors: true,
            possessive_compounds: true,
            carry_source: true,
            split_hyphens: true,
            target_in_clause: true,
            count_synsets: false,
            agent_modifiers: 0,
            pronouns: PronounRule::Tabari,
            agents_take_nearest_country: false,
            longest_pattern: true,
            source_in_pattern: true,
            // TABARI matches the words of `DURTHANG ORC` anywhere later in the sentence.
            actor_gap: ActorGap { max: usize::MAX, words_only: false, overlapping_agents: false },
            ..CoderOptions::herald_conventions_off()
        }
    }

    /// The defaults without herald's own coding conventions (announced acts, places as
    /// settings, mutual compounds, coordinated and reported subjects, inner targets, deed
    /// references, foreign targets, clause-bound patterns, territory, role nouns): the
    /// base of the TABARI and PETRARCH presets, whose suites expect their own semantics.
    fn herald_conventions_off() -> CoderOptions {
        CoderOptions {
            modal_intent: false,
            places_are_settings: false,
            mutual_compounds: false,
            coordinated_subject: false,
            inner_targets: false,
            event_references: false,
            foreign_targets: false,
            patterns_in_clause: false,
            territory: false,
            agentless_passive: false,
            role_nouns: false,
            ..CoderOptions::default()
        }
    }

    /// PETRARCH-1's conventions (its `PETR_config.ini` defaults): events need a source and
    /// a target, an agent without an actor codes as `---` plus its role.
    pub fn petrarch() -> CoderOptions {
        CoderOptions {
            absent_code: "---".to_string(),
            agent_placeholder: Some("---".to_string()),
            comma_clauses: true,
            target_in_clause: true,
            distribute_agents: true,
            compound_both: false,
            one_conjunction: true,
            modals_not_verbs: true,
            loose_modifiers: true,
            actor_gap: ActorGap { max: 2, words_only: true, overlapping_agents: true },
            agents_take_nearest_country: false,
            longest_pattern: true,
            source_in_pattern: true,
            skip_phrases: true,
            phrase_compounds: true,
            absent_target_needs_object: true,
            ..CoderOptions::herald_conventions_off()
        }
    }

    /// PETRARCH-2's conventions: as PETRARCH-1's, but an agent phrase inside another
    /// ("opposition group" in "main opposition group") adds no role of its own, and `%`
    /// codes its compound against itself.
    pub fn petrarch2() -> CoderOptions {
        let mut o = CoderOptions::petrarch();
        o.actor_gap.overlapping_agents = false;
        o.compound_both = true;
        o
    }

    /// Applies a PETRARCH `<Config option= value=>` setting (`require_dyad`, `comma_min`,
    /// …, `comma_emax`); unknown options are ignored. PETRARCH's comma limits include
    /// their minimum.
    pub fn apply_petrarch(&mut self, option: &str, value: &str) -> Result<(), String> {
        let v = value.trim();
        match option.trim().to_ascii_lowercase().as_str() {
            "require_dyad" => self.require_target = !v.eq_ignore_ascii_case("false"),
            "new_actor_length" => {
                self.new_actor_length = v.parse().map_err(|_| format!("new_actor_length: bad number '{v}'"))?;
            }
            o if o.starts_with("comma_") => {
                let n: usize = v.parse().map_err(|_| format!("{o}: bad number '{v}'"))?;
                let mut c = self.comma.unwrap_or(CommaLimits { min: 1, max: 8, emin: 1, emax: 8, bmin: 0, bmax: 0 });
                match &o[6..] {
                    "min" => c.min = n.saturating_sub(1),
                    "max" => c.max = n,
                    "emin" => c.emin = n.saturating_sub(1),
                    "emax" => c.emax = n,
                    "bmin" => c.bmin = n.saturating_sub(1),
                    "bmax" => c.bmax = n,
                    other => return Err(format!("unknown comma option comma_{other}")),
                }
                self.comma = Some(c);
            }
            _ => {}
        }
        Ok(())
    }

    /// Applies one TABARI `.options` command line (`SET: CODE BY SENTENCE`,
    /// `DEFAULT: SOURCE [X] PRIOR`, `DEFAULT: OFF`, `COMMA: MIN = 4 MAX = 6`, `COMMA: OFF`,
    /// `SET: MINIMUM WORDS = 4`, `SET: CONVERT AGENTS = TRUE`). Commands that do not
    /// affect coding are accepted and ignored; `Err` describes a malformed one.
    pub fn apply_tabari(&mut self, line: &str) -> Result<(), String> {
        let Some((kw, value)) = line.split_once(':') else {
            return Err(format!("options line without 'COMMAND:': '{line}'"));
        };
        let kw: String = kw.trim().to_ascii_uppercase().chars().take(4).collect();
        let value = value.trim();
        let upper = value.to_ascii_uppercase();
        match kw.as_str() {
            "SET" => {
                let (name, v) = upper.split_once('=').unwrap_or((upper.as_str(), ""));
                let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
                let v = v.trim();
                let truth = || matches!(v, "TRUE" | "T" | "1" | "YES");
                if name.starts_with("CODE") {
                    let rest = name.trim_start_matches("CODE").trim();
                    let rest = if rest.is_empty() { v } else { rest };
                    self.code_by = if rest.contains("SENT") {
                        CodeBy::Sentence
                    } else if rest.contains("ALL") {
                        CodeBy::All
                    } else if rest.contains("CLAUSE") {
                        CodeBy::Clause
                    } else {
                        return Err(format!("SET: CODE BY: unknown value '{value}'"));
                    };
                } else if name.starts_with("MINIMUM WORD") || name.starts_with("MIN WORD") {
                    let n = v.split_whitespace().next().unwrap_or("");
                    self.min_words = n.parse().map_err(|_| format!("SET: MINIMUM WORDS: bad number '{v}'"))?;
                } else if name.starts_with("CONVERT AGENT") {
                    self.convert_agents = truth();
                } else if name.starts_with("TIME SHIFT") {
                    self.time_shift = truth();
                }
                Ok(())
            }
            "DEFA" => {
                let words: Vec<&str> = upper.split_whitespace().collect();
                if words.first() == Some(&"OFF") {
                    self.default_source = None;
                    self.default_target = None;
                    return Ok(());
                }
                let mut i = 0;
                while i < words.len() {
                    let w = words[i].trim_end_matches(':');
                    if w == "SOURCE" || w == "TARGET" {
                        let code = upper[upper.find(words[i]).unwrap_or(0)..]
                            .split_once('[')
                            .and_then(|(_, r)| r.split_once(']'))
                            .map(|(c, _)| c.trim().to_string())
                            .ok_or_else(|| format!("DEFAULT: {w} needs a [code]"))?;
                        let eager_word = if w == "SOURCE" { "PRIOR" } else { "AFTER" };
                        // The option word follows the code, before the next keyword.
                        let mut j = i + 1;
                        let mut eager = false;
                        while j < words.len() && !matches!(words[j].trim_end_matches(':'), "SOURCE" | "TARGET") {
                            eager |= words[j] == eager_word;
                            j += 1;
                        }
                        let d = Some(DefaultActor { code, eager });
                        if w == "SOURCE" {
                            self.default_source = d;
                        } else {
                            self.default_target = d;
                        }
                        i = j;
                    } else {
                        i += 1;
                    }
                }
                Ok(())
            }
            "COMM" => {
                if upper.split_whitespace().next() == Some("OFF") {
                    self.comma = None;
                    return Ok(());
                }
                let mut c = self.comma.unwrap_or(CommaLimits::TABARI);
                let flat = upper.replace('=', " = ");
                let toks: Vec<&str> = flat.split_whitespace().collect();
                for k in 0..toks.len() {
                    if toks.get(k + 1) != Some(&"=") {
                        continue;
                    }
                    let Some(n) = toks.get(k + 2).and_then(|s| s.trim_end_matches('}').parse::<usize>().ok()) else {
                        return Err(format!("COMMA: bad value for {}", toks[k]));
                    };
                    match toks[k] {
                        "MIN" => c.min = n,
                        "MAX" => c.max = n,
                        "EMIN" => c.emin = n,
                        "EMAX" => c.emax = n,
                        "BMIN" => c.bmin = n,
                        "BMAX" => c.bmax = n,
                        other => return Err(format!("COMMA: unknown limit {other}")),
                    }
                }
                self.comma = Some(c);
                Ok(())
            }
            "FORW" => {
                let mut words = upper.split_whitespace();
                let fmt = words.next().unwrap_or("");
                self.forward = if fmt.is_empty() || upper.split_whitespace().any(|w| w == "OFF") {
                    None
                } else {
                    Some(fmt.to_string())
                };
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The story a record belongs to under the `FORWARD:` format: the characters of `id`
    /// (leading blanks removed) at the format's `N`s, after its leading `^`s.
    pub fn story_of<'a>(&self, id: &'a str) -> Option<&'a str> {
        let fmt = self.forward.as_deref()?.trim_start_matches('^');
        let from = fmt.find('N')?;
        let len = fmt[from..].chars().take_while(|&c| c == 'N').count();
        id.trim_start().get(from..from + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petrarch_config() {
        let mut o = CoderOptions::petrarch();
        assert!(o.require_target && o.comma.is_none());
        o.apply_petrarch("require_dyad", "False").unwrap();
        assert!(!o.require_target);
        o.apply_petrarch("comma_min", "2").unwrap();
        o.apply_petrarch("comma_emax", "0").unwrap();
        let c = o.comma.unwrap();
        assert_eq!((c.min, c.emax), (1, 0));
        assert!(o.apply_petrarch("comma_xx", "1").is_err());
        o.apply_petrarch("new_actor_length", "4").unwrap();
        assert_eq!(o.new_actor_length, 4);
        assert!(o.apply_petrarch("new_actor_length", "x").is_err());
    }

    #[test]
    fn tabari_commands() {
        let mut o = CoderOptions::tabari();
        o.apply_tabari("SET: CODE BY SENTENCE").unwrap();
        assert_eq!(o.code_by, CodeBy::Sentence);
        o.apply_tabari("SET: CODE ALL").unwrap();
        assert_eq!(o.code_by, CodeBy::All);
        o.apply_tabari("SET: MINIMUM WORDS = 4").unwrap();
        assert_eq!(o.min_words, 4);
        o.apply_tabari("SET: CONVERT AGENT = TRUE").unwrap();
        assert!(o.convert_agents);
        o.apply_tabari("SET: TIME SHIFT = FALSE").unwrap();
        assert!(!o.time_shift);
        assert!(o.convert_agents);
        o.apply_tabari("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER").unwrap();
        assert_eq!(o.default_source, Some(DefaultActor { code: "DEFSRC".into(), eager: true }));
        assert_eq!(o.default_target, Some(DefaultActor { code: "DEFTAR".into(), eager: true }));
        o.apply_tabari("DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER").unwrap();
        assert_eq!(o.default_source, Some(DefaultActor { code: "DEFSRC".into(), eager: false }));
        o.apply_tabari("DEFAULT: OFF").unwrap();
        assert!(o.default_source.is_none() && o.default_target.is_none());
        o.apply_tabari("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8}").unwrap();
        assert_eq!(o.comma, Some(CommaLimits { min: 4, max: 6, emin: 3, emax: 6, bmin: 3, bmax: 8 }));
        o.apply_tabari("COMMA: OFF").unwrap();
        assert_eq!(o.comma, None);
        assert!(o.apply_tabari("OUTPUT: ID STORY SENT").is_ok());
        o.apply_tabari("FORWARD: ^^*****NNN*SSS").unwrap();
        assert_eq!(o.story_of("FRWD-001-002"), Some("001"));
        o.apply_tabari("FORWARD: ^^*****NNN*SSS OFF").unwrap();
        assert_eq!(o.story_of("FRWD-001-002"), None);
        assert!(o.apply_tabari("nonsense").is_err());
    }
}
