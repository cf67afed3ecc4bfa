"""Stopping a run (issue 23, item 10): Ctrl-C exits with 130, not 1 (which means findings),
and the worker processes stop with the run, also when the parent is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = ("Ketamine treatment can help some patients with depression that has not improved "
             "with other medicines. Your care team will check your blood pressure before and after "
             "each session, and a staff member stays with you while the medicine works. ")

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    """A two-job run over many pages, once both workers are busy."""
    for i in range(300):
        (tmp_path / f"page{i:03}.txt").write_text(f"Page {i}.\n\n" + PARAGRAPH * 40, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "lintcare", "check", "--jobs", "2", "--no-cache", "."],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.5)  # both are inside their first task, a share of the files
    assert proc.poll() is None, "the run ended before it could be stopped"
    return proc, workers


def _gone(workers: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(w) for w in workers)


def test_ctrl_c_exits_130_and_stops_the_workers(tmp_path):
    proc, workers = _start(tmp_path)
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err.decode() == "lintcare: interrupted\n"  # one line, no traceback from any process
    assert _gone(workers, 10)


def test_workers_stop_soon_after_the_parent_is_killed(tmp_path):
    proc, workers = _start(tmp_path)
    proc.kill()  # kill -9: the parent cannot tell anyone
    proc.wait(timeout=20)
    assert _gone(workers, 10)


def test_a_temporary_file_left_by_a_killed_fix_goes_on_the_next_fix(tmp_path, run_cli):
    page = tmp_path / "page.txt"
    page.write_text("Please call the the front desk.\n", encoding="utf-8")
    # What kill -9 between writing and renaming leaves: write_atomic's hidden copy.
    left = tmp_path / ".page.txt.k3x_9q2a.lintcare-tmp"
    busy = tmp_path / ".page.txt.a1b2c3d4.lintcare-tmp"  # another --fix writing right now
    mine = [tmp_path / ".notes.lintcare-tmp", tmp_path / "draft.k3x_9q2a.lintcare-tmp"]
    for path in (left, busy, *mine):
        path.write_text("Call the the desk.\n", encoding="utf-8")
    hour_ago = time.time() - 3600
    for path in (left, *mine):
        os.utime(path, (hour_ago, hour_ago))

    run_cli("check", "--diff", str(tmp_path))
    assert left.exists()  # --diff writes nothing, removes nothing
    _, out, err = run_cli("check", "--fix", str(tmp_path))
    assert not left.exists()
    assert busy.exists() and all(p.exists() for p in mine)  # not stale, or not lintcare's naming
    assert err.count(".lintcare-tmp") == 1 and f"{left}: left by an interrupted --fix, removed" in err
    assert ".lintcare-tmp" not in out  # never linted
    assert page.read_text(encoding="utf-8") == "Please call the front desk.\n"
