"""Write the synthetic export samples of ``tests/data/samples/`` (one or more per format family).

    python tests/data/make_samples.py            # (re)write the samples
    python tests/data/make_samples.py --check    # exit 1 if a committed sample differs

Every sample is invented by the project from the layouts documented for real marketer exports
(column names, preambles, encodings, delimiters, totals rows — see the shared FORMATS.md); no
line of a real export is copied. Values are small and round so that the tests
(``tests/test_samples.py``) can state the stored figures by hand. Quirks reproduced: UTF-8 BOM,
UTF-16LE with BOM, a ``sep=`` first line, TAB and semicolon delimiters, decimal commas, CRLF,
``Total`` / ``Grand total`` / ``Total: …`` rows, two header rows, ``#`` preambles, stacked
tables, quoted multi-line text, ``-`` / ``NAN`` / ``--`` placeholders, Excel workbooks.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent / "samples"


def csv_line(cells, sep: str = ",", quote_all: bool = False) -> str:
    out = []
    for c in cells:
        s = str(c)
        if quote_all or any(ch in s for ch in (sep, '"', "\n", "\r")):
            s = '"' + s.replace('"', '""') + '"'
        out.append(s)
    return sep.join(out)


def text(lines: list[str], eol: str = "\n", final_eol: bool = True) -> str:
    return eol.join(lines) + (eol if final_eol else "")


def utf8(s: str) -> bytes:
    return s.encode("utf-8")


def utf8_bom(s: str) -> bytes:
    return b"\xef\xbb\xbf" + s.encode("utf-8")


def utf16(s: str) -> bytes:
    return b"\xff\xfe" + s.encode("utf-16-le")


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """A workbook with fixed metadata and zip timestamps, so it is byte-reproducible."""
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    stamp = dt.datetime(2025, 1, 1)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "boussole tests"
    buf = io.BytesIO()
    wb.save(buf)
    # rewrite the zip with constant timestamps
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    return out.getvalue()


# ----------------------------------------------------------------------------- X / Twitter

X_METRICS = [
    "impressions", "engagements", "engagement rate", "retweets", "replies", "likes", "user profile clicks",
    "url clicks", "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
    "follows", "email tweet", "dial phone", "media views", "media engagements",
]


def x_tweet_activity() -> bytes:
    """Legacy analytics, one row per tweet: everything quoted, counts as floats, promoted
    columns ``-``, newest first, a tweet text on two lines."""
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", *X_METRICS, *("promoted " + m for m in X_METRICS)]
    rows = []
    tweets = [
        ("1700000000000000002", "Second post\nwith two lines", "2025-03-12 15:30 +0000", 200, 20, 4, 2, 10),
        ("1700000000000000001", "First post about #boussole", "2025-03-10 09:00 +0000", 100, 10, 1, 0, 5),
    ]
    for tid, body, when, imp, eng, rt, rep, likes in tweets:
        metrics = [imp, eng, eng / imp, rt, rep, likes, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
        cells = [tid, f"https://twitter.com/samplebrand/status/{tid}", body, when]
        cells += [f"{m:.1f}" if i != 2 else repr(m) for i, m in enumerate(metrics)]
        cells += ["-"] * len(X_METRICS)
        rows.append(csv_line(cells, quote_all=True))
    return utf8(text([csv_line(header, quote_all=True), *rows]))


def x_tweet_activity_daily() -> bytes:
    header = ["Date", "Tweets published", *X_METRICS, *("promoted " + m for m in X_METRICS)]
    rows = [
        ["2025-03-10", 1, 100, 10, 0.1, 1, 0, 5, 1, 2, 0, 1, 0, 0, 0, 3, 0, 0, 0, 0] + ["0"] * 18,
        ["2025-03-11", 0, 40, 2, 0.05, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0] + ["0"] * 18,
    ]
    return utf8(text([csv_line(header, quote_all=True), *(csv_line(r, quote_all=True) for r in rows)]))


def x_account_content() -> bytes:
    """x.com account analytics (2024+): minimal quoting, dates like "Mon, Mar 10, 2025",
    no trailing newline."""
    header = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares",
              "New follows", "Replies", "Reposts", "Profile visits", "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks"]
    rows = [
        ["1800000000000000001", "Mon, Mar 10, 2025", "Hello, world", "https://x.com/samplebrand/status/1800000000000000001", 300, 12, 30, 1, 2, 1, 3, 4, 5, 6, 7, 0, 0],
        ["1800000000000000002", "Tue, Mar 11, 2025", "Second", "https://x.com/samplebrand/status/1800000000000000002", 50, 1, 3, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0],
    ]
    return utf8(text([csv_line(header), *(csv_line(r) for r in rows)], final_eol=False))


def x_account_overview() -> bytes:
    header = ["Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Unfollows", "Replies",
              "Reposts", "Profile visits", "Create Post", "Video views", "Media views"]
    rows = [
        ["Mon, Mar 10, 2025", 1000, 20, 50, 1, 2, 7, 2, 3, 4, 9, 1, 0, 10],
        ["Tue, Mar 11, 2025", 500, 5, 10, 0, 0, 3, 1, 1, 1, 2, 0, 0, 0],
    ]
    return utf8(text([csv_line(header), *(csv_line(r) for r in rows)], final_eol=False))


# ----------------------------------------------------------------------------- Meta


def meta_posts() -> bytes:
    """Business Suite posts: UTF-8 BOM, quoted when a cell holds a space or comma, Date = Lifetime."""
    header = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type",
              "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status",
              "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares",
              "Total clicks", "Link Clicks", "Other Clicks"]
    rows = [
        ["111_201", "111", "Sample Page", "", "Spring opening", "", "03/10/2025 14:05", "N/A", "https://www.facebook.com/111/posts/201",
         "No", "No", "Photos", "", "", "", "", "Lifetime", 400, 250, 18, 12, 4, 2, 9, 3, 6],
        ["111_202", "111", "Sample Page", "", "Team, values and plans", "", "03/12/2025 08:30", "N/A", "https://www.facebook.com/111/posts/202",
         "No", "No", "Links", "", "", "", "", "Lifetime", 100, 80, 5, 3, 1, 1, 2, 2, 0],
    ]
    q = lambda cells: ",".join(f'"{c}"' if any(ch in str(c) for ch in " ,\"") else str(c) for c in cells)  # noqa: E731
    return utf8_bom(text([q(header), *(q(r) for r in rows)], final_eol=False))


def meta_daily_series_utf16() -> bytes:
    """Page daily series as downloaded: UTF-16LE + BOM, ``sep=,``, a title line, every value quoted."""
    lines = ["sep=,", '"Facebook reach"', '"Date","Primary"',
             '"2025-03-10T00:00:00","120"', '"2025-03-11T00:00:00","80"', '"2025-03-12T00:00:00","100"']
    return utf16(text(lines))


def meta_daily_series_tab() -> bytes:
    """The same series re-saved as Excel "Unicode text": UTF-16LE, TAB, CRLF, ``sep=<TAB>``, no quotes."""
    lines = ["sep=\t", "Facebook visits", "Date\tPrimary", "2025-03-10T00:00:00\t7", "2025-03-11T00:00:00\t3"]
    return utf16(text(lines, eol="\r\n"))


def meta_audience() -> bytes:
    """Audience: UTF-16 + ``sep=,``, stacked blocks separated by blank lines."""
    lines = [
        "sep=,", '"Age & gender"', '"","Women","Men"', '"18-24","10.5","8.5"', '"25-34","30","21"', "",
        '"Top countries"', '"Canada","France"', '"70","30"', "",
        '"Top cities"', '"Montréal, QC","Québec, QC"', '"55","15"',
    ]
    return utf16(text(lines))


def meta_ads_semicolon() -> bytes:
    """Ads Manager report re-saved in a French spreadsheet: semicolons, decimal commas, CRLF."""
    header = ["Reporting starts", "Reporting ends", "Campaign name", "Ad delivery", "Attribution setting", "Results",
              "Result indicator", "Reach", "Impressions", "Cost per results", "Amount spent (EUR)", "Ends"]
    rows = [
        ["2025-03-01", "2025-03-31", "Spring sale", "active", "7-day click", "12", "actions:link_click", "900", "1500", "1,25", "15,00", "Ongoing"],
        ["2025-03-01", "2025-03-31", "Brand, awareness", "inactive", "7-day click", "3", "reach", "400", "600", "2,50", "7,50", "2025-03-20"],
    ]
    return utf8(text([csv_line(header, ";"), *(csv_line(r, ";") for r in rows)], eol="\r\n"))


def facebook_legacy_posts() -> bytes:
    """Legacy Page Insights post export: a second header row of descriptions."""
    header = ["Post ID", "Permalink", "Post Message", "Type", "Countries", "Languages", "Posted", "Audience Targeting",
              "Lifetime Post Total Reach", "Lifetime Post organic reach", "Lifetime Post Paid Reach",
              "Lifetime Post Total Impressions", "Lifetime Post Organic Impressions", "Lifetime Post Paid Impressions",
              "Lifetime Engaged Users"]
    desc = ["", "", "", "", "", "", "", "", "Lifetime: The number of people who saw the post. (Unique Users)",
            "Lifetime: organic reach. (Unique Users)", "Lifetime: paid reach. (Unique Users)",
            "Lifetime: impressions. (Total Count)", "Lifetime: organic impressions. (Total Count)",
            "Lifetime: paid impressions. (Total Count)", "Lifetime: people who engaged. (Unique Users)"]
    rows = [
        ["222_301", "https://www.facebook.com/samplepage/posts/301", "Hello from 2015", "Photo", "", "", "02/19/2015 11:45:22 PM", "",
         "60", "50", "10", "90", "70", "20", "8"],
    ]
    return utf8(text([csv_line(header), csv_line(desc), *(csv_line(r) for r in rows)], eol="\r\n"))


# ----------------------------------------------------------------------------- LinkedIn, YouTube, TikTok


def linkedin_content() -> bytes:
    """Page content workbook: a title row above each header; dates as text MM/DD/YYYY; rates as fractions."""
    metrics = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)", "Unique impressions (organic)",
               "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)", "Reactions (organic)", "Reactions (sponsored)",
               "Reactions (total)", "Comments (organic)", "Comments (sponsored)", "Comments (total)", "Reposts (organic)",
               "Reposts (sponsored)", "Reposts (total)", "Engagement rate (organic)", "Engagement rate (sponsored)",
               "Engagement rate (total)"]
    posts = ["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date", "Campaign start date",
             "Campaign end date", "Audience", "Impressions", "Views", "Offsite Views", "Clicks", "Click through rate (CTR)",
             "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type"]
    return xlsx({
        "Metrics": [
            ["Aggregated metrics for Sample Co"], metrics,
            ["03/10/2025", 150, 0, 150, 90, 6, 0, 6, 9, 0, 9, 1, 0, 1, 2, 0, 2, 0.12, 0, 0.12],
            ["03/11/2025", 50, 0, 50, 30, 1, 0, 1, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0.06, 0, 0.06],
        ],
        "All posts": [
            ["All posts of Sample Co"], posts,
            ["Our spring news", "https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001", "Organic", "", "Ann",
             "03/10/2025", "", "", "All followers", 150, 0, 0, 6, 0.04, 9, 1, 2, 0, 0.12, "Text"],
        ],
    })


def youtube_table() -> bytes:
    """Studio "Table data": first data row ``Total``, publish time "Mar 10, 2025", negative subscribers."""
    header = ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Subscribers",
              "Impressions", "Impressions click-through rate (%)"]
    rows = [
        ["Total", "", "", "", 1500, 25.5, 9, 20000, 4.1],
        ["abcDEF12345", "Spring tour, part 1", "Mar 10, 2025", 300, 1000, 20.25, 11, 15000, 5.0],
        ["ghiJKL67890", "Behind the scenes", "Mar 12, 2025", 60, 500, 5.25, -2, 5000, 2.4],
    ]
    return utf8(text([csv_line(header), *(csv_line(r) for r in rows)]))


def youtube_totals() -> bytes:
    """Studio "Totals": Date re-saved by a spreadsheet as DD-MM-YYYY."""
    return utf8(text(["Date,Views", "10-03-2025,700", "11-03-2025,250", "13-03-2025,50"]))


def youtube_chart() -> bytes:
    header = ["Date", "Content", "Video title", "Video publish time", "Duration", "Views"]
    rows = [
        ["2025-03-10", "abcDEF12345", "Spring tour, part 1", "Mar 10, 2025", 300, 600],
        ["2025-03-11", "abcDEF12345", "Spring tour, part 1", "Mar 10, 2025", 300, 400],
    ]
    return utf8(text([csv_line(header), *(csv_line(r) for r in rows)]))


def tiktok_overview() -> bytes:
    """Overview: UTF-8 BOM, dates 2025/03/10, ``NAN`` for missing, a header with a trailing space."""
    header = ["Date", "Video views", "Reached audience", "Profile views", "Likes", "Shares", "Comments", "Phone number clicks ",
              "Leads submission", "Net growth", "New followers", "Lost followers"]
    rows = [
        ["2025/03/10", 900, 700, 30, 80, 5, 6, "NAN", "NAN", 8, 10, 2],
        ["2025/03/11", 100, 90, 3, 9, 0, 1, "NAN", "NAN", -1, 1, 2],
    ]
    return utf8_bom(text([csv_line(header), *(csv_line(r) for r in rows)]))


def tiktok_content() -> bytes:
    header = ["Video title", "Video link", "Post time", "Video views", "Likes", "Comments", "Shares", "Add to Favorites"]
    rows = [["Spring dance", "https://www.tiktok.com/@samplebrand/video/7400000000000000001", "2025/03/10 18:19:10", 900, 80, 6, 5, 4]]
    return utf8_bom(text([csv_line(header), *(csv_line(r) for r in rows)]))


# ----------------------------------------------------------------------------- Google


def ga4_report() -> bytes:
    """Standard report download: ``#`` preamble, Date as YYYYMMDD, rows not in date order."""
    lines = [
        "# ----------------------------------------", "# Report CSV Export", "# Account: Sample", "# Property: Sample - GA4",
        "# ----------------------------------------", "# ", "# Start date: 20250310", "# End date: 20250312",
        "Date,Sessions,Total users,New users,Engaged sessions,Views",
        "20250311,30,25,10,20,90", "20250310,50,40,20,35,150", "20250312,20,18,5,12,40",
    ]
    return utf8(text(lines))


def ga4_exploration() -> bytes:
    """Explorations download: short preamble, a grand-total first row with an extra cell."""
    lines = [
        "# ----------------------------------------", "# sample.org - GA4", "# Landing pages-Tab 1", "# 20250301-20250331",
        "# ----------------------------------------", "",
        "Landing page + query string,Sessions", ",100,Grand total",
        "/spring?utm_source=newsletter&utm_medium=email&utm_campaign=spring,60", "/,40",
    ]
    return utf8(text(lines))


def ua_report() -> bytes:
    """Universal Analytics CSV: preamble, display-formatted values ("1,215", "50.00%", "00:01:05"),
    a total row, a second ``Day Index`` table with DD/MM/YYYY dates."""
    lines = [
        "# ----------------------------------------", "# All Web Site Data", "# Landing Pages", "# 20150401-20150402",
        "# ----------------------------------------", "",
        "Landing Page,Sessions,% New Sessions,New Users,Bounce Rate,Pages/Session,Avg. Session Duration",
        '/,"1,215",50.00%,608,40.00%,2.00,00:01:05',
        "/contact,85,20.00%,17,10.00%,3.00,00:02:00",
        ',"1,300",48.08%,625,38.04%,2.07,00:01:09',
        "",
        "Day Index,Sessions",
        "01/04/2015,700", "02/04/2015,600", ',"1,300"',
    ]
    return utf8(text(lines))


def google_ads_utf16() -> bytes:
    """Campaign report as "Excel CSV": UTF-16LE + TAB, two title lines, thousands separators,
    `` --`` placeholders, ``Total: …`` rows."""
    lines = [
        "Campaign report", "1 March 2025 - 31 March 2025",
        "\t".join(["Campaign", "Campaign status", "Currency code", "Impr.", "Clicks", "CTR", "Avg. CPC", "Cost", "Conversions", "Cost / conv."]),
        "\t".join(["Spring search", "Enabled", "CAD", "1,200", "60", "5.00%", "0.50", "30.00", "3.00", "10.00"]),
        "\t".join(["Brand", "Paused", "CAD", "800", "20", "2.50%", "0.25", "5.00", "0.00", " --"]),
        "\t".join(["Total: Account", "", "CAD", "2,000", "80", "4.00%", "0.44", "35.00", "3.00", "11.67"]),
        "\t".join(["Total: Campaigns", "", "CAD", "2,000", "80", "4.00%", "0.44", "35.00", "3.00", "11.67"]),
    ]
    return utf16(text(lines, eol="\r\n"))


def search_console_dates() -> bytes:
    return utf8(text(["Date,Clicks,Impressions,CTR,Position", "2025-03-10,12,400,3%,8.5", "2025-03-11,8,400,2%,10"]))


def search_console_queries() -> bytes:
    return utf8(text(["Top queries,Clicks,Impressions,CTR,Position", "boussole dashboard,15,300,5%,2.1", "social roi,5,500,1%,12.4"]))


def business_profile() -> bytes:
    """Performance report: a second header row of descriptions, one row per location; the period
    is in the file name."""
    header = ["Store code", "Business name", "Address", "Labels", "Google Search - Mobile", "Google Search - Desktop",
              "Google Maps - Mobile", "Google Maps - Desktop", "Calls", "Messages", "Bookings", "Directions", "Website clicks"]
    desc = ["", "", "", ""] + [f"Number of people ({h})" for h in header[4:]]
    rows = [["", "Sample Café", "1 Main Street, Québec", "", 30, 20, 40, 10, 2, 0, 0, 5, 7]]
    return utf8(text([csv_line(header), csv_line(desc), *(csv_line(r) for r in rows)]))


SAMPLES: dict[str, Callable[[], bytes]] = {
    "x_tweet_activity_metrics_samplebrand_20250310_20250312_en.csv": x_tweet_activity,
    "x_daily_tweet_activity_metrics_samplebrand.csv": x_tweet_activity_daily,
    "x_account_analytics_content.csv": x_account_content,
    "x_account_overview_analytics.csv": x_account_overview,
    "meta_posts_bom.csv": meta_posts,
    "meta_page_reach_utf16_sepline.csv": meta_daily_series_utf16,
    "meta_page_visits_utf16_tab_crlf.csv": meta_daily_series_tab,
    "meta_audience_utf16_stacked.csv": meta_audience,
    "meta_ads_semicolon_decimal_comma.csv": meta_ads_semicolon,
    "facebook_insights_post_level_two_headers.csv": facebook_legacy_posts,
    "linkedin_content_title_rows.xlsx": linkedin_content,
    "youtube_table_data_total_row.csv": youtube_table,
    "youtube_totals_ddmmyyyy.csv": youtube_totals,
    "youtube_chart_data.csv": youtube_chart,
    "tiktok_overview_bom_nan.csv": tiktok_overview,
    "tiktok_content.csv": tiktok_content,
    "ga4_report_preamble.csv": ga4_report,
    "ga4_exploration_grand_total.csv": ga4_exploration,
    "ua_landing_pages_total_rows.csv": ua_report,
    "google_ads_campaign_report_utf16_tab.csv": google_ads_utf16,
    "search_console_Dates.csv": search_console_dates,
    "search_console_Queries.csv": search_console_queries,
    "google_business_profile_performance_report_2025-03.csv": business_profile,
}


def build() -> dict[str, bytes]:
    return {name: make() for name, make in SAMPLES.items()}


def main(argv: list[str]) -> int:
    built = build()
    if "--check" in argv:
        stale = [n for n, b in built.items() if not (HERE / n).is_file() or (HERE / n).read_bytes() != b]
        for n in stale:
            print(f"stale or missing: {n}", file=sys.stderr)
        return 1 if stale else 0
    HERE.mkdir(exist_ok=True)
    for name, payload in built.items():
        (HERE / name).write_bytes(payload)
    print(f"{len(built)} samples written to {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
