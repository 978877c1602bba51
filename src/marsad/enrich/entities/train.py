"""Training the shipped NER model (``marsad train ner``): data, features, CRFsuite, export.

Data (train splits only; see ``../shared/data/README.md``):

* ANERcorp train (CC BY-SA 4.0) — PERS, LOC, ORG, MISC as they are;
* AQMAR (CC BY-SA 3.0), optional — PER→PERS; its MISC follows Wikipedia conventions, so it
  is mapped to O unless ``aqmar_misc`` is set;
* the Wojood sample train split (MIT), optional — PERS, ORG; GPE/LOC/FAC → LOC; NORP, OCC,
  dates and numbers → O (ANERcorp leaves nationality adjectives untagged);

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
    train_crfsuite,
)
from marsad.enrich.entities.features import Lexicons, keys, name_lexicon, sequence_features
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


def lexicons(gaz: Gazetteer, clusters_path: str | Path | None = None) -> Lexicons:
    return Lexicons(words=gaz.word_flags(), clusters=load_clusters(clusters_path))


def featurize(sents: Sequence[Sentence], gaz: Gazetteer, lex: Lexicons) -> list[list[list[str]]]:
    xs = []
    for s in sents:
        norms = [normalize(w) for w, _t in s]
        ks = keys([w for w, _t in s], norms, gaz.marks(norms))
        xs.append(sequence_features(norms, [m for _n, m in ks], lex))
    return xs


def training_data(data: Path, opts: TrainOptions) -> list[Sentence]:
    sents = read_conll(data / ANER_TRAIN)
    if opts.aqmar and (data / AQMAR).exists():
        table = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}
        if opts.aqmar_misc:
            table["MISC"] = "MISC"
        sents += _map(read_conll(data / AQMAR), table)
    if opts.wojood and (data / WOJOOD_TRAIN).exists():
        sents += _map(read_conll(data / WOJOOD_TRAIN), _WOJOOD)
    return sents


def train(data: Path, out: Path, *, opts: TrainOptions | None = None, gaz: Gazetteer | None = None,
          clusters_path: str | Path | None = None, log: Any = print) -> dict[str, Any]:
    """Train on the train splits under ``data`` and write the model ``.npz`` to ``out``."""
    opts = opts or TrainOptions()
    gaz = gaz or Gazetteer.load()
    lex = lexicons(gaz, clusters_path)
    t0 = time.monotonic()
    sents = training_data(data, opts)
    if opts.names:
        # jackknifed: each fifth of the training data sees the name lexicon of the other four
        xs = []
        k = 5
        size = (len(sents) + k - 1) // k
        for f in range(k):
            part = sents[f * size : (f + 1) * size]
            rest = sents[: f * size] + sents[(f + 1) * size :]
            xs += featurize(part, gaz, replace(lex, names=name_lexicon(rest)))
        lex = replace(lex, names=name_lexicon(sents))
    else:
        xs = featurize(sents, gaz, lex)
    ys = [[t for _w, t in s] for s in sents]
    log(f"features for {len(sents)} sentences in {time.monotonic() - t0:.1f}s")
    tmp = out.with_suffix(".crfsuite")
    t1 = time.monotonic()
    train_crfsuite(xs, ys, tmp, c1=opts.c1, c2=opts.c2, max_iterations=opts.max_iterations)
    log(f"trained in {time.monotonic() - t1:.1f}s")
    n = export_crfsuite(tmp, out, meta={"tagset": "ANERcorp", "licence": "CC BY-SA 4.0",
                                         "options": repr(opts)}, names=lex.names)
    if not opts.keep_crfsuite:
        tmp.unlink(missing_ok=True)
    report = {"sentences": len(sents), "attributes": n, "seconds": round(time.monotonic() - t0, 1)}
    if (data / ANER_TEST).exists():
        report["anercorp_test"] = evaluate(data / ANER_TEST, FastCRF.load(out), gaz, lex)
        if opts.keep_crfsuite:
            report["crfsuite_check"] = _crfsuite_check(tmp, data / ANER_TEST, gaz, lex)
    return report


def tag_conll_sentences(sents: Sequence[Sequence[str]], dec: Decoder, gaz: Gazetteer) -> list[list[str]]:
    keyed = []
    for s in sents:
        norms = [normalize(w) for w in s]
        keyed.append(keys(s, norms, gaz.marks(norms)))
    return dec.decode(keyed)


def evaluate(path: Path, model: FastCRF, gaz: Gazetteer, lex: Lexicons) -> dict[str, Any]:
    gold = read_conll(path)
    dec = Decoder(model, lex)
    pred = tag_conll_sentences([[w for w, _t in s] for s in gold], dec, gaz)
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
