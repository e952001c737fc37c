"""Prospect classes of the future-bottleneck indicator, in the style of ROA's ITA (Indicator
Toekomstige Arbeidsmarktperspectieven).

The indicator is supply / demand over the forecast years. Classes are named from the worker's
side, as ROA does: little supply for much demand means "zeer goed" (very good) prospects for
workers and a bottleneck for employers. Bands are symmetric around 1 (balance):

    ratio < 0.85          zeer goed  (very good prospects; large expected shortage)
    0.85 <= ratio < 0.95  goed       (good; shortage)
    0.95 <= ratio < 1.05  redelijk   (fair; about in balance)
    1.05 <= ratio < 1.15  matig      (moderate; surplus)
    ratio >= 1.15         slecht     (poor; large surplus)
    no demand             geen gegevens (no data) - never a class by default

The thresholds are ours (ROA publishes the class names, not one fixed cut-off table for this
ratio); they are here so a reviewer can change them in one place."""

from __future__ import annotations

import math

PROSPECTS = ("zeer goed", "goed", "redelijk", "matig", "slecht")
NO_DATA = "geen gegevens"
THRESHOLDS = (0.85, 0.95, 1.05, 1.15)
PROSPECT_EN = {
    "zeer goed": "very good",
    "goed": "good",
    "redelijk": "fair",
    "matig": "moderate",
    "slecht": "poor",
    NO_DATA: "no data",
}


def prospect_class(ratio: float | None) -> str:
    """The class of one supply/demand ratio; a missing ratio is its own 'no data' answer."""
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return NO_DATA
    for threshold, name in zip(THRESHOLDS, PROSPECTS, strict=False):
        if ratio < threshold:
            return name
    return PROSPECTS[-1]
