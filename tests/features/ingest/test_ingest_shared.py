"""`lloradar ingest shared`: every real dataset of ../shared/data in one idempotent,
all-or-nothing run, with a table of what was stored, quarantined and under which provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demo_worlds import copy_world
from lloradar.cli.main import app
from lloradar.features.ingest import shared as shared_module
from lloradar.features.ingest.shared import SharedRun, ingest_shared
from lloradar.store import open_store


def test_every_real_dataset_is_loaded_with_its_provenance(
    real_world: tuple[Path, SharedRun],
) -> None:
    path, run = real_world
    stored = {r.dataset: r for r in run.results}
    vacancies = next(r for r in run.results if "83599NED" in r.dataset)
    assert (vacancies.stored, vacancies.quarantined) == (15_504, 0)
    hbo = next(r for r in run.results if r.dataset.startswith("DUO hbo"))
    mbo = next(r for r in run.results if r.dataset.startswith("DUO mbo"))
    assert hbo.stored > 0 and mbo.stored > 0
    assert not any(r.skipped for r in stored.values())
    assert any("taxonomy" in note for note in run.notes)  # said, not silently left out
    assert any("cbs-statline-csv-exports/ not loaded" in note for note in run.notes)
    with open_store(str(path)) as store:
        value = store.query(
            "SELECT value FROM cbs_observation WHERE table_id = '83599NED' AND region_code = "
            "'NL01' AND period = '2020KW02' AND dimensions LIKE '%=T001081%'"
        )
        assert value == [(200.4,)]
        ids = {str(r[0]) for r in store.query("SELECT source_id FROM provenance")}
        assert {r.source_id for r in run.results} <= ids
        tables = {str(r[0]) for r in store.query("SELECT DISTINCT table_id FROM cbs_observation")}
        assert tables == {"83599NED", "80137ned", "82070ENG", "80072ned"}


def test_a_second_run_changes_nothing(
    real_world: tuple[Path, SharedRun], shared_data: Path, tmp_path: Path
) -> None:
    path = copy_world(real_world[0], tmp_path / "again.duckdb")
    with open_store(str(path)) as store:
        before = store.row_counts()
        again = ingest_shared(store, shared_data)
        assert store.row_counts() == before
    first = {r.dataset: (r.stored, r.source_id) for r in real_world[1].results}
    assert {r.dataset: (r.stored, r.source_id) for r in again.results} == first


def test_missing_folders_are_skipped_with_a_note(
    shared_data: Path, duck: object, tmp_path: Path
) -> None:
    partial = tmp_path / "partial"
    duo = "recorded-sources/duo-open-onderwijsdata"
    (partial / duo).mkdir(parents=True)
    shutil.copy(shared_data / duo / "wo_gediplomeerden_2019.csv", partial / duo)
    run = ingest_shared(duck, partial)  # type: ignore[arg-type]
    skipped = {r.dataset: r.skipped for r in run.results if r.skipped}
    assert any("83599NED" in name for name in skipped)
    assert all("missing" in why for why in skipped.values())
    wo = next(r for r in run.results if r.dataset.startswith("DUO wo"))
    assert wo.stored > 0 and not wo.skipped
    assert any("regions/ missing" in note for note in run.notes)


def test_a_failing_dataset_rolls_the_whole_run_back(
    shared_data: Path, duck: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(shared_module, "ingest_duo", broken)
    with pytest.raises(RuntimeError):
        ingest_shared(duck, shared_data)  # type: ignore[arg-type]
    assert duck.query("SELECT count(*) FROM cbs_observation") == [(0,)]  # type: ignore[attr-defined]
    assert duck.query("SELECT count(*) FROM provenance") == [(0,)]  # type: ignore[attr-defined]


def test_the_command_prints_a_table(
    real_world: tuple[Path, SharedRun],
    shared_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = copy_world(real_world[0], tmp_path / "cli.duckdb")
    monkeypatch.setenv("LLORADAR_STORE", str(path))
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["ingest", "shared", str(shared_data)])
    assert result.exit_code == 0, result.output
    for word in (
        "dataset",
        "rows stored",
        "rows quarantined",
        "provenance id",
        "83599NED",
        "15,504",
    ):
        assert word in result.output
    missing = CliRunner().invoke(app, ["ingest", "shared", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
