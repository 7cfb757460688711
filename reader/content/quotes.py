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

import bisect
import itertools
import re
import unicodedata
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


def _words(s: str) -> frozenset[str]:
    """A word list written as running text (easier to read and extend than a literal)."""
    return frozenset(s.split())


# Common given names across English, German, French, Spanish, Italian, Dutch,
# Nordic and Slavic news. A run of capitalised words that contains one of
# these is almost certainly a person, which is the only way to tell
# "Parteichef Stefan Keuter" (a person) from "Bundestagsverwaltung" (a noun)
# in German, where every noun is capitalised.
FIRST_NAMES = _words(
    """
aaron abby abdul abdullah abigail abraham ada adam adele adrian adriana adrien agnes agnieszka
ahmad ahmed aidan aileen aisha alain alan alastair albert alberto alec alejandra alejandro
aleksandr alex alexa alexander alexandra alexandre alexandria alexei alexis alfonso alfred
alfredo ali alice alicia alina alison alistair allan allen allison alma alvaro amanda amber
amelia amir amy ana anastasia anders andre andrea andreas andrei andres andrew andrzej andy
angela angelika angelina angelo angus anita ann anna anne annette annie anthony antoine anton
antonio antonia april archie ariana ariel arnaud arnold arthur ashley astrid audrey aurelie
austin ava axel barack barbara barry bart bastian beatriz beatrice bella ben benedikt benjamin
benoit bernard bernd bernie bertrand beth betty beverly bill billy birgit bjorn blake bob bobby
boris brad bradley brandon brenda brendan brett brian bridget brigitte britney brittany brooke
bruce bruno bryan caitlin caleb cameron camille candace cara carl carla carlo carlos carmen
carol caroline carolyn carrie casey cassandra catherine cathy cecile cecilia celine chad charles
charlie charlotte chelsea cheryl chloe chris christa christian christina christine christoph
christophe christopher chuck cindy claire clara clarence claude claudia clement clint clinton
cody colin connor conor constance corinne courtney craig cristina curtis cynthia dagmar daisy
dale damian damien dan dana daniel daniela danielle danny dario darren dave david dean deborah
debra declan delphine denis denise dennis derek devan devin diana diane dick diego dieter
dimitri dirk dmitri dmitry dolores dominic dominik dominique don donald donna doris dorothy doug
douglas drew duncan dustin dylan ed eddie edgar edith edmund eduardo edward edwin eileen elaine
elena eli elias elijah elisabeth elise eliza elizabeth ella ellen elliot elon emil emilia emilie
emily emma emmanuel enrique eric erica erik erika erin ernesto ernst esther ethan eugene eva
evan evelyn ewa fabian fabien fabienne fatima federico felipe felix fernando filip fiona
florence florian frances francesca francesco francis francisco franck francois frank franz fred
frederic frederick frida friedrich gabriel gabriela gabriele gabrielle gareth gary gavin
genevieve geoff geoffrey george georg georges gerald gerard gerhard gerry gertrud gilbert gilles
gina giorgio giovanni gisela giuseppe glen glenn gloria gordon grace graham greg gregor gregory
greta guido guillaume gunter gustavo guy gwen hailey hakan hamid hana hannah hans harald harlem
harold harriet harry hassan hayley heather hector heidi heinrich heinz helen helena helene helga
helmut henri henrik henry herbert hermann hilary hillary holger holly horst howard hubert hugh
hugo hunter ian ibrahim ignacio igor ilse imran ines ingrid irene iris isaac isabel isabella
isabelle isaskun ivan jack jackie jackson jacob jacqueline jacques jaime jake james jamie jan
jane janet janice jared jasmine jason javier jay jean jeanne jeff jeffrey jennifer jenny jens
jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joachim joan joanna joanne joao
jocelyn jodie joe joel johan johann johanna johannes john johnny jon jonas jonathan jordan jorge
jose josef joseph josephine josh joshua joy juan judith judy jules julia julian julie julien
juliette julio jurgen justin kai kamala karen karin karina karl kate katharina katherine
kathleen kathryn kathy katie katja katrin kay keith kelly ken kenneth kent kerry kevin kim
kimberly kirk klaus konrad kristen kristin kurt kyle lars laura lauren laurence laurent lea leah
lee leila lena leo leon leonard leonardo leslie lewis liam lily linda lindsay lindsey lisa liz
liza logan lois lorenzo lori louis louise lucas lucia lucy ludwig luis luisa luka lukas luke
lutz lydia lynn madeleine madison magdalena maggie mahmoud malcolm manfred manon manuel manuela
marc marcel marco marcus margaret margarita margot maria marian marianne marie marina mario
marion marisa mark markus marta martha martin martina martine mary maryam mateo mathieu mathilde
matt matteo matthew matthias maura maureen maurice max maxim maxime maximilian megan mehmet
melanie melissa mercedes mia michael michaela michel michele michelle miguel mike mikhail milan
miles miriam mitch mitchell mitt mohamed mohammad mohammed molly monica monika morgan muhammad
murray nadia nancy naomi natalia natalie natasha nathalie nathan neil nelson nicholas nick
nicola nicolas nicole niels nigel nikita nikola nikolai nils nina noah noel nora norbert norman
olaf oliver olivia olivier omar oscar otto owen pablo paddy paloma pam pamela paolo pascal pat
patricia patrick patrice paul paula pauline pedro peggy penelope penny peter petra phil philip
philipp philippe phillip pierre pietro piotr rachel rafael ralf ralph ramon randy raphael raul
ray raymond rebecca regina reinhard renate rene ricardo richard rick ricky rita rob robert
roberta roberto robin rocio rod rodrigo roger roland rolf roman ron ronald rosa rose rosemary
ross ruby rudolf rudy rui russell ruth ryan sabine sabrina sacha sally salvador sam samantha
samir samuel sandra sandy sara sarah sascha saul scott sean sebastian sebastien serena sergei
sergey sergio seth shane shannon sharon shaun shawn sheila shelley sherry shirley sibylle sigmar
silke silvia simon simone sofia sonia sophia sophie stacy stan stanley stefan stefanie stella
stephan stephane stephanie stephen steve steven stuart sue susan susanne suzanne svenja sven
sylvain sylvia sylvie tamara tammy tanja tara ted teresa terry thierry thomas thorsten tiffany
tim timothy tina tobias todd tom tomas tommy toni tony tracy travis trevor troy ulrich ulrike
urs ursula uwe valentin valentina valerie vanessa vera veronica veronique victor victoria vikram
vincent viola virginia vivian vladimir volker volodymyr walter wayne wendy werner wes wesley
will william willy wolfgang xavier yann yannick yasmin yolanda yusuf yves yvonne zach zachary
zoe zoltan kris emanuel randall caspar ulf kathrin heike rainer winfried mathias niklas moritz
malte jorg joerg hendrik annalena ricarda saskia franziska armin cem omid steffen torsten timo
detlef dietmar wilhelm heiko herve luc segolene edouard remi gael cedric gregoire ludovic romain
baptiste loic quentin theo thibault amelie aurore capucine clemence elodie margaux oceane solene
mariano santiago gonzalo inigo inaki mikel xabier jordi oriol nuria montserrat pilar soledad
inmaculada begona susana raquel josefina guadalupe camila florencia agustina milagros juanma evo
cristobal eugenio nestor mauricio horacio leopoldo rigoberto esteban rodolfo abel adolfo anibal
vicente
"""
)

# Words that precede a name as a rank, office or courtesy; dropped from the
# speaker ("Prime Minister Benjamin Netanyahu" -> "Benjamin Netanyahu").
TITLES = _words(
    """
mr mr. mrs mrs. ms ms. miss mx u.s. dr dr. prof prof. professor sir dame lord lady president vice
prime minister secretary senator sen. sen rep. rep representative congressman congresswoman gov.
gov governor mayor ambassador lt. lt col. col gen. gen sgt. sgt capt. capt cmdr. adm. maj.
general colonel captain sergeant lieutenant commander admiral major chancellor chief judge
justice pope king queen prince princess rev. reverend father sister brother coach ceo cfo coo
cto chairman chairwoman chair director executive officer inspector detective sheriff deputy
attorney commissioner speaker leader premier minister. herr frau bundeskanzler bundeskanzlerin
kanzler kanzlerin ministerin ministerpräsident ministerpräsidentin präsident präsidentin
bürgermeister bürgermeisterin parteichef parteichefin fraktionschef fraktionschefin vorsitzende
vorsitzender abgeordnete abgeordneter monsieur m. mme mme. madame mlle président présidente
ministre maire don doña señor señora sr. sra. presidente ministro ministra alcalde alcaldesa
papa rey reina state department house white former interim acting new late dean founder co-
founder
"""
)

# Capitalised words that start a sentence or a clause and are never part of a
# name ("Yet Sondland said" -> "Sondland").
STOP_CAPS = _words(
    """
a an the yet but and or so then now also meanwhile however last earlier later on in at for after
before when while as if this that these those his her their our my its your we i it there here
what who why how where one two three among with without from to by of about over under since
until although though because instead still even only just both either neither each every some
many most more no not all any another such well mostly finally today tomorrow yesterday tonight
according asked told said says der die das den dem des ein eine einer eines einem und aber doch
auch so dann nun noch schon als wenn weil dass ob für mit von vom zum zur im am auf aus bei nach
vor über unter laut wie wir ich er sie es man dieser diese dieses jetzt heute gestern morgen
damals le la les l un une des du et mais ou donc car puis alors aussi quand si ce cette ces son
sa ses leur leurs il elle ils elles on nous je pour avec sans dans sur par selon après avant
pendant depuis comme même el los las lo una unos unas y o pero sin con para por según tras desde
entre durante cuando como este esta estos estas ese esa su sus él ella ellos ellas nosotros yo
también ya hoy ayer ahora además entonces luego así incluso mientras después antes aunque
ainsi ensuite enfin désormais pourtant cependant déjà hier zudem außerdem trotzdem deshalb
daher denn bereits inzwischen mittlerweile allerdings
"""
)

MONTHS_DAYS = _words(
    """
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday januar februar märz mai juni juli oktober
dezember montag dienstag mittwoch donnerstag freitag samstag sonntag janvier février mars avril
juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi
dimanche enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
diciembre lunes martes miércoles jueves viernes sábado domingo jan feb mar apr jun jul aug sep
sept oct nov dec
"""
)

ABBREVIATIONS = _words(
    """
mr mrs ms dr prof lt col gen sgt capt cmdr adm maj st jr sr no nos vs etc inc corp co ltd gov
sen rep rev fr ft mt dept univ approx ca bzw nr str vgl ggf mme mlle av jan feb aug sept oct nov
dec u.s u.k a.m p.m e.g i.e z.b d.h m
"""
)

_VERBS_EN = """
said says say saying told tells telling added adds adding warned warns warning stated explained
explains explaining noted noting wrote writes asked replied replies replying answered continued
insisted insists acknowledged acknowledges admitted admits argued argues arguing claimed
testified testifies recalled recalls recalling declared declares announced announces observed
remarked commented concluded suggested suggests emphasized emphasised emphasizes stressed
stresses conceded concedes joked jokes quipped quips tweeted shouted responded responds
countered reported predicted predicts promised vowed confirmed confirms exclaimed
whispered mused cautioned urged urges boasted complained complains lamented contended
maintained maintains elaborated described describes describing called revealed pleaded
demanded demands denied estimated weighed chimed recounted recounts yelled reiterated
affirmed asserted asserts explaining cautions warns adds tells assailed slammed reads accused
accuses rejected dismissed denounced condemned hailed branded labelled labeled interjected
interjects rejoined retorted snapped sighed laughed scoffed marveled marvelled gushed
"""
_VERBS_NESTED = "think thinks thought ask asks wondered wonder wondering heard replied"
_VERBS_DE = """
sagte sagt sagten sagen gesagt erklärte erklärt erklärten schreibt schrieb geschrieben betonte
betont meinte meint ergänzte ergänzt fügte warnte warnt kritisierte kritisiert teilte
mitgeteilt mitteilen fragte fragt antwortete antwortet behauptet behauptete berichtete
berichtet erläuterte erläutert bekräftigte forderte fordert räumte verkündete versicherte
sprach spricht nannte nennt bezeichnete bezeichnet
versichert unterstrich unterstreicht twitterte kommentierte mahnte mahnt argumentiert
argumentierte urteilte resümiert klagt klagte beklagt beklagte erzählt erzählte gewarnt
betonten meinten erklärten warnten forderten kritisierten äußerte äußert geäußert schilderte
schildert beschrieb beschreibt entgegnete entgegnet erwiderte erwidert bestätigte bestätigt
verriet verrät gestand gesteht lobte lobt zitiert bilanzierte bilanziert ergänzten
"""
_VERBS_FR = """
déclare déclaré dit disait affirme affirmé explique expliqué ajoute ajouté assure assuré plaide
plaidé estime estimé souligne souligné indique indiqué précise précisé lance lancé poursuit
poursuivi confie confié martèle martelé insiste insisté raconte raconté rappelle rappelé
dénonce dénoncé répond répondu observe commente commenté reconnaît reconnu prévient prévenu
avertit averti tranche résume glisse glissé écrit regrette regretté annonce annoncé admet
ironise lâche lâché relève relevé conclut conclu interroge s'exclame s’exclame dire
déclarent dénoncent expliquent affirment estiment assurent soulignent disent racontent confirment
confirme confirmé détaille détaillé rétorque rétorqué réplique répliqué fustige fustigé
déplore déploré témoigne témoigné garantit garanti promet promis tonne souffle soufflé
expliquait affirmait racontait confiait ajoutait assurait déclarait estimait s'insurge s’insurge
irrité irritée agacé agacée félicité félicitée réjoui réjouie indigné indignée étonné étonnée
inquiété inquiétée emporté emportée exclamé exclamée défendu défendue juge jugé jugent
"""
_VERBS_ES = """
dijo dice decía afirmó afirma declaró declara explicó explica añadió añade agregó agrega
aseguró asegura señaló señala indicó indica manifestó manifiesta sostuvo sostiene comentó
comenta advirtió advierte subrayó subraya destacó destaca apuntó apunta expresó expresa
insistió insiste reconoció reconoce precisó recalcó respondió responde preguntó escribió
escribe dicho afirmado explicado señalado asegurado declarado añadido indicado manifestado
criticó critica denunció denuncia relató relata contó anunció anuncia aclaró puntualizó
concluyó sentenció lamentó admitió expone expuso matiza matizó remarca remarcó lanza
lanzó queja quejó lamenta reconoce
dijeron afirmaron declararon explicaron añadieron agregaron aseguraron señalaron indicaron
manifestaron sostuvieron comentaron advirtieron destacaron expresaron insistieron reconocieron
respondieron denunciaron criticaron anunciaron garantizó garantiza garantizado garantizaron
reiteró reitera enfatizó enfatiza detalló detalla mencionó acotó consideró considera opinó
opina estimó remató planteó plantea resaltó resalta sugirió confesó confiesa prometió promete
recordó recuerda aseveró replicó contestó exclamó ironizó bromeó explicaba aseguraba decían
comentado contado expresado reconocido denunciado criticado anunciado subrayado destacado
advertido insistido reiterado
"""

PRONOUNS = {
    "en": {"he", "she", "they"},
    "de": {"er", "sie"},
    "fr": {"il", "elle", "ils", "elles", "on"},
    "es": {"él", "ella", "ellos", "ellas"},
}
DEMONSTRATIVES = _words(
    """
this that these those dieser diese dieses ce cet cette ces este esta estos estas ese esa
"""
)
RELATIVES = _words(
    """
que qui who which quien quienes dont lequel laquelle
"""
)
PLURAL_PRONOUNS = frozenset({"they", "ils", "elles", "ellos", "ellas"})
FIRST_PERSON = frozenset({"i", "we", "ich", "wir", "je", "nous", "yo", "nosotros"})

DETERMINERS = _words(
    """
a an the another one his her its their our two three several some many ein eine einer eines
einem der die das den dem des sein seine ihr ihre zwei drei mehrere dessen deren un une le la
les des son sa
ses leur deux trois plusieurs el los las un una unos unas su sus dos tres varios varias
"""
)

# Words after which an unnamed speaker phrase ends ("another witness | in the probe").
NP_STOP = _words(
    """
who which that whose in at on during after before while to as when about with from for into
against because since and but or im am beim nach während gegenüber auf bei mit zu zum zur vor
über seit und aber weil dass der_rel qui que dont après en lors dans sur à au aux devant pendant
avec pour et mais car quien quienes tras durante ante al con para por y pero porque cuando
"""
)

# Words a speaker phrase may carry before the verb that are not part of it.
TRAILING_AUX = _words(
    """
has had have was were is are will would could should may might did does do also then later once
again previously first recently repeatedly earlier now just only simply further still already
hat hatte haben habe hätte ist war wird würde auch noch bereits schon dann a ont avait avaient
aurait va aussi encore déjà ha han había habría ya también luego después instead
reportedly allegedly se sich lui leur mismo misma même s'est s’est s'était s’était est
"""
)

CLAUSE_WORDS = _words(
    """
that which when while because as and but if although though where whereas dass weil und aber
wenn als ob obwohl während que qui quand et mais si lorsque alors comme y pero cuando porque si
aunque mientras
"""
)

PREPOSITIONS = _words(
    """
of by with to for from against about at in on into over under behind between among von mit für
gegen über bei zu nach vor hinter neben zwischen durch ohne de du des avec pour par contre sur
sous chez entre à au aux del con para por contra sobre entre hacia sin
"""
)

# Phrases just before a quoted span that make it a name, a title or a term, not speech.
_TERM_BEFORE = re.compile(
    r"(?:\b(?:also\s+)?known\s+as|\bso[- ]called|\bdubbed|\bnicknamed|\btitled|\bentitled"
    r"|(?:^|,\s*)named"
    r"|\bthe\s+(?:word|words|term|terms|phrase|slogan|motto|hashtag|name|label|mantra)"
    r"|\b(?:is|was|are|were|be|being)\s+called|\bsog(?:enannt|\.)\w*|\bso\s+genannt\w*"
    r"|\bgenannt\w*|\bnamens|\b(?:das|die|dem|den)\s+(?:wort|worte|wörter|stichwort|begriff)"
    r"|\bstichwort|\btitel|\bmotto|\bartikel\s+wie|\bparole"
    r"|\b(?:le|les|du|des)\s+(?:mot|mots|terme|termes)|\bl[’']expression|\bsurnomm[ée]e?s?"
    r"|\bbaptis[ée]e?s?|\bintitul[ée]e?s?|\bappel[ée]e?s?|\bslogan"
    r"|\b(?:la|las|el|los)\s+(?:palabra|palabras|término|términos|expresión|lema)"
    r"|\bllamad[oa]s?|\bdenominad[oa]s?|\bconocid[oa]s?\s+como|\bapodad[oa]s?|\bbautizad[oa]s?"
    r"|\btitulad[oa]s?|\beslogan|\balias|\ba\.k\.a\.?|\baka|\bconoce\s+como"
    r"|\bconnue?s?\s+sous\s+le\s+nom\s+de"
    # what people at large call it: "un soborno, al cual denominan “tranca”"
    r"|\b(?:lo|la|los|las|le|les|se|cual|que)\s+(?:denominan|llaman|apodan|conocen\s+como)"
    r"|\b(?:qu[’']on|que\s+l[’']on)\s+(?:appelle|nomme|surnomme)"
    # a cross-reference to another article or book: "(lire « … »)", "(see “…”)"
    r"|\((?:lire|voir|read|see|siehe|lesen|leer|véase|ver)(?:\s+(?:aussi|also|auch|también))?)"
    r"(?:\s+\S+){0,3}?\s*[:,]?\s*$",
    re.IGNORECASE,
)
# Nouns directly before ("the campaign “…”") or after ("a “green shoe” option") a
# quoted span that name what it is: a title, a slogan, a programme.
_TERM_NOUNS = _words(
    """
stance agenda narrative rhetoric mindset
campaign campaigns slogan motto hashtag book books film films movie movies song songs album
novel documentary series show article headline column brand label option options program
programme programs initiative movement plan policy project award prize tour app model strategy
doctrine rule clause category button mode feature operation act bill scheme technique method
effect phenomenon approach era festival exhibition protocol level levels category status rating
zone kampagne kampagnen slogan buch film lied serie sendung artikel schlagzeile programm aktion
initiative projekt modell campagne campagnes livre roman chanson émission série article titre
programme opération projet dispositif campaña libro película canción novela serie artículo
titular programa operación proyecto rubro rubros categoría categorías rubrique catégorie
sección apartado partida concepto rubrik kategorie
"""
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
_VERBS_NESTED_RE = {
    lang: _verb_re(_VERBS_EN + _VERBS_NESTED + extra)
    for lang, extra in (("en", ""), ("de", _VERBS_DE), ("fr", _VERBS_FR), ("es", _VERBS_ES))
}
_ACCORDING = re.compile(
    r"(?<![\w])(?:according\s+to|selon|d[’']après|laut|según|de\s+acuerdo\s+con)\s+", re.I
)
_OPINION_OF = re.compile(r"\s*(?:Pour|Para|Für)\s+([^,;:\x00]{1,60}?)\s*,")
_MEDIA_PREP = _words("sur dans devant gegenüber")
_LISTENER_THEN_NAME = re.compile(
    r"\s*(?:à|a|al|au|ante|sur|dans|devant|gegenüber)\s+(?:l[’']|la\s+|el\s+|le\s+|der\s+|dem\s+)?"
    r"([A-ZÀ-Þ0-9][\w’'-]*(?:\s+[A-ZÀ-Þ0-9][\w’'-]*){0,4})"
)
_TO_LISTENER = _words("a al à au aux ante")
# after a Spanish speech verb, a phrase that names where or to whom, then the end of the
# sentence: no subject follows ("dijo a la red Erbol.", "afirmó en una entrevista.")
_ES_NO_SUBJECT = re.compile(r"(?:a|al|ante|en|durante|tras|desde|con|para)\s[^.;!?\x00]*(?:[.;]|$)")
_FR_INVERSION = re.compile(
    r"^\s*[,;]?\s*([a-zàâçéèêëîïôûùüÿœ’']+)-(?:t-)?(il|elle|ils|elles|on)\b", re.I
)
# what may follow a name set after its verb: the end of the clause, or the listener or
# the occasion ("sagte Müller der Deutschen Presse-Agentur", "dijo Sánchez en Bruselas")
_AFTER_INVERTED = re.compile(
    r"\s*(?:[.,;:—–]|$)|\s+(?:der|dem|gegenüber|im|am|beim|in|auf|bei|vor|nach|au|à|aux|devant"
    r"|dans|sur|lors|al|a|en|ante|ayer|durante|tras|desde)\s",
)
_SUBORDINATE = re.compile(
    r"\s*(?:Während|Als|Nachdem|Bevor|Obwohl|Alors\s+qu[e’']|Lorsqu[e’']|Quand|Après\s+qu[e’']"
    r"|Mientras|Cuando|Aunque|Tras\s+que)\s*"
)
_ES_SUBJECT = re.compile(
    r"((?:El|La|Los|Las)\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñü-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w-]*)*)"
    r"\s+[a-záéíóúñ]+(?:ó|a|an|aron)\b"
)
_DAY_WORDS = (
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|matin|soir|mañana|tarde|noche|semana|week-end|abend|morgen|vormittag|nachmittag"
)
_TIME_LEAD = re.compile(
    r"\s*(?:(?:este|esta|el|la|ce|cet|cette|le|am|an\s+diesem|diesen)\s+(?:" + _DAY_WORDS + r")"
    r"(?:\s+(?:pasado|pasada|dernier|dernière))?|ayer|hoy|anoche|hier|aujourd[’']hui|heute"
    r"|gestern)\s*,?\s+(?=\S)",
    re.I,
)
# a sentence that opens by pointing back at the quote just before it
_POINTS_BACK = re.compile(
    r"[.!?]?\s*(?:así\s+lo|así\s+se\s+lo|eso\s+lo|eso|esto|lo|das|dies|ainsi|c[’']est\s+ce\s+"
    r"qu[’'](?:a|ont|avait))(?:\s+(?:ha|han|había|hat|hatte))?(?=\s|$)",
    re.I,
)
_NAME_SHAPE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*")
_FR_AUX_INVERSION = re.compile(
    r"^\s*[,;]?\s*(?:a|avait|aurait|ont|avaient)-(?:t-)?(il|elle|ils|elles|on)\s+"
    r"([a-zàâçéèêëîïôûùüÿœ’']+)",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d+-[^\W\d_][\w’'\-]*|\d[\d.,:]*|[^\w\s]|\x00+")
_CAP_TOK = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Lt|Col|Gen|Sgt|Capt|Sen|Rep|Gov|St|Jr|Sr|Prof|Rev|Mme|[A-Z])\.(?=\s)"
    r"|[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
)
_CAP_RUN = re.compile(
    r"(?<![\w-])(?<![^\W\d_]{2}[’'])"
    + _CAP_TOK
    + r"(?:[ \t\u00a0]+(?:(?:de|da|di|van|von|del|du|la|le|bin|al|dos|das|ten|ter|zu"
    # "der"/"den" only as in "von der Leyen", "Van der Bellen": "Svenja Schulze der
    # Süddeutschen Zeitung sagte" ends the name at the article
    r"|(?<=[Vv][oa]n\s)(?:der|den))[ \t\u00a0]+)*" + _CAP_TOK + r")*"
)
_PAIR = re.compile(
    r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][a-zß-ÿ]+)\s+"
    r"([A-ZÀ-ÖØ-Þ][a-zß-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þ][a-zß-ÿ]+)?)(?![\w’'-])"
)
_LANG_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "said", "was", "with", "for"},
    "de": {"der", "die", "und", "das", "nicht", "ist", "mit", "den", "sich", "auch"},
    # "la" and "que" are French and Spanish alike, so they count for neither
    "fr": {"le", "les", "et", "des", "est", "une", "pour", "dans", "du", "au", "sur", "qui"},
    "es": {"el", "los", "las", "y", "del", "por", "una", "con", "para", "al", "su", "ha"},
}
_SENT_END = re.compile(r"[.!?…]+[\x00”’\"»“«)\]]*(?=\s+[\x00\"“„«»‘'‚「(\[A-ZÀ-ÖØ-Þ0-9¿¡])")

_DOUBLE = '“"„”'
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
    explicit_after: bool = False


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
                if top == "„" or (
                    top in '“"' and top and not p_open and (_is_ws(n) or not n.isalnum())
                ):
                    role, target = "close", len(stack) - 1
                else:
                    role = "open"
            elif ch == "”":
                target = _find(stack, '“"„”')
                if target >= 0:
                    role = "close"
                elif p_open and n and not _is_ws(n):
                    role = "open"
            elif ch == '"':
                target = _find(stack, '“"„”')
                if target >= 0 and not (p_open and n.isalnum() and stack[target][0] != '"'):
                    role = "close"
                elif not (not p_open and (_is_ws(n) or not n.isalnum())) or p == "":
                    role = "open" if n else ""
            elif ch == "‘":
                if stack and stack[-1][0] == "‚":
                    role, target = "close", len(stack) - 1
                elif stack and stack[-1][0] == "‘" and _is_ws(p) and _is_ws(n):
                    # ‘Jewels after Jewels ‘ and …: a stray space before the closer
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
                sp.cont_prev = _carry_prev(spans, text, ls, op)
                spans.append(sp)
                carry = True
            elif inner := next(
                (q for q in spans if q.line == li and q.open > op and text[q.open] == mark), None
            ):
                # « financements […] des « appels à projets » : a quoter opened a second
                # mark of the same kind inside and closed only once; the close is the outer's
                spans.remove(inner)
                spans.append(_Span(op, inner.close, op + 1, inner.close, li))
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
    return _nest(out)


def _nest(out: list[_Span]) -> list[_Span]:
    """Sort spans and link each nested one to the span that holds it."""
    out.sort(key=lambda s: (s.start, -s.end))
    for i, sp in enumerate(out):
        sp.parent = -1
        for j in range(i - 1, -1, -1):
            q = out[j]
            if q.open < sp.open and q.end >= sp.end and q.line == sp.line:
                sp.parent = j
                break
    return out


# « …, écrit-elle. … »: French sets the attribution inside the guillemets
_FR_DASH_INCISE = re.compile(r"\s[–—]\s+([a-zàâçéèêëîïôûùüÿœ’']+)-(?:t-)?(il|elle|ils|elles)\b")
# "«A —dijo el alcalde—, B»", "« A – a-t-il ajouté – B »": an incise between dashes
_DASH_INCISE = re.compile(
    r"\s[—–]\s?([^\W\d_][\w’']*)(?:-t)?(?:-(?:il|elle|ils|elles|on))?[^—–.!?\x00]{0,60}?"
    r"\s?([—–])[\s.,;\u00a0]*"
)
_FR_INCISE = re.compile(
    r",\s+([a-zàâçéèêëîïôûùüÿœ’']+)-(?:t-)?(?:il|elle|ils|elles|on)\s*[.,;]\s+(?=\S)"
)


def _split_incises(text: str, spans: list[_Span], verbs: re.Pattern[str]) -> list[_Span]:
    """Cut a French quotation around an incise written inside its guillemets, so the
    two quoted parts come out as quotes and "écrit-elle" as their attribution."""
    out: list[_Span] = []
    changed = False
    for sp in spans:
        d = _DASH_INCISE.search(text, sp.start, sp.end) if sp.parent < 0 else None
        if d and verbs.fullmatch(d.group(1)) and text[sp.open] in '«“"' and d.end() < sp.end:
            # «Esto no va a quedar así —dijo el alcalde—, vamos a denunciar»
            first = _Span(sp.open, d.start(1) - 1, sp.start, d.start(), sp.line)
            first.cont_prev = sp.cont_prev
            rest = _Span(d.end(2), sp.close, d.end(), sp.end, sp.line, sp.closed)
            rest.cont_prev, rest.cont_next = True, sp.cont_next
            out += [first, rest]
            changed = True
            continue
        m = _FR_INCISE.search(text, sp.start, sp.end) if sp.parent < 0 else None
        if m and verbs.fullmatch(m.group(1)) and text[sp.open] in '«“"':
            comma = m.start() + 1
            first = _Span(sp.open, comma, sp.start, comma, sp.line, cont_prev=sp.cont_prev)
            rest = _Span(m.end() - 1, sp.close, m.end(), sp.end, sp.line, sp.closed)
            rest.cont_prev, rest.cont_next = True, sp.cont_next
            out += [first, rest]
            changed = True
        else:
            out.append(sp)
    return _nest(out) if changed else spans


# "—Esto no va a quedar así —dijo el alcalde—. Vamos a denunciar.": Spanish (and French)
# set speech off with a dash at the start of the paragraph and around the incise
_DIALOGUE_INCISE = re.compile(r"\s?—\s?([^\W\d_][\w’'-]*)")


def _dialogue_spans(text: str, spans: list[_Span], verbs: re.Pattern[str]) -> list[_Span]:
    """Add the speech of paragraphs that open with a dash and carry a "—dijo X" incise;
    a paragraph without one (an interview's questions and answers) is left alone."""
    out = list(spans)
    pos = 0
    for li, line in enumerate(text.split("\n")):
        ls, le = pos, pos + len(line)
        pos = le + 1
        lead = len(line) - len(line.lstrip())
        if not line[lead:].startswith("—") or any(ls <= q.open < le for q in spans):
            continue
        op = ls + lead
        m = next(
            (
                m
                for m in _DIALOGUE_INCISE.finditer(text, op + 2, le)
                if verbs.fullmatch(m.group(1)) and text[m.start()] in " —"
            ),
            None,
        )
        if not m:
            continue
        dash = text.index("—", m.start())
        out.append(_Span(op, dash, op + 1, dash, li))
        closer = text.find("—", m.end(), le)
        if closer < 0:
            continue  # "—…—dijo el alcalde." and the narrator goes on
        rest = closer + 1
        while rest < le and text[rest] in " .,;\u00a0":
            rest += 1
        nxt = _DIALOGUE_INCISE.search(text, rest, le)
        end = nxt.start() if nxt and verbs.fullmatch(nxt.group(1)) else le
        if len(text[rest:end].split()) >= 2:
            sp = _Span(closer, end, rest, end, li, closed=end < le)
            sp.cont_prev = True
            out.append(sp)
    if len(out) == len(spans):
        return spans
    for sp in out[len(spans) :]:
        e = sp.end
        while e > sp.start and text[e - 1].isspace():
            e -= 1
        sp.end = e
    return _nest(out)


def _carry_prev(spans: list[_Span], text: str, ls: int, op: int) -> bool:
    """An unclosed span at a line's start continues the previous line's quote."""
    return bool(spans) and spans[-1].cont_next and not text[ls:op].strip()


def _family(mark: str) -> str:
    if mark in '“"„”':
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


_WORD_LANG = {w: lang for lang, words in _LANG_WORDS.items() for w in words}


def _language(text: str) -> str:
    """The article's language by its commonest small words; it picks the verb lists."""
    counts = dict.fromkeys(_LANG_WORDS, 0)
    for w in re.findall(r"[^\W\d_]+", text[:6000].lower()):
        lang = _WORD_LANG.get(w)
        if lang:
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
        # "US President Donald Trump" lets "the president" stand for him later
        self.by_title: dict[str, str | None] = {}
        seen: set[tuple[str, ...]] = set()
        self.titled: set[str] = set()
        for m in _CAP_RUN.finditer(text):
            raw = m.group(0).split()
            if len(raw) < 2:
                continue  # a lone capitalised word names nobody in full
            toks = _clean_tokens(raw)
            if len(toks) == 1 and len(raw) >= 2 and _is_title(raw[-2]) and _given(toks[0]):
                self.titled.add(toks[0])
            for k, t in enumerate(toks[:-1]):
                if _given(t):
                    full = tuple(toks[k:])
                    if len(full) <= 4 and full not in seen:
                        seen.add(full)
                        self.fulls.append(full)
                    name = " ".join(full)
                    lead = re.search(r"([^\W\d_]+)\s+$", text[max(0, m.start() - 30) : m.start()])
                    roles = [w.lower() for w in raw if _is_title(w)]
                    if lead and _is_title(lead.group(1)):
                        roles.append(lead.group(1).lower())
                    for role in roles:
                        if self.by_title.setdefault(role, name) != name:
                            self.by_title[role] = None  # two people share it: no guess
                    break
            else:
                # German writes the role noun capitalised, so "Der Reporter Claas Relotius"
                # is one run: the role noun inside it introduces the name just as well
                k, role = 0, False
                while k < len(raw) - 2 and (
                    raw[k].lower() in DETERMINERS
                    or raw[k].lower() in STOP_CAPS
                    or raw[k].lower() in _ROLE_NOUNS
                    or raw[k].lower() in _PERSON_NOUNS
                    or _is_title(raw[k])
                ):
                    role = role or raw[k].lower() in _ROLE_NOUNS | _PERSON_NOUNS
                    k += 1
                if (
                    role
                    and 2 <= len(raw) - k <= 3
                    and all(_NAME_SHAPE.fullmatch(t) for t in raw[k:])
                    and tuple(raw[k:]) not in seen
                ):
                    seen.add(tuple(raw[k:]))
                    self.fulls.append(tuple(raw[k:]))
                    continue
                full = tuple(toks)
                if 2 <= len(full) <= 3 and full not in seen and len(raw) == len(toks):
                    # "La députée Clémentine Autain", "el portavoz Iñaki Urrutia": two or
                    # three capitalised words right after a role noun name a person even
                    # when the gazetteer lacks the given name
                    lead = re.search(
                        r"(?:^|\s)(?:the|a|an|el|la|le|l[’']|der|die|un|una|une|ein|eine)\s*"
                        r"([^\W\d_][\w-]*)\s+$",
                        text[max(0, m.start() - 40) : m.start()],
                        re.I,
                    )
                    noun = lead.group(1).lower() if lead else ""
                    if noun in _ROLE_NOUNS or noun in _PERSON_NOUNS:
                        seen.add(full)
                        self.fulls.append(full)
        for name in extra:
            toks = tuple(name.split())
            if len(toks) >= 2 and toks not in seen:
                seen.add(toks)
                self.fulls.append(toks)
        self.surnames = {f[-1] for f in self.fulls}
        self._seen = seen
        # "Steelers defensive captain Cam Heyward": a capitalised word right before a
        # surname is taken as the given name even when the gazetteer lacks it
        self.given_before: dict[str, str] = {}
        for m in _PAIR.finditer(text):
            first, last = m.group(1), m.group(2)
            lf = first.lower()
            if (
                lf in STOP_CAPS
                or lf in TITLES
                or lf in MONTHS_DAYS
                or first.isupper()
                or last.lower() in STOP_CAPS
                or last.isupper()
            ):
                continue
            self.given_before.setdefault(last, first)

    def add(self, toks: list[str]) -> None:
        key = tuple(toks)
        if len(key) >= 2 and key not in self._seen:
            self._seen.add(key)
            self.fulls.append(key)
            self.surnames.add(key[-1])

    def is_person(self, toks: list[str]) -> bool:
        if not toks:
            return False
        if _given(toks[0]) and (len(toks) >= 2 or toks[0] in self.titled):
            return True  # "Cam Heyward"; "Andrew" alone once the text said "Prince Andrew"
        return toks[-1] in self.surnames

    def fullest(self, toks: list[str]) -> list[str]:
        best = toks
        n = len(toks)
        for f in self.fulls:
            if len(f) > len(best) and list(f[-n:]) == toks:
                best = list(f)
        if len(best) == 1 and best[0] in self.given_before:
            return [self.given_before[best[0]], best[0]]
        return best


def _fold(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c)
    )


def _given(tok: str) -> bool:
    t = _fold(tok)
    return t in FIRST_NAMES or (t.split("-")[0] in FIRST_NAMES and "-" in t)


_TITLE_ENDINGS = (
    "minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "chef",
    "chefin", "sprecher", "sprecherin", "vorsitzender", "vorsitzende", "leiter", "leiterin",
    "direktor", "direktorin", "sekretär", "sekretärin", "manager", "managerin", "funktionär",
    "funktionärin", "experte", "expertin", "rechtler", "rechtlerin", "anwalt", "anwältin",
)  # fmt: skip


def _is_title(tok: str) -> bool:
    """A rank or role in front of a name: "Lt.", "Ambassador", "Bundesverkehrsminister",
    "Flixbus-Manager" (German writes roles as capitalised compounds)."""
    low = tok.lower()
    if low in TITLES or low.rstrip(".") + "." in TITLES:
        return True
    return len(low) > 6 and low.split("-")[-1].endswith(_TITLE_ENDINGS)


def _clean_tokens(toks: list[str]) -> list[str]:
    """Drop sentence-initial function words, titles and the possessive from a run."""
    toks = [t for t in toks if t]
    if toks:
        last = re.sub(r"[’']s?$", "", toks[-1])
        toks[-1] = last
    while len(toks) > 1 and re.search(r"[’']s$", toks[0]):
        toks = toks[1:]  # "Delhi’s Chief Minister Arvind Kejriwal"
    while len(toks) > 1 and (toks[0].lower() in STOP_CAPS or _is_title(toks[0])):
        toks = toks[1:]
    # "Jordanian Foreign Minister Ayman Safadi", "CPUC President Marybel Batjer": the
    # name starts after the last rank, whatever qualifies the rank before it
    last_title = max((k for k, t in enumerate(toks[:-1]) if _is_title(t)), default=-1)
    if last_title >= 0:
        toks = toks[last_title + 1 :]
    while toks and toks[-1].endswith(".") and toks[-1].lower() not in TITLES:
        toks[-1] = toks[-1][:-1]
    # a given name inside the run starts the person's name ("Parteichef Stefan Keuter")
    for k in range(1, len(toks) - 1 if len(toks) > 2 else 1):
        if _given(toks[k]) and not _given(toks[k - 1]):
            toks = toks[k:]
            break
    return [t for t in toks if t]


# --------------------------------------------------------------------------------------
# Speaker phrases
# --------------------------------------------------------------------------------------

_PARTICLES = _words(
    """
de da di van von der den del du la le bin al dos das ten ter zu
"""
)


@dataclass(slots=True)
class _NP:
    kind: str  # "name", "phrase", "pron", "first"
    text: str
    start: int
    end: int


def _tokens(seg: str, off: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(seg):
        t = m.group(0)
        if t == "." and out and _abbrev(out[-1][0]) and m.start() + off == out[-1][2]:
            prev = out.pop()
            out.append((prev[0] + ".", prev[1], m.end() + off))
            continue
        out.append((t, m.start() + off, m.end() + off))
    return out


def _abbrev(w: str) -> bool:
    lw = w.lower()
    return lw in ABBREVIATIONS or lw + "." in TITLES or (len(w) == 1 and w.isupper())


def _is_word(t: str) -> bool:
    return t[:1].isalpha() or bool(_AGE_NOUN.fullmatch(t))


def _is_cap(t: str) -> bool:
    return t[:1].isupper()


class _Ctx:
    """Everything the attribution rules need about one article."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lang = _language(text)
        self.verbs = _VERBS[self.lang]
        self.nested_verbs = _VERBS_NESTED_RE[self.lang]
        self.pronouns = PRONOUNS["en"] | PRONOUNS[self.lang]
        self.people = _People(text, [])
        self.lower_words = frozenset(re.findall(r"\b[a-zß-ÿ][\w’'-]*", text))
        if self.lang in ("fr", "es"):
            self._surnames_used_alone()

    def _surnames_used_alone(self) -> None:
        """ "Patxi López critica … De hecho, López no ve posible": a given name and a
        surname the article goes on to use alone name a person, known given name or not."""
        text = self.text
        for m in _CAP_RUN.finditer(text):
            toks = m.group(0).split()
            if not 2 <= len(toks) <= 3 or self.people.is_person(toks):
                continue
            if not all(
                _NAME_SHAPE.fullmatch(t)
                and t.lower() not in STOP_CAPS
                and t.lower() not in TITLES
                and t.lower() not in _ORG_WORDS
                and t.lower() not in MONTHS_DAYS
                for t in toks
            ):
                continue
            alone = re.compile(r"(?<![\w’'-])" + re.escape(toks[-1]) + r"(?![\w’'-])")
            if any(
                text[max(0, a.start() - len(toks[-2]) - 1) : a.start()].strip() != toks[-2]
                for a in alone.finditer(text)
                if a.start() != m.start() + m.group(0).rfind(toks[-1])
            ):
                self.people.add(toks)

    # ---- validation ---------------------------------------------------------------

    def _name_ok(self, toks: list[str], strict: bool = True) -> bool:
        if not toks or all(t.lower() in STOP_CAPS or t.lower() in TITLES for t in toks):
            return False
        if any(t.lower() in MONTHS_DAYS for t in toks):
            return False
        if self.lang == "en" or not strict:
            return True
        if self.people.is_person(toks):
            return True
        # "Youssouf Abdallah affirme", "dijo Iñaki Urrutia": two or three words shaped
        # like a given name and a surname, at a speaker's place, name someone even when
        # the gazetteer lacks the given name
        return 2 <= len(toks) <= 3 and all(
            _NAME_SHAPE.fullmatch(t)
            and t.lower() not in STOP_CAPS
            and t.lower() not in TITLES
            and t.lower() not in _ORG_WORDS
            and t.lower() not in MONTHS_DAYS
            for t in toks
        )

    def _mk_name(self, toks: list[tuple[str, int, int]]) -> _NP | None:
        words = [t[0] for t in toks]
        clean = _clean_tokens(words)
        if not clean or not self._name_ok(clean):
            return None
        # offsets of the cleaned part (a suffix of the run, minus a possessive)
        k = len(words) - len(clean)
        s = toks[k][1]
        e = toks[-1][1] + len(clean[-1])
        return _NP("name", self.text[s:e], s, e)

    # ---- noun phrases around a speech verb ----------------------------------------

    def np_before(self, seg: str, off: int) -> _NP | None:
        """The subject written just before a speech verb: "Boudreau | said"."""
        # "Prince Andrew, …, Charles, has reportedly told": adverbs and auxiliaries first
        seg = _TRAILING_AUX_RE.sub("", seg)
        if seg.rstrip().endswith(",") and "\x00" not in seg:
            # "Cmdr. Sean Robertson, a spokesperson for …, the U.S. operation …, told":
            # the subject is the first part of the comma chain that reads as one
            parts = seg.rstrip()[:-1].split(",")
            pos = 0
            for n, part in enumerate(parts[:4]):
                if len(part.split()) <= 14:
                    np = self._np_tail(part + " ", off + pos)
                    if np and np.kind == "phrase" and n + 1 < len(parts):
                        # "el inspector general de la Policía, Álvaro Álvarez, ha
                        # garantizado": the name in apposition says who the role is
                        nxt = parts[n + 1]
                        name = self._np_tail(nxt + " ", off + pos + len(part) + 1)
                        if name and name.kind == "name" and name.text == nxt.strip():
                            return name
                    if np and np.kind in ("name", "phrase", "pron"):
                        return np
                pos += len(part) + 1
        return self._np_tail(seg, off)

    def _np_tail(self, seg: str, off: int) -> _NP | None:
        # "Una portavoz …, que dirige Ana Mato, asegura": the relative clause is not the subject
        m = _REL_CLAUSE.search(seg) or _APPOSITION.search(seg)
        if m:
            # "Richardson, via USA Today, said": the subject stands before the aside
            seg = seg[: m.start()]
        toks = _tokens(seg, off)
        collect: list[tuple[str, int, int]] = []
        k = len(toks) - 1
        while k >= 0:
            t = toks[k]
            w = t[0]
            k -= 1
            if not _is_word(w):
                if w in ("-", "&") and collect:
                    collect.insert(0, t)
                    continue
                if (w[0] == "\x00" or w in _QUOTE_CHARS) and collect and collect[-1][0].islower():
                    collect.insert(0, t)  # the "Pose" actor: a title inside the phrase
                    continue
                break
            lw = w.lower()
            if lw in RELATIVES and collect and collect[0][0][:1].islower():
                # "… departamento que dirige Ana Mato expone": skip the relative clause
                collect = []
                continue
            if (
                lw in ("and", "und", "et", "y")
                and collect
                and _is_cap(collect[0][0])
                and k >= 0
                and _is_cap(toks[k][0])
            ):
                collect.insert(0, t)  # "the Russian and Syrian defense ministries"
                continue
            if (
                lw in ("and", "und", "et", "y")
                and len(collect) == 1
                and collect[0][0].islower()
                and k >= 1
                and toks[k][0].islower()
                and toks[k - 1][0].lower() in ("the", "der", "die", "le", "la", "el")
            ):
                collect.insert(0, t)  # "the singer and guitarist told the audience"
                continue
            if lw in CLAUSE_WORDS and lw not in ("a",):
                break
            collect.insert(0, t)
            if len(collect) > 14:
                return None
        if collect and collect[-1][0].lower() in ("who", "which", "qui", "quien", "die", "der"):
            collect.pop()
        while collect and (
            collect[-1][0].lower() in TRAILING_AUX
            or (collect[-1][0].endswith("ly") and collect[-1][0].islower())
        ):
            collect.pop()
        if not collect:
            return None
        last = collect[-1]
        lw = last[0].lower()
        if collect[0][0].lower() in DEMONSTRATIVES and len(collect) <= 4:
            # "dice este hombre": an anaphor, resolved like a pronoun
            return _NP("pron", last[0], collect[0][1], last[2])
        if lw in self.pronouns:
            return _NP("pron", last[0], last[1], last[2])
        if lw in FIRST_PERSON:
            return _NP("first", last[0], last[1], last[2])
        j = len(collect)
        while j > 0 and (
            _is_cap(collect[j - 1][0])
            or (collect[j - 1][0].lower() in _PARTICLES and j < len(collect))
            or collect[j - 1][0] in ("-",)
        ):
            j -= 1
        prefix = collect[:j]
        inner_pp = (
            len(prefix) >= 3
            and prefix[0][0].lower() in DETERMINERS
            and _personish(prefix[1][0])
            and any(t[0].lower() in PREPOSITIONS - {"of", "de", "von"} for t in prefix[2:])
        )
        if inner_pp:
            # "The authors of the research published in the journal JAMA Psychiatry
            # argued": the name sits inside a phrase attached to the subject
            k2 = next(
                n
                for n in range(2, len(prefix))
                if prefix[n][0].lower() in PREPOSITIONS - {"of", "de", "von"}
                or (prefix[n][0].endswith("ed") and prefix[n][0].islower())
            )
            s, e = prefix[0][1], prefix[k2 - 1][2]
            return _NP("phrase", self.text[s:e], s, e)
        if j < len(collect) and not (prefix and prefix[-1][0].lower() in PREPOSITIONS):
            # "a NATO Official", "the Wild": a determiner makes it a phrase, not a name
            if prefix and prefix[-1][0].lower() in DETERMINERS:
                pass
            else:
                run = collect[j:]
                art = next(
                    (
                        n
                        for n in range(1, len(run))
                        if run[n][0] in ("der", "den", "dem")
                        and run[n - 1][0].lower() not in ("von", "van")
                    ),
                    0,
                )
                if art:
                    # "Wie Umweltministerin Svenja Schulze der Süddeutschen Zeitung
                    # sagte": the subject, then the listener in the dative
                    np = self._mk_name(run[:art])
                    if np:
                        return np
                np = self._mk_name(collect[j:])
                if np:
                    return np
        for d, t in enumerate(collect):
            lw = t[0].lower()
            if (
                lw in DETERMINERS
                or lw.startswith(("l’", "l'"))
                or (_is_cap(t[0]) and re.search(r"[’']s$", t[0]) and d == 0)
            ):  # "Russia's foreign ministry said": a possessive name determines the phrase
                if len(collect) - d <= 13 and not (d and collect[d - 1][0].lower() in PREPOSITIONS):
                    s, e = collect[d][1], collect[-1][2]
                    return _NP("phrase", self.text[s:e], s, e)
                break
        if self.lang == "en" and _bare_group(collect):
            s, e = collect[0][1], collect[-1][2]
            return _NP("phrase", self.text[s:e], s, e)
        return None

    def np_after(self, seg: str, off: int) -> _NP | None:
        """The speaker written after the verb: "said | Katherine Maher, …"."""
        tl = _TIME_LEAD.match(seg)
        if tl:
            # "ha asegurado este martes el portavoz socialista": the day, then the subject
            seg, off = seg[tl.end() :], off + tl.end()
        toks = _tokens(seg[:160], off)
        while len(toks) > 1 and toks[0][0].islower() and toks[0][0] in _LEAD_ADVERBS:
            toks = toks[1:]  # "sagt auch Stenger", "said also"
        if not toks or not _is_word(toks[0][0]):
            return None
        w0 = toks[0][0]
        if self.lang != "en" and (w0.lower() in _TO_LISTENER or w0.lower() in _MEDIA_PREP):
            # "dijo a la red Erbol", "a déclaré à l’AFP": the listener or the outlet; a
            # person named right after it is the speaker ("a expliqué à l’AFP Jean
            # Dupont", "a déclaré sur Sud Radio Marie Lebec", "s'est irritée sur Europe 1
            # la ministre du Commerce … Olivia Grégoire")
            m = _LISTENER_THEN_NAME.match(seg)
            if m:
                run = m.group(1).split()
                for k in range(1, len(run)):
                    if _given(run[k]) and self._name_ok(run[k:], strict=False):
                        s = off + m.start(1) + m.group(1).find(run[k])
                        e = s + len(" ".join(run[k:]))
                        return _NP("name", self.text[s:e], s, e)
                det = re.match(
                    r"\s+(?:la|le|l[’']|les|el|los|las|der|die)(?=[\s\w])", seg[m.end() :]
                )
                if det:
                    np = self.np_after(seg[m.end() :].lstrip(), off + _lead(seg, m.end()))
                    if np and np.kind in ("name", "phrase"):
                        return np
            if w0.lower() in _TO_LISTENER:
                return None
        if w0.lower() in self.pronouns:
            return _NP("pron", w0, toks[0][1], toks[0][2])
        particle = (
            w0 in _PARTICLES
            and len(toks) > 1
            and _is_cap(toks[1][0])
            and toks[1][1] == toks[0][2] + 1
            and toks[1][0] in self.people.surnames
        )  # "sagt de Decker": a surname that starts with its particle
        if particle or (
            _is_cap(w0) and w0.lower() not in DETERMINERS and w0.lower() not in DEMONSTRATIVES
        ):
            run = []
            for k, t in enumerate(toks):
                if _is_cap(t[0]) or (
                    t[0].lower() in _PARTICLES
                    and k + 1 < len(toks)
                    and _is_cap(toks[k + 1][0])
                    and (run or particle)
                    # "von der Leyen", but "sagte Weil der Neuen Osnabrücker Zeitung"
                    and (t[0] not in ("der", "den", "dem") or run[-1][0] in ("von", "van"))
                ):
                    run.append(t)
                elif t[0] == "-" and run:
                    continue
                else:
                    break
            nxt = toks[len(run)] if len(run) < len(toks) else None
            if run and nxt and nxt[0].lower() in _CLAUSE_AUX:
                # "said Tyvak would leverage …": the subject of the reported clause
                return None
            if run and nxt and nxt[0] in _GROUP_NOUNS | {"official", "spokesperson"}:
                # "according to NATO officials": the group, not the organisation
                s, e = run[0][1], nxt[2]
                return _NP("phrase", self.text[s:e], s, e)
            if run and len(run) <= 5:
                words = [t[0] for t in run]
                clean = _clean_tokens(words)
                if clean and self._name_ok(clean):
                    k = len(words) - len(clean)
                    s, e = run[k][1], run[-1][1] + len(clean[-1])
                    return _NP("name", self.text[s:e], s, e)
            return None
        phrase: list[tuple[str, int, int]] = []
        for n, t in enumerate(toks):
            coordinated = (
                t[0] in ("et", "y", "und")
                and phrase
                and n + 1 < len(toks)
                and toks[n + 1][0] in ("du", "de", "des", "del", "der")
            )  # "la ministre du Commerce et du Tourisme Olivia Grégoire"
            if (
                not _is_word(t[0])
                or (t[0] in NP_STOP and not coordinated)
                or len(phrase) >= (12 if self.lang != "en" else 8)
            ):
                break
            if self.verbs.fullmatch(t[0]):
                break
            phrase.append(t)
        if not phrase:
            return None
        first = phrase[0][0].lower()
        if first in DEMONSTRATIVES and len(phrase) <= 4:
            return _NP("pron", phrase[0][0], phrase[0][1], phrase[-1][2])
        if not (first in DETERMINERS or first.startswith(("l’", "l'"))) and not (
            self.lang == "en" and _bare_group(phrase)
        ):
            return None
        s, e = phrase[0][1], phrase[-1][2]
        tail = [t for t in phrase if _is_cap(t[0])]
        if (
            len(tail) >= 2
            and tail[-1] is phrase[-1]
            and (
                _given(tail[-2][0])
                or (
                    self.lang != "en"
                    and len(phrase) >= 3
                    and (
                        phrase[-3][0].lower() in _ROLE_NOUNS
                        or phrase[-3][0].lower() in _PERSON_NOUNS
                        or _is_title(phrase[-3][0])
                    )
                    and self._name_ok([tail[-2][0], tail[-1][0]])
                )
            )
            and phrase[-2] is tail[-2]
            and phrase[-3][0].lower() not in PREPOSITIONS | {"del", "al", "du", "des"}
            if len(phrase) >= 3
            else False
        ):
            # "dijo el ministro Pedro Sánchez": the name, not the office
            ps, pe = tail[-2][1], tail[-1][2]
            return _NP("name", self.text[ps:pe], ps, pe)
        if phrase[-1][0].lower() in PREPOSITIONS | {"del", "al", "the", "der", "des"}:
            # "el instructor del ‘caso Noos’": the phrase goes on inside marks
            m = _QUOTED_TAIL.match(self.text, e)
            if m:
                e = m.end()
        np = _NP("phrase", self.text[s:e], s, e)
        rest_off = e - off
        if any(t[0].lower() in _ROLE_NOUNS for t in phrase[1:3]):
            # "a prévenu le commissaire à l’économie Pierre Moscovici", "said the minister
            # for trade Liz Truss": the office, its remit, then the name closing the clause
            m = re.match(
                r"\s+(?:à|au|aux|de|du|des|d[’']|of|for|für|del|de\s+la)\s*[^,.;:!?\x00\n]{0,40}?"
                r"\s((?:[A-ZÀ-Þ][\w’'-]+)(?:[ \u00a0][A-ZÀ-Þ][\w’'-]+){1,2})\s*(?=[,.;:!?]|$)",
                seg[rest_off:],
            )
            if m:
                toks2 = _clean_tokens(m.group(1).split())
                if (
                    2 <= len(toks2) <= 3
                    and self._name_ok(toks2, strict=False)
                    and (_given(toks2[0]) or all(_NAME_SHAPE.fullmatch(t) for t in toks2))
                ):
                    ps = off + rest_off + m.start(1) + m.group(1).find(toks2[0])
                    pe = ps + len(" ".join(toks2))
                    return _NP("name", self.text[ps:pe], ps, pe)
        # apposition: "said another witness, former adviser Fiona Hill."
        m = re.match(r"[^,.;]*,\s*([^,.;:\x00]{1,80}?)\s*(?=[,.;]|$)", seg[rest_off:])
        if m:
            inner = m.group(1)
            runs = list(_CAP_RUN.finditer(inner))
            if runs and runs[-1].end() == len(inner):
                toks2 = _clean_tokens(runs[-1].group(0).split())
                if len(toks2) >= 2 and (
                    _given(toks2[0])
                    or (
                        self.lang != "en"
                        and runs[-1].start() == 0
                        and len(toks2) <= 3
                        and self._name_ok(toks2)
                    )
                ):  # "explicó el portavoz del PSOE, Patxi López, «…»"
                    k = runs[-1].group(0).find(toks2[0])
                    ps = off + rest_off + m.start(1) + runs[-1].start() + k
                    pe = ps + len(" ".join(toks2))
                    return _NP("name", self.text[ps:pe], ps, pe)
        return np

    # ---- attribution patterns -----------------------------------------------------

    def after(self, seg: str, off: int) -> _NP | None:
        """ "…," X said / said X / dit-il — the attribution that follows a quote."""
        if self.lang == "fr":
            m = _FR_INVERSION.match(seg)
            if m and self.verbs.fullmatch(m.group(1)):
                return _NP("pron", m.group(2), off + m.start(2), off + m.end(2))
            m = _FR_AUX_INVERSION.match(seg)
            if m and self.verbs.fullmatch(m.group(2)):
                # "« … », a-t-elle confié au Parisien."
                return _NP("pron", m.group(1), off + m.start(1), off + m.end(1))
        if self.lang == "de":
            m = re.match(r"\s*[,;]\s*so\s+", seg)
            if m:  # „…“, so Hoeneß.
                np = self.np_after(seg[m.end() :], off + m.end())
                if np:
                    return np
                np = self._cap_run(seg, off, m.end())
                if np:  # the construction leaves no doubt that this is the speaker
                    return np
        acc = _ACCORDING.match(seg.lstrip(" ,;—–-\u00a0"))
        if acc:
            pos = len(seg) - len(seg.lstrip(" ,;—–-\u00a0")) + acc.end()
            np = self.np_after(seg[pos:], off + pos)
            if np:
                return np
            np = self._cap_run(seg, off, pos)
            if np:  # « … » selon Kriss Graffiti: whoever is named there is the source
                return np
        for k, v in enumerate(self.verbs.finditer(seg)):
            if self.lang == "en" and v.group(0).lower().endswith("ing"):
                # "“…”, saying he trusted the courts": the subject of "saying" is the
                # speaker named before the quote, and "he" starts a new clause
                continue
            between = seg[: v.start()]
            b = between.strip(" \t\u00a0,;:—–-")
            if b and all(w.lower() in TRAILING_AUX for w in b.split()):
                b = ""  # "…», había declarado la rama local" (auxiliary + participle)
            elif b and _POINTS_BACK.fullmatch(b):
                b = ""  # "«…». Así lo afirmó el ministro del Interior", „…“ Das sagte X
            if k == 0 and v.start() <= 80:
                if not b:
                    np = self.np_after(seg[v.end() :].lstrip(" \u00a0"), off + _lead(seg, v.end()))
                    if np:
                        return np
                    np = self._inverted_name(seg, off, _lead(seg, v.end()))
                    if np:
                        return np
                    rest = seg[v.end() :].strip(" \u00a0")
                    if self.lang == "es" and (
                        not rest
                        or rest[0] in ".;"
                        or (_ES_NO_SUBJECT.match(rest) and not self._names_someone(rest))
                        # "…", afirmó, y esperará los resultados: a clause of its own
                        or re.match(
                            r",\s*(?:y|e|pero|aunque|mientras|tras|sin|antes|después"
                            r"|al|para|por|luego|lo|que|aunque|pues|ya|en)\s",
                            rest,
                        )
                    ):
                        # Spanish drops the subject: "…», critica." or "…», dijo a la red
                        # Erbol." means the person last named
                        return _NP("pron", "", off + v.start(), off + v.end())
                ap = re.match(r"\s*([^,;:()\x00]{1,40}),\s*[^,;:\x00]{1,90},\s*$", between)
                if ap:
                    # "Mayer, Disney’s chairman of …, said"
                    np = self.np_before(ap.group(1) + " ", off + ap.start(1))
                    if np and np.kind in ("name", "phrase", "pron"):
                        return np
                elif not re.search(r"[,;:!?()]|\.\s", b) and len(b.split()) <= 7:
                    np = self.np_before(between, off)
                    lead = len(between) - len(between.lstrip(" ,;:—–-"))
                    if np and np.start - off >= lead and self._covers(between, np, off):
                        return np
            # ", says Laura Spitler, an astronomer …" at the end of the sentence; "…,
            # ha asegurado este martes el portavoz" (an auxiliary before the participle)
            if re.search(r"[,—–]\s*$", _TRAILING_AUX_RE.sub("", between)):
                np = self.np_after(seg[v.end() :].lstrip(" \u00a0"), off + _lead(seg, v.end()))
                if np:
                    return np
            mm = re.search(r"[,—–]\s*([^,;:\x00]{1,60}?)\s*$", between)
            if mm:
                np = self.np_before(between, off)
                # only the clause after the last comma has to be the speaker:
                # "rose “slightly” by 25 percent …, from 2.18 percent …, the authors wrote"
                tail = mm.start(1)
                covered = self._covers(between, np, off) if np else False
                if np and not covered and len(between[:tail].split()) > 2:
                    # the words up to the last comma may qualify the quote, as long as
                    # they open no clause of their own (… deal that fails to …)
                    covered = not any(
                        w.lower() in CLAUSE_WORDS for w in _WORDS.findall(between[:tail])
                    ) and self._covers(between[tail:], np, off + tail)
                if np and np.start - off >= tail and covered:
                    return np
        return None

    def opinion_of(self, seg: str, off: int) -> _NP | None:
        """ "Pour Marine Le Pen, « … »", "Para el ministro, “…”": a sentence that opens
        with whose view it gives, written as a whole phrase up to the comma."""
        op = _OPINION_OF.match(seg)
        if not op:
            return None
        who = op.group(1)
        pos = op.start(1)
        if _is_cap(who.split()[0]):
            np = self._cap_run(seg, off, pos)
            toks = np.text.split() if np else []
            if np and np.end - off == op.end(1) and self._name_ok(toks, strict=False):
                return np
            return None
        if _personish(who) and who.split()[0].lower() in DETERMINERS:
            ap = re.match(r"\s*,\s*([^,;:\x00]{1,50}?)\s*,", seg[op.end(1) :])
            if ap and _is_cap(ap.group(1).split()[0]):
                # "Para el ministro de Economía, Luis de Guindos, “…”"
                p2 = op.end(1) + ap.start(1)
                np = self._cap_run(seg, off, p2)
                if (
                    np
                    and np.end - off == op.end(1) + ap.end(1)
                    and self._name_ok(np.text.split(), strict=False)
                ):
                    return np
            return _NP("phrase", who, off + pos, off + op.end(1))
        return None

    def _cap_run(self, seg: str, off: int, pos: int) -> _NP | None:
        """The capitalised words at seg[pos:], taken as a name."""
        run = _CAP_RUN.match(seg, pos)
        if not run:
            return None
        toks = _clean_tokens(run.group(0).split())
        if not toks:
            return None
        k = run.group(0).find(toks[0])
        ps = off + run.start() + k
        pe = ps + len(" ".join(toks))
        return _NP("name", self.text[ps:pe], ps, pe)

    def _names_someone(self, seg: str) -> bool:
        """ "dijo en un comunicado el ministro Pedro Sánchez": the subject comes late."""
        sent = re.split(r"[.;!?]", seg, maxsplit=1)[0]
        if any(
            self.people.is_person(_clean_tokens(m.group(0).split()))
            for m in _CAP_RUN.finditer(sent)
        ):
            return True
        words = _WORDS.findall(sent.lower())
        return any(
            a in ("el", "la") and (b in _ROLE_NOUNS or b in _PERSON_NOUNS)
            for a, b in itertools.pairwise(words)
        )

    def _inverted_name(self, seg: str, off: int, pos: int) -> _NP | None:
        """ "«…», expresó Sing’Oei." — a capitalised name that closes the sentence right
        after the verb is the speaker even when the article never gave a first name."""
        run = _CAP_RUN.match(seg, pos)
        if not run or not _AFTER_INVERTED.match(seg, run.end()):
            return None
        toks = _clean_tokens(run.group(0).split())
        if not toks or len(toks) > 4 or not self._name_ok(toks, strict=False):
            return None
        k = run.group(0).find(toks[0])
        ps = off + run.start() + k
        pe = ps + len(" ".join(toks))
        return _NP("name", self.text[ps:pe], ps, pe)

    def _covers(self, between: str, np: _NP, off: int) -> bool:
        """The words between a quote and its verb must be the speaker and nothing else
        (so "… campaign did not appeal to Julie Graham, … she said" is no attribution)."""
        head = between[: np.start - off]
        words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", head)]
        return (
            all(
                w.lower() in STOP_CAPS
                or w.lower() in DETERMINERS
                or w.lower() in TITLES
                or _is_cap(w)
                # a role written in lower case: "company CEO Andy Vesey said"
                or (w.lower() in _ROLE_WORDS and np.kind == "name")
                for w in words
            )
            and len(words) <= 5
        )

    def before(self, seg: str, off: int, verbs: re.Pattern[str] | None = None) -> _NP | None:
        """X said: "…" / X told them it was his "duty" / according to X, "…"."""
        verbs = verbs or self.verbs
        best: _NP | None = None
        best_pos = -1
        accs = list(_ACCORDING.finditer(seg))
        acc = accs[-1] if accs else None
        if acc:
            np = self.np_after(seg[acc.end() :], off + acc.end())
            if np:
                best, best_pos = np, acc.start()
        else:
            np = self.opinion_of(seg, off)
            if np:
                best, best_pos = np, 0
        for v in reversed(list(verbs.finditer(seg))):
            if v.start() < best_pos:
                break
            np = self.subject_of(seg, off, v)
            if np:
                return np
        return best

    def subject_of(self, seg: str, off: int, v: re.Match[str]) -> _NP | None:
        """Who does the speaking verb v belong to: the phrase before it ("Boudreau said"),
        or after it when the verb follows a comma ("…, said Hill", „…“, sagt Stenger)."""
        pre = seg[: v.start()]
        if v.group(0).lower() in ("dire", "decir", "sagen"):
            return None  # "c’est … dire 'après moi le déluge'": an infinitive has no subject
        if self.lang == "en" and v.group(0).lower().endswith("ing"):
            m = re.search(r"\bwith\s+([^,;:()\x00]{1,80})$", pre.rstrip())
            if m:
                # "…, with Foreign Minister Ayman Safadi warning of “…”"
                return self.np_before(m.group(1) + " ", off + m.start(1))
            return None  # "…, telling Cook": the subject is elsewhere
        after_comma = not pre.strip() or re.search(r"[,—–:\x00]\s*$", pre)
        if (
            self.lang == "en"
            and after_comma
            and pre.rstrip().endswith(",")
            and re.search(r"[^\W\d_]", pre)
            and "\x00" not in pre
        ):
            # "Jeffrey Wall, who was a top official …, said the Biden solicitor general
            # faces “…”": the comma closes an aside about the subject, it does not
            # invert the verb
            np = self.np_before(pre, off)
            if np and np.kind == "name":
                return np
        post = seg[v.end() :]
        post_off = off + v.end() + len(post) - len(post.lstrip(" \u00a0"))
        invertible = self.lang != "en" or v.group(0).lower() not in _OBJECT_VERBS
        if after_comma and invertible:
            np = self.np_after(post.lstrip(" \u00a0"), post_off)
            if np and np.kind in ("name", "phrase"):
                return np
            if np and np.kind == "pron" and self.lang != "en" and np.start == post_off:
                # "Auf die Frage, ob er zufrieden sei, antwortete er: „Ja“": the
                # pronoun right after the verb is its subject, not the phrase before;
                # "Während Ministerpräsident Seehofer … wartete, antwortete er": the
                # subject of the clause the sentence opens with
                sub = _SUBORDINATE.match(pre)
                run = _CAP_RUN.match(pre, sub.end()) if sub else None
                if run:
                    raw = run.group(0).split()
                    toks = _clean_tokens(raw)
                    if toks and (self.people.is_person(toks) or _is_title(raw[0])):
                        name = self._cap_run(pre, off, sub.end())
                        if name:
                            return name
                return np
            if pre.strip():
                # "La langue est la meilleure et la pire des choses, disait Esope."
                np = self._inverted_name(seg, off, v.end() + len(post) - len(post.lstrip()))
                if np:
                    return np
        np = self.np_before(pre, off)
        if np:
            return np
        if self.lang != "en" or (after_comma and invertible):
            np = self.np_after(post.lstrip(" \u00a0"), post_off)
            if np and (np.kind != "pron" or self.lang != "en"):
                return np
        return None

    def mention(self, seg: str, off: int, lax: bool, any_position: bool = False) -> _NP | None:
        """The first person named in a stretch of text (the likely subject)."""
        for m in _CAP_RUN.finditer(seg):
            before = seg[: m.start()].rstrip()
            prev = re.search(r"([^\W\d_]+)[’']?$", before)
            # "the career of Martine Aubry" is no subject; "denied by Andrew" is one
            if not any_position and prev and prev.group(1).lower() in _NOT_SUBJECT_BEFORE:
                continue
            raw = m.group(0)
            if raw.endswith(("’s", "'s")):
                continue  # a possessive is rarely the speaker
            toks = _clean_tokens(raw.split())
            if not toks or toks[0].lower() in STOP_CAPS:
                continue
            if (
                self.lang == "de"
                and len(toks) >= 2
                and not _given(toks[0])
                and toks[-1] in self.people.surnames
                and tuple(toks) not in self.people._seen
            ):
                toks = toks[-1:]  # "dass die Milizmänner Relotius angelogen haben": a noun
            initial = not before.strip(" \x00“\"„«»‘'‚")
            if self.people.is_person(toks) or (
                lax
                and self._name_ok(toks)
                and self.lang == "en"
                and not (initial and len(toks) == 1)
            ):
                k = raw.find(toks[0])
                s = off + m.start() + k
                e = s + len(" ".join(toks))
                return _NP("name", self.text[s:e], s, e)
        return None


_REL_CLAUSE = re.compile(
    r",\s*(?:que|qui|who|which|quien|dont|der|die|das)\b[^,;:\x00]{1,80},\s*$", re.I
)
# "…, told VOA correspondent Carla Babb": after these the name is the listener
_OBJECT_VERBS = _words(
    "told tells urged urges assured reminded warned accused accuses called described rejected "
    "dismissed slammed assailed branded labelled labeled"
)
_ROLE_WORDS = _words(
    """
company team party state city county club group agency campaign union board police fire
department committee council ministry government army navy court university school hospital
former then deputy acting interim chief senior lead executive managing general vice
assistant associate co-founder founder
"""
)
_CLAUSE_AUX = _words(
    """
would will could can should may might must is was are were has had have does did wants
wanted plans planned hopes expects würde wird werde könne könnte sei wäre habe hätte soll
sollte muss müsse will wolle sera serait était est a avait va pourrait doit devrait sería será
es era ha había va podría debe debería
"""
)
_LEAD_ADVERBS = _words(
    "also then later again auch noch dann weiter zudem ebenfalls außerdem aussi encore ensuite "
    "également también además luego después ya"
)
_TRAILING_AUX_RE = re.compile(
    r"(?:\s+(?:"
    + "|".join(sorted(map(re.escape, TRAILING_AUX), key=len, reverse=True))
    + r"|[a-z]+ly))+\s*$"
)
_APPOSITION = re.compile(r"(?<=[^\W\d_]),\s*[^,;:\x00]{1,100},\s*$")
_SUBJECT_NP = re.compile(
    r"\s*((?:(?:The|A|An|One|Another|Le|La|Les|El|Los|Las|Der|Die|Das|Ein|Eine|Un|Une|Una)\s+"
    r"|L[’'])[^\W\d_][\w’'-]+)"
    r"\s+[^\W\d_A-ZÀ-Þ]"
)
_SUBJECT_NAME = re.compile(r"\s*([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?)\s+[a-zß-ÿ]")
_QUOTED_TAIL = re.compile(r"\s*[‘'\"“«„‚][^’'\"”»“‘\n]{1,40}[’'\"”»“‘]")
_GROUP_NOUNS = _words(
    """
police staff management government officials authorities prosecutors investigators spokesman
spokeswoman spokesperson experts analysts residents witnesses researchers scientists organizers
organisers critics officers doctors lawyers sources aides advisers advisors members lawmakers
officials activists protesters economists
grévistes manifestants syndicats syndicalistes habitants riverains élus enquêteurs chercheurs
experts militants salariés agriculteurs huelguistas manifestantes sindicatos vecinos expertos
investigadores trabajadores agricultores autoridades demonstranten gewerkschaften anwohner
experten forscher ermittler beschäftigten
"""
)


_NOT_SUBJECT_BEFORE = (PREPOSITIONS - {"by", "von", "par", "por"}) | {"d", "l"}
_PERSON_NOUNS = _words(
    """
official spokesman spokeswoman spokesperson representative source expert minister president
author writer actor actress singer
officer analyst lawyer attorney witness man woman leader director chief member aide adviser
advisor executive manager founder chairman chairwoman secretary senator governor mayor judge
coach player doctor scientist researcher professor teacher student resident father mother son
daughter wife husband friend neighbour neighbor victim suspect official officials sources
sprecher sprecherin politiker minister ministerin anwalt anwältin experte expertin mann frau
porte-parole ministre président responsable proche avocat expert homme femme entourage
portavoz ministro ministra presidente abogado experto hombre mujer responsable
"""
)


_PERSON_NP = re.compile(
    r"\b(?i:a|an|one|another|the|this|that|un|une|el|la|ein|eine|der|die)\s+"
    r"((?:[a-zà-ÿ][\w’'-]*\s+){0,2})([a-zà-ÿ][\w’'-]*)\b"
)
_APPOSED_NAME = re.compile(
    r"\s*,\s*((?:[A-ZÀ-ÖØ-Þ][\w’'-]*)(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*){0,3})\s*(?=[,.;)]|$)"
)
_FEMININE_PRONOUNS = frozenset({"she", "elle", "ella"})
_MASCULINE_PRONOUNS = frozenset({"he", "il", "él", "er"})
_FEMALE_NOUNS = _words(
    """
woman women mother daughter wife sister girl grandmother aunt queen actress spokeswoman
chairwoman businesswoman femme mère fille épouse sœur mujer madre hija esposa hermana frau
mutter tochter ehefrau schwester sprecherin
"""
)
_MALE_NOUNS = _words(
    """
man men father son husband brother boy grandfather uncle king actor spokesman chairman
businessman homme père fils mari frère hombre padre hijo marido esposo hermano mann vater sohn
ehemann bruder sprecher
"""
)
# Words that make a capitalised name an organisation or a publication, not a person
_ORG_WORDS = _words(
    """
news times post journal herald tribune daily press magazine systems corporation corp inc
co company group bank university institute agency association council commission ministry
department office party league federation union army forces police court foundation fund
network networks media airlines motors robotics technologies labs
"""
)


_ROLE_NOUNS = _words(
    """
singer guitarist drummer musician actor actress artist author writer novelist director
player coach captain striker goalkeeper driver pilot judge prosecutor instructor minister titular
president senator governor mayor chairman chairwoman founder spokesman spokeswoman
spokesperson lawyer attorney politician economist scientist researcher professor chancellor
premier ambassador diplomat commander general investigator detective sheriff
juez fiscal magistrado magistrada ministro ministra presidente presidenta alcalde alcaldesa
portavoz cantante entrenador jugador político política abogado abogada instructora
politiker politikerin richter richterin ministerin präsident präsidentin sprecher sprecherin
trainer spieler spielerin sänger sängerin anwalt anwältin kanzler kanzlerin bürgermeister
juge ministre présidente maire chanteur chanteuse entraîneur joueur joueuse avocat avocate
porte-parole procureur
funcionario funcionaria senador senadora mandatario mandataria diputado diputada investigador
investigadora director directora jefe jefa actriz empresario empresaria gobernador gobernadora
secretario secretaria canciller dirigente líder vocero vocera experto experta especialista
periodista profesor profesora inspector inspectora comandante coronel médico médica doctor
doctora científico científica escritor escritora autor autora sindicalista jueza rector rectora
concejal concejala exministro exministra expresidente expresidenta candidato candidata activista
representante delegado delegada embajador embajadora analista obispo cardenal
actrice acteur sénateur sénatrice député députée directeur directrice dirigeant dirigeante
responsable président professeur professeure chercheur chercheuse écrivain écrivaine auteur
autrice philosophe anthropologue sociologue historien historienne journaliste militant militante
syndicaliste patron patronne secrétaire élu élue conseiller conseillère chef cheffe candidat
candidate ambassadeur ambassadrice commissaire enquêteur enquêtrice policier policière médecin
spécialiste sélectionneur capitaine réalisateur réalisatrice cinéaste comédien comédienne
romancier romancière politique
abgeordnete abgeordneter senatorin direktor direktorin chefin vorsitzende vorsitzender
professorin forscher forscherin wissenschaftler wissenschaftlerin journalist journalistin
schauspieler schauspielerin autorin experte expertin unternehmer unternehmerin ökonom ökonomin
regisseur regisseurin geschäftsführer geschäftsführerin manager managerin ermittler ermittlerin
staatsanwalt staatsanwältin polizist polizistin arzt ärztin bischof kandidat kandidatin
aktivist aktivistin botschafter botschafterin künstler künstlerin
reporter reporterin korrespondent korrespondentin redakteur redakteurin chefredakteur
chefredakteurin dokumentar kollege kollegin correspondent editor columnist
"""
)


_GENERIC_ROLES = _words(
    "official funcionario funcionaria responsable dirigente político política politician "
    "politiker politikerin funktionär funktionärin élu élue"
)


def _role_description(phrase: str) -> bool:
    """A definite description of one person by role, with no name in it:
    "the singer and guitarist", "el instructor del ‘caso Noos’", "der Politiker"."""
    bare = _QUOTED_PART.sub("", phrase.replace("\x00", ""))  # names in marks are titles
    m = re.match(
        r"(?:the|el|la|le|der|die|l[’'])\s*([^\W\d_][\w-]*|\d+-[^\W\d_][\w-]*)", bare, re.I
    )
    if not m:
        return False
    noun = m.group(1).lower()
    base = noun.rsplit("-", 1)[-1]  # "der DJV-Vorsitzende"
    if not (
        noun in _ROLE_NOUNS
        or _AGE_NOUN.fullmatch(noun)
        or (base != noun and (base in _ROLE_NOUNS or base.endswith(_TITLE_ENDINGS)))
    ):
        return False
    return not any(_given(w) for w in _WORDS.findall(bare))


_QUOTED_PART = re.compile(r"[‘'\"“«„‚][^’'\"”»“‘]*[’'\"”»“‘]")
# a person named by age alone, as German and English reports do on second mention
_AGE_NOUN = re.compile(r"\d+-(?:jährige[rn]?|year-old)", re.I)


def _group_phrase(phrase: str) -> bool:
    """ "officials", "the police", "two witnesses": a plural speaker for "they"."""
    words = _WORDS.findall(phrase.lower())
    return bool(words) and (words[-1] in _GROUP_NOUNS or words[-1] in {"people", "officers"})


def _personish(phrase: str) -> bool:
    """Can "he" or "she" point back to this phrase? "a NATO official" yes, "a photo" no."""
    words = [re.sub(r"^[ld][’']", "", w) for w in _WORDS.findall(phrase.lower())]
    return any(
        w in _PERSON_NOUNS
        or w[:-1] in _PERSON_NOUNS
        or w in _ROLE_NOUNS
        or w in _GROUP_NOUNS
        or _is_title(w)
        for w in words
    )


def _bare_group(toks: list[tuple[str, int, int]]) -> bool:
    """ "Officials said", "police said": a speaker written without a determiner."""
    if not toks or len(toks) > 5:
        return False
    if any(t[0].lower() in STOP_CAPS - {"former"} or t[0].lower() in TRAILING_AUX for t in toks):
        return False
    return toks[-1][0].lower() in _GROUP_NOUNS


def _lead(seg: str, pos: int) -> int:
    """Offset of the first non-space character at or after pos."""
    while pos < len(seg) and seg[pos] in " \u00a0":
        pos += 1
    return pos


# --------------------------------------------------------------------------------------
# Speech or term?
# --------------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
_CONJ = re.compile(r"\s*(?:,|or|and|ou|et|oder|und|o|y|u|,\s*and|,\s*or)?\s*", re.I)


def _classify(ctx: _Ctx, spans: list[_Span], masked: str, att: _Attributor) -> None:
    """Mark spans that are names, titles, slogans or mentioned words, not speech."""
    text = ctx.text
    has_double = any(text[sp.open] in '“"„«»' for sp in spans if sp.parent < 0)
    keys: dict[str, list[int]] = {}
    lead_lines = _lead_lines(text, att.headline_line)
    for i, sp in enumerate(spans):
        core = text[sp.start : sp.end].strip(" .,;:!?…-–—\u00a0").casefold()
        keys.setdefault(core, []).append(i)
    for i, sp in enumerate(spans):
        content = text[sp.start : sp.end]
        core = content.strip(" .,;:!?…-–—\u00a0")
        words = _WORDS.findall(core)
        nw = len(words)
        if nw == 0:
            sp.is_quote = False
            continue
        short = nw <= 4
        ends_punct = content.rstrip()[-1:] in ",.!?;:…"
        line_start = text.rfind("\n", 0, sp.open) + 1
        pre = text[max(line_start, sp.open - 60) : sp.open]
        post = text[sp.close + 1 : sp.close + 40] if sp.closed else ""
        term = False
        if nw <= 8:
            tb = _TERM_BEFORE.search(pre)
            if tb and not _ACCORDING.search(pre, max(0, tb.start() - 20), tb.start()):
                # but "illustrerait selon lui l’expression d’un « état de malaise »"
                # gives whose expression it is
                term = True
            else:
                pw = _WORDS.findall(pre[-25:])
                if pw and pw[-1].lower() in _TERM_NOUNS and not pre.rstrip().endswith((",", ":")):
                    term = True
                elif (
                    len(pw) >= 2
                    and pw[-1].lower() in ("de", "du", "des")
                    and pw[-2].lower() in _TERM_NOUNS
                ):
                    term = True  # el rubro de “alimentos y bebidas”, la catégorie des « … »
        if text[sp.open] in "「『" and sp.closed and not _JA_SPEECH.match(text, sp.close + 1):
            # Japanese brackets also hold names (護衛艦「きりさめ」が); speech goes on with と/って
            term = True
        if short and not term and sp.closed and not ends_punct:
            nxt = _WORDS.match(post.lstrip())
            if nxt and nxt.group(0).lower() in _TERM_NOUNS:
                term = True
        if (
            short
            and not term
            and core[:1].isupper()
            and not ends_punct
            and re.search(r"(?<![\w’'-])" + re.escape(core) + r"(?![\w’'-])", masked)
        ):
            term = True  # „Extrablatt“ also written without marks: a name, not speech
        if short and not term:
            same = keys.get(core.casefold(), [])
            if core[:1].isupper():
                pass  # a slogan or a name repeated from the headline stays one
            elif sp.line in lead_lines:
                same = [i]
            else:
                # the headline or standfirst repeating a word the body quotes ("califica a
                # Biden de “incapacitado”") is no sign of a term
                same = [j for j in same if spans[j].line not in lead_lines]
            if len(same) >= 2:
                if core[:1].isupper():
                    if not any(spans[j].explicit_after for j in same):
                        term = True
                elif not any(spans[j].explicit_after for j in same) or (
                    same[0] != i and not sp.explicit
                ):
                    term = True
        headline = sp.line == att.headline_line
        if nw <= 8 and not term and sp.parent < 0 and not headline and not sp.explicit_after:
            ss, se = att.sents[att.sent_of(sp.open)]
            prev_close = ss
            for q in spans[:i]:
                if q.parent < 0:
                    # a verb that attributes the previous quote says nothing about this one
                    end = q.sp_end if q.explicit_after and q.sp_end else q.close
                    prev_close = max(prev_close, end)
            verb_before = ctx.verbs.search(masked, max(ss, prev_close), sp.open)
            said_before = verb_before or _ACCORDING.search(masked, ss, sp.open)
            standalone = not masked[ss : sp.open].strip(" “\"„«»‘'‚") and not masked[
                sp.close + 1 : se
            ].strip(" .!?”\"»’'")
            nxt = _WORDS.match(text, _lead(text, sp.close + 1)) if sp.closed else None
            if standalone:
                # “Please.” on its own is speech; ‘Jewels after Jewels’ alone on a
                # line of a credits block is a title
                term = not ends_punct and nw >= 2 and _title_case(words)
            elif not said_before and _title_case(words):
                # “Star Wars,” “Mary Poppins” and “Bambi.”: titles and names
                term = True
            elif _headline_case(words):
                # “Listen To The Music,” “What A Fool Believes”: even after "according
                # to", capitalised small words mark a title, not speech
                term = True
            elif short and not ends_punct and _CALLED_DET_BEFORE.search(pre):
                term = True  # what some have called the “Belfastisation” of the city
            elif not short:
                pass
            elif text[sp.open] in "‘'‚" and (has_double or ctx.lang != "en") and not verb_before:
                # an article that quotes speech in double marks uses single ones for
                # scare quotes and names: an ‘oxygen bar’, in ‘poor’ category
                term = True
            elif _PUBLICATION_BEFORE.search(pre):
                term = True  # sagte er gegenüber „heise online“
            elif (
                ctx.lang != "de"
                and nw <= 2
                and not ends_punct
                and not verb_before
                and _ARTICLE_BEFORE.search(pre)
                and nxt is not None
                and nxt.group(0).islower()
                and nxt.group(0) not in _NOT_NOUN_AFTER
            ):
                term = True  # a “skinny” trade deal: a scare quote inside a noun phrase
            if (
                not term
                and not standalone
                and not ends_punct
                and not sp.explicit
                and not _said_in(ctx, masked, ss, se)
            ):
                # Nobody speaks in this sentence, so a short span is a word held up for
                # inspection, not a quotation. English marks such scare quotes most
                # clearly: right after a determiner in a paragraph that reports no
                # speech (This “on-ramp” to CLPS; but "The goal is to deliver a
                # “seamless experience”" among Buser's quotes is his phrase), or right
                # before the noun it qualifies (“save the students” marches). French and German reports use guillemets for
                # borrowed phrases in the same places, so there only an indefinite
                # noun phrase of its own counts («un village de la lune»).
                low_first = words[0][:1].islower()
                if (
                    short
                    and ctx.lang == "en"
                    and _DETERMINER_BEFORE.search(pre)
                    and not _said_in(ctx, masked, line_start, _line_end(text, sp.close))
                ) or (
                    short
                    and ctx.lang == "en"
                    and nxt is not None
                    and nxt.group(0).islower()
                    and nxt.group(0) not in _NOT_NOUN_AFTER
                ):
                    term = True
                elif (
                    low_first
                    and words[0].lower() in _INDEFINITE
                    and nw <= 6
                    and not _AS_BEFORE.search(pre)
                ):
                    # but "which Apple views as “a fundamental human right”" gives
                    # Apple's own characterisation: a partial quote
                    term = True
        if (
            headline
            and nw <= 2
            and not sp.explicit
            and not any(
                j != i and _norm(core) in _norm(text[q.start : q.end]) for j, q in enumerate(spans)
            )
        ):
            # Terremoto ‘sacudió’ el bolsillo: a headline quotes speech that the body
            # then gives in full; a word or two found nowhere else is a scare quote
            term = True
        if not term and nw <= 8 and sp.parent < 0 and sp.closed:
            le = text.find("\n", sp.close)
            le = len(text) if le < 0 else le
            label, tail = text[line_start : sp.open], text[sp.close + 1 : le]
            if (
                _CITATION_LABEL.fullmatch(label)
                and _CITATION_TAIL.fullmatch(tail)
                # a source that looks like one (a domain, a date after it), not a
                # headline's "Merkel: „Wir schaffen das“"
                and ("(" in tail or re.search(r"\w[./]\w", label))
            ):
                term = True  # heise.de: „Wiki-News für China“ (14.03.2006, 15:14 Uhr MEZ)
        if (
            short
            and not term
            and sp.parent < 0
            and not ends_punct
            and ctx.lang in ("fr", "es")
            and not headline
            and _mentioned_after_determiner(ctx, masked, att, sp, pre)
        ):
            term = (
                True  # le « guillemetgate », une « rhétorique de l’urgence », un "territorio amigo"
            )
        if short and not term and sp.parent >= 0 and not ends_punct:
            outer = spans[sp.parent]
            inside = text[max(outer.start, sp.open - 50) : sp.open]
            if not ctx.nested_verbs.search(inside) and "quote" not in inside.lower():
                term = True
        if not term and i > 0:
            prev = spans[i - 1]
            if (
                not prev.is_quote
                and prev.line == sp.line
                and prev.closed
                and prev.close < sp.open
                and _CONJ.fullmatch(text[prev.close + 1 : sp.open])
                and short
            ):
                term = True
        if not term and sp.parent < 0 and _NAMING_CUE.search(pre):
            # "Das Buch mit dem Titel «Die Erfindung der Roten Armee Fraktion …»", "a
            # segment called "Final Verdict"": a name or a title, however long
            term = True
        if (
            not term
            and nw <= 3
            and sp.parent < 0
            and ctx.lang == "de"
            and not ends_punct
            and _title_case(words)
        ):
            m = re.search(r"(?<![\w’'-])([A-ZÄÖÜ][\w-]*[a-zäöüß])\s*$", pre)
            if (
                m
                and re.search(r"[a-zäöüß,]\s+$", pre[: m.start()])
                and not (ctx.people.is_person([m.group(1)]) or _given(m.group(1)))
            ):
                term = True  # „bei der US-Adressdatei »White Pages«": a noun and its name
        if (
            not term
            and nw <= 2
            and sp.parent < 0
            and words[0][:1].islower()
            and content.rstrip()[-1:] not in ".!?;:…"
            and not sp.explicit
            and not sp.explicit_after
            and not headline
        ):
            ss, se = att.sents[att.sent_of(sp.open)]
            pair = _PAIRED_SPAN.match(text, sp.close + 1) if sp.closed else None
            if pair and not _said_in(ctx, masked, ss, se):
                # "the usual “ums” and “ahs” that plague many lawyers": two words held
                # up side by side in a sentence that reports nobody's speech
                term = True
        if term and core.casefold() in _ANSWERS and not _TERM_BEFORE.search(pre):
            ps = att.sents[max(0, att.sent_of(sp.open) - 1)][0]
            if _ANSWERED.search(masked, ps, sp.open) or ctx.verbs.search(masked, ps, sp.open):
                # "antwortete er … nur mit „Ja“ und „Nein“": a one-word answer is speech
                term = False
        if term:
            sp.is_quote = False
    # “severe” or “emergency” levels: a term joined by "or"/"and" makes its partner one too
    for i in range(len(spans) - 1, 0, -1):
        sp, prev = spans[i], spans[i - 1]
        if (
            not sp.is_quote
            and prev.is_quote
            and prev.line == sp.line
            and prev.closed
            and prev.close < sp.open
            and not prev.explicit_after
            and len(_WORDS.findall(text[prev.start : prev.end])) <= 4
            and _CONJ.fullmatch(text[prev.close + 1 : sp.open])
        ):
            prev.is_quote = False


# --------------------------------------------------------------------------------------
# The whole pipeline
# --------------------------------------------------------------------------------------


# A naming word right before a quoted span: what follows is a title or a name, not speech.
# "called"/"named" only after a common noun ("a segment called"), since "what Johnson
# called “a mistake”" quotes Johnson.
_NAMING_CUE = re.compile(
    r"(?:\b(?:titled|entitled|dubbed|nicknamed|mit\s+dem\s+(?:Titel|Namen|Motto)|unter\s+dem"
    r"\s+(?:Titel|Namen|Motto)|unter\s+der\s+Überschrift|intitulée?s?|baptisée?s?"
    r"|sous\s+le\s+(?:titre|nom)\s+de|titulad[oa]s?|bajo\s+el\s+(?:título|nombre)\s+de)"
    r"|(?<![\w’'-])(?!(?:he|she|they|it|we|i|who|which|that|you|what)\s)(?-i:[a-z])[\w-]*\s+"
    r"(?:called|named))\s*[:,]?\s*$",
    re.I,
)
# Title-case words a headline goes on with after the name: "Tim Cook On Apple Being …"
_HEADLINE_STOP = _words(
    """
on about in at of for to with being and the a an over after says said say is are was were
will has have why how what vs from as by into calls tells warns slams urges im am beim zu
über sur pour sobre por en
"""
)
# Verbs of a courtroom or interview exchange: after a question put this way, a bare
# quote paragraph is the other party's answer.
_DIALOGUE_VERB = re.compile(
    r"\b(?:asked|asks|interjected|interjects|pressed|countered|interrupted|fragte|hakte"
    r"|demanda|demande|interrogea|relança|preguntó|pregunta|repreguntó|interrumpió)\b",
    re.I,
)
_PAIRED_SPAN = re.compile(r"\s+(?:and|or|und|oder|et|ou|y|o)\s+[“\"„«‘‚]", re.I)
_JA_SPEECH = re.compile(r"\s*(?:と|って|との|とも|、と)")
_DETERMINER_BEFORE = re.compile(
    r"(?:^|\s)(?:a|an|the|this|that|these|those|its|their|our|two|three|four|five|several"
    r"|some|any|no|every|each)\s*$",
    re.I,
)
_CALLED_DET_BEFORE = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:the|a|an)\s*$", re.I)
_AS_BEFORE = re.compile(r"\b(?:as|als|comme|como)\s*$", re.I)
_INDEFINITE = _words("a an un une ein eine einen einem einer eines uno una unos unas")


# French and Spanish determiners, and the few adjectives that stand between one and
# its noun ("les fameux « éléments de langage »", "tous les « mots pétrifiés »")
_FR_ES_DETERMINER = re.compile(
    r"(?:^|[\s(’'])(?:le|la|les|l[’']|un|une|des|du|au|aux|ce|cet|cette|ces|mon|ma|mes|son|sa|ses"
    r"|notre|nos|votre|vos|leur|leurs|el|los|las|lo|una|unos|unas|del|al|su|sus|este|esta|estos"
    r"|estas|ese|esa|esos|esas|nuestro|nuestra|nuestros|nuestras)"
    r"(?:\s+(?:fameux|fameuse|fameuses|prétendu|prétendue|prétendus|soi-disant|supposé|supposée"
    r"|nouveau|nouvelle|nouveaux|nouvelles|véritable|vrai|vraie|famoso|famosa|famosos|famosas"
    r"|supuesto|supuesta|supuestos|supuestas|nuevo|nueva|nuevos|nuevas|verdadero|verdadera))?"
    r"\s*$",
    re.I,
)
# a speech noun with its preposition: "son discours sur le «nouveau modèle français»"
# quotes the speech, it does not hold the words up
_SPEECH_ABOUT = re.compile(
    r"\b(?:discours|déclaration|intervention|allocution|propos|message|lettre|tribune"
    r"|plaintes?|critiques?|discurso|declaración|declaraciones|mensaje|carta|intervención"
    r"|quejas?|denuncias?|críticas?)\s+(?:sur|sobre|de)\s+\S+\s*$",
    re.I,
)


# role nouns that name the same office: "el juez Castro … dijo el instructor del caso"
_ROLE_KIN = {
    w: group.split()[0]
    for group in (
        "juez jueza instructor instructora magistrado magistrada judge juge richter richterin",
        "fiscal prosecutor procureur staatsanwalt staatsanwältin",
        "presidente presidenta mandatario mandataria president président présidente "
        "präsident präsidentin",
        "ministro ministra minister ministre ministerin titular",
        "alcalde alcaldesa mayor maire bürgermeister bürgermeisterin",
    )
    for w in group.split()
}
# one-word answers, and the words that show a question was put
_ANSWERS = _words("ja nein yes no oui non sí si jawohl doch nö")
_ANSWERED = re.compile(
    r"(?<![\w])(?:frage|fragen|question|questions|pregunta|preguntas|antwort\w*|answer\w*"
    r"|répon\w*|respon\w*|contest\w*)(?![\w])",
    re.I,
)


def _mentioned_after_determiner(
    ctx: _Ctx, masked: str, att: _Attributor, sp: _Span, pre: str
) -> bool:
    """Is a short span the head of a noun phrase whose determiner stands outside the
    marks (« commissions spéciales » after "aux", "un « mais »")? The narrator then
    holds the words up as a label; a partial quote starts inside the marks
    («l’aveu accablant») or follows the noun it qualifies (l’accord «historique»).
    The same words still quote someone when the narrator says whose they are
    ("selon lui l’expression d’un « état de malaise »") or when they are what a
    speech verb reports ("ha garantizado la “transparencia”")."""
    m = _FR_ES_DETERMINER.search(pre)
    if not m:
        return False
    if _SPEECH_ABOUT.search(pre):
        return False
    ss = att.sents[att.sent_of(sp.open)][0]
    if _ACCORDING.search(masked, ss, sp.open):
        return False
    before = masked[max(ss, sp.open - len(pre)) : sp.open - (len(pre) - m.start())]
    return not re.search(r"(?:" + ctx.verbs.pattern + r")\s*$", before, re.I)


def _lead_lines(text: str, headline_line: int) -> set[int]:
    """The headline and the standfirst under it, which restate what the body says."""
    if headline_line < 0:
        return set()
    out: set[int] = set()
    for n, line in enumerate(text.split("\n")):
        if n < headline_line or not line.strip():
            continue
        out.add(n)
        if len(out) == 2 or len(line) > 300:
            break
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _said_in(ctx: _Ctx, masked: str, s: int, e: int) -> bool:
    """Does the narrator's text of this sentence report speech at all? A passive
    ("could yet be called in") reports nobody's words."""
    if _ACCORDING.search(masked, s, e):
        return True
    for v in ctx.verbs.finditer(masked, s, e):
        if not _PASSIVE_BEFORE.search(masked, max(s, v.start() - 12), v.start()):
            return True
    return False


_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.I)


_ARTICLE_BEFORE = re.compile(
    r"(?:^|\s)(?:a|an|the|his|her|its|their|un|une|le|la|les|el|los|las)\s*$", re.I
)
_NOT_NOUN_AFTER = _words(
    "to for and or that who which will would is was are were has have had can could should may "
    "might in on at of with by from as than but because when if de du des et ou que qui est y "
    "o es en con por para a al del los las el la le les se sur dans pour avec"
)
_FUNCTION_WORDS = _words(
    """
of the a an and in on at to for de la le les du des der die das von und y el los las del
after before with from by into over or vs
"""
)
_SMALL_WORDS = _words("it is you me my your we us our he his she her i be are was")
_PUBLICATION_BEFORE = re.compile(
    r"\b(?:gegenüber|laut|zufolge|according\s+to|selon|según|d[’']après|interview\s+with"
    r"|quoted\s+by|cited\s+by)\s+(?:(?:der|die|dem|den|the|la|le|el|l[’'])\s*)?$",
    re.I,
)
_CITATION_LABEL = re.compile(r"[\s\-–•*]*[\w.\-/]{1,40}(?:\s[\w.\-/]{1,20}){0,2}:\s*")
_CITATION_TAIL = re.compile(r"\s*(?:\([^)]*\))?\s*\.?\s*")


def _headline_case(words: list[str]) -> bool:
    """Title Case that capitalises even the small words ("What A Fool Believes")."""
    return (
        len(words) >= 3
        and all(w[:1].isupper() for w in words)
        and any(w.lower() in _FUNCTION_WORDS | _SMALL_WORDS for w in words[1:])
    )


def _title_case(words: list[str]) -> bool:
    """Every word capitalised except small function words: a title or a name."""
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words)


def _mask(text: str, spans: list[_Span]) -> str:
    """Hide quote contents so that sentence splitting and attribution only see
    the narrator's words; keep a final . ! ? so sentence ends stay visible."""
    chars = list(text)
    for sp in spans:
        if sp.parent >= 0:
            continue
        end = sp.end
        while end > sp.start and text[end - 1] in ".!?…":
            end -= 1
        for k in range(sp.start, end):
            if chars[k] != "\n":
                chars[k] = "\x00"
    return "".join(chars)


def extract_quotes(text: str) -> list[Quote]:
    """Every direct quotation in `text`, sorted by start, with its speaker.

    `text` is an article's plain text (blocks separated by newlines, the first
    line usually the headline). Pure and fast: no IO, regexes compiled once.
    """
    if not text or (not any(c in _QUOTE_CHARS for c in text) and "—" not in text):
        return []
    spans = _scan(text)
    if not spans and "—" not in text:
        return []
    ctx = _Ctx(text)
    if ctx.lang in ("fr", "es"):
        spans = _split_incises(text, spans, ctx.verbs)
    if ctx.lang in ("es", "fr") and "—" in text:
        spans = _dialogue_spans(text, spans, ctx.verbs)
    masked = _mask(text, spans)
    return _Attributor(ctx, spans, masked).run()


class _Attributor:
    """Find a speaker for every quote: explicit patterns first, then context."""

    def __init__(self, ctx: _Ctx, spans: list[_Span], masked: str) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.spans = spans
        self.masked = masked
        self.sents = _sentences(masked)
        self.starts = [s for s, _ in self.sents]
        self.known: set[str] = set()
        self.nps: dict[int, _NP] = {}
        self._cands: dict[int, list[tuple[str, _NP]]] = {}
        # "she said" once pointed at Prelogar, so a later "he" means someone else
        self.gender: dict[str, str] = {}
        first = re.search(r"\S", self.text)
        self.headline_line = -1
        if first:
            le = self.text.find("\n", first.start())
            line = self.text[first.start() : le if le >= 0 else len(self.text)].rstrip()
            # a headline is short and does not end like a sentence
            bare = line.rstrip("”\"’'»“«›‹")
            if len(line) <= 200 and (
                not bare.endswith((".", "!", ";"))
                # "Von der Leyen im EU-Parlament: „… hervorgehen.“": the full stop is
                # the quote's, and a colon hands the line over to it
                or (bare != line and re.match(r"(?:\S+\s+){0,5}\S+\s*:\s*[“\"„«‘‚]", line))
            ):
                self.headline_line = self.text.count("\n", 0, first.start())

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def canon(self, np: _NP) -> str:
        if np.kind == "name":
            toks = _clean_tokens(np.text.split())
            return " ".join(self.ctx.people.fullest(toks))
        m = re.fullmatch(r"(?:the|der|die|le|la|el)\s+([^\W\d_]+)", np.text.strip(" ,.;:"), re.I)
        if m and self.ctx.people.by_title.get(m.group(1).lower()):
            return str(self.ctx.people.by_title[m.group(1).lower()])  # "the president"
        return np.text.strip(" ,.;:")

    # ---- pass 1: explicit attributions --------------------------------------------

    def explicit(self) -> None:
        ctx, masked = self.ctx, self.masked
        top = [i for i, sp in enumerate(self.spans) if sp.parent < 0]
        for n, i in enumerate(top):
            sp = self.spans[i]
            si = self.sent_of(sp.open)
            ss, se = self.sents[si]
            np = None
            # "Batjer said that “… it endangers lives.” She said …": a quote that ends
            # its sentence after the narrator introduced it takes no attribution from
            # the next sentence
            introduced = self.text[sp.start : sp.end].rstrip()[-1:] in ".!?…" and bool(
                re.search(r"[^\W\d_]", masked[ss : sp.open])
            )
            if sp.closed and not introduced:
                nxt = _lead(masked, sp.close + 1)
                end = self.sents[self.sent_of(nxt)][1] if nxt < len(masked) else se
                end = max(end, se)
                k2 = self.sent_of(end)
                if (
                    not masked[sp.close + 1 : end].strip(" .!?\u00a0")
                    and k2 + 1 < len(self.sents)
                    and "\n" not in masked[sp.close : self.sents[k2 + 1][0]]
                    and _POINTS_BACK.match(masked, self.sents[k2 + 1][0])
                ):
                    # "«No vamos a tolerar la violencia». Así lo afirmó el ministro": the
                    # next sentence may point back at the quote
                    end = self.sents[k2 + 1][1]
                m2 = n + 1
                while m2 < len(top) and self._embedded(self.spans[top[m2]]):
                    m2 += 1  # the "Pose" actor said: a title inside the speaker phrase
                if m2 < len(top) and self.spans[top[m2]].open < end:
                    end = self.spans[top[m2]].open
                np = ctx.after(masked[sp.close + 1 : end], sp.close + 1)
                if (
                    np is not None
                    and m2 < len(top)
                    and self.spans[top[m2]].open == end
                    and masked[sp.close + 1 : end].rstrip()[-1:] in ",:"
                    and re.search(r"[^\W\d_]", masked[ss : sp.open])
                ):
                    # "After hitting “Takin’ It To the Streets,” the singer told the
                    # audience, “…”": mid-sentence, the verb introduces the next quote
                    np = None
                sp.explicit_after = np is not None and np.kind != "first"
            if np is None:
                start = ss
                if n > 0 and self.spans[top[n - 1]].close >= ss:
                    start = max(start, self.spans[top[n - 1]].close + 1)
                if start < sp.open:
                    np = ctx.before(masked[start : sp.open], start)
            if np is None and ctx.lang == "fr":
                # "« Il faudrait … errantes – observe-t-il dans un autre livre … »": an
                # incise between dashes inside the guillemets
                m = _FR_DASH_INCISE.search(self.text, sp.start, sp.end)
                if m and ctx.verbs.fullmatch(m.group(1)):
                    np = _NP("pron", m.group(2), m.start(2), m.end(2))
            self._set(sp, i, np)
        for i, sp in enumerate(self.spans):
            if sp.parent < 0:
                continue
            outer = self.spans[sp.parent]
            start = outer.start
            for j in range(i - 1, sp.parent, -1):
                if self.spans[j].parent == sp.parent and self.spans[j].close < sp.open:
                    start = self.spans[j].close + 1
                    break
            np = ctx.before(self.text[start : sp.open], start, ctx.nested_verbs)
            self._set(sp, i, np)

    def _embedded(self, sp: _Span) -> bool:
        """A word or two in marks inside the narration ("the “Pose” actor"), which
        does not end the stretch where an attribution is looked for."""
        content = self.text[sp.start : sp.end]
        return (
            sp.closed
            and len(_WORDS.findall(content)) <= 3
            and content.rstrip()[-1:] not in ",.!?;:"
            and bool(re.match(r" [a-z]", self.text[sp.close + 1 : sp.close + 3]))
        )

    def _set(self, sp: _Span, i: int, np: _NP | None) -> None:
        if np is None or np.kind == "first":
            return
        sp.explicit = True
        self.nps[i] = np
        sp.sp_kind = np.kind
        sp.sp_start, sp.sp_end = np.start, np.end
        if np.kind == "name":
            toks = _clean_tokens(np.text.split())
            self.ctx.people.add(toks)
        if np.kind != "pron":
            sp.speaker = self.canon(np)

    # ---- pass 2: context ----------------------------------------------------------

    def run(self) -> list[Quote]:
        self.explicit()
        _classify(self.ctx, self.spans, self.masked, self)
        for i in self.nps:
            sp = self.spans[i]
            if sp.speaker and sp.sp_kind == "name":
                sp.speaker = self.canon(self.nps[i])
                self.known.add(sp.speaker)
        for i, sp in enumerate(self.spans):
            if not sp.is_quote and sp.parent < 0 and not sp.explicit:
                continue
            if sp.sp_kind == "pron":
                self._resolve(sp, self.nps[i])
            elif sp.sp_kind == "phrase" and i in self.nps and _role_description(self.nps[i].text):
                self._describe(sp, self.nps[i])
            elif not sp.speaker:
                self._fallback(i, sp)
        self._headline()
        out = []
        for sp in self.spans:
            if sp.is_quote:
                out.append(
                    Quote(
                        sp.start,
                        sp.end,
                        self.text[sp.start : sp.end],
                        sp.speaker,
                        sp.sp_start,
                        sp.sp_end,
                    )
                )
        return out

    # ---- the headline ---------------------------------------------------------------

    def _headline(self) -> None:
        """Headlines attribute in shorthand: "Merkel: „Wir schaffen das“", "Tim Cook On
        Apple Being ‘Pulled Into The Enterprise’", "‘Meth. We’re on it.’: Spokane ad
        agencies divided …". The TUI also runs on a headline alone, so the speaker must
        be a person or a short description, never a run of title-case words."""
        hl = self.headline_line
        if hl < 0:
            return
        text = self.text
        for sp in self.spans:
            if not sp.is_quote or sp.parent >= 0 or sp.line != hl:
                continue
            ls = text.rfind("\n", 0, sp.open) + 1
            le = _line_end(text, sp.open)
            pre = text[ls : sp.open]
            post = text[sp.close + 1 : le] if sp.closed else ""
            if pre.rstrip().endswith(":") and len(pre.strip()) > 1 and len(pre.split()) <= 12:
                # "Sheila Atim: „…“", "Prison official: ‘Anyone’ could escape"
                who = self._headline_speaker(pre.rstrip()[:-1], ls)
                if who and (
                    not sp.speaker
                    or len(sp.speaker.split()) == 1
                    or any(t.lower() in _HEADLINE_STOP for t in sp.speaker.split())
                ):
                    sp.speaker, sp.sp_start, sp.sp_end = who
            elif not pre.strip(" ‘'“\"«„‚") and post.lstrip().startswith(":"):
                # "‘Meth. We’re on it.’: Spokane ad agencies divided on …": a slogan the
                # story is about, unless a person, or someone who speaks, follows
                clause = post.lstrip()[1:]
                toks = (sp.speaker or "").split()
                at_start = sp.sp_start is not None and not text[sp.close + 1 : sp.sp_start].strip(
                    " :\u00a0\x00"
                )
                if sp.speaker and not (
                    self.ctx.verbs.search(clause)
                    or (at_start and len(toks) >= 2 and self.ctx.people.is_person(toks))
                ):
                    sp.speaker = sp.sp_start = sp.sp_end = None
            if sp.speaker and sp.sp_start is not None and ls <= sp.sp_start < le:
                toks = sp.speaker.split()
                cut = next(
                    (
                        k
                        for k in range(1, len(toks))
                        if toks[k].lower() in _HEADLINE_STOP or self.ctx.verbs.fullmatch(toks[k])
                    ),
                    len(toks),
                )
                if cut < len(toks) and all(t[:1].isupper() for t in toks[:cut]):
                    # "Tim Cook On Apple Being": the name ends where the title-case
                    # sentence goes on
                    sp.speaker = " ".join(toks[:cut])
                    sp.sp_end = sp.sp_start + len(sp.speaker)

    def _headline_speaker(self, seg: str, off: int) -> tuple[str, int, int] | None:
        """Who a "SPEAKER: «…»" headline gives: a name ("Von der Leyen im EU-Parlament",
        "Wagenknecht attackiert Merkel") or a short description ("Browns player on …",
        "Investigador chileno asegura que …"), which the story may then name."""
        m = _CAP_RUN.match(seg, len(seg) - len(seg.lstrip()))
        if not m:
            return None
        run = m.group(0).split()
        for k in range(1, len(run)):
            if run[k].lower() in _HEADLINE_STOP or self.ctx.verbs.fullmatch(run[k]):
                run = run[:k]
                break
        start = off + m.start()
        rest = _WORDS.findall(seg[m.start() + len(" ".join(run)) :])
        desc: list[str] = []
        for w in rest[:3]:
            if (
                not w.islower()
                or w in _HEADLINE_STOP
                or w in PREPOSITIONS
                or w in CLAUSE_WORDS
                or self.ctx.verbs.fullmatch(w)
            ):
                break
            desc.append(w)
        role = [w for w in run + desc if w.lower() in _ROLE_NOUNS or w.lower() in _PERSON_NOUNS]
        if _given(run[0]) or (not role and not desc):
            name = " ".join(_clean_tokens(run)) if _given(run[0]) else " ".join(run)
            if not name or name.lower() in STOP_CAPS:
                return None
            s = off + seg.find(name)
            if any(t.islower() for t in run):
                return name, s, s + len(name)  # "Von der Leyen" keeps its particles
            return self.canon(_NP("name", name, s, s + len(name))), s, s + len(name)
        words = run + desc
        if not role:
            # "Wagenknecht attackiert Merkel im Bundestag: "…"": the name, then its verb
            if len(run) > 3 or " ".join(run).lower() in STOP_CAPS:
                return None
            name = " ".join(run)
            if any(t.islower() for t in run):
                return name, start, start + len(name)  # "Von der Leyen" keeps its particles
            return self.canon(_NP("name", name, start, start + len(name))), start, start + len(name)
        last = desc[-1] if desc else run[-1]
        end = (
            seg.find(last, m.start() + len(run[0])) + len(last)
            if desc
            else m.start() + len(" ".join(run))
        )
        phrase = seg[m.start() : end]
        if len(words) > 6:
            return None
        # "Investigador chileno": the story names him ("El investigador chileno …, Hugo
        # Bustos, …")
        noun = next(w for w in run + desc if w.lower() in _ROLE_NOUNS or w.lower() in _PERSON_NOUNS)
        body = self.text[_line_end(self.text, off) :]
        for n in re.finditer(r"(?i:\b" + re.escape(noun) + r"\b)", body):
            window = body[n.end() : n.end() + 80]
            window = window[: min((window.find(c) for c in ".\n\x00" if c in window), default=80)]
            for nm in _CAP_RUN.finditer(window):
                toks = _clean_tokens(nm.group(0).split())
                if 2 <= len(toks) <= 3 and (
                    self.ctx.people.is_person(toks) or all(_NAME_SHAPE.fullmatch(t) for t in toks)
                ):
                    full = " ".join(self.ctx.people.fullest(toks))
                    return full, start, start + len(phrase)
            break
        return phrase, start, start + len(phrase)

    def _inherit(self, sp: _Span, other: _Span) -> bool:
        if other.speaker:
            sp.speaker, sp.sp_start, sp.sp_end = other.speaker, other.sp_start, other.sp_end
            return True
        return False

    def _fallback(self, i: int, sp: _Span) -> None:
        ctx, masked, spans = self.ctx, self.masked, self.spans
        if sp.parent >= 0:
            for j in range(i - 1, sp.parent, -1):
                if (
                    spans[j].parent == sp.parent
                    and spans[j].is_quote
                    and self._inherit(sp, spans[j])
                ):
                    return
            self._inherit(sp, spans[sp.parent])
            return
        prev_quotes = [j for j in range(i) if spans[j].parent < 0 and spans[j].is_quote]
        if sp.cont_prev and prev_quotes and self._inherit(sp, spans[prev_quotes[-1]]):
            return
        if sp.line == self.headline_line:
            key = _norm(self.text[sp.start : sp.end])
            for j, q in enumerate(spans):
                if (
                    j != i
                    and q.speaker
                    and q.line != sp.line
                    and key
                    and key in _norm(self.text[q.start : q.end])
                ):
                    self._inherit(sp, q)
                    return
        si = self.sent_of(sp.open)
        ss, se = self.sents[si]
        for j in reversed(prev_quotes):
            if spans[j].open < ss or ":" in masked[spans[j].end : sp.open]:
                break
            if self._inherit(sp, spans[j]):
                return
        for j in range(i + 1, len(spans)):
            # “terribly disruptive” and … “we won’t roll the dice,” Andy Vesey said:
            # an attribution at the end of the sentence covers all of its quotes
            q = spans[j]
            if q.open >= se or ":" in masked[sp.end : q.open]:
                # "Laura Frémy analyse « … » …, Fip : « … » selon Kriss Graffiti": a
                # colon opens what the later attribution covers
                break
            if q.parent < 0 and q.is_quote and q.explicit_after:
                if q.sp_kind == "pron" and not q.speaker and j in self.nps:
                    self._resolve(q, self.nps[j])
                if self._inherit(sp, q):
                    return
                break
        np = ctx.mention(masked[ss : sp.open], ss, lax=False) or self._subject_name(ss, sp.open)
        if not np and masked[ss : sp.open].rstrip().endswith(":"):
            # "Bahn-Chef Hartmut Mehdorn, Besitzer der Bahncard 100: „…“": a sentence that
            # opens with a name and hands over to the quote with a colon
            run = _CAP_RUN.match(masked, _lead(masked, ss))
            toks = _clean_tokens(run.group(0).split()) if run else []
            if toks and ctx._name_ok(toks) and not ctx.verbs.search(masked, ss, sp.open):
                np = ctx._cap_run(masked, 0, run.start())
        if np:
            self._take(sp, np)
            return
        for j in reversed(prev_quotes):
            if spans[j].line == sp.line and self._inherit(sp, spans[j]):
                return
        k = si - 1
        while k >= 0 and k >= si - 3:
            s, e = self.sents[k]
            if self.text.count("\n", s, ss) > 0:
                break
            np = ctx.before(masked[s:e], s)
            lead = re.match(r"[\W\d_]*([^\W\d_]+)", masked[s:e])
            if (
                not np
                and lead
                and lead.group(1).lower() in ctx.pronouns - PLURAL_PRONOUNS - {"sie", "on"}
            ):
                # "Er hält es für möglich, dass die Milizmänner Relotius angelogen haben.
                # Aber das heiße nicht, »…«": the sentence's subject, not a name in it
                ls = s + lead.start(1)
                np = _NP("pron", lead.group(1), ls, ls + len(lead.group(1)))
            np = np or ctx.mention(masked[s:e], s, lax=False)
            if np and np.kind != "first":
                if np.kind == "pron":
                    self._resolve(sp, np, k)
                else:
                    self._take(sp, np)
                return
            k -= 1
        line_start = self.text.rfind("\n", 0, sp.open) + 1
        opens_para = not self.text[line_start : sp.open].strip()
        if opens_para and si + 1 < len(self.sents) and sp.closed:
            # "«…» Cette petite phrase d'Arnaud Montebourg …": named in the next sentence
            s2, e2 = self.sents[si + 1]
            if self.text.count("\n", se, s2) == 0:
                np = ctx.mention(masked[s2:e2], s2, lax=False, any_position=True)
                if np:
                    self._take(sp, np)
                    return
        m = _SUBJECT_NP.match(masked, ss, sp.open)
        if m:
            # "La lettre liste trois conditions … : des « … »": the sentence's subject
            self._take(sp, _NP("phrase", self.text[m.start(1) : m.end(1)], m.start(1), m.end(1)))
            return
        np = ctx.mention(masked[ss : sp.open], ss, lax=True) or ctx.mention(
            masked[ss:se], ss, lax=True
        )
        if np:
            self._take(sp, np)
            return
        if opens_para and si > 0 and not masked[ss : sp.open].strip(" \"“„«»‘'‚"):
            # a quote paragraph after "Erekat said it was only the latest move …":
            # the reported speaker of the paragraph before goes on speaking
            s0, e0 = self.sents[si - 1]
            if self.text.count("\n", e0, ss) <= 2 and "\x00" not in masked[s0:e0]:
                np = ctx.before(masked[s0:e0], s0)
                if np and np.kind == "pron":
                    self._resolve(sp, np, si - 1)
                    return
                if np and np.kind != "first":
                    self._take(sp, np)
                    return
        if (
            opens_para
            and prev_quotes
            and sp.closed
            and not masked[sp.close + 1 : _line_end(self.text, sp.close)].strip(" .\u00a0")
            and self.text[spans[prev_quotes[-1]].start : spans[prev_quotes[-1]].end]
            .rstrip(" ”\"»’'")
            .endswith("?")
            and spans[prev_quotes[-1]].speaker
        ):
            # a bare quote paragraph right after a question answers it: in a transcript
            # the other party of the exchange speaks ("“… Do you dispute that?” ¶ “There
            # can be a very minimal risk …”")
            asker = spans[prev_quotes[-1]].speaker
            ask_line = spans[prev_quotes[-1]].line
            for j in reversed(prev_quotes[:-1]):
                if spans[j].line == ask_line:
                    continue
                # only in an exchange: the paragraph before the question quoted the other
                # party ("“That can be true,” Prelogar said … ¶ “… Do you dispute that?”
                # Alito interjected ¶ “…”"); a speaker's own rhetorical question goes on
                # with the same speaker
                qs = spans[prev_quotes[-1]].open
                para = masked[self.text.rfind("\n", 0, qs) + 1 : _line_end(self.text, qs)]
                if (
                    ask_line - spans[j].line <= 2
                    and spans[j].speaker
                    and spans[j].speaker != asker
                    and _DIALOGUE_VERB.search(para)
                ):
                    self._inherit(sp, spans[j])
                    return
                break
        for j in reversed(prev_quotes):
            if sp.line - spans[j].line > 4:
                break
            if self._inherit(sp, spans[j]):
                return

    def _subject_name(self, s: int, e: int) -> _NP | None:
        """ "Boudreau gave his players a pep talk": a capitalised subject the article never
        writes in lower case is a name even when it gives no first name."""
        ctx = self.ctx
        m = _SUBJECT_NAME.match(self.masked, s, e)
        if ctx.lang != "en" or not m:
            # French and Spanish sentences open with capitalised participles
            # ("Arrivée au crépuscule de sa vie, elle écrit"), German with nouns
            return None
        if m.group(1).lower() in ctx.lower_words | STOP_CAPS | MONTHS_DAYS:
            return None
        return _NP("name", m.group(1), m.start(1), m.end(1))

    def _take(self, sp: _Span, np: _NP) -> None:
        sp.speaker = self.canon(np)
        sp.sp_start, sp.sp_end = np.start, np.end
        if np.kind == "phrase" and _role_description(np.text):
            self._describe(sp, np)  # "L’actrice … a déclaré": the actress just named

    def _resolve(self, sp: _Span, pron: _NP, from_sent: int | None = None) -> None:
        """he/she/il/er → the nearest person the article named before, preferring
        someone already quoted (a pronoun after a quote usually means the source)."""
        sp.sp_start, sp.sp_end = pron.start, pron.end
        low = pron.text.lower()
        plural = low in PLURAL_PRONOUNS
        si = self.sent_of(sp.open) if from_sent is None else from_sent
        lines_seen = 0
        k = si
        while k >= 0 and k >= si - (2 if plural else 10):
            e = self.sents[k][1]
            if k < si and self.text.count("\n", e, self.sents[k + 1][0]) > 0:
                lines_seen += 1
                if lines_seen > 4:
                    break
            cands = []
            for c in self._candidates(k):
                if not self._could_be(low, c):
                    continue
                if k == si and c[1].start > pron.start and c[1].start < sp.open:
                    continue  # "Er hält es für möglich, dass … Relotius …": not before "er"
                if not plural and c[1].kind == "name" and self._paired(c[1]):
                    # "los audios que se atribuyen a Arana y Santiváñez": two people named
                    # together are not what "he" or a verb alone goes on with
                    continue
                if c[1].kind == "phrase" and _role_description(c[0]):
                    # "El investigador explicó …": he is the investigator named before;
                    # "L’anthropologue utilise … « … – observe-t-il … »": the one the
                    # description stands for
                    tmp = _Span(0, 0, 0, 0, 0)
                    self._describe(tmp, c[1])
                    if not tmp.speaker or k == si:
                        continue
                    # the person the description stands for counts as named
                    c = (tmp.speaker, _NP("name", tmp.speaker, c[1].start, c[1].end))
                cands.append(c)
            if k == si and from_sent is None and not plural:
                # "Christine Lagarde, directrice du FMI, a elle aussi jugé « … » : « … »,
                # a-t-elle estimé": the person the sentence opens with, before its quote
                ss = self.sents[k][0]
                first = self.ctx.mention(self.masked[ss : min(sp.open, pron.start)], ss, lax=False)
                if (
                    first
                    and re.fullmatch(
                        r"\W*(?:[^,.;:\x00]{0,40},\s*)?", self.masked[ss : first.start]
                    )
                    and self._could_be(low, (self.canon(first), first))
                ):
                    sp.speaker = self.canon(first)
                    return
            if k == si and from_sent is None:
                # "Les grévistes sont entrés …, mais ils ont précisé": a group that opens
                # the sentence may be its "they"
                cands = [
                    c
                    for c in cands
                    if c[1].start < sp.open
                    and (
                        c[0] in self.known
                        or (plural and _group_phrase(c[0]) and c[1].end <= pron.start)
                    )
                ]
            if not cands and low == "" and k == si - 1:
                # "El PP rechazó la medida. «…», afirmó a través de un comunicado.": the
                # Spanish verb without a subject goes on with the subject just before,
                # an organisation as well as a person
                m = _ES_SUBJECT.match(self.masked, self.sents[k][0], self.sents[k][1])
                if m:
                    sp.speaker = m.group(1)
                    return
            if plural:
                # "they said in an email": a group named just before, or the one
                # person a spokesperson sentence named (the singular they)
                groups = [c for c in cands if c[1].kind == "phrase" and _group_phrase(c[0])]
                people = {c[0] for c in cands if c[1].kind == "name"}
                if groups:
                    sp.speaker = groups[0][0]
                elif len(people) == 1 and len(cands) == 1:
                    sp.speaker = cands[0][0]
                if cands:
                    return
                k -= 1
                continue
            if cands:
                ks = self.sents[k][0]
                opener = [
                    c
                    for c in cands
                    if c[1].kind == "name"
                    and k < si
                    and not re.search(r"[^\W\d_]", self.masked[ks : c[1].start])
                ]
                if opener and from_sent is not None:
                    # "Moreno hat Zweifel, er führt … an Relotius …. Er hält es für
                    # möglich …": the name a sentence opens with is its "he", however
                    # often someone else in it was quoted
                    sp.speaker = opener[0][0]
                    return
                for name, _np in cands:
                    if name in self.known:
                        sp.speaker = name
                        self._remember(low, (name, _np))
                        return
                named = [c for c in cands if c[1].kind == "name"]
                sp.speaker = (named or cands)[0][0]
                self._remember(low, (named or cands)[0])
                return
            k -= 1

    def _remember(self, pron: str, cand: tuple[str, _NP]) -> None:
        if cand[1].kind == "name" and pron in _FEMININE_PRONOUNS | _MASCULINE_PRONOUNS:
            self.gender.setdefault(cand[0], "f" if pron in _FEMININE_PRONOUNS else "m")

    def _describe(self, sp: _Span, np: _NP) -> None:
        """ "dijo el instructor del ‘caso Noos’", "the singer and guitarist told the
        audience": a definite role stands for the person just named, as "the
        president" stands for the president the article named; the phrase stays
        when nobody fits."""
        si = self.sent_of(np.start)
        breaks = 0
        role = re.match(r"\W*\w+\W*([\w-]+)", np.text.replace("’", " ").replace("'", " "))
        noun = role.group(1).lower() if role else ""
        if noun:
            # "el funcionario policial ha garantizado … «…», señaló el funcionario": the
            # description points where it pointed the first time the paragraph used it
            para = max(0, self.text.rfind("\n", 0, self.sents[si][0]))
            while para > 0 and self.text[para - 1] in "\n \u00a0":
                para -= 1  # over the blank line to the paragraph before
            para = self.text.rfind("\n", 0, para) + 1
            first = re.search(
                r"(?<![\w])(?:the|el|la|le|der|die|l[’'])\s*" + re.escape(noun) + r"(?![\w])",
                self.masked[para : np.start],
                re.I,
            )
            if first:
                si = self.sent_of(para + first.start())
        comp = [
            w
            for w in _WORDS.findall(np.text)[2:]
            if _is_cap(w) and w.lower() not in STOP_CAPS and len(w) > 2
        ]
        if comp:
            # "el titular de la cartera de Cultura" is the one introduced as "El ministro de
            # Cultura, Alejandro Salas": a name the same complement came with
            for k in range(si, max(-1, si - 8), -1):
                for c in self._candidates(k):
                    if c[1].kind != "name" or c[1].end > np.start:
                        continue
                    near = self.text[max(0, c[1].start - 50) : min(c[1].end + 50, np.start)]
                    if any(
                        re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", near) for w in comp
                    ):
                        sp.speaker = c[0]
                        return
        for k in range(si, max(-1, si - 5), -1):
            named = [
                c
                for c in self._candidates(k)
                if c[1].kind == "name"
                and c[1].end <= np.start
                and self._could_be("", c)
                and not self._other_role(c[1], noun)
                and not self._paired(c[1])
            ]
            if named:
                sp.speaker = named[0][0]  # the subject comes first
                return
            pos, ke = self.sents[k][0], min(self.sents[k][1], np.start)
            while pos < ke:
                # "en la personne de Charlotte Rampling. L’actrice …": named in passing
                other = self.ctx.mention(self.masked[pos:ke], pos, False, True)
                if not other:
                    break
                if not self._other_role(other, noun) and not self._paired(other):
                    sp.speaker = self.canon(other)
                    return
                pos = other.end
            if k > 0 and self.text.count("\n", self.sents[k - 1][1], self.sents[k][0]):
                breaks += 1
                if breaks > 2:
                    return  # further back is somebody else's story

    def _paired(self, np: _NP) -> bool:
        """ "Raphaël Garrigos et Isabelle Roberts rappellent …": one of two people named
        together is not what a singular description ("le conseiller") points back to."""
        after = self.text[np.end : np.end + 40]
        before = self.text[max(0, np.start - 40) : np.start]
        return bool(
            re.match(r"\s+(?:and|und|et|y)\s+[A-ZÀ-Þ]", after)
            or re.search(r"[A-ZÀ-Þ][\w’'-]*\s+(?:and|und|et|y)\s+$", before)
        )

    def _other_role(self, np: _NP, noun: str) -> bool:
        """ "el ministro de Gobierno, Eduardo del Castillo, …. «…», señaló el funcionario":
        a writer who means the minister says "el ministro", so someone introduced with
        another role is not the one a definite description points back to."""
        if noun in _GENERIC_ROLES:
            return False  # an official, a politician: any office holder may be meant
        head = self.text[max(0, np.start - 45) : np.start]
        head = head[head.rfind(".") + 1 :]
        roles = [w for w in _WORDS.findall(head.lower()) if w in _ROLE_NOUNS or w in TITLES]
        kin = _ROLE_KIN.get(noun, noun)
        return bool(roles) and all(_ROLE_KIN.get(r, r) != kin for r in roles)

    def _could_be(self, pron: str, cand: tuple[str, _NP]) -> bool:
        """Can this pronoun point back to this candidate? A person, not a company or a
        newspaper ("As NBC News and Bloomberg have reported … she said"), and of the
        right sex when the phrase says it ("one mother … she said")."""
        name, np = cand
        if np.kind != "name":
            words = _WORDS.findall(name.lower())
            if not _personish(name):
                return False
            wrong = _MALE_NOUNS if pron in _FEMININE_PRONOUNS else set()
            if pron in _MASCULINE_PRONOUNS:
                wrong = _FEMALE_NOUNS
            return not any(w in wrong for w in words)
        said = self.gender.get(name)
        if (
            said
            and pron in _FEMININE_PRONOUNS | _MASCULINE_PRONOUNS
            and ((pron in _FEMININE_PRONOUNS) != (said == "f"))
        ):
            return False
        if name in self.known:
            return True
        return not any(t.lower() in _ORG_WORDS for t in name.split())

    def _candidates(self, k: int) -> list[tuple[str, _NP]]:
        if k in self._cands:
            return self._cands[k]
        ctx, masked = self.ctx, self.masked
        s, e = self.sents[k]
        out: list[tuple[str, _NP]] = []
        for sp in self.spans:
            if (
                sp.parent < 0
                and sp.is_quote
                and s <= sp.open < e
                and sp.speaker
                and sp.sp_kind in ("name", "phrase")
                and sp.sp_start is not None
            ):
                np = _NP(sp.sp_kind, sp.speaker, sp.sp_start, sp.sp_end or 0)
                out.append((sp.speaker, np))
        seg = masked[s:e]
        for v in ctx.verbs.finditer(seg):
            np = ctx.subject_of(seg, s, v)
            if np and np.kind in ("name", "phrase"):
                out.append((self.canon(np), np))
        for a in _ACCORDING.finditer(masked, s, e):
            np = ctx.np_after(masked[a.end() : e], a.end())
            if np and np.kind in ("name", "phrase"):
                out.append((self.canon(np), np))
        np = ctx.opinion_of(masked[s:e], s)
        if np:
            out.append((self.canon(np), np))
        pos = s
        while pos < e:
            np = ctx.mention(masked[pos:e], pos, lax=False)
            if not np:
                break
            out.append((self.canon(np), np))
            pos = np.end
        if not out:
            np = self._subject_name(s, e)
            if np:
                out.append((self.canon(np), np))
        m = _SUBJECT_NP.match(masked, s, e)
        if m and (_role_description(m.group(1)) or _group_phrase(m.group(1))):
            # "L’anthropologue utilise …": a described person as the subject
            out.append((m.group(1), _NP("phrase", m.group(1), m.start(1), m.end(1))))
        for m in _PERSON_NP.finditer(masked, s, e):
            # "WIRED spoke to one mother, who …": an unnamed person can be the "she"
            if m.group(2).lower() in _PERSON_NOUNS:
                ap = _APPOSED_NAME.match(masked, m.end(), e)
                toks = _clean_tokens(ap.group(1).split()) if ap else []
                if toks and ctx._name_ok(toks, strict=False):
                    # "le mot d’une femme, Cha Soona, qui …": the name in apposition
                    ctx.people.add(toks)
                    a = ap.start(1) + ap.group(1).find(toks[0])
                    np = _NP("name", " ".join(toks), a, a + len(" ".join(toks)))
                    out.append((self.canon(np), np))
                else:
                    out.append((m.group(0), _NP("phrase", m.group(0), m.start(), m.end())))
        self._cands[k] = out
        return out


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()
