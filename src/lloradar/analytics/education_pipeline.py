"""The onderwijspijplijn (education pipeline) of a programme per region and year: students
enrolled (ingeschreven), the net inflow that follows from the change of enrolment (netto
instroom: new students minus those who left, with or without a diploma) and the graduates
(uitstroom met diploma). Pure: counts per region x year in, counts after disclosure control out.

Each count table (region x year with its margins) goes through `protect_table`; a net inflow is
a difference of two shown enrolments (it reveals nothing the two do not), hidden when either is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lloradar.analytics.disclosure import protect_table

Counts = Mapping[str, Mapping[int, int]]  # region -> year -> people


@dataclass(frozen=True, slots=True)
class StageTable:
    """One stage after disclosure control (None = hidden, absent = not in the source)."""

    cells: dict[str, dict[int, int | None]]  # region -> year -> people
    totals: dict[int, int | None]  # year -> all regions


@dataclass(frozen=True, slots=True)
class Pipeline:
    years: list[int]
    regions: list[str]
    enrolled: StageTable | None
    net_inflow: StageTable | None
    graduated: StageTable | None


def protected_stage(counts: Counts, regions: Sequence[str], years: Sequence[int]) -> StageTable:
    table = protect_table([[counts.get(r, {}).get(y, 0) for y in years] for r in regions])
    return StageTable(
        {
            r: dict(zip(years, row, strict=True))
            for r, row in zip(regions, table.cells, strict=True)
        },
        dict(zip(years, table.column_totals, strict=True)),
    )


def _difference(
    values: Mapping[int, int | None], years: Sequence[int], known: Sequence[int]
) -> dict[int, int | None]:
    """Year-on-year change; the first year of the source has none."""
    out: dict[int, int | None] = {}
    for year in years:
        before, now = values.get(year - 1), values.get(year)
        out[year] = (
            None if (year - 1 not in known or before is None or now is None) else now - before
        )
    return out


def net_inflow(enrolled: StageTable, years: Sequence[int]) -> StageTable:
    return StageTable(
        {r: _difference(cells, years, years) for r, cells in enrolled.cells.items()},
        _difference(enrolled.totals, years, years),
    )


def education_pipeline(enrolled: Counts, graduated: Counts) -> Pipeline:
    """The pipeline of one programme; a stage the source does not report is None."""
    years = sorted({y for c in (enrolled, graduated) for per in c.values() for y in per})
    totals: dict[str, int] = {}
    for counts in (enrolled, graduated):
        for region, per in counts.items():
            totals[region] = totals.get(region, 0) + sum(per.values())
    regions = sorted(totals, key=lambda r: (-totals[r], r))
    enrolled_table = protected_stage(enrolled, regions, years) if enrolled else None
    return Pipeline(
        years,
        regions,
        enrolled_table,
        net_inflow(enrolled_table, years) if enrolled_table else None,
        protected_stage(graduated, regions, years) if graduated else None,
    )
