"""The employer view's SQL: regions and labels. Reads only. The regional figures of a month
(job seekers, tension) are the published ones, read through the indicators' service by
`service`; the use-case decides what a missing row means."""

from __future__ import annotations

from lloradar.store import Store


def arbeidsmarktregio(store: Store, code: str) -> tuple[str, str] | None:
    """Code and name of the arbeidsmarktregio `code` (exactly as stored), if there is one."""
    rows = store.query(
        "SELECT code, name FROM region WHERE code = ? AND level = 'arbeidsmarktregio'", [code]
    )
    if not rows:
        return None
    return str(rows[0][0]), str(rows[0][1])


def labels(store: Store, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Occupation and skill labels in the page language (Dutch where the store has it)."""
    column = "coalesce(label_nl, label_en)" if lang == "nl" else "label_en"
    occupations = {
        str(r[0]): str(r[1]) for r in store.query(f"SELECT id, {column} FROM occupation")
    }
    skills = {str(r[0]): str(r[1]) for r in store.query(f"SELECT id, {column} FROM skill")}
    return occupations, skills


def occupation_names(store: Store) -> dict[str, set[str]]:
    """Every occupation's labels (en and nl), lower case, by URI."""
    names: dict[str, set[str]] = {}
    for uri, label_en, label_nl in store.query("SELECT id, label_en, label_nl FROM occupation"):
        names[str(uri)] = {str(n).lower() for n in (label_en, label_nl) if n}
    return names
