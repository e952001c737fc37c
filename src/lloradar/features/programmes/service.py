"""Use-cases of the programme profiles: one CROHO (hbo/wo graduates) or crebo (mbo enrolments)
code per year and per arbeidsmarktregio of the institution (gemeente -> arbeidsmarktregio via
the `region` table), level, provenance and a generated text; a search over the programmes.

DUO counts people: the region x year table goes through `protect_table` (no cell under 10
people, nor one derivable from the totals), and the yearly totals shown are its column totals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from lloradar.analytics.disclosure import disclose, protect_table
from lloradar.domain import SourceLine
from lloradar.features.programmes import queries
from lloradar.services.request_store import Store
from lloradar.services.suggest import closest

UNKNOWN = "onbekend"
# mbo PLAATSNAAM values that are not a 2023 gemeente name: a province suffix, a merged place
_SUFFIX = re.compile(r"\s+(GLD|OV|NH|ZH|GN|FR|DR|UT|LB|L|NB|ZL|Z|FL)$", re.IGNORECASE)
_PLACES = {"veghel": "meierijstad", "zaandam": "zaanstad"}
KIND_WORDS = {
    "diploma": ("gediplomeerden", "graduates"),
    "enrolment": ("ingeschrevenen", "enrolled students"),
}


@dataclass
class ProgrammeProfile:
    code: str
    name: str
    kind: str  # diploma (graduates) or enrolment
    levels: list[str]
    years: list[int]
    regions: list[str]  # arbeidsmarktregio codes (and "onbekend"), largest first
    region_names: dict[str, str]
    # after disclosure control: None = hidden (fewer than 10 people, or derivable)
    per_year: dict[int, int | None]
    per_region: dict[str, dict[int, int | None]]
    region_totals: dict[str, int | None]
    total: int | None
    sources: list[SourceLine] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)  # sector of education

    @property
    def is_demo(self) -> bool:
        return any(s.is_demo for s in self.sources)

    def kind_word(self, lang: str) -> str:
        nl, en = KIND_WORDS.get(self.kind, (self.kind, self.kind))
        return en if lang == "en" else nl

    def region_name(self, code: str, lang: str = "nl") -> str:
        if code == UNKNOWN:
            return "unknown" if lang == "en" else UNKNOWN
        return f"{self.region_names.get(code, code)} ({code})"


def _gemeente_lookup(store: Store) -> dict[str, str]:
    """DUO gemeente (hbo/wo: GEMEENTENUMMER 0363; mbo: PLAATSNAAM) -> arbeidsmarktregio."""
    lookup: dict[str, str] = {}
    for code, name, parent in queries.gemeenten(store):
        lookup[str(code).removeprefix("GM")] = str(parent)
        lookup[str(name).lower()] = str(parent)
    return lookup


def arbeidsmarktregio(lookup: dict[str, str], gemeente: str) -> str:
    key = gemeente.strip()
    if key in lookup:
        return lookup[key]
    place = _SUFFIX.sub("", key).lower()
    return lookup.get(_PLACES.get(place, place), UNKNOWN)


def programme_profile(store: Store, code: str) -> ProgrammeProfile | None:
    """The profile of a CROHO or crebo code, or None when DUO has no row of it."""
    code = code.strip()
    rows = queries.programme_rows(store, code)
    if not rows:
        return None
    kinds = sorted({str(r[0]) for r in rows})
    kind = "diploma" if "diploma" in kinds else kinds[0]
    rows = [r for r in rows if r[0] == kind]
    lookup = _gemeente_lookup(store)
    counts: dict[str, dict[int, int]] = {}
    for _, _, _, gemeente, year, persons, _ in rows:
        region = arbeidsmarktregio(lookup, str(gemeente))
        cell = counts.setdefault(region, {})
        cell[int(year)] = cell.get(int(year), 0) + int(persons)
    years = sorted({int(r[4]) for r in rows})
    regions = sorted(counts, key=lambda r: (-sum(counts[r].values()), r))
    table = protect_table([[counts[r].get(y, 0) for y in years] for r in regions])
    latest_name = max(rows, key=lambda r: int(r[4]))[1]
    source_ids = sorted({str(r[6]) for r in rows})
    return ProgrammeProfile(
        code=code,
        name=str(latest_name),
        kind=kind,
        levels=sorted({str(r[2]) for r in rows}),
        years=years,
        regions=regions,
        region_names=queries.region_names(store),
        per_year=dict(zip(years, table.column_totals, strict=True)),
        per_region={
            r: dict(zip(years, cells, strict=True))
            for r, cells in zip(regions, table.cells, strict=True)
        },
        region_totals=dict(zip(regions, table.row_totals, strict=True)),
        total=table.grand_total,
        domains=queries.domains(store, code, kind),
        sources=[SourceLine.from_row(r) for r in queries.provenance(store, source_ids)],
    )


@dataclass(frozen=True, slots=True)
class ProgrammeEntry:
    code: str
    name: str
    kind: str
    levels: str
    year: int
    persons: int | None  # disclosed: None under 10 people


def list_programmes(store: Store) -> list[ProgrammeEntry]:
    return [
        ProgrammeEntry(str(c), str(n), str(k), str(lv), int(y), disclose(int(p)))
        for c, n, k, lv, y, p in queries.programme_index(store)
    ]


def search_programmes(store: Store, text: str, limit: int = 50) -> list[ProgrammeEntry]:
    """Programmes whose code is `text` or whose name contains it; else the nearest names."""
    entries = list_programmes(store)
    needle = text.strip().lower()
    if not needle:
        ranked = sorted(entries, key=lambda e: -(e.persons or 0))
        return ranked[:limit]
    found = [e for e in entries if e.code == needle or needle in e.name.lower()]
    if found:
        return sorted(found, key=lambda e: -(e.persons or 0))[:limit]
    by_code = {e.code: e for e in entries}
    return [by_code[c] for c, _ in closest(text, [(e.code, e.name) for e in entries], limit)]


def _n(value: float, lang: str) -> str:
    return format_decimal(round(value), "#,##0", locale=lang)


def programme_text(profile: ProgrammeProfile, lang: str) -> list[str]:
    """The duiding: every sentence names the (disclosed) figures it rests on."""
    shown = {y: v for y, v in profile.per_year.items() if v is not None}
    if not shown:
        return [
            "Alle aantallen zijn te klein om te tonen (minder dan 10 personen)."
            if lang == "nl"
            else "Every count is too small to show (fewer than 10 people)."
        ]
    last = max(shown)
    who = profile.kind_word(lang)
    what = f"{profile.name} ({', '.join(profile.levels)})"
    n = _n(shown[last], lang)
    if profile.kind == "diploma":
        out = [
            f"In {last} behaalden {n} studenten een diploma van {what}."
            if lang == "nl"
            else f"In {last}, {n} students graduated from {what}."
        ]
    else:
        out = [
            f"In {last} stonden {n} deelnemers ingeschreven voor {what}."
            if lang == "nl"
            else f"In {last}, {n} students were enrolled in {what}."
        ]
    first = min(shown)
    if first != last and shown[first]:
        change = 100 * (shown[last] - shown[first]) / shown[first]
        pct = format_decimal(Decimal(abs(change)), "0.0", locale=lang)
        if lang == "nl":
            word = "meer" if change >= 0 else "minder"
            out.append(f"Dat is {pct}% {word} dan in {first} ({_n(shown[first], lang)}).")
        else:
            word = "more" if change >= 0 else "fewer"
            out.append(f"That is {pct}% {word} than in {first} ({_n(shown[first], lang)}).")
    top = [(r, profile.per_region[r].get(last)) for r in profile.regions if r != UNKNOWN]
    top = [(r, v) for r, v in top if v is not None]
    if top:
        region, value = max(top, key=lambda item: item[1] or 0)
        name = profile.region_name(region, lang)
        out.append(
            f"Arbeidsmarktregio met de meeste {who} in {last}: {name} ({_n(value or 0, lang)})."
            if lang == "nl"
            else f"Labour-market region with the most {who} in {last}: {name} "
            f"({_n(value or 0, lang)})."
        )
    return out


def profile_json(profile: ProgrammeProfile) -> dict[str, Any]:
    """The API's answer: hidden counts are null with `hidden` true."""
    return {
        "code": profile.code,
        "name": profile.name,
        "kind": profile.kind,
        "levels": profile.levels,
        "domains": profile.domains,
        "years": profile.years,
        "per_year": [
            {"year": y, "persons": v, "hidden": v is None} for y, v in profile.per_year.items()
        ],
        "per_region": [
            {
                "region": r,
                "region_name": profile.region_name(r),
                "year": y,
                "persons": v,
                "hidden": v is None,
            }
            for r in profile.regions
            for y, v in profile.per_region[r].items()
        ],
        "total": profile.total,
        "sources": [
            {
                "source": s.source,
                "table": s.table,
                "licence": s.licence,
                "retrieved_at": s.retrieved_at.isoformat(),
            }
            for s in profile.sources
        ],
        "is_demo": profile.is_demo,
    }
