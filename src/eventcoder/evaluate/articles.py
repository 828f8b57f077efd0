"""End-to-end scoring on annotated real articles (guardian-dev): events matched to gold events.

A predicted ``new`` event matches a gold ``new`` event of the same article when the ACLED event
type agrees, the place is within 50 km (when gold has coordinates) and the date within 3 days
(when gold has a day or week). Matching is one-to-one, best pairs first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from eventcoder.evaluate.loaders import GoldEvent
from eventcoder.evaluate.scorers import (
    ClassScore,
    ErrorCase,
    EvalResult,
    share,
    snippet,
)
from eventcoder.geodesy import haversine_km
from eventcoder.model import Article, ArticleReport, Event

MAX_KM = 50.0
MAX_DAYS = 3
THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.9)
TARGETS = {"f1": 0.80, "sub_type_right": 0.85}


@dataclass(slots=True)
class Match:
    gold: GoldEvent
    pred: Event


def _days_apart(pred: Event, day: date) -> int:
    """Days between a gold day and our date range (0 when the range holds it): a prediction of
    "the week before publication" agrees with any day inside that week."""
    start = pred.date.start
    end = pred.date.end or start
    if start <= day <= end:
        return 0
    return min(abs((start - day).days), abs((end - day).days))


def _distance(gold: GoldEvent, pred: Event) -> float | None:
    loc = pred.location
    if gold.lat is None or gold.lon is None:
        return None
    if loc is None or loc.lat is None or loc.lon is None:
        return float("inf")
    return haversine_km(gold.lat, gold.lon, loc.lat, loc.lon)


def compatible(gold: GoldEvent, pred: Event) -> bool:
    """The matching rule: same ACLED type, near enough in space and time where gold says."""
    if pred.acled is None or pred.acled.event_type != gold.event_type:
        return False
    dist = _distance(gold, pred)
    if dist is not None and dist > MAX_KM:
        return False
    if gold.date_start is not None and gold.date_precision in ("day", "week"):
        if pred.date.start is None or _days_apart(pred, gold.date_start) > MAX_DAYS:
            return False
    return True


def _pair_score(gold: GoldEvent, pred: Event) -> float:
    score = pred.confidence
    if pred.acled and pred.acled.sub_event_type == gold.sub_event_type:
        score += 2.0
    dist = _distance(gold, pred)
    if dist is not None:
        score += 1.0 - dist / MAX_KM
    return score


def match_events(gold: Sequence[GoldEvent], pred: Sequence[Event]) -> list[Match]:
    """One-to-one greedy matching of compatible pairs, best-scoring pairs first."""
    pairs = sorted(
        ((_pair_score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
         if compatible(g, p)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append(Match(gold[gi], pred[pi]))
    return matches


def scored_predictions(report: ArticleReport, min_confidence: float) -> list[Event]:
    return [e for e in report.events
            if e.status == "new" and e.acled is not None and e.confidence >= min_confidence]


def _prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _describe_gold(g: GoldEvent) -> str:
    when = g.date_start.isoformat() if g.date_start else "?"
    return f"{g.sub_event_type} | {g.actor1} | {g.location_name or '-'} | {when} | k={g.killed}"


def _describe_pred(e: Event) -> str:
    actor1 = next((a.name for a in e.actors if a.role == "actor1"), None)
    place = e.location.name if e.location else "-"
    when = e.date.start.isoformat() if e.date.start else "?"
    sub = e.acled.sub_event_type if e.acled else None
    return f"{sub} | {actor1} | {place} | {when} | k={e.fatalities.killed} | {e.modality}"


def _evidence_text(article: Article, event: Event) -> str:
    if event.evidence:
        span = event.evidence[0]
        return article.text[span.start:span.end]
    return event.trigger.text


def score_articles(
    articles: Sequence[Article],
    reports: Sequence[ArticleReport],
    gold: dict[str, list[GoldEvent]],
    min_confidence: float = 0.0,
    n_errors: int = 10,
) -> EvalResult:
    """Precision/recall/F1 of new events and, for matches, sub-type/actor1/toll/modality."""
    by_id = {r.article.id: r for r in reports}
    text_by_id = {a.id: a for a in articles}
    matches: list[Match] = []
    errors: list[ErrorCase] = []
    n_pred = n_gold = 0
    as_background = 0
    type_counts: Counter[tuple[str, str]] = Counter()
    sweep: Counter[tuple[float, str]] = Counter()
    for article in articles:
        report = by_id.get(article.id)
        events = gold.get(article.id, [])
        gold_new = [g for g in events if g.status == "new" and g.event_type]
        gold_bg = [g for g in events if g.status != "new" and g.event_type]
        for t in THRESHOLDS:
            preds_t = scored_predictions(report, t) if report else []
            sweep[(t, "pred")] += len(preds_t)
            sweep[(t, "match")] += len(match_events(gold_new, preds_t))
        preds = scored_predictions(report, min_confidence) if report else []
        found = match_events(gold_new, preds)
        matches.extend(found)
        n_pred += len(preds)
        n_gold += len(gold_new)
        for g in gold_new:
            type_counts[(g.event_type or "", "gold")] += 1
        for p in preds:
            type_counts[(p.acled.event_type if p.acled else "", "pred")] += 1
        for m in found:
            type_counts[(m.gold.event_type or "", "match")] += 1
        matched_g = {id(m.gold) for m in found}
        matched_p = {id(m.pred) for m in found}
        missed_p = [p for p in preds if id(p) not in matched_p]
        as_background += len(match_events(gold_bg, missed_p))
        for g in gold_new:
            if id(g) not in matched_g:
                errors.append(ErrorCase(article.id, snippet(g.evidence), _describe_gold(g),
                                        "(missed)"))
        for p in missed_p:
            errors.append(ErrorCase(article.id, snippet(_evidence_text(text_by_id[article.id],
                                                                       p)),
                                    "(no gold new event)", _describe_pred(p), p.confidence))
    precision, recall, f1 = _prf(len(matches), n_pred, n_gold)
    per_type = []
    for label in sorted({k for k, _ in type_counts}):
        p, r, f = _prf(type_counts[(label, "match")], type_counts[(label, "pred")],
                       type_counts[(label, "gold")])
        per_type.append(ClassScore(label, p, r, f, type_counts[(label, "gold")],
                                   type_counts[(label, "pred")]))
    sub_conf = Counter((m.gold.sub_event_type or "", m.pred.acled.sub_event_type)
                       for m in matches if m.pred.acled
                       and m.pred.acled.sub_event_type != m.gold.sub_event_type)
    for m in matches:
        wrong = _match_faults(m)
        if wrong:
            errors.append(ErrorCase(m.gold.article_id, snippet(m.gold.evidence),
                                    _describe_gold(m.gold), _describe_pred(m.pred) + " ✗ "
                                    + ",".join(wrong), m.pred.confidence))
    errors.sort(key=lambda e: -(e.confidence or 0.0))
    sweep_rows = []
    for t in THRESHOLDS:
        p, r, f = _prf(sweep[(t, "match")], sweep[(t, "pred")], n_gold)
        sweep_rows.append({"min_confidence": t, "predicted": sweep[(t, "pred")],
                           "precision": p, "recall": r, "f1": f})
    return EvalResult(
        name="articles",
        n=len(articles),
        metrics={
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "sub_type_right": share(m.pred.acled is not None
                                    and m.pred.acled.sub_event_type == m.gold.sub_event_type
                                    for m in matches),
            "actor1_right": share(_norm(_actor1(m.pred)) == _norm(m.gold.actor1)
                                  for m in matches),
            "toll_right": share(_toll_ok(m) for m in matches),
            "modality_right": share(m.pred.modality == m.gold.modality for m in matches),
            "false_new_that_are_gold_background": (as_background / (n_pred - len(matches))
                                                   if n_pred > len(matches) else None),
        },
        targets=TARGETS,
        per_class=per_type,
        confusions=[(g, p, n) for (g, p), n in sub_conf.most_common(10)],
        errors=errors[:n_errors],
        notes=[
            f"{n_gold} gold new events, {n_pred} predicted new ACLED events, "
            f"{len(matches)} matched (min_confidence={min_confidence})",
            f"match: same ACLED event type, ≤{MAX_KM:g} km when gold has coordinates, "
            f"≤{MAX_DAYS} days when gold has a day or week",
            "per-class table is by ACLED event type; confusions are sub-types among matches",
        ],
        extra_tables={"by_threshold": sweep_rows},
    )


def _actor1(event: Event) -> str | None:
    return next((a.name for a in event.actors if a.role == "actor1"), None)


def _toll_ok(m: Match) -> bool:
    return (m.pred.fatalities.killed == m.gold.killed
            and m.pred.fatalities.injured == m.gold.injured)


def _match_faults(m: Match) -> list[str]:
    faults = []
    if m.pred.acled and m.pred.acled.sub_event_type != m.gold.sub_event_type:
        faults.append("sub-type")
    if _norm(_actor1(m.pred)) != _norm(m.gold.actor1):
        faults.append("actor1")
    if not _toll_ok(m):
        faults.append("toll")
    if m.pred.modality != m.gold.modality:
        faults.append("modality")
    return faults
