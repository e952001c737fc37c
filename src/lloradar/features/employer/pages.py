"""The employer view (/werkgever): paste a vacancy, choose the arbeidsmarktregio, and see its
skills and occupation, the regional candidate pool, the competing vacancies, the occupations to
recruit from and, from the team composition, the skills at risk through retirement."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from lloradar.domain.account import Account, Role
from lloradar.features.employer.profile import (
    delete_team_profile,
    load_team_profile,
    save_team_profile,
    team_as_csv,
)
from lloradar.features.employer.service import (
    BASELINE_PENSION_AGE,
    MAX_TEXT,
    EmployerInputError,
    VacancyQuery,
    analyse_vacancy,
    models_for,
    occupation_labels,
    resolve_team,
)
from lloradar.features.skills.service import SkillsUnavailable
from lloradar.services.web_store import store_url_for
from lloradar.web.auth import CsrfForm, require_roles
from lloradar.web.i18n import request_lang
from lloradar.web.routes import DataDep, StoreDep, render
from lloradar.web.views import class_name, fmt_int, fmt_ratio

router = APIRouter(include_in_schema=False)
MAX_TEAM_FILE = 100_000  # bytes
PENSION_AGES = (BASELINE_PENSION_AGE, 68)
MAX_RISKS = 15  # rows of the retirement table; the API gives them all

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Werkgevers: vacature-analyse",
        "intro": "Plak een vacaturetekst (Nederlands of Engels) en kies de arbeidsmarktregio. "
        "De radar toont de gevraagde vaardigheden, hoeveel kandidaten er in de regio zijn, "
        "hoeveel andere vacatures om dezelfde mensen concurreren, uit welke beroepen u kunt "
        "werven en omscholen, en welke vaardigheden uw team door pensionering verliest. "
        "Aantallen van minder dan 10 mensen tonen we nooit (\u201c<10\u201d).",
        "text": "Vacaturetekst",
        "region": "Arbeidsmarktregio",
        "occupation": "Beroep (optioneel)",
        "auto": "Automatisch: het beroep dat de vaardigheden het best dekt",
        "team": "Samenstelling van uw team (optioneel, CSV)",
        "team_help": "Eén regel per beroep en leeftijdsgroep: occupation,age_band,count "
        "(bijvoorbeeld \u201calgemeen verpleegkundige,55-59,4\u201d of \u201czorghulp,65+,2\u201d). "
        "Het team wordt niet opgeslagen.",
        "team_file": "Of upload een CSV-bestand",
        "save_team": "Bewaar deze teamsamenstelling bij mijn account (alleen u kunt die lezen)",
        "team_saved": "Uw team is bewaard ({n} regels). Alleen u kunt het lezen; u kunt het "
        "altijd verwijderen.",
        "saved_team": "Uw bewaarde team is ingevuld.",
        "delete_team": "Verwijder mijn bewaarde team",
        "team_deleted": "Uw bewaarde team is verwijderd.",
        "pension": "AOW-leeftijd",
        "law": "huidige wet",
        "scenario": "scenario aow-68",
        "submit": "Analyseer",
        "error": "Dit kan de radar niet analyseren",
        "skills": "1. Vaardigheden en beroep",
        "skill": "Vaardigheid",
        "score": "Score",
        "span": "Gevonden in",
        "essential_for": "Essentieel voor het beroep",
        "yes": "ja",
        "no": "nee",
        "match": "Beroepen die de vaardigheden dekken",
        "coverage": "Dekking",
        "pool": "2. Kandidaten in de regio",
        "interested": "Werkzoekenden met dit gewenste beroep",
        "experienced": "Werkzoekenden met werkervaring in dit beroep",
        "short": "Kortdurend werkzoekenden (WW < 6 maanden)",
        "no_figures": "geen cijfers",
        "competition": "3. Concurrerende vacatures",
        "vacancies": "Openstaande vacatures",
        "ratio": "Spanning (vacatures per kortdurend werkzoekende)",
        "class": "Spanningsklasse",
        "adjacent": "4. Werven en omscholen uit verwante beroepen",
        "adj_occupation": "Beroep",
        "similarity": "Gelijkenis",
        "viability": "Overstap",
        "highly viable": "goed haalbaar",
        "viable": "haalbaar",
        "weak": "zwak",
        "more": "En nog {n} vaardigheden met een kleiner risico (alle staan in de JSON-uitvoer).",
        "candidates": "Kandidaten in de regio",
        "gap": "Te leren essentiële vaardigheden",
        "total": "Samen (som van de getoonde beroepen, iemand kan dubbel tellen)",
        "hidden_note": "{n} beroep(en) met minder dan 10 of zonder cijfers niet meegeteld",
        "risk": "5. Vaardigheden die met pensioen gaan",
        "holders": "Houders in uw team",
        "within5": "Met pensioen binnen 5 jaar",
        "within10": "Binnen 10 jaar",
        "share": "Aandeel binnen 10 jaar",
        "at_risk": "Risico",
        "risk_yes": "meer dan de helft",
        "month": "Maand",
        "duiding": "Duiding",
        "sources": "Bronnen: vacatures en werkzoekenden per beroep en regio (UWV-indeling), "
        "ESCO-beroepen en -vaardigheden, AOW-leeftijd volgens de prognose-scenario's.",
        "api": "Dezelfde analyse als JSON: POST /api/employer/vacancy.",
    },
    "en": {
        "title": "Employers: vacancy analysis",
        "intro": "Paste a vacancy text (Dutch or English) and choose the labour-market region. "
        "The radar shows the skills asked, how many candidates the region has, how many other "
        "vacancies compete for the same people, which occupations you can recruit and retrain "
        "from, and which skills your team loses through retirement. Counts of fewer than 10 "
        "people are never shown (\u201c<10\u201d).",
        "text": "Vacancy text",
        "region": "Labour-market region",
        "occupation": "Occupation (optional)",
        "auto": "Automatic: the occupation that covers the skills best",
        "team": "Your team's composition (optional, CSV)",
        "team_help": "One line per occupation and age band: occupation,age_band,count "
        "(for example \u201cnurse responsible for general care,55-59,4\u201d or "
        "\u201chealthcare assistant,65+,2\u201d). The team is not stored.",
        "team_file": "Or upload a CSV file",
        "save_team": "Keep this team composition with my account (only you can read it)",
        "team_saved": "Your team has been saved ({n} lines). Only you can read it; you can "
        "delete it at any time.",
        "saved_team": "Your saved team has been filled in.",
        "delete_team": "Delete my saved team",
        "team_deleted": "Your saved team has been deleted.",
        "pension": "State pension (AOW) age",
        "law": "current law",
        "scenario": "scenario aow-68",
        "submit": "Analyse",
        "error": "The radar cannot analyse this",
        "skills": "1. Skills and occupation",
        "skill": "Skill",
        "score": "Score",
        "span": "Found in",
        "essential_for": "Essential to the occupation",
        "yes": "yes",
        "no": "no",
        "match": "Occupations covering the skills",
        "coverage": "Coverage",
        "pool": "2. Candidates in the region",
        "interested": "Job seekers wanting this occupation",
        "experienced": "Job seekers with experience in it",
        "short": "Short-term job seekers (benefit < 6 months)",
        "no_figures": "no figures",
        "competition": "3. Competing vacancies",
        "vacancies": "Open vacancies",
        "ratio": "Tension (vacancies per short-term job seeker)",
        "class": "Tension class",
        "adjacent": "4. Recruit and retrain from related occupations",
        "adj_occupation": "Occupation",
        "similarity": "Similarity",
        "viability": "Move",
        "highly viable": "highly viable",
        "viable": "viable",
        "weak": "weak",
        "more": "And {n} more skills with a smaller risk (all are in the JSON output).",
        "candidates": "Candidates in the region",
        "gap": "Essential skills to learn",
        "total": "Together (sum of the occupations shown; a person can count twice)",
        "hidden_note": "{n} occupation(s) with fewer than 10 or without figures not counted",
        "risk": "5. Skills leaving through retirement",
        "holders": "Holders in your team",
        "within5": "Retiring within 5 years",
        "within10": "Within 10 years",
        "share": "Share within 10 years",
        "at_risk": "Risk",
        "risk_yes": "half or more",
        "month": "Month",
        "duiding": "Interpretation",
        "sources": "Sources: vacancies and job seekers per occupation and region (UWV "
        "classification), ESCO occupations and skills, state pension age as in the forecast "
        "scenarios.",
        "api": "The same analysis as JSON: POST /api/employer/vacancy.",
    },
}

# The view shows published aggregates only, but the team composition is the employer's own
# business: the page is for employer (and admin) accounts.
EmployerAccount = Annotated[Account, Depends(require_roles(Role.EMPLOYER, Role.ADMIN))]


def _page(request: Request, data: DataDep, status: int = 200, **context: object) -> HTMLResponse:
    lang = request_lang(request)
    occupations = sorted(data.occupations, key=lambda o: o.label(lang).lower())
    form = {"text": "", "region": "", "occupation": "", "team": "", "pension_age": 67}
    given = context.pop("form", None)
    if isinstance(given, dict):
        form.update(given)
    return render(
        request,
        "employer.html",
        status,
        data=data,
        w=WORDS[lang],
        regions=data.regions,
        occupations=occupations,
        pension_ages=PENSION_AGES,
        max_text=MAX_TEXT,
        max_risks=MAX_RISKS,
        form=form,
        fmt=lambda v: fmt_int(v, lang),
        ratio=lambda v: fmt_ratio(v, lang),
        tension=lambda v: class_name(v, lang),
        **context,
    )


@router.get("/werkgever", response_class=HTMLResponse)
def employer_page(
    request: Request, data: DataDep, store: StoreDep, account: EmployerAccount
) -> HTMLResponse:
    lang = request_lang(request)
    saved = load_team_profile(store, account.id)
    team = team_as_csv(saved, occupation_labels(store, lang))
    notice = None
    if request.query_params.get("verwijderd"):
        notice = WORDS[lang]["team_deleted"]
    return _page(request, data, form={"team": team}, saved_team=bool(saved), notice=notice)


@router.post("/werkgever/team/verwijderen")
def employer_team_delete(
    store: StoreDep, account: EmployerAccount, _csrf: CsrfForm
) -> RedirectResponse:
    delete_team_profile(store, account.id)
    return RedirectResponse("/werkgever?verwijderd=1", status_code=303)


@router.post("/werkgever", response_class=HTMLResponse)
async def employer_submit(
    request: Request,
    data: DataDep,
    store: StoreDep,
    account: EmployerAccount,
    _csrf: CsrfForm,
    text: Annotated[str, Form()] = "",
    region: Annotated[str, Form(max_length=10)] = "",
    occupation: Annotated[str, Form(max_length=300)] = "",
    team: Annotated[str, Form(max_length=MAX_TEAM_FILE)] = "",
    pension_age: Annotated[int, Form(ge=55, le=75)] = BASELINE_PENSION_AGE,
    save_team: Annotated[str, Form(max_length=10)] = "",
    team_file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    lang = request_lang(request)
    form = {
        "text": text[:MAX_TEXT],
        "region": region,
        "occupation": occupation,
        "team": team,
        "pension_age": pension_age,
        "save_team": bool(save_team),
    }
    if team_file is not None and team_file.filename:
        raw = await team_file.read(MAX_TEAM_FILE + 1)
        if len(raw) > MAX_TEAM_FILE:
            message = (
                f"{team_file.filename}: het bestand is groter dan {MAX_TEAM_FILE // 1000} kB"
                if lang == "nl"
                else f"{team_file.filename}: the file is larger than {MAX_TEAM_FILE // 1000} kB"
            )
            return _page(request, data, 422, form=form, error=message, error_field="team")
        team = raw.decode("utf-8-sig", errors="replace")
        form["team"] = team
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    query = VacancyQuery(text, region, occupation or None, team, pension_age, lang)
    notice = None
    try:
        models = models_for(url)
        analysis = analyse_vacancy(store, models, query, actor_id=account.id)
        if save_team and team.strip():
            saved = save_team_profile(
                store, account.id, resolve_team(store, models.similarity, team)
            )
            notice = WORDS[lang]["team_saved"].format(n=saved)
    except EmployerInputError as exc:
        return _page(request, data, 422, form=form, error=exc.text(lang), error_field=exc.field)
    except SkillsUnavailable as exc:
        return _page(request, data, 409, form=form, error=str(exc), error_field="text")
    return _page(request, data, form=form, result=analysis, notice=notice)
