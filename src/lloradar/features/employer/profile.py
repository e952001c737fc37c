"""The employer's saved team profile: the team composition kept at the employer's request, read
and changed only by its owner (every call takes the logged-in account's own id), each read and
write audit-logged without content, and deleted with the account."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from lloradar.analytics.employer import TeamCell
from lloradar.features.accounts import service as accounts
from lloradar.services import audit
from lloradar.store import Store

TABLE = "employer_team_profile"
PURPOSE = "employer"
accounts.register_personal_table(TABLE)


def save_team_profile(store: Store, account_id: str, team: Sequence[TeamCell]) -> int:
    """Replace the account's saved team with `team` (all or nothing); returns the rows kept."""
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.transaction():
        store.execute(f"DELETE FROM {TABLE} WHERE account_id = ?", [account_id])
        for line, cell in enumerate(team, start=1):
            store.execute(
                f"INSERT INTO {TABLE} (account_id, line, occupation_id, age_low, age_high, "
                "persons, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [account_id, line, cell.occupation, cell.age_low, cell.age_high, cell.count, now],
            )
        audit.record(store, account_id, "write team profile", account_id, PURPOSE)
    return len(team)


def load_team_profile(store: Store, account_id: str) -> list[TeamCell]:
    """The account's own saved team ([] when none); the read is logged."""
    rows = store.query(
        f"SELECT occupation_id, age_low, age_high, persons FROM {TABLE} "
        "WHERE account_id = ? ORDER BY line",
        [account_id],
    )
    if rows:
        audit.record(store, account_id, "read team profile", account_id, PURPOSE)
    return [
        TeamCell(str(r[0]), int(r[1]), None if r[2] is None else int(r[2]), int(r[3])) for r in rows
    ]


def delete_team_profile(store: Store, account_id: str) -> int:
    """Hard delete of the account's saved team; returns the rows removed."""
    found = store.query(f"SELECT count(*) FROM {TABLE} WHERE account_id = ?", [account_id])
    with store.transaction():
        store.execute(f"DELETE FROM {TABLE} WHERE account_id = ?", [account_id])
        audit.record(store, account_id, "delete team profile", account_id, PURPOSE)
    return int(found[0][0])


def team_as_csv(team: Sequence[TeamCell], labels: Mapping[str, str]) -> str:
    """The team in the documented CSV format, occupations by label where known ("" if none)."""
    if not team:
        return ""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["occupation", "age_band", "count"])
    for cell in team:
        band = f"{cell.age_low}+" if cell.age_high is None else f"{cell.age_low}-{cell.age_high}"
        writer.writerow([labels.get(cell.occupation, cell.occupation), band, cell.count])
    return out.getvalue()
