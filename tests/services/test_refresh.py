"""What is derived from the facts is recomputed after a load that changed them, and only then:
`refresh_derived` and the ingest use-cases that call it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.features.indicators.refresh import refresh_derived
from lloradar.features.indicators.tension import indicator_table
from lloradar.features.ingest.service import ingest_uwv, ingest_vacancies
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store

FIXTURES = Path(__file__).parents[1] / "fixtures"
UWV = FIXTURES / "uwv" / "vacatures_ww_per_beroep_regio.csv"
SOFTWARE = "http://data.europa.eu/esco/isco/C2512"


@pytest.fixture
def store(duck: Store) -> Store:
    load_builtin_regions(duck)
    return duck


def runs(store: Store) -> tuple[int, int]:
    return (
        int(store.query("SELECT count(*) FROM indicator_run")[0][0]),
        int(store.query("SELECT count(*) FROM skill_indicator_run")[0][0]),
    )


def test_an_ingest_that_changed_rows_leaves_the_indicators_of_its_cells(store: Store) -> None:
    report = ingest_uwv(store, str(UWV))
    assert report.refreshed is not None and report.refreshed.indicators is not None
    assert "Recomputed the indicators" in report.refreshed.summary()
    cells = store.query(
        "SELECT DISTINCT region_code FROM indicator_value WHERE occupation_id = ? "
        "AND name = 'tension_ratio' AND region_level = 'arbeidsmarktregio'",
        [SOFTWARE],
    )
    assert sorted(c[0] for c in cells) == ["AM01", "AM18"]
    rows = indicator_table(store, "Groot Amsterdam", SOFTWARE)
    assert rows[0]["region"] == "AM18" and rows[0]["open_vacancies"] == 2650
    assert runs(store) == (1, 1)


def test_the_same_file_again_or_a_refused_one_recomputes_nothing(
    store: Store, tmp_path: Path
) -> None:
    ingest_uwv(store, str(UWV))
    again = ingest_uwv(store, str(UWV))
    assert again.load.stored and again.load.changed_tables == [] and again.refreshed is None
    bad = tmp_path / "bad.csv"
    bad.write_text(UWV.read_text(encoding="utf-8").replace(";2650;", ";2.650;"))
    refused = ingest_uwv(store, str(bad))
    assert refused.refused and refused.refreshed is None
    assert runs(store) == (1, 1)
    assert ingest_uwv(store, str(UWV), refresh=False).refreshed is None


def test_vacancy_texts_recompute_skill_demand_only(store: Store) -> None:
    report = ingest_vacancies(store, str(FIXTURES / "vacancies" / "vacatures.csv"))
    assert report.refreshed is not None
    assert report.refreshed.indicators is None and report.refreshed.skills is not None
    assert runs(store) == (0, 1)


def test_refresh_follows_the_tables_it_is_given(store: Store) -> None:
    assert not refresh_derived(store, ["education_supply", "cbs_observation"]).done
    assert runs(store) == (0, 0)
    everything = refresh_derived(store)
    assert everything.indicators is not None and everything.skills is not None
    assert everything.engine == "duckdb" and runs(store) == (1, 1)
