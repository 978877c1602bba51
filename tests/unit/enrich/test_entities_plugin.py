"""The token-classification plug-in, on a tiny random BERT the test builds itself (no download)."""

from __future__ import annotations

from pathlib import Path

import pytest

transformers = pytest.importorskip("transformers")
torch = pytest.importorskip("torch")

LABELS = ["O", "B-PER", "I-PER", "B-GPE", "I-GPE", "B-ORG", "I-ORG"]
WORDS = ["روسيا", "وإيران", "بوتين", "قال", "إن", "في", "موسكو", "فلاديمير", "اليوم"]


def _tiny_model(tmp: Path, *, favour: str) -> Path:
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
    (tmp / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(tmp / "vocab.txt"), do_lower_case=False,
                            strip_accents=False, tokenize_chinese_chars=False)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=64, num_labels=len(LABELS),
                     id2label=dict(enumerate(LABELS)), label2id={v: i for i, v in enumerate(LABELS)})
    torch.manual_seed(0)
    model = BertForTokenClassification(cfg)
    with torch.no_grad():  # make one label win everywhere, so the expected output is known
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-5.0)
        model.classifier.bias[LABELS.index(favour)] = 5.0
    out = tmp / "model"
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def test_plugin_maps_labels_and_aligns_words(tmp_path: Path) -> None:
    from marsad.enrich.entities.plugin import TransformersTagger

    path = _tiny_model(tmp_path, favour="B-GPE")
    tg = TransformersTagger(path)
    tags = tg.tag([["روسيا", "وإيران", "كلمة_غير_معروفة"], ["بوتين"]])
    assert [len(t) for t in tags] == [3, 1]
    assert tags[0] == ["B-LOC", "B-LOC", "B-LOC"]  # GPE is written as ANERcorp's LOC


def test_plugin_feeds_the_entity_pipeline(tmp_path: Path) -> None:
    from marsad.enrich.entities.plugin import TransformersTagger
    from marsad.enrich.entities.tagger import EntityTagger

    tagger = EntityTagger(plugin=TransformersTagger(_tiny_model(tmp_path, favour="O")))
    text = "قال بوتين إن روسيا في موسكو"
    spans = tagger.spans(text)
    # the model says O everywhere: only gazetteer names (a country, a capital) remain
    found = {(text[s.start:s.end], s.label, s.attrs.get("country")) for s in spans}
    assert ("روسيا", "GPE", "RU") in found
    assert ("موسكو", "GPE", "RU") in found
    assert not any(lab == "PER" for _t, lab, _c in found)


def test_plugin_refuses_a_folder_without_a_model(tmp_path: Path) -> None:
    from marsad.enrich.entities.plugin import TransformersTagger
    from marsad.errors import ConfigError

    with pytest.raises(ConfigError):
        TransformersTagger(tmp_path)


def test_a_pipeline_is_built_once_per_state_of_its_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's cache of built pipelines (runners/local._pipeline) builds a spec once for
    one state of its model: a reanalysis' pre-check and its batches load the model once, and a
    model replaced or gone since is never served from the cache (the pre-check must fail on a
    missing one before anything is written)."""
    import os
    import shutil

    import marsad.runners.local as local
    from marsad.enrich.entities.stage import MODEL_ENV
    from marsad.errors import ConfigError

    spec = ("language.v1", "debris.v6", "dateline.v8", "entities.v10")
    path = _tiny_model(tmp_path, favour="O")
    monkeypatch.setattr(local, "_PIPELINES", {})
    monkeypatch.setenv(MODEL_ENV, str(path))
    first = local._pipeline(spec)
    assert local._pipeline(spec) is first  # built once: the model loaded once
    assert local._model_state(spec[:3]) is None and local._pipeline(spec[:3]) is not first
    weights = max(path.iterdir(), key=lambda f: f.stat().st_size)
    st = weights.stat()
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # the model replaced
    second = local._pipeline(spec)
    assert second is not first and local._pipeline(spec) is second
    shutil.rmtree(path)  # the model gone
    with pytest.raises(ConfigError, match="no token-classification model"):
        local._pipeline(spec)
