"""The showcase a newcomer's `make demo` builds: every screen has something to show, a rebuild
changes nothing, and the demo logins work with the passwords shown once."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.demo.showcase import DEMO_ACCOUNTS, build_showcase, ensure_demo_accounts
from lloradar.features.accounts import service as accounts
from lloradar.store import Store, open_store

COUNTED = [
    "vacancy",
    "indicator_value",
    "forecast_run",
    "forecast_value",
    "intervention",
    "participant",
    "account",
    "passport_skill",
    "course",
]
REPO = Path(__file__).resolve().parents[2]


def _counts(store: Store) -> dict[str, int]:
    return {table: int(store.query(f"SELECT count(*) FROM {table}")[0][0]) for table in COUNTED}


@pytest.fixture(scope="module")
def showcase_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase without the shared data (the handmade taxonomy), built once."""
    path = tmp_path_factory.mktemp("showcase") / "demo.duckdb"
    with open_store(str(path)) as store:
        build_showcase(store, seed=42, shared_data=None)
    return path


def test_every_screen_has_data(showcase_store: Path) -> None:
    with open_store(str(showcase_store)) as store:
        counts = _counts(store)
        scenarios = len(list((REPO / "scenarios").glob("*.yaml")))
        assert store.query("SELECT count(DISTINCT scenario) FROM forecast_run")[0][0] == scenarios
        regions = store.query("SELECT count(DISTINCT region_code) FROM vacancy")[0][0]
    assert all(n > 0 for n in counts.values()), counts
    assert regions == 35


def test_a_rebuild_changes_nothing_and_keeps_the_passwords(showcase_store: Path) -> None:
    with open_store(str(showcase_store)) as store:
        before = _counts(store)
        again = build_showcase(store, seed=42, shared_data=None)
        assert _counts(store) == before
    assert [a.password for a in again.accounts] == [None] * len(DEMO_ACCOUNTS)


def test_the_demo_logins_work_and_a_reset_gives_new_passwords(showcase_store: Path) -> None:
    with open_store(str(showcase_store)) as store:
        made = ensure_demo_accounts(store, reset=True)
        assert {a.role for a in made} == {"citizen", "employer", "analyst", "admin"}
        for account in made:
            assert account.password is not None
            session = accounts.login(store, account.email, account.password, "test")
            assert session.account.email == account.email
        citizen = next(a for a in made if a.role == "citizen")
        with pytest.raises(accounts.LoginFailed):
            accounts.login(store, citizen.email, "not the password at all", "test")
