"""Rules are data: load rules.yaml, validate every field, and build rule kinds.

A bad rule file stops the run with one line naming the file, the rule and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..document import Fact
from ..kinds import KINDS, Kind, RuleError
from ..language.pagekind import PAGE_KINDS
from ..paths import default_rules_path
from ..scan import Pattern, Scanner, compile, kept_rules, use_table_builder
from ..untrusted import UntrustedYAMLError, load_yaml, syntax_error
from .schema import validate_rules

FIX_MODES = ("safe", "unsafe", "none")

# Fields every rule may carry, with their types. Kind-specific fields are declared
# by each kind class.
COMMON_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "category": (str,),
    "severity": (str,),
    "message": (str,),
    "kind": (str,),
    "source": (str,),
    "examples": (dict,),
    "description": (str,),
    "suggest": (str, list),
    "fix": (str,),
    "skip_negated": (bool, int),
    "skip_quoted": (bool,),
    "skip_headings": (bool,),
    "when": (list, str),
    "unless": (list, str),
    "sentence_when": (str,),
    "sentence_unless": (str,),
    "block_when": (str,),
    "block_unless": (str,),
    "unless_before": (str,),
    "unless_after": (str,),
    "exceptions": (list,),
    "anchors": (list,),
    "enabled": (bool,),
    "note": (str,),
    "skip_inside": (list, str),
    "skip_sections": (list, str),
    "max_per_page": (int,),
    "page_kinds": (list,),
    "supersedes": (list,),
}
REQUIRED = ("id", "category", "severity", "message", "kind", "source", "examples")
CONTEXT_WINDOW = 60
# A fact is a pattern, optionally limited to headings or body text, to pages where it
# occurs at least ``min_count`` times, or to mentions that are not negated.
FACT_FIELDS = ("pattern", "case_sensitive", "links", "where", "min_count", "skip_negated")
FACT_WHERE = ("any", "heading", "body")


@dataclass(frozen=True)
class Example:
    text: str
    fmt: str = "text"
    fixed: str | None = None  # the text after the rule's fix (``rules test`` checks it)


@dataclass
class Rule:
    id: str
    category: str
    severity: str
    message: str
    kind: Kind
    source: str
    origin: str  # the file the rule came from
    description: str = ""
    suggest: tuple[str, ...] = ()
    fix: str = "unsafe"
    skip_negated: int = 0  # token window; 0 = off
    skip_quoted: bool = False
    skip_headings: bool = False
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    sentence_when: Pattern | None = None
    sentence_unless: Pattern | None = None
    block_when: Pattern | None = None  # the paragraph (block) around the match must match
    block_unless: Pattern | None = None
    unless_before: Pattern | None = None
    unless_after: Pattern | None = None
    exceptions: tuple[Pattern, ...] = ()
    anchors: tuple[str, ...] = ()
    skip_inside: tuple[str, ...] = ()  # facts whose matches exempt what they cover
    skip_sections: tuple[str, ...] = ()  # facts naming headings whose sections are exempt
    max_per_page: int = 0  # at most this many findings per page (the first ones); 0 = no limit
    page_kinds: frozenset[str] = frozenset()  # the kinds of page the rule runs on; empty = all
    supersedes: frozenset[str] = frozenset()  # rules whose finding at the same place this one replaces
    kind_anchors: tuple[str, ...] = ()  # derived from the kind's fields, once
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def kind_name(self) -> str:
        return self.kind.name


@dataclass
class RuleSet:
    rules: list[Rule]
    facts: dict[str, Fact]

    @cached_property
    def supersedes(self) -> dict[str, frozenset[str]]:
        """Rule id -> the ids of the rules it supersedes, for the rules that supersede any."""
        return {r.id: r.supersedes for r in self.rules if r.supersedes}

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def subset(self, ids: set[str]) -> RuleSet:
        return RuleSet([r for r in self.rules if r.id in ids], self.facts)

    @cached_property
    def scanner(self) -> Scanner:
        """The scans these rules and facts share across pages (scan/scanner.py)."""
        return Scanner(self.rules, self.facts.values())


@dataclass
class ConfiguredRuleSet(RuleSet):
    """The rules a config runs, and the ids of every rule there is (for suppressions)."""

    known: frozenset[str] = frozenset()


class _Ctx:
    """What a rule is validated against: its file, its id and the known facts."""

    def __init__(self, origin: str, rule_id: str, facts: dict[str, Fact], timed: bool = False) -> None:
        self.origin = origin
        self.rule_id = rule_id
        self.facts = facts
        self.timed = timed  # a team's rule file: patterns run with a timeout

    def error(self, fld: str, reason: str) -> RuleError:
        return RuleError(f"{self.origin}: rule '{self.rule_id}': field '{fld}': {reason}")

    def regex(self, fld: str, pattern: Any, case_sensitive: bool = False) -> Pattern:
        if not isinstance(pattern, str):
            raise self.error(fld, "must be a regular expression string")
        try:
            return compile(pattern, ignore_case=not case_sensitive, timed=self.timed,
                           origin=f"{self.origin}: rule '{self.rule_id}': field '{fld}'")
        except re.error as exc:
            raise self.error(fld, f"invalid regular expression: {exc}") from None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _examples(raw: dict[str, Any]) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    def one(item: str | dict[str, Any]) -> Example:
        if isinstance(item, str):
            return Example(item)
        return Example(item["text"], item.get("format", "text"), item.get("fixed"))

    return tuple(map(one, raw["fail"])), tuple(map(one, raw["pass"]))


def _facts_list(ctx: _Ctx, fld: str, value: Any) -> tuple[str, ...]:
    names = tuple(_as_list(value or []))
    for name in names:
        if name not in ctx.facts:
            raise ctx.error(fld, f"unknown fact '{name}' (define it under 'facts')")
    return names


def _page_kinds(ctx: _Ctx, kinds: list[Any]) -> frozenset[str]:
    for kind in kinds:
        if kind not in PAGE_KINDS:
            raise ctx.error("page_kinds", f"unknown page kind '{kind}' (known: {', '.join(PAGE_KINDS)})")
    return frozenset(kinds)


def _check_supersedes(origin: str, rules: list[Rule], known: set[str]) -> None:
    """A superseded rule must exist (a typo would silently keep both findings)."""
    for rule in rules:
        for other in sorted(rule.supersedes - known):
            raise RuleError(f"{origin}: rule '{rule.id}': field 'supersedes': unknown rule '{other}'")


def build_rule(raw: dict[str, Any], origin: str, facts: dict[str, Fact], timed: bool = False) -> Rule:
    """A rule from a mapping that fits the rule schema (schema.py)."""
    rule_id = raw["id"]
    ctx = _Ctx(origin, rule_id, facts, timed)
    kind_cls = KINDS[raw["kind"]]
    fix = raw.get("fix", "unsafe")
    fail, passes = _examples(raw["examples"])
    negated = raw.get("skip_negated", False)
    cs = bool(raw.get("case_sensitive", False))  # context regexes follow the rule's case mode
    opt = {k: ctx.regex(k, raw[k], cs) for k in
           ("sentence_when", "sentence_unless", "block_when", "block_unless", "unless_before",
            "unless_after") if k in raw}
    kind = kind_cls(raw, ctx)
    kind.use_anchors(tuple(a.lower() for a in raw.get("anchors", [])))
    return Rule(
        id=rule_id,
        category=raw["category"],
        severity=raw["severity"],
        message=raw["message"].strip(),
        kind=kind,
        kind_anchors=kind.anchors(),
        source=raw["source"],
        origin=origin,
        description=raw.get("description", "").strip(),
        suggest=tuple(_as_list(raw.get("suggest", []))),
        fix=fix,
        skip_negated=(6 if negated is True else int(negated)) if negated else 0,
        skip_quoted=raw.get("skip_quoted", False),
        skip_headings=raw.get("skip_headings", False),
        when=_facts_list(ctx, "when", raw.get("when")),
        unless=_facts_list(ctx, "unless", raw.get("unless")),
        skip_inside=_facts_list(ctx, "skip_inside", raw.get("skip_inside")),
        skip_sections=_facts_list(ctx, "skip_sections", raw.get("skip_sections")),
        max_per_page=max(0, raw.get("max_per_page", 0)),
        page_kinds=_page_kinds(ctx, raw.get("page_kinds", [])),
        supersedes=frozenset(raw.get("supersedes", [])),
        exceptions=tuple(ctx.regex("exceptions", p, cs) for p in raw.get("exceptions", [])),
        anchors=tuple(a.lower() for a in raw.get("anchors", [])),
        fail=fail,
        passes=passes,
        raw=raw,
        **opt,
    )


def _load_facts(origin: str, raw: dict[str, Any] | None, into: dict[str, Fact], timed: bool = False) -> None:
    for name, spec in (raw or {}).items():
        ctx = _Ctx(origin, f"facts.{name}", into, timed)
        if isinstance(spec, str):
            into[name] = Fact(name, ctx.regex("pattern", spec))
            continue
        into[name] = Fact(
            name,
            ctx.regex("pattern", spec["pattern"], bool(spec.get("case_sensitive"))),
            bool(spec.get("links", True)),
            spec.get("where", "any"),
            spec.get("min_count", 1),
            bool(spec.get("skip_negated", False)),
        )


def parse_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise RuleError(f"{path}: cannot read rule file: {reason}") from None
    if path.resolve() != default_rules_path().resolve():
        try:  # a team's file: parsed within budgets (untrusted.py)
            return load_yaml(text)
        except UntrustedYAMLError as exc:
            raise RuleError(f"{path}: {exc}") from None
    return kept_rules(text, lambda text: _parse_builtin(path, text))  # parsed once (scan/prebuilt.py)


def _parse_builtin(path: Path, text: str) -> Any:
    import yaml  # imported here: a run whose files all come from the cache loads no rules

    try:
        # lintcare's own file: the C loader (libyaml) when present, for start-up time.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: {syntax_error(exc)}") from None


def load_rules(paths: list[Path] | None = None, base: RuleSet | None = None) -> RuleSet:
    """Load rule files in order; later files add facts and rules (ids must be unique)."""
    files = paths if paths is not None else [default_rules_path()]
    facts: dict[str, Fact] = dict(base.facts) if base else {}
    rules: list[Rule] = list(base.rules) if base else []
    seen = {r.id for r in rules}
    builtin = default_rules_path().resolve()
    for path in files:
        data = parse_yaml(Path(path))
        origin = str(path)
        timed = Path(path).resolve() != builtin  # a team's file: see userregex.py
        if timed:  # lintcare's own file is checked against the schema by the tests, not at each start
            validate_rules(origin, data)
        _load_facts(origin, data.get("facts"), facts, timed)
        for raw in data.get("rules") or []:
            rule = build_rule(raw, origin, facts, timed)
            if rule.id in seen:
                raise RuleError(f"{origin}: rule '{rule.id}': field 'id': defined twice")
            seen.add(rule.id)
            if raw.get("enabled", True):
                rules.append(rule)
        _check_supersedes(origin, [r for r in rules if r.origin == origin], seen)
    return RuleSet(rules, facts)


def _analyse_builtin() -> None:
    """What the scan package's analysis table records: every analysis the built-in rules
    (and the context filters' own pattern) ask for."""
    from ..context import META

    load_rules().scanner.analyse_all((META,))


use_table_builder(_analyse_builtin)


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """lintcare's own rules, loaded once per process."""
    return load_rules()


__all__ = ["CONTEXT_WINDOW", "ConfiguredRuleSet", "Example", "Rule", "RuleError", "RuleSet",
           "default_rules", "default_rules_path", "load_rules"]
