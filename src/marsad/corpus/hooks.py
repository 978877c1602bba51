"""Corpus stages that run after each ingest, in order. Each takes the archive and updates the
state it owns incrementally (only the articles that arrived since its last run)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

AFTER_INGEST: list[Callable[[Any], None]] = []
