"""One gazetteer for every geo test in the process (built once, reused across runs).

The file lives under the system temp dir and carries the build fingerprint, so a second test
run finds it current and skips the ~25 s build; a change to the sources rebuilds it.
"""

import tempfile
from functools import lru_cache
from pathlib import Path

from eventcoder.geo import build_gazetteer
from eventcoder.geo.build import SCHEMA_VERSION

MINI_DUMP = Path(__file__).parent / "data" / "geo" / "mini_geonames.txt"


@lru_cache(maxsize=1)
def shared_gazetteer_path() -> Path:
    """Installed data plus the small hand-written GeoNames dump."""
    path = Path(tempfile.gettempdir()) / "eventcoder-tests" / f"gazetteer-{SCHEMA_VERSION}.sqlite"
    build_gazetteer(path, geonames=MINI_DUMP)
    return path
