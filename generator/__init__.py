"""Prongsai: the site generator (python -m generator, or the `prongsai` command)."""
