"""One exception root, errors reported in one place, warnings instead of prints, and
process-wide state left to the process's owner (the command line)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import dipgraph
from dipgraph.cli import failures
from dipgraph.errors import DipgraphError, DipgraphWarning, InputError
from dipgraph.loader.problems import FactsError, Problem

PACKAGE = Path(dipgraph.__file__).parent
# Modules importing optional or heavy libraries are still walked: every one is installed
# for the tests.
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages([str(PACKAGE)], "dipgraph.")
    if not info.name.endswith("__main__")
)


def _defined_exceptions() -> list[type[BaseException]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, BaseException)
                and not issubclass(value, Warning)
                and value.__module__ == name
            ):
                found.append(value)
    return found


def test_every_exception_dipgraph_defines_derives_from_the_root() -> None:
    defined = _defined_exceptions()
    assert len(defined) >= 18  # the walk found them (a broken walk would pass vacuously)
    assert [e.__qualname__ for e in defined if not issubclass(e, DipgraphError)] == []


def test_the_standard_bases_are_kept_so_old_handlers_still_catch() -> None:
    from dipgraph.dates import DateError
    from dipgraph.names import NameLookupError
    from dipgraph.sparql.push import PushError

    assert issubclass(DateError, ValueError) and issubclass(NameLookupError, LookupError)
    assert issubclass(PushError, RuntimeError)
    assert issubclass(dipgraph.errors.FactsNotFound, FileNotFoundError)


def _calls(tree: ast.AST, owner: str | None, name: str) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if owner is None and isinstance(func, ast.Name) and func.id == name:
            lines.append(node.lineno)
        if (
            owner is not None
            and isinstance(func, ast.Attribute)
            and func.attr == name
            and isinstance(func.value, ast.Name)
            and func.value.id == owner
        ):
            lines.append(node.lineno)
    return lines


def _library_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "cli" not in p.relative_to(PACKAGE).parts]


def test_library_code_never_prints() -> None:
    printing = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _library_files()
        for line in _calls(ast.parse(path.read_text()), None, "print")
    }
    assert printing == set()


# Where the collector may be switched off outside the command line: the helper that
# acts only when the process's owner allowed it, and a forked cache child that ends with
# os._exit.
GC_ALLOWED = {"process_memory.py", "cache/child.py"}


def test_only_the_cli_or_an_allowed_helper_touches_the_collector() -> None:
    touching = {
        str(path.relative_to(PACKAGE))
        for path in _library_files()
        for name in ("disable", "freeze")
        if _calls(ast.parse(path.read_text()), "gc", name)
    }
    assert touching <= GC_ALLOWED
    assert "process_memory.py" in touching  # the test looks where it should


# Counts every switch of the collector and every malloc_trim, then loads, asks and
# compiles (the loader and the RDF compiler pause the collector when allowed).
_WATCHED = (
    "import ctypes, gc, sys\n"
    "switched = []\n"
    "gc.disable = lambda real=gc.disable: (switched.append('disable'), real())[1]\n"
    "trims = []\n"
    "class Libc:\n"
    "    def malloc_trim(self, pad): trims.append(pad)\n"
    "ctypes.CDLL = lambda *a, **k: Libc()\n"
    "import dipgraph\n"
    "from dipgraph import process_memory\n"
    "if sys.argv[1:] == ['allowed']:\n"
    "    process_memory.allow_tuning()\n"
    "kg = dipgraph.load('tests/fixtures/small')\n"
    "kg.talks(); kg.path('Alice Adams', 'Carol Clark'); kg.networkx; kg.quads\n"
    "process_memory.give_back_memory()\n"
    "print(gc.isenabled(), process_memory.tuning_allowed(), len(switched) > 0, len(trims))\n"
)


def _watched(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _WATCHED, *args],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        check=True,
        timeout=120,
    )
    return done.stdout.split()


def test_a_library_user_keeps_the_collector_and_the_allocator_as_found() -> None:
    """Not even paused meanwhile: a program importing dipgraph owns its process."""
    assert _watched() == ["True", "False", "False", "0"]


def test_the_process_owner_lets_the_collector_pause_and_the_heap_be_trimmed() -> None:
    """The same run, allowed as the command line allows it: the pauses happen (the
    watch above can see them) and the collector is on again afterwards."""
    assert _watched("allowed") == ["True", "True", "True", "1"]


def test_the_command_line_allows_the_tuning(monkeypatch) -> None:
    from dipgraph import process_memory
    from dipgraph.cli import commands

    monkeypatch.setattr(process_memory, "_allowed", False)
    monkeypatch.setattr(commands, "app", lambda: None)
    monkeypatch.setattr(sys, "argv", ["dipgraph", "stats"])
    import gc

    try:
        with warnings.catch_warnings():  # (main shows warnings as lines: restored)
            commands.main()
        assert process_memory.tuning_allowed()
    finally:
        gc.enable()  # main disables it for a one-shot command; pytest goes on


def test_a_library_warning_is_a_python_warning_not_a_print(capsys) -> None:
    from dipgraph.cache.folder import warn_once

    with pytest.warns(DipgraphWarning, match="a test of warn_once"):
        warn_once("a test of warn_once")
    assert capsys.readouterr().err == ""


def test_the_cli_shows_a_dipgraph_warning_as_one_line(capsys) -> None:
    saved = warnings.showwarning
    try:
        with warnings.catch_warnings():
            failures.show_warnings_as_lines()
            dipgraph.errors.warn("cache not written (a test)")
    finally:
        warnings.showwarning = saved
    assert capsys.readouterr().err == "warning: cache not written (a test)\n"


def test_the_cli_maps_every_refusal_in_one_place() -> None:
    assert failures.error_lines(InputError("bad\x1b[31m date")) == ["error: bad\\x1b[31m date"]
    problem = Problem("f.yaml", 3, 5, "unknown actor 'x'")
    warning = Problem("f.yaml", 4, 5, "unused", "warning")
    lines = failures.error_lines(FactsError([problem, warning]))
    assert lines == [
        str(problem),
        "error: 1 error(s) in the facts; fix them first (see dipgraph check)",
    ]
    assert failures.exit_code(FactsError([problem])) == 1


def test_commands_do_not_catch_value_errors_broadly() -> None:
    tree = ast.parse((PACKAGE / "cli" / "commands.py").read_text())
    caught = [
        ast.unparse(handler.type)
        for handler in ast.walk(tree)
        if isinstance(handler, ast.ExceptHandler) and handler.type is not None
    ]
    assert caught  # the walk found the handlers
    assert not [c for c in caught if "ValueError" in c or c in ("Exception", "BaseException")]


def test_a_bad_question_exits_1_with_one_error_line(cli) -> None:
    result = cli("talks", "--since", "2021-13", "--facts", "tests/fixtures/small")
    assert result.code == 1
    assert result.err.startswith("error: ") and "Traceback" not in result.err
    missing = cli("talks", "--facts", "no/such/folder")
    assert missing.code == 1 and "facts directory not found" in missing.err
