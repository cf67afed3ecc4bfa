"""Fuzzing what a repository or a shared folder hands lintcare besides its pages: configs,
team rule files, baselines and result-cache rows (issue 23).

Properties:

- a config, rule file or baseline either loads (and a config's rules then lint a page) or
  fails with its own error type and a one-line message of modest length; nothing else
  is raised;
- a cache row either verifies and decodes to findings, or is a miss (None); a row of
  this user's key with one byte changed is always a miss.

``python -m tests.fuzz`` runs these beside the document properties; ``EXAMPLES`` counts them.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintcare.api import default_rules, lint_source
from lintcare.baseline import BaselineError
from lintcare.baseline import load as load_baseline
from lintcare.config import ConfigError, Resolver
from lintcare.faults import PartialLint, RuleError
from lintcare.findings import Edit, Finding, Fix
from lintcare.rules.loader import load_rules
from lintcare.run import trust
from lintcare.run.cache import CACHE_FORMAT, StoredFindings, _entry, mac
from lintcare.sources import Source

MAX_MESSAGE = 1000
EXAMPLES: Counter[str] = Counter()  # examples checked, by what they were

# -- YAML, for configs and rule files -------------------------------------------------------
SCALARS = ["typo", "warning", "error", "none", "repeated-word", "", "~", "null", "yes", "1e400", ".nan",
           "-0", "0x1F", "2026-12-07", "'quoted'", '"a\\u0000b"', "!!binary aGk=",
           "!!python/object:os.system", "!!str", "*undefined", "&anchor x", "|\n  block\n", "{", "[", "]",
           "}", ":", "- -", "? x",
           "\\9", "\\g<who>", "(a+)+$", "[", "(?P<v>call)", "(?i)ketamin", "x" * 300, "é", "\t", "#c"]
CONFIG_KEYS = ["extends", "select", "ignore", "severity", "fail-on", "include", "exclude", "rule-files",
               "vocabulary", "locale", "page-kind", "lint-page-chrome", "overrides", "languagetool",
               "accept", "reject", "files", "bogus"]


@st.composite
def yaml_values(draw, depth: int = 0) -> str:
    """Flow-style YAML: scalars, lists, mappings, anchors, aliases and deep brackets."""
    kind = draw(st.integers(0, 6 if depth < 3 else 1))
    if kind <= 1:
        return draw(st.sampled_from(SCALARS) | st.text(max_size=6))
    if kind == 2:
        return "[" + ", ".join(draw(st.lists(yaml_values(depth + 1), max_size=4))) + "]"
    if kind == 3:
        pairs = draw(st.lists(st.tuples(st.sampled_from(CONFIG_KEYS), yaml_values(depth + 1)), max_size=4))
        return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    if kind == 4:
        n = draw(st.integers(1, 40_000))
        return "[" * n + "]" * n
    if kind == 5:
        return "&a " + draw(yaml_values(depth + 1))
    return "*a"


@st.composite
def configs(draw) -> str:
    pairs = draw(st.lists(st.tuples(st.sampled_from(CONFIG_KEYS), yaml_values()), max_size=5))
    text = "".join(f"{k}: {v}\n" for k, v in pairs)
    return draw(st.sampled_from(["", "---\n", "%YAML 1.1\n---\n", "- a list\n"])) + text


RULE_FIELDS = {
    "id": ["team-x", "x", "Bad Id", "", "[]"],
    "category": ["typo", "terminology", "nonsense", "[typo]"],
    "severity": ["warning", "error", "fatal", "{a: 1}"],
    "kind": ["pattern", "tokens", "terms", "occurrence", "requires", "[pattern]", "{pattern: 1}", "bogus"],
    "pattern": ["'call'", "'(?P<verb>call)'", "'(a+)+$'", "'['", "'(?<=a+)b'", "'\\bthe the\\b'", "[1, 2]"],
    "replace": ["'phone'", "'\\9'", "'\\g<verb>'", "'\\g<who>'", "'\\'", "[x]", "'\\1\\1'"],
    "message": ["'Write it the team way.'", "''", "[a]"],
    "source": ["'team style'", "1"],
    "patterns": ["[[{TEXT: {REGEX: '^(a|aa)+$'}}]]", "[[{LOWER: b}]]", "[x]", "[[{NOPE: 1}]]"],
}
RULE_EXAMPLES = "    examples:\n      fail: ['Please call us.']\n      pass: ['Please phone us.']\n"


@st.composite
def rule_files(draw) -> str:
    fields = draw(st.lists(st.sampled_from(sorted(RULE_FIELDS)), unique=True, min_size=3))
    lines = [f"    {name}: {draw(st.sampled_from(RULE_FIELDS[name]) | yaml_values())}" for name in fields]
    body = "rules:\n  - " + "\n".join(lines)[4:] + "\n" + (RULE_EXAMPLES if draw(st.booleans()) else "")
    return body if draw(st.integers(0, 5)) else draw(configs())


# -- JSON, for baselines -------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["version", "findings", "path", "rule", "fingerprint", "count", "text"]), inner,
        max_size=5),
    max_leaves=20)


@st.composite
def baselines(draw) -> str:
    import json

    kind = draw(st.integers(0, 3))
    if kind == 0:
        n = draw(st.integers(1, 100_000))
        return "[" * n + "]" * n
    if kind == 1:
        return draw(st.text(max_size=30))
    findings = draw(st.lists(json_values, max_size=4))
    return json.dumps({"version": draw(st.sampled_from([1, 1, 2, "1", None])), "findings": findings})


# -- cache rows ----------------------------------------------------------------------------
KEY = b"k" * trust.KEY_BYTES
FINDING = Finding("repeated-word", "typo", "warning", "Repeated word.", "p", 12, 19, 1, 13, 1, 20,
                  "the the", ("the",), "span", Fix((Edit(12, 19, "the"),), True), (("note", [1, "x"]),))


def _valid_row(key: str) -> tuple[str, bytes]:
    import json

    stored = StoredFindings.of([FINDING], "p")
    counts = json.dumps(stored.severities, sort_keys=True).encode()
    head = json.dumps({"format": CACHE_FORMAT, "severities": stored.severities,
                       "mac": mac(KEY, key.encode(), counts, stored.rows)})
    return head, stored.rows


# -- the properties ------------------------------------------------------------------------
def _one_line(exc: Exception) -> None:
    text = str(exc)
    assert text.isprintable() and len(text) <= MAX_MESSAGE, (type(exc).__name__, text[:200])


def check_config(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".lintcare.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            resolver = Resolver(str(path))
            config = resolver.config_for(str(Path(folder) / "page.txt"))
            ruleset = resolver.ruleset_for(config)
            page = Source(str(Path(folder) / "page.txt"), "Call the the desk.\n", "text")
            lint_source(page, ruleset, config)
        except (ConfigError, RuleError, PartialLint) as exc:
            _one_line(exc)
    EXAMPLES["config"] += 1


def check_rule_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "team.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            ruleset = load_rules([path], default_rules())
            page = Source("page.txt", "Please call the aaaaaaaaaaaaaaaaaaaaaaaab desk.\n", "text")
            lint_source(page, ruleset)
        except (RuleError, PartialLint) as exc:
            _one_line(exc)
    EXAMPLES["rule file"] += 1


def check_baseline(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "known.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_baseline(str(path))
        except BaselineError as exc:
            _one_line(exc)
    EXAMPLES["baseline"] += 1


def check_cache_row(head: object, rows: object, flip: int | None) -> None:
    key = "k" * 64
    real_head, real_rows = _valid_row(key)
    assert _entry(KEY, key, (real_head, real_rows), "p") == [FINDING]
    if flip is not None:  # one byte of a valid row changed: always a miss
        target = bytearray(real_rows)
        target[flip % len(target)] ^= 1 << (flip % 8)
        assert _entry(KEY, key, (real_head, bytes(target)), "p") is None
        assert _entry(KEY, "j" + key[1:], (real_head, real_rows), "p") is None  # another file's key
    found = _entry(KEY, key, (head, rows), "p")  # must not raise
    assert found is None or all(isinstance(f, Finding) for f in found)
    EXAMPLES["cache row"] += 1


heads = st.one_of(st.text(max_size=40), st.binary(max_size=20), st.integers(), st.none(),
                  json_values.map(lambda v: __import__("json").dumps(v)))


def settings_test(max_examples: int):
    """The settings properties as one hypothesis test with this budget."""

    @settings(max_examples=max_examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        which = data.draw(st.integers(0, 3))
        if which == 0:
            check_config(data.draw(configs()))
        elif which == 1:
            check_rule_file(data.draw(rule_files()))
        elif which == 2:
            check_baseline(data.draw(baselines()))
        else:
            check_cache_row(data.draw(heads), data.draw(st.binary(max_size=40) | st.text(max_size=10)),
                            data.draw(st.none() | st.integers(0, 10_000)))

    return run
