"""Corpus stages that run after each ingest, in order. Each takes the archive and updates the
state it owns incrementally (only the articles that arrived since its last run)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _entity_registry(archive: Any) -> None:
    from marsad.corpus.registry import update_registry

    update_registry(archive)


def _copies(archive: Any) -> None:
    from marsad.corpus.incremental import update_copies

    update_copies(archive)


def _stories(archive: Any) -> None:
    from marsad.corpus.incremental import update_stories

    update_stories(archive)


AFTER_INGEST: list[Callable[[Any], None]] = [_entity_registry, _copies, _stories]
