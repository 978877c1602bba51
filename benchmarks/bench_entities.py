"""marsad's entity tagger against what a user could otherwise run offline, side by side.

    python -m benchmarks.bench_entities [--articles 1500] [--skip-quality] [--stream 20000]

* marsad: model load time (a fresh process: import + load of the CRF, gazetteer, clusters),
  CPU ms per article and articles per second on a sample of ``../shared/data/corpora`` (the
  three corpora in turn, after a 200-article warm-up: many words are new to the per-word
  caches), the same articles a second time (every word seen: what a long ingest approaches),
  peak RSS, and a calibration loop (``sum(range(10**7))`` CPU seconds) to compare machines
  and loads;
* marsad over a long ingest (``--stream N``): the ``entities`` stage as ``marsad ingest``
  runs it (after the language, debris and dateline stages, on their masked text), over ``N``
  corpus records read by the JSON Lines reader and taken from the three corpora in turn, each
  in file order, in a fresh process pinned to one core with the caches as they are in
  production (bounded, starting empty): CPU ms per article over the whole stream (the "on
  average" figure) and per window of ``--window`` articles, with the resident memory at the
  end of each window (the caches' bounds keep it flat);
* baseline 1 — a plain gazetteer with Aho-Corasick (pyahocorasick over the same gazetteer's
  normalized names, word-boundary matches): the cheapest offline tagger a user can build;
* baseline 2 — CRFsuite's own tagger (python-crfsuite; what sklearn-crfsuite wraps) on the
  same features, to show what the numpy decoder saves; needs a ``.crfsuite`` model, trained
  here on ANERcorp train with a small iteration budget;
* quality of marsad and baseline 1 on the hand-annotated held-out news gold (span+type F1).

CAMeL Tools, SinaTools and Stanza download their Arabic NER models at run time (nothing of
theirs installs offline), and no Arabic NER model is on the package index: they are reported
as unavailable, not timed.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson

from benchmarks.common import CORPORA, ROOT, SHARED_DATA, emit, need_shared, peak_rss_mb


def _sample(n: int) -> list[str]:
    per = max(1, n // len(CORPORA))
    out: list[str] = []
    for p in CORPORA:
        with gzip.open(p, "rb") as fh:
            for k, line in enumerate(fh):
                if k >= per:
                    break
                out.append(orjson.loads(line).get("text", ""))
    return out


def _load_time() -> float:
    code = ("import time; t=time.perf_counter(); "
            "from marsad.enrich.entities.tagger import default_tagger; default_tagger(); "
            "print(time.perf_counter()-t)")
    best = min(float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                                    text=True, check=True).stdout) for _ in range(3))
    return round(best, 3)


def _time_marsad(texts: list[str]) -> dict:
    from marsad.enrich.entities.tagger import default_tagger

    tg = default_tagger()
    for t in texts[:200]:
        tg.spans(t)
    t0 = time.process_time()
    n_mentions = sum(len(tg.spans(t)) for t in texts)
    dt = time.process_time() - t0
    t0 = time.process_time()  # again: every word seen, as in a long ingest (per-word caches full)
    for t in texts:
        tg.spans(t)
    warm = time.process_time() - t0
    calib = time.process_time()
    sum(range(10**7))
    calib = time.process_time() - calib
    return {"articles": len(texts), "ms_per_article_cpu": round(1000 * dt / len(texts), 2),
            "articles_per_s_cpu": round(len(texts) / dt, 1), "mentions_per_article": round(n_mentions / len(texts), 1),
            "ms_per_article_cpu_words_seen": round(1000 * warm / len(texts), 2),
            "calibration_sum_range_1e7_s": round(calib, 3)}


def _rss_mb() -> float:
    """Resident memory now (Linux ``/proc``; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return round(int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


class _TimedStage:
    """A pipeline stage that adds up the CPU time of its ``run``."""

    def __init__(self, stage) -> None:  # type: ignore[no-untyped-def]
        self.stage = stage
        self.name, self.requires, self.provides = stage.name, stage.requires, stage.provides
        self.cpu = 0.0

    def run(self, doc) -> None:  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        self.stage.run(doc)
        self.cpu += time.process_time() - t0


def _stream_records(n: int):  # type: ignore[no-untyped-def]
    """The first ``n`` records of the corpora, one from each file in turn (each in file order),
    as the ingest reader yields them."""
    from marsad.ingest.readers import ReadOptions, read_jsonl
    from marsad.model import RawRecord

    readers = [read_jsonl(p, ReadOptions()) for p in CORPORA]
    recs = (r for r in itertools.chain.from_iterable(itertools.zip_longest(*readers))
            if isinstance(r, RawRecord))
    return itertools.islice(recs, n)


def _stream_child(n: int, window: int) -> dict:
    """The entity stage over ``n`` records in this (fresh) process, pinned to one core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from marsad.pipeline.core import Pipeline
    from marsad.pipeline.registry import STAGES, current
    from marsad.runners.local import fewer_collections

    t0 = time.process_time()
    timed = _TimedStage(STAGES[current("entities")].make())
    load = time.process_time() - t0
    pipe = Pipeline([*(STAGES[current(n)].make() for n in ("language", "debris", "dateline")), timed])
    windows = []
    done = 0
    last_cpu = 0.0
    mentions = 0
    with fewer_collections():  # as the ingest workers run a batch
        for rec in _stream_records(n):
            mentions += sum(s.layer == "mention" for s in pipe.run(rec).spans)
            done += 1
            if done % window == 0:
                windows.append({"articles": done,
                                "ms_per_article_cpu": round(1000 * (timed.cpu - last_cpu) / window, 2),
                                "rss_mb": _rss_mb()})
                last_cpu = timed.cpu
    calib = time.process_time()
    sum(range(10**7))
    calib = time.process_time() - calib
    return {"articles": done, "ms_per_article_cpu": round(1000 * timed.cpu / max(done, 1), 2),
            "mentions_per_article": round(mentions / max(done, 1), 1),
            "load_cpu_s": round(load, 3), "windows": windows, "peak_rss_mb": peak_rss_mb(),
            "calibration_sum_range_1e7_s": round(calib, 3)}


def _stream(n: int, window: int) -> dict:
    """:func:`_stream_child` in a fresh process (the caches start empty, as in an ingest)."""
    res = subprocess.run([sys.executable, "-m", "benchmarks.bench_entities", "--stream-child", str(n),
                          "--window", str(window)], cwd=ROOT, capture_output=True, text=True, check=True)
    return orjson.loads(res.stdout)


def _aho_tagger():  # type: ignore[no-untyped-def]
    import ahocorasick

    from marsad.enrich.entities.gazetteer import KIND_FLAG, Gazetteer

    gaz = Gazetteer.load()
    A = ahocorasick.Automaton()
    types = {"country": "GPE", "city": "GPE", "region": "LOC", "org": "ORG", "misc": "MISC"}
    for key, e in gaz.phrases.items():
        if e.kind in KIND_FLAG:
            A.add_word(" ".join(key), (len(" ".join(key)), types.get(e.kind, "MISC"), e.country))
    for w, e in gaz.nat.items():
        for form in (w, "ال" + w):
            A.add_word(form, (len(form), "NORP", e.country))
    A.make_automaton()

    from marsad.text.normalize import normalize_with_map

    def tag(text: str) -> list[dict]:
        norm, omap = normalize_with_map(text)
        out = []
        last = -1
        for end, (ln, typ, cc) in A.iter_long(norm):
            s, e = end - ln + 1, end + 1
            if s <= last or (s > 0 and norm[s - 1].isalnum()) or (e < len(norm) and norm[e].isalnum()):
                continue
            last = end
            a, b = omap.span(s, e)
            out.append({"start": a, "end": b, "type": typ, "entity": typ + ":" + norm[s:e], "country": cc or None})
        return out

    return tag


def _time_fn(fn, texts: list[str]) -> dict:  # type: ignore[no-untyped-def]
    for t in texts[:200]:
        fn(t)
    t0 = time.process_time()
    for t in texts:
        fn(t)
    dt = time.process_time() - t0
    return {"ms_per_article_cpu": round(1000 * dt / len(texts), 3), "articles_per_s_cpu": round(len(texts) / dt, 1)}


def _crfsuite_baseline(texts: list[str]) -> dict:
    """python-crfsuite's tagger on the same features (model trained here, 40 iterations)."""
    import tempfile

    import pycrfsuite

    from marsad.enrich.entities.crf import read_conll, train_crfsuite
    from marsad.enrich.entities.features import keys, sentences, sequence_features, tokenize
    from marsad.enrich.entities.tagger import default_tagger
    from marsad.enrich.entities.train import ANER_TRAIN, featurize

    tg = default_tagger()
    lex = tg.crf.decoder.lex
    sents = read_conll(SHARED_DATA / ANER_TRAIN)
    with tempfile.TemporaryDirectory() as d:
        model = Path(d) / "m.crfsuite"
        train_crfsuite(featurize(sents, tg.gaz, lex), [[t for _w, t in s] for s in sents], model,
                       max_iterations=40)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))

        def tag(text: str) -> int:
            toks = tokenize(text)
            norms = [t.norm for t in toks]
            ks = keys([t.text for t in toks], norms, tg.gaz.marks(norms))
            n = 0
            for a, b in sentences(text, toks):
                n += len(tagger.tag(sequence_features(norms[a:b], [m for _n, m in ks[a:b]], lex)))
            return n

        res = _time_fn(tag, texts[:400])
        tagger.close()
    res["note"] = "features + CRFsuite Viterbi per sentence; no news rules, no resolution"
    return res


def _quality(aho) -> dict:  # type: ignore[no-untyped-def]
    from importlib import resources

    import orjson as oj

    from marsad.eval.ner import evaluate_gold, load_corpus_texts, score_entities

    gold_path = resources.files("marsad") / "data" / "gold" / "entities_test.jsonl"
    marsad_r = evaluate_gold(gold_path, SHARED_DATA / "corpora")
    gold = [oj.loads(x) for x in gold_path.read_bytes().splitlines() if x.strip()]
    recs = load_corpus_texts(SHARED_DATA / "corpora", {g["id"] for g in gold})
    aho_r = score_entities(gold, {g["id"]: aho(recs[g["id"]]["text"]) for g in gold})
    return {"marsad": {"f1": marsad_r["mentions"]["micro"]["f1"], "b_cubed": marsad_r["b_cubed"]["f1"],
                       "country": marsad_r["country"]["accuracy_found"]},
            "gazetteer_aho_corasick": {"f1": aho_r["mentions"]["micro"]["f1"],
                                       "country": aho_r["country"]["accuracy_found"]}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--skip-crfsuite", action="store_true")
    ap.add_argument("--stream", type=int, default=0, help="also time the stage over this many records")
    ap.add_argument("--window", type=int, default=2000)
    ap.add_argument("--stream-child", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    need_shared()
    if args.stream_child:
        print(orjson.dumps(_stream_child(args.stream_child, args.window)).decode())
        return
    texts = _sample(args.articles)
    out: dict = {"load_seconds": _load_time()}
    out["marsad"] = _time_marsad(texts)
    out["marsad"]["peak_rss_mb"] = peak_rss_mb()
    if args.stream:
        out["marsad_stream"] = _stream(args.stream, args.window)
    aho = _aho_tagger()
    out["gazetteer_aho_corasick"] = _time_fn(aho, texts)
    if not args.skip_crfsuite:
        out["python_crfsuite_tagger"] = _crfsuite_baseline(texts)
    if not args.skip_quality:
        out["heldout_quality"] = _quality(aho)
    out["unavailable_offline"] = {
        "camel_tools": "downloads its NER model at run time (camel_data); nothing to run offline",
        "sinatools": "downloads its models at run time",
        "stanza": "downloads its Arabic models at run time",
        "package_index": "no Arabic NER model is installable as a package",
    }
    out["peak_rss_mb"] = peak_rss_mb()
    emit(out)


if __name__ == "__main__":
    main()
