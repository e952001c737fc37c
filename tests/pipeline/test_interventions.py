"""Loading the register and participant files: idempotent, transactional, quarantined."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.domain.intervention import pseudonymise
from lloradar.pipeline.interventions import load_interventions, load_participants
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "interventions"
KEY = b"test-key"


def state(store: Store) -> tuple[object, ...]:
    return (
        store.row_counts(),
        store.query("SELECT * FROM intervention ORDER BY 1"),
        store.query("SELECT * FROM intervention_kpi ORDER BY 1, 2, 4"),
        store.query("SELECT * FROM participant ORDER BY 1, 2"),
        store.query("SELECT * FROM outcome ORDER BY 1, 2, 3"),
        store.query("SELECT * FROM quarantine ORDER BY 1, 2, 3"),
        store.query("SELECT * FROM provenance ORDER BY 1"),
    )


def load_examples(store: Store) -> None:
    store.migrate()
    load_builtin_regions(store)
    load_interventions(store, EXAMPLES / "register.yaml", is_demo=True)
    load_interventions(store, EXAMPLES / "register.csv", is_demo=True)
    load_participants(store, EXAMPLES / "participants.csv", KEY, is_demo=True)


def test_examples_load_and_reloading_changes_nothing(any_store: Store) -> None:
    load_examples(any_store)
    counts = any_store.row_counts()
    assert counts["intervention"] == 4 and counts["intervention_kpi"] == 8
    assert counts["participant"] == 97 and counts["outcome"] == 97 + 97 + 61
    before = state(any_store)
    load_examples(any_store)
    assert state(any_store) == before


def test_raw_participant_ids_are_stored_nowhere(any_store: Store, tmp_path: Path) -> None:
    load_examples(any_store)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "intervention_id,participant_id,start_date\n"
        "demo-twente-zorg,SECRET-1,2025-01-01\n"
        "demo-twente-zorg,SECRET-1,2025-01-01\n"
        "nope,SECRET-2,2025-01-01\n",
        encoding="utf-8",
    )
    report = load_participants(any_store, bad, KEY)
    assert [(q.line, q.field) for q in report.quarantined] == [
        (3, "participant_id"),
        (4, "intervention_id"),
    ]
    every_value = repr([any_store.query(f"SELECT * FROM {t}") for t in any_store.tables()])
    assert "ZT-0001" not in every_value and "SECRET" not in every_value


def test_failed_import_keeps_what_was_stored(any_store: Store, tmp_path: Path) -> None:
    load_examples(any_store)
    before = state(any_store)
    broken = tmp_path / "broken.csv"
    broken.write_text("intervention_id,participant_id\nx,y\n", encoding="utf-8")
    with pytest.raises(IngestError, match="broken.csv line 1: missing column"):
        load_participants(any_store, broken, KEY)
    with pytest.raises(IngestError, match="missing.yaml: cannot be read"):
        load_interventions(any_store, tmp_path / "missing.yaml")
    assert state(any_store) == before


def test_kpis_removed_from_the_register_disappear(duck: Store, tmp_path: Path) -> None:
    load_examples(duck)
    text = (EXAMPLES / "register.csv").read_text(encoding="utf-8")
    changed = tmp_path / "register.csv"
    changed.write_text(text.replace("; employed_6m_pct=60@2026-06-30", ""), encoding="utf-8")
    load_interventions(duck, changed)
    kpis = duck.query(
        "SELECT measure FROM intervention_kpi WHERE intervention_id = 'demo-groningen-ict'"
    )
    assert kpis == [("participants",)]


def test_outcomes_are_their_own_rows_per_moment(any_store: Store) -> None:
    load_examples(any_store)
    participant_columns = {
        str(r[0])
        for r in any_store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'participant'"
        )
    }
    assert "employed_6m" not in participant_columns
    assert "certificate" in participant_columns
    counts = any_store.query(
        "SELECT months, count(*), sum(CASE WHEN employed THEN 1 ELSE 0 END) FROM outcome "
        "GROUP BY months ORDER BY months"
    )
    assert [(int(m), int(n), int(e)) for m, n, e in counts] == golden_outcome_counts()
    # ZT-0002 (yes, no, no, Q, 2221): the job is on the 3-month row only.
    rows = any_store.query(
        "SELECT months, employed, job_sector, job_occupation FROM outcome "
        "WHERE intervention_id = 'demo-twente-zorg' AND pseudonym = ? ORDER BY months",
        [pseudonymise("ZT-0002", KEY)],
    )
    assert rows == [(3, True, "Q", "2221"), (6, False, None, None), (12, False, None, None)]


def golden_outcome_counts() -> list[tuple[int, int, int]]:
    """(months, known outcomes, employed) counted straight from the example file."""
    with (EXAMPLES / "participants.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    return [
        (
            m,
            sum(1 for r in lines if r[f"employed_{m}m"]),
            sum(1 for r in lines if r[f"employed_{m}m"] == "yes"),
        )
        for m in (3, 6, 12)
    ]


def test_a_corrected_file_replaces_the_outcomes(duck: Store, tmp_path: Path) -> None:
    load_examples(duck)
    first = tmp_path / "p.csv"
    header = "intervention_id,participant_id,start_date,employed_3m,employed_6m,job_sector\n"
    first.write_text(header + "demo-twente-zorg,NEW-1,2025-01-01,yes,yes,Q\n", encoding="utf-8")
    load_participants(duck, first, KEY)
    first.write_text(header + "demo-twente-zorg,NEW-1,2025-01-01,no,,\n", encoding="utf-8")
    load_participants(duck, first, KEY)
    rows = duck.query(
        "SELECT months, employed, job_sector FROM outcome WHERE intervention_id = ? AND "
        "pseudonym NOT IN (SELECT pseudonym FROM participant WHERE source_id IN "
        "(SELECT source_id FROM provenance WHERE url LIKE '%participants.csv'))",
        ["demo-twente-zorg"],
    )
    assert rows == [(3, False, None)]


def test_a_job_without_any_outcome_is_quarantined(duck: Store, tmp_path: Path) -> None:
    load_examples(duck)
    before = state(duck)
    bad = tmp_path / "p.csv"
    bad.write_text(
        "intervention_id,participant_id,start_date,job_sector\ndemo-twente-zorg,X-9,2025-01-01,Q\n",
        encoding="utf-8",
    )
    report = load_participants(duck, bad, KEY)
    assert report.messages() == [
        f"{bad} line 2, field 'job_sector': 'Q' is a job but no outcome at 3, 6 or 12 months is "
        "known (expected employed_3m, employed_6m or employed_12m filled in)"
    ]
    assert state(duck)[3] == before[3]


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migration_012_moves_the_outcomes_of_participant_rows(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """A store made before migration 012 keeps every outcome and job, now as outcome rows."""
    import lloradar.store.base as base

    every = base.migrations()
    monkeypatch.setattr(base, "migrations", lambda: [m for m in every if m[0] < 12])
    if engine == "duckdb":
        url = str(tmp_path / "old.duckdb")
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    store = open_store(url)
    try:
        store.execute(
            "INSERT INTO participant (intervention_id, pseudonym, start_date, employed_3m, "
            "employed_6m, employed_12m, job_sector, job_occupation, source_id) VALUES "
            "('i', 'p-a', DATE '2025-01-01', TRUE, FALSE, NULL, 'Q', '2221', 's'), "
            "('i', 'p-b', DATE '2025-01-01', FALSE, FALSE, FALSE, 'F', NULL, 's'), "
            "('i', 'p-c', DATE '2025-01-01', NULL, NULL, NULL, NULL, NULL, 's')"
        )
        monkeypatch.setattr(base, "migrations", lambda: every)
        assert 12 in store.migrate()
        assert store.query("SELECT * FROM outcome ORDER BY pseudonym, months") == [
            ("i", "p-a", 3, True, "Q", "2221", "s"),
            ("i", "p-a", 6, False, None, None, "s"),
            ("i", "p-b", 3, False, "F", None, "s"),
            ("i", "p-b", 6, False, "F", None, "s"),
            ("i", "p-b", 12, False, "F", None, "s"),
        ]
        assert store.query("SELECT count(*) FROM participant") == [(3,)]
    finally:
        store.close()
