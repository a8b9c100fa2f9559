"""GA4 default channel grouping and social source -> platform mapping.

Implements Google Analytics 4's *default channel group* rules (Google's help page
"[GA4] Default channel group"), evaluated in Google's order, first match wins:

==========================  ==============================================================
Direct                      source = ``(direct)`` and medium in (``(not set)``, ``(none)``)
Cross-network               campaign contains ``cross-network``
Paid Shopping               (shopping site or campaign matches the shopping regex) and paid medium
Paid Search                 search site and paid medium
Paid Social                 social site and paid medium
Paid Video                  video site and paid medium
Display                     medium in (display, banner, expandable, interstitial, cpm)
Paid Other                  paid medium
Organic Shopping            shopping site or campaign matches the shopping regex
Organic Social              social site or medium in (social, social-network, social-media, sm,
                            social network, social media)
Organic Video               video site or medium contains ``video``
Organic Search              search site or medium = organic
Referral                    medium in (referral, app, link)
Email                       source or medium in (email, e-mail, e_mail, e mail)
Affiliates                  medium = affiliate
Audio                       medium = audio
SMS                         source or medium = sms
Mobile Push Notifications   medium ends with ``push`` or contains ``mobile``/``notification``,
                            or source = firebase
Unassigned                  anything else
==========================  ==============================================================

"paid medium" is the regex ``^(.*cp.*|ppc|retargeting|paid.*)$``. Values are compared
trimmed and case-insensitively (``Facebook`` = ``facebook``), and a leading ``www.`` is
ignored. The site lists below hold the most common sources only, not Google's full list.

Boussole departs from GA4 in one place, documented in :func:`is_social`: a session whose
source is a social platform's (e.g. YouTube, classified *Organic Video* by GA4) counts
as social traffic.
"""

from __future__ import annotations

import re

import pandas as pd

from metrics import per_distinct, per_distinct_rows

PAID_MEDIUM_RE = re.compile(r"^(.*cp.*|ppc|retargeting|paid.*)$")
SHOPPING_CAMPAIGN_RE = re.compile(r"^(.*(([^a-df-z]|^)shop|shopping).*)$")
SOCIAL_MEDIUMS = frozenset({"social", "social-network", "social-media", "sm", "social network", "social media"})
DISPLAY_MEDIUMS = frozenset({"display", "banner", "expandable", "interstitial", "cpm"})
EMAIL_VALUES = frozenset({"email", "e-mail", "e_mail", "e mail"})

# source -> Boussole platform id (x, facebook, instagram, linkedin, youtube, tiktok, mastodon, bluesky)
PLATFORM_SOURCES: dict[str, tuple[str, ...]] = {
    "facebook": (
        "facebook", "facebook.com", "fb", "fb.com", "fb.me", "m.facebook.com", "l.facebook.com", "lm.facebook.com",
        "mbasic.facebook.com", "business.facebook.com", "web.facebook.com", "touch.facebook.com", "meta",
        "messenger", "messenger.com", "facebook ads", "facebook_ads", "fbads", "meta ads",
    ),
    "instagram": ("instagram", "instagram.com", "l.instagram.com", "ig", "insta", "instagram ads"),
    "x": ("twitter", "twitter.com", "t.co", "x", "x.com", "mobile.twitter.com", "tweetdeck", "tweetdeck.twitter.com"),
    "linkedin": ("linkedin", "linkedin.com", "lnkd.in", "lnkd", "linkedin ads", "linkedin_ads"),
    "youtube": ("youtube", "youtube.com", "m.youtube.com", "youtu.be", "yt"),
    "tiktok": ("tiktok", "tiktok.com", "vm.tiktok.com", "tiktok ads"),
    "mastodon": ("mastodon", "mastodon.social", "mastodon.online", "mstdn.social", "fosstodon.org"),
    "bluesky": ("bluesky", "bsky", "bsky.app", "bsky.social"),
}
_SOURCE_TO_PLATFORM: dict[str, str] = {s: p for p, ss in PLATFORM_SOURCES.items() for s in ss}

# other social sites GA4 classifies as social (no Boussole platform id)
OTHER_SOCIAL_SOURCES = frozenset({
    "pinterest", "pinterest.com", "pin.it", "reddit", "reddit.com", "old.reddit.com", "out.reddit.com",
    "threads", "threads.net", "l.threads.net", "snapchat", "snapchat.com", "quora", "quora.com", "tumblr", "tumblr.com",
    "vk.com", "vkontakte", "weibo", "weibo.com", "wechat", "whatsapp", "whatsapp.com", "telegram", "t.me",
    "discord", "discord.com", "medium.com", "flickr", "flickr.com", "meetup", "meetup.com", "xing", "xing.com",
    "viadeo", "viadeo.com", "yammer", "yammer.com", "slack", "slack.com", "line", "naver", "kakao",
})
SOCIAL_SOURCES = frozenset(_SOURCE_TO_PLATFORM) - {"youtube", "youtube.com", "m.youtube.com", "youtu.be", "yt"} | OTHER_SOCIAL_SOURCES
SEARCH_SOURCES = frozenset({
    "google", "google.com", "bing", "bing.com", "yahoo", "search.yahoo.com", "duckduckgo", "duckduckgo.com",
    "ecosia.org", "ecosia", "qwant", "qwant.com", "baidu", "baidu.com", "yandex", "yandex.ru", "yandex.com",
    "naver.com", "startpage.com", "search.brave.com", "brave", "ask", "aol", "msn", "chatgpt.com",
})
VIDEO_SOURCES = frozenset({
    "youtube", "youtube.com", "m.youtube.com", "youtu.be", "yt", "vimeo", "vimeo.com", "dailymotion",
    "dailymotion.com", "twitch", "twitch.tv", "ted.com", "wistia", "wistia.com",
})
SHOPPING_SOURCES = frozenset({
    "amazon", "amazon.com", "amazon.ca", "amazon.fr", "ebay", "ebay.com", "etsy", "etsy.com", "shopify",
    "shopify.com", "google shopping", "shopping.google.com", "walmart", "walmart.com", "aliexpress",
})

ORGANIC_SOCIAL = "Organic Social"
PAID_SOCIAL = "Paid Social"
SOCIAL_CHANNELS = frozenset({ORGANIC_SOCIAL, PAID_SOCIAL})
CHANNELS = (
    "Direct", "Cross-network", "Paid Shopping", "Paid Search", PAID_SOCIAL, "Paid Video", "Display", "Paid Other",
    "Organic Shopping", ORGANIC_SOCIAL, "Organic Video", "Organic Search", "Referral", "Email", "Affiliates",
    "Audio", "SMS", "Mobile Push Notifications", "Unassigned",
)
# channel labels as exported by GA4 in French (and older English variants) -> GA4 English names
_CHANNEL_ALIASES = {
    "réseaux sociaux naturels": ORGANIC_SOCIAL, "reseaux sociaux naturels": ORGANIC_SOCIAL,
    "réseaux sociaux organiques": ORGANIC_SOCIAL, "social organique": ORGANIC_SOCIAL,
    "réseaux sociaux payants": PAID_SOCIAL, "reseaux sociaux payants": PAID_SOCIAL, "social payant": PAID_SOCIAL,
    "social": ORGANIC_SOCIAL, "accès direct": "Direct", "direct": "Direct",
    "recherche naturelle": "Organic Search", "recherche organique": "Organic Search",
    "recherche payante": "Paid Search", "e-mail": "Email", "référence": "Referral", "site référent": "Referral",
    "affiliés": "Affiliates", "non attribué": "Unassigned", "(other)": "Unassigned", "vidéo naturelle": "Organic Video",
    "vidéo payante": "Paid Video", "autres publicités": "Paid Other", "display": "Display",
}
_CHANNEL_BY_LOWER = {c.lower(): c for c in CHANNELS}


def _norm(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    s = str(value).strip().lower()
    return s[4:] if s.startswith("www.") else s


_SOURCE_TYPE_PREFIX = re.compile(r"^(?:social[\s_-]*media|social)[\s_:/-]+", re.I)


def mention_source(value: object) -> str | None:
    """The one normalised spelling of a mention's (or a sentiment row's) source, as stored:
    the Boussole platform id when the source names a known platform, once a listening tool's
    source-type prefix is removed (``SOCIALMEDIA_TWITTER``, ``Twitter``, ``X`` -> ``x``;
    ``Social Media: Facebook`` -> ``facebook``); otherwise the name without that prefix, in
    lower case, blanks collapsed (``BLOG`` -> ``blog``, ``Online  News`` -> ``online news``,
    ``SOCIALMEDIA_REDDIT`` -> ``reddit``); None when empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    raw = str(value).strip()
    if not raw:
        return None
    for candidate in (raw, _SOURCE_TYPE_PREFIX.sub("", raw)):
        plat = platform_for_source(candidate)
        if plat:
            return plat
    name = " ".join(_SOURCE_TYPE_PREFIX.sub("", raw).split()).lower()
    return name or None


def platform_for_source(source: object) -> str | None:
    """Boussole platform id of a traffic/lead/mention source (``t.co`` -> ``x``), else None.

    Exact match on the trimmed lower-case source without ``www.``; sub-domains of a known
    domain (``de-de.facebook.com``) match too."""
    s = _norm(source)
    if not s:
        return None
    if s in _SOURCE_TO_PLATFORM:
        return _SOURCE_TO_PLATFORM[s]
    for known, platform in _SOURCE_TO_PLATFORM.items():
        if "." in known and s.endswith("." + known):
            return platform
    return None


def _in_sites(s: str, sites: frozenset[str]) -> bool:
    return s in sites or any("." in k and s.endswith("." + k) for k in sites)


def is_paid_medium(medium: object) -> bool:
    return bool(PAID_MEDIUM_RE.match(_norm(medium)))


def default_channel_group(source: object, medium: object, campaign: object = None) -> str:
    """GA4 default channel group of one (source, medium, campaign); rules in the module docstring."""
    s, m, c = _norm(source), _norm(medium), _norm(campaign)
    paid = bool(PAID_MEDIUM_RE.match(m))
    social_site = _in_sites(s, SOCIAL_SOURCES)
    shopping = _in_sites(s, SHOPPING_SOURCES) or bool(SHOPPING_CAMPAIGN_RE.match(c))
    search_site, video_site = _in_sites(s, SEARCH_SOURCES), _in_sites(s, VIDEO_SOURCES)
    if s == "(direct)" and m in ("(not set)", "(none)", ""):
        return "Direct"
    if "cross-network" in c:
        return "Cross-network"
    if paid:
        if shopping:
            return "Paid Shopping"
        if search_site:
            return "Paid Search"
        if social_site:
            return PAID_SOCIAL
        if video_site:
            return "Paid Video"
    if m in DISPLAY_MEDIUMS:
        return "Display"
    if paid:
        return "Paid Other"
    if shopping:
        return "Organic Shopping"
    if social_site or m in SOCIAL_MEDIUMS:
        return ORGANIC_SOCIAL
    if video_site or "video" in m:
        return "Organic Video"
    if search_site or m == "organic":
        return "Organic Search"
    if m in ("referral", "app", "link"):
        return "Referral"
    if s in EMAIL_VALUES or m in EMAIL_VALUES:
        return "Email"
    if m == "affiliate":
        return "Affiliates"
    if m == "audio":
        return "Audio"
    if s == "sms" or m == "sms":
        return "SMS"
    if m.endswith("push") or "mobile" in m or "notification" in m or s == "firebase":
        return "Mobile Push Notifications"
    return "Unassigned"


def normalize_channel(label: object) -> str | None:
    """An exported channel label (English or French GA4 names) -> GA4 English name, else None."""
    s = _norm(label)
    if not s:
        return None
    return _CHANNEL_BY_LOWER.get(s) or _CHANNEL_ALIASES.get(s)


def channel_groups(df: pd.DataFrame) -> pd.Series:
    """Channel of each traffic row: computed from source/medium/campaign when the row has a
    source or medium, else the exported ``channel`` label (normalised), else None."""
    n = len(df)

    def col(c: str) -> pd.Series:
        return df[c] if c in df.columns else pd.Series([None] * n, index=df.index, dtype="object")

    def one(s: object, m: object, c: object, ch: object) -> str | None:
        key = (_norm(s), _norm(m), _norm(c))
        return default_channel_group(*key) if key[0] or key[1] else normalize_channel(ch)

    # once per distinct (source, medium, campaign, channel): a few hundred calls for a million rows
    return per_distinct_rows([col("source"), col("medium"), col("campaign"), col("channel")], one, df.index)


def is_social(source: object, medium: object, campaign: object = None, channel: object = None) -> bool:
    """Social traffic: GA4 channel Organic/Paid Social, or a source that maps to a Boussole
    platform (so YouTube, which GA4 files under video, counts as social here)."""
    if _norm(source) or _norm(medium):
        return default_channel_group(source, medium, campaign) in SOCIAL_CHANNELS or platform_for_source(source) is not None
    return normalize_channel(channel) in SOCIAL_CHANNELS


def social_mask(df: pd.DataFrame) -> pd.Series:
    """Vectorised :func:`is_social` over a traffic frame."""
    ch = channel_groups(df)
    src = df["source"].tolist() if "source" in df.columns else [None] * len(df)
    plat = pd.Series(per_distinct(pd.Series(list(src), index=df.index), platform_for_source).notna().to_numpy(), index=df.index, dtype=bool)
    return (ch.isin(SOCIAL_CHANNELS) | plat).astype(bool)
