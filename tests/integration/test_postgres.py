"""``marsad sync URL``: the archive mirrored into PostgreSQL. A throw-away server on loopback
(initdb and pg_ctl in a temporary folder, as the ``postgres`` user when run as root), started
once for the module. The mirror holds what ``marsad export`` writes, table by table; a second
sync writes nothing; a changed or removed article is written or removed alone; a sync that fails
half-way leaves the previous mirror; Arabic search works there."""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.errors import ConfigError
from marsad.store import postgres

psycopg = pytest.importorskip("psycopg")

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "data" / "sample"


def _bin() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(d, "initdb").exists():
            return Path(d)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    bindir = _bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (make test installs Debian's postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))  # under /tmp: the postgres user can reach it
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "marsad",
                    "--encoding=UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start",
                    "-o", f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://marsad@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def db(pg_url: str) -> Iterator[str]:
    """A fresh database of the server for one test."""
    name = "t" + os.urandom(4).hex()
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield pg_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("arc") / "news.db"
    assert main(["ingest", "--archive", str(p), str(SAMPLE), "--no-progress"]) == 0
    return p


def _exported(archive: Path, table: str, out: Path) -> list[dict]:
    f = out / f"{table}.jsonl"
    assert main(["export", "--archive", str(archive), "--table", table, "--format", "jsonl", "-o", str(f)]) == 0
    return [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()]


def _sync(archive: Path, url: str, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["sync", "--archive", str(archive), url, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_mirror_holds_the_export(archive: Path, db: str, tmp_path: Path, capsys) -> None:
    got = _sync(archive, db, capsys)
    articles = _exported(archive, "articles", tmp_path)
    spans = _exported(archive, "spans", tmp_path)
    assert got["new"] == got["articles"] == len(articles) > 40 and got["spans"] == len(spans) > 500
    for table in ("events", "stories", "threads"):
        assert got[table] == len(_exported(archive, table, tmp_path)) > 0, table
    with psycopg.connect(db) as con:
        a = articles[7]
        row = con.execute("SELECT source, title, story, copy_group, published_at, clean_text FROM marsad_articles "
                          "WHERE id = %s", (a["id"],)).fetchone()
        assert row == (a["source"], a["title"], a["story"], a["copy_group"], a["published_at"], a["clean_text"])
        # spans index the text: the mirror's offsets give the span's own text back
        bad = con.execute("SELECT count(*) FROM marsad_spans s JOIN marsad_articles a ON a.id = s.article_id "
                          "WHERE substr(a.text, s.start + 1, s.\"end\" - s.start) <> s.text").fetchone()[0]
        assert bad == 0
        mentions = con.execute("SELECT count(*) FROM marsad_spans WHERE layer = 'mention'").fetchone()[0]
        assert mentions == sum(1 for s in spans if s["layer"] == "mention")
        # PostgreSQL's Arabic search: روسيا finds وروسيا and بروسيا, as marsad's own search does
        found = {r[0] for r in con.execute("SELECT id FROM marsad_articles WHERE search @@ "
                                           "websearch_to_tsquery('arabic', 'روسيا')")}
    capsys.readouterr()
    assert main(["search", "--archive", str(archive), "روسيا", "--json", "--limit", "100"]) == 0
    ours = {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert found == ours and len(found) >= 3


def test_a_second_sync_writes_only_what_changed(archive: Path, db: str, tmp_path: Path, capsys) -> None:
    work = tmp_path / "work.db"
    shutil.copy(archive, work)
    first = _sync(work, db, capsys)
    again = _sync(work, db, capsys)
    assert again["unchanged"] == first["articles"] and again["new"] == again["changed"] == again["spans"] == 0
    con = sqlite3.connect(work)
    (rowid, aid, nspans), (gone_rowid, gone_id) = (
        con.execute("SELECT a.rowid, a.id, count(*) FROM articles a JOIN spans s ON s.article = a.rowid "
                    "GROUP BY a.rowid ORDER BY a.rowid LIMIT 1").fetchone(),
        con.execute("SELECT rowid, id FROM articles ORDER BY rowid DESC LIMIT 1").fetchone())
    con.execute("UPDATE articles SET title = 'عنوان جديد للمقال' WHERE rowid = ?", (rowid,))
    con.execute("DELETE FROM spans WHERE article = ?", (gone_rowid,))
    con.execute("DELETE FROM articles WHERE rowid = ?", (gone_rowid,))
    con.commit()
    con.close()
    seen: list[dict] = []  # what a progress line shows, batch by batch
    third = postgres.sync(sqlite_archive(work), db, progress=lambda o: seen.append(dict(o)))
    assert (third["changed"], third["removed"], third["new"]) == (1, 1, 0) and third["spans"] == nspans
    assert seen and seen[-1]["changed"] == 1 and seen[-1]["unchanged"] == third["articles"] - 1
    with psycopg.connect(db) as pg:
        assert pg.execute("SELECT title FROM marsad_articles WHERE id = %s", (aid,)).fetchone() == ("عنوان جديد للمقال",)
        assert pg.execute("SELECT count(*) FROM marsad_articles WHERE id = %s", (gone_id,)).fetchone() == (0,)
        assert pg.execute("SELECT count(*) FROM marsad_spans WHERE article_id = %s", (gone_id,)).fetchone() == (0,)
        assert pg.execute("SELECT count(*) FROM marsad_spans WHERE article_id = %s", (aid,)).fetchone() == (nspans,)


def test_a_failed_sync_leaves_the_mirror(archive: Path, db: str, tmp_path: Path, capsys, monkeypatch) -> None:
    work = tmp_path / "work.db"
    shutil.copy(archive, work)
    first = _sync(work, db, capsys)
    con = sqlite3.connect(work)
    aid = con.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1").fetchone()[0]
    con.execute("UPDATE articles SET title = 'لن يصل' WHERE id = ?", (aid,))
    con.commit()
    con.close()
    real = postgres.rows_for

    def failing(arc, table):  # the server goes away after the articles were written
        if table == "threads":
            raise psycopg.OperationalError("server closed the connection unexpectedly")
        return real(arc, table)

    monkeypatch.setattr(postgres, "rows_for", failing)
    assert main(["sync", "--archive", str(work), db]) == 1
    assert "the sync failed (server closed the connection unexpectedly); the mirror there is as it was" in \
        capsys.readouterr().err
    with psycopg.connect(db) as pg:
        assert pg.execute("SELECT count(*) FROM marsad_articles").fetchone() == (first["articles"],)
        assert pg.execute("SELECT title FROM marsad_articles WHERE id = %s", (aid,)).fetchone() != ("لن يصل",)
        assert pg.execute("SELECT count(*) FROM marsad_threads").fetchone() == (first["threads"],)


def test_bad_addresses_and_another_layout(archive: Path, db: str, capsys) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["sync", "--archive", str(archive), f"postgresql://marsad:secret@127.0.0.1:{port}/x"]) == 1
    err = capsys.readouterr().err
    assert f"postgresql://marsad:***@127.0.0.1:{port}/x: cannot connect to PostgreSQL" in err and "secret" not in err
    assert main(["sync", "--archive", str(archive), "mysql://h/db"]) == 1
    assert "not a PostgreSQL address" in capsys.readouterr().err
    with psycopg.connect(db, autocommit=True) as pg:
        pg.execute("CREATE TABLE marsad_meta (key text PRIMARY KEY, value text NOT NULL)")
        pg.execute("INSERT INTO marsad_meta VALUES ('schema', '99')")
    with pytest.raises(ConfigError, match="layout 99, this marsad writes layout 1"):
        postgres.sync(sqlite_archive(archive), db)
    with psycopg.connect(db) as pg:  # nothing was created beside it
        assert pg.execute("SELECT to_regclass('marsad_articles')").fetchone() == (None,)


def sqlite_archive(path: Path):
    import marsad

    return marsad.open(path)

