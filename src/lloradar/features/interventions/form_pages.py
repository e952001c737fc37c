"""Web forms to create and edit an intervention in the register (analyst and admin roles):
every field of the register format, a message beside each bad field, CSRF, an audit line per
change (the service writes it)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lloradar.domain import InterventionStatus, Measure
from lloradar.domain.account import Account, Role
from lloradar.domain.intervention import EDUCATION_LEVELS
from lloradar.features.indicators.service import RadarData
from lloradar.features.interventions.forms import FormProblem, check_form, form_values, save_form
from lloradar.features.interventions.service import get_intervention
from lloradar.features.interventions.views import WORDS
from lloradar.web.auth import CsrfForm, require_roles
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, render

router = APIRouter(include_in_schema=False)
Editor = Annotated[Account, Depends(require_roles(Role.ANALYST, Role.ADMIN))]
EMPTY_KPI_ROWS, EMPTY_FUNDER_ROWS = 2, 2

FORM_WORDS = words("intervention_form")

# The validation reasons of the register format (sources/interventions.py), in Dutch.
DUTCH_REASONS: list[tuple[str, str]] = [
    (r"is empty \(expected a date YYYY-MM-DD\)", "is leeg (verwacht een datum JJJJ-MM-DD)"),
    (r"is empty \(expected an intervention id\)", "is leeg (verwacht een code)"),
    (r"is empty", "is leeg"),
    (r"is not a date \(expected YYYY-MM-DD\)", "is geen datum (verwacht JJJJ-MM-DD)"),
    (r"is not a number", "is geen getal"),
    (r"is impossible \(expected a percentage from 0 to 100\)", "kan niet (verwacht 0 tot 100)"),
    (r"is impossible \(expected a number of 0 or more\)", "kan niet (verwacht 0 of meer)"),
    (r"is not 'name=amount'", "is geen 'naam=bedrag'"),
    (r"is not a KPI measure \(expected one of (.*)\)", r"is geen KPI-maat (kies uit \1)"),
    (r"is not a target for (.*)", r"is geen doel voor \1"),
    (r"is not allowed \(expected one of (.*)\)", r"is niet toegestaan (kies uit \1)"),
    (r"is not a known region code.*", "is geen bekende regiocode (bijvoorbeeld AM05)"),
    (r"is not an SBI code.*", "is geen SBI-code (A..U of 2 tot 5 cijfers)"),
    (r"is before the start date (.*)", r"ligt vóór de startdatum \1"),
    (r"is incomplete.*", "is onvolledig (verwacht een maat, een doel en een datum)"),
    (r"has no funder name", "heeft geen naam van de financier"),
    (r"is not a usable code.*", "is geen bruikbare code (letters, cijfers, '.', '_' of '-')"),
    (r"is already in the register", "staat al in het register"),
]


def message(problem: FormProblem, lang: str) -> str:
    reason = problem.reason
    if lang == "nl":
        for pattern, dutch in DUTCH_REASONS:
            if re.fullmatch(pattern, reason):
                reason = re.sub(pattern, dutch, reason)
                break
    return f"'{problem.value}' {reason}" if problem.value else reason


def _form_page(
    request: Request,
    data: RadarData,
    values: dict[str, Any],
    problems: list[FormProblem],
    editing: str | None,
) -> HTMLResponse:
    lang = request_lang(request)
    errors: dict[str, list[str]] = {}
    for p in problems:
        errors.setdefault(p.field, []).append(message(p, lang))
    kpis = list(values.get("kpis", [])) + [("", "", "")] * EMPTY_KPI_ROWS
    funders = list(values.get("funders", [])) + [("", "")] * EMPTY_FUNDER_ROWS
    return render(
        request,
        "intervention_form.html",
        422 if problems else 200,
        data=data,
        w=WORDS[lang],
        f=FORM_WORDS[lang],
        v=values,
        errors=errors,
        editing=editing,
        kpis=kpis,
        funders=funders,
        regions=sorted(data.regions, key=lambda r: r.code),
        statuses=[s.value for s in InterventionStatus],
        levels=EDUCATION_LEVELS,
        measures=[m.value for m in Measure],
        action=f"/interventies/{editing}/bewerken" if editing else "/interventies/nieuw",
    )


async def _submitted(request: Request) -> dict[str, list[str]]:
    form = await request.form()
    return {key: [str(v) for v in form.getlist(key)] for key in form}


def _echo(values: dict[str, list[str]]) -> dict[str, Any]:
    """The submitted values back into the form (rows as tuples), so nothing typed is lost."""
    first = {k: v[0] if v else "" for k, v in values.items()}
    kpis = list(
        zip(
            values.get("kpi_measure", []),
            values.get("kpi_target", []),
            values.get("kpi_date", []),
            strict=False,
        )
    )
    funders = list(
        zip(values.get("funder_name", []), values.get("funder_amount", []), strict=False)
    )
    return {
        **first,
        "kpis": [k for k in kpis if any(s.strip() for s in k)],
        "funders": [f for f in funders if any(s.strip() for s in f)],
    }


@router.get("/interventies/nieuw", response_class=HTMLResponse)
def new_form(request: Request, data: DataDep, editor: Editor) -> HTMLResponse:
    return _form_page(request, data, {"status": "planned", "education_level": "all"}, [], None)


@router.post("/interventies/nieuw", response_model=None)
async def create(
    request: Request, data: DataDep, store: StoreDep, editor: Editor, _csrf: CsrfForm
) -> Response:
    values = await _submitted(request)
    record, problems = check_form(store, values)
    if record is None:
        return _form_page(request, data, _echo(values), problems, None)
    save_form(store, record, editor, created=True)
    return RedirectResponse(f"/interventies/{record.id}", status_code=303)


@router.get("/interventies/{intervention_id}/bewerken", response_class=HTMLResponse)
def edit_form(
    request: Request, intervention_id: str, data: DataDep, store: StoreDep, editor: Editor
) -> HTMLResponse:
    found = get_intervention(store, intervention_id)
    if found is None:
        raise UnknownCode("intervention", intervention_id)
    return _form_page(request, data, form_values(found), [], found.id)


@router.post("/interventies/{intervention_id}/bewerken", response_model=None)
async def update(
    request: Request,
    intervention_id: str,
    data: DataDep,
    store: StoreDep,
    editor: Editor,
    _csrf: CsrfForm,
) -> Response:
    if get_intervention(store, intervention_id) is None:
        raise UnknownCode("intervention", intervention_id)
    values = await _submitted(request)
    record, problems = check_form(store, values, editing=intervention_id)
    if record is None:
        return _form_page(
            request, data, {**_echo(values), "id": intervention_id}, problems, intervention_id
        )
    save_form(store, record, editor, created=False)
    return RedirectResponse(f"/interventies/{record.id}", status_code=303)
