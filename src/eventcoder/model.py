"""The report contract (../shared/CONTRACT.md) as pydantic models.

These classes *are* the documentation of eventcoder's output: every other package builds or
reads them, and this module imports nothing of ours. Unknown values are ``None``, never a guess.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "eventcoder.report/1"

Modality = Literal[
    "asserted",
    "claimed",
    "reported",
    "alleged",
    "denied",
    "threatened",
    "planned",
    "hypothetical",
    "negated",
]
Status = Literal["new", "background"]
ActorRole = Literal["actor1", "actor2", "assoc_actor1", "assoc_actor2"]
ActorKind = Literal[
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other",
]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Qualifier = Literal["exact", "at least", "at most", "about", "vague"]
SourceRole = Literal[
    "publisher", "claimant", "relay", "original", "anonymous", "official", "witness", "monitor"
]
FigureKind = Literal["killed", "injured", "displaced", "money", "count"]
FigureScope = Literal["event", "cumulative", "unknown"]
FramingKind = Literal["partisan_name", "loaded", "euphemism", "doubt"]


class Record(BaseModel):
    """Base: forbid silent typos in field names, keep JSON output stable."""

    model_config = ConfigDict(extra="forbid")


class Mention(Record):
    """Words in the article text: ``text == article.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Span(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(Record):
    """One input document as read, before any NLP."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = "en"
    sha256: str = ""


class ArticleMeta(Record):
    """The ``article`` block of a report: the article without its text."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    sha256: str


class Acled(Record):
    event_type: str
    sub_event_type: str
    disorder_type: str
    civilian_targeting: bool = False


class Plover(Record):
    event_type: str
    mode: str | None = None
    # ISO alpha-3 country of PLOVER's recipient: the acted-on actor's, or, when the text names
    # none, the country where a material act lands (see ``assemble.report._recipient_country``).
    # PLOVER only: ACLED's actor2 is never filled from a place.
    recipient_country: str | None = None


class Actor(Record):
    role: ActorRole
    name: str
    mention: Mention | None = None
    country: str | None = None
    kind: ActorKind | None = None


class Target(Record):
    text: str
    start: int
    end: int
    kind: str | None = None


class Location(Record):
    name: str
    mention: Mention | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    geo_precision: Literal[1, 2, 3] | None = None


class When(Record):
    start: date | None = None
    end: date | None = None
    precision: DatePrecision = "unknown"
    mention: Mention | None = None


class Toll(Record):
    killed: int | None = None
    injured: int | None = None
    qualifier: Qualifier | None = None
    mention: Mention | None = None


class Source(Record):
    name: str
    role: SourceRole
    channel: str | None = None


class Event(Record):
    id: str
    status: Status = "new"
    modality: Modality = "asserted"
    acled: Acled | None = None
    plover: Plover | None = None
    cameo: str | None = None
    trigger: Mention
    actors: list[Actor] = []
    target: Target | None = None
    location: Location | None = None
    date: When = When()
    fatalities: Toll = Toll()
    sources: list[Source] = []
    evidence: list[Span] = []
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Figure(Record):
    kind: FigureKind
    value: float
    qualifier: Qualifier | None = None
    unit: str | None = None
    scope: FigureScope = "unknown"
    about: str | None = None
    place: str | None = None
    since: date | None = None
    attributed_to: str | None = None
    mention: Mention


class Framing(Record):
    text: str
    start: int
    end: int
    kind: FramingKind
    refers_to: str | None = None
    neutral: str | None = None


class Headline(Record):
    """The act an article's title names: a headline states the story's main event, so this is
    the article's document-level event type. ``event`` is the id of the body's event that is
    this act, when the body reports one of the same PLOVER type."""

    text: str
    plover: Plover
    cameo: str | None = None
    modality: Modality = "asserted"
    event: str | None = None


class ArticleReport(Record):
    schema_: str = Field(default=SCHEMA, alias="schema")
    article: ArticleMeta
    headline: Headline | None = None  # null when there is no title or it names no act
    events: list[Event] = []
    figures: list[Figure] = []
    framing: list[Framing] = []
    warnings: list[str] = []

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict:
        """The contract's JSON shape (``schema`` spelled as in CONTRACT.md)."""
        return self.model_dump(mode="json", by_alias=True)
