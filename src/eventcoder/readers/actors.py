"""Actor mentions: kb/actors.yaml looked up with one PhraseMatcher and one token Matcher.

Named aliases ("IDF", "Tel Aviv regime", "Houthis") go through a case-insensitive
PhraseMatcher; "<demonym|country|capital> [modifiers] <noun>" phrases ("Israeli forces",
"US military forces", "Iraq's army", "Palestinian civilians") through a token Matcher whose
hits are validated against the YAML word lists. Overlaps resolve longest-first, so
"the Islamic Resistance in Iraq" is one actor and not "Iraq".

Country names and capitals are ambiguous between place and actor. A bare country name maps to
"Military Forces of <Country>" (ACLED codes a state's violent acts to its forces, and violent
events are what we code); a capital used as a metonym ("Washington vetoed") maps to
"Government of <Country>". Mentions in place context ("in Israel", "south of Tel Aviv",
"Syria's eastern province") are dropped; the assembler can test the rest with
``is_place_name`` and re-map with ``state_actor_name``.
"""


from dataclasses import dataclass
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from eventcoder.geo.build import data_file, read_curated_csv
from eventcoder.kb.loader import load_yaml
from eventcoder.readers.hits import ActorHit, doc_text, register_extensions

STATE = "State forces"
BRANCHES = {"government": "Government of", "military": "Military Forces of",
            "police": "Police Forces of"}
GROUPS = {"civilians": ("Civilians", "Civilians"), "protesters": ("Protesters", "Protesters"),
          "rioters": ("Rioters", "Rioters"),
          "armed_group": ("Unidentified Armed Group", "Political militia")}
# Priority on equal length: named entries beat generated country phrases beat the Matcher.
NAMED, COUNTRY, PHRASE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None
    kind: str | None
    is_media: bool = False
    generic: bool = False


# What a `not_actors` phrase resolves to: it takes its words from shorter aliases, then is dropped.
NOT_AN_ACTOR = Actor(name="", country=None, kind=None)


@dataclass(frozen=True, slots=True)
class Alias:
    actor: Actor
    partisan: bool = False
    neutral: str | None = None
    exact: str | None = None  # surface form that must match case-sensitively
    place_like: bool = False  # also a place name: dropped in place context
    priority: int = NAMED


@dataclass(slots=True)
class CountryInfo:
    iso3: str
    name: str
    the: bool


class ActorKB:
    """Everything compiled from actors.yaml: actors, alias table, country word lists."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.actors: dict[str, Actor] = {}
        self.aliases: dict[str, list[Alias]] = {}  # lower-cased surface form -> candidates
        # lower-cased form -> the spellings as written: the tokenizer splits "u.s." but not "U.S."
        self.surfaces: dict[str, set[str]] = {}
        self.countries: dict[str, CountryInfo] = {}
        self.demonyms: dict[str, str] = {}  # lower surface -> iso3 (demonyms + country names)
        self.capitals: dict[str, str] = {}  # lower capital -> iso3
        self.exact_words: set[str] = set()  # demonym/country forms matched case-sensitively
        self.place_names: set[str] = set()
        self.peoples: set[str] = set()  # lower plural nationals ("serbs", "croats")
        self._build_countries()
        self._build_common_demonyms()
        self._build_named()
        self._build_office_holders(load_yaml("leaders").get("office_holders") or [])
        for text in self.data.get("not_actors") or []:
            self._add_alias(text, Alias(NOT_AN_ACTOR))
        self.exact_keys = {w.lower() for w in self.exact_words}

    # -- construction -------------------------------------------------------------------
    def _build_countries(self) -> None:
        overrides = self.data.get("countries") or {}
        skip = set(self.data.get("skip_countries") or [])
        for c in pycountry.countries:
            if c.alpha_3 in skip:
                continue
            ov = overrides.get(c.alpha_3) or {}
            name = ov.get("name") or getattr(c, "common_name", None) or c.name
            info = CountryInfo(c.alpha_3, name, bool(ov.get("the")))
            self.countries[c.alpha_3] = info
            military = self._generated(state_actor_name(info, "military"), c.alpha_3, STATE)
            government = self._generated(state_actor_name(info, "government"), c.alpha_3, STATE)
            self._generated(state_actor_name(info, "police"), c.alpha_3, STATE)
            civilians = self._generated(f"Civilians ({name})", c.alpha_3, "Civilians", True)
            for branch in ("protesters", "rioters", "armed_group"):
                base, kind = GROUPS[branch]
                self._generated(f"{base} ({name})", c.alpha_3, kind, True)
            # ISO's names are names too: "Democratic People's Republic of Korea", "Syrian Arab
            # Republic" ("Korea, Republic of" style inversions are not written in running text)
            iso_names = [n for n in (c.name, getattr(c, "official_name", None))
                         if n and "," not in n and n != name]
            for text in [name, *(ov.get("alt") or []), *iso_names]:
                self._add_alias(text, Alias(military, place_like=True, priority=COUNTRY))
                self._add_demonym(text, c.alpha_3)
                self.place_names.add(text.lower())
            for text in ov.get("capitals") or []:
                self._add_alias(text, Alias(government, place_like=True, priority=COUNTRY))
                self.capitals[text.lower()] = c.alpha_3
                self.place_names.add(text.lower())
            for text in ov.get("demonyms") or []:
                self._add_demonym(text, c.alpha_3)
            for text in ov.get("plural") or []:
                self._add_alias(text, Alias(civilians, priority=COUNTRY))
                self.peoples.add(text.lower())

    def _build_common_demonyms(self) -> None:
        """The geo reader's list of English demonyms (``geo/data/demonyms.csv``) fills in what
        the overrides leave out ("Croatian", "Croats", "Albanians", "Spaniards"): adjectives
        lead state phrases, plurals name the nation's people. Capitalised only ("Poles" the
        people, not "poles"); a word shared by two countries ("Korean") is left out."""
        owners: dict[str, set[str]] = {}
        rows: list[tuple[str, list[str]]] = []
        for row in read_curated_csv(data_file("demonyms.csv")):
            country = pycountry.countries.get(alpha_2=row["alpha2"])
            if "-" in row["alpha2"] or country is None or country.alpha_3 not in self.countries:
                continue
            forms = [f.strip() for f in row["demonyms"].split("|") if f.strip()]
            rows.append((country.alpha_3, forms))
            for form in forms:
                owners.setdefault(form.lower(), set()).add(country.alpha_3)
        for iso3, forms in rows:
            lowers = {f.lower() for f in forms}
            info = self.countries[iso3]
            civilians = self.actors.get(f"Civilians ({info.name})")
            for form in forms:
                low = form.lower()
                if len(owners[low]) > 1 or low in self.demonyms or low in self.aliases:
                    continue
                if low.endswith("s") and low[:-1] in lowers and civilians is not None:
                    self._add_alias(form, Alias(civilians, priority=COUNTRY), cased=True)
                    self.peoples.add(low)
                elif not low.endswith("s"):
                    self.demonyms[low] = iso3
                    self.exact_words.add(form)

    def _build_named(self) -> None:
        sections = (("actors", False), ("leaders", False), ("generic", False), ("media", True),
                    ("monitors", True))
        for section, is_media in sections:
            for entry in self.data.get(section) or []:
                name = entry["name"]
                actor = self.actors.get(name) or Actor(
                    name=name,
                    country=entry.get("country"),
                    kind=entry.get("kind") or ("External/Other" if is_media else None),
                    is_media=is_media,
                    generic=bool(entry.get("generic")) or section == "generic",
                )
                self.actors[name] = actor
                for text in [name, *(entry.get("aliases") or [])]:
                    # Outlet names are written capitalised ("Russia Today", not "Russia today").
                    self._add_alias(text, Alias(actor), cased=is_media)
                for text in entry.get("place_aliases") or []:
                    self._add_alias(text, Alias(actor, place_like=True))
                    self.place_names.add(text.lower())
                for item in entry.get("partisan") or []:
                    text, neutral = (item, name) if isinstance(item, str) else (
                        item["alias"], item.get("neutral") or name)
                    self._add_alias(text, Alias(actor, partisan=True, neutral=neutral))

    def _build_office_holders(self, entries: list[dict]) -> None:
        """kb/leaders.yaml: a past or present leader's name stands for their state's government
        ("Mubarak said", "Reagan welcomed"). Names keep their capitals ("Bush", not "bush");
        one the actor file already lists keeps its entry there."""
        for entry in entries:
            country = entry["country"]
            actor = (self.actors.get("United Nations") if country == "UN"
                     else self.state_actor(country, "government"))
            if actor is None:
                continue
            for text in entry.get("names") or []:
                if text.lower() not in self.aliases:
                    self._add_alias(text, Alias(actor), cased=True)

    def _generated(self, name: str, iso3: str, kind: str, generic: bool = False) -> Actor:
        actor = Actor(name=name, country=iso3, kind=kind, generic=generic)
        self.actors[name] = actor
        return actor

    def _add_demonym(self, text: str, iso3: str) -> None:
        self.demonyms[text.lower()] = iso3
        if _needs_exact(text):
            self.exact_words.add(text)

    def _add_alias(self, text: str, alias: Alias, cased: bool = False) -> None:
        for variant in surface_variants(text):
            cased_form = cased and any(ch.isupper() for ch in variant)
            exact = variant if cased_form or _needs_exact(variant) else None
            self.surfaces.setdefault(variant.lower(), set()).add(variant)
            cands = self.aliases.setdefault(variant.lower(), [])
            candidate = Alias(alias.actor, alias.partisan, alias.neutral, exact,
                              alias.place_like, alias.priority)
            if candidate not in cands:
                cands.append(candidate)

    # -- lookup ---------------------------------------------------------------------------
    def resolve(self, lower: str, surface: str) -> Alias | None:
        """The best candidate for a matched surface form (exact-case ones must agree)."""
        best = None
        for cand in self.aliases.get(lower, ()):
            if cand.exact is not None and cand.exact != surface:
                continue
            if best is None or (cand.exact is not None and best.exact is None) or (
                cand.priority < best.priority
            ):
                best = cand
        return best

    def state_actor(self, iso3: str, branch: str) -> Actor | None:
        info = self.countries.get(iso3)
        return self.actors.get(state_actor_name(info, branch)) if info else None

    def group_actor(self, iso3: str, branch: str) -> Actor | None:
        info = self.countries.get(iso3)
        return self.actors.get(f"{GROUPS[branch][0]} ({info.name})") if info else None


# Groups an "ethnic <demonym>" phrase keeps (a state's forces are not an ethnicity's).
ETHNIC_BASES = ("Civilians", "Protesters", "Rioters", "Unidentified Armed Group")
COORDINATORS = {"and", "or", ",", "&"}
COMPASS_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
}


def _needs_exact(text: str) -> bool:
    """Short or all-capital one-word names ("US", "IS", "AP", "Fars") must match in case."""
    if " " in text or not any(ch.isupper() for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(text) <= 4 or all(ch.isupper() for ch in letters)


def surface_variants(text: str) -> list[str]:
    """Spelling variants a reviewer should not have to list: hyphen/space, curly quotes."""
    out = [text]
    for old, new in (("-", " "), ("'", "’"), ("’", "'")):
        for v in list(out):
            if old in v:
                out.append(v.replace(old, new))
    return list(dict.fromkeys(out))


def state_actor_name(country: CountryInfo | str, branch: str) -> str:
    """ACLED-style state actor name: ``state_actor_name("USA", "military")`` ->
    "Military Forces of the United States"; branch is government, military or police."""
    info = get_kb().countries[country] if isinstance(country, str) else country
    the = "the " if info.the else ""
    return f"{BRANCHES[branch]} {the}{info.name}"


@lru_cache(maxsize=1)
def get_kb() -> ActorKB:
    """The compiled actor knowledge base (built once per process)."""
    return ActorKB(load_yaml("actors"))


def is_place_name(hit: ActorHit) -> bool:
    """True when the mention is also a place name (a country, capital or seat of government)."""
    return hit.text.lower() in get_kb().place_names


def actor_count() -> tuple[int, int]:
    """(actors, distinct alias surface forms) in the compiled KB, for reports and tests."""
    kb = get_kb()
    return len(kb.actors), len(kb.aliases)


class ActorReader:
    """The ``ec_actors`` component: stores ``doc._.ec_actors`` as a list of ActorHit."""

    def __init__(self, nlp: Language, name: str = "ec_actors") -> None:
        register_extensions()
        self.kb = get_kb()
        self.phrases, self.tokens, self.nouns, self.modifiers = _matchers(nlp)
        ctx = self.kb.data.get("place_context") or {}
        self.locative = set(ctx.get("locative_preps") or [])
        self.of_heads = set(ctx.get("of_heads") or [])
        self.geo_nouns = set(ctx.get("geo_nouns") or [])
        self.place_suffixes = set(ctx.get("place_suffixes") or [])
        self.proxy_words = set(self.kb.data.get("proxy_words") or [])
        self.stance_prefixes = set(self.kb.data.get("stance_prefixes") or [])
        self.partisan_nouns = set(self.kb.data.get("partisan_nouns") or {})
        self.resistance_of = self.kb.data.get("resistance_of") or {}

    def __call__(self, doc: Doc) -> Doc:
        cands: list[tuple[int, int, int, ActorHit]] = []
        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            alias = self.kb.resolve(doc.vocab.strings[match_id], span.text)
            if alias is None or (alias.place_like and self._in_place_context(doc, start, end)):
                continue
            if self._stance_prefixed(doc, start):
                continue
            cands.append((start, end, alias.priority, _hit(span, alias)))
        for _, start, end in self.tokens(doc):
            if not self._stance_prefixed(doc, start):
                cands.extend(self._phrase_hits(doc, start, end))
        kept = [h for h in _longest_first(cands, len(doc)) if h.name]
        kept = [self._ethnic(doc, h) for h in kept]
        doc._.ec_actors = self._office_of_country(doc, kept)
        return doc

    def _ethnic(self, doc: Doc, hit: ActorHit) -> ActorHit:
        """ "ethnic Albanians", "ethnic Turkish guerrillas": people of an ethnicity, not of the
        country the demonym names; where they are (the event's place) gives their country."""
        if not hit.country or doc_text(doc)[max(0, hit.start - 7):hit.start].lower() != "ethnic ":
            return hit
        base = next((b for b in ETHNIC_BASES if hit.name.startswith(b)), None)
        actor = self.kb.actors.get(base or "Unidentified Armed Group")
        if actor is None:
            return hit
        return ActorHit(start=hit.start, end=hit.end, text=hit.text, name=actor.name,
                        country=None, kind=actor.kind, generic=True)

    def _office_of_country(self, doc: Doc, hits: list[ActorHit]) -> list[ActorHit]:
        """'the president of Armenia', 'the foreign ministry of Peru': a generic office followed
        by "of [the] <country>" is that country's government (one mention, not an office and a
        place). Works on the few hits already found, not on tokens."""
        out: list[ActorHit] = []
        skip = -1
        for n, hit in enumerate(hits):
            if n == skip:
                continue
            nxt = hits[n + 1] if n + 1 < len(hits) else None
            if hit.generic and hit.name == "Government" and nxt is not None and nxt.country \
                    and nxt.text.lower() in self.kb.place_names:
                gap = doc_text(doc)[hit.end:nxt.start].strip().lower()
                state = self.kb.state_actor(nxt.country, "government")
                if gap in {"of", "of the"} and state is not None:
                    out.append(_hit(doc.char_span(hit.start, nxt.end), Alias(state)))
                    skip = n + 1
                    continue
            out.append(hit)
        return out

    def _stance_prefixed(self, doc: Doc, start: int) -> bool:
        """ "an anti-Syria journalist", "pro-Russian separatists": a stance towards a country
        is no membership of it."""
        return (start > 1 and doc[start - 1].lower_ in ("-", "–")
                and doc[start - 2].lower_ in self.stance_prefixes)

    def _in_place_context(self, doc: Doc, start: int, end: int) -> bool:
        # "in central Burkina Faso", "in northwest Syria": skip up to two adjectives back.
        before = start
        while before > 0 and start - before < 2 and (
            doc[before - 1].pos_ == "ADJ" or doc[before - 1].lower_ in COMPASS_WORDS
        ):
            before -= 1
        if before != start and before > 0 and doc[before - 1].lower_ in self.locative:
            return True
        prev = doc[start - 1].lower_ if start > 0 else ""
        if prev in self.locative and not self._modifies_noun(doc, end):
            return True
        # "south of Syria", "the border with Uganda"
        if prev in ("of", "with") and start > 1 and doc[start - 2].lower_ in self.of_heads:
            return True
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in self.place_suffixes:
            return True  # "Niger State", "the Jordan Valley": a place named after the country
        if nxt in ("-", "–") and end + 1 < len(doc) and doc[end + 1].lower_ in self.proxy_words:
            return True
        if nxt in ("'s", "’s"):
            after = {t.lower_ for t in doc[end + 1:end + 3]}
            return bool(after & self.geo_nouns)
        return False

    def _modifies_noun(self, doc: Doc, end: int) -> bool:
        """ "agreed to US mediation", "released from Israeli custody": a country name before
        a common noun it modifies is whose the thing is, not where ("to Moscow" is where)."""
        if end >= len(doc):
            return False
        nxt = doc[end]
        return (nxt.pos_ == "NOUN" and nxt.lower_ not in self.place_suffixes
                and nxt.lower_ not in self.geo_nouns
                and doc[end - 1].dep_ in ("compound", "nmod", "amod"))

    def _phrase_hits(self, doc: Doc, start: int, end: int) -> list[tuple[int, int, int, ActorHit]]:
        """Validate a "<demonym> [modifiers] <noun>" match and name its actor; demonyms
        coordinated before it share the noun ("Hungarian and Romanian officials")."""
        words = [t.text for t in doc[start:end]]
        lowers = [w.lower() for w in words]
        head = next((n for n in range(min(5, len(words) - 1), 0, -1)
                     if " ".join(lowers[:n]) in self.kb.demonyms
                     or " ".join(lowers[:n]) in self.kb.capitals), 0)
        tail = next((n for n in (3, 2, 1) if n <= len(words) - head
                     and " ".join(lowers[-n:]) in self.nouns), 0)
        if not head or not tail:
            return []
        middle = lowers[head:len(words) - tail]
        if any(m not in self.modifiers for m in middle):
            return []
        key, noun = " ".join(lowers[:head]), " ".join(lowers[-tail:])
        if not middle and noun in self.place_suffixes and key in self.kb.place_names:
            return []  # "Niger State": a place named after the country, not its state
        if key in self.kb.exact_keys and " ".join(words[:head]) not in self.kb.exact_words:
            return []
        branch = self.nouns[noun]
        if key in self.kb.capitals:
            if branch != "government":
                return []
            iso3 = self.kb.capitals[key]
        else:
            iso3 = self.kb.demonyms[key]
        partisan = noun in self.partisan_nouns or bool(
            set(middle) & {"occupation", "occupying", "regime"})
        actor = self._branch_actor(iso3, branch, noun)
        if actor is None:
            return []
        partisan = partisan or (branch == "armed_group" and noun.startswith("resistance"))
        # "Ukrainian President Volodymyr Zelensky": the person named is part of the mention.
        while end < len(doc) and doc[end].ent_type_ == "PERSON" and branch == "government":
            end += 1
        span = doc[start:end]
        neutral = f"{actor.name}" if partisan else None
        out = [(start, end, PHRASE,
                _hit(span, Alias(actor, partisan=partisan, neutral=neutral, priority=PHRASE)))]
        for c_start, c_end, c_iso3 in self._coordinated(doc, start):
            other = self._branch_actor(c_iso3, branch, noun)
            if other is not None:
                out.append((c_start, c_end, NAMED, _hit(doc[c_start:c_end], Alias(other))))
        return out

    def _branch_actor(self, iso3: str, branch: str, noun: str) -> Actor | None:
        if branch in BRANCHES:
            return self.kb.state_actor(iso3, branch)
        if branch == "armed_group" and noun.startswith("resistance"):
            named = self.resistance_of.get(iso3)
            return self.kb.actors.get(named) if named else self.kb.group_actor(iso3, branch)
        return self.kb.group_actor(iso3, branch)

    def _coordinated(self, doc: Doc, start: int) -> list[tuple[int, int, str]]:
        """Demonyms joined to the phrase's own by "and"/"or"/commas, right to left."""
        found: list[tuple[int, int, str]] = []
        i = start
        while i > 1:
            j = i
            while j > 0 and i - j < 2 and doc[j - 1].lower_ in COORDINATORS:
                j -= 1
            if j == i:
                break
            match = next(((j - n, j) for n in (2, 1) if j - n >= 0
                          and self._demonym_iso3(doc[j - n:j]) is not None), None)
            if match is None:
                break
            found.append((*match, self._demonym_iso3(doc[match[0]:match[1]])))
            i = match[0]
        return found

    def _demonym_iso3(self, span) -> str | None:
        key = span.text.lower()
        if key not in self.kb.demonyms:
            return None
        if key in self.kb.exact_keys and span.text not in self.kb.exact_words:
            return None
        return self.kb.demonyms[key]


def _hit(span, alias: Alias) -> ActorHit:
    a = alias.actor
    return ActorHit(start=span.start_char, end=span.end_char, text=span.text, name=a.name,
                    country=a.country, kind=a.kind, partisan=alias.partisan,
                    is_media=a.is_media, generic=a.generic)


def _longest_first(cands: list[tuple[int, int, int, ActorHit]], n_tokens: int) -> list[ActorHit]:
    taken = bytearray(n_tokens)
    kept: list[tuple[int, ActorHit]] = []
    for start, end, _, hit in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, hit))
    return [hit for _, hit in sorted(kept, key=lambda k: k[0])]


@lru_cache(maxsize=4)
def _matchers_for(vocab_id: int, nlp: Language):  # noqa: ARG001 - vocab_id keys the cache
    kb = get_kb()
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key in kb.aliases:
        forms = sorted({key, *kb.surfaces.get(key, ())})
        phrases.add(key, list(nlp.tokenizer.pipe(forms)))
    nouns: dict[str, str] = {}
    for branch, words in (kb.data.get("state_nouns") or {}).items():
        for w in words:
            nouns.setdefault(w.lower(), branch)
    # "Bosnian Serbs", "Syrian Kurds": a people named by where they live, then who they are;
    # a nation's plural after another demonym is that other country's people
    for people in sorted(kb.peoples):
        nouns.setdefault(people, "civilians")
    modifiers = {m.lower() for m in kb.data.get("state_modifiers") or []}
    lead_forms = set(kb.demonyms) | set(kb.capitals) | kb.exact_words
    tokens = StatePhrases(nlp, lead_forms, nouns, modifiers)
    return phrases, tokens, nouns, modifiers


class StatePhrases:
    """Finds "<demonym|country|capital> [up to 3 modifiers] <state noun>" ("Israeli forces",
    "US military forces", "Iraq's army"): lead words by one PhraseMatcher pass, then a few
    dictionary look-ups after each lead. (A token Matcher over every lead x noun shape cost
    more than all other actor work together.)"""

    MAX_MODIFIERS = 3

    def __init__(
        self, nlp: Language, lead_forms: set[str], nouns: dict[str, str], modifiers: set[str]
    ) -> None:
        self.leads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.leads.add("LEAD", list(nlp.tokenizer.pipe(sorted(lead_forms))))
        self.nouns = {tuple(t.lower_ for t in d) for d in nlp.tokenizer.pipe(sorted(nouns))}
        self.longest_noun = max((len(n) for n in self.nouns), default=1)
        self.modifiers = modifiers

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        n_tokens = len(doc)
        for match_id, start, end in self.leads(doc):
            mods = 0
            while (mods < self.MAX_MODIFIERS and end + mods < n_tokens
                   and doc[end + mods].lower_ in self.modifiers):
                mods += 1
            found = None
            for k in range(mods, -1, -1):  # longest modifier run first, as greedy matching did
                at = end + k
                for size in range(min(self.longest_noun, n_tokens - at), 0, -1):
                    if tuple(t.lower_ for t in doc[at:at + size]) in self.nouns:
                        found = at + size
                        break
                if found is not None:
                    break
            if found is not None:
                out.append((match_id, start, found))
        return out


def position_patterns(forms: list[list[str]]) -> list[list[dict]]:
    """Group token sequences by length into per-position IN patterns (validated after match)."""
    by_len: dict[int, list[set[str]]] = {}
    for toks in forms:
        slots = by_len.setdefault(len(toks), [set() for _ in toks])
        for slot, tok in zip(slots, toks, strict=True):
            slot.add(tok)
    return [[{"LOWER": {"IN": sorted(s)}} for s in slots] for _, slots in sorted(by_len.items())]


def _matchers(nlp: Language):
    return _matchers_for(id(nlp.vocab), nlp)


@Language.factory("ec_actors")
def make_actor_reader(nlp: Language, name: str) -> ActorReader:
    return ActorReader(nlp, name)
