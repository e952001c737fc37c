"""The errors of the accounts feature, with a message a person can act on (English; `nl` holds
the Dutch one for the pages). `service` re-exports them."""

from __future__ import annotations


class AccountError(ValueError):
    """A registration or login that cannot go ahead."""

    def __init__(self, message: str, nl: str = "") -> None:
        super().__init__(message)
        self.nl = nl or message


class LoginFailed(AccountError):
    pass


class EmailTaken(AccountError):
    """Registration of an address that has an account already (the pages answer it like a
    registration that went through, so the page does not tell who has an account)."""


class TooManyAttempts(AccountError):
    def __init__(self, retry_after: int) -> None:
        minutes = retry_after // 60 + 1
        super().__init__(
            f"Too many failed logins; try again in {minutes} minutes.",
            f"Te veel mislukte pogingen; probeer het over {minutes} minuten opnieuw.",
        )
        self.retry_after = retry_after
