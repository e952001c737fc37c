"""UWV open-data CSV (handmade fixture in the public layout): good file, and every kind of bad
input refusing the whole file with reasons in quarantine."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.features.ingest.service import ingest_uwv
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store

FIXTURE = Path(__file__).parents[1] / "fixtures" / "uwv" / "vacatures_ww_per_beroep_regio.csv"


@pytest.fixture
def store(duck: Store) -> Store:
    load_builtin_regions(duck)
    return duck


def write_variant(tmp_path: Path, old: str, new: str) -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


def test_good_file_fills_vacancies_and_job_seekers(store: Store) -> None:
    report = ingest_uwv(store, str(FIXTURE))
    assert not report.refused
    assert report.load.stored == {"vacancy_stats": 5, "labour_supply": 5}
    row = store.query_dicts(
        "SELECT * FROM vacancy_stats v JOIN labour_supply s USING (region_code, occupation_id, "
        "period) WHERE region_code = 'AM01' AND occupation_id LIKE '%C2512'"
    )[0]
    assert row["open_vacancies"] == 420
    assert row["days_open_filled"] == 48.5
    assert row["job_seekers_short"] == 95
    assert row["occupation_id"] == "http://data.europa.eu/esco/isco/C2512"
    ingest_uwv(store, str(FIXTURE))
    assert store.query("SELECT count(*) FROM vacancy_stats") == [(5,)]


def test_renamed_column_is_refused_with_its_name(store: Store, tmp_path: Path) -> None:
    path = write_variant(tmp_path, "WWKorterDan6Maanden", "WW<6mnd")
    with pytest.raises(IngestError, match="missing column.*WWKorterDan6Maanden"):
        ingest_uwv(store, path)
    assert store.query("SELECT count(*) FROM vacancy_stats") == [(0,)]


@pytest.mark.parametrize(
    ("old", "new", "field", "reason"),
    [
        (";2650;", ";2.650;", "OpenstaandeVacatures", "thousands separator"),
        (";380;", ";-380;", "OpenstaandeVacatures", "negative count"),
        ("2024-02;AM01", "2099-02;AM01", "Periode", "lies in the future"),
        (
            "AM18;Groot Amsterdam;2512;Softwareontwikkelaars;2650",
            "AM99;X;2512;S;2650",
            "ArbeidsmarktregioCode",
            "not an arbeidsmarktregio",
        ),
        ("2024MM02;AM18", "2024-01;AM18", "ArbeidsmarktregioCode", "not counted twice"),
    ],
)
def test_bad_row_refuses_the_file_and_is_quarantined(
    store: Store, tmp_path: Path, old: str, new: str, field: str, reason: str
) -> None:
    report = ingest_uwv(store, write_variant(tmp_path, old, new))
    assert report.refused
    assert store.query("SELECT count(*) FROM vacancy_stats") == [(0,)]
    assert store.query("SELECT count(*) FROM labour_supply") == [(0,)]
    [(stored_field, stored_reason)] = store.query("SELECT field, reason FROM quarantine")
    assert stored_field == field
    assert reason in stored_reason
