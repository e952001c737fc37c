"""The ranker's weights (written by bench/train_extraction_ranker.py; do not edit by hand).

Not trained yet: the hand-set rule (cosine plus a bonus for a label in the text)."""

from lloradar.analytics.extraction.ranking import BASELINE

VERSION = "0"
RANKER = BASELINE
