"""Builds the ArticleReport from a processed Doc: events, figures, framing, warnings."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from eventcoder.assemble import codes
from eventcoder.assemble.carry import (
    Told,
    another_place,
    carried_place,
    lead_places,
    place_from_lead,
    record,
    site_named_before,
    told_after,
)
from eventcoder.assemble.link import PRONOUNS, Candidate, link_trigger
from eventcoder.assemble.within import Group, group_candidates
from eventcoder.model import (
    Acled,
    Actor,
    Article,
    ArticleMeta,
    ArticleReport,
    Event,
    Figure,
    Framing,
    Headline,
    Location,
    Mention,
    Plover,
    Source,
    Span,
    Target,
    Toll,
    When,
)
from eventcoder.readers.headline import main_act
from eventcoder.readers.hits import ActorHit, NumberHit, PlaceHit, context, hits
from eventcoder.readers.triggers import lexicon

NEW_WITHIN_DAYS = 31
REPORTED_WITHIN_DAYS = 6
# PLOVER codes an act that is only vowed or planned by what the promise is (codebook): a threat
# of force or repression is THREATEN, its mode naming the act threatened; a promise of a future
# retreat (withdrawal, release, disarmament) is a CONCEDE, since RETREAT needs the act itself.
THREAT_MODES: dict[tuple[str, str | None], str | None] = {
    ("ASSAULT", None): "violence", ("MOBILIZE", None): "violence",
    ("COERCE", None): None, ("COERCE", "arrest"): "arrest", ("COERCE", "ban"): "ban",
    ("COERCE", "censor"): "rights", ("COERCE", "restrict"): "restrict",
    ("COERCE", "curfew"): "restrict", ("COERCE", "withhold"): "restrict",
    ("COERCE", "deport"): "expel", ("SANCTION", "expel"): "expel",
    ("SANCTION", "withdraw"): "relations", ("SANCTION", "discontinue"): "relations",
    ("PROTEST", "strike"): "restrict", ("PROTEST", "boycott"): "restrict",
    ("PROTEST", "obstruct"): "restrict",
}
THREAT_CAMEO = {"violence": "138", "arrest": "1323", "ban": "1322", "rights": "1322",
                "restrict": "1313", "expel": "1321", "relations": "1311"}
PROMISED_RETREAT = {"threatened", "planned"}
GENERIC_BASES = {
    "Civilians", "Protesters", "Rioters", "Unidentified Armed Group", "Military Forces",
    "Police Forces", "Government",
}
FIGURE_KINDS = {"killed", "injured", "displaced", "money", "count"}
# Who did it when the text does not say: arrests are made by the police (ACLED's Arrests are
# state acts), anything else violent by an unidentified armed group.
UNNAMED_ACTOR1 = {"Arrests": ("Police Forces", "State forces")}
UNIDENTIFIED = ("Unidentified Armed Group", "Political militia")


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


def _mention(text: str, start: int, end: int) -> Mention:
    return Mention(text=text, start=start, end=end)


def _event_id(article: Article, group: Group) -> str:
    lead = group.lead.trigger
    key = f"{article.sha256}|{article.published}|{lead.start}|{lead.end}"
    return "ev-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _status(group: Group, when: When, published: date | None) -> str:
    """New: reported as recent news. Background: history, causes, ongoing campaigns."""
    if all(m.in_cause_clause for m in group.members):
        return "background"
    if any(m.time is not None and m.time.relation == "since" for m in group.members):
        return "background"
    if all(any(c.value == "cumulative" for c in m.background_cues) for m in group.members):
        return "background"  # "24 killed in the first three days of the offensive": a total
    if any(m.time is not None and m.time.relation == "duration" and m.time.start_date
           and m.time.end_date and (m.time.end_date - m.time.start_date).days > NEW_WITHIN_DAYS
           for m in group.members):
        return "background"  # "eight years of mass killing": a long campaign
    if published and when.start:
        latest = when.end or when.start
        return "background" if (published - latest).days > NEW_WITHIN_DAYS else "new"
    # the mentions that say something of the act vote; bare ones ("continuing this fight")
    # joined to it say nothing of when it happened
    told = [m for m in group.members if m.place or m.time or m.actor1] or group.members
    if all(m.background_cues or m.perfect_habitual or m.ongoing for m in told):
        return "background"
    return "new"


def _actor(
    role: str, hit: ActorHit, country: str | None, violent: bool = False,
    on: date | None = None,
) -> Actor:
    name, kind = codes.successor(hit.name, on) or (hit.name, hit.kind)
    if violent and role == "actor1" and hit.country and name.startswith("Government of"):
        name = codes.with_country("Military Forces", hit.country)  # a state fights with its forces
    elif (not violent and hit.country and name.startswith("Military Forces of")
          and hit.text.lower() in codes.country_names(hit.country)):
        name = codes.with_country("Government", hit.country)  # "Chile agreed": its government
    if hit.generic:
        # "Palestinian detainees" already reads "Civilians (Palestine)": keep its kind of actor
        base = next((b for b in GENERIC_BASES if name == b or name.startswith(f"{b} (")),
                    "Unidentified Armed Group")
        name = codes.with_country(base, hit.country or country)
        kind = kind or "Political militia"
    return Actor(
        role=role,
        name=name,
        mention=_mention(hit.text, hit.start, hit.end),
        country=hit.country or (country if hit.generic else None),
        kind=kind,
    )


def _actors(
    group: Group, violent: bool, earlier: ActorHit | None, doc_country: str | None,
    on: date | None = None, sub: str | None = None,
) -> list[Actor]:
    country = group.country or doc_country
    actor1 = next((m.actor1 for m in group.members if m.actor1 and not m.actor1.generic), None)
    actor1 = actor1 or group.first("claimant")
    generic = group.first("actor1")
    if actor1 is None and earlier is not None and any(m.refers_back for m in group.members) and (
            generic is None or _same_side(generic.kind, earlier.kind)):
        actor1 = earlier  # "the militants" are the group named before, not the army named before
    actor1 = actor1 or group.first("actor1")
    actor2 = group.first("actor2")
    out: list[Actor] = []
    if actor1 is not None:
        out.append(_actor("actor1", actor1, country, violent, on))
    elif violent:
        base, kind = UNNAMED_ACTOR1.get(sub or "", UNIDENTIFIED)
        out.append(Actor(
            role="actor1",
            name=codes.with_country(base, country),
            country=country,
            kind=kind,
        ))
    if actor2 is not None and (actor1 is None or actor2.name != actor1.name):
        out.append(_actor("actor2", actor2, country, on=on))
    return out


def _same_side(a: str | None, b: str | None) -> bool:
    """Can a generic mention of kind ``a`` ("the militants") refer back to an actor of kind
    ``b``? Not across the line between state forces and everyone else."""
    return (a == "State forces") == (b == "State forces")


def _victim_kind(actor: Actor | None) -> str | None:
    """How armed the one acted on is: a government's officials ("a local government chairman",
    "government employees") are unarmed, so ACLED codes violence against them as violence
    against civilians, whatever the state's inter code."""
    if actor is None:
        return None
    return "Civilians" if actor.name.startswith("Government") else actor.kind


def _target(group: Group):
    """The object hit; the phrase that holds the event's place wins ("the Port of Ashdod")."""
    targets = [m.target for m in group.members if m.target is not None]
    place = group.place
    if place is not None:
        holding = [t for t in targets if t.start <= place.start and place.end <= t.end]
        if holding:
            return holding[0]
    return targets[0] if targets else None


def _crowd_first(actors: list[Actor], event_type: str, country: str | None,
                 named: set[str] | frozenset[str] = frozenset()) -> list[Actor]:
    """ACLED codes protesters (or rioters) as actor1 and whoever intervenes as actor2. A crowd
    of no stated country in a sentence that names one country ("fundamentalists began a
    hunger strike to demand the Algerian president's resignation") is that country's."""
    if country is None and len(named) == 1:
        country = next(iter(named))
    crowd_kind = "Protesters" if event_type == "Protests" else "Rioters"
    crowd = next((a for a in actors if a.kind == crowd_kind), None)
    if crowd is None:  # "Egyptian demonstrators rioted": the crowd of a riot, named otherwise
        crowd = next((a for a in actors if a.kind in ("Protesters", "Rioters") and a.country),
                     None)
        if crowd is not None:
            crowd = crowd.model_copy(update={
                "name": codes.with_country(crowd_kind, crowd.country), "kind": crowd_kind})
    others = [a for a in actors if a is not crowd and not a.name.startswith("Unidentified")
              and a.kind not in ("Protesters", "Rioters")]
    if crowd is None:
        # "Students blocked roads": people who do the protest are its crowd, not its target
        doers = next((a for a in actors if a.role == "actor1" and a.kind == "Civilians"), None)
        others = [a for a in others if a is not doers]
        country = doers.country if doers is not None and doers.country else country
        crowd = Actor(role="actor1", name=codes.with_country(crowd_kind, country),
                      country=country, kind=crowd_kind)
    if crowd.country is None and country is not None and crowd.name == crowd_kind:
        crowd = crowd.model_copy(update={
            "name": codes.with_country(crowd_kind, country), "country": country})
    out = [crowd.model_copy(update={"role": "actor1"})]
    if others:
        out.append(others[0].model_copy(update={"role": "actor2"}))
    return out


def _when(group: Group, previous: Event | None, published: date | None) -> When:
    timed = [m.time for m in group.members if m.time is not None]
    resolved = [t for t in timed if t.start_date is not None]
    if resolved:
        rank = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
        t = min(resolved, key=lambda t: rank.get(t.precision, 4))
        return When(start=t.start_date, end=t.end_date or t.start_date, precision=t.precision,
                    mention=_mention(t.text, t.start, t.end))
    lead = group.lead
    if (
        any(m.also for m in group.members)
        and lead.trigger.acled_type is not None
        and not lead.perfect_habitual
        and previous is not None
        and previous.date.start
    ):
        # "Drones also targeted X": told as part of the same wave as the dated event before it,
        # so the week is known but not the day.
        start = previous.date.start
        end = start + timedelta(days=6)
        if published is not None:
            end = max(start, min(end, published))
        return When(start=start, end=end, precision="week")
    if timed:
        t = timed[0]
        return When(precision="unknown", mention=_mention(t.text, t.start, t.end))
    return When()


def _toll(group: Group) -> Toll:
    killed = [n for m in group.members for n in m.tolls if n.kind == "killed"]
    injured = [n for m in group.members for n in m.tolls if n.kind == "injured"]
    low_k = min(killed, key=lambda n: n.value) if killed else None
    low_i = min(injured, key=lambda n: n.value) if injured else None
    main = low_k or low_i
    return Toll(
        killed=int(low_k.value) if low_k else None,
        injured=int(low_i.value) if low_i else None,
        qualifier=main.qualifier if main else None,
        mention=_mention(main.text, main.start, main.end) if main else None,
    )


def _sources(group: Group, outlet: str | None) -> list[Source]:
    out: list[Source] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str, role: str, channel: str | None) -> None:
        if (name.lower(), role) not in seen:
            seen.add((name.lower(), role))
            out.append(Source(name=name, role=role, channel=channel))

    if outlet:
        add(outlet, "publisher", None)
    claimant = group.first("claimant")
    fallback = claimant.name if claimant else group.actor1_name()
    for member in group.members:
        for name, role, channel in member.sources:
            if name.lower().strip() in PRONOUNS:
                if fallback is None:
                    continue
                name = fallback
            if role == "claimant" and claimant is not None:
                name = claimant.name
            add(name, role, channel)
    return out


LONG_REPORT_CHARS = 1500  # about ten sentences: a report with room to say where and when


def _confidence(group: Group, event: Event, long_report: bool = False,
                inferred_place: bool = False) -> float:
    """How sure we are that this is one real, specific event: the strength of the words plus
    each concrete detail that anchors it (place, date, named actor, toll, source).

    An act named with nothing that pins it down ("innocent people did get killed") stays below
    the default threshold; a dated strike on a named place by a named group scores near 1.
    """
    lead = group.lead
    if event.acled is None:
        return _statement_confidence(group, event)
    score = 0.25 + 0.25 * max(m.trigger.weight for m in group.members)
    if event.location is not None:
        # a place taken from the act told beside it is a guess, not a detail of this act
        score += 0.05 if inferred_place else 0.15
    if event.date.start is not None and event.date.mention is not None:
        score += 0.15
    elif any(m.time is not None and m.time.start_date is None and m.time.relation == "point"
             for m in group.members):
        score += 0.1  # "on Wednesday" with no publication date to resolve it: still a told time
    named = any(a.role == "actor1" and a.mention and not a.name.startswith(
        ("Unidentified", "Civilians")) for a in event.actors)
    score += 0.1 if named else 0.0
    acted_on = event.target is not None or any(a.role == "actor2" for a in event.actors)
    score += 0.05 if acted_on else 0.0
    score += 0.1 if event.fatalities.killed or event.fatalities.injured else 0.0
    score += 0.05 if any(s.role != "publisher" for s in event.sources) else 0.0
    score += 0.05 if len(group.members) > 1 else 0.0
    if event.modality in ("claimed", "alleged") and any(
        s.role in ("claimant", "official", "witness", "monitor") for s in event.sources
    ):
        score += 0.1  # someone stands behind the claim or the blame
    if lead.generic and not lead.has_arguments:
        score -= 0.2
    if all(m.quoted for m in group.members):
        score *= 0.65  # a speaker's words: opinion, questions, history as often as news
    if all(m.in_response for m in group.members):
        score *= 0.8  # "in response to recent unrest", "in retaliation for": the backdrop
    elif all(m.backdrop for m in group.members):
        score *= 0.9  # "surrendered following a government offensive": the scene of the act
    crowd = event.acled is not None and event.acled.event_type in ("Protests", "Riots")
    if all(m.bare_plural for m in group.members) and event.location is None and not crowd:
        score -= 0.15  # a kind of act ("executions"), not one act at one place
    # ACLED dates an event to its day, week or month at coarsest: "several strikes this year"
    # says no more of when than nothing does
    told_when = event.date.mention is not None and event.date.precision != "year"
    if long_report and event.location is None and not told_when and not crowd:
        # a long report that says neither where nor when of this act is recalling or
        # generalising ("were tortured and murdered in their thousands"), not reporting it;
        # a one-line snippet may simply have been cut from its context
        score -= 0.15
    if event.modality in ("negated", "hypothetical"):
        score *= 0.5
    return round(max(0.05, min(1.0, score)), 3)


def _statement_confidence(group: Group, event: Event) -> float:
    """Events ACLED does not code (talks, aid, demands, threats) have no place or toll to anchor
    them; who acts and towards whom does."""
    score = 0.3 + 0.3 * max(m.trigger.weight for m in group.members)
    if any(a.role == "actor1" and a.mention for a in event.actors):
        score += 0.15
    elif any(m.named_subject for m in group.members):
        score += 0.05  # "Ibo traditional elders demanded": someone the KB does not know
    else:
        score -= 0.1  # "Thank God.": a statement needs someone who makes it
    acted_on = event.target is not None or any(a.role == "actor2" for a in event.actors)
    score += 0.1 if acted_on else 0.0
    score += 0.05 if any(s.role != "publisher" for s in event.sources) else 0.0
    score += 0.05 if event.date.mention is not None else 0.0
    if all(m.quoted for m in group.members):
        score *= 0.75
    if all(m.setting for m in group.members):
        score *= 0.75  # "during a G8 summit": the occasion of another act, told in passing
    if all(m.relative for m in group.members):
        score *= 0.75  # "refugees, whom the authorities blame for ...": said of a participant
    if event.modality in ("negated", "hypothetical"):
        score *= 0.5
    return round(max(0.05, min(1.0, score)), 3)


def _promised_plover(plover: Plover, modality: str, cameo: str | None) -> tuple[Plover, str | None]:
    """The PLOVER code of a vowed or planned act: "vowed to ban the party" is THREATEN/ban,
    "will withdraw its troops next month" is CONCEDE; asserted acts keep their own code."""
    etype = plover.event_type.upper()
    if modality == "threatened":
        for key in ((etype, plover.mode), (etype, None)):
            if key in THREAT_MODES:
                mode = THREAT_MODES[key]
                return Plover(event_type="THREATEN", mode=mode), THREAT_CAMEO.get(mode or "", "130")
    if modality in PROMISED_RETREAT and etype == "RETREAT":
        return Plover(event_type="CONCEDE"), "080"
    return plover, cameo


# PLOVER types whose act lands on a place: with no recipient named, the place's country is the
# recipient (codebook: a protest is "directed toward ... government authorities", an assault
# harms, repression restricts, a deployment or aid arrives where it happens; a host is the
# recipient of a visit). Statements (requests, rejections, accusations, agreements) are made
# somewhere, not to the place they are made in.
PLACE_RECIPIENT_TYPES = frozenset({
    "PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "THREATEN", "CONSULT",
})


def _recipient_country(plover: Plover, actors: list[Actor], place_country: str | None,
                       named: set[str] | frozenset[str] = frozenset(),
                       named_actors: set[str] | frozenset[str] = frozenset()) -> str | None:
    """PLOVER's recipient country: the acted-on actor's; for a material act with nobody named
    on the receiving end, the country of the place where it happened ("prisoners rioted at a
    jail in northern Israel", "exploded bombs in Kabul"). ACLED's actor2 stays empty there.

    With no one else on the receiving end (none named, or only "the government", "the
    people" of no stated country) the act stays at home: a court ordering a former president to
    appear, an opposition postponing its march, rebels releasing the prime minister they hold
    act within their own country. The recipient is then actor1's country, else the one country
    the sentence's actors name (``named_actors``), else its actors and places (``named``). An
    act told as done abroad ("rejected the proposal at a meeting in Lima"), or in a sentence
    whose actors name another country, leaves the recipient open."""
    acted_on = next((a for a in actors if a.role == "actor2"), None)
    if acted_on is not None and (acted_on.country or acted_on.name not in GENERIC_BASES):
        return acted_on.country
    if plover.event_type in PLACE_RECIPIENT_TYPES and place_country:
        return place_country
    source = next((a for a in actors if a.role == "actor1"), None)
    if source is not None and source.country:
        at_home = place_country in (None, source.country) and not (
            named_actors - {source.country})
        return source.country if at_home else None
    sole = named_actors if named_actors else named
    return next(iter(sole)) if len(sole) == 1 else None


def _sentence_countries(group: Group) -> tuple[set[str], set[str]]:
    """The countries the lead sentence's actors name, and those its places name; not the
    country of whoever reports it ("..., Defense Secretary William Perry said")."""
    sent = group.lead.sent
    rng = (sent.start_char, sent.end_char)
    doc = sent.doc
    said_by = [(c.start, c.end) for c in doc._.ec_cues or () if c.kind == "source"
               and rng[0] <= c.start and c.end <= rng[1]]
    by_actors = {a.country for a in doc._.ec_actors or () if a.country
                 and rng[0] <= a.start and a.end <= rng[1]
                 and not any(s <= a.start and a.end <= e for s, e in said_by)}
    by_places = {p.country for p in doc._.ec_places or () if p.country
                 and rng[0] <= p.start and p.end <= rng[1]}
    return by_actors, by_places


# Acts a party can refuse: an acceptance, an agreement, a concession, a retreat. Said as
# "will not" / "would not" / "cannot" of the speaker's own later act, they are a refusal.
REFUSABLE = frozenset({"AGREE", "CONCEDE", "RETREAT"})
REFUSING_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "can", "ca"})


@lru_cache(maxsize=1)
def _plover_by_subtype() -> dict[tuple[str, str], tuple[str, str | None, str | None]]:
    """PLOVER type, mode and CAMEO of the first lexicon code for each ACLED sub-type."""
    out: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
    for etype, sub, plover, mode, cameo in lexicon().codes.values():
        if etype and sub and plover:
            out.setdefault((etype, sub), (plover, mode, cameo))
    return out


def _plover_of(override: tuple[str, str]) -> tuple[Plover, str | None] | None:
    found = _plover_by_subtype().get(override)
    return (Plover(event_type=found[0], mode=found[1]), found[2]) if found else None


def _refused(cand: Candidate, plover: Plover) -> bool:
    """ "will not accept", "would not meet": a negated future or ability of a yielding act
    (not "did not withdraw", a past act that did not happen)."""
    if plover.event_type not in REFUSABLE:
        return False
    verb = cand.head if cand.head.pos_ in ("VERB", "AUX") else cand.head.head
    children = list(verb.children)
    return (any(c.dep_ == "neg" for c in children)
            and any(c.dep_ == "aux" and c.lower_ in REFUSING_AUX for c in children))


def build_event(
    article: Article,
    group: Group,
    previous: Event | None,
    earlier: ActorHit | None = None,
    doc_country: str | None = None,
    dominant: PlaceHit | None = None,
    carried: PlaceHit | None = None,
) -> Event:
    lead = group.lead
    trig = lead.trigger
    modality = lead.modality
    for member in group.members:  # the strongest stance any mention takes
        if member.modality != "asserted" and modality == "asserted":
            modality = member.modality
    violent = trig.acled_type is not None and modality != "negated"
    sub = group.acled_override[1] if group.acled_override else trig.acled_sub
    actors = _actors(group, violent, earlier, doc_country, article.published, sub)
    a1 = next((a for a in actors if a.role == "actor1"), None)
    a2 = next((a for a in actors if a.role == "actor2"), None)
    target = _target(group)

    acled = None
    plover = Plover(event_type=trig.plover, mode=trig.plover_mode)
    cameo = trig.cameo
    if group.acled_override is not None and trig.acled_type in ("Protests", "Riots"):
        # a crowd word whose group is coded as one crowd event: PLOVER says what that
        # sub-type is ("demonstrated" with riot words is PROTEST riot, not the crowd-control
        # of a single "killed"); a police act leading the group ("arresting") stays its own
        plover, cameo = _plover_of(group.acled_override) or (plover, cameo)
    if trig.acled_type and codes.is_coded_modality(modality):
        etype, sub = group.acled_override or codes.refine(
            trig.acled_type, trig.acled_sub or "", lead.generic,
            a1.kind if a1 else None, _victim_kind(a2), target is not None,
            actor1_named=a1 is not None and a1.mention is not None)
        acled = Acled(
            event_type=etype,
            sub_event_type=sub,
            disorder_type=codes.disorder_type(etype, sub),
            civilian_targeting=bool(a2 and a2.kind == "Civilians"),
        )
    if acled is None and modality == "negated" and _refused(lead, plover):
        # "Syria will not accept more refugees", "would not meet the kidnappers' demands": a
        # refusal said now of a later act (codebook REJECT: all rejections and refusals)
        plover, cameo, modality = Plover(event_type="REJECT"), "120", "asserted"
    if acled is None:
        plover, cameo = _promised_plover(plover, modality, cameo)
    by_actors, by_places = _sentence_countries(group)
    if acled is not None and acled.event_type in ("Protests", "Riots"):
        actors = _crowd_first(actors, acled.event_type, group.country or doc_country,
                              by_actors | by_places)
    if acled is None and trig.acled_type is not None:
        actors = [a for a in actors if a.mention is not None]  # no invented attacker for threats

    place = group.place
    if place is None and another_place(group):
        dominant = None  # "seized a town in the east": not the town the article is about
    carried_at = None
    if place is None and carried is not None and trig.acled_type is not None:
        place = carried_at = replace(carried, geo_precision=2)  # the act told beside it
    if place is None and dominant is not None and (
        group.country is None or group.country == dominant.country
    ) and trig.acled_type is not None:
        # No place in the event's own words: an article about one town is about events there.
        place = replace(dominant, geo_precision=2)
    location = None
    if place is not None:
        location = Location(
            name=place.name or place.text,
            mention=_mention(place.text, place.start, place.end),
            lat=place.lat, lon=place.lon, country=place.country,
            admin1=place.admin1, admin2=place.admin2, geonames_id=place.geonames_id,
            feature=place.feature, geo_precision=place.geo_precision or 1,
        )
    plover = plover.model_copy(update={
        "recipient_country": _recipient_country(
            plover, actors, group.country, by_actors | by_places, by_actors)})
    evidence = sorted({(m.sent.start_char, m.sent.end_char) for m in group.members})
    when = _when(group, previous, article.published)
    status = _status(group, when, article.published)
    if (
        status == "new"
        and when.start is None
        and article.published is not None
        and modality not in ("threatened", "planned", "hypothetical")
    ):
        # Told as news with no day given: it happened in the week up to publication (ACLED's
        # week precision), which is what the publication date tells us, and no more.
        when = When(
            start=article.published - timedelta(days=REPORTED_WITHIN_DAYS),
            end=article.published,
            precision="week",
            mention=when.mention,
        )
    event = Event(
        id=_event_id(article, group),
        status=status,
        modality=modality,
        acled=acled,
        plover=plover,
        cameo=cameo,
        trigger=_mention(trig.text, trig.start, trig.end),
        actors=actors,
        target=Target(text=target.text, start=target.start, end=target.end, kind=target.kind)
        if target else None,
        location=location,
        date=when,
        fatalities=_toll(group),
        sources=_sources(group, article.outlet),
        evidence=[Span(start=s, end=e) for s, e in evidence],
    )
    event.confidence = _confidence(group, event, len(article.text) >= LONG_REPORT_CHARS,
                                   inferred_place=carried_at is not None)
    return event


def _figures(doc: Doc, used: set[int]) -> list[Figure]:
    places = hits(doc, "ec_places")
    cues = hits(doc, "ec_cues")
    out: list[Figure] = []
    for n in hits(doc, "ec_numbers"):
        if id(n) in used:
            continue
        kind = n.kind if n.kind in FIGURE_KINDS else "count"
        sent = doc.char_span(n.start, n.end, alignment_mode="expand")
        rng = (sent.sent.start_char, sent.sent.end_char) if sent is not None and len(sent) else (
            n.start, n.end)
        in_sent = [p for p in places if rng[0] <= p.start and p.end <= rng[1]]
        place = next((p for p in in_sent if not p.is_country), in_sent[0] if in_sent else None)
        source = next((c.source_name for c in cues if c.kind == "source" and c.source_name
                       and rng[0] <= c.start < rng[1]), None)
        out.append(Figure(
            kind=kind, value=n.value, qualifier=n.qualifier,
            unit=n.unit if kind != "count" or n.unit else (n.kind if n.kind != "count" else None),
            scope=n.scope, about=n.about,
            place=(place.name or place.text) if place else None,
            since=n.since, attributed_to=source,
            mention=_mention(n.text, n.start, n.end),
        ))
    return out


def document_country(places: list, actors: list[ActorHit]) -> str | None:
    """The country the article is mostly about: most places named, towns counting double.

    Places inside actor names ("Kyiv" in "the Kyiv regime") do not vote.
    """
    votes: dict[str, float] = {}
    for place in places:
        inside_actor = any(
            a.start <= place.start and place.end <= a.end
            and a.end - a.start > place.end - place.start
            for a in actors
        )
        if place.country and not inside_actor:
            weight = 1.0 if place.is_country else 2.0
            votes[place.country] = votes.get(place.country, 0.0) + weight
    return max(votes, key=votes.get) if votes else None


def dominant_place(places: list[PlaceHit]) -> PlaceHit | None:
    """The one town or site an article keeps returning to (at least three mentions and most of
    all town-level mentions), or None when the article moves between places."""
    local = [p for p in places if not p.is_country and (p.geo_precision or 3) < 3 and p.lat]
    counts: dict[str, list[PlaceHit]] = {}
    for place in local:
        counts.setdefault(place.name or place.text, []).append(place)
    if not counts:
        return None
    name, hits_of = max(counts.items(), key=lambda kv: len(kv[1]))
    if len(hits_of) >= 3 and len(hits_of) * 2 > len(local):
        return hits_of[0]
    return None


def _substantial(group: Group) -> bool:
    """Weak words with nothing attached ("the legislation") are mentions, not events."""
    return any(m.trigger.weight >= 0.6 or m.has_arguments for m in group.members)


def _used_numbers(groups: list[Group]) -> set[int]:
    used: set[int] = set()
    for group in groups:
        toll = [n for m in group.members for n in m.tolls]
        used.update(id(n) for n in toll if isinstance(n, NumberHit))
    return used


def _drop_bare_promises(candidates: list[Candidate]) -> list[Candidate]:
    """"Promised to free the prisoners" is one event, the CONCEDE: the bare AGREE of its
    commitment word ("promised to") says less about the same act (codebook CONCEDE, THREATEN),
    as the SUPPORT of "voted" does in "voted to lift the curfew"."""
    promised = {c.promised_by for c in candidates if c.promised_by is not None}
    if not promised:
        return candidates
    return [c for c in candidates
            if not (c.trigger.plover in ("AGREE", "SUPPORT") and c.head.i in promised)]


def _headline(doc: Doc, events: list[Event]) -> Headline | None:
    """The act the title names, coded as the body codes a vowed or planned act ("Rebels Vow to
    Renew Bombing" is THREATEN), and the body's first event of the same PLOVER type, which is
    that act told in full (its mode fills in one the title does not name)."""
    act = main_act(hits(doc, "ec_headline"))
    if act is None:
        return None
    plover, cameo = _promised_plover(Plover(event_type=act.plover, mode=act.mode), act.modality,
                                     act.cameo)
    same = next((e for e in events
                 if e.plover is not None and e.plover.event_type == plover.event_type), None)
    if plover.mode is None and same is not None and same.plover is not None:
        plover = same.plover  # "Militants Attack Village": the body tells how (with guns)
    return Headline(text=act.text, plover=plover, cameo=cameo, modality=act.modality,
                    event=same.id if same is not None else None)


def assemble_report(article: Article, doc: Doc) -> ArticleReport:
    ctx = context(doc)
    actors, places = hits(doc, "ec_actors"), hits(doc, "ec_places")
    times, numbers, cues = hits(doc, "ec_times"), hits(doc, "ec_numbers"), hits(doc, "ec_cues")
    candidates: list[Candidate] = []
    by_sentence: dict[int, tuple[list, ...]] = {}
    for trig in sorted(hits(doc, "ec_triggers"), key=lambda t: t.start):
        cand = link_trigger(doc, article.text, trig, actors, places, times, numbers, cues,
                            by_sentence)
        if cand is not None:
            candidates.append(cand)
    candidates = _drop_bare_promises(candidates)
    groups = [g for g in group_candidates(candidates) if _substantial(g)]
    acts_at = {c.sent.start for c in candidates}
    for group in groups:
        place, when = told_after(group, acts_at, places, times)
        place = place or site_named_before(group, places)
        if place is not None or when is not None:
            lead = group.lead
            lead.place, lead.time = lead.place or place, lead.time or when
    events: list[Event] = []
    doc_country = document_country(places, actors)
    dominant = dominant_place(places)
    previous: Event | None = None
    earlier: ActorHit | None = None  # the last named actor, for "it" and "the group"
    told_at: Told = {}  # where each sentence's new act happened
    waiting: list[tuple[int, Event | None, ActorHit | None]] = []  # placeless, no carry yet
    for group in groups:
        carried = carried_place(group, told_at, places)
        event = build_event(article, group, previous, earlier, doc_country, dominant, carried)
        if carried is None and group.place is None and event.acled is not None:
            waiting.append((len(events), previous, earlier))
        events.append(event)
        if event.status == "new":
            record(told_at, group, event)
        if event.status == "new" and event.acled is not None and event.date.start:
            previous = event
        if event.status == "new":
            named = group.first("claimant") or next(
                (m.actor1 for m in group.members if m.actor1 and not m.actor1.generic), None)
            earlier = named or earlier
    for i, before, named_before in waiting:
        # a place told in a sentence whose act starts later in the text ("seized a town ...
        # Fighting in Mayadeen collapsed ... troops had taken control of the town")
        carried = carried_place(groups[i], told_at, places)
        if carried is not None:
            events[i] = build_event(article, groups[i], before, named_before, doc_country,
                                    dominant, carried)
    lead = lead_places(groups, places)
    for i, before, named_before in waiting if lead else ():
        # "Within a day, both Damascus and Riyadh came under missile attack. ... Syrian air
        # defences downed two missiles": the lead's town that no act has taken yet
        placed = [groups[j].place for j, e in enumerate(events) if e.status == "new"
                  and e.location is not None and groups[j].place is not None]
        if events[i].location is None and events[i].status == "new":
            carried = place_from_lead(groups[i], lead, placed)
            if carried is not None:
                events[i] = build_event(article, groups[i], before, named_before, doc_country,
                                        dominant, carried)
    warnings: list[str] = []
    if ctx.published is None and times:
        warnings.append("no publication date given: relative dates were left unresolved")
    for place in places:
        if place.lat is None and not place.is_country:
            warnings.append(f"place not found in the gazetteer: {place.text!r}")
    framing = [
        Framing(text=f.text, start=f.start, end=f.end, kind=f.kind, refers_to=f.refers_to,
                neutral=f.neutral)
        for f in hits(doc, "ec_framing")
    ]
    return ArticleReport(
        article=article_meta(article),
        headline=_headline(doc, events),
        events=events,
        figures=_figures(doc, _used_numbers(groups)),
        framing=framing,
        warnings=list(dict.fromkeys(warnings)),
    )
