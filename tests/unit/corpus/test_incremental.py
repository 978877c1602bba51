"""The corpus stages over an archive: masking from span bounds is :func:`mask`; copy groups do
not depend on how the new articles are cut into batches nor on whether their signatures were
stored; the story features read from the stored lead equal those of the whole clean text."""

from __future__ import annotations

import orjson
import pytest
from corpus_fixtures import digest_items, items
from hypothesis import given
from hypothesis import strategies as st

import marsad
from marsad.clean.debris import mask
from marsad.corpus.clean_view import _MASKED, clean_texts, mask_bounds
from marsad.corpus.copy_stage import update_copies
from marsad.corpus.features import article_terms, surface_words
from marsad.corpus.story_feed import _LEAD_CHARS, _story_features
from marsad.corpus.story_stage import update_stories
from marsad.model import Span
from marsad.runners.local import IngestOptions
from marsad.store.corpus_store import CorpusStore


@given(st.text(alphabet="اب \nج1", max_size=60),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=5))
def test_mask_bounds_is_mask(text: str, raw: list[tuple[int, int]]) -> None:
    bounds = [(a, min(a + n, len(text))) for a, n in raw if a <= len(text)]
    spans = [Span("debris", a, b, "", "") for a, b in bounds]
    assert mask_bounds(text, bounds) == mask(text, spans)


def _archive(tmp_path, name: str, *, defer: bool = True, recs: list[dict] | None = None):
    recs = items() if recs is None else recs
    path = tmp_path / f"{name}.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    a = marsad.open(tmp_path / f"{name}.db")
    a.ingest([str(path)], options=IngestOptions(workers=1, corpus=not defer))
    return a


def _groups(a) -> set[frozenset[str]]:
    by: dict[int, set[str]] = {}
    for r in a.iter_rows(columns=["id", "copy_group"]):
        by.setdefault(r["copy_group"], set()).add(r["id"])
    return {frozenset(v) for v in by.values()}


def test_copy_groups_do_not_depend_on_batches_or_stored_signatures(tmp_path) -> None:
    one = _archive(tmp_path, "one")
    update_copies(one)
    many = _archive(tmp_path, "many")
    # no stored signatures: computed from the clean text; batches of three against the stored bands
    many._writer.execute("UPDATE articles SET fingerprint = NULL")
    got = update_copies(many, batch=3, chunk=2)
    assert got["articles"] == len(items())
    assert _groups(one) == _groups(many)
    same = {"wire", "reprint-trimmed", "reprint-reordered", "reprint-of-reprint"}
    assert any(same <= g for g in _groups(one)), "the wire and its reprints are not one group"
    firsts = {r["id"] for r in one.iter_rows(columns=["id", "first_published", "copy_group"])
              if r["first_published"] == 1 and r["id"] in same}
    assert len(firsts) == 1
    # small chunks: half of the sentence keys come from a forked worker
    halves = _archive(tmp_path, "halves")
    update_copies(halves, chunk=2)
    assert _groups(halves) == _groups(one)
    # a second run finds nothing new and changes nothing
    assert update_copies(one) == {}
    assert _groups(one) == _groups(many)


def test_story_features_read_from_the_lead_equal_those_of_the_whole_text(tmp_path) -> None:
    a = _archive(tmp_path, "lead")
    cs = CorpusStore(a)
    got = cs.story_inputs_after(0, limit=100, prefix=_LEAD_CHARS)
    feats = {f.key: f for f in _story_features(cs, got)}
    full = clean_texts(cs, [r[0] for r in got])
    spans = cs.spans([r[0] for r in got], ("mention", "timex"))
    assert len(feats) == len(items())
    for r in got:
        k = r[0]
        sp = spans.get(k, [])
        terms, nums = article_terms(title=r[1] or "", body=full[k],
                                    mentions=[s.value for s in sp if s.layer == "mention"],
                                    timexes=[s.value for s in sp if s.layer == "timex"], place=r[4] or "")
        assert feats[k].terms == terms
        assert feats[k].numbers == nums
        assert feats[k].words == surface_words(r[1] or "", full[k][:600])
    assert set(_MASKED) >= {"debris", "dateline"}


def test_stories_in_small_batches_join_across_batches(tmp_path) -> None:
    """Batches of four articles: a later batch joins the stories an earlier one opened."""
    one = _archive(tmp_path, "s1")
    update_copies(one)
    update_stories(one)
    two = _archive(tmp_path, "s2")
    update_copies(two)
    update_stories(two, batch=4)
    with_story = {r["id"]: r["story"] for r in one.iter_rows(columns=["id", "story"])}
    assert all(v is not None for v in with_story.values())
    by_story: dict[int, set[str]] = {}
    for r in two.iter_rows(columns=["id", "story"]):
        by_story.setdefault(r["story"], set()).add(r["id"])
    assert {"wire", "independent"} <= by_story[next(s for s, ids in by_story.items() if "wire" in ids)]


def _cosine(a: dict[str, float], b: dict[str, float], keep) -> float:  # the definition, term by term
    dot = sum(v * b[t] for t, v in a.items() if t in b and keep(t))
    na = sum(v * v for t, v in a.items() if keep(t)) ** 0.5
    nb = sum(v * v for t, v in b.items() if keep(t)) ** 0.5
    return dot / (na * nb) if dot > 0 and na and nb else 0.0


def test_a_stored_group_is_joined_only_through_its_first_member(tmp_path) -> None:
    # the second item and the digest that prints both items are stored as one group (first
    # batch) before the first item arrives (second batch): it verifies against the digest but
    # not against the group's first member, so it stays apart
    from marsad.corpus.copy_rules import DedupParams

    one, two, digest = digest_items()
    got = {}
    for guard in (True, False):
        a = _archive(tmp_path, f"guard-{guard}", recs=[two, digest, one])
        update_copies(a, batch=2, params=DedupParams(chain_guard=guard))
        got[guard] = _groups(a)
    assert {"item-two", "digest"} in got[True] and {"item-one"} in got[True]
    # without the guard the stored group takes it in through the digest
    assert {"item-one", "item-two", "digest"} in got[False]


_TERMS = st.sampled_from(["e:a", "e:b", "p:x", "w1", "w2", "w3", "t:2015-08"])


@given(st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7),
       st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7))
def test_split_cosines_are_the_cosines_over_named_other_and_all_terms(a, b) -> None:
    from marsad.corpus.threads import split_cosines, split_norms

    named = lambda t: t.startswith(("e:", "p:"))  # noqa: E731
    got = split_cosines(a, b, split_norms(a), split_norms(b))
    want = (_cosine(a, b, named), _cosine(a, b, lambda t: not named(t)), _cosine(a, b, lambda t: True))
    assert got == pytest.approx(want, rel=1e-12, abs=1e-12)


@given(st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7),
       st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7))
def test_split_cosines_sum_the_shared_terms_in_the_first_vectors_order(a, b) -> None:
    # the threads a story joins must not depend on which vector is walked: the dot products
    # are the ones summed over ``a`` in its order, to the last bit
    from marsad.corpus.threads import split_cosines, split_norms

    dn = do = da = 0.0
    for t, v in a.items():
        if t in b:
            p = v * b[t]
            if t.startswith(("e:", "p:")):
                dn += p
            else:
                do += p
            da += p
    na, nb = split_norms(a), split_norms(b)
    want = tuple(d / (x * y) if d > 0 and x and y else 0.0 for d, x, y in zip((dn, do, da), na, nb, strict=True))
    assert split_cosines(a, b, na, nb) == want
    assert split_cosines(a, b, na, nb, {t: i for i, t in enumerate(a)}) == want


@given(st.lists(st.tuples(st.integers(0, 40), st.dictionaries(
    st.sampled_from([f"e:{i}" for i in range(6)] + [f"w{i}" for i in range(12)]), st.floats(0.1, 2.0),
    min_size=1, max_size=10)), min_size=1, max_size=25))
def test_thread_postings_hold_exactly_the_terms_of_the_active_centroids(stories) -> None:
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    linker = ThreadLinker(ThreadParams(threshold=0.05, min_actors=1, window_days=10, centroid_terms=3))
    day = 0
    for gap, centroid in stories:
        day += gap
        tid = linker.add(day, day, centroid, {t: t.upper() for t in centroid})
        th = linker.state.threads[tid]
        assert len(th.centroid) <= 6 and set(th.words) <= set(th.centroid)
    want = {(t, th.id) for th in linker.state.threads.values() for t in th.centroid}
    got = {(t, tid) for t, tids in linker.postings.items() for tid in tids}
    assert got == want
    for th in linker.state.threads.values():
        assert th.norm == pytest.approx(sum(v * v for v in th.centroid.values()) ** 0.5)


def test_story_features_computed_ahead_in_workers_give_the_same_stories(tmp_path) -> None:
    runs = []
    for workers in (1, 2, 3):  # in this process; a forked worker (one, whatever the cores)
        a = _archive(tmp_path, f"w{workers}")
        update_copies(a)
        got = update_stories(a, batch=4, workers=workers)
        assert got["articles"] == len(items())
        runs.append({r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])})
        a.close()
    assert runs[0] == runs[1] == runs[2]
    assert len(set(runs[0].values())) > 1


def test_story_features_computed_before_the_copies_give_the_same_stories(tmp_path) -> None:
    from marsad.corpus.story_feed import story_features_ahead

    def stories(name: str, *, ahead: bool) -> list[tuple[int, int | None, int]]:
        a = _archive(tmp_path, name)
        early = story_features_ahead(a, batch=4, workers=2) if ahead else None
        if early is not None:
            assert early.feed is not None and early.feed.pending  # the first batch is queued
        update_copies(a)
        update_stories(a, batch=4, workers=2, ahead=early)
        got = [tuple(r) for r in a._writer.execute("SELECT rowid, copy_group, story FROM articles ORDER BY rowid")]
        a.close()
        return got

    before, after = stories("after", ahead=False), stories("ahead", ahead=True)
    assert before == after
    # the first batch holds a copy: its group was set after its features were computed
    assert any(group is not None and group != rowid for rowid, group, _story in after[:4])


def test_story_features_computed_before_the_copies_carry_the_copy_groups_found_after(tmp_path) -> None:
    from marsad.corpus.story_feed import story_features_ahead

    a = _archive(tmp_path, "groups")
    early = story_features_ahead(a, batch=4, workers=2)
    update_copies(a)
    assert early.feed is not None
    feats = early.feed.next().feats
    early.close()
    stored = dict(a._writer.execute("SELECT rowid, copy_group FROM articles"))
    assert [f.copy_group for f in feats] == [stored[f.key] for f in feats]
    assert any(f.copy_group not in (None, f.key) for f in feats)  # a copy among them
    a.close()


def test_story_batches_prepared_by_the_worker_are_the_ones_prepared_here(tmp_path) -> None:
    """The forked worker counts each batch and weighs its articles under the state it was
    forked with (the batch before's): the same document frequencies, template counts and
    vectors as this process finds, batch after batch."""
    from marsad.corpus.stories import article_vector
    from marsad.corpus.story_feed import _advance, _story_state, story_features_ahead
    from marsad.corpus.story_record import StoryParams

    a = _archive(tmp_path, "prepared")
    update_copies(a)
    early = story_features_ahead(a, batch=4, workers=2)
    feed = early.feed
    assert feed is not None
    df, templates, params = _story_state(CorpusStore(a), StoryParams())
    for _batch in range(3):
        feed.chunks[-1][3].wait(60)  # the worker is done: this process computes nothing of the batch
        got = feed.next()
        assert got.vectors is not None and len(got.feats) == 4
        assert _advance(df, templates, got.feats, got.counts) == got.templates
        assert (feed.df.n, feed.df.df) == (df.n, df.df)
        assert got.vectors == [article_vector(f, df, templates, params) for f in got.feats]
        assert any(v.vec for v in got.vectors)
    early.close()
    a.close()


def test_story_features_ahead_of_another_start_are_left(tmp_path) -> None:
    from marsad.corpus.story_feed import story_features_ahead

    a = _archive(tmp_path, "moved")
    early = story_features_ahead(a, batch=4, workers=2)
    update_copies(a)
    update_stories(a, batch=5, workers=2, ahead=early)  # another batch size: computed anew
    assert early.feed is None  # closed
    want = _archive(tmp_path, "plain")
    update_copies(want)
    update_stories(want, batch=5, workers=2)
    assert ({r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}
            == {r["id"]: r["story"] for r in want.iter_rows(columns=["id", "story"])})
    a.close()
    want.close()


def test_threads_linked_as_stories_close_are_the_same_with_any_workers(tmp_path, monkeypatch) -> None:
    """Closed stories handed to the linking as they close, mid-batch too, with features from
    this process or forked workers: the same stories, threads and links, row for row."""
    import marsad.corpus.story_stage as stage

    monkeypatch.setattr(stage, "_HAND_OVER", 1)  # every closed story handed over at once
    runs = []
    for workers in (1, 2, 3):
        a = _archive(tmp_path, f"t{workers}")
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

    a = _archive(tmp_path, "stopped")
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


def test_rowids_at_offsets_count_from_the_next_article(tmp_path) -> None:
    from marsad.store.corpus_store import CorpusStore

    a = _archive(tmp_path, "off")
    cs = CorpusStore(a)
    rowids = [int(r[0]) for r in a._writer.execute("SELECT rowid FROM articles ORDER BY rowid")]
    assert cs.rowids_at_offsets(rowids[0], [0, 1, len(rowids) - 2, len(rowids) - 1]) == [
        rowids[1], rowids[2], rowids[-1], None]
    a.close()


def test_stored_signatures_unpacked_at_once_are_those_unpacked_one_by_one() -> None:
    import numpy as np

    from marsad.corpus.copy_stage import _signatures
    from marsad.corpus.minhash import MinHashParams, pack, unpack

    mp = MinHashParams()
    rng = np.random.default_rng(7)
    blobs = {k: pack(rng.integers(0, 2**32, mp.num_perm, dtype=np.uint64).astype(np.uint32),
                     int(rng.integers(0, 2**31)), mp) for k in (5, 2, 9, 40)}
    row, sig, sizes = _signatures(None, blobs, mp, 2)  # type: ignore[arg-type]  # no text is read
    for k, b in blobs.items():
        want_sig, want_n = unpack(b, mp)
        assert sig[row[k]].tolist() == want_sig.tolist() and int(sizes[row[k]]) == want_n
    assert sorted(row) == [2, 5, 9, 40]


def test_keys_stored_by_a_stopped_run_change_no_group(tmp_path) -> None:
    """The batch's keys are committed by a thread of their own before the groups: a run that
    stopped in between finds its own articles in ``lsh_bands`` and must not pair them (with
    one stored candidate a bucket, they would hide the wire from its reprints)."""
    import numpy as np

    from marsad.corpus.copy_rules import DedupParams
    from marsad.corpus.copy_stage import _all_span_keys, _write_keys
    from marsad.corpus.lsh import LSHParams, band_keys
    from marsad.runners.local import IngestOptions

    params = DedupParams(lsh=LSHParams(window=1))
    first, rest = items()[:1], items()[1:]  # the wire, then its reprints and the others

    def archive(name: str, *, stop: bool):
        a = _archive(tmp_path, name, recs=first)
        update_copies(a, params=params)
        path = tmp_path / f"{name}-rest.jsonl"
        path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rest))
        a.ingest([str(path)], options=IngestOptions(workers=1, corpus=False))
        if stop:  # the keys of the next batch stored, its groups not
            cs = CorpusStore(a)
            got = cs.fingerprints_after(int(cs.state("copies")["last_rowid"]), limit=1000)
            keys = [k for k, _p, _f in got]
            sig = np.stack([np.frombuffer(f, dtype="<u4", offset=8).astype(np.uint32) for _k, _p, f in got])
            _write_keys(cs, np.asarray(keys, dtype=np.int64), band_keys(sig, params.lsh),
                        _all_span_keys(cs, keys, params, chunk=2000))
            cs.commit()
        update_copies(a, params=params)
        return a

    whole, stopped = archive("whole", stop=False), archive("stopped", stop=True)
    assert any({"wire", "reprint-trimmed"} <= g for g in _groups(whole))
    assert _groups(stopped) == _groups(whole)


def test_template_counts_of_an_archive_made_before_article_counts_load(tmp_path) -> None:
    """An archive whose template counts hold days only (before migration 0006) gains the
    article column at 0: it loads, and counts articles from its next update on."""
    import sqlite3

    from marsad.store.archive import migrate
    from marsad.store.schema import MIGRATIONS

    con = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    old = [m for m in MIGRATIONS if m[0] != "0006_template_articles"]
    migrate(con, old)
    con.executemany("INSERT INTO source_term_days VALUES (?, ?, ?)",
                    [("paper", "#days", 10), ("paper", "كاريكاتير", 9), ("paper", "نادر", 1)])
    assert migrate(con) == ["0006_template_articles"]

    class _Archive:
        _writer = con

    cs = CorpusStore(_Archive())
    assert cs.load_template_counts(floor=0.3) == {"paper": (10, 0, {"كاريكاتير": 9}, {})}
    cs.add_template_counts({"paper": ({"#days": 1, "كاريكاتير": 1}, {"#days": 12, "كاريكاتير": 1})})
    assert cs.load_template_counts(floor=0.3) == {"paper": (11, 12, {"كاريكاتير": 10}, {"كاريكاتير": 1})}


def test_stories_store_the_template_counts_they_load(tmp_path) -> None:
    a = _archive(tmp_path, "tc")
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


def test_the_rewritten_lead_rule_joins_across_outlets_in_the_archive_too(tmp_path) -> None:
    # the same texts as the batch test of the rule (test_dedup): the archive's copy stage reads
    # the outlets from the store
    from corpus_fixtures import rewritten_pair

    from marsad.corpus.copy_rules import DedupParams

    on = DedupParams(head_found=0.4)
    wire, reprint = rewritten_pair()

    def groups(name: str, outlets: tuple[str, str], params: DedupParams) -> set[frozenset[str]]:
        recs = [{"id": "wire", "source": outlets[0], "date": "2015-08-10T08:00:00", "title": "محطة تبوك", "text": wire},
                {"id": "reprint", "source": outlets[1], "date": "2015-08-10T12:00:00", "title": "محطة شمسية",
                 "text": reprint}]
        a = _archive(tmp_path, name, recs=recs)
        update_copies(a, params=params)
        return _groups(a)

    assert groups("across", ("was", "okaz"), on) == {frozenset({"wire", "reprint"})}
    assert groups("one-outlet", ("okaz", "okaz"), on) == {frozenset({"wire"}), frozenset({"reprint"})}
    assert groups("off", ("was", "okaz"), DedupParams(head_found=None)) == {frozenset({"wire"}), frozenset({"reprint"})}
    assert groups("default", ("was", "okaz"), DedupParams()) == {frozenset({"wire", "reprint"})}
