"""An archive built in batches is the archive built at once: the same articles ingested in two
ingests (the corpus stages run after each) or in one give the same entity merges, copy groups,
stories and threads, when the batches meet where the stages' own batches would
(``docs/stories.md``, "Batches").

The articles are written for these tests."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import orjson

import marsad
from marsad.runners.local import IngestOptions

#: the first ingest: Putin named in full, with Trump, in Helsinki
FIRST = [
    {"id": "b-1", "source": "الوادي", "date": "2024-03-04T09:00:00",
     "title": "قمة في هلسنكي بين ترامب وبوتين",
     "text": "التقى دونالد ترامب مع فلاديمير بوتين في هلسنكي اليوم، وبحث الرئيسان الملف السوري "
             "والعلاقات بين البلدين.\nوقال دونالد ترامب إن اللقاء كان مثمرا."},
]
#: the second ingest: the surname alone, in the same city (a co-mention of the full name's); not
#: ترامب, which the lexicon keys by his full name in the article itself (``KNOWN_SURNAMES``)
SECOND = [
    {"id": "b-2", "source": "النهار", "date": "2024-03-05T10:00:00",
     "title": "بوتين يتحدث عن لقاء هلسنكي",
     "text": "قال بوتين في هلسنكي إن المحادثات ستتواصل خلال الأشهر المقبلة، دون أن يذكر تفاصيل "
             "عن الملفات التي بحثت."},
]


def _jsonl(path: Path, rows: list[dict[str, str]]) -> str:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return str(path)


def _build(db: Path, batches: list[str]) -> None:
    """Ingest ``batches`` into ``db``, the corpus stages after each."""
    arch = marsad.open(db)
    try:
        for b in batches:
            arch.ingest([b], options=IngestOptions(workers=1))
    finally:
        arch.close()


def _entities(db: Path) -> tuple[set[frozenset[str]], dict[str, tuple[int, float, str]]]:
    """The registry's entities as sets of keys, and each key's ``(count, confidence, evidence)``."""
    con = sqlite3.connect(db)
    try:
        by: dict[int, set[str]] = defaultdict(set)
        info = {}
        for key, ent, n, conf, why in con.execute("SELECT key, entity, count, confidence, evidence FROM entity_aliases"):
            by[ent].add(key)
            info[key] = (n, conf, why)
        return {frozenset(s) for s in by.values()}, info
    finally:
        con.close()


def test_two_ingests_link_entities_as_one(tmp_path: Path) -> None:
    """The second ingest's surname joins the full name through the co-mention the first ingest
    saw (the registry keeps it, ``entity_context``); the keys' counts and the evidence of their
    links add up over the ingests instead of restarting."""
    first, second = _jsonl(tmp_path / "first.jsonl", FIRST), _jsonl(tmp_path / "second.jsonl", SECOND)
    both = _jsonl(tmp_path / "both.jsonl", FIRST + SECOND)
    _build(tmp_path / "one.db", [both])
    _build(tmp_path / "two.db", [first, second])
    one, one_info = _entities(tmp_path / "one.db")
    two, two_info = _entities(tmp_path / "two.db")
    putin = next(s for s in one if "per:فلاديمير بوتين" in s)
    assert "per:بوتين" in putin  # one ingest: surname 0.8 + a shared co-mention (Helsinki)
    assert two == one
    assert two_info == one_info
    assert "shared co-mentions" in two_info["per:بوتين"][2]
    # a key of both ingests counts both
    assert two_info["gpe:هلسنكي"][0] == one_info["gpe:هلسنكي"][0] >= 2


def test_a_registry_loads_the_state_its_last_update_left(tmp_path: Path) -> None:
    """What the next update starts from is what the last one had in memory: every entity's
    name matched with, co-mentions, roles, countries and the names its candidates are found
    by (the blocking index), and every key's entity, count, confidence and evidence."""
    from marsad.corpus.registry import EntityRegistry

    arch = marsad.open(tmp_path / "a.db")
    try:
        f = _jsonl(tmp_path / "all.jsonl", FIRST + SECOND)
        arch.ingest([f], options=IngestOptions(workers=1, corpus=False))
        reg = EntityRegistry(arch)
        reg.update()
        again = EntityRegistry(arch)

        def state(r: EntityRegistry) -> tuple[object, ...]:
            ents = {e.id: (e.match, dict(e.comentions), dict(e.roles), dict(e.countries), e.names, e.name, e.count)
                    for e in r.ents.values()}
            return ents, r.alias, r.alias_info, dict(r.alias_count), {k: v for k, v in r.block.items() if v}

        assert state(again) == state(reg)
        assert any(e.comentions for e in again.ents.values())
        # the canonical name (``name``) is not the name new keys are compared with
        assert all(e.match in e.names for e in again.ents.values())
    finally:
        arch.close()
