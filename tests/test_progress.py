"""The progress bar: at a terminal for long runs only, and it leaves no trace."""

from __future__ import annotations

import io
import threading

from lintcare.cli.progress import MIN_FILES, LiveBar, SharedCounter, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_for_many_files_at_a_terminal_outside_ci():
    tty, pipe = Terminal(), io.StringIO()
    assert wanted(MIN_FILES + 1, tty, tty, environ={})
    assert not wanted(MIN_FILES, tty, tty, environ={})  # a short run needs no bar
    assert not wanted(100, pipe, tty, environ={})  # report piped or redirected
    assert not wanted(100, tty, pipe, environ={})  # standard error in a log
    assert not wanted(100, tty, tty, environ={"CI": "true"})
    assert wanted(100, tty, tty, environ={"CI": "false"})


class Recorder(Terminal):
    """A terminal that says when something was drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn = threading.Event()

    def flush(self) -> None:
        self.drawn.set()


def test_bar_counts_finished_files_and_clears_its_line():
    stream, counter = Recorder(), SharedCounter()
    with LiveBar(25, stream, counter, interval=0.01):
        for _ in range(12):
            counter.add()
        stream.drawn.clear()
        assert stream.drawn.wait(5)  # redrawn after the count moved
        stream.drawn.clear()
        assert stream.drawn.wait(5)
    out = stream.getvalue()
    assert "0/25 files" in out and "12/25 files" in out
    assert "#" * 11 in out  # almost half-way
    last = out.rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == ""  # the final redraw blanks the line
    assert "\n" not in out


def test_workers_count_into_the_parents_bar(tmp_path):
    """Forked workers add to the counter the parent's bar reads: it moves before any
    result comes back (it stood at 0 until a worker's first task was done)."""
    from lintcare.run.parallel import run_all, tasks

    counter = SharedCounter()

    def task(i: int) -> int:
        counter.add()
        return i

    results = run_all(list(range(40)), task, 2)
    assert next(results) == 0
    first_task = tasks(40, 2)[0][1]
    assert first_task > 1 and counter() >= first_task  # a bar drawn from results would say 0 or 1
    assert list(results) == list(range(1, 40)) and counter() == 40


def test_cli_shows_it_for_text_reports_only(run_cli, tmp_path, monkeypatch):
    for i in range(MIN_FILES + 5):
        (tmp_path / f"page{i}.txt").write_text("Call us at (555) 123-4567 about TMS.\n", encoding="utf-8")
    monkeypatch.delenv("CI", raising=False)
    code, out, err = run_cli("check", str(tmp_path))  # the test runner's streams are no terminal
    assert code == 0 and "in 25 files" in out and err == ""

    monkeypatch.setattr("lintcare.cli.progress._isatty", lambda stream: True)
    code, out, err = run_cli("check", "--no-cache", str(tmp_path))
    assert code == 0 and "lintcare [" in err and "/25 files" in err
    assert "lintcare [" not in out
    for fmt in ("json", "sarif", "github"):
        assert run_cli("check", "--format", fmt, str(tmp_path))[2] == ""
    monkeypatch.setenv("CI", "true")
    assert run_cli("check", str(tmp_path))[2] == ""
