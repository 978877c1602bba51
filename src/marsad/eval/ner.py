"""Named-entity scoring: exact span-and-type match, micro-averaged (as conlleval does), and B³
for grouping mentions into entities.

``conll_f1`` reads BIO tags the way conlleval does: an entity starts at ``B-x``, or at ``I-x``
after a different tag (IOB1 style), and ends where the next token is not ``I-x``. A predicted
entity counts as correct only when its start, end and type all equal a gold entity's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.eval.scores import PRF


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of every entity in a BIO tag sequence (conlleval's reading)."""
    out = []
    i, n = 0, len(tags)
    while i < n:
        t = tags[i]
        if t == "O" or "-" not in t:
            i += 1
            continue
        typ = t.split("-", 1)[1]
        j = i + 1
        while j < n and tags[j] == "I-" + typ:
            j += 1
        out.append((i, j, typ))
        i = j
    return out


@dataclass
class Scores:
    micro: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=dict)

    def add(self, gold: Iterable[tuple[Any, ...]], pred: Iterable[tuple[Any, ...]]) -> None:
        """Add one unit's gold and predicted entities (tuples ending with the type)."""
        g, p = Counter(gold), Counter(pred)
        for e in set(g) | set(p):
            typ = e[-1]
            tp = min(g[e], p[e])
            fp = p[e] - tp
            fn = g[e] - tp
            for acc in (self.micro, self.by_type.setdefault(typ, PRF())):
                acc.tp += tp
                acc.fp += fp
                acc.fn += fn

    def as_dict(self) -> dict[str, Any]:
        return {"micro": self.micro.as_dict(),
                "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())}}


def conll_f1(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Scores:
    """Exact-match entity scores of predicted tag sequences against gold ones."""
    sc = Scores()
    for k, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if len(g) != len(p):
            raise ValueError(f"sentence {k}: {len(g)} gold tags but {len(p)} predicted")
        sc.add([(k, *c) for c in chunks(g)], [(k, *c) for c in chunks(p)])
    return sc


def b_cubed(gold: dict[Any, Any], pred: dict[Any, Any]) -> dict[str, float]:
    """B³ precision/recall/F1 of a clustering of items: ``item → cluster id`` for gold and
    prediction, over the items both share (mention detection is scored separately)."""
    items = [i for i in gold if i in pred]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    gc: dict[Any, set[Any]] = {}
    pc: dict[Any, set[Any]] = {}
    for i in items:
        gc.setdefault(gold[i], set()).add(i)
        pc.setdefault(pred[i], set()).add(i)
    p = r = 0.0
    for i in items:
        G, P = gc[gold[i]], pc[pred[i]]
        inter = len(G & P)
        p += inter / len(P)
        r += inter / len(G)
    p /= len(items)
    r /= len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "items": len(items)}


# --- the entity gold set (articles of ../shared/data/corpora, annotated for marsad) -----------

SCORED_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP")


def load_corpus_texts(corpora: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    """``id → record`` for the wanted ids, read from the JSONL(.gz) files of a corpora folder."""
    import gzip
    from pathlib import Path

    import orjson

    out: dict[str, dict[str, Any]] = {}
    for p in sorted(Path(corpora).glob("*.jsonl*")):
        op = gzip.open if p.suffix == ".gz" else open
        with op(p, "rb") as fh:
            for line in fh:
                if len(out) == len(ids):
                    return out
                if not any(i.encode() in line for i in ids if i not in out):
                    continue
                d = orjson.loads(line)
                if d.get("id") in ids:
                    out[d["id"]] = d
    return out


def score_entities(gold: Sequence[dict[str, Any]], predicted: dict[str, Sequence[dict[str, Any]]]) -> dict[str, Any]:
    """Score predicted mentions (``id → [{start, end, type, entity, country}]``) against gold.

    * span-and-type F1 (micro) over :data:`SCORED_TYPES`; a gold MISC span is a no-score zone
      (predictions overlapping it count neither way), predicted MISC is ignored;
    * B³ over the mentions found with the exact gold span: gold ``entity`` vs predicted key;
    * country accuracy over gold GPE/NORP mentions found with the exact span (and over all).
    """
    sc = Scores()
    gclu: dict[tuple[str, int, int], str] = {}
    pclu: dict[tuple[str, int, int], str] = {}
    c_ok = c_found = c_all = 0
    for g in gold:
        aid = g["id"]
        gm = [m for m in g["mentions"] if m["type"] in SCORED_TYPES]
        skip = [(m["start"], m["end"]) for m in g["mentions"] if m["type"] not in SCORED_TYPES]
        pm = [m for m in predicted.get(aid, ()) if m["type"] in SCORED_TYPES
              and not any(m["start"] < e and s < m["end"] for s, e in skip)]
        sc.add([(aid, m["start"], m["end"], m["type"]) for m in gm],
               [(aid, m["start"], m["end"], m["type"]) for m in pm])
        by_span = {(m["start"], m["end"]): m for m in pm}
        for m in gm:
            k = (aid, m["start"], m["end"])
            p = by_span.get((m["start"], m["end"]))
            if p is not None:
                gclu[k] = aid + "/" + m["entity"]
                pclu[k] = aid + "/" + str(p.get("entity"))
            if m["type"] in ("GPE", "NORP"):
                c_all += 1
                if p is not None:
                    c_found += 1
                    if (p.get("country") or None) == (m.get("country") or None):
                        c_ok += 1
    return {
        "mentions": sc.as_dict(),
        "b_cubed": b_cubed(gclu, pclu),
        "country": {"accuracy_found": round(c_ok / c_found, 4) if c_found else 0.0,
                    "accuracy_all": round(c_ok / c_all, 4) if c_all else 0.0,
                    "found": c_found, "gold": c_all},
    }


def evaluate_gold(gold_path: Any, corpora: Any, *, spec: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the pipeline on the gold articles and score it (see :func:`score_entities`)."""
    import orjson

    from marsad.api import analyze_text
    from marsad.pipeline.output import analysis_json

    with open(gold_path, "rb") as fh:
        gold = [orjson.loads(line) for line in fh if line.strip()]
    recs = load_corpus_texts(corpora, {g["id"] for g in gold})
    missing = [g["id"] for g in gold if g["id"] not in recs]
    pred: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        r = recs.get(g["id"])
        if r is None:
            continue
        art = analyze_text(r["text"], title=r.get("title", ""), source=r.get("source", ""),
                           published_at=(r.get("date") or None), spec=spec)
        pred[g["id"]] = analysis_json(art)["mentions"]
    out = score_entities([g for g in gold if g["id"] in recs], pred)
    out["articles"] = len(pred)
    out["missing"] = missing
    return out
