"""Search latency over 50 varied queries on an archive (default: a full-corpus archive).

    python benchmarks/bench_search.py --archive /tmp/full.db [--repeat 3]

Prints p50/p95/max in milliseconds for hits (top 10, with snippets) and, separately, for
counts by source (facets), as JSON.
"""

from __future__ import annotations

import argparse
import time

import marsad
from benchmarks.common import emit, percentile

QUERIES = [
    "السعودية", "الرئيس", "روسيا", "إيران", "ترامب", "الحوثيين", "داعش", "النفط", "كورونا",
    "الاتحاد الأوروبي", '"وزارة الخارجية"', '"مجلس الأمن"', "اليمن OR سوريا", "القدس",
    "الأمم المتحدة", "كرة القدم", "الهلال", "برشلونة", "الأسهم", "البورصة", "الذهب",
    "التعليم", "وزارة الصحة", "مستشفى", "حريق", "زلزال", "الانتخابات", "البرلمان",
    "تونس", "المغرب", "الجزائر", "مصر", "السيسي", "أردوغان", "بوتين", "قطر", "الإمارات",
    "المفاوضات", "اتفاق نووي", "الحرس الثوري", '"خادم الحرمين الشريفين"', "الملك سلمان",
    "ولي العهد", "الطاقة المتجددة", "السياحة", "الإرهاب -داعش", "اللاجئين", "فلسطين",
    "الاحتلال الإسرائيلي", "صندوق النقد الدولي",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    arc = marsad.open(args.archive, readonly=True)
    hits_ms: list[float] = []
    facet_ms: list[float] = []
    arc.search("تسخين", limit=1)  # open caches once
    for _ in range(args.repeat):
        for q in QUERIES:
            t = time.perf_counter()
            arc.search(q, limit=10)
            hits_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            arc.counts(q, by="source")
            facet_ms.append((time.perf_counter() - t) * 1000)
    emit({
        "benchmark": "search",
        "archive": args.archive,
        "articles": arc.count(),
        "queries": len(QUERIES),
        "runs": len(hits_ms),
        "search_ms": {"p50": round(percentile(hits_ms, 50), 2), "p95": round(percentile(hits_ms, 95), 2),
                      "max": round(max(hits_ms), 2)},
        "counts_by_source_ms": {"p50": round(percentile(facet_ms, 50), 2),
                                "p95": round(percentile(facet_ms, 95), 2), "max": round(max(facet_ms), 2)},
    })


if __name__ == "__main__":
    main()
