"""Real articles end to end: a spread of records from each corpus of ``../shared/data/corpora``
goes through ``marsad ingest`` and ``marsad update`` the way a user runs them, and every record
must come out stored, dated, cleaned and exported, with no record error (skipped without
``../shared``).

The unit tests use articles written for them; this is the net for what only real text holds —
a sentence that ends on an organisation head, a feed's odd punctuation, a 40,000-character
page — which once crashed the entity rules on ingest while every unit test passed.
"""

from __future__ import annotations

import gzip
import json
from itertools import islice

import orjson
import pytest

from marsad.cli.main import main

#: records taken from each corpus, spread over its first ``SPAN`` lines (one every SPAN // PER)
PER = 120
SPAN = 6000


def _spread(path, per: int = PER, span: int = SPAN) -> list[dict]:
    step = max(1, span // per)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in islice(fh, 0, span, step)][:per]


@pytest.mark.shared
def test_real_articles_ingest_update_and_export_without_a_record_error(shared_data, tmp_path, capsysbinary):
    files = sorted((shared_data / "corpora").glob("*.jsonl.gz"))
    assert files, "no corpora in ../shared/data/corpora"
    recs = [r for f in files for r in _spread(f)]
    ids = {str(r["id"]) for r in recs}
    src = tmp_path / "real.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    db = str(tmp_path / "real.db")

    assert main(["ingest", "--archive", db, str(src), "--json", "--workers", "1", "--no-progress"]) == 0
    summary = json.loads(capsysbinary.readouterr().out)
    crashed = [e for e in summary["errors"] if "analysis failed" in e["message"]]
    assert not crashed, crashed
    # the only records turned away are those the corpora hold without text
    blank = {str(r["id"]) for r in recs if not (r.get("text") or "").strip()}
    assert summary["failed"] == len(blank) == sum(1 for e in summary["errors"] if e["message"] == "empty text")
    assert summary["stored"] + summary.get("duplicates", 0) == len(recs) - len(blank)
    ids -= blank

    assert main(["update", "--archive", db, "--json"]) == 0
    capsysbinary.readouterr()

    out = tmp_path / "articles.jsonl"
    assert main(["export", "--archive", db, "--table", "articles", "--format", "jsonl", "-o", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in rows} == ids
    # every article has its clean text, a publication time, a copy group and a story
    assert all(r["clean_text"].strip() for r in rows)
    assert all(r["published_at"] for r in rows)
    assert all(r["story"] is not None and r["copy_group"] is not None for r in rows)
    for table in ("mentions", "timexes", "spans"):
        p = tmp_path / f"{table}.jsonl"
        assert main(["export", "--archive", db, "--table", table, "--format", "jsonl", "-o", str(p)]) == 0
        assert p.read_text(encoding="utf-8").strip(), f"no {table} found in {len(rows)} real articles"
