"""The multi-outlet merge set (tests/data/multi_outlet): loader, gold pairing, sanity checks.

The loader is imported by test_merge*.py and benchmarks/ingest_merge.py."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from eventcoder.model import (
    Acled,
    Actor,
    Article,
    ArticleMeta,
    ArticleReport,
    Event,
    Location,
    Mention,
    Source,
    Span,
    Toll,
    When,
)
from eventcoder.pipeline import sha256_text

SET = Path(__file__).parent / "data" / "multi_outlet" / "reports.yaml"
# Written before any result on it was seen; measures the merger, never tunes it.
HELDOUT = Path(__file__).parent / "data" / "multi_outlet_heldout" / "reports.yaml"
DISORDER = {"Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


def _find(text: str, words: str) -> Mention:
    start = text.index(words)
    return Mention(text=words, start=start, end=start + len(words))


def _event(text: str, spec: dict) -> Event:
    etype, sub = spec["type"]
    actors = [
        Actor(role=role, name=spec[role][0], kind=spec[role][1], country=spec[role][2])
        for role in ("actor1", "actor2")
        if role in spec
    ]
    place = spec.get("place")
    when = spec.get("date")
    evidence = _find(text, spec["evidence"])
    return Event(
        id=spec["id"],
        status=spec.get("status", "new"),
        modality=spec.get("modality", "asserted"),
        acled=Acled(
            event_type=etype,
            sub_event_type=sub,
            disorder_type=DISORDER.get(etype, "Political violence"),
            civilian_targeting=spec.get("actor2", [None, None])[1] == "Civilians",
        ),
        trigger=_find(text, spec["trigger"]),
        actors=actors,
        location=Location(
            name=place[0], lat=place[1], lon=place[2], country=place[3], geo_precision=place[4]
        )
        if place
        else None,
        date=When(start=date.fromisoformat(str(when[0])), precision=when[1]) if when else When(),
        fatalities=Toll(killed=spec.get("killed"), injured=spec.get("injured")),
        sources=[Source(name=n, role=r) for n, r in spec.get("sources", [])],
        evidence=[Span(start=evidence.start, end=evidence.end)],
    )


def load_set(
    path: Path = SET,
) -> tuple[list[Article], list[ArticleReport], dict[tuple[str, str], str]]:
    """(articles, hand-coded reports, gold story per (article_id, event_id))."""
    articles, reports, gold = [], [], {}
    for item in yaml.safe_load(path.read_text()):
        text = item["text"]
        art = Article(
            id=item["id"],
            text=text,
            outlet=item["outlet"],
            published=item["published"],
            sha256=sha256_text(text),
        )
        meta = ArticleMeta(**art.model_dump(exclude={"text"}))
        events = [_event(text, e) for e in item["events"]]
        for e in item["events"]:
            gold[(item["id"], e["id"])] = e["story"]
        articles.append(art)
        reports.append(ArticleReport(article=meta, events=events))
    return articles, reports, gold


def pairwise(clusters: list[set[tuple[str, str]]], gold: dict[tuple[str, str], str]):
    """Pairwise precision and recall of ``clusters`` (sets of (article_id, event_id))."""
    predicted = {frozenset(p) for c in clusters for p in combinations(sorted(c), 2)}
    keys = sorted(gold)
    true = {frozenset(p) for p in combinations(keys, 2) if gold[p[0]] == gold[p[1]]}
    tp = len(predicted & true)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(true) if true else 1.0
    return precision, recall, predicted - true, true - predicted


@pytest.mark.parametrize("path", [SET, HELDOUT], ids=["tuning", "heldout"])
def test_every_hand_coded_event_points_into_its_article_text(path):
    articles, reports, gold = load_set(path)
    for art, rep in zip(articles, reports, strict=True):
        for ev in rep.events:
            assert art.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
            assert all(0 <= s.start < s.end <= len(art.text) for s in ev.evidence)


@pytest.mark.parametrize("path", [SET, HELDOUT], ids=["tuning", "heldout"])
def test_the_set_has_multi_outlet_stories_and_single_report_negatives(path):
    _, reports, gold = load_set(path)
    sizes: dict[str, int] = {}
    for story in gold.values():
        sizes[story] = sizes.get(story, 0) + 1
    outlets = {r.article.outlet for r in reports}
    assert sum(1 for n in sizes.values() if n >= 2) >= 10
    assert sum(1 for n in sizes.values() if n == 1) >= 4
    assert len(outlets) >= 10


SHELL = ["Explosions/Remote violence", "Shelling/artillery/missile attack"]
KASSALA = ["Kassala", 15.4510, 36.4000, "SDN", 1]


def hand_report(id: str, outlet: str, text: str, **event) -> tuple[Article, ArticleReport]:
    """One article with one hand-coded event (fields as in reports.yaml)."""
    art = Article(id=id, text=text, outlet=outlet, published=date(2024, 9, 3),
                  sha256=sha256_text(text))  # fmt: skip
    spec = {"id": "e1", "type": SHELL, "place": KASSALA, "date": ["2024-09-02", "day"], **event}
    meta = ArticleMeta(**art.model_dump(exclude={"text"}))
    return art, ArticleReport(article=meta, events=[_event(text, spec)])


def background_first() -> list[tuple[Article, ArticleReport]]:
    """A look back at an attack, read before the first report of the attack itself."""
    back = "Mourners in Kassala buried the victims of Monday's mortar attack on the bus station."
    news = "Mortar rounds hit the bus station in Kassala on Monday, killing four travellers."
    return [
        hand_report("vg-kassala", "Valley Gazette", back, status="background",
                    trigger="mortar attack", evidence=back),
        hand_report("hw-kassala", "Horn Wire", news, trigger="Mortar rounds hit", evidence=news,
                    killed=4),
    ]  # fmt: skip
