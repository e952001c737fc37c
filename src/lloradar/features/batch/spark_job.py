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

import functools
import shutil
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

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
from lloradar.pipeline.batch_workers import (
    CHECKED_SCHEMA,
    ROW,
    SKILL_SCHEMA,
    check_batches,
    extract_batches,
    portable,
)
from lloradar.pipeline.sources_load import region_lookup, today
from lloradar.services.engines import spark_backend
from lloradar.store import Store

# A task of fewer texts costs more in loading the encoder on its worker than it saves.
TEXTS_PER_TASK = 1_000
DONE = "_SPARK_JOB_DONE"  # holds the checksum of the input the folder's output is from
OUTPUTS = ("_checked", "vacancy", "vacancy_skill", "quarantine")


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
            check_batches, source=source, today=today, regions=shipped_regions
        )
        if batch_read.is_parquet(path):
            frame = session.read.parquet(str(path))
            frame = frame.select(F.col("_metadata.row_index").alias(ROW), "*")
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
        quarantine.coalesce(1).sortWithinPartitions(LINE).write.parquet(str(folder / "quarantine"))
        postings = by_text.filter(F.col(LINE) == F.col("first")).select(*POSTING_SCHEMA.names)
        postings.orderBy(LINE).write.parquet(str(folder / "vacancy"))
        if finder is not None:
            shipped = context.broadcast(portable(finder))
            extract = functools.partial(extract_batches, finder=shipped, method=method)
            texts = session.read.parquet(str(folder / "vacancy"))
            rows = sum(pq.ParquetFile(p).metadata.num_rows for p in _parts(folder / "vacancy"))
            tasks = max(1, min(partitions, rows // TEXTS_PER_TASK))
            texts = texts.select(LINE, "vacancy_id", "title", "description").repartition(tasks)
            found = texts.mapInArrow(extract, ddl(SKILL_SCHEMA))
            # each part in line order: DuckDB reads a batch's lines from the row groups that hold them
            found.sortWithinPartitions(LINE).write.parquet(str(folder / "vacancy_skill"))
        shutil.rmtree(folder / "_checked", ignore_errors=True)
