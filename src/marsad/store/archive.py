"""The archive: one SQLite file (WAL), migrations recorded, one writer, readers in parallel.

Articles are keyed by the input's own id. Writing is idempotent: an id already stored is left
alone; a record with another id but the same document hash (same URL and normalized body) is
recorded as an alias of the stored article, so the input's id still resolves. Each batch is
one transaction, so a crash loses at most the batch in flight and a re-run completes it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from marsad.errors import ArchiveError, NotFoundError
from marsad.model import Article, Span
from marsad.search import postings as _postings
from marsad.store.schema import ANALYZED_TABLES, MIGRATIONS
from marsad.store.sql import select_in

ARTICLE_COLUMNS = (
    "id", "doc_hash", "source", "url", "title", "published_at", "published_day",
    "published_at_source", "published_at_confidence", "dateline_place", "dateline_agency",
    "byline", "credit", "language", "language_flag", "text", "meta", "provenance",
    "fingerprint", "ingested_at",
)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    p = Path(path)
    if p.is_dir():
        raise ArchiveError("is a folder, not an archive file; give --archive a file such as news.db",
                           where=str(p))
    try:
        return _connect(p, readonly=readonly)
    except sqlite3.DatabaseError as e:
        what = ("not an archive (not an SQLite database): give --archive the .db file marsad made, "
                "or a new file name") if "not a database" in str(e) else f"cannot open the archive ({e})"
        raise ArchiveError(what, where=str(p)) from None


def _connect(p: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        if not p.exists():
            raise ArchiveError("no archive here; create one with `marsad ingest`", where=str(p))
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True, check_same_thread=False)
    else:
        if p.parent and not p.parent.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(str(p), check_same_thread=False)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA busy_timeout=10000")
    con.execute("PRAGMA cache_size=-65536")
    con.row_factory = sqlite3.Row
    return con


def migrate(con: sqlite3.Connection, migrations: Sequence[tuple[str, str]] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {r[0] for r in con.execute("SELECT name FROM migrations")}
    applied = []
    for name, sql in migrations:
        if name in done:
            continue
        try:
            con.execute("BEGIN")
            for stmt in _statements(sql):
                con.execute(stmt)
            con.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
            con.execute("COMMIT")
        except sqlite3.Error as e:
            con.execute("ROLLBACK")
            raise ArchiveError(f"migration {name} failed: {e}") from e
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return [s for s in out if s]


def article_row(art: Article, *, doc_hash: str, provenance: dict[str, Any], now: str = "") -> tuple:
    day = art.published_at[:10] if art.published_at and art.published_at[:4].isdigit() else None
    return (
        art.id, doc_hash, art.source, art.url, art.title, art.published_at, day,
        art.published_at_source, art.published_at_confidence, art.dateline_place,
        art.dateline_agency, art.byline, art.credit, art.language, art.language_flag,
        art.text, orjson.dumps(art.meta, default=str).decode(),
        orjson.dumps(provenance, default=str).decode(), art.fingerprint or None, now or _now(),
    )


def span_rows(rowid: int, spans: Iterable[Span]) -> list[tuple]:
    return [
        (rowid, s.layer, s.start, s.end, s.label, s.value,
         orjson.dumps(s.attrs, default=str).decode() if s.attrs else "")
        for s in spans
    ]


class Archive:
    """An open archive. Use :func:`marsad.open` to get one."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._local = threading.local()
        con = connect(self.path, readonly=readonly)
        if not readonly:
            migrate(con)
        else:
            try:
                con.execute("SELECT 1 FROM articles LIMIT 1")
            except sqlite3.DatabaseError as e:
                raise ArchiveError(f"not a marsad archive ({e})", where=str(self.path)) from e
        self._local.con = con
        self._writer = con
        self._postings = _postings.PostingsBuffer()

    # one connection per thread for reads (the web server reads from a thread pool)
    @property
    def con(self) -> sqlite3.Connection:
        c = getattr(self._local, "con", None)
        if c is None:
            c = connect(self.path, readonly=True)
            self._local.con = c
        return c

    def close(self) -> None:
        if not self.readonly:
            self.flush_postings()
        self._writer.close()

    def flush_postings(self, *, compact: bool = False) -> None:
        """Write the buffered search postings (see :mod:`marsad.search.postings`); with
        ``compact``, also merge the segments when there are too many."""
        con = self._writer
        if not len(self._postings) and not compact:
            return
        con.execute("BEGIN IMMEDIATE")
        try:
            self._postings.flush(con)
            if compact and _postings.segments(con) > _postings.MAX_SEGMENTS:
                _postings.compact(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _index_terms_of(self, rowid: int) -> tuple[str, str]:
        from marsad.pipeline.stages import index_terms

        row = self._writer.execute("SELECT * FROM articles WHERE rowid=?", (rowid,)).fetchone()
        return index_terms(self._article(row)) if row else ("", "")

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------

    def known(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are stored already (as articles or aliases)."""
        con = self._writer
        return {r[0] for table in ("articles", "aliases")
                for r in select_in(con, f"SELECT id FROM {table} WHERE id IN", ids)}

    def spec_id(self, spec: Sequence[str]) -> int:
        """The id of a pipeline spec in ``analysis_specs`` (added when new); the caller commits."""
        stages = orjson.dumps(list(spec)).decode()
        con = self._writer
        r = con.execute("SELECT spec FROM analysis_specs WHERE stages=?", (stages,)).fetchone()
        if r is not None:
            return int(r[0])
        cur = con.execute("INSERT INTO analysis_specs (stages) VALUES (?)", (stages,))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def write_batch(self, items: Sequence[dict[str, Any]], *, spec: Sequence[str] | None = None) -> tuple[int, int]:
        """Store analysed articles (as produced by the pipeline runner) in one transaction.

        ``spec`` is the list of stage names that analysed them (recorded per article, so that
        ``marsad update`` can tell which were analysed by older stage versions); ``None``
        leaves it unknown. An item's ``input`` (the record's title, date, date_kind and
        author) is kept so that the article can be analysed again.

        Returns ``(stored, duplicates)``. Rowids are assigned here (one writer per file), so
        articles, spans and index rows go in with one ``executemany`` each.
        """
        con = self._writer
        stored = dup = 0
        con.execute("BEGIN IMMEDIATE")
        try:
            spec_row = self.spec_id(spec) if spec is not None else None
            ids = [it["article"].id for it in items]
            known = self.known(ids)
            by_hash: dict[str, int] = dict(select_in(
                con, "SELECT doc_hash, rowid FROM articles WHERE doc_hash IN", [it["doc_hash"] for it in items]))
            next_rowid = (con.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0) + 1
            now = _now()
            arts, spans, fts, aliases = [], [], [], []
            for it in items:
                art: Article = it["article"]
                h = it["doc_hash"]
                if art.id in known:
                    dup += 1
                    continue
                known.add(art.id)
                if h in by_hash:
                    aliases.append((art.id, by_hash[h]))
                    dup += 1
                    continue
                rowid = next_rowid
                next_rowid += 1
                by_hash[h] = rowid
                inp = it.get("input")
                arts.append((rowid, *article_row(art, doc_hash=h, provenance=it.get("provenance", {}), now=now),
                             spec_row, orjson.dumps(inp).decode() if inp is not None else None))
                spans.extend(span_rows(rowid, art.spans))
                fts.append((rowid, it.get("index_title", ""), it.get("index_body", "")))
                if it.get("index_tf"):
                    self._postings.add_counted(rowid, *it["index_tf"])
                else:
                    self._postings.add(rowid, it.get("index_title", ""), it.get("index_body", ""))
                stored += 1
            con.executemany(
                f"INSERT INTO articles (rowid, {','.join(ARTICLE_COLUMNS)}, spec, input)"
                f" VALUES (?, {','.join('?' * len(ARTICLE_COLUMNS))}, ?, ?)",
                arts)
            con.executemany(
                'INSERT INTO spans (article, layer, start, "end", label, value, attrs) VALUES (?,?,?,?,?,?,?)',
                spans)
            con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", fts)
            con.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?)", aliases)
            if len(self._postings) >= _postings.FLUSH_ARTICLES:
                self._postings.flush(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            self._postings = _postings.PostingsBuffer()
            _postings.catch_up(con, self._index_terms_of, self._postings)
            raise
        return stored, dup

    def start_run(self, inputs: Sequence[str]) -> int:
        # articles stored without postings (a crash, or an archive from before the index)
        _postings.catch_up(self._writer, self._index_terms_of, self._postings)
        cur = self._writer.execute(
            "INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)",
            (_now(), orjson.dumps(list(inputs)).decode()),
        )
        self._writer.commit()
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish_run(self, run: int, counts: dict[str, int], errors: Sequence[tuple[str, str, str]]) -> None:
        con = self._writer
        con.execute(
            "UPDATE ingest_runs SET finished_at=?, read=?, stored=?, duplicates=?, skipped=?, failed=? WHERE run=?",
            (_now(), counts.get("read", 0), counts.get("stored", 0), counts.get("duplicates", 0),
             counts.get("skipped", 0), counts.get("failed", 0), run),
        )
        con.executemany('INSERT INTO ingest_errors (run, "where", code, message) VALUES (?,?,?,?)',
                        [(run, w, c, m) for w, c, m in errors])
        con.commit()
        self.flush_postings(compact=True)
        # fresh statistics, or SQLite's planner reads every mention span through the
        # (layer, value) index where an article's own spans were wanted (~1 s on 72k articles)
        for table in ANALYZED_TABLES:
            con.execute(f"ANALYZE {table}")
        con.commit()

    # --- boilerplate lines learned per source -------------------------------------------------

    def boilerplate(self, source: str, *, min_count: int) -> frozenset[str]:
        rows = self._writer.execute(
            "SELECT line FROM boilerplate WHERE source=? AND count>=?", (source, min_count)
        )
        return frozenset(r[0] for r in rows)

    def count_lines(self, counts: dict[tuple[str, str], int]) -> None:
        self._writer.executemany(
            "INSERT INTO boilerplate (source, line, count) VALUES (?, ?, ?) "
            "ON CONFLICT(source, line) DO UPDATE SET count = count + excluded.count",
            [(s, line, n) for (s, line), n in counts.items()],
        )
        self._writer.commit()

    def max_rowid(self) -> int:
        return int(self._writer.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])

    def mark_boilerplate(self, source: str, lines: Iterable[str], *, since_rowid: int) -> int:
        """Add ``boilerplate`` debris spans for learned ``lines`` in articles of ``source``
        stored after ``since_rowid`` that do not have them yet; return how many were added."""
        wanted = set(lines)
        con = self._writer
        new: list[tuple] = []
        for rowid, text in con.execute(
            "SELECT rowid, text FROM articles WHERE source=? AND rowid>?", (source, since_rowid)
        ).fetchall():
            have = {(r[0], r[1]) for r in con.execute(
                'SELECT start, "end" FROM spans WHERE article=? AND layer=\'debris\'', (rowid,))}
            pos = 0
            for line in text.split("\n"):
                s = line.strip()
                if s in wanted:
                    start = pos + line.index(s)
                    if (start, start + len(s)) not in have and (pos, pos + len(line)) not in have:
                        new.append((rowid, "debris", start, start + len(s), "boilerplate", "", ""))
                pos += len(line) + 1
        con.executemany('INSERT INTO spans (article, layer, start, "end", label, value, attrs) VALUES (?,?,?,?,?,?,?)', new)
        con.commit()
        return len(new)

    # --- reading ------------------------------------------------------------------------------

    def rowid_of(self, article_id: str) -> int:
        r = self.con.execute("SELECT rowid FROM articles WHERE id=?", (article_id,)).fetchone()
        if r is None:
            r = self.con.execute("SELECT article FROM aliases WHERE id=?", (article_id,)).fetchone()
        if r is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return int(r[0])

    def get(self, article_id: str) -> Article:
        """The stored article with all its spans."""
        rowid = self.rowid_of(article_id)
        row = self.con.execute("SELECT * FROM articles WHERE rowid=?", (rowid,)).fetchone()
        return self._article(row)

    def get_row(self, article_id: str) -> dict[str, Any]:
        rowid = self.rowid_of(article_id)
        row = self.con.execute("SELECT * FROM articles WHERE rowid=?", (rowid,)).fetchone()
        return dict(row)

    @staticmethod
    def author_field(row: dict[str, Any]) -> str:
        """The input's author field as the record gave it (``واس - جدة``), from a row of
        :meth:`get_row`; ``""`` when it had none or was stored before inputs were kept. The
        dateline stage reads it into the dateline's place and agency and the byline."""
        raw = row.get("input")
        return str(orjson.loads(raw).get("author") or "") if raw else ""

    def _article(self, row: sqlite3.Row) -> Article:
        spans = [
            Span(r["layer"], r["start"], r["end"], r["label"], r["value"],
                 orjson.loads(r["attrs"]) if r["attrs"] else {})
            for r in self.con.execute(
                'SELECT layer, start, "end", label, value, attrs FROM spans WHERE article=? ORDER BY start, "end" DESC',
                (row["rowid"],),
            )
        ]
        return Article(
            id=row["id"], text=row["text"], source=row["source"], url=row["url"],
            title=row["title"], published_at=row["published_at"],
            published_at_source=row["published_at_source"],
            published_at_confidence=row["published_at_confidence"],
            dateline_place=row["dateline_place"], dateline_agency=row["dateline_agency"],
            byline=row["byline"], credit=row["credit"], language=row["language"],
            language_flag=row["language_flag"], spans=spans, fingerprint=row["fingerprint"] or b"",
            meta=orjson.loads(row["meta"]),
        )

    def iter_rows(self, *, columns: Sequence[str] | None = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every stored article as a dict of columns, in insertion order (streaming)."""
        cols = ", ".join(columns) if columns else "*"
        last = 0
        while True:
            rows = self.con.execute(
                f"SELECT rowid AS _rowid, {cols} FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield dict(r)
            last = rows[-1]["_rowid"]

    def aliases(self) -> Iterator[tuple[str, int]]:
        yield from self.con.execute("SELECT id, article FROM aliases")

    def count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])

    def alias_count(self) -> int:
        """How many ids are held as duplicates of a stored article (:meth:`aliases`)."""
        return int(self.con.execute("SELECT count(*) FROM aliases").fetchone()[0])

    def tally(self, column: str) -> dict[str, int]:
        """Articles per ``source`` or ``language``, the most frequent first."""
        if column not in {"source", "language"}:
            raise ArchiveError(f"column {column!r} is not tallied")
        return {r[0]: r[1] for r in self.con.execute(
            f"SELECT {column}, count(*) FROM articles GROUP BY {column} ORDER BY count(*) DESC, {column}")}

    def stats(self) -> dict[str, Any]:
        con = self.con
        out: dict[str, Any] = {
            "archive": str(self.path),
            "articles": self.count(),
            "aliases": self.alias_count(),
            "sources": self.tally("source"),
            "languages": self.tally("language"),
            "published": dict(zip(("first", "last"), con.execute(
                "SELECT min(published_day), max(published_day) FROM articles").fetchone(), strict=True)),
            "with_dateline": con.execute("SELECT count(*) FROM articles WHERE dateline_place != '' OR dateline_agency != ''").fetchone()[0],
            # of those, the ones whose text has no dateline: read from the input's author field
            "dateline_from_author_field": con.execute(
                "SELECT count(*) FROM articles a WHERE (a.dateline_place != '' OR a.dateline_agency != '') "
                "AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.article = a.rowid AND s.layer = 'dateline')",
            ).fetchone()[0],
            "spans": {r[0]: r[1] for r in con.execute("SELECT layer, count(*) FROM spans GROUP BY layer")},
            "runs": [dict(r) for r in con.execute("SELECT * FROM ingest_runs ORDER BY run DESC LIMIT 5")],
        }
        return out

    def errors(self, run: int | None = None) -> list[dict[str, Any]]:
        q = 'SELECT run, "where", code, message FROM ingest_errors'
        args: tuple = ()
        if run is not None:
            q += " WHERE run=?"
            args = (run,)
        return [dict(r) for r in self.con.execute(q, args)]

    def update_articles(self, column: str, values: Iterable[tuple[Any, int]]) -> None:
        """Set one derived column (``copy_group``, ``first_published``, ``story`` …) by rowid."""
        if column not in {"copy_group", "first_published", "story"}:
            raise ArchiveError(f"column {column!r} is not a derived column")
        self._writer.executemany(f"UPDATE articles SET {column}=? WHERE rowid=?", list(values))
        self._writer.commit()

    def as_dict(self, art: Article) -> dict[str, Any]:
        d = asdict(art)
        d.pop("fingerprint", None)
        return d
