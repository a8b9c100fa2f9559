"""Listening: spikes and crises, the volume–positivity map, weekly share of voice, top terms.

Pure functions (no IO, no Streamlit, no clock) over the ``mentions`` table (one row per
mention, ``published_at`` in UTC) and, for share of voice, ``sentiment_daily``.

Spike rule (:func:`detect_spikes`)
----------------------------------
For every day (or hour) ``t`` with at least ``min_history`` earlier periods, the baseline is
the ``window`` periods before ``t`` (``t`` itself excluded)::

    median    = median(previous counts)
    MAD       = median(|previous counts - median|)
    sigma     = max(1.4826 x MAD, sqrt(median))       (noise floor, see below)
    flagged  <=> count > median + k x sigma
                 and count >= min_mentions
                 and count >= ratio x median

with ``k = sensitivity`` (workspace ``alerts.sensitivity``, default 3.5), ``min_mentions``
(``alerts.min_mentions``, 10), ``ratio`` 2. 1.4826 x MAD estimates the standard deviation
without being dragged up by the very outliers we look for. Counts are discrete: with a median
of a few mentions the MAD is 0 or 1 and the pure MAD rule alerts several times a year on
Poisson noise alone, so sigma never goes below the Poisson standard deviation sqrt(median)
(``noise_floor=False`` gives the pure rule ``count > median + k·1.4826·MAD``; the floor only
ever removes alerts).

Flagged periods are grouped into one **alert** while the gap since the alert's last flagged
period is at most ``max(1, cooldown_days)`` periods (consecutive flagged days are always one
alert; ``cooldown_days`` = workspace ``alerts.cooldown_days``, 3). An alert is a **crisis**
when the negative share of its labelled mentions (negative / labelled, pooled over its flagged
periods) is at least ``crisis_share`` (40 %) **and** at least ``crisis_jump`` (20 points) above
the baseline negative share (pooled over the ``window`` periods before the alert started; an
unknown baseline share counts as 0).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from metrics import MENTION_COUNT, NAN, DateLike, day, fold, mention_weights, nullify, per_distinct, safe_div

SENTIMENTS = ("positive", "neutral", "negative")
VOLUME_COLS = ["date", "mentions", "positive", "neutral", "negative"]
SPIKE_COLS = [
    "start", "end", "peak_date", "peak_mentions", "baseline", "negative_share", "baseline_negative_share", "crisis",
    "total_mentions", "threshold",
]
ENTITY_COLS = ["entity", "kind", "volume", "positive", "neutral", "negative", "net_sentiment", "reach"]
ENTITY_KINDS = ("person", "organisation", "product", "topic", "hashtag")
MAD_SCALE = 1.4826

ALERT_DEFAULTS: dict[str, float | int] = {"sensitivity": 3.5, "cooldown_days": 3, "min_mentions": 10}


# --------------------------------------------------------------------------- helpers


def alert_params(cfg: Mapping[str, Any] | None) -> dict[str, Any]:
    """The workspace ``alerts`` document with defaults and sane bounds:
    ``{"sensitivity": float > 0, "cooldown_days": int >= 0, "min_mentions": int >= 1}``."""
    cfg = dict(cfg or {})
    out: dict[str, Any] = dict(ALERT_DEFAULTS)

    def get(key: str, cast, lo: float) -> None:
        try:
            v = cast(cfg[key])
        except (KeyError, TypeError, ValueError):
            return
        if isinstance(v, float) and math.isnan(v):
            return
        out[key] = max(cast(lo), v)

    get("sensitivity", float, 0.5)
    get("cooldown_days", int, 0)
    get("min_mentions", int, 1)
    return out


def _local(ts: pd.Series, tz: str | None) -> pd.Series:
    """UTC instants -> naive local wall-clock datetimes in ``tz``."""
    out = pd.to_datetime(ts, errors="coerce", utc=True)
    return out.dt.tz_convert(tz or "UTC").dt.tz_localize(None).astype("datetime64[ns]")


def _labels(m: pd.DataFrame) -> pd.Series:
    if "sentiment_label" not in m.columns:
        return pd.Series([None] * len(m), index=m.index, dtype="object")
    return per_distinct(m["sentiment_label"], fold).rename(None)


def brand_mask(mentions: pd.DataFrame, brand: str | Iterable[str] | None, own_brand: str | None = None) -> pd.Series:
    """Rows of ``mentions`` about ``brand`` (case-insensitive; one name or several). A mention
    without a brand belongs to the own brand (listening exports of one's own brand rarely name
    it), so it matches when ``brand`` includes ``own_brand``. ``brand=None``: every row."""
    if brand is None:
        return pd.Series(True, index=mentions.index)
    wanted = {fold(brand)} if isinstance(brand, str) else {fold(b) for b in brand}
    wanted.discard(None)
    keys = (per_distinct(mentions["brand"], fold).rename(None) if "brand" in mentions.columns
            else pd.Series([None] * len(mentions), index=mentions.index, dtype="object"))
    mask = keys.isin(wanted)
    if own_brand is not None and fold(own_brand) in wanted:
        mask = mask | keys.isna()
    return mask.astype(bool)


def _empty_volume() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series([], dtype="float64") for c in VOLUME_COLS})
    out["date"] = pd.Series([], dtype="datetime64[ns]")
    return out


# --------------------------------------------------------------------------- volume series


def daily_volume(
    mentions: pd.DataFrame | None,
    tz: str | None = "UTC",
    brand: str | Iterable[str] | None = None,
    *,
    own_brand: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    freq: str = "D",
) -> pd.DataFrame:
    """Mentions per local day (``freq="D"``) or hour (``freq="h"``) -> DataFrame
    ``[date, mentions, positive, neutral, negative]`` (``date`` = naive local midnight or hour).

    Every period between ``start`` (else the first mention) and ``end`` (else the last) is
    present, with 0 where nothing was said (a spike baseline needs the quiet days). Mentions
    without a label count in ``mentions`` only. ``brand``: see :func:`brand_mask`. A row counts
    as one mention, or as its ``n_mentions`` in a frame counted per local day
    (:func:`metrics.mention_weights`; per day only: ``freq="h"`` needs one row per mention)."""
    m = mentions if mentions is not None else pd.DataFrame()
    if freq == "h" and MENTION_COUNT in m.columns:
        raise ValueError("hourly volume needs one row per mention, not mentions counted per day")
    if len(m) and "published_at" in m.columns:
        m = m[brand_mask(m, brand, own_brand)]
        when = _local(m["published_at"], tz)
        when = when.dt.floor("h") if freq == "h" else when.dt.normalize()
        lab = _labels(m)
        w = mention_weights(m)
        f = pd.DataFrame({
            "date": when,
            "mentions": w,
            **{s: (lab == s).to_numpy(dtype="float64") * w for s in SENTIMENTS},
        }, index=m.index)
        f = f[f["date"].notna()]
        f = f.groupby("date")[["mentions", *SENTIMENTS]].sum()
    else:
        f = pd.DataFrame(columns=["mentions", *SENTIMENTS], dtype="float64")
    lo = day(start) if start is not None else (f.index.min() if len(f) else None)
    if end is not None:
        hi = day(end) + (pd.Timedelta(hours=23) if freq == "h" else pd.Timedelta(0))
    else:
        hi = f.index.max() if len(f) else None
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi) or hi < lo:
        return _empty_volume()
    idx = pd.date_range(lo, hi, freq="h" if freq == "h" else "D", name="date")
    f = f.reindex(idx, fill_value=0.0).astype("float64").reset_index()
    return f[VOLUME_COLS]


def hourly_volume(mentions: pd.DataFrame | None, tz: str | None = "UTC", brand: str | Iterable[str] | None = None, **kw: Any) -> pd.DataFrame:
    """:func:`daily_volume` per local hour."""
    return daily_volume(mentions, tz, brand, freq="h", **kw)


# --------------------------------------------------------------------------- spikes


def baseline_band(
    daily: pd.DataFrame,
    *,
    sensitivity: float = 3.5,
    window: int = 28,
    min_mentions: int = 10,
    ratio: float = 2.0,
    min_history: int | None = None,
    noise_floor: bool = True,
) -> pd.DataFrame:
    """Per period: ``date, mentions, baseline, threshold, flagged, negative_share,
    baseline_negative_share`` (rule: module docstring). ``threshold`` is the count above which
    a period is flagged (the largest of ``median + k·sigma``, ``min_mentions`` and
    ``ratio × median``; flagged means strictly above the first and at least the other two). Periods without enough history have NaN baseline and are never flagged."""
    d = daily.sort_values("date").reset_index(drop=True) if len(daily) else daily
    n = len(d)
    c = pd.to_numeric(d["mentions"], errors="coerce").fillna(0).to_numpy(dtype="float64") if n else np.zeros(0)
    neg = pd.to_numeric(d["negative"], errors="coerce").fillna(0).to_numpy(dtype="float64") if n and "negative" in d else np.zeros(n)
    if n and all(s in d.columns for s in SENTIMENTS):
        lab = sum(pd.to_numeric(d[s], errors="coerce").fillna(0).to_numpy(dtype="float64") for s in SENTIMENTS)
    else:
        lab = c.copy()
    window = max(1, int(window))
    min_history = max(1, int(min_history if min_history is not None else max(7, window // 2)))
    base = np.full(n, np.nan)
    thr = np.full(n, np.nan)
    bshare = np.full(n, np.nan)
    flagged = np.zeros(n, dtype=bool)
    for i in range(n):
        lo = max(0, i - window)
        hist = c[lo:i]
        if len(hist) < min_history:
            continue
        med = float(np.median(hist))
        mad = float(np.median(np.abs(hist - med)))
        sigma = max(MAD_SCALE * mad, math.sqrt(med)) if noise_floor else MAD_SCALE * mad
        band = med + float(sensitivity) * sigma
        base[i] = med
        thr[i] = max(band, float(min_mentions), float(ratio) * med)
        bshare[i] = safe_div(neg[lo:i].sum(), lab[lo:i].sum())
        flagged[i] = c[i] > band and c[i] >= min_mentions and c[i] >= ratio * med
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(lab > 0, neg / np.where(lab > 0, lab, 1), np.nan)
    return pd.DataFrame({
        "date": d["date"].to_numpy() if n else pd.Series([], dtype="datetime64[ns]"),
        "mentions": c,
        "negative": neg,
        "labelled": lab,
        "baseline": base,
        "threshold": thr,
        "flagged": flagged,
        "negative_share": share,
        "baseline_negative_share": bshare,
    })


def _empty_spikes() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series([], dtype="float64") for c in SPIKE_COLS})
    for c in ("start", "end", "peak_date"):
        out[c] = pd.Series([], dtype="datetime64[ns]")
    out["crisis"] = pd.Series([], dtype="bool")
    return out


def detect_spikes(
    daily: pd.DataFrame,
    *,
    sensitivity: float = 3.5,
    window: int = 28,
    min_mentions: int = 10,
    ratio: float = 2.0,
    cooldown_days: int = 3,
    min_history: int | None = None,
    crisis_jump: float = 0.20,
    crisis_share: float = 0.40,
    noise_floor: bool = True,
) -> pd.DataFrame:
    """Volume spikes and crises in a series of consecutive periods.

    ``daily``: DataFrame ``[date, mentions, negative]`` (optionally ``positive, neutral``: the
    negative share is then negative / labelled, else negative / mentions), one row per day —
    or per hour, every count in periods. Missing periods should be rows of 0
    (:func:`daily_volume` does that).

    Rule (details in the module docstring): a period is flagged when
    ``count > median + k·max(1.4826·MAD, √median)`` of the ``window`` previous periods **and**
    ``count >= min_mentions`` **and** ``count >= ratio × median``; ``k = sensitivity``
    (``noise_floor=False``: ``count > median + k·1.4826·MAD``).
    Flagged periods less than ``max(1, cooldown_days)`` periods apart form one alert. An alert
    is a crisis when its pooled negative share is ``>= crisis_share`` and ``>= baseline share +
    crisis_jump``.

    Returns one row per alert, oldest first: ``start, end`` (first and last flagged period),
    ``peak_date, peak_mentions``, ``baseline`` (median before the alert), ``negative_share``,
    ``baseline_negative_share``, ``crisis``, plus ``total_mentions`` (over flagged periods)
    and ``threshold`` (flag level on the first period).
    """
    band = baseline_band(daily, sensitivity=sensitivity, window=window, min_mentions=min_mentions, ratio=ratio,
                         min_history=min_history, noise_floor=noise_floor)
    idx = np.flatnonzero(band["flagged"].to_numpy()) if len(band) else np.zeros(0, dtype=int)
    if not len(idx):
        return _empty_spikes()
    gap = max(1, int(cooldown_days))
    groups: list[list[int]] = [[int(idx[0])]]
    for i in idx[1:]:
        if i - groups[-1][-1] <= gap:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    rows = []
    dates = pd.to_datetime(band["date"])
    for g in groups:
        sub = band.iloc[g]
        first = g[0]
        peak = int(sub["mentions"].to_numpy().argmax())
        share = safe_div(sub["negative"].sum(), sub["labelled"].sum())
        bshare = float(band["baseline_negative_share"].iloc[first])
        ref = 0.0 if math.isnan(bshare) else bshare
        crisis = (not math.isnan(share)) and share >= crisis_share and share >= ref + crisis_jump - 1e-12
        rows.append({
            "start": dates.iloc[first],
            "end": dates.iloc[g[-1]],
            "peak_date": dates.iloc[g[peak]],
            "peak_mentions": float(sub["mentions"].iloc[peak]),
            "baseline": float(band["baseline"].iloc[first]),
            "negative_share": share,
            "baseline_negative_share": bshare,
            "crisis": bool(crisis),
            "total_mentions": float(sub["mentions"].sum()),
            "threshold": float(band["threshold"].iloc[first]),
        })
    out = pd.DataFrame(rows, columns=SPIKE_COLS)
    out["crisis"] = out["crisis"].astype(bool)
    return out


def spikes(
    mentions: pd.DataFrame | None,
    tz: str | None = "UTC",
    *,
    brand: str | Iterable[str] | None = None,
    own_brand: str | None = None,
    alerts: Mapping[str, Any] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    freq: str = "D",
    window: int | None = None,
    ratio: float = 2.0,
) -> pd.DataFrame:
    """Alerts of a workspace, ready to mark on a trend chart: :func:`detect_spikes` on
    :func:`daily_volume` of ``mentions`` with the workspace ``alerts`` document (sensitivity,
    cooldown_days, min_mentions; :func:`alert_params`).

    ``brand``: the brand(s) whose mentions count; by default the own brand when ``own_brand``
    is given (with its unbranded mentions, as everywhere), else every mention. ``brand="*"``:
    every mention of every brand.

    Only alerts that overlap ``[start, end]`` are returned, but the baseline uses every
    mention given: pass mentions from at least ``window`` periods (28 days; 168 hours with
    ``freq="h"``) before ``start``."""
    p = alert_params(alerts)
    if brand is None:
        brand = own_brand
    elif brand == "*":
        brand = None
    win = window or (168 if freq == "h" else 28)
    vol = daily_volume(mentions, tz, brand, own_brand=own_brand, end=end, freq=freq)
    # the cool-down is in days whatever the grain: 3 days = 72 hourly periods
    res = detect_spikes(vol, sensitivity=p["sensitivity"], window=win, min_mentions=p["min_mentions"], ratio=ratio,
                        cooldown_days=p["cooldown_days"] * (24 if freq == "h" else 1))
    if start is not None:
        res = res[res["end"] >= day(start)]
    if end is not None:
        res = res[res["start"] <= day(end) + pd.Timedelta(hours=23, minutes=59)]
    return res.reset_index(drop=True)


# --------------------------------------------------------------------------- terms


STOPWORDS: frozenset[str] = frozenset(
    """
    a à afin ai aie aient aies ait alors as au aucun aucune aujourd aujourd'hui auprès aura aurai auraient aurais aurait
    aussi autre autres aux avaient avais avait avant avec avez aviez avions avoir avons ayant bah ben bien bon bonne ça
    car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment dans de depuis des
    deux devant doit donc dont du elle elles en encore entre es est et étaient étais était été être eu eux fait faire
    fais font fut ici il ils je jusqu jusque la là le les leur leurs lui ma mais me même mêmes mes moi moins mon
    n ne ni non nos notre nous on ont ou où par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles
    quels qui quoi sa sans se sera seront ses si sien son sont sous suis sur ta te tes toi ton tous tout toute toutes
    très tu un une unes uns vers via voici voilà vos votre vous vu y c d j l m s t déjà fois ici vraiment là-bas cest
    oui alors ah oh hier demain soir matin vont va vais faut rien tellement trop quelques chose choses ans an
    the a an and are as at be been being but by can could did do does doing don't for from had has have having he her
    here hers him his how i if in into is it it's its just me more most my no nor not now of off on once only or other
    our ours out over own same she should so some such than that that's the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who whom why will with would
    you your yours yourself i'm i've we're they're isn't wasn't aren't can't won't didn't doesn't let's got get gets
    one two also really still even much many any all again about after before above below because each few both
    today yesterday tomorrow tonight go going went us rt amp via http https www com
    """.split()
)
_ELISION = re.compile(r"^(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)")
_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"@\w+")
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)


def strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")


def tokens(text: str | None) -> list[str]:
    """Words of a mention for term statistics: lower case, URLs and @handles removed, French
    elisions cut (``l'accès`` -> ``accès``), hashtags as words; stopwords (FR/EN), one- or
    two-letter words and numbers shorter than three digits dropped. Order kept."""
    if not isinstance(text, str) or not text:
        return []
    s = _HANDLE.sub(" ", _URL.sub(" ", text.replace("’", "'").lower()))
    out = []
    for m in _TOKEN.finditer(s):
        w = _ELISION.sub("", m.group(0))
        if w.isdigit():
            if len(w) < 3:
                continue
        elif len(w) < 3 or w in STOPWORDS:
            continue
        out.append(w)
    return out


def _text_codes(values: pd.Series) -> tuple[np.ndarray, list[Any]]:
    """Code of each row's text (-1 when missing) and the distinct texts in order of first
    appearance: per-text work done once per distinct text."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.intp), list(uniques)


def _terms_of(text: str | None, exclude: set[str]) -> set[str]:
    toks = [w for w in tokens(text) if w not in exclude]
    grams = set(toks)
    grams.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False) if a != b)
    return grams


def top_terms(
    mentions: pd.DataFrame,
    start: DateLike,
    end: DateLike,
    *,
    tz: str | None = "UTC",
    baseline_days: int = 28,
    n: int = 8,
    exclude: Iterable[str] = (),
    min_docs: int = 2,
) -> pd.DataFrame:
    """Terms (words and two-word phrases) that characterise ``[start, end]`` against the
    ``baseline_days`` before it -> DataFrame ``[term, mentions, share, baseline_share, score]``.

    TF-IDF-like lift on document frequencies: ``share`` = spike mentions containing the term /
    spike mentions, ``baseline_share`` = (baseline mentions containing it + 1) / (baseline
    mentions + 2); ``score = share × ln(share / baseline_share)``; only terms in at least
    ``min_docs`` (and 2 % of) spike mentions and more frequent than in the baseline. A word
    is dropped when a kept phrase containing it covers most of its mentions. ``exclude``:
    names (e.g. the brands) whose words never count. Each distinct text is tokenised once and
    counts as many documents as it has mentions."""
    cols = ["term", "mentions", "share", "baseline_share", "score"]
    if mentions is None or not len(mentions) or "text" not in mentions.columns:
        return pd.DataFrame(columns=cols)
    when = _local(mentions["published_at"], tz).dt.normalize()
    s, e = day(start), day(end)
    b0 = s - pd.Timedelta(days=int(baseline_days))
    ex: set[str] = set()
    for name in exclude:
        for w in tokens(name):
            ex.add(w)
            ex.add(w.replace("-", ""))
        ex.add(str(name).lower().replace("-", "").replace(" ", ""))
    # document frequencies per distinct text (mention exports repeat texts: re-posts, templates),
    # each text tokenised once: a text seen k times counts k documents
    codes, uniques = _text_codes(mentions["text"])
    spike = ((when >= s) & (when <= e)).to_numpy(dtype=bool)
    base = ((when >= b0) & (when < s)).to_numpy(dtype=bool)
    ns, nb = int(spike.sum()), int(base.sum())
    if not ns:
        return pd.DataFrame(columns=cols)
    k_spike = np.bincount(codes[spike & (codes >= 0)], minlength=len(uniques))
    k_base = np.bincount(codes[base & (codes >= 0)], minlength=len(uniques))
    grams: dict[int, set[str]] = {}
    cs: Counter[str] = Counter()
    for c in np.flatnonzero(k_spike).tolist():
        grams[c] = g = _terms_of(uniques[c], ex)
        w = int(k_spike[c])
        for t in g:
            cs[t] += w
    floor = max(int(min_docs), math.ceil(0.02 * ns))
    cand = {t: k for t, k in cs.items() if k >= floor}
    cb: Counter[str] = Counter()
    if cand:
        for c in np.flatnonzero(k_base).tolist():
            g = grams[c] if c in grams else _terms_of(uniques[c], ex)
            w = int(k_base[c])
            for t in g:
                if t in cand:
                    cb[t] += w
    rows = []
    for t, k in cand.items():
        ps = k / ns
        pb = (cb.get(t, 0) + 1) / (nb + 2)
        if ps <= pb:
            continue
        rows.append((t, k, ps, pb, ps * math.log(ps / pb)))
    out = pd.DataFrame(rows, columns=cols).sort_values(["score", "term"], ascending=[False, True], kind="stable")
    kept: list[tuple] = []
    phrases = [r for r in out.itertuples(index=False) if " " in r.term]
    for r in out.itertuples(index=False):
        if " " not in r.term and any(r.term in p.term.split(" ") and p.mentions >= 0.7 * r.mentions for p in phrases[:n * 2]):
            continue
        if " " in r.term and set(r.term.split(" ")) <= {w for k in kept for w in k.term.split(" ")}:
            continue
        kept.append(r)
        if len(kept) >= n:
            break
    return pd.DataFrame(kept, columns=cols).reset_index(drop=True)


def example_mentions(
    mentions: pd.DataFrame,
    start: DateLike,
    end: DateLike,
    *,
    tz: str | None = "UTC",
    n: int = 5,
    terms: Sequence[str] = (),
    prefer: str | None = None,
) -> pd.DataFrame:
    """Up to ``n`` representative mentions of ``[start, end]``: those containing the most of
    ``terms`` first, then label ``prefer`` (e.g. "negative" for a crisis), then reach; at most
    one per identical text. Returns the matching rows of ``mentions`` (same columns)."""
    if mentions is None or not len(mentions):
        return mentions.iloc[0:0] if mentions is not None else pd.DataFrame()
    when = _local(mentions["published_at"], tz).dt.normalize()
    sub = mentions[(when >= day(start)) & (when <= day(end))]
    if not len(sub):
        return sub
    # per distinct text: its terms, its words (tokenised once however often it was posted)
    if "text" in sub.columns:
        codes, uniques = _text_codes(sub["text"])
    else:
        codes, uniques = np.zeros(len(sub), dtype=np.intp), [""]
    wanted = list(terms)
    hits_u = np.zeros(len(uniques) + 1)
    if wanted:
        hits_u[:-1] = [sum(1 for term in wanted if term in _terms_of(u, set())) for u in uniques]
    hits = hits_u[codes]  # code -1 (no text): the appended 0
    pref = (_labels(sub) == prefer).to_numpy(dtype=float) if prefer else np.zeros(len(sub))
    reach = pd.to_numeric(sub["reach"], errors="coerce").fillna(0).to_numpy(dtype=float) if "reach" in sub else np.zeros(len(sub))
    order = np.lexsort((-reach, -pref, -hits))
    words_of: dict[int, set[str]] = {}

    def words(c: int) -> set[str]:
        if c not in words_of:
            words_of[c] = set(tokens(uniques[c])) if c >= 0 else set()
        return words_of[c]

    picked: list[int] = []
    picked_words: list[set[str]] = []
    near_dup: set[int] = set()  # texts already found too close to a picked one (picks are only added)
    for i in order.tolist():
        c = int(codes[i])
        if c in near_dup:
            continue
        w = words(c)
        # near-duplicates (the same message re-posted with a prefix or an emoji) are shown once
        if any(len(w & pw) >= 0.7 * max(1, min(len(w), len(pw))) for pw in picked_words):
            near_dup.add(c)
            continue
        picked.append(int(i))
        picked_words.append(w)
        if len(picked) >= n:
            break
    return sub.iloc[picked]


# --------------------------------------------------------------------------- entities


def _norm(s: str) -> str:
    return strip_accents(str(s)).casefold()


def _norm_series(s: pd.Series) -> pd.Series:
    x = s.astype("string").fillna("")
    x = x.str.normalize("NFD").str.replace(r"[\u0300-\u036f]", "", regex=True)
    return x.str.lower().str.replace("’", "'", regex=False)


def _compact(s: str) -> str:
    return re.sub(r"[\W_]+", "", _norm(s))


def normalise_terms(terms: Iterable[Any] | None) -> list[dict[str, str]]:
    """The ``tracked_terms`` document as ``[{"term", "kind"}]``: strings become kind "topic",
    unknown kinds "topic", blanks and duplicates (case/accent-insensitive) dropped."""
    out, seen = [], set()
    for t in terms or ():
        if isinstance(t, Mapping):
            term, kind = str(t.get("term") or "").strip(), str(t.get("kind") or "topic").strip()
        else:
            term, kind = str(t or "").strip(), "topic"
        if not term or _norm(term) in seen:
            continue
        seen.add(_norm(term))
        out.append({"term": term, "kind": kind if kind in ENTITY_KINDS[:4] else "topic"})
    return out


def entity_hits(
    mentions: pd.DataFrame,
    terms: Iterable[Any] | None = (),
    *,
    topics: bool = True,
    hashtags: bool = True,
    exclude: Iterable[str] = (),
) -> pd.DataFrame:
    """Which entity each mention speaks of -> long DataFrame ``[row, key, entity, kind]``
    (``row`` = position in ``mentions``), one row per (mention, entity).

    * tracked terms (``tracked_terms``: people, organisations, products, topics): whole-word,
      case- and accent-insensitive match in the text;
    * the ``topic`` column (kind "topic");
    * hashtags in the text (kind "hashtag"; ``#Ski`` and ``#ski`` are one), except those
      naming one of ``exclude`` (e.g. the brands: every mention of a brand carries its tag).

    The text tests run once per distinct text (reposts share them), each mention keeps its row.
    """
    parts = []
    n = len(mentions)
    text = mentions["text"] if "text" in mentions.columns else pd.Series([None] * n, index=mentions.index)
    rows = np.arange(n)
    # the text tests run once per distinct text (a missing text reads as ""), then map to rows
    codes, uniques = _text_codes(text.astype("string"))
    codes[codes < 0] = len(uniques)
    distinct = pd.Series([*uniques, ""], dtype="string")
    norm = _norm_series(distinct).to_numpy(dtype=object)
    normed = pd.Series(norm, dtype="string")
    # every text holding a whole-word match holds the term as a substring: a vectorised
    # substring test (Arrow) first, the regular expression only on those texts
    arrow = pa.array(norm.tolist(), type=pa.string())
    for t in normalise_terms(terms):
        nt = _norm(t["term"]).replace("’", "'")
        # whole words: a boundary is required only where the term itself starts/ends with a word character
        pat = (r"(?<![\w])" if re.match(r"\w", nt) else "") + re.escape(nt) + (r"(?![\w])" if re.search(r"\w$", nt) else "")
        hit = np.zeros(n, dtype=bool)
        if n:
            found = np.zeros(len(norm), dtype=bool)
            cand = np.flatnonzero(pc.fill_null(pc.match_substring(arrow, nt), False).to_numpy(zero_copy_only=False))
            if len(cand):
                found[cand] = normed.iloc[cand].str.contains(pat, regex=True, na=False).to_numpy(dtype=bool)
                hit = found[codes]
        if hit.any():
            # a tracked topic and the same value of the topic column are one entity
            key = ("c:" if t["kind"] == "topic" else "t:") + _norm(t["term"])
            parts.append(pd.DataFrame({"row": rows[hit], "key": key, "entity": t["term"], "kind": t["kind"]}))
    if topics and "topic" in mentions.columns:
        tp = nullify(mentions["topic"]).to_numpy(dtype=object)
        ok = np.array([v is not None for v in tp], dtype=bool)
        if ok.any():
            tcodes, tvals = _text_codes(pd.Series(tp[ok], dtype=object))
            tkeys = np.array(["c:" + _norm(v) for v in tvals], dtype=object)
            parts.append(pd.DataFrame({"row": rows[ok], "key": tkeys[tcodes].tolist(), "entity": tp[ok], "kind": "topic"}))
    if hashtags and n:
        ex = {_compact(x) for x in exclude if x}
        # per distinct text: its hashtags' keys and spellings, in order, each key once
        tag_keys: list[list[str]] = []
        tag_names: list[list[str]] = []
        for found in distinct.str.findall(r"#([^\W_][\w\-]*)"):
            ks: list[str] = []
            es: list[str] = []
            seen: set[str] = set()
            for tag in found or ():
                key = _compact(tag)
                if not key or key in ex or key in seen or key.isdigit():
                    continue
                seen.add(key)
                ks.append("h:" + key)
                es.append("#" + tag)
            tag_keys.append(ks)
            tag_names.append(es)
        per_text = np.array([len(k) for k in tag_keys], dtype=np.int64)
        count = per_text[codes]  # tags of each mention
        if count.any():
            flat_k = np.array([k for ks in tag_keys for k in ks], dtype=object)
            flat_e = np.array([e for es in tag_names for e in es], dtype=object)
            first = np.cumsum(per_text) - per_text  # offset of each distinct text's tags
            within = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
            take = np.repeat(first[codes], count) + within
            parts.append(pd.DataFrame({"row": np.repeat(rows, count), "key": flat_k[take].tolist(), "entity": flat_e[take].tolist(),
                                       "kind": "hashtag"}))
    if not parts:
        return pd.DataFrame({"row": pd.Series([], dtype="int64"), "key": pd.Series([], dtype="object"),
                             "entity": pd.Series([], dtype="object"), "kind": pd.Series([], dtype="object")})
    out = pd.concat(parts, ignore_index=True).drop_duplicates(["row", "key"])
    # one display name per key: the most frequent spelling
    disp = out.groupby(["key", "entity"]).size().reset_index(name="n").sort_values(["key", "n", "entity"], ascending=[True, False, True])
    best = disp.drop_duplicates("key").set_index("key")["entity"]
    out["entity"] = out["key"].map(best)
    return out.reset_index(drop=True)


def entity_map(
    mentions: pd.DataFrame | None,
    terms: Iterable[Any] | None,
    start: DateLike,
    end: DateLike,
    *,
    tz: str | None = "UTC",
    brand: str | Iterable[str] | None = None,
    own_brand: str | None = None,
    by_brand: bool = False,
    topics: bool = True,
    hashtags: bool = True,
    exclude: Iterable[str] = (),
    min_volume: int = 1,
) -> pd.DataFrame:
    """The volume–positivity map of ``[start, end]`` (local days, inclusive) -> DataFrame
    ``[entity, kind, volume, positive, neutral, negative, net_sentiment, reach]`` (+ ``brand``
    with ``by_brand``), one row per entity (per brand), largest volume first.

    ``volume`` = mentions naming the entity (a mention counts once per entity);
    ``net_sentiment`` = (P − N) / (P + N) from the summed counts, NaN without a positive or
    negative mention; ``reach`` = summed reach (NaN when no mention has one). Entities: see
    :func:`entity_hits`. ``brand`` filters mentions (:func:`brand_mask`); with ``by_brand`` a
    mention without a brand is reported under ``own_brand``."""
    cols = ENTITY_COLS + (["brand"] if by_brand else [])
    if mentions is None or not len(mentions) or "published_at" not in mentions.columns:
        return pd.DataFrame(columns=cols)
    when = _local(mentions["published_at"], tz).dt.normalize()
    m = mentions[(when >= day(start)) & (when <= day(end)) & brand_mask(mentions, brand, own_brand)]
    if not len(m):
        return pd.DataFrame(columns=cols)
    hits = entity_hits(m, terms, topics=topics, hashtags=hashtags, exclude=exclude)
    if not len(hits):
        return pd.DataFrame(columns=cols)
    lab = _labels(m).to_numpy(dtype=object)[hits["row"].to_numpy()]
    reach = pd.to_numeric(m["reach"], errors="coerce").to_numpy(dtype="float64") if "reach" in m.columns else np.full(len(m), np.nan)
    f = hits.assign(
        volume=1.0,
        **{s: (lab == s).astype("float64") for s in SENTIMENTS},
        reach=reach[hits["row"].to_numpy()],
    )
    keys = ["key", "entity", "kind"]
    if by_brand:
        b = nullify(m["brand"]) if "brand" in m.columns else pd.Series([None] * len(m), index=m.index, dtype="object")
        b = b.where(b.notna(), own_brand or "")
        canon = {fold(own_brand): own_brand} if own_brand else {}
        bb = per_distinct(b, lambda v: canon.get(fold(v), v)).to_numpy(dtype=object)
        f["brand"] = bb[hits["row"].to_numpy()]
        keys.append("brand")
    g = f.groupby(keys, as_index=False, sort=False).agg(
        volume=("volume", "sum"), positive=("positive", "sum"), neutral=("neutral", "sum"),
        negative=("negative", "sum"), reach=("reach", lambda s: s.sum(min_count=1)),
    )
    g = g[g["volume"] >= min_volume]
    with np.errstate(invalid="ignore", divide="ignore"):
        pn = g["positive"] + g["negative"]
        g["net_sentiment"] = np.where(pn > 0, (g["positive"] - g["negative"]) / pn.where(pn > 0, 1), NAN)
    g = g.sort_values(["volume", "entity"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def month_windows(start: DateLike, end: DateLike) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Calendar months overlapping ``[start, end]``, clipped to it: ``[(first, last), ...]``."""
    s, e = day(start), day(end)
    out = []
    m = s.replace(day=1)
    while m <= e:
        last = m + pd.offsets.MonthEnd(0)
        out.append((max(m, s), min(last, e)))
        m = last + pd.Timedelta(days=1)
    return out


def entity_drift(
    mentions: pd.DataFrame | None,
    terms: Iterable[Any] | None,
    windows: Sequence[tuple[DateLike, DateLike]],
    **kw: Any,
) -> pd.DataFrame:
    """:func:`entity_map` for each window -> the rows of all windows with ``period_start`` and
    ``period_end`` columns (for small multiples, a slider, or trails between dates)."""
    parts = []
    for s, e in windows:
        f = entity_map(mentions, terms, s, e, **kw)
        parts.append(f.assign(period_start=day(s), period_end=day(e)))
    if not parts:
        return pd.DataFrame(columns=ENTITY_COLS + ["period_start", "period_end"])
    return pd.concat(parts, ignore_index=True)


# --------------------------------------------------------------------------- share of voice


def share_of_voice_weekly(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
) -> pd.DataFrame:
    """Weekly (ISO weeks, Monday) share of voice of each tracked brand -> DataFrame
    ``[week, brand, is_own, mentions, share]``; ``share`` = brand mentions / mentions of all
    tracked brands that week, recomputed from counts (weeks are clipped to ``[start, end]``).
    Counting rules of :func:`metrics.sentiment.mention_counts` (a mention without a brand is
    the own brand's). Empty when no competitor is configured."""
    from metrics.sentiment import period_mentions

    cols = ["week", "brand", "is_own", "mentions", "share"]
    comps = [c.strip() for c in competitors if c and c.strip()]
    if not comps:
        return pd.DataFrame(columns=cols)
    d = period_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, comps)
    comp_names = {c.casefold(): c for c in comps}
    d = d[d["is_own"] | d["brand_key"].isin(comp_names)]
    if not len(d):
        return pd.DataFrame(columns=cols)
    own_name = own_brand or ""
    brand = np.where(d["is_own"], own_name, [comp_names.get(k, k) for k in d["brand_key"].fillna("")])
    f = pd.DataFrame({
        "week": d["date"] - pd.to_timedelta(d["date"].dt.day_of_week, unit="D"),
        "brand": brand, "is_own": d["is_own"].to_numpy(), "mentions": d["mentions"].to_numpy(dtype="float64"),
    })
    g = f.groupby(["week", "brand", "is_own"], as_index=False)["mentions"].sum(min_count=1)
    # every tracked brand every week (0 when a brand was not mentioned)
    weeks = g["week"].drop_duplicates()
    brands = [(own_name, True)] + [(c, False) for c in comps]
    full = pd.DataFrame([(w, b, o) for w in weeks for b, o in brands], columns=["week", "brand", "is_own"])
    g = full.merge(g, on=["week", "brand", "is_own"], how="left")
    g["mentions"] = g["mentions"].fillna(0.0)
    tot = g.groupby("week")["mentions"].transform("sum")
    g["share"] = np.where(tot > 0, g["mentions"] / tot.where(tot > 0, 1), NAN)
    return g.sort_values(["week", "is_own", "brand"], ascending=[True, False, True]).reset_index(drop=True)[cols]


# --------------------------------------------------------------------------- chart helper


LABEL_POSITIONS = ("top center", "bottom center", "middle right", "middle left", "top right", "top left", "bottom right", "bottom left")


def label_order(volume: Sequence[float], net_sentiment: Sequence[float], size: Sequence[float]) -> np.ndarray:
    """Order in which a volume x net-sentiment map's bubbles get a label (indices, first = most
    important). First the loudest bubble of each quadrant (volume above/below the median, net
    sentiment >= 0 / < 0), so a quiet but disliked entity is named even when louder liked ones
    fill the label budget; then the rest by volume rank + size rank (percentiles, ties kept in
    input order)."""
    v = pd.Series(np.asarray(volume, dtype=float))
    n = pd.Series(np.asarray(net_sentiment, dtype=float))
    if not len(v):
        return np.array([], dtype=int)
    quadrant = (v >= float(v.median())).astype(int) * 2 + (n >= 0).astype(int)
    by_volume = v.sort_values(ascending=False, kind="stable").index
    leader = pd.Series(False, index=v.index)
    leader[by_volume[~quadrant[by_volume].duplicated().to_numpy()]] = True
    prio = v.rank(pct=True) + pd.Series(np.asarray(size, dtype=float)).rank(pct=True) + 4.0 * leader
    return np.argsort(-prio.to_numpy(), kind="stable")


def place_labels(
    x: Sequence[float],
    y: Sequence[float],
    labels: Sequence[str],
    *,
    max_labels: int = 12,
    char_width: float = 0.011,
    line_height: float = 0.045,
    marker_radius: Sequence[float] | None = None,
    obstacles: Sequence[tuple[float, float, float, float]] = (),
) -> list[str | None]:
    """Greedy label placement for a scatter chart, in axis-fraction coordinates (0..1 on each
    axis; log-scale axes must be passed as log values rescaled). Points are taken in the given
    order (most important first); each gets the first of :data:`LABEL_POSITIONS` whose box
    overlaps no label already placed, no other marker and none of the ``obstacles`` (boxes
    ``(x0, y0, x1, y1)`` of other text on the chart, e.g. quadrant captions), else no label
    (hover only). At most ``max_labels`` labels. Returns a plotly ``textposition`` or None per
    point."""
    n = len(labels)
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    rad = np.asarray(marker_radius, dtype=float) if marker_radius is not None else np.full(n, 0.012)
    boxes: list[tuple[float, float, float, float]] = [tuple(map(float, b)) for b in obstacles]
    out: list[str | None] = [None] * n
    placed = 0

    def overlaps(b: tuple[float, float, float, float], skip: int) -> bool:
        x0, y0, x1, y1 = b
        if x0 < -0.02 or x1 > 1.02 or y0 < -0.04 or y1 > 1.04:
            return True
        for bx0, by0, bx1, by1 in boxes:
            if x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1:
                return True
        for j in range(n):
            if j == skip or not (np.isfinite(xs[j]) and np.isfinite(ys[j])):
                continue
            r = rad[j] * 0.8
            if x0 < xs[j] + r and xs[j] - r < x1 and y0 < ys[j] + r and ys[j] - r < y1:
                return True
        return False

    for i in range(n):
        if placed >= max_labels:
            break
        if not (np.isfinite(xs[i]) and np.isfinite(ys[i])):
            continue
        w = max(1, len(str(labels[i]))) * char_width
        h = line_height
        r = rad[i]
        cx, cy = xs[i], ys[i]
        cands = {
            "top center": (cx - w / 2, cy + r, cx + w / 2, cy + r + h),
            "bottom center": (cx - w / 2, cy - r - h, cx + w / 2, cy - r),
            "middle right": (cx + r, cy - h / 2, cx + r + w, cy + h / 2),
            "middle left": (cx - r - w, cy - h / 2, cx - r, cy + h / 2),
            "top right": (cx + r * 0.7, cy + r * 0.7, cx + r * 0.7 + w, cy + r * 0.7 + h),
            "top left": (cx - r * 0.7 - w, cy + r * 0.7, cx - r * 0.7, cy + r * 0.7 + h),
            "bottom right": (cx + r * 0.7, cy - r * 0.7 - h, cx + r * 0.7 + w, cy - r * 0.7),
            "bottom left": (cx - r * 0.7 - w, cy - r * 0.7 - h, cx - r * 0.7, cy - r * 0.7),
        }
        for pos in LABEL_POSITIONS:
            b = cands[pos]
            if not overlaps(b, i):
                boxes.append(b)
                out[i] = pos
                placed += 1
                break
    return out
