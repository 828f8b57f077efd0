"""A place carried over from the act told beside: "Russia launched 40 drones at Kharkiv
overnight. Air defences shot down most of them." The second act names no place, but a report
that goes straight on without naming another place or opening another thread is still telling
the same story, so the act is where the one told just before it (or in its own sentence) was:
near it, precision 2. Only the last resort before the article's dominant place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventcoder.assemble.link import Candidate
from eventcoder.assemble.within import (
    REMOTE,
    SAME_PLACE_KM,
    Group,
    distance_km,
    is_interception,
    place_noun,
    story_words,
)
from eventcoder.geo.resolve import site_heads
from eventcoder.model import Event
from eventcoder.readers.hits import PlaceHit, TimeHit


def opens_new_thread(sent: Span) -> bool:
    """ "Elsewhere, ...", "Meanwhile, ...": the sentence turns to another part of the story."""
    head = sent.text.lstrip().lower()
    return any(head.startswith(w) and not head[len(w):len(w) + 1].isalpha()
               for w in story_words().get("new_thread", ()))


def _pluperfect(verb: Token) -> bool:
    """ "Troops had pushed in days ago"; not the tense shifted back by reported speech
    ("said troops had taken control of the town")."""
    if verb.dep_ == "ccomp":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _indefinite(member: Candidate) -> bool:
    noun = place_noun(member)
    return noun is not None and noun[0] != "the"


def another_place(group: Group) -> bool:
    """ "Soldiers have also seized a town in the east": an act on a place it leaves unnamed is
    not at the place the story has named so far."""
    return any(_indefinite(m) for m in group.members)


Told = dict[tuple[str, int], PlaceHit]  # ("in"/"after", sentence start) -> place of its act


# Only an act reported as done, and sure enough to be kept, hands its place on.
DONE = ("asserted", "reported", "claimed")
CARRY_MIN_CONFIDENCE = 0.5


def record(told_at: Told, group: Group, event: Event) -> None:
    """Note where a new act was told, for the sentences it is told in and the sentence right
    after each (a town or site: a country or region says too little to hand on)."""
    place = group.place
    if event.modality not in DONE or event.confidence < CARRY_MIN_CONFIDENCE:
        return
    if place is not None and group.lead.trigger.acled_type is not None and (
            not place.is_country and (place.geo_precision or 3) < 3):
        for member in group.members:
            told_at.setdefault(("in", member.sent.start), place)
            told_at.setdefault(("after", member.sent.end), place)


def _other_places(sent: Span, places: list[PlaceHit], keep: PlaceHit) -> bool:
    """A town or region named in the sentence other than ``keep`` (a country there is as often
    who speaks or where a source is based: "the Britain-based Observatory said")."""
    name = keep.name or keep.text
    return any(sent.start_char <= p.start < sent.end_char and not p.is_country
               and (p.name or p.text) != name for p in places)


def carried_place(group: Group, told_at: Told, places: list[PlaceHit]) -> PlaceHit | None:
    """The place a placeless act takes from a new act told in the same sentence ("three days
    of shelling and airstrikes on Afrin") or the sentence before, if any (history told before
    it carries nothing: the sentence may go on with the history). An act first told as done to
    "a town" is somewhere else than what came before; a later mention ("the town") may take
    the place named after that."""
    if group.place is not None or group.lead.trigger.acled_type is None:
        return None
    if all(m.in_general for m in group.members):
        return None  # "have been tortured in their thousands": a generalisation, not one act
    unnamed = [m.sent.start for m in group.members if _indefinite(m)]
    for member in sorted(group.members, key=lambda m: m.sent.start):
        sent = member.sent
        if (unnamed and sent.start <= unnamed[0]) or _pluperfect(member.head):
            continue  # "Troops had pushed into the area days ago": before the story
        before = told_at.get(("in", sent.start))
        if before is None:
            before = told_at.get(("after", sent.start))
            if before is None or opens_new_thread(sent):
                continue
        if group.country is not None and group.country != before.country:
            continue
        if not _other_places(sent, places, before):
            return before
    return None


def _tells_a_death(sent: Span) -> bool:
    words = story_words().get("casualty", frozenset())  # one-word entries meet a lemma
    return any(t.lemma_.lower() in words and not any(c.dep_ == "neg" for c in t.children)
               for t in sent)


def told_after(group: Group, acts_at: set[int], places: list[PlaceHit],
               times: list[TimeHit]) -> tuple[PlaceHit | None, TimeHit | None]:
    """ "A soldier killed by a roadside bomb has been named. The 33-year-old died alongside a
    comrade near Gao on Tuesday.": an act told with neither place nor day, then the same death
    told again in the very next sentence, which names no act of its own but says where and
    when: that is where and when the act was (one event, one place, one day)."""
    lead = group.lead
    if group.place is not None or lead.trigger.acled_type is None or lead.generic:
        return None, None
    if any(m.time is not None for m in group.members):
        return None, None
    if any(m.in_general or m.in_cause_clause or m.modality not in DONE
           for m in group.members):
        return None, None
    doc = group.members[0].sent.doc
    follow = [m.sent for m in group.members if m.sent.end < len(doc) and _tells_a_death(m.sent)]
    after = next((doc[s.end].sent for s in follow), None)
    if after is None or after.start in acts_at or opens_new_thread(after) or not _tells_a_death(
            after):
        return None, None
    inside = [p for p in places if after.start_char <= p.start < after.end_char
              and not p.is_country and p.lat is not None
              and (group.country is None or p.country == group.country)]
    place = min(inside, key=lambda p: (p.geo_precision or 3, -p.score)) if inside else None
    when = next((t for t in times if after.start_char <= t.start < after.end_char
                 and t.relation == "point" and t.start_date is not None), None)
    return place, when


# How far back a site told with its town may be named again as "the stadium".
SITE_BACK_SENTENCES = 4


def _the_sites(sent: Span) -> list[Token]:
    """Sites named again by a bare definite noun: "outside the stadium" (not "a stadium",
    "the Olympic stadium", "the stadium's gates" is still the stadium)."""
    heads = site_heads()
    return [t for t in sent if t.lemma_.lower() in heads and t.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            and not any(c.dep_ in ("amod", "compound") for c in t.children)]


def _town_of(site: Token, places: list[PlaceHit]) -> PlaceHit | None:
    """The town a site is told to be in: "the stadium in Sydney", "a hospital in Aleppo"."""
    for prep in (c for c in site.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            at = obj.idx
            hit = next((p for p in places if p.start <= at < p.end and not p.is_country
                        and p.lat is not None and (p.geo_precision or 3) < 3), None)
            if hit is not None:
                return hit
    return None


def site_named_before(group: Group, places: list[PlaceHit]) -> PlaceHit | None:
    """ "Inside the stadium in Sydney, fans sang ... Before the match, activists staged a
    protest outside the stadium": "the stadium" is the one named a little before with its
    town, so the act is in that town."""
    lead = group.lead
    if group.place is not None or lead.trigger.acled_type is None:
        return None
    if any(m.in_general for m in group.members):
        return None
    for member in group.members:
        sent = member.sent
        doc = sent.doc
        for site in _the_sites(sent):
            at = sent.start
            for _ in range(SITE_BACK_SENTENCES):
                if at == 0:
                    break
                before = doc[at - 1].sent
                at = before.start
                told = [t for t in before if t.lemma_ == site.lemma_ and t.pos_ == "NOUN"]
                town = next((h for t in told if (h := _town_of(t, places)) is not None), None)
                if town is not None:
                    return town
    return None


Lead = list[tuple[PlaceHit, Candidate]]


def lead_places(groups: list[Group], places: list[PlaceHit]) -> Lead:
    """The towns an article's first sentence names beside an act it reports as done: the lead
    says what the news is and where ("both Damascus and Riyadh came under missile attack")."""
    acts = [m for g in groups for m in g.members
            if m.sent.start == 0 and m.trigger.acled_type is not None and m.modality in DONE
            and not (m.perfect_habitual or m.ongoing or m.in_cause_clause)]
    if not acts:
        return []
    sent = acts[0].sent
    towns = [p for p in places if sent.start_char <= p.start < sent.end_char
             and not p.is_country and p.lat is not None and (p.geo_precision or 3) < 3]
    return [(p, acts[0]) for p in towns]


def _same_kind(lead: Candidate, cand: Candidate) -> bool:
    """The lead's act told again: the same ACLED type, or a launch and its interception."""
    if lead.trigger.acled_type == cand.trigger.acled_type:
        return True
    return lead.trigger.acled_type == REMOTE and is_interception(cand)


def place_from_lead(group: Group, lead: Lead, placed: list[PlaceHit]) -> PlaceHit | None:
    """A later act told with no place, of the kind the lead reports: at the one town the lead
    names for that kind of act that no act of the article has been placed at yet (one event,
    one place: the lead's other towns are the other acts)."""
    cand = group.lead
    if group.place is not None or cand.trigger.acled_type is None or cand.generic:
        return None
    if cand.in_general or cand.in_cause_clause or cand.modality not in DONE:
        return None
    if any(m.sent.start == 0 for m in group.members):
        return None  # the lead's own act: its place is what the lead says of it
    country = group.country  # an act whose country is not known could be anywhere
    free = [p for p, act in lead if _same_kind(act, cand) and p.country == country
            and not any((km := distance_km(p, q)) is not None and km <= SAME_PLACE_KM
                        for q in placed)]
    return free[0] if len(free) == 1 else None
