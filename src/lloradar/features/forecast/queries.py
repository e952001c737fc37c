"""The forecast's reads of the store: stored values and input tables as data frames."""

from __future__ import annotations

from typing import Any

import pandas as pd

from lloradar.store import Store

VALUE_COLUMNS = [
    "region_code",
    "occupation_id",
    "year",
    "stock",
    "expansion_demand",
    "retirement",
    "other_exits",
    "extra_demand",
    "demand",
    "supply_school",
    "supply_other",
    "supply_extra",
    "supply",
    "inflow",
    "outflow",
    "ratio",
    "ratio_low",
    "ratio_high",
    "prospect",
]


def frame_of(store: Store, sql: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
    return pd.DataFrame(store.query_dicts(sql, params))
