"""Analysing stored articles again after marsad is upgraded (``marsad update --reanalyse``).

Each article records the spec it was analysed with (``articles.spec``, migration
``0008_analysis_spec``). An article is *stale* when its spec names a stage that has since been
replaced (a name in :data:`marsad.pipeline.registry.RETIRED`, e.g. ``entities.v1``); it is
analysed again with its own spec, each retired name swapped for what replaced it, so a light
run (``--stages …``) stays light. Articles stored before the archive recorded specs are
*unknown*: nothing tells which stage versions analysed them, so they are only counted, and
analysed again (with the default spec) when the user asks for it (``--reanalyse unknown``).

The record is rebuilt from the archive alone: the original text, id, URL, source and meta are
stored as read, and ``articles.input`` keeps the title, date, date kind and author as given.
For an article stored before ``input`` existed they are inferred (see :func:`guess_input`).
The analysis runs on the local process pool, as an ingest does, and each batch replaces the
articles' spans, the columns the stages set and the fingerprint in one transaction. The
search index and the corpus stages are then rebuilt from scratch: the full-text table is
contentless (a row can only be deleted with the terms it was inserted with, which are not
kept) and the copy groups and stories have no way to take an article back. What is left to
rebuild is recorded with the first batch, so a run stopped mid-way is finished by the next
``marsad update``.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from marsad.errors import ArchiveError, ConfigError, MarsadError
from marsad.model import Provenance, RawRecord
from marsad.pipeline.registry import DEFAULT_SPEC, RETIRED, STAGES, check, has_stage
from marsad.runners.local import (
    BOILERPLATE_MIN_ARTICLES,
    _default,
    _pipeline,
    analyse_all,
    article_from_json,
)
from marsad.store.analysis import AnalysisStore

#: what ``--reanalyse`` may redo: articles analysed by older stage versions; those and the
#: articles of unknown spec; every article (with the default spec)
WHICH = ("stale", "unknown", "all")

#: ``articles.published_at_source`` values that can only have come from the input's date field
_INPUT_DATE_SOURCES = ("metadata", "feed", "html", "crawl")


class StoredRecordError(ArchiveError):
    """An article's stored original cannot be analysed again (missing text, broken JSON)."""

    code = "M201"


def upgraded(spec: Sequence[str]) -> list[str] | None:
    """``spec`` with each replaced stage swapped for its successor, or ``None`` when every stage
    in it is current. A name that is neither current nor retired is dropped; when what is left
    does not hold together (a successor needs a stage the spec lacks) it is the default spec.
    Checked without building the stages (:func:`marsad.pipeline.registry.check`)."""
    if all(n in STAGES for n in spec):
        return None
    out: list[str] = []
    for n in spec:
        seen = set()
        while n in RETIRED and n not in seen:
            seen.add(n)
            n = RETIRED[n][0]
        if n in STAGES and n not in out:
            out.append(n)
    try:
        check(out)
    except ConfigError:
        return list(DEFAULT_SPEC)
    return out


@dataclass
class AnalysisStatus:
    """How the archive's articles were analysed, as ``marsad update`` reports it."""

    current: int = 0
    stale: int = 0  # analysed by a stage that has since been replaced
    unknown: int = 0  # stored before the archive recorded specs
    older_stages: dict[str, int] = field(default_factory=dict)  # replaced stage → its articles
    # a stage of the default spec → the articles analysed without it (a stage added since, or a
    # light run): only ``--reanalyse all`` adds it, since a light run may have left it out on purpose
    without_stages: dict[str, int] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)  # what an interrupted reanalysis left

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def status(archive: Any) -> AnalysisStatus:
    st = AnalysisStatus(pending=sorted(AnalysisStore(archive).pending()))
    older: Counter[str] = Counter()
    without: Counter[str] = Counter()
    for _sid, spec, n in AnalysisStore(archive).spec_counts():
        if spec is None:
            st.unknown += n
            continue
        new = upgraded(spec)
        if new is None:
            st.current += n
        else:
            st.stale += n
            for name in spec:
                if name not in STAGES:
                    older[name] += n
        for name in DEFAULT_SPEC:
            if name not in (new or spec):
                without[name] += n
    st.older_stages = dict(older.most_common())
    st.without_stages = dict(without.most_common())
    return st


def guess_input(row: dict[str, Any]) -> dict[str, str]:
    """The input fields of an article stored before ``articles.input`` existed, inferred from
    what the stages did with them: the title is the input's unless a ``title`` span shows the
    dateline stage took it from the text; the date is the input's when the publication date's
    source says it came from the input's date field (``metadata``, ``feed``, ``html``, or
    ``crawl`` when nothing better was found — a crawl time the text outranked is lost); the
    author is the byline when no span of the text gave it."""
    spans = row.get("spans") or []
    out: dict[str, str] = {}
    if row.get("title") and not any(s.layer == "title" for s in spans):
        out["title"] = row["title"]
    src = row.get("published_at_source") or ""
    if row.get("published_at") and src in _INPUT_DATE_SOURCES:
        out["date"] = row["published_at"]
        out["date_kind"] = src
    by = row.get("byline") or ""
    from_text = any(s.layer == "byline" or (s.layer == "dateline" and s.attrs.get("author")) for s in spans)
    if by and not from_text:
        out["author"] = by
    return out


def _origin(provenance: str | None) -> str:
    """`` (from <file>:<line>)`` or `` (from <url>)`` of a stored article's provenance, when it
    says (and can be read)."""
    try:
        p = orjson.loads(provenance or "{}")
    except orjson.JSONDecodeError:
        return ""
    if not isinstance(p, dict):
        return ""
    at = p.get("path") or p.get("url") or ""
    if at and p.get("line"):
        at += f":{p['line']}"
    elif at and p.get("offset") is not None:
        at += f"@{p['offset']}"
    return f" (from {at})" if at else ""


def stored_record(row: dict[str, Any]) -> RawRecord:
    """The raw record of a stored article, as its reader made it; :class:`StoredRecordError`
    naming the article when the archive's copy cannot be used."""
    where = f"article {row.get('id')!r}" + _origin(row.get("provenance"))
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise StoredRecordError("no stored original text to analyse again; ingest it again from its source",
                                where=where)
    try:
        meta = orjson.loads(row.get("meta") or "{}")
        prov = orjson.loads(row.get("provenance") or "{}")
        inp = orjson.loads(row["input"]) if row.get("input") is not None else guess_input(row)
    except orjson.JSONDecodeError as e:
        raise StoredRecordError(f"its stored metadata is not JSON ({e}); ingest it again from its source",
                                where=where) from None
    if not isinstance(meta, dict) or not isinstance(prov, dict) or not isinstance(inp, dict):
        raise StoredRecordError("its stored metadata is not a JSON object; ingest it again from its source",
                                where=where)
    known = {f.name for f in dataclasses.fields(Provenance)}
    return RawRecord(
        text=text, id=row["id"], source=row.get("source") or "", url=row.get("url") or "",
        title=str(inp.get("title") or ""), date=str(inp.get("date") or ""),
        date_kind=str(inp.get("date_kind") or ""), author=str(inp.get("author") or ""),
        meta=meta, provenance=Provenance(**{k: v for k, v in prov.items() if k in known}),
    )


@dataclass
class ReanalyseSummary:
    reanalysed: int = 0
    failed: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # where, code, message
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"reanalysed": self.reanalysed, "failed": self.failed, "seconds": self.seconds,
                "errors": [{"where": w, "code": c, "message": m} for w, c, m in self.errors[:1000]]}


def _targets(store: AnalysisStore, which: str) -> list[tuple[int | None, list[str]]]:
    """``(recorded spec id, the spec to analyse its articles with)`` for what ``which`` redoes."""
    if which not in WHICH:
        raise ConfigError(f"--reanalyse {which!r}: say one of {', '.join(WHICH)}")
    out: list[tuple[int | None, list[str]]] = []
    for sid, spec, _n in store.spec_counts():
        if spec is None:
            if which in ("unknown", "all"):
                out.append((None, list(DEFAULT_SPEC)))
            continue
        new = upgraded(spec)
        if new is not None:
            out.append((sid, new))
        elif which == "all":
            out.append((sid, list(DEFAULT_SPEC)))
    return out


def reanalyse(archive: Any, *, which: str = "stale", workers: int = 0, batch_size: int = 200,
              progress: Callable[[ReanalyseSummary], None] | None = None,
              scheduler: str | None = None) -> ReanalyseSummary:
    """Analyse again the articles ``which`` names (see :data:`WHICH`), replace their derived
    rows batch by batch, then rebuild the search index (:func:`finish` does it, and empties
    the corpus stages' tables for ``marsad update`` to run them again). ``scheduler``: a Dask
    cluster to analyse on (:mod:`marsad.runners.cluster`)."""
    store = AnalysisStore(archive)
    summary = ReanalyseSummary()
    t0 = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    boiler: dict[str, list[str]] = {}

    def learned(source: str) -> list[str]:
        if source and source not in boiler:
            boiler[source] = sorted(archive.boilerplate(source, min_count=BOILERPLATE_MIN_ARTICLES))
        return boiler.get(source, [])

    #: articles this run has redone: a group redone early (the unknown specs under ``all``)
    #: moves its articles to a spec that a later group of the run selects again
    done: set[int] = set()
    targets = _targets(store, which)
    for stages in {tuple(spec) for _sid, spec in targets}:
        # a stage that cannot be built (a missing model) fails before anything is written; the
        # pipeline built is the one the batches run here (and forked workers inherit)
        _pipeline(stages)
    for sid, spec in targets:
        spec_row = store.spec_row(spec)
        rowid_of: dict[str, int] = {}

        def payloads(sid: int | None = sid, rowid_of: dict[str, int] = rowid_of) -> Iterator[bytes]:
            after = 0
            while True:
                rowids = store.rowids(sid, after=after, limit=batch_size)
                if not rowids:
                    return
                after = rowids[-1]
                rowids = [r for r in rowids if r not in done]
                done.update(rowids)
                if not rowids:
                    continue
                batch = []
                for row in store.stored(rowids):
                    try:
                        rec = stored_record(row)
                    except MarsadError as e:
                        summary.failed += 1
                        summary.errors.append((e.where, e.code, e.message))
                        continue
                    rowid_of[rec.id] = int(row["rowid"])
                    batch.append({"record": rec, "id": rec.id, "doc_hash": row["doc_hash"],
                                  "boilerplate": learned(rec.source)})
                if batch:
                    yield orjson.dumps(batch, default=_default)

        for result in analyse_all(spec, payloads(), workers=workers, keep_text=False, scheduler=scheduler):
            items: list[tuple[int, dict[str, Any]]] = []
            for d in orjson.loads(result):
                if "error" in d:
                    summary.failed += 1
                    summary.errors.append((f"article {d['id']!r}", "M900", d["error"]))
                    continue
                d["article"] = article_from_json(d["article"])
                items.append((rowid_of.pop(d["article"].id), d))
            store.replace(items, spec_row)
            summary.reanalysed += len(items)
            if progress:
                progress(summary)
    summary.seconds["analysis"] = round(time.perf_counter() - t0, 2)
    summary.seconds.update(finish(archive))
    return summary


def finish(archive: Any) -> dict[str, float]:
    """Rebuild what a reanalysis left (the search index; the corpus stages' tables are emptied
    so that the corpus stages that follow run over every article); returns the seconds taken,
    empty when nothing was left."""

    store = AnalysisStore(archive)
    pending = store.pending()
    out: dict[str, float] = {}
    if pending.get("index"):
        from marsad.pipeline.stages import index_terms

        t = time.perf_counter()
        specs = {sid: spec for sid, spec, _n in store.spec_counts()}
        indexed = {sid for sid, spec in specs.items()
                   if spec is None or has_stage(spec, "index_terms")}

        def terms() -> Iterator[tuple[int, str, str]]:
            for rowid, sid, art in store.index_sources():
                if sid in indexed:
                    yield rowid, *index_terms(art)
                else:  # analysed without the index_terms stage: indexed empty, as ingest does
                    yield rowid, "", ""

        store.rebuild_index(terms())
        out["index"] = round(time.perf_counter() - t, 2)
    if pending.get("corpus"):
        t = time.perf_counter()
        store.reset_corpus()
        out["corpus_reset"] = round(time.perf_counter() - t, 2)
    return out
