"""Fact extraction: what the fact sidebar shows for real articles in four languages.

The expected values come from the articles themselves (the seed article, the labelled
examples in ../shared/examples and our own labelled set in tests/fixtures/articles), so a
failure here is something a reader would see: a missing troop count, a date resolved to
the wrong day, "Obama" listed twice.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from reader.content.facts import Fact, extract_facts, group_facts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SEED = SHARED / "seed-article.txt"

ENTITY_KINDS = {"person", "organization", "place"}
NUMBER_KINDS = {"number", "money", "percent"}


def _read(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is laid beside the checkout)")
    return path.read_text(encoding="utf-8")


def _texts(facts: list[Fact], kinds: set[str]) -> list[str]:
    return [f.text for f in facts if f.kind in kinds]


def _group(facts: list[Fact], text: str):
    """The sidebar group that holds the mention written ``text``."""
    for g in group_facts(facts):
        if any(m.text == text for m in g.mentions):
            return g
    raise AssertionError(f"no group has a mention {text!r}")


# --------------------------------------------------------------------------- the seed article


def test_seed_article_lists_what_issue_6_promises() -> None:
    facts = extract_facts(_read(SEED))
    numbers = _texts(facts, NUMBER_KINDS)
    for want in ("4,636 troops", "33 countries", "1,000 soldiers"):
        assert want in numbers
    dates = _texts(facts, {"date"})
    for want in ("May 2023", "September of that year", "February 12"):
        assert want in dates
    entities = {f.text for f in facts if f.kind in ENTITY_KINDS}
    for want in (
        "NATO", "KFOR", "EU", "Kosovo", "Serbia", "Belgrade", "Pristina", "Banjska", "Brussels",
        "Bosnia and Herzegovina", "Italy", "United States", "Hungary", "Turkey", "Poland",
    ):  # fmt: skip
        assert want in entities, want
    kinds = {f.text: f.kind for f in facts}
    assert kinds["Banjska"] == "place"
    assert kinds["KFOR"] == "organization"
    assert kinds["4,636 troops"] == "number"


def test_every_fact_points_at_its_own_text() -> None:
    text = _read(SEED)
    facts = extract_facts(text)
    assert facts == sorted(facts, key=lambda f: (f.start, -f.end))
    for f in facts:
        assert text[f.start : f.end] == f.text


def test_seed_dates_resolve_against_the_article() -> None:
    facts = extract_facts(_read(SEED), published=datetime(2026, 2, 10, 8, 0))
    by_text = {f.text: f for f in facts if f.kind == "date"}
    assert by_text["May 2023"].value == "2023-05"
    # "September of that year" takes its year from the last year the text named
    assert by_text["September of that year"].value == "2023-09"
    assert by_text["September of that year"].label == "September of that year (Sep 2023)"
    # a day without a year is the nearest one to the publication date
    assert by_text["February 12"].value == "2026-02-12"


def test_seed_numbers_have_values() -> None:
    facts = extract_facts(_read(SEED))
    values = {f.text: f.value for f in facts if f.kind == "number"}
    assert values["4,636 troops"] == "4636"
    assert values["1,000 soldiers"] == "1000"


# --------------------------------------------------------------------------- merging


def test_titles_and_surnames_merge_into_one_person() -> None:
    """AP: 'President Donald Trump' ... 'Trump' ... 'President Trump' is one person."""
    text = _read(SHARED / "en_ap_sondland_impeachment_hearing.txt")
    facts = extract_facts(text)
    trump = _group(facts, "Donald Trump")
    assert trump.kind == "person"
    assert trump.label == "Donald Trump"
    assert trump.count >= 8
    sondland = _group(facts, "Gordon Sondland")
    assert {m.text for m in sondland.mentions} == {"Gordon Sondland", "Sondland"}
    # "Ambassador Sondland" is listed without the title, under the full name
    assert all(not m.text.startswith("Ambassador") for m in sondland.mentions)
    assert _group(facts, "Zelenskiy").label == "Volodymyr Zelenskiy"


def test_acronym_in_brackets_merges_with_the_full_name() -> None:
    facts = extract_facts(_read(SEED))
    nato = _group(facts, "NATO")
    assert "North Atlantic Alliance" in {m.text for m in nato.mentions}
    assert nato.count > 10
    assert sum(1 for g in group_facts(facts) if "NATO" in {m.text for m in g.mentions}) == 1


def test_the_same_country_in_two_languages_shares_a_key() -> None:
    de = extract_facts(_read(FIXTURES / "facts_de_wiwo_linde_praxair.txt"))
    es = extract_facts(_read(FIXTURES / "facts_es_wikinoticias_iraq_elecciones.txt"))
    fr = extract_facts(_read(SHARED / "fr_liberation_ayrault_congres_ps.txt"))
    key = {f.text: f.key for f in de + es + fr}
    assert key["USA"] == key["Etats-Unis"]
    assert key["Chile"].startswith("place:")


def test_groups_are_ordered_by_kind_then_first_mention() -> None:
    facts = extract_facts(_read(SEED))
    groups = group_facts(facts)
    order = ["number", "money", "percent", "date", "person", "organization", "place"]
    kinds = [g.kind for g in groups]
    assert kinds == sorted(kinds, key=order.index)
    places = [g for g in groups if g.kind == "place"]
    firsts = [g.mentions[0].start for g in places]
    assert firsts == sorted(firsts)
    assert sum(g.count for g in groups) == len(facts)


# --------------------------------------------------------------------------- dates


PUB = datetime(2026, 11, 27, 9, 30)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "span", "value", "label"),
    [
        # English, from the labelled examples' own wording
        (
            "Alibaba shares closed in New York on Tuesday at $185.25.",
            "Tuesday",
            "2026-11-24",
            "Tuesday (24 Nov 2026)",
        ),
        (
            "The listing ceremony is due to be held next Tuesday.",
            "next Tuesday",
            "2026-12-01",
            "next Tuesday (1 Dec 2026)",
        ),
        ("Officials met last Tuesday.", "last Tuesday", "2026-11-24", "last Tuesday (24 Nov 2026)"),
        ("He testified yesterday.", "yesterday", "2026-11-26", "yesterday (26 Nov 2026)"),
        (
            "a 26 December 2019 ruling by the Constitutional Court",
            "26 December 2019",
            "2019-12-26",
            "26 December 2019",
        ),
        (
            "Barely a week ago, Parise had scored just once.",
            "a week ago",
            "2026-11-20",
            "a week ago (20 Nov 2026)",
        ),
        (
            "By the 2030s, FAST should have racked up enough measurements.",
            "2030s",
            "2030s",
            "the 2030s",
        ),
        # German
        (
            "antwortet Keith am 30. März 2017, und damit vor den Landtagswahlen",
            "30. März 2017",
            "2017-03-30",
            "30. März 2017",
        ),
        (
            "Die Polizei meldete letzte Woche neue Zahlen.",
            "letzte Woche",
            "2026-W47",
            "letzte Woche (week 47 of 2026)",
        ),
        (
            "Die Recherche ist heute Abend um 21 Uhr zu sehen.",
            "heute Abend",
            "2026-11-27",
            "heute Abend (27 Nov 2026)",
        ),
        # French
        (
            "Le ministre a parlé mardi dernier devant les députés.",
            "mardi dernier",
            "2026-11-24",
            "mardi dernier (24 Nov 2026)",
        ),
        ("Le congrès du PS se termine ce dimanche à Toulouse.", "dimanche", "2026-11-22", None),
        # Spanish
        (
            "El pasado martes, el Gobierno anunció nuevas medidas.",
            "El pasado martes",
            "2026-11-24",
            "El pasado martes (24 Nov 2026)",
        ),
        (
            "citar a la infanta el próximo 8 de marzo en Palma",
            "8 de marzo",
            "2027-03-08",
            "8 de marzo (8 Mar 2027)",
        ),
        (
            "Los soldados dejen el país en agosto de 2010.",
            "agosto de 2010",
            "2010-08",
            "agosto de 2010",
        ),
    ],
)
def test_date_forms(sentence: str, span: str, value: str, label: str | None) -> None:
    dates = [f for f in extract_facts(sentence, PUB) if f.kind == "date"]
    hit = next((f for f in dates if span in f.text), None)
    assert hit is not None, [f.text for f in dates]
    assert hit.value == value
    if label:
        assert hit.label == label


def test_unresolvable_dates_keep_their_words() -> None:
    facts = extract_facts("The ministers meet on February 12.", None)
    (date,) = [f for f in facts if f.kind == "date"]
    assert date.text == "February 12"
    assert date.label == "February 12"
    assert date.value is None


def test_may_the_verb_is_not_a_month() -> None:
    facts = extract_facts("Officials say the talks may resume. The attacks came in May 2023.")
    assert [f.text for f in facts if f.kind == "date"] == ["May 2023"]


# --------------------------------------------------------------------------- numbers


def test_money_and_percent_forms_in_four_languages() -> None:
    city = extract_facts(_read(SHARED / "en_cityam_alibaba_hong_kong_listing.txt"))
    by_text = {f.text: f for f in city}
    assert by_text["$12.9bn"].kind == "money"
    assert by_text["$12.9bn"].value == "USD 12900000000"
    assert by_text["176 Hong Kong dollars"].value == "HKD 176"
    assert by_text["2.8 per cent"].kind == "percent"
    assert by_text["0.35%"].value == "0.35"
    de = {f.text: f for f in extract_facts(_read(SHARED / "de_correctiv_afd_extrablatt.txt"))}
    assert de["400.000 Euro"].value == "EUR 400000"
    assert de["1,2 Millionen Euro"].value == "EUR 1200000"
    assert de["4,1 Millionen Stück"].value == "4100000"
    fr = {
        f.text: f
        for f in extract_facts(_read(FIXTURES / "facts_fr_lefigaro_montebourg_privatisations.txt"))
    }
    assert fr["448 millions d'euros"].value == "EUR 448000000"
    assert fr["3,12 %"].kind == "percent"
    es = {
        f.text: f
        for f in extract_facts(_read(FIXTURES / "facts_es_wikinoticias_iraq_elecciones.txt"))
    }
    assert "19 millones de personas" in es
    assert es["6.218 candidatos"].value == "6218"


def test_identifiers_are_not_numbers() -> None:
    """House numbers, page ranges, source IDs and comment counters are not facts."""
    police = _texts(
        extract_facts(_read(SHARED / "en_therepublic_columbus_drug_arrests.txt")), NUMBER_KINDS
    )
    assert not any(t.startswith(("1119", "1909", "2134", "3170")) for t in police)
    assert "32" in police  # an age is
    nature = _texts(extract_facts(_read(SHARED / "en_nature_fast_telescope.txt")), NUMBER_KINDS)
    assert "121102" not in nature and "574" not in nature and "17" not in nature
    fr = _texts(extract_facts(_read(SHARED / "fr_liberation_ayrault_congres_ps.txt")), NUMBER_KINDS)
    assert not any("comment" in t for t in fr)
    assert "deux rappels" in fr


# --------------------------------------------------------------------------- entities per language


def test_german_entities_need_evidence_not_capitals() -> None:
    facts = extract_facts(_read(SHARED / "de_correctiv_afd_extrablatt.txt"))
    ents = {f.text for f in facts if f.kind in ENTITY_KINDS}
    assert {
        "AfD",
        "CORRECTIV",
        "NRW",
        "Essen",
        "Stuttgart",
        "Bundestag",
        "Goal AG",
        "Schweiz",
    } <= ents
    assert {"Andreas Keith", "Stefan Keuter", "Martin Morlok", "Alice Weidel", "Klaus K."} <= ents
    # common nouns are never names, however capitalised
    assert not ents & {"Zeitung", "Werbung", "Partei", "Wahlkampf", "Gratiszeitung", "Spende"}
    keith = _group(facts, "Andreas Keith")
    assert "Keith" in {m.text for m in keith.mentions}
    lyft = extract_facts(_read(FIXTURES / "facts_de_futurezone_lyft_waymo.txt"))
    assert {"Lyft", "Waymo", "Uber", "Phoenix", "Nordamerika", "John Krafcik"} <= {
        f.text for f in lyft if f.kind in ENTITY_KINDS
    }


def test_french_entities() -> None:
    facts = extract_facts(_read(SHARED / "fr_liberation_ayrault_congres_ps.txt"))
    ents = {f.text for f in facts if f.kind in ENTITY_KINDS}
    assert {
        "Jean-Marc Ayrault",
        "Toulouse",
        "Parti socialiste",
        "Matignon",
        "Etats-Unis",
        "libération.fr",
    } <= ents
    assert not ents & {"Après", "Voilà", "Analyse", "Commenter"}
    assert _group(facts, "Ayrault").label == "Jean-Marc Ayrault"
    hceres = extract_facts(_read(FIXTURES / "facts_fr_soundofscience_hceres_candidature.txt"))
    full = "Haut Conseil de l’évaluation de la recherche et de l’enseignement supérieur"
    assert _group(hceres, "HCERES").label == full


def test_spanish_entities() -> None:
    facts = extract_facts(_read(FIXTURES / "facts_es_wikinoticias_iraq_elecciones.txt"))
    ents = {f.text for f in facts if f.kind in ENTITY_KINDS}
    assert {"Iraq", "Bagdad", "Al Qaeda", "Al Jazeera", "Nuri al Maliki", "Naciones Unidas"} <= ents
    eta = extract_facts(_read(FIXTURES / "facts_es_elmundo_eta_lesaka_detenida.txt"))
    lesaka = _group(eta, "Izaskun Lesaka")
    assert lesaka.kind == "person"
    assert "Lesaka" in {m.text for m in lesaka.mentions}


def test_headline_title_case_is_not_a_name() -> None:
    text = _read(SHARED / "en_crn_tim_cook_benioff_dreamforce.txt")
    facts = extract_facts(text)
    head = [f.text for f in facts if f.start < text.index("\n") and f.kind in ENTITY_KINDS]
    assert head == ["Tim Cook", "Apple"]


def test_products_and_demonyms_are_not_entities() -> None:
    facts = extract_facts(_read(SHARED / "en_wikimedia_turkey_access_restored_press_release.txt"))
    ents = {f.text for f in facts if f.kind in ENTITY_KINDS}
    assert "Wikipedia" not in ents and "Turkish" not in ents
    assert {
        "Turkey",
        "Wikimedia Foundation",
        "Katherine Maher",
        "European Court of Human Rights",
    } <= ents


# --------------------------------------------------------------------------- quality floor


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip().strip("\"'“”„«»‘’").strip()
    s = re.sub(r"\s+", " ", s).casefold().rstrip(",.;:!? ")
    return re.sub(r"^(the|a|an|der|die|das|le|la|les|el|los|las)\s+", "", s)


def _match_loose(g: str, p: str) -> bool:
    g, p = _norm(g), _norm(p)
    return bool(g) and bool(p) and (g in p or p in g)


def _match_entity(g: str, p: str) -> bool:
    g, p = _norm(g), _norm(p)
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    return bool(short) and short in long_ and len(short) >= 0.6 * len(long_)


def _f1(dirs: list[Path]) -> dict[str, float]:
    """The matching rules of ../shared/tools/score_extract.py, run in-process."""
    tallies = {k: [0, 0, 0] for k in ("numbers", "dates", "entities")}
    kinds = {"numbers": NUMBER_KINDS, "dates": {"date"}, "entities": ENTITY_KINDS}
    match = {"numbers": _match_loose, "dates": _match_loose, "entities": _match_entity}
    for txt in sorted(p for d in dirs for p in d.glob("*.txt")):
        labels = txt.with_suffix(".labels.json")
        if not labels.exists():
            continue
        gold = json.loads(labels.read_text(encoding="utf-8"))
        if not any(gold.get(k) for k in tallies):
            continue  # quote-only labels
        facts = extract_facts(txt.read_text(encoding="utf-8"))
        for name, t in tallies.items():
            preds = list(dict.fromkeys(_norm(f.text) for f in facts if f.kind in kinds[name]))
            golds = list(dict.fromkeys(_norm(g) for g in gold.get(name, [])))
            left = list(preds)
            for g in golds:
                for i, p in enumerate(left):
                    if match[name](g, p):
                        t[0] += 1
                        del left[i]
                        break
            t[1] += len(golds)
            t[2] += len(preds)
    out = {}
    for name, (tp, ng, npred) in tallies.items():
        p, r = tp / max(npred, 1), tp / max(ng, 1)
        out[name] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def test_f1_floor_on_the_shared_examples() -> None:
    _read(SEED)
    f1 = _f1([SHARED])
    assert f1["numbers"] >= 0.85, f1
    assert f1["dates"] >= 0.85, f1
    assert f1["entities"] >= 0.80, f1


def test_f1_floor_on_our_labelled_articles() -> None:
    f1 = _f1([FIXTURES])
    assert f1["numbers"] >= 0.85, f1
    assert f1["dates"] >= 0.85, f1
    assert f1["entities"] >= 0.80, f1


# --------------------------------------------------------------------------- cost and CLI


def test_import_loads_no_gazetteer() -> None:
    code = "import sys, reader.content.facts; print('pycountry' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"


def test_seed_extraction_is_fast() -> None:
    text = _read(SEED)
    extract_facts(text)  # the first call builds the gazetteer once
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        extract_facts(text)
        times.append(time.perf_counter() - t0)
    assert statistics.median(times) < 0.030


def test_cli_prints_the_extraction_contract(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reader.content._facts_cli", str(SEED if SEED.exists() else FIXTURES / "facts_de_wiwo_linde_praxair.txt")],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["quotes"] == []
    assert data["facts"] and set(data["facts"][0]) == {"kind", "text", "start", "end"}
    missing = subprocess.run(
        [sys.executable, "-m", "reader.content._facts_cli", str(tmp_path / "nope.txt")],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1 and "nope.txt" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_empty_text_has_no_facts() -> None:
    assert extract_facts("") == []
    assert extract_facts("   \n\n ") == []
    assert group_facts([]) == []
