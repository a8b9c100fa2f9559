"""Streamlit helpers shared by every page.

Registering a page: add one ``PageSpec(file, title_key, icon, section_key, admin=False)`` line to
``app.PAGES`` (a page whose file does not exist yet is skipped). ``admin=True`` pages (import,
data, workspaces, settings) disappear in presentation mode. Each page module starts with::

    from ui import context, data, fmt, charts, widgets
    from ui.i18n import t
    ctx = context.get()                      # or context.admin_page() for admin pages
    ws = context.require_workspace(ctx)      # note + st.stop() when there is no workspace

Modules
-------
``ui.context``  ``get() -> Context`` (root, workspace, start, end, prev_start, prev_end, period,
                lang, present, today, theme, currency, timezone, display_name, settings);
                ``require_workspace``, ``admin_page``; setters ``set_workspace/set_lang/set_period/
                set_present`` (then ``st.rerun()``); the URL (``?workspace&lang&start&end&present``)
                is kept in sync by app.py.
``ui.i18n``     ``t(key, lang=None, **fmt)``; ``TABLE`` merged from ``ui/texts/*.py`` (each defines
                ``TEXTS = {key: {"en", "fr"}}``; duplicate key = error); ``has(key)``, ``get_lang()``.
``ui.fmt``      ``number, integer, percent (ratio in), points, currency(x, code), compact, filesize,
                date(d, style=short|medium|long|full|day_month|month|iso), date_range, datetime`` —
                French with U+202F thousands / before %, U+00A0 before a currency symbol.
``ui.charts``   ``show(fig, key=None, percent_y=False, y_format=None, height=None)`` — locale
                separators, date tick/hover formats, plotly French locale, platform colours (traces
                named by platform id are coloured and relabelled), transparent background.
                ``style(fig)``, ``plotly_config(lang)``, ``platform_colors()``.
``ui.colors``   ``platform_color(p, theme)``, ``color_map(theme)``, ``SENTIMENT_COLORS``, ``STATUS_COLORS``.
``ui.widgets``  ``table(df, static=False)`` (nothing in presentation mode), ``debug(label, obj)``,
                ``platform_name(p)``, ``table_name(t)``, ``estimate_note(key)``.
``ui.data``     the IO boundary: ``read(table, columns, start=None, end=None, filters=None)`` cached
                (``st.cache_data``, keyed on a store version = mtimes of the table folder and import
                log), ``stats(table)``, ``config(name, default)``, ``save_config``, ``invalidate()``.
``ui.period``   pure period arithmetic (last complete ISO week/month/quarter, previous period).
``ui.datainfo`` pure coverage/gaps and CSV neutralisation for the Data page.
``ui.style``    page CSS (presentation mode, uploader labels in French).
``ui.safe``     user text made inert: ``md`` (markdown), ``code`` (code span), ``table`` (st.table
                cells), ``plot``/``plots`` (Plotly labels, hovers), ``csv_bytes`` (formulas
                neutralised). Every imported or typed value shown on a page goes through one.
``ui.access``   sign-in (``st.login`` or ``BOUSSOLE_PASSWORD``/``BOUSSOLE_USER_<NAME>``) and roles
                per workspace; ``app.py`` calls ``gate``; ``Context.role`` / ``admin`` / ``access_on``.
"""
