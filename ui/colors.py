"""One colour per platform, used identically by every chart.

Brand-recognisable hues, adjusted where the brand colour would vanish on one of the two
backgrounds (contrast >= 3:1 against both Streamlit's white and #0E1117 backgrounds):

* X is black on light, light grey on dark;
* TikTok uses its cyan on dark and a deeper teal of the same hue on light (its pink would
  be confused with Instagram and YouTube);
* three blue brands: Facebook keeps its bright blue, LinkedIn takes its own navy (#004182)
  on light and its pale accent (#70B5F9) on dark, Bluesky a sky blue.
"""

from __future__ import annotations

PLATFORM_COLORS: dict[str, dict[str, str]] = {
    "x": {"light": "#000000", "dark": "#E7E9EA"},
    "facebook": {"light": "#1877F2", "dark": "#2D88FF"},
    "instagram": {"light": "#E4405F", "dark": "#E4405F"},
    "linkedin": {"light": "#004182", "dark": "#70B5F9"},
    "youtube": {"light": "#FF0000", "dark": "#FF0000"},
    "tiktok": {"light": "#0E9F9A", "dark": "#25F4EE"},
    "mastodon": {"light": "#6364FF", "dark": "#7F80FF"},
    "bluesky": {"light": "#0284C7", "dark": "#0EA5E9"},
    "web": {"light": "#6B7280", "dark": "#9CA3AF"},
}
OTHER = {"light": "#A16207", "dark": "#FACC15"}

# Sentiment and status colours (same in both themes; all >= 3:1 on both backgrounds)
SENTIMENT_COLORS = {"positive": "#16A34A", "neutral": "#8B95A5", "negative": "#DC2626"}
STATUS_COLORS = {"on_track": "#16A34A", "at_risk": "#D97706", "off_track": "#DC2626", "unknown": "#8B95A5"}
# background and text colours of the two themes (mirrors .streamlit/config.toml)
THEME_BACKGROUND = {"light": "#FFFFFF", "dark": "#0E1117"}
THEME_TEXT = {"light": "#1F2937", "dark": "#E5E7EB"}


def _theme(theme: str | None) -> str:
    return theme if theme in ("light", "dark") else "light"


def platform_color(platform: str | None, theme: str | None = "light") -> str:
    """The platform's colour for ``theme`` ("light"/"dark"); unknown platforms share one colour."""
    th = _theme(theme)
    return PLATFORM_COLORS.get((platform or "").lower(), OTHER)[th]


def color_map(theme: str | None = "light") -> dict[str, str]:
    """``{platform: colour}`` for plotly's ``color_discrete_map``."""
    th = _theme(theme)
    return {p: c[th] for p, c in PLATFORM_COLORS.items()}


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours."""

    def lum(h: str) -> float:
        h = h.lstrip("#")
        rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    la, lb = lum(a), lum(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
