"""The saved team profile on DuckDB and PostgreSQL: only its owner reads it, every read and
write is logged without content, saving replaces it whole, deleting the account deletes it."""

from __future__ import annotations

import pytest

from lloradar.analytics.employer import TeamCell
from lloradar.features.accounts.service import delete_account, register
from lloradar.features.employer.profile import (
    delete_team_profile,
    load_team_profile,
    save_team_profile,
    team_as_csv,
)
from lloradar.services.audit import entries_for
from lloradar.store import Store

TEAM = [TeamCell("occ:nurse", 55, 64, 12), TeamCell("occ:assistant", 65, None, 3)]
PASSWORD = "correct horse battery staple"


def test_only_the_owner_reads_the_team(any_store: Store) -> None:
    owner = register(any_store, "a@example.nl", PASSWORD, "employer", "A")
    other = register(any_store, "b@example.nl", PASSWORD, "employer", "B")
    assert save_team_profile(any_store, owner.id, TEAM) == 2
    assert load_team_profile(any_store, owner.id) == TEAM
    assert load_team_profile(any_store, other.id) == []
    actions = [e["action"] for e in entries_for(any_store, owner.id)]
    assert actions[-2:] == ["write team profile", "read team profile"]
    logged = " ".join(str(v) for e in entries_for(any_store, owner.id) for v in e.values())
    assert "occ:nurse" not in logged and owner.id not in logged
    assert all(e["action"] != "read team profile" for e in entries_for(any_store, other.id))


def test_saving_replaces_the_whole_team(any_store: Store) -> None:
    owner = register(any_store, "c@example.nl", PASSWORD, "employer", "C")
    save_team_profile(any_store, owner.id, TEAM)
    save_team_profile(any_store, owner.id, TEAM[:1])
    assert load_team_profile(any_store, owner.id) == TEAM[:1]
    with pytest.raises(AttributeError):  # a broken row: nothing of the new team, the old one stays
        save_team_profile(any_store, owner.id, [TEAM[1], "not a cell"])  # type: ignore[list-item]
    assert load_team_profile(any_store, owner.id) == TEAM[:1]
    assert delete_team_profile(any_store, owner.id) == 1
    assert load_team_profile(any_store, owner.id) == []


def test_deleting_the_account_deletes_the_team(any_store: Store) -> None:
    owner = register(any_store, "d@example.nl", PASSWORD, "employer", "D")
    save_team_profile(any_store, owner.id, TEAM)
    delete_account(any_store, owner.id)
    assert any_store.query("SELECT count(*) FROM employer_team_profile") == [(0,)]


def test_team_as_csv_reads_back() -> None:
    text = team_as_csv(TEAM, {"occ:nurse": "verpleegkundige"})
    assert text == ("occupation,age_band,count\nverpleegkundige,55-64,12\nocc:assistant,65+,3\n")
    assert team_as_csv([], {}) == ""
