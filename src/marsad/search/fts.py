"""Full-text search over the archive with Arabic-aware matching.

Index and query go through the same two functions — :func:`marsad.text.normalize.normalize`
then :func:`marsad.text.tokens.stem` — so ``روسيا`` meets ``وروسيا`` and ``بروسيا``, ``إيران``
meets ``ايران`` and a plural meets its singular. The user's query is parsed here and rebuilt
as a safe FTS5 expression: FTS5 syntax never reaches SQLite from the user.

Query language: words (all must match), ``"a phrase"``, ``OR`` between terms, ``-word`` to
exclude.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import QueryError
from marsad.text.normalize import normalize
from marsad.text.tokens import TOKEN_RE, stem

MAX_QUERY_CHARS = 500
MAX_TERMS = 32

_QUERY_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    language: str | None = None
    mentions_date: str | None = None  # a TIMEX3 value prefix: 2021-09, 2021-09-17, XXXX-09
    entity: str | None = None  # an entity key (mention value)
    entity_keys: tuple[str, ...] = ()  # all mention values of one entity (its registry aliases); wins over entity
    story: int | None = None


@dataclass
class Hit:
    id: str
    rowid: int
    title: str
    source: str
    url: str
    published_at: str | None
    score: float
    snippet: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)  # in snippet coordinates
    snippet_start: int = 0  # where the snippet starts in the original text
    copies: int = 1
    copy_group: int | None = None
    story: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class ParsedQuery:
    fts: str  # the FTS5 MATCH expression
    stems: set[str]  # every positive stem, for highlighting


def parse_query(q: str) -> ParsedQuery:
    """Turn a user query into a safe FTS5 expression; raise :class:`QueryError` on misuse."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    parts: list[str] = []
    stems: set[str] = set()
    pending_or = False
    n = 0
    for tok in _QUERY_TOKEN.findall(q.strip()):
        if tok == "OR":
            pending_or = bool(parts)
            continue
        neg = tok.startswith("-") and len(tok) > 1
        if neg:
            tok = tok[1:]
        phrase = tok.startswith('"')
        words = [stem(t) for t in TOKEN_RE.findall(normalize(tok.strip('"')))]
        words = [w for w in words if w]
        if not words:
            continue
        n += len(words)
        if n > MAX_TERMS:
            raise QueryError(f"query has more than {MAX_TERMS} terms; shorten it")
        quoted = " ".join(_quote(w) for w in words)
        expr = f"({quoted})" if not phrase else '"' + " ".join(w.replace('"', "") for w in words) + '"'
        if not phrase and len(words) > 1:
            expr = "(" + " AND ".join(_quote(w) for w in words) + ")"
        if neg:
            if not parts:
                raise QueryError("a query cannot start with an exclusion (-word); add a term first")
            parts.append(f"NOT {expr}")
            continue
        stems.update(words)
        if pending_or and parts:
            parts[-1] = f"({parts[-1]} OR {expr})"
        else:
            parts.append(expr)
        pending_or = False
    if not parts:
        raise QueryError("the query has no searchable words")
    fts = parts[0]
    for p in parts[1:]:
        fts = f"{fts} {p}" if p.startswith("NOT ") else f"{fts} AND {p}"
    return ParsedQuery(fts=fts, stems=stems)


@functools.lru_cache(maxsize=200_000)
def _token_stem(token: str) -> str:
    """``stem(normalize(token))``, memoised: snippets test every word of an article and the
    same words recur across articles (a pure function, so results never depend on order)."""
    return stem(normalize(token))


def _quote(w: str) -> str:
    return '"' + w.replace('"', "") + '"'


def _filter_sql(f: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if f.sources:
        where.append(f"a.source IN ({','.join('?' * len(f.sources))})")
        args.extend(f.sources)
    if f.date_from:
        where.append("a.published_day >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append("a.published_day <= ?")
        args.append(f.date_to)
    if f.language:
        where.append("a.language = ?")
        args.append(f.language)
    if f.mentions_date:
        where.append("a.rowid IN (SELECT article FROM spans WHERE layer='timex' AND value >= ? AND value < ?)")
        args.extend([f.mentions_date, f.mentions_date + "\uffff"])
    if f.entity_keys:
        keys = f.entity_keys[:500]
        where.append(f"a.rowid IN (SELECT article FROM spans WHERE layer='mention' AND value IN ({','.join('?' * len(keys))}))")
        args.extend(keys)
    elif f.entity:
        where.append("a.rowid IN (SELECT article FROM spans WHERE layer='mention' AND value = ?)")
        args.append(f.entity)
    if f.story is not None:
        where.append("a.story = ?")
        args.append(f.story)
    return (" AND " + " AND ".join(where)) if where else "", args


class Searcher:
    """Runs parsed queries against one archive connection."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def search(
        self,
        q: str,
        *,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
        collapse_copies: bool = False,
    ) -> tuple[list[Hit], int]:
        """Hits for ``q`` (best first) and the total number of matching articles."""
        pq = parse_query(q)
        fsql, fargs = _filter_sql(filters or Filters())
        limit = max(1, min(int(limit), 500))
        offset = max(0, int(offset))
        try:
            if not fsql and not collapse_copies:
                # no filter: count and rank inside the index, then fetch the few rows shown
                total = self.con.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (pq.fts,)).fetchone()[0]
                ranked = self.con.execute(
                    "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                    (pq.fts, limit, offset)).fetchall()
                by_row = {r[0]: r[1] for r in ranked}
                rows = []
                if by_row:
                    found = {r["rowid"]: r for r in self.con.execute(
                        "SELECT rowid, id, title, source, url, published_at, copy_group, story"
                        f" FROM articles WHERE rowid IN ({','.join('?' * len(by_row))})", list(by_row))}
                    rows = [{**dict(found[rid]), "score": sc, "copies": 1} for rid, sc in ranked if rid in found]
            else:
                total = self._total(pq.fts, fsql, fargs, collapse_copies=collapse_copies)
                rows = self.con.execute(self._ranked_sql(fsql, collapse_copies=collapse_copies),
                                        [pq.fts, *fargs, limit, offset]).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e
        hits = []
        for r in rows:
            h = Hit(id=r["id"], rowid=r["rowid"], title=r["title"], source=r["source"], url=r["url"],
                    published_at=r["published_at"], score=round(-float(r["score"]), 4),
                    copies=int(r["copies"]), copy_group=r["copy_group"], story=r["story"])
            self._snippet(h, pq.stems)
            hits.append(h)
        return hits, int(total)

    def _total(self, fts: str, fsql: str, fargs: list[Any], *, collapse_copies: bool) -> int:
        what = "count(DISTINCT coalesce(a.copy_group, -a.rowid))" if collapse_copies else "count(*)"
        return int(self.con.execute(
            f"SELECT {what} FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?{fsql}",
            [fts, *fargs]).fetchone()[0])

    @staticmethod
    def _ranked_sql(fsql: str, *, collapse_copies: bool) -> str:
        cols = "a.rowid, a.id, a.title, a.source, a.url, a.published_at, a.copy_group, a.story"
        if collapse_copies:
            return (f"SELECT {cols}, min(fts.rank) AS score, count(*) AS copies"
                    f" FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?{fsql}"
                    " GROUP BY coalesce(a.copy_group, -a.rowid) ORDER BY score LIMIT ? OFFSET ?")
        return (f"SELECT {cols}, fts.rank AS score, 1 AS copies"
                f" FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?{fsql}"
                " ORDER BY fts.rank LIMIT ? OFFSET ?")

    def _snippet(self, hit: Hit, stems: set[str], width: int = 220) -> None:
        row = self.con.execute("SELECT text FROM articles WHERE rowid=?", (hit.rowid,)).fetchone()
        text: str = row[0]
        removed = [
            (r[0], r[1]) for r in self.con.execute(
                "SELECT start, \"end\" FROM spans WHERE article=? AND layer IN ('debris','credit','title','byline')",
                (hit.rowid,))
        ]
        matches: list[tuple[int, int]] = []
        limit_pos = len(text)
        for m in TOKEN_RE.finditer(text):
            if m.start() > limit_pos:
                break
            if _token_stem(m.group()) in stems and not any(s <= m.start() < e for s, e in removed):
                if not matches:
                    limit_pos = m.start() + width
                matches.append((m.start(), m.end()))
        centre = matches[0][0] if matches else 0
        start = max(0, centre - width // 3)
        # snap to a word boundary
        while 0 < start < len(text) and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), start + width)
        while end < len(text) and not text[end].isspace():
            end += 1
        hit.snippet_start = start
        hit.snippet = text[start:end]
        hit.highlights = [(s - start, e - start) for s, e in matches if s >= start and e <= end]

    def counts(self, q: str | None, *, by: str, filters: Filters | None = None) -> list[tuple[str, int]]:
        """How many matching articles per ``source`` or per ``day`` (or ``month``)."""
        col = {"source": "a.source", "day": "a.published_day",
               "month": "substr(a.published_day, 1, 7)"}.get(by)
        if col is None:
            raise QueryError(f"cannot count by {by!r}; use source, day or month")
        fsql, fargs = _filter_sql(filters or Filters())
        if q:
            pq = parse_query(q)
            sql = (f"SELECT {col} AS k, count(*) FROM fts JOIN articles a ON a.rowid = fts.rowid"
                   f" WHERE fts MATCH ?{fsql} GROUP BY k ORDER BY k")
            args = [pq.fts, *fargs]
        else:
            sql = f"SELECT {col} AS k, count(*) FROM articles a WHERE 1{fsql} GROUP BY k ORDER BY k"
            args = fargs
        try:
            rows = self.con.execute(sql, args).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e
        out = [(r[0] if r[0] is not None else "unknown", int(r[1])) for r in rows]
        if by == "source":
            out.sort(key=lambda kv: -kv[1])
        return out
