"""Project configuration: ``.lintcare.yaml`` or ``[tool.lintcare]`` in pyproject.toml.

The file is found by walking up from each linted file (``.lintcare.yaml`` before
``.lintcare.yml`` before ``pyproject.toml`` in one folder; the walk stops at the folder
that holds ``.git``); ``--config FILE`` overrides discovery. Precedence: command line
over file over defaults; with ``extends`` the extending file over the one it extends.
Every key is validated; a bad one stops the run with ``FILE: key 'KEY': reason``.

Keys::

    extends: ../shared/lintcare.yaml   # another config file, relative to this one
    select: [typo, contact]            # rule ids or categories; default all
    ignore: [double-space]             # rule ids or categories
    severity: {hype-superlative: error, readability: suggestion}
    fail-on: warning                   # error | warning | suggestion | none
    include: ["docs/**"]               # globs for files found in folders
    exclude: ["drafts/**"]
    rule-files: [team-rules.yaml]      # extra rules in the rules.yaml format
    vocabulary: {accept: [Riverbend], reject: [cure-all]}
    overrides:                         # per path; later entries win
      - files: ["legal/**"]
        ignore: [readability]
        severity: {hype-superlative: warning}

Globs are relative to the folder of the discovered config file (for a config found
through ``extends`` too). A glob without ``/`` matches a file or folder name at any
depth; a glob that matches a folder matches everything inside it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import CATEGORIES, SEVERITIES, Finding
from .language.vocabulary import EMPTY as EMPTY_VOCABULARY
from .language.vocabulary import Vocabulary

if TYPE_CHECKING:
    # Loaded only when a file is linted: a run of cache hits needs no rules (cli.py).
    from .rules.loader import ConfiguredRuleSet, RuleSet

CONFIG_FILES = (".lintcare.yaml", ".lintcare.yml")
PYPROJECT = "pyproject.toml"
FAIL_ON = (*SEVERITIES, "none")
DEFAULT_FAIL_ON = "warning"


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line naming file and key."""


@dataclass(frozen=True)
class Override:
    files: tuple[re.Pattern[str], ...]
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()

    def matches(self, rel: str) -> bool:
        return any(p.match(rel) for p in self.files)


@dataclass(frozen=True, eq=False)
class Config:
    path: Path | None = None  # the discovered (or given) file; None for the defaults
    root: Path = field(default_factory=Path.cwd)  # folder the globs are relative to
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()
    overrides: tuple[Override, ...] = ()
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    fail_on: str | None = None
    vocabulary: Vocabulary = EMPTY_VOCABULARY
    rule_files: tuple[Path, ...] = ()
    # (file, key, name) of every rule or category named, checked once rules are loaded
    names: tuple[tuple[str, str, str], ...] = ()

    # -- rules -----------------------------------------------------------------
    def rule_enabled(self, rule_id: str, category: str) -> bool:
        """The most specific mention wins: a rule id over its category."""
        if rule_id in self.ignore:
            return False
        if self.select is not None and rule_id in self.select:
            return True
        if category in self.ignore:
            return False
        return self.select is None or category in self.select

    def relative(self, path: str) -> str:
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:  # another drive
            rel = path
        return rel.replace(os.sep, "/")

    def selected(self, path: str, explicit: bool) -> bool:
        """Is this file linted? include applies to files found in folders, exclude to all."""
        if not self.exclude and (explicit or not self.include):
            return True  # no pattern to match: the relative path (slow to make) is not needed
        rel = self.relative(path)
        if any(p.match(rel) for p in self.exclude):
            return False
        return explicit or not self.include or any(p.match(rel) for p in self.include)

    def apply(self, findings: list[Finding], path: str) -> list[Finding]:
        """Per-rule, per-category and per-path filters and severities, after suppressions."""
        rel = self.relative(path)
        overrides = [o for o in self.overrides if o.matches(rel)]
        ignored = frozenset().union(*(o.ignore for o in overrides))
        tables = [dict(t) for t in (self.severity, *(o.severity for o in overrides)) if t]
        out: list[Finding] = []
        for f in findings:
            if not self.rule_enabled(f.rule, f.category):
                continue
            if f.rule in ignored or f.category in ignored:
                continue
            severity = f.severity
            for mapping in tables:  # later tables (per path) win; a rule id beats its category
                severity = mapping.get(f.rule, mapping.get(f.category, severity))
            out.append(f if severity == f.severity else dataclasses.replace(f, severity=severity))
        return out


# -- reading and validating -----------------------------------------------------
def _err(origin: str, key: str, reason: str) -> ConfigError:
    return ConfigError(f"{origin}: key '{key}': {reason}")


def _type_name(value: Any) -> str:
    return {str: "a string", list: "a list", dict: "a mapping", bool: "true/false", int: "a number",
            float: "a number", type(None): "empty"}.get(type(value), type(value).__name__)


def _strings(origin: str, key: str, value: Any, one_ok: bool = False) -> tuple[str, ...]:
    if one_ok and isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _err(origin, key, f"must be a list of strings, not {_type_name(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _err(origin, key, f"every entry must be a non-empty string, not {item!r}")
    return tuple(value)


def _severities(origin: str, key: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _err(origin, key, f"must be a mapping of rule or category to severity, not {_type_name(value)}")
    for name, sev in value.items():
        if sev not in SEVERITIES:
            raise _err(origin, f"{key}.{name}", f"must be one of {', '.join(SEVERITIES)}, not {sev!r}")
    return tuple(value.items())


def glob_pattern(origin: str, key: str, glob: str) -> re.Pattern[str]:
    """A path glob (``*``, ``**``, ``?``, ``[...]``) as a regex over '/'-separated paths."""
    pat = glob.strip().replace("\\", "/")
    anchored = "/" in pat.rstrip("/")
    pat = pat.lstrip("/")
    if pat.endswith("/"):
        pat += "**"
    if pat.startswith("./"):
        pat = pat[2:]
    if not anchored:
        pat = "**/" + pat
    out, i = [], 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif pat[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pat[i] == "?":
            out.append("[^/]")
            i += 1
        elif pat[i] == "[":
            close = pat.find("]", i + 2)
            if close < 0:
                raise _err(origin, key, f"unclosed '[' in glob {glob!r}")
            body = pat[i + 1:close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pat[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?$")


def _globs(origin: str, key: str, value: Any, one_ok: bool = False) -> tuple[re.Pattern[str], ...]:
    return tuple(glob_pattern(origin, key, g) for g in _strings(origin, key, value, one_ok))


_OVERRIDE_KEYS = ("files", "ignore", "severity")


def _override(origin: str, key: str, raw: Any) -> tuple[Override, list[tuple[str, str, str]]]:
    if not isinstance(raw, dict):
        raise _err(origin, key, f"each override is a mapping with 'files', not {_type_name(raw)}")
    for k in raw:
        if k not in _OVERRIDE_KEYS:
            raise _err(origin, f"{key}.{k}", f"unknown key (known: {', '.join(_OVERRIDE_KEYS)})")
    if "files" not in raw:
        raise _err(origin, f"{key}.files", "is required")
    ignore = _strings(origin, f"{key}.ignore", raw.get("ignore", []))
    severity = _severities(origin, f"{key}.severity", raw.get("severity", {}))
    names = [(origin, f"{key}.ignore", n) for n in ignore]
    names += [(origin, f"{key}.severity", n) for n, _ in severity]
    files = _globs(origin, f"{key}.files", raw["files"], one_ok=True)
    return Override(files, frozenset(ignore), severity), names


def _read(path: Path) -> dict[str, Any]:
    """The raw settings of one file: the whole YAML file or pyproject's [tool.lintcare]."""
    origin = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{origin}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"{origin}: cannot read configuration: {reason}") from None
    if path.suffix == ".toml":
        try:
            import tomllib
        except ImportError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin}: TOML syntax error: {exc}") from None
        table = data.get("tool", {}).get("lintcare", {}) if isinstance(data.get("tool"), dict) else {}
        if not isinstance(table, dict):
            raise _err(origin, "tool.lintcare", "must be a table")
        return table
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{origin}: YAML syntax error{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: a configuration is a mapping of keys, not {_type_name(data)}")
    return data


KEYS = ("extends", "select", "ignore", "severity", "fail-on", "include", "exclude", "rule-files",
        "vocabulary", "overrides")


def _layer(path: Path, root: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    """Validated settings of one file, merged over the file it extends."""
    origin = str(path)
    raw = _read(path)
    for key in raw:
        if key not in KEYS:
            raise _err(origin, str(key), f"unknown key (known: {', '.join(KEYS)})")
    here = path.parent
    base: dict[str, Any] = {}
    if "extends" in raw:
        ext = raw["extends"]
        if not isinstance(ext, str) or not ext.strip():
            raise _err(origin, "extends", f"must be a path string, not {_type_name(ext)}")
        target = (here / ext).resolve()
        if target in chain:
            raise _err(origin, "extends", f"'{ext}' extends itself in a cycle")
        if not target.is_file():
            raise _err(origin, "extends", f"no such file '{ext}'")
        base = _layer(target, root, (*chain, target))
    layer: dict[str, Any] = {"names": list(base.get("names", []))}
    for key in ("select", "ignore"):
        if key in raw:
            layer[key] = _strings(origin, key, raw[key])
            layer["names"] += [(origin, key, n) for n in layer[key]]
    if "severity" in raw:
        sev = _severities(origin, "severity", raw["severity"])
        layer["names"] += [(origin, "severity", n) for n, _ in sev]
        layer["severity"] = (*base.get("severity", ()), *sev)
    if "fail-on" in raw:
        if raw["fail-on"] not in FAIL_ON:
            raise _err(origin, "fail-on", f"must be one of {', '.join(FAIL_ON)}, not {raw['fail-on']!r}")
        layer["fail_on"] = raw["fail-on"]
    for key in ("include", "exclude"):
        if key in raw:
            layer[key] = _globs(origin, key, raw[key])
    files = []
    for name in _strings(origin, "rule-files", raw.get("rule-files", [])):
        target = (here / name).resolve()
        if not target.is_file():
            raise _err(origin, "rule-files", f"no such file '{name}'")
        files.append(target)
    layer["rule_files"] = (*base.get("rule_files", ()), *files)
    vocab = raw.get("vocabulary", {})
    if not isinstance(vocab, dict):
        raise _err(origin, "vocabulary",
                   f"must be a mapping with 'accept' and 'reject', not {_type_name(vocab)}")
    for k in vocab:
        if k not in ("accept", "reject"):
            raise _err(origin, f"vocabulary.{k}", "unknown key (known: accept, reject)")
    old: Vocabulary = base.get("vocabulary", EMPTY_VOCABULARY)
    layer["vocabulary"] = old | Vocabulary.of(_strings(origin, "vocabulary.accept", vocab.get("accept", [])),
                                              _strings(origin, "vocabulary.reject", vocab.get("reject", [])))
    overrides = list(base.get("overrides", ()))
    raw_over = raw.get("overrides", [])
    if not isinstance(raw_over, list):
        raise _err(origin, "overrides", f"must be a list of mappings, not {_type_name(raw_over)}")
    for i, item in enumerate(raw_over):
        over, names = _override(origin, f"overrides[{i}]", item)
        overrides.append(over)
        layer["names"] += names
    layer["overrides"] = tuple(overrides)
    for key in ("select", "ignore", "fail_on", "include", "exclude", "severity"):
        layer.setdefault(key, base.get(key))
    return layer


def load_config(path: str | Path) -> Config:
    """Read and validate a config file (following ``extends``). Raises ConfigError."""
    p = Path(path).resolve()
    layer = _layer(p, p.parent, (p,))
    return Config(
        path=p,
        root=p.parent,
        select=frozenset(layer["select"]) if layer["select"] is not None else None,
        ignore=frozenset(layer["ignore"] or ()),
        severity=tuple(layer["severity"] or ()),
        overrides=layer["overrides"],
        include=layer["include"] or (),
        exclude=layer["exclude"] or (),
        fail_on=layer["fail_on"],
        vocabulary=layer["vocabulary"],
        rule_files=layer["rule_files"],
        names=tuple(layer["names"]),
    )


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[+\s*tool\.lintcare\b", text, re.MULTILINE) is not None


def find_config(start: str | Path) -> Path | None:
    """The config file for a file or folder, walking up; None if there is none."""
    p = Path(start).resolve()
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        for name in CONFIG_FILES:
            if (d / name).is_file():
                return d / name
        if (d / PYPROJECT).is_file() and _has_table(d / PYPROJECT):
            return d / PYPROJECT
        if (d / ".git").exists():  # the project ends here
            return None
    return None


def check_names(config: Config, known: Iterable[str]) -> None:
    """Every rule or category a config names must exist (a typo would switch nothing)."""
    valid = set(known) | set(CATEGORIES)
    for origin, key, name in config.names:
        if name not in valid:
            raise _err(origin, key, f"unknown rule or category '{name}'")


class Resolver:
    """Finds, loads and caches the config and rule set of each linted file."""

    def __init__(self, explicit: str | None = None, cli_rules: Iterable[str] = (),
                 fail_on: str | None = None) -> None:
        self.cli_rules = tuple(Path(p) for p in cli_rules)
        self.cli_fail_on = fail_on
        self._explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[Path, Config] = {}
        self._by_raw: dict[str, Config] = {}
        self._by_file: dict[Path, Config] = {}
        self._rules: dict[int, ConfiguredRuleSet] = {}
        self._loaded: dict[tuple[Path, ...], RuleSet] = {}
        self._default = Config()

    def config_for(self, path: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        # Files of one folder share its config: resolving the folder once, not per file,
        # is most of a warm run's time on a big site.
        raw = path if os.path.isdir(path) else os.path.dirname(path)
        config = self._by_raw.get(raw)
        if config is None:
            config = self._by_raw[raw] = self._config_in(Path(raw or "."))
        return config

    def _config_in(self, given: Path) -> Config:
        folder = given.resolve()
        if folder not in self._by_dir:
            found = find_config(folder)
            if found is None:
                self._by_dir[folder] = self._default
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                self._by_dir[folder] = self._by_file[found]
        return self._by_dir[folder]

    def _full(self, files: tuple[Path, ...]) -> RuleSet:
        """Default rules plus rule files (loaded once per list of files). Raises RuleError."""
        if files not in self._loaded:
            from .rules.loader import default_rules, load_rules

            base = default_rules()
            self._loaded[files] = load_rules(list(files), base) if files else base
        return self._loaded[files]

    def check_rules(self) -> None:
        """Load the --rules files now, so a broken one stops the run before any output."""
        self._full(self.cli_rules)

    def ruleset_for(self, config: Config) -> ConfiguredRuleSet:
        """Default rules, the config's rule files, then --rules; select/ignore applied."""
        key = id(config)
        if key not in self._rules:
            from .rules.loader import ConfiguredRuleSet
            from .suppress import META_RULES

            full = self._full((*config.rule_files, *self.cli_rules))
            known = frozenset(r.id for r in full.rules) | frozenset(META_RULES)
            check_names(config, known)
            rules = [r for r in full.rules if config.rule_enabled(r.id, r.category)]
            self._rules[key] = ConfiguredRuleSet(rules, full.facts, known)
        return self._rules[key]

    def fail_on_for(self, path: str) -> str:
        """--fail-on, else the file's config, else warning."""
        return self.cli_fail_on or self.config_for(path).fail_on or DEFAULT_FAIL_ON


STARTER = """\
# lintcare configuration. lintcare finds this file by walking up from each file it
# lints; `lintcare check --config FILE` uses FILE instead. Command-line options win
# over this file, and this file over the defaults. Every key is optional.

# Share settings: another config file (a .lintcare.yaml or a pyproject.toml with
# [tool.lintcare]), relative to this file. Keys here win over the ones it sets.
# extends: ../shared/.lintcare.yaml

# Run only these rules or categories (default: all of them). Categories: typo,
# punctuation, terminology, contact, supportive-language, compliance, readability.
# select: [typo, punctuation, terminology, contact, supportive-language, compliance]

# Switch rules or categories off (`lintcare rules` lists the rule ids).
ignore: []

# Change the severity of a rule or a whole category: error, warning or suggestion.
severity: {}
#   hype-superlative: error
#   readability: suggestion

# Lowest severity that makes `lintcare check` exit with 1: error, warning,
# suggestion or none.
fail-on: warning

# Which files to lint when a folder is given (globs relative to this file; a glob
# without "/" matches a name at any depth). exclude applies to named files too.
include: []
#   - "content/**"
exclude: []
#   - "drafts/**"

# Settings for some paths only; later entries win.
overrides: []
#   - files: ["legal/**"]
#     ignore: [readability]
#     severity: {hype-superlative: warning}

# Your team's own rules, in the rules.yaml format (paths relative to this file).
rule-files: []
#   - lintcare-rules.yaml

# Words your pages use on purpose (clinic and clinician names), and words they must
# never use; read by the spelling rules.
vocabulary:
  accept: []
  reject: []
"""


def write_starter(folder: str | Path, force: bool = False) -> Path:
    """Write a commented .lintcare.yaml; refuses to overwrite unless ``force``."""
    target = Path(folder) / CONFIG_FILES[0]
    if target.exists() and not force:
        raise ConfigError(f"{target}: already exists (use --force to overwrite it)")
    target.write_text(STARTER, encoding="utf-8")
    return target
