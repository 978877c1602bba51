"""Tokens with offsets, and the light stemmer shared by the index and the query side.

``stem`` is a Light10-style light stemmer (Larkey et al.) applied to *normalized* tokens: it
strips one proclitic group (و، ف، ب، ك، ل with or without the article ال) and common suffixes
(plural, dual, feminine, pronoun). It over-conflates a little, on purpose: the index and the
query are stemmed by the same function, so every query form meets every document form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

#: a token: a run of letters/digits in any script (Arabic letters included), or a number
TOKEN_RE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)

_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES = ("هما", "كما", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Light-stem a normalized Arabic token; other scripts come back unchanged."""
    if not token or not ("\u0621" <= token[0] <= "\u064a"):
        return token
    t = token
    for p in _PREFIXES:
        if t.startswith(p) and len(t) - len(p) >= 2:
            t = t[len(p) :]
            break
    else:
        if len(t) >= 4 and t[0] in "وفبلك":
            # a single proclitic: strip it, then an article behind it (وال handled above)
            t = t[1:]
    for s in _SUFFIXES:
        if t.endswith(s) and len(t) - len(s) >= 3:
            t = t[: -len(s)]
            break
    return t


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, token)`` for every token of ``text``."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), m.group()


class _StemCache(dict):  # type: ignore[type-arg]
    """token → stem, filled on first sight; a dict lookup from C (``map``) per token."""

    LIMIT = 400_000

    def __missing__(self, token: str) -> str:
        if len(self) > self.LIMIT:
            self.clear()
        s = self[token] = stem(token)
        return s


_STEMS = _StemCache()


def stem_text(normalized: str) -> str:
    """Stem every token of a normalized text; tokens stay in order (phrase queries work)."""
    return " ".join(map(_STEMS.__getitem__, TOKEN_RE.findall(normalized)))
