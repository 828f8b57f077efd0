"""A place carried over from the sentence before: "Russia launched 40 drones at Kharkiv
overnight. Air defences shot down most of them." The second act names no place, but a report
that goes straight on without naming another place or opening another thread is still telling
the same story, so the act is where the one told just before it was (near it: precision 2).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from eventcoder.assemble.within import Group
from eventcoder.kb.loader import load_yaml
from eventcoder.readers.hits import PlaceHit
from eventcoder.readers.triggers import lexicon


@lru_cache(maxsize=1)
def _new_thread() -> tuple[str, ...]:
    story = load_yaml("triggers").get("story") or {}
    return tuple(str(w).lower() for w in story.get("new_thread") or ())


def opens_new_thread(sent: Span) -> bool:
    """ "Elsewhere, ...", "Meanwhile, ...": the sentence turns to another part of the story."""
    head = sent.text.lstrip().lower()
    return any(head.startswith(w) and not head[len(w):len(w) + 1].isalpha()
               for w in _new_thread())


def _pluperfect(verb: Token) -> bool:
    """ "Troops had pushed in days ago"; not the tense shifted back by reported speech
    ("said troops had taken control of the town")."""
    if verb.dep_ == "ccomp":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _names_other_place(sent: Span, places: list[PlaceHit]) -> bool:
    """A town or region named in the sentence (a country there is as often who speaks or where
    a source is based: "the Britain-based Observatory said")."""
    return any(sent.start_char <= p.start < sent.end_char and not p.is_country for p in places)


INDEFINITE = ("a ", "an ", "another ")


def another_place(group: Group) -> bool:
    """ "Soldiers have also seized a town in the east": an act on a place it leaves unnamed is
    not at the place the story has named so far."""
    places = lexicon().territory_nouns
    return any(m.target is not None and (m.target.kind or "").lower() in places
               and m.target.text.lower().startswith(INDEFINITE) for m in group.members)


def record(told_at: dict[int, PlaceHit], group: Group, place: PlaceHit | None) -> None:
    """Note where a new act was told, by the token each of its sentences ends at (a town or
    site: a country or region says too little to hand on)."""
    if place is not None and group.lead.trigger.acled_type is not None and (
            not place.is_country and (place.geo_precision or 3) < 3):
        for member in group.members:
            told_at.setdefault(member.sent.end, place)


def carried_place(group: Group, told_at: dict[int, PlaceHit],
                  places: list[PlaceHit]) -> PlaceHit | None:
    """The place a placeless act takes from the new act told in the sentence before, if any
    (history told before it carries nothing: the sentence may go on with the history)."""
    if group.place is not None or group.lead.trigger.acled_type is None:
        return None
    if all(m.bare_plural or m.perfect_habitual or m.ongoing for m in group.members):
        return None  # "have been tortured in their thousands": a generalisation, not one act
    if all(_pluperfect(m.head) for m in group.members):
        return None  # "Troops had pushed into the area days ago": before the story, not in it
    sent = group.members[0].sent
    before = told_at.get(sent.start)
    if before is None or opens_new_thread(sent):
        return None
    if group.country is not None and group.country != before.country:
        return None
    return None if _names_other_place(sent, places) else before
