"""The employer's team composition as text: a CSV of occupation x age band x count.

Format (UTF-8, comma or semicolon separated, header required):

    occupation,age_band,count
    algemeen verpleegkundige,55-59,4
    http://data.europa.eu/esco/occupation/<uuid>,60+,2

`occupation` is an ESCO URI, its UUID or the exact Dutch or English label; `age_band` is
`LOW-HIGH` (both included) or `LOW+`, ages 15..99; `count` a whole number of people, 0..100000.
The team is never stored: it is read for one analysis and only aggregates come out.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from lloradar.domain import IngestError

COLUMNS = ("occupation", "age_band", "count")
MAX_ROWS = 500
MAX_COUNT = 100_000
_BAND = re.compile(r"^\s*([0-9]{1,2})\s*(?:-\s*([0-9]{1,2})|(\+))\s*$")
_COUNT = re.compile(r"^[0-9]{1,6}$")


@dataclass(frozen=True, slots=True)
class TeamRow:
    line: int
    occupation: str
    age_low: int
    age_high: int | None
    count: int


def parse_age_band(value: str, source: str, line: int) -> tuple[int, int | None]:
    match = _BAND.match(value)
    if not match:
        raise IngestError(
            source,
            f"{value!r} is not an age band (expected LOW-HIGH such as 55-59, or LOW+ such as 65+)",
            line=line,
            field="age_band",
        )
    low = int(match.group(1))
    high = None if match.group(3) else int(match.group(2))
    if low < 15 or (high is not None and (high < low or high > 99)):
        raise IngestError(
            source,
            f"{value!r} is not an age band of working ages (expected 15 <= LOW <= HIGH <= 99)",
            line=line,
            field="age_band",
        )
    return low, high


def parse_team_csv(text: str, source: str = "team.csv") -> list[TeamRow]:
    """The rows of a team file; the first bad value raises an IngestError naming its line and
    field. An empty file (or only a header) gives []."""
    try:
        return _parse(text.lstrip("\ufeff"), source)
    except csv.Error as exc:
        raise IngestError(source, f"not a readable CSV file ({exc})") from exc


def _parse(body: str, source: str) -> list[TeamRow]:
    if not body.strip():
        return []
    delimiter = (
        ";" if body.split("\n", 1)[0].count(";") > body.split("\n", 1)[0].count(",") else ","
    )
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    if tuple(header) != COLUMNS:
        raise IngestError(
            source,
            f"the header is {','.join(header)!r} (expected {','.join(COLUMNS)})",
            line=1,
        )
    rows: list[TeamRow] = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(COLUMNS):
            raise IngestError(
                source, f"{len(values)} values (expected {len(COLUMNS)}: {','.join(COLUMNS)})",
                line=number,
            )  # fmt: skip
        occupation, band, count = (v.strip() for v in values)
        if not occupation:
            raise IngestError(source, "empty (expected an occupation)", line=number,
                              field="occupation")  # fmt: skip
        low, high = parse_age_band(band, source, number)
        if not _COUNT.match(count) or int(count) > MAX_COUNT:
            raise IngestError(
                source, f"{count!r} is not a number of people (expected 0..{MAX_COUNT})",
                line=number, field="count",
            )  # fmt: skip
        rows.append(TeamRow(number, occupation, low, high, int(count)))
        if len(rows) > MAX_ROWS:
            raise IngestError(source, f"more than {MAX_ROWS} rows", line=number)
    return rows
