"""Ingest over a real Dask LocalCluster builds the same database as a local ingest."""

from __future__ import annotations

import pytest

from eventcoder.store import ingest_paths
from test_store_ingest import snapshot, write_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_a_two_worker_cluster_and_a_local_run_store_the_same_events(cluster, tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2)
    on_cluster = str(tmp_path / "cluster.sqlite")
    stats = ingest_paths(
        [corpus], on_cluster, scheduler=cluster.scheduler_address, batch_size=4, progress=False
    )
    assert stats.articles == 58
    local = str(tmp_path / "local.sqlite")
    ingest_paths([corpus], local, progress=False)
    assert snapshot(on_cluster) == snapshot(local)


def test_each_worker_loads_the_model_once(cluster, tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    ingest_paths(
        [corpus], str(tmp_path / "a.sqlite"), scheduler=cluster.scheduler_address,
        batch_size=2, progress=False,
    )  # fmt: skip

    def loads() -> int:
        from eventcoder.nlp.pipeline import _load_pipeline

        return _load_pipeline.cache_info().misses

    with distributed.Client(cluster.scheduler_address) as client:
        per_worker = client.run(loads)
    assert len(per_worker) == 2
    assert all(n == 1 for n in per_worker.values()), per_worker
