"""One act told across a report: restatements, tolls, interceptions and places that belong to
the act told just before, and the weapon words that decide its sub-type.

Sentences written for these tests (wire style), not taken from any gold set.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.model import Event
from eventcoder.pipeline import extract_articles, make_article

TEXTS = {
    "cluster_fired": "Cluster bombs hit several villages near Kafranbel on Sunday.",
    "cluster_jets": "Warplanes struck the town with cluster bombs on Sunday, killing four people.",
    "cluster_munitions": ("Cluster munitions fired by government forces struck a school in "
                          "Kafranbel on Sunday."),
    "roadside": "A roadside bomb hit a patrol near Kafranbel on Sunday.",
}


@pytest.fixture(scope="module")
def events() -> dict[str, list[Event]]:
    articles = [make_article(text, id=key, published=date(2024, 3, 13))
                for key, text in TEXTS.items()]
    return {r.article.id: [e for e in r.events if e.acled is not None]
            for r in extract_articles(articles, min_confidence=0.0)}


def subs(found: list[Event]) -> list[str]:
    return [e.acled.sub_event_type for e in found if e.acled is not None]


@pytest.mark.parametrize(("key", "expected"), [
    ("cluster_fired", "Shelling/artillery/missile attack"),
    ("cluster_jets", "Air/drone strike"),
    ("cluster_munitions", "Shelling/artillery/missile attack"),
    ("roadside", "Remote explosive/landmine/IED"),
])
def test_cluster_munitions_are_coded_by_their_delivery_not_as_planted_devices(
        events, key, expected):
    assert subs(events[key]) == [expected]
