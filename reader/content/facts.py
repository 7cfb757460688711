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
from dataclasses import dataclass
from datetime import datetime
from functools import cache

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


def _stop() -> frozenset[str]:
    return _folded(lex.STOPWORDS)


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
        elif f in stop:
            return
        if overwrite or f not in g:
            g[f] = entry

    trans = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("de", "fr", "es")
    }
    sub_trans = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
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
        put(alias, _Entry("place", "place:" + code, label or (existing.label if existing else alias)), overwrite=True)
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)
        name = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", name)
        names = {name}
        for t in sub_trans.values():
            names.add(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", t.gettext(sub.name)))
        for n in names:
            for variant in re.split(r"\s*/\s*", n):
                f = fold(variant)
                if not f or " " not in f and f in stop | _nonent() | _folded(lex.ORG_CUES):
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
    # Keep the original Kosovo key stable whichever list named it first.
    g[fold("Kosovo")] = _Entry("place", "place:xkx", "Kosovo")
    return g


# --------------------------------------------------------------------------- language


_LANG_MARKERS = {
    "en": frozenset("the and of to is was said with that for are has his her".split()),
    "de": frozenset("der die das und ist nicht sich mit dem auch von den ein eine für wird".split()),
    "fr": frozenset("le les et des est du une dans pour qui sur pas au aux avec".split()),
    "es": frozenset("el los las y del que por con una para es se al como su".split()),
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

_TOKEN = re.compile(r"(?:[A-ZÀ-Ý]\.){2,}|[^\W_](?:[^\W_]|[’'&.\-](?=[^\W_]))*")
_ABBREV = frozenset(
    "mr mrs ms dr prof st lt col gen sen rep gov mt jr sr no vs inc ltd corp co capt sgt "
    "ft hon rev u.s u.k n.y d.c messrs mme m nr bzw dipl ing sra sr".split()
)
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)[’']")
_SENT_END = ".!?…"
_OPENERS = "\"'“”„«»‹›‘’‚([—–-*•· \t"


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool
    upper: bool
    sent_start: bool
    title_line: bool


def _tokens(text: str, date_spans: list[tuple[int, int]]) -> list[_Tok]:
    toks: list[_Tok] = []
    title_lines = _title_lines(text)
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        # trailing dot of an abbreviation or an initial belongs to the token
        if e < len(text) and text[e] == "." and (len(w) == 1 and w.isupper() or w.lower() in _ABBREV):
            e += 1
            w += "."
        # possessives: "Parise’s", "KFOR’s"
        pm = re.search(r"[’']s$", w)
        if pm and len(w) > 3:
            w = w[: pm.start()]
            e = s + len(w)
        em = _ELISION.match(w)
        if em and len(w) > em.end() and (w[em.end()].isupper() or w[0].isupper()):
            s += em.end()
            w = w[em.end() :]
        if not w[0].isalpha():
            continue
        cap = w[0].isupper()
        upper = sum(c.isupper() for c in w) >= 2 and not any(c.islower() for c in w.replace("’", "'").split("-")[0])
        toks.append(_Tok(s, e, w, cap, upper, _is_sentence_start(text, s), _line_index(title_lines, s)))
    return toks


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in Title Case (headline, crossheads), where capitals say nothing."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_][\w’'-]*", line)
        long_words = [w for w in words if len(w) > 3]
        if long_words and not re.search(r"[.!?]\s*$", line.strip()) or pos == 0:
            caps = sum(w[0].isupper() for w in long_words)
            if long_words and caps / len(long_words) >= 0.6:
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _line_index(lines: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in lines)


def _is_sentence_start(text: str, s: int) -> bool:
    i = s - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in ":;" and i + 2 < len(text):
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
    r"recalled|argued|insisted|sagte|sagt|erklärte|schreibt|schrieb|betonte|meinte|"
    r"a déclaré|a dit|a affirmé|explique|assure|plaide|ajoute|dijo|afirmó|aseguró|explicó|señaló)\b"
)
_SAY_BEFORE = re.compile(
    r"(?:said|says|told|added|according to|sagte|sagt|laut|selon|dit|según|dijo|afirmó)\s+$"
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|to|of|outside|across|into|toward|towards|nach|aus|bei|im|en|à|au|"
    r"vers|depuis|près de|desde|hacia|cerca de)\s+)$"
)
_DE_ORG_HEADS = frozenset(
    "verein stiftung gesellschaft institut ministerium bundesamt partei kanzlei organisation "
    "verband bund zentrum akademie universität hochschule gericht amt agentur".split()
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    words: list[_Tok]
    kind: str | None = None
    key: str | None = None
    label: str | None = None
    person_cue: bool = False


def _norm_word(w: str) -> str:
    return fold(w)


def find_entities(
    text: str, lang: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, key, label) for people, organisations and places."""
    gaz = gazetteer()
    toks = _tokens(text, taken)
    taken_sorted = sorted(taken)

    def in_taken(t: _Tok) -> bool:
        return any(a <= t.start < b for a, b in taken_sorted)

    # Evidence from the whole article: which words occur lowercase, which occur
    # capitalised mid-sentence outside the headline.
    lower_words: set[str] = set()
    mid_caps: set[str] = set()
    for t in toks:
        if not t.cap:
            lower_words.add(t.text.lower())
        elif not t.sent_start and not t.title_line:
            mid_caps.add(t.text)
    first_names = lex.FIRST_NAMES

    def known(phrase: str) -> _Entry | None:
        return lookup(phrase)

    def word_ok(t: _Tok, i: int, run: list[_Tok]) -> bool:
        """Can this capitalised token be part of a name?"""
        w = t.text
        f = fold(w)
        if in_taken(t):
            return False
        if f in lex.PRODUCTS:
            return False
        if known(w):
            return True
        if t.upper and len(w) >= 2:
            return f not in lex.NON_ENTITY or w in ("AP",)
        if f in lex.STOPWORDS or f in lex.NON_ENTITY or f in MONTHS or f in WEEKDAYS:
            return False
        if lang == "de":
            return True  # decided per run below
        if t.title_line:
            return w in mid_caps and w.lower() not in lower_words
        if t.sent_start and i == 0:
            if w.lower() in lower_words and w not in mid_caps:
                return False
            if w in mid_caps or f in first_names:
                return True
            # An opener seen nowhere else: a name only if the next word is capitalised too.
            nxt = run[1] if len(run) > 1 else None
            if nxt is None or re.search(r"(?:ly|ing|ed|ers|ions|ities|ness|ment|ments|ists|ians)$", w):
                return False
            return True
        return True

    # Build runs of capitalised tokens joined by a single space (or a name link).
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    links: dict[int, str] = {}
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.cap or (t.text[:1].islower() and re.match(r"^[a-z]+[A-Z]", t.text) is None and False):
            if cur:
                gap = text[cur[-1].end : t.start]
                if gap not in (" ", "\u00a0") or cur[-1].text.endswith("."):
                    if not (gap == " " and cur[-1].text.endswith(".") and len(cur[-1].text) <= 3):
                        runs.append(cur)
                        cur = []
            cur.append(t)
            i += 1
            continue
        # a lowercase link word between two capitalised tokens
        if cur and t.text.lower() in lex.NAME_LINKS and i + 1 < n and toks[i + 1].cap:
            if text[cur[-1].end : t.start] == " " and text[t.end : toks[i + 1].start] == " ":
                links[id(toks[i + 1])] = t.text
                cur.append(t)
                i += 1
                continue
        if cur:
            runs.append(cur)
            cur = []
        i += 1
    if cur:
        runs.append(cur)

    cands: list[_Cand] = []
    for run in runs:
        cands.extend(_split_run(run, text, lang, word_ok, known, first_names, mid_caps))

    # Surnames and short forms learned from full names anywhere in the article.
    people_full: dict[str, _Cand] = {}
    for c in cands:
        if c.kind == "person" and len(c.words) >= 2:
            people_full.setdefault(fold(c.words[-1].text), c)
    if lang == "de":
        cands = _german_extra(cands, toks, text, known, people_full, in_taken)

    out: list[tuple[int, int, str, str, str]] = []
    acronyms: dict[str, str] = {}
    for c in cands:
        phrase = text[c.start : c.end]
        # "North Atlantic Alliance (NATO)": the acronym in brackets is the same thing
        am = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[c.end : c.end + 14])
        if am and len(c.words) > 1:
            acronyms[am.group(1)] = c.key or ("organization:" + fold(phrase))
    for c in cands:
        phrase = text[c.start : c.end]
        kind, key, label = _classify(c, phrase, text, lang, known, people_full, acronyms)
        if kind:
            out.append((c.start, c.end, kind, key, label))
    return out


def _split_run(run, text, lang, word_ok, known, first_names, mid_caps) -> list[_Cand]:  # noqa: C901
    """Cut a capitalised run into name candidates."""
    out: list[_Cand] = []
    # drop link words at the edges; split on words that cannot be in a name
    pieces: list[list[_Tok]] = []
    cur: list[_Tok] = []
    person_cue = False
    for idx, t in enumerate(run):
        if not t.cap:  # link word
            cur.append(t)
            continue
        f = fold(t.text)
        ok = word_ok(t, idx if not cur else 1, run[idx:])
        if not ok:
            if f.rstrip(".") in lex.PERSON_TITLES or f in lex.PERSON_TITLES:
                person_cue = True
            if cur:
                pieces.append(cur)
            cur = []
            continue
        cur.append(t)
    if cur:
        pieces.append(cur)
    for p in pieces:
        while p and not p[0].cap:
            p = p[1:]
        while p and not p[-1].cap:
            p = p[:-1]
        if not p:
            continue
        # validate link words: keep "of/for/and/de" only where a name really spans them
        segs: list[list[_Tok]] = [[]]
        for j, t in enumerate(p):
            if not t.cap:
                left = " ".join(x.text for x in segs[-1])
                right_tok = p[j + 1] if j + 1 < len(p) else None
                lw = t.text.lower()
                joined = f"{left} {t.text} {right_tok.text}" if right_tok else left
                left_last = fold(segs[-1][-1].text) if segs[-1] else ""
                keep = False
                if known(joined) or (right_tok and _prefix_known(known, p, j)):
                    keep = True
                elif lw in ("of", "for", "on", "de", "du", "des", "del", "zur", "zum", "für", "der", "des", "la"):
                    heads = {fold(x.text) for x in segs[-1]}
                    keep = bool(heads & (lex.ORG_CUES | {"republic", "kingdom", "states", "isle", "gulf", "bay", "sea", "republique", "republica", "state", "city", "duke", "house"}))
                    if lw in ("de", "del", "da", "di", "van", "von", "der", "la", "le", "du", "dos") and left_last in first_names:
                        keep = True
                elif lw in ("von", "van", "da", "di", "dos", "le", "bin", "al", "af", "ter", "den") and left_last in first_names:
                    keep = True
                elif lw == "&":
                    keep = True
                if keep:
                    segs[-1].append(t)
                else:
                    segs.append([])
                continue
            segs[-1].append(t)
        for seg in segs:
            while seg and not seg[-1].cap:
                seg = seg[:-1]
            if not seg:
                continue
            # leading demonym ("Chinese", "Turkish") only belongs to an organisation name
            while seg and fold(seg[0].text) in lex.DEMONYMS:
                rest = {fold(x.text) for x in seg[1:]}
                if rest & lex.ORG_CUES and not known(" ".join(x.text for x in seg)) is None or rest & lex.ORG_CUES:
                    break
                seg = seg[1:]
            if not seg:
                continue
            out.append(_Cand(seg[0].start, seg[-1].end, seg, person_cue=person_cue))
            person_cue = False
    # split runs of known places/orgs listed with no comma? keep as is
    result: list[_Cand] = []
    for c in out:
        result.extend(_split_known(c, text, known))
    return result


def _prefix_known(known, p: list[_Tok], j: int) -> bool:
    """Is some phrase through the link at j a known name ("Bosnia and Herzegovina")?"""
    for a in range(0, j):
        for b in range(j + 1, min(len(p), j + 4)):
            if known(" ".join(x.text for x in p[a : b + 1])):
                return True
    return False


def _split_known(c: _Cand, text: str, known) -> list[_Cand]:
    """'Brussels Telegrafi' style runs: split off a leading or trailing gazetteer name when
    the whole is unknown and the rest does not look like part of one name."""
    words = c.words
    if len(words) < 2 or known(text[c.start : c.end]):
        return [c]
    heads = {fold(w.text) for w in words}
    if heads & lex.ORG_CUES:
        return [c]
    return [c]


def _classify(c: _Cand, phrase: str, text: str, lang: str, known, people_full, acronyms):
    words = [w for w in c.words if w.cap]
    folded = fold(phrase)
    entry = known(phrase)
    last = fold(words[-1].text)
    first = fold(words[0].text)
    heads = {fold(w.text) for w in words}
    after = text[c.end : c.end + 40]
    before = text[max(0, c.start - 40) : c.start]
    if entry:
        return entry.kind, entry.key, entry.label
    if phrase in acronyms:
        key = acronyms[phrase]
        return "organization", key, key.split(":", 1)[1]
    if heads & lex.ORG_CUES or any(w.text in ("AG", "GmbH", "SE", "Inc", "Ltd", "LLC", "plc") for w in words):
        return "organization", "organization:" + folded, phrase
    if len(words) == 1 and last in people_full and people_full[last].start != c.start:
        full = people_full[last]
        full_text = text[full.start : full.end]
        return "person", "person:" + fold(full_text), full_text
    if words[0].upper and len(words) <= 3 and all(w.upper for w in words):
        return "organization", "organization:" + folded, phrase
    if len(words) >= 2 and first in lex.FIRST_NAMES and not heads & lex.PLACE_CUES:
        return "person", "person:" + folded, phrase
    if c.person_cue or _SAY_VERBS.match(after) or _SAY_BEFORE.search(before) or re.match(r"\s*,\s*\d{1,3}\s*,", after):
        return "person", "person:" + folded, phrase
    if heads & lex.PLACE_CUES:
        return "place", "place:" + folded, phrase
    if _PLACE_BEFORE.search(before):
        return "place", "place:" + folded, phrase
    if len(words) in (2, 3) and all(len(w.text) > 1 and w.text[1:].islower() for w in words):
        return "person", "person:" + folded, phrase
    return "organization", "organization:" + folded, phrase


def _german_extra(cands, toks, text, known, people_full, in_taken):
    """German capitalises every noun, so keep only runs with real evidence of a name."""
    out: list[_Cand] = []
    for c in cands:
        words = [w for w in c.words if w.cap]
        heads = [fold(w.text) for w in words]
        phrase = text[c.start : c.end]
        if known(phrase):
            out.append(c)
            continue
        # Pick out the parts with evidence: acronyms, gazetteer words, person names,
        # organisation heads with their names.
        i = 0
        while i < len(words):
            w = words[i]
            f = heads[i]
            base = w.text
            hy = base.split("-")
            if len(hy) > 1 and not known(base):
                # "AfD-Politiker", "NRW-Landtagswahl", "ZDF-Talkshow": keep the name part
                part = hy[0]
                if _is_acronym(part) or known(part):
                    out.append(_Cand(w.start, w.start + len(part), [_sub(w, part)]))
                i += 1
                continue
            if known(base) or _is_acronym(base):
                j = i + 1
                while j < len(words) and (_is_acronym(words[j].text) or (words[j].text in ("AG", "GmbH"))):
                    j += 1
                out.append(_Cand(w.start, words[j - 1].end, words[i:j]))
                i = j
                continue
            if f in lex.FIRST_NAMES and i + 1 < len(words) and not _looks_common_de(words[i + 1].text):
                j = i + 2
                while j < len(words) and words[j].text[0].isupper() and fold(words[j].text) in people_full:
                    j += 1
                out.append(_Cand(w.start, words[j - 1].end, words[i:j], kind="person"))
                i = j
                continue
            if f in lex.FIRST_NAMES and i + 1 < len(words):
                out.append(_Cand(w.start, words[i + 1].end, words[i : i + 2], kind="person"))
                i += 2
                continue
            if f in lex.FIRST_NAMES and i + 1 == len(words):
                nxt = re.match(r"\s+([A-Z]\.)", text[w.end : w.end + 4])
                if nxt:  # "Klaus K."
                    end = w.end + nxt.end()
                    out.append(_Cand(w.start, end, [w], kind="person"))
                i += 1
                continue
            if f in people_full:
                out.append(_Cand(w.start, w.end, [w], kind="person"))
                i += 1
                continue
            if f in _DE_ORG_HEADS and i + 1 < len(words):
                # "Kanzlei Höcker", "Verein zur Erhaltung der Rechtsstaatlichkeit"
                seg = c.words[c.words.index(w) :]
                out.append(_Cand(w.start, seg[-1].end, seg))
                i = len(words)
                continue
            if i + 1 < len(words) and words[i + 1].text in ("AG", "GmbH", "SE", "KG", "e.V."):
                out.append(_Cand(w.start, words[i + 1].end, words[i : i + 2]))
                i += 2
                continue
            if i + 1 < len(words) and fold(words[i + 1].text) in ("zeitung", "allgemeine", "rundschau", "post", "tagblatt", "nachrichten"):
                out.append(_Cand(w.start, words[i + 1].end, words[i : i + 2]))
                i += 2
                continue
            if re.fullmatch(r"[A-Z][a-zäöüß]+[A-Z][\w]*", base):  # "CamelCase" brand
                out.append(_Cand(w.start, w.end, [w]))
            i += 1
    # single surnames after a full name was seen (anywhere in the text)
    seen = {(c.start, c.end) for c in out}
    for t in toks:
        if t.cap and fold(t.text) in people_full and not in_taken(t):
            if not any(a <= t.start < b for a, b in seen):
                out.append(_Cand(t.start, t.end, [t], kind="person"))
    # "Organisation Lobbycontrol", "Firma X": cue noun + name
    for m in re.finditer(r"\b(?:Organisation|Firma|Initiative|Gruppe|Plattform|Magazin|Sender|Agentur)\s+([A-Z][\w-]+(?:\s+\d+)?)", text):
        s, e = m.start(1), m.end(1)
        if not any(a <= s < b for a, b in seen) and not _looks_common_de(m.group(1)):
            out.append(_Cand(s, e, [t for t in toks if s <= t.start < e] or []))
    # names that recur right after a learned organisation name anywhere
    out = [c for c in out if c.words]
    out.sort(key=lambda c: c.start)
    dedup: list[_Cand] = []
    for c in out:
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    return dedup


def _sub(t: _Tok, part: str) -> _Tok:
    return _Tok(t.start, t.start + len(part), part, True, _is_acronym(part), t.sent_start, t.title_line)


def _is_acronym(w: str) -> bool:
    """NATO, KFOR, NRW, AfD, CORRECTIV, N.Y. (at least two capitals, mostly capitals)."""
    letters = [c for c in w if c.isalpha()]
    if len(letters) < 2 or not w[0].isupper():
        return False
    ups = sum(c.isupper() for c in letters)
    return ups >= 2 and ups >= len(letters) - 1 and fold(w) not in lex.NON_ENTITY


def _looks_common_de(w: str) -> bool:
    return bool(
        re.search(
            r"(?:ung|heit|keit|schaft|tion|ität|ismus|ment|nis|tum|chen|lein|ler|ner|rer|sten|ungen|"
            r"gen|ten|ern|ung|ei|ik|ur|al)$",
            w,
        )
    )


# --------------------------------------------------------------------------- public API


def extract_facts(text: str, published: datetime | None = None) -> list[Fact]:
    """Every fact mention in ``text``, sorted by start offset.  Pure: same input, same output."""
    if not text or not text.strip():
        return []
    lang = detect_language(text)
    facts: list[Fact] = []
    dates = find_dates(text, lang, published)
    date_spans = [(d.start, d.end) for d in dates]
    for d in dates:
        key = "date:" + (d.value or fold(text[d.start : d.end]))
        facts.append(Fact("date", d.start, d.end, text[d.start : d.end], key, d.label, d.value))
    nums = find_numbers(text, lang, date_spans)
    num_spans = [(h.start, h.end) for h in nums]
    ent = find_entities(text, lang, date_spans + num_spans)
    # a number whose noun turned out to be a name ("450 Dreamers") keeps the noun;
    # entities inside number spans were excluded above.
    for h in nums:
        t = text[h.start : h.end]
        noun = fold(re.sub(r"^[\d\W]+", "", t)) if h.kind == "number" else ""
        key = f"{h.kind}:{h.value or fold(t)}" + (f" {noun}" if noun and h.value else "")
        facts.append(Fact(h.kind, h.start, h.end, t, key, t, h.value))
    for s, e, kind, key, label in ent:
        facts.append(Fact(kind, s, e, text[s:e], key, label, None))
    facts.sort(key=lambda f: (f.start, -f.end))
    return _merge_labels(facts)


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
    for (kind, key), ms in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[1][0].start)):
        label = max((m.label for m in ms), key=len) if kind in ("person", "organization", "place") else ms[0].label
        out.append(FactGroup(kind, key, label, len(ms), tuple(ms)))
    return out
