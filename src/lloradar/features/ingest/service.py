"""Use-cases "ingest this file or address": CBS StatLine, UWV, DUO and vacancy texts. A target
is a local path or an http(s) URL; fetching goes through an injectable httpx transport.

A load that changed rows recomputes what is derived from them (`services.refresh`: the
indicators after UWV figures, skill demand after vacancy texts) unless `refresh=False`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from lloradar.domain import IngestError
from lloradar.features.indicators.service import RefreshReport, refresh_derived
from lloradar.pipeline import sources_load
from lloradar.pipeline.regions import read_bytes
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.sources_load import Origin, SkillExtractor
from lloradar.sources import cbs, duo, uwv, vacancies
from lloradar.store import Store

SKILLS_METHOD = "skills engine: embeddings + lexicon (top 5)"


@dataclass(slots=True)
class IngestReport:
    load: LoadReport
    unplaced: int = 0
    skills: str = ""
    notes: list[str] = field(default_factory=list)
    refreshed: RefreshReport | None = None
    partial: bool = False  # --keep-good-rows: the good rows were stored beside the bad ones

    @property
    def refused(self) -> bool:
        return bool(self.load.quarantined) and not self.partial


def refreshed(store: Store, report: IngestReport, refresh: bool = True) -> IngestReport:
    """The report, after recomputing what the load's changed tables feed (if anything): not
    after a refused load or one that changed no row (the same file again)."""
    changed = report.load.changed_tables
    if refresh and changed and not report.refused:
        done = refresh_derived(store, changed)
        report.refreshed = done if done.done else None
    return report


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def fetch(url: str, transport: httpx.BaseTransport | None = None) -> bytes:
    with httpx.Client(transport=transport, timeout=60.0, follow_redirects=True) as client:
        response = client.get(url)
    if response.status_code != 200:
        raise IngestError(url, f"HTTP {response.status_code}")
    return response.content


def read_target(target: str, transport: httpx.BaseTransport | None = None) -> bytes:
    return fetch(target, transport) if is_url(target) else read_bytes(Path(target))


def origin(name: str, payloads: Sequence[bytes], note: str = "") -> Origin:
    digest = hashlib.sha256()
    for payload in payloads:
        digest.update(payload)
    return Origin(name, "sha256:" + digest.hexdigest(), note)


def cbs_pages(targets: Sequence[str], transport: httpx.BaseTransport | None) -> list[bytes]:
    """Pages from files, from a URL (following odata.nextLink), or from a bare table id."""
    pages: list[bytes] = []
    for target in targets:
        if is_url(target):
            pages.extend(cbs.fetch_pages(target, transport=transport))
        elif not Path(target).exists() and target.isalnum():
            pages.extend(cbs.fetch_pages(cbs.v3_url(target), transport=transport))
        else:
            pages.append(read_bytes(Path(target)))
    return pages


def ingest_cbs(
    store: Store,
    targets: Sequence[str],
    *,
    table_id: str | None = None,
    transport: httpx.BaseTransport | None = None,
    refresh: bool = True,
) -> IngestReport:
    """All pages of one CBS table (v3 or v4) as long observations, in one load."""
    pages = cbs_pages(targets, transport)
    parsed_pages = [
        cbs.parse_page(p, t) for p, t in zip(pages, _names(targets, pages), strict=True)
    ]
    table = table_id or next((p.table_id for p in parsed_pages if p.table_id), None)
    if table is None:
        raise IngestError(targets[0], "cannot tell the CBS table id: pass --table (e.g. 83599NED)")
    rows = [row for page in parsed_pages for row in page.rows]
    parsed = cbs.parse_rows(rows, table, ", ".join(targets))
    load = sources_load.load_cbs(store, parsed, table, origin(", ".join(targets), pages))
    report = IngestReport(load, notes=[f"{len(pages)} page(s), {len(rows)} rows"])
    return refreshed(store, report, refresh)


def _names(targets: Sequence[str], pages: Sequence[bytes]) -> list[str]:
    if len(targets) == len(pages):
        return list(targets)
    return [f"{targets[0]} page {i + 1}" for i in range(len(pages))]


def ingest_uwv(
    store: Store,
    target: str,
    *,
    transport: httpx.BaseTransport | None = None,
    refresh: bool = True,
) -> IngestReport:
    data = read_target(target, transport)
    regions = {
        str(r[0]) for r in store.query("SELECT code FROM region WHERE level = 'arbeidsmarktregio'")
    }
    parsed = uwv.parse_uwv(data, target, today=sources_load.today(), regions=regions)
    report = IngestReport(sources_load.load_uwv(store, parsed, origin(target, [data])))
    return refreshed(store, report, refresh)


def ingest_duo(
    store: Store,
    target: str,
    *,
    transport: httpx.BaseTransport | None = None,
    refresh: bool = True,
) -> IngestReport:
    data = read_target(target, transport)
    parsed = duo.parse_duo(data, target)
    report = IngestReport(sources_load.load_duo(store, parsed, origin(target, [data])))
    return refreshed(store, report, refresh)


def store_extractor(store: Store) -> tuple[SkillExtractor | None, str]:
    """The skills engine's extractor over the imported ESCO skills, or None without a taxonomy."""
    try:
        from lloradar.features.skills.service import load_extractor

        extractor = load_extractor(store)
    except (LookupError, IngestError, ImportError):
        return None, "no ESCO taxonomy imported: vacancies stored without skills"

    def extract(texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        return [[(m.uri, m.score) for m in found] for found in extractor.extract(texts)]

    return extract, SKILLS_METHOD


def ingest_vacancies(
    store: Store,
    target: str,
    *,
    fmt: str | None = None,
    extract: SkillExtractor | None = None,
    method: str = "",
    transport: httpx.BaseTransport | None = None,
    refresh: bool = True,
    keep_good_rows: bool = False,
) -> IngestReport:
    """Vacancy texts, all or nothing; `keep_good_rows` stores the good postings of a file with
    bad ones and quarantines those (for large feeds)."""
    data = read_target(target, transport)
    parsed = vacancies.parse_vacancies(data, target, today=sources_load.today(), fmt=fmt)
    load, unplaced = sources_load.load_vacancies(
        store,
        parsed,
        origin(target, [data]),
        extract=extract,
        method=method,
        keep_good_rows=keep_good_rows,
    )
    report = IngestReport(load, unplaced=unplaced, skills=method, partial=keep_good_rows)
    return refreshed(store, report, refresh)
