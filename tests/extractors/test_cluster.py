"""Reading on a Dask cluster gives the records of a local read, in input order (a real LocalCluster)."""
from __future__ import annotations

import pickle

import pytest

from extractors import DEFAULT_MODEL, ModelNotFoundError, TextInput, extract
from extractors.cluster import ClusterError, connect, extract_on_cluster, partitions
from extractors.text import model

TEXTS = [
    "Rebels of the Northern Front shelled Tarsa on Monday. The army struck their camp in reply.",
    "Britain imposed sanctions on the Kelmor Brigade. France condemned the brigade's attacks.",
    "The foreign minister of Egypt, Amal Roshdi, visited Amman for talks with King Samir.",
    "Russia supplied the Sudanese army with drones, according to a report by the United Nations.",
    "Gunmen of the Popular Unity Army killed four soldiers near Dorvo, a town in Mali.",
    "Turkey and Iraq signed a defence agreement in Baghdad. Syria rejected the agreement.",
] * 2


def _inputs() -> list[TextInput]:
    return [TextInput(f"d{i}", t, date="2024-03-0" + str(1 + i % 9)) for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def client(dask_cluster):
    client = connect(dask_cluster.scheduler_address)
    yield client
    client.close()


def _model_uses(client) -> dict[str, tuple[int, int]]:
    """Per worker: pipelines loaded, and partitions read (each asks the per-process cache)."""
    info = client.run(model._load.cache_info)
    return {worker: (i.misses, i.hits + i.misses) for worker, i in info.items()}


def test_cluster_gives_the_records_of_a_local_read_in_input_order(client, nlp, cues):
    local = list(extract(_inputs(), nlp=nlp, cues=cues))
    remote = list(extract_on_cluster(_inputs(), client=client, model=DEFAULT_MODEL))
    assert [r.doc_id for r in remote] == [f"d{i}" for i in range(len(TEXTS))]
    assert remote == local
    assert sum(len(r.facts) for r in remote) > 0


def test_cluster_records_are_plain_data_that_pickle(nlp, cues):
    records = list(extract(_inputs()[:2], nlp=nlp, cues=cues))
    assert pickle.loads(pickle.dumps(records)) == records


def test_cluster_each_worker_process_loads_the_model_once_for_all_its_partitions(client):
    before = _model_uses(client)
    # one document a partition: twelve tasks on two worker processes
    records = list(extract_on_cluster(_inputs(), client=client, model=DEFAULT_MODEL,
                                      partition_chars=1, in_flight=3))
    after = _model_uses(client)
    assert len(records) == len(TEXTS)
    assert set(after) == set(before) and len(after) == 2
    assert all(loads == 1 for loads, _ in after.values())
    read = {w: after[w][1] - before[w][1] for w in after}
    assert sum(read.values()) == len(TEXTS) and all(n > 0 for n in read.values())


def test_cluster_partitions_keep_input_order_and_bound_their_text():
    docs = [TextInput(f"d{i}", "word " * (i + 1)) for i in range(30)]
    parts = list(partitions(docs, max_chars=50))
    assert [t for part in parts for t in part] == docs
    assert all(sum(len(t.text) for t in part[:-1]) < 50 for part in parts)


def test_cluster_model_missing_on_the_workers_is_the_model_error(client):
    with pytest.raises(ModelNotFoundError, match="'no_such_pipeline' is not installed"):
        list(extract_on_cluster(_inputs()[:1], client=client, model="no_such_pipeline"))


@pytest.mark.parametrize("address, message", [
    ("tcp://no-such-host.invalid:8786",
     "cannot reach the Dask scheduler at tcp://no-such-host.invalid:8786: "),
    ("scheduler", "'scheduler' is not a Dask scheduler address: "),
    ("http://scheduler:8786", "'http://scheduler:8786' is not a Dask scheduler address: "),
])
def test_cluster_connect_to_a_bad_address_names_it(address, message):
    with pytest.raises(ClusterError) as caught:
        connect(address, timeout=1)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
