"""Inclusion analytics (issue 21): protected breakdowns and the potential toward tight
occupations, counted only over shown groups."""

from __future__ import annotations

import numpy as np

from lloradar.analytics.inclusion import breakdown, potential


def test_a_group_under_ten_is_hidden_with_a_partner() -> None:
    result = breakdown("benefit_type", {"ww": 40, "wajong": 4, "bijstand": 120}, ("bijstand",))
    assert result.categories == ("bijstand", "wajong", "ww")
    assert result.persons == (120, None, None)  # 4 hidden, and ww too: total - 120 would give 4
    assert result.total == 164


def test_potential_counts_shown_origins_with_a_viable_move() -> None:
    last = breakdown("last_occupation", {"clerk": 300, "shop": 200, "cook": 5, "nurse": 50})
    index = {"clerk": 0, "shop": 1, "cook": 2, "nurse": 3, "aid": 4}
    similarity = np.zeros((5, 5))
    similarity[0, 4], similarity[1, 4], similarity[2, 4] = 0.35, 0.2, 0.9  # to aid
    similarity[3, 4] = 0.5
    [aid] = potential(last, ["aid"], index, similarity)
    assert last.persons[last.categories.index("cook")] is None
    # clerk and nurse move viably; shop is not viable; cook is hidden (and its partner too)
    hidden = {c for c, n in zip(last.categories, last.persons, strict=True) if n is None}
    expected = sum(n for c, n in {"clerk": 300, "nurse": 50}.items() if c not in hidden)
    assert aid.persons == expected and "shop" not in aid.origins and "cook" not in aid.origins
