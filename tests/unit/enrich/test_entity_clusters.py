"""Word clusters built from a small corpus written for this test: words used in the same slots
share clusters, the build is deterministic, and a repeated article counts once."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import orjson

from marsad.enrich.entities.clusters import build, load_clusters

NAMES = ["سمير", "كريم", "نادر", "هشام", "وليد", "ماجد"]
CITIES = ["طنطا", "صفاقس", "نابلس", "مراكش", "حمص", "اربيل"]


def _corpus(path: Path, *, copies: int = 1) -> Path:
    rng = random.Random(3)
    lines = []
    for k in range(300):
        who, where = rng.choice(NAMES), rng.choice(CITIES)
        text = (f"قال المسؤول {who} امس في مدينة {where} ان الوضع هادئ . "
                f"وزار {who} السوق في {where} صباح اليوم .")
        lines += [orjson.dumps({"id": str(k), "text": text})] * (copies if k == 0 else 1)
    with gzip.open(path, "wb") as fh:
        fh.write(b"\n".join(lines) + b"\n")
    return path


def _build(tmp_path: Path, name: str, corpus: Path) -> Path:
    out = tmp_path / name
    build(out, [corpus], vocab=200, contexts=50, dims=4, ks=(2, 4), seed=5)
    return out


def test_names_and_places_fall_into_different_clusters(tmp_path: Path) -> None:
    out = _build(tmp_path, "c.tsv.gz", _corpus(tmp_path / "a.jsonl.gz"))
    cl = load_clusters(out)
    names = {cl[w][1] for w in NAMES}  # the finer of the two levels
    cities = {cl[w][1] for w in CITIES}
    assert len(names) == 1 and len(cities) == 1
    assert names != cities
    assert cl["قال"][1] not in names | cities
    # two cluster levels, then frequency class and article ratio (names never take ال)
    assert len(cl["سمير"]) == 4 and cl["سمير"][3] == "a0"
    assert cl["السوق"][3] == "a3"


def test_build_is_deterministic_and_reads_a_repeated_article_once(tmp_path: Path) -> None:
    once = _build(tmp_path, "1.tsv.gz", _corpus(tmp_path / "a.jsonl.gz"))
    again = _build(tmp_path, "2.tsv.gz", _corpus(tmp_path / "a.jsonl.gz"))
    repeated = _build(tmp_path, "3.tsv.gz", _corpus(tmp_path / "b.jsonl.gz", copies=50))
    text = gzip.decompress(once.read_bytes())
    assert text == gzip.decompress(again.read_bytes())
    assert text == gzip.decompress(repeated.read_bytes())
