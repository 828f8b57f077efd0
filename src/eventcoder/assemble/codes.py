"""ACLED coding rules that depend on more than the trigger word (kb/acled.yaml)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.actors import get_kb, state_actor_name


def taxonomy() -> dict:
    return load_yaml("acled")


def disorder_type(event_type: str, sub_event_type: str) -> str:
    entry = taxonomy()["event_types"][event_type]
    return entry.get("sub_event_disorder", {}).get(sub_event_type, entry["disorder_type"])


def is_armed(kind: str | None) -> bool:
    return kind in taxonomy()["armed_kinds"]


def inter_code(kind: str | None) -> int | None:
    return taxonomy()["inter_codes"].get(kind) if kind else None


def is_coded_modality(modality: str) -> bool:
    return modality not in taxonomy()["uncoded_modalities"]


def country_name(alpha3: str | None) -> str | None:
    """Short English name for actor labels: "Unidentified Armed Group (Syria)"."""
    if not alpha3:
        return None
    info = get_kb().countries.get(alpha3)
    return info.name if info is not None else alpha3


@lru_cache(maxsize=512)
def country_names(alpha3: str) -> frozenset[str]:
    """Lower-cased names a country is called by alone ("israel", "the united states")."""
    info = get_kb().countries.get(alpha3)
    if info is None:
        return frozenset()
    names = {info.name.lower(), f"the {info.name.lower()}"}
    names |= {k for k, v in get_kb().demonyms.items() if v == alpha3 and " " not in k}
    return frozenset(names)


def successor(name: str, on: date | None) -> tuple[str, str] | None:
    """(name, kind) ACLED gives an actor on the date ``on`` when it recodes the actor from a date
    on (kb/actors.yaml `successors`: the Taliban are Afghanistan's forces from August 2021)."""
    if on is None:
        return None
    for entry in get_kb().data.get("successors") or []:
        if entry["name"] == name and on >= entry["since"]:
            return entry["becomes"], entry["kind"]
    return None


# Generic actor names from kb/actors.yaml and how a country completes them.
STATE_BRANCHES = {
    "Military Forces": "military", "Police Forces": "police", "Government": "government",
}


def with_country(generic_name: str, alpha3: str | None) -> str:
    """ "Police Forces" + KEN → "Police Forces of Kenya"; "Civilians" → "Civilians (Kenya)"."""
    where = country_name(alpha3)
    if where is None:
        if generic_name == "Military Forces":
            return "Unidentified Military Forces"
        return generic_name  # "Police Forces", "Government", "Civilians": country unknown
    if generic_name in STATE_BRANCHES:
        if alpha3 not in get_kb().countries:  # a code outside ISO 3166 (e.g. XKX, Kosovo)
            return f"{generic_name} of {where}"
        return state_actor_name(alpha3, STATE_BRANCHES[generic_name])
    return f"{generic_name} ({where})"


def refine(
    event_type: str,
    sub: str,
    generic: bool,
    actor1_kind: str | None,
    actor2_kind: str | None,
    has_target: bool,
    actor1_named: bool = True,
) -> tuple[str, str]:
    """Apply the codebook rules that need the actors.

    - a generic attack on civilians is Violence against civilians / Attack; on an armed actor a
      battle (Armed clash); a clash among civilians is Mob violence, violence by
      demonstrators a Violent demonstration;
    - territory taken by state forces is "Government regains territory", by anyone else
      "Non-state actor overtakes territory"; an attacker the text never names
      (``actor1_named`` false) leaves the verb's own reading ("regained", "liberated": the
      state; "seized", "overran": a non-state group).
    """
    if sub == "Non-state actor overtakes territory" and actor1_kind == "State forces":
        return "Battles", "Government regains territory"
    if (sub == "Government regains territory" and actor1_named and actor1_kind
            and actor1_kind != "State forces"):
        return "Battles", "Non-state actor overtakes territory"
    if actor1_kind in ("Protesters", "Rioters") and event_type in (
            "Battles", "Explosions/Remote violence", "Violence against civilians"):
        # demonstrators who fight, throw or fire things: ACLED's Violent demonstration
        return "Riots", "Violent demonstration"
    if sub == "Armed clash" and actor1_kind == "Civilians":
        # villagers or residents fighting each other are no organised armed group: ACLED codes
        # violence by an unorganised crowd as Mob violence
        return "Riots", "Mob violence"
    if generic and event_type in ("Violence against civilians", "Battles"):
        if actor2_kind == "Civilians":
            return "Violence against civilians", "Attack"
        if is_armed(actor2_kind) and actor1_kind is not None:
            return "Battles", "Armed clash"
    if event_type == "Violence against civilians" and is_armed(actor2_kind) and sub == "Attack":
        return "Battles", "Armed clash"
    return event_type, sub
