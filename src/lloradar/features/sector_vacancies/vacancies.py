"""The real quarterly open vacancies per SBI sector x region from CBS StatLine 83599NED, in
persons (CBS publishes thousands), with their provenance and the generated texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from lloradar.features.sector_vacancies import queries
from lloradar.features.sector_vacancies.codes import (
    COUNTRY,
    SECTORS,
    TABLE_ID,
    TABLE_TITLE,
    persons,
    quarter,
    region_name,
    resolve_sector,
)
from lloradar.features.sector_vacancies.sources import RealSource
from lloradar.services.request_store import Store


@dataclass
class SectorVacancies:
    code: str  # the CBS id (T001081, 350000)
    sbi: str  # the SBI section or range (A-U, F)
    label_nl: str
    label_en: str
    periods: list[str]  # quarters, oldest first: 2011-Q1 ...
    # region code -> quarter -> open vacancies (persons; None when CBS has no figure)
    series: dict[str, dict[str, int | None]]
    sources: list[RealSource] = field(default_factory=list)

    is_demo = False

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_nl

    @property
    def provinces(self) -> list[str]:
        return sorted(r for r in self.series if r.startswith("PV"))

    @property
    def landsdelen(self) -> list[str]:
        return sorted(r for r in self.series if r.startswith("LD"))

    @property
    def latest(self) -> str:
        return self.periods[-1]

    def value(self, region: str, period: str) -> int | None:
        return self.series.get(region, {}).get(period)


def list_vacancy_sectors(store: Store) -> list[tuple[str, str, str, str]]:
    """(CBS id, SBI section or range, label nl, label en) of the sectors with CBS figures."""
    codes = [code for code in queries.sector_codes(store) if code in SECTORS]
    # all activities first, then by SBI section, each group of sections before its sections
    codes.sort(key=lambda c: (c != "T001081", SECTORS[c][0][0], -len(SECTORS[c][0])))
    return [(code, *SECTORS[code]) for code in codes]


def sector_vacancies(store: Store, text: str) -> SectorVacancies | None:
    """The real series of the sector named by `text` (CBS id or SBI section), or None."""
    code = resolve_sector(text)
    if code is None:
        return None
    rows = queries.observations(store, code)
    if not rows:
        return None
    series: dict[str, dict[str, int | None]] = {}
    periods: set[str] = set()
    for region, period, value, _status in rows:
        q = quarter(str(period))
        if q is None:
            continue
        series.setdefault(str(region), {})[q] = persons(value)
        periods.add(q)
    sources = [
        RealSource(f"CBS {TABLE_ID}", TABLE_TITLE, str(r[2]), r[3], r[4], bool(r[5]))
        for r in queries.provenance(store, code)
    ]
    sbi, nl, en = SECTORS[code]
    return SectorVacancies(code, sbi, nl, en, sorted(periods), series, sources)


def vacancy_rows(found: SectorVacancies, region: str | None) -> list[dict[str, Any]]:
    """The API's rows: one per region x quarter (`region` None: every region)."""
    regions = [region] if region is not None else sorted(found.series)
    source = f"CBS StatLine {TABLE_ID}"
    return [
        {
            "region": r,
            "sector": found.code,
            "period": period,
            "open_vacancies": value,
            "source": source,
            "is_demo": False,
        }
        for r in regions
        for period, value in sorted(found.series.get(r, {}).items())
    ]


def _n(value: float, lang: str) -> str:
    return format_decimal(round(value), "#,##0", locale=lang)


def _pct(value: float, lang: str) -> str:
    return format_decimal(Decimal(float(value)), "0.0", locale=lang)


def trend_text(found: SectorVacancies, region: str, lang: str) -> list[str]:
    """The duiding of the trend chart: every sentence names the figures it rests on."""
    values = {p: v for p, v in found.series.get(region, {}).items() if v is not None}
    if not values:
        return []
    name, label = region_name(region, lang), found.label(lang).lower()
    last = max(values)
    out = [
        f"In {last} stonden in {name} {_n(values[last], lang)} vacatures open in {label}."
        if lang == "nl"
        else f"In {last}, {name} had {_n(values[last], lang)} open vacancies in {label}."
    ]
    year_before = f"{int(last[:4]) - 1}{last[4:]}"
    before = values.get(year_before)
    if before:
        change = 100 * (values[last] - before) / before
        if lang == "nl":
            word = "meer" if change >= 0 else "minder"
            out.append(
                f"Dat is {_pct(abs(change), lang)}% {word} dan een jaar eerder "
                f"({year_before}: {_n(before, lang)})."
            )
        else:
            word = "more" if change >= 0 else "fewer"
            out.append(
                f"That is {_pct(abs(change), lang)}% {word} than a year before "
                f"({year_before}: {_n(before, lang)})."
            )
    peak = max(values, key=lambda p: (values[p], p))
    out.append(
        f"Het hoogste aantal sinds {min(values)} was {_n(values[peak], lang)} in {peak}."
        if lang == "nl"
        else f"The highest number since {min(values)} was {_n(values[peak], lang)} in {peak}."
    )
    return out


def comparison_text(found: SectorVacancies, lang: str) -> list[str]:
    """The duiding of the province comparison in the latest quarter."""
    period = found.latest
    ranked = sorted(
        ((p, found.value(p, period)) for p in found.provinces),
        key=lambda item: -(item[1] or 0),
    )
    shown = [(p, v) for p, v in ranked if v is not None]
    if not shown:
        return []
    listed = ", ".join(f"{region_name(p, lang)} ({_n(v, lang)})" for p, v in shown[:3])
    out = [
        f"De meeste open vacatures in {period}: {listed}."
        if lang == "nl"
        else f"Most open vacancies in {period}: {listed}."
    ]
    total = found.value(COUNTRY, period)
    top, top_value = shown[0]
    if total:
        share = 100 * top_value / total
        out.append(
            f"{region_name(top, lang)} heeft {_pct(share, lang)}% van de "
            f"{_n(total, lang)} vacatures in heel Nederland."
            if lang == "nl"
            else f"{region_name(top, lang)} has {_pct(share, lang)}% of the "
            f"{_n(total, lang)} vacancies in the whole country."
        )
    return out
