"""The employer use-case on a small handmade store, on DuckDB and PostgreSQL: golden pool,
competing vacancies, occupations to recruit from and retirement risk; and the input errors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pytest

from lloradar.analytics.extraction import SkillMatch
from lloradar.analytics.similarity import OccupationProfile, SimilarityModel
from lloradar.features.employer.service import (
    EmployerInputError,
    SkillModels,
    VacancyQuery,
    analyse_vacancy,
)
from lloradar.store import Store

NURSE, ASSISTANT, HOMECARE = "occ:nurse", "occ:assistant", "occ:homecare"
OCCUPATIONS = {
    # id: (label_en, label_nl, isco, essential skills)
    NURSE: ("nurse", "verpleegkundige", "2221", ("s:care", "s:medication", "s:empathy")),
    ASSISTANT: ("care assistant", "zorghulp", "3221", ("s:care", "s:hygiene", "s:empathy")),
    HOMECARE: ("home carer", "thuiszorger", "3412", ("s:care", "s:empathy", "s:household")),
}
SKILLS = {
    "s:care": ("patient care", "patiëntenzorg"),
    "s:medication": ("administer medication", "medicatie toedienen"),
    "s:empathy": ("empathy", "empathie"),
    "s:hygiene": ("hygiene", "hygiëne"),
    "s:household": ("household tasks", "huishoudelijke taken"),
}
LATEST, EARLIER = date(2025, 12, 1), date(2025, 11, 1)
# (region, occupation, period): (open vacancies, short, interested, experienced)
FACTS = {
    ("AM05", NURSE, LATEST): (112, 13, 42, 31),
    ("AM05", NURSE, EARLIER): (90, 20, 99, 60),
    ("AM05", ASSISTANT, LATEST): (30, 40, 25, 9),
    ("AM05", HOMECARE, LATEST): (20, 4, 7, 5),
    ("AM06", NURSE, LATEST): (50, 50, 60, 70),
}


class FixedExtractor:
    """Stands in for the text model: the skills of the vacancy are given."""

    def __init__(self, found: Sequence[tuple[str, float]]) -> None:
        self.found = found

    def extract(self, texts: Sequence[str], lang: str = "auto", top: int = 5) -> list[list[Any]]:
        return [
            [SkillMatch(uri, SKILLS[uri][0], score, texts[0][:40]) for uri, score in self.found]
        ]


def build(store: Store) -> None:
    now = datetime(2026, 1, 5)
    store.execute(
        "INSERT INTO provenance (source_id, source, source_table, url, retrieved_at, licence, "
        "checksum, is_demo) VALUES ('src', 'handmade', 'facts', 'test', ?, 'CC0', 'x', TRUE)",
        [now],
    )
    # every arbeidsmarktregio lies in a provincie: the published indicators sum them up to it
    for code, name, parent in (
        ("AM05", "Twente", "PV21"),
        ("AM06", "Stedendriehoek en Noordwest Veluwe", "PV25"),
    ):
        store.execute(
            "INSERT INTO region (code, name, level, parent_code, source_id) "
            "VALUES (?, ?, 'arbeidsmarktregio', ?, 'src')",
            [code, name, parent],
        )
    for code, name in (("PV21", "Overijssel"), ("PV25", "Gelderland")):
        store.execute(
            "INSERT INTO region (code, name, level, source_id) VALUES (?, ?, 'provincie', 'src')",
            [code, name],
        )
    for uri, (en, nl, isco, skills) in OCCUPATIONS.items():
        store.execute(
            "INSERT INTO occupation (id, label_en, label_nl, isco_code, source_id) "
            "VALUES (?, ?, ?, ?, 'src')",
            [uri, en, nl, isco],
        )
        for skill in skills:
            store.execute(
                "INSERT INTO occupation_skill (occupation_id, skill_id, relation, source_id) "
                "VALUES (?, ?, 'essential', 'src')",
                [uri, skill],
            )
    for uri, (en, nl) in SKILLS.items():
        store.execute(
            "INSERT INTO skill (id, label_en, label_nl, skill_type, source_id) "
            "VALUES (?, ?, ?, 'skill', 'src')",
            [uri, en, nl],
        )
    for (region, occupation, period), (vac, short, interested, experienced) in FACTS.items():
        store.execute(
            "INSERT INTO vacancy_stats (region_code, occupation_id, period, open_vacancies, "
            "new_vacancies, filled_vacancies, source_id) VALUES (?, ?, ?, ?, 0, 0, 'src')",
            [region, occupation, period, vac],
        )
        store.execute(
            "INSERT INTO labour_supply (region_code, occupation_id, period, job_seekers_short, "
            "job_seekers_long, interested, experienced, source_id) "
            "VALUES (?, ?, ?, ?, 0, ?, ?, 'src')",
            [region, occupation, period, short, interested, experienced],
        )


def models(found: Sequence[tuple[str, float]]) -> SkillModels:
    similarity = SimilarityModel(
        [
            OccupationProfile(uri, en, "", isco, skills, ())
            for uri, (en, _nl, isco, skills) in OCCUPATIONS.items()
        ],
        {uri: en for uri, (en, _nl) in SKILLS.items()},
    )
    return SkillModels(FixedExtractor(found), similarity)  # type: ignore[arg-type]


VACANCY = "Wij zoeken een verpleegkundige die medicatie toedient en zorg verleent."
NURSE_SKILLS = [("s:medication", 0.6), ("s:care", 0.5), ("s:empathy", 0.4)]
TEAM = (
    "occupation,age_band,count\n"
    "verpleegkundige,25-34,20\n"
    "verpleegkundige,55-64,10\n"
    "occ:nurse,65+,2\n"
    "thuiszorger,60-64,4\n"
)


@pytest.fixture
def store(any_store: Store) -> Store:
    build(any_store)
    return any_store


def test_vacancy_analysis_golden(store: Store) -> None:
    result = analyse_vacancy(
        store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "am05", team=TEAM)
    ).as_dict()
    assert result["region"] == {"code": "AM05", "name": "Twente"}
    assert result["period"] == "2025-12" and result["is_demo"] is True
    skills = result["skills"]
    assert skills["occupation"]["uri"] == NURSE and skills["occupation"]["coverage"] == 1.0
    assert [s["label"] for s in skills["items"]] == [
        "medicatie toedienen",
        "patiëntenzorg",
        "empathie",
    ]
    # the latest month, not November's 99 interested; the figures are the published ones
    assert result["pool"]["interested"] == 42 and result["pool"]["experienced"] == 31
    assert result["pool"]["candidates"] == 42
    # 13 short-term job seekers, hidden by secondary suppression: beside Twente's total of 57
    # and the care assistants' 40 it would give the home carers' 4 away
    assert result["pool"]["job_seekers_short"] is None
    assert "42 werkzoekenden" in result["pool"]["text"][0]
    competition = result["competition"]
    assert competition["open_vacancies"] == 112
    assert competition["ratio"] is None and competition["tension_class"] is None  # as published
    assert "112 andere vacatures" in competition["text"][0]
    adjacent = result["adjacent"]["items"]
    # both level-3 occupations share care and empathy (2 of 3 essential skills):
    # 0.5 * 2/3 + 0.25 * 2/4 = 0.4583
    assert [a["uri"] for a in adjacent] == [ASSISTANT, HOMECARE]
    assert adjacent[0]["similarity"] == pytest.approx(0.4583, abs=1e-4)
    # the care assistants' 25 interested are hidden beside the home carers' 7 (secondary),
    # their 9 experienced are fewer than 10: no shown count
    assert adjacent[0]["pool"]["candidates"] is None
    assert adjacent[1]["pool"]["candidates"] is None  # 7 interested, 5 experienced: <10
    assert [g["label"] for g in adjacent[0]["gap"]] == ["medicatie toedienen"]
    assert result["adjacent"]["pool_with_adjacent"] == {
        "candidates": 42,
        "hidden": 2,
        "occupations": 3,
    }
    risk = {r["uri"]: r for r in result["team_risk"]["items"]}
    assert result["team_risk"]["team_size"] == 36 and result["team_risk"]["pension_age"] == 67
    assert risk["s:care"]["holders"] == 36 and risk["s:care"]["retiring_10"] == 14
    assert risk["s:care"]["retiring_5"] is None  # 7 people
    # 32 nurses beside 36 nurses and home carers would give the 4 home carers away
    assert risk["s:medication"]["holders"] is None and risk["s:medication"]["share_10"] is None
    assert risk["s:household"]["holders"] is None and risk["s:household"]["at_risk"] is None


def test_a_newer_month_for_another_occupation_keeps_this_occupations_figures(
    store: Store,
) -> None:
    """Figures arrive per cell: a January row for care assistants alone must not empty the
    nurses' pool, which still comes from their own latest month (December)."""
    for table, cols in (
        ("vacancy_stats", "open_vacancies, new_vacancies, filled_vacancies"),
        ("labour_supply", "job_seekers_short, job_seekers_long, interested, experienced"),
    ):
        values = ", ".join("50" for _ in cols.split(","))
        store.execute(
            f"INSERT INTO {table} (region_code, occupation_id, period, {cols}, source_id) "
            f"VALUES ('AM05', ?, DATE '2026-01-01', {values}, 'src')",
            [ASSISTANT],
        )
    result = analyse_vacancy(store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "AM05")).as_dict()
    assert result["period"] == "2025-12"
    assert result["pool"]["interested"] == 42 and result["competition"]["open_vacancies"] == 112


def test_competition_shows_the_published_tension(store: Store) -> None:
    """Where the publication shows the job seekers, the ratio and class are its own."""
    result = analyse_vacancy(store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "AM06")).as_dict()
    published = store.query(
        "SELECT open_vacancies, job_seekers_short, tension_ratio, tension_class "
        "FROM published_indicator WHERE region_code = 'AM06' AND occupation_id = ? "
        "AND period = ?",
        [NURSE, LATEST],
    )
    assert published == [(50, 50, 1.0, "gemiddeld")]
    competition = result["competition"]
    assert (competition["open_vacancies"], competition["ratio"]) == (50, 1.0)
    assert competition["tension_class"] == "gemiddeld"
    assert result["pool"]["job_seekers_short"] == 50 and result["pool"]["candidates"] == 70


def test_picked_occupation_and_english(store: Store) -> None:
    result = analyse_vacancy(
        store,
        models(NURSE_SKILLS),
        VacancyQuery(VACANCY, "AM06", occupation="zorghulp", lang="en"),
    ).as_dict()
    assert result["skills"]["occupation"]["uri"] == ASSISTANT
    assert result["skills"]["occupation"]["picked"] is True
    assert result["pool"]["no_figures"] is True  # no care assistants in AM06
    assert "no job-seeker figures for care assistant" in result["pool"]["text"][0]
    assert result["team_risk"]["items"] == []


def test_a_later_aow_age_lowers_the_retirement_risk(store: Store) -> None:
    at_67 = analyse_vacancy(store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "AM05", team=TEAM))
    at_68 = analyse_vacancy(
        store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "AM05", team=TEAM, pension_age=68)
    )
    care = next(r for r in at_67.risks if r.uri == "s:care")
    later = next(r for r in at_68.risks if r.uri == "s:care")
    assert care.retiring_10 == 14 and later.retiring_10 == 13  # 10*0.7 + 2 + 4


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        (VacancyQuery("   ", "AM05"), "text", "empty"),
        (VacancyQuery("x" * 1_000_000, "AM05"), "text", "1,000,000 characters"),
        (VacancyQuery(VACANCY, "AM99"), "region", "'AM99' is not an arbeidsmarktregio"),
        (VacancyQuery(VACANCY, "PV21"), "region", "'PV21' is not an arbeidsmarktregio"),
        (VacancyQuery(VACANCY, "AM05", occupation="astronaut"), "occupation", "'astronaut'"),
        (
            VacancyQuery(VACANCY, "AM05", team="occupation,age_band,count\nzorghulp,50-40,3\n"),
            "team",
            "team line 2, field 'age_band': '50-40'",
        ),
        (
            VacancyQuery(VACANCY, "AM05", team="occupation,age_band,count\nastronaut,20-29,3\n"),
            "team",
            "team line 2, field 'occupation': 'astronaut'",
        ),
        (
            VacancyQuery(VACANCY, "AM05", team="occupation,age_band,count\nzorghulp,20-29,-1\n"),
            "team",
            "field 'count'",
        ),
        (
            VacancyQuery(VACANCY, "AM05", team="beroep,leeftijd,aantal\n"),
            "team",
            "team line 1: the header",
        ),
    ],
)
def test_bad_input_names_the_field(
    store: Store, query: VacancyQuery, field: str, words: str
) -> None:
    before = store.query("SELECT count(*) FROM labour_supply")
    with pytest.raises(EmployerInputError) as caught:
        analyse_vacancy(store, models(NURSE_SKILLS), query)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert store.query("SELECT count(*) FROM labour_supply") == before


def test_no_recognised_skill_gives_no_occupation(store: Store) -> None:
    result = analyse_vacancy(store, models([]), VacancyQuery("Lorem ipsum", "AM05")).as_dict()
    assert result["skills"]["occupation"] is None and result["pool"]["no_figures"] is True
    assert result["skills"]["text"] == ["In deze tekst zijn geen vaardigheden herkend."]


def test_reading_a_team_is_logged_without_its_content(store: Store) -> None:
    from lloradar.services.audit import entries_for

    analyse_vacancy(
        store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "AM05", team=TEAM), actor_id="acc-1"
    )
    lines = entries_for(store, "acc-1")
    assert [(e["action"], e["purpose"]) for e in lines] == [
        ("read team composition (not stored)", "employer")
    ]
    logged = " ".join(str(v) for e in lines for v in e.values())
    assert "verpleegkundige" not in logged and "acc-1" not in logged  # pseudonym, no content
    # no team, no log line
    analyse_vacancy(store, models(NURSE_SKILLS), VacancyQuery(VACANCY, "AM05"), actor_id="acc-1")
    assert len(entries_for(store, "acc-1")) == 1
