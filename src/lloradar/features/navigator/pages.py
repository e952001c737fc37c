"""The career navigator page (/loopbaan) and the course catalogue page (/cursussen).

/loopbaan takes skills (URIs), or the person's current occupation, and an arbeidsmarktregio
from a GET form and shows ranked occupations, each with its fit, the tension class and the
forecast in the region, the missing skills (linked to their skill pages) and courses. A
logged-in citizen who consented (purpose 'navigator', asked on the page) starts from the skills
and region of their own passport; each such read is in the audit log.

Skills are picked by typing: htmx asks /loopbaan/vaardigheden for matching skills (a list of
buttons) and /loopbaan/keuze for the chip of a chosen one (a hidden input and a remove button).
Without JavaScript the same buttons submit the form: `zoek` shows the matches server-side,
`plus` adds a skill, `weg` removes one, and only the main button ranks occupations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lloradar.domain.account import Account, Role
from lloradar.features.navigator.courses import list_courses
from lloradar.features.navigator.service import (
    NavigatorError,
    choices,
    chosen_skills,
    find_skills,
    navigate,
    occupation_skills,
    passport_start,
    result_json,
    set_passport_use,
)
from lloradar.services.request_store import store_url_for
from lloradar.web.auth import CsrfForm, OptionalAccount, require_roles
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, render

router = APIRouter(include_in_schema=False)
PER_PAGE = 10
SHOWN_MISSING = 6

WORDS = words("navigator")
TENSION_EN = {"zeer ruim": "very slack", "ruim": "slack", "gemiddeld": "average",
              "krap": "tight", "zeer krap": "very tight"}  # fmt: skip
PROSPECT_EN = {"zeer goed": "very good", "goed": "good", "redelijk": "fair", "matig": "moderate",
               "slecht": "poor", "geen gegevens": "no data"}  # fmt: skip
SkillsParam = Annotated[list[str], Query(alias="vaardigheid", max_length=200)]
OccupationParam = Annotated[str | None, Query(alias="beroep", max_length=300)]
RegionParam = Annotated[str | None, Query(alias="regio", max_length=10)]
SearchParam = Annotated[str, Query(max_length=100)]
UriList = Annotated[list[str], Query(max_length=200)]
Citizen = Annotated[Account, Depends(require_roles(Role.CITIZEN))]


def skill_key(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def class_label(value: str | None, lang: str, english: dict[str, str], none: str) -> str:
    if value is None:
        return none
    return english.get(value, value) if lang == "en" else value


def _store_url(request: Request, data: object) -> str:
    return store_url_for(data, getattr(request.app.state, "store_url", None))


@router.get("/loopbaan", response_class=HTMLResponse)
def navigator_page(
    request: Request,
    data: DataDep,
    store: StoreDep,
    account: OptionalAccount,
    vaardigheid: SkillsParam = [],  # noqa: B006 - FastAPI reads the default, never mutates it
    beroep: OccupationParam = None,
    regio: RegionParam = None,
    zoek: SearchParam = "",
    stap: Annotated[str, Query(max_length=10)] = "",
    plus: UriList = [],  # noqa: B006
    weg: UriList = [],  # noqa: B006
) -> HTMLResponse:
    lang = request_lang(request)
    w = WORDS[lang]
    options = choices(store)
    result: dict[str, Any] | None = None
    error = None
    region = (regio or "").upper() or None
    beroep = beroep or None
    # a no-JS edit of the skill picker (search, add, remove) shows the form again, no ranking
    editing = stap == "zoek" or bool(plus or weg)
    skills = [s for s in [*vaardigheid, *plus] if s not in weg]
    start = passport_start(store, account) if not (skills or beroep or editing) else None
    note = None
    if start is not None and start.consented:
        skills, region = start.skills, region or start.region
        note = w["passport_used"].format(n=len(skills)) if skills else w["passport_empty"]
        if skills and not region:
            note += " " + w["passport_region"]
    if region and (skills or beroep) and not editing:
        try:
            own = occupation_skills(store, beroep) if beroep else []
            strict = start is None or not start.consented
            result = result_json(navigate(store, [*skills, *own], region, strict=strict), lang)
        except NavigatorError as exc:
            error = str(exc)
    chosen = chosen_skills(store, skills, lang)
    query = "" if stap == "toon" else zoek.strip()  # ranking clears the search
    matches = find_skills(store, _store_url(request, data), query, lang) if query else []
    response = render(
        request,
        "navigator.html",
        422 if error else 200,
        data=data,
        w=w,
        options=options,
        passport_note=note,
        ask_passport=start is not None and start.citizen and not start.consented,
        uses_passport=start is not None and start.consented,
        chosen={"skills": {c.uri for c in chosen}, "occupation": beroep, "region": region},
        chosen_skills=chosen,
        query=query,
        matches=matches,
        result=result,
        error=error,
        slugs={o.id: o.slug for o in data.occupations},
        skill_key=skill_key,
        tension=lambda v: class_label(v, lang, TENSION_EN, w["no_data"]),
        prospect=lambda v: class_label(v, lang, PROSPECT_EN, w["no_data"]),
        shown=SHOWN_MISSING,
    )
    if account is not None:
        response.headers["Cache-Control"] = "no-store"  # a person's own results
    return response


@router.get("/loopbaan/vaardigheden", response_class=HTMLResponse)
def skill_matches(
    request: Request,
    data: DataDep,
    store: StoreDep,
    zoek: SearchParam = "",
    vaardigheid: SkillsParam = [],  # noqa: B006
) -> HTMLResponse:
    """The htmx answer of the skill search: the matching skills as buttons to add."""
    lang = request_lang(request)
    return render(
        request,
        "navigator_matches.html",
        w=WORDS[lang],
        query=zoek.strip(),
        matches=find_skills(store, _store_url(request, data), zoek, lang),
        chosen={"skills": set(vaardigheid)},
    )


@router.get("/loopbaan/keuze", response_class=HTMLResponse)
def skill_chip(
    request: Request,
    store: StoreDep,
    plus: UriList = [],  # noqa: B006
    vaardigheid: SkillsParam = [],  # noqa: B006
) -> HTMLResponse:
    """The htmx answer of 'add': the chip of the skill (empty when unknown or already chosen)."""
    lang = request_lang(request)
    new = [c for c in chosen_skills(store, plus[:1], lang) if c.uri not in vaardigheid]
    return render(request, "navigator_chips.html", w=WORDS[lang], chosen_skills=new)


@router.post("/loopbaan/paspoort")
def passport_use(
    account: Citizen,
    store: StoreDep,
    _csrf: CsrfForm,
    use: Annotated[str, Form(max_length=3)] = "yes",
) -> Response:
    """Consent (or its withdrawal) to let the navigator start from the citizen's passport."""
    set_passport_use(store, account, use == "yes")
    return RedirectResponse("/loopbaan", 303)


@router.get("/cursussen", response_class=HTMLResponse)
def courses_page(
    request: Request,
    data: DataDep,
    store: StoreDep,
    vaardigheid: Annotated[str | None, Query(max_length=300)] = None,
    regio: RegionParam = None,
    pagina: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    lang = request_lang(request)
    region = (regio or "").upper() or None
    page = list_courses(
        store,
        skill=vaardigheid or None,
        region=region,
        limit=PER_PAGE,
        offset=(pagina - 1) * PER_PAGE,
    )
    return render(
        request,
        "courses.html",
        data=data,
        w=WORDS[lang],
        page=page,
        number=pagina,
        pages=max(1, -(-page.total // PER_PAGE)),
        options=choices(store),
        chosen={"skill": vaardigheid, "region": region},
        skill_key=skill_key,
        demo_courses=any(c["is_demo"] for c in page.items),
    )
