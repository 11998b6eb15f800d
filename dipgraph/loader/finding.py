"""Finding the fact files under a directory, refusing what a pull request could smuggle in.

A ``.yaml`` symbolic link can point at any file on the machine (its lines would be
echoed in error messages); a folder that cannot be read would be skipped while
``check`` says "ok". Links that resolve outside the facts directory are refused,
and unreadable folders and files are errors, never silent.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dipgraph.loader.problems import Problem

FACT_SUFFIXES = (".yaml", ".yml")


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _regular(entry: os.DirEntry[str]) -> bool:
    """Whether a listed entry is (or links to) a regular file: known from the listing
    for a plain file, without a stat of its own (an unchanged check stats each file
    once for the cache key and once for the report: no more)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def find_fact_files(
    root: Path, problems: list[Problem], shown: Callable[[Path], str] = str
) -> list[Path]:
    """Every .yaml/.yml file under ``root`` (or ``root`` itself), in a stable order.

    Hidden files and folders are skipped; a problem is added for every folder or
    link that cannot be followed safely. ``root`` must be resolved (absolute, no links).
    """
    if root.is_file():
        return [root]
    found: dict[Path, Path] = {}  # real path -> path as found (a file linked twice is read once)
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            problems.append(
                Problem(
                    shown(folder),
                    0,
                    0,
                    f"cannot read this folder ({_reason(error)}): its fact files would be "
                    "skipped; fix its permissions or move it out of the facts directory",
                )
            )
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            is_fact = path.suffix in FACT_SUFFIXES
            try:
                is_link, is_dir = entry.is_symlink(), entry.is_dir()
                real = path.resolve() if is_link else path
            except (OSError, RuntimeError) as error:
                reason = _reason(error) if isinstance(error, OSError) else str(error)
                problems.append(Problem(shown(path), 0, 0, f"cannot follow this link ({reason})"))
                continue
            if is_link and not real.is_relative_to(root):
                if is_dir or is_fact:
                    problems.append(
                        Problem(
                            shown(path),
                            0,
                            0,
                            f"symbolic link to {real}, outside the facts directory {root}: "
                            "refused (fact files must live inside it)",
                        )
                    )
                continue
            if is_dir:
                if not is_link:  # a link to a folder inside the facts is read where it is
                    folders.append(path)
            elif is_fact:
                if is_link and not real.exists():
                    problems.append(
                        Problem(shown(path), 0, 0, f"symbolic link to a missing file ({real})")
                    )
                elif not _regular(entry):
                    problems.append(
                        Problem(
                            shown(path), 0, 0, "not a regular file (a pipe or a device?): refused"
                        )
                    )
                elif real not in found or not is_link:
                    found[real] = path
    return sorted(found.values())
