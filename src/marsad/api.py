"""The Python API: open an archive, ingest, search, get, export; analyse one text."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.ingest.inputs import iter_inputs
from marsad.ingest.readers import FieldMap, ReadOptions
from marsad.model import Article, RawRecord
from marsad.pipeline.registry import build
from marsad.runners.local import IngestOptions, IngestSummary, LocalRunner, assign_id, doc_hash
from marsad.search.fts import Filters, Hit, Searcher
from marsad.store.archive import Archive


class MarsadArchive(Archive):
    """An archive with the operations an analyst uses: ingest, search, get, export."""

    def ingest(
        self,
        inputs: Sequence[str | Path],
        *,
        fields: FieldMap | None = None,
        source: str = "",
        format: str = "",
        options: IngestOptions | None = None,
        progress: Any = None,
    ) -> IngestSummary:
        if self.readonly:
            raise ConfigError("this archive was opened read-only")
        ro = ReadOptions(fields=fields or FieldMap(), source=source, format=format,
                         workers=options.workers if options else 0,
                         feed_state=f"{self.path}.feeds.json",  # ETag/Last-Modified per feed URL
                         known=self.known,  # pages already stored are not extracted again
                         exclude=frozenset(str(Path(f"{self.path}{sfx}").resolve())
                                           for sfx in ("", "-wal", "-shm", "-journal", ".feeds.json")))
        names = [str(p) for p in inputs]
        runner = LocalRunner(self, options)
        summary = runner.run(iter_inputs(names, ro), inputs=names, progress=progress)
        if options is None or options.corpus:
            self.after_ingest()
        return summary

    def after_ingest(self) -> dict[str, float]:
        """Corpus stages that run after new articles arrive (registry, copies, stories), each on
        the articles it has not seen yet, once what an interrupted reanalysis left is rebuilt
        (:func:`marsad.runners.reanalyse.finish`); returns the seconds each took."""
        from marsad.runners.reanalyse import finish

        # what a reanalysis stopped before rebuilding (the search index, the corpus tables)
        return {**finish(self), **self._corpus_stages()}

    def _corpus_stages(self) -> dict[str, float]:
        from marsad.corpus import hooks

        timings = {}
        for hook in hooks.AFTER_INGEST:
            t = time.perf_counter()
            hook(self)
            timings[hook.__name__.strip("_")] = round(time.perf_counter() - t, 2)
        return timings

    def update(self, *, reanalyse: str = "", workers: int = 0,
               progress: Any = None, scheduler: str | None = None) -> dict[str, Any]:
        """What ``marsad update`` does: with ``reanalyse`` (``stale``, ``unknown`` or ``all``,
        see :mod:`marsad.runners.reanalyse`) analyse those articles again from their stored
        originals, rebuild the search index and empty the corpus stages; finish what an
        interrupted reanalysis left; then run the corpus stages. Returns the analysis status
        before, the reanalysis summary (if any) and the corpus stages' seconds. ``scheduler``: a
        Dask cluster for the reanalysis (:mod:`marsad.runners.cluster`)."""
        from marsad.runners.reanalyse import finish, status
        from marsad.runners.reanalyse import reanalyse as _reanalyse

        if self.readonly:
            raise ConfigError("this archive was opened read-only")
        out: dict[str, Any] = {"analysis": status(self).as_dict()}
        if reanalyse:  # finishes what it redid, and what an earlier one left
            out["reanalysis"] = _reanalyse(self, which=reanalyse, workers=workers, progress=progress,
                                           scheduler=scheduler).as_dict()
        if finished := finish(self):  # an interrupted reanalysis
            out["finished"] = finished
        out["seconds"] = self._corpus_stages()
        return out

    def search(self, q: str, *, filters: Filters | None = None, limit: int = 20, offset: int = 0,
               collapse_copies: bool = False) -> tuple[list[Hit], int]:
        return Searcher(self.con).search(q, filters=filters, limit=limit, offset=offset,
                                         collapse_copies=collapse_copies)

    def counts(self, q: str | None, *, by: str, filters: Filters | None = None) -> list[tuple[str, int]]:
        return Searcher(self.con).counts(q, by=by, filters=filters)

    def export(self, out: str | Path, *, table: str = "articles", format: str = "jsonl") -> int:
        from marsad.store.export import export

        return export(self, out, table=table, format=format)

    def articles(self) -> Iterator[Article]:
        for row in self.iter_rows(columns=["id"]):
            yield self.get(row["id"])


def open(path: str | Path = "marsad.db", *, readonly: bool = False) -> MarsadArchive:  # noqa: A001
    """Open (creating if needed) the archive at ``path``."""
    return MarsadArchive(path, readonly=readonly)


def analyze_text(
    text: str,
    *,
    published_at: str | None = None,
    title: str = "",
    source: str = "",
    url: str = "",
    author: str = "",
    id: str = "",  # noqa: A002
    spec: Sequence[str] | None = None,
) -> Article:
    """Run the per-article pipeline on one text, without storing it.

    ``published_at`` is ISO 8601 (``2021-09-14``, ``2021-09-14T10:30:00+03:00``), or what an
    ingested date field may be (RFC 2822, ``2021/09/14``, Unix seconds); anything else is a
    :class:`~marsad.errors.ConfigError` (``14/09/2021`` was taken as the year 14). ``author`` is
    the input's author field as an ingested record carries it (a person, or a dateline such as
    ``واس - جدة``, :func:`marsad.clean.dateline.read_author`)."""
    from marsad.ingest.readers import record_date

    date = ""
    if published_at:
        date, problem = record_date(published_at)
        if problem:
            raise ConfigError(f"published_at={published_at[:40]!r} is not a date; write YYYY-MM-DD "
                              "(optionally with a time)")
    rec = RawRecord(text=text, id=id, title=title, source=source, url=url, author=author,
                    date=date, date_kind="metadata" if date else "")
    art = build(list(spec) if spec else None).run(rec)
    art.id = assign_id(rec, doc_hash(rec))
    return art
