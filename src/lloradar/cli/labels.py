"""An unknown region or occupation on the command line: one line naming the nearest known ones
("did you mean: ..."), as the web's 404 page does, and exit code 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.markup import escape

from lloradar.cli.common import errors
from lloradar.domain import UnknownLabel


@contextmanager
def known_labels() -> Iterator[None]:
    """Turn an UnknownLabel raised inside into its message on stderr and exit code 1."""
    try:
        yield
    except UnknownLabel as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(1) from None
