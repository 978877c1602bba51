"""Bytes to text for Arabic news files: UTF-8 (with or without BOM), Windows-1256, ISO-8859-6.

Never raises on bad bytes: undecodable bytes become U+FFFD and are reported in the result's
``warnings`` with their count, so a reader can say which file had them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

_ARABIC_LETTER = regex.compile(r"[\u0621-\u064a]")


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _arabic_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_ARABIC_LETTER.findall(text[:20000])) / min(len(text), 20000)


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data``, trying the declared encoding first, then UTF-8, then the Arabic code pages."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        declared = "utf-8"
    tried: list[str] = []
    for enc in ([declared] if declared else []) + ["utf-8"]:
        try:
            return Decoded(data.decode(enc), _canon(enc))
        except (UnicodeDecodeError, LookupError):
            tried.append(enc)
    # single-byte Arabic code pages: the one that yields the most Arabic letters wins
    best: Decoded | None = None
    best_share = -1.0
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if share > best_share:
            best, best_share = Decoded(text, _canon(enc)), share
    if best is not None and best_share > 0.2:
        return best
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return Decoded(text, "utf-8", [f"{bad} undecodable byte sequence(s) replaced by U+FFFD"])


def _canon(enc: str) -> str:
    return {"utf8": "utf-8", "utf-8-sig": "utf-8", "cp1256": "windows-1256",
            "iso8859_6": "iso-8859-6"}.get(enc.lower(), enc.lower())
