"""Rules are data: load rules.yaml, validate every field, and build rule kinds.

A bad rule file stops the run with one line naming the file, the rule and the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Fact
from ..findings import CATEGORIES, SEVERITIES
from ..kinds import KINDS, Kind, RuleError
from ..paths import default_rules_path
from ..scan.anchorindex import AnchorIndex
from ..scan.prebuilt import compile_pattern, is_standard
from ..scan.userregex import compile_timed

if TYPE_CHECKING:
    from ..scan.blockfilter import BlockFilter

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
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
    "unless_before": (str,),
    "unless_after": (str,),
    "exceptions": (list,),
    "anchors": (list,),
    "enabled": (bool,),
    "note": (str,),
    "skip_inside": (list, str),
    "skip_sections": (list, str),
    "max_per_page": (int,),
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
    sentence_when: re.Pattern[str] | None = None
    sentence_unless: re.Pattern[str] | None = None
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    exceptions: tuple[re.Pattern[str], ...] = ()
    anchors: tuple[str, ...] = ()
    skip_inside: tuple[str, ...] = ()  # facts whose matches exempt what they cover
    skip_sections: tuple[str, ...] = ()  # facts naming headings whose sections are exempt
    max_per_page: int = 0  # at most this many findings per page (the first ones); 0 = no limit
    kind_anchors: tuple[str, ...] = ()  # derived from the kind's fields, once
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def kind_name(self) -> str:
        return self.kind.name


# Characters of text a process reads before it builds the block filter (blockfilter.py).
FILTER_AFTER = 100_000


@dataclass
class RuleSet:
    rules: list[Rule]
    facts: dict[str, Fact]
    _block_filter: BlockFilter | None = field(default=None, init=False, repr=False, compare=False)
    _text_seen: int = field(default=0, init=False, repr=False, compare=False)
    _filtered_index: AnchorIndex | None = field(default=None, init=False, repr=False, compare=False)
    # For one block filter: the rules it cannot rule out, and filter slot -> the rules
    # whose kinds scan with that slot's regex (indices into ``rules``).
    _dispatch: tuple[Any, frozenset[int], dict[int, tuple[int, ...]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def subset(self, ids: set[str]) -> RuleSet:
        return RuleSet([r for r in self.rules if r.id in ids], self.facts)

    @cached_property
    def anchor_index(self) -> AnchorIndex:
        """Every anchor the rules and facts ask pages about, found in one pass per page."""
        facts = (a for fact in self.facts.values() for a in fact.anchors)
        return AnchorIndex({*self._rule_anchors(lambda kind: True), *facts})

    def _rule_anchors(self, asks: Callable[[Kind], bool]) -> set[str]:
        """Rules' own anchors, and those of the kinds for which ``asks`` holds."""
        anchors: set[str] = set()
        for rule in self.rules:
            anchors.update(rule.anchors)
            if asks(rule.kind):
                anchors.update(rule.kind_anchors)
                for group in rule.kind.anchor_sets():
                    anchors.update(group)
        return anchors

    def block_filter(self, size: int) -> BlockFilter | None:
        """The RE2 block filter, once the run has read enough text to repay building it.

        Building it takes a tenth of a second: a pre-commit run over one page is done
        sooner without it. The filter only skips work, so pages lint the same either way.
        """
        if self._block_filter is None:
            self._text_seen += size
            if self._text_seen < FILTER_AFTER:
                return None
            from ..scan.blockfilter import BlockFilter

            self._block_filter = BlockFilter(self.filter_patterns())
        return self._block_filter

    def rules_for(self, hits: dict[int, list[int]] | None, block_filter: BlockFilter | None
                  ) -> list[Rule]:
        """The rules whose kinds may match on a page the block filter found ``hits`` on
        (``Kind.can_match``), in rule order.

        Most rules match nowhere on a page: asking each kind costs more than the few
        rules that are left. The filter's hits on the page pick the kinds they name.
        """
        if hits is None or block_filter is None:
            return self.rules
        always, by_slot = self._dispatch_for(block_filter)
        chosen = set(always)
        for slot in hits:
            found = by_slot.get(slot)
            if found is not None:
                chosen.update(found)
        rules = self.rules
        return [rules[i] for i in sorted(chosen)]

    def _dispatch_for(self, block_filter: BlockFilter) -> tuple[frozenset[int], dict[int, tuple[int, ...]]]:
        if self._dispatch is None or self._dispatch[0] is not block_filter:
            always: set[int] = set()
            by_slot: dict[int, list[int]] = {}
            for i, rule in enumerate(self.rules):
                slots = rule.kind._filter_slots(block_filter)
                if slots is None:
                    always.add(i)
                for slot in slots or ():
                    by_slot.setdefault(slot, []).append(i)
            self._dispatch = (block_filter, frozenset(always),
                              {slot: tuple(found) for slot, found in by_slot.items()})
        return self._dispatch[1], self._dispatch[2]

    def filter_patterns(self) -> list[str]:
        """Every regex the block filter can answer for: the rules' and the facts'."""
        patterns = [p for rule in self.rules for p in rule.kind.filter_patterns() or ()]
        return patterns + [f.pattern.pattern for f in self.facts.values() if is_standard(f.pattern)]

    def index_for(self, block_filter: BlockFilter | None) -> AnchorIndex:
        """The anchor index a page needs: with the block filter, only the anchors the
        filter cannot stand in for (a rule's own anchors, kinds outside the filter)."""
        if block_filter is None or not block_filter.available:
            return self.anchor_index
        if self._filtered_index is None:
            outside = self._rule_anchors(lambda kind: block_filter.slots(kind.filter_patterns()) is None)
            self._filtered_index = AnchorIndex(outside)
        return self._filtered_index


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

    def regex(self, fld: str, pattern: Any, case_sensitive: bool = False) -> re.Pattern[str]:
        if not isinstance(pattern, str):
            raise self.error(fld, "must be a regular expression string")
        try:
            if self.timed:
                return compile_timed(pattern, not case_sensitive,  # type: ignore[return-value]
                                     f"{self.origin}: rule '{self.rule_id}': field '{fld}'")
            return compile_pattern(pattern, 0 if case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise self.error(fld, f"invalid regular expression: {exc}") from None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _examples(ctx: _Ctx, raw: dict[str, Any]) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    out: dict[str, tuple[Example, ...]] = {}
    for key in raw:
        if key not in ("fail", "pass"):
            raise ctx.error(f"examples.{key}", "unknown key (use 'fail' and 'pass')")
    for key in ("fail", "pass"):
        items = raw.get(key)
        if not isinstance(items, list) or len(items) < 2:
            raise ctx.error(f"examples.{key}", "needs a list of at least two texts")
        exs = []
        for item in items:
            if isinstance(item, str):
                exs.append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                exs.append(Example(item["text"], str(item.get("format", "text"))))
            else:
                raise ctx.error(f"examples.{key}", "each example is a string or {text, format}")
        out[key] = tuple(exs)
    return out["fail"], out["pass"]


def _check_types(ctx: _Ctx, raw: dict[str, Any], kind_cls: type[Kind]) -> None:
    allowed = {**COMMON_FIELDS, **kind_cls.fields}
    for key, value in raw.items():
        if key not in allowed:
            raise ctx.error(key, f"unknown field for kind '{kind_cls.name}'")
        types = allowed[key]
        if types and not isinstance(value, types):
            names = " or ".join(t.__name__ for t in types)
            raise ctx.error(key, f"must be {names}, not {type(value).__name__}")
    for key in REQUIRED + kind_cls.required:
        if key not in raw:
            raise ctx.error(key, "is required")


def _facts_list(ctx: _Ctx, fld: str, value: Any) -> tuple[str, ...]:
    names = tuple(_as_list(value or []))
    for name in names:
        if name not in ctx.facts:
            raise ctx.error(fld, f"unknown fact '{name}' (define it under 'facts')")
    return names


def build_rule(raw: Any, origin: str, facts: dict[str, Fact], timed: bool = False) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(f"{origin}: every entry under 'rules' must be a mapping")
    rule_id = raw.get("id")
    ctx = _Ctx(origin, str(rule_id), facts, timed)
    if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
        raise ctx.error("id", "must be kebab-case (lowercase words joined by '-')")
    kind_name = raw.get("kind")
    if kind_name not in KINDS:
        raise ctx.error("kind", f"unknown kind {kind_name!r}; one of {', '.join(sorted(KINDS))}")
    kind_cls = KINDS[kind_name]
    _check_types(ctx, raw, kind_cls)
    if raw["category"] not in CATEGORIES:
        raise ctx.error("category", f"must be one of {', '.join(CATEGORIES)}")
    if raw["severity"] not in SEVERITIES:
        raise ctx.error("severity", f"must be one of {', '.join(SEVERITIES)}")
    fix = raw.get("fix", "unsafe")
    if fix not in FIX_MODES:
        raise ctx.error("fix", f"must be one of {', '.join(FIX_MODES)}")
    fail, passes = _examples(ctx, raw["examples"])
    negated = raw.get("skip_negated", False)
    cs = bool(raw.get("case_sensitive", False))  # context regexes follow the rule's case mode
    opt = {k: ctx.regex(k, raw[k], cs) for k in
           ("sentence_when", "sentence_unless", "unless_before", "unless_after") if k in raw}
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
        exceptions=tuple(ctx.regex("exceptions", p, cs) for p in raw.get("exceptions", [])),
        anchors=tuple(a.lower() for a in raw.get("anchors", [])),
        fail=fail,
        passes=passes,
        raw=raw,
        **opt,
    )


def _load_facts(origin: str, raw: Any, into: dict[str, Fact], timed: bool = False) -> None:
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise RuleError(f"{origin}: 'facts' must be a mapping of name to pattern")
    for name, spec in raw.items():
        ctx = _Ctx(origin, f"facts.{name}", into, timed)
        if isinstance(spec, str):
            into[name] = Fact(name, ctx.regex("pattern", spec))
        elif isinstance(spec, dict) and "pattern" in spec:
            unknown = set(spec) - set(FACT_FIELDS)
            if unknown:
                raise ctx.error(sorted(unknown)[0], "unknown field for a fact")
            where = spec.get("where", "any")
            if where not in FACT_WHERE:
                raise ctx.error("where", f"must be one of {', '.join(FACT_WHERE)}")
            count = spec.get("min_count", 1)
            if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                raise ctx.error("min_count", "must be a whole number of at least 1")
            into[name] = Fact(
                name,
                ctx.regex("pattern", spec["pattern"], bool(spec.get("case_sensitive"))),
                bool(spec.get("links", True)),
                where,
                count,
                bool(spec.get("skip_negated", False)),
            )
        else:
            raise ctx.error("pattern", "a fact is a pattern string or a mapping of "
                                       + ", ".join(FACT_FIELDS))


def parse_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc.strerror or exc}") from None
    import yaml  # imported here: a run whose files all come from the cache loads no rules

    try:
        # A safe loader: a rule file never constructs Python objects from tags. The C
        # loader (libyaml) when present, for start-up time.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}: YAML syntax error{where}: {problem}") from None


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
        if not isinstance(data, dict):
            raise RuleError(f"{origin}: a rule file is a mapping with 'rules' (and optional 'facts')")
        unknown = set(data) - {"version", "facts", "rules"}
        if unknown:
            raise RuleError(f"{origin}: unknown top-level key '{sorted(unknown)[0]}'")
        _load_facts(origin, data.get("facts"), facts, timed)
        raw_rules = data.get("rules") or []
        if not isinstance(raw_rules, list):
            raise RuleError(f"{origin}: 'rules' must be a list")
        for raw in raw_rules:
            rule = build_rule(raw, origin, facts, timed)
            if rule.id in seen:
                raise RuleError(f"{origin}: rule '{rule.id}': field 'id': defined twice")
            seen.add(rule.id)
            if raw.get("enabled", True):
                rules.append(rule)
    return RuleSet(rules, facts)


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """lintcare's own rules, loaded once per process."""
    return load_rules()


__all__ = ["CONTEXT_WINDOW", "ConfiguredRuleSet", "Example", "Rule", "RuleError", "RuleSet",
           "default_rules", "default_rules_path", "load_rules"]
