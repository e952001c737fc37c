"""Dutch compound splitting (*samenstellingen*): "klantcontact" -> "klant contact".

Dutch writes compounds as one word, so a text's "klantcontact" never meets a label's "contact
met klanten" word for word, and the encoder sees one rare word instead of two common ones. A word
the Dutch dictionary of simplemma does not know is split where every part is a known word (a
linking -s- or -e(n)- may sit between them); of several splits the one with the longest shortest
part wins, so "projectmanagement" gives "project management", not "pro ject management".
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

MIN_WORD = 8  # shorter words are rarely compounds of two known words
MIN_PART = 3
MAX_PARTS = 3
_LINKERS = ("s", "en", "e")
_LETTERS = re.compile(r"[^\W\d_]{" + str(MIN_WORD) + ",}", re.UNICODE)


@lru_cache(maxsize=100_000)
def _known(word: str) -> bool:
    return len(word) >= MIN_PART and simplemma.is_known(word, lang=("nl", "en"))


def _splits(word: str, parts_left: int) -> list[tuple[str, ...]]:
    if _known(word):
        return [(word,)]
    if parts_left <= 1:
        return []
    found: list[tuple[str, ...]] = []
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:i], word[i:]
        heads = [head] if _known(head) else []
        heads += [head[: -len(s)] for s in _LINKERS if head.endswith(s) and _known(head[: -len(s)])]
        if not heads:
            continue
        for tail in _splits(rest, parts_left - 1):
            found.append((heads[0], *tail))
    return found


@lru_cache(maxsize=100_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a Dutch compound, lower-cased; the word itself when it is known, short or
    cannot be split into known words."""
    lower = word.lower()
    if len(lower) < MIN_WORD or not lower.isalpha() or _known(lower):
        return (lower,)
    candidates = _splits(lower, MAX_PARTS)
    if not candidates:
        return (lower,)
    return max(candidates, key=lambda parts: (min(len(p) for p in parts), -len(parts)))


def split_compounds(text: str) -> str:
    """`text` with every splittable Dutch compound written as separate words."""

    def parts(match: re.Match[str]) -> str:
        found = split_compound(match.group(0))
        return match.group(0) if len(found) == 1 else " ".join(found)

    return _LETTERS.sub(parts, text)
