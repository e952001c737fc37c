"""The release dates of the progress figures (issue 18, finding 7): readers see a released date
only; an analyst or a scheduled job releases one (`service.release_progress`)."""

from __future__ import annotations

from datetime import date

from lloradar.store import Store


class NotReleased(LookupError):
    """No progress figures were released on the date asked for."""

    def __init__(self, as_of: date, released: list[date]) -> None:
        days = ", ".join(d.isoformat() for d in released[-5:]) or "none yet"
        super().__init__(
            f"no progress figures were released on {as_of.isoformat()} "
            f"(released on: {days}; an analyst releases them with "
            "`lloradar interventions release --as-of DATE`)"
        )


def released_dates(store: Store) -> list[date]:
    """The dates progress figures were released on, oldest first."""
    return [r[0] for r in store.query("SELECT as_of FROM progress_release ORDER BY as_of")]


def released_as_of(store: Store, as_of: date | None) -> date:
    """The release a reader sees: the one asked for (which must exist) or the latest one. With
    no release at all, today, on which every figure is withheld."""
    released = released_dates(store)
    if as_of is None:
        return released[-1] if released else date.today()
    if as_of not in released:
        raise NotReleased(as_of, released)
    return as_of
