"""The client report: one self-contained HTML file (and its PDF) of a workspace over a period.

* :mod:`report.data` gathers the numbers, only through :mod:`connectors.loader` (the summary is
  :func:`connectors.loader.load_summary`, the same as the Overview and ``python -m metrics summary``);
* :mod:`report.build` turns them into HTML (cover, executive summary, sections, inline Plotly);
* :mod:`report.pdf` prints that HTML with a headless Chromium;
* :mod:`report.mail` sends a report by SMTP (settings in ``.env``);
* :mod:`report.cli` is ``python -m metrics report``; :mod:`report.ui` the Streamlit helpers.
"""

SECTIONS = ("objectives", "goals", "campaigns", "listening", "maturity", "loop")
