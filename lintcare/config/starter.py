"""``lintcare init``: a commented starter ``.lintcare.yaml``."""

from __future__ import annotations

from pathlib import Path

from ..schema import schema_path
from .model import CONFIG_FILES, ConfigError

# Explanations are comments in words; examples are commented YAML ("# key: value", "#   - item").
# Every example is complete where it stands, so uncommenting any of them (or all) leaves valid
# YAML: no example adds to a key that is already set.
STARTER = """\
# yaml-language-server: $schema={schema}
# lintcare configuration. lintcare finds this file by walking up from each file it
# lints; `lintcare check --config FILE` uses FILE instead. Command-line options win
# over this file, and this file over the defaults. Every key is optional: to use an
# example, delete the "# " in front of its lines. The first line lets editors with a
# YAML language server complete and check this file (see "Editor completion" in the
# README).

# Share settings with another config file (a .lintcare.yaml or a pyproject.toml with
# [tool.lintcare]), relative to this file. Keys here win over the ones it sets.
# extends: ../shared/.lintcare.yaml

# Run only these rules or categories (default: all of them). Categories are typo,
# punctuation, terminology, contact, supportive-language, compliance and readability.
# select: [typo, punctuation, terminology, contact, supportive-language, compliance]

# Switch rules or categories off (`lintcare rules` lists the rule ids).
# ignore: [double-space]

# Change the severity of a rule or a whole category to error, warning or suggestion.
# severity:
#   hype-superlative: error
#   readability: suggestion

# The lowest severity that makes `lintcare check` exit with 1 (error, warning,
# suggestion or none).
fail-on: warning

# Which files to lint when a folder is given, as .gitignore-style globs relative to
# this file (a glob without "/" matches a name at any depth; a glob that matches a
# folder matches everything in it). Excluded files are skipped even when named.
# include:
#   - "content/**"
# exclude:
#   - "drafts/**"

# The English variety of your pages: en-US, en-GB, en-CA or en-AU. The spelling rules
# accept its spellings ("colour" on an en-GB page) and flag the other variety's. Unset,
# each page's variety is read from its words (or its front matter or <html lang>).
# locale: en-GB

# What your pages are: provider (a clinic or hospital offering care), article, news,
# government, manufacturer, nonprofit or professional (written for clinicians). Page-level
# rules ("no phone number", "no address") apply only to the kinds they name. Unset, each
# page's kind is guessed from its words, and a page that shows no sign is a provider's.
# page-kind: provider

# Also lint an HTML page's navigation, header, footer and cookie banners (default: only
# its main content).
# lint-page-chrome: true

# Settings for some paths only; later entries win.
# overrides:
#   - files: ["legal/**"]
#     ignore: [readability]
#     severity: {{hype-superlative: warning}}
#   - files: ["news/**"]
#     page-kind: news

# Your team's own rules, in the rules.yaml format (paths relative to this file).
# rule-files:
#   - lintcare-rules.yaml

# Words your pages use on purpose (clinic and clinician names), and words they must
# never use. The spelling rules read them.
# vocabulary:
#   accept: [Riverbend, NeuroStar]
#   reject: [cure-all]
"""


def starter_text() -> str:
    """The starter, its modeline pointing at the config schema this lintcare ships.

    The schema is named by its installed location (a file URI): lintcare publishes no
    schema URL, and the installed file always matches the lintcare that reads the config.
    """
    return STARTER.format(schema=schema_path("config").as_uri())


def write_starter(folder: str | Path, force: bool = False) -> Path:
    """Write a commented .lintcare.yaml; refuses to overwrite unless ``force``."""
    target = Path(folder) / CONFIG_FILES[0]
    if target.exists() and not force:
        raise ConfigError(f"{target}: already exists (use --force to overwrite it)")
    target.write_text(starter_text(), encoding="utf-8")
    return target
