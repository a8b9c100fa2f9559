"""metrics.listening: spikes and crises, terms, the volume–positivity map, weekly share of voice."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from connectors import store
from metrics import listening as L
from metrics.presence import share_of_voice

TZ = "America/Toronto"


def series(counts, negative=None, start="2025-01-01") -> pd.DataFrame:
    counts = np.asarray(counts, dtype=float)
    neg = np.zeros_like(counts) if negative is None else np.asarray(negative, dtype=float)
    return pd.DataFrame({"date": pd.date_range(start, periods=len(counts)), "mentions": counts, "negative": neg})


# --------------------------------------------------------------------------- the planted crisis


def _own_alerts(root, manifest):
    m = store.read_table(root, "demo", "mentions")
    cfg = store.load_config(root, "demo", "alerts", {})
    own = manifest["own_brand"]
    return L.spikes(m, manifest["timezone"], brand=own, own_brand=own, alerts=cfg), m


@pytest.fixture(scope="module")
def fixed_demo(generated_demo):
    return generated_demo(dt.date(2026, 3, 29))  # built once per run (read-only)


def test_planted_crisis_is_detected_on_its_day(fixed_demo):
    root, manifest = fixed_demo
    alerts, m = _own_alerts(root, manifest)
    crisis_day = pd.Timestamp(manifest["crisis"]["date"])
    assert crisis_day.weekday() == 1  # a Tuesday
    crises = alerts[alerts["crisis"]]
    assert len(crises) == 1, alerts
    c = crises.iloc[0]
    assert c["start"] == crisis_day and c["peak_date"] == crisis_day
    assert c["end"] <= crisis_day + pd.Timedelta(days=manifest["crisis"]["decay_days"] - 1)
    assert c["peak_mentions"] == manifest["crisis"]["mentions_on_day"]
    assert c["negative_share"] >= 0.4 and c["negative_share"] >= c["baseline_negative_share"] + 0.2
    # no other alert of the own brand in 18 months of ordinary noise
    assert len(alerts) == 1
    # its top terms name the road
    terms = L.top_terms(m[L.brand_mask(m, manifest["own_brand"], manifest["own_brand"])], c["start"], c["end"], tz=TZ,
                        exclude=[manifest["own_brand"], *manifest["competitors"]])
    assert any(manifest["crisis"]["search_query"] in t for t in terms["term"].head(3))
    ex = L.example_mentions(m, c["start"], c["end"], tz=TZ, terms=terms["term"].tolist(), prefer="negative", n=3)
    assert len(ex) == 3 and (ex["sentiment_label"] == "negative").all()


def test_planted_crisis_in_the_first_run_demo(demo_root):
    from sample_data.generate import CRISIS_OFFSET_DAYS

    ws = store.load_config(demo_root, "demo", "workspace")
    m = store.read_table(demo_root, "demo", "mentions")
    end = L._local(m["published_at"], TZ).max().normalize()
    c0 = end - pd.Timedelta(days=CRISIS_OFFSET_DAYS)
    crisis_day = c0 - pd.Timedelta(days=(c0.weekday() - 1) % 7)
    alerts = L.spikes(m, TZ, brand=ws["own_brand"], own_brand=ws["own_brand"], alerts=store.load_config(demo_root, "demo", "alerts"))
    assert alerts[alerts["crisis"]]["start"].tolist() == [crisis_day]


def test_hourly_view_finds_the_crisis_morning(fixed_demo):
    root, manifest = fixed_demo
    m = store.read_table(root, "demo", "mentions")
    day = pd.Timestamp(manifest["crisis"]["date"])
    own = manifest["own_brand"]
    res = L.spikes(m, TZ, brand=own, own_brand=own, freq="h", start=day - pd.Timedelta(days=2), end=day)
    assert len(res) >= 1
    assert res["start"].min().normalize() == day and res["start"].min().hour >= 7  # the crisis starts at 7 am


# --------------------------------------------------------------------------- no false alarms, rule details


@pytest.mark.parametrize("lam", [30, 120])
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_flat_noisy_series_raises_no_alert(lam, seed):
    rng = np.random.default_rng(seed)
    counts = rng.poisson(lam, 400)
    d = series(counts, rng.binomial(counts, 0.15))
    assert L.detect_spikes(d).empty


def test_noise_floor_only_removes_alerts():
    rng = np.random.default_rng(7)
    counts = rng.poisson(5, 2000)
    d = series(counts)
    with_floor = L.baseline_band(d)["flagged"]
    pure = L.baseline_band(d, noise_floor=False)["flagged"]
    assert not (with_floor & ~pure).any()
    assert pure.sum() > with_floor.sum()


def test_rule_thresholds():
    base = [20, 22, 18, 21, 19, 20, 23, 17, 20, 21] * 3  # median 20, MAD 1 -> sigma = max(1.48, 4.47)
    d = series(base + [40])
    band = L.baseline_band(d)
    last = band.iloc[-1]
    assert last["baseline"] == 20
    assert last["threshold"] == pytest.approx(max(20 + 3.5 * max(1.4826, np.sqrt(20)), 10, 40))
    assert L.detect_spikes(series(base + [39])).empty  # below ratio x median
    assert len(L.detect_spikes(series(base + [41]))) == 1
    assert L.detect_spikes(series(base + [41]), ratio=2.5).empty
    # min_mentions: a jump from 1 to 8 a day is no alert
    assert L.detect_spikes(series([1] * 30 + [8])).empty
    assert len(L.detect_spikes(series([1] * 30 + [8]), min_mentions=5)) == 1
    # sensitivity: a lower k flags more
    mid = series(base + [41])
    assert L.detect_spikes(mid, sensitivity=10).empty
    # not enough history: nothing
    assert L.detect_spikes(series([2, 2, 2, 60])).empty


def test_cooldown_groups_flagged_days():
    counts = [20] * 40 + [90, 80, 20, 70, 20, 20, 20, 20, 85] + [20] * 10
    d = series(counts)
    a3 = L.detect_spikes(d, cooldown_days=3)
    assert len(a3) == 2
    first = a3.iloc[0]
    assert (first["start"], first["end"], first["peak_date"]) == (d["date"][40], d["date"][43], d["date"][40])
    assert first["total_mentions"] == 90 + 80 + 70 and first["peak_mentions"] == 90
    a0 = L.detect_spikes(d, cooldown_days=0)  # consecutive days still form one alert
    assert len(a0) == 3 and a0.iloc[0]["end"] == d["date"][41]
    assert len(L.detect_spikes(d, cooldown_days=7)) == 1


def test_crisis_needs_a_jump_in_negative_share():
    counts = [20] * 30 + [100]
    calm = L.detect_spikes(series(counts, [3] * 30 + [30]))  # 30 % negative: spike, no crisis
    assert len(calm) == 1 and not calm.iloc[0]["crisis"]
    angry = L.detect_spikes(series(counts, [3] * 30 + [60]))
    assert angry.iloc[0]["crisis"]
    assert angry.iloc[0]["negative_share"] == pytest.approx(0.6)
    assert angry.iloc[0]["baseline_negative_share"] == pytest.approx(0.15)
    # already negative before: 55 % -> 60 % is no crisis (no jump)
    sour = L.detect_spikes(series(counts, [11] * 30 + [60]))
    assert not sour.iloc[0]["crisis"]
    # with sentiment columns the share is over labelled mentions
    d = series(counts, [3] * 30 + [30])
    d["positive"] = [10] * 30 + [10]
    d["neutral"] = [7] * 30 + [10]
    lab = L.detect_spikes(d)
    assert lab.iloc[0]["negative_share"] == pytest.approx(30 / 50) and lab.iloc[0]["crisis"]


def test_signature_and_columns():
    out = L.detect_spikes(series([20] * 30 + [100]))
    assert list(out.columns)[:8] == ["start", "end", "peak_date", "peak_mentions", "baseline", "negative_share",
                                     "baseline_negative_share", "crisis"]
    empty = L.detect_spikes(series([20] * 40))
    assert list(empty.columns) == list(out.columns) and empty.empty


def test_alert_params_defaults_and_bounds():
    assert L.alert_params(None) == {"sensitivity": 3.5, "cooldown_days": 3, "min_mentions": 10}
    assert L.alert_params({"sensitivity": "2", "cooldown_days": -4, "min_mentions": "x"}) == {"sensitivity": 2.0, "cooldown_days": 0, "min_mentions": 10}


# --------------------------------------------------------------------------- volume series


def mentions_frame(rows) -> pd.DataFrame:
    cols = ["mention_id", "published_at", "text", "brand", "topic", "sentiment_label", "reach"]
    df = pd.DataFrame(rows, columns=cols)
    df["published_at"] = pd.to_datetime(df["published_at"], utc=True)
    return df


def test_daily_volume_local_days_brands_and_gaps():
    m = mentions_frame([
        ("1", "2025-03-01T03:00:00Z", "a", None, None, "positive", 1),  # Feb 28 evening in Toronto
        ("2", "2025-03-01T15:00:00Z", "b", "Acme", None, "negative", 1),
        ("3", "2025-03-03T15:00:00Z", "c", "Rival", None, None, 1),
        ("4", "2025-03-03T16:00:00Z", "d", "acme", None, "neutral", 1),
    ])
    v = L.daily_volume(m, TZ, "Acme", own_brand="Acme")
    assert v["date"].dt.strftime("%m-%d").tolist() == ["02-28", "03-01", "03-02", "03-03"]
    assert v["mentions"].tolist() == [1, 1, 0, 1]
    assert v[["positive", "neutral", "negative"]].sum().tolist() == [1, 1, 1]
    assert L.daily_volume(m, TZ)["mentions"].sum() == 4
    assert L.daily_volume(m, TZ, "Rival")["mentions"].sum() == 1
    padded = L.daily_volume(m, TZ, start="2025-02-20", end="2025-03-10")
    assert len(padded) == 19 and padded["mentions"].sum() == 4
    h = L.hourly_volume(m, TZ, start="2025-03-03", end="2025-03-03")
    assert len(h) == 24 and h["mentions"].sum() == 2 and h.loc[h["mentions"] > 0, "date"].dt.hour.tolist() == [10, 11]
    assert L.daily_volume(m.iloc[0:0], TZ).empty


# --------------------------------------------------------------------------- entity map


def test_entity_map_counts_terms_topics_hashtags():
    m = mentions_frame([
        ("1", "2025-05-01T15:00:00Z", "Merci Julie BERGERON pour l'accueil #Ski #HauteRivière", None, "ski", "positive", 100),
        ("2", "2025-05-02T15:00:00Z", "julie bergeron n'a pas répondu #ski", "Acme", "service", "negative", 50),
        ("3", "2025-05-02T16:00:00Z", "Le Passeport plein air est génial #SKI #ski", "Rival", "ski", "positive", None),
        ("4", "2025-05-03T16:00:00Z", "Julie Bergerons is someone else", "Acme", None, "neutral", 7),
        ("5", "2025-06-15T16:00:00Z", "Julie Bergeron again", "Acme", None, "positive", 7),  # out of the window
    ])
    terms = [{"term": "Julie Bergeron", "kind": "person"}, {"term": "Passeport Plein Air", "kind": "product"}, "ski"]
    em = L.entity_map(m, terms, "2025-05-01", "2025-05-31", tz=TZ, exclude=["Haute-Rivière"]).set_index("entity")
    jb = em.loc["Julie Bergeron"]
    assert (jb["kind"], jb["volume"], jb["positive"], jb["negative"], jb["reach"]) == ("person", 2, 1, 1, 150)
    assert jb["net_sentiment"] == 0
    assert em.loc["Passeport Plein Air", "kind"] == "product" and np.isnan(em.loc["Passeport Plein Air", "reach"])
    # "ski" is a tracked term, a topic and a hashtag: three entities, each mention once per entity
    tag = em[em["kind"] == "hashtag"]
    assert [e.lower() for e in tag.index] == ["#ski"] and tag["volume"].iloc[0] == 3
    assert "#HauteRivière" not in em.index
    # the tracked topic "ski" and the topic column's "ski" are one entity (text or column)
    assert em[(em["kind"] == "topic") & (em.index == "ski")]["volume"].tolist() == [3]
    assert list(em.columns) == ["kind", "volume", "positive", "neutral", "negative", "net_sentiment", "reach"]
    per_brand = L.entity_map(m, terms, "2025-05-01", "2025-05-31", tz=TZ, by_brand=True, own_brand="Acme")
    jb_b = per_brand[per_brand["entity"] == "Julie Bergeron"].set_index("brand")["volume"].to_dict()
    assert jb_b == {"Acme": 2}  # the unbranded mention is the own brand's
    only_rival = L.entity_map(m, terms, "2025-05-01", "2025-05-31", tz=TZ, brand="Rival")
    assert {e.lower() for e in only_rival["entity"]} == {"passeport plein air", "ski", "#ski"}
    drift = L.entity_drift(m, terms, L.month_windows("2025-05-02", "2025-06-20"), tz=TZ)
    assert sorted(drift["period_start"].dt.strftime("%m-%d").unique()) == ["05-02", "06-01"]
    assert L.entity_map(m, terms, "2024-01-01", "2024-01-31", tz=TZ).empty


def test_text_statistics_count_every_repost_of_a_text():
    """top_terms, example_mentions and entity_hits work once per distinct text; every mention of
    a repeated text still counts (and keeps its own row), a missing text counts as no words."""
    quiet = [(f"q{i}", f"2025-05-{1 + i % 20:02d}T15:00:00Z", "Belle journée au parc", "Acme", None, "positive", 1) for i in range(40)]
    spike = [(f"s{i}", "2025-05-25T15:00:00Z", text, "Acme", None, label, reach) for i, (text, label, reach) in enumerate(
        [("Route 317 fermée, bouchon monstre #Travaux", "negative", 10)] * 5
        + [("Encore la route 317 fermée ce matin #travaux #Acme", "negative", 50)] * 3
        + [("Belle journée au parc", "positive", 5), (None, "negative", 99), ("", None, 1)])]
    m = mentions_frame(quiet + spike)
    terms = L.top_terms(m, "2025-05-25", "2025-05-25", tz=TZ, exclude=["Acme"]).set_index("term")
    # document frequencies count every mention: 8 of the 11 spike mentions hold "route 317"
    assert terms.loc["route 317", "mentions"] == 8 and terms.loc["route 317", "share"] == 8 / 11
    assert terms.loc["route 317", "baseline_share"] == 1 / 42
    ex = L.example_mentions(m, "2025-05-25", "2025-05-25", tz=TZ, n=3, terms=["route 317", "fermée"], prefer="negative")
    # most terms, then the label, then reach: one of the reposts, the other text about the road is
    # a near-duplicate of it (4 of its 5 words), then the text-less negative mention
    assert ex["mention_id"].tolist() == ["s5", "s9", "s8"]
    hits = L.entity_hits(m, [{"term": "route 317", "kind": "topic"}], exclude=["Acme"])
    per_row = hits.groupby("row")["key"].apply(list).to_dict()
    assert per_row[40] == ["c:route 317", "h:travaux"] and per_row[45] == ["c:route 317", "h:travaux"]
    assert set(per_row) == set(range(40, 48))  # only the spike's reposts, each in its own row
    assert hits[hits["key"] == "h:travaux"]["entity"].unique().tolist() == ["#Travaux"]  # the most frequent spelling


def test_month_windows():
    w = L.month_windows("2025-01-15", "2025-03-02")
    assert [(a.strftime("%m-%d"), b.strftime("%m-%d")) for a, b in w] == [("01-15", "01-31"), ("02-01", "02-28"), ("03-01", "03-02")]


def test_normalise_terms():
    assert L.normalise_terms(["Ski", {"term": "ski "}, {"term": "Julie", "kind": "person"}, {"term": "x", "kind": "weird"}, ""]) == [
        {"term": "Ski", "kind": "topic"}, {"term": "Julie", "kind": "person"}, {"term": "x", "kind": "topic"}]


def test_tokens_drop_stopwords_urls_handles():
    assert L.tokens("L'accès à la route 317 est FERMÉ depuis 2 jours https://x.co/abc @MTQ #Travaux") == ["accès", "route", "317", "fermé", "jours", "travaux"]


# --------------------------------------------------------------------------- share of voice


def test_weekly_share_of_voice_from_counts(fixed_demo):
    root, manifest = fixed_demo
    m = store.read_table(root, "demo", "mentions")
    sd = store.read_table(root, "demo", "sentiment_daily")
    own, comps = manifest["own_brand"], manifest["competitors"]
    sov = L.share_of_voice_weekly(m, sd, "2026-01-05", "2026-03-29", TZ, own, comps)
    assert len(sov) == 12 * 3
    assert np.allclose(sov.groupby("week")["share"].sum(), 1.0)
    wk = sov[sov["week"] == pd.Timestamp("2026-02-02")]
    expected = share_of_voice(m, sd, "2026-02-02", "2026-02-08", TZ, own, comps)
    assert wk[wk["is_own"]]["share"].iloc[0] == pytest.approx(expected)
    assert L.share_of_voice_weekly(m, sd, "2026-01-05", "2026-03-29", TZ, own, []).empty


# --------------------------------------------------------------------------- labels


def test_place_labels_never_overlap():
    rng = np.random.default_rng(3)
    x, y = rng.random(40), rng.random(40)
    labels = [f"entity {i}" for i in range(40)]
    pos = L.place_labels(x, y, labels, max_labels=15)
    assert 0 < sum(p is not None for p in pos) <= 15
    assert pos[0] is not None  # the most important point always gets a label when space allows
    boxes = []
    for i, p in enumerate(pos):
        if p is None:
            continue
        w, h, r = len(labels[i]) * 0.011, 0.045, 0.012
        cx, cy = x[i], y[i]
        dx = {"center": (-w / 2, w / 2), "right": (r * 0.7, r * 0.7 + w), "left": (-r * 0.7 - w, -r * 0.7)}[p.split()[1]]
        if p.startswith("middle"):
            dx = {"right": (r, r + w), "left": (-r - w, -r)}[p.split()[1]]
            dy = (-h / 2, h / 2)
        elif p.startswith("top"):
            dy = (r * (0.7 if "center" not in p else 1), r * (0.7 if "center" not in p else 1) + h)
        else:
            dy = (-r * (0.7 if "center" not in p else 1) - h, -r * (0.7 if "center" not in p else 1))
        boxes.append((cx + dx[0], cy + dy[0], cx + dx[1], cy + dy[1]))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] - 1e-9 and b[0] < a[2] - 1e-9 and a[1] < b[3] - 1e-9 and b[1] < a[3] - 1e-9)


def test_label_order_names_each_quadrants_loudest_first():
    # volumes:   loud liked x3, one loud disliked, quiet liked x2, one quiet disliked (6 mentions)
    volume = [55, 50, 34, 30, 14, 8, 6]
    net = [0.3, 0.6, 0.7, -0.2, 0.7, 1.0, -1.0]
    size = [30, 28, 20, 25, 12, 10, 8]
    order = list(L.label_order(volume, net, size))
    assert sorted(order) == list(range(7))
    # median volume 30: quadrant leaders are 0 (loud liked), 3 (loud disliked), 4 (quiet liked), 6 (quiet disliked)
    assert set(order[:4]) == {0, 3, 4, 6}
    # then by volume + size: 1 before 2 before 5
    assert order[4:] == [1, 2, 5]
    # the quiet disliked entity is ahead of louder liked ones that are not leaders
    assert order.index(6) < order.index(1)
    assert list(L.label_order([], [], [])) == []


def test_place_labels_keep_clear_of_obstacles():
    # one point near the top-left corner; its first choice ("top center") would cover a caption
    # box spanning x 0..0.3, y 0.9..1.0 (e.g. a quadrant caption)
    free = L.place_labels([0.1], [0.85], ["Julie Bergeron"], char_width=0.011, line_height=0.045, marker_radius=[0.02])
    assert free == ["top center"]
    caption = (0.0, 0.9, 0.3, 1.0)
    got = L.place_labels([0.1], [0.85], ["Julie Bergeron"], char_width=0.011, line_height=0.045, marker_radius=[0.02], obstacles=[caption])
    assert got[0] is not None and got[0] != "top center"
    # the chosen box (bottom center here) stays below the caption
    assert got == ["bottom center"]
