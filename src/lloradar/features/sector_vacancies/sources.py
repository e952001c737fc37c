"""Provenance of a real CBS figure as a chart shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RealSource:
    """ "CBS 83599NED (title), licence, retrieval date" under a chart."""

    source: str
    table: str
    url: str
    licence: str
    retrieved_at: datetime
    is_demo: bool = False
