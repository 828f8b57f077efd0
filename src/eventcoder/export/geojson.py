"""Events as GeoJSON Features (RFC 7946: lon, lat order) for maps and GIS tools."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from eventcoder.model import ArticleMeta, Event


def event_feature(event: Event, article: ArticleMeta | None = None) -> dict | None:
    """A Point Feature for ``event``; None when it has no coordinates."""
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    props = event.model_dump(mode="json", exclude={"evidence"})
    props["location"] = loc.name
    props["country"] = loc.country
    props["geo_precision"] = loc.geo_precision
    if article is not None:
        props["article"] = article.model_dump(mode="json")
    if hasattr(event, "reports"):  # merged events keep their evidence with article ids
        props["evidence"] = [e.model_dump(mode="json") for e in event.evidence]
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": props,
    }


def feature_collection(features: Iterable[dict | None]) -> dict:
    return {"type": "FeatureCollection", "features": [f for f in features if f is not None]}


def write_geojson(features: Iterable[dict | None], fh: IO[str]) -> int:
    """Write a FeatureCollection; returns the number of features written."""
    collection = feature_collection(features)
    json.dump(collection, fh, ensure_ascii=False)
    fh.write("\n")
    return len(collection["features"])
