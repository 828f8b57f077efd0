"""ACLED coding rules that depend on more than the trigger word (kb/acled.yaml)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pycountry
import yaml


@lru_cache(maxsize=1)
def taxonomy() -> dict:
    text = resources.files("eventcoder.kb").joinpath("acled.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    entry = taxonomy()["event_types"][event_type]
    return entry.get("sub_event_disorder", {}).get(sub_event_type, entry["disorder_type"])


def is_armed(kind: str | None) -> bool:
    return kind in taxonomy()["armed_kinds"]


def inter_code(kind: str | None) -> int | None:
    return taxonomy()["inter_codes"].get(kind) if kind else None


def is_coded_modality(modality: str) -> bool:
    return modality not in taxonomy()["uncoded_modalities"]


@lru_cache(maxsize=512)
def country_name(alpha3: str | None) -> str | None:
    """Short English name for actor labels: "Unidentified Armed Group (Syria)"."""
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0]


def refine(
    event_type: str,
    sub: str,
    generic: bool,
    actor1_kind: str | None,
    actor2_kind: str | None,
    has_target: bool,
) -> tuple[str, str]:
    """Apply the codebook rules that need the actors.

    - a generic attack on civilians is Violence against civilians / Attack; on an armed actor a
      battle (Armed clash);
    - territory taken by state forces is "Government regains territory".
    """
    if sub == "Non-state actor overtakes territory" and actor1_kind == "State forces":
        return "Battles", "Government regains territory"
    if sub == "Government regains territory" and actor1_kind and actor1_kind != "State forces":
        return "Battles", "Non-state actor overtakes territory"
    if generic and event_type in ("Violence against civilians", "Battles"):
        if actor2_kind == "Civilians":
            return "Violence against civilians", "Attack"
        if is_armed(actor2_kind) and actor1_kind is not None:
            return "Battles", "Armed clash"
    if event_type == "Violence against civilians" and is_armed(actor2_kind) and sub == "Attack":
        return "Battles", "Armed clash"
    return event_type, sub
