"""Work on a forked process: its result, or the same result computed here when it fails."""
from __future__ import annotations

import os
import signal
import time

import pytest

from graph.forked import Forked


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_forked_runs_the_function_on_another_process():
    pid, square = Forked(lambda: _pid_and_square(7)).result()
    assert square == 49 and pid != os.getpid()


def test_forked_result_may_be_asked_again():
    child = Forked(lambda: [1, 2, 3])
    assert child.result() == [1, 2, 3]
    assert child.result() == [1, 2, 3]


def test_forked_a_child_that_dies_is_replaced_by_this_process():
    parent = os.getpid()

    def dies_in_the_child():
        if os.getpid() != parent:
            os._exit(9)   # killed, out of memory: no result sent
        return _pid_and_square(5)
    assert Forked(dies_in_the_child).result() == (parent, 25)


def test_forked_an_error_is_raised_here_and_the_child_prints_nothing(capfd):
    def fails():
        raise ValueError("no such view")
    child = Forked(fails)
    with pytest.raises(ValueError, match="no such view"):
        child.result()
    assert "Traceback" not in capfd.readouterr().err


def test_forked_stop_ends_the_child_without_waiting():
    child = Forked(lambda: time.sleep(60))
    child.stop()
    assert child._child.exitcode == -signal.SIGTERM   # ended, not finished


def _state(pid: int) -> str:
    """A process's state letter ("S" sleeping, "Z" ended but not reaped), "" when gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_forked_a_child_ends_when_its_parent_is_killed_before_taking_the_result(tmp_path):
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    pid_file = tmp_path / "child"

    def parent():  # forks a child with a result larger than a pipe holds, then is killed
        child = Forked(lambda: b"x" * 10_000_000)
        pid_file.write_text(str(child._child.pid))
        os.kill(os.getpid(), signal.SIGKILL)
    proc = ctx.Process(target=parent)
    proc.start()
    proc.join()
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 30
    while _state(child) not in ("", "Z") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _state(child) in ("", "Z"), "the child still waits to send its result"
