"""The question set of issue 16: questions in Dutch and English of every kind the question box
answers (tension, count, ranking, comparison, trend, national and province level) and of every
refusal (off-topic, unknown place, unknown occupation, a period the figures do not cover, a
hidden count, a measure the radar does not hold), asked through `GET /api/question` on the demo
world (`app_world_file`).

Each case names the expected kind, the places (codes) and occupations (by English label) it must
recognise, and for a refusal the reason. The expected figures are read in the test from the
published table (`published_indicator`), never written here: the answer's `figures` must be
those rows and its text must state them in the language of the question (Dutch 1.234 and 2,42;
English 1,234 and 2.42). `test_right_per_kind` prints right/total per kind (`pytest -s`)."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.numbers import format_decimal

from demo_worlds import copy_world
from lloradar.analytics.forecast import PROSPECT_EN
from lloradar.features.questions.aliases import SECTOR_OCCUPATIONS
from lloradar.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

NL01 = "NL01"


@dataclass(frozen=True)
class Case:
    q: str
    kind: str
    regions: tuple[str, ...] = ()
    occupations: tuple[str, ...] = ()  # English labels
    lang: str = "nl"
    measure: str = "tension"
    reason: str | None = None  # expected refusal
    period: str | None = None  # "YYYY-MM" when not the latest month
    slack: bool = False
    provinces: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def C(q: str, kind: str, regions: str = "", occupations: str = "", **kw: Any) -> Case:
    return Case(
        q,
        kind,
        tuple(r for r in regions.split(",") if r),
        tuple(o for o in occupations.split(",") if o),
        **kw,
    )


EN = {"lang": "en"}
# fmt: off
CASES = [
    # --- tension of a cell
    C("Hoe krap is de markt voor verpleegkundigen in Twente?", "tension", "AM05", "nurse responsible for general care"),
    C("Hoe krap is de arbeidsmarkt voor loodgieters in Zuid-Limburg?", "tension", "AM30", "plumber"),
    C("Hoe staat het met de krapte voor timmerlieden in Noord-Holland Noord?", "tension", "AM15", "carpenter"),
    C("Is er een tekort aan elektriciens in Amersfoort?", "tension", "AM14", "electrician"),
    C("Hoe moeilijk is het om een kok te vinden in Rotterdam?", "tension", "AM22", "cook"),
    C("Spanning voor buschauffeurs in de regio Twente", "tension", "AM05", "bus driver"),
    C("Hoe krap is de markt in Haaglanden?", "tension", "AM21"),
    C("Hoe krap is de markt voor softwareontwikkelaars in Den Bosch?", "tension", "AM27", "software developer"),
    C("Hoe krap is de markt voor programmeurs in Nijmegen?", "tension", "AM08", "software developer"),
    C("Hoe krap is de markt voor verplegkundigen in Twnte?", "tension", "AM05", "nurse responsible for general care"),
    C("Hoe krap was de markt voor koks in Twente in maart 2024?", "tension", "AM05", "cook", period="2024-03"),
    C("Hoe krap is de markt voor magazijnmedewerkers in Den Haag?", "tension", "AM21", "warehouse worker"),
    C("Krapte voor leraren basisonderwijs in Enschede", "tension", "AM05", "primary school teacher"),
    C("How tight is the labour market for plumbers in Groningen?", "tension", "AM01", "plumber", **EN),
    C("Is there a shortage of nurses in Amsterdam?", "tension", "AM18", "nurse responsible for general care", **EN),
    C("How tight is the market for cooks in The Hague?", "tension", "AM21", "cook", **EN),
    C("What is the tension for software developers in Eindhoven?", "tension", "AM28", "software developer", **EN),
    C("How hard is it to hire welders in Friesland?", "tension", "AM02", "welder", **EN),
    C("How tight is the market for elektricians in Groningen?", "tension", "AM01", "electrician", **EN),
    C("How tight is the job market for waiters in Rijnmond?", "tension", "AM22", "waiter/waitress", **EN),
    # --- national and province level
    C("Hoe krap is de arbeidsmarkt landelijk voor verpleegkundigen?", "tension", "NL01", "nurse responsible for general care"),
    C("Hoe krap is de markt voor koks in heel Nederland?", "tension", "NL01", "cook"),
    C("Hoe krap is de markt in Gelderland?", "tension", "PV25"),
    C("Hoe krap is de markt voor accountants in de provincie Utrecht?", "tension", "PV26", "accountant"),
    C("Hoe krap is de markt voor lassers in de provincie Groningen?", "tension", "PV20", "welder"),
    C("How tight is the market for welders nationally?", "tension", "NL01", "welder", **EN),
    C("How tight is the market in the province of Limburg?", "tension", "PV31", **EN),
    C("How tight is the market for social workers in North Holland?", "tension", "PV27", "social worker", **EN),
    # --- counts
    C("Hoeveel vacatures staan er open voor verpleegkundigen in Drenthe?", "count", "AM03", "nurse responsible for general care", measure="vacancies"),
    C("Hoeveel werkzoekenden zijn er voor magazijnmedewerkers in Rijnmond?", "count", "AM22", "warehouse worker", measure="job_seekers"),
    C("Hoeveel openstaande vacatures zijn er in Flevoland?", "count", "AM11", measure="vacancies"),
    C("Hoeveel mensen willen werken als politieagent in Haaglanden?", "count", "AM21", "police officer", measure="interested"),
    C("Hoeveel belangstellenden zijn er voor koks in Groot Amsterdam?", "count", "AM18", "cook", measure="interested"),
    C("Hoeveel ervaren werkzoekenden zijn er voor lassers in Twente?", "count", "AM05", "welder", measure="experienced"),
    C("Hoeveel vacatures zijn er landelijk voor timmerlieden?", "count", "NL01", "carpenter", measure="vacancies"),
    C("Aantal vacatures voor receptionisten in Zeeland", "count", "AM24", "receptionist", measure="vacancies"),
    C("How many open vacancies are there for teachers in Zeeland?", "count", "AM24", "primary school teacher", measure="vacancies", **EN),
    C("How many job seekers are there for shop assistants in Midden-Utrecht?", "count", "AM13", "shop assistant", measure="job_seekers", **EN),
    C("How many interested job seekers are there for receptionists in Twente?", "count", "AM05", "receptionist", measure="interested", **EN),
    C("How many experienced job seekers are there for carpenters in Noord-Brabant?", "count", "PV30", "carpenter", measure="experienced", **EN),
    C("How many vacancies are there in the Netherlands?", "count", "NL01", measure="vacancies", **EN),
    C("How many vacancies for bus drivers are open in Zwolle?", "count", "AM36", "bus driver", measure="vacancies", **EN),
    # --- rankings
    C("Welke beroepen zijn het krapst in Twente?", "ranking", "AM05"),
    C("Welke vijf beroepen zijn het ruimst in Rijnmond?", "ranking", "AM22", slack=True),
    C("In welke regio is de markt voor lassers het krapst?", "ranking", "", "welder"),
    C("Waar is het tekort aan verpleegkundigen het grootst?", "ranking", "", "nurse responsible for general care"),
    C("Welke provincies zijn het krapst voor elektriciens?", "ranking", "", "electrician", provinces=True),
    C("Welke beroepen hebben de meeste vacatures in Groot Amsterdam?", "ranking", "AM18", measure="vacancies"),
    C("Welke beroepen zijn het krapst in Groningen?", "ranking", "AM01"),
    C("Which occupations are the tightest in Zuid-Limburg?", "ranking", "AM30", **EN),
    C("Which regions have the slackest market for office clerks?", "ranking", "", "office clerk", slack=True, **EN),
    C("Top 3 tightest occupations in the Netherlands", "ranking", "NL01", **EN),
    C("Which province has the most vacancies for cooks?", "ranking", "", "cook", measure="vacancies", provinces=True, **EN),
    C("Where is the shortage of plumbers the largest?", "ranking", "", "plumber", **EN),
    # --- comparisons
    C("Is de markt voor lassers in Drenthe krapper dan in Friesland?", "comparison", "AM03,AM02", "welder"),
    C("Vergelijk de krapte voor koks in Twente en Rijnmond", "comparison", "AM05,AM22", "cook"),
    C("Is het krapper voor loodgieters of voor elektriciens in Utrecht?", "comparison", "PV26", "plumber,electrician"),
    C("Verschil tussen verpleegkundigen en zorghulpen in Groningen", "comparison", "AM01", "nurse responsible for general care,healthcare assistant"),
    C("Compare the market for welders in Twente and Achterhoek", "comparison", "AM05,AM09", "welder", **EN),
    C("Is it tighter for cooks in Amsterdam or Rotterdam?", "comparison", "AM18,AM22", "cook", **EN),
    C("Compare nurses and healthcare assistants in Zeeland", "comparison", "AM24", "nurse responsible for general care,healthcare assistant", **EN),
    C("Are there more vacancies for plumbers in Groningen than in Drenthe?", "comparison", "AM01,AM03", "plumber", measure="vacancies", **EN),
    # --- trends
    C("Is de krapte voor koks in Twente toegenomen ten opzichte van vorig jaar?", "trend", "AM05", "cook"),
    C("Hoe heeft het aantal vacatures voor lassers in Rijnmond zich ontwikkeld?", "trend", "AM22", "welder", measure="vacancies"),
    C("Zijn er meer vacatures voor verpleegkundigen dan een jaar geleden in Haaglanden?", "trend", "AM21", "nurse responsible for general care", measure="vacancies"),
    C("Is de markt voor timmerlieden in Noord-Brabant ruimer geworden sinds vorig jaar?", "trend", "PV30", "carpenter"),
    C("Has the market for software developers in Groot Amsterdam become tighter compared to last year?", "trend", "AM18", "software developer", **EN),
    C("How has the number of vacancies for cooks in Utrecht changed over the past year?", "trend", "PV26", "cook", measure="vacancies", **EN),
    C("Trend of tension for electricians in Zuidoost-Brabant", "trend", "AM28", "electrician", **EN),
    C("Did the shortage of nurses in Twente increase since last year?", "trend", "AM05", "nurse responsible for general care", **EN),
    # --- more ways of asking (written after the first set, to test that the rules generalise)
    C("Hoe krap is de markt voor ICT'ers in Amsterdam?", "tension", "AM18", "software developer"),
    C("Wat is de spanningsindicator voor journalisten in Utrecht?", "tension", "PV26", "journalist"),
    C("Hoeveel vacatures per werkzoekende zijn er voor lassers in Twente?", "tension", "AM05", "welder"),
    C("Zijn er meer werkzoekenden dan vacatures voor koks in Drenthe?", "tension", "AM03", "cook"),
    C("How tight is the market for HR officers in Delft?", "tension", "AM21", "human resources officer", **EN),
    C("Hoe krap is de markt voor servicedeskmedewerkers in Arnhem?", "tension", "AM07", "ICT help desk agent"),
    C("How tight is the Dutch labour market?", "tension", "NL01", **EN),
    C("Hoe krap was de markt voor koks in Twente vorige maand?", "tension", "AM05", "cook", period="2025-11"),
    C("What was the tension for cooks in Twente in June 2023?", "tension", "AM05", "cook", period="2023-06", **EN),
    C("How many people want to work as a cook in Twente?", "count", "AM05", "cook", measure="interested", **EN),
    C("Top 5 krapste beroepen in Nederland", "ranking", "NL01"),
    C("Welke regio heeft de meeste werkzoekenden voor koks?", "ranking", "", "cook", measure="job_seekers"),
    C("Hoe verhoudt de krapte voor koks in Twente zich tot die in Drenthe?", "comparison", "AM05,AM03", "cook"),
    C("Which is tighter: plumbers or carpenters in Rijnmond?", "comparison", "AM22", "plumber,carpenter", **EN),
    C("Hoeveel vacatures voor koks in Friesland en Groningen?", "comparison", "AM02,AM01", "cook", measure="vacancies"),
    C("Is the number of job seekers for cooks in Twente rising?", "trend", "AM05", "cook", measure="job_seekers", **EN),
    C("Is de spanning voor verpleegkundigen in Groningen gestegen?", "trend", "AM01", "nurse responsible for general care"),
    C("Is it hard to find a plumber in Utrecht?", "tension", "PV26", "plumber", **EN),
    C("Do employers struggle to find cooks in Rotterdam?", "tension", "AM22", "cook", **EN),
    C("Tension indicator welders Twente", "tension", "AM05", "welder", **EN),
    C("Lassers Twente", "tension", "AM05", "welder"),
    C("Flevoland", "tension", "AM11"),
    C("Is er een overschot aan winkelmedewerkers in Twente?", "tension", "AM05", "shop assistant"),
    C("Hoe hoog is de werkloosheid in Twente?", "count", "AM05", measure="job_seekers"),
    C("How many nurses are looking for work in Utrecht?", "count", "PV26", "nurse responsible for general care", measure="job_seekers", **EN),
    C("Number of job openings for electricians in Groningen", "count", "AM01", "electrician", measure="vacancies", **EN),
    C("Which jobs are hardest to fill in Zeeland?", "ranking", "AM24", **EN),
    C("Geef een overzicht van de krapte per beroep in Twente", "ranking", "AM05"),
    C("Welke beroepen in de zorg zijn het krapst in Twente?", "ranking", "AM05", extra={"sector": "care"}),
    C("Welke regio is krapper voor lassers: Twente of Drenthe?", "comparison", "AM05,AM03", "welder"),
    C("Has the number of vacancies for cooks in Twente gone up?", "trend", "AM05", "cook", measure="vacancies", **EN),
    C("Is the labour market for nurses in Groningen getting tighter?", "trend", "AM01", "nurse responsible for general care", **EN),
    C("Hoe is de krapte voor koks in Twente veranderd sinds 2023?", "trend", "AM05", "cook", extra={"since": 2023}),
    C("Hoe krap is de markt in Noord-Nederland?", "tension", reason="unknown_place"),
    C("Voor een beleidsnotitie: wat is de spanning op de arbeidsmarkt in de regio Haaglanden?", "tension", "AM21"),
    C("Ik ben lasser en woon in Enschede. Is er veel vraag naar mijn beroep?", "tension", "AM05", "welder"),
    C("I'm a cook in Amsterdam, are there many jobs for me?", "tension", "AM18", "cook", **EN),
    C("As a policy maker in Groningen, which occupations should I worry about most?", "ranking", "AM01", **EN),
    C("Wat is het minst krappe beroep in Utrecht?", "ranking", "PV26", slack=True),
    C("What's the ratio of vacancies to job seekers for electricians in Utrecht province?", "tension", "PV26", "electrician", **EN),
    C("Hoe verhoudt Twente zich tot de rest van Nederland als het gaat om krapte voor verpleegkundigen?", "comparison", "AM05,NL01", "nurse responsible for general care"),
    C("Zijn er in Drenthe meer of minder vacatures voor lassers dan vorig jaar?", "trend", "AM03", "welder", measure="vacancies"),
    C("Hoe krap is de markt voor koks in Leeuwarden?", "tension", "AM02", "cook"),
    C("How many vacancies for waiters were there in Rotterdam in March 2024?", "count", "AM22", "waiter/waitress", measure="vacancies", period="2024-03", **EN),
    C("Which three occupations have the most vacancies nationally?", "ranking", "NL01", measure="vacancies", **EN),
    C("Welk beroep heeft in Drenthe de hoogste spanning?", "ranking", "AM03"),
    C("Waar in Nederland is het tekort aan elektriciens het kleinst?", "ranking", "NL01", "electrician", slack=True),
    C("Compare the tension for cooks in Groningen, Friesland and Drenthe", "comparison", "AM01,AM02,AM03", "cook", **EN),
    C("Hoe krap was de markt voor koks in Twente tussen 2022 en 2024?", "trend", "AM05", "cook", period="2024-12", extra={"since": 2022}),
    C("Is het krap voor vrachtwagenchauffeurs in Limburg?", "tension", "PV31", reason="unknown_occupation"),
    C("Hoe krap is de markt voor loodgieters in België?", "tension", "", "plumber", reason="unknown_place"),
    C("Rank the provinces by tension for carpenters", "ranking", "", "carpenter", provinces=True, **EN),
    C("How many experienced welders are looking for work in Zuidoost-Brabant?", "count", "AM28", "welder", measure="experienced", **EN),
    C("Hoe krap is de markt voor lassers in de gemeente Utrecht?", "tension", "AM13", "welder"),
    C("How scarce are healthcare assistants in Zeeland?", "tension", "AM24", "healthcare assistant", **EN),
    C("Which region has the fewest job seekers for cooks?", "ranking", "", "cook", measure="job_seekers", slack=True, **EN),
    C("Hoeveel vacatures staan open voor receptionisten in Den Haag en Rotterdam?", "comparison", "AM21,AM22", "receptionist", measure="vacancies"),
    C("What will the market for plumbers in Twente look like in 2028?", "forecast", "AM05", "plumber", **EN),
    C("What can a shop assistant retrain into?", "transitions", "", "shop assistant", **EN),
    C("How tight is the market for lawyers in Amsterdam?", "tension", "AM18", reason="unknown_occupation", **EN),
    C("Is het tekort aan buschauffeurs in Groningen groter geworden?", "trend", "AM01", "bus driver"),
    C("What's the tightest region in the country?", "ranking", "NL01", extra={"rank": "regions"}, **EN),
    C("Waar kan ik als kok het makkelijkst werk vinden?", "ranking", "", "cook"),
    C("Which occupation has the most interested job seekers in Twente?", "ranking", "AM05", measure="interested", **EN),
    C("Can you tell me how tight the market is for welders near Hengelo?", "tension", "AM05", "welder", **EN),
    C("How tight is the labour market in Zeeland compared to the national level?", "comparison", "AM24,NL01", **EN),
    # --- forecast, skills, courses, transitions (from those features' services)
    C("Wat is de prognose voor verpleegkundigen in Twente?", "forecast", "AM05", "nurse responsible for general care"),
    C("What is the outlook for welders in Rijnmond?", "forecast", "AM22", "welder", **EN),
    C("Wat zijn de vooruitzichten voor koks in Twente als de AOW-leeftijd 68 wordt?", "forecast", "AM05", "cook", extra={"scenario": "aow-68"}),
    C("What are the future prospects for software developers in Groot Amsterdam?", "forecast", "AM18", "software developer", **EN),
    C("Welke vaardigheden heeft een lasser nodig?", "skills", "", "welder"),
    C("Which skills does an electrician need?", "skills", "", "electrician", **EN),
    C("Welke skills vragen werkgevers in Limburg?", "skills", "PV31"),
    C("Which skills are in demand in Twente?", "skills", "AM05", **EN),
    C("Welke cursussen zijn er voor verpleegkundigen in Twente?", "courses", "AM05", "nurse responsible for general care"),
    C("Which courses are there for welders?", "courses", "", "welder", **EN),
    C("Naar welke beroepen kan een kok overstappen?", "transitions", "", "cook"),
    C("Which occupations are similar to welder?", "transitions", "", "welder", **EN),
    C("Hoe gaat het met het project Zorgpact Twente?", "intervention", "AM05", extra={"intervention": "demo-twente-zorg"}),
    C("What is the progress of the Techniektalent project?", "intervention", extra={"intervention": "demo-twente-techniek"}, **EN),
    # --- refusals: off-topic
    C("Hoe laat gaat de trein naar Zwolle?", "off_topic", "AM36", reason="off_topic"),
    C("Wat voor weer wordt het morgen in Utrecht?", "off_topic", "PV26", reason="off_topic"),
    C("Wie wint het WK voetbal?", "off_topic", reason="off_topic"),
    C("What is the capital of France?", "off_topic", reason="off_topic", **EN),
    C("Where can I buy a train ticket to Groningen?", "off_topic", "AM01", reason="off_topic", **EN),
    # --- refusals: unknown occupation, unknown place
    C("Hoe krap is de markt voor piloten in Zeeland?", "tension", "AM24", reason="unknown_occupation"),
    C("How tight is the market for astronauts in Twente?", "tension", "AM05", reason="unknown_occupation", **EN),
    C("Hoeveel vacatures zijn er voor vrachtwagenchauffeurs in Groningen?", "count", "AM01", measure="vacancies", reason="unknown_occupation"),
    C("How many vacancies for truck drivers in Rotterdam?", "count", "AM22", measure="vacancies", reason="unknown_occupation", **EN),
    C("Hoe krap is de markt voor lassers in Atlantis?", "tension", "", "welder", reason="unknown_place"),
    C("How tight is the market for nurses in Gotham?", "tension", "", "nurse responsible for general care", reason="unknown_place", **EN),
    C("Hoe krap is de markt voor koks in Brussel?", "tension", "", "cook", reason="unknown_place"),
    C("Hoe krap is de markt voor kappers in Groningen?", "tension", "AM01", reason="unknown_occupation"),
    C("Hoeveel vacatures zijn er in de bouw in Utrecht?", "count", "PV26", measure="vacancies", reason="unknown_occupation"),
    C("How tight is the market in healthcare in Twente?", "tension", "AM05", reason="unknown_occupation", **EN),
    C("Hoe krap is de markt voor lassers in Parijs?", "tension", "", "welder", reason="unknown_place"),
    C("Hoeveel inwoners heeft Groningen?", "off_topic", "AM01", reason="off_topic"),
    C("What's the weather like in Amsterdam?", "off_topic", "AM18", reason="off_topic", **EN),
    # --- refusals: a period the figures do not cover
    C("Hoe krap was de markt voor lassers in Twente in 2019?", "tension", "AM05", "welder", reason="period_not_covered"),
    C("How tight was the market for cooks in Utrecht in 2015?", "tension", "PV26", "cook", reason="period_not_covered", **EN),
    C("Hoeveel vacatures waren er voor koks in maart 2026?", "count", "", "cook", measure="vacancies", reason="period_not_covered"),
    C("Wat is de prognose voor lassers in Twente in 2035?", "forecast", "AM05", "welder", reason="period_not_covered"),
    # --- refusals: a measure the radar does not hold
    C("Wat verdient een lasser in Twente?", "tension", "AM05", "welder", measure="unsupported", reason="unsupported_measure"),
    C("What is the salary of a nurse in Groningen?", "tension", "AM01", "nurse responsible for general care", measure="unsupported", reason="unsupported_measure", **EN),
    C("Hoeveel lassers zijn er in Twente?", "tension", "AM05", "welder", measure="unsupported", reason="unsupported_measure"),
    C("How many nurses work in Utrecht?", "tension", "PV26", "nurse responsible for general care", measure="unsupported", reason="unsupported_measure", **EN),
    C("Schrijf een gedicht over lassers", "off_topic", "", "welder", reason="off_topic"),
    C("Are there enough plumbers in Utrecht?", "tension", "PV26", "plumber", **EN),
    C("What do bakers earn in Utrecht?", "off_topic", "PV26", measure="unsupported", reason="unsupported_measure", **EN),
]
# fmt: on


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, app_world_file: Path
) -> Iterator[dict[str, Any]]:
    """A client on a copy of the demo world, the published table in memory, the occupations by
    English label, the place names by code and the latest month."""
    from lloradar.features.indicators.radar import radar_for_store
    from lloradar.server import create_app

    path = copy_world(app_world_file, tmp_path_factory.mktemp("questions") / "demo.duckdb")
    radar = radar_for_store(str(path))  # publishes the indicators first
    with open_store(str(path)) as store:
        rows = store.query(
            "SELECT region_code, region_level, occupation_id, period, open_vacancies, "
            "job_seekers_short, interested, experienced, tension_ratio, tension_class "
            "FROM published_indicator"
        )
        occupations = {
            r[1]: r[0] for r in store.query("SELECT id, label_en, label_nl FROM occupation")
        }
        labels = {
            r[0]: (r[1], r[2]) for r in store.query("SELECT id, label_nl, label_en FROM occupation")
        }
        names = {r[0]: r[1] for r in store.query("SELECT code, name FROM region")}
    cols = ("vacancies", "job_seekers", "interested", "experienced", "ratio", "tension_class")
    published = {
        (r[0], r[2], r[3]): dict(zip(("level", *cols), (r[1], *r[4:]), strict=True)) for r in rows
    }
    with TestClient(create_app(radar)) as client:
        yield {
            "client": client,
            "published": published,
            "occupations": occupations,
            "labels": labels,
            "names": names,
            "latest": max(r[3] for r in rows),
            "path": str(path),
        }


def _int(value: int, lang: str) -> str:
    return format_decimal(value, "#,##0", locale=lang)


def _ratio(value: float, lang: str) -> str:
    return format_decimal(value, "0.00", locale=lang)


def _slug(occupation_id: str) -> str:
    return occupation_id.rstrip("/").rsplit("/", 1)[-1]


def judge(world: dict[str, Any], case: Case) -> list[str]:
    """What is wrong with the answer to `case` (nothing: right)."""
    body = world["client"].get("/api/question", params={"q": case.q}).json()
    wrong: list[str] = []

    def expect(ok: bool, what: str) -> None:
        if not ok:
            wrong.append(f"{what}; answer: {body.get('text')!r}")

    expect(body["kind"] == case.kind, f"kind {body['kind']!r}, expected {case.kind!r}")
    expect(body["lang"] == case.lang, f"lang {body['lang']!r}")
    got_regions = tuple(r["code"] for r in body["entities"]["regions"])
    expect(got_regions == case.regions, f"regions {got_regions}, expected {case.regions}")
    got_occupations = tuple(o["label_en"] for o in body["entities"]["occupations"])
    expect(
        got_occupations == case.occupations,
        f"occupations {got_occupations}, expected {case.occupations}",
    )
    if case.reason is not None:
        expect(
            not body["answered"] and body["reason"] == case.reason,
            f"reason {body['reason']!r}, expected {case.reason!r}",
        )
        expect(body["figure"] is None, "a figure in a refusal")
        # only a hidden count's refusal states a figure: the nearest one that may be shown
        expect(case.reason == "hidden" or not body["figures"], "figures in a refusal")
        return wrong
    if case.kind in SERVICE_KINDS:
        occupation_ids = [world["occupations"][label] for label in case.occupations]
        return wrong + SERVICE_KINDS[case.kind](world, case, body, occupation_ids)
    latest: date = world["latest"]
    period = date(int(case.period[:4]), int(case.period[5:]), 1) if case.period else latest
    expect(body["period"] == period.strftime("%Y-%m"), f"period {body['period']}")
    occupation_ids = [world["occupations"][label] for label in case.occupations]
    if case.kind in SERVICE_KINDS:
        return wrong + SERVICE_KINDS[case.kind](world, case, body, occupation_ids)
    if case.kind == "ranking":
        wrong += _judge_ranking(world, case, body, occupation_ids, period)
    elif case.kind == "trend":
        earlier = period.replace(year=case.extra.get("since", period.year - 1))
        rows = [
            world["published"].get((case.regions[0], occupation_ids[0], m))
            for m in (period, earlier)
        ]
        if (
            any(r is not None and r["job_seekers"] is None for r in rows)
            and case.measure == "tension"
        ):
            expect(
                not body["answered"] and body["reason"] == "hidden", "a hidden month not refused"
            )
            return wrong
        for month in (period, earlier):
            wrong += _judge_cell(world, case, body, case.regions[0], occupation_ids[0], month)
    elif case.kind == "comparison":
        if len(case.regions) > 1:
            cells = [(r, occupation_ids[0] if occupation_ids else "all") for r in case.regions]
        else:
            cells = [(case.regions[0], o) for o in occupation_ids]
        for region, occupation in cells:
            wrong += _judge_cell(world, case, body, region, occupation, period)
    else:
        region = case.regions[0] if case.regions else NL01
        wrong += _judge_cell(
            world, case, body, region, occupation_ids[0] if occupation_ids else "all", period
        )
    return wrong


def _measures(case: Case) -> list[str]:
    if case.measure == "tension":
        return ["ratio", "vacancies", "job_seekers"]
    return [case.measure]


def _judge_cell(
    world: dict[str, Any],
    case: Case,
    body: dict[str, Any],
    region: str,
    occupation: str,
    period: date,
) -> list[str]:
    """The published figures of one cell are in the answer's figures and stated in its text;
    a hidden one is a refusal that says so."""
    row = world["published"].get((region, occupation, period))
    if row is None:
        return [f"test: no published row for {region} {occupation} {period}"]
    hidden = [m for m in _measures(case) if row[m] is None]
    if case.measure == "tension" and row["job_seekers"] is None:
        hidden = ["job_seekers"]
    if hidden and case.kind == "comparison":  # one side hidden: said so, not stated
        slug = None if occupation == "all" else _slug(occupation)
        said = "privacy" in body["text"] and not any(
            f["area"] == region and f["occupation"] == slug and f.get("ratio")
            for f in body["figures"]
        )
        return [] if said else [f"{region} {occupation}: hidden, not said so: {body['text']!r}"]
    if hidden:
        ok = not body["answered"] and body["reason"] == "hidden"
        return (
            []
            if ok
            else [
                f"{region} {occupation} {period}: {hidden} hidden, but answered: {body['text']!r}"
            ]
        )
    wrong = []
    slug = None if occupation == "all" else _slug(occupation)
    stated = [
        f
        for f in body["figures"]
        if f["area"] == region
        and f["occupation"] == slug
        and f["period"] == period.strftime("%Y-%m")
    ]
    if not stated:
        return [f"{region} {slug} {period} not among the answer's figures {body['figures']}"]
    for measure in _measures(case):
        value = row[measure]
        if measure == "ratio":
            if stated[0]["ratio"] != round(value, 3):
                wrong.append(f"ratio {stated[0]['ratio']} != published {value}")
            shown = _ratio(value, case.lang)
        else:
            if stated[0][measure] != value:
                wrong.append(f"{measure} {stated[0][measure]} != published {value}")
            shown = _int(value, case.lang)
        if shown not in body["text"]:
            wrong.append(f"{measure} {shown} not in the text {body['text']!r}")
    return wrong


def _judge_ranking(
    world: dict[str, Any], case: Case, body: dict[str, Any], occupation_ids: list[str], period: date
) -> list[str]:
    """The first n cells by the published value, in order (ties may swap: compared by value)."""
    column = "ratio" if case.measure == "tension" else case.measure
    if case.regions and not occupation_ids and case.extra.get("rank") != "regions":
        sector = SECTOR_OCCUPATIONS.get(case.extra.get("sector", ""), ())
        cells = [
            (k, v)
            for k, v in world["published"].items()
            if k[0] == case.regions[0]
            and k[1] != "all"
            and k[2] == period
            and (not sector or _slug(k[1]) in sector)
        ]
    else:
        level = "provincie" if case.provinces else "arbeidsmarktregio"
        occupation = occupation_ids[0] if occupation_ids else "all"
        cells = [
            (k, v)
            for k, v in world["published"].items()
            if v["level"] == level and k[1] == occupation and k[2] == period
        ]
    shown = [
        (k, v)
        for k, v in cells
        if v[column] is not None and (column != "ratio" or v["job_seekers"] is not None)
    ]
    shown.sort(key=lambda kv: kv[1][column], reverse=not case.slack)
    limit = 3 if any(x in case.q.lower() for x in ("3", "three", "drie")) else 5
    expected = [v[column] for _, v in shown[:limit]]
    got = [f[column] for f in body["figures"]]
    if column == "ratio":
        expected = [round(x, 3) for x in expected]
    wrong = []
    if got != expected:
        wrong.append(f"ranking {got}, published {expected}")
    for key, v in shown[:limit]:
        value = _ratio(v[column], case.lang) if column == "ratio" else _int(v[column], case.lang)
        if value not in body["text"]:
            wrong.append(f"{key} {value} not in the text")
    return wrong


def _judge_forecast(
    world: dict[str, Any], case: Case, body: dict[str, Any], occupations: list[str]
) -> list[str]:
    """The forecast service's own row for the region and occupation: ratio and prospect."""
    from lloradar.features.forecast.service import forecast_for_region

    with open_store(world["path"]) as store:
        rows = forecast_for_region(store, case.regions[0], case.extra.get("scenario", "baseline"))
    row = next(r for r in rows if r["occupation_id"] == occupations[0])
    wrong = []
    stated = body["figures"][0] if body["figures"] else {}
    if stated.get("ratio") != row["ratio"] or stated.get("scenario") != row["scenario"]:
        wrong.append(f"forecast {stated}, service {row['ratio']} {row['scenario']}")
    prospect = row["prospect"] if case.lang == "nl" else PROSPECT_EN[row["prospect"]]
    if _ratio(row["ratio"], case.lang) not in body["text"] or prospect not in body["text"]:
        wrong.append(f"{row['ratio']} / {prospect} not in {body['text']!r}")
    return wrong


def _judge_skills(
    world: dict[str, Any], case: Case, body: dict[str, Any], occupations: list[str]
) -> list[str]:
    if not occupations:  # skills asked in an area: its three tightest occupations
        ranked = sorted(
            (v["ratio"], k[1])
            for k, v in world["published"].items()
            if k[0] == case.regions[0] and k[1] != "all" and k[2] == world["latest"] and v["ratio"]
        )[::-1][:3]
        got = [(f["ratio"], f["occupation"]) for f in body["figures"]]
        expected = [(round(r, 3), _slug(o)) for r, o in ranked]
        return [] if body["answered"] and got == expected else [f"{got} != {expected}"]
    with open_store(world["path"]) as store:
        first = store.query(
            "SELECT s.label_en, s.label_nl FROM occupation_skill os JOIN skill s ON s.id = os.skill_id "
            "WHERE os.occupation_id = ? AND os.relation = 'essential' ORDER BY s.label_en LIMIT 1",
            [occupations[0]],
        )[0]
    ok = body["answered"] and any(label and label in body["text"] for label in first)
    return [] if ok else [f"essential skill {first} not in {body['text']!r}"]


def _judge_courses(
    world: dict[str, Any], case: Case, body: dict[str, Any], occupations: list[str]
) -> list[str]:
    """Every course named teaches an essential skill of the occupation."""
    with open_store(world["path"]) as store:
        teaching = {
            r[0]
            for r in store.query(
                "SELECT cs.course_id FROM course_skill cs JOIN occupation_skill os ON os.skill_id = cs.skill_id "
                "WHERE os.occupation_id = ? AND os.relation = 'essential' AND cs.relation = 'teaches'",
                [occupations[0]],
            )
        }
    named = {f["course"] for f in body["figures"]}
    ok = body["answered"] and named and named <= teaching
    return [] if ok else [f"courses {named} not among {teaching}"]


def _judge_transitions(
    world: dict[str, Any], case: Case, body: dict[str, Any], occupations: list[str]
) -> list[str]:
    """The closest occupation by the skills service is named first."""
    from lloradar.features.skills.service import similar_to

    closest = similar_to(world["path"], occupations[0], 1)[0]["uri"]
    label = world["labels"][closest][0 if case.lang == "nl" else 1]
    ok = body["answered"] and body["figures"] and body["figures"][0]["occupation"] == _slug(closest)
    return [] if ok and label in body["text"] else [f"{label} not first in {body['text']!r}"]


def _judge_intervention(
    world: dict[str, Any], case: Case, body: dict[str, Any], occupations: list[str]
) -> list[str]:
    """The interventions service's own sentences for the intervention named."""
    from lloradar.features.interventions.service import progress_report

    with open_store(world["path"]) as store:
        report = progress_report(store, case.extra["intervention"], lang=case.lang)
    assert report is not None
    said = [t for t in [*report.kpi_texts, report.outflow_text] if t not in body["text"]]
    return [] if body["answered"] and not said else [f"{said} not in {body['text']!r}"]


SERVICE_KINDS = {
    "intervention": _judge_intervention,
    "forecast": _judge_forecast,
    "skills": _judge_skills,
    "courses": _judge_courses,
    "transitions": _judge_transitions,
}


@pytest.mark.parametrize("case", CASES, ids=[c.q for c in CASES])
def test_question(world: dict[str, Any], case: Case) -> None:
    assert judge(world, case) == []


def _hidden_cases(world: dict[str, Any]) -> list[Case]:
    """Questions about cells whose job seekers are hidden in the latest month (found in the
    published table): the tension and the job seekers are refused as hidden, with the nearest
    figure that may be shown."""
    found = [
        k
        for k, v in sorted(world["published"].items())
        if k[2] == world["latest"]
        and k[0].startswith("AM")
        and k[1] != "all"
        and v["job_seekers"] is None
    ]
    cases = []
    for region, occupation, _ in found[:2]:
        label_nl, label_en = world["labels"][occupation]
        label_nl = label_nl or label_en
        place = world["names"][region]
        cases.append(
            Case(
                f"Hoe krap is de markt voor {label_nl} in {place}?",
                "tension",
                (region,),
                (label_en,),
                reason="hidden",
            )
        )
        cases.append(
            Case(
                f"How many job seekers are there for {label_en} in {place}?",
                "count",
                (region,),
                (label_en,),
                "en",
                "job_seekers",
                reason="hidden",
            )
        )
    return cases


def test_hidden_counts_are_refused_with_the_nearest_shown_figure(world: dict[str, Any]) -> None:
    for case in _hidden_cases(world):
        assert judge(world, case) == [], case.q
        body = world["client"].get("/api/question", params={"q": case.q}).json()
        assert "privacy" in body["text"]
        for near in body["figures"]:
            if near.get("ratio") is not None:  # the nearest figure that may be shown
                occupation = next(
                    (k for k, v in world["occupations"].items() if _slug(v) == near["occupation"]),
                    None,
                )
                key = (
                    near["area"],
                    world["occupations"][occupation] if occupation else "all",
                    world["latest"],
                )
                assert world["published"][key]["ratio"] is not None
                assert round(world["published"][key]["ratio"], 3) == near["ratio"]


def test_right_per_kind(world: dict[str, Any]) -> None:
    """right/total per kind over the whole set (refusals counted by their reason)."""
    cases = [*CASES, *_hidden_cases(world)]
    right, total = Counter[str](), Counter[str]()
    for case in cases:
        group = f"refusal:{case.reason}" if case.reason else case.kind
        if (
            case.kind == "tension"
            and case.regions
            and case.regions[0][:2] in ("PV", "NL")
            and not case.reason
        ):
            group = "national/province"
        total[group] += 1
        right[group] += not judge(world, case)
    print(f"\nquestion set: {sum(right.values())}/{sum(total.values())} right")
    for group in sorted(total):
        print(f"  {group:32} {right[group]}/{total[group]}")
    languages = Counter(c.lang for c in cases)
    print(f"  languages: {dict(languages)}")
    assert len(cases) >= 80 and set(languages) == {"nl", "en"}
    assert right == total


def test_every_figure_stated_is_the_published_one(world: dict[str, Any]) -> None:
    """Whatever the kind, every published figure an answer states (its `figures` rows with an
    area and a month) is the value of the published table for that area, occupation and month."""
    by_slug = {_slug(v): v for v in world["occupations"].values()}
    checked = 0
    for case in [*CASES, *_hidden_cases(world)]:
        body = world["client"].get("/api/question", params={"q": case.q}).json()
        for row in body["figures"]:
            if "area" not in row or len(str(row.get("period", ""))) != 7:
                continue  # a forecast, a course or an intervention: judged against its service
            occupation = by_slug[row["occupation"]] if row["occupation"] else "all"
            month = date(int(row["period"][:4]), int(row["period"][5:]), 1)
            published = world["published"][(row["area"], occupation, month)]
            for measure in ("vacancies", "job_seekers", "interested", "experienced", "ratio"):
                if measure in row:
                    value = published[measure]
                    value = round(value, 3) if measure == "ratio" and value is not None else value
                    assert row[measure] == value, (case.q, row, measure, value)
            checked += 1
    assert checked > 200
