"""lintcare.fix: see the modules in this folder."""

from .apply import *  # noqa: F403
