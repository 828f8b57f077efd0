"""The country an outlet publishes from, read off its web address's country-code domain.

A Canadian paper's 'London' is more often Ontario's, a British paper's 'Cambridge' England's:
the resolver weighs the outlet's home country as one piece of evidence among the rest.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from eventcoder.geo.build import data_file, read_curated_csv


@lru_cache(maxsize=1)
def _special() -> dict[str, str | None]:
    return {
        r["tld"]: r["country"] or None
        for r in read_curated_csv(data_file("generic_cctlds.csv"))
    }


@lru_cache(maxsize=4096)
def outlet_country(url: str | None) -> str | None:
    """ISO 3166-1 alpha-3 code of the country whose domain the address is under ('bbc.co.uk'
    -> 'GBR', 'ctvnews.ca' -> 'CAN'); None for generic domains ('.com', '.io') or no address."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    tld = host.rsplit(".", 1)[-1].lower()
    special = _special()
    if tld in special:
        return special[tld]
    if len(tld) != 2 or not tld.isalpha():
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=tld.upper())
    return country.alpha_3 if country is not None else None
