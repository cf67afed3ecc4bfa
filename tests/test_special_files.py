"""Special files named on the command line and a doubled '-': one error line, exit 2, the
other files still linted, and nothing ever blocks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "Please call the the front desk first.\n"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: a read that blocks would otherwise hang the test run.
    return subprocess.run([sys.executable, "-m", "lintcare", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60, check=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", [["check"], ["check", "--fix"], ["check", "--diff"],
                                     ["check", "--jobs", "2"], ["stats"]])
def test_a_named_pipe_without_a_writer_is_an_error_not_a_hang(tmp_path, command):
    pipe = tmp_path / "p.md"
    os.mkfifo(pipe)
    other = tmp_path / "other.txt"
    other.write_text(PAGE, encoding="utf-8")
    done = run(*command, "--no-cache" if command[0] == "check" else "--format=text", str(pipe), str(other))
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("lintcare: error:")]
    assert errors == [f"lintcare: error: {pipe}: not a regular file (a pipe, socket or device); "
                      "use '-' for standard input"]
    assert "Traceback" not in done.stderr
    if command[0] == "check" and "--diff" not in command and "--fix" not in command:
        assert "repeated-word" in done.stdout  # the other file was linted


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_at_once():
    done = run("check", "--no-cache", "--format", "json", "/dev/zero")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["files"][0]["error"].startswith("not a regular file")


def test_standard_input_named_twice_keeps_the_text_for_the_editor():
    done = run("check", "--no-cache", "--fix", "-", "-", stdin=PAGE)
    assert done.stdout == "Please call the front desk first.\n"  # the fixed text, once
    assert "standard input is named more than once" in done.stderr
    assert done.returncode == 2


def test_a_file_the_user_cannot_read_is_one_error_and_the_rest_is_linted(tmp_path, monkeypatch):
    """As a user without read permission (root here reads everything, so the permission
    check and the read are made to fail as they would)."""
    from click.testing import CliRunner

    from lintcare.cli.main import main

    private = tmp_path / "private.md"
    private.write_text("We offer Ketamin infusions.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(PAGE, encoding="utf-8")
    real_access, real_open = os.access, os.open

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        return False if str(path).endswith("private.md") else real_access(path, mode, *args, **kwargs)

    def fake_open(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("private.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", fake_open)
    for command in (["check", "--no-cache", "--jobs", "1"], ["stats"]):
        result = CliRunner().invoke(main, [*command, str(private), str(other)], catch_exceptions=False)
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [f"lintcare: error: {private}: permission denied"]
        assert str(other) in result.stdout
