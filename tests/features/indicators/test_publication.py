"""The publication step (features/indicators/publish.py): computed cells in, the published table
out, with every small count hidden, enough others that none can be derived from the totals, and
every value that would give a hidden count back."""

from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa
import pytest

from lloradar.analytics.indicators import OUTPUT_COLUMNS
from lloradar.features.indicators.publish import PUBLISHED_COLUMNS, publish

PARENTS = {"AM01": "PV20", "AM02": "PV20", "AM03": "PV21", "PV20": "NL01", "PV21": "NL01"}
LEVEL = {"AM": "arbeidsmarktregio", "PV": "provincie", "NL": "land"}


def month(i: int) -> date:
    return date(2024 + i // 12, i % 12 + 1, 1)


def row(region: str, occupation: str, i: int, vacancies: int, seekers: int, **kw: Any) -> dict:
    values: dict[str, Any] = dict.fromkeys(OUTPUT_COLUMNS)
    values.update(
        region_code=region,
        region_level=LEVEL[region[:2]],
        occupation_id=occupation,
        period=month(i),
        open_vacancies=vacancies,
        job_seekers_short=seekers,
        interested=kw.get("interested", 3 * seekers),
        experienced=kw.get("experienced", 2 * seekers),
        tension_ratio=vacancies / seekers if seekers else None,
        tension_class="krap",
        tension_rank=1,
        tension_ratio_ma12=kw.get("ma12"),
        tension_ratio_yoy=kw.get("yoy"),
        is_demo=False,
        flags=kw.get("flags", ""),
    )
    return values


def grid(seekers: dict[tuple[str, str], int], i: int = 0, **kw: Any) -> list[dict[str, Any]]:
    """Cells of the arbeidsmarktregio's for one month, with every sum (occupation "all",
    provincie, land) added the way the indicator expression adds them."""
    totals: dict[tuple[str, str], int] = {}
    for (region, occupation), n in seekers.items():
        for area in (region, PARENTS[region], "NL01"):
            for occ in (occupation, "all"):
                totals[(area, occ)] = totals.get((area, occ), 0) + n
    return [row(a, o, i, 40, n, **kw) for (a, o), n in sorted(totals.items())]


def published(rows: list[dict[str, Any]], previous: Any = ()) -> dict[tuple, dict[str, Any]]:
    table = pa.Table.from_pylist(rows)
    out, _ = publish(table, PARENTS, "run-1", previous)
    assert out.column_names == PUBLISHED_COLUMNS
    return {(r["region_code"], r["occupation_id"], r["period"]): r for r in out.to_pylist()}


SEEKERS = {
    ("AM01", "o1"): 5,
    ("AM01", "o2"): 50,
    ("AM02", "o1"): 30,
    ("AM02", "o2"): 45,
    ("AM03", "o1"): 25,
    ("AM03", "o2"): 60,
}


def test_a_small_count_is_hidden_with_its_ratio_class_and_rank() -> None:
    cells = published(grid(SEEKERS))
    small = cells[("AM01", "o1", month(0))]
    assert small["job_seekers_short"] is None
    assert small["tension_ratio"] is None and small["tension_class"] is None
    assert small["tension_rank"] is None
    assert "job_seekers_short" in small["hidden"].split()
    assert "suppressed" in small["flags"].split()
    # interested (15) and experienced (10) of that cell are not small: shown unless protecting
    assert cells[("AM02", "o2", month(0))]["interested"] == 135


def test_no_hidden_count_follows_from_a_total() -> None:
    cells = published(grid(SEEKERS))
    hidden = {k[:2] for k, r in cells.items() if r["job_seekers_short"] is None}
    # the row of AM01 (o1, o2, all) and the column of o1 within PV20 (AM01, AM02, PV20)
    # each need a second hidden cell: one hidden cell in a line is its total minus the rest
    for line in (
        [("AM01", "o1"), ("AM01", "o2"), ("AM01", "all")],
        [("AM01", "o1"), ("AM02", "o1"), ("PV20", "o1")],
    ):
        assert len(hidden & set(line)) >= 2, line


def test_hidden_counts_are_named_but_not_told_apart() -> None:
    # telling primary from secondary cells would say which hidden counts are under 10
    cells = published(grid(SEEKERS))
    reasons = {r["hidden"] for r in cells.values() if r["hidden"]}
    assert reasons and all(
        set(h.split()) <= {"job_seekers_short", "interested", "experienced"} for h in reasons
    )


def test_zero_is_hidden_like_any_count_under_ten() -> None:
    cells = published(grid({**SEEKERS, ("AM01", "o1"): 0}))
    assert cells[("AM01", "o1", month(0))]["job_seekers_short"] is None


def test_trends_over_a_hidden_month_are_hidden() -> None:
    # last year's ratio plus the change, or 12 x the average minus 11 shown months, would give
    # back the hidden ratio of month 23
    rows = []
    for i in range(24):
        n = 5 if i == 23 else 100
        rows += grid({**SEEKERS, ("AM01", "o1"): n}, i, ma12=1.0, yoy=0.0)
    cells = published(rows)
    hidden = cells[("AM01", "o1", month(23))]
    assert hidden["tension_ratio"] is None
    assert hidden["tension_ratio_yoy"] is None and hidden["tension_ratio_ma12"] is None
    assert cells[("AM01", "o1", month(22))]["tension_ratio_yoy"] == 0.0
    assert cells[("AM01", "o1", month(22))]["tension_ratio_ma12"] == 1.0


def test_flags_that_bound_a_hidden_count_are_dropped() -> None:
    cells = published(grid(SEEKERS, flags="small"))
    assert "small" not in cells[("AM01", "o1", month(0))]["flags"].split()
    shown = [r for r in cells.values() if r["job_seekers_short"] is not None]
    assert all("small" in r["flags"].split() for r in shown)


def test_the_rank_counts_only_shown_ratios() -> None:
    cells = published(grid(SEEKERS))
    ranks = [
        (r["tension_ratio"], r["tension_rank"])
        for (region, occupation, _), r in cells.items()
        if region.startswith("AM") and occupation == "o2" and r["tension_ratio"] is not None
    ]
    ordered = sorted(ranks, key=lambda pair: -pair[0])
    assert [rank for _, rank in ordered] == list(range(1, len(ordered) + 1))


def test_what_an_earlier_release_hid_stays_hidden() -> None:
    before = [("AM03", "o2", month(0), "job_seekers_short")]
    cells = published(grid(SEEKERS), previous=before)
    assert cells[("AM03", "o2", month(0))]["job_seekers_short"] is None


@pytest.mark.parametrize("measure", ["interested", "experienced"])
def test_a_small_interested_or_experienced_count_hides_its_per_vacancy_ratio(measure: str) -> None:
    rows = grid(SEEKERS)
    for r in rows:
        r["interested_per_vacancy"] = r["experienced_per_vacancy"] = 1.0
        if (r["region_code"], r["occupation_id"]) == ("AM02", "o1"):
            r[measure] = 4
    cells = published(rows)
    cell = cells[("AM02", "o1", month(0))]
    assert cell[measure] is None and cell[f"{measure}_per_vacancy"] is None
    assert cell["job_seekers_short"] is not None or "job_seekers_short" in cell["hidden"]
