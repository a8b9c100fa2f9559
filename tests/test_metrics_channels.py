"""GA4 default channel grouping on tricky UTM values, and source -> platform."""

import pandas as pd
import pytest

from metrics.channels import channel_groups, default_channel_group, is_social, platform_for_source, social_mask


@pytest.mark.parametrize(
    ("source", "medium", "campaign", "expected"),
    [
        ("Facebook", "referral", None, "Organic Social"),  # upper case source
        ("fb", "cpc", None, "Paid Social"),
        ("facebook", "paid_social", None, "Paid Social"),  # ^paid.* with a social source
        ("newsletter", "paid_social", None, "Paid Other"),  # paid medium, source not social
        ("partner", "social-media", None, "Organic Social"),  # medium alone decides
        ("partner", "Social Media", None, "Organic Social"),
        ("(direct)", "(none)", None, "Direct"),
        ("(direct)", "(not set)", None, "Direct"),
        ("google", "cpc", None, "Paid Search"),
        ("google", "organic", None, "Organic Search"),
        ("mailchimp", "email", None, "Email"),
        ("newsletter", "e-mail", None, "Email"),
        ("e-mail", "whatever", None, "Email"),
        ("t.co", "referral", None, "Organic Social"),
        ("instagram", "paid", None, "Paid Social"),
        ("l.instagram.com", "referral", None, "Organic Social"),
        ("gdn", "display", None, "Display"),
        ("facebook", "cpm", None, "Paid Social"),  # .*cp.* matches before display
        ("youtube", "referral", None, "Organic Video"),
        ("youtube", "cpv", None, "Paid Video"),
        ("www.linkedin.com", "referral", None, "Organic Social"),
        ("lnkd.in", "", None, "Organic Social"),
        ("example.org", "referral", None, "Referral"),
        ("partner", "affiliate", None, "Affiliates"),
        ("google", "cpc", "spring cross-network", "Cross-network"),
        ("facebook", "cpc", "shopping-jan", "Paid Shopping"),
        ("sms", "", None, "SMS"),
        ("app", "push", None, "Mobile Push Notifications"),
        ("weird", "unknown", None, "Unassigned"),
        (None, None, None, "Unassigned"),
    ],
)
def test_default_channel_group(source, medium, campaign, expected):
    assert default_channel_group(source, medium, campaign) == expected


@pytest.mark.parametrize(
    ("source", "platform"),
    [
        ("Facebook", "facebook"), ("m.facebook.com", "facebook"), ("l.facebook.com", "facebook"),
        ("lm.facebook.com", "facebook"), ("fb", "facebook"), ("de-de.facebook.com", "facebook"),
        ("instagram", "instagram"), ("ig", "instagram"), ("t.co", "x"), ("twitter", "x"), ("x.com", "x"),
        ("lnkd.in", "linkedin"), ("www.linkedin.com", "linkedin"), ("youtube", "youtube"), ("tiktok", "tiktok"),
        ("mastodon.social", "mastodon"), ("bsky.app", "bluesky"), ("bsky", "bluesky"),
        ("reddit", None), ("google", None), (None, None), ("", None), ("notfacebook.com", None),
    ],
)
def test_platform_for_source(source, platform):
    assert platform_for_source(source) == platform


def test_youtube_is_social_traffic_though_ga4_says_video():
    assert is_social("youtube", "referral")
    assert not is_social("google", "organic")
    assert is_social(None, None, channel="Réseaux sociaux naturels")


def test_channel_groups_uses_exported_channel_only_without_source_medium():
    df = pd.DataFrame({
        "source": ["google", None, None], "medium": ["organic", None, None],
        "channel": ["Organic Social", "Paid Social", "Direct"],
    })
    assert channel_groups(df).tolist() == ["Organic Search", "Paid Social", "Direct"]
    assert social_mask(df).tolist() == [False, True, False]
