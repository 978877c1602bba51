"""Training the shipped NER model (``marsad train ner``): data, features, CRFsuite, export.

Data (train splits only; see ``../shared/data/README.md``):

* ANERcorp train (CC BY-SA 4.0) — PERS, LOC, ORG, MISC as they are;
* AQMAR (CC BY-SA 3.0), optional — PER→PERS; its MISC follows Wikipedia conventions, so it
  is mapped to O unless ``aqmar_misc`` is set;
* the Wojood sample train split (MIT), optional — PERS, ORG; GPE/LOC/FAC → LOC; NORP, OCC,
  dates and numbers → O (ANERcorp leaves nationality adjectives untagged);

Extra data is domain-augmented (Daumé, "Frustratingly easy domain adaptation", 2007): every
attribute appears twice, plain and prefixed by its sentence's corpus (``aner|``, ``aqmar|``,
``wojood|``); the export folds the ANERcorp copy into the plain weight and drops the others.

Two stages (Krishnan and Manning, "An effective two-stage model for exploiting non-local
dependencies in named entity recognition", 2006): the stage-1 model is the sentence tagger; the
stage-2 model (``ner-anercorp-doc.npz``, ANERcorp only) adds document features of the stage-1
tags (:func:`features.doc_features`). Its training tags come from stage-1 models that did not
see the sentences (five contiguous parts, each tagged by a model of the other four).

The model therefore carries CC BY-SA 4.0 (ANERcorp); ``data/models/README.md`` says so.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from marsad.enrich.entities.clusters import load_clusters
from marsad.enrich.entities.crf import (
    Decoder,
    FastCRF,
    Sentence,
    export_crfsuite,
    read_conll,
    tag_keyed,
    train_crfsuite,
)
from marsad.enrich.entities.features import (
    Doc,
    Lexicons,
    doc_features,
    keys,
    name_lexicon,
    sequence_features,
)
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.eval.ner import conll_f1
from marsad.text.normalize import normalize

ANER_TRAIN = "ner/anercorp/ANERcorp_camelstyle_train.conll"
ANER_TEST = "ner/anercorp/ANERcorp_camelstyle_test.conll"
AQMAR = "ner/aqmar/aqmar_all.conll"
WOJOOD_TRAIN = "ner/wojood_sample/wojood_sample_train.flat.conll"

_WOJOOD = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
           "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC"}


def _map(sents: list[Sentence], table: dict[str, str]) -> list[Sentence]:
    out = []
    for s in sents:
        ns = []
        prev = "O"
        for w, t in s:
            if t == "O":
                nt = "O"
            else:
                bi, typ = t.split("-", 1)
                m = table.get(typ)
                nt = f"{bi}-{m}" if m else "O"
                if nt.startswith("I-") and prev == "O":
                    nt = "B-" + nt[2:]
            ns.append((w, nt))
            prev = nt
        out.append(ns)
    return out


@dataclass(frozen=True)
class TrainOptions:
    aqmar: bool = False
    aqmar_misc: bool = False
    wojood: bool = False
    c1: float = 0.01  # L1; with the corpus-wide clusters a lighter L1 and more L2 did best on dev
    c2: float = 0.05
    max_iterations: int = 300
    keep_crfsuite: bool = False
    names: bool = True
    domains: bool = True  # extra data: each attribute also prefixed by its domain (Daumé 2007)
    doc: bool = False  # a stage-2 model with document features (Krishnan and Manning 2006)


def lexicons(gaz: Gazetteer, clusters_path: str | Path | None = None) -> Lexicons:
    return Lexicons(words=gaz.word_flags(), clusters=load_clusters(clusters_path))


def featurize(sents: Sequence[Sentence], gaz: Gazetteer, lex: Lexicons,
              docs: Sequence[Sequence[Doc]] | None = None) -> list[list[list[str]]]:
    xs = []
    for k, s in enumerate(sents):
        norms = [normalize(w) for w, _t in s]
        ks = keys([w for w, _t in s], norms, gaz.marks(norms))
        xs.append(sequence_features(norms, [m for _n, m in ks], lex, None if docs is None else docs[k]))
    return xs


def jackknifed(sents: Sequence[Sentence], gaz: Gazetteer, lex: Lexicons, *, names: bool = True,
               docs: Sequence[Sequence[Doc]] | None = None) -> tuple[list[list[list[str]]], Lexicons]:
    """Features of training sentences, and the lexicons to run the model with: each fifth of
    the sentences sees the name lexicon of the other four (the model must not learn to trust a
    lexicon that knows the very sentence it is reading)."""
    if not names:
        return featurize(sents, gaz, lex, docs), lex
    xs = []
    k = 5
    size = (len(sents) + k - 1) // k
    for f in range(k):
        part = slice(f * size, (f + 1) * size)
        rest = [*sents[: f * size], *sents[(f + 1) * size :]]
        xs += featurize(sents[part], gaz, replace(lex, names=name_lexicon(rest)),
                        None if docs is None else docs[part])
    return xs, replace(lex, names=name_lexicon(sents))


def extra_data(data: Path, opts: TrainOptions) -> list[tuple[str, list[Sentence]]]:
    """The extra training data ``opts`` asks for, as ``(domain, sentences)`` in ANERcorp's tags."""
    out = []
    if opts.aqmar and (data / AQMAR).exists():
        table = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}
        if opts.aqmar_misc:
            table["MISC"] = "MISC"
        out.append(("aqmar", _map(read_conll(data / AQMAR), table)))
    if opts.wojood and (data / WOJOOD_TRAIN).exists():
        out.append(("wojood", _map(read_conll(data / WOJOOD_TRAIN), _WOJOOD)))
    return out


def fit(sents: list[Sentence], data: Path, model_tmp: Path, out: Path, *, opts: TrainOptions, gaz: Gazetteer,
        lex: Lexicons, log: Any = None) -> Lexicons:
    """Train a model on ANERcorp sentences ``sents`` (plus the extra data ``opts`` asks for)
    into ``out``; return the lexicons the model is to be run with (its name lexicon added)."""
    t0 = time.monotonic()
    parts = [("aner", sents), *extra_data(data, opts)]
    allsents = [s for _d, ss in parts for s in ss]
    doms = [d for d, ss in parts for _s in ss]
    xs, lex = jackknifed(allsents, gaz, lex, names=opts.names)
    if len(parts) > 1 and opts.domains:
        xs = [[f + [d + "|" + a for a in f] for f in x] for x, d in zip(xs, doms, strict=True)]
    ys = [[t for _w, t in s] for s in allsents]
    if log:
        log(f"features for {len(allsents)} sentences in {time.monotonic() - t0:.1f}s")
    t1 = time.monotonic()
    train_crfsuite(xs, ys, model_tmp, c1=opts.c1, c2=opts.c2, max_iterations=opts.max_iterations)
    if log:
        log(f"trained in {time.monotonic() - t1:.1f}s")
    export_crfsuite(model_tmp, out, meta={"tagset": "ANERcorp", "licence": licence(opts), "options": repr(opts)},
                    names=lex.names, domain="aner" if len(parts) > 1 and opts.domains else None,
                    other_domains=[d for d, _ss in parts[1:]])
    return lex


def fit_doc(sents: list[Sentence], stage1: Sequence[Sequence[str]], model_tmp: Path, out: Path, *,
            opts: TrainOptions, gaz: Gazetteer, lex: Lexicons, log: Any = None) -> Lexicons:
    """Train the stage-2 model (document features from the stage-1 tags ``stage1`` of ``sents``,
    which must come from models that did not see those sentences) into ``out``."""
    docs = doc_features([[normalize(w) for w, _t in s] for s in sents], stage1)
    xs, lex = jackknifed(sents, gaz, lex, names=opts.names, docs=docs)
    ys = [[t for _w, t in s] for s in sents]
    t1 = time.monotonic()
    train_crfsuite(xs, ys, model_tmp, c1=opts.c1, c2=opts.c2, max_iterations=opts.max_iterations)
    if log:
        log(f"stage 2 trained in {time.monotonic() - t1:.1f}s")
    export_crfsuite(model_tmp, out, meta={"tagset": "ANERcorp", "licence": licence(opts), "options": repr(opts),
                                          "stage": "2"}, names=lex.names)
    return lex


def licence(opts: TrainOptions) -> str:
    """The licence the trained model carries (the share-alike of its CC BY-SA training data)."""
    return "CC BY-SA 4.0" + (" (ANERcorp); AQMAR CC BY-SA 3.0" if opts.aqmar else "") + (
        "; Wojood sample MIT" if opts.wojood else "")


def train(data: Path, out: Path, *, opts: TrainOptions | None = None, gaz: Gazetteer | None = None,
          clusters_path: str | Path | None = None, log: Any = print) -> dict[str, Any]:
    """Train on the train splits under ``data`` and write the model ``.npz`` to ``out``."""
    opts = opts or TrainOptions()
    gaz = gaz or Gazetteer.load()
    lex = lexicons(gaz, clusters_path)
    t0 = time.monotonic()
    sents = read_conll(data / ANER_TRAIN)
    tmp = out.with_suffix(".crfsuite")
    doc_out = doc_model_path(out)
    base = lex
    lex = fit(sents, data, tmp, out, opts=opts, gaz=gaz, lex=base, log=log)
    if not opts.keep_crfsuite:
        tmp.unlink(missing_ok=True)
    report: dict[str, Any] = {"sentences": len(sents), "attributes": len(FastCRF.load(out).index)}
    doc_dec = None
    if opts.doc:
        stage1 = stage1_tags(sents, data, out.with_suffix(".part.npz"), opts=opts, gaz=gaz, lex=base, log=log)
        dtmp = doc_out.with_suffix(".crfsuite")
        dlex = fit_doc(sents, stage1, dtmp, doc_out, opts=opts, gaz=gaz, lex=base, log=log)
        dtmp.unlink(missing_ok=True)
        doc_dec = Decoder(FastCRF.load(doc_out), dlex)
        report["attributes_stage2"] = len(doc_dec.m.index)
    else:
        doc_out.unlink(missing_ok=True)  # a stage-2 model beside a new stage 1 would not match it
    report["seconds"] = round(time.monotonic() - t0, 1)
    if (data / ANER_TEST).exists():
        report["anercorp_test"] = evaluate(data / ANER_TEST, FastCRF.load(out), gaz, lex, doc_dec)
        if opts.keep_crfsuite:
            report["crfsuite_check"] = _crfsuite_check(tmp, data / ANER_TEST, gaz, lex)
    return report


def doc_model_path(model: Path) -> Path:
    """Where the stage-2 model of a stage-1 model file lives (``ner-anercorp-doc.npz``)."""
    return model.with_name(model.stem + "-doc" + model.suffix)


def stage1_tags(sents: list[Sentence], data: Path, tmp_model: Path, *, opts: TrainOptions, gaz: Gazetteer,
                lex: Lexicons, k: int = 5, log: Any = None) -> list[list[str]]:
    """Stage-1 tags of training sentences that no model saw in training (jackknifed: each of
    ``k`` contiguous parts tagged by a stage-1 model trained on the others)."""
    size = (len(sents) + k - 1) // k
    out: list[list[str]] = []
    crfsuite_tmp = tmp_model.with_suffix(".crfsuite")
    for f in range(k):
        part, rest = sents[f * size : (f + 1) * size], sents[: f * size] + sents[(f + 1) * size :]
        plex = fit(rest, data, crfsuite_tmp, tmp_model, opts=opts, gaz=gaz, lex=lex)
        out += tag_conll_sentences([[w for w, _t in s] for s in part], Decoder(FastCRF.load(tmp_model), plex), gaz)
        if log:
            log(f"stage 1, part {f + 1} of {k} tagged")
    crfsuite_tmp.unlink(missing_ok=True)
    tmp_model.unlink(missing_ok=True)
    return out


def tag_conll_sentences(sents: Sequence[Sequence[str]], dec: Decoder, gaz: Gazetteer,
                        doc_dec: Decoder | None = None) -> list[list[str]]:
    keyed = []
    for s in sents:
        norms = [normalize(w) for w in s]
        keyed.append(keys(s, norms, gaz.marks(norms)))
    return tag_keyed(keyed, dec, doc_dec)


def evaluate(path: Path, model: FastCRF, gaz: Gazetteer, lex: Lexicons,
             doc_dec: Decoder | None = None) -> dict[str, Any]:
    gold = read_conll(path)
    dec = Decoder(model, lex)
    pred = tag_conll_sentences([[w for w, _t in s] for s in gold], dec, gaz, doc_dec)
    return conll_f1([[t for _w, t in s] for s in gold], pred).as_dict()


def _crfsuite_check(model: Path, path: Path, gaz: Gazetteer, lex: Lexicons) -> dict[str, Any]:
    """Score CRFsuite's own tagger on the same features (to check the numpy decoder)."""
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(str(model))
    gold = read_conll(path)
    xs = featurize(gold, gaz, lex)
    pred = [tg.tag(x) for x in xs]
    return conll_f1([[t for _w, t in s] for s in gold], pred).as_dict()["micro"]
