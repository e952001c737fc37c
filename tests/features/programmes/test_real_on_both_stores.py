"""The real-data reads (sector vacancies, sick leave, programmes) give the same answers on the
embedded store and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from lloradar.features.ingest.service import ingest_cbs, ingest_duo
from lloradar.features.programmes.service import list_programmes, programme_profile
from lloradar.features.sector_vacancies.service import (
    list_vacancy_sectors,
    sector_vacancies,
    sick_leave,
    vacancy_rows,
)
from lloradar.pipeline.regions import load_regions
from lloradar.store import Store

V3 = "recorded-sources/cbs-odata-v3/CBSOData3.jl-test"
V4 = "recorded-sources/cbs-odata-v4/CBSOData4.jl-test"
WO = "recorded-sources/duo-open-onderwijsdata/wo_gediplomeerden_2019.csv"


def test_real_reads_on_each_store(any_store: Store, shared_data: Path) -> None:
    load_regions(any_store, shared_data / "regions")
    pages = [str(shared_data / V3 / "tables_2.json.gz"), str(shared_data / V3 / "tables_3.json")]
    ingest_cbs(any_store, pages, table_id="83599NED", refresh=False)
    ingest_cbs(
        any_store, [str(shared_data / V4 / "meta_4.json")], table_id="80072ned", refresh=False
    )
    ingest_duo(any_store, str(shared_data / WO), refresh=False)

    found = sector_vacancies(any_store, "T001081")
    assert found is not None and len(list_vacancy_sectors(any_store)) == 24
    q2 = [r for r in vacancy_rows(found, "NL01") if r["period"] == "2020-Q2"]
    assert q2[0]["open_vacancies"] == 200_400
    sick = sick_leave(any_store, "Q")
    assert sick is not None and sick.quarters["2020-Q1"] == 6.6

    entries = list_programmes(any_store)
    assert entries and all(e.kind == "diploma" for e in entries)
    medicine = next(e for e in entries if e.name == "Geneeskunde")
    profile = programme_profile(any_store, medicine.code)
    assert profile is not None and profile.domains and profile.regions[0].startswith("AM")
    assert all(v is None or v >= 10 for v in profile.per_year.values())
