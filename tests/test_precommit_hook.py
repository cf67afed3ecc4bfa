"""The pre-commit hook, run by the real pre-commit tool against a git copy of this repository.

pre-commit builds the hook's environment by pip-installing the copy, so this also proves that
the package installs with everything it needs at run time. The first build takes a while.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None,
    reason="needs git and pre-commit",
)

PAGE_MD = ("# Ketamine visits\n\nHer brother committed suicide after years of depression.\n"
           "Call us at (555) 123-4567. If you are in crisis, call or text 988; in danger, call 911.\n")
PAGE_TXT = "Ask whether Spravado is right for you. Call us at (555) 123-4567.\n"
PAGE_HTML = "<p>Patients who failed treatment can call us at (555) 123-4567.</p>\n"
CLEAN_MD = "# TMS visits\n\nCall us at (555) 123-4567 to ask about TMS. A nurse will explain each step.\n"
# Source code is not content: the hook must not be handed it, whatever its comments say.
NOTES_PY = "# Her brother committed suicide.\nprint('Ask about Spravado')\n"


def git_env(tmp: Path) -> dict[str, str]:
    # No GIT_DIR from an enclosing hook, no user or system git config (signing, templates).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_HOME=str(tmp / "cache"),
               GIT_AUTHOR_NAME="lintcare tests", GIT_AUTHOR_EMAIL="tests@example.org",
               GIT_COMMITTER_NAME="lintcare tests", GIT_COMMITTER_EMAIL="tests@example.org")
    return env


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def git(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = run(["git", *args], cwd, env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def clone_of_this_repository(dest: Path, env: dict[str, str]) -> str:
    """A one-commit repository with what git would commit from this working tree now."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    dest.mkdir()
    for name in filter(None, listed.stdout.split("\0")):
        src = ROOT / name
        if src.is_file():  # a tracked file deleted in the working tree is skipped
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    git(["init", "-q"], dest, env)
    git(["add", "-A"], dest, env)
    git(["commit", "-q", "-m", "lintcare under test"], dest, env)
    return git(["rev-parse", "HEAD"], dest, env).strip()


def test_hook_definition_uses_known_file_types():
    identify = pytest.importorskip("identify.identify")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "lintcare" and hook["language"] == "python"
    assert hook["entry"] == "lintcare check"
    for tag in hook["types_or"] + hook.get("exclude_types", []):
        assert tag in identify.ALL_TAGS, tag
    for name, wanted in [("page.md", True), ("page.markdown", True), ("page.html", True), ("page.htm", True),
                         ("page.txt", True), ("notes.py", False), ("config.yaml", False)]:
        tags = identify.tags_from_filename(name)
        chosen = bool(tags & set(hook["types_or"])) and not tags & set(hook.get("exclude_types", []))
        assert chosen == wanted, name


def test_precommit_runs_the_hook_from_a_clone(tmp_path):
    env = git_env(tmp_path)
    sha = clone_of_this_repository(tmp_path / "lintcare", env)
    consumer = tmp_path / "site"
    consumer.mkdir()
    git(["init", "-q"], consumer, env)
    config = {"repos": [{"repo": str(tmp_path / "lintcare"), "rev": sha, "hooks": [{"id": "lintcare"}]}]}
    (consumer / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name, text in [("page.md", PAGE_MD), ("page.txt", PAGE_TXT), ("page.html", PAGE_HTML),
                       ("clean.md", CLEAN_MD), ("notes.py", NOTES_PY)]:
        (consumer / name).write_text(text, encoding="utf-8")
    git(["add", "-A"], consumer, env)
    precommit = [sys.executable, "-m", "pre_commit", "run", "lintcare", "--files"]

    bad = run([*precommit, "page.md", "page.txt", "page.html", "notes.py"], consumer, env)
    out = bad.stdout + bad.stderr
    assert bad.returncode == 1, out
    assert "page.md:3:13: error [suicide-stigma-terms]" in out
    assert "page.txt:1:13: error [drug-name-misspelling]" in out
    assert "page.html:1:4: warning [patient-failed-treatment]" in out
    assert "notes.py" not in out

    clean = run([*precommit, "clean.md"], consumer, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    code_only = run([*precommit, "notes.py"], consumer, env)
    assert code_only.returncode == 0, code_only.stdout + code_only.stderr
    assert "(no files to check)Skipped" in code_only.stdout
