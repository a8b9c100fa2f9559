"""Listening: what people say about the brand and its competitors.

* spikes and crises in the mention volume (rule: :mod:`metrics.listening`), with their top
  terms and example mentions;
* the volume–positivity map of people, organisations, products, topics and hashtags, and
  how it drifts month by month;
* weekly share of voice against competitors;
* a mention explorer (filters, manual relabelling of sentiment);
* a review queue: least-certain mentions first, one-click labels, learning from them (ui/review.py);
* the workspace lexicon, tracked terms and alert settings (not in presentation mode).

Mention texts are user content: they are shown as plain dataframe cells or as markdown with
every ASCII punctuation character escaped (:func:`ui.safe.md`), never as HTML or live markdown.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from connectors import scoring
from metrics import listening as L
from metrics import local_day_series
from metrics.brands import UNATTRIBUTED, brand_book
from metrics.presence import share_of_voice
from metrics.sentiment import sentiment_totals
from ui import charts, colors, context, data, fmt, insights, safe, widgets
from ui.i18n import t

ctx = context.get()
ws = context.require_workspace(ctx)
lang, present, tz = ctx.lang, ctx.present, ctx.timezone
ss = st.session_state

BOOK = ctx.cfg.brands if ctx.cfg else brand_book(ctx.settings)
OWN = BOOK.own_name
COMPS = list(BOOK.competitor_names)
BRANDS = ([OWN] if OWN else []) + COMPS
ALERTS = L.alert_params(data.config("alerts", {}, ctx=ctx))
TERMS = L.normalise_terms(data.config("tracked_terms", [], ctx=ctx))
HISTORY_DAYS = 182  # the alert chart shows this much before the end of the period
BASELINE_DAYS = 28
MAX_ROWS = 1000
MENTION_COLS = ["mention_id", "published_at", "source", "author", "text", "url", "lang", "reach", "sentiment_label",
                "sentiment_origin", "brand", "topic"]
# what the counts, alerts and filters need: no text, author or URL (issue 16: the page cached every
# text of seven months to show 1,000 of them). Texts are read per alert, map window and shown row.
LIGHT_COLS = ["mention_id", "published_at", "source", "sentiment_label", "sentiment_origin", "brand", "topic"]
# texts with what each use needs: an alert's terms and examples, the entity map
ALERT_TEXT_COLS = ["published_at", "source", "text", "reach", "sentiment_label", "brand"]
MAP_TEXT_COLS = ["published_at", "text", "reach", "sentiment_label", "brand", "topic"]
FILTER_COLS = ["mention_id", "published_at", "source", "lang", "sentiment_label", "brand", "topic"]
SENT_COLORS = colors.SENTIMENT_COLORS
BRAND_PALETTE = {
    "light": ["#1D4ED8", "#D97706", "#7C3AED", "#DB2777", "#059669", "#0891B2"],
    "dark": ["#60A5FA", "#FBBF24", "#A78BFA", "#F472B6", "#34D399", "#22D3EE"],
}
MUTED = {"light": "#6B7280", "dark": "#9CA3AF"}[ctx.theme]
# user text helpers: one implementation for the whole app (ui/safe.py)
plain_md = safe.md
plot_text = safe.plot


def brand_color(name: str | None) -> str:
    pal = BRAND_PALETTE[ctx.theme]
    if name in BRANDS:
        return pal[BRANDS.index(name) % len(pal)]
    return MUTED


def sentiment_name(label: object) -> str:
    return t(f"listening.sentiment.{label}") if label in ("positive", "neutral", "negative") else t("listening.sentiment.none")


def safe_url(u: object) -> str | None:
    s = str(u or "").strip()
    return s if re.match(r"^https?://[^\s<>\"']+$", s, re.I) else None


@st.cache_data(ttl=900, max_entries=128, show_spinner=False)
def _memo(name: str, key: tuple, _make):
    return _make()


VERSION = data.version(ctx.root, ws, "mentions")
hist_start = min(ctx.start, ctx.end - dt.timedelta(days=HISTORY_DAYS)) - dt.timedelta(days=BASELINE_DAYS + 7)


def memo(name: str, key: tuple, make):
    """Cache a computation on the page's mentions (read for ``[hist_start, ctx.end]``)."""
    return _memo(name, (str(ctx.root), ws, VERSION, data.version(ctx.root, ws, "sentiment_daily"), hist_start, ctx.end, tz, *key), make)


# --------------------------------------------------------------------------- data

# the same frame object on every rerun (no copy, no text): treat as read-only
mentions = data.shared(ctx.root, ws, "mentions", LIGHT_COLS, hist_start, ctx.end)


def texts(columns: list[str], start: dt.date, end: dt.date, brand: str | None = None) -> pd.DataFrame:
    """Mentions with their text for local days ``[start, end]`` clipped to the page's range
    (``hist_start``), optionally one brand's; not cached (callers cache what they compute)."""
    m = data.fetch("mentions", columns, start=max(start, hist_start), end=min(end, ctx.end), ctx=ctx)
    return m[L.brand_mask(m, brand, OWN)] if brand else m

sent_daily = data.read("sentiment_daily", ["date", "source", "brand", "topic", "mentions", "positive", "neutral", "negative"],
                       start=ctx.prev_start, end=ctx.end, ctx=ctx)

st.title(t("nav.listening"))
st.caption(t("listening.intro"))

if not len(mentions) and not len(sent_daily):
    widgets.setup_hint("listening.empty", ctx=ctx)
    st.stop()


def _unattributed() -> tuple[int, list[str]]:
    """Mentions of the period whose brand matches no configured brand, and their top spellings."""
    if not len(mentions) or "brand_raw" not in mentions.columns:
        return 0, []
    un = mentions[(mentions["brand"] == UNATTRIBUTED).to_numpy(dtype=bool)]  # local days of these rows only
    day_ = local_day_series(un["published_at"], tz)
    m = un[((day_ >= pd.Timestamp(ctx.start)) & (day_ <= pd.Timestamp(ctx.end))).to_numpy(dtype=bool)]
    top = m["brand_raw"].astype(str).str.strip().value_counts().head(3).index.tolist()
    return len(m), top


n_unattr, top_unattr = memo("unattributed", (ctx.start, ctx.end, OWN, tuple(COMPS)), _unattributed)
if n_unattr:
    msg = t("listening.unattributed", n=fmt.integer(n_unattr, lang), count=n_unattr, names=", ".join(plain_md(x, 40) for x in top_unattr))
    if not present:
        msg += " " + t("listening.unattributed.fix")
    st.caption(f":material/help: {msg}")

# --------------------------------------------------------------------------- headline


def _headline():
    cur = sentiment_totals(mentions, sent_daily, ctx.start, ctx.end, tz, OWN, COMPS)
    prev = sentiment_totals(mentions, sent_daily, ctx.prev_start, ctx.prev_end, tz, OWN, COMPS)
    sov = share_of_voice(mentions, sent_daily, ctx.start, ctx.end, tz, OWN, COMPS)
    sov_prev = share_of_voice(mentions, sent_daily, ctx.prev_start, ctx.prev_end, tz, OWN, COMPS)
    return cur, prev, sov, sov_prev


cur, prev, sov_now, sov_prev = memo("headline", (ctx.start, ctx.end, ctx.prev_start, ctx.prev_end, OWN, tuple(COMPS)), _headline)


def _all_alerts(brand: str | None, freq: str, start: dt.date, end: dt.date):
    if freq == "h":
        return L.spikes(mentions, tz, brand=brand or "*", own_brand=OWN, alerts=ALERTS, start=start, end=end, freq="h")
    return L.spikes(mentions, tz, brand=brand or "*", own_brand=OWN, alerts=ALERTS, start=start, end=end)


alert_start = ctx.end - dt.timedelta(days=HISTORY_DAYS)
own_alerts = memo("alerts", (OWN, "D", alert_start, ctx.end, tuple(ALERTS.items())),
                  lambda: _all_alerts(OWN, "D", alert_start, ctx.end))


k1, k2, k3, k4 = st.columns(4)
# the same formatting as the Overview and Objectives (ui.insights.value): one number, one look
k1.metric(t("listening.kpi.mentions"), insights.value("mentions", cur["mentions"], lang),
          insights.change("mentions", cur["mentions"], prev["mentions"], lang),
          help=t("listening.kpi.mentions.help"))
k2.metric(t("listening.kpi.net"), insights.value("net_sentiment", cur["net_sentiment"], lang),
          insights.change("net_sentiment", cur["net_sentiment"], prev["net_sentiment"], lang), help=t("listening.kpi.net.help"))
k3.metric(t("listening.kpi.sov"), insights.value("share_of_voice", sov_now, lang),
          insights.change("share_of_voice", sov_now, sov_prev, lang),
          help=t("listening.kpi.sov.help"))
n_crises = int(own_alerts["crisis"].sum()) if len(own_alerts) else 0
k4.metric(t("listening.kpi.alerts"), fmt.integer(len(own_alerts), lang),
          t("listening.kpi.alerts.crises", n=fmt.integer(n_crises, lang), count=n_crises) if n_crises else None,
          delta_color="inverse" if n_crises else "off", help=t("listening.kpi.alerts.help", days=HISTORY_DAYS))

tab_names = ["alerts", "map", "sov", "explorer"] + ([] if present else ["review", "settings"])
tabs = dict(zip(tab_names, st.tabs([t(f"listening.tab.{n}") for n in tab_names]), strict=True))


def brand_options() -> list[str]:
    return BRANDS + ["*"]


def brand_label(b: str) -> str:
    if b == "*":
        return t("listening.brand.all")
    if b == OWN:
        return t("listening.brand.own", brand=b)
    return b


# =========================================================================== alerts

with tabs["alerts"]:
    c1, c2 = st.columns([3, 2])
    if BRANDS:
        chosen = c1.selectbox(t("listening.alerts.brand"), brand_options(), key="listening.alerts.brand", format_func=brand_label)
    else:
        chosen = "*"
    freq = c2.segmented_control(t("listening.alerts.freq"), ["D", "h"], key="listening.alerts.freq", default="D",
                                format_func=lambda f: t(f"listening.alerts.freq.{f}")) or "D"
    if freq == "h":
        a_start = max(ctx.start, ctx.end - dt.timedelta(days=13))
    else:
        a_start = alert_start
    brand_arg = None if chosen == "*" else chosen
    band_kw = {"sensitivity": ALERTS["sensitivity"], "min_mentions": ALERTS["min_mentions"], "window": 168 if freq == "h" else BASELINE_DAYS}
    vol = memo("volume", (chosen, freq, ctx.end), lambda: L.daily_volume(mentions, tz, brand_arg, own_brand=OWN, end=ctx.end, freq=freq))
    band = memo("band", (chosen, freq, ctx.end, tuple(band_kw.items())), lambda: L.baseline_band(vol, **band_kw))
    alerts = memo("alerts", (chosen, freq, a_start, ctx.end, tuple(ALERTS.items())),
                  lambda: _all_alerts(brand_arg, freq, a_start, ctx.end))
    shown = band[pd.to_datetime(band["date"]) >= pd.Timestamp(a_start)]
    st.caption(t("listening.alerts.caption.h" if freq == "h" else "listening.alerts.caption.D",
                 range=fmt.date_range(a_start, ctx.end, lang)))
    if not len(shown) or shown["mentions"].sum() == 0:
        st.info(t("listening.alerts.none_data"))
    else:
        neg = shown["negative"].to_numpy()
        other = shown["mentions"].to_numpy() - neg
        xs = [pd.Timestamp(d).to_pydatetime() for d in shown["date"]]  # datetimes: charts.show applies the locale's date format
        fig = go.Figure()
        fig.add_bar(x=xs, y=other, name=t("listening.alerts.other"), marker_color=MUTED, opacity=0.55)
        fig.add_bar(x=xs, y=neg, name=t("listening.alerts.negative"), marker_color=SENT_COLORS["negative"])
        fig.add_scatter(x=xs, y=shown["threshold"], name=t("listening.alerts.threshold"), mode="lines",
                        line={"color": "#D97706" if ctx.theme == "light" else "#FBBF24", "dash": "dot", "width": 1.5, "shape": "hv"})
        for r in alerts.itertuples(index=False):
            kind = t("listening.alert.crisis" if r.crisis else "listening.alert.spike")
            fig.add_annotation(x=r.peak_date, y=r.peak_mentions, text=f"<b>{kind}</b>", showarrow=True, arrowhead=2, ay=-28,
                               font={"color": SENT_COLORS["negative"] if r.crisis else ("#B45309" if ctx.theme == "light" else "#FBBF24")})
        fig.update_layout(barmode="stack", height=460 if present else 380, bargap=0.1, yaxis_title=t("listening.alerts.y"))
        charts.show(fig, key="listening.alerts.chart", ctx=ctx)

    st.subheader(t("listening.alerts.list"))
    if not len(alerts):
        st.success(t("listening.alerts.none", sens=fmt.number(ALERTS["sensitivity"], 1, lang)))
    for r in alerts.sort_values("start", ascending=False).head(6).itertuples(index=False):
        crisis = bool(r.crisis)
        with st.container(border=True):
            if freq == "h":
                when = fmt.datetime(r.start, lang) if r.start == r.end else f"{fmt.datetime(r.start, lang)} → {fmt.datetime(r.end, lang)}"
            else:
                when = fmt.date(r.start, lang, "full") if r.start == r.end else fmt.date_range(r.start, r.end, lang)
            icon = ":material/warning:" if crisis else ":material/trending_up:"
            head = t("listening.alert.crisis" if crisis else "listening.alert.spike")
            st.markdown(f"{icon} **{head}** · {plain_md(when)}")
            m1, m2, m3 = st.columns(3)
            m1.metric(t("listening.alert.peak"), fmt.integer(r.peak_mentions, lang),
                      t("listening.alert.vs_usual", usual=fmt.number(r.baseline, 0, lang)), delta_color="off")
            m2.metric(t("listening.alert.neg"), fmt.percent(r.negative_share, 0, lang),
                      t("listening.alert.vs_usual", usual=fmt.percent(r.baseline_negative_share, 0, lang)), delta_color="off")
            m3.metric(t("listening.alert.total"), fmt.integer(r.total_mentions, lang))
            d0 = pd.Timestamp(r.start).normalize()
            d1 = pd.Timestamp(r.end).normalize()
            # texts of the alert's days and of the baseline before them, read only when not cached and
            # at most once for the terms and the examples (example_mentions keeps the alert's days itself)
            b0 = (d0 - pd.Timedelta(days=BASELINE_DAYS)).date()
            read: dict[str, pd.DataFrame] = {}

            def alert_texts(b0=b0, d1=d1, read=read) -> pd.DataFrame:
                if "m" not in read:
                    read["m"] = texts(ALERT_TEXT_COLS, b0, d1.date(), brand_arg)
                return read["m"]

            terms = memo("terms", (chosen, d0, d1), lambda d0=d0, d1=d1, get=alert_texts: L.top_terms(
                get(), d0, d1, tz=tz, exclude=BRANDS))
            if len(terms):
                # terms are made of letters, digits, "-" and "'" only (metrics.listening.tokens): safe in code spans
                st.markdown(t("listening.alert.terms") + " " + " ".join(safe.code(x) for x in terms["term"]))
            term_list = tuple(terms["term"].tolist()) if len(terms) else ()
            ex = memo("examples", (chosen, d0, d1, term_list, crisis), lambda d0=d0, d1=d1, tl=term_list, c=crisis, get=alert_texts: L.example_mentions(
                get(), d0, d1, tz=tz, n=3, terms=list(tl), prefer="negative" if c else None))
            read.clear()
            if len(ex):
                st.caption(t("listening.alert.examples"))
                for e in ex.itertuples(index=False):
                    src = plain_md(e.source or "")
                    st.markdown(f"> {plain_md(e.text, 280)}  \n> — {src} · {plain_md(sentiment_name(e.sentiment_label))}")
    with st.expander(t("listening.alerts.rule.title")):
        st.markdown(t("listening.alerts.rule", k=fmt.number(ALERTS["sensitivity"], 1, lang), n=ALERTS["min_mentions"],
                      cool=ALERTS["cooldown_days"], w=BASELINE_DAYS))


# =========================================================================== map

KIND_ORDER = list(L.ENTITY_KINDS)

with tabs["map"]:
    st.caption(t("listening.map.caption"))
    months = L.month_windows(ctx.end - dt.timedelta(days=365), ctx.end)
    c1, c2 = st.columns([2, 3])
    mode = c1.segmented_control(t("listening.map.window"), ["period", "month"], key="listening.map.mode", default="period",
                                format_func=lambda x: t(f"listening.map.window.{x}")) or "period"
    if mode == "month" and months:
        labels = [fmt.date(m0, lang, "month") for m0, _ in months]
        default = labels[-2] if len(labels) > 1 and months[-1][1] - months[-1][0] < dt.timedelta(days=20) else labels[-1]
        pick = c2.select_slider(t("listening.map.month"), labels, value=ss.get("listening.map.month", default), key="listening.map.month")
        i = labels.index(pick)
        w_start, w_end = months[i][0].date(), months[i][1].date()
        prev_w = (months[i - 1][0].date(), months[i - 1][1].date()) if i > 0 else None
    else:
        w_start, w_end = ctx.start, ctx.end
        prev_w = (ctx.prev_start, ctx.prev_end)
        c2.caption(t("listening.map.period", range=fmt.date_range(w_start, w_end, lang)))
    c3, c4, c5 = st.columns([3, 3, 2])
    brands_sel = c3.multiselect(t("listening.map.brands"), BRANDS, default=BRANDS[:1], key="listening.map.brands", placeholder=t("listening.ex.any"),
                                format_func=brand_label) if BRANDS else []
    kinds_sel = c4.multiselect(t("listening.map.kinds"), KIND_ORDER, default=KIND_ORDER, key="listening.map.kinds", placeholder=t("listening.ex.any"),
                               format_func=lambda k: t(f"listening.kind.{k}"))
    trails = c5.toggle(t("listening.map.trails"), key="listening.map.trails", value=True, help=t("listening.map.trails.help"))
    by_brand = len(brands_sel) > 0

    def _emap(s, e):
        return L.entity_map(texts(MAP_TEXT_COLS, s, e), TERMS, s, e, tz=tz, brand=brands_sel or None, own_brand=OWN, by_brand=by_brand,
                            exclude=BRANDS)

    em = memo("emap", (w_start, w_end, tuple(brands_sel), tuple(map(tuple, (d.items() for d in TERMS)))), lambda: _emap(w_start, w_end))
    em = em[em["kind"].isin(kinds_sel)] if len(em) else em
    pem = pd.DataFrame()
    if trails and prev_w is not None:
        pem = memo("emap", (prev_w[0], prev_w[1], tuple(brands_sel), tuple(map(tuple, (d.items() for d in TERMS)))),
                   lambda: _emap(prev_w[0], prev_w[1]))
    min_plot = 3  # fewer mentions than this: a net sentiment of ±100 % that means little
    plot = em[em["net_sentiment"].notna() & (em["volume"] >= min_plot)] if len(em) else em
    hidden = len(em) - len(plot)
    if not len(plot):
        st.info(t("listening.map.empty"))
    else:
        plot = plot.sort_values("volume", ascending=False).head(60).reset_index(drop=True)
        n_labels = 14 if present else 12
        height = 580 if present else 520
        font_px = 16 if present else 13
        width_px = 1300 if present else 950
        # previous positions of the entities (for the drift arrows), matched on entity, kind (and brand)
        prev_pos: dict[int, tuple[float, float]] = {}
        if trails and len(pem):
            keys = ["entity", "kind"] + (["brand"] if by_brand else [])
            pm = pem[pem["net_sentiment"].notna() & (pem["volume"] >= min_plot)].drop_duplicates(keys)
            prev_of = dict(zip(zip(*(pm[k].tolist() for k in keys), strict=True),
                               zip(pm["volume"].astype(float).tolist(), pm["net_sentiment"].astype(float).tolist(), strict=True), strict=True))
            for i, key in enumerate(zip(*(plot[k] for k in keys), strict=True)):
                if key in prev_of:
                    prev_pos[i] = prev_of[key]
        vols = [float(v) for v in plot["volume"]] + [v for v, _ in prev_pos.values()]
        x_lo, x_hi = math.log10(max(0.7, min(vols) * 0.7)), math.log10(max(vols) * 1.6)
        y_lo, y_hi = -1.25, 1.25
        reach = plot["reach"].fillna(0).astype(float)
        size_val = np.where(reach > 0, reach, plot["volume"].astype(float))
        size_px = 10 + 40 * np.sqrt(size_val / max(float(size_val.max()), 1.0))
        xf = (np.log10(plot["volume"].astype(float)) - x_lo) / (x_hi - x_lo)
        yf = (plot["net_sentiment"].astype(float) - y_lo) / (y_hi - y_lo)
        x_mid = float(np.median(plot["volume"]))
        order = L.label_order(plot["volume"], plot["net_sentiment"], size_px)
        char_w, line_h = font_px * 0.6 / (width_px - 90), font_px * 1.35 / (height - 120)
        corners = (("loud_liked", 0.99, 0.99, "right", "top"), ("quiet_liked", 0.01, 0.99, "left", "top"),
                   ("loud_disliked", 0.99, 0.01, "right", "bottom"), ("quiet_disliked", 0.01, 0.01, "left", "bottom"))
        captions = [(ax - (len(t(f"listening.map.q.{k}")) * char_w if xa == "right" else 0.0), ay - (line_h if ya == "top" else 0.0),
                     ax + (len(t(f"listening.map.q.{k}")) * char_w if xa == "left" else 0.0), ay + (line_h if ya == "bottom" else 0.0))
                    for k, ax, ay, xa, ya in corners]
        placed = L.place_labels(xf.to_numpy()[order], yf.to_numpy()[order], plot["entity"].astype(str).to_numpy()[order].tolist(),
                                max_labels=n_labels, char_width=char_w, line_height=line_h,
                                marker_radius=size_px[order] / 2 / (height - 120), obstacles=captions)
        pos: list[str | None] = [None] * len(plot)
        for j, i in enumerate(order):
            pos[int(i)] = placed[j]
        fig = go.Figure()
        fig.add_hline(y=0, line_color=MUTED, line_width=1)
        fig.add_vline(x=x_mid, line_color=MUTED, line_width=1, line_dash="dot")
        for text_key, ax, ay, xa, ya in corners:
            fig.add_annotation(xref="paper", yref="paper", x=ax, y=ay, xanchor=xa, yanchor=ya, showarrow=False,
                               text=t(f"listening.map.q.{text_key}"), font={"color": MUTED, "size": font_px - 1})
        kinds_t = {k: t(f"listening.kind.{k}") for k in KIND_ORDER}
        groups = plot.groupby("brand", sort=False) if by_brand else [(None, plot)]
        n_arrows = 0
        for i, (pv, pn) in prev_pos.items():
            if pos[i] is None:
                continue  # arrows only for labelled bubbles: the chart stays readable
            cv, cn = float(plot.at[i, "volume"]), float(plot.at[i, "net_sentiment"])
            if abs(math.log10(cv) - math.log10(pv)) < 0.03 * (x_hi - x_lo) and abs(cn - pn) < 0.05:
                continue  # did not move
            # annotations on a log axis take log10 positions
            fig.add_annotation(x=math.log10(cv), y=cn, ax=math.log10(pv), ay=pn, xref="x", yref="y", axref="x", ayref="y",
                               showarrow=True, arrowhead=2, arrowsize=1.1, arrowwidth=1.3, arrowcolor=MUTED, opacity=0.8,
                               standoff=float(size_px[i]) / 2, text="")
            n_arrows += 1
        if n_arrows:  # legend entry for the arrows
            fig.add_scatter(x=[None], y=[None], mode="lines", name=t("listening.map.trail_legend"),
                            line={"color": MUTED, "width": 1.3}, hoverinfo="skip")
        for b, g in groups:
            idx = g.index
            col = brand_color(b) if b else brand_color(OWN)
            fig.add_scatter(
                x=g["volume"], y=g["net_sentiment"], mode="markers+text", name=plot_text(brand_label(b)) if b else t("listening.map.entities"),
                text=[plot_text(plot.at[i, "entity"]) if pos[i] else "" for i in idx],
                textposition=[pos[i] or "top center" for i in idx],
                # several brands: each label in its brand's colour, so "festival" of one is not read as another's
                textfont={"size": font_px, "color": col if len(brands_sel) > 1 else colors.THEME_TEXT[ctx.theme]}, cliponaxis=False,
                marker={"size": size_px[idx], "color": col, "opacity": 0.5, "line": {"width": 1.5, "color": col}},
                customdata=np.stack([
                    [plot_text(e) for e in g["entity"]], [kinds_t.get(k, k) for k in g["kind"]],
                    [fmt.integer(v, lang) for v in g["positive"]], [fmt.integer(v, lang) for v in g["negative"]],
                    [fmt.compact(v, lang) for v in g["reach"]], [fmt.percent(v, 0, lang, signed=True) for v in g["net_sentiment"]],
                    [fmt.integer(v, lang) for v in g["volume"]],
                ], axis=-1),
                hovertemplate=t("listening.map.hover") + "<extra></extra>",
            )
        ticks = [v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)
                 if x_lo <= math.log10(v) <= x_hi]
        fig.update_xaxes(type="log", range=[x_lo, x_hi], title=t("listening.map.x"), tickvals=ticks,
                         ticktext=[fmt.integer(v, lang) for v in ticks], showgrid=False)
        fig.update_yaxes(range=[y_lo, y_hi], title=t("listening.map.y"), tickvals=[-1, -0.5, 0, 0.5, 1], zeroline=False)
        fig.update_layout(height=height, showlegend=len(brands_sel) > 1 or n_arrows > 0)
        charts.show(fig, key="listening.map.chart", ctx=ctx, y_format="+.0%")
        st.caption(t("listening.map.read", w=fmt.date_range(w_start, w_end, lang))
                   + (" " + t("listening.map.hidden", n=hidden) if hidden else ""))
        view = em.copy()
        cols = {
            "entity": t("listening.col.entity"), "kind": t("listening.col.kind"), "volume": t("listening.col.volume"),
            "positive": t("listening.col.positive"), "negative": t("listening.col.negative"),
            "net_sentiment": t("listening.col.net"), "reach": t("listening.col.reach"),
        }
        if by_brand:
            cols["brand"] = t("listening.col.brand")
        view["kind"] = [kinds_t.get(k, k) for k in view["kind"]]
        view["net_sentiment"] = [fmt.percent(v, 0, lang, signed=True) for v in view["net_sentiment"]]
        view["reach"] = [fmt.integer(v, lang) for v in view["reach"]]
        for c in ("volume", "positive", "negative"):
            view[c] = [fmt.integer(v, lang) for v in view[c]]
        widgets.table(view[list(cols)].rename(columns=cols), ctx, height=280)


# =========================================================================== share of voice

with tabs["sov"]:
    if not COMPS:
        widgets.setup_hint("listening.sov.no_competitors", ctx=ctx)
    else:
        last_sunday = ctx.end if ctx.end.weekday() == 6 else ctx.end - dt.timedelta(days=ctx.end.weekday() + 1)
        first_monday = last_sunday - dt.timedelta(days=26 * 7 - 1)
        sd_all = data.read("sentiment_daily", ["date", "source", "brand", "topic", "mentions", "positive", "neutral", "negative"],
                           start=first_monday, end=last_sunday, ctx=ctx)
        # the page's mentions cover these weeks (hist_start is further back): no second copy of them
        sov = memo("sov", (first_monday, last_sunday, OWN, tuple(COMPS)),
                   lambda: L.share_of_voice_weekly(mentions, sd_all, first_monday, last_sunday, tz, OWN, COMPS))
        if not len(sov):
            st.info(t("listening.sov.empty"))
        else:
            st.caption(t("listening.sov.caption", range=fmt.date_range(first_monday, last_sunday, lang)))
            fig = go.Figure()
            for b in reversed(BRANDS):
                g = sov[sov["brand"] == b]
                if not len(g):
                    continue
                fig.add_scatter(
                    x=[pd.Timestamp(w).to_pydatetime() for w in g["week"]], y=g["share"], name=plot_text(brand_label(b)), mode="lines", stackgroup="sov",
                    line={"width": 0.8, "color": brand_color(b)}, fillcolor=brand_color(b),
                    customdata=np.stack([[fmt.integer(v, lang) for v in g["mentions"]], [fmt.percent(v, 0, lang) for v in g["share"]]], axis=-1),
                    hovertemplate="%{customdata[1]} · %{customdata[0]} " + t("listening.sov.mentions") + "<extra>" + plot_text(brand_label(b)) + "</extra>",
                )
            fig.update_layout(height=420 if present else 360, legend={"traceorder": "reversed"})
            fig.update_yaxes(range=[0, 1])
            charts.show(fig, key="listening.sov.chart", ctx=ctx, percent_y=True)
            own_rows = sov[sov["is_own"]].sort_values("week")
            if len(own_rows) >= 2:
                last, first = own_rows.iloc[-1], own_rows.iloc[: max(1, len(own_rows) // 2)]
                st.caption(t("listening.sov.summary", week=fmt.date(last["week"], lang, "day_month"), share=fmt.percent(last["share"], 0, lang),
                             avg=fmt.percent(own_rows["mentions"].sum() / max(sov["mentions"].sum(), 1), 0, lang)))


# =========================================================================== explorer

with tabs["explorer"]:
    c1, c2 = st.columns([2, 3])
    default_range = (ctx.start, ctx.end)
    rng = c1.date_input(t("listening.ex.dates"), value=ss.get("listening.ex.dates", default_range), max_value=max(ctx.today, ctx.end),
                        key="listening.ex.dates", format="YYYY-MM-DD")
    if isinstance(rng, (tuple, list)) and len(rng) == 2:
        e_start, e_end = rng
    else:
        e_start, e_end = default_range
    query = c2.text_input(t("listening.ex.search"), key="listening.ex.search", placeholder=t("listening.ex.search.ph"))
    # filters and counts on the columns they need; texts and the other columns only for the rows shown
    pool = data.read("mentions", FILTER_COLS, start=e_start, end=e_end, ctx=ctx)

    def opts(col: str) -> list[str]:
        return sorted({str(v).strip() for v in pool[col].dropna().unique() if str(v).strip()}) if len(pool) else []

    f1, f2, f3, f4, f5 = st.columns(5)
    f_source = f1.multiselect(t("listening.ex.source"), opts("source"), key="listening.ex.source", placeholder=t("listening.ex.any"))
    f_sent = f2.multiselect(t("listening.ex.sentiment"), ["positive", "neutral", "negative", "none"], key="listening.ex.sentiment", placeholder=t("listening.ex.any"),
                            format_func=sentiment_name)
    f_topic = f3.multiselect(t("listening.ex.topic"), opts("topic"), key="listening.ex.topic", placeholder=t("listening.ex.any"))
    f_brand = f4.multiselect(t("listening.ex.brand"), opts("brand"), key="listening.ex.brand", placeholder=t("listening.ex.any"))
    f_lang = f5.multiselect(t("listening.ex.lang"), opts("lang"), key="listening.ex.lang", placeholder=t("listening.ex.any"))

    def _explore(e_start, e_end, f_source, f_topic, f_brand, f_lang, f_sent, q) -> tuple[int, pd.DataFrame]:
        sel = pool
        if len(sel):
            def isin(col, values):
                return sel[col].astype("string").str.strip().isin(values).fillna(False).astype(bool)

            if f_source:
                sel = sel[isin("source", f_source)]
            if f_topic:
                sel = sel[isin("topic", f_topic)]
            if f_brand:
                sel = sel[isin("brand", f_brand)]
            if f_lang:
                sel = sel[isin("lang", f_lang)]
            if f_sent:
                lab = sel["sentiment_label"].astype("string")
                mask = lab.isin([s for s in f_sent if s != "none"]).fillna(False).astype(bool)
                if "none" in f_sent:
                    mask = mask | lab.isna()
                sel = sel[mask]
            if q and len(sel):
                txt = data.fetch("mentions", ["mention_id", "text"], start=e_start, end=e_end, ctx=ctx)
                hit = set(txt.loc[txt["text"].astype("string").str.contains(q, case=False, regex=False, na=False).to_numpy(dtype=bool),
                                  "mention_id"])
                sel = sel[sel["mention_id"].isin(hit).to_numpy(dtype=bool)]
        sel = sel.sort_values("published_at", ascending=False)
        ids = sel["mention_id"].head(MAX_ROWS).tolist()
        if not ids:
            return len(sel), pd.DataFrame(columns=MENTION_COLS)
        rows = data.fetch("mentions", MENTION_COLS, start=e_start, end=e_end, filters=[("mention_id", "in", ids)], ctx=ctx)
        # in the explorer's order (newest first), one row per shown id
        rows = rows.drop_duplicates("mention_id").set_index("mention_id", drop=False).loc[ids].reset_index(drop=True)
        return len(sel), rows

    # the rows shown (at most MAX_ROWS, with their text) are what is cached, per filter
    n_sel, sel = memo("explorer", (e_start, e_end, tuple(f_source), tuple(f_topic), tuple(f_brand), tuple(f_lang), tuple(f_sent),
                                   query.strip()),
                      lambda: _explore(e_start, e_end, f_source, f_topic, f_brand, f_lang, f_sent, query.strip()))
    shown_n = 8 if present else MAX_ROWS
    st.caption(t("listening.ex.count", n=fmt.integer(n_sel, lang), count=n_sel, total=fmt.integer(len(pool), lang))
               + (" " + t("listening.ex.limited", n=fmt.integer(shown_n, lang)) if n_sel > shown_n else ""))
    if present:
        # on a shared screen: a few mentions as inert text, no author, no controls
        for r in sel.head(8).itertuples(index=False):
            when = fmt.date(pd.Timestamp(r.published_at).tz_convert(tz), lang, "medium")
            st.markdown(f"> {plain_md(r.text, 280)}  \n> — {plain_md(when)} · {plain_md(r.source or '')} · {plain_md(sentiment_name(r.sentiment_label))}")
    elif len(sel):
        local = pd.to_datetime(sel["published_at"], utc=True).dt.tz_convert(tz).dt.tz_localize(None)
        origin_names = {o: t(f"listening.origin.{o}") for o in ("export", "model", "manual")}
        C = {k: t(f"listening.col.{k}") for k in ("when", "sentiment", "origin", "text", "source", "brand", "topic", "lang",
                                                   "author", "reach", "url")}
        ids = sel["mention_id"].astype(str).to_numpy()
        view = pd.DataFrame({
            C["when"]: local.to_numpy(),
            C["sentiment"]: pd.Series([sentiment_name(s) for s in sel["sentiment_label"]], dtype="object"),
            C["origin"]: [origin_names.get(o, "") if isinstance(o, str) else "" for o in sel["sentiment_origin"]],
            C["text"]: sel["text"].astype("string").fillna("").to_numpy(),
            C["source"]: sel["source"].astype("string").fillna("").to_numpy(),
            C["brand"]: sel["brand"].astype("string").fillna("").to_numpy(),
            C["topic"]: sel["topic"].astype("string").fillna("").to_numpy(),
            C["lang"]: sel["lang"].astype("string").fillna("").to_numpy(),
            C["author"]: sel["author"].astype("string").fillna("").to_numpy(),
            C["reach"]: pd.to_numeric(sel["reach"], errors="coerce").to_numpy(),
            C["url"]: [safe_url(u) for u in sel["url"]],
        })
        sent_ids = {sentiment_name(x): x for x in ("positive", "neutral", "negative")}
        sent_opts = list(sent_ids)
        edited = st.data_editor(
            view, key=f"listening.ex.editor.{VERSION}", hide_index=True, width="stretch", height=420,
            disabled=[c for c in view.columns if c != C["sentiment"]],
            column_config={
                C["when"]: st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
                C["sentiment"]: st.column_config.SelectboxColumn(options=sent_opts, help=t("listening.ex.relabel.help")),
                C["text"]: st.column_config.TextColumn(width="large"),
                C["lang"]: st.column_config.TextColumn(width="small"),
                C["reach"]: st.column_config.NumberColumn(format="localized"),
                C["url"]: st.column_config.LinkColumn(display_text=t("listening.col.url.open")),
            },
        )
        changed = {
            mid: sent_ids[new] for mid, old, new in zip(ids, view[C["sentiment"]], edited[C["sentiment"]], strict=True)
            if isinstance(new, str) and new in sent_ids and new != old
        }
        b1, b2 = st.columns([2, 5])
        if b1.button(t("listening.ex.save", n=len(changed)), key="listening.ex.save", disabled=not changed, type="primary",
                     icon=":material/save:"):
            n = scoring.relabel(ctx.root, ws, changed)
            data.invalidate()
            ss["listening.flash"] = t("listening.ex.saved", n=n)
            st.rerun()
        b2.caption(t("listening.ex.relabel.note"))
        # the grid's own CSV export is off (ui/safe.py): this one neutralises formulas
        st.download_button(t("safe.download.csv", n=fmt.integer(len(view), lang), count=len(view)), data=lambda v=view: safe.csv_bytes(v),
                           file_name=f"{ws}-mentions.csv", mime="text/csv", icon=":material/download:",
                           key="listening.ex.download", type="tertiary")
        if ss.get("listening.flash"):
            st.success(ss.pop("listening.flash"))


# =========================================================================== review queue

if not present:
    with tabs["review"]:
        from ui import review

        # the queue reads the period's texts itself, only when it is not cached
        review.render(ctx, ws, VERSION)

# =========================================================================== settings

if not present:
    with tabs["settings"]:
        st.subheader(t("listening.lex.title"))
        st.caption(t("listening.lex.caption"))
        lexicon = scoring.load_lexicon(ctx.root, ws)
        lx_lang = st.segmented_control(t("listening.lex.lang"), ["fr", "en"], key="listening.lex.lang", default="fr",
                                       format_func=lambda x: t(f"listening.lex.lang.{x}")) or "fr"
        W, S = t("listening.lex.word"), t("listening.lex.score")
        words = pd.DataFrame({
            W: pd.Series(list(lexicon[lx_lang]), dtype="string"),
            S: pd.Series(list(lexicon[lx_lang].values()), dtype="float64"),
        })
        ed = st.data_editor(
            words, key=f"listening.lex.editor.{lx_lang}", num_rows="dynamic", hide_index=True, width="stretch",
            column_config={
                W: st.column_config.TextColumn(required=True, help=t("listening.lex.word.help")),
                S: st.column_config.NumberColumn(min_value=-1.0, max_value=1.0, step=0.1, format="%+.1f", required=True,
                                                 help=t("listening.lex.score.help")),
            },
        )
        l1, l2 = st.columns([2, 3])
        if l1.button(t("listening.lex.save"), key="listening.lex.save", icon=":material/save:"):
            new = {str(w): float(s) for w, s in zip(ed[W], ed[S], strict=True)
                   if isinstance(w, str) and w.strip() and s is not None and not pd.isna(s)}
            lexicon[lx_lang] = new
            scoring.save_lexicon(ctx.root, ws, lexicon)
            ss["listening.lex.flash"] = t("listening.lex.saved", n=len(new))
            st.rerun()
        if ss.get("listening.lex.flash"):
            l2.success(ss.pop("listening.lex.flash"))
        probe = st.text_input(t("listening.lex.try"), key="listening.lex.try", placeholder=t("listening.lex.try.ph"))
        if probe.strip():
            from metrics.sentiment_model import score_text  # the scorer is imported only to try a text

            p_lang, p_score, p_label = score_text(probe, overrides=lexicon)
            st.markdown(t("listening.lex.result", label=sentiment_name(p_label), score=fmt.number(p_score, 2, lang, signed=True),
                          text_lang=plain_md(p_lang)))
        r1, r2 = st.columns([2, 3])
        if r1.button(t("listening.lex.rescore"), key="listening.lex.rescore", icon=":material/refresh:", help=t("listening.lex.rescore.help")):
            with st.spinner(t("listening.lex.rescoring")):
                stats = scoring.rescore_workspace(ctx.root, ws)
            data.invalidate()
            ss["listening.rescore.flash"] = t("listening.lex.rescored", changed=fmt.integer(stats["changed"], lang),
                                              candidates=fmt.integer(stats["candidates"], lang),
                                              manual=fmt.integer(stats["manual_kept"], lang), export=fmt.integer(stats["export_kept"], lang))
            st.rerun()
        if ss.get("listening.rescore.flash"):
            r2.success(ss.pop("listening.rescore.flash"))

        st.divider()
        st.subheader(t("listening.terms.title"))
        st.caption(t("listening.terms.caption"))
        kind_ids = {t(f"listening.kind.{k}"): k for k in ("person", "organisation", "product", "topic")}
        kinds4 = list(kind_ids)
        TT, TK = t("listening.terms.term"), t("listening.terms.kind")
        tdf = pd.DataFrame({
            TT: pd.Series([x["term"] for x in TERMS], dtype="string"),
            TK: pd.Series([t(f"listening.kind.{x['kind']}") for x in TERMS], dtype="string"),
        })
        ted = st.data_editor(
            tdf, key="listening.terms.editor", num_rows="dynamic", hide_index=True, width="stretch",
            column_config={
                TT: st.column_config.TextColumn(required=True),
                TK: st.column_config.SelectboxColumn(options=kinds4, required=True, default=t("listening.kind.topic")),
            },
        )
        if st.button(t("listening.terms.save"), key="listening.terms.save", icon=":material/save:"):
            doc = L.normalise_terms([{"term": a, "kind": kind_ids.get(b, "topic")} for a, b in zip(ted[TT], ted[TK], strict=True)
                                     if isinstance(a, str)])
            data.save_config("tracked_terms", doc, ctx=ctx)
            ss["listening.terms.flash"] = t("listening.terms.saved", n=len(doc))
            st.rerun()
        if ss.get("listening.terms.flash"):
            st.success(ss.pop("listening.terms.flash"))

        st.divider()
        st.subheader(t("listening.cfg.title"))
        with st.form("listening.cfg"):
            a1, a2, a3 = st.columns(3)
            sens = a1.number_input(t("listening.cfg.sensitivity"), 1.0, 10.0, float(ALERTS["sensitivity"]), 0.5, help=t("listening.cfg.sensitivity.help"))
            cool = a2.number_input(t("listening.cfg.cooldown"), 0, 14, int(ALERTS["cooldown_days"]), 1, help=t("listening.cfg.cooldown.help"))
            mini = a3.number_input(t("listening.cfg.min"), 1, 10_000, int(ALERTS["min_mentions"]), 1, help=t("listening.cfg.min.help"))
            if st.form_submit_button(t("listening.cfg.save"), icon=":material/save:"):
                data.save_config("alerts", {"sensitivity": float(sens), "cooldown_days": int(cool), "min_mentions": int(mini)}, ctx=ctx)
                st.rerun()
