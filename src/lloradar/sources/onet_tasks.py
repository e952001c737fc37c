"""O*NET 29.2 Task Statements (Excel release): the tasks of each O*NET-SOC occupation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lloradar.domain import Parsed, QuarantineEntry
from lloradar.sources.onet import CODE, read_sheet

_DATE = re.compile(r"(\d{2})/(\d{4})")
TASK_TYPES = ("Core", "Supplemental")


@dataclass(frozen=True, slots=True)
class OnetTask:
    """One task statement; `updated` is the statement's O*NET date as `YYYY-MM`."""

    task_id: int
    onet_code: str
    task: str
    task_type: str | None
    incumbents: int | None
    updated: str | None
    domain_source: str | None

    def row(self) -> tuple[object, ...]:
        return (
            self.task_id,
            self.onet_code,
            self.task,
            self.task_type,
            self.incumbents,
            self.updated,
            self.domain_source,
        )


TASK_COLUMNS = [
    "task_id",
    "onet_code",
    "task",
    "task_type",
    "incumbents",
    "updated",
    "domain_source",
]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _valid_code(code: str) -> bool:
    parts = code.replace("-", ".").split(".")
    return len(parts) == 3 and all(p.isdigit() for p in parts)


def _task_row(line: int, row: dict[str, Any], bad: list[QuarantineEntry]) -> OnetTask | None:
    code = _text(row.get(CODE))
    if not _valid_code(code):
        bad.append(QuarantineEntry(line, CODE, code, "is not an O*NET-SOC code (NN-NNNN.NN)"))
        return None
    task_id = row.get("Task ID")
    if isinstance(task_id, float) and task_id.is_integer():
        task_id = int(task_id)
    if not isinstance(task_id, int) or isinstance(task_id, bool):
        bad.append(QuarantineEntry(line, "Task ID", _text(task_id), "is not a whole number"))
        return None
    text = _text(row.get("Task"))
    if not text:
        bad.append(QuarantineEntry(line, "Task", text, "is empty"))
        return None
    kind = _text(row.get("Task Type")) or None
    if kind is not None and kind not in TASK_TYPES:
        bad.append(QuarantineEntry(line, "Task Type", kind, "expected Core or Supplemental"))
        return None
    date = _DATE.fullmatch(_text(row.get("Date")))
    incumbents = row.get("Incumbents Responding")
    return OnetTask(
        task_id,
        code,
        text,
        kind,
        int(incumbents) if isinstance(incumbents, int | float) else None,
        f"{date.group(2)}-{date.group(1)}" if date else None,
        _text(row.get("Domain Source")) or None,
    )


def parse_task_statements(data: bytes, source: str) -> Parsed[OnetTask]:
    """Task Statements.xlsx -> tasks; bad rows are quarantined with line, field and reason."""
    records: list[OnetTask] = []
    bad: list[QuarantineEntry] = []
    seen: set[int] = set()
    for line, row in read_sheet(data, source, [CODE, "Task ID", "Task", "Task Type", "Date"]):
        task = _task_row(line, row, bad)
        if task is None:
            continue
        if task.task_id in seen:
            bad.append(QuarantineEntry(line, "Task ID", str(task.task_id), "appears twice"))
            continue
        seen.add(task.task_id)
        records.append(task)
    return Parsed(records, bad)


def parse_occupation_titles(data: bytes, source: str) -> dict[str, str]:
    """Occupation Data.xlsx -> O*NET-SOC code -> title (the link needs titles only)."""
    return {
        _text(row[CODE]): _text(row["Title"])
        for _, row in read_sheet(data, source, [CODE, "Title"])
        if _valid_code(_text(row[CODE]))
    }
