"""Links each trigger to its arguments: actors, target, place, time, toll and cues.

One ``Candidate`` per trigger mention; ``within`` later merges candidates that are the same
real-world event. All links go through the dependency parse first and fall back to the clause,
then the sentence, so a reader's hit is only attached where the grammar allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventcoder.assemble import syntax
from eventcoder.kb.loader import load_yaml
from eventcoder.readers.actors import get_kb, is_place_name
from eventcoder.readers.hits import (
    ActorHit,
    CueHit,
    NumberHit,
    PlaceHit,
    TimeHit,
    TriggerHit,
)
from eventcoder.readers.triggers import is_source_phrase, lexicon, protest_clause

GENERIC_TRIGGER_LEMMAS = {
    "attack", "strike", "target", "hit", "assault", "operation", "raid", "offensive",
    "bombardment", "bombing", "onslaught", "aggression", "incident",
}
PRONOUNS = {"it", "they", "he", "she", "the group", "the movement", "the militia", "we"}
TOLL_KINDS = {"killed", "injured"}
TOLL_VERBS = {"kill", "die", "wound", "injure", "dead", "death", "martyr", "hurt", "perish"}


@dataclass
class Target:
    start: int
    end: int
    text: str
    kind: str | None


@dataclass
class Candidate:
    """One trigger mention with everything the parse lets us attach to it."""

    trigger: TriggerHit
    sent: Span
    head: Token
    actor1: ActorHit | None = None
    actor2: ActorHit | None = None
    assoc1: list[ActorHit] = field(default_factory=list)
    claimant: ActorHit | None = None
    target: Target | None = None
    place: PlaceHit | None = None
    country: str | None = None
    time: TimeHit | None = None
    tolls: list[NumberHit] = field(default_factory=list)
    modality: str = "asserted"
    modality_cue: CueHit | None = None
    sources: list[tuple[str, str, str | None]] = field(default_factory=list)
    background_cues: list[CueHit] = field(default_factory=list)
    in_cause_clause: bool = False
    in_response: bool = False  # "in response to X", "in retaliation for X": X is the backdrop
    named_subject: bool = False  # a noun phrase does the act, though no known actor ("elders")
    setting: bool = False  # "rioting during a G8 summit": the noun is when/where, not the act
    relative: bool = False  # "refugees, whom authorities blame for ...": describes a participant
    backdrop: bool = False  # "surrendered following an offensive", "as battles raged": the scene
    perfect_habitual: bool = False
    refers_back: bool = False  # subject is "it"/"the group": the actor named before
    quoted: bool = False  # inside quotation marks: a speaker's words, often opinion
    bare_plural: bool = False  # "macabre executions", "airstrikes by the allies": a kind of act
    ongoing: bool = False  # "is fighting", "are fighting a war": a state of affairs
    promised_by: int | None = None  # the commitment word a concession or threat is promised by
    definite: bool = False
    plural: bool = False
    also: bool = False
    mentions: list[TriggerHit] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

    @property
    def generic(self) -> bool:
        return self.trigger.weapon is None and self.trigger.lemma in GENERIC_TRIGGER_LEMMAS

    @property
    def in_general(self) -> bool:
        """Told as a kind of act, a habit or a state of affairs, not as one act."""
        return self.bare_plural or self.perfect_habitual or self.ongoing

    @property
    def has_arguments(self) -> bool:
        return any((self.actor1, self.actor2, self.target, self.place, self.time))


MODALITY_PRIORITY = (
    "negated", "denied", "hypothetical", "threatened", "planned", "alleged", "claimed", "reported",
)
# "during a summit", "at talks", "after the meeting", "ahead of the visit": a meeting or
# statement named as the occasion of something else
SETTING_PREPS = {"during", "at", "after", "before", "following", "ahead", "amid", "since",
                 "throughout"}
CAUSE_PREPS = {"response", "retaliation", "revenge", "reprisal", "amid", "after", "following"}
RESPONSE_NOUNS = {"response", "retaliation", "revenge", "reprisal", "reaction"}


# Subordinators whose clause tells a fact the main clause reacts to: a vow, threat or plan in
# the main clause does not reach into it.
FACT_MARKS = frozenset({"after", "since", "because", "as", "when", "once"})
# Words that put a clause beside the act, in its circumstances: a cue inside says nothing of it.
CIRCUMSTANCE = FACT_MARKS | {"before", "following", "until", "while"}
# Verbs whose gerund complement is the act itself, begun or kept up ("began leaving").
ASPECTUAL = frozenset({"begin", "start", "continue", "keep", "resume"})
# Acts a gerund after an attack names as what the attack was (ACLED codes the abduction).
TAKEN_AWAY = frozenset({"Abduction/forced disappearance"})


def _last_word(doc: Doc, head: Token, trig: TriggerHit) -> Token:
    """The last word of a phrase trigger whose head opens it ("suspension of air links")."""
    last = head
    while last.i + 1 < len(doc) and doc[last.i + 1].idx < trig.end:
        last = doc[last.i + 1]
    return last


def _best_actor(hits: list[ActorHit], near: Token, allow_media: bool = False,
                heads: list[Token] | None = None) -> ActorHit | None:
    usable = [h for h in hits if allow_media or not h.is_media]
    if not usable:
        return None
    centre = near.idx
    cores = [_core(t) for t in heads or ()]

    def nested(h: ActorHit) -> bool:
        # "Afghan forces in a crackdown on Taliban militants", "a militia loyal to the
        # government": the argument's own phrase names the actor, not a phrase hanging from it
        return bool(cores) and not any(lo <= h.start and h.end <= hi for lo, hi in cores)

    # The argument's own phrase first, then a named group before a generic one ("fighters"),
    # then the nearest.
    return min(usable, key=lambda h: (nested(h), h.generic, abs(h.start - centre)))


def _core(token: Token) -> tuple[int, int]:
    """Characters of a noun phrase's own words: its left part and "of"/"from" phrases
    ("fighters of the Islamic State"), not the phrases and clauses that describe it."""
    right = token
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from") or child.dep_ == "compound":
            right = child.right_edge
    return token.left_edge.idx, right.idx + len(right)


def _actors_under(tokens: list[Token], actors: list[ActorHit]) -> list[ActorHit]:
    """Actor mentions inside an argument's subtree, or covering its head word (a bad parse can
    leave "the paramilitary" outside the subtree of "Rapid Support Forces")."""
    found: list[ActorHit] = []
    for token in tokens:
        rng = syntax.subtree_range(token)
        found.extend(
            a for a in actors
            if syntax.inside(a, rng) or a.start <= token.idx < a.end
        )
    return list({id(a): a for a in found}.values())


def _phrase_until_clause(token: Token) -> tuple[int, int]:
    """The noun phrase of an object, without relative clauses or trailing location phrases."""
    right = token
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "advcl"):
            break
        if child.dep_ == "prep" and child.lower_ not in ("of", "at"):
            break
        right = child.right_edge
    left = token.left_edge
    return left.idx, right.idx + len(right)


WIDE_FEATURES = ("SEA", "GULF", "RGN", "CONT", "OCN")  # wider than any province


def _place_rank(place: PlaceHit) -> tuple:
    """Towns and sites first, then provinces, then seas and regions, then countries: 'hit
    Idlib ... near the Mediterranean coast' happened in Idlib."""
    precise = 0
    if place.is_country:
        precise = 3
    elif place.feature and place.feature.startswith(WIDE_FEATURES):
        precise = 2
    elif place.feature and place.feature.startswith("ADM1"):
        precise = 1
    return (precise, place.geo_precision or 3, -place.score)


def _choose_place(places: list[PlaceHit]) -> PlaceHit | None:
    resolved = [p for p in places if p.lat is not None or p.country]
    return min(resolved, key=_place_rank) if resolved else None


def _in_issue(doc: Doc, hit: PlaceHit) -> bool:
    """The place sits in an 'over ...' issue phrase (not 'in support of', 'amid')."""
    token = syntax.head_token(doc, hit.start, hit.end)
    for anc in token.ancestors if token is not None else ():
        if anc.dep_ == "prep" and syntax.is_motive(anc):
            return anc.lower_ == "over"
    return False


def _head_in(doc: Doc, hit: PlaceHit, clause: set[int]) -> bool:
    head = syntax.head_token(doc, hit.start, hit.end)
    return head is not None and head.i in clause


def _cue_scopes(cue: CueHit, doc: Doc, trigger_head: Token, clause: set[int]) -> bool:
    """A modality cue applies inside the trigger's own clause or when it governs the trigger.

    "bases where troops are stationed on alleged missions": "alleged" sits in a relative clause
    and says nothing about the attack on the base.
    """
    span = syntax.span_of(doc, cue.start, cue.end)
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ in ("amod", "compound") and root.head != trigger_head:
        return False  # "detained three suspected militants": doubt about who, not what
    if trigger_head in root.ancestors:
        tok = root
        while tok != trigger_head:
            if tok.lower_ in CIRCUMSTANCE or any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE
                                                 for c in tok.children):
                return False  # "beat him to death after accusing him of blasphemy"
            tok = tok.head
    if root.dep_ == "aux":  # a modal says something of its own verb only: "would-be bombers
        # blew themselves up" (the act happened), "an attack could follow" (it may not)
        return root.head == trigger_head or root.head in trigger_head.ancestors
    owner = root.head if root.dep_ in ("neg", "aux", "advmod") else root
    if owner.dep_ == "conj" and owner is not trigger_head and not (
            owner.i <= trigger_head.i <= owner.right_edge.i):
        return False  # "is committed to opening up but will not be rushed": the other conjunct
    if any(t.i in clause for t in span):
        return True
    above: set[int] = set()
    for tok in [trigger_head, *syntax.clause_ancestors(trigger_head)]:
        above.add(tok.i)
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACT_MARKS
                                       for c in tok.children):
            break  # "vowed an inquiry after seven people were murdered": the murder is a fact
    return any(t.i in above for t in span)


BACKDROP_PREPS = frozenset({"after", "following", "since", "before", "amid"})
BACKDROP_MARKS = frozenset({"as"})


def _backdrop(head: Token, verb: Token) -> bool:
    """An act told as the scene of the main clause's act: a noun after "following", "after",
    "since", "amid" ("surrendered following a government offensive"), or a clause opened by
    "as" ("prepared to impose martial law as street battles raged"); "while" often joins two
    acts told side by side, and stays out."""
    if head.dep_ == "pobj" and head.head.lower_ in BACKDROP_PREPS and head.head.head.pos_ in (
            "VERB", "AUX"):
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS for c in verb.children)


def _in_cause_clause(head: Token, words: set[str] = CAUSE_PREPS) -> bool:
    """Is the trigger inside "in response to ...", "in retaliation for ...", "amid ..."?"""
    for ancestor in head.ancestors:
        if ancestor.lower_ in words or ancestor.lemma_ in words:
            return True
        if ancestor.pos_ == "VERB" and ancestor.dep_ in ("ROOT",):
            return False
    return False


def _not_an_occurrence(head: Token) -> bool:
    """Words that name an act without reporting one: "went to Syria to fight", "men killed
    fighting IS", "one thing to kill a soldier"."""
    if head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.lemma_ == "be":
        return True  # "jihadists are still in control": a state, not an act
    if head.lemma_ == "control" and (head.dep_ == "pobj" and head.head.lower_ in ("in", "under")
                                     or head.tag_ in ("VBZ", "VBP")):
        return True  # "in control of the area", "the faction that controls the country": a state
    if head.lemma_ == "control" and any(c.dep_ == "auxpass" for c in head.children):
        return True  # "the province is (was) controlled by jihadists": a state, not a takeover
    if is_source_phrase(head):
        return True  # "according to vigilantes", "according to protesters": who tells it
    if (head.i - head.sent.start <= 3 and head.i + 1 < len(head.doc)
            and head.doc[head.i + 1].text == ":"):
        return True  # "Myanmar coup: Biden slaps sanctions ...": a story's label, not a report
    if head.tag_ == "VBN" and head.dep_ in ("acl", "amod"):
        return True  # "areas retaken by Damascus", "men killed fighting": describes a noun
    if head.dep_ in ("xcomp", "ccomp") and head.head.tag_ == "VBG" and head.head.dep_ == "acl":
        return True  # "a civilian helping the army fight the group": describes the civilian
    if head.tag_ != "VBG":
        return False
    if head.dep_ == "acl" and head.head.lemma_.lower() in lexicon().statement_nouns:
        return False  # "issued a declaration demanding that ...": the statement's own act
    if head.dep_ == "advcl":
        # "..., killing two" describes the main clause's event; a sentence-initial gerund
        # ("Shelling by X killed ...") or one after an adjective or determiner ("was bombarded
        # by Korean shelling") is a noun, the event itself, mis-tagged by the parser.
        before = head.doc[head.i - 1] if head.i > 0 else None
        nominal = before is not None and (before.pos_ in ("ADJ", "DET") or before.dep_ == "poss"
                                          or before.ent_type_ == "NORP")
        return head.i > head.head.i and not nominal
    if head.dep_ == "pcomp" and head.head.lower_ in ("after", "by", "before"):
        return False  # "after seizing the town": a step in the story, told in passing
    if head.dep_ == "xcomp" and head.head.lemma_ in ASPECTUAL:
        return False  # "began shelling the town": the act itself, begun
    return head.dep_ in ("acl", "xcomp", "pcomp", "amod")  # describes someone or something
    return False


def _between(words: tuple[Token, ...], actors: list[ActorHit]
             ) -> tuple[ActorHit | None, ActorHit | None]:
    """The two sides of "fighting between the army and the rebels", "clashes broke out between
    police and protesters", in the order told."""
    for prep in (c for w in dict.fromkeys(words) for c in w.children):
        if prep.dep_ != "prep" or prep.lower_ != "between":
            continue
        for first in (c for c in prep.children if c.dep_ == "pobj"):
            second = next((c for c in first.children if c.dep_ == "conj"), None)
            sides = [next((a for a in actors if a.start <= t.idx < a.end), None)
                     for t in (first, second) if t is not None]
            if len(sides) == 2 and sides[0] is not None and sides[1] is not None:
                return sides[0], sides[1]
    return None, None


# Acts a word may only describe a thing by ("fighting group"); a crowd word names the crowd
# itself ("a vigilante group killed nine bandits"), so crowd types are left out.
FIGHTING_TYPES = frozenset({"Battles", "Explosions/Remote violence"})


@lru_cache(maxsize=1)
def _described_nouns() -> frozenset[str]:
    return frozenset(load_yaml("triggers").get("described_nouns") or ())


@lru_cache(maxsize=1)
def _state_hosts() -> frozenset[str]:
    return frozenset(load_yaml("triggers").get("state_hosts") or ())


def _held_by_government(head: Token, actors: list[ActorHit]) -> bool:
    """A crowd word owned by a government or its office ("President X's rally", "the
    governor's rally") names the state's own gathering, a campaign rally, not a protest."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    owners = [c for c in head.children if c.dep_ == "poss"]
    hosts = _state_hosts()
    for owner in owners:
        words = {owner.lemma_.lower()} | {c.lemma_.lower() for c in owner.children
                                          if c.dep_ == "compound"}
        if words & hosts or any(a.kind == "State forces" and a.name.startswith("Government")
                                and a.start <= owner.idx < a.end for a in actors):
            return True
    return False


def _ongoing(verb: Token) -> bool:
    """Present simple or progressive of the event verb: a state of affairs, not a new event
    ("troops are stationed", "the coalition is fighting")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    ):
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in verb.children
    )


QUOTES = "\"“”"


def _quoted(text: str, head: Token) -> bool:
    """Odd number of quotation marks before the word in its sentence: inside a quote."""
    before = text[head.sent.start_char:head.idx]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


LOCATIVE_PREPS = {
    "in", "at", "near", "outside", "inside", "around", "of", "across", "from", "into", "on",
    "off", "towards", "toward", "between", "within", "throughout", "north", "south", "east",
    "west",
}


def _vague(place: PlaceHit | None) -> bool:
    return place is None or place.is_country or (place.geo_precision or 3) >= 3


def _governing_prep(doc: Doc, place: PlaceHit) -> str | None:
    token = syntax.head_token(doc, place.start, place.end)
    while token is not None and token.dep_ in ("compound", "amod", "appos", "conj"):
        token = token.head
    return token.head.lower_ if token is not None and token.dep_ == "pobj" else None


def _locative(doc: Doc, place: PlaceHit) -> bool:
    """ "in Kharkiv", "near Sake", "outskirts of Idlib": a place said to be where things are."""
    token = syntax.head_token(doc, place.start, place.end)
    if token is None:
        return False
    while token.dep_ in ("compound", "amod", "appos", "conj") and token.head is not token:
        if token.dep_ == "compound" and token.head.lemma_.lower() in lexicon().topic_nouns:
            return False  # "withdraw from the Iran deal": what the deal is about, not where
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _where_not_whom(doc: Doc, hit: ActorHit) -> bool:
    """ "attacked three villages in north-eastern Nigeria": a country or capital named as where
    the target lies is a place, not its government on the receiving end."""
    return is_place_name(hit) and _locative(doc, hit)


def _used_as_actor(doc: Doc, place: PlaceHit, actors: list[ActorHit]) -> bool:
    """ "Washington's support", "Moscow said": a capital standing for its government."""
    if not any(a.start == place.start and a.end == place.end for a in actors):
        return False
    token = syntax.head_token(doc, place.start, place.end)
    return token is not None and token.dep_ in ("poss", "nsubj", "nsubjpass")


HARM_VERBS = TOLL_VERBS | {"hit", "destroy", "damage", "leave", "target", "strike", "raze"}


def _harm_verb(head: Token, verb: Token) -> Token | None:
    """The verb that says what the event did: "Shelling (by X) killed 12 civilians"."""
    if verb is not head and verb.lemma_ in HARM_VERBS:
        return verb
    if head.dep_ in ("advcl", "nsubj", "csubj") and head.head.lemma_ in HARM_VERBS:
        return head.head
    return None


def _is_modifier_time(doc: Doc, time: TimeHit) -> bool:
    """ "the 1948 territories": a year used as an adjective names no event time."""
    token = syntax.head_token(doc, time.start, time.end)
    return (
        token is not None
        and token.dep_ in ("compound", "amod", "nummod", "npadvmod")
        and token.head.pos_ in ("NOUN", "PROPN", "ADJ")
        and token.head.ent_type_ not in ("DATE", "TIME")
    )


HABITUAL_ADVERBS = {
    "also", "repeatedly", "previously", "already", "long", "often", "frequently", "once",
    "regularly", "routinely", "ever", "before",
}
NON_SPECIFIC_DETS = {"some", "many", "several", "other", "numerous", "countless", "most"}


def _plural_nonspecific(token: Token) -> bool:
    """ "Britons", "some fighters", "other westerners": people in general, not a count."""
    if token.tag_ not in ("NNS", "NNPS"):
        return False
    lefts = {c.lower_ for c in token.lefts}
    if any(c.dep_ == "nummod" for c in token.lefts) or lefts & {"the", "these", "those", "two"}:
        return False
    return True


def _perfect_habitual(verb: Token, head: Token) -> bool:
    """A perfect tense that records repeated or past acts rather than reporting one:
    "Washington has also vetoed resolutions", "had previously fought in Afghanistan",
    "some Britons have been arrested", "fighters have been tortured in their thousands"."""
    aux_have = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have"]
    if not aux_have:
        return False
    habitual = {c.lower_ for c in verb.children} & HABITUAL_ADVERBS
    if habitual - {"also"}:
        return True
    if habitual and any(c.dep_ in ("dobj", "nsubjpass") and _plural_nonspecific(c)
                        for c in verb.children):
        # "has also vetoed resolutions"; "have also seized a town" is one more act, the news
        return True
    if aux_have[0].tag_ == "VBD":
        return False  # past perfect without a habitual word: a step in a narrative
    # "some Britons have been arrested": people in general as the subject ("strongholds" or
    # "swaths of territory" as the object are specific enough)
    arguments = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    one_thing = any(c.dep_ == "dobj" and c.tag_ in ("NN", "NNP") for c in verb.children)
    if any(_plural_nonspecific(a) for a in arguments) and not one_thing:
        return True  # but "soldiers have seized a town": one act done to one thing
    return head is not verb and head.tag_ == "NNS"


BACK_REFERENCE_NOUNS = {"group", "movement", "militia", "organisation", "organization", "faction"}


def _is_back_reference(token: Token) -> bool:
    if token.tag_ == "PRP" and token.lower_ in ("it", "they"):
        return True
    return token.lemma_.lower() in BACK_REFERENCE_NOUNS and any(
        c.lower_ in ("the", "this", "that") for c in token.lefts
    )


SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})  # grammar, not knowledge


def _coordinated(doc: Doc, hit: ActorHit) -> bool:
    """The hit heads a conjunct of a coordination ("X and Y"), not a modifier of another's
    noun."""
    token = syntax.head_token(doc, hit.start, hit.end)
    return token is not None and (token.dep_ == "conj" or any(
        c.dep_ == "conj" for c in token.children))


def _reporting_speaker(verb: Token, actors: list[ActorHit], head: Token) -> ActorHit | None:
    """The named subject of the verb a reported clause hangs from ("X said he would ...", "X
    announced that it will ..."; "X was quoted as saying he ..."). Not a clause of obligation
    ("saying he must resign" asks someone else to act), nor one hanging from a noun ("a
    reminder that it must comply")."""
    if verb.dep_ not in ("ccomp", "xcomp") or any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
        return None
    node = verb.head
    if node.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [t for t in node.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and node.dep_ == "pcomp" and node.head.head.pos_ in ("VERB", "AUX"):
        subjects = [t for t in node.head.head.children if t.dep_ in ("nsubj", "nsubjpass")]
    found = _actors_under(subjects, actors)
    return _best_actor(found, head) if found else None


def _definite(doc: Doc, hit: ActorHit) -> bool:
    """ "the rebels", "the militants": a group named earlier in the article."""
    token = syntax.head_token(doc, hit.start, hit.end)
    return token is not None and any(c.lower_ in ("the", "these", "those") for c in token.lefts)


def _determiners(head: Token) -> tuple[bool, bool, bool]:
    definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in head.lefts)
    plural = head.tag_ in ("NNS", "NNPS")
    also = any(c.lower_ in ("also", "too", "again") for c in head.head.children) or any(
        c.lower_ in ("also", "too") for c in head.children
    )
    return definite, plural, also


def link_trigger(
    doc: Doc,
    text: str,
    trig: TriggerHit,
    actors: list[ActorHit],
    places: list[PlaceHit],
    times: list[TimeHit],
    numbers: list[NumberHit],
    cues: list[CueHit],
    by_sentence: dict[int, tuple[list, ...]] | None = None,
) -> Candidate | None:
    """Read one trigger's event from its sentence. ``by_sentence`` lets the caller share the
    hit lists narrowed to each sentence across the triggers of one article."""
    head = syntax.head_token(doc, trig.start, trig.end)
    if head is None:
        return None
    if _not_an_occurrence(head) and not (
        head.dep_ == "advcl" and (trig.acled_type == "Protests" or trig.acled_sub in TAKEN_AWAY)
    ):
        # "..., dispersing the crowds" is the intervention itself, not a detail of another act;
        # "attacked the village, abducting ten" says what the attack was
        return None
    if trig.acled_type == "Protests" and _held_by_government(head, actors):
        return None
    if trig.acled_type in FIGHTING_TYPES and head.dep_ in ("compound", "amod") and (
            head.head.lemma_ in _described_nouns()):
        return None  # "the main rebel fighting group", "attack helicopters": a kind of thing
    sent = head.sent
    sent_rng = (sent.start_char, sent.end_char)
    # Everything below looks within the sentence: narrow the hit lists once per sentence.
    all_actors = actors
    by_sentence = {} if by_sentence is None else by_sentence
    if sent.start not in by_sentence:
        by_sentence[sent.start] = tuple(
            syntax.hits_in(hits, sent_rng) for hits in (actors, places, times, numbers, cues)
        )
    actors, places, times, numbers, cues = by_sentence[sent.start]
    verb = syntax.governing_verb(head)
    cand = Candidate(trigger=trig, sent=sent, head=head, mentions=[trig], sentences=[sent])
    cand.definite, cand.plural, cand.also = _determiners(head)
    cand.in_cause_clause = _in_cause_clause(head)
    cand.in_response = cand.in_cause_clause and _in_cause_clause(head, RESPONSE_NOUNS)
    cand.setting = (head.pos_ == "NOUN" and head.dep_ == "pobj"
                    and head.head.lower_ in SETTING_PREPS)
    cand.relative = verb.dep_ == "relcl"
    cand.backdrop = _backdrop(head, verb)
    cand.perfect_habitual = _perfect_habitual(verb, head)
    if not cand.perfect_habitual and verb.dep_ in ("relcl", "acl"):
        # "has vetoed resolutions that called on ...": a clause inside a habitual record
        outer = syntax.governing_verb(verb.head)
        cand.perfect_habitual = outer is not verb and _perfect_habitual(outer, outer)
    cand.ongoing = _ongoing(verb)
    cand.quoted = _quoted(text, head)
    cand.bare_plural = head.pos_ == "NOUN" and _plural_nonspecific(head)

    key = ("ec_motives", sent.start)
    if key not in doc.user_data:  # once per sentence, not once per trigger
        doc.user_data[key] = syntax.motive_ranges(head)
    motives = [r for r in doc.user_data[key] if not (r[0] <= trig.start < r[1])]

    def outside_motives(hit) -> bool:
        return not any(syntax.inside(hit, r) for r in motives)

    sent_actors = [
        a for a in actors
        if (not syntax.inside(a, (trig.start, trig.end)) or _inside_phrase(a, trig, head))
        and outside_motives(a)
    ]  # "Russian drones" stays an actor when the trigger is "drones struck"
    # "Russian shelling" tagged as a verb is still a noun with its modifiers
    is_noun = head.pos_ in ("NOUN", "PROPN") or head.tag_ == "VBG" and any(
        c.dep_ in ("amod", "det", "poss") for c in head.lefts)

    # --- who acted -------------------------------------------------------------------------
    actor1_tokens: list[Token] = []
    if is_noun:
        actor1_tokens += [c for c in head.lefts if c.dep_ in ("poss", "amod", "compound", "nmod")]
        actor1_tokens += syntax.agents(head)
    engaged = is_noun and verb.lemma_ in syntax.PARTICIPATION_VERBS and head.dep_ == "pobj"
    # "Vietnam is committed to opening up": a stance adjective, its subject the one committed
    stance = syntax.is_passive(verb) and verb.lemma_ in PROMISING
    passive = syntax.is_passive(verb) and not engaged and not stance
    if stance:
        actor1_tokens += syntax.passive_subjects(verb)
    if engaged:
        actor1_tokens += syntax.passive_subjects(verb)
    if passive or (is_noun and verb is not head):
        actor1_tokens += syntax.agents(verb)  # "killed by X", "shelling ... by X"
    # "guerrillas wounded two soldiers in a bomb attack": who harms in an attack made it
    harming_in = (is_noun and head.dep_ == "pobj" and verb.lemma_ in HARM_VERBS
                  and any(c.dep_ == "dobj" for c in verb.children))
    if not passive and (verb is head or not is_noun or verb.lemma_ in syntax.LIGHT_VERBS
                        or harming_in):
        # "Palestinian riots against X continued": the trigger as subject is no actor phrase
        found = [t for t in syntax.subjects(verb) if t.i != head.i]
        if not found and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.head.pos_ in (
                "VERB", "AUX"):
            # "the army achieved a victory by controlling the area", "after seizing the town,
            # the rebels ...": a gerund in a phrase is done by its clause's subject
            found = syntax.subjects(verb.head.head)
        actor1_tokens += found
    actor1_hits = _actors_under(actor1_tokens, sent_actors)
    cand.actor1 = _best_actor(actor1_hits, head, heads=actor1_tokens) or next(
        (a for a in sent_actors if not a.generic and a.start < trig.start and a.end == trig.end),
        None)  # "hit by Russian shelling": an actor phrase whose head word is the trigger
    cand.named_subject = any(t.pos_ in ("NOUN", "PROPN") for t in actor1_tokens)
    if cand.actor1 is not None and cand.actor1.generic and _definite(doc, cand.actor1):
        cand.refers_back = cand.actor1.kind not in ("Civilians", "Protesters", "Rioters")
    if cand.actor1 is None:
        cand.refers_back = any(_is_back_reference(t) for t in actor1_tokens)

    # --- acted on: actors and non-actor targets ----------------------------------------------
    object_tokens: list[Token] = []
    # Violence lands on/against/at someone; talk, aid and agreement go to/with/from someone.
    preps = syntax.TARGET_PREPS if trig.acled_type else syntax.ADDRESSEE_PREPS | {"in"}
    if trig.plover == "COERCE":
        # "confiscated weapons from armed groups": whom it was taken from; "hacked into the
        # computers of X": what was broken into
        preps = preps | {"from", "into"}
    elif trig.plover == "ASSAULT" and trig.acled_type is None:
        preps = preps | {"of"}  # "the invasion of Kuwait": whom a war is made on
    if is_noun:
        object_tokens += syntax.objects(head, preps)
    if verb is not head or not is_noun:
        if passive:
            object_tokens += syntax.passive_subjects(verb)
        object_tokens += [t for t in syntax.objects(verb, preps) if t is not head]
    harm = _harm_verb(head, verb)
    if harm is not None:
        object_tokens += [t for t in syntax.objects(harm) if t is not head]
    last = _last_word(doc, head, trig)
    if last is not head and last.pos_ in ("NOUN", "PROPN") and trig.acled_type is None:
        # "a suspension of air links with Serbia": the phrase's own last noun takes the party
        object_tokens += syntax.objects(last, preps)
    object_tokens = [
        t for t in object_tokens if not (t.i <= head.i <= t.right_edge.i and t is not head)
    ]
    object_tokens = [t for t in object_tokens if t.ent_type_ not in ("DATE", "TIME")]
    object_actors = [a for a in _actors_under(object_tokens, sent_actors)
                     if a is not cand.actor1 and not _where_not_whom(doc, a)]
    if not object_actors and trig.acled_type is None:
        # "threatened to break relations with Russia", "refused to meet Jordan's king": the
        # addressee of a stance is the one its act is done to or with
        complement = _complement_objects(head, verb, preps)
        object_tokens += complement
        object_actors = [a for a in _actors_under(complement, sent_actors)
                         if a is not cand.actor1]
    if not object_actors and trig.acled_type is None:
        # "demanded that the US cancel", "its demand that Israel ease": who is to act
        object_actors = [a for a in _actors_under(_clause_subjects(head, verb), sent_actors)
                         if a is not cand.actor1]
    if not object_actors and trig.acled_type is None:
        # "threatened a strike unless Israel rescinded ...", "will stop the talks if the United
        # States goes ahead": a warning is addressed to whoever its condition asks to act
        object_actors = [a for a in _actors_under(_condition_subjects(head, verb), sent_actors)
                         if a is not cand.actor1]
    cand.actor2 = _best_actor(object_actors, head, heads=object_tokens)
    if cand.actor2 is not None and trig.acled_type is None:
        # "apologized to Brazil for a seizure ... disputed by Argentina and Chile": a country
        # that is itself the argument beats an actor in a phrase hanging from another one
        cores = [_core(t) for t in object_tokens]
        if not any(lo <= cand.actor2.start and cand.actor2.end <= hi for lo, hi in cores):
            own = _government_of(next((p for p in places if p.country and any(
                lo <= p.start and p.end <= hi for lo, hi in cores)), None))
            cand.actor2 = own or cand.actor2
    if trig.plover == "ACCUSE" and trig.acled_type is None and (
            cand.actor2 is None or _addressed(doc, cand.actor2, (head, verb))):
        # "complained to the UN over two Israeli air raids": the one accused, not the one
        # told, is the recipient (codebook ACCUSE: criticise the responsible parties)
        accused = _accused(head, verb, actors, cand.actor1)
        cand.actor2 = accused or cand.actor2
    if cand.actor1 is None and cand.actor2 is None and trig.acled_type is not None:
        cand.actor1, cand.actor2 = _between((head, verb), sent_actors)
    if cand.actor2 is None and trig.plover in RECIPROCAL and cand.actor1 is not None:
        # "X and Y agreed to ...": the second party of a joint act
        partners = [a for a in actor1_hits if a is not cand.actor1 and a.name != cand.actor1.name
                    and _coordinated(doc, a)]  # not "NATO-member Norway": a modifier
        cand.actor2 = partners[0] if partners else None
    if cand.actor1 is None and trig.acled_type is None:
        # "President Laurent Gbagbo announced ... in Abidjan": an office holder the KB does
        # not know acts for the one country the sentence names (none other is in the event)
        cand.actor1 = _official_of_sole_country(actor1_tokens, sent_actors, places, cand.actor2)
    if cand.actor2 is None and trig.acled_type is None:
        # "visited Moscow", "aid to Lebanon": a country or capital stands for its government
        slot_places = [
            p for t in object_tokens for p in syntax.hits_in(places, syntax.subtree_range(t))
        ]
        cand.actor2 = _government_of(next((p for p in slot_places if p.country), None))
    if cand.actor2 is None and trig.acled_type is None:
        # "ordered former president Carlos Menem to appear", "dismissed an appeal from
        # President Gbagbo": an office holder on the receiving end, in a sentence that names
        # one country, is that country's
        named = [w for t in object_tokens for w in t.subtree
                 if w.pos_ == "PROPN" and w.ent_type_ == "PERSON"]
        cand.actor2 = _official_of_sole_country(named, sent_actors, places, None)
    if cand.actor2 is None and trig.acled_type is None:
        # "rejected an Indian proposal", "denounced Serbia's suppression", "threatened
        # restrictions against German goods": the country that owns what is acted on
        cand.actor2 = _owner_government(object_tokens, cand.actor1)
    if cand.actor2 is None and trig.acled_type is None:
        # "froze the assets of the ruling party", "hacked the computers of army officers": the
        # one whose thing is acted on
        owners = [p for t in object_tokens if t.pos_ in ("NOUN", "PROPN") for c in t.children
                  if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        cand.actor2 = _best_actor([a for a in _actors_under(owners, sent_actors)
                                   if a is not cand.actor1], head)
    if cand.actor2 is None and trig.plover == "PROTEST":
        # "struck to demand the president's resignation", "marched in defiance of the
        # authorities": a protest's recipient is whom it is against or addressed to (codebook),
        # even inside what reads as its motive ("in protest at the government's decision")
        aims = _protest_aims(head)
        cand.actor2 = _best_actor(
            [a for a in _actors_under(aims, actors) if a is not cand.actor1
             and a.kind not in ("Protesters", "Rioters")], head)
        if cand.actor2 is None:
            cand.actor2 = _government_of(next(
                (p for t in aims for p in syntax.hits_in(places, syntax.subtree_range(t))
                 if p.country), None))

    target_places: list[PlaceHit] = []
    for token in object_tokens:
        rng = syntax.subtree_range(token)
        target_places += syntax.hits_in(places, rng)
        if cand.target is None:
            start, end = _phrase_until_clause(token)
            phrase_actors = syntax.hits_in(actors, (start, end))
            only_actor = any(a.start <= start and a.end >= end for a in phrase_actors)
            if not only_actor and token.pos_ in ("NOUN", "PROPN"):
                cand.target = Target(start, end, text[start:end], token.lemma_.lower())

    # --- where -------------------------------------------------------------------------------
    actor_ranges = [a for a in sent_actors if not a.generic]
    subject_ranges = [syntax.subtree_range(t) for t in actor1_tokens]

    def usable(p: PlaceHit) -> bool:
        if not outside_motives(p) or _used_as_actor(doc, p, actor_ranges):
            return False
        if any(syntax.inside(p, (a.start, a.end)) and (a.end - a.start) > (p.end - p.start)
               for a in actor_ranges):
            return False  # "Iraq" inside "Islamic Resistance in Iraq"
        if any(syntax.inside(p, rng) for rng in subject_ranges):
            # "fighters from Iraq" names an origin; "an attack by rebels near Sake" a place
            return _locative(doc, p) and _governing_prep(doc, p) not in ("from", "of")
        return True

    chosen = _choose_place([p for p in target_places if usable(p)])
    # A sea, region or country is only the fallback for a town or site in the verb's own
    # clause, not one in a clause of its own ("..., as ministers gathered in Brussels";
    # "weapons it said were intended for an attack near the coast")
    if _vague(chosen):
        around = syntax.hits_in(places, syntax.subtree_range(verb))
        if harm is not None:
            around += [p for p in syntax.hits_in(places, syntax.subtree_range(harm))
                       if p not in around]
        around = [p for p in around if usable(p)]
        if around:
            own = syntax.own_clause(verb) | (
                syntax.own_clause(harm) if harm is not None else set())
            around = [p for p in around if _head_in(doc, p, own)]
        chosen = _choose_place([*([chosen] if chosen else []), *around])
    # the rest of the sentence only when the event's own clause named no more than a country:
    # a province it names beats a town in another clause
    if chosen is None or chosen.is_country:
        sent_places = [p for p in places if usable(p) and _locative(doc, p)]
        chosen = _choose_place([*([chosen] if chosen else []), *sent_places])
    if chosen is None:
        # "clashed with police over fuel prices in Lagos": the parser hangs the town on the
        # issue; with no other place in the sentence, the issue's town is where it happened
        # ("in support of Palestinians in Gaza" names whom, and stays out)
        chosen = _choose_place([
            p for p in places
            if _in_issue(doc, p) and _locative(doc, p)
            and not _used_as_actor(doc, p, actor_ranges)
        ])
    if chosen is not None:
        cand.country = chosen.country
        cand.place = None if chosen.is_country else chosen
    if (cand.actor2 is None and trig.acled_type in (None, "Strategic developments")
            and chosen is not None
            and chosen.country and (trig.plover, trig.plover_mode) in POPULATION_MEASURES):
        # "imposed a curfew in Cizre", "lifted the state of emergency in West Darfur": a
        # measure on a place falls on the people who live there
        civilians = get_kb().group_actor(chosen.country, "civilians")
        if civilians is not None:
            cand.actor2 = ActorHit(chosen.start, chosen.end, chosen.text, civilians.name,
                                   chosen.country, civilians.kind, generic=True)

    # --- when --------------------------------------------------------------------------------
    clause_rng = syntax.subtree_range(verb)
    own_times = [t for t in times if not _is_modifier_time(doc, t) and outside_motives(t)]
    clause_times = syntax.hits_in(own_times, clause_rng)
    pool = clause_times or own_times
    if pool:
        rank = {"day": 0, "week": 1, "month": 2, "year": 3}
        cand.time = min(pool, key=lambda t: (rank.get(t.precision, 4), abs(t.start - trig.start)))

    # --- toll --------------------------------------------------------------------------------
    if trig.lemma in TOLL_VERBS and any(
        n.scope == "cumulative" for n in syntax.hits_in(numbers, clause_rng)
    ):
        return None  # "24,620 have been killed" is a running total, not an event
    cand.tolls = [n for n in numbers if n.kind in TOLL_KINDS and n.scope != "cumulative"]

    # --- modality, sources, status cues ------------------------------------------------------
    modality_cues = [c for c in cues if c.kind == "modality"]
    clause = syntax.own_clause(verb) | syntax.own_clause(head) if modality_cues else set()
    modalities = [c for c in modality_cues if _cue_scopes(c, doc, head, clause)]
    if trig.negated:
        cand.modality = "negated"
    elif modalities:
        best = min(
            modalities,
            key=lambda c: MODALITY_PRIORITY.index(c.value) if c.value in MODALITY_PRIORITY else 99,
        )
        if best.value in MODALITY_PRIORITY:
            cand.modality = best.value
            cand.modality_cue = best
    stoppage = trig.plover == "PROTEST" and trig.plover_mode in STOPPAGES
    if (cand.modality == "hypothetical" and cand.modality_cue is not None
            and cand.modality_cue.text.lower() in FUTURE_IN_PAST
            and (trig.plover in COMMITMENTS or stoppage)):
        # "said they would boycott all contact", "said it would allow the inspectors back": the
        # future of a reported promise or threat, not a condition; a boycott, strike or
        # blockade announced for later is a threat to restrict (codebook THREATEN restrict)
        cand.modality = "threatened" if trig.plover == "THREATEN" or stoppage else "planned"
    elif (cand.modality == "hypothetical" and trig.plover == "THREATEN"
          and trig.acled_type is None and cand.modality_cue is not None
          and cand.modality_cue.text.lower() in lexicon().intent.maybe):
        # "may halt mediation if cooperation founders": the warning is made now
        cand.modality = "threatened"
    infinitive = (head.tag_ == "VB" and any(c.tag_ == "TO" for c in head.children)
                  and head.head.lemma_.lower() not in ATTEMPT_HEADS)
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.tag_ == "VB" and (
            head.head.dep_ == "acl"):
        # "waiting for an order to kick off the assault": what a plan or order is for
        infinitive = any(c.tag_ == "TO" for c in head.head.children)
    if infinitive and trig.acled_sub == "Agreement" and head.head.lemma_ in AGREEING:
        infinitive = False  # "agreed to resume peace talks": the agreement is the event
    if infinitive and head.head.lemma_ in IMPLICATIVE:
        infinitive = False  # "managed to seize the town", "were forced to withdraw": it was done
    if infinitive and trig.plover_mode == "investigate" and (
            head.head.lemma_.lower() in lexicon().investigation_senders):
        infinitive = False  # "sent a team to investigate the killings": the inquiry is under way
    if infinitive and head.head.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon().steps_taken
            for c in head.head.children):
        infinitive = False  # "has taken steps to ease the restrictions": the easing has begun
    if infinitive and head.head.lemma_.lower() in lexicon().order_heads:
        infinitive = False  # "ordered the paper to suspend publication": the order is the act
    if infinitive and head.head.lemma_ in PROMISING and cand.modality == "asserted":
        # "promised to compensate the victims", "vowed to ban the party": the promised act, a
        # later one; a promised concession is a CONCEDE, promised force or repression a threat
        cand.modality = "threatened" if trig.plover in COERCIVE else "planned"
        if trig.plover in COERCIVE | YIELDING:
            cand.promised_by = head.head.i
    if infinitive and head.head.lemma_ in DECIDING and cand.modality == "asserted":
        # "parliament voted to lift the curfew", "decided to expel the envoy": the decided act,
        # a later one, is the event; the vote is how it was taken (a planned retreat: CONCEDE)
        cand.modality = "planned"
        if trig.plover not in ("SUPPORT", "AGREE"):
            cand.promised_by = head.head.i
    if infinitive and cand.modality not in ("threatened", "planned"):
        return None  # "went there to fight", "one thing to kill a soldier": no occurrence
    channels = [c.value for c in cues if c.kind == "channel"]
    # "in a statement published on its Telegram channel": the platform says more than "statement".
    channel = next((c for c in channels if c != "statement"), channels[0] if channels else None)
    for cue in cues:
        if cue.kind == "source" and cue.source_name:
            known = _actor_for_name(cue, actors)
            name = known.name if known is not None else cue.source_name
            cand.sources.append((name, cue.source_role or "relay", channel))
            if cue.source_role == "claimant" and known is not None and not known.is_media:
                cand.claimant = known
        elif cue.kind == "background":
            cand.background_cues.append(cue)
    if cand.actor1 is None and cand.refers_back:
        # "It said ...", "The group noted that it will ...": the attribution reader has already
        # resolved who "it" is; take that actor when the KB knows the name.
        named = {a.name: a for a in all_actors if not a.generic and not a.is_media}
        for cue in cues:
            if cue.kind != "source":
                continue
            known = (_actor_for_name(cue, actors) or named.get(cue.source_name or "")
                     or _actor_for_name(cue, actors, people=True))
            if known is not None and not known.is_media:
                cand.actor1 = known
                break
    if cand.actor1 is None and trig.acled_type is None and any(
            t.tag_ == "PRP" and t.lower_ in SPEAKER_PRONOUNS for t in actor1_tokens):
        # "President X said he is prepared to lift the ban", "King Y was quoted as saying he
        # would host": the pronoun of a reported act is the one who reports it
        cand.actor1 = _reporting_speaker(verb, sent_actors, head)
    if cand.modality == "claimed" and cand.claimant is None:
        subj = _best_actor(_actors_under(syntax.subjects(verb), sent_actors), head)
        cand.claimant = subj
    return cand


RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
# Measures that fall on the population of the place they are imposed on or lifted from.
POPULATION_MEASURES = {
    ("COERCE", "restrict"), ("COERCE", "curfew"), ("COERCE", "ban"), ("COERCE", "censor"),
    ("COERCE", "withhold"), ("CONCEDE", None), ("THREATEN", "restrict"), ("THREATEN", "ban"),
}
AGREEING = {"agree", "decide", "consent"}  # verbs whose "to ..." complement is agreed, not aimed
# Implicative and aspectual verbs: their "to ..." complement happens ("managed to", "were
# forced to", "began to shell", "continues to detain").
IMPLICATIVE = {"manage", "force", "compel", "oblige", "allow", "enable", "succeed", "begin",
               "start", "continue"}
# Verbs and adjectives of commitment: their "to ..." complement is promised ("pledged to free").
PROMISING = {"promise", "pledge", "vow", "agree", "offer", "commit", "undertake", "ready",
             "willing", "prepared"}
DECIDING = {"vote", "decide", "resolve"}  # their "to ..." complement is decided ("voted to lift")
COERCIVE = {"ASSAULT", "COERCE"}  # PLOVER types whose promise is a threat (codebook THREATEN)
YIELDING = {"RETREAT", "CONCEDE"}  # PLOVER types whose promise is a concession (CONCEDE)
COMMITMENTS = {"AGREE", "CONCEDE", "THREATEN"}  # PLOVER types that are about later acts
FUTURE_IN_PAST = {"would", "'d"}
STOPPAGES = frozenset({"strike", "boycott", "obstruct"})  # protests that restrict movement
# "attempted to assassinate", "an attempt to kill": a tried act happened (PLOVER counts
# attempted assassinations), unlike "went there to fight"
ATTEMPT_HEADS = {"attempt", "try"}


def _inside_phrase(actor: ActorHit, trig: TriggerHit, head: Token) -> bool:
    """ "expelled two Russian diplomats", "rejected a U.S. request": a non-violent phrase
    trigger that spans its object holds the addressee; the words of the act itself do not."""
    return trig.acled_type is None and not actor.start <= head.idx < actor.end


def _protest_aims(head: Token) -> list[Token]:
    """What a protest asks for or is against: a "against/over" phrase or a purpose clause on
    the protest or its verb ("to demand ...", "calling for ...", "to show their anger at ..."),
    and what protesters who are the subject of a demand verb demand."""
    markers = lexicon().topic_markers
    anchor = protest_clause(head)
    out: list[Token] = []
    for tok in {head, anchor}:
        for c in tok.children:
            if c.dep_ == "prep" and (c.lower_ in markers or any(
                    o.dep_ == "pobj" and o.lemma_.lower() in markers for o in c.children)):
                out.append(c)
            elif c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ == "VERB" and (
                    c.lemma_.lower() in markers or any(
                        o.dep_ == "dobj" and o.lemma_.lower() in markers for o in c.children)):
                out.append(c)
    if anchor is not head and head.dep_ == "nsubj" and anchor.lemma_.lower() in markers:
        out += [c for c in anchor.children if c.dep_ in ("dobj", "ccomp", "prep")]
    return out


def _complement_objects(head: Token, verb: Token, preps: set[str]) -> list[Token]:
    """Objects of the act a stance word governs ("threatened to cut off electricity to X",
    "promised to continue military aid to X"), and the "to/with" phrases of those objects."""
    out: list[Token] = []
    acts = [c for t in {head, verb} for c in t.children if c.dep_ == "xcomp"]
    acts += [c for a in acts for c in a.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for act in acts:
        found = syntax.objects(act, preps)
        out += found
        out += [o for f in found if f.pos_ in ("NOUN", "PROPN") for o in syntax.objects(f, preps)
                if o.dep_ == "pobj"]
    return out


def _clause_subjects(head: Token, verb: Token) -> list[Token]:
    """Subjects of the clause a statement word reports: the addressee of a demand, the accused
    of an allegation ("alleged that Iran had ..."). Pronouns are left to the speaker."""
    out: list[Token] = []
    for tok in {head, verb}:
        for clause in tok.children:
            if clause.dep_ in ("ccomp", "acl") and clause.pos_ in ("VERB", "AUX"):
                out += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return out


ACCUSED_PREPS = frozenset({"over", "about", "for", "of"})


def _addressed(doc: Doc, actor: ActorHit, words: tuple[Token, ...]) -> bool:
    """The actor is whom the words are said to ("complained to the United Nations")."""
    for prep in (c for w in dict.fromkeys(words) for c in w.children):
        if prep.dep_ == "prep" and prep.lower_ == "to" and syntax.inside(
                actor, syntax.subtree_range(prep)):
            return True
    return False


def _accused(head: Token, verb: Token, actors: list[ActorHit], actor1: ActorHit | None
             ) -> ActorHit | None:
    """Who did what a complaint or accusation is about ("over two Israeli air raids"): an
    actor other than the speaker's side, and not the victims."""
    topics = [c for w in dict.fromkeys((head, verb)) for c in w.children
              if c.dep_ == "prep" and c.lower_ in ACCUSED_PREPS]
    own = actor1.country if actor1 is not None else None
    found = [a for a in _actors_under(topics, actors)
             if a is not actor1 and a.kind != "Civilians" and (own is None or a.country != own)]
    return _best_actor(found, head)


CONDITION_MARKS = frozenset({"if", "unless"})


def _condition_subjects(head: Token, verb: Token) -> list[Token]:
    """Subjects of an "if"/"unless" clause on the act or on the act it governs."""
    acts = {head, verb} | {c for t in (head, verb) for c in t.children if c.dep_ == "xcomp"}
    out: list[Token] = []
    for act in acts:
        for clause in act.children:
            if clause.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                out += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return out


@lru_cache(maxsize=1)
def _office_titles() -> frozenset[str]:
    """One-word offices of state from the actor KB ("president", "judge", "emir")."""
    words = get_kb().data.get("state_nouns", {}).get("government", [])
    return frozenset(str(w).lower() for w in words if " " not in str(w))


def _official_of_sole_country(subjects: list[Token], actors: list[ActorHit],
                              places: list[PlaceHit], actor2: ActorHit | None
                              ) -> ActorHit | None:
    """A titled person as subject ("President X", "Judge X", "the emir") standing for the
    government of the only country the sentence's places and actors name, when that country
    is not the other party's."""
    titles = _office_titles()
    subject = next((t for t in subjects if t.pos_ in ("NOUN", "PROPN") and any(
        w.lower_ in titles for w in t.subtree if w.i <= t.i)), None)
    if subject is None:
        return None
    countries = {p.country for p in places if p.country}
    countries |= {a.country for a in actors if a.country}
    if actor2 is not None:
        countries.discard(actor2.country)
    if len(countries) != 1:
        return None
    country = next(iter(countries))
    actor = get_kb().state_actor(country, "government")
    if actor is None:
        return None
    start, end = subject.left_edge.idx, subject.idx + len(subject)
    return ActorHit(start, end, subject.doc.text[start:end], actor.name, country, actor.kind)


def _owner_government(objects: list[Token], actor1: ActorHit | None) -> ActorHit | None:
    """The government of the country a demonym or a possessive country name marks on an object
    noun ("an Indian proposal", "Serbia's suppression"); the people of the actor's own country
    when it is that one ("banned Ugandan opposition candidates")."""
    demonyms = get_kb().demonyms
    for obj in objects:
        if obj.pos_ not in ("NOUN", "PROPN"):
            continue
        for mod in obj.lefts:
            if mod.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            words = [mod.lower_]
            if mod.i > 0:
                words.insert(0, f"{mod.doc[mod.i - 1].lower_} {mod.lower_}")  # "south korean"
            iso3 = next((demonyms[w] for w in words if w in demonyms), None)
            if iso3 is None:
                continue
            own = actor1 is not None and actor1.country == iso3
            kb = get_kb()
            actor = kb.group_actor(iso3, "civilians") if own else kb.state_actor(
                iso3, "government")
            if actor is not None:
                return ActorHit(mod.idx, mod.idx + len(mod), mod.text, actor.name, iso3,
                                actor.kind, generic=own)
    return None


def _government_of(place: PlaceHit | None) -> ActorHit | None:
    if place is None or not (place.is_country or (place.feature or "").startswith("PPLC")):
        return None
    actor = get_kb().state_actor(place.country, "government")
    if actor is None:
        return None
    return ActorHit(place.start, place.end, place.text, actor.name, place.country, actor.kind)


def _actor_for_name(cue: CueHit, actors: list[ActorHit], people: bool = False
                    ) -> ActorHit | None:
    """The known actor or outlet a source cue names: one covering most of the cue's words
    ("Ukraine's air force"), not one word inside a longer name ("Kenya" in "the Kenya
    Medical Association"). With ``people``, a group named by its country ("Radical French
    farmers said they would ...") counts too."""
    inside = [a for a in actors if syntax.overlaps(a, cue)
              and (not a.generic or people and a.country is not None)]
    if not inside:
        return None
    best = max(inside, key=lambda a: a.end - a.start)
    name = (cue.source_name or cue.text).strip()
    covered = (best.end - best.start) / max(1, len(name))
    if best.is_media:
        return best  # "Lebanon's Arabic-language al-Mayadeen television": the outlet itself
    return best if covered >= 0.6 or best.text.lower() == name.lower() else None
