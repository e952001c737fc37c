"""The sector profile: an SBI section's label and its employment by region and age band over the
years (table `employment`), with the sources the figures come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_decimal

from lloradar.features.indicators.radar import Source
from lloradar.services.request_store import Store
from lloradar.services.suggest import closest


@dataclass
class SectorProfile:
    code: str
    label_nl: str
    label_en: str
    years: list[int]
    # year -> age band -> persons
    by_age: dict[int, dict[str, int]]
    # region code -> year -> persons
    by_region: dict[str, dict[int, int]]
    sources: list[Source] = field(default_factory=list)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_nl

    def total(self, year: int) -> int:
        return sum(self.by_age.get(year, {}).values())

    @property
    def is_demo(self) -> bool:
        return any(s.is_demo for s in self.sources)


def list_sectors(store: Store) -> list[tuple[str, str, str]]:
    """(code, label nl, label en) of the sectors with employment figures."""
    rows = store.query(
        "SELECT s.code, s.label_nl, coalesce(s.label_en, s.label_nl) FROM sector s "
        "WHERE s.code IN (SELECT DISTINCT sector_code FROM employment) ORDER BY s.code"
    )
    return [(r[0], r[1], r[2]) for r in rows]


def sector_profile(store: Store, code: str) -> SectorProfile | None:
    found = store.query(
        "SELECT code, label_nl, coalesce(label_en, label_nl) FROM sector WHERE upper(code) = ?",
        [code.upper()],
    )
    if not found:
        return None
    sector, label_nl, label_en = found[0]
    by_age: dict[int, dict[str, int]] = {}
    for year, band, persons in store.query(
        "SELECT year, age_band, sum(persons) FROM employment WHERE sector_code = ? "
        "GROUP BY year, age_band ORDER BY year, age_band",
        [sector],
    ):
        by_age.setdefault(int(year), {})[band] = int(persons)
    by_region: dict[str, dict[int, int]] = {}
    for region, year, persons in store.query(
        "SELECT region_code, year, sum(persons) FROM employment WHERE sector_code = ? "
        "GROUP BY region_code, year ORDER BY region_code, year",
        [sector],
    ):
        by_region.setdefault(region, {})[int(year)] = int(persons)
    sources = [
        Source(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
        for r in store.query(
            "SELECT source, source_table, url, licence, retrieved_at, is_demo FROM provenance "
            "WHERE source_id IN (SELECT source_id FROM employment WHERE sector_code = ? "
            "UNION SELECT source_id FROM sector WHERE code = ?) ORDER BY source",
            [sector, sector],
        )
    ]
    return SectorProfile(sector, label_nl, label_en, sorted(by_age), by_age, by_region, sources)


def suggest_sectors(store: Store, text: str, limit: int = 5) -> list[tuple[str, str, str]]:
    """(code, label nl, label en) of the sectors with figures whose code or label is nearest to
    `text` (fuzzy match), for a 404 page with suggestions, best first."""
    sectors = {code: (code, nl, en) for code, nl, en in list_sectors(store)}
    code = text.strip().upper()
    if code in sectors:
        return [sectors[code]]
    choices = [(code, label) for code, nl, en in sectors.values() for label in (nl, en)]
    return [sectors[code] for code, _ in closest(text, choices, limit)]


def sector_text(profile: SectorProfile, region_names: dict[str, str], lang: str) -> list[str]:
    """The duiding of the sector page: every sentence names the figure it rests on."""
    if not profile.years:
        return []
    first, last = profile.years[0], profile.years[-1]
    total_first, total_last = profile.total(first), profile.total(last)
    label = profile.label(lang)

    def n(value: float) -> str:
        return format_decimal(round(value), "#,##0", locale=lang)

    def pct(value: float) -> str:
        return format_decimal(Decimal(float(value)), "0.0", locale=lang)

    out = []
    if lang == "nl":
        out.append(f"In {last} werkten {n(total_last)} personen in {label.lower()}.")
    else:
        out.append(f"In {last}, {n(total_last)} people worked in {label.lower()}.")
    if first != last and total_first:
        change = 100 * (total_last - total_first) / total_first
        if lang == "nl":
            word = "meer" if change > 0 else "minder"
            out.append(f"Dat is {pct(abs(change))}% {word} dan in {first} ({n(total_first)}).")
        else:
            word = "more" if change > 0 else "fewer"
            out.append(f"That is {pct(abs(change))}% {word} than in {first} ({n(total_first)}).")
    bands = profile.by_age.get(last, {})
    older = sum(v for b, v in bands.items() if b in ("55-64", "65+"))
    if total_last:
        share = 100 * older / total_last
        if lang == "nl":
            out.append(f"{pct(share)}% van hen is 55 jaar of ouder ({n(older)} personen).")
        else:
            out.append(f"{pct(share)}% of them are 55 or older ({n(older)} people).")
    ranked = sorted(
        ((region, years.get(last, 0)) for region, years in profile.by_region.items()),
        key=lambda item: -item[1],
    )
    if ranked:
        region, persons = ranked[0]
        name = region_names.get(region, region)
        if lang == "nl":
            out.append(f"De meeste werkenden in deze sector telt {name} ({n(persons)}).")
        else:
            out.append(f"{name} has the most people working in this sector ({n(persons)}).")
    return out
