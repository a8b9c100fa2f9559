"""The README's two commands are the ones CI runs, and they work without a bare ``python``."""

from __future__ import annotations

import importlib.util
import re

from tests.conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")
CI = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


def _extractor():
    spec = importlib.util.spec_from_file_location("readme_commands", PROJECT / ".ci" / "readme_commands.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fenced(lang: str) -> list[str]:
    return re.findall(r"```" + lang + r"\n(.*?)```", README, re.S)


def test_ci_runs_the_readme_blocks_it_extracts():
    ex = _extractor()
    app, test = ex.block("app"), ex.block("test")
    assert app[0] == "python3 -m venv .venv"  # the venv is created, with python3 (Debian has no `python`)
    assert app[-1].endswith("-m streamlit run app.py") and "-m pip install -r requirements.txt" in app[-1]
    assert "-m pip install -r requirements-dev.txt" in test[0] and test[0].endswith("-m pytest") and "ruff check ." in test[0]
    # .ci/run executes exactly these blocks, on a fresh venv
    assert ".ci/readme_commands.py app" in CI and ".ci/readme_commands.py test" in CI
    assert "rm -rf .venv" in CI
    assert 'bash -euo pipefail -c "$line"' in CI and 'setsid bash -c "$last"' in CI


def test_extractor_reads_only_the_marked_block():
    ex = _extractor()
    text = "intro\n```bash\nnot me\n```\n<!-- ci:x -->\n```bash\n# a comment\nfirst\nsecond\n```\n"
    assert ex.block("x", text) == ["first", "second"]


def test_no_bare_python_in_shell_blocks_and_a_windows_variant():
    for block in fenced("bash") + fenced("cron"):
        for line in block.splitlines():
            assert not re.search(r"(^|[\s;&|(])python(\s|$)", line), line  # python3, .venv/bin/python or py only
    ps = fenced("powershell")
    assert ps and "py -m venv .venv" in ps[0] and r".venv\Scripts\python -m streamlit run app.py" in ps[0]
    assert r".venv\Scripts\python -m pytest" in ps[0]


def test_readme_says_what_the_first_start_does():
    section = README[README.index("## The two commands") : README.index("## Importing your exports")]
    assert "What the first start does" in section and "demo workspace" in section and "seconds" in section
    assert "python3-venv" in section  # the Debian/Ubuntu prerequisite
