"""Training the sequence tagger: domain-augmented attributes folded into one model at export,
the document features of the stage-2 model, and the stage-2 decoder against CRFsuite's own.
Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.enrich.entities.crf import Decoder, FastCRF, export_crfsuite, train_crfsuite, with_docs
from marsad.enrich.entities.features import Lexicons, doc_features, keys, sequence_features

pycrfsuite = pytest.importorskip("pycrfsuite")


def test_document_features_read_the_other_occurrences() -> None:
    norms = [["قال", "سالم", "إن", "الوفد", "وصل"], ["وأكد", "وسالم", "أن", "القاهرة", "ترحب"],
             ["وقال", "الوفد", "إنه", "سيعود"]]
    tags = [["O", "B-PERS", "O", "O", "O"], ["O", "O", "O", "B-LOC", "O"], ["O", "O", "O", "O"]]
    d = doc_features(norms, tags)
    # سالم: tagged a person once, untagged once (with و): both occurrences see PERS (ties go to a type)
    assert d[0][1] == ("PERS", "PERS", None)
    assert d[1][1] == ("O", "PERS", None)
    # a word seen once has only its own stage-1 type; a word always untagged is O
    assert d[1][3] == ("LOC", None, None)
    assert d[0][3] == d[2][1] == ("O", "O", None)
    # another type among the occurrences when the majority is O
    tags2 = [["O", "O", "O", "O", "O"], ["O", "B-PERS", "O", "O", "O"], ["O", "O", "O", "O"]]
    norms2 = [["قال", "سالم", "إن", "سالم", "وصل"], *norms[1:]]
    assert doc_features(norms2, tags2)[0][1] == ("O", "O", "PERS")
    # the document of a token is the sentences within the window
    assert doc_features(norms, tags, window=0)[0][1] == ("PERS", None, None)
    assert doc_features(norms, tags, window=1)[0][1] == ("PERS", "PERS", None)
    assert doc_features(norms, tags, window=1)[2][1] == ("O", None, None)  # الوفد: two sentences away


def _sentences() -> tuple[list[list[str]], list[list[str]]]:
    words = [["قال", "سالم", "الحربي", "إن", "الرياض", "ترحب"], ["وزار", "سالم", "مدينة", "جدة", "أمس"],
             ["أعلنت", "شركة", "النور", "للطاقة", "أرباحها"], ["وقال", "الحربي", "إن", "النور", "تنمو"],
             ["وصل", "الوفد", "إلى", "جدة", "قادما", "من", "الرياض"]]
    tags = [["O", "B-PERS", "I-PERS", "O", "B-LOC", "O"], ["O", "B-PERS", "O", "B-LOC", "O"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "O"], ["O", "B-PERS", "O", "B-ORG", "O"],
            ["O", "O", "O", "B-LOC", "O", "O", "B-LOC"]]
    return words, tags


def test_domain_attributes_fold_into_the_target_domain(tmp_path: Path) -> None:
    words, tags = _sentences()
    lex = Lexicons(words={}, clusters={})
    xs = [sequence_features(w, [""] * len(w), lex) for w in words]
    doms = ["aner", "other", "aner", "other", "aner"]
    xs = [[f + [d + "|" + a for a in f] for f in x] for x, d in zip(xs, doms, strict=True)]
    train_crfsuite(xs, tags, tmp_path / "m.crfsuite", c1=0.0, c2=0.1, max_iterations=30)
    export_crfsuite(tmp_path / "m.crfsuite", tmp_path / "m.npz", domain="aner", other_domains=["other"])
    tg = pycrfsuite.Tagger()
    tg.open(str(tmp_path / "m.crfsuite"))
    state = tg.info().state_features
    m = FastCRF.load(tmp_path / "m.npz")
    assert not any("|" in a.split("=", 1)[0] for a in m.index)  # no domain attributes left
    y = m.labels.index("B-PERS")
    for a in ("0:w=سالم", "-1:w=قال", "1:w=الحربي"):
        want = state.get((a, "B-PERS"), 0.0) + state.get(("aner|" + a, "B-PERS"), 0.0)
        assert abs(float(m.W[m.index[a], y]) - want) < 1e-5
    # the exported model tags as CRFsuite does on the target domain's attributes
    xs_aner = [[f + ["aner|" + a for a in f] for f in sequence_features(w, [""] * len(w), lex)] for w in words]
    dec = Decoder(m, lex)
    assert dec.decode([keys(w, w, [""] * len(w)) for w in words]) == [tg.tag(x) for x in xs_aner]


def test_stage_two_decoder_is_crfsuite_on_document_features(tmp_path: Path) -> None:
    words, tags = _sentences()
    lex = Lexicons(words={}, clusters={})
    stage1 = [["O"] * len(t) for t in tags]
    stage1[0][1] = "B-PERS"  # سالم tagged once by "stage 1"
    docs = doc_features(words, stage1)
    xs = [sequence_features(w, [""] * len(w), lex, d) for w, d in zip(words, docs, strict=True)]
    assert "0:dm=PERS" in xs[1][1] and "0:y=O" in xs[1][1] and "-1:y=O" in xs[1][2]
    train_crfsuite(xs, tags, tmp_path / "d.crfsuite", c1=0.0, c2=0.1, max_iterations=30)
    export_crfsuite(tmp_path / "d.crfsuite", tmp_path / "d.npz")
    m = FastCRF.load(tmp_path / "d.npz")
    assert any(a.startswith("0:dm=") for a in m.index)
    tg = pycrfsuite.Tagger()
    tg.open(str(tmp_path / "d.crfsuite"))
    keyed = [keys(w, w, [""] * len(w)) for w in words]
    dec = Decoder(m, lex)
    got = dec.decode(with_docs(keyed, stage1))
    assert got == [tg.tag(x) for x in xs]
    # the emission blocks of the keys are the sums of their attributes' weights
    E = dec.emissions(with_docs(keyed, stage1))[1]
    want = np.zeros_like(E)
    for i, feats in enumerate(xs[1]):
        for a in feats:
            if a in m.index:
                want[i] += m.W[m.index[a]]
    assert np.allclose(E, want, atol=1e-5)


def test_tagger_runs_a_stage_two_model_beside_its_model(tmp_path: Path) -> None:
    from marsad.enrich.entities.crf import tag_keyed
    from marsad.enrich.entities.features import chunk, fast_keys, sentences, token_list
    from marsad.enrich.entities.tagger import EntityTagger

    words, tags = _sentences()
    lex = Lexicons(words={}, clusters={})
    xs = [sequence_features(w, [""] * len(w), lex) for w in words]
    train_crfsuite(xs, tags, tmp_path / "m.crfsuite", c1=0.0, c2=0.1, max_iterations=30)
    export_crfsuite(tmp_path / "m.crfsuite", tmp_path / "m.npz")
    plain = EntityTagger(model_path=tmp_path / "m.npz")
    assert plain.crf.doc_decoder is None
    docs = doc_features(words, plain.crf.tag(words))
    xs2 = [sequence_features(w, [""] * len(w), plain.crf.decoder.lex, d) for w, d in zip(words, docs, strict=True)]
    train_crfsuite(xs2, tags, tmp_path / "m-doc.crfsuite", c1=0.0, c2=0.1, max_iterations=30)
    export_crfsuite(tmp_path / "m-doc.crfsuite", tmp_path / "m-doc.npz")
    two = EntityTagger(model_path=tmp_path / "m.npz")
    assert two.crf.doc_decoder is not None
    text = "قال سالم الحربي إن الرياض ترحب. وزار سالم مدينة جدة أمس. وقال الحربي إن النور تنمو."
    toks = token_list(text)
    ranges = chunk(sentences(text, toks), toks)
    k = fast_keys(toks.texts, toks.norms, two.gaz.marks(toks.norms))
    want = [t for s in tag_keyed([k[a:b] for a, b in ranges], two.crf.decoder, two.crf.doc_decoder, None)
            for t in s]
    seen: list[str] = []
    orig = two.finder.find

    def spy(text, toks, tags, **kw):  # type: ignore[no-untyped-def]
        seen.extend(tags)
        return orig(text, toks, tags, **kw)

    two.finder.find = spy  # type: ignore[method-assign]
    two.analyze(text)
    assert seen == want
    # the CoNLL path: both stages, the document being the nearby sentences
    from marsad.text.normalize import normalize

    norms = [[normalize(x) for x in w] for w in words]
    assert two.tag_sentences(words) == tag_keyed(
        [keys(w, n, two.gaz.marks(n)) for w, n in zip(words, norms, strict=True)], two.crf.decoder, two.crf.doc_decoder)
