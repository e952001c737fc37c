"""Load one CBS StatLine table by its id: observations into `cbs_observation`, what the table
and its topics are into `statline_table` and `statline_topic` (migration 019), under one
provenance, all or nothing (a value that is neither a number nor a CBS symbol stores none)."""

from __future__ import annotations

from collections.abc import Sequence

from lloradar.domain import Provenance
from lloradar.pipeline.regions import now
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources import cbs
from lloradar.sources.statline import Download, TableInfo, Topic, parse_download
from lloradar.store import Store

OBSERVATION_COLUMNS = ["table_id", "dimensions", "measure", "region_code", "period", "value"]


def observation_rows(records: Sequence[cbs.Observation]) -> list[tuple[object, ...]]:
    return [
        (o.table_id, o.key, o.measure, o.region_code, o.period, o.value, o.status) for o in records
    ]


def meta_tables(info: TableInfo, topics: Sequence[Topic]) -> list[TableRows]:
    return [
        TableRows(
            "statline_table",
            ["table_id", "title", "period", "modified"],
            ["table_id"],
            [(info.table_id, info.title, info.period, info.modified)],
        ),
        TableRows(
            "statline_topic",
            ["table_id", "measure", "title", "unit", "decimals", "topic_group"],
            ["table_id", "measure"],
            [(info.table_id, t.key, t.title, t.unit, t.decimals, t.group) for t in topics],
        ),
    ]


def load_statline(store: Store, download: Download, *, is_demo: bool = False) -> LoadReport:
    """Parse and store a downloaded table (idempotent: the same bytes store nothing new)."""
    info, topics, parsed = parse_download(download)
    payload = download.table_infos + download.data_properties + b"".join(download.pages)
    provenance = Provenance(
        "CBS StatLine OData",
        info.table_id,
        download.location,
        now(),
        cbs.LICENCE,
        Provenance.checksum_of(payload),
        "demo data" if is_demo else info.title,
        is_demo,
    )
    tables = [
        TableRows(
            "cbs_observation",
            [*OBSERVATION_COLUMNS, "status"],
            ["table_id", "dimensions", "measure"],
            observation_rows(parsed.records),
        ),
        *meta_tables(info, topics),
    ]
    return save_load(store, provenance, [] if parsed.quarantine else tables, parsed.quarantine)
