"""The clean view of stored articles, as the corpus stages read it: the original text with
debris, dateline, byline and credit blanked by spaces (:func:`marsad.clean.debris.mask`, here
from the stored span bounds), the view the per-article pipeline fingerprints, and the
read-only connection a forked worker reads it on.

The copies stage (:mod:`marsad.corpus.copy_stage`) shingles whole clean texts; the story
features (:mod:`marsad.corpus.story_feed`) mask the whole texts too (the lead for the clusterer,
the rest for the thread vectors).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.clean.debris import REMOVED_LAYERS
from marsad.store.corpus_store import CorpusStore

_MASKED = tuple(sorted(REMOVED_LAYERS - {"title"}))

_BLANK = re.compile(r"[^\n]")


def mask_bounds(text: str, bounds: Sequence[tuple[int, int]]) -> str:
    """:func:`marsad.clean.debris.mask` from ``(start, end)`` bounds: the characters of each
    span blanked by spaces, newlines kept (same length, same offsets), a slice at a time."""
    if not bounds:
        return text
    out, pos = [], 0
    for a, b in sorted(bounds):
        a = max(a, pos)
        if b <= a:
            continue
        out.append(text[pos:a])
        out.append(_BLANK.sub(" ", text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def clean_texts(cs: CorpusStore, rowids: Sequence[int], *, prefix: int | None = None) -> dict[int, str]:
    """The clean view of stored articles (their first ``prefix`` characters when given)."""
    texts = cs.texts(rowids, prefix=prefix)
    spans = cs.span_bounds(list(texts), _MASKED, before=prefix)
    return {k: mask_bounds(t, spans.get(k, ())) for k, t in texts.items()}


class _ReadOnly:
    """What :class:`CorpusStore` needs of an archive: a connection (read-only, for a worker)."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self._writer = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._writer.execute("PRAGMA busy_timeout=10000")
