"""The shipped JSON Schemas: they agree with the code, and their errors read as one short line."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from lintcare.config import FAIL_ON, ConfigError, load_config, starter_text, write_starter
from lintcare.findings import CATEGORIES, SEVERITIES
from lintcare.kinds import KINDS, RuleError
from lintcare.paths import default_rules_path
from lintcare.rules.loader import COMMON_FIELDS, FACT_FIELDS, FACT_WHERE, FIX_MODES, REQUIRED, load_rules
from lintcare.schema import load_schema, schema_path
from lintcare.sources import FORMATS

from .conftest import ROOT

RULES = load_schema("rules")
CONFIG = load_schema("config")
DEFS = RULES["$defs"]
# Common fields another change adds to the loader; the schema allows them already.
PENDING_COMMON: set[str] = set()
JSON_TYPES = {str: "string", list: "array", dict: "object", bool: "boolean", int: "integer", float: "number"}


def json_types(schema: dict) -> set[str]:
    types = schema.get("type")
    if types is None and "enum" in schema:
        types = "string"
    found = {types} if isinstance(types, str) else set(types or ())
    return found - {"integer"} if "number" in found else found  # a number includes whole numbers


def py_types(types: tuple[type, ...]) -> set[str]:
    found = {JSON_TYPES[t] for t in types}
    return found - {"integer"} if "number" in found else found


# -- the schemas agree with the code ------------------------------------------------------
def test_every_kind_field_is_in_the_schema_and_no_other():
    kinds_in_schema = {name.removeprefix("kind-") for name in DEFS if name.startswith("kind-")}
    assert kinds_in_schema == set(KINDS)
    assert DEFS["rule"]["properties"]["kind"]["enum"] == sorted(KINDS)
    for name, cls in KINDS.items():
        kind = DEFS[f"kind-{name}"]
        assert set(kind["properties"]) == set(cls.fields), name
        assert set(kind.get("required", ())) == set(cls.required), name
        for fld, types in cls.fields.items():
            assert json_types(kind["properties"][fld]) == py_types(types), (name, fld)
    # each kind's branch is chosen by its name
    branches = {b["if"]["properties"]["kind"]["const"]: b["then"]["$ref"] for b in DEFS["rule"]["allOf"]}
    assert branches == {name: f"#/$defs/kind-{name}" for name in KINDS}


def test_common_fields_facts_and_enums_match_the_loader():
    common = DEFS["rule"]["properties"]
    assert set(COMMON_FIELDS) <= set(common)
    assert set(common) - set(COMMON_FIELDS) <= PENDING_COMMON
    for fld, types in COMMON_FIELDS.items():
        assert json_types(common[fld]) == py_types(types), fld
    assert set(DEFS["rule"]["required"]) == set(REQUIRED)
    assert common["category"]["enum"] == list(CATEGORIES)
    assert common["severity"]["enum"] == list(SEVERITIES)
    assert common["fix"]["enum"] == list(FIX_MODES)
    fact = DEFS["fact"]["anyOf"][1]
    assert set(fact["properties"]) == set(FACT_FIELDS)
    assert fact["properties"]["where"]["enum"] == list(FACT_WHERE)
    assert DEFS["example"]["anyOf"][1]["properties"]["format"]["enum"] == list(FORMATS)
    assert CONFIG["properties"]["fail-on"]["enum"] == list(FAIL_ON)


@pytest.mark.parametrize("name", ["config", "rules"])
def test_schemas_are_valid_and_every_property_explains_itself(name):
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    missing = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if not (prop.get("title") and prop.get("description")):
                    missing.append(f"{where}.{key}")
            for key, value in node.items():
                if key != "if":  # a condition, not a field anyone writes
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(schema, name)
    assert missing == []


def test_the_built_in_rule_file_fits_the_schema():
    """lintcare's own rules.yaml is not validated at each start (it costs a cold run a fifth of
    a second): this test is its check."""
    data = yaml.safe_load(default_rules_path().read_text(encoding="utf-8"))
    assert [e.message for e in Draft202012Validator(RULES).iter_errors(data)] == []


# -- rule file errors ----------------------------------------------------------------------
GOOD = """\
facts:
  has-phone: '\\(\\d{3}\\) \\d{3}-\\d{4}'
rules:
  - id: first-rule
    category: typo
    severity: warning
    message: 'first'
    source: 'test'
    kind: pattern
    pattern: '\\bfoo\\b'
    examples:
      fail: ['a foo', 'foo b']
      pass: ['a bar', 'bar b']
  - id: second-rule
    category: terminology
    severity: suggestion
    message: 'second'
    source: 'test'
    kind: terms
    terms: {clinic: Clinic}
    case_sensitive: true
    examples:
      fail: ['the clinic', 'a clinic']
      pass: ['the Clinic', 'a Clinic']
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    return path, load_rules([path])


@pytest.mark.parametrize(("change", "expected"), [
    (("kind: pattern", "kind: magic"), "rule 'first-rule': field 'kind': must be one of agreement, balance,"),
    (("    kind: pattern\n", ""), "rule 'first-rule': field 'kind': is required"),
    (("id: second-rule", "id: Second_Rule"),
     "rule 'Second_Rule': field 'id': must be kebab-case (lowercase words joined by '-')"),
    (("terms: {clinic: Clinic}", "terms: {clinic: Clinic}\n    max_words: 3"),
     "rule 'second-rule': field 'max_words': unknown field for kind 'terms'"),
    (("case_sensitive: true", "case_sensitive: 1"),
     "rule 'second-rule': field 'case_sensitive': must be true or false, not a number"),
    (("fail: ['a foo', 'foo b']", "fail: ['a foo', 7]"),
     "rule 'first-rule': field 'examples.fail[1]': each example is a text or a mapping with 'text'"),
    (("fail: ['a foo', 'foo b']", "fail: ['a foo', {text: 'foo b', colour: red}]"),
     "rule 'first-rule': field 'examples.fail[1].colour': unknown key (known: text, format, fixed)"),
    (("pass: ['a bar', 'bar b']", "pass: ['a bar']"),
     "rule 'first-rule': field 'examples.pass': needs a list of at least two examples"),
    (("has-phone: '\\(\\d{3}\\) \\d{3}-\\d{4}'", "has-phone: {pattern: x, where: footer}"),
     "rule 'facts.has-phone': field 'where': must be one of any, heading, body"),
    (("has-phone: '\\(\\d{3}\\) \\d{3}-\\d{4}'", "has-phone: {pattern: x, weight: 2}"),
     "rule 'facts.has-phone': field 'weight': unknown field for a fact"),
    (("has-phone: '\\(\\d{3}\\) \\d{3}-\\d{4}'", "has-phone: 12"),
     "rule 'facts.has-phone': field 'pattern': a fact is a pattern string or a mapping with 'pattern'"),
], ids=["unknown-kind", "missing-kind", "bad-id", "field-of-another-kind", "wrong-type", "bad-example",
        "unknown-example-key", "too-few-examples", "fact-where", "fact-field", "fact-type"])
def test_rule_schema_errors_name_rule_and_field(tmp_path, change, expected):
    assert change[0] in GOOD
    with pytest.raises(RuleError) as exc:
        load(tmp_path, GOOD.replace(*change, 1) if change[1] != "" else GOOD.replace(change[0], ""))
    message = str(exc.value)
    assert message.startswith(f"{tmp_path / 'team.yaml'}: {expected}"), message
    assert "\n" not in message


def test_rules_that_are_not_a_list(tmp_path):
    with pytest.raises(RuleError, match=r"team.yaml: 'rules' must be a list or empty, not a string$"):
        load(tmp_path, "rules: many\n")


def test_the_first_broken_rule_in_the_file_is_reported(tmp_path):
    text = GOOD.replace("severity: suggestion", "severity: loud").replace("category: typo", "category: tpyo")
    with pytest.raises(RuleError, match="rule 'first-rule': field 'category'"):
        load(tmp_path, text)


def test_a_huge_value_is_cut_short(tmp_path):
    long_id = "x" * 500 + "_"
    with pytest.raises(RuleError) as exc:
        load(tmp_path, GOOD.replace("id: first-rule", f"id: {long_id}"))
    assert len(str(exc.value)) < len(str(tmp_path)) + 200
    assert "x" * 59 + "…" in str(exc.value)


def test_new_example_and_rule_fields_are_accepted(tmp_path):
    text = GOOD.replace("fail: ['a foo', 'foo b']",
                        "fail: [{text: 'a foo', fixed: 'a foo'}, {text: '*foo* b', format: markdown}]")
    text = text.replace("    kind: terms\n", "    kind: terms\n    supersedes: [first-rule]\n"
                                             "    page_kinds: [news]\n")
    _, rules = load(tmp_path, text)
    first = rules.get("first-rule")
    assert first is not None and [e.fmt for e in first.fail] == ["text", "markdown"]
    second = rules.get("second-rule")
    assert second.supersedes == {"first-rule"} and second.page_kinds == {"news"}


# -- config errors and globs -----------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("overrides: [{files: 5}]\n", "key 'overrides[0].files': must be a string or a list, not a number"),
    ("vocabulary: {accept: [ok], allow: [x]}\n",
     "key 'vocabulary.allow': unknown key (known: accept, reject)"),
    ("select: [typo, '']\n", "key 'select[1]': must not be empty"),
    ("fail-on: loud\n", "key 'fail-on': must be one of error, warning, suggestion, none"),
    ("y" * 300 + ": 1\n", "key '" + "y" * 59 + "…': unknown key (known: extends, select,"),
])
def test_config_schema_errors_name_the_key(tmp_path, text, expected):
    (tmp_path / ".lintcare.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path / ".lintcare.yaml")
    assert str(exc.value).startswith(f"{tmp_path / '.lintcare.yaml'}: {expected}"), str(exc.value)


def test_globs_follow_gitignore_rules_relative_to_the_config(tmp_path):
    (tmp_path / ".lintcare.yaml").write_text(textwrap.dedent("""\
        include: [content, "!content/private/", ./notes/*.md]
        exclude: ["*.draft.md", "content/old/"]
        overrides:
          - files: legal
            ignore: [readability]
        """), encoding="utf-8")
    cfg = load_config(tmp_path / ".lintcare.yaml")

    def found(rel: str) -> bool:
        return cfg.selected(str(tmp_path / rel), explicit=False)

    assert found("content/a.md") and found("content/deep/b.md") and found("notes/n.md")
    assert not found("content/private/c.md")  # taken back with "!"
    assert not found("deep/notes/n.md")  # "./notes" is this folder's notes only
    assert not found("content/x.draft.md") and not found("content/old/y.md")
    assert not found("elsewhere/z.md")
    assert cfg.selected(str(tmp_path / "elsewhere/z.md"), explicit=True)  # named files skip include
    assert [o.matches("a/legal/terms.md") for o in cfg.overrides] == [True]
    assert [o.matches("legalese.md") for o in cfg.overrides] == [False]


# -- the starter -------------------------------------------------------------------------------
EXAMPLE = re.compile(r"# (\s*- |\s*[a-z][a-z-]*:(\s|$))")


def test_every_starter_example_uncomments_to_a_valid_config(tmp_path):
    text = starter_text()
    lines = text.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema={schema_path('config').as_uri()}"
    assert schema_path("config").is_file()
    examples = [i for i, line in enumerate(lines) if i and EXAMPLE.match(line)]
    uncommented = [line[2:] if i in examples else line for i, line in enumerate(lines)]
    (tmp_path / "site").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / ".lintcare.yaml").write_text("fail-on: error\n", encoding="utf-8")
    (tmp_path / "site" / "lintcare-rules.yaml").write_text("rules: []\n", encoding="utf-8")
    target = tmp_path / "site" / ".lintcare.yaml"
    target.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    cfg = load_config(target)
    # Every key's example was found and uncommented: the config sets all of them.
    assert cfg.select and cfg.ignore and dict(cfg.severity)["readability"] == "suggestion"
    assert cfg.include == ("content/**",) and cfg.exclude == ("drafts/**",)
    assert len(cfg.overrides) == 2 and len(cfg.rule_files) == 1
    assert (cfg.locale, cfg.page_kind, cfg.lint_page_chrome) == ("en-GB", "provider", True)
    assert cfg.vocabulary.reject == {"cure-all"} and cfg.fail_on == "warning"
    # As written, the starter is only comments and defaults.
    default = load_config(write_starter(tmp_path))
    assert default.select is None and not default.ignore and not default.overrides


# -- cost ---------------------------------------------------------------------------------------
def test_cached_runs_and_config_free_imports_do_not_load_jsonschema(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("Call (555) 123-4567 about TMS.\n", encoding="utf-8")
    script = ("import sys\nfrom lintcare.cli.main import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print('jsonschema' in sys.modules, file=sys.stderr)\n")
    args = ["check", "--cache-dir", str(tmp_path / "cache"), str(page)]
    runs = [subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                           cwd=ROOT, check=False) for _ in range(2)]
    assert runs[1].stderr.strip().splitlines()[-1] == "False"
    done = subprocess.run([sys.executable, "-c", "import sys, lintcare.config, lintcare.api; "
                           "print('jsonschema' in sys.modules)"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"
