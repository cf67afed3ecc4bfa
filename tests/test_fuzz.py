"""A small fuzzing budget in the default suite; ``python -m tests.fuzz --minutes 10`` runs long."""

from __future__ import annotations

from .fuzz import STATS, check_all, fuzz_test


def test_generated_documents_keep_positions_and_fix_idempotently():
    before = STATS.examples["fix"]
    fuzz_test(60)()
    assert STATS.examples["fix"] - before >= 50  # the examples ran all three checks


def test_generated_configs_rule_files_baselines_and_cache_rows_fail_cleanly():
    from .fuzz_settings import EXAMPLES, settings_test

    before = sum(EXAMPLES.values())
    settings_test(20)()
    assert sum(EXAMPLES.values()) - before == 20


def test_the_settings_checks_catch_a_message_of_many_lines(monkeypatch):
    from lintcare.baseline import BaselineError

    from .fuzz_settings import check_baseline

    class Loud(BaselineError):  # what an error type without the one-line guard would say
        def __str__(self) -> str:
            return "first line\nsecond line"

    def loud(file):
        raise Loud()

    monkeypatch.setattr("tests.fuzz_settings.load_baseline", loud)
    try:
        check_baseline("{}")
    except AssertionError:
        return
    raise AssertionError("a two-line message passed the checks")


def test_the_checks_catch_a_finding_whose_range_does_not_slice_to_its_text(monkeypatch):
    """The fuzz properties must be able to fail: a finding shifted by one is caught."""
    import dataclasses

    import lintcare.api as api

    real = api.lint_source

    def shifted(source, ruleset=None, config=None):
        return [dataclasses.replace(f, start=f.start + 1) for f in real(source, ruleset, config)]

    monkeypatch.setattr("tests.fuzz.lint_source", shifted)
    try:
        check_all("Ask us about Spravado today.", "text", False)
    except AssertionError:
        return
    raise AssertionError("a shifted finding passed the checks")
