"""The password policy (OWASP ASVS 4.0 2.1.1 and 2.1.7): at least 12 characters, at most 1000,
and not one of the 30,000 most common passwords (an offline list bundled with the package, see
`common_passwords.SOURCE.md`), also not with digits or punctuation only added around one."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from lloradar.features.accounts.errors import AccountError

MIN_PASSWORD = 12
MAX_PASSWORD = 1000
_LIST = "common_passwords.txt.gz"
_DECORATION = "0123456789!@#$%^&*()-_=+.,;:?/\\|~`'\"[]{}<> "


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list, lower case."""
    data = resources.files("lloradar.features.accounts").joinpath(_LIST).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").lower().split())


def is_common(password: str) -> bool:
    """True for a listed password in any case, or a listed one (of 4 characters or more) with
    only digits and punctuation added before or after it ('Password1234!')."""
    listed = common_passwords()
    lowered = password.lower()
    core = lowered.strip(_DECORATION)
    return lowered in listed or (len(core) >= 4 and core in listed)


def check_new_password(password: str) -> None:
    """`AccountError` unless `password` may be set as a new password."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(
            f"The password must have at least {MIN_PASSWORD} characters.",
            f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.",
        )
    if len(password) > MAX_PASSWORD:
        raise AccountError(
            f"The password may have at most {MAX_PASSWORD} characters.",
            f"Het wachtwoord mag hoogstens {MAX_PASSWORD} tekens hebben.",
        )
    if is_common(password):
        raise AccountError(
            "This password is one of the most used (and leaked) passwords; choose another.",
            "Dit wachtwoord is een van de meest gebruikte (en gelekte) wachtwoorden; kies een "
            "ander.",
        )
