"""Scoring the time layer: span P/R/F1 and value accuracy on gold TIMEX3 annotations.

Two gold sources:

* marsad's own gold (``marsad/data/gold/time_{dev,heldout}.jsonl``): articles of
  ``../shared/data/corpora`` annotated by people following ``docs/time-guidelines.md``, stored
  as article ids + character offsets + type + value only (never the text: the text is read from
  the corpus, and its SHA-1 is checked so a changed corpus fails loudly). Each article is run
  through the cleaning and time stages with its metadata as the corpus gives it (a publication
  time for ANT, a crawl time for SaudiNewsNet), so values are scored as a user would get them.
* Wojood's DATE/TIME entities (``../shared/data/ner/wojood_sample/*test.flat.conll``): an
  independent check of spans only (Wojood has no values, and its span conventions differ: it
  often includes prepositions and parentheses, ``بتاريخ ( 27 / 9 / 1948 )``), so both strict
  (exact offsets) and lenient (any overlap) matching are reported.

Matching: a predicted span matches a gold span when the offsets are equal (strict) or overlap
(lenient); each gold span matches at most one prediction. Value accuracy is the share of
strictly matched spans whose normalised value is equal.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.eval.scores import PRF
from marsad.pipeline.registry import DEFAULT_SPEC

CORPUS_FILES = {
    "ant_v2.1_multisource": "ant_v2.1_multisource.jsonl.gz",
    "ant_v1.1_jawharafm": "ant_v1.1_jawharafm.jsonl.gz",
    "saudinewsnet": "saudinewsnet.jsonl.gz",
}
#: how each corpus's ``date`` field is to be read (SaudiNewsNet's is a crawl time)
DATE_KINDS = {"saudinewsnet": "crawl"}
SPLITS = ("dev", "heldout")
_ID = re.compile(r'"id":\s*"([^"]+)"')


@dataclass
class Score(PRF):
    """Span counts for one matching mode, plus value agreement on matched spans."""

    value_ok: int = 0
    value_n: int = 0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.value_n if self.value_n else 0.0

    def as_dict(self, *, values: bool = True) -> dict[str, Any]:  # type: ignore[override]
        d = super().as_dict()
        if values:
            d["value_accuracy"] = round(self.value_accuracy, 4)
            d["values_scored"] = self.value_n
        return d


@dataclass
class Report:
    strict: Score = field(default_factory=Score)
    lenient: Score = field(default_factory=Score)
    articles: int = 0
    pubdate_ok: int = 0
    pubdate_n: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = {"articles": self.articles, "strict": self.strict.as_dict(),
             "lenient": self.lenient.as_dict(values=False)}
        if self.pubdate_n:
            d["published_at_accuracy"] = round(self.pubdate_ok / self.pubdate_n, 4)
            d["published_at_scored"] = self.pubdate_n
        return d


def match_spans(
    gold: Sequence[tuple[int, int, str]],
    pred: Sequence[tuple[int, int, str]],
    *,
    lenient: bool,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (gold index, pred index), unmatched gold, unmatched pred (greedy, in text order)."""
    used: set[int] = set()
    pairs = []
    for gi, (gs, ge, _) in enumerate(gold):
        for pi, (ps, pe, _) in enumerate(pred):
            if pi in used:
                continue
            if (ps == gs and pe == ge) or (lenient and ps < ge and gs < pe):
                pairs.append((gi, pi))
                used.add(pi)
                break
    mg = {g for g, _ in pairs}
    return pairs, [i for i in range(len(gold)) if i not in mg], [i for i in range(len(pred)) if i not in used]


def score_doc(rep: Report, text: str, gold: Sequence[tuple[int, int, str]],
              pred: Sequence[tuple[int, int, str]], *, doc_id: str = "", keep_errors: bool = False) -> None:
    for mode, sc in (("strict", rep.strict), ("lenient", rep.lenient)):
        pairs, fn, fp = match_spans(gold, pred, lenient=mode == "lenient")
        sc.tp += len(pairs)
        sc.fn += len(fn)
        sc.fp += len(fp)
        if mode == "strict":
            for g, p in pairs:
                sc.value_n += 1
                ok = gold[g][2] == pred[p][2]
                sc.value_ok += ok
                if keep_errors and not ok:
                    rep.errors.append({"id": doc_id, "kind": "value", "text": text[gold[g][0]:gold[g][1]],
                                       "gold": gold[g][2], "pred": pred[p][2]})
            if keep_errors:
                for i in fn:
                    rep.errors.append({"id": doc_id, "kind": "missed", "text": text[gold[i][0]:gold[i][1]],
                                       "gold": gold[i][2], "span": gold[i][:2]})
                for i in fp:
                    rep.errors.append({"id": doc_id, "kind": "spurious", "text": text[pred[i][0]:pred[i][1]],
                                       "pred": pred[i][2], "span": pred[i][:2]})


# --- marsad's own gold -----------------------------------------------------------------------


def load_gold(split: str) -> list[dict[str, Any]]:
    """The gold records of ``split`` (``dev`` or ``heldout``) shipped in the package."""
    p = resources.files("marsad") / "data" / "gold" / f"time_{split}.jsonl"
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_articles(shared_data: Path, ids_by_corpus: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    """The corpus records with the given ids (one streaming pass per corpus file)."""
    out: dict[str, dict[str, Any]] = {}
    for corpus, ids in ids_by_corpus.items():
        path = shared_data / "corpora" / CORPUS_FILES[corpus]
        if not path.is_file():
            raise InputError(f"corpus file {path} is missing; the time gold needs ../shared/data")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                m = _ID.search(line, 0, 300)
                if m is None or m.group(1) not in ids:
                    continue
                d = json.loads(line)
                if d["id"] in ids and d["id"] not in out:
                    d["corpus"] = corpus
                    out[d["id"]] = d
    return out


def gold_articles(shared_data: Path, splits: Iterable[str] = SPLITS) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold record, corpus record) pairs, the text checked against the gold's SHA-1."""
    gold = [g for s in splits for g in load_gold(s)]
    ids: dict[str, set[str]] = {}
    for g in gold:
        ids.setdefault(g["corpus"], set()).add(g["id"])
    arts = load_articles(shared_data, ids)
    out = []
    for g in gold:
        a = arts.get(g["id"])
        if a is None:
            raise InputError(f"gold article {g['id']} is not in {g['corpus']}")
        if hashlib.sha1(a["text"].encode()).hexdigest() != g["text_sha1"]:
            raise InputError(f"the text of {g['id']} changed since it was annotated (SHA-1 differs)")
        out.append((g, a))
    return out


def analyse_record(a: dict[str, Any]) -> Any:
    """Run the time stages on a corpus record with its metadata as the corpus gives it."""
    from marsad.model import RawRecord
    from marsad.pipeline.registry import build

    rec = RawRecord(text=a["text"], id=a["id"], source=a.get("source", ""), url=a.get("url", ""),
                    title=a.get("title", ""), date=a.get("date", "") or "",
                    date_kind=DATE_KINDS.get(a["corpus"], "metadata"))
    return _pipeline(build).run(rec)


#: the stages the time layer needs (cleaning first: dateline and debris spans matter)
#: the default pipeline's stages that the time eval needs, at their current versions
TIME_SPEC = tuple(n for n in DEFAULT_SPEC if n.split(".")[0] in ("language", "debris", "dateline", "pubdate", "timex"))
_PIPE: list[Any] = []


def _pipeline(build: Callable[[list[str]], Any]) -> Any:
    if not _PIPE:
        _PIPE.append(build(list(TIME_SPEC)))
    return _PIPE[0]


def evaluate_gold(shared_data: Path, *, split: str, keep_errors: bool = False) -> Report:
    rep = Report()
    for g, a in gold_articles(shared_data, [split]):
        art = analyse_record(a)
        gold = [(t["start"], t["end"], t["value"]) for t in g["timexes"]]
        pred = [(s.start, s.end, s.value) for s in art.layer("timex")]
        score_doc(rep, a["text"], gold, pred, doc_id=g["id"], keep_errors=keep_errors)
        rep.articles += 1
        if g.get("published"):
            rep.pubdate_n += 1
            ok = (art.published_at or "")[:10] == g["published"]
            rep.pubdate_ok += ok
            if keep_errors and not ok:
                rep.errors.append({"id": g["id"], "kind": "published_at", "gold": g["published"],
                                   "pred": art.published_at, "source": art.published_at_source})
    return rep


# --- Wojood ----------------------------------------------------------------------------------


def wojood_sentences(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a flat Wojood CoNLL file as (text joined by spaces, DATE/TIME spans)."""
    out = []
    toks: list[tuple[str, str]] = []

    def flush() -> None:
        if not toks:
            return
        text, spans, pos = [], [], 0
        cur: list[Any] | None = None
        for tok, tag in toks:
            s, e = pos, pos + len(tok)
            text.append(tok)
            pos = e + 1
            typ = tag[2:] if tag[:2] in ("B-", "I-") else ""
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != typ)):
                if cur:
                    spans.append(tuple(cur))
                cur = [s, e, typ]
            elif tag.startswith("I-") and cur is not None:
                cur[1] = e
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = None
        if cur:
            spans.append(tuple(cur))
        out.append((" ".join(text), [(s, e, t) for s, e, t in spans if t in ("DATE", "TIME")]))
        toks.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            flush()
            continue
        toks.append((parts[0], parts[-1]))
    flush()
    return out


def evaluate_wojood(shared_data: Path, *, keep_errors: bool = False) -> Report:
    from marsad.enrich.time.tagger import tagger

    rep = Report()
    tg = tagger()
    for path in sorted((shared_data / "ner" / "wojood_sample").glob("*test.flat.conll")):
        for text, gold in wojood_sentences(path):
            pred = [(e.start, e.end, "") for e in tg.find(text)]
            score_doc(rep, text, [(s, e, "") for s, e, _ in gold], pred, keep_errors=keep_errors)
            rep.articles += 1
    return rep


def evaluate(shared_data: Path, *, keep_errors: bool = False) -> dict[str, Any]:
    """Every time score, as one JSON-able dict (what ``marsad eval time --json`` prints)."""
    t0 = time.monotonic()
    out: dict[str, Any] = {}
    errors: dict[str, list[dict[str, Any]]] = {}
    for split in SPLITS:
        rep = evaluate_gold(shared_data, split=split, keep_errors=keep_errors)
        out[split] = rep.as_dict()
        errors[split] = rep.errors
    w = evaluate_wojood(shared_data, keep_errors=keep_errors)
    out["wojood_test"] = {"sentences": w.articles, "strict": w.strict.as_dict(values=False),
                          "lenient": w.lenient.as_dict(values=False)}
    errors["wojood_test"] = w.errors
    out["seconds"] = round(time.monotonic() - t0, 2)
    if keep_errors:
        out["errors"] = errors
    return out
