"""Use-cases of the inclusion feature: a region's people at a distance from the labour market
in protected breakdowns, and their potential toward the region's tight occupations (through the
skills engine, reached via the flows service)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lloradar.analytics.inclusion import Breakdown, Potential, breakdown, potential
from lloradar.domain import IngestError, TensionClass
from lloradar.domain.errors import ValidationError
from lloradar.features.flows import service as flows_service
from lloradar.features.inclusion import queries
from lloradar.store import Store

NONE = ""  # no last occupation known
ORDER = {
    "benefit_type": ("bijstand", "ww", "wia", "wajong", "nug"),
    "age_band": ("15-24", "25-34", "35-44", "45-54", "55-64"),
    "education_level": ("basis", "mbo", "hbo-wo"),
    "work_limited": ("true", "false"),
}
NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "benefit_type": {
        "bijstand": ("Bijstand (Participatiewet)", "Social assistance (bijstand)"),
        "ww": ("WW", "Unemployment benefit (WW)"),
        "wia": ("WIA/WAO", "Disability benefit (WIA/WAO)"),
        "wajong": ("Wajong", "Young disabled (Wajong)"),
        "nug": ("Niet-uitkeringsgerechtigd (nug)", "No benefit (nug)"),
    },
    "work_limited": {
        "true": ("Arbeidsbeperkt", "Work-limited"),
        "false": ("Niet arbeidsbeperkt", "Not work-limited"),
    },
    "education_level": {
        "basis": ("Basisonderwijs/vmbo", "Primary/lower secondary"),
        "mbo": ("mbo/havo/vwo", "Upper secondary (mbo)"),
        "hbo-wo": ("hbo/wo", "Higher education"),
    },
}
TIGHT = (TensionClass.KRAP, TensionClass.ZEER_KRAP)


@dataclass(frozen=True, slots=True)
class RegionInclusion:
    region: str
    region_name: str
    breakdowns: list[Breakdown]
    last_occupation: Breakdown
    potentials: list[Potential]
    labels: dict[str, tuple[str, str]]
    sources: list[dict[str, Any]]

    @property
    def is_demo(self) -> bool:
        return any(s["is_demo"] for s in self.sources)

    def label(self, dimension: str, key: str, lang: str) -> str:
        if dimension == "last_occupation":
            if key == NONE:
                return "geen of onbekend" if lang == "nl" else "none or unknown"
            nl, en = self.labels.get(key, (key, key))
        else:
            nl, en = NAMES.get(dimension, {}).get(key, (key, key))
        return nl if lang == "nl" else en


def region_inclusion(store: Store, region: str) -> RegionInclusion:
    """The region's breakdowns and potentials; ValidationError names a bad region, IngestError
    says when no such data is stored."""
    found = queries.region(store, region.strip().upper())
    if found is None or found["level"] != "arbeidsmarktregio":
        raise ValidationError("region", region, "an arbeidsmarktregio code (AM01..AM38)")
    code = str(found["code"])
    parts = [breakdown(d, queries.counts_by(store, code, d), ORDER[d]) for d in queries.DIMENSIONS]
    if not parts[0].categories:
        raise IngestError(
            "inclusion_group", f"no people at a distance stored for {code} (lloradar demo build)"
        )
    last = breakdown("last_occupation", queries.counts_by_last_occupation(store, code), (NONE,))
    markets = flows_service.region_markets(store, code)
    tight = sorted(
        k
        for k, m in markets.items()
        if m.short > 0 and TensionClass.from_ratio(m.vacancies / m.short) in TIGHT
    )
    index, pairs = flows_service.similarity_pairs(
        store, sorted({*markets, *(c for c in last.categories if c != NONE)})
    )
    return RegionInclusion(
        code,
        str(found["name"]),
        parts,
        last,
        potential(last, tight, index, pairs),
        queries.occupation_labels(store),
        queries.sources(store),
    )


def inclusion_payload(result: RegionInclusion, lang: str = "nl") -> dict[str, Any]:
    """As JSON: every count None when hidden (fewer than 10 people, or derivable)."""

    def rows(b: Breakdown) -> dict[str, Any]:
        return {
            "total": b.total,
            "rows": [
                {"key": k, "label": result.label(b.dimension, k, lang), "persons": n}
                for k, n in zip(b.categories, b.persons, strict=True)
            ],
        }

    return {
        "region": result.region,
        "region_name": result.region_name,
        "is_demo": result.is_demo,
        **{b.dimension: rows(b) for b in result.breakdowns},
        "last_occupation": rows(result.last_occupation),
        "potential": [
            {
                "occupation": p.occupation,
                "label": result.label("last_occupation", p.occupation, lang),
                "persons": p.persons,
                "from": [result.label("last_occupation", o, lang) for o in p.origins[:5]],
            }
            for p in result.potentials
        ],
        "sources": [{**s, "retrieved_at": str(s["retrieved_at"])[:10]} for s in result.sources],
    }
