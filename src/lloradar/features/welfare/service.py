"""Use-cases of brede welvaart (broad welfare): the indicators of a region beside its labour
data (participation, health, income, housing), each with the national figure, how many
gemeenten it rests on, its source and a generated sentence; and loading a CBS StatLine table by
its id (live, or a saved cbsodata folder).

A region's figure comes from the rows of its gemeenten in the table (2017 gemeente codes that no
longer exist are not matched: the coverage says how many were found), or from a row of the
region itself when the table (or the demo) has one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import httpx
from babel.numbers import format_decimal

from lloradar.analytics.welfare import rate, weighted_mean
from lloradar.domain import SourceLine
from lloradar.features.welfare import queries
from lloradar.features.welfare.catalogue import INDICATORS, TABLE, WelfareIndicator
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.statline import load_statline
from lloradar.services.request_store import Store
from lloradar.sources.statline import fetch_table, read_folder

NATIONAL = ("NL00", "NL01")
THEME_WORDS = {
    "participation": ("Participatie", "Participation"),
    "health": ("Gezondheid", "Health"),
    "income": ("Inkomen", "Income"),
    "housing": ("Wonen", "Housing"),
}


@dataclass(frozen=True, slots=True)
class WelfareValue:
    indicator: WelfareIndicator
    value: float | None
    national: float | None
    parts_used: int  # gemeenten (or region rows) the figure rests on
    parts_in_region: int


@dataclass
class WelfareProfile:
    region_code: str
    region_name: str
    table_id: str
    table_title: str
    period: str
    values: list[WelfareValue]
    sources: list[SourceLine] = field(default_factory=list)

    @property
    def is_demo(self) -> bool:
        return any(s.is_demo for s in self.sources)

    @property
    def has_data(self) -> bool:
        return any(v.value is not None for v in self.values)

    def by_theme(self) -> dict[str, list[WelfareValue]]:
        out: dict[str, list[WelfareValue]] = {}
        for v in self.values:
            out.setdefault(v.indicator.theme, []).append(v)
        return out


def _figure(
    indicator: WelfareIndicator, parts: dict[str, dict[str, float | None]]
) -> tuple[float | None, int]:
    if indicator.per is not None:
        return rate(parts, indicator.measure, indicator.per, indicator.scale)
    assert indicator.weight is not None
    return weighted_mean(parts, indicator.measure, indicator.weight)


def welfare_profile(store: Store, code: str) -> WelfareProfile | None:
    """The broad-welfare indicators of a region, or None for an unknown region code."""
    found = queries.region(store, code.upper())
    if found is None:
        return None
    code, name, level = str(found[0]), str(found[1]), str(found[2])
    measures = sorted(
        {i.measure for i in INDICATORS}
        | {m for i in INDICATORS for m in (i.weight, i.per) if m is not None}
    )
    figures: dict[str, dict[str, float | None]] = {}
    sources_of: dict[str, set[str]] = {}
    for region_code, measure, value, source_id in queries.observations(store, TABLE, measures):
        key = str(region_code)
        figures.setdefault(key, {})[str(measure)] = None if value is None else float(value)
        sources_of.setdefault(key, set()).add(str(source_id))
    parts, in_region = _parts(store, figures, code, level)
    national_parts = _national_parts(figures)
    values = []
    for indicator in INDICATORS:
        value, used = _figure(indicator, parts)
        national, _ = _figure(indicator, national_parts)
        values.append(WelfareValue(indicator, value, national, used, in_region))
    used_sources = sorted({s for part in (*parts, *national_parts) for s in sources_of[part]})
    info = queries.table_info(store, TABLE)
    return WelfareProfile(
        code,
        name,
        TABLE,
        str(info[0]) if info else TABLE,
        str(info[1]) if info else "",
        values,
        [SourceLine.from_row(r) for r in queries.provenance(store, used_sources)],
    )


def _parts(
    store: Store, figures: dict[str, dict[str, float | None]], code: str, level: str
) -> tuple[dict[str, dict[str, float | None]], int]:
    """The rows a region's figure rests on, and how many parts the region has: its gemeenten
    (real data), else its own row, else its arbeidsmarktregio rows (a provincie or the country
    over the demo's regions)."""
    gemeenten = queries.gemeenten_of(store, code, level)
    found = [g for g in gemeenten if g in figures]
    if found and level != "gemeente":
        return {g: figures[g] for g in found}, len(gemeenten)
    if code in figures:
        return {code: figures[code]}, 1
    regions = queries.arbeidsmarktregios_of(store, code, level)
    found = [r for r in regions if r in figures]
    if found:
        return {r: figures[r] for r in found}, len(regions)
    return {}, len(gemeenten) or 1


def _national_parts(
    figures: dict[str, dict[str, float | None]],
) -> dict[str, dict[str, float | None]]:
    """The country's own row when the table has one, else every gemeente, else every
    arbeidsmarktregio row (the demo's)."""
    for code in NATIONAL:
        if code in figures:
            return {code: figures[code]}
    for prefix in ("GM", "AM"):
        parts = {c: f for c, f in figures.items() if c.startswith(prefix)}
        if parts:
            return parts
    return {}


def number(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_decimal(round(value, 1), "#,##0.0", locale=lang)


def welfare_text(profile: WelfareProfile, lang: str) -> list[str]:
    """The duiding: one sentence per indicator with a figure, naming the national figure."""
    if not profile.has_data:
        return [
            "Voor deze regio zijn geen cijfers over brede welvaart geladen "
            f"(lloradar welfare load {profile.table_id})."
            if lang == "nl"
            else "No broad-welfare figures are loaded for this region "
            f"(lloradar welfare load {profile.table_id})."
        ]
    out = []
    for v in profile.values:
        if v.value is None:
            continue
        what = f"{v.indicator.label(lang)}: {number(v.value, lang)} {v.indicator.unit_in(lang)}"
        if v.national is None:
            out.append(f"{what}.")
            continue
        if abs(v.value - v.national) < 0.01 * max(abs(v.national), 1e-9):
            word = "ongeveer gelijk aan" if lang == "nl" else "about the same as"
        elif v.value > v.national:
            word = "hoger dan" if lang == "nl" else "higher than"
        else:
            word = "lager dan" if lang == "nl" else "lower than"
        country = "Nederland" if lang == "nl" else "the Netherlands"
        out.append(f"{what}, {word} {country} ({number(v.national, lang)}){_judged(v, lang)}.")
    return out


def _judged(v: WelfareValue, lang: str) -> str:
    """', gunstig' / ', ongunstig' when the indicator has a direction and differs from the
    national figure by 1% or more; nothing for neutral indicators (a WOZ value)."""
    if v.value is None or v.national is None or v.indicator.higher_is == "neutral":
        return ""
    if abs(v.value - v.national) < 0.01 * max(abs(v.national), 1e-9):
        return ""
    good = (v.value > v.national) == (v.indicator.higher_is == "better")
    if lang == "nl":
        return ": gunstig" if good else ": ongunstig"
    return ": favourable" if good else ": unfavourable"


def theme_name(theme: str, lang: str) -> str:
    nl, en = THEME_WORDS.get(theme, (theme, theme))
    return en if lang == "en" else nl


def load_table(
    store: Store,
    table_id: str,
    *,
    folder: Path | None = None,
    row_filter: str | None = None,
    transport: httpx.BaseTransport | None = None,
    is_demo: bool = False,
) -> LoadReport:
    """Load a StatLine table by id: from a saved cbsodata `folder`, or live from CBS."""
    if folder is not None:
        download = read_folder(folder, table_id)
    else:
        download = fetch_table(table_id, transport=transport, row_filter=row_filter)
    return load_statline(store, download, is_demo=is_demo)
