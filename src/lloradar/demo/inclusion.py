"""The demo population at a distance from the labour market (afstand tot de arbeidsmarkt): per
region, people on a benefit or registered without one, by benefit type x age band x education
level x work-limited, and by the occupation they last worked in. Deterministic for a seed;
stored with a demo provenance like every demo table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from lloradar.demo.profiles import PROFILES
from lloradar.domain import Provenance
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.store import Store

DISTANT_PER_EMPLOYED = 0.07  # people at a distance per employed person in the region
# benefit type: (share, share work-limited, share who never worked or none known)
BENEFITS: dict[str, tuple[float, float, float]] = {
    "bijstand": (0.42, 0.25, 0.35),
    "ww": (0.22, 0.05, 0.0),
    "wia": (0.20, 1.0, 0.05),
    "wajong": (0.10, 1.0, 0.6),
    "nug": (0.06, 0.15, 0.2),
}
AGES: dict[str, dict[str, float]] = {
    "15-24": {"bijstand": 0.08, "ww": 0.08, "wia": 0.01, "wajong": 0.25, "nug": 0.2},
    "25-34": {"bijstand": 0.2, "ww": 0.22, "wia": 0.08, "wajong": 0.3, "nug": 0.25},
    "35-44": {"bijstand": 0.22, "ww": 0.2, "wia": 0.18, "wajong": 0.2, "nug": 0.2},
    "45-54": {"bijstand": 0.25, "ww": 0.22, "wia": 0.3, "wajong": 0.15, "nug": 0.2},
    "55-64": {"bijstand": 0.25, "ww": 0.28, "wia": 0.43, "wajong": 0.1, "nug": 0.15},
}
EDUCATION: dict[str, dict[str, float]] = {
    "basis": {"bijstand": 0.5, "ww": 0.25, "wia": 0.35, "wajong": 0.7, "nug": 0.3},
    "mbo": {"bijstand": 0.38, "ww": 0.45, "wia": 0.45, "wajong": 0.28, "nug": 0.4},
    "hbo-wo": {"bijstand": 0.12, "ww": 0.3, "wia": 0.2, "wajong": 0.02, "nug": 0.3},
}


def _split(total: int, shares: Sequence[float], rng: np.random.Generator) -> list[int]:
    p = np.asarray(shares, dtype=float)
    return [int(v) for v in rng.multinomial(total, p / p.sum())]


def inclusion_rows(
    employed: dict[str, int], occupation_ids: Sequence[str], rng: np.random.Generator
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """(groups, last occupations) for every region, from its employment."""
    groups: list[tuple[object, ...]] = []
    occupations: list[tuple[object, ...]] = []
    # slack occupations send more people to benefits than tight ones
    weights = [p.share / p.shortage for p in PROFILES]
    for region, persons in sorted(employed.items()):
        total = int(rng.poisson(persons * DISTANT_PER_EMPLOYED))
        per_benefit = _split(total, [b[0] for b in BENEFITS.values()], rng)
        for (benefit, (_, limited, never)), count in zip(
            BENEFITS.items(), per_benefit, strict=True
        ):
            limited_count = int(rng.binomial(count, limited))
            for is_limited, part in ((True, limited_count), (False, count - limited_count)):
                cells = [(a, e) for a in AGES for e in EDUCATION]
                shares = [AGES[a][benefit] * EDUCATION[e][benefit] for a, e in cells]
                for (age, education), n in zip(cells, _split(part, shares, rng), strict=True):
                    groups.append((region, benefit, age, education, is_limited, n))
            none = int(rng.binomial(count, never))
            last = _split(count - none, weights, rng)
            occupations.append((region, benefit, "", none))
            occupations.extend(
                (region, benefit, oid, n) for oid, n in zip(occupation_ids, last, strict=True)
            )
    return groups, occupations


def build_inclusion(
    store: Store,
    seed: int,
    occupation_ids: Sequence[str],
    provenance: Callable[[str, int], Provenance],
) -> LoadReport:
    """Store inclusion_group and inclusion_occupation as demo data."""
    rng = np.random.default_rng(seed + 21)
    employed = {
        str(r[0]): int(r[1])
        for r in store.query(
            "SELECT region_code, sum(persons) FROM employment "
            "WHERE year = (SELECT max(year) FROM employment) GROUP BY region_code"
        )
    }
    groups, occupations = inclusion_rows(employed, occupation_ids, rng)
    group_key = ["region_code", "benefit_type", "age_band", "education_level", "work_limited"]
    occupation_key = ["region_code", "benefit_type", "occupation_id"]
    return save_load(
        store,
        provenance("inclusion_group", seed),
        [
            TableRows("inclusion_group", [*group_key, "persons"], group_key, groups),
            TableRows(
                "inclusion_occupation", [*occupation_key, "persons"], occupation_key, occupations
            ),
        ],
    )
