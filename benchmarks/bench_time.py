"""marsad's time tagger against ``dateparser.search_dates``, side by side on the same articles.

    python benchmarks/bench_time.py [--repeat 5] [--throughput 2000]

Both read every hand-annotated gold article (dev + held-out) with the article's own date as
the base for relative expressions (marsad's anchor; dateparser's ``RELATIVE_BASE``), and
both are scored against the same gold spans:

* span P/R/F1, strict (same offsets) and lenient (overlap);
* value accuracy on strictly matched spans: marsad's TIMEX3 value must equal the gold value;
  dateparser returns a datetime, counted right when it agrees with the gold value at the gold
  value's granularity (day, month or year) — durations, sets and references it cannot express.

Speed is articles per second of CPU time (``time.process_time``: other work on the machine does
not count): marsad's best of ``--repeat`` passes (patterns compiled by a warm-up pass) against
dateparser's first pass (``speedup``) and against its best later pass, caches filled
(``speedup_vs_warm_dateparser``). ``--throughput`` also times marsad alone on that many corpus
articles (the ~1 ms/article budget).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import time
import warnings

from benchmarks.common import SHARED_DATA, emit, need_shared


def _base(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date[:10])


def _dp_value_ok(gold: str, d: dt.datetime) -> bool:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", gold):
        return d.date().isoformat() == gold[:10]
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return f"{d.year:04d}-{d.month:02d}" == gold
    if re.fullmatch(r"\d{4}", gold):
        return f"{d.year:04d}" == gold
    return False


def _dp_spans(text: str, found: list[tuple[str, dt.datetime]] | None) -> list[tuple[int, int, dt.datetime]]:
    out, pos = [], 0
    for sub, d in found or []:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        out.append((i, i + len(sub), d))
        pos = i + len(sub)
    return out


def _calibration() -> float:
    """Seconds (wall) for ``sum(range(10**7))``: how loaded the machine was (about 0.35 s idle
    on the development machine), so that runs under different loads can be compared."""
    t0 = time.perf_counter()
    sum(range(10**7))
    return round(time.perf_counter() - t0, 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--throughput", type=int, default=2000)
    ap.add_argument("--dp-warm", type=int, default=2, help="dateparser passes after the first")
    args = ap.parse_args()
    need_shared()

    from marsad.enrich.time.tagger import tagger
    from marsad.eval.time import Report, gold_articles, score_doc

    pairs = gold_articles(SHARED_DATA)
    docs = [(a["text"], a.get("date") or "", [(t["start"], t["end"], t["value"]) for t in g["timexes"]])
            for g, a in pairs]

    calib_before = _calibration()
    tg = tagger()
    tg.find("تمهيد: اليوم الثلاثاء 14 سبتمبر 2021")  # compile outside the timing
    best = float("inf")
    preds: list[list[tuple[int, int, str]]] = []
    for _ in range(args.repeat):
        t0 = time.process_time()
        preds = [[(s.start, s.end, s.value) for s in tg.tag(text, anchor=date[:10] or None)]
                 for text, date, _ in docs]
        best = min(best, time.process_time() - t0)
    mrep = Report()
    for (text, _, gold), pred in zip(docs, preds, strict=True):
        score_doc(mrep, text, gold, pred)

    import dateparser.search as dps

    warnings.filterwarnings("ignore")

    def dp_pass() -> tuple[float, list[list[tuple[int, int, dt.datetime]]]]:
        t0 = time.process_time()
        found = []
        for text, date, _ in docs:
            settings = {"RELATIVE_BASE": _base(date)} if date else {}
            found.append(_dp_spans(text, dps.search_dates(text, languages=["ar"], settings=settings)))
        return time.process_time() - t0, found

    dp_time, dp_found = dp_pass()  # the first pass, as a user running it once gets it
    dp_warm = min(dp_pass()[0] for _ in range(max(1, args.dp_warm)))
    drep = Report()
    for (text, _, gold), found in zip(docs, dp_found, strict=True):
        pred = [(s, e, "") for s, e, _ in found]
        score_doc(drep, text, gold, pred)
        # dateparser's values, scored at the gold value's granularity
        for gs, ge, gv in gold:
            for s, e, d in found:
                if s == gs and e == ge:
                    drep.strict.value_ok += _dp_value_ok(gv, d)
                    break
    drep.strict.value_n = drep.strict.tp

    n = len(docs)
    result = {
        "articles": n,
        "gold_spans": sum(len(g) for _, _, g in docs),
        "marsad": {"articles_per_s": round(n / best, 1), "ms_per_article": round(best / n * 1000, 3),
                   "strict": mrep.strict.as_dict(), "lenient": mrep.lenient.as_dict(values=False)},
        "dateparser": {"version": __import__("dateparser").__version__,
                       "articles_per_s": round(n / dp_time, 2), "ms_per_article": round(dp_time / n * 1000, 1),
                       "warm_ms_per_article": round(dp_warm / n * 1000, 1),
                       "strict": drep.strict.as_dict(), "lenient": drep.lenient.as_dict(values=False)},
        "speedup": round(dp_time / best, 1),
        "speedup_vs_warm_dateparser": round(dp_warm / best, 1),
        "timing": (f"CPU seconds (process_time); marsad: best of {args.repeat} passes after one warm-up; "
                   f"dateparser: its first pass (speedup), and best of {args.dp_warm} later passes "
                   "(speedup_vs_warm_dateparser, its caches filled)"),
    }
    result["load_calibration_s"] = {"before": calib_before, "after": _calibration(),
                                    "what": "wall seconds of sum(range(10**7)); higher = more load"}
    if args.throughput:
        texts = []
        with gzip.open(SHARED_DATA / "corpora" / "ant_v2.1_multisource.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= args.throughput:
                    break
        t0 = time.process_time()
        found = sum(len(tg.find(t)) for t in texts)
        el = time.process_time() - t0
        result["marsad_throughput"] = {
            "articles": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts)),
            "ms_per_article": round(el / len(texts) * 1000, 3), "articles_per_s": round(len(texts) / el, 1),
            "expressions": found}
    emit(result)


if __name__ == "__main__":
    main()
