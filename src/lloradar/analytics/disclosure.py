"""Statistical disclosure control: a cell of fewer than 10 people is never shown."""

from __future__ import annotations

MIN_PEOPLE = 10
SUPPRESSED = "<10"


def disclose(count: int | None) -> int | None:
    """The count when it may be shown, None (render as SUPPRESSED) when it may not."""
    if count is None or count < MIN_PEOPLE:
        return None
    return count


def show_count(count: int | None) -> str:
    shown = disclose(count)
    return SUPPRESSED if shown is None else f"{shown:,}".replace(",", ".")
