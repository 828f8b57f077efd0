"""Headline reader: the act a story's title names, read with the trigger lexicon.

A news headline states the story's main event in a few words ("Rebels Free 40 Hostages",
"Minister Threatens to Expel Envoy"), so it is the strongest cue for which of the events an
article reports is the one it is about. Headlines are written in title case and clipped
grammar that the tagger and parser read badly ("Sign" and "Bombs" come out as proper nouns), and
parsing one more text per article would cost a few percent of spaCy's time; so the title is read
by the trigger lexicon's own lemma phrases over a short word list: each word's possible lemmas
come from the loaded pipeline's lemmatizer tables, phrases are looked up by their first word,
and the longest phrase wins, as in the body. Stance words (``headline:`` in
kb/triggers_plover.yaml) mark an act as threatened or planned, as the body's readers do.
"""


import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.hits import context, register_extensions
from eventcoder.readers.triggers import Code, Refiner, lexicon, term_words

_WORD = re.compile(r"\w+|[^\w\s]")
GAP = 3  # words a "*" in a lexicon phrase may skip, as in the body
NEAR = 4  # words between a trigger and the weapon or group word that refines it
POS_TABLES = {"verb": "VERB", "noun": "NOUN", "adj": "ADJ"}
MASK = -(10**6)  # phrase id of ``refiner_masks`` ("riot police", "asylum seeker"): no trigger
APPROXIMATE = frozenset({"over", "about", "around"})  # "Over 100 Held": a quantity
QUANTITY = frozenset({"half", "a", "dozen", "dozens", "hundred", "hundreds", "thousand",
                      "thousands", "million", "millions", "two", "three", "four", "five", "ten"})
LINKS = frozenset({"to", "of", "be"})  # "vows to ...", "possibility of ...", "set to be ..."

CACHE_LIMIT = 200_000  # title words remembered before the cache starts afresh
Forms = dict[str, frozenset[str]]  # a word's own form and lemmas -> parts of speech they can be


@dataclass(frozen=True, slots=True)
class HeadlineAct:
    """One act a headline names: its words (token positions in the title) and its codes."""

    start: int
    end: int
    text: str
    plover: str
    mode: str | None
    cameo: str | None
    weight: float
    modality: str = "asserted"  # or "threatened" / "planned", from a stance word before it
    aside: bool = False  # after a word that makes it the occasion or topic ("after", "over")


class Lemmas:
    """Possible lemmas of a word with no context, from spaCy's rule lemmatizer tables.

    ``tables`` maps ``lemma_rules``, ``lemma_exc`` and ``lemma_index`` to the lemmatizer's
    tables (the English pipelines ship them); without them a word is only its own form."""

    def __init__(self, tables: dict[str, Any] | None = None) -> None:
        self.rules: dict[str, list[tuple[str, str]]] = {}
        self.exc: dict[str, dict[str, list[str]]] = {}
        self.index: dict[str, frozenset[str]] = {}
        for pos in POS_TABLES if tables else ():
            self.rules[pos] = [(str(a), str(b)) for a, b in tables["lemma_rules"].get(pos, [])]
            self.exc[pos] = dict(tables["lemma_exc"].get(pos, {}))
            self.index[pos] = frozenset(tables["lemma_index"].get(pos, []))
        self.cache: dict[str, Forms] = {}

    def __call__(self, form: str) -> Forms:
        found = self.cache.get(form)
        if found is None:
            if len(self.cache) >= CACHE_LIMIT:  # a long-running service meets ever new words
                self.cache.clear()
            found = self.cache[form] = self._lookup(form)
        return found

    def _lookup(self, form: str) -> Forms:
        out: dict[str, set[str]] = {form: set()}
        for pos, tag in POS_TABLES.items():
            if pos not in self.rules:
                continue
            if form in self.exc[pos]:
                for lemma in self.exc[pos][form]:
                    out.setdefault(lemma, set()).add(tag)
                continue
            if form in self.index[pos]:
                out[form].add(tag)
            for old, new in self.rules[pos]:
                if form.endswith(old) and len(form) > len(old):
                    lemma = form[: len(form) - len(old)] + new
                    if lemma in self.index[pos]:
                        out.setdefault(lemma, set()).add(tag)
        return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    needs: frozenset[str]  # its words other than "*": all must be in the title to match
    entry: int  # index into lexicon().entries, -1 - refiner index for a refiner, or MASK


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[_Phrase]]:
    """Every trigger and refiner phrase of the lexicon, indexed by its first word."""
    out: dict[str, list[_Phrase]] = {}
    for key, terms in lexicon().terms.items():
        if key[0] == "T":
            ref = int(key[1:])
        elif key[0] == "R" and key[1:].isdigit():
            ref = -1 - int(key[1:])
        elif key == "MASK":
            ref = MASK
        else:
            continue
        for term in terms:
            words = tuple(term_words(term))
            if words and words[0] != "*":
                out.setdefault(words[0], []).append(
                    _Phrase(words, frozenset(words) - {"*"}, ref))
    return out


@dataclass(frozen=True, slots=True)
class _Settings:
    aside: frozenset[str]
    threatened: frozenset[str]
    promised: frozenset[str]
    planned: frozenset[str]
    coercive: frozenset[str]
    prepositions: frozenset[str]
    links: frozenset[str]
    object_groups: frozenset[str]


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    data = load_yaml("triggers_plover.yaml").get("headline") or {}

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name, []))

    return _Settings(words("aside"), words("threatened"), words("promised"), words("planned"),
                     frozenset(str(t).upper() for t in data.get("coercive", [])),
                     words("prepositions"), words("links"), words("object_groups"))


def _match(words: tuple[str, ...], forms: list[Forms], punct: list[bool], i: int) -> int | None:
    """End of ``words`` matched from title token ``i`` ("*" skips 0-3 words), or None."""
    for k, w in enumerate(words):
        if w == "*":
            for skip in range(GAP + 1):
                if skip and (i + skip - 1 >= len(forms) or punct[i + skip - 1]):
                    return None
                end = _match(words[k + 1:], forms, punct, i + skip)
                if end is not None:
                    return end
            return None
        if i >= len(forms) or w not in forms[i]:
            return None
        i += 1
    return i


class HeadlineReader:
    """Reads titles; build once per pipeline (it caches word look-ups)."""

    def __init__(self, tables: dict[str, Any] | None = None) -> None:
        self.lemmas = Lemmas(tables)

    def __call__(self, title: str | None) -> list[HeadlineAct]:
        """The acts the title names, in title order (an empty list for no or an odd title)."""
        if not title:
            return []
        tokens = _WORD.findall(title.lower())
        forms = [self.lemmas(t) for t in tokens]
        punct = [not t[0].isalnum() for t in tokens]
        index = _phrases()
        present = {w for f in forms for w in f}
        found: list[tuple[int, int, int]] = []  # (start, end, entry or refiner)
        for i, words in enumerate(forms):
            for first, tags in words.items():
                for phrase in index.get(first, ()):
                    if not phrase.needs <= present:
                        continue
                    end = _match(phrase.words, forms, punct, i)
                    if end is not None and _pos_ok(phrase, tags):
                        found.append((i, end, phrase.entry))
        if not found:
            return []
        masked = {j for s, e, n in found if n == MASK for j in range(s, e)}
        refiners = [(s, e, -1 - n) for s, e, n in found if MASK < n < 0]
        triggers = [m for m in found if m[2] >= 0 and not masked.issuperset(range(m[0], m[1]))]
        acts = _acts(tokens, forms, triggers, refiners)
        return _by_agent(_participants(_stances(_govern(acts, forms), tokens, forms), forms),
                         tokens)


def _pos_ok(phrase: _Phrase, tags: frozenset[str]) -> bool:
    """A one-word trigger keeps its part-of-speech guard when the word's tags are known."""
    if phrase.entry < 0 or len(phrase.words) > 1 or not tags:
        return True
    pos = lexicon().entries[phrase.entry].pos
    return not pos or bool(pos & tags) or "AUX" in pos and "VERB" in tags


def _acts(tokens: list[str], forms: list[Forms], triggers: list[tuple[int, int, int]],
          refiners: list[tuple[int, int, int]]) -> list[HeadlineAct]:
    """Longest phrases first; each keeps the first lexicon entry that applies."""
    entries: dict[tuple[int, int], list[int]] = {}
    for s, e, n in triggers:
        entries.setdefault((s, e), []).append(n)
    taken: set[int] = set()
    aside_words = _settings().aside
    out: list[HeadlineAct] = []
    for s, e in sorted(entries, key=lambda k: (k[0] - k[1], k[0])):
        if taken.intersection(range(s, e)):
            continue
        code, weight = _code(sorted(entries[(s, e)]), s, e, forms, refiners)
        if code is None:
            continue
        taken.update(range(s, e))
        aside = _aside(tokens, forms, s, aside_words) or _modifier(tokens, s, e)
        out.append(HeadlineAct(s, e, " ".join(tokens[s:e]), code[2], code[3], code[4], weight,
                               aside=aside))
    return sorted(out, key=lambda a: a.start)


def _aside(tokens: list[str], forms: list[Forms], s: int, words: frozenset[str]) -> bool:
    """Is the act at ``s`` inside an "after ..."/"over ..." phrase? The phrase ends at a comma
    or colon ("After Talks, Rebels Free Hostages"); "over"/"about" before a number is a
    quantity ("Over 100 Arrested"), not a preposition."""
    for j in range(s - 1, -1, -1):
        if tokens[j] in {",", ":", ";"}:
            return False
        if forms[j].keys() & words and not (
                tokens[j] in APPROXIMATE and j + 1 < len(tokens)
                and (tokens[j + 1].isdigit() or tokens[j + 1] in QUANTITY)):
            return True
    return False


def _modifier(tokens: list[str], s: int, e: int) -> bool:
    """ "Jailed Activist Starts Hunger Strike": a participle that opens the headline before a
    noun describes who the story is about (as "the occupied territories" in the body)."""
    first = s == 0 or tokens[s - 1] == ":"
    nxt = tokens[e] if e < len(tokens) else ""
    return (first and e - s == 1 and tokens[s].endswith("ed") and nxt.isalpha()
            and nxt not in _settings().prepositions)


def _code(ids: list[int], s: int, e: int, forms: list[Forms],
          refiners: list[tuple[int, int, int]]) -> tuple[Code | None, float]:
    """The lexicon entry for these words that applies without a parse: a weapon, means or
    group word near the trigger refines it, and an entry it refines comes first ("Teachers on
    Strike": the labour reading, not the strike of a weapon); one that needs a place needs a
    place word after it. Otherwise the first entry that applies, in lexicon order."""
    lex = lexicon()
    fallback: tuple[Code | None, float] = (None, 0.0)
    for n in ids:
        entry = lex.entries[n]
        if entry.needs_territory and not any(f.keys() & lex.territory_nouns for f in forms[e:]):
            continue
        refs = [lex.refiners[r] for rs, re_, r in refiners
                if _refines(lex.refiners[r], rs, re_, s, e)
                and lex.refiners[r].groups.intersection(entry.refine)] if entry.refine else []
        if refs:
            best = min(refs, key=lambda r: r.priority)
            return lex.codes[entry.recode.get(best.code, best.code)], entry.weight
        if not entry.requires_refiner and fallback[0] is None:
            fallback = (lex.codes[entry.code], entry.weight)
    return fallback


def _refines(ref: Refiner, rs: int, re_: int, s: int, e: int) -> bool:
    """Is a refiner word at [rs, re_) near enough to the trigger at [s, e)? In a headline the
    object follows the verb and who acts precedes it: a refiner that counts only on the
    object (or only on who acts), or names who is acted on (``object_groups``: "Gunmen Attack
    Farmers", not "Farmers Strike"), must stand on that side."""
    before = re_ <= s and s - re_ <= NEAR
    after = rs >= e and rs - e <= NEAR
    if ref.on_object or ref.groups & _settings().object_groups:
        return after
    if ref.on_subject:
        return before
    return before or after


def _govern(acts: list[HeadlineAct], forms: list[Forms]) -> list[HeadlineAct]:
    """ "Threatens to Expel Envoy", "Pledges to Release Prisoners": a stance word followed by
    the act it governs is one act coded by the pair (the lexicon's ``governors:``), as in the
    body; the governed act is intended, not done, so it goes."""
    lex = lexicon()
    out: list[HeadlineAct] = []
    skip = False
    for n, act in enumerate(acts):
        if skip:
            skip = False
            continue
        nxt = acts[n + 1] if n + 1 < len(acts) else None
        if nxt is not None and nxt.start - act.end <= GAP:
            heads = forms[act.start].keys()
            key = next((g.acts[name] for g in lex.governors if heads & g.heads
                        for j in range(nxt.start, nxt.end) for name in forms[j]
                        if name in g.acts), None)
            code: Code | None = lex.codes[key] if key else None
            if code is None and act.plover == "AGREE" and nxt.plover == "CONCEDE":
                code = (None, None, "CONCEDE", nxt.mode, nxt.cameo)
            if code is not None:
                out.append(replace(act, end=nxt.end, text=f"{act.text} … {nxt.text}",
                                   plover=code[2], mode=code[3], cameo=code[4],
                                   weight=max(act.weight, nxt.weight)))
                skip = True
                continue
        out.append(act)
    return out


def _stance_word(tokens: list[str], forms: list[Forms], start: int) -> set[str]:
    """The words just before an act, skipping "to", "of", "be" and the ``links`` verbs
    ("Vows to Resume Shelling", "Raises Possibility of Bans", "Set to Be Freed"): where a
    stance word would stand."""
    links = _settings().links
    j = start - 1
    while j >= 0 and start - j <= GAP and (tokens[j] in LINKS or forms[j].keys() & links):
        j -= 1
    return set(forms[j]) if j >= 0 else set()


def _stances(acts: list[HeadlineAct], tokens: list[str], forms: list[Forms]
             ) -> list[HeadlineAct]:
    """ "Rebels Vow to Renew Bombing Campaign", "Army Will Withdraw", "Minister to Visit Oslo":
    a stance word or future marker just before an act makes it threatened or planned, and the
    stance word's own hit ("vow", "promise to") is that same act. Headline English drops "will":
    "X to do Y" is the future. A planned act is the commitment to it (the lexicon's
    ``intent: acts``: a planned visit is AGREE, a planned withdrawal CONCEDE)."""
    conf = _settings()
    stance = conf.threatened | conf.promised | conf.planned
    intent = lexicon().intent
    codes = lexicon().codes
    out: list[HeadlineAct] = []
    for n, act in enumerate(acts):
        lo = acts[n - 1].end if n else 0
        words = _stance_word(tokens, forms, act.start)
        threat = {w for j in range(max(0, act.start - GAP), act.start) for w in forms[j]}
        bare_to = act.start >= 2 and act.start - 1 >= lo and tokens[act.start - 1] == "to"
        if threat & conf.threatened or words & conf.promised and act.plover in conf.coercive:
            modality = "threatened"
        elif words & (conf.promised | conf.planned) or bare_to:
            modality = "planned"
        else:
            out.append(act)
            continue
        if out and act.start - GAP <= out[-1].end <= act.start and set(
                tokens[out[-1].start:out[-1].end]) <= LINKS | stance | {
                w for j in range(out[-1].start, out[-1].end) for w in forms[j] if w in stance}:
            out.pop()  # "promise to" + "renew bombing": one act, the promised one
        if modality == "planned":
            key = intent.acts.get(f"{act.plover}/{act.mode}") or intent.acts.get(act.plover)
            if key is not None:
                code = codes[key]
                act = replace(act, plover=code[2], mode=code[3], cameo=code[4])
        out.append(replace(act, modality=modality))
    return out


def _participants(acts: list[HeadlineAct], forms: list[Forms]) -> list[HeadlineAct]:
    """ "Protesters Block Border": who protests is not the act when the headline says what
    they did (the body moves such a hit onto the verb too)."""
    who = lexicon().protest_participants
    doing = [a for a in acts if not all(forms[j].keys() & who for j in range(a.start, a.end))]
    if not doing or len(doing) == len(acts):
        return acts
    return doing


def _by_agent(acts: list[HeadlineAct], tokens: list[str]) -> list[HeadlineAct]:
    """ "News Site Hit by Cyber Attack": the act named after "by" is what hit, the one before
    it a generic word for the same event."""
    out: list[HeadlineAct] = []
    for n, act in enumerate(acts):
        nxt = acts[n + 1] if n + 1 < len(acts) else None
        if nxt is not None and "by" in tokens[act.end:nxt.start] and nxt.start - act.end <= GAP:
            continue
        out.append(act)
    return out


def main_act(acts: list[HeadlineAct]) -> HeadlineAct | None:
    """The headline's own act: the first one not told as its occasion, cause or topic."""
    return next((a for a in acts if not a.aside), acts[0] if acts else None)


class HeadlineComponent:
    """spaCy component: reads ``doc._.ec_context.title`` into ``doc._.ec_headline``."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        tables = None
        if "lemmatizer" in nlp.component_names:  # disabled when memoised, still loaded
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            names = ("lemma_rules", "lemma_exc", "lemma_index")
            if lookups is not None and all(lookups.has_table(t) for t in names):
                tables = {t: lookups.get_table(t) for t in names}
        self.reader = HeadlineReader(tables)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ec_headline = self.reader(context(doc).title)
        return doc


@Language.factory("ec_headline")
def make_headline_reader(nlp: Language, name: str) -> HeadlineComponent:
    return HeadlineComponent(nlp)
