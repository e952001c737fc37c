"""`lloradar accounts`: create accounts of any role (analyst and admin only here), list them
without personal content, delete one with every trace."""

from __future__ import annotations

import typer
from rich.table import Table

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.domain.account import Role
from lloradar.features.accounts.service import AccountError, delete_account, list_accounts, register

app = typer.Typer(help="Accounts: create (any role), list, delete.")


@app.command("create")
def create(
    email: str = typer.Argument(..., help="The e-mail address to log in with."),
    role: Role = typer.Option(..., "--role", help="citizen, employer, analyst or admin."),
    name: str = typer.Option("", "--name", help="Display name."),
    password: str = typer.Option(
        ...,
        prompt=True,
        hide_input=True,
        confirmation_prompt=True,
        help="At least 12 chars, not a common one.",
    ),
) -> None:
    """Create an account; the password is stored only as an argon2 hash."""
    with store_from_settings() as store:
        try:
            account = register(store, email, password, role, name)
        except AccountError as exc:
            errors.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from None
    console.print(f"created {account.role} account {account.id}")


@app.command("list")
def list_() -> None:
    """Every account's id, role and creation time: no e-mail addresses, no names."""
    with store_from_settings() as store:
        rows = list_accounts(store)
    table = Table("account id", "role", "created")
    for row in rows:
        table.add_row(str(row["account_id"]), str(row["role"]), str(row["created_at"])[:19])
    console.print(table)
    console.print(f"{len(rows)} account(s)")


@app.command("delete")
def delete(
    account_id: str = typer.Argument(..., help="The account id from `accounts list`."),
) -> None:
    """Delete an account and all its personal data; the audit log keeps one line."""
    with store_from_settings() as store:
        delete_account(store, account_id)
    console.print(f"deleted account {account_id} and its personal data")
