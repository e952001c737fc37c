"""Batched, resumable vacancy ingest (issue 22, item 4; issue 19, item 3): large files in
batches, bad rows quarantined with their line, a run interrupted half-way continues where it
stopped without storing anything twice, and JSON Lines and Parquet give the same rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lloradar.cli.main import app
from lloradar.domain import IngestError
from lloradar.features.batch.service import Options, run_batch
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store

TASKS = ["je verleent zorg", "je kookt soep", "je rijdt een vrachtwagen", "je geeft les"]


@dataclass(frozen=True)
class Match:
    uri: str
    score: float


class WordSkills:
    """A stand-in extractor: a skill per known word of the text (enough to see which skills
    were stored for which posting, and how often the extractor was called)."""

    def __init__(self, fail_on_call: int | None = None) -> None:
        self.calls = 0
        self.texts = 0
        self.fail_on_call = fail_on_call

    def extract(self, texts: Sequence[str]) -> list[list[Match]]:
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise KeyboardInterrupt("interrupted half-way")
        self.texts += len(texts)
        words = ("zorg", "soep", "vrachtwagen", "les")
        return [[Match(f"skill:{w}", 0.8) for w in words if w in t] for t in texts]


def posting(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"V-{n}",
        "title": f"Vacature {n}",
        "description": f"{TASKS[n % 4].capitalize()} ({n}).",
        "employer": f"Werkgever {n % 7}",
        "location": "Groningen",
        "posted": f"2025-0{1 + n % 5}-1{n % 10}",
        **extra,
    }


def feed(path: Path, count: int = 40) -> Path:
    """`count` postings with bad lines between them: not an object, a missing title, a repeated
    id, the same text under another id, and a blank line."""
    lines = [json.dumps(posting(n)) for n in range(count)]
    lines.insert(5, "[1, 2]")
    lines.insert(9, json.dumps(posting(900, title="")))
    lines.insert(14, "")
    lines.append(json.dumps(posting(3, description="another text")))  # id V-3 again
    same_text = posting(7)
    same_text["id"] = "V-other"
    lines.append(json.dumps(same_text))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(duck: Store) -> Store:
    load_builtin_regions(duck)
    duck.upsert(
        "region",
        ["code", "name", "level", "parent_code", "province_code", "source_id"],
        [("GM0014", "Groningen", "gemeente", "AM01", "PV20", "t")],
        ["code"],
    )
    return duck


def stored(store: Store) -> tuple[list[Any], list[Any], list[Any]]:
    vacancies = store.query(
        "SELECT vacancy_id, title, region_code, posted_on FROM vacancy ORDER BY vacancy_id"
    )
    skills = store.query("SELECT vacancy_id, skill_id FROM vacancy_skill ORDER BY 1, 2")
    quarantine = store.query("SELECT line, field, reason FROM quarantine ORDER BY line")
    return vacancies, skills, quarantine


def test_bad_records_are_quarantined_with_their_line_and_good_ones_stored(
    store: Store, tmp_path: Path
) -> None:
    source = feed(tmp_path / "feed.jsonl")
    run = run_batch(
        store, source, out=tmp_path / "out", options=Options(batch_rows=8), finder=WordSkills()
    )
    vacancies, skills, quarantine = stored(store)
    assert len(vacancies) == 40 and run.stored == 40
    assert {v[2] for v in vacancies} == {"AM01"}  # Groningen placed in its arbeidsmarktregio
    assert len(skills) == 40
    assert quarantine == [
        (6, "record", 'is an array, expected a JSON object like {"id": ...}'),
        (10, "title", "is missing"),
        (44, "id", "repeats the id of line 4"),
        (45, "description", "is the same text as line 9 under another id"),
    ]
    assert run.files[0].read == 44 and run.files[0].quarantined == 4
    written = pq.read_table(tmp_path / "out" / "feed" / "vacancy")
    assert written.num_rows == 40 and written.column("line").to_pylist()[:6] == [1, 2, 3, 4, 5, 7]
    skills = run.indicators.skills if run.indicators else None
    assert skills is not None and skills.from_text > 0
    assert pq.read_table(tmp_path / "out" / "skill_indicator").num_rows == skills.rows


def test_an_interrupted_run_resumes_where_it_stopped_without_duplicates(
    store: Store, tmp_path: Path
) -> None:
    source = feed(tmp_path / "feed.jsonl")
    options = Options(batch_rows=6, indicators=False)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(store, source, out=out, options=options, finder=WordSkills(fail_on_call=4))
    position = store.query("SELECT position, stored, finished FROM ingest_progress")
    assert position == [(21, 18, False)]  # three batches of six committed, up to line 21
    assert store.query("SELECT count(*) FROM vacancy")[0][0] == 18

    again = WordSkills()
    run = run_batch(store, source, out=out, options=options, finder=again)
    assert run.files[0].resumed_after == 21
    assert again.texts == 40 - 18  # only the postings after the position were extracted
    vacancies, skills, quarantine = stored(store)
    counts = store.query(
        "SELECT count(*), count(DISTINCT vacancy_id) FROM vacancy_skill "
        "UNION ALL SELECT count(*), count(DISTINCT vacancy_id) FROM vacancy"
    )
    assert counts == [(40, 40), (40, 40)]
    written = pq.read_table(out / "feed" / "vacancy").column("vacancy_id").to_pylist()
    assert len(written) == len(set(written)) == 40
    assert len(quarantine) == 4

    other = open_like(store, tmp_path / "uninterrupted.duckdb")
    run_batch(other, source, options=options, finder=WordSkills())
    assert stored(other) == (vacancies, skills, quarantine)
    other.close()

    third = WordSkills()
    done = run_batch(store, source, options=options, finder=third)
    assert done.files[0].loaded_before and third.calls == 0 and done.stored == 0


def open_like(store: Store, path: Path) -> Store:
    from lloradar.store import open_store

    other = open_store(str(path))
    load_builtin_regions(other)
    rows = store.query(
        "SELECT code, name, level, parent_code, province_code, source_id FROM region"
    )
    other.upsert(
        "region",
        ["code", "name", "level", "parent_code", "province_code", "source_id"],
        rows,
        ["code"],
    )
    return other


def test_parquet_gives_the_same_rows_as_json_lines(store: Store, tmp_path: Path) -> None:
    rows = [posting(n) for n in range(12)]
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "feed.parquet")
    options = Options(batch_rows=5, indicators=False)
    run_batch(store, tmp_path / "a", options=options, finder=WordSkills())
    from_lines = stored(store)
    other = open_like(store, tmp_path / "parquet.duckdb")
    run_batch(other, tmp_path / "feed.parquet", options=options, finder=WordSkills())
    assert stored(other) == from_lines and len(from_lines[0]) == 12
    other.close()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.jsonl", "\n\n", "holds no vacancy records"),
        ("feed.csv", "id,title\n", "expected JSON Lines"),
        ("missing.jsonl", None, "no such file or folder"),
    ],
)
def test_unusable_input_is_an_error_naming_the_file(
    store: Store, tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(IngestError, match=message) as error:
        run_batch(store, path, finder=None)
    assert name in str(error.value)
    assert store.query("SELECT count(*) FROM vacancy")[0][0] == 0


def test_cli_reports_rows_and_resumes(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLORADAR_STORE", store.url)
    monkeypatch.setenv("COLUMNS", "200")
    source = feed(tmp_path / "feed.jsonl", count=10)
    command = ["batch", "vacancies", str(source), "--no-skills", "--batch-rows", "4"]
    result = CliRunner().invoke(app, [*command, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "14 records read, 10 vacancies and 0 skill rows stored, 4 quarantined" in result.output
    again = CliRunner().invoke(app, command)
    assert again.exit_code == 0 and "loaded before from the same bytes" in again.output
    wrong = CliRunner().invoke(app, [*command, "--engine", "hadoop"])
    assert wrong.exit_code == 2 and "expected local or spark" in wrong.output
