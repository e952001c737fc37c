"""The batch vacancy ingest as a Spark job (`local[N]` here, a cluster the same way).

1. read: JSON Lines as text with their line numbers (`zipWithIndex`), Parquet with its row
   index (`_metadata.row_index`);
2. check: every record through the same parser as the local path (`batch_read.check_record`),
   per Arrow batch (`mapInArrow`, the Arrow form of `mapInPandas`: dates and NULLs travel as
   Arrow types, not pandas objects, so both paths see the same values);
3. duplicates: the local rule with window functions (first line per id, then per text);
4. skills: the same extractor, shipped once as a broadcast (taxonomy, skill vectors, lexicon)
   and built once per Python worker, never per row; the encoder's weights load from the
   package on each worker;
5. write Parquet (`vacancy`, `vacancy_skill`, `quarantine`, in line order), then store the
   output batch by batch with the resumable position of the local path."""

from __future__ import annotations

import copy
import functools
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from lloradar.analytics.extraction import Extractor, UniversalSentenceEncoder
from lloradar.features.batch.service import (
    FileRun,
    Options,
    ProgressHook,
    begin,
    staged_empty,
)
from lloradar.pipeline import batch_load, batch_read
from lloradar.pipeline.batch_load import Progress, SkillFinder
from lloradar.pipeline.batch_read import LINE, POSTING_SCHEMA, QUARANTINE_SCHEMA
from lloradar.pipeline.sources_load import region_lookup, today
from lloradar.services.engines import spark_backend
from lloradar.store import Store

DONE = "_SPARK_JOB_DONE"  # holds the checksum of the input the folder's output is from
OUTPUTS = ("_checked", "vacancy", "vacancy_skill", "quarantine")
CHECKED_SCHEMA = pa.schema([*POSTING_SCHEMA, *list(QUARANTINE_SCHEMA)[1:]])
SKILL_SCHEMA = pa.schema(
    [
        (LINE, pa.int64()),
        ("vacancy_id", pa.string()),
        ("skill_id", pa.string()),
        ("method", pa.string()),
        ("score", pa.float64()),
    ]
)
_ROW = "_row_index"


def spark_file(
    store: Store,
    path: Path,
    folder: Path,
    options: Options,
    finder: SkillFinder | None,
    method: str,
    progress: ProgressHook | None,
) -> FileRun:
    """Run the job for one file (unless the folder holds its finished output), then store the
    output in batches from the position a stopped run reached."""
    run = FileRun(str(path), "")
    state, source = begin(store, path, run)
    if run.loaded_before:
        return run
    marker = folder / DONE
    if not (marker.is_file() and marker.read_text() == source.checksum):
        run_job(
            path,
            folder,
            source=str(path),
            today=today(),
            regions=region_lookup(store),
            finder=finder,
            method=method,
            partitions=options.partitions,
        )
        marker.write_text(source.checksum)
    else:
        run.messages.append("Spark output of an earlier run of the same bytes reused")
    quarantine = pq.read_table(folder / "quarantine").cast(QUARANTINE_SCHEMA)
    postings = _parts(folder / "vacancy")
    total = sum(pq.ParquetFile(p).metadata.num_rows for p in postings)
    run.read = total + quarantine.num_rows
    state = replace(state or Progress(source.source_id, str(path)), total=total)
    batch_load.start(store, state)
    for batch in batch_read.ordered_batches(postings, state.position, options.batch_rows):
        skills = _skills_of(folder, batch) if finder else None
        _, state = batch_load.save_batch(store, source, state, batch, skills)
        run.stored += batch.num_rows
        run.skills += len(skills or [])
        run.unplaced += batch.column("region_code").null_count
        if progress:
            progress(str(path), state.stored, total)
    _, state = batch_load.save_batch(
        store,
        source,
        state,
        staged_empty(),
        [] if finder else None,
        batch_read.quarantine_entries(quarantine),
        finished=True,
    )
    run.quarantined = state.quarantined
    return run


def ddl(schema: pa.Schema) -> str:
    """A Spark DDL schema for an Arrow one (the types the job's outputs use)."""
    names = {
        pa.int64(): "long",
        pa.string(): "string",
        pa.date32(): "date",
        pa.float64(): "double",
    }
    return ", ".join(f"{f.name} {names[f.type]}" for f in schema)


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet"))


def _skills_of(folder: Path, batch: pa.Table) -> list[tuple[str, str, str, float]]:
    """The skill rows of the batch's lines (the output is sorted by line, so DuckDB reads
    only the row groups of that range)."""
    lines = batch.column(LINE)
    connection = duckdb.connect()
    try:
        rows = connection.execute(
            "SELECT vacancy_id, skill_id, method, score FROM read_parquet(?) "
            "WHERE line BETWEEN ? AND ? ORDER BY line, skill_id",
            [
                [str(p) for p in _parts(folder / "vacancy_skill")],
                lines[0].as_py(),
                lines[-1].as_py(),
            ],
        ).fetchall()
    finally:
        connection.close()
    return [(str(v), str(s), str(m), float(score)) for v, s, m, score in rows]


def run_job(
    path: Path,
    folder: Path,
    *,
    source: str,
    today: date,
    regions: Mapping[str, str],
    finder: SkillFinder | None,
    method: str,
    partitions: int = 2,
) -> None:
    """Steps 1-5 of the module for one file, writing Parquet under `folder`."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    for name in OUTPUTS:
        shutil.rmtree(folder / name, ignore_errors=True)
    with spark_backend({}, partitions) as backend:
        session = backend._session
        context = session.sparkContext
        shipped_regions = context.broadcast(dict(regions))
        check = functools.partial(
            _check_batches, source=source, today=today, regions=shipped_regions
        )
        if batch_read.is_parquet(path):
            frame = session.read.parquet(str(path))
            frame = frame.select(F.col("_metadata.row_index").alias(_ROW), "*")
        else:
            lines = session.read.text(str(path)).rdd.zipWithIndex()
            frame = lines.map(lambda pair: (pair[1] + 1, pair[0][0])).toDF(
                f"{LINE} long, raw string"
            )
        frame.mapInArrow(check, ddl(CHECKED_SCHEMA)).write.parquet(str(folder / "_checked"))
        checked = session.read.parquet(str(folder / "_checked"))
        good = checked.filter(F.col("field").isNull())
        by_id = good.withColumn("first", F.min(LINE).over(Window.partitionBy("vacancy_id")))
        kept = by_id.filter(F.col(LINE) == F.col("first")).drop("first")
        by_text = kept.withColumn("first", F.min(LINE).over(Window.partitionBy("text_hash")))
        reason_id = F.concat(F.lit("repeats the id of line "), F.col("first").cast("string"))
        reason_text = F.concat(
            F.lit("is the same text as line "),
            F.col("first").cast("string"),
            F.lit(" under another id"),
        )
        quarantine = (
            checked.filter(F.col("field").isNotNull())
            .select(LINE, "field", "value", "reason")
            .unionByName(
                by_id.filter(F.col(LINE) != F.col("first")).select(
                    LINE,
                    F.lit("id").alias("field"),
                    F.col("vacancy_id").alias("value"),
                    reason_id.alias("reason"),
                )
            )
            .unionByName(
                by_text.filter(F.col(LINE) != F.col("first")).select(
                    LINE,
                    F.lit("description").alias("field"),
                    F.col("title").alias("value"),
                    reason_text.alias("reason"),
                )
            )
        )
        quarantine.orderBy(LINE).coalesce(1).write.parquet(str(folder / "quarantine"))
        postings = by_text.filter(F.col(LINE) == F.col("first")).select(*POSTING_SCHEMA.names)
        postings.orderBy(LINE).write.parquet(str(folder / "vacancy"))
        if finder is not None:
            shipped = context.broadcast(_portable(finder))
            extract = functools.partial(_extract_batches, finder=shipped, method=method)
            texts = session.read.parquet(str(folder / "vacancy"))
            texts = texts.select(LINE, "vacancy_id", "title", "description")
            found = texts.mapInArrow(extract, ddl(SKILL_SCHEMA))
            found.orderBy(LINE, "skill_id").write.parquet(str(folder / "vacancy_skill"))
        shutil.rmtree(folder / "_checked", ignore_errors=True)


def _check_batches(
    batches: Iterator[pa.RecordBatch], *, source: str, today: date, regions: Any
) -> Iterator[pa.RecordBatch]:
    """Runs on the workers: each record checked as on the local path."""
    lookup: Mapping[str, str] = regions.value
    for batch in batches:
        if _ROW in batch.schema.names:
            records = []
            for row in batch.to_pylist():
                line = int(row.pop(_ROW)) + 1
                records.append((line, batch_read.row_json(row)))
        else:
            records = [
                (int(line), raw.encode())
                for line, raw in zip(
                    batch.column(LINE).to_pylist(), batch.column("raw").to_pylist(), strict=True
                )
                if raw is not None and raw.strip()
            ]
        postings, quarantine = batch_read.checked_tables(records, source, today, lookup)
        combined = pa.concat_tables([postings, quarantine], promote_options="default").select(
            CHECKED_SCHEMA.names
        )
        yield from combined.cast(CHECKED_SCHEMA).to_batches()


def _portable(finder: SkillFinder) -> SkillFinder:
    """The extractor to broadcast: everything but the encoder, whose weights every worker
    loads from the installed package (faster than shipping them)."""
    if isinstance(finder, Extractor) and isinstance(finder.encoder, UniversalSentenceEncoder):
        shipped = copy.copy(finder)
        cast(Any, shipped).encoder = None
        return shipped
    return finder


def _worker_finder(shipped: Any) -> SkillFinder:
    """The extractor of this Python worker: the broadcast's value is unpickled once per worker
    (and workers are reused across tasks), so the encoder is loaded once there, not per batch
    or row."""
    finder = cast(SkillFinder, shipped.value)
    if isinstance(finder, Extractor) and cast(Any, finder).encoder is None:
        finder.encoder = UniversalSentenceEncoder()
    return finder


def _extract_batches(
    batches: Iterator[pa.RecordBatch], *, finder: Any, method: str
) -> Iterator[pa.RecordBatch]:
    """Runs on the workers: the skills of each batch of postings."""
    extractor = _worker_finder(finder)
    for batch in batches:
        table = pa.Table.from_batches([batch])
        rows = batch_load.skill_rows(extractor, table, method)
        lines = dict(
            zip(table.column("vacancy_id").to_pylist(), table.column(LINE).to_pylist(), strict=True)
        )
        yield from pa.table(
            {
                LINE: pa.array([lines[r[0]] for r in rows], pa.int64()),
                "vacancy_id": pa.array([r[0] for r in rows], pa.string()),
                "skill_id": pa.array([r[1] for r in rows], pa.string()),
                "method": pa.array([r[2] for r in rows], pa.string()),
                "score": pa.array([r[3] for r in rows], pa.float64()),
            },
            schema=SKILL_SCHEMA,
        ).to_batches()
