"""Provenance of every stored fact, and the quarantine entry of a row that failed validation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a set of facts came from: source, table, address, retrieval time, licence, checksum.

    The id is derived from source, table and checksum, so loading the same bytes twice yields
    the same provenance row (idempotent ingest)."""

    source: str
    table: str
    url: str
    retrieved_at: datetime
    licence: str
    checksum: str
    note: str = ""
    is_demo: bool = False

    @property
    def source_id(self) -> str:
        key = f"{self.source}|{self.table}|{self.checksum}".encode()
        return hashlib.sha256(key).hexdigest()[:16]

    @staticmethod
    def checksum_of(data: bytes) -> str:
        return "sha256:" + hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    """A row that was not stored, with the line, field, value and the reason why."""

    line: int
    field: str
    value: str
    reason: str

    def message(self, source: str) -> str:
        return f"{source} line {self.line}, field {self.field!r}: {self.value!r} {self.reason}"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A provenance row as a page shows it under a figure: "source (table), licence, date"."""

    source: str
    table: str
    url: str
    licence: str
    retrieved_at: datetime
    is_demo: bool = False

    @classmethod
    def from_row(cls, row: tuple[object, ...]) -> SourceLine:
        """From (source, table, url, licence, retrieved_at, is_demo), as the queries select it."""
        source, table, url, licence, retrieved_at, is_demo = row
        assert isinstance(retrieved_at, datetime)
        return cls(str(source), str(table), str(url), str(licence), retrieved_at, bool(is_demo))
