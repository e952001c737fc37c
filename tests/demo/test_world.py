"""The demo world: deterministic, labelled, plausible, and usable without ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.analytics.tension import tension_ratio
from lloradar.demo import DemoWorld, build_demo_world
from lloradar.store import Store, open_store


@pytest.fixture(scope="module")
def offline_world(tmp_path_factory: pytest.TempPathFactory, offline_demo_world_file: Path) -> Store:
    """A copy of the session's offline demo world (seed 42, no shared data)."""
    target = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    return open_store(str(copy_world(offline_demo_world_file, target)))


def fingerprint(store: Store) -> tuple[object, ...]:
    return tuple(
        store.query(
            "SELECT count(*), sum(open_vacancies), sum(filled_vacancies), "
            "sum(hash(region_code, occupation_id, period, open_vacancies)) FROM vacancy_stats"
        )[0]
    ) + tuple(store.query("SELECT sum(job_seekers_short), sum(interested) FROM labour_supply")[0])


def test_offline_world_uses_the_labelled_handmade_taxonomy(offline_world: Store) -> None:
    ids = [r[0] for r in offline_world.query("SELECT id FROM occupation")]
    assert len(ids) == 31
    assert all(i.startswith("demo:occupation/") for i in ids)
    assert all(r[0].startswith("demo:skill/") for r in offline_world.query("SELECT id FROM skill"))
    demo_sources = offline_world.query("SELECT count(*) FROM provenance WHERE is_demo")[0][0]
    # taxonomy, vacancies, supply, employment, workforce, leavers, course catalogue, inclusion
    assert demo_sources == 8


def test_world_covers_35_regions_31_occupations_60_months(offline_world: Store) -> None:
    regions, occupations, months, first, last = offline_world.query(
        "SELECT count(DISTINCT region_code), count(DISTINCT occupation_id), "
        "count(DISTINCT period), min(period), max(period) FROM vacancy_stats"
    )[0]
    assert (regions, occupations, months) == (35, 31, 60)
    assert (str(first), str(last)) == ("2021-01-01", "2025-12-01")
    assert offline_world.query("SELECT count(*) FROM labour_supply")[0][0] == 35 * 31 * 60
    employment = offline_world.query(
        "SELECT count(DISTINCT sector_code), count(DISTINCT age_band), count(DISTINCT year) FROM employment"
    )
    assert employment == [(21, 6, 5)]


def test_every_fact_row_is_labelled_demo(offline_world: Store) -> None:
    for table in ["vacancy_stats", "labour_supply", "employment"]:
        unlabelled = offline_world.query(
            f"SELECT count(*) FROM {table} t JOIN provenance p USING (source_id) WHERE NOT p.is_demo"
        )[0][0]
        assert unlabelled == 0


def national_ratio(store: Store, label: str) -> float:
    vacancies, seekers = store.query(
        "SELECT sum(v.open_vacancies), sum(s.job_seekers_short) FROM vacancy_stats v "
        "JOIN labour_supply s USING (region_code, occupation_id, period) "
        "JOIN occupation o ON o.id = v.occupation_id WHERE o.label_en = ? AND year(v.period) = 2025",
        [label],
    )[0]
    ratio = tension_ratio(int(vacancies), int(seekers))
    assert ratio is not None
    return ratio


def test_structural_shortages_and_slack_are_plausible(offline_world: Store) -> None:
    assert national_ratio(offline_world, "nurse responsible for general care") > 4.0
    assert national_ratio(offline_world, "software developer") > 1.5
    assert national_ratio(offline_world, "primary school teacher") > 1.5
    assert national_ratio(offline_world, "office clerk") < 0.67
    assert national_ratio(offline_world, "journalist") < 0.67


def test_sector_mix_differs_by_region(offline_world: Store) -> None:
    def share(region: str, sector: str) -> float:
        part, total = offline_world.query(
            "SELECT sum(CASE WHEN sector_code = ? THEN persons ELSE 0 END), sum(persons) "
            "FROM employment WHERE region_code = ? AND year = 2025",
            [sector, region],
        )[0]
        return float(part) / float(total)

    assert share("AM18", "J") > 1.5 * share("AM03", "J")  # ICT in Amsterdam
    assert share("AM29", "A") > 1.5 * share("AM18", "A")  # horticulture in Noord-Limburg


def test_seasonality_in_vacancies(offline_world: Store) -> None:
    by_month = dict(
        offline_world.query(
            "SELECT month(period), sum(open_vacancies) FROM vacancy_stats "
            "WHERE year(period) = 2025 GROUP BY 1"
        )
    )
    assert by_month[5] > by_month[11]


def test_same_seed_same_world_and_rebuild_is_idempotent(
    offline_world: Store, tmp_path: Path
) -> None:
    again = open_store(str(tmp_path / "again.duckdb"))
    build_demo_world(again, seed=42, shared_data=None)
    assert fingerprint(again) == fingerprint(offline_world)
    counts = again.row_counts()
    build_demo_world(again, seed=42, shared_data=None)
    assert again.row_counts() == counts
    other = open_store(str(tmp_path / "other.duckdb"))
    build_demo_world(other, seed=7, shared_data=None)
    assert fingerprint(other) != fingerprint(offline_world)


def test_with_shared_data_the_occupations_are_real_esco(
    shared_data: Path, shared_data_demo_world: tuple[Path, DemoWorld], tmp_path: Path
) -> None:
    # the session's build of the demo world with the shared data (seed 42), and what it returned
    built, world = shared_data_demo_world
    store = open_store(str(copy_world(built, tmp_path / "esco.duckdb")))
    assert world.uses_esco
    ids = [r[0] for r in store.query("SELECT id FROM occupation")]
    assert all(i.startswith("http://data.europa.eu/esco/occupation/") for i in ids)
    assert store.query("SELECT label_nl FROM occupation WHERE label_en = 'software developer'") == [
        ("software ontwikkelaar",)
    ]
    assert (
        store.query("SELECT count(*) FROM occupation_skill WHERE relation = 'essential'")[0][0]
        > 300
    )
    assert store.query("SELECT count(*) FROM region WHERE level = 'gemeente'")[0][0] == 342
    assert store.query("SELECT count(*) FROM isco_group")[0][0] == 619
