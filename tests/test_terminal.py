"""The report as a writer sees it in a terminal, and the options the docs name.

A real pseudo-terminal of 80 columns: every line fits, and each caret stands under the
flagged characters on long lines and lines with wide and combining characters. The
options of each command's --help are exactly those README's tables (and docs/spelling.md's
LanguageTool table) name.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

from click.testing import CliRunner

from lintcare.cli.main import main
from lintcare.report.excerpt import cell_width, fit, text_width

from .conftest import ROOT

WIDE = "診療所の案内 😀 Ask us about Spravado today.\n"
COMBINING = "Cafe\u0301 de\u0301cor, nai\u0308ve questions: ask about Spravado at the front desk.\n"
LONG = ("Our clinic offers several treatments for depression that has not improved with other care, "
        "and our nurses answer questions by phone every weekday; ask about Spravado and whether it "
        "suits you, how often visits happen, what the first month looks like and who drives you home.\n")
PAGE = "Call us at (555) 123-4567 with questions.\n" + WIDE + COMBINING + LONG


def run_in_terminal(args: list[str], columns: int = 80, env: dict[str, str] | None = None) -> str:
    """Run the CLI with a pseudo-terminal of ``columns`` as its standard streams."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "lintcare", *args], stdin=slave, stdout=slave,
                            stderr=slave, cwd=ROOT, env={**base, "PYTHONPATH": str(ROOT), **(env or {})})
    os.close(slave)
    chunks = []
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        proc.wait(timeout=120)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def under_carets(shown: str, carets: str) -> str:
    """The characters of ``shown`` that start in the cells the carets cover."""
    first, last = carets.index("^"), carets.rindex("^")
    cell, out = 0, []
    for ch in shown:
        if first <= cell <= last:
            out.append(ch)
        cell += cell_width(ch)
    return "".join(out)


def test_caret_alignment_in_an_80_column_terminal(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = run_in_terminal(["check", "--no-cache", "--color", "never", str(page)])
    lines = out.splitlines()
    # Source excerpts and caret lines fit (a long message wraps, as in any linter).
    excerpts = [ln for ln in lines if ln.startswith("    ") and not ln.startswith(("    fix:", "    try:"))]
    too_wide = [ln for ln in excerpts if text_width(ln) >= 80]
    assert excerpts and not too_wide, too_wide
    heads = [i for i, line in enumerate(lines) if "[drug-name-misspelling]" in line]
    assert [lines[i].split(":")[1] for i in heads] == ["2", "3", "4"]  # the wide, combining and long lines
    for i in heads:
        shown, carets = lines[i + 2], lines[i + 3]
        assert carets.strip() and set(carets.strip()) == {"^"}
        assert under_carets(shown, carets) == "Spravado", (shown, carets)
    long_excerpt = lines[heads[2] + 2]
    assert long_excerpt.strip().startswith("…") and long_excerpt.endswith("…")  # cut around the span


def test_colour_at_a_terminal_and_never_when_asked(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(WIDE, encoding="utf-8")
    assert "\x1b[" in run_in_terminal(["check", "--no-cache", str(page)])
    assert "\x1b[" not in run_in_terminal(["check", "--no-cache", str(page)], env={"NO_COLOR": "1"})
    assert "\x1b[" not in run_in_terminal(["check", "--no-cache", "--color", "never", str(page)])


def test_a_narrow_terminal_still_gets_40_columns(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(LONG, encoding="utf-8")
    out = run_in_terminal(["check", "--no-cache", "--color", "never", str(page)], columns=20)
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if "[drug-name-misspelling]" in line)
    assert text_width(lines[i + 2]) <= 40 and under_carets(lines[i + 2], lines[i + 3]) == "Spravado"


def test_fit_places_carets_by_cells():
    shown, carets = fit("東京 Spravado", 3, 11, 60)
    assert shown == "東京 Spravado" and carets == " " * 5 + "^" * 8
    shown, carets = fit("e\u0301e\u0301 word", 5, 9, 60)  # two combining marks take no cell
    assert carets == " " * 3 + "^" * 4
    shown, carets = fit("a\tb", 2, 3, 60)  # a tab is shown as one space
    assert shown == "a b" and carets == "  ^"
    shown, carets = fit("x" * 300, 150, 158, 60)
    assert text_width(shown) <= 60 and shown[0] == shown[-1] == "…"
    assert under_carets(shown, carets) == "x" * 8
    shown, carets = fit("ab", 2, 2, 60)  # an empty span at the end still gets one caret
    assert carets == "  ^"


# -- the docs and --help agree ---------------------------------------------------------
_OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def help_options(*command: str) -> set[str]:
    result = CliRunner().invoke(main, [*command, "--help"], env={"COLUMNS": "200"})
    names: set[str] = set()
    in_options = False
    for line in result.output.splitlines():
        if line.strip() in ("Options:", "Commands:"):
            in_options = line.strip() == "Options:"
            continue
        if in_options and line.startswith("  -"):
            names.update(_OPTION.findall(re.split(r"\s{2,}", line.strip())[0]))
    return names - {"-h", "--help"}


def table_rows(text: str, after: str) -> list[list[str]]:
    """The cells of the first Markdown table after the line that starts with ``after``."""
    lines = text[text.index(after):].splitlines()[1:]
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


def test_readme_docs_and_help_name_the_same_options():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    spelling = (ROOT / "docs" / "spelling.md").read_text(encoding="utf-8")
    rows = table_rows(readme, "Options of `check`") + table_rows(spelling, "| option | meaning |")
    documented_check = {name for row in rows for name in _OPTION.findall(row[0])}
    assert documented_check == help_options("check")
    others: dict[str, set[str]] = {}
    for command, options, _ in table_rows(readme, "Options of the other commands"):
        others.setdefault(command.strip("`").split()[0], set()).update(_OPTION.findall(options))
    assert set(others) == {"baseline", "stats", "rules", "explain", "init"}
    for command, documented in others.items():
        assert documented == help_options(command), command
    assert help_options("rules", "test") == set() and help_options() == {"--version"}


def test_a_run_leaves_git_status_clean(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", PYTHONPATH=str(ROOT))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    (tmp_path / "page.md").write_text("# Visits\n\nAsk us about Spravado today.\n", encoding="utf-8")
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True, env=env)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "page"], cwd=tmp_path, check=True, env=env)
    done = subprocess.run([sys.executable, "-m", "lintcare", "check", "."], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 1 and (tmp_path / ".lintcare-cache").is_dir()
    status = subprocess.run([*git, "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, check=True)
    assert status.stdout == ""
