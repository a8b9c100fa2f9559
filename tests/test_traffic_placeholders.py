"""GA4 placeholders in the campaign column are not campaigns."""

import datetime as dt

import pandas as pd

from metrics import traffic

D = dt.date(2025, 1, 1)


def test_placeholder_campaigns_are_not_campaigns_but_still_count_as_sessions():
    df = pd.DataFrame(
        {
            "date": [D] * 4,
            "grain": "day",
            "source": ["google", "facebook", "t.co", "(direct)"],
            "medium": ["organic", "paid_social", "referral", "(none)"],
            "campaign": ["(organic)", "hiver", "(referral)", "(not set)"],
            "sessions": [10, 5, 2, 7],
        }
    )
    camp = traffic.by_campaign(df, D, D)
    assert camp["campaign"].tolist() == ["hiver"]
    assert camp["sessions"].tolist() == [5]
    assert traffic.sessions(df, D, D) == 24  # 10 + 5 + 2 + 7
