"""Date and time expressions in English, German, French and Spanish, with resolution.

Dates are found with one compiled pattern per form rather than a date-parsing library:
the forms news text uses are few, and each needs its own resolution rule (a bare
"Tuesday" in a report means the most recent one; "September of that year" needs the
year last named in the text), which generic parsers do not model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "january jan jan. januar jänner janvier enero",
        "february feb feb. februar février fevrier febrero",
        "march mar. märz maerz mars marzo",
        "april apr apr. avril abril",
        "may mai mayo",
        "june jun jun. juni juin junio",
        "july jul jul. juli juillet julio",
        "august aug aug. août aout agosto",
        "september sep sep. sept sept. septembre septiembre setiembre",
        "october oct oct. oktober okt. octobre octubre",
        "november nov nov. novembre noviembre",
        "december dec dec. dezember dez. décembre decembre diciembre",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "monday montag lundi lunes",
        "tuesday dienstag mardi martes",
        "wednesday mittwoch mercredi miércoles miercoles",
        "thursday donnerstag jeudi jueves",
        "friday freitag vendredi viernes",
        "saturday samstag sonnabend samedi sábado sabado",
        "sunday sonntag dimanche domingo",
    ]
):
    for _n in _names.split():
        WEEKDAYS[_n] = _i

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "einer": 1, "einem": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10,
}  # fmt: skip

_MON_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(slots=True)
class DateHit:
    start: int
    end: int
    value: str | None
    label: str
    form: str = ""


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    mon_en = _alt(
        "January February March April May June July August September October November "
        "December Jan\\. Feb\\. Aug\\. Sept\\. Sep\\. Oct\\. Nov\\. Dec\\.".replace(
            "\\", ""
        ).split()
    )
    mon_de = _alt(
        [
            "Januar",
            "Jänner",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ]
    )
    mon_fr = _alt(
        [
            "janvier",
            "février",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
    )
    mon_es = _alt(
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "setiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]
    )
    # abbreviated months as German, French and Spanish datelines write them: "9. Dez. 2012"
    mon_abbr = r"(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\.|(?i:janv|févr|avr|juil|sept|oct|déc|ene|dic)\."
    mon_any = f"(?:{mon_abbr}|{mon_en}|{mon_de}|(?i:{mon_fr})|(?i:{mon_es}))"
    wd_en = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    wd_de = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
    wd_fr = "(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    wd_es = "(?i:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)"
    wd_any = f"{wd_en}|{wd_de}|{wd_fr}|{wd_es}"
    part_en = r"(?:\s+(?:morning|afternoon|evening|night))"
    part_de = r"(?:\s*(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh)|(?:morgen|vormittag|nachmittag|mittag|abend|nacht))"
    part_fr = r"(?:\s+(?:matin|après-midi|soir|soirée)|\s+por\s+la\s+(?:mañana|tarde|noche))"
    num_w = (
        r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|"
        r"einer|einem|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|einigen|"
        r"un|une|deux|trois|quatre|cinq|six|dix|quelques|"
        r"uno|una|un|dos|tres|cuatro|cinco|seis|diez|unos|unas)"
    )
    unit_en = r"(?:days?|weeks?|months?|years?|decades?|hours?)"
    unit_de = r"(?:Tag|Tage|Tagen|Woche|Wochen|Monat|Monate|Monaten|Jahr|Jahre|Jahren|Stunden?)"
    unit_fr = r"(?:jours?|semaines?|mois|ans|années?|heures?)"
    unit_es = r"(?:días?|semanas?|mes|meses|años?|horas?)"
    forms = [
        # --- absolute, day precision
        rf"(?P<dmy>(?:(?:{wd_any}),?\s+(?:den\s+|le\s+|el\s+|the\s+)?)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:of\s+|de\s+)?(?P<m1>{mon_any})(?:,?\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}}))?)(?!\d)",
        rf"(?P<mdy>(?:(?:{wd_en}),?\s+)?(?P<m2>{mon_en})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y2>\d{{4}}))?)",
        r"(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))(?!\d)",
        r"(?P<dot>(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>(?:19|20)\d\d))(?!\d)",
        # "16.06.21" in a byline: two-digit years only with two-digit day and month
        r"(?P<dot2>(?<![\d.])(?P<d12>[0-3]\d)\.(?P<m12>[01]\d)\.(?P<y12>\d\d))(?![\d%]|[.,]\d)",
        # "17/08/2017", "12 / 07 / 2021" (day first outside English)
        r"(?P<slash>(?<![\d/])(?P<d10>[0-3]?\d) ?/ ?(?P<m10>[01]?\d) ?/ ?(?P<y10>(?:19|20)\d\d))(?![\d/])",
        # "21/12/05" in a dateline (two-digit years only with two-digit day and month)
        r"(?P<slash2>(?<![\d/])(?P<d13>[0-3]\d)/(?P<m13>[01]\d)/(?P<y13>\d\d))(?![\d/%]|[.,]\d)",
        # US-style Spanish and French: "septiembre 30, 2022" (the year is required)
        rf"(?P<mdy2>(?P<m11>(?i:{mon_es})|(?i:{mon_fr}))\s+(?P<d11>\d{{1,2}}),\s+(?P<y11>(?:19|20)\d\d))(?!\d)",
        # --- month (+ year / of that year)
        rf"(?P<monrel>(?P<m5>{mon_any})\s+(?:of\s+)?(?P<rel5>that|the same|last|this|next|the following|the previous)\s+year)",
        rf"(?P<monrel_fr>(?P<m9>{mon_any})\s+(?:de\s+)?(?P<rel9>cette année|l'année dernière|l’année dernière|l'année suivante|l’année suivante|ese año|el año pasado|del año pasado|este año|dieses Jahres|des Vorjahres|desselben Jahres|des gleichen Jahres|letzten Jahres|vergangenen Jahres))",
        rf"(?P<my>(?P<q6>(?:early|mid|late|Anfang|Mitte|Ende|début|fin|mi-|principios de|mediados de|finales de)\s*)?(?P<m6>{mon_any})(?:,?\s+(?:de\s+|del\s+)?(?P<y6>(?:19|20)\d\d))(?!\d))",
        rf"(?P<mon>(?P<q7>(?:early|mid-|mid|late|last|next|this|Anfang|Mitte|Ende|début|fin|mi-|principios de|mediados de|finales de|el pasado|el próximo|(?:el )?pasado mes de|(?:el )?próximo mes de|el mes de|le mois de|en el mes de)\s*)?(?P<m7>{mon_any}))\b",
        # --- seasons
        r"(?P<season>(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+(?:last|this|next|that)\s+year|(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:spring|summer|autumn|fall|winter)(?!\w)|summertime|(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?:19|20)\d\d"
        # "cet été", "l'hiver dernier", "este verano", "la primavera pasada", "in diesem Sommer"
        r"|(?<!\w)(?i:cet|ce)\s+(?:été|hiver|automne|printemps)|(?:l['’](?:été|hiver|automne)|le\s+printemps)\s+(?:dernier|prochain)"
        r"|(?<!\w)(?i:este|el)\s+(?:verano|invierno|otoño)(?:\s+(?:pasado|próximo|que viene))?(?=\W)(?<!\b[Ee]l verano)(?<!\b[Ee]l invierno)(?<!\b[Ee]l otoño)"
        r"|(?<!\w)(?i:esta|la)\s+primavera(?:\s+(?:pasada|próxima))?(?=\W)(?<![Ll]a primavera)"
        # "la pasada primavera", "el próximo verano"
        r"|(?<!\w)(?i:la|el)\s+(?:pasad[ao]|próxim[ao])\s+(?:primavera|verano|otoño|invierno)(?!\w)"
        r"|(?<!\w)(?:[Ii]n diesem|[Dd]iesen|[Ii]m (?:vergangenen|kommenden|nächsten|letzten)|[Ll]etzten|[Vv]ergangenen|[Nn]ächsten|[Kk]ommenden)\s+(?:Sommer|Winter|Herbst|Frühling|Frühjahr)(?!\w)))",
        # --- relative, weekday
        rf"(?P<wd>(?<!\w)(?P<wpre>(?i:last|next|this|past|coming|on|letzten|vergangenen|nächsten|kommenden|diesen|am|ce|el\s+pasado|el\s+próximo|el\s+proximo|este|el)\s+)?(?P<w>{wd_en}|{wd_de}|{wd_fr}|{wd_es})(?P<wpost>\s+(?:dernier|prochain|pasado|próximo|proximo|que viene))?(?:{part_en}|{part_de}|{part_fr})?)(?!\w)",
        # --- relative, day words
        rf"(?P<day>(?<!\w)(?P<dw>[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening)|[Ll]ast night|[Yy]esterday|[Tt]omorrow|[Hh]eute|[Gg]estern|[Vv]orgestern|übermorgen|morgen(?!\s+früh\s+um)|[Aa]ujourd'hui|[Aa]ujourd’hui|[Hh]ier|[Dd]emain|[Hh]oy|[Aa]yer|[Aa]noche|[Aa]nteayer|pasado mañana|esta mañana|esta tarde|esta noche|ce matin|ce soir|cet après-midi)(?:{part_en}|{part_de}|{part_fr})?)(?!\w)",
        # --- relative, periods
        r"(?P<per>(?<!\w)(?P<pdir>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arlier this|[Ll]ater this|[Ll]etzte|[Ll]etzten|[Ll]etztes|[Vv]ergangene|[Vv]ergangenen|[Vv]ergangenes|[Nn]ächste|[Nn]ächsten|[Nn]ächstes|[Kk]ommende|[Kk]ommenden|[Dd]iese|[Dd]iesen|[Dd]ieses|[Ii]n diesem|[Ii]m vergangenen|[Ii]m kommenden|[Ii]m nächsten|[Cc]ette|[Cc]et|[Cc]e|[Ee]ste|[Ee]sta|(?:[Ee]l|[Ll]a) (?:[Pp]róxim[ao]|[Pp]asad[ao]))\s+(?P<punit>week|month|year|weekend|season|decade|century|quarter|Wochen|Woche|Wochenendes|Wochenende|Monaten|Monate|Monat|Monats|Jahren|Jahre|Jahr|Jahres|Jahrzehnt|Quartal|semaine|mois|année|an|week-end|saison|semana|mes|año|fin de semana|temporada))(?!\w)",
        r"(?P<per2>(?<!\w)(?P<p2unit>(?i:la) semaine|le mois|l'année|l’année|l'an|l’an|le week-end|(?i:la) semana|(?i:el) mes|(?i:el) año|(?i:del) año|(?i:el) fin de semana)\s+(?P<p2dir>dernière|dernier|prochaine|prochain|passée|passé|pasada|pasado|próxima|próximo|que viene))(?!\w)",
        r"(?P<weekend>the weekend"
        # part of a year or century: "fin 2018", "Ende des Jahres", "a finales de 2018",
        # "à la fin du XXe siècle"; and German "ein halbes Jahr später", "Monate später"
        r"|(?<!\w)(?:[Ff]in|[Dd]ébut|[Mm]i-)\s?(?:19|20)\d\d(?!\d)"
        r"|(?<!\w)(?:[Aa]u |[Àà] la )?(?:début|fin|milieu) du (?:[IVXL]+e\s+)?siècle"
        r"|(?<!\w)[Aa] (?:finales|principios|mediados) de(?:l)? (?:(?:19|20)\d\d|año|mes|siglo)"
        r"|(?<!\w)(?:Anfang|Ende|Mitte) (?:des Jahres|(?:19|20)\d\d(?!\d))"
        r"|(?<!\w)(?:(?:[Ee]in|[Ee]inen|[Zz]wei|[Dd]rei|[Ee]inige|[Ww]enige)\s+)?(?:halbes\s+)?"
        r"(?:Jahr|Jahre|Monate|Wochen|Tage)\s+(?:später|danach|zuvor)"
        r"|(?:a |à la )?fin de mes|fin du mois|(?:à la )?fin de l'année|Ende des Monats|(?:the )?end of the (?:month|year)|the (?:previous|following|same|next) (?:year|month|week|day)|(?:l'|l’)année (?:précédente|suivante)|el año anterior|im Vorjahr|des Vorjahres|(?:am )?Vortag)(?!\w)",
        r"(?P<quarter>(?<!\w)(?:(?:im|in the|the|au|el|en el|this|last|next|das|dem|le)\s+)?(?:first|second|third|fourth|final|current|ersten|zweiten|dritten|vierten|laufenden|laufende|vergangenen|letzten|premier|deuxième|troisième|quatrième|primer|segundo|tercer|cuarto)[\s-]+(?:quarter|Quartal|Vierteljahr|Halbjahr|trimestre|semestre|half)|Vorjahresquartal|Vorjahreszeitraum|(?:this|last|next)\s+quarter)(?!\w)",
        rf"(?P<ago>(?:a|one)\s+(?:quarter|half)[\s-]+(?:a\s+)?century\s+ago|half\s+a\s+century\s+ago|(?P<an>{num_w})\s+(?P<au>{unit_en})\s+ago|(?i:vor|il y a|hace)\s+(?P<bn>{num_w})\s+(?P<bu>{unit_de}|{unit_fr}|{unit_es})|(?P<cn>{num_w})\s+(?P<cu>{unit_de})\s+(?:vorab|zuvor|davor|vorher|später|danach)|(?P<dn>{num_w})\s+(?P<du>{unit_fr}|{unit_es})\s+(?:plus tôt|plus tard|auparavant|antes|después|más tarde)|(?i:a few|several|{num_w})\s+{unit_en}\s+(?:earlier|later|before|afterwards)|(?i:seit|depuis|desde hace)\s+{num_w}\s+(?:{unit_de}|{unit_fr}|{unit_es}))(?!\w)",
        # --- decades, years, times
        r"(?P<decade>(?:the\s+)?(?:1[89]|20)\d0s|(?:the\s+)?['’]\d0s|(?:(?:los|las|en los|de los)\s+)?años\s+(?:19)?[1-9]0|(?:(?:les|des|dans les)\s+)?années\s+(?:19)?[1-9]0|(?:(?:die|den|der)\s+)?(?:19)?[1-9]0er(?:[\s-]+Jahren?|-Jahre)?)(?!\w)",
        r"(?P<time>(?<![\d.,])(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|CET|CEST|BST|EST|EDT|PST)\b|(?P<th>[0-2]?\d)(?::|\.|h)(?P<tm>[0-5]\d)(?:\s*(?:[ap]\.?m\.?|Uhr|h|horas|hrs))?(?:\s*\(?(?:MEZ|MESZ|CET|CEST|UTC|GMT|ET|EST|EDT|PT|PST|BST|local time)\b)?|(?P<th2>[0-2]?\d)\s*(?:[ap]\.m\.|[ap]m|Uhr|heures?))(?!\w)",
        # relative spans without a count: "horas después", "pocos minutos después", "hace más
        # de un año", "en los próximos días", "in the coming weeks", "dans les prochains jours"
        rf"(?P<span>(?<!\w)(?i:pocos|pocas|unos|unas|varios|varias|algunos|algunas)\s+"
        r"(?:segundos|minutos|horas|días|semanas|meses|años)\s+(?:después|antes|más tarde)"
        r"|(?i:quelques|plusieurs)\s+(?:minutes|heures|jours|semaines|mois|années)\s+plus\s+(?:tard|tôt)"
        r"|(?i:a few|several)\s+(?:minutes|hours|days|weeks|months|years)\s+(?:later|earlier)"
        rf"|(?i:hace)\s+(?:más de|menos de|casi|unos|unas|apenas|poco más de)\s+{num_w}\s+{unit_es}"
        r"|(?:(?i:en)\s+)?(?:los|las)\s+(?:próximos|próximas)\s+(?:días|semanas|meses|años)"
        r"|(?:(?i:dans|au cours des)\s+)?les\s+(?:prochains|prochaines)\s+(?:jours|semaines|mois|années)"
        r"|(?:(?i:in|over)\s+)?the\s+(?:coming|next)\s+(?:few\s+)?(?:days|weeks|months|years)"
        # a break in the calendar: "nach der Sommerpause", "à la rentrée"
        r"|(?:(?i:vor|nach|während|seit)\s+der\s+)?(?:parlamentarischen\s+)?(?:Sommerpause|Winterpause|Weihnachtspause|Osterpause)"
        r"|(?i:à|après|avant|dès)\s+la\s+rentrée"
        r"|(?i:after|before)\s+the\s+summer\s+(?:break|recess))(?!\w)",
        # "this year's season": "der diesjährigen Fußballsaison", "der letztjährigen Ausgabe"
        r"(?P<thisyear>(?<!\w)(?P<ty>[Dd]iesjährig|[Ll]etztjährig|[Vv]orjährig)(?:e|en|er|es|em)\s+[A-ZÄÖÜ][\w-]+)",
        # a time of day the Spanish way: "a las 10 de la noche", "hacia las 7 de la mañana"
        r"(?P<time_es>(?<!\w)(?:a|hacia|sobre|desde|hasta)\s+las?\s+(?P<th3>[0-2]?\d)(?:[:.][0-5]\d)?\s+(?:de\s+la\s+(?:mañana|tarde|noche|madrugada)|horas)(?!\w))",
        # a span of years: "2021-2027", "2014–15"
        r"(?P<yrange>(?<![\d.,/$€£-])(?P<yr1>(?:19|20)\d\d)\s?[-–]\s?(?P<yr2>(?:19|20)\d\d|\d\d)(?![\d%]|[.,]\d))",
        r"(?P<clock>(?<!\w)(?:[Mm]idnight|[Mm]itternacht|[Mm]inuit|[Mm]edianoche|(?<=gegen )Mittag|(?<=am )Mittag|(?<=at )noon|(?<=à )midi|(?<=al )mediodía|halb (?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)))(?!\w)",
        r"(?P<year>(?<![\d.,/$€£])(?<!\d-)(?P<y8>1[89]\d\d|20\d\d)(?![\d%]|[.,]\d|\s?(?:per ?cent|percent|Prozent|pour cent|por ciento)))",
    ]
    # Every form starts at a word boundary; saying so up front lets the engine skip
    # mid-word positions instead of trying all alternatives at each character.
    return re.compile("(?<![^\\W_])(?:" + "|".join(f"(?:{f})" for f in forms) + ")")


_EN_MAY_PRE = re.compile(
    r"(?:\b(?:in|since|until|till|by|early|late|mid|of|last|next|this|from|through|to|during|before|after|end of|beginning of)\s+)$",
    re.I,
)


def _month(name: str) -> int:
    return MONTHS.get(name.lower().rstrip(".").strip(), 0) or MONTHS.get(name.lower(), 0)


def _fmt_day(d: date) -> str:
    return f"{d.day} {_MON_SHORT[d.month - 1]} {d.year}"


def _num(w: str) -> int:
    w = w.lower()
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(
        w, 3 if w in ("a few", "several", "quelques", "einigen", "unos", "unas") else 1
    )


def find_dates(text: str, lang: str, published: datetime | None) -> list[DateHit]:
    """All date expressions, resolved where the article gives enough context."""
    pub = published.date() if published else None
    hits: list[DateHit] = []
    last_year: int | None = None
    for m in _pattern().finditer(text):
        g = m.groupdict()
        s, e = m.start(), m.end()
        span = text[s:e]
        value: str | None = None
        resolved: str | None = None
        if (
            g["dmy"]
            or g["mdy"]
            or g["iso"]
            or g["dot"]
            or g["dot2"]
            or g["slash"]
            or g["slash2"]
            or g["mdy2"]
        ):
            if g["dmy"]:
                d, mo, y = int(g["d1"]), _month(g["m1"]), g["y1"]
                if g["m1"].islower() and lang == "en":
                    continue
            elif g["mdy"]:
                d, mo, y = int(g["d2"]), _month(g["m2"]), g["y2"]
            elif g["mdy2"]:
                d, mo, y = int(g["d11"]), _month(g["m11"]), g["y11"]
            elif g["iso"]:
                d, mo, y = int(g["d3"]), int(g["m3"]), g["y3"]
            elif g["slash"]:
                d, mo, y = int(g["d10"]), int(g["m10"]), g["y10"]
                if lang == "en" and d <= 12:
                    d, mo = mo, d  # "07/12/2021" is July 12 in American copy
            elif g["slash2"]:
                d, mo, yy = int(g["d13"]), int(g["m13"]), int(g["y13"])
                if lang == "en" and d <= 12:
                    d, mo = mo, d
                y = str(2000 + yy if yy < 50 else 1900 + yy)
            elif g["dot2"]:
                if re.search(
                    r"(?i:version|versión|release|update|\bv)\s*[\d.]*\s*(?:und|and|et|y|,)?\s*$",
                    text[max(0, s - 24) : s],
                ):
                    continue  # "Version 5.3.1 und 10.03.12": version numbers, not dates
                d, mo = int(g["d12"]), int(g["m12"])
                yy = int(g["y12"])
                y = str(2000 + yy if yy < 50 else 1900 + yy)
            else:
                d, mo, y = int(g["d4"]), int(g["m4"]), g["y4"]
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            if y:
                last_year = int(y)
                value = f"{int(y):04d}-{mo:02d}-{d:02d}"
            else:
                year = _guess_year(mo, d, pub, last_year)
                if year:
                    value = f"{year:04d}-{mo:02d}-{d:02d}"
                    resolved = value
        elif g["monrel"] or g["monrel_fr"]:
            mo = _month(g["m5"] or g["m9"])
            rel = (g["rel5"] or g["rel9"]).lower()
            year = None
            if (
                rel in ("that", "the same")
                or "ese" in rel
                or "desselben" in rel
                or "gleichen" in rel
            ):
                year = last_year
            elif rel in ("last", "the previous") or any(
                k in rel for k in ("dernière", "pasado", "letzten", "vergangenen", "vorjahres")
            ):
                year = pub.year - 1 if pub else None
            elif rel in ("this",) or any(k in rel for k in ("cette", "este", "dieses")):
                year = pub.year if pub else None
            elif rel in ("next", "the following") or "suivante" in rel:
                year = (
                    (last_year + 1)
                    if rel == "the following" and last_year
                    else (pub.year + 1 if pub else None)
                )
            if year:
                value = resolved = f"{year:04d}-{mo:02d}"
        elif g["my"]:
            mo, y = _month(g["m6"]), int(g["y6"])
            if not mo:
                continue
            last_year = y
            value = f"{y:04d}-{mo:02d}"
        elif g["mon"]:
            name = g["m7"]
            mo = _month(name)
            if not mo:
                continue
            if not _month_ok(text, s, e, name, lang, g["q7"]):
                continue
            year = last_year or (pub.year if pub else None)
            if year:
                value = resolved = f"{year:04d}-{mo:02d}"
        elif g["season"]:
            low = span.lower()
            year = None
            if "last year" in low or re.search(
                r"^(?:last|letzten|vergangenen|im vergangenen|im letzten)\b|dernier|pasad", low
            ):
                year = pub.year - 1 if pub else None
            elif "that year" in low:
                year = last_year
            elif re.search(r"next|nächsten|kommenden|prochain|próxim|que viene", low):
                year = pub.year + 1 if pub else None
            elif re.search(r"this|^ce|^cet|^est|diesem|diesen", low):
                year = pub.year if pub else None
            ym = re.search(r"\d{4}", low)
            if ym:
                year = int(ym.group())
            if year:
                value = resolved = f"{year:04d}"
        elif g["wd"]:
            if not _weekday_ok(g, lang):
                continue
            wd = WEEKDAYS[g["w"].lower()]
            pre = (g["wpre"] or "").strip().lower()
            post = (g["wpost"] or "").strip().lower()
            if pre in ("on", "am", "el", "ce") and not post:
                s = m.start("w")
                span = text[s:e]
            if pub:
                direction = 0
                if pre in (
                    "next",
                    "coming",
                    "nächsten",
                    "kommenden",
                    "el próximo",
                    "el proximo",
                ) or post in ("prochain", "próximo", "proximo", "que viene"):
                    direction = 1
                elif pre in ("last", "past", "letzten", "vergangenen", "el pasado") or post in (
                    "dernier",
                    "pasado",
                ):
                    direction = -1
                day = _weekday_date(pub, wd, direction)
                value = resolved = day.isoformat()
        elif g["day"]:
            w = g["dw"].lower()
            if w == "morgen" and lang != "de":
                continue
            if w == "hier" and lang != "fr":
                continue
            if w in ("hoy", "ayer", "anoche", "anteayer") and lang != "es":
                continue
            if pub:
                off = 0
                if w in ("yesterday", "gestern", "hier", "ayer", "anoche"):
                    off = -1
                elif w in ("vorgestern", "anteayer"):
                    off = -2
                elif w in ("tomorrow", "morgen", "demain"):
                    off = 1
                elif w in ("übermorgen", "pasado mañana"):
                    off = 2
                day = pub + timedelta(days=off)
                value = resolved = day.isoformat()
        elif g["per"] or g["per2"]:
            low = span.lower()
            unit = (g["punit"] or g["p2unit"] or "").lower()
            if unit.startswith("del "):
                unit = unit[1:]  # "del año pasado" = "de" + "el año pasado"
            direction = 0
            if re.search(r"last|past|letzt|vergangen|derni|pass|pasad|earlier", low):
                direction = -1
            elif re.search(r"next|coming|nächst|kommend|prochain|próxim|proxim|que viene", low):
                direction = 1
            if pub:
                value = _period_value(pub, unit, direction)
                resolved = value
        elif g["weekend"] or g["quarter"] or g["clock"] or g["span"]:
            pass
        elif g["thisyear"]:
            if pub:
                off = 0 if g["ty"].lower().startswith("dies") else -1
                value = resolved = f"{pub.year + off:04d}"
        elif g["time_es"]:
            if int(g["th3"]) > 24:
                continue
            s = m.start("th3")  # the time itself, without "a las"
            span = text[s:e]
        elif g["yrange"]:
            y1, y2 = int(g["yr1"]), g["yr2"]
            y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            if not y1 < y2 <= y1 + 30 or not _year_ok(text, s, e):
                continue
            last_year = y2
            value = f"{y1}/{y2}"
        elif g["ago"]:
            n = _num(g["an"] or g["bn"] or g["cn"] or g["dn"] or "1")
            unit = (g["au"] or g["bu"] or g["cu"] or g["du"] or "").lower()
            if pub and (g["an"] or g["bn"]):
                days = _unit_days(unit) * n
                if days:
                    value = resolved = (pub - timedelta(days=days)).isoformat()
        elif g["decade"]:
            dm = re.search(r"(\d{2,4})s", span)
            if dm and len(dm.group(1)) == 4:
                value = dm.group(1)[:3] + "0s"
        elif g["time"]:
            if g["th"] is None and g["th2"] is None:  # "0100 GMT"
                hits.append(DateHit(s, e, None, span))
                continue
            h = int(g["th"] or g["th2"])
            if h > 24:
                continue
            if not _time_ok(text, s, e, g):
                continue
            value = None
        elif g["year"]:
            if not _year_ok(text, s, e):
                continue
            last_year = int(g["y8"])
            value = g["y8"]
        else:  # pragma: no cover - every alternative is handled above
            continue
        label = span if not resolved else f"{span} ({_pretty(resolved)})"
        form = next((k for k, v in g.items() if v is not None and k in _FORMS), "")
        hits.append(DateHit(s, e, value, label, form))
    return _merge_hits(text, hits)


# the named groups that say which form matched
_FORMS = frozenset(
    [
        "dmy",
        "mdy",
        "mdy2",
        "iso",
        "dot",
        "dot2",
        "slash",
        "slash2",
        "monrel",
        "monrel_fr",
        "my",
        "mon",
        "season",
        "wd",
        "day",
        "per",
        "per2",
        "weekend",
        "quarter",
        "ago",
        "decade",
        "time",
        "time_es",
        "span",
        "clock",
        "thisyear",
        "yrange",
        "year",
    ]
)
_DAY_FORMS = frozenset(["dmy", "mdy", "mdy2", "iso", "dot", "dot2", "slash", "slash2"])
_WD_IN_BRACKETS = re.compile(r" ?\((?P<w>[A-Za-zÀ-ÿ]+)\)")
_WD_THEN_DATE = re.compile(r",? +(?:(?:den|le|el|the) +)?$")


def _merge_hits(text: str, hits: list[DateHit]) -> list[DateHit]:
    """One date written in two parts is one mention: "heute (Donnerstag)", "gestern
    (Dienstag)" (German news names the weekday of a relative day in brackets), and "el
    viernes, 25 de agosto" (a weekday in front of the date it names)."""
    out: list[DateHit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.form in ("day", "wd") and h.form == "wd":
            m = _WD_IN_BRACKETS.match(text, prev.end)
            if m and m.end() == h.end + 1 and m.start("w") == h.start:
                label = text[prev.start : m.end()] + prev.label[prev.end - prev.start :]
                out[-1] = DateHit(prev.start, m.end(), prev.value, label, prev.form)
                continue
        if (
            prev is not None
            and prev.form == "wd"
            and h.form in _DAY_FORMS
            and _WD_THEN_DATE.fullmatch(text, prev.end, h.start)
        ):
            label = text[prev.start : h.end] + h.label[h.end - h.start :]
            out[-1] = DateHit(prev.start, h.end, h.value, label, h.form)
            continue
        out.append(h)
    return out


def _pretty(v: str) -> str:
    try:
        if len(v) == 10:
            return _fmt_day(date.fromisoformat(v))
        if len(v) == 7 and v[4] == "-":
            return f"{_MON_SHORT[int(v[5:]) - 1]} {v[:4]}"
        if "-W" in v:
            return f"week {int(v[6:])} of {v[:4]}"
    except ValueError:
        return v
    return v


def _guess_year(mo: int, d: int, pub: date | None, last_year: int | None) -> int | None:
    if pub is None:
        return last_year
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = date(y, mo, d)
        except ValueError:
            continue
        diff = abs((cand - pub).days)
        if best is None or diff < best[0]:
            best = (diff, y)
    return best[1] if best else None


def _weekday_date(pub: date, wd: int, direction: int) -> date:
    delta = (pub.weekday() - wd) % 7
    if direction > 0:
        ahead = (wd - pub.weekday()) % 7 or 7
        return pub + timedelta(days=ahead)
    if direction < 0:
        return pub - timedelta(days=delta or 7)
    return pub - timedelta(days=delta)


def _period_value(pub: date, unit: str, direction: int) -> str | None:
    if unit in (
        "week",
        "woche",
        "semaine",
        "semana",
        "weekend",
        "wochenende",
        "week-end",
        "fin de semana",
        "la semaine",
        "la semana",
        "le week-end",
        "el fin de semana",
    ):
        d = pub + timedelta(days=7 * direction)
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if unit in ("month", "monat", "monats", "mois", "mes", "le mois", "el mes"):
        y, mo = pub.year, pub.month + direction
        if mo == 0:
            y, mo = y - 1, 12
        elif mo == 13:
            y, mo = y + 1, 1
        return f"{y:04d}-{mo:02d}"
    if unit in (
        "year",
        "jahr",
        "jahres",
        "année",
        "an",
        "año",
        "l'année",
        "l’année",
        "l'an",
        "l’an",
        "el año",
        "season",
        "saison",
        "temporada",
    ):
        return f"{pub.year + direction:04d}"
    return None


def _unit_days(unit: str) -> int:
    u = unit.lower()
    if u.startswith(("day", "tag", "jour", "día", "dia")):
        return 1
    if u.startswith(("week", "woche", "semaine", "semana")):
        return 7
    if u.startswith(("month", "monat", "mois", "mes")):
        return 30
    if u.startswith(("year", "jahr", "an", "année", "año")):
        return 365
    return 0


def _month_ok(text: str, s: int, e: int, name: str, lang: str, qual: str | None) -> bool:
    """Reject month words that are ordinary words here ('may', 'Mars', 'march')."""
    low = name.lower()
    if name[0].islower() and lang == "en":
        return False
    if qual:
        return True
    if low == "may" and lang == "en":
        return bool(_EN_MAY_PRE.search(text[max(0, s - 20) : s]))
    if low in ("march", "august") and lang == "en":
        before = text[max(0, s - 12) : s]
        return bool(
            re.search(
                r"\b(?:in|since|until|by|of|last|next|this|from|early|late|mid)\s+$", before, re.I
            )
        )
    if low == "mars" and lang == "fr":
        return bool(
            re.search(
                r"\b(?:en|de|mi-|fin|début|depuis|jusqu'en|le|du)\s*$",
                text[max(0, s - 10) : s],
                re.I,
            )
        )
    if low in (
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mar.",
    ):
        return False
    if lang == "es" and low == "mayo":
        return True
    return not (lang == "de" and low == "august" and re.match(r"\s+[A-ZÄÖÜ]", text[e : e + 2]))


def _weekday_ok(g: dict[str, str | None], lang: str) -> bool:
    w = g["w"] or ""
    if w[0].islower() and lang in ("en", "de"):
        return False
    return not (w.lower() in ("martes", "lunes") and lang not in ("es",))


def _time_ok(text: str, s: int, e: int, g: dict[str, str | None]) -> bool:
    span = text[s:e]
    if g["tm"] is not None:
        sep = span[len(g["th"] or "")]
        if (
            sep == "."
            and not re.search(r"Uhr|h\b|horas|hrs|UTC|GMT|MEZ|CET", span)
            and not re.search(
                r"(?:\ba las|\bà|\bum|\bat|\bhasta las|\bdesde las|\bvers|\bgegen)\s+$",
                text[max(0, s - 12) : s],
            )
            and not re.match(r"\s*\(\d{1,2}[.:]\d\d", text[e : e + 8])
        ):
            return False
        if sep == "h" and not re.match(r"\d{1,2}h\d\d", span):
            return False
        # scores and ratios such as "3:1" in a sentence about a match are still times
        # in sports copy ("scored at 7:14"); reject only things glued to more digits
        return not (s > 0 and text[s - 1].isdigit())
    return True


def _year_ok(text: str, s: int, e: int) -> bool:
    """A four-digit number is a year unless it is a count, an address or an identifier."""
    after = text[e : e + 25]
    before = text[max(0, s - 25) : s]
    if re.match(
        r"\s+(?:[A-Z][a-z]+\s+)?(?:St\.|Street|Avenue|Ave\.|Road|Rd\.|Drive|Place|Lane|Blvd)", after
    ):
        return False
    if re.search(r"(?:No\.|#|Nr\.|n°|núm\.)\s*$", before):
        return False
    if re.search(
        r"\b(?:more|fewer|less) than\s+$|\b(?:más|menos) de\s+$|\b(?:plus|moins) de\s+$|"
        r"\b(?:mehr|weniger) als\s+$",
        before,
        re.I,
    ):
        return False  # a comparison counts: "lleva más de 2000 desde ..."
    return not re.match(
        r"\s+(?:people|persons|troops|soldiers|members|employees|jobs|workers|votes|cases|"
        r"Menschen|Personen|Mitarbeiter|Euro|euros|dollars|personnes|personas|habitants|habitantes)\b",
        after,
    )
