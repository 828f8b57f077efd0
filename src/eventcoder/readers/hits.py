"""What readers find in a Doc, before events are assembled.

Each reader is a spaCy component that stores a list of one of these on a ``Doc._`` extension
(names in ``EXTENSIONS``). They are plain dataclasses over character offsets into ``doc.text``
so that ``assemble`` can link them without knowing how each was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc


@dataclass(slots=True)
class TriggerHit:
    """Words that express an event, with its codes from kb/triggers.yaml."""

    start: int
    end: int
    text: str
    lemma: str
    acled_type: str | None  # ACLED event_type, None for events ACLED does not code
    acled_sub: str | None  # ACLED sub_event_type
    plover: str  # PLOVER event type (ASSAULT, PROTEST, AID, THREATEN, ...)
    plover_mode: str | None
    cameo: str | None
    weapon: str | None = None  # drone/aircraft/rocket/... when the trigger names the means
    weight: float = 1.0  # how strongly the words signal an event (0..1)
    negated: bool = False


@dataclass(slots=True)
class ActorHit:
    """A mention of a known (or generic) actor resolved through kb/actors.yaml."""

    start: int
    end: int
    text: str
    name: str  # canonical name, e.g. "Military Forces of Israel"
    country: str | None  # ISO 3166-1 alpha-3
    kind: str | None  # ACLED actor type ("State forces", ...)
    partisan: bool = False  # the surface form is a loaded/partisan name
    is_media: bool = False  # an outlet (relay), not a belligerent
    generic: bool = False  # "gunmen", "protesters": a type, not a named group


@dataclass(slots=True)
class PlaceHit:
    """A toponym in the text and its resolved gazetteer entry (None fields when unresolved)."""

    start: int
    end: int
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # alpha-3
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    feature: str | None = None  # e.g. "PPL", "ADM1", "PCLI", "PRT", "AIRB", "GASF"
    geo_precision: int | None = None  # 1, 2, 3 as ACLED
    is_country: bool = False
    score: float = 0.0


@dataclass(slots=True)
class TimeHit:
    """A time expression resolved against the publication date."""

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    precision: str  # day | week | month | year | unknown
    relation: str = "point"  # point | since | until | duration
    is_past: bool = True


@dataclass(slots=True)
class NumberHit:
    """A number about people or money: a toll, a count, a sum."""

    start: int
    end: int
    text: str
    kind: str  # killed | injured | displaced | money | count | arrested | kidnapped
    value: float
    qualifier: str  # exact | at least | at most | about | vague
    unit: str | None = None
    scope: str = "unknown"  # event | cumulative | unknown
    about: str | None = None
    since: date | None = None


@dataclass(slots=True)
class CueHit:
    """Attribution, modality and status cues: who says so, how sure, new or background."""

    start: int
    end: int
    text: str
    kind: str  # modality | source | channel | background | new
    value: str  # e.g. "claimed", "anonymous", "Telegram", "history"
    source_name: str | None = None
    source_role: str | None = None


@dataclass(slots=True)
class FramingHit:
    start: int
    end: int
    text: str
    kind: str  # partisan_name | loaded | euphemism | doubt
    refers_to: str | None = None
    neutral: str | None = None


@dataclass(slots=True)
class DocContext:
    """Article metadata the readers may use (publication date, outlet, title)."""

    published: date | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict)
    text: str | None = None  # the article text (spaCy rebuilds doc.text on every access)
    title: str | None = None  # the headline, read for the story's main act


EXTENSIONS: dict[str, object] = {
    "ec_context": None,
    "ec_triggers": None,
    "ec_actors": None,
    "ec_places": None,
    "ec_times": None,
    "ec_numbers": None,
    "ec_cues": None,
    "ec_framing": None,
    "ec_headline": None,
}


def register_extensions() -> None:
    """Declare the Doc extensions once per process (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def hits(doc: Doc, name: str) -> list:
    """The list a reader stored, or an empty list when it did not run."""
    value = getattr(doc._, name)
    return value if value is not None else []


def context(doc: Doc) -> DocContext:
    return doc._.ec_context or DocContext()


def doc_text(doc: Doc) -> str:
    """The text the Doc was made from, without spaCy re-joining every token."""
    ctx = doc._.ec_context
    if ctx is not None and ctx.text is not None:
        return ctx.text
    return doc.text
