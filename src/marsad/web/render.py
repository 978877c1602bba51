"""Article text and snippets as safe HTML, with every span layer marked up.

Text from the open web is escaped piece by piece (``markupsafe.escape``); only tags built here
reach the page. Spans may nest or cross: the text is cut at every span boundary and each piece
is wrapped in the spans active over it, outermost first (removed debris, then events, then
entity mentions, then time expressions), re-opening a tag where a crossing span forces it. No
``<a>`` is ever nested in another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from marsad.model import Span

REMOVED_LAYERS = ("debris", "dateline", "byline", "credit", "title")
_PRIORITY = {**{k: 0 for k in REMOVED_LAYERS}, "event": 1, "mention": 2, "timex": 3}
_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def css_token(label: str) -> str:
    return _CLASS_SAFE.sub("", label)[:40] or "x"


def entity_href(key: str) -> str:
    return "/entity/" + quote(key, safe="")


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) link, else ``None`` (javascript:, data:, … never link)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _open(span: Span, *, in_link: bool, first: bool = True) -> tuple[str, bool]:
    """The opening tag for ``span`` and whether it is a link (``first``: its first piece, which
    carries the anchor an event list links to)."""
    layer = span.layer
    if layer in REMOVED_LAYERS:
        kind = span.label if layer == "debris" and span.label else layer
        return (f'<span class="rm rm-{css_token(layer)}" data-kind="{escape(kind)}" '
                f'title="{escape(kind)}">', False)
    if layer == "event":
        anchor = f' id="event-{span.start}-{span.end}"' if first else ""
        return (f'<span class="ev ev-{css_token(span.label)}"{anchor} data-type="{escape(span.label)}" '
                f'title="{escape(span.label)}">', False)
    if layer == "mention":
        cls = f"m m-{css_token(span.label)}"
        attrs = f'class="{cls}" data-entity="{escape(span.value)}" title="{escape(span.label)} · {escape(span.value)}"'
        if span.value and not in_link:
            return f'<a {attrs} href="{escape(entity_href(span.value))}">', True
        return f"<span {attrs}>", False
    if layer == "timex":
        attrs = (f'class="tx tx-{css_token(span.label)}" data-value="{escape(span.value)}" '
                 f'title="{escape(span.label)} · {escape(span.value)}"')
        if span.value and not in_link:
            href = "/search?mentions_date=" + quote(span.value, safe="")
            return f'<a {attrs} href="{escape(href)}">', True
        return f"<span {attrs}>", False
    return f'<span class="sp sp-{css_token(layer)}">', False


def render_text(text: str, spans: Iterable[Span | dict[str, Any]]) -> Markup:
    """``text`` as HTML with each span (any layer in :data:`_PRIORITY`) wrapped in its tag.

    ``spans`` may be :class:`Span` objects or their JSON form (dicts with the same fields).
    """
    n = len(text)
    objs = [s if isinstance(s, Span) else Span(s["layer"], s["start"], s["end"], s.get("label", ""),
                                               s.get("value", ""), s.get("attrs") or {}) for s in spans]
    items = [s for s in objs if s.layer in _PRIORITY and 0 <= s.start < s.end <= n]
    if not items:
        return escape(text)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(items):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    bounds = sorted({0, n, *starts, *ends})

    def order(i: int) -> tuple[int, int, int, int]:
        s = items[i]
        return (_PRIORITY[s.layer], s.start, -s.end, i)

    out: list[str] = []
    stack: list[tuple[int, bool]] = []  # (span index, is a link)
    active: set[int] = set()
    opened: set[int] = set()
    for b, nxt in zip(bounds, bounds[1:], strict=False):
        active.difference_update(ends.get(b, ()))
        active.update(starts.get(b, ()))
        want = sorted(active, key=order)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep][0] == want[keep]:
            keep += 1
        while len(stack) > keep:
            _i, link = stack.pop()
            out.append("</a>" if link else "</span>")
        for i in want[keep:]:
            tag, link = _open(items[i], in_link=any(lk for _j, lk in stack), first=i not in opened)
            opened.add(i)
            out.append(tag)
            stack.append((i, link))
        out.append(str(escape(text[b:nxt])))
    while stack:
        _i, link = stack.pop()
        out.append("</a>" if link else "</span>")
    return Markup("".join(out))


def render_snippet(snippet: str, highlights: Sequence[Sequence[int]]) -> Markup:
    """A search snippet with its matched words in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for s, e in sorted((int(a), int(b)) for a, b in highlights):
        if s < pos or e > len(snippet) or s >= e:
            continue
        out.append(str(escape(snippet[pos:s])))
        out.append(f"<mark>{escape(snippet[s:e])}</mark>")
        pos = e
    out.append(str(escape(snippet[pos:])))
    return Markup("".join(out))


def group_mentions(text: str, spans: Iterable[Span]) -> list[dict[str, Any]]:
    """The article's entities: one entry per entity key with its surface forms, in text order."""
    groups: dict[str, dict[str, Any]] = {}
    for s in sorted(spans, key=lambda s: s.start):
        if s.layer != "mention":
            continue
        key = s.value or text[s.start:s.end]
        g = groups.setdefault(key, {"key": key, "type": s.label, "forms": [], "count": 0,
                                    "country": s.attrs.get("country"), "role": s.attrs.get("role"),
                                    "linked": bool(s.value)})
        form = text[s.start:s.end]
        if form not in g["forms"]:
            g["forms"].append(form)
        g["count"] += 1
    return list(groups.values())
