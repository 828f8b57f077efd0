"""CASE 2021 Task 2: fine-grained event class of a news snippet, scored as ACLED sub-types.

The prediction for a snippet is the sub-type of its highest-confidence event that ACLED codes.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.evaluate.loaders import LabelledText
from eventcoder.evaluate.scorers import (
    ErrorCase,
    EvalResult,
    confident_events,
    per_class_scores,
    share,
    snippet,
    top_confusions,
    top_event,
    weighted_f1,
)
from eventcoder.model import ArticleReport

# CASE 2021's label names for the 25 ACLED sub-types (codebook correspondence, not gold data).
CASE_TO_ACLED: dict[str, str] = {
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "ARMED_CLASH": "Armed clash",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "PEACE_PROTEST": "Peaceful protest",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
ACLED_SUB_TYPES: tuple[str, ...] = tuple(CASE_TO_ACLED.values())

# Labels ACLED does not code: the right answer is "no ACLED event".
NO_EVENT_LABELS = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO"})
# Claims of responsibility or blame: the right reading is claimed/alleged.
ATTRIB_LABEL = "ATTRIB"
CLAIM_MODALITIES = frozenset({"claimed", "alleged"})

TARGETS = {"weighted_f1": 0.88, "no_event_share": 0.85}


def gold_sub_type(label: str) -> str | None:
    """The ACLED sub-type a CASE label stands for, ``None`` for the five non-ACLED labels."""
    return CASE_TO_ACLED.get(label)


def predicted_sub_type(report: ArticleReport, min_confidence: float = 0.0) -> str | None:
    event = top_event(report, lambda e: e.acled is not None, min_confidence)
    return event.acled.sub_event_type if event and event.acled else None


def score_case2021(
    snippets: Sequence[LabelledText],
    reports: Sequence[ArticleReport],
    min_confidence: float = 0.0,
    n_errors: int = 10,
) -> EvalResult:
    """Weighted F1 over the 25 sub-types, no-event share, ATTRIB-as-claim share."""
    gold = [gold_sub_type(s.label) for s in snippets]
    pred = [predicted_sub_type(r, min_confidence) for r in reports]
    scored = [(g, p) for s, g, p in zip(snippets, gold, pred, strict=True)
              if s.label != ATTRIB_LABEL]
    scores = per_class_scores([g for g, _ in scored], [p for _, p in scored], ACLED_SUB_TYPES)
    no_event = share(
        p is None for s, p in zip(snippets, pred, strict=True) if s.label in NO_EVENT_LABELS
    )
    attrib = share(
        any(e.modality in CLAIM_MODALITIES for e in confident_events(r, min_confidence))
        for s, r in zip(snippets, reports, strict=True)
        if s.label == ATTRIB_LABEL
    )
    acled_gold = [(g, p) for g, p in zip(gold, pred, strict=True) if g is not None]
    any_event = share(p is not None for _, p in acled_gold)
    shown_gold = [g if g is not None else f"[{s.label}]" for s, g in zip(snippets, gold,
                                                                         strict=True)]
    wrong = []
    for s, g, p, r in zip(snippets, shown_gold, pred, reports, strict=True):
        if s.label == ATTRIB_LABEL or g == p or (p is None and s.label in NO_EVENT_LABELS):
            continue
        top = top_event(r, lambda e: e.acled is not None, min_confidence)
        wrong.append(ErrorCase(s.id, snippet(s.text), g, p or "(none)",
                               top.confidence if top else None))
    wrong.sort(key=lambda e: -(e.confidence or 0.0))
    return EvalResult(
        name="case2021",
        n=len(snippets),
        metrics={
            "weighted_f1": weighted_f1(scores),
            "no_event_share": no_event,
            "attrib_claim_share": attrib,
            "acled_snippets_with_event": any_event,
        },
        targets=TARGETS,
        per_class=scores,
        confusions=top_confusions([g for g, _ in scored], [p for _, p in scored]),
        errors=wrong[:n_errors],
        notes=[
            "prediction = sub-type of the highest-confidence event ACLED codes",
            "weighted F1 over the 25 ACLED sub-types; a sub-type predicted on a disaster, "
            "crime or diplomacy snippet counts against precision; ATTRIB snippets (claims "
            "about a codable attack) are scored only by attrib_claim_share",
            f"no_event_share: {sorted(NO_EVENT_LABELS)} snippets with no ACLED event",
            "attrib_claim_share: ATTRIB snippets with any event read as claimed/alleged",
        ],
    )
