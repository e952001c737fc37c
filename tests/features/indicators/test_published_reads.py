"""Reading the published indicators (features/indicators/published.py) and the per-region
summary built on them: every figure exactly as published, a hidden one None, nothing recomputed."""

from __future__ import annotations

from datetime import date, datetime

from lloradar.features.indicators.service import (
    ALL_OCCUPATIONS,
    latest_published_cells,
    latest_published_period,
    published_cells,
    region_summaries,
)
from lloradar.store import Store

JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)
A, B, C = "occ:a", "occ:b", "occ:c"
# (region, occupation, month): (open vacancies, short-term job seekers)
FACTS = {
    ("AM05", A, JAN): (40, 20),
    ("AM05", A, FEB): (50, 4),  # 4 job seekers: hidden
    ("AM05", B, FEB): (30, 30),
    ("AM06", A, FEB): (10, 40),
    ("AM06", B, FEB): (20, 25),
    ("AM06", C, JAN): (60, 30),
}


def build(store: Store) -> None:
    """Facts only: nothing published yet (as a store loaded without the recompute)."""
    store.execute(
        "INSERT INTO provenance (source_id, source, source_table, url, retrieved_at, licence, "
        "checksum, is_demo) VALUES ('src', 'handmade', 'facts', 'test', ?, 'CC0', 'x', TRUE)",
        [datetime(2026, 3, 1)],
    )
    for code, name, level, parent in (
        ("PV23", "Overijssel", "provincie", None),
        ("AM05", "Twente", "arbeidsmarktregio", "PV23"),
        ("AM06", "Stedendriehoek", "arbeidsmarktregio", "PV23"),
    ):
        store.execute(
            "INSERT INTO region (code, name, level, parent_code, source_id) "
            "VALUES (?, ?, ?, ?, 'src')",
            [code, name, level, parent],
        )
    for (region, occupation, period), (vacancies, seekers) in FACTS.items():
        store.execute(
            "INSERT INTO vacancy_stats (region_code, occupation_id, period, open_vacancies, "
            "new_vacancies, filled_vacancies, source_id) VALUES (?, ?, ?, ?, 0, 0, 'src')",
            [region, occupation, period, vacancies],
        )
        store.execute(
            "INSERT INTO labour_supply (region_code, occupation_id, period, job_seekers_short, "
            "job_seekers_long, interested, experienced, source_id) "
            "VALUES (?, ?, ?, ?, 0, 0, 0, 'src')",
            [region, occupation, period, seekers],
        )


def test_the_summary_publishes_first_and_shows_the_published_totals(duck: Store) -> None:
    build(duck)
    assert duck.query("SELECT count(*) FROM published_indicator") == [(0,)]
    rows = region_summaries(duck)
    published = duck.query(
        "SELECT region_code, open_vacancies, job_seekers_short, tension_ratio, tension_class, "
        "hidden, is_demo FROM published_indicator WHERE occupation_id = 'all' "
        "AND region_level = 'arbeidsmarktregio' AND period = ? ORDER BY region_code",
        [FEB],
    )
    assert [r.code for r in rows] == ["AM05", "AM06"]
    assert [r.name for r in rows] == ["Twente", "Stedendriehoek"]
    assert {r.period for r in rows} == {FEB}
    assert [
        (
            r.code,
            r.open_vacancies,
            r.job_seekers_short,
            r.ratio,
            None if r.tension is None else r.tension.value,
            r.hidden,
            r.is_demo,
        )
        for r in rows
    ] == published
    for r in rows:
        hidden = "job_seekers_short" in r.hidden.split()
        assert (r.job_seekers_short is None) == hidden
        if hidden:
            assert r.ratio is None and r.tension is None
    assert region_summaries(duck, JAN)[0].job_seekers_short == 20  # AM05 in January


def test_published_cells_filter_and_hide(duck: Store) -> None:
    build(duck)
    region_summaries(duck)  # publishes
    assert latest_published_period(duck) == FEB
    assert latest_published_period(duck, region_code="AM06", occupation_id=C) == JAN
    assert latest_published_period(duck, region_code="AM99") is None
    cells = published_cells(duck, period=FEB, region_code="AM05")
    assert [c.occupation_id for c in cells] == [ALL_OCCUPATIONS, A, B]
    assert cells[0].is_total and not cells[1].is_total
    small = cells[1]
    assert small.open_vacancies == 50  # vacancies are not people
    assert small.job_seekers_short is None and small.is_hidden("job_seekers_short")
    assert small.tension_ratio is None and small.tension is None
    assert small.reported("job_seekers_short") and small.is_hidden("interested")  # 0 people
    levels = {c.region_level for c in published_cells(duck, occupation_id=A, period=FEB)}
    assert levels == {"arbeidsmarktregio", "provincie", "land"}
    assert published_cells(duck, region_level="provincie", occupation_id=C)[0].period == JAN


def test_latest_published_cells_of_pairs(duck: Store) -> None:
    build(duck)
    region_summaries(duck)
    found = latest_published_cells(duck, [("AM05", A), ("AM06", C), ("AM99", A), ("AM05", A)])
    assert sorted(found) == [("AM05", A), ("AM06", C)]
    assert found[("AM05", A)].period == FEB and found[("AM06", C)].period == JAN
    assert found[("AM06", C)].tension_ratio == 2.0 and found[("AM06", C)].tension_class == "krap"
    assert latest_published_cells(duck, []) == {}
