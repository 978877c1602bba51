"""The local runner: stream records from readers, analyse them on all cores, store in batches.

Memory stays flat: records are read lazily, at most ``2 × workers`` batches are in flight, and
each analysed batch is written (one transaction) before more are read. Work crosses process
boundaries as JSON (the pipeline spec and plain records out, analysed articles back).
"""

from __future__ import annotations

import gc
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import orjson
import xxhash

from marsad.errors import InputError, MarsadError
from marsad.model import Article, Provenance, RawRecord, Span
from marsad.pipeline.registry import build, has_stage
from marsad.runners.pools import worker_pool
from marsad.text.normalize import normalize

#: a line seen in this many articles of one source is learned as that source's boilerplate
BOILERPLATE_MIN_ARTICLES = 5
BOILERPLATE_MAX_CHARS = 80


def doc_hash(record: RawRecord) -> str:
    """Hash of the canonical URL and the normalized body: the article's identity."""
    url = record.url.split("#", 1)[0].rstrip("/")
    body = " ".join(normalize(record.text).split())
    return xxhash.xxh3_128_hexdigest((url + "\n" + body).encode())


def assign_id(record: RawRecord, h: str) -> str:
    return record.id or record.url or f"sha-{h[:16]}"


# --- the worker side -------------------------------------------------------------------------

#: built pipelines: spec → (the state of the model building it loaded, the pipeline)
_PIPELINES: dict[tuple[str, ...], tuple[tuple[str, int | None] | None, Any]] = {}


def _pipeline(spec: tuple[str, ...]) -> Any:
    """The pipeline of ``spec``, built once per process for one state of the model it loads
    (:func:`_model_state`): a model replaced since is loaded again, and a model gone fails as
    building its stage fails (a reanalysis checks its specs so before writing anything), never
    served from the cache. A pipeline of another state is let go."""
    state = _model_state(spec)
    got = _PIPELINES.get(spec)
    if got is None or got[0] != state:
        got = _PIPELINES[spec] = (state, build(list(spec)))
    return got[1]


def _model_state(spec: tuple[str, ...]) -> tuple[str, int | None] | None:
    """The entity model an ``entities`` stage of ``spec`` loads from outside the package, with
    its modification time (:func:`marsad.enrich.entities.stage.model_state`); ``None`` for a
    spec without one."""
    if not has_stage(spec, "entities"):
        return None
    # imported here: it loads the tagger's modules, which only a spec with entities needs
    from marsad.enrich.entities.stage import model_state

    return model_state()


def record_from_json(d: dict[str, Any]) -> RawRecord:
    d = dict(d)
    d["provenance"] = Provenance(**d.get("provenance") or {})
    return RawRecord(**d)


def article_from_json(d: dict[str, Any]) -> Article:
    d = dict(d)
    d["spans"] = [Span(**s) for s in d.get("spans", [])]
    fp = d.get("fingerprint") or b""
    d["fingerprint"] = bytes.fromhex(fp) if isinstance(fp, str) else fp
    return Article(**d)


def record_input(rec: RawRecord) -> dict[str, str]:
    """The record's fields that the stages read and the archive keeps nowhere else as given
    (``articles.input``): with the stored text, URL, source and meta they rebuild the record."""
    return {k: v for k, v in (("title", rec.title), ("date", rec.date), ("date_kind", rec.date_kind),
                              ("author", rec.author)) if v}


def _default(o: Any) -> Any:
    if isinstance(o, bytes):
        return o.hex()
    raise TypeError


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Cyclic garbage collection at a tenth of its default rate, for the span of a batch.

    Analysis allocates many objects that live long (the entity tagger's per-word caches) and
    makes almost no reference cycles, so the default rate (a young collection every 700
    allocations, a full one after 100 of those) spends its time walking the caches: 4.72–4.84 →
    4.20–4.27 ms per article for the entity stage over a 4,000-record stream (about 10%). The previous thresholds come back
    afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(10_000, 50, 50)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def analyse_batch(spec: Sequence[str], payload: bytes, keep_text: bool = True) -> bytes:
    """Worker entry point: JSON records in, JSON results out (errors are results too).

    Without ``keep_text`` the articles come back without their text, which the driver still
    holds: it is the largest part of a result and would only be serialised twice."""
    pipe = _pipeline(tuple(spec))
    out = []
    with fewer_collections():
        for item in orjson.loads(payload):
            rec = record_from_json(item["record"])
            try:
                doc_extras = {"boilerplate": item.get("boilerplate", [])}
                art = pipe.run(rec, extras=doc_extras)
                art.id = item["id"]
                if not keep_text:
                    art.text = ""
                out.append({
                    "article": art, "doc_hash": item["doc_hash"] or doc_hash(rec),
                    "index_title": doc_extras.get("index_title", ""),
                    "index_body": doc_extras.get("index_body", ""),
                    "index_tf": doc_extras.get("index_tf"),
                    "provenance": item["record"].get("provenance") or {},
                    "input": record_input(rec),
                })
            except Exception as e:  # a stage bug must not take the batch down; it is reported
                out.append({"error": f"analysis failed: {type(e).__name__}: {e}", "id": item["id"],
                            "where": _where(rec)})
    return orjson.dumps(out, default=_default)


def analyse_all(spec: Sequence[str], payloads: Iterable[bytes], *, workers: int,
                keep_text: bool = True, scheduler: str | None = None) -> Iterator[bytes]:
    """Results of :func:`analyse_batch` for each payload, in order, on ``workers`` processes
    (or on the Dask cluster at ``scheduler``: :mod:`marsad.runners.cluster`).

    At most ``2 × workers`` batches are in flight, and the next payload is drawn only after a
    result has been consumed, so memory stays flat however long the input is.
    """
    if scheduler:
        from marsad.runners.cluster import analyse_on_cluster

        yield from analyse_on_cluster(scheduler, spec, payloads, keep_text=keep_text)
        return
    if workers <= 1:
        for payload in payloads:
            yield analyse_batch(spec, payload, keep_text)
        return
    with worker_pool(workers) as pool:
        yield from in_order(lambda p: pool.submit(analyse_batch, spec, p, keep_text), payloads, 2 * workers)


def in_order(submit: Callable[[bytes], Any], payloads: Iterable[bytes], limit: int) -> Iterator[bytes]:
    """The results of ``submit(payload)`` (a future: a process pool's or a Dask client's) for each
    payload, in order, at most ``limit`` in flight; the next payload is drawn only after a result
    has been consumed."""
    inflight: deque[Any] = deque()
    for payload in payloads:
        inflight.append(submit(payload))
        while len(inflight) >= limit:
            yield inflight.popleft().result()
    while inflight:
        yield inflight.popleft().result()


def _where(rec: RawRecord) -> str:
    """Where a record came from, as its errors name it: ``file.jsonl:7``, ``crawl.warc.gz@18342``,
    ``feed.xml#entry3``."""
    p = rec.provenance
    w = f"{p.path or p.url or rec.id}" + (f":{p.line}" if p.line else "")
    if p.offset is not None:
        w += f"@{p.offset}"
    if "feed_entry" in rec.meta:
        w += f"#entry{rec.meta['feed_entry']}"
    return w


# --- the driver side -------------------------------------------------------------------------


#: ids remembered per run to tell a reused id from a duplicate (beyond, a reused id counts as a
#: duplicate, as an id stored by an earlier run does); about 150 MB at the cap
MAX_TAKEN = 1_000_000


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # where, code, message
    # records stored with a caveat (a date not used, undecodable bytes …): not failures
    warnings: list[tuple[str, str, str]] = field(default_factory=list)
    skip_reasons: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        def reasons(items: list[tuple[str, str, str]]) -> dict[str, int]:
            return dict(Counter(code + " " + msg.split(" (")[0] for _w, code, msg in items).most_common(20))

        return {
            "read": self.read, "stored": self.stored, "duplicates": self.duplicates,
            "skipped": self.skipped, "failed": self.failed,
            "failure_reasons": reasons(self.errors),
            "warning_reasons": reasons(self.warnings),
            "skip_reasons": dict(self.skip_reasons),
        }


@dataclass(frozen=True)
class IngestOptions:
    spec: tuple[str, ...] | None = None
    workers: int = 0  # 0 = all cores
    batch_size: int = 200
    skip_non_arabic: bool = False
    learn_boilerplate: bool = True
    corpus: bool = True  # run the corpus stages (registry, copies, stories) after the ingest
    #: a Dask scheduler's address (or ``local`` / ``local:N``) to run the per-article stages on
    #: (:mod:`marsad.runners.cluster`); ``None``: this machine's process pool
    scheduler: str | None = None


class LocalRunner:
    """Runs ingest on this machine with a process pool (or inline for tiny inputs)."""

    def __init__(self, archive: Any, options: IngestOptions | None = None) -> None:
        from marsad.pipeline.registry import DEFAULT_SPEC

        self.archive = archive
        self.opts = options or IngestOptions()
        self.spec = tuple(self.opts.spec or DEFAULT_SPEC)
        build(list(self.spec))  # fail early on a bad spec
        # boilerplate learning: counts of short lines per source, in this run and in the store
        self._pending: Counter[tuple[str, str]] = Counter()  # not yet written to the store
        self._run_counts: Counter[tuple[str, str]] = Counter()
        self._learned: dict[str, set[str]] = {}
        self._new_lines: dict[str, set[str]] = {}  # learned during this run
        self._texts: dict[str, str] = {}  # id → text of the articles being analysed
        # id → (hash of the text, where it was read) of every record taken in this run: a second
        # record under one id with another text is an error, not a duplicate
        self._taken: dict[str, tuple[int, str]] = {}

    def _boilerplate_for(self, source: str) -> list[str]:
        if not self.opts.learn_boilerplate or not source:
            return []
        if source not in self._learned:
            self._learned[source] = set(self.archive.boilerplate(source, min_count=BOILERPLATE_MIN_ARTICLES))
        return sorted(self._learned[source])

    def _count_lines(self, rec: RawRecord) -> None:
        if not self.opts.learn_boilerplate or not rec.source:
            return
        seen = set()
        for line in rec.text.splitlines():
            s = line.strip()
            if 3 <= len(s) <= BOILERPLATE_MAX_CHARS and s not in seen:
                seen.add(s)
                key = (rec.source, s)
                self._pending[key] += 1
                self._run_counts[key] += 1
                if self._run_counts[key] == BOILERPLATE_MIN_ARTICLES:
                    self._boilerplate_for(rec.source)
                    if s not in self._learned[rec.source]:
                        self._learned[rec.source].add(s)
                        self._new_lines.setdefault(rec.source, set()).add(s)
        if len(self._run_counts) > 500_000:  # keep memory flat on huge runs: forget singletons
            self._run_counts = Counter({k: v for k, v in self._run_counts.items() if v > 1})

    def _flush_lines(self) -> None:
        if self._pending:
            self.archive.count_lines(dict(self._pending))
            self._pending.clear()

    def run(
        self,
        items: Iterable[RawRecord | InputError],
        *,
        inputs: Sequence[str] = (),
        progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        summary = IngestSummary()
        run_id = self.archive.start_run(list(inputs))
        first_rowid = self.archive.max_rowid()
        workers = self.opts.workers or os.cpu_count() or 1
        batches = self._batches(items, summary)
        try:
            for result in analyse_all(self.spec, (p for p, _n in batches), workers=workers, keep_text=False,
                                      scheduler=self.opts.scheduler):
                self._store(result, summary)
                if progress:
                    progress(summary)
        except BaseException as e:
            # the run is recorded all the same: say that it stopped and why, or `marsad stats`
            # lists it as a run that went through (the KeyError of one page read twice did)
            summary.errors.append((", ".join(inputs)[:300], "M999", f"the ingest stopped after {summary.stored:,} articles stored: "
                                               f"{type(e).__name__}: {e}"))
            raise
        finally:
            self._flush_lines()
            for source, lines in self._new_lines.items():
                # articles stored before a line was learned get it marked too
                self.archive.mark_boilerplate(source, lines, since_rowid=first_rowid)
            self.archive.finish_run(run_id, summary.as_dict(), summary.errors + summary.warnings)
        return summary

    def _batches(self, items: Iterable[RawRecord | InputError], summary: IngestSummary) -> Iterator[tuple[bytes, int]]:
        buf: list[dict[str, Any]] = []
        pending: list[tuple[RawRecord, str, str]] = []

        def flush() -> Iterator[tuple[bytes, int]]:
            known = self.archive.known([i for _r, i, _h in pending])
            seen_here: set[str] = set()
            for rec, rid, h in pending:
                first = self._taken.get(rid)
                text_hash = xxhash.xxh3_64_intdigest(rec.text.encode())
                if first is not None and first[0] != text_hash:
                    summary.failed += 1
                    summary.errors.append((_where(rec), "M102", f"id {rid[:80]!r} was read before with another text "
                                           f"({first[1]}); not stored: give each article an id of its own "
                                           "(--id-field names the id field)"))
                    continue
                # an id of this run's earlier batches still being analysed (its text waits in
                # _texts) is not known to the archive yet: a duplicate all the same
                if rid in known or rid in seen_here or rid in self._texts:
                    summary.duplicates += 1
                    continue
                seen_here.add(rid)
                if len(self._taken) < MAX_TAKEN:
                    self._taken[rid] = (text_hash, _where(rec))
                self._count_lines(rec)
                self._texts[rid] = rec.text
                buf.append({"record": rec, "id": rid, "doc_hash": h,
                            "boilerplate": self._boilerplate_for(rec.source)})
            pending.clear()
            if buf:
                payload = orjson.dumps(buf, default=_default)
                n = len(buf)
                buf.clear()
                yield payload, n

        batch_no = 0
        for it in items:
            if isinstance(it, MarsadError):
                summary.failed += 1
                summary.errors.append((it.where, it.code, str(it).split(": ", 1)[-1] if it.where else str(it)))
                continue
            summary.read += 1
            for w in it.warnings:
                summary.warnings.append((_where(it), "W100", w))
            # the hash is needed here only to name an article that has neither id nor URL;
            # otherwise the workers compute it
            h = "" if (it.id or it.url) else doc_hash(it)
            pending.append((it, assign_id(it, h), h))
            if len(pending) >= self.opts.batch_size:
                yield from flush()
                batch_no += 1
                if batch_no % 20 == 0:
                    self._flush_lines()
        yield from flush()

    def _store(self, result: bytes, summary: IngestSummary) -> None:
        items = []
        for d in orjson.loads(result):
            if "error" in d:
                self._texts.pop(d["id"], None)
                summary.failed += 1
                summary.errors.append((d["where"], "M900", d["error"]))
                continue
            art = article_from_json(d["article"])
            art.text = self._texts.pop(art.id)
            if self.opts.skip_non_arabic and art.language_flag:
                summary.skipped += 1
                summary.skip_reasons[f"not Arabic ({art.language})"] += 1
                continue
            d["article"] = art
            items.append(d)
        stored, dup = self.archive.write_batch(items, spec=self.spec)
        summary.stored += stored
        summary.duplicates += dup
