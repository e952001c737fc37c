"""Intervention domain values: measures and the keyed-hash pseudonym."""

from __future__ import annotations

import pytest

from lloradar.domain import Measure
from lloradar.domain.intervention import pseudonymise


def test_pseudonym_is_stable_keyed_and_hides_the_id() -> None:
    first = pseudonymise("BSN-123", b"key-one")
    assert first == pseudonymise(" BSN-123 ", b"key-one")
    assert first != pseudonymise("BSN-123", b"key-two")
    assert "123" not in first and first.startswith("p-") and len(first) == 34


def test_pseudonym_without_a_key_is_refused() -> None:
    with pytest.raises(ValueError, match="LLORADAR_PSEUDONYM_KEY"):
        pseudonymise("x", b"")


def test_percentage_measures_name_their_count() -> None:
    assert Measure.EMPLOYED_6M_PCT.is_percentage
    assert Measure.EMPLOYED_6M_PCT.counted is Measure.EMPLOYED_6M
    assert not Measure.COMPLETED.is_percentage
