"""Accounts in the store, on DuckDB and PostgreSQL: hashes, sessions, rate limit, consent, delete."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher, Type

from lloradar.domain.account import Role
from lloradar.features.accounts import service as accounts
from lloradar.features.accounts.service import (
    AccountError,
    LoginFailed,
    TooManyAttempts,
    account_for_token,
    consents,
    delete_account,
    give_consent,
    has_consent,
    login,
    logout,
    lookup_session,
    register,
    register_personal_table,
    withdraw_consent,
)
from lloradar.services import audit
from lloradar.store import Store

PASSWORD = "een lang wachtwoord"


def _every_value(store: Store) -> str:
    """Every cell of every table as one text, to look for traces of a person."""
    parts = []
    for table in store.tables():
        for row in store.query(f"SELECT * FROM {table}"):
            parts.extend(str(v) for v in row)
    return "\n".join(parts)


def test_only_an_argon2_hash_of_the_password_is_stored(any_store: Store) -> None:
    account = register(any_store, "Anna@Example.NL", PASSWORD, Role.CITIZEN, "Anna")
    assert account.email == "anna@example.nl"
    stored = any_store.query("SELECT password_hash FROM account")[0][0]
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in _every_value(any_store)


def test_the_product_hashes_at_argon2s_full_cost_and_logs_in_with_it(
    duck: Store, product_password_hashing: PasswordHasher
) -> None:
    """The other tests hash at a test-sized cost (tests/conftest.py); the product's own hasher is
    argon2id at argon2-cffi's default cost (RFC 9106, t=3, 64 MiB, p=4) or more, and works."""
    product = product_password_hashing
    assert product.type is Type.ID
    assert product.time_cost >= 3 and product.memory_cost >= 65536 and product.parallelism >= 1
    register(duck, "full@example.nl", PASSWORD, Role.CITIZEN, "")
    stored = duck.query("SELECT password_hash FROM account")[0][0]
    full_cost = (
        f"$argon2id$v=19$m={product.memory_cost},t={product.time_cost},p={product.parallelism}$"
    )
    assert stored.startswith(full_cost) and accounts._DUMMY_HASH.startswith(full_cost)
    assert login(duck, "full@example.nl", PASSWORD, "c").account.email == "full@example.nl"
    with pytest.raises(LoginFailed):
        login(duck, "full@example.nl", "not the password", "c")
    with pytest.raises(LoginFailed):  # the unknown address checks the full-cost dummy hash
        login(duck, "nobody@example.nl", PASSWORD, "c")


def test_login_gives_a_session_whose_token_is_stored_only_as_a_hash(any_store: Store) -> None:
    account = register(any_store, "b@example.nl", PASSWORD, "employer", "")
    session = login(any_store, "B@example.nl", PASSWORD, "10.0.0.1")
    assert account_for_token(any_store, session.token) == account
    assert session.token not in _every_value(any_store)
    logout(any_store, session.token)
    assert account_for_token(any_store, session.token) is None


def test_an_expired_session_is_reported_as_expired(any_store: Store) -> None:
    register(any_store, "c@example.nl", PASSWORD, Role.CITIZEN, "")
    session = login(any_store, "c@example.nl", PASSWORD, "x", ttl=timedelta(seconds=-1))
    found = lookup_session(any_store, session.token)
    assert found.account is None and found.expired
    assert lookup_session(any_store, "unknown").expired is False


def test_five_failures_block_this_email_from_this_client_only(any_store: Store) -> None:
    register(any_store, "d@example.nl", PASSWORD, Role.CITIZEN, "")
    for _ in range(5):
        with pytest.raises(LoginFailed):
            login(any_store, "d@example.nl", "wrong", "client-1")
    with pytest.raises(TooManyAttempts) as blocked:
        login(any_store, "d@example.nl", PASSWORD, "client-1")
    assert 0 < blocked.value.retry_after <= 15 * 60
    assert login(any_store, "d@example.nl", PASSWORD, "client-2").account.email == "d@example.nl"


def test_bad_registrations_say_what_is_wrong_and_store_nothing(any_store: Store) -> None:
    with pytest.raises(AccountError, match="not an e-mail address"):
        register(any_store, "nope", PASSWORD, Role.CITIZEN, "")
    with pytest.raises(AccountError, match="at least 12 characters"):
        register(any_store, "e@example.nl", "short", Role.CITIZEN, "")
    register(any_store, "e@example.nl", PASSWORD, Role.CITIZEN, "")
    with pytest.raises(AccountError, match="already an account"):
        register(any_store, "E@example.nl", PASSWORD, Role.EMPLOYER, "")
    assert any_store.query("SELECT count(*) FROM account")[0][0] == 1


def test_consent_per_purpose_can_be_given_and_withdrawn(any_store: Store) -> None:
    account = register(any_store, "f@example.nl", PASSWORD, Role.CITIZEN, "")
    assert not has_consent(any_store, account.id, "passport")
    give_consent(any_store, account.id, "passport")
    give_consent(any_store, account.id, "alerts")
    withdraw_consent(any_store, account.id, "alerts")
    assert consents(any_store, account.id) == {
        "passport": True,
        "navigator": False,
        "alerts": False,
        "tasks": False,
    }
    actions = [e["action"] for e in audit.entries_for(any_store, account.id)]
    assert actions == ["account created", "consent given", "consent given", "consent withdrawn"]


def test_the_audit_log_holds_pseudonyms_not_ids(any_store: Store) -> None:
    account = register(any_store, "g@example.nl", PASSWORD, Role.CITIZEN, "")
    log = " ".join(str(v) for row in any_store.query("SELECT * FROM audit_log") for v in row)
    assert account.id not in log and "g@example.nl" not in log
    assert audit.pseudonym(account.id) in log


def test_delete_removes_every_trace_but_one_log_line(any_store: Store) -> None:
    any_store.execute("CREATE TABLE helper_ratings (owner VARCHAR NOT NULL, task VARCHAR NOT NULL)")
    any_store.execute("CREATE TABLE helper_subscriptions (account_id VARCHAR, topic VARCHAR)")
    register_personal_table("helper_ratings", "owner")
    keep = register(any_store, "keep@example.nl", PASSWORD, Role.CITIZEN, "Keep")
    gone = register(any_store, "gone@example.nl", PASSWORD, Role.CITIZEN, "Gone Person")
    for account in (keep, gone):
        login(any_store, account.email, PASSWORD, "c")
        give_consent(any_store, account.id, "tasks")
        any_store.execute("INSERT INTO helper_ratings VALUES (?, 'x')", (account.id,))
        any_store.execute("INSERT INTO helper_subscriptions VALUES (?, 'y')", (account.id,))
    with pytest.raises(LoginFailed):
        login(any_store, gone.email, "wrong password", "c")

    delete_account(any_store, gone.id)

    everything = _every_value(any_store)
    for trace in (gone.id, gone.email, "Gone Person"):
        assert trace not in everything
    assert keep.id in everything
    lines = audit.entries_for(any_store, gone.id)
    assert [(e["action"], e["purpose"]) for e in lines] == [("account deleted", "account")]
    assert any_store.query("SELECT count(*) FROM login_attempt")[0][0] == 0
    assert any_store.query("SELECT count(*) FROM helper_ratings")[0][0] == 1
    with pytest.raises(LoginFailed):
        login(any_store, gone.email, PASSWORD, "c")
