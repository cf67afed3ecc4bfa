"""scan: see the modules in this folder."""
