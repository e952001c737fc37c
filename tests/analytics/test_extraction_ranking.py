"""The extractor's learning-to-rank step: candidate features, skill priors, the shipped weights,
Dutch compound splitting and the dictionary lexicon (no model, no store: milliseconds)."""

from __future__ import annotations

import numpy as np
import pytest

from lloradar.analytics.extraction.compounds import split_compound, split_compounds
from lloradar.analytics.extraction.lexicon import Lexicon, skill_forms
from lloradar.analytics.extraction.ranker_weights import RANKER
from lloradar.analytics.extraction.ranking import (
    BASELINE,
    FEATURES,
    LexicalEvidence,
    LinearRanker,
    candidate_features,
    skill_priors,
)


def column(name: str) -> int:
    return FEATURES.index(name)


def test_priors_scale_frequency_and_mark_the_reuse_level() -> None:
    priors = skill_priors(
        [0, 9, 99], ["transversal", "cross-sector", "occupation-specific"], ["knowledge", "", ""]
    )
    assert priors[:, column("frequency")].tolist() == pytest.approx(
        [0.0, np.log(10) / np.log(100), 1.0]
    )
    assert priors[0, column("transversal")] == 1 and priors[0, column("knowledge")] == 1
    assert priors[1, column("cross_sector")] == 1 and priors[1, column("transversal")] == 0
    # occupation-specific is the base level: no reuse column set
    reuse = [column("transversal"), column("cross_sector"), column("sector_specific")]
    assert priors[2, reuse].sum() == 0


def test_candidate_features_hold_cosine_rank_and_lexical_evidence() -> None:
    cosines = np.array([0.2, 0.9, 0.5, 0.1], dtype=np.float32)
    candidates = np.array([1, 2, 3], dtype=np.int64)  # top two by cosine, then a lexical find
    priors = np.zeros((4, len(FEATURES)))
    features = candidate_features(
        cosines,
        candidates,
        priors,
        {3: LexicalEvidence(preferred=True, tokens=5)},
        overlap=[0.0, 0.5, 1.0],
        label_words=[1, 2, 3, 12],
    )
    assert features[:, column("cosine")] == pytest.approx([0.9, 0.5, 0.1])
    assert features[:, column("cosine_gap")] == pytest.approx([0.0, -0.4, -0.8])
    assert features[:, column("log_rank")] == pytest.approx(np.log1p([0, 1, 2]))
    assert features[:, column("preferred_label")].tolist() == [0, 0, 1]
    assert features[:, column("alternative_label")].tolist() == [0, 0, 0]
    assert features[2, column("label_tokens")] == 3  # capped
    assert features[:, column("word_overlap")].tolist() == [0.0, 0.5, 1.0]
    assert features[:, column("label_words")] == pytest.approx([2 / 6, 3 / 6, 1.0])


def test_the_hand_rule_is_cosine_plus_a_label_bonus() -> None:
    features = np.zeros((2, len(FEATURES)))
    features[:, column("cosine")] = [0.6, 0.7]
    features[0, column("preferred_label")] = 1
    features[0, column("label_tokens")] = 2
    assert BASELINE.score(features) == pytest.approx([0.6 + 0.15 + 0.1, 0.7])


def test_shipped_weights_cover_every_feature_and_prefer_a_closer_skill() -> None:
    assert len(RANKER.weights) == len(FEATURES)
    assert all(np.isfinite(RANKER.weights))
    close, far = np.zeros(len(FEATURES)), np.zeros(len(FEATURES))
    close[column("cosine")], far[column("cosine")] = 0.8, 0.3
    far[column("cosine_gap")], far[column("log_rank")] = -0.5, np.log1p(30)
    assert RANKER.score(np.vstack([close, far])).argmax() == 0


def test_a_missing_feature_name_weighs_nothing() -> None:
    ranker = LinearRanker.from_mapping({"cosine": 2.0}, bias=1.0)
    features = np.zeros((1, len(FEATURES)))
    features[0, column("cosine")] = 0.5
    features[0, column("frequency")] = 1.0
    assert ranker.score(features).tolist() == [2.0]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("klantcontact", ("klant", "contact")),
        ("kwaliteitscontrole", ("kwaliteit", "controle")),  # linking -s-
        ("softwareontwikkeling", ("software", "ontwikkeling")),  # an English part
        ("Voorbereiding", ("voorbereiding",)),  # a known word stays whole
        ("werk", ("werk",)),  # too short to be a compound
        ("xqzvbnmwrt", ("xqzvbnmwrt",)),  # no split into known words
    ],
)
def test_dutch_compounds_are_split_into_known_words(word: str, parts: tuple[str, ...]) -> None:
    assert split_compound(word) == parts


def test_split_compounds_rewrites_only_the_compounds_of_a_text() -> None:
    assert split_compounds("Veel klantcontact, 40 uur.") == "Veel klant contact, 40 uur."


def test_lexicon_finds_labels_by_lemma_and_a_dutch_compound_by_its_parts() -> None:
    forms = [
        *skill_forms("s1", [("debug software", "en", True), ("write report", "en", False)]),
        *skill_forms("s2", [("klant contact", "nl", True)]),
        *skill_forms("s3", [("work", "en", True)]),  # a generic single word: left out
    ]
    lexicon = Lexicon(forms)
    text = "You debugged software and wrote reports at work."
    hits = {(h.skill, text[h.start : h.end], h.preferred) for h in lexicon.find(text, "en")}
    assert hits == {("s1", "debugged software", True), ("s1", "wrote reports", False)}
    dutch = lexicon.find("Je hebt veel klantcontact.", "nl")
    assert [(h.skill, h.tokens) for h in dutch] == [("s2", 2)]
