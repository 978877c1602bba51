"""``marsad eval events``: the split, the gold words, and pinned floors on the GSR's dev half."""

from __future__ import annotations

import json

from marsad.cli.main import main
from marsad.eval.events import _occurrences, gold_words, split_of


def test_split_is_stable_and_about_half():
    ids = [f"s{i}" for i in range(2000)]
    dev = [i for i in ids if split_of("PROTEST", i) == "dev"]
    assert dev == [i for i in ids if split_of("PROTEST", i) == "dev"]
    assert 900 < len(dev) < 1100
    assert {split_of("ASSAULT", i) for i in ids} == {"dev", "heldout"}
    # the same in every process and on every machine (a hash of the text, not Python's)
    pinned = {("PROTEST", "1"): "dev", ("PROTEST", "3"): "heldout", ("ASSAULT", "1"): "heldout",
              ("ASSAULT", "3"): "dev", ("ASSAULT", "101"): "dev", ("ASSAULT", "2024"): "heldout"}
    assert {k: split_of(*k) for k in pinned} == pinned


def test_gold_words_prefer_the_agreed_span():
    rec = {"verb_gold": "هاجم", "source_gold": "", "target_gold": "",
           "spans": [{"verb": ["هاجم", "القرية"], "source_actor": ["مسلحون", "مجهولون"], "target_actor": []},
                     {"verb": ["هاجم"], "source_actor": ["مسلحون"], "target_actor": []}]}
    assert gold_words(rec, "verb") == {"هاجم"}
    assert gold_words(rec, "source") == {"مسلحون", "مجهولون"}
    assert gold_words(rec, "target") == set()
    text = "هاجم مسلحون مجهولون القرية"
    assert _occurrences(text, {"مجهولون"}) == [(text.index("مجهولون"), text.index("مجهولون") + len("مجهولون"))]


def test_eval_events_on_the_dev_half_keeps_its_floors(shared_data, capsys):
    assert main(["eval", "events", "--split", "dev", "--json", "--data", str(shared_data)]) == 0
    r = json.loads(capsys.readouterr().out)
    assert set(r) >= {"dev", "timing", "split"} and "heldout" not in r
    # floors pinned from the figures in docs/events.md; lower one only on purpose
    assert r["dev"]["PROTEST"]["detection"]["f1"] >= 0.60
    assert r["dev"]["PROTEST"]["detection"]["precision"] >= 0.55
    assert r["dev"]["PROTEST"]["detection"]["recall"] >= 0.65
    assert r["dev"]["ASSAULT"]["detection"]["f1"] >= 0.50
    assert r["dev"]["ASSAULT"]["detection"]["precision"] >= 0.40
    assert r["dev"]["ASSAULT"]["detection"]["recall"] >= 0.70
    assert r["dev"]["ASSAULT"]["spans"]["trigger"]["rate"] >= 0.70
    assert r["dev"]["ASSAULT"]["spans"]["source"]["rate"] >= 0.35
    assert r["dev"]["ASSAULT"]["spans"]["target"]["rate"] >= 0.50  # events.v7: 0.56 (v3: 0.29)


def test_eval_events_without_the_data_is_one_clear_error(tmp_path, capsys):
    assert main(["eval", "events", "--data", str(tmp_path / "nope")]) == 1
    assert "no gold data" in capsys.readouterr().err
