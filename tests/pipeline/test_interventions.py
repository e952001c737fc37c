"""Loading the register and participant files: idempotent, transactional, quarantined."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.pipeline.interventions import load_interventions, load_participants
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "interventions"
KEY = b"test-key"


def state(store: Store) -> tuple[object, ...]:
    return (
        store.row_counts(),
        store.query("SELECT * FROM intervention ORDER BY 1"),
        store.query("SELECT * FROM intervention_kpi ORDER BY 1, 2, 4"),
        store.query("SELECT * FROM participant ORDER BY 1, 2"),
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
    assert counts["participant"] == 97
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
