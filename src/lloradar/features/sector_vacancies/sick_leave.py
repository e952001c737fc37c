"""Sick leave per sector (CBS StatLine 80072ned, % of working days, per quarter): the same CBS
sector ids as the vacancies, real figures for the sector page."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_decimal

from lloradar.features.sector_vacancies import queries
from lloradar.features.sector_vacancies.codes import (
    ALL_SECTORS,
    SICK_DIMENSION,
    SICK_MEASURE,
    SICK_TABLE,
    SICK_TITLE,
    quarter,
    resolve_sector,
)
from lloradar.features.sector_vacancies.sources import RealSource
from lloradar.services.request_store import Store


@dataclass
class SickLeave:
    code: str
    sbi: str
    label_nl: str
    label_en: str
    # quarter (2020-Q1) -> percentage of working days lost to sick leave (None: no figure)
    quarters: dict[str, float | None]
    sources: list[RealSource] = field(default_factory=list)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_nl


def sick_leave(store: Store, text: str) -> SickLeave | None:
    """The quarterly sick leave of the sector named by `text`, or None without figures."""
    code = resolve_sector(text)
    if code is None:
        return None
    where = (code, SICK_TABLE, SICK_MEASURE, SICK_DIMENSION)
    quarters = {
        q: (None if value is None else float(value))
        for _, period, value, _ in queries.observations(store, *where)
        if (q := quarter(str(period))) is not None
    }
    if not quarters:
        return None
    sources = [
        RealSource(f"CBS {SICK_TABLE}", SICK_TITLE, str(r[2]), r[3], r[4], bool(r[5]))
        for r in queries.provenance(store, *where)
    ]
    sbi, nl, en = ALL_SECTORS[code]
    return SickLeave(code, sbi, nl, en, dict(sorted(quarters.items())), sources)


def _pct(value: float, lang: str) -> str:
    return format_decimal(Decimal(str(value)), "0.0", locale=lang)


def sick_leave_text(found: SickLeave, lang: str) -> list[str]:
    """The duiding: the latest quarter, the same quarter a year before, the mean since 2011."""
    values = {q: v for q, v in found.quarters.items() if v is not None}
    if not values:
        return []
    last = max(values)
    label = found.label(lang).lower()
    out = [
        f"In {last} was het ziekteverzuim in {label} {_pct(values[last], lang)}% van de werkdagen."
        if lang == "nl"
        else f"In {last}, sick leave in {label} was {_pct(values[last], lang)}% of working days."
    ]
    year_before = f"{int(last[:4]) - 1}{last[4:]}"
    if year_before in values:
        out.append(
            f"Een jaar eerder ({year_before}): {_pct(values[year_before], lang)}%."
            if lang == "nl"
            else f"A year before ({year_before}): {_pct(values[year_before], lang)}%."
        )
    recent = [v for q, v in values.items() if q >= "2011"]
    if len(recent) > 4:
        mean = round(sum(recent) / len(recent), 1)
        out.append(
            f"Gemiddeld sinds 2011: {_pct(mean, lang)}%."
            if lang == "nl"
            else f"Mean since 2011: {_pct(mean, lang)}%."
        )
    return out
