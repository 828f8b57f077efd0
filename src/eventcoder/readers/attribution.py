"""Attribution reader: who says so, how sure they are, and whether it is news or background.

Lexical cues (modality, channels, status phrases) come from ``kb/attribution.yaml`` through one
spaCy ``Matcher``; sources come from the dependency parse (the subject of "said"/"claimed"/
"reported", the object of "citing", the object of "according to"), classified by their head noun.
Names are kept as written; mapping them to canonical actors is the assembler's job.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.gate import WordPositions
from eventcoder.readers.hits import CueHit, context, register_extensions
from eventcoder.readers.triggers import TermMatcher

ROLE_ORDER = ("relay", "monitor", "witness", "anonymous", "official")
PRONOUNS = {"it", "they", "he", "she", "we", "group", "movement", "militia", "organisation",
            "organization", "faction"}
MODAL_POS = {"AUX", "SCONJ", "VERB", "ADV", "ADJ", "ADP", "PART", "NOUN", "DET", "PRON"}
SINGLE_WORD_POS = {  # single-word modality cues only count with this part of speech
    "if": {"SCONJ", "ADP"},
    "could": {"AUX"}, "might": {"AUX"}, "would": {"AUX"}, "may": {"AUX"},
    "not": {"PART"}, "never": {"ADV"},
    "suspect": {"VERB"}, "implicate": {"VERB"},  # "suspected militants" alleges nothing
}
DESCRIBING_ONLY = {"suspect", "implicate"}  # as a participle before a noun they describe people
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
BACKGROUND_DAYS = 21  # an explicit date this long before publication is not today's news


@dataclass(slots=True)
class Cues:
    speech: frozenset[str]
    claim_verbs: frozenset[str]
    claimed_acts: frozenset[str]
    kinds: dict[str, tuple[frozenset[str], tuple[str, ...]]]  # role -> (words, phrases)
    terms: dict[str, list[str]]


def _key(kind: str, value: str) -> str:
    return f"{kind}|{value}"


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The compiled attribution lexicon (once per process)."""
    data = load_yaml("attribution.yaml")
    patterns: dict[str, list[str]] = {}
    for kind in ("modality", "background", "new"):
        for value, terms in data[kind].items():
            patterns[_key(kind, value)] = [str(t) for t in terms]
    for value, terms in data["channels"].items():
        patterns[_key("channel", value)] = [str(t) for t in terms]
    patterns["anonymity|"] = [str(t) for t in data["anonymity"]]
    kinds = {}
    for role, names in data["source_kinds"].items():
        words = frozenset(str(n).lower() for n in names if " " not in str(n))
        phrases = tuple(str(n).lower() for n in names if " " in str(n))
        kinds[role] = (words, phrases)
    return Cues(
        speech=frozenset(data["speech_verbs"]),
        claim_verbs=frozenset(data["claim_verbs"]),
        claimed_acts=frozenset(data["claimed_acts"]),
        kinds=kinds,
        terms=patterns,
    )


def build_matcher(vocab: Vocab) -> TermMatcher:
    return TermMatcher(vocab, cues().terms)


def source_span(head: Token) -> Span:
    """The name around a subject's head noun, without its relative clauses or appositions."""
    doc = head.doc
    left = head.left_edge.i
    commas = [t.i for t in doc[left:head.i] if t.is_punct and t.lower_ not in {"-", "'", "’"}]
    if commas:
        left = commas[-1] + 1
    while left < head.i and (doc[left].is_punct or doc[left].lower_ in {"the", "a", "an"}):
        left += 1
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"}:
            right = child.right_edge.i
        elif child.dep_ == "prep" and all(
            t.pos_ in {"PROPN", "ADP", "DET", "CCONJ"} or t.is_title for t in child.subtree
        ) and len(list(child.subtree)) > 1:
            right = child.right_edge.i
        else:
            break
    return doc[left:right + 1]


def classify(span: Span, anonymous: bool = False) -> str | None:
    """The source role a name suggests, from its head noun first, then any of its words."""
    if anonymous:
        return "anonymous"
    c = cues()
    low = span.text.lower()
    head = span.root.lemma_.lower()
    for role in ROLE_ORDER:
        words, _ = c.kinds[role]
        if head in words or span.root.lower_ in words:
            return role
    for role in ROLE_ORDER:
        words, phrases = c.kinds[role]
        if any(p in low for p in phrases) or any(t.lower_ in words for t in span):
            return role
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    for child in verb.children:  # passive "was reported by X"
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _is_claim(verb: Token, c: Cues) -> bool:
    """'claimed responsibility', 'said it carried out', 'said the strike was carried out'."""
    if verb.lemma_ in c.claim_verbs:
        return True
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.lemma_ not in c.claimed_acts:
            continue
        subj = next((t for t in comp.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        passive = any(t.dep_ == "auxpass" for t in comp.children)
        if comp.lemma_ == "be":  # "said it was behind"
            if any(t.lower_ in {"behind", "responsible"} for t in comp.children):
                return subj is not None and subj.lower_ in PRONOUNS
            continue
        if passive and _agent_named(comp):
            continue  # "reported the camp was attacked by militiamen": told of someone else
        if passive or (subj is not None and subj.lower_ in {"it", "they", "we"}):
            return True
    return False


def _agent_named(verb: Token) -> bool:
    """A passive whose "by" phrase names someone other than the speaker's side ("by
    militiamen", not "by us")."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for who in (t for t in agent.children if t.dep_ == "pobj"):
            own = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our")
                      for c in who.children)  # "by its fighters": the speaker's own
            if who.lower_ not in PRONOUNS | {"us", "them", "him"} and not own:
                return True
    return False


@lru_cache(maxsize=8)
def _source_words(vocab: Vocab) -> tuple[WordPositions, WordPositions]:
    """Where a source can be named: speech and citing verbs, and 'according'."""
    verbs = WordPositions(vocab, lemmas=cues().speech | {"cite", "quote"}, pos="VERB")
    return verbs, WordPositions(vocab, lowers=["according"])


@lru_cache(maxsize=8)
def _status_words(vocab: Vocab) -> tuple[WordPositions, WordPositions]:
    """'since' anywhere, and the past participles that may open a 'has ... since' campaign."""
    return WordPositions(vocab, lowers=["since"]), WordPositions(vocab, tag="VBN")


def find_sources(doc: Doc, anonymous_at: set[int]) -> list[CueHit]:
    """Sources from the parse: subjects of speech verbs, objects of 'citing'/'according to'."""
    c = cues()
    out: list[CueHit] = []
    last_named: CueHit | None = None
    verbs, according = _source_words(doc.vocab)
    for i in sorted(set(verbs(doc)) | set(according(doc))):
        tok = doc[i]
        is_verb = tok.pos_ == "VERB"
        if not is_verb and tok.lower_ != "according":
            continue  # only verbs and "according to" name sources
        lemma = tok.lemma_.lower()
        if is_verb and lemma in {"cite", "quote"}:
            obj = next((t for t in tok.children if t.dep_ == "dobj"), None)
            if obj is not None:
                span = source_span(obj)
                anon = any(i in anonymous_at for i in range(obj.left_edge.i, obj.right_edge.i + 2))
                role = classify(span, anon)
                out.append(_hit(span, role if role in {"anonymous", "official", "witness",
                                                       "monitor"} else "original", role))
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((t for t in doc[tok.i + 1].children if t.dep_ == "pobj"), None)
            if obj is not None:
                span = source_span(obj)
                role = classify(span) or "original"
                out.append(_hit(span, role, role))
            continue
        if tok.pos_ != "VERB" or lemma not in c.speech:
            continue
        subj = _subject(tok)
        if subj is None:
            continue
        span = source_span(subj)
        claim = _is_claim(tok, c)
        name_text = span.text
        if subj.lower_ in PRONOUNS or span.text.lower() in PRONOUNS:
            if last_named is None:
                continue
            name_text = last_named.source_name or last_named.text
            role = "claimant" if claim else last_named.source_role
        else:
            anon = any(i in anonymous_at for i in range(span.start, span.end + 1))
            role = "claimant" if claim else classify(span, anon)
        hit = _hit(span, role, "claimant" if claim else (role or "named"))
        hit.source_name = name_text
        out.append(hit)
        if subj.lower_ not in PRONOUNS and subj.pos_ in {"PROPN", "NOUN"}:
            last_named = hit
    return out


def _hit(span: Span, role: str | None, value: str | None) -> CueHit:
    name = span.text
    return CueHit(span.start_char, span.end_char, span.text, "source", value or "named",
                  source_name=name, source_role=role)


def _date_of(ent: Span, published: date) -> date | None:
    """A rough reading of a DATE entity ("November 2", "May 2017") for status only."""
    words = [t.lower_ for t in ent]
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    year_m = YEAR.search(ent.text)
    day = next((int(t.text) for t in ent if t.like_num and t.text.isdigit()
                and 1 <= int(t.text) <= 31), None)
    if year_m:
        year = int(year_m.group(1))
        return date(year, month or 7, day or 1)
    if month is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    try:
        return date(year, month, day or 15)
    except ValueError:
        return None


def find_status(doc: Doc) -> list[CueHit]:
    """Background cues from the parse and the publication date ("since ...", "in 2014")."""
    out: list[CueHit] = []
    published = context(doc).published
    for ent in doc.ents:
        if ent.label_ != "DATE" or ent.root.dep_ in {"nummod", "compound", "amod"}:
            continue
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ == "since":
            span = doc[ent.start - 1:ent.end]
            out.append(CueHit(span.start_char, span.end_char, span.text, "background", "since"))
            continue
        if published is not None:
            when = _date_of(ent, published)
            if when is not None and (published - when).days > BACKGROUND_DAYS:
                value = "past_year" if when.year < published.year else "past_date"
                out.append(CueHit(ent.start_char, ent.end_char, ent.text, "background", value))
    since, participles = _status_words(doc.vocab)
    for tok in (doc[i] for i in participles(doc)) if since(doc) else ():
        # "has launched relentless attacks ... since": a present-perfect ongoing campaign
        if tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
            if any(t.lower_ == "since" for t in tok.subtree):
                aux = next(c for c in tok.children if c.dep_ == "aux" and c.lemma_ == "have")
                span = doc[aux.i:tok.i + 1]
                out.append(CueHit(span.start_char, span.end_char, span.text, "background",
                                  "ongoing"))
    return out


def find_cues(doc: Doc, matcher: TermMatcher) -> list[CueHit]:
    """All attribution cues in ``doc``, in text order."""
    strings = doc.vocab.strings
    by_kind: dict[str, list[Span]] = {}
    anonymous_at: set[int] = set()
    for match_id, start, end in matcher(doc):
        key = strings[match_id]
        if key == "anonymity|":
            anonymous_at.update(range(start, end))
            continue
        span = doc[start:end]
        if end - start == 1:
            allowed = SINGLE_WORD_POS.get(span[0].lower_) or SINGLE_WORD_POS.get(
                span[0].lemma_.lower())
            if allowed is not None and span[0].pos_ not in allowed:
                continue
            if span[0].lower_ in {"not", "never"} and span[0].dep_ != "neg":
                continue
            if span[0].lemma_.lower() in DESCRIBING_ONLY and span[0].dep_ in {"amod", "acl"}:
                continue  # "detained three suspected militants": the arrest is not in doubt
        kind = key.split("|", 1)[0]
        by_kind.setdefault(kind, []).append(Span(doc, start, end, label=key))
    out: list[CueHit] = []
    for spans in by_kind.values():
        for span in filter_spans(spans):
            kind, value = span.label_.split("|", 1)
            out.append(CueHit(span.start_char, span.end_char, span.text, kind, value))
    out.extend(find_sources(doc, anonymous_at))
    out.extend(find_status(doc))
    out.sort(key=lambda h: (h.start, h.end, h.kind))
    return out


class AttributionReader:
    """spaCy component: stores ``list[CueHit]`` on ``doc._.ec_cues``."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        self.matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ec_cues = find_cues(doc, self.matcher)
        return doc


@Language.factory("ec_cues")
def make_attribution_reader(nlp: Language, name: str) -> AttributionReader:
    return AttributionReader(nlp)
