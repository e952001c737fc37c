"""The team composition CSV: the documented format, and bad lines named by line and field."""

from __future__ import annotations

import pytest

from lloradar.domain import IngestError
from lloradar.features.employer.team import MAX_ROWS, TeamRow, parse_team_csv


def test_comma_or_semicolon_with_bom_and_blank_lines() -> None:
    text = "\ufeffoccupation;age_band;count\nzorghulp;55-59;4\n\n occ:nurse ; 65+ ; 2 \n"
    assert parse_team_csv(text) == [
        TeamRow(2, "zorghulp", 55, 59, 4),
        TeamRow(4, "occ:nurse", 65, None, 2),
    ]
    assert parse_team_csv("occupation,age_band,count\n") == []
    assert parse_team_csv("  ") == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("beroep,leeftijd,aantal\n", "team.csv line 1: the header is 'beroep,leeftijd,aantal'"),
        ("zorghulp,55-59\n", "team.csv line 2: 2 values (expected 3"),
        (",55-59,4\n", "team.csv line 2, field 'occupation': empty"),
        ("zorghulp,55 tot 59,4\n", "line 2, field 'age_band': '55 tot 59' is not an age band"),
        ("zorghulp,10-19,4\n", "line 2, field 'age_band': '10-19' is not an age band of working"),
        ("zorghulp,60-55,4\n", "field 'age_band': '60-55'"),
        ("zorghulp,20-29,vier\n", "line 2, field 'count': 'vier' is not a number of people"),
        ("zorghulp,20-29,²\n", "field 'count': '²'"),
        ("zorghulp,20-29,100001\n", "field 'count': '100001'"),
    ],
)
def test_bad_lines_are_named(body: str, message: str) -> None:
    text = body if body.startswith("beroep") else "occupation,age_band,count\n" + body
    with pytest.raises(IngestError) as caught:
        parse_team_csv(text)
    assert message in str(caught.value)


def test_too_many_rows() -> None:
    text = "occupation,age_band,count\n" + "zorghulp,20-29,1\n" * (MAX_ROWS + 1)
    with pytest.raises(IngestError, match=f"more than {MAX_ROWS} rows"):
        parse_team_csv(text)
