from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintcare.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "why-patients-stop-ketamine-early.txt"


@pytest.fixture
def run_cli():
    """Run the CLI in-process; returns (exit_code, stdout, stderr)."""

    def run(*args: str, input: str | bytes | None = None):
        runner = CliRunner()
        result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def run_json(run_cli):
    def run(*args: str, input: str | None = None):
        code, out, _ = run_cli("check", "--format", "json", *args, input=input)
        return code, json.loads(out)

    return run
