"""Direct quotations in an article's plain text, and who said them.

The reader highlights every quotation with its speaker, so a wrong mark pairing
is visible to the user at once. The extractor therefore works in three passes,
each kept simple and deterministic (no models, nothing downloaded):

1. Pair quote marks paragraph by paragraph with a stack. Each mark's role
   (opening, closing, apostrophe) comes from its neighbours, the way a human
   typesetter reads them, so "Kosovo’s" or "rock ’n’ roll" never open a quote.
2. Decide which spans are speech. Long spans are; short ones (a word or
   four) are unless the text shows them to be a term, title, slogan or name:
   "the so-called", "known as", the same words also used unquoted, etc.
3. Attribute a speaker from the patterns journalists use ("…," X said;
   said X; X said: "…"; according to X; sagte X; selon X; dijo X …), then
   resolve pronouns and short names to the fullest name the article uses.

Offsets are plain-text offsets so the renderer can lay highlights over the
document model without searching strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "extract_quotes"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: the quoted words (without marks) and who said them."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None


# --------------------------------------------------------------------------------------
# Word lists (lower-case)
# --------------------------------------------------------------------------------------
# Common given names across English, German, French, Spanish, Italian, Dutch,
# Nordic and Slavic news. A run of capitalised words that contains one of
# these is almost certainly a person, which is the only way to tell
# "Parteichef Stefan Keuter" (a person) from "Bundestagsverwaltung" (a noun)
# in German, where every noun is capitalised.
FIRST_NAMES = frozenset(
    """
aaron abby abdul abdullah abigail abraham ada adam adele adrian adriana adrien agnes agnieszka
ahmad ahmed aidan aileen aisha alain alan alastair albert alberto alec alejandra alejandro
aleksandr alex alexa alexander alexandra alexandre alexandria alexei alexis alfonso alfred
alfredo ali alice alicia alina alison alistair allan allen allison alma alvaro amanda amber
amelia amir amy ana anastasia anders andre andrea andreas andrei andres andrew andrzej andy
angela angelika angelina angelo angus anita ann anna anne annette annie anthony antoine anton
antonio antonia april archie ariana ariel arnaud arnold arthur ashley astrid audrey aurelie
austin ava axel barack barbara barry bart bastian beatriz beatrice bella ben benedikt benjamin
benoit bernard bernd bernie bertrand beth betty beverly bill billy birgit bjorn blake bob
bobby boris brad bradley brandon brenda brendan brett brian bridget brigitte britney brittany
brooke bruce bruno bryan caitlin caleb cameron camille candace cara carl carla carlo carlos
carmen carol caroline carolyn carrie casey cassandra catherine cathy cecile cecilia celine
chad charles charlie charlotte chelsea cheryl chloe chris christa christian christina
christine christoph christophe christopher chuck cindy claire clara clarence claude claudia
clement clint clinton cody colin connor conor constance corinne courtney craig cristina
curtis cynthia dagmar daisy dale damian damien dan dana daniel daniela danielle danny dario
darren dave david dean deborah debra declan delphine denis denise dennis derek devan devin
diana diane dick diego dieter dimitri dirk dmitri dmitry dolores dominic dominik dominique
don donald donna doris dorothy doug douglas drew duncan dustin dylan ed eddie edgar edith
edmund eduardo edward edwin eileen elaine elena eli elias elijah elisabeth elise eliza
elizabeth ella ellen elliot elon emil emilia emilie emily emma emmanuel enrique eric erica
erik erika erin ernesto ernst esther ethan eugene eva evan evelyn ewa fabian fabien fabienne
fatima federico felipe felix fernando filip fiona florence florian frances francesca
francesco francis francisco franck francois frank franz fred frederic frederick frida
friedrich gabriel gabriela gabriele gabrielle gareth gary gavin genevieve geoff geoffrey
george georg georges gerald gerard gerhard gerry gertrud gilbert gilles gina giorgio giovanni
gisela giuseppe glen glenn gloria gordon grace graham greg gregor gregory greta guido
guillaume gunter gustavo guy gwen hailey hakan hamid hana hannah hans harald harlem harold
harriet harry hassan hayley heather hector heidi heinrich heinz helen helena helene helga
helmut henri henrik henry herbert hermann hilary hillary holger holly horst howard hubert
hugh hugo hunter ian ibrahim ignacio igor ilse imran ines ingrid irene iris isaac isabel
isabella isabelle isaskun ivan jack jackie jackson jacob jacqueline jacques jaime jake james
jamie jan jane janet janice jared jasmine jason javier jay jean jeanne jeff jeffrey jennifer
jenny jens jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joachim joan joanna
joanne joao jocelyn jodie joe joel johan johann johanna johannes john johnny jon jonas
jonathan jordan jorge jose josef joseph josephine josh joshua joy juan judith judy jules julia
julian julie julien juliette julio jurgen justin kai kamala karen karin karina karl kate
katharina katherine kathleen kathryn kathy katie katja katrin kay keith kelly ken kenneth
kent kerry kevin kim kimberly kirk klaus konrad kristen kristin kurt kyle lars laura lauren
laurence laurent lea leah lee leila lena leo leon leonard leonardo leslie lewis liam lily
linda lindsay lindsey lisa liz liza logan lois lorenzo lori louis louise lucas lucia lucy
ludwig luis luisa luka lukas luke lutz lydia lynn madeleine madison magdalena maggie mahmoud
malcolm manfred manon manuel manuela marc marcel marco marcus margaret margarita margot maria
marian marianne marie marina mario marion marisa mark markus marta martha martin martina
martine mary maryam mateo mathieu mathilde matt matteo matthew matthias maura maureen maurice
max maxim maxime maximilian megan mehmet melanie melissa mercedes mia michael michaela michel
michele michelle miguel mike mikhail milan miles miriam mitch mitchell mitt mohamed mohammad
mohammed molly monica monika morgan muhammad murray nadia nancy naomi natalia natalie natasha
nathalie nathan neil nelson nicholas nick nicola nicolas nicole niels nigel nikita nikola
nikolai nils nina noah noel nora norbert norman olaf oliver olivia olivier omar oscar otto
owen pablo paddy paloma pam pamela paolo pascal pat patricia patrick patrice paul paula
pauline pedro peggy penelope penny peter petra phil philip philipp philippe phillip pierre
pietro piotr rachel rafael ralf ralph ramon randy raphael raul ray raymond rebecca regina
reinhard renate rene ricardo richard rick ricky rita rob robert roberta roberto robin rocio
rod rodrigo roger roland rolf roman ron ronald rosa rose rosemary ross ruby rudolf rudy rui
russell ruth ryan sabine sabrina sacha sally salvador sam samantha samir samuel sandra sandy
sara sarah sascha saul scott sean sebastian sebastien serena sergei sergey sergio seth shane
shannon sharon shaun shawn sheila shelley sherry shirley sibylle sigmar silke silvia simon
simone sofia sonia sophia sophie stacy stan stanley stefan stefanie stella stephan stephane
stephanie stephen steve steven stuart sue susan susanne suzanne svenja sven sylvain sylvia
sylvie tamara tammy tanja tara ted teresa terry thierry thomas thorsten tiffany tim timothy
tina tobias todd tom tomas tommy toni tony tracy travis trevor troy ulrich ulrike urs ursula
uwe valentin valentina valerie vanessa vera veronica veronique victor victoria vikram vincent
viola virginia vivian vladimir volker volodymyr walter wayne wendy werner wes wesley will
william willy wolfgang xavier yann yannick yasmin yolanda yusuf yves yvonne zach zachary
zoe zoltan
""".split()
)

# Words that precede a name as a rank, office or courtesy; dropped from the
# speaker ("Prime Minister Benjamin Netanyahu" -> "Benjamin Netanyahu").
TITLES = frozenset(
    """
mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. professor sir dame lord lady president
vice prime minister secretary senator sen. sen rep. rep representative congressman
congresswoman gov. gov governor mayor ambassador lt. lt col. col gen. gen sgt. sgt capt.
capt cmdr. adm. maj. general colonel captain sergeant lieutenant commander admiral major
chancellor chief judge justice pope king queen prince princess rev. reverend father sister
brother coach ceo cfo coo cto chairman chairwoman chair director executive officer inspector
detective sheriff deputy attorney commissioner speaker leader premier minister. herr frau
bundeskanzler bundeskanzlerin kanzler kanzlerin ministerin ministerpräsident
ministerpräsidentin präsident präsidentin bürgermeister bürgermeisterin parteichef
parteichefin fraktionschef fraktionschefin vorsitzende vorsitzender abgeordnete
abgeordneter monsieur m. mme mme. madame mlle président présidente ministre maire don doña
señor señora sr. sra. presidente ministro ministra alcalde alcaldesa papa rey reina
state department house white former interim acting new late dean founder co-founder
""".split()
)

# Capitalised words that start a sentence or a clause and are never part of a
# name ("Yet Sondland said" -> "Sondland").
STOP_CAPS = frozenset(
    """
a an the yet but and or so then now also meanwhile however last earlier later on in at for
after before when while as if this that these those his her their our my its your we i it
there here what who why how where one two three among with without from to by of about
over under since until although though because instead still even only just both either
neither each every some many most more no not all any another such well mostly finally
today tomorrow yesterday tonight according asked told said says
der die das den dem des ein eine einer eines einem und aber doch auch so dann nun noch
schon als wenn weil dass ob für mit von vom zum zur im am auf aus bei nach vor über unter
laut wie wir ich er sie es man dieser diese dieses jetzt heute gestern morgen damals
le la les l un une des du et mais ou donc car puis alors aussi quand si ce cette ces son sa
ses leur leurs il elle ils elles on nous je pour avec sans dans sur par selon après avant
pendant depuis comme même
el los las lo una unos unas y o pero sin con para por según tras desde entre durante
cuando como este esta estos estas ese esa su sus él ella ellos ellas nosotros yo también
ya hoy ayer
""".split()
)

MONTHS_DAYS = frozenset(
    """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag
freitag samstag sonntag
janvier février mars avril juin juillet août septembre octobre novembre décembre lundi
mardi mercredi jeudi vendredi samedi dimanche
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
lunes martes miércoles jueves viernes sábado domingo
""".split()
)

ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof lt col gen sgt capt cmdr adm maj st jr sr no nos vs etc inc corp co ltd
gov sen rep rev fr ft mt dept univ approx ca bzw nr str vgl ggf mme mlle av jan feb aug sept
oct nov dec u.s u.k a.m p.m e.g i.e z.b d.h m
""".split()
)

_VERBS_EN = """
said says say saying told tells telling added adds adding warned warns warning stated explained
explains explaining noted noting wrote writes asked replied replies replying answered continued
insisted insists acknowledged acknowledges admitted admits argued argues arguing claimed
testified testifies recalled recalls recalling declared declares announced announces observed
remarked commented concluded suggested suggests emphasized emphasised emphasizes stressed
stresses conceded concedes joked jokes quipped quips tweeted shouted responded responds
countered agreed reported predicted predicts promised vowed confirmed confirms exclaimed
whispered mused cautioned urged urges boasted complained complains lamented contended
maintained maintains elaborated described describes describing called revealed pleaded
demanded demands denied estimated weighed chimed recounted recounts yelled reiterated
affirmed asserted asserts explaining cautions warns adds tells
"""
_VERBS_NESTED = "think thinks thought ask asks wondered wonder wondering heard replied"
_VERBS_DE = """
sagte sagt sagten sagen gesagt erklärte erklärt erklärten schreibt schrieb geschrieben betonte
betont meinte meint ergänzte ergänzt fügte warnte warnt kritisierte kritisiert teilte
mitgeteilt mitteilen fragte fragt antwortete antwortet behauptet behauptete berichtete
berichtet erläuterte erläutert bekräftigte forderte fordert räumte verkündete versicherte
versichert unterstrich unterstreicht twitterte kommentierte mahnte mahnt argumentiert
argumentierte urteilte resümiert klagt klagte beklagt beklagte erzählt erzählte gewarnt
"""
_VERBS_FR = """
déclare déclaré dit disait affirme affirmé explique expliqué ajoute ajouté assure assuré plaide
plaidé estime estimé souligne souligné indique indiqué précise précisé lance lancé poursuit
poursuivi confie confié martèle martelé insiste insisté raconte raconté rappelle rappelé
dénonce dénoncé répond répondu observe commente commenté reconnaît reconnu prévient prévenu
avertit averti tranche résume glisse glissé écrit regrette regretté annonce annoncé admet
ironise lâche lâché relève relevé conclut conclu interroge s'exclame s’exclame
"""
_VERBS_ES = """
dijo dice decía afirmó afirma declaró declara explicó explica añadió añade agregó agrega
aseguró asegura señaló señala indicó indica manifestó manifiesta sostuvo sostiene comentó
comenta advirtió advierte subrayó subraya destacó destaca apuntó apunta expresó expresa
insistió insiste reconoció reconoce precisó recalcó respondió responde preguntó escribió
escribe dicho afirmado explicado señalado asegurado declarado añadido indicado manifestado
criticó critica denunció denuncia relató relata contó anunció anuncia aclaró puntualizó
concluyó sentenció lamentó admitió
"""

PRONOUNS = {
    "en": {"he", "she", "they"},
    "de": {"er", "sie"},
    "fr": {"il", "elle", "ils", "elles", "on"},
    "es": {"él", "ella", "ellos", "ellas"},
}
PLURAL_PRONOUNS = frozenset({"they", "ils", "elles", "ellos", "ellas"})
FIRST_PERSON = frozenset({"i", "we", "ich", "wir", "je", "nous", "yo", "nosotros"})

DETERMINERS = frozenset(
    """
a an the another one his her its their our two three several some many ein eine einer eines
einem der die das den dem des sein seine ihr ihre zwei drei mehrere un une le la les des son
sa ses leur deux trois plusieurs el los las unos unas su sus dos tres varios varias
""".split()
)

# Words after which an unnamed speaker phrase ends ("another witness | in the probe").
NP_STOP = frozenset(
    """
who which that whose in at on during after before while to as when about with from for
into against because since and but or im am beim nach während gegenüber auf bei mit zu zum
zur vor über seit und aber weil dass der_rel qui que dont après en lors dans sur à au aux
devant pendant avec pour et mais car quien quienes tras durante ante al con para por y pero
porque cuando
""".split()
)

# Words a speaker phrase may carry before the verb that are not part of it.
TRAILING_AUX = frozenset(
    """
has had have was were is are will would could should may might did does do also then later
once again previously first recently repeatedly earlier now just only simply further still
already hat hatte haben habe hätte ist war wird würde auch noch bereits schon dann a ont
avait avaient aurait va aussi encore déjà ha han había habría ya también luego después
""".split()
)

CLAUSE_WORDS = frozenset(
    """
that which when while because as and but if although though where whereas dass weil und
aber wenn als ob obwohl während que qui quand et mais si lorsque alors comme y pero cuando
porque si aunque mientras
""".split()
)

PREPOSITIONS = frozenset(
    """
of by with to for from against about at in on into over under behind between among
von mit für gegen über bei zu nach vor hinter neben zwischen durch ohne de du des avec pour
par contre sur sous chez entre à au aux del con para por contra sobre entre hacia sin
""".split()
)

# Phrases just before a quoted span that make it a name, a title or a term, not speech.
_TERM_BEFORE = re.compile(
    r"(?:\b(?:also\s+)?known\s+as|\bso[- ]called|\bdubbed|\bnicknamed|\btitled|\bentitled"
    r"|\bthe\s+(?:word|words|term|terms|phrase|slogan|motto|hashtag|name|label|mantra)"
    r"|\b(?:is|was|are|were|be|being)\s+called|\bsog(?:enannt|\.)\w*|\bso\s+genannt\w*"
    r"|\bgenannt\w*|\bnamens|\b(?:das|die|dem|den)\s+(?:wort|worte|wörter|stichwort|begriff)"
    r"|\bstichwort|\btitel|\bmotto|\bartikel\s+wie|\bparole"
    r"|\b(?:le|les|du|des)\s+(?:mot|mots|terme|termes)|\bl[’']expression|\bsurnomm[ée]e?s?"
    r"|\bbaptis[ée]e?s?|\bintitul[ée]e?s?|\bappel[ée]e?s?|\bslogan"
    r"|\b(?:la|las|el|los)\s+(?:palabra|palabras|término|términos|expresión|lema)"
    r"|\bllamad[oa]s?|\bdenominad[oa]s?|\bconocid[oa]s?\s+como|\bapodad[oa]s?|\bbautizad[oa]s?"
    r"|\btitulad[oa]s?|\beslogan)"
    r"(?:\s+\S+){0,3}?\s*[:,]?\s*$",
    re.IGNORECASE,
)
# Nouns directly before ("the campaign “…”") or after ("a “green shoe” option") a
# quoted span that name what it is: a title, a slogan, a programme.
_TERM_NOUNS = frozenset(
    """
campaign campaigns slogan motto hashtag book books film films movie movies song songs album
novel documentary series show article headline column brand label option options program
programme programs initiative movement plan policy project award prize tour app model
strategy doctrine rule clause category button mode feature operation act bill scheme
technique method effect phenomenon approach era festival exhibition protocol
kampagne kampagnen slogan buch film lied serie sendung artikel schlagzeile programm aktion
initiative projekt modell
campagne campagnes livre roman chanson émission série article titre programme opération
projet dispositif
campaña libro película canción novela serie artículo titular programa operación proyecto
""".split()
)


def _verb_re(words: str) -> re.Pattern[str]:
    alts = sorted(set(words.split()), key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, alts)) + r")(?![\w’'])", re.I)


_VERBS = {
    "en": _verb_re(_VERBS_EN),
    "de": _verb_re(_VERBS_EN + _VERBS_DE),
    "fr": _verb_re(_VERBS_EN + _VERBS_FR),
    "es": _verb_re(_VERBS_EN + _VERBS_ES),
}
_VERBS_NESTED_RE = {lang: _verb_re(_VERBS_EN + _VERBS_NESTED + extra)
                    for lang, extra in (("en", ""), ("de", _VERBS_DE), ("fr", _VERBS_FR),
                                        ("es", _VERBS_ES))}
_ACCORDING = re.compile(
    r"(?<![\w])(?:according\s+to|selon|d[’']après|laut|según|de\s+acuerdo\s+con)\s+", re.I
)
_FR_INVERSION = re.compile(
    r"^\s*[,;]?\s*([a-zàâçéèêëîïôûùüÿœ’']+)-(?:t-)?(il|elle|ils|elles|on)\b", re.I
)
_WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d[\d.,:]*|[^\w\s]|\x00+")
_CAP_RUN = re.compile(
    r"(?<![\w’'-])[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*\.?"
    r"(?:(?:\s+(?:(?:de|da|di|van|von|der|den|del|du|la|le|bin|al|dos|das|ten|ter|zu)\s+)*)"
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*\.?)*"
)
_LANG_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "said", "was", "with", "for"},
    "de": {"der", "die", "und", "das", "nicht", "ist", "mit", "den", "sich", "auch"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "pour", "que", "dans"},
    "es": {"el", "los", "las", "y", "que", "del", "por", "una", "con", "para"},
}
_SENT_END = re.compile(r"[.!?…]+[\x00”’\"»“«)\]]*(?=\s+[\x00\"“„«»‘'‚「(\[A-ZÀ-ÖØ-Þ0-9¿¡])")

_DOUBLE = "“\"„”"
_SINGLE = "‘'‚"
_OPEN_CTX = set("([{<—–-/:;,*…") | set("“”\"„«»‘’'‚‹›「『")
_ELISION = re.compile(r"'(?:\d0s|\d\d\b|n'|em\b|til\b|cause\b|tis\b|twas\b|s\b)", re.I)
_QUOTE_CHARS = frozenset("“”\"„‘’'‚«»‹›「」『』")


@dataclass(slots=True)
class _Span:
    """A quoted span while it is being analysed (mutable, internal)."""

    open: int
    close: int
    start: int
    end: int
    line: int
    closed: bool = True
    cont_prev: bool = False
    cont_next: bool = False
    parent: int = -1
    is_quote: bool = True
    speaker: str | None = None
    sp_kind: str = ""  # "name", "phrase", "pron" or "" (none)
    sp_start: int | None = None
    sp_end: int | None = None
    explicit: bool = False


def _is_ws(c: str) -> bool:
    return c == "" or c.isspace()


def _scan(text: str) -> list[_Span]:
    """Pair quote marks line by line; return spans in text order.

    Lines (not only blank-line paragraphs) bound a quote because plain text from
    HTML puts every block on its own line; a quote running on into the next
    block is recognised by that block opening with a quote mark again.
    """
    spans: list[_Span] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    carry = False  # previous line ended inside a quote that continues
    for li, (ls, le) in enumerate(lines):
        stack: list[tuple[str, int]] = []
        first_opener = True
        for i in range(ls, le):
            ch = text[i]
            if ch not in _QUOTE_CHARS:
                continue
            p = text[i - 1] if i > ls else ""
            n = text[i + 1] if i + 1 < le else ""
            p_open = _is_ws(p) or p in _OPEN_CTX
            role = ""
            target = -1
            if ch == "„":
                role = "open"
            elif ch == "“":
                top = stack[-1][0] if stack else ""
                if top == "„":
                    role, target = "close", len(stack) - 1
                elif top in "“\"" and top and not p_open and (_is_ws(n) or not n.isalnum()):
                    role, target = "close", len(stack) - 1
                else:
                    role = "open"
            elif ch == "”":
                target = _find(stack, "“\"„”")
                if target >= 0:
                    role = "close"
                elif p_open and n and not _is_ws(n):
                    role = "open"
            elif ch == '"':
                target = _find(stack, "“\"„”")
                if target >= 0 and not (p_open and n.isalnum() and stack[target][0] != '"'):
                    role = "close"
                elif not (not p_open and (_is_ws(n) or not n.isalnum())) or p == "":
                    role = "open" if n else ""
            elif ch == "‘":
                if stack and stack[-1][0] == "‚":
                    role, target = "close", len(stack) - 1
                elif p.isalnum() and n.isalnum():
                    role = ""
                elif p_open and n and not _is_ws(n):
                    role = "open"
            elif ch in "’'":
                if p.isalnum() and n.isalnum():
                    role = ""  # don't, Kosovo’s
                elif (_is_ws(p) or p in _OPEN_CTX) and n.isalnum():
                    if ch == "'" and not _ELISION.match(text, i):
                        role = "open"
                    # ’90s, ’n’, ’em: an apostrophe
                elif p and not _is_ws(p) and not n.isalnum():
                    target = _find(stack, _SINGLE, stop=_DOUBLE + "«»‹›「『")
                    if target >= 0 and not _plural_possessive(text, i, le, p, n):
                        role = "close"
            elif ch == "‚":
                if p_open and n and not _is_ws(n):
                    role = "open"
            elif ch in "«‹":
                mate = "»" if ch == "«" else "›"
                target = _find(stack, mate)
                role = "close" if target >= 0 else "open"
            elif ch in "»›":
                mate = "«" if ch == "»" else "‹"
                target = _find(stack, mate)
                if target >= 0:
                    role = "close"
                elif n and not _is_ws(n) and p_open:
                    role = "open"
            elif ch in "「『":
                role = "open"
            elif ch in "」』":
                target = _find(stack, "「" if ch == "」" else "『")
                role = "close" if target >= 0 else ""
            if role == "open":
                stack.append((ch, i))
                if first_opener and carry and not text[ls:i].strip():
                    pass
            elif role == "close":
                mark, op = stack[target]
                del stack[target:]
                spans.append(_Span(op, i, op + 1, i, li))
                if carry and first_opener and not text[ls:op].strip():
                    spans[-1].cont_prev = True
                if target == 0:
                    first_opener = False
        carry = False
        if stack:
            mark, op = stack[0]
            nxt = _next_line_start(text, lines, li)
            fam = _family(mark)
            if nxt is not None and _family(nxt) == fam and fam:
                sp = _Span(op, le, op + 1, le, li, closed=False, cont_next=True)
                sp.cont_prev = carry_prev_flag(spans, text, ls, op)
                spans.append(sp)
                carry = True
            elif len(text[op + 1 : le].split()) >= 6:
                spans.append(_Span(op, le, op + 1, le, li, closed=False))
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        sp.start, sp.end = s, e
        content = text[s:e]
        if len(content.strip(".,;:!?-–— ")) < 2 or not any(c.isalpha() for c in content):
            continue
        out.append(sp)
    out.sort(key=lambda s: (s.start, -s.end))
    for i, sp in enumerate(out):
        for j in range(i - 1, -1, -1):
            q = out[j]
            if q.open < sp.open and q.end >= sp.end and q.line == sp.line:
                sp.parent = j
                break
    return out


def carry_prev_flag(spans: list[_Span], text: str, ls: int, op: int) -> bool:
    """An unclosed span at a line's start continues the previous line's quote."""
    return bool(spans) and spans[-1].cont_next and not text[ls:op].strip()


def _family(mark: str) -> str:
    if mark in "“\"„”":
        return "d"
    if mark in "‘'‚":
        return "s"
    if mark in "«»‹›":
        return "g"
    if mark in "「『":
        return "j"
    return ""


def _next_line_start(text: str, lines: list[tuple[int, int]], li: int) -> str | None:
    for ls, le in lines[li + 1 :]:
        stripped = text[ls:le].lstrip()
        if stripped:
            return stripped[0]
    return None


def _find(stack: list[tuple[str, int]], marks: str, stop: str = "") -> int:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] in marks:
            return k
        if stack[k][0] in stop:
            return -1
    return -1


def _plural_possessive(text: str, i: int, le: int, p: str, n: str) -> bool:
    """“the students’ union” inside a single-quoted span: ’ is not the closer."""
    if p not in "sSzZ" or n != " " or i + 2 >= le or not text[i + 2].islower():
        return False
    for k in range(i + 1, le):
        if text[k] in "’'" and (k + 1 >= le or not text[k + 1].isalnum()) and text[k - 1] != " ":
            return True
    return False


# --------------------------------------------------------------------------------------
# Context: language, sentences, people
# --------------------------------------------------------------------------------------


def _language(text: str) -> str:
    counts = dict.fromkeys(_LANG_WORDS, 0)
    for w in re.findall(r"[^\W\d_]+", text[:6000].lower()):
        for lang, words in _LANG_WORDS.items():
            if w in words:
                counts[lang] += 1
    return max(counts, key=lambda k: counts[k])


def _sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence bounds over the masked text (quote contents hidden, so a full stop
    inside a quotation never ends the sentence that carries its attribution)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in masked.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if not line.strip():
            continue
        s = ls
        for m in _SENT_END.finditer(masked, ls, le):
            dot = m.start()
            wm = re.search(r"([\w.]+)$", masked[s:dot])
            w = wm.group(1).lower() if wm else ""
            if masked[dot] == "." and (
                w in ABBREVIATIONS
                or (len(w) == 1 and w.isalpha())
                or (w.isdigit() and len(w) <= 2)
                or re.fullmatch(r"(?:\w\.)+\w", w)
            ):
                continue
            out.append((s, m.end()))
            s = m.end()
            while s < le and masked[s].isspace():
                s += 1
        if s < le:
            out.append((s, le))
    return out


class _People:
    """Names the article uses, so "Mr Obama" and "he" can become "Barack Obama"."""

    def __init__(self, text: str, extra: list[str]) -> None:
        self.fulls: list[tuple[str, ...]] = []
        seen: set[tuple[str, ...]] = set()
        for m in _CAP_RUN.finditer(text):
            toks = _clean_tokens(m.group(0).split())
            for k, t in enumerate(toks[:-1]):
                if _given(t):
                    full = tuple(toks[k:])
                    if len(full) <= 4 and full not in seen:
                        seen.add(full)
                        self.fulls.append(full)
                    break
        for name in extra:
            toks = tuple(name.split())
            if len(toks) >= 2 and toks not in seen:
                seen.add(toks)
                self.fulls.append(toks)
        self.surnames = {f[-1] for f in self.fulls}

    def is_person(self, toks: list[str]) -> bool:
        if not toks:
            return False
        if len(toks) >= 2 and _given(toks[0]):
            return True
        return toks[-1] in self.surnames

    def fullest(self, toks: list[str]) -> list[str]:
        best = toks
        n = len(toks)
        for f in self.fulls:
            if len(f) > len(best) and list(f[-n:]) == toks:
                best = list(f)
        return best


def _given(tok: str) -> bool:
    t = tok.lower()
    return t in FIRST_NAMES or (t.split("-")[0] in FIRST_NAMES and "-" in t)


def _clean_tokens(toks: list[str]) -> list[str]:
    """Drop sentence-initial function words, titles and the possessive from a run."""
    toks = [t for t in toks if t]
    if toks:
        last = re.sub(r"[’']s?$", "", toks[-1])
        toks[-1] = last
    while len(toks) > 1 and (
        toks[0].lower() in STOP_CAPS or toks[0].lower().rstrip(".") + "." in TITLES
        or toks[0].lower() in TITLES
    ):
        toks = toks[1:]
    while toks and toks[-1].endswith(".") and toks[-1].lower() not in TITLES:
        toks[-1] = toks[-1][:-1]
    # a given name inside the run starts the person's name ("Parteichef Stefan Keuter")
    for k in range(1, len(toks) - 1 if len(toks) > 2 else 1):
        if _given(toks[k]) and not _given(toks[k - 1]):
            toks = toks[k:]
            break
    if len(toks) == 2 and not _given(toks[0]) and _given(toks[1]) and False:
        toks = toks[1:]
    return [t for t in toks if t]
