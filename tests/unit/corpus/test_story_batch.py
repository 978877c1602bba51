"""The batch form: runs of time blocks clustered in forked workers give the stories of one pass."""

from __future__ import annotations

from corpus_fixtures import features_of, items

from marsad.corpus.story_batch import cluster


def test_time_blocks_in_parallel_give_the_stories_of_one_pass() -> None:
    recs = items()
    late = [dict(r, id=r["id"] + "-late", date="2016" + r["date"][4:]) for r in recs]
    feats = features_of(recs + late)
    assert cluster(feats, workers=2) == cluster(feats)
