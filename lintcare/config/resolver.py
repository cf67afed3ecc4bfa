"""Per linted file: its config (found once per folder) and its rule set (once per config)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .load import check_names, find_config, load_config
from .model import DEFAULT_FAIL_ON, Config

if TYPE_CHECKING:
    # Loaded only when a file is linted: a run of cache hits needs no rules (cli.py).
    from ..rules.loader import ConfiguredRuleSet, RuleSet


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
            from ..rules.loader import default_rules, load_rules

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
            from ..rules.loader import ConfiguredRuleSet
            from ..suppress import META_RULES

            full = self._full((*config.rule_files, *self.cli_rules))
            known = frozenset(r.id for r in full.rules) | frozenset(META_RULES)
            check_names(config, known)
            rules = [r for r in full.rules if config.rule_enabled(r.id, r.category)]
            self._rules[key] = ConfiguredRuleSet(rules, full.facts, known)
        return self._rules[key]

    def fail_on_for(self, path: str) -> str:
        """--fail-on, else the file's config, else warning."""
        return self.cli_fail_on or self.config_for(path).fail_on or DEFAULT_FAIL_ON
