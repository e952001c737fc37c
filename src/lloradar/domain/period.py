"""Periods: a month, a quarter or a year, readable from CBS StatLine codes (2024MM03,
2024KW01, 2024JJ00) and ISO-like codes (2024-03, 2024-Q1, 2024)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lloradar.domain.errors import ValidationError


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_PATTERNS: list[tuple[re.Pattern[str], PeriodKind]] = [
    (re.compile(r"(\d{4})MM(\d{2})"), PeriodKind.MONTH),
    (re.compile(r"(\d{4})-(\d{2})"), PeriodKind.MONTH),
    (re.compile(r"(\d{4})KW(\d{2})"), PeriodKind.QUARTER),
    (re.compile(r"(\d{4})-?Q(\d)"), PeriodKind.QUARTER),
    (re.compile(r"(\d{4})JJ00"), PeriodKind.YEAR),
    (re.compile(r"(\d{4})"), PeriodKind.YEAR),
]


@dataclass(frozen=True, slots=True, order=True)
class Period:
    year: int
    kind: PeriodKind
    number: int = 1

    def __post_init__(self) -> None:
        limits = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}
        if not 1 <= self.number <= limits[self.kind]:
            raise ValidationError("period", f"{self.year}/{self.number}", f"a valid {self.kind}")
        if not 1900 <= self.year <= 2100:
            raise ValidationError("period", self.year, "a year between 1900 and 2100")

    @classmethod
    def parse(cls, code: str) -> Period:
        text = code.strip()
        for pattern, kind in _PATTERNS:
            match = pattern.fullmatch(text)
            if match:
                number = int(match.group(2)) if kind is not PeriodKind.YEAR else 1
                return cls(int(match.group(1)), kind, number)
        raise ValidationError("period", code, "a period like 2024-03, 2024MM03, 2024-Q1 or 2024")

    @classmethod
    def month(cls, day: date) -> Period:
        return cls(day.year, PeriodKind.MONTH, day.month)

    @property
    def start(self) -> date:
        if self.kind is PeriodKind.MONTH:
            return date(self.year, self.number, 1)
        if self.kind is PeriodKind.QUARTER:
            return date(self.year, 3 * self.number - 2, 1)
        return date(self.year, 1, 1)

    @property
    def code(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    def __str__(self) -> str:
        return self.code
