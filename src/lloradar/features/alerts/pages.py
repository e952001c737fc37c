"""The alerts page (/meldingen): a person's own subscriptions with their latest events, a form to
subscribe, and a button to delete each. Only the owner ever sees a subscription."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from lloradar.domain.alerts import AlertError, AlertKind, Channel
from lloradar.features.alerts import service as alerts
from lloradar.features.indicators.service import RadarData
from lloradar.services.web_store import Store
from lloradar.web.auth import CsrfForm, CurrentAccount
from lloradar.web.i18n import request_lang
from lloradar.web.routes import DataDep, StoreDep, render

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form(max_length=500)]

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Meldingen",
        "intro": "Krijg een melding als de arbeidsmarkt verandert: als de spanningsklasse van "
        "een beroep in uw regio verschuift, als er nieuwe vacatures zijn voor een beroep of "
        "vaardigheid, of nieuwe cursussen voor een vaardigheid. Meldingen komen in een "
        "Atom-feed, per e-mail of via een ondertekende webhook.",
        "mine": "Mijn meldingen",
        "none": "U hebt nog geen meldingen.",
        "what": "Waarop",
        "channel": "Hoe",
        "feed": "Atom-feed",
        "latest": "Laatste meldingen",
        "no_events": "nog niets gebeurd",
        "delete": "Verwijderen",
        "delete_label": "Melding verwijderen: {what}",
        "new": "Nieuwe melding",
        "kind": "Soort melding",
        "tension_class": "De spanningsklasse van een beroep in een regio verandert",
        "vacancies": "Nieuwe vacatures voor een beroep of vaardigheid",
        "courses": "Nieuwe cursussen voor een vaardigheid",
        "region": "Arbeidsmarktregio",
        "any_region": "heel Nederland",
        "occupation": "Beroep",
        "no_occupation": "geen",
        "skill": "Vaardigheid (ESCO-naam of -URI; voor cursussen en vacatures)",
        "via": "Ontvangen via",
        "ch_feed": "alleen de Atom-feed en deze pagina",
        "ch_email": "e-mail",
        "ch_webhook": "webhook (ondertekend met HMAC-SHA256)",
        "target": "E-mailadres of webhook-URL (bij e-mail of webhook)",
        "consent": "Ik geef toestemming dat LLO Radar deze melding en mijn adres bewaart om mij "
        "meldingen te sturen (doel: meldingen). Ik kan dit altijd verwijderen.",
        "submit": "Melding maken",
        "made": "Uw melding is gemaakt.",
        "deleted": "Uw melding is verwijderd.",
        "error": "Dit lukt niet",
        "secret": "Webhook-sleutel",
        "events": "Meldingen die afgingen",
    },
    "en": {
        "title": "Alerts",
        "intro": "Get an alert when the labour market changes: when the tension class of an "
        "occupation in your region moves, when there are new vacancies for an occupation or "
        "skill, or new courses for a skill. Alerts arrive in an Atom feed, by e-mail or "
        "through a signed webhook.",
        "mine": "My alerts",
        "none": "You have no alerts yet.",
        "what": "About",
        "channel": "How",
        "feed": "Atom feed",
        "latest": "Latest alerts",
        "no_events": "nothing has happened yet",
        "delete": "Delete",
        "delete_label": "Delete alert: {what}",
        "new": "New alert",
        "kind": "Kind of alert",
        "tension_class": "The tension class of an occupation in a region moves",
        "vacancies": "New vacancies for an occupation or skill",
        "courses": "New courses for a skill",
        "region": "Labour-market region",
        "any_region": "the whole country",
        "occupation": "Occupation",
        "no_occupation": "none",
        "skill": "Skill (ESCO label or URI; for courses and vacancies)",
        "via": "Receive through",
        "ch_feed": "only the Atom feed and this page",
        "ch_email": "e-mail",
        "ch_webhook": "webhook (signed with HMAC-SHA256)",
        "target": "E-mail address or webhook URL (for e-mail or webhook)",
        "consent": "I consent to LLO Radar keeping this alert and my address to send me alerts "
        "(purpose: alerts). I can delete it at any time.",
        "submit": "Create alert",
        "made": "Your alert has been created.",
        "deleted": "Your alert has been deleted.",
        "error": "This did not work",
        "secret": "Webhook key",
        "events": "Alerts that fired",
    },
}


def _page(
    request: Request,
    data: RadarData,
    store: Store,
    account_id: str,
    status: int = 200,
    error: str = "",
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    lang = request_lang(request)
    base = str(request.base_url).rstrip("/")
    rows = []
    for sub in alerts.list_subscriptions(store, account_id):
        rows.append(
            {
                "sub": sub,
                "what": alerts.describe_subscription(store, sub, lang),
                "feed": f"{base}/feeds/{sub.feed_token}.atom",
                "events": alerts.events_for(store, account_id, sub.id, limit=5),
            }
        )
    notice = {"gemaakt": "made", "verwijderd": "deleted"}.get(request.query_params.get("ok", ""))
    return render(
        request,
        "alerts.html",
        status,
        data=data,
        w=WORDS[lang],
        rows=rows,
        kinds=list(AlertKind),
        channels=list(Channel),
        regions=[r for r in data.regions if r.level == "arbeidsmarktregio"],
        occupations=sorted(data.occupations, key=lambda o: o.label(lang).lower()),
        error=error,
        notice=WORDS[lang][notice] if notice else "",
        form=form or {},
    )


@router.get("/meldingen", response_class=HTMLResponse)
def alerts_page(
    request: Request, account: CurrentAccount, data: DataDep, store: StoreDep
) -> HTMLResponse:
    return _page(request, data, store, account.id)


@router.post("/meldingen", response_class=HTMLResponse)
def subscribe_submit(
    request: Request,
    account: CurrentAccount,
    data: DataDep,
    store: StoreDep,
    _csrf: CsrfForm,
    kind: Field,
    region: Field = "",
    occupation: Field = "",
    skill: Field = "",
    channel: Field = "feed",
    target: Field = "",
    consent: Field = "",
) -> Response:
    form = {"kind": kind, "region": region, "occupation": occupation, "skill": skill,
            "channel": channel, "target": target}  # fmt: skip
    try:
        alerts.subscribe(
            store,
            account.id,
            kind,
            region_code=region,
            occupation_id=occupation,
            skill_id=alerts.resolve_skill(store, skill),
            channel=channel,
            target=target,
            lang=request_lang(request),
            consent=consent == "ja",
        )
    except AlertError as exc:
        message = exc.message(request_lang(request))
        return _page(request, data, store, account.id, 400, message, form)
    return RedirectResponse("/meldingen?ok=gemaakt", status_code=303)


@router.post("/meldingen/{subscription_id}/verwijderen", response_class=HTMLResponse)
def unsubscribe_submit(
    subscription_id: str, account: CurrentAccount, store: StoreDep, _csrf: CsrfForm
) -> Response:
    try:
        alerts.unsubscribe(store, account.id, subscription_id)
    except alerts.SubscriptionNotFound:
        raise HTTPException(404) from None
    return RedirectResponse("/meldingen?ok=verwijderd", status_code=303)
