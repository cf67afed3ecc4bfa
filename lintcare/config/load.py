"""Reading a config file: find it, check it against the shipped schema, follow ``extends``.

The schema (``lintcare/schemas/config.schema.json``) says which keys exist and what they
hold; this module adds what a schema cannot: files that must exist, ``extends`` cycles,
and rule or category names that must be known once the rules are loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..findings import CATEGORIES
from ..language.vocabulary import EMPTY as EMPTY_VOCABULARY
from ..language.vocabulary import Vocabulary
from ..schema import first_problem, render_path, type_name
from ..untrusted import UntrustedYAMLError, load_yaml
from .model import CONFIG_FILES, PYPROJECT, Config, ConfigError, Override


def _err(origin: str, key: str, reason: str) -> ConfigError:
    return ConfigError(f"{origin}: key '{key}': {reason}")


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
        return _toml_table(origin, text)
    try:
        data = load_yaml(text)  # anyone can write the file a repository carries: budgets apply
    except UntrustedYAMLError as exc:
        raise ConfigError(f"{origin}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: a configuration is a mapping of keys, not {type_name(data)}")
    return data


def _toml_table(origin: str, text: str) -> dict[str, Any]:
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


def validate(origin: str, raw: dict[str, Any]) -> None:
    """Check one file's settings against the config schema; the first problem stops the run."""
    problem = first_problem("config", raw)
    if problem is not None:
        reason = problem.reason
        if problem.unknown:
            reason = f"unknown key (known: {', '.join(problem.known)})"
        raise _err(origin, render_path(problem.path), reason)


def _as_tuple(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _layer(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    """Validated settings of one file, merged over the file it extends."""
    origin, here = str(path), path.parent
    raw = _read(path)
    validate(origin, raw)
    base: dict[str, Any] = {}
    if "extends" in raw:
        target = _file_named(origin, "extends", here, raw["extends"])
        if target in chain:
            raise _err(origin, "extends", f"'{raw['extends']}' extends itself in a cycle")
        if not target.is_file():
            raise _err(origin, "extends", f"no such file '{raw['extends']}'")
        base = _layer(target, (*chain, target))
    names = list(base.get("names", []))
    layer: dict[str, Any] = {"names": names}
    for key in ("select", "ignore"):
        if key in raw:
            layer[key] = tuple(raw[key])
            names += [(origin, key, n) for n in raw[key]]
    if "severity" in raw:
        names += [(origin, "severity", n) for n in raw["severity"]]
        layer["severity"] = (*(base.get("severity") or ()), *raw["severity"].items())
    for key in ("fail-on", "locale", "page-kind", "lint-page-chrome"):
        if key in raw:
            layer[key.replace("-", "_")] = raw[key]
    for key in ("include", "exclude"):
        if key in raw:
            layer[key] = tuple(raw[key])
    layer["rule_files"] = (*base.get("rule_files", ()), *_rule_files(origin, here, raw))
    vocab = raw.get("vocabulary", {})
    old: Vocabulary = base.get("vocabulary", EMPTY_VOCABULARY)
    layer["vocabulary"] = old | Vocabulary.of(vocab.get("accept", []), vocab.get("reject", []))
    overrides = list(base.get("overrides", ()))
    for i, item in enumerate(raw.get("overrides", [])):
        key = f"overrides[{i}]"
        overrides.append(Override(_as_tuple(item["files"]), frozenset(item.get("ignore", ())),
                                  tuple(item.get("severity", {}).items()),
                                  item.get("locale"), item.get("page-kind")))
        names += [(origin, f"{key}.ignore", n) for n in item.get("ignore", ())]
        names += [(origin, f"{key}.severity", n) for n in item.get("severity", {})]
    layer["overrides"] = tuple(overrides)
    if "languagetool" in raw:
        layer["languagetool"] = _languagetool(origin, raw["languagetool"])
    for key in ("select", "ignore", "fail_on", "include", "exclude", "severity", "locale", "page_kind",
                "lint_page_chrome", "languagetool"):
        layer.setdefault(key, base.get(key))
    return layer


def _languagetool(origin: str, value: Any) -> Any:
    """The ``languagetool`` key as LanguageToolOptions (imported only when a config has it)."""
    from ..language.languagetool import LanguageToolOptions

    try:
        options = LanguageToolOptions.from_config(value)
    except ValueError as exc:
        raise _err(origin, "languagetool", str(exc).replace("'languagetool': ", "")) from None
    if options is not None and options.server != "local" and not options.server.startswith(("http://", "https://")):
        raise _err(origin, "languagetool", f"expected an http(s) URL or 'local', not {options.server!r}")
    return options


def _file_named(origin: str, key: str, here: Path, name: str) -> Path:
    """The file a setting names, relative to the config's folder. A name the system cannot
    hold (a NUL character) is the config's error, not a crash of the path library."""
    if "\0" in name:
        raise _err(origin, key, "a file name cannot hold a NUL character")
    return (here / name).resolve()


def _rule_files(origin: str, here: Path, raw: dict[str, Any]) -> list[Path]:
    files = []
    for name in raw.get("rule-files", []):
        target = _file_named(origin, "rule-files", here, name)
        if not target.is_file():
            raise _err(origin, "rule-files", f"no such file '{name}'")
        files.append(target)
    return files


def load_config(path: str | Path) -> Config:
    """Read and validate a config file (following ``extends``). Raises ConfigError."""
    p = Path(path).resolve()
    layer = _layer(p, (p,))
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
        locale=layer["locale"],
        page_kind=layer["page_kind"],
        lint_page_chrome=bool(layer["lint_page_chrome"]),
        vocabulary=layer["vocabulary"],
        rule_files=layer["rule_files"],
        languagetool=layer["languagetool"],
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
