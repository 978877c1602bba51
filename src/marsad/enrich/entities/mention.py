"""The mention record the news steps pass along, and the rule that keeps one mention per span.

A :class:`Mention` is a span of tokens (``a``..``b``) that the steps of :mod:`.mentions` retype,
grow or cut and give a country, a role and a key; the driver places it in the text's characters
at the end. :func:`no_overlaps` is the last word on spans that share characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.enrich.entities.features import Token, TokenList
from marsad.enrich.entities.gazetteer import Entry


@dataclass(eq=False)
class Mention:
    """A mention in token coordinates (``a``..``b``) and character coordinates. Mentions
    compare by identity (a list's ``remove`` takes out that mention, not an equal one)."""

    a: int
    b: int
    type: str
    start: int = 0
    end: int = 0
    source: str = "crf"
    entry: Entry | None = None
    country: str = ""
    role: str = ""
    english: str = ""
    canon: str = ""  # normalized canonical name (gazetteer canon or the span's own words)
    words: tuple[str, ...] = ()  # normalized words of the span (proclitic removed)
    extra: dict[str, str] = field(default_factory=dict)


_KIND_TYPE = {"country": "GPE", "city": "GPE", "region": "LOC", "org": "ORG", "misc": "MISC", "nat": "NORP"}


def _columns(toks: Sequence[Token]) -> TokenList:
    return TokenList([t.start for t in toks], [t.end for t in toks], [t.text for t in toks], [t.norm for t in toks])


def no_overlaps(ms: list[Mention]) -> list[Mention]:
    """The mentions in text order, none overlapping another: of two that share characters, the
    one that starts first (the longer, when both start together) stays (مركز الأمير فيصل بن بندر
    للأورام, not its piece لأورام بالقصيم); a mention is one span of the text, one name."""
    out: list[Mention] = []
    end = -1
    for m in sorted(ms, key=lambda m: (m.start, -m.end)):
        if m.start >= end:
            out.append(m)
            end = m.end
    return out
