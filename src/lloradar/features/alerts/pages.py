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
from lloradar.services.request_store import Store
from lloradar.web.auth import CsrfForm, CurrentAccount
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, render

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form(max_length=500)]

WORDS = words("alerts")


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
