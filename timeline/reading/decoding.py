"""Bytes to text: refuse binary data and report undecodable bytes instead of producing mojibake."""

from __future__ import annotations

import codecs

from timeline.errors import InputError

# Control characters other than tab, LF, FF, CR are rare in text but common in binaries.
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > 0.05


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode `data` strictly: UTF-8 (BOM stripped) unless `encoding` names another codec."""
    if looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    if encoding is None:
        codec = "utf-8-sig"
    else:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid {encoding or 'UTF-8'} (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it to UTF-8 or pass --encoding (e.g. --encoding cp1252)"
        ) from None
