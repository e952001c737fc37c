"""Contract (issue 19, item 3): the Spark job and the local path give the same postings, skills
(the same extractor: toy ESCO taxonomy, the real encoder), quarantine and Parquet output on one
sample; Spark runs `local[2]`. The skill demand computed afterwards on Spark has its own
contract (tests/services/test_indicator_engines.py), so it is left out here to keep this fast."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from lloradar.analytics.extraction import Extractor
from lloradar.features.batch.service import BatchRun, Options, run_batch
from lloradar.features.skills.service import load_extractor
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.pipeline.taxonomy_import import import_esco
from lloradar.services import engines
from lloradar.store import Store, open_store

TOY = Path(__file__).parents[2] / "fixtures" / "toy_esco"
TEXTS = [
    "Je programmeert in Python en beheert databases met SQL.",
    "You will provide patient care and administer medication.",
    "Wij zoeken een chauffeur die goederen vervoert en klanten helpt.",
    "Je geeft les in wiskunde en begeleidt leerlingen.",
    "Repair machines, perform maintenance and read technical drawings.",
    "Je analyseert gegevens en maakt rapportages voor het management.",
]
PLACES = ["Groningen", "Haren", "Nergenshuizen"]


@pytest.fixture(scope="module")
def extractor() -> Iterator[Extractor]:
    with open_store(":memory:") as store:
        import_esco(store, TOY)
        yield load_extractor(store, cache=False)


@pytest.fixture(scope="module")
def one_jvm() -> Iterator[None]:
    """The job's Spark session leaves its JVM to the end of the module, as the engine
    contract tests do (starting one takes about 10 s)."""
    pytest.importorskip("pyspark")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engines, "_shut_down_gateway", lambda: None)
        yield
    engines._shut_down_gateway()


def sample(path: Path) -> Path:
    lines = []
    for n in range(30):
        item = {
            "id": f"S-{n}",
            "title": f"Vacature {n % 11}",
            "description": TEXTS[n % len(TEXTS)] + f" Ref {n % 17}.",
            "location": PLACES[n % 3],
            "posted": f"2025-0{1 + n % 4}-0{1 + n % 9}",
            "closed": None if n % 3 else f"2025-0{6 + n % 3}-15",
        }
        lines.append(json.dumps(item, ensure_ascii=False))
    lines[4] = "42"
    lines[8] = json.dumps({"id": "S-1", "title": "x", "description": "y", "location": "Haren"})
    lines[12] = lines[0].replace('"S-0"', '"S-zero"')  # the same text under another id
    lines.insert(20, json.dumps({"id": "S-late", "title": "t", "description": "d",
                                 "location": "Groningen", "posted": "2025-02-30"}))  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_store(path: Path) -> Store:
    store = open_store(str(path))
    load_builtin_regions(store)
    columns = ["code", "name", "level", "parent_code", "province_code", "source_id"]
    rows = [
        ("GM0014", "Groningen", "gemeente", "AM01", "PV20", "t"),
        ("GM0017", "Haren", "gemeente", "AM01", "PV20", "t"),
    ]
    store.upsert("region", columns, rows, ["code"])
    return store


def results(store: Store, run: BatchRun, out: Path) -> dict[str, Any]:
    def rounded(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [tuple(round(v, 5) if isinstance(v, float) else v for v in r) for r in rows]

    folder = out / "sample"
    skills_out = pq.read_table(folder / "vacancy_skill").to_pylist()
    return {
        "vacancy": store.query("SELECT * EXCLUDE (source_id) FROM vacancy ORDER BY vacancy_id"),
        "vacancy_skill": rounded(
            store.query(
                "SELECT vacancy_id, skill_id, method, score FROM vacancy_skill ORDER BY 1, 2"
            )
        ),
        "quarantine": store.query("SELECT line, field, value, reason FROM quarantine ORDER BY 1"),
        "parquet_vacancy": pq.read_table(folder / "vacancy").sort_by("line").to_pylist(),
        "parquet_skills": sorted(
            (r["line"], r["skill_id"], round(r["score"], 5)) for r in skills_out
        ),
        "parquet_quarantine": pq.read_table(folder / "quarantine").sort_by("line").to_pylist(),
        "counts": [(f.read, f.stored, f.skills, f.quarantined, f.unplaced) for f in run.files],
    }


def test_spark_job_and_local_path_give_the_same_results(
    tmp_path: Path, extractor: Extractor, one_jvm: None
) -> None:
    source = sample(tmp_path / "sample.jsonl")
    found = {}
    for engine in ("local", "spark"):
        store = make_store(tmp_path / f"{engine}.duckdb")
        out = tmp_path / f"out-{engine}"
        run = run_batch(
            store,
            source,
            out=out,
            options=Options(engine, batch_rows=7, indicators=False),
            finder=extractor,
        )
        found[engine] = results(store, run, out)
        store.close()
    local, spark = found["local"], found["spark"]
    assert local["counts"] == [(31, 27, 27 * 5, 4, 9)]
    assert [q[:2] for q in local["quarantine"]] == [
        (5, "record"),
        (9, "posted"),
        (13, "description"),
        (21, "posted"),
    ]
    assert len(local["vacancy_skill"]) == 27 * 5
    for name in local:
        assert spark[name] == local[name], name
