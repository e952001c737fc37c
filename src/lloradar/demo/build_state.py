"""Whether a long build finished: `started` commits a `building` mark before the work,
`finished` replaces it by `complete` after; a build killed in between stays `building`."""

from __future__ import annotations

from datetime import UTC, datetime

from lloradar.store import Store

COLUMNS = ["name", "state", "started_at", "finished_at"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def started(store: Store, name: str = "demo") -> bool:
    """Mark `name` as building; True when an earlier build of it did not finish."""
    unfinished = name in unfinished_builds(store)
    store.upsert("build_state", COLUMNS, [(name, "building", _now(), None)], ["name"])
    return unfinished


def finished(store: Store, name: str = "demo") -> None:
    rows = store.query("SELECT started_at FROM build_state WHERE name = ?", [name])
    began = rows[0][0] if rows else _now()
    store.upsert("build_state", COLUMNS, [(name, "complete", began, _now())], ["name"])


def unfinished_builds(store: Store) -> list[str]:
    return [str(r[0]) for r in store.query("SELECT name FROM build_state WHERE state = 'building'")]
