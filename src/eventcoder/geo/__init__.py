"""Offline gazetteer and toponym resolution (the ``eventcoder.geo`` API used by extract).

    from eventcoder.geo import open_gazetteer, Resolver, Mention
    gaz = open_gazetteer()                      # built from installed data on first use
    Resolver(gaz).resolve([Mention(0, 6, "Ashdod")])
"""

from eventcoder.geo.build import BuildResult, GazetteerBuildError, build_gazetteer
from eventcoder.geo.gazetteer import (
    Candidate,
    Gazetteer,
    GazetteerMissing,
    default_gazetteer_path,
    gazetteer_size,
    open_gazetteer,
)
from eventcoder.geo.normalise import norm_key, skeleton_key
from eventcoder.geo.resolve import Mention, Resolution, Resolver, haversine_km

__all__ = [
    "BuildResult", "Candidate", "Gazetteer", "GazetteerBuildError", "GazetteerMissing",
    "Mention", "Resolution", "Resolver", "build_gazetteer", "default_gazetteer_path",
    "gazetteer_size", "haversine_km", "norm_key", "open_gazetteer", "skeleton_key",
]
