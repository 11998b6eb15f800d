"""Would a faster YAML parser move the floor? rapidyaml against dipgraph's libyaml reader.

Run: nice python benchmarks/fast_reader.py --facts DIR [--runs 3] [--no-processes]

Prints, in one run, for the fact files under DIR (benchmarks/synth.py writes them):

1. whole processes, interleaved run by run: the CSafeLoader floor (``yaml.load(...,
   CSafeLoader)`` over the same files), a cold ``check`` (fresh cache) as dipgraph reads
   today, and a cold ``check`` whose files are read by the prototype below; CPU seconds
   (user + system) and wall seconds, and whether both checks printed the same;
2. in one process, collector off as ``check`` runs it, CPU seconds of the reading step
   alone: dipgraph's reader (libyaml compose), ``ryml.parse_in_arena``, ryml then
   ``emit_json`` and ``json.loads``, the prototype; then checking each file alone
   (:func:`check_one_file`) with either reader, compared record by record and problem by
   problem.

The prototype is not dipgraph's reader (rapidyaml is not a dependency): it parses with
ryml, has ryml emit JSON, loads it with ``json.loads`` (numbers kept as text, mappings as
pairs so duplicate keys survive) and then builds the nodes dipgraph's checks walk, finding
each scalar's place by searching its text forward from the previous one (only indentation
and indicators may lie between). Whatever it is unsure of (a comment, a tag, an anchor, an
alias, a quoted value with escapes, a block or multi-line scalar, a null, CR or NEL line
ends, a tab, a byte order mark, document markers, possible deep nesting) sends the whole
file to dipgraph's reader. It is correct on what benchmarks/synth.py writes (part 2 checks
it) and is here to measure what the route could gain at best.
"""

from __future__ import annotations

import argparse
import gc
import json
import operator
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from dipgraph.loader import one_file  # noqa: E402
from dipgraph.loader.reading import (  # noqa: E402
    MAX_FILE_BYTES,
    _may_be_deep,
    decode_utf8,
    may_hold_refused_characters,
    read_bounded,
    read_yaml_nodes,
)

try:
    import ryml
except ImportError:  # rapidyaml is not a dependency: pip install rapidyaml==0.15.2
    ryml = None

_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))
# What may lie between two scalars the prototype places: indentation, line ends and
# the indicators of block and flow collections (no '?', '#', '!', '&', '*', tab, CR).
_GAP = re.compile(r"[ \n\[\]{},:-]*")
_SKIP_TO_SEQ = re.compile(r"[ \n,:\]}]*")
_SKIP_TO_MAP = re.compile(r"[ \n,:\]}-]*")
# Anything that can make a scalar's place or value differ from its verbatim text, or
# that libyaml counts as a line break where str.count("\n") would not.
_UNSURE = re.compile(r"[#!&*|>%@`\\\t\r\x85\u2028\u2029\ufeff]")
_MARKERS = ("---", "...")


class Unsure(Exception):
    """The prototype cannot place this file's nodes exactly: read it as dipgraph does."""


class _Mark(tuple):
    """A node's (line, column), counted from 0 as libyaml's marks are."""

    __slots__ = ()
    line = property(operator.itemgetter(0))
    column = property(operator.itemgetter(1))


def _mark(line: int, column: int) -> _Mark:
    return tuple.__new__(_Mark, (line, column))


def _nodes(text: str) -> yaml.Node:
    """The node tree dipgraph's compose would give, from ryml's JSON and forward search."""
    assert ryml is not None
    tree = ryml.parse_in_arena(text.encode("utf-8"))
    try:
        value = json.loads(
            ryml.emit_json(tree),
            parse_int=str,
            parse_float=str,
            parse_constant=_refuse,
            object_pairs_hook=tuple,
        )
    except ValueError as error:
        raise Unsure from error
    find, count, rfind, gap = text.find, text.count, text.rfind, _GAP.fullmatch
    new, ScalarNode = object.__new__, yaml.ScalarNode
    cur = line = 0
    raw_of = {True: "true", False: "false"}

    def scalar(raw: str) -> yaml.Node:
        nonlocal cur, line
        off = find(raw, cur)
        if off < 0 or gap(raw):
            raise Unsure
        if gap(text, cur, off):  # plain: only indentation and indicators before it
            start, style, after = off, "", off + len(raw)
        else:
            start, after = off - 1, off + len(raw) + 1
            style = text[start]
            if (
                style not in "\"'"
                or text[after - 1 : after] != style
                or style in raw
                or not gap(text, cur, start)
            ):
                raise Unsure
        line += count("\n", cur, start)
        cur = after
        mark = tuple.__new__(_Mark, (line, start - rfind("\n", 0, start) - 1))
        node = new(ScalarNode)
        node.__dict__ = {
            "tag": _STR,
            "value": raw,
            "start_mark": mark,
            "end_mark": mark,
            "style": style,
        }
        return node

    def at(position: int) -> _Mark:
        nonlocal cur, line
        line += count("\n", cur, position)
        cur = position + 1
        return _mark(line, position - rfind("\n", 0, position) - 1)

    def build(item: object) -> yaml.Node:
        kind = item.__class__
        if kind is str:
            return scalar(item)  # type: ignore[arg-type]
        if kind is list:
            position = _SKIP_TO_SEQ.match(text, cur).end()  # type: ignore[union-attr]
            first = text[position : position + 1]
            if first == "[":
                mark, flow = at(position), True
            elif first == "-":
                column = position - rfind("\n", 0, position) - 1
                mark, flow = _mark(line + count("\n", cur, position), column), False
            else:
                raise Unsure
            node = new(yaml.SequenceNode)
            node.__dict__ = {
                "tag": _SEQ,
                "value": [build(child) for child in item],  # type: ignore[attr-defined]
                "start_mark": mark,
                "end_mark": mark,
                "flow_style": flow,
            }
            return node
        if kind is tuple:
            position = _SKIP_TO_MAP.match(text, cur).end()  # type: ignore[union-attr]
            flow = text[position : position + 1] == "{"
            mark = at(position) if flow else None
            pairs = [(scalar(key), build(child)) for key, child in item]  # type: ignore[attr-defined]
            if mark is None:
                if not pairs:
                    raise Unsure
                mark = pairs[0][0].start_mark
            node = new(yaml.MappingNode)
            node.__dict__ = {
                "tag": _MAP,
                "value": pairs,
                "start_mark": mark,
                "end_mark": mark,
                "flow_style": flow,
            }
            return node
        if kind is bool:
            return scalar(raw_of[item])  # type: ignore[index]
        raise Unsure  # a null: plain empty, "null" or "~" cannot be told apart here

    if value.__class__ is not tuple:
        raise Unsure
    return build(value)


def _refuse(name: str) -> object:
    raise Unsure


def prototype_read(
    path: Path, shown: str, max_bytes: int = MAX_FILE_BYTES, digests: dict | None = None
) -> tuple[yaml.Node | None, list]:
    """:func:`read_yaml_nodes` through ryml where the prototype is sure, else itself."""
    try:
        data = read_bounded(path, max_bytes)
        text = decode_utf8(data)
    except (OSError, ValueError):
        return read_yaml_nodes(path, shown, max_bytes, digests)
    if (
        not text.strip()
        or _UNSURE.search(text)
        or text.startswith(_MARKERS)
        or any(f"\n{marker}" in text for marker in _MARKERS)
        or _may_be_deep(text)
    ):
        return read_yaml_nodes(path, shown, max_bytes, digests)
    try:
        node = _nodes(text)
    except (Unsure, RuntimeError, ryml.ExceptionBasic):  # type: ignore[union-attr]
        return read_yaml_nodes(path, shown, max_bytes, digests)
    if digests is not None:
        import hashlib

        digests[path] = hashlib.sha256(data).hexdigest()
    node.plain_text = not may_hold_refused_characters(text)  # type: ignore[attr-defined]
    return node, []


# ---------------------------------------------------------------- whole processes

_FLOOR = (
    "import sys, yaml\nfrom pathlib import Path\n"
    "for p in sorted(Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
_WITH_PROTOTYPE = (
    "import sys\nsys.path.insert(0, sys.argv.pop(1))\n"
    "import fast_reader\nfrom dipgraph.loader import one_file\n"
    "one_file.read_yaml_nodes = fast_reader.prototype_read\n"
    "from dipgraph.cli.commands import main\nsys.argv[0] = 'dipgraph'\nmain()\n"
)


def _process(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """CPU seconds (user + system), wall seconds and what it printed, of one process."""
    began = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - began
        out.seek(0)
        said = out.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{argv} failed:\n{said[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall, said


def processes(facts: Path, runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="dipgraph-fast-reader-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    env.pop("DIPGRAPH_NO_CACHE", None)
    python = sys.executable
    check = ["check", "--facts", str(facts)]
    commands = {
        "CSafeLoader floor": [python, "-c", _FLOOR, str(facts)],
        "cold check, libyaml reader": [python, "-m", "dipgraph", *check],
    }
    if ryml is not None:
        commands["cold check, ryml prototype"] = [python, "-c", _WITH_PROTOTYPE, str(HERE), *check]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    said: dict[str, set[str]] = {name: set() for name in commands}
    try:
        for _ in range(runs):
            for name, argv in commands.items():
                shutil.rmtree(work / "cache", ignore_errors=True)
                cpu, wall, out = _process(argv, {**env, "DIPGRAPH_CACHE_DIR": str(work / "cache")})
                times[name].append((cpu, wall))
                said[name].add(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor = statistics.median(cpu for cpu, _ in times["CSafeLoader floor"])
    print(f"\nwhole processes, {runs} interleaved run(s); median CPU s (× the floor's), all runs")
    for name, measured in times.items():
        cpu = statistics.median(c for c, _ in measured)
        every = ", ".join(f"{c:.2f}/{w:.2f}" for c, w in measured)
        print(f"  {name:28} {cpu:7.2f}  ({cpu / floor:4.2f}×)   CPU/wall: {every}")
    if ryml is not None:
        same = said["cold check, libyaml reader"] == said["cold check, ryml prototype"]
        print(f"  both checks printed the same: {same}")


# ---------------------------------------------------------------- one process


def _cpu(work, files: list[Path], runs: int) -> float:  # type: ignore[no-untyped-def]
    took = []
    for _ in range(runs):
        began = time.process_time()
        for path in files:
            work(path)
        took.append(time.process_time() - began)
    return statistics.median(took)


def in_process(facts: Path, runs: int) -> None:
    from dipgraph.schema.model import load_model

    files = sorted(facts.rglob("*.yaml"))
    model = load_model()
    size = sum(path.stat().st_size for path in files) / 1024 / 1024
    steps = {
        "yaml.load CSafeLoader": lambda p: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader),
        "libyaml reader (today)": lambda p: read_yaml_nodes(p, str(p)),
    }
    if ryml is not None:
        steps["ryml.parse_in_arena"] = lambda p: ryml.parse_in_arena(p.read_bytes())
        steps["ryml + emit_json + json.loads"] = lambda p: json.loads(
            ryml.emit_json(ryml.parse_in_arena(p.read_bytes()))
        )
        steps["ryml prototype (nodes, places)"] = lambda p: prototype_read(p, str(p))
    steps["check each file, libyaml reader"] = lambda p: one_file.check_one_file(
        p, str(p), False, model, MAX_FILE_BYTES
    )
    if ryml is not None:
        steps["check each file, ryml prototype"] = lambda p: _check_with_prototype(p, model)
    gc.disable()
    try:
        print(f"\none process, collector off, {len(files)} files, {size:.1f} MiB;", end=" ")
        print(f"median CPU s of {runs}")
        for name, work in steps.items():
            print(f"  {name:34} {_cpu(work, files, runs):7.3f}", flush=True)
        if ryml is not None:
            unlike = [
                p
                for p in files
                if one_file.check_one_file(p, str(p), False, model, MAX_FILE_BYTES)
                != _check_with_prototype(p, model)
            ]
            fast = sum(isinstance(prototype_read(p, str(p))[0].start_mark, _Mark) for p in files)
            print(f"  files read by the prototype itself: {fast} of {len(files)}")
            print(f"  files whose records or problems differ between readers: {len(unlike)}")
    finally:
        gc.enable()


def _check_with_prototype(path: Path, model) -> one_file.FileCheck:  # type: ignore[no-untyped-def]
    saved = one_file.read_yaml_nodes
    one_file.read_yaml_nodes = prototype_read  # type: ignore[assignment]
    try:
        return one_file.check_one_file(path, str(path), False, model, MAX_FILE_BYTES)
    finally:
        one_file.read_yaml_nodes = saved  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, required=True, help="a folder synth.py wrote")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-processes", action="store_true", help="only the in-process part")
    args = parser.parse_args()
    facts = args.facts.resolve()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if ryml is None:
        print("rapidyaml is not installed (pip install rapidyaml==0.15.2): its rows are left out")
    if not args.no_processes:
        processes(facts, args.runs)
    in_process(facts, args.runs)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
