"""PLOVER gold-standard records: event type, source/target country and casualty counts.

The GSR predates PLOVER's current 16 types; its older names are mapped to today's (codebook
correspondence) and its CAMEO-style country codes to ISO 3166-1 alpha-3 before comparing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pycountry

from eventcoder.evaluate.loaders import PloverRecord
from eventcoder.evaluate.scorers import (
    ErrorCase,
    EvalResult,
    accuracy,
    per_class_scores,
    share,
    snippet,
    top_confusions,
    top_event,
)
from eventcoder.model import ArticleReport, Event

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# Older PLOVER (GSR 0.5) names folded into the current 16 types.
LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO country codes that differ from ISO alpha-3; CAMEO group codes (IGO, NGO, ...) stay as is.
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

TARGETS = {"event_type_accuracy": 0.85, "source_match": 0.80, "target_match": 0.80,
           "toll_accuracy": 0.90}


def harmonise_type(event: str) -> str:
    name = event.strip().upper()
    return LEGACY_TYPES.get(name, name)


def iso3(code: str) -> str | None:
    """An ISO alpha-3 country code for a CAMEO/ISO code, ``None`` for non-country codes."""
    code = CAMEO_TO_ISO3.get(code.upper(), code.upper())
    return code if pycountry.countries.get(alpha_3=code) is not None else None


def gold_countries(codes: Sequence[str]) -> set[str]:
    return {c for c in (iso3(code) for code in codes) if c}


def _actor_country(event: Event | None, roles: tuple[str, ...]) -> str | None:
    if event is None:
        return None
    for actor in event.actors:
        if actor.role in roles and actor.country:
            return actor.country.upper()
    return None


def recipient_country(event: Event | None) -> str | None:
    """PLOVER's recipient: the event's ``plover.recipient_country`` (the acted-on actor's, or
    the place's for a material act with no one named), else actor2's country."""
    if event is not None and event.plover is not None and event.plover.recipient_country:
        return event.plover.recipient_country.upper()
    return _actor_country(event, ("actor2", "assoc_actor2"))


def score_plover(
    records: Sequence[PloverRecord],
    reports: Sequence[ArticleReport],
    min_confidence: float = 0.0,
    n_errors: int = 10,
) -> EvalResult:
    """Event-type accuracy, actor country match and toll agreement on PLOVER GSR sentences."""
    tops = [top_event(r, lambda e: e.plover is not None, min_confidence) for r in reports]
    gold = [harmonise_type(rec.event) for rec in records]
    pred = [t.plover.event_type.upper() if t and t.plover else None for t in tops]
    scores = per_class_scores(gold, pred, PLOVER_TYPES)

    source_hits, target_hits = [], []
    for rec, top in zip(records, tops, strict=True):
        src, tgt = gold_countries(rec.source_codes), gold_countries(rec.target_codes)
        if src:
            source_hits.append(_actor_country(top, ("actor1", "assoc_actor1")) in src)
        if tgt:
            target_hits.append(recipient_country(top) in tgt)

    # Tolls: ours is the top event's count; gold null and ours null agree.
    pred_killed = [t.fatalities.killed if t else None for t in tops]
    pred_injured = [t.fatalities.injured if t else None for t in tops]
    toll_ok = [
        rec.dead == k and rec.injured == i
        for rec, k, i in zip(records, pred_killed, pred_injured, strict=True)
    ]
    dead_stated = [(rec.dead, k) for rec, k in zip(records, pred_killed, strict=True)
                   if rec.dead is not None]
    injured_stated = [(rec.injured, i) for rec, i in zip(records, pred_injured, strict=True)
                      if rec.injured is not None]

    errors = [
        ErrorCase(rec.id, snippet(rec.text), g, p or "(none)", t.confidence if t else None)
        for rec, g, p, t in zip(records, gold, pred, tops, strict=True)
        if g != p
    ]
    errors.sort(key=lambda e: -(e.confidence or 0.0))
    return EvalResult(
        name="plover",
        n=len(records),
        metrics={
            "event_type_accuracy": accuracy(gold, pred),
            "source_match": share(source_hits),
            "target_match": share(target_hits),
            "toll_accuracy": share(toll_ok),
            "dead_exact_when_stated": share(g == p for g, p in dead_stated),
            "injured_exact_when_stated": share(g == p for g, p in injured_stated),
            "no_event_predicted": share(p is None for p in pred),
        },
        targets=TARGETS,
        per_class=scores,
        confusions=top_confusions(gold, pred),
        errors=errors[:n_errors],
        notes=[
            "prediction = highest-confidence event with a PLOVER type",
            f"legacy GSR types mapped: {LEGACY_TYPES}",
            f"source/target: ISO3 of our actor1 / PLOVER recipient (actor2, or the place of a "
            f"material act with no one named) in the gold country codes; "
            f"{len(source_hits)} records with a gold source country, {len(target_hits)} with a "
            "target country (IGO/NGO codes not scored)",
            f"toll_accuracy: killed and injured both agree (null = null) over all records; "
            f"{len(dead_stated)} records state dead, {len(injured_stated)} injured",
        ],
    )
