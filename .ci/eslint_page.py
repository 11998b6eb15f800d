"""ESLint over the HTML page's script, each problem shown at its own file and line.

The parts in dipgraph/exports/templates/js/ are not scripts on their own (start.js opens
the closure api.js closes): they are linted joined, as dipgraph.exports.html inlines
them, and every problem is mapped back to the part it is in.

Usage: python3 .ci/eslint_page.py (exit 1 on any problem), with ESLint installed in
.ci/node_modules (.ci/run does it), beside the config that imports from there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dipgraph.exports.html import SCRIPT_PARTS, TEMPLATE_DIR, app_script  # noqa: E402


def part_at(line: int) -> tuple[str, int]:
    """The part file and its own line of a line of the joined script."""
    start = 1
    for part in SCRIPT_PARTS:
        path = TEMPLATE_DIR / "js" / f"{part}.js"
        lines = path.read_text(encoding="utf-8").count("\n") + 1
        if line < start + lines:
            return str(path.relative_to(ROOT)), line - start + 1
        start += lines
    return "(joined script)", line


def main() -> int:
    modules = ROOT / ".ci" / "node_modules"
    done = subprocess.run(
        [
            "node", str(modules / "eslint" / "bin" / "eslint.js"),
            "--config", str(ROOT / ".ci" / "eslint.config.mjs"),
            "--format", "json", "--stdin", "--stdin-filename", str(ROOT / ".ci" / "page.js"),
        ],
        input=app_script(), capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1):
        print(done.stderr or done.stdout, file=sys.stderr)
        return 2
    messages = [m for result in json.loads(done.stdout) for m in result["messages"]]
    for message in messages:
        path, line = part_at(message.get("line", 0))
        rule = message.get("ruleId") or "parse"
        print(f"{path}:{line}:{message.get('column', 0)}: {message['message']} ({rule})")
    print(f"eslint: {len(messages)} problem(s) in the page's script", file=sys.stderr)
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main())
