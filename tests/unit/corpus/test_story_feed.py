"""The story feed: the story features read from the stored lead equal those of the whole clean
text; features and vectors computed ahead by a forked worker, or before the copies are found,
give the same batches and the same stories as those computed in the stage."""

from __future__ import annotations

from corpus_fixtures import archive_of, items

from marsad.corpus.clean_view import _MASKED, clean_texts
from marsad.corpus.copy_stage import update_copies
from marsad.corpus.features import article_terms, surface_words
from marsad.corpus.story_feed import _LEAD_CHARS, _story_features
from marsad.corpus.story_stage import update_stories
from marsad.store.corpus_store import CorpusStore


def test_story_features_read_from_the_lead_equal_those_of_the_whole_text(tmp_path) -> None:
    a = archive_of(tmp_path, "lead")
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


def test_story_features_computed_ahead_in_workers_give_the_same_stories(tmp_path) -> None:
    runs = []
    for workers in (1, 2, 3):  # in this process; a forked worker (one, whatever the cores)
        a = archive_of(tmp_path, f"w{workers}")
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
        a = archive_of(tmp_path, name)
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

    a = archive_of(tmp_path, "groups")
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

    a = archive_of(tmp_path, "prepared")
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

    a = archive_of(tmp_path, "moved")
    early = story_features_ahead(a, batch=4, workers=2)
    update_copies(a)
    update_stories(a, batch=5, workers=2, ahead=early)  # another batch size: computed anew
    assert early.feed is None  # closed
    want = archive_of(tmp_path, "plain")
    update_copies(want)
    update_stories(want, batch=5, workers=2)
    assert ({r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}
            == {r["id"]: r["story"] for r in want.iter_rows(columns=["id", "story"])})
    a.close()
    want.close()
