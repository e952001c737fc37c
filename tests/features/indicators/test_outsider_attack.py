"""Issue 15, "one published truth": no count of fewer than 10 people is shown, nor derivable.

The outsider attack. An anonymous visitor, over HTTP only, downloads everything the API publishes
about the demo world's counts of people: the occupations (`/api/occupations?format=csv`), the
regions (`/api/regions`: the arbeidsmarktregio's and their `province_code`), and
`/api/indicators?format=csv` for every occupation and for all occupations together, at every
region level (arbeidsmarktregio, provincie, land). Per month and per people measure
(job_seekers_short, interested, experienced: whichever columns the CSV has) the visitor writes
down every linear relation the publication implies:

- in every region (AM, PV, NL01) the occupations sum to the region's all-occupations row;
- for every occupation and for "all", the AMs of a province sum to its PV row, and the PVs sum
  to NL01 (the nesting from `province_code`);
- what the `hidden` column says of a hidden count: `measure:small` means 1..9 (0..9 when the
  publication never shows a 0: then a 0 may be among the hidden), `measure:protects` >= 10;
  a bare `measure` (one reason for all hidden counts) says nothing more than the empty field;
- experienced <= interested in the same cell, when no shown pair contradicts it.

and hands them to the `disclosure_attacker` fixture (tests/conftest.py), which returns the hidden
counts it pins down: exactly, or as a small non-zero count (LP bounds inside 1..9) when the
publication did not say so itself (a `small` mark is the primary suppression: it says "fewer than
10", never how many).

Cost: the exact check (linear algebra) runs on every month; the LP bounds (which add what
non-negativity, the reasons' bounds and the inequality force) on a fixed sample of 12 months
(`lp_periods`: January and July of every year, 2021-04 and the last month; for the demo's 60
months 2021-01, 2021-04, 2021-07, 2022-01, ..., 2025-07, 2025-12). LPs over all 60 months cost
about 8 s of CPU on this two-core machine against the test's budget of 25 s, the sample about 3.

Before the publication step with secondary suppression (issue 15) this test fails: in 155 of the
2,100 region x month cells of the job seekers exactly one occupation is hidden, and the region's
total minus the shown occupations gives it away.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from demo_worlds import copy_world

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; the test client itself works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PEOPLE = ("job_seekers_short", "interested", "experienced")
LEVELS = ("arbeidsmarktregio", "provincie", "land")
LEVEL_OF_PREFIX = {"AM": "arbeidsmarktregio", "PV": "provincie", "NL": "land"}
COUNTRY = "NL01"
ALL = "all"
MIN_PEOPLE = 10
# The months whose hidden cells also get LP bounds: every LP_EVERY-th month from the first, the
# last, and these.
LP_EVERY = 6
LP_PERIODS_ALWAYS = ("2021-04",)

Key = tuple[str, str, str]  # (measure, region, occupation)


@pytest.fixture(scope="module")
def outsider(tmp_path_factory: pytest.TempPathFactory, app_world_file: Path) -> Iterator[Any]:
    """An anonymous HTTP client of the API on (a copy of) the session's app demo world."""
    from lloradar.features.indicators.radar import radar_for_store
    from lloradar.server import create_app

    path = copy_world(app_world_file, tmp_path_factory.mktemp("outsider") / "demo.duckdb")
    with TestClient(create_app(radar_for_store(str(path)))) as client:
        yield client


def _csv_rows(client: Any, url: str, params: dict[str, str]) -> list[dict[str, str]] | None:
    response = client.get(url, params=params)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, (url, params, response.text[:300])
    return list(csv.DictReader(io.StringIO(response.text)))


@dataclass
class Publication:
    """Everything an outsider downloaded: rows by (region, occupation, period)."""

    occupations: list[str]
    provinces: dict[str, list[str]]  # PV code -> its AM codes
    rows: dict[tuple[str, str, str], dict[str, str]] = field(default_factory=dict)
    columns: set[str] = field(default_factory=set)
    conflicts: list[str] = field(default_factory=list)
    requests: int = 0
    # (region, occupation, period) -> (people counts, None when hidden; hidden reasons)
    parsed: dict[tuple[str, str, str], tuple[dict[str, int | None], dict[str, str]]] = field(
        default_factory=dict
    )

    def add(self, rows: list[dict[str, str]], occupation: str) -> None:
        for row in rows:
            self.columns |= set(row)
            key = (row["region"], occupation, row["period"])
            old = self.rows.setdefault(key, row)
            if old is not row and old != row:
                self.conflicts.append(f"{key}: {old} vs {row}")
            counts = {m: _count(row[m]) for m in PEOPLE if m in row}
            self.parsed[key] = (counts, _hidden_reasons(row))

    @cached_property
    def periods(self) -> list[str]:
        return sorted({period for _, _, period in self.rows})

    @property
    def measures(self) -> list[str]:
        return [m for m in PEOPLE if m in self.columns]

    @cached_property
    def regions(self) -> dict[str, list[str]]:
        """The published regions per level (a level the API does not publish is absent)."""
        found: dict[str, set[str]] = defaultdict(set)
        for region, _, _ in self.rows:
            found[LEVEL_OF_PREFIX.get(region[:2], "?")].add(region)
        return {level: sorted(codes) for level, codes in found.items()}


def download(client: Any) -> Publication:
    """What an anonymous outsider gets from the API, through HTTP only."""
    regions = client.get("/api/regions")
    assert regions.status_code == 200, regions.text[:300]
    provinces: dict[str, list[str]] = defaultdict(list)
    for region in regions.json():
        if region["code"].startswith("AM") and region.get("province_code"):
            provinces[region["province_code"]].append(region["code"])
    occupations = _csv_rows(client, "/api/occupations", {"format": "csv"})
    assert occupations, "no occupations published"
    publication = Publication([o["slug"] for o in occupations], dict(provinces))
    for level in LEVELS:
        for slug in publication.occupations:
            params = {"format": "csv", "level": level, "occupation": slug}
            rows = _csv_rows(client, "/api/indicators", params)
            publication.requests += 1
            assert rows is not None, f"404 for {params}"
            publication.add(rows, slug)
        # All occupations together: the parameter left out, and `occupation=all` (issue 15; a 404
        # before it). Both are kept: a cell published twice must say the same both times.
        for params in ({"format": "csv", "level": level}, {"occupation": ALL}):
            total = _csv_rows(
                client, "/api/indicators", {"format": "csv", "level": level, **params}
            )
            publication.requests += 1
            if total is not None:
                publication.add(total, ALL)
    return publication


def _count(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    try:
        return int(text)
    except ValueError:
        return round(float(text))


def _hidden_reasons(row: dict[str, str]) -> dict[str, str]:
    return dict(item.split(":", 1) for item in (row.get("hidden") or "").split() if ":" in item)


@dataclass
class Relations:
    """The cells of some measures in one month, (measure, region, occupation), and the linear
    relations an outsider knows between them: the same every month."""

    cells: list[Key] = field(default_factory=list)
    equations: list[tuple[list[Key], Key]] = field(default_factory=list)
    inequalities: list[tuple[Key, Key]] = field(default_factory=list)


def reason_bounds(publication: Publication) -> dict[str, tuple[int, int | None]]:
    """What a `hidden` reason tells of the count: `small` 1..9 (0..9 if no 0 is ever shown),
    `protects` >= 10 (shown, it would give a small one away; small, it would be `small`)."""
    zero_shown = any(0 in counts.values() for counts, _ in publication.parsed.values())
    return {"small": (1 if zero_shown else 0, MIN_PEOPLE - 1), "protects": (MIN_PEOPLE, None)}


def relations(publication: Publication, measures: list[str]) -> Relations:
    """Every cell of `measures` at the published levels, and every relation between them."""
    known = Relations()
    published = publication.regions
    levels = [level for level in LEVELS if published.get(level)]
    regions = [r for level in levels for r in published[level]]
    occupations = [*publication.occupations, ALL]
    for measure in measures:
        known.cells += [(measure, r, o) for r in regions for o in occupations]
        for region in regions:  # the occupations of a region sum to its total
            members = [(measure, region, o) for o in publication.occupations]
            known.equations.append((members, (measure, region, ALL)))
        for occupation in occupations:  # AMs sum to their province, provinces to the country
            if "arbeidsmarktregio" in levels and "provincie" in levels:
                for province, ams in publication.provinces.items():
                    if province in published["provincie"]:
                        members = [(measure, am, occupation) for am in ams]
                        known.equations.append((members, (measure, province, occupation)))
            if "provincie" in levels and "land" in levels:
                members = [(measure, pv, occupation) for pv in published["provincie"]]
                known.equations.append((members, (measure, COUNTRY, occupation)))
            if "arbeidsmarktregio" in levels and "land" in levels and "provincie" not in levels:
                members = [(measure, am, occupation) for am in published["arbeidsmarktregio"]]
                known.equations.append((members, (measure, COUNTRY, occupation)))
    if {"interested", "experienced"} <= set(measures):
        known.inequalities = [
            (cell, ("interested", *cell[1:])) for cell in known.cells if cell[0] == "experienced"
        ]
    return known


def month_values(
    publication: Publication,
    period: str,
    cells: list[Key],
    reasons: dict[str, tuple[int, int | None]],
) -> tuple[dict[Key, int | None], dict[Key, tuple[int, int | None]], int]:
    """The published value of every cell in one month (None when hidden or not published at
    all), what the `hidden` reasons bound, and how many cells had no row."""
    values: dict[Key, int | None] = {}
    bounds: dict[Key, tuple[int, int | None]] = {}
    missing = 0
    for cell in cells:
        measure, region, occupation = cell
        parsed = publication.parsed.get((region, occupation, period))
        if parsed is None:
            missing += 1  # not published: unknown to the outsider
            values[cell] = None
            continue
        counts, hidden_because = parsed
        values[cell] = counts.get(measure)
        if values[cell] is None and hidden_because.get(measure) in reasons:
            bounds[cell] = reasons[hidden_because[measure]]
    return values, bounds, missing


def _experienced_within_interested(publication: Publication) -> bool:
    """Whether every shown pair has experienced <= interested (then an outsider may assume it)."""
    if not {"interested", "experienced"} <= publication.columns:
        return False
    pairs = [(c["experienced"], c["interested"]) for c, _ in publication.parsed.values()]
    shown = [(e, i) for e, i in pairs if e is not None and i is not None]
    return bool(shown) and all(e <= i for e, i in shown)


def lp_periods(periods: list[str]) -> set[str]:
    chosen = set(periods[::LP_EVERY]) | set(periods[-1:])
    return chosen | {p for p in LP_PERIODS_ALWAYS if p in periods}


def test_an_outsider_derives_no_hidden_count_from_the_api(
    outsider: Any, disclosure_attacker: Any
) -> None:
    publication = download(outsider)
    measures = publication.measures
    assert measures, f"no people measure among the CSV columns {sorted(publication.columns)}"
    assert not publication.conflicts, "one cell, two published values:\n" + "\n".join(
        publication.conflicts[:5]
    )

    # A count of 1..9 is never shown; a hidden job-seeker count shows no ratio nor class.
    small_shown = [
        (key, measure, count)
        for key, (counts, _) in publication.parsed.items()
        for measure, count in counts.items()
        if count is not None and 0 < count < MIN_PEOPLE
    ]
    ratio_shown = [
        (key, row.get("ratio"), row.get("tension_class"))
        for key, row in publication.rows.items()
        if "job_seekers_short" in row
        and _count(row["job_seekers_short"]) is None
        and (row.get("ratio") or row.get("tension_class"))
    ]

    # Which measures the attacker solves together: experienced <= interested ties those two.
    groups = [[m] for m in measures]
    if _experienced_within_interested(publication):
        groups = [[m] for m in measures if m not in ("interested", "experienced")]
        groups.append(["interested", "experienced"])
    periods = publication.periods
    with_lp = lp_periods(periods)
    reasons = reason_bounds(publication)
    findings: list[Any] = []
    hidden: Counter[str] = Counter()
    missing = 0
    known_of_group = [relations(publication, group) for group in groups]
    for period in periods:
        for known in known_of_group:
            values, bounds, unpublished = month_values(publication, period, known.cells, reasons)
            missing += unpublished
            hidden.update(k[0] for k, v in values.items() if v is None)
            found = disclosure_attacker(
                values,
                known.equations,
                inequalities=known.inequalities,
                bounds=bounds,
                lp=period in with_lp,
            )
            findings += [(period, f) for f in found]

    tally = Counter((f.key[0], f.kind) for _, f in findings)
    summary = (
        f"{publication.requests} CSV downloads, levels {sorted(publication.regions)}, "
        f"measures {measures}, {len(periods)} months (LP bounds on {sorted(with_lp)}), "
        f"hidden cells {dict(hidden)}, unpublished cells {missing}; findings: "
        + (", ".join(f"{m} {kind} {n}" for (m, kind), n in sorted(tally.items())) or "none")
    )
    print(summary)
    examples = "\n".join(
        f"  {period} {f.key}: {f.kind} {f.low}..{f.high} ({f.via})" for period, f in findings[:10]
    )
    assert not small_shown, f"counts of 1..9 shown: {small_shown[:5]}"
    assert not ratio_shown, f"a ratio or class over a hidden job-seeker count: {ratio_shown[:5]}"
    assert not findings, f"{len(findings)} hidden counts derivable. {summary}\n{examples}"


# --- The attacker itself, on tables small enough to check by hand ------------------------------


def _table(cells: dict[tuple[int, int], int]) -> tuple[dict[Any, int | None], list[Any]]:
    """A 2x2 table with its margins, all shown: keys (row, col), the totals at index 2."""
    values: dict[Any, int | None] = dict(cells)
    for r in range(2):
        values[(r, 2)] = sum(v for (i, _), v in cells.items() if i == r)
    for c in range(2):
        values[(2, c)] = sum(v for (_, j), v in cells.items() if j == c)
    values[(2, 2)] = sum(v for v in cells.values())
    equations = [([(r, 0), (r, 1)], (r, 2)) for r in range(3)]
    equations += [([(0, c), (1, c)], (2, c)) for c in range(3)]
    return values, equations


def test_attacker_derives_a_lone_hidden_cell_of_a_table_with_margins(
    disclosure_attacker: Any,
) -> None:
    values, equations = _table({(0, 0): 12, (0, 1): 30, (1, 0): 25, (1, 1): 40})
    values[(0, 0)] = None  # hidden, but its row total minus the shown cell gives it away
    findings = disclosure_attacker(values, equations)
    assert [(f.key, f.kind, f.low, f.high) for f in findings] == [((0, 0), "exact", 12, 12)]
    assert findings[0].via == "linear algebra"


def test_attacker_cannot_derive_four_hidden_inner_cells_of_ten_or_more(
    disclosure_attacker: Any,
) -> None:
    values, equations = _table({(0, 0): 10, (0, 1): 20, (1, 0): 30, (1, 1): 40})
    for key in [(0, 0), (0, 1), (1, 0), (1, 1)]:
        values[key] = None
    assert disclosure_attacker(values, equations) == []


def test_attacker_finds_hidden_cells_forced_into_one_to_nine(disclosure_attacker: Any) -> None:
    # A line of 30: 20 shown, two hidden cells marked small (0..9) share 10: each is 1..9.
    values = {"a": 20, "b": None, "c": None, "line": 30}
    bounds = {"b": (0, 9), "c": (0, 9)}
    findings = disclosure_attacker(values, [(["a", "b", "c"], "line")], bounds=bounds)
    assert sorted((f.key, f.kind, f.low, f.high, f.via) for f in findings) == [
        ("b", "small", 1, 9, "lp"),
        ("c", "small", 1, 9, "lp"),
    ]
    # Without the "small" marks the same line leaves 0..10 to each: nothing learnt.
    assert disclosure_attacker(values, [(["a", "b", "c"], "line")]) == []


def test_attacker_sees_what_non_negativity_and_inequalities_force(
    disclosure_attacker: Any,
) -> None:
    # The shown cells use up the line: the two hidden ones are both 0 (LP, not linear algebra).
    values = {"a": 20, "b": None, "c": None, "line": 20}
    found = disclosure_attacker(values, [(["a", "b", "c"], "line")])
    assert sorted((f.key, f.kind, f.low, f.via) for f in found) == [
        ("b", "exact", 0, "lp"),
        ("c", "exact", 0, "lp"),
    ]
    # x + y = 14 with x <= y and y <= 7: both are 7.
    values = {"x": None, "y": None, "sum": 14}
    found = disclosure_attacker(
        values, [(["x", "y"], "sum")], inequalities=[("x", "y")], bounds={"y": (0, 7)}
    )
    assert sorted((f.key, f.kind, f.low) for f in found) == [("x", "exact", 7), ("y", "exact", 7)]
    # lp=False: the linear-algebra check alone sees neither.
    assert disclosure_attacker(values, [(["x", "y"], "sum")], lp=False) == []


def test_attacker_refuses_relations_the_shown_values_break(disclosure_attacker: Any) -> None:
    with pytest.raises(ValueError, match="break"):
        disclosure_attacker({"a": 10, "b": 10, "line": 30}, [(["a", "b"], "line")])


def test_attacker_uses_what_the_hidden_reasons_say(disclosure_attacker: Any) -> None:
    # 11 left for a cell marked small (1..9) and one marked protects (>= 10): 1 and 10.
    values = {"a": 30, "small": None, "protects": None, "line": 41}
    bounds = {"small": (1, 9), "protects": (10, None)}
    found = disclosure_attacker(values, [(["a", "small", "protects"], "line")], bounds=bounds)
    assert sorted((f.key, f.kind, f.low) for f in found) == [
        ("protects", "exact", 10),
        ("small", "exact", 1),
    ]
    # 25 left: the small cell is 1..9 as published, nothing more; the other is 16..24.
    values["line"] = 55
    assert disclosure_attacker(values, [(["a", "small", "protects"], "line")], bounds=bounds) == []
