"""Every CLI command and every API route is documented in README.md or docs/ (in the spirit of
sqlite-utils' tests/test_docs.py). A new command or route fails here, named, until it is
described; docs/cli.md and docs/api.md are the references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer

from lloradar.cli.main import app as cli_app
from lloradar.features.indicators.radar import RadarData
from lloradar.server import create_app

ROOT = Path(__file__).resolve().parents[1]
PARAMETER = re.compile(r"\{[^{}\s]*\}")
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _command_paths(command: Any, path: tuple[str, ...]) -> Iterator[str]:
    """Every leaf command below `command` as `lloradar group command`. Typer ships its own copy
    of click, so groups are recognised by their `commands`, not by class."""
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        if not command.hidden:
            yield " ".join(path)
        return
    for name, subcommand in subcommands.items():
        yield from _command_paths(subcommand, (*path, name))


@cache
def cli_commands() -> tuple[str, ...]:
    return tuple(sorted(_command_paths(typer.main.get_command(cli_app), ("lloradar",))))


@cache
def api_routes() -> tuple[tuple[str, str], ...]:
    """(method, path template) of every operation in the OpenAPI schema of the whole server:
    the /api routes and the Atom feeds; web pages and the OpenAPI/docs routes are not in it."""
    empty = RadarData(regions=[], occupations=[], periods=[], geometry={}, sources=[], skills={})
    schema = create_app(empty).openapi()
    return tuple(
        sorted(
            (method.upper(), path)
            for path, operations in schema["paths"].items()
            for method in operations
            if method in HTTP_METHODS
        )
    )


@cache
def documentation() -> str:
    """README.md and docs/**/*.md, whitespace collapsed (so a command may wrap across lines)
    and every path parameter written as `{}` (so `{code}` and `{region}` are the same)."""
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    text = " ".join(" ".join(file.read_text(encoding="utf-8").split()) for file in files)
    return PARAMETER.sub("{}", text)


@pytest.mark.parametrize("command", cli_commands())
def test_command_is_documented(command: str) -> None:
    pattern = r"(?<![\w-])" + re.escape(command) + r"(?![\w-])"
    if not re.search(pattern, documentation()):
        pytest.fail(f"`{command}` is not in README.md or docs/ (add it to docs/cli.md)")


@pytest.mark.parametrize("route", [f"{method} {path}" for method, path in api_routes()])
def test_route_is_documented(route: str) -> None:
    path = route.split(" ", 1)[1]
    # `/api/regions` is not documented by `/api/regions/{code}`, nor by `/api/regions/AM05`
    # for `/api/regions/{code}`; a query string or punctuation may follow.
    pattern = re.escape(PARAMETER.sub("{}", path)) + r"(?![\w/{-])"
    if not re.search(pattern, documentation()):
        pytest.fail(f"`{path}` is not in README.md or docs/ (add {route} to docs/api.md)")


def test_collected_everything() -> None:
    """Guards the walk itself: nested groups and top-level commands, and routes of each kind."""
    assert {"lloradar indicators show", "lloradar navigator", "lloradar demo build"} <= set(
        cli_commands()
    )
    paths = {path for _, path in api_routes()}
    assert {"/api/forecast/regions/{code}", "/api/regions", "/feeds/{token}.atom"} <= paths
    assert not {"/api/docs", "/api/openapi.json", "/"} & paths  # no docs routes, no web pages
