"""lintcare.cli: see the modules in this folder."""

from .main import *  # noqa: F403
