"""Issue 18, finding 11: without LLORADAR_PSEUDONYM_KEY the server does not start (the audit
log's pseudonyms would be keyed with a public constant); `make demo` makes a local key."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.services.audit import MissingPseudonymKey, require_pseudonym_key

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No lloradar.toml (the settings read it from the working directory), no key."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LLORADAR_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("LLORADAR_STORE", str(tmp_path / "never-opened.duckdb"))
    return tmp_path


@pytest.mark.parametrize("key", [None, "", "too-short-key"])
def test_the_served_app_refuses_to_start_without_a_key(
    no_config: Path, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    from lloradar.server import create_app

    if key is not None:
        monkeypatch.setenv("LLORADAR_PSEUDONYM_KEY", key)
    with pytest.raises(MissingPseudonymKey, match="LLORADAR_PSEUDONYM_KEY"):
        create_app()
    assert not (no_config / "never-opened.duckdb").exists()  # refused before the store


def test_with_a_key_the_served_app_starts(
    no_config: Path, monkeypatch: pytest.MonkeyPatch, migrated_duckdb_file: Path
) -> None:
    from lloradar.server import create_app

    store = copy_world(migrated_duckdb_file, no_config / "store.duckdb")
    monkeypatch.setenv("LLORADAR_STORE", str(store))
    monkeypatch.setenv("LLORADAR_PSEUDONYM_KEY", "a-local-secret-of-some-length")
    require_pseudonym_key()
    assert create_app().state.radar is not None


def test_make_demo_makes_a_private_ignored_key_and_serves_with_it() -> None:
    dry = subprocess.run(
        ["make", "-n", "-B", "demo"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "umask 077" in dry and "secrets.token_urlsafe(32)" in dry and "> .lloradar-key" in dry
    serve = next(line for line in dry.splitlines() if "lloradar serve" in line)
    assert 'LLORADAR_PSEUDONYM_KEY="$(cat .lloradar-key)"' in serve
    ignored = subprocess.run(
        ["git", "check-ignore", ".lloradar-key"], cwd=REPO, capture_output=True, text=True
    )
    assert ignored.returncode == 0
