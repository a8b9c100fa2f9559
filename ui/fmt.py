"""Locale formatting for numbers, percentages, money and dates (hand-written, no Babel).

Conventions (CLDR): English ``1,234.5`` / ``12.3%`` / ``$12,345.67`` / ``Mon Nov 3``;
French ``1 234,5`` / ``12,3 %`` / ``12 345,67 $`` / ``lun. 3 nov.`` where the thousands
separator and the space before ``%`` are NARROW NO-BREAK SPACES (U+202F) and the space
before a currency symbol is a NO-BREAK SPACE (U+00A0), so nothing wraps mid-number.

Missing values (None, NaN, NaT) render as :data:`MISSING`. Every function takes ``lang``;
``None`` means the session's language (:func:`ui.i18n.get_lang`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

NNBSP = "\u202f"  # narrow no-break space: French thousands, before %
NBSP = "\u00a0"  # no-break space: French, before a currency symbol
MISSING = "—"

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
MONTHS_SHORT = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
}
DAYS = {  # Monday first (date.weekday())
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
}
DAYS_SHORT = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "fr": ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
}
# currency -> (English prefix, French suffix)
CURRENCY_SYMBOLS = {
    "CAD": ("$", "$"),
    "USD": ("US$", "$\u00a0US"),
    "EUR": ("€", "€"),
    "GBP": ("£", "£"),
    "CHF": ("CHF\u00a0", "CHF"),
}


def _lang(lang: str | None) -> str:
    if lang in ("en", "fr"):
        return lang
    from ui.i18n import get_lang

    return get_lang()


def is_missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        import pandas as pd

        if x is pd.NA or x is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(x, float) and math.isnan(x)


def _group(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return sep.join(reversed(out))


def number(x: Any, decimals: int = 0, lang: str | None = None, signed: bool = False) -> str:
    """``1234.5`` -> ``1,234.5`` (en) / ``1 234,5`` (fr, U+202F)."""
    if is_missing(x):
        return MISSING
    lang = _lang(lang)
    x = float(x)
    text = f"{abs(x):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    thousands, decimal = (",", ".") if lang == "en" else (NNBSP, ",")
    body = _group(whole, thousands) + (decimal + frac if frac else "")
    is_zero = float(text) == 0
    sign = "-" if x < 0 and not is_zero else ("+" if signed and x > 0 and not is_zero else "")
    return sign + body


def integer(x: Any, lang: str | None = None, signed: bool = False) -> str:
    return number(x, 0, lang, signed)


def percent(x: Any, decimals: int = 1, lang: str | None = None, signed: bool = False) -> str:
    """A ratio as a percentage: ``0.123`` -> ``12.3%`` (en) / ``12,3 %`` (fr)."""
    if is_missing(x):
        return MISSING
    lang = _lang(lang)
    body = number(float(x) * 100, decimals, lang, signed)
    return body + ("%" if lang == "en" else NNBSP + "%")


def points(x: Any, decimals: int = 1, lang: str | None = None) -> str:
    """A difference of percentages in points: ``0.021`` -> ``+2.1 pts`` / ``+2,1 pts``."""
    if is_missing(x):
        return MISSING
    lang = _lang(lang)
    return number(float(x) * 100, decimals, lang, signed=True) + NBSP + "pts"


def currency(x: Any, code: str = "CAD", lang: str | None = None, decimals: int = 2) -> str:
    """``12345.67`` CAD -> ``$12,345.67`` (en) / ``12 345,67 $`` (fr)."""
    if is_missing(x):
        return MISSING
    lang = _lang(lang)
    code = (code or "CAD").upper()
    en_sym, fr_sym = CURRENCY_SYMBOLS.get(code, (code + NBSP, code))
    body = number(abs(float(x)), decimals, lang)
    neg = float(x) < 0 and float(f"{abs(float(x)):.{decimals}f}") != 0
    if lang == "en":
        return ("-" if neg else "") + en_sym + body
    return ("-" if neg else "") + body + NBSP + fr_sym


def compact(x: Any, lang: str | None = None) -> str:
    """Short form for big counts: ``12300`` -> ``12.3K`` / ``12,3 k``; ``1.2M`` / ``1,2 M``."""
    if is_missing(x):
        return MISSING
    lang = _lang(lang)
    v = float(x)
    for div, en_s, fr_s in ((1e9, "B", "G"), (1e6, "M", "M"), (1e3, "K", "k")):
        if abs(v) >= div:
            q = v / div
            dec = 0 if abs(q) >= 100 else 1
            text = number(q, dec, lang)
            if text.endswith((".0", ",0")):
                text = text[:-2]
            return text + (en_s if lang == "en" else NNBSP + fr_s)
    return number(v, 0, lang)


def _as_date(d: Any) -> dt.date | None:
    if is_missing(d):
        return None
    if hasattr(d, "to_pydatetime"):
        d = d.to_pydatetime()
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return d
    if isinstance(d, str):
        return dt.date.fromisoformat(d[:10])
    raise TypeError(f"not a date: {d!r}")


def date(d: Any, lang: str | None = None, style: str = "medium") -> str:
    """Format a date.

    ``style``: ``"short"`` (weekday, day, month: ``Mon Nov 3`` / ``lun. 3 nov.``),
    ``"medium"`` (``Nov 3, 2025`` / ``3 nov. 2025``), ``"long"`` (``November 3, 2025`` /
    ``3 novembre 2025``), ``"full"`` (``Monday, November 3, 2025`` / ``lundi 3 novembre 2025``),
    ``"day_month"`` (``Nov 3`` / ``3 nov.``), ``"month"`` (``November 2025`` / ``novembre 2025``),
    ``"iso"``.
    """
    d = _as_date(d)
    if d is None:
        return MISSING
    lang = _lang(lang)
    m, ms, wd, wds = (
        MONTHS[lang][d.month - 1],
        MONTHS_SHORT[lang][d.month - 1],
        DAYS[lang][d.weekday()],
        DAYS_SHORT[lang][d.weekday()],
    )
    day = str(d.day)
    if style == "iso":
        return d.isoformat()
    if lang == "en":
        return {
            "short": f"{wds} {ms} {day}",
            "medium": f"{ms} {day}, {d.year}",
            "long": f"{m} {day}, {d.year}",
            "full": f"{wd}, {m} {day}, {d.year}",
            "day_month": f"{ms} {day}",
            "month": f"{m} {d.year}",
        }[style]
    day_long = "1er" if d.day == 1 else day
    return {
        "short": f"{wds} {day} {ms}",
        "medium": f"{day} {ms} {d.year}",
        "long": f"{day_long} {m} {d.year}",
        "full": f"{wd} {day_long} {m} {d.year}",
        "day_month": f"{day} {ms}",
        "month": f"{m} {d.year}",
    }[style]


def date_range(start: Any, end: Any, lang: str | None = None) -> str:
    """``Nov 3 – 9, 2025`` / ``3 – 9 nov. 2025``; spans months or years as needed."""
    s, e = _as_date(start), _as_date(end)
    if s is None or e is None:
        return MISSING
    lang = _lang(lang)
    dash = "\u2009–\u2009"
    if s == e:
        return date(s, lang)
    if s.year != e.year:
        return date(s, lang) + dash + date(e, lang)
    if s.month != e.month:
        if lang == "en":
            return f"{date(s, lang, 'day_month')}{dash}{date(e, lang, 'day_month')}, {e.year}"
        return f"{date(s, lang, 'day_month')}{dash}{date(e, lang, 'day_month')} {e.year}"
    if lang == "en":
        return f"{MONTHS_SHORT['en'][s.month - 1]} {s.day}{dash}{e.day}, {e.year}"
    return f"{s.day}{dash}{e.day} {MONTHS_SHORT['fr'][s.month - 1]} {e.year}"


def datetime(ts: Any, lang: str | None = None) -> str:
    """``Nov 3, 2025, 14:05`` / ``3 nov. 2025, 14 h 05`` (24-hour clock in both)."""
    if is_missing(ts):
        return MISSING
    lang = _lang(lang)
    if hasattr(ts, "to_pydatetime"):
        ts = ts.to_pydatetime()
    if not isinstance(ts, dt.datetime):
        return date(ts, lang)
    clock = f"{ts.hour:02d}:{ts.minute:02d}" if lang == "en" else f"{ts.hour}\u00a0h\u00a0{ts.minute:02d}"
    return f"{date(ts, lang)}, {clock}"


def filesize(n: Any, lang: str | None = None) -> str:
    """Decimal units (1 KB = 1000 B), one decimal above bytes: ``117_900`` -> ``117.9 KB`` /
    ``117,9 Ko``; ``2_800_000`` -> ``2.8 MB`` / ``2,8 Mo``; ``0`` -> ``0 B`` / ``0 o``."""
    if is_missing(n):
        return MISSING
    lang = _lang(lang)
    units = ("B", "KB", "MB", "GB") if lang == "en" else ("o", "Ko", "Mo", "Go")
    v, i = float(n), 0
    while abs(v) >= 1000 and i < len(units) - 1:
        v, i = v / 1000, i + 1
    if i and round(abs(v), 1) >= 1000 and i < len(units) - 1:  # 999 950 B -> 1.0 MB, not 1000.0 KB
        v, i = v / 1000, i + 1
    text = number(v, 0 if i == 0 else 1, lang)
    return text + NBSP + units[i]
