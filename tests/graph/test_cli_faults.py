"""Faults during a build, for real: signals to a real ``kgbuilder`` process, a full disk,
an unusable output directory. Nothing the user had is lost; the exit status says what
happened (the table of :mod:`graph.exits`)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.exits import Exit
from tests.conftest import ROOT

KGBUILDER = Path(sys.executable).parent / "kgbuilder"
OLD_TTL = "<urn:old> <urn:was> <urn:here> .\n"
OLD_HTML = "<html><body>the old view</body></html>\n"


def _old_set(outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "graph.ttl").write_text(OLD_TTL)
    (outdir / "graph.html").write_text(OLD_HTML)


def _temporaries(outdir: Path) -> list[str]:
    return sorted(p.name for p in outdir.iterdir() if p.name.endswith(".tmp"))


def _start(outdir: Path, *extra: str) -> subprocess.Popen:
    """A real kgbuilder build of the examples, in a session of its own (as a shell job)."""
    return subprocess.Popen([str(KGBUILDER), "build", str(ROOT / "examples"), "-o", str(outdir),
                             "-q", "-j", "1", *extra], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for(proc: subprocess.Popen, ready, timeout: float = 120) -> bool:
    """Poll every millisecond until ``ready()``; False if the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.001)
    proc.kill()
    pytest.fail("the build took too long")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _assert_old_or_new_complete(outdir: Path) -> None:
    ttl = (outdir / "graph.ttl").read_text()
    if ttl != OLD_TTL:
        assert len(Graph().parse(data=ttl, format="turtle")) > 100
    html = (outdir / "graph.html").read_text()
    assert html == OLD_HTML or html.rstrip().endswith("</html>")


def test_cli_build_sigkill_while_writing_leaves_the_old_files_whole(tmp_path):
    """Regression: a kill while writing left a 0-byte graph.ttl, which query read as empty."""
    out = tmp_path / "out"
    _old_set(out)
    proc = _start(out)
    landed = _wait_for(proc, lambda: _temporaries(out))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert landed, "the build ended before the kill: " + proc.stderr.read()
    assert (out / "graph.ttl").read_text() == OLD_TTL
    assert (out / "graph.html").read_text() == OLD_HTML


@pytest.mark.parametrize("moment", ["writing", "validating"])
def test_cli_build_ctrl_c_says_aborted_keeps_the_files_and_exits_130(tmp_path, moment):
    """Ctrl-C goes to the whole process group, the validation workers included; none of
    them may print a traceback."""
    out = tmp_path / "out"
    _old_set(out)
    proc = _start(out)
    if moment == "writing":
        ready = lambda: _temporaries(out)                    # noqa: E731
    else:
        ready = lambda: _children(proc.pid)                  # noqa: E731 (-j 1: only validation forks)
    landed = _wait_for(proc, ready)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert landed, "the build ended before Ctrl-C: " + stderr
    assert proc.returncode == Exit.INTERRUPTED, stderr
    assert stderr.strip().splitlines()[-1] == "Aborted!"
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    _assert_old_or_new_complete(out)
    assert _temporaries(out) == []


def test_cli_build_disk_full_is_one_line_and_keeps_the_old_files(small_fs):
    """On a 256 KiB tmpfs: graph.ttl fits, graph.html (vis-network inlined) does not."""
    out = small_fs / "out"
    _old_set(out)
    proc = _start(out)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == Exit.WRITE, stderr
    [line] = stderr.strip().splitlines()
    assert line.startswith(f"kgbuilder: {out}/graph.html: cannot write (no space left on device)")
    assert (out / "graph.ttl").read_text() == OLD_TTL      # written, but not renamed into place
    assert (out / "graph.html").read_text() == OLD_HTML
    assert _temporaries(out) == []


def _no_model(*args, **kwargs):
    raise AssertionError("the model was loaded before the output directory was checked")


@pytest.mark.parametrize("make,reason", [
    (lambda tmp: (tmp / "file").write_text("x") and tmp / "file" / "out",
     "cannot use as the output directory (not a directory)"),
    (lambda tmp: Path("/dev/null"), "not a directory"),
    (lambda tmp: tmp / ("x" * 300), "cannot use as the output directory (file name too long)"),
])
def test_cli_build_unusable_output_directory_fails_at_once(tmp_path, monkeypatch, make, reason):
    import extractors
    monkeypatch.setattr(extractors, "load_nlp", _no_model, raising=False)
    (tmp_path / "a.txt").write_text("Iran backed Hamas.")
    outdir = make(tmp_path)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "-o", str(outdir), "-q"])
    assert result.exit_code == Exit.USAGE
    assert result.stderr.strip().splitlines() == [f"kgbuilder: {outdir}: {reason}"]


def test_cli_build_read_only_output_directory_fails_at_once(small_fs, monkeypatch, tmp_path):
    import extractors
    monkeypatch.setattr(extractors, "load_nlp", _no_model, raising=False)
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    (tmp_path / "a.txt").write_text("Iran backed Hamas.")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "-o", str(small_fs), "-q"])
    assert result.exit_code == Exit.USAGE
    assert result.stderr.strip().splitlines() == [
        f"kgbuilder: {small_fs}: cannot write in the output directory (read-only file system)"]


def test_cli_export_disk_full_is_one_line_and_keeps_the_old_files(small_fs, tmp_path):
    graph_file = tmp_path / "graph.ttl"
    graph_file.write_text("".join(f"<urn:s{i}> <urn:p> \"{'x' * 200}\" .\n" for i in range(2000)))
    out = small_fs / "out"
    out.mkdir()
    (out / "graph.nt").write_text(OLD_TTL)
    result = CliRunner().invoke(main, ["export", str(graph_file), "-f", "nt", "-o", str(out)])
    assert result.exit_code == Exit.WRITE
    assert result.stderr.strip().splitlines() == [
        f"kgbuilder: {out}/graph.nt: cannot write (no space left on device); nothing was "
        f"replaced, the files already in {out} are kept"]
    assert (out / "graph.nt").read_text() == OLD_TTL
    assert _temporaries(out) == []


def test_cli_build_with_no_room_for_its_inputs_is_one_line_and_keeps_the_old_files(
        small_fs, tmp_path, monkeypatch):
    """The inputs are kept in a temporary file (graph/spool.py); here TMPDIR is 256 KiB."""
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(small_fs))
    article = tmp_path / "long.txt"
    article.write_text("Iran backed Hamas in the south. " * 20_000)   # 640 KB
    out = tmp_path / "out"
    _old_set(out)
    result = CliRunner().invoke(main, ["build", str(article), "-o", str(out), "-q"])
    assert result.exit_code == Exit.WRITE
    assert result.stderr.strip().splitlines() == [
        f"kgbuilder: cannot keep the inputs in a temporary file in {small_fs} (no space left "
        "on device); set TMPDIR to a directory with room"]
    assert (out / "graph.ttl").read_text() == OLD_TTL
    assert (out / "graph.html").read_text() == OLD_HTML
    assert list(small_fs.iterdir()) == []
