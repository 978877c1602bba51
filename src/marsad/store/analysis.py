"""SQL of analysing stored articles again (migration ``0008_analysis_spec``): which spec
analysed each article, what the archive kept of its input, and replacing an article's derived
rows (spans, the columns the stages set, the fingerprint) in one transaction per batch.

The driver is :mod:`marsad.runners.reanalyse`; this module holds its SQL. What a reanalysis
leaves to finish once its batches are stored (the search index, the corpus stages) is recorded
in ``corpus_state`` under :data:`STATE`, in the same transaction as the first batch, so that a
run stopped mid-way is completed by the next ``marsad update``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from marsad.model import Article, Span
from marsad.search import postings as _postings
from marsad.store.archive import ARTICLE_COLUMNS, article_row, span_rows
from marsad.store.schema import ANALYZED_TABLES, SPANS_BY_ARTICLE
from marsad.store.sql import execute_in, select_in

#: ``corpus_state`` row: ``{"index": true, "corpus": true}`` while a reanalysis has replaced
#: articles whose search index and corpus stages are not rebuilt yet
STATE = "reanalysis"

#: the tables the copies and stories stages own, emptied before they run again from scratch
CORPUS_TABLES = ("lsh_bands", "copy_pairs", "copy_edges", "copy_groups", "stories", "threads",
                 "term_df", "source_term_days", "story_merges")
#: their progress in ``corpus_state``
CORPUS_STATES = ("copies", "stories", "story_df", "threads", "threads_shown", "threads_moved")

#: the article columns a per-article stage sets (besides spans), replaced by a reanalysis
DERIVED_COLUMNS = ("title", "published_at", "published_day", "published_at_source",
                   "published_at_confidence", "dateline_place", "dateline_agency", "byline",
                   "credit", "language", "language_flag", "fingerprint")

_CHUNK = 500


class AnalysisStore:
    """Reads and writes of a reanalysis, on the archive's single writer connection."""

    def __init__(self, archive: Any) -> None:
        self.archive = archive
        self.w: sqlite3.Connection = archive._writer

    # --- what was analysed how ------------------------------------------------------------

    def spec_counts(self) -> list[tuple[int | None, list[str] | None, int]]:
        """``(spec id, stage names, articles)`` per recorded spec; ``(None, None, n)`` for the
        articles stored before the archive recorded specs."""
        rows = self.w.execute(
            "SELECT a.spec, s.stages, count(*) FROM articles a LEFT JOIN analysis_specs s ON s.spec = a.spec"
            " GROUP BY a.spec ORDER BY a.spec").fetchall()
        return [(r[0], orjson.loads(r[1]) if r[1] else None, int(r[2])) for r in rows]

    def spec_row(self, spec: Sequence[str]) -> int:
        """The id of ``spec`` in ``analysis_specs`` (:meth:`Archive.spec_id`), committed when it
        is new: the batches analysed with it are stored in transactions of their own."""
        sid = self.archive.spec_id(spec)
        self.w.commit()
        return sid

    def rowids(self, spec: int | None, *, after: int, limit: int) -> list[int]:
        """Rowids above ``after`` of the articles analysed with ``spec`` (``None``: unknown)."""
        where = "spec IS NULL" if spec is None else "spec = ?"
        args: tuple = () if spec is None else (spec,)
        return [int(r[0]) for r in self.w.execute(
            f"SELECT rowid FROM articles WHERE {where} AND rowid > ? ORDER BY rowid LIMIT ?",
            (*args, after, limit))]

    def stored(self, rowids: Sequence[int]) -> list[dict[str, Any]]:
        """What each article's record is rebuilt from: its row (text, URL, source, meta,
        provenance, input …) and, for an article without ``input``, the spans that tell which of
        its title and byline came from the input (``title``, ``byline``, ``dateline``)."""
        rows = {int(r["rowid"]): dict(r) for r in select_in(
            self.w, "SELECT rowid AS rowid, id, doc_hash, text, source, url, title, published_at, published_at_source,"
                    " byline, meta, provenance, input FROM articles WHERE rowid IN", rowids)}
        layers: dict[int, list[Span]] = {}
        for r in select_in(self.w, f'SELECT article, layer, start, "end", label, value, attrs FROM {SPANS_BY_ARTICLE}'
                                   " WHERE article IN", [k for k, r in rows.items() if r["input"] is None],
                           after=" AND layer IN ('title', 'byline', 'dateline')"):
            layers.setdefault(int(r[0]), []).append(
                Span(r[1], r[2], r[3], r[4], r[5], orjson.loads(r[6]) if r[6] else {}))
        return [{**rows[k], "spans": layers.get(k, [])} for k in rowids if k in rows]

    # --- replacing --------------------------------------------------------------------------

    def replace(self, items: Sequence[tuple[int, dict[str, Any]]], spec: int) -> None:
        """Replace the derived rows of analysed articles, ``(rowid, item)`` with an item as
        :func:`marsad.runners.local.analyse_batch` returns it, in one transaction, and record
        that the search index and the corpus stages are to be rebuilt."""
        con = self.w
        con.execute("BEGIN IMMEDIATE")
        try:
            spans: list[tuple] = []
            cols: list[tuple] = []
            for rowid, it in items:
                row = dict(zip(ARTICLE_COLUMNS, article_row(it["article"], doc_hash="", provenance={}), strict=True))
                cols.append((*(row[c] for c in DERIVED_COLUMNS), spec,
                             orjson.dumps(it.get("input") or {}).decode(), rowid))
                spans.extend(span_rows(rowid, it["article"].spans))
            execute_in(con, "DELETE FROM spans WHERE article IN", [r for r, _it in items])
            con.executemany(
                f"UPDATE articles SET {', '.join(f'{c}=?' for c in DERIVED_COLUMNS)}, spec=?, input=? WHERE rowid=?",
                cols)
            con.executemany('INSERT INTO spans (article, layer, start, "end", label, value, attrs) VALUES (?,?,?,?,?,?,?)',
                            spans)
            if items:
                self._set_pending({"index": True, "corpus": True})
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def pending(self) -> dict[str, bool]:
        """What a reanalysis left to rebuild (``index``, ``corpus``); empty when nothing."""
        r = self.w.execute("SELECT value FROM corpus_state WHERE name=?", (STATE,)).fetchone()
        return {k: bool(v) for k, v in orjson.loads(r[0]).items() if v} if r else {}

    def _set_pending(self, value: dict[str, bool]) -> None:
        self.w.execute("INSERT INTO corpus_state VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value=excluded.value",
                       (STATE, orjson.dumps(value).decode()))

    def done(self, what: str) -> None:
        """Record that ``what`` (``index`` or ``corpus``) is rebuilt; the caller commits."""
        left = {k: v for k, v in self.pending().items() if k != what}
        if left:
            self._set_pending(left)
        else:
            self.w.execute("DELETE FROM corpus_state WHERE name=?", (STATE,))

    # --- rebuilding -------------------------------------------------------------------------

    def index_sources(self, *, batch: int = 1000) -> Iterator[tuple[int, int | None, Article]]:
        """``(rowid, spec id, article)`` of every article in rowid order, with what its index
        terms are made of (title, text, spans) and nothing else (a broken ``meta`` is no
        matter here)."""
        last = 0
        while True:
            rows = self.w.execute("SELECT rowid, id, spec, title, text FROM articles WHERE rowid > ?"
                                  " ORDER BY rowid LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return
            ids = [int(r[0]) for r in rows]
            spans: dict[int, list[Span]] = {}
            for r in select_in(self.w, f'SELECT article, layer, start, "end", label, value FROM {SPANS_BY_ARTICLE}'
                                       " WHERE article IN", ids):
                spans.setdefault(int(r[0]), []).append(Span(r[1], r[2], r[3], r[4], r[5]))
            for r in rows:
                yield int(r[0]), r[2], Article(id=r[1], text=r[4] or "", title=r[3] or "",
                                               spans=spans.get(int(r[0]), []))
            last = ids[-1]

    def rebuild_index(self, terms: Iterator[tuple[int, str, str]]) -> int:
        """Replace the full-text index and the search postings by ``(rowid, title terms, body
        terms)`` of every article, in rowid order, in one transaction (readers see the old
        index until it commits). Returns how many articles were indexed.

        The FTS5 table is contentless: a row can be deleted only with the exact terms it was
        inserted with, which the archive does not keep, so the table is emptied whole
        (``delete-all``) and filled again; the postings' segments assume rowids grow with
        segments, so they are written again too."""
        con = self.w
        self.archive.flush_postings()
        buf = _postings.PostingsBuffer()
        n = 0
        con.execute("BEGIN IMMEDIATE")
        try:
            con.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
            for t in ("postings", "postings_docs", "postings_state"):
                con.execute(f"DELETE FROM {t}")
            rows: list[tuple[int, str, str]] = []
            for rowid, title, body in terms:
                rows.append((rowid, title, body))
                buf.add(rowid, title, body)
                n += 1
                if len(rows) >= _CHUNK:
                    con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", rows)
                    rows.clear()
                if len(buf) >= _postings.FLUSH_ARTICLES:
                    buf.flush(con)
            con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", rows)
            buf.flush(con)
            _postings.compact(con)
            self.done("index")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        for table in ANALYZED_TABLES:
            con.execute(f"ANALYZE {table}")
        con.commit()
        return n

    def reset_corpus(self) -> None:
        """Empty what the corpus stages built (entity registry, copies, stories, threads) so that
        they run again over every article, and record it done, in one transaction; the user's
        entity merges and splits (``entity_overrides``) stay and are applied again."""
        from marsad.store.entities import EntityStore

        con = self.w
        for t in CORPUS_TABLES:
            con.execute(f"DELETE FROM {t}")
        con.executemany("DELETE FROM corpus_state WHERE name=?", [(n,) for n in CORPUS_STATES])
        con.execute("UPDATE articles SET copy_group=NULL, first_published=NULL, story=NULL"
                    " WHERE copy_group IS NOT NULL OR first_published IS NOT NULL OR story IS NOT NULL")
        EntityStore(con).clear()
        self.done("corpus")
        con.commit()

