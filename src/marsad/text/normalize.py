"""Arabic normalization for matching and indexing, with maps back to the original offsets.

The original text is never changed. ``normalize`` gives the folded view used for indexing and
matching; ``normalize_with_map`` gives the same view plus an :class:`OffsetMap`, so that a match
found in the folded view maps back to the exact characters of the original.

What is folded (code points named, as the house style asks):

* tashkeel and Quranic marks are dropped: U+064B–U+065F, U+0670 (superscript alef),
  U+06D6–U+06ED;
* tatweel U+0640 is dropped;
* zero-width and bidi controls are dropped: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069,
  U+061C (Arabic letter mark), U+FEFF, U+00AD (soft hyphen);
* alef forms أ U+0623, إ U+0625, آ U+0622, ٱ U+0671 → ا U+0627;
* ؤ U+0624 → و U+0648; ئ U+0626 → ي U+064A; ى U+0649 → ي U+064A; ة U+0629 → ه U+0647;
* Persian/Urdu letters seen in Arabic text: ی U+06CC, ې U+06D0 → ي; ک U+06A9 → ك U+0643;
  ہ U+06C1, ھ U+06BE, ە U+06D5 → ه;
* the Maghrebi qaf/gaf ڨ U+06A8 → ق U+0642: Tunisian and Algerian writers spell ق so where
  it is said g (ڨفصة, ڨابس, الڨصرين, بنڨردان for قفصة, قابس, القصرين, بنقردان);
* Eastern Arabic digits U+0660–U+0669 and Persian digits U+06F0–U+06F9 → 0–9;
  Arabic decimal/thousands separators U+066B/U+066C → ``.``/``,``;
* presentation forms U+FB50–U+FDFF and U+FE70–U+FEFC → their letters (NFKC), then folded as
  above; the lam-alef ligatures become two letters;
* no-break space U+00A0 and other Unicode spaces → an ASCII space (same length).

Letters keep their case-less identity; Latin letters are lower-cased (1:1 for the ASCII range).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# --- the folding table, as data -------------------------------------------------------------

_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u0640"]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u061c", "\ufeff", "\u00ad"]
)

_LETTERS = {
    "\u0623": "\u0627",
    "\u0625": "\u0627",
    "\u0622": "\u0627",
    "\u0671": "\u0627",
    "\u0624": "\u0648",
    "\u0626": "\u064a",
    "\u0649": "\u064a",
    "\u0629": "\u0647",
    "\u06cc": "\u064a",
    "\u06d0": "\u064a",
    "\u06a9": "\u0643",
    "\u06a8": "\u0642",
    "\u06c1": "\u0647",
    "\u06be": "\u0647",
    "\u06d5": "\u0647",
    "\u066b": ".",
    "\u066c": ",",
}
for _i in range(10):
    _LETTERS[chr(0x0660 + _i)] = str(_i)
    _LETTERS[chr(0x06F0 + _i)] = str(_i)
for _sp in ("\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
            "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"):
    _LETTERS[_sp] = " "


def _fold_char(ch: str) -> str:
    if ch in _LETTERS:
        return _LETTERS[ch]
    if ch in _DROP_SET:
        return ""
    return ch


_DROP_SET = frozenset(_DROP)

# presentation forms: NFKC, then folded letter by letter
_PRESENTATION: dict[str, str] = {}
for _c in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFD)):
    _ch = chr(_c)
    _k = unicodedata.normalize("NFKC", _ch)
    if _k != _ch:
        _PRESENTATION[_ch] = "".join(_fold_char(x) for x in _k if not x.isspace())

#: every single character that normalization changes, with its replacement ("" = dropped)
FOLD_TABLE: dict[str, str] = {**{c: "" for c in _DROP}, **_LETTERS, **_PRESENTATION}
for _c in range(ord("A"), ord("Z") + 1):
    FOLD_TABLE[chr(_c)] = chr(_c + 32)

_DROP_RE = re.compile("[" + "".join(re.escape(c) for c in _DROP) + "]")
_CHANGE_RE = re.compile("[" + "".join(re.escape(c) for c in FOLD_TABLE) + "]")
#: the same folding as one ``str.translate`` table: fastest on short strings (a token)
_TRANSLATE = {ord(k): v for k, v in FOLD_TABLE.items()}
#: … and as a few whole-string replacements: fastest on long ones (an article), where most
#: characters stay and ``str.replace`` runs at memory speed
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_REPLACE_PAIRS = sorted((k, v) for k, v in FOLD_TABLE.items() if k not in _DROP_SET and k not in _PRESENTATION)


def normalize(text: str) -> str:
    """Fold ``text`` for matching and indexing (see the module docstring for the code points)."""
    if len(text) < 64 or _PRESENTATION_RE.search(text):
        return text.translate(_TRANSLATE)
    text = _DROP_RE.sub("", text)
    for a, b in _REPLACE_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def to_western_digits(text: str) -> str:
    """Map Eastern Arabic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits to 0–9 (1:1)."""
    return text.translate(_DIGITS)


_DIGITS = {0x0660 + i: 48 + i for i in range(10)} | {0x06F0 + i: 48 + i for i in range(10)}


def strip_tashkeel(text: str) -> str:
    """Drop tashkeel and Quranic marks (U+064B–U+065F, U+0670, U+06D6–U+06ED) and tatweel U+0640."""
    return _DROP_RE.sub("", text)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions of a normalized string back to the original string.

    Stored sparsely: ``norm_starts[k]``/``orig_starts[k]`` open a segment; inside an identity
    segment positions move together, inside an expansion segment (a ligature that became two
    letters) every normalized position maps to the one original character.
    """

    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    expansion: tuple[bool, ...]
    orig_len: int
    norm_len: int

    def to_orig(self, i: int) -> int:
        """The original offset of normalized position ``i`` (a span start)."""
        if i >= self.norm_len:
            return self.orig_len
        k = bisect.bisect_right(self.norm_starts, i) - 1
        if self.expansion[k]:
            return self.orig_starts[k]
        return self.orig_starts[k] + (i - self.norm_starts[k])

    def to_orig_end(self, j: int) -> int:
        """The original offset of normalized end position ``j`` (exclusive)."""
        if j <= 0:
            return 0
        return self.to_orig(j - 1) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_orig(start)
            return s, s
        return self.to_orig(start), self.to_orig_end(end)


def normalize_with_map(text: str) -> tuple[str, OffsetMap]:
    """Fold ``text`` like :func:`normalize` and return the map back to original offsets."""
    out: list[str] = []
    ns: list[int] = [0]
    os_: list[int] = [0]
    ex: list[bool] = [False]
    npos = 0
    last = 0
    for m in _CHANGE_RE.finditer(text):
        i = m.start()
        if i > last:
            out.append(text[last:i])
            npos += i - last
        rep = FOLD_TABLE[m.group()]
        if len(rep) == 1:
            out.append(rep)
            npos += 1
        elif len(rep) == 0:
            ns.append(npos)
            os_.append(i + 1)
            ex.append(False)
        else:
            ns.append(npos)
            os_.append(i)
            ex.append(True)
            out.append(rep)
            npos += len(rep)
            ns.append(npos)
            os_.append(i + 1)
            ex.append(False)
        last = i + 1
    if last < len(text):
        out.append(text[last:])
        npos += len(text) - last
    # collapse segments that open at the same normalized position (keep the last)
    cn: list[int] = []
    co: list[int] = []
    ce: list[bool] = []
    for a, b, c in zip(ns, os_, ex, strict=True):
        if cn and cn[-1] == a:
            co[-1], ce[-1] = b, c
        else:
            cn.append(a)
            co.append(b)
            ce.append(c)
    return "".join(out), OffsetMap(tuple(cn), tuple(co), tuple(ce), len(text), npos)
