"""`lloradar ingest shared [DIR]`: every real public dataset found in the shared data folder
(../shared/data) loaded in one run: the reference data (regions, ISCO-08 groups, SBI 2008),
the recorded CBS StatLine tables (OData v3 with its two pages, v3 typed, v4) and the DUO open
education files. The run is one transaction: an error in any dataset rolls the whole run back,
so nothing of a failed run is stored. Each dataset is all or nothing on its own (a file with
bad rows stores only its quarantine). Loading the same folder again changes nothing.

The ESCO / O*NET taxonomy is not part of this run (about half a minute or more): import it
with `lloradar taxonomy import esco|onet PATH` (or `lloradar demo build`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lloradar.features.ingest.reference import load_reference_data
from lloradar.features.ingest.service import IngestReport, ingest_cbs, ingest_duo
from lloradar.pipeline.save import LoadReport
from lloradar.store import Store

RECORDED = "recorded-sources"
# Folders of real data this run leaves alone, and why (said, never silently skipped).
NOT_LOADED = {
    f"{RECORDED}/cbs-statline-csv-exports": "re-saved StatLine CSV exports, no loader",
    f"{RECORDED}/cbs-odata-v3/cbsodata-download-83765NED-partial": "metadata only, no data rows",
}
TAXONOMY_NOTE = (
    "ESCO / O*NET taxonomy not imported by this command (slow): "
    "run `lloradar taxonomy import esco PATH` or `lloradar demo build`"
)


@dataclass(frozen=True, slots=True)
class CbsDataset:
    """A recorded CBS table: its id, a name for the table of the run and its page files."""

    name: str
    table_id: str
    pages: tuple[str, ...]  # relative to the shared data folder, in paging order


@dataclass(frozen=True, slots=True)
class DuoDataset:
    name: str
    path: str


_V3 = f"{RECORDED}/cbs-odata-v3"
CBS_DATASETS = [
    CbsDataset(
        "CBS 83599NED open vacancies (SBI x region x quarter)",
        "83599NED",
        (f"{_V3}/CBSOData3.jl-test/tables_2.json.gz", f"{_V3}/CBSOData3.jl-test/tables_3.json"),
    ),
    CbsDataset(
        "CBS 80137ned labour accounts (typed v3)",
        "80137ned",
        (f"{_V3}/CBSOData3.jl-test/meta_8.json",),
    ),
    CbsDataset(
        "CBS 82070ENG employed labour force Caribbean NL",
        "82070ENG",
        (f"{_V3}/cbsodata-download-82070ENG/TypedDataSet.json",),
    ),
    CbsDataset(
        "CBS 80072ned sick leave x SBI (OData v4)",
        "80072ned",
        (f"{RECORDED}/cbs-odata-v4/CBSOData4.jl-test/meta_4.json",),
    ),
]
_DUO = f"{RECORDED}/duo-open-onderwijsdata"
DUO_DATASETS = [
    DuoDataset(
        "DUO hbo graduates per programme x institution", f"{_DUO}/hbo_gediplomeerden_2019.csv"
    ),
    DuoDataset(
        "DUO wo graduates per programme x institution", f"{_DUO}/wo_gediplomeerden_2019.csv"
    ),
    DuoDataset(
        "DUO mbo enrolments per qualification x institution",
        f"{_DUO}/mbo_inscriptions_2019.csv.gz",
    ),
]


@dataclass(frozen=True, slots=True)
class DatasetResult:
    """One line of the run's table: what was stored and quarantined, under which provenance id;
    `skipped` says why a dataset was not loaded (its files are missing)."""

    dataset: str
    stored: int = 0
    quarantined: int = 0
    source_id: str = ""
    skipped: str = ""
    tables: tuple[str, ...] = ()

    @property
    def refused(self) -> bool:
        return self.quarantined > 0 and self.stored == 0


@dataclass(slots=True)
class SharedRun:
    base: Path
    results: list[DatasetResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return sum(r.stored for r in self.results)


def _result(name: str, load: LoadReport) -> DatasetResult:
    stored = sum(load.stored.values())
    tables = tuple(t for t, n in load.stored.items() if n)
    return DatasetResult(name, stored, len(load.quarantined), load.source_id, tables=tables)


def _missing(base: Path, paths: tuple[str, ...]) -> list[str]:
    return [p for p in paths if not (base / p).is_file()]


def _cbs(store: Store, base: Path, dataset: CbsDataset) -> DatasetResult:
    missing = _missing(base, dataset.pages)
    if missing:
        return DatasetResult(dataset.name, skipped=f"missing {', '.join(missing)}")
    targets = [str(base / p) for p in dataset.pages]
    report: IngestReport = ingest_cbs(store, targets, table_id=dataset.table_id, refresh=False)
    return _result(dataset.name, report.load)


def _duo(store: Store, base: Path, dataset: DuoDataset) -> DatasetResult:
    if _missing(base, (dataset.path,)):
        return DatasetResult(dataset.name, skipped=f"missing {dataset.path}")
    return _result(dataset.name, ingest_duo(store, str(base / dataset.path), refresh=False).load)


def ingest_shared(
    store: Store, base: Path, *, progress: Callable[[str], None] | None = None
) -> SharedRun:
    """Load every real dataset found under `base`, all in one transaction (see the module)."""
    run = SharedRun(base)
    if not base.is_dir():
        run.notes.append(f"{base} is not a folder: nothing loaded")
        return run
    with store.transaction():
        if progress:
            progress("reference data")
        if not (base / "regions").is_dir():
            run.notes.append("regions/ missing: the built-in region table is used")
        for load in load_reference_data(store, base):
            run.results.append(_result(f"{load.source} ({Path(load.location).name})", load))
        for cbs_set in CBS_DATASETS:
            if progress:
                progress(cbs_set.name)
            run.results.append(_cbs(store, base, cbs_set))
        for duo_set in DUO_DATASETS:
            if progress:
                progress(duo_set.name)
            run.results.append(_duo(store, base, duo_set))
    run.notes.append(TAXONOMY_NOTE)
    for folder, why in NOT_LOADED.items():
        if (base / folder).is_dir():
            run.notes.append(f"{folder}/ not loaded: {why}")
    if not (base / RECORDED).is_dir():
        run.notes.append(f"{RECORDED}/ missing: no CBS or DUO table loaded")
    return run
