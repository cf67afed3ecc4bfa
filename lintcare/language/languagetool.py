"""LanguageTool as an optional grammar engine (off by default).

``lintcare check --languagetool URL`` sends each file's prose (never its markup) to a
LanguageTool server the user runs; ``--languagetool local`` lets language-tool-python
start one (it downloads LanguageTool and needs Java 17+). Each match becomes a
lintcare finding: its category is mapped onto lintcare's seven, its position is
mapped back through the prose's offset map, and a match that repeats a lintcare
finding (same span, or an overlapping span in the same category) is dropped.

When the server cannot be reached or answers badly, the rest of the lint still runs:
one warning is printed and LanguageTool is not asked again in this run.
``--languagetool-required`` turns that into exit code 2.

language_tool_python is imported only when LanguageTool is asked for.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..findings import Edit, Finding, Fix
from ..merge import duplicates_existing
from ..sources import Source, extract
from .lt_http import Budget, RequestFailed, request_json

if TYPE_CHECKING:
    from ..pipeline import FileResult
    from ..sources.prose import Prose

# LanguageTool's own spell checker does not know the domain lexicon; lintcare's
# spelling rule does that job.
DEFAULT_DISABLED_RULES = (
    "MORFOLOGIK_RULE_EN_US", "MORFOLOGIK_RULE_EN_GB", "MORFOLOGIK_RULE_EN_AU",
    "MORFOLOGIK_RULE_EN_CA", "MORFOLOGIK_RULE_EN_NZ", "MORFOLOGIK_RULE_EN_ZA",
)
# LanguageTool category id -> lintcare category. Anything else is a typo.
CATEGORY_MAP = {
    "TYPOS": "typo",
    "GRAMMAR": "typo",
    "CONFUSED_WORDS": "typo",
    "CASING": "typo",
    "COMPOUNDING": "typo",
    "COLLOCATIONS": "typo",
    "SEMANTICS": "typo",
    "NONSTANDARD_PHRASES": "typo",
    "FALSE_FRIENDS": "typo",
    "MISC": "typo",
    "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "punctuation",
    "STYLE": "readability",
    "REDUNDANCY": "readability",
    "PLAIN_ENGLISH": "readability",
    "WIKIPEDIA": "readability",
    "REPETITIONS": "readability",
    "REPETITIONS_STYLE": "readability",
    "TEXT_ANALYSIS": "readability",
    "CREATIVE_WRITING": "readability",
    "COLLOQUIALISMS": "readability",
    "BRITISH_ENGLISH": "terminology",
    "AMERICAN_ENGLISH_STYLE": "terminology",
    "REGIONALISMS": "terminology",
    "GENDER_NEUTRALITY": "supportive-language",
}
# LanguageTool issue types that are errors rather than matters of style.
_WARNING_TYPES = frozenset({"misspelling", "grammar", "typographical", "duplication", "inconsistency",
                            "omission", "addition", "mistranslation", "untranslated"})
# Characters per request: LanguageTool servers refuse very long texts.
BATCH_CHARS = 20_000
# Seconds LanguageTool may take over a whole run (--languagetool-run-timeout).
RUN_SECONDS = 300.0
RULE_PREFIX = "languagetool/"


class LanguageToolUnavailable(Exception):
    """The server could not be reached or answered badly; the message is one line."""


@dataclass(frozen=True)
class LanguageToolOptions:
    server: str  # a URL, or "local"
    language: str = "en-US"
    required: bool = False
    timeout: float = 30.0
    disabled_rules: tuple[str, ...] = DEFAULT_DISABLED_RULES
    disabled_categories: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, raw: Mapping[str, Any] | str | None) -> LanguageToolOptions | None:
        """The hook for a configuration file's ``languagetool`` key.

        Either a server (``languagetool: http://localhost:8081``) or a mapping with
        ``server``, ``language``, ``required``, ``timeout``, ``disabled_rules``,
        ``disabled_categories`` and ``enabled_rules``. None or an empty value: off.
        Raises ValueError with a one-line reason for a bad value.
        """
        if not raw:
            return None
        if isinstance(raw, str):
            return cls(raw)
        if not isinstance(raw, Mapping):
            raise ValueError("'languagetool' must be a server URL, 'local' or a mapping")
        unknown = set(raw) - {"server", "language", "required", "timeout", "disabled_rules",
                              "disabled_categories", "enabled_rules"}
        if unknown:
            raise ValueError(f"'languagetool': unknown key '{sorted(unknown)[0]}'")
        if not isinstance(raw.get("server"), str) or not raw["server"]:
            raise ValueError("'languagetool.server' must be a URL or 'local'")

        def ids(key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
            value = raw.get(key, list(default))
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"'languagetool.{key}' must be a list of ids")
            return tuple(value)

        timeout = raw.get("timeout", 30.0)
        if not isinstance(timeout, (int, float)) or timeout <= 0:
            raise ValueError("'languagetool.timeout' must be a positive number of seconds")
        return cls(
            server=raw["server"],
            language=str(raw.get("language", "en-US")),
            required=bool(raw.get("required", False)),
            timeout=float(timeout),
            disabled_rules=ids("disabled_rules", DEFAULT_DISABLED_RULES),
            disabled_categories=ids("disabled_categories"),
            enabled_rules=ids("enabled_rules"),
        )

    @property
    def where(self) -> str:
        return "a local LanguageTool" if self.server == "local" else f"LanguageTool at {self.server}"


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def describe_failure(exc: BaseException, timeout: float) -> str:
    """A short reason for a failed request, from the exception and its causes."""
    if isinstance(exc, RequestFailed):  # lt_http's reasons are final
        return str(exc)
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ or e.__context__
    names = {type(x).__name__ for x in chain}
    text = str(exc)
    host = re.search(r"host='([^']+)'", text)
    where = f" {host.group(1)}" if host else ""
    if any("Timeout" in n for n in names):
        return f"no answer within {timeout:g} s"
    if "ConnectionError" in names or "NewConnectionError" in names or "MaxRetryError" in names:
        if "NameResolution" in text or "Name or service not known" in text:
            return f"cannot resolve the host name{where}"
        if "refused" in text.lower():
            return f"cannot connect to{where or ' the server'} (connection refused)"
        return f"cannot connect to{where or ' the server'}"
    if "JSONDecodeError" in names:
        body = _one_line(text, 100)
        return f"the server's answer is not LanguageTool JSON ({body or 'empty answer'})"
    if isinstance(exc, KeyError):
        return f"malformed answer from the server (no {exc} field)"
    if isinstance(exc, (TypeError, AttributeError, ValueError, IndexError)):
        return f"malformed answer from the server ({_one_line(text, 100)})"
    return _one_line(text) or type(exc).__name__


class LanguageToolChecker:
    """One connection per run; ``check`` raises LanguageToolUnavailable on any failure."""

    def __init__(self, options: LanguageToolOptions,
                 tool_factory: Callable[[LanguageToolOptions, Budget], Any] | None = None,
                 budget: Budget | None = None) -> None:
        self.options = options
        self.budget = budget or Budget(RUN_SECONDS)
        self._factory = tool_factory or _make_tool
        self._tool: Any = None

    def _connect(self) -> Any:
        if self._tool is None:
            try:
                self._tool = self._factory(self.options, self.budget)
            except ImportError:
                raise LanguageToolUnavailable(
                    "language-tool-python is not installed (pip install 'lintcare[languagetool]')"
                ) from None
            except Exception as exc:  # any failure of an optional engine is a warning
                reason = describe_failure(exc, self.options.timeout)
                if self.options.server == "local":
                    reason = f"could not start it: {reason}"
                raise LanguageToolUnavailable(reason) from None
        return self._tool

    def close(self) -> None:
        if self._tool is not None:
            with contextlib.suppress(Exception):  # best effort at shutdown
                self._tool.close()
            self._tool = None

    def _matches(self, prose: Prose) -> list[_Match]:
        """Every match in prose offsets, asked batch by batch of whole blocks."""
        tool = self._connect()
        out: list[_Match] = []
        for lo, hi in _batches(prose):
            text = prose.text[lo:hi]
            try:
                out.extend(_Match.of(m, text, lo) for m in tool.check(text))
            except Exception as exc:  # malformed answers surface as KeyError, TypeError...
                raise LanguageToolUnavailable(describe_failure(exc, self.options.timeout)) from None
        return out

    def check(self, source: Source, existing: list[Finding], prose: Prose | None = None
              ) -> list[Finding]:
        """LanguageTool's findings on ``source`` that lintcare does not already report.

        ``prose`` is the source's extracted prose (extracted here when not given).
        """
        prose = prose if prose is not None else extract(source)
        if not prose.text.strip():
            return []
        out: list[Finding] = []
        for match in self._matches(prose):
            finding = _finding(source, prose, match)
            if finding is not None and not duplicates_existing(finding, [*existing, *out]):
                out.append(finding)
        return out


def _make_tool(options: LanguageToolOptions, budget: Budget) -> Any:
    import language_tool_python as ltp

    def query(self: Any, url: str, params: dict[str, str] | None = None, num_tries: int = 2,
              method: str = "get") -> Any:
        # Every request the client makes (its constructor's included) goes through lt_http:
        # one attempt, a hard deadline, a size cap. The client's own retries each with a
        # per-read timeout, so a hanging server cost twice the timeout and a trickling
        # one never ended.
        return request_json(url, params, method, options.timeout, budget)

    # The client's timeout is a class attribute (300 s), still used by its liveness probe.
    tool_cls = type("LintcareLanguageTool", (ltp.LanguageTool,),
                    {"_TIMEOUT": options.timeout, "_query_server": query})
    remote = None if options.server == "local" else options.server
    tool = tool_cls(options.language, remote_server=remote)
    tool.disabled_rules = set(options.disabled_rules)
    tool.disabled_categories = set(options.disabled_categories)
    tool.enabled_rules = set(options.enabled_rules)
    return tool


def _batches(prose: Prose) -> list[tuple[int, int]]:
    """Runs of whole blocks of at most BATCH_CHARS characters (a longer block alone)."""
    out: list[tuple[int, int]] = []
    for block in prose.blocks:
        if out and block.end - out[-1][0] <= BATCH_CHARS:
            out[-1] = (out[-1][0], block.end)
        else:
            out.append((block.start, block.end))
    return out


def _span(text: str, offset: int, length: int) -> tuple[int, int]:
    """Python offsets of a match: LanguageTool counts UTF-16 units.

    language_tool_python already corrects the start for astral characters (emoji)
    before it; the length is corrected here.
    """
    end, units = offset, 0
    while units < length and end < len(text):
        units += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return offset, end


@dataclass(frozen=True, slots=True)
class _Match:
    """The parts of a LanguageTool match lintcare uses, checked when it arrives."""

    start: int  # prose offsets
    end: int
    rule_id: str
    message: str
    category: str
    issue_type: str
    replacements: tuple[str, ...]

    @classmethod
    def of(cls, match: Any, text: str, base: int) -> _Match:
        start, end = _span(text, int(match.offset), int(match.error_length))
        if not 0 <= start <= len(text):
            raise ValueError(f"match offset {match.offset} outside the text sent")
        return cls(base + start, base + end, str(match.rule_id), str(match.message),
                   str(match.category), str(match.rule_issue_type),
                   tuple(str(r) for r in match.replacements))


def _finding(source: Source, prose: Prose, match: _Match) -> Finding | None:
    start, end = match.start, match.end
    block = prose.block_at(start)
    if block is None or end > block.end or end <= start:
        return None  # outside prose or across two blocks
    pmap = prose.map
    s, e = pmap.source_start(start), pmap.source_end(end)
    line, col = source.position(s)
    end_line, end_col = source.position(e)
    flagged = source.text[s:e]
    replacements = match.replacements[:5]
    fix = None
    if replacements and pmap.is_verbatim(start, end) and replacements[0] != flagged:
        fix = Fix((Edit(s, e, replacements[0]),), False)
    category = CATEGORY_MAP.get(match.category, "typo")
    severity = "warning" if match.issue_type in _WARNING_TYPES else "suggestion"
    return Finding(
        rule=RULE_PREFIX + match.rule_id,
        category=category,
        severity=severity,
        message=match.message,
        path=source.path,
        start=s,
        end=e,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        text=flagged,
        suggestions=replacements,
        fix=fix,
        extra=(("engine", "languagetool"),),
    )


def apply(results: list[FileResult], checker: LanguageToolChecker) -> str | None:
    """Add LanguageTool's findings to each linted file; the failure message, if any.

    After a failure LanguageTool is not asked again, so a dead server costs one
    timeout, not one per file.
    """
    try:
        for result in results:
            if result.source is None or result.error:
                continue
            extra = checker.check(result.source, result.findings)
            if extra:
                result.findings = sorted([*result.findings, *extra], key=lambda f: f.sort_key)
    except LanguageToolUnavailable as exc:
        return f"{checker.options.where}: {exc}"
    finally:
        checker.close()
    return None


__all__ = ["CATEGORY_MAP", "DEFAULT_DISABLED_RULES", "LanguageToolChecker", "LanguageToolOptions",
           "LanguageToolUnavailable", "apply"]
