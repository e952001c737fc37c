"""The ranker's weights, written by bench/train_extraction_ranker.py (do not edit by hand).

How they were trained (2026-12-03, at commit 065aab6):
- data: the sentences of HOUSE and TECH (validation splits, Decorte et al. 2022) and TECHWOLF
  (Decorte et al. 2023) that bench/extraction_eval.split keeps for tuning: {'house': 41, 'tech': 43, 'techwolf': 161};
  the held-apart 30 % (and the English originals of the Dutch dev set) were never read;
- candidates: the extractor's top 50 skills by cosine plus its lexical finds, on ESCO v1.1.1;
- model: pairwise logistic regression (relevant minus irrelevant candidate of one sentence),
  L2 strength chosen by 5-fold cross-validation over sentences (R-Precision@5 per strength:
  0.01: 0.470, 0.1: 0.465, 1.0: 0.439, 10.0: 0.419); chosen 0.01.
"""

from lloradar.analytics.extraction.ranking import LinearRanker

VERSION = "2026-12-03-065aab6"
RANKER = LinearRanker.from_mapping(
    {
        "cosine": 2.577075,
        "cosine_gap": 2.571530,
        "log_rank": -0.528223,
        "preferred_label": 1.271160,
        "alternative_label": 2.016587,
        "label_tokens": 0.418680,
        "word_overlap": 2.760565,
        "frequency": 2.829810,
        "transversal": 3.077674,
        "cross_sector": 0.569940,
        "sector_specific": 0.481731,
        "knowledge": 0.031577,
        "label_words": -2.784010,
    }
)
