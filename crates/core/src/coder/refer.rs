//! Reference across sentences: a role noun with a definite article ("the minister",
//! "the visiting minister", "the Iranian president") stands for the most recent person
//! of the article with that role, as a pronoun ("he tweeted") stands for the previous
//! sentence's actor. Both come to the sentence through
//! [`SentenceContext`](super::SentenceContext): the caller
//! carries `antecedent` and `referents` from sentence to sentence
//! ([`Coder::code_article_mentions`](super::Coder::code_article_mentions)); here a
//! sentence's person actors and countries are remembered ([`Coder::remember_referents`])
//! and its role nouns take their code (`resolve_role_nouns`), after the pronouns are
//! resolved; `speaker_references` puts a quotation's speaker in and around its marks.
//!
//! A referent fits a role noun when
//! - its role words end with the noun's ("foreign minister" for "the minister", not
//!   for "the prime minister"), or it is a named person with no role words ("Hassan
//!   Rouhani", IRNGOV), the noun is one word and the person's code holds a role the
//!   noun allows (GOV for "president", MIL for "general"; none for "spokesman",
//!   "envoy": a bare name is mostly a leader's), and
//! - it is of the noun's country where an adjective names one ("the Iranian president").
//!
//! The most recent fitting referent wins. The persons named in the earlier clauses of the
//! noun's own sentence are more recent than the article's ("Rouhani met Salih in Tehran,
//! and the president thanked him": Salih); one named after the noun never counts, nor
//! one with the code of the first actor of the noun's clause, which would act on itself
//! ("Rouhani criticised the president" is not Rouhani). A role noun after `new`,
//! `former`, `next`, `other`, … names someone else and is left alone, as is one with no
//! fitting referent.
//!
//! A plural role noun stands for several referents: "the foreign ministers" for persons
//! whose role words fit "foreign minister", "the two leaders" for heads of state or
//! government whatever their titles, "the three military governments" (also "regimes",
//! "juntas") for the countries named as actors ("Mali, Burkina Faso and Niger") and the
//! countries of persons of a government, coded country + the noun's role (MLIGOV). A
//! number ("two", "3", "both") takes that many, the most recent, and none if fewer fit;
//! without one it takes all that fit, at least two. Each becomes a unit of its own
//! sharing the noun's words and compound group, so a mutual act ("the two leaders
//! agreed") codes them on each other as it does "Iran and Iraq"
//! ([`CoderOptions::mutual_compounds`](super::CoderOptions::mutual_compounds)). A pronoun
//! resolved to the noun before it was ("The two leaders said they …") follows it.

use super::actor::{CountryFrom, Hit, Mention, Origin, Unit, MOD_CLAUSE, NON_COUNTRY, UNKNOWN};
use super::{located_at, Coder};
use crate::dict::compile::Dictionary;
use crate::token::{Token, TokenKind};

/// A person named earlier in the article: their actor code and the role words that
/// named them ("FOREIGN MINISTER"; empty for a bare name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referent {
    pub code: String,
    pub role: String,
    /// The last word of their full dictionary name ("SAIED" of "Kais Saied"), which may
    /// stand for them alone.
    pub surname: Option<String>,
}

/// Role nouns that name one person, with the CAMEO roles a bare name's code must hold
/// to fit them. None for the roles of people who speak or act for a leader (a
/// spokesman, an envoy): a bare name in the dictionaries is mostly the leader's, so only
/// a person named with the same role words fits them.
const ROLE_NOUNS: &[(&str, &[&str])] = &[
    ("PRESIDENT", &["GOV"]),
    ("MINISTER", &["GOV"]),
    ("PREMIER", &["GOV"]),
    ("CHANCELLOR", &["GOV"]),
    ("KING", &["GOV"]),
    ("QUEEN", &["GOV"]),
    ("EMIR", &["GOV"]),
    ("SULTAN", &["GOV"]),
    ("MONARCH", &["GOV"]),
    ("GOVERNOR", &["GOV"]),
    ("MAYOR", &["GOV"]),
    ("AMBASSADOR", &[]),
    ("ENVOY", &[]),
    ("DIPLOMAT", &[]),
    ("SECRETARY", &["GOV"]),
    ("SPOKESMAN", &[]),
    ("SPOKESWOMAN", &[]),
    ("SPOKESPERSON", &[]),
    ("GENERAL", &["MIL"]),
    ("COMMANDER", &["MIL", "REB"]),
    ("COLONEL", &["MIL"]),
    ("ADMIRAL", &["MIL"]),
    ("SENATOR", &["LEG"]),
    ("LAWMAKER", &["LEG"]),
    ("JUDGE", &["JUD"]),
];

/// The role of a remembered international organisation: "the agency", "the court", "the
/// alliance" stand for the most recent one ([`resolve_organisations`]).
pub(crate) const ORGANISATION: &str = "(organisation)";

/// Nouns by which news names an international organisation it has named already.
const ORGANISATION_NOUNS: &[&str] = &[
    "AGENCY", "COURT", "TRIBUNAL", "ALLIANCE", "BLOC", "COUNCIL", "ORGANISATION", "ORGANIZATION", "COMMISSION",
    "FUND", "GROUPING", "BODY", "WATCHDOG",
];

/// Adds a unit for "the agency", "the court" … not inside another unit: the most recent
/// international organisation among `referents`.
pub(crate) fn resolve_organisations(text: &str, toks: &[Token], referents: &[Referent], units: &mut Vec<Unit>) {
    let Some(org) = referents.iter().rev().find(|r| r.role == ORGANISATION) else { return };
    for i in 1..toks.len() {
        if toks[i - 1].norm != "THE" || !ORGANISATION_NOUNS.contains(&toks[i].norm.as_str()) {
            continue;
        }
        // Written with a capital it is a name of its own ("the Court of Appeal").
        if text.get(toks[i].start..toks[i].end).is_none_or(|w| w.starts_with(|c: char| c.is_uppercase())) {
            continue;
        }
        let source = || Origin::Context("an organisation named earlier in the article".into());
        // A role word with no country of its own ("alliance", "court") is the organisation.
        if let Some(u) = units.iter_mut().find(|u| u.start <= i && i < u.far.max(u.end)) {
            if u.code.starts_with(UNKNOWN) || u.country_from != CountryFrom::Named {
                u.code = org.code.clone();
                u.base = org.code.clone();
                u.source = source();
                u.country_from = CountryFrom::Named;
            }
            continue;
        }
        insert_unit(units, i - 1, i + 1, &org.code, source());
    }
}

/// Adds a unit for each word that is the surname of a person named earlier in the article
/// (`people`), where no unit covers it and it is written with a capital: "Saied" after
/// "President Kais Saied".
pub(crate) fn resolve_surnames(text: &str, toks: &[Token], people: &[Referent], units: &mut Vec<Unit>) {
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !text[t.start..t.end].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(p) = people.iter().rev().find(|p| p.surname.as_deref() == Some(t.norm.as_str())) else { continue };
        if units.iter().any(|u| u.start <= i && i < u.far.max(u.end)) {
            continue;
        }
        insert_unit(units, i, i + 1, &p.code, Origin::Surname);
    }
}

/// Inserts, in order, a unit of its own compound group for words `start..end` that stand
/// for `code`, an actor named earlier in the article.
fn insert_unit(units: &mut Vec<Unit>, start: usize, end: usize, code: &str, source: Origin) {
    let group = units.iter().map(|u| u.group).max().map_or(0, |g| g + 1);
    let at = units.partition_point(|u| u.start <= start);
    let unit = Unit {
        start,
        end,
        code: code.to_string(),
        group,
        source,
        far: end,
        base: code.to_string(),
        pronoun: false,
        country_from: CountryFrom::Named,
        person: false,
    };
    units.insert(at, unit);
}

/// Words before a role noun that make it someone other than the earlier person.
const OTHER_PERSON: &[&str] = &["NEW", "FORMER", "NEXT", "OTHER", "ANOTHER", "INCOMING", "LATE", "THEN", "EX"];

/// How many persons and organisations an article keeps (the most recent).
const KEEP: usize = 12;

/// The role of a remembered country named as an actor of its own ("Mali, Burkina Faso and
/// Niger"): what "the three military governments" may stand for.
pub(crate) const STATE: &str = "(state)";

/// How many countries an article keeps (the most recent), apart from [`KEEP`].
const KEEP_STATES: usize = 8;

/// The titles of heads of state or government: who "the two leaders" may be.
const LEADER_TITLES: &[&str] =
    &["PRESIDENT", "PRIME MINISTER", "PREMIER", "CHANCELLOR", "KING", "QUEEN", "EMIR", "SULTAN", "MONARCH"];

/// Plural nouns for the governments of several countries.
const GOVERNMENTS: &[&str] = &["GOVERNMENTS", "REGIMES", "JUNTAS"];

/// Number words that say how many a plural role noun stands for, from two.
const NUMBERS: &[&str] = &["TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"];

fn roles_for(head: &str) -> Option<&'static [&'static str]> {
    ROLE_NOUNS.iter().find(|(n, _)| *n == head).map(|(_, r)| *r)
}

/// What the last word of a role noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// One person of a role ("minister"): the roles a bare name's code must hold to fit.
    One(&'static [&'static str]),
    /// Several persons of a role ("ministers"): the singular, and those roles.
    Many(&'static str, &'static [&'static str]),
    /// Several heads of state or government, whatever their titles ("leaders").
    Leaders,
    /// The governments of several countries ("governments", "juntas").
    Governments,
}

impl Head {
    fn of(word: &str) -> Option<Head> {
        if let Some(roles) = roles_for(word) {
            return Some(Head::One(roles));
        }
        if word == "LEADERS" {
            return Some(Head::Leaders);
        }
        if GOVERNMENTS.contains(&word) {
            return Some(Head::Governments);
        }
        ROLE_NOUNS.iter().find(|(n, _)| is_plural(word, n)).map(|&(n, roles)| Head::Many(n, roles))
    }
}

/// Whether `word` is the plural of the role noun `noun`: +S, -Y → -IES, -MAN → -MEN.
fn is_plural(word: &str, noun: &str) -> bool {
    word.strip_suffix('S') == Some(noun)
        || noun.strip_suffix('Y').is_some_and(|s| word.strip_suffix("IES") == Some(s))
        || noun.strip_suffix("AN").is_some_and(|s| word.strip_suffix("EN") == Some(s))
}

/// The words of the agent mentions inside `u`, upper case, space-joined.
fn role_words(toks: &[Token], mentions: &[Mention], u: &Unit) -> String {
    let mut s = String::new();
    for m in mentions.iter().filter(|m| matches!(m.hit, Hit::Agent(_)) && m.start >= u.start && m.end <= u.end) {
        for t in toks.get(m.start..m.end).unwrap_or_default() {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&t.norm);
        }
    }
    s
}

/// Whether `code` (country + roles) holds one of `roles` at a 3-letter boundary after
/// its country.
fn holds_role(code: &str, roles: &[&str]) -> bool {
    (3..code.len()).step_by(3).any(|k| code.get(k..k + 3).is_some_and(|r| roles.contains(&r)))
}

fn fits(r: &Referent, role: &str, head_roles: &[&str], country: Option<&str>) -> bool {
    if country.is_some_and(|c| !r.code.starts_with(c)) {
        return false;
    }
    if r.role.is_empty() {
        // A bare name says nothing of which minister: only a one-word noun fits it.
        return !role.contains(' ') && holds_role(&r.code, head_roles);
    }
    r.role == role || (r.role.len() > role.len() && r.role.ends_with(role) && r.role.as_bytes()[r.role.len() - role.len() - 1] == b' ')
}

/// Whether `r` fits a role noun with head `head` and role words `role` (the last word
/// singular: "foreign minister" of "the foreign ministers").
fn fits_head(r: &Referent, head: Head, role: &str, country: Option<&str>) -> bool {
    match head {
        Head::One(roles) | Head::Many(_, roles) => fits(r, role, roles, country),
        Head::Leaders => LEADER_TITLES.iter().any(|t| {
            let roles = t.rsplit(' ').next().and_then(roles_for).unwrap_or_default();
            fits(r, t, roles, country)
        }),
        // A country, or a person of its government.
        Head::Governments => {
            let national = !NON_COUNTRY.iter().any(|p| r.code.starts_with(p));
            let person = r.role != STATE && r.role != ORGANISATION && holds_role(&r.code, &["GOV"]);
            national && (r.role == STATE || person) && country.is_none_or(|c| r.code.starts_with(c))
        }
    }
}

/// Gives each definite role noun among `units` the code of the most recent fitting
/// referent, and a plural one ("the two leaders") the codes of the fitting referents, one
/// unit each sharing its words and compound group (see the module docs). The referents are
/// the article's (`referents`), then the persons and countries named in the earlier
/// clauses of its sentence ([`earlier_in_sentence`]); none with the code of the first
/// actor of its own clause before it, which it would otherwise make act on itself.
/// `mentions` are the sentence's dictionary hits, `modifier` its modifier flags (clause
/// commas).
pub(crate) fn resolve_role_nouns(
    dict: &Dictionary,
    toks: &[Token],
    mentions: &[Mention],
    modifier: &[u8],
    referents: &[Referent],
    units: &mut Vec<Unit>,
) {
    let mut k = 0;
    while k < units.len() {
        let at = k;
        k += 1;
        let u = &units[at];
        if u.pronoun {
            continue;
        }
        // Its head: the last word, a role noun.
        let Some(head) = toks.get(u.end.wrapping_sub(1)).and_then(|t| Head::of(&t.norm)) else {
            continue;
        };
        let plural = !matches!(head, Head::One(_));
        // Bare ("the minister") or with a country adjective first ("the Iranian president").
        let actors: Vec<&Mention> =
            mentions.iter().filter(|m| matches!(m.hit, Hit::Actor(_)) && m.start >= u.start && m.start < u.end).collect();
        let country = match actors.as_slice() {
            [] => None,
            [a] if a.start == u.start && u.base.len() == 3 => Some(u.base.clone()),
            _ => continue,
        };
        let Some(count) = definite(toks, units, at, plural) else {
            continue;
        };
        // "The leaders of the two countries": the words after say who they are.
        if plural && toks.get(u.end).is_some_and(|t| t.norm == "OF") {
            continue;
        }
        let mut role = role_words(toks, mentions, u);
        if role.is_empty() {
            continue;
        }
        if let Head::Many(noun, _) = head {
            let last = role.rfind(' ').map_or(0, |p| p + 1);
            role.replace_range(last.., noun);
        }
        // The government's role of "the three military governments" (`GOV`).
        let roles = u.code.get(3..).unwrap_or_default().to_string();
        // This sentence's earlier clauses may name them too; the subject of its own clause
        // it is not ("Rouhani criticised the president").
        let from = clause_start(toks, modifier, u.start);
        let here = earlier_in_sentence(dict, toks, mentions, units, at, from);
        let subject = (0..at)
            .find(|&s| units[s].start >= from && units[s].group != u.group && !located_at(toks, units[s].start))
            .map(|s| units[s].code.clone());
        let country = country.as_deref();
        let candidates = referents
            .iter()
            .map(|r| (r, "article"))
            .chain(here.iter().map(|r| (r, "sentence")))
            .rev()
            .filter(|(r, _)| Some(&r.code) != subject.as_ref())
            .filter(|(r, _)| fits_head(r, head, &role, country));
        let origin = |r: &Referent, place: &str| {
            match r.role.as_str() {
                "" | ORGANISATION | STATE => Origin::Context(format!("earlier in the {place}")),
                role => Origin::Context(format!("earlier in the {place} ({})", role.to_lowercase())),
            }
        };
        // The codes it stands for, the most recent first; several only for a plural, as
        // many as its number says (all that fit without one).
        let mut taken: Vec<(String, Origin)> = Vec::new();
        for (r, place) in candidates {
            let code = match head {
                Head::Governments => format!("{}{roles}", r.code.get(..3).unwrap_or_default()),
                _ => r.code.clone(),
            };
            if !taken.iter().any(|(c, _)| *c == code) {
                taken.push((code, origin(r, place)));
            }
            if !plural || count == Some(taken.len()) {
                break;
            }
        }
        let wanted = if plural { count.unwrap_or(2) } else { 1 };
        if taken.len() < wanted {
            continue;
        }
        // In the order the article named them.
        taken.reverse();
        let unit = units[at].clone();
        let n = taken.len();
        put_members(units, at, &taken, &unit);
        // A pronoun found for the noun before it was resolved ("The two leaders said they
        // would …") stands for the same.
        let mut p = at + n;
        while p < units.len() {
            let v = &units[p];
            if v.pronoun && v.start >= unit.end && v.code == unit.code && v.base == unit.base && v.source == unit.source {
                let pronoun = v.clone();
                put_members(units, p, &taken, &pronoun);
                p += n;
            } else {
                p += 1;
            }
        }
        k = at + n;
    }
}

/// Puts one unit per code of `taken` at `at` in place of the unit there: copies of `unit`
/// with its words and compound group.
fn put_members(units: &mut Vec<Unit>, at: usize, taken: &[(String, Origin)], unit: &Unit) {
    for (j, (code, source)) in taken.iter().enumerate() {
        let member = Unit {
            code: code.clone(),
            base: code.clone(),
            source: source.clone(),
            country_from: CountryFrom::Named,
            ..unit.clone()
        };
        if j == 0 {
            units[at] = member;
        } else {
            units.insert(at + j, member);
        }
    }
}

/// The persons and countries named in unit `k`'s sentence before token `from` (where its
/// clause starts), outside its compound, most recent last: "Rouhani met Salih in Tehran,
/// and the president thanked him".
fn earlier_in_sentence(
    dict: &Dictionary,
    toks: &[Token],
    mentions: &[Mention],
    units: &[Unit],
    k: usize,
    from: usize,
) -> Vec<Referent> {
    let u = &units[k];
    units[..k]
        .iter()
        .filter(|v| v.end <= from && v.group != u.group && v.country_from == CountryFrom::Named && !v.code.starts_with(UNKNOWN))
        .filter_map(|v| person(dict, toks, mentions, v).or_else(|| state(toks, v)))
        .collect()
}

/// Where the clause of the token `at` starts: after the last break before it (`;`, `:`, a
/// dash, a parenthesis), quotation mark, clause comma (", and" between two verbs) or
/// "but", "while", "whereas", "although"; else at the sentence's start.
fn clause_start(toks: &[Token], modifier: &[u8], at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&i| {
            let t = &toks[i];
            matches!(t.kind, TokenKind::Break | TokenKind::Quote)
                || modifier.get(i).is_some_and(|&m| m & MOD_CLAUSE != 0)
                || matches!(t.norm.as_str(), "BUT" | "WHILE" | "WHEREAS" | "ALTHOUGH")
        })
        .map_or(0, |i| i + 1)
}

/// `THE` (then at most two plain words that are not in another unit and do not make it
/// someone else: "the visiting minister") right before unit `k`, and no actor named
/// right after it ("the president, Hassan Rouhani,"); `None` if not so. For a `plural`
/// noun, also the number it is given: a number word or figure among those words ("the
/// two leaders"), or `BOTH` before the noun or its `THE`.
fn definite(toks: &[Token], units: &[Unit], k: usize, plural: bool) -> Option<Option<usize>> {
    let u = &units[k];
    let mut i = u.start;
    let mut words = 0;
    let mut count = None;
    loop {
        if i == 0 {
            return None;
        }
        i -= 1;
        let t = &toks[i];
        if t.norm == "THE" {
            if plural && i > 0 && toks[i - 1].norm == "BOTH" {
                count = count.or(Some(2));
            }
            break;
        }
        if plural && t.norm == "BOTH" {
            count = count.or(Some(2));
            break;
        }
        let number = if plural { number(t) } else { None };
        let in_unit = units.iter().any(|v| v.start <= i && i < v.end);
        let plain = t.kind == TokenKind::Word || number.is_some();
        if words == 2 || !plain || in_unit || OTHER_PERSON.contains(&t.norm.as_str()) {
            return None;
        }
        count = count.or(number);
        words += 1;
    }
    if OTHER_PERSON.iter().any(|w| toks[u.start..u.end].iter().any(|t| t.norm == *w)) {
        return None;
    }
    let mut j = u.end;
    if toks.get(j).is_some_and(|t| t.kind == TokenKind::Comma) {
        j += 1;
    }
    (!units.iter().any(|v| v.start == j && !v.pronoun)).then_some(count)
}

/// How many a word counts, from two: "two", "3".
fn number(t: &Token) -> Option<usize> {
    match NUMBERS.iter().position(|w| *w == t.norm) {
        Some(p) => Some(p + 2),
        None if t.kind == TokenKind::Number => t.norm.parse().ok().filter(|&n| n >= 2),
        None => None,
    }
}

/// The speaker of a quoted sentence in its actors. Outside the quotation marks a subject
/// pronoun (`"…," he told reporters`) is the speaker, not an actor named inside the
/// quotation; inside them a role after "our" or "my" ("attacks on our forces") is of
/// the speaker's country, not of the nearest actor's. A sentence that starts inside a
/// quotation (its first mark closes one) counts its words before that mark as inside;
/// one with no marks lies wholly inside. Straight marks open after a space or at the start.
pub(crate) fn speaker_references(
    text: &str,
    toks: &[Token],
    mentions: &[Mention],
    speaker: Option<&str>,
    units: &mut [Unit],
) {
    let Some(speaker) = speaker.filter(|s| s.len() >= 3) else { return };
    // `inside[i]`: token i lies within quotation marks; a sentence with none lies wholly
    // inside the quotation it belongs to.
    let inside = if toks.iter().any(|t| t.kind == TokenKind::Quote) { crate::quote::within_marks(text, toks, true) } else { vec![true; toks.len()] };
    let Some(country) = speaker.get(..3) else { return };
    for u in units.iter_mut() {
        if u.pronoun && !inside[u.start] && matches!(toks[u.start].norm.as_str(), "HE" | "SHE" | "THEY") {
            if u.code != speaker {
                u.code = speaker.to_string();
                u.base = speaker.to_string();
                u.source = Origin::Speaker;
            }
            continue;
        }
        let ours = inside[u.start] && u.start > 0 && matches!(toks[u.start - 1].norm.as_str(), "OUR" | "MY");
        let bare = || !mentions.iter().any(|m| matches!(m.hit, Hit::Actor(_)) && m.start >= u.start && m.start < u.end);
        if ours && !u.pronoun && u.code.len() > 3 && !u.code.starts_with(country) && bare() {
            u.code = format!("{country}{}", u.code.get(3..).unwrap_or(""));
            u.base = u.code.clone();
            u.source = Origin::Context(format!("{} of the speaker", toks[u.start - 1].norm.to_lowercase()));
        }
    }
}

/// The person unit `u` names, as a referent: a unit whose role words end in a role noun
/// naming one person ("Iranian Foreign Minister Mohammad Javad Zarif", "the minister"
/// once resolved), or a named person (a dictionary actor with dated codes: "Hassan
/// Rouhani"). Not a pronoun.
fn person(dict: &Dictionary, toks: &[Token], mentions: &[Mention], u: &Unit) -> Option<Referent> {
    if u.pronoun || u.code.len() <= 3 {
        return None;
    }
    // Cheap test first, most units name no person: the last agent word inside.
    let last_agent = mentions.iter().rev().find(|m| matches!(m.hit, Hit::Agent(_)) && m.start >= u.start && m.end <= u.end);
    let person_role = last_agent.is_some_and(|m| toks.get(m.end.wrapping_sub(1)).is_some_and(|t| roles_for(&t.norm).is_some()));
    let named = || {
        mentions.iter().any(|m| match m.hit {
            Hit::Actor(a) if m.start >= u.start && m.start < u.end => {
                dict.actors[a as usize].codes.iter().any(|c| c.from.is_some() || c.to.is_some())
            }
            _ => false,
        })
    };
    let bare_name = last_agent.is_none() && named();
    if !(person_role || bare_name) {
        return None;
    }
    let role = if person_role { role_words(toks, mentions, u) } else { String::new() };
    let surname = u.person.then(|| toks[u.end - 1].norm.clone());
    Some(Referent { code: u.code.clone(), role, surname })
}

/// The country unit `u` names as an actor of its own ("Niger"; not a place "in Tehran",
/// not a pronoun), as a referent of role [`STATE`].
fn state(toks: &[Token], u: &Unit) -> Option<Referent> {
    let c = u.code.as_str();
    let country = c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) && !NON_COUNTRY.contains(&c);
    (country && !u.pronoun && u.country_from == CountryFrom::Named && !located_at(toks, u.start))
        .then(|| Referent { code: c.to_string(), role: STATE.to_string(), surname: None })
}

/// Drops the oldest referents of a kind from `memory` until at most `keep` are left.
fn trim(memory: &mut Vec<Referent>, kind: impl Fn(&Referent) -> bool, keep: usize) {
    let mut over = memory.iter().filter(|r| kind(r)).count().saturating_sub(keep);
    memory.retain(|r| {
        let drop = over > 0 && kind(r);
        over -= usize::from(drop);
        !drop
    });
}

impl Coder<'_> {
    /// Adds the international organisations, persons and countries among the last
    /// sentence's actors to `memory`, most recent last: units whose role words end in a
    /// role noun naming one person ("Iranian Foreign Minister Mohammad Javad Zarif", "the
    /// minister" once resolved), named persons (a dictionary actor with dated codes:
    /// "Hassan Rouhani") and countries named as actors of their own ("Niger", not "in
    /// Tehran"). Pronouns are skipped.
    pub fn remember_referents(&self, memory: &mut Vec<Referent>) {
        let (toks, mentions, dict) = (&self.toks, &self.mentions, self.dict);
        // International organisations, for "the agency", "the court" ([`ORGANISATION`]).
        for u in self.units.iter().filter(|u| !u.pronoun && ["IGO", "NGO", "IMG"].iter().any(|p| u.code.starts_with(p))) {
            let r = Referent { code: u.code.clone(), role: ORGANISATION.to_string(), surname: None };
            memory.retain(|m| *m != r);
            memory.push(r);
        }
        for u in &self.units {
            let Some(r) = person(dict, toks, mentions, u).or_else(|| state(toks, u)) else { continue };
            memory.retain(|m| *m != r);
            memory.push(r);
        }
        trim(memory, |r| r.role == STATE, KEEP_STATES);
        trim(memory, |r| r.role != STATE, KEEP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coder::{CoderOptions, SentenceContext};
    use crate::dict::compile::Dictionary;
    use crate::dict::load;

    #[test]
    fn which_referents_fit() {
        // (referent code, its role words, the noun's role words, country adjective, fits)
        let t = [
            ("IRNGOV", "FOREIGN MINISTER", "MINISTER", None, true),
            ("IRNGOV", "FOREIGN MINISTER", "FOREIGN MINISTER", None, true),
            ("IRNGOV", "FOREIGN MINISTER", "PRIME MINISTER", None, false),
            ("IRNGOV", "FOREIGN MINISTER", "PRESIDENT", None, false),
            ("IRNGOV", "PRESIDENT", "PRESIDENT", Some("IRN"), true),
            ("IRQGOV", "PRESIDENT", "PRESIDENT", Some("IRN"), false),
            ("IRNGOV", "", "PRESIDENT", Some("IRN"), true),
            ("IRNGOV", "", "GENERAL", None, false),
            ("IRNMIL", "", "GENERAL", None, true),
            ("IRNGOV", "", "PRIME MINISTER", None, false),
            ("IRNGOV", "", "SPOKESMAN", None, false),
            ("IRNGOV", "FOREIGN MINISTRY SPOKESMAN", "SPOKESMAN", None, true),
            ("IRNGOV", "DEPUTY MINISTER", "MINISTER", None, true),
            ("IRNGOV", "XMINISTER", "MINISTER", None, false),
        ];
        for (code, role, noun, country, want) in t {
            let r = Referent { code: code.into(), role: role.into(), surname: None };
            let head = noun.rsplit(' ').next().unwrap();
            let got = fits(&r, noun, roles_for(head).unwrap(), country);
            assert_eq!(got, want, "{code} {role:?} for {noun:?} ({country:?})");
        }
    }

    /// Codes `sentences` in order as an article does, carrying the referents; returns
    /// the first event of each as "SOURCE>TARGET" ("" for none).
    fn article(d: &Dictionary, opts: CoderOptions, sentences: &[&str]) -> Vec<String> {
        let mut c = Coder::with_options(d, opts);
        let mut memory = Vec::new();
        let mut out = Vec::new();
        for s in sentences {
            let date = crate::date::Date::parse("2020-11-15");
            let ctx = SentenceContext { date, default_country: Some("IRQ"), referents: &memory, ..Default::default() };
            let ev = c.code_sentence(s, &ctx);
            out.push(ev.first().map(|e| format!("{}>{}", e.source, e.target)).unwrap_or_default());
            c.remember_referents(&mut memory);
        }
        out
    }

    /// Codes `sentences` in order as an article does, carrying the referents; returns the
    /// events of each as "SOURCE>TARGET", sorted. No article country that bare role nouns
    /// could take instead.
    fn article_events(d: &Dictionary, opts: CoderOptions, sentences: &[&str]) -> Vec<Vec<String>> {
        article_events_in(d, opts, None, sentences)
    }

    /// [`article_events`] in an article of `country` (a dateline's).
    fn article_events_in(d: &Dictionary, opts: CoderOptions, country: Option<&str>, sentences: &[&str]) -> Vec<Vec<String>> {
        let mut c = Coder::with_options(d, opts);
        let mut memory = Vec::new();
        let mut out = Vec::new();
        for s in sentences {
            let date = crate::date::Date::parse("2019-04-07");
            let ctx = SentenceContext { date, default_country: country, referents: &memory, ..Default::default() };
            let mut ev: Vec<String> = c.code_sentence(s, &ctx).iter().map(|e| format!("{}>{}", e.source, e.target)).collect();
            ev.sort();
            out.push(ev);
            c.remember_referents(&mut memory);
        }
        out
    }

    /// The actors of `text` coded with `speaker`, as "words=CODE".
    fn actors_with_speaker(d: &Dictionary, text: &str, speaker: &str) -> Vec<String> {
        let mut c = Coder::new(d);
        let date = crate::date::Date::parse("2020-01-12");
        let ctx = SentenceContext { date, default_country: Some("IRQ"), speaker: Some(speaker), ..Default::default() };
        c.code_sentence(text, &ctx);
        c.units.iter().map(|u| format!("{}={}", &text[c.toks[u.start].start..c.toks[u.end - 1].end], u.code)).collect()
    }

    #[test]
    fn speaker_in_and_around_the_quotation() {
        let d = Dictionary::compile(&load::builtin());
        let t = [
            // Outside the marks "he" is the speaker, not Washington.
            ("\"Iran rejects what Washington calls pressure,\" he told reporters.", "IRNGOV", "he=IRNGOV"),
            // Inside them "our forces" are the speaker's.
            ("\"We will respond to any attack on our forces,\" Pompeo said.", "USAGOV", "forces=USAMIL"),
            // A sentence wholly inside a quotation that spans sentences.
            ("Iraq will not attack our troops.", "USAGOV", "troops=USAMIL"),
            // A sentence that starts inside one: "our" before the closing mark.
            ("Iraq will never attack our soldiers,\u{201D} the minister said.", "USAGOV", "soldiers=USAMIL"),
            // Outside the marks "our" is no speaker's ("!" marks what must not be found).
            ("\"No,\" he said of attacks on our soldiers.", "USAGOV", "!soldiers=USAMIL"),
        ];
        for (text, speaker, want) in t {
            let got = actors_with_speaker(&d, text, speaker);
            match want.strip_prefix('!') {
                Some(not) => assert!(!got.iter().any(|g| g == not), "{text:?}: {got:?}"),
                None => assert!(got.iter().any(|g| g == want), "{text:?}: {got:?}"),
            }
        }
    }

    #[test]
    fn screened_out_sentence_remembers_nothing_stale() {
        // The cricket sentence is discarded before its actors are found; the long sentence
        // before it must not be read against its tokens (this panicked).
        let d = Dictionary::compile(&load::builtin());
        let art = crate::read::Article {
            id: "a".into(),
            title: None,
            text: "Iraqi President Barham Salih met Iranian Foreign Minister Mohammad Javad Zarif in Tehran \
                   on Sunday. Cricket matches resumed. The minister accused the United States of meddling."
                .into(),
            date: crate::date::Date::parse("2020-11-15"),
            url: None,
            source: None,
            dateline: None,
            line: 1,
        };
        let got: Vec<String> = Coder::new(&d)
            .code_article(&art, crate::codes::CodeTable::builtin())
            .iter()
            .map(|e| format!("{} {}>{}", e.sentence, e.source, e.target))
            .collect();
        assert_eq!(got, ["0 IRQGOV>IRNGOV", "2 IRNGOV>USA"]);
    }

    #[test]
    fn role_nouns_take_the_earlier_person() {
        let d = Dictionary::compile(&load::builtin());
        let text = [
            "Iraqi President Barham Salih met Iranian Foreign Minister Mohammad Javad Zarif in Tehran.",
            "The president praised Iran's support.",
            "The minister accused the United States of meddling.",
            "The visiting president met Hassan Rouhani.",
            "The Iranian president accused Israel of sabotage.",
            "The new president accused Israel of sabotage.",
            "The prime minister accused the United States of meddling.",
        ];
        let on = article(&d, CoderOptions::default(), &text);
        assert_eq!(on[..5], ["IRQGOV>IRNGOV", "IRQGOV>IRN", "IRNGOV>USA", "IRQGOV>IRNGOV", "IRNGOV>ISR"]);
        // No fitting person: coded as without role nouns.
        let off = article(&d, CoderOptions { role_nouns: false, ..CoderOptions::default() }, &text);
        assert_eq!(on[5..], off[5..]);
        assert_ne!(on, off, "the option is what changed them: {off:?}");
    }

    #[test]
    fn plural_heads() {
        let t = [
            ("MINISTER", Some(Head::One(&["GOV"]))),
            ("MINISTERS", Some(Head::Many("MINISTER", &["GOV"]))),
            ("SPOKESMEN", Some(Head::Many("SPOKESMAN", &[]))),
            ("SECRETARIES", Some(Head::Many("SECRETARY", &["GOV"]))),
            ("GENERALS", Some(Head::Many("GENERAL", &["MIL"]))),
            ("LEADERS", Some(Head::Leaders)),
            ("JUNTAS", Some(Head::Governments)),
            ("GOVERNMENTS", Some(Head::Governments)),
            ("LEADER", None),
            ("MINISTERSS", None),
            ("KINGS", Some(Head::Many("KING", &["GOV"]))),
            ("COUNTRIES", None),
        ];
        for (word, want) in t {
            assert_eq!(Head::of(word), want, "{word}");
        }
    }

    #[test]
    fn which_referents_fit_a_plural() {
        // (referent code, its role words, the noun's head word, country adjective, fits)
        let t = [
            ("IRNGOV", "PRESIDENT", "LEADERS", None, true),
            ("IRQGOV", "PRIME MINISTER", "LEADERS", None, true),
            ("IRQGOV", "", "LEADERS", None, true),
            ("IRQGOV", "FOREIGN MINISTER", "LEADERS", None, false),
            ("IRQGOV", "PRIME MINISTER", "LEADERS", Some("IRN"), false),
            ("MLI", STATE, "GOVERNMENTS", None, true),
            ("IRQGOV", "FOREIGN MINISTER", "GOVERNMENTS", None, true),
            ("IRQMIL", "", "GOVERNMENTS", None, false),
            ("IGOUNO", ORGANISATION, "GOVERNMENTS", None, false),
            ("MLI", STATE, "GOVERNMENTS", Some("NER"), false),
            ("MLI", STATE, "MINISTERS", None, false),
            ("IRNGOV", "FOREIGN MINISTER", "MINISTERS", None, true),
        ];
        for (code, role, word, country, want) in t {
            let r = Referent { code: code.into(), role: role.into(), surname: None };
            let head = Head::of(word).unwrap();
            let noun = match head {
                Head::Many(n, _) => n,
                _ => word,
            };
            assert_eq!(fits_head(&r, head, noun, country), want, "{code} {role:?} for {word:?} ({country:?})");
        }
    }

    #[test]
    fn plural_role_nouns_take_the_earlier_persons() {
        let d = Dictionary::compile(&load::builtin());
        let met = "Iranian President Hassan Rouhani met Iraqi Prime Minister Adil Abdul-Mahdi in Tehran.";
        let off = CoderOptions { role_nouns: false, ..CoderOptions::default() };
        let both = ["IRNGOV>IRQGOV", "IRQGOV>IRNGOV"];
        // A compound source of a mutual act: its members act on each other.
        let on = article_events(&d, CoderOptions::default(), &[met, "The two leaders agreed to expand trade."]);
        assert_eq!(on[1], both);
        // No number: all that fit; "both"; a pronoun found for the noun stands for them too.
        let t = [
            ("The leaders agreed to expand trade.", &both[..]),
            ("Both leaders agreed to expand trade.", &both[..]),
            ("Israel criticised the two leaders.", &["ISR>IRNGOV", "ISR>IRQGOV"][..]),
            ("The two leaders said they would sign an agreement with Turkey.", &["IRNGOV>TUR", "IRQGOV>TUR"][..]),
        ];
        for (text, want) in t {
            assert_eq!(article_events(&d, CoderOptions::default(), &[met, text])[1], want, "{text}");
        }
        // In a Tehran story the pronoun first took the leaders' borrowed IRNGOV: it follows
        // the noun's resolution.
        let said = "The two leaders said they would sign an agreement with Turkey.";
        assert_eq!(article_events_in(&d, CoderOptions::default(), Some("IRN"), &[met, said])[1], ["IRNGOV>TUR", "IRQGOV>TUR"]);
        // Fewer fitting persons than the number says, or a role none of them has: left as
        // without role nouns.
        for text in ["The three leaders agreed to expand trade.", "The two generals agreed to expand trade."] {
            let on = article_events(&d, CoderOptions::default(), &[met, text]);
            assert_eq!(on, article_events(&d, off.clone(), &[met, text]), "{text}");
            assert!(!on[1].iter().any(|e| e.starts_with("IRNGOV")), "{text}: {on:?}");
        }
        // The two most recent of three foreign ministers, by their role words.
        let ministers = [
            "Iranian Foreign Minister Mohammad Javad Zarif met Iraqi Foreign Minister Mohammed Ali al-Hakim in Baghdad.",
            "Turkish Foreign Minister Mevlut Cavusoglu arrived later.",
            "The two foreign ministers criticised Israel.",
        ];
        let on = article_events(&d, CoderOptions::default(), &ministers);
        assert_eq!(on[2], ["IRQGOV>ISR", "TURGOV>ISR"]);
        // Countries named as actors: their governments.
        let juntas = [
            "Mali, Burkina Faso and Niger said they would withdraw from ECOWAS.",
            "ECOWAS urged the three military governments to negotiate their exit.",
        ];
        let on = article_events(&d, CoderOptions::default(), &juntas);
        assert_eq!(on[1], ["IGOWAFECW>BFAGOV", "IGOWAFECW>MLIGOV", "IGOWAFECW>NERGOV"]);
        assert_ne!(on, article_events(&d, off, &juntas));
    }

    #[test]
    fn role_nouns_take_an_earlier_person_of_their_sentence() {
        let d = Dictionary::compile(&load::builtin());
        let off = CoderOptions { role_nouns: false, ..CoderOptions::default() };
        // From an earlier clause: the most recent fitting person, Salih.
        let text = "Hassan Rouhani met Barham Salih in Tehran, and the president thanked Iran for its support.";
        let on = article_events(&d, CoderOptions::default(), &[text]);
        assert!(on[0].contains(&"IRQGOV>IRN".to_string()), "{on:?}");
        assert!(!article_events(&d, off.clone(), &[text])[0].contains(&"IRQGOV>IRN".to_string()));
        let text = "Hassan Rouhani met Barham Salih in Tehran, and the two presidents agreed to expand trade.";
        let on = article_events(&d, CoderOptions::default(), &[text]);
        assert!(on[0].contains(&"IRQGOV>IRNGOV".to_string()) && on[0].contains(&"IRNGOV>IRQGOV".to_string()), "{on:?}");
        // Never a person named after it.
        let text = "The president thanked Iran for its support, and Barham Salih met Hassan Rouhani in Tehran.";
        assert_eq!(article_events(&d, CoderOptions::default(), &[text]), article_events(&d, off, &[text]));
        // Not the subject of its own clause: Rouhani did not criticise himself.
        let text = ["Iraqi President Barham Salih met Hassan Rouhani in Tehran.", "Hassan Rouhani later criticised the president."];
        assert_eq!(article_events(&d, CoderOptions::default(), &text)[1], ["IRNGOV>IRQGOV"]);
    }
}
