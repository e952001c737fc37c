"""`/regio/{code}/brede-welvaart`: a region's brede welvaart (broad welfare) beside its labour
data - participation, health, income, housing - with the national figure, duiding and sources.
The region page loads it into its own section (htmx: the fragment alone); without htmx it is a
page of its own."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lloradar.features.welfare.service import (
    number,
    theme_name,
    welfare_profile,
    welfare_text,
)
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, render

router = APIRouter(include_in_schema=False)
WORDS = words("welfare")


@router.get("/regio/{code}/brede-welvaart", response_class=HTMLResponse)
def welfare_page(request: Request, code: str, data: DataDep, store: StoreDep) -> HTMLResponse:
    lang = request_lang(request)
    profile = welfare_profile(store, code[:20])
    if profile is None:
        raise UnknownCode("region", code)
    fragment = request.headers.get("HX-Request") == "true"
    return render(
        request,
        "welfare_fragment.html" if fragment else "welfare.html",
        data=data,
        w=WORDS[lang],
        profile=profile,
        themes=profile.by_theme(),
        theme_name=theme_name,
        number=number,
        text=welfare_text(profile, lang),
        demo=profile.is_demo and not fragment,
    )
