"""The ESCO -> O*NET occupation link: candidate pairs, each with its method and a confidence.

There is no official ESCO <-> O*NET 29.2 crosswalk (the published ones use retired SOC codes),
so the link is built from three signals, each in [0, 1]:

- **title** (`title_score`): the best fuzzy match (rapidfuzz `token_sort_ratio` on lower-cased,
  lightly stemmed words) between an ESCO label (preferred label, or an alternative label at 0.9
  weight) and an O*NET title or alternate title;
- **labels** (`label_score`): the TF-IDF cosine between all labels of the ESCO occupation (with
  its ISCO-08 unit group label) and all titles of the O*NET occupation;
- **group** (`group_score`): whether the ISCO-08 major group fits the SOC major group of the
  O*NET code (`SOC_TO_ISCO_MAJOR`, a handmade table from the structure of both classifications:
  1.0 fits, 0.0 does not, 0.5 when the ISCO group is unknown).

confidence = (0.6 * title + 0.4 * labels) * (0.55 + 0.45 * group), times `DETAILED_FACTOR` for
an O*NET detailed (specialised) code: a pair in the wrong major group cannot pass
`LINK_THRESHOLD`. Below that threshold the occupation keeps no O*NET tasks and
its ESCO essential skills stand in (`TaskSource.ESCO_ESSENTIAL_SKILLS`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from lloradar.domain.tasks import TaskSource

METHOD = "isco-group+title+alt-title similarity"
LINK_THRESHOLD = 0.5
CANDIDATES = 12  # O*NET occupations re-ranked, per ESCO occupation: the best by TF-IDF,
FUZZY_CANDIDATES = 5  # the best by fuzzy preferred-label match, and every exact title match
# An O*NET detailed occupation (NN-NNNN.01 ..) is a specialisation of its `.00` occupation: it
# must match clearly better to win, so a general ESCO occupation lands on the general code.
DETAILED_FACTOR = 0.95
COVERED = 0.85  # an ESCO label "finds" an O*NET title at this fuzzy score
KEEP = 3  # candidate pairs stored per ESCO occupation

# SOC 2018 major group -> the ISCO-08 major groups its occupations fall in.
SOC_TO_ISCO_MAJOR: dict[str, frozenset[str]] = {
    "11": frozenset("1"),
    "13": frozenset("234"),
    "15": frozenset("23"),
    "17": frozenset("23"),
    "19": frozenset("23"),
    "21": frozenset("23"),
    "23": frozenset("234"),
    "25": frozenset("235"),
    "27": frozenset("2357"),
    "29": frozenset("23"),
    "31": frozenset("35"),
    "33": frozenset("035"),
    "35": frozenset("359"),
    "37": frozenset("5679"),
    "39": frozenset("235"),
    "41": frozenset("2359"),
    "43": frozenset("34"),
    "45": frozenset("69"),
    "47": frozenset("3789"),
    "49": frozenset("37"),
    "51": frozenset("3789"),
    "53": frozenset("3589"),
    "55": frozenset("0"),
}

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"and", "or", "of", "the", "for", "in", "a", "an", "to", "all", "other"})


@dataclass(frozen=True, slots=True)
class EscoOccupationLabels:
    id: str
    label: str
    alt_labels: tuple[str, ...] = ()
    isco_code: str | None = None
    isco_label: str | None = None


@dataclass(frozen=True, slots=True)
class OnetOccupationTitles:
    code: str
    title: str
    alt_titles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    occupation_id: str
    onet_code: str
    onet_title: str
    rank: int
    method: str
    title_score: float
    label_score: float
    group_score: float
    confidence: float

    def row(self) -> tuple[object, ...]:
        return (
            self.occupation_id,
            self.onet_code,
            self.onet_title,
            self.rank,
            self.method,
            self.title_score,
            self.label_score,
            self.group_score,
            self.confidence,
        )


LINK_COLUMNS = [
    "occupation_id",
    "onet_code",
    "onet_title",
    "rank",
    "method",
    "title_score",
    "label_score",
    "group_score",
    "confidence",
]


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-cased, lightly stemmed content words ("Registered Nurses" -> registered nurse)."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


def normalise(text: str) -> str:
    return " ".join(words(text))


def group_score(isco_code: str | None, onet_code: str) -> float:
    if not isco_code:
        return 0.5
    fits = SOC_TO_ISCO_MAJOR.get(onet_code[:2], frozenset())
    return 1.0 if isco_code[0] in fits else 0.0


def _tfidf(left: list[list[str]], right: list[list[str]]) -> np.ndarray:
    """Cosine similarity of every left document with every right one. The IDF weights come from
    the right (O*NET) documents only, so a pair scores the same whichever ESCO occupations are
    linked in the same run."""
    vocabulary: dict[str, int] = {}
    for doc in (*left, *right):
        for word in doc:
            vocabulary.setdefault(word, len(vocabulary))

    def counts(docs: list[list[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for i, doc in enumerate(docs):
            for word in doc:
                rows.append(i)
                cols.append(vocabulary[word])
        data = np.ones(len(rows))
        shape = (len(docs), max(len(vocabulary), 1))
        return sparse.csr_matrix((data, (rows, cols)), shape=shape)

    a, b = counts(left), counts(right)
    document_frequency = np.asarray((b > 0).sum(axis=0)).ravel()
    idf = np.log((len(right) + 1) / (document_frequency + 1)) + 1
    weight = sparse.diags(idf)

    def unit(m: sparse.csr_matrix) -> sparse.csr_matrix:
        m = sparse.csr_matrix(m.log1p() @ weight)
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1))).ravel()
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1 / norms) @ m)

    return np.asarray((unit(a) @ unit(b).T).todense())


def _esco_doc(occupation: EscoOccupationLabels) -> list[str]:
    doc = words(occupation.label) * 2
    for alt in occupation.alt_labels:
        doc += words(alt)
    return doc + words(occupation.isco_label or "")


def _onet_doc(occupation: OnetOccupationTitles) -> list[str]:
    doc = words(occupation.title) * 3
    for alt in occupation.alt_titles:
        doc += words(alt)
    return doc


def _title_score(mine: list[str], alts: list[str], theirs: list[str]) -> float:
    """Fuzzy match of normalised ESCO labels against one O*NET occupation's normalised titles:
    the best match (an alternative label counts 0.9) and, for a quarter, the share of ESCO
    labels that find a close title (an occupation matching many labels is the better link)."""
    if not theirs:
        return 0.0
    scores = process.cdist(mine + alts, theirs, scorer=fuzz.token_sort_ratio) / 100
    best_per_label = scores.max(axis=1)
    best = float(best_per_label[0])
    if alts:
        best = max(best, 0.9 * float(best_per_label[1:].max()))
    coverage = float((best_per_label >= COVERED).mean())
    return 0.75 * best + 0.25 * coverage


def _shortlist(cosine_row: np.ndarray, fuzzy_row: np.ndarray, exact: set[int]) -> list[int]:
    by_cosine = np.argsort(-cosine_row, kind="stable")[:CANDIDATES]
    by_title = np.argsort(-fuzzy_row, kind="stable")[:FUZZY_CANDIDATES]
    return sorted({*map(int, by_cosine), *map(int, by_title), *exact})


def link_occupations(
    esco: Sequence[EscoOccupationLabels], onet: Sequence[OnetOccupationTitles]
) -> list[LinkCandidate]:
    """The best `KEEP` O*NET occupations for every ESCO occupation, best first, with scores."""
    if not esco or not onet:
        return []
    cosine = _tfidf([_esco_doc(o) for o in esco], [_onet_doc(o) for o in onet])
    onet_titles = [[normalise(o.title), *(normalise(t) for t in o.alt_titles)] for o in onet]
    by_title: dict[str, set[int]] = {}
    for j, titles in enumerate(onet_titles):
        for name in titles:
            by_title.setdefault(name, set()).add(j)
    preferred = [normalise(o.label) for o in esco]
    fuzzy = process.cdist(preferred, [t[0] for t in onet_titles], scorer=fuzz.token_set_ratio)
    links: list[LinkCandidate] = []
    for i, occupation in enumerate(esco):
        alts = [normalise(a) for a in occupation.alt_labels if normalise(a) != preferred[i]]
        exact = set().union(*(by_title.get(label, set()) for label in [preferred[i], *alts]))
        scored = []
        for j in _shortlist(cosine[i], fuzzy[i], exact):
            target = onet[j]
            title = _title_score([preferred[i]], alts, onet_titles[j])
            label = float(cosine[i, j])
            group = group_score(occupation.isco_code, target.code)
            confidence = (0.6 * title + 0.4 * label) * (0.55 + 0.45 * group)
            if not target.code.endswith(".00"):
                confidence *= DETAILED_FACTOR
            scored.append((round(confidence, 4), title, label, group, target))
        scored.sort(key=lambda s: (-s[0], s[4].code))
        for rank, (confidence, title, label, group, target) in enumerate(scored[:KEEP], start=1):
            links.append(
                LinkCandidate(
                    occupation.id,
                    target.code,
                    target.title,
                    rank,
                    METHOD,
                    round(title, 4),
                    round(label, 4),
                    group,
                    confidence,
                )
            )
    return links


def task_source(best: LinkCandidate | None, onet_with_tasks: set[str]) -> TaskSource:
    """O*NET tasks when the best link is good enough and has tasks; ESCO essential skills else."""
    if best is not None and best.confidence >= LINK_THRESHOLD and best.onet_code in onet_with_tasks:
        return TaskSource.ONET
    return TaskSource.ESCO_ESSENTIAL_SKILLS
