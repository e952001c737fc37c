"""Integration: the real ESCO v1.1.1 and O*NET 29.2 files of ../shared/data, real counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.taxonomy_import import import_onet
from lloradar.store import Store, open_store

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def real(
    shared_data: Path,
    real_esco: tuple[Path, list[LoadReport]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Store, list[LoadReport]]]:
    # import_esco(shared_data / "esco-v1.1.1") once per session (tests/conftest.py), then O*NET
    esco, esco_reports = real_esco
    store = open_store(str(copy_world(esco, tmp_path_factory.mktemp("real") / "taxonomy.duckdb")))
    reports = [*esco_reports, *import_onet(store, shared_data / "onet")]
    yield store, reports
    store.close()


def count(store: Store, sql: str) -> int:
    return int(store.query(sql)[0][0])


def test_real_esco_counts(real: tuple[Store, list[LoadReport]]) -> None:
    store, _ = real
    types = dict(store.query("SELECT type, count(*) FROM taxonomy_concept GROUP BY type"))
    assert types["esco_occupation"] == 3007
    assert types["esco_skill"] == 13896
    assert types["esco_skill_group"] == 640
    assert types["isco_group"] == 619
    assert count(store, "SELECT count(*) FROM occupation") == 3007
    assert count(store, "SELECT count(*) FROM skill") == 13896
    # 123,855 rows, of which 67 name an occupation that is not in occupations_en (real defect)
    assert count(store, "SELECT count(*) FROM occupation_skill") == 123855 - 67
    assert count(store, "SELECT count(*) FROM skill_relation") == 5899
    assert count(store, "SELECT count(*) FROM occupation WHERE isco_code IS NOT NULL") == 3007


def test_real_quarantine_names_the_unknown_uris(real: tuple[Store, list[LoadReport]]) -> None:
    _, reports = real
    by_table = {r.source.split()[0] + ":" + str(len(r.quarantined)) for r in reports}
    assert by_table
    quarantined = {q.field for r in reports for q in r.quarantined}
    assert quarantined == {"occupationUri", "conceptUri"}
    assert sum(len(r.quarantined) for r in reports) == 67 + 7


def test_real_dutch_labels(real: tuple[Store, list[LoadReport]]) -> None:
    store, _ = real
    dutch_occupations = count(
        store,
        "SELECT count(*) FROM taxonomy_concept WHERE type = 'esco_occupation' "
        "AND label_nl IS NOT NULL",
    )
    assert dutch_occupations > 2990  # v1.2.0 Dutch labels joined on URI: a few are missing
    assert (
        count(
            store,
            "SELECT count(*) FROM taxonomy_concept WHERE type = 'esco_skill' AND label_nl IS NOT NULL",
        )
        > 300
    )


def test_real_onet_counts(real: tuple[Store, list[LoadReport]]) -> None:
    store, _ = real
    types = dict(store.query("SELECT type, count(*) FROM taxonomy_concept GROUP BY type"))
    assert types["onet_occupation"] == 1016
    assert types["onet_element"] == 627
    assert count(store, "SELECT count(*) FROM onet_job_zone") == 923
    assert count(store, "SELECT count(DISTINCT onet_code) FROM onet_rating") == 879
