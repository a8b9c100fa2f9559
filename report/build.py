"""The report as one self-contained HTML string (opens offline; prints cleanly on A4 and Letter).

Layout: a cover (client name, logo and colour from the workspace settings, period and
comparison period), the executive summary, then the chosen sections in a fixed order
(:data:`report.SECTIONS`); a section without data is left out. Each section may carry the
consultant's note. Every figure is formatted with :mod:`ui.fmt` / :mod:`ui.insights` in the
report's language; every piece of user text (names, notes, actions) goes through
:func:`html.escape`.

Charts are Plotly figures with a fixed size (640 x 260 CSS px = 169 x 69 mm: they fit the
text width of A4 and Letter with 15 mm margins), drawn by plotly.js embedded once in the
``<head>``. Print rules: a chart, table, card or note is never cut across pages
(``break-inside: avoid``); a heading is kept with what follows it by wrapping both in one
unbreakable block (more reliable in Chromium than ``break-after: avoid`` alone, which is
also set).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import Any

from report import SECTIONS
from report.data import OBJECTIVE_KPIS, OBJECTIVE_TREND, ReportData, get_path, known
from ui import fmt, insights
from ui.i18n import has, t

DEFAULT_COLOR = "#1f4e79"
CHART_W, CHART_H = 640, 260
OBJECTIVES = ("presence", "sentiment", "relationships", "traffic")
GOOD_STATUSES = ("on_track", "achieved")
BADGE = {"green": "#1b7f3b", "orange": "#b35c00", "red": "#b3261e", "gray": "#5f6368"}
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")

_CSS = """
:root { --brand: %(color)s; --ink: #1d232b; --muted: #5b6470; --line: #d9dee4; --good: #1b7f3b; --bad: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 10.5pt/1.45 Inter, "Segoe UI", Helvetica, Arial, "DejaVu Sans", sans-serif; }
main { max-width: 182mm; margin: 0 auto; padding: 10mm 0; }
h1, h2, h3 { line-height: 1.2; margin: 0 0 .4em; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 17pt; color: var(--brand); border-bottom: 2px solid var(--brand); padding-bottom: 3pt; margin-top: 10pt; }
h3 { font-size: 12.5pt; margin-top: 10pt; }
p { margin: 0 0 .6em; orphans: 3; widows: 3; }
.cover { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; gap: 10mm;
         border-left: 8mm solid var(--brand); padding-left: 12mm; break-after: page; page-break-after: always; }
.cover img.logo { max-width: 60mm; max-height: 30mm; object-fit: contain; align-self: flex-start; }
.cover .kind { text-transform: uppercase; letter-spacing: .12em; color: var(--muted); font-size: 11pt; }
.cover h1 { font-size: 30pt; color: var(--brand); margin: 0; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 6mm; font-size: 12pt; margin: 0; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; font-weight: 600; }
.cover .foot { color: var(--muted); font-size: 9.5pt; }
section.part { margin-top: 8mm; }
.keep, .card, .chart, table, .note, .goalrow, tr, .level { break-inside: avoid; page-break-inside: avoid; }
.note { border-left: 3px solid var(--brand); background: #f4f6f9; padding: 3mm 4mm; margin: 2mm 0 4mm; }
.note .who { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin-bottom: 1mm; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 2mm 0 3mm; }
.cards.four { grid-template-columns: repeat(4, 1fr); }
.cards.four .value { font-size: 14pt; }
.card { border: 1px solid var(--line); border-radius: 2mm; padding: 2.5mm 3mm; }
.card .label { font-size: 8.5pt; color: var(--muted); }
.card .value { font-size: 16pt; font-weight: 700; white-space: nowrap; }
.card .delta { font-size: 8.5pt; color: var(--muted); }
.card .delta.good { color: var(--good); }
.card .delta.bad { color: var(--bad); }
.chart { width: %(cw)dpx; height: %(ch)dpx; margin: 2mm 0 4mm; }
.chart-title { font-size: 9.5pt; color: var(--muted); margin: 2mm 0 0; }
table { width: 100%%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9.5pt; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--line); padding: 1.5mm 2mm; }
td { border-bottom: 1px solid var(--line); padding: 1.5mm 2mm; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: .5mm 2.2mm; border-radius: 3mm; color: #fff; font-size: 8.5pt; white-space: nowrap; }
.small { font-size: 8.5pt; color: var(--muted); }
ul.highlights { margin: 0 0 3mm; padding-left: 5mm; }
.level .big { font-size: 20pt; font-weight: 700; color: var(--brand); }
.meter { display: flex; gap: 1.5mm; margin: 2mm 0; }
.meter span { flex: 1; height: 3mm; border-radius: 1mm; background: var(--line); }
.meter span.on { background: var(--brand); }
@page { margin: 15mm 14mm 16mm; %(size)s }
@media print {
  main { padding: 0; max-width: none; }
  .cover { min-height: 245mm; }
  a { color: inherit; text-decoration: none; }
}
@media screen and (max-width: 700px) { .cards { grid-template-columns: repeat(2, 1fr); } .chart { width: 100%%; } }
"""


def esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _para(text: str | None) -> str:
    """User text as paragraphs (escaped; blank lines split paragraphs, single newlines break lines)."""
    blocks = [b.strip() for b in str(text or "").replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{esc(b).replace(chr(10), '<br>')}</p>" for b in blocks if b)


class _Charts:
    """Plotly figures as divs; plotly.js itself is embedded once in the head."""

    def __init__(self) -> None:
        self.n = 0

    def div(self, fig: Any) -> str:
        self.n += 1
        fig.update_layout(width=CHART_W, height=CHART_H, autosize=False, margin=dict(l=48, r=12, t=12, b=36),
                          paper_bgcolor="#fff", plot_bgcolor="#fff", font=dict(family="DejaVu Sans, Arial, sans-serif", size=11),
                          legend=dict(orientation="h", y=-0.18, x=0))
        fig.update_xaxes(showgrid=False, linecolor="#c9ced6", tickangle=0, nticks=7)  # level labels: French months are long
        fig.update_yaxes(gridcolor="#e8ebef", zeroline=False)
        body = fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart{self.n}",
                           config={"displayModeBar": False, "responsive": False})
        return f'<div class="chart">{body}</div>'


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    # "</script" inside the library would end the element early
    return get_plotlyjs().replace("</script", "<\\/script")


def _note(notes: Mapping[str, str], key: str, lang: str) -> str:
    text = (notes or {}).get(key)
    if not text or not str(text).strip():
        return ""
    return f'<div class="note"><div class="who">{esc(t("report.doc.note", lang))}</div>{_para(text)}</div>'


def _card(label: str, value: str, delta: str | None = None, fav: bool | None = None, extra: str | None = None) -> str:
    cls = {True: " good", False: " bad"}.get(fav, "")  # type: ignore[arg-type]
    d = f'<div class="delta{cls}">{esc(delta)}</div>' if delta else ""
    x = f'<div class="delta">{esc(extra)}</div>' if extra else ""
    return f'<div class="card"><div class="label">{esc(label)}</div><div class="value">{esc(value)}</div>{d}{x}</div>'


def _badge(status: str, lang: str) -> str:
    colour = BADGE.get(insights.STATUS_COLORS.get(status, "gray"), BADGE["gray"])
    return f'<span class="badge" style="background:{colour}">{esc(insights.status_label(status, lang))}</span>'


def _platform(p: Any, lang: str) -> str:
    key = f"platform.{p}"
    return t(key, lang) if has(key) else str(p).capitalize()


def _week_labels(index: Sequence[Any], lang: str) -> list[str]:
    return [fmt.date(d, lang, "day_month") for d in index]


class Builder:
    def __init__(self, rd: ReportData, lang: str, notes: Mapping[str, str] | None, generated: dt.date | None) -> None:
        self.rd, self.lang, self.notes = rd, lang, dict(notes or {})
        self.cur = rd.settings.currency
        self.generated = generated or dt.date.today()
        self.charts = _Charts()

    # ------------------------------------------------------------------ helpers
    def v(self, metric: str, x: Any) -> str:
        return insights.value(metric, x, self.lang, self.cur)

    def kpi(self, metric: str, path: str) -> str | None:
        cur = get_path(self.rd.summary, path)
        if not known(cur):
            return None
        d = self.rd.deltas.get(metric)
        prev = d.previous if d is not None else None
        ch = insights.change(metric, cur, prev, self.lang, self.cur)
        fav = insights.favourable(metric, cur, prev)
        extra = None
        if metric == "followers":
            as_of = get_path(self.rd.summary, "presence.followers_as_of")
            if as_of and str(as_of)[:10] < self.rd.end.isoformat():
                extra = t("report.doc.last_known", self.lang, date=fmt.date(as_of, self.lang))
        delta = None
        if ch:
            delta = f"{ch} · {t('report.doc.vs', self.lang, value=self.v(metric, prev))}"
        return _card(insights.label(metric, self.lang), self.v(metric, cur), delta, fav, extra)

    def section(self, key: str, title: str, first: str, rest: str = "") -> str:
        """A section: heading, note and first block kept together on a page."""
        return (f'<section class="part" id="{key}"><div class="keep"><h2>{esc(title)}</h2>{_note(self.notes, key, self.lang)}'
                f"{first}</div>{rest}</section>")

    # ------------------------------------------------------------------ parts
    def cover(self) -> str:
        rd, lang = self.rd, self.lang
        logo = f'<img class="logo" src="{esc(rd.logo)}" alt="">' if rd.logo else ""
        return (
            f'<section class="cover">{logo}<div><div class="kind">{esc(t("report.doc.kind", lang))}</div>'
            f"<h1>{esc(rd.settings.display_name)}</h1></div>"
            f'<dl><dt>{esc(t("report.doc.period", lang))}</dt><dd>{esc(fmt.date_range(rd.start, rd.end, lang))}</dd>'
            f'<dt>{esc(t("report.doc.compared", lang))}</dt><dd>{esc(fmt.date_range(rd.prev_start, rd.prev_end, lang))}</dd></dl>'
            f'<div class="foot">{esc(t("report.doc.generated", lang, date=fmt.date(self.generated, lang, "long")))}'
            f' · {esc(t("report.doc.prepared_by", lang))}</div></section>'
        )

    def executive(self, sections: Sequence[str]) -> str:
        lang = self.lang
        # the biggest moves are listed here unless the loop section (insights) lists them
        movers = [] if "loop" in sections else self.rd.movers
        items = "".join(f"<li>{esc(insights.mover_sentence(d, lang, self.cur))}</li>" for d in movers)
        body = f'<h3>{esc(t("report.exec.highlights", lang))}</h3><ul class="highlights">{items}</ul>' if items else ""
        goals = self.rd.summary.get("goals") or []
        if goals and "goals" in sections:
            on = sum(1 for g in goals if g.get("status") in GOOD_STATUSES)
            body += f'<p>{esc(t("report.exec.goals", lang, on=fmt.integer(on, lang), n=fmt.integer(len(goals), lang)))}</p>'
        # headline cards: one per objective
        cards = [self.kpi(m, p) for m, p in (("followers", "presence.followers_end"), ("net_sentiment", "sentiment.net_sentiment"),
                                             ("new_leads", "relationships.new_leads"), ("social_sessions", "traffic.social_sessions"))]
        cards_html = "".join(c for c in cards if c)
        if cards_html:
            body = f'<div class="cards four">{cards_html}</div>' + body
        if not body and not self.notes.get("exec"):
            return ""
        return self.section("exec", t("report.section.exec", lang), body)

    def objectives(self) -> str:
        import plotly.graph_objects as go

        lang, blocks = self.lang, []
        for obj in OBJECTIVES:
            cards = [c for c in (self.kpi(m, p) for m, p in OBJECTIVE_KPIS[obj]) if c]
            if not cards:
                continue
            head = f'<h3>{esc(t(f"metrics.objective.{obj}", lang))}</h3><div class="cards">{"".join(cards)}</div>'
            chart = ""
            s = self.rd.trends.get(obj)
            if s is not None:
                metric = OBJECTIVE_TREND[obj]
                ys = [None if not known(y) else float(y) * (100 if metric in insights.PERCENT_METRICS else 1) for y in s.to_numpy()]
                fig = go.Figure(go.Scatter(x=_week_labels(s.index, lang), y=ys, mode="lines+markers",
                                           line=dict(color=self.rd.brand_color or DEFAULT_COLOR, width=2.5),
                                           hovertemplate="%{x}: %{y}<extra></extra>", name=insights.label(metric, lang)))
                if metric in insights.PERCENT_METRICS:
                    fig.update_yaxes(ticksuffix="%" if lang == "en" else "\u202f%")
                fig.update_layout(separators=".," if lang == "en" else ",\u202f", showlegend=False)
                title = t("report.trend.title", lang, metric=insights.label(metric, lang))
                chart = f'<div class="keep"><div class="chart-title">{esc(title)}</div>{self.charts.div(fig)}</div>'
            blocks.append((head, chart))
        if not blocks:
            return ""
        first = blocks[0][0]
        rest = blocks[0][1] + "".join(f'<div class="keep">{h}</div>{c}' for h, c in blocks[1:])
        return self.section("objectives", t("report.section.objectives", lang), first, rest)

    def goals(self) -> str:
        lang, rows = self.lang, []
        for g in self.rd.summary.get("goals") or []:
            metric = str(g.get("metric") or "")
            name = insights.label(metric, lang)
            plat = (g.get("scope") or {}).get("platform")
            if plat:
                name = t("report.goals.on", lang, metric=name, platform=_platform(plat, lang))
            rows.append(
                f"<tr><td>{esc(name)}</td><td class='num'>{esc(self.v(metric, g.get('current')))}</td>"
                f"<td class='num'>{esc(self.v(metric, g.get('target')))}</td>"
                f"<td class='num'>{esc(fmt.date(g.get('deadline'), lang))}</td><td>{_badge(str(g.get('status')), lang)}</td></tr>"
            )
        if not rows:
            return ""
        c = ("goal", "current", "target", "deadline", "status")
        head = "".join(f"<th{' class=num' if k in ('current', 'target', 'deadline') else ''}>{esc(t(f'report.goals.col.{k}', lang))}</th>"
                       for k in c)
        table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        return self.section("goals", t("report.section.goals", lang), table)

    def campaigns(self) -> str:
        import plotly.graph_objects as go

        lang, rd = self.lang, self.rd
        roi = rd.summary.get("roi") or {}
        estimated = roi.get("value_basis") in ("estimated", "mixed")
        mark = "≈\u00a0" if estimated else ""
        cards = []
        if known(roi.get("cost")):
            cards.append(self.kpi("cost", "roi.cost") or "")
        if known(roi.get("value")):
            d = rd.deltas.get("value")
            ch = insights.change("value", roi["value"], d.previous if d else None, lang, self.cur)
            cards.append(_card(insights.label("value", lang), mark + self.v("value", roi["value"]), ch,
                               insights.favourable("value", roi["value"], d.previous if d else None)))
        if known(roi.get("roi")):
            cards.append(_card(insights.label("roi", lang), mark + self.v("roi", roi["roi"])))
        ct = rd.campaigns
        table = chart = ""
        if len(ct):
            rows = []
            for _, r in ct.iterrows():
                name = r["key"] if r.get("registered") else t("report.campaigns.unattributed", lang)
                est = "≈\u00a0" if r.get("value_basis") in ("estimated", "mixed") else ""
                rows.append(f"<tr><td>{esc(name)}</td><td class='num'>{esc(self.v('cost', r['cost']))}</td>"
                            f"<td class='num'>{esc(est + self.v('value', r['value']) if known(r['value']) else fmt.MISSING)}</td>"
                            f"<td class='num'>{esc(self.v('roi', r['roi']))}</td></tr>")
                estimated = estimated or bool(est)
            head = "".join(f"<th{' class=num' if k != 'campaign' else ''}>{esc(t(f'report.campaigns.col.{k}', lang))}</th>"
                           for k in ("campaign", "cost", "value", "roi"))
            table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            reg = ct[ct["registered"].astype(bool)] if "registered" in ct else ct.iloc[0:0]
            if len(reg) >= 2:
                names = [esc(k) for k in reg["key"]]  # Plotly reads labels as a subset of HTML
                fig = go.Figure([
                    go.Bar(name=insights.label("cost", lang), x=names, y=reg["cost"].fillna(0).tolist(), marker_color="#9aa5b1"),
                    go.Bar(name=insights.label("value", lang), x=names, y=reg["value"].fillna(0).tolist(),
                           marker_color=rd.brand_color or DEFAULT_COLOR),
                ])
                fig.update_layout(barmode="group", separators=".," if lang == "en" else ",\u202f")
                chart = (f'<div class="keep"><div class="chart-title">{esc(t("report.campaigns.chart", lang))}</div>'
                         f"{self.charts.div(fig)}</div>")
        if not cards and not table:
            return ""
        note = ""
        if estimated:
            vpc, vpl = rd.settings.value_per_conversion, rd.settings.value_per_lead
            note = (f'<p class="small">{esc(t("report.campaigns.estimate", lang, vpc=self.v("value", vpc), vpl=self.v("value", vpl)))}'
                    "</p>")
        first = f'<div class="cards">{"".join(cards)}</div>' + (note if not table else "")
        rest = (f'<div class="keep">{table}{note}</div>' if table else "") + chart
        return self.section("campaigns", t("report.section.campaigns", lang), first, rest)

    def listening(self) -> str:
        import plotly.graph_objects as go

        lang, rd = self.lang, self.rd
        cards = [c for c in (self.kpi("mentions", "presence.mentions"), self.kpi("share_of_voice", "presence.share_of_voice"),
                             self.kpi("net_sentiment", "sentiment.net_sentiment")) if c]
        if not cards and not len(rd.sov_weekly) and not len(rd.spikes):
            return ""
        first = f'<div class="cards">{"".join(cards)}</div>' if cards else ""
        rest = ""
        sov = rd.sov_weekly
        if len(sov) and sov["share"].notna().sum():
            fig = go.Figure()
            for i, (brand, g) in enumerate(sov.groupby("brand", sort=False)):
                own = bool(g["is_own"].iloc[0])
                fig.add_trace(go.Scatter(
                    x=_week_labels(g["week"], lang), y=(g["share"] * 100).round(1).tolist(), name=esc(brand), mode="lines+markers",
                    line=dict(width=3 if own else 1.8, color=(rd.brand_color or DEFAULT_COLOR) if own else PALETTE[1 + i % 5]),
                    hovertemplate="%{x}: %{y}<extra>" + esc(brand) + "</extra>"))
            fig.update_yaxes(ticksuffix="%" if lang == "en" else "\u202f%", rangemode="tozero")
            fig.update_layout(separators=".," if lang == "en" else ",\u202f")
            rest += (f'<div class="keep"><div class="chart-title">{esc(t("report.listening.sov_chart", lang))}</div>'
                     f"{self.charts.div(fig)}</div>")
        sp = rd.spikes
        if len(sp):
            rows = []
            for _, r in sp.iterrows():
                kind = t("report.listening.crisis" if r.get("crisis") else "report.listening.buzz", lang)
                rows.append(f"<tr><td>{esc(fmt.date_range(r['start'], r['end'], lang))}</td>"
                            f"<td class='num'>{esc(fmt.integer(r['peak_mentions'], lang))}</td>"
                            f"<td class='num'>{esc(fmt.number(r['baseline'], 0, lang))}</td><td>{esc(kind)}</td></tr>")
            head = "".join(f"<th{' class=num' if k in ('peak', 'usual') else ''}>{esc(t(f'report.listening.col.{k}', lang))}</th>"
                           for k in ("when", "peak", "usual", "kind"))
            rest += (f'<div class="keep"><h3>{esc(t("report.listening.spikes", lang))}</h3><table><thead><tr>{head}</tr></thead>'
                     f"<tbody>{''.join(rows)}</tbody></table></div>")
        else:
            rest += f'<p class="small">{esc(t("report.listening.no_spike", lang))}</p>'
        return self.section("listening", t("report.section.listening", lang), first, rest)

    def maturity(self) -> str:
        a, lang = self.rd.maturity, self.lang
        if a is None:
            return ""
        meter = "".join(f'<span class="{"on" if i <= a.level else ""}"></span>' for i in range(1, 6))
        body = (f'<div class="level"><div class="big">{esc(t("report.maturity.level", lang, n=a.level, name=t(f"maturity.level.{a.level}", lang)))}'
                f'</div><div class="meter">{meter}</div>')
        if has(f"maturity.level.{a.level}.desc"):
            body += f"<p>{esc(t(f'maturity.level.{a.level}.desc', lang))}</p>"
        if self.rd.maturity_date:
            body += f'<p class="small">{esc(t("report.maturity.assessed", lang, date=fmt.date(self.rd.maturity_date, lang, "long")))}</p>'
        body += "</div>"
        if a.next_level and a.missing_for_next:
            items = "".join(
                f"<li>{esc(t('report.maturity.evidence', lang) if q == 'evidence' else t(f'maturity.q.{q}', lang))}</li>"
                for q in a.missing_for_next)
            body += f'<div class="keep"><p>{esc(t("report.maturity.next", lang, n=a.next_level))}</p><ul>{items}</ul></div>'
        return self.section("maturity", t("report.section.maturity", lang), body)

    def loop(self) -> str:
        lang, rd = self.lang, self.rd
        first = ""
        if rd.movers:
            items = "".join(f"<li>{esc(insights.mover_sentence(d, lang, self.cur))}</li>" for d in rd.movers)
            first = f'<h3>{esc(t("report.loop.insights", lang))}</h3><ul class="highlights">{items}</ul>'
        rows = []
        for a, res in rd.actions:
            metric = str(a.get("metric") or "")
            verdict = ""
            if res is not None:
                verdict = esc(t(f"loop.verdict.{res.verdict}", lang))
                if known(res.change):
                    pct = lambda x: fmt.percent(x, 0, lang, signed=True)  # noqa: E731
                    verdict += "<br><span class='small'>" + esc(t("report.loop.change", lang, change=pct(res.change),
                                                                    low=pct(res.ci_low), high=pct(res.ci_high))) + "</span>"
            rows.append(f"<tr><td class='num'>{esc(fmt.date(a.get('date'), lang))}</td><td>{esc(a.get('change'))}</td>"
                        f"<td>{esc(insights.label(metric, lang))}</td><td class='num'>{esc(fmt.date(a.get('review_date'), lang))}</td>"
                        f"<td>{verdict}</td></tr>")
        rest = ""
        if rows:
            head = "".join(f"<th>{esc(t(f'report.loop.col.{k}', lang))}</th>" for k in ("date", "action", "metric", "review", "verdict"))
            table = (f'<h3>{esc(t("report.loop.actions", lang))}</h3>'
                     f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
            if first:
                rest = f'<div class="keep">{table}</div>'
            else:
                first = table
        if not first:
            return ""
        return self.section("loop", t("report.section.loop", lang), first, rest)


def build_html(rd: ReportData, lang: str = "en", sections: Sequence[str] | None = None, notes: Mapping[str, str] | None = None,
               paper: str | None = None, generated: dt.date | None = None) -> str:
    """The report as one HTML document. ``sections``: a subset of :data:`report.SECTIONS` (all by
    default); ``notes``: ``{section or "exec": text}``; ``paper``: ``"A4"`` or ``"Letter"`` fixes
    the page size (for the PDF), None lets the browser's print dialog choose."""
    lang = lang if lang in ("en", "fr") else "en"
    chosen = [s for s in SECTIONS if s in (sections or SECTIONS)]
    b = Builder(rd, lang, notes, generated)
    parts = [b.cover(), b.executive(chosen)] + [getattr(b, s)() for s in chosen]
    size = f"size: {'A4' if str(paper).upper() == 'A4' else 'letter'};" if paper else ""
    css = _CSS % {"color": rd.brand_color or DEFAULT_COLOR, "cw": CHART_W, "ch": CHART_H, "size": size}
    title = t("report.doc.page_title", lang, client=rd.settings.display_name, period=fmt.date_range(rd.start, rd.end, lang))
    js = f"<script>{_plotly_js()}</script>" if b.charts.n else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
        f'<meta name="generator" content="Boussole">'
        f"<style>{css}</style>{js}</head><body><main>{''.join(p for p in parts if p)}</main></body></html>"
    )


def render(root: Any, ws: str, start: dt.date, end: dt.date, lang: str = "en", sections: Sequence[str] | None = None,
           notes: Mapping[str, str] | None = None, prev_start: dt.date | None = None, prev_end: dt.date | None = None,
           paper: str | None = None, generated: dt.date | None = None) -> str:
    """Collect (:func:`report.data.collect`) and build in one call."""
    from report.data import collect

    rd = collect(root, ws, start, end, prev_start, prev_end, tuple(sections or SECTIONS))
    return build_html(rd, lang, sections, notes, paper, generated)


__all__ = ["build_html", "render"]
