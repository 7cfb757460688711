"""Quotation and speaker extraction (issue 5), on real article text only.

Every sentence below is copied from a real article, cited in a comment; most come
from the labelled fixtures in tests/fixtures/articles (sources and licences in
tests/fixtures/articles/quotes_SOURCES.tsv). The last tests score the whole
labelled sets with the same matching rules as shared/tools/score_extract.py and
hold the floors the product promises (quotes F1 >= 0.95, speakers F1 >= 0.80).
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from pathlib import Path

import pytest

from reader.content.quotes import Quote, extract_quotes

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SHARED_EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"


def quotes_of(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text)}


# ---- quote marks ----------------------------------------------------------------------


def test_curly_double_quotes_and_an_interrupted_quote() -> None:
    # Nature news, 24 Sep 2019 (shared/examples/en_nature_fast_telescope.txt)
    text = (
        "“We do not see any roadblocks for the remaining transition,” says Di Li, the chief "
        "scientist of FAST. “I feel both excited and relieved.”"
    )
    assert quotes_of(text) == {
        "We do not see any roadblocks for the remaining transition,": "Di Li",
        "I feel both excited and relieved.": "Di Li",
    }


def test_straight_double_quotes_take_the_fullest_name() -> None:
    # CBS Sports, Nov 2019 (quotes_en_cbssports_steelers_browns_fight.txt)
    text = (
        "While Richardson wants Rudolph to be disciplined, Steelers defensive captain Cam "
        "Heyward, who openly lobbied for the league to suspend Garrett on Thursday night, did "
        "not offer a response when asked about the league's decision to suspend Garrett for the "
        "remainder of the season.\n\n"
        '"The most important thing is we lost that game," Heyward said, via Brian Batko of the '
        "Pittsburgh Post-Gazette."
    )
    assert quotes_of(text) == {"The most important thing is we lost that game,": "Cam Heyward"}


def test_single_curly_quotes_in_a_headline() -> None:
    # CRN, 19 Nov 2019 (shared/examples/en_crn_tim_cook_benioff_dreamforce.txt)
    text = (
        "Tim Cook On Apple Being ‘Pulled Into The Enterprise’\n\n"
        'Apple was "pulled into the enterprise," CEO Tim Cook said Tuesday in a fireside chat '
        "with Salesforce founder and co-CEO Marc Benioff."
    )
    assert quotes_of(text) == {
        "Pulled Into The Enterprise": "Tim Cook",
        "pulled into the enterprise,": "Tim Cook",  # title "CEO" dropped
    }


def test_french_guillemets() -> None:
    # Libération, 27 Oct 2012 (shared/examples/fr_liberation_ayrault_congres_ps.txt)
    text = (
        "«Il faut intégrer ce que les socialistes n’intègrent pas : la durée. Nous sommes là "
        "pour un quinquennat», plaide Manuel Valls après son discours à la tribune."
    )
    assert quotes_of(text) == {
        "Il faut intégrer ce que les socialistes n’intègrent pas : la durée. Nous sommes là "
        "pour un quinquennat": "Manuel Valls"
    }


def test_guillemets_with_inner_spaces_and_an_unbalanced_inner_mark() -> None:
    # Sound of Science candidature letter (facts_fr_soundofscience_hceres_candidature.txt):
    # the writer opens « twice but closes once; the words never include the spaces
    text = (
        "La lettre liste trois conditions nécessaires pour que cette autonomie se réalise : des "
        "« financements récurrents […] en rupture avec […] des « appels à projets court-termistes "
        "», du temps et une suppression de « la séparation entre des managers de la recherche "
        "exerçant le pouvoir, et des chercheurs et universitaires »."
    )
    got = extract_quotes(text)
    assert [q.text for q in got] == [
        "financements récurrents […] en rupture avec […] des « appels à projets court-termistes",
        "la séparation entre des managers de la recherche exerçant le pouvoir, et des "
        "chercheurs et universitaires",
    ]
    assert {q.speaker for q in got} == {"La lettre"}


def test_german_low_high_quotes_and_a_publication_name() -> None:
    # Wikinews (de), 14 Mar 2006, CC BY 2.5 (quotes_de_wikinews_chinesische_ausgabe.txt)
    text = (
        "Wikinews-Mitbegründer Erik Möller zeigte sich zuversichtlich. „Ich gehe davon aus, "
        "dass die aktive Gemeinschaft der chinesischen Wikipedianer Mittel und Wege finden "
        "wird, die Zensur zu umgehen“, sagte er gegenüber „heise online“."
    )
    assert quotes_of(text) == {
        "Ich gehe davon aus, dass die aktive Gemeinschaft der chinesischen Wikipedianer Mittel "
        "und Wege finden wird, die Zensur zu umgehen": "Erik Möller"
    }


def test_german_speaker_after_schreibt() -> None:
    # CORRECTIV, 14 May 2019 (shared/examples/de_correctiv_afd_extrablatt.txt)
    text = (
        "„Falsch ist, dass unser Mandant die Empfehlung, keine Zeitungsanzeigen zu schalten, "
        "damit begründet hätte, dass kurz vor der Landtagswahl in NRW ein Extrablatt erscheinen "
        "werde“, schreibt ein Anwalt der Kanzlei Höcker im Auftrag von Andreas Keith."
    )
    [q] = extract_quotes(text)
    assert q.speaker == "ein Anwalt der Kanzlei Höcker"


def test_japanese_brackets_around_a_name_are_not_speech() -> None:
    # Japan Ministry of Defense press conference, 8 May 2020 (mod.go.jp, government
    # standard terms of use, compatible with CC BY 4.0): 「きりさめ」 is a ship's name
    text = (
        "護衛艦「きりさめ」が5月10日に出港いたしますが、出港後14日間、日本近海で訓練を続け、"
        "停留と同様に14日間乗組員が隔離された状況で、PCR検査も出港後行います。"
    )
    assert extract_quotes(text) == []


def test_quote_running_over_two_paragraphs() -> None:
    # St. Paul Pioneer Press, 19 Nov 2019 (shared/examples/en_twincities_wild_sabres_parise.txt)
    text = (
        "Boudreau gave his players a pep talk Tuesday, telling them to “believe in yourselves” "
        "and that the Wild are a “good team.”\n\n"
        "“You’ve beaten some really good teams this year,” he said he said he told them. "
        "“You’ve been in every game for the last 10 games. So if you start believing in "
        "yourself, then good things are going to happen.\n\n"
        "“I said the same thing when I took over Washington for the first time, because I knew "
        "they were a good team but they just weren’t playing good.”"
    )
    got = quotes_of(text)
    assert (
        got[
            "You’ve been in every game for the last 10 games. So if you start believing in "
            "yourself, then good things are going to happen."
        ]
        == "Boudreau"
    )
    assert (
        got[
            "I said the same thing when I took over Washington for the first time, because I "
            "knew they were a good team but they just weren’t playing good."
        ]
        == "Boudreau"
    )
    assert got["believe in yourselves"] == "Boudreau"  # a partial quote
    assert len(got) == 5


def test_nested_quotes_are_their_own_entries() -> None:
    # AP, 20 Nov 2019 (shared/examples/en_ap_sondland_impeachment_hearing.txt)
    text = (
        "WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness in the "
        "impeachment inquiry, is likely to be unpredictable when he faces questions about his "
        "evolving accounts of the Trump administration’s dealings with Ukraine and a newly "
        "revealed summertime phone call with President Donald Trump.\n\n"
        "“I then heard President Trump ask, quote, ‘So he’s going to do the investigation?’” "
        "Holmes testified. “Ambassador Sondland replied that ‘He’s going to do it,’ adding that "
        "President Zelensky will, quote, ‘do anything you ask him to.’”"
    )
    got = quotes_of(text)
    assert got["So he’s going to do the investigation?"] == "Donald Trump"
    assert got["He’s going to do it,"] == "Gordon Sondland"
    assert got["do anything you ask him to."] == "Gordon Sondland"
    assert got["I then heard President Trump ask, quote, ‘So he’s going to do the investigation?’"]
    assert len(got) == 5


def test_partial_quote_of_one_word() -> None:
    # AP, 20 Nov 2019 (shared/examples/en_ap_sondland_impeachment_hearing.txt)
    text = (
        "Lt. Col. Alexander Vindman told lawmakers it was his “duty” to report his concerns "
        "about the call, as he deflected Republican attacks, including from the White House on "
        "his loyalty and career in public service."
    )
    assert quotes_of(text) == {"duty": "Alexander Vindman"}


def test_titles_nicknames_and_mentioned_words_are_not_quotes() -> None:
    # Los Angeles Times, 19 Nov 2019 (quotes_en_latimes_disney_plus_mayer.txt)
    titles = (
        "Disney’s $6.99-a-month service is stocked with movies and TV shows from Pixar "
        "Animation, “Star Wars,” Marvel Studios and classic Disney fare, including “Mary "
        "Poppins” and “Bambi.”"
    )
    # Nature news, 24 Sep 2019 (shared/examples/en_nature_fast_telescope.txt)
    nickname = (
        "The 1.2-billion-yuan (US$171-million) telescope, also known as Tianyan or ‘Eye of "
        "Heaven’, took half a decade to build in the remote Dawodang depression in the Guizhou "
        "province of southwest China."
    )
    # Reuters via VentureBeat, 18 Nov 2019 (quotes_en_venturebeat_reuters_wework_nyag.txt)
    word = (
        "Neumann bought properties that he then leased back to WeWork, borrowed against his own "
        "stake in the company, and had also planned to charge WeWork almost $6 million to use "
        "his trademark of the word “We” after the company rebranded itself The We Company."
    )
    # News Nation, Nov 2019 (quotes_en_newsnation_delhi_oxygen_bar.txt)
    scare = (
        "Amid all this, a news has gone viral on social media about an ‘oxygen bar’!\n\n"
        "“An Indian start-up based out of Delhi-NCR, Oxy Pure was launched with an aim to "
        "improve the quality of the air by eradicating the air pollutants in a cost-effective "
        "manner,” the description on the website reads."
    )
    for text in (titles, nickname, word):
        assert extract_quotes(text) == []
    assert quotes_of(scare) == {
        "An Indian start-up based out of Delhi-NCR, Oxy Pure was launched with an aim to "
        "improve the quality of the air by eradicating the air pollutants in a cost-effective "
        "manner,": "the description on the website"
    }


def test_an_apostrophe_is_never_a_quote_mark() -> None:
    # The Spokesman-Review, 19 Nov 2019 (shared/examples/en_spokesman_meth_campaign_...):
    # the ’ in We’re is the same character as the closing single quote
    headline = "‘Meth. We’re on it.’: Spokane ad agencies divided on South Dakota’s viral campaign"
    assert [q.text for q in extract_quotes(headline)] == ["Meth. We’re on it."]
    # remember8090.it, Nov 2017 (scrapinghub/article-extraction-benchmark): ’80 and ’90
    decades = (
        "Ecco allora le offerte PRO-NOSTALGICI anni ’80 e ’90 da non lasciarsi sfuggire su a "
        "Amazon:"
    )
    # RKS News seed article (shared/examples/seed-article.txt)
    possessive = (
        "A NATO official stated that the Alliance is paying increased attention to the Western "
        "Balkans, particularly in light of concerning trends observed in recent years, "
        "emphasizing that local leaders bear substantial responsibility for the region’s "
        "stability.\n\nFollowing developments in 2023, KFOR’s troop levels were increased by "
        "1,000 soldiers."
    )
    assert extract_quotes(decades) == []
    assert extract_quotes(possessive) == []


# ---- speakers -------------------------------------------------------------------------


def test_he_said_resolves_to_the_person_named_before() -> None:
    # St. Paul Pioneer Press, 19 Nov 2019 (shared/examples/en_twincities_wild_sabres_parise.txt)
    text = (
        "Barely a week ago, Parise, 35, had scored just once in a 10-game stretch. Wild "
        "defenseman Ryan Suter, who joked about Parise’s penchant for changing sticks, could see "
        "the frustration on his friend’s face.\n\n"
        "“He’s used to scoring goals, getting points,” he said."
    )
    assert quotes_of(text) == {"He’s used to scoring goals, getting points,": "Ryan Suter"}


def test_short_name_and_title_give_the_fullest_name() -> None:
    # AP, 20 Nov 2019 (shared/examples/en_ap_sondland_impeachment_hearing.txt)
    text = (
        "WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness in the "
        "impeachment inquiry, is likely to be unpredictable when he faces questions about his "
        "evolving accounts of the Trump administration’s dealings with Ukraine and a newly "
        "revealed summertime phone call with President Donald Trump.\n\n"
        "Yet Sondland has already amended his testimony once — “I now do recall,” he said, "
        "talking to Ukraine about investigations."
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Gordon Sondland"
    assert text[q.speaker_start : q.speaker_end] == "he"  # the attribution, for highlighting


def test_unnamed_speaker_and_according_to() -> None:
    # RKS News seed article (shared/examples/seed-article.txt)
    text = (
        "“We see several worrying trends in the region, especially in recent years, which "
        "require careful monitoring of developments,” a NATO official said during a meeting "
        "with Western Balkan journalists in Brussels, Telegrafi reports.\n\n"
        "According to NATO officials, it is clear that the solution “is not military, but "
        "through political dialogue.”"
    )
    got = extract_quotes(text)
    assert [q.speaker for q in got] == ["a NATO official", "NATO officials"]
    assert text[got[0].speaker_start : got[0].speaker_end] == "a NATO official"


def test_speaker_before_a_colon() -> None:
    # St. Paul Pioneer Press, 19 Nov 2019 (shared/examples/en_twincities_wild_sabres_parise.txt)
    text = (
        "Zach Parise heating up, scores twice as Wild beat Sabres 4-1\n\n"
        "Parise said: “We’ve been there. You could tell we were maybe getting under their skin "
        "a little bit and not giving them a whole lot to feel good about.”"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Zach Parise"


def test_french_speaker_after_the_verb() -> None:
    # Le Figaro, 5 Apr 2013 (quotes_fr_lefigaro_montebourg_privatisations.txt)
    text = (
        "«Il n'y a pas de sujet, nous n'avons pas de dossier précis. Et pour rappel, la cession "
        "de participations relève du ministre de l'Économie», ajoute un proche de Pierre "
        "Moscovici."
    )
    assert list(quotes_of(text).values()) == ["un proche de Pierre Moscovici"]


def test_spanish_explica_and_segun() -> None:
    # El País, 27 Oct 2012 (quotes_es_elpais_listas_espera.txt)
    text = (
        "Que se lo digan a Salvador G. Tena, de 67 años, que tras más de 12 meses en lista de "
        "espera acaba de pasar por una operación cardiaca en el hospital Bellvitge de Barcelona. "
        "“Esos tres meses se multiplicaron por cuatro. Yo ya estaba advertido, mi médico me "
        "había dicho que tenía que tomarlo con calma, pero no pensé que tanta”, explica Tena, "
        "que ahora está encantado con el resultado de la operación."
    )
    assert list(quotes_of(text).values()) == ["Salvador G. Tena"]
    # Wikinoticias, 7 Mar 2010, CC BY 2.5 (quotes_es_wikinoticias_iraq_elecciones.txt)
    text = (
        "Los centros de votación cerraron a las 17.00 (14.00 UTC), con una participación "
        "“modesta”, según el canal de noticias Al Jazeera."
    )
    assert quotes_of(text) == {"modesta": "el canal de noticias Al Jazeera"}


def test_offsets_point_into_the_text() -> None:
    # every quote of every fixture: text[start:end] is the quote, sorted, marks excluded
    for path in sorted(FIXTURES.glob("quotes_*.txt")):
        text = path.read_text(encoding="utf-8")
        got = extract_quotes(text)
        assert got == sorted(got, key=lambda q: q.start)
        for q in got:
            assert isinstance(q, Quote)
            assert text[q.start : q.end] == q.text
            assert q.text.strip() == q.text and q.text[0] not in '“”"„«»'
            if q.speaker_start is not None:
                assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_no_quotes_and_empty_input() -> None:
    assert extract_quotes("") == []
    # The Republic (Columbus, Indiana), 20 Nov 2019 (shared/examples/en_therepublic_...)
    text = (
        "CPD arrests six in drug investigation\n\nStaff Reports\n\nPolice arrested six people "
        "Monday during a narcotics investigation involving drug activity at a local home."
    )
    assert extract_quotes(text) == []


# ---- the labelled sets ----------------------------------------------------------------

_MARKS = "\"'“”„‟«»‹›‘’‚‛「」『』"


def _norm(s: str | None) -> str:
    """The normalisation of shared/tools/score_extract.py, so the floors mean the same."""
    s = unicodedata.normalize("NFKC", s or "").strip().strip(_MARKS).strip()
    s = re.sub(r"\s+", " ", s).casefold()
    return s.rstrip(",.;:!? ").strip(_MARKS).strip()


def _strip_article(s: str) -> str:
    return re.sub(r"^(the|a|an|der|die|das|le|la|les|el|los|las)\s+", "", s)


def _quote_match(gold: str, pred: str) -> bool:
    g, p = _norm(gold), _norm(pred)
    if not g or not p:
        return False
    short, long_ = sorted((g, p), key=len)
    return g == p or (short in long_ and len(short) >= 0.8 * len(long_))


def _speaker_match(gold: str | None, pred: str | None) -> bool:
    g, p = _strip_article(_norm(gold)), _strip_article(_norm(pred))
    if not g:
        return not p
    return bool(p) and (g in p or p in g)


def _f1(tp: int, gold: int, pred: int) -> float:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(files: list[Path]) -> tuple[float, float]:
    q_tp = q_gold = q_pred = s_ok = s_gold = s_pred = 0
    for txt in files:
        gold = json.loads(txt.with_suffix(".labels.json").read_text(encoding="utf-8"))["quotes"]
        pred = extract_quotes(txt.read_text(encoding="utf-8"))
        left = list(pred)
        for g in gold:
            for i, p in enumerate(left):
                if _quote_match(g["text"], p.text):
                    q_tp += 1
                    del left[i]
                    break
        q_gold, q_pred = q_gold + len(gold), q_pred + len(pred)
        for g in gold:
            p = next((p for p in pred if _quote_match(g["text"], p.text)), None)
            if g.get("speaker"):
                s_gold += 1
                if p is not None:
                    s_pred += 1
                    s_ok += _speaker_match(g["speaker"], p.speaker)
    return _f1(q_tp, q_gold, q_pred), _f1(s_ok, s_gold, s_pred)


def _labelled(directory: Path, pattern: str) -> list[Path]:
    return [p for p in sorted(directory.glob(pattern)) if p.with_suffix(".labels.json").exists()]


def test_our_labelled_articles_meet_the_floors() -> None:
    files = _labelled(FIXTURES, "quotes_*.txt")
    langs = {p.name.split("_")[1] for p in files}
    assert len(files) >= 10 and {"en", "de", "fr", "es"} <= langs
    quotes_f1, speakers_f1 = score(files)
    assert quotes_f1 >= 0.95, quotes_f1
    assert speakers_f1 >= 0.80, speakers_f1


@pytest.mark.skipif(not SHARED_EXAMPLES.is_dir(), reason="shared/examples is not beside the repo")
def test_shared_examples_meet_the_floors() -> None:
    quotes_f1, speakers_f1 = score(_labelled(SHARED_EXAMPLES, "*.txt"))
    assert quotes_f1 >= 0.95, quotes_f1
    assert speakers_f1 >= 0.80, speakers_f1


def test_extraction_is_fast() -> None:
    # the pane renders and extracts in <= 20 ms; extraction of an article the size of the
    # seed article (3.5 KB) gets well under half of it
    seed = SHARED_EXAMPLES / "seed-article.txt"
    path = seed if seed.exists() else FIXTURES / "quotes_en_cbssports_steelers_browns_fight.txt"
    text = path.read_text(encoding="utf-8")
    extract_quotes(text)
    runs = []
    for _ in range(15):
        t0 = time.perf_counter()
        extract_quotes(text)
        runs.append(time.perf_counter() - t0)
    assert statistics.median(runs) < 0.010
