"""Builds the ArticleReport from a processed Doc (being written: events come next)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventcoder.model import Article, ArticleMeta, ArticleReport


def article_meta(article: Article) -> ArticleMeta:
    return ArticleMeta(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        language=article.language,
        sha256=article.sha256,
    )


def assemble_report(article: Article, doc: Doc) -> ArticleReport:
    return ArticleReport(article=article_meta(article))
