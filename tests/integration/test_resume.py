"""Crash and resume: ``marsad ingest`` killed with SIGKILL mid-way, then run again, stores every
article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

import marsad

N = 3000
CITIES = ["القاهرة", "عمّان", "الرباط", "تونس", "بيروت", "الدوحة", "الرياض", "بغداد", "الجزائر", "مسقط"]
OFFICIALS = ["وزير المالية", "وزيرة الصحة", "محافظ البنك المركزي", "رئيس البلدية", "وزير النقل"]
TOPICS = ["خطة لتطوير الطرق", "برنامج لدعم المزارعين", "مشروع لتحلية المياه",
          "مبادرة لتشغيل الشباب", "صندوق لإعادة الإعمار"]


def write_corpus(path: Path) -> list[str]:
    """``N`` short, distinct articles written for this test."""
    ids = []
    with open(path, "wb") as f:
        for i in range(N):
            city, who, what = CITIES[i % 10], OFFICIALS[(i // 10) % 5], TOPICS[(i // 50) % 5]
            text = (f"{city} - أعلن {who} اليوم عن {what} بقيمة {i + 1} مليون، في خطوة قال إنها "
                    "تهدف إلى تحسين الخدمات.\n"
                    f"وأوضح في تصريح صحفي أن المرحلة الأولى من المشروع رقم {i + 1} ستبدأ خلال "
                    "الأسابيع المقبلة.")
            ids.append(f"r-{i:05d}")
            f.write(orjson.dumps({"id": ids[-1], "title": f"{who} يعلن {what} ({i + 1})",
                                  "source": "الوادي", "date": "2024-03-05", "text": text}) + b"\n")
    return ids


def stored_count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created yet, or busy


def ingest_cmd(db: Path, data: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "marsad.cli.main", "ingest", "--archive", str(db),
            "--workers", str(workers), "--no-progress", "--json", str(data),
            # the ingest machinery is under test, not the enrichment stages: keep it quick
            "--stages", "language.v1,debris.v6,dateline.v8,metadate.v1,index_terms.v2"]


@pytest.mark.parametrize("workers", [1, 2], ids=["inline", "pool"])
def test_kill_9_mid_ingest_then_resume(tmp_path, workers):
    data = tmp_path / "corpus.jsonl"
    ids = write_corpus(data)
    db = tmp_path / "archive.db"

    proc = subprocess.Popen(ingest_cmd(db, data, workers), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while stored_count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and any worker it started
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    after_kill = stored_count(db)
    assert 0 < after_kill < N

    done = subprocess.run(ingest_cmd(db, data, workers), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    summary = orjson.loads(done.stdout)
    assert summary["read"] == N
    assert summary["stored"] == N - after_kill
    assert summary["duplicates"] == after_kill
    assert summary["failed"] == 0

    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT id, count(*) FROM articles GROUP BY id").fetchall()
        assert sorted(r[0] for r in rows) == ids  # every id stored ...
        assert {r[1] for r in rows} == {1}  # ... exactly once
        assert con.execute("SELECT count(*) FROM aliases").fetchone()[0] == 0
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        runs = con.execute("SELECT run, finished_at, stored FROM ingest_runs ORDER BY run").fetchall()
        assert len(runs) == 2 and runs[0][1] is None and runs[1][2] == N - after_kill
    finally:
        con.close()
    # every stored article is searchable: its index row was written in the same transaction
    archive = marsad.open(db, readonly=True)
    try:
        assert archive.search("المشروع", limit=1)[1] == N
    finally:
        archive.close()
