"""Load a gold set, run the pipeline over it once (batched), score: what CLI and benchmarks call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.progress import track

from eventcoder.evaluate.articles import score_articles
from eventcoder.evaluate.case2021 import score_case2021
from eventcoder.evaluate.loaders import (
    as_articles,
    load_article_gold,
    load_case2021,
    load_jsonl_articles,
    load_plover,
    load_synthetic,
)
from eventcoder.evaluate.plover import score_plover
from eventcoder.evaluate.scorers import EvalResult
from eventcoder.evaluate.synthetic import score_synthetic
from eventcoder.model import Article, ArticleReport
from eventcoder.nlp import DEFAULT_MODEL
from eventcoder.pipeline import DEFAULT_MIN_CONFIDENCE, extract_articles


def predict(
    articles: Sequence[Article], model: str = DEFAULT_MODEL, progress: bool = False
) -> list[ArticleReport]:
    """Reports for every article, in order, with one model load."""
    reports = extract_articles(articles, model=model, min_confidence=0.0)
    if progress:
        reports = track(reports, total=len(articles), description="extracting", transient=True)
    return list(reports)


def _run_labelled(
    load: Callable[[str | Path, int | None], list],
    score: Callable[..., EvalResult],
    path: str | Path,
    model: str = DEFAULT_MODEL,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    n_errors: int = 10,
    limit: int | None = None,
    progress: bool = False,
) -> EvalResult:
    gold = load(path, limit)
    reports = predict(as_articles(gold), model, progress)
    return score(gold, reports, min_confidence, n_errors)


def run_case2021(path: str | Path, **options) -> EvalResult:
    return _run_labelled(lambda p, n: load_case2021(p)[:n], score_case2021, path, **options)


def run_plover(path: str | Path, **options) -> EvalResult:
    return _run_labelled(lambda p, n: load_plover(p)[:n], score_plover, path, **options)


def run_synthetic(path: str | Path, **options) -> EvalResult:
    return _run_labelled(load_synthetic, score_synthetic, path, **options)


def run_articles(
    articles_path: str | Path,
    gold_path: str | Path,
    model: str = DEFAULT_MODEL,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    n_errors: int = 10,
    limit: int | None = None,
    progress: bool = False,
) -> EvalResult:
    articles = load_jsonl_articles(articles_path)[:limit]
    gold = load_article_gold(gold_path)
    reports = predict(articles, model, progress)
    return score_articles(articles, reports, gold, min_confidence, n_errors)
