"""Read the knowledge base (reviewable YAML beside this module), once per process.

Readers build their matchers from these files at pipeline construction; caching the parsed
YAML keeps `nlp.pipe(..., n_process=N)` workers from re-reading it for every component.
The returned objects are shared: treat them as read-only.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

try:  # the C loader is several times faster on the large actor file
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

KB_PACKAGE = "eventcoder.kb"


@cache
def load_yaml(name: str) -> Any:
    """Parsed ``src/eventcoder/kb/<name>`` (``.yaml`` is added when missing)."""
    if not name.endswith((".yaml", ".yml")):
        name = f"{name}.yaml"
    text = files(KB_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader/CSafeLoader only
