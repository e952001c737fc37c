"""Where an alert may go (issue 18, finding 9): a webhook to a public http(s) address, an
e-mail only to the account's own address, and at most `MAX_SUBSCRIPTIONS` alerts per account."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lloradar.domain.alerts import AlertError, Channel
from lloradar.features.accounts import service as accounts
from lloradar.features.alerts.delivery.webhook import literal_address
from lloradar.store import Store

MAX_SUBSCRIPTIONS = 25
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"https?://[^\s]+")


def own_address(store: Store, account_id: str) -> str:
    """The account's own e-mail address: the only one its e-mail alerts go to, whatever address
    a request gave (the subscription shows it), so nobody can send alerts to someone else."""
    account = accounts.get_account(store, account_id)
    if account is None:
        raise AlertError("The account does not exist.", "Het account bestaat niet.")
    return account.email


def check_target(channel: Channel, target: str) -> None:
    if channel is Channel.WEBHOOK and not _URL.fullmatch(target):
        raise AlertError(
            f"webhook '{target[:80]}' is not an http(s) URL (https://host/path).",
            f"webhook '{target[:80]}' is geen http(s)-adres (https://host/pad).",
        )
    if channel is Channel.WEBHOOK and is_internal(target):
        raise AlertError(
            f"webhook '{target[:80]}' points into a private network; use a public address.",
            f"webhook '{target[:80]}' wijst naar een intern netwerk; gebruik een openbaar adres.",
        )
    if channel is Channel.EMAIL and not _EMAIL.fullmatch(target):
        raise AlertError(
            f"'{target[:80]}' is not an e-mail address (expected name@domain.nl).",
            f"'{target[:80]}' is geen e-mailadres (verwacht: naam@domein.nl).",
        )
    if len(target) > 500:
        raise AlertError(
            "The webhook URL or e-mail address may have at most 500 characters.",
            "Het webhookadres of e-mailadres mag hoogstens 500 tekens hebben.",
        )


def is_internal(url: str) -> bool:
    """A webhook to loopback, private, link-local or reserved addresses (or localhost) would let a
    subscriber make the server call its own network. Only literal addresses and local names are
    caught here (also the legacy forms "127.1" and "2130706433"); a public name that resolves to a
    private address is refused at delivery time (`PublicOnlyTransport`)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    address = literal_address(host)
    return address is not None and not address.is_global
