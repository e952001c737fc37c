"""The result of parsing a source file: the good records and the quarantined rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from lloradar.domain.provenance import QuarantineEntry

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    records: list[T]
    quarantine: list[QuarantineEntry] = field(default_factory=list)
