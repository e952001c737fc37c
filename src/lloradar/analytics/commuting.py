"""Pendel / commuting between labour-market regions from a CBS StatLine table of employee jobs
by region of residence x region of work (83628NED, 85481NED), as stored in `cbs_observation`.

Observations are read as CBS publishes them: `dimensions` is "name=code;..." with one
dimension whose name holds "woon" (residence) and one with "werk" (work); the jobs measure is
the topic whose title holds "banen" (jobs), in thousands when its unit says "1 000". Regions are
taken as arbeidsmarktregio codes where the table has them, else summed from gemeenten through
their arbeidsmarktregio; other areas (landsdelen, provincies, COROP, abroad) are left out. Only
the latest period counts. The result is a `FlowMatrix` of jobs (home row -> work column) that
`protect_flows` protects like any flow matrix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from lloradar.analytics.flows import FlowMatrix


@dataclass(frozen=True, slots=True)
class Observation:
    dimensions: str
    measure: str
    value: float | None


def _codes(dimensions: str) -> tuple[str | None, str | None, str | None]:
    """(home, work, period) codes of one observation's dimensions."""
    home = work = period = None
    for part in dimensions.split(";"):
        name, _, code = part.partition("=")
        lowered = name.lower()
        if "woon" in lowered:
            home = code.strip()
        elif "werk" in lowered:
            work = code.strip()
        elif "period" in lowered:
            period = code.strip()
    return home, work, period


def jobs_measure(topics: Mapping[str, tuple[str, str]]) -> tuple[str, float] | None:
    """The measure of employee jobs and its scale, from measure -> (title, unit)."""
    for measure, (title, unit) in sorted(topics.items()):
        if "banen" in title.lower():
            return measure, 1000.0 if "1 000" in f"{title} {unit}" else 1.0
    return None


def commuting_matrix(
    observations: Iterable[Observation],
    measure: str,
    scale: float,
    regions: Iterable[str],
    gemeente_region: Mapping[str, str],
) -> tuple[FlowMatrix, str | None]:
    """Jobs by region of residence (rows) x region of work (columns) in the latest period."""
    keys = tuple(sorted(regions))
    index = {k: i for i, k in enumerate(keys)}
    rows = [
        (home, work, period, o.value)
        for o in observations
        if o.measure == measure and o.value is not None
        for home, work, period in [_codes(o.dimensions)]
        if home and work
    ]
    latest = max((p for *_, p, _ in rows if p), default=None)
    rows = [r for r in rows if r[2] == latest]
    direct = any(h in index and w in index for h, w, *_ in rows)
    counts = np.zeros((len(keys), len(keys)))
    for home, work, _, value in rows:
        a = home if direct else gemeente_region.get(home)
        b = work if direct else gemeente_region.get(work)
        if a in index and b in index:
            counts[index[a], index[b]] += float(value or 0.0) * scale
    jobs = np.rint(counts).astype(np.int64)
    return FlowMatrix(keys, jobs, np.ones(jobs.shape, dtype=bool)), latest
