"""Bytes to text for Arabic news files: UTF-8 (with or without BOM), UTF-16 (with BOM),
Windows-1256 and ISO-8859-6, with any other encoding left to charset-normalizer.

Never raises on bad bytes: undecodable bytes become U+FFFD and are reported in the result's
``warnings`` with their count and the offset of the first one, so a reader can say which file
had them.

How the encoding is chosen, in order:

1. a byte-order mark (EF BB BF, FF FE, FE FF) decides;
2. bytes that are valid UTF-8 are UTF-8, whatever was declared (a single-byte Arabic page is
   practically never valid UTF-8 by chance, while "charset=utf-8" on a Windows-1256 page and
   the reverse are both common in the wild);
3. a declared encoding (HTTP ``Content-Type``, ``<meta charset>``, XML prolog) is used when the
   bytes fit it; a declared Latin encoding (ASCII, ISO-8859-1, Windows-1252) is only a hint,
   since old Arabic sites often declared one and served Windows-1256;
4. bytes that are UTF-8 except for a few bad sequences stay UTF-8 (the bad bytes reported);
5. Windows-1256 and ISO-8859-6 are both tried: the one whose non-ASCII characters are Arabic
   (U+0600–U+06FF, U+0750–U+077F, U+FB50–U+FDFF, U+FE70–U+FEFF) rather than accented Latin
   letters wins — the two code pages place ف ق ك ل م ن ه و ى ي at different bytes;
6. otherwise charset-normalizer guesses, and as a last resort UTF-8 with replacement.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_GLUED = re.compile(r"(?<=[A-Za-z])[\u0600-\u06ff]|[\u0600-\u06ff](?=[A-Za-z])")
#: non-ASCII characters that both Arabic code pages share with Latin text (NBSP, « », × ÷,
#: dashes, curly quotes, ellipsis, bullet, degree, ©, ZWNJ/ZWJ/LRM/RLM): they prove nothing
_NEUTRAL = frozenset("\u00a0\u00ab\u00bb\u00d7\u00f7\u2013\u2014\u2018\u2019\u201c\u201d"
                     "\u2026\u2022\u00b0\u00a9\u200c\u200d\u200e\u200f")
_WEAK = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})
_ARABIC_PAGES = ("cp1256", "iso8859-6")
_SAMPLE = 50_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NAMES = {"utf-8": "utf-8", "cp1256": "windows-1256", "iso8859-6": "iso-8859-6",
          "cp1252": "windows-1252", "latin-1": "iso-8859-1", "ascii": "ascii",
          "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a WHATWG-style label: utf-8, windows-1256, iso-8859-6 …
    warnings: tuple[str, ...] = ()
    replaced: int = 0  # how many undecodable byte sequences became U+FFFD


def codec_of(label: str | None) -> str | None:
    """The Python codec name for an encoding label (``windows-1256`` → ``cp1256``), or None."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return {"utf-8-sig": "utf-8", "iso8859-6": "iso8859-6", "us-ascii": "ascii"}.get(name, name)


def label_of(codec: str) -> str:
    """The label marsad records for a Python codec name (``cp1256`` → ``windows-1256``)."""
    return _NAMES.get(codec, codec)


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KB hold NUL bytes or many C0 control characters (U+0000–U+0008,
    U+000E–U+001F, U+007F): an image, an archive, a database — not text. Call it after
    checking for a UTF-16 byte-order mark, whose text is full of NULs."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return ctrl > len(head) * 0.05


def bom_codec(data: bytes) -> tuple[str, int] | None:
    """``(codec, length)`` of a byte-order mark at the start of ``data``, or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` (see the module docstring for how the encoding is chosen)."""
    bom = bom_codec(data)
    if bom is not None:
        return _lossy(data[bom[1]:], bom[0])
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        first_bad = e.start
    codec = codec_of(declared)
    warnings: list[str] = []
    if codec in _ARABIC_PAGES:
        best = _best_arabic_page(data, prefer=codec)
        if best is not None:
            return best
        try:  # too little Arabic to judge: the declaration stands
            return Decoded(data.decode(codec), label_of(codec))
        except UnicodeDecodeError:
            warnings.append(f"declared encoding {declared!r} does not fit the bytes")
    elif codec and codec not in _WEAK and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), label_of(codec))
        except UnicodeDecodeError:
            warnings.append(f"declared encoding {declared!r} does not fit the bytes")
    mostly = _mostly_utf8(data, first_bad)
    if mostly is not None:
        return Decoded(mostly.text, "utf-8", tuple(warnings) + mostly.warnings, mostly.replaced)
    best = _best_arabic_page(data, prefer="cp1256")
    if best is not None:
        return best
    if codec in _WEAK:
        return _lossy(data, "cp1252" if codec != "latin-1" else "latin-1", warnings)
    guess = _guess(data)
    if guess is not None:
        warnings.append(f"encoding guessed as {label_of(guess)}")
        return _lossy(data, guess, warnings)
    return _lossy(data, "utf-8", warnings)


def _lossy(data: bytes, codec: str, warnings: list[str] | None = None) -> Decoded:
    """Decode with U+FFFD for bad bytes, reporting how many and where the first one is."""
    warns = list(warnings or ())
    try:
        return Decoded(data.decode(codec), label_of(codec), tuple(warns))
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - _preexisting_fffd(data, codec)
    warns.append(f"{bad} undecodable byte sequence(s) replaced by U+FFFD (first at byte {first})")
    return Decoded(text, label_of(codec), tuple(warns), bad)


def _preexisting_fffd(data: bytes, codec: str) -> int:
    if codec == "utf-8":
        return data.count(b"\xef\xbf\xbd")
    return 0


def _mostly_utf8(data: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few bad sequences: at least 8 valid non-ASCII characters per bad one."""
    text = data.decode("utf-8", errors="replace")
    fffd = text.count("\ufffd")
    bad = fffd - data.count(b"\xef\xbf\xbd")
    good = _count_non_ascii(text) - fffd
    if good < 8 * max(bad, 1):
        return None
    return Decoded(text, "utf-8",
                   (f"{bad} undecodable byte sequence(s) replaced by U+FFFD (first at byte {first_bad})",),
                   bad)


def _count_non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def arabic_score(text: str) -> float:
    """How Arabic ``text`` reads, from 0 to 1: the share of Arabic characters among its
    non-ASCII, non-neutral characters, less twice the share glued to a Latin letter (``prىsident``
    is French read as ISO-8859-6); 0 when Arabic is under a quarter of the letters.

    Counted on the first 50,000 characters; Arabic is counted on the UTF-8 form (lead bytes
    D8–DB, DD: U+0600–U+06FF, U+0740–U+077F; EF AD–EF BB: U+FB40–U+FEFF presentation forms).
    """
    sample = text[:_SAMPLE]
    neutral = sum(sample.count(c) for c in _NEUTRAL)
    telling = _count_non_ascii(sample) - neutral
    if telling <= 0:
        return 0.0
    utf8 = sample.encode("utf-8", "ignore")
    arabic = sum(utf8.count(b) for b in (b"\xd8", b"\xd9", b"\xda", b"\xdb", b"\xdd"))
    arabic += sum(utf8.count(b"\xef" + bytes([b])) for b in range(0xAD, 0xBC))
    ascii_bytes = sample.encode("ascii", "ignore")
    latin = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    if arabic < 0.25 * (arabic + latin):
        return 0.0
    glued = len(_GLUED.findall(sample))
    return max(0.0, (arabic - 2 * glued) / telling)


def _best_arabic_page(data: bytes, *, prefer: str) -> Decoded | None:
    """Windows-1256 or ISO-8859-6, whichever reads as more Arabic (``prefer`` wins ties)."""
    best: tuple[float, int, str, str] | None = None
    for codec in _ARABIC_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        cand = (arabic_score(text), codec == prefer, codec, text)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if best is None or best[0] < 0.6:
        return None
    return Decoded(best[3], label_of(best[2]))


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    if match is None:
        return None
    return codec_of(match.encoding)
