"""connectors.utm: UTM tags and tracking-free landing pages from the URLs real exports hold."""

from __future__ import annotations

import csv

import pytest

from connectors.utm import is_tracking_param, normalise_landing_page, parse_utm
from tests.conftest import SHARED_FIXTURES, shared_absent

FIXTURES = SHARED_FIXTURES
EXPLORATION = FIXTURES / "google_analytics" / "ga4_exploration_freeform_grand_total_row__workargyll.csv"


def tags(**kw):
    out = dict.fromkeys(("source", "medium", "campaign", "content", "term", "id"))
    out.update(kw)
    return out


@pytest.mark.parametrize("url,expected", [
    ("/offer?utm_source=Facebook&utm_medium=social&utm_campaign=Spring%20Sale",
     tags(source="facebook", medium="social", campaign="Spring Sale")),
    ("/offer?utm_source=fb&amp;utm_medium=social&amp;utm_campaign=x", tags(source="fb", medium="social", campaign="x")),
    ("/offer%3Futm_source%3Dfb%26utm_medium%3Dsocial", tags(source="fb", medium="social")),
    ("/offer?utm_source%3Dfb%26utm_medium%3Dsocial", tags(source="fb", medium="social")),
    ("%252Fp%253Futm_source%253Dnews", tags(source="news")),
    ("www.site.com/page?UTM_SOURCE=LinkedIn&Utm_Medium=CPC#top", tags(source="linkedin", medium="cpc")),
    ("https://site.com/p#utm_source=newsletter&utm_medium=email", tags(source="newsletter", medium="email")),
    ("/a?utm_term=hello+world&utm_content=%C3%A9t%C3%A9&utm_id=42", tags(term="hello world", content="été", id="42")),
    ("/a?utm_source=&utm_medium=%20", tags()),
    ("/a?utm_source=x&utm_source=y", tags(source="x")),
    ("/a?x=1?utm_source=stray", tags(source="stray")),
    ("/lasko?_z1_caid=1000&_z1_adgid=1&_z1_msid=adblade", tags()),
    ("(not set)", tags()),
    ("", tags()),
    (None, tags()),
])
def test_parse_utm(url, expected):
    assert parse_utm(url) == expected


@pytest.mark.parametrize("url,expected", [
    ("/lasko?_z1_caid=1000&_z1_adgid=1&_z1_msid=adblade", "/lasko"),
    ("/office-space-city-of-london/?msclkid=20f25a02d1ea126fb74e335a0cf216d8", "/office-space-city-of-london/"),
    ("/properties/cornhill/?action=ppw_postpass", "/properties/cornhill/?action=ppw_postpass"),
    ("/p?id=a%20b&utm_source=x&gclid=1&fbclid=2", "/p?id=a%20b"),
    ("/p?x&y=2", "/p?x&y=2"),
    ("/offer?utm_source=fb&amp;page=2", "/offer?page=2"),
    ("//checkout/", "//checkout/"),
    ("https://WWW.Site.com?utm_source=x", "https://www.site.com/"),
    ("www.site.com/page?utm_source=x#frag", "www.site.com/page"),
    ("/page#section", "/page"),
    ("/Blog/Post ", "/Blog/Post"),
    ("(not set)", "(not set)"),
    ("", None),
    (None, None),
])
def test_normalise_landing_page(url, expected):
    assert normalise_landing_page(url) == expected


def test_tracking_params():
    for p in ("gclid", "FBCLID", "utm_source", "_z1_caid", "msclkid", "_its", "mc_cid", "li_fat_id"):
        assert is_tracking_param(p), p
    for p in ("id", "page", "q", "action", "lang"):
        assert not is_tracking_param(p), p


def test_exploration_landing_pages_lose_only_tracking():
    """Every landing page of the real exploration keeps its path and non-tracking parameters."""
    if not EXPLORATION.is_file():
        pytest.skip(shared_absent())
    with open(EXPLORATION, newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")][1:]
    pages = [r[0] for r in rows if r[0]]
    assert any("?" in p for p in pages)
    for p in pages:
        n = normalise_landing_page(p)
        assert n.split("?")[0] == p.split("?")[0].strip()
        kept = [q.split("=")[0] for q in p.partition("?")[2].split("&") if q and not is_tracking_param(q.split("=")[0])]
        assert [q.split("=")[0] for q in n.partition("?")[2].split("&") if q] == kept
