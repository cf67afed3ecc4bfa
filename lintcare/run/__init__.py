"""run: see the modules in this folder."""
