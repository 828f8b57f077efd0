"""One article's event as the merger sees it: the event, who published it, and its sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventcoder.model import ArticleMeta, ArticleReport, Event

if TYPE_CHECKING:  # datasketch takes a second to import: only merging pays for it
    from datasketch import MinHash

NUM_PERM = 64
_WORD = re.compile(r"\w+")
# Events that did not (yet) happen are never merged into the record of what happened.
UNREAL = {"negated", "hypothetical"}
NOT_OCCURRED = {"threatened", "planned"}


@dataclass(slots=True)
class MentionRecord:
    article_id: str
    sha256: str
    outlet: str | None
    published: date | None
    event: Event
    evidence: list[str] = field(default_factory=list)  # text of each event.evidence span
    _minhash: MinHash | None = field(default=None, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.sha256, self.event.id)

    @property
    def evidence_text(self) -> str:
        return " ".join(self.evidence)

    @property
    def kind(self) -> str | None:
        return event_kind(self.event)

    @property
    def occurred(self) -> bool:
        return self.event.modality not in NOT_OCCURRED

    def day_range(self) -> tuple[date, date] | None:
        """The days the event may fall on; the publication day stands in for a missing date."""
        when = self.event.date
        if when.start is not None:
            return when.start, when.end or when.start
        if self.published is not None:
            return self.published - timedelta(days=1), self.published
        return None

    def minhash(self) -> MinHash:
        if self._minhash is None:
            from datasketch import MinHash

            words = _WORD.findall(self.evidence_text.lower())
            shingles = {" ".join(words[i : i + 3]).encode() for i in range(max(len(words) - 2, 0))}
            mh = MinHash(num_perm=NUM_PERM, seed=7)
            if shingles:
                mh.update_batch(list(shingles))
            self._minhash = mh
        return self._minhash


def event_kind(event: Event) -> str | None:
    """Block key: the ACLED type when ACLED codes the event, else its PLOVER type."""
    if event.acled is not None:
        return event.acled.event_type
    return event.plover.event_type if event.plover is not None else None


def evidence_texts(event: Event, text: str | None) -> list[str]:
    """The sentences that support ``event``, one per evidence span (empty without the text)."""
    return [text[s.start : s.end] for s in event.evidence] if text else []


def records_from_report(report: ArticleReport, text: str | None = None) -> list[MentionRecord]:
    """The mergeable events of one report (negated and hypothetical ones are left out)."""
    meta: ArticleMeta = report.article
    return [
        MentionRecord(
            article_id=meta.id,
            sha256=meta.sha256,
            outlet=meta.outlet,
            published=meta.published,
            event=ev,
            evidence=evidence_texts(ev, text),
        )
        for ev in report.events
        if ev.modality not in UNREAL
    ]
