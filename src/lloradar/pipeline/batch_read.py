"""Large vacancy files read in bounded batches: JSON Lines line by line, Parquet through DuckDB's
record batches. Each record is checked exactly as `ingest vacancies` checks a file (the same
parser, one record at a time), so both ingests quarantine the same rows for the same reasons.

Duplicates are found over the whole file, never with the whole file in memory: the checked
postings are staged as Parquet parts, and DuckDB finds the repeated ids and texts over the parts.
The rule is the same on every engine (the Spark job applies it with window functions): per
vacancy id the first line is kept; of those, per text the first line is kept."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, cast

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lloradar.domain import IngestError, QuarantineEntry
from lloradar.sources import vacancies
from lloradar.sources.vacancies import Posting

JSON_LINES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET = (".parquet",)
LINE = "line"  # the record's line in a JSON Lines file, its row number (from 1) in Parquet
POSTING_SCHEMA = pa.schema(
    [
        (LINE, pa.int64()),
        ("vacancy_id", pa.string()),
        ("title", pa.string()),
        ("description", pa.string()),
        ("employer", pa.string()),
        ("location", pa.string()),
        ("region_code", pa.string()),
        ("occupation_id", pa.string()),
        ("posted_on", pa.date32()),
        ("closed_on", pa.date32()),
        ("text_hash", pa.string()),
    ]
)
QUARANTINE_SCHEMA = pa.schema(
    [(LINE, pa.int64()), ("field", pa.string()), ("value", pa.string()), ("reason", pa.string())]
)
Record = tuple[int, bytes]  # (line, the record as JSON)


def input_files(target: Path) -> list[Path]:
    """The JSON Lines and Parquet files of `target` (a file, or a folder of them by name)."""
    if target.is_dir():
        found = sorted(p for p in target.iterdir() if p.name.lower().endswith(JSON_LINES + PARQUET))
        if not found:
            raise IngestError(str(target), "holds no .jsonl, .ndjson or .parquet file")
        return found
    if not target.is_file():
        raise IngestError(str(target), "no such file or folder")
    if not target.name.lower().endswith(JSON_LINES + PARQUET):
        raise IngestError(
            str(target), "expected JSON Lines (.jsonl, .ndjson, optionally .gz) or .parquet"
        )
    return [target]


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(PARQUET)


def file_checksum(path: Path) -> str:
    """sha256 of the file's bytes, read in blocks (the same as a whole-file ingest computes)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def records(path: Path, batch_rows: int) -> Iterator[list[Record]]:
    """The file's records in batches of at most `batch_rows`, in file order."""
    if is_parquet(path):
        yield from _parquet_records(path, batch_rows)
        return
    batch: list[Record] = []
    with _open(path) as stream:
        try:
            for line, raw in enumerate(stream, start=1):
                if raw.strip():
                    batch.append((line, raw))
                if len(batch) >= batch_rows:
                    yield batch
                    batch = []
        except (OSError, EOFError) as error:  # a truncated .gz
            raise IngestError(str(path), f"cannot be read to the end ({error})") from None
    if batch:
        yield batch


def row_json(row: Mapping[str, Any]) -> bytes:
    """A Parquet row as the JSON object the checks read (dates as ISO text)."""
    return json.dumps(row, default=str, ensure_ascii=False).encode()


def _parquet_records(path: Path, batch_rows: int) -> Iterator[list[Record]]:
    connection = duckdb.connect()
    try:
        reader = connection.execute(
            "SELECT * FROM read_parquet(?, file_row_number = true)", [str(path)]
        ).to_arrow_reader(batch_rows)
        for batch in reader:
            rows = batch.to_pylist()
            yield [(int(row.pop("file_row_number")) + 1, row_json(row)) for row in rows]
    except duckdb.Error as error:
        raise IngestError(str(path), f"is not a readable Parquet file ({error})") from None
    finally:
        connection.close()


def check_record(
    line: int, raw: bytes, source: str, today: date, regions: Mapping[str, str]
) -> Posting | QuarantineEntry:
    """One record through the parser of `ingest vacancies`: a posting (placed in its
    arbeidsmarktregio when its location is a known gemeente) or why it is quarantined."""
    try:
        parsed = vacancies.parse_vacancies(raw, source, today=today, fmt="jsonl")
    except IngestError as error:
        value = raw.decode("utf-8", "replace").strip()[:80]
        return QuarantineEntry(line, error.field or "record", value, error.reason)
    if parsed.quarantine:
        entry = parsed.quarantine[0]
        return QuarantineEntry(line, entry.field, entry.value, entry.reason)
    posting = parsed.records[0]
    region = posting.region_code or regions.get((posting.location or "").lower())
    return dataclasses.replace(posting, region_code=region)


def checked_tables(
    batch: Sequence[Record], source: str, today: date, regions: Mapping[str, str]
) -> tuple[pa.Table, pa.Table]:
    """(postings, quarantine) of one batch, each with its `line`."""
    postings: list[tuple[int, Posting]] = []
    quarantine: list[QuarantineEntry] = []
    for line, raw in batch:
        checked = check_record(line, raw, source, today, regions)
        if isinstance(checked, QuarantineEntry):
            quarantine.append(checked)
        else:
            postings.append((line, checked))
    return postings_table(postings), quarantine_table(quarantine)


def postings_table(postings: Sequence[tuple[int, Posting]]) -> pa.Table:
    columns: dict[str, list[Any]] = {name: [] for name in POSTING_SCHEMA.names}
    for line, p in postings:
        values: tuple[Any, ...] = (line, p.vacancy_id, p.title, p.description, p.employer)
        values += (p.location, p.region_code, p.occupation_id, p.posted_on, p.closed_on)
        values += (p.text_hash,)
        for name, value in zip(POSTING_SCHEMA.names, values, strict=True):
            columns[name].append(value)
    return pa.table(columns, schema=POSTING_SCHEMA)


def quarantine_table(entries: Sequence[QuarantineEntry]) -> pa.Table:
    return pa.table(
        {
            LINE: [e.line for e in entries],
            "field": [e.field for e in entries],
            "value": [e.value for e in entries],
            "reason": [e.reason for e in entries],
        },
        schema=QUARANTINE_SCHEMA,
    )


def quarantine_entries(table: pa.Table) -> list[QuarantineEntry]:
    return [
        QuarantineEntry(int(r[LINE]), r["field"], r["value"], r["reason"])
        for r in table.to_pylist()
    ]


@dataclasses.dataclass(frozen=True, slots=True)
class Staged:
    """A file's checked postings as Parquet parts in line order, and what was quarantined."""

    folder: Path
    quarantine: pa.Table
    read: int

    def parts(self) -> list[Path]:
        return sorted(self.folder.glob("part-*.parquet"))


def stage(
    path: Path,
    folder: Path,
    *,
    source: str,
    today: date,
    regions: Mapping[str, str],
    batch_rows: int,
) -> Staged:
    """Check every record of `path` batch by batch into Parquet parts under `folder`; then add
    the duplicates (found by DuckDB over the parts) to the quarantine."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    bad: list[pa.Table] = []
    read = 0
    for number, batch in enumerate(records(path, batch_rows)):
        read += len(batch)
        postings, quarantine = checked_tables(batch, source, today, regions)
        pq.write_table(postings, folder / f"part-{number:06d}.parquet")
        bad.append(quarantine)
    if read == 0:
        raise IngestError(source, "holds no vacancy records (expected at least one JSON object)")
    staged = Staged(folder, pa.concat_tables([*bad, quarantine_table([])]), read)
    dups = duplicates(staged.parts())
    everything = pa.concat_tables([staged.quarantine, dups]).sort_by(LINE)
    return dataclasses.replace(staged, quarantine=everything)


DUPLICATES_SQL = """
WITH p AS (SELECT line, vacancy_id, title, text_hash FROM read_parquet(?)),
by_id AS (SELECT *, min(line) OVER (PARTITION BY vacancy_id) AS first_id FROM p),
kept AS (SELECT * FROM by_id WHERE line = first_id),
by_text AS (SELECT *, min(line) OVER (PARTITION BY text_hash) AS first_text FROM kept)
SELECT line, 'id' AS field, vacancy_id AS value,
       'repeats the id of line ' || first_id AS reason
FROM by_id WHERE line <> first_id
UNION ALL
SELECT line, 'description', title,
       'is the same text as line ' || first_text || ' under another id'
FROM by_text WHERE line <> first_text
"""


def duplicates(parts: Sequence[Path]) -> pa.Table:
    """Quarantine rows for repeated ids and texts across `parts` (see the module)."""
    if not parts:
        return quarantine_table([])
    connection = duckdb.connect()
    try:
        found = connection.execute(DUPLICATES_SQL, [[str(p) for p in parts]]).to_arrow_table()
    finally:
        connection.close()
    return found.cast(QUARANTINE_SCHEMA).sort_by(LINE)


def kept_batches(staged: Staged, after: int, batch_rows: int) -> Iterator[pa.Table]:
    """The postings that are not quarantined, after line `after`, in line order."""
    dropped = pa.array(staged.quarantine.column(LINE).to_pylist(), pa.int64())
    return ordered_batches(staged.parts(), after, batch_rows, dropped)


def ordered_batches(
    parts: Sequence[Path], after: int, batch_rows: int, dropped: pa.Array | None = None
) -> Iterator[pa.Table]:
    """The postings of Parquet `parts` (in line order, as the stage and the Spark job write
    them) after line `after` and not in `dropped`, streamed in batches of `batch_rows`."""
    pending: list[pa.Table] = []
    size = 0
    for part in parts:
        for batch in pq.ParquetFile(part).iter_batches(batch_size=batch_rows):
            table = pa.Table.from_batches([batch]).select(POSTING_SCHEMA.names)
            lines = table.column(LINE)
            keep = pc.greater(lines, after)
            if dropped is not None and len(dropped):
                keep = pc.and_(keep, pc.invert(pc.is_in(lines, value_set=dropped)))
            table = table.filter(keep).cast(POSTING_SCHEMA)
            if table.num_rows:
                pending.append(table)
                size += table.num_rows
            while size >= batch_rows:
                merged = pa.concat_tables(pending)
                yield merged.slice(0, batch_rows)
                rest = merged.slice(batch_rows)
                pending, size = [rest], rest.num_rows
    if size:
        yield pa.concat_tables(pending)
