"""The story evaluation's per-article analysis: what ``marsad update`` gives the story features."""

from __future__ import annotations

from marsad.eval.stories import analyse, clean_text, features_of, story_terms_async
from written import made_up_words

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
    lead, mentions, timexes, place, removed = got
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


def test_the_copies_read_the_clean_text_the_archive_fingerprints(tmp_path) -> None:
    """The bounds of the removed layers over the whole text (not the lead only) give the text
    the copy stage reads: the pipeline's mask, the same after a round trip through the cache."""
    from marsad.api import analyze_text
    from marsad.eval.stories import story_spec

    teaser = "\n\nاقرأ أيضا: وزير الصحة يزور مستشفيات المنطقة الشمالية"
    doc = dict(DOC, id="x2", text=DOC["text"] + " " + "وتضم المستشفى ثلاثمئة سرير. " * 40 + teaser)
    cache = tmp_path / "analysis.jsonl"
    fresh = analyse([doc], cache=cache, workers=1)
    again = analyse([doc], cache=cache, workers=1)
    assert fresh == again
    removed = fresh["x2"][4]
    assert any(a > 600 for a, _b in removed)  # the teaser at the end, past the lead
    text = clean_text(doc, fresh)
    assert len(text) == len(doc["text"]) and "اقرأ أيضا" not in text and "واس" not in text
    assert "ثلاثمئة سرير" in text
    # what the pipeline's fingerprint stage shingles (``doc.masked``)
    from marsad.clean.debris import mask

    art = analyze_text(doc["text"], published_at=doc["date"], title=doc["title"], source=doc["source"],
                       spec=story_spec())
    assert text == mask(doc["text"], art.spans)
    assert clean_text(doc, {}) == doc["text"]  # not analysed: the raw body


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
    """A bumped stage version (debris.v2 → debris.v6) makes a cache of the old analyses stale."""
    import re

    import marsad.pipeline.registry as reg
    from marsad.eval.stories import _analysers_key

    now = _analysers_key()
    # the cleaning and entity stages at an older version, whatever their current one
    old = [re.sub(r"^(debris|entities)\.v\d+$", r"\1.v1", n) for n in reg.DEFAULT_SPEC]
    assert old != reg.DEFAULT_SPEC
    monkeypatch.setattr(reg, "DEFAULT_SPEC", old)
    assert _analysers_key() != now


def test_stages_the_stories_do_not_read_are_not_run_nor_in_the_key(monkeypatch) -> None:
    """A new events stage version keeps the cache: the story features read no event."""
    import marsad.pipeline.registry as reg
    from marsad.eval.stories import _analyse_one, _analysers_key, story_spec

    assert any(s.startswith("entities.") for s in story_spec())
    assert not any(s.startswith("events.") for s in story_spec())
    now = _analysers_key()
    bumped = ["events.v1199" if n.startswith("events.") else n for n in reg.DEFAULT_SPEC]
    assert bumped != reg.DEFAULT_SPEC  # whatever the events stage's version is now
    monkeypatch.setattr(reg, "DEFAULT_SPEC", bumped)
    assert _analysers_key() == now
    lead, mentions, timexes, place, _removed = _analyse_one({
        "text": "الرياض - واس\nاستقبل أمير منطقة الرياض اليوم الثلاثاء وفدا من رجال الأعمال في مقر الإمارة.",
        "date": "2015-08-11", "title": "أمير الرياض يستقبل وفدا", "source": "was"})
    assert any(m.startswith("gpe:") for m in mentions) and timexes and place


def test_pair_block_scores_a_second_dev_split_with_the_thresholds_of_dev() -> None:
    from marsad.eval.stories import pair_block

    dev = [{"a": "a1", "b": "b1", "label": "copy"}, {"a": "a2", "b": "b2", "label": "same_story"},
           {"a": "a3", "b": "b3", "label": "related"}, {"a": "a4", "b": "b4", "label": "unrelated"}]
    dev2 = [{"a": "c1", "b": "d1", "label": "copy"}, {"a": "c2", "b": "d2", "label": "copy"},
            {"a": "c3", "b": "d3", "label": "related"}]
    cos = {("a1", "b1"): 0.9, ("a2", "b2"): 0.6, ("a3", "b3"): 0.3, ("a4", "b4"): 0.1,
           ("c1", "d1"): 0.95, ("c2", "d2"): 0.7, ("c3", "d3"): 0.85}
    names = ("copy", "copy_pair", "same_story")
    yes, no = dict.fromkeys(names, True), dict.fromkeys(names, False)
    pred = {("a1", "b1"): yes, ("a2", "b2"): {"copy": False, "copy_pair": False, "same_story": True},
            ("a3", "b3"): no, ("a4", "b4"): no, ("c1", "d1"): yes, ("c2", "d2"): no, ("c3", "d3"): yes}
    thresholds: dict[str, float] = {}
    d = pair_block(dev, pred, cos, thresholds)
    assert d["copy"]["f1"] == 1.0 and d["same_story"]["f1"] == 1.0
    assert d["labels"] == {"copy": 1, "same_story": 1, "related": 1, "unrelated": 1}
    assert thresholds == {"copy": 0.9, "same_story": 0.6}  # chosen on dev
    assert "best_on_this_split" not in d["tfidf_baseline_copy"]
    d2 = pair_block(dev2, pred, cos, thresholds)
    assert thresholds == {"copy": 0.9, "same_story": 0.6}  # applied, not chosen again
    assert (d2["copy"]["tp"], d2["copy"]["fp"], d2["copy"]["fn"]) == (1, 1, 1)
    assert d2["labels"]["copy"] == 2 and d2["labels"]["same_story"] == 0
    # dev's copy threshold 0.9 takes c1 only: one tp, c2 (0.7) missed, c3 (0.85, related) kept out
    b = d2["tfidf_baseline_copy"]
    assert (b["tp"], b["fp"], b["fn"], b["threshold"]) == (1, 0, 1, 0.9)
    assert b["best_on_this_split"] == 0.8  # a threshold of 0.7 would take c1, c2 and c3


def test_the_second_dev_split_is_fresh_and_well_formed() -> None:
    """pairs_dev2.jsonl: ids and labels (and a short reason) only, each article once, and no
    article of any other gold file of pairs or days."""
    from marsad.eval.stories import EXTRA_PAIR_SPLITS, gold_path, load_gold

    rows = load_gold(EXTRA_PAIR_SPLITS["dev2"])
    assert len(rows) == 150
    assert all(set(g) == {"a", "b", "label", "why"} for g in rows)
    assert {g["label"] for g in rows} == {"copy", "same_story", "related", "unrelated"}
    ids = [x for g in rows for x in (g["a"], g["b"])]
    assert len(ids) == len(set(ids))
    others: set[str] = set()
    for f in sorted(gold_path(".").glob("*.jsonl")):
        if f.name.startswith(("pairs_", "story_day_")) and f.name != EXTRA_PAIR_SPLITS["dev2"]:
            for g in load_gold(f.name):
                others.update(x for x in (g.get("a"), g.get("b"), g.get("id")) if x)
    assert others and not others & set(ids)


def test_the_system_finds_copies_on_the_clean_text() -> None:
    """run_system deduplicates what the archive's copy stage reads: with the analysis, two
    texts alike only by a block the pipeline removed (a related-items list) are no copies, and
    one report behind two different removed blocks is one; without it (raw bodies) the
    reverse."""
    from marsad.eval.stories import run_system

    block, other = made_up_words(1, 600), made_up_words(2, 600)
    body = [made_up_words(3 + i, 60) for i in range(3)]
    # (body, removed block): 0 and 1 alike by the block alone, 2 and 3 one report, two blocks
    parts = [(body[0], block), (body[1], block), (body[2], block), (body[2], other)]
    docs = [{"id": f"d{i}", "source": f"s{i}", "date": "2015-08-10", "title": f"عنوان {i}", "text": b + "\n\n" + x}
            for i, (b, x) in enumerate(parts)]
    analysis = {d["id"]: (d["text"][:600], (), (), "", ((len(b) + 2, len(d["text"])),))
                for d, (b, _x) in zip(docs, parts, strict=True)}
    raw = run_system(docs)["dedup"].group_of
    clean = run_system(docs, analysis=analysis)["dedup"].group_of
    assert raw[0] == raw[1] and raw[2] != raw[3]
    assert clean[0] != clean[1] and clean[2] == clean[3]


def test_analysis_reads_the_author_field_as_ingest_does(tmp_path) -> None:
    """The record's author field reaches the dateline stage as it does on ingest: a text with no
    dateline of its own takes the field's place, and a changed field is analysed anew."""
    doc = dict(DOC, id="x3", text=DOC["text"].replace("تبوك - واس\n", ""), author="جدة - سامي الكاتب")
    cache = tmp_path / "analysis.jsonl"
    assert analyse([dict(doc, author="")], cache=cache, workers=1)["x3"][3] == ""
    assert analyse([doc], cache=cache, workers=1)["x3"][3] == "جدة"
    assert analyse([dict(doc, author="أبها: الوطن")], cache=cache, workers=1)["x3"][3] == "أبها"
    assert cache.read_bytes().count(b"\n") == 3


def test_load_corpora_keeps_the_author_field(tmp_path) -> None:
    import gzip

    import orjson

    from marsad.eval.stories import load_corpora

    (tmp_path / "corpora").mkdir()
    with gzip.open(tmp_path / "corpora" / "c.jsonl.gz", "wb") as f:
        f.write(orjson.dumps({**DOC, "author": "واس - جدة"}) + b"\n" + orjson.dumps({**DOC, "id": "x9"}) + b"\n")
    assert [d["author"] for d in load_corpora(tmp_path)] == ["واس - جدة", ""]
