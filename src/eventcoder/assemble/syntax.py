"""Dependency-parse helpers: who is the subject, object or agent of an event word.

They work on character spans so that any reader's hits can be related to the parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
TARGET_PREPS = {"against", "on", "at", "in", "into", "near", "onto", "upon", "inside", "across"}
ACTOR_PREPS = {"by", "from"}
# Light verbs whose object carries the event: "launched a strike", "carried out an attack".
LIGHT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "execute", "perform", "claim", "unleash",
    "begin", "start", "continue", "escalate", "intensify", "wage", "commit", "perpetrate",
    "announce", "confirm", "report", "fire", "deny", "take", "hold", "organise", "organize",
    "order",  # "ordered the withdrawal": whoever orders it is who acts
    # statements and gifts: "gave Tanzania a grant", "declared a state of siege", "opened an
    # investigation", "issued a demand", "imposed a curfew", "lodged a protest"
    "give", "provide", "offer", "make", "issue", "extend", "grant", "pay", "impose", "declare",
    "open", "lodge", "file", "express", "voice", "reach",
    # measures kept, renewed or ended and forces raised: "reimposed blockades", "lifted the
    # blockade", "suspended military aid", "mobilized reservists" are the subject's own acts
    "reimpose", "tighten", "enforce", "maintain", "renew", "lift", "suspend", "mobilize",
    "mobilise", "deploy", "dispatch", "train",
}
# "were engaged in ethnic cleansing", "was involved in the attack": passive in form, but the
# subject is who does the act named in the "in" phrase.
PARTICIPATION_VERBS = {"engage", "involve", "embroil"}


class Located(Protocol):
    start: int
    end: int


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def head_token(doc: Doc, start: int, end: int) -> Token | None:
    span = span_of(doc, start, end)
    return span.root if span is not None and len(span) else None


def subtree_range(token: Token) -> tuple[int, int]:
    """Character range covered by a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right)


def inside(hit: Located, rng: tuple[int, int]) -> bool:
    return rng[0] <= hit.start and hit.end <= rng[1]


def overlaps(a: Located, b: Located) -> bool:
    return a.start < b.end and b.start < a.end


def hits_in(hits: Iterable, rng: tuple[int, int]) -> list:
    return [h for h in hits if inside(h, rng)]


def governing_verb(token: Token) -> Token:
    """The verb whose arguments are the event's: the token itself, or the verb a noun hangs from.

    "launched a drone strike" → launched; "the attack on X was claimed" → claimed;
    "claimed responsibility for the attack" → claimed.
    """
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "compound"):
            return current
        if current.dep_ in ("ROOT",) or current.head is current:
            return current
        # "agent": "killed by a roadside bomb" -> killed, whose passive subject is the victim
        if current.dep_ in ("dobj", "obj", "nsubjpass", "nsubj", "pobj", "prep", "agent",
                            "compound", "attr", "appos", "amod", "npadvmod", "dative", "acomp"):
            current = current.head
            continue
        return current
    return current


def children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


RAISING_VERBS = {"report", "say", "believe", "think", "expect", "understand", "know", "seem",
                 "appear", "claim", "allege", "suspect", "rumour", "rumor"}


def subjects(verb: Token) -> list[Token]:
    """Active subjects; climbs through xcomp/conj verbs that share their head's subject, and
    through "X were reported to have captured": X is who captured."""
    found = children(verb, SUBJECT_DEPS)
    current = verb
    climbable = ("xcomp", "conj", "advcl", "acl")
    while not found and current.dep_ in climbable and current.head is not current:
        from_xcomp = current.dep_ == "xcomp"
        current = current.head
        found = children(current, SUBJECT_DEPS)
        if not found and from_xcomp and current.lemma_ in RAISING_VERBS:
            found = children(current, PASSIVE_SUBJECT_DEPS)
        if current.dep_ == "relcl" or current.pos_ not in ("VERB", "AUX"):
            break
    return found


def passive_subjects(verb: Token) -> list[Token]:
    return children(verb, PASSIVE_SUBJECT_DEPS)


def agents(token: Token) -> list[Token]:
    """The 'by X' of a passive verb or an event noun."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ACTOR_PREPS):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


# Who a statement, visit or agreement is directed at: "aid to X", "talks with X", "call on X".
ADDRESSEE_PREPS = {"to", "with", "from", "for", "toward", "towards", "against", "on", "upon"}


def objects(token: Token, preps: set[str] = TARGET_PREPS) -> list[Token]:
    """Direct objects (and datives) and the objects of the given prepositions on the token."""
    out = children(token, OBJECT_DEPS | {"dative"})
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps and not is_motive(child):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


# "in response to", "in retaliation for", "in support of", "amid": why, not where or whom.
MOTIVE_NOUNS = {
    "response", "retaliation", "revenge", "reprisal", "support", "solidarity", "protest",
    "line", "addition", "honour", "honor", "memory", "name", "defence", "defense", "reaction",
}
MOTIVE_PREPS = {"amid", "amidst", "despite", "over"}
# "over" a place is where ("intercepted over the Belgorod region", "shot down over Kyiv"); over
# anything else it is why ("protests over bread prices")
OVER_PLACE_NOUNS = {
    "region", "city", "town", "village", "area", "sky", "skies", "territory", "province",
    "capital", "district", "sea", "airspace", "border", "country", "base", "port", "coast",
}


def _place_object(prep: Token) -> bool:
    return any(
        c.dep_ == "pobj" and (c.ent_type_ in ("GPE", "LOC", "FAC")
                              or c.lemma_.lower() in OVER_PLACE_NOUNS)
        for c in prep.children
    )


def is_motive(prep: Token) -> bool:
    if prep.lower_ == "over" and _place_object(prep):
        return False
    if prep.lower_ in MOTIVE_PREPS:
        return True
    return any(c.dep_ == "pobj" and c.lemma_.lower() in MOTIVE_NOUNS for c in prep.children)


def motive_ranges(token: Token) -> list[tuple[int, int]]:
    """Character ranges of motive phrases in the sentence of ``token``."""
    return [subtree_range(t) for t in token.sent if t.dep_ == "prep" and is_motive(t)]


CLAUSE_BREAKS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj"}


def own_clause(verb: Token) -> set[int]:
    """Token indices of a verb's clause without its relative and subordinate clauses, nor a
    coordinated clause with a subject of its own ("militants attacked ..., but there were no
    reports of casualties": the "no reports" is about casualties, not the attack)."""
    keep: set[int] = set()
    stack = [verb]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        stack.extend(c for c in token.children
                     if c.dep_ not in CLAUSE_BREAKS and not _own_subject_conj(c))
    return keep


def clause_ancestors(token: Token) -> list[Token]:
    """Heads above a word up to the top of its clause, stopping at a coordinated clause with
    a subject of its own ("was due to begin, but hundreds blocked the road": "was" does not
    govern "blocked")."""
    out: list[Token] = []
    tok = token
    while tok.head.i != tok.i and not _own_subject_conj(tok):
        tok = tok.head
        out.append(tok)
    return out


def _own_subject_conj(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)


def is_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"auxpass", "nsubjpass"}) or (verb.tag_ == "VBN" and "agent" in deps)
