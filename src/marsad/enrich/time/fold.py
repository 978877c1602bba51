"""A fast path to the folded text and its offsets, for the tagger's hot loop.

It gives exactly :func:`marsad.text.normalize.normalize` (a test holds it to that), but with C string passes instead of a Python step per changed character: ``str.replace``
for every 1:1 fold (alef forms U+0622/U+0623/U+0625/U+0671 → U+0627, ة U+0629 → ه U+0647, ى U+0649 →
ي U+064A, Eastern Arabic/Persian digits → 0–9, Unicode spaces → U+0020, A–Z → a–z), one ``re.sub`` that deletes
the dropped characters (tashkeel U+064B–U+065F, U+0670, U+06D6–U+06ED, tatweel U+0640,
zero-width and bidi controls), and one ``finditer`` over the dropped characters to build the
offset map. Text with presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC), whose ligatures
expand, goes through :func:`marsad.text.normalize.normalize_with_map` instead.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from marsad.text.normalize import FOLD_TABLE, normalize_with_map

_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_ONE_TO_ONE = {c: r for c, r in FOLD_TABLE.items()
               if len(r) <= 1 and not ("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufefc")}
_PAIRS = tuple((c, r) for c, r in _ONE_TO_ONE.items() if r and not "A" <= c <= "Z")
#: the folds every Arabic text needs (أ إ آ ة ى ئ ؤ); the others are looked for in one pass
_COMMON = frozenset("\u0623\u0625\u0622\u0629\u0649\u0626\u0624")
_COMMON_PAIRS = tuple(p for p in _PAIRS if p[0] in _COMMON)
_RARE_PAIRS = tuple(p for p in _PAIRS if p[0] not in _COMMON)
_RARE_RE = re.compile("[" + "".join(re.escape(c) for c, _ in _RARE_PAIRS) + "]")
_UPPER_RE = re.compile("[A-Z]+")
_DROPPED_RE = re.compile("[" + "".join(re.escape(c) for c, r in _ONE_TO_ONE.items() if not r) + "]")


@dataclass(frozen=True, slots=True)
class DropMap:
    """Folded offsets → original offsets when folding only dropped characters.

    ``drops[k]`` is the folded position in front of which the k-th dropped character stood;
    the original offset of folded position ``i`` is ``i`` plus the drops at or before ``i``.
    """

    drops: tuple[int, ...]

    def to_orig(self, i: int) -> int:
        return i + bisect.bisect_right(self.drops, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_orig(start)
            return s, s
        return self.to_orig(start), self.to_orig(end - 1) + 1


#: one scan for everything beyond the common folds and A–Z: dropped characters, rare folds and
#: presentation forms (each is rare in news text, so the scan finds little)
_ANY_RE = re.compile("[" + _DROPPED_RE.pattern[1:-1] + _RARE_RE.pattern[1:-1]
                     + "\ufb50-\ufdff\ufe70-\ufefc]")  # one class: an alternation scans 6x slower
_DROPPED = frozenset(c for c, r in _ONE_TO_ONE.items() if not r)
_RARE = frozenset(c for c, _ in _RARE_PAIRS)


def fold_with_map(text: str) -> tuple[str, Any]:
    """``(normalize(text), map)`` where ``map.span(s, e)`` gives original offsets."""
    drops: list[int] = []
    rare = False
    for m in _ANY_RE.finditer(text):
        c = m.group()
        if c in _DROPPED:
            drops.append(m.start() - len(drops))
        elif c in _RARE:
            rare = True
        else:  # a presentation form: ligatures expand, the general path maps them
            return normalize_with_map(text)
    folded = _DROPPED_RE.sub("", text) if drops else text
    for a, b in _COMMON_PAIRS:
        if a in folded:
            folded = folded.replace(a, b)
    if rare:
        for a, b in _RARE_PAIRS:
            if a in folded:
                folded = folded.replace(a, b)
    # any A–Z? The ASCII characters alone (encoding drops the rest, in C) are 2x quicker to
    # test than a character-class scan of the whole text
    ascii_ = folded.encode("ascii", "ignore")
    if ascii_ != ascii_.lower():
        folded = _UPPER_RE.sub(lambda m: m.group().lower(), folded)
    return folded, DropMap(tuple(drops))
