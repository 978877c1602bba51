"""The per-article stages on a Dask cluster: ``--scheduler ADDRESS`` of ``ingest``, ``analyze``
and ``update --reanalyse``.

The per-article stages are pure functions of one record (DESIGN: no global state, no I/O), and
work already crosses process boundaries as JSON (:func:`marsad.runners.local.analyse_batch`:
the pipeline spec and plain records out, analysed articles back). A cluster therefore only
replaces the local process pool: this process still reads the inputs, learns each source's
boilerplate, writes the archive and runs the corpus stages (registry, copies, stories), which
own state spanning articles and take a small share of the time (50 s of about 5 minutes for
the 72,716 articles of ``../shared/data/corpora``, docs/stories.md).

``ADDRESS`` is a running scheduler (``tcp://host:8786``; its workers need the same marsad
installed, which is checked before any work is sent) or ``local`` / ``local:N``: a
``LocalCluster`` of N worker processes (all cores by default) on this machine, started for the
run and closed after it. At most twice as many batches as the cluster has worker threads are
in flight, and a batch is sent only when a result has been taken, so the driver's memory stays
flat as with the local pool; a batch whose worker dies is run again elsewhere by the
scheduler (Dask's retry; not exercised by the tests).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from marsad.errors import ConfigError

#: seconds to wait for a scheduler before telling the user it cannot be reached
CONNECT_TIMEOUT = 20


def fingerprint() -> dict[str, Any]:
    """What a worker must share with the driver for its results to be the driver's: marsad's
    version, the registered stage versions (a worker of another version would analyse with
    other rules, or not know the spec's stages) and the optional NER model's path (a worker
    without it would tag with the built-in model)."""
    import marsad
    from marsad.enrich.entities.stage import MODEL_ENV
    from marsad.pipeline.registry import STAGES

    return {"marsad": marsad.__version__, "stages": sorted(STAGES), MODEL_ENV: os.environ.get(MODEL_ENV) or None}


def _differs(mine: dict[str, Any], theirs: dict[str, Any]) -> str:
    """What a worker's fingerprint says that the driver's does not, in a few words."""
    if theirs.get("marsad") != mine["marsad"]:
        return f"marsad {theirs.get('marsad')}, this process marsad {mine['marsad']}"
    if theirs.get("stages") != mine["stages"]:
        odd = sorted(set(theirs.get("stages", ())) ^ set(mine["stages"]))
        return "other stage versions (" + ", ".join(odd[:6]) + ")"
    return ", ".join(f"{k}={theirs.get(k)!r} (here {v!r})" for k, v in mine.items() if theirs.get(k) != v)


def _is_local(address: str) -> bool:
    """``local`` or ``local:N``: a LocalCluster started for the run."""
    return address == "local" or address.startswith("local:")


def _client(address: str) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - the dependency is declared; a trimmed install
        raise ConfigError("--scheduler needs Dask's distributed package: pip install 'marsad[cluster]'") from None
    if _is_local(address):
        n = address.partition(":")[2]
        if n and not n.isdigit():
            raise ConfigError(f"--scheduler {address}: local:N takes a number of worker processes")
        workers = int(n) if n else (os.cpu_count() or 1)
        if workers < 1:
            raise ConfigError(f"--scheduler {address}: at least one worker process")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                               silence_logs=40)  # no fixed port: two runs at once do not collide
        return Client(cluster, set_as_default=False)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ConfigError(f"--scheduler {address}: cannot reach a Dask scheduler there ({e}); start one "
                          "with `dask scheduler` and workers with `dask worker ADDRESS`, or give "
                          "--scheduler local") from None


def check_workers(client: Any, address: str) -> int:
    """The number of worker threads of the cluster, once every worker has shown the driver's
    :func:`fingerprint`; a :class:`ConfigError` naming the first worker that differs."""
    mine = fingerprint()
    theirs = client.run(fingerprint)
    if not theirs:
        raise ConfigError(f"--scheduler {address}: the scheduler has no workers")
    for worker, fp in sorted(theirs.items()):
        if fp != mine:
            raise ConfigError(f"--scheduler {address}: worker {worker} runs {_differs(mine, fp)}: install the "
                              "same marsad on every worker (and the same MARSAD_NER_MODEL, if one is used)")
    return sum(client.nthreads().values())


@contextmanager
def connect(address: str) -> Iterator[tuple[Any, int]]:
    """A client of the cluster at ``address`` and its worker threads; closed on exit (a local
    cluster with it)."""
    client = _client(address)
    try:
        yield client, check_workers(client, address)
    finally:
        cluster = client.cluster if _is_local(address) else None
        client.close()
        if cluster is not None:
            cluster.close()


def analyse_on_cluster(address: str, spec: Sequence[str], payloads: Iterable[bytes], *,
                       keep_text: bool = True) -> Iterator[bytes]:
    """:func:`marsad.runners.local.analyse_batch` of each payload on the cluster at ``address``,
    results in order, at most ``2 × threads`` batches in flight."""
    from marsad.runners.local import analyse_batch, in_order

    spec = list(spec)
    with connect(address) as (client, threads):
        # pure=False: two equal payloads are still two batches of the driver's
        yield from in_order(lambda p: client.submit(analyse_batch, spec, p, keep_text, pure=False), payloads,
                            2 * threads)
