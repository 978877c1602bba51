"""The per-article stages on a Dask cluster (``--scheduler``): a real scheduler and two worker
processes on loopback, started once for the module. An archive ingested on the cluster equals
one ingested with the local pool, table by table; ``analyze`` and ``update --reanalyse`` give
the same output too; a worker of another marsad is refused before any work is sent, and an
address with no scheduler is a clear error, with nothing stored."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.errors import ConfigError
from marsad.runners import cluster

distributed = pytest.importorskip("distributed")

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "data" / "sample"
TABLES = ("articles", "spans", "mentions", "timexes", "events")


@pytest.fixture(scope="module")
def local_cluster():
    # the scheduler's HTTP server (its /metrics, even without a dashboard) on a free port: on
    # 8787, its default, a second run of these tests at the same time failed to start («Port 8787
    # is already in use», a warning, which the tests' filterwarnings make an error)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                                  silence_logs=40) as c:
        yield c


@pytest.fixture(scope="module")
def scheduler(local_cluster) -> str:
    return local_cluster.scheduler_address


def _tasks(local_cluster) -> int:
    """The scheduler's task transitions so far (checking the workers' versions makes none): a
    command that went up grew them, one that ignored --scheduler and ran on the local pool did not."""
    return local_cluster.scheduler.transition_counter


def _export(db: Path, out: Path) -> dict[str, str]:
    got = {}
    for t in TABLES:
        f = out / f"{db.stem}.{t}.jsonl"
        assert main(["export", "--archive", str(db), "--table", t, "--format", "jsonl", "-o", str(f)]) == 0
        got[t] = f.read_text(encoding="utf-8")
    return got


def test_ingest_on_a_cluster_equals_the_local_pool(tmp_path: Path, scheduler: str, local_cluster, capsys) -> None:
    here, there = tmp_path / "here.db", tmp_path / "there.db"
    assert main(["ingest", "--archive", str(here), str(SAMPLE), "--json", "--no-progress"]) == 0
    local = json.loads(capsys.readouterr().out)
    sent = _tasks(local_cluster)
    assert main(["ingest", "--archive", str(there), str(SAMPLE), "--json", "--no-progress",
                 "--scheduler", scheduler]) == 0
    assert _tasks(local_cluster) > sent  # the batches went to the cluster
    remote = json.loads(capsys.readouterr().out)
    assert remote["stored"] == local["stored"] > 40
    # the sample's broken files are named the same way: the driver reads, the workers analyse
    assert remote["errors"] == local["errors"] and remote["failed"] == local["failed"] >= 3
    a, b = _export(here, tmp_path), _export(there, tmp_path)
    for t in TABLES:
        assert a[t] == b[t], t
    assert a["mentions"].count("\n") > 100 and a["timexes"].count("\n") > 50  # the stages ran


def test_analyze_and_reanalyse_on_a_cluster(tmp_path: Path, scheduler: str, local_cluster) -> None:
    inp = SAMPLE / "news.jsonl"
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    assert main(["analyze", str(inp), "-o", str(here)]) == 0
    sent = _tasks(local_cluster)
    assert main(["analyze", str(inp), "-o", str(there), "--scheduler", scheduler]) == 0
    assert _tasks(local_cluster) > sent
    assert here.read_bytes() == there.read_bytes() and here.read_bytes().count(b"\n") >= 3

    db = tmp_path / "a.db"
    assert main(["ingest", "--archive", str(db), str(inp), "--no-progress"]) == 0
    before = _export(db, tmp_path)
    sent = _tasks(local_cluster)
    assert main(["update", "--archive", str(db), "--reanalyse", "all", "--scheduler", scheduler]) == 0
    assert _tasks(local_cluster) > sent
    assert _export(db, tmp_path) == before


def test_a_worker_of_another_marsad_is_refused(tmp_path: Path, scheduler: str, monkeypatch, capsys) -> None:
    import marsad

    monkeypatch.setattr(marsad, "__version__", "0.0.0-other")  # this process now differs from the workers
    db = tmp_path / "x.db"
    with (distributed.Client(scheduler, set_as_default=False) as client,
          pytest.raises(ConfigError, match=r"worker tcp://127\.0\.0\.1:\d+ runs marsad .*install the same marsad")):
        cluster.check_workers(client, scheduler)
    monkeypatch.undo()
    # a model plug-in named here and not on the workers: they would tag with the built-in model
    monkeypatch.setenv("MARSAD_NER_MODEL", str(tmp_path / "model"))
    with (distributed.Client(scheduler, set_as_default=False) as client,
          pytest.raises(ConfigError, match=r"MARSAD_NER_MODEL=None \(here '.*model'\)")):
        cluster.check_workers(client, scheduler)
    monkeypatch.delenv("MARSAD_NER_MODEL")
    monkeypatch.setattr(marsad, "__version__", "0.0.0-other")
    assert main(["ingest", "--archive", str(db), str(SAMPLE / "news.jsonl"), "--scheduler", scheduler,
                 "--no-progress"]) != 0
    assert "install the same marsad" in capsys.readouterr().err
    # nothing analysed, nothing stored
    assert main(["stats", "--archive", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 0


def test_no_scheduler_at_the_address(tmp_path: Path, monkeypatch, capsys) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    rc = main(["ingest", "--archive", str(tmp_path / "y.db"), str(SAMPLE / "news.jsonl"), "--no-progress",
               "--scheduler", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert rc != 0 and f"tcp://127.0.0.1:{port}: cannot reach a Dask scheduler" in err
    with pytest.raises(ConfigError, match="local:N takes a number"):
        cluster._client("local:two")
