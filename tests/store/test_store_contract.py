"""One contract for every store: DuckDB in-process and a real PostgreSQL server."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from lloradar.domain import Provenance
from lloradar.domain.errors import StoreUnavailable
from lloradar.pipeline.save import TableRows, save_load
from lloradar.store import Store, open_store
from lloradar.store.base import migrations

EXPECTED_TABLES = {
    "provenance",
    "quarantine",
    "region",
    "region_geometry",
    "occupation",
    "skill",
    "occupation_skill",
    "isco_group",
    "sector",
    "vacancy_stats",
    "labour_supply",
    "employment",
    "schema_migration",
}


def provenance(checksum: str = "sha256:abc") -> Provenance:
    return Provenance("test", "t", "file.csv", datetime(2026, 1, 1), "CC0", checksum)


def test_migrations_create_every_table_once(any_store: Store) -> None:
    assert set(any_store.tables()) >= EXPECTED_TABLES
    assert any_store.migrate() == []
    versions = [r[0] for r in any_store.query("SELECT version FROM schema_migration ORDER BY 1")]
    assert versions == [v for v, _, _ in migrations()]


def test_upsert_is_idempotent_and_replaces_non_key_columns(any_store: Store) -> None:
    columns = ["code", "name", "level", "parent_code", "province_code", "source_id"]
    row = ("AM18", "Groot Amsterdam", "arbeidsmarktregio", "PV27", "PV27", "s1")
    any_store.upsert("region", columns, [row], ["code"])
    any_store.upsert("region", columns, [row], ["code"])
    assert any_store.query("SELECT count(*) FROM region")[0][0] == 1
    any_store.upsert("region", columns, [(*row[:1], "Amsterdam", *row[2:])], ["code"])
    assert any_store.query("SELECT name FROM region WHERE code = ?", ["AM18"]) == [("Amsterdam",)]


def test_insert_arrow_appends_the_named_columns_and_rolls_back_with_the_transaction(
    any_store: Store,
) -> None:
    values = pa.table(
        {
            "code": ["AM05", "AM06"],
            "name": ["Twente", "Stedendriehoek"],
            "level": ["arbeidsmarktregio"] * 2,
            "source_id": ["s1", "s1"],
        }
    )
    any_store.insert_arrow("region", values)
    assert any_store.query("SELECT code, name FROM region ORDER BY code") == [
        ("AM05", "Twente"),
        ("AM06", "Stedendriehoek"),
    ]
    with pytest.raises(RuntimeError), any_store.transaction():
        any_store.execute("DELETE FROM region")
        any_store.insert_arrow("region", values.slice(0, 1))
        raise RuntimeError("abort")
    assert any_store.query("SELECT count(*) FROM region")[0][0] == 2


def test_types_round_trip(any_store: Store) -> None:
    columns = [
        "region_code",
        "occupation_id",
        "period",
        "open_vacancies",
        "new_vacancies",
        "filled_vacancies",
        "days_open_filled",
        "source_id",
    ]
    rows = [
        ("AM01", "demo:occupation/x", date(2024, 3, 1), 12, 5, 4, 31.5, "s"),
        ("AM01", "demo:occupation/x", date(2024, 4, 1), 0, 0, 0, None, "s"),
    ]
    any_store.upsert("vacancy_stats", columns, rows, columns[:3])
    got = any_store.query_dicts(
        "SELECT period, open_vacancies, days_open_filled FROM vacancy_stats ORDER BY period"
    )
    assert got == [
        {"period": date(2024, 3, 1), "open_vacancies": 12, "days_open_filled": 31.5},
        {"period": date(2024, 4, 1), "open_vacancies": 0, "days_open_filled": None},
    ]


def test_failed_transaction_keeps_what_was_stored(any_store: Store) -> None:
    columns = ["code", "label_nl", "label_en", "parent_code"]
    save_load(
        any_store,
        provenance(),
        [TableRows("sector", columns, ["code"], [("A", "Landbouw", None, None)])],
    )
    with pytest.raises(RuntimeError), any_store.transaction():
        any_store.execute("DELETE FROM sector")
        any_store.upsert(
            "sector", [*columns, "source_id"], [("B", "Delfstoffen", None, None, "x")], ["code"]
        )
        raise RuntimeError("the load fails half-way")
    assert any_store.query("SELECT code FROM sector") == [("A",)]


def test_same_load_twice_changes_nothing(any_store: Store) -> None:
    columns = ["code", "label_nl", "label_en", "parent_code"]
    rows = [TableRows("sector", columns, ["code"], [("A", "Landbouw", "Agriculture", None)])]
    save_load(any_store, provenance(), rows)
    before = any_store.query("SELECT * FROM provenance"), any_store.query("SELECT * FROM sector")
    save_load(any_store, provenance(), rows)
    after = any_store.query("SELECT * FROM provenance"), any_store.query("SELECT * FROM sector")
    assert before == after


def test_a_load_reports_the_rows_it_changed(any_store: Store) -> None:
    columns = ["code", "label_nl", "label_en", "parent_code"]
    first = [
        TableRows(
            "sector", columns, ["code"], [("A", "Landbouw", None, None), ("B", "x", None, None)]
        )
    ]
    other = [TableRows("sector", columns, ["code"], [("B", "Delfstoffen", None, None)])]
    assert save_load(any_store, provenance(), first).changed == {"sector": 2}
    again = save_load(any_store, provenance(), first)
    assert again.stored == {"sector": 2} and again.changed == {"sector": 0}
    assert again.changed_tables == []
    assert save_load(any_store, provenance("sha256:other"), other).changed_tables == ["sector"]
    # the first file again takes B back from the other source: one row changed
    assert save_load(any_store, provenance(), first).changed == {"sector": 1}


def test_row_counts_cover_every_table(any_store: Store) -> None:
    counts = any_store.row_counts()
    assert set(counts) >= EXPECTED_TABLES
    assert counts["schema_migration"] == len(migrations())


def test_a_store_that_cannot_be_opened_says_which_and_why(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.duckdb"
    not_a_database.write_text("these are notes, not a database")
    with pytest.raises(StoreUnavailable, match=r"store .*notes.duckdb: cannot be opened"):
        open_store(str(not_a_database))
    with pytest.raises(StoreUnavailable, match=r"store postgresql://nobody@127.0.0.1:1/x"):
        open_store("postgresql://nobody@127.0.0.1:1/x")
