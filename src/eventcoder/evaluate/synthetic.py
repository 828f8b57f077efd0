"""NGEC synthetic stories: document-level PLOVER type and mode.

The document's label is the act its headline names (``report.headline``); with no title, or a
title that names no act, the PLOVER type of its lead event (the first event named in the first
sentence that reports one). The mode is scored where gold has one.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.evaluate.loaders import LabelledText
from eventcoder.evaluate.plover import PLOVER_TYPES, harmonise_type
from eventcoder.evaluate.scorers import (
    ErrorCase,
    EvalResult,
    accuracy,
    lead_event,
    macro_f1,
    per_class_scores,
    snippet,
    top_confusions,
)
from eventcoder.model import ArticleReport, Plover

# Spelling variants in the NGEC labels, normalised to the PLOVER codebook's mode names; the
# codebook's COERCE mode for "impose state of emergency or martial law" is called curfew.
MODE_SPELLING = {"primative": "primitive", "sieze": "seize", "martial-law": "curfew"}

TARGETS = {"type_accuracy": 0.85}


def normalise_mode(mode: str | None) -> str | None:
    if not mode:
        return None
    m = mode.strip().lower()
    return MODE_SPELLING.get(m, m)


def document_plover(report: ArticleReport, min_confidence: float = 0.0
                    ) -> tuple[Plover | None, float | None]:
    """The story's event type: its headline's act, else its lead event's (with confidence)."""
    if report.headline is not None:
        return report.headline.plover, None
    top = lead_event(report, lambda e: e.plover is not None, min_confidence)
    return (top.plover, top.confidence) if top is not None else (None, None)


def score_synthetic(
    stories: Sequence[LabelledText],
    reports: Sequence[ArticleReport],
    min_confidence: float = 0.0,
    n_errors: int = 10,
) -> EvalResult:
    """Type accuracy and macro F1 (the NGEC anchor's metric), mode accuracy where gold has one."""
    tops = [document_plover(r, min_confidence) for r in reports]
    gold = [harmonise_type(s.label) for s in stories]
    pred = [p.event_type.upper() if p else None for p, _ in tops]
    scores = per_class_scores(gold, pred, PLOVER_TYPES)
    with_mode = [
        (normalise_mode(s.mode), normalise_mode(p.mode) if p else None)
        for s, (p, _) in zip(stories, tops, strict=True)
        if s.mode
    ]
    errors = [
        ErrorCase(s.id, snippet(f"{s.title} | {s.text}" if s.title else s.text),
                  f"{g}/{s.mode or '-'}", f"{p}/{t.mode or '-'}" if t else "(none)", conf)
        for s, g, p, (t, conf) in zip(stories, gold, pred, tops, strict=True)
        if g != p
    ]
    errors.sort(key=lambda e: -(e.confidence or 0.0))
    return EvalResult(
        name="synthetic",
        n=len(stories),
        metrics={
            "type_accuracy": accuracy(gold, pred),
            "type_macro_f1": macro_f1(scores),
            "mode_accuracy": accuracy([g for g, _ in with_mode], [p for _, p in with_mode]),
            "no_event_predicted": sum(p is None for p in pred) / len(pred) if pred else None,
        },
        targets=TARGETS,
        per_class=scores,
        confusions=top_confusions(gold, pred),
        errors=errors[:n_errors],
        notes=[
            "document label = the act the headline names; without one, the PLOVER type of "
            "the lead event (first sentence with an event; its first-named event)",
            f"mode accuracy over the {len(with_mode)} stories whose gold has a mode",
        ],
    )
