"""Calibration of the before/after verdict (metrics.loop): false verdicts on series with no real
change stay at the nominal rate, a real +/-30 % change is still found, and the interval is the
documented formula on a tiny hand-computed series.

Simulated series (the noise model of issue 14): value(day) = 100 x weekly[weekday] x level x
(1 + 0.08 z(day)), z standard normal, either independent from day to day or AR(1) with
rho = 0.6 (stationary from the first day); level = 1 before the action and 1 (null), 1.3 or 0.7
after it. Window lengths are the journal's usual review horizons (4 to 8 weeks, default 6,
whole weeks or not) and the action falls on any weekday.

Measured with these seeds: false improved/worse 1.8 % (11 of 600, independent) and 4.5 %
(27 of 600, AR(1) 0.6); a +30 % change is called improved on 100 % (independent) and 98.5 %
(AR(1)) of 200 series, a -30 % change worse on 100 % and 100 %.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from metrics import loop as L

WEEKLY = np.array([1.10, 1.15, 1.10, 1.05, 1.00, 0.80, 0.80])  # Monday .. Sunday
NOISE = 0.08
WINDOWS = (28, 30, 35, 42, 45, 56)  # days before = days after = review date - action date
FIRST_DAY = dt.date(2026, 1, 5)  # a Monday
N_NULL = 600
N_EFFECT = 200
MAX_FALSE = 0.06


def simulate(n_sims: int, rho: float, effect: float, seed: int) -> list[tuple[pd.Series, pd.Series]]:
    """``n_sims`` (before, after) pairs of daily series; the noise of all series is drawn at once."""
    rng = np.random.default_rng(seed)
    n = 2 * max(WINDOWS)
    eps = rng.standard_normal((n_sims, n))
    z = np.empty_like(eps)
    z[:, 0] = eps[:, 0]
    for t in range(1, n):  # AR(1) with unit variance: z_t = rho z_(t-1) + sqrt(1 - rho^2) eps_t
        z[:, t] = rho * z[:, t - 1] + math.sqrt(1.0 - rho * rho) * eps[:, t]
    windows = rng.choice(WINDOWS, n_sims)
    offsets = rng.integers(0, 7, n_sims)
    out = []
    for i in range(n_sims):
        w = int(windows[i])
        days = pd.date_range(FIRST_DAY + dt.timedelta(days=int(offsets[i])), periods=2 * w, freq="D")
        level = np.where(np.arange(2 * w) < w, 1.0, 1.0 + effect)
        y = 100.0 * WEEKLY[days.day_of_week] * level * (1.0 + NOISE * z[i, : 2 * w])
        s = pd.Series(y, index=days)
        out.append((s.iloc[:w], s.iloc[w:]))
    return out


def verdicts(pairs: list[tuple[pd.Series, pd.Series]]) -> pd.Series:
    """The verdict of each pair, for an action that hoped for a rise (the page's rule)."""
    return pd.Series([L.verdict(L.compare(b, a), direction=1) for b, a in pairs])


@pytest.mark.parametrize(("rho", "seed"), [(0.0, 11), (0.6, 12)], ids=["independent", "ar1_0.6"])
def test_false_verdict_rate_on_null_series_is_at_most_6_percent(rho, seed):
    v = verdicts(simulate(N_NULL, rho, 0.0, seed))
    assert (v == "insufficient_data").sum() == 0
    false_rate = v.isin(["improved", "worse"]).mean()
    assert false_rate <= MAX_FALSE, f"false verdicts {false_rate:.1%} on {N_NULL} null series (rho={rho})"
    # both kinds of error occur: the interval is two-sided, not shifted one way
    assert (v == "improved").sum() >= 1 and (v == "worse").sum() >= 1


@pytest.mark.parametrize(("rho", "seed"), [(0.0, 21), (0.6, 22)], ids=["independent", "ar1_0.6"])
def test_planted_30_percent_effects_are_detected(rho, seed):
    up = verdicts(simulate(N_EFFECT, rho, 0.30, seed))
    down = verdicts(simulate(N_EFFECT, rho, -0.30, seed + 100))
    assert (up == "improved").mean() >= 0.95, f"+30 % called improved on {(up == 'improved').mean():.1%}"
    assert (down == "worse").mean() >= 0.95, f"-30 % called worse on {(down == 'worse').mean():.1%}"
    assert not up.isin(["worse"]).any() and not down.isin(["improved"]).any()


def test_seasonally_adjusted_verdict_stays_calibrated():
    """With the same windows a year earlier (also without change), the adjusted change divides
    two noisy ratios: its interval must widen accordingly (AR(1) 0.6, the harder case)."""
    now, year_before = simulate(300, 0.6, 0.0, 31), simulate(300, 0.6, 0.0, 32)
    v = []
    for (b, a), (bl, al) in zip(now, year_before, strict=True):
        w = min(len(b), len(bl))
        c = L.compare(b.iloc[-w:], a.iloc[:w], bl.iloc[-w:], al.iloc[:w], window_days=w)
        assert c.seasonally_adjusted
        v.append(L.verdict(c, 1))
    assert pd.Series(v).isin(["improved", "worse"]).mean() <= MAX_FALSE


def test_before_after_uses_the_calibrated_comparison():
    """The journal's entry point gives the same interval and verdict as compare()."""
    (b, a), = simulate(1, 0.6, 0.30, 5)
    s = pd.concat([b, a])
    d = a.index[0].date()
    act = {"id": "c", "date": d.isoformat(), "review_date": (d + dt.timedelta(days=len(a))).isoformat(),
           "metric": "engagements", "scope": {}, "expected_change_pct": 10}
    res = L.before_after(act, None, d + dt.timedelta(days=len(a) + 1),
                         values=lambda m, lo, hi, sc: s.reindex(pd.date_range(lo, hi, freq="D")))
    c = L.compare(b, a)
    assert (res.change, res.ci_low, res.ci_high, res.df) == (c.change, c.ci_low, c.ci_high, c.df)
    assert res.verdict == L.verdict(c, 1) == "improved"
    act["expected_change_pct"] = -10  # the same rise, when a fall was hoped for
    assert L.before_after(act, None, d + dt.timedelta(days=len(a) + 1),
                          values=lambda m, lo, hi, sc: s.reindex(pd.date_range(lo, hi, freq="D"))).verdict == "worse"


# --------------------------------------------------------------------------- known values


def test_t_quantile_matches_the_tables():
    # Student's t two-sided 95 % critical values (any statistics table)
    assert L.t_quantile(0.975, 1) == pytest.approx(12.7062, abs=1e-4)
    assert L.t_quantile(0.975, 4) == pytest.approx(2.7764, abs=1e-4)
    assert L.t_quantile(0.975, 10) == pytest.approx(2.2281, abs=1e-4)
    assert L.t_quantile(0.975, 1e6) == pytest.approx(1.9600, abs=1e-4)
    assert L.t_quantile(0.025, 10) == pytest.approx(-2.2281, abs=1e-4)


def test_interval_on_a_tiny_series_by_hand():
    """Before 8, 12, 10 then after 15, 11, 13 on six consecutive days.

    Six days cannot carry six weekday effects, so the levels are the plain means: 10 and 13,
    change = 13 / 10 - 1 = 0.3. Residuals -2, 2, 0, 2, -2, 0: sum of squares 16 on 6 - 2 = 4
    degrees of freedom. Their lag-1 autocorrelation, (-4 + 0 + 0 - 4 + 0) / 16 = -0.5, is below
    what independent noise gives with this design (-1/3: trace(AM) / trace(M) = -(4/3) / 4), so
    rho = 0 and s^2 = 16 / 4 = 4; var(level) = 4 / 3 each, covariance 0.
    Delta method: se = sqrt(4/3 + 1.3^2 x 4/3) / 10 = sqrt(3.58667) / 10 = 0.189385.
    """
    days = pd.date_range("2026-03-02", periods=6, freq="D")
    before = pd.Series([8.0, 12.0, 10.0], index=days[:3])
    after = pd.Series([15.0, 11.0, 13.0], index=days[3:])
    ls = L.level_shift(before, after)
    assert (ls.before, ls.after, ls.rho, ls.n, ls.params) == (pytest.approx(10), pytest.approx(13), 0.0, 6, 2)
    assert ls.var_before == pytest.approx(4 / 3) and ls.var_after == pytest.approx(4 / 3) and ls.cov == pytest.approx(0, abs=1e-12)
    change, se = L.ratio_change(ls)
    assert change == pytest.approx(0.3) and se == pytest.approx(math.sqrt(4 / 3 + 1.69 * 4 / 3) / 10) == pytest.approx(0.189385, abs=1e-6)
    # degrees of freedom (level_shift docstring) at rho = 0: Satterthwaite gives trace(M)^2 / trace(M^2) = 4,
    # sd(log e'e) = sqrt(2 / 4); d log v / d rho = 1 + 2/3 = 5/3 (v = c'Rc / trace(MR): c'Rc goes 2/3 -> slope 2/3,
    # trace(MR) 4 -> slope -8/3); the rho term uses the bias map's slope, checked against dense matrices below
    n = 6
    m = np.eye(n) - np.kron(np.eye(2), np.full((3, 3), 1 / 3))
    adj = (np.eye(n, k=1) + np.eye(n, k=-1)) / 2
    lag = np.abs(np.subtract.outer(np.arange(n), np.arange(n)))

    def g(r):  # expected residual lag-1 autocorrelation under AR(1) errors with correlation r
        rm = r ** lag
        return np.trace(adj @ m @ rm @ m) / np.trace(m @ rm)

    slope = (g(1e-3) - g(0.0)) / 1e-3
    sd_rho = math.sqrt(1 / 5) / slope  # five pairs of consecutive days
    expected_df = 2.0 / (math.sqrt(2 / 4) + 5 / 3 * sd_rho) ** 2
    assert g(0.0) == pytest.approx(-1 / 3)
    assert ls.df == pytest.approx(max(1.0, expected_df), rel=2e-3)
    # the interval shown: change +/- t(0.975, df) x se
    c = L.Comparison()
    c.ci_low, c.ci_high = change - L.t_quantile(0.975, ls.df) * se, change + L.t_quantile(0.975, ls.df) * se
    assert L.verdict(c, 1) == "no_clear_change"  # 3 + 3 days say nothing


def test_weekday_adjusted_levels_remove_the_weekday_mix():
    """10-day windows from a Friday: an extra Friday-Sunday before (quiet days) and an extra
    Monday-Wednesday after: plain means 94 and 103 (+9.6 %) with no change at all; the
    weekday-adjusted levels are both the weekday mean, 100."""
    pattern = np.array([100.0, 110.0, 120.0, 130.0, 140.0, 60.0, 40.0])  # weekday mean 100
    days = pd.date_range("2026-03-06", periods=20, freq="D")  # starts on a Friday
    y = pattern[days.day_of_week]
    before, after = pd.Series(y[:10], index=days[:10]), pd.Series(y[10:], index=days[10:])
    assert (before.mean(), after.mean()) == (94.0, 103.0)
    c = L.compare(before, after)
    assert (c.before_mean, c.after_mean, c.change) == (pytest.approx(100.0), pytest.approx(100.0), pytest.approx(0.0, abs=1e-12))
    assert L.verdict(c, 1) == "no_clear_change"
    lifted = L.compare(before, after + 30.0)  # +30 a day on every weekday: +30 % of the level of 100
    assert lifted.change == pytest.approx(0.30) and lifted.ci_low == pytest.approx(0.30) and L.verdict(lifted, 1) == "improved"


def test_too_few_days_or_no_positive_base_give_no_interval():
    days = pd.date_range("2026-03-02", periods=20, freq="D")
    s = pd.Series(np.linspace(90, 110, 20), index=days)
    short = L.compare(s.iloc[4:10], s.iloc[10:])  # 6 days before
    assert short.before_days == 6 and math.isnan(short.ci_low) and L.verdict(short) == "insufficient_data"
    gaps = s.copy()
    gaps.iloc[[0, 2, 4, 6]] = np.nan  # 6 days with a value out of 10: NaN days are not zeros
    assert L.compare(gaps.iloc[:10], gaps.iloc[10:]).before_days == 6
    zero = L.compare(pd.Series(0.0, index=days[:10]), s.iloc[10:])
    assert math.isnan(zero.change) and L.verdict(zero) == "insufficient_data"
