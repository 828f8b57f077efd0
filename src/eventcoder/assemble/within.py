"""Within-article merging: every mention of one real-world event becomes one group.

"a drone strike on the port" and "the attack on the Port of Ashdod" are one event; strikes on
two different places, days or by two different named groups are two. A later mention joins an
earlier group only when nothing contradicts it AND something links them: the same sentence, a
definite reference ("the attack"), or a shared place or actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from eventcoder.assemble.link import Candidate
from eventcoder.geodesy import haversine_km
from eventcoder.kb.loader import load_yaml
from eventcoder.readers.hits import PlaceHit
from eventcoder.readers.triggers import in_topic, is_aside, lexicon

SAME_PLACE_KM = 15.0


def distance_km(a: PlaceHit, b: PlaceHit) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


@dataclass
class Group:
    """Candidates judged to be one event, in text order."""

    members: list[Candidate] = field(default_factory=list)
    # (event_type, sub_event_type) decided from the whole article, e.g. lethal force at a protest
    acled_override: tuple[str, str] | None = None
    _lead: Candidate | None = field(default=None, repr=False)
    _lead_of: int = field(default=0, repr=False)  # member count the cached lead was chosen from

    def first(self, attr: str):
        for member in self.members:
            value = getattr(member, attr)
            if value:
                return value
        return None

    @property
    def lead(self) -> Candidate:
        """The most specific mention: one whose trigger names the means, else the first."""
        if self._lead is None or self._lead_of != len(self.members):
            specific = [m for m in self.members if not m.generic] or self.members
            self._lead = max(specific, key=lambda m: m.trigger.weight)  # first of the strongest
            self._lead_of = len(self.members)
        return self._lead

    @property
    def place(self) -> PlaceHit | None:
        places = [m.place for m in self.members if m.place is not None]
        return min(places, key=lambda p: (p.geo_precision or 3, -p.score)) if places else None

    @property
    def country(self) -> str | None:
        place = self.place
        return place.country if place is not None else self.first("country")

    def actor1_name(self) -> str | None:
        for member in self.members:
            for actor in (member.actor1, member.claimant):
                if actor is not None and not actor.generic:
                    return actor.name
        return None


CLOSE_COMBAT = {"Battles", "Violence against civilians"}
# ACLED's first Explosions/Remote violence sub-type: whatever delivered the gas, it is this.
CHEMICAL = "Chemical weapon"
# One crowd event told by several words in a sentence takes the sub-type ACLED ranks first:
# a riot outranks the state's response to it, lethal force outranks dispersal, dispersal a
# peaceful protest ("protesters rallied ... as police fired tear gas to disperse them").
CROWD_RANK = ("Violent demonstration", "Excessive force against protesters",
              "Protest with intervention", "Peaceful protest")


# A clash told beside demonstrators ("clashes broke out between police and demonstrators") is
# their fight: ACLED's Violent demonstration ("physical clashes" with forces or others).
CLASH_LEMMAS = frozenset({"clash", "clashes", "scuffle", "skirmish", "fighting"})


def _crowd_sub(cand: Candidate) -> str | None:
    """The crowd sub-type a word stands for in a crowd event (a clash counts as a riot)."""
    trig = cand.trigger
    if trig.acled_sub in CROWD_RANK:
        return trig.acled_sub
    if trig.acled_sub == "Armed clash" and trig.lemma in CLASH_LEMMAS:
        return "Violent demonstration"
    return None


def _one_crowd_event(a: Candidate, b: Candidate) -> bool:
    """Two crowd words in one sentence, neither being what the other is about ("rallied
    against the tear gas used last week" keeps the rally peaceful)."""
    ta, tb = a.trigger, b.trigger
    if a.sent.start != b.sent.start or ta.acled_sub == tb.acled_sub:
        return False
    crowd = [s for s in (ta.acled_sub, tb.acled_sub) if s in CROWD_RANK]
    if not crowd or _crowd_sub(a) is None or _crowd_sub(b) is None:
        return False
    markers = lexicon().topic_markers
    return not (in_topic(a.head, b.head, markers) or in_topic(b.head, a.head, markers))


@lru_cache(maxsize=1)
def story_words() -> dict[str, frozenset[str]]:
    """The ``story:`` word lists of kb/triggers.yaml (interception, partitive, casualty)."""
    story = load_yaml("triggers").get("story") or {}
    return {key: frozenset(str(w).lower() for w in words) for key, words in story.items()}


REMOTE = "Explosions/Remote violence"
DISRUPTED = "Disrupted weapons use"


def is_interception(cand: Candidate) -> bool:
    trig = cand.trigger
    return trig.acled_sub == DISRUPTED and trig.lemma in story_words()["interception"]


def _next_sentence(earlier: Candidate, later: Candidate) -> bool:
    """Same sentence, or the one right after it."""
    return earlier.sent.start == later.sent.start or earlier.sent.end == later.sent.start


def _killed_or_hurt(cand: Candidate) -> bool:
    return any(n.kind in ("killed", "injured") for n in cand.tolls)


def _launch_and_interception(a: Candidate, b: Candidate) -> bool:
    """ "Houthi rebels fired missiles at Jazan that were intercepted": a launch stopped whole,
    told in one sentence or two in a row, is one act, its Disrupted weapons use (taxonomy).
    When part got through ("shot down 21 of them") or the launch killed or hurt anyone, the
    strike and the interception are two events with two actor pairs: ACLED codes both."""
    pair = {a.trigger.acled_type, b.trigger.acled_type}
    if pair != {REMOTE, "Strategic developments"} or not _next_sentence(a, b):
        return False
    launch, stop = (a, b) if a.trigger.acled_type == REMOTE else (b, a)
    return is_interception(stop) and not partial_interception(stop) and not _killed_or_hurt(
        launch)


def partial_interception(cand: Candidate) -> bool:
    """ "Air defences shot down 21 of them": what was stopped is a count or a share, so the
    rest of the salvo got through."""
    for child in cand.head.children:
        if child.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj") and child.i != cand.head.i:
            if child.like_num or child.lower_ in story_words()["partitive"]:
                return True
    return False


def _types_compatible(a: Candidate, b: Candidate) -> bool:
    ta, tb = a.trigger, b.trigger
    if a.sent.start == b.sent.start and {ta.acled_type, tb.acled_type} <= CLOSE_COMBAT:
        return True  # "were shot dead when police opened fire": one incident
    if a.sent.start == b.sent.start and {ta.acled_sub, tb.acled_sub} & {"Arrests"} and (
        "Protests" in (ta.acled_type, tb.acled_type) and min(ta.weight, tb.weight) >= 0.5
    ) and not is_aside(a.head, b.head, lexicon().protest_aside):
        return True  # "police arrested dozens of demonstrators": the protest, intervened in
    if _one_crowd_event(a, b):
        return True
    if ta.acled_type == tb.acled_type == "Battles":
        return True  # a clash and the change of hands it ended in: one battle, coded by the change
    if ta.acled_type == tb.acled_type == "Explosions/Remote violence" and CHEMICAL in (
            ta.acled_sub, tb.acled_sub):
        return True  # "fired shells ... the shells contained poison gas": one chemical attack
    if ta.acled_type is None or tb.acled_type is None:
        return ta.acled_type is None and tb.acled_type is None and ta.plover == tb.plover
    if a.generic or b.generic:
        return True
    return (ta.acled_type, ta.acled_sub) == (tb.acled_type, tb.acled_sub)


def _places_compatible(group: Group, cand: Candidate) -> bool:
    mine = group.place
    if mine is None or cand.place is None:
        country = group.country
        return country is None or cand.country is None or country == cand.country
    if mine.geonames_id is not None and mine.geonames_id == cand.place.geonames_id:
        return True
    km = distance_km(mine, cand.place)
    if km is None:
        return (mine.name or mine.text).lower() == (cand.place.name or cand.place.text).lower()
    return km <= SAME_PLACE_KM


def _dates_compatible(group: Group, cand: Candidate) -> bool:
    """Two told dates must overlap (a day's slack): "in February" is not "on Wednesday"."""
    times = [m.time for m in group.members if m.time is not None and m.time.start_date]
    mine = cand.time
    if mine is None or mine.start_date is None or not times:
        return True
    slack = timedelta(days=1)
    for t in times:
        t_end = t.end_date or t.start_date
        m_end = mine.end_date or mine.start_date
        if t.start_date - slack > m_end or mine.start_date - slack > t_end:
            return False
    return True


STATE_PREFIXES = ("Military Forces of ", "Government of ")


def same_actor(a: str, b: str) -> bool:
    """One name, or a state told once as its government and once as its forces ("Russia's
    defence ministry said it hit ...", "Russian aircraft conducted strikes")."""
    if a == b:
        return True
    country_a = next((a[len(p):] for p in STATE_PREFIXES if a.startswith(p)), None)
    country_b = next((b[len(p):] for p in STATE_PREFIXES if b.startswith(p)), None)
    return country_a is not None and country_a == country_b


def _side(kind: str | None) -> str | None:
    """State forces and non-state armed groups are never the same attacker."""
    if kind == "State forces":
        return "state"
    if kind in ("Rebel group", "Political militia", "Identity militia"):
        return "non-state"
    return None


def _actors_compatible(group: Group, cand: Candidate) -> bool:
    if cand.modality == "claimed":
        return True  # "X claimed the attack": a claim may name someone other than the reports
    mine = group.actor1_name()
    theirs = cand.actor1 if cand.actor1 is not None and not cand.actor1.generic else None
    if mine is not None and theirs is not None:
        return same_actor(theirs.name, mine)
    sides = {_side(m.actor1.kind) for m in group.members if m.actor1 is not None}
    sides.discard(None)
    their_side = _side(cand.actor1.kind) if cand.actor1 is not None else None
    return their_side is None or not sides or their_side in sides


def _linked(group: Group, cand: Candidate) -> bool:
    last = group.members[-1]
    if last.sent.start == cand.sent.start:
        return True
    if cand.definite or not cand.has_arguments:
        return True
    if cand.refers_back and cand.trigger.acled_type == group.lead.trigger.acled_type:
        return True  # "Militants stormed a base ... The militants overran it": the same fight
    if cand.place is not None and group.place is not None:
        return True
    name = group.actor1_name()
    if name and cand.actor1 is not None and same_actor(cand.actor1.name, name):
        return True
    return _same_target(group, cand) or _restated(group, cand)


def place_noun(cand: Candidate) -> tuple[str, str] | None:
    """(determiner, noun) of the settlement an act was done to: ("a", "town") for "seized a
    town in the east", ("the", "town") for "taken control of the town"."""
    if cand.target is None:
        return None
    words = cand.target.text.lower().split()
    nouns = lexicon().territory_nouns
    for i, word in enumerate(words):
        if word in nouns and i > 0 and words[i - 1] in ("a", "an", "another", "the"):
            return words[i - 1], word
    return None


def _same_target(group: Group, cand: Candidate) -> bool:
    """ "Troops seized a town in the east ... troops had taken control of the town": a definite
    noun naming again the kind of place an act of the group was done to is that place."""
    theirs = place_noun(cand)
    if theirs is None or theirs[0] != "the":
        return False
    return any((noun := place_noun(m)) is not None and noun[1] == theirs[1]
               and noun[0] in ("a", "an") for m in group.members)


def _restated(group: Group, cand: Candidate) -> bool:
    """ "Russian jets bombed Idlib on Monday ... Residents said Russian aircraft carried out
    twelve strikes": the same kind of act by the same named actor, told again with no place or
    day of its own, cannot be told apart from the act already told (one type, place, day and
    actor pair is one event), so it is that act."""
    lead = group.lead
    if cand.place is not None or cand.time is not None or cand.generic or lead.generic:
        return False
    if cand.ongoing or cand.perfect_habitual or cand.bare_plural and cand.actor1 is None:
        return False  # "are fighting a three-year war": a state of affairs, not the act again
    if (cand.trigger.acled_type, cand.trigger.acled_sub) != (
            lead.trigger.acled_type, lead.trigger.acled_sub):
        return False
    theirs = cand.actor1 if cand.actor1 is not None and not cand.actor1.generic else None
    named = [m.actor1.name for m in group.members if m.actor1 is not None
             and not m.actor1.generic]
    if theirs is None:
        return False
    if not named:
        return group.place is not None  # "Aircraft attacked Idlib ... Russian jets struck"
    return any(same_actor(theirs.name, n) for n in named)


HYPOTHETICAL = ("threatened", "planned", "hypothetical")


def _campaign_word_beside(group: Group, cand: Candidate) -> bool:
    """ "Rebels fired rockets at the city, bringing the fight to its streets": "the fight" names
    no act of its own (a campaign word, not "clashes"); beside an act told outright in the same
    sentence it is that act told again."""
    trig = cand.trigger
    if trig.acled_type != "Battles" or trig.weight >= TOLD_ACT_WEIGHT or not cand.definite:
        return False
    if cand.actor1 is not None and not cand.actor1.generic:
        return False
    return any(m.sent.start == cand.sent.start and not m.generic
               and m.trigger.acled_type in (REMOTE, "Battles")
               and m.trigger.weight >= TOLD_ACT_WEIGHT for m in group.members)


def _compatible(group: Group, cand: Candidate) -> bool:
    lead = group.lead
    if lead.in_cause_clause != cand.in_cause_clause:
        return False
    if (lead.modality in HYPOTHETICAL) != (cand.modality in HYPOTHETICAL):
        return False
    if _campaign_word_beside(group, cand):
        return _places_compatible(group, cand) and _dates_compatible(group, cand)
    if any(_launch_and_interception(m, cand) for m in group.members):
        # the interceptor is the other side by definition: no actor check, no other link
        return _places_compatible(group, cand) and _dates_compatible(group, cand)
    return (
        _types_compatible(lead, cand)
        and _places_compatible(group, cand)
        and _dates_compatible(group, cand)
        and _actors_compatible(group, cand)
        and _linked(group, cand)
    )


def is_summary(cand: Candidate, groups: list[Group]) -> bool:
    """ "The strikes come amid ...": a plural back-reference to several events, not a new one."""
    return cand.plural and cand.definite and not cand.has_arguments and len(groups) >= 2


# A word that names one act outright ("air strikes", "clashes"), not a campaign ("the fight")
TOLD_ACT_WEIGHT = 0.8


def _toll_of(groups: list[Group], cand: Candidate) -> Group | None:
    """The attack or battle told just before a bare casualty count, whose toll it is."""
    trig = cand.trigger
    if trig.acled_type not in CLOSE_COMBAT or trig.lemma not in story_words()["casualty"]:
        return None
    if cand.actor1 is not None or cand.place is not None or cand.time is not None:
        return None  # a named killer, place or day: an act of its own
    if cand.modality not in ("asserted", "reported"):
        return None
    for group in reversed(groups):
        last = group.members[-1]
        if _next_sentence(last, cand) and last.trigger.acled_type in (REMOTE, "Battles") and (
                not last.generic and last.trigger.weight >= TOLD_ACT_WEIGHT
                and last.modality not in HYPOTHETICAL):
            return group
    return None


def group_candidates(candidates: list[Candidate]) -> list[Group]:
    groups: list[Group] = []
    for cand in candidates:
        if is_summary(cand, groups):
            continue
        home = _toll_of(groups, cand) or next(
            (g for g in reversed(groups) if _compatible(g, cand)), None)
        if home is None:
            groups.append(Group([cand]))
        else:
            home.members.append(cand)
            if cand.sent not in home.members[0].sentences:
                home.members[0].sentences.append(cand.sent)
    return absorb_crackdowns(groups)


CROWD_KINDS = {"Protesters", "Civilians", "Rioters"}


def _protest(group: Group) -> bool:
    return group.lead.trigger.acled_type == "Protests"


def _crackdown_on(group: Group, protest: Group) -> bool:
    """State forces killing or wounding people right after a protest is told, with no other
    place: ACLED codes the protest itself as "Excessive force against protesters"."""
    lead = group.lead
    if lead.trigger.acled_type not in CLOSE_COMBAT:
        return False
    shooters = [m.actor1 for m in group.members if m.actor1 is not None]
    if not shooters or any(a.kind != "State forces" for a in shooters):
        return False
    victims = [m.actor2 for m in group.members if m.actor2 is not None]
    if any(v.kind not in CROWD_KINDS for v in victims):
        return False
    if group.place is not None and not _places_compatible(protest, group.members[0]):
        return False
    gap = group.members[0].sent.start - protest.members[-1].sent.end
    return 0 <= gap <= 2 * max(1, len(protest.members[-1].sent))


def _crowd_override(group: Group) -> tuple[str, str] | None:
    """The highest-ranked crowd sub-type among a group's words, when they disagree."""
    crowd = {_crowd_sub(m) for m in group.members} - {None}
    said = {m.trigger.acled_sub for m in group.members} & set(CROWD_RANK)
    clash = any(m.trigger.acled_sub == "Armed clash" and _crowd_sub(m) for m in group.members)
    if not said or (len(crowd) < 2 and not clash):
        return None
    best = next(s for s in CROWD_RANK if s in crowd)
    return ("Riots" if best == "Violent demonstration" else "Protests", best)


def _rioting(group: Group) -> bool:
    """A Violent demonstration, or violence done by demonstrators (coded one later)."""
    if group.acled_override is not None:
        return group.acled_override[1] == "Violent demonstration"
    return any(m.trigger.acled_sub == "Violent demonstration" or (
        m.actor1 is not None and m.actor1.kind in ("Protesters", "Rioters")
        and m.trigger.acled_type in CLOSE_COMBAT | {"Explosions/Remote violence"})
        for m in group.members)


def _response_to_riot(group: Group, riot: Group) -> bool:
    """ "Demonstrators threw rocks ... Security forces responded with tear gas": dispersal told
    right after a riot, with no other place, is part of that Violent demonstration."""
    if group.lead.trigger.acled_sub != "Protest with intervention" or group.acled_override:
        return False
    if not _rioting(riot):
        return False
    if group.place is not None and not _places_compatible(riot, group.members[0]):
        return False
    gap = group.members[0].sent.start - riot.members[-1].sent.end
    return 0 <= gap <= 2 * max(1, len(riot.members[-1].sent))


def _interception_override(group: Group) -> tuple[str, str] | None:
    """A launch told with the interception that stopped all of it: Disrupted weapons use
    (taxonomy), the launch being part of it; one that killed or hurt anyone after all stays
    the attack."""
    stops = [m for m in group.members if is_interception(m)]
    launches = [m for m in group.members if m.trigger.acled_type == REMOTE]
    if not stops or not launches:
        return None
    if not any(_killed_or_hurt(m) for m in group.members):
        return ("Strategic developments", DISRUPTED)
    launch = next((m for m in launches if not m.generic), launches[0])
    return (REMOTE, launch.trigger.acled_sub or "")


def absorb_crackdowns(groups: list[Group]) -> list[Group]:
    out: list[Group] = []
    for group in groups:
        subs = {m.trigger.acled_sub for m in group.members}
        types = {m.trigger.acled_type for m in group.members}
        if group.acled_override is None:
            group.acled_override = _crowd_override(group)
        if group.acled_override is None:
            group.acled_override = _interception_override(group)
        if group.acled_override is None and CHEMICAL in subs:
            group.acled_override = ("Explosions/Remote violence", CHEMICAL)
        if "Arrests" in subs and "Protests" in types and group.acled_override is None:
            group.acled_override = ("Protests", "Protest with intervention")
        riot = next((g for g in reversed(out) if _rioting(g)), None)
        if riot is not None and _response_to_riot(group, riot):
            riot.members.extend(group.members)  # the riot outranks the state's response to it
            continue
        protest = next((g for g in reversed(out) if _protest(g)), None)
        if protest is not None and _crackdown_on(group, protest):
            protest.members.extend(group.members)
            protest.acled_override = ("Protests", "Excessive force against protesters")
            continue
        out.append(group)
    return out
