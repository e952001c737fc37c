"""Entering and editing an intervention through a form: the fields of a stored intervention,
validation with a message per field, and saving with one audit-log line per change.

Form fields use the register's names (docs/interventions-format.md); KPIs and funders come as
rows (`kpi_measure`/`kpi_target`/`kpi_date`, `funder_name`/`funder_amount`) and are checked
with the register's own rules, so a form accepts exactly what a register file accepts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lloradar.domain import Intervention
from lloradar.domain.account import Account
from lloradar.features.interventions.service import get_intervention, save_intervention
from lloradar.services import audit
from lloradar.sources.interventions import intervention_fields
from lloradar.store import Store

__all__ = [
    "FormProblem",
    "check_form",
    "form_values",
    "save_form",
]

# An id ends up in URLs (/interventies/<id>): plain characters only.
FORM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
TEXT_FIELDS = (
    "id",
    "name",
    "region",
    "theme",
    "status",
    "start_date",
    "end_date",
    "goals",
    "target_group",
    "sector",
    "education_level",
    "occupations",
    "skills",
    "budget_eur",
    "theory_of_change",
)


@dataclass(frozen=True, slots=True)
class FormProblem:
    """One bad field: `value` breaks the rule `reason` (English, "'<value>' <reason>")."""

    field: str
    value: str
    reason: str


def form_values(intervention: Intervention) -> dict[str, object]:
    """The form fields of a stored intervention (to fill the edit form)."""
    return {
        "id": intervention.id,
        "name": intervention.name,
        "region": intervention.region_code,
        "theme": intervention.theme,
        "status": intervention.status.value,
        "start_date": intervention.start_date.isoformat(),
        "end_date": intervention.end_date.isoformat() if intervention.end_date else "",
        "goals": intervention.goals,
        "target_group": intervention.target_group,
        "sector": intervention.sector_code,
        "education_level": intervention.education_level,
        "occupations": "; ".join(intervention.occupations),
        "skills": "; ".join(intervention.skills),
        "budget_eur": f"{intervention.budget_eur:g}",
        "theory_of_change": intervention.theory_of_change,
        "kpis": [
            (k.measure.value, f"{k.target:g}", k.target_date.isoformat()) for k in intervention.kpis
        ],
        "funders": [(f.name, f"{f.amount_eur:g}") for f in intervention.funders],
    }


def _rows(values: Mapping[str, Sequence[str]], *names: str) -> list[tuple[str, ...]]:
    columns = [list(values.get(n, [])) for n in names]
    length = max((len(c) for c in columns), default=0)
    rows = [tuple(c[i].strip() if i < len(c) else "" for c in columns) for i in range(length)]
    return [r for r in rows if any(r)]


def check_form(
    store: Store, values: Mapping[str, Sequence[str]], *, editing: str | None = None
) -> tuple[Intervention | None, list[FormProblem]]:
    """The intervention a submitted form describes, or its problems per field.

    `values` maps a field name to its submitted values (a form's `getlist`). `editing` is the
    id of the intervention being edited (its id cannot change); None for a new one, whose id
    must be new."""
    fields: dict[str, object] = {f: (values.get(f) or [""])[0].strip() for f in TEXT_FIELDS}
    problems: list[FormProblem] = []
    if editing is not None:
        fields["id"] = editing
    kpi_rows = _rows(values, "kpi_measure", "kpi_target", "kpi_date")
    funder_rows = _rows(values, "funder_name", "funder_amount")
    for measure, target, when in kpi_rows:
        if not (measure and target and when):
            value = f"{measure}={target}@{when}"
            reason = "is incomplete (expected a measure, a target and a date)"
            problems.append(FormProblem("kpis", value, reason))
    for name, amount in funder_rows:
        if not name:
            problems.append(FormProblem("funders", amount, "has no funder name"))
    fields["kpis"] = "; ".join(f"{m}={t}@{d}" for m, t, d in kpi_rows)
    fields["funders"] = "; ".join(f"{n}={a or 0}" for n, a in funder_rows if n)
    ident = str(fields["id"])
    if editing is None and ident and not FORM_ID.fullmatch(ident):
        reason = "is not a usable code (letters, digits, '.', '_' or '-', at most 80)"
        problems.append(FormProblem("id", ident, reason))
    elif editing is None and ident and get_intervention(store, ident) is not None:
        problems.append(FormProblem("id", ident, "is already in the register"))
    regions = {str(r[0]) for r in store.query("SELECT code FROM region")} or None
    record, bad = intervention_fields(fields, regions)
    problems += [FormProblem(b.field, b.value, b.reason) for b in bad]
    if problems:
        return None, problems
    return record, []


def save_form(store: Store, intervention: Intervention, account: Account, *, created: bool) -> None:
    """Store the intervention and one audit-log line naming the change, in one transaction.
    The provenance names the editor by the audit pseudonym, not by name or e-mail."""
    action = "intervention created" if created else "intervention updated"
    with store.transaction():
        save_intervention(store, intervention, editor=f"account {audit.pseudonym(account.id)}")
        audit.record(
            store, account.id, f"{action}: {intervention.id}", account.id, "intervention register"
        )
