"""Errors a person can act on: they name the file, line and field and what was expected."""

from __future__ import annotations

from collections.abc import Sequence


class ValidationError(ValueError):
    """A value that does not meet its domain rule (a code, a date, a count)."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"field {field!r}: {value!r} is not valid (expected {expected})")


class IngestError(Exception):
    """A file or feed that cannot be loaded; nothing of it was stored."""

    def __init__(
        self, source: str, reason: str, *, line: int | None = None, field: str | None = None
    ) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        self.field = field
        where = source
        if line is not None:
            where += f" line {line}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {reason}")


class StoreUnavailable(Exception):
    """The configured store cannot be opened (locked, unreachable, not a database)."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"store {url}: {reason}")


class UnknownLabel(LookupError):
    """A code or label that names nothing in the store, with the nearest known ones (best first)
    so a person can pick one: "'verpleegkundige' is not a known occupation; did you mean: ..."."""

    def __init__(self, kind: str, value: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.value = value
        self.suggestions = tuple(suggestions)
        message = f"{value!r} is not a known {kind}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions)
        super().__init__(message)
