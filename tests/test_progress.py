"""The progress bar: at a terminal for long runs only, and it leaves no trace."""

from __future__ import annotations

import io

from lintcare.cli.progress import MIN_FILES, track, wanted


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


def test_bar_counts_files_and_clears_its_line():
    stream = Terminal()
    items = [f"content/page{i}.md" for i in range(25)]
    seen = list(track(items, stream, label=str))
    assert seen == items
    out = stream.getvalue()
    assert "0/25 content/page0.md" in out and "24/25 content/page24.md" in out
    assert "#" * 12 in out  # half-way and beyond
    last = out.rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == ""  # the final redraw blanks the line
    assert "\n" not in out


def test_cli_shows_it_for_text_reports_only(run_cli, tmp_path, monkeypatch):
    for i in range(MIN_FILES + 5):
        (tmp_path / f"page{i}.txt").write_text("Call us at (555) 123-4567 about TMS.\n", encoding="utf-8")
    monkeypatch.delenv("CI", raising=False)
    code, out, err = run_cli("check", str(tmp_path))  # the test runner's streams are no terminal
    assert code == 0 and "in 25 files" in out and err == ""

    monkeypatch.setattr("lintcare.cli.progress._isatty", lambda stream: True)
    code, out, err = run_cli("check", "--no-cache", str(tmp_path))
    assert code == 0 and "lintcare [" in err and "24/25" in err
    assert "lintcare [" not in out
    for fmt in ("json", "sarif", "github"):
        assert run_cli("check", "--format", fmt, str(tmp_path))[2] == ""
    monkeypatch.setenv("CI", "true")
    assert run_cli("check", str(tmp_path))[2] == ""
