"""Loading the regional geography: real files, built-in fallback, and bad input."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from lloradar.domain import IngestError, RegionLevel
from lloradar.pipeline.regions import (
    GEMEENTE_TABLE,
    load_boundaries,
    load_builtin_regions,
    load_gemeenten,
    load_regions,
)
from lloradar.store import Store

HEADER = (
    "gemeente_code,gemeente_naam,arbeidsmarktregio_code,arbeidsmarktregio_naam,"
    "amr_overlap_share,provincie_code,provincie_naam,prov_overlap_share\n"
)
GOOD = [
    "GM0014,Groningen,AM01,Groningen,1.0,PV20,Groningen,0.9988\n",
    "GM0363,Amsterdam,AM18,Groot Amsterdam,1.0,PV27,Noord-Holland,1.0\n",
]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(store: Store) -> list[tuple[object, ...]]:
    return store.query("SELECT code, name, level, parent_code FROM region ORDER BY code")


def test_builtin_regions_give_35_labour_market_regions_and_12_provinces(duck: Store) -> None:
    load_builtin_regions(duck)
    levels = dict(duck.query("SELECT level, count(*) FROM region GROUP BY level"))
    assert levels == {"land": 1, "provincie": 12, "arbeidsmarktregio": 35}
    codes = [r[0] for r in duck.query("SELECT code FROM region WHERE level = 'arbeidsmarktregio'")]
    assert {"AM04", "AM16", "AM31"}.isdisjoint(codes)
    assert duck.query("SELECT parent_code FROM region WHERE code = 'AM05'") == [("PV23",)]


def test_real_regions_load_with_derived_provenance(duck: Store, shared_data: Path) -> None:
    reports = load_regions(duck, shared_data / "regions")
    levels = dict(duck.query("SELECT level, count(*) FROM region GROUP BY level"))
    assert levels == {"land": 1, "provincie": 12, "arbeidsmarktregio": 35, "gemeente": 342}
    assert duck.query("SELECT parent_code, province_code FROM region WHERE code = 'GM0363'") == [
        ("AM18", "PV27")
    ]
    assert duck.query("SELECT count(*) FROM region_geometry")[0][0] == 35 + 12 + 342
    notes = [
        r[0]
        for r in duck.query(
            "SELECT note FROM provenance WHERE source_table = 'gemeente_arbeidsmarktregio_2023'"
        )
    ]
    assert "overlay" in notes[0]
    assert all(not r.quarantined for r in reports)


def test_loading_twice_changes_nothing(duck: Store, shared_data: Path) -> None:
    load_regions(duck, shared_data / "regions")
    before = duck.row_counts(), snapshot(duck), duck.query("SELECT * FROM provenance ORDER BY 1")
    load_regions(duck, shared_data / "regions")
    after = duck.row_counts(), snapshot(duck), duck.query("SELECT * FROM provenance ORDER BY 1")
    assert before == after


def test_missing_file_names_the_file_and_stores_nothing(duck: Store, tmp_path: Path) -> None:
    load_builtin_regions(duck)
    before = snapshot(duck)
    with pytest.raises(IngestError, match=f"{GEMEENTE_TABLE}: cannot be read"):
        load_gemeenten(duck, tmp_path / GEMEENTE_TABLE)
    assert snapshot(duck) == before


def test_corrupt_boundary_file_is_refused(duck: Store, tmp_path: Path) -> None:
    load_builtin_regions(duck)
    path = write(tmp_path / "arbeidsmarktregio_2023.topojson", '{"type": "Topology", "arcs": [')
    with pytest.raises(IngestError, match="arbeidsmarktregio_2023.topojson: not valid JSON"):
        load_boundaries(duck, path, RegionLevel.ARBEIDSMARKTREGIO, 2023)
    assert duck.query("SELECT count(*) FROM region_geometry")[0][0] == 0


def test_invalid_utf8_names_the_line(duck: Store, tmp_path: Path) -> None:
    load_builtin_regions(duck)
    path = tmp_path / "g.csv"
    path.write_bytes((HEADER + GOOD[0]).encode() + b"GM0034,Alm\xffere,AM11,x,1.0,PV24,x,1\n")
    with pytest.raises(IngestError, match="g.csv line 3: invalid UTF-8"):
        load_gemeenten(duck, path)


def test_missing_column_is_named(duck: Store, tmp_path: Path) -> None:
    load_builtin_regions(duck)
    path = write(tmp_path / "g.csv", HEADER.replace("arbeidsmarktregio_code,", "amr,") + GOOD[0])
    with pytest.raises(
        IngestError, match="g.csv line 1: missing column\\(s\\) 'arbeidsmarktregio_code'"
    ):
        load_gemeenten(duck, path)


def test_bad_rows_go_to_quarantine_and_good_rows_load(duck: Store, tmp_path: Path) -> None:
    load_builtin_regions(duck)
    rows = [
        *GOOD,
        "GM0034,Almere,AM99,Nowhere,1.0,PV24,Flevoland,1.0\n",  # unknown region code
        "GM0014,Groningen again,AM01,Groningen,1.0,PV20,Groningen,1.0\n",  # duplicate key
        "GM0037,Stadskanaal,AM01,Groningen,veel,PV20,Groningen,1.0\n",  # wrong type
        "0047,Veendam,AM01,Groningen,1.0,PV20,Groningen,1.0\n",  # bad gemeente code
    ]
    path = write(tmp_path / "g.csv", HEADER + "".join(rows))
    report = load_gemeenten(duck, path)
    assert report.stored == {"region": 2}
    messages = report.messages()
    assert (
        messages[0]
        == "%s line 4, field 'arbeidsmarktregio_code': 'AM99' is not a known arbeidsmarktregio code"
        % path
    )
    assert (
        "line 5, field 'gemeente_code': 'GM0014' is a duplicate key (first on line 2)"
        in messages[1]
    )
    assert (
        "line 6, field 'amr_overlap_share': 'veel' is not a number between 0 and 1" in messages[2]
    )
    assert "line 7, field 'gemeente code': '0047'" in messages[3]
    quarantined = duck.query("SELECT line, field, value FROM quarantine ORDER BY line")
    assert quarantined == [
        (4, "arbeidsmarktregio_code", "AM99"),
        (5, "gemeente_code", "GM0014"),
        (6, "amr_overlap_share", "veel"),
        (7, "gemeente code", "0047"),
    ]
    assert duck.query("SELECT name FROM region WHERE code = 'GM0014'") == [("Groningen",)]


def test_boundary_with_unknown_region_code_is_refused_and_nothing_is_lost(
    duck: Store, shared_data: Path, tmp_path: Path
) -> None:
    load_regions(duck, shared_data / "regions")
    before = duck.query("SELECT count(*) FROM region_geometry")[0][0]
    text = (shared_data / "regions" / "arbeidsmarktregio_2023.topojson").read_text(encoding="utf-8")
    path = write(tmp_path / "amr.topojson", text.replace('"AM38"', '"AM04"'))
    with pytest.raises(
        IngestError, match="amr.topojson: unknown arbeidsmarktregio code\\(s\\) AM04"
    ):
        load_boundaries(duck, path, RegionLevel.ARBEIDSMARKTREGIO, 2024)
    assert duck.query("SELECT count(*) FROM region_geometry")[0][0] == before


def test_gzip_is_not_mistaken_for_text(duck: Store, tmp_path: Path) -> None:
    load_builtin_regions(duck)
    path = tmp_path / "g.csv"
    path.write_bytes(gzip.compress((HEADER + GOOD[0]).encode()))
    with pytest.raises(IngestError, match="invalid UTF-8"):
        load_gemeenten(duck, path)
