"""Bytes to text: refuse binary data and report undecodable bytes instead of producing mojibake."""

from __future__ import annotations

import codecs

from timeline.errors import InputError

# Control characters other than tab, LF, FF, CR are rare in text but common in binaries.
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
_SNIFF_BYTES = 8192
# UTF-16/32 text is full of NUL bytes: recognize it by its byte order mark before sniffing.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > 0.05


def text_codec(encoding: str | None) -> str:
    """The codec that decodes bytes to text for `encoding` (UTF-8, BOM stripped, when None).

    codecs.lookup also knows bytes-to-bytes and str-to-str transforms (rot13, base64, zlib):
    those are not encodings of text, and are refused like an unknown name.
    """
    if encoding is None:
        return "utf-8-sig"
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"--encoding {encoding!r} is not a text encoding (e.g. utf-8, cp1252, latin-1)")
    return info.name


def is_wide(codec: str) -> bool:
    """UTF-16 and UTF-32 put NUL bytes in any text and cannot be split into lines as bytes."""
    return codec.startswith(("utf-16", "utf-32"))


def check_head(head: bytes, name: str, encoding: str | None) -> None:
    """Refuse binary data from the first bytes of an input, before the rest is read."""
    wide_bom = encoding is None and any(head.startswith(bom) for bom, _ in _WIDE_BOMS)
    if not wide_bom and not is_wide(text_codec(encoding)) and looks_binary(head):
        raise InputError(f"{name}: looks like a binary file, not text")


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode `data` strictly: UTF-8 (BOM stripped) unless `encoding` names another codec."""
    codec = text_codec(encoding)
    if encoding is None:
        wide = next((wide for bom, wide in _WIDE_BOMS if data.startswith(bom)), None)
        if wide is not None:
            raise InputError(f"{name}: {wide.upper()} text; pass --encoding {wide}")
    # Multi-byte codecs (UTF-16, UTF-32) put NUL bytes in any text: sniff their decoded text.
    wide_codec = is_wide(codec)
    if not wide_codec and looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode(codec)
        if wide_codec and looks_binary(text.encode("utf-8", "surrogatepass")):
            raise InputError(f"{name}: looks like a binary file, not text")
        return text
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid {encoding or 'UTF-8'} (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it to UTF-8 or pass --encoding (e.g. --encoding cp1252)"
        ) from None
