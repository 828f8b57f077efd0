"""Framing: loaded, partisan, euphemistic and doubt-casting wording, with a neutral reading.

Literal phrases (kb/framing.yaml plus every partisan alias of kb/actors.yaml) go through one
case-insensitive PhraseMatcher; general shapes ("so-called X", "alleged <noun> missions",
"<capital> regime", "1948 occupied territories", "Zionist <noun>") through one token Matcher
that only looks near its anchor words.
Within a kind the longest match wins; different kinds may overlap ("Iraqi anti-terror resistance
groups" is a partisan name for an actor and contains the euphemism "anti-terror resistance").
"""

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.actors import (
    get_kb,
    position_patterns,
    state_actor_name,
    surface_variants,
)
from eventcoder.readers.gate import AnchoredMatcher
from eventcoder.readers.hits import FramingHit, register_extensions

PARTISAN_ACTOR = "EC_PARTISAN_ACTOR"
REGIME = "EC_REGIME"  # "<capital|demonym> regime"


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    refers_to: str | None = None
    neutral: str | None = None
    replace: tuple[tuple[str, str], ...] = ()


class FramingReader:
    """The ``ec_framing`` component: stores ``doc._.ec_framing`` as a list of FramingHit."""

    def __init__(self, nlp: Language, name: str = "ec_framing") -> None:
        register_extensions()
        self.phrases, self.tokens, self.rules = _compiled(nlp)
        self.actors = get_kb()

    def __call__(self, doc: Doc) -> Doc:
        cands: list[tuple[int, int, FramingHit]] = []
        for match_id, start, end in self.phrases(doc):
            hit = self._hit(doc[start:end], doc.vocab.strings[match_id])
            if hit is not None:
                cands.append((start, end, hit))
        for match_id, start, end in self.tokens(doc):
            hit = self._hit(doc[start:end], doc.vocab.strings[match_id])
            if hit is not None:
                cands.append((start, end, hit))
        doc._.ec_framing = _longest_per_kind(cands, len(doc))
        return doc

    def _hit(self, span: Span, key: str) -> FramingHit | None:
        if key == PARTISAN_ACTOR:
            alias = self.actors.resolve(span.text.lower(), span.text)
            if alias is None or not alias.partisan:
                return None
            rule = Rule("partisan_name", alias.actor.name, alias.neutral)
        elif key == REGIME:
            head = span[:-1].text.lower()
            iso3 = self.actors.capitals.get(head) or self.actors.demonyms.get(head)
            if iso3 is None:  # per-position patterns over-generate; validate the head
                return None
            country = self.actors.countries[iso3].name
            rule = Rule("partisan_name", state_actor_name(iso3, "government"),
                        f"the government of {country}")
        else:
            rule = self.rules[key]
        neutral = rule.neutral
        if rule.replace:
            swap = dict(rule.replace)
            neutral = "".join(swap.get(t.lower_, t.text) + t.whitespace_ for t in span).strip()
        return FramingHit(start=span.start_char, end=span.end_char, text=span.text,
                          kind=rule.kind, refers_to=rule.refers_to, neutral=neutral)


def _longest_per_kind(cands: list[tuple[int, int, FramingHit]], n_tokens: int) -> list[FramingHit]:
    taken: dict[str, bytearray] = {}
    kept: list[FramingHit] = []
    for start, end, hit in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        used = taken.setdefault(hit.kind, bytearray(n_tokens))
        if any(used[start:end]):
            continue
        used[start:end] = b"\x01" * (end - start)
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


@lru_cache(maxsize=4)
def _compiled(nlp: Language) -> tuple[PhraseMatcher, AnchoredMatcher, dict[str, Rule]]:
    data = load_yaml("framing")
    kb = get_kb()
    rules: dict[str, Rule] = {}
    phrase_texts: dict[str, list[str]] = {}
    for kind, entries in (data.get("phrases") or {}).items():
        for i, entry in enumerate(entries):
            key = f"EC_{kind}_{i}"
            rules[key] = Rule(kind, entry.get("refers_to"), entry.get("neutral"))
            phrase_texts[key] = [v for t in entry["text"] for v in surface_variants(t)]
    phrase_texts[PARTISAN_ACTOR] = [
        key for key, cands in kb.aliases.items() if any(c.partisan for c in cands)
    ]
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, texts in phrase_texts.items():
        phrases.add(key, list(nlp.tokenizer.pipe(texts)))

    tokens = AnchoredMatcher(nlp.vocab)
    for entry in data.get("patterns") or []:
        key = f"EC_{entry['id']}"
        replace = tuple((k.lower(), v) for k, v in (entry.get("replace") or {}).items())
        rules[key] = Rule(entry["kind"], entry.get("refers_to"), entry.get("neutral"), replace)
        tokens.add(key, [entry["pattern"]], greedy="LONGEST")
    nouns = sorted(data.get("regime_nouns") or ["regime"])
    heads = [h for h, iso3 in {**kb.capitals, **kb.demonyms}.items() if iso3 in kb.countries]
    head_tokens = [[t.lower_ for t in d] for d in nlp.tokenizer.pipe(heads)]
    for lead in position_patterns(head_tokens):
        tokens.add(REGIME, [[*lead, {"LOWER": {"IN": nouns}}]], greedy="LONGEST")
    return phrases, tokens, rules


@Language.factory("ec_framing")
def make_framing_reader(nlp: Language, name: str) -> FramingReader:
    return FramingReader(nlp, name)
