"""Texts of the theme switch (``theme.*``)."""

TEXTS = {
    "theme.label": {"en": "Theme", "fr": "Thème"},
    "theme.system": {"en": "System", "fr": "Système"},
    "theme.light": {"en": "Light", "fr": "Clair"},
    "theme.dark": {"en": "Dark", "fr": "Sombre"},
}
