"""Metric building blocks shared by every gold set: per-class P/R/F1, confusions, distances.

All functions work on plain labels (``None`` = no prediction) or contract models, so the same
code scores hand-made pairs in tests and full pipeline runs in benchmarks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field

from eventcoder.model import ArticleReport, Event

NONE_LABEL = "(none)"


@dataclass(slots=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(slots=True)
class ErrorCase:
    """One wrong answer, shown side by side with gold by ``--errors N``."""

    id: str
    text: str
    gold: str
    predicted: str
    confidence: float | None = None


@dataclass(slots=True)
class EvalResult:
    """What one evaluation reports: headline metrics, per-class table, confusions, errors."""

    name: str
    n: int
    metrics: dict[str, float | None]
    targets: dict[str, float] = field(default_factory=dict)
    per_class: list[ClassScore] = field(default_factory=list)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    errors: list[ErrorCase] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra_tables: dict[str, list[dict]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def per_class_scores(
    gold: Sequence[str | None], pred: Sequence[str | None], labels: Iterable[str]
) -> list[ClassScore]:
    """Precision, recall and F1 for each label; a ``None`` on either side is 'no label'."""
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter(g for g in gold if g is not None)
    n_pred: Counter[str] = Counter(p for p in pred if p is not None)
    for g, p in zip(gold, pred, strict=True):
        if g is not None and g == p:
            tp[g] += 1
    scores = []
    for label in labels:
        p = _ratio(tp[label], n_pred[label])
        r = _ratio(tp[label], n_gold[label])
        f1 = _ratio(2 * p * r, p + r)
        scores.append(ClassScore(label, p, r, f1, n_gold[label], n_pred[label]))
    return scores


def weighted_f1(scores: Sequence[ClassScore]) -> float:
    """F1 averaged over classes weighted by gold support (CASE 2021's headline metric)."""
    total = sum(s.support for s in scores)
    return _ratio(sum(s.f1 * s.support for s in scores), total)


def macro_f1(scores: Sequence[ClassScore]) -> float:
    """Unweighted mean F1 over classes that occur in gold."""
    present = [s for s in scores if s.support]
    return _ratio(sum(s.f1 for s in present), len(present))


def accuracy(gold: Sequence[object], pred: Sequence[object]) -> float | None:
    """Share of exact agreements; ``None`` when there is nothing to score."""
    if not gold:
        return None
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def share(flags: Iterable[bool]) -> float | None:
    """Share of true flags; ``None`` for an empty population."""
    values = list(flags)
    return sum(values) / len(values) if values else None


def top_confusions(
    gold: Sequence[str | None], pred: Sequence[str | None], k: int = 10
) -> list[tuple[str, str, int]]:
    """The k most frequent (gold, predicted) disagreements, ``(none)`` for a missing label."""
    pairs = Counter(
        (g or NONE_LABEL, p or NONE_LABEL) for g, p in zip(gold, pred, strict=True) if g != p
    )
    return [(g, p, n) for (g, p), n in pairs.most_common(k)]


def confident_events(report: ArticleReport, min_confidence: float = 0.0) -> list[Event]:
    """The report's events at or above the user's confidence threshold."""
    return [e for e in report.events if e.confidence >= min_confidence]


def top_event(
    report: ArticleReport,
    keep: Callable[[Event], bool] = lambda e: True,
    min_confidence: float = 0.0,
) -> Event | None:
    """The highest-confidence kept event (first in text order on ties): a text's prediction."""
    best: Event | None = None
    for event in confident_events(report, min_confidence):
        if keep(event) and (best is None or event.confidence > best.confidence):
            best = event
    return best


def lead_event(
    report: ArticleReport,
    keep: Callable[[Event], bool] = lambda e: True,
    min_confidence: float = 0.0,
) -> Event | None:
    """What a story is about: the first event its lead reports (news puts the main event in
    the first sentence that reports one, and an English lead names its act before what the act
    is about: "condemned the attack", "called for the release of", "arrested the men who
    attacked"); the more confident first where two share a trigger position. Neither confidence
    nor new-versus-background ranks them better: both favour the violent act a statement is
    about, and tense marks the lead's own act as background ("have condemned the attack") as
    often as a backdrop. A cause put first ("after the ban, X lifted ...") is the known miss.
    """
    kept = [e for e in confident_events(report, min_confidence) if keep(e)]
    if not kept:
        return None

    def sentence(e: Event) -> int:
        return e.evidence[0].start if e.evidence else 0

    first = min(sentence(e) for e in kept)
    lead = [e for e in kept if sentence(e) == first]
    return min(lead, key=lambda e: (e.trigger.start, -e.confidence))


def snippet(text: str, limit: int = 160) -> str:
    """One-line, shortened text for error tables."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
