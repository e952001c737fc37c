"""Dependencies shared by the API routes: the radar's figures and parsed periods."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from lloradar.config import get_settings
from lloradar.features.indicators.radar import RadarData, radar_for_store
from lloradar.services.request_store import Store, open_web_store, store_url_for


async def get_data(request: Request) -> RadarData:
    data = getattr(request.app.state, "radar", None)
    if data is None:
        data = request.app.state.radar = radar_for_store(get_settings().store)
    return data


DataDep = Annotated[RadarData, Depends(get_data)]


def get_store(request: Request, data: DataDep) -> Iterator[Store]:
    """The store the radar's figures came from, opened for one request."""
    url = store_url_for(data, getattr(request.app.state, "store_url", None))
    with open_web_store(url) as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
MONTH = r"^[1-9]\d{3}-(0[1-9]|1[0-2])$"


def month_start(text: str | None) -> date | None:
    return None if text is None else date(int(text[:4]), int(text[5:7]), 1)


PeriodFrom = Annotated[
    str | None, Query(pattern=MONTH, description="First month, YYYY-MM", examples=["2024-01"])
]
PeriodTo = Annotated[
    str | None, Query(pattern=MONTH, description="Last month, YYYY-MM", examples=["2025-12"])
]

# Pages of a listing start here; bounded so a database never sees an out-of-range integer.
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="Rows to skip")]
