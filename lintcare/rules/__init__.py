"""lintcare.rules: see the modules in this folder."""

from .loader import *  # noqa: F403
