"""The README's way to a larger store, run as pasted: build N-Quads, ``oxigraph load
--location``, query the store, serve it read-only and ask it a named query; every answer
is the embedded store's."""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from test_server import free_port, wait_for

from conftest import CACHE_DIR, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def pasted_lines() -> list[str]:
    """The README's Oxigraph block, one command a line (continuations joined)."""
    block = next(b for b in re.findall(r"```bash\n(.*?)```", README, re.S) if "oxigraph load" in b)
    return [line for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def oxigraph_binary() -> str:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    assert Path(binary).exists(), "install the test extras: pip install -e '.[test]'"
    return binary


def csv_rows(text: str) -> list[tuple[str, ...]]:
    return sorted(tuple(row) for row in csv.reader(io.StringIO(text)) if row)


def test_the_larger_store_steps_work_as_pasted(tmp_path: Path) -> None:
    lines = pasted_lines()
    assert [line.split()[0] for line in lines] == [
        "dipgraph", "oxigraph", "oxigraph", "oxigraph", "curl"
    ]  # fmt: skip
    assert "--location" in lines[1]  # oxigraph 0.5's load needs it
    port = str(free_port())
    env = {"DIPGRAPH_CACHE_DIR": str(CACHE_DIR), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    outputs, server = [], None
    try:
        for line in lines:
            words = shlex.split(line.replace("127.0.0.1:7878", f"127.0.0.1:{port}"))
            if words[0] == "dipgraph":
                words[:1] = [sys.executable, "-m", "dipgraph"]
            elif words[0] == "oxigraph":
                words[0] = oxigraph_binary()
            # The README runs from the repository's root; here the files go to tmp_path.
            words = [w.replace("@dipgraph/queries/", f"@{REPO}/dipgraph/queries/") for w in words]
            if words[-1] == "&":
                server = subprocess.Popen(
                    words[:-1], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                )
                wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 60, server)
                continue
            done = subprocess.run(
                words, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
            )
            assert done.returncode == 0, (line, done.stderr)
            outputs.append(done.stdout)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    import dipgraph

    kg = dipgraph.load(REPO / "facts")
    (solution,) = kg.sparql("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert outputs[2].split() == ["n", solution["n"].value]
    embedded = subprocess.run(
        [sys.executable, "-m", "dipgraph", "sparql", "who-talked-to-whom", "--format", "csv"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert embedded.returncode == 0, embedded.stderr
    served = csv_rows(outputs[3])
    assert len(served) > 10  # the header and the contacts that happened
    assert served == csv_rows(embedded.stdout)
