"""The per-article pipeline: stages that declare what they need and what they add.

A stage is a small object with ``name``, ``requires``, ``provides`` and ``run(doc)``. The
:class:`Pipeline` checks when it is built that every stage's requirements are provided by an
earlier stage, so a mis-ordered spec fails at once with a message, not later with a wrong
result. Stages are pure: they read the :class:`Doc` and add spans or fields to it; no I/O, no
global state. A pipeline is described by a JSON-able spec (a list of stage names), which is
what a worker process or a cluster receives — never a pickled object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad.errors import ConfigError
from marsad.model import Article, RawRecord, Span


@dataclass(slots=True)
class Doc:
    """The working state of one article while the stages run."""

    article: Article
    record: RawRecord
    masked: str = ""  # the original text with removed spans blanked (same offsets)
    anchor: str | None = None  # the date relative expressions resolve against
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def add(self, spans: Sequence[Span]) -> None:
        self.article.spans.extend(spans)


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def run(self, doc: Doc) -> None: ...


class Declared(Protocol):
    """What a stage declares (a stage, or its registry entry before it is built)."""

    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def provides(self) -> tuple[str, ...]: ...


def check_order(stages: Sequence[Declared]) -> set[str]:
    """What ``stages`` provide in this order (with the ``text`` and ``record`` every article
    has); :class:`ConfigError` naming the first stage whose requirement no earlier stage provides."""
    have: set[str] = {"text", "record"}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise ConfigError(
                f"stage {st.name!r} needs {missing} but no earlier stage provides it; "
                f"put a stage providing it before {st.name!r}"
            )
        have.update(st.provides)
    return have


class Pipeline:
    """An ordered list of stages, checked for requires/provides when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.provides = check_order(stages)
        self.stages = list(stages)

    @property
    def spec(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, record: RawRecord, *, extras: dict[str, Any] | None = None) -> Article:
        """Run every stage on ``record``; ``extras`` carries resources in and side results out."""
        article = Article(
            id=record.id,
            text=record.text,
            source=record.source,
            url=record.url,
            title=record.title,
            meta=dict(record.meta),
        )
        doc = Doc(article=article, record=record, masked=record.text,
                  extras=extras if extras is not None else {})
        for st in self.stages:
            st.run(doc)
        article.spans.sort(key=lambda s: (s.start, -s.end, s.layer))
        return article


StageFactory = Callable[[], Stage]
