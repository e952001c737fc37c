"""The five UWV classes of the spanningsindicator / tension indicator: open vacancies divided by
job seekers with a benefit duration under six months."""

from __future__ import annotations

import math
from enum import StrEnum


class TensionClass(StrEnum):
    ZEER_RUIM = "zeer ruim"  # very slack
    RUIM = "ruim"  # slack
    GEMIDDELD = "gemiddeld"  # average
    KRAP = "krap"  # tight
    ZEER_KRAP = "zeer krap"  # very tight

    @classmethod
    def from_ratio(cls, ratio: float | None) -> TensionClass | None:
        """Class a ratio with UWV's boundaries; a missing ratio has no class (not a zero)."""
        if ratio is None or math.isnan(ratio) or math.isinf(ratio) or ratio < 0:
            return None
        if ratio > 4.0:
            return cls.ZEER_KRAP
        if ratio > 1.5:
            return cls.KRAP
        if ratio >= 0.67:
            return cls.GEMIDDELD
        if ratio >= 0.25:
            return cls.RUIM
        return cls.ZEER_RUIM

    @property
    def label_en(self) -> str:
        return {
            "zeer ruim": "very slack",
            "ruim": "slack",
            "gemiddeld": "average",
            "krap": "tight",
            "zeer krap": "very tight",
        }[self.value]

    @property
    def rank(self) -> int:
        """0 (very slack) .. 4 (very tight), for colour scales and sorting."""
        return list(TensionClass).index(self)
