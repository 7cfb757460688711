"""Numbers with the noun they count, money and percentages, in EN/DE/FR/ES.

A number alone tells the reader little; "4,636 troops" tells them what was counted, so
the span carries the counted noun.  Identifiers that merely look like numbers (house
numbers, page ranges, comment counters, product names such as "Fortune 500") are left out
because the sidebar would show them as facts the article never states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.content.facts_lexicon import STOPWORDS, STREET_CUES

_SPELLED = {
    "en": "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand dozen",
    "de": "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig "
    "fünfzig sechzig siebzig achtzig neunzig hundert tausend dutzend zweihundert dreihundert "
    "dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn",
    "fr": "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt trente quarante cinquante soixante cent mille",
    "es": "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince veinte "
    "treinta cuarenta cincuenta sesenta setenta ochenta noventa cien mil "
    "dieciséis dieciseis diecisiete dieciocho diecinueve veintiún veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve doscientos "
    "doscientas trescientos trescientas cuatrocientos quinientos seiscientos setecientos "
    "ochocientos novecientos",
}
_VALUES = {
    "de": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 30, 40, 50, 60, 70, 80, 90, 100, 1000, 12,
           200, 300, 13, 14, 15, 16, 17, 18, 19],
    "fr": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 30, 40, 50, 60, 100, 1000],
    "es": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100,
           1000, 16, 16, 17, 18, 19, 21, 21, 22, 23, 24, 25, 26, 27, 28, 29, 200, 200, 300,
           300, 400, 500, 600, 700, 800, 900],
}  # fmt: skip
_WORD_VALUE = {
    w: v
    for lang, vals in _VALUES.items()
    for w, v in zip(_SPELLED[lang].split(), vals, strict=True)
}
_EN_VALUES = dict(
    zip(
        _SPELLED["en"].split(),
        [*range(2, 21), 30, 40, 50, 60, 70, 80, 90, 100, 1000, 12],
        strict=True,
    )
)

_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "lakh": 1e5, "crore": 1e7, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "tausend": 1e3, "million_de": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billionen": 1e12,
    "mille": 1e3, "milliard": 1e9, "milliards": 1e9, "mil": 1e3, "millón": 1e6,
    "millones": 1e6, "millon": 1e6, "mil millones": 1e9, "billón": 1e12,
}  # fmt: skip

_CUR_SYMBOL = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "hk$": "HKD", "c$": "CAD", "a$": "AUD", "chf": "CHF", "r$": "BRL", "₹": "INR",
    "yuan": "CNY", "rmb": "CNY", "yen": "JPY", "euro": "EUR", "euros": "EUR", "eur.": "EUR",
    "dollar": "USD", "dollars": "USD", "dólares": "USD", "dólar": "USD", "pounds": "GBP",
    "pound": "GBP", "sterling": "GBP", "livres": "GBP", "libras": "GBP", "francs": "CHF",
    "franken": "CHF", "pesos": "MXN", "rupees": "INR", "rubles": "RUB", "roubles": "RUB",
    "rubel": "RUB", "hong kong dollars": "HKD", "us dollars": "USD", "u.s. dollars": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "cents": "USD", "centimes": "EUR",
    "céntimos": "EUR", "cent": "EUR",
}  # fmt: skip

_UI_NOUNS = frozenset(
    [
        "comment",
        "comments",
        "commentaire",
        "commentaires",
        "kommentar",
        "kommentare",
        "comentario",
        "comentarios",
        "shares",
        "share",
        "likes",
        "views",
        "reactions",
        "replies",
        "retweets",
    ]
)
# Words that never are the counted noun.
_NOT_NOUN = STOPWORDS | frozenset(
    [
        "times",
        "percent",
        "per",
        "cent",
        "prozent",
        "pour",
        "por",
        "ciento",
        "more",
        "less",
        "fewer",
        "than",
        "point",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "said",
        "says",
        "to",
        "more",
        "plus",
        "moins",
        "mehr",
        "als",
        "que",
    ]
)
_ADJ_END = (
    "al",
    "ic",
    "ive",
    "ous",
    "ful",
    "ern",
    "ian",
    "ish",
    "ary",
    "ed",
    "ing",
    "ble",
    "an",
    "ese",
    "ist",
)
_ANY_SPELLED = frozenset(w for s in _SPELLED.values() for w in s.split())
# Sentence openers that may stand before a number without making it part of a name.
_LEAD_WORDS = frozenset(
    [
        "approximately",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "some",
        "over",
        "under",
        "more",
        "fewer",
        "only",
        "just",
        "exactly",
        "estimated",
        "another",
        "rund",
        "etwa",
        "knapp",
        "fast",
        "über",
        "mehr",
        "als",
        "unter",
        "environ",
        "près",
        "presque",
        "plus",
        "moins",
        "quelque",
        "casi",
        "unos",
        "unas",
        "cerca",
        "más",
        "menos",
        "alrededor",
    ]
)


@dataclass(slots=True)
class NumHit:
    kind: str
    start: int
    end: int
    value: str | None


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    if lang == "en":
        num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    elif lang == "fr":
        # "90 000 morts", "6,6"; a point before one or two digits is a decimal: "magnitude 8.0"
        num = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?"
    elif lang == "es":
        # the RAE's "69 500 millones" groups thousands with a space too
        num = r"\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[,.]\d+)?"
    else:
        num = r"\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
    scale = (
        r"(?:[- ]?(?:bn|m|mn|k|tn)\b|[- ](?:thousand|million|billion|trillion|lakh|crore|Tausend|Millionen|Million|"
        r"Milliarden|Milliarde|Mio\.?|Mrd\.?|Billionen|mille|millions?|milliards?|mil millones|millones|millón|mil)\b)"
    )
    cur_pre = r"(?:US\$|HK\$|C\$|A\$|R\$|\$|€|£|¥|₹|USD\s?|EUR\s?|GBP\s?|CHF\s?)"
    cur_post = (
        r"(?:Hong Kong dollars|US dollars|U\.S\. dollars|Canadian dollars|Australian dollars|"
        r"dollars|dollar|dólares|dólar|euros|euro|Euro|EUR|USD|pounds|pound|sterling|yuan|yen|"
        r"Franken|francs|pesos|rupees|roubles|rubles|Rubel|livres|libras|cents|centimes|céntimos|"
        r"Cent|€|\$|£)"
    )
    pct = r"(?:\s?%|\s?per\s?cent|\s?percent|\s?Prozent|\s?pour\s?cent|\s?por\s?ciento|\s?pct\b)"
    extra = {"en": ["one"], "es": ["uno"]}.get(lang, [])
    words = sorted([*_SPELLED[lang].split(), *extra], key=len, reverse=True)
    if lang == "es":  # "cuarenta y seis": tens and units joined by "y"
        words.insert(
            0,
            r"(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)\s+y\s+"
            r"(?:uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)",
        )
    spelled = "|".join(words)
    return re.compile(
        rf"(?P<money1>{cur_pre}\s?(?P<n1>{num})(?P<s1>{scale})?(?:-(?:dollar|euro|pound))?)"
        rf"|(?P<money2>(?P<n2>{num})(?P<s2>{scale})?[- ]?(?:of\s+|de\s+|d['’])?(?i:{cur_post})(?!\w))"
        rf"|(?P<pct>(?P<n3>{num}){pct}(?!\w))"
        rf"|(?P<num>(?P<n4>{num})(?P<s4>{scale})?)"
        r"|(?P<half>\b(?i:half)\s+an?\s+(?:decade|century|dozen|million|billion|year|hour|mile|day|month|week|season|point)s?\b"
        # "more than a decade", "less than a year": a duration with no digit in it
        r"|\b(?i:more|less|fewer)\s+than\s+an?\s+(?:decade|century|year|month|week|day|hour|third|quarter|half)\b"
        # "anderthalb Jahren", "zweieinhalb Jahre"
        r"|\b(?i:anderthalb|eineinhalb|zweieinhalb|dreieinhalb|viereinhalb|fünfeinhalb)\s+"
        r"(?:Jahre|Jahren|Jahrzehnte|Monate|Monaten|Wochen|Tage|Tagen|Stunden|Millionen|Milliarden)\b"
        # fractions and round counts: "mehr als ein Drittel", "una veintena", "une dizaine"
        r"|\b(?:(?i:mehr\s+als|knapp|fast|rund)\s+)?(?i:ein|zwei)\s+Drittel\b"
        r"|\b(?i:un|deux)\s+tiers\b|\b(?i:un|dos)\s+tercios?\b|\b(?i:a|one|two)\s+thirds?\s+of\b"
        r"|\b(?i:una)\s+(?:decena|docena|veintena|treintena|cuarentena|cincuentena|centena)\b"
        r"|\b(?i:un)\s+(?:centenar|millar)\b"
        r"|\b(?i:une)\s+(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)\b"
        r"|\b(?i:un)\s+millier\b)"
        rf"|(?P<spelled>(?<![\w-])(?:(?i:a|an|ein|une|un)\s+)?(?i:{spelled})(?:[- ](?:and\s+a\s+half|et\s+demi|y\s+medio|einhalb))?(?![\w]))",
    )


_WORD_RE = re.compile(r"[\w’'-]+|\S")


def _to_float(raw: str, lang: str) -> float | None:
    s = raw.replace("\u00a0", "").replace("\u202f", "")
    if lang == "en":
        s = s.replace(",", "")
    else:
        if lang in ("fr", "es"):
            s = s.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
            s = s.replace(".", "")
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _fmt(v: float) -> str:
    v = round(v, 6)
    if abs(v - round(v)) < 1e-6:
        return str(round(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _scale_of(s: str | None) -> float:
    if not s:
        return 1.0
    return _SCALE.get(s.strip(" -").lower(), 1.0)


def find_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> list[NumHit]:
    """Money, percentages and counted numbers that do not overlap ``taken`` (dates)."""
    out: list[NumHit] = []
    occupied = sorted(taken)

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in occupied)

    # telephone numbers are contact details, not facts: "Tél.: +32 2 295 45 78"
    occupied = sorted(occupied + [m.span() for m in _PHONE.finditer(text)])
    skip_until = 0
    for m in _pattern(lang).finditer(text):
        s, e = m.start(), m.end()
        if s < skip_until:
            continue
        if overlaps(s, e):
            # a year-like number swallowed by a date: keep money/percent that merely
            # touches a date only if the date is inside it
            continue
        g = m.groupdict()
        if g["money1"] or g["money2"]:
            raw = g["n1"] or g["n2"]
            v = _to_float(raw, lang)
            cur = _currency(text[s:e])
            value = (
                f"{cur} {_fmt(v * _scale_of(g['s1'] or g['s2']))}"
                if v is not None and cur
                else None
            )
            out.append(NumHit("money", s, e, value))
            continue
        if g["pct"]:
            v = _to_float(g["n3"], lang)
            out.append(NumHit("percent", s, e, _fmt(v) if v is not None else None))
            continue
        if g["half"]:
            hit = NumHit("number", s, e, None)
        elif g["num"]:
            hit = _digit_number(text, lang, m, s, e)
        else:
            hit = _spelled_number(text, lang, s, e)
        if hit:
            skip_until = hit.end
            if hit.kind != "skip":
                out.append(hit)
    return out


_PHONE = re.compile(
    r"(?:(?<![\w+])\+\d{1,3}|(?i:t[ée]l(?:[ée]fono|efon|ephone)?\.?|phone|fax|tfno\.?)\s*:?\s*\(?\+?\d{1,4}\)?)"
    r"(?:[ ./-]?\(?\d{1,4}\)?){2,6}"
    # North American numbers, toll-free ones spelled with letters: "1-800-621-FEMA (3362)"
    r"|(?<![\w-])(?:1-)?\d{3}-[\dA-Z]{3}-[\dA-Z]{4}(?![\w-])(?:\s\(\d{4}\))?"
)


def _currency(span: str) -> str | None:
    low = span.lower()
    for sym in sorted(_CUR_SYMBOL, key=len, reverse=True):
        if sym in low:
            return _CUR_SYMBOL[sym]
    return None


def _digit_number(text: str, lang: str, m: re.Match[str], s: int, e: int) -> NumHit | None:
    raw = m.group("n4")
    before = text[max(0, s - 40) : s]
    after = text[e : e + 60]
    # part of a larger token: 121102-like ids, versions, phone numbers, ordinals, hyphenated codes
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "#/№°.:,+"):
        return None
    if (
        s > 1
        and text[s - 1] == "-"
        and re.search(r"[^\W\d_]\w*(?:-\d+)*-$", text[max(0, s - 24) : s])
    ):
        return None  # a code or a name: "COVID-19", "F-35", "G-20", "HQ-12-144"
    if re.match(r"(?:st|nd|rd|th|e|er|ème|eme|º|ª|°)\b|\.\w|/\d|[.]\d", after) and not re.match(
        r"\.\d{3}", after
    ):
        return None
    if lang == "de" and re.match(r"\.\s", after) and not re.match(r"\.\s+(?:[A-ZÄÖÜ]|$)", after):
        return None  # German ordinal "30. März" is taken by dates; "3. Liga" is an ordinal
    if (
        lang == "de"
        and re.match(r"\.\s+[A-ZÄÖÜ]", after)
        and re.search(
            r"\b(?:der|die|das|den|dem|des|zum|zur|am|im|vom|beim|seinem|ihrem)\s+$", before, re.I
        )
    ):
        return None  # "Die 64. Konferenz", "zum 25. Jubiläum": an ordinal after an article
    # score "4-1" vs range "16-17"
    rng = re.match(r"[-–](\d+)\b", after) or (
        re.match(r" [-–] (\d{1,2})\b(?![.,]\d)", after) if len(raw) <= 2 else None
    )
    if rng:
        a, b = (
            float(raw.replace(",", "")) if raw.replace(",", "").isdigit() else 0,
            int(rng.group(1)),
        )
        in_scores = re.search(r"\d[-–]\d+(?:\s*\(\d+\))?,\s*$", before) or re.match(
            r"[-–]\d+(?:\s*\(\d+\))?,\s*\d+[-–]\d", after
        )
        if (
            b > a
            and not in_scores
            and not re.search(
                r"(?:beat|win|won|lost|defeat\w*|lead|score\w*|victory|draw)\s*$", before
            )
        ):
            return NumHit("skip", s, e + rng.end(), None)
        end = e + rng.end()
        return NumHit("number", s, end, None)
    if re.search(r"\b(?i:número|numero|núm\.|nº|n°|numéro|nummer|nr\.|number|no\.)\s*$", before):
        return None  # "Juzgado Central número 6", "Nr. 5": a name's number, not a count
    # identifiers: 5+ digits without separators, zip codes
    if re.fullmatch(r"\d{5,}", raw):
        return None
    if re.search(r"\bEuro[ \u00a0]$", before) and re.fullmatch(r"\d", raw):
        return None  # an emission standard: "les normes 'Euro 5'", "Euro-6-Norm"
    # the start of a name written in one word: "1Password", "3Com", "7Up"
    if re.match(r"[A-Z][a-z]", after):
        return None
    # parenthesised counters "(745)" and UI counters "78 commentaires"
    if (
        s > 0
        and text[s - 1] == "("
        and after.startswith(")")
        and m.group("s4") is None
        and raw.isdigit()
    ):
        return None  # a counter, not "(1,52 millones)"
    noun_m = re.match(r"[ \u00a0]([\w’'-]+)", after)
    if noun_m and noun_m.group(1).lower() in _UI_NOUNS:
        return None
    # house numbers: "1119 Eighth St.", "3170 W. County Road 600S"
    if _is_street_number(after):
        return None
    # inside a name: "Fortune 500", "Frontal 21", "Nature 574", "Route 66"
    prev = re.search(r"([\w.&’'-]+)[ \u00a0]$", before)
    if prev and re.fullmatch(r"[^\W\d_]{4,}\.", prev.group(1)):
        prev = None  # the last word of a sentence: "... en Daguestan. 109 millions de personnes"
    if prev and prev.group(1)[0].isupper() and not prev.group(1).isupper():
        pw = prev.group(1).lower()
        from reader.content.facts_dates import MONTHS

        age = re.match(r",\s+(?:of|from|who|aus|de|del)\b", after)  # "Ryan S. Hollman 31, of Hope"
        # German capitalises the noun before a count too ("letzte Woche 30 Festnahmen"): there
        # a number that counts a following (capitalised) noun is still a number
        de_count = lang == "de" and re.match(r"[ \u00a0]+[A-ZÄÖÜ]", after)
        if (
            pw not in STOPWORDS
            and pw not in MONTHS
            and pw not in _LEAD_WORDS
            and not age
            and not de_count
        ):
            return None
    v = _to_float(raw, lang)
    scale = _scale_of(m.group("s4"))
    end = _extend_noun(text, lang, e)
    value = _fmt(v * scale) if v is not None else None
    # time-of-day and durations like "48 hour" are fine as numbers
    return NumHit("number", s, end, value)


def _is_street_number(after: str) -> bool:
    m = re.match(r"(?:\s+(?:[NSEW]\.|[A-Z0-9][\w’'-]*\.?)){1,4}", after)
    if not m:
        return False
    words = m.group().split()
    return any(
        w.lower().rstrip(",.") in STREET_CUES
        or w.lower().rstrip(",") in STREET_CUES
        or w.lower() == "road"
        for w in words[1:] or words
    )


def _spelled_number(text: str, lang: str, s: int, e: int) -> NumHit | None:
    span = text[s:e]
    low = span.lower()
    before = text[max(0, s - 30) : s]
    after = text[e : e + 60]
    if (
        low.split()[0] in ("a", "an", "ein", "une", "un")
        and low.split()[-1]
        not in ("hundred", "thousand", "dozen", "mille", "cent", "hundert", "tausend")
        and len(low.split()) > 1
    ):
        s = s + len(span) - len(span.split()[-1])  # "a three-game streak": the number is "three"
        span = text[s:e]
        low = span.lower()
        before = text[max(0, s - 30) : s]
    if re.search(
        r"\b(?:the|these|those|les|ces|die|diese|los|las|estos|estas|all|both)\s+$", before, re.I
    ) and low in ("two", "deux", "dos", "zwei"):
        return None
    if re.match(r"[-–]\s?(?:on|to|in|of|by|for|and)\b", after):
        return None  # "two-on-one"
    if span[0].isupper() and re.match(r"-[\w-]+\s+[A-Z]", after):
        return None  # part of a name: "Five-hundred-meter Aperture Spherical Radio Telescope"
    if low == "one" or low == "uno":
        # "one event", "one in-person meeting"; not "one of", "no one", "at any one time"
        if re.search(
            r"\b(?:any|no|every|each|which|this|that|the|at|only|last|another|no)\s+$", before, re.I
        ):
            return None
        end = _extend_noun(text, lang, e)
        if end == e or re.match(r"\s+(?:of|or|and|to|who|that|day|another|thing)\b", after):
            return None
        return NumHit("number", s, end, "1")
    core = low.split()[-1] if low.split()[0] in ("a", "an", "ein", "une", "un") else low.split()[0]
    if low.split()[0] in ("a", "an", "ein", "une", "un") and core not in (
        "hundred",
        "thousand",
        "dozen",
        "mille",
        "cent",
        "hundert",
        "tausend",
    ):
        # "a dozen", "a thousand choices"; "a six" is not a phrase
        return None
    if core in (
        "hundred",
        "thousand",
        "dozen",
        "hundert",
        "tausend",
        "cent",
        "mille",
        "cien",
        "mil",
    ) and not re.match(r"\s+\w", after):
        return None
    if lang == "es" and core in ("once",) and not re.match(r"\s+(?:de\s+)?\w", after):
        return None  # "once" alone may be English; "Once de los doce detenidos" counts
    if lang == "fr" and core in ("cent",) and not re.match(r"\s+\w", after):
        return None
    pm = re.match(r"\s?(?:%|per\s?cent|percent|Prozent|pour\s?cent|por\s?ciento)(?!\w)", after)
    if pm:  # "rund vier Prozent", "five percent"
        value = _EN_VALUES.get(core) if lang == "en" else _WORD_VALUE.get(core)
        return NumHit("percent", s, e + pm.end(), str(value) if value else None)
    end = _extend_noun(text, lang, e)
    if end == e and core in ("hundred", "thousand", "dozen"):
        return None
    value = _EN_VALUES.get(core) if lang == "en" else _WORD_VALUE.get(core)
    tens_units = re.fullmatch(r"(\w+)\s+y\s+(\w+)", low)
    if tens_units and value:
        value += _WORD_VALUE.get(tens_units.group(2), 1 if tens_units.group(2) != "y" else 0)
    if lang == "en" and core in ("hundred", "thousand") and low.startswith(("a ", "an ")):
        value = 100 if core == "hundred" else 1000
    return NumHit("number", s, end, str(value) if value else None)


def _extend_noun(text: str, lang: str, e: int) -> int:
    """Extend a number to the noun it counts: '4,636 troops', '4,1 Millionen Stück'."""
    pos = e
    words = 0
    # hyphenated compounds: "500-metre", "two-goal", "10-game"
    hm = re.match(r"-([a-zäöüéè]+)\b", text[pos:])
    if hm:
        return pos + hm.end()
    om = re.match(r"\s+out\s+of\s+(?:\d+|[a-z]+)", text[pos:])
    if om and (om.group().split()[-1].isdigit() or om.group().split()[-1] in _ANY_SPELLED):
        pos += om.end()
    while words < 4:
        mm = re.match(r"[ \u00a0]+([\w’'-]+)", text[pos:])
        if not mm:
            break
        w = mm.group(1)
        lw = w.lower()
        if words == 0 and lang in ("fr", "es") and lw in ("de", "d'", "d’"):
            # "19 millones de personas", "3 000 personnes": keep going past "de"
            nm = re.match(r"[ \u00a0]+(?:de|d['’])[ \u00a0]*([\w’'-]+)", text[pos:])
            if nm and nm.group(1).lower() not in _NOT_NOUN:
                pos += nm.end()
                break
        if lw in _NOT_NOUN or lw in _ANY_SPELLED or any(ch.isdigit() for ch in w):
            break
        if lang == "de":
            if not w[0].isupper() and not lw.endswith(("e", "en", "er", "es", "em")):
                # lowercase words count only as adjectives before a noun: "zwei
                # gescheiterten Regierungsbildungen", not "mindestens zwei wurden getötet"
                pos = e if words and not re.search(r"[A-ZÄÖÜ]", text[e:pos]) else pos
                break
            if w[0].isupper():
                pos += mm.end()
                words += 1
                if lw in ("millionen", "milliarden", "tausend", "million", "milliarde"):
                    continue
                break
            pos += mm.end()
            words += 1
            continue
        if w[0].isupper() and lang != "de":
            # "450 Dreamers", "4 Min Read"
            if words == 0:
                pos += mm.end()
                words += 1
                if not re.match(r"[ \u00a0]+[A-Z]", text[pos:]):
                    break
                continue
            if words >= 1 and text[e:pos].strip()[:1].isupper():
                pos += mm.end()
                break
            break
        pos += mm.end()
        words += 1
        if lw in ("out", "of") or (lw.endswith(_ADJ_END) and words < 3):
            continue
        if lang in ("fr", "es") and lw in ("de", "d'", "d’"):
            continue
        break
    return pos
