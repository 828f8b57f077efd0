"""A compact membership test over the gazetteer's lookup keys, written at build time.

Most names a story offers to the gazetteer (people, organisations, ordinary capitalised words)
are no place. Asking SQLite about each costs an indexed join; asking a sorted array of 32-bit
hashes costs a bisection. A hash collision only means one needless SQLite query, never a
missed place, because every key that exists is in the array.
"""

from __future__ import annotations

import sqlite3
import sys
import zlib
from array import array
from bisect import bisect_left

COLUMNS = ("key", "skel")


def key_hash(column: str, value: str) -> int:
    return zlib.crc32(f"{column}:{value}".encode())


def filter_bytes(conn: sqlite3.Connection) -> bytes:
    """Sorted, distinct hashes of every alias key and skeleton, little-endian uint32."""
    hashes: set[int] = set()
    for column in COLUMNS:
        hashes.update(
            key_hash(column, value)
            for (value,) in conn.execute(f"SELECT DISTINCT {column} FROM alias")  # noqa: S608
        )
    packed = array("I", sorted(hashes))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


class NameFilter:
    """``key_hash(column, value) in NameFilter(data)`` is False only for keys not stored."""

    def __init__(self, data: bytes) -> None:
        self._hashes = array("I")
        self._hashes.frombytes(data)
        if sys.byteorder == "big":
            self._hashes.byteswap()

    def __contains__(self, value: int) -> bool:
        i = bisect_left(self._hashes, value)
        return i < len(self._hashes) and self._hashes[i] == value

    def __len__(self) -> int:
        return len(self._hashes)
