"""Project configuration: ``.lintcare.yaml`` or ``[tool.lintcare]`` in pyproject.toml.

The file is found by walking up from each linted file (``.lintcare.yaml`` before
``.lintcare.yml`` before ``pyproject.toml`` in one folder; the walk stops at the folder
that holds ``.git``); ``--config FILE`` overrides discovery. Precedence: command line
over file over defaults; with ``extends`` the extending file over the one it extends.
Every file is checked against ``lintcare/schemas/config.schema.json``; a bad key stops
the run with ``FILE: key 'KEY': reason``.

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
    locale: en-GB                      # en-US | en-GB | en-CA | en-AU; default: each page's own
    page-kind: provider                # provider | article | news | government | manufacturer |
                                       # nonprofit | professional; default: guessed per page
    lint-page-chrome: false            # also lint HTML navigation, header and footer
    overrides:                         # per path; later entries win
      - files: ["legal/**"]
        ignore: [readability]
        severity: {hype-superlative: warning}
        page-kind: government          # locale and page-kind may be set per path too

Globs are gitignore-style and relative to the folder of the discovered config file (for
a config found through ``extends`` too). A glob without ``/`` matches a file or folder
name at any depth; a glob that matches a folder matches everything inside it.

Modules: ``model`` (Config, Override), ``load`` (reading, validating, ``extends``),
``resolver`` (the config and rules of each linted file), ``starter`` (``lintcare init``).
"""

from __future__ import annotations

from .load import check_names, find_config, load_config
from .model import CONFIG_FILES, DEFAULT_FAIL_ON, FAIL_ON, PYPROJECT, Config, ConfigError, Override, path_spec
from .resolver import Resolver
from .starter import STARTER, starter_text, write_starter

__all__ = ["CONFIG_FILES", "DEFAULT_FAIL_ON", "FAIL_ON", "PYPROJECT", "STARTER", "Config", "ConfigError",
           "Override", "Resolver", "check_names", "find_config", "load_config", "path_spec",
           "starter_text", "write_starter"]
