"""Issue 18, finding 8 (ASVS 2.1, 2.2, 3.3): the password policy, the breached-password list,
change password, log out everywhere, re-authentication before deletion and the login throttles."""

from __future__ import annotations

import pytest

from lloradar.domain.account import Account, Role
from lloradar.features.accounts import service as accounts
from lloradar.features.accounts import throttle
from lloradar.features.accounts.passwords import common_passwords, is_common
from lloradar.services.sessions import account_for_token
from lloradar.store import Store

PASSWORD = "een lang wachtwoord"
NEW = "nog een ander lang wachtwoord"


def _account(store: Store, email: str = "p@example.nl") -> Account:
    return accounts.register(store, email, PASSWORD, Role.CITIZEN, "")


def test_a_password_needs_twelve_characters(duck: Store) -> None:
    with pytest.raises(accounts.AccountError, match="at least 12 characters"):
        accounts.register(duck, "a@example.nl", "x7#Kq!m2Zp0", Role.CITIZEN, "")  # 11
    assert accounts.register(duck, "a@example.nl", "x7#Kq!m2Zp0w", Role.CITIZEN, "")  # 12


def test_the_bundled_list_is_the_top_30k_and_refuses_common_passwords(duck: Store) -> None:
    listed = common_passwords()
    assert len(listed) == 30000 and {"123456", "password", "qwertyuiop"} <= listed
    long_common = sorted(p for p in listed if len(p) >= 12)[0]
    for password in (long_common, long_common.upper(), "Password1234!", "monkey123456"):
        assert is_common(password)
        with pytest.raises(accounts.AccountError, match="most used"):
            accounts.register(duck, "b@example.nl", password, Role.CITIZEN, "")
    account = _account(duck)
    with pytest.raises(accounts.AccountError, match="most used"):
        accounts.set_password(duck, account.id, "Password1234!")
    assert not is_common(PASSWORD) and not is_common("correct horse battery staple")


def test_change_password_needs_the_old_one_and_ends_the_other_sessions(duck: Store) -> None:
    account = _account(duck)
    here = accounts.login(duck, account.email, PASSWORD, "c1")
    elsewhere = accounts.login(duck, account.email, PASSWORD, "c2")
    with pytest.raises(accounts.LoginFailed):
        accounts.change_password(duck, account.id, "not the old one", NEW, keep_token=here.token)
    with pytest.raises(accounts.AccountError, match="at least 12"):
        accounts.change_password(duck, account.id, PASSWORD, "short", keep_token=here.token)
    assert account_for_token(duck, elsewhere.token) is not None  # nothing changed yet

    accounts.change_password(duck, account.id, PASSWORD, NEW, keep_token=here.token)
    assert account_for_token(duck, here.token) is not None
    assert account_for_token(duck, elsewhere.token) is None
    with pytest.raises(accounts.LoginFailed):
        accounts.login(duck, account.email, PASSWORD, "c3")
    assert accounts.login(duck, account.email, NEW, "c3").account.id == account.id


def test_wrong_old_passwords_are_throttled(duck: Store) -> None:
    account = _account(duck)
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginFailed):
            accounts.confirm_password(duck, account.id, "guess guess guess")
    with pytest.raises(accounts.TooManyAttempts):
        accounts.confirm_password(duck, account.id, PASSWORD)


def test_log_out_everywhere_ends_every_session(duck: Store) -> None:
    account = _account(duck)
    other = _account(duck, "other@example.nl")
    sessions = [accounts.login(duck, account.email, PASSWORD, f"c{i}") for i in range(3)]
    kept = accounts.login(duck, other.email, PASSWORD, "c0")
    assert accounts.logout_everywhere(duck, account.id) == 3
    assert all(account_for_token(duck, s.token) is None for s in sessions)
    assert account_for_token(duck, kept.token) is not None


def test_deleting_ones_own_account_needs_the_password(duck: Store) -> None:
    account = _account(duck)
    with pytest.raises(accounts.LoginFailed):
        accounts.delete_own_account(duck, account.id, "not my password")
    assert accounts.get_account(duck, account.id) is not None
    accounts.delete_own_account(duck, account.id, PASSWORD)
    assert accounts.get_account(duck, account.id) is None
    assert duck.query("SELECT count(*) FROM login_attempt") == [(0,)]  # the wrong try too


def test_one_client_trying_many_addresses_is_stopped(duck: Store) -> None:
    _account(duck)
    for i in range(throttle.CLIENT_MAX_FAILURES):  # a new address each time: 1 try each
        with pytest.raises(accounts.LoginFailed):
            accounts.login(duck, f"user{i}@example.nl", "guess guess guess", "10.0.0.1")
    with pytest.raises(accounts.TooManyAttempts):
        accounts.login(duck, "p@example.nl", PASSWORD, "10.0.0.1")
    assert accounts.login(duck, "p@example.nl", PASSWORD, "10.0.0.2")


def test_failures_spread_over_many_clients_stop_all_logins(
    duck: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(throttle, "GLOBAL_MAX_FAILURES", 6)
    _account(duck)
    for i in range(6):  # one failure per client and address: no other counter fills
        with pytest.raises(accounts.LoginFailed):
            accounts.login(duck, f"user{i}@example.nl", "guess guess guess", f"10.0.1.{i}")
    with pytest.raises(accounts.TooManyAttempts):
        accounts.login(duck, "p@example.nl", PASSWORD, "10.0.2.1")


def test_a_taken_address_is_its_own_error_and_costs_a_hash(
    duck: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _account(duck)
    hashed: list[str] = []

    class Spy:
        def hash(self, password: str) -> str:
            hashed.append(password)
            return "not stored"

    monkeypatch.setattr(accounts, "_hasher", Spy())
    with pytest.raises(accounts.EmailTaken):
        accounts.register(duck, "p@example.nl", NEW, Role.CITIZEN, "")
    assert hashed == [NEW]  # as long as a registration that goes through
