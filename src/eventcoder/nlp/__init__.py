"""Loads the spaCy pipeline once per process and adds eventcoder's readers to it."""

from eventcoder.nlp.pipeline import DEFAULT_MODEL, READERS, load_pipeline, make_docs

__all__ = ["DEFAULT_MODEL", "READERS", "load_pipeline", "make_docs"]
