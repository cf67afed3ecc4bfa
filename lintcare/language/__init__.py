"""language: see the modules in this folder."""
