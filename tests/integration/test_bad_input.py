"""Bad input through ``marsad ingest``: one clear line per problem naming the file or record,
the rest of the batch goes on, the summary counts it, nothing stored is lost, and the exit code
is non-zero only when nothing could be ingested (or with ``--strict``)."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest

from marsad.cli.main import main

ARTICLES = [
    "الخرطوم - أعلنت السلطات السودانية اليوم فتح معبر حدودي جديد لتسهيل عبور الشاحنات التجارية.\n"
    "وقال مسؤول في وزارة التجارة إن المعبر سيعمل على مدار الساعة.",
    "نواكشوط - انطلقت في العاصمة الموريتانية فعاليات مهرجان المدن القديمة بمشاركة فرق من عدة دول.\n"
    "ويستمر المهرجان أسبوعا كاملا.",
    "صنعاء - حذرت منظمات إغاثية من نقص حاد في مياه الشرب في عدد من المحافظات اليمنية.\n"
    "ودعت المانحين إلى سد فجوة التمويل قبل حلول الصيف.",
    "طرابلس - وقعت الحكومة الليبية اتفاقا مع شركة أجنبية لصيانة محطات الكهرباء في الغرب.\n"
    "ومن المتوقع أن ينتهي العمل خلال عام.",
    "المنامة - افتتح في البحرين معرض للكتاب يضم أكثر من ثلاثمئة دار نشر عربية وأجنبية.\n"
    "ويقام على هامشه عدد من الندوات الثقافية.",
    "دمشق - أعلنت وزارة التربية السورية مواعيد امتحانات الشهادة الثانوية لهذا العام.\n"
    "وتبدأ الامتحانات مطلع حزيران.",
    "أبوظبي - كشفت شركة طيران محلية عن خطط لتوسيع أسطولها بعشرين طائرة جديدة.\n"
    "وستدخل الطائرات الخدمة تباعا.",
]


def warc_response(url: str, html: str, *, content_length: int | None = None) -> bytes:
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()
    n = len(block) if content_length is None else content_length
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            "WARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {n}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def page(text: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n"))
    return f'<html lang="ar"><head><title>خبر</title></head><body><article>{paras}</article></body></html>'


def run_ingest(capsys, archive: Path, *inputs: str, strict: bool = False) -> tuple[int, dict, str]:
    argv = ["ingest", "--archive", str(archive), "--workers", "1", "--json", *inputs]
    if strict:
        argv.append("--strict")
    rc = main(argv)
    out = capsys.readouterr()
    return rc, orjson.loads(out.out), out.err


def snapshot(archive: Path) -> list[tuple]:
    con = sqlite3.connect(archive)
    try:
        return con.execute("SELECT id, text, title, published_at FROM articles ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def batch(tmp_path) -> tuple[Path, dict[str, str]]:
    """A folder of good articles and every kind of bad input; returns it and, per bad file,
    a phrase its error must contain."""
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good-1.txt").write_text(ARTICLES[0], encoding="utf-8")
    (d / "good-2.txt").write_bytes(ARTICLES[1].encode("cp1256"))
    # JSON Lines with one invalid line between two good ones
    (d / "lines.jsonl").write_bytes(
        orjson.dumps({"id": "j-1", "text": ARTICLES[2]}) + b"\n{\"id\": \"j-2\", \"text\": \"unterminated\n"
        + orjson.dumps({"id": "j-3", "text": ARTICLES[3]}) + b"\n")
    # gzip cut short: the records before the cut are kept
    rows = b"".join(orjson.dumps({"id": f"z-{i}", "text": f"{ARTICLES[4]}\nالرقم {i}."}) + b"\n"
                    for i in range(400))
    gz = gzip.compress(rows)
    (d / "cut.jsonl.gz").write_bytes(gz[: len(gz) // 2])
    # a WARC.gz with a record that lies about its length between good ones
    recs = [warc_response("https://w.example/1", page(ARTICLES[5])),
            warc_response("https://w.example/bad", page("نص"), content_length=90_000),
            warc_response("https://w.example/2", page(ARTICLES[6]))]
    (d / "crawl.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in recs))
    (d / "empty.txt").write_text("\n \u00a0 \n", encoding="utf-8")
    # 50 MB on one line: refused without being read whole
    with open(d / "one-line.txt", "wb") as f:
        chunk = ("نص بلا نهاية " * 4000).encode()
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    (d / "junk.dat").write_bytes(os.urandom(64 * 1024))
    expect = {
        "lines.jsonl:2": "invalid JSON",
        "cut.jsonl.gz": "truncated gzip",
        "crawl.warc.gz": "broken WARC record",
        "empty.txt": "empty text",
        "one-line.txt": "larger than the 16 MB limit",
        "junk.dat": "binary data",
    }
    return d, expect


def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path, capsys, batch):
    folder, expect = batch
    archive = tmp_path / "a.db"
    rc, summary, _ = run_ingest(capsys, archive, str(folder))
    assert rc == 0
    errors = [e for e in summary["errors"] if not e["code"].startswith("W")]
    for where, phrase in expect.items():
        hits = [e for e in errors if e["where"].endswith(where) or f"/{where}@" in e["where"]
                or e["where"].startswith(str(folder / where))]
        assert hits, f"no error for {where}: {errors}"
        assert any(phrase in e["message"] for e in hits), (where, hits)
    assert summary["failed"] == len(errors) == len(expect)
    for e in summary["errors"]:  # one line each, naming its file
        assert "\n" not in e["message"] and str(folder) in e["where"]
    stored = {r[0] for r in snapshot(archive)}
    assert {"good-1", "good-2", "j-1", "j-3", "https://w.example/1", "https://w.example/2"} <= stored
    truncated_rows = {s for s in stored if s.startswith("z-")}
    assert 0 < len(truncated_rows) < 400
    assert summary["stored"] == 6 + len(truncated_rows) == len(stored)


def test_failed_batch_loses_nothing_and_exit_codes(tmp_path, capsys, batch):
    folder, _ = batch
    archive = tmp_path / "keep.db"
    good = tmp_path / "good"
    good.mkdir()
    for name in ("good-1.txt", "good-2.txt", "lines.jsonl"):
        shutil.copy(folder / name, good / name)
    rc, summary, _ = run_ingest(capsys, archive, str(good))
    assert (rc, summary["stored"], summary["failed"]) == (0, 4, 1)  # the invalid JSON line
    before = snapshot(archive)

    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("empty.txt", "junk.dat", "crawl.warc.gz"):
        shutil.copy(folder / name, bad / name)
    (bad / "crawl.warc.gz").write_bytes(gzip.compress(warc_response("https://w.example/x", page("x"), content_length=5000)))
    rc, summary, _ = run_ingest(capsys, archive, str(bad), str(tmp_path / "missing.jsonl"))
    assert rc == 1  # nothing could be ingested
    assert (summary["stored"], summary["failed"]) == (0, 4)
    assert snapshot(archive) == before  # nothing already in the archive is lost

    rc, summary, _ = run_ingest(capsys, archive, str(good))
    assert (rc, summary["stored"], summary["duplicates"]) == (0, 0, 4)  # all known: not a failure

    mixed = [str(good / "good-1.txt"), str(bad / "empty.txt"), str(folder / "good-2.txt")]
    fresh = tmp_path / "fresh.db"
    rc, summary, _ = run_ingest(capsys, fresh, *mixed)
    assert (rc, summary["stored"], summary["failed"]) == (0, 2, 1)
    rc, summary, _ = run_ingest(capsys, tmp_path / "strict.db", *mixed, strict=True)
    assert (rc, summary["stored"], summary["failed"]) == (1, 2, 1)
    assert snapshot(archive) == before


def test_exit_code_of_the_real_command(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLES[0], encoding="utf-8")
    base = [sys.executable, "-m", "marsad.cli.main", "ingest", "--archive", str(tmp_path / "x.db"),
            "--workers", "1", "--no-progress"]
    failed = subprocess.run([*base, str(empty)], capture_output=True, timeout=120)
    assert failed.returncode == 1
    assert f"  [M102] {empty}: empty text\n" in failed.stderr.decode()  # one line, however long
    ok = subprocess.run([*base, str(empty), str(good)], capture_output=True, timeout=120)
    assert ok.returncode == 0


def _as_nobody(fn) -> int:
    """Run ``fn`` in a forked child that has dropped root for user nobody; its return value
    comes back as the exit status. (Root reads anything, so a permission test needs this.)"""
    pid = os.fork()
    if pid == 0:  # the child
        code = 99
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            code = fn() if os.geteuid() == 65534 else 98
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_folder_and_file_without_permission(capsys):
    # a world-writable work folder outside pytest's root-only temp tree
    work = Path(tempfile.mkdtemp(prefix="marsad-perm-"))
    try:
        os.chmod(work, 0o777)
        inputs = work / "in"
        inputs.mkdir()
        (inputs / "ok.txt").write_text(ARTICLES[0], encoding="utf-8")
        locked = inputs / "locked"
        locked.mkdir()
        (locked / "inside.txt").write_text(ARTICLES[1], encoding="utf-8")
        secret = inputs / "secret.txt"
        secret.write_text(ARTICLES[2], encoding="utf-8")
        os.chmod(locked, 0)
        os.chmod(secret, 0)
        archive = work / "perm.db"
        argv = ["ingest", "--archive", str(archive), "--workers", "1", "--json", str(inputs)]
        if os.geteuid() == 0:
            # warm every import first: user nobody cannot read the interpreter's home under /root
            warm = work / "warm"
            warm.mkdir()
            (warm / "w.txt").write_text(ARTICLES[3], encoding="utf-8")
            assert main(["ingest", "--archive", str(work / "warm.db"), "--workers", "1", "--json", str(warm)]) == 0
            shutil.rmtree(warm)
            for p in work.glob("warm.db*"):
                p.unlink()
            capsys.readouterr()
            out = work / "out.json"

            def child() -> int:
                import contextlib
                import io

                buf = io.StringIO()
                buf.buffer = io.BytesIO()  # type: ignore[attr-defined]
                with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
                    rc = main(argv)
                out.write_bytes(buf.buffer.getvalue())  # type: ignore[attr-defined]
                return rc

            rc = _as_nobody(child)
            summary = orjson.loads(out.read_bytes())
        else:
            rc = main(argv)
            summary = orjson.loads(capsys.readouterr().out)
        assert rc == 0
        assert summary["stored"] == 1 and summary["failed"] == 2
        got = {(e["where"], e["message"]) for e in summary["errors"]}
        assert (str(locked), "cannot list folder (permission denied)") in got
        assert (str(secret), "permission denied") in got
    finally:
        if (work / "in" / "locked").exists():
            os.chmod(work / "in" / "locked", 0o755)
        shutil.rmtree(work, ignore_errors=True)
