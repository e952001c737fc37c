"""`lloradar sources refresh`: fetch the live sources again (CBS StatLine tables by id, with
paging; DUO CSV addresses), tell what changed, load only what changed, and recompute what
depends on it. Per source, all or nothing:

- unchanged: the server answers 304 Not Modified to the stored ETag / Last-Modified, or the bytes
  have the stored checksum - nothing is loaded;
- loaded: new bytes, parsed and stored in one transaction with the new state; the periods the
  store did not have are logged in `source_refresh` (what an alert "new CBS quarter" reads);
- refused: the table's dimensions or measures are not the stored ones, or rows are bad - nothing
  is loaded, the stored figures stay, the message says what differs;
- failed: an HTTP error on any page (or no connection) - nothing of the table is loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx

from lloradar.domain import IngestError
from lloradar.features.indicators.service import refresh_derived
from lloradar.features.ingest import live
from lloradar.pipeline import sources_load
from lloradar.pipeline.regions import now
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.sources_load import Origin
from lloradar.sources import cbs, duo
from lloradar.store import Store

DEFAULT_CBS_TABLES = ("83599NED",)


@dataclass(frozen=True, slots=True)
class Watched:
    key: str  # cbs:83599NED or duo:https://...
    kind: str  # cbs or duo
    url: str
    table_id: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    key: str
    outcome: str  # unchanged, loaded, refused, failed
    detail: str = ""
    rows: int = 0
    new_periods: tuple[str, ...] = ()
    source_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in ("unchanged", "loaded")


@dataclass(slots=True)
class RefreshRun:
    outcomes: list[Outcome] = field(default_factory=list)
    recomputed: str = ""

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)


def cbs_source(table_id: str) -> Watched:
    return Watched(f"cbs:{table_id}", "cbs", cbs.v3_url(table_id), table_id)


def duo_source(url: str) -> Watched:
    return Watched(f"duo:{url}", "duo", url)


def watched_sources(
    store: Store, tables: Sequence[str] = (), duo_urls: Sequence[str] = ()
) -> list[Watched]:
    """The given tables and addresses; with neither, every CBS table and DUO address the store
    holds or watched before, and the CBS tables the radar shows (83599NED)."""
    if not tables and not duo_urls:
        tables = sorted({*live.stored_cbs_tables(store), *DEFAULT_CBS_TABLES})
        duo_urls = live.stored_duo_urls(store)
    return [cbs_source(t) for t in tables] + [duo_source(u) for u in duo_urls]


def _dimension_change(store: Store, table_id: str, parsed: list[cbs.Observation]) -> str:
    stored = live.cbs_dimensions(store, table_id)
    if stored is None or not parsed:
        return ""
    names = sorted(name for name, _ in parsed[0].dimensions)
    measures = sorted({o.measure for o in parsed})
    if (names, measures) == stored:
        return ""
    return (
        f"the table's dimensions changed: stored {stored[0]} with measures {stored[1]}, CBS now "
        f"sends {names} with {measures}; nothing was loaded and the stored figures are kept - "
        f"check the table and load it on purpose with `lloradar ingest cbs {table_id}`"
    )


def _refused(load: LoadReport) -> str:
    first = "; ".join(load.messages()[:3])
    return f"{len(load.quarantined)} bad row(s), nothing stored: {first}"


def _refresh_one(
    store: Store, source: Watched, transport: httpx.BaseTransport | None
) -> tuple[Outcome, list[str]]:
    checked = now()
    state = live.load_state(store, source.key)
    url = state.url if state is not None else source.url
    try:
        fetched = live.fetch(url, state, paged=source.kind == "cbs", transport=transport)
    except (IngestError, httpx.HTTPError) as error:
        outcome = Outcome(source.key, "failed", f"{error}; nothing was loaded")
        live.log_refresh(store, source.key, checked, outcome.outcome, outcome.detail, 0, [], None)
        return outcome, []
    new_state = live.State(url, fetched.etag, fetched.last_modified, None)
    if fetched.not_modified or (state is not None and state.checksum == fetched.checksum):
        why = "304 Not Modified" if fetched.not_modified else "same checksum"
        keep = state.checksum if state is not None else None
        with store.transaction():
            live.save_state(
                store,
                source.key,
                live.State(url, new_state.etag, new_state.last_modified, keep),
                None,
                checked,
                changed=False,
            )
            live.log_refresh(store, source.key, checked, "unchanged", why, 0, [], None)
        return Outcome(source.key, "unchanged", why), []
    try:
        if source.kind == "cbs":
            outcome, tables = _load_cbs(store, source, fetched, url)
        else:
            outcome, tables = _load_duo(store, source, fetched, url)
    except IngestError as error:
        outcome, tables = Outcome(source.key, "refused", f"{error}; nothing was loaded"), []
    with store.transaction():
        if outcome.outcome == "loaded":
            done = live.State(url, fetched.etag, fetched.last_modified, fetched.checksum)
            live.save_state(store, source.key, done, outcome.source_id, checked, changed=True)
        live.log_refresh(
            store,
            source.key,
            checked,
            outcome.outcome,
            outcome.detail,
            outcome.rows,
            outcome.new_periods,
            outcome.source_id,
        )
    return outcome, tables


def _load_cbs(
    store: Store, source: Watched, fetched: live.Fetched, url: str
) -> tuple[Outcome, list[str]]:
    pages = [cbs.parse_page(p, f"{url} page {i + 1}") for i, p in enumerate(fetched.pages)]
    rows = [row for page in pages for row in page.rows]
    parsed = cbs.parse_rows(rows, source.table_id, url)
    change = _dimension_change(store, source.table_id, parsed.records)
    if change:
        return Outcome(source.key, "refused", change), []
    before = live.cbs_periods(store, source.table_id)
    load = sources_load.load_cbs(
        store, parsed, source.table_id, Origin(url, fetched.checksum, "sources refresh")
    )
    if load.quarantined:
        return Outcome(source.key, "refused", _refused(load), source_id=load.source_id), []
    new = sorted(live.cbs_periods(store, source.table_id) - before)
    detail = f"{len(fetched.pages)} page(s)"
    stored = sum(load.stored.values())
    return Outcome(source.key, "loaded", detail, stored, tuple(new), load.source_id), (
        load.changed_tables
    )


def _load_duo(
    store: Store, source: Watched, fetched: live.Fetched, url: str
) -> tuple[Outcome, list[str]]:
    data = fetched.pages[0]
    parsed = duo.parse_duo(data, url)
    before = live.duo_years(store)
    load = sources_load.load_duo(store, parsed, Origin(url, fetched.checksum, "sources refresh"))
    if load.quarantined:
        return Outcome(source.key, "refused", _refused(load), source_id=load.source_id), []
    new = sorted(live.duo_years(store) - before)
    stored = sum(load.stored.values())
    return Outcome(source.key, "loaded", "", stored, tuple(new), load.source_id), (
        load.changed_tables
    )


def refresh_sources(
    store: Store,
    sources: Sequence[Watched],
    *,
    transport: httpx.BaseTransport | None = None,
    recompute: bool = True,
) -> RefreshRun:
    """Refresh every source in turn (one failing does not stop the others), then recompute
    what the changed tables feed."""
    run = RefreshRun()
    changed: set[str] = set()
    for source in sources:
        outcome, tables = _refresh_one(store, source, transport)
        run.outcomes.append(outcome)
        changed.update(tables)
    if recompute and changed:
        done = refresh_derived(store, sorted(changed))
        run.recomputed = done.summary() if done.done else ""
    return run
