"""The story evaluation's per-article analysis: what ``marsad update`` gives the story features."""

from __future__ import annotations

from marsad.eval.stories import analyse, features_of, story_terms_async

DOC = {
    "id": "x1",
    "source": "okaz",
    "date": "2015-08-10",
    "title": "أمير منطقة تبوك يفتتح مستشفى جديدا",
    "text": "تبوك - واس\nافتتح أمير منطقة تبوك الأمير فهد بن سلطان اليوم الاثنين 10 أغسطس 2015 "
            "مستشفى الملك سلمان الجديد في مدينة تبوك بحضور وزير الصحة.",
}


def test_analysis_gives_entities_dates_place_and_a_clean_lead(tmp_path) -> None:
    cache = tmp_path / "analysis.jsonl"
    got = analyse([DOC], cache=cache, workers=1)["x1"]
    lead, mentions, timexes, place = got
    assert len(lead) == len(DOC["text"])  # same offsets: removed layers are blanked, not cut
    assert "واس" not in lead  # the dateline is not content
    assert any(m.endswith("تبوك") for m in mentions)
    assert "2015-08-10" in timexes
    assert place
    # a second run reads the cache, and a changed text is analysed anew
    assert analyse([DOC], cache=cache, workers=1)["x1"] == got
    changed = dict(DOC, text=DOC["text"].replace("تبوك", "جدة"))
    assert analyse([changed], cache=cache, workers=1)["x1"] != got
    assert cache.read_bytes().count(b"\n") == 2


def test_story_terms_carry_the_analysis() -> None:
    analysis = analyse([DOC], workers=1)
    (plain,) = features_of([DOC], story_terms_async([DOC], workers=1)(), {0: 0})
    (rich,) = features_of([DOC], story_terms_async([DOC], workers=1, analysis=analysis)(), {0: 0})
    assert not any(t[:2] in ("e:", "t:", "p:") for t in plain.terms)
    assert any(t.startswith("e:") for t in rich.terms)
    assert "t:2015-08-10" in rich.terms
    assert any(t.startswith("p:") for t in rich.terms)


def test_changed_analysers_analyse_again(tmp_path, monkeypatch) -> None:
    import marsad.eval.stories as es

    cache = tmp_path / "analysis.jsonl"
    first = analyse([DOC], cache=cache, workers=1)["x1"]
    assert cache.read_bytes().count(b"\n") == 1
    analyse([DOC], cache=cache, workers=1)
    assert cache.read_bytes().count(b"\n") == 1  # same analysers: read back
    monkeypatch.setattr(es, "_analysers_key", lambda: "another-model")
    assert analyse([DOC], cache=cache, workers=1)["x1"] == first
    assert cache.read_bytes().count(b"\n") == 2  # a stage or model changed: analysed anew


def test_annotator_agreement_scores_the_second_labels_against_the_first() -> None:
    from marsad.eval.stories import SECOND_ANNOTATION, annotator_agreement, load_gold

    first = [{"a": "p", "b": "q", "label": "copy"}, {"a": "r", "b": "s", "label": "same_story"},
             {"a": "t", "b": "u", "label": "related"}, {"a": "v", "b": "w", "label": "copy"}]
    second = [{"a": "p", "b": "q", "label": "copy"}, {"a": "r", "b": "s", "label": "copy"},
              {"a": "t", "b": "u", "label": "related"}, {"a": "v", "b": "w", "label": "same_story"}]
    ag = annotator_agreement(first, second)
    assert ag["pairs"] == 4 and ag["same_label"] == 0.5
    assert (ag["copy"]["tp"], ag["copy"]["fp"], ag["copy"]["fn"]) == (1, 1, 1)
    assert ag["same_story"]["f1"] == 1.0  # copy and same_story both count as one story
    # the shipped second annotation covers every held-out pair, with the same labels' vocabulary
    held, again = load_gold("pairs_test.jsonl"), load_gold(SECOND_ANNOTATION)
    assert [(g["a"], g["b"]) for g in again] == [(g["a"], g["b"]) for g in held]
    assert {g["label"] for g in again} <= {"copy", "same_story", "related", "unrelated"}
    assert annotator_agreement(held, again)["pairs"] == len(held)


def test_the_analysers_key_is_the_stage_versions(monkeypatch) -> None:
    """A bumped stage version (debris.v1 → debris.v2) makes a cache of the old analyses stale."""
    import marsad.pipeline.registry as reg
    from marsad.eval.stories import _analysers_key

    now = _analysers_key()
    old = [n.replace("debris.v2", "debris.v1").replace("entities.v2", "entities.v1") for n in reg.DEFAULT_SPEC]
    assert old != reg.DEFAULT_SPEC
    monkeypatch.setattr(reg, "DEFAULT_SPEC", old)
    assert _analysers_key() != now


def test_stages_the_stories_do_not_read_are_not_run_nor_in_the_key(monkeypatch) -> None:
    """A new events stage version keeps the cache: the story features read no event."""
    import marsad.pipeline.registry as reg
    from marsad.eval.stories import _analyse_one, _analysers_key, story_spec

    assert "entities.v2" in story_spec() and not any(s.startswith("events.") for s in story_spec())
    now = _analysers_key()
    monkeypatch.setattr(reg, "DEFAULT_SPEC", [n.replace("events.v1", "events.v9") for n in reg.DEFAULT_SPEC])
    assert _analysers_key() == now
    lead, mentions, timexes, place = _analyse_one({
        "text": "الرياض - واس\nاستقبل أمير منطقة الرياض اليوم الثلاثاء وفدا من رجال الأعمال في مقر الإمارة.",
        "date": "2015-08-11", "title": "أمير الرياض يستقبل وفدا", "source": "was"})
    assert any(m.startswith("gpe:") for m in mentions) and timexes and place
