"""The review queue of the Listening page (issue 19): label the mentions the scorer is least sure
about, one click each, then let the workspace's layer learn from them.

* queue: the period's mentions not labelled by a person, least certain first
  (:func:`connectors.scoring.review_queue`; skipped ones go to the end of this session's queue);
* one click (or the keys 1 / 2 / 3) stores a manual label (:func:`connectors.scoring.relabel`);
* counter of the workspace's manual labels and of the mentions left to review;
* "learn from my labels" retrains the layer and re-scores the workspace; "reset" returns to the
  default scorer; the estimated accuracy is the cross-validated one stored at the last training.

Mention texts are user content: shown with ``st.text`` (never interpreted) or as dataframe cells;
their source and language go through :func:`ui.safe.md`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from connectors import scoring, store
from metrics import local_day_series
from ui import data, fmt, safe
from ui.i18n import t

LABELS = ("negative", "neutral", "positive")
KEYS = {"negative": "1", "neutral": "2", "positive": "3"}
ICONS = {"negative": ":material/sentiment_dissatisfied:", "neutral": ":material/sentiment_neutral:",
         "positive": ":material/sentiment_satisfied:"}
QUEUE_LEN = 50
SCAN_MAX = 20_000  # most recent candidates scored for the queue (bounded page time)
COLS = ["mention_id", "published_at", "text", "sentiment_label", "sentiment_origin", "source", "lang"]  # read by the queue


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def _queue(root: str, ws: str, version: tuple, layer_version: int, start: dt.date, end: dt.date, tz: str, _ctx):
    # the period's texts are read here and not kept: the cache holds the queue, not every text
    m = data.fetch("mentions", COLS, start=start, end=end, ctx=_ctx)
    if not len(m):
        return m.assign(uncertainty=pd.Series(dtype="float64"), suggested=pd.Series(dtype="string")), 0
    local = local_day_series(m["published_at"], tz)
    m = m[((local >= pd.Timestamp(start)) & (local <= pd.Timestamp(end))).to_numpy(dtype=bool)]
    origin = m["sentiment_origin"].astype("string").str.lower()
    todo = m[~origin.eq("manual").fillna(False).astype(bool) & m["text"].notna()]
    todo = todo.sort_values("published_at", ascending=False).head(SCAN_MAX)
    return scoring.review_queue(root, ws, todo, limit=QUEUE_LEN + 20), len(todo)


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def _manual_count(root: str, ws: str, version: tuple) -> int:
    m = store.read_table(root, ws, "mentions", columns=["sentiment_origin"])
    if not len(m):
        return 0
    # the test once per distinct origin (a handful for millions of mentions)
    counts = m["sentiment_origin"].value_counts()
    manual = pd.Series(counts.index, dtype=object).astype("string").str.lower().eq("manual").fillna(False).to_numpy(dtype=bool)
    return int(counts.to_numpy()[manual].sum())


def _sentiment(label: object) -> str:
    return t(f"listening.sentiment.{label}") if label in LABELS else t("listening.sentiment.none")


def render(ctx, ws: str, version: tuple) -> None:
    """The review tab of the period ``ctx.start..ctx.end``; ``version``: the mentions table version."""
    lang, ss = ctx.lang, st.session_state
    st.subheader(t("listening.review.title"))
    st.caption(t("listening.review.caption"))
    doc = scoring.layer_doc(ctx.root, ws)
    active = bool(doc.get("active")) and scoring.load_layer(ctx.root, ws) is not None
    n_manual = _manual_count(str(ctx.root), ws, version)
    queue, n_todo = _queue(str(ctx.root), ws, version, int(doc.get("version") or 0), ctx.start, ctx.end, ctx.timezone, ctx)
    skipped = ss.setdefault(f"listening.review.skipped.{ws}", [])
    if len(queue):
        queue = pd.concat([queue[~queue["mention_id"].isin(skipped)], queue[queue["mention_id"].isin(skipped)]])

    c1, c2, c3 = st.columns(3)
    c1.metric(t("listening.review.labelled"), fmt.integer(n_manual, lang), help=t("listening.review.labelled.help"))
    c2.metric(t("listening.review.todo"), fmt.integer(n_todo, lang), help=t("listening.review.todo.help"))
    cv = doc.get("cv") or {}
    acc, d_acc = cv.get("accuracy"), cv.get("default_accuracy")
    if active and acc is not None:
        c3.metric(t("listening.review.accuracy"), fmt.percent(acc, 0, lang),
                  t("listening.review.accuracy.delta", pts=fmt.points(acc - (d_acc or 0.0), lang=lang)) if d_acc is not None else None,
                  help=t("listening.review.accuracy.help", n=fmt.integer(cv.get("n") or 0, lang),
                         default=fmt.percent(d_acc, 0, lang) if d_acc is not None else "–"))
    else:
        c3.metric(t("listening.review.accuracy"), "–", help=t("listening.review.accuracy.none"))

    if ss.get("listening.review.flash"):
        st.success(ss.pop("listening.review.flash"))

    if not len(queue):
        st.info(t("listening.review.empty"))
    else:
        r = queue.iloc[0]
        mid = str(r["mention_id"])
        with st.container(border=True):
            when = pd.Timestamp(r["published_at"]).tz_convert(ctx.timezone)
            meta = [fmt.date(when, lang, "medium"), str(r.get("source") or ""), str(r.get("lang") or "")]
            st.caption(" · ".join(safe.md(x) for x in meta if x and x != "<NA>"))
            st.text(str(r["text"]))
            st.caption(t("listening.review.suggested", label=_sentiment(r["suggested"]),
                         certainty=fmt.percent(1.0 - float(r["uncertainty"]), 0, lang)))
            cols = st.columns(4)
            for col, lab in zip(cols, LABELS, strict=False):
                if col.button(_sentiment(lab), key=f"listening.review.{lab}", icon=ICONS[lab],
                              shortcut=KEYS[lab], width="stretch",
                              type="primary" if lab == r["suggested"] else "secondary"):
                    scoring.relabel(ctx.root, ws, {mid: lab})
                    if mid in skipped:
                        skipped.remove(mid)
                    data.invalidate()
                    ss["listening.review.flash"] = t("listening.review.saved", label=_sentiment(lab))
                    st.rerun()
            if cols[3].button(t("listening.review.skip"), key="listening.review.skip", icon=":material/skip_next:",
                              width="stretch"):
                skipped.append(mid)
                st.rerun()
        nxt = queue.iloc[1:11]
        if len(nxt):
            st.caption(t("listening.review.next"))
            st.dataframe(pd.DataFrame({
                t("listening.col.text"): nxt["text"].astype("string").fillna("").to_numpy(),
                t("listening.review.col.suggested"): [_sentiment(x) for x in nxt["suggested"]],
                t("listening.review.col.certainty"): (100.0 * (1.0 - nxt["uncertainty"].astype(float))).round().to_numpy(),
            }), hide_index=True, width="stretch",
                column_config={t("listening.review.col.certainty"): st.column_config.ProgressColumn(format="%.0f %%", min_value=0.0, max_value=100.0)})

    st.divider()
    st.markdown("**" + t("listening.review.model") + "**")
    if active:
        st.caption(t("listening.review.model.active", version=int(doc.get("version") or 0), n=fmt.integer(doc.get("n_labels") or 0, lang),
                     when=str(doc.get("trained_at") or "")[:16].replace("T", " ")))
    else:
        st.caption(t("listening.review.model.default"))
    b1, b2, b3 = st.columns([2, 2, 3])
    if b1.button(t("listening.review.train"), key="listening.review.train", icon=":material/model_training:",
                 disabled=n_manual < scoring.MIN_LABELS, help=t("listening.review.train.help")):
        with st.spinner(t("listening.review.training")):
            try:
                res = scoring.retrain(ctx.root, ws)
            except ValueError:  # labels removed meanwhile: nothing learnt, nothing changed
                st.rerun()
        data.invalidate()
        ss["listening.review.flash"] = t("listening.review.trained", version=res["version"], n=fmt.integer(res["n_labels"], lang),
                                         changed=fmt.integer(res["rescore"].get("labels_changed", 0), lang))
        st.rerun()
    if b2.button(t("listening.review.reset"), key="listening.review.reset", icon=":material/restart_alt:",
                 disabled=not active, help=t("listening.review.reset.help")):
        with st.spinner(t("listening.review.training")):
            res = scoring.reset_layer(ctx.root, ws)
        data.invalidate()
        ss["listening.review.flash"] = t("listening.review.wasreset", changed=fmt.integer(res["rescore"].get("labels_changed", 0), lang))
        st.rerun()
