"""The stories stage over an archive: a later batch joins the stories an earlier one opened;
threads linked as stories close are the same with any workers, a stopped run leaves no link
to an unwritten thread and one stopped between its last two thread writes ends as one run never
stopped; the template counts it stores are the ones it loads."""

from __future__ import annotations

import sqlite3

import orjson
import pytest
from corpus_fixtures import archive_of, items

from marsad.corpus.copy_stage import update_copies
from marsad.corpus.story_stage import update_stories
from marsad.store.corpus_store import CorpusStore


def test_stories_in_small_batches_join_across_batches(tmp_path) -> None:
    """Batches of four articles: a later batch joins the stories an earlier one opened."""
    one = archive_of(tmp_path, "s1")
    update_copies(one)
    update_stories(one)
    two = archive_of(tmp_path, "s2")
    update_copies(two)
    update_stories(two, batch=4)
    with_story = {r["id"]: r["story"] for r in one.iter_rows(columns=["id", "story"])}
    assert all(v is not None for v in with_story.values())
    by_story: dict[int, set[str]] = {}
    for r in two.iter_rows(columns=["id", "story"]):
        by_story.setdefault(r["story"], set()).add(r["id"])
    assert {"wire", "independent"} <= by_story[next(s for s, ids in by_story.items() if "wire" in ids)]


def test_threads_linked_as_stories_close_are_the_same_with_any_workers(tmp_path, monkeypatch) -> None:
    """Closed stories handed to the linking as they close, mid-batch too, with features from
    this process or forked workers: the same stories, threads and links, row for row."""
    import marsad.corpus.story_stage as stage

    monkeypatch.setattr(stage, "_HAND_OVER", 1)  # every closed story handed over at once
    runs = []
    for workers in (1, 2, 3):
        a = archive_of(tmp_path, f"t{workers}")
        update_copies(a)
        got = update_stories(a, batch=4, workers=workers)
        stories = a._writer.execute("SELECT * FROM stories ORDER BY story").fetchall()
        threads = a._writer.execute("SELECT * FROM threads ORDER BY thread").fetchall()
        state = a._writer.execute("SELECT value FROM corpus_state WHERE name='threads'").fetchone()
        runs.append((got, [tuple(r) for r in stories], [tuple(r) for r in threads], tuple(state)))
        a.close()
    assert runs[0] == runs[1] == runs[2]
    got, stories, threads, _state = runs[0]
    assert got["threaded"] == len(stories) > 1
    assert all(r[6] is not None for r in stories)  # every story has its thread
    assert len(threads) > 1


def test_a_run_stopped_after_a_batch_leaves_no_link_to_an_unwritten_thread(tmp_path, monkeypatch) -> None:
    """Thread rows are written with the links of each batch: a run stopped before its end (here
    at its last save) keeps, for every story it linked, the thread the link names, and the next
    thread id beyond them; the next run goes on from there."""
    import marsad.corpus.story_stage as stage

    monkeypatch.setattr(stage, "_HAND_OVER", 1)
    real = stage._save_stories

    def stop_at_the_end(*args, final: bool, **kw):  # type: ignore[no-untyped-def]
        if final:
            raise KeyboardInterrupt
        return real(*args, final=final, **kw)

    a = archive_of(tmp_path, "stopped")
    update_copies(a)
    monkeypatch.setattr(stage, "_save_stories", stop_at_the_end)
    with pytest.raises(KeyboardInterrupt):
        update_stories(a, batch=2, workers=1)
    linked = {r[0] for r in a._writer.execute("SELECT DISTINCT thread FROM stories WHERE thread IS NOT NULL")}
    written = {r[0] for r in a._writer.execute("SELECT thread FROM threads")}
    assert linked and linked <= written
    next_id = orjson.loads(a._writer.execute("SELECT value FROM corpus_state WHERE name='threads'").fetchone()[0])
    assert next_id["next_id"] > max(written)
    monkeypatch.setattr(stage, "_save_stories", real)
    update_stories(a, batch=2, workers=1)  # the rest of the run, resumed
    rows = a._writer.execute("SELECT thread FROM stories").fetchall()
    assert all(r[0] is not None for r in rows)
    assert {r[0] for r in rows} <= {r[0] for r in a._writer.execute("SELECT thread FROM threads")}


def test_stories_store_the_template_counts_they_load(tmp_path) -> None:
    a = archive_of(tmp_path, "tc")
    update_copies(a)
    update_stories(a, batch=4)
    cs = CorpusStore(a)
    got = cs.load_template_counts(floor=0.0)
    recs = items()
    per_source: dict[str, int] = {}
    for r in recs:
        per_source[r["source"]] = per_source.get(r["source"], 0) + 1
    assert {s: v[1] for s, v in got.items()} == per_source
    assert all(0 < n <= v[1] for v in got.values() for n in v[3].values())


def test_each_article_is_weighed_once_when_no_worker_weighs_it(tmp_path, monkeypatch) -> None:
    """In this process (one worker, or a batch no worker prepared), a batch's articles are
    weighed once, before the clustering order is chosen (it reads whether each is
    template-like), not once for the order and again when clustered; the stories are the
    ones a forked worker's vectors give."""
    import marsad.corpus.stories as stories_mod
    import marsad.corpus.story_stage as stage

    weighed: list[int] = []
    real = stories_mod.article_vector

    def counted(f, *args, **kwargs):  # type: ignore[no-untyped-def]
        weighed.append(f.key)
        return real(f, *args, **kwargs)

    monkeypatch.setattr(stories_mod, "article_vector", counted)
    monkeypatch.setattr(stage, "article_vector", counted)
    monkeypatch.setattr(stories_mod, "template_like_of", lambda *a, **k: pytest.fail("weighed twice"))
    runs = []
    for workers in (1, 2):
        a = archive_of(tmp_path, f"once{workers}")
        update_copies(a)
        weighed.clear()
        update_stories(a, batch=4, workers=workers)
        if workers == 1:
            assert sorted(weighed) == sorted(set(weighed)) and len(weighed) == len(items())
        runs.append([tuple(r) for r in a._writer.execute("SELECT rowid, story FROM articles ORDER BY rowid")])
        a.close()
    assert runs[0] == runs[1]
    assert len({s for _k, s in runs[0]}) > 1


def _partition(a, column: str) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    by: dict[object, set[str]] = {}
    for r in a.iter_rows(columns=["id", column]):
        by.setdefault(r[column], set()).add(r["id"])
    return {frozenset(v) for v in by.values()}


def _threads(a) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    """The threads as sets of article ids."""
    by: dict[int, set[str]] = {}
    for aid, thread in a._writer.execute("SELECT a.id, s.thread FROM articles a JOIN stories s ON s.story = a.story"):
        by.setdefault(thread, set()).add(aid)
    return {frozenset(v) for v in by.values()}


def _ingest_rest(tmp_path, archive, recs) -> None:
    """A second ingest of ``recs`` into ``archive``, then its copies and stories (threads checked)."""
    from marsad.runners.local import IngestOptions

    rest = tmp_path / "rest.jsonl"
    rest.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    archive.ingest([str(rest)], options=IngestOptions(workers=1, corpus=False))
    update_copies(archive)
    update_stories(archive, workers=1)
    _consistent_threads(archive)


def _consistent_threads(a) -> None:  # type: ignore[no-untyped-def]
    """Every story is shown in a stored thread, and a thread counts the stories shown in it."""
    w = a._writer
    assert w.execute("SELECT count(*) FROM stories WHERE thread IS NULL OR thread NOT IN "
                     "(SELECT thread FROM threads)").fetchone()[0] == 0
    assert w.execute("SELECT count(*) FROM threads t WHERE stories != "
                     "(SELECT count(*) FROM stories s WHERE s.thread = t.thread)").fetchone()[0] == 0


def test_two_runs_give_the_stories_and_threads_of_one_cut_at_the_same_article(tmp_path) -> None:
    """An archive updated after each of two ingests has the copy groups, stories and threads of
    the same articles updated once with the stories' batches cut where the ingests were: the
    stories still open at the end of the first run are shown in a thread, but neither their
    stored state nor the threads' records the link, and they are linked when they close."""
    recs = items()
    k = len(recs) // 2
    one = archive_of(tmp_path, "one", recs=recs)
    update_copies(one)
    update_stories(one, batch=k, workers=1)
    two = archive_of(tmp_path, "two", recs=recs[:k])
    update_copies(two)
    update_stories(two, workers=1)
    opened = [orjson.loads(s) for _sid, s in CorpusStore(two).active_stories()]
    assert opened and all(st["t"] is None for st in opened)  # linked for the while only
    _consistent_threads(two)
    _ingest_rest(tmp_path, two, recs[k:])
    assert _partition(two, "copy_group") == _partition(one, "copy_group")
    assert _partition(two, "story") == _partition(one, "story")
    assert _threads(two) == _threads(one)
    one.close()
    two.close()


def _tables(a) -> tuple[list[tuple], list[tuple], list[tuple]]:  # type: ignore[no-untyped-def]
    """The stories, threads and thread states of an archive, row for row."""
    w = a._writer
    return ([tuple(r) for r in w.execute("SELECT * FROM stories ORDER BY story")],
            [tuple(r) for r in w.execute("SELECT * FROM threads ORDER BY thread")],
            [tuple(r) for r in w.execute("SELECT * FROM corpus_state WHERE name LIKE 'threads%' ORDER BY name")])


@pytest.mark.parametrize("reopen", [False, True])
def test_a_run_stopped_between_its_last_two_thread_writes_resumes_as_one_run(tmp_path, monkeypatch, reopen) -> None:
    """The end of a run writes threads twice: the threads its closed stories changed are
    recorded (``save_threads``), then the open stories are linked for the while and their
    threads shown (``show_threads``, :func:`_link_open`). A run stopped between the two writes
    has shown no thread for the while, and the next run (on the same connection, or on a new
    one after the stopped one closed) ends it as one run never stopped: the same stories,
    threads and thread states, row for row."""
    import marsad
    import marsad.corpus.story_stage as stage

    whole = archive_of(tmp_path, "whole")
    update_copies(whole)
    update_stories(whole, batch=4, workers=1)
    want = _tables(whole)
    whole.close()
    assert any(name == "threads_shown" for name, _v in want[2])

    a = archive_of(tmp_path, "cut")
    update_copies(a)
    real = stage._link_open

    def stop(*args, **kw):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(stage, "_link_open", stop)  # called right after the run's last save_threads
    with pytest.raises(KeyboardInterrupt):
        update_stories(a, batch=4, workers=1)
    monkeypatch.setattr(stage, "_link_open", real)
    if reopen:
        a.close()
        a = marsad.open(tmp_path / "cut.db")
    stopped = _tables(a)
    assert not any(name == "threads_shown" for name, _v in stopped[2]) and stopped != want
    update_stories(a, batch=4, workers=1)  # nothing left to cluster: the end of the run only
    assert _tables(a) == want
    a.close()


def test_a_thread_shown_for_open_stories_keeps_its_id_when_they_close(tmp_path, capsys) -> None:
    """A thread made only by stories still open at the end of a run (shown, not recorded) is
    the thread ``marsad thread ID`` finds after the next run closes them: the story that opened
    it opens it again under the same id, so a link to it stays good."""
    from marsad.cli.main import main

    recs = items()
    k = len(recs) // 2
    two = archive_of(tmp_path, "two", recs=recs[:k])
    update_copies(two)
    update_stories(two, workers=1)
    w = two._writer
    shown = {int(t): {int(s) for (s,) in w.execute("SELECT story FROM stories WHERE thread=?", (t,))}
             for (t,) in w.execute("SELECT thread FROM threads WHERE state=''")}
    assert shown  # threads of open stories only
    _ingest_rest(tmp_path, two, recs[k:])
    path = str(two.path)
    two.close()
    for tid, stories in shown.items():
        capsys.readouterr()
        assert main(["thread", "--archive", path, str(tid), "--json"]) == 0
        d = orjson.loads(capsys.readouterr().out)
        assert d["thread"] == tid and stories <= {s["story"] for s in d["timeline"]}


def test_a_thread_shown_whose_stories_joined_another_leads_to_it(tmp_path, capsys) -> None:
    """A thread shown for open stories that all joined other threads when they closed is
    dropped; its id leads to the thread its first story is in now, in ``marsad thread ID``
    and the web's /api/thread/ID (``moved_from`` says so), and an id never given is still
    "no thread"."""
    from fastapi.testclient import TestClient

    from marsad.cli.main import main
    from marsad.corpus.story_stage import _record_moves
    from marsad.web.app import create_app

    a = archive_of(tmp_path, "moved")
    update_copies(a)
    update_stories(a, workers=1)
    cs = CorpusStore(a)
    sid, tid = a._writer.execute("SELECT story, thread FROM stories WHERE thread IS NOT NULL "
                                 "ORDER BY story LIMIT 1").fetchone()
    gone = 10_000 + tid
    _record_moves(cs, [gone], {sid: gone, sid + 1: gone})
    cs.commit()
    path = str(a.path)
    a.close()
    capsys.readouterr()
    assert main(["thread", "--archive", path, str(gone), "--json"]) == 0
    d = orjson.loads(capsys.readouterr().out)
    assert d["thread"] == tid and d["moved_from"] == gone and sid in {s["story"] for s in d["timeline"]}
    assert main(["thread", "--archive", path, str(gone + 1), "--json"]) != 0
    with TestClient(create_app(path)) as c:
        th = c.get(f"/api/thread/{gone}").json()
        assert th["id"] == tid and th["moved_from"] == gone
        assert th["terms"] == d["terms"]  # the label words the CLI shows
        page = c.get(f"/thread/{gone}")
        assert page.status_code == 200 and 'id="thread-moved"' in page.text
        assert 'id="thread-moved"' not in c.get(f"/thread/{tid}").text
        assert c.get(f"/api/thread/{gone + 1}").status_code == 404
    # a move whose target is gone too is "no thread" of the id asked for, not of the target
    con = sqlite3.connect(path)
    con.execute("UPDATE corpus_state SET value = ? WHERE name = 'threads_moved'",
                (orjson.dumps({str(gone): gone + 7}).decode(),))
    con.commit()
    con.close()
    with TestClient(create_app(path)) as c:
        r = c.get(f"/api/thread/{gone}")
        assert r.status_code == 404 and str(gone) in r.text and str(gone + 7) not in r.text
