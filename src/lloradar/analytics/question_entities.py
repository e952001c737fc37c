"""Find the places and occupations a question names: whole labels and alternative labels,
plurals (lassers, nurses, leraren), compounds written as one word (softwareontwikkelaar) or
apart (bus chauffeur), small typos (fuzzy, with a threshold), and for occupations the main word
of a label alone (verpleegkundigen -> a label with "verpleegkundige"). Pure: the caller passes the
candidates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

# The lowest rapidfuzz ratio at which a question word is read as a misspelt label word, and the
# shortest label word that may be misspelt (short words are too close to too much).
FUZZY_RATIO = 86
FUZZY_MIN_LENGTH = 5
_PLURALS = ("s", "en", "n", "es", "e", "ers", "er", "se", "'s")
# Words too common in region and occupation names to identify one on their own.
WEAK = frozenset(
    [
        "regio",
        "noord",
        "zuid",
        "oost",
        "west",
        "midden",
        "groot",
        "holland",
        "en",
        "de",
        "het",
        "van",
        "voor",
        "in",
        "the",
        "for",
        "of",
        "and",
        "worker",
        "workers",
        "medewerker",
        "medewerkers",
        "medewerkster",
        "assistant",
        "technician",
        "technicus",
        "general",
        "algemeen",
        "care",
        "responsible",
        "officer",
        "gespecialiseerd",
        "specialist",
        "ict",
        "manager",
        "application",
        "engineering",
        "ingenieur",
        "technisch",
    ]
)


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['\u2019`]", "", text)  # ICT'ers, what's
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@dataclass(frozen=True, slots=True)
class Named:
    """Something a question can name: a region or an occupation, with its labels. `priority`
    breaks a tie (lower wins: an arbeidsmarktregio before a provincie of the same name);
    `via` says how the label leads to the key (a gemeente's name for its arbeidsmarktregio)."""

    key: str
    labels: tuple[str, ...]
    priority: int = 0
    via: str | None = None
    whole_only: bool = False  # never named by one word of a label


@dataclass(frozen=True, slots=True)
class Mention:
    """A candidate named by words start..end (exclusive) of the question."""

    key: str
    words: str
    start: int
    end: int
    score: float
    whole: bool  # a whole label (or alternative label), not one word of it
    via: str | None = None
    others: tuple[str, ...] = ()  # other keys with the same words and score


def _plural_of(word: str, label_word: str) -> bool:
    if len(label_word) < 3 or not word.startswith(label_word):
        # leraar -> leraren, timmerman -> timmerlieden is an alternative label
        if (
            len(label_word) >= 4
            and label_word[-3] == label_word[-2]
            and label_word[-2] in "aeiou"
            and word == label_word[:-2] + label_word[-1] + "en"
        ):
            return True
        if label_word.endswith("man") and word == label_word[:-3] + "men":
            return True
        if label_word.endswith("y") and word == label_word[:-1] + "ies":
            return True
        return label_word.endswith("us") and word == label_word[:-2] + "i"
    return word[len(label_word) :] in _PLURALS


def token_match(
    word: str, label_word: str, strict: frozenset[str] = frozenset(), *, fuzzy: bool = True
) -> int:
    """2: the same word; 1: a plural, or a misspelling; 0: no match. Words in `strict` (the
    parser's own vocabulary) match only themselves or as a plural."""
    if word == label_word:
        return 2
    if _plural_of(word, label_word):
        return 1
    if word in strict:  # the parser's own words: a plural, never a misspelling
        return 0
    if fuzzy and len(label_word) >= FUZZY_MIN_LENGTH and len(word) >= FUZZY_MIN_LENGTH:
        if fuzz.ratio(word, label_word) >= (FUZZY_RATIO if len(label_word) > 6 else 90):
            return 1
        for suffix in ("en", "s", "n"):
            if (
                word.endswith(suffix)
                and fuzz.ratio(word[: -len(suffix)], label_word) >= FUZZY_RATIO
            ):
                return 1
    return 0


def _label_variants(candidate: Named) -> list[list[str]]:
    labels = [part for label in candidate.labels for part in label.split("/")]
    found = []
    for label in labels:
        tokens = normalise(label).split()
        if tokens and tokens not in found:
            found.append(tokens)
    return found


def _whole_matches(words: Sequence[str], candidate: Named, strict: frozenset[str]) -> list[Mention]:
    found = []
    for tokens in _label_variants(candidate):
        k = len(tokens)
        joined = "".join(tokens)
        for i in range(len(words)):
            if i + k <= len(words):
                hits = [token_match(words[i + j], tokens[j], strict) for j in range(k)]
                if all(hits):
                    exact = sum(1 for h in hits if h == 2)
                    found.append(_mention(candidate, words, i, i + k, 100 + 10 * k + exact))
            # a compound written as one word, or a one-word label written apart
            for m in range(1, 4):
                if i + m > len(words) or (m == 1 and k == 1) or (m == k and k > 1):
                    continue
                together = "".join(words[i : i + m])
                if len(together) >= 6 and token_match(together, joined, strict, fuzzy=False):
                    found.append(_mention(candidate, words, i, i + m, 100 + 10 * k))
    return found


def _mention(candidate: Named, words: Sequence[str], start: int, end: int, score: float) -> Mention:
    return Mention(
        candidate.key,
        " ".join(words[start:end]),
        start,
        end,
        score,
        score >= 100,
        candidate.via,
    )


def _partial_matches(
    words: Sequence[str], candidate: Named, strict: frozenset[str], head_only: bool
) -> list[Mention]:
    """One strong word of a label (not a weak one), scored by the share of the label's strong
    words the question names; its last word (the head: verpleegkundige) counts double. With
    `head_only` only the last strong word may stand for the label."""
    found = []
    for tokens in _label_variants(candidate):
        strong = [t for t in tokens if t not in WEAK and len(t) >= 4 and not t.isdigit()]
        if not strong:
            continue
        for i, word in enumerate(words):
            for t in strong[-1:] if head_only else strong:
                if token_match(word, t, strict):
                    head = 1.0 if t == tokens[-1] else 0.5
                    score = 10.0 * head * (1 / len(strong)) + (1 if word == t else 0)
                    found.append(_mention(candidate, words, i, i + 1, score))
    return found


def find_mentions(
    words: Sequence[str],
    candidates: Sequence[Named],
    *,
    partial: bool = False,
    head_only: bool = False,
    strict: frozenset[str] = frozenset(),
    taken: frozenset[int] = frozenset(),
) -> list[Mention]:
    """The candidates the question names, in the order they appear, at most one per span of
    words and per key: the longest, best-scored reading of the words wins (a tie goes to the
    lower `priority`; the others of the tie are kept in `others`). Words in `taken` are already
    read as something else. `partial` allows one word of a label."""
    all_found: list[tuple[Mention, int]] = []
    for candidate in candidates:
        found = _whole_matches(words, candidate, strict)
        if partial and not found and not candidate.whole_only:
            found = _partial_matches(words, candidate, strict, head_only)
        all_found.extend((m, candidate.priority) for m in found)
    all_found.sort(key=lambda mp: (-mp[0].score, -(mp[0].end - mp[0].start), mp[1], mp[0].start))
    chosen: list[Mention] = []
    used: set[int] = set(taken)
    keys: set[str] = set()
    for mention, rank in all_found:
        span = set(range(mention.start, mention.end))
        if span & used or mention.key in keys:
            continue
        ties = [
            m.key
            for m, p in all_found
            if m.key != mention.key
            and (m.start, m.end, m.score) == (mention.start, mention.end, mention.score)
            and p >= rank
        ]
        chosen.append(_with_others(mention, tuple(dict.fromkeys(ties))))
        used |= span
        keys.add(mention.key)
    return sorted(chosen, key=lambda m: m.start)


def _with_others(mention: Mention, others: tuple[str, ...]) -> Mention:
    return Mention(
        mention.key,
        mention.words,
        mention.start,
        mention.end,
        mention.score,
        mention.whole,
        mention.via,
        others,
    )
