"""Client settings form (Settings page, editors only): display name, currency, time zone,
first day of the week, default values per conversion and lead, the report's colour and
logo, the own brand with its aliases and handles, competitors and partners with theirs.

Saved in the workspace's ``workspace`` config document (other keys such as ``lead_salt``
and ``fx_rates`` are kept), validated by :func:`connectors.loader.validate_settings`, and
applied at once everywhere: every cached read is keyed on that document's version.
"""

from __future__ import annotations

import base64
import zoneinfo
from typing import Any

import streamlit as st

from connectors import loader
from ui import data
from ui.i18n import t

COMMON_ZONES = ("America/Toronto", "America/Montreal", "America/Vancouver", "America/New_York", "Europe/Paris",
                "Europe/Zurich", "Europe/Brussels", "Europe/London", "UTC")
CURRENCIES = ("CAD", "EUR", "CHF", "USD", "GBP")
LOGO_MAX_KB = 300  # stored in the settings document as a data URI: keep it small


def _zones() -> list[str]:
    rest = sorted(z for z in zoneinfo.available_timezones() if "/" in z and z not in COMMON_ZONES)
    return list(COMMON_ZONES) + rest


def brand_lines(entries: list[Any] | None) -> str:
    return "\n".join(loader.format_brand_line(e) for e in entries or [])


def parse_lines(text: str) -> list[dict[str, Any]]:
    return [e for e in (loader.parse_brand_line(line) for line in (text or "").splitlines()) if e]


def render(ctx) -> None:
    """The form; on a valid save the document is written and the app reruns."""
    doc: dict[str, Any] = dict(data.config("workspace", {}, ctx=ctx) or {})
    cfg = loader.settings_from(doc, ctx.workspace)
    st.subheader(t("client.title"))
    st.caption(t("client.intro"))
    flash = st.session_state.pop("client.flash", None)
    if flash:
        st.success(t("client.saved"), icon=":material/check:")
    with st.form("client.form", border=True):
        c1, c2 = st.columns(2)
        display = c1.text_input(t("client.display_name"), value=doc.get("display_name") or "", max_chars=80,
                                help=t("client.display_name.help"), placeholder=ctx.workspace, key="client.display")
        cur_opts = list(dict.fromkeys([cfg.currency, *CURRENCIES]))
        currency = c2.selectbox(t("client.currency"), cur_opts, index=0, accept_new_options=True, help=t("client.currency.help"),
                                key="client.currency")
        zones = _zones()
        c3, c4 = st.columns(2)
        tz = c3.selectbox(t("client.timezone"), zones, index=zones.index(cfg.timezone) if cfg.timezone in zones else 0,
                          help=t("client.timezone.help"), key="client.tz")
        week_start = c4.radio(t("client.week_start"), [0, 6], index=0 if cfg.week_start == 0 else 1, horizontal=True,
                              format_func=lambda d: t(f"client.week_start.{d}"), key="client.week_start")
        c5, c6 = st.columns(2)
        vpc = c5.number_input(t("client.value_per_conversion", currency=cfg.currency), min_value=0.0, step=1.0,
                              value=cfg.value_per_conversion, help=t("client.value.help"))
        vpl = c6.number_input(t("client.value_per_lead", currency=cfg.currency), min_value=0.0, step=1.0,
                              value=cfg.value_per_lead, help=t("client.value.help"))
        c7, c8 = st.columns([1, 3])
        colour = c7.color_picker(t("client.brand_color"), value=doc.get("brand_color") or "#1F4E79", key="client.colour",
                                 help=t("client.brand_color.help"))
        logo_file = c8.file_uploader(t("client.logo"), type=["png", "jpg", "jpeg", "svg", "webp"], key="client.logo",
                                     help=t("client.logo.help", kb=LOGO_MAX_KB))
        if doc.get("logo"):
            c8.caption(t("client.logo.kept"))
        st.markdown(f"**{t('client.own')}**")
        b1, b2 = st.columns([1, 2])
        own = b1.text_input(t("client.own_brand"), value=doc.get("own_brand") or "", key="client.own")
        own_line = loader.format_brand_line({"name": "", "aliases": doc.get("own_aliases"), "handles": doc.get("own_handles")})
        own_more = b2.text_input(t("client.aliases"), value=own_line, help=t("client.line.help"), key="client.own_more",
                                 placeholder="HauteRiviere, bluesky: hauteriviere.bsky.social, x: @HauteRiviere")
        b3, b4 = st.columns(2)
        comps = b3.text_area(t("client.competitors"), value=brand_lines(doc.get("competitors")), help=t("client.lines.help"),
                             key="client.competitors", placeholder="Val-des-Cèdres, VDC, bluesky: valdescedres.bsky.social")
        partners = b4.text_area(t("client.partners"), value=brand_lines(doc.get("partners")), help=t("client.lines.help"),
                                key="client.partners")
        st.caption(t("client.kind_note"))
        submitted = st.form_submit_button(t("client.save"), type="primary", icon=":material/save:")
    if not submitted:
        return
    own_entry = loader.parse_brand_line("_, " + own_more) or {}
    new = {**doc, "display_name": display, "currency": currency, "timezone": tz, "week_start": week_start,
           "value_per_conversion": vpc, "value_per_lead": vpl, "own_brand": own, "own_aliases": own_entry.get("aliases") or [],
           "own_handles": own_entry.get("handles") or {}, "competitors": parse_lines(comps), "partners": parse_lines(partners)}
    new["brand_color"] = colour
    if logo_file is not None:
        payload = logo_file.getvalue()
        if len(payload) > LOGO_MAX_KB * 1024:
            st.error(t("client.err.logo", kb=LOGO_MAX_KB))
            return
        mime = logo_file.type if (logo_file.type or "").startswith("image/") else "image/png"
        new["logo"] = f"data:{mime};base64," + base64.b64encode(payload).decode("ascii")
    clean, errors = loader.validate_settings(new)
    if errors:
        for field, code in errors:
            st.error(t(f"client.err.{code}", field=t(f"client.field.{field}")))
        return
    data.save_config("workspace", clean, ctx=ctx)
    st.session_state["client.flash"] = True
    st.rerun()
