"""Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else a clear refusal."""

from __future__ import annotations


class UndecodableInput(ValueError):
    """The bytes are binary or in an encoding we will not guess."""


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM carries NULs legitimately
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> str:
    if looks_binary(data):
        raise UndecodableInput("binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"invalid UTF-16 at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UndecodableInput(
            f"not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8"
        ) from exc
