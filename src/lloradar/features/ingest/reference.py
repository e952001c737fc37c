"""Load the reference data: regions, ISCO-08 groups and SBI sectors, from ../shared/data when
present and from the built-in tables otherwise."""

from __future__ import annotations

from pathlib import Path

from lloradar.pipeline.reference import load_isco_groups, load_sbi
from lloradar.pipeline.regions import load_regions
from lloradar.pipeline.save import LoadReport
from lloradar.store import Store


def load_reference_data(store: Store, shared_data: Path | None) -> list[LoadReport]:
    base = shared_data if shared_data is not None and shared_data.is_dir() else None
    reports = load_regions(store, base / "regions" if base else None)
    if base is not None:
        english = base / "esco-v1.1.1" / "ISCOGroups_en.csv"
        dutch = base / "esco-nl" / "ISCOGroups_nl.csv"
        if english.is_file():
            reports.append(load_isco_groups(store, english, dutch if dutch.is_file() else None))
    sbi_excel = (
        base / "recorded-sources" / "sbi2008" / "SBI 2008 versie 2018.xlsx" if base else None
    )
    reports.append(load_sbi(store, sbi_excel))
    return reports
