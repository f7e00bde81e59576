"""Turn file bytes into text, or say plainly why not.

UTF-8 first (a byte-order mark is dropped). Legacy Windows-1252 and Latin-1 text
is common in saved news pages; it is accepted only when the decoded text looks
like prose (no control characters), since a wrong guess would silently corrupt
every later offset.
"""

from __future__ import annotations

from ingest.errors import BinaryFile, UndecodableText

_FALLBACKS = ("cp1252", "latin-1")
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _has_controls(text: str) -> bool:
    return any((ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) and c not in _ALLOWED_CONTROLS for c in text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`BinaryFile` or :class:`UndecodableText`."""
    if _looks_binary(data):
        raise BinaryFile("the file holds binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding in _FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _has_controls(text):
            return text, encoding
    raise UndecodableText(
        f"the text is not UTF-8 (invalid byte at offset {first_bad}) and does not decode "
        "cleanly as Windows-1252 or Latin-1; re-save it as UTF-8"
    )
