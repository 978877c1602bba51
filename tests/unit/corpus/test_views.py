"""The corpus views the CLI and the web list stories and threads through: each list is read in
a fixed number of queries, whatever its length."""

from __future__ import annotations

from pathlib import Path

import orjson

import marsad
from marsad.corpus.views import list_threads
from marsad.runners.local import IngestOptions
from marsad.store.corpus_store import CorpusStore

_TEXTS = ["افتتح الوزير مستشفى جديدا في المدينة.", "عقد المجلس جلسة طارئة لبحث الميزانية.",
          "سجل الفريق هدفين في الشوط الثاني.", "ارتفعت درجات الحرارة في المنطقة الشرقية.",
          "أعلنت الشركة عن أرباح قياسية هذا العام."]


def _archive(tmp_path: Path) -> marsad.MarsadArchive:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": f"a{i}", "source": f"s{i}", "date": f"2022-01-0{i}",
                                           "title": f"عنوان {i}", "text": t}) + b"\n"
                             for i, t in enumerate(_TEXTS, 1)))
    arc = marsad.open(tmp_path / "v.db")
    arc.ingest([str(src)], options=IngestOptions(workers=1, corpus=False))
    return arc


def test_threads_name_their_biggest_story_in_three_queries(tmp_path: Path) -> None:
    arc = _archive(tmp_path)
    cs = CorpusStore(arc)
    # story: (thread, size, first day, its member); ties of size go to the earliest first day,
    # then to the lowest number
    stories = {10: (1, 3, "2022-01-02", "a1"), 11: (1, 3, "2022-01-01", "a2"), 12: (1, 1, "2021-12-01", None),
               21: (2, 2, "2022-02-01", "a3"), 20: (2, 2, "2022-02-01", "a4"), 30: (3, 5, "2022-03-01", "a5")}
    cs.save_stories([(s, day, day, size, 1, None, 0, "[]", "") for s, (_t, size, day, _m) in stories.items()])
    cs.set_story_threads([(t, s) for s, (t, *_rest) in stories.items()])
    cs.save_threads([(t, "2022-01-01", "2022-03-01", n, 0, orjson.dumps([f"كلمة{t}"]).decode(), "")
                     for t, n in ((1, 3), (2, 2), (3, 2), (4, 2))])  # thread 4: no story stored
    arc.update_articles("story", [(s, arc.rowid_of(m)) for s, (*_rest, m) in stories.items() if m])

    queries: list[str] = []
    arc.con.set_trace_callback(queries.append)
    rows = list_threads(arc)
    arc.con.set_trace_callback(None)
    assert len(queries) == 3
    top = {r["thread"]: r["top_story"] for r in rows}
    assert [r["thread"] for r in rows] == [1, 2, 3, 4]
    assert {t: s and (s["story"], s["size"], s["first"]["id"]) for t, s in top.items()} == {
        1: (11, 3, "a2"), 2: (20, 2, "a4"), 3: (30, 5, "a5"), 4: None}
    # the rule it replaced: the first of the biggest among the thread's stories by first day, then number
    for t in (1, 2, 3):
        want = max(cs.thread_stories(t), key=lambda s: s["size"])
        assert top[t]["story"] == want["story"]
    assert rows[0]["terms"] == ["كلمة1"]
    arc.close()
