"""DUO open onderwijsdata on the real recorded files: wide years -> one count per year."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.features.ingest.service import ingest_duo
from lloradar.sources.duo import parse_duo
from lloradar.store import Store

pytestmark = pytest.mark.shared_data
DUO = "recorded-sources/duo-open-onderwijsdata"


def test_hbo_graduates_every_row_and_year_and_codes_as_strings(shared_data: Path) -> None:
    parsed = parse_duo((shared_data / DUO / "hbo_gediplomeerden_2019.csv").read_bytes(), "hbo")
    assert len(parsed.records) == 3_849 * 5  # the "" lines between rows are skipped
    assert parsed.quarantine == []
    first = parsed.records[0]
    assert (first.programme_code, first.gemeente, first.institution) == ("34267", "0106", "25BE")
    assert (first.year, first.persons, first.variant) == (2014, 10, "voltijd onderwijs|man")


def test_mbo_participants_skip_empty_years_and_totals(shared_data: Path) -> None:
    parsed = parse_duo((shared_data / DUO / "mbo_inscriptions_2019.csv.gz").read_bytes(), "mbo")
    assert parsed.quarantine == []
    assert {r.kind for r in parsed.records} == {"enrolment"}
    assert all(r.variant.endswith(("|man", "|vrouw")) for r in parsed.records)
    first = parsed.records[0]
    assert (first.programme_code, first.level, first.year, first.persons) == (
        "23110",
        "mbo 1",
        2015,
        3,
    )


def test_negative_count_quarantines_the_file(duck: Store) -> None:
    path = Path(duck.url).parent / "duo.csv"
    path.write_text(
        "PROVINCIE;GEMEENTENUMMER;GEMEENTENAAM;SOORT INSTELLING;BRIN NUMMER ACTUEEL;"
        "INSTELLINGSNAAM ACTUEEL;CROHO ONDERDEEL;CROHO SUBONDERDEEL;OPLEIDINGSCODE ACTUEEL;"
        "OPLEIDINGSNAAM ACTUEEL;OPLEIDINGSVORM;SOORT DIPLOMA;GESLACHT;2017;2018\n"
        "Drenthe;0106;Assen;reg;25BE;H;techniek;n.v.t.;34267;B E;voltijd onderwijs;hbo bachelor;"
        "man;10;-2\n"
    )
    report = ingest_duo(duck, str(path))
    assert report.refused
    assert "negative" in report.load.messages()[0]
    assert duck.query("SELECT count(*) FROM education_supply") == [(0,)]
    assert duck.query("SELECT reason FROM quarantine") == [("is a negative count",)]
