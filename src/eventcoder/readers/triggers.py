"""Triggers reader: the words that say an event happened, coded to ACLED, PLOVER and CAMEO.

The lexicon lives in ``kb/triggers.yaml`` and is matched by lemma with one spaCy ``Matcher``
(compiled once per process). Generic words ("attack", "struck", "hit") are refined by the means
named in the same clause (drones, rockets, IEDs ...) in ACLED's priority order; definite
references ("the attack") borrow the code of the event they point back to; negated, future or
threatened uses are marked so that assembly does not turn a threat into a strike.
"""


import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.gate import AnchoredMatcher
from eventcoder.readers.hits import TriggerHit, register_extensions

Code = tuple[str | None, str | None, str, str | None, str | None]

WEAPON_WEIGHT = 0.85  # a generic word with a named weapon is as good as an explicit trigger
ANAPHOR_WEIGHT = 0.6
ANAPHOR_WINDOW = 2  # sentences back that "the attack" may point to
CLOSE_DEPTH = 3  # dependency steps that count as "the same clause"
FAR_GAP = 6  # words a "*" may skip when the parse ties the halves (3 without)
FAR_ARCS = frozenset({"dobj", "nsubj", "nsubjpass", "compound", "amod", "nmod", "pobj", "prep",
                      "ccomp", "conj"})  # the arcs that tie them: an object's phrase (or one of
# its conjuncts: "provided photographs and other intelligence"), not another clause
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "such"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
THREAT_HEADS = {"threaten", "vow", "warn", "pledge", "promise", "swear", "plan", "intend",
                "plot"}
NEG_DETS = {"no", "neither", "nor"}
NEG_WORDS = {"not", "n't", "never", "no"}
PROTEST_TYPES = {"Protests", "Riots"}
SETTING_PREPS = {"in", "at", "near", "around", "across", "along", "outside", "inside", "within",
                 "throughout", "on", "during", "after", "before", "by", "with", "for"}
LOOSE_DEPS = {"advcl", "conj", "cc", "parataxis", "punct"}  # arcs that leave a topic
SIMULTANEOUS = frozenset({"as", "while"})  # a clause they open happens beside the event
# A clause they open is another time than the act ("the first activist arrested since protests
# escalated"); an "after" clause may be the same incident ("arrested after stones were thrown").
ASIDE_MARKS = frozenset({"since", "before", "until"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger family from the YAML."""

    code: str
    pos: frozenset[str]
    weight: float
    refine: tuple[str, ...]
    anaphoric: bool
    figurative: bool
    violent: bool
    requires_refiner: bool
    needs_territory: bool
    close: bool  # the refiner must sit in the trigger's clause (CLOSE_DEPTH)
    doc_blocked: bool  # unrefined, it is dropped when a blocker is anywhere in the text
    weak_heads: frozenset[str]  # "despite the ceasefire": the head word that makes it background
    topic_blind: bool  # refiners inside what the event is about do not count ("rally against
    # police violence": the violence is the topic, the rally is the event)
    territory_pronoun: bool  # "seized it without resistance": a pronoun is a place when refined
    left_place: bool  # the place must be what is left ("withdrew from the town", not "to")
    recode: dict[str, str]  # refiner code -> the code these words make of it ("seized rifles")


@dataclass(frozen=True, slots=True)
class Refiner:
    groups: frozenset[str]
    code: str
    weapon: str | None
    priority: int
    on_object: bool  # counts only inside the trigger's object ("seized rifles", not "rifles fired")
    on_subject: bool  # counts only inside who acts ("fighters surrendered", not "to soldiers")


@dataclass(frozen=True, slots=True)
class Governor:
    """A stance word ("promise", "threaten") and the code each act it governs gives the pair."""

    heads: frozenset[str]
    acts: dict[str, str]


@dataclass(frozen=True, slots=True)
class Intent:
    """Announced acts (``intent:`` in the YAML): what makes an act future, and what it becomes."""

    aux: frozenset[str]
    heads: frozenset[str]
    undo: frozenset[str]  # "lift the ban": the verb takes the noun act back
    unless: frozenset[str]  # "will withdraw unless ...": the announcement is a threat
    conditional: str  # code of a conditional threat whose act has no THREATEN code of its own
    acts: dict[str, str]  # PLOVER type of the act -> code key of the commitment
    maybe: frozenset[str]  # "may halt the talks if ...": a possible hostile act on a condition
    if_marks: frozenset[str]  # ... is a threat of it (``intent.maybe`` / ``intent.if``)


@dataclass(slots=True)
class Lexicon:
    codes: dict[str, Code]
    entries: list[Entry]
    refiners: list[Refiner]
    terms: dict[str, list[str]]
    figurative: frozenset[str]
    figurative_weight: float
    polity_nouns: frozenset[str]  # "clashed with other states": a dispute, not a battle
    topic_nouns: frozenset[str]  # "the Iran deal": a place naming what a thing is about
    territory_nouns: frozenset[str]
    territory_alt: dict[str, str]
    target_alt: dict[str, tuple[str, str]]
    code_weapon: dict[str, str]  # weapon implied by an explicit trigger's code
    topic_markers: frozenset[str]  # words that introduce what a protest is about
    background_heads: frozenset[str]  # "despite the strikes": a violent act as backdrop
    background_weight: float
    protest_participants: frozenset[str]  # "protester": the verb it does is the protest
    protest_verbs: frozenset[str]  # what participants do that is the protest itself
    protest_aside: frozenset[str]  # "before the rally": the protest is the occasion, not the act
    protest_codes: frozenset[str]  # code keys whose ACLED type is Protests or Riots
    governors: list[Governor]
    intent: Intent
    order_heads: frozenset[str]  # "ordered the withdrawal": the order is the act (``orders:``)
    order_acts: frozenset[str]
    obligation: dict[str, Any]  # "said X must ...": a demand on X (``obligation:``)
    reciprocal: dict[str, Any]  # "X and Y agreed to ...": a joint agreement (``reciprocal:``)
    willing_heads: frozenset[str]  # "offered to", "is willing to": a concession offered
    willing_code: str | None  # ... is this (AGREE), not a promised concession (``willing:``)
    readiness: dict[str, Any]  # "prepared to resume shelling": MOBILIZE (``readiness:``)
    statement_nouns: frozenset[str]  # "a declaration demanding ...": the demand itself
    investigation_senders: frozenset[str]  # "sent a team to investigate": under way
    steps_taken: frozenset[str]  # "took steps to ease ...": the act has begun


def _has_kb(name: str) -> bool:
    return resources.files("eventcoder.kb").joinpath(name).is_file()


_SPLIT = re.compile(r"\s+|(?<=\w)(?=-)|(?<=-)(?=\w)")


def term_words(term: str) -> list[str]:
    """A lemma phrase as tokens: "air-strike" -> ["air", "-", "strike"]."""
    return [w for w in _SPLIT.split(term.strip().lower()) if w]


class TermMatcher:
    """Lemma phrases matched by hash (PhraseMatcher on LEMMA and on LOWER). A phrase with one
    "*" gap ("take * hostage") is matched as its two halves, joined when 0-3 non-punctuation
    tokens lie between them: far cheaper than a token Matcher pattern with a repeat operator."""

    def __init__(self, vocab: Vocab, terms: dict[str, list[str]]) -> None:
        self.by_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.by_lower = PhraseMatcher(vocab, attr="LOWER")
        self.halves_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.halves_lower = PhraseMatcher(vocab, attr="LOWER")
        self.gapped = AnchoredMatcher(vocab)  # phrases with more than one gap
        self.pairs: dict[int, list[tuple[int, str]]] = {}  # left half -> (right half, key)
        self.vocab = vocab
        for key, phrases in terms.items():
            plain, multi = [], []
            for phrase in phrases:
                words = term_words(str(phrase))
                gaps = words.count("*")
                if gaps == 0:
                    plain.append(words)
                elif gaps == 1 and words[0] != "*" and words[-1] != "*":
                    self._add_pair(key, words)
                else:
                    multi.append(words)
            if plain:
                docs = [Doc(vocab, words=w, lemmas=w) for w in plain]
                self.by_lemma.add(key, docs)
                self.by_lower.add(key, docs)
            if multi:
                self.gapped.add(key, [_gap_pattern(w) for w in multi])

    def _add_pair(self, key: str, words: list[str]) -> None:
        cut = words.index("*")
        left, right = words[:cut], words[cut + 1:]
        ids = []
        for half in (left, right):
            name = "H:" + " ".join(half)
            doc = Doc(self.vocab, words=half, lemmas=half)
            self.halves_lemma.add(name, [doc])
            self.halves_lower.add(name, [doc])
            ids.append(self.vocab.strings[name])
        self.pairs.setdefault(ids[0], []).append((ids[1], key))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = set(self.by_lemma(doc)) | set(self.by_lower(doc))
        if len(self.gapped):
            found |= set(self.gapped(doc))
        if self.pairs:
            found |= self._joined(doc)
        return sorted(found, key=lambda m: (m[1], m[2]))

    def _joined(self, doc: Doc) -> set[tuple[int, int, int]]:
        halves = set(self.halves_lemma(doc)) | set(self.halves_lower(doc))
        if len(halves) < 2:
            return set()
        starts: dict[int, list[tuple[int, int]]] = {}
        for hid, start, end in halves:
            starts.setdefault(hid, []).append((start, end))
        strings = doc.vocab.strings
        out: set[tuple[int, int, int]] = set()
        for hid, start, end in halves:
            for right, key in self.pairs.get(hid, ()):
                for r_start, r_end in starts.get(right, ()):
                    if _possessor(doc[r_end - 1]):
                        continue  # "welcomed the president's proposal": not the president
                    if end <= r_start <= end + FAR_GAP and not any(
                            t.is_punct and not _word_hyphen(t) for t in doc[end:r_start]) and (
                            r_start <= end + 3 or _governs(doc[start:end], doc[r_start],
                                                           doc[end:r_start])):
                        out.add((strings.add(key), start, r_end))
        return out


def _possessor(tok: Token) -> bool:
    """Is ``tok`` (or the name it is part of) a possessor ("President Reagan's statement")?"""
    while tok.dep_ in {"compound", "flat"} and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "poss"


def _word_hyphen(tok: Token) -> bool:
    """The hyphen inside a word ("a week-old blockade"), which a gap may skip."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_


def _governs(left: Span, tok: Token, gap: Span) -> bool:
    """Is ``tok`` what the phrase ``left`` acts on, within CLOSE_DEPTH arcs ("cut by two hours
    the night curfew", "suspended most of a police training aid programme"): lets a gap of more
    than three words join a phrase's halves only when the parse ties them, through no
    preposition but "of" ("called off the strike after the talks" is no calling off of talks)
    and no possessor in between (whose the thing is stays the short phrases' business)."""
    if any(t.dep_ == "case" or t.tag_ == "POS" for t in gap):
        return False
    cur = tok
    for _ in range(CLOSE_DEPTH):
        if cur.dep_ not in FAR_ARCS or cur.dep_ == "prep" and cur.lower_ != "of" or (
                cur.head is cur):
            return False
        cur = cur.head
        if left.start <= cur.i < left.end:
            return True
    return False


def _gap_pattern(words: list[str]) -> list[dict[str, Any]]:
    return [{"IS_PUNCT": False, "OP": "{0,3}"} if w == "*" else {"LEMMA": w} for w in words]


def _as_code(row: list[Any]) -> Code:
    acled, sub, plover, mode, cameo = row
    return (acled, sub, str(plover), mode, None if cameo is None else str(cameo))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled trigger lexicon (once per process)."""
    data = load_yaml("triggers.yaml")
    # Non-violent PLOVER vocabulary (agree, consult, request, sanction ...) lives in its own file
    # so reviewers of the ACLED lexicon and of the PLOVER lexicon read one concern each.
    extra = load_yaml("triggers_plover.yaml") if _has_kb("triggers_plover.yaml") else {}
    data = {
        **data,
        "codes": {**data["codes"], **(extra.get("codes") or {})},
        "triggers": [*data["triggers"], *(extra.get("triggers") or [])],
        "refiners": [*data["refiners"], *(extra.get("refiners") or [])],
        "governors": [*(data.get("governors") or []), *(extra.get("governors") or [])],
        "intent": extra.get("intent") or data.get("intent") or {},
        "orders": extra.get("orders") or {},
        "obligation": extra.get("obligation") or {},
        "reciprocal": extra.get("reciprocal") or {},
        "willing": extra.get("willing") or {},
        "readiness": extra.get("readiness") or {},
        "statement_nouns": extra.get("statement_nouns") or [],
        "investigation_senders": extra.get("investigation_senders") or [],
        "steps_taken": extra.get("steps_taken") or [],
    }
    codes = {k: _as_code(v) for k, v in data["codes"].items()}
    patterns: dict[str, list[str]] = {}
    entries: list[Entry] = []
    for i, row in enumerate(data["triggers"]):
        if row["code"] not in codes or not set((row.get("recode") or {}).values()) <= set(codes):
            raise ValueError(f"triggers.yaml: unknown code in {row['code']!r}")
        entries.append(
            Entry(
                code=row["code"],
                pos=frozenset(row.get("pos", [])),
                weight=float(row.get("weight", 1.0)),
                refine=tuple(row.get("refine", [])),
                anaphoric=bool(row.get("anaphoric", False)),
                figurative=bool(row.get("figurative", False)),
                violent=bool(row.get("violent", False)),
                requires_refiner=bool(row.get("requires_refiner", False)),
                needs_territory=bool(row.get("needs_territory", False)),
                close=bool(row.get("close", False)),
                doc_blocked=bool(row.get("doc_blocked", False)),
                weak_heads=frozenset(row.get("weak_heads", [])),
                topic_blind=bool(row.get("topic_blind", False)),
                territory_pronoun=bool(row.get("territory_pronoun", False)),
                left_place=bool(row.get("left_place", False)),
                recode=dict(row.get("recode") or {}),
            )
        )
        patterns[f"T{i}"] = [str(t) for t in row["terms"]]
    refiners: list[Refiner] = []
    for i, row in enumerate(data["refiners"]):
        if row["code"] not in codes:
            raise ValueError(f"triggers refiners: unknown code {row['code']!r}")
        groups = row["group"] if isinstance(row["group"], list) else [row["group"]]
        refiners.append(Refiner(frozenset(groups), row["code"], row.get("weapon"), i,
                                row.get("role") == "object", row.get("role") == "subject"))
        patterns[f"R{i}"] = [str(t) for t in row["terms"]]
    patterns["BLOCK"] = [str(t) for t in data["blockers"]]
    patterns["MASK"] = [str(t) for t in data.get("refiner_masks", [])]
    obligation = dict(data["obligation"])
    if obligation:
        if obligation["code"] not in codes:
            raise ValueError(f"triggers obligation: unknown code {obligation['code']!r}")
        patterns["OBLIG"] = [str(t) for t in obligation["modals"]]
        obligation["speech"] = frozenset(str(t) for t in obligation["speech"])
    terr = frozenset(str(t).lower() for t in data.get("territory_nouns", []))
    willing = dict(data["willing"])
    if willing and willing["code"] not in codes:
        raise ValueError(f"triggers willing: unknown code {willing['code']!r}")
    readiness = dict(data["readiness"])
    if readiness and readiness["code"] not in codes:
        raise ValueError(f"triggers readiness: unknown code {readiness['code']!r}")
    return Lexicon(
        codes=codes,
        entries=entries,
        refiners=refiners,
        terms=patterns,
        figurative=frozenset(data.get("figurative_objects", [])),
        figurative_weight=float(data.get("figurative_weight", 0.1)),
        polity_nouns=frozenset(str(t).lower() for t in data.get("polity_nouns", [])),
        topic_nouns=frozenset(str(t).lower() for t in data.get("topic_nouns", [])),
        territory_nouns=terr,
        territory_alt=dict(data.get("territory_alternatives", {})),
        target_alt={k: tuple(v) for k, v in data.get("target_alternatives", {}).items()},
        code_weapon={r.code: r.weapon for r in reversed(refiners)
                     if r.weapon and "weapon" in r.groups},
        topic_markers=frozenset(str(t).lower() for t in data.get("topic_markers", [])),
        background_heads=frozenset(str(t).lower() for t in data.get("background_heads", [])),
        background_weight=float(data.get("background_weight", 0.3)),
        protest_participants=frozenset(str(t) for t in data.get("protest_participants", [])),
        protest_verbs=frozenset(str(t) for t in data.get("protest_verbs", [])),
        protest_aside=frozenset(str(t) for t in data.get("protest_aside", [])),
        protest_codes=frozenset(k for k, c in codes.items() if c[0] in PROTEST_TYPES),
        governors=[_governor(row, codes) for row in data["governors"]],
        intent=_intent(data["intent"], codes),
        order_heads=frozenset(str(h) for h in data["orders"].get("heads", [])),
        order_acts=frozenset(str(a).upper() for a in data["orders"].get("acts", [])),
        obligation=obligation,
        reciprocal=dict(data["reciprocal"]),
        willing_heads=frozenset(str(h).lower() for h in willing.get("heads", [])),
        willing_code=willing.get("code"),
        readiness=readiness,
        statement_nouns=frozenset(str(n).lower() for n in data["statement_nouns"]),
        investigation_senders=frozenset(str(n).lower() for n in data["investigation_senders"]),
        steps_taken=frozenset(str(n).lower() for n in data["steps_taken"]),
    )


def _type_mode(key: str) -> str:
    """ "PROTEST/boycott": the type upper case, the mode as the codes write it."""
    kind, _, mode = key.partition("/")
    return f"{kind.upper()}/{mode}" if mode else kind.upper()


def _intent(row: dict[str, Any], codes: dict[str, Code]) -> Intent:
    acts = {_type_mode(str(k)): str(v) for k, v in (row.get("acts") or {}).items()}
    for key in [*acts.values(), str(row.get("conditional") or "threaten")]:
        if key not in codes:
            raise ValueError(f"triggers intent: unknown code {key!r}")
    return Intent(frozenset(str(a).lower() for a in row.get("aux", [])),
                  frozenset(str(h).lower() for h in row.get("heads", [])),
                  frozenset(str(u).lower() for u in row.get("undo", [])),
                  frozenset(str(u).lower() for u in row.get("unless", [])),
                  str(row.get("conditional") or "threaten"), acts,
                  frozenset(str(a).lower() for a in row.get("maybe", [])),
                  frozenset(str(m).lower() for m in row.get("if", [])))


def _governor(row: dict[str, Any], codes: dict[str, Code]) -> Governor:
    acts = {str(k).lower(): str(v) for k, v in row["acts"].items()}
    for key in acts.values():
        if key not in codes:
            raise ValueError(f"triggers governors: unknown code {key!r}")
    return Governor(frozenset(str(h) for h in row["heads"]), acts)


def build_matcher(vocab: Vocab) -> TermMatcher:
    return TermMatcher(vocab, lexicon().terms)


def _depth_between(a: Token, b: Token) -> int:
    """Dependency steps between two tokens of one sentence (via their lowest common ancestor)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


def _is_negated(root: Token, span: Span) -> bool:
    if root.dep_ in {"pobj", "pcomp"} and root.head.lower_ == "without":
        return True  # "entered without a fight", "without firing a shot"
    if any(c.dep_ == "neg" or c.lower_ in NEG_DETS and c.dep_ == "det" for c in root.children):
        return True
    if root.pos_ in {"NOUN", "PROPN"} and root.dep_ in {"dobj", "nsubjpass", "attr", "pobj"}:
        verb = root.head if root.dep_ != "pobj" else root.head.head
        return any(c.dep_ == "neg" for c in verb.children)
    return False


def _governing_threat(root: Token) -> Token | None:
    """The future/threat verb this violent trigger hangs from ("will continue to target")."""
    tok = root if root.pos_ in {"VERB", "AUX"} else root.head
    for _ in range(4):
        if tok.lemma_ in THREAT_HEADS:
            return tok
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return tok
        if tok.dep_ not in {"xcomp", "conj", "ccomp", "dobj"} or tok.head is tok:
            return None
        tok = tok.head
    return None


def _is_figurative(root: Token, lex: Lexicon) -> bool:
    objs = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    for prep in (c for c in root.children
                 if c.dep_ == "prep" and c.lower_ in {"on", "against", "from"}):
        objs.extend(c for c in prep.children if c.dep_ == "pobj")
    if root.dep_ in {"acl", "relcl"}:
        objs.append(root.head)  # "sanctions targeting ten officials"
    if root.dep_ == "dobj" and root.head.pos_ == "VERB":
        objs.append(root.head)  # "fight corruption" seen from a noun trigger is rare; cheap
    return any(o.lemma_.lower() in lex.figurative for o in objs)


def _with_polities(root: Token, lex: Lexicon) -> bool:
    """ "Kenya has clashed with its neighbouring states": states as such (common nouns, not a named
    group's forces) clash in words; ACLED's battles are fought by armed, organised groups."""
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "with"):
        if any(o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in lex.polity_nouns
               for o in prep.children):
            return True
    return False


def _has_territory(root: Token, lex: Lexicon, left: bool = False,
                   places: frozenset[int] = frozenset()) -> bool:
    """Does the trigger act on a place? ``left``: only a place left behind counts (object,
    "from", "of": "withdrew from the town", not "withdrew to the capital"). A subject counts
    only itself ("the town fell"), never what hangs from it ("rallies in Boston took a turn");
    an object reaches a place only through "of"/"over" ("seized control of the town", not
    "took samples from sand near the village"). ``places``: tokens the gazetteer read as
    toponyms (the tagger calls many a town a person). A place the act happens in or near is
    not what it takes ("took samples near the village")."""
    deps = {"dobj", "pobj"} if left else {"dobj", "nsubjpass", "pobj", "nsubj"}
    objs = [c for c in root.children if c.dep_ in deps]
    # "pushed back from the area", "driven out of the town": the phrase hangs from the particle
    # (a withdrawal keeps to the verb's own "from" phrase: "pulled back from areas" is vague)
    heads = [root, *(c for c in root.children if c.dep_ in {"advmod", "prt"} and not left)]
    for prep in (c for h in heads for c in h.children if c.dep_ in {"prep", "agent"}):
        if left and prep.lower_ not in {"from", "of", "out"} or prep.lower_ in SETTING_PREPS:
            continue
        objs.extend(c for c in prep.children if c.dep_ == "pobj")
    # "control of the town", "control of the length of the highway": "of" chains, a few deep
    frontier = [o for o in objs if o.dep_ != "nsubj"]
    for _ in range(3):
        frontier = [c for obj in frontier for prep in obj.children
                    if prep.dep_ == "prep" and prep.lower_ in {"of", "over"}
                    for c in prep.children if c.dep_ == "pobj"]
        objs.extend(frontier)
    nouns = lex.territory_nouns
    return any(o.ent_type_ in {"GPE", "LOC", "FAC"} or o.lemma_.lower() in nouns
               or o.lower_ in nouns or o.i in places or _compound_lemma(o) in nouns
               for o in objs)


def _compound_lemma(tok: Token) -> str:
    """ "oil fields" -> "oil field", "air bases" -> "air base": a multi-word territory noun."""
    mods = [c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound"]
    return " ".join([*mods, tok.lemma_.lower()]) if mods else ""


def in_topic(tok: Token, root: Token, markers: frozenset[str]) -> bool:
    """Is ``tok`` part of what the event at ``root`` is about rather than of the event itself?

    Walks from ``tok`` up to where its path meets ``root``'s; a marker word on the way ("against",
    "over", "to condemn", "to mourn") makes it the topic: "rallied to condemn the killing",
    "a protest against police violence". The meeting word counts when the trigger is its subject
    ("protesters demanded the release of those detained") or when the trigger verb takes it as
    its object ("marchers protested the crackdown").
    """
    if tok.sent.start != root.sent.start:
        return False
    above_root = {t.i for t in root.ancestors}
    child = cur = tok
    while cur.i != root.i and cur.i not in above_root:
        if cur.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in SIMULTANEOUS
                                      for c in cur.children):
            return False  # "demanded he resign as police fired tear gas": what happened meanwhile
        if cur is not tok and cur.lemma_.lower() in markers and child.dep_ not in LOOSE_DEPS:
            return True  # in the marker's complement, not in a clause that hangs from it
        if cur.head is cur:
            return False
        child, cur = cur, cur.head
    if cur is tok:
        return False  # the word governs the trigger ("dispersed the rally")
    if cur.pos_ != "VERB" or cur.lemma_.lower() not in markers:
        return False
    return cur.i != root.i or child.dep_ in {"dobj", "ccomp"}


def is_aside(a: Token, b: Token, words: frozenset[str]) -> bool:
    """Is one word in a circumstance of the other rather than in the same act? "detained
    activists before the rally", "arrested on charges of organising a protest": a word from
    ``words`` on the dependency path between them (not at either end) says so."""
    above_b = {t.i: t for t in (b, *b.ancestors)}
    path: list[Token] = []
    tok = a
    while tok.i not in above_b:
        path.append(tok)
        if tok.head is tok:
            return False
        tok = tok.head
    meet = tok
    tok = b
    while tok.i != meet.i:
        path.append(tok)
        tok = tok.head
    return any(t.i not in (a.i, b.i) and t.lemma_.lower() in words for t in path) or any(
        c.dep_ == "mark" and c.lower_ in ASIDE_MARKS for t in path if t.i != a.i
        for c in t.children)


def _object_tokens(root: Token) -> set[int]:
    """Token indices of what the trigger acts on: its object, passive subject, or "of" phrase."""
    heads = [c for c in root.children
             if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "npadvmod", "dative"}]
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        heads.extend(c for c in prep.children if c.dep_ == "pobj")
    if root.dep_ in {"acl", "relcl"} and root.head.pos_ in {"NOUN", "PROPN"}:
        heads.append(root.head)  # "the rifles seized in the raid"
    if not heads:  # "were found and defused", "killed and wounded scores of fighters"
        near = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if root.dep_ == "conj":
            near.append(root.head)
        heads = [c for v in near for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]
    out: set[int] = set()
    for h in heads:
        out.update(t.i for t in h.subtree)
    return out


def _subject_tokens(root: Token) -> set[int]:
    """Token indices of who does the act: the verb's subject (a coordinated verb's, a passive's
    agent), or the "of" phrase of a noun ("the surrender of 40 fighters")."""
    verb = root
    if root.dep_ in {"xcomp", "conj"} and not any(c.dep_ in {"nsubj", "nsubjpass"}
                                                   for c in root.children):
        verb = root.head
    heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for prep in (c for c in root.children if c.dep_ in {"agent", "prep"}
                 and c.lower_ in {"by", "of"}):
        heads.extend(c for c in prep.children if c.dep_ == "pobj")
    heads.extend(c for c in root.children if c.dep_ == "poss")
    out: set[int] = set()
    for h in heads:
        out.update(t.i for t in h.subtree)
    return out


def _outer_refiners(found: list[tuple[Span, Refiner]]) -> list[tuple[Token, Refiner]]:
    """Refiner words not inside a longer phrase of the same group ("bomber" in "suicide
    bomber"); other groups keep theirs ("missile" in "ballistic missile" is also interceptable)."""
    out = []
    for span, ref in found:
        inner = any(o.start <= span.start and span.end <= o.end and len(o) > len(span)
                    and other.groups & ref.groups for o, other in found)
        if not inner:
            out.append((span.root, ref))
    return out


@dataclass(slots=True)
class _Scan:
    """What one pass of the matcher found in a document."""

    triggers: dict[tuple[int, int], list[int]]  # span -> entry indices, in YAML order
    modals: list[int]  # tokens of obligation modals ("must", "should")
    refs: dict[int, list[tuple[Token, Refiner]]]  # sentence start -> refiner words
    blocked_sents: set[int]
    places: frozenset[int]  # tokens inside a toponym the places reader found


def _scan(doc: Doc, matcher: TermMatcher) -> _Scan:
    lex = lexicon()
    vocab_str = doc.vocab.strings
    trig: dict[tuple[int, int], list[int]] = {}
    raw_refs: dict[int, list[tuple[Span, Refiner]]] = {}
    blocked: set[int] = set()
    masked: set[int] = set()
    modals: list[int] = []
    for match_id, start, end in matcher(doc):
        key = vocab_str[match_id]
        span = doc[start:end]
        if key[0] == "T":
            n = int(key[1:])
            entry = lex.entries[n]
            if not entry.pos or span.root.pos_ in entry.pos:
                trig.setdefault((start, end), []).append(n)
        elif key == "BLOCK":
            if _is_blocker(span):
                blocked.add(span.sent.start)
        elif key == "MASK":
            masked.update(range(start, end))
        elif key == "OBLIG":
            modals.append(start)
        else:
            ref = lex.refiners[int(key[1:])]
            raw_refs.setdefault(span.sent.start, []).append((span, ref))
    for ids in trig.values():
        ids.sort()
    if masked:  # "riot police" is no riot, as a trigger or as a refiner
        trig = {k: v for k, v in trig.items() if not all(i in masked for i in range(*k))}
        raw_refs = {k: [(sp, r) for sp, r in v if not all(i in masked for i in range(
            sp.start, sp.end))] for k, v in raw_refs.items()}
    refs = {k: _outer_refiners(v) for k, v in raw_refs.items()}
    return _Scan(trig, modals, refs, blocked, _place_tokens(doc) if trig else frozenset())


def _place_tokens(doc: Doc) -> frozenset[int]:
    hits = doc._.ec_places if Doc.has_extension("ec_places") else None
    out: set[int] = set()
    for hit in hits or ():
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def is_source_phrase(tok: Token) -> bool:
    """ "according to vigilantes": the word names who tells the story."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _best_refiner(span: Span, entry: Entry, refs: list[tuple[Token, Refiner]]
                  ) -> tuple[Refiner | None, int]:
    """The refiner that specialises this trigger: same clause first, then ACLED priority."""
    root = span.root
    objects: set[int] | None = None
    best: tuple[int, int, int] | None = None
    best_ref: Refiner | None = None
    best_tok = -1
    for tok, ref in refs:
        if not ref.groups.intersection(entry.refine) or span.start <= tok.i < span.end:
            continue
        if is_source_phrase(tok):
            continue  # "killed four farmers, according to vigilantes": who tells, not who did
        if "protest_lethal" in ref.groups and root.dep_ == "nsubj" and root.head.i == tok.i \
                and any(c.dep_ == "dobj" for c in tok.children):
            continue  # "demonstrators shot flares": what the crowd does is no force against it
        if ref.on_object:
            if objects is None:
                objects = _object_tokens(root)
            if tok.i not in objects:
                continue
        if ref.on_subject and tok.i not in _subject_tokens(root):
            continue
        depth = _depth_between(root, tok)
        if entry.close and depth > CLOSE_DEPTH:
            continue
        if entry.topic_blind and in_topic(tok, root, lexicon().topic_markers):
            continue
        if ref.code in lexicon().protest_codes or entry.code in lexicon().protest_codes:
            if is_aside(root, tok, lexicon().protest_aside):
                continue
        rank = (0 if depth <= CLOSE_DEPTH else 1, ref.priority, abs(tok.i - root.i))
        if best is None or rank < best:
            best, best_ref, best_tok = rank, ref, tok.i
    return best_ref, best_tok


_SPANS = "ec_trigger_spans"  # doc.user_data key: each hit's tokens, while find_triggers runs


def _hit_span(doc: Doc, hit: TriggerHit) -> Span | None:
    """A hit's tokens (widened to whole tokens), made once: every pass after the scan asks."""
    cache = doc.user_data.setdefault(_SPANS, {})
    key = (hit.start, hit.end)
    if key not in cache:
        cache[key] = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return cache[key]


def find_triggers(doc: Doc, matcher: TermMatcher) -> list[TriggerHit]:
    """All trigger hits in ``doc``, in text order."""
    try:
        return _find_triggers(doc, matcher)
    finally:
        doc.user_data.pop(_SPANS, None)  # Span objects do not belong in a Doc's saved data


def _find_triggers(doc: Doc, matcher: TermMatcher) -> list[TriggerHit]:
    lex = lexicon()
    scan = _scan(doc, matcher)
    spans = [Span(doc, s, e) for s, e in scan.triggers]
    kept = sorted(filter_spans(spans), key=lambda s: s.start)
    # words that are an event of their own (an entry that needs a refiner to apply is not)
    explicit = {i for s in kept
                if any("weapon" not in lex.entries[n].refine
                       and not lex.entries[n].requires_refiner
                       for n in scan.triggers[(s.start, s.end)])
                for i in range(s.start, s.end)}
    out: list[TriggerHit] = []
    recent: list[tuple[int, TriggerHit]] = []  # (sentence index, hit) for anaphora
    sent_index = {s.start: n for n, s in enumerate(doc.sents)} if kept else {}
    threat_heads: set[int] = set()
    for span in kept:
        if span.root.dep_ == "amod" and span.root.pos_ == "VERB":
            continue  # "the occupied territories", "alleged missions": a description, no event
        sn = sent_index[span.sent.start]
        for n in scan.triggers[(span.start, span.end)]:
            hit = _code_span(span, lex.entries[n], lex, scan, explicit, recent, sn)
            if hit is None:
                continue
            if hit.plover == "THREATEN" and hit.plover_mode == "violence" and lex.entries[
                    n].violent:
                gov = _governing_threat(span.root)
                if gov is not None:
                    threat_heads.add(gov.i)
            out.append(hit)
            if hit.acled_type and not hit.negated:
                recent.append((sn, hit))
            break
    # a "threaten"/"vow" word whose violent complement became THREATEN is the same event
    if threat_heads:
        out = [h for h in out
               if not (h.plover == "THREATEN" and _head_index(doc, h) in threat_heads
                       and h.acled_type is None and h.lemma.split()[0] in THREAT_HEADS)]
    out = _apply_obligations(doc, out, scan.modals) if scan.modals else out
    out = _apply_governors(doc, out) if out else out
    out = _apply_orders(doc, out) if out else out
    out = _drop_demanded(doc, out) if out else out
    out = _drop_assertions(doc, out) if out else out
    out = _absorb_protest_aims(doc, out) if out else out
    out = _reciprocal_agreements(doc, out) if out else out
    out = _drop_undone(doc, out) if out else out
    out = _apply_intent(doc, out) if out else out
    out = _apply_readiness(doc, out) if out else out
    out = _absorb_withdrawals(doc, _damp_background(doc, _damp_intercepted(doc, out)))
    return _anchor_participants(doc, out) if out else out


def _apply_governors(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "promised to release the detainees", "threatened to expel the diplomats", "pledged to
    strengthen ties": the stance word's hit takes the code of what it governs (``governors:``
    in the YAML) and a hit on the governed act goes (it is intended, not done). An act that is
    itself a CONCEDE hit lends its own code; an ACLED Agreement ("agreed to release prisoners")
    is left as it is."""
    lex = lexicon()
    heads = {h for g in lex.governors for h in g.heads}
    spans = [_hit_span(doc, h) for h in hits]
    if not any(t.lemma_.lower() in heads for s in spans for t in s):
        return hits
    at_root = {s.root.i: n for n, s in enumerate(spans)}
    out, drop = list(hits), set()
    for n, span in enumerate(spans):
        head = next((t for t in (span.root, *span) if t.lemma_.lower() in heads), None)
        if head is None or n in drop:
            continue
        for act in _governed(head):
            key = next((g.acts.get(name) for g in lex.governors if head.lemma_.lower() in g.heads
                        for name in _act_names(act) if name in g.acts), None)
            m = at_root.get(act.i)
            if key is None and m is not None and m != n and hits[n].plover == "AGREE" and hits[
                    m].plover == "CONCEDE" and hits[m].acled_type is None:
                # "agreed to give in to pressure", "pledged it would make concessions": a
                # promise of a concession is CONCEDE (codebook), whatever the concession's words
                drop.add(m)
                out[n] = _offered(head, replace(hits[n], plover="CONCEDE",
                                                plover_mode=hits[m].plover_mode,
                                                cameo=hits[m].cameo))
                break
            if key is None:
                continue
            other = hits[m] if m is not None and m != n else None
            if other is not None and other.acled_sub == "Agreement":
                break
            code = lex.codes[key]
            if other is not None:
                drop.add(m)
                if other.plover == code[2] == "CONCEDE":
                    code = (None, None, other.plover, other.plover_mode, other.cameo)
            out[n] = _offered(head, replace(hits[n], acled_type=None, acled_sub=None,
                                            plover=code[2], plover_mode=code[3], cameo=code[4],
                                            weapon=None))
            break
    return [h for n, h in enumerate(out) if n not in drop]


def _recoded(hit: TriggerHit, code: Code) -> TriggerHit:
    """``hit`` read as lexicon code ``code`` on the PLOVER side (type, mode, CAMEO); its ACLED
    reading stays."""
    return replace(hit, plover=code[2], plover_mode=code[3], cameo=code[4])


def _offered(head: Token, hit: TriggerHit) -> TriggerHit:
    """ "offered to hand over the suspects", "is willing to withdraw": a concession offered or
    one the actor is willing to make is AGREE (``willing:``), not a promised one (CONCEDE)."""
    lex = lexicon()
    if hit.plover != "CONCEDE" or lex.willing_code is None or (
            head.lemma_.lower() not in lex.willing_heads):
        return hit
    code = lex.codes[lex.willing_code]
    return _recoded(hit, code)


def _apply_obligations(doc: Doc, hits: list[TriggerHit], modals: list[int]
                       ) -> list[TriggerHit]:
    """ "Russia said Sudan must return the helicopter": the speech verb over a "must" clause
    whose subject is another party becomes a REQUEST, and a hit on the required act goes (it is
    demanded, not done). "We must", "it should" (the speaker's own duty) are left alone."""
    lex = lexicon()
    ob = lex.obligation
    roots = {}
    for n, h in enumerate(hits):
        span = _hit_span(doc, h)
        if span is not None:
            roots.setdefault(span.root.i, n)
    drop: set[int] = set()
    out = list(hits)
    for i in modals:
        modal = doc[i]
        act = modal.head
        speech = act.head
        if (modal.dep_ != "aux" or act.dep_ != "ccomp" or speech.pos_ != "VERB"
                or speech.lemma_.lower() not in ob["speech"]):
            continue
        subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in {"PROPN", "NOUN"}:
            continue
        for tok in (act, *(c for c in act.children if c.dep_ == "conj")):
            if tok.i in roots:
                drop.add(roots[tok.i])
        if speech.i in roots:
            continue  # the speech word is a hit already ("insisted", "warned")
        code = lex.codes[ob["code"]]
        out.append(_make_hit(doc[speech.i:speech.i + 1], code, None, float(ob["weight"])))
        roots[speech.i] = len(out) - 1
    if len(out) == len(hits) and not drop:
        return hits
    return sorted((h for n, h in enumerate(out) if n not in drop), key=lambda h: h.start)


def _apply_orders(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "ordered the withdrawal of troops", "ordered police to seal off the area": an order
    whose act is itself a material hit is that act (``orders:`` in the YAML); the order hit
    goes and the act keeps its own codes."""
    lex = lexicon()
    spans = [_hit_span(doc, h) for h in hits]
    at_root = {s.root.i: n for n, s in enumerate(spans) if s is not None}
    drop: set[int] = set()
    for n, (h, span) in enumerate(zip(hits, spans, strict=True)):
        if span is None or h.plover != "REQUEST" or span.root.lemma_.lower() not in (
                lex.order_heads):
            continue
        acts = _governed(span.root)
        acts += [c for a in acts if a.pos_ in {"NOUN", "PROPN"} for c in a.children
                 if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"]  # "ordered troops to pull out"
        for act in acts:
            m = at_root.get(act.i)
            if m is not None and m != n and hits[m].plover in lex.order_acts:
                drop.add(n)
                break
    return [h for n, h in enumerate(hits) if n not in drop] if drop else hits


def _drop_demanded(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "urged the EC to support the PLO", "demanded that its partners refuse to recognise",
    "rejected Iraq's proposal for a ceasefire", "denounced Serbia's suppression of the unrest":
    what a request asks for, a rejection turns down or a condemnation names is its content, not
    a second event; hits on the verbs a request governs, on what a rejection governs and on the
    act a condemnation names go (a demanded truce that refines the request is the request)."""
    spans = [_hit_span(doc, h) for h in hits]
    at_root = {s.root.i: n for n, s in enumerate(spans) if s is not None}
    drop: set[int] = set()
    for n, (h, span) in enumerate(zip(hits, spans, strict=True)):
        if span is None or h.plover not in {"REQUEST", "REJECT", "ACCUSE"} or (
                h.acled_type is not None):
            continue
        for act in _governed(span.root) + _fronted_as_object(span.root):
            m = at_root.get(act.i)
            verbal = act.pos_ in {"VERB", "AUX"}
            content = h.plover == "REJECT" or verbal == (h.plover == "REQUEST")
            if (m is not None and m != n and hits[m].plover != h.plover and content
                    and hits[m].acled_type is None):
                drop.add(m)
        if h.plover == "REQUEST":
            # "demanding that Mugabe abandon his policy of land confiscations", "its demand
            # that Israel ease restrictions": the whole demanded clause is the content
            # ("reiterated its demand today that ...": the clause may hang from the verb
            # whose object the demand noun is)
            owners = [span.root] + ([span.root.head] if span.root.pos_ == "NOUN"
                                    and span.root.dep_ == "dobj" else [])
            clauses = [c for o in owners for c in o.children if c.dep_ in {"ccomp", "acl"}
                       and c.pos_ in {"VERB", "AUX"} and any(
                           g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
            inside = {t.i for c in clauses for t in c.subtree}
            drop |= {m for r, m in at_root.items() if r in inside and m != n
                     and hits[m].acled_type is None and hits[m].plover != "REQUEST"}
    return [h for n, h in enumerate(hits) if n not in drop] if drop else hits


def _fronted_as_object(head: Token) -> list[Token]:
    """ "condemned as a grave mistake Ghana's closure of the border": with the "as" phrase
    put first the parser hangs the object on it as an apposition; it is still the object."""
    return [a for p in head.children if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos"]


def _drop_undone(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "is prepared to lift the ban", "cancelled restrictions on": a measure named as what
    another hit takes back (``intent.undo`` verbs) is that hit's content, not a second event."""
    undo = lexicon().intent.undo
    spans = [_hit_span(doc, h) for h in hits]
    drop = set()
    for n, (h, span) in enumerate(zip(hits, spans, strict=True)):
        if span is None or h.acled_type is not None or span.root.pos_ != "NOUN":
            continue
        verb = span.root.head
        if span.root.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in undo:
            continue
        if any(m != n and s is not None and s.start <= verb.i < s.end
               for m, s in enumerate(spans)):
            drop.add(n)
    return [h for n, h in enumerate(hits) if n not in drop] if drop else hits


def _joint_subject(verb: Token, parties: set[str]) -> bool:
    """ "Bosnia and Slovenia", "the two sides": a subject that names both parties."""
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        if any(c.dep_ == "conj" for c in subj.children):
            return True
        if subj.lemma_.lower() in parties and subj.tag_ == "NNS":
            return True
    return False


def _reciprocal_agreements(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A concession or ceasefire two parties agree to together is their agreement (AGREE):
    only the PLOVER reading changes (``reciprocal:`` in the YAML)."""
    rec = lexicon().reciprocal
    if not rec:
        return hits
    heads, parties = set(rec["heads"]), set(rec["parties"])
    code = lexicon().codes[rec["code"]]
    out = []
    for h in hits:
        if h.plover in rec["acts"]:
            span = _hit_span(doc, h)
            verb = next((t for t in (*span, *span.root.ancestors) if t.lemma_.lower() in heads),
                        None) if span is not None else None
            if verb is not None and _joint_subject(verb, parties):
                h = _recoded(h, code)
        out.append(h)
    return out


PROTEST_AIMS = {"REQUEST", "ACCUSE", "REJECT"}  # what a protest may ask for or object to
AIM_DEPS = {"xcomp", "advcl", "prep", "pobj", "dobj", "ccomp", "acl", "relcl"}


def protest_clause(root: Token) -> Token:
    """The verb a protest is done with: "began a hunger strike" -> began, "protesters
    demanded" -> demanded; a protest verb is its own clause."""
    if root.pos_ not in {"VERB", "AUX"} and root.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return root.head
    return root


def _in_protest_aim(tok: Token, protest: Token) -> bool:
    """Is ``tok`` what the protest at ``protest`` asks for or is against: the protest's own verb
    when the protesters are its subject ("demonstrators demanded"), or a purpose hanging from
    that verb ("struck to demand", "blocked roads demanding", "in defiance of")."""
    anchor = protest_clause(protest)
    if tok.i == protest.i:
        return False
    if tok.i == anchor.i:
        return anchor.i != protest.i and protest.dep_ in {"nsubj", "nsubjpass"}
    cur = tok
    for _ in range(3):
        if cur.dep_ not in AIM_DEPS or cur.head is cur:
            return False
        cur = cur.head
        if cur.i == anchor.i:
            return True
    return False


def _absorb_protest_aims(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "began a hunger strike to demand the resignation", "blocked streets in defiance of the
    authorities": a demand, complaint or refusal a protest makes is the protest (codebook:
    protests, including protests making requests or expressing disapproval, are PROTEST, not
    REQUEST or ACCUSE); its hit goes, and the assembler reads the protest's recipient there."""
    spans = [_hit_span(doc, h) for h in hits]
    protests = [s.root for s, h in zip(spans, hits, strict=True)
                if s is not None and h.plover == "PROTEST"]
    if not protests:
        return hits
    drop = {n for n, (h, s) in enumerate(zip(hits, spans, strict=True))
            if s is not None and h.plover in PROTEST_AIMS and h.acled_type is None
            and any(p.sent.start == s.root.sent.start and _in_protest_aim(s.root, p)
                    for p in protests)}
    return [h for n, h in enumerate(hits) if n not in drop] if drop else hits


def _drop_assertions(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "insisted unrest there reflected age-old tensions": an ``obligation.assertive`` word
    over an indicative clause (past or present tense, no modal) asserts, it demands nothing."""
    words = set(lexicon().obligation.get("assertive", []))
    out = []
    for h in hits:
        span = _hit_span(doc, h)
        if h.plover == "REQUEST" and span is not None:
            head = next((t for t in span if t.lemma_.lower() in words), None)
            clause = next((c for c in head.children if c.dep_ == "ccomp"), None) if head else None
            if clause is not None and clause.tag_ in {"VBD", "VBZ", "VBP"} and not any(
                    c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
                continue
        out.append(h)
    return out


def _apply_intent(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "will visit Albania", "is ready to contribute troops", "said it would withdraw": a
    meeting, support, aid or retreat announced for later is the commitment to it (AGREE, or
    CONCEDE for a yielding act), and a boycott, sanction or restriction announced for later is
    a threat of it (THREATEN), as the codebook asks. Only the PLOVER reading changes; ACLED
    fields stay for the assembler's modality rules."""
    intent = lexicon().intent
    codes = lexicon().codes
    out = []
    for h in hits:
        key = intent.acts.get(f"{h.plover}/{h.plover_mode}") or intent.acts.get(h.plover)
        if h.plover != "THREATEN":
            span = _hit_span(doc, h)
            verb = _act_verb(span.root) if span is not None else None
            if verb is not None and verb.lemma_.lower() not in intent.undo and _announced(
                    verb, intent):
                if _conditional(verb, intent) and (key is None or codes[key][2] != "THREATEN"):
                    key = intent.conditional
                if key is not None:
                    code = codes[key]
                    h = _recoded(h, code)
                    if verb.dep_ == "xcomp":
                        h = _offered(verb.head, h)
            elif verb is not None and key is not None and codes[key][2] == "THREATEN" and (
                    _possible_on_condition(verb, intent)):
                code = codes[key]
                h = _recoded(h, code)
        out.append(h)
    return out


def _possible_on_condition(verb: Token, intent: Intent) -> bool:
    """ "may halt mediation if cooperation founders": a hostile act that may come, on a
    condition, warns of it (codebook THREATEN: "threaten to suspend relations or talks")."""
    marks = intent.unless | intent.if_marks
    return any(c.dep_ == "aux" and c.lower_ in intent.maybe for c in verb.children) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in verb.children)


READY_ARCS = frozenset({"xcomp", "dobj", "pobj", "prep", "pcomp", "advcl"})


def _apply_readiness(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "the army prepared to resume shelling", "in preparation for an offensive": force made
    ready is a mobilisation (``readiness:``); only the PLOVER reading changes."""
    ready = lexicon().readiness
    if not ready or not any(h.plover in ready["acts"] for h in hits):
        return hits
    heads = set(ready["heads"])
    code = lexicon().codes[ready["code"]]
    out = []
    for h in hits:
        span = _hit_span(doc, h) if h.plover in ready["acts"] else None
        if span is not None and _readied(span.root, heads):
            h = _recoded(h, code)
        out.append(h)
    return out


def _readied(tok: Token, heads: set[str]) -> bool:
    """Does a readiness word govern ``tok`` within three arcs ("prepared to resume shelling":
    shelling <- resume <- prepared)?"""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in READY_ARCS or cur.head is cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in heads:
            return True
    return False


def _conditional(verb: Token, intent: Intent) -> bool:
    """ "will withdraw its force unless ...": an announced act with a condition attached."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in intent.unless
                                         for m in c.children) for c in verb.children)


def _act_verb(root: Token) -> Token:
    """The verb that carries a noun trigger as its object ("pay a visit", "provide tons of
    aid"); a noun in another prepositional phrase is a setting ("concessions in talks")."""
    tok = root
    for _ in range(3):
        quantity = tok.lower_ == "of" or tok.dep_ == "pobj" and tok.head.lower_ == "of"
        if tok.pos_ in {"VERB", "AUX"} or not (
                quantity or tok.dep_ in {"dobj", "compound", "nsubjpass"}):
            return tok
        tok = tok.head
    return tok


def _announced(verb: Token, intent: Intent) -> bool:
    """A future auxiliary on the verb (or on the verb it is coordinated with), or an intent
    word whose infinitive it is ("plans to visit", "is willing to withdraw")."""
    for tok in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        if any(c.dep_ == "aux" and c.lower_ in intent.aux for c in tok.children):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in intent.heads:
            return True
    return False


def _governed(head: Token) -> list[Token]:
    """What a stance word governs: its verb complement(s), then its object."""
    verbs = [c for c in head.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return verbs + [c for c in head.children if c.dep_ == "dobj"]


def _act_names(act: Token) -> list[str]:
    lemma = act.lemma_.lower()
    prt = [c.lower_ for c in act.children if c.dep_ == "prt"]
    return [f"{lemma} {prt[0]}", lemma, act.lower_] if prt else [lemma, act.lower_]


def _code_span(span: Span, entry: Entry, lex: Lexicon, scan: _Scan, explicit: set[int],
               recent: list[tuple[int, TriggerHit]], sn: int) -> TriggerHit | None:
    """The hit one lexicon entry makes of a matched span, or None when the entry does not apply
    (the next entry for the same words is then tried: "seized the town" / "seized rifles")."""
    root = span.root
    sent = span.sent
    if entry.violent and sent.start in scan.blocked_sents:
        return None
    code_key, weight = entry.code, entry.weight
    weapon = lex.code_weapon.get(code_key)
    refined = False
    if entry.refine:
        best_ref, best_tok = _best_refiner(span, entry, scan.refs.get(sent.start, []))
        if best_ref is not None and "peaceful_handover" in best_ref.groups and _forced(
                span.doc[best_tok], scan, lex):
            best_ref = None  # "rebels who withdrew following heavy bombardment": not peaceful
        if best_ref is not None:
            if best_ref.weapon is not None and entry.violent and best_tok in explicit:
                return None  # "launched a drone strike": the explicit trigger is the event
            code_key, weapon, refined = best_ref.code, best_ref.weapon, True
            code_key = entry.recode.get(code_key, code_key)
            if weapon is not None:
                weight = max(weight, WEAPON_WEIGHT)
            if weapon == "intercepted" and root.lemma_ == "destroy" and _weapon_subject(
                    root, scan.refs.get(sent.start, [])):
                return None  # "warplanes destroyed the arms depot": a strike, not a disruption
                # ("jets shot down a drone" stays an interception)
    if not refined and entry.requires_refiner:
        return None
    if entry.needs_territory and not _has_territory(
            root, lex, entry.left_place, scan.places) and not (
            refined and entry.territory_pronoun and _has_pronoun_object(root)):
        return None
    if entry.doc_blocked and not refined and scan.blocked_sents:
        return None  # a bare "explosion" in a story about a gas leak or a storm
    weak = bool(entry.weak_heads) and _under_weak_head(root, entry.weak_heads)
    figurative = weak or not refined and entry.figurative and _is_figurative(root, lex)
    if not refined and entry.anaphoric and _is_definite(span):
        prior = [h for n, h in recent if sn - n <= ANAPHOR_WINDOW and h.acled_type]
        if prior:
            src = max(reversed(prior), key=lambda h: h.weight)
            hit = _make_hit(span, (src.acled_type, src.acled_sub, src.plover,
                                   src.plover_mode, src.cameo), src.weapon, ANAPHOR_WEIGHT)
            hit.negated = _is_negated(root, span)
            return hit
    code = lex.codes[code_key]
    if code[1] == "Armed clash" and not refined and _with_polities(root, lex):
        figurative = True
    if code[2] == "ASSAULT" and entry.violent and _governing_threat(root) is not None:
        code = lex.codes["threaten_force"]
    if figurative:  # "an attack on democracy", "despite the truce": not an event ACLED codes
        code = (None, None, *code[2:])
        weight = min(weight, lex.figurative_weight)
    hit = _make_hit(span, code, weapon, weight)
    hit.negated = _is_negated(root, span)
    return hit


def _forced(tok: Token, scan: _Scan, lex: Lexicon) -> bool:
    """Does a fight or a bombardment hang from this withdrawal ("pulled out after heavy
    fighting")? Then the place changed hands by force."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    for (start, end), ids in scan.triggers.items():
        if lo <= start <= hi and start != tok.i:
            entry = lex.entries[ids[0]]
            kind = lex.codes[entry.code][0]
            if entry.violent and kind in ("Battles", "Explosions/Remote violence") and not (
                    _is_negated(tok.doc[start:end].root, tok.doc[start:end])):
                return True
    return False


def _weapon_subject(root: Token, refs: list[tuple[Token, Refiner]]) -> bool:
    """Is what acts an aircraft, drone or gun ("warplanes destroyed ...", "destroyed by
    jets")? A passive subject is what was destroyed, not what destroyed it."""
    doers = [c for c in root.children if c.dep_ == "nsubj"]
    doers += [g for c in root.children if c.dep_ == "agent" for g in c.children]
    acting = {t.i for d in doers for t in d.subtree}
    return any("weapon" in ref.groups and tok.i in acting for tok, ref in refs)


def _anchor_participants(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """ "Demonstrators gathered in the square": the protest is the gathering, so the hit moves
    from the participants onto the verb they do (the assembler then finds that verb's place,
    time and subject). The noun stays the hit when the verb is a hit of its own ("protesters
    marched") or not a protest act ("protesters said")."""
    lex = lexicon()
    spans = [_hit_span(doc, h) for h in hits]
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span, h in zip(spans, hits, strict=True):
        root = span.root
        if h.acled_type in PROTEST_TYPES and root.lemma_.lower() in lex.protest_participants:
            act = _participant_verb(root, lex)
            if act is not None and act.start not in covered:
                covered.update(range(act.start, act.end))
                h = replace(h, start=act.start_char, end=act.end_char, text=act.text,
                            lemma=" ".join(t.lemma_.lower() for t in act))
        out.append(h)
    return out


def _participant_verb(root: Token, lex: Lexicon) -> Span | None:
    subj = root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "nsubj":
        subj = root.head.head  # "thousands of protesters rallied"
    verb = subj.head
    if (subj.dep_ != "nsubj" or verb.pos_ != "VERB"
            or verb.lemma_.lower() not in lex.protest_verbs):
        return None
    end = verb.i + 1
    if end < len(root.doc) and root.doc[end].dep_ == "prt":
        end += 1  # "turned out", "came out"
    return root.doc[verb.i:end]


def _has_pronoun_object(root: Token) -> bool:
    return any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in root.children)


def _under_weak_head(root: Token, heads: frozenset[str]) -> bool:
    """ "despite the ceasefire", "violated the truce": mentioned, not concluded."""
    tok = root
    for _ in range(3):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in heads:
            return True
    return False


def _is_blocker(span: Span) -> bool:
    """A disaster/crime word used as such, not inside a name ("Operation Desert Storm")."""
    root = span.root
    if root.ent_type_ or (root.is_title and not root.is_sent_start):
        return False
    return len(span) > 1 or root.pos_ == "NOUN" or root.lemma_ == "rob"


def _is_definite(span: Span) -> bool:
    first = span[0]
    if first.lower_ in DEFINITE:
        return True
    return any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in span.root.children)


def _head_index(doc: Doc, hit: TriggerHit) -> int:
    span = _hit_span(doc, hit)
    return span.root.i if span is not None else -1


def _damp_intercepted(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Generic strike words next to an interception describe the foiled attempt, not a hit."""
    disrupted = {_hit_span(doc, h).sent.start
                 for h in hits if h.acled_sub == "Disrupted weapons use"}
    if not disrupted:
        return hits
    out = []
    for h in hits:
        sent = _hit_span(doc, h).sent.start
        if sent in disrupted and h.acled_type == "Explosions/Remote violence":
            h = replace(h, weight=min(h.weight, 0.3))
        out.append(h)
    return out


def _damp_background(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Violence that is the backdrop of another event keeps its codes at a background weight:
    the topic of a protest ("rallied to condemn the killing of a student") and acts under a
    concessive head ("talks began despite air strikes")."""
    lex = lexicon()
    spans = [_hit_span(doc, h) for h in hits]
    protests = [s.root for s, h in zip(spans, hits, strict=True)
                if h.acled_type in PROTEST_TYPES or h.plover == "PROTEST"]
    # acts that a fight told with "during" is only the setting of (a killing during clashes is
    # the clash's toll, so Battles and Violence against civilians are left out)
    set_in = {s.root.i for s, h in zip(spans, hits, strict=True) if h.acled_type is not None
              and h.acled_type not in ("Battles", "Violence against civilians")}
    out = []
    for span, h in zip(spans, hits, strict=True):
        if h.acled_type is not None and h.acled_type not in PROTEST_TYPES:
            root = span.root
            backdrop = any(a.lower_ in lex.background_heads for a in _clause_ancestors(root))
            if not backdrop and root.head.lower_ == "during" and root.dep_ == "pobj":
                # "a grenade attack was carried out during clashes": the clashes are the
                # setting of the act told, when that act is coded itself
                act = root.head.head
                backdrop = act.i in set_in or any(c.i in set_in for c in act.children
                                                  if c.dep_ in ("nsubj", "nsubjpass"))
            if not backdrop:
                backdrop = any(p.i != root.i and not span.start <= p.i < span.end
                               and in_topic(root, p, lex.topic_markers) for p in protests)
            if backdrop:
                h = replace(h, weight=min(h.weight, lex.background_weight))
        out.append(h)
    return out


def _clause_ancestors(tok: Token) -> list[Token]:
    """Heads above a word up to its clause's verb and one step beyond ("despite the strikes")."""
    out = []
    for a in tok.ancestors:
        out.append(a)
        if a.pos_ in {"VERB", "AUX"}:
            break
    return out


def _absorb_withdrawals(doc: Doc, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A withdrawal in the sentence that says who took the place over, or just before it ("The
    garrison withdrew. Rebels entered the town unopposed."), is that change of hands
    (Non-violent transfer or a battle), not a separate Change to group/activity."""
    changes = [h for h in hits if h.acled_type == "Battles" and h.acled_sub != "Armed clash"
               or h.acled_sub == "Non-violent transfer of territory"]
    if not changes:
        return hits
    index = {s.start: n for n, s in enumerate(doc.sents)}

    def sentence(h: TriggerHit) -> int:
        return index[_hit_span(doc, h).sent.start]

    taken = {sentence(h) for h in changes}
    out = []
    for h in hits:
        if h.acled_sub == "Change to group/activity" and h.plover == "RETREAT" and (
                {sentence(h), sentence(h) + 1} & taken):
            h = replace(h, acled_type=None, acled_sub=None)
        out.append(h)
    return out


def _make_hit(span: Span, code: Code, weapon: str | None, weight: float) -> TriggerHit:
    acled, sub, plover, mode, cameo = code
    return TriggerHit(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        lemma=" ".join(t.lemma_.lower() for t in span),
        acled_type=acled,
        acled_sub=sub,
        plover=plover,
        plover_mode=mode,
        cameo=cameo,
        weapon=weapon,
        weight=round(weight, 3),
    )


def alternative(hit: TriggerHit, actor1_state: bool | None = None,
                target_civilian: bool | None = None) -> TriggerHit:
    """The same hit recoded once the assembler knows the actors.

    Territory: a capture by state forces is "Government regains territory" and a retaking by a
    non-state group is "Non-state actor overtakes territory". A generic armed clash whose target
    turns out to be civilians is "Violence against civilians / Attack".
    """
    lex = lexicon()
    sub = hit.acled_sub
    if sub in lex.territory_alt and actor1_state is not None:
        want_gov = actor1_state
        is_gov = sub == "Government regains territory"
        if want_gov != is_gov:
            return replace(hit, acled_sub=lex.territory_alt[sub])
    if sub in lex.target_alt and target_civilian:
        etype, esub = lex.target_alt[sub]
        return replace(hit, acled_type=etype, acled_sub=esub, cameo="180")
    return hit


class TriggerReader:
    """spaCy component: stores ``list[TriggerHit]`` on ``doc._.ec_triggers``."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        self.matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ec_triggers = find_triggers(doc, self.matcher)
        return doc


@Language.factory("ec_triggers")
def make_trigger_reader(nlp: Language, name: str) -> TriggerReader:
    return TriggerReader(nlp)
