"""The merged-event record of CONTRACT.md ("Merged events"): an Event plus who reported it."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from eventcoder.model import Event

Relation = Literal["follows_up", "updates"]


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportRef(_Rec):
    article_id: str
    outlet: str | None = None
    published: date | None = None
    event_id: str


class EvidenceRef(_Rec):
    """A supporting sentence, with the article it is an offset into."""

    article_id: str
    start: int
    end: int
    text: str | None = None


class DisagreeValue(_Rec):
    value: str | int | None
    article_id: str
    outlet: str | None = None


class Disagreement(_Rec):
    field: str
    values: list[DisagreeValue]


class Related(_Rec):
    event_id: str
    relation: Relation


class MergedEvent(Event):
    evidence: list[EvidenceRef] = []  # type: ignore[assignment]  # spans of several articles
    reports: list[ReportRef] = []
    disagreements: list[Disagreement] = []
    related: list[Related] = []
