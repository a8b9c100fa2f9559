"""Translation modules: each defines ``TEXTS = {key: {"en": ..., "fr": ...}}`` (see ui/i18n.py)."""
