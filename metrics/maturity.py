"""Social media maturity: a questionnaire, evidence from the data, a level from 1 to 5.

The five levels (Alban Martin's model of how an organisation uses what people say about it)
--------------------------------------------------------------------------------------------
1. what people say about the organisation (the "upward channel") is ignored;
2. social media are listened to and part of the organisation's monitoring;
3. the organisation reacts to certain key messages;
4. it proactively encourages discussion;
5. social media feed innovation processes and customer service.

Questions
---------
:data:`QUESTIONS` (ids, the level each one evidences, the implementation phase it belongs
to) are answered ``yes``, ``partly``, ``no`` or ``unknown`` (not answered = ``unknown``).
An item is **met** only by ``yes``. Texts live in ``ui/texts/maturity.py``.

Evidence from the data (:func:`evidence`, over the ``window_days`` (90) days before ``as_of``)
-----------------------------------------------------------------------------------------------
Each level from 2 to 5 gets a state ``supports``, ``weak``, ``contradicts`` or ``unknown``:

* **2 listening** — own-brand mentions imported. ``supports``: the last mention is at most
  ``RECENT_DAYS`` (14) days old and at least ``COVERAGE_MIN`` (50 %) of the window's days have a
  mention; ``contradicts``: no mention in the window; ``weak`` otherwise.
* **3 reacting** — share of own-brand mentions answered (``replied_at``) and the median
  response time. ``unknown`` when no mention of the whole table carries ``replied_at``
  (the export does not say); ``supports``: at least ``REPLY_SHARE_MIN`` (20 %) of the negative
  mentions (all mentions when none is labelled negative) answered, median response within
  ``RESPONSE_HOURS_MAX`` (24) hours; ``contradicts``: under ``REPLY_SHARE_LOW`` (5 %) answered;
  ``weak`` otherwise.
* **4 encouraging discussion** — share of the organisation's posts that ask a question (a
  ``?`` in the text) and the conversation rate (comments per post) against the window before.
  ``unknown`` with fewer than ``MIN_POSTS`` (10) posts; ``supports``: at least
  ``QUESTION_SHARE_MIN`` (10 %) of posts ask something and the conversation rate did not
  fall by more than 10 %; ``contradicts``: under ``QUESTION_SHARE_LOW`` (3 %); ``weak`` otherwise.
* **5 integration** — mentions tagged with a topic (share of own-brand mentions in the window)
  and journal actions that cite listening (an action whose metric is a mention or sentiment
  metric, dated within the last 365 days). ``supports``: >= 50 % tagged and at least one such
  action; ``contradicts``: nothing tagged and no such action; ``weak`` otherwise.

Scoring rule (:func:`assess`)
-----------------------------
Level 1 is always reached. Level L (2..5) is **reached** when every question of level L is
answered ``yes`` **and** the evidence of level L does not ``contradict`` it (``weak`` and
``unknown`` never block, they are shown). The organisation's level is the highest L such that
every level from 2 to L is reached (levels are consecutive: a level-5 practice does not count
while a level-3 item is missing). What is missing for the next level is the list of its
questions not answered ``yes`` plus its evidence when it contradicts.

Answers and evidence **disagree** when all the level's questions say ``yes`` but the data
contradicts them (``claims_more``), or when the data supports the level while some of its
questions are not ``yes`` (``does_more``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from metrics import DateLike, as_date, day, fold, local_day_series, num, text

LEVELS = (1, 2, 3, 4, 5)
ANSWERS = ("yes", "partly", "no", "unknown")
PHASES = ("listen", "profiles", "content", "distribute", "community", "measure")
PHASE_STATUSES = ("not_started", "in_progress", "done")
PEER_KINDS = ("competitor", "partner")

WINDOW_DAYS = 90
RECENT_DAYS = 14
COVERAGE_MIN = 0.5
REPLY_SHARE_MIN = 0.2
REPLY_SHARE_LOW = 0.05
RESPONSE_HOURS_MAX = 24.0
MIN_POSTS = 10
QUESTION_SHARE_MIN = 0.10
QUESTION_SHARE_LOW = 0.03
CONVERSATION_DROP_MAX = -0.10
TAGGED_MIN = 0.5
JOURNAL_LOOKBACK_DAYS = 365
LISTENING_METRICS = frozenset({"mentions", "share_of_voice", "positive", "neutral", "negative", "pos_neg_ratio", "net_sentiment"})


@dataclass(frozen=True)
class Question:
    id: str
    level: int  # the level this practice evidences
    phase: str  # the implementation phase (seed 004) it belongs to


QUESTIONS: tuple[Question, ...] = (
    # level 2: listening is part of monitoring
    Question("accounts_inventory", 2, "profiles"),
    Question("monitoring_scope", 2, "listen"),
    Question("monitoring_owner", 2, "listen"),
    # level 3: reacting to key messages
    Question("publishing_rights", 3, "profiles"),
    Question("staff_guidelines", 3, "profiles"),
    Question("response_practice", 3, "community"),
    # level 4: encouraging discussion
    Question("objectives", 4, "measure"),
    Question("editorial_policy", 4, "content"),
    Question("content_calendar", 4, "distribute"),
    Question("community_owner", 4, "community"),
    Question("roi_owner", 4, "measure"),
    # level 5: integration with customer service and innovation
    Question("service_integration", 5, "community"),
    Question("innovation_integration", 5, "measure"),
    Question("staff_training", 5, "content"),
)
QUESTION_IDS = tuple(q.id for q in QUESTIONS)


def questions_for(level: int) -> list[str]:
    return [q.id for q in QUESTIONS if q.level == level]


# --------------------------------------------------------------------------- evidence


@dataclass
class Evidence:
    level: int
    state: str  # supports | weak | contradicts | unknown
    figures: dict[str, Any] = field(default_factory=dict)


def _own(mentions: pd.DataFrame | None, own_brand: str | None, competitors: Iterable[str] = ()) -> pd.DataFrame:
    """Own-brand mentions: brand empty or equal to ``own_brand``; with no own brand configured,
    every mention whose brand is not a listed competitor (the rule of :mod:`metrics.sentiment`)."""
    if mentions is None or not len(mentions):
        return pd.DataFrame(columns=["published_at", "replied_at", "sentiment_label", "topic"])
    brand = text(mentions, "brand").map(fold)
    comps = {fold(c) for c in competitors if fold(c)}
    if own_brand:
        keep = brand.isna() | (brand == fold(own_brand))
    else:
        keep = ~brand.isin(comps)
    return mentions[keep.to_numpy(dtype=bool)]


def _instants(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns, UTC]")
    return pd.to_datetime(df[col], errors="coerce", utc=True)


def _in(days: pd.Series, lo: dt.date, hi: dt.date) -> pd.Series:
    return (days >= day(lo)) & (days <= day(hi))


def listening_evidence(mentions: pd.DataFrame | None, as_of: DateLike, tz: str | None = "UTC", own_brand: str | None = None,
                       competitors: Iterable[str] = (), window_days: int = WINDOW_DAYS) -> Evidence:
    end = as_date(as_of) - dt.timedelta(days=1)
    start = end - dt.timedelta(days=window_days - 1)
    own = _own(mentions, own_brand, competitors)
    days = local_day_series(_instants(own, "published_at"), tz) if len(own) else pd.Series([], dtype="datetime64[ns]")
    upto = days[days <= day(end)]
    last = upto.max() if len(upto) else None
    inwin = days[_in(days, start, end)]
    covered = int(inwin.nunique())
    fig = {
        "mentions": int(len(inwin)),
        "days_covered": covered,
        "window_days": window_days,
        "coverage": covered / window_days,
        "last_mention": None if last is None or pd.isna(last) else last.date().isoformat(),
        "days_since_last": None if last is None or pd.isna(last) else (end - last.date()).days,
    }
    if not len(inwin):
        state = "contradicts"
    elif fig["days_since_last"] is not None and fig["days_since_last"] <= RECENT_DAYS and fig["coverage"] >= COVERAGE_MIN:
        state = "supports"
    else:
        state = "weak"
    return Evidence(2, state, fig)


def reaction_evidence(mentions: pd.DataFrame | None, as_of: DateLike, tz: str | None = "UTC", own_brand: str | None = None,
                      competitors: Iterable[str] = (), window_days: int = WINDOW_DAYS) -> Evidence:
    end = as_date(as_of) - dt.timedelta(days=1)
    start = end - dt.timedelta(days=window_days - 1)
    fig: dict[str, Any] = {"mentions": 0, "answered": 0, "reply_share": math.nan, "negative": 0, "negative_answered": 0,
                           "negative_reply_share": math.nan, "median_hours": math.nan}
    if mentions is None or "replied_at" not in mentions.columns or not _instants(mentions, "replied_at").notna().any():
        return Evidence(3, "unknown", fig)
    own = _own(mentions, own_brand, competitors)
    pub = _instants(own, "published_at")
    rep = _instants(own, "replied_at")
    days = local_day_series(pub, tz)
    m = _in(days, start, end).to_numpy(dtype=bool)
    pub, rep = pub[m], rep[m]
    label = text(own, "sentiment_label")[m].map(fold)
    answered = rep.notna()
    neg = (label == "negative").to_numpy(dtype=bool)
    hours = ((rep - pub).dt.total_seconds() / 3600.0)[answered]
    hours = hours[hours >= 0]
    fig.update({
        "mentions": int(len(pub)), "answered": int(answered.sum()),
        "reply_share": float(answered.mean()) if len(pub) else math.nan,
        "negative": int(neg.sum()), "negative_answered": int(answered[neg].sum()),
        "negative_reply_share": float(answered[neg].mean()) if neg.any() else math.nan,
        "median_hours": float(hours.median()) if len(hours) else math.nan,
    })
    if not len(pub):
        return Evidence(3, "unknown", fig)
    share = fig["negative_reply_share"] if neg.any() else fig["reply_share"]
    if share < REPLY_SHARE_LOW:
        state = "contradicts"
    elif share >= REPLY_SHARE_MIN and not math.isnan(fig["median_hours"]) and fig["median_hours"] <= RESPONSE_HOURS_MAX:
        state = "supports"
    else:
        state = "weak"
    return Evidence(3, state, fig)


def asks_question(texts: pd.Series) -> pd.Series:
    """Whether a post asks its audience something: a ``?`` in its text (also the spaced French ``?``)."""
    return texts.fillna("").astype(str).str.contains("?", regex=False)


def discussion_evidence(posts: pd.DataFrame | None, as_of: DateLike, tz: str | None = "UTC",
                        window_days: int = WINDOW_DAYS) -> Evidence:
    end = as_date(as_of) - dt.timedelta(days=1)
    start = end - dt.timedelta(days=window_days - 1)
    pstart = start - dt.timedelta(days=window_days)
    fig: dict[str, Any] = {"posts": 0, "questions": 0, "question_share": math.nan, "conversation_rate": math.nan,
                           "conversation_rate_before": math.nan, "conversation_change": math.nan}
    if posts is None or not len(posts) or "published_at" not in posts.columns:
        return Evidence(4, "unknown", fig)
    days = local_day_series(_instants(posts, "published_at"), tz)
    cur = _in(days, start, end).to_numpy(dtype=bool)
    prev = _in(days, pstart, start - dt.timedelta(days=1)).to_numpy(dtype=bool)
    q = asks_question(text(posts, "text"))[cur]
    comments = num(posts, "comments")
    c_now, c_prev = comments[cur].dropna(), comments[prev].dropna()
    fig["posts"] = int(cur.sum())
    fig["questions"] = int(q.sum())
    fig["question_share"] = float(q.mean()) if len(q) else math.nan
    fig["conversation_rate"] = float(c_now.mean()) if len(c_now) else math.nan
    fig["conversation_rate_before"] = float(c_prev.mean()) if len(c_prev) else math.nan
    if len(c_now) and len(c_prev) and fig["conversation_rate_before"] > 0:
        fig["conversation_change"] = fig["conversation_rate"] / fig["conversation_rate_before"] - 1.0
    if fig["posts"] < MIN_POSTS:
        return Evidence(4, "unknown", fig)
    share = fig["question_share"]
    falling = not math.isnan(fig["conversation_change"]) and fig["conversation_change"] < CONVERSATION_DROP_MAX
    if share < QUESTION_SHARE_LOW:
        state = "contradicts"
    elif share >= QUESTION_SHARE_MIN and not falling:
        state = "supports"
    else:
        state = "weak"
    return Evidence(4, state, fig)


def cites_listening(action: Mapping[str, Any]) -> bool:
    """A journal action built on what people say: its metric is a mention or sentiment metric."""
    return str(action.get("metric") or "") in LISTENING_METRICS


def integration_evidence(mentions: pd.DataFrame | None, journal: Sequence[Mapping[str, Any]] | None, as_of: DateLike,
                         tz: str | None = "UTC", own_brand: str | None = None, competitors: Iterable[str] = (),
                         window_days: int = WINDOW_DAYS) -> Evidence:
    end = as_date(as_of) - dt.timedelta(days=1)
    start = end - dt.timedelta(days=window_days - 1)
    own = _own(mentions, own_brand, competitors)
    fig: dict[str, Any] = {"mentions": 0, "tagged": 0, "tagged_share": math.nan, "actions": 0, "action_ids": []}
    if len(own):
        days = local_day_series(_instants(own, "published_at"), tz)
        m = _in(days, start, end).to_numpy(dtype=bool)
        topics = text(own, "topic")[m]
        fig["mentions"] = int(m.sum())
        fig["tagged"] = int(topics.notna().sum())
        fig["tagged_share"] = float(topics.notna().mean()) if m.any() else math.nan
    lo = end - dt.timedelta(days=JOURNAL_LOOKBACK_DAYS)
    ids = []
    for a in journal or []:
        try:
            d = as_date(a.get("date"))
        except (TypeError, ValueError, AttributeError):
            continue
        if lo <= d <= end and cites_listening(a):
            ids.append(str(a.get("id") or ""))
    fig["actions"], fig["action_ids"] = len(ids), ids
    if not fig["mentions"] and not ids:
        return Evidence(5, "unknown", fig)
    share = fig["tagged_share"]
    if (math.isnan(share) or share == 0) and not ids:
        state = "contradicts"
    elif not math.isnan(share) and share >= TAGGED_MIN and ids:
        state = "supports"
    else:
        state = "weak"
    return Evidence(5, state, fig)


def evidence(mentions: pd.DataFrame | None, posts: pd.DataFrame | None, journal: Sequence[Mapping[str, Any]] | None,
             as_of: DateLike, tz: str | None = "UTC", own_brand: str | None = None, competitors: Iterable[str] = (),
             window_days: int = WINDOW_DAYS) -> dict[int, Evidence]:
    """Evidence of levels 2 to 5 from the data (rules: module docstring)."""
    comps = tuple(competitors)
    return {
        2: listening_evidence(mentions, as_of, tz, own_brand, comps, window_days),
        3: reaction_evidence(mentions, as_of, tz, own_brand, comps, window_days),
        4: discussion_evidence(posts, as_of, tz, window_days),
        5: integration_evidence(mentions, journal, as_of, tz, own_brand, comps, window_days),
    }


# --------------------------------------------------------------------------- scoring


@dataclass
class LevelCheck:
    level: int
    questions: list[str]
    met: list[str]
    missing: list[str]  # questions not answered "yes"
    answers_ok: bool
    evidence: Evidence | None
    reached: bool
    disagreement: str | None  # claims_more | does_more | None


@dataclass
class Assessment:
    level: int
    checks: dict[int, LevelCheck]
    next_level: int | None
    missing_for_next: list[str]  # question ids, then "evidence" when the data contradicts
    answered: int
    total: int

    @property
    def disagreements(self) -> list[LevelCheck]:
        return [c for c in self.checks.values() if c.disagreement]


def normalise_answer(v: Any) -> str:
    s = fold(v)
    return s if s in ANSWERS else "unknown"


def assess(answers: Mapping[str, Any] | None, ev: Mapping[int, Evidence] | None = None) -> Assessment:
    """Level from answers and evidence (scoring rule: module docstring)."""
    ans = {k: normalise_answer(v) for k, v in (answers or {}).items()}
    ev = ev or {}
    checks: dict[int, LevelCheck] = {}
    for lv in LEVELS[1:]:
        qs = questions_for(lv)
        met = [q for q in qs if ans.get(q) == "yes"]
        missing = [q for q in qs if ans.get(q) != "yes"]
        e = ev.get(lv)
        answers_ok = not missing
        contradicted = e is not None and e.state == "contradicts"
        disagreement = None
        if answers_ok and contradicted:
            disagreement = "claims_more"
        elif not answers_ok and e is not None and e.state == "supports":
            disagreement = "does_more"
        checks[lv] = LevelCheck(lv, qs, met, missing, answers_ok, e, answers_ok and not contradicted, disagreement)
    level = 1
    for lv in LEVELS[1:]:
        if not checks[lv].reached:
            break
        level = lv
    nxt = level + 1 if level < 5 else None
    missing_next: list[str] = []
    if nxt is not None:
        c = checks[nxt]
        missing_next = list(c.missing)
        if c.evidence is not None and c.evidence.state == "contradicts":
            missing_next.append("evidence")
    answered = sum(1 for q in QUESTION_IDS if ans.get(q, "unknown") != "unknown")
    return Assessment(level, checks, nxt, missing_next, answered, len(QUESTION_IDS))


def latest_assessment(doc: Mapping[str, Any] | None) -> dict[str, Any] | None:
    items = [a for a in (doc or {}).get("assessments") or [] if a.get("date")]
    return max(items, key=lambda a: str(a["date"])) if items else None


def upsert_assessment(doc: Mapping[str, Any] | None, date: DateLike, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The maturity document with the assessment of ``date`` replaced (or added), sorted by date."""
    out = dict(doc or {})
    iso = as_date(date).isoformat()
    items = [a for a in out.get("assessments") or [] if str(a.get("date"))[:10] != iso]
    items.append({"date": iso, "answers": {k: normalise_answer(v) for k, v in answers.items() if k in QUESTION_IDS}})
    out["assessments"] = sorted(items, key=lambda a: str(a["date"]))
    return out


def history(doc: Mapping[str, Any] | None, evidence_at) -> pd.DataFrame:
    """Level of every saved assessment: ``date, level, answered``. ``evidence_at(date)`` gives the
    evidence as of that date (or None to score on answers alone)."""
    rows = []
    for a in sorted((doc or {}).get("assessments") or [], key=lambda a: str(a.get("date"))):
        try:
            d = as_date(a["date"])
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        res = assess(a.get("answers") or {}, evidence_at(d) if evidence_at else None)
        rows.append({"date": pd.Timestamp(d), "level": res.level, "answered": res.answered})
    return pd.DataFrame(rows, columns=["date", "level", "answered"])


def phase_progress(phases: Mapping[str, Any] | None) -> float:
    """Share of the six implementation phases done (a phase in progress counts half)."""
    st = {p: (phases or {}).get(p, "not_started") for p in PHASES}
    return float(np.mean([1.0 if s == "done" else 0.5 if s == "in_progress" else 0.0 for s in st.values()]))


def peers_frame(peers: Sequence[Mapping[str, Any]] | None) -> pd.DataFrame:
    """Peers rated by the user, cleaned: ``name, kind, level, date`` (levels clipped to 1..5)."""
    rows = []
    for p in peers or []:
        name = str(p.get("name") or "").strip()
        try:
            level = int(p.get("level"))
        except (TypeError, ValueError):
            continue
        if not name:
            continue
        rows.append({"name": name, "kind": p.get("kind") if p.get("kind") in PEER_KINDS else "competitor",
                     "level": min(5, max(1, level)), "date": p.get("date")})
    return pd.DataFrame(rows, columns=["name", "kind", "level", "date"])
