"""Corpus stages that run after each ingest, in order. Each takes the archive and updates the
state it owns incrementally (only the articles that arrived since its last run).

While the copies are found, the first batch of the stories' features is computed by the
stories stage's forked workers on the other cores (:func:`marsad.corpus.story_feed.story_features_ahead`),
and handed to the stories stage that follows."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

#: archive → the stories' first batch of features, started by the copies stage
_AHEAD: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _entity_registry(archive: Any) -> None:
    from marsad.corpus.registry import update_registry

    update_registry(archive)


def _copies(archive: Any) -> None:
    from marsad.corpus.copy_stage import update_copies
    from marsad.corpus.story_feed import story_features_ahead

    ahead = story_features_ahead(archive)
    try:
        update_copies(archive)
    except BaseException:
        ahead.close()
        raise
    _AHEAD[archive] = ahead


def _stories(archive: Any) -> None:
    from marsad.corpus.story_stage import update_stories

    ahead = _AHEAD.pop(archive, None)
    try:
        update_stories(archive, ahead=ahead)
    finally:
        if ahead is not None:
            ahead.close()


AFTER_INGEST: list[Callable[[Any], None]] = [_entity_registry, _copies, _stories]
