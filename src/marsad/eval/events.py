"""Scoring the ``events`` stage on the Arabic event GSR (``../shared/data/events/arabic_event_gsr``).

The GSR has one CSV per PLOVER type (``protest_gsr.csv``, ``assault_gsr.csv``): sentences that
annotators labelled ``yes`` (unanimous accept), ``easy no``, ``difficult no`` or ``ambiguous``.
Each sentence is run alone through the per-article pipeline (no publication date), and the
sentence counts as predicted when an event of the file's type is found in it.

* **Detection**: ``yes`` is a positive, both ``no`` labels are negatives, ``ambiguous`` is left
  out; precision, recall and F1 per type.
* **Spans**: ``*_spans.json`` gives, for some accepted sentences, the words of the event verb and
  of the source and target actors (``verb_gold``/``source_gold``/``target_gold`` when the
  annotators agree, else the union of their spans). For the ``yes`` sentences where the event
  was found and the gold names the part, the rate at which marsad's trigger (source, target)
  overlaps an occurrence of a gold word in the sentence.

Split: a sentence is ``dev`` or ``heldout`` by the SHA-1 of its type and id (even first byte:
dev), so the split is stable and independent of file order. Develop on dev; read held-out once.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.eval.scores import PRF
from marsad.pipeline.registry import DEFAULT_SPEC

GSR = Path("events") / "arabic_event_gsr"
TYPES = {"PROTEST": "protest", "ASSAULT": "assault"}
SPLITS = ("dev", "heldout")
#: the pipeline each sentence runs through: the default spec up to its events stage
SPEC = DEFAULT_SPEC[: next(i for i, n in enumerate(DEFAULT_SPEC) if n.startswith("events.")) + 1]
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def split_of(event_type: str, sid: str) -> str:
    """``dev`` or ``heldout`` for a sentence id (stable: the SHA-1 of type and id)."""
    return "dev" if hashlib.sha1(f"{event_type}:{sid}".encode()).digest()[0] % 2 == 0 else "heldout"


def load(data: Path, event_type: str) -> tuple[list[dict[str, str]], dict[str, dict[str, Any]]]:
    """The GSR rows of one type and its span records keyed by sentence text."""
    folder = data / GSR
    name = TYPES[event_type]
    path = folder / f"{name}_gsr.csv"
    if not path.exists():
        raise InputError(f"no event GSR at {path}; pass --data the shared/data folder")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    spans: dict[str, dict[str, Any]] = {}
    sp = folder / f"{name}_spans.json"
    if sp.exists():
        for r in json.loads(sp.read_text(encoding="utf-8")):
            spans.setdefault(r["text"], r)
    return rows, spans


def gold_words(rec: dict[str, Any], part: str) -> set[str]:
    """The gold words of ``part`` (``verb``, ``source``, ``target``): the agreed words when the
    annotators agree on some, else every word any of them marked."""
    agreed = rec.get(f"{part}_gold") or ""
    if agreed.strip():
        return set(_WORD.findall(agreed))
    key = "verb" if part == "verb" else f"{part}_actor"
    return {w for s in rec.get("spans", []) for piece in s.get(key, []) for w in _WORD.findall(piece)}


def _occurrences(text: str, words: set[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group() in words]


def _overlaps(span: tuple[int, int] | None, occ: Iterable[tuple[int, int]]) -> bool:
    return span is not None and any(a < span[1] and span[0] < b for a, b in occ)


def evaluate(data: Path, *, splits: Iterable[str] = ("dev",), keep_errors: bool = False,
             limit: int = 0) -> dict[str, Any]:
    """Detection P/R/F1 and span match rates per type and split."""
    from marsad.model import RawRecord
    from marsad.pipeline.registry import build

    pipe = build(SPEC)
    wanted = list(splits)
    out: dict[str, Any] = {s: {} for s in wanted}
    errors: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    n_sent = 0
    for typ in TYPES:
        rows, spans = load(data, typ)
        for split in wanted:
            det = PRF()
            parts = {p: [0, 0] for p in ("trigger", "source", "target")}
            found_types: dict[str, int] = {}
            n = 0
            for r in rows:
                if split_of(typ, r["id"]) != split or r["label"] == "ambiguous":
                    continue
                if limit and n >= limit:
                    break
                n += 1
                text = r["text"]
                art = pipe.run(RawRecord(text=text, id=r["id"]))
                evs = [s for s in art.spans if s.layer == "event"]
                for e in evs:
                    found_types[e.label] = found_types.get(e.label, 0) + 1
                ev = next((e for e in evs if e.label == typ), None)
                gold = r["label"] == "yes"
                if gold and ev:
                    det.tp += 1
                elif gold:
                    det.fn += 1
                elif ev:
                    det.fp += 1
                if keep_errors and gold != bool(ev):
                    kind = "missed" if gold else f"spurious ({r['label']}; {text[ev.start:ev.end]})" if ev else ""
                    errors.setdefault(f"{split}/{typ}", []).append(f"{kind} {r['id'][:24]}")
                rec = spans.get(text)
                if gold and ev and rec:
                    got = {"trigger": (ev.start, ev.end),
                           "source": _pos(ev.attrs.get("source")), "target": _pos(ev.attrs.get("target"))}
                    for part, gpart in (("trigger", "verb"), ("source", "source"), ("target", "target")):
                        words = gold_words(rec, gpart)
                        if not words:
                            continue
                        parts[part][1] += 1
                        if _overlaps(got[part], _occurrences(text, words)):
                            parts[part][0] += 1
            n_sent += n
            out[split][typ] = {"detection": det.as_dict(), "sentences": n,
                               "spans": {p: {"matched": a, "scored": b, "rate": round(a / b, 4) if b else 0.0}
                                         for p, (a, b) in parts.items()},
                               "types_found": dict(sorted(found_types.items()))}
    secs = time.perf_counter() - t0
    out["timing"] = {"sentences": n_sent, "seconds": round(secs, 2),
                     "ms_per_sentence": round(1000 * secs / n_sent, 2) if n_sent else 0.0}
    out["split"] = "SHA-1 of 'TYPE:id', even first byte = dev"
    if keep_errors:
        out["errors"] = errors
    return out


def _pos(actor: dict[str, Any] | None) -> tuple[int, int] | None:
    return (actor["start"], actor["end"]) if actor else None
