"""Load reference classifications: ISCO-08 groups (ESCO files, Dutch labels) and SBI 2008."""

from __future__ import annotations

import json
from pathlib import Path

from lloradar.domain import Provenance
from lloradar.pipeline.regions import now, read_bytes
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources import esco, sbi
from lloradar.store import Store

SECTOR_COLUMNS = ["code", "label_nl", "label_en", "parent_code"]


def load_isco_groups(store: Store, english: Path, dutch: Path | None) -> LoadReport:
    data = read_bytes(english)
    labels_nl = esco.parse_dutch_labels(read_bytes(dutch), str(dutch), "code") if dutch else {}
    parsed = esco.parse_isco_groups(data, str(english), labels_nl)
    provenance = Provenance(
        source="ESCO v1.1.1 ISCO-08 groups (Dutch labels from ESCO nl)",
        table="ISCOGroups",
        url=str(english),
        retrieved_at=now(),
        licence=esco.LICENCE,
        checksum=Provenance.checksum_of(data),
    )
    rows = [(g.code, g.label_en, g.label_nl, g.parent_code, g.level) for g in parsed.records]
    table = TableRows(
        "isco_group", ["code", "label_en", "label_nl", "parent_code", "level"], ["code"], rows
    )
    return save_load(store, provenance, [table], parsed.quarantine)


def load_sbi(store: Store, excel: Path | None) -> LoadReport:
    """The full SBI 2008 (2018) workbook when present, otherwise the 21 built-in sections."""
    if excel is not None and excel.is_file():
        data = read_bytes(excel)
        sectors = sbi.parse_sbi_excel(data, str(excel))
        url = str(excel)
    else:
        sectors = sbi.builtin_sections()
        data = json.dumps(sbi.SECTIONS).encode()
        url = "https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/activiteiten/standaard-bedrijfsindeling--sbi--"
    provenance = Provenance(
        source="CBS SBI 2008 versie 2018",
        table="sbi2008",
        url=url,
        retrieved_at=now(),
        licence=sbi.LICENCE,
        checksum=Provenance.checksum_of(data),
    )
    rows = [(s.code, s.label_nl, s.label_en, s.parent_code) for s in sectors]
    return save_load(store, provenance, [TableRows("sector", SECTOR_COLUMNS, ["code"], rows)])
