"""Each loader reads its shared gold file (skipped when ../shared/data is absent)."""

import pytest

from eventcoder.evaluate.case2021 import ATTRIB_LABEL, CASE_TO_ACLED, NO_EVENT_LABELS
from eventcoder.evaluate.loaders import (
    load_article_gold,
    load_case2021,
    load_jsonl_articles,
    load_plover,
    load_synthetic,
    shared_data_dir,
)
from eventcoder.evaluate.plover import PLOVER_TYPES, harmonise_type

DATA = shared_data_dir()
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent"),
]


def test_case2021_labels_are_all_known():
    snippets = load_case2021(DATA / "case2021" / "task2_dev.tsv")
    assert len(snippets) > 400
    known = set(CASE_TO_ACLED) | NO_EVENT_LABELS | {ATTRIB_LABEL}
    assert {s.label for s in snippets} <= known
    assert all(s.text.strip() for s in snippets)


def test_plover_skips_the_documentation_record_and_maps_every_type():
    records = load_plover(DATA / "plover" / "PLOVER_GSR_CAMEO.json.txt")
    assert len(records) > 300
    assert all(r.event != "DOCUMENT" for r in records)
    assert {harmonise_type(r.event) for r in records} <= set(PLOVER_TYPES)
    assert any(r.dead is not None for r in records)


def test_synthetic_reads_a_limited_sample_with_labels():
    stories = load_synthetic(DATA / "synthetic-news" / "ngec_synthetic_stories.csv", limit=50)
    assert len(stories) == 50
    assert {harmonise_type(s.label) for s in stories} <= set(PLOVER_TYPES)


def test_guardian_articles_and_gold_share_ids():
    articles = load_jsonl_articles(DATA / "guardian-dev" / "articles.jsonl")
    gold = load_article_gold(DATA / "guardian-dev" / "gold.jsonl")
    assert {a.id for a in articles} >= set(gold)
    assert all(a.published is not None for a in articles)
    events = [e for evs in gold.values() for e in evs]
    assert any(e.status == "new" for e in events)
    assert all(e.evidence for e in events)


def test_synthetic_limit_samples_across_the_label_sorted_file():
    stories = load_synthetic(DATA / "synthetic-news" / "ngec_synthetic_stories.csv", limit=200)
    assert len({s.label for s in stories}) >= 12
