"""Shared fixtures: the pinned spaCy model, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_HINT = ("the project's shared data (seeds/: seed articles; eval/: guideline, gold set, "
               "scorers) is not in this repository: put that folder beside the checkout as ../shared")


def shared(*parts: str) -> Path:
    """A path under ``../shared``; where it is missing, the test fails saying so (never skips)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"needs {path}: {SHARED_HINT}", pytrace=False)
    return path


@pytest.fixture(scope="session", autouse=True)
def _no_user_configuration(tmp_path_factory):
    """The tests never read the configuration file of the user who runs them."""
    import os

    os.environ.pop("KGB_CONFIG", None)
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config-home"))


@pytest.fixture(scope="session", autouse=True)
def _ctrl_c_reaches_the_tests():
    """Ctrl-C is a KeyboardInterrupt in the tests and in the processes they start, even when
    the run itself was started with SIGINT ignored (``nohup cmd &``), which every process it
    starts would inherit and the Ctrl-C tests would then wait for in vain."""
    import signal

    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session")
def nlp():
    from extractors.text.model import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def lexicon():
    from extractors.lexicon import load_lexicon
    return load_lexicon()


@pytest.fixture(scope="session")
def cues():
    from ontology import load_cues
    return load_cues()


@pytest.fixture(scope="session")
def read(nlp, cues):
    """Read one text and return its DocumentRecord."""
    from extractors import TextInput, extract

    def _read(text: str, doc_id: str = "t"):
        return next(extract([TextInput(doc_id, text)], nlp=nlp, cues=cues))
    return _read


@pytest.fixture(scope="session")
def triples(read):
    """Read one text and return its asserted facts as (subject, relation, object) names."""
    def _triples(text: str, *, factuality: str = "asserted"):
        rec = read(text)
        names = {e.key: e.name for e in rec.entities}
        return {(names[f.subject.entity], f.relation, names[f.object.entity])
                for f in rec.facts if f.factuality.value == factuality}
    return _triples


@pytest.fixture
def small_fs(tmp_path):
    """A directory on a 256 KiB tmpfs of its own, so that writes really run out of space.

    Mounting needs root (or CAP_SYS_ADMIN); elsewhere the tests that need it are skipped.
    """
    import subprocess

    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here: " + done.stderr.decode(errors="replace").strip())
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture(scope="session")
def examples_graph(tmp_path_factory) -> Path:
    """``kgbuilder build examples/`` once per session, as ``make demo`` runs it: graph.ttl."""
    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path_factory.mktemp("examples")
    result = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def dask_cluster():
    """A real Dask cluster on this machine: a scheduler and two worker processes of one thread.

    One per test module, closed after it: its threads and workers do not outlive the tests
    that use it (later tests fork this process)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=":0") as cluster:
        yield cluster
