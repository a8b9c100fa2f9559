"""Seeded, deterministic generator of the ``demo`` workspace.

``generate(root, "demo", end=date)`` writes 18 months of data for a fictional Québec
regional tourism agency (Tourisme Haute-Rivière) through the store's one writer
(:func:`connectors.store.write_frames`) and its configuration documents through
:func:`connectors.store.save_config`. Same ``(seed, end, months)`` -> same table contents.

Planted facts (returned in the manifest so tests of other modules can assert on them):

* a **crisis**: own-brand mentions jump ~7x on one weekday about 140 days before ``end``
  (a landslide closes the regional road), mostly negative, decaying over 3 days;
* one campaign that **pays off** (the latest complete winter campaign ``hiver-YYYY``) and
  one that does not (the latest complete spring campaign ``printemps-YYYY``);
* **UTM hygiene problems**: source spelled ``facebook``/``Facebook``/``fb``, campaign in two
  cases, a campaign with ``(not set)`` medium, a campaign in traffic but not in the
  registry, a registry campaign absent from traffic, a paid campaign tagged ``medium=social``;
* an action **journal** with one action that worked (+35 % Instagram engagements after
  its date), one with no effect (LinkedIn impressions unchanged) and one open action;
* posting times that matter: evenings and weekends engage more, weekday 2-5 am is useless,
  and a handful of posts clearly outperform.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from connectors import store
from sample_data import texts as T

TZ = "America/Toronto"
SOURCE_FORMAT = "sample_data"
PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube", "tiktok")

# platform -> (followers at start, new/day, lost/day, impressions per follower/day, engagement rate, views share)
AUDIENCE_PARAMS: dict[str, tuple[float, float, float, float, float, float]] = {
    "facebook": (28_400, 13.0, 6.5, 0.21, 0.034, 0.30),
    "instagram": (11_600, 15.0, 5.5, 0.33, 0.048, 0.55),
    "x": (5_150, 3.0, 3.3, 0.48, 0.011, 0.10),
    "linkedin": (2_450, 3.1, 0.7, 0.26, 0.038, 0.08),
    "youtube": (1_640, 1.7, 0.5, 1.10, 0.028, 0.14),
    "tiktok": (140, 8.0, 1.8, 2.10, 0.062, 0.92),
}
TIKTOK_AGE_DAYS = 300  # the TikTok account was opened this many days before `end`

CRISIS_OFFSET_DAYS = 140  # the crisis is the Tuesday on or before end - 140 days
CRISIS_MULTIPLIERS = (7.0, 3.4, 1.9, 1.3)
JOURNAL_WINDOW_DAYS = 42
PLANTED_EFFECT = 0.35


# --------------------------------------------------------------------------- helpers


def _rng(seed: int, stream: int) -> np.random.Generator:
    """One independent generator per component: changing one never shifts another."""
    return np.random.default_rng([seed, stream])


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _season(days: pd.DatetimeIndex, summer: float, winter: float) -> np.ndarray:
    """1 + a summer bump (centred mid-July) + a ski-season bump (centred late January)."""
    doy = days.day_of_year.to_numpy().astype(float)
    s = np.exp(-(((doy - 198.0) / 40.0) ** 2))
    dist = np.abs(doy - 25.0)
    dist = np.minimum(dist, 365.0 - dist)
    w = np.exp(-((dist / 38.0) ** 2))
    return 1.0 + summer * s + winter * w


def _weekday_factor(days: pd.DatetimeIndex, factors: tuple[float, ...]) -> np.ndarray:
    return np.asarray(factors, dtype=float)[days.day_of_week.to_numpy()]


def _to_utc(local: pd.Series | pd.DatetimeIndex) -> pd.DatetimeIndex:
    idx = pd.DatetimeIndex(local)
    loc = idx.tz_localize(TZ, ambiguous=np.zeros(len(idx), dtype=bool), nonexistent="shift_forward")
    return loc.tz_convert("UTC").as_unit("us")


def _hexid(rng: np.random.Generator, n: int, digits: int = 16) -> list[str]:
    vals = rng.integers(0, 2**62, size=n, dtype=np.int64)
    return [format(int(v), "x").zfill(digits)[-digits:] for v in vals]


def _digits(rng: np.random.Generator, n: int, length: int) -> list[str]:
    lo, hi = 10 ** (length - 1), 10**length - 1
    return [str(int(v)) for v in rng.integers(lo, hi, size=n, dtype=np.int64)]


def lead_id(email: str, salt: str) -> str:
    """The workspace's pseudonymous lead id: sha256(salt + normalised e-mail), hex."""
    return hashlib.sha256((salt + email.strip().lower()).encode("utf-8")).hexdigest()


def last_complete_iso_week_sunday(today: dt.date) -> dt.date:
    """Sunday ending the last ISO week that is complete before ``today``."""
    return today - dt.timedelta(days=today.weekday() + 1)


# --------------------------------------------------------------------------- campaigns


def _campaign_plan(start: dt.date, end: dt.date) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Seasonal campaigns overlapping [start, end], each with its traffic/cost behaviour and role."""
    kinds = {
        # kind: (start (month, day, year offset), end (month, day), objective, platforms, weekly budget,
        #        value_per_conversion, value_per_lead, human name fr)
        "hiver": (
            (12, 1, -1),
            (3, 15),
            "traffic",
            ["facebook", "instagram"],
            520.0,
            40.0,
            150.0,
            "Hiver {y} – ski et hébergement",
        ),
        "congres": ((2, 1, 0), (5, 31), "relationships", ["linkedin"], 380.0, 30.0, 250.0, "Congrès et réunions d'affaires {y}"),
        "printemps": ((4, 20, 0), (6, 5), "traffic", ["facebook", "instagram"], 640.0, 20.0, 100.0, "Printemps gourmand {y}"),
        "festival-ete": ((6, 10, 0), (8, 15), "presence", ["facebook", "instagram"], 560.0, 25.0, 100.0, "Festival d'été {y}"),
        "automne": ((9, 10, 0), (10, 25), "traffic", ["facebook", "instagram"], 320.0, 25.0, 100.0, "Couleurs d'automne {y}"),
        "motoneige": ((1, 5, 0), (2, 28), "traffic", ["facebook"], 250.0, 35.0, 100.0, "Motoneige {y}"),
    }
    out: list[dict[str, Any]] = []
    for y in range(start.year - 1, end.year + 2):
        for kind, (s, e, objective, platforms, weekly, vpc, vpl, label) in kinds.items():
            cs = dt.date(y + s[2], s[0], s[1])
            ce = dt.date(y, e[0], e[1])
            if ce < start or cs > end:
                continue
            out.append(
                {
                    "kind": kind,
                    "utm": f"{kind}-{y}",
                    "name": label.format(y=y),
                    "start": cs,
                    "end": ce,
                    "objective": objective,
                    "platforms": platforms,
                    "weekly": weekly,
                    "vpc": vpc,
                    "vpl": vpl,
                    "full": cs >= start and ce <= end,
                    "role": "normal",
                }
            )

    def latest_full(kind: str) -> dict[str, Any]:
        """The latest campaign of ``kind`` inside the span; on a short span (12 months ending in
        December: the winter campaign began before it), the latest one that overlaps it."""
        cands = [c for c in out if c["kind"] == kind and c["full"]] or [c for c in out if c["kind"] == kind]
        if not cands:
            raise ValueError(f"a demo span of {start} to {end} holds no {kind!r} campaign: ask for 12 months or more")
        return max(cands, key=lambda c: c["start"])

    roles = {
        "pays_off": latest_full("hiver"),
        "does_not_pay": latest_full("printemps"),
        "paid_tagged_social": latest_full("festival-ete"),
        "missing_medium": latest_full("automne"),
        "registry_only": latest_full("motoneige"),
    }
    for role, c in roles.items():
        c["role"] = role
    # only one snowmobile campaign: the registry-only one
    out = [c for c in out if c["kind"] != "motoneige" or c is roles["registry_only"]]
    fest = roles["paid_tagged_social"]
    unregistered = {
        "kind": "concours",
        "utm": f"concours-photo-{fest['start'].year}",
        "start": dt.date(fest["start"].year, 7, 1),
        "end": dt.date(fest["start"].year, 7, 31),
        "role": "unregistered",
    }
    out.sort(key=lambda c: (c["start"], c["utm"]))
    return out, {"roles": roles, "unregistered": unregistered}


# --------------------------------------------------------------------------- the generator


class _Demo:
    def __init__(self, end: dt.date, seed: int, months: int) -> None:
        self.end = end
        self.seed = seed
        self.start = (pd.Timestamp(end) - pd.DateOffset(months=months)).date() + dt.timedelta(days=1)
        self.days = pd.date_range(self.start, end, freq="D")
        self.n = len(self.days)
        self.as_of = pd.Timestamp(end + dt.timedelta(days=1), tz="UTC") + pd.Timedelta(hours=7)
        self.salt = hashlib.sha256(f"boussole-demo-{seed}".encode()).hexdigest()[:32]
        crisis0 = end - dt.timedelta(days=CRISIS_OFFSET_DAYS)
        self.crisis = crisis0 - dt.timedelta(days=(crisis0.weekday() - 1) % 7)  # a Tuesday
        self.campaigns, self.special = _campaign_plan(self.start, end)
        self.roles = self.special["roles"]
        self.tiktok_start = end - dt.timedelta(days=TIKTOK_AGE_DAYS)
        self.season_fol = _season(self.days, 0.9, 0.6)
        self.season_imp = _season(self.days, 0.35, 0.25)
        self.wd_imp = _weekday_factor(self.days, (0.95, 0.97, 1.0, 1.0, 1.02, 1.08, 1.06))
        self.effect_date = self._balanced_date("instagram", end - dt.timedelta(days=125), end - dt.timedelta(days=60))
        self.noeffect_date = self._balanced_date("linkedin", end - dt.timedelta(days=340), end - dt.timedelta(days=250))
        self.frames: dict[str, pd.DataFrame] = {}
        self.manifest: dict[str, Any] = {}

    def _idx(self, d: dt.date) -> int:
        return (d - self.start).days

    def _expected_impressions(self, plat: str) -> np.ndarray:
        """The noise-free daily impressions of a platform (followers trend x season x weekday):
        what a before/after comparison would see without any action."""
        f0, new_r, lost_r, imp_r, _, _ = AUDIENCE_PARAMS[plat]
        trend = np.linspace(1.0, 1.15 if plat != "x" else 0.9, self.n)
        followers = f0 + np.cumsum(new_r * self.season_fol * trend - lost_r)
        return followers * imp_r * self.season_imp * self.wd_imp

    def _window_ratio(self, curve: np.ndarray, d: dt.date) -> float:
        i, w = self._idx(d), JOURNAL_WINDOW_DAYS
        return float(curve[i : i + w].mean() / curve[i - w : i].mean())

    def _balanced_date(self, plat: str, lo: dt.date, hi: dt.date) -> dt.date:
        """The Monday in [lo, hi] where the platform's expected series changes least between the
        windows before and after it, so a before/after comparison measures the action, not the season."""
        curve = self._expected_impressions(plat)
        w = JOURNAL_WINDOW_DAYS
        best, best_gap = None, np.inf
        d = lo + dt.timedelta(days=(7 - lo.weekday()) % 7)
        while d <= hi:
            i = self._idx(d)
            if i - w >= 0 and i + w <= self.n:
                gap = abs(self._window_ratio(curve, d) - 1.0)
                if gap < best_gap - 1e-12:
                    best, best_gap = d, gap
            d += dt.timedelta(days=7)
        assert best is not None
        return best

    # ------------------------------------------------------------------ posts

    def posts(self) -> pd.DataFrame:
        rng = _rng(self.seed, 1)
        rows: list[dict[str, Any]] = []
        weeks = pd.date_range(self.start - dt.timedelta(days=self.start.weekday()), self.end, freq="7D")
        day_w = np.array([1.0, 1.05, 1.1, 1.05, 1.0, 0.75, 0.65])
        for wk in weeks:
            k = int(rng.integers(4, 9))
            for _ in range(k):
                dow = int(rng.choice(7, p=day_w / day_w.sum()))
                day = (wk + pd.Timedelta(days=dow)).date()
                if day < self.start or day > self.end:
                    continue
                rows.append({"day": day, "dow": dow})
        n = len(rows)
        # platform: TikTok only once the account exists
        pw = {"facebook": 0.30, "instagram": 0.29, "x": 0.13, "linkedin": 0.12, "youtube": 0.05, "tiktok": 0.11}
        plats = []
        for r in rows:
            names = [p for p in pw if p != "tiktok" or r["day"] >= self.tiktok_start]
            p = np.array([pw[x] for x in names])
            plats.append(names[int(rng.choice(len(names), p=p / p.sum()))])
        # local hour: office hours mostly, evenings, and some night-time scheduling mistakes
        hours = []
        for r, plat in zip(rows, plats, strict=True):
            u = rng.random()
            after_action = plat == "instagram" and r["day"] >= self.effect_date
            if after_action and u < 0.8:
                h = int(rng.integers(19, 22))
            elif u < 0.52:
                h = int(rng.integers(8, 18))
            elif u < 0.78:
                h = int(rng.integers(18, 23))
            elif u < 0.86:
                h = int(rng.integers(6, 8))
            elif u < 0.95:
                h = int(rng.integers(0, 6))
            else:
                h = 23
            hours.append(h)
        minutes = rng.integers(0, 60, size=n)
        local = pd.to_datetime(
            [f"{r['day'].isoformat()} {h:02d}:{int(m):02d}:00" for r, h, m in zip(rows, hours, minutes, strict=True)]
        )
        published = _to_utc(local)

        # followers on the publishing day scale the audience of a post
        aud = self.frames["audience"]
        fol = {(p, d): f for p, d, f in zip(aud["platform"], aud["date"], aud["followers"], strict=True)}

        season_of = {
            12: "winter",
            1: "winter",
            2: "winter",
            3: "winter",
            4: "spring",
            5: "spring",
            6: "summer",
            7: "summer",
            8: "summer",
            9: "fall",
            10: "fall",
            11: "fall",
        }
        types = {
            "facebook": (("photo", 0.45), ("video", 0.15), ("link", 0.25), ("reel", 0.15)),
            "instagram": (("image", 0.45), ("carousel", 0.35), ("reel", 0.20)),
            "x": (("tweet", 0.75), ("photo", 0.25)),
            "linkedin": (("image", 0.5), ("article", 0.3), ("video", 0.2)),
            "youtube": (("video", 0.6), ("short", 0.4)),
            "tiktok": (("video", 1.0),),
        }
        ids_num = _digits(rng, n, 17)
        ids_hex = _hexid(rng, n, 11)
        out = []
        for i, (r, plat, h) in enumerate(zip(rows, plats, hours, strict=True)):
            day = r["day"]
            pt_names = [t for t, _ in types[plat]]
            pt_p = np.array([w for _, w in types[plat]])
            ptype = pt_names[int(rng.choice(len(pt_names), p=pt_p / pt_p.sum()))]
            if plat == "instagram" and day >= self.effect_date and h >= 19:
                ptype = "reel" if rng.random() < 0.85 else ptype
            season = season_of[day.month]
            seasons = (
                (season, "any", "festival")
                if (day.month, day.day) >= (5, 1) and (day.month, day.day) <= (7, 18)
                else (season, "any")
            )
            cands = [t for t in T.POSTS if t[0] in seasons]
            if plat == "linkedin":
                cands = [t for t in cands if t[0] == "any"] + [t for t in cands if t[1] == "en"]
            _, lang, tpl = cands[int(rng.integers(len(cands)))]
            text = tpl.format(
                mountain=T.MOUNTAIN,
                place=T.PLACES[int(rng.integers(len(T.PLACES)))],
                trail=T.TRAILS[int(rng.integers(len(T.TRAILS)))],
                trail_en=T.TRAILS_EN[int(rng.integers(len(T.TRAILS_EN)))],
                event=T.EVENT,
                d1="19 juillet" if lang == "fr" else "July 19",
                d2="28 juillet" if lang == "fr" else "July 28",
                year=day.year if day.month < 11 else day.year + 1,
            )
            if plat in ("instagram", "tiktok") and "#" not in text:
                text += " #HauteRivière #Québec"
            # reach of the post: followers x platform reach x type x timing
            f = fol.get((plat, day), AUDIENCE_PARAMS[plat][0])
            base_reach = {"facebook": 0.16, "instagram": 0.28, "x": 0.35, "linkedin": 0.22, "youtube": 0.6, "tiktok": 1.8}[plat]
            type_f = {"reel": 1.3, "video": 1.2, "short": 1.4, "carousel": 1.2, "article": 0.9, "link": 0.7}.get(ptype, 1.0)
            timing = _timing_factor(r["dow"], h)
            impressions = f * base_reach * type_f * np.sqrt(timing) * rng.lognormal(0, 0.25)
            er = AUDIENCE_PARAMS[plat][4] * 0.9 * np.sqrt(timing) * rng.lognormal(0, 0.22)
            engagements = impressions * er
            # lifetime metrics still accruing for the newest posts
            age = (self.end - day).days
            ramp = min(1.0, 0.55 + 0.15 * age)
            out.append(
                {
                    "i": i,
                    "platform": plat,
                    "day": day,
                    "ptype": ptype,
                    "lang": lang,
                    "text": text,
                    "impressions": impressions * ramp,
                    "engagements": engagements * ramp,
                }
            )
        df = pd.DataFrame(out)
        # a few posts clearly outperform (shared by a big account, picked up by the press...)
        eligible = (df["day"] <= self.end - dt.timedelta(days=7)) & df["platform"].isin(["facebook", "instagram", "tiktok"])
        winners = sorted(int(x) for x in rng.choice(np.flatnonzero(eligible.to_numpy()), size=6, replace=False))
        boost = np.ones(n)
        boost[winners] = rng.uniform(6.0, 9.0, size=len(winners))
        df["impressions"] = df["impressions"] * np.where(boost > 1, boost / 2.8, 1.0)
        df["engagements"] = df["engagements"] * boost
        eng = np.maximum(1, np.round(df["engagements"].to_numpy())).astype(np.int64)
        plat_arr = df["platform"].to_numpy()
        shares_p = np.select(
            [plat_arr == "instagram", plat_arr == "youtube", plat_arr == "tiktok", plat_arr == "x"],
            [0.04, 0.03, 0.09, 0.10],
            0.07,
        )
        comments_p = np.select([plat_arr == "youtube", plat_arr == "linkedin"], [0.06, 0.07], 0.08)
        clicks_p = np.select([plat_arr == "instagram", plat_arr == "tiktok"], [0.0, 0.0], 0.20)
        saves_p = np.select([plat_arr == "instagram", plat_arr == "tiktok"], [0.07, 0.04], 0.0)
        comments = rng.binomial(eng, comments_p)
        shares = rng.binomial(eng, shares_p)
        clicks = rng.binomial(eng, clicks_p)
        saves = rng.binomial(eng, saves_p)
        reactions = np.maximum(0, eng - comments - shares - clicks - saves)
        imps = np.maximum(eng, np.round(df["impressions"].to_numpy())).astype(np.int64)
        reach = np.round(imps / rng.uniform(1.15, 1.5, size=n)).astype(np.int64)
        is_video = np.isin(df["ptype"].to_numpy(), ["video", "reel", "short"])
        views = np.where(is_video | (plat_arr == "instagram"), np.round(imps * rng.uniform(0.55, 0.9, size=n)), np.nan)

        def url(p: str, i: int) -> str:
            return {
                "facebook": f"https://www.facebook.com/{T.ACCOUNT}/posts/{ids_num[i]}",
                "instagram": f"https://www.instagram.com/p/{ids_hex[i]}/",
                "x": f"https://x.com/TourismeHR/status/{ids_num[i]}0",
                "linkedin": f"https://www.linkedin.com/feed/update/urn:li:activity:{ids_num[i]}00/",
                "youtube": f"https://www.youtube.com/watch?v={ids_hex[i]}",
                "tiktok": f"https://vm.tiktok.com/ZM{ids_hex[i][:9]}/",
            }[p]

        post_ids = [
            {"facebook": f"{T.ACCOUNT}_{ids_num[i]}", "x": ids_num[i] + "0", "linkedin": ids_num[i] + "00"}.get(p, ids_hex[i])
            for i, p in enumerate(plat_arr)
        ]
        res = pd.DataFrame(
            {
                "post_id": post_ids,
                "platform": plat_arr,
                "account": T.ACCOUNT,
                "published_at": published,
                "text": df["text"].to_numpy(),
                "url": [url(p, i) for i, p in enumerate(plat_arr)],
                "post_type": df["ptype"].to_numpy(),
                "impressions": imps,
                "reach": reach,
                "views": pd.array(views, dtype="Float64").round(0).astype("Int64"),
                "engagements": eng,
                "reactions": reactions,
                "comments": comments,
                "shares": shares,
                "clicks": pd.array(np.where(clicks_p > 0, clicks, np.nan)).astype("Int64"),
                "saves": pd.array(np.where(saves_p > 0, saves, np.nan)).astype("Int64"),
                "as_of": self.as_of,
                "source_format": SOURCE_FORMAT,
            }
        )
        self.post_days = pd.DataFrame({"platform": plat_arr, "date": df["day"].to_numpy()})
        self.manifest["outperforming_posts"] = [post_ids[i] for i in winners]
        self.manifest["posts_timing"] = {
            "good": "evenings 18-21 h local time and weekend daytime",
            "useless": "weekdays 2-5 h local time",
            "timezone": TZ,
        }
        return res

    # ------------------------------------------------------------------ content_daily

    def content_daily(self) -> pd.DataFrame:
        """YouTube per-video daily views (the grain of YouTube Studio's chart export).

        Each video's daily views add up exactly to its lifetime ``views`` in ``posts``."""
        rng = _rng(self.seed, 7)
        posts = self.frames["posts"]
        yt = posts[posts["platform"] == "youtube"]
        frames = []
        for pid, pub, views, ptype in zip(yt["post_id"], yt["published_at"], yt["views"], yt["post_type"], strict=True):
            first = pub.tz_convert(TZ).date()
            ndays = (self.end - first).days + 1
            age = np.arange(ndays, dtype=float)
            w = np.exp(-age / 4.0) + 0.02 * np.exp(-age / 120.0)
            daily = rng.multinomial(int(views), w / w.sum())
            minutes = 0.6 if ptype == "short" else 3.4
            frames.append(
                pd.DataFrame(
                    {
                        "date": [first + dt.timedelta(days=int(a)) for a in age],
                        "platform": "youtube",
                        "account": T.ACCOUNT,
                        "post_id": pid,
                        "views": daily,
                        "watch_time_hours": np.round(daily * minutes * rng.uniform(0.8, 1.2, size=ndays) / 60.0, 2),
                        "subscribers_net": rng.binomial(daily, 0.004) - rng.binomial(daily, 0.001),
                        "source_format": SOURCE_FORMAT,
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

    # ------------------------------------------------------------------ audience_breakdown

    def audience_breakdown(self) -> pd.DataFrame:
        """Who the followers are (Meta, YouTube style): shares per dimension over 28-day periods,
        one period ending on each quarter's last day in range and one ending on ``end``."""
        rng = _rng(self.seed, 8)
        ends = [
            d.date() for d in pd.date_range(self.start, self.end, freq="QE") if d.date() - dt.timedelta(days=27) >= self.start
        ]
        if self.end not in ends:
            ends.append(self.end)
        dims: dict[str, tuple[tuple[str, float], ...]] = {
            "age": (
                ("13-17", 0.02),
                ("18-24", 0.09),
                ("25-34", 0.24),
                ("35-44", 0.26),
                ("45-54", 0.19),
                ("55-64", 0.13),
                ("65+", 0.07),
            ),
            "gender": (("female", 0.61), ("male", 0.38), ("unknown", 0.01)),
            "country": (
                ("Canada", 0.88),
                ("United States", 0.05),
                ("France", 0.04),
                ("Belgium", 0.01),
                ("Switzerland", 0.01),
                ("Other", 0.01),
            ),
            "city": (
                ("Montréal, QC", 0.27),
                ("Québec, QC", 0.19),
                ("Rivière-aux-Sables, QC", 0.08),
                ("Saguenay, QC", 0.06),
                ("Sherbrooke, QC", 0.05),
                ("Gatineau, QC", 0.04),
                ("Ottawa, ON", 0.04),
                ("Toronto, ON", 0.03),
                ("Other", 0.24),
            ),
        }
        youth = {"facebook": -0.04, "instagram": 0.08, "youtube": 0.03}
        recs = []
        for k, pe in enumerate(ends):
            ps = pe - dt.timedelta(days=27)
            for plat in ("facebook", "instagram", "youtube"):
                metric = "views" if plat == "youtube" else "followers"
                for dim, vals in dims.items():
                    if plat == "youtube" and dim == "city":
                        continue
                    w = np.array([v for _, v in vals])
                    if dim == "age":  # Instagram audiences are younger, Facebook older
                        w = w * np.exp(youth[plat] * (3 - np.arange(len(w))) - 0.01 * k)
                    w = w * rng.lognormal(0, 0.04, size=len(w))
                    w = np.round(w / w.sum(), 4)
                    for (name, _), x in zip(vals, w, strict=True):
                        recs.append(
                            {
                                "period_start": ps,
                                "period_end": pe,
                                "platform": plat,
                                "dimension": dim,
                                "dimension_value": name,
                                "metric": metric,
                                "value": float(x),
                                "unit": "share",
                            }
                        )
        df = pd.DataFrame(recs)
        df["account"] = T.ACCOUNT
        df["source_format"] = SOURCE_FORMAT
        return df

    # ------------------------------------------------------------------ search

    def search(self) -> pd.DataFrame:
        """Search Console: daily clicks/impressions for the site's main queries (the road query spikes with the crisis)."""
        rng = _rng(self.seed, 9)
        days = self.days
        summer = _season(days, 1.0, 0.0) - 1.0
        winter = _season(days, 0.0, 1.0) - 1.0
        flat = np.ones(self.n)
        # query, daily impressions at the base, season profile, click-through rate, position
        queries = (
            ("haute-rivière", 420, flat + 0.5 * summer + 0.3 * winter, 0.22, 1.4),
            ("tourisme haute-rivière", 160, flat + 0.4 * summer, 0.35, 1.1),
            ("mont-orignal ski", 230, 0.15 + 1.6 * winter, 0.12, 2.3),
            ("forfait ski hébergement", 140, 0.1 + 1.5 * winter, 0.07, 5.8),
            ("festival rivière en fête", 180, 0.1 + 2.2 * summer, 0.28, 1.6),
            ("chalet à louer lac-caché", 210, flat + 0.7 * summer + 0.4 * winter, 0.05, 7.4),
            ("quoi faire haute-rivière", 120, flat + 0.6 * summer, 0.14, 3.2),
            ("sentier des trois-crêtes", 90, 0.4 + 1.2 * summer, 0.18, 2.1),
            ("things to do haute-riviere", 60, flat + 0.5 * summer, 0.09, 4.5),
            ("route 317", 70, flat, 0.04, 6.3),
        )
        ci = self._idx(self.crisis)
        frames = []
        wd = _weekday_factor(days, (0.95, 0.95, 0.97, 1.0, 1.08, 1.05, 1.0))
        for q, base, prof, ctr, pos in queries:
            lam = base * prof * wd * rng.lognormal(0, 0.15, size=self.n)
            if q == "route 317":
                for j, mult in enumerate((14.0, 6.0, 2.5, 1.5)):
                    if ci + j < self.n:
                        lam[ci + j] *= mult
            imps = rng.poisson(lam)
            clicks = rng.binomial(imps, ctr)
            frames.append(
                pd.DataFrame(
                    {
                        "date": days.date,
                        "query": q,
                        "impressions": imps,
                        "clicks": clicks,
                        "position": np.round(pos * rng.lognormal(0, 0.08, size=self.n), 1),
                    }
                )
            )
        df = pd.concat(frames, ignore_index=True)
        df = df[df["impressions"] > 0]
        df["grain"] = "day"
        df["property"] = f"https://www.{T.WEBSITE}/"
        df["page"] = None
        df["country"] = None
        df["device"] = None
        df["source_format"] = SOURCE_FORMAT
        return df.reset_index(drop=True)

    # ------------------------------------------------------------------ audience

    def audience(self) -> pd.DataFrame:
        frames = []
        season_fol, season_imp, wd_imp = self.season_fol, self.season_imp, self.wd_imp
        ci = self._idx(self.crisis)
        ei = self._idx(self.effect_date)
        for k, plat in enumerate(PLATFORMS):
            rng = _rng(self.seed, 10 + k)
            f0, new_r, lost_r, imp_r, er, views_r = AUDIENCE_PARAMS[plat]
            first = self._idx(self.tiktok_start) if plat == "tiktok" else 0
            m = self.n - first
            sl = slice(first, self.n)
            trend = np.linspace(1.0, 1.15 if plat != "x" else 0.9, m)
            new = rng.poisson(new_r * season_fol[sl] * trend * rng.lognormal(0, 0.15, size=m))
            lost = rng.poisson(lost_r * rng.lognormal(0, 0.15, size=m))
            if plat == "facebook" and ci >= first:
                for j, mult in enumerate((4.0, 2.5, 1.6)):
                    if ci + j < self.n:
                        lost[ci + j - first] = rng.poisson(lost_r * mult)
            if plat == "tiktok":
                new = rng.poisson(new_r * np.linspace(0.6, 1.6, m) * rng.lognormal(0, 0.2, size=m))
            followers = f0 + np.cumsum(new - lost)
            followers = np.maximum(followers, 0)
            impressions = followers * imp_r * season_imp[sl] * wd_imp[sl] * rng.lognormal(0, 0.18, size=m)
            eng = impressions * er * rng.lognormal(0, 0.12, size=m)
            if plat == "instagram":
                # +35 % measured over the journal windows: what remains of the season is compensated
                drift = self._window_ratio(self._expected_impressions(plat), self.effect_date)
                eng[max(0, ei - first) :] *= (1.0 + PLANTED_EFFECT) / drift
            impressions = np.round(impressions).astype(np.int64)
            eng = np.round(eng).astype(np.int64)
            comments_p = 0.09
            comments = rng.binomial(eng, comments_p)
            if plat == "facebook":
                for j, mult in enumerate((5.0, 2.5, 1.5)):
                    if 0 <= ci + j - first < m:
                        extra = rng.poisson(comments[ci + j - first] * (mult - 1))
                        comments[ci + j - first] += extra
                        eng[ci + j - first] += extra
            shares = rng.binomial(eng, 0.06)
            clicks = rng.binomial(eng, 0.0 if plat in ("instagram", "tiktok") else 0.2)
            reactions = np.maximum(0, eng - comments - shares - clicks)
            frames.append(
                pd.DataFrame(
                    {
                        "date": self.days[sl].date,
                        "platform": plat,
                        "account": T.ACCOUNT,
                        "followers": followers,
                        "new_followers": new,
                        "lost_followers": lost,
                        "impressions": impressions,
                        "reach": np.round(impressions / rng.uniform(1.4, 1.9, size=m)).astype(np.int64),
                        "views": np.round(impressions * views_r * rng.lognormal(0, 0.1, size=m)).astype(np.int64),
                        "engagements": eng,
                        "profile_views": rng.poisson(np.maximum(impressions, 0) * 0.008),
                        "reactions": reactions,
                        "comments": comments,
                        "shares": shares,
                        "clicks": pd.array(clicks if plat not in ("instagram", "tiktok") else [None] * m, dtype="Int64"),
                        "source_format": SOURCE_FORMAT,
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

    # ------------------------------------------------------------------ mentions

    def mentions(self) -> pd.DataFrame:
        rng = _rng(self.seed, 2)
        brands = (T.OWN_BRAND, *T.COMPETITORS)
        base = {T.OWN_BRAND: 30.0, T.COMPETITORS[0]: 13.0, T.COMPETITORS[1]: 8.0}
        season = _season(self.days, 0.22, 0.16)
        season = season / season.mean()
        wd = _weekday_factor(self.days, (1.0, 1.0, 1.0, 1.02, 1.05, 1.08, 0.95))
        ci = self._idx(self.crisis)
        progress = np.linspace(0.0, 1.0, self.n)  # sentiment slowly improves, replies get more frequent
        topics = ("ski", "festival", "hébergement", "routes", "service client", "plein air")
        sources = ("x", "facebook", "instagram", "news", "blog", "forum")
        src_p = np.array([0.30, 0.30, 0.22, 0.06, 0.05, 0.07])
        month = self.days.month.to_numpy()
        recs: list[dict[str, Any]] = []
        for b in brands:
            lam = base[b] * season * wd
            counts = rng.poisson(lam)
            crisis_counts = np.zeros(self.n, dtype=np.int64)
            if b == T.OWN_BRAND:
                for j, mult in enumerate(CRISIS_MULTIPLIERS):
                    if ci + j < self.n:
                        crisis_counts[ci + j] = rng.poisson(base[b] * (mult - 1.0))
            pos_base, neg_base = {T.OWN_BRAND: (0.42, 0.17), T.COMPETITORS[0]: (0.38, 0.19), T.COMPETITORS[1]: (0.47, 0.11)}[b]
            for di in range(self.n):
                winterish = month[di] in (12, 1, 2, 3)
                summerish = month[di] in (6, 7, 8)
                tw = np.array(
                    [3.0 if winterish else 0.3, 2.5 if summerish else 0.4, 1.6, 0.9, 0.9, 2.0 if not winterish else 0.8]
                )
                for kind, cnt in (("normal", counts[di]), ("crisis", crisis_counts[di])):
                    for _ in range(int(cnt)):
                        if kind == "crisis":
                            topic = "routes"
                            u = rng.random()
                            sent = "negative" if u < 0.78 else ("neutral" if u < 0.94 else "positive")
                        else:
                            topic = topics[int(rng.choice(len(topics), p=tw / tw.sum()))]
                            pos = pos_base + 0.08 * progress[di]
                            neg = neg_base - 0.04 * progress[di]
                            u = rng.random()
                            sent = "positive" if u < pos else ("negative" if u < pos + neg else "neutral")
                        recs.append({"di": di, "brand": b, "topic": topic, "sent": sent, "kind": kind})
        n = len(recs)
        df = pd.DataFrame(recs)
        src = rng.choice(len(sources), size=n, p=src_p)
        df["source"] = np.asarray(sources)[src]
        df["lang"] = np.where(rng.random(n) < 0.68, "fr", "en")
        # local publishing time: daytime and evening; the crisis starts at 7 am
        hw = np.array(
            [
                0.3,
                0.2,
                0.1,
                0.1,
                0.1,
                0.3,
                0.8,
                1.6,
                2.2,
                2.4,
                2.4,
                2.5,
                2.8,
                2.6,
                2.4,
                2.3,
                2.4,
                2.6,
                2.9,
                3.1,
                3.0,
                2.5,
                1.7,
                0.9,
            ]
        )
        hours = rng.choice(24, size=n, p=hw / hw.sum())
        crisis_mask = (df["kind"] == "crisis").to_numpy()
        hours = np.where(crisis_mask & (df["di"].to_numpy() == ci), rng.integers(7, 23, size=n), hours)
        secs = rng.integers(0, 3600, size=n)
        local = self.days[df["di"].to_numpy()] + pd.to_timedelta(hours * 3600 + secs, unit="s")
        published = _to_utc(local)
        texts, authors, followers_l, sents, topics_out = [], [], [], [], []
        first_names = T.FIRST_NAMES_FR + T.FIRST_NAMES_EN
        for r in df.itertuples(index=False):
            lang, sent, topic, src_name = r.lang, r.sent, r.topic, r.source
            slots = {
                "brand": r.brand,
                "place": T.PLACES[int(rng.integers(len(T.PLACES)))],
                "event": T.EVENT,
                "mountain": T.MOUNTAIN,
                "road": T.ROAD,
                "person": (T.PERSON_DG if src_name == "news" else T.PERSON_DESK) if r.brand == T.OWN_BRAND else "Sophie",
                "mayor": T.PERSON_MAYOR,
                "trail": T.TRAILS[int(rng.integers(len(T.TRAILS)))],
                "trail_en": T.TRAILS_EN[int(rng.integers(len(T.TRAILS_EN)))],
            }
            if r.kind == "crisis":
                pool = T.CRISIS[sent][lang]
            elif src_name == "news" and rng.random() < 0.6 and r.brand == T.OWN_BRAND:
                pool = T.NEWS[lang]
                sent = "positive" if rng.random() < 0.5 else "neutral"
                topic = "actualités"
            else:
                pool = T.MENTIONS[topic][sent][lang]
                if r.brand != T.OWN_BRAND:  # the region's own places belong to the own brand's texts
                    pool = tuple(x for x in pool if "{brand}" in x) or pool
            body = pool[int(rng.integers(len(pool)))].format(**slots)
            if src_name in ("x", "facebook", "instagram", "forum"):
                pre = T.PREFIX[lang][int(rng.integers(len(T.PREFIX[lang])))]
                if pre:
                    body = pre + body[0].lower() + body[1:]
                body += T.SUFFIX[sent][int(rng.integers(len(T.SUFFIX[sent])))]
            tag = " #" + r.brand.replace("-", "")
            body = body.replace(" #HauteRivière", tag) if r.brand != T.OWN_BRAND else body
            if r.brand not in body and tag.strip() not in body:  # listening tools matched the brand's hashtag or name
                body = body + tag if src_name in ("x", "facebook", "instagram") else f"{r.brand} : {body}"
            texts.append(body)
            sents.append(sent)
            topics_out.append(topic)
            if src_name == "news":
                authors.append(T.NEWS_OUTLETS[int(rng.integers(len(T.NEWS_OUTLETS)))])
                followers_l.append(int(rng.lognormal(np.log(22_000), 0.7)))
            elif src_name == "blog":
                authors.append(T.BLOGS[int(rng.integers(len(T.BLOGS)))])
                followers_l.append(int(rng.lognormal(np.log(3_000), 0.8)))
            else:
                fn = first_names[int(rng.integers(len(first_names)))]
                ln = T.LAST_NAMES[int(rng.integers(len(T.LAST_NAMES)))]
                style = int(rng.integers(3))
                if style == 0:
                    a = f"{fn} {ln}"
                elif style == 1:
                    a = f"{fn[0]}{ln}{int(rng.integers(60, 99))}".lower()
                else:
                    a = f"{fn}_{ln}".lower()
                authors.append(a.replace("é", "e").replace("è", "e").replace("ô", "o") if style else a)
                med = {"x": 420, "facebook": 260, "instagram": 780, "forum": 120}[src_name]
                followers_l.append(int(rng.lognormal(np.log(med), 1.1)))
        fol = np.asarray(followers_l, dtype=np.int64)
        social = np.isin(df["source"].to_numpy(), ["x", "facebook", "instagram", "forum"])
        reach = np.round(fol * np.where(social, rng.uniform(0.08, 0.5, size=n), rng.uniform(0.4, 1.4, size=n))).astype(np.int64)
        eng = rng.poisson(np.maximum(1.0, reach * 0.02))
        # sentiment from the listening export, except ~20 % left unscored
        sent_arr = np.asarray(sents, dtype=object)
        has_sent = rng.random(n) >= 0.2
        score = np.select(
            [sent_arr == "positive", sent_arr == "negative"],
            [rng.uniform(0.25, 0.95, size=n), rng.uniform(-0.95, -0.25, size=n)],
            rng.uniform(-0.15, 0.15, size=n),
        ).round(3)
        # replies by the agency (own brand, social sources), faster and more frequent over time
        own = (df["brand"] == T.OWN_BRAND).to_numpy()
        di = df["di"].to_numpy()
        p_reply = np.select([sent_arr == "negative", sent_arr == "neutral"], [0.5, 0.3], 0.14) * (0.5 + 0.6 * progress[di])
        p_reply = np.where(crisis_mask, 0.45, p_reply)
        replied = own & np.isin(df["source"].to_numpy(), ["x", "facebook", "instagram"]) & (rng.random(n) < p_reply)
        delay_h = rng.lognormal(np.log(np.interp(progress[di], [0, 1], [6.0, 2.0])), 0.9)
        hours_arr = np.asarray(hours)
        night = (hours_arr >= 21) | (hours_arr < 8)
        to_morning = np.where(hours_arr >= 21, 24 - hours_arr + 9, 9 - hours_arr)
        delay_h = np.where(night & ~crisis_mask, to_morning + delay_h * 0.5, delay_h)
        delay_h = np.where(
            crisis_mask & (di == ci), np.maximum(0, 16 - hours_arr) + rng.lognormal(np.log(1.0), 0.6, size=n), delay_h
        )
        replied_at = published + pd.to_timedelta(np.round(delay_h * 3600).astype(np.int64), unit="s")
        replied = replied & (replied_at <= self.as_of)
        mids = _hexid(rng, n, 16)
        url = []
        for i, s in enumerate(df["source"].to_numpy()):
            mid = mids[i]
            url.append(
                {
                    "x": f"https://x.com/i/status/{int(mid, 16) % 10**18}",
                    "facebook": f"https://www.facebook.com/permalink/{int(mid, 16) % 10**15}",
                    "instagram": f"https://www.instagram.com/p/{mid[:11]}/",
                    "news": f"https://nouvelles.example/region/{mid[:10]}",
                    "blog": f"https://blogue.example/{mid[:8]}",
                    "forum": f"https://forum.example/t/{int(mid[:6], 16)}",
                }[s]
            )
        res = pd.DataFrame(
            {
                "mention_id": ["m" + x for x in mids],
                "source": df["source"].to_numpy(),
                "published_at": published,
                "author": authors,
                "author_followers": fol,
                "text": texts,
                "url": url,
                "lang": df["lang"].to_numpy(),
                "reach": reach,
                "engagements": eng,
                "sentiment_label": pd.array(np.where(has_sent, sent_arr, None), dtype="string"),
                "sentiment_score": pd.array(np.where(has_sent, score, np.nan), dtype="Float64"),
                "sentiment_origin": pd.array(np.where(has_sent, "export", None), dtype="string"),
                "brand": df["brand"].to_numpy(),
                "topic": topics_out,
                "replied_at": pd.Series(replied_at).where(replied, pd.NaT).to_numpy(),
                "source_format": SOURCE_FORMAT,
            }
        )
        res["replied_at"] = pd.to_datetime(res["replied_at"], utc=True)
        res = res.sort_values(["published_at", "mention_id"], kind="stable").reset_index(drop=True)
        # planted crisis facts, measured on the generated data (local days)
        own_df = res[res["brand"] == T.OWN_BRAND]
        loc_day = own_df["published_at"].dt.tz_convert(TZ).dt.date
        per_day = loc_day.value_counts()
        on_day = own_df[loc_day == self.crisis]
        labelled = on_day["sentiment_label"].dropna()
        self.manifest["crisis"] = {
            "date": _iso(self.crisis),
            "rule": f"the Tuesday on or before end - {CRISIS_OFFSET_DAYS} days",
            "brand": T.OWN_BRAND,
            "topic": "routes",
            "story": f"landslide closes {T.ROAD}",
            "mentions_on_day": int(per_day.get(self.crisis, 0)),
            "median_daily_mentions": float(per_day.median()),
            "negative_share_on_day": round(float((labelled == "negative").mean()), 3),
            "decay_days": len(CRISIS_MULTIPLIERS),
            "search_query": T.ROAD,  # Search Console impressions for this query spike the same days
        }
        return res

    # ------------------------------------------------------------------ sentiment_daily

    def sentiment_daily(self) -> pd.DataFrame:
        """A press-monitoring dashboard that only gives daily counts (no per-mention rows)."""
        rng = _rng(self.seed, 3)
        m = rng.poisson(2.2 * _weekday_factor(self.days, (1.2, 1.2, 1.2, 1.2, 1.1, 0.5, 0.4)))
        ci = self._idx(self.crisis)
        neg_p = np.full(self.n, 0.12)
        for j, mult in enumerate((6.0, 3.0, 1.6)):
            if ci + j < self.n:
                m[ci + j] = rng.poisson(2.2 * mult)
                neg_p[ci + j] = 0.6
        neg = rng.binomial(m, neg_p)
        pos = rng.binomial(m - neg, 0.5)
        neu = m - neg - pos
        with np.errstate(invalid="ignore", divide="ignore"):
            net = np.where(m > 0, (pos - neg) / np.maximum(m, 1), np.nan)
        return pd.DataFrame(
            {
                "date": self.days.date,
                "source": "news_dashboard",
                "brand": T.OWN_BRAND,
                "topic": None,  # the dashboard gives no topic breakdown
                "mentions": m,
                "positive": pos,
                "neutral": neu,
                "negative": neg,
                "net_sentiment": np.round(net, 4),
                "derived": False,
                "source_format": SOURCE_FORMAT,
            }
        )

    # ------------------------------------------------------------------ traffic

    def traffic(self) -> pd.DataFrame:
        rng = _rng(self.seed, 4)
        days = self.days
        n = self.n
        total = 1850 * _season(days, 0.75, 0.35) / 1.3 * _weekday_factor(days, (1.05, 1.0, 0.97, 0.97, 1.0, 1.0, 1.08))
        month = days.month.to_numpy()
        winter = np.isin(month, [12, 1, 2, 3])
        summer = np.isin(month, [6, 7, 8])
        season_page = np.where(winter, "/activites/ski", np.where(summer, "/evenements/festival", "/plein-air"))
        rows: list[pd.DataFrame] = []

        def add(
            idx: np.ndarray,
            source: str,
            medium: str | None,
            campaign: str | None,
            sessions: np.ndarray,
            landing: Any,
            channel: str,
            conv_rate: float,
            eng_rate: float,
            content: str | None = None,
            rev_share: float = 0.0,
            basket: float = 0.0,
        ) -> None:
            s = np.maximum(0, np.round(sessions)).astype(np.int64)
            keep = s > 0
            idx, s = idx[keep], s[keep]
            if not len(s):
                return
            land = landing[idx] if isinstance(landing, np.ndarray) else np.full(len(s), landing, dtype=object)
            engaged = rng.binomial(s, min(0.95, eng_rate))
            conv = rng.binomial(engaged, conv_rate).astype(float)
            bookings = rng.binomial(conv.astype(np.int64), rev_share) if rev_share else np.zeros(len(s), dtype=np.int64)
            revenue = np.round(bookings * basket * rng.lognormal(0, 0.25, size=len(s)), 2)
            users = np.maximum(1, np.round(s * rng.uniform(0.8, 0.92, size=len(s)))).astype(np.int64)
            rows.append(
                pd.DataFrame(
                    {
                        "date": days[idx].date,
                        "source": source,
                        "medium": medium,
                        "campaign": campaign,
                        "content": content,
                        "channel": channel,
                        "landing_page": land,
                        "sessions": s,
                        "users": users,
                        "new_users": np.round(users * rng.uniform(0.6, 0.8, size=len(s))).astype(np.int64),
                        "engaged_sessions": engaged,
                        "views": np.round(s * rng.uniform(1.8, 2.9, size=len(s))).astype(np.int64),
                        "event_count": np.round(s * rng.uniform(5.0, 8.0, size=len(s))).astype(np.int64),
                        "conversions": conv,
                        "revenue": np.where(rev_share > 0, revenue, 0.0),
                    }
                )
            )

        allidx = np.arange(n)
        noise = lambda: rng.lognormal(0, 0.12, size=n)  # noqa: E731
        # organic search, direct, referral
        for page, share in (
            ("/", 0.16),
            ("/hebergement", 0.11),
            (season_page, 0.12),
            ("/plein-air", 0.04),
            ("/carte-region", 0.03),
        ):
            land = page if isinstance(page, np.ndarray) else page
            add(
                allidx,
                "google",
                "organic",
                "(organic)",
                total * share * noise(),
                land,
                "Organic Search",
                0.018,
                0.66,
                rev_share=0.15,
                basket=260,
            )
        add(allidx, "bing", "organic", "(organic)", total * 0.025 * noise(), "/", "Organic Search", 0.015, 0.6)
        add(allidx, "duckduckgo", "organic", "(organic)", total * 0.008 * noise(), "/", "Organic Search", 0.015, 0.62)
        add(
            allidx, "(direct)", "(none)", "(direct)", total * 0.14 * noise(), "/", "Direct", 0.025, 0.6, rev_share=0.2, basket=280
        )
        add(
            allidx,
            "(direct)",
            "(none)",
            "(direct)",
            total * 0.07 * noise(),
            "/hebergement",
            "Direct",
            0.03,
            0.64,
            rev_share=0.2,
            basket=280,
        )
        for ref, share in (("stationmontorignal.ca", 0.03), ("quebec-escapades.example", 0.025), ("lecourrierhr.example", 0.012)):
            add(allidx, ref, "referral", "(referral)", total * share * noise(), season_page, "Referral", 0.022, 0.62)
        # organic social: flat over the period (the traffic goal is off track)
        flat = 1850 * _season(days, 0.25, 0.1) / 1.1 * _weekday_factor(days, (1.0, 1.0, 1.0, 1.0, 1.05, 1.12, 1.1))
        tik = days.date >= self.tiktok_start
        for src, share in (
            ("m.facebook.com", 0.035),
            ("l.facebook.com", 0.02),
            ("facebook.com", 0.012),
            ("l.instagram.com", 0.018),
            ("instagram.com", 0.007),
            ("t.co", 0.007),
            ("lnkd.in", 0.005),
            ("linkedin.com", 0.004),
        ):
            add(allidx, src, "referral", "(referral)", flat * share * noise(), season_page, "Organic Social", 0.009, 0.45)
        add(allidx, "youtube.com", "referral", "(referral)", flat * 0.004 * noise(), season_page, "Organic Video", 0.008, 0.5)
        add(
            allidx[tik],
            "tiktok.com",
            "referral",
            "(referral)",
            (flat * 0.004 * noise())[tik],
            season_page,
            "Organic Social",
            0.006,
            0.35,
        )
        # monthly newsletter (no utm_campaign: "(not set)")
        send = np.zeros(n)
        for i, d in enumerate(days):
            if d.day <= 7 and d.day_of_week == 3:  # first Thursday
                send[i : i + 4] += np.array([1.0, 0.45, 0.2, 0.1])[: n - i]
        idx = np.flatnonzero(send > 0)
        add(idx, "newsletter", "email", "(not set)", (240 * send * noise())[idx], "/", "Email", 0.035, 0.72)

        # campaigns
        registry_utm = []
        for c in self.campaigns:
            lo, hi = max(c["start"], self.start), min(c["end"], self.end)
            idx = np.flatnonzero((days.date >= lo) & (days.date <= hi))
            if not len(idx):
                continue
            if c["role"] == "registry_only":
                continue  # registered and paid for, but never tagged: no traffic
            registry_utm.append(c["utm"])
            daily_budget = c["weekly"] / 7.0
            cpc = {"linkedin": 3.2}.get(c["platforms"][0], 0.85)
            paid = daily_budget / cpc * rng.lognormal(0, 0.18, size=len(idx))
            utm, role, kind = c["utm"], c["role"], c["kind"]
            land = {
                "hiver": "/forfaits/ski-hebergement",
                "congres": "/affaires/congres",
                "printemps": "/printemps-gourmand",
                "festival-ete": "/evenements/festival",
                "automne": "/route-des-couleurs",
            }[kind]
            conv = {"hiver": 0.035, "congres": 0.05, "printemps": 0.02, "festival-ete": 0.035, "automne": 0.04}[kind]
            rev = {"hiver": (0.12, 310.0), "festival-ete": (0.5, 65.0)}.get(kind, (0.0, 0.0))
            if role == "pays_off":
                conv = 0.14
                cap = utm.capitalize()
                add(idx, "facebook", "paid_social", utm, paid * 0.40, land, "Paid Social", conv, 0.55, "carrousel", *rev)
                add(idx, "Facebook", "paid_social", cap, paid * 0.12, land, "Paid Social", conv, 0.55, "video-15s", *rev)
                add(idx, "fb", "cpc", utm, paid * 0.10, land, "Paid Social", conv, 0.5, "story", *rev)
                add(idx, "instagram", "paid_social", utm, paid * 0.38, land, "Paid Social", conv, 0.5, "reel", *rev)
                send = np.isin(days[idx].day_of_week, [1]) & (rng.random(len(idx)) < 0.7)
                add(
                    idx[send],
                    "newsletter",
                    "email",
                    cap,
                    220 * rng.lognormal(0, 0.2, size=int(send.sum())),
                    land,
                    "Email",
                    conv * 1.2,
                    0.75,
                    "infolettre",
                    *rev,
                )
            elif role == "does_not_pay":
                add(idx, "facebook", "paid_social", utm, paid * 0.55, land, "Paid Social", 0.004, 0.28, "carrousel")
                add(idx, "instagram", "paid_social", utm, paid * 0.45, land, "Paid Social", 0.004, 0.25, "story")
            elif role == "paid_tagged_social":
                # paid ads tagged utm_medium=social: GA4 files them under Organic Social
                add(idx, "facebook", "social", utm, paid * 0.6, land, "Organic Social", conv, 0.45, "video-15s", *rev)
                add(idx, "instagram", "social", utm, paid * 0.4, land, "Organic Social", conv, 0.45, "reel", *rev)
            elif role == "missing_medium":
                add(idx, "facebook", "paid_social", utm, paid * 0.6, land, "Paid Social", conv, 0.5, "carrousel")
                add(idx, "instagram", "paid_social", utm, paid * 0.4, land, "Paid Social", conv, 0.5, "reel")
                send = np.isin(days[idx].day_of_week, [3]) & (rng.random(len(idx)) < 0.8)
                add(
                    idx[send],
                    "newsletter",
                    "(not set)",
                    utm,
                    210 * rng.lognormal(0, 0.2, size=int(send.sum())),
                    land,
                    "Unassigned",
                    conv,
                    0.7,
                    "infolettre",
                )
            elif kind == "congres":
                add(idx, "linkedin", "paid_social", utm, paid, land, "Paid Social", conv, 0.6, "sponsored-content")
                add(idx, "lnkd.in", "referral", utm, paid * 0.15, land, "Organic Social", conv, 0.6, "post-organique")
            else:
                for src, share, content in (("facebook", 0.6, "carrousel"), ("instagram", 0.4, "reel")):
                    add(idx, src, "paid_social", utm, paid * share, land, "Paid Social", conv, 0.5, content, *rev)
        # a photo contest someone tagged without registering it
        u = self.special["unregistered"]
        idx = np.flatnonzero((days.date >= max(u["start"], self.start)) & (days.date <= min(u["end"], self.end)))
        add(
            idx,
            "instagram",
            "social",
            u["utm"],
            55 * rng.lognormal(0, 0.3, size=len(idx)),
            "/concours",
            "Organic Social",
            0.03,
            0.5,
            "story",
        )
        df = pd.concat(rows, ignore_index=True)
        # a page can be both the season page and a fixed one: merge rows that share a key
        keys = ["date", "source", "medium", "campaign", "content", "channel", "landing_page"]
        df = df.groupby(keys, dropna=False, sort=False).sum().reset_index()
        df["grain"] = "day"
        df["property"] = T.WEBSITE
        df["source_format"] = SOURCE_FORMAT
        df = df.sort_values(
            ["date", "channel", "source", "medium", "campaign", "landing_page"], kind="stable", na_position="last"
        )
        return df.reset_index(drop=True)

    # ------------------------------------------------------------------ leads

    def leads(self) -> pd.DataFrame:
        rng = _rng(self.seed, 5)
        recs = []
        base = np.linspace(0.3, 0.85, self.n)  # organic leads per day, growing
        for i, day in enumerate(self.days.date):
            k = rng.poisson(base[i] * (0.4 if day.weekday() >= 5 else 1.15))
            for _ in range(k):
                u = rng.random()
                if u < 0.35:
                    recs.append((i, "google", "organic", None))
                elif u < 0.55:
                    recs.append((i, "(direct)", "(none)", None))
                elif u < 0.7:
                    recs.append((i, "stationmontorignal.ca", "referral", None))
                elif u < 0.85:
                    recs.append((i, "linkedin", "social", None))
                else:
                    recs.append((i, "newsletter", "email", None))
        for c in self.campaigns:
            lo, hi = max(c["start"], self.start), min(c["end"], self.end)
            if hi < lo or c["role"] == "registry_only":
                continue
            per_day = {"congres": 0.3, "hiver": 0.25, "printemps": 0.015, "festival-ete": 0.06, "automne": 0.08}[c["kind"]]
            if c["role"] == "pays_off":
                per_day = 0.7
            src = {"congres": ("linkedin", "paid_social")}.get(c["kind"], ("facebook", "paid_social"))
            if c["role"] == "paid_tagged_social":
                src = ("facebook", "social")
            for d in range((hi - lo).days + 1):
                i = self._idx(lo + dt.timedelta(days=d))
                for _ in range(rng.poisson(per_day)):
                    recs.append((i, src[0], src[1], c["utm"]))
        n = len(recs)
        di = np.array([r[0] for r in recs])
        order = np.argsort(di, kind="stable")
        recs = [recs[j] for j in order]
        di = di[order]
        hours = rng.integers(7, 22, size=n)
        secs = rng.integers(0, 3600, size=n)
        local = self.days[di] + pd.to_timedelta(hours * 3600 + secs, unit="s")
        created = _to_utc(local)
        age = np.array([(self.end - d).days for d in self.days[di].date])
        stages, values, ids = [], [], []
        first_names = T.FIRST_NAMES_FR + T.FIRST_NAMES_EN
        for j in range(n):
            a = age[j]
            u = rng.random()
            if a < 7:
                st = "new" if u < 0.7 else "contacted"
            elif a < 30:
                st = "new" if u < 0.1 else "contacted" if u < 0.5 else "qualified" if u < 0.8 else "lost"
            else:
                st = "contacted" if u < 0.12 else "qualified" if u < 0.27 else "won" if u < 0.55 else "lost"
            stages.append(st)
            big = recs[j][3] is not None and recs[j][3].startswith("congres")
            values.append(round(float(rng.lognormal(np.log(6500 if big else 1400), 0.6)), 2) if st == "won" else None)
            fn = first_names[int(rng.integers(len(first_names)))].lower()
            ln = T.LAST_NAMES[int(rng.integers(len(T.LAST_NAMES)))].lower()
            email = f"{fn}.{ln}{int(rng.integers(1, 999))}@{T.EMAIL_DOMAINS[int(rng.integers(len(T.EMAIL_DOMAINS)))]}"
            ids.append(lead_id(email, self.salt))  # the e-mail itself is never stored
        return pd.DataFrame(
            {
                "lead_id": ids,
                "created_at": created,
                "source": [r[1] for r in recs],
                "medium": [r[2] for r in recs],
                "campaign": [r[3] for r in recs],
                "stage": stages,
                "value": pd.array(values, dtype="Float64"),
                "source_format": SOURCE_FORMAT,
            }
        ).drop_duplicates("lead_id", keep="first")

    # ------------------------------------------------------------------ costs

    def costs(self) -> pd.DataFrame:
        rng = _rng(self.seed, 6)
        recs: list[dict[str, Any]] = []
        for c in self.campaigns:
            lo, hi = max(c["start"], self.start), min(c["end"], self.end)
            if hi < lo:
                continue
            weekly = c["weekly"]
            split = {"linkedin": {"linkedin": 1.0}}.get(c["platforms"][0], {"facebook": 0.58, "instagram": 0.42})
            if c["kind"] == "motoneige":
                split = {"facebook": 1.0}
            wk = lo - dt.timedelta(days=lo.weekday())
            while wk <= hi:
                a, b = max(wk, lo), min(wk + dt.timedelta(days=6), hi)
                frac = ((b - a).days + 1) / 7.0
                for plat, share in split.items():
                    amount = round(weekly * share * frac * float(rng.uniform(0.9, 1.08)), 2)
                    cpm = 24.0 if plat == "linkedin" else 9.5
                    imps = int(amount / cpm * 1000 * rng.uniform(0.85, 1.15))
                    clicks = int(imps * (0.004 if plat == "linkedin" else 0.011) * rng.uniform(0.8, 1.2))
                    recs.append(
                        {
                            "date": a,
                            "period_end": b,
                            "platform": plat,
                            "campaign": c["utm"],
                            "category": "ads",
                            "amount": amount,
                            "impressions": imps,
                            "clicks": clicks,
                            "note": "LinkedIn Campaign Manager" if plat == "linkedin" else "Meta Ads Manager",
                        }
                    )
                wk += dt.timedelta(days=7)
        # monthly costs: staff hours x rate, tools, agency retainer (last month prorated to `end`)
        m = dt.date(self.start.year, self.start.month, 1)
        while m <= self.end:
            nxt = (pd.Timestamp(m) + pd.offsets.MonthBegin(1)).date()
            a, b = max(m, self.start), min(nxt - dt.timedelta(days=1), self.end)
            frac = ((b - a).days + 1) / ((nxt - m).days)
            hours = round(float(rng.uniform(52, 68)) * frac, 1)
            rate = 48.0 if m.year <= self.start.year else 50.0
            recs.append(
                {
                    "date": a,
                    "period_end": b,
                    "platform": None,
                    "campaign": None,
                    "category": "staff",
                    "amount": round(hours * rate, 2),
                    "note": f"{hours} h x {rate:.0f} $/h (coordonnatrice médias sociaux)",
                }
            )
            recs.append(
                {
                    "date": a,
                    "period_end": b,
                    "platform": None,
                    "campaign": None,
                    "category": "tools",
                    "amount": round(379.0 * frac, 2),
                    "note": "planification 129 $ + veille médias 250 $",
                }
            )
            recs.append(
                {
                    "date": a,
                    "period_end": b,
                    "platform": None,
                    "campaign": None,
                    "category": "agency",
                    "amount": round(1400.0 * frac, 2),
                    "note": "agence de contenu (forfait mensuel)",
                }
            )
            m = nxt
        df = pd.DataFrame(recs)
        df["currency"] = "CAD"
        df["source_format"] = SOURCE_FORMAT
        return df

    # ------------------------------------------------------------------ configs

    def configs(self) -> dict[str, Any]:
        aud = self.frames["audience"]
        campaigns = [
            {
                "name": c["name"],
                "utm_campaign": c["utm"],
                "platforms": c["platforms"],
                "start": _iso(c["start"]),
                "end": _iso(c["end"]),
                "budget": round(c["weekly"] * (((c["end"] - c["start"]).days + 1) / 7.0), -1),
                "objective": c["objective"],
                "value_per_conversion": c["vpc"],
                "value_per_lead": c["vpl"],
            }
            for c in self.campaigns
        ]
        end = self.end
        # goals start on the first day of a month about 8 months before `end`; flow and ratio goals
        # are followed per calendar month ("period": "month"), their baseline is the month before the start
        g_start = (pd.Timestamp(end) - pd.DateOffset(months=8)).date().replace(day=1)
        g_deadline = (pd.Timestamp(end) + pd.DateOffset(months=4)).date().replace(day=1) - dt.timedelta(days=1)
        b_lo = (pd.Timestamp(g_start) - pd.DateOffset(months=1)).date()
        in_base = lambda d: (d >= b_lo) & (d < g_start)  # noqa: E731

        igs = aud[aud["platform"] == "instagram"].set_index("date")["followers"].astype(float)
        ig0 = float(igs[g_start - dt.timedelta(days=1)])
        # on track: the target sits just below where the last 8 weeks' trend leads at the deadline
        last_sundays = [end - dt.timedelta(days=7 * k) for k in range(8)][::-1]
        x = np.array([(d - end).days for d in last_sundays], dtype=float)
        slope, icpt = np.polyfit(x, igs[last_sundays].to_numpy(), 1)
        ig_proj = icpt + slope * (g_deadline - end).days
        ig_target = float(round(ig0 + (ig_proj - ig0) * 0.9, -2))
        tr = self.frames["traffic"]
        soc = tr[tr["channel"] == "Organic Social"]
        soc_base = float(soc.loc[in_base(soc["date"]), "sessions"].sum())
        igd = aud[(aud["platform"] == "instagram") & in_base(aud["date"])]
        er0 = round(float(igd["engagements"].sum() / igd["reach"].sum()), 3)
        men = self.frames["mentions"]
        own = men[men["brand"] == T.OWN_BRAND]
        before = own.loc[in_base(own["published_at"].dt.tz_convert(TZ).dt.date), "sentiment_label"]
        ratio0 = round(float((before == "positive").sum() / max(1, (before == "negative").sum())), 2)
        leads = self.frames["leads"]
        lmonth = leads["created_at"].dt.tz_convert(TZ).dt.date.map(lambda d: d.replace(day=1))
        per_month = lmonth[(lmonth < g_start) & (lmonth > self.start)].value_counts()
        leads_base = float(per_month.iloc[-12:].median()) if len(per_month) else 10.0  # a typical month
        goals = [
            {
                "id": "g-presence-instagram",
                "objective": "presence",
                "metric": "followers",
                "scope": {"platform": "instagram", "campaign": None},
                "baseline": ig0,
                "target": ig_target,
                "start": _iso(g_start),
                "deadline": _iso(g_deadline),
                "owner": "Camille Fortin",
            },
            {
                "id": "g-presence-engagement",
                "objective": "presence",
                "metric": "engagement_rate_reach",
                "scope": {"platform": "instagram", "campaign": None},
                "baseline": er0,
                "target": round(er0 * 1.25, 3),
                "start": _iso(g_start),
                "deadline": _iso(g_deadline),
                "owner": "Camille Fortin",
            },
            {
                "id": "g-sentiment-ratio",
                "objective": "sentiment",
                "metric": "pos_neg_ratio",
                "scope": {"platform": None, "campaign": None},
                "baseline": ratio0,
                "target": round(ratio0 * 1.8, 1),
                "start": _iso(g_start),
                "deadline": _iso(g_deadline),
                "owner": T.PERSON_DESK,
                "period": "month",
            },
            {
                "id": "g-relationships-leads",
                "objective": "relationships",
                "metric": "new_leads",
                "scope": {"platform": None, "campaign": None},
                "baseline": leads_base,
                "target": float(round(leads_base * 1.3)),
                "start": _iso(g_start),
                "deadline": _iso(g_deadline),
                "owner": T.PERSON_DG,
                "period": "month",
            },
            {
                "id": "g-traffic-social",
                "objective": "traffic",
                "metric": "social_sessions",
                "scope": {"platform": None, "campaign": None},
                "baseline": round(soc_base, -1),
                "target": round(soc_base * 1.8, -1),
                "start": _iso(g_start),
                "deadline": _iso(g_deadline),
                "owner": "Camille Fortin",
                "period": "month",
            },
        ]
        w = dt.timedelta(days=JOURNAL_WINDOW_DAYS)
        open_date = end - dt.timedelta(days=18)
        journal = [
            {
                "id": "j-2-linkedin-hashtags",
                "date": _iso(self.noeffect_date),
                "change": "Ajouter trois mots-clics régionaux à chaque publication LinkedIn",
                "why": "Une agence voisine dit avoir gagné en portée ainsi",
                "hypothesis": "Les mots-clics élargissent la portée auprès des planificateurs d'événements",
                "metric": "impressions",
                "scope": {"platform": "linkedin", "campaign": None},
                "expected_change_pct": 20.0,
                "review_date": _iso(self.noeffect_date + w),
                "owner": "Camille Fortin",
                "status": "closed",
                "verdict": "Aucun effet mesurable sur les impressions",
                "decision": "Abandonner; tester plutôt les carrousels PDF",
            },
            {
                "id": "j-1-reels-evening",
                "date": _iso(self.effect_date),
                "change": "Publier les reels Instagram en soirée (19 h à 21 h) plutôt qu'en matinée",
                "why": "La carte jour x heure montre un engagement plus fort le soir",
                "hypothesis": "Notre communauté est disponible après le souper: l'engagement Instagram augmentera",
                "metric": "engagements",
                "scope": {"platform": "instagram", "campaign": None},
                "expected_change_pct": 25.0,
                "review_date": _iso(self.effect_date + w),
                "owner": "Camille Fortin",
                "status": "closed",
                "verdict": "Hausse nette de l'engagement Instagram",
                "decision": "Garder la plage du soir et l'étendre à Facebook",
            },
            {
                "id": "j-3-faq-replies",
                "date": _iso(open_date),
                "change": "Répondre aux questions fréquentes avec des réponses types validées en moins de 2 h",
                "why": "La crise de la route a montré des délais de réponse trop longs",
                "hypothesis": "Des réponses plus rapides améliorent le ratio de mentions positives/négatives",
                "metric": "pos_neg_ratio",
                "scope": {"platform": None, "campaign": None},
                "expected_change_pct": 10.0,
                "review_date": _iso(open_date + w),
                "owner": T.PERSON_DESK,
                "status": "open",
                "verdict": None,
                "decision": "",
            },
        ]
        journal.sort(key=lambda j: j["date"])
        assess = end - dt.timedelta(days=30)
        maturity = {
            # answers to the questionnaire of metrics/maturity.py: levels 2 and 3 fully in place,
            # level 4 lacks a named community manager, level 5 barely started
            "assessments": [
                {
                    "date": _iso(assess),
                    "answers": {
                        "accounts_inventory": "yes",
                        "monitoring_scope": "yes",
                        "monitoring_owner": "yes",
                        "publishing_rights": "yes",
                        "staff_guidelines": "yes",
                        "response_practice": "yes",
                        "objectives": "yes",
                        "editorial_policy": "yes",
                        "content_calendar": "yes",
                        "community_owner": "partly",
                        "roi_owner": "yes",
                        "service_integration": "partly",
                        "innovation_integration": "no",
                        "staff_training": "partly",
                    },
                }
            ],
            "peers": [
                {"name": T.COMPETITOR_AGENCIES[T.COMPETITORS[0]], "kind": "competitor", "level": 3, "date": _iso(assess)},
                {"name": T.COMPETITOR_AGENCIES[T.COMPETITORS[1]], "kind": "competitor", "level": 2, "date": _iso(assess)},
                {"name": T.PARTNERS[0], "kind": "partner", "level": 4, "date": _iso(assess)},
            ],
            "phases": {
                "listen": "done",
                "profiles": "done",
                "content": "done",
                "distribute": "in_progress",
                "community": "in_progress",
                "measure": "in_progress",
            },
        }
        self.manifest["journal"] = {
            "effect": {
                "id": "j-1-reels-evening",
                "date": _iso(self.effect_date),
                "review_date": _iso(self.effect_date + w),
                "metric": "engagements",
                "platform": "instagram",
                "planted_change_pct": PLANTED_EFFECT * 100,
                "window_days": JOURNAL_WINDOW_DAYS,
            },
            "no_effect": {
                "id": "j-2-linkedin-hashtags",
                "date": _iso(self.noeffect_date),
                "review_date": _iso(self.noeffect_date + w),
                "metric": "impressions",
                "platform": "linkedin",
                "planted_change_pct": 0.0,
                "window_days": JOURNAL_WINDOW_DAYS,
            },
            "open": {"id": "j-3-faq-replies", "date": _iso(open_date), "review_date": _iso(open_date + w)},
        }
        self.manifest["goals"] = {
            "on_track": ["g-presence-instagram"],
            "off_track": ["g-traffic-social"],
            "ids": [g["id"] for g in goals],
        }
        return {
            "workspace": {
                "display_name": T.DISPLAY_NAME,
                "timezone": TZ,
                "currency": "CAD",
                "own_brand": T.OWN_BRAND,
                "competitors": list(T.COMPETITORS),
                "partners": list(T.PARTNERS),
                "lead_salt": self.salt,
                # defaults for conversions and leads outside a registered campaign (estimates)
                "value_per_conversion": 20.0,
                "value_per_lead": 35.0,
            },
            "campaigns": campaigns,
            "goals": goals,
            "journal": journal,
            "maturity": maturity,
            "tracked_terms": [{"term": t, "kind": k} for t, k in T.TRACKED_TERMS],
            "alerts": {"sensitivity": 3.5, "cooldown_days": 3, "min_mentions": 10},
        }

    # ------------------------------------------------------------------ all

    def build(self) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
        self.frames["audience"] = self.audience()
        self.frames["posts"] = self.posts()
        # posts_published on the audience series, from the posts themselves
        pp = self.post_days.value_counts().rename("posts_published").reset_index()
        aud = self.frames["audience"].merge(pp, on=["platform", "date"], how="left")
        aud["posts_published"] = aud["posts_published"].fillna(0).astype("int64")
        self.frames["audience"] = aud
        self.frames["content_daily"] = self.content_daily()
        self.frames["mentions"] = self.mentions()
        self.frames["sentiment_daily"] = self.sentiment_daily()
        self.frames["traffic"] = self.traffic()
        self.frames["leads"] = self.leads()
        self.frames["costs"] = self.costs()
        self.frames["audience_breakdown"] = self.audience_breakdown()
        self.frames["search"] = self.search()
        configs = self.configs()
        self.manifest.update(self._campaign_manifest(configs["campaigns"]))
        return self.frames, configs

    def _campaign_manifest(self, registry: list[dict[str, Any]]) -> dict[str, Any]:
        roles = self.roles
        tr, costs, leads = self.frames["traffic"], self.frames["costs"], self.frames["leads"]
        conv = tr.assign(c=tr["campaign"].str.lower()).groupby("c")["conversions"].sum()
        cost = costs[costs["category"] == "ads"].groupby("campaign")["amount"].sum()
        nlead = leads.groupby("campaign")["lead_id"].count()
        summary = {}
        for r in registry:
            u = r["utm_campaign"]
            value = float(conv.get(u, 0.0)) * r["value_per_conversion"] + float(nlead.get(u, 0)) * r["value_per_lead"]
            summary[u] = {"cost": round(float(cost.get(u, 0.0)), 2), "value": round(value, 2)}
        pay = roles["pays_off"]["utm"]
        fest = roles["paid_tagged_social"]["utm"]
        return {
            "paying_campaign": pay,
            "losing_campaigns": [roles["does_not_pay"]["utm"], roles["registry_only"]["utm"]],
            "campaign_value_cost": summary,
            "value_rule": "conversions x value_per_conversion + leads x value_per_lead (revenue reported separately)",
            "utm_variants": {
                "source_variants": {"facebook": ["facebook", "Facebook", "fb"]},
                "campaign_case_variants": {pay: [pay, pay.capitalize()]},
                "missing_medium": {"campaign": roles["missing_medium"]["utm"], "source": "newsletter", "medium": "(not set)"},
                "unregistered_in_traffic": self.special["unregistered"]["utm"],
                "registry_only": roles["registry_only"]["utm"],
                "paid_tagged_social": {"campaign": fest, "medium": "social", "channel": "Organic Social"},
            },
        }


# --------------------------------------------------------------------------- entry points


def generate(root: Path, workspace: str = "demo", *, end: dt.date, seed: int = 20261122, months: int = 18) -> dict[str, Any]:
    """Write the demo workspace into the store at ``root`` and return the manifest of planted facts."""
    root = Path(root)
    demo = _Demo(end, seed, months)
    frames, configs = demo.build()
    store.write_frames(
        root,
        workspace,
        list(frames.items()),
        fmt="sample_data",
        file_name="sample_data",
        now=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(7, 0), tzinfo=dt.timezone.utc),
    )
    for name, doc in configs.items():
        store.save_config(root, workspace, name, doc)
    manifest: dict[str, Any] = {
        "workspace": workspace,
        "seed": seed,
        "start": _iso(demo.start),
        "end": _iso(end),
        "timezone": TZ,
        "currency": "CAD",
        "display_name": T.DISPLAY_NAME,
        "own_brand": T.OWN_BRAND,
        "competitors": list(T.COMPETITORS),
        "partners": list(T.PARTNERS),
        "platforms": list(PLATFORMS),
        "tiktok_start": _iso(demo.tiktok_start),
        "tracked_terms": [t for t, _ in T.TRACKED_TERMS],
        "rows": {t: len(df) for t, df in frames.items()},
        **demo.manifest,
    }
    return manifest


def _timing_factor(dow: int, hour: int) -> float:
    """How much an audience is around at a local weekday (0=Mon) and hour: the planted heatmap."""
    weekend = dow >= 5
    if 2 <= hour <= 5:
        return 0.8 if weekend else 0.12
    if hour < 2 or hour == 23:
        return 0.5
    if 6 <= hour <= 7:
        return 0.7
    if 18 <= hour <= 21:
        return 2.0 if not weekend else 2.2
    if hour == 22:
        return 1.2
    if 11 <= hour <= 13:
        return 1.15 * (1.35 if weekend else 1.0)
    return 1.35 if weekend else 0.9


def ensure_demo(root: Path, today: dt.date) -> bool:
    """Generate ``demo`` if the store holds no workspace at all; True when it generated."""
    root = Path(root)
    if store.list_workspaces(root):
        return False
    generate(root, "demo", end=last_complete_iso_week_sunday(today))
    return True
