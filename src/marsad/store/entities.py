"""SQL of the entity registry (tables from migration ``0002_entity_registry``).

``entities`` holds canonical entities; ``entity_aliases`` maps every per-article entity key
(the ``value`` of ``mention`` spans, e.g. ``per:فلاديمير بوتين``) to one of them, with the
confidence and evidence of that link; ``entity_overrides`` keeps the user's merge/split
decisions (by keys, so they survive a rebuild or a re-ingest); ``entity_state`` remembers the
last article the registry has seen (incremental updates); ``entity_context`` (migration
``0009_entity_context``) keeps what the registry matches new keys with beyond the entity's row
(the name it was opened with, its co-mentioned entities, roles and countries), so that the
next update resumes from it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from marsad.store.schema import SPANS_BY_ARTICLE


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class EntityStore:
    """Reads and writes the registry tables through one connection."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    # --- state ----------------------------------------------------------------------------

    def last_rowid(self) -> int:
        r = self.con.execute("SELECT value FROM entity_state WHERE name='last_rowid'").fetchone()
        return int(r[0]) if r else 0

    def set_last_rowid(self, rowid: int) -> None:
        self.con.execute("INSERT INTO entity_state VALUES ('last_rowid', ?) "
                         "ON CONFLICT(name) DO UPDATE SET value=excluded.value", (str(rowid),))

    def mention_rows(self, after: int, *, batch: int = 2000) -> Iterator[list[sqlite3.Row]]:
        """Mention spans of articles with rowid > ``after``, a batch of articles at a time."""
        last = after
        while True:
            ids = [r[0] for r in self.con.execute(
                "SELECT rowid FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch))]
            if not ids:
                return
            rows = self.con.execute(
                'SELECT spans.article, a.published_day AS day, spans.value AS key, spans.label AS type, spans.attrs'
                f" FROM {SPANS_BY_ARTICLE} JOIN articles a ON a.rowid = spans.article"
                " WHERE spans.layer='mention' AND spans.article BETWEEN ? AND ? ORDER BY spans.article",
                (ids[0], ids[-1]),
            ).fetchall()
            yield rows
            self.set_last_rowid(ids[-1])
            last = ids[-1]

    # --- entities -------------------------------------------------------------------------

    def all_entities(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.con.execute("SELECT * FROM entities")]

    def alias_rows(self) -> list[tuple[str, int, int, float, str]]:
        """Every alias as ``(key, entity, count, confidence, evidence)``."""
        return [(r[0], int(r[1]), int(r[2]), float(r[3]), r[4]) for r in self.con.execute(
            "SELECT key, entity, count, confidence, evidence FROM entity_aliases")]

    def contexts(self) -> dict[int, tuple[str, str, str, str, list[str]]]:
        """Entity → ``(name matched with, co-mentions, roles, countries, names its candidates
        are found by)``: the co-mentions (by entity id), roles and countries as the JSON stored,
        for the caller to decode when it needs them (most of a large registry's never are)."""
        return {int(r[0]): (r[1], r[2], r[3], r[4], orjson.loads(r[5]))
                for r in self.con.execute(
                    "SELECT entity, name, comentions, roles, countries, names FROM entity_context")}

    def save_contexts(self, rows: Sequence[tuple[int, str, Mapping[int, int], Mapping[str, int], Mapping[str, int],
                                                 Sequence[str]]]) -> None:
        """Upsert ``(entity, name, co-mentions, roles, countries, names)``."""
        self.con.executemany(
            "INSERT OR REPLACE INTO entity_context (entity, name, comentions, roles, countries, names)"
            " VALUES (?,?,?,?,?,?)",
            [(e, name, orjson.dumps(co, option=orjson.OPT_NON_STR_KEYS).decode(), orjson.dumps(roles).decode(),
              orjson.dumps(countries).decode(), orjson.dumps(list(names)).decode())
             for e, name, co, roles, countries, names in rows])

    def save(self, ents: Sequence[dict[str, Any]], aliases: Sequence[tuple[str, int, int, float, str]]) -> None:
        """Upsert entities (dicts with every column) and aliases ``(key, entity, count, conf, evidence)``."""
        self.con.executemany(
            "INSERT INTO entities (id, key, type, name, english, country, variants, confidence,"
            " evidence, first_seen, last_seen, count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET key=excluded.key, type=excluded.type,"
            " name=excluded.name, english=excluded.english, country=excluded.country,"
            " variants=excluded.variants, confidence=excluded.confidence,"
            " evidence=excluded.evidence, first_seen=excluded.first_seen,"
            " last_seen=excluded.last_seen, count=excluded.count",
            [(e["id"], e["key"], e["type"], e["name"], e["english"], e["country"],
              orjson.dumps(e["variants"]).decode(), e["confidence"],
              orjson.dumps(e["evidence"]).decode(), e["first_seen"], e["last_seen"], e["count"])
             for e in ents],
        )
        self.con.executemany(
            "INSERT INTO entity_aliases (key, entity, count, confidence, evidence) VALUES (?,?,?,?,?)"
            " ON CONFLICT(key) DO UPDATE SET entity=excluded.entity, count=excluded.count,"
            " confidence=excluded.confidence, evidence=excluded.evidence",
            list(aliases),
        )

    def delete_entities(self, ids: Sequence[int]) -> None:
        self.con.executemany("DELETE FROM entity_context WHERE entity=?", [(i,) for i in ids])
        self.con.executemany("DELETE FROM entities WHERE id=?", [(i,) for i in ids])

    def clear(self) -> None:
        """Forget the registry (not the overrides): the next update rebuilds it."""
        self.con.execute("DELETE FROM entity_aliases")
        self.con.execute("DELETE FROM entity_context")
        self.con.execute("DELETE FROM entities")
        self.con.execute("DELETE FROM entity_state")

    def commit(self) -> None:
        self.con.commit()

    # --- overrides ------------------------------------------------------------------------

    def add_override(self, action: str, a: str, b: str = "") -> None:
        self.con.execute("INSERT INTO entity_overrides (action, a, b, created_at) VALUES (?,?,?,?)",
                         (action, a, b, _now()))

    def overrides(self) -> list[tuple[str, str, str]]:
        return [(r[0], r[1], r[2]) for r in self.con.execute(
            "SELECT action, a, b FROM entity_overrides ORDER BY id")]

    # --- queries --------------------------------------------------------------------------

    def countries(self) -> list[str]:
        """The countries of the registry's entities, the most frequent first."""
        return [r[0] for r in self.con.execute(
            "SELECT country FROM entities WHERE country != '' GROUP BY country ORDER BY count(*) DESC, country")]

    def top(self, *, type: str | None = None, country: str | None = None,  # noqa: A002
            date_from: str | None = None, date_to: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        where, args = [], []  # type: list[str], list[Any]
        if type:
            where.append("e.type = ?")
            args.append(type.upper())
        if country:
            where.append("e.country = ?")
            args.append(country.upper())
        if date_from or date_to:
            cond = ["s.layer='mention'"]
            if date_from:
                cond.append("a.published_day >= ?")
                args.append(date_from)
            if date_to:
                cond.append("a.published_day <= ?")
                args.append(date_to)
            sql = ("SELECT e.*, count(*) AS n FROM spans s JOIN articles a ON a.rowid = s.article"
                   " JOIN entity_aliases al ON al.key = s.value JOIN entities e ON e.id = al.entity"
                   f" WHERE {' AND '.join(cond + where)} GROUP BY e.id ORDER BY n DESC LIMIT ?")
        else:
            sql = (f"SELECT e.*, e.count AS n FROM entities e {'WHERE ' + ' AND '.join(where) if where else ''}"
                   " ORDER BY e.count DESC LIMIT ?")
        args.append(limit)
        return [_row(r) for r in self.con.execute(sql, args)]

    def get(self, entity: int) -> dict[str, Any] | None:
        r = self.con.execute("SELECT *, count AS n FROM entities WHERE id=?", (entity,)).fetchone()
        return _row(r) if r else None

    def find(self, name: str) -> list[dict[str, Any]]:
        """Entities whose key, name or a variant equals ``name`` (normalized), best first."""
        rows = self.con.execute(
            "SELECT e.*, e.count AS n FROM entities e WHERE e.key = ? OR e.name = ? OR e.english = ?"
            " OR e.id IN (SELECT entity FROM entity_aliases WHERE key = ? OR substr(key, instr(key, ':') + 1) = ?)"
            " ORDER BY e.count DESC", (name, name, name, name, name)).fetchall()
        if not rows:
            like = "%" + name.replace("%", "") + "%"
            rows = self.con.execute(
                "SELECT e.*, e.count AS n FROM entities e WHERE e.name LIKE ? OR e.variants LIKE ?"
                " ORDER BY e.count DESC LIMIT 20", (like, like)).fetchall()
        return [_row(r) for r in rows]

    def best(self, name: str) -> dict[str, Any] | None:
        """The entity ``name`` stands for — a key, a name, a variant or a word of one, as written or
        normalized: :meth:`find`'s first; what ``search --entity``, ``marsad entity`` and the web's
        ``entity=`` take it for."""
        from marsad.text.normalize import normalize

        rows = self.find(name) or self.find(normalize(name))
        return rows[0] if rows else None

    def keys_of(self, entity: int) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT key FROM entity_aliases WHERE entity=?", (entity,))]

    def entity_of(self, key: str) -> int | None:
        r = self.con.execute("SELECT entity FROM entity_aliases WHERE key=?", (key,)).fetchone()
        return int(r[0]) if r else None

    def timeline(self, entity: int, *, by: str = "month") -> list[tuple[str, int]]:
        n = {"day": 10, "month": 7, "year": 4}[by]
        return [(r[0] or "unknown", r[1]) for r in self.con.execute(
            f"SELECT substr(a.published_day, 1, {n}) AS k, count(*) FROM spans s"
            " JOIN articles a ON a.rowid = s.article JOIN entity_aliases al ON al.key = s.value"
            " WHERE s.layer='mention' AND al.entity = ? GROUP BY k ORDER BY k", (entity,))]

    def articles(self, entity: int, *, limit: int = 20) -> list[dict[str, Any]]:
        return [dict(r) for r in self.con.execute(
            "SELECT a.id, a.title, a.source, a.published_at, count(*) AS mentions FROM spans s"
            " JOIN articles a ON a.rowid = s.article JOIN entity_aliases al ON al.key = s.value"
            " WHERE s.layer='mention' AND al.entity = ? GROUP BY a.rowid"
            " ORDER BY a.published_day DESC, a.rowid DESC LIMIT ?", (entity, limit))]

    def comentions(self, entity: int, *, limit: int = 20) -> list[dict[str, Any]]:
        return [dict(r) for r in self.con.execute(
            "WITH arts AS (SELECT DISTINCT s.article FROM spans s JOIN entity_aliases al"
            "  ON al.key = s.value WHERE s.layer='mention' AND al.entity = ?)"
            " SELECT e.id, e.name, e.type, e.country, count(DISTINCT s.article) AS articles"
            " FROM spans s JOIN arts ON arts.article = s.article JOIN entity_aliases al ON al.key = s.value"
            " JOIN entities e ON e.id = al.entity WHERE s.layer='mention' AND e.id != ?"
            " GROUP BY e.id ORDER BY articles DESC, e.count DESC LIMIT ?", (entity, entity, limit))]


def _row(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["variants"] = orjson.loads(d.get("variants") or "{}")
    d["evidence"] = orjson.loads(d.get("evidence") or "[]")
    return d
