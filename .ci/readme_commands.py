"""Print the shell commands of a README block marked ``<!-- ci:NAME -->`` (the fenced block
right after the marker), one per line, exactly as written: ``.ci/run`` executes them, so CI
proves the README's commands literally.

    python3 .ci/readme_commands.py app     # the install-and-run block
    python3 .ci/readme_commands.py test    # the test block
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def block(name: str, text: str | None = None) -> list[str]:
    text = README.read_text(encoding="utf-8") if text is None else text
    m = re.search(r"<!-- ci:" + re.escape(name) + r" -->\s*```(?:bash|sh)\n(.*?)```", text, re.S)
    if not m:
        raise SystemExit(f"README.md has no block marked <!-- ci:{name} -->")
    return [line for line in m.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]


if __name__ == "__main__":
    print("\n".join(block(sys.argv[1])))
